"""Time prorate() against a bare inline Decimal computation of the same amount, in one run.

Run it with ``python benchmarks/bench_prorate.py``.  It prints microseconds per call (the best of
several repeats, to keep noise from other processes out) and the ratios; the target is at most 2
(SPEC §5).  This is a benchmark, never a test: timings depend on the machine.

Two baselines are timed: the expression written inline (no function call at all), and the same
expression in a function taking the same five arguments as the prorate call.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import timeit
from decimal import ROUND_HALF_UP, Decimal

from seatcalc import KILLBILL, STRIPE, Money, prorate

NUMBER, REPEAT = 100_000, 15

SETUP = {
    "prorate": prorate,
    "ROUND_HALF_UP": ROUND_HALF_UP,
    "KILLBILL": KILLBILL,
    "STRIPE": STRIPE,
    "PRICE": Money("1200.00", "USD"),
    "price": Decimal("1200.00"),
    "cent": Decimal("0.01"),
    "seats": 2,
    "start": dt.date(2026, 1, 1),
    "end": dt.date(2027, 1, 1),
    "on": dt.date(2026, 7, 1),
    "start_t": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    "end_t": dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    "on_t": dt.datetime(2026, 7, 1, 12, 30, tzinfo=dt.UTC),
}


CENT = Decimal("0.01")


def inline(price, seats, start, end, on):
    remaining = (end - on).days
    total = (end - start).days
    return (price * seats * remaining / total).quantize(CENT, rounding=ROUND_HALF_UP)


SETUP["inline"] = inline

INLINE = (
    "(price * seats * (end - on).days / (end - start).days).quantize(cent, rounding=ROUND_HALF_UP)"
)
CASES = {
    "inline Decimal expression": INLINE,
    "inline Decimal in a function": "inline(price, seats, start, end, on)",
    "prorate(...)": "prorate(PRICE, start, end, on, quantity=seats)",
    "prorate(...).amount": "prorate(PRICE, start, end, on, quantity=seats).amount",
    "prorate, KILLBILL": "prorate(PRICE, start, end, on, quantity=seats, convention=KILLBILL)",
    "prorate, STRIPE": "prorate(PRICE, start_t, end_t, on_t, quantity=seats, convention=STRIPE)",
}


def microseconds(statement: str) -> float:
    times = timeit.repeat(statement, globals=SETUP, number=NUMBER, repeat=REPEAT)
    return min(times) / NUMBER * 1e6


def main() -> None:
    result = prorate(SETUP["PRICE"], SETUP["start"], SETUP["end"], SETUP["on"], quantity=2)
    assert result.amount.amount == eval(INLINE, SETUP) == Decimal("1209.86")  # noqa: S307
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    print(
        f"{cpu}, {os.cpu_count()} CPUs, {platform.python_implementation()} {sys.version.split()[0]}"
    )
    timings = {name: microseconds(statement) for name, statement in CASES.items()}
    floor = timings["inline Decimal expression"]
    wrapped = timings["inline Decimal in a function"]
    for name, spent in timings.items():
        ratios = f"x{spent / floor:5.2f} inline   x{spent / wrapped:5.2f} function"
        print(f"{name:<30} {spent:6.3f} µs   {ratios}")


def _cpuinfo() -> list[str]:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:  # noqa: PTH123
            return info.readlines()
    except OSError:
        return []


if __name__ == "__main__":
    main()

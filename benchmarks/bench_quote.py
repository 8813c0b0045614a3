"""Time one complete add-seats quote against a bare inline Decimal computation, in one run.

Run it with ``python benchmarks/bench_quote.py``.  The quote checks eligibility under the default
policy, co-terms the seats, prorates with the default convention and rounds once; the baseline
computes only the amount.  The target is at most 4 (SPEC §5).  It also reports how long
``import seatcalc`` takes in a fresh interpreter.  This is a benchmark, never a test.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import timeit
from decimal import ROUND_HALF_UP, Decimal

from seatcalc import Money, Subscription, quote_add_seats

NUMBER, REPEAT = 100_000, 15

SUB = Subscription(
    seats=10,
    unit_price=Money("1200.00", "USD"),
    term_start=dt.date(2026, 1, 1),
    term_end=dt.date(2027, 1, 1),
    country="US",
)
SETUP = {
    "quote_add_seats": quote_add_seats,
    "ROUND_HALF_UP": ROUND_HALF_UP,
    "SUB": SUB,
    "price": Decimal("1200.00"),
    "cent": Decimal("0.01"),
    "seats": 2,
    "start": dt.date(2026, 1, 1),
    "end": dt.date(2027, 1, 1),
    "on": dt.date(2026, 7, 1),
}
INLINE = (
    "(price * seats * (end - on).days / (end - start).days).quantize(cent, rounding=ROUND_HALF_UP)"
)
CASES = {
    "inline Decimal expression": INLINE,
    "quote_add_seats(...)": "quote_add_seats(SUB, seats, on)",
    "quote_add_seats(...).total": "quote_add_seats(SUB, seats, on).total",
    "quote_add_seats(...).lines": "quote_add_seats(SUB, seats, on).lines",
}


def microseconds(statement: str) -> float:
    times = timeit.repeat(statement, globals=SETUP, number=NUMBER, repeat=REPEAT)
    return min(times) / NUMBER * 1e6


def import_milliseconds() -> float:
    """The best of five fresh ``import seatcalc``, from python -X importtime's own figure."""
    best = float("inf")
    for _ in range(5):
        report = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import seatcalc"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        line = next(line for line in report.splitlines() if line.endswith("| seatcalc"))
        best = min(best, int(line.split("|")[1]) / 1000)
    return best


def main() -> None:
    quote = quote_add_seats(SUB, 2, dt.date(2026, 7, 1))
    assert quote.total is not None
    assert quote.total.amount == eval(INLINE, SETUP) == Decimal("1209.86")  # noqa: S307
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.python_implementation()} {sys.version.split()[0]}"
    )
    baseline = microseconds(INLINE)
    for name, statement in CASES.items():
        spent = microseconds(statement)
        print(f"{name:30s} {spent:7.3f} µs   x{spent / baseline:5.2f}")
    print(f"import seatcalc (fresh interpreter, -X importtime): {import_milliseconds():.1f} ms")


if __name__ == "__main__":
    main()

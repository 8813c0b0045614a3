"""Time prorate() against a bare inline Decimal computation of the same amount, in one run.

Run it with ``python benchmarks/bench_prorate.py``.  It prints microseconds per call (the best of
several repeats, to keep noise from other processes out) and the ratio; the target is a ratio of
at most 2 (SPEC §5).  This is a benchmark, never a test: timings depend on the machine.
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
import timeit
from decimal import ROUND_HALF_UP, Decimal

from seatcalc import KILLBILL, STRIPE, Money, prorate

PRICE = Money("1200.00", "USD")
AMOUNT = Decimal("1200.00")
CENT = Decimal("0.01")
START, END, ON = dt.date(2026, 1, 1), dt.date(2027, 1, 1), dt.date(2026, 7, 1)
UTC = dt.UTC
START_T = dt.datetime(2026, 1, 1, tzinfo=UTC)
END_T = dt.datetime(2027, 1, 1, tzinfo=UTC)
ON_T = dt.datetime(2026, 7, 1, 12, 30, tzinfo=UTC)


def inline(price=AMOUNT, seats=2, start=START, end=END, on=ON):
    # The floor: two date subtractions and one Decimal expression, no checks at all.
    remaining = (end - on).days
    total = (end - start).days
    return (price * seats * remaining / total).quantize(CENT, rounding=ROUND_HALF_UP)


def seatcalc_default():
    return prorate(PRICE, START, END, ON, quantity=2).amount


def seatcalc_killbill():
    return prorate(PRICE, START, END, ON, quantity=2, convention=KILLBILL).amount


def seatcalc_stripe():
    return prorate(PRICE, START_T, END_T, ON_T, quantity=2, convention=STRIPE).amount


def microseconds(function, number=100_000, repeat=7):
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    assert seatcalc_default().amount == inline() == Decimal("1209.86")
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'unknown cpu'}, "
        f"Python {sys.version.split()[0]} ({platform.python_implementation()})"
    )
    baseline = microseconds(inline)
    print(f"inline Decimal            {baseline:6.3f} µs")
    for name, function in (
        ("prorate (actual_days)", seatcalc_default),
        ("prorate (killbill)", seatcalc_killbill),
        ("prorate (stripe, seconds)", seatcalc_stripe),
    ):
        spent = microseconds(function)
        print(f"{name:<25} {spent:6.3f} µs   ratio {spent / baseline:4.2f}")


if __name__ == "__main__":
    main()

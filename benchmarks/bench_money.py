"""Time Money's construction and addition against the bare Decimal operations, in one run.

Run it with ``python benchmarks/bench_money.py``.  Each case and its Decimal baseline are timed
in turns, several times, and the best time of each is kept, so a busy machine slows both alike.
The target is at most 3x the bare Decimal operation for ``Money("12.34", "USD")`` and for
``a + b``.  The last row times no Money at all: a class whose ``__add__`` only builds a new
object, the floor under any operator written in Python.  This is a benchmark, never a test.
"""

from __future__ import annotations

import os
import platform
import sys
import timeit
from decimal import Decimal

from seatcalc import Money

NUMBER, ROUNDS = 100_000, 9


class _Floor:
    """The least a Python class can do for ``a + b``: one method call that builds one object.

    Money's operators are Python methods, so no Money operation can cost less than this; the
    benchmark prints it beside the Decimal operation to show how much of a ratio is the call.
    """

    __slots__ = ("amount", "currency")

    def __init__(self, amount: Decimal, currency: str) -> None:
        self.amount = amount
        self.currency = currency

    def __add__(self, other: _Floor) -> _Floor:
        return _Floor(self.amount, self.currency)


SETUP = {
    "Money": Money,
    "Decimal": Decimal,
    "a": Money("12.34", "USD"),
    "b": Money("1.10", "USD"),
    "x": Decimal("12.34"),
    "y": Decimal("1.10"),
    "units": 120986,
    "floor": _Floor(Decimal("12.34"), "USD"),
}
PAIRS = {
    'Money("12.34", "USD")': ('Money("12.34", "USD")', 'Decimal("12.34")'),
    "Money + Money": ("a + b", "x + y"),
    "Money < Money": ("a < b", "x < y"),
    "Money * 3": ("a * 3", "x * 3"),
    'Money.from_minor(120986, "USD")': ('Money.from_minor(units, "USD")', 'Decimal("1209.86")'),
    # Not Money: the cost of any Python-level operator that returns a new object.
    "floor: a Python __add__": ("floor + floor", "x + y"),
}


def best_of_turns(statement: str, baseline: str) -> tuple[float, float]:
    """Time both statements in turns; return the best microseconds per run of each."""
    first = second = float("inf")
    for _ in range(ROUNDS):
        first = min(first, timeit.timeit(statement, globals=SETUP, number=NUMBER))
        second = min(second, timeit.timeit(baseline, globals=SETUP, number=NUMBER))
    return first / NUMBER * 1e6, second / NUMBER * 1e6


def main() -> None:
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.python_implementation()} {sys.version.split()[0]}"
    )
    for name, (statement, baseline) in PAIRS.items():
        spent, bare = best_of_turns(statement, baseline)
        print(f"{name:34s} {spent:6.3f} µs   Decimal {bare:6.3f} µs   x{spent / bare:5.2f}")


if __name__ == "__main__":
    main()

"""Benchmark: a seat-usage report over 100,000 users and 1,000,000 usage events.

Run with ``python benchmarks/bench_usage.py``; it prints the best of five runs.
"""

from __future__ import annotations

import datetime as dt
import platform
import time

from seatcalc import Money, Subscription
from seatcalc.usage import usage_report

USERS = 100_000
EVENTS = 1_000_000


def main() -> None:
    sub = Subscription(
        seats=110_000,
        unit_price=Money("1200.00", "USD"),
        term_start=dt.date(2026, 1, 1),
        term_end=dt.date(2027, 1, 1),
        country="US",
    )
    as_of = dt.date(2026, 11, 30)
    days = [as_of - dt.timedelta(days=offset) for offset in range(180)]
    assignments = {f"user{n:06d}": dt.date(2026, 1, 1) for n in range(USERS)}
    # Deterministic spread: user i is seen on days (i * 7 + j * 13) % 180 for j in 0..9.
    events = [
        (f"user{n:06d}", days[(n * 7 + j * 13) % 180]) for n in range(USERS) for j in range(10)
    ]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        report = usage_report(sub, assignments, events, as_of)
        best = min(best, time.perf_counter() - start)
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
    print(f"usage_report: {USERS:,} users, {EVENTS:,} events: best {best:.3f} s of 5 runs")
    print(f"active {len(report.active_users):,}, recommended {report.recommended_seats:,}")


if __name__ == "__main__":
    main()

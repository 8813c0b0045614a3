"""Counting a stretch of time: the day counts and time units a convention names.

:class:`~seatcalc.Convention` says *which* way of counting it uses; this module does the
counting, on calendar dates (actual days, 30E/360, whole months then days) or on aware datetimes
(seconds, milliseconds, through UTC).  Every count is exact: an int, or a Fraction of months.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Final

from seatcalc.dates import grid_date, months_between

__all__ = ["DAY_COUNTS", "UNITS", "count_time", "serial_30e"]

#: The ways of counting a stretch of time, by name:
#:
#: * ``"actual"``: actual days (or seconds) from the first counted day to the term end.
#: * ``"30E/360"``: days of 30-day months (Eurobond basis): a 31st counts as the 30th,
#:   February's last day is not moved.  ``360·ΔY + 30·ΔM + ΔD``.
#: * ``"months+actual"``: whole months counted back from the term end, then the days left over
#:   as a share of the actual length of the billing month they fall in.
#: * ``"months+30"``: the same, with the days left over divided by 30.
#: * ``"months-forward+actual"``: whole months counted forward from the first counted day
#:   (each boundary computed from it, clamped to month ends, never chained), then the days left
#:   at the end as a share of the actual length of the month they begin.
#: * ``"actual/360"``: actual days left over the term counted in 360-day years (30E/360), as
#:   finance's actual/360: a daily rate of a 360th of a year's price.  The share is at most 1: a
#:   change in the first days of a term longer than its 360-day count pays the whole price.
DAY_COUNTS: tuple[str, ...] = (
    "actual",
    "30E/360",
    "months+actual",
    "months+30",
    "months-forward+actual",
    "actual/360",
)
#: The time units: calendar days on :class:`datetime.date`, seconds on aware datetimes.
UNITS: tuple[str, ...] = ("day", "second", "millisecond")

_TIME_UNITS: Final = {
    "second": dt.timedelta(seconds=1),
    "millisecond": dt.timedelta(milliseconds=1),
}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def count_time(unit: str, day_count: str, start: dt.date, end: dt.date) -> int | Fraction:
    """Count the half-open stretch ``[start, end)`` in ``unit`` with ``day_count``.

    The arguments must suit the unit (dates for days, aware datetimes otherwise) and
    ``start <= end`` for seconds; a day count of an empty or reversed stretch is 0.

    >>> import datetime as dt
    >>> count_time("day", "30E/360", dt.date(2026, 2, 28), dt.date(2026, 3, 31))
    32
    >>> count_time("day", "months+30", dt.date(2026, 1, 18), dt.date(2026, 4, 1))
    Fraction(37, 15)
    """
    if unit != "day":
        # Through UTC: two datetimes with the same tzinfo subtract as wall-clock times,
        # which would ignore a daylight-saving change in between.
        return ((end - _EPOCH) - (start - _EPOCH)) // _TIME_UNITS[unit]
    if start >= end:
        return 0
    if day_count in {"actual", "actual/360"}:
        return (end - start).days
    if day_count == "30E/360":
        return serial_30e(end) - serial_30e(start)
    if day_count == "months-forward+actual":
        return _months_forward_then_days(start, end)
    return _months_then_days(start, end, thirty=day_count == "months+30")


def serial_30e(day: dt.date) -> int:
    """Return a serial number whose differences are 30E/360 day counts (so counts add up).

    Every month has 30 days, a 31st counts as the 30th.
    """
    return 360 * day.year + 30 * day.month + min(day.day, 30)


def _months_then_days(first: dt.date, end: dt.date, *, thirty: bool) -> int | Fraction:
    # Whole months back from the end (never chained: end - k months, clamped), then the stub.
    months = months_between(first, end)
    boundary = grid_date(end, -months)
    if boundary < first:
        months -= 1
        boundary = grid_date(end, -months)
    stub = (boundary - first).days
    if stub == 0:
        return months
    length = 30 if thirty else (boundary - grid_date(end, -(months + 1))).days
    return months + Fraction(stub, length)


def _months_forward_then_days(first: dt.date, end: dt.date) -> int | Fraction:
    # Whole months forward from the first day (first + k months, clamped), then the stub at the
    # end over the length of the month it begins.
    months = months_between(first, end)
    boundary = grid_date(first, months)
    if boundary > end:
        months -= 1
        boundary = grid_date(first, months)
    stub = (end - boundary).days
    if stub == 0:
        return months
    return months + Fraction(stub, (grid_date(first, months + 1) - boundary).days)

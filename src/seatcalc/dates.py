"""Month arithmetic on an anchor's renewal grid.

A subscription renews on ``anchor + k * period`` months for whole ``k``, each date clamped to the
last day of its month (anchor 31: Jan 31, Feb 28 or 29, Mar 31, Apr 30).  Every grid date is
computed from the anchor, never by stepping from a clamped date, so the day of month never drifts.

The arithmetic is the calendar's own: count months from year 0, then clamp the day.  It gives
the same dates as ``anchor + dateutil.relativedelta(months=n)`` (a property test checks it
against dateutil on every anchor), in a fraction of the time, and it reports a date outside
Python's years 1 to 9999 as a seatcalc error.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from seatcalc.errors import ErrorCode, InvalidValueError

__all__ = ["grid_date", "grid_index", "months_between", "period_containing"]

# Days in each month of a common year; February gains a day in leap years.
_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def grid_date(anchor: dt.date, months: int, *, field: str = "anchor") -> dt.date:
    """Return ``anchor`` moved by ``months`` whole months, clamped to the month's last day.

    A result outside the years 1 to 9999 is an error about ``field``.

    >>> import datetime as dt
    >>> [grid_date(dt.date(2024, 1, 31), k).isoformat() for k in range(4)]
    ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']
    >>> grid_date(dt.date(9999, 12, 31), 1)
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: anchor: got 9999-12-31, which moved by 1 month(s) falls outside the years 1 to 9999; expected a date whose renewal dates Python can represent
    """  # noqa: E501 - a doctest's output is one line
    year, month = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise InvalidValueError(
            field=field,
            value=anchor,
            problem=f", which moved by {months} month(s) falls outside the years 1 to 9999",
            expected="a date whose renewal dates Python can represent",
            code=ErrorCode.DATE_OUT_OF_RANGE,
        )
    day = anchor.day
    if day > 28:
        last = 29 if month == 1 and _is_leap(year) else _MONTH_DAYS[month]
        day = min(day, last)
    return dt.date(year, month + 1, day)


def months_between(start: dt.date, end: dt.date) -> int:
    """Return the calendar months from ``start``'s month to ``end``'s month, ignoring days."""
    return (end.year - start.year) * 12 + (end.month - start.month)


def grid_index(anchor: dt.date, period_months: int, day: dt.date) -> int | None:
    """Return ``k`` if ``day == anchor + k * period_months`` months (clamped), else None.

    >>> import datetime as dt
    >>> grid_index(dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29))
    1
    >>> grid_index(dt.date(2024, 1, 31), 1, dt.date(2024, 2, 28)) is None
    True
    """
    months = months_between(anchor, day)
    if months % period_months or grid_date(anchor, months) != day:
        return None
    return months // period_months


def period_containing(
    anchor: dt.date, period_months: int, day: dt.date, *, field: str = "on"
) -> tuple[int, dt.date, dt.date]:
    """Return ``(k, start, end)``: the grid period ``[start, end)`` that holds ``day``.

    ``start`` is the ``k``-th grid date, ``anchor + k * period_months`` months (clamped), and
    ``end`` the next one.  This is the one place seatcalc finds the billing period of a day.
    A period that would reach outside the years 1 to 9999 is an error about ``field``.

    >>> import datetime as dt
    >>> period_containing(dt.date(2024, 1, 31), 1, dt.date(2024, 3, 15))
    (1, datetime.date(2024, 2, 29), datetime.date(2024, 3, 31))
    >>> period_containing(dt.date(2024, 1, 31), 12, dt.date(2023, 6, 1))
    (-1, datetime.date(2023, 1, 31), datetime.date(2024, 1, 31))
    """
    index = months_between(anchor, day) // period_months
    try:
        start = grid_date(anchor, index * period_months)
        if start > day:
            # The grid date of day's own month (or the one before) lies after it: the period
            # starts one grid date earlier.
            index -= 1
            start = grid_date(anchor, index * period_months)
        # Grid date index + 1 lies in a later month than day, so after it.
        end = grid_date(anchor, (index + 1) * period_months)
    except InvalidValueError as error:
        raise InvalidValueError(
            field=field,
            value=day,
            problem=(
                f", whose billing period on the grid of anchor {anchor.isoformat()} every "
                f"{period_months} month(s) falls outside the years 1 to 9999"
            ),
            expected="a date whose billing period Python can represent",
            code=ErrorCode.DATE_OUT_OF_RANGE,
        ) from error
    return index, start, end

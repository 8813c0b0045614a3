"""Month arithmetic on an anchor's renewal grid.

A subscription renews on ``anchor + k * period`` months for whole ``k``, each date clamped to the
last day of its month (anchor 31: Jan 31, Feb 28 or 29, Mar 31, Apr 30).  Every grid date is
computed from the anchor, never by stepping from a clamped date, so the day of month never drifts.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

__all__ = ["grid_date", "grid_index", "months_between"]


def grid_date(anchor: dt.date, months: int) -> dt.date:
    """Return ``anchor`` moved by ``months`` whole months, clamped to the month's last day.

    >>> import datetime as dt
    >>> [grid_date(dt.date(2024, 1, 31), k).isoformat() for k in range(4)]
    ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']
    """
    return anchor + relativedelta(months=months)


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

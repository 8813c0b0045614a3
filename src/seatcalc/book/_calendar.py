"""The calendar and rounding on columns of days since 1970 and integer ratios."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from seatcalc.book._extras import table_modules

# Dates the column path handles: years 1900 to 8999, far from the ends of Python's calendar.
FIRST_DAY: Final = (dt.date(1900, 1, 1) - dt.date(1970, 1, 1)).days
LAST_DAY: Final = (dt.date(9000, 1, 1) - dt.date(1970, 1, 1)).days
EPOCH: Final = dt.date(1970, 1, 1)


# -- the calendar on columns -------------------------------------------------------------------


def ymd(days: Any) -> tuple[Any, Any, Any]:  # noqa: ANN401
    """Split days since 1970 into year, month (1-12) and day (1-31)."""
    np, _, _ = table_modules()
    dates = days.astype("datetime64[D]")
    months = dates.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def grid_day(months: Any, anchor_day: Any) -> Any:  # noqa: ANN401
    """The day of the grid date in month ``months`` (since 1970-01): the anchor's, clamped."""
    np, _, _ = table_modules()
    first = months.astype("datetime64[M]")
    start = first.astype("datetime64[D]").astype(np.int64)
    length = (first + 1).astype("datetime64[D]").astype(np.int64) - start
    return start + np.minimum(anchor_day, length) - 1


# -- rounding on columns --------------------------------------------------------------------


def round_columns(top: Any, bottom: Any, rounding: str) -> Any:  # noqa: ANN401
    """Round ``top / bottom`` (both >= 0, bottom > 0) with a decimal rounding mode."""
    np, _, _ = table_modules()
    quotient, rest = np.divmod(top, bottom)
    twice = rest * 2
    up: Any
    if rounding in {"ROUND_DOWN", "ROUND_FLOOR"}:
        up = np.zeros(top.shape, bool)
    elif rounding in {"ROUND_UP", "ROUND_CEILING"}:
        up = rest > 0
    elif rounding == "ROUND_HALF_UP":
        up = twice >= bottom
    elif rounding == "ROUND_HALF_DOWN":
        up = twice > bottom
    elif rounding == "ROUND_HALF_EVEN":
        up = (twice > bottom) | ((twice == bottom) & (quotient % 2 == 1))
    else:  # ROUND_05UP
        up = (rest > 0) & np.isin(quotient % 10, (0, 5))
    return quotient + up

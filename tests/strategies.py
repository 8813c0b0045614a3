"""Hypothesis strategies for the suite: seatcalc's shipped ones, and helpers only tests use.

The strategies themselves live in :mod:`seatcalc.strategies`, where services that use seatcalc
can reuse them; this module re-exports them under the names the tests import.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction

from seatcalc.strategies import *  # noqa: F403 - the tests import the strategies from here
from seatcalc.strategies import __all__ as _shipped


def as_fraction(value: int | Decimal | Fraction) -> Fraction:
    """Return any weight as an exact Fraction."""
    return value if isinstance(value, Fraction) else Fraction(value)


def end_of_month(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def clamped_grid_date(anchor: dt.date, months: int) -> dt.date:
    """``anchor`` moved by ``months`` months and clamped, by the day-of-month formula alone."""
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(anchor.day, calendar.monthrange(year, month0 + 1)[1]))


def latest_end(subs: list) -> dt.date:
    """The latest term end among ``subs``, the default alignment target."""
    return max(sub.term_end for sub in subs)


__all__ = [*_shipped, "as_fraction", "clamped_grid_date", "end_of_month", "latest_end"]  # noqa: PLE0604

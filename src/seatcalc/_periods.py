"""Shares of billing periods on a subscription's grid, for planning seat changes.

A subscription's ``unit_price`` is the price of one seat for one billing period, and its billing
periods are the stretches between consecutive dates of its anchor's grid.  A stretch of time that
starts or ends on the grid is measured in those periods: every whole period counts 1, and the one
partial period counts its prorated share under a :class:`~seatcalc.Convention`, over the grid
period it lies in.  On a term that is exactly one period this is :func:`~seatcalc.prorate`'s
fraction; on a term longer than a period (after an alignment) whole periods are still charged in
full, so a seat never costs less than its price for a period it holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction

import attrs

from seatcalc.conventions import CONVENTIONS, Convention, convention_named
from seatcalc.dates import months_between
from seatcalc.errors import InvalidTypeError, InvalidValueError, describe
from seatcalc.money import Money, check_rounding, minor_unit_digits, round_ratio
from seatcalc.proration import prorate
from seatcalc.renewal import _grid_or_error

__all__ = [
    "Share",
    "check_day_convention",
    "check_sequence",
    "convention_from_data",
    "convention_to_data",
    "grid_period",
    "line_amount",
    "share_after",
    "share_until",
]


@attrs.frozen
class Share:
    """A stretch of time measured in billing periods: ``whole + part``.

    ``part`` is the share of the one grid period ``[period_start, period_end)`` the stretch
    covers only in part (``0`` and both dates None when there is none).
    """

    whole: int
    part: Fraction
    period_start: dt.date | None = None
    period_end: dt.date | None = None

    @property
    def fraction(self) -> Fraction:
        """The whole periods plus the share of the partial one."""
        return self.whole + self.part

    def describe(self) -> str:
        """Write the share as a person checks it: ``184/365``, ``2``, ``1 + 15/31``."""
        if not self.part:
            return str(self.whole)
        if not self.whole:
            return str(self.part)
        return f"({self.whole} + {self.part})"


def check_day_convention(convention: object) -> Convention:
    """Return the convention (or the one named) if it counts days; planning works on dates."""
    found = convention if isinstance(convention, Convention) else convention_named(convention)
    if found.unit != "day":
        msg = (
            f"convention: got {found.name!r}, which counts seconds between datetimes; planning "
            "works on dates: pass a day convention such as 'actual_days'"
        )
        raise InvalidValueError(msg)
    return found


def convention_to_data(convention: Convention) -> object:
    """Write a named convention as its name, any other as its fields (as Proration does)."""
    named = CONVENTIONS.get(convention.name) == convention
    return convention.name if named else convention.to_dict()


def convention_from_data(data: object) -> Convention:
    """Read :func:`convention_to_data`'s form back."""
    if isinstance(data, Mapping):
        return Convention.from_dict(data)
    return convention_named(data)


def grid_period(anchor: dt.date, period: int, day: dt.date) -> tuple[int, dt.date, dt.date]:
    """Return ``(j, start, end)``: the grid period ``[start, end)`` that holds ``day``.

    ``start`` is the ``j``-th grid date, ``anchor + j * period`` months, clamped.
    """
    index = months_between(anchor, day) // period
    problem = f"day: got {day.isoformat()}"
    start = _grid_or_error(anchor, index * period, problem)
    if start > day:
        index -= 1
        start = _grid_or_error(anchor, index * period, problem)
    # Grid date index + 1 lies in a later month than day (or is the one just found after it).
    return index, start, _grid_or_error(anchor, (index + 1) * period, problem)


def share_until(
    price: Money,
    seats: int,
    *,
    anchor: dt.date,
    period: int,
    day: dt.date,
    end_index: int,
    convention: Convention,
    rounding: str,
) -> Share:
    """Measure ``[day, end)``, ``end`` the ``end_index``-th grid date, in billing periods.

    The partial period is the one holding ``day``, prorated from ``day`` as
    :func:`~seatcalc.prorate` does (``seats`` matters only to conventions that round the ratio
    times the quantity); the periods after it, up to ``end``, count 1 each.
    """
    index, start, end = grid_period(anchor, period, day)
    piece = prorate(
        price, start, end, day, quantity=seats, convention=convention, rounding=rounding
    )
    return Share(end_index - index - 1, piece.fraction, start, end)


def share_after(
    price: Money,
    seats: int,
    *,
    anchor: dt.date,
    period: int,
    start_index: int,
    target: dt.date,
    convention: Convention,
    rounding: str,
) -> Share:
    """Measure ``[start, target)``, ``start`` the ``start_index``-th grid date, in periods.

    Whole grid periods from ``start`` count 1 each; the piece ``[period_start, target)`` of the
    period the target falls in counts what that period's price does not charge to a change on
    ``target``: ``1 - prorate(..., on=target).fraction``.  Under an additive convention (actual
    days, 30/360) that is the piece's own count over the period's.
    """
    index, low, high = grid_period(anchor, period, target)
    whole = index - start_index
    if low == target:
        return Share(whole, Fraction(0))
    rest = prorate(
        price, low, high, target, quantity=seats, convention=convention, rounding=rounding
    )
    return Share(whole, 1 - rest.fraction, low, high)


def line_amount(
    price: Money, seats: int, fraction: Fraction, convention: Convention, rounding: str
) -> Money:
    """Round ``seats x price x fraction`` once, in the convention's rounding order."""
    mode = check_rounding(rounding)
    scale = 10 ** minor_unit_digits(price.currency)
    each = price.to_fraction() * fraction * scale
    if convention.rounding_order == "unit":
        units = seats * round_ratio(each.numerator, each.denominator, mode)
    else:
        line = each * seats
        units = round_ratio(line.numerator, line.denominator, mode)
    return Money.from_exact(Fraction(units, scale), price.currency)


def check_sequence(value: object, field: str, expected: str) -> tuple[object, ...]:
    """Return ``value`` as a tuple if it is a list or a tuple."""
    if not isinstance(value, list | tuple):
        msg = f"{field}: got {describe(value)}; expected {expected}"
        raise InvalidTypeError(msg)
    return tuple(value)

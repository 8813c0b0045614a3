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
from fractions import Fraction

import attrs

from seatcalc.conventions import Convention, convention_named
from seatcalc.dates import period_containing
from seatcalc.errors import ErrorCode, InvalidValueError, reported_as
from seatcalc.minor_units import MinorUnits, check_minor_units
from seatcalc.money import MAX_INTEGER_DIGITS, Money
from seatcalc.proration import prorate
from seatcalc.rounding import check_rounding, round_ratio

__all__ = [
    "Share",
    "check_day_convention",
    "line_amount",
    "share_after",
    "share_until",
]


@attrs.frozen
class Share:
    """A stretch of time measured in billing periods: ``whole + part``.

    ``part`` is the share of the one grid period the stretch covers only in part (``0`` when
    there is none).
    """

    whole: int
    part: Fraction

    @property
    def fraction(self) -> Fraction:
        """The whole periods plus the share of the partial one."""
        return self.whole + self.part


def check_day_convention(convention: object) -> Convention:
    """Return the convention (or the one named) if it counts days; planning works on dates."""
    found = convention if isinstance(convention, Convention) else convention_named(convention)
    if found.unit != "day":
        raise InvalidValueError(
            field="convention",
            value=found.name,
            problem=", which counts seconds between datetimes; planning works on dates",
            expected="a day convention such as 'actual_days'",
            code=ErrorCode.NOT_SUPPORTED,
        )
    return found


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
    field: str = "on",
) -> Share:
    """Measure ``[day, end)``, ``end`` the ``end_index``-th grid date, in billing periods.

    The partial period is the one holding ``day``, prorated from ``day`` as
    :func:`~seatcalc.prorate` does (``seats`` matters only to conventions that round the ratio
    times the quantity); the periods after it, up to ``end``, count 1 each.
    """
    index, start, end = period_containing(anchor, period, day, field=field)
    with reported_as({"quantity": "seats", "on": field}):
        piece = prorate(
            price, start, end, day, quantity=seats, convention=convention, rounding=rounding
        )
    return Share(end_index - index - 1, piece.fraction)


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
    field: str = "target",
) -> Share:
    """Measure ``[start, target)``, ``start`` the ``start_index``-th grid date, in periods.

    Whole grid periods from ``start`` count 1 each; the piece ``[period_start, target)`` of the
    period the target falls in counts what that period's price does not charge to a change on
    ``target``: ``1 - prorate(..., on=target).fraction``.  Under an additive convention (actual
    days, 30/360) that is the piece's own count over the period's.
    """
    index, low, high = period_containing(anchor, period, target, field=field)
    whole = index - start_index
    if low == target:
        return Share(whole, Fraction(0))
    with reported_as({"quantity": "seats", "on": field}):
        rest = prorate(
            price, low, high, target, quantity=seats, convention=convention, rounding=rounding
        )
    return Share(whole, 1 - rest.fraction)


def line_amount(  # noqa: PLR0917 - a line's inputs, in order
    price: Money,
    seats: int,
    fraction: Fraction,
    convention: Convention,
    rounding: str,
    minor_units: MinorUnits | None = None,
) -> Money:
    """Round ``seats x price x fraction`` once, in the convention's rounding order.

    A line too large to be an amount is an error about ``seats``, the caller's count.
    """
    mode = check_rounding(rounding)
    places, step = check_minor_units(minor_units).unit(price.currency)
    each = price.to_fraction() * fraction * 10**places
    if convention.rounding_order == "unit":
        units = seats * step * round_ratio(each.numerator, each.denominator * step, mode)
    else:
        line = each * seats
        units = step * round_ratio(line.numerator, line.denominator * step, mode)
    try:
        return Money.from_minor(units, price.currency, digits=places)
    except InvalidValueError:
        raise InvalidValueError(
            field="seats",
            value=seats,
            problem=f"; {seats} x {price} x {fraction} is too large an amount",
            expected=f"a count whose price is below 10**{MAX_INTEGER_DIGITS} {price.currency}",
        ) from None

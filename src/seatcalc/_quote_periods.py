"""Pricing added seats over billing periods: the period holding the day, then whole periods.

:func:`~seatcalc.quote_add_seats` prorates a regular term (day counting, the day in the term's
last period) inline.  A term extended past one period, or a convention that counts seconds, comes
here: the billing period that contains the day is prorated (from midnight UTC for seconds), the
whole periods left after it are counted, and the line total with one unit price per seat for each
of them is rounded once.
"""

from __future__ import annotations

import datetime as dt

from seatcalc.conventions import Convention
from seatcalc.dates import months_between, period_containing
from seatcalc.errors import InvalidValueError
from seatcalc.minor_units import CLDR_UNITS, MinorUnits
from seatcalc.money import MAX_INTEGER_DIGITS, Money
from seatcalc.proration import Proration, prorate
from seatcalc.subscription import Subscription

__all__ = ["prorate_period", "with_whole_periods"]


def prorate_period(  # noqa: PLR0917 - the parts of a quote, in order
    sub: Subscription,
    seats: int,
    on: dt.date,
    convention: Convention,
    rounding: str,
    table: MinorUnits,
) -> tuple[Proration, int]:
    """Prorate the billing period containing ``on``; count the whole periods after it."""
    _, start, end = period_containing(sub.anchor, sub.period_months, on)
    whole = months_between(end, sub.term_end) // sub.period_months
    day = on
    if convention.unit != "day":
        start, end, day = _midnight(start), _midnight(end), _midnight(on)
    proration = prorate(
        sub.unit_price,
        start,
        end,
        day,
        quantity=seats,
        convention=convention,
        rounding=rounding,
        minor_units=table,
    )
    return proration, whole


def with_whole_periods(
    proration: Proration, whole: int, seats: int, table: MinorUnits = CLDR_UNITS
) -> Money:
    """Return the line total: ``proration`` plus ``seats`` unit prices for ``whole`` periods.

    The sum is exact and rounded once, to ``table``'s minor unit with the proration's rounding.
    """
    exact = proration.exact + seats * whole * proration.price.to_fraction()
    currency = proration.price.currency
    try:
        return Money.from_exact(exact, currency, rounding=proration.rounding, minor_units=table)
    except InvalidValueError:
        raise InvalidValueError(
            field="seats",
            value=seats,
            problem=f"; {seats} seat(s) for {whole} whole period(s) more is too large an amount",
            expected=f"a count whose price is below 10**{MAX_INTEGER_DIGITS} {currency}",
        ) from None


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)

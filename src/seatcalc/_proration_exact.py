"""The exact arithmetic of a proration under any convention, rounded once.

:func:`~seatcalc.prorate` counts plain days on integers inline; every other convention, and every
table of minor units other than CLDR's, takes the general path, which counts the term, takes the
exact share of it and rounds the line (or the price of one unit) once with these functions.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from seatcalc.conventions import Convention
from seatcalc.errors import ErrorCode, InvalidValueError
from seatcalc.minor_units import CLDR_UNITS, MinorUnits
from seatcalc.money import MAX_INTEGER_DIGITS, Money
from seatcalc.rounding import round_ratio

__all__ = ["amount_of_line", "count_term", "round_line", "share"]


def count_term(
    convention: Convention, term_start: dt.date, term_end: dt.date, on: dt.date
) -> tuple[int | Fraction, int | Fraction]:
    """Return what remains of the term from ``on``, and the whole term, as ``convention`` counts.

    A term that counts nothing is refused.
    """
    total = convention.length(term_start, term_end)
    if total == 0:
        raise InvalidValueError(
            field="term_end",
            value=term_end,
            problem=(
                f"; the term from {term_start.isoformat()} counts 0 {convention.unit_name}s "
                f"under convention {convention.name!r}"
            ),
            expected=f"a term that counts at least one {convention.unit_name}",
            code=ErrorCode.DATE_ORDER,
        )
    return convention.remaining(on, term_end), total


def round_line(  # noqa: PLR0917 - the inputs of one rounding
    price: Money,
    quantity: int,
    fraction: Fraction,
    convention: Convention,
    rounding: str,
    table: MinorUnits | None,
) -> Money:
    """Return ``quantity x price x fraction`` rounded once to the minor unit of ``table``.

    For a convention whose ``rounding_order`` is ``"unit"``, the price of one unit is rounded and
    then multiplied by the quantity.
    """
    places, step = (table or CLDR_UNITS).unit(price.currency)
    scale = 10**places
    if convention.rounding_order == "unit":
        each = price.to_fraction() * fraction * scale
        units = quantity * step * round_ratio(each.numerator, each.denominator * step, rounding)
    else:
        line = quantity * price.to_fraction() * fraction * scale
        units = step * round_ratio(line.numerator, line.denominator * step, rounding)
    return amount_of_line(units, price.currency, price, quantity, places)


def amount_of_line(
    units: int, currency: str, price: Money, quantity: int, places: int | None = None
) -> Money:
    """Return ``units`` minor units of ``currency``; a line too large to be an amount is refused."""
    try:
        return Money.from_minor(units, currency, digits=places)
    except InvalidValueError:
        raise InvalidValueError(
            field="quantity",
            value=quantity,
            problem=(
                f"; {quantity} x {price} is not below 10**{MAX_INTEGER_DIGITS} {currency}, the "
                "largest amount seatcalc handles"
            ),
            expected=f"a quantity whose line is below 10**{MAX_INTEGER_DIGITS} {currency}",
        ) from None


def share(
    convention: Convention, remaining: int | Fraction, total: int | Fraction, quantity: int
) -> Fraction:
    """Return the share of the price charged per unit, ``remaining / total``, exactly.

    At most 1; for a convention with an intermediate precision, the rounded ratio (or the rounded
    weighted quantity divided by the quantity).
    """
    ratio = Fraction(remaining) / total
    if ratio > 1:  # actual/360: a change early in a long term pays the whole price, no more
        ratio = Fraction(1)
    places = convention.ratio_places
    if places is None:
        return ratio
    scale = 10**places
    if convention.precision_scope == "ratio":
        kept = round_ratio(ratio.numerator * scale, ratio.denominator, convention.ratio_rounding)
        return Fraction(kept, scale)
    weighted = ratio * quantity
    kept = round_ratio(weighted.numerator * scale, weighted.denominator, convention.ratio_rounding)
    return Fraction(kept, scale * quantity)

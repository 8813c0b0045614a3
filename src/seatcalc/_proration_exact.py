"""The general path of :func:`~seatcalc.prorate`: every check in full, exact arithmetic.

:func:`~seatcalc.prorate` counts plain days on integers inline; seconds, conventions that are not
plain, and tables of minor units other than CLDR's come here, where the term is counted by the
convention, the share of it taken exactly and the line (or the price of one unit) rounded once.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import NoReturn

from seatcalc._proration_checks import check_instants, instant, native_dates, refuse_term
from seatcalc._validate import check_count
from seatcalc.conventions import Convention
from seatcalc.errors import ErrorCode, InvalidValueError
from seatcalc.minor_units import CLDR_UNITS, MinorUnits
from seatcalc.money import MAX_INTEGER_DIGITS, Money, check_price
from seatcalc.rounding import check_rounding, round_ratio

__all__ = ["prorate_exactly", "refuse_line", "share"]


def prorate_exactly(  # noqa: PLR0917 - prorate's arguments
    price: Money,
    term_start: dt.date,
    term_end: dt.date,
    on: dt.date,
    quantity: int,
    convention: Convention,
    rounding: str,
    table: MinorUnits | None = None,
) -> tuple[
    Money,
    int,
    dt.date,
    dt.date,
    dt.date,
    Convention,
    str,
    int | Fraction,
    int | Fraction,
    Money,
    MinorUnits | None,
]:
    """Check every argument in full and prorate exactly; return the parts of the result.

    The parts are a :class:`~seatcalc.Proration`'s, in its order: the price, the quantity, the
    term's start and end, the day, the convention, the rounding, the remaining and total counts,
    the amount and the table of minor units.
    """
    quantity = check_count(quantity, "quantity")
    rounding = check_rounding(rounding)
    check_price(price, "price")
    term_start, term_end, on = native_dates(term_start, term_end, on)
    check_instants(convention, term_start, term_end, on)
    if not instant(term_start) <= instant(on) < instant(term_end):  # type: ignore[operator]
        refuse_term(term_start, term_end, on)
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
    remaining = convention.remaining(on, term_end)
    fraction = share(convention, remaining, total, quantity)
    places, step = (table or CLDR_UNITS).unit(price.currency)
    scale = 10**places
    if convention.rounding_order == "unit":
        each = price.to_fraction() * fraction * scale
        units = quantity * step * round_ratio(each.numerator, each.denominator * step, rounding)
    else:
        line = quantity * price.to_fraction() * fraction * scale
        units = step * round_ratio(line.numerator, line.denominator * step, rounding)
    try:
        amount = Money.from_minor(units, price.currency, digits=places)
    except InvalidValueError:  # the only error left: a line too large to be an amount
        refuse_line(price, quantity)
    return (
        price,
        quantity,
        term_start,
        term_end,
        on,
        convention,
        rounding,
        remaining,
        total,
        amount,
        table,
    )


def refuse_line(price: Money, quantity: int) -> NoReturn:
    """Refuse a line too large to be an amount: ``quantity x price`` reaches 10**18."""
    currency = price.currency
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

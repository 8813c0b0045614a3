"""The written breakdown of a quote, in the reader's language (imported on first use).

The labels are gettext messages of the ``explain`` domain; numbers, amounts and dates are
formatted by babel for the locale, so a reader can redo the arithmetic in their own notation.
:data:`MESSAGE_IDS` lists the messages of every explanation seatcalc writes, the quote's and
those of the modules beside this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import Locale

from seatcalc import (
    _explain_eligibility,
    _explain_money,
    _explain_planning,
    _explain_renewals,
    _explain_usage,
    _writing,
)
from seatcalc._writing import (
    EXACT,
    FRACTION,
    PER_SEAT,
    PERIOD,
    REMAINING,
    TOTAL,
    UNIT_PRICE,
    Writer,
    mark,
)

if TYPE_CHECKING:
    from seatcalc.quote import AddSeatsQuote

__all__ = ["MESSAGE_IDS", "explain_quote"]


# Plural messages: (singular, plural).
TITLE = ("Adding %(seats)s seat on %(on)s", "Adding %(seats)s seats on %(on)s")
# Singular messages.
WHOLE_PERIODS = mark("Whole billing periods after it, until the term end: %(count)s")
END_DATE = mark("End date: %(end)s, with the subscription's other seats")
NOT_PAYABLE = mark("Not payable: these seats cannot be added self-service, because:")

#: Every message id of the ``explain`` catalog: singular ids, and the plural pairs' singulars.
MESSAGE_IDS: tuple[str, ...] = (
    TITLE[0],
    WHOLE_PERIODS,
    END_DATE,
    NOT_PAYABLE,
    *_writing.MESSAGE_IDS,
    *_explain_money.MESSAGE_IDS,
    *_explain_eligibility.MESSAGE_IDS,
    *_explain_usage.MESSAGE_IDS,
    *_explain_renewals.MESSAGE_IDS,
    *_explain_planning.MESSAGE_IDS,
)


def explain_quote(quote: AddSeatsQuote, where: Locale) -> str:
    """Return the breakdown of ``quote`` for a reader of ``where``, one fact per line."""
    write = Writer(where)
    lines = [write.plural(TITLE, quote.seats, seats=quote.seats, on=write.day(quote.on))]
    proration = quote.proration
    if proration is None or quote.total is None or quote.fraction is None:
        lines.append(write.text(NOT_PAYABLE))
        lines.extend(f"- {message}" for message in quote.eligibility.messages(write.locale))
        return "\n".join(lines)
    sub = quote.subscription
    price = sub.unit_price
    months = sub.period_months
    lines.append(write.plural(UNIT_PRICE, months, price=write.amount(price), months=months))
    start, end = proration.term_start, proration.term_end
    lines.append(write.text(PERIOD, start=write.day(start), end=write.day(end)))
    if quote.whole_periods:
        lines.append(write.text(WHOLE_PERIODS, count=write.number(quote.whole_periods)))
    total_units = proration.total
    plural_count = int(total_units) if isinstance(total_units, int) else 2
    lines.append(
        write.plural(
            REMAINING[proration.unit],
            plural_count,
            remaining=write.number(proration.remaining),
            total=write.number(total_units),
            convention=proration.convention.name,
        )
    )
    fraction = str(quote.fraction)
    lines.append(write.text(FRACTION, fraction=fraction))
    exact = quote.exact
    assert exact is not None  # noqa: S101 - a payable quote has an exact amount
    lines.append(
        write.text(
            EXACT,
            seats=write.number(quote.seats),
            price=write.amount(price),
            fraction=fraction,
            exact=write.exact(exact, price.currency),
        )
    )
    per_seat = quote.convention.rounding_order == "unit" and not quote.whole_periods
    digits = quote.minor_units.digits(price.currency)
    lines.append(write.rounding(quote.rounding, digits, per_seat=per_seat))
    lines.append(write.text(TOTAL, total=write.amount(quote.total)))
    lines.append(write.text(PER_SEAT, lines=write.per_seat(quote.lines)))
    if quote.end_date is not None:
        lines.append(write.text(END_DATE, end=write.day(quote.end_date)))
    return "\n".join(lines)

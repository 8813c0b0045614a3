"""The written breakdown of a quote, in the reader's language (imported on first use).

The labels are gettext messages of the ``explain`` domain; numbers, amounts and dates are
formatted by babel for the locale, so a reader can redo the arithmetic in their own notation.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from itertools import groupby
from typing import TYPE_CHECKING

from babel.core import Locale
from babel.dates import format_date

from seatcalc._i18n import EXPLAIN_DOMAIN, catalog, format_currency, format_decimal
from seatcalc.money import Money

if TYPE_CHECKING:
    from seatcalc.quote import AddSeatsQuote

__all__ = ["MESSAGE_IDS", "explain_quote"]


def _(message: str) -> str:
    """Mark a message for translation (the catalog is looked up when it is used)."""
    return message


# Plural messages: (singular, plural).
TITLE = ("Adding %(seats)s seat on %(on)s", "Adding %(seats)s seats on %(on)s")
UNIT_PRICE = (
    "Unit price: %(price)s per seat for a billing period of %(months)s month",
    "Unit price: %(price)s per seat for a billing period of %(months)s months",
)
REMAINING = {
    "day": (
        "Time remaining: %(remaining)s of %(total)s day (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s days (convention %(convention)s)",
    ),
    "second": (
        "Time remaining: %(remaining)s of %(total)s second (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s seconds (convention %(convention)s)",
    ),
    "30/360 day": (
        "Time remaining: %(remaining)s of %(total)s day counted 30/360 (convention %(convention)s)",
        (
            "Time remaining: %(remaining)s of %(total)s days counted 30/360 "
            "(convention %(convention)s)"
        ),
    ),
    "month": (
        "Time remaining: %(remaining)s of %(total)s month (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s months (convention %(convention)s)",
    ),
}
ROUNDING = (
    "Rounding: once, on the total, to %(digits)s decimal place, %(mode)s (%(mode_name)s)",
    "Rounding: once, on the total, to %(digits)s decimal places, %(mode)s (%(mode_name)s)",
)
# Singular messages.
PERIOD = _("Billing period: %(start)s to %(end)s")
WHOLE_PERIODS = _("Whole billing periods after it, until the term end: %(count)s")
FRACTION = _("Fraction: %(fraction)s")
EXACT = _("Exact amount: %(seats)s × %(price)s × %(fraction)s = %(exact)s")
TOTAL = _("Total: %(total)s")
PER_SEAT = _("Per seat: %(lines)s")
END_DATE = _("End date: %(end)s, with the subscription's other seats")
NOT_PAYABLE = _("Not payable: these seats cannot be added self-service, because:")
MODE_NAMES = {
    "ROUND_HALF_UP": _("half up"),
    "ROUND_HALF_EVEN": _("half to even"),
    "ROUND_HALF_DOWN": _("half down"),
    "ROUND_UP": _("away from zero"),
    "ROUND_DOWN": _("toward zero"),
    "ROUND_CEILING": _("up"),
    "ROUND_FLOOR": _("down"),
    "ROUND_05UP": _("toward zero, unless that ends in 0 or 5"),
}

#: Every message id of the ``explain`` catalog: singular ids, and the plural pairs' singulars.
MESSAGE_IDS: tuple[str, ...] = (
    TITLE[0],
    UNIT_PRICE[0],
    *(pair[0] for pair in REMAINING.values()),
    ROUNDING[0],
    PERIOD,
    WHOLE_PERIODS,
    FRACTION,
    EXACT,
    TOTAL,
    PER_SEAT,
    END_DATE,
    NOT_PAYABLE,
    *MODE_NAMES.values(),
)

# Digits of the exact amount shown beyond the currency's minor unit.
_EXTRA_DIGITS = 10


def explain_quote(quote: AddSeatsQuote, where: Locale) -> str:
    """Return the breakdown of ``quote`` for a reader of ``where``, one fact per line."""
    translations, written_for = catalog(str(where), EXPLAIN_DOMAIN)
    gettext, ngettext = translations.gettext, translations.ngettext

    def day(value: dt.date) -> str:
        return format_date(value, format="long", locale=written_for)

    def number(value: int | Fraction) -> str:
        if isinstance(value, Fraction) and value.denominator != 1:
            return str(value)
        return format_decimal(int(value), written_for)

    lines = [ngettext(*TITLE, quote.seats) % {"seats": quote.seats, "on": day(quote.on)}]
    proration = quote.proration
    if proration is None or quote.total is None or quote.fraction is None:
        lines.append(gettext(NOT_PAYABLE))
        lines.extend(f"- {message}" for message in quote.eligibility.messages(written_for))
        return "\n".join(lines)
    sub = quote.subscription
    price = sub.unit_price
    months = sub.period_months
    lines.append(
        ngettext(*UNIT_PRICE, months) % {"price": price.format(written_for), "months": months}
    )
    start, end = proration.term_start, proration.term_end
    lines.append(gettext(PERIOD) % {"start": day(start), "end": day(end)})
    if quote.whole_periods:
        lines.append(gettext(WHOLE_PERIODS) % {"count": number(quote.whole_periods)})
    total_units = proration.total
    plural_count = int(total_units) if isinstance(total_units, int) else 2
    lines.append(
        ngettext(*REMAINING[proration.unit], plural_count)
        % {
            "remaining": number(proration.remaining),
            "total": number(total_units),
            "convention": proration.convention.name,
        }
    )
    fraction = str(quote.fraction)
    lines.append(gettext(FRACTION) % {"fraction": fraction})
    exact = quote.exact
    assert exact is not None  # noqa: S101 - a payable quote has an exact amount
    exact_text = _exact_text(exact, price.currency, price.digits, written_for)
    lines.append(
        gettext(EXACT)
        % {
            "seats": number(quote.seats),
            "price": _price_text(price, written_for),
            "fraction": fraction,
            "exact": exact_text,
        }
    )
    digits = price.digits
    lines.append(
        ngettext(*ROUNDING, digits)
        % {
            "digits": digits,
            "mode": quote.rounding,
            "mode_name": gettext(MODE_NAMES[quote.rounding]),
        }
    )
    lines.append(gettext(TOTAL) % {"total": quote.total.format(written_for)})
    groups = [(len(list(group)), amount) for amount, group in groupby(quote.lines)]
    per_seat = " + ".join(f"{count} × {amount.format(written_for)}" for count, amount in groups)
    lines.append(gettext(PER_SEAT) % {"lines": per_seat})
    if quote.end_date is not None:
        lines.append(gettext(END_DATE) % {"end": day(quote.end_date)})
    return "\n".join(lines)


def _price_text(price: Money, where: Locale) -> str:
    """Write a price with every digit it has, never rounded (0.125 USD is $0.125, not $0.13)."""
    places = price.digits
    while not price.is_rounded(digits=places):
        places += 1
    return price.format(where, digits=places)


def _exact_text(exact: Fraction, currency: str, digits: int, where: Locale) -> str:
    """Write an exact amount to 10 digits past the minor unit, with "…" if it goes on."""
    places = digits + _EXTRA_DIGITS
    units, rest = divmod(exact.numerator * 10**places, exact.denominator)
    while places > digits and units % 10 == 0:  # no trailing zeros past the minor unit
        units //= 10
        places -= 1
    text = format_currency(Money.from_minor(units, currency, digits=places).amount, currency, where)
    return _mark_cut(text) if rest else text


def _mark_cut(text: str) -> str:
    """Put an ellipsis right after the last digit of a formatted amount that was cut short."""
    last = max(index for index, char in enumerate(text) if char.isdigit())
    return f"{text[: last + 1]}…{text[last + 1 :]}"

"""The written breakdowns of amounts, subscriptions and prorations (imported on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import Locale
from babel.numbers import get_currency_name

from seatcalc._writing import (
    EXACT,
    FRACTION,
    MODE_NAMES,
    PER_SEAT,
    PERIOD,
    REMAINING,
    RENEWAL_DATES,
    TERM,
    TOTAL,
    UNIT_PRICE,
    Writer,
    mark,
)
from seatcalc.errors import InvalidValueError

if TYPE_CHECKING:
    from seatcalc.money import Money
    from seatcalc.proration import Proration
    from seatcalc.subscription import Subscription

__all__ = ["MESSAGE_IDS", "explain_money", "explain_proration", "explain_subscription"]

# Plural messages: (singular, plural).
CURRENCY = (
    "Currency: %(name)s (%(code)s), %(digits)s decimal place",
    "Currency: %(name)s (%(code)s), %(digits)s decimal places",
)
SUBSCRIPTION_TITLE = ("Subscription of %(seats)s seat", "Subscription of %(seats)s seats")
PRORATION_TITLE = ("Prorating %(seats)s seat from %(on)s", "Prorating %(seats)s seats from %(on)s")
# Singular messages.
MINOR_UNITS = mark("In minor units: %(units)s")
NOT_WHOLE = mark("In minor units: not a whole number, so the amount must be rounded to be charged")
ROUNDED = mark("Rounded to the minor unit, %(mode)s (%(mode_name)s): %(rounded)s")
COUNTRY = mark("Country: %(country)s")
BOUGHT = {
    "direct": mark("Bought: on %(day)s, directly from the vendor's web store"),
    "reseller": mark("Bought: on %(day)s, through a reseller or partner"),
}
AUTO_RENEWAL = {
    True: mark("Auto-renewal: on"),
    False: mark("Auto-renewal: off"),
}
PRODUCT = mark("Product: %(product)s")
PLAN = mark("Plan: %(plan)s")
ALL_SEATS = mark("Price of all seats for one billing period: %(seats)s × %(price)s = %(total)s")
TERM_PRICE = mark("Price of one seat for the whole term: %(price)s")

#: The message ids of this module.
MESSAGE_IDS: tuple[str, ...] = (
    CURRENCY[0],
    SUBSCRIPTION_TITLE[0],
    PRORATION_TITLE[0],
    MINOR_UNITS,
    NOT_WHOLE,
    ROUNDED,
    COUNTRY,
    *BOUGHT.values(),
    *AUTO_RENEWAL.values(),
    PRODUCT,
    PLAN,
    ALL_SEATS,
    TERM_PRICE,
)


def explain_money(money: Money, where: Locale) -> str:
    """Return an amount as a reader of ``where`` writes it, its currency and its minor units."""
    write = Writer(where)
    code, digits = money.currency, money.digits
    name = get_currency_name(code, locale=write.locale)
    lines = [
        write.amount(money),
        write.plural(CURRENCY, digits, name=name, code=code, digits=write.number(digits)),
    ]
    if money.is_rounded():
        lines.append(write.text(MINOR_UNITS, units=write.number(money.to_minor())))
    else:
        mode = "ROUND_HALF_UP"
        rounded = write.amount(money.round(mode))
        lines.append(write.text(NOT_WHOLE))
        mode_name = write.text(MODE_NAMES[mode])
        lines.append(write.text(ROUNDED, mode=mode, mode_name=mode_name, rounded=rounded))
    return "\n".join(lines)


def explain_subscription(sub: Subscription, where: Locale) -> str:
    """Return what a subscription holds, one fact per line, for a reader of ``where``."""
    write = Writer(where)
    months = sub.period_months
    lines = [
        write.plural(SUBSCRIPTION_TITLE, sub.seats, seats=write.number(sub.seats)),
        write.plural(UNIT_PRICE, months, price=write.amount(sub.unit_price), months=months),
        write.text(TERM, start=write.day(sub.term_start), end=write.day(sub.term_end)),
    ]
    if sub.period_start != sub.term_start:
        start, end = write.day(sub.period_start), write.day(sub.term_end)
        lines.append(write.text(PERIOD, start=start, end=end))
    lines.append(write.plural(RENEWAL_DATES, months, months=months, anchor=write.day(sub.anchor)))
    lines.append(write.text(COUNTRY, country=write.territory(sub.country)))
    lines.append(write.text(BOUGHT[sub.channel], day=write.day(sub.purchased_on)))
    lines.append(write.text(AUTO_RENEWAL[sub.auto_renew]))
    if sub.product:
        lines.append(write.text(PRODUCT, product=sub.product))
    if sub.plan:
        lines.append(write.text(PLAN, plan=sub.plan))
    try:
        every_seat = sub.unit_price * sub.seats
    except InvalidValueError:  # too large to be an amount: the line is left out
        pass
    else:
        lines.append(
            write.text(
                ALL_SEATS,
                seats=write.number(sub.seats),
                price=write.amount(sub.unit_price),
                total=write.amount(every_seat),
            )
        )
    return "\n".join(lines)


def explain_proration(proration: Proration, where: Locale) -> str:
    """Return the arithmetic of a proration, one step per line, for a reader of ``where``."""
    write = Writer(where)
    price, seats = proration.price, proration.quantity
    total_units = proration.total
    fraction = str(proration.fraction)
    lines = [
        write.plural(PRORATION_TITLE, seats, seats=write.number(seats), on=write.day(proration.on)),
        write.text(TERM_PRICE, price=write.amount(price)),
        write.text(TERM, start=write.day(proration.term_start), end=write.day(proration.term_end)),
        write.plural(
            REMAINING[proration.unit],
            int(total_units) if isinstance(total_units, int) else 2,
            remaining=write.number(proration.remaining),
            total=write.number(total_units),
            convention=proration.convention.name,
        ),
        write.text(FRACTION, fraction=fraction),
        write.text(
            EXACT,
            seats=write.number(seats),
            price=write.amount(price),
            fraction=fraction,
            exact=write.exact(proration.exact, price.currency),
        ),
        write.rounding(
            proration.rounding,
            proration.minor_units.digits(proration.amount.currency),
            per_seat=proration.convention.rounding_order == "unit",
        ),
        write.text(TOTAL, total=write.amount(proration.amount)),
        write.text(PER_SEAT, lines=write.per_seat(proration.lines())),
    ]
    return "\n".join(lines)

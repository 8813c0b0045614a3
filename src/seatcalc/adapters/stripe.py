"""Stripe's JSON: a :class:`~seatcalc.Subscription` from a subscription, a quote as an invoice.

Plain dicts in Stripe's shapes (as its API returns them, or as ``stripe`` objects'
``to_dict()``); no Stripe SDK is needed.  Amounts are integers of minor units in Stripe's
table (:data:`~seatcalc.STRIPE_UNITS`: JPY has none, KWD three ending in 0, ISK two
that are always 00, IDR two), instants are Unix timestamps, and seatcalc's days are the UTC
days of those timestamps.

>>> import datetime as dt
>>> from seatcalc import quote_add_seats
>>> from seatcalc.adapters import stripe
>>> data = {
...     "object": "subscription",
...     "billing_cycle_anchor": 1767225600,  # 2026-01-01T00:00:00Z
...     "current_period_start": 1767225600,
...     "current_period_end": 1798761600,  # 2027-01-01T00:00:00Z
...     "cancel_at_period_end": False,
...     "customer": {"object": "customer", "address": {"country": "US"}},
...     "items": {
...         "object": "list",
...         "data": [
...             {
...                 "object": "subscription_item",
...                 "quantity": 10,
...                 "price": {
...                     "object": "price",
...                     "currency": "usd",
...                     "unit_amount": 120000,
...                     "recurring": {"interval": "year", "interval_count": 1},
...                     "product": "prod_seats",
...                 },
...             }
...         ],
...     },
... }
>>> sub = stripe.subscription_from_stripe(data)
>>> sub.seats, sub.unit_price, sub.term_start, sub.term_end
(10, Money('1200.00', 'USD'), datetime.date(2026, 1, 1), datetime.date(2027, 1, 1))
>>> quote = quote_add_seats(
...     sub, 2, dt.date(2026, 7, 1), convention=stripe.CONVENTION, minor_units=stripe.MINOR_UNITS
... )
>>> invoice = stripe.preview_stripe(quote)
>>> line = invoice["lines"]["data"][0]
>>> line["amount"], line["quantity"], line["proration"], line["period"]
(120986, 2, True, {'start': 1782864000, 'end': 1798761600})
>>> stripe.prorations_from_stripe(invoice)
Money('1209.86', 'USD')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from seatcalc.adapters._fields import (
    Reader,
    decimal_string,
    months_of,
    payable_total,
    period_unit,
    shifted,
    timestamp,
)
from seatcalc.conventions import STRIPE, Convention
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_as
from seatcalc.minor_units import STRIPE_UNITS, MinorUnits
from seatcalc.money import Money
from seatcalc.quote import AddSeatsQuote
from seatcalc.subscription import Subscription

__all__ = [
    "CONVENTION",
    "MINOR_UNITS",
    "preview_stripe",
    "prorations_from_stripe",
    "subscription_from_stripe",
    "subscription_to_stripe",
]

#: The convention that reproduces Stripe's prorations (to the second, rounded once per line).
CONVENTION: Final[Convention] = STRIPE
#: The minor units Stripe's ``amount`` and ``unit_amount`` are counted in.
MINOR_UNITS: Final[MinorUnits] = STRIPE_UNITS

_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def subscription_from_stripe(
    data: Mapping[str, object],
    *,
    item: int | str | None = None,
    country: str | None = None,
    channel: str = "direct",
) -> Subscription:
    """Build a :class:`~seatcalc.Subscription` from a Stripe subscription object.

    The seats are one subscription item: the only one, or ``item`` (its index in
    ``items.data``, its ``si_`` id or its price's id).  Read from Stripe's fields:

    * ``quantity`` → ``seats``; ``price.unit_amount`` (or ``price.unit_amount_decimal``) and
      ``price.currency`` → ``unit_price``; ``price.recurring`` → ``period_months`` (months or
      years; Stripe's days and weeks are refused);
    * ``current_period_start`` / ``current_period_end`` → the term (the item's, as API
      versions from 2025-03-31 write them, else the subscription's);
    * ``billing_cycle_anchor`` → ``anchor``; ``start_date`` → ``purchased_on``;
      ``cancel_at_period_end`` → ``auto_renew`` (its opposite);
    * ``price.product`` (an id, or the expanded product's id) → ``product``;
      ``price.lookup_key`` → ``plan``;
    * the expanded customer's ``address.country`` → ``country``, unless ``country`` is given.

    Stripe knows nothing of resellers: ``channel`` says how the subscription was bought.

    Raises:
        SeatcalcError: a field is missing or unusable; the error's ``field`` is its dotted path
            in Stripe's JSON, such as ``items.data[0].price.unit_amount``.
    """
    root = Reader(data)
    chosen = _item(root, item)
    price = chosen.child("price")
    currency = price.text("currency").upper()
    unit_price = _unit_price(price, currency)
    recurring = price.child("recurring")
    months = months_of(
        recurring.text("interval"),
        recurring.integer("interval_count", minimum=1),
        recurring.where("interval"),
    )
    bounds = chosen if "current_period_start" in chosen.data else root
    start = bounds.day("current_period_start")
    end = bounds.day("current_period_end")
    anchor = root.day("billing_cycle_anchor")
    purchased = root.day("start_date") if root.optional("start_date") is not None else None
    names = {
        "seats": chosen.where("quantity"),
        "unit_price": price.where(
            "unit_amount" if price.optional("unit_amount") is not None else "unit_amount_decimal"
        ),
        "term_start": bounds.where("current_period_start"),
        "term_end": bounds.where("current_period_end"),
        "anchor": root.where("billing_cycle_anchor"),
        "purchased_on": root.where("start_date"),
        "period_months": recurring.where("interval_count"),
        "country": "customer.address.country",
    }
    with reported_as(names):
        return Subscription(
            seats=chosen.integer("quantity", minimum=1),
            unit_price=unit_price,
            term_start=start,
            term_end=end,
            anchor=anchor,
            purchased_on=purchased,
            period_months=months,
            auto_renew=not root.flag("cancel_at_period_end", default=False),
            country=_country(root) if country is None else country,
            channel=channel,
            product=_product(price),
            plan=_lookup_key(price),
        )


def subscription_to_stripe(subscription: Subscription) -> dict[str, object]:
    """Write a subscription as a Stripe subscription object with one item.

    Only the fields :func:`subscription_from_stripe` reads are written (no ids), so
    ``subscription_from_stripe(subscription_to_stripe(sub), channel=sub.channel) == sub``.
    """
    sub = _subscription(subscription)
    start, end = timestamp(sub.term_start), timestamp(sub.term_end)
    return {
        "object": "subscription",
        "currency": sub.currency.lower(),
        "billing_cycle_anchor": timestamp(sub.anchor),
        "start_date": timestamp(sub.purchased_on),
        "current_period_start": start,
        "current_period_end": end,
        "cancel_at_period_end": not sub.auto_renew,
        "customer": {"object": "customer", "address": {"country": sub.country}},
        "items": {
            "object": "list",
            "data": [
                {
                    "object": "subscription_item",
                    "quantity": sub.seats,
                    "current_period_start": start,
                    "current_period_end": end,
                    "price": _price(sub),
                }
            ],
            "has_more": False,
        },
    }


def preview_stripe(quote: AddSeatsQuote) -> dict[str, object]:
    """Render a payable quote as Stripe's invoice preview: one proration line item.

    The line's ``amount`` is the quote's total in Stripe's minor units, its ``period`` runs from
    midnight UTC of the day the seats are added to the term's end, and ``proration`` is true,
    the shape ``Invoice.create_preview`` (formerly the upcoming invoice) returns for a quantity
    change.  The total must be an amount Stripe can charge: quote with
    ``minor_units=stripe.MINOR_UNITS``.

    Raises:
        SeatcalcError: the quote is not payable, or its total is not on Stripe's grid.
    """
    total = payable_total(quote, "Stripe")
    if not total.is_rounded(minor_units=MINOR_UNITS):
        raise InvalidValueError(
            field="quote.total",
            value=total,
            got=repr(total),
            problem=", which Stripe cannot charge in its minor units",
            expected="a quote rounded with minor_units=stripe.MINOR_UNITS",
            code=ErrorCode.NOT_ROUNDED,
        )
    amount = total.to_minor(minor_units=MINOR_UNITS)
    sub = quote.subscription
    currency = sub.currency.lower()
    on = quote.on
    end = quote.end_date or sub.term_end
    what = sub.product or "seat"
    line = {
        "object": "line_item",
        "amount": amount,
        "currency": currency,
        "description": (
            f"Remaining time on {quote.seats} × {what} after "
            f"{on.day:02d} {_MONTHS[on.month - 1]} {on.year}"
        ),
        "period": {"start": timestamp(on), "end": timestamp(end)},
        "proration": True,
        "quantity": quote.seats,
        "type": "subscription",
        "price": _price(sub),
    }
    return {
        "object": "invoice",
        "currency": currency,
        "subscription_proration_date": timestamp(on),
        "lines": {"object": "list", "data": [line], "has_more": False, "total_count": 1},
        "subtotal": amount,
        "total": amount,
        "amount_due": amount,
    }


def prorations_from_stripe(invoice: Mapping[str, object]) -> Money:
    """Return the sum of the proration line items of a Stripe invoice (or invoice preview).

    Lines marked ``"proration": true`` count (on API versions from 2025-03-31, those whose
    ``parent.subscription_item_details.proration`` is true); their ``amount`` is read in
    Stripe's minor units.

    Raises:
        SeatcalcError: a line is malformed, or the invoice has no proration line.
    """
    root = Reader(invoice)
    currency = root.text("currency").upper()
    total = Money.zero(currency)
    found = False
    for line in root.child("lines").items("data"):
        if _is_proration(line):
            found = True
            total += _chargeable(line, currency)
    if not found:
        raise InvalidValueError(
            field="lines.data",
            value="no line with proration true",
            got="no proration line",
            expected="an invoice with at least one proration line item",
            code=ErrorCode.EMPTY,
        )
    return total


# -- helpers --------------------------------------------------------------------------------


def _subscription(value: object) -> Subscription:
    if not isinstance(value, Subscription):
        raise InvalidTypeError(field="subscription", value=value, expected="a Subscription")
    return value


def _item(root: Reader, item: int | str | None) -> Reader:
    items = root.child("items").items("data")
    where = root.child("items").where("data")
    if item is None:
        if len(items) == 1:
            return items[0]
        raise InvalidValueError(
            field=where,
            value=f"{len(items)} items",
            got=f"{len(items)} subscription items",
            expected="exactly one item, or item= naming the seats' item (index, si_ or price id)",
            code=ErrorCode.INCONSISTENT if items else ErrorCode.EMPTY,
        )
    if isinstance(item, int) and not isinstance(item, bool):
        if 0 <= item < len(items):
            return items[item]
    elif isinstance(item, str):
        for candidate in items:
            price = candidate.optional("price")
            price_id = price.get("id") if isinstance(price, Mapping) else None
            if item in {candidate.optional("id"), price_id}:
                return candidate
    else:
        raise InvalidTypeError(
            field="item", value=item, expected="an index, a subscription item id or a price id"
        )
    raise InvalidValueError(
        field="item",
        value=item,
        expected=f"an index below {len(items)}, or the id of an item or its price in {where}",
        code=ErrorCode.UNKNOWN_CHOICE,
    )


def _unit_price(price: Reader, currency: str) -> Money:
    if price.optional("unit_amount") is not None:
        return price.money("unit_amount", currency, MINOR_UNITS)
    if price.optional("unit_amount_decimal") is None:
        raise InvalidValueError(
            field=price.where("unit_amount"),
            value=price.optional("unit_amount"),
            expected="an integer of minor units (or unit_amount_decimal)",
            code=ErrorCode.MALFORMED_RECORD,
        )
    units = price.decimal_text("unit_amount_decimal")
    where = price.where("unit_amount_decimal")
    with reported_as({"amount": where}):
        return Money(shifted(units, -MINOR_UNITS.digits(currency), where), currency)


def _chargeable(line: Reader, currency: str) -> Money:
    # Stripe charges only its grid: ISK in whole krónur (150 is not 1.50 ISK), KWD to 0.010.
    amount = line.money("amount", currency, MINOR_UNITS)
    if not amount.is_rounded(minor_units=MINOR_UNITS):
        increment = MINOR_UNITS.unit(currency).increment
        raise InvalidValueError(
            field=line.where("amount"),
            value=line.get("amount"),
            problem=f", which Stripe cannot charge in {currency}",
            expected=f"a multiple of {increment} minor units",
            code=ErrorCode.NOT_ROUNDED,
        )
    return amount


def _country(root: Reader) -> str:
    customer = root.get("customer")
    if not isinstance(customer, Mapping):
        raise InvalidValueError(
            field="customer.address.country",
            detail=(
                "missing: the customer is not expanded; retrieve the subscription with "
                "expand=['customer'], or pass country="
            ),
            expected="an expanded customer with an address, or country=",
            code=ErrorCode.MALFORMED_RECORD,
        )
    return Reader(customer, "customer").child("address").text("country")


def _product(price: Reader) -> str:
    product = price.get("product", "")
    if isinstance(product, Mapping):
        return Reader(product, price.where("product")).text("id")
    if not isinstance(product, str):
        raise InvalidTypeError(
            field=price.where("product"), value=product, expected="a product id or object"
        )
    return product


def _lookup_key(price: Reader) -> str:
    key = price.optional("lookup_key")
    return "" if key is None else price.text("lookup_key")


def _price(sub: Subscription) -> dict[str, object]:
    unit = sub.unit_price
    minor = shifted(unit.amount, MINOR_UNITS.digits(unit.currency))
    interval, count = period_unit(sub.period_months)
    return {
        "object": "price",
        "currency": unit.currency.lower(),
        "unit_amount": unit.to_minor(minor_units=MINOR_UNITS)
        if unit.is_rounded(minor_units=MINOR_UNITS)
        else None,
        "unit_amount_decimal": decimal_string(minor),
        "billing_scheme": "per_unit",
        "type": "recurring",
        "recurring": {"interval": interval, "interval_count": count, "usage_type": "licensed"},
        "product": sub.product,
        "lookup_key": sub.plan or None,
    }


def _is_proration(line: Reader) -> bool:
    if line.optional("proration") is not None:
        return line.flag("proration")
    parent = line.optional("parent")
    if isinstance(parent, Mapping):
        details = parent.get("subscription_item_details")
        if isinstance(details, Mapping):
            return details.get("proration") is True
    return False

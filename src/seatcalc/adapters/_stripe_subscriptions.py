"""Stripe's subscription and price objects, read into and written from a Subscription.

Amounts are counted in Stripe's minor units (:data:`~seatcalc.STRIPE_UNITS`); instants are Unix
timestamps, read as their UTC days.  :mod:`seatcalc.adapters.stripe` is the public face.
"""

from __future__ import annotations

from collections.abc import Mapping

from seatcalc.adapters._choice import named, only_one
from seatcalc.adapters._fields import (
    Reader,
    decimal_string,
    months_of,
    period_unit,
    shifted,
    timestamp,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_as
from seatcalc.minor_units import STRIPE_UNITS
from seatcalc.money import Money
from seatcalc.subscription import Subscription, check_subscription


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
    purchased = root.optional_day("start_date")
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
            plan=price.text_or_empty("lookup_key"),
        )


def subscription_to_stripe(subscription: Subscription) -> dict[str, object]:
    """Write a subscription as a Stripe subscription object with one item.

    Only the fields :func:`subscription_from_stripe` reads are written (no ids), so
    ``subscription_from_stripe(subscription_to_stripe(sub), channel=sub.channel) == sub``.
    """
    sub = check_subscription(subscription)
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
                    "price": price_object(sub),
                }
            ],
            "has_more": False,
        },
    }


def price_object(sub: Subscription) -> dict[str, object]:
    """Write a subscription's seat price as a Stripe price object.

    ``unit_amount`` is null for a price off Stripe's grid; ``unit_amount_decimal`` always holds
    it exactly.
    """
    unit = sub.unit_price
    minor = shifted(unit.amount, STRIPE_UNITS.digits(unit.currency))
    interval, count = period_unit(sub.period_months)
    return {
        "object": "price",
        "currency": unit.currency.lower(),
        "unit_amount": unit.to_minor(minor_units=STRIPE_UNITS)
        if unit.is_rounded(minor_units=STRIPE_UNITS)
        else None,
        "unit_amount_decimal": decimal_string(minor),
        "billing_scheme": "per_unit",
        "type": "recurring",
        "recurring": {"interval": interval, "interval_count": count, "usage_type": "licensed"},
        "product": sub.product,
        "lookup_key": sub.plan or None,
    }


def _item(root: Reader, item: int | str | None) -> Reader:
    items = root.child("items").items("data")
    where = root.child("items").where("data")
    if item is None:
        return only_one(
            items,
            where,
            what="subscription items",
            expected="exactly one item, or item= naming the seats' item (index, si_ or price id)",
        )
    return named(items, item, where, ids=_ids, kinds="the id of an item or of its price")


def _ids(item: Reader) -> tuple[object, ...]:
    price = item.optional("price")
    return item.optional("id"), price.get("id") if isinstance(price, Mapping) else None


def _unit_price(price: Reader, currency: str) -> Money:
    if price.optional("unit_amount") is not None:
        return price.money("unit_amount", currency, STRIPE_UNITS)
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
        return Money(shifted(units, -STRIPE_UNITS.digits(currency), where), currency)


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

"""Chargebee's JSON: a :class:`~seatcalc.Subscription` from a subscription, a quote as an estimate.

Plain dicts in the shapes of Chargebee's API v2 (Product Catalog 2.0); no Chargebee SDK is needed.
A subscription may come alone or wrapped as the API returns it, ``{"subscription": {...},
"customer": {...}}``.  Amounts are integers of Chargebee's minor units (:data:`MINOR_UNITS`:
whole units for its zero-decimal currencies such as JPY, hundredths for every other one, HUF
and IDR too), instants are Unix timestamps, and seatcalc's days are the UTC days of those
timestamps.

>>> import datetime as dt
>>> from seatcalc import quote_add_seats
>>> from seatcalc.adapters import chargebee
>>> data = {
...     "subscription": {
...         "object": "subscription",
...         "status": "active",
...         "currency_code": "EUR",
...         "billing_period": 1,
...         "billing_period_unit": "year",
...         "started_at": 1767225600,  # 2026-01-01T00:00:00Z
...         "current_term_start": 1767225600,
...         "current_term_end": 1798761600,  # 2027-01-01T00:00:00Z
...         "subscription_items": [
...             {
...                 "object": "subscription_item",
...                 "item_price_id": "seats-EUR-yearly",
...                 "item_type": "plan",
...                 "quantity": 10,
...                 "unit_price": 60000,
...             }
...         ],
...     },
...     "customer": {"object": "customer", "billing_address": {"country": "FR"}},
... }
>>> sub = chargebee.subscription_from_chargebee(data)
>>> sub.seats, sub.unit_price, sub.plan, sub.country
(10, Money('600.00', 'EUR'), 'seats-EUR-yearly', 'FR')
>>> quote = quote_add_seats(sub, 3, dt.date(2026, 10, 1), convention=chargebee.CONVENTION)
>>> estimate = chargebee.preview_chargebee(quote)
>>> line = estimate["estimate"]["invoice_estimate"]["line_items"][0]
>>> line["amount"], line["quantity"], line["date_from"], line["date_to"]
(45370, 3, 1790812800, 1798761600)
>>> chargebee.charges_from_chargebee(estimate)
Money('453.70', 'EUR')

That is 3 seats × 600.00 EUR × 92/365 (October 1 to January 1, the term's 365 days counted to the
millisecond from midnight UTC) = 453.698..., rounded half-up once.

Chargebee's default proration counts milliseconds (:data:`CONVENTION`); sites in its day-based
mode prorate by whole days after the change day (:data:`~seatcalc.CHARGEBEE`).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from seatcalc.adapters._choice import customer, named, only_one, unwrapped
from seatcalc.adapters._fields import Reader, months_of, payable_minor, period_unit, timestamp
from seatcalc.conventions import CHARGEBEE_MILLISECONDS, Convention
from seatcalc.errors import reported_as
from seatcalc.minor_units import CHARGEBEE_UNITS, MinorUnits
from seatcalc.money import Money
from seatcalc.quote import AddSeatsQuote
from seatcalc.subscription import Subscription, check_subscription

__all__ = [
    "CONVENTION",
    "MINOR_UNITS",
    "charges_from_chargebee",
    "preview_chargebee",
    "subscription_from_chargebee",
    "subscription_to_chargebee",
]

#: Chargebee's default proration, to the millisecond and rounded once per line.
CONVENTION: Final[Convention] = CHARGEBEE_MILLISECONDS
#: The minor units Chargebee's amounts are counted in (whole units for its zero-decimal
#: currencies JPY, KRW, XAF and XOF, hundredths for every other one).
MINOR_UNITS: Final[MinorUnits] = CHARGEBEE_UNITS


def subscription_from_chargebee(
    data: Mapping[str, object],
    *,
    item: int | str | None = None,
    country: str | None = None,
    channel: str = "direct",
    product: str = "",
) -> Subscription:
    """Build a :class:`~seatcalc.Subscription` from a Chargebee subscription.

    The seats are one subscription item: the only ``plan`` item, or ``item`` (its index in
    ``subscription_items`` or its ``item_price_id``).  Read from Chargebee's fields:

    * ``quantity`` → ``seats``; ``unit_price`` and ``currency_code`` → ``unit_price``;
      ``item_price_id`` → ``plan``;
    * ``billing_period`` and ``billing_period_unit`` → ``period_months`` (months or years);
    * ``current_term_start`` / ``current_term_end`` → the term; ``started_at`` → ``anchor``
      (the term's start when missing); ``created_at`` → ``purchased_on``;
    * ``status`` ``non_renewing`` → ``auto_renew`` false;
    * the wrapping response's ``customer.billing_address.country`` → ``country``, unless
      ``country`` is given.

    Chargebee's subscription names no product or sales channel: pass ``product`` and ``channel``.

    Raises:
        SeatcalcError: a field is missing or unusable; the error's ``field`` is its dotted path
            in Chargebee's JSON, such as ``subscription.subscription_items[0].unit_price``.
    """
    root = Reader(data)
    sub, wrapped = unwrapped(root)
    chosen = _item(sub, item)
    currency = sub.text("currency_code").upper()
    months = months_of(
        sub.text("billing_period_unit"),
        sub.integer("billing_period", minimum=1),
        sub.where("billing_period_unit"),
    )
    start = sub.day("current_term_start")
    anchor = sub.day("started_at") if sub.optional("started_at") is not None else start
    created = sub.optional_day("created_at")
    names = {
        "seats": chosen.where("quantity"),
        "unit_price": chosen.where("unit_price"),
        "term_start": sub.where("current_term_start"),
        "term_end": sub.where("current_term_end"),
        "anchor": sub.where("started_at"),
        "purchased_on": sub.where("created_at"),
        "period_months": sub.where("billing_period"),
        "country": "customer.billing_address.country",
    }
    with reported_as(names):
        return Subscription(
            seats=chosen.integer("quantity", minimum=1),
            unit_price=chosen.money("unit_price", currency, MINOR_UNITS),
            term_start=start,
            term_end=sub.day("current_term_end"),
            anchor=anchor,
            purchased_on=created,
            period_months=months,
            auto_renew=sub.text("status", "active") != "non_renewing",
            country=_country(root, wrapped) if country is None else country,
            channel=channel,
            product=product,
            plan=chosen.text("item_price_id"),
        )


def subscription_to_chargebee(subscription: Subscription) -> dict[str, object]:
    """Write a subscription as Chargebee's ``{"subscription": ..., "customer": ...}`` response.

    Only the fields :func:`subscription_from_chargebee` reads are written (no ids), so reading
    the result back with the same ``channel`` and ``product`` gives an equal subscription.
    """
    sub = check_subscription(subscription)
    unit = sub.unit_price.to_minor(minor_units=MINOR_UNITS)
    unit_name, count = period_unit(sub.period_months)
    return {
        "subscription": {
            "object": "subscription",
            "status": "active" if sub.auto_renew else "non_renewing",
            "currency_code": sub.currency,
            "billing_period": count,
            "billing_period_unit": unit_name,
            "started_at": timestamp(sub.anchor),
            "created_at": timestamp(sub.purchased_on),
            "current_term_start": timestamp(sub.term_start),
            "current_term_end": timestamp(sub.term_end),
            "subscription_items": [
                {
                    "object": "subscription_item",
                    "item_price_id": sub.plan,
                    "item_type": "plan",
                    "quantity": sub.seats,
                    "unit_price": unit,
                    "amount": unit * sub.seats,
                }
            ],
        },
        "customer": {"object": "customer", "billing_address": {"country": sub.country}},
    }


def preview_chargebee(quote: AddSeatsQuote) -> dict[str, object]:
    """Render a payable quote as Chargebee's estimate of a subscription update.

    One line item in ``estimate.invoice_estimate.line_items``: ``amount`` is the quote's total
    in minor units, ``quantity`` the seats added, ``unit_amount`` one seat's full-term price, and
    ``date_from`` / ``date_to`` midnight UTC of the day the seats are added and of the term's end.

    Raises:
        SeatcalcError: the quote is not payable, or its total is not whole minor units.
    """
    amount = payable_minor(quote, "Chargebee", MINOR_UNITS, "chargebee")
    sub = quote.subscription
    end = quote.end_date or sub.term_end
    line = {
        "object": "line_item",
        "date_from": timestamp(quote.on),
        "date_to": timestamp(end),
        "unit_amount": sub.unit_price.to_minor(minor_units=MINOR_UNITS),
        "quantity": quote.seats,
        "amount": amount,
        "pricing_model": "per_unit",
        "is_taxed": False,
        "tax_amount": 0,
        "discount_amount": 0,
        "item_level_discount_amount": 0,
        "description": sub.plan or "Seats",
        "entity_type": "plan_item_price",
        "entity_id": sub.plan,
    }
    return {
        "estimate": {
            "object": "estimate",
            "created_at": timestamp(quote.on),
            "invoice_estimate": {
                "object": "invoice_estimate",
                "recurring": False,
                "price_type": "tax_exclusive",
                "currency_code": sub.currency,
                "sub_total": amount,
                "total": amount,
                "credits_applied": 0,
                "amount_paid": 0,
                "amount_due": amount,
                "line_items": [line],
            },
        }
    }


def charges_from_chargebee(estimate: Mapping[str, object]) -> Money:
    """Return the sum of the line items' ``amount`` of a Chargebee estimate.

    ``estimate`` is the API's ``{"estimate": ...}`` response or the estimate itself; the line
    items are its ``invoice_estimate``'s, in its ``currency_code``.

    Raises:
        SeatcalcError: the estimate has no invoice estimate, or a line is malformed.
    """
    root = Reader(estimate)
    body = root.child("estimate") if "estimate" in root.data else root
    invoice = body.child("invoice_estimate")
    currency = invoice.text("currency_code").upper()
    total = Money.zero(currency)
    for line in invoice.items("line_items"):
        total += line.money("amount", currency, MINOR_UNITS)
    return total


# -- helpers --------------------------------------------------------------------------------


def _item(sub: Reader, item: int | str | None) -> Reader:
    items = sub.items("subscription_items")
    where = sub.where("subscription_items")
    if item is None:
        plans = [candidate for candidate in items if candidate.optional("item_type") == "plan"]
        return only_one(
            plans or items,
            where,
            what="candidate items",
            expected="exactly one plan item, or item= naming the seats' item (index or id)",
        )
    return named(
        items, item, where, ids=lambda it: (it.optional("item_price_id"),), kinds="an item_price_id"
    )


def _country(root: Reader, wrapped: bool) -> str:  # noqa: FBT001 - a private helper
    found = customer(
        root,
        wrapped=wrapped,
        field="customer.billing_address.country",
        expected="a customer with a billing address",
    )
    return found.child("billing_address").text("country")

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

from typing import Final

from seatcalc.adapters._stripe_invoices import preview_stripe, prorations_from_stripe
from seatcalc.adapters._stripe_subscriptions import (
    subscription_from_stripe,
    subscription_to_stripe,
)
from seatcalc.conventions import STRIPE, Convention
from seatcalc.minor_units import STRIPE_UNITS, MinorUnits

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

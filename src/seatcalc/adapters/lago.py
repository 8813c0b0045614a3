"""Lago's JSON: a :class:`~seatcalc.Subscription` from a subscription, a quote as a fee.

Plain dicts in the shapes of Lago's API; no Lago client is needed.  Seats are a plan's *fixed
charge* (``units`` seats at ``properties.amount`` each, a decimal string in major units), the
subscription embeds its plan (``subscription.plan``), and a subscription may come wrapped as
``{"subscription": {...}, "customer": {...}}``.  Instants are ISO 8601 strings; Lago ends a
billing period on its last second (``2026-12-31T23:59:59Z``), which seatcalc reads as a term
ending on the next day, ``2027-01-01``.  Fees count ``amount_cents`` in ISO 4217's minor units
(:data:`MINOR_UNITS`: HUF and IDR in hundredths, JPY in whole units, KWD in thousandths).

>>> import datetime as dt
>>> from seatcalc import quote_add_seats
>>> from seatcalc.adapters import lago
>>> data = {
...     "subscription": {
...         "plan_code": "team",
...         "status": "active",
...         "billing_time": "anniversary",
...         "subscription_at": "2026-01-01T00:00:00Z",
...         "ending_at": None,
...         "current_billing_period_started_at": "2026-01-01T00:00:00Z",
...         "current_billing_period_ending_at": "2026-12-31T23:59:59Z",
...         "plan": {
...             "code": "team",
...             "interval": "yearly",
...             "amount_cents": 0,
...             "amount_currency": "USD",
...             "fixed_charges": [
...                 {
...                     "code": "seats",
...                     "add_on_code": "seat",
...                     "charge_model": "standard",
...                     "pay_in_advance": True,
...                     "prorated": True,
...                     "units": "10.0",
...                     "properties": {"amount": "1200"},
...                 }
...             ],
...         },
...     },
...     "customer": {"country": "US"},
... }
>>> sub = lago.subscription_from_lago(data)
>>> sub.seats, sub.unit_price, sub.term_end, sub.product, sub.plan
(10, Money('1200', 'USD'), datetime.date(2027, 1, 1), 'seat', 'team')
>>> quote = quote_add_seats(sub, 2, dt.date(2026, 7, 1), convention=lago.CONVENTION)
>>> fee = lago.preview_lago(quote)["fee"]
>>> fee["amount_cents"], fee["units"], fee["from_date"], fee["to_date"]
(120986, '1.008219', '2026-07-01T00:00:00Z', '2026-12-31T23:59:59Z')
>>> lago.fees_from_lago({"fee": fee})
Money('1209.86', 'USD')

Lago weighs the units first: 2 seats × 184/365 = 1.008219 (to six places), then 1.008219 ×
1200 = 1209.8628, rounded to 1209.86 (:data:`CONVENTION`).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from seatcalc.adapters._lago_fees import fees_from_lago, preview_lago
from seatcalc.adapters._lago_subscriptions import (
    PLAN_INTERVALS,
    subscription_from_lago,
    subscription_to_lago,
)
from seatcalc.conventions import LAGO, Convention
from seatcalc.minor_units import ISO_4217_UNITS, MinorUnits

__all__ = [
    "CONVENTION",
    "INTERVALS",
    "MINOR_UNITS",
    "fees_from_lago",
    "preview_lago",
    "subscription_from_lago",
    "subscription_to_lago",
]

#: Lago's proration of fixed charges such as seats (weighted units to six places, rounded once).
CONVENTION: Final[Convention] = LAGO
#: The minor units Lago's ``amount_cents`` are counted in (ISO 4217's).
MINOR_UNITS: Final[MinorUnits] = ISO_4217_UNITS
#: Lago's plan intervals and their months (``weekly`` plans have no whole months).
INTERVALS: Final[Mapping[str, int]] = PLAN_INTERVALS

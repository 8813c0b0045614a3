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
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final

from seatcalc.adapters._fields import (
    Reader,
    decimal_string,
    iso_instant,
    iso_last_second,
    payable_total,
    shifted,
)
from seatcalc.conventions import LAGO, Convention
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_as
from seatcalc.minor_units import ISO_4217_UNITS, MinorUnits
from seatcalc.money import Money
from seatcalc.quote import AddSeatsQuote
from seatcalc.rounding import round_ratio
from seatcalc.subscription import Subscription

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
INTERVALS: Final[Mapping[str, int]] = {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}
#: The places Lago weighs prorated units to.
_UNIT_PLACES: Final = 6
#: Seats are refused from this many digits on: no engine stores a count that large.
_MAX_SEAT_DIGITS: Final = 30


def subscription_from_lago(
    data: Mapping[str, object],
    *,
    charge: str | None = None,
    country: str | None = None,
    channel: str = "direct",
) -> Subscription:
    """Build a :class:`~seatcalc.Subscription` from a Lago subscription with its plan.

    The seats are one of the plan's fixed charges: the only one, or the one whose ``code`` is
    ``charge``.  Read from Lago's fields:

    * the charge's ``units`` (a whole number) → ``seats``; its ``properties.amount`` and the
      plan's ``amount_currency`` → ``unit_price``; its ``add_on_code`` → ``product``;
    * ``plan.interval`` → ``period_months`` (monthly, quarterly, semiannual, yearly);
    * ``current_billing_period_started_at`` / ``current_billing_period_ending_at`` → the term;
      ``subscription_at`` → ``anchor``; ``created_at`` → ``purchased_on``;
    * ``ending_at`` (set when the subscription will not renew) → ``auto_renew`` false;
      ``plan_code`` → ``plan``;
    * the wrapping response's ``customer.country`` → ``country``, unless ``country`` is given.

    Raises:
        SeatcalcError: a field is missing or unusable; the error's ``field`` is its dotted path
            in Lago's JSON, such as ``subscription.plan.fixed_charges[0].units``.
    """
    root = Reader(data)
    wrapped = "subscription" in root.data
    sub = root.child("subscription") if wrapped else root
    plan = sub.child("plan")
    chosen = _charge(plan, charge)
    currency = plan.text("amount_currency").upper()
    interval = plan.text("interval")
    if interval not in INTERVALS:
        raise InvalidValueError(
            field=plan.where("interval"),
            value=interval,
            expected="monthly, quarterly, semiannual or yearly: seatcalc's periods are months",
            code=ErrorCode.UNKNOWN_CHOICE,
        )
    properties = chosen.child("properties")
    with reported_as({"amount": properties.where("amount")}):
        unit_price = Money(properties.decimal_text("amount"), currency)
    created = sub.day("created_at") if sub.optional("created_at") is not None else None
    names = {
        "term_start": sub.where("current_billing_period_started_at"),
        "term_end": sub.where("current_billing_period_ending_at"),
        "anchor": sub.where("subscription_at"),
        "purchased_on": sub.where("created_at"),
        "country": "customer.country",
        "unit_price": properties.where("amount"),
    }
    with reported_as(names):
        return Subscription(
            seats=_seats(chosen),
            unit_price=unit_price,
            term_start=sub.day("current_billing_period_started_at"),
            term_end=sub.day("current_billing_period_ending_at", end=True),
            anchor=sub.day("subscription_at"),
            purchased_on=created,
            period_months=INTERVALS[interval],
            auto_renew=sub.optional("ending_at") is None,
            country=_country(root, wrapped) if country is None else country,
            channel=channel,
            product=_text_or_empty(chosen, "add_on_code"),
            plan=sub.text("plan_code"),
        )


def subscription_to_lago(subscription: Subscription) -> dict[str, object]:
    """Write a subscription as Lago's ``{"subscription": ..., "customer": ...}`` response.

    The plan is embedded with one fixed charge, ``seats``; only the fields
    :func:`subscription_from_lago` reads are written (no ids), so reading the result back with
    the same ``channel`` gives an equal subscription.

    Raises:
        SeatcalcError: the period is not one of Lago's intervals (:data:`INTERVALS`).
    """
    sub = _subscription(subscription)
    names = {months: name for name, months in INTERVALS.items()}
    if sub.period_months not in names:
        raise InvalidValueError(
            field="subscription.period_months",
            value=sub.period_months,
            expected="1, 3, 6 or 12: the months of Lago's plan intervals",
            code=ErrorCode.UNKNOWN_CHOICE,
        )
    return {
        "subscription": {
            "plan_code": sub.plan,
            "status": "active",
            "billing_time": "anniversary",
            "created_at": iso_instant(sub.purchased_on),
            "subscription_at": iso_instant(sub.anchor),
            "ending_at": None if sub.auto_renew else iso_instant(sub.term_end),
            "current_billing_period_started_at": iso_instant(sub.term_start),
            "current_billing_period_ending_at": iso_last_second(sub.term_end),
            "plan": {
                "code": sub.plan,
                "interval": names[sub.period_months],
                "amount_cents": 0,
                "amount_currency": sub.currency,
                "fixed_charges": [
                    {
                        "code": "seats",
                        "add_on_code": sub.product,
                        "charge_model": "standard",
                        "pay_in_advance": True,
                        "prorated": True,
                        "units": str(sub.seats),
                        "properties": {"amount": decimal_string(sub.unit_price.amount)},
                    }
                ],
            },
        },
        "customer": {"country": sub.country},
    }


def preview_lago(quote: AddSeatsQuote) -> dict[str, object]:
    """Render a payable quote as the fee Lago bills for the added seats.

    ``amount_cents`` is the quote's total in minor units; ``units`` the seats weighted by the
    share of the term left, to six places, as Lago writes prorated units; ``from_date`` and
    ``to_date`` the first and last second the seats are billed for; ``item`` the fixed charge.

    Raises:
        SeatcalcError: the quote is not payable, or its total is not whole minor units.
    """
    total = payable_total(quote, "Lago")
    with reported_as({"amount": "quote.total"}):
        cents = total.to_minor(minor_units=MINOR_UNITS)
    sub = quote.subscription
    end = quote.end_date or sub.term_end
    share = quote.fraction if quote.fraction is not None else Fraction(1)
    weighted = share * quote.seats
    units = round_ratio(weighted.numerator * 10**_UNIT_PLACES, weighted.denominator, ROUND_HALF_UP)
    return {
        "fee": {
            "amount_cents": cents,
            "amount_currency": sub.currency,
            "taxes_amount_cents": 0,
            "taxes_rate": 0,
            "total_amount_cents": cents,
            "total_amount_currency": sub.currency,
            "units": decimal_string(shifted(Decimal(units), -_UNIT_PLACES)),
            "precise_unit_amount": decimal_string(sub.unit_price.amount),
            "pay_in_advance": True,
            "invoiceable": True,
            "from_date": iso_instant(quote.on),
            "to_date": iso_last_second(end),
            "item": {
                "type": "fixed_charge",
                "code": "seats",
                "name": sub.product or "Seats",
                "invoice_display_name": sub.product or "Seats",
            },
        }
    }


def fees_from_lago(data: Mapping[str, object]) -> Money:
    """Return the sum of ``amount_cents`` of Lago fees.

    ``data`` is one fee (``{"fee": {...}}``), a list response (``{"fees": [...]}``) or an
    invoice (``{"invoice": {"fees": [...]}}``); every fee must be in the same currency.

    Raises:
        SeatcalcError: no fee, a malformed fee, or fees in two currencies.
    """
    root = Reader(data)
    if "invoice" in root.data:
        root = root.child("invoice")
    fees = [root.child("fee")] if "fee" in root.data else root.items("fees")
    if not fees:
        raise InvalidValueError(
            field=root.where("fees"), value="[]", got="no fee", expected="at least one fee"
        )
    currency = fees[0].text("amount_currency").upper()
    total = Money.zero(currency)
    for fee in fees:
        with reported_as({"+": fee.where("amount_currency")}):
            total += fee.money("amount_cents", fee.text("amount_currency").upper(), MINOR_UNITS)
    return total


# -- helpers --------------------------------------------------------------------------------


def _subscription(value: object) -> Subscription:
    if not isinstance(value, Subscription):
        raise InvalidTypeError(field="subscription", value=value, expected="a Subscription")
    return value


def _charge(plan: Reader, code: str | None) -> Reader:
    charges = plan.items("fixed_charges")
    where = plan.where("fixed_charges")
    if code is None:
        if len(charges) == 1:
            return charges[0]
        raise InvalidValueError(
            field=where,
            value=f"{len(charges)} fixed charges",
            got=f"{len(charges)} fixed charges",
            expected="exactly one fixed charge, or charge= naming the seats' charge by code",
            code=ErrorCode.INCONSISTENT if charges else ErrorCode.EMPTY,
        )
    for candidate in charges:
        if candidate.optional("code") == code:
            return candidate
    raise InvalidValueError(
        field="charge",
        value=code,
        expected=f"the code of one of the fixed charges in {where}",
        code=ErrorCode.UNKNOWN_CHOICE,
    )


def _seats(charge: Reader) -> int:
    units = charge.decimal_text("units")
    # Compare before converting: "1e300000" is a valid decimal whose int() takes seconds.
    if units.adjusted() >= _MAX_SEAT_DIGITS:
        raise InvalidValueError(
            field=charge.where("units"),
            value=charge.text("units"),
            expected=f"a whole number of seats below 10**{_MAX_SEAT_DIGITS}",
        )
    if units != units.to_integral_value() or units < 1:
        raise InvalidValueError(
            field=charge.where("units"),
            value=charge.text("units"),
            expected="a whole number of seats, at least 1 (such as '10.0')",
        )
    return int(units)


def _text_or_empty(reader: Reader, key: str) -> str:
    return "" if reader.optional(key) is None else reader.text(key)


def _country(root: Reader, wrapped: bool) -> str:  # noqa: FBT001 - a private helper
    if not wrapped or "customer" not in root.data:
        raise InvalidValueError(
            field="customer.country",
            detail="missing: pass the subscription with its customer, or country=",
            expected="a customer with a country, or country=",
            code=ErrorCode.MALFORMED_RECORD,
        )
    return root.child("customer").text("country")

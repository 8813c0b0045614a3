"""Lago's subscriptions with their plans, read into and written from a Subscription.

Seats are a plan's fixed charge; instants are ISO 8601 strings, a billing period ending on its
last second.  :mod:`seatcalc.adapters.lago` is the public face.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Final

from seatcalc.adapters._choice import customer, only_one, unwrapped
from seatcalc.adapters._fields import Reader, decimal_string, iso_instant, iso_last_second
from seatcalc.errors import ErrorCode, InvalidValueError, reported_as
from seatcalc.money import Money
from seatcalc.subscription import Subscription, check_subscription

#: Lago's plan intervals and their months (``weekly`` plans have no whole months).
PLAN_INTERVALS: Final[Mapping[str, int]] = types.MappingProxyType(
    {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}
)
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
    sub, wrapped = unwrapped(root)
    plan = sub.child("plan")
    chosen = _charge(plan, charge)
    currency = plan.text("amount_currency").upper()
    interval = plan.text("interval")
    if interval not in PLAN_INTERVALS:
        raise InvalidValueError(
            field=plan.where("interval"),
            value=interval,
            expected="monthly, quarterly, semiannual or yearly: seatcalc's periods are months",
            code=ErrorCode.UNKNOWN_CHOICE,
        )
    properties = chosen.child("properties")
    with reported_as({"amount": properties.where("amount")}):
        unit_price = Money(properties.decimal_text("amount"), currency)
    created = sub.optional_day("created_at")
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
            period_months=PLAN_INTERVALS[interval],
            auto_renew=sub.optional("ending_at") is None,
            country=_country(root, wrapped) if country is None else country,
            channel=channel,
            product=chosen.text_or_empty("add_on_code"),
            plan=sub.text("plan_code"),
        )


def subscription_to_lago(subscription: Subscription) -> dict[str, object]:
    """Write a subscription as Lago's ``{"subscription": ..., "customer": ...}`` response.

    The plan is embedded with one fixed charge, ``seats``; only the fields
    :func:`subscription_from_lago` reads are written (no ids), so reading the result back with
    the same ``channel`` gives an equal subscription.

    Raises:
        SeatcalcError: the period is not one of Lago's intervals
            (:data:`~seatcalc.adapters.lago.INTERVALS`).
    """
    sub = check_subscription(subscription)
    names = {months: name for name, months in PLAN_INTERVALS.items()}
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


def _charge(plan: Reader, code: str | None) -> Reader:
    charges = plan.items("fixed_charges")
    where = plan.where("fixed_charges")
    if code is None:
        return only_one(
            charges,
            where,
            what="fixed charges",
            expected="exactly one fixed charge, or charge= naming the seats' charge by code",
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


def _country(root: Reader, wrapped: bool) -> str:  # noqa: FBT001 - a private helper
    found = customer(
        root, wrapped=wrapped, field="customer.country", expected="a customer with a country"
    )
    return found.text("country")

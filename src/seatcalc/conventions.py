"""Proration conventions: how a share of a term is counted, as values.

A :class:`Convention` says how :func:`~seatcalc.prorate` counts the time that remains in a term
and the length of the whole term, and what it does with the ratio before the one rounding to the
currency's minor unit.  seatcalc names six conventions (:data:`ACTUAL_DAYS`, the default,
:data:`SECONDS`, :data:`THIRTY_360`, :data:`ACTUAL_360`, :data:`MONTHS_THEN_DAYS`,
:data:`MONTHS_THEN_DAYS_30`) and presets
that reproduce well-known billing engines (:data:`STRIPE`, :data:`KILLBILL`, :data:`ZUORA` and
its two 30-day variants, :data:`LAGO`, :data:`CHARGEBEE`).  :data:`CONVENTIONS` maps each name to
its value and :func:`convention_named` looks one up.

A convention never fixes the final rounding mode: that is :func:`~seatcalc.prorate`'s
``rounding=`` argument, always applied.  Every engine modelled here rounds half-up by default, as
seatcalc does.

The value itself and its checks are in a private module, the counting of days and seconds in
another; this module names the conventions and re-exports the value, so
``seatcalc.conventions.Convention`` is the same class as ``seatcalc.Convention``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from types import MappingProxyType

from seatcalc._convention import Convention
from seatcalc._day_counts import DAY_COUNTS
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

__all__ = [
    "ACTUAL_360",
    "ACTUAL_DAYS",
    "CHARGEBEE",
    "CHARGEBEE_MILLISECONDS",
    "CONVENTIONS",
    "DAY_COUNTS",
    "KILLBILL",
    "LAGO",
    "LAGO_SUBSCRIPTION",
    "MILLISECONDS",
    "MONTHS_FORWARD_THEN_DAYS",
    "MONTHS_THEN_DAYS",
    "MONTHS_THEN_DAYS_30",
    "SECONDS",
    "STRIPE",
    "THIRTY_360",
    "ZUORA",
    "ZUORA_ACTUAL_360",
    "ZUORA_STRICT_30_360",
    "Convention",
    "convention_from_data",
    "convention_named",
    "convention_to_data",
]

ACTUAL_DAYS = Convention(
    "actual_days",
    summary="actual days left / actual days in the term; the change day is charged",
)
SECONDS = Convention(
    "seconds",
    unit="second",
    summary="seconds left / seconds in the term, on timezone-aware datetimes",
)
MILLISECONDS = Convention(
    "milliseconds",
    unit="millisecond",
    summary="milliseconds left / milliseconds in the term, on timezone-aware datetimes",
)
THIRTY_360 = Convention(
    "thirty_360",
    day_count="30E/360",
    summary="30E/360 days left / 30E/360 days in the term (every month has 30 days)",
)
ACTUAL_360 = Convention(
    "actual_360",
    day_count="actual/360",
    summary="actual days left / the term in 360-day years (at most the whole price)",
)
MONTHS_FORWARD_THEN_DAYS = Convention(
    "months_forward_then_days",
    day_count="months-forward+actual",
    summary="whole months forward from the change + leftover days / days of that month",
)
MONTHS_THEN_DAYS_30 = Convention(
    "months_then_days_30",
    day_count="months+30",
    summary="whole months left + leftover actual days / 30, over the term in months",
)
MONTHS_THEN_DAYS = Convention(
    "months_then_days",
    day_count="months+actual",
    summary="whole months left + leftover days / days of their billing month, over the term",
)
STRIPE = Convention(
    "stripe",
    unit="second",
    summary="Stripe: to the second (Unix timestamps), rounded once per line",
)
KILLBILL = Convention(
    "killbill",
    ratio_places=9,
    ratio_rounding=ROUND_HALF_UP,
    summary="Kill Bill: actual days [start, end), ratio rounded to 9 places half-up",
)
ZUORA = Convention(
    "zuora",
    day_count="months+actual",
    summary="Zuora, actual days: whole months, then days / actual days of the month",
)
ZUORA_ACTUAL_360 = Convention(
    "zuora_actual_360",
    day_count="months+30",
    summary="Zuora, 'Assume 30 days - Actual/360': whole months, then actual days / 30",
)
ZUORA_STRICT_30_360 = Convention(
    "zuora_strict_30_360",
    day_count="30E/360",
    summary="Zuora, 'Assume 30 days - Strict 30/360': every month counts 30 days",
)
LAGO = Convention(
    "lago",
    ratio_places=6,
    ratio_rounding=ROUND_HALF_UP,
    precision_scope="units",
    summary="Lago, fixed charges (seats): days, weighted units (ratio x units) to 6 places",
)
LAGO_SUBSCRIPTION = Convention(
    "lago_subscription",
    summary="Lago, subscription fee: days / days of the period, unrounded, rounded once",
)
CHARGEBEE = Convention(
    "chargebee",
    charge_change_day=False,
    summary="Chargebee, day-based mode: whole days after the change day / days in the term",
)
CHARGEBEE_MILLISECONDS = Convention(
    "chargebee_milliseconds",
    unit="millisecond",
    summary="Chargebee, millisecond mode (its default): to the millisecond, once per line",
)

#: Every named convention and preset, by name (read-only).
CONVENTIONS: Mapping[str, Convention] = MappingProxyType(
    {
        convention.name: convention
        for convention in (
            ACTUAL_DAYS,
            SECONDS,
            MILLISECONDS,
            THIRTY_360,
            ACTUAL_360,
            MONTHS_THEN_DAYS,
            MONTHS_THEN_DAYS_30,
            MONTHS_FORWARD_THEN_DAYS,
            STRIPE,
            KILLBILL,
            ZUORA,
            ZUORA_ACTUAL_360,
            ZUORA_STRICT_30_360,
            LAGO,
            LAGO_SUBSCRIPTION,
            CHARGEBEE,
            CHARGEBEE_MILLISECONDS,
        )
    }
)


def convention_named(name: object) -> Convention:
    """Return the named convention or preset; the name is case-insensitive.

    >>> convention_named("Stripe") is STRIPE
    True
    >>> convention_named("stripe_seconds")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: convention: got 'stripe_seconds'; expected a Convention or one of actual_days, seconds, milliseconds, thirty_360, actual_360, months_then_days, months_then_days_30, months_forward_then_days, stripe, killbill, zuora, zuora_actual_360, zuora_strict_30_360, lago, lago_subscription, chargebee, chargebee_milliseconds

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    expected = f"a Convention or one of {', '.join(CONVENTIONS)}"
    if not isinstance(name, str):
        raise InvalidTypeError(field="convention", value=name, expected=expected)
    found = CONVENTIONS.get(name.lower().replace("-", "_"))
    if found is None:
        raise InvalidValueError(
            field="convention", value=name, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
        )
    return found


def convention_to_data(convention: Convention) -> object:
    """Write a named convention as its name, any other (a custom one) as its fields."""
    named = CONVENTIONS.get(convention.name) == convention
    return convention.name if named else convention.to_dict()


def convention_from_data(data: object) -> Convention:
    """Read :func:`convention_to_data`'s form back."""
    if isinstance(data, Mapping):
        return Convention.from_dict(data)
    return convention_named(data)

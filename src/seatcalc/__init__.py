"""seatcalc: exact, explainable pricing and checks for seat changes on subscriptions."""

from __future__ import annotations

from importlib.metadata import version as _version

from seatcalc.eligibility import (
    DEFAULT_POLICY,
    Eligibility,
    Policy,
    Reason,
    ReasonCode,
    check_eligibility,
    countries_in,
)
from seatcalc.errors import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    SeatcalcError,
    UnknownCurrencyError,
)
from seatcalc.money import ROUNDING_MODES, Money, minor_unit_digits, round_ratio
from seatcalc.subscription import CHANNELS, Subscription

__version__ = _version("seatcalc")

__all__ = [
    "CHANNELS",
    "DEFAULT_POLICY",
    "ROUNDING_MODES",
    "CurrencyMismatchError",
    "Eligibility",
    "InvalidTypeError",
    "InvalidValueError",
    "Money",
    "Policy",
    "Reason",
    "ReasonCode",
    "SeatcalcError",
    "Subscription",
    "UnknownCurrencyError",
    "__version__",
    "check_eligibility",
    "countries_in",
    "minor_unit_digits",
    "round_ratio",
]

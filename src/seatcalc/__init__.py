"""seatcalc: exact, explainable pricing and checks for seat changes on subscriptions."""

from __future__ import annotations

from importlib.metadata import version as _version

from seatcalc.errors import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    SeatcalcError,
    UnknownCurrencyError,
)
from seatcalc.money import ROUNDING_MODES, Money, minor_unit_digits, round_ratio
from seatcalc.subscription import CHANNELS, Subscription
from seatcalc.usage import UsageReport, usage_report

__version__ = _version("seatcalc")

__all__ = [
    "CHANNELS",
    "ROUNDING_MODES",
    "CurrencyMismatchError",
    "InvalidTypeError",
    "InvalidValueError",
    "Money",
    "SeatcalcError",
    "Subscription",
    "UnknownCurrencyError",
    "UsageReport",
    "__version__",
    "minor_unit_digits",
    "round_ratio",
    "usage_report",
]

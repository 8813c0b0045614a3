"""seatcalc: exact, explainable pricing and checks for seat changes on subscriptions."""

from __future__ import annotations

from importlib.metadata import version as _version

from seatcalc.conventions import (
    ACTUAL_360,
    ACTUAL_DAYS,
    CHARGEBEE,
    CONVENTIONS,
    DAY_COUNTS,
    KILLBILL,
    LAGO,
    MONTHS_THEN_DAYS,
    SECONDS,
    STRIPE,
    THIRTY_360,
    ZUORA,
    ZUORA_ACTUAL_360,
    ZUORA_STRICT_30_360,
    Convention,
    convention_named,
)
from seatcalc.errors import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    OutsideTermError,
    SeatcalcError,
    UnknownCurrencyError,
)
from seatcalc.money import ROUNDING_MODES, Money, minor_unit_digits, round_ratio
from seatcalc.proration import Proration, prorate
from seatcalc.subscription import CHANNELS, Subscription

__version__ = _version("seatcalc")

__all__ = [
    "ACTUAL_360",
    "ACTUAL_DAYS",
    "CHANNELS",
    "CHARGEBEE",
    "CONVENTIONS",
    "DAY_COUNTS",
    "KILLBILL",
    "LAGO",
    "MONTHS_THEN_DAYS",
    "ROUNDING_MODES",
    "SECONDS",
    "STRIPE",
    "THIRTY_360",
    "ZUORA",
    "ZUORA_ACTUAL_360",
    "ZUORA_STRICT_30_360",
    "Convention",
    "CurrencyMismatchError",
    "InvalidTypeError",
    "InvalidValueError",
    "Money",
    "OutsideTermError",
    "Proration",
    "SeatcalcError",
    "Subscription",
    "UnknownCurrencyError",
    "__version__",
    "convention_named",
    "minor_unit_digits",
    "prorate",
    "round_ratio",
]

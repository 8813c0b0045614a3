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

__version__ = _version("seatcalc")

__all__ = [
    "ROUNDING_MODES",
    "CurrencyMismatchError",
    "InvalidTypeError",
    "InvalidValueError",
    "Money",
    "SeatcalcError",
    "UnknownCurrencyError",
    "__version__",
    "minor_unit_digits",
    "round_ratio",
]

"""seatcalc: exact, explainable pricing and checks for seat changes on subscriptions."""

from __future__ import annotations

from importlib.metadata import version as _version

from seatcalc.errors import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    OutsideTermError,
    SeatcalcError,
    UnknownCurrencyError,
)
from seatcalc.lifecycle import (
    DEFAULT_LIFECYCLE,
    LifecyclePolicy,
    LifecycleStatus,
    status_changes,
    status_on,
)
from seatcalc.money import ROUNDING_MODES, Money, minor_unit_digits, round_ratio
from seatcalc.renewal import (
    Decision,
    RemovalReason,
    SeatReduction,
    Term,
    can_remove_seats,
    coterm_end,
    next_renewal,
    renew,
    renewal_dates,
    schedule_seat_reduction,
    term_containing,
)
from seatcalc.subscription import CHANNELS, Subscription
from seatcalc.usage import UsageReport, usage_report

__version__ = _version("seatcalc")

__all__ = [
    "CHANNELS",
    "DEFAULT_LIFECYCLE",
    "ROUNDING_MODES",
    "CurrencyMismatchError",
    "Decision",
    "InvalidTypeError",
    "InvalidValueError",
    "LifecyclePolicy",
    "LifecycleStatus",
    "Money",
    "OutsideTermError",
    "RemovalReason",
    "SeatReduction",
    "SeatcalcError",
    "Subscription",
    "Term",
    "UnknownCurrencyError",
    "UsageReport",
    "__version__",
    "can_remove_seats",
    "coterm_end",
    "minor_unit_digits",
    "next_renewal",
    "renew",
    "renewal_dates",
    "round_ratio",
    "schedule_seat_reduction",
    "status_changes",
    "status_on",
    "term_containing",
    "usage_report",
]

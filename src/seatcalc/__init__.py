"""seatcalc: exact, explainable pricing and checks for seat changes on subscriptions."""

from __future__ import annotations

from seatcalc.alignment import AlignmentLine, AlignmentQuote, align
from seatcalc.audit import (
    ChargeCheck,
    ChargeMatch,
    ChargeVerdict,
    check_charge,
    check_charges,
)
from seatcalc.conventions import (
    ACTUAL_360,
    ACTUAL_DAYS,
    CHARGEBEE,
    CHARGEBEE_MILLISECONDS,
    CONVENTIONS,
    DAY_COUNTS,
    KILLBILL,
    LAGO,
    LAGO_SUBSCRIPTION,
    MILLISECONDS,
    MONTHS_FORWARD_THEN_DAYS,
    MONTHS_THEN_DAYS,
    MONTHS_THEN_DAYS_30,
    SECONDS,
    STRIPE,
    THIRTY_360,
    ZUORA,
    ZUORA_ACTUAL_360,
    ZUORA_STRICT_30_360,
    Convention,
    convention_named,
)
from seatcalc.eligibility import Eligibility, Reason, ReasonCode, check_eligibility
from seatcalc.errors import (
    CurrencyMismatchError,
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    OutsideTermError,
    SeatcalcError,
    UnknownCurrencyError,
)
from seatcalc.lifecycle import (
    DEFAULT_LIFECYCLE,
    LifecyclePolicy,
    LifecycleState,
    LifecycleStatus,
    lifecycle_state,
    status_changes,
    status_on,
)
from seatcalc.minor_units import (
    CASH_UNITS,
    CHARGEBEE_UNITS,
    CLDR_UNITS,
    ISO_4217_UNITS,
    MINOR_UNIT_TABLES,
    STRIPE_UNITS,
    MinorUnit,
    MinorUnits,
    check_minor_units,
    digits_differences,
    minor_unit,
)
from seatcalc.money import Money, minor_unit_digits
from seatcalc.policy import DEFAULT_POLICY, EUROPE_CODES, Policy, countries_in
from seatcalc.proration import Proration, prorate
from seatcalc.quote import AddSeatsQuote, quote_add_seats
from seatcalc.removal import (
    Decision,
    RemovalReason,
    SeatReduction,
    can_remove_seats,
    schedule_seat_reduction,
)
from seatcalc.renewal import (
    Term,
    coterm_end,
    next_renewal,
    renew,
    renewal_dates,
    term_containing,
)
from seatcalc.rounding import ROUNDING_MODES, round_ratio
from seatcalc.subscription import CHANNELS, Subscription
from seatcalc.timing import AddTimingComparison, Timing, TimingOption, compare_add_timing
from seatcalc.usage import UsageReport, usage_report


def __getattr__(name: str) -> str:
    """Read ``__version__`` from the installed metadata on first use.

    importlib.metadata takes longer to import than the rest of seatcalc, and most programs never
    ask for the version.
    """
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - see the docstring

        return version("seatcalc")
    msg = f"module 'seatcalc' has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "ACTUAL_360",
    "ACTUAL_DAYS",
    "CASH_UNITS",
    "CHANNELS",
    "CHARGEBEE",
    "CHARGEBEE_MILLISECONDS",
    "CHARGEBEE_UNITS",
    "CLDR_UNITS",
    "CONVENTIONS",
    "DAY_COUNTS",
    "DEFAULT_LIFECYCLE",
    "DEFAULT_POLICY",
    "EUROPE_CODES",
    "ISO_4217_UNITS",
    "KILLBILL",
    "LAGO",
    "LAGO_SUBSCRIPTION",
    "MILLISECONDS",
    "MINOR_UNIT_TABLES",
    "MONTHS_FORWARD_THEN_DAYS",
    "MONTHS_THEN_DAYS",
    "MONTHS_THEN_DAYS_30",
    "ROUNDING_MODES",
    "SECONDS",
    "STRIPE",
    "STRIPE_UNITS",
    "THIRTY_360",
    "ZUORA",
    "ZUORA_ACTUAL_360",
    "ZUORA_STRICT_30_360",
    "AddSeatsQuote",
    "AddTimingComparison",
    "AlignmentLine",
    "AlignmentQuote",
    "ChargeCheck",
    "ChargeMatch",
    "ChargeVerdict",
    "Convention",
    "CurrencyMismatchError",
    "Decision",
    "Eligibility",
    "ErrorCode",
    "InvalidTypeError",
    "InvalidValueError",
    "LifecyclePolicy",
    "LifecycleState",
    "LifecycleStatus",
    "MinorUnit",
    "MinorUnits",
    "MissingExtraError",
    "Money",
    "OutsideTermError",
    "Policy",
    "Proration",
    "Reason",
    "ReasonCode",
    "RemovalReason",
    "SeatReduction",
    "SeatcalcError",
    "Subscription",
    "Term",
    "Timing",
    "TimingOption",
    "UnknownCurrencyError",
    "UsageReport",
    "align",
    "can_remove_seats",
    "check_charge",
    "check_charges",
    "check_eligibility",
    "check_minor_units",
    "compare_add_timing",
    "convention_named",
    "coterm_end",
    "countries_in",
    "digits_differences",
    "lifecycle_state",
    "minor_unit",
    "minor_unit_digits",
    "next_renewal",
    "prorate",
    "quote_add_seats",
    "renew",
    "renewal_dates",
    "round_ratio",
    "schedule_seat_reduction",
    "status_changes",
    "status_on",
    "term_containing",
    "usage_report",
]

"""Hypothesis strategies for seatcalc's values, for property tests of code that uses seatcalc.

Install the extra (``pip install 'seatcalc[hypothesis]'``) and draw subscriptions, prices, policies
and whole quotes the way seatcalc's own property tests do:

>>> from hypothesis import given, settings
>>> from seatcalc import quote_add_seats
>>> from seatcalc.strategies import subscriptions_with_day
>>> @settings(max_examples=20, deadline=None)
... @given(subscriptions_with_day())
... def test_a_quote_never_outlives_the_term(case):
...     sub, day = case
...     assert quote_add_seats(sub, 1, day).end_date == sub.term_end
>>> test_a_quote_never_outlives_the_term()

Every strategy draws from integers and choices only (no :mod:`random`), so every failure replays
and shrinks.  Importing this module imports hypothesis; ``import seatcalc`` does not.

When seatcalc is installed, hypothesis calls seatcalc's ``hypothesis`` entry point when it is
imported, which registers a strategy for each value type, so
``st.from_type(Money)`` and ``st.builds(f)`` on a function annotated with seatcalc's types work
without importing this module (see :data:`TYPE_STRATEGIES`).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st

from seatcalc.alignment import AlignmentQuote
from seatcalc.audit import ChargeCheck, ChargeMatch, ChargeVerdict
from seatcalc.conventions import CONVENTIONS, Convention
from seatcalc.eligibility import Eligibility
from seatcalc.lifecycle import LifecyclePolicy, LifecycleState
from seatcalc.minor_units import MinorUnits
from seatcalc.money import Money
from seatcalc.policy import Policy
from seatcalc.proration import Proration
from seatcalc.quote import AddSeatsQuote
from seatcalc.removal import Decision, SeatReduction
from seatcalc.strategies._charges import (
    charge_checks,
    charge_matches,
    charge_verdicts,
    minor_unit_tables,
)
from seatcalc.strategies._policies import (
    POLICY_CODES,
    eligibility_cases,
    policies,
    removal_cases,
)
from seatcalc.strategies._results import (
    alignment_quotes,
    decisions,
    eligibilities,
    lifecycle_states,
    prorations,
    quotes,
    seat_reductions,
    timing_comparisons,
    usage_reports,
)
from seatcalc.strategies._subscriptions import (
    alignment_groups,
    alignment_targets,
    any_subscriptions,
    irregular_subscriptions,
    lifecycle_days,
    lifecycle_policies,
    subscriptions,
    subscriptions_with_any_day,
    subscriptions_with_day,
    timing_cases,
    usage_inputs,
)
from seatcalc.strategies._values import (
    ALL_CURRENCIES,
    CURRENCIES_BY_DIGITS,
    DAY_CONVENTIONS,
    HALF_MODES,
    LOCALES,
    TIME_ZONES,
    anchors,
    countries,
    currencies,
    dates,
    day_conventions,
    day_terms,
    decimals,
    half_modes,
    leap_days,
    locales,
    money,
    money_pairs,
    month_ends,
    period_months,
    prices,
    quantities,
    rounding_modes,
    second_terms,
    term_points,
    time_zones,
    user_names,
    weight_values,
    weights,
)
from seatcalc.subscription import Subscription
from seatcalc.timing import AddTimingComparison
from seatcalc.usage import UsageReport

__all__ = [
    "ALL_CURRENCIES",
    "CURRENCIES_BY_DIGITS",
    "DAY_CONVENTIONS",
    "HALF_MODES",
    "LOCALES",
    "POLICY_CODES",
    "TIME_ZONES",
    "TYPE_STRATEGIES",
    "alignment_groups",
    "alignment_quotes",
    "alignment_targets",
    "anchors",
    "any_subscriptions",
    "charge_checks",
    "charge_matches",
    "charge_verdicts",
    "countries",
    "currencies",
    "dates",
    "day_conventions",
    "day_terms",
    "decimals",
    "decisions",
    "eligibilities",
    "eligibility_cases",
    "half_modes",
    "irregular_subscriptions",
    "leap_days",
    "lifecycle_days",
    "lifecycle_policies",
    "lifecycle_states",
    "locales",
    "minor_unit_tables",
    "money",
    "money_pairs",
    "month_ends",
    "period_months",
    "policies",
    "prices",
    "prorations",
    "quantities",
    "quotes",
    "register_type_strategies",
    "removal_cases",
    "rounding_modes",
    "seat_reductions",
    "second_terms",
    "subscriptions",
    "subscriptions_with_any_day",
    "subscriptions_with_day",
    "term_points",
    "time_zones",
    "timing_cases",
    "timing_comparisons",
    "usage_inputs",
    "usage_reports",
    "user_names",
    "weight_values",
    "weights",
]

# -- st.from_type ---------------------------------------------------------------------------

#: The strategy :func:`hypothesis.strategies.from_type` uses for each of seatcalc's value types
#: once hypothesis has run seatcalc's entry point, or :func:`register_type_strategies`.
TYPE_STRATEGIES: Final[dict[type, st.SearchStrategy[object]]] = {
    Money: money(),
    Subscription: any_subscriptions,
    Policy: policies(),
    LifecyclePolicy: lifecycle_policies,
    Convention: st.sampled_from(tuple(CONVENTIONS.values())),
    AddSeatsQuote: quotes(),
    Proration: prorations(),
    Eligibility: eligibilities(),
    Decision: decisions,
    SeatReduction: seat_reductions(),
    UsageReport: usage_reports,
    AddTimingComparison: timing_comparisons(),
    AlignmentQuote: alignment_quotes(),
    LifecycleState: lifecycle_states(),
    MinorUnits: minor_unit_tables,
    ChargeMatch: charge_matches,
    ChargeCheck: charge_checks(),
    ChargeVerdict: charge_verdicts(),
}


def register_type_strategies() -> None:
    """Register :data:`TYPE_STRATEGIES` with hypothesis, for ``st.from_type``.

    Hypothesis does this itself through seatcalc's entry point when it is imported; call it
    when entry points are turned off (the environment variable ``HYPOTHESIS_NO_PLUGINS``).

    >>> from hypothesis import strategies as st
    >>> from seatcalc import Money
    >>> from seatcalc.strategies import register_type_strategies
    >>> register_type_strategies()
    >>> st.from_type(Money)
    money()
    """
    for kind, strategy in TYPE_STRATEGIES.items():
        st.register_type_strategy(kind, strategy)

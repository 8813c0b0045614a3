"""Strategies for eligibility policies and for the cases they and seat removals are checked on."""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs
from hypothesis import strategies as st

from seatcalc.policy import Policy, countries_in
from seatcalc.strategies._subscriptions import (
    subscriptions_with_any_day,
    subscriptions_with_day,
)
from seatcalc.strategies._values import (
    dates,
)
from seatcalc.subscription import CHANNELS, Subscription

# -- eligibility policies ---------------------------------------------------------------------

#: The codes a drawn policy allows or excludes, that is the countries subscriptions are drawn
#: in, and regions that hold some of them (Europe and its parts, the Americas, Oceania, the EU).
POLICY_CODES: Final = (
    *("US", "CA", "FR", "DE", "GB", "IT", "ES", "JP", "AU", "BR", "CH"),
    *("150", "155", "151", "154", "039", "019", "021", "009", "EU"),
)
_PLANS: Final = ("standard", "premium", "edu")
_PRODUCTS: Final = ("AutoCAD", "Revit", "Maya")


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A valid policy: allowed entries wholly covered by the exclusions are dropped.

    If nothing is left to allow, South Africa is allowed (no drawn code contains it).
    """
    codes = st.sampled_from(POLICY_CODES)
    excluded = draw(st.frozensets(codes, max_size=4))
    gone = frozenset[str]().union(*(countries_in(code) for code in excluded))
    allowed = {
        code
        for code in draw(st.frozensets(codes, min_size=1, max_size=5))
        if not countries_in(code) <= gone
    }
    return Policy(
        allowed=allowed or {"ZA"},
        excluded=excluded,
        channels=draw(st.frozensets(st.sampled_from(CHANNELS), min_size=1)),
        cutoff=draw(st.one_of(st.none(), dates)),
        excluded_plans=draw(st.frozensets(st.sampled_from(_PLANS))),
        excluded_products=draw(st.frozensets(st.sampled_from(_PRODUCTS))),
        auto_renew_required=draw(st.booleans()),
        max_seats=draw(st.one_of(st.none(), st.integers(1, 600))),
    )


@st.composite
def eligibility_cases(draw: st.DrawFn) -> tuple[Subscription, dt.date, Policy]:
    """A subscription, a day (inside its term three times in four) and a policy."""
    sub, inside = draw(subscriptions_with_day())
    on = draw(st.one_of(st.just(inside), st.just(inside), st.just(inside), dates))
    return sub, on, draw(policies())


@st.composite
def removal_cases(draw: st.DrawFn) -> tuple[Subscription, int, dt.date]:
    """A subscription of two seats or more, seats to remove from it, and a day from its start."""
    sub, on = draw(subscriptions_with_any_day())
    if sub.seats < 2:
        sub = attrs.evolve(sub, seats=draw(st.integers(2, 500)))
    return sub, draw(st.integers(1, sub.seats - 1)), max(on, sub.term_start)

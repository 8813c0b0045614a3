"""Strategies for seatcalc's result values, drawn whole from the functions that build them."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from seatcalc.alignment import AlignmentQuote, align
from seatcalc.conventions import CONVENTIONS, Convention
from seatcalc.eligibility import Eligibility, check_eligibility
from seatcalc.lifecycle import LifecycleState, lifecycle_state
from seatcalc.proration import Proration, prorate
from seatcalc.quote import AddSeatsQuote, quote_add_seats
from seatcalc.removal import Decision, SeatReduction, can_remove_seats, schedule_seat_reduction
from seatcalc.strategies._policies import (
    eligibility_cases,
    removal_cases,
)
from seatcalc.strategies._subscriptions import (
    alignment_groups,
    alignment_targets,
    lifecycle_policies,
    subscriptions_with_any_day,
    timing_cases,
    usage_inputs,
)
from seatcalc.strategies._values import (
    day_conventions,
    day_terms,
    half_modes,
    money,
    prices,
    rounding_modes,
    second_terms,
    term_points,
)
from seatcalc.subscription import Subscription
from seatcalc.timing import AddTimingComparison, compare_add_timing
from seatcalc.usage import UsageReport, usage_report

# -- result values, drawn whole -------------------------------------------------------------
#
# Each strategy draws a value the way a caller gets one: from the public function that builds
# it, on drawn inputs.


@st.composite
def prorations(draw: st.DrawFn) -> Proration:
    """A proration of a day term under any named convention, or of a second term."""
    rounding = draw(rounding_modes)
    quantity = draw(st.integers(1, 50))
    if draw(st.booleans()):
        seconds = draw(second_terms())
        (instant,) = term_points(seconds, draw, 1)
        convention: str | Convention = draw(st.sampled_from(("seconds", "stripe")))
        return prorate(
            draw(prices),
            *seconds,
            instant,
            quantity=quantity,
            convention=convention,
            rounding=rounding,
        )
    days = draw(day_terms())
    convention = draw(day_conventions)
    # A day or two that 30/360 counts as none (January 30 to 31) is refused, rightly.
    assume(convention.length(*days) > 0)
    (on,) = term_points(days, draw, 1)
    return prorate(
        draw(prices), *days, on, quantity=quantity, convention=convention, rounding=rounding
    )


@st.composite
def quotes(draw: st.DrawFn) -> AddSeatsQuote:
    """A quote, payable or not, under a drawn policy and convention."""
    sub, on, policy = draw(eligibility_cases())
    convention = draw(st.sampled_from(sorted(CONVENTIONS)))
    return quote_add_seats(sub, draw(st.integers(1, 20)), on, policy=policy, convention=convention)


@st.composite
def eligibilities(draw: st.DrawFn) -> Eligibility:
    """The outcome of a drawn policy for a drawn subscription and day."""
    sub, on, policy = draw(eligibility_cases())
    return check_eligibility(sub, on, policy=policy, adding=draw(st.integers(0, 20)))


def _decide(case: tuple[Subscription, int, dt.date]) -> Decision:
    return can_remove_seats(*case)


#: Whether a drawn removal may happen, and from when.
decisions: st.SearchStrategy[Decision] = st.builds(_decide, removal_cases())


@st.composite
def seat_reductions(draw: st.DrawFn) -> SeatReduction:
    """A reduction scheduled on a day of the term of a subscription on auto-renewal."""
    sub, seats, _ = draw(removal_cases())
    length = (sub.term_end - sub.term_start).days
    on = sub.term_start + dt.timedelta(days=draw(st.integers(0, length - 1)))
    return schedule_seat_reduction(attrs.evolve(sub, auto_renew=True), seats, on)


@st.composite
def _usage_reports(draw: st.DrawFn) -> UsageReport:
    return usage_report(
        *draw(usage_inputs()),
        window_days=draw(st.integers(1, 120)),
        allow_below_assigned=draw(st.booleans()),
    )


#: A seat-usage report on drawn assignments and events, with a drawn window.
usage_reports: st.SearchStrategy[UsageReport] = _usage_reports()


@st.composite
def timing_comparisons(draw: st.DrawFn) -> AddTimingComparison:
    """A comparison of the moments to add seats, with or without a new renewal price."""
    sub, adding, on, needed_on = draw(timing_cases())
    renewal_price = draw(
        st.one_of(
            st.none(),
            money(currency=st.just(sub.currency), rounded=True, min_units=0, max_units=10**9),
        )
    )
    return compare_add_timing(
        sub,
        adding,
        needed_on,
        on=on,
        renewal_unit_price=renewal_price,
        convention=draw(day_conventions),
        rounding=draw(rounding_modes),
    )


@st.composite
def alignment_quotes(draw: st.DrawFn) -> AlignmentQuote:
    """The alignment of a drawn group on a drawn target."""
    subs = draw(alignment_groups())
    target = draw(alignment_targets(subs))
    return align(subs, target=target, convention=draw(day_conventions), rounding=draw(half_modes))


@st.composite
def lifecycle_states(draw: st.DrawFn) -> LifecycleState:
    """Where a drawn term stands on a day from its start to three periods after its end."""
    sub, on = draw(subscriptions_with_any_day())
    return lifecycle_state(sub, max(on, sub.term_start), policy=draw(lifecycle_policies))

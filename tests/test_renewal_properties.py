"""Properties of renewal dates, co-terming, seat reductions and the lifecycle."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import json

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from seatcalc import (
    Decision,
    InvalidValueError,
    LifecyclePolicy,
    LifecycleStatus,
    OutsideTermError,
    RemovalReason,
    SeatcalcError,
    SeatReduction,
    Term,
    can_remove_seats,
    coterm_end,
    lifecycle_state,
    next_renewal,
    renew,
    renewal_dates,
    schedule_seat_reduction,
    status_changes,
    status_on,
    term_containing,
)
from seatcalc.dates import grid_date, grid_index
from strategies import (
    anchors,
    any_subscriptions,
    clamped_grid_date,
    dates,
    irregular_subscriptions,
    lifecycle_policies,
    period_months,
    subscriptions,
    subscriptions_with_any_day,
    subscriptions_with_day,
)

ORDER = list(LifecycleStatus)


def on_grid(sub, day):
    return grid_index(sub.anchor, sub.period_months, day) is not None


def is_renewal_date(sub, day):
    """A grid date that the current term does not span."""
    return on_grid(sub, day) and not sub.term_start < day < sub.term_end


# -- renewal dates ------------------------------------------------------------------------


ALL_ANCHORS_2023_2024 = [dt.date(2023, 1, 1) + dt.timedelta(days=n) for n in range(731)]


@pytest.mark.parametrize("period", [1, 5, 12, 36])
def test_every_anchor_of_a_leap_and_a_common_year_renews_without_drift(period):
    # Every day of month 1-31 in every month, Feb 29, 2024 included; 48 renewals each.
    for anchor in ALL_ANCHORS_2023_2024:
        got = renewal_dates(anchor, period, 48)
        expected = tuple(anchor + relativedelta(months=period * k) for k in range(1, 49))
        assert got == expected, anchor
        assert got == tuple(clamped_grid_date(anchor, period * k) for k in range(1, 49)), anchor


@given(anchors, period_months, st.integers(0, 120))
def test_renewal_k_is_anchor_plus_k_periods(anchor, period, count):
    got = renewal_dates(anchor, period, count)
    assert len(got) == count
    for k, day in enumerate(got, start=1):
        assert day == anchor + relativedelta(months=period * k)
        assert day == clamped_grid_date(anchor, period * k)


@given(st.dates(), st.integers(-12 * 9999, 12 * 9999))
def test_month_arithmetic_agrees_with_dateutil_or_names_the_overflow(anchor, months):
    # dateutil's relativedelta is the oracle of seatcalc's own clamped month arithmetic.
    try:
        expected = anchor + relativedelta(months=months)
    except (ValueError, OverflowError):
        with pytest.raises(InvalidValueError, match="outside the years 1 to 9999"):
            grid_date(anchor, months)
    else:
        assert grid_date(anchor, months) == expected


@given(anchors, period_months, st.integers(1, 120))
def test_renewal_sequences_never_drift(anchor, period, count):
    got = renewal_dates(anchor, period, count)
    for day in got:
        # The day of month is the anchor's, or the month's last day when the month is shorter.
        assert day.day == min(anchor.day, calendar.monthrange(day.year, day.month)[1])
    assert all(earlier < later for earlier, later in itertools.pairwise(got))
    # A shorter list is a prefix of a longer one: no date depends on the count asked.
    assert renewal_dates(anchor, period, count + 7)[:count] == got


@given(anchors, st.integers(1, 40), st.integers(2, 30))
def test_chaining_from_a_renewal_date_differs_only_when_it_was_clamped(anchor, period, count):
    # Restarting the grid from renewal k agrees with the anchor's grid iff renewal k kept the
    # anchor's day: the reason every date is computed from the anchor.
    got = renewal_dates(anchor, period, count)
    restarted = renewal_dates(got[0], period, count - 1)
    if got[0].day == anchor.day:
        assert restarted == got[1:]
    else:
        assert all(later.day <= got[0].day for later in restarted)


# -- next renewal and terms ---------------------------------------------------------------


@given(subscriptions_with_any_day(subscriptions()))
def test_next_renewal_is_the_next_grid_date(pair):
    sub, on = pair
    found = next_renewal(sub, on)
    assert found > on
    assert on_grid(sub, found)
    # No grid date lies strictly between on and it: the grid date before it is not after on.
    k = grid_index(sub.anchor, sub.period_months, found)
    assert grid_date(sub.anchor, (k - 1) * sub.period_months) <= on


@given(subscriptions_with_any_day(irregular_subscriptions()))
def test_next_renewal_of_an_irregular_term_skips_what_the_term_spans(pair):
    sub, on = pair
    found = next_renewal(sub, on)
    assert found > on
    assert is_renewal_date(sub, found)
    if sub.term_start <= on < sub.term_end:
        assert found == sub.term_end
    k = grid_index(sub.anchor, sub.period_months, found)
    earlier = grid_date(sub.anchor, (k - 1) * sub.period_months)
    assert earlier <= on or not is_renewal_date(sub, earlier)


@given(subscriptions_with_any_day())
def test_term_containing_holds_the_day_and_ends_at_the_next_renewal(pair):
    sub, on = pair
    if on < sub.term_start:
        with pytest.raises(OutsideTermError):
            term_containing(sub, on)
        return
    term = term_containing(sub, on)
    assert term.contains(on)
    assert term.end == next_renewal(sub, on)
    if on < sub.term_end:
        assert term == Term(sub.term_start, sub.term_end)
    else:
        # One whole period on the grid, starting on or after the term end.
        k = grid_index(sub.anchor, sub.period_months, term.start)
        assert k is not None
        assert term.start >= sub.term_end
        assert term.end == grid_date(sub.anchor, (k + 1) * sub.period_months)


@given(any_subscriptions, st.integers(1, 6))
def test_renewing_walks_the_grid_term_by_term(sub, steps):
    current = sub
    for _ in range(steps):
        nxt = renew(current)
        assert nxt.term_start == current.term_end
        assert nxt.term_end == next_renewal(current, current.term_end)
        assert term_containing(sub, nxt.term_start) == Term(nxt.term_start, nxt.term_end)
        assert (nxt.anchor, nxt.period_months, nxt.seats) == (
            sub.anchor,
            sub.period_months,
            sub.seats,
        )
        current = nxt


# -- co-terming ---------------------------------------------------------------------------


@given(subscriptions_with_day(), st.integers(0, 400))
def test_coterm_end_is_term_end_on_every_day_of_the_term(pair, shift):
    sub, on = pair
    assert coterm_end(sub, on) == sub.term_end
    # Every day of the term gives the same answer; any other day is refused.
    other = sub.term_start + dt.timedelta(days=shift)
    if other < sub.term_end:
        assert coterm_end(sub, other) == sub.term_end
    else:
        with pytest.raises(OutsideTermError, match=sub.term_end.isoformat()):
            coterm_end(sub, other)


@given(subscriptions_with_any_day())
def test_coterm_end_answers_inside_the_term_only(pair):
    sub, on = pair
    if sub.term_start <= on < sub.term_end:
        assert coterm_end(sub, on) == sub.term_end
    else:
        with pytest.raises(OutsideTermError) as caught:
            coterm_end(sub, on)
        assert (caught.value.term_start, caught.value.term_end) == (sub.term_start, sub.term_end)
        assert f"[{sub.term_start.isoformat()}, {sub.term_end.isoformat()})" in str(caught.value)


# -- no early removal ---------------------------------------------------------------------


@st.composite
def removals(draw):
    sub, on = draw(subscriptions_with_any_day())
    assume(sub.seats >= 2)
    return sub, draw(st.integers(1, sub.seats - 1)), on


@given(removals())
def test_no_seat_is_removable_before_the_term_end(case):
    sub, seats, on = case
    if on < sub.term_start:
        with pytest.raises(OutsideTermError):
            can_remove_seats(sub, seats, on)
        return
    decision = can_remove_seats(sub, seats, on)
    assert decision.allowed == (on >= sub.term_end)
    assert decision.effective_on >= on
    if on < sub.term_end:
        assert decision.effective_on == sub.term_end
        expected = RemovalReason.BEFORE_TERM_END if sub.auto_renew else RemovalReason.AUTO_RENEW_OFF
        assert decision.reason is expected
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision


@given(subscriptions_with_day(), st.data())
def test_reductions_asked_on_any_two_days_land_on_the_same_date(pair, data):
    sub, first = pair
    assume(sub.seats >= 2 and sub.auto_renew)
    second = data.draw(st.dates(min_value=sub.term_start, max_value=sub.term_end - dt.timedelta(1)))
    seats = data.draw(st.integers(1, sub.seats - 1))
    one = schedule_seat_reduction(sub, seats, first)
    two = schedule_seat_reduction(sub, seats, second)
    assert one.effective_on == two.effective_on == sub.term_end == coterm_end(sub, second)
    assert one.seats_after == sub.seats - seats >= 1
    assert renew(sub, reduction=one).seats == one.seats_after
    assert SeatReduction.from_dict(json.loads(json.dumps(one.to_dict()))) == one


@given(subscriptions(max_seats=6), st.integers(-3, 10), dates)
def test_a_reduction_never_leaves_fewer_than_one_seat(sub, seats, on):
    try:
        reduction = schedule_seat_reduction(sub, seats, on)
    except SeatcalcError:
        return
    assert reduction.seats_after >= 1
    assert 1 <= seats < sub.seats
    assert sub.auto_renew
    assert sub.term_start <= on < sub.term_end


# -- lifecycle ----------------------------------------------------------------------------


@given(any_subscriptions, st.one_of(st.just(LifecyclePolicy()), lifecycle_policies))
def test_lifecycle_states_cover_every_day_once_in_order(sub, policy):
    changes = status_changes(sub, policy=policy)
    assert changes[0][1] == sub.term_start
    assert changes[-1][0] is LifecycleStatus.CANCELLED
    firsts = [first for _, first in changes]
    assert firsts == sorted(set(firsts))
    ranks = [ORDER.index(status) for status, _ in changes]
    assert ranks == sorted(set(ranks))
    # Walk every day from the term start to past the cancellation: one state a day, never back.
    starts = dict(changes)
    last = changes[-1][1] + dt.timedelta(days=3)
    day, previous = sub.term_start, None
    while day <= last:
        status = status_on(sub, day, policy=policy)
        if previous is None or status is not previous:
            assert starts.get(status) == day
            assert previous is None or ORDER.index(status) > ORDER.index(previous)
        previous = status
        day += dt.timedelta(days=1)
    assert previous is LifecycleStatus.CANCELLED


@given(subscriptions_with_any_day(), st.one_of(st.just(LifecyclePolicy()), lifecycle_policies))
def test_the_state_on_a_day_is_the_status_between_two_changes(pair, policy):
    sub, on = pair
    on = max(on, sub.term_start)
    state = lifecycle_state(sub, on, policy=policy)
    changes = status_changes(sub, policy=policy)
    index = changes.index((state.status, state.since))
    assert state.status is status_on(sub, on, policy=policy)
    assert state.since <= on
    assert state.term_end == sub.term_end
    if index + 1 < len(changes):
        assert (state.next_status, state.until) == changes[index + 1]
        assert on < state.until
        assert status_on(sub, state.until, policy=policy) is state.next_status
    else:
        assert (state.status, state.next_status, state.until) == (
            LifecycleStatus.CANCELLED,
            None,
            None,
        )


@given(subscriptions_with_day(), lifecycle_policies)
def test_days_of_the_term_are_active_or_in_the_window(pair, policy):
    sub, on = pair
    status = status_on(sub, on, policy=policy)
    assert status in {LifecycleStatus.ACTIVE, LifecycleStatus.RENEWAL_WINDOW}
    assert (status is LifecycleStatus.RENEWAL_WINDOW) == (
        (sub.term_end - on).days <= policy.renewal_window_days
    )
    assert LifecyclePolicy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy


# -- bad input never gives a date ---------------------------------------------------------

not_dates = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.datetimes(),
    st.datetimes(timezones=st.timezones()),
    dates.map(lambda day: day.isoformat()),
)


@given(any_subscriptions, not_dates)
def test_a_date_function_given_no_date_raises(sub, value):
    for call in (
        lambda: coterm_end(sub, value),
        lambda: next_renewal(sub, value),
        lambda: term_containing(sub, value),
        lambda: can_remove_seats(sub, 1, value),
        lambda: schedule_seat_reduction(sub, 1, value),
        lambda: status_on(sub, value),
        lambda: renewal_dates(value, sub.period_months, 3),
    ):
        with pytest.raises(SeatcalcError):
            call()


@given(subscriptions_with_day(), st.one_of(st.integers(-5, 0), st.booleans(), st.floats()))
def test_bad_seat_counts_raise(pair, seats):
    sub, on = pair
    for function in (can_remove_seats, schedule_seat_reduction):
        with pytest.raises(SeatcalcError, match="seats: got"):
            function(sub, seats, on)

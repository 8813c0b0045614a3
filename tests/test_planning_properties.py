"""Properties of compare_add_timing (R11) and align (R13)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from seatcalc import (
    ACTUAL_DAYS,
    AddTimingComparison,
    AlignmentQuote,
    Money,
    Timing,
    align,
    compare_add_timing,
    prorate,
)
from seatcalc.dates import grid_index
from strategies import (
    alignment_groups,
    alignment_targets,
    clamped_grid_date,
    day_conventions,
    latest_end,
    money,
    rounding_modes,
    subscriptions,
    timing_cases,
)


def _index(sub, day):
    index = grid_index(sub.anchor, sub.period_months, day)
    assert index is not None
    return index


def _grid(sub, index):
    return clamped_grid_date(sub.anchor, index * sub.period_months)


def _periods_between(sub, start, end):
    """An independent count of billing periods in [start, end) with actual days: the share of
    each grid period of the subscription's anchor that [start, end) overlaps, summed."""
    months = (start.year - sub.anchor.year) * 12 + start.month - sub.anchor.month
    index = months // sub.period_months - 1  # a grid date at or before start
    while _grid(sub, index + 1) <= start:
        index += 1
    total = Fraction(0)
    while _grid(sub, index) < end:
        low, high = _grid(sub, index), _grid(sub, index + 1)
        overlap = (min(high, end) - max(low, start)).days
        total += Fraction(overlap, (high - low).days)
        index += 1
    return total


# -- alignment -------------------------------------------------------------------------------


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_aligning_aligned_subscriptions_costs_zero(data, convention, rounding):
    subs = data.draw(alignment_groups())
    target = data.draw(alignment_targets(subs))
    first = align(subs, target=target, convention=convention, rounding=rounding)
    again = align(list(first.extended), convention=convention, rounding=rounding)
    assert again.target == target
    assert again.total == Money.zero(again.currency)
    assert all(line.amount.amount == 0 and line.fraction == 0 for line in again.lines)
    assert again.extended == first.extended  # nothing moves a second time


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_subscriptions_already_ending_on_the_target_cost_zero(data, convention, rounding):
    subs = data.draw(alignment_groups())
    quote = align(subs, convention=convention, rounding=rounding)
    assert quote.target == latest_end(subs)
    for line in quote.lines:
        if line.term_end == quote.target:
            assert (line.fraction, line.amount.amount) == (0, 0)
        else:
            assert line.fraction > 0 or convention.day_count == "30E/360"


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_extension_cost_is_monotone_in_the_target(data, convention, rounding):
    subs = data.draw(alignment_groups(max_size=3))
    early, late = sorted((data.draw(alignment_targets(subs)), data.draw(alignment_targets(subs))))
    first = align(subs, target=early, convention=convention, rounding=rounding)
    second = align(subs, target=late, convention=convention, rounding=rounding)
    for before, after in zip(first.lines, second.lines, strict=True):
        assert before.fraction <= after.fraction
        assert before.amount <= after.amount
    assert first.total <= second.total


@given(
    sub=subscriptions(max_seats=1000),
    k=st.integers(0, 6),
    convention=day_conventions,
    rounding=rounding_modes,
)
def test_k_whole_periods_cost_k_unit_prices(sub, k, convention, rounding):
    target = _grid(sub, _index(sub, sub.term_end) + k)
    quote = align([sub], target=target, convention=convention, rounding=rounding)
    (line,) = quote.lines
    assert (line.whole_periods, line.part) == (k, 0)
    assert line.amount == sub.unit_price * sub.seats * k


@given(data=st.data(), rounding=rounding_modes)
def test_actual_days_extension_matches_an_independent_count(data, rounding):
    subs = data.draw(alignment_groups(max_size=3))
    target = data.draw(alignment_targets(subs))
    quote = align(subs, target=target, rounding=rounding)
    for line in quote.lines:
        sub = line.subscription
        fraction = _periods_between(sub, sub.term_end, target)
        assert line.fraction == fraction
        exact = sub.seats * sub.unit_price.to_fraction() * fraction
        assert line.amount == Money.from_exact(exact, sub.currency, rounding=rounding)


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_total_is_the_sum_of_exact_lines(data, convention, rounding):
    subs = data.draw(alignment_groups())
    quote = align(
        subs, target=data.draw(alignment_targets(subs)), convention=convention, rounding=rounding
    )
    assert quote.total == sum((line.amount for line in quote.lines), Money.zero(quote.currency))
    for line in quote.lines:
        assert line.amount.currency == quote.currency
        assert line.amount.is_rounded()
        # one rounding per line: within one minor unit of the exact price
        assert abs(line.amount.to_fraction() - line.exact) < Fraction(1, 10**line.amount.digits)


@given(data=st.data(), convention=day_conventions)
def test_every_extended_subscription_ends_on_the_target_on_one_grid(data, convention):
    subs = data.draw(alignment_groups())
    target = data.draw(alignment_targets(subs))
    quote = align(subs, target=target, convention=convention)
    assert len(quote.lines) == len(subs)
    for sub, line in zip(subs, quote.lines, strict=True):
        new = line.extended
        assert new.term_end == line.new_term_end == target
        assert new.anchor == quote.anchor
        assert grid_index(new.anchor, new.period_months, target) is not None
        assert attrs.evolve(new, term_end=sub.term_end, anchor=sub.anchor) == sub
    if any(grid_index(s.anchor, s.period_months, target) is not None for s in subs):
        # the grid of a subscription that holds the target is kept (month ends survive)
        assert quote.anchor in {s.anchor for s in subs}
    else:
        assert quote.anchor == target


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_alignment_round_trips_through_json(data, convention, rounding):
    subs = data.draw(alignment_groups(max_size=3))
    quote = align(
        subs, target=data.draw(alignment_targets(subs)), convention=convention, rounding=rounding
    )
    assert AlignmentQuote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote


# -- add now or later ------------------------------------------------------------------------


def _compare(case, convention=ACTUAL_DAYS, rounding="ROUND_HALF_UP", renewal_unit_price=None):
    sub, seats, today, needed_on = case
    return compare_add_timing(
        sub,
        seats,
        needed_on,
        on=today,
        convention=convention,
        rounding=rounding,
        renewal_unit_price=renewal_unit_price,
    )


@given(case=timing_cases(), convention=day_conventions, rounding=rounding_modes)
def test_the_renewal_option_costs_nothing_until_the_renewal(case, convention, rounding):
    plan = _compare(case, convention, rounding)
    renewal = plan.option(Timing.AT_RENEWAL)
    assert renewal.until_renewal.amount == 0
    assert renewal.fraction == 0
    assert renewal.starts_on == case[0].term_end


@given(case=timing_cases(), convention=day_conventions, rounding=rounding_modes)
def test_later_never_costs_more_until_the_renewal(case, convention, rounding):
    plan = _compare(case, convention, rounding)
    costs = [option.until_renewal for option in plan.options]
    starts = [option.starts_on for option in plan.options]
    assert starts == sorted(starts)
    assert costs == sorted(costs, reverse=True)


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_a_later_need_never_costs_more(data, convention, rounding):
    sub, seats, today, _ = data.draw(timing_cases())
    end = sub.term_end - dt.timedelta(days=1)
    days = st.dates(min_value=today, max_value=end)
    first, second = sorted((data.draw(days), data.draw(days)))
    early = _compare((sub, seats, today, first), convention, rounding)
    late = _compare((sub, seats, today, second), convention, rounding)
    assert early.option("WHEN_NEEDED").until_renewal >= late.option("WHEN_NEEDED").until_renewal


@given(case=timing_cases(), data=st.data())
def test_the_cost_from_the_renewal_is_the_same_for_every_option(case, data):
    currency = st.just(case[0].currency)
    price = data.draw(st.none() | money(currency=currency, rounded=True, min_units=0))
    plan = _compare(case, renewal_unit_price=price)
    expected = (case[0].unit_price if price is None else price) * case[1]
    assert {option.from_renewal for option in plan.options} == {expected}


@given(case=timing_cases(), convention=day_conventions, rounding=rounding_modes)
def test_options_waiting_and_the_best_choice(case, convention, rounding):
    sub, _, today, needed_on = case
    plan = _compare(case, convention, rounding)
    if needed_on >= sub.term_end:
        assert [option.timing for option in plan.options] == [Timing.AT_RENEWAL]
    else:
        assert [option.starts_on for option in plan.options] == [today, needed_on, sub.term_end]
    for option in plan.options:
        assert option.waiting_days == max(0, (option.starts_on - needed_on).days)
        assert option.idle_days == max(0, (needed_on - option.starts_on).days)
        assert option.covers_need == (option.starts_on <= needed_on)
        assert bool(option.note) == (option.starts_on != needed_on)
    best = plan.best
    assert best.covers_need
    assert all(best.total <= o.total for o in plan.options if o.covers_need)


@given(data=st.data(), convention=day_conventions, rounding=rounding_modes)
def test_on_a_one_period_term_the_cost_is_prorate(data, convention, rounding):
    sub = data.draw(subscriptions())
    length = (sub.term_end - sub.term_start).days
    today = sub.term_start + dt.timedelta(days=data.draw(st.integers(0, length - 1)))
    seats = data.draw(st.integers(1, 50))
    plan = _compare((sub, seats, today, today), convention, rounding)
    expected = prorate(
        sub.unit_price,
        sub.term_start,
        sub.term_end,
        today,
        quantity=seats,
        convention=convention,
        rounding=rounding,
    )
    now = plan.option(Timing.NOW)
    assert (now.whole_periods, now.part) == (0, expected.fraction)
    assert now.until_renewal == expected.amount


@given(case=timing_cases(), rounding=rounding_modes)
def test_actual_days_cost_matches_an_independent_count(case, rounding):
    sub, seats, _, _ = case
    plan = _compare(case, rounding=rounding)
    for option in plan.options:
        fraction = _periods_between(sub, option.starts_on, sub.term_end)
        assert option.fraction == fraction
        exact = seats * sub.unit_price.to_fraction() * fraction
        assert option.until_renewal == Money.from_exact(exact, sub.currency, rounding=rounding)


@given(case=timing_cases(), convention=day_conventions, rounding=rounding_modes)
def test_timing_round_trips_through_json(case, convention, rounding):
    plan = _compare(case, convention, rounding)
    assert AddTimingComparison.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


@given(data=st.data(), convention=day_conventions)
def test_extension_and_a_change_on_the_target_share_the_period(data, convention):
    # Extending to t and adding a seat on t for the rest of that period together cost one period.
    sub = data.draw(subscriptions())
    assume(sub.period_months <= 36)
    end_index = _index(sub, sub.term_end)
    low, high = _grid(sub, end_index), _grid(sub, end_index + 1)
    target = low + dt.timedelta(days=data.draw(st.integers(1, (high - low).days - 1)))
    (line,) = align([sub], target=target, convention=convention).lines
    rest = prorate(sub.unit_price, low, high, target, quantity=sub.seats, convention=convention)
    assert line.whole_periods == 0
    assert line.part + rest.fraction == 1

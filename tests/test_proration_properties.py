"""Properties of prorate, for every named convention and preset."""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_UP
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from seatcalc import (
    ACTUAL_360,
    CHARGEBEE,
    CONVENTIONS,
    LAGO,
    THIRTY_360,
    ZUORA_STRICT_30_360,
    Convention,
    Money,
    Proration,
    prorate,
)
from strategies import (
    HALF_MODES,
    day_terms,
    prices,
    quantities,
    rounding_modes,
    second_terms,
    term_points,
)

DAY_CONVENTIONS = [c for c in CONVENTIONS.values() if c.unit == "day"]
SECOND_CONVENTIONS = [c for c in CONVENTIONS.values() if c.unit != "day"]
ALL = list(CONVENTIONS.values())
# 30E/360 counts a 31st as the 30th, so a change on the 30th of a term that ends on a 31st
# leaves nothing to pay; Chargebee's day mode does not charge the change day.
MAY_BE_ZERO = {THIRTY_360, ZUORA_STRICT_30_360, CHARGEBEE}


def ids(convention: Convention) -> str:
    return convention.name


def minor(amount: Money) -> Fraction:
    return Fraction(1, 10**amount.digits)


@st.composite
def cases(draw, convention: Convention, points: int = 1):
    """A convention's term, ``points`` sorted change days in it, a price and a quantity."""
    term = draw(day_terms() if convention.unit == "day" else second_terms())
    if convention.day_count in {"30E/360", "actual/360"}:
        assume(convention.length(*term) > 0)
    return term, term_points(term, draw, points), draw(prices), draw(quantities)


@pytest.mark.parametrize("convention", ALL, ids=ids)
@given(data=st.data())
def test_the_fraction_is_a_share_of_the_term(convention, data):
    (start, end), (on,), price, quantity = data.draw(cases(convention))
    fraction = prorate(price, start, end, on, quantity=quantity, convention=convention).fraction
    if convention in MAY_BE_ZERO:
        assert 0 <= fraction <= 1
    else:
        assert 0 < fraction <= 1


@pytest.mark.parametrize("convention", ALL, ids=ids)
@given(data=st.data())
def test_a_later_change_never_costs_more(convention, data):
    (start, end), (early, late), price, quantity = data.draw(cases(convention, points=2))
    first = prorate(price, start, end, early, quantity=quantity, convention=convention)
    second = prorate(price, start, end, late, quantity=quantity, convention=convention)
    assert first.fraction >= second.fraction
    assert first.exact >= second.exact
    assert first.amount >= second.amount


@pytest.mark.parametrize(
    "convention", [c for c in ALL if c not in {CHARGEBEE, ACTUAL_360}], ids=ids
)
@given(data=st.data())
def test_a_change_on_the_first_day_costs_the_full_price(convention, data):
    (start, end), _, price, quantity = data.draw(cases(convention))
    result = prorate(price, start, end, start, quantity=quantity, convention=convention)
    assert result.fraction == 1
    assert result.amount == price * quantity


@given(data=st.data())
def test_actual_360_charges_actual_days_at_a_360th_of_a_year_never_more_than_the_whole(data):
    (start, end), (on,), price, quantity = data.draw(cases(ACTUAL_360))
    result = prorate(price, start, end, on, quantity=quantity, convention=ACTUAL_360)
    days_left = (end - on).days
    # 30E/360 counts the term: 30 days a month, a 31st counted as the 30th.
    length = (
        360 * (end.year - start.year)
        + 30 * (end.month - start.month)
        + min(end.day, 30)
        - min(start.day, 30)
    )
    assert (result.remaining, result.total) == (days_left, length)
    assert result.fraction == min(Fraction(days_left, length), 1)


@given(term=day_terms(min_days=2), price=prices)
def test_chargebee_does_not_charge_the_change_day(term, price):
    start, end = term
    days = (end - start).days
    first = prorate(price, start, end, start, convention=CHARGEBEE)
    last = prorate(price, start, end, end - dt.timedelta(days=1), convention=CHARGEBEE)
    assert first.fraction == Fraction(days - 1, days)
    assert last.fraction == 0
    assert last.amount == Money.zero(price.currency)


ADDITIVE = [c for c in ALL if c.additive]


def test_which_conventions_are_additive():
    assert sorted(c.name for c in ADDITIVE) == [
        "actual_days",
        "chargebee_milliseconds",
        "lago_subscription",
        "milliseconds",
        "seconds",
        "stripe",
        "thirty_360",
        "zuora_strict_30_360",
    ]


@pytest.mark.parametrize("convention", ADDITIVE, ids=ids)
@given(data=st.data(), rounding=rounding_modes)
def test_the_parts_of_a_split_term_add_up_to_the_whole(convention, data, rounding):
    (start, end), (split,), price, quantity = data.draw(cases(convention))
    assume(split > start)
    if convention.day_count == "30E/360":
        assume(convention.count(start, split) > 0)
    whole = prorate(price, start, end, start, quantity=quantity, convention=convention)
    # [split, end) is what prorate charges from split; [start, split) is priced with the same
    # counting: a term of its own, whose length is a share of the whole term's.
    later = prorate(price, start, end, split, quantity=quantity, convention=convention)
    first_part = prorate(price, start, split, start, convention=convention)
    earlier_exact = whole.exact * Fraction(first_part.total) / whole.total
    assert earlier_exact + later.exact == whole.exact == quantity * price.to_fraction()
    earlier = Money.from_exact(earlier_exact, price.currency, rounding=rounding)
    later = prorate(
        price, start, end, split, quantity=quantity, convention=convention, rounding=rounding
    )
    difference = abs((earlier + later.amount).to_fraction() - whole.exact)
    assert difference <= 2 * minor(whole.amount)
    if rounding in HALF_MODES:
        assert difference <= minor(whole.amount)


@pytest.mark.parametrize("convention", [c for c in ALL if c is not LAGO], ids=ids)
@given(data=st.data())
def test_quantity_scales_the_exact_amount(convention, data):
    (start, end), (on,), price, quantity = data.draw(cases(convention))
    one = prorate(price, start, end, on, convention=convention)
    many = prorate(price, start, end, on, quantity=quantity, convention=convention)
    assert many.exact == quantity * one.exact
    assert many.fraction == one.fraction


@given(data=st.data())
def test_lago_rounds_the_weighted_units_to_six_places(data):
    (start, end), (on,), price, quantity = data.draw(cases(LAGO))
    result = prorate(price, start, end, on, quantity=quantity, convention=LAGO)
    weighted = quantity * Fraction((end - on).days, (end - start).days)
    assert (result.fraction * quantity * 10**6).denominator == 1
    assert abs(result.fraction * quantity - weighted) <= Fraction(1, 2 * 10**6)


@pytest.mark.parametrize("convention", ALL, ids=ids)
@given(data=st.data(), rounding=rounding_modes)
def test_the_amount_is_the_exact_amount_rounded_once(convention, data, rounding):
    (start, end), (on,), price, quantity = data.draw(cases(convention))
    result = prorate(
        price, start, end, on, quantity=quantity, convention=convention, rounding=rounding
    )
    assert result.exact == quantity * price.to_fraction() * result.fraction
    assert result.rounding == rounding
    unit = minor(result.amount)
    error = result.amount.to_fraction() - result.exact
    if convention.rounding_order == "line":
        assert result.amount == Money.from_exact(result.exact, price.currency, rounding=rounding)
        assert abs(error) < unit
        if rounding in HALF_MODES:
            assert abs(error) <= unit / 2
        if rounding in {ROUND_UP, ROUND_CEILING}:
            assert error >= 0
        if rounding in {ROUND_DOWN, ROUND_FLOOR}:
            assert error <= 0
    else:
        each = Money.from_exact(
            price.to_fraction() * result.fraction, price.currency, rounding=rounding
        )
        assert result.amount == each * quantity


@given(data=st.data(), rounding=rounding_modes)
def test_rounding_per_unit_is_quantity_times_the_rounded_unit(data, rounding):
    convention = Convention("per_unit", rounding_order="unit")
    (start, end), (on,), price, quantity = data.draw(cases(convention))
    result = prorate(
        price, start, end, on, quantity=quantity, convention=convention, rounding=rounding
    )
    one = prorate(price, start, end, on, rounding=rounding)
    assert result.amount == one.amount * quantity
    assert abs(result.amount.to_fraction() - result.exact) < quantity * minor(result.amount)


@pytest.mark.parametrize("convention", ALL, ids=ids)
@given(data=st.data())
def test_lines_are_an_allocation_of_the_amount(convention, data):
    (start, end), (on,), price, _ = data.draw(cases(convention))
    quantity = data.draw(st.integers(1, 50))
    result = prorate(price, start, end, on, quantity=quantity, convention=convention)
    lines = result.lines()
    assert len(lines) == quantity
    assert sum(lines, Money.zero(price.currency)) == result.amount
    assert lines == result.amount.allocate([1] * quantity)
    assert list(lines) == sorted(lines, reverse=True)
    assert (lines[0] - lines[-1]).to_fraction() <= minor(result.amount)


@pytest.mark.parametrize("convention", ALL, ids=ids)
@given(data=st.data(), rounding=rounding_modes)
def test_to_dict_round_trips_through_json(convention, data, rounding):
    (start, end), (on,), price, quantity = data.draw(cases(convention))
    result = prorate(
        price, start, end, on, quantity=quantity, convention=convention, rounding=rounding
    )
    again = Proration.from_dict(json.loads(json.dumps(result.to_dict())))
    # The JSON form keeps each instant with its UTC offset, not its time zone.  Python never
    # finds an ambiguous local time (a repeated hour when clocks go back) equal to a time in
    # another zone, even at the same instant, so the values are compared through their form.
    assert again.to_dict() == result.to_dict()
    assert again.amount == result.amount
    assert again.fraction == result.fraction
    if convention.unit == "day":
        assert again == result


@given(data=st.data())
def test_a_convention_given_by_name_is_the_named_value(data):
    convention = data.draw(st.sampled_from(ALL))
    (start, end), (on,), price, quantity = data.draw(cases(convention))
    by_value = prorate(price, start, end, on, quantity=quantity, convention=convention)
    by_name = prorate(price, start, end, on, quantity=quantity, convention=convention.name)
    assert by_name == by_value


@given(term=day_terms(), data=st.data())
def test_the_fast_path_agrees_with_the_general_one(term, data):
    # A copy of ACTUAL_DAYS that rounds per unit takes the general path; with one unit the two
    # orders are the same computation.
    general = Convention("actual_days_general", rounding_order="unit")
    (on,) = term_points(term, data.draw, 1)
    price = data.draw(prices)
    rounding = data.draw(rounding_modes)
    fast = prorate(price, *term, on, rounding=rounding)
    slow = prorate(price, *term, on, convention=general, rounding=rounding)
    assert (fast.remaining, fast.total, fast.fraction) == (
        slow.remaining,
        slow.total,
        slow.fraction,
    )
    assert fast.amount == slow.amount

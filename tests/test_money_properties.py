"""Properties of Money: exact arithmetic, one rounding, allocation without lost cents."""

from __future__ import annotations

import copy
import json
import pickle
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from seatcalc import Money, round_ratio
from strategies import (
    HALF_MODES,
    as_fraction,
    currencies,
    decimals,
    half_modes,
    locales,
    money,
    money_pairs,
    rounding_modes,
    weights,
)


def unit(value: Money) -> Fraction:
    return Fraction(1, 10**value.digits)


@given(money_pairs())
def test_addition_and_subtraction_are_exact(pair):
    a, b = pair
    assert (a + b).to_fraction() == a.to_fraction() + b.to_fraction()
    assert (a + b) - b == a
    assert a - a == Money.zero(a.currency)


@given(money(), st.integers(-(10**6), 10**6), decimals(max_places=6, max_units=10**6))
def test_multiplication_is_exact(value, count, factor):
    assert (value * count).to_fraction() == value.to_fraction() * count
    assert (value * factor).to_fraction() == value.to_fraction() * Fraction(factor)


@given(money(), rounding_modes)
def test_rounding_is_idempotent_and_on_the_grid(value, mode):
    once = value.round(mode)
    assert once.round(mode) == once
    assert once.is_rounded()
    assert -once.amount.as_tuple().exponent == value.digits


@given(money(), half_modes)
def test_half_modes_land_within_half_a_minor_unit(value, mode):
    error = abs(value.round(mode).to_fraction() - value.to_fraction())
    assert error <= unit(value) / 2


@given(money())
def test_directed_modes_round_in_their_direction(value):
    exact, step = value.to_fraction(), unit(value)
    floor, ceiling = value.round("ROUND_FLOOR"), value.round("ROUND_CEILING")
    assert exact - step < floor.to_fraction() <= exact <= ceiling.to_fraction() < exact + step
    toward_zero, away = value.round("ROUND_DOWN"), value.round("ROUND_UP")
    assert abs(toward_zero.to_fraction()) <= abs(exact) <= abs(away.to_fraction())
    assert abs(exact) - abs(toward_zero.to_fraction()) < step
    assert abs(away.to_fraction()) - abs(exact) < step


@given(money(), rounding_modes)
def test_rounding_an_exact_fraction_agrees_with_decimal_quantize(value, mode):
    assert Money.from_exact(value.to_fraction(), value.currency, rounding=mode) == value.round(mode)


@given(
    st.integers(-(10**9), 10**9),
    st.integers(1, 10**6),
    rounding_modes,
)
def test_round_ratio_agrees_with_decimal(numerator, denominator, mode):
    exact = Decimal(numerator) / Decimal(denominator)  # 28 digits: exact enough to round here
    expected = int(exact.quantize(Decimal(1), rounding=mode))
    if Fraction(numerator, denominator) == Fraction(exact):
        assert round_ratio(numerator, denominator, mode) == expected
    result = round_ratio(numerator, denominator, mode)
    assert abs(Fraction(result) - Fraction(numerator, denominator)) < 1


@given(money(rounded=True), weights)
def test_allocation_sums_exactly_and_follows_the_weights(value, shares):
    parts = value.allocate(shares)
    assert len(parts) == len(shares)
    assert sum(parts, Money.zero(value.currency)) == value
    total = sum(as_fraction(share) for share in shares)
    for part, share in zip(parts, shares, strict=True):
        ideal = value.to_fraction() * as_fraction(share) / total
        assert abs(part.to_fraction() - ideal) < unit(value)
        assert part.is_rounded()


@given(money(rounded=True), st.integers(1, 50))
def test_equal_weights_give_parts_within_one_minor_unit_larger_first(value, count):
    parts = value.allocate([1] * count)
    magnitudes = [abs(part.to_fraction()) for part in parts]
    assert max(magnitudes) - min(magnitudes) <= unit(value)
    assert magnitudes == sorted(magnitudes, reverse=True)


@given(money(rounded=True), weights)
def test_allocation_is_deterministic(value, shares):
    assert value.allocate(shares) == value.allocate(list(shares))


@given(money())
def test_dict_round_trip_is_identity(value):
    data = json.loads(json.dumps(value.to_dict()))
    restored = Money.from_dict(data)
    assert restored == value
    assert restored.amount.as_tuple() == value.amount.as_tuple() or value.amount.adjusted() > 0
    assert isinstance(data["amount"], str)


@given(money())
def test_pickle_and_copy_are_identity(value):
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
    assert copy.deepcopy(value) == value
    assert hash(copy.copy(value)) == hash(value)


@given(money(), locales, rounding_modes)
def test_formatting_shows_the_rounded_amount(value, locale, mode):
    rounded = value.round(mode)
    shown = value.format(locale, rounding=mode)
    digits_shown = "".join(character for character in shown if character.isdigit())
    digits_rounded = format(abs(rounded.amount), "f").replace(".", "")
    assert digits_shown == digits_rounded
    assert ("-" in shown or "\u2212" in shown) == (rounded.amount < 0)


@given(currencies, st.fractions(min_value=-(10**9), max_value=10**9), st.sampled_from(HALF_MODES))
def test_from_exact_rounds_a_fraction_once(code, exact, mode):
    rounded = Money.from_exact(exact, code, rounding=mode)
    assert abs(rounded.to_fraction() - exact) <= unit(rounded) / 2

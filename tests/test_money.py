"""Worked examples and bad input for Money, each checked by hand."""

from __future__ import annotations

import copy
import json
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest

from seatcalc import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    Money,
    SeatcalcError,
    UnknownCurrencyError,
    minor_unit_digits,
)

# -- worked examples ----------------------------------------------------------------------


def test_jpy_has_no_minor_unit():
    # 10,000 JPY a year, 100 of 365 days left: 2739.726... -> 2740 (half-up, 0 digits).
    exact = Fraction(10_000 * 100, 365)
    total = Money.from_exact(exact, "JPY")
    assert total == Money("2740", "JPY")
    assert total.amount.as_tuple().exponent == 0
    assert total.format("ja_JP") == "￥2,740"
    assert total.allocate([1, 1, 1]) == (
        Money("914", "JPY"),
        Money("913", "JPY"),
        Money("913", "JPY"),
    )


def test_kwd_has_three_minor_digits():
    # 12.345 KWD for 2 seats over 1/3 of a term: 24.690 / 3 = 8.230 exactly.
    assert Money.from_exact(Fraction(2) * Fraction("12.345") / 3, "KWD") == Money("8.230", "KWD")
    # 1 KWD / 7 = 0.142857... -> 0.143 half-up, 0.142 down.
    assert Money.from_exact(Fraction(1, 7), "KWD") == Money("0.143", "KWD")
    assert Money.from_exact(Fraction(1, 7), "KWD", rounding="ROUND_DOWN") == Money("0.142", "KWD")
    assert Money("0.0005", "KWD").round() == Money("0.001", "KWD")
    assert Money("10.000", "KWD").allocate([1, 1, 1]) == (
        Money("3.334", "KWD"),
        Money("3.333", "KWD"),
        Money("3.333", "KWD"),
    )


def test_eur_in_french_uses_non_breaking_spaces():
    # fr_FR groups thousands with U+202F (narrow no-break space) and puts U+00A0 before the sign.
    assert Money("1234567.891", "EUR").format("fr_FR") == "1\u202f234\u202f567,89\u00a0€"
    assert Money("-0.5", "EUR").format("fr_FR") == "-0,50\u00a0€"
    assert Money("1234.5", "EUR").format("de_DE") == "1.234,50\u00a0€"


def test_format_rounds_half_up_not_half_even():
    # babel alone would show 2.66 (half-even); seatcalc rounds half-up first and says so.
    assert Money("2.665", "USD").format("en_US") == "$2.67"
    assert Money("2.665", "USD").format("en_US", rounding="ROUND_HALF_EVEN") == "$2.66"
    assert Money("2.665", "USD").format("en_US", digits=3) == "$2.665"


def test_worked_proration_example():
    # 2 seats x 1,200.00 USD x 184 / 365 days = 1209.8630... -> 1209.86 USD.
    exact = 2 * Money("1200.00", "USD").to_fraction() * Fraction(184, 365)
    assert exact == Fraction(441600, 365)
    assert Money.from_exact(exact, "USD") == Money("1209.86", "USD")


def test_equality_and_hash_are_by_value():
    assert Money("1.5", "USD") == Money("1.50", "USD") == Money(Decimal("1.500"), "USD")
    assert hash(Money("1.5", "USD")) == hash(Money("1.50", "USD"))
    assert Money("1.5", "USD") != Money("1.5", "EUR")
    assert len({Money("2", "EUR"), Money("2.00", "EUR"), Money(2, "EUR")}) == 1


def test_arithmetic_and_comparison():
    a, b = Money("0.10", "USD"), Money("0.20", "USD")
    assert a + b == Money("0.30", "USD")  # a float would give 0.30000000000000004
    assert b - a == a
    assert -a == Money("-0.10", "USD")
    assert a * 3 == 3 * a == Money("0.30", "USD")
    assert a * Decimal("0.5") == Money("0.05", "USD")
    assert a < b
    assert a <= a * 1
    assert b > a
    assert b >= b * 1
    assert max(a, b) == b


def test_pickle_and_copy_round_trip():
    value = Money("1209.86", "USD")
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value


def test_dict_round_trip_through_json():
    value = Money("0.001", "KWD")
    data = json.loads(json.dumps(value.to_dict()))
    assert data == {"amount": "0.001", "currency": "KWD"}
    assert Money.from_dict(data) == value
    assert Money(Decimal("1E+3"), "JPY").to_dict() == {"amount": "1000", "currency": "JPY"}


def test_minor_unit_digits_come_from_cldr():
    assert [minor_unit_digits(code) for code in ("USD", "JPY", "KWD", "CLF")] == [2, 0, 3, 4]
    # CLDR and ISO 4217 differ: CLDR says 0 for HUF, ISO 4217 says 2.
    assert minor_unit_digits("HUF") == 0
    assert Money("10.555", "HUF").round() == Money("11", "HUF")
    assert Money("10.555", "HUF").round(digits=2) == Money("10.56", "HUF")


# -- bad input ----------------------------------------------------------------------------

BAD_AMOUNTS = [
    (1.5, InvalidTypeError, "float"),
    (float("nan"), InvalidTypeError, "float"),
    (True, InvalidTypeError, "True"),
    (None, InvalidTypeError, "None"),
    ("abc", InvalidValueError, "'abc'"),
    ("", InvalidValueError, "''"),
    (" 1.5", InvalidValueError, "' 1.5'"),
    ("1_000", InvalidValueError, "'1_000'"),
    ("NaN", InvalidValueError, "'NaN'"),
    (Decimal("NaN"), InvalidValueError, "NaN"),
    (Decimal("-Infinity"), InvalidValueError, "Infinity"),
    ("Infinity", InvalidValueError, "'Infinity'"),
    (Decimal("1e18"), InvalidValueError, "below 10**18"),
    (Decimal("1e-31"), InvalidValueError, "30 decimal places"),
    (Fraction(1, 3), InvalidTypeError, "Fraction"),
    ([1], InvalidTypeError, "list"),
]


@pytest.mark.parametrize(("amount", "error", "shown"), BAD_AMOUNTS)
def test_bad_amounts_are_refused_with_a_clear_message(amount, error, shown):
    with pytest.raises(error) as caught:
        Money(amount, "USD")
    message = str(caught.value)
    assert message.startswith("amount: got ")
    assert shown in message
    assert "expected" in message or "Pass a Decimal" in message
    assert isinstance(caught.value, SeatcalcError)


@pytest.mark.parametrize(
    ("code", "error", "shown"),
    [
        ("ZZZ", UnknownCurrencyError, "'ZZZ'"),
        ("usd", UnknownCurrencyError, "did you mean 'USD'"),
        ("XXX", UnknownCurrencyError, "'XXX'"),
        ("", UnknownCurrencyError, "''"),
        (840, InvalidTypeError, "840"),
        (None, InvalidTypeError, "None"),
    ],
)
def test_unknown_currencies_are_errors_not_two_digits(code, error, shown):
    with pytest.raises(error, match="currency: got") as caught:
        Money("1", code)
    assert shown in str(caught.value)
    assert isinstance(caught.value, ValueError | TypeError)


def test_mixing_currencies_names_both():
    usd, eur = Money("1", "USD"), Money("1", "EUR")
    for operation in (lambda: usd + eur, lambda: usd - eur, lambda: usd < eur, lambda: usd >= eur):
        with pytest.raises(CurrencyMismatchError, match="USD and EUR"):
            operation()


@pytest.mark.parametrize("factor", [1.5, True, Fraction(1, 2), "2", None])
def test_multiplying_by_anything_but_int_or_decimal_is_refused(factor):
    with pytest.raises(InvalidTypeError, match=r"\*: got"):
        Money("1", "USD") * factor


def test_fraction_factor_points_to_from_exact():
    with pytest.raises(InvalidTypeError, match=r"Money\.from_exact"):
        Money("1", "USD") * Fraction(1, 3)


def test_adding_a_plain_number_is_refused():
    with pytest.raises(InvalidTypeError, match=r"\+: got 1; expected Money in USD"):
        Money("1", "USD") + 1  # type: ignore[operator]


def test_builtin_round_is_refused():
    with pytest.raises(InvalidTypeError, match=r"rounding mode is explicit"):
        round(Money("1.005", "USD"), 2)


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"rounding": "HALF_UP"}, InvalidValueError, "rounding: got 'HALF_UP'"),
        ({"rounding": None}, InvalidTypeError, "rounding: got None"),
        ({"digits": -1}, InvalidValueError, "digits: got -1"),
        ({"digits": 31}, InvalidValueError, "digits: got 31"),
        ({"digits": True}, InvalidTypeError, "digits: got True"),
        ({"digits": 2.0}, InvalidTypeError, "digits: got 2.0"),
    ],
)
def test_bad_rounding_arguments(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        Money("1.005", "USD").round(**kwargs)
    with pytest.raises(error, match=pattern):
        Money.from_exact(Fraction(1, 3), "USD", **kwargs)


@pytest.mark.parametrize(
    ("weights", "error", "pattern"),
    [
        ([], InvalidValueError, "at least one weight > 0"),
        ([0, 0], InvalidValueError, "at least one weight > 0"),
        ([1, -1], InvalidValueError, r"weights\[1\]: got -1"),
        ([1, 0.5], InvalidTypeError, r"weights\[1\]: got 0.5"),
        ([True], InvalidTypeError, r"weights\[0\]: got True"),
    ],
)
def test_bad_weights(weights, error, pattern):
    with pytest.raises(error, match=pattern):
        Money("1.00", "USD").allocate(weights)


def test_allocating_an_unrounded_amount_asks_to_round_first():
    with pytest.raises(
        InvalidValueError, match=r"not a whole number of minor units.*rounded first"
    ):
        Money("1.005", "USD").allocate([1, 1])


@pytest.mark.parametrize("locale", ["xx_YY", "", "fr-FR-bogus-bogus"])
def test_unknown_locale(locale):
    with pytest.raises(InvalidValueError, match="locale: got"):
        Money("1", "USD").format(locale)


def test_locale_must_be_a_string():
    with pytest.raises(InvalidTypeError, match="locale: got 3"):
        Money("1", "USD").format(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "error", "pattern"),
    [
        ({"amount": 1.5, "currency": "USD"}, InvalidTypeError, "amount: got 1.5"),
        ({"amount": "1.5"}, InvalidValueError, r"missing \['currency'\]"),
        ({"amount": "1", "currency": "USD", "x": 1}, InvalidValueError, r"unexpected \['x'\]"),
        (["1", "USD"], InvalidTypeError, "expected a mapping"),
        ({"amount": "1", "currency": "usd"}, UnknownCurrencyError, "did you mean"),
    ],
)
def test_bad_dicts(data, error, pattern):
    with pytest.raises(error, match=pattern):
        Money.from_dict(data)


def test_values_are_immutable():
    value = Money("1", "USD")
    with pytest.raises(AttributeError):
        value.amount = Decimal(2)  # type: ignore[misc]

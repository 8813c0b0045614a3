"""Worked examples and bad input for Money, each checked by hand."""

from __future__ import annotations

import copy
import json
import operator
import pickle
from decimal import Decimal
from enum import IntEnum
from fractions import Fraction

import pytest

from error_records import error_record
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
    # Equal amounts written differently: neither is strictly below the other.
    same = Money("0.1", "USD")
    assert not a < same
    assert not a > same
    assert a <= same
    assert a >= same


def test_only_the_int_zero_starts_a_sum():
    one = Money("1.00", "USD")
    assert sum([one, one]) == Money("2.00", "USD")
    assert 0 + one is one
    for start in (1, Decimal(0), 0.0):
        with pytest.raises(InvalidTypeError) as caught:
            start + one
        assert (caught.value.field, caught.value.value) == ("+", str(start))


def test_amounts_with_an_exponent_are_written_out_in_full():
    hundred = Money("1E+2", "USD")
    assert repr(hundred) == "Money('100', 'USD')"
    assert str(hundred) == "100 USD"
    assert str(Money(Decimal("1E-7"), "USD")) == "0.0000001 USD"
    assert pickle.loads(pickle.dumps(hundred)) == hundred  # noqa: S301 - our own bytes


def test_format_defaults_to_english():
    assert Money("1234.5", "USD").format() == "$1,234.50"


def test_the_largest_amounts_in_either_direction_are_accepted():
    # Below 10**18 in magnitude: 999999999999999999.99 USD is 10**20 - 1 cents.
    assert Money.from_minor(10**20 - 1, "USD") == Money("999999999999999999.99", "USD")
    assert Money.from_minor(-(10**20) + 1, "USD") == Money("-999999999999999999.99", "USD")
    assert Money(-(10**18) + 1, "USD") == Money("-999999999999999999", "USD")


def test_digits_choose_the_minor_unit_for_whole_units_and_allocation():
    # Up to 30 places, the most an amount may have, also as the result of a product.
    assert str(Money("1", "USD").round(digits=30)) == "1." + "0" * 30 + " USD"
    tiny = Money("0.000000000000001", "USD") * Decimal("0.000000000000001")
    assert tiny == Money(Decimal("1E-30"), "USD")
    # With 3 places, 1.005 USD is 1005 whole units of 0.001; with CLDR's 2 it is not whole.
    assert Money("1.005", "USD").to_minor(digits=3) == 1005
    assert Money("1.005", "USD").is_rounded(digits=3)
    assert not Money("1.0005", "USD").is_rounded(digits=3)
    # 10 units of 0.001 split 1:2 is 3.33 and 6.67: 3 and 6, the leftover unit to 6.67.
    assert Money("0.010", "USD").allocate([1, 2], digits=3) == (
        Money("0.003", "USD"),
        Money("0.007", "USD"),
    )


def test_the_leftover_unit_goes_to_the_largest_remainder_not_the_largest_part():
    # 10 cents split 2:5 is 2.857 and 7.143 cents: floors 2 and 7, and the leftover cent goes
    # to the first part, whose remainder (0.857) is the larger one.
    assert Money("0.10", "USD").allocate([2, 5]) == (Money("0.03", "USD"), Money("0.07", "USD"))


class _Text(str):
    __slots__ = ()


class _Number(Decimal):
    __slots__ = ()


class _Ratio(Fraction):
    __slots__ = ()


class _Seats(IntEnum):
    TWO = 2
    TOO_MANY = 10**18


def test_subclasses_of_str_decimal_and_int_are_read_as_their_plain_value():
    for given, plain in ((_Text("1.50"), "1.50"), (_Number("2.5"), "2.5"), (_Seats.TWO, 2)):
        value = Money(given, "USD")
        assert value == Money(plain, "USD")
        assert type(value.amount) is Decimal
        assert repr(value) == repr(Money(plain, "USD"))
    assert minor_unit_digits(_Text("KWD")) == 3
    assert Money.from_minor(_Seats.TWO, "USD") == Money("0.02", "USD")
    assert Money.from_exact(_Ratio(1, 3), "USD") == Money("0.33", "USD")
    assert ONE.allocate([_Ratio(1, 3), _Ratio(2, 3)]) == (
        Money("0.33", "USD"),
        Money("0.67", "USD"),
    )
    for bad, code in (
        (_Text("abc"), "INVALID_NUMBER"),
        (_Number("NaN"), "INVALID_NUMBER"),
        (_Seats.TOO_MANY, "OUT_OF_RANGE"),
    ):
        with pytest.raises(InvalidValueError) as caught:
            Money(bad, "USD")
        assert (caught.value.field, caught.value.code) == ("amount", code)


def test_money_stays_a_frozen_slotted_value_with_its_methods_from_every_base():
    value = Money("1209.86", "USD")
    assert not hasattr(value, "__dict__")
    with pytest.raises(AttributeError):
        value.amount = Decimal(1)  # type: ignore[misc]
    assert value.format("en_US") == "$1,209.86"
    assert Money.from_dict(value.to_dict()) == value
    assert value.allocate([1, 1]) == (Money("604.93", "USD"), Money("604.93", "USD"))


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
        ({"amount": 1.5, "currency": "USD"}, InvalidTypeError, "amount: got the float 1.5"),
        ({"amount": "1.5"}, InvalidValueError, r"missing \['currency'\]"),
        ({"amount": "1", "currency": "USD", "x": 1}, InvalidValueError, r"unexpected \['x'\]"),
        (["1", "USD"], InvalidTypeError, "expected a mapping"),
        ({"amount": "1", "currency": "usd"}, UnknownCurrencyError, "did you mean"),
    ],
)
def test_bad_dicts(data, error, pattern):
    with pytest.raises(error, match=pattern):
        Money.from_dict(data)


AMOUNT = (
    "a Decimal, an int or a decimal string such as '1200.00', below 10**18 "
    "with at most 30 decimal places"
)
FINITE = "a finite amount (not NaN or Infinity)"
CURRENCY = "an ISO 4217 code known to CLDR, such as 'USD', 'EUR' or 'JPY'"
IN_USD = "Money in USD"
WRAP = "wrap plain numbers as Money(amount, 'USD')"
WEIGHTS = "a list of weights (ints, Decimals or Fractions), at least one > 0"
WEIGHT = "an int, a Decimal or a Fraction"
ONE = Money("1.00", "USD")


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: Money("abc", "USD"),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "amount",
                "abc",
                AMOUNT,
                f"amount: got 'abc'; expected {AMOUNT}",
            ),
        ),
        # Not-a-number and infinite text in any case, sign or spacing says what is wrong.
        *(
            (
                lambda text=text: Money(text, "USD"),
                error_record(
                    "InvalidValueError",
                    "INVALID_NUMBER",
                    "amount",
                    text,
                    FINITE,
                    f"amount: got {text!r}; expected {FINITE}",
                ),
            )
            for text in ("nan", "sNaN", "+inf", " -Infinity")
        ),
        (
            lambda: Money(Decimal("NaN"), "USD"),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "amount",
                "NaN",
                FINITE,
                f"amount: got Decimal('NaN') (Decimal); expected {FINITE}",
            ),
        ),
        (
            lambda: Money(Decimal("1E+18"), "USD"),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "amount",
                "1E+18",
                AMOUNT,
                f"amount: got Decimal('1E+18') (Decimal); expected {AMOUNT}",
            ),
        ),
        (
            lambda: Money(1.5, "USD"),
            error_record(
                "InvalidTypeError",
                "FLOAT_NOT_EXACT",
                "amount",
                "1.5",
                AMOUNT,
                "amount: got the float 1.5; floats cannot hold most decimal amounts exactly. "
                "Pass a Decimal, an int or a decimal string such as '1.5'",
            ),
        ),
        (
            lambda: Money([1], "USD"),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "amount",
                "[1]",
                AMOUNT,
                f"amount: got [1] (list); expected {AMOUNT}",
            ),
        ),
        (
            lambda: Money.from_exact("abc", "USD"),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "value",
                "abc",
                AMOUNT,
                f"value: got 'abc'; expected {AMOUNT}",
            ),
        ),
        (
            lambda: ONE * 1.5,
            error_record(
                "InvalidTypeError",
                "FLOAT_NOT_EXACT",
                "*",
                "1.5",
                "an int or a Decimal",
                "*: got 1.5 (float); expected an int or a Decimal",
            ),
        ),
        (
            lambda: ONE * "2",
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "*",
                "2",
                "an int or a Decimal",
                "*: got '2'; expected an int or a Decimal",
            ),
        ),
        (
            lambda: ONE * Decimal("NaN"),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "*",
                "NaN",
                FINITE,
                f"*: got Decimal('NaN') (Decimal); expected {FINITE}",
            ),
        ),
        (
            lambda: ONE * Decimal("1E-30"),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "*",
                "1E-30",
                "a result below 10**18 with at most 30 decimal places",
                "*: got Decimal('1E-30') (Decimal), which gives "
                "0.00000000000000000000000000000100 USD; "
                "expected a result below 10**18 with at most 30 decimal places",
            ),
        ),
        (
            lambda: Money("-999999999999999999", "USD") - ONE,
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "-",
                "Money('1.00', 'USD')",
                "a result below 10**18 with at most 30 decimal places",
                "-: got Money('1.00', 'USD') (Money), which gives -1000000000000000000.00 USD; "
                "expected a result below 10**18 with at most 30 decimal places",
            ),
        ),
        *(
            (
                lambda compare=compare: compare(ONE, 1),
                error_record(
                    "InvalidTypeError",
                    "WRONG_TYPE",
                    symbol,
                    "1",
                    IN_USD,
                    f"{symbol}: got 1; expected {IN_USD} ({WRAP})",
                    WRAP,
                ),
            )
            for symbol, compare in (
                ("<", operator.lt),
                ("<=", operator.le),
                (">", operator.gt),
                (">=", operator.ge),
                ("-", operator.sub),
            )
        ),
        (
            lambda: 1.5 + ONE,
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "+",
                "1.5",
                IN_USD,
                f"+: got 1.5 (float); expected {IN_USD} ({WRAP})",
                WRAP,
            ),
        ),
        (
            lambda: round(ONE),
            error_record(
                "InvalidTypeError",
                "NOT_SUPPORTED",
                "round()",
                "Money('1.00', 'USD')",
                "a call to Money.round(rounding=...)",
                "round(): got a call to the builtin round(); use Money.round(rounding=...) "
                "so the rounding mode is explicit",
            ),
        ),
        (
            lambda: Money("0.125", "USD").to_minor(),
            error_record(
                "InvalidValueError",
                "NOT_ROUNDED",
                "amount",
                "Money('0.125', 'USD')",
                "an amount rounded first, e.g. with .round()",
                "amount: got Money('0.125', 'USD'), which is not a whole number of minor units "
                "(2 decimal places); expected an amount rounded first, e.g. with .round()",
            ),
        ),
        *(
            (
                lambda weights=weights: ONE.allocate(weights),
                error_record(
                    "InvalidTypeError",
                    "WRONG_TYPE",
                    "weights",
                    value,
                    WEIGHTS,
                    f"weights: got {shown}; expected {WEIGHTS}",
                ),
            )
            for weights, value, shown in (
                ("11", "11", "'11'"),
                ({1: 1}, "{1: 1}", "{1: 1} (dict)"),
                (5, "5", "5"),
            )
        ),
        (
            lambda: ONE.allocate([1, 0.5]),
            error_record(
                "InvalidTypeError",
                "FLOAT_NOT_EXACT",
                "weights[1]",
                "0.5",
                WEIGHT,
                f"weights[1]: got 0.5 (float); expected {WEIGHT}",
            ),
        ),
        (
            lambda: ONE.allocate([1, "1"]),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "weights[1]",
                "1",
                WEIGHT,
                f"weights[1]: got '1'; expected {WEIGHT}",
            ),
        ),
        (
            lambda: ONE.allocate([1, -1]),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "weights[1]",
                "-1",
                "a weight >= 0",
                "weights[1]: got -1; expected a weight >= 0",
            ),
        ),
        (
            lambda: ONE.allocate([Decimal("NaN")]),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "weights[0]",
                "NaN",
                FINITE,
                f"weights[0]: got Decimal('NaN') (Decimal); expected {FINITE}",
            ),
        ),
        (
            lambda: ONE.allocate([0, 0]),
            error_record(
                "InvalidValueError",
                "EMPTY",
                "weights",
                "[Fraction(0, 1), Fraction(0, 1)]",
                "at least one weight > 0",
                "weights: got ['0', '0']; expected at least one weight > 0",
            ),
        ),
        (
            lambda: Money.from_dict({"amount": 1.5, "currency": "USD"}),
            error_record(
                "InvalidTypeError",
                "FLOAT_NOT_EXACT",
                "amount",
                "1.5",
                "a Decimal, an int or a decimal string such as '1200.00', below 10**18 with at "
                "most 30 decimal places",
                "amount: got the float 1.5; floats cannot hold most decimal amounts exactly. "
                "Pass a Decimal, an int or a decimal string such as '1.5'",
            ),
        ),
        (
            lambda: Money.from_dict({"amount": "1"}),
            error_record(
                "InvalidValueError",
                "MALFORMED_RECORD",
                "data",
                "Money keys ['amount']",
                "the keys amount, currency",
                "data: Money needs the keys amount, currency; missing ['currency'], "
                "unexpected none",
            ),
        ),
        *(
            (
                lambda given=given: Money(given, "USD"),
                error_record(
                    "InvalidValueError",
                    "OUT_OF_RANGE",
                    "amount",
                    value,
                    AMOUNT,
                    f"amount: got {shown}; expected {AMOUNT}",
                ),
            )
            for given, value, shown in (
                (10**18, "1000000000000000000", "1000000000000000000"),
                ("1e18", "1e18", "'1e18'"),
            )
        ),
        (
            lambda: ONE + Money("1.00", "EUR"),
            error_record(
                "CurrencyMismatchError",
                "CURRENCY_MISMATCH",
                "+",
                "EUR",
                IN_USD,
                "+: cannot combine USD and EUR; convert one amount first, "
                "both must have the same currency",
            ),
        ),
        *(
            (
                lambda digits=digits: ONE.round(digits=digits),
                error_record(
                    error,
                    code,
                    "digits",
                    str(digits),
                    "an int from 0 to 30",
                    f"digits: got {digits}; expected an int from 0 to 30",
                ),
            )
            for digits, error, code in (
                (True, "InvalidTypeError", "WRONG_TYPE"),
                (31, "InvalidValueError", "OUT_OF_RANGE"),
            )
        ),
        (
            lambda: Money.from_minor(5, 840),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "currency",
                "840",
                "an ISO 4217 code known to CLDR, such as 'USD', 'EUR' or 'JPY'",
                "currency: got 840; expected an ISO 4217 code known to CLDR, such as 'USD', "
                "'EUR' or 'JPY'",
            ),
        ),
        (
            lambda: Money("999999999999999999", "USD") + Money("1", "USD"),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "+",
                "Money('1', 'USD')",
                "a result below 10**18 with at most 30 decimal places",
                "+: got Money('1', 'USD') (Money), which gives 1000000000000000000 USD; "
                "expected a result below 10**18 with at most 30 decimal places",
            ),
        ),
        (
            lambda: ONE * Fraction(1, 3),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "*",
                "1/3",
                "an int or a Decimal",
                "*: got Fraction(1, 3) (Fraction); expected an int or a Decimal "
                "(to scale by a ratio use Money.from_exact, which rounds once)",
                "to scale by a ratio use Money.from_exact, which rounds once",
            ),
        ),
        *(
            (
                lambda code=code: Money("1", code),
                error_record(
                    "UnknownCurrencyError",
                    "UNKNOWN_CURRENCY",
                    "currency",
                    code,
                    CURRENCY,
                    f"currency: got {code!r}; expected {CURRENCY}" + (f" ({hint})" if hint else ""),
                    hint,
                ),
            )
            for code, hint in (("usd", "did you mean 'USD'?"), ("XXX", None), ("ZZZ", None))
        ),
        *(
            (
                lambda units=units: Money.from_minor(units, "USD"),
                error_record(
                    "InvalidTypeError",
                    "WRONG_TYPE",
                    "units",
                    str(units),
                    "an int",
                    f"units: got {shown}; expected an int",
                ),
            )
            for units, shown in ((1.5, "1.5 (float)"), (True, "True"), ("5", "'5'"))
        ),
        *(
            (
                lambda units=units: Money.from_minor(units, "USD"),
                error_record(
                    "InvalidValueError",
                    "OUT_OF_RANGE",
                    "units",
                    str(units),
                    "an int whose amount is below 10**18 USD",
                    f"units: got {units}; expected an int whose amount is below 10**18 USD",
                ),
            )
            for units in (10**20, -(10**20))
        ),
        (
            lambda: Money(-(10**18), "USD"),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "amount",
                "-1000000000000000000",
                AMOUNT,
                f"amount: got -1000000000000000000; expected {AMOUNT}",
            ),
        ),
        (
            # Digits outside ASCII are refused before Decimal could read them.
            lambda: Money("\uff11\uff12", "USD"),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "amount",
                "\uff11\uff12",
                AMOUNT,
                f"amount: got '\uff11\uff12'; expected {AMOUNT}",
            ),
        ),
    ],
)
def test_refusals_carry_machine_readable_fields(build, expected):
    # A service returns error.to_dict() as its 400 body: the code, field and value are API.
    with pytest.raises(SeatcalcError) as caught:
        build()
    assert caught.value.to_dict() == expected


def test_values_are_immutable():
    value = Money("1", "USD")
    with pytest.raises(AttributeError):
        value.amount = Decimal(2)  # type: ignore[misc]

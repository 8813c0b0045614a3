"""Minor-unit tables: worked examples, round trips, idempotent rounding, quotes on the grid."""

from __future__ import annotations

import datetime as dt
import importlib.util
import pathlib
import re
import typing
from collections.abc import Mapping
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import (
    CASH_UNITS,
    CLDR_UNITS,
    ISO_4217_UNITS,
    MINOR_UNIT_TABLES,
    STRIPE_UNITS,
    AddSeatsQuote,
    AddTimingComparison,
    AlignmentQuote,
    InvalidTypeError,
    InvalidValueError,
    MinorUnit,
    MinorUnits,
    Money,
    Proration,
    SeatcalcError,
    Subscription,
    UnknownCurrencyError,
    align,
    check_minor_units,
    compare_add_timing,
    digits_differences,
    minor_unit,
    prorate,
    quote_add_seats,
)
from seatcalc.minor_units import MinorUnitsLike, table_currencies
from strategies import decimals, rounding_modes, subscriptions_with_day

DOCS = pathlib.Path(__file__).parent.parent / "docs"
CUSTOM = MinorUnits("custom", {"IDR": 2, "JPY": 2})
TABLES = (*MINOR_UNIT_TABLES, CUSTOM)
# Every (table, currency) pair a table holds: the round trips run over all of them.
PAIRS = [(table, code) for table in TABLES for code in table_currencies(table)]
TERM = dt.date(2026, 1, 1), dt.date(2027, 1, 1)
JULY = dt.date(2026, 7, 1)


def _sub(price: Money, **changes: object) -> Subscription:
    fields: dict[str, object] = {
        "seats": 5,
        "unit_price": price,
        "term_start": TERM[0],
        "term_end": TERM[1],
        "country": "US",
    }
    return Subscription(**(fields | changes))  # type: ignore[arg-type]


# -- worked examples ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "table", "expected"),
    [
        ("USD", "cldr", MinorUnit(2, 1)),
        ("HUF", "cldr", MinorUnit(0, 1)),
        ("HUF", "iso4217", MinorUnit(2, 1)),
        ("IDR", "iso4217", MinorUnit(2, 1)),
        ("IQD", "iso4217", MinorUnit(3, 1)),
        ("COP", "iso4217", MinorUnit(2, 1)),
        ("IDR", "stripe", MinorUnit(2, 1)),
        ("JPY", "stripe", MinorUnit(0, 1)),
        ("UGX", "stripe", MinorUnit(0, 1)),
        ("HUF", "stripe", MinorUnit(2, 1)),
        ("TWD", "stripe", MinorUnit(2, 1)),
        ("ISK", "stripe", MinorUnit(2, 100)),
        ("KWD", "stripe", MinorUnit(3, 10)),
        ("CHF", "cash", MinorUnit(2, 5)),
        ("CAD", "cash", MinorUnit(2, 5)),
        ("DKK", "cash", MinorUnit(2, 50)),
        ("HUF", "cash", MinorUnit(0, 5)),
        ("SEK", "cash", MinorUnit(0, 1)),
        ("USD", "cash", MinorUnit(2, 1)),
        ("IDR", {"IDR": 2}, MinorUnit(2, 1)),
        ("USD", {"IDR": 2}, MinorUnit(2, 1)),
    ],
)
def test_each_table_gives_the_published_minor_unit(code, table, expected):
    assert minor_unit(code, table) == expected


def test_hand_checked_roundings_in_each_table():
    # 1,200,000 IDR x 184/365 = 604,931.5068...: whole rupiah in CLDR, sen in ISO 4217 and Stripe.
    idr = Money("1200000", "IDR")
    assert prorate(idr, *TERM, JULY).amount == Money("604932", "IDR")
    assert prorate(idr, *TERM, JULY, minor_units="iso4217").amount == Money("604931.51", "IDR")
    # 1000 CHF x 184/365 = 504.1095...: 504.11 to the centime, 504.10 to the cash 0.05.
    chf = Money("1000.00", "CHF")
    assert prorate(chf, *TERM, JULY).amount == Money("504.11", "CHF")
    assert prorate(chf, *TERM, JULY, minor_units="cash").amount == Money("504.10", "CHF")
    # 1 KWD / 3 = 0.3333...: 0.333 in CLDR, 0.330 for Stripe (its last digit must be 0).
    assert Money.from_exact(Decimal(1) / 4, "KWD", minor_units="stripe") == Money("0.25", "KWD")
    assert Money("0.3333", "KWD").round(minor_units="stripe").to_minor(minor_units="stripe") == 330
    # 5 ISK is 500 in Stripe's amount; 5.4 ISK rounds to whole krónur first.
    assert Money("5.4", "ISK").round(minor_units="stripe").to_minor(minor_units="stripe") == 500


def test_a_quote_lines_split_in_increments_and_sum_to_the_total():
    quote = quote_add_seats(
        _sub(Money("1000.00", "CHF"), country="CH"), 3, JULY, minor_units="cash"
    )
    assert quote.total == Money("1512.35", "CHF")
    assert quote.lines == (
        Money("504.15", "CHF"),
        Money("504.10", "CHF"),
        Money("504.10", "CHF"),
    )
    assert quote.minor_units is CASH_UNITS
    assert "to 2 decimal places" in quote.explain()


def test_naming_a_table_and_digits_together_is_refused():
    with pytest.raises(InvalidValueError) as caught:
        Money("1.005", "USD").round(digits=3, minor_units="iso4217")
    assert caught.value.field == "digits"
    assert caught.value.code == "INCONSISTENT"


@pytest.mark.parametrize(
    ("value", "error", "hint"),
    [
        ("iso-4217", InvalidValueError, "did you mean 'iso4217'?"),
        ("Stripe", InvalidValueError, "did you mean 'stripe'?"),
        ("ledger", InvalidValueError, None),
        (2, InvalidTypeError, None),
        ({}, InvalidTypeError, None),
        ({"IDR": 2.0}, InvalidTypeError, None),
        ({"IDR": 31}, InvalidValueError, None),
        ({"RUPIAH": 2}, UnknownCurrencyError, None),
    ],
)
def test_a_bad_table_is_refused_with_what_is_accepted(value, error, hint):
    with pytest.raises(error) as caught:
        check_minor_units(value)
    assert caught.value.field.startswith("minor_units")
    assert caught.value.hint == hint


def test_a_withdrawn_currency_has_no_iso_4217_minor_unit():
    assert minor_unit("ITL") == MinorUnit(0, 1)  # CLDR still knows the lira
    with pytest.raises(UnknownCurrencyError, match="ISO 4217's current list"):
        Money("1", "ITL").round(minor_units="iso4217")


def test_named_tables_are_one_value_each():
    assert check_minor_units(MinorUnits("iso4217")) is ISO_4217_UNITS
    assert check_minor_units("stripe") is STRIPE_UNITS
    assert check_minor_units(None) is CLDR_UNITS
    with pytest.raises(InvalidValueError):
        MinorUnits("custom")
    with pytest.raises(InvalidValueError):
        MinorUnits("cldr", {"USD": 2})


# -- the documentation's table --------------------------------------------------------------


def test_the_documented_differences_are_the_data():
    text = (DOCS / "minor_units.rst").read_text(encoding="utf-8")
    table = text.split(":name: cldr-iso-differences", 1)[1].split("\n\n", 2)[1]
    cells = re.findall(r"^ {3}[* ] - (.+)$", table, flags=re.MULTILINE)
    rows = [tuple(cells[i : i + 4]) for i in range(0, len(cells), 4)]
    assert rows[0] == ("code", "currency", "CLDR", "ISO 4217")
    documented = tuple((code, int(cldr), int(iso)) for code, _name, cldr, iso in rows[1:])
    assert documented == digits_differences("cldr", "iso4217")


# -- properties -----------------------------------------------------------------------------


@given(st.sampled_from(PAIRS), st.integers(-(10**15), 10**15))
def test_minor_units_round_trip_for_every_currency_and_table(pair, units):
    table, code = pair
    money = Money.from_minor(units, code, minor_units=table)
    assert money.to_minor(minor_units=table) == units
    assert Money.from_minor(money.to_minor(minor_units=table), code, minor_units=table) == money


@given(st.sampled_from(PAIRS), decimals(max_places=8), rounding_modes)
def test_rounding_to_a_table_is_idempotent_and_on_its_grid(pair, amount, mode):
    table, code = pair
    rounded = Money(amount, code).round(mode, minor_units=table)
    assert rounded.round(mode, minor_units=table) == rounded
    assert rounded.is_rounded(minor_units=table)
    places, step = table.unit(code)
    assert rounded.to_minor(minor_units=table) % step == 0
    assert abs(rounded.amount - amount) < Decimal(step).scaleb(-places)


@given(
    subscriptions_with_day(
        currency=st.sampled_from(("CHF", "DKK", "HUF", "IDR", "ISK", "KWD", "JPY", "USD"))
    ),
    st.integers(1, 50),
    st.sampled_from(TABLES),
    rounding_modes,
)
def test_a_quote_total_is_a_multiple_of_the_table_minor_unit(sub_day, seats, table, mode):
    sub, day = sub_day
    sub = attrs.evolve(sub, channel="direct", auto_renew=True, country="US", purchased_on=None)
    quote = quote_add_seats(sub, seats, day, rounding=mode, minor_units=table)
    if not quote.payable:
        return
    assert quote.total is not None
    assert quote.total.is_rounded(minor_units=table)
    assert sum(quote.lines) == quote.total
    exact = quote.exact
    assert exact is not None
    places, step = table.unit(sub.unit_price.currency)
    assert abs(quote.total.to_fraction() - exact) < step * Decimal(1).scaleb(-places)
    again = AddSeatsQuote.from_dict(quote.to_dict())
    assert again == quote
    assert ("minor_units" in quote.to_dict()) == (table is not CLDR_UNITS)


@pytest.mark.parametrize("table", [*TABLES, "iso4217", {"IDR": 2}])
def test_results_record_their_table_and_round_trip(table):
    proration = prorate(Money("1200000", "IDR"), *TERM, JULY, quantity=3, minor_units=table)
    assert Proration.from_dict(proration.to_dict()) == proration
    assert proration.minor_units == check_minor_units(table)
    subs = [
        _sub(
            Money("1200000", "IDR"), term_start=dt.date(2025, 12, 1), term_end=dt.date(2026, 12, 1)
        ),
        _sub(Money("1200000", "IDR")),
    ]
    quote = align(subs, minor_units=table)
    assert AlignmentQuote.from_dict(quote.to_dict()) == quote
    assert all(line.amount.is_rounded(minor_units=table) for line in quote.lines)
    comparison = compare_add_timing(subs[1], 3, dt.date(2026, 9, 1), on=JULY, minor_units=table)
    assert AddTimingComparison.from_dict(comparison.to_dict()) == comparison
    assert comparison.minor_units == check_minor_units(table)
    assert all(option.until_renewal.is_rounded(minor_units=table) for option in comparison.options)


def test_the_iso_4217_module_is_what_the_generator_writes():
    pytest.importorskip("iso4217")  # needed only to regenerate: pip install iso4217
    root = pathlib.Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("gen_iso", root / "tools/generate_iso4217.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    written = (root / "src/seatcalc/_iso4217.py").read_text(encoding="utf-8")
    assert generator.render(*generator.read_list()) == written


def test_the_iso_4217_table_records_its_source():
    from seatcalc import _iso4217  # noqa: PLC0415 - the generated data itself

    assert _iso4217.PUBLISHED == "2026-01-01"
    assert _iso4217.SOURCE.startswith("iso4217@")
    assert (_iso4217.DIGITS["IDR"], _iso4217.DIGITS["IQD"], _iso4217.DIGITS["CLF"]) == (2, 3, 4)
    assert "XAU" not in _iso4217.DIGITS  # no minor unit: not money a seat is priced in


@pytest.mark.parametrize(
    "value",
    [
        (("USD",),),
        (1, 2),
        (("USD", 2, 3),),
        "USD",
        5,
    ],
)
def test_a_custom_table_of_bad_pairs_is_refused_naming_minor_units(value):
    with pytest.raises(SeatcalcError) as caught:
        MinorUnits("custom", value)
    assert caught.value.field.startswith("minor_units")


def test_a_named_table_with_digits_is_refused_saying_so():
    with pytest.raises(InvalidValueError) as caught:
        MinorUnits("cldr", {"USD": 2})
    assert caught.value.field == "minor_units"
    assert caught.value.value == "{'USD': 2}"
    assert "'custom'" in caught.value.expected
    with pytest.raises(InvalidValueError) as caught:
        MinorUnits("custom")
    assert "mapping" in caught.value.expected


def test_an_unknown_table_name_is_refused_listing_the_names():
    with pytest.raises(InvalidValueError) as caught:
        MinorUnits("ledger")
    assert caught.value.value == "ledger"
    assert "'cldr'" in caught.value.expected


def test_custom_tables_are_not_memoised():
    from seatcalc.minor_units import _unit  # noqa: PLC0415 - the memo under test

    for table in MINOR_UNIT_TABLES:
        table.unit("USD")
    before = _unit.cache_info().currsize
    for digits in range(31):
        table = MinorUnits("custom", {"IDR": digits, "USD": 30 - digits})
        assert table.unit("IDR") == MinorUnit(digits, 1)
        assert table.unit("USD") == MinorUnit(30 - digits, 1)
        assert table.unit("JPY") == MinorUnit(0, 1)
    assert _unit.cache_info().currsize == before


def test_minor_units_like_names_every_form_a_table_is_given_in():
    assert set(typing.get_args(MinorUnitsLike)) == {
        MinorUnits,
        str,
        Mapping[str, int],
        type(None),
    }
    for value in (ISO_4217_UNITS, "iso4217", {"IDR": 2}, None):
        assert isinstance(check_minor_units(value), MinorUnits)

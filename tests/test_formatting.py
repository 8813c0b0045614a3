"""Money formatted as CLDR says: babel, corrected where babel 2.19 leaves CLDR out."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import babel.numbers
import pytest
from babel import Locale
from babel.core import get_cldr_version
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import InvalidTypeError, InvalidValueError, Money, Subscription, quote_add_seats
from seatcalc._i18n import (
    _currency_rules,
    check_locale,
    format_currency,
    format_decimal,
    minimum_grouping_digits,
)
from seatcalc._numbers import CLDR_VERSION, MINIMUM_GROUPING_DIGITS, SOURCE
from strategies import currencies, decimals, rounding_modes

ROOT = Path(__file__).resolve().parent.parent


def load_generator():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools/generate_number_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the generated table of minimum grouping digits -----------------------------------------


def test_every_code_in_the_table_is_a_locale_babel_knows():
    known = set(locale_identifiers())
    assert sorted(code for code in MINIMUM_GROUPING_DIGITS if code not in known) == []
    # ...and written the way babel writes it, so a lookup by babel's names finds it.
    assert all(str(Locale.parse(code)) == code for code in MINIMUM_GROUPING_DIGITS)


def test_the_table_holds_cldrs_exceptions():
    table = MINIMUM_GROUPING_DIGITS
    assert {table[code] for code in ("es", "it", "pl", "pt_PT", "bg", "hu", "lv", "sl")} == {2}
    assert table["es_MX"] == table["es_419"] == table["es_US"] == 1  # regional, unlike "es"
    assert table["ee"] == 3
    assert table["be_TARASK"] == 2
    # Locales that take 1 from their language are left out: English, French, German, Brazil.
    assert {"en", "en_US", "fr", "de", "de_CH", "pt", "pt_BR", "es_ES"}.isdisjoint(table)
    assert set(table.values()) == {1, 2, 3}
    # A 1 is there only to override a language whose value is not 1.
    assert all(table.get(code.split("_")[0], 1) != 1 for code, value in table.items() if value == 1)


def test_the_version_and_the_regeneration_command_are_recorded():
    assert CLDR_VERSION == "48"
    assert SOURCE == "cldr-numbers-full@48.2.0"
    header = (ROOT / "src/seatcalc/_numbers.py").read_text(encoding="utf-8")[:400]
    assert "python tools/generate_number_data.py" in header
    assert "cldr-numbers-full 48.2.0" in header
    assert int(get_cldr_version()) >= int(CLDR_VERSION)


def test_the_generator_keeps_exceptions_and_regional_differences_in_babels_codes():
    generator = load_generator()
    values = {
        "root": 1,
        "en": 1,
        "en-GB": 1,
        "es": 2,
        "es-MX": 1,
        "es-EA": 2,
        "pt": 1,
        "pt-PT": 2,
        "pt-AO": 1,
        "ru-UA": 2,
        "be-tarask": 2,
        "sr-Latn-BA": 1,
        "ee": 3,
    }
    assert generator.build(values) == {
        "be_TARASK": 2,
        "ee": 3,
        "es": 2,
        "es_EA": 2,
        "es_MX": 1,
        "pt_PT": 2,
        "ru_UA": 2,
    }
    assert generator.babel_code("sr-Latn-BA") == "sr_Latn_BA"
    assert generator.babel_code("ca-ES-valencia") == "ca_ES_VALENCIA"
    assert generator.babel_code("es-419") == "es_419"
    with pytest.raises(SystemExit, match="below 1"):
        generator.build({"xx": 0})


def test_the_lookup_takes_the_full_code_then_the_language_then_1():
    def lookup(code):
        return minimum_grouping_digits(Locale.parse(code))

    assert [lookup(code) for code in ("es", "es_ES", "es_MX", "es_419", "es_EA")] == [2, 2, 1, 1, 2]
    assert [lookup(code) for code in ("pt", "pt_BR", "pt_PT", "pt_AO", "pt_MO")] == [1, 1, 2, 1, 2]
    assert [lookup(code) for code in ("ru", "ru_UA", "ee_GH", "be_TARASK")] == [1, 2, 3, 2]
    assert lookup("sr_Latn_BA") == 1
    assert [lookup(code) for code in ("en", "en_IN", "de_CH", "fr_CA", "ja_JP")] == [1] * 5


def test_importing_seatcalc_loads_neither_the_table_nor_the_formatter():
    code = (
        "import sys, seatcalc;"
        "print(sorted(m for m in ('seatcalc._i18n', 'seatcalc._numbers') if m in sys.modules))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "[]\n"


# -- what ICU writes ----------------------------------------------------------------------

AMOUNTS = ("0.50", "1234.50", "12345.50", "1234567.89", "-1234.50")

# Node.js 20.20.2's Intl.NumberFormat(locale, {style: "currency", currency}), that is ICU 78.2
# with CLDR 48.0, given each amount as Money rounds it (half up: 1234.50 JPY is 1235; ICU alone
# would round half even).  Generated once and written here with escapes: U+00A0 no-break space,
# U+202F narrow no-break space, U+2212 minus sign.
ICU = {
    ("en_US", "USD"): ("$0.50", "$1,234.50", "$12,345.50", "$1,234,567.89", "-$1,234.50"),
    ("en_US", "CHF"): (
        "CHF\xa00.50",
        "CHF\xa01,234.50",
        "CHF\xa012,345.50",
        "CHF\xa01,234,567.89",
        "-CHF\xa01,234.50",
    ),
    ("en_US", "SEK"): (
        "SEK\xa00.50",
        "SEK\xa01,234.50",
        "SEK\xa012,345.50",
        "SEK\xa01,234,567.89",
        "-SEK\xa01,234.50",
    ),
    ("en_US", "KWD"): (
        "KWD\xa00.500",
        "KWD\xa01,234.500",
        "KWD\xa012,345.500",
        "KWD\xa01,234,567.890",
        "-KWD\xa01,234.500",
    ),
    ("en_US", "JPY"): ("\xa51", "\xa51,235", "\xa512,346", "\xa51,234,568", "-\xa51,235"),
    ("en_US", "EUR"): (
        "\u20ac0.50",
        "\u20ac1,234.50",
        "\u20ac12,345.50",
        "\u20ac1,234,567.89",
        "-\u20ac1,234.50",
    ),
    ("en_GB", "GBP"): (
        "\xa30.50",
        "\xa31,234.50",
        "\xa312,345.50",
        "\xa31,234,567.89",
        "-\xa31,234.50",
    ),
    ("en_GB", "EUR"): (
        "\u20ac0.50",
        "\u20ac1,234.50",
        "\u20ac12,345.50",
        "\u20ac1,234,567.89",
        "-\u20ac1,234.50",
    ),
    ("en_GB", "CHF"): (
        "CHF\xa00.50",
        "CHF\xa01,234.50",
        "CHF\xa012,345.50",
        "CHF\xa01,234,567.89",
        "-CHF\xa01,234.50",
    ),
    ("en_IN", "INR"): (
        "\u20b90.50",
        "\u20b91,234.50",
        "\u20b912,345.50",
        "\u20b912,34,567.89",
        "-\u20b91,234.50",
    ),
    ("en_IN", "USD"): ("$0.50", "$1,234.50", "$12,345.50", "$12,34,567.89", "-$1,234.50"),
    ("en_IN", "CHF"): (
        "CHF\xa00.50",
        "CHF\xa01,234.50",
        "CHF\xa012,345.50",
        "CHF\xa012,34,567.89",
        "-CHF\xa01,234.50",
    ),
    ("fr_FR", "EUR"): (
        "0,50\xa0\u20ac",
        "1\u202f234,50\xa0\u20ac",
        "12\u202f345,50\xa0\u20ac",
        "1\u202f234\u202f567,89\xa0\u20ac",
        "-1\u202f234,50\xa0\u20ac",
    ),
    ("fr_FR", "CHF"): (
        "0,50\xa0CHF",
        "1\u202f234,50\xa0CHF",
        "12\u202f345,50\xa0CHF",
        "1\u202f234\u202f567,89\xa0CHF",
        "-1\u202f234,50\xa0CHF",
    ),
    ("fr_FR", "USD"): (
        "0,50\xa0$US",
        "1\u202f234,50\xa0$US",
        "12\u202f345,50\xa0$US",
        "1\u202f234\u202f567,89\xa0$US",
        "-1\u202f234,50\xa0$US",
    ),
    ("fr_CA", "USD"): (
        "0,50\xa0$\xa0US",
        "1\xa0234,50\xa0$\xa0US",
        "12\xa0345,50\xa0$\xa0US",
        "1\xa0234\xa0567,89\xa0$\xa0US",
        "-1\xa0234,50\xa0$\xa0US",
    ),
    ("fr_CA", "EUR"): (
        "0,50\xa0\u20ac",
        "1\xa0234,50\xa0\u20ac",
        "12\xa0345,50\xa0\u20ac",
        "1\xa0234\xa0567,89\xa0\u20ac",
        "-1\xa0234,50\xa0\u20ac",
    ),
    ("fr_CH", "CHF"): (
        "0.50\xa0CHF",
        "1\u202f234.50\xa0CHF",
        "12\u202f345.50\xa0CHF",
        "1\u202f234\u202f567.89\xa0CHF",
        "-1\u202f234.50\xa0CHF",
    ),
    ("fr_CH", "EUR"): (
        "0.50\xa0\u20ac",
        "1\u202f234.50\xa0\u20ac",
        "12\u202f345.50\xa0\u20ac",
        "1\u202f234\u202f567.89\xa0\u20ac",
        "-1\u202f234.50\xa0\u20ac",
    ),
    ("de_DE", "EUR"): (
        "0,50\xa0\u20ac",
        "1.234,50\xa0\u20ac",
        "12.345,50\xa0\u20ac",
        "1.234.567,89\xa0\u20ac",
        "-1.234,50\xa0\u20ac",
    ),
    ("de_DE", "CHF"): (
        "0,50\xa0CHF",
        "1.234,50\xa0CHF",
        "12.345,50\xa0CHF",
        "1.234.567,89\xa0CHF",
        "-1.234,50\xa0CHF",
    ),
    ("de_DE", "USD"): (
        "0,50\xa0$",
        "1.234,50\xa0$",
        "12.345,50\xa0$",
        "1.234.567,89\xa0$",
        "-1.234,50\xa0$",
    ),
    ("de_CH", "CHF"): (
        "CHF\xa00.50",
        "CHF\xa01'234.50",
        "CHF\xa012'345.50",
        "CHF\xa01'234'567.89",
        "CHF-1'234.50",
    ),
    ("de_CH", "EUR"): (
        "EUR\xa00.50",
        "EUR\xa01'234.50",
        "EUR\xa012'345.50",
        "EUR\xa01'234'567.89",
        "EUR-1'234.50",
    ),
    ("de_CH", "USD"): (
        "$\xa00.50",
        "$\xa01'234.50",
        "$\xa012'345.50",
        "$\xa01'234'567.89",
        "$-1'234.50",
    ),
    ("de_AT", "EUR"): (
        "\u20ac\xa00,50",
        "\u20ac\xa01.234,50",
        "\u20ac\xa012.345,50",
        "\u20ac\xa01.234.567,89",
        "-\u20ac\xa01.234,50",
    ),
    ("de_AT", "CHF"): (
        "CHF\xa00,50",
        "CHF\xa01.234,50",
        "CHF\xa012.345,50",
        "CHF\xa01.234.567,89",
        "-CHF\xa01.234,50",
    ),
    ("es_ES", "EUR"): (
        "0,50\xa0\u20ac",
        "1234,50\xa0\u20ac",
        "12.345,50\xa0\u20ac",
        "1.234.567,89\xa0\u20ac",
        "-1234,50\xa0\u20ac",
    ),
    ("es_ES", "USD"): (
        "0,50\xa0US$",
        "1234,50\xa0US$",
        "12.345,50\xa0US$",
        "1.234.567,89\xa0US$",
        "-1234,50\xa0US$",
    ),
    ("es_MX", "USD"): (
        "USD\xa00.50",
        "USD\xa01,234.50",
        "USD\xa012,345.50",
        "USD\xa01,234,567.89",
        "-USD\xa01,234.50",
    ),
    ("es_MX", "EUR"): (
        "EUR\xa00.50",
        "EUR\xa01,234.50",
        "EUR\xa012,345.50",
        "EUR\xa01,234,567.89",
        "-EUR\xa01,234.50",
    ),
    ("it_IT", "EUR"): (
        "0,50\xa0\u20ac",
        "1234,50\xa0\u20ac",
        "12.345,50\xa0\u20ac",
        "1.234.567,89\xa0\u20ac",
        "-1234,50\xa0\u20ac",
    ),
    ("it_IT", "CHF"): (
        "0,50\xa0CHF",
        "1234,50\xa0CHF",
        "12.345,50\xa0CHF",
        "1.234.567,89\xa0CHF",
        "-1234,50\xa0CHF",
    ),
    ("it_CH", "CHF"): (
        "CHF\xa00.50",
        "CHF\xa01234.50",
        "CHF\xa012'345.50",
        "CHF\xa01'234'567.89",
        "CHF-1234.50",
    ),
    ("it_CH", "EUR"): (
        "\u20ac\xa00.50",
        "\u20ac\xa01234.50",
        "\u20ac\xa012'345.50",
        "\u20ac\xa01'234'567.89",
        "\u20ac-1234.50",
    ),
    ("pl_PL", "PLN"): (
        "0,50\xa0z\u0142",
        "1234,50\xa0z\u0142",
        "12\xa0345,50\xa0z\u0142",
        "1\xa0234\xa0567,89\xa0z\u0142",
        "-1234,50\xa0z\u0142",
    ),
    ("pl_PL", "EUR"): (
        "0,50\xa0\u20ac",
        "1234,50\xa0\u20ac",
        "12\xa0345,50\xa0\u20ac",
        "1\xa0234\xa0567,89\xa0\u20ac",
        "-1234,50\xa0\u20ac",
    ),
    ("pt_PT", "EUR"): (
        "0,50\xa0\u20ac",
        "1234,50\xa0\u20ac",
        "12\xa0345,50\xa0\u20ac",
        "1\xa0234\xa0567,89\xa0\u20ac",
        "-1234,50\xa0\u20ac",
    ),
    ("pt_PT", "USD"): (
        "0,50\xa0US$",
        "1234,50\xa0US$",
        "12\xa0345,50\xa0US$",
        "1\xa0234\xa0567,89\xa0US$",
        "-1234,50\xa0US$",
    ),
    ("pt_BR", "USD"): (
        "US$\xa00,50",
        "US$\xa01.234,50",
        "US$\xa012.345,50",
        "US$\xa01.234.567,89",
        "-US$\xa01.234,50",
    ),
    ("pt_BR", "EUR"): (
        "\u20ac\xa00,50",
        "\u20ac\xa01.234,50",
        "\u20ac\xa012.345,50",
        "\u20ac\xa01.234.567,89",
        "-\u20ac\xa01.234,50",
    ),
    ("nl_NL", "EUR"): (
        "\u20ac\xa00,50",
        "\u20ac\xa01.234,50",
        "\u20ac\xa012.345,50",
        "\u20ac\xa01.234.567,89",
        "\u20ac\xa0-1.234,50",
    ),
    ("nl_NL", "CHF"): (
        "CHF\xa00,50",
        "CHF\xa01.234,50",
        "CHF\xa012.345,50",
        "CHF\xa01.234.567,89",
        "CHF\xa0-1.234,50",
    ),
    ("nl_NL", "SEK"): (
        "SEK\xa00,50",
        "SEK\xa01.234,50",
        "SEK\xa012.345,50",
        "SEK\xa01.234.567,89",
        "SEK\xa0-1.234,50",
    ),
    ("sv_SE", "SEK"): (
        "0,50\xa0kr",
        "1\xa0234,50\xa0kr",
        "12\xa0345,50\xa0kr",
        "1\xa0234\xa0567,89\xa0kr",
        "\u22121\xa0234,50\xa0kr",
    ),
    ("sv_SE", "EUR"): (
        "0,50\xa0\u20ac",
        "1\xa0234,50\xa0\u20ac",
        "12\xa0345,50\xa0\u20ac",
        "1\xa0234\xa0567,89\xa0\u20ac",
        "\u22121\xa0234,50\xa0\u20ac",
    ),
    ("ja_JP", "JPY"): ("\uffe51", "\uffe51,235", "\uffe512,346", "\uffe51,234,568", "-\uffe51,235"),
    ("ja_JP", "USD"): ("$0.50", "$1,234.50", "$12,345.50", "$1,234,567.89", "-$1,234.50"),
    ("ja_JP", "CHF"): (
        "CHF\xa00.50",
        "CHF\xa01,234.50",
        "CHF\xa012,345.50",
        "CHF\xa01,234,567.89",
        "-CHF\xa01,234.50",
    ),
}

# Where seatcalc still writes something else than ICU, on purpose: what seatcalc writes, asserted
# so that a change in babel is noticed, and why.
NEWER_GROUP = (
    "CLDR changed Swiss French's group separator from U+202F (CLDR 48.0, in ICU 78.2) to an"
    " apostrophe (cldr-numbers-full 48.2.0, and babel's CLDR 49): newer data, not a mistake to"
    " correct; the currency decimal point is applied"
)
ASCII_MINUS = (
    "babel writes the pattern's ASCII hyphen-minus whatever the locale's minusSign (U+2212 in"
    " Swedish); seatcalc keeps the one minus that every reader, spreadsheet and parser takes"
)
KNOWN_DIFFERENCES = {
    ("fr_CH", "CHF", "1234.50"): ("1'234.50\xa0CHF", NEWER_GROUP),
    ("fr_CH", "CHF", "12345.50"): ("12'345.50\xa0CHF", NEWER_GROUP),
    ("fr_CH", "CHF", "1234567.89"): ("1'234'567.89\xa0CHF", NEWER_GROUP),
    ("fr_CH", "CHF", "-1234.50"): ("-1'234.50\xa0CHF", NEWER_GROUP),
    ("fr_CH", "EUR", "1234.50"): ("1'234.50\xa0\u20ac", NEWER_GROUP),
    ("fr_CH", "EUR", "12345.50"): ("12'345.50\xa0\u20ac", NEWER_GROUP),
    ("fr_CH", "EUR", "1234567.89"): ("1'234'567.89\xa0\u20ac", NEWER_GROUP),
    ("fr_CH", "EUR", "-1234.50"): ("-1'234.50\xa0\u20ac", NEWER_GROUP),
    ("sv_SE", "SEK", "-1234.50"): ("-1\xa0234,50\xa0kr", ASCII_MINUS),
    ("sv_SE", "EUR", "-1234.50"): ("-1\xa0234,50\xa0\u20ac", ASCII_MINUS),
}
CASES = [
    (locale, currency, amount, expected)
    for (locale, currency), written in ICU.items()
    for amount, expected in zip(AMOUNTS, written, strict=True)
]


@pytest.mark.parametrize(("locale", "currency", "amount", "icu"), CASES)
def test_money_is_written_as_icu_writes_it(locale, currency, amount, icu):
    ours, _ = KNOWN_DIFFERENCES.get((locale, currency, amount), (icu, "the same"))
    assert Money(amount, currency).format(locale) == ours


def test_every_known_difference_is_a_case_and_still_differs():
    cases = {(locale, currency, amount): icu for locale, currency, amount, icu in CASES}
    assert set(KNOWN_DIFFERENCES) <= set(cases)
    undo = {NEWER_GROUP: ("'", "\u202f"), ASCII_MINUS: ("-", "\u2212")}
    for key, (ours, why) in KNOWN_DIFFERENCES.items():
        assert ours != cases[key]
        assert ours.replace(*undo[why]) == cases[key], "differs in nothing but the reason given"


def test_the_table_covers_the_locales_and_currencies_asked_for():
    locales = {locale for locale, _ in ICU}
    assert {"en_US", "en_GB", "en_IN", "fr_FR", "fr_CA", "fr_CH", "de_DE", "de_CH"} <= locales
    assert {"de_AT", "es_ES", "es_MX", "it_IT", "it_CH", "pl_PL", "pt_PT", "pt_BR"} <= locales
    assert {"nl_NL", "sv_SE", "ja_JP"} <= locales
    currencies = {currency for _, currency in ICU}
    assert {"USD", "EUR", "CHF", "SEK", "PLN", "JPY", "KWD", "GBP", "INR"} <= currencies


# -- each correction, next to what babel writes alone -------------------------------------


def babel_alone(amount, currency, locale):
    return babel.numbers.format_currency(
        Decimal(amount), currency, locale=locale, decimal_quantization=False
    )


def test_minimum_grouping_digits_leave_four_digit_amounts_ungrouped():
    assert babel_alone("1234.50", "EUR", "es_ES") == "1.234,50\xa0€"
    assert format_currency(Decimal("1234.50"), "EUR", Locale.parse("es_ES")) == "1234,50\xa0€"
    assert format_currency(Decimal("12345.50"), "EUR", Locale.parse("es_ES")) == "12.345,50\xa0€"
    assert format_currency(Decimal("1234.50"), "USD", Locale.parse("es_MX")) == "USD\xa01,234.50"


def test_currency_spacing_separates_a_letter_symbol_from_a_digit_only():
    assert babel_alone("1234.50", "CHF", "en_US") == "CHF1,234.50"
    assert Money("1234.50", "CHF").format("en_US") == "CHF\xa01,234.50"
    assert Money("-1234.50", "SEK").format("en_US") == "-SEK\xa01,234.50"
    assert Money("1234.50", "USD").format("en_US") == "$1,234.50"  # "$" is a symbol: no space
    assert Money("-1234.50", "CHF").format("de_CH") == "CHF-1'234.50"  # a minus touches it
    assert Money("1234.50", "CHF").format("fr_FR") == "1\u202f234,50\xa0CHF"  # already spaced


def test_currency_decimal_and_group_replace_the_numbers_own():
    fr_ch = _currency_rules(Locale.parse("fr_CH"))
    assert (fr_ch.decimal, fr_ch.separator) == (".", "'")
    assert babel_alone("1234.50", "CHF", "fr_CH") == "1'234,50\xa0CHF"
    assert Money("1234.50", "CHF").format("fr_CH") == "1'234.50\xa0CHF"
    de_at = _currency_rules(Locale.parse("de_AT"))
    assert (de_at.decimal, de_at.separator) == (",", ".")


def test_an_apostrophe_group_separator_survives_a_million():
    # babel strips quoted text from its result after writing the number, and so two apostrophe
    # separators with digits between them.
    assert babel_alone("1234567.89", "CHF", "de_CH") == "CHF\xa01234567.89"
    assert Money("1234567.89", "CHF").format("de_CH") == "CHF\xa01'234'567.89"


def test_indian_grouping_keeps_its_secondary_groups():
    assert Money("123456789.5", "INR").format("en_IN") == "₹12,34,56,789.50"
    assert Money("123456789.5", "CHF").format("en_IN") == "CHF\xa012,34,56,789.50"


def test_the_written_explanations_use_the_corrections():
    sub = Subscription(
        seats=10,
        unit_price=Money("2030.00", "EUR"),
        term_start=dt.date(2026, 1, 1),
        term_end=dt.date(2027, 1, 1),
        country="ES",
    )
    text = quote_add_seats(sub, 3, dt.date(2026, 7, 1)).explain("es_ES")
    assert "Importe total: 3070,03\xa0€" in text
    assert "3 × 2030,00\xa0€ × 184/365 = 3070,027397260273…\xa0€" in text
    swiss = quote_add_seats(
        Subscription(
            seats=10,
            unit_price=Money("2030.00", "CHF"),
            term_start=dt.date(2026, 1, 1),
            term_end=dt.date(2027, 1, 1),
            country="CH",
        ),
        3,
        dt.date(2026, 7, 1),
    ).explain("en_US")
    assert "Total: CHF\xa03,070.03" in swiss


# -- every locale -------------------------------------------------------------------------

TABLE_LOCALES = sorted({locale for locale, _ in ICU})
ALL_LOCALES = sorted(code for code in locale_identifiers() if code != "root")
locales = st.one_of(st.sampled_from(TABLE_LOCALES), st.sampled_from(ALL_LOCALES))


@given(decimals(max_places=4, max_units=10**15), currencies, locales, rounding_modes)
def test_formatting_never_raises_and_shows_the_rounded_digits(amount, currency, locale, mode):
    value = Money(amount, currency)
    rounded = value.round(mode)
    shown = value.format(Locale.parse(locale), rounding=mode)
    digits_shown = "".join(character for character in shown if character in "0123456789")
    assert digits_shown == format(abs(rounded.amount), "f").replace(".", "")
    # The integer part is grouped exactly when it has CLDR's minimum beyond the first group.
    rules = _currency_rules(Locale.parse(locale))
    first = min(index for index, char in enumerate(shown) if char in "0123456789")
    last = max(index for index, char in enumerate(shown) if char in "0123456789")
    integer_shown = shown[first : last + 1].partition(rules.decimal)[0]
    integer = format(abs(rounded.amount), "f").partition(".")[0]
    assert integer_shown.replace(rules.separator, "") == integer
    grouped = rules.separator in integer_shown
    assert grouped == (len(integer) >= rules.primary + rules.minimum)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        # ICU 78.2 (CLDR 48.0): new Intl.NumberFormat(locale).format(n), for 365, 1234, 12345,
        # 1234567.
        ("es", ["365", "1234", "12.345", "1.234.567"]),
        ("it", ["365", "1234", "12.345", "1.234.567"]),
        ("en", ["365", "1,234", "12,345", "1,234,567"]),
        ("fr_FR", ["365", "1\u202f234", "12\u202f345", "1\u202f234\u202f567"]),
        ("de_CH", ["365", "1'234", "12'345", "1'234'567"]),
        ("en_IN", ["365", "1,234", "12,345", "12,34,567"]),
    ],
)
def test_counts_are_grouped_as_cldr_groups_them(locale, expected):
    where = check_locale(locale)
    assert [format_decimal(n, where) for n in (365, 1234, 12345, 1234567)] == expected


# -- babel's format= and format_type=, passed through -------------------------------------------

FORMATS = ("standard", "accounting", "name")


@pytest.mark.parametrize(
    ("locale", "currency", "amount", "format_type", "expected"),
    [
        ("en_US", "USD", "-1234.5", "accounting", "($1,234.50)"),
        ("en_US", "USD", "1234.5", "accounting", "$1,234.50"),
        ("fr_FR", "EUR", "-1234567.5", "accounting", "(1\u202f234\u202f567,50\xa0€)"),
        # Spanish accounting has no parentheses and keeps minimum grouping digits.
        ("es_ES", "EUR", "-1234.5", "accounting", "-1234,50\xa0€"),
        ("en_US", "CHF", "-1234.5", "accounting", "(CHF\xa01,234.50)"),
        ("en_US", "USD", "1234.5", "name", "1,234.50 US dollars"),
        ("en", "USD", "1", "name", "1.00 US dollars"),
        ("en", "JPY", "1", "name", "1 Japanese yen"),
        ("es_ES", "EUR", "1234.5", "name", "1234,50 euros"),
        ("en_IN", "INR", "1234567.5", "name", "12,34,567.50 Indian rupees"),
        # The name form writes a number: the number's separators, not the currency's.
        ("fr_CH", "CHF", "1234.5", "name", "1'234,50 francs suisses"),
    ],
)
def test_format_types_keep_the_corrections_that_apply(
    locale, currency, amount, format_type, expected
):
    assert Money(amount, currency).format(locale, format_type=format_type) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("#,##0.00 ¤¤", "1,234,567.50 EUR"),
        ("0.00 ¤", "1234567.50 €"),
        ("¤#,##0.00", "€1,234,567.50"),
        ("#,##,##0.00 ¤", "12,34,567.50 €"),
    ],
)
def test_a_given_pattern_sets_the_groups(pattern, expected):
    assert Money("1234567.5", "EUR").format("en_US", format=pattern) == expected


def test_a_pattern_rounds_with_seatcalc_not_babel():
    # babel alone would round 2.675 half-even; seatcalc rounds half-up first, once.
    assert Money("2.675", "USD").format("en_US", format="¤#,##0.00") == "$2.68"
    assert Money("2.675", "USD").format("en_US", format_type="name") == "2.68 US dollars"


def test_an_unknown_format_type_or_pattern_is_refused():
    with pytest.raises(InvalidValueError) as caught:
        Money("1", "USD").format("en", format_type="long")
    assert caught.value.field == "format_type"
    assert caught.value.code == "UNKNOWN_CHOICE"
    with pytest.raises(InvalidTypeError) as wrong:
        Money("1", "USD").format("en", format=12)  # type: ignore[arg-type]
    assert wrong.value.field == "format"


@given(decimals(max_places=4, max_units=10**15), currencies, locales, st.sampled_from(FORMATS))
def test_every_format_type_shows_the_rounded_digits(amount, currency, locale, format_type):
    # Each form writes every digit of the amount rounded once, and only those: the corrections
    # regroup and respace, they never add or drop a digit.
    money = Money(amount, currency)
    shown = money.format(Locale.parse(locale), format_type=format_type)
    digits_shown = "".join(character for character in shown if character in "0123456789")
    assert digits_shown == format(abs(money.round().amount), "f").replace(".", "")
    if format_type != "name":  # a currency's name may hold a hyphen (won sud-coréen)
        negative = "(" in shown or "-" in shown or "\u2212" in shown
        assert negative == (money.round().amount < 0)

"""Money formatted as CLDR says: babel, corrected where babel 2.19 leaves CLDR out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from babel import Locale
from babel.core import get_cldr_version
from babel.localedata import locale_identifiers

from seatcalc._numbers import CLDR_VERSION, MINIMUM_GROUPING_DIGITS, SOURCE

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

"""The catalogs of the written explanations: complete, consistent and compiled."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from seatcalc._explain import MESSAGE_IDS
from seatcalc._i18n import LOCALE_DIR

SOURCE_DIR = Path(__file__).resolve().parent.parent / "src" / "seatcalc" / "locale"
LANGUAGES = ("en", "fr", "de", "es", "it")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s")


def catalog(language):
    with (SOURCE_DIR / language / "LC_MESSAGES" / "explain.po").open("rb") as source:
        return read_po(source, locale=language, domain="explain")


def singular(message):
    return message.id[0] if isinstance(message.id, tuple) else message.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_translates_exactly_the_message_ids(language):
    messages = [message for message in catalog(language) if message.id]
    assert sorted(singular(message) for message in messages) == sorted(MESSAGE_IDS)
    for message in messages:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message.id
        assert not message.fuzzy, message.id
        if language != "en":
            assert singular(message) not in strings, message.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_agree_with_english(language):
    for message in catalog(language):
        if not message.id:
            continue
        expected = sorted(PLACEHOLDER.findall(singular(message)))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert sorted(PLACEHOLDER.findall(text)) == expected, text
            assert "%" not in PLACEHOLDER.sub("", text), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_keep_the_colon_the_table_splits_on(language):
    for message in catalog(language):
        if message.id and singular(message).split(" ", 1)[0].endswith(":"):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(": " in text and " :" not in text for text in strings), strings


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_mo_is_not_stale(language):
    # Rebuild after editing a .po: python tools/compile_catalogs.py
    out = io.BytesIO()
    write_mo(out, catalog(language), use_fuzzy=False)
    assert (SOURCE_DIR / language / "LC_MESSAGES" / "explain.mo").read_bytes() == out.getvalue()
    assert (LOCALE_DIR / language / "LC_MESSAGES" / "explain.mo").read_bytes() == out.getvalue()

"""Localized eligibility messages: the gettext catalogs and what they produce."""

# French and Italian are written with typographic apostrophes (U+2019).
# ruff: noqa: RUF001

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from seatcalc import CHANNELS, InvalidTypeError, InvalidValueError, Reason, ReasonCode
from seatcalc._i18n import LOCALE_DIR as _LOCALE_DIR
from seatcalc._messages import MESSAGE_IDS as _MESSAGE_IDS
from seatcalc.reasons import _FACTS

SOURCE_DIR = Path(__file__).resolve().parent.parent / "src" / "seatcalc" / "locale"
LANGUAGES = ("en", "fr", "de", "es", "it")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")

# One reason per code (and per channel for the channel rule), with facts a reader can check.
EXAMPLES = [
    Reason(
        "OUTSIDE_TERM",
        {
            "on": dt.date(2027, 2, 1),
            "term_start": dt.date(2026, 1, 1),
            "term_end": dt.date(2027, 1, 1),
        },
    ),
    *(
        Reason("CHANNEL_NOT_DIRECT", {"channel": channel, "allowed_channels": ()})
        for channel in CHANNELS
    ),
    Reason("REGION_NOT_SUPPORTED", {"country": "AU", "allowed": ("US", "CA", "150")}),
    Reason("REGION_EXCLUDED", {"country": "RU", "excluded_by": ("RU",)}),
    Reason(
        "PURCHASED_BEFORE_CUTOFF",
        {"purchased_on": dt.date(2015, 3, 9), "cutoff": dt.date(2016, 1, 1)},
    ),
    Reason("PRODUCT_EXCLUDED", {"product": "Maya"}),
    Reason("PLAN_EXCLUDED", {"plan": "edu"}),
    Reason("AUTO_RENEW_OFF", {"auto_renew": False}),
    Reason("SEAT_LIMIT_REACHED", {"seats": 1200, "max_seats": 1000}),
    Reason("SEAT_LIMIT_EXCEEDED", {"seats": 8, "adding": 3, "max_seats": 10}),
]


def example(code: str) -> Reason:
    return next(reason for reason in EXAMPLES if reason.code == code)


def catalog(language: str):
    with (SOURCE_DIR / language / "LC_MESSAGES" / "seatcalc.po").open("rb") as source:
        return read_po(source, locale=language, domain="seatcalc")


def compiled(language: str) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog(language), use_fuzzy=False)
    return out.getvalue()


def test_every_language_is_shipped_with_a_compiled_catalog():
    shipped = {path.parent.parent.name for path in _LOCALE_DIR.glob("*/LC_MESSAGES/seatcalc.mo")}
    assert set(LANGUAGES) <= shipped
    sources = {path.parent.parent.name for path in SOURCE_DIR.glob("*/LC_MESSAGES/seatcalc.po")}
    assert sources == set(LANGUAGES)


def test_the_examples_cover_every_code():
    assert {reason.code for reason in EXAMPLES} == set(ReasonCode)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_translates_exactly_the_message_ids(language):
    messages = [message for message in catalog(language) if message.id]
    assert sorted(message.id for message in messages) == sorted(_MESSAGE_IDS)
    for message in messages:
        assert message.string, message.id
        assert not message.fuzzy, message.id
        if PLACEHOLDER.search(message.id):
            assert "python-format" in message.flags, message.id
        if language != "en":
            assert message.string != message.id, message.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_agree_with_english_and_with_the_facts(language):
    for message in catalog(language):
        if not message.id:
            continue
        assert sorted(PLACEHOLDER.findall(message.string)) == sorted(
            PLACEHOLDER.findall(message.id)
        ), message.id
        # Every placeholder is a fact of the code the message belongs to.
        (comment,) = message.auto_comments  # the code, e.g. "CHANNEL_NOT_DIRECT, channel direct"
        code = ReasonCode(comment.split(",")[0])
        assert set(PLACEHOLDER.findall(message.id)) <= set(_FACTS[code])
        assert "%" not in PLACEHOLDER.sub("", message.string)  # no stray or positional formats


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_mo_is_not_stale(language):
    # Rebuild after editing a .po: python tools/compile_catalogs.py
    mo_path = SOURCE_DIR / language / "LC_MESSAGES" / "seatcalc.mo"
    assert mo_path.read_bytes() == compiled(language)
    installed = _LOCALE_DIR / language / "LC_MESSAGES" / "seatcalc.mo"
    assert installed.read_bytes() == compiled(language)


def test_the_staleness_check_notices_an_edit(tmp_path):
    text = (SOURCE_DIR / "de" / "LC_MESSAGES" / "seatcalc.po").read_text(encoding="utf-8")
    edited = tmp_path / "seatcalc.po"
    edited.write_text(text.replace("Lizenzplätze", "Plätze", 1), encoding="utf-8")
    with edited.open("rb") as source:
        out = io.BytesIO()
        write_mo(out, read_po(source, locale="de"), use_fuzzy=False)
    assert out.getvalue() != compiled("de")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reason", EXAMPLES, ids=lambda reason: f"{reason.code}")
def test_every_code_has_a_message_in_every_language(language, reason):
    text = reason.message(language)
    assert text.strip()
    assert "%(" not in text
    if language != "en":
        assert text != reason.message("en")


def test_worked_messages_in_each_language():
    reason = example("REGION_NOT_SUPPORTED")  # Australia; allowed US, CA, 150
    assert reason.message("en") == (
        "Seats can be added self-service only for customers in one of these places: "
        "Canada, Europe, or United States. This subscription's country, Australia, is not one "
        "of them."
    )
    assert reason.message("fr") == (
        "L’ajout de postes en libre-service est réservé aux clients situés dans l’une des "
        "zones suivantes\u00a0: Canada, États-Unis ou Europe. Le pays de cet abonnement, "
        "Australie, n’en fait pas partie."
    )
    assert reason.message("de") == (
        "Lizenzplätze können per Self-Service nur von Kunden in folgenden Gebieten hinzugefügt "
        "werden: Europa, Kanada oder Vereinigte Staaten. Das Land dieses Abonnements, "
        "Australien, gehört nicht dazu."
    )
    cutoff = example("PURCHASED_BEFORE_CUTOFF")
    assert cutoff.message("es") == (
        "Solo se pueden añadir puestos por autoservicio a las suscripciones compradas a partir "
        "del 1 de enero de 2016; esta suscripción se compró el 9 de marzo de 2015."
    )
    assert cutoff.message("it") == (
        "L’aggiunta di postazioni in modalità self-service è riservata agli abbonamenti "
        "acquistati in data 1 gennaio 2016 o successiva; questo abbonamento è stato acquistato "
        "in data 9 marzo 2015."
    )
    # Names are shown as given, never as numbers.
    assert Reason("PRODUCT_EXCLUDED", {"product": "Maya"}).message() == (
        "Seats cannot be added self-service to subscriptions of this product (Maya)."
    )
    assert Reason("PLAN_EXCLUDED", {"plan": "edu"}).message("fr") == (
        "L’ajout de postes en libre-service n’est pas proposé pour les abonnements à cette "
        "formule (edu)."
    )
    # Counts are formatted for the reader: 1,200 in English, 1 200 in French.
    assert "1,200" in example("SEAT_LIMIT_REACHED").message("en")
    assert "1\u202f200" in example("SEAT_LIMIT_REACHED").message("fr")


def test_a_regional_locale_falls_back_to_its_language_then_to_english():
    reason = example("REGION_NOT_SUPPORTED")
    assert reason.message("fr_CA") == reason.message("fr")
    assert reason.message("de_CH").startswith("Lizenzplätze")
    assert reason.message(Locale("it", "CH")) == reason.message("it")
    # No Portuguese catalog: English throughout, names and dates included, never a mixture.
    assert reason.message("pt_BR") == reason.message("en")
    assert example("OUTSIDE_TERM").message("ja") == example("OUTSIDE_TERM").message("en")


def test_a_bad_locale_is_refused():
    with pytest.raises(InvalidValueError, match="locale: got 'xx_YY'"):
        EXAMPLES[0].message("xx_YY")
    with pytest.raises(InvalidTypeError, match="locale: got 7"):
        EXAMPLES[0].message(7)  # type: ignore[arg-type]

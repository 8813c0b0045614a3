"""Locales, message catalogs and number formatting for people, imported on first use only.

Importing seatcalc loads no catalog and no locale data: the modules that write for people import
this one inside the functions that need it.

babel formats numbers with Decimal operations in the thread's current :mod:`decimal` context.
:func:`format_currency` and :func:`format_decimal` run it in a private context, so a caller's
precision, rounding or traps never change what seatcalc writes, and its flags stay as they were.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from pathlib import Path
from typing import Final

import babel.numbers
from babel.core import Locale, UnknownLocaleError

from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.rounding import round_ratio

__all__ = [
    "DOMAIN",
    "EXPLAIN_DOMAIN",
    "LOCALE_DIR",
    "catalog",
    "check_locale",
    "format_currency",
    "format_decimal",
    "format_percent",
    "sort_key",
]

#: Where the compiled catalogs ship: ``locale/<language>/LC_MESSAGES/seatcalc.mo``.
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
#: The gettext domain of seatcalc's eligibility messages.
DOMAIN: Final = "seatcalc"
#: The gettext domain of the written explanations.
EXPLAIN_DOMAIN: Final = "explain"

# A plain locale identifier: language, then optional script, territory and variant, separated
# by "_" or "-".  No "@modifier", no ".encoding", no path characters: the name reaches gettext's
# file lookup.
_LOCALE_NAME: Final = re.compile(
    r"[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?(?:[_-](?:[A-Za-z]{2}|[0-9]{3}))?(?:[_-][A-Za-z0-9]{4,8})?",
    re.ASCII,
)
_LOCALE_EXPECTED: Final = "a locale CLDR knows, such as 'en', 'fr_FR' or 'de-CH'"
# babel's formatting context: wide enough for every amount seatcalc holds, default rounding
# (seatcalc rounds before it formats), no traps but invalid operations.
_FORMAT_CONTEXT: Final = Context(prec=100, rounding=ROUND_HALF_EVEN, traps=[])


def check_locale(locale: object, field: str = "locale") -> Locale:
    """Return ``locale`` as a babel :class:`~babel.core.Locale`, or raise naming the field.

    A name is accepted only if it is a plain identifier (``fr_FR``, ``de-CH``, ``zh_Hant_TW``)
    that CLDR knows.
    """
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        raise InvalidTypeError(field=field, value=locale, expected=_LOCALE_EXPECTED)
    if _LOCALE_NAME.fullmatch(locale):
        try:
            return Locale.parse(locale.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            pass
    raise InvalidValueError(
        field=field, value=locale, expected=_LOCALE_EXPECTED, code=ErrorCode.UNKNOWN_LOCALE
    )


def format_currency(amount: Decimal, currency: str, locale: Locale) -> str:
    """Format an amount (already rounded) for ``locale``, without rounding it again."""
    with localcontext(_FORMAT_CONTEXT):
        return babel.numbers.format_currency(
            amount, currency, locale=locale, decimal_quantization=False
        )


def format_decimal(number: int | Decimal, locale: Locale) -> str:
    """Format a number for ``locale`` (``1,234`` in English, ``1 234`` in French)."""
    with localcontext(_FORMAT_CONTEXT):
        return babel.numbers.format_decimal(number, locale=locale, decimal_quantization=False)


def format_percent(part: int, whole: int, locale: Locale) -> str:
    """Format ``part / whole`` as a whole percentage, rounded half up (``20%``, ``20 %``)."""
    percent = round_ratio(part * 100, whole, ROUND_HALF_UP)
    with localcontext(_FORMAT_CONTEXT) as context:
        share = context.scaleb(Decimal(percent), -2)
        return babel.numbers.format_percent(share, locale=locale, decimal_quantization=False)


@functools.cache
def catalog(locale: str, domain: str = DOMAIN) -> tuple[gettext.NullTranslations, Locale]:
    """Return the catalog for ``locale`` and the locale its messages are written for.

    ``fr_CA`` uses the French catalog and keeps ``fr_CA`` for names and dates; a locale with no
    catalog of its language gets English throughout, so a message never mixes two languages.
    Memoised per locale name: the catalogs are files shipped with the package and do not change
    while a process runs.  ``locale`` is the name of a :class:`~babel.core.Locale` that
    :func:`check_locale` accepted.
    """
    from babel.support import Translations  # noqa: PLC0415 - loaded with the first message

    found = Translations.load(LOCALE_DIR, [locale], domain=domain)
    if isinstance(found, Translations):
        return found, Locale.parse(locale)
    return Translations.load(LOCALE_DIR, ["en"], domain=domain), Locale("en")


def sort_key(name: str) -> str:
    """Order names as a reader expects: accents and case ignored (Etats-Unis near Europe)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()

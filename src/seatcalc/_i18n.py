"""Message catalogs and locale helpers, imported on first use only.

Importing seatcalc loads no catalog and no locale data: the modules that write messages for
people import this one inside the functions that need it.
"""

from __future__ import annotations

import functools
import gettext
import unicodedata
from pathlib import Path
from typing import Final

from babel.core import Locale
from babel.support import Translations

__all__ = ["DOMAIN", "EXPLAIN_DOMAIN", "LOCALE_DIR", "catalog", "sort_key"]

#: Where the compiled catalogs ship: ``locale/<language>/LC_MESSAGES/seatcalc.mo``.
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
#: The gettext domain of seatcalc's eligibility messages.
DOMAIN: Final = "seatcalc"
#: The gettext domain of the quote's explanation.
EXPLAIN_DOMAIN: Final = "explain"


@functools.cache
def catalog(locale: str, domain: str = DOMAIN) -> tuple[gettext.NullTranslations, Locale]:
    """Return the catalog for ``locale`` and the locale its messages are written for.

    ``fr_CA`` uses the French catalog and keeps ``fr_CA`` for names and dates; a locale with no
    catalog of its language gets English throughout, so a message never mixes two languages.
    Memoised per locale name: the catalogs are files shipped with the package and do not change
    while a process runs.
    """
    found = Translations.load(LOCALE_DIR, [locale], domain=domain)
    if isinstance(found, Translations):
        return found, Locale.parse(locale)
    return Translations.load(LOCALE_DIR, ["en"], domain=domain), Locale("en")


def sort_key(name: str) -> str:
    """Order names as a reader expects: accents and case ignored (Etats-Unis near Europe)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()

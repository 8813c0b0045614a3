"""The sentences of eligibility reasons, in the reader's language (imported on first use).

The English sentences are gettext message ids of the ``seatcalc`` domain; the catalogs in
``seatcalc/locale`` translate them.  A reason's facts fill the placeholders, written for the
reader: country names and dates by babel, counts with the locale's digits grouping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from babel.core import Locale

from seatcalc._i18n import catalog
from seatcalc.policy import EUROPE_CODES

__all__ = ["CHANNEL_MESSAGES", "MESSAGES", "MESSAGE_IDS", "reason_message"]

MESSAGES: Final[dict[str, str]] = {
    "OUTSIDE_TERM": (
        "Seats can be added only during the current term, from %(term_start)s until its "
        "renewal on %(term_end)s; %(on)s is outside that term."
    ),
    "REGION_NOT_SUPPORTED": (
        "Seats can be added self-service only for customers in one of these places: "
        "%(allowed)s. This subscription's country, %(country)s, is not one of them."
    ),
    "REGION_EXCLUDED": (
        "Seats cannot be added self-service in this subscription's country (%(country)s)."
    ),
    "PURCHASED_BEFORE_CUTOFF": (
        "Seats can be added self-service only to subscriptions bought on or after "
        "%(cutoff)s; this subscription was bought on %(purchased_on)s."
    ),
    "PRODUCT_EXCLUDED": (
        "Seats cannot be added self-service to subscriptions of this product (%(product)s)."
    ),
    "PLAN_EXCLUDED": (
        "Seats cannot be added self-service to subscriptions on this plan (%(plan)s)."
    ),
    "AUTO_RENEW_OFF": (
        "Seats can be added self-service only to subscriptions that renew automatically; "
        "turn on auto-renewal for this subscription first."
    ),
    "SEAT_LIMIT_REACHED": (
        "Seats can be added self-service only while a subscription has fewer than "
        "%(max_seats)s of them; this subscription has %(seats)s."
    ),
    "SEAT_LIMIT_EXCEEDED": (
        "Self-service allows at most %(max_seats)s seats per subscription; adding %(adding)s to "
        "the %(seats)s this subscription has would go beyond that."
    ),
}
CHANNEL_MESSAGES: Final[dict[str, str]] = {
    "reseller": (
        "Seats can be added self-service only to subscriptions bought directly from the "
        "vendor's web store; this subscription was bought through a reseller or partner."
    ),
    "direct": (
        "Seats can be added self-service only to subscriptions bought through a reseller or "
        "partner; this subscription was bought directly from the vendor's web store."
    ),
}
# Every message id the catalogs must translate.
MESSAGE_IDS: Final = (*MESSAGES.values(), *CHANNEL_MESSAGES.values())


def _territory(code: str, where: Locale) -> str:
    name: str | None = where.territories.get(code)
    return name if name is not None else code


def _render(facts: Mapping[str, object], where: Locale) -> dict[str, str]:
    """Return the facts as a reader of ``where`` sees them in a message."""
    from babel.dates import format_date  # noqa: PLC0415 - locale formatting loads on first use
    from babel.lists import format_list  # noqa: PLC0415

    from seatcalc._i18n import format_decimal, sort_key  # noqa: PLC0415

    shown: dict[str, str] = {}
    for name, value in facts.items():
        if isinstance(value, dt.date):
            shown[name] = format_date(value, format="long", locale=where)
        elif name == "country":
            shown[name] = _territory(str(value), where)
        elif name in {"allowed", "excluded_by"} and isinstance(value, tuple):
            codes = set(value)
            if codes >= EUROPE_CODES:  # said as a customer says it: "Europe"
                codes = (codes - EUROPE_CODES) | {"150"}
            names = sorted((_territory(code, where) for code in codes), key=sort_key)
            shown[name] = format_list(names, style="or", locale=where) if names else ""
        elif isinstance(value, tuple):
            shown[name] = ", ".join(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[name] = format_decimal(value, where)
        else:
            shown[name] = str(value)
    return shown


def reason_message(code: str, facts: Mapping[str, object], where: Locale) -> str:
    """Return the sentence of a reason with ``code`` and ``facts`` for a reader of ``where``."""
    if code == "CHANNEL_NOT_DIRECT":
        template = CHANNEL_MESSAGES[str(facts["channel"])]
    else:
        template = MESSAGES[code]
    translations, written_for = catalog(str(where))
    text: str = translations.gettext(template)
    return text % _render(facts, written_for)

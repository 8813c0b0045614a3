"""What every written explanation shares: the reader's catalog and notation, and common lines.

An explanation is a title line, then one ``Label: value`` line per fact, so a person can redo the
arithmetic by hand and a notebook can show it as a two-column table (:func:`seatcalc._html.
explanation`).  The labels are gettext messages of the ``explain`` domain; numbers, amounts and
dates are written by babel for the reader's locale.  The modules that write explanations import
this one on first use: importing seatcalc loads no catalog and no locale data.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from itertools import groupby
from typing import TYPE_CHECKING

from babel.core import Locale
from babel.dates import format_date, format_datetime
from babel.lists import format_list

from seatcalc._i18n import EXPLAIN_DOMAIN, catalog, format_currency, format_decimal
from seatcalc.money import Money

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "EXACT",
    "FRACTION",
    "MESSAGE_IDS",
    "MODE_NAMES",
    "PERIOD",
    "PER_SEAT",
    "RENEWAL_DATES",
    "TERM",
    "TERM_END",
    "TOTAL",
    "UNIT_PRICE",
    "Writer",
    "mark",
]


def mark(message: str) -> str:
    """Mark a message for translation (the catalog is looked up when it is used)."""
    return message


# Plural messages: (singular, plural).
UNIT_PRICE = (
    "Unit price: %(price)s per seat for a billing period of %(months)s month",
    "Unit price: %(price)s per seat for a billing period of %(months)s months",
)
REMAINING = {
    "day": (
        "Time remaining: %(remaining)s of %(total)s day (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s days (convention %(convention)s)",
    ),
    "second": (
        "Time remaining: %(remaining)s of %(total)s second (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s seconds (convention %(convention)s)",
    ),
    "millisecond": (
        "Time remaining: %(remaining)s of %(total)s millisecond (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s milliseconds (convention %(convention)s)",
    ),
    "30/360 day": (
        "Time remaining: %(remaining)s of %(total)s day counted 30/360 (convention %(convention)s)",
        (
            "Time remaining: %(remaining)s of %(total)s days counted 30/360 "
            "(convention %(convention)s)"
        ),
    ),
    "month": (
        "Time remaining: %(remaining)s of %(total)s month (convention %(convention)s)",
        "Time remaining: %(remaining)s of %(total)s months (convention %(convention)s)",
    ),
}
ROUNDING = (
    "Rounding: once, on the total, to %(digits)s decimal place, %(mode)s (%(mode_name)s)",
    "Rounding: once, on the total, to %(digits)s decimal places, %(mode)s (%(mode_name)s)",
)
ROUNDING_PER_SEAT = (
    (
        "Rounding: the price of each seat, to %(digits)s decimal place, %(mode)s "
        "(%(mode_name)s), then times the seats"
    ),
    (
        "Rounding: the price of each seat, to %(digits)s decimal places, %(mode)s "
        "(%(mode_name)s), then times the seats"
    ),
)
RENEWAL_DATES = (
    "Renewal dates: every %(months)s month from the anchor %(anchor)s",
    "Renewal dates: every %(months)s months from the anchor %(anchor)s",
)
# Singular messages.
PERIOD = mark("Billing period: %(start)s to %(end)s")
TERM = mark("Term: %(start)s to %(end)s")
TERM_END = mark("Term end: %(end)s")
FRACTION = mark("Fraction: %(fraction)s")
EXACT = mark("Exact amount: %(seats)s × %(price)s × %(fraction)s = %(exact)s")
TOTAL = mark("Total: %(total)s")
PER_SEAT = mark("Per seat: %(lines)s")
COUNTING = mark("Counting: convention %(convention)s, rounding %(mode)s (%(mode_name)s)")
MODE_NAMES = {
    "ROUND_HALF_UP": mark("half up"),
    "ROUND_HALF_EVEN": mark("half to even"),
    "ROUND_HALF_DOWN": mark("half down"),
    "ROUND_UP": mark("away from zero"),
    "ROUND_DOWN": mark("toward zero"),
    "ROUND_CEILING": mark("up"),
    "ROUND_FLOOR": mark("down"),
    "ROUND_05UP": mark("toward zero, unless that ends in 0 or 5"),
}

#: The message ids of this module: singular ids, and the plural pairs' singulars.
MESSAGE_IDS: tuple[str, ...] = (
    UNIT_PRICE[0],
    *(pair[0] for pair in REMAINING.values()),
    ROUNDING[0],
    ROUNDING_PER_SEAT[0],
    RENEWAL_DATES[0],
    PERIOD,
    TERM,
    TERM_END,
    FRACTION,
    EXACT,
    TOTAL,
    PER_SEAT,
    COUNTING,
    *MODE_NAMES.values(),
)

# Digits of an exact amount shown beyond the currency's minor unit.
_EXTRA_DIGITS = 10
# The names a list of names shows before it says how many more there are.
_LISTED = 10


class Writer:
    """The messages and the notation of one reader: the catalog of the locale's language.

    A locale whose language has no catalog reads English throughout, dates and numbers
    included, so a line never mixes two languages.
    """

    __slots__ = ("_gettext", "_ngettext", "locale")

    locale: Locale

    def __init__(self, where: Locale) -> None:
        """Load the catalog for ``where`` (a locale :func:`~seatcalc._i18n.check_locale` took)."""
        translations, self.locale = catalog(str(where), EXPLAIN_DOMAIN)
        self._gettext = translations.gettext
        self._ngettext = translations.ngettext

    def text(self, message: str, /, **values: object) -> str:
        """Return ``message`` translated, its placeholders filled with ``values``."""
        translated: str = self._gettext(message)
        return translated % values if values else translated

    def plural(self, pair: tuple[str, str], number: int, /, **values: object) -> str:
        """Return the form of ``pair`` for ``number``, its placeholders filled with ``values``."""
        translated: str = self._ngettext(pair[0], pair[1], number)
        return translated % values

    def day(self, value: dt.date) -> str:
        """Write a date in the locale's long form; an instant with its time and offset."""
        if isinstance(value, dt.datetime):
            return format_datetime(value, format="long", locale=self.locale)
        return format_date(value, format="long", locale=self.locale)

    def number(self, value: int | Fraction) -> str:
        """Write a count with the locale's digit grouping, a ratio as ``numerator/denominator``."""
        if isinstance(value, Fraction) and value.denominator != 1:
            return str(value)
        return format_decimal(int(value), self.locale)

    def amount(self, money: Money) -> str:
        """Write an amount with every digit it has, never rounded ($0.125, not $0.13)."""
        places = money.digits
        while not money.is_rounded(digits=places):
            places += 1
        return money.format(self.locale, digits=places)

    def exact(self, value: Fraction, currency: str) -> str:
        """Write an exact amount to 10 digits past the minor unit, with "…" if it goes on."""
        digits = Money.zero(currency).digits
        places = digits + _EXTRA_DIGITS
        units, rest = divmod(value.numerator * 10**places, value.denominator)
        while places > digits and units % 10 == 0:  # no trailing zeros past the minor unit
            units //= 10
            places -= 1
        amount = Money.from_minor(units, currency, digits=places).amount
        text = format_currency(amount, currency, self.locale)
        return _mark_cut(text) if rest else text

    def per_seat(self, lines: Iterable[Money]) -> str:
        """Write equal amounts grouped, larger first: ``2 × $604.93 + 1 × $604.92``."""
        groups = [(len(list(group)), amount) for amount, group in groupby(lines)]
        return " + ".join(
            f"{self.number(count)} × {self.amount(amount)}" for count, amount in groups
        )

    def rounding(self, mode: str, digits: int, *, per_seat: bool = False) -> str:
        """Write the rounding line: the mode, its name and the decimal places."""
        pair = ROUNDING_PER_SEAT if per_seat else ROUNDING
        return self.plural(
            pair, digits, digits=digits, mode=mode, mode_name=self.text(MODE_NAMES[mode])
        )

    def counting(self, convention: str, mode: str) -> str:
        """Write the convention and the rounding mode a plan is computed with."""
        return self.text(
            COUNTING, convention=convention, mode=mode, mode_name=self.text(MODE_NAMES[mode])
        )

    def territory(self, code: str) -> str:
        """Write a country or region by its name in the locale (its code if CLDR has none)."""
        name: str | None = self.locale.territories.get(code)
        return name if name is not None else code

    def names(self, names: tuple[str, ...], more: tuple[str, str]) -> str:
        """Write the first ten names as a list, then how many more there are (``more``)."""
        shown = list(names[:_LISTED])
        if len(names) > _LISTED:
            rest = len(names) - _LISTED
            shown.append(self.plural(more, rest, count=self.number(rest)))
        return format_list(shown, locale=self.locale)


def _mark_cut(text: str) -> str:
    """Put an ellipsis right after the last digit of a formatted amount that was cut short."""
    last = max(index for index, char in enumerate(text) if char.isdigit())
    return f"{text[: last + 1]}…{text[last + 1 :]}"

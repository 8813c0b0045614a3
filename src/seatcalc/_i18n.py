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

import attrs
import babel.numbers
from babel.core import Locale, UnknownLocaleError

from seatcalc._numbers import MINIMUM_GROUPING_DIGITS
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.rounding import round_ratio

__all__ = [
    "DOMAIN",
    "EXPLAIN_DOMAIN",
    "FORMAT_TYPES",
    "LOCALE_DIR",
    "catalog",
    "check_locale",
    "format_currency",
    "format_decimal",
    "format_percent",
    "minimum_grouping_digits",
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


#: The ``format_type`` values babel's ``format_currency`` takes.
FORMAT_TYPES: Final = ("standard", "accounting", "name")


def format_currency(
    amount: Decimal,
    currency: str,
    locale: Locale,
    *,
    format: str | None = None,  # noqa: A002 - babel's name for it
    format_type: str = "standard",
) -> str:
    """Format an amount (already rounded) for ``locale``, without rounding it again.

    ``format`` (a CLDR number pattern such as ``"#,##0.00 ¤¤"``) and ``format_type``
    (``"standard"``, ``"accounting"`` or ``"name"``) are babel's, passed through.

    babel writes the amount with its pattern, sign and currency symbol, its digits ungrouped;
    seatcalc then applies the parts of CLDR that babel 2.19 leaves out, as ICU does:

    * grouping with CLDR's minimum grouping digits (``1234,50 €`` but ``12.345,50 €`` in
      Spanish) and the pattern's group sizes (``12,34,567.89`` in Indian English);
    * the currency decimal and group separators that replace the number's in currency formats
      (``1'234.50 CHF`` in Swiss French, where other numbers are written ``1'234,5``);
    * currency spacing: a no-break space between a digit and a currency symbol that ends, or
      starts, with a letter (``CHF 1,234.50``, ``-SEK 1,234.50``), never before a sign.

    Writing the groups itself also keeps an apostrophe group separator (Swiss German
    ``1'234'567.89``) away from babel's removal of quoted pattern text.

    The corrections follow the pattern that is used: the groups are the sizes of the given
    ``format`` (none if it has no ``,``) or of the locale's accounting pattern.  The ``"name"``
    form (``1,234.50 US dollars``) is a number followed by the currency's name, so it takes the
    number's separators and decimal pattern, and needs no currency spacing.
    """
    with localcontext(_FORMAT_CONTEXT):
        text = babel.numbers.format_currency(
            amount,
            currency,
            format=format,
            locale=locale,
            decimal_quantization=False,
            group_separator=False,
            format_type=format_type,  # type: ignore[arg-type]
        )
    rules = _currency_rules(locale, format, format_type)
    number = rules.number.search(text)
    if number is None:  # babel always writes digits; nothing to correct without them
        return text
    integer, fraction = number.group("integer", "fraction")
    written = rules.group(integer) + ("" if fraction is None else rules.decimal + fraction)
    before, after = text[: number.start()], text[number.end() :]
    if format_type == "name":
        return before + written + after
    symbol = babel.numbers.get_currency_symbol(currency, locale)
    if symbol and before.endswith(symbol) and _spaced(symbol[-1]):
        before += _CURRENCY_SPACE
    if symbol and after.startswith(symbol) and _spaced(symbol[0]):
        after = _CURRENCY_SPACE + after
    return before + written + after


# CLDR's currencySpacing, the same in every locale of CLDR 48: insertBetween, put between a
# digit and a currency symbol whose touching character matches currencyMatch.
_CURRENCY_SPACE: Final = "\N{NO-BREAK SPACE}"


def _spaced(char: str) -> bool:
    """Whether a currency symbol's character next to a digit calls for currency spacing.

    CLDR's ``currencyMatch`` is ``[[:^S:]&[:^Z:]]``: neither a symbol (``$``, ``€``, ``£``) nor
    a separator; a letter (``CHF``, ``kr``) or a dot (``Fr.``) is.
    """
    return unicodedata.category(char)[0] not in "SZ"


@attrs.frozen
class _NumberRules:
    """What a locale's number or currency format needs beyond babel, read once per locale."""

    #: The number as babel writes it with ``group_separator=False``: integer digits, then
    #: optionally the decimal symbol and the fraction digits.
    number: re.Pattern[str]
    #: The decimal and group separators of currency amounts (``currencyDecimal`` and
    #: ``currencyGroup`` where the locale has them).
    decimal: str
    separator: str
    #: The pattern's primary and secondary group sizes (3 and 2 in ``#,##,##0.00``).
    primary: int
    secondary: int
    #: CLDR's ``minimumGroupingDigits``.
    minimum: int

    def group(self, digits: str) -> str:
        """Group an integer part as ICU does: only if it has ``primary + minimum`` digits."""
        if len(digits) < self.primary + self.minimum:
            return digits
        groups = [digits[-self.primary :]]
        rest = digits[: -self.primary]
        while len(rest) > self.secondary:
            groups.append(rest[-self.secondary :])
            rest = rest[: -self.secondary]
        groups.append(rest)
        return self.separator.join(reversed(groups))


@functools.lru_cache(maxsize=64)
def _currency_rules(
    locale: Locale,
    format: str | None = None,  # noqa: A002 - babel's name for it
    format_type: str = "standard",
) -> _NumberRules:
    """Read a locale's currency-format rules from babel's data and the generated CLDR table."""
    symbols = locale.number_symbols["latn"]  # babel formats with latn unless told otherwise
    decimal = babel.numbers.get_decimal_symbol(locale, numbering_system="latn")
    group = babel.numbers.get_group_symbol(locale, numbering_system="latn")
    if format is not None:
        pattern = babel.numbers.parse_pattern(format)
    elif format_type == "name":
        pattern = locale.decimal_formats[None]
    else:
        pattern = locale.currency_formats[format_type]
    primary, secondary = pattern.grouping
    is_name = format_type == "name"
    return _NumberRules(
        number=re.compile(f"(?P<integer>[0-9]+)(?:{re.escape(decimal)}(?P<fraction>[0-9]+))?"),
        decimal=decimal if is_name else symbols.get("currencyDecimal", decimal),
        separator=group if is_name else symbols.get("currencyGroup", group),
        primary=primary,
        secondary=secondary,
        minimum=minimum_grouping_digits(locale),
    )


def minimum_grouping_digits(locale: Locale) -> int:
    """Return CLDR's ``minimumGroupingDigits`` for ``locale``: 2 for ``es``, 1 for ``es_MX``.

    The generated table holds the exceptions; a locale it does not name takes its language's
    value, else 1.
    """
    code = "_".join(
        part for part in (locale.language, locale.script, locale.territory, locale.variant) if part
    )
    table = MINIMUM_GROUPING_DIGITS
    return table.get(code, table.get(locale.language, 1))


def format_decimal(number: int | Decimal, locale: Locale) -> str:
    """Format a number for ``locale`` (``1,234`` in English, ``1 234`` in French).

    Digits are grouped as :func:`format_currency` groups them, with the decimal pattern's group
    sizes and CLDR's minimum grouping digits (``1234`` seats but ``12.345`` in Spanish).
    """
    with localcontext(_FORMAT_CONTEXT):
        text = babel.numbers.format_decimal(
            number, locale=locale, decimal_quantization=False, group_separator=False
        )
    rules = _decimal_rules(locale)
    found = rules.number.search(text)
    if found is None:
        return text
    integer, fraction = found.group("integer", "fraction")
    written = rules.group(integer) + ("" if fraction is None else rules.decimal + fraction)
    return text[: found.start()] + written + text[found.end() :]


@functools.lru_cache(maxsize=64)
def _decimal_rules(locale: Locale) -> _NumberRules:
    """Read a locale's rules for plain numbers (no currency decimal or group separators)."""
    decimal = babel.numbers.get_decimal_symbol(locale, numbering_system="latn")
    group = babel.numbers.get_group_symbol(locale, numbering_system="latn")
    primary, secondary = locale.decimal_formats[None].grouping
    return _NumberRules(
        number=re.compile(f"(?P<integer>[0-9]+)(?:{re.escape(decimal)}(?P<fraction>[0-9]+))?"),
        decimal=decimal,
        separator=group,
        primary=primary,
        secondary=secondary,
        minimum=minimum_grouping_digits(locale),
    )


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

"""Money for people to read: :meth:`Money.format <seatcalc.Money.format>` and its explanation.

:class:`MoneyText` is a base of :class:`~seatcalc.Money` that holds the methods which write an
amount for a reader: formatted in a locale by babel after one named rounding, or explained line
by line.  babel and the locale data are imported when a method is first called.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Self, cast

from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from babel.core import Locale

    from seatcalc.minor_units import MinorUnitsLike
    from seatcalc.money import Money

__all__ = ["MoneyText"]


class MoneyText:
    """Money's presentation methods (a base of :class:`~seatcalc.Money`, which documents them)."""

    __slots__ = ()

    if TYPE_CHECKING:
        amount: Decimal
        currency: str

        def round(
            self,
            rounding: str = ...,
            *,
            digits: int | None = ...,
            minor_units: MinorUnitsLike = ...,
        ) -> Self: ...

    def format(
        self,
        locale: str | Locale = "en",
        *,
        rounding: str = ROUND_HALF_UP,
        digits: int | None = None,
        minor_units: MinorUnitsLike = None,
        format: str | None = None,  # noqa: A002 - babel's name for it
        format_type: str = "standard",
    ) -> str:
        r"""Format for people in ``locale``, after rounding once with seatcalc's ``rounding``.

        babel's own formatter would round half-even to the currency's digits; seatcalc rounds
        first, with the mode you name, and tells babel not to round again.  The text then follows
        CLDR where babel leaves it out: minimum grouping digits, currency spacing and the
        currency decimal and group separators (the "Formatting for people" documentation).

        ``format`` (a CLDR number pattern) and ``format_type`` (``"standard"``,
        ``"accounting"``: negative amounts in parentheses where the locale says so, or
        ``"name"``: the currency's name) are passed to babel.

        >>> from seatcalc import Money
        >>> Money("1234.565", "USD").format("en_US")
        '$1,234.57'
        >>> Money("1234567.891", "EUR").format("fr_FR")
        '1\u202f234\u202f567,89\xa0€'
        >>> Money("1234567", "JPY").format("ja_JP")
        '￥1,234,567'
        >>> Money("1234.5", "EUR").format("es_ES"), Money("12345.5", "EUR").format("es_ES")
        ('1234,50\xa0€', '12.345,50\xa0€')
        >>> Money("1234.5", "CHF").format("en_US"), Money("1234.5", "CHF").format("fr_CH")
        ('CHF\xa01,234.50', "1'234.50\xa0CHF")
        >>> Money("-1234.5", "USD").format("en_US", format_type="accounting")
        '($1,234.50)'
        >>> Money("1234.5", "CHF").format("fr_CH", format_type="name")
        "1'234,50 francs suisses"
        >>> Money("1", "CHF").format("en", format_type="name")
        '1.00 Swiss francs'
        >>> Money("1234.5", "EUR").format("en_US", format="#,##0.00 ¤¤")
        '1,234.50 EUR'
        """
        from seatcalc._i18n import (  # noqa: PLC0415 - on first use
            FORMAT_TYPES,
            check_locale,
            format_currency,
        )

        if format_type not in FORMAT_TYPES:
            raise InvalidValueError(
                field="format_type",
                value=format_type,
                expected=f"one of {', '.join(FORMAT_TYPES)}",
                code=ErrorCode.UNKNOWN_CHOICE,
            )
        if format is not None and not isinstance(format, str):
            raise InvalidTypeError(
                field="format", value=format, expected="a CLDR number pattern such as '#,##0.00 ¤'"
            )
        rounded = self.round(rounding, digits=digits, minor_units=minor_units)
        where = check_locale(locale)
        try:
            return format_currency(
                rounded.amount, self.currency, where, format=format, format_type=format_type
            )
        except ValueError as error:  # babel's parse_pattern refuses a malformed pattern
            raise InvalidValueError(
                field="format",
                value=format,
                problem=f" ({error})",
                expected="a CLDR number pattern such as '#,##0.00 ¤'",
            ) from None

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the amount as a reader of ``locale`` writes it, its currency and minor units.

        Every digit of the amount is shown: an amount that is not a whole number of minor units
        says so, and what rounding it half up gives.

        >>> from seatcalc import Money
        >>> print(Money("1209.86", "USD").explain("en_US"))
        $1,209.86
        Currency: US Dollar (USD), 2 decimal places
        In minor units: 120,986
        >>> print(Money("0.125", "EUR").explain("en_IE"))
        €0.125
        Currency: Euro (EUR), 2 decimal places
        In minor units: not a whole number, so the amount must be rounded to be charged
        Rounded to the minor unit, ROUND_HALF_UP (half up): €0.13

        .. versionadded:: 0.1.0
        """
        from seatcalc._explain_money import explain_money  # noqa: PLC0415 - loaded on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        # MoneyText is a base of Money only: every instance is Money.
        return explain_money(cast("Money", self), check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

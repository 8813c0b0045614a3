"""Currencies and their minor units.

An amount's currency is an ISO 4217 code that CLDR knows; its minor unit (the number of decimal
places amounts are rounded to) comes from CLDR through babel by default: USD 2, JPY 0, KWD 3.
CLDR differs from ISO 4217 for a few currencies (HUF, ALL and IQD have 0 digits in CLDR, 2, 2
and 3 in ISO 4217); every rounding step takes ``digits=`` to choose another precision.  babel
answers 2 digits for any unknown string, so a code is checked before its digits are read.
"""

from __future__ import annotations

import functools
from typing import Final

import babel.numbers

from seatcalc.errors import InvalidTypeError, InvalidValueError, UnknownCurrencyError

__all__ = ["MAX_DIGITS", "check_currency", "check_digits", "cldr_digits", "minor_unit_digits"]

#: The most decimal places seatcalc holds or rounds to.
MAX_DIGITS: Final = 30
# ISO 4217 gives these codes no minor unit: precious metals, bond-market units, the SDR, and the
# testing and no-currency codes.  CLDR has no digits for them and babel answers its default of 2,
# a guess; they are not amounts of money a seat is priced in.
_NOT_MONEY: Final = frozenset(
    {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"}
)
_CURRENCY_EXPECTED: Final = "an ISO 4217 code known to CLDR, such as 'USD', 'EUR' or 'JPY'"


@functools.cache
def cldr_digits(code: str) -> int:
    """Return CLDR's minor-unit digits of a known ``code``; raise for any other code."""
    # A memo of a pure lookup: CLDR data does not change while the process runs.  Only known
    # codes are cached (an unknown code raises), so the cache holds at most ~300 entries.
    if code in _NOT_MONEY or not babel.numbers.is_currency(code, locale="en"):
        upper = code.upper()
        hint = (
            f"did you mean {upper!r}?"
            if upper != code and upper not in _NOT_MONEY and babel.numbers.is_currency(upper)
            else None
        )
        raise UnknownCurrencyError(
            field="currency", value=code, expected=_CURRENCY_EXPECTED, hint=hint
        )
    return babel.numbers.get_currency_precision(code)


def check_currency(code: object, field: str = "currency") -> str:
    """Return ``code`` if it is an ISO 4217 currency with a minor unit known to CLDR."""
    if type(code) is not str:
        if not isinstance(code, str):
            raise InvalidTypeError(field=field, value=code, expected=_CURRENCY_EXPECTED)
        code = str(code)
    try:
        cldr_digits(code)
    except UnknownCurrencyError as error:
        raise error.renamed(field) from None
    return code


def check_digits(digits: object, field: str = "digits") -> int:
    """Return ``digits`` if it is a number of decimal places seatcalc rounds to (0 to 30)."""
    expected = f"an int from 0 to {MAX_DIGITS}"
    if isinstance(digits, bool) or not isinstance(digits, int):
        raise InvalidTypeError(field=field, value=digits, expected=expected)
    if not 0 <= digits <= MAX_DIGITS:
        raise InvalidValueError(field=field, value=digits, expected=expected)
    return int(digits)


def minor_unit_digits(currency: str, digits: int | None = None) -> int:
    """Return the number of minor-unit digits used to round amounts in ``currency``.

    The default is CLDR's value, read through babel; ``digits`` overrides it.  An unknown
    currency code is an error, never a default of 2.

    >>> minor_unit_digits("USD"), minor_unit_digits("JPY"), minor_unit_digits("KWD")
    (2, 0, 3)
    >>> minor_unit_digits("HUF"), minor_unit_digits("HUF", digits=2)
    (0, 2)

    .. versionadded:: 0.1.0
    """
    code = check_currency(currency)
    return cldr_digits(code) if digits is None else check_digits(digits)

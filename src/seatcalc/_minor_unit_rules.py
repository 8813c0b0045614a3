"""The rule of each named minor-unit table: where its digits and increments come from.

CLDR's digits and cash digits come from babel, ISO 4217's from the list generated into
``seatcalc._iso4217``, Stripe's and Chargebee's from the currency pages of their documentation.
:mod:`seatcalc.minor_units` holds the tables themselves and memoises these look-ups.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from seatcalc.currency import cldr_digits
from seatcalc.errors import UnknownCurrencyError

__all__ = ["TABLE_NAMES", "named_unit"]

#: The named tables, in the order the documentation lists them.
TABLE_NAMES: Final = ("cldr", "iso4217", "stripe", "cash", "chargebee")

# Stripe's currency page: zero-decimal currencies take whole units; three-decimal ones take
# amounts whose last digit is 0 (rounded to the hundredth); ISK is written with two decimals
# that are always 00.  HUF and TWD are zero-decimal for payouts only: charges take two decimals.
# Every other currency is two-decimal.
_STRIPE_ZERO: Final = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV"}
    | {"XAF", "XOF", "XPF"}
)
_STRIPE_THREE: Final = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})
_STRIPE_SPECIAL: Final = {"ISK": (2, 100)}
# Chargebee's currency page: amounts of its zero-decimal currencies are whole units, those of
# every other currency are hundredths (a three-decimal currency too).
_CHARGEBEE_ZERO: Final = frozenset({"JPY", "KRW", "XAF", "XOF"})


def _cldr(code: str) -> tuple[int, int]:
    return (cldr_digits(code), 1)


def _iso_4217(code: str) -> tuple[int, int]:
    from seatcalc._iso4217 import DIGITS, PUBLISHED  # noqa: PLC0415 - loaded on first use

    digits = DIGITS.get(code)
    if digits is None:
        raise UnknownCurrencyError(
            field="currency",
            value=code,
            problem=f", which is not in ISO 4217's current list (published {PUBLISHED})",
            expected="a currency of that list, or another minor-unit table",
        )
    return (digits, 1)


def _stripe(code: str) -> tuple[int, int]:
    special = _STRIPE_SPECIAL.get(code)
    if special is not None:
        return special
    if code in _STRIPE_ZERO:
        return (0, 1)
    return (3, 10) if code in _STRIPE_THREE else (2, 1)


def _cash(code: str) -> tuple[int, int]:
    import babel.core  # noqa: PLC0415 - loaded on first use

    fractions = babel.core.get_global("currency_fractions")
    _digits, _rounding, cash_digits, cash_rounding = fractions.get(code, fractions["DEFAULT"])
    return (cash_digits, cash_rounding or 1)


def _chargebee(code: str) -> tuple[int, int]:
    return (0 if code in _CHARGEBEE_ZERO else 2, 1)


_RULES: Final[dict[str, Callable[[str], tuple[int, int]]]] = {
    "cldr": _cldr,
    "iso4217": _iso_4217,
    "stripe": _stripe,
    "cash": _cash,
    "chargebee": _chargebee,
}


def named_unit(name: str, code: str) -> tuple[int, int]:
    """Return ``(digits, increment)`` of the currency ``code`` in the named table ``name``.

    ``code`` is a currency seatcalc accepts; a code the table does not list is an
    :class:`~seatcalc.UnknownCurrencyError`.
    """
    return _RULES[name](code)

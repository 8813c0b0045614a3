"""Where a subscription's customer is and how they buy: the country and the sales channel.

:class:`~seatcalc.Subscription` checks its ``country`` and ``channel`` with these functions, and
the eligibility rules and policies check theirs the same way; :mod:`seatcalc.subscription`
exports every name here.
"""

from __future__ import annotations

from babel.core import Locale

from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

__all__ = ["CHANNELS", "check_channel", "check_country"]

#: The sales channels a subscription can come from: bought from the vendor's own store, or
#: through a reseller or partner.
CHANNELS: tuple[str, ...] = ("direct", "reseller")

# Codes CLDR lists among its territories that are not places a customer lives in.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


def check_country(value: object, field: str = "country") -> str:
    """Return ``value`` if it is an ISO 3166-1 alpha-2 code of a territory CLDR knows.

    Codes are upper case, as ISO 3166-1 writes them; a lower-case code is refused with the
    upper-case one suggested, rather than guessed.  Groupings such as ``EU`` or ``UN`` and
    CLDR's ``ZZ`` (unknown region) are not countries.

    >>> check_country("FR")
    'FR'
    >>> check_country("fr")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: country: got 'fr'; expected an upper-case ISO 3166-1 alpha-2 code such as 'US' or 'FR' (did you mean 'FR'?)

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    expected = "an upper-case ISO 3166-1 alpha-2 code such as 'US' or 'FR'"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    if _is_country(value):
        return value
    upper = value.upper()
    raise InvalidValueError(
        field=field,
        value=value,
        expected=expected,
        hint=f"did you mean {upper!r}?" if upper != value and _is_country(upper) else None,
        code=ErrorCode.UNKNOWN_TERRITORY,
    )


def _is_country(code: str) -> bool:
    return (
        len(code) == 2
        and code.isascii()
        and code.isupper()
        and code not in _NOT_COUNTRIES
        and code in Locale("en").territories
    )


def check_channel(value: object, field: str = "channel") -> str:
    """Return ``value`` if it is one of :data:`CHANNELS`."""
    if isinstance(value, str) and value in CHANNELS:
        return value
    expected = f"one of {', '.join(map(repr, CHANNELS))}"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    raise InvalidValueError(
        field=field, value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
    )

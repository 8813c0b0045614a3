"""The errors seatcalc raises.

Every error derives from :class:`SeatcalcError`, so ``except SeatcalcError`` catches anything
the library refuses.  Each subclass also derives from the builtin exception it refines, so code
that already catches ``ValueError`` or ``TypeError`` keeps working.

Messages follow one pattern: the argument that was wrong, the value received, and what would
have been accepted.
"""

from __future__ import annotations

__all__ = [
    "CurrencyMismatchError",
    "InvalidTypeError",
    "InvalidValueError",
    "OutsideTermError",
    "SeatcalcError",
    "UnknownCurrencyError",
]


class SeatcalcError(Exception):
    """Base class of every error raised by seatcalc.

    .. versionadded:: 0.1.0
    """


class InvalidValueError(SeatcalcError, ValueError):
    """An argument has an acceptable type but a value seatcalc cannot use.

    .. versionadded:: 0.1.0
    """


class InvalidTypeError(SeatcalcError, TypeError):
    """An argument has a type seatcalc does not accept (a float as money, a bool as a count).

    .. versionadded:: 0.1.0
    """


class UnknownCurrencyError(InvalidValueError):
    """A currency code that is not an ISO 4217 code known to CLDR.

    .. versionadded:: 0.1.0
    """


class OutsideTermError(InvalidValueError):
    """A date outside the term [term_start, term_end)."""


class CurrencyMismatchError(InvalidValueError):
    """An operation mixed two currencies.

    .. versionadded:: 0.1.0
    """


def describe(value: object) -> str:
    """Return ``value`` as an error message shows it: its repr and, if it helps, its type."""
    if value is None or isinstance(value, bool | int | str):
        return repr(value)
    return f"{value!r} ({type(value).__name__})"

"""The errors seatcalc raises.

Every error derives from :class:`SeatcalcError`, so ``except SeatcalcError`` catches anything
the library refuses.  Each subclass also derives from the builtin exception it refines, so code
that already catches ``ValueError`` or ``TypeError`` keeps working.

Messages follow one pattern: the argument that was wrong, the value received, and what would
have been accepted.
"""

from __future__ import annotations

# The API docs show these annotations as written: "datetime.date" reads better than "dt.date".
import datetime  # noqa: ICN001

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


class CurrencyMismatchError(InvalidValueError):
    """An operation mixed two currencies.

    .. versionadded:: 0.1.0
    """


class OutsideTermError(InvalidValueError):
    """A date outside the term ``[term_start, term_end)`` it must lie in.

    The message names the argument, the date and the term; ``field``, ``value``,
    ``term_start`` and ``term_end`` hold them for code that reacts to the error.

    >>> import datetime as dt
    >>> raise OutsideTermError(dt.date(2027, 1, 1), dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    Traceback (most recent call last):
    ...
    seatcalc.errors.OutsideTermError: on: got 2027-01-01, which is after the term [2026-01-01, 2027-01-01) (it ended on 2027-01-01, its renewal date; renew() builds the next term); expected a date from 2026-01-01 to 2026-12-31

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line

    def __init__(
        self,
        value: datetime.date,
        term_start: datetime.date,
        term_end: datetime.date,
        field: str = "on",
        expected: str | None = None,
    ) -> None:
        """Build the message; ``expected`` replaces "a date from term_start to the last day"."""
        self.field, self.value = field, value
        self.term_start, self.term_end = term_start, term_end
        self.expected = expected
        term = f"[{term_start.isoformat()}, {term_end.isoformat()})"
        if expected is None:
            last = term_end - datetime.timedelta(days=1)
            expected = f"a date from {term_start.isoformat()} to {last.isoformat()}"
        where = (
            f"before the term {term}"
            if value < term_start
            else f"after the term {term} (it ended on {term_end.isoformat()}, its renewal date; "
            "renew() builds the next term)"
        )
        super().__init__(f"{field}: got {value.isoformat()}, which is {where}; expected {expected}")

    def __reduce__(
        self,
    ) -> tuple[type[OutsideTermError], tuple[object, ...]]:
        """Pickle as the constructor call, so the message is rebuilt the same."""
        args = (self.value, self.term_start, self.term_end, self.field, self.expected)
        return (type(self), args)


def describe(value: object) -> str:
    """Return ``value`` as an error message shows it: its repr and, if it helps, its type."""
    if value is None or isinstance(value, bool | int | str):
        return repr(value)
    return f"{value!r} ({type(value).__name__})"

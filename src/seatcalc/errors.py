"""The errors seatcalc raises, and what programs can read from them.

Every error derives from :class:`SeatcalcError`, so ``except SeatcalcError`` catches anything
the library refuses.  Each subclass also derives from the builtin exception it refines, so code
that already catches ``ValueError`` or ``TypeError`` keeps working.

Every error says the same things twice: once as a sentence for people (``str(error)``: the field,
the value received and what would have been accepted) and once as attributes for programs:

* :attr:`~SeatcalcError.field`: the caller's parameter or dict key, dotted for nested input
  (``subscription.unit_price.amount``);
* :attr:`~SeatcalcError.value`: the value received, JSON-safe and short;
* :attr:`~SeatcalcError.expected`: what would have been valid;
* :attr:`~SeatcalcError.hint`: a suggestion such as ``did you mean 'USD'?``, or None;
* :attr:`~SeatcalcError.code`: a stable :class:`ErrorCode`.

:meth:`SeatcalcError.to_dict` gives them as a JSON object a service can return as the body of a
400 response.  The docs' "Errors" page lists every code.

:class:`reported_within` and :class:`reported_as` give an error raised for nested or renamed
input the field the caller knows.  The codes live in the private module ``_error_codes``, and how
an error writes the value it received in ``_error_values``; this module exports
:class:`ErrorCode` as before.
"""

from __future__ import annotations

# The API docs show these annotations as written: "datetime.date" reads better than "dt.date".
import datetime  # noqa: ICN001
from collections.abc import Mapping
from typing import Any, Self

from seatcalc._error_codes import ErrorCode
from seatcalc._error_values import describe, safe_value

__all__ = [
    "CurrencyMismatchError",
    "ErrorCode",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "OutsideTermError",
    "SeatcalcError",
    "UnknownCurrencyError",
]


class SeatcalcError(Exception):
    """Base class of every error raised by seatcalc.

    Build one with keyword arguments; the message is written from them, as
    ``"{field}: got {value}{problem}; expected {expected} ({hint})"``:

    >>> error = InvalidValueError(
    ...     field="currency",
    ...     value="usd",
    ...     expected="an ISO 4217 code such as 'USD'",
    ...     hint="did you mean 'USD'?",
    ...     code=ErrorCode.UNKNOWN_CURRENCY,
    ... )
    >>> str(error)
    "currency: got 'usd'; expected an ISO 4217 code such as 'USD' (did you mean 'USD'?)"
    >>> error.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'error': 'InvalidValueError', 'code': 'UNKNOWN_CURRENCY', 'field': 'currency',
     'value': 'usd', 'expected': "an ISO 4217 code such as 'USD'",
     'hint': "did you mean 'USD'?",
     'message': "currency: got 'usd'; expected an ISO 4217 code such as 'USD' (did you mean 'USD'?)"}

    Args:
        field: the parameter or key that was wrong, dotted for nested input.
        value: the value received (kept as short JSON-safe text, see :attr:`value`).
        expected: what would have been valid, as a phrase ("an int >= 1").
        hint: a suggestion, such as "did you mean 'USD'?", or None.
        code: the kind of problem.
        got: how the message shows the value, when not its repr (``"the float 1.5"``).
        problem: a clause after the value saying what is wrong with it, starting with ``", "``
            (``", which is before the term [2026-01-01, 2027-01-01)"``).
        detail: the whole text after ``"{field}: "``, for the few messages that do not follow
            the pattern; it replaces ``got``, ``problem``, ``expected`` and ``hint`` in the
            message (they are still kept as attributes).

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line

    #: The code used when none is given.
    default_code: ErrorCode = ErrorCode.WRONG_TYPE

    #: The caller's parameter or dict key that was wrong, dotted for nested input.
    field: str
    #: The value received, as short JSON-safe text (dates in ISO 8601), or None.
    value: str | None
    #: What would have been valid, as a phrase.
    expected: str
    #: A suggestion such as "did you mean 'USD'?", or None.
    hint: str | None
    #: The kind of problem, stable across releases.
    code: ErrorCode
    #: The message after ``"{field}: "``.
    detail: str

    def __init__(
        self,
        *,
        field: str,
        value: object = None,
        expected: str = "",
        hint: str | None = None,
        code: ErrorCode | None = None,
        got: str | None = None,
        problem: str = "",
        detail: str | None = None,
    ) -> None:
        """Keep the parts and write the message from them."""
        self.field = field
        self.value = safe_value(value)
        self.expected = expected
        self.hint = hint
        self.code = self.default_code if code is None else ErrorCode(code)
        if detail is None:
            detail = f"got {describe(value) if got is None else got}{problem}"
            if expected:
                detail += f"; expected {expected}"
            if hint:
                detail += f" ({hint})"
        self.detail = detail
        super().__init__(f"{field}: {detail}" if field else detail)

    def within(self, parent: str) -> Self:
        """Return the same error with ``parent`` before its field, for nested input.

        >>> error = InvalidValueError(field="amount", value="x", expected="a decimal string")
        >>> str(error.within("unit_price").within("subscription"))
        "subscription.unit_price.amount: got 'x'; expected a decimal string"
        """
        return self.renamed(f"{parent}.{self.field}" if self.field else parent)

    def renamed(self, field: str) -> Self:
        """Return the same error about ``field`` (the name the caller knows the value by)."""
        copy = type(self).__new__(type(self))
        state = dict(self.__dict__)
        state["field"] = field
        copy.__dict__.update(state)
        Exception.__init__(copy, f"{field}: {self.detail}" if field else self.detail)
        return copy

    def to_dict(self) -> dict[str, str | None]:
        """Return the error as a JSON object: class, code, field, value, expected, hint, message.

        Every value is a string (``hint`` may be None), so the dict can be sent as is, for
        example as the body of an HTTP 400 response.
        """
        return {
            "error": type(self).__name__,
            "code": self.code.value,
            "field": self.field,
            "value": self.value,
            "expected": self.expected,
            "hint": self.hint,
            "message": str(self),
        }

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the parts, so the copy has the same message and attributes."""
        return (_rebuild, (type(self), dict(self.__dict__), self.args))


def _rebuild(kind: type[SeatcalcError], state: dict[str, object], args: tuple[object, ...]) -> Any:  # noqa: ANN401
    error = kind.__new__(kind)
    error.__dict__.update(state)
    Exception.__init__(error, *args)
    return error


class InvalidValueError(SeatcalcError, ValueError):
    """An argument has an acceptable type but a value seatcalc cannot use.

    .. versionadded:: 0.1.0
    """

    default_code = ErrorCode.OUT_OF_RANGE


class InvalidTypeError(SeatcalcError, TypeError):
    """An argument has a type seatcalc does not accept (a float as money, a bool as a count).

    .. versionadded:: 0.1.0
    """

    default_code = ErrorCode.WRONG_TYPE


class MissingExtraError(SeatcalcError, ImportError):
    """An optional integration was used without the package its extra installs.

    >>> str(MissingExtraError(field="to_moneyed", value="moneyed", expected="seatcalc[moneyed]"))
    "to_moneyed: needs the package 'moneyed'; install seatcalc[moneyed]"

    .. versionadded:: 0.1.0
    """

    default_code = ErrorCode.MISSING_EXTRA

    def __init__(self, *, field: str, value: object, expected: str, **parts: Any) -> None:  # noqa: ANN401
        """Write the message from the operation, the missing package and the extra."""
        parts.setdefault("detail", f"needs the package {value!r}; install {expected}")
        super().__init__(field=field, value=value, expected=expected, **parts)


class UnknownCurrencyError(InvalidValueError):
    """A currency code that is not an ISO 4217 currency with a minor unit known to CLDR.

    .. versionadded:: 0.1.0
    """

    default_code = ErrorCode.UNKNOWN_CURRENCY


class CurrencyMismatchError(InvalidValueError):
    """An operation mixed two currencies.

    .. versionadded:: 0.1.0
    """

    default_code = ErrorCode.CURRENCY_MISMATCH


class OutsideTermError(InvalidValueError):
    """A date outside the term ``[term_start, term_end)`` it must lie in.

    The message names the argument, the date and the term; besides the common attributes,
    ``day``, ``term_start`` and ``term_end`` hold the dates for code that reacts to the error.

    >>> import datetime as dt
    >>> raise OutsideTermError(dt.date(2027, 1, 1), dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    Traceback (most recent call last):
    ...
    seatcalc.errors.OutsideTermError: on: got 2027-01-01, which is after the term [2026-01-01, 2027-01-01) (it ended on 2027-01-01, its renewal date; renew() builds the next term); expected a date from 2026-01-01 to 2026-12-31

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line

    default_code = ErrorCode.OUTSIDE_TERM

    def __init__(
        self,
        day: datetime.date,
        term_start: datetime.date,
        term_end: datetime.date,
        field: str = "on",
        expected: str | None = None,
    ) -> None:
        """Build the message; ``expected`` replaces "a date from term_start to the last day"."""
        self.day, self.term_start, self.term_end = day, term_start, term_end
        term = f"[{term_start.isoformat()}, {term_end.isoformat()})"
        if expected is None:
            last = term_end - datetime.timedelta(days=1)
            expected = f"a date from {term_start.isoformat()} to {last.isoformat()}"
        where = (
            f", which is before the term {term}"
            if day < term_start
            else f", which is after the term {term} (it ended on {term_end.isoformat()}, its "
            "renewal date; renew() builds the next term)"
        )
        super().__init__(field=field, value=day, expected=expected, problem=where)


class reported_within:  # noqa: N801 - a context manager used like a function
    """Prefix the field of any :class:`SeatcalcError` raised inside with ``parent.``.

    Used where seatcalc reads nested input, so ``Subscription.from_dict`` reports a bad amount
    as ``unit_price.amount``.  A class rather than a generator: entering and leaving it costs a
    quarter as much, and quotes pass through :class:`reported_as` every time.
    """

    __slots__ = ("_parent",)

    def __init__(self, parent: str) -> None:
        self._parent = parent

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: object
    ) -> None:
        if isinstance(error, SeatcalcError):
            raise error.within(self._parent) from error.__cause__


class reported_as:  # noqa: N801 - a context manager used like a function
    """Rename the field of a :class:`SeatcalcError` raised inside, ``names[field]`` for field.

    Used where a function passes its argument on under another name (``quote_add_seats``'s
    ``seats`` becomes :func:`~seatcalc.prorate`'s ``quantity``), so the error names what the
    caller passed.
    """

    __slots__ = ("_names",)

    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = names

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: object
    ) -> None:
        if isinstance(error, SeatcalcError):
            renamed = rename_field(error, self._names)
            if renamed is not error:
                raise renamed from error.__cause__


def rename_field(error: SeatcalcError, names: Mapping[str, str]) -> SeatcalcError:
    """Return ``error`` with its field renamed, ``names[field]`` for field, or ``error`` itself.

    What :class:`reported_as` does on the way out of its block, for a caller on a path too hot
    for a ``with`` block: ``except SeatcalcError as error: raise rename_field(error, names)``.
    The first part of a dotted field is what is renamed (``quantity.x`` to ``seats.x``).
    """
    head, dot, rest = error.field.partition(".")
    if head in names:
        return error.renamed(names[head] + dot + rest)
    return error

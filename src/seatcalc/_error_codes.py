"""The stable machine codes of errors: what kind of problem each one is.

:class:`ErrorCode` is exported from :mod:`seatcalc.errors` and from :mod:`seatcalc`; the docs'
"Errors" page lists every code with when it is raised and an example.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ErrorCode"]


class ErrorCode(StrEnum):
    """The stable machine code of an error: what kind of problem it is.

    The code says what is wrong; :attr:`SeatcalcError.field` says where.  Each member is a
    ``str`` equal to its name, so ``ErrorCode.OUTSIDE_TERM == "OUTSIDE_TERM"``.

    .. versionadded:: 0.1.0
    """

    #: A value of a type seatcalc does not accept there (a str for a count, None for a date).
    WRONG_TYPE = "WRONG_TYPE"
    #: A binary float where an exact amount or ratio is needed.
    FLOAT_NOT_EXACT = "FLOAT_NOT_EXACT"
    #: A :class:`datetime.datetime` where a :class:`datetime.date` is needed, or the reverse.
    DATETIME_NOT_DATE = "DATETIME_NOT_DATE"
    #: A datetime without a time zone where an instant is needed.
    NAIVE_DATETIME = "NAIVE_DATETIME"
    #: An instant or a UTC offset with a fraction of a second, where whole seconds are counted.
    NOT_WHOLE_SECONDS = "NOT_WHOLE_SECONDS"
    #: Text that is not a number in the form seatcalc reads (``'12.50'``), NaN or an infinity.
    INVALID_NUMBER = "INVALID_NUMBER"
    #: A number outside its bounds, such as a count below 1, an amount of 10**18 or more, a
    #: negative price or too many decimal places.
    OUT_OF_RANGE = "OUT_OF_RANGE"
    #: Text that is not an ISO 8601 date (``'2026-01-31'``).
    INVALID_DATE = "INVALID_DATE"
    #: A date or instant that lies outside the term it must lie in.
    OUTSIDE_TERM = "OUTSIDE_TERM"
    #: Two dates in the wrong order, such as a term that ends before it starts.
    DATE_ORDER = "DATE_ORDER"
    #: A date that is not a renewal date of the anchor's grid where one is needed.
    OFF_GRID = "OFF_GRID"
    #: A date that would fall outside the years 1 to 9999 that Python represents.
    DATE_OUT_OF_RANGE = "DATE_OUT_OF_RANGE"
    #: A currency code that is not an ISO 4217 currency with a minor unit known to CLDR.
    UNKNOWN_CURRENCY = "UNKNOWN_CURRENCY"
    #: Amounts in two currencies combined, or a price in another currency than expected.
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    #: A code that is not an ISO 3166-1 country or a CLDR region seatcalc knows.
    UNKNOWN_TERRITORY = "UNKNOWN_TERRITORY"
    #: A locale name CLDR does not know, or one that is not a plain locale identifier.
    UNKNOWN_LOCALE = "UNKNOWN_LOCALE"
    #: A value that must be one of a fixed set of names (a channel, a convention, a rounding
    #: mode) and is not.
    UNKNOWN_CHOICE = "UNKNOWN_CHOICE"
    #: An empty collection where at least one item is needed.
    EMPTY = "EMPTY"
    #: An item given twice where each may appear once.
    DUPLICATE = "DUPLICATE"
    #: A mapping (a ``to_dict()`` form) with missing or unexpected keys.
    MALFORMED_RECORD = "MALFORMED_RECORD"
    #: Values that contradict each other, such as a record whose figures do not add up, a
    #: reason whose facts contradict its code or a policy that excludes what it allows.
    INCONSISTENT = "INCONSISTENT"
    #: An amount that is not a whole number of minor units where one is needed.
    NOT_ROUNDED = "NOT_ROUNDED"
    #: A change the rules forbid, such as removing a subscription's last seat or scheduling a
    #: reduction without auto-renewal.
    NOT_ALLOWED = "NOT_ALLOWED"
    #: An operation seatcalc does not offer that way (the builtin ``round()`` on money, seconds
    #: where dates are planned).
    NOT_SUPPORTED = "NOT_SUPPORTED"
    #: An optional integration used without its extra installed (``pip install seatcalc[...]``).
    MISSING_EXTRA = "MISSING_EXTRA"

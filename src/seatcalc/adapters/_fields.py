"""Reading and writing billing engines' JSON: fields by dotted path, instants, minor units.

Every reader names the field it could not use with the engine's own dotted path
(``items.data[0].price.unit_amount``), so a bad payload points at the key to look at.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Final

from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.minor_units import MinorUnits
from seatcalc.money import Money
from seatcalc.quote import AddSeatsQuote

#: A context for the few Decimal steps here: exact or an error, whatever the caller's context.
_EXACT: Final = decimal.Context(prec=80, traps=[decimal.Inexact, decimal.InvalidOperation])
# Reads any decimal text exactly, whatever its size (Decimal() would read it in the caller's
# context and set the caller's flags on malformed text): limits are the caller's, not the reader's.
_READING: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation],
)
_DAY: Final = 86_400
_EPOCH: Final = dt.date(1970, 1, 1)
_MISSING: Final = object()


class Reader:
    """A payload and the dotted path it was found at, read field by field."""

    __slots__ = ("data", "path")

    def __init__(self, data: object, path: str = "") -> None:
        """Check that ``data`` is a JSON object (a mapping) found at ``path``."""
        if not isinstance(data, Mapping):
            raise InvalidTypeError(
                field=path or "data", value=data, expected="a JSON object (a mapping)"
            )
        self.data: Mapping[str, object] = data
        self.path = path

    def where(self, key: str) -> str:
        """Return the dotted path of ``key`` inside this object."""
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, default: object = _MISSING) -> object:
        """Return the value at ``key``; a missing key is an error unless ``default`` is given."""
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise InvalidValueError(
                field=self.where(key),
                detail="missing; the engine's JSON must have this key",
                expected="the key to be present",
                code=ErrorCode.MALFORMED_RECORD,
            )
        return default

    def optional(self, key: str) -> object:
        """Return the value at ``key``, or None when it is missing."""
        return self.data.get(key)

    def child(self, key: str) -> Reader:
        """Return the JSON object at ``key``."""
        return Reader(self.get(key), self.where(key))

    def items(self, key: str) -> list[Reader]:
        """Return the JSON objects of the list at ``key``."""
        value = self.get(key)
        where = self.where(key)
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
            raise InvalidTypeError(field=where, value=value, expected="a JSON list")
        return [Reader(item, f"{where}[{index}]") for index, item in enumerate(value)]

    def text(self, key: str, default: object = _MISSING) -> str:
        """Return the string at ``key``."""
        value = self.get(key, default)
        if not isinstance(value, str):
            raise InvalidTypeError(field=self.where(key), value=value, expected="a string")
        return value

    def text_or_empty(self, key: str) -> str:
        """Return the string at ``key``, or ``""`` when it is missing or null."""
        return "" if self.optional(key) is None else self.text(key)

    def integer(self, key: str, *, minimum: int = 0) -> int:
        """Return the integer at ``key`` (not a bool, not a float), at least ``minimum``."""
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidTypeError(field=self.where(key), value=value, expected="an integer")
        if value < minimum:
            raise InvalidValueError(
                field=self.where(key), value=value, expected=f"an integer >= {minimum}"
            )
        return value

    def decimal_text(self, key: str) -> Decimal:
        """Return the decimal string at ``key`` (``"10"``, ``"10.0"``) as an exact Decimal."""
        value = self.text(key)
        number = _read_decimal(value)
        if number is None or not number.is_finite():
            raise InvalidValueError(
                field=self.where(key),
                value=value,
                expected="a decimal string such as '10.0'",
                code=ErrorCode.INVALID_NUMBER,
            )
        return number

    def flag(self, key: str, default: bool | None = None) -> bool:  # noqa: FBT001 - a default
        """Return the boolean at ``key``."""
        value = self.get(key) if default is None else self.get(key, default)
        if not isinstance(value, bool):
            raise InvalidTypeError(field=self.where(key), value=value, expected="true or false")
        return value

    def day(self, key: str, *, end: bool = False) -> dt.date:
        """Return the UTC day of the instant at ``key``: a Unix timestamp or an ISO 8601 string.

        With ``end``, an instant one second before midnight (``23:59:59``, how some engines
        write the last second of a period) is read as that midnight, the next day.
        """
        return read_day(self.get(key), self.where(key), end=end)

    def optional_day(self, key: str) -> dt.date | None:
        """Return :meth:`day` at ``key``, or None when it is missing or null."""
        return None if self.optional(key) is None else self.day(key)

    def money(self, key: str, currency: str, minor_units: MinorUnits) -> Money:
        """Return the integer of minor units at ``key`` as money in ``currency``."""
        units = self.get(key)
        if isinstance(units, bool) or not isinstance(units, int):
            raise InvalidTypeError(
                field=self.where(key), value=units, expected="an integer of minor units"
            )
        with reported_within(self.where(key)):
            return Money.from_minor(units, currency, minor_units=minor_units)


def read_day(value: object, field: str, *, end: bool = False) -> dt.date:
    """Return the UTC day of a Unix timestamp (seconds) or an ISO 8601 date or date-time."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not -62_135_596_800 <= value < 253_402_300_800:
            raise InvalidValueError(
                field=field, value=value, expected="a Unix timestamp of the years 1 to 9999"
            )
        # One second later, the last second of a day (23:59:59) is the next midnight.
        return _within_calendar(
            lambda: _EPOCH + dt.timedelta(days=(value + (1 if end else 0)) // _DAY), field, value
        )
    if not isinstance(value, str):
        raise InvalidTypeError(
            field=field, value=value, expected="a Unix timestamp or an ISO 8601 date-time string"
        )
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        instant = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            field=field,
            value=value,
            expected="an ISO 8601 date or date-time such as '2026-01-01T00:00:00Z'",
            code=ErrorCode.INVALID_DATE,
        ) from None
    if instant.tzinfo is None:
        raise InvalidValueError(
            field=field,
            value=value,
            expected="a date-time with its offset, such as '2026-01-01T00:00:00Z'",
            code=ErrorCode.NAIVE_DATETIME,
        )
    return _within_calendar(lambda: _utc_day(instant, end=end), field, value)


def _utc_day(instant: dt.datetime, *, end: bool) -> dt.date:
    utc = instant.astimezone(dt.UTC)
    if end and (utc.hour, utc.minute, utc.second) == (23, 59, 59):
        return utc.date() + dt.timedelta(days=1)
    return utc.date()


def _within_calendar(day: Callable[[], dt.date], field: str, value: object) -> dt.date:
    # The UTC day (or the day after a period's last second) can fall outside years 1 to 9999.
    try:
        return day()
    except OverflowError:
        raise InvalidValueError(
            field=field,
            value=value,
            expected="an instant whose UTC day (and the day after it) is in the years 1 to 9999",
            code=ErrorCode.DATE_OUT_OF_RANGE,
        ) from None


def timestamp(day: dt.date) -> int:
    """Return the Unix timestamp of midnight UTC at the start of ``day``."""
    return (day - _EPOCH).days * _DAY


def iso_instant(day: dt.date) -> str:
    """Return midnight UTC at the start of ``day`` as ISO 8601 (``2026-01-01T00:00:00Z``)."""
    return f"{day.isoformat()}T00:00:00Z"


def iso_last_second(end: dt.date) -> str:
    """Return the last second before ``end`` as ISO 8601 (``2026-12-31T23:59:59Z``)."""
    return f"{(end - dt.timedelta(days=1)).isoformat()}T23:59:59Z"


def period_unit(months: int) -> tuple[str, int]:
    """Return ``("year", n)`` for whole years, else ``("month", months)``."""
    return ("year", months // 12) if months % 12 == 0 else ("month", months)


def months_of(unit: str, count: int, field: str) -> int:
    """Return the months of ``count`` ``unit`` (``month`` or ``year``); refuse days and weeks."""
    if unit == "month":
        return count
    if unit == "year":
        return 12 * count
    raise InvalidValueError(
        field=field,
        value=unit,
        expected="'month' or 'year': seatcalc's billing periods are whole months",
        code=ErrorCode.UNKNOWN_CHOICE,
    )


def _read_decimal(text: str) -> Decimal | None:
    # ASCII digits only, as seatcalc reads amounts; None for text that is no decimal.
    if not text.isascii():
        return None
    try:
        return _READING.create_decimal(text)
    except decimal.InvalidOperation:
        return None


def decimal_string(value: Decimal) -> str:
    """Write a Decimal without an exponent, as the engines' decimal strings are written."""
    return format(value, "f")


def shifted(value: Decimal, places: int, field: str = "amount") -> Decimal:
    """Return ``value * 10**places`` exactly, whatever the caller's decimal context.

    A value with more digits than the context holds, or an exponent out of its range, is an
    error naming ``field``.
    """
    try:
        return _EXACT.scaleb(value, places)
    except decimal.DecimalException:
        raise InvalidValueError(
            field=field,
            value=value,
            expected=f"a decimal of at most {_EXACT.prec} digits, with an exponent in range",
            code=ErrorCode.INVALID_NUMBER,
        ) from None


def payable_minor(quote: AddSeatsQuote, engine: str, minor_units: MinorUnits, module: str) -> int:
    """Return a payable quote's total in an engine's minor units.

    A quote that is not payable has nothing to bill; a total off the engine's grid (more
    digits than its table, or not a multiple of its increment) is an amount it cannot charge.
    """
    if not isinstance(quote, AddSeatsQuote):
        raise InvalidTypeError(field="quote", value=quote, expected="an AddSeatsQuote")
    total = quote.total
    if total is None:
        codes = ", ".join(reason.code for reason in quote.eligibility.reasons)
        raise InvalidValueError(
            field="quote",
            value=f"a quote that is not payable ({codes})",
            got=f"a quote that is not payable ({codes})",
            expected=f"a payable quote: {engine} bills only what may be added",
            code=ErrorCode.NOT_ALLOWED,
        )
    if not total.is_rounded(minor_units=minor_units):
        raise InvalidValueError(
            field="quote.total",
            value=total,
            got=repr(total),
            problem=f", which {engine} cannot charge in its minor units",
            expected=f"a quote rounded with minor_units={module}.MINOR_UNITS",
            code=ErrorCode.NOT_ROUNDED,
        )
    return total.to_minor(minor_units=minor_units)

"""Argument checks shared by seatcalc's values and functions.

Each check returns the value it accepted, so a validator reads as one line, and raises a
:class:`~seatcalc.SeatcalcError` subclass naming the field, the value and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, Final, TypeVar

from seatcalc._error_values import safe_value
from seatcalc._scalars import native
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

__all__ = [
    "bool_field",
    "check_agrees",
    "check_bool",
    "check_count",
    "check_date",
    "check_instance",
    "check_keys",
    "check_mapping",
    "check_sequence",
    "check_text",
    "date_field",
    "optional_date_field",
    "parse_date",
    "parse_ratio",
    "share_field",
]


_T = TypeVar("_T")
# ISO 8601 calendar dates only: four ASCII digits, two, two.  date.fromisoformat alone would
# also take week dates (2026-W27-3) and ordinal dates (2026-182).
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
# A ratio as str(Fraction) writes it: an optional minus, ASCII digits, an optional denominator.
_RATIO: Final = re.compile(r"-?[0-9]{1,40}(?:/[0-9]{1,40})?", re.ASCII)


def check_instance(value: object, kind: type[_T], field: str, expected: str) -> _T:
    """Return ``value`` if it is an instance of ``kind``; else say what was ``expected``."""
    if not isinstance(value, kind):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    return value


def check_mapping(value: object, field: str, expected: str) -> Mapping[str, object]:
    """Return ``value`` if it is a mapping; else say what was ``expected``."""
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    return value


def check_sequence(value: object, field: str, expected: str) -> tuple[object, ...]:
    """Return ``value`` as a tuple if it is a list or a tuple."""
    if not isinstance(value, list | tuple):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    return tuple(value)


def check_bool(value: object, field: str) -> bool:
    """Return ``value`` if it is exactly True or False."""
    return check_instance(value, bool, field, "True or False")


def check_count(value: object, field: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    """Return ``value`` if it is an int (not a bool) within ``[minimum, maximum]``."""
    bounds = f"from {minimum} to {maximum}" if maximum is not None else f">= {minimum}"
    if not isinstance(value, int):
        value = native(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(field=field, value=value, expected=f"an int {bounds}")
    if value < minimum or (maximum is not None and value > maximum):
        raise InvalidValueError(
            field=field, value=value, expected=f"an int {bounds}", code=ErrorCode.OUT_OF_RANGE
        )
    return int(value)


def check_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a :class:`datetime.date` and not a ``datetime``.

    A numpy ``datetime64[D]`` or an Arrow date scalar is read as the date it holds.
    """
    if not isinstance(value, dt.date):
        value = native(value)
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            field=field,
            value=value,
            got=f"the datetime {value!r}",
            expected=(
                f"a date such as datetime.date({value.year}, {value.month}, {value.day}) "
                "(use .date())"
            ),
            code=ErrorCode.DATETIME_NOT_DATE,
        )
    if not isinstance(value, dt.date):
        raise InvalidTypeError(field=field, value=value, expected="a datetime.date")
    return value


def parse_date(value: object, field: str) -> dt.date:
    """Return a date from its ISO 8601 text (``YYYY-MM-DD``), as :meth:`to_dict` writes it."""
    expected = "an ISO date string such as '2026-01-31'"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValueError(
        field=field, value=value, expected=expected, code=ErrorCode.INVALID_DATE
    )


def check_text(value: object, field: str) -> str:
    """Return ``value`` if it is a str."""
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected="a str")
    return value


def check_keys(
    data: object,
    kind: str,
    required: Iterable[str],
    optional: Iterable[str] = (),
    *,
    field: str = "data",
) -> Mapping[str, object]:
    """Return ``data`` if it is a mapping with every required key and no unknown key."""
    needed, maybe = tuple(required), tuple(optional)
    allowed = (*needed, *maybe)
    keys = ", ".join(needed) + (f" and optionally {', '.join(maybe)}" if maybe else "")
    if not isinstance(data, Mapping):
        raise InvalidTypeError(field=field, value=data, expected=f"a mapping with keys {keys}")
    missing = [key for key in needed if key not in data]
    extra = sorted(str(key) for key in data if key not in allowed)
    if missing or extra:
        raise InvalidValueError(
            field=field,
            value=f"{kind} keys {sorted(map(str, data))}",
            detail=(
                f"{kind} needs the keys {', '.join(needed)}"
                + (f" and accepts {', '.join(maybe)}" if maybe else "")
                + f"; missing {missing or 'none'}, unexpected {extra or 'none'}"
            ),
            expected=f"the keys {keys}",
            code=ErrorCode.MALFORMED_RECORD,
        )
    return data


def check_agrees(
    given: Mapping[str, object], computed: Mapping[str, object], keys: Iterable[str]
) -> None:
    """Refuse a record whose ``keys`` (those it holds) differ from what seatcalc computes.

    The error names the first value that differs, dotted through nested records and lists
    (``options[1].until_renewal.amount``), so a service can point at it.
    """
    for key in keys:
        if key in given and given[key] != computed[key]:
            field, got, expected = _first_difference(key, given[key], computed[key])
            raise InvalidValueError(
                field=field,
                value=got,
                expected=safe_value(expected) or "null",
                detail=(f"got {got!r}; the inputs give {expected!r} (the record does not add up)"),
                code=ErrorCode.INCONSISTENT,
            )


def _first_difference(field: str, given: object, computed: object) -> tuple[str, object, object]:
    """Return the dotted field of the first value that differs, and both values there."""
    if isinstance(given, Mapping) and isinstance(computed, Mapping) and set(given) == set(computed):
        for key, value in computed.items():
            if given[key] != value:
                return _first_difference(f"{field}.{key}", given[key], value)
    if (
        isinstance(given, list | tuple)
        and isinstance(computed, list | tuple)
        and len(given) == len(computed)
    ):
        for index, (item, value) in enumerate(zip(given, computed, strict=True)):
            if item != value:
                return _first_difference(f"{field}[{index}]", item, value)
    return field, given, computed


def parse_ratio(value: object, field: str) -> Fraction:
    """Return an exact ratio from its text as :meth:`to_dict` writes it: ``'184/365'``, ``'0'``."""
    expected = "a ratio such as '184/365' or '0'"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    if _RATIO.fullmatch(value):
        numerator, _, denominator = value.partition("/")
        if int(denominator or 1):
            return Fraction(int(numerator), int(denominator or 1))
    raise InvalidValueError(
        field=field, value=value, expected=expected, code=ErrorCode.INVALID_NUMBER
    )


# attrs validators: each names its field in the message.


def bool_field(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    """Return an attrs validator that accepts exactly True or False."""
    return lambda _instance, _attribute, value: check_bool(value, field)


def date_field(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    """Return an attrs validator that accepts a date (not a datetime)."""
    return lambda _instance, _attribute, value: check_date(value, field)


def optional_date_field(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    """Return an attrs validator that accepts None or a date (not a datetime)."""
    return lambda _instance, _attribute, value: value is None or check_date(value, field)


def share_field(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    """Return an attrs validator that accepts a Fraction from 0 to 1 (a share of a period)."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        expected = "a Fraction from 0 to 1"
        if not isinstance(value, Fraction):
            raise InvalidTypeError(field=field, value=value, expected=expected)
        if not 0 <= value <= 1:
            raise InvalidValueError(field=field, value=value, got=str(value), expected=expected)

    return check

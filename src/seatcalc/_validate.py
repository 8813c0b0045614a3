"""Argument checks shared by seatcalc's values and functions.

Each check returns the value it accepted, so a validator reads as one line, and raises a
:class:`~seatcalc.SeatcalcError` subclass naming the field, the value and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeVar

from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, safe_value

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
]


_T = TypeVar("_T")
# ISO 8601 calendar dates only: four ASCII digits, two, two.  date.fromisoformat alone would
# also take week dates (2026-W27-3) and ordinal dates (2026-182).
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


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
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(field=field, value=value, expected=f"an int {bounds}")
    if value < minimum or (maximum is not None and value > maximum):
        raise InvalidValueError(
            field=field, value=value, expected=f"an int {bounds}", code=ErrorCode.OUT_OF_RANGE
        )
    return int(value)


def check_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a :class:`datetime.date` and not a ``datetime``."""
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
    """Refuse a record whose ``keys`` (those it holds) differ from what seatcalc computes."""
    for key in keys:
        if key in given and given[key] != computed[key]:
            raise InvalidValueError(
                field=key,
                value=given[key],
                expected=safe_value(computed[key]) or "null",
                detail=(
                    f"got {given[key]!r}; the inputs give {computed[key]!r} "
                    "(the record does not add up)"
                ),
                code=ErrorCode.INCONSISTENT,
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

"""Argument checks shared by seatcalc's values and functions.

Each check returns the value it accepted, so a validator reads as one line, and raises a
:class:`~seatcalc.SeatcalcError` subclass naming the field, the value and what is accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from seatcalc.errors import InvalidTypeError, InvalidValueError, describe

__all__ = [
    "bool_field",
    "check_agrees",
    "check_bool",
    "check_count",
    "check_date",
    "check_instance",
    "check_keys",
    "check_mapping",
    "check_text",
    "date_field",
    "optional_date_field",
    "parse_date",
]


_T = TypeVar("_T")


def check_instance(value: object, kind: type[_T], field: str, expected: str) -> _T:
    """Return ``value`` if it is an instance of ``kind``; else say what was ``expected``."""
    if not isinstance(value, kind):
        msg = f"{field}: got {describe(value)}; expected {expected}"
        raise InvalidTypeError(msg)
    return value


def check_mapping(value: object, field: str, expected: str) -> Mapping[str, object]:
    """Return ``value`` if it is a mapping; else say what was ``expected``."""
    if not isinstance(value, Mapping):
        msg = f"{field}: got {describe(value)}; expected {expected}"
        raise InvalidTypeError(msg)
    return value


def check_bool(value: object, field: str) -> bool:
    """Return ``value`` if it is exactly True or False."""
    return check_instance(value, bool, field, "True or False")


def check_count(value: object, field: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    """Return ``value`` if it is an int (not a bool) within ``[minimum, maximum]``."""
    bounds = f"from {minimum} to {maximum}" if maximum is not None else f">= {minimum}"
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{field}: got {describe(value)}; expected an int {bounds}"
        raise InvalidTypeError(msg)
    if value < minimum or (maximum is not None and value > maximum):
        msg = f"{field}: got {value!r}; expected an int {bounds}"
        raise InvalidValueError(msg)
    return value


def check_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a :class:`datetime.date` and not a ``datetime``."""
    if isinstance(value, dt.datetime):
        msg = (
            f"{field}: got the datetime {value!r}; expected a date such as "
            f"datetime.date({value.year}, {value.month}, {value.day}) (use .date())"
        )
        raise InvalidTypeError(msg)
    if not isinstance(value, dt.date):
        msg = f"{field}: got {describe(value)}; expected a datetime.date"
        raise InvalidTypeError(msg)
    return value


def parse_date(value: object, field: str) -> dt.date:
    """Return a date from its ISO 8601 text (``YYYY-MM-DD``), as :meth:`to_dict` writes it."""
    if not isinstance(value, str):
        msg = f"{field}: got {describe(value)}; expected an ISO date string such as '2026-01-31'"
        raise InvalidTypeError(msg)
    try:
        if len(value) != 10:
            raise ValueError(value)  # noqa: TRY301 - one message for every malformed text
        return dt.date.fromisoformat(value)
    except ValueError as error:
        msg = f"{field}: got {value!r}; expected an ISO date string such as '2026-01-31'"
        raise InvalidValueError(msg) from error


def check_text(value: object, field: str) -> str:
    """Return ``value`` if it is a str."""
    if not isinstance(value, str):
        msg = f"{field}: got {describe(value)}; expected a str"
        raise InvalidTypeError(msg)
    return value


def check_keys(
    data: object, kind: str, required: Iterable[str], optional: Iterable[str] = ()
) -> Mapping[str, object]:
    """Return ``data`` if it is a mapping with every required key and no unknown key."""
    needed, allowed = tuple(required), (*required, *optional)
    if not isinstance(data, Mapping):
        msg = f"data: got {describe(data)}; expected a mapping with keys {', '.join(needed)}"
        raise InvalidTypeError(msg)
    missing = [key for key in needed if key not in data]
    extra = sorted(str(key) for key in data if key not in allowed)
    if missing or extra:
        msg = (
            f"data: {kind} needs the keys {', '.join(needed)}"
            + (f" and accepts {', '.join(optional)}" if optional else "")
            + f"; missing {missing or 'none'}, unexpected {extra or 'none'}"
        )
        raise InvalidValueError(msg)
    return data


def check_agrees(
    given: Mapping[str, object], computed: Mapping[str, object], keys: Iterable[str]
) -> None:
    """Refuse a record whose ``keys`` (those it holds) differ from what seatcalc computes."""
    for key in keys:
        if key in given and given[key] != computed[key]:
            msg = (
                f"{key}: got {given[key]!r}; the inputs give {computed[key]!r} "
                "(the record does not add up)"
            )
            raise InvalidValueError(msg)


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

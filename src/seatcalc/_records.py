"""Reading the records nested in a ``to_dict()`` form, each error named by its dotted field.

A record that holds another (a comparison holds a subscription and its options) reads each one
with that value's own ``from_dict``, so a bad amount three levels down is reported as
``options[1].until_renewal.amount``, the path a service can point at.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from seatcalc._validate import check_mapping, check_sequence
from seatcalc.conventions import Convention, convention_named
from seatcalc.errors import reported_within

__all__ = ["read_convention", "read_items", "read_nested"]

_T = TypeVar("_T")


def read_nested(value: object, field: str, read: Callable[[Mapping[str, object]], _T]) -> _T:
    """Read the record ``value`` with ``read``, naming any error's field within ``field``.

    ``read`` is a class's ``from_dict``; a value that is not a mapping is refused as "a
    <class> mapping".
    """
    with reported_within(field):
        return read(check_mapping(value, "", f"a {_kind(read)} mapping"))


def read_items(
    value: object, field: str, read: Callable[[Mapping[str, object]], _T]
) -> tuple[_T, ...]:
    """Read a list of records, naming any error's field within ``field[index]``."""
    items = check_sequence(value, field, f"a list of {_kind(read)} mappings")
    return tuple(read_nested(item, f"{field}[{index}]", read) for index, item in enumerate(items))


def _kind(read: Callable[..., object]) -> str:
    """Name the class whose ``from_dict`` ``read`` is."""
    return getattr(read, "__qualname__", "").partition(".")[0] or "record"


def read_convention(value: object) -> Convention:
    """Read a convention written as its name, or as its fields (a custom convention)."""
    if isinstance(value, Mapping):
        return read_nested(value, "convention", Convention.from_dict)
    return convention_named(value)

"""A :class:`~seatcalc.Proration` as JSON-safe data, and the inputs read back from that data.

:meth:`~seatcalc.Proration.to_dict` and :meth:`~seatcalc.Proration.from_dict` are thin methods over
these functions; :func:`~seatcalc.prorate` computes the result again from the arguments read here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

from seatcalc._validate import check_keys, parse_date
from seatcalc.conventions import Convention, convention_named, convention_to_data
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.minor_units import MinorUnits, check_minor_units
from seatcalc.money import Money

if TYPE_CHECKING:
    from seatcalc.proration import Proration

__all__ = [
    "COMPUTED",
    "ProrateArguments",
    "parse_instant",
    "prorate_arguments",
    "proration_to_dict",
]

#: The entries of a proration's data that are computed from the inputs, not given.
COMPUTED: tuple[str, ...] = ("unit", "remaining", "total", "fraction", "exact", "amount")
_REQUIRED = ("price", "quantity", "term_start", "term_end", "on", "convention", "rounding")


def proration_to_dict(proration: Proration, *, own_units: bool) -> dict[str, object]:
    """Return :meth:`~seatcalc.Proration.to_dict`'s dict for ``proration``.

    ``own_units`` says whether the proration was rounded with a table of minor units other than
    CLDR's, written as ``minor_units``.
    """
    return {
        "price": proration.price.to_dict(),
        "quantity": proration.quantity,
        "term_start": proration.term_start.isoformat(),
        "term_end": proration.term_end.isoformat(),
        "on": proration.on.isoformat(),
        "convention": convention_to_data(proration.convention),
        "rounding": proration.rounding,
        "unit": proration.unit,
        "remaining": str(proration.remaining),
        "total": str(proration.total),
        "fraction": str(proration.fraction),
        "exact": str(proration.exact),
        "amount": proration.amount.to_dict(),
    } | ({"minor_units": proration.minor_units.to_data()} if own_units else {})


class ProrateArguments(TypedDict):
    """The arguments of :func:`~seatcalc.prorate`, by name, as read from a proration's data."""

    price: Money
    term_start: dt.date
    term_end: dt.date
    on: dt.date
    quantity: int
    convention: Convention
    rounding: str
    minor_units: MinorUnits


def prorate_arguments(data: Mapping[str, object]) -> ProrateArguments:
    """Read the arguments of :func:`~seatcalc.prorate` from a proration's data.

    The keys are checked (the inputs are required, :data:`COMPUTED` and ``minor_units`` are
    optional), and the price, the term, the day, the convention and the minor units are read;
    the quantity and the rounding are passed on as they are, for :func:`~seatcalc.prorate` to
    check.
    """
    check_keys(data, "Proration", _REQUIRED, (*COMPUTED, "minor_units"))
    raw = data["convention"]
    if isinstance(raw, Mapping):
        with reported_within("convention"):
            convention = Convention.from_dict(raw)
    else:
        # convention_named already reports its argument as "convention".
        convention = convention_named(raw)
    with reported_within("price"):
        price = Money.from_dict(data["price"])  # type: ignore[arg-type]
    parse = parse_date if convention.unit == "day" else parse_instant
    return {
        "price": price,
        "term_start": parse(data["term_start"], "term_start"),
        "term_end": parse(data["term_end"], "term_end"),
        "on": parse(data["on"], "on"),
        "quantity": data["quantity"],  # type: ignore[typeddict-item]
        "convention": convention,
        "rounding": data["rounding"],  # type: ignore[typeddict-item]
        "minor_units": check_minor_units(data.get("minor_units")),
    }


def parse_instant(value: object, field: str) -> dt.datetime:
    """Read ``value``, the ISO 8601 text of an instant with a UTC offset, as a datetime."""
    expected = "an ISO 8601 datetime with a UTC offset, such as '2026-07-01T12:00:00+00:00'"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    if value.isascii():
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValueError(
        field=field, value=value, expected=expected, code=ErrorCode.INVALID_DATE
    )

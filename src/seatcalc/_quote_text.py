"""An :class:`~seatcalc.AddSeatsQuote` as JSON-safe data and as HTML, and its inputs read back.

:meth:`~seatcalc.AddSeatsQuote.to_dict`, :meth:`~seatcalc.AddSeatsQuote.from_dict` and the
notebook rendering are thin methods over these functions; the quote is composed again from the
inputs read here, and its figures are checked against the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from seatcalc._html import table
from seatcalc._records import read_convention, read_items, read_nested
from seatcalc._validate import check_count, check_keys, parse_date
from seatcalc.conventions import Convention, convention_to_data
from seatcalc.eligibility import Eligibility
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money
from seatcalc.proration import Proration
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription

if TYPE_CHECKING:
    from seatcalc.quote import AddSeatsQuote

__all__ = ["QUOTE_KEYS", "quote_html", "quote_inputs", "quote_to_dict"]

#: The entries of a quote's data, every one required (``minor_units`` is optional).
QUOTE_KEYS: Final[tuple[str, ...]] = (
    "payable",
    "eligibility",
    "subscription",
    "seats",
    "on",
    "end_date",
    "convention",
    "rounding",
    "fraction",
    "whole_periods",
    "proration",
    "total",
    "lines",
)


def quote_to_dict(quote: AddSeatsQuote) -> dict[str, object]:
    """Return :meth:`~seatcalc.AddSeatsQuote.to_dict`'s dict for ``quote``."""
    data: dict[str, object] = {
        "payable": quote.payable,
        "eligibility": quote.eligibility.to_dict(),
        "subscription": quote.subscription.to_dict(),
        "seats": quote.seats,
        "on": quote.on.isoformat(),
        "end_date": None if quote.end_date is None else quote.end_date.isoformat(),
        "convention": convention_to_data(quote.convention),
        "rounding": quote.rounding,
        "fraction": None if quote.fraction is None else str(quote.fraction),
        "whole_periods": quote.whole_periods,
        "proration": None if quote.proration is None else quote.proration.to_dict(),
        "total": None if quote.total is None else quote.total.to_dict(),
        "lines": [line.to_dict() for line in quote.lines],
    }
    if quote.minor_units != CLDR_UNITS:
        data["minor_units"] = quote.minor_units.to_data()
    return data


def quote_inputs(
    data: Mapping[str, object],
) -> tuple[
    Mapping[str, object],
    tuple[Subscription, int, dt.date, Eligibility, Convention, str, MinorUnits],
]:
    """Check a quote's data and read the inputs a quote is composed from.

    Returns the checked mapping and, in the order the quote is composed from them, the
    subscription, the seats, the day, the recorded eligibility, the convention, the rounding and
    the minor units.  The nested proration, total and lines are checked for their form only: the
    caller compares them with the quote composed again.
    """
    mapping = check_keys(data, "AddSeatsQuote", QUOTE_KEYS, ("minor_units",))
    eligibility = read_nested(mapping["eligibility"], "eligibility", Eligibility.from_dict)
    subscription = read_nested(mapping["subscription"], "subscription", Subscription.from_dict)
    convention = read_convention(mapping["convention"])
    if mapping["proration"] is not None:
        read_nested(mapping["proration"], "proration", Proration.from_dict)
    if mapping["total"] is not None:
        read_nested(mapping["total"], "total", Money.from_dict)
    read_items(mapping["lines"], "lines", Money.from_dict)
    seats = check_count(mapping["seats"], "seats")
    inputs = (
        subscription,
        seats,
        parse_date(mapping["on"], "on"),
        eligibility,
        convention,
        check_rounding(mapping["rounding"]),
        check_minor_units(mapping.get("minor_units")),
    )
    return mapping, inputs


def quote_html(quote: AddSeatsQuote) -> str:
    """Render the English breakdown of ``quote`` as a two-column table for notebooks."""
    title, *lines = quote.explain("en").splitlines()
    if not quote.payable:
        return table(title, [(lines[0].rstrip(":"), "; ".join(lines[1:]))])
    return table(title, [tuple(line.split(": ", 1)) for line in lines])  # type: ignore[misc]

"""Lago's fees: a quote rendered as the fee of the seats' fixed charge, and fees summed.

``amount_cents`` counts ISO 4217's minor units; prorated units are weighted to six places, as
Lago writes them.  :mod:`seatcalc.adapters.lago` is the public face.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final

from seatcalc.adapters._fields import (
    Reader,
    decimal_string,
    iso_instant,
    iso_last_second,
    payable_minor,
    shifted,
)
from seatcalc.errors import InvalidValueError, reported_as
from seatcalc.minor_units import ISO_4217_UNITS
from seatcalc.money import Money
from seatcalc.quote import AddSeatsQuote
from seatcalc.rounding import round_ratio

#: The places Lago weighs prorated units to.
_UNIT_PLACES: Final = 6


def preview_lago(quote: AddSeatsQuote) -> dict[str, object]:
    """Render a payable quote as the fee Lago bills for the added seats.

    ``amount_cents`` is the quote's total in minor units; ``units`` the seats weighted by the
    share of the term left, to six places, as Lago writes prorated units; ``from_date`` and
    ``to_date`` the first and last second the seats are billed for; ``item`` the fixed charge.

    Raises:
        SeatcalcError: the quote is not payable, or its total is not whole minor units.
    """
    cents = payable_minor(quote, "Lago", ISO_4217_UNITS, "lago")
    sub = quote.subscription
    end = quote.end_date or sub.term_end
    share = quote.fraction if quote.fraction is not None else Fraction(1)
    weighted = share * quote.seats
    units = round_ratio(weighted.numerator * 10**_UNIT_PLACES, weighted.denominator, ROUND_HALF_UP)
    return {
        "fee": {
            "amount_cents": cents,
            "amount_currency": sub.currency,
            "taxes_amount_cents": 0,
            "taxes_rate": 0,
            "total_amount_cents": cents,
            "total_amount_currency": sub.currency,
            "units": decimal_string(shifted(Decimal(units), -_UNIT_PLACES)),
            "precise_unit_amount": decimal_string(sub.unit_price.amount),
            "pay_in_advance": True,
            "invoiceable": True,
            "from_date": iso_instant(quote.on),
            "to_date": iso_last_second(end),
            "item": {
                "type": "fixed_charge",
                "code": "seats",
                "name": sub.product or "Seats",
                "invoice_display_name": sub.product or "Seats",
            },
        }
    }


def fees_from_lago(data: Mapping[str, object]) -> Money:
    """Return the sum of ``amount_cents`` of Lago fees.

    ``data`` is one fee (``{"fee": {...}}``), a list response (``{"fees": [...]}``) or an
    invoice (``{"invoice": {"fees": [...]}}``); every fee must be in the same currency.

    Raises:
        SeatcalcError: no fee, a malformed fee, or fees in two currencies.
    """
    root = Reader(data)
    if "invoice" in root.data:
        root = root.child("invoice")
    fees = [root.child("fee")] if "fee" in root.data else root.items("fees")
    if not fees:
        raise InvalidValueError(
            field=root.where("fees"), value="[]", got="no fee", expected="at least one fee"
        )
    currency = fees[0].text("amount_currency").upper()
    total = Money.zero(currency)
    for fee in fees:
        with reported_as({"+": fee.where("amount_currency")}):
            total += fee.money("amount_cents", fee.text("amount_currency").upper(), ISO_4217_UNITS)
    return total

"""Stripe's invoices: a quote rendered as an invoice preview, and an invoice's prorations read.

Amounts are counted in Stripe's minor units (:data:`~seatcalc.STRIPE_UNITS`), and only its grid
is chargeable.  :mod:`seatcalc.adapters.stripe` is the public face.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from seatcalc.adapters._fields import Reader, payable_minor, timestamp
from seatcalc.adapters._stripe_subscriptions import price_object
from seatcalc.errors import ErrorCode, InvalidValueError
from seatcalc.minor_units import STRIPE_UNITS
from seatcalc.money import Money
from seatcalc.quote import AddSeatsQuote

_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def preview_stripe(quote: AddSeatsQuote) -> dict[str, object]:
    """Render a payable quote as Stripe's invoice preview: one proration line item.

    The line's ``amount`` is the quote's total in Stripe's minor units, its ``period`` runs from
    midnight UTC of the day the seats are added to the term's end, and ``proration`` is true,
    the shape ``Invoice.create_preview`` (formerly the upcoming invoice) returns for a quantity
    change.  The total must be an amount Stripe can charge: quote with
    ``minor_units=stripe.MINOR_UNITS``.

    Raises:
        SeatcalcError: the quote is not payable, or its total is not on Stripe's grid.
    """
    amount = payable_minor(quote, "Stripe", STRIPE_UNITS, "stripe")
    sub = quote.subscription
    currency = sub.currency.lower()
    on = quote.on
    end = quote.end_date or sub.term_end
    what = sub.product or "seat"
    line = {
        "object": "line_item",
        "amount": amount,
        "currency": currency,
        "description": (
            f"Remaining time on {quote.seats} × {what} after "
            f"{on.day:02d} {_MONTHS[on.month - 1]} {on.year}"
        ),
        "period": {"start": timestamp(on), "end": timestamp(end)},
        "proration": True,
        "quantity": quote.seats,
        "type": "subscription",
        "price": price_object(sub),
    }
    return {
        "object": "invoice",
        "currency": currency,
        "subscription_proration_date": timestamp(on),
        "lines": {"object": "list", "data": [line], "has_more": False, "total_count": 1},
        "subtotal": amount,
        "total": amount,
        "amount_due": amount,
    }


def prorations_from_stripe(invoice: Mapping[str, object]) -> Money:
    """Return the sum of the proration line items of a Stripe invoice (or invoice preview).

    Lines marked ``"proration": true`` count (on API versions from 2025-03-31, those whose
    ``parent.subscription_item_details.proration`` is true); their ``amount`` is read in
    Stripe's minor units.

    Raises:
        SeatcalcError: a line is malformed, or the invoice has no proration line.
    """
    root = Reader(invoice)
    currency = root.text("currency").upper()
    total = Money.zero(currency)
    found = False
    for line in root.child("lines").items("data"):
        if _is_proration(line):
            found = True
            total += _chargeable(line, currency)
    if not found:
        raise InvalidValueError(
            field="lines.data",
            value="no line with proration true",
            got="no proration line",
            expected="an invoice with at least one proration line item",
            code=ErrorCode.EMPTY,
        )
    return total


def _chargeable(line: Reader, currency: str) -> Money:
    # Stripe charges only its grid: ISK in whole krónur (150 is not 1.50 ISK), KWD to 0.010.
    amount = line.money("amount", currency, STRIPE_UNITS)
    if not amount.is_rounded(minor_units=STRIPE_UNITS):
        increment = STRIPE_UNITS.unit(currency).increment
        raise InvalidValueError(
            field=line.where("amount"),
            value=line.get("amount"),
            problem=f", which Stripe cannot charge in {currency}",
            expected=f"a multiple of {increment} minor units",
            code=ErrorCode.NOT_ROUNDED,
        )
    return amount


def _is_proration(line: Reader) -> bool:
    if line.optional("proration") is not None:
        return line.flag("proration")
    parent = line.optional("parent")
    if isinstance(parent, Mapping):
        details = parent.get("subscription_item_details")
        if isinstance(details, Mapping):
            return details.get("proration") is True
    return False

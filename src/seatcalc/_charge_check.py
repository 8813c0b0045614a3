"""Checking a charged amount: does seatcalc reproduce what an engine or an invoice charged?

:func:`check_charge` prices adding seats under the convention, rounding mode and minor-unit
table you expect (the subscription's), compares the result with the amount actually charged,
and searches every convention preset (:data:`~seatcalc.CONVENTIONS`), rounding mode
(:data:`~seatcalc.ROUNDING_MODES`) and named minor-unit table for those that give the charged
amount exactly.  :mod:`seatcalc.audit` re-exports these names beside its table version,
:func:`~seatcalc.check_charges`, which checks every row of an export.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Self

import attrs

from seatcalc._charge_matches import ChargeMatch, charge_matches, pricing_policy
from seatcalc._records import read_convention, read_items, read_nested
from seatcalc._validate import (
    check_agrees,
    check_count,
    check_date,
    check_keys,
    parse_date,
    parse_ratio,
)
from seatcalc.conventions import ACTUAL_DAYS, Convention, convention_to_data
from seatcalc.errors import (
    CurrencyMismatchError,
    ErrorCode,
    InvalidTypeError,
    OutsideTermError,
    reported_within,
)
from seatcalc.minor_units import MINOR_UNIT_TABLES, MinorUnits, check_minor_units
from seatcalc.money import Money
from seatcalc.quote import quote_add_seats
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription, check_subscription

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["ChargeCheck", "ChargeMatch", "check_charge"]


_INPUTS: Final = ("subscription", "seats", "on", "charged", "convention", "rounding", "minor_units")
_COMPUTED: Final = ("expected", "reproduced", "difference", "difference_minor", "matches")


@attrs.frozen(kw_only=True)
class ChargeCheck:
    """Whether seatcalc reproduces a charged amount, and which of its conventions do.

    Build one with :func:`check_charge`.  :attr:`expected` is seatcalc's total under the
    convention, rounding mode and minor-unit table you named; :attr:`matches` lists every
    convention preset, rounding mode and named table (and yours) that gives :attr:`charged`
    exactly, in the order of :data:`~seatcalc.CONVENTIONS`, then
    :data:`~seatcalc.ROUNDING_MODES`, then the tables.

    .. versionadded:: 0.1.0
    """

    #: The subscription the seats were added to.
    subscription: Subscription
    #: The seats added.
    seats: int
    #: The day they were added.
    on: dt.date
    #: What the engine or the invoice charged.
    charged: Money
    #: The convention the charge is expected to follow.
    convention: Convention
    #: The rounding mode the charge is expected to follow.
    rounding: str
    #: The table of minor units the charge is expected to follow.
    minor_units: MinorUnits
    #: seatcalc's total under :attr:`convention`, :attr:`rounding` and :attr:`minor_units`.
    expected: Money
    #: Every convention preset, rounding mode and table that gives :attr:`charged` exactly.
    matches: tuple[ChargeMatch, ...]

    @property
    def reproduced(self) -> bool:
        """Whether :attr:`expected` equals :attr:`charged`."""
        return self.expected == self.charged

    @property
    def explained(self) -> bool:
        """Whether some convention, rounding mode and table of seatcalc gives the charge."""
        return bool(self.matches)

    @property
    def difference(self) -> Money:
        """``charged - expected``, exactly: what the engine charged more (or less, if < 0)."""
        return self.charged - self.expected

    @property
    def difference_minor(self) -> Fraction:
        """:attr:`difference` in minor units of :attr:`minor_units` (a whole number, usually)."""
        places = self.minor_units.digits(self.charged.currency)
        return self.difference.to_fraction() * Fraction(10**places)

    @property
    def status(self) -> str:
        """``"reproduced"``, ``"other_convention"`` (a match, not yours) or ``"unexplained"``."""
        if self.reproduced:
            return "reproduced"
        return "other_convention" if self.matches else "unexplained"

    def explain(self, locale: str | Locale = "en") -> str:
        """Write the check out for a reader of ``locale``: amounts, verdict, matches."""
        from seatcalc._explain_audit import explain_check  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_check(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, seatcalc's amount, the verdict and matches."""
        return {
            "subscription": self.subscription.to_dict(),
            "seats": self.seats,
            "on": self.on.isoformat(),
            "charged": self.charged.to_dict(),
            "convention": convention_to_data(self.convention),
            "rounding": self.rounding,
            "minor_units": self.minor_units.to_data(),
            "expected": self.expected.to_dict(),
            "reproduced": self.reproduced,
            "difference": self.difference.to_dict(),
            "difference_minor": str(self.difference_minor),
            "matches": [match.to_dict() for match in self.matches],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a check from :meth:`to_dict`'s form by checking the charge again.

        The inputs are required; the computed entries are optional and, when present, must
        equal what seatcalc computes.
        """
        mapping = check_keys(data, "ChargeCheck", _INPUTS, _COMPUTED)
        subscription = read_nested(mapping["subscription"], "subscription", Subscription.from_dict)
        charged = read_nested(mapping["charged"], "charged", Money.from_dict)
        if "expected" in mapping:
            read_nested(mapping["expected"], "expected", Money.from_dict)
        if "difference" in mapping:
            read_nested(mapping["difference"], "difference", Money.from_dict)
        if "difference_minor" in mapping:
            parse_ratio(mapping["difference_minor"], "difference_minor")
        if "matches" in mapping:
            read_items(mapping["matches"], "matches", ChargeMatch.from_dict)
        result = check_charge(
            subscription,
            check_count(mapping["seats"], "seats"),
            parse_date(mapping["on"], "on"),
            charged,
            convention=read_convention(mapping["convention"]),
            rounding=check_rounding(mapping["rounding"]),
            minor_units=check_minor_units(mapping["minor_units"]),
        )
        check_agrees(mapping, result.to_dict(), _COMPUTED)
        return cls(**{field.name: getattr(result, field.name) for field in attrs.fields(cls)})


def check_charge(
    subscription: Subscription,
    seats: int,
    on: dt.date,
    charged: Money | int,
    *,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
) -> ChargeCheck:
    """Check an amount charged for adding ``seats`` seats on ``on`` against seatcalc's price.

    ``convention``, ``rounding`` and ``minor_units`` are what you expect the charge to follow
    (the subscription's); :attr:`ChargeCheck.expected` is seatcalc's total under them.  Every
    convention preset, rounding mode and named minor-unit table (and yours, if it is a custom
    one) is then tried, and all that give ``charged`` exactly are listed.  Whether adding the
    seats was allowed is not checked: an engine charged, and only the price is audited.

    ``charged`` is :class:`~seatcalc.Money` in the price's currency, or an int of minor units
    of ``minor_units`` (what billing APIs write: Stripe's ``amount``).

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> check = check_charge(sub, 2, dt.date(2026, 7, 1), Money("1209.86", "USD"))
    >>> check.reproduced, check.status
    (True, 'reproduced')
    >>> check = check_charge(sub, 2, dt.date(2026, 7, 1), 119999)
    >>> check.reproduced, check.difference_minor, check.status
    (False, Fraction(-987, 1), 'unexplained')
    >>> check = check_charge(sub, 2, dt.date(2026, 7, 1), Money("1203.29", "USD"))
    >>> check.status, check.matches[0].label()
    ('other_convention', 'chargebee / ROUND_HALF_UP / cldr')

    Raises:
        OutsideTermError: ``on`` is not in the subscription's term.
        CurrencyMismatchError: ``charged`` is in another currency than the price.
        InvalidTypeError, InvalidValueError: as :func:`~seatcalc.quote_add_seats` does.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    table = check_minor_units(minor_units)
    currency = sub.unit_price.currency
    amount = _charged(charged, currency, table)
    day = check_date(on, "on")
    if not sub.term_start <= day < sub.term_end:
        raise OutsideTermError(day, sub.term_start, sub.term_end, "on")
    quote = quote_add_seats(
        sub,
        seats,
        day,
        policy=pricing_policy(),
        convention=convention,
        rounding=rounding,
        minor_units=table,
    )
    assert quote.total is not None  # noqa: S101 - every rule but the term's is open
    tables = MINOR_UNIT_TABLES if table in MINOR_UNIT_TABLES else (*MINOR_UNIT_TABLES, table)
    return ChargeCheck(
        subscription=sub,
        seats=quote.seats,
        on=day,
        charged=amount,
        convention=quote.convention,
        rounding=quote.rounding,
        minor_units=table,
        expected=quote.total,
        matches=charge_matches(sub, quote.seats, day, amount, tables),
    )


def _charged(value: object, currency: str, table: MinorUnits) -> Money:
    if isinstance(value, int) and not isinstance(value, bool):
        with reported_within("charged"):
            return Money.from_minor(value, currency, minor_units=table)
    if not isinstance(value, Money):
        raise InvalidTypeError(
            field="charged",
            value=value,
            expected=f"Money in {currency}, or an int of minor units",
            code=ErrorCode.FLOAT_NOT_EXACT if isinstance(value, float) else None,
        )
    if value.currency != currency:
        raise CurrencyMismatchError(
            field="charged",
            value=value,
            got=repr(value),
            expected=f"an amount in {currency}, the price's currency",
        )
    return value

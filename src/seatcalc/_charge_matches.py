"""The conventions that give a charge: every preset, rounding mode and table that reproduces it.

:class:`ChargeMatch` names one; :func:`charge_matches` searches them all for
:func:`~seatcalc.check_charge`, which :mod:`seatcalc._charge_check` holds.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from fractions import Fraction
from typing import Self

import attrs

from seatcalc._validate import check_keys
from seatcalc.conventions import CONVENTIONS
from seatcalc.errors import ErrorCode, InvalidValueError
from seatcalc.minor_units import MinorUnits, check_minor_units
from seatcalc.money import Money
from seatcalc.policy import Policy
from seatcalc.quote import quote_add_seats
from seatcalc.rounding import ROUNDING_MODES, check_rounding, round_ratio
from seatcalc.subscription import CHANNELS, Subscription

__all__ = ["ChargeMatch", "charge_matches", "pricing_policy"]


# Pricing a charge does not ask whether adding seats was allowed: the engine charged.  This
# policy allows every country, channel, purchase date and renewal setting; only a day outside
# the term stays refused.
@functools.cache
def pricing_policy() -> Policy:
    """Return the policy charges are priced under: every rule but the term's is open."""
    # Built on first use, not when seatcalc is imported.
    return Policy(
        allowed=frozenset({"001"}), channels=CHANNELS, cutoff=None, auto_renew_required=False
    )


@attrs.frozen(kw_only=True)
class ChargeMatch:
    """A convention preset, a rounding mode and a minor-unit table that give a charged amount.

    .. versionadded:: 0.1.0
    """

    #: The name of a preset in :data:`~seatcalc.CONVENTIONS`.
    convention: str
    #: A :mod:`decimal` rounding mode.
    rounding: str
    #: The table of minor units.
    minor_units: MinorUnits = attrs.field(converter=check_minor_units)

    def label(self) -> str:
        """Return ``convention / rounding / table``, as the explanation lists matches."""
        return f"{self.convention} / {self.rounding} / {self.minor_units.name}"

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form: the three names (a custom table as its mapping)."""
        return {
            "convention": self.convention,
            "rounding": self.rounding,
            "minor_units": self.minor_units.to_data(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read :meth:`to_dict`'s form."""
        mapping = check_keys(data, "ChargeMatch", ("convention", "rounding", "minor_units"))
        name = mapping["convention"]
        if not isinstance(name, str) or name not in CONVENTIONS:
            raise InvalidValueError(
                field="convention",
                value=name,
                expected=f"one of {', '.join(CONVENTIONS)}",
                code=ErrorCode.UNKNOWN_CHOICE,
            )
        return cls(
            convention=str(name),
            rounding=check_rounding(mapping["rounding"]),
            minor_units=mapping["minor_units"],
        )


def charge_matches(
    sub: Subscription,
    seats: int,
    day: dt.date,
    charged: Money,
    tables: tuple[MinorUnits, ...],
) -> tuple[ChargeMatch, ...]:
    """Return every preset, rounding mode and table of ``tables`` that gives ``charged``.

    In the order of :data:`~seatcalc.CONVENTIONS`, then :data:`~seatcalc.ROUNDING_MODES`,
    then ``tables``.
    """
    # One quote per convention gives the exact amount; each rounding mode and table then rounds
    # it as quote_add_seats would: per seat for a convention that rounds each seat's price (when
    # the term holds no whole periods more), else once on the line.
    target = charged.to_fraction()
    price = sub.unit_price.to_fraction()
    currency = sub.unit_price.currency
    found = []
    for name, convention in CONVENTIONS.items():
        quote = quote_add_seats(sub, seats, day, policy=pricing_policy(), convention=convention)
        exact, proration = quote.exact, quote.proration
        assert exact is not None  # noqa: S101 - every rule but the term's is open
        assert proration is not None  # noqa: S101
        per_seat = convention.rounding_order == "unit" and not quote.whole_periods
        each = price * proration.fraction
        for table in tables:
            places, step = table.unit(currency)
            scale = 10**places
            for mode in ROUNDING_MODES:
                if per_seat:
                    scaled = each * scale
                    units = (
                        seats
                        * step
                        * round_ratio(scaled.numerator, scaled.denominator * step, mode)
                    )
                else:
                    scaled = exact * scale
                    units = step * round_ratio(scaled.numerator, scaled.denominator * step, mode)
                if Fraction(units, scale) == target:
                    found.append(ChargeMatch(convention=name, rounding=mode, minor_units=table))
    return tuple(found)

"""Rounding money to a minor unit: :meth:`Money.round <seatcalc.Money.round>` and its kin.

:class:`MoneyRounding` is a base of :class:`~seatcalc.Money` that holds the methods which round
an exact value or an amount once, to a currency's minor unit (or ``digits`` places, or a table's
unit), count an amount in minor units, and split it into parts.  Each works on the amount's
exact integer ratio and builds its result with :meth:`~seatcalc.Money.from_minor`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Self

from seatcalc._allocation import check_weights, split_minor_units
from seatcalc._amounts import MAX_DIGITS, coerce_exact
from seatcalc.errors import ErrorCode, InvalidValueError
from seatcalc.minor_units import rounding_unit
from seatcalc.rounding import check_rounding, round_ratio

if TYPE_CHECKING:
    from seatcalc.minor_units import MinorUnitsLike

__all__ = ["MoneyRounding"]

# 10**places for each number of places seatcalc rounds to.
_POWERS: Final[tuple[int, ...]] = tuple(10**places for places in range(MAX_DIGITS + 1))


class MoneyRounding:
    """Money's rounding methods (a base of :class:`~seatcalc.Money`, which documents them)."""

    __slots__ = ()

    if TYPE_CHECKING:
        amount: Decimal
        currency: str

        def as_integer_ratio(self) -> tuple[int, int]: ...

        @classmethod
        def from_minor(
            cls,
            units: int,
            currency: str,
            *,
            digits: int | None = ...,
            minor_units: MinorUnitsLike = ...,
        ) -> Self: ...

    @classmethod
    def from_exact(
        cls,
        value: Fraction | Decimal | int | str,
        currency: str,
        *,
        rounding: str = ROUND_HALF_UP,
        digits: int | None = None,
        minor_units: MinorUnitsLike = None,
    ) -> Self:
        """Round an exact value once to the currency's minor unit and return it as money.

        ``value`` may be a :class:`~fractions.Fraction` (such as a prorated price, which may not
        have a finite decimal expansion), a Decimal, an int or a decimal string.

        >>> from seatcalc import Money
        >>> from fractions import Fraction
        >>> Money.from_exact(Fraction(2 * 1200 * 184, 365), "USD")
        Money('1209.86', 'USD')
        >>> Money.from_exact(Fraction(1, 3), "KWD", rounding="ROUND_UP")
        Money('0.334', 'KWD')
        >>> Money.from_exact(Fraction(1, 3), "KWD", minor_units="stripe")
        Money('0.330', 'KWD')
        """
        places, step = rounding_unit(currency, digits, minor_units)
        mode = check_rounding(rounding)
        exact = coerce_exact(value, "value")
        units = step * round_ratio(
            exact.numerator * _POWERS[places], exact.denominator * step, mode
        )
        return cls.from_minor(units, currency, digits=places)

    def to_minor(self, *, digits: int | None = None, minor_units: MinorUnitsLike = None) -> int:
        """Return the amount as an int of minor units (cents for USD), as billing APIs take it.

        The amount must be a whole number of minor units: round it first.  ``minor_units``
        names the table whose minor unit is counted (``"stripe"`` for Stripe's ``amount``).

        >>> from seatcalc import Money
        >>> Money("1209.86", "USD").to_minor(), Money("2740", "JPY").to_minor()
        (120986, 2740)
        >>> Money("1500", "IDR").to_minor(minor_units="stripe")
        150000
        >>> Money("5", "ISK").to_minor(minor_units="stripe")
        500
        >>> Money("0.125", "USD").to_minor()
        Traceback (most recent call last):
        ...
        seatcalc.errors.InvalidValueError: amount: got Money('0.125', 'USD'), which is not a whole number of minor units (2 decimal places); expected an amount rounded first, e.g. with .round()

        .. versionadded:: 0.1.0
        """  # noqa: E501 - a doctest's output is one line
        places = rounding_unit(self.currency, digits, minor_units).digits
        numerator, denominator = self.as_integer_ratio()
        units, rest = divmod(numerator * _POWERS[places], denominator)
        if rest:
            raise InvalidValueError(
                field="amount",
                value=self,
                got=repr(self),
                problem=(f", which is not a whole number of minor units ({places} decimal places)"),
                expected="an amount rounded first, e.g. with .round()",
                code=ErrorCode.NOT_ROUNDED,
            )
        return units

    def round(
        self,
        rounding: str = ROUND_HALF_UP,
        *,
        digits: int | None = None,
        minor_units: MinorUnitsLike = None,
    ) -> Self:
        """Round to the currency's minor unit (or to ``digits`` places) with one named mode.

        ``minor_units`` names the table of minor units (:mod:`seatcalc.minor_units`); cash
        rounding, for one, rounds CHF to 0.05.

        >>> from seatcalc import Money
        >>> Money("2.675", "USD").round(), Money("2.675", "USD").round("ROUND_HALF_EVEN")
        (Money('2.68', 'USD'), Money('2.68', 'USD'))
        >>> Money("2.665", "USD").round("ROUND_HALF_EVEN")
        Money('2.66', 'USD')
        >>> Money("1234.5", "JPY").round(), Money("1.23456", "USD").round(digits=4)
        (Money('1235', 'JPY'), Money('1.2346', 'USD'))
        >>> Money("1234.5", "IDR").round(), Money("1234.5", "IDR").round(minor_units="iso4217")
        (Money('1235', 'IDR'), Money('1234.50', 'IDR'))
        >>> Money("12.33", "CHF").round(minor_units="cash")
        Money('12.35', 'CHF')
        """
        places, step = rounding_unit(self.currency, digits, minor_units)
        mode = check_rounding(rounding)
        numerator, denominator = self.as_integer_ratio()
        units = step * round_ratio(numerator * _POWERS[places], denominator * step, mode)
        return self.from_minor(units, self.currency, digits=places)

    def is_rounded(self, *, digits: int | None = None, minor_units: MinorUnitsLike = None) -> bool:
        """Say whether the amount is a whole number of minor units (or of ``digits`` places).

        In a table with an increment (cash rounding) the amount must be a multiple of it.

        >>> from seatcalc import Money
        >>> Money("1.50", "USD").is_rounded(), Money("1.505", "USD").is_rounded()
        (True, False)
        >>> (
        ...     Money("1.50", "CHF").is_rounded(minor_units="cash"),
        ...     Money("1.52", "CHF").is_rounded(minor_units="cash"),
        ... )
        (True, False)
        """
        places, step = rounding_unit(self.currency, digits, minor_units)
        numerator, denominator = self.as_integer_ratio()
        return (numerator * _POWERS[places]) % (denominator * step) == 0

    def allocate(
        self,
        weights: Iterable[int | Decimal | Fraction],
        *,
        digits: int | None = None,
        minor_units: MinorUnitsLike = None,
    ) -> tuple[Self, ...]:
        """Split the amount into parts proportional to ``weights`` that sum to it exactly.

        The amount must already be a whole number of minor units (round it first).  Each part
        first gets the whole minor units of its exact share; the units left over go one each to
        the parts with the largest remainders, ties going to the earlier part.  So the result is
        deterministic, and equal weights give parts that differ by at most one minor unit, the
        larger parts first.

        >>> from seatcalc import Money
        >>> Money("10.00", "EUR").allocate([1, 2])
        (Money('3.33', 'EUR'), Money('6.67', 'EUR'))
        >>> Money("-0.05", "USD").allocate([1, 1])
        (Money('-0.03', 'USD'), Money('-0.02', 'USD'))
        >>> Money("1000", "JPY").allocate([1, 1, 1])
        (Money('334', 'JPY'), Money('333', 'JPY'), Money('333', 'JPY'))

        With a table that rounds to an increment, a multiple of it splits into multiples of it:

        >>> Money("1.00", "CHF").allocate([1, 1, 1], minor_units="cash")
        (Money('0.35', 'CHF'), Money('0.35', 'CHF'), Money('0.30', 'CHF'))
        """
        places, step = rounding_unit(self.currency, digits, minor_units)
        shares = check_weights(weights)
        parts = split_minor_units(self.to_minor(digits=places), shares, step)
        return tuple(self.from_minor(part, self.currency, digits=places) for part in parts)

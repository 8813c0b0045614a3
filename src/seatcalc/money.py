"""Money: an exact decimal amount in one ISO 4217 currency.

Amounts are :class:`decimal.Decimal`, never binary floats.  Arithmetic is exact: sums and
products are computed in a private :class:`decimal.Context` with enough precision that nothing
is rounded behind the caller's back (an operation that would need rounding raises instead).
Rounding to the currency's minor unit is one explicit, named step: :meth:`Money.round` for an
amount, :meth:`Money.from_exact` for an exact ratio such as a prorated price.

Nothing here reads or changes the caller's thread-local :mod:`decimal` context: every operation
names seatcalc's own context (or works on integers), so a result is the same in every thread,
whatever precision, rounding or traps the caller has set, and the caller's flags stay as they
were.

What an amount may be is :mod:`seatcalc._amounts`'s to say, and a currency's minor unit is
:mod:`seatcalc.minor_units`'s: CLDR's digits through babel by default (USD 2, JPY 0, KWD 3);
every rounding method takes ``minor_units=`` to choose another table (ISO 4217, Stripe's, cash
rounding, or the caller's mapping) and ``digits=`` to choose a number of places.

Construction, the arithmetic and the hot paths are here.  Money's other methods live in its
three slotted bases, in private modules: ``_money_rounding`` (:meth:`Money.round`,
:meth:`Money.from_exact`, ``to_minor``, ``allocate``), ``_money_text`` (:meth:`Money.format`,
:meth:`Money.explain`) and ``_money_data`` (``to_dict``, ``from_dict``, the py-moneyed bridge);
``_allocation`` splits minor units by weights for :meth:`Money.allocate`.
"""

from __future__ import annotations

import functools
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
)
from fractions import Fraction
from typing import Final, NoReturn, Self, SupportsIndex

import attrs

from seatcalc._amounts import MAX_DIGITS, MAX_INTEGER_DIGITS, to_decimal
from seatcalc._money_data import MoneyData
from seatcalc._money_rounding import MoneyRounding
from seatcalc._money_text import MoneyText
from seatcalc._pydantic_support import pydantic_core_schema, pydantic_json_schema
from seatcalc.currency import check_currency, cldr_digits, minor_unit_digits
from seatcalc.errors import (
    CurrencyMismatchError,
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
)
from seatcalc.minor_units import MinorUnitsLike, rounding_unit
from seatcalc.rounding import ROUNDING_MODES

__all__ = [
    "MAX_DIGITS",
    "MAX_INTEGER_DIGITS",
    "ROUNDING_MODES",
    "Money",
    "check_price",
    "minor_unit_digits",
]

# seatcalc's own decimal context.  Sums and products of two valid amounts have at most
# 2 * (18 + 30) = 96 digits, so 100 digits compute them exactly, and the Inexact trap turns any
# surprise into an error rather than a rounded amount.  Every Decimal operation in this module
# names this context (or rounds in the quantize call that names its mode): the caller's
# thread-local context is never read, and its flags are never set.  The flags of this context
# are set by the operations and never read.
_EXACT: Final = Context(
    prec=100,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[InvalidOperation, Inexact, Overflow],
)
# One minor unit for each number of digits, 10**-digits, built once in seatcalc's context.
_UNITS: Final = tuple(_EXACT.scaleb(Decimal(1), Decimal(-places)) for places in range(31))
# Amounts in minor units are below this bound, for each number of digits.
_UNIT_LIMITS: Final[tuple[int, ...]] = tuple(
    10 ** (MAX_INTEGER_DIGITS + places) for places in range(31)
)

_RESULT_EXPECTED: Final = (
    f"a result below 10**{MAX_INTEGER_DIGITS} with at most {MAX_DIGITS} decimal places"
)


@functools.cache
def _cldr_unit(currency: str) -> tuple[Decimal, int]:
    """Return CLDR's minor unit of ``currency`` as a Decimal, and the bound on its count.

    A memo of a pure lookup (CLDR data does not change while the process runs), for
    :meth:`Money.from_minor`, which every prorated amount goes through.  Only known codes reach
    it, so it holds at most one entry per CLDR currency.
    """
    places = cldr_digits(currency)
    return _UNITS[places], _UNIT_LIMITS[places]


@attrs.frozen(repr=False, init=False)
class Money(MoneyRounding, MoneyText, MoneyData):
    """An exact amount of money in one currency.

    ``amount`` accepts a :class:`~decimal.Decimal`, an ``int`` or a decimal string; a float is
    refused, and so are NaN, infinities and bools.  ``currency`` is an ISO 4217 code that CLDR
    knows.  Two values are equal when their amounts are numerically equal in the same currency,
    so ``Money("1.5", "USD") == Money("1.50", "USD")``.

    >>> price = Money("1200.00", "USD")
    >>> price * 2 + Money("0.50", "USD")
    Money('2400.50', 'USD')
    >>> Money("10.005", "USD").round()
    Money('10.01', 'USD')
    >>> Money("100.00", "USD").allocate([1, 1, 1])
    (Money('33.34', 'USD'), Money('33.33', 'USD'), Money('33.33', 'USD'))
    >>> Money(1.5, "USD")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidTypeError: amount: got the float 1.5; floats cannot ...

    .. versionadded:: 0.1.0
    """

    amount: Decimal
    currency: str

    # pydantic field support (seatcalc.pydantic), imported only when pydantic asks.
    __get_pydantic_core_schema__ = pydantic_core_schema
    __get_pydantic_json_schema__ = pydantic_json_schema

    # -- construction ---------------------------------------------------------------------

    def __init__(self, amount: Decimal | int | str, currency: str) -> None:
        """Check ``amount`` (see :mod:`seatcalc._amounts`) and ``currency``, then keep them.

        Written by hand rather than generated: it sets the two slots with their own setters,
        which skip the frozen class's ``__setattr__``, and runs each check once, directly.
        """
        _SET_AMOUNT(self, to_decimal(amount, "amount"))
        _SET_CURRENCY(self, check_currency(currency))

    @classmethod
    def _of(cls, amount: Decimal, currency: str) -> Self:
        """Build Money from an amount and a currency that are already known to be valid.

        This is the one unchecked constructor: Money's own arithmetic and
        :meth:`from_minor` use it for amounts they have just computed from valid values (a
        finite Decimal within the bounds, a known currency), which the public constructor
        would check again.  It sets the two slots with their own setters, which skip the
        frozen class's ``__setattr__`` (half the time of ``object.__setattr__``).
        """
        money = object.__new__(cls)
        _SET_AMOUNT(money, amount)
        _SET_CURRENCY(money, currency)
        return money

    @classmethod
    def zero(cls, currency: str) -> Self:
        """Return zero in ``currency``, the start value for summing amounts.

        >>> sum([Money("1.10", "EUR"), Money("2.20", "EUR")], Money.zero("EUR"))
        Money('3.30', 'EUR')
        """
        return cls(0, currency)

    @classmethod
    def from_minor(
        cls,
        units: int,
        currency: str,
        *,
        digits: int | None = None,
        minor_units: MinorUnitsLike = None,
    ) -> Self:
        """Return ``units`` minor units of ``currency`` (cents for USD, yen for JPY).

        Billing APIs write amounts as integers of minor units (Stripe's ``amount``, Lago's
        ``amount_cents``); ``minor_units`` chooses the table that says how many places a minor
        unit has (:mod:`seatcalc.minor_units`), ``digits`` a number of places.

        >>> Money.from_minor(120986, "USD"), Money.from_minor(2740, "JPY")
        (Money('1209.86', 'USD'), Money('2740', 'JPY'))
        >>> Money.from_minor(5, "KWD"), Money.from_minor(-5, "USD", digits=3)
        (Money('0.005', 'KWD'), Money('-0.005', 'USD'))
        >>> Money.from_minor(150000, "IDR", minor_units="stripe")
        Money('1500.00', 'IDR')

        .. versionadded:: 0.1.0
        """
        if type(currency) is not str:
            currency = check_currency(currency)
        if type(units) is not int:
            if isinstance(units, bool) or not isinstance(units, int):
                raise InvalidTypeError(field="units", value=units, expected="an int")
            units = int(units)
        if digits is None and minor_units is None:
            unit, limit = _cldr_unit(currency)  # raises UnknownCurrencyError for an unknown code
        else:
            places = rounding_unit(currency, digits, minor_units).digits
            unit, limit = _UNITS[places], _UNIT_LIMITS[places]
        if not -limit < units < limit:
            raise InvalidValueError(
                field="units",
                value=units,
                expected=f"an int whose amount is below 10**{MAX_INTEGER_DIGITS} {currency}",
            )
        return cls._of(_EXACT.multiply(units, unit), currency)

    # -- arithmetic -----------------------------------------------------------------------

    def _same_currency(self, other: object, operation: str) -> Money:
        if type(other) is Money and other.currency == self.currency:
            return other
        if not isinstance(other, Money):
            raise InvalidTypeError(
                field=operation,
                value=other,
                expected=f"Money in {self.currency}",
                hint=f"wrap plain numbers as Money(amount, {self.currency!r})",
            )
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                field=operation,
                value=other.currency,
                detail=(
                    f"cannot combine {self.currency} and {other.currency}; convert one amount "
                    "first, both must have the same currency"
                ),
                expected=f"Money in {self.currency}",
            )
        return other

    def _refuse_result(self, amount: Decimal, operation: str, other: object) -> NoReturn:
        raise InvalidValueError(
            field=operation,
            value=other,
            problem=f", which gives {format(amount, 'f')} {self.currency}",
            expected=_RESULT_EXPECTED,
        )

    def __add__(self, other: Money) -> Self:
        """Add two amounts of the same currency, exactly."""
        if type(other) is not Money or other.currency != self.currency:
            self._same_currency(other, "+")
        # A sum of two amounts of at most 30 places has at most 30; it may reach 10**18.  It
        # is -0 only when both are, and an amount never is.
        amount = _EXACT.add(self.amount, other.amount)
        if amount.adjusted() >= MAX_INTEGER_DIGITS and amount:
            self._refuse_result(amount, "+", other)
        return self._of(amount, self.currency)

    def __radd__(self, other: object) -> Self:
        """Let :func:`sum` start from the int 0: ``sum(amounts)`` works without a start value.

        >>> sum([Money("1.10", "EUR"), Money("2.20", "EUR")])
        Money('3.30', 'EUR')
        """
        if type(other) is int and other == 0:
            return self
        return self._same_currency(other, "+") + self  # raises: other is not Money

    def __sub__(self, other: Money) -> Self:
        """Subtract two amounts of the same currency, exactly."""
        if type(other) is not Money or other.currency != self.currency:
            self._same_currency(other, "-")
        amount = _EXACT.subtract(self.amount, other.amount)  # as for +: at most 30 places
        if amount.adjusted() >= MAX_INTEGER_DIGITS and amount:
            self._refuse_result(amount, "-", other)
        return self._of(amount, self.currency)

    def __neg__(self) -> Self:
        """Return the amount with its sign flipped."""
        if self.amount.is_zero():
            return self
        return self._of(self.amount.copy_negate(), self.currency)

    def __mul__(self, factor: int | Decimal) -> Self:
        """Multiply by an int or a Decimal, exactly (a float, a bool or Money is refused)."""
        given: object = factor  # callers without a type checker pass anything
        if type(given) is not int and (
            isinstance(given, bool) or not isinstance(given, int | Decimal)
        ):
            raise InvalidTypeError(
                field="*",
                value=given,
                expected="an int or a Decimal",
                hint=(
                    "to scale by a ratio use Money.from_exact, which rounds once"
                    if isinstance(given, Fraction)
                    else None
                ),
                code=ErrorCode.FLOAT_NOT_EXACT if isinstance(given, float) else None,
            )
        multiplier = to_decimal(given, "*")
        amount = _EXACT.multiply(self.amount, multiplier)
        if amount.adjusted() >= MAX_INTEGER_DIGITS and amount:
            self._refuse_result(amount, "*", factor)
        # An int keeps the amount's decimal places; a Decimal adds its own, which may pass 30.
        # (as_tuple() builds a tuple of every digit: only a Decimal factor needs it.)
        if type(given) is not int and amount.as_tuple().exponent < -MAX_DIGITS:  # type: ignore[operator]
            self._refuse_result(amount, "*", factor)
        return self._of(amount.copy_abs() if amount.is_zero() else amount, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        if type(other) is not Money or other.currency != self.currency:
            self._same_currency(other, "<")
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        if type(other) is not Money or other.currency != self.currency:
            self._same_currency(other, "<=")
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        if type(other) is not Money or other.currency != self.currency:
            self._same_currency(other, ">")
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        if type(other) is not Money or other.currency != self.currency:
            self._same_currency(other, ">=")
        return self.amount >= other.amount

    # -- exact values, rounding and allocation --------------------------------------------

    @property
    def digits(self) -> int:
        """The currency's minor-unit digits according to CLDR (USD 2, JPY 0, KWD 3).

        :func:`seatcalc.minor_unit` gives them in another table.
        """
        return cldr_digits(self.currency)

    def as_integer_ratio(self) -> tuple[int, int]:
        """Return the amount as ``(numerator, denominator)``, in lowest terms, denominator > 0.

        >>> Money("12.50", "USD").as_integer_ratio()
        (25, 2)
        """
        return self._ratio

    @functools.cached_property
    def _ratio(self) -> tuple[int, int]:
        # Computed on first use and kept: prorating a price works on this integer ratio.
        return self.amount.as_integer_ratio()

    def to_fraction(self) -> Fraction:
        """Return the amount as an exact :class:`~fractions.Fraction`."""
        return Fraction(*self._ratio)

    # -- representation (format, explain and the data forms: see MoneyText and MoneyData) --

    def __repr__(self) -> str:
        """Return ``Money('1.50', 'USD')``, which evaluates back to an equal value."""
        return f"Money({format(self.amount, 'f')!r}, {self.currency!r})"

    def __str__(self) -> str:
        """Return ``1.50 USD``: the exact amount and the code, not localized."""
        return f"{format(self.amount, 'f')} {self.currency}"

    def __reduce__(self) -> tuple[type[Self], tuple[str, str]]:
        """Pickle as the constructor call, so unpickling validates like any construction."""
        return (type(self), (format(self.amount, "f"), self.currency))

    def __round__(self, ndigits: SupportsIndex | None = None) -> Self:
        """Refuse :func:`round`: use :meth:`Money.round`, which names its rounding mode."""
        raise InvalidTypeError(
            field="round()",
            value=self,
            detail=(
                "got a call to the builtin round(); use Money.round(rounding=...) "
                "so the rounding mode is explicit"
            ),
            expected="a call to Money.round(rounding=...)",
            code=ErrorCode.NOT_SUPPORTED,
        )


# The slots' own setters, for Money._of only.
_SET_AMOUNT: Final = Money.__dict__["amount"].__set__
_SET_CURRENCY: Final = Money.__dict__["currency"].__set__


def check_price(value: object, field: str, currency: str | None = None) -> Money:
    """Return ``value`` if it is Money >= 0 (in ``currency``, when given): a price.

    >>> check_price(Money("12.00", "EUR"), "unit_price", "USD")
    Traceback (most recent call last):
    ...
    seatcalc.errors.CurrencyMismatchError: unit_price: got Money('12.00', 'EUR'); expected a price in USD
    """  # noqa: E501 - a doctest's output is one line
    if not isinstance(value, Money):
        hint = (
            f"pass Money({str(value)!r}, {currency or 'USD'!r}) with the right currency"
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool)
            else None
        )
        raise InvalidTypeError(
            field=field,
            value=value,
            expected="Money, such as Money('1200.00', 'USD')",
            hint=hint,
            code=ErrorCode.FLOAT_NOT_EXACT if isinstance(value, float) else None,
        )
    if currency is not None and value.currency != currency:
        raise CurrencyMismatchError(
            field=field, value=value, got=repr(value), expected=f"a price in {currency}"
        )
    if value.amount < 0:
        raise InvalidValueError(
            field=field,
            value=value,
            got=repr(value),
            expected="a price >= 0",
            hint="credit a refund as a separate line",
        )
    return value

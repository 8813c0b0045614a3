"""Money: an exact decimal amount in one ISO 4217 currency.

Amounts are :class:`decimal.Decimal`, never binary floats.  Arithmetic is exact: sums and
products are computed with enough precision that nothing is rounded behind the caller's back
(an operation that would need rounding raises instead).  Rounding to the currency's minor unit is
one explicit, named step: :meth:`Money.round` for an amount, :meth:`Money.from_exact` for an exact
ratio such as a prorated price.

The number of minor-unit digits comes from CLDR through babel by default (USD 2, JPY 0, KWD 3).
CLDR differs from ISO 4217 for a few currencies (HUF, ALL and IQD have 0 digits in CLDR, 2, 2 and
3 in ISO 4217); every rounding method takes ``digits=`` to choose another precision.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import (
    ROUND_05UP,
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Context,
    Decimal,
    DecimalException,
    Inexact,
    InvalidOperation,
    Overflow,
)
from fractions import Fraction
from typing import Any, Self, SupportsIndex

import attrs
import babel.numbers
from babel.core import Locale, UnknownLocaleError

from seatcalc._validate import check_keys
from seatcalc.errors import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    UnknownCurrencyError,
    describe,
)

__all__ = [
    "MAX_DIGITS",
    "MAX_INTEGER_DIGITS",
    "ROUNDING_MODES",
    "Money",
    "check_rounding",
    "minor_unit_digits",
    "round_ratio",
]

#: Every rounding mode of :mod:`decimal`, by name.  seatcalc accepts exactly these.
ROUNDING_MODES: tuple[str, ...] = (
    ROUND_HALF_UP,
    ROUND_HALF_EVEN,
    ROUND_HALF_DOWN,
    ROUND_UP,
    ROUND_DOWN,
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_05UP,
)

#: An amount has fewer than this many digits before the decimal point (it is below 10**18).
MAX_INTEGER_DIGITS = 18
#: An amount has at most this many digits after the decimal point; so does a ``digits=`` choice.
MAX_DIGITS = 30

# Products and sums of two valid amounts have at most 2 * (18 + 30) = 96 digits: 100 digits of
# precision computes them exactly, and the Inexact trap turns any surprise into an error.
_EXACT = Context(
    prec=100,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, Inexact, Overflow],
)
# Rounding is meant to be inexact: this context only refuses invalid operations.
_ROUNDING = Context(prec=100, traps=[InvalidOperation, Overflow])
_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_UPPER_LIMIT = Decimal(10) ** MAX_INTEGER_DIGITS
_NO_CURRENCY = "XXX"


def check_rounding(rounding: object, *, field: str = "rounding") -> str:
    """Return ``rounding`` if it names a :mod:`decimal` rounding mode, else raise.

    >>> check_rounding("ROUND_HALF_UP")
    'ROUND_HALF_UP'
    >>> check_rounding("HALF_UP")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: rounding: got 'HALF_UP'; expected one of ROUND_HALF_UP, ...

    .. versionadded:: 0.1.0
    """
    if isinstance(rounding, str) and rounding in ROUNDING_MODES:
        return rounding
    expected = ", ".join(ROUNDING_MODES)
    if not isinstance(rounding, str):
        msg = f"{field}: got {describe(rounding)}; expected one of {expected} (a str)"
        raise InvalidTypeError(msg)
    msg = f"{field}: got {rounding!r}; expected one of {expected}"
    raise InvalidValueError(msg)


@functools.cache
def _cldr_digits(code: str) -> int:
    # A memo of a pure lookup: CLDR data does not change while the process runs.  Only known
    # codes are cached (an unknown code raises), so the cache holds at most ~300 entries.
    if code == _NO_CURRENCY or not babel.numbers.is_currency(code, locale="en"):
        hint = f" (did you mean {code.upper()!r}?)" if code.upper() != code else ""
        msg = (
            f"currency: got {code!r}; expected an ISO 4217 code known to CLDR, "
            f"such as 'USD', 'EUR' or 'JPY'{hint}"
        )
        raise UnknownCurrencyError(msg)
    return babel.numbers.get_currency_precision(code)


def _check_currency(code: object, field: str = "currency") -> str:
    if not isinstance(code, str):
        msg = f"{field}: got {describe(code)}; expected an ISO 4217 code as a str, such as 'USD'"
        raise InvalidTypeError(msg)
    _cldr_digits(code)
    return code


def _check_digits(digits: object, field: str = "digits") -> int:
    if isinstance(digits, bool) or not isinstance(digits, int):
        msg = f"{field}: got {describe(digits)}; expected an int from 0 to {MAX_DIGITS}"
        raise InvalidTypeError(msg)
    if not 0 <= digits <= MAX_DIGITS:
        msg = f"{field}: got {digits!r}; expected an int from 0 to {MAX_DIGITS}"
        raise InvalidValueError(msg)
    return digits


def minor_unit_digits(currency: str, digits: int | None = None) -> int:
    """Return the number of minor-unit digits used to round amounts in ``currency``.

    The default is CLDR's value, read through babel; ``digits`` overrides it.  An unknown
    currency code is an error, never a default of 2.

    >>> minor_unit_digits("USD"), minor_unit_digits("JPY"), minor_unit_digits("KWD")
    (2, 0, 3)
    >>> minor_unit_digits("HUF"), minor_unit_digits("HUF", digits=2)
    (0, 2)

    .. versionadded:: 0.1.0
    """
    code = _check_currency(currency)
    return _cldr_digits(code) if digits is None else _check_digits(digits)


def _to_decimal(value: object, field: str) -> Decimal:
    if isinstance(value, bool):
        msg = f"{field}: got {value!r}; expected a Decimal, an int or a decimal string"
        raise InvalidTypeError(msg)
    if isinstance(value, float):
        msg = (
            f"{field}: got the float {value!r}; floats cannot hold most decimal amounts exactly. "
            f"Pass a Decimal, an int or a decimal string such as '{value!r}'"
        )
        raise InvalidTypeError(msg)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        if not _DECIMAL_TEXT.fullmatch(value):
            msg = f"{field}: got {value!r}; expected a decimal string such as '1200.00'"
            raise InvalidValueError(msg)
        number = Decimal(value)
    else:
        msg = f"{field}: got {describe(value)}; expected a Decimal, an int or a decimal string"
        raise InvalidTypeError(msg)
    if not number.is_finite():
        msg = f"{field}: got {value!r}; expected a finite amount (not NaN or Infinity)"
        raise InvalidValueError(msg)
    if abs(number) >= _UPPER_LIMIT or -int(number.as_tuple().exponent) > MAX_DIGITS:
        msg = (
            f"{field}: got {value!r}; expected an amount below 10**{MAX_INTEGER_DIGITS} "
            f"with at most {MAX_DIGITS} decimal places"
        )
        raise InvalidValueError(msg)
    if number.is_zero() and number.is_signed():
        return number.copy_abs()  # -0 would print as "-$0.00"
    return number


def _to_amount(value: object) -> Decimal:
    return _to_decimal(value, "amount")


def round_ratio(numerator: int, denominator: int, rounding: str) -> int:
    """Round ``numerator / denominator`` to an integer with a :mod:`decimal` rounding mode.

    This is the single place where seatcalc rounds an exact ratio; it works on integers only, so
    it is exact and fast.  ``denominator`` must be positive.

    >>> round_ratio(5, 2, "ROUND_HALF_UP"), round_ratio(5, 2, "ROUND_HALF_EVEN")
    (3, 2)
    >>> round_ratio(-5, 2, "ROUND_HALF_UP"), round_ratio(-5, 2, "ROUND_FLOOR")
    (-3, -3)

    .. versionadded:: 0.1.0
    """
    quotient, remainder = divmod(numerator, denominator)  # quotient is the floor
    if remainder == 0:
        return quotient
    negative = numerator < 0
    if negative:
        toward_zero, away, past_toward_zero = quotient + 1, quotient, denominator - remainder
    else:
        toward_zero, away, past_toward_zero = quotient, quotient + 1, remainder
    goes_away = _GOES_AWAY_FROM_ZERO.get(rounding)
    if goes_away is None:
        check_rounding(rounding)
        raise AssertionError  # pragma: no cover - check_rounding raised
    # Compare the distance from the value rounded toward zero with half a unit.
    beyond_half = (2 * past_toward_zero > denominator) - (2 * past_toward_zero < denominator)
    return away if goes_away(beyond_half, negative, toward_zero) else toward_zero


# For each mode: given whether the exact value lies beyond (1), at (0) or short of (-1) the
# midpoint, whether it is negative, and the value rounded toward zero, round away from zero?
_GOES_AWAY_FROM_ZERO: dict[str, Callable[[int, bool, int], bool]] = {
    ROUND_HALF_UP: lambda beyond_half, _negative, _toward: beyond_half >= 0,
    ROUND_HALF_DOWN: lambda beyond_half, _negative, _toward: beyond_half > 0,
    ROUND_HALF_EVEN: lambda beyond_half, _negative, toward: (
        beyond_half > 0 or (beyond_half == 0 and toward % 2 == 1)
    ),
    ROUND_UP: lambda _beyond, _negative, _toward: True,
    ROUND_DOWN: lambda _beyond, _negative, _toward: False,
    ROUND_CEILING: lambda _beyond, negative, _toward: not negative,
    ROUND_FLOOR: lambda _beyond, negative, _toward: negative,
    ROUND_05UP: lambda _beyond, _negative, toward: toward % 5 == 0,
}


def _coerce_exact(value: object, field: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    return Fraction(_to_decimal(value, field))


@attrs.frozen(repr=False)
class Money:
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

    amount: Decimal = attrs.field(converter=_to_amount)
    currency: str = attrs.field(validator=lambda _i, _a, value: _check_currency(value))
    # The amount as an integer ratio (numerator, positive denominator; not necessarily in
    # lowest terms), computed once when the value is built: prorating works on integers.
    _ratio: tuple[int, int] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Keep the amount's integer ratio for exact arithmetic."""
        _set_ratio(self, self.amount.as_integer_ratio())

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def zero(cls, currency: str) -> Self:
        """Return zero in ``currency``, the start value for summing amounts.

        >>> sum([Money("1.10", "EUR"), Money("2.20", "EUR")], Money.zero("EUR"))
        Money('3.30', 'EUR')
        """
        return cls(0, currency)

    @classmethod
    def from_exact(
        cls,
        value: Fraction | Decimal | int | str,
        currency: str,
        *,
        rounding: str = ROUND_HALF_UP,
        digits: int | None = None,
    ) -> Self:
        """Round an exact value once to the currency's minor unit and return it as money.

        ``value`` may be a :class:`~fractions.Fraction` (such as a prorated price, which may not
        have a finite decimal expansion), a Decimal, an int or a decimal string.

        >>> from fractions import Fraction
        >>> Money.from_exact(Fraction(2 * 1200 * 184, 365), "USD")
        Money('1209.86', 'USD')
        >>> Money.from_exact(Fraction(1, 3), "KWD", rounding="ROUND_UP")
        Money('0.334', 'KWD')
        """
        places = minor_unit_digits(currency, digits)
        mode = check_rounding(rounding)
        exact = _coerce_exact(value, "value")
        scale = 10**places
        units = round_ratio(exact.numerator * scale, exact.denominator, mode)
        return cls(Decimal(units).scaleb(-places), currency)

    @classmethod
    def _trusted(cls, amount: Decimal, currency: str, ratio: tuple[int, int]) -> Self:
        # For amounts seatcalc has just computed from valid values (a finite Decimal within the
        # bounds, a known currency, and its ratio): skips the public constructor's validation.
        money = _new(cls)
        _set_amount(money, amount)
        _set_currency(money, currency)
        _set_ratio(money, ratio)
        return money

    # -- arithmetic -----------------------------------------------------------------------

    def _same_currency(self, other: object, operation: str) -> Money:
        if not isinstance(other, Money):
            msg = (
                f"{operation}: got {describe(other)}; expected Money in {self.currency} "
                f"(wrap plain numbers as Money(amount, {self.currency!r}))"
            )
            raise InvalidTypeError(msg)
        if other.currency != self.currency:
            msg = (
                f"{operation}: cannot combine {self.currency} and {other.currency}; "
                "convert one amount first, both must have the same currency"
            )
            raise CurrencyMismatchError(msg)
        return other

    def _exactly(self, operation: str, compute: Any) -> Self:  # noqa: ANN401
        try:
            result = compute()
        except DecimalException as error:  # pragma: no cover - bounds make this unreachable
            msg = f"{operation}: the exact result of {self!r} cannot be represented"
            raise InvalidValueError(msg) from error
        return type(self)(result, self.currency)

    def __add__(self, other: Money) -> Self:
        """Add two amounts of the same currency, exactly."""
        other = self._same_currency(other, "+")
        return self._exactly("+", lambda: _EXACT.add(self.amount, other.amount))

    def __sub__(self, other: Money) -> Self:
        """Subtract two amounts of the same currency, exactly."""
        other = self._same_currency(other, "-")
        return self._exactly("-", lambda: _EXACT.subtract(self.amount, other.amount))

    def __neg__(self) -> Self:
        """Return the amount with its sign flipped."""
        return type(self)(-self.amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> Self:
        """Multiply by an int or a Decimal, exactly (a float, a bool or Money is refused)."""
        given: object = factor  # callers without a type checker pass anything
        if isinstance(given, bool) or not isinstance(given, int | Decimal):
            hint = (
                "; to scale by a ratio use Money.from_exact, which rounds once"
                if isinstance(given, Fraction)
                else ""
            )
            msg = f"*: got {describe(given)}; expected an int or a Decimal{hint}"
            raise InvalidTypeError(msg)
        multiplier = _to_decimal(given, "*")
        return self._exactly("*", lambda: _EXACT.multiply(self.amount, multiplier))

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        return self.amount < self._same_currency(other, "<").amount

    def __le__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        return self.amount <= self._same_currency(other, "<=").amount

    def __gt__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        return self.amount > self._same_currency(other, ">").amount

    def __ge__(self, other: Money) -> bool:
        """Compare two amounts of the same currency."""
        return self.amount >= self._same_currency(other, ">=").amount

    # -- rounding and allocation ----------------------------------------------------------

    @property
    def digits(self) -> int:
        """The currency's minor-unit digits according to CLDR (USD 2, JPY 0, KWD 3)."""
        return _cldr_digits(self.currency)

    def to_fraction(self) -> Fraction:
        """Return the amount as an exact :class:`~fractions.Fraction`."""
        return Fraction(*self._ratio)

    def round(self, rounding: str = ROUND_HALF_UP, *, digits: int | None = None) -> Self:
        """Round to the currency's minor unit (or to ``digits`` places) with one named mode.

        >>> Money("2.675", "USD").round(), Money("2.675", "USD").round("ROUND_HALF_EVEN")
        (Money('2.68', 'USD'), Money('2.68', 'USD'))
        >>> Money("2.665", "USD").round("ROUND_HALF_EVEN")
        Money('2.66', 'USD')
        >>> Money("1234.5", "JPY").round(), Money("1.23456", "USD").round(digits=4)
        (Money('1235', 'JPY'), Money('1.2346', 'USD'))
        """
        places = minor_unit_digits(self.currency, digits)
        mode = check_rounding(rounding)
        quantum = Decimal(1).scaleb(-places)
        return type(self)(
            self.amount.quantize(quantum, rounding=mode, context=_ROUNDING), self.currency
        )

    def is_rounded(self, *, digits: int | None = None) -> bool:
        """Say whether the amount is a whole number of minor units (or of ``digits`` places).

        >>> Money("1.50", "USD").is_rounded(), Money("1.505", "USD").is_rounded()
        (True, False)
        """
        places = minor_unit_digits(self.currency, digits)
        return (self.amount.scaleb(places, context=_EXACT) % 1).is_zero()

    def allocate(
        self, weights: Iterable[int | Decimal | Fraction], *, digits: int | None = None
    ) -> tuple[Self, ...]:
        """Split the amount into parts proportional to ``weights`` that sum to it exactly.

        The amount must already be a whole number of minor units (round it first).  Each part
        first gets the whole minor units of its exact share; the units left over go one each to
        the parts with the largest remainders, ties going to the earlier part.  So the result is
        deterministic, and equal weights give parts that differ by at most one minor unit, the
        larger parts first.

        >>> Money("10.00", "EUR").allocate([1, 2])
        (Money('3.33', 'EUR'), Money('6.67', 'EUR'))
        >>> Money("-0.05", "USD").allocate([1, 1])
        (Money('-0.03', 'USD'), Money('-0.02', 'USD'))
        >>> Money("1000", "JPY").allocate([1, 1, 1])
        (Money('334', 'JPY'), Money('333', 'JPY'), Money('333', 'JPY'))
        """
        places = minor_unit_digits(self.currency, digits)
        shares = _check_weights(weights)
        if not self.is_rounded(digits=places):
            msg = (
                f"amount: got {self!r}, which is not a whole number of minor units "
                f"({places} decimal places); round it first, e.g. with .round()"
            )
            raise InvalidValueError(msg)
        units = int(self.amount.scaleb(places, context=_EXACT))
        total_weight = sum(shares, Fraction(0))
        magnitude = abs(units)
        exact_parts = [magnitude * share / total_weight for share in shares]
        parts = [int(part) for part in exact_parts]  # floor: every part is >= 0
        leftover = magnitude - sum(parts)
        by_remainder = sorted(
            range(len(parts)), key=lambda index: (-(exact_parts[index] - parts[index]), index)
        )
        for index in by_remainder[:leftover]:
            parts[index] += 1
        sign = -1 if units < 0 else 1
        return tuple(
            type(self)(Decimal(sign * part).scaleb(-places), self.currency) for part in parts
        )

    # -- presentation and serialisation ---------------------------------------------------

    def format(
        self,
        locale: str | Locale = "en",
        *,
        rounding: str = ROUND_HALF_UP,
        digits: int | None = None,
    ) -> str:
        r"""Format for people in ``locale``, after rounding once with seatcalc's ``rounding``.

        babel's own formatter would round half-even to the currency's digits; seatcalc rounds
        first, with the mode you name, and tells babel not to round again.

        >>> Money("1234.565", "USD").format("en_US")
        '$1,234.57'
        >>> Money("1234567.891", "EUR").format("fr_FR")
        '1\u202f234\u202f567,89\xa0€'
        >>> Money("1234567", "JPY").format("ja_JP")
        '￥1,234,567'
        """
        rounded = self.round(rounding, digits=digits)
        where = _check_locale(locale)
        return babel.numbers.format_currency(
            rounded.amount, self.currency, locale=where, decimal_quantization=False
        )

    def to_dict(self) -> dict[str, str]:
        """Return a JSON-safe dict: the amount as a decimal string, the currency code.

        >>> Money("1209.86", "USD").to_dict()
        {'amount': '1209.86', 'currency': 'USD'}
        """
        return {"amount": format(self.amount, "f"), "currency": self.currency}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build Money from :meth:`to_dict`'s form; the amount must be a string or an int.

        >>> Money.from_dict({"amount": "1209.86", "currency": "USD"})
        Money('1209.86', 'USD')
        """
        check_keys(data, "Money", ("amount", "currency"))
        amount = data["amount"]
        if not isinstance(amount, str | int) or isinstance(amount, bool):
            msg = f"amount: got {describe(amount)}; expected a decimal string such as '1200.00'"
            raise InvalidTypeError(msg)
        return cls(amount, data["currency"])  # type: ignore[arg-type]

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
        msg = (
            "round(): got a call to the builtin round(); use Money.round(rounding=...) "
            "so the rounding mode is explicit"
        )
        raise InvalidTypeError(msg)


# Fast construction for Money._trusted: set the slots directly (the class is frozen).
_new = object.__new__
_set_amount = Money.amount.__set__  # type: ignore[attr-defined]
_set_currency = Money.currency.__set__  # type: ignore[attr-defined]
_set_ratio = Money._ratio.__set__  # type: ignore[attr-defined]  # noqa: SLF001


def _check_weights(weights: Iterable[object]) -> list[Fraction]:
    shares: list[Fraction] = []
    for index, weight in enumerate(weights):
        field = f"weights[{index}]"
        if isinstance(weight, bool) or not isinstance(weight, int | Decimal | Fraction):
            msg = f"{field}: got {describe(weight)}; expected an int, a Decimal or a Fraction"
            raise InvalidTypeError(msg)
        share = _coerce_exact(weight, field)
        if share < 0:
            msg = f"{field}: got {weight!r}; expected a weight >= 0"
            raise InvalidValueError(msg)
        shares.append(share)
    if not shares or not any(shares):
        msg = f"weights: got {shares!r}; expected at least one weight > 0"
        raise InvalidValueError(msg)
    return shares


def _check_locale(locale: object) -> Locale:
    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        msg = f"locale: got {describe(locale)}; expected a locale name such as 'en' or 'fr_FR'"
        raise InvalidTypeError(msg)
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError) as error:
        msg = f"locale: got {locale!r}; expected a locale CLDR knows, such as 'en' or 'fr_FR'"
        raise InvalidValueError(msg) from error

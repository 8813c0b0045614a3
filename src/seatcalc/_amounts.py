"""Reading amounts: what seatcalc accepts as an exact decimal number, and why it refuses the rest.

An amount is a :class:`~decimal.Decimal`, an ``int`` or a decimal string of ASCII digits; it is
finite, below 10**18 and has at most 30 decimal places.  A float is refused (it cannot hold most
decimal amounts exactly), and so are bools, NaN, infinities, "1_000", surrounding spaces and
non-ASCII digits.  Text is read in a private :class:`~decimal.Context`, never the caller's.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, InvalidOperation, Overflow
from fractions import Fraction
from typing import Final, NoReturn

from seatcalc._scalars import native
from seatcalc.currency import MAX_DIGITS
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

__all__ = ["AMOUNT_EXPECTED", "MAX_DIGITS", "MAX_INTEGER_DIGITS", "coerce_exact", "to_decimal"]

#: An amount has fewer than this many digits before the decimal point (it is below 10**18).
MAX_INTEGER_DIGITS: Final = 18
# Reads decimal text exactly: a text of more than 100 digits is refused (Inexact), and so is an
# exponent past the range (Overflow).  Its flags are set by the reads and never read.
_READING: Final = Context(
    prec=100,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    flags=[],
    traps=[InvalidOperation, Inexact, Overflow],
)
# Decimal text as seatcalc reads it: ASCII digits, an optional sign, point and exponent.
_NUMBER_TEXT: Final = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_LIMIT: Final = 10**MAX_INTEGER_DIGITS
#: What seatcalc accepts as an amount, as error messages say it.
AMOUNT_EXPECTED: Final = (
    f"a Decimal, an int or a decimal string such as '1200.00', below 10**{MAX_INTEGER_DIGITS} "
    f"with at most {MAX_DIGITS} decimal places"
)


def to_decimal(value: object, field: str) -> Decimal:
    """Return ``value`` as a finite Decimal within seatcalc's bounds, or raise.

    The common cases (a plain decimal string, a Decimal, an int) are checked first with a few
    cheap tests; anything else goes to :func:`_refuse_number`, which says what is wrong.
    """
    kind = type(value)
    if kind is str:
        # Decimal() would answer malformed text with an error or a NaN depending on the
        # caller's context, and raise a flag in it: the text is read in seatcalc's context,
        # which refuses spaces and "1_000" too.  Non-ASCII digits are refused first.
        if not value.isascii():  # type: ignore[attr-defined]
            _refuse_number(value, field)
        try:
            number = _READING.create_decimal(value)  # type: ignore[arg-type]
        except ArithmeticError:
            _refuse_number(value, field)
        if len(value) > MAX_INTEGER_DIGITS or "e" in value or "E" in value:  # type: ignore[arg-type, operator]
            return _within_bounds(number, value, field)
        # 18 characters without an exponent hold at most 18 integer digits and at most 17
        # decimal places: within the bounds, so only NaN, infinities and -0 are left.
        if not number.is_finite():
            _refuse_number(value, field)
        return number.copy_abs() if number.is_zero() else number
    if kind is Decimal:
        return _within_bounds(value, value, field)  # type: ignore[arg-type]
    if kind is int:
        if not -_LIMIT < value < _LIMIT:  # type: ignore[operator]
            _refuse_number(value, field)
        return Decimal(value)  # type: ignore[arg-type]
    return _refuse_number(value, field)


def _within_bounds(number: Decimal, value: object, field: str) -> Decimal:
    """Return ``number`` if it is finite, below 10**18 and has at most 30 decimal places."""
    # adjusted() and is_finite() read the number without a context, unlike abs() or comparisons
    # with limits.
    if not number.is_finite() or (number.adjusted() >= MAX_INTEGER_DIGITS and number):
        _refuse_number(value, field)
    if number.as_tuple().exponent < -MAX_DIGITS:  # type: ignore[operator]
        _refuse_number(value, field)
    if number.is_signed() and number.is_zero():
        return number.copy_abs()  # -0 would print as "-$0.00"
    return number


def _refuse_number(value: object, field: str) -> Decimal:
    """Raise the error that says why ``value`` is not an amount seatcalc accepts.

    Subclasses of str, Decimal and int are accepted here, as the plain value they stand for.
    """
    plain = native(value)
    if plain is not value:
        return to_decimal(plain, field)
    if isinstance(value, bool) or not isinstance(value, str | Decimal | int):
        _refuse_type(value, field)
    if isinstance(value, str) and type(value) is not str:
        return to_decimal(str(value), field)
    if isinstance(value, Decimal) and type(value) is not Decimal:
        return to_decimal(Decimal(value), field)
    if isinstance(value, int) and type(value) is not int:
        return to_decimal(int(value), field)
    if isinstance(value, str) and (not value.isascii() or not _NUMBER_TEXT.fullmatch(value)):
        finite = value.strip().lstrip("+-").lower() not in {"nan", "snan", "inf", "infinity"}
        raise InvalidValueError(
            field=field,
            value=value,
            expected=AMOUNT_EXPECTED if finite else "a finite amount (not NaN or Infinity)",
            code=ErrorCode.INVALID_NUMBER,
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidValueError(
            field=field,
            value=value,
            expected="a finite amount (not NaN or Infinity)",
            code=ErrorCode.INVALID_NUMBER,
        )
    # A number, too large or with too many decimal places.
    raise InvalidValueError(field=field, value=value, expected=AMOUNT_EXPECTED)


def _refuse_type(value: object, field: str) -> NoReturn:
    if isinstance(value, float):
        raise InvalidTypeError(
            field=field,
            value=value,
            detail=(
                f"got the float {value!r}; floats cannot hold most decimal amounts exactly. "
                f"Pass a Decimal, an int or a decimal string such as '{value!r}'"
            ),
            expected=AMOUNT_EXPECTED,
            code=ErrorCode.FLOAT_NOT_EXACT,
        )
    raise InvalidTypeError(field=field, value=value, expected=AMOUNT_EXPECTED)


def coerce_exact(value: object, field: str) -> Fraction:
    """Return ``value`` (a Fraction, or an amount as :func:`to_decimal` reads it) as a Fraction."""
    if type(value) is Fraction:
        return value
    if isinstance(value, Fraction):
        return Fraction(value.numerator, value.denominator)
    return Fraction(*to_decimal(value, field).as_integer_ratio())

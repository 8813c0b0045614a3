"""Rounding: the named modes, and the one function that rounds an exact ratio to an integer.

seatcalc rounds once, at a documented point, with a mode the caller names.  The modes are the
eight of :mod:`decimal`, by name; :func:`round_ratio` applies one to an integer ratio with integer
arithmetic only, so the result is exact and never depends on a :mod:`decimal` context.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import (
    ROUND_05UP,
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
)
from typing import Final

from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

__all__ = ["ROUNDING_MODES", "check_rounding", "round_ratio"]

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

_EXPECTED: Final = f"one of {', '.join(ROUNDING_MODES)}"


def check_rounding(rounding: object, *, field: str = "rounding") -> str:
    """Return ``rounding`` if it names a :mod:`decimal` rounding mode, else raise.

    >>> check_rounding("ROUND_HALF_UP")
    'ROUND_HALF_UP'
    >>> check_rounding("HALF_UP")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: rounding: got 'HALF_UP'; expected one of ROUND_HALF_UP, ... (did you mean 'ROUND_HALF_UP'?)

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    if type(rounding) is str and rounding in _GOES_AWAY_FROM_ZERO:
        return rounding
    if not isinstance(rounding, str):
        raise InvalidTypeError(
            field=field, value=rounding, expected=f"{_EXPECTED} (a str)", code=ErrorCode.WRONG_TYPE
        )
    guess = rounding.strip().upper().replace("-", "_").replace(" ", "_")
    guess = guess if guess.startswith("ROUND_") else f"ROUND_{guess}"
    raise InvalidValueError(
        field=field,
        value=rounding,
        expected=_EXPECTED,
        hint=f"did you mean {guess!r}?" if guess in _GOES_AWAY_FROM_ZERO else None,
        code=ErrorCode.UNKNOWN_CHOICE,
    )


def round_ratio(numerator: int, denominator: int, rounding: str) -> int:
    """Round ``numerator / denominator`` to an integer with a :mod:`decimal` rounding mode.

    This is the single place where seatcalc rounds an exact ratio.  It works on integers only,
    so it is exact, fast, and the same whatever :mod:`decimal` context the caller has set.  The
    denominator may be negative (the sign of the ratio is what counts), not zero.

    >>> round_ratio(5, 2, "ROUND_HALF_UP"), round_ratio(5, 2, "ROUND_HALF_EVEN")
    (3, 2)
    >>> round_ratio(-5, 2, "ROUND_HALF_UP"), round_ratio(-5, 2, "ROUND_FLOOR")
    (-3, -3)
    >>> round_ratio(1, -2, "ROUND_HALF_UP")
    -1
    >>> round_ratio(1, 0, "ROUND_HALF_UP")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: denominator: got 0; expected a non-zero int

    .. versionadded:: 0.1.0
    """
    for field, value in (("numerator", numerator), ("denominator", denominator)):
        if type(value) is not int:
            _check_int(value, field)
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    elif denominator == 0:
        raise InvalidValueError(
            field="denominator", value=0, expected="a non-zero int", code=ErrorCode.OUT_OF_RANGE
        )
    goes_away = _GOES_AWAY_FROM_ZERO.get(rounding) if type(rounding) is str else None
    if goes_away is None:
        check_rounding(rounding)
        raise AssertionError  # pragma: no cover - check_rounding raised
    quotient, remainder = divmod(numerator, denominator)  # quotient is the floor
    if remainder == 0:
        return quotient
    negative = numerator < 0
    if negative:
        toward_zero, away, past_toward_zero = quotient + 1, quotient, denominator - remainder
    else:
        toward_zero, away, past_toward_zero = quotient, quotient + 1, remainder
    # Compare the distance from the value rounded toward zero with half a unit.
    beyond_half = (2 * past_toward_zero > denominator) - (2 * past_toward_zero < denominator)
    return away if goes_away(beyond_half, negative, toward_zero) else toward_zero


def _check_int(value: object, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(field=field, value=value, expected="an int")


# For each mode: given whether the exact value lies beyond (1), at (0) or short of (-1) the
# midpoint, whether it is negative, and the value rounded toward zero, round away from zero?
_GOES_AWAY_FROM_ZERO: Final[dict[str, Callable[[int, bool, int], bool]]] = {
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

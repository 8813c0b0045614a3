"""Splitting a whole number of minor units by weights, without losing a unit.

:meth:`Money.allocate <seatcalc.Money.allocate>` checks the weights here and splits the amount's
minor units with the largest-remainder method: each part first gets the whole units of its exact
share, then the units left over go one each to the parts with the largest remainders, ties going
to the earlier part.  The parts sum to the whole, and equal weights give parts that differ by at
most one unit (or one increment), the larger parts first.

>>> split_minor_units(10000, check_weights([1, 1, 1]))
[3334, 3333, 3333]
>>> split_minor_units(-5, check_weights([1, 1]))
[-3, -2]
>>> split_minor_units(100, check_weights([1, 1, 1]), increment=5)
[35, 35, 30]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from seatcalc._amounts import coerce_exact
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

__all__ = ["check_weights", "split_minor_units"]


def check_weights(weights: Iterable[object]) -> list[Fraction]:
    """Return ``weights`` as exact fractions: ints, Decimals or Fractions >= 0, one of them > 0."""
    if isinstance(weights, str | Mapping) or not isinstance(weights, Iterable):
        raise InvalidTypeError(
            field="weights",
            value=weights,
            expected="a list of weights (ints, Decimals or Fractions), at least one > 0",
        )
    shares: list[Fraction] = []
    for index, weight in enumerate(weights):
        field = f"weights[{index}]"
        if isinstance(weight, bool) or not isinstance(weight, int | Decimal | Fraction):
            raise InvalidTypeError(
                field=field,
                value=weight,
                expected="an int, a Decimal or a Fraction",
                code=ErrorCode.FLOAT_NOT_EXACT if isinstance(weight, float) else None,
            )
        share = coerce_exact(weight, field)
        if share < 0:
            raise InvalidValueError(field=field, value=weight, expected="a weight >= 0")
        shares.append(share)
    if not shares or not any(shares):
        raise InvalidValueError(
            field="weights",
            value=shares,
            got=repr([str(share) for share in shares]),
            expected="at least one weight > 0",
            code=ErrorCode.EMPTY,
        )
    return shares


def split_minor_units(units: int, shares: list[Fraction], increment: int = 1) -> list[int]:
    """Split ``units`` into parts proportional to ``shares`` (checked weights) that sum to it.

    When ``units`` is a multiple of ``increment`` every part is one too; otherwise the parts are
    counted in single units.  A negative amount splits as its magnitude, every part negative.
    """
    step = increment if units % increment == 0 else 1
    total_weight = sum(shares, Fraction(0))
    magnitude = abs(units) // step
    exact_parts = [magnitude * share / total_weight for share in shares]
    parts = [int(part) for part in exact_parts]  # floor: every part is >= 0
    leftover = magnitude - sum(parts)
    by_remainder = sorted(
        range(len(parts)), key=lambda index: (-(exact_parts[index] - parts[index]), index)
    )
    for index in by_remainder[:leftover]:
        parts[index] += 1
    sign = -step if units < 0 else step
    return [sign * part for part in parts]

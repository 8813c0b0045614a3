"""The result columns of a chunk, filled on columns and then row by row."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Final

from seatcalc.book._extras import table_modules
from seatcalc.eligibility import ReasonCode
from seatcalc.errors import InvalidValueError, SeatcalcError
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money

TOTAL_SCALE: Final = 4
TOTAL_PRECISION: Final = 18 + TOTAL_SCALE

ERROR_FIELDS: Final = ("error", "code", "field", "value", "expected", "hint", "message")
CODES: Final = tuple(ReasonCode)

_INT64_MAX: Final = 2**63 - 1


def check_table(minor_units: object) -> MinorUnits:
    """Return the minor-unit table ``minor_units`` names, if the total column can hold it.

    Every named table has at most :data:`TOTAL_SCALE` places; a caller's table may not have
    more, since the ``total`` column holds that many.
    """
    table = check_minor_units(minor_units)
    for code, digits in table.overrides:
        if digits > TOTAL_SCALE:
            raise InvalidValueError(
                field=f"minor_units[{code!r}]",
                value=digits,
                expected=(
                    f"an int from 0 to {TOTAL_SCALE}: the total column has {TOTAL_SCALE} places"
                ),
            )
    return table


# -- the results ------------------------------------------------------------------------------


class Results:
    """The result columns of one chunk, filled by the column path and then row by row."""

    def __init__(self, rows: int, *, priced: bool, table: MinorUnits = CLDR_UNITS) -> None:
        np, _, _ = table_modules()
        self.rows = rows
        self.table = table
        self.priced = priced
        self.done = np.zeros(rows, bool)
        self.flags = np.zeros((rows, len(CODES)), bool)
        self.reasons: dict[int, tuple[str, ...]] = {}
        self.end = np.zeros(rows, np.int64)
        self.has_end = np.zeros(rows, bool)
        self.numerator = np.zeros(rows, np.int64)
        self.denominator = np.ones(rows, np.int64)
        self.units = np.zeros(rows, np.int64)
        self.scale = np.ones(rows, np.int64)
        self.has_total = np.zeros(rows, bool)
        self.big: dict[int, tuple[int, int]] = {}  # row -> (units, scale) beyond 64 bits
        self.big_fraction: dict[int, Fraction] = {}
        self.currency = np.full(rows, None, object)
        self.errors: dict[int, dict[str, str | None]] = {}

    def fail(self, row: int, error: SeatcalcError) -> None:
        self.errors[row] = error.to_dict()

    def price(self, row: int, fraction: Fraction, total: Money) -> None:
        units = total.to_minor(minor_units=self.table)
        scale = 10 ** self.table.digits(total.currency)
        self.has_total[row] = True
        self.currency[row] = total.currency
        if fraction.numerator <= _INT64_MAX and fraction.denominator <= _INT64_MAX:
            self.numerator[row], self.denominator[row] = fraction.numerator, fraction.denominator
        else:
            self.big_fraction[row] = fraction
        if units <= _INT64_MAX:
            self.units[row], self.scale[row] = units, scale
        else:
            self.big[row] = (units, scale)

    def columns(self, *, eligibility_only: bool = False) -> dict[str, Any]:
        np, pa, _ = table_modules()
        failed = np.zeros(self.rows, bool)
        failed[list(self.errors)] = True
        ok = ~failed
        reasons = self._reasons(failed)
        if eligibility_only:
            eligible = ~self.flags.any(axis=1)
            for row, codes in self.reasons.items():
                eligible[row] = not codes
            return {
                "eligible": pa.array(eligible, mask=failed),
                "reasons": reasons,
                "error": self._errors(),
            }
        payable = pa.array(self.has_total, mask=failed)
        columns: dict[str, Any] = {"payable": payable, "reasons": reasons} if self.priced else {}
        if self.priced:
            columns["end_date"] = pa.array(
                self.end.astype(np.int32), pa.int32(), mask=~self.has_end
            ).cast(pa.date32())
        numerator = pa.array(self.numerator, pa.int64(), mask=~self.has_total)
        denominator = pa.array(self.denominator, pa.int64(), mask=~self.has_total)
        if self.big_fraction:
            rows = list(self.big_fraction)
            mask = np.zeros(self.rows, bool)
            mask[rows] = True
            numerator = pa.array(np.where(mask, 0, self.numerator), mask=~self.has_total | mask)
            denominator = pa.array(np.where(mask, 1, self.denominator), mask=~self.has_total | mask)
        names = ("total", "total_minor") if self.priced else ("amount", "amount_minor")
        columns["fraction_numerator"] = numerator
        columns["fraction_denominator"] = denominator
        columns[names[0]] = self._decimals()
        big = np.zeros(self.rows, bool)
        big[list(self.big)] = True
        columns[names[1]] = pa.array(self.units, pa.int64(), mask=~self.has_total | big)
        currency = self.currency.copy()
        currency[~ok] = None
        columns["currency"] = pa.array(currency, pa.string())
        columns["error"] = self._errors()
        return columns

    def _reasons(self, failed: Any) -> Any:  # noqa: ANN401
        np, pa, _ = table_modules()
        flags = self.flags.copy()
        flags[failed] = False
        counts = flags.sum(axis=1)
        names = [code.value for code in CODES]
        _, which = np.nonzero(flags)
        values = [names[index] for index in which.tolist()]
        if self.reasons:
            rows = sorted(self.reasons)
            for row in rows:
                counts[row] = len(self.reasons[row])
            # Rebuild the values in row order, the row-by-row reasons in their places.
            starts = np.concatenate(([0], np.cumsum(flags.sum(axis=1))))
            merged: list[str] = []
            previous = 0
            for row in rows:
                merged.extend(values[starts[previous] : starts[row]])
                merged.extend(self.reasons[row])
                previous = row + 1
            merged.extend(values[starts[previous] :])
            values = merged
        offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
        mask = pa.array(failed)
        return pa.ListArray.from_arrays(
            pa.array(offsets, pa.int32()), pa.array(values, pa.string()), mask=mask
        )

    def _decimals(self) -> Any:  # noqa: ANN401
        np, pa, _ = table_modules()
        # Unscaled values at TOTAL_SCALE places: units * 10**(4 - digits), as two 64-bit words.
        factor = (10**TOTAL_SCALE // np.maximum(self.scale, 1)).astype(np.uint64)
        units = np.where(self.has_total, self.units, 0).astype(np.uint64)
        low_part = (units & np.uint64(0xFFFFFFFF)) * factor
        high_part = (units >> np.uint64(32)) * factor
        shifted = (high_part & np.uint64(0xFFFFFFFF)) << np.uint64(32)
        low = shifted + low_part
        carry = (low < shifted).astype(np.uint64)
        high = (high_part >> np.uint64(32)) + carry
        words = np.empty((self.rows, 2), np.uint64)
        words[:, 0], words[:, 1] = low, high
        for row, (value, scale) in self.big.items():
            unscaled = value * (10**TOTAL_SCALE // scale)
            words[row, 0], words[row, 1] = unscaled & (2**64 - 1), unscaled >> 64
        validity = pa.array(self.has_total).buffers()[1]
        if self.has_total.all():
            validity = None
        return pa.Array.from_buffers(
            pa.decimal128(TOTAL_PRECISION, TOTAL_SCALE),
            self.rows,
            [validity, pa.py_buffer(words.tobytes())],
        )

    def _errors(self) -> Any:  # noqa: ANN401
        _, pa, _ = table_modules()
        kind = pa.struct([(name, pa.string()) for name in ERROR_FIELDS])
        if not self.errors:
            return pa.nulls(self.rows, kind)
        return pa.array([self.errors.get(row) for row in range(self.rows)], kind)


def quote_schema(pa: Any) -> Any:  # noqa: ANN401
    return pa.schema(
        [
            ("payable", pa.bool_()),
            ("reasons", pa.list_(pa.string())),
            ("end_date", pa.date32()),
            ("fraction_numerator", pa.int64()),
            ("fraction_denominator", pa.int64()),
            ("total", pa.decimal128(TOTAL_PRECISION, TOTAL_SCALE)),
            ("total_minor", pa.int64()),
            ("currency", pa.string()),
            ("error", pa.struct([(name, pa.string()) for name in ERROR_FIELDS])),
        ]
    )

"""Columns as integer arrays: counts, days, text looked up once per value, prices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, NamedTuple

from seatcalc._amounts import to_decimal
from seatcalc._validate import parse_date
from seatcalc.book._calendar import EPOCH, FIRST_DAY, LAST_DAY
from seatcalc.book._extras import table_modules
from seatcalc.book._reading import column_of
from seatcalc.errors import SeatcalcError
from seatcalc.minor_units import MinorUnits

# Bounds that keep every product of the column path below 2**62 (checked row by row).
SMALL: Final = 2**30
TOP: Final = 2**61


# -- columns as numpy arrays ------------------------------------------------------------------


class Ints(NamedTuple):
    values: Any  # numpy int64
    ok: Any  # numpy bool


def read_ints(column: Any, rows: int, default: int | None, *, nulls: bool) -> Ints:  # noqa: ANN401
    np, pa, pc = table_modules()
    if column is None:
        if default is None:
            return Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
        return Ints(np.full(rows, default, np.int64), np.ones(rows, bool))
    if not pa.types.is_integer(column.type):
        return Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
    valid = column.is_valid().to_numpy(zero_copy_only=False)
    values = pc.cast(column.fill_null(0), pa.int64(), safe=False).to_numpy(zero_copy_only=False)
    if nulls and default is not None:
        return Ints(np.where(valid, values, default), np.ones(rows, bool))
    return Ints(values, valid)


def read_days(column: Any, rows: int, *, nulls: bool) -> Ints:  # noqa: ANN401
    """Read a date column as days since 1970-01-01; ``ok`` marks the dates the path handles."""
    np, pa, pc = table_modules()
    if column is None:
        return Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
    kind = column.type
    if pa.types.is_date64(kind):
        column = pc.cast(column, pa.date32())
        kind = column.type
    if pa.types.is_date32(kind):
        values = pc.cast(column, pa.int32()).fill_null(0).to_numpy(zero_copy_only=False)
        valid = column.is_valid().to_numpy(zero_copy_only=False)
        values = values.astype(np.int64)
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        indices, uniques = encode(column)
        parsed = [_iso_day(text) for text in uniques]
        table = np.array([-(2**40) if day is None else day for day in parsed] + [-(2**40)])
        values = table[indices]
        valid = values != -(2**40)
    else:
        return Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
    ok = valid & (values >= FIRST_DAY) & (values < LAST_DAY)
    if nulls:
        # A null date means "not given": the caller fills in the default where it applies.
        return Ints(values, ok | ~column.is_valid().to_numpy(zero_copy_only=False))
    return Ints(values, ok)


def _iso_day(text: str) -> int | None:
    try:
        return (parse_date(text, "date") - EPOCH).days
    except SeatcalcError:
        return None


def encode(column: Any) -> tuple[Any, list[Any]]:  # noqa: ANN401
    """Return each row's index into the column's distinct values (-1 for null), and the values."""
    np, pa, pc = table_modules()
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    if isinstance(column, pa.ChunkedArray):  # pragma: no cover - batches hold plain arrays
        column = column.combine_chunks()
    indices = pc.cast(column.indices, pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)
    return indices.astype(np.int64), column.dictionary.to_pylist()


def lookup(
    column: Any,  # noqa: ANN401
    rows: int,
    read: Callable[[Any], Any],
    missing: Any,  # noqa: ANN401
    *,
    default: object = None,
    nulls: bool,
) -> Any:  # noqa: ANN401
    """Map each row's value through ``read`` (once per distinct value); ``missing`` for nulls.

    A column of another type than text reads as ``missing`` on every row.
    """
    np, pa, _ = table_modules()
    if column is None:
        return np.array([read(default) if default is not None else missing] * 1)[
            np.zeros(rows, np.int64)
        ]
    value_type = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if not (pa.types.is_string(value_type) or pa.types.is_large_string(value_type)):
        return np.array([missing])[np.zeros(rows, np.int64)]
    indices, uniques = encode(column)
    fallback = read(default) if nulls and default is not None else missing
    table = np.array([read(value) for value in uniques] + [fallback])
    return table[indices]


def checked(check: Callable[[object], object]) -> Callable[[object], bool]:
    def read(value: object) -> bool:
        try:
            check(value)
        except SeatcalcError:
            return False
        return True

    return read


def read_bools(column: Any, rows: int, default: bool, *, nulls: bool) -> Ints:  # noqa: ANN401, FBT001
    np, pa, _ = table_modules()
    if column is None:
        return Ints(np.full(rows, default), np.ones(rows, bool))
    if not pa.types.is_boolean(column.type):
        return Ints(np.zeros(rows, bool), np.zeros(rows, bool))
    valid = column.is_valid().to_numpy(zero_copy_only=False)
    values = column.fill_null(default).to_numpy(zero_copy_only=False)
    return Ints(values, valid | nulls)


class Prices(NamedTuple):
    numerator: Any
    denominator: Any
    scale: Any  # 10**digits of the currency in the minor-unit table
    step: Any  # the table's rounding increment, in minor units (1 but for cash and Stripe)
    currency: Any  # numpy object array of codes
    ok: Any


def read_prices(batch: Any, name: str, rows: int, table: MinorUnits) -> Prices:  # noqa: ANN401
    """Read a price column: a struct of amount and currency, or an amount beside ``currency``.

    The scale and step of each row are its currency's minor unit in ``table``; a currency the
    table does not know gets scale 0, so its row takes the single-call path.
    """
    np, pa, pc = table_modules()
    column = column_of(batch, name)
    none = Prices(
        np.zeros(rows, np.int64),
        np.ones(rows, np.int64),
        np.ones(rows, np.int64),
        np.ones(rows, np.int64),
        np.full(rows, None, object),
        np.zeros(rows, bool),
    )
    if column is None:
        return none
    parent = np.ones(rows, bool)
    if pa.types.is_struct(column.type):
        names = {column.type.field(i).name for i in range(column.type.num_fields)}
        if names != {"amount", "currency"}:
            return none
        parent = column.is_valid().to_numpy(zero_copy_only=False)
        amount, currency = pc.struct_field(column, "amount"), pc.struct_field(column, "currency")
    else:
        amount, currency = column, column_of(batch, "currency")
    if currency is None:
        return none
    kind = amount.type
    if not (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_decimal(kind)
        or pa.types.is_integer(kind)
    ):
        return none
    numerators, denominators, amount_ok = _amounts(amount)
    units = lookup(currency, rows, lambda code: _unit_of(code, table), (0, 1), nulls=False)
    scales, steps = units[:, 0], units[:, 1]
    codes = lookup(currency, rows, lambda code: code, None, nulls=False).astype(object)
    ok = parent & amount_ok & (scales > 0)
    return Prices(
        numerators, denominators, scales.astype(np.int64), steps.astype(np.int64), codes, ok
    )


# Decimal text the column path reads at once: ASCII digits, an optional point and up to six
# places.  Other text (an exponent, a sign, a space) is read value by value, as the single call
# reads it.
_PLAIN_AMOUNT: Final = r"^[0-9]{1,15}(\.[0-9]{0,6})?$"


def _amounts(amount: Any) -> tuple[Any, Any, Any]:  # noqa: ANN401
    """Read amounts as integer ratios ``numerator / denominator``, with the rows read."""
    np, pa, pc = table_modules()
    kind = amount.type
    if pa.types.is_decimal128(kind) and kind.scale <= 12 and kind.scale >= 0:
        # The unscaled value is a 128-bit integer: it fits in 64 bits when the high word is
        # the sign of the low one.
        words = np.frombuffer(amount.buffers()[1], np.int64).reshape(-1, 2)
        words = words[amount.offset : amount.offset + len(amount)]
        low, high = words[:, 0], words[:, 1]
        valid = amount.is_valid().to_numpy(zero_copy_only=False)
        fits = valid & (high == 0) & (low >= 0) & (low < 2**62)
        return np.where(fits, low, 0), np.full(len(amount), 10**kind.scale, np.int64), fits
    if (pa.types.is_string(kind) or pa.types.is_large_string(kind)) and amount.null_count == 0:
        plain = pc.match_substring_regex(amount, _PLAIN_AMOUNT)
        if pc.all(plain).as_py():
            point = pc.find_substring(amount, ".").to_numpy(zero_copy_only=False)
            length = pc.utf8_length(amount).to_numpy(zero_copy_only=False)
            places = np.where(point < 0, 0, length - point - 1)
            digits = pc.cast(pc.replace_substring(amount, ".", ""), pa.int64())
            numerators = digits.to_numpy(zero_copy_only=False)
            rows = len(amount)
            return numerators, (10**places).astype(np.int64), np.ones(rows, bool)
    indices, uniques = encode(amount)
    ratios = [_ratio(value) for value in uniques] + [None]
    numerators = np.array([0 if r is None else r[0] for r in ratios], np.int64)[indices]
    denominators = np.array([1 if r is None else r[1] for r in ratios], np.int64)[indices]
    return numerators, denominators, np.array([r is not None for r in ratios])[indices]


def _ratio(value: object) -> tuple[int, int] | None:
    """Return a price's integer ratio if the column path handles it, else None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = to_decimal(value, "amount")
    except SeatcalcError:
        return None
    numerator, denominator = amount.as_integer_ratio()
    if numerator < 0 or numerator >= 2**62 or denominator >= 2**40:
        return None
    return numerator, denominator


def _unit_of(code: object, table: MinorUnits) -> tuple[int, int]:
    """Return ``(10**digits, increment)`` of ``code`` in ``table``, or ``(0, 1)`` if unknown."""
    if not isinstance(code, str):
        return 0, 1
    try:
        digits, increment = table.unit(code)
    except SeatcalcError:
        return 0, 1
    return 10**digits, increment

"""A whole book at once: tables of subscriptions in, exact columns out.

:func:`quote_table`, :func:`check_eligibility_table` and :func:`prorate_table` take a table (a
:class:`pyarrow.Table` or record batch, anything that exports the Arrow C stream interface such
as a pandas or polars DataFrame, or an iterable of dicts) and return a :class:`pyarrow.Table`
with one row of results per input row, in the same order.  Each result row is **identical** to
what the single-call function (:func:`~seatcalc.quote_add_seats`,
:func:`~seatcalc.check_eligibility`, :func:`~seatcalc.prorate`) gives for that row; a row the
single call refuses gets that call's error in the ``error`` column, and the other rows go on.

The columns of a subscription are the keys of :meth:`Subscription.to_dict()
<seatcalc.Subscription.to_dict>`; ``unit_price`` is either a struct of ``amount`` and
``currency`` (the ``to_dict`` form) or an amount column beside a ``currency`` column.  Amounts
are decimal strings, ``decimal128`` or integers (a floating-point column is refused row by row,
as a float is); dates are ``date32`` or ISO 8601 text.  In an Arrow table a null in an optional
column means "not given" (the default applies); in a dict, leave the key out.

The common rows are computed on whole columns with exact 64-bit integer arithmetic (numpy):
the day counts, the price as an integer ratio, one integer division to round.  Rows that are
unusual (a convention other than plain day counting, a term extended past one billing period,
an amount too large for 64 bits, any invalid value) take the single-call path, one row at a
time, so the result is the same either way.

pyarrow and numpy are needed: install ``seatcalc[table]``.  ``import seatcalc`` does not import
them; this module does, when one of its functions is first called.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Final, NamedTuple

from seatcalc._amounts import to_decimal
from seatcalc._validate import check_count, parse_date
from seatcalc.conventions import ACTUAL_DAYS, Convention, convention_named
from seatcalc.currency import check_currency, minor_unit_digits
from seatcalc.eligibility import ReasonCode, check_eligibility
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, SeatcalcError
from seatcalc.money import Money
from seatcalc.policy import DEFAULT_POLICY, Policy
from seatcalc.proration import prorate
from seatcalc.quote import quote_add_seats
from seatcalc.rounding import check_rounding
from seatcalc.subscription import MAX_PERIOD_MONTHS, Subscription, check_channel, check_country

__all__ = [
    "CHUNK_ROWS",
    "SUBSCRIPTION_COLUMNS",
    "TOTAL_SCALE",
    "check_eligibility_table",
    "dask_quote",
    "eligibility_batches",
    "prorate_table",
    "quote_batches",
    "quote_frame",
    "quote_table",
]

#: The columns of a subscription, as :meth:`seatcalc.Subscription.to_dict` names its keys.
SUBSCRIPTION_COLUMNS: Final = (
    "seats",
    "unit_price",
    "term_start",
    "term_end",
    "country",
    "channel",
    "purchased_on",
    "period_months",
    "anchor",
    "auto_renew",
    "product",
    "plan",
)
#: How many rows are computed together; a table is read and answered in chunks this long.
CHUNK_ROWS: Final = 65_536
#: The decimal places of the ``total`` and ``amount`` columns: the most any currency has in
#: CLDR (CLF and UYW have 4), so every rounded amount is exact in one column type.
TOTAL_SCALE: Final = 4
_TOTAL_PRECISION: Final = 18 + TOTAL_SCALE
_ROW_COLUMNS: Final = (*SUBSCRIPTION_COLUMNS, "on")
_ERROR_FIELDS: Final = ("error", "code", "field", "value", "expected", "hint", "message")
_CODES: Final = tuple(ReasonCode)
# Dates the column path handles: years 1900 to 8999, far from the ends of Python's calendar.
_FIRST_DAY: Final = (dt.date(1900, 1, 1) - dt.date(1970, 1, 1)).days
_LAST_DAY: Final = (dt.date(9000, 1, 1) - dt.date(1970, 1, 1)).days
_EPOCH: Final = dt.date(1970, 1, 1)
# Bounds that keep every product of the column path below 2**62 (checked row by row).
_SMALL: Final = 2**30
_TOP: Final = 2**61
_INT64_MAX: Final = 2**63 - 1


def _modules() -> tuple[Any, Any, Any]:
    """Import numpy, pyarrow and pyarrow.compute, or say which extra to install."""
    try:
        import numpy  # noqa: PLC0415, ICN001 - an optional extra, imported on first use
        import pyarrow  # noqa: PLC0415, ICN001 - an optional extra, imported on first use
        from pyarrow import compute  # noqa: PLC0415 - an optional extra
    except ImportError as error:  # pragma: no cover - the extra is installed in the tests
        raise InvalidValueError(
            field="table",
            value=None,
            got="a table, but pyarrow and numpy are not installed",
            expected="pip install 'seatcalc[table]'",
            code=ErrorCode.NOT_SUPPORTED,
        ) from error
    return numpy, pyarrow, compute


# -- reading the input ----------------------------------------------------------------------


class _Chunk(NamedTuple):
    """Rows to answer together: an Arrow batch, and the dicts it came from (if it did)."""

    batch: Any  # pyarrow.RecordBatch, or None when dicts could not form one
    records: list[Mapping[str, object]] | None
    rows: int


def _chunks(table: object, chunk_rows: int) -> Iterator[_Chunk]:
    """Read ``table`` as chunks of at most ``chunk_rows`` rows."""
    _, pa, _ = _modules()
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    if isinstance(table, pa.Table):
        for batch in table.to_batches(max_chunksize=chunk_rows):
            yield _Chunk(_as_dates(batch), None, batch.num_rows)
    elif isinstance(table, pa.RecordBatchReader) or hasattr(table, "__arrow_c_stream__"):
        yield from _stream_chunks(table, chunk_rows)
    else:
        yield from _dict_chunks(table, chunk_rows)


def _stream_chunks(table: object, chunk_rows: int) -> Iterator[_Chunk]:
    _, pa, _ = _modules()
    reader = (
        table
        if isinstance(table, pa.RecordBatchReader)
        else pa.RecordBatchReader.from_stream(table)
    )
    for batch in reader:
        for offset in range(0, batch.num_rows, chunk_rows):
            part = batch.slice(offset, chunk_rows)
            yield _Chunk(_as_dates(part), None, part.num_rows)


_DATE_COLUMNS: Final = ("term_start", "term_end", "purchased_on", "anchor", "on")


def _as_dates(batch: Any) -> Any:  # noqa: ANN401 - a pyarrow.RecordBatch
    """Read naive timestamps at midnight as dates: pandas keeps dates as such timestamps."""
    _, pa, pc = _modules()
    for name in _DATE_COLUMNS:
        index = batch.schema.get_field_index(name)
        if index < 0:
            continue
        column = batch.column(index)
        if not pa.types.is_timestamp(column.type) or column.type.tz is not None:
            continue
        days = pc.cast(column, pa.date32(), safe=False)
        if pc.all(pc.equal(pc.cast(days, column.type), column)).as_py() is not False:
            batch = batch.set_column(index, name, days)
    return batch


def _dict_chunks(table: object, chunk_rows: int) -> Iterator[_Chunk]:
    if isinstance(table, str | bytes | Mapping) or not isinstance(table, Iterable):
        raise InvalidTypeError(
            field="table",
            value=table,
            expected=(
                "a pyarrow Table or RecordBatch, a pandas or polars DataFrame (anything with "
                "__arrow_c_stream__), or an iterable of dicts"
            ),
        )
    _, pa, _ = _modules()
    records: list[Mapping[str, object]] = []
    for index, record in enumerate(table):
        if isinstance(record, pa.RecordBatch):  # an iterable of batches, such as a file's
            yield from _chunks(record, chunk_rows)
            continue
        if not isinstance(record, Mapping):
            raise InvalidTypeError(
                field=f"table[{index}]",
                value=record,
                expected="a dict of a subscription's columns, or a pyarrow RecordBatch",
            )
        records.append(record)
        if len(records) == chunk_rows:
            yield _from_records(records)
            records = []
    if records:
        yield _from_records(records)


def _from_records(records: list[Mapping[str, object]]) -> _Chunk:
    _, pa, _ = _modules()
    keys = dict.fromkeys(key for record in records for key in record)
    try:
        batch = pa.RecordBatch.from_pydict(
            {str(key): [record.get(key) for record in records] for key in keys}
        )
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        # Mixed kinds in one key (a date here, a number there): every row takes the
        # single-call path, which says what is wrong with each.
        batch = None
    return _Chunk(batch, records, len(records))


def _column(batch: Any, name: str) -> Any:  # noqa: ANN401 - a pyarrow array or None
    if batch is None:
        return None
    index = batch.schema.get_field_index(name)
    return None if index < 0 else batch.column(index)


def _record(row: Mapping[str, object], keys: Iterable[str]) -> dict[str, object]:
    """Turn one row of an Arrow table into the ``to_dict`` form its single call reads.

    Nulls are left out (the default applies), dates become ISO text and decimals text.
    """
    record: dict[str, object] = {}
    for key in keys:
        value = row.get(key)
        if value is None:
            continue
        if key in {"unit_price", "price"}:
            value = _money_record(value, row.get("currency"))
        record[key] = _plain(value)
    return record


def _money_record(value: object, currency: object) -> object:
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    money: dict[str, object] = {"amount": _plain(value)}
    if currency is not None:
        money["currency"] = currency
    return money


def _plain(value: object) -> object:
    if isinstance(value, dt.date):  # a datetime too: its text is then refused as a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _day(value: object, field: str, default: dt.date | None) -> dt.date:
    """Read a row's ``on``: a date, ISO text, or the table-wide default."""
    if value is None:
        if default is None:
            raise InvalidValueError(
                field=field,
                value=None,
                got="no date",
                expected="a date in the on column, or on= for the whole table",
                code=ErrorCode.INVALID_DATE,
            )
        return default
    if isinstance(value, str):
        return parse_date(value, field)
    if type(value) is dt.date:
        return value
    raise InvalidTypeError(field=field, value=value, expected="a datetime.date or ISO text")


# -- columns as numpy arrays ------------------------------------------------------------------


class _Ints(NamedTuple):
    values: Any  # numpy int64
    ok: Any  # numpy bool


def _ints(column: Any, rows: int, default: int | None, *, nulls: bool) -> _Ints:  # noqa: ANN401
    np, pa, pc = _modules()
    if column is None:
        if default is None:
            return _Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
        return _Ints(np.full(rows, default, np.int64), np.ones(rows, bool))
    if not pa.types.is_integer(column.type):
        return _Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
    valid = column.is_valid().to_numpy(zero_copy_only=False)
    values = pc.cast(column.fill_null(0), pa.int64(), safe=False).to_numpy(zero_copy_only=False)
    if nulls and default is not None:
        return _Ints(np.where(valid, values, default), np.ones(rows, bool))
    return _Ints(values, valid)


def _days(column: Any, rows: int, *, nulls: bool) -> _Ints:  # noqa: ANN401
    """Read a date column as days since 1970-01-01; ``ok`` marks the dates the path handles."""
    np, pa, pc = _modules()
    if column is None:
        return _Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
    kind = column.type
    if pa.types.is_date64(kind):
        column = pc.cast(column, pa.date32())
        kind = column.type
    if pa.types.is_date32(kind):
        values = pc.cast(column, pa.int32()).fill_null(0).to_numpy(zero_copy_only=False)
        valid = column.is_valid().to_numpy(zero_copy_only=False)
        values = values.astype(np.int64)
    elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
        indices, uniques = _encode(column)
        parsed = [_iso_day(text) for text in uniques]
        table = np.array([-(2**40) if day is None else day for day in parsed] + [-(2**40)])
        values = table[indices]
        valid = values != -(2**40)
    else:
        return _Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
    ok = valid & (values >= _FIRST_DAY) & (values < _LAST_DAY)
    if nulls:
        # A null date means "not given": the caller fills in the default where it applies.
        return _Ints(values, ok | ~column.is_valid().to_numpy(zero_copy_only=False))
    return _Ints(values, ok)


def _iso_day(text: str) -> int | None:
    try:
        return (parse_date(text, "date") - _EPOCH).days
    except SeatcalcError:
        return None


def _encode(column: Any) -> tuple[Any, list[Any]]:  # noqa: ANN401
    """Return each row's index into the column's distinct values (-1 for null), and the values."""
    np, pa, pc = _modules()
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    if isinstance(column, pa.ChunkedArray):  # pragma: no cover - batches hold plain arrays
        column = column.combine_chunks()
    indices = pc.cast(column.indices, pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)
    return indices.astype(np.int64), column.dictionary.to_pylist()


def _lookup(
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
    np, pa, _ = _modules()
    if column is None:
        return np.array([read(default) if default is not None else missing] * 1)[
            np.zeros(rows, np.int64)
        ]
    value_type = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if not (pa.types.is_string(value_type) or pa.types.is_large_string(value_type)):
        return np.array([missing])[np.zeros(rows, np.int64)]
    indices, uniques = _encode(column)
    fallback = read(default) if nulls and default is not None else missing
    table = np.array([read(value) for value in uniques] + [fallback])
    return table[indices]


def _checked(check: Callable[[object], object]) -> Callable[[object], bool]:
    def read(value: object) -> bool:
        try:
            check(value)
        except SeatcalcError:
            return False
        return True

    return read


def _bools(column: Any, rows: int, default: bool, *, nulls: bool) -> _Ints:  # noqa: ANN401, FBT001
    np, pa, _ = _modules()
    if column is None:
        return _Ints(np.full(rows, default), np.ones(rows, bool))
    if not pa.types.is_boolean(column.type):
        return _Ints(np.zeros(rows, bool), np.zeros(rows, bool))
    valid = column.is_valid().to_numpy(zero_copy_only=False)
    values = column.fill_null(default).to_numpy(zero_copy_only=False)
    return _Ints(values, valid | nulls)


class _Prices(NamedTuple):
    numerator: Any
    denominator: Any
    scale: Any  # 10**digits of the currency
    currency: Any  # numpy object array of codes
    ok: Any


def _prices(batch: Any, name: str, rows: int) -> _Prices:  # noqa: ANN401
    """Read a price column: a struct of amount and currency, or an amount beside ``currency``."""
    np, pa, pc = _modules()
    column = _column(batch, name)
    none = _Prices(
        np.zeros(rows, np.int64),
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
        amount, currency = column, _column(batch, "currency")
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
    scales = _lookup(currency, rows, _scale_of, 0, nulls=False)
    codes = _lookup(currency, rows, lambda code: code, None, nulls=False).astype(object)
    ok = parent & amount_ok & (scales > 0)
    return _Prices(numerators, denominators, scales.astype(np.int64), codes, ok)


# Decimal text the column path reads at once: ASCII digits, an optional point and up to six
# places.  Other text (an exponent, a sign, a space) is read value by value, as the single call
# reads it.
_PLAIN_AMOUNT: Final = r"^[0-9]{1,15}(\.[0-9]{0,6})?$"


def _amounts(amount: Any) -> tuple[Any, Any, Any]:  # noqa: ANN401
    """Read amounts as integer ratios ``numerator / denominator``, with the rows read."""
    np, pa, pc = _modules()
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
    indices, uniques = _encode(amount)
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


def _scale_of(code: object) -> int:
    try:
        return int(10 ** minor_unit_digits(check_currency(code)))
    except SeatcalcError:
        return 0


# -- the calendar on columns -------------------------------------------------------------------


def _ymd(days: Any) -> tuple[Any, Any, Any]:  # noqa: ANN401
    """Split days since 1970 into year, month (1-12) and day (1-31)."""
    np, _, _ = _modules()
    dates = days.astype("datetime64[D]")
    months = dates.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def _grid_day(months: Any, anchor_day: Any) -> Any:  # noqa: ANN401
    """The day of the grid date in month ``months`` (since 1970-01): the anchor's, clamped."""
    np, _, _ = _modules()
    first = months.astype("datetime64[M]")
    start = first.astype("datetime64[D]").astype(np.int64)
    length = (first + 1).astype("datetime64[D]").astype(np.int64) - start
    return start + np.minimum(anchor_day, length) - 1


# -- rounding on columns --------------------------------------------------------------------


def _round(top: Any, bottom: Any, rounding: str) -> Any:  # noqa: ANN401
    """Round ``top / bottom`` (both >= 0, bottom > 0) with a decimal rounding mode."""
    np, _, _ = _modules()
    quotient, rest = np.divmod(top, bottom)
    twice = rest * 2
    up: Any
    if rounding in {"ROUND_DOWN", "ROUND_FLOOR"}:
        up = np.zeros(top.shape, bool)
    elif rounding in {"ROUND_UP", "ROUND_CEILING"}:
        up = rest > 0
    elif rounding == "ROUND_HALF_UP":
        up = twice >= bottom
    elif rounding == "ROUND_HALF_DOWN":
        up = twice > bottom
    elif rounding == "ROUND_HALF_EVEN":
        up = (twice > bottom) | ((twice == bottom) & (quotient % 2 == 1))
    else:  # ROUND_05UP
        up = (rest > 0) & np.isin(quotient % 10, (0, 5))
    return quotient + up


# -- the results ------------------------------------------------------------------------------


class _Results:
    """The result columns of one chunk, filled by the column path and then row by row."""

    def __init__(self, rows: int, *, priced: bool) -> None:
        np, _, _ = _modules()
        self.rows = rows
        self.priced = priced
        self.done = np.zeros(rows, bool)
        self.flags = np.zeros((rows, len(_CODES)), bool)
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
        units = total.to_minor()
        scale = 10 ** minor_unit_digits(total.currency)
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
        np, pa, _ = _modules()
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
        np, pa, _ = _modules()
        flags = self.flags.copy()
        flags[failed] = False
        counts = flags.sum(axis=1)
        names = [code.value for code in _CODES]
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
        np, pa, _ = _modules()
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
            pa.decimal128(_TOTAL_PRECISION, TOTAL_SCALE),
            self.rows,
            [validity, pa.py_buffer(words.tobytes())],
        )

    def _errors(self) -> Any:  # noqa: ANN401
        _, pa, _ = _modules()
        kind = pa.struct([(name, pa.string()) for name in _ERROR_FIELDS])
        if not self.errors:
            return pa.nulls(self.rows, kind)
        return pa.array([self.errors.get(row) for row in range(self.rows)], kind)


# -- the subscription columns -------------------------------------------------------------------


class _Book(NamedTuple):
    """A chunk's subscriptions on columns, with the rows whose every value the path handles."""

    ok: Any
    seats: Any
    prices: _Prices
    term_start: Any
    term_end: Any
    period_start: Any
    purchased_on: Any
    auto_renew: Any
    channel_ok: Any  # in policy.channels
    allowed: Any  # country in policy.allowed_countries
    excluded: Any  # country in policy.excluded_countries
    product_excluded: Any
    plan_excluded: Any


def _book(batch: Any, rows: int, policy: Policy, *, nulls: bool) -> _Book:  # noqa: ANN401
    np, _, _ = _modules()
    seats = _ints(_column(batch, "seats"), rows, None, nulls=False)
    prices = _prices(batch, "unit_price", rows)
    start = _days(_column(batch, "term_start"), rows, nulls=False)
    end = _days(_column(batch, "term_end"), rows, nulls=False)
    anchor_column = _column(batch, "anchor")
    anchor = _days(anchor_column, rows, nulls=nulls)
    if anchor_column is None:
        anchor = _Ints(start.values, np.ones(rows, bool))
    elif nulls:
        given = anchor_column.is_valid().to_numpy(zero_copy_only=False)
        anchor = _Ints(np.where(given, anchor.values, start.values), anchor.ok)
    purchase_column = _column(batch, "purchased_on")
    purchased = _days(purchase_column, rows, nulls=nulls)
    if purchase_column is None:
        purchased = _Ints(anchor.values, np.ones(rows, bool))
    elif nulls:
        given = purchase_column.is_valid().to_numpy(zero_copy_only=False)
        purchased = _Ints(np.where(given, purchased.values, anchor.values), purchased.ok)
    period = _ints(_column(batch, "period_months"), rows, 12, nulls=nulls)
    auto_renew = _bools(_column(batch, "auto_renew"), rows, default=True, nulls=nulls)
    country = _column(batch, "country")
    country_ok = _lookup(country, rows, _checked(check_country), missing=False, nulls=False)
    channel = _column(batch, "channel")
    channel_ok = _lookup(
        channel, rows, _checked(check_channel), missing=False, default="direct", nulls=nulls
    )
    products = _column(batch, "product")
    plans = _column(batch, "plan")
    text_ok = _lookup(
        products, rows, lambda _v: True, missing=False, default="", nulls=nulls
    ) & _lookup(plans, rows, lambda _v: True, missing=False, default="", nulls=nulls)
    ok = (
        seats.ok
        & (seats.values >= 1)
        & (seats.values < _SMALL)
        & prices.ok
        & start.ok
        & end.ok
        & anchor.ok
        & purchased.ok
        & period.ok
        & (period.values >= 1)
        & (period.values <= MAX_PERIOD_MONTHS)
        & auto_renew.ok
        & country_ok
        & channel_ok
        & text_ok
        & (start.values < end.values)
        & (anchor.values < end.values)
        & (purchased.values < end.values)
    )
    # term_end must be a renewal date: anchor + k * period months, clamped to the month's end.
    anchor_year, anchor_month, anchor_day = _ymd(anchor.values)
    end_year, end_month, _ = _ymd(end.values)
    months = (end_year - anchor_year) * 12 + (end_month - anchor_month)
    safe_period = np.maximum(period.values, 1)
    index_month = (anchor_year - 1970) * 12 + anchor_month - 1
    ok &= (months % safe_period == 0) & (_grid_day(index_month + months, anchor_day) == end.values)
    period_start = _grid_day(index_month + months - safe_period, anchor_day)
    policy_channels = policy.channels
    return _Book(
        ok=ok,
        seats=seats.values,
        prices=prices,
        term_start=start.values,
        term_end=end.values,
        period_start=period_start,
        purchased_on=purchased.values,
        auto_renew=auto_renew.values.astype(bool),
        channel_ok=_lookup(
            channel,
            rows,
            lambda value: value in policy_channels,
            missing=False,
            default="direct",
            nulls=nulls,
        ),
        allowed=_lookup(
            country, rows, policy.allowed_countries.__contains__, missing=False, nulls=False
        ),
        excluded=_lookup(
            country, rows, policy.excluded_countries.__contains__, missing=False, nulls=False
        ),
        product_excluded=_lookup(
            products,
            rows,
            policy.excluded_products.__contains__,
            missing=False,
            default="",
            nulls=nulls,
        ),
        plan_excluded=_lookup(
            plans, rows, policy.excluded_plans.__contains__, missing=False, default="", nulls=nulls
        ),
    )


def _flags(book: _Book, on: Any, adding: Any, policy: Policy) -> Any:  # noqa: ANN401
    """The failing rules of every row, one column per :class:`ReasonCode`, in its order."""
    np, _, _ = _modules()
    rows = len(on)
    cutoff = policy.cutoff
    limit = policy.max_seats
    never = np.zeros(rows, bool)
    fails = {
        ReasonCode.OUTSIDE_TERM: ~((book.term_start <= on) & (on < book.term_end)),
        ReasonCode.CHANNEL_NOT_DIRECT: ~book.channel_ok,
        ReasonCode.REGION_NOT_SUPPORTED: ~book.allowed,
        ReasonCode.REGION_EXCLUDED: book.excluded,
        ReasonCode.PURCHASED_BEFORE_CUTOFF: never
        if cutoff is None
        else book.purchased_on < (cutoff - _EPOCH).days,
        ReasonCode.PRODUCT_EXCLUDED: book.product_excluded,
        ReasonCode.PLAN_EXCLUDED: book.plan_excluded,
        ReasonCode.AUTO_RENEW_OFF: ~book.auto_renew if policy.auto_renew_required else never,
        ReasonCode.SEAT_LIMIT_REACHED: never if limit is None else book.seats >= limit,
        ReasonCode.SEAT_LIMIT_EXCEEDED: never
        if limit is None
        else (book.seats < limit) & (limit < book.seats + adding),
    }
    return np.stack([fails[code] for code in _CODES], axis=1)


def _on_column(batch: Any, rows: int, on: dt.date | None) -> _Ints:  # noqa: ANN401
    np, _, _ = _modules()
    column = _column(batch, "on")
    default = None if on is None else (on - _EPOCH).days
    if column is None:
        if default is None:
            return _Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
        return _Ints(np.full(rows, default, np.int64), np.ones(rows, bool))
    days = _days(column, rows, nulls=False)
    if default is None:
        return days
    given = column.is_valid().to_numpy(zero_copy_only=False)
    return _Ints(np.where(given, days.values, default), given & days.ok | ~given)


# -- the public functions ---------------------------------------------------------------------


def _check_on(on: object) -> dt.date | None:
    if on is None:
        return None
    if type(on) is not dt.date:
        from seatcalc._validate import check_date  # noqa: PLC0415 - only for the rare case

        return check_date(on, "on")
    return on


def _check_policy(policy: object) -> Policy:
    if not isinstance(policy, Policy):
        raise InvalidTypeError(
            field="policy", value=policy, expected="a Policy, such as DEFAULT_POLICY"
        )
    return policy


def quote_batches(
    table: object,
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    keep: Iterable[str] = (),
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[Any]:
    """Quote a book chunk by chunk, yielding one :class:`pyarrow.RecordBatch` per chunk.

    This is :func:`quote_table` for streams: memory holds one chunk at a time, whatever the
    size of the book.  The arguments are :func:`quote_table`'s.

    .. versionadded:: 0.1.0
    """
    _modules()
    on = _check_on(on)
    policy = _check_policy(policy)
    if not isinstance(convention, Convention):
        convention = convention_named(convention)
    rounding = check_rounding(rounding)
    chunk_rows = check_count(chunk_rows, "chunk_rows")
    kept = tuple(keep)
    for chunk in _chunks(table, chunk_rows):
        yield _quote_chunk(chunk, on, policy, convention, rounding, kept)


def quote_table(
    table: object,
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    keep: Iterable[str] = (),
) -> Any:  # noqa: ANN401 - a pyarrow.Table; pyarrow is optional
    """Quote adding seats to every subscription of a book: one result row per input row.

    ``table`` holds one subscription per row (the columns of :data:`SUBSCRIPTION_COLUMNS`),
    the number of seats to add in ``seats_to_add`` and, optionally, the day in ``on`` (a null
    or missing ``on`` takes the ``on`` argument).  The result has, per row:

    ========================  =============================================================
    column                    value
    ========================  =============================================================
    ``payable``               whether the quote has a price (null when the row is invalid)
    ``reasons``               the failing eligibility codes, in canonical order
    ``end_date``              the co-termed end date (null outside the term)
    ``fraction_numerator``    the fraction charged per seat, in lowest terms
    ``fraction_denominator``
    ``total``                 the total rounded once, ``decimal128`` with 4 places
    ``total_minor``           the same total in minor units (cents), an int64
    ``currency``              the currency of the total
    ``error``                 the single call's error as :meth:`SeatcalcError.to_dict
                              <seatcalc.SeatcalcError.to_dict>` gives it, or null
    ========================  =============================================================

    followed by the columns named in ``keep`` (such as a customer id), copied as they are.
    Every row is what ``quote_add_seats(Subscription.from_dict(row), row["seats_to_add"], on,
    ...)`` gives; an invalid row never stops the others.

    >>> import datetime as dt
    >>> from seatcalc.book import quote_table
    >>> book = [
    ...     {
    ...         "seats": 5,
    ...         "unit_price": {"amount": "1200.00", "currency": "USD"},
    ...         "term_start": "2026-01-01",
    ...         "term_end": "2027-01-01",
    ...         "country": "US",
    ...         "seats_to_add": 2,
    ...     },
    ...     {
    ...         "seats": 1,
    ...         "unit_price": {"amount": "30.00", "currency": "EUR"},
    ...         "term_start": "2026-06-15",
    ...         "term_end": "2026-07-15",
    ...         "period_months": 1,
    ...         "country": "FR",
    ...         "channel": "reseller",
    ...         "seats_to_add": 1,
    ...     },
    ...     {
    ...         "seats": 0,
    ...         "unit_price": {"amount": "9.99", "currency": "USD"},
    ...         "term_start": "2026-01-01",
    ...         "term_end": "2027-01-01",
    ...         "country": "US",
    ...         "seats_to_add": 1,
    ...     },
    ... ]
    >>> result = quote_table(book, dt.date(2026, 7, 1))
    >>> for row in result.to_pylist():
    ...     print(row["payable"], row["reasons"], row["total"], row["currency"])
    True [] 1209.8600 USD
    False ['CHANNEL_NOT_DIRECT'] None EUR
    None None None None
    >>> result.column("error")[2]["code"].as_py(), result.column("error")[2]["field"].as_py()
    ('OUT_OF_RANGE', 'seats')

    Args:
        table: the book: a pyarrow Table or RecordBatch, a reader or DataFrame exporting the
            Arrow C stream interface, or an iterable of dicts in :meth:`Subscription.to_dict
            <seatcalc.Subscription.to_dict>`'s form plus ``seats_to_add``.
        on: the day of the quotes, for the rows without their own ``on``.
        policy: the eligibility rules.
        convention: how the time left is counted.
        rounding: the :mod:`decimal` rounding mode of the one rounding.
        keep: input columns to copy into the result, after the result columns.

    Returns:
        A :class:`pyarrow.Table`, one row per input row, in the input's order.

    .. versionadded:: 0.1.0
    """
    _, pa, _ = _modules()
    batches = list(
        quote_batches(table, on, policy=policy, convention=convention, rounding=rounding, keep=keep)
    )
    if not batches:
        return _quote_schema(pa).empty_table()
    return pa.Table.from_batches(batches)


def _quote_schema(pa: Any) -> Any:  # noqa: ANN401
    return pa.schema(
        [
            ("payable", pa.bool_()),
            ("reasons", pa.list_(pa.string())),
            ("end_date", pa.date32()),
            ("fraction_numerator", pa.int64()),
            ("fraction_denominator", pa.int64()),
            ("total", pa.decimal128(_TOTAL_PRECISION, TOTAL_SCALE)),
            ("total_minor", pa.int64()),
            ("currency", pa.string()),
            ("error", pa.struct([(name, pa.string()) for name in _ERROR_FIELDS])),
        ]
    )


def _kept(chunk: _Chunk, keep: tuple[str, ...]) -> dict[str, Any]:
    _, pa, _ = _modules()
    columns: dict[str, Any] = {}
    for name in keep:
        column = _column(chunk.batch, name)
        if column is None and chunk.records is not None:
            column = pa.array([record.get(name) for record in chunk.records])
        if column is None:
            raise InvalidValueError(
                field="keep",
                value=name,
                expected="the name of a column of the table",
                code=ErrorCode.UNKNOWN_CHOICE,
            )
        columns[name] = column
    return columns


def _rows(chunk: _Chunk, rows: list[int], keys: tuple[str, ...]) -> list[Mapping[str, object]]:
    """The records of ``rows`` as their single calls read them."""
    _, pa, _ = _modules()
    if chunk.batch is None:
        taken = [chunk.records[row] for row in rows]  # type: ignore[index] # dicts if no batch
    else:
        taken = chunk.batch.take(pa.array(rows, pa.int64())).to_pylist()
    return [{**_record(row, keys), "seats_to_add": row.get("seats_to_add")} for row in taken]


def _subscription_of(record: Mapping[str, object]) -> Subscription:
    return Subscription.from_dict(_record(record, SUBSCRIPTION_COLUMNS))


def _quote_chunk(  # noqa: PLR0917 - quote_batches' arguments
    chunk: _Chunk,
    on: dt.date | None,
    policy: Policy,
    convention: Convention,
    rounding: str,
    keep: tuple[str, ...],
) -> Any:  # noqa: ANN401
    np, pa, _ = _modules()
    rows = chunk.rows
    results = _Results(rows, priced=True)
    batch = chunk.batch
    if batch is not None:
        book = _book(batch, rows, policy, nulls=True)
        days = _on_column(batch, rows, on)
        adding = _ints(_column(batch, "seats_to_add"), rows, None, nulls=False)
        valid = book.ok & days.ok & adding.ok & (adding.values >= 1) & (adding.values < _SMALL)
        flags = _flags(book, days.values, adding.values, policy)
        failing = flags.any(axis=1)
        refused = valid & failing
        results.flags[refused] = flags[refused]
        inside = (book.term_start <= days.values) & (days.values < book.term_end)
        results.end[valid & inside] = book.term_end[valid & inside]
        results.has_end[valid & inside] = True
        results.currency[refused] = book.prices.currency[refused]
        results.done |= refused
        if convention.plain and convention.unit == "day":
            _price_rows(results, book, days.values, adding.values, valid & ~failing, rounding)
    pending = np.flatnonzero(~results.done).tolist()
    for row, record in zip(pending, _rows(chunk, pending, _ROW_COLUMNS), strict=True):
        _quote_row(results, row, record, on, policy, convention, rounding)
    columns = results.columns()
    columns.update(_kept(chunk, keep))
    return pa.RecordBatch.from_pydict(columns)


def _price_rows(  # noqa: PLR0917 - the chunk's columns
    results: _Results,
    book: _Book,
    on: Any,  # noqa: ANN401 - numpy columns
    adding: Any,  # noqa: ANN401
    payable: Any,  # noqa: ANN401
    rounding: str,
) -> None:
    """Price the eligible rows whose arithmetic fits in 64 bits, on columns."""
    np, _, _ = _modules()
    prices = book.prices
    remaining = book.term_end - on
    total = book.term_end - book.period_start
    count = np.maximum(adding * remaining, 1)
    # top = numerator * adding * remaining * scale stays below 2**61 when numerator * scale
    # is below 2**61 // (adding * remaining); compared by integer division, never multiplied.
    limit = _TOP // count // np.maximum(prices.scale, 1)
    fits = payable & (on >= book.period_start) & (prices.numerator <= limit)
    top = np.where(fits, prices.numerator * prices.scale * count, 0)
    bottom = np.where(fits, prices.denominator * total, 1)
    units = _round(top, bottom, rounding)
    # Money holds amounts below 10**18 units of the currency.
    fits &= units // np.maximum(prices.scale, 1) < 10**18
    divisor = np.gcd(remaining, total)
    results.numerator[fits] = (remaining // np.maximum(divisor, 1))[fits]
    results.denominator[fits] = (total // np.maximum(divisor, 1))[fits]
    results.units[fits] = units[fits]
    results.scale[fits] = prices.scale[fits]
    results.has_total[fits] = True
    results.currency[fits] = prices.currency[fits]
    results.done |= fits


def _quote_row(  # noqa: PLR0917 - one row's inputs
    results: _Results,
    row: int,
    record: Mapping[str, object],
    on: dt.date | None,
    policy: Policy,
    convention: Convention,
    rounding: str,
) -> None:
    try:
        subscription = _subscription_of(record)
        day = _day(record.get("on"), "on", on)
        quote = quote_add_seats(
            subscription,
            record.get("seats_to_add"),  # type: ignore[arg-type] # checked by the call
            day,
            policy=policy,
            convention=convention,
            rounding=rounding,
        )
    except SeatcalcError as error:
        results.fail(row, error)
        return
    results.reasons[row] = tuple(code.value for code in quote.eligibility.codes)
    if quote.end_date is not None:
        results.end[row] = (quote.end_date - _EPOCH).days
        results.has_end[row] = True
    results.currency[row] = subscription.currency
    if quote.total is not None and quote.fraction is not None:
        results.price(row, quote.fraction, quote.total)


# -- eligibility ------------------------------------------------------------------------------


def eligibility_batches(
    table: object,
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    keep: Iterable[str] = (),
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[Any]:
    """Check a book's eligibility chunk by chunk; :func:`check_eligibility_table` for streams.

    .. versionadded:: 0.1.0
    """
    _, pa, _ = _modules()
    on = _check_on(on)
    policy = _check_policy(policy)
    chunk_rows = check_count(chunk_rows, "chunk_rows")
    kept = tuple(keep)
    for chunk in _chunks(table, chunk_rows):
        rows = chunk.rows
        results = _Results(rows, priced=False)
        if chunk.batch is not None:
            book = _book(chunk.batch, rows, policy, nulls=True)
            days = _on_column(chunk.batch, rows, on)
            valid = book.ok & days.ok
            flags = _flags(book, days.values, 0, policy)
            results.flags[valid] = flags[valid]
            results.done |= valid
        pending = [row for row in range(rows) if not results.done[row]]
        for row, record in zip(pending, _rows(chunk, pending, _ROW_COLUMNS), strict=True):
            try:
                found = check_eligibility(
                    _subscription_of(record), _day(record.get("on"), "on", on), policy=policy
                )
            except SeatcalcError as error:
                results.fail(row, error)
                continue
            results.reasons[row] = tuple(code.value for code in found.codes)
        columns = results.columns(eligibility_only=True)
        columns.update(_kept(chunk, kept))
        yield pa.RecordBatch.from_pydict(columns)


def check_eligibility_table(
    table: object,
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    keep: Iterable[str] = (),
) -> Any:  # noqa: ANN401 - a pyarrow.Table; pyarrow is optional
    """Check every subscription of a book: :func:`~seatcalc.check_eligibility` on each row.

    ``table`` is read as :func:`quote_table` reads it (no ``seats_to_add`` is needed).  The
    result has ``eligible`` (null for an invalid row), ``reasons`` (the failing codes in
    canonical order) and ``error``, then the ``keep`` columns.

    >>> import datetime as dt
    >>> import pyarrow as pa
    >>> from seatcalc.book import check_eligibility_table
    >>> book = pa.table(
    ...     {
    ...         "seats": [3, 3],
    ...         "unit_price": ["600.00", "600.00"],
    ...         "currency": ["EUR", "EUR"],
    ...         "term_start": [dt.date(2026, 1, 1)] * 2,
    ...         "term_end": [dt.date(2027, 1, 1)] * 2,
    ...         "country": ["FR", "JP"],
    ...     }
    ... )
    >>> check_eligibility_table(book, dt.date(2026, 7, 1)).select(
    ...     ["eligible", "reasons"]
    ... ).to_pylist()
    [{'eligible': True, 'reasons': []}, {'eligible': False, 'reasons': ['REGION_NOT_SUPPORTED']}]

    .. versionadded:: 0.1.0
    """
    _, pa, _ = _modules()
    batches = list(eligibility_batches(table, on, policy=policy, keep=keep))
    if not batches:
        return pa.schema(
            [
                ("eligible", pa.bool_()),
                ("reasons", pa.list_(pa.string())),
                ("error", pa.struct([(name, pa.string()) for name in _ERROR_FIELDS])),
            ]
        ).empty_table()
    return pa.Table.from_batches(batches)


# -- proration ----------------------------------------------------------------------------------

_PRORATE_COLUMNS: Final = ("price", "term_start", "term_end", "on", "quantity")


def prorate_table(
    table: object,
    *,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    keep: Iterable[str] = (),
    chunk_rows: int = CHUNK_ROWS,
) -> Any:  # noqa: ANN401 - a pyarrow.Table; pyarrow is optional
    """Prorate every row of a table: :func:`~seatcalc.prorate` on each.

    The columns are ``price`` (a struct of ``amount`` and ``currency``, or an amount beside a
    ``currency`` column), ``term_start``, ``term_end``, ``on`` and ``quantity`` (1 when
    missing).  The result has ``fraction_numerator`` and ``fraction_denominator``, ``amount``
    (``decimal128`` with 4 places), ``amount_minor`` (int64), ``currency`` and ``error``.

    >>> import datetime as dt
    >>> from seatcalc.book import prorate_table
    >>> rows = [
    ...     {
    ...         "price": {"amount": "1200.00", "currency": "USD"},
    ...         "term_start": dt.date(2026, 1, 1),
    ...         "term_end": dt.date(2027, 1, 1),
    ...         "on": dt.date(2026, 7, 1),
    ...         "quantity": 2,
    ...     }
    ... ]
    >>> prorate_table(rows).select(
    ...     ["fraction_numerator", "fraction_denominator", "amount"]
    ... ).to_pylist()
    [{'fraction_numerator': 184, 'fraction_denominator': 365, 'amount': Decimal('1209.8600')}]

    .. versionadded:: 0.1.0
    """
    np, pa, _ = _modules()
    if not isinstance(convention, Convention):
        convention = convention_named(convention)
    rounding = check_rounding(rounding)
    chunk_rows = check_count(chunk_rows, "chunk_rows")
    kept = tuple(keep)
    batches = []
    for chunk in _chunks(table, chunk_rows):
        rows = chunk.rows
        results = _Results(rows, priced=False)
        batch = chunk.batch
        if batch is not None and convention.plain and convention.unit == "day":
            prices = _prices(batch, "price", rows)
            start = _days(_column(batch, "term_start"), rows, nulls=False)
            end = _days(_column(batch, "term_end"), rows, nulls=False)
            days = _days(_column(batch, "on"), rows, nulls=False)
            quantity = _ints(_column(batch, "quantity"), rows, 1, nulls=True)
            ok = (
                prices.ok
                & start.ok
                & end.ok
                & days.ok
                & quantity.ok
                & (quantity.values >= 1)
                & (quantity.values < _SMALL)
                & (start.values <= days.values)
                & (days.values < end.values)
            )
            book = _Book(
                ok,
                None,
                prices,
                start.values,
                end.values,
                start.values,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
            )
            _price_rows(results, book, days.values, quantity.values, ok, rounding)
        pending = np.flatnonzero(~results.done).tolist()
        for row, record in zip(pending, _rows(chunk, pending, _PRORATE_COLUMNS), strict=True):
            try:
                result = _prorate_row(record, convention, rounding)
            except SeatcalcError as error:
                results.fail(row, error)
                continue
            results.price(row, result.fraction, result.amount)
        columns = results.columns()
        columns.update(_kept(chunk, kept))
        batches.append(pa.RecordBatch.from_pydict(columns))
    return pa.Table.from_batches(batches) if batches else pa.table({})


def _prorate_row(record: Mapping[str, object], convention: Convention, rounding: str) -> Any:  # noqa: ANN401
    price = record.get("price")
    if not isinstance(price, Mapping):
        price = _money_record(price, record.get("currency"))
    money = Money.from_dict(price)  # type: ignore[arg-type]
    dates = [
        _day(_plain(record.get(field)), field, None) for field in ("term_start", "term_end", "on")
    ]
    return prorate(
        money,
        *dates,
        quantity=record.get("quantity", 1),  # type: ignore[arg-type] # checked by prorate
        convention=convention,
        rounding=rounding,
    )


# -- past one machine -------------------------------------------------------------------------


def quote_frame(
    frame: Any,  # noqa: ANN401 - a pandas DataFrame
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    keep: Iterable[str] = (),
) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """Quote a pandas DataFrame and return a DataFrame: :func:`quote_table` for one partition.

    The result's columns are Arrow-backed (``pandas.ArrowDtype``), so ``total`` stays an exact
    ``decimal128`` and ``reasons`` a list; :func:`dask_quote` runs this function on every
    partition of a Dask DataFrame, and a Spark ``mapInPandas`` can run it on every batch.

    .. versionadded:: 0.1.0
    """
    import pandas as pd  # noqa: PLC0415 - an optional extra, imported on first use

    table = quote_table(
        frame, on, policy=policy, convention=convention, rounding=rounding, keep=keep
    )
    result = table.to_pandas(types_mapper=pd.ArrowDtype)
    result.index = frame.index
    return result


def dask_quote(
    frame: Any,  # noqa: ANN401 - a dask.dataframe.DataFrame
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    keep: Iterable[str] = (),
) -> Any:  # noqa: ANN401 - a dask.dataframe.DataFrame
    """Quote a book held as a Dask DataFrame, partition by partition, on the workers.

    Each partition (a pandas DataFrame, such as one Parquet file or row group read by
    ``dask.dataframe.read_parquet``) is quoted by :func:`quote_frame` where it lives: only rows
    travel between machines, and subscription objects are built inside the workers, for the
    rows that take the single-call path.  The result is lazy, like any Dask DataFrame; write it
    with ``to_parquet`` or bring it home with ``compute()``.  Install ``seatcalc[dask]``.

    .. versionadded:: 0.1.0
    """
    import pandas as pd  # noqa: PLC0415 - an optional extra, imported on first use

    _, pa, _ = _modules()
    if not isinstance(convention, Convention):
        convention = convention_named(convention)
    rounding = check_rounding(rounding)
    on = _check_on(on)
    policy = _check_policy(policy)
    kept = tuple(keep)
    schema = _quote_schema(pa)
    input_schema = pa.Schema.from_pandas(frame._meta, preserve_index=False)  # noqa: SLF001 - dask's own public meta
    for name in kept:
        schema = schema.append(input_schema.field(name))
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    return frame.map_partitions(
        quote_frame,
        on,
        policy=policy,
        convention=convention,
        rounding=rounding,
        keep=kept,
        meta=meta,
    )

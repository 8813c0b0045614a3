"""Reading a book: Arrow tables and streams, or dicts, in chunks; rows as single calls read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple

from seatcalc._validate import parse_date
from seatcalc.book._extras import table_modules
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.policy import Policy
from seatcalc.subscription import Subscription

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

ROW_COLUMNS: Final = (*SUBSCRIPTION_COLUMNS, "on")


# -- reading the input ----------------------------------------------------------------------


class Chunk(NamedTuple):
    """Rows to answer together: an Arrow batch, and the dicts it came from (if it did)."""

    batch: Any  # pyarrow.RecordBatch, or None when dicts could not form one
    records: list[Mapping[str, object]] | None
    rows: int


def chunks(table: object, chunk_rows: int) -> Iterator[Chunk]:
    """Read ``table`` as chunks of at most ``chunk_rows`` rows."""
    _, pa, _ = table_modules()
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    if isinstance(table, pa.Table):
        for batch in table.to_batches(max_chunksize=chunk_rows):
            yield Chunk(_as_dates(batch), None, batch.num_rows)
    elif isinstance(table, pa.RecordBatchReader) or hasattr(table, "__arrow_c_stream__"):
        yield from _stream_chunks(table, chunk_rows)
    else:
        yield from _dict_chunks(table, chunk_rows)


def _stream_chunks(table: object, chunk_rows: int) -> Iterator[Chunk]:
    _, pa, _ = table_modules()
    reader = (
        table
        if isinstance(table, pa.RecordBatchReader)
        else pa.RecordBatchReader.from_stream(table)
    )
    for batch in reader:
        for offset in range(0, batch.num_rows, chunk_rows):
            part = batch.slice(offset, chunk_rows)
            yield Chunk(_as_dates(part), None, part.num_rows)


_DATE_COLUMNS: Final = ("term_start", "term_end", "purchased_on", "anchor", "on")


def _as_dates(batch: Any) -> Any:  # noqa: ANN401 - a pyarrow.RecordBatch
    """Read naive timestamps at midnight as dates: pandas keeps dates as such timestamps."""
    _, pa, pc = table_modules()
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


def _dict_chunks(table: object, chunk_rows: int) -> Iterator[Chunk]:
    if isinstance(table, str | bytes | Mapping) or not isinstance(table, Iterable):
        raise InvalidTypeError(
            field="table",
            value=table,
            expected=(
                "a pyarrow Table or RecordBatch, a pandas or polars DataFrame (anything with "
                "__arrow_c_stream__), or an iterable of dicts"
            ),
        )
    _, pa, _ = table_modules()
    records: list[Mapping[str, object]] = []
    for index, record in enumerate(table):
        if isinstance(record, pa.RecordBatch):  # an iterable of batches, such as a file's
            yield from chunks(record, chunk_rows)
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


def _from_records(records: list[Mapping[str, object]]) -> Chunk:
    _, pa, _ = table_modules()
    keys = dict.fromkeys(key for record in records for key in record)
    try:
        batch = pa.RecordBatch.from_pydict(
            {str(key): [record.get(key) for record in records] for key in keys}
        )
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        # Mixed kinds in one key (a date here, a number there): every row takes the
        # single-call path, which says what is wrong with each.
        batch = None
    return Chunk(batch, records, len(records))


def column_of(batch: Any, name: str) -> Any:  # noqa: ANN401 - a pyarrow array or None
    if batch is None:
        return None
    index = batch.schema.get_field_index(name)
    return None if index < 0 else batch.column(index)


def record_of(row: Mapping[str, object], keys: Iterable[str]) -> dict[str, object]:
    """Turn one row of an Arrow table into the ``to_dict`` form its single call reads.

    Nulls are left out (the default applies), dates become ISO text and decimals text.
    """
    record: dict[str, object] = {}
    for key in keys:
        value = row.get(key)
        if value is None:
            continue
        if key in {"unit_price", "price"}:
            value = money_record(value, row.get("currency"))
        record[key] = plain_value(value)
    return record


def money_record(value: object, currency: object) -> object:
    if isinstance(value, Mapping):
        return {key: plain_value(item) for key, item in value.items() if item is not None}
    money: dict[str, object] = {"amount": plain_value(value)}
    if currency is not None:
        money["currency"] = currency
    return money


def plain_value(value: object) -> object:
    if isinstance(value, dt.date):  # a datetime too: its text is then refused as a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def read_day(value: object, field: str, default: dt.date | None) -> dt.date:
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


# -- the public functions ---------------------------------------------------------------------


def check_on(on: object) -> dt.date | None:
    if on is None:
        return None
    if type(on) is not dt.date:
        from seatcalc._validate import check_date  # noqa: PLC0415 - only for the rare case

        return check_date(on, "on")
    return on


def check_policy(policy: object) -> Policy:
    if not isinstance(policy, Policy):
        raise InvalidTypeError(
            field="policy", value=policy, expected="a Policy, such as DEFAULT_POLICY"
        )
    return policy


def kept_columns(chunk: Chunk, keep: tuple[str, ...]) -> dict[str, Any]:
    _, pa, _ = table_modules()
    columns: dict[str, Any] = {}
    for name in keep:
        column = column_of(chunk.batch, name)
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


def row_records(chunk: Chunk, rows: list[int], keys: tuple[str, ...]) -> list[Mapping[str, object]]:
    """The records of ``rows`` as their single calls read them."""
    _, pa, _ = table_modules()
    if chunk.batch is None:
        taken = [chunk.records[row] for row in rows]  # type: ignore[index] # dicts if no batch
    else:
        taken = chunk.batch.take(pa.array(rows, pa.int64())).to_pylist()
    return [{**record_of(row, keys), "seats_to_add": row.get("seats_to_add")} for row in taken]


def subscription_of(record: Mapping[str, object]) -> Subscription:
    return Subscription.from_dict(record_of(record, SUBSCRIPTION_COLUMNS))

"""Prorating every row of a table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP
from typing import Any, Final

from seatcalc._validate import check_count
from seatcalc.book._columns import SMALL, read_days, read_ints, read_prices
from seatcalc.book._extras import table_modules
from seatcalc.book._quoting import price_rows
from seatcalc.book._reading import (
    CHUNK_ROWS,
    chunks,
    column_of,
    kept_columns,
    money_record,
    plain_value,
    read_day,
    row_records,
)
from seatcalc.book._results import Results, check_table
from seatcalc.book._subscriptions import BookColumns
from seatcalc.conventions import ACTUAL_DAYS, Convention, convention_named
from seatcalc.errors import SeatcalcError
from seatcalc.minor_units import MinorUnits
from seatcalc.money import Money
from seatcalc.proration import prorate
from seatcalc.rounding import check_rounding

# -- proration ----------------------------------------------------------------------------------

_PRORATE_COLUMNS: Final = ("price", "term_start", "term_end", "on", "quantity")


def prorate_table(
    table: object,
    *,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
    keep: Iterable[str] = (),
    chunk_rows: int = CHUNK_ROWS,
) -> Any:  # noqa: ANN401 - a pyarrow.Table; pyarrow is optional
    """Prorate every row of a table: :func:`~seatcalc.prorate` on each.

    The columns are ``price`` (a struct of ``amount`` and ``currency``, or an amount beside a
    ``currency`` column), ``term_start``, ``term_end``, ``on`` and ``quantity`` (1 when
    missing).  The result has ``fraction_numerator`` and ``fraction_denominator``, ``amount``
    (``decimal128`` with 4 places), ``amount_minor`` (int64, in the minor units of the
    ``minor_units`` table, as :func:`quote_table` takes it), ``currency`` and ``error``.

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
    np, pa, _ = table_modules()
    if not isinstance(convention, Convention):
        convention = convention_named(convention)
    rounding = check_rounding(rounding)
    units = check_table(minor_units)
    chunk_rows = check_count(chunk_rows, "chunk_rows")
    kept = tuple(keep)
    batches = []
    for chunk in chunks(table, chunk_rows):
        rows = chunk.rows
        results = Results(rows, priced=False, table=units)
        batch = chunk.batch
        if batch is not None and convention.plain and convention.unit == "day":
            prices = read_prices(batch, "price", rows, units)
            start = read_days(column_of(batch, "term_start"), rows, nulls=False)
            end = read_days(column_of(batch, "term_end"), rows, nulls=False)
            days = read_days(column_of(batch, "on"), rows, nulls=False)
            quantity = read_ints(column_of(batch, "quantity"), rows, 1, nulls=True)
            ok = (
                prices.ok
                & start.ok
                & end.ok
                & days.ok
                & quantity.ok
                & (quantity.values >= 1)
                & (quantity.values < SMALL)
                & (start.values <= days.values)
                & (days.values < end.values)
            )
            book = BookColumns(
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
            price_rows(results, book, days.values, quantity.values, ok, rounding)
        pending = np.flatnonzero(~results.done).tolist()
        for row, record in zip(pending, row_records(chunk, pending, _PRORATE_COLUMNS), strict=True):
            try:
                result = _prorate_row(record, convention, rounding, units)
            except SeatcalcError as error:
                results.fail(row, error)
                continue
            results.price(row, result.fraction, result.amount)
        columns = results.columns()
        columns.update(kept_columns(chunk, kept))
        batches.append(pa.RecordBatch.from_pydict(columns))
    return pa.Table.from_batches(batches) if batches else pa.table({})


def _prorate_row(
    record: Mapping[str, object], convention: Convention, rounding: str, table: MinorUnits
) -> Any:  # noqa: ANN401
    price = record.get("price")
    if not isinstance(price, Mapping):
        price = money_record(price, record.get("currency"))
    money = Money.from_dict(price)  # type: ignore[arg-type]
    dates = [
        read_day(plain_value(record.get(field)), field, None)
        for field in ("term_start", "term_end", "on")
    ]
    return prorate(
        money,
        *dates,
        quantity=record.get("quantity", 1),  # type: ignore[arg-type] # checked by prorate
        convention=convention,
        rounding=rounding,
        minor_units=table,
    )

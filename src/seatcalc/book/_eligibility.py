"""The eligibility rules on columns, and checking a whole book."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from seatcalc._validate import check_count
from seatcalc.book._calendar import EPOCH
from seatcalc.book._extras import table_modules
from seatcalc.book._reading import (
    CHUNK_ROWS,
    ROW_COLUMNS,
    check_on,
    check_policy,
    chunks,
    kept_columns,
    read_day,
    row_records,
    subscription_of,
)
from seatcalc.book._results import CODES, ERROR_FIELDS, Results
from seatcalc.book._subscriptions import BookColumns, read_book, read_on
from seatcalc.eligibility import ReasonCode, check_eligibility
from seatcalc.errors import SeatcalcError
from seatcalc.minor_units import CLDR_UNITS
from seatcalc.policy import DEFAULT_POLICY, Policy


def failing_rules(book: BookColumns, on: Any, adding: Any, policy: Policy) -> Any:  # noqa: ANN401
    """The failing rules of every row, one column per :class:`ReasonCode`, in its order."""
    np, _, _ = table_modules()
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
        else book.purchased_on < (cutoff - EPOCH).days,
        ReasonCode.PRODUCT_EXCLUDED: book.product_excluded,
        ReasonCode.PLAN_EXCLUDED: book.plan_excluded,
        ReasonCode.AUTO_RENEW_OFF: ~book.auto_renew if policy.auto_renew_required else never,
        ReasonCode.SEAT_LIMIT_REACHED: never if limit is None else book.seats >= limit,
        ReasonCode.SEAT_LIMIT_EXCEEDED: never
        if limit is None
        else (book.seats < limit) & (limit < book.seats + adding),
    }
    return np.stack([fails[code] for code in CODES], axis=1)


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
    _, pa, _ = table_modules()
    on = check_on(on)
    policy = check_policy(policy)
    chunk_rows = check_count(chunk_rows, "chunk_rows")
    kept = tuple(keep)
    for chunk in chunks(table, chunk_rows):
        rows = chunk.rows
        results = Results(rows, priced=False)
        if chunk.batch is not None:
            book = read_book(chunk.batch, rows, policy, CLDR_UNITS, nulls=True)
            days = read_on(chunk.batch, rows, on)
            valid = book.ok & days.ok
            flags = failing_rules(book, days.values, 0, policy)
            results.flags[valid] = flags[valid]
            results.done |= valid
        pending = [row for row in range(rows) if not results.done[row]]
        for row, record in zip(pending, row_records(chunk, pending, ROW_COLUMNS), strict=True):
            try:
                found = check_eligibility(
                    subscription_of(record), read_day(record.get("on"), "on", on), policy=policy
                )
            except SeatcalcError as error:
                results.fail(row, error)
                continue
            results.reasons[row] = tuple(code.value for code in found.codes)
        columns = results.columns(eligibility_only=True)
        columns.update(kept_columns(chunk, kept))
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
    _, pa, _ = table_modules()
    batches = list(eligibility_batches(table, on, policy=policy, keep=keep))
    if not batches:
        return pa.schema(
            [
                ("eligible", pa.bool_()),
                ("reasons", pa.list_(pa.string())),
                ("error", pa.struct([(name, pa.string()) for name in ERROR_FIELDS])),
            ]
        ).empty_table()
    return pa.Table.from_batches(batches)

"""Quoting a whole book: priced on columns where it can be, row by row where not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from decimal import ROUND_HALF_UP
from typing import Any

from seatcalc._validate import check_count
from seatcalc.book._calendar import EPOCH, round_columns
from seatcalc.book._columns import SMALL, TOP, read_ints
from seatcalc.book._eligibility import failing_rules
from seatcalc.book._extras import table_modules
from seatcalc.book._reading import (
    CHUNK_ROWS,
    ROW_COLUMNS,
    Chunk,
    check_on,
    check_policy,
    chunks,
    column_of,
    kept_columns,
    read_day,
    row_records,
    subscription_of,
)
from seatcalc.book._results import Results, check_table, quote_schema
from seatcalc.book._subscriptions import BookColumns, read_book, read_on
from seatcalc.conventions import ACTUAL_DAYS, Convention, convention_named
from seatcalc.errors import SeatcalcError
from seatcalc.minor_units import MinorUnits
from seatcalc.policy import DEFAULT_POLICY, Policy
from seatcalc.quote import quote_add_seats
from seatcalc.rounding import check_rounding


def quote_batches(
    table: object,
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
    keep: Iterable[str] = (),
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[Any]:
    """Quote a book chunk by chunk, yielding one :class:`pyarrow.RecordBatch` per chunk.

    This is :func:`quote_table` for streams: memory holds one chunk at a time, whatever the
    size of the book.  The arguments are :func:`quote_table`'s.

    .. versionadded:: 0.1.0
    """
    table_modules()
    on = check_on(on)
    policy = check_policy(policy)
    if not isinstance(convention, Convention):
        convention = convention_named(convention)
    rounding = check_rounding(rounding)
    units = check_table(minor_units)
    chunk_rows = check_count(chunk_rows, "chunk_rows")
    kept = tuple(keep)
    for chunk in chunks(table, chunk_rows):
        yield _quote_chunk(chunk, on, policy, convention, rounding, units, kept)


def quote_table(
    table: object,
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
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
    ``total_minor``           the same total in minor units (cents), an int64, counted in
                              the ``minor_units`` table's digits
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
        minor_units: the table of minor units totals round to (:mod:`seatcalc.minor_units`):
            ``"cldr"`` (the default), ``"iso4217"``, ``"stripe"``, ``"cash"`` or a mapping of
            currency codes to digits (at most :data:`TOTAL_SCALE`).  ``total_minor`` counts in
            that table's minor units.
        keep: input columns to copy into the result, after the result columns.

    Returns:
        A :class:`pyarrow.Table`, one row per input row, in the input's order.

    .. versionadded:: 0.1.0
    """
    _, pa, _ = table_modules()
    batches = list(
        quote_batches(
            table,
            on,
            policy=policy,
            convention=convention,
            rounding=rounding,
            minor_units=minor_units,
            keep=keep,
        )
    )
    if not batches:
        return quote_schema(pa).empty_table()
    return pa.Table.from_batches(batches)


def _quote_chunk(  # noqa: PLR0917 - quote_batches' arguments
    chunk: Chunk,
    on: dt.date | None,
    policy: Policy,
    convention: Convention,
    rounding: str,
    table: MinorUnits,
    keep: tuple[str, ...],
) -> Any:  # noqa: ANN401
    np, pa, _ = table_modules()
    rows = chunk.rows
    results = Results(rows, priced=True, table=table)
    batch = chunk.batch
    if batch is not None:
        book = read_book(batch, rows, policy, table, nulls=True)
        days = read_on(batch, rows, on)
        adding = read_ints(column_of(batch, "seats_to_add"), rows, None, nulls=False)
        valid = book.ok & days.ok & adding.ok & (adding.values >= 1) & (adding.values < SMALL)
        flags = failing_rules(book, days.values, adding.values, policy)
        failing = flags.any(axis=1)
        refused = valid & failing
        results.flags[refused] = flags[refused]
        inside = (book.term_start <= days.values) & (days.values < book.term_end)
        results.end[valid & inside] = book.term_end[valid & inside]
        results.has_end[valid & inside] = True
        results.currency[refused] = book.prices.currency[refused]
        results.done |= refused
        if convention.plain and convention.unit == "day":
            price_rows(results, book, days.values, adding.values, valid & ~failing, rounding)
    pending = np.flatnonzero(~results.done).tolist()
    for row, record in zip(pending, row_records(chunk, pending, ROW_COLUMNS), strict=True):
        _quote_row(results, row, record, on, policy, convention, rounding)
    columns = results.columns()
    columns.update(kept_columns(chunk, keep))
    return pa.RecordBatch.from_pydict(columns)


def price_rows(  # noqa: PLR0917 - the chunk's columns
    results: Results,
    book: BookColumns,
    on: Any,  # noqa: ANN401 - numpy columns
    adding: Any,  # noqa: ANN401
    payable: Any,  # noqa: ANN401
    rounding: str,
) -> None:
    """Price the eligible rows whose arithmetic fits in 64 bits, on columns.

    Each total is rounded once to a whole number of the table's increments (a multiple of
    ``step`` minor units), as :meth:`Money.from_exact <seatcalc.Money.from_exact>` rounds.
    """
    np, _, _ = table_modules()
    prices = book.prices
    remaining = book.term_end - on
    total = book.term_end - book.period_start
    count = np.maximum(adding * remaining, 1)
    # top = numerator * adding * remaining * scale stays below 2**61 when numerator * scale
    # is below 2**61 // (adding * remaining); compared by integer division, never multiplied.
    limit = TOP // count // np.maximum(prices.scale, 1)
    # bottom = denominator * total * step likewise stays below 2**61.
    steps = np.maximum(prices.step, 1)
    fits = (
        payable
        & (on >= book.period_start)
        & (prices.numerator <= limit)
        & (prices.denominator <= TOP // np.maximum(total * steps, 1))
    )
    top = np.where(fits, prices.numerator * prices.scale * count, 0)
    bottom = np.where(fits, prices.denominator * total * steps, 1)
    units = steps * round_columns(top, bottom, rounding)
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
    results: Results,
    row: int,
    record: Mapping[str, object],
    on: dt.date | None,
    policy: Policy,
    convention: Convention,
    rounding: str,
) -> None:
    try:
        subscription = subscription_of(record)
        day = read_day(record.get("on"), "on", on)
        quote = quote_add_seats(
            subscription,
            record.get("seats_to_add"),  # type: ignore[arg-type] # checked by the call
            day,
            policy=policy,
            convention=convention,
            rounding=rounding,
            minor_units=results.table,
        )
    except SeatcalcError as error:
        results.fail(row, error)
        return
    results.reasons[row] = tuple(code.value for code in quote.eligibility.codes)
    if quote.end_date is not None:
        results.end[row] = (quote.end_date - EPOCH).days
        results.has_end[row] = True
    results.currency[row] = subscription.currency
    if quote.total is not None and quote.fraction is not None:
        results.price(row, quote.fraction, quote.total)

"""Past one machine: a book quoted by Dask workers equals the book quoted in one process."""

from __future__ import annotations

import datetime as dt

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

from seatcalc.book import dask_quote, quote_frame, quote_table  # noqa: E402

ON = dt.date(2026, 7, 1)


def small_book(rows):
    """A book of ``rows`` rows: three currencies, three periods, refused and invalid rows."""
    starts = {1: dt.date(2026, 6, 30), 12: dt.date(2026, 1, 31), 36: dt.date(2024, 2, 29)}
    ends = {1: dt.date(2026, 7, 30), 12: dt.date(2027, 1, 31), 36: dt.date(2027, 2, 28)}
    book = {key: [] for key in ("id", "seats", "unit_price", "currency", "term_start")}
    book.update({key: [] for key in ("term_end", "period_months", "country", "channel")})
    book["seats_to_add"] = []
    for index in range(rows):
        period = (1, 12, 36)[index % 3]
        book["id"].append(index)
        book["seats"].append(index % 7)  # 0 is invalid: that row carries an error
        book["unit_price"].append(f"{index % 500}.{index % 100:02d}")
        book["currency"].append(("USD", "EUR", "JPY")[index % 3 - 1])
        book["term_start"].append(starts[period])
        book["term_end"].append(ends[period])
        book["period_months"].append(period)
        book["country"].append(("US", "FR", "JP", "DE")[index % 4])
        book["channel"].append("reseller" if index % 11 == 0 else "direct")
        book["seats_to_add"].append(1 + index % 5)
    return pa.table(book)


# A cluster of worker processes may warn about its own set-up and teardown (ports, closing
# connections, dask's deprecations): that is dask's business, not this test's.
@pytest.mark.filterwarnings("ignore::Warning")
def test_two_workers_quote_what_one_process_quotes(tmp_path):
    book = small_book(4_000)
    folder = tmp_path / "book"
    folder.mkdir()
    for part in range(4):
        pq.write_table(book.slice(part * 1_000, 1_000), folder / f"part-{part}.parquet")
    single = quote_table(pq.read_table(folder), ON, keep=["id"]).to_pandas(
        types_mapper=pd.ArrowDtype
    )
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        quotes = dask_quote(dd.read_parquet(folder), ON, keep=["id"])
        assert quotes.npartitions == 4
        computed = quotes.compute().sort_values("id").reset_index(drop=True)
    single = single.sort_values("id").reset_index(drop=True)
    pd.testing.assert_frame_equal(computed, single)
    assert computed["error"].notna().sum() == 4_000 // 7 + 1  # the rows with 0 seats
    assert computed["payable"].sum() > 2_000


def test_a_partition_is_quoted_as_a_table():
    frame = small_book(30).to_pandas(types_mapper=pd.ArrowDtype)
    result = quote_frame(frame, ON, keep=["id"])
    expected = quote_table(small_book(30), ON, keep=["id"]).to_pandas(types_mapper=pd.ArrowDtype)
    pd.testing.assert_frame_equal(result, expected)


def test_midnight_timestamps_from_pandas_read_as_dates():
    frame = small_book(6).to_pandas()
    frame["term_start"] = pd.to_datetime(frame["term_start"])
    frame["term_end"] = pd.to_datetime(frame["term_end"])
    assert quote_table(frame, ON).equals(quote_table(small_book(6), ON))


def test_partitions_round_to_the_chosen_minor_units():
    # With two places for JPY, yen totals carry sen; each partition rounds as the table does.
    units = {"JPY": 2}
    expected = quote_table(small_book(30), ON, keep=["id"], minor_units=units)
    frame = small_book(30).to_pandas(types_mapper=pd.ArrowDtype)
    result = quote_frame(frame, ON, keep=["id"], minor_units=units)
    pd.testing.assert_frame_equal(result, expected.to_pandas(types_mapper=pd.ArrowDtype))
    lazy = dask_quote(dd.from_pandas(frame, npartitions=3), ON, keep=["id"], minor_units=units)
    computed = lazy.compute(scheduler="synchronous")
    pd.testing.assert_frame_equal(computed, result)
    assert (
        expected.column("total_minor").to_pylist()
        != quote_table(small_book(30), ON, keep=["id"]).column("total_minor").to_pylist()
    )

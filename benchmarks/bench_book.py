"""Time quoting a whole book: Parquet in, Parquet out, against a loop of single calls.

Run it with ``python benchmarks/bench_book.py [ROWS]`` (1,000,000 rows by default).  It writes a
generated book to a temporary Parquet file, then, each in a fresh process so that peak memory is
its own:

* ``table``: read the file, :func:`seatcalc.book.quote_table`, write the result to Parquet;
* ``loop``: build a :class:`~seatcalc.Subscription` from each row of the same table and call
  :func:`~seatcalc.quote_add_seats` (timed on the first 50,000 rows, reported per row);
* ``dask``: the same book through ``dask.dataframe`` on a local cluster of 1 and of 2 workers
  (when dask is installed; pass ``--no-dask`` to skip it).

Targets: the table path quotes 1,000,000 rows in <= 5 s end to end, at >= 10x the
throughput of the loop, with a peak RSS <= 1 GiB.  This is a benchmark, never a test.
"""

# Each phase runs in its own process and imports only what it measures, inside its function.
# ruff: noqa: PLC0415

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOOP_ROWS = 50_000


def generate(path: Path, rows: int) -> None:
    """Write a book of ``rows`` subscriptions: USD/EUR/JPY, 1/12/36-month terms, some refused."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    generator = np.random.default_rng(12)
    periods = generator.choice(np.array([1, 12, 36]), rows, p=[0.3, 0.6, 0.1])
    # Anchors on any day of 2023-2025, month ends and Feb 29 included.
    anchor = np.datetime64("2023-01-01") + generator.integers(0, 3 * 365, rows)
    anchor_month = anchor.astype("datetime64[M]")
    anchor_day = (anchor - anchor_month.astype("datetime64[D]")).astype(np.int64) + 1
    # The term that holds 2026-07-01: the k-th period from the anchor.
    on = np.datetime64("2026-07-01")
    months = (on.astype("datetime64[M]") - anchor_month).astype(np.int64)
    k = months // periods

    def grid(month_count):
        first = anchor_month + month_count
        length = ((first + 1).astype("datetime64[D]") - first.astype("datetime64[D]")).astype(
            np.int64
        )
        return first.astype("datetime64[D]") + np.minimum(anchor_day, length) - 1

    start, end = grid(k * periods), grid((k + 1) * periods)
    late = start > on
    start = np.where(late, grid((k - 1) * periods), start)
    end = np.where(late, grid(k * periods), end)
    currencies = np.array(["USD", "EUR", "JPY"])[generator.integers(0, 3, rows)]
    cents = generator.integers(100, 500_000, rows)
    amounts = np.where(
        currencies == "JPY",
        (cents // 100).astype(str),
        np.char.add(
            np.char.add((cents // 100).astype(str), "."),
            np.char.zfill((cents % 100).astype(str), 2),
        ),
    )
    countries = np.array(["US", "CA", "FR", "DE", "GB", "JP", "ES"])[generator.integers(0, 7, rows)]
    channels = np.where(generator.random(rows) < 0.9, "direct", "reseller")
    table = pa.table(
        {
            "id": np.arange(rows),
            "seats": generator.integers(1, 200, rows),
            "unit_price": amounts.astype(object),
            "currency": currencies.astype(object),
            "term_start": start.astype("datetime64[D]"),
            "term_end": end.astype("datetime64[D]"),
            "anchor": anchor,
            "period_months": periods,
            "country": countries.astype(object),
            "channel": channels.astype(object),
            "seats_to_add": generator.integers(1, 20, rows),
        }
    )
    # Row groups of 125,000 rows: the partitions dask.dataframe.read_parquet splits the book in.
    pq.write_table(table, path, row_group_size=125_000)


def peak_rss_mib() -> float:
    # VmHWM is this process's own peak: ru_maxrss keeps the parent's peak across fork and exec,
    # and the parent has just generated the book.
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def run_table(source: str, target: str) -> dict[str, float]:
    import pyarrow.parquet as pq

    from seatcalc.book import quote_batches

    began = time.perf_counter()
    reader = pq.ParquetFile(source)
    writer = None
    rows = 0
    for batch in quote_batches(
        reader.iter_batches(batch_size=65_536), dt.date(2026, 7, 1), keep=["id"]
    ):
        if writer is None:
            writer = pq.ParquetWriter(target, batch.schema)
        writer.write_batch(batch)
        rows += batch.num_rows
    if writer is not None:
        writer.close()
    seconds = time.perf_counter() - began
    return {"rows": rows, "seconds": seconds, "peak_rss_mib": peak_rss_mib()}


def run_loop(source: str) -> dict[str, float]:
    import pyarrow.parquet as pq

    from seatcalc import Money, Subscription, quote_add_seats

    table = pq.read_table(source).slice(0, LOOP_ROWS)
    records = table.to_pylist()
    on = dt.date(2026, 7, 1)
    began = time.perf_counter()
    for row in records:
        sub = Subscription(
            seats=row["seats"],
            unit_price=Money(row["unit_price"], row["currency"]),
            term_start=row["term_start"],
            term_end=row["term_end"],
            anchor=row["anchor"],
            period_months=row["period_months"],
            country=row["country"],
            channel=row["channel"],
        )
        quote_add_seats(sub, row["seats_to_add"], on)
    seconds = time.perf_counter() - began
    return {"rows": len(records), "seconds": seconds, "peak_rss_mib": peak_rss_mib()}


def run_dask(source: str, workers: int) -> dict[str, float]:
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    from seatcalc.book import dask_quote

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        book = dd.read_parquet(source, split_row_groups=True)
        # A long-lived cluster is warm (pyarrow, numpy, babel and seatcalc imported, their data
        # loaded): the book is quoted twice and the faster run is the quoting's time.
        client.run(importlib.import_module, "seatcalc.book")
        times = []
        for _ in range(2):
            began = time.perf_counter()
            quotes = dask_quote(book, dt.date(2026, 7, 1), keep=["id"])
            rows = len(quotes)
            times.append(time.perf_counter() - began)
        seconds = min(times)
        parts = book.npartitions
    return {"rows": rows, "seconds": seconds, "peak_rss_mib": peak_rss_mib(), "parts": parts}


def in_child(*args: str) -> dict[str, float]:
    output = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        kind, *rest = sys.argv[2:]
        if kind == "table":
            result = run_table(*rest)
        elif kind == "loop":
            result = run_loop(*rest)
        else:
            result = run_dask(rest[0], int(rest[1]))
        print(json.dumps(result))
        return
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    rows = int(numbers[0]) if numbers else 1_000_000
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "book.parquet"), Path(folder, "quotes.parquet")
        began = time.perf_counter()
        generate(source, rows)
        print(f"generated {rows:,} rows in {time.perf_counter() - began:.1f} s")
        table = in_child("table", str(source), str(target))
        table_rate = table["rows"] / table["seconds"]
        print(
            f"quote_table, Parquet to Parquet: {table['rows']:,} rows in "
            f"{table['seconds']:.2f} s = {table_rate:,.0f} rows/s, "
            f"peak RSS {table['peak_rss_mib']:.0f} MiB"
        )
        loop = in_child("loop", str(source))
        loop_rate = loop["rows"] / loop["seconds"]
        print(
            f"loop of Subscription + quote_add_seats: {loop_rate:,.0f} rows/s "
            f"({1e6 / loop_rate:.1f} us a row, timed on {loop['rows']:,} rows)"
        )
        print(f"speed-up: {table_rate / loop_rate:.1f}x (target >= 10x)")
        if "--no-dask" not in sys.argv:
            for workers in (1, 2):
                found = in_child("dask", str(source), str(workers))
                print(
                    f"dask, {workers} worker(s), {found['parts']} partitions: "
                    f"{found['rows']:,} rows in "
                    f"{found['seconds']:.2f} s = {found['rows'] / found['seconds']:,.0f} rows/s"
                )


if __name__ == "__main__":
    main()

"""``seatcalc quote --input BOOK --output RESULT``: a whole book from a file to a file.

The book is read and answered in chunks of :data:`~seatcalc.book.CHUNK_ROWS` rows, so memory
stays the same whatever the book's size.  Input is CSV, JSON Lines or Parquet (by the file's
extension, or ``--format``; ``-`` is standard input, JSON Lines unless ``--format`` says
otherwise); output is JSON Lines or Parquet (``-`` is JSON Lines on standard output), written
beside the output file and renamed over it once the whole book is quoted.  On a
terminal, a progress line on standard error counts the rows quoted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import secrets
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Self, TextIO

from seatcalc._cli_files import UsageError
from seatcalc.errors import SeatcalcError
from seatcalc.minor_units import MinorUnits, check_minor_units

__all__ = ["is_batch", "run_batch"]

_FORMATS: Final = ("csv", "jsonl", "parquet")
# Columns read as text from a CSV file, whatever they look like (a price "1200.00" is not a
# float, a country "NA" is Namibia, not a missing value).
_TEXT_COLUMNS: Final = ("unit_price", "currency", "country", "channel", "product", "plan")


def is_batch(argv: Sequence[str]) -> bool:
    """Say whether ``argv`` asks for the batch mode: ``quote`` with ``--input``."""
    return (
        bool(argv)
        and argv[0] == "quote"
        and any(arg == "--input" or arg.startswith("--input=") for arg in argv[1:])
    )


def _parser(parser_class: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="seatcalc quote",
        description=(
            "Quote adding seats to every subscription of a book: one result row per input row, "
            "in the input's order.  Each input row has the keys of Subscription.to_dict(), "
            "seats_to_add and, optionally, on."
        ),
        exit_on_error=False,
    )
    parser.add_argument("--input", required=True, help="book.csv, book.jsonl, book.parquet or -")
    parser.add_argument("--output", required=True, help="out.jsonl, out.parquet or -")
    parser.add_argument("--format", choices=_FORMATS, help="the input's format, if not its name's")
    parser.add_argument("--on", type=_date, help="the day of the rows without their own on")
    parser.add_argument("--convention", default="actual_days", help="proration convention")
    parser.add_argument("--rounding", default="ROUND_HALF_UP", help="decimal rounding mode")
    parser.add_argument(
        "--minor-units",
        default="cldr",
        help="the minor units totals round to: cldr (default), iso4217, stripe, cash or chargebee",
    )
    parser.add_argument(
        "--keep", action="append", default=[], help="an input column to copy (repeatable)"
    )
    return parser


def _date(text: str) -> dt.date:
    from seatcalc._validate import parse_date  # noqa: PLC0415 - one small helper

    try:
        return parse_date(text, "--on")
    except SeatcalcError as error:
        raise argparse.ArgumentTypeError(error.detail) from None


def run_batch(
    argv: Sequence[str], parser_class: type[argparse.ArgumentParser], progress: TextIO | None
) -> tuple[int, str]:
    """Quote the book ``argv`` names; return the exit status and a one-line summary."""
    args = _parser(parser_class).parse_args(list(argv[1:]))
    try:
        import pyarrow  # noqa: F401, ICN001, PLC0415 - the optional extra, checked first
    except ImportError:
        msg = "--input: reading a book needs pyarrow: pip install 'seatcalc[table]'"
        raise UsageError(msg) from None
    from seatcalc.book import quote_batches  # noqa: PLC0415 - needs the extra

    units = check_minor_units(args.minor_units)  # checked before any file is opened
    kind = args.format or _kind(args.input, "--input", _FORMATS, "jsonl")
    out_kind = _kind(args.output, "--output", ("jsonl", "parquet"), "jsonl")
    total = _row_count(args.input, kind)
    batches = quote_batches(
        _read(args.input, kind),
        args.on,
        convention=args.convention,
        rounding=args.rounding,
        minor_units=units,
        keep=args.keep,
    )
    counts = {"rows": 0, "payable": 0, "refused": 0, "invalid": 0}
    shown = progress if progress is not None and progress.isatty() else None
    with _Writer(args.output, out_kind, units) as writer:
        for batch in batches:
            writer.write(batch)
            _count(batch, counts)
            if shown is not None:
                _show(shown, counts["rows"], total)
    if shown is not None:
        shown.write("\n")
    summary = (
        f"quoted {counts['rows']} rows: {counts['payable']} payable, {counts['refused']} "
        f"refused, {counts['invalid']} invalid"
    )
    if args.output == "-":
        return 0, ""  # the output is the answer; the summary would mix with it
    return 0, f"{summary}; written to {args.output}\n"


def _kind(name: str, option: str, kinds: Sequence[str], default: str) -> str:
    if name == "-":
        return default
    suffix = Path(name).suffix.lower().lstrip(".")
    suffix = {"ndjson": "jsonl", "pq": "parquet"}.get(suffix, suffix)
    if suffix not in kinds:
        msg = (
            f"{option}: cannot tell the format of {name!r} from its extension; expected "
            + ", ".join(f".{kind}" for kind in kinds)
            + (" (or pass --format)" if option == "--input" else "")
        )
        raise UsageError(msg)
    return suffix


def _row_count(name: str, kind: str) -> int | None:
    if kind != "parquet" or name == "-":
        return None
    import pyarrow.parquet as pq  # noqa: PLC0415 - the optional extra

    try:
        rows: int = pq.ParquetFile(name).metadata.num_rows
    except (OSError, ValueError):
        return None
    return rows


def _read(name: str, kind: str) -> Iterator[Any]:
    """Yield the book's record batches (Parquet, CSV) or dicts (JSON Lines)."""
    import pyarrow as pa  # noqa: PLC0415 - the optional extra

    source: Any = sys.stdin.buffer if name == "-" else name
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq  # noqa: PLC0415

            if name == "-":
                source = pa.BufferReader(sys.stdin.buffer.read())
            yield from pq.ParquetFile(source).iter_batches(batch_size=65_536)
        elif kind == "csv":
            yield from _read_csv(source)
        else:
            yield from _read_lines(source)
    except FileNotFoundError:
        msg = f"--input: no such file: {name}"
        raise UsageError(msg) from None
    except (OSError, pa.ArrowException, ValueError) as error:
        msg = f"--input: cannot read {name} as {kind} ({error})"
        raise UsageError(" ".join(msg.split())) from None


def _read_csv(source: Any) -> Iterator[Any]:  # noqa: ANN401 - a path or a binary stream
    import pyarrow as pa  # noqa: PLC0415 - the optional extra
    from pyarrow import csv  # noqa: PLC0415

    options = csv.ConvertOptions(
        column_types=dict.fromkeys(_TEXT_COLUMNS, pa.string()),
        strings_can_be_null=False,
        null_values=[""],
        timestamp_parsers=["%Y-%m-%d"],
    )
    reader = csv.open_csv(
        source, read_options=csv.ReadOptions(block_size=8 << 20), convert_options=options
    )
    yield from reader


def _read_lines(source: Any) -> Iterator[dict[str, object]]:  # noqa: ANN401
    stream = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115, PTH123
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line, parse_float=Decimal)
            except ValueError as error:
                msg = f"--input: line {number} is not JSON ({error})"
                raise UsageError(msg) from None
            if not isinstance(record, dict):
                msg = f"--input: line {number} is not a JSON object"
                raise UsageError(msg)
            yield record
    finally:
        if stream is not source:
            stream.close()


def _count(batch: Any, counts: dict[str, int]) -> None:  # noqa: ANN401
    import pyarrow.compute as pc  # noqa: PLC0415 - the optional extra

    payable = batch.column("payable")
    counts["rows"] += batch.num_rows
    counts["payable"] += int(pc.sum(payable).as_py() or 0)
    counts["invalid"] += payable.null_count
    counts["refused"] += batch.num_rows - payable.null_count - int(pc.sum(payable).as_py() or 0)


def _show(stream: TextIO, rows: int, total: int | None) -> None:
    if total:
        width = 30
        done = int(width * rows / total)
        bar = "#" * done + "-" * (width - done)
        stream.write(f"\r[{bar}] {rows:,} of {total:,} rows quoted ({100 * rows // total}%)")
    else:
        stream.write(f"\r{rows:,} rows quoted")
    stream.flush()


class _Writer:
    """Write result batches as JSON Lines or Parquet, to a file or standard output."""

    def __init__(self, name: str, kind: str, table: MinorUnits) -> None:
        self.name = name
        self.kind = kind
        self.table = table
        self.parquet: Any = None
        self.stream: Any = None
        # A file is written beside its target and renamed over it once the whole book is
        # quoted, so an error on the way (an unreadable input, a bad line) leaves it untouched.
        self.partial: Path | None = None

    def __enter__(self) -> Self:
        if self.name == "-":
            if self.kind == "jsonl":
                self.stream = sys.stdout
            return self
        target = Path(self.name)
        try:
            descriptor = -1
            for _attempt in range(100):
                candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
                try:
                    descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                except FileExistsError:
                    continue
                self.partial = candidate
                break
            else:
                raise FileExistsError(errno.EEXIST, "no free name for a temporary file")
            if self.kind == "jsonl":
                self.stream = open(descriptor, "w", encoding="utf-8")  # noqa: PTH123
            else:
                os.close(descriptor)
        except OSError as error:
            msg = f"--output: cannot write {self.name} ({error.strerror or error})"
            raise UsageError(msg) from None
        return self

    def write(self, batch: Any) -> None:  # noqa: ANN401 - a pyarrow.RecordBatch
        if self.kind == "parquet":
            import pyarrow.parquet as pq  # noqa: PLC0415 - the optional extra

            if self.parquet is None:
                try:
                    self.parquet = pq.ParquetWriter(str(self.partial or self.name), batch.schema)
                except OSError as error:
                    msg = f"--output: cannot write {self.name} ({error})"
                    raise UsageError(msg) from None
            self.parquet.write_batch(batch)
            return
        self.stream.write("".join(_json_lines(batch, self.table)))

    def __exit__(self, kind: type[BaseException] | None, *_exc: object) -> None:
        try:
            if self.parquet is not None:
                self.parquet.close()
            if self.stream is not None and self.stream is not sys.stdout:
                self.stream.close()
            elif self.stream is not None:
                self.stream.flush()
        finally:
            if self.partial is not None:
                self._finish(succeeded=kind is None)

    def _finish(self, *, succeeded: bool) -> None:
        partial, self.partial = self.partial, None
        if partial is None:
            return
        if not succeeded or (self.kind == "parquet" and self.parquet is None):
            # Failed, or a Parquet book with no rows: no file was written before either.
            partial.unlink(missing_ok=True)
            return
        try:
            partial.replace(self.name)
        except OSError as error:
            partial.unlink(missing_ok=True)
            msg = f"--output: cannot write {self.name} ({error.strerror or error})"
            raise UsageError(msg) from None


def _json_lines(batch: Any, table: MinorUnits) -> Iterator[str]:  # noqa: ANN401 - a pyarrow.RecordBatch
    """Each result row as one line of JSON: dates ISO, the total with the table's places."""
    import pyarrow as pa  # noqa: PLC0415 - the optional extra
    import pyarrow.compute as pc  # noqa: PLC0415

    columns = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        kind = column.type
        if pa.types.is_date(kind) or pa.types.is_decimal(kind) or pa.types.is_timestamp(kind):
            column = pc.cast(column, pa.string())  # noqa: PLW2901 - the text form, once
        columns[name] = column
    rows = pa.RecordBatch.from_pydict(columns).to_pylist()
    for row in rows:
        total, currency = row.get("total"), row.get("currency")
        if total is not None and currency is not None:
            row["total"] = _trimmed(total, currency, table)
        yield json.dumps(row, ensure_ascii=False, default=str) + "\n"


def _trimmed(total: str, currency: str, table: MinorUnits) -> str:
    """Write a total of :data:`~seatcalc.book.TOTAL_SCALE` places with the table's places."""
    cut = 4 - table.digits(currency)
    if cut <= 0:
        return total
    return total[: -cut - 1] if cut == 4 else total[:-cut]

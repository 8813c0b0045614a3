"""The files the command line reads: CSV exports for ``seatcalc usage``, JSON for ``align``.

Each reader turns anything wrong with a file into a :class:`UsageError` whose message names the
option, and the line where there is one, so the command line reports it as one line.  Files are
UTF-8, with or without the byte order mark spreadsheet programs write at the start.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Final, NamedTuple

from seatcalc._error_values import describe
from seatcalc._validate import parse_date
from seatcalc.errors import SeatcalcError, reported_as, reported_within
from seatcalc.subscription import Subscription

__all__ = ["Row", "UsageError", "read_assignments", "read_events", "read_subscriptions"]

#: The header line of the CSV files ``seatcalc usage`` reads.
HEADER: Final = ("user", "date")
#: The file name that stands for standard input.
STDIN: Final = "-"


class UsageError(Exception):
    """A bad option or file, already phrased for the command line (it names the option)."""


class Row(NamedTuple):
    """One ``user,date`` line of a CSV file, with its line number for messages."""

    line: int
    user: str
    day: dt.date


def _decode(data: bytes, option: str, name: str) -> str:
    """Return UTF-8 ``data`` as text, without a leading byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The offsets are in the data after the byte order mark.  Lines end with \n, \r\n or
        # \r, as the csv module reads them.
        line = len((error.object[: error.start] + b".").splitlines())
        byte = error.object[error.start]
        msg = f"{option}: line {line}: {name} is not UTF-8 text (byte 0x{byte:02x})"
        raise UsageError(msg) from None


def _read(path: Path, option: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        msg = f"{option}: cannot read {str(path)!r} ({error.strerror or error})"
        raise UsageError(msg) from None
    return _decode(data, option, repr(str(path)))


def _read_rows(path: Path, option: str) -> list[Row]:
    """Read ``user,date`` rows after a ``user,date`` header; errors name the option and line."""
    text = _read(path, option)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if header is None or tuple(cell.strip() for cell in header) != HEADER:
            msg = f"{option}: {str(path)!r} must start with the header line 'user,date'"
            raise UsageError(msg)
        # Blank lines hold nothing, and are skipped (as csv.DictReader does).
        rows.extend(_row(row, reader.line_num, option) for row in reader if row)
    except csv.Error as error:
        msg = f"{option}: line {reader.line_num}: {error}"
        raise UsageError(msg) from None
    return rows


def _row(cells: list[str], line: int, option: str) -> Row:
    if len(cells) != 2:
        got = f"got {describe(','.join(cells))} ({len(cells)} field(s))"
        msg = f"{option}: line {line}: {got}; expected a user and a date (2 fields)"
        raise UsageError(msg)
    user, day = cells[0].strip(), cells[1].strip()
    if not user:
        msg = f"{option}: line {line}: the user is empty; expected a user name before the date"
        raise UsageError(msg)
    try:
        return Row(line, user, parse_date(day, "date"))
    except SeatcalcError as error:
        msg = f"{option}: line {line}: {error.detail}"
        raise UsageError(msg) from None


def read_assignments(path: Path, option: str) -> list[Row]:
    """Read the seat assignments: each user once, with the day the seat was assigned."""
    rows = _read_rows(path, option)
    first: dict[str, int] = {}
    for row in rows:
        if row.user in first:
            msg = (
                f"{option}: line {row.line}: user {row.user!r} is listed twice (first on line "
                f"{first[row.user]}); expected one line per user holding a seat"
            )
            raise UsageError(msg)
        first[row.user] = row.line
    return rows


def read_events(path: Path, option: str) -> list[Row]:
    """Read the usage events: a user may appear on any number of lines."""
    return _read_rows(path, option)


def read_subscriptions(source: str, option: str) -> list[Subscription]:
    """Read a JSON list of subscriptions in :meth:`Subscription.to_dict` form (``-``: stdin).

    Errors about one subscription are :class:`~seatcalc.SeatcalcError` about
    ``subscriptions[index]``, dotted to the key (``subscriptions[1].unit_price.amount``).
    """
    name = "standard input" if source == STDIN else repr(source)
    text = _read_stdin(option, name) if source == STDIN else _read(Path(source), option)
    try:
        return _subscriptions(_load_json(text, option, name), option, name)
    except RecursionError:
        msg = f"{option}: {name} nests lists or objects too deeply to hold subscriptions"
        raise UsageError(msg) from None


def _subscriptions(data: object, option: str, name: str) -> list[Subscription]:
    if not isinstance(data, list):
        msg = f"{option}: {name} holds {_json_kind(data)}; expected a JSON list of subscriptions"
        raise UsageError(msg)
    subscriptions = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            msg = (
                f"{option}: subscriptions[{index}]: got {_json_kind(item)}; expected a JSON "
                "object in the form Subscription.to_dict() writes"
            )
            raise UsageError(msg)
        # The record itself is "data" to from_dict; here it is the item of the list.
        with reported_within(f"subscriptions[{index}]"), reported_as({"data": ""}):
            subscriptions.append(Subscription.from_dict(item))
    return subscriptions


def _read_stdin(option: str, name: str) -> str:
    stdin = sys.stdin
    if stdin is None:
        msg = f"{option}: standard input is closed"
        raise UsageError(msg)
    try:
        # The bytes: the text layer would decode them with the locale's encoding.
        data = stdin.buffer.read()
    except OSError as error:
        msg = f"{option}: cannot read standard input ({error.strerror or error})"
        raise UsageError(msg) from None
    return _decode(data, option, name)


def _load_json(text: str, option: str, name: str) -> object:
    try:
        return json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, option, name))
    except json.JSONDecodeError as error:
        msg = f"{option}: {name} is not JSON ({error.msg}, line {error.lineno})"
        raise UsageError(msg) from None
    except ValueError:  # the one other error: an integer too long for Python to read
        limit = sys.get_int_max_str_digits()
        msg = f"{option}: {name} holds a number of more than {limit} digits"
        raise UsageError(msg) from None


def _object(pairs: list[tuple[str, object]], option: str, name: str) -> dict[str, object]:
    r"""Build a JSON object; refuse a key given twice, and text that is not Unicode.

    A key given twice would otherwise keep its last value silently.  Text with a lone surrogate
    escape such as ``\ud800`` could not be written out again as UTF-8.
    """
    seen: set[str] = set()
    for key, value in pairs:
        if key in seen:
            msg = f"{option}: {name} gives the key {describe(key)} twice in one object"
            raise UsageError(msg)
        seen.add(key)
        for text in (key, value):
            if isinstance(text, str) and not _is_unicode(text):
                msg = (
                    f"{option}: {name} holds the text {describe(text)}, which is not Unicode "
                    "(a \\u escape of half a surrogate pair)"
                )
                raise UsageError(msg)
    return dict(pairs)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_kind(value: object) -> str:
    """Name a decoded JSON value's kind, as JSON calls it: an object, a string, ..."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return f"the value {'true' if value else 'false'}"
    if value is None:
        return "null"
    return "a number"

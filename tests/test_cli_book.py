"""``seatcalc quote --input BOOK --output RESULT``: a book from a file to a file, in chunks."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from seatcalc.book import quote_table  # noqa: E402
from seatcalc.cli import main  # noqa: E402

CSV = """id,seats,unit_price,currency,term_start,term_end,country,channel,seats_to_add
1,5,1200.00,USD,2026-01-01,2027-01-01,US,direct,2
2,3,600.00,EUR,2026-01-01,2027-01-01,NA,direct,1
3,0,9.99,USD,2026-01-01,2027-01-01,US,direct,1
"""


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_a_csv_book_to_json_lines(tmp_path):
    (tmp_path / "book.csv").write_text(CSV, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    status, out, err = run(
        "quote", "--input", str(tmp_path / "book.csv"), "--output", str(target),
        "--on", "2026-07-01", "--keep", "id",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert out.startswith("quoted 3 rows: 1 payable, 1 refused, 1 invalid")
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [1, 2, 3]
    assert rows[0]["total"] == "1209.86"
    assert rows[0]["total_minor"] == 120986
    # "NA" is Namibia, read as text, not as a missing value.
    assert rows[1]["reasons"] == ["REGION_NOT_SUPPORTED"]
    assert rows[2]["error"]["field"] == "seats"


def test_parquet_to_parquet_equals_the_table_function(tmp_path):
    book = pa.table(
        {
            "seats": [5, 2] * 50,
            "unit_price": ["1200.00", "19.99"] * 50,
            "currency": ["USD", "JPY"] * 50,
            "term_start": [dt.date(2026, 1, 1)] * 100,
            "term_end": [dt.date(2027, 1, 1)] * 100,
            "country": ["US", "FR"] * 50,
            "seats_to_add": list(range(1, 101)),
        }
    )
    pq.write_table(book, tmp_path / "book.parquet")
    status, _, _ = run(
        "quote", "--input", str(tmp_path / "book.parquet"),
        "--output", str(tmp_path / "out.parquet"), "--on", "2026-07-01",
    )  # fmt: skip
    assert status == 0
    assert pq.read_table(tmp_path / "out.parquet").equals(quote_table(book, dt.date(2026, 7, 1)))


def test_json_lines_from_standard_input_to_standard_output(monkeypatch):
    row = {
        "seats": 5,
        "unit_price": {"amount": "1200.00", "currency": "USD"},
        "term_start": "2026-01-01",
        "term_end": "2027-01-01",
        "country": "US",
        "seats_to_add": 2,
        "on": "2026-07-01",
    }
    text = json.dumps(row) + "\n\n" + json.dumps(row) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    status, _, _ = run("quote", "--input", "-", "--output", "-")
    assert status == 0
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["total"] for line in lines] == ["1209.86", "1209.86"]


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_the_progress(tmp_path, monkeypatch):
    (tmp_path / "book.csv").write_text(CSV, encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    status, _, _ = run(
        "quote", "--input", str(tmp_path / "book.csv"),
        "--output", str(tmp_path / "out.jsonl"), "--on", "2026-07-01",
    )  # fmt: skip
    assert status == 0
    assert "3 rows quoted" in terminal.getvalue()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--input", "book.txt", "--output", "o.jsonl"], "--input: cannot tell the format"),
        (["--input", "missing.csv", "--output", "o.jsonl"], "--input: no such file"),
        (["--input", "b.csv", "--output", "o.csv"], "--output: cannot tell the format"),
        (["--input", "b.csv", "--output", "o.jsonl", "--rounding", "up"], "--rounding: got 'up'"),
        (
            ["--input", "b.csv", "--output", "o.jsonl", "--minor-units", "coins"],
            "--minor-units: got 'coins'",
        ),
    ],
)
def test_bad_options_are_one_line_and_status_2(tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.csv").write_text(CSV, encoding="utf-8")
    status, out, err = run("quote", *argv)
    assert (status, out) == (2, "")
    assert err.startswith(f"seatcalc: error: {message}")
    assert err.count("\n") == 1


def test_a_line_that_is_not_json_names_its_line(tmp_path):
    (tmp_path / "book.jsonl").write_text('{"seats": 1}\n{oops\n', encoding="utf-8")
    status, _, err = run(
        "quote", "--input", str(tmp_path / "book.jsonl"), "--output", str(tmp_path / "o.jsonl")
    )
    assert status == 2
    assert "line 2 is not JSON" in err


def test_a_book_rounds_to_the_minor_units_asked_for(tmp_path):
    # HUF has no minor unit in CLDR but two places in ISO 4217: 3 x 1000 x 184/365 = 1512.33
    # forints, written with the table's places.
    csv = (
        "id,seats,unit_price,currency,term_start,term_end,country,seats_to_add\n"
        "1,5,1000,HUF,2026-01-01,2027-01-01,US,3\n"
    )
    (tmp_path / "book.csv").write_text(csv, encoding="utf-8")
    totals = {}
    for units in ("cldr", "iso4217"):
        target = tmp_path / f"{units}.jsonl"
        status, _, err = run(
            "quote", "--input", str(tmp_path / "book.csv"), "--output", str(target),
            "--on", "2026-07-01", "--minor-units", units,
        )  # fmt: skip
        assert (status, err) == (0, "")
        row = json.loads(target.read_text(encoding="utf-8"))
        totals[units] = (row["total"], row["total_minor"])
    assert totals == {"cldr": ("1512", 1512), "iso4217": ("1512.33", 151233)}


@pytest.mark.parametrize(
    ("book", "text", "output"),
    [
        ("missing.csv", None, "out.jsonl"),
        ("book.jsonl", '{"seats": 1}\n{oops\n', "out.jsonl"),
        ("missing.csv", None, "out.parquet"),
        ("book.jsonl", '{"seats": 1}\n{oops\n', "out.parquet"),
    ],
)
def test_an_input_error_leaves_an_existing_output_untouched(
    tmp_path, monkeypatch, book, text, output
):
    monkeypatch.chdir(tmp_path)
    if text is not None:
        (tmp_path / book).write_text(text, encoding="utf-8")
    (tmp_path / output).write_bytes(b"keep\n")
    status, out, err = run("quote", "--input", book, "--output", output, "--on", "2026-07-01")
    assert (status, out) == (2, "")
    assert err.startswith("seatcalc: error: --input: ")
    assert (tmp_path / output).read_bytes() == b"keep\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        {book, output} - {"missing.csv"}
    )


def test_a_finished_book_replaces_the_output(tmp_path):
    (tmp_path / "b.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "o.jsonl").write_text("old\n" * 10, encoding="utf-8")
    status, _, _ = run(
        "quote",
        "--input",
        str(tmp_path / "b.csv"),
        "--output",
        str(tmp_path / "o.jsonl"),
        "--on",
        "2026-07-01",
        "--keep",
        "id",
    )
    assert status == 0
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2, 3]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["b.csv", "o.jsonl"]

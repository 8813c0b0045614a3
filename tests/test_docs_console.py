"""The command-line examples in the docs (``.. code-block:: console``) run, and print that.

Each ``$ seatcalc ...`` command runs in a folder holding the files the docs' examples read; its
output must match the lines shown, where a line ``...`` stands for any lines.
"""

from __future__ import annotations

import doctest
import io
import json
import re
import shlex
from pathlib import Path

import pytest

from seatcalc.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^\.\. code-block:: console\n\n((?:    .*\n|\n)+)", re.MULTILINE)

# The files the examples name, with the data of the pages they appear on.
_SEAT = "2026-01-05"
FILES = {
    "assignments.csv": "user,date\n"
    + "".join(f"{user},{_SEAT}\n" for user in ("ana", "ben", "chloe", "dev", "eve", "fay", "gus")),
    "events.csv": "user,date\nana,2026-12-01\nben,2026-11-02\nchloe,2026-11-01\nzed,2026-11-20\n",
    "book.csv": "id,seats,unit_price,currency,term_start,term_end,country,channel,seats_to_add\n"
    "101,5,1200.00,USD,2026-01-01,2027-01-01,US,direct,2\n"
    "102,5,1200.00,USD,2026-01-01,2027-01-01,US,reseller,2\n"
    "103,3,30000,JPY,2026-01-01,2027-01-01,FR,direct,1\n"
    "104,0,9.99,USD,2026-01-01,2027-01-01,US,direct,1\n",
    "subscriptions.json": json.dumps(
        [
            {
                "seats": seats,
                "unit_price": {"amount": price, "currency": "USD"},
                "term_start": start,
                "term_end": end,
                "country": "US",
            }
            for seats, price, start, end in (
                (5, "100.00", "2026-01-01", "2027-01-01"),
                (2, "120.00", "2026-04-01", "2027-04-01"),
            )
        ]
    ),
}


def examples():
    for page in sorted(DOCS.glob("*.rst")):
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            text = "\n".join(line[4:] for line in block.splitlines()).replace("\\\n", " ")
            for command in re.split(r"^(?=\$ )", text.strip(), flags=re.MULTILINE):
                if command.startswith("$ seatcalc "):
                    line, _, shown = command.partition("\n")
                    yield pytest.param(line[2:], shown, id=f"{page.stem}: {line[2:40]}")


@pytest.mark.parametrize(("command", "shown"), list(examples()))
def test_console_example_prints_what_the_docs_show(command, shown, tmp_path, monkeypatch):
    for name, content in FILES.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(shlex.split(command)[1:], stdout=out, stderr=io.StringIO()) == 0
    expected = shown.strip() + "\n"
    checker = doctest.OutputChecker()
    assert checker.check_output(expected, out.getvalue(), doctest.ELLIPSIS), out.getvalue()


def test_every_console_example_is_collected():
    assert len(list(examples())) == 6

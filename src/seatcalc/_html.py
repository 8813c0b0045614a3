"""Small HTML tables for notebooks (``_repr_html_``), escaped and without styling."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

__all__ = ["explanation", "table"]


def table(caption: str, rows: Iterable[tuple[str, object]]) -> str:
    """Return a two-column table: a header cell and a value cell per row, all escaped.

    >>> table("Quote", [("Total", "$1 < $2")])
    '<table><caption>Quote</caption><tr><th>Total</th><td>$1 &lt; $2</td></tr></table>'
    """
    body = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(str(value))}</td></tr>" for label, value in rows
    )
    return f"<table><caption>{escape(caption)}</caption>{body}</table>"


def explanation(text: str) -> str:
    r"""Return a written explanation as a :func:`table`: its title, then a row per line.

    Each line after the title is ``Label: value``; a line without a label fills the value cell.

    >>> explanation("Usage <b>\nSeats: 3\nnote")
    '<table><caption>Usage &lt;b&gt;</caption><tr><th>Seats</th><td>3</td></tr><tr><th></th><td>note</td></tr></table>'
    """  # noqa: E501 - a doctest's output is one line
    title, *lines = text.splitlines()
    rows = []
    for line in lines:
        label, colon, value = line.partition(": ")
        rows.append((label, value) if colon else ("", line))
    return table(title, rows)

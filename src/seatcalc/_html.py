"""Small HTML tables for notebooks (``_repr_html_``), escaped and without styling."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

__all__ = ["table"]


def table(caption: str, rows: Iterable[tuple[str, object]]) -> str:
    """Return a two-column table: a header cell and a value cell per row, all escaped.

    >>> table("Quote", [("Total", "$1 < $2")])
    '<table><caption>Quote</caption><tr><th>Total</th><td>$1 &lt; $2</td></tr></table>'
    """
    body = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape(str(value))}</td></tr>" for label, value in rows
    )
    return f"<table><caption>{escape(caption)}</caption>{body}</table>"

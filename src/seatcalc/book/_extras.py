"""The optional modules the book path computes with, imported on first use."""

from __future__ import annotations

from typing import Any

from seatcalc.errors import ErrorCode, InvalidValueError


def table_modules() -> tuple[Any, Any, Any]:
    """Import numpy, pyarrow and pyarrow.compute, or say which extra to install."""
    try:
        import numpy  # noqa: PLC0415, ICN001 - an optional extra, imported on first use
        import pyarrow  # noqa: PLC0415, ICN001 - an optional extra, imported on first use
        from pyarrow import compute  # noqa: PLC0415 - an optional extra
    except ImportError as error:  # pragma: no cover - the extra is installed in the tests
        raise InvalidValueError(
            field="table",
            value=None,
            got="a table, but pyarrow and numpy are not installed",
            expected="pip install 'seatcalc[table]'",
            code=ErrorCode.NOT_SUPPORTED,
        ) from error
    return numpy, pyarrow, compute

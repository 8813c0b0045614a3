"""How an error shows the value it received: in its message, and as short JSON-safe text.

:class:`~seatcalc.SeatcalcError` writes its message with :func:`describe` and keeps
:func:`safe_value`'s text as its ``value``; the command line describes the values it reads
with the same :func:`describe`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Final

__all__ = ["MAX_VALUE_LENGTH", "describe", "safe_value"]

#: The longest text an error keeps for a value; a longer one is cut with an ellipsis.
MAX_VALUE_LENGTH: Final = 80
# Ints longer than this many bits are described by their size: Python refuses to write ints of
# more than 4300 digits as text, and nobody reads a number that long in a message.
_BIG: Final = 1024


def describe(value: object) -> str:
    """Return ``value`` as an error message shows it: its repr and, if it helps, its type."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _BIG:
        return f"an int of about {value.bit_length() * 30103 // 100000 + 1} digits"
    if value is None or isinstance(value, bool | int | str):
        return _cut(repr(value))
    return f"{_cut(repr(value))} ({type(value).__name__})"


def safe_value(value: object) -> str | None:
    """Return ``value`` as short, JSON-safe text for :attr:`SeatcalcError.value`.

    Dates are ISO 8601, strings are themselves, numbers their decimal text, anything else its
    repr; text longer than :data:`MAX_VALUE_LENGTH` characters is cut with an ellipsis.
    """
    if value is None:
        return None
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = repr(value)
    elif isinstance(value, int) and value.bit_length() > _BIG:
        text = describe(value)
    elif type(value) in {int, Decimal, Fraction}:
        text = str(value)
    else:
        text = repr(value)
    return _cut(text)


def _cut(text: str) -> str:
    if len(text) <= MAX_VALUE_LENGTH:
        return text
    return f"{text[: MAX_VALUE_LENGTH - 1]}…"

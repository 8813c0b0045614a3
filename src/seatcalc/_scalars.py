"""numpy and Arrow scalars, read as the Python values they hold.

A value taken from a DataFrame or an Arrow table is a ``numpy.int64``, a
``numpy.datetime64`` or a ``pyarrow`` scalar, not an ``int`` or a ``datetime.date``.  seatcalc
reads such a scalar as its Python value, and then checks that value as it checks any other: a
``numpy.int64`` count is an int, a ``datetime64[D]`` is a date, a ``numpy.bool_`` is a bool (so it
is still refused as a count), a ``numpy.float64`` is a float (still refused as money), and a
``datetime64`` finer than a day is a datetime (still refused where a date is needed).  Neither
numpy nor pyarrow is imported: a value is recognised by the module its type comes from.
"""

from __future__ import annotations

__all__ = ["native"]


def native(value: object) -> object:
    """Return a numpy or Arrow scalar as the Python value it holds; anything else as it is."""
    module = type(value).__module__
    if module.startswith("numpy"):
        item = getattr(value, "item", None)
        if callable(item) and getattr(value, "shape", None) == ():
            found: object = item()
            if type(value).__name__ == "datetime64" and isinstance(found, int):
                return value  # a datetime64 in nanoseconds has no Python value: refused as is
            return found
    elif module.startswith("pyarrow"):
        as_py = getattr(value, "as_py", None)
        if callable(as_py):
            result: object = as_py()
            return result
    return value

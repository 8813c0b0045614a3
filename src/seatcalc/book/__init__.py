"""A whole book at once: tables of subscriptions in, exact columns out.

:func:`quote_table`, :func:`check_eligibility_table` and :func:`prorate_table` take a table (a
:class:`pyarrow.Table` or record batch, anything that exports the Arrow C stream interface such
as a pandas or polars DataFrame, or an iterable of dicts) and return a :class:`pyarrow.Table`
with one row of results per input row, in the same order.  Each result row is **identical** to
what the single-call function (:func:`~seatcalc.quote_add_seats`,
:func:`~seatcalc.check_eligibility`, :func:`~seatcalc.prorate`) gives for that row; a row the
single call refuses gets that call's error in the ``error`` column, and the other rows go on.

The columns of a subscription are the keys of :meth:`Subscription.to_dict()
<seatcalc.Subscription.to_dict>`; ``unit_price`` is either a struct of ``amount`` and
``currency`` (the ``to_dict`` form) or an amount column beside a ``currency`` column.  Amounts
are decimal strings, ``decimal128`` or integers (a floating-point column is refused row by row,
as a float is); dates are ``date32`` or ISO 8601 text.  In an Arrow table a null in an optional
column means "not given" (the default applies); in a dict, leave the key out.

The common rows are computed on whole columns with exact 64-bit integer arithmetic (numpy):
the day counts, the price as an integer ratio, one integer division to round.  Rows that are
unusual (a convention other than plain day counting, a term extended past one billing period,
an amount too large for 64 bits, any invalid value) take the single-call path, one row at a
time, so the result is the same either way.

pyarrow and numpy are needed: install ``seatcalc[table]``.  ``import seatcalc`` does not import
them; this package does, when one of its functions is first called.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from seatcalc.book._eligibility import check_eligibility_table, eligibility_batches
from seatcalc.book._frames import dask_quote, quote_frame
from seatcalc.book._proration import prorate_table
from seatcalc.book._quoting import quote_batches, quote_table
from seatcalc.book._reading import CHUNK_ROWS, SUBSCRIPTION_COLUMNS
from seatcalc.book._results import TOTAL_SCALE

__all__ = [
    "CHUNK_ROWS",
    "SUBSCRIPTION_COLUMNS",
    "TOTAL_SCALE",
    "check_eligibility_table",
    "dask_quote",
    "eligibility_batches",
    "prorate_table",
    "quote_batches",
    "quote_frame",
    "quote_table",
]

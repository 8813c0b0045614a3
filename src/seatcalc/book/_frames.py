"""Past one machine: pandas partitions and Dask DataFrames."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP
from typing import Any

from seatcalc.book._extras import table_modules
from seatcalc.book._quoting import quote_table
from seatcalc.book._reading import check_on, check_policy
from seatcalc.book._results import check_table, quote_schema
from seatcalc.conventions import ACTUAL_DAYS, Convention, convention_named
from seatcalc.minor_units import MinorUnits
from seatcalc.policy import DEFAULT_POLICY, Policy
from seatcalc.rounding import check_rounding

# -- past one machine -------------------------------------------------------------------------


def quote_frame(
    frame: Any,  # noqa: ANN401 - a pandas DataFrame
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
    keep: Iterable[str] = (),
) -> Any:  # noqa: ANN401 - a pandas DataFrame
    """Quote a pandas DataFrame and return a DataFrame: :func:`quote_table` for one partition.

    The result's columns are Arrow-backed (``pandas.ArrowDtype``), so ``total`` stays an exact
    ``decimal128`` and ``reasons`` a list; :func:`dask_quote` runs this function on every
    partition of a Dask DataFrame, and a Spark ``mapInPandas`` can run it on every batch.

    .. versionadded:: 0.1.0
    """
    import pandas as pd  # noqa: PLC0415 - an optional extra, imported on first use

    table = quote_table(
        frame,
        on,
        policy=policy,
        convention=convention,
        rounding=rounding,
        minor_units=minor_units,
        keep=keep,
    )
    result = table.to_pandas(types_mapper=pd.ArrowDtype)
    result.index = frame.index
    return result


def dask_quote(
    frame: Any,  # noqa: ANN401 - a dask.dataframe.DataFrame
    on: dt.date | None = None,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
    keep: Iterable[str] = (),
) -> Any:  # noqa: ANN401 - a dask.dataframe.DataFrame
    """Quote a book held as a Dask DataFrame, partition by partition, on the workers.

    Each partition (a pandas DataFrame, such as one Parquet file or row group read by
    ``dask.dataframe.read_parquet``) is quoted by :func:`quote_frame` where it lives: only rows
    travel between machines, and subscription objects are built inside the workers, for the
    rows that take the single-call path.  The result is lazy, like any Dask DataFrame; write it
    with ``to_parquet`` or bring it home with ``compute()``.  Install ``seatcalc[dask]``.

    .. versionadded:: 0.1.0
    """
    import pandas as pd  # noqa: PLC0415 - an optional extra, imported on first use

    _, pa, _ = table_modules()
    if not isinstance(convention, Convention):
        convention = convention_named(convention)
    rounding = check_rounding(rounding)
    table = check_table(minor_units)
    on = check_on(on)
    policy = check_policy(policy)
    kept = tuple(keep)
    schema = quote_schema(pa)
    input_schema = pa.Schema.from_pandas(frame._meta, preserve_index=False)  # noqa: SLF001 - dask's own public meta
    for name in kept:
        schema = schema.append(input_schema.field(name))
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    return frame.map_partitions(
        quote_frame,
        on,
        policy=policy,
        convention=convention,
        rounding=rounding,
        minor_units=table,
        keep=kept,
        meta=meta,
    )

"""A chunk's subscriptions on columns: the rows the column path handles, and their terms."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from seatcalc.book._calendar import EPOCH, grid_day, ymd
from seatcalc.book._columns import (
    SMALL,
    Ints,
    Prices,
    checked,
    lookup,
    read_bools,
    read_days,
    read_ints,
    read_prices,
)
from seatcalc.book._extras import table_modules
from seatcalc.book._reading import column_of
from seatcalc.minor_units import MinorUnits
from seatcalc.policy import Policy
from seatcalc.subscription import MAX_PERIOD_MONTHS, check_channel, check_country

# -- the subscription columns -------------------------------------------------------------------


class BookColumns(NamedTuple):
    """A chunk's subscriptions on columns, with the rows whose every value the path handles."""

    ok: Any
    seats: Any
    prices: Prices
    term_start: Any
    term_end: Any
    period_start: Any
    purchased_on: Any
    auto_renew: Any
    channel_ok: Any  # in policy.channels
    allowed: Any  # country in policy.allowed_countries
    excluded: Any  # country in policy.excluded_countries
    product_excluded: Any
    plan_excluded: Any


def read_book(
    batch: Any,  # noqa: ANN401 - a pyarrow.RecordBatch
    rows: int,
    policy: Policy,
    table: MinorUnits,
    *,
    nulls: bool,
) -> BookColumns:
    np, _, _ = table_modules()
    seats = read_ints(column_of(batch, "seats"), rows, None, nulls=False)
    prices = read_prices(batch, "unit_price", rows, table)
    start = read_days(column_of(batch, "term_start"), rows, nulls=False)
    end = read_days(column_of(batch, "term_end"), rows, nulls=False)
    anchor_column = column_of(batch, "anchor")
    anchor = read_days(anchor_column, rows, nulls=nulls)
    if anchor_column is None:
        anchor = Ints(start.values, np.ones(rows, bool))
    elif nulls:
        given = anchor_column.is_valid().to_numpy(zero_copy_only=False)
        anchor = Ints(np.where(given, anchor.values, start.values), anchor.ok)
    purchase_column = column_of(batch, "purchased_on")
    purchased = read_days(purchase_column, rows, nulls=nulls)
    if purchase_column is None:
        purchased = Ints(anchor.values, np.ones(rows, bool))
    elif nulls:
        given = purchase_column.is_valid().to_numpy(zero_copy_only=False)
        purchased = Ints(np.where(given, purchased.values, anchor.values), purchased.ok)
    period = read_ints(column_of(batch, "period_months"), rows, 12, nulls=nulls)
    auto_renew = read_bools(column_of(batch, "auto_renew"), rows, default=True, nulls=nulls)
    country = column_of(batch, "country")
    country_ok = lookup(country, rows, checked(check_country), missing=False, nulls=False)
    channel = column_of(batch, "channel")
    channel_ok = lookup(
        channel, rows, checked(check_channel), missing=False, default="direct", nulls=nulls
    )
    products = column_of(batch, "product")
    plans = column_of(batch, "plan")
    text_ok = lookup(
        products, rows, lambda _v: True, missing=False, default="", nulls=nulls
    ) & lookup(plans, rows, lambda _v: True, missing=False, default="", nulls=nulls)
    ok = (
        seats.ok
        & (seats.values >= 1)
        & (seats.values < SMALL)
        & prices.ok
        & start.ok
        & end.ok
        & anchor.ok
        & purchased.ok
        & period.ok
        & (period.values >= 1)
        & (period.values <= MAX_PERIOD_MONTHS)
        & auto_renew.ok
        & country_ok
        & channel_ok
        & text_ok
        & (start.values < end.values)
        & (anchor.values < end.values)
        & (purchased.values < end.values)
    )
    # term_end must be a renewal date: anchor + k * period months, clamped to the month's end.
    anchor_year, anchor_month, anchor_day = ymd(anchor.values)
    end_year, end_month, _ = ymd(end.values)
    months = (end_year - anchor_year) * 12 + (end_month - anchor_month)
    safe_period = np.maximum(period.values, 1)
    index_month = (anchor_year - 1970) * 12 + anchor_month - 1
    ok &= (months % safe_period == 0) & (grid_day(index_month + months, anchor_day) == end.values)
    period_start = grid_day(index_month + months - safe_period, anchor_day)
    policy_channels = policy.channels
    return BookColumns(
        ok=ok,
        seats=seats.values,
        prices=prices,
        term_start=start.values,
        term_end=end.values,
        period_start=period_start,
        purchased_on=purchased.values,
        auto_renew=auto_renew.values.astype(bool),
        channel_ok=lookup(
            channel,
            rows,
            lambda value: value in policy_channels,
            missing=False,
            default="direct",
            nulls=nulls,
        ),
        allowed=lookup(
            country, rows, policy.allowed_countries.__contains__, missing=False, nulls=False
        ),
        excluded=lookup(
            country, rows, policy.excluded_countries.__contains__, missing=False, nulls=False
        ),
        product_excluded=lookup(
            products,
            rows,
            policy.excluded_products.__contains__,
            missing=False,
            default="",
            nulls=nulls,
        ),
        plan_excluded=lookup(
            plans, rows, policy.excluded_plans.__contains__, missing=False, default="", nulls=nulls
        ),
    )


def read_on(batch: Any, rows: int, on: dt.date | None) -> Ints:  # noqa: ANN401
    np, _, _ = table_modules()
    column = column_of(batch, "on")
    default = None if on is None else (on - EPOCH).days
    if column is None:
        if default is None:
            return Ints(np.zeros(rows, np.int64), np.zeros(rows, bool))
        return Ints(np.full(rows, default, np.int64), np.ones(rows, bool))
    days = read_days(column, rows, nulls=False)
    if default is None:
        return days
    given = column.is_valid().to_numpy(zero_copy_only=False)
    return Ints(np.where(given, days.values, default), given & days.ok | ~given)

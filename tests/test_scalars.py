"""numpy and Arrow scalars, as a DataFrame or a table gives them, in the single-call API."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from seatcalc import (  # noqa: E402
    ErrorCode,
    InvalidTypeError,
    Money,
    Subscription,
    check_eligibility,
    prorate,
    quote_add_seats,
)
from strategies import subscriptions_with_day  # noqa: E402

ON = dt.date(2026, 7, 1)


def python_sub():
    return Subscription(
        seats=5,
        unit_price=Money("1200.00", "USD"),
        term_start=dt.date(2026, 1, 1),
        term_end=dt.date(2027, 1, 1),
        country="US",
    )


def numpy_sub():
    return Subscription(
        seats=np.int64(5),
        unit_price=Money(np.int64(1200), np.str_("USD")),
        term_start=np.datetime64("2026-01-01"),
        term_end=np.datetime64("2027-01-01"),
        period_months=np.int32(12),
        country="US",
    )


def test_numpy_scalars_build_the_same_subscription():
    sub = numpy_sub()
    assert sub == python_sub()
    assert type(sub.seats) is int
    assert type(sub.term_start) is dt.date


def test_a_quote_from_numpy_scalars_is_the_same_quote():
    got = quote_add_seats(numpy_sub(), np.int64(2), np.datetime64("2026-07-01"))
    assert got == quote_add_seats(python_sub(), 2, ON)
    assert got.total == Money("1209.86", "USD")


def test_arrow_scalars_are_read_too():
    seats = pa.scalar(2, pa.int64())
    on = pa.scalar(ON, pa.date32())
    price = Money(pa.scalar(1200, pa.decimal128(10, 2)), "USD")
    sub = Subscription(
        seats=pa.scalar(5),
        unit_price=price,
        term_start=pa.scalar(dt.date(2026, 1, 1)),
        term_end=pa.scalar(dt.date(2027, 1, 1)),
        country="US",
    )
    assert quote_add_seats(sub, seats, on).total == Money("1209.86", "USD")
    assert check_eligibility(sub, on).eligible


def test_prorate_reads_numpy_dates():
    days = [np.datetime64(day) for day in ("2026-01-01", "2027-01-01", "2026-07-01")]
    got = prorate(Money("1200.00", "USD"), *days, quantity=np.int64(2))
    assert got.amount == Money("1209.86", "USD")


@pytest.mark.parametrize(
    ("seats", "code"),
    [
        (np.bool_(True), ErrorCode.WRONG_TYPE),
        (pa.scalar(True), ErrorCode.WRONG_TYPE),
        (np.float64(2.0), ErrorCode.WRONG_TYPE),
    ],
)
def test_bools_and_floats_are_still_refused_as_counts(seats, code):
    with pytest.raises(InvalidTypeError) as raised:
        quote_add_seats(python_sub(), seats, ON)
    assert (raised.value.field, raised.value.code) == ("seats", code)


def test_a_float_is_still_refused_as_money():
    with pytest.raises(InvalidTypeError) as raised:
        Money(np.float64(12.5), "USD")
    assert raised.value.code == ErrorCode.FLOAT_NOT_EXACT


def test_a_datetime64_finer_than_a_day_is_not_a_date():
    with pytest.raises(InvalidTypeError) as raised:
        quote_add_seats(python_sub(), 2, np.datetime64("2026-07-01T00:00:00"))
    assert (raised.value.field, raised.value.code) == ("on", ErrorCode.DATETIME_NOT_DATE)
    with pytest.raises(InvalidTypeError) as raised:
        quote_add_seats(python_sub(), 2, np.datetime64("2026-07-01T00:00:00.000000000"))
    assert raised.value.field == "on"


@given(subscriptions_with_day())
def test_numpy_scalars_quote_as_python_values(case):
    sub, on = case
    seats = 3
    as_numpy = quote_add_seats(sub, np.int64(seats), np.datetime64(on.isoformat(), "D"))
    assert as_numpy == quote_add_seats(sub, seats, on)


def test_a_dataframe_row_by_row_quotes_with_numpy_counts():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"seats": [5, 3], "adding": [2, 1]})

    def total(row):
        assert type(row["seats"]) is np.int64  # what apply(axis=1) hands over
        sub = Subscription(
            seats=row["seats"],
            unit_price=Money("1200.00", "USD"),
            term_start=dt.date(2026, 1, 1),
            term_end=dt.date(2027, 1, 1),
            country="US",
        )
        return quote_add_seats(sub, row["adding"], ON).total

    assert frame.apply(total, axis=1).tolist() == [Money("1209.86", "USD"), Money("604.93", "USD")]

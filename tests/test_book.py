"""A whole book at once: every row of a table equals its single call."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pytest.importorskip("numpy")

from seatcalc import (  # noqa: E402 - after the extra is known to be installed
    CONVENTIONS,
    DEFAULT_POLICY,
    Policy,
    SeatcalcError,
    Subscription,
    check_eligibility,
    prorate,
    quote_add_seats,
)
from seatcalc.book import (  # noqa: E402
    SUBSCRIPTION_COLUMNS,
    check_eligibility_table,
    prorate_table,
    quote_batches,
    quote_table,
)
from seatcalc.money import Money, minor_unit_digits  # noqa: E402
from strategies import (  # noqa: E402
    anchors,
    any_subscriptions,
    currencies,
    dates,
    money,
    policies,
    prices,
    rounding_modes,
)

BASE = {
    "seats": 5,
    "unit_price": {"amount": "1200.00", "currency": "USD"},
    "term_start": "2026-01-01",
    "term_end": "2027-01-01",
    "country": "US",
    "seats_to_add": 2,
}
ON = dt.date(2026, 7, 1)


# -- the reference: one single call per row ---------------------------------------------------


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None}
    return value


def expected_quote(row, on, policy, convention, rounding, minor_units=None):
    record = {k: _plain(v) for k, v in row.items() if k in SUBSCRIPTION_COLUMNS and v is not None}
    day = row.get("on") or on
    try:
        sub = Subscription.from_dict(record)
        quote = quote_add_seats(
            sub,
            row.get("seats_to_add"),
            day,
            policy=policy,
            convention=convention,
            rounding=rounding,
            minor_units=minor_units,
        )
    except SeatcalcError as error:
        return {"error": error.to_dict()}
    minor = None if quote.total is None else quote.total.to_minor(minor_units=minor_units)
    return {
        "payable": quote.payable,
        "reasons": [code.value for code in quote.eligibility.codes],
        "end_date": quote.end_date,
        "fraction_numerator": None if quote.fraction is None else quote.fraction.numerator,
        "fraction_denominator": None if quote.fraction is None else quote.fraction.denominator,
        "total": None if quote.total is None else quote.total.amount,
        # Minor units beyond int64 (above 92 quadrillion dollars) are null; total has them.
        "total_minor": None if minor is None or minor >= 2**63 else minor,
        "currency": sub.currency,
        "error": None,
    }


def same(result, expected):
    if expected.get("error") is not None:
        assert result["error"] == expected["error"]
        assert result["payable"] is None
        assert result["total"] is None
        return
    assert result == expected


# -- books drawn ------------------------------------------------------------------------------


@st.composite
def month_end_subscriptions(draw):
    """A subscription anchored on a month's last day or on Feb 29, in one of its terms."""
    anchor = draw(anchors)
    months = draw(st.sampled_from((1, 3, 12, 36)))
    k = draw(st.integers(0, 5))
    return Subscription(
        seats=draw(st.integers(1, 500)),
        unit_price=draw(money(currency=currencies, rounded=True, min_units=0, max_units=10**9)),
        term_start=anchor + relativedelta(months=months * k),
        term_end=anchor + relativedelta(months=months * (k + 1)),
        anchor=anchor,
        period_months=months,
        country=draw(st.sampled_from(("US", "FR", "DE", "JP"))),
    )


@st.composite
def rows(draw, *, inside=False):
    """A subscription row as to_dict() writes it, valid or broken in one of several ways.

    With ``inside``, the row's day is in its term (as the column path needs, to price it).
    """
    sub = draw(st.one_of(any_subscriptions, month_end_subscriptions()))
    row = sub.to_dict()
    low = sub.term_start - dt.timedelta(days=40)
    high = sub.term_end + dt.timedelta(days=10)
    inside_day = sub.term_start + dt.timedelta(
        days=draw(st.integers(0, (sub.term_end - sub.term_start).days - 1))
    )
    row["seats_to_add"] = draw(st.one_of(st.integers(1, 5), st.integers(1, 100_000)))
    days = st.one_of(st.none(), st.just(inside_day), st.just(inside_day), st.dates(low, high))
    row["on"] = inside_day if inside else draw(days)
    for key in ("channel", "purchased_on", "period_months", "anchor", "auto_renew", "plan"):
        if draw(st.integers(0, 5)) == 0 and key != "period_months":
            del row[key]
    breakage = draw(st.integers(0, 14))
    broken = {
        0: ("seats", 0),
        1: ("country", "XX"),
        2: ("seats_to_add", 0),
        3: ("term_end", (sub.term_end + dt.timedelta(days=1)).isoformat()),  # off the grid
        4: ("unit_price", {"amount": "-1.00", "currency": "USD"}),
        5: ("unit_price", {"amount": "1.00", "currency": "ZZZ"}),
        6: ("channel", "partner"),
        7: ("seats", -3),
        8: ("unit_price", {"amount": "99999999999999999.99", "currency": "USD"}),
    }
    if breakage in broken:
        key, value = broken[breakage]
        row[key] = value
    return row


@st.composite
def books(draw, *, inside=False):
    """A book of rows, its dates all ISO text or all dates, a few rows broken in two ways more:
    a date that is not a date, and a count too large for 64 bits (either makes the whole
    book take the single-call path, as a table cannot hold such a column)."""
    book = draw(st.lists(rows(inside=inside), min_size=1, max_size=12))
    if draw(st.booleans()):
        for row in book:
            for key in ("term_start", "term_end", "purchased_on", "anchor"):
                if key in row:
                    row[key] = dt.date.fromisoformat(row[key])
    if draw(st.integers(0, 9)) == 0:
        draw(st.sampled_from(book))["term_start"] = "2026-02-30"
    if draw(st.integers(0, 9)) == 0:
        draw(st.sampled_from(book))["seats"] = 10**20
    return book


conventions = st.sampled_from(tuple(CONVENTIONS.values()))
# A minor-unit table: a named one, or a caller's digits for a few currencies (at most the four
# places the total column holds).
minor_unit_tables = st.one_of(
    st.sampled_from(("cldr", "iso4217", "stripe", "cash")),
    st.dictionaries(currencies, st.integers(0, 4), min_size=1, max_size=3),
)


def as_arrow(book, form):
    """The same book as dicts, as an Arrow table, or flat (amount beside currency, as text or
    as decimal128)."""
    if form == "dicts":
        return book
    flat = []
    for row in book:
        copy = dict(row)
        if form in {"flat", "decimal"} and isinstance(copy.get("unit_price"), dict):
            price = copy.pop("unit_price")
            copy["unit_price"], copy["currency"] = price.get("amount"), price.get("currency")
            if form == "decimal" and isinstance(copy["unit_price"], str):
                copy["unit_price"] = Decimal(copy["unit_price"])  # a decimal128 column
        flat.append(copy)
    keys = dict.fromkeys(key for row in flat for key in row)
    try:
        return pa.table({key: [row.get(key) for row in flat] for key in keys})
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return book


def as_held(book, table):
    """The rows as the table holds them: a decimal128 column writes every amount with the
    column's places (``-1.00`` in a column of three places is ``-1.000``), and the single call
    sees that value."""
    if not isinstance(table, pa.Table) or not pa.types.is_decimal(
        table.schema.field("unit_price").type
    ):
        return book
    rows = []
    for row, held in zip(book, table.to_pylist(), strict=True):
        amount, currency = held["unit_price"], held["currency"]
        price = None if amount is None else {"amount": str(amount), "currency": currency}
        rows.append({**row, "unit_price": price})
    return rows


@given(
    books(),
    dates,
    policies(),
    conventions,
    rounding_modes,
    st.sampled_from(("dicts", "arrow", "flat", "decimal")),
    minor_unit_tables,
)
def test_every_row_equals_its_single_call(book, on, policy, convention, rounding, form, units):
    table = as_arrow(book, form)
    result = quote_table(
        table, on, policy=policy, convention=convention, rounding=rounding, minor_units=units
    )
    assert result.num_rows == len(book)
    for row, got in zip(as_held(book, table), result.to_pylist(), strict=True):
        same(got, expected_quote(row, on, policy, convention, rounding, units))


# A policy every well-formed row meets, so that most rows of a book are priced.
OPEN_POLICY = Policy(
    allowed={"001"}, channels={"direct", "reseller"}, cutoff=None, auto_renew_required=False
)
PLAIN_DAYS = tuple(c for c in CONVENTIONS.values() if c.plain and c.unit == "day")


@given(
    books(inside=True),
    st.sampled_from(PLAIN_DAYS),
    rounding_modes,
    st.sampled_from(("dicts", "arrow", "flat", "decimal")),
    minor_unit_tables,
)
def test_every_priced_row_equals_its_single_call(book, convention, rounding, form, units):
    # The rows the column path prices: eligible, in their term, counted in plain days.
    result = quote_table(
        table := as_arrow(book, form),
        None,
        policy=OPEN_POLICY,
        convention=convention,
        rounding=rounding,
        minor_units=units,
    )
    for row, got in zip(as_held(book, table), result.to_pylist(), strict=True):
        same(got, expected_quote(row, None, OPEN_POLICY, convention, rounding, units))


@given(books(), dates, policies())
def test_eligibility_of_every_row_equals_its_single_call(book, on, policy):
    result = check_eligibility_table(as_arrow(book, "arrow"), on, policy=policy).to_pylist()
    for row, got in zip(book, result, strict=True):
        record = {
            k: _plain(v) for k, v in row.items() if k in SUBSCRIPTION_COLUMNS and v is not None
        }
        try:
            found = check_eligibility(
                Subscription.from_dict(record), row.get("on") or on, policy=policy
            )
        except SeatcalcError as error:
            failure = error.to_dict()
        else:
            failure = None
        if failure is not None:
            assert got["error"] == failure
            assert got["eligible"] is None
            continue
        assert got == {
            "eligible": found.eligible,
            "reasons": [code.value for code in found.codes],
            "error": None,
        }


@st.composite
def proration_rows(draw):
    start = draw(dates)
    end = start + dt.timedelta(days=draw(st.integers(1, 1200)))
    on = start + dt.timedelta(days=draw(st.integers(-3, (end - start).days + 2)))
    price = draw(prices)
    return {
        "price": price.to_dict(),
        "term_start": start,
        "term_end": end,
        "on": on,
        "quantity": draw(st.one_of(st.integers(1, 5), st.integers(-1, 10**6))),
    }


@given(
    st.lists(proration_rows(), min_size=1, max_size=10),
    st.sampled_from(tuple(c for c in CONVENTIONS.values() if c.unit == "day")),
    rounding_modes,
    minor_unit_tables,
)
def test_every_proration_equals_its_single_call(book, convention, rounding, units):
    result = prorate_table(
        book, convention=convention, rounding=rounding, minor_units=units
    ).to_pylist()
    for row, got in zip(book, result, strict=True):
        try:
            single = prorate(
                Money.from_dict(row["price"]),
                row["term_start"],
                row["term_end"],
                row["on"],
                quantity=row["quantity"],
                convention=convention,
                rounding=rounding,
                minor_units=units,
            )
        except SeatcalcError as error:
            failure = error.to_dict()
        else:
            failure = None
        if failure is not None:
            assert got["error"] == failure
            continue
        assert got["amount"] == single.amount.amount
        assert got["amount_minor"] == single.amount.to_minor(minor_units=units)
        assert got["fraction_numerator"] == single.fraction.numerator
        assert got["fraction_denominator"] == single.fraction.denominator
        assert got["currency"] == single.amount.currency


# -- worked examples --------------------------------------------------------------------------


def test_a_quote_by_hand():
    # 2 seats x 1200.00 x 184/365 = 1209.863..., rounded half up to 1209.86.
    (row,) = quote_table([BASE], ON).to_pylist()
    assert row == {
        "payable": True,
        "reasons": [],
        "end_date": dt.date(2027, 1, 1),
        "fraction_numerator": 184,
        "fraction_denominator": 365,
        "total": Decimal("1209.86"),
        "total_minor": 120986,
        "currency": "USD",
        "error": None,
    }


def test_a_bad_row_does_not_stop_the_book():
    bad = {**BASE, "country": "usa"}
    result = quote_table([BASE, bad, BASE], ON).to_pylist()
    assert [row["payable"] for row in result] == [True, None, True]
    assert result[1]["error"]["code"] == "UNKNOWN_TERRITORY"
    assert result[1]["error"]["field"] == "country"


def test_flat_columns_and_per_row_days():
    table = pa.table(
        {
            "seats": [5, 5],
            "unit_price": pa.array([Decimal("1200.00")] * 2, pa.decimal128(10, 2)),
            "currency": ["JPY", "KWD"],
            "term_start": [dt.date(2026, 1, 1)] * 2,
            "term_end": [dt.date(2027, 1, 1)] * 2,
            "country": ["US", "FR"],
            "seats_to_add": [1, 3],
            "on": [dt.date(2026, 12, 31), None],
            "customer": ["a", "b"],
        }
    )
    result = quote_table(table, ON, keep=["customer"]).to_pylist()
    # JPY has no minor unit: 1200 x 1/365 = 3.29 rounds to 3.
    assert (result[0]["total"], result[0]["total_minor"]) == (Decimal(3), 3)
    # KWD has three: 3 x 1200 x 184/365 = 1814.794520... rounds to 1814.795.
    assert (result[1]["total"], result[1]["total_minor"]) == (Decimal("1814.795"), 1814795)
    assert [row["customer"] for row in result] == ["a", "b"]


def test_dataframes_are_read_through_the_arrow_stream():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([{**BASE, "unit_price": "1200.00", "currency": "USD"}] * 3)
    result = quote_table(frame, ON)
    assert result.column("total_minor").to_pylist() == [120986] * 3


def test_rows_too_large_for_64_bits_take_the_exact_path():
    row = {**BASE, "unit_price": {"amount": "99999999999.99", "currency": "USD"}}
    row["seats_to_add"] = 100_000
    (got,) = quote_table([row], ON).to_pylist()
    quote = quote_add_seats(Subscription.from_dict(_strip(row)), 100_000, ON)
    assert got["total"] == quote.total.amount
    assert got["total_minor"] is None or got["total_minor"] == quote.total.to_minor()


def _strip(row):
    return {key: value for key, value in row.items() if key in SUBSCRIPTION_COLUMNS}


def test_streaming_answers_chunk_by_chunk():
    batches = list(quote_batches([BASE] * 5, ON, chunk_rows=2))
    assert [batch.num_rows for batch in batches] == [2, 2, 1]


def test_an_empty_book_has_the_columns():
    assert quote_table([], ON).column_names[:2] == ["payable", "reasons"]


def test_the_table_must_be_a_table():
    with pytest.raises(SeatcalcError) as raised:
        quote_table("book.csv", ON)
    assert raised.value.field == "table"
    with pytest.raises(SeatcalcError) as raised:
        quote_table([BASE, 3], ON)
    assert raised.value.field == "table[1]"


def test_every_minor_unit_is_exact_in_the_total_column():
    # CLF has four decimal places in CLDR: the column keeps all of them.
    assert minor_unit_digits("CLF") == 4
    row = {**BASE, "unit_price": {"amount": "1.2345", "currency": "CLF"}, "seats_to_add": 1}
    (got,) = quote_table([row], ON, policy=DEFAULT_POLICY).to_pylist()
    assert got["total"] == Decimal("0.6223")  # 1.2345 x 184/365 = 0.622323...


@pytest.mark.parametrize(
    ("rounding", "cents"),
    [
        ("ROUND_HALF_UP", 1),
        ("ROUND_HALF_DOWN", 0),
        ("ROUND_HALF_EVEN", 0),
        ("ROUND_UP", 1),
        ("ROUND_DOWN", 0),
        ("ROUND_CEILING", 1),
        ("ROUND_FLOOR", 0),
        ("ROUND_05UP", 1),
    ],
)
def test_an_exact_half_cent_in_every_rounding_mode(rounding, cents):
    # 0.01 x 15/30 days of April = 0.005 exactly, and 0.03 x 15/30 = 0.015: ties below an even
    # and an odd cent, that each mode settles its own way.
    row = {
        **BASE,
        "unit_price": {"amount": "0.01", "currency": "USD"},
        "term_start": "2026-04-01",
        "term_end": "2026-05-01",
        "period_months": 1,
        "seats_to_add": 1,
    }
    (got,) = quote_table([row], dt.date(2026, 4, 16), rounding=rounding).to_pylist()
    single = quote_add_seats(
        Subscription.from_dict(_strip(row)), 1, dt.date(2026, 4, 16), rounding=rounding
    )
    assert got["total_minor"] == cents == single.total.to_minor()
    odd = {**row, "unit_price": {"amount": "0.03", "currency": "USD"}}
    (got,) = quote_table([odd], dt.date(2026, 4, 16), rounding=rounding).to_pylist()
    single = quote_add_seats(
        Subscription.from_dict(_strip(odd)), 1, dt.date(2026, 4, 16), rounding=rounding
    )
    assert got["total_minor"] == ODD_TIE[rounding] == single.total.to_minor()


# 0.015 rounded to cents in each mode.
ODD_TIE = {
    "ROUND_HALF_UP": 2,
    "ROUND_HALF_DOWN": 1,
    "ROUND_HALF_EVEN": 2,
    "ROUND_UP": 2,
    "ROUND_DOWN": 1,
    "ROUND_CEILING": 2,
    "ROUND_FLOOR": 1,
    "ROUND_05UP": 1,
}


# -- minor-unit tables ------------------------------------------------------------------------

CHF_BOOK = [
    {**BASE, "unit_price": {"amount": "1000.00", "currency": "CHF"}, "seats_to_add": 3},
    {**BASE, "unit_price": {"amount": "12345", "currency": "ISK"}, "seats_to_add": 3},
]


@pytest.mark.parametrize("form", ["dicts", "arrow"])
def test_totals_round_to_the_chosen_table_by_hand(form):
    # 3 x 1000.00 x 184/365 = 1512.3287...: CLDR's cents give 1512.33, cash rounding to
    # 0.05 gives 1512.35.  ISK 3 x 12345 x 184/365 = 18669.69...: whole krónur (CLDR) give
    # 18670, and Stripe writes that as 1867000 hundredths.
    table = as_arrow(CHF_BOOK, form)
    cldr = quote_table(table, ON).to_pylist()
    cash = quote_table(table, ON, minor_units="cash").to_pylist()
    stripe = quote_table(table, ON, minor_units="stripe").to_pylist()
    assert [(r["total"], r["total_minor"]) for r in cldr] == [
        (Decimal("1512.33"), 151233),
        (Decimal(18670), 18670),
    ]
    assert (cash[0]["total"], cash[0]["total_minor"]) == (Decimal("1512.35"), 151235)
    assert (stripe[1]["total"], stripe[1]["total_minor"]) == (Decimal(18670), 1867000)


def test_prorate_table_rounds_to_the_chosen_table():
    row = {
        "price": {"amount": "1000.00", "currency": "CHF"},
        "term_start": dt.date(2026, 1, 1),
        "term_end": dt.date(2027, 1, 1),
        "on": dt.date(2026, 7, 1),
        "quantity": 3,
    }
    got = prorate_table([row], minor_units="cash").to_pylist()[0]
    assert (got["amount"], got["amount_minor"]) == (Decimal("1512.35"), 151235)


def test_a_table_of_more_places_than_the_total_column_is_refused():
    with pytest.raises(SeatcalcError) as caught:
        quote_table(CHF_BOOK, ON, minor_units={"CHF": 5})
    assert caught.value.field == "minor_units['CHF']"
    assert caught.value.code == "OUT_OF_RANGE"
    with pytest.raises(SeatcalcError) as caught:
        prorate_table([], minor_units="iso-4217")
    assert caught.value.field == "minor_units"


def test_a_currency_the_table_does_not_know_gets_the_single_calls_error():
    # CLDR still knows ANG, which ISO 4217's current list no longer has: that row takes the
    # single-call path and carries its error, and the other rows are priced.
    book = [*CHF_BOOK, {**BASE, "unit_price": {"amount": "10.00", "currency": "ANG"}}]
    result = quote_table(book, ON, minor_units="iso4217").to_pylist()
    assert result[2]["error"]["code"] == "UNKNOWN_CURRENCY"
    assert result[0]["total_minor"] == 151233
    for row, got in zip(book, result, strict=True):
        same(
            got, expected_quote(row, ON, DEFAULT_POLICY, "actual_days", "ROUND_HALF_UP", "iso4217")
        )

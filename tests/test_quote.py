"""The add-seats quote: worked examples, the ineligible shape, bad input and properties."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import (
    CHANNELS,
    CONVENTIONS,
    AddSeatsQuote,
    Convention,
    InvalidTypeError,
    InvalidValueError,
    Money,
    Policy,
    SeatcalcError,
    Subscription,
    Timing,
    check_eligibility,
    compare_add_timing,
    coterm_end,
    prorate,
    quote_add_seats,
)
from strategies import (
    any_subscriptions,
    eligibility_cases,
    rounding_modes,
    subscriptions_with_any_day,
    subscriptions_with_day,
)

SUB = Subscription(
    seats=5,
    unit_price=Money("1200.00", "USD"),
    term_start=dt.date(2026, 1, 1),
    term_end=dt.date(2027, 1, 1),
    country="US",
)
#: Admits every subscription the strategies draw: any channel, no cutoff, no auto-renewal rule.
OPEN = Policy(allowed={"001"}, channels=CHANNELS, cutoff=None, auto_renew_required=False)


def test_the_worked_example():
    # 2 seats x 1,200.00 USD x 184/365 days = 1209.8630... -> 1,209.86 USD, ending 2027-01-01.
    quote = quote_add_seats(SUB, 2, dt.date(2026, 7, 1))
    assert quote.payable
    assert quote.eligible
    assert quote.total == Money("1209.86", "USD")
    assert quote.fraction == Fraction(184, 365)
    assert quote.exact == Fraction(2 * 1200 * 184, 365)
    assert quote.end_date == dt.date(2027, 1, 1)
    assert quote.lines == (Money("604.93", "USD"), Money("604.93", "USD"))
    assert (quote.seats, quote.on, quote.rounding) == (2, dt.date(2026, 7, 1), "ROUND_HALF_UP")
    assert quote.convention.name == "actual_days"


def test_three_seats_in_euros_split_with_the_extra_cent_first():
    # 3 x 2,030.00 x 184/365 = 3070.0273... -> 3,070.03 = 1,023.35 + 1,023.34 + 1,023.34.
    sub = attrs.evolve(SUB, unit_price=Money("2030.00", "EUR"), country="FR")
    quote = quote_add_seats(sub, 3, dt.date(2026, 7, 1))
    assert quote.total == Money("3070.03", "EUR")
    assert quote.lines == (
        Money("1023.35", "EUR"),
        Money("1023.34", "EUR"),
        Money("1023.34", "EUR"),
    )


def test_a_monthly_subscription_anchored_on_the_31st_in_a_leap_february():
    # Anchor Jan 31, monthly: the term [2024-02-29, 2024-03-31) has 31 days; on Mar 16, 15 left.
    # 4 seats x 31.00 EUR x 15/31 = 60.00 EUR exactly.
    sub = Subscription(
        seats=2,
        unit_price=Money("31.00", "EUR"),
        term_start=dt.date(2024, 2, 29),
        term_end=dt.date(2024, 3, 31),
        anchor=dt.date(2024, 1, 31),
        period_months=1,
        country="DE",
    )
    quote = quote_add_seats(sub, 4, dt.date(2024, 3, 16))
    assert quote.fraction == Fraction(15, 31)
    assert quote.total == Money("60.00", "EUR")
    assert quote.end_date == dt.date(2024, 3, 31)


def test_yen_and_dinar():
    # JPY: 1 x 10,000 x 100/365 = 2739.72... -> 2,740 JPY.  KWD: 1 x 12.345 x 100/365 = 3.3821...
    jpy = attrs.evolve(SUB, unit_price=Money("10000", "JPY"))
    kwd = attrs.evolve(SUB, unit_price=Money("12.345", "KWD"))
    day = dt.date(2026, 9, 23)  # 100 days before 2027-01-01
    assert quote_add_seats(jpy, 1, day).total == Money("2740", "JPY")
    assert quote_add_seats(kwd, 1, day).total == Money("3.382", "KWD")


def test_a_term_extended_past_one_period_adds_whole_periods():
    # Annual, anchor 2026-03-01, the term [2025-01-01, 2027-03-01) was extended to align it.
    # On 2025-12-01: 90 days of the period [2025-03-01, 2026-03-01) remain (90/365), plus one
    # whole period to 2027-03-01.  1 seat x 365.00 x (90/365 + 1) = 455.00 USD.
    sub = Subscription(
        seats=1,
        unit_price=Money("365.00", "USD"),
        term_start=dt.date(2025, 1, 1),
        term_end=dt.date(2027, 3, 1),
        anchor=dt.date(2026, 3, 1),
        country="US",
    )
    quote = quote_add_seats(sub, 1, dt.date(2025, 12, 1))
    assert quote.whole_periods == 1
    assert quote.fraction == Fraction(90, 365) + 1
    assert quote.total == Money("455.00", "USD")
    assert quote.lines == (Money("455.00", "USD"),)
    assert quote.end_date == dt.date(2027, 3, 1)


def test_an_ineligible_quote_has_no_price():
    sub = attrs.evolve(SUB, channel="reseller", country="BR", auto_renew=False)
    quote = quote_add_seats(sub, 2, dt.date(2026, 7, 1))
    assert not quote.payable
    assert not quote.eligible
    assert quote.total is None
    assert quote.fraction is None
    assert quote.exact is None
    assert quote.proration is None
    assert quote.lines == ()
    assert [code.value for code in quote.eligibility.codes] == [
        "CHANNEL_NOT_DIRECT",
        "REGION_NOT_SUPPORTED",
        "AUTO_RENEW_OFF",
    ]
    assert quote.end_date == dt.date(2027, 1, 1)
    data = quote.to_dict()
    assert data["payable"] is False
    assert data["total"] is None
    assert data["lines"] == []
    assert "not payable" in repr(quote)
    text = quote.explain("en")
    assert "Not payable" in text
    assert "reseller" in text


def test_outside_the_term_the_quote_says_so():
    quote = quote_add_seats(SUB, 1, dt.date(2027, 1, 1))
    assert not quote.payable
    assert quote.end_date is None
    assert [code.value for code in quote.eligibility.codes] == ["OUTSIDE_TERM"]


@pytest.mark.parametrize("locale", ["en", "en_US", "fr_FR", "fr_CA", "de_DE", "es_ES", "it_IT"])
def test_explain_in_every_shipped_language(locale):
    quote = quote_add_seats(
        attrs.evolve(SUB, unit_price=Money("2030.00", "EUR")), 3, dt.date(2026, 7, 1)
    )
    text = quote.explain(locale)
    lines = text.splitlines()
    assert len(lines) == 10
    assert all(": " in line for line in lines[1:])
    assert quote.total is not None
    assert quote.total.format(locale) in text
    assert "184/365" in text
    assert "ROUND_HALF_UP" in text


def test_explain_french_uses_french_labels_and_numbers():
    quote = quote_add_seats(
        attrs.evolve(SUB, unit_price=Money("2030.00", "EUR")), 3, dt.date(2026, 7, 1)
    )
    text = quote.explain("fr_FR")
    assert "3\u202f070,03\xa0€" in text
    assert "1 janvier 2027" in text
    assert "Montant total: 3\u202f070,03\xa0€" in text
    assert "Date de fin: 1 janvier 2027" in text
    assert "End date" not in text


def test_html_table_for_notebooks():
    html = quote_add_seats(SUB, 2, dt.date(2026, 7, 1))._repr_html_()
    assert html.startswith("<table><caption>Adding 2 seats on July 1, 2026</caption>")
    assert "<th>Total</th><td>$1,209.86</td>" in html


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "pattern"),
    [
        ((SUB, 0, dt.date(2026, 7, 1)), {}, InvalidValueError, "seats: got 0"),
        ((SUB, -1, dt.date(2026, 7, 1)), {}, InvalidValueError, "seats: got -1"),
        ((SUB, True, dt.date(2026, 7, 1)), {}, InvalidTypeError, "seats: got True"),
        ((SUB, 1.0, dt.date(2026, 7, 1)), {}, InvalidTypeError, r"seats: got 1.0"),
        ((SUB, 1, "2026-07-01"), {}, InvalidTypeError, "on: got '2026-07-01'"),
        (
            (SUB, 1, dt.datetime(2026, 7, 1, tzinfo=dt.UTC)),
            {},
            InvalidTypeError,
            "on: got the datetime",
        ),
        (("sub", 1, dt.date(2026, 7, 1)), {}, InvalidTypeError, "subscription: got 'sub'"),
        ((SUB, 1, dt.date(2026, 7, 1)), {"convention": "weekly"}, InvalidValueError, "weekly"),
        (
            (SUB, 1, dt.date(2026, 7, 1)),
            {"rounding": "UP"},
            InvalidValueError,
            "rounding: got 'UP'",
        ),
        ((SUB, 1, dt.date(2026, 7, 1)), {"policy": "strict"}, InvalidTypeError, "policy: got"),
    ],
)
def test_bad_input_raises_and_never_prices(args, kwargs, error, pattern):
    with pytest.raises(error, match=pattern) as caught:
        quote_add_seats(*args, **kwargs)
    assert isinstance(caught.value, SeatcalcError)


def test_from_dict_refuses_a_record_that_does_not_add_up():
    data = quote_add_seats(SUB, 2, dt.date(2026, 7, 1)).to_dict()
    with pytest.raises(InvalidValueError, match=r"total\.amount: got '1209\.87'"):
        AddSeatsQuote.from_dict({**data, "total": {"amount": "1209.87", "currency": "USD"}})
    with pytest.raises(InvalidValueError, match=r"missing \['lines'\]"):
        AddSeatsQuote.from_dict({key: value for key, value in data.items() if key != "lines"})
    with pytest.raises(InvalidValueError, match=r"^convention: got 'weekly'") as caught:
        AddSeatsQuote.from_dict({**data, "convention": "weekly"})
    assert caught.value.field == "convention"
    with pytest.raises(InvalidValueError) as caught:
        AddSeatsQuote.from_dict({**data, "convention": {"name": "c", "unit": "week"}})
    assert caught.value.field == "convention.unit"
    with pytest.raises(InvalidValueError) as caught:
        AddSeatsQuote.from_dict(
            {**data, "lines": [data["lines"][0], {"amount": "x", "currency": "USD"}]}
        )
    assert caught.value.field == "lines[1].amount"


# -- properties ---------------------------------------------------------------------------


@given(subscriptions_with_any_day(any_subscriptions), st.integers(1, 50), rounding_modes)
def test_the_quote_is_the_composition_of_its_parts(case, seats, rounding):
    sub, day = case
    quote = quote_add_seats(sub, seats, day, policy=OPEN, rounding=rounding)
    assert quote.eligibility == check_eligibility(sub, day, policy=OPEN)
    assert quote.payable == quote.eligible == (sub.term_start <= day < sub.term_end)
    if not quote.payable:
        assert (quote.total, quote.lines, quote.fraction) == (None, (), None)
        return
    assert quote.end_date == coterm_end(sub, day) == sub.term_end
    if day >= sub.period_start:
        expected = prorate(
            sub.unit_price, sub.period_start, sub.term_end, day, quantity=seats, rounding=rounding
        )
        assert quote.total == expected.amount
        assert quote.fraction == expected.fraction
    assert quote.total is not None
    assert quote.exact is not None
    assert len(quote.lines) == seats
    assert sum(quote.lines, Money.zero(sub.currency)) == quote.total
    assert abs(quote.total.to_fraction() - quote.exact) < Fraction(1, 10**quote.total.digits)
    assert 0 < quote.fraction <= 1 + quote.whole_periods


@given(eligibility_cases(), st.integers(1, 20), st.sampled_from(sorted(CONVENTIONS)))
def test_json_round_trip_is_identity(case, seats, convention):
    sub, day, policy = case
    quote = quote_add_seats(sub, seats, day, policy=policy, convention=convention)
    data = json.loads(json.dumps(quote.to_dict()))
    assert AddSeatsQuote.from_dict(data) == quote
    if not quote.payable:
        assert data["total"] is None
        assert data["lines"] == []


@given(subscriptions_with_any_day(any_subscriptions), st.integers(1, 20))
def test_the_same_inputs_give_the_same_quote(case, seats):
    sub, day = case
    assert quote_add_seats(sub, seats, day, policy=OPEN) == quote_add_seats(
        sub, seats, day, policy=OPEN
    )


def test_notebook_tables_for_eligibility_and_proration():
    quote = quote_add_seats(SUB, 2, dt.date(2026, 7, 1))
    assert quote.proration is not None
    html = quote.proration._repr_html_()
    assert "<th>Total</th><td>$1,209.86</td>" in html
    assert "<th>Time remaining</th><td>184 of 365 days (convention actual_days)</td>" in html
    assert quote.eligibility._repr_html_() == (
        "<table><caption>Eligible: every rule passes, so seats can be added self-service"
        "</caption></table>"
    )
    refused = quote_add_seats(attrs.evolve(SUB, country="BR"), 2, dt.date(2026, 7, 1))
    html = refused.eligibility._repr_html_()
    assert "<th>REGION_NOT_SUPPORTED</th><td>Seats can be added" in html
    assert "<caption>Adding 2 seats on July 1, 2026</caption>" in refused._repr_html_()


def test_a_policy_seat_limit_counts_the_seats_being_added():
    # Limit 10: a subscription with 8 seats may add 2, not 3.
    limited = Policy(max_seats=10)
    sub = attrs.evolve(SUB, seats=8)
    assert quote_add_seats(sub, 2, dt.date(2026, 7, 1), policy=limited).payable
    refused = quote_add_seats(sub, 3, dt.date(2026, 7, 1), policy=limited)
    assert not refused.payable
    assert [code.value for code in refused.eligibility.codes] == ["SEAT_LIMIT_EXCEEDED"]
    assert "adding 3 to the 8 this subscription has" in refused.explain("en")
    at_limit = quote_add_seats(attrs.evolve(SUB, seats=10), 1, dt.date(2026, 7, 1), policy=limited)
    assert [code.value for code in at_limit.eligibility.codes] == ["SEAT_LIMIT_REACHED"]


@given(any_subscriptions, st.integers(1, 20), st.data())
def test_the_quote_agrees_with_the_add_now_option_of_the_timing_comparison(sub, seats, data):
    last = sub.term_end - dt.timedelta(days=1)
    day = data.draw(st.dates(min_value=sub.term_start, max_value=last))
    quote = quote_add_seats(sub, seats, day, policy=OPEN)
    now = compare_add_timing(sub, seats, day, on=day).option(Timing.NOW)
    assert quote.total == now.until_renewal


custom_conventions = st.builds(
    Convention,
    st.sampled_from(["mine", "stripe", "actual_days", "killbill"]),  # names like presets too
    day_count=st.sampled_from(["actual", "30E/360", "months+actual", "months+30"]),
    charge_change_day=st.booleans(),
    ratio_places=st.one_of(st.none(), st.integers(0, 12)),
    precision_scope=st.sampled_from(["ratio", "units"]),
    rounding_order=st.sampled_from(["line", "unit"]),
)


@given(subscriptions_with_day(), st.integers(1, 20), custom_conventions)
def test_a_quote_with_a_custom_convention_round_trips(case, seats, convention):
    sub, day = case
    quote = quote_add_seats(sub, seats, day, convention=convention)
    data = json.loads(json.dumps(quote.to_dict()))
    rebuilt = AddSeatsQuote.from_dict(data)
    assert rebuilt == quote
    assert rebuilt.convention == convention
    if CONVENTIONS.get(convention.name) != convention:
        # A custom convention, even one named like a preset, is written with its fields.
        assert data["convention"] == convention.to_dict()
    else:
        assert data["convention"] == convention.name


def test_a_convention_cannot_be_subclassed():
    with pytest.raises(InvalidTypeError, match="a convention is data"):

        class Mine(Convention):  # pragma: no cover - refused when it is defined
            pass


def test_a_line_too_large_names_the_seats_the_caller_passed():
    # prorate() calls them its quantity; the quote's error says "seats", as the caller wrote.
    huge = attrs.evolve(SUB, unit_price=Money("999999999999.00", "USD"))
    with pytest.raises(InvalidValueError) as caught:
        quote_add_seats(huge, 10**7, dt.date(2026, 1, 1))
    assert caught.value.field == "seats"
    assert caught.value.value == str(10**7)

"""Worked examples of prorate, checked by hand, engines' published examples, and bad input."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal, localcontext
from fractions import Fraction
from zoneinfo import ZoneInfo

import attrs
import pytest

from error_records import error_record
from seatcalc import (
    ACTUAL_360,
    ACTUAL_DAYS,
    CHARGEBEE,
    CHARGEBEE_MILLISECONDS,
    CONVENTIONS,
    KILLBILL,
    LAGO,
    LAGO_SUBSCRIPTION,
    MILLISECONDS,
    MONTHS_FORWARD_THEN_DAYS,
    MONTHS_THEN_DAYS,
    MONTHS_THEN_DAYS_30,
    SECONDS,
    STRIPE,
    THIRTY_360,
    ZUORA,
    ZUORA_ACTUAL_360,
    ZUORA_STRICT_30_360,
    Convention,
    InvalidTypeError,
    InvalidValueError,
    Money,
    OutsideTermError,
    Proration,
    SeatcalcError,
    UnknownCurrencyError,
    convention_named,
    prorate,
    round_ratio,
)

D = dt.date
UTC = dt.UTC
YEAR_2026 = D(2026, 1, 1), D(2027, 1, 1)


# -- worked examples, by hand ----------------------------------------------------------------


def test_the_issue_example():
    # 2026-07-01 -> 2027-01-01 is 31+31+30+31+30+31 = 184 of 365 days.
    # 2 x 1200 x 184 / 365 = 441600 / 365 = 1209.8630... -> 1209.86
    result = prorate(Money("1200.00", "USD"), *YEAR_2026, D(2026, 7, 1), quantity=2)
    assert (result.remaining, result.total, result.unit) == (184, 365, "day")
    assert result.fraction == Fraction(184, 365)
    assert result.exact == Fraction(441600, 365)
    assert result.amount == Money("1209.86", "USD")
    assert result.lines() == (Money("604.93", "USD"), Money("604.93", "USD"))
    assert (result.price, result.quantity, result.on) == (
        Money("1200.00", "USD"),
        2,
        D(2026, 7, 1),
    )
    assert (result.convention, result.rounding) == (ACTUAL_DAYS, ROUND_HALF_UP)
    assert "2 × $1,200.00 × 184/365 = $1,209.86301369863…" in result.explain()


def test_a_leap_year_counts_366_days():
    # 2024-03-01 -> 2025-01-01: 31+30+31+30+31+31+30+31+30+31 = 306 of 366 days.
    # 1200 x 306 / 366 = 1003.2786... -> 1003.28
    result = prorate(Money("1200.00", "USD"), D(2024, 1, 1), D(2025, 1, 1), D(2024, 3, 1))
    assert (result.remaining, result.total) == (306, 366)
    assert result.amount == Money("1003.28", "USD")


@pytest.mark.parametrize(
    ("price", "start", "end", "on", "expected"),
    [
        # Anchor 31: Jan 31 -> Feb 28 is 28 days; from Feb 14, 14 remain: 30 x 14/28 = 15.00.
        ("30.00", D(2026, 1, 31), D(2026, 2, 28), D(2026, 2, 14), "15.00"),
        # Leap February: Jan 31 -> Feb 29 is 29 days; from Feb 1, 28 remain: 29 x 28/29 = 28.
        ("29.00", D(2024, 1, 31), D(2024, 2, 29), D(2024, 2, 1), "28.00"),
        # Mar 31 -> Apr 30 (clamped) is 30 days; the last day is charged: 31 x 1/30 = 1.0333.
        ("31.00", D(2026, 3, 31), D(2026, 4, 30), D(2026, 4, 29), "1.03"),
    ],
)
def test_month_ends(price, start, end, on, expected):
    assert prorate(Money(price, "USD"), start, end, on).amount == Money(expected, "USD")


def test_yen_have_no_minor_unit():
    # 2026-10-15 -> 2027-04-01: 17+30+31+31+28+31 = 168 of 365 days.
    # 3 x 10000 x 168 / 365 = 5040000 / 365 = 13808.219... -> 13808 JPY
    result = prorate(Money(10000, "JPY"), D(2026, 4, 1), D(2027, 4, 1), D(2026, 10, 15), quantity=3)
    assert result.remaining == 168
    assert result.amount == Money(13808, "JPY")
    assert result.lines() == (Money(4603, "JPY"), Money(4603, "JPY"), Money(4602, "JPY"))


def test_kuwaiti_dinars_have_three_decimals():
    # 2026-05-20 -> 2027-01-01: 12+30+31+31+30+31+30+31 = 226 of 365 days.
    # 120 x 226 / 365 = 27120 / 365 = 74.30136... -> 74.301 KWD
    result = prorate(Money("120.000", "KWD"), *YEAR_2026, D(2026, 5, 20))
    assert result.remaining == 226
    assert result.amount == Money("74.301", "KWD")


def test_every_rounding_mode_is_applied():
    # 1 x 10 x 2/31 = 0.64516... USD
    def amount(mode):
        return prorate(
            Money("10.00", "USD"), D(2026, 1, 1), D(2026, 2, 1), D(2026, 1, 30), rounding=mode
        ).amount

    assert amount(ROUND_HALF_UP) == amount(ROUND_UP) == Money("0.65", "USD")
    assert amount(ROUND_DOWN) == Money("0.64", "USD")
    # An exact half cent: 1 x 0.01 x 1/2 = 0.005 -> 0.01 half-up, 0.00 half-even.
    half = [
        prorate(Money("0.01", "USD"), D(2026, 1, 1), D(2026, 1, 3), D(2026, 1, 2), rounding=m)
        for m in (ROUND_HALF_UP, ROUND_HALF_EVEN)
    ]
    assert [h.amount for h in half] == [Money("0.01", "USD"), Money("0.00", "USD")]


def test_the_callers_decimal_context_does_not_matter():
    with localcontext() as context:
        context.prec = 3
        result = prorate(Money("1200.00", "USD"), *YEAR_2026, D(2026, 7, 1), quantity=2)
    assert result.amount.amount == Decimal("1209.86")


def test_prices_below_a_minor_unit_stay_exact_until_the_one_rounding():
    # 1000 x 0.004 x 184/365 = 2.0164... -> 2.02 (rounding the price first would give 0)
    result = prorate(Money("0.004", "USD"), *YEAR_2026, D(2026, 7, 1), quantity=1000)
    assert result.amount == Money("2.02", "USD")


# -- the conventions --------------------------------------------------------------------------


def test_thirty_360_counts_every_month_as_30_days():
    # 30E/360: 2026-02-28 -> 2026-03-31 is 30 x 1 + (30 - 28) = 32 days.
    assert THIRTY_360.count(D(2026, 2, 28), D(2026, 3, 31)) == 32
    # A year is 360 days, whatever the month lengths.
    result = prorate(Money("360.00", "USD"), *YEAR_2026, D(2026, 7, 1), convention=THIRTY_360)
    assert (result.remaining, result.total, result.unit) == (180, 360, "30/360 day")
    assert result.amount == Money("180.00", "USD")


def test_thirty_360_can_leave_nothing_to_pay():
    # A term ending on a 31st: the 30th and the 31st are the same 30E/360 day.
    result = prorate(
        Money("60.00", "USD"), D(2026, 1, 31), D(2026, 3, 31), D(2026, 3, 30), convention=THIRTY_360
    )
    assert result.fraction == 0
    assert result.amount == Money("0.00", "USD")


def test_a_term_of_no_30_360_days_is_refused():
    with pytest.raises(InvalidValueError, match=r"term_end: got 2026-03-31; .* counts 0"):
        prorate(
            Money(1, "USD"), D(2026, 3, 30), D(2026, 3, 31), D(2026, 3, 30), convention=THIRTY_360
        )


def test_months_then_days():
    # Term 2026-01-31 -> 2027-01-31 (12 months).  From 2026-07-18: 6 whole months back from the
    # end reach 2026-07-31; 13 days remain before it, in the billing month 06-30 -> 07-31 of
    # 31 days.  (6 + 13/31) / 12 = 199/372; 2 x 1200 x 199/372 = 1283.870... -> 1283.87.
    result = prorate(
        Money("1200.00", "USD"),
        D(2026, 1, 31),
        D(2027, 1, 31),
        D(2026, 7, 18),
        quantity=2,
        convention=MONTHS_THEN_DAYS,
    )
    assert (result.remaining, result.total, result.unit) == (Fraction(199, 31), 12, "month")
    assert result.amount == Money("1283.87", "USD")
    # Months then days / 30: the 13 days count 13/30 of a month.  (6 + 13/30) / 12 = 193/360
    # -> 1286.67.
    thirty = prorate(
        Money("1200.00", "USD"),
        D(2026, 1, 31),
        D(2027, 1, 31),
        D(2026, 7, 18),
        quantity=2,
        convention=MONTHS_THEN_DAYS_30,
    )
    assert thirty.fraction == Fraction(193, 360)
    assert thirty.amount == Money("1286.67", "USD")
    # Actual/360: the 197 actual days left over a 360-day year.  2 x 1200 x 197 / 360 =
    # 1313.333... -> 1313.33.
    actual_360 = prorate(
        Money("1200.00", "USD"),
        D(2026, 1, 31),
        D(2027, 1, 31),
        D(2026, 7, 18),
        quantity=2,
        convention=ACTUAL_360,
    )
    assert (actual_360.remaining, actual_360.total) == (197, 360)
    assert actual_360.fraction == Fraction(197, 360)
    assert actual_360.amount == Money("1313.33", "USD")
    # Five days into the 365-day year, 361 days are left: more than 360, so the whole price.
    early = prorate(
        Money("1200.00", "USD"),
        D(2026, 1, 31),
        D(2027, 1, 31),
        D(2026, 2, 4),
        convention=ACTUAL_360,
    )
    assert (early.remaining, early.total, early.fraction) == (361, 360, 1)
    assert early.amount == Money("1200.00", "USD")


def test_seconds_are_counted_through_utc_across_daylight_saving():
    # New York springs forward on 2026-03-08: that day lasts 23 hours (82800 s).  From noon
    # (EDT), 12 hours remain: 24 x 43200 / 82800 = 12.5217... -> 12.52
    new_york = ZoneInfo("America/New_York")
    result = prorate(
        Money("24.00", "USD"),
        dt.datetime(2026, 3, 8, tzinfo=new_york),
        dt.datetime(2026, 3, 9, tzinfo=new_york),
        dt.datetime(2026, 3, 8, 12, tzinfo=new_york),
        convention=SECONDS,
    )
    assert (result.remaining, result.total, result.unit) == (43200, 82800, "second")
    assert result.amount == Money("12.52", "USD")


# -- published examples of billing engines ----------------------------------------------------


def test_stripe_gist_credit_for_unused_time():
    # A 10.00 USD monthly plan, period 2017-02-14 -> 2017-03-14 UTC (2419200 s), prorated at
    # proration_date 1488568488 (2017-03-03 19:14:48 UTC): 881112 s remain.
    # 10 x 881112 / 2419200 = 3.6421... -> 3.64, Stripe's line "amount": -364.
    result = prorate(
        Money("10.00", "USD"),
        dt.datetime(2017, 2, 14, tzinfo=UTC),
        dt.datetime(2017, 3, 14, tzinfo=UTC),
        dt.datetime.fromtimestamp(1488568488, UTC),
        convention=STRIPE,
    )
    assert (result.remaining, result.total) == (881112, 2419200)
    assert result.amount == Money("3.64", "USD")


def test_killbill_rounds_the_ratio_to_nine_places():
    # Kill Bill's own unit test: 92 days over a 31-day month -> 2.967741935 (9 places, half-up).
    assert round_ratio(92 * 10**9, 31, ROUND_HALF_UP) == 2967741935
    # 1,000,000.00 USD, 326 of 365 days: 326/365 = 0.8931506849315... -> 0.893150685;
    # x 1e6 = 893150.685 -> 893150.69, where the exact ratio gives 893150.6849... -> .68.
    args = Money("1000000.00", "USD"), *YEAR_2026, D(2026, 2, 9)
    assert prorate(*args, convention=KILLBILL).fraction == Fraction(893150685, 10**9)
    assert prorate(*args, convention=KILLBILL).amount == Money("893150.69", "USD")
    assert prorate(*args).amount == Money("893150.68", "USD")


def test_zuora_monthly_examples():
    # $100/month; 1 whole month + 14 days (2018-01-01..01-14) of a 31-day billing month.
    # Priced here over the two months 2017-12-15 -> 2018-02-15 at $200.
    args = Money("200.00", "USD"), D(2017, 12, 15), D(2018, 2, 15), D(2018, 1, 1)
    # Zuora: $145.16 is $100 x (1 + 14/31)
    assert prorate(*args, convention=ZUORA).remaining == 1 + Fraction(14, 31)
    assert prorate(*args, convention=ZUORA).amount == Money("145.16", "USD")
    # Zuora: $146.67 is $100 x (1 + 14/30)
    assert prorate(*args, convention=ZUORA_ACTUAL_360).amount == Money("146.67", "USD")


@pytest.mark.parametrize(
    ("start", "on", "actual", "actual_360", "strict"),
    [
        # Zuora's ratio table, service periods ending on a month end (end = the 1st after).
        (D(2021, 1, 1), D(2021, 1, 27), Fraction(5, 31), Fraction(5, 30), Fraction(4, 30)),
        (D(2021, 2, 1), D(2021, 2, 27), Fraction(2, 28), Fraction(2, 30), Fraction(4, 30)),
        # Zuora's table gives 29/30 for Actual/360 here; a whole month counts 1 in seatcalc.
        (D(2020, 2, 1), D(2020, 2, 1), Fraction(29, 29), Fraction(30, 30), Fraction(30, 30)),
    ],
)
def test_zuora_ratio_table(start, on, actual, actual_360, strict):
    end = start + dt.timedelta(days=32)
    end = end.replace(day=1)
    price = Money(100, "USD")
    assert prorate(price, start, end, on, convention=ZUORA).fraction == actual
    assert prorate(price, start, end, on, convention=ZUORA_ACTUAL_360).fraction == actual_360
    assert prorate(price, start, end, on, convention=ZUORA_STRICT_30_360).fraction == strict


def test_chargebee_examples():
    # Ex.2: 3 x $30, April 2013, down to 2 units on Apr 10: "remaining 20 days for 2 units is
    # $40": Apr 11..30 = 20 of 30 days, 2 x 30 x 20/30 = 40.
    ex2 = prorate(
        Money("30.00", "USD"),
        D(2013, 4, 1),
        D(2013, 5, 1),
        D(2013, 4, 10),
        quantity=2,
        convention=CHARGEBEE,
    )
    assert (ex2.remaining, ex2.amount) == (20, Money("40.00", "USD"))
    # Article 15293: Plan B $100 from Nov 15: "($100/30)*15 = $50": Nov 16..30 = 15 days.
    upgrade = prorate(
        Money("100.00", "USD"),
        D(2020, 11, 1),
        D(2020, 12, 1),
        D(2020, 11, 15),
        convention=CHARGEBEE,
    )
    assert upgrade.amount == Money("50.00", "USD")
    # Ex.1 charges the change day (Apr 21..30 = 10 days, $30 x 10/30 = $10): ACTUAL_DAYS
    # reproduces it, the preset gives 9 days.
    ex1 = Money("30.00", "USD"), D(2012, 4, 1), D(2012, 5, 1), D(2012, 4, 21)
    assert prorate(*ex1).amount == Money("10.00", "USD")
    assert prorate(*ex1, convention=CHARGEBEE).amount == Money("9.00", "USD")


def test_lagos_published_seat_example_does_not_add_up():
    # "a new seat is added on July 10th ... prorated for 22 days ... = $7.33".  July 10..31 is
    # 22 days, but of 31: 10 x 22/31 = 7.096... -> 7.10.  $7.33 is 10 x 22/30.
    result = prorate(
        Money("10.00", "USD"), D(2024, 7, 1), D(2024, 8, 1), D(2024, 7, 10), convention=LAGO
    )
    assert result.remaining == 22
    assert result.amount == Money("7.10", "USD")
    assert Money.from_exact(Fraction(10 * 22, 30), "USD") == Money("7.33", "USD")


def test_presets_apply_the_callers_rounding():
    args = Money("10.00", "USD"), D(2026, 1, 1), D(2026, 2, 1), D(2026, 1, 30)
    for convention in CONVENTIONS.values():
        if convention.unit != "day":
            continue
        up = prorate(*args, convention=convention, rounding=ROUND_UP).amount
        down = prorate(*args, convention=convention, rounding=ROUND_DOWN).amount
        assert up > down, convention.name


# -- conventions as values --------------------------------------------------------------------


def test_conventions_are_found_by_name():
    assert convention_named("ZUORA") is ZUORA
    assert convention_named("zuora-actual-360") is ZUORA_ACTUAL_360
    assert all(convention_named(name) is value for name, value in CONVENTIONS.items())
    with pytest.raises(
        InvalidValueError,
        match="convention: got 'actual'; expected a Convention or one of actual_days, seconds",
    ):
        convention_named("actual")
    with pytest.raises(InvalidTypeError, match="convention: got 3"):
        convention_named(3)
    with pytest.raises(TypeError):
        CONVENTIONS["mine"] = ACTUAL_DAYS  # type: ignore[index]


def test_conventions_are_frozen_hashable_values():
    copy = Convention.from_dict(json.loads(json.dumps(KILLBILL.to_dict())))
    assert copy == KILLBILL
    assert hash(copy) == hash(KILLBILL)
    assert repr(KILLBILL) == "<Convention 'killbill'>"
    custom = attrs.evolve(KILLBILL, name="mine", ratio_places=4)
    assert repr(custom).startswith("Convention('mine', ratio_places=4, ")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        KILLBILL.ratio_places = 2  # type: ignore[misc]


def test_repr_shows_only_the_fields_that_differ_from_the_defaults():
    assert repr(Convention("mine")) == "Convention('mine')"
    assert repr(Convention("mine", unit="second")) == "Convention('mine', unit='second')"


def test_a_convention_rebuilt_from_its_fields_counts_and_takes_the_same_path():
    # Plain conventions count actual time, charge the change day, keep the ratio unrounded and
    # round once on the line: prorate counts the plain day ones on its fast path.
    rebuilt = {name: Convention.from_dict(c.to_dict()) for name, c in CONVENTIONS.items()}
    assert {name for name, c in rebuilt.items() if c.plain} == {
        "actual_days",
        "seconds",
        "milliseconds",
        "stripe",
        "lago_subscription",
        "chargebee_milliseconds",
    }
    args = Money("1000.00", "USD"), D(2026, 1, 31), D(2026, 4, 30), D(2026, 2, 28)
    for name, convention in rebuilt.items():
        if convention.unit == "day":
            expected = prorate(*args, quantity=3, convention=CONVENTIONS[name])
            assert prorate(*args, quantity=3, convention=convention) == expected, name


def test_a_ratio_may_be_rounded_to_whole_units():
    whole = Convention("whole", ratio_places=0)
    # 184/365 = 0.504 rounds half-up to 1; 100/365 = 0.274 rounds to 0.
    assert prorate(PRICE, *YEAR_2026, D(2026, 7, 1), convention=whole).amount == PRICE
    nothing = prorate(PRICE, *YEAR_2026, D(2026, 9, 23), convention=whole)
    assert (nothing.remaining, nothing.amount) == (100, Money("0.00", "USD"))


@pytest.mark.parametrize(
    ("fields", "error", "pattern"),
    [
        ({"unit": "hour"}, InvalidValueError, r"unit: got 'hour'; expected one of day, second"),
        ({"day_count": "30/360"}, InvalidValueError, r"day_count: got '30/360'"),
        ({"charge_change_day": 1}, InvalidTypeError, r"charge_change_day: got 1"),
        ({"ratio_places": 31}, InvalidValueError, r"ratio_places: got 31"),
        ({"ratio_places": True}, InvalidTypeError, r"ratio_places: got True"),
        ({"ratio_rounding": "HALF_UP"}, InvalidValueError, r"ratio_rounding: got 'HALF_UP'"),
        ({"rounding_order": "seat"}, InvalidValueError, r"rounding_order: got 'seat'"),
        ({"precision_scope": "all"}, InvalidValueError, r"precision_scope: got 'all'"),
        ({"unit": "second", "charge_change_day": False}, InvalidValueError, r"no change day"),
        ({"unit": "second", "day_count": "months+30"}, InvalidValueError, r"counts 'actual'"),
    ],
)
def test_bad_conventions_are_refused(fields, error, pattern):
    with pytest.raises(error, match=pattern):
        Convention("bad", **fields)


def test_convention_from_dict_refuses_unknown_keys():
    with pytest.raises(InvalidValueError, match="unexpected \\['colour'\\]"):
        Convention.from_dict({"name": "x", "colour": "red"})


# -- the result as a value --------------------------------------------------------------------


def test_prorations_are_immutable_values():
    args = Money("10.00", "USD"), D(2026, 1, 1), D(2026, 2, 1), D(2026, 1, 30)
    result = prorate(*args)
    assert result == prorate(*args)
    assert hash(result) == hash(prorate(*args))
    assert result != prorate(*args, quantity=2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.amount = Money(0, "USD")  # type: ignore[misc]
    assert repr(result) == (
        "<Proration 0.65 USD = 1 x 10.00 USD x 2/31 day (actual_days, ROUND_HALF_UP)>"
    )


def test_explain_shows_ten_more_places_and_marks_a_cut_decimal():
    # 2 x 1200 x 184/365 = 1209.86301369863013...: cut after 11 places, marked with "…".
    cut = prorate(PRICE, *YEAR_2026, D(2026, 7, 1), quantity=2)
    assert cut.explain().splitlines()[5] == (
        "Exact amount: 2 × $1,200.00 × 184/365 = $1,209.86301369863…"
    )
    # 10 x 1/4 = 5/2 = 2.5 ends within the places shown: no "…".
    quarter = prorate(Money("10.00", "USD"), D(2026, 1, 1), D(2026, 1, 5), D(2026, 1, 4))
    assert quarter.explain().splitlines()[5] == "Exact amount: 1 × $10.00 × 1/4 = $2.50"
    # 3 x 10 x 2/4 = 15 exactly, rounded per seat: no "…", and the order is named.
    per_seat = Convention("per_seat", rounding_order="unit")
    exact = prorate(
        Money("10.00", "USD"),
        D(2026, 1, 1),
        D(2026, 1, 5),
        D(2026, 1, 3),
        quantity=3,
        convention=per_seat,
    )
    assert exact.explain() == (
        "Prorating 3 seats from January 3, 2026\n"
        "Price of one seat for the whole term: $10.00\n"
        "Term: January 1, 2026 to January 5, 2026\n"
        "Time remaining: 2 of 4 days (convention per_seat)\n"
        "Fraction: 1/2\n"
        "Exact amount: 3 × $10.00 × 1/2 = $15.00\n"
        "Rounding: the price of each seat, to 2 decimal places, ROUND_HALF_UP (half up), "
        "then times the seats\n"
        "Total: $15.00\n"
        "Per seat: 3 × $5.00"
    )


def test_the_notebook_table_shows_every_input_and_the_result():
    result = prorate(PRICE, *YEAR_2026, D(2026, 7, 1), quantity=2)
    rows = [
        ("Price of one seat for the whole term", "$1,200.00"),
        ("Term", "January 1, 2026 to January 1, 2027"),
        ("Time remaining", "184 of 365 days (convention actual_days)"),
        ("Fraction", "184/365"),
        ("Exact amount", "2 × $1,200.00 × 184/365 = $1,209.86301369863…"),
        ("Rounding", "once, on the total, to 2 decimal places, ROUND_HALF_UP (half up)"),
        ("Total", "$1,209.86"),
        ("Per seat", "2 × $604.93"),
    ]
    body = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    caption = "<caption>Prorating 2 seats from July 1, 2026</caption>"
    assert result._repr_html_() == f"<table>{caption}{body}</table>"


def test_a_custom_convention_round_trips_through_its_fields():
    custom = Convention("next_day_per_unit", charge_change_day=False, rounding_order="unit")
    result = prorate(
        Money("10.00", "USD"), *YEAR_2026, D(2026, 7, 1), quantity=3, convention=custom
    )
    data = json.loads(json.dumps(result.to_dict()))
    assert data["convention"]["name"] == "next_day_per_unit"
    assert Proration.from_dict(data) == result


def test_a_record_that_does_not_add_up_is_refused():
    data = prorate(Money("10.00", "USD"), *YEAR_2026, D(2026, 7, 1)).to_dict()
    data["amount"] = {"amount": "5.05", "currency": "USD"}
    with pytest.raises(InvalidValueError, match=r"amount: got .*the record does not add up"):
        Proration.from_dict(data)
    seconds = prorate(
        Money("10.00", "USD"),
        dt.datetime(2026, 1, 1, tzinfo=UTC),
        dt.datetime(2026, 2, 1, tzinfo=UTC),
        dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        convention=STRIPE,
    )
    assert Proration.from_dict(seconds.to_dict()) == seconds
    broken = {**seconds.to_dict(), "on": "yesterday"}
    with pytest.raises(InvalidValueError, match="on: got 'yesterday'"):
        Proration.from_dict(broken)


# -- bad input ---------------------------------------------------------------------------------

PRICE = Money("1200.00", "USD")
AWARE = dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "pattern"),
    [
        (
            (PRICE, *YEAR_2026, D(2027, 1, 1)),
            {},
            OutsideTermError,
            r"on: got 2027-01-01, which is after the term \[2026-01-01, 2027-01-01\)",
        ),
        ((PRICE, *YEAR_2026, D(2025, 12, 31)), {}, OutsideTermError, r"on: got 2025-12-31"),
        (
            (PRICE, D(2027, 1, 1), D(2026, 1, 1), D(2026, 7, 1)),
            {},
            InvalidValueError,
            r"term_end: got 2026-01-01, which is not after term_start 2027-01-01; expected a day",
        ),
        (
            (PRICE, D(2026, 1, 1), D(2026, 1, 1), D(2026, 1, 1)),
            {},
            InvalidValueError,
            r"term_end: got 2026-01-01",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"quantity": 0},
            InvalidValueError,
            r"quantity: got 0; expected an int >= 1",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"quantity": -2},
            InvalidValueError,
            r"quantity: got -2",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"quantity": True},
            InvalidTypeError,
            r"quantity: got True",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"quantity": 2.0},
            InvalidTypeError,
            r"quantity: got 2.0",
        ),
        (
            (1200.0, *YEAR_2026, D(2026, 7, 1)),
            {},
            InvalidTypeError,
            r"price: got 1200.0 \(float\); expected Money",
        ),
        ((Decimal(1200), *YEAR_2026, D(2026, 7, 1)), {}, InvalidTypeError, r"price: got Decimal"),
        (
            (Money("-1", "USD"), *YEAR_2026, D(2026, 7, 1)),
            {},
            InvalidValueError,
            r"price: got Money\('-1', 'USD'\); expected a price >= 0",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"rounding": "HALF_UP"},
            InvalidValueError,
            r"rounding: got 'HALF_UP'",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"convention": "banker"},
            InvalidValueError,
            r"convention: got 'banker'; expected a Convention or one of",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"convention": None},
            InvalidTypeError,
            r"convention: got None",
        ),
        (
            (PRICE, *YEAR_2026, "2026-07-01"),
            {},
            InvalidTypeError,
            r"on: got '2026-07-01'; expected a datetime.date",
        ),
        (
            (PRICE, *YEAR_2026, dt.datetime(2026, 7, 1, tzinfo=UTC)),
            {},
            InvalidTypeError,
            r"on: got the datetime .*counts days",
        ),
        (
            (PRICE, *AWARE, D(2026, 7, 1)),
            {"convention": SECONDS},
            InvalidTypeError,
            r"on: got 2026-07-01; convention .seconds. counts seconds",
        ),
        (
            (PRICE, dt.datetime(2026, 1, 1), AWARE[1], AWARE[0]),  # noqa: DTZ001 - naive on purpose
            {"convention": "seconds"},
            InvalidTypeError,
            r"term_start: got the naive datetime",
        ),
        (
            (PRICE, *AWARE, dt.datetime(2026, 7, 1, 0, 0, 0, 5, tzinfo=UTC)),
            {"convention": STRIPE},
            InvalidValueError,
            r"on: got .*whole seconds",
        ),
        (
            (PRICE, *AWARE, AWARE[1]),
            {"convention": STRIPE},
            OutsideTermError,
            r"on: got 2027-01-01T00:00:00\+00:00, .*expected an instant in \[2026",
        ),
        (
            (PRICE, *YEAR_2026, D(2026, 7, 1)),
            {"quantity": 10**16},
            InvalidValueError,
            r"quantity: got 10000000000000000; .*not below 10\*\*18",
        ),
    ],
)
def test_bad_input_raises_a_seatcalc_error_naming_the_field(args, kwargs, error, pattern):
    with pytest.raises(error, match=pattern) as caught:
        prorate(*args, **kwargs)
    assert isinstance(caught.value, SeatcalcError)


@pytest.mark.parametrize("convention", list(CONVENTIONS.values()), ids=lambda c: c.name)
def test_every_convention_refuses_a_day_outside_the_term(convention):
    if convention.unit != "day":
        start, end = AWARE
        outside = [start - dt.timedelta(seconds=1), end]
    else:
        start, end = YEAR_2026
        outside = [start - dt.timedelta(days=1), end]
    for on in outside:
        with pytest.raises(
            OutsideTermError, match=re.escape(f"on: got {on.isoformat()}, which is")
        ):
            prorate(PRICE, start, end, on, convention=convention)


def test_outside_term_error_is_a_value_error():
    assert issubclass(OutsideTermError, InvalidValueError)
    assert issubclass(OutsideTermError, ValueError)
    assert not issubclass(UnknownCurrencyError, OutsideTermError)


def test_milliseconds_count_whole_milliseconds_and_refuse_finer_instants():
    # 2026-07-01 12:30:15.250 to 2027-01-01: 184 days less 12 h 30 min 15.25 s, in ms.
    start, end = AWARE
    on = dt.datetime(2026, 7, 1, 12, 30, 15, 250_000, tzinfo=UTC)
    result = prorate(Money("1200.00", "USD"), start, end, on, convention=MILLISECONDS)
    assert (result.remaining, result.total, result.unit) == (
        15852584750,
        31536000000,
        "millisecond",
    )
    assert result.amount == Money("603.22", "USD")
    assert Proration.from_dict(result.to_dict()) == result
    with pytest.raises(InvalidValueError, match="whole milliseconds") as caught:
        prorate(
            Money("1.00", "USD"),
            start,
            end,
            on.replace(microsecond=250_001),
            convention=MILLISECONDS,
        )
    assert caught.value.hint == "pass .replace(microsecond=250000)"
    with pytest.raises(InvalidValueError, match="whole seconds"):
        prorate(Money("1.00", "USD"), start, end, on, convention=SECONDS)
    # Chargebee's default mode: 20 days and 6 hours of a 30-day month, for 2 seats at 30.00.
    april = dt.datetime(2013, 4, 1, tzinfo=UTC), dt.datetime(2013, 5, 1, tzinfo=UTC)
    change = dt.datetime(2013, 4, 10, 18, tzinfo=UTC)
    ms = prorate(
        Money("30.00", "USD"), *april, change, quantity=2, convention=CHARGEBEE_MILLISECONDS
    )
    assert ms.amount == Money("40.50", "USD")


def test_lago_prices_seats_and_subscription_fees_differently():
    # 3 seats x 22/31 = 2.129032258... weighted units, 2.129032 to 6 places; x 1000.10 =
    # 2129.2449... -> 2129.24.  Unrounded: 3 x 1000.10 x 22/31 = 2129.2451... -> 2129.25.
    july = D(2024, 7, 1), D(2024, 8, 1), D(2024, 7, 10)
    price = Money("1000.10", "USD")
    assert prorate(price, *july, quantity=3, convention=LAGO).amount == Money("2129.24", "USD")
    fee = prorate(price, *july, quantity=3, convention=LAGO_SUBSCRIPTION)
    assert (fee.fraction, fee.amount) == (Fraction(22, 31), Money("2129.25", "USD"))


def test_months_forward_counts_from_the_change_day():
    # Forward: 2026-02-20 + 3 months = 05-20; 05-20 -> 05-31 is 11 of the 31 days to 06-20.
    # Back from the end: 05-31 - 3 months = 02-28; 02-20 -> 02-28 is 8 of 28 days (01-31 ->).
    term = D(2026, 1, 31), D(2026, 5, 31)
    on = D(2026, 2, 20)
    forward = prorate(Money("400.00", "EUR"), *term, on, convention=MONTHS_FORWARD_THEN_DAYS)
    back = prorate(Money("400.00", "EUR"), *term, on, convention=MONTHS_THEN_DAYS)
    assert (forward.remaining, forward.total) == (3 + Fraction(11, 31), 4)
    assert (back.remaining, back.total) == (3 + Fraction(2, 7), 4)
    # 400 x (104/31) / 4 = 335.48...; 400 x (23/7) / 4 = 328.57...
    assert (forward.amount, back.amount) == (Money("335.48", "EUR"), Money("328.57", "EUR"))


AWARE_SECONDS = (
    "timezone-aware datetime.datetime values (all three), such as "
    "datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)"
)
WHOLE_SECONDS = "an instant on a whole second, with a UTC offset in whole seconds"
INSTANT = "an ISO 8601 datetime with a UTC offset, such as '2026-07-01T12:00:00+00:00'"
NAMES = (
    "a Convention or one of actual_days, seconds, milliseconds, thirty_360, actual_360, "
    "months_then_days, months_then_days_30, months_forward_then_days, stripe, killbill, zuora, "
    "zuora_actual_360, zuora_strict_30_360, lago, lago_subscription, chargebee, "
    "chargebee_milliseconds"
)


def _seconds_record(**changes):
    seconds = prorate(
        Money("10.00", "USD"),
        *AWARE,
        dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        convention=STRIPE,
    )
    return Proration.from_dict(seconds.to_dict() | changes)


def _dayserror_record(**changes):
    days = prorate(Money("10.00", "USD"), *YEAR_2026, D(2026, 7, 1))
    return Proration.from_dict(days.to_dict() | changes)


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: prorate(PRICE, *AWARE, D(2026, 7, 1), convention=SECONDS),
            error_record(
                "InvalidTypeError",
                "DATETIME_NOT_DATE",
                "on",
                "2026-07-01",
                AWARE_SECONDS,
                "on: got 2026-07-01; convention 'seconds' counts seconds; "
                f"expected {AWARE_SECONDS}",
            ),
        ),
        (
            lambda: prorate(PRICE, *AWARE, "2026-07-01", convention=SECONDS),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "on",
                "2026-07-01",
                AWARE_SECONDS,
                f"on: got '2026-07-01'; convention 'seconds' counts seconds; "
                f"expected {AWARE_SECONDS}",
            ),
        ),
        (
            lambda: prorate(PRICE, dt.datetime(2026, 1, 1), AWARE[1], AWARE[0], convention=SECONDS),  # noqa: DTZ001
            error_record(
                "InvalidTypeError",
                "NAIVE_DATETIME",
                "term_start",
                "2026-01-01T00:00:00",
                "a timezone-aware datetime (add tzinfo, e.g. datetime.UTC)",
                "term_start: got the naive datetime datetime.datetime(2026, 1, 1, 0, 0); "
                "convention 'seconds' counts seconds between instants; "
                "expected a timezone-aware datetime (add tzinfo, e.g. datetime.UTC)",
            ),
        ),
        (
            lambda: prorate(
                PRICE, *AWARE, dt.datetime(2026, 7, 1, 0, 0, 0, 5, tzinfo=UTC), convention=STRIPE
            ),
            error_record(
                "InvalidValueError",
                "NOT_WHOLE_SECONDS",
                "on",
                "2026-07-01T00:00:00.000005+00:00",
                WHOLE_SECONDS,
                "on: got datetime.datetime(2026, 7, 1, 0, 0, 0, 5, tzinfo=datetime.timezone.utc); "
                "convention 'stripe' counts whole seconds, and this instant has a fraction of a "
                f"second; expected {WHOLE_SECONDS} (pass .replace(microsecond=0))",
                "pass .replace(microsecond=0)",
            ),
        ),
        (
            lambda: prorate(
                PRICE,
                *AWARE,
                dt.datetime(
                    2026, 7, 1, tzinfo=dt.timezone(dt.timedelta(seconds=1, microseconds=5))
                ),
                convention=STRIPE,
            ),
            error_record(
                "InvalidValueError",
                "NOT_WHOLE_SECONDS",
                "on",
                "2026-07-01T00:00:00+00:00:01.000005",
                WHOLE_SECONDS,
                "on: got datetime.datetime(2026, 7, 1, 0, 0, tzinfo=datetime.timezone("
                "datetime.timedelta(seconds=1, microseconds=5))); convention 'stripe' counts whole "
                f"seconds, and its UTC offset has a fraction of a second; expected {WHOLE_SECONDS}",
            ),
        ),
        (
            lambda: prorate(PRICE, AWARE[1], AWARE[0], AWARE[0], convention=STRIPE),
            error_record(
                "InvalidValueError",
                "DATE_ORDER",
                "term_end",
                "2026-01-01T00:00:00+00:00",
                "a second after term_start",
                "term_end: got 2026-01-01T00:00:00+00:00, which is not after term_start "
                "2027-01-01T00:00:00+00:00; expected a second after term_start",
            ),
        ),
        (
            lambda: prorate(PRICE, D(2027, 1, 1), D(2026, 1, 1), D(2026, 7, 1)),
            error_record(
                "InvalidValueError",
                "DATE_ORDER",
                "term_end",
                "2026-01-01",
                "a day after term_start",
                "term_end: got 2026-01-01, which is not after term_start 2027-01-01; "
                "expected a day after term_start",
            ),
        ),
        (
            lambda: _seconds_record(on=5),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "on",
                "5",
                INSTANT,
                f"on: got 5; expected {INSTANT}",
            ),
        ),
        *(
            (
                lambda text=text: _seconds_record(on=text),
                error_record(
                    "InvalidValueError",
                    "INVALID_DATE",
                    "on",
                    text,
                    INSTANT,
                    f"on: got {text!r}; expected {INSTANT}",
                ),
            )
            for text in ("yesterday", "\uff12\uff10\uff12\uff16-01-01T00:00:00+00:00")
        ),
        *(
            (
                lambda field=field: _dayserror_record(**{field: "2026"}),
                error_record(
                    "InvalidValueError",
                    "INVALID_DATE",
                    field,
                    "2026",
                    "an ISO date string such as '2026-01-31'",
                    f"{field}: got '2026'; expected an ISO date string such as '2026-01-31'",
                ),
            )
            for field in ("term_start", "term_end", "on")
        ),
        (
            lambda: _dayserror_record(price={"amount": "x", "currency": "USD"}),
            error_record(
                "InvalidValueError",
                "INVALID_NUMBER",
                "price.amount",
                "x",
                "a Decimal, an int or a decimal string such as '1200.00', below 10**18 with at "
                "most 30 decimal places",
                "price.amount: got 'x'; expected a Decimal, an int or a decimal string such as "
                "'1200.00', below 10**18 with at most 30 decimal places",
            ),
        ),
        (
            lambda: _dayserror_record(convention={"name": "mine", "unit": "hour"}),
            error_record(
                "InvalidValueError",
                "UNKNOWN_CHOICE",
                "convention.unit",
                "hour",
                "one of day, second, millisecond",
                "convention.unit: got 'hour'; expected one of day, second, millisecond",
            ),
        ),
        (
            # A convention named by a name it does not have is reported as "convention", once.
            lambda: _dayserror_record(convention="banker"),
            error_record(
                "InvalidValueError",
                "UNKNOWN_CHOICE",
                "convention",
                "banker",
                NAMES,
                f"convention: got 'banker'; expected {NAMES}",
            ),
        ),
        (
            lambda: Proration.from_dict({"price": {"amount": "1", "currency": "USD"}}),
            error_record(
                "InvalidValueError",
                "MALFORMED_RECORD",
                "data",
                "Proration keys ['price']",
                "the keys price, quantity, term_start, term_end, on, convention, rounding and "
                "optionally unit, remaining, total, fraction, exact, amount, minor_units",
                "data: Proration needs the keys price, quantity, term_start, term_end, on, "
                "convention, rounding and accepts unit, remaining, total, fraction, exact, amount, "
                "minor_units; "
                "missing ['quantity', 'term_start', 'term_end', 'on', 'convention', 'rounding'], "
                "unexpected none",
            ),
        ),
        (
            lambda: Convention("mine", unit="hour"),
            error_record(
                "InvalidValueError",
                "UNKNOWN_CHOICE",
                "unit",
                "hour",
                "one of day, second, millisecond",
                "unit: got 'hour'; expected one of day, second, millisecond",
            ),
        ),
        (
            lambda: Convention("mine", rounding_order=1),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "rounding_order",
                "1",
                "one of line, unit",
                "rounding_order: got 1; expected one of line, unit",
            ),
        ),
        (
            lambda: Convention(""),
            error_record(
                "InvalidValueError",
                "EMPTY",
                "name",
                "",
                "a non-empty name",
                "name: got ''; expected a non-empty name",
            ),
        ),
        (
            lambda: Convention(3),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "name",
                "3",
                "a str",
                "name: got 3; expected a str",
            ),
        ),
        (
            lambda: Convention("mine", unit="second", day_count="30E/360"),
            error_record(
                "InvalidValueError",
                "INCONSISTENT",
                "day_count",
                "30E/360",
                "'actual'",
                "day_count: got '30E/360'; a 'second' convention counts 'actual' time",
            ),
        ),
        (
            lambda: Convention("mine", unit="second", charge_change_day=False),
            error_record(
                "InvalidValueError",
                "INCONSISTENT",
                "charge_change_day",
                "False",
                "True",
                "charge_change_day: got False; a 'second' convention has no change day",
            ),
        ),
        (
            lambda: Convention("mine", ratio_places=-1),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "ratio_places",
                "-1",
                "an int from 0 to 30",
                "ratio_places: got -1; expected an int from 0 to 30",
            ),
        ),
        (
            lambda: convention_named(None),
            error_record(
                "InvalidTypeError",
                "WRONG_TYPE",
                "convention",
                None,
                NAMES,
                f"convention: got None; expected {NAMES}",
            ),
        ),
        (
            lambda: Convention.from_dict({"name": "mine", "colour": "red"}),
            error_record(
                "InvalidValueError",
                "MALFORMED_RECORD",
                "data",
                "Convention keys ['colour', 'name']",
                "the keys name and optionally unit, day_count, charge_change_day, ratio_places, "
                "ratio_rounding, precision_scope, rounding_order, summary",
                "data: Convention needs the keys name and accepts unit, day_count, "
                "charge_change_day, ratio_places, ratio_rounding, precision_scope, rounding_order, "
                "summary; missing none, unexpected ['colour']",
            ),
        ),
        # A convention that is not plain takes the general path: the same records.
        (
            lambda: prorate(PRICE, *YEAR_2026, D(2026, 7, 1), quantity=0, convention=THIRTY_360),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "quantity",
                "0",
                "an int >= 1",
                "quantity: got 0; expected an int >= 1",
            ),
        ),
        (
            # January 30 to 31 is no 30/360 day: the 31st counts as the 30th.
            lambda: prorate(
                PRICE, D(2026, 1, 30), D(2026, 1, 31), D(2026, 1, 30), convention=THIRTY_360
            ),
            error_record(
                "InvalidValueError",
                "DATE_ORDER",
                "term_end",
                "2026-01-31",
                "a term that counts at least one 30/360 day",
                "term_end: got 2026-01-31; the term from 2026-01-30 counts 0 30/360 days under "
                "convention 'thirty_360'; expected a term that counts at least one 30/360 day",
            ),
        ),
        (
            lambda: prorate(
                PRICE, D(2026, 1, 1), dt.datetime(2027, 1, 1, tzinfo=UTC), D(2026, 7, 1)
            ),
            error_record(
                "InvalidTypeError",
                "DATETIME_NOT_DATE",
                "term_end",
                "2027-01-01T00:00:00+00:00",
                "dates (all three), or a 'second' convention such as 'seconds' with "
                "timezone-aware datetimes",
                "term_end: got the datetime datetime.datetime(2027, 1, 1, 0, 0, "
                "tzinfo=datetime.timezone.utc); convention 'actual_days' counts days between "
                "datetime.date values; expected dates (all three), or a 'second' convention such "
                "as 'seconds' with timezone-aware datetimes",
            ),
        ),
        (
            # An empty term of instants is refused in seconds, the unit it is counted in.
            lambda: prorate(PRICE, AWARE[0], AWARE[0], AWARE[0], convention=STRIPE),
            error_record(
                "InvalidValueError",
                "DATE_ORDER",
                "term_end",
                "2026-01-01T00:00:00+00:00",
                "a second after term_start",
                "term_end: got 2026-01-01T00:00:00+00:00, which is not after term_start "
                "2026-01-01T00:00:00+00:00; expected a second after term_start",
            ),
        ),
        *(
            # The same refusal on the fast path (actual days) and the general one (30/360).
            (
                lambda convention=convention: prorate(
                    PRICE, *YEAR_2026, D(2026, 7, 1), quantity=10**16, convention=convention
                ),
                error_record(
                    "InvalidValueError",
                    "OUT_OF_RANGE",
                    "quantity",
                    "10000000000000000",
                    "a quantity whose line is below 10**18 USD",
                    "quantity: got 10000000000000000; 10000000000000000 x 1200.00 USD is not "
                    "below 10**18 USD, the largest amount seatcalc handles; "
                    "expected a quantity whose line is below 10**18 USD",
                ),
            )
            for convention in (ACTUAL_DAYS, THIRTY_360)
        ),
        *(
            (
                lambda price=price: prorate(price, *YEAR_2026, D(2026, 7, 1)),
                error_record(
                    "InvalidTypeError",
                    code,
                    "price",
                    value,
                    "Money, such as Money('1200.00', 'USD')",
                    f"price: got {shown}; expected Money, such as Money('1200.00', 'USD')"
                    + (f" ({hint})" if hint else ""),
                    hint,
                ),
            )
            for price, code, value, shown, hint in (
                (
                    1200.0,
                    "FLOAT_NOT_EXACT",
                    "1200.0",
                    "1200.0 (float)",
                    "pass Money('1200.0', 'USD') with the right currency",
                ),
                (
                    Decimal(1200),
                    "WRONG_TYPE",
                    "1200",
                    "Decimal('1200') (Decimal)",
                    "pass Money('1200', 'USD') with the right currency",
                ),
                (True, "WRONG_TYPE", "True", "True", None),
            )
        ),
        (
            lambda: prorate(Money("-1", "USD"), *YEAR_2026, D(2026, 7, 1)),
            error_record(
                "InvalidValueError",
                "OUT_OF_RANGE",
                "price",
                "Money('-1', 'USD')",
                "a price >= 0",
                "price: got Money('-1', 'USD'); expected a price >= 0 "
                "(credit a refund as a separate line)",
                "credit a refund as a separate line",
            ),
        ),
    ],
)
def test_refusals_carry_machine_readable_fields(build, expected):
    # A service returns error.to_dict() as its 400 body: the code, field and value are API.
    with pytest.raises(SeatcalcError) as caught:
        build()
    assert caught.value.to_dict() == expected


def test_instants_in_one_time_zone_are_ordered_by_the_instant_not_the_wall_clock():
    # New York falls back on 2026-11-01: 01:30 EDT (05:30 UTC) comes 40 minutes before 01:10 EST
    # (06:10 UTC, fold=1), though its wall clock reads later.  Python compares two datetimes of
    # one zone by their wall clocks; the term is 2,400 seconds all the same.
    new_york = ZoneInfo("America/New_York")
    start = dt.datetime(2026, 11, 1, 1, 30, tzinfo=new_york)
    end = dt.datetime(2026, 11, 1, 1, 10, fold=1, tzinfo=new_york)
    result = prorate(Money("100.00", "USD"), start, end, start, convention=SECONDS)
    assert (result.remaining, result.total, result.amount) == (2400, 2400, Money("100.00", "USD"))
    # At 06:00 UTC, 30 minutes in, 600 of the 2,400 seconds are left: 100 x 600/2400 = 25.00.
    half = prorate(
        Money("100.00", "USD"),
        start,
        end,
        dt.datetime(2026, 11, 1, 6, 0, tzinfo=UTC),
        convention=SECONDS,
    )
    assert (half.remaining, half.amount) == (600, Money("25.00", "USD"))
    # And the other way round: a wall clock that reads earlier is refused when it is later.
    with pytest.raises(InvalidValueError) as caught:
        prorate(Money("100.00", "USD"), end, start, start, convention=SECONDS)
    assert (caught.value.field, caught.value.code) == ("term_end", "DATE_ORDER")

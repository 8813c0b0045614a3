"""Engine adapters: the engines' documented JSON read, quotes rendered, round trips, errors."""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import json
import pathlib
import subprocess
import sys

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from seatcalc import (
    CHANNELS,
    CHARGEBEE,
    Money,
    Policy,
    SeatcalcError,
    Subscription,
    quote_add_seats,
)
from seatcalc.adapters import chargebee, lago, stripe
from seatcalc.adapters._fields import read_day
from strategies import (
    any_subscriptions,
    irregular_subscriptions,
    subscriptions,
    subscriptions_with_day,
)

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
#: A policy every drawn subscription passes, so every drawn quote is payable.
OPEN = Policy(
    allowed={"US", "CA", "FR", "DE", "GB", "IT", "ES", "JP", "AU", "BR", "CH"},
    channels=set(CHANNELS),
    cutoff=None,
    auto_renew_required=False,
)

LAGO_PERIODS = st.sampled_from([1, 3, 6, 12])
lago_subscriptions = st.one_of(
    subscriptions(period=LAGO_PERIODS), irregular_subscriptions(period=LAGO_PERIODS)
)


def fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def refused(function, data, **kwargs):
    with pytest.raises(SeatcalcError) as caught:
        function(data, **kwargs)
    return caught.value


def test_importing_seatcalc_does_not_import_the_adapters():
    code = "import sys, seatcalc; print([m for m in sys.modules if 'adapters' in m])"
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "[]\n"


# -- Stripe: the documented subscription and invoice preview ---------------------------------


def test_stripe_documented_subscription():
    sub = stripe.subscription_from_stripe(fixture("stripe_subscription.json"), country="US")
    # 1679609767 is 2023-03-23T22:16:07Z; 1682288167 a month later.
    assert sub == Subscription(
        seats=1,
        unit_price=Money("10.00", "USD"),
        term_start=dt.date(2023, 3, 23),
        term_end=dt.date(2023, 4, 23),
        anchor=dt.date(2023, 3, 23),
        purchased_on=dt.date(2023, 3, 23),
        period_months=1,
        country="US",
        product="prod_Na6dGcTsmU0I4R",
    )


def test_stripe_quote_on_the_documented_subscription():
    sub = stripe.subscription_from_stripe(fixture("stripe_subscription.json"), country="US")
    quote = quote_add_seats(
        sub, 2, dt.date(2023, 4, 8), convention=stripe.CONVENTION, minor_units=stripe.MINOR_UNITS
    )
    # 2 seats x 10.00 USD x 15/31 days = 9.677..., 968 cents.
    invoice = stripe.preview_stripe(quote)
    (line,) = invoice["lines"]["data"]
    assert line["amount"] == invoice["total"] == 968
    assert line["period"] == {"start": 1680912000, "end": 1682208000}
    assert line["description"] == "Remaining time on 2 × prod_Na6dGcTsmU0I4R after 08 Apr 2023"
    assert line["price"]["unit_amount"] == 1000
    assert json.loads(json.dumps(invoice)) == invoice


def test_stripe_documented_invoice_preview_sums_its_prorations():
    # -30.00 for unused time, +65.00 for remaining time; the next period's line is no proration.
    invoice = fixture("stripe_invoice_preview.json")
    assert stripe.prorations_from_stripe(invoice) == Money("35.00", "EUR")


def test_stripe_reads_the_item_periods_of_newer_api_versions():
    data = fixture("stripe_subscription.json")
    item = data["items"]["data"][0]
    item["current_period_start"], item["current_period_end"] = 1682208000, 1684800000
    data["current_period_start"] = data["current_period_end"] = "moved to the items"
    sub = stripe.subscription_from_stripe(data, country="US")
    assert (sub.term_start, sub.term_end) == (dt.date(2023, 4, 23), dt.date(2023, 5, 23))


def test_stripe_expanded_customer_and_decimal_amounts():
    data = fixture("stripe_subscription.json")
    data["customer"] = {"id": "cus_1", "object": "customer", "address": {"country": "FR"}}
    price = data["items"]["data"][0]["price"]
    price["unit_amount"], price["unit_amount_decimal"] = None, "1000.5"
    price["recurring"]["interval"] = "year"
    price["lookup_key"] = "team"
    data["current_period_end"] = 1711232167  # 2024-03-23
    sub = stripe.subscription_from_stripe(data)
    assert (sub.country, sub.unit_price, sub.period_months) == ("FR", Money("10.005", "USD"), 12)
    assert sub.plan == "team"


def test_stripe_errors_name_the_field_in_stripe_json():
    data = fixture("stripe_subscription.json")
    del data["items"]["data"][0]["price"]["unit_amount"]
    del data["items"]["data"][0]["price"]["unit_amount_decimal"]
    error = refused(stripe.subscription_from_stripe, data, country="US")
    assert error.field == "items.data[0].price.unit_amount"

    data = fixture("stripe_subscription.json")
    data["items"]["data"][0]["price"]["recurring"]["interval"] = "week"
    error = refused(stripe.subscription_from_stripe, data, country="US")
    assert error.field == "items.data[0].price.recurring.interval"
    assert "whole months" in str(error)

    data = fixture("stripe_subscription.json")
    data["items"]["data"][0]["quantity"] = 0
    assert refused(stripe.subscription_from_stripe, data, country="US").field == (
        "items.data[0].quantity"
    )

    data = fixture("stripe_subscription.json")
    data["items"]["data"][0]["price"]["unit_amount"] = 10.5
    error = refused(stripe.subscription_from_stripe, data, country="US")
    assert error.field == "items.data[0].price.unit_amount"
    assert isinstance(error, TypeError)

    data = fixture("stripe_subscription.json")
    data["current_period_end"] = data["current_period_start"]
    assert refused(stripe.subscription_from_stripe, data, country="US").field == (
        "current_period_end"
    )

    data = fixture("stripe_subscription.json")
    data["items"]["data"][0]["price"]["currency"] = "xyz"
    assert refused(stripe.subscription_from_stripe, data, country="US").field == (
        "items.data[0].price.unit_amount.currency"
    )


def test_stripe_needs_a_country():
    error = refused(stripe.subscription_from_stripe, fixture("stripe_subscription.json"))
    assert error.field == "customer.address.country"
    assert "country=" in str(error)


def test_stripe_chooses_among_several_items():
    data = fixture("stripe_subscription.json")
    extra = copy.deepcopy(data["items"]["data"][0])
    extra["id"], extra["price"]["id"], extra["quantity"] = "si_2", "price_2", 7
    data["items"]["data"].append(extra)
    assert refused(stripe.subscription_from_stripe, data, country="US").field == "items.data"
    assert stripe.subscription_from_stripe(data, country="US", item="si_2").seats == 7
    assert stripe.subscription_from_stripe(data, country="US", item="price_2").seats == 7
    assert stripe.subscription_from_stripe(data, country="US", item=0).seats == 1
    assert refused(stripe.subscription_from_stripe, data, country="US", item=5).field == "item"


def test_stripe_refuses_what_it_cannot_charge():
    sub = stripe.subscription_from_stripe(fixture("stripe_subscription.json"), country="US")
    unpayable = quote_add_seats(sub, 1, dt.date(2023, 4, 8), policy=Policy(allowed={"FR"}))
    assert refused(stripe.preview_stripe, unpayable).field == "quote"
    kwd = attrs.evolve(sub, unit_price=Money("10.001", "KWD"))
    fils = quote_add_seats(kwd, 1, dt.date(2023, 4, 8))  # CLDR: to the fils, not Stripe's 10
    error = refused(stripe.preview_stripe, fils)
    assert (error.field, error.code) == ("quote.total", "NOT_ROUNDED")


@pytest.mark.parametrize(
    ("engine", "preview"),
    [
        (stripe, stripe.preview_stripe),
        (chargebee, chargebee.preview_chargebee),
        (lago, lago.preview_lago),
    ],
)
def test_every_engine_refuses_a_total_off_its_grid_the_same_way(engine, preview):
    sub = stripe.subscription_from_stripe(fixture("stripe_subscription.json"), country="US")
    mills = attrs.evolve(sub, unit_price=Money("10.001", "USD"))
    quote = quote_add_seats(mills, 1, mills.term_start, minor_units={"USD": 3})
    assert quote.total == Money("10.001", "USD")
    error = refused(preview, quote)
    assert (error.field, error.code) == ("quote.total", "NOT_ROUNDED")
    assert f"minor_units={engine.__name__.rsplit('.', 1)[1]}.MINOR_UNITS" in str(error)


# -- Chargebee: the documented subscription and estimate -------------------------------------


def test_chargebee_documented_subscription():
    sub = chargebee.subscription_from_chargebee(fixture("chargebee_subscription.json"))
    # The plan item is chosen over the add-on; 1612890920 is 2021-02-09T17:15:20Z.
    assert sub == Subscription(
        seats=1,
        unit_price=Money("10.00", "USD"),
        term_start=dt.date(2021, 2, 9),
        term_end=dt.date(2021, 3, 9),
        period_months=1,
        country="US",
        plan="basic-USD",
    )


def test_chargebee_quotes_in_both_modes():
    sub = chargebee.subscription_from_chargebee(fixture("chargebee_subscription.json"))
    # 17 days of 28 left on Feb 20; the day-based mode does not charge the change day (16/28).
    by_time = quote_add_seats(sub, 1, dt.date(2021, 2, 20), convention=chargebee.CONVENTION)
    by_days = quote_add_seats(sub, 1, dt.date(2021, 2, 20), convention=CHARGEBEE)
    assert (by_time.total, by_days.total) == (Money("6.07", "USD"), Money("5.71", "USD"))
    (line,) = chargebee.preview_chargebee(by_days)["estimate"]["invoice_estimate"]["line_items"]
    assert (line["amount"], line["unit_amount"], line["entity_id"]) == (571, 1000, "basic-USD")
    assert (line["date_from"], line["date_to"]) == (1613779200, 1615248000)


def test_chargebee_documented_estimate():
    estimate = fixture("chargebee_estimate.json")
    assert chargebee.charges_from_chargebee(estimate) == Money("8.95", "USD")
    assert chargebee.charges_from_chargebee(estimate["estimate"]) == Money("8.95", "USD")


def test_chargebee_errors_name_the_field_in_chargebee_json():
    data = fixture("chargebee_subscription.json")
    data["subscription"]["subscription_items"][0]["unit_price"] = "10.00"
    assert refused(chargebee.subscription_from_chargebee, data).field == (
        "subscription.subscription_items[0].unit_price"
    )
    data = fixture("chargebee_subscription.json")
    data["subscription"]["billing_period_unit"] = "week"
    assert refused(chargebee.subscription_from_chargebee, data).field == (
        "subscription.billing_period_unit"
    )
    data = fixture("chargebee_subscription.json")
    del data["subscription"]["current_term_end"]
    assert refused(chargebee.subscription_from_chargebee, data).field == (
        "subscription.current_term_end"
    )
    bare = fixture("chargebee_subscription.json")["subscription"]
    assert refused(chargebee.subscription_from_chargebee, bare).field == (
        "customer.billing_address.country"
    )
    assert chargebee.subscription_from_chargebee(bare, country="CA", item=1).plan == (
        "day-pass-USD"
    )


# -- Lago: the documented subscription and fee -------------------------------------------------


def test_lago_documented_subscription():
    sub = lago.subscription_from_lago(fixture("lago_subscription.json"))
    # The period ends on its last second, 2022-09-07T23:59:59Z: the term ends on 2022-09-08.
    assert sub == Subscription(
        seats=5,
        unit_price=Money("30", "USD"),
        term_start=dt.date(2022, 8, 8),
        term_end=dt.date(2022, 9, 8),
        period_months=1,
        country="US",
        product="seat",
        plan="premium",
    )


def test_lago_quote_weighs_units_to_six_places():
    sub = lago.subscription_from_lago(fixture("lago_subscription.json"))
    quote = quote_add_seats(sub, 1, dt.date(2022, 8, 20), convention=lago.CONVENTION)
    fee = lago.preview_lago(quote)["fee"]
    # 19/31 = 0.6129032... -> 0.612903 units x 30 USD = 18.38709 -> 18.39.
    assert (fee["units"], fee["amount_cents"]) == ("0.612903", 1839)
    assert (fee["from_date"], fee["to_date"]) == ("2022-08-20T00:00:00Z", "2022-09-07T23:59:59Z")


def test_lago_documented_fee_and_lists_of_fees():
    fee = fixture("lago_fee.json")
    assert lago.fees_from_lago(fee) == Money("1.00", "EUR")
    assert lago.fees_from_lago({"fees": [fee["fee"], fee["fee"]]}) == Money("2.00", "EUR")
    assert lago.fees_from_lago({"invoice": {"fees": [fee["fee"]]}}) == Money("1.00", "EUR")
    other = dict(fee["fee"], amount_currency="USD")
    error = refused(lago.fees_from_lago, {"fees": [fee["fee"], other]})
    assert error.field == "fees[1].amount_currency"


def test_lago_errors_name_the_field_in_lago_json():
    data = fixture("lago_subscription.json")
    data["subscription"]["plan"]["fixed_charges"][0]["units"] = "2.5"
    assert refused(lago.subscription_from_lago, data).field == (
        "subscription.plan.fixed_charges[0].units"
    )
    data = fixture("lago_subscription.json")
    data["subscription"]["plan"]["fixed_charges"][0]["properties"]["amount"] = "thirty"
    assert refused(lago.subscription_from_lago, data).field == (
        "subscription.plan.fixed_charges[0].properties.amount"
    )
    data = fixture("lago_subscription.json")
    data["subscription"]["plan"]["interval"] = "weekly"
    assert refused(lago.subscription_from_lago, data).field == "subscription.plan.interval"
    data = fixture("lago_subscription.json")
    data["subscription"]["current_billing_period_ending_at"] = "2022-09-07T23:59:59"
    error = refused(lago.subscription_from_lago, data)
    assert (error.field, error.code) == (
        "subscription.current_billing_period_ending_at",
        "NAIVE_DATETIME",
    )
    data = fixture("lago_subscription.json")
    assert refused(lago.subscription_from_lago, data, charge="nope").field == "charge"


# -- properties: round trips -----------------------------------------------------------------


@given(any_subscriptions)
def test_stripe_round_trips_a_subscription(sub):
    data = json.loads(json.dumps(stripe.subscription_to_stripe(sub)))
    assert stripe.subscription_from_stripe(data, channel=sub.channel) == sub


@given(any_subscriptions)
def test_chargebee_round_trips_a_subscription(sub):
    if not sub.unit_price.is_rounded(minor_units=chargebee.MINOR_UNITS):
        # Chargebee holds hundredths at most: 0.001 KWD cannot be written.
        with pytest.raises(SeatcalcError):
            chargebee.subscription_to_chargebee(sub)
        return
    data = json.loads(json.dumps(chargebee.subscription_to_chargebee(sub)))
    back = chargebee.subscription_from_chargebee(data, channel=sub.channel, product=sub.product)
    assert back == sub


@given(lago_subscriptions)
def test_lago_round_trips_a_subscription(sub):
    data = json.loads(json.dumps(lago.subscription_to_lago(sub)))
    assert lago.subscription_from_lago(data, channel=sub.channel) == sub


@given(subscriptions(period=st.sampled_from([2, 5, 24, 60])))
def test_lago_refuses_periods_it_has_no_interval_for(sub):
    with pytest.raises(SeatcalcError, match="period_months"):
        lago.subscription_to_lago(sub)


@given(subscriptions_with_day(), st.integers(1, 50))
def test_stripe_preview_carries_the_quote(case, seats):
    sub, day = case
    quote = quote_add_seats(
        sub, seats, day, policy=OPEN, convention=stripe.CONVENTION, minor_units=stripe.MINOR_UNITS
    )
    invoice = json.loads(json.dumps(stripe.preview_stripe(quote)))
    assert stripe.prorations_from_stripe(invoice) == quote.total
    (line,) = invoice["lines"]["data"]
    assert line["quantity"] == seats
    assert line["period"]["end"] == stripe.subscription_to_stripe(sub)["current_period_end"]


@given(
    subscriptions_with_day(), st.integers(1, 50), st.sampled_from([chargebee.CONVENTION, CHARGEBEE])
)
def test_chargebee_preview_carries_the_quote(case, seats, convention):
    sub, day = case
    assume(sub.unit_price.is_rounded(minor_units=chargebee.MINOR_UNITS))  # a price Chargebee holds
    quote = quote_add_seats(
        sub, seats, day, policy=OPEN, convention=convention, minor_units=chargebee.MINOR_UNITS
    )
    estimate = json.loads(json.dumps(chargebee.preview_chargebee(quote)))
    assert chargebee.charges_from_chargebee(estimate) == quote.total


@given(subscriptions_with_day(), st.integers(1, 50))
def test_lago_preview_carries_the_quote(case, seats):
    sub, day = case
    quote = quote_add_seats(sub, seats, day, policy=OPEN, convention=lago.CONVENTION)
    fee = json.loads(json.dumps(lago.preview_lago(quote)))
    assert lago.fees_from_lago(fee) == quote.total
    last_day = (sub.term_end - dt.timedelta(days=1)).isoformat()
    assert fee["fee"]["to_date"] == f"{last_day}T23:59:59Z"


# -- hostile values: a SeatcalcError naming the field, never a builtin exception --------------


def stripe_price_without_unit_amount(decimal_text):
    data = fixture("stripe_subscription.json")
    price = data["items"]["data"][0]["price"]
    price["unit_amount"] = None
    price["unit_amount_decimal"] = decimal_text
    return data


@pytest.mark.parametrize("text", ["ten", "1,000", "\u0661\u0662\u0663"])
def test_a_malformed_decimal_string_leaves_the_callers_context_alone(text):
    # Decimal() would read the text in the caller's context: with InvalidOperation untrapped it
    # answers NaN and sets the caller's flag; Arabic-Indic digits it would read as 123.
    with decimal.localcontext() as context:
        context.traps[decimal.InvalidOperation] = False
        context.clear_flags()
        error = refused(stripe.subscription_from_stripe, stripe_price_without_unit_amount(text))
        assert not any(context.flags.values())
    assert (error.field, error.code) == (
        "items.data[0].price.unit_amount_decimal",
        "INVALID_NUMBER",
    )


@pytest.mark.parametrize("text", ["1e999999999", "1" * 85, "1." + "1" * 100, "1e-999999999"])
def test_stripe_decimal_amount_beyond_exact_arithmetic_names_its_field(text):
    error = refused(stripe.subscription_from_stripe, stripe_price_without_unit_amount(text))
    assert error.field == "items.data[0].price.unit_amount_decimal"


@pytest.mark.parametrize(
    ("value", "end"),
    [
        (253_402_300_799, True),  # 9999-12-31T23:59:59Z: the next midnight is year 10000
        ("9999-12-31T23:59:59Z", True),
        ("0001-01-01T00:30:00+01:00", False),  # 0000-12-31 in UTC
        ("9999-12-31T23:30:00-01:00", False),  # 10000-01-01 in UTC
    ],
)
def test_instants_whose_utc_day_leaves_the_calendar_are_refused(value, end):
    with pytest.raises(SeatcalcError) as caught:
        read_day(value, "f", end=end)
    assert (caught.value.field, caught.value.code) == ("f", "DATE_OUT_OF_RANGE")


def test_lago_period_ending_at_the_calendar_end_names_its_field():
    data = fixture("lago_subscription.json")
    data["subscription"]["current_billing_period_ending_at"] = "9999-12-31T23:59:59Z"
    error = refused(lago.subscription_from_lago, data)
    assert error.field == "subscription.current_billing_period_ending_at"
    data["subscription"]["current_billing_period_ending_at"] = "0001-01-01T00:30:00+01:00"
    assert refused(lago.subscription_from_lago, data).field == (
        "subscription.current_billing_period_ending_at"
    )


@pytest.mark.parametrize("units", ["1e30", "1e300000", "1" * 31, "1e999999999"])
def test_lago_refuses_a_seat_count_beyond_any_engine(units):
    data = fixture("lago_subscription.json")
    data["subscription"]["plan"]["fixed_charges"][0]["units"] = units
    error = refused(lago.subscription_from_lago, data)
    assert (error.field, error.code) == ("subscription.plan.fixed_charges[0].units", "OUT_OF_RANGE")


def test_lago_reads_a_large_seat_count_written_with_an_exponent():
    data = fixture("lago_subscription.json")
    data["subscription"]["plan"]["fixed_charges"][0]["units"] = "1.5e3"
    assert lago.subscription_from_lago(data).seats == 1500


@pytest.mark.parametrize(("currency", "amount"), [("isk", 150), ("kwd", 1235), ("isk", -50)])
def test_stripe_prorations_refuse_amounts_stripe_cannot_charge(currency, amount):
    invoice = {"currency": currency, "lines": {"data": [{"amount": amount, "proration": True}]}}
    error = refused(stripe.prorations_from_stripe, invoice)
    assert (error.field, error.code) == ("lines.data[0].amount", "NOT_ROUNDED")


@pytest.mark.parametrize(
    ("currency", "amount", "expected"),
    [("isk", 15000, Money("150", "ISK")), ("kwd", 1230, Money("1.230", "KWD"))],
)
def test_stripe_prorations_read_amounts_on_stripes_grid(currency, amount, expected):
    invoice = {"currency": currency, "lines": {"data": [{"amount": amount, "proration": True}]}}
    assert stripe.prorations_from_stripe(invoice) == expected


def test_stripe_negative_decimal_amount_names_the_decimal_field():
    data = stripe_price_without_unit_amount("-100")
    error = refused(stripe.subscription_from_stripe, data, country="US")
    assert error.field == "items.data[0].price.unit_amount_decimal"


# -- the engines' minor units ----------------------------------------------------------------


def chargebee_in(currency, unit_price):
    data = fixture("chargebee_subscription.json")
    data["subscription"]["currency_code"] = currency
    data["subscription"]["subscription_items"][0]["unit_price"] = unit_price
    return data


@pytest.mark.parametrize(
    ("currency", "unit_price", "expected"),
    [
        ("HUF", 120000, "1200.00"),  # CLDR writes HUF without decimals; Chargebee does not
        ("IDR", 120000, "1200.00"),
        ("COP", 120000, "1200.00"),
        ("KWD", 120000, "1200.00"),  # three decimals in ISO 4217, hundredths in Chargebee
        ("JPY", 120000, "120000"),  # zero-decimal in Chargebee
        ("EUR", 120000, "1200.00"),
    ],
)
def test_chargebee_amounts_are_in_chargebees_minor_units(currency, unit_price, expected):
    sub = chargebee.subscription_from_chargebee(chargebee_in(currency, unit_price))
    assert sub.unit_price == Money(expected, currency)
    back = chargebee.subscription_to_chargebee(sub)
    assert back["subscription"]["subscription_items"][0]["unit_price"] == unit_price


def test_chargebee_estimate_of_a_forint_quote_counts_hundredths():
    sub = chargebee.subscription_from_chargebee(chargebee_in("HUF", 120000))
    quote = quote_add_seats(
        sub, 1, dt.date(2021, 2, 20), policy=OPEN, minor_units=chargebee.MINOR_UNITS
    )
    estimate = chargebee.preview_chargebee(quote)
    amount = estimate["estimate"]["invoice_estimate"]["total"]
    assert amount == quote.total.to_minor(minor_units=chargebee.MINOR_UNITS)
    assert chargebee.charges_from_chargebee(estimate) == quote.total
    assert Money.from_minor(amount, "HUF", minor_units="iso4217") == quote.total


@pytest.mark.parametrize(
    ("currency", "cents", "expected"),
    [
        ("HUF", 120000, "1200.00"),
        ("IDR", 120000, "1200.00"),
        ("JPY", 1200, "1200"),
        ("KWD", 1200, "1.200"),
        ("USD", 120986, "1209.86"),
    ],
)
def test_lago_fees_are_in_iso_4217_minor_units(currency, cents, expected):
    fee = {"fee": {"amount_cents": cents, "amount_currency": currency}}
    assert lago.fees_from_lago(fee) == Money(expected, currency)


# -- properties: any JSON value in any field is refused with a SeatcalcError or read ----------

#: Values at the edges of what the readers convert: huge exponents, the calendar's ends.
EDGE_VALUES = st.sampled_from(
    [
        *(None, "1e999999999", "1e300000", "1" * 90, "-1", "NaN", "2026-02-30", "month"),
        *("9999-12-31T23:59:59Z", "0001-01-01T00:30:00+01:00", 253_402_300_799, -62_135_596_800),
        *(2**63, -1, 0, 1.5, True, "HUF", "isk", "non_renewing", "yearly", [], {}),
    ]
)
json_values = st.one_of(
    EDGE_VALUES,
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=12),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=6,
    ),
)


def json_paths(value, path=()):
    """Every path to a value inside a JSON document (the document itself excluded)."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, inner in items:
        yield (*path, key)
        yield from json_paths(inner, (*path, key))


def replaced(document, path, value, *, delete=False):
    document = copy.deepcopy(document)
    target = document
    for key in path[:-1]:
        target = target[key]
    if delete and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


SEATS = Subscription(
    seats=5,
    unit_price=Money("1200.00", "USD"),
    term_start=dt.date(2026, 1, 1),
    term_end=dt.date(2027, 1, 1),
    country="US",
    product="seat",
    plan="team",
)
STRIPE_DECIMAL = stripe.subscription_to_stripe(SEATS)
STRIPE_DECIMAL["items"]["data"][0]["price"]["unit_amount"] = None  # the price from the decimal
DOCUMENTS = {
    "stripe": (stripe.subscription_to_stripe(SEATS), stripe.subscription_from_stripe),
    "stripe-decimal": (STRIPE_DECIMAL, stripe.subscription_from_stripe),
    "chargebee": (
        chargebee.subscription_to_chargebee(SEATS),
        chargebee.subscription_from_chargebee,
    ),
    "lago": (lago.subscription_to_lago(SEATS), lago.subscription_from_lago),
}
FIELDS = [
    pytest.param(engine, path, id=f"{engine}:{'.'.join(map(str, path))}")
    for engine, (document, _read) in DOCUMENTS.items()
    for path in json_paths(json.loads(json.dumps(document)))
]


@pytest.mark.parametrize(("engine", "path"), FIELDS)
@given(value=json_values, delete=st.booleans())
def test_any_json_value_in_any_field_is_read_or_refused_with_a_seatcalc_error(
    engine, path, value, delete
):
    document, read = DOCUMENTS[engine]
    changed = replaced(json.loads(json.dumps(document)), path, value, delete=delete)
    try:
        result = read(changed)
    except SeatcalcError:
        return
    assert isinstance(result, Subscription)

"""Subscription: construction, defaults, validation and the dict form."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given

from seatcalc import InvalidTypeError, InvalidValueError, Money, SeatcalcError, Subscription
from strategies import subscriptions

USD = Money("1200.00", "USD")


def make(**changes):
    fields = {
        "seats": 5,
        "unit_price": USD,
        "term_start": dt.date(2026, 1, 1),
        "term_end": dt.date(2027, 1, 1),
        "country": "US",
    }
    fields.update(changes)
    return Subscription(**fields)


def test_defaults_follow_the_spec():
    sub = make()
    assert sub.anchor == sub.term_start == sub.purchased_on == dt.date(2026, 1, 1)
    assert (sub.channel, sub.period_months, sub.auto_renew) == ("direct", 12, True)
    assert (sub.product, sub.plan, sub.currency) == ("", "", "USD")


def test_a_clamped_term_needs_its_anchor():
    # Monthly from Jan 31: the term starting on the clamped Feb 29 ends on Mar 31.
    sub = make(
        term_start=dt.date(2024, 2, 29),
        term_end=dt.date(2024, 3, 31),
        anchor=dt.date(2024, 1, 31),
        period_months=1,
    )
    assert sub.anchor == dt.date(2024, 1, 31)
    with pytest.raises(InvalidValueError, match="pass anchor="):
        make(term_start=dt.date(2024, 2, 29), term_end=dt.date(2024, 3, 31), period_months=1)


def test_term_start_may_be_off_grid_but_term_end_may_not():
    # A term extended to 2027-03-01 to align with another subscription: start stays.
    sub = make(term_end=dt.date(2027, 3, 1), anchor=dt.date(2026, 3, 1))
    assert sub.term_end == dt.date(2027, 3, 1)
    with pytest.raises(InvalidValueError, match=r"nearest are 2026-01-01 and 2027-01-01"):
        make(term_end=dt.date(2026, 12, 15))


@pytest.mark.parametrize(
    ("changes", "error", "pattern"),
    [
        ({"seats": 0}, InvalidValueError, "seats: got 0; expected an int >= 1"),
        ({"seats": -3}, InvalidValueError, "seats: got -3"),
        ({"seats": True}, InvalidTypeError, "seats: got True"),
        ({"seats": 2.0}, InvalidTypeError, r"seats: got 2.0 \(float\)"),
        ({"unit_price": "1200.00"}, InvalidTypeError, "unit_price: got '1200.00'"),
        ({"unit_price": Money("-1", "USD")}, InvalidValueError, "unit_price: got Money"),
        ({"term_start": "2026-01-01"}, InvalidTypeError, "term_start: got '2026-01-01'"),
        (
            {"term_start": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
            InvalidTypeError,
            "term_start: got the datetime",
        ),
        ({"term_end": dt.date(2026, 1, 1)}, InvalidValueError, "not after term_start"),
        ({"term_end": dt.date(2025, 1, 1)}, InvalidValueError, "not after term_start"),
        ({"country": "XY"}, InvalidValueError, "country: got 'XY'"),
        ({"country": "us"}, InvalidValueError, "did you mean 'US'"),
        ({"country": "EU"}, InvalidValueError, "country: got 'EU'"),
        ({"country": "USA"}, InvalidValueError, "country: got 'USA'"),
        ({"country": None}, InvalidTypeError, "country: got None"),
        ({"channel": "partner"}, InvalidValueError, "channel: got 'partner'"),
        ({"channel": 1}, InvalidTypeError, "channel: got 1"),
        ({"period_months": 0}, InvalidValueError, "period_months: got 0"),
        ({"period_months": 121}, InvalidValueError, "period_months: got 121"),
        ({"auto_renew": "yes"}, InvalidTypeError, "auto_renew: got 'yes'"),
        ({"purchased_on": dt.date(2027, 1, 1)}, InvalidValueError, "purchased_on: got"),
        ({"plan": None}, InvalidTypeError, "plan: got None"),
    ],
)
def test_bad_fields_name_the_field_and_the_value(changes, error, pattern):
    with pytest.raises(error, match=pattern) as caught:
        make(**changes)
    assert isinstance(caught.value, SeatcalcError)


def test_from_dict_refuses_unknown_keys_and_bad_dates():
    data = make().to_dict()
    with pytest.raises(InvalidValueError, match=r"unexpected \['colour'\]"):
        Subscription.from_dict({**data, "colour": "red"})
    with pytest.raises(InvalidValueError, match="term_start: got '2026-1-1'"):
        Subscription.from_dict({**data, "term_start": "2026-1-1"})
    minimal = {key: data[key] for key in ("seats", "unit_price", "term_start", "term_end")}
    assert Subscription.from_dict({**minimal, "country": "US"}) == make()


@given(subscriptions())
def test_dict_round_trip_through_json_is_identity(sub):
    assert Subscription.from_dict(json.loads(json.dumps(sub.to_dict()))) == sub


@given(subscriptions())
def test_generated_terms_are_one_period_on_the_grid(sub):
    assert sub.term_start < sub.term_end
    assert sub.is_active_on(sub.term_start)
    assert not sub.is_active_on(sub.term_end)


def test_the_country_and_channel_checks_are_still_read_from_seatcalc_subscription():
    from seatcalc import CHANNELS, subscription  # noqa: PLC0415 - the module itself is tested

    assert subscription.CHANNELS is CHANNELS == ("direct", "reseller")
    assert all(hasattr(subscription, name) for name in subscription.__all__)
    assert subscription.check_country("FR") == "FR"
    assert subscription.check_channel("reseller") == "reseller"
    with pytest.raises(InvalidValueError, match=r"did you mean 'FR'\?"):
        subscription.check_country("fr")

"""Lifecycle states of a term that is not renewed: worked examples and bad input."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from seatcalc import (
    DEFAULT_LIFECYCLE,
    InvalidTypeError,
    InvalidValueError,
    LifecyclePolicy,
    LifecycleState,
    LifecycleStatus,
    Money,
    OutsideTermError,
    Subscription,
    lifecycle_state,
    status_changes,
    status_on,
)

D = dt.date
A = LifecycleStatus


def make(**changes):
    fields = {
        "seats": 5,
        "unit_price": Money("1200.00", "USD"),
        "term_start": D(2026, 1, 1),
        "term_end": D(2027, 1, 1),
        "country": "US",
    }
    fields.update(changes)
    return Subscription(**fields)


ANNUAL = make()
MONTHLY = make(term_start=D(2026, 1, 31), term_end=D(2026, 2, 28), period_months=1)
THREE_YEAR = make(term_end=D(2029, 1, 1), period_months=36)


def test_the_defaults_are_the_vendors():
    assert LifecyclePolicy() == DEFAULT_LIFECYCLE
    assert DEFAULT_LIFECYCLE.to_dict() == {
        "renewal_window_days": 90,
        "expired_days": 15,
        "suspended_days": 30,
        "suspended_days_monthly": 15,
    }
    assert [DEFAULT_LIFECYCLE.suspended_days_for(n) for n in (1, 3, 11, 12, 24, 36)] == [
        15,
        15,
        15,
        30,
        30,
        30,
    ]


@pytest.mark.parametrize(
    ("day", "status"),
    [
        # Term end 2027-01-01; 90 days before it is 2026-10-03 (Oct 3 + 29 + 30 + 31 days).
        (D(2026, 1, 1), A.ACTIVE),
        (D(2026, 10, 2), A.ACTIVE),
        (D(2026, 10, 3), A.RENEWAL_WINDOW),
        (D(2026, 12, 31), A.RENEWAL_WINDOW),
        (D(2027, 1, 1), A.EXPIRED),
        (D(2027, 1, 15), A.EXPIRED),
        (D(2027, 1, 16), A.SUSPENDED),  # term end + 15 days
        (D(2027, 2, 14), A.SUSPENDED),
        (D(2027, 2, 15), A.CANCELLED),  # term end + 15 + 30 = 45 days
        (D(2040, 1, 1), A.CANCELLED),
    ],
)
def test_annual_term_boundaries(day, status):
    assert status_on(ANNUAL, day) is status


@pytest.mark.parametrize(
    ("day", "status"),
    [
        # A monthly term is shorter than the 90-day window: renewable from its first day.
        (D(2026, 1, 31), A.RENEWAL_WINDOW),
        (D(2026, 2, 27), A.RENEWAL_WINDOW),
        (D(2026, 2, 28), A.EXPIRED),
        (D(2026, 3, 15), A.SUSPENDED),  # Feb 28 + 15 days
        (D(2026, 3, 29), A.SUSPENDED),
        (D(2026, 3, 30), A.CANCELLED),  # Feb 28 + 15 + 15 = 30 days
    ],
)
def test_monthly_term_boundaries(day, status):
    assert status_on(MONTHLY, day) is status


def test_status_changes_list_each_first_day():
    assert status_changes(THREE_YEAR) == (
        (A.ACTIVE, D(2026, 1, 1)),
        (A.RENEWAL_WINDOW, D(2028, 10, 3)),  # 2028 is a leap year, the window is still 90 days
        (A.EXPIRED, D(2029, 1, 1)),
        (A.SUSPENDED, D(2029, 1, 16)),
        (A.CANCELLED, D(2029, 2, 15)),
    )
    assert status_changes(MONTHLY)[0] == (A.RENEWAL_WINDOW, D(2026, 1, 31))


def test_a_state_of_zero_days_is_skipped():
    policy = LifecyclePolicy(renewal_window_days=0, expired_days=0, suspended_days=0)
    assert status_changes(ANNUAL, policy=policy) == (
        (A.ACTIVE, D(2026, 1, 1)),
        (A.CANCELLED, D(2027, 1, 1)),
    )
    assert status_on(ANNUAL, D(2026, 12, 31), policy=policy) is A.ACTIVE
    assert status_on(ANNUAL, D(2027, 1, 1), policy=policy) is A.CANCELLED


def test_statuses_are_plain_strings_in_order():
    assert [str(status) for status in A] == [
        "ACTIVE",
        "RENEWAL_WINDOW",
        "EXPIRED",
        "SUSPENDED",
        "CANCELLED",
    ]
    assert A("EXPIRED") is A.EXPIRED


def test_days_before_the_term_are_refused():
    with pytest.raises(OutsideTermError, match="on: got 2025-12-31, which is before the term"):
        status_on(ANNUAL, D(2025, 12, 31))


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "pattern"),
    [
        ((ANNUAL, "2026-05-05"), {}, InvalidTypeError, "on: got '2026-05-05'"),
        ((ANNUAL, dt.datetime(2026, 5, 5, tzinfo=dt.UTC)), {}, InvalidTypeError, "on: got the"),
        ((None, D(2026, 5, 5)), {}, InvalidTypeError, "subscription: got None"),
        ((ANNUAL, D(2026, 5, 5)), {"policy": {}}, InvalidTypeError, "policy: got {}"),
    ],
)
def test_status_on_refuses_bad_input(args, kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        status_on(*args, **kwargs)


@pytest.mark.parametrize(
    ("changes", "error", "pattern"),
    [
        ({"expired_days": -1}, InvalidValueError, "expired_days: got -1"),
        ({"suspended_days": True}, InvalidTypeError, "suspended_days: got True"),
        ({"renewal_window_days": 90.0}, InvalidTypeError, "renewal_window_days: got 90.0"),
        ({"suspended_days_monthly": 4000}, InvalidValueError, "suspended_days_monthly: got 4000"),
    ],
)
def test_policy_refuses_bad_durations(changes, error, pattern):
    with pytest.raises(error, match=pattern):
        LifecyclePolicy(**changes)


def test_policy_dict_form():
    policy = LifecyclePolicy(renewal_window_days=30, suspended_days_monthly=7)
    assert LifecyclePolicy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy
    assert LifecyclePolicy.from_dict({"expired_days": 20}) == LifecyclePolicy(expired_days=20)
    with pytest.raises(InvalidValueError, match=r"unexpected \['grace_days'\]"):
        LifecyclePolicy.from_dict({"grace_days": 3})
    with pytest.raises(InvalidTypeError, match=r"period_months: got 0\.5"):
        policy.suspended_days_for(0.5)


def test_status_changes_at_the_end_of_the_calendar():
    last = make(term_start=D(9998, 12, 31), term_end=D(9999, 12, 31), anchor=D(9997, 12, 31))
    assert status_on(last, D(9999, 12, 31)) is A.EXPIRED
    with pytest.raises(
        InvalidValueError,
        match=r"subscription.term_end: got 9999-12-31, after which the suspended state",
    ):
        status_changes(last)


# -- the state on a day -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subscription", "day", "state"),
    [
        # Annual: the window opens 90 days before 2027-01-01, on 2026-10-03.
        (ANNUAL, D(2026, 5, 1), (A.ACTIVE, D(2026, 1, 1), D(2026, 10, 3), A.RENEWAL_WINDOW)),
        (ANNUAL, D(2026, 10, 3), (A.RENEWAL_WINDOW, D(2026, 10, 3), D(2027, 1, 1), A.EXPIRED)),
        (ANNUAL, D(2027, 1, 1), (A.EXPIRED, D(2027, 1, 1), D(2027, 1, 16), A.SUSPENDED)),
        (ANNUAL, D(2027, 2, 14), (A.SUSPENDED, D(2027, 1, 16), D(2027, 2, 15), A.CANCELLED)),
        (ANNUAL, D(2040, 1, 1), (A.CANCELLED, D(2027, 2, 15), None, None)),
        # Monthly: renewable from its first day; suspended 15 days from Mar 15.
        (MONTHLY, D(2026, 2, 1), (A.RENEWAL_WINDOW, D(2026, 1, 31), D(2026, 2, 28), A.EXPIRED)),
        (MONTHLY, D(2026, 3, 29), (A.SUSPENDED, D(2026, 3, 15), D(2026, 3, 30), A.CANCELLED)),
    ],
)
def test_the_state_on_a_day(subscription, day, state):
    found = lifecycle_state(subscription, day)
    assert (found.status, found.since, found.until, found.next_status) == state
    assert (found.on, found.term_end) == (day, subscription.term_end)
    assert found.status is status_on(subscription, day)
    assert LifecycleState.from_dict(json.loads(json.dumps(found.to_dict()))) == found


def test_the_state_skips_states_of_zero_days():
    policy = LifecyclePolicy(renewal_window_days=0, expired_days=0, suspended_days=0)
    state = lifecycle_state(ANNUAL, D(2026, 12, 31), policy=policy)
    assert (state.status, state.until, state.next_status) == (A.ACTIVE, D(2027, 1, 1), A.CANCELLED)
    assert state.explain("en").splitlines()[2] == (
        "Next status: cancelled, from January 1, 2027, in 1 day"
    )


def test_the_state_dict_form():
    state = lifecycle_state(ANNUAL, D(2026, 11, 2))
    assert state.to_dict() == {
        "status": "RENEWAL_WINDOW",
        "on": "2026-11-02",
        "since": "2026-10-03",
        "until": "2027-01-01",
        "next_status": "EXPIRED",
        "term_end": "2027-01-01",
    }
    cancelled = lifecycle_state(ANNUAL, D(2030, 1, 1)).to_dict()
    assert (cancelled["until"], cancelled["next_status"]) == (None, None)


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"status": "EXPIRED"}, "on", "a day on or after term_end 2027-01-01"),
        ({"since": "2026-11-03"}, "since", "a day on or before on 2026-11-02"),
        ({"next_status": "ACTIVE"}, "next_status", "a status that comes after RENEWAL_WINDOW"),
        ({"next_status": None}, "next_status", "None exactly when the status is CANCELLED"),
        ({"until": None}, "until", "None exactly when next_status is None"),
        ({"until": "2026-11-02"}, "until", "a day after on 2026-11-02"),
        ({"until": "2026-12-01"}, "until", "a day equal to term_end 2027-01-01"),
        ({"term_end": "2026-11-01"}, "on", "a day before term_end 2026-11-01"),
    ],
)
def test_a_state_whose_facts_contradict_is_refused(change, field, expected):
    data = lifecycle_state(ANNUAL, D(2026, 11, 2)).to_dict() | change
    with pytest.raises(InvalidValueError) as caught:
        LifecycleState.from_dict(data)
    assert (caught.value.field, caught.value.expected) == (field, expected)
    assert caught.value.code == "INCONSISTENT"


def test_a_state_refuses_what_it_cannot_read():
    data = lifecycle_state(ANNUAL, D(2026, 11, 2)).to_dict()
    with pytest.raises(InvalidValueError, match="status: got 'LAPSED'; expected one of"):
        LifecycleState.from_dict({**data, "status": "LAPSED"})
    with pytest.raises(InvalidTypeError, match="next_status: got 3"):
        LifecycleState.from_dict({**data, "next_status": 3})
    with pytest.raises(InvalidValueError, match="until: got '2027-1-1'"):
        LifecycleState.from_dict({**data, "until": "2027-1-1"})
    with pytest.raises(InvalidValueError, match=r"missing \['term_end'\]"):
        LifecycleState.from_dict({k: v for k, v in data.items() if k != "term_end"})


def test_the_state_past_the_end_of_the_calendar_is_refused_as_status_changes_is():
    last = make(term_start=D(9998, 12, 31), term_end=D(9999, 12, 31), anchor=D(9997, 12, 31))
    with pytest.raises(InvalidValueError, match=r"subscription\.term_end: got 9999-12-31"):
        lifecycle_state(last, D(9999, 12, 31))


def test_the_lifecycle_values_are_still_read_from_seatcalc_lifecycle():
    from seatcalc import lifecycle  # noqa: PLC0415 - the module itself is what is tested

    assert (lifecycle.LifecycleState, lifecycle.LifecycleStatus) == (LifecycleState, A)
    assert (lifecycle.LifecyclePolicy, lifecycle.DEFAULT_LIFECYCLE) == (
        LifecyclePolicy,
        DEFAULT_LIFECYCLE,
    )
    assert all(hasattr(lifecycle, name) for name in lifecycle.__all__)


@pytest.mark.parametrize(
    "value",
    [lifecycle_state(ANNUAL, D(2026, 11, 2)), LifecyclePolicy(expired_days=7), A.SUSPENDED],
)
def test_a_pickle_written_before_the_values_moved_still_loads(value):
    # Protocol 0 names the class as text, so the module it was defined in can be put back.
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
    old = pickle.dumps(value, protocol=0).replace(
        b"seatcalc._lifecycle_values", b"seatcalc.lifecycle"
    )
    assert b"seatcalc.lifecycle\n" + type(value).__name__.encode() in old
    assert pickle.loads(old) == value  # noqa: S301 - our own bytes

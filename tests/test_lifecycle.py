"""Lifecycle states of a term that is not renewed: worked examples and bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from seatcalc import (
    DEFAULT_LIFECYCLE,
    InvalidTypeError,
    InvalidValueError,
    LifecyclePolicy,
    LifecycleStatus,
    Money,
    OutsideTermError,
    Subscription,
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

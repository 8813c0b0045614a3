"""Seat-usage reports (R10): worked examples, bad input and properties."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import InvalidTypeError, InvalidValueError, Money, Subscription
from seatcalc.usage import UsageReport, usage_report
from strategies import usage_inputs

SUB = Subscription(
    seats=10,
    unit_price=Money("600.00", "EUR"),
    term_start=dt.date(2026, 1, 1),
    term_end=dt.date(2027, 1, 1),
    country="FR",
)
AS_OF = dt.date(2026, 12, 1)
ASSIGNED = dict.fromkeys(("ana", "ben", "chloe", "dev", "eve", "fay", "gus"), dt.date(2026, 1, 5))


def test_worked_example():
    # 10 seats, 7 assigned; ana and ben seen in the last 30 days (Nov 2 .. Dec 1), chloe on
    # Nov 1 (31 days ago: outside), zed has no seat.
    events = [
        ("ana", dt.date(2026, 12, 1)),
        ("ben", dt.date(2026, 11, 2)),
        ("chloe", dt.date(2026, 11, 1)),
        ("zed", dt.date(2026, 11, 20)),
        ("ana", dt.date(2026, 11, 30)),
    ]
    report = usage_report(SUB, ASSIGNED, events, AS_OF)
    assert (report.purchased, report.assigned, report.unassigned) == (10, 7, 3)
    assert report.active_users == ("ana", "ben")
    assert report.inactive_users == ("chloe", "dev", "eve", "fay", "gus")
    assert report.unassigned_active_users == ("zed",)
    assert report.utilisation == Fraction(2, 10)
    # Keep a seat per assigned user: 7 seats, 3 fewer x 600.00 = 1,800.00 EUR saved.
    assert report.recommended_seats == 7
    assert report.renewal_saving == Money("1800.00", "EUR")
    # Opting in to drop inactive users' seats keeps 2.
    opted = usage_report(SUB, ASSIGNED, events, AS_OF, allow_below_assigned=True)
    assert opted.recommended_seats == 2
    assert opted.renewal_saving == Money("4800.00", "EUR")


def test_never_below_one_seat():
    report = usage_report(SUB, {}, [], AS_OF, allow_below_assigned=True)
    assert report.recommended_seats == 1
    assert report.utilisation == 0


def test_over_assignment_is_reported_not_hidden():
    many = {f"u{n}": dt.date(2026, 2, 1) for n in range(12)}
    report = usage_report(SUB, many, [], AS_OF)
    assert (report.assigned, report.unassigned, report.over_assigned) == (12, 0, 2)
    assert report.recommended_seats == 10


def test_html_table():
    html = usage_report(SUB, ASSIGNED, [], AS_OF)._repr_html_()
    assert "<th>Recommended seats at renewal</th><td>7, one for each assigned user" in html
    assert "<th>Renewal saving</th><td>3 × €600.00 = €1,800.00</td>" in html


@pytest.mark.parametrize(
    ("args", "error", "pattern"),
    [
        (("x", {}, [], AS_OF), InvalidTypeError, "subscription: got 'x'"),
        ((SUB, [], [], AS_OF), InvalidTypeError, "assignments: got"),
        ((SUB, {"a": "2026-01-01"}, [], AS_OF), InvalidTypeError, r"assignments.a: got"),
        ((SUB, {"": AS_OF}, [], AS_OF), InvalidValueError, "expected a user name, a non-empty str"),
        ((SUB, {}, [("a",)], AS_OF), InvalidTypeError, r"events\[0\]: got"),
        (
            (SUB, {}, [(1, AS_OF)], AS_OF),
            InvalidTypeError,
            r"events\[0\]: got 1; expected a user name",
        ),
        (
            (SUB, {}, [("a", AS_OF + dt.timedelta(days=1))], AS_OF),
            InvalidValueError,
            "after the day of the report",
        ),
        ((SUB, {}, [], dt.datetime(2026, 1, 1)), InvalidTypeError, "on: got the datetime"),  # noqa: DTZ001
    ],
)
def test_bad_input(args, error, pattern):
    with pytest.raises(error, match=pattern):
        usage_report(*args)


def test_bad_window():
    with pytest.raises(InvalidValueError, match="window_days: got 0"):
        usage_report(SUB, {}, [], AS_OF, window_days=0)


@given(usage_inputs(), st.integers(1, 120), st.booleans())
def test_report_properties(inputs, window, opt_in):
    sub, assignments, events, as_of = inputs
    report = usage_report(
        sub, assignments, events, as_of, window_days=window, allow_below_assigned=opt_in
    )
    assert 1 <= report.recommended_seats <= report.purchased == sub.seats
    assert 0 <= report.utilisation <= 1
    assert set(report.active_users) | set(report.inactive_users) == set(assignments)
    assert not set(report.active_users) & set(report.inactive_users)
    assert report.unassigned - report.over_assigned == sub.seats - len(assignments)
    assert report.renewal_saving == sub.unit_price * (sub.seats - report.recommended_seats)
    if not opt_in:
        assert report.recommended_seats >= min(sub.seats, len(assignments))
    expected_active = {
        user for user, day in events if user in assignments and (as_of - day).days < window
    }
    assert set(report.active_users) == expected_active


@given(usage_inputs(), st.randoms(use_true_random=False))
def test_event_order_does_not_matter(inputs, shuffler):
    sub, assignments, events, as_of = inputs
    shuffled = list(events)
    shuffler.shuffle(shuffled)
    assert usage_report(sub, assignments, shuffled, as_of) == usage_report(
        sub, assignments, events, as_of
    )


@given(usage_inputs())
def test_opting_in_never_keeps_more_seats(inputs):
    sub, assignments, events, as_of = inputs
    default = usage_report(sub, assignments, events, as_of)
    opted = usage_report(sub, assignments, events, as_of, allow_below_assigned=True)
    assert opted.recommended_seats <= default.recommended_seats


@given(usage_inputs())
def test_dict_round_trip_is_identity(inputs):
    report = usage_report(*inputs)
    assert UsageReport.from_dict(json.loads(json.dumps(report.to_dict()))) == report

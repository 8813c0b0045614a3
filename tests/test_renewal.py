"""Renewal dates, co-terming, seat reductions and renew(): worked examples and bad input."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from seatcalc import (
    Decision,
    InvalidTypeError,
    InvalidValueError,
    Money,
    OutsideTermError,
    RemovalReason,
    SeatcalcError,
    SeatReduction,
    Subscription,
    Term,
    can_remove_seats,
    coterm_end,
    next_renewal,
    renew,
    renewal_dates,
    schedule_seat_reduction,
    term_containing,
)

D = dt.date
USD = Money("1200.00", "USD")


def make(**changes):
    fields = {
        "seats": 5,
        "unit_price": USD,
        "term_start": D(2026, 1, 1),
        "term_end": D(2027, 1, 1),
        "country": "US",
    }
    fields.update(changes)
    return Subscription(**fields)


def iso(dates):
    return [day.isoformat() for day in dates]


# -- renewal dates ------------------------------------------------------------------------


def test_jan_31_monthly_across_a_leap_year_keeps_the_31st():
    # Each date is Jan 31 + k months, clamped: 29 days in Feb 2024, 28 in Feb 2025.
    assert iso(renewal_dates(D(2024, 1, 31), 1, 13)) == [
        "2024-02-29",
        "2024-03-31",
        "2024-04-30",
        "2024-05-31",
        "2024-06-30",
        "2024-07-31",
        "2024-08-31",
        "2024-09-30",
        "2024-10-31",
        "2024-11-30",
        "2024-12-31",
        "2025-01-31",
        "2025-02-28",
    ]


def test_chaining_one_month_at_a_time_would_drift():
    # The pitfall the grid avoids: Jan 31 -> Feb 29 -> Mar 29 when stepping from Feb 29.
    chained = D(2024, 1, 31) + relativedelta(months=1) + relativedelta(months=1)
    assert chained == D(2024, 3, 29)
    assert renewal_dates(D(2024, 1, 31), 1, 2)[1] == D(2024, 3, 31)


def test_feb_29_annual_returns_to_feb_29_in_leap_years():
    assert iso(renewal_dates(D(2024, 2, 29), 12, 4)) == [
        "2025-02-28",
        "2026-02-28",
        "2027-02-28",
        "2028-02-29",
    ]


def test_three_year_terms():
    # 36 months from Feb 29, 2024: 2027 and 2030 have no Feb 29; 2036 does.
    assert iso(renewal_dates(D(2024, 2, 29), 36, 4)) == [
        "2027-02-28",
        "2030-02-28",
        "2033-02-28",
        "2036-02-29",
    ]
    assert iso(renewal_dates(D(2023, 8, 31), 36, 1)) == ["2026-08-31"]


def test_other_periods_and_no_dates():
    assert iso(renewal_dates(D(2025, 11, 30), 3, 3)) == ["2026-02-28", "2026-05-30", "2026-08-30"]
    assert renewal_dates(D(2025, 11, 30), 3, 0) == ()


@pytest.mark.parametrize(
    ("args", "error", "pattern"),
    [
        (("2024-01-31", 1, 2), InvalidTypeError, "anchor: got '2024-01-31'"),
        ((dt.datetime(2024, 1, 31, tzinfo=dt.UTC), 1, 2), InvalidTypeError, "anchor: got the"),
        ((dt.datetime(2024, 1, 31), 1, 2), InvalidTypeError, "anchor: got the datetime"),  # noqa: DTZ001
        ((D(2024, 1, 31), 0, 2), InvalidValueError, "period_months: got 0"),
        ((D(2024, 1, 31), -12, 2), InvalidValueError, "period_months: got -12"),
        ((D(2024, 1, 31), True, 2), InvalidTypeError, "period_months: got True"),
        ((D(2024, 1, 31), 12.0, 2), InvalidTypeError, r"period_months: got 12.0 \(float\)"),
        ((D(2024, 1, 31), 121, 2), InvalidValueError, "period_months: got 121"),
        ((D(2024, 1, 31), 1, -1), InvalidValueError, "count: got -1"),
        ((D(2024, 1, 31), 1, False), InvalidTypeError, "count: got False"),
        ((D(2024, 1, 31), 1, "3"), InvalidTypeError, "count: got '3'"),
        (
            (D(9990, 1, 31), 12, 10),
            InvalidValueError,
            "count: got 10, whose last date would fall after 9999-12-31",
        ),
        ((D(2024, 1, 31), 1, 10**30), InvalidValueError, "count: got 1000000"),
    ],
)
def test_renewal_dates_refuses_bad_input(args, error, pattern):
    with pytest.raises(error, match=pattern) as caught:
        renewal_dates(*args)
    assert isinstance(caught.value, SeatcalcError)


# -- next renewal and the term containing a date ------------------------------------------


MONTHLY_31 = make(
    term_start=D(2024, 2, 29),
    term_end=D(2024, 3, 31),
    anchor=D(2024, 1, 31),
    period_months=1,
    unit_price=Money("30.00", "EUR"),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2024, 2, 29), D(2024, 3, 31)),  # first day of the term
        (D(2024, 3, 30), D(2024, 3, 31)),  # last day of the term
        (D(2024, 3, 31), D(2024, 4, 30)),  # the renewal date itself: the one after it
        (D(2024, 4, 29), D(2024, 4, 30)),
        (D(2025, 2, 28), D(2025, 3, 31)),  # Feb 28, 2025 is on the grid (Jan 31 + 13 months)
        (D(2025, 2, 27), D(2025, 2, 28)),
        (D(2024, 2, 28), D(2024, 2, 29)),  # before the term: the grid as if it had renewed
        (D(2024, 1, 30), D(2024, 1, 31)),  # the anchor itself
        (D(2023, 12, 31), D(2024, 1, 31)),  # before the anchor: the grid runs backwards too
        (D(2023, 11, 30), D(2023, 12, 31)),
    ],
)
def test_next_renewal_on_a_month_end_grid(on, expected):
    assert next_renewal(MONTHLY_31, on) == expected


def test_next_renewal_skips_grid_dates_inside_an_irregular_term():
    # Extended to align with a subscription renewing every Mar 1: the term spans Mar 1, 2026.
    sub = make(term_end=D(2027, 3, 1), anchor=D(2026, 3, 1))
    assert next_renewal(sub, D(2026, 1, 15)) == D(2027, 3, 1)
    assert next_renewal(sub, D(2026, 3, 1)) == D(2027, 3, 1)
    assert next_renewal(sub, D(2027, 3, 1)) == D(2028, 3, 1)
    # Before the term, the grid date Mar 1, 2025 is a renewal date; Mar 1, 2026 is not.
    assert next_renewal(sub, D(2025, 2, 1)) == D(2025, 3, 1)
    assert next_renewal(sub, D(2025, 12, 31)) == D(2027, 3, 1)


def test_next_renewal_at_the_ends_of_the_calendar():
    assert next_renewal(make(), D(1, 1, 1)) == D(2, 1, 1)
    with pytest.raises(
        InvalidValueError,
        match="on: got 9999-12-31, whose next renewal date would fall after 9999-12-31",
    ):
        next_renewal(make(), D(9999, 12, 31))


def test_term_containing_the_current_irregular_term_and_the_renewal_terms():
    # A first term bought on Jan 15 on a grid anchored on Jul 1.
    sub = make(term_start=D(2026, 1, 15), term_end=D(2026, 7, 1), anchor=D(2025, 7, 1))
    assert term_containing(sub, D(2026, 1, 15)) == Term(D(2026, 1, 15), D(2026, 7, 1))
    assert term_containing(sub, D(2026, 6, 30)) == Term(D(2026, 1, 15), D(2026, 7, 1))
    assert term_containing(sub, D(2026, 7, 1)) == Term(D(2026, 7, 1), D(2027, 7, 1))
    assert term_containing(sub, D(2029, 6, 30)) == Term(D(2028, 7, 1), D(2029, 7, 1))
    with pytest.raises(OutsideTermError, match="on: got 2026-01-14, which is before the term"):
        term_containing(sub, D(2026, 1, 14))


def test_term_containing_clamps_like_the_grid():
    term = term_containing(MONTHLY_31, D(2025, 2, 10))
    assert term == Term(D(2025, 1, 31), D(2025, 2, 28))
    assert term.days == 28
    assert term.contains(D(2025, 2, 27))
    assert not term.contains(D(2025, 2, 28))


def test_term_value():
    term = Term(D(2024, 1, 31), D(2024, 2, 29))
    assert Term.from_dict(json.loads(json.dumps(term.to_dict()))) == term
    assert term.to_dict() == {"start": "2024-01-31", "end": "2024-02-29"}
    with pytest.raises(InvalidValueError, match="end: got 2024-01-31, which is not after start"):
        Term(D(2024, 1, 31), D(2024, 1, 31))
    with pytest.raises(InvalidTypeError, match="start: got the datetime"):
        Term(dt.datetime(2024, 1, 1, tzinfo=dt.UTC), D(2024, 2, 1))
    with pytest.raises(InvalidTypeError, match="on: got '2024-02-01'"):
        term.contains("2024-02-01")
    with pytest.raises(InvalidValueError, match=r"unexpected \['middle'\]"):
        Term.from_dict({**term.to_dict(), "middle": "2024-02-15"})


# -- co-terming ---------------------------------------------------------------------------


def test_coterm_end_is_the_term_end_on_every_day_of_the_term():
    sub = make()
    days = [D(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    assert {coterm_end(sub, day) for day in days} == {D(2027, 1, 1)}


@pytest.mark.parametrize(
    ("on", "pattern"),
    [
        (D(2025, 12, 31), "on: got 2025-12-31, which is before the term .2026-01-01, 2027-01-01."),
        (D(2027, 1, 1), "on: got 2027-01-01, which is after the term .2026-01-01, 2027-01-01."),
        (D(2030, 5, 5), "expected a date from 2026-01-01 to 2026-12-31"),
    ],
)
def test_coterm_end_outside_the_term_names_the_term(on, pattern):
    with pytest.raises(OutsideTermError, match=pattern) as caught:
        coterm_end(make(), on)
    error = caught.value
    assert (error.field, error.day, error.term_start, error.term_end) == (
        "on",
        on,
        D(2026, 1, 1),
        D(2027, 1, 1),
    )
    assert isinstance(error, InvalidValueError)
    assert isinstance(error, ValueError)
    assert str(pickle.loads(pickle.dumps(error))) == str(error)  # noqa: S301 - our own bytes


class LaterDate(dt.date):
    pass


@pytest.mark.parametrize(
    ("subscription", "on", "error", "pattern"),
    [
        (make(), "2026-05-05", InvalidTypeError, "on: got '2026-05-05'"),
        (make(), dt.datetime(2026, 5, 5, tzinfo=dt.UTC), InvalidTypeError, "on: got the datetime"),
        (make(), dt.datetime(2026, 5, 5), InvalidTypeError, "on: got the datetime"),  # noqa: DTZ001
        (make(), None, InvalidTypeError, "on: got None"),
        (make(), 20260505, InvalidTypeError, "on: got 20260505"),
        (None, D(2026, 5, 5), InvalidTypeError, "subscription: got None"),
        (make().to_dict(), D(2026, 5, 5), InvalidTypeError, "subscription: got {"),
    ],
)
def test_every_date_function_refuses_bad_types(subscription, on, error, pattern):
    for function in (coterm_end, next_renewal, term_containing):
        with pytest.raises(error, match=pattern):
            function(subscription, on)
    for function in (can_remove_seats, schedule_seat_reduction):
        with pytest.raises(error, match=pattern):
            function(subscription, 1, on)


def test_a_date_subclass_is_a_date():
    assert coterm_end(make(), LaterDate(2026, 5, 5)) == D(2027, 1, 1)


# -- no early removal ---------------------------------------------------------------------


def test_a_seat_cannot_be_removed_during_the_term():
    decision = can_remove_seats(make(), 2, D(2026, 5, 20))
    assert decision == Decision(
        allowed=False,
        effective_on=D(2027, 1, 1),
        reason=RemovalReason.BEFORE_TERM_END,
        removing=2,
        seats_held=5,
        on=D(2026, 5, 20),
        term_end=D(2027, 1, 1),
    )
    assert decision.reason == "BEFORE_TERM_END"
    assert decision.seats_after == 3
    assert decision.message() == (
        "2 seats cannot be removed before they expire; the removal can take effect at the "
        "renewal on January 1, 2027, and can be scheduled now."
    )
    assert decision.message("fr_FR") == (
        "2 postes ne peuvent pas être retirés avant leur expiration; le retrait peut prendre "
        "effet au renouvellement du 1 janvier 2027 et peut être planifié dès maintenant."
    )
    one = can_remove_seats(make(), 1, D(2026, 5, 20))
    assert one.message().startswith("1 seat cannot be removed before it expires;")
    assert one.message("fr").startswith("1 poste ne peut pas être retiré avant son expiration;")


def test_without_auto_renewal_the_reason_says_so():
    decision = can_remove_seats(make(auto_renew=False), 1, D(2026, 12, 31))
    assert (decision.allowed, decision.effective_on) == (False, D(2027, 1, 1))
    assert decision.reason is RemovalReason.AUTO_RENEW_OFF
    assert decision.message("en_US") == (
        "1 seat cannot be removed before it expires, and auto-renewal is off: every seat "
        "expires on January 1, 2027, and the seat count is chosen when renewing."
    )
    assert decision.message("de_DE") == (
        "1 Lizenzplatz kann nicht vor seinem Ablauf entfernt werden, und die automatische "
        "Verlängerung ist aus: alle Lizenzplätze laufen am 1. Januar 2027 ab, und die Anzahl der "
        "Lizenzplätze wird bei der Verlängerung gewählt."
    )


def test_on_and_after_the_term_end_the_seats_have_expired():
    for on in (D(2027, 1, 1), D(2027, 2, 1)):
        decision = can_remove_seats(make(), 4, on)
        assert (decision.allowed, decision.effective_on) == (True, on)
        assert decision.reason is RemovalReason.TERM_ENDED
        assert decision.message() == (
            "The term ended on January 1, 2027 and its seats expired; the renewal can keep 1 of "
            "the 5 seats."
        )
        assert decision.message("it").endswith("il rinnovo può mantenerne 1 delle 5 postazioni.")


@pytest.mark.parametrize(
    ("seats", "subscription", "error", "pattern"),
    [
        (0, make(), InvalidValueError, "seats: got 0; expected an int >= 1"),
        (-2, make(), InvalidValueError, "seats: got -2"),
        (True, make(), InvalidTypeError, "seats: got True"),
        (2.0, make(), InvalidTypeError, r"seats: got 2.0 \(float\)"),
        (None, make(), InvalidTypeError, "seats: got None"),
        (5, make(), InvalidValueError, "seats: got 5 seat.s. to remove from a subscription of 5"),
        (9, make(), InvalidValueError, "expected from 1 to 4"),
        (1, make(seats=1), InvalidValueError, "expected none: it has one seat"),
    ],
)
def test_a_reduction_keeps_at_least_one_seat(seats, subscription, error, pattern):
    for function in (can_remove_seats, schedule_seat_reduction):
        with pytest.raises(error, match=pattern):
            function(subscription, seats, D(2026, 5, 20))


def test_removal_questions_before_the_term_are_refused():
    with pytest.raises(OutsideTermError, match="on: got 2025-12-31, which is before the term"):
        can_remove_seats(make(), 1, D(2025, 12, 31))


def test_reductions_asked_on_different_days_land_on_the_renewal_date():
    sub = make()
    early = schedule_seat_reduction(sub, 2, D(2026, 1, 1))
    late = schedule_seat_reduction(sub, 2, D(2026, 12, 31))
    assert early.effective_on == late.effective_on == D(2027, 1, 1)
    assert (early.removed, early.seats_before, early.seats_after) == (2, 5, 3)


def test_a_reduction_is_scheduled_only_during_the_term_and_with_auto_renewal():
    with pytest.raises(OutsideTermError, match="after the term"):
        schedule_seat_reduction(make(), 1, D(2027, 1, 1))
    with pytest.raises(OutsideTermError, match="before the term"):
        schedule_seat_reduction(make(), 1, D(2025, 1, 1))
    with pytest.raises(InvalidValueError, match=r"subscription.auto_renew: got False"):
        schedule_seat_reduction(make(auto_renew=False), 1, D(2026, 5, 20))


def test_decision_and_reduction_values_round_trip_and_validate():
    decision = can_remove_seats(make(), 2, D(2026, 5, 20))
    assert Decision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision
    with pytest.raises(InvalidValueError, match="allowed: got True, which contradicts reason"):
        Decision.from_dict({**decision.to_dict(), "allowed": True})
    with pytest.raises(InvalidValueError, match="reason: got 'LATER'; expected one of"):
        Decision.from_dict({**decision.to_dict(), "reason": "LATER"})
    with pytest.raises(InvalidTypeError, match="reason: got 3"):
        Decision.from_dict({**decision.to_dict(), "reason": 3})
    with pytest.raises(InvalidTypeError, match="allowed: got 'no'"):
        Decision.from_dict({**decision.to_dict(), "allowed": "no"})

    reduction = schedule_seat_reduction(make(), 2, D(2026, 5, 20))
    data = reduction.to_dict()
    assert data == {
        "removed": 2,
        "seats_before": 5,
        "seats_after": 3,
        "requested_on": "2026-05-20",
        "effective_on": "2027-01-01",
    }
    assert SeatReduction.from_dict(json.loads(json.dumps(data))) == reduction
    del data["seats_after"]
    assert SeatReduction.from_dict(data) == reduction
    with pytest.raises(InvalidValueError, match="seats_after: got 4; expected 3"):
        SeatReduction.from_dict({**data, "seats_after": 4})
    with pytest.raises(InvalidValueError, match="removed: got 5; expected from 1 to 4 of 5"):
        SeatReduction.from_dict({**data, "removed": 5})
    with pytest.raises(InvalidValueError, match="effective_on: got 2026-05-20; expected a date"):
        SeatReduction.from_dict({**data, "effective_on": "2026-05-20"})
    with pytest.raises(InvalidTypeError, match="removed: got True"):
        SeatReduction.from_dict({**data, "removed": True})


# -- renew --------------------------------------------------------------------------------


def test_renew_builds_the_next_term_on_the_grid():
    nxt = renew(MONTHLY_31)
    # Term [Feb 29, Mar 31) of a Jan 31 grid: the next is [Mar 31, Apr 30).
    assert (nxt.term_start, nxt.term_end) == (D(2024, 3, 31), D(2024, 4, 30))
    assert (nxt.seats, nxt.unit_price, nxt.anchor) == (5, Money("30.00", "EUR"), D(2024, 1, 31))
    assert nxt.purchased_on == MONTHLY_31.purchased_on


def test_renew_after_an_irregular_term_returns_to_whole_periods():
    sub = make(term_start=D(2026, 1, 15), term_end=D(2026, 7, 1), anchor=D(2025, 7, 1))
    nxt = renew(sub, new_total=8, unit_price=Money("1300.00", "USD"))
    assert (nxt.term_start, nxt.term_end, nxt.seats) == (D(2026, 7, 1), D(2027, 7, 1), 8)
    assert nxt.unit_price == Money("1300.00", "USD")


def test_renew_with_a_scheduled_reduction():
    sub = make()
    reduction = schedule_seat_reduction(sub, 3, D(2026, 8, 8))
    assert renew(sub, reduction=reduction).seats == 2
    nxt = renew(sub)
    with pytest.raises(InvalidValueError, match="reduction: got one effective on 2027-01-01"):
        renew(nxt, reduction=reduction)
    with pytest.raises(InvalidValueError, match="expected new_total= or reduction=, not both"):
        renew(sub, new_total=2, reduction=reduction)
    with pytest.raises(InvalidTypeError, match="reduction: got 3"):
        renew(sub, reduction=3)


@pytest.mark.parametrize(
    ("changes", "error", "pattern"),
    [
        ({"new_total": 0}, InvalidValueError, "new_total: got 0"),
        ({"new_total": True}, InvalidTypeError, "new_total: got True"),
        ({"unit_price": "1300"}, InvalidTypeError, "unit_price: got '1300'"),
        ({"unit_price": Money("-1", "USD")}, InvalidValueError, "unit_price: got Money"),
    ],
)
def test_renew_refuses_bad_input(changes, error, pattern):
    with pytest.raises(error, match=pattern):
        renew(make(), **changes)


def test_renew_at_the_end_of_the_calendar():
    last = make(term_start=D(9998, 12, 31), term_end=D(9999, 12, 31), anchor=D(9997, 12, 31))
    with pytest.raises(
        InvalidValueError, match=r"subscription.term_end: got 9999-12-31, after which the next term"
    ):
        renew(last)
    with pytest.raises(InvalidTypeError, match="subscription: got None"):
        renew(None)


RENEWAL_NAMES = (
    "DEFAULT_LIFECYCLE",
    "Decision",
    "LifecyclePolicy",
    "LifecycleStatus",
    "OutsideTermError",
    "RemovalReason",
    "SeatReduction",
    "Term",
    "can_remove_seats",
    "coterm_end",
    "next_renewal",
    "renew",
    "renewal_dates",
    "schedule_seat_reduction",
    "status_changes",
    "status_on",
    "term_containing",
)


@pytest.mark.parametrize("name", RENEWAL_NAMES)
def test_renewal_names_are_public_and_documented(name):
    import seatcalc  # noqa: PLC0415 - the package itself is what is checked

    api = (Path(__file__).parents[1] / "docs" / "api.rst").read_text(encoding="utf-8")
    assert name in seatcalc.__all__
    assert f":: seatcalc.{name}\n" in api


def test_the_removal_values_and_the_calendar_are_still_read_from_their_modules():
    from seatcalc import removal, renewal  # noqa: PLC0415 - the modules themselves are tested

    assert (removal.Decision, removal.SeatReduction) == (Decision, SeatReduction)
    assert removal.RemovalReason is RemovalReason
    assert (renewal.Term, renewal.next_renewal) == (Term, next_renewal)
    assert (renewal.renewal_dates, renewal.term_containing) == (renewal_dates, term_containing)
    for module in (removal, renewal):
        assert all(hasattr(module, name) for name in module.__all__)


@pytest.mark.parametrize(
    ("value", "private", "public"),
    [
        (
            can_remove_seats(make(), 2, D(2026, 5, 20)),
            b"seatcalc._removal_values",
            b"seatcalc.removal",
        ),
        (
            schedule_seat_reduction(make(), 2, D(2026, 5, 20)),
            b"seatcalc._removal_values",
            b"seatcalc.removal",
        ),
        (Term(D(2026, 1, 1), D(2027, 1, 1)), b"seatcalc._renewal_grid", b"seatcalc.renewal"),
    ],
)
def test_a_pickle_written_before_the_values_moved_still_loads(value, private, public):
    # Protocol 0 names the class as text, so the module it was defined in can be put back.
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
    old = pickle.dumps(value, protocol=0).replace(private, public)
    assert public + b"\n" + type(value).__name__.encode() in old
    assert pickle.loads(old) == value  # noqa: S301 - our own bytes

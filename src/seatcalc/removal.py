"""No early removal: a seat is paid for its whole term, so a reduction waits for the renewal.

A seat cannot be removed before it expires (SPEC R9).  :func:`can_remove_seats` answers the
question for a day with a :class:`Decision`; :func:`schedule_seat_reduction` returns the
:class:`SeatReduction` that takes effect on the renewal date, which
:func:`~seatcalc.renew` applies.  Only a subscription on auto-renewal schedules a reduction
self-service, and a subscription keeps at least one seat (SPEC R12).

The rule is here; the values it answers with, their checks and their data form, live in the
private module ``_removal_values`` and are exported from this one.
"""

from __future__ import annotations

import datetime as dt

from seatcalc._removal_values import Decision, RemovalReason, SeatReduction
from seatcalc._validate import check_count, check_date
from seatcalc.errors import ErrorCode, InvalidValueError, OutsideTermError
from seatcalc.subscription import Subscription, check_subscription, known_terms_only

__all__ = [
    "Decision",
    "RemovalReason",
    "SeatReduction",
    "can_remove_seats",
    "schedule_seat_reduction",
]


def _check_removal(subscription: Subscription, seats: object) -> int:
    """Return ``seats`` if that many seats can be removed while one seat at least is kept."""
    count = check_count(seats, "seats")
    if count >= subscription.seats:
        raise InvalidValueError(
            field="seats",
            value=count,
            got=f"{count} seat(s) to remove from a subscription of {subscription.seats}",
            expected=(
                "none: it has one seat"
                if subscription.seats == 1
                else f"from 1 to {subscription.seats - 1}"
            ),
            hint="a subscription keeps at least one seat; to end it, turn auto-renew off",
            code=ErrorCode.NOT_ALLOWED,
        )
    return count


def can_remove_seats(subscription: Subscription, seats: int, on: dt.date) -> Decision:
    """Say whether ``seats`` seats can be removed on ``on``, and from when.

    A seat cannot be removed before it expires: during the term ``[term_start, term_end)`` the
    answer is no, effective on ``term_end`` (reason ``BEFORE_TERM_END``, or ``AUTO_RENEW_OFF``
    when the subscription does not renew automatically and so cannot schedule the reduction).
    On or after ``term_end`` the term's seats have expired: the answer is yes, effective on
    ``on`` (reason ``TERM_ENDED``).

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> decision = can_remove_seats(sub, 2, dt.date(2026, 5, 20))
    >>> decision.allowed, decision.effective_on, decision.reason
    (False, datetime.date(2027, 1, 1), <RemovalReason.BEFORE_TERM_END: 'BEFORE_TERM_END'>)
    >>> print(decision.message())
    2 seats cannot be removed before they expire; the removal can take effect at the renewal on January 1, 2027, and can be scheduled now.
    >>> print(decision.explain("en_US"))
    Removing 2 seats of 5, asked on May 20, 2026
    Term end: January 1, 2027
    Removal on that day: not allowed
    Earliest effective date: January 1, 2027
    Seats after the removal: 5 - 2 = 3
    Reason code: BEFORE_TERM_END
    Why: 2 seats cannot be removed before they expire; the removal can take effect at the renewal on January 1, 2027, and can be scheduled now.

    Args:
        subscription: the subscription.
        seats: how many seats to remove, from 1 to ``subscription.seats - 1``.
        on: the day asked, on or after ``term_start``.

    Raises:
        InvalidTypeError: a wrong type (a bool is not a count, a ``datetime`` not a date).
        InvalidValueError: ``seats`` is below 1, or would leave no seat.
        OutsideTermError: ``on`` is before ``term_start``.

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    sub = check_subscription(subscription)
    count = _check_removal(sub, seats)
    day = check_date(on, "on")
    if day < sub.term_start:
        raise OutsideTermError(day, sub.term_start, sub.term_end, "on", known_terms_only(sub))
    if day >= sub.term_end:
        allowed, effective_on, reason = True, day, RemovalReason.TERM_ENDED
    else:
        allowed, effective_on = False, sub.term_end
        reason = RemovalReason.BEFORE_TERM_END if sub.auto_renew else RemovalReason.AUTO_RENEW_OFF
    return Decision(
        allowed=allowed,
        effective_on=effective_on,
        reason=reason,
        removing=count,
        seats_held=sub.seats,
        on=day,
        term_end=sub.term_end,
    )


def schedule_seat_reduction(subscription: Subscription, seats: int, on: dt.date) -> SeatReduction:
    """Schedule the removal of ``seats`` seats, asked on ``on``, for the renewal date.

    The reduction takes effect on ``term_end`` whatever day of the term it is asked on, and
    leaves at least one seat.  Only a subscription on auto-renewal can schedule a reduction
    self-service (SPEC R12): for one that does not renew automatically every seat expires at
    the term end, and :func:`renew` takes the new seat count directly.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> reduction = schedule_seat_reduction(sub, 2, dt.date(2026, 5, 20))
    >>> reduction.effective_on, reduction.seats_after
    (datetime.date(2027, 1, 1), 3)

    Raises:
        InvalidTypeError: a wrong type (a bool is not a count, a ``datetime`` not a date).
        InvalidValueError: ``seats`` is below 1 or would leave no seat, or the subscription is
            not on auto-renewal.
        OutsideTermError: ``on`` is not in the current term.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    count = _check_removal(sub, seats)
    day = check_date(on, "on")
    if not sub.term_start <= day < sub.term_end:
        raise OutsideTermError(day, sub.term_start, sub.term_end)
    if not sub.auto_renew:
        raise InvalidValueError(
            field="subscription.auto_renew",
            value=False,
            detail=(
                "got False; only a subscription on auto-renewal can schedule a seat "
                f"reduction (every seat expires on {sub.term_end.isoformat()}; pass seats= to "
                "renew() to renew with fewer)"
            ),
            expected="a subscription on auto-renewal",
            code=ErrorCode.NOT_ALLOWED,
        )
    return SeatReduction(
        removed=count, seats_before=sub.seats, requested_on=day, effective_on=sub.term_end
    )

"""Renewal dates, co-termed end dates, and seat reductions that wait for the renewal.

A subscription renews on its anchor's grid, ``anchor + k * period_months`` months, each date
clamped to its month's last day and always computed from the anchor (never by stepping from a
clamped date, which would drift: Jan 31, Feb 29, Mar 29...).  Terms are half-open,
``[term_start, term_end)``: ``term_end`` is the renewal date, the first day of the next term.

* :func:`renewal_dates` lists the grid; :func:`next_renewal` and :func:`term_containing` place a
  date on it.
* :func:`coterm_end` is the end date of seats added during the term: always ``term_end``.
* :func:`can_remove_seats` and :func:`schedule_seat_reduction` apply "a seat cannot be removed
  before it expires": a reduction takes effect on the renewal date; :func:`renew` builds the next
  term with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Self

import attrs

from seatcalc._validate import (
    bool_field,
    check_count,
    check_date,
    check_keys,
    check_text,
    parse_date,
)
from seatcalc.dates import grid_date, months_between
from seatcalc.errors import (
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    OutsideTermError,
)
from seatcalc.money import Money, check_price
from seatcalc.subscription import MAX_PERIOD_MONTHS, Subscription

__all__ = [
    "Decision",
    "RemovalReason",
    "SeatReduction",
    "Term",
    "can_remove_seats",
    "coterm_end",
    "next_renewal",
    "renew",
    "renewal_dates",
    "schedule_seat_reduction",
    "term_containing",
]


def check_subscription(value: object, field: str = "subscription") -> Subscription:
    """Return ``value`` if it is a :class:`~seatcalc.Subscription`."""
    if not isinstance(value, Subscription):
        raise InvalidTypeError(field=field, value=value, expected="a seatcalc.Subscription")
    return value


def known_terms_only(subscription: Subscription) -> str:
    """Say which dates a question about a subscription's terms accepts (for error messages)."""
    return (
        f"a date on or after term_start {subscription.term_start.isoformat()}: a subscription "
        "knows its current term and the renewal terms that follow it, not the terms before it"
    )


def _first_grid_date_after(anchor: dt.date, period: int, day: dt.date, field: str) -> dt.date:
    """Return the first date ``anchor + k * period`` months (clamped) strictly after ``day``."""
    months = months_between(anchor, day)
    index = months - months % period  # the last multiple of period not after day's month
    try:
        candidate: dt.date | None = grid_date(anchor, index)
    except InvalidValueError:  # before year 1, so before day
        candidate = None
    # The candidate lies in day's month or earlier: if it is after day, the grid date before
    # it lies in an earlier month, so the candidate is the first one; otherwise the next one,
    # in a later month than day's, is.
    if candidate is not None and candidate > day:
        return candidate
    try:
        return grid_date(anchor, index + period)
    except InvalidValueError:
        raise InvalidValueError(
            field=field,
            value=day,
            problem=", whose next renewal date would fall after 9999-12-31",
            expected="a date whose next renewal Python can represent",
            code=ErrorCode.DATE_OUT_OF_RANGE,
        ) from None


def renewal_dates(anchor: dt.date, period_months: int, count: int) -> tuple[dt.date, ...]:
    """Return the ``count`` renewal dates after ``anchor``: ``anchor + k * period_months``.

    Each date is computed from the anchor for ``k = 1 .. count`` and clamped to the last day of
    its month, so a month end never drifts: anchor Jan 31 renews on Feb 29 in a leap year, then
    on Mar 31 again, not Mar 29.

    >>> import datetime as dt
    >>> [d.isoformat() for d in renewal_dates(dt.date(2024, 1, 31), 1, 3)]
    ['2024-02-29', '2024-03-31', '2024-04-30']
    >>> [d.isoformat() for d in renewal_dates(dt.date(2024, 2, 29), 12, 4)]
    ['2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']

    Args:
        anchor: the day renewals keep the day of month of (normally the first term's start).
        period_months: the billing period in months (1, 12, 36, or any from 1 to 120).
        count: how many dates to return (0 gives an empty tuple).

    Raises:
        InvalidTypeError: ``anchor`` is not a date (a ``datetime`` is refused) or a count is
            not an int (a bool is refused).
        InvalidValueError: a count is out of range, or the last date would fall after
            9999-12-31.

    .. versionadded:: 0.1.0
    """
    start = check_date(anchor, "anchor")
    period = check_count(period_months, "period_months", maximum=MAX_PERIOD_MONTHS)
    number = check_count(count, "count", minimum=0)
    if number:  # the last date first: an error, never a partial answer
        try:
            grid_date(start, period * number)
        except InvalidValueError:
            raise InvalidValueError(
                field="count",
                value=number,
                problem=", whose last date would fall after 9999-12-31",
                expected="a count whose renewal dates Python can represent",
                code=ErrorCode.DATE_OUT_OF_RANGE,
            ) from None
    return tuple(grid_date(start, period * k) for k in range(1, number + 1))


def next_renewal(subscription: Subscription, on: dt.date) -> dt.date:
    """Return the first renewal date of ``subscription`` strictly after ``on``.

    The renewal dates are ``term_end`` and the grid dates after it (the terms that follow if
    the subscription keeps renewing), and, before ``term_start``, the grid dates as if the
    subscription had always renewed on its grid.  A grid date strictly inside the current
    term is not a renewal date: an irregular term (extended to align it with another) spans
    it.  So for every ``on`` in ``[term_start, term_end)`` the answer is ``term_end``, and on
    the renewal date itself it is the renewal after it.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=3,
    ...     unit_price=Money("20.00", "EUR"),
    ...     term_start=dt.date(2024, 1, 31),
    ...     term_end=dt.date(2024, 2, 29),
    ...     period_months=1,
    ...     country="DE",
    ... )
    >>> next_renewal(sub, dt.date(2024, 2, 10)), next_renewal(sub, dt.date(2024, 2, 29))
    (datetime.date(2024, 2, 29), datetime.date(2024, 3, 31))

    Args:
        subscription: the subscription whose grid is used.
        on: any date.

    Raises:
        InvalidTypeError: a wrong type (a ``datetime`` is not a date).
        InvalidValueError: the next renewal would fall after 9999-12-31.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    day = on if type(on) is dt.date else check_date(on, "on")
    if sub.term_start <= day < sub.term_end:
        return sub.term_end
    found = _first_grid_date_after(sub.anchor, sub.period_months, day, "on")
    return sub.term_end if sub.term_start < found < sub.term_end else found


@attrs.frozen
class Term:
    """A half-open term ``[start, end)``: ``start`` is its first day, ``end`` the renewal date.

    >>> import datetime as dt
    >>> term = Term(dt.date(2024, 1, 31), dt.date(2024, 2, 29))
    >>> term.days, term.contains(dt.date(2024, 2, 28)), term.contains(dt.date(2024, 2, 29))
    (29, True, False)

    .. versionadded:: 0.1.0
    """

    start: dt.date = attrs.field(validator=lambda _i, _a, value: check_date(value, "start"))
    end: dt.date = attrs.field(validator=lambda _i, _a, value: check_date(value, "end"))

    def __attrs_post_init__(self) -> None:
        """Check that the term is not empty."""
        if self.start >= self.end:
            raise InvalidValueError(
                field="end",
                value=self.end,
                problem=f", which is not after start {self.start.isoformat()}",
                expected="a date after start: a term [start, end) holds at least one day",
                code=ErrorCode.DATE_ORDER,
            )

    @property
    def days(self) -> int:
        """The number of days in the term, ``end - start``."""
        return (self.end - self.start).days

    def contains(self, day: dt.date) -> bool:
        """Say whether ``start <= day < end``."""
        return self.start <= check_date(day, "day") < self.end

    def to_dict(self) -> dict[str, str]:
        """Return ``{"start": ..., "end": ...}`` with ISO 8601 dates."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a term from :meth:`to_dict`'s form."""
        check_keys(data, "Term", ("start", "end"))
        return cls(parse_date(data["start"], "start"), parse_date(data["end"], "end"))


def term_containing(subscription: Subscription, on: dt.date) -> Term:
    """Return the term of ``subscription`` that contains ``on``.

    For ``on`` in the current term this is ``[term_start, term_end)`` itself, even when the
    term is irregular (a first term that starts off the grid, or a term extended to align it
    with another subscription): the term a seat is billed for, not the grid period around it.
    For ``on`` on or after ``term_end`` it is the renewal term that would contain it,
    ``[g_k, g_k+1)`` on the grid.  Dates before ``term_start`` are refused: the terms before
    the current one are not known from the subscription (it may have been aligned, or bought
    part-way through a period).

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=3,
    ...     unit_price=Money("240.00", "USD"),
    ...     term_start=dt.date(2026, 1, 15),
    ...     term_end=dt.date(2026, 7, 1),
    ...     anchor=dt.date(2025, 7, 1),
    ...     country="US",
    ... )
    >>> term_containing(sub, dt.date(2026, 3, 1))
    Term(start=datetime.date(2026, 1, 15), end=datetime.date(2026, 7, 1))
    >>> term_containing(sub, dt.date(2027, 7, 1))
    Term(start=datetime.date(2027, 7, 1), end=datetime.date(2028, 7, 1))

    Raises:
        InvalidTypeError: a wrong type (a ``datetime`` is not a date).
        OutsideTermError: ``on`` is before ``term_start``.
        InvalidValueError: the term would end after 9999-12-31.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    day = check_date(on, "on")
    if day < sub.term_start:
        raise OutsideTermError(day, sub.term_start, sub.term_end, "on", known_terms_only(sub))
    if day < sub.term_end:
        return Term(sub.term_start, sub.term_end)
    end = _first_grid_date_after(sub.anchor, sub.period_months, day, "on")
    return Term(grid_date(sub.anchor, months_between(sub.anchor, end) - sub.period_months), end)


def coterm_end(subscription: Subscription, on: dt.date) -> dt.date:
    """Return the end date of seats added on ``on``: the current term's ``term_end``.

    Added seats are co-termed: every seat of a subscription renews on one date.  ``on`` must lie
    in the current term ``[term_start, term_end)``; on ``term_end`` the term has already ended.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> coterm_end(sub, dt.date(2026, 7, 4))
    datetime.date(2027, 1, 1)
    >>> coterm_end(sub, dt.date(2025, 12, 31))
    Traceback (most recent call last):
    ...
    seatcalc.errors.OutsideTermError: on: got 2025-12-31, which is before the term [2026-01-01, 2027-01-01); expected a date from 2026-01-01 to 2026-12-31

    Raises:
        InvalidTypeError: a wrong type (a ``datetime`` is not a date).
        OutsideTermError: ``on`` is not in the current term.

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    # Called inside every quote: two type checks and two comparisons, no date arithmetic.
    if type(subscription) is not Subscription:
        check_subscription(subscription)
    if type(on) is not dt.date:
        check_date(on, "on")
    if subscription.term_start <= on < subscription.term_end:
        return subscription.term_end
    raise OutsideTermError(on, subscription.term_start, subscription.term_end)


class RemovalReason(StrEnum):
    """Why seats can or cannot be removed on a day; each value equals its name.

    .. versionadded:: 0.1.0
    """

    #: Asked during the term, a seat cannot be removed before it expires; the removal takes
    #: effect on the renewal date and can be scheduled now (:func:`schedule_seat_reduction`).
    BEFORE_TERM_END = "BEFORE_TERM_END"
    #: Asked during the term of a subscription that does not renew automatically, no seat can
    #: be removed before it expires and no reduction can be scheduled self-service; every seat
    #: expires on ``term_end`` and a manual renewal chooses the seat count.
    AUTO_RENEW_OFF = "AUTO_RENEW_OFF"
    #: Asked on or after ``term_end``, the term's seats have expired, so a renewal may keep
    #: fewer.
    TERM_ENDED = "TERM_ENDED"


def _to_reason(value: object) -> RemovalReason:
    """Accept a reason or its code as a plain string (as :meth:`Decision.to_dict` writes it)."""
    if isinstance(value, str) and value in RemovalReason.__members__:
        return RemovalReason[value]
    choices = f"one of {', '.join(repr(reason.value) for reason in RemovalReason)}"
    if not isinstance(value, str):
        raise InvalidTypeError(field="reason", value=value, expected=choices)
    raise InvalidValueError(
        field="reason", value=value, expected=choices, code=ErrorCode.UNKNOWN_CHOICE
    )


@attrs.frozen(kw_only=True)
class Decision:
    """The answer to "can these seats be removed on this day?".

    ``allowed`` says whether the removal can take effect on the day asked; ``effective_on`` is
    the earliest date it can take effect; ``reason`` is a stable code and ``message`` says the
    same in English, with the dates.

    .. versionadded:: 0.1.0
    """

    allowed: bool = attrs.field(validator=bool_field("allowed"))
    effective_on: dt.date = attrs.field(
        validator=lambda _i, _a, value: check_date(value, "effective_on")
    )
    reason: RemovalReason = attrs.field(converter=_to_reason)
    message: str = attrs.field(validator=lambda _i, _a, value: check_text(value, "message"))

    def __attrs_post_init__(self) -> None:
        """Check that ``allowed`` agrees with the reason."""
        if self.allowed != (self.reason is RemovalReason.TERM_ENDED):
            raise InvalidValueError(
                field="allowed",
                value=self.allowed,
                detail=(
                    f"got {self.allowed!r}, which contradicts reason {self.reason.value!r}; "
                    f"only {RemovalReason.TERM_ENDED.value!r} allows a removal"
                ),
                expected=repr(not self.allowed),
                code=ErrorCode.INCONSISTENT,
            )

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict; the reason is its code, the date ISO 8601."""
        return {
            "allowed": self.allowed,
            "effective_on": self.effective_on.isoformat(),
            "reason": self.reason.value,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a decision from :meth:`to_dict`'s form."""
        keys = ("allowed", "effective_on", "reason", "message")
        check_keys(data, "Decision", keys)
        return cls(
            allowed=data["allowed"],  # type: ignore[arg-type]
            effective_on=parse_date(data["effective_on"], "effective_on"),
            reason=data["reason"],
            message=data["message"],  # type: ignore[arg-type]
        )


@attrs.frozen(kw_only=True)
class SeatReduction:
    """A removal of seats, asked during a term, that takes effect on its renewal date.

    ``removed`` seats of the ``seats_before`` a subscription has are removed on
    ``effective_on`` (the term end); ``requested_on`` is the day it was asked, in the term.
    :attr:`seats_after` is what the next term starts with, at least one.

    .. versionadded:: 0.1.0
    """

    removed: int = attrs.field(validator=lambda _i, _a, value: check_count(value, "removed"))
    seats_before: int = attrs.field(
        validator=lambda _i, _a, value: check_count(value, "seats_before", minimum=2)
    )
    requested_on: dt.date = attrs.field(
        validator=lambda _i, _a, value: check_date(value, "requested_on")
    )
    effective_on: dt.date = attrs.field(
        validator=lambda _i, _a, value: check_date(value, "effective_on")
    )

    def __attrs_post_init__(self) -> None:
        """Check that one seat at least is kept and that the change waits for a later day."""
        if self.removed >= self.seats_before:
            raise InvalidValueError(
                field="removed",
                value=self.removed,
                expected=f"from 1 to {self.seats_before - 1} of {self.seats_before} seats",
                hint="a subscription keeps at least one seat",
                code=ErrorCode.NOT_ALLOWED,
            )
        if self.effective_on <= self.requested_on:
            raise InvalidValueError(
                field="effective_on",
                value=self.effective_on,
                expected=f"a date after requested_on {self.requested_on.isoformat()}",
                hint="a seat cannot be removed before it expires",
                code=ErrorCode.DATE_ORDER,
            )

    @property
    def seats_after(self) -> int:
        """The seats the subscription keeps from ``effective_on``."""
        return self.seats_before - self.removed

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict; ``seats_after`` is included for readers and checked back."""
        return {
            "removed": self.removed,
            "seats_before": self.seats_before,
            "seats_after": self.seats_after,
            "requested_on": self.requested_on.isoformat(),
            "effective_on": self.effective_on.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a reduction from :meth:`to_dict`'s form (``seats_after`` may be left out)."""
        keys = ("removed", "seats_before", "requested_on", "effective_on")
        check_keys(data, "SeatReduction", keys, ("seats_after",))
        reduction = cls(
            removed=data["removed"],  # type: ignore[arg-type]
            seats_before=data["seats_before"],  # type: ignore[arg-type]
            requested_on=parse_date(data["requested_on"], "requested_on"),
            effective_on=parse_date(data["effective_on"], "effective_on"),
        )
        after = data.get("seats_after", reduction.seats_after)
        if after != reduction.seats_after or isinstance(after, bool):
            raise InvalidValueError(
                field="seats_after",
                value=after,
                expected=(
                    f"{reduction.seats_after} (seats_before {reduction.seats_before} - removed "
                    f"{reduction.removed})"
                ),
                code=ErrorCode.INCONSISTENT,
            )
        return reduction


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
    >>> print(decision.message)
    2 seat(s) cannot be removed before they expire; the removal can take effect at the renewal on 2027-01-01 (schedule it now with schedule_seat_reduction)

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
    end = sub.term_end.isoformat()
    if day < sub.term_start:
        raise OutsideTermError(day, sub.term_start, sub.term_end, "on", known_terms_only(sub))
    if day >= sub.term_end:
        message = (
            f"the term ended on {end} and its seats expired; the renewal can keep "
            f"{sub.seats - count} of {sub.seats} seat(s)"
        )
        return Decision(
            allowed=True, effective_on=day, reason=RemovalReason.TERM_ENDED, message=message
        )
    if not sub.auto_renew:
        message = (
            f"{count} seat(s) cannot be removed before they expire, and auto-renewal is off: "
            f"every seat expires on {end}; choose the seat count when renewing"
        )
        reason = RemovalReason.AUTO_RENEW_OFF
    else:
        message = (
            f"{count} seat(s) cannot be removed before they expire; the removal can take "
            f"effect at the renewal on {end} (schedule it now with schedule_seat_reduction)"
        )
        reason = RemovalReason.BEFORE_TERM_END
    return Decision(allowed=False, effective_on=sub.term_end, reason=reason, message=message)


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


def renew(
    subscription: Subscription,
    *,
    seats: int | None = None,
    unit_price: Money | None = None,
    reduction: SeatReduction | None = None,
) -> Subscription:
    """Return the subscription's next term, ``[term_end, next renewal date)``.

    The next term is one billing period on the anchor's grid, whatever the length of the
    current one.  Its seat count is ``seats`` if given, else the scheduled ``reduction``'s
    :attr:`~SeatReduction.seats_after`, else the current count; its unit price is
    ``unit_price`` if given (the caller's new price list), else the current one.  Every other
    field is kept, the anchor and the purchase date included.  A subscription that does not
    renew automatically can still be renewed by hand with this function.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> cut = schedule_seat_reduction(sub, 2, dt.date(2026, 5, 20))
    >>> nxt = renew(sub, reduction=cut, unit_price=Money("1260.00", "USD"))
    >>> nxt.seats, nxt.unit_price, nxt.term_start, nxt.term_end
    (3, Money('1260.00', 'USD'), datetime.date(2027, 1, 1), datetime.date(2028, 1, 1))

    Raises:
        InvalidTypeError: a wrong type.
        InvalidValueError: both ``seats`` and ``reduction`` given, a reduction scheduled for
            another term or seat count, a bad seat count or price, or a next term ending after
            9999-12-31.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    if reduction is not None:
        if seats is not None:
            raise InvalidValueError(
                field="seats",
                value=seats,
                problem=" and a reduction",
                expected="seats= or reduction=, not both",
                code=ErrorCode.INCONSISTENT,
            )
        given: object = reduction
        if not isinstance(given, SeatReduction):
            raise InvalidTypeError(field="reduction", value=given, expected="a SeatReduction")
        if (reduction.effective_on, reduction.seats_before) != (sub.term_end, sub.seats):
            raise InvalidValueError(
                field="reduction",
                value=reduction,
                got=(
                    f"one effective on {reduction.effective_on.isoformat()} from "
                    f"{reduction.seats_before} seats"
                ),
                expected=(
                    f"a reduction effective on {sub.term_end.isoformat()} from {sub.seats} "
                    "seats, when this subscription renews"
                ),
                code=ErrorCode.INCONSISTENT,
            )
        count = reduction.seats_after
    else:
        count = sub.seats if seats is None else check_count(seats, "seats")
    price = (
        sub.unit_price
        if unit_price is None
        else check_price(unit_price, "unit_price", sub.currency)
    )
    months = months_between(sub.anchor, sub.term_end) + sub.period_months
    try:
        end = grid_date(sub.anchor, months)
    except InvalidValueError:
        raise InvalidValueError(
            field="subscription.term_end",
            value=sub.term_end,
            problem=", after which the next term would end after 9999-12-31",
            expected="a term whose next term Python can represent",
            code=ErrorCode.DATE_OUT_OF_RANGE,
        ) from None
    return attrs.evolve(sub, seats=count, unit_price=price, term_start=sub.term_end, term_end=end)

"""Renewal dates, co-termed end dates, and the next term.

A subscription renews on its anchor's grid, ``anchor + k * period_months`` months, each date
clamped to its month's last day and always computed from the anchor (never by stepping from a
clamped date, which would drift: Jan 31, Feb 29, Mar 29...).  Terms are half-open,
``[term_start, term_end)``: ``term_end`` is the renewal date, the first day of the next term.

* :func:`renewal_dates` lists the grid; :func:`next_renewal` and :func:`term_containing` place a
  date on it.
* :func:`coterm_end` is the end date of seats added during the term: always ``term_end``.
* :func:`renew` builds the next term, with a reduction scheduled by
  :func:`~seatcalc.schedule_seat_reduction` (see :mod:`seatcalc.removal`) if there is one.

The renewal itself is here; the calendar (the grid, :class:`Term` and the term holding a day)
lives in the private module ``_renewal_grid`` and is exported from this one.
"""

from __future__ import annotations

import datetime as dt

import attrs

from seatcalc._renewal_grid import Term, next_renewal, renewal_dates, term_containing
from seatcalc._validate import check_count, check_date
from seatcalc.dates import grid_date, months_between
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, OutsideTermError
from seatcalc.money import Money, check_price
from seatcalc.removal import SeatReduction
from seatcalc.subscription import Subscription, check_subscription

__all__ = [
    "Term",
    "coterm_end",
    "next_renewal",
    "renew",
    "renewal_dates",
    "term_containing",
]


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


def renew(
    subscription: Subscription,
    *,
    new_total: int | None = None,
    unit_price: Money | None = None,
    reduction: SeatReduction | None = None,
) -> Subscription:
    """Return the subscription's next term, ``[term_end, next renewal date)``.

    The next term is one billing period on the anchor's grid, whatever the length of the
    current one.  Its seat count is ``new_total`` if given, else the scheduled ``reduction``'s
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
    >>> from seatcalc import schedule_seat_reduction
    >>> cut = schedule_seat_reduction(sub, 2, dt.date(2026, 5, 20))
    >>> nxt = renew(sub, reduction=cut, unit_price=Money("1260.00", "USD"))
    >>> nxt.seats, nxt.unit_price, nxt.term_start, nxt.term_end
    (3, Money('1260.00', 'USD'), datetime.date(2027, 1, 1), datetime.date(2028, 1, 1))

    Raises:
        InvalidTypeError: a wrong type.
        InvalidValueError: both ``new_total`` and ``reduction`` given, a reduction scheduled for
            another term or seat count, a bad seat count or price, or a next term ending after
            9999-12-31.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    if reduction is not None:
        if new_total is not None:
            raise InvalidValueError(
                field="new_total",
                value=new_total,
                problem=" and a reduction",
                expected="new_total= or reduction=, not both",
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
        count = sub.seats if new_total is None else check_count(new_total, "new_total")
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

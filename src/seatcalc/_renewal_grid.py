"""The renewal calendar: a subscription's grid of renewal dates, and the term holding a day.

Renewal ``k`` is ``anchor + k * period_months`` months, clamped to its month's last day and
always computed from the anchor.  :func:`renewal_dates` lists the grid; :func:`next_renewal`
and :func:`term_containing` place a date on it, with the current term as it is (an irregular
term spans the grid dates inside it).  :mod:`seatcalc.renewal` exports these names with the
renewal itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Self

import attrs

from seatcalc._validate import check_count, check_date, check_keys, parse_date
from seatcalc.dates import grid_date, months_between
from seatcalc.errors import ErrorCode, InvalidValueError, OutsideTermError
from seatcalc.subscription import (
    MAX_PERIOD_MONTHS,
    Subscription,
    check_subscription,
    known_terms_only,
)

__all__ = ["Term", "next_renewal", "renewal_dates", "term_containing"]


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

    def contains(self, on: dt.date) -> bool:
        """Say whether ``start <= on < end``."""
        return self.start <= check_date(on, "on") < self.end

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

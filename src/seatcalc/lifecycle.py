"""The lifecycle of a term that is not renewed: renewal window, expiry, suspension, cancellation.

Each state is a half-open range of days counted from ``term_end`` (the renewal date), with the
durations as policy data.  With the defaults (the vendor's documented numbers):

=================  ==============================================================
state              days ``d``
=================  ==============================================================
active             ``term_start <= d < term_end - 90 days``
renewal_window     ``term_end - 90 days <= d < term_end`` (from ``term_start`` at
                   the earliest)
expired            ``term_end <= d < term_end + 15 days``
suspended          ``term_end + 15 days <= d < term_end + 45 days`` (``+ 30 days``
                   for monthly and other terms shorter than a year)
cancelled          ``term_end + 45 days <= d`` (``+ 30 days`` for short terms)
=================  ==============================================================

The rule is here; the statuses, the policy and a term's state, the values it works with, live
in the private module ``_lifecycle_values`` and are exported from this one.
"""

from __future__ import annotations

import datetime as dt

from seatcalc._lifecycle_values import (
    DEFAULT_LIFECYCLE,
    LifecyclePolicy,
    LifecycleState,
    LifecycleStatus,
)
from seatcalc._validate import check_date
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, OutsideTermError
from seatcalc.subscription import Subscription, check_subscription, known_terms_only

__all__ = [
    "DEFAULT_LIFECYCLE",
    "LifecyclePolicy",
    "LifecycleState",
    "LifecycleStatus",
    "lifecycle_state",
    "status_changes",
    "status_on",
]


def _check_policy(value: object) -> LifecyclePolicy:
    if not isinstance(value, LifecyclePolicy):
        raise InvalidTypeError(field="policy", value=value, expected="a LifecyclePolicy")
    return value


def status_on(
    subscription: Subscription, on: dt.date, *, policy: LifecyclePolicy = DEFAULT_LIFECYCLE
) -> LifecycleStatus:
    """Return the lifecycle state of ``subscription``'s term on ``on``, if it is not renewed.

    The states follow each other in the order of :class:`LifecycleStatus`, each a half-open
    range of days counted from ``term_end``, as the "Renewals and co-terming" page tabulates.
    A subscription that renews has a new term: ask about the renewed subscription
    (:func:`~seatcalc.renew`) for days after ``term_end``.
    Days before ``term_start`` are refused: they belong to an earlier term.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> [status_on(sub, dt.date(2026, 10, 3)), status_on(sub, dt.date(2027, 1, 16))]
    [<LifecycleStatus.RENEWAL_WINDOW: 'RENEWAL_WINDOW'>, <LifecycleStatus.SUSPENDED: 'SUSPENDED'>]

    Raises:
        InvalidTypeError: a wrong type (a ``datetime`` is not a date).
        OutsideTermError: ``on`` is before ``term_start``.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    when = check_date(on, "on")
    rules = _check_policy(policy)
    if when < sub.term_start:
        raise OutsideTermError(when, sub.term_start, sub.term_end, "on", known_terms_only(sub))
    after_end = (when - sub.term_end).days  # negative in the term; no date arithmetic overflows
    if after_end < -rules.renewal_window_days:
        return LifecycleStatus.ACTIVE
    if after_end < 0:
        return LifecycleStatus.RENEWAL_WINDOW
    if after_end < rules.expired_days:
        return LifecycleStatus.EXPIRED
    if after_end < rules.expired_days + rules.suspended_days_for(sub.period_months):
        return LifecycleStatus.SUSPENDED
    return LifecycleStatus.CANCELLED


def status_changes(
    subscription: Subscription, *, policy: LifecyclePolicy = DEFAULT_LIFECYCLE
) -> tuple[tuple[LifecycleStatus, dt.date], ...]:
    """Return each state the term passes through, with its first day, in order.

    States that last no day are left out (a monthly term is in its renewal window from its
    first day with the default 90 days).

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> for status, first in status_changes(sub):
    ...     print(f"{status.value:<15} from {first}")
    ACTIVE          from 2026-01-01
    RENEWAL_WINDOW  from 2026-10-03
    EXPIRED         from 2027-01-01
    SUSPENDED       from 2027-01-16
    CANCELLED       from 2027-02-15

    Raises:
        InvalidTypeError: a wrong type.
        InvalidValueError: a state would start after 9999-12-31.

    .. versionadded:: 0.1.0
    """
    sub = check_subscription(subscription)
    rules = _check_policy(policy)
    expired = rules.expired_days
    offsets = (
        (LifecycleStatus.ACTIVE, None),
        (LifecycleStatus.RENEWAL_WINDOW, -rules.renewal_window_days),
        (LifecycleStatus.EXPIRED, 0),
        (LifecycleStatus.SUSPENDED, expired),
        (LifecycleStatus.CANCELLED, expired + rules.suspended_days_for(sub.period_months)),
    )
    starts: list[tuple[LifecycleStatus, dt.date]] = []
    for status, offset in offsets:
        try:
            first = sub.term_start if offset is None else sub.term_end + dt.timedelta(offset)
        except OverflowError as error:
            raise InvalidValueError(
                field="subscription.term_end",
                value=sub.term_end,
                problem=(
                    f", after which the {status.value.lower().replace('_', ' ')} state would "
                    "start after 9999-12-31"
                ),
                expected="a term whose lifecycle Python can represent",
                code=ErrorCode.DATE_OUT_OF_RANGE,
            ) from error
        first = max(first, sub.term_start)
        while starts and starts[-1][1] >= first:  # a state that lasts no day
            starts.pop()
        starts.append((status, first))
    return tuple(starts)


def lifecycle_state(
    subscription: Subscription, on: dt.date, *, policy: LifecyclePolicy = DEFAULT_LIFECYCLE
) -> LifecycleState:
    """Return where ``subscription``'s term stands on ``on``, if it is not renewed.

    The status is :func:`status_on`'s; the days it starts and ends, and the status after it,
    are those :func:`status_changes` lists.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> state = lifecycle_state(sub, dt.date(2026, 11, 2))
    >>> state.status, state.since, state.until, state.next_status
    (<LifecycleStatus.RENEWAL_WINDOW: 'RENEWAL_WINDOW'>, datetime.date(2026, 10, 3), datetime.date(2027, 1, 1), <LifecycleStatus.EXPIRED: 'EXPIRED'>)

    Raises:
        InvalidTypeError: a wrong type (a ``datetime`` is not a date).
        OutsideTermError: ``on`` is before ``term_start``.
        InvalidValueError: a state would start after 9999-12-31.

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    status = status_on(subscription, on, policy=policy)
    changes = status_changes(subscription, policy=policy)
    index = [change for change, _ in changes].index(status)
    following = changes[index + 1] if index + 1 < len(changes) else (None, None)
    return LifecycleState(
        status=status,
        on=on,
        since=changes[index][1],
        until=following[1],
        next_status=following[0],
        term_end=subscription.term_end,
    )

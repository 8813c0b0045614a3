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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Self

import attrs

from seatcalc._validate import check_count, check_date, check_keys
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, OutsideTermError
from seatcalc.subscription import Subscription, check_subscription, known_terms_only

__all__ = [
    "DEFAULT_LIFECYCLE",
    "LifecyclePolicy",
    "LifecycleStatus",
    "status_changes",
    "status_on",
]

#: The longest duration a policy accepts for one state, in days (ten years).
MAX_STATE_DAYS = 3660


class LifecycleStatus(StrEnum):
    """The state of a subscription's term on a day; members are listed in the order they occur.

    ``active`` and ``renewal_window`` are days of the term (every seat is active);
    ``expired``, ``suspended`` and ``cancelled`` follow the term end of a term that was not
    renewed.

    .. versionadded:: 0.1.0
    """

    #: In the term, before the renewal window opens.
    ACTIVE = "ACTIVE"
    #: In the term, within the renewal window before ``term_end``: seats are active and the
    #: subscription can be renewed.
    RENEWAL_WINDOW = "RENEWAL_WINDOW"
    #: From ``term_end``, not renewed: the seats have expired; the subscription can still be
    #: renewed.
    EXPIRED = "EXPIRED"
    #: After the expired days, access is suspended.
    SUSPENDED = "SUSPENDED"
    #: After the suspended days, the subscription is cancelled.
    CANCELLED = "CANCELLED"


def _days(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    return lambda _i, _a, value: check_count(value, field, minimum=0, maximum=MAX_STATE_DAYS)


@attrs.frozen(kw_only=True)
class LifecyclePolicy:
    """How many days each lifecycle state lasts, around the term end.

    The defaults are the vendor's (SPEC R14): renewable from 90 days before the term end;
    expired for 15 days after it; then suspended for 30 days for annual and three-year terms
    and 15 days for monthly ones; then cancelled.  Billing periods shorter than 12 months use
    ``suspended_days_monthly``; periods of 12 months or more use ``suspended_days``.  A
    duration of 0 skips its state.

    >>> LifecyclePolicy().suspended_days_for(1), LifecyclePolicy().suspended_days_for(36)
    (15, 30)

    .. versionadded:: 0.1.0
    """

    #: Days before ``term_end`` from which the term can be renewed.
    renewal_window_days: int = attrs.field(default=90, validator=_days("renewal_window_days"))
    #: Days from ``term_end`` during which the term is expired (still renewable).
    expired_days: int = attrs.field(default=15, validator=_days("expired_days"))
    #: Days of suspension after the expired days, for periods of 12 months or more.
    suspended_days: int = attrs.field(default=30, validator=_days("suspended_days"))
    #: Days of suspension after the expired days, for periods shorter than 12 months.
    suspended_days_monthly: int = attrs.field(default=15, validator=_days("suspended_days_monthly"))

    def suspended_days_for(self, period_months: int) -> int:
        """Return the suspended days for a billing period of ``period_months`` months."""
        period = check_count(period_months, "period_months")
        return self.suspended_days if period >= 12 else self.suspended_days_monthly

    def to_dict(self) -> dict[str, int]:
        """Return the durations as a dict of ints."""
        return {
            "renewal_window_days": self.renewal_window_days,
            "expired_days": self.expired_days,
            "suspended_days": self.suspended_days,
            "suspended_days_monthly": self.suspended_days_monthly,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a policy from :meth:`to_dict`'s form; missing keys take their defaults."""
        keys = ("renewal_window_days", "expired_days", "suspended_days", "suspended_days_monthly")
        check_keys(data, "LifecyclePolicy", (), keys)
        return cls(**data)  # type: ignore[arg-type]


#: The vendor's durations: see :class:`LifecyclePolicy`.
DEFAULT_LIFECYCLE = LifecyclePolicy()


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

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
from typing import TYPE_CHECKING, Any, Final, Self

import attrs

from seatcalc._validate import (
    check_count,
    check_date,
    check_keys,
    date_field,
    optional_date_field,
    parse_date,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, OutsideTermError
from seatcalc.subscription import Subscription, check_subscription, known_terms_only

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = [
    "DEFAULT_LIFECYCLE",
    "LifecyclePolicy",
    "LifecycleState",
    "LifecycleStatus",
    "lifecycle_state",
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


# The states of a term's own days; the others follow its end.
_IN_TERM: Final = frozenset({LifecycleStatus.ACTIVE, LifecycleStatus.RENEWAL_WINDOW})
_ORDER: Final = {status: index for index, status in enumerate(LifecycleStatus)}


def _status(value: object, field: str) -> LifecycleStatus:
    if isinstance(value, LifecycleStatus):
        return value
    if isinstance(value, str) and value in LifecycleStatus.__members__:
        return LifecycleStatus[value]
    expected = f"one of {', '.join(repr(status.value) for status in LifecycleStatus)}"
    if not isinstance(value, str):
        raise InvalidTypeError(field=field, value=value, expected=expected)
    raise InvalidValueError(
        field=field, value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
    )


def _to_status(value: object) -> LifecycleStatus:
    return _status(value, "status")


def _to_next_status(value: object) -> LifecycleStatus | None:
    return None if value is None else _status(value, "next_status")


@attrs.frozen(kw_only=True)
class LifecycleState:
    """Where a term that is not renewed stands on a day: its status, since when, and what next.

    ``status`` is what :func:`status_on` answers for ``on``; it began on ``since`` and lasts
    until the day before ``until``, when ``next_status`` begins (both None once the subscription
    is cancelled, which lasts).  ``term_end`` is the end of the term the states are counted
    from.  Build one with :func:`lifecycle_state`; :meth:`from_dict` refuses facts that
    contradict each other, such as a next status that comes before the status.

    .. versionadded:: 0.1.0
    """

    status: LifecycleStatus = attrs.field(converter=_to_status)
    #: The day asked about.
    on: dt.date = attrs.field(validator=date_field("on"))
    #: The first day of ``status``.
    since: dt.date = attrs.field(validator=date_field("since"))
    #: The first day of ``next_status``, the day after ``status`` ends; None once cancelled.
    until: dt.date | None = attrs.field(validator=optional_date_field("until"))
    #: The status that follows, None once cancelled.
    next_status: LifecycleStatus | None = attrs.field(converter=_to_next_status)
    #: The end of the term (its renewal date), from which the states after it are counted.
    term_end: dt.date = attrs.field(validator=date_field("term_end"))

    def __attrs_post_init__(self) -> None:
        """Check that the days and the statuses agree with each other."""
        problem = self._contradiction()
        if problem is not None:
            field, expected = problem
            raise InvalidValueError(
                field=field,
                value=getattr(self, field),
                problem=f", which contradicts status {self.status.value} on {self.on.isoformat()}",
                expected=expected,
                code=ErrorCode.INCONSISTENT,
            )

    def _contradiction(self) -> tuple[str, str] | None:  # noqa: PLR0911 - one check per return
        """Return the field at fault and what it should be, or None if the facts agree."""
        end = self.term_end.isoformat()
        in_term = self.status in _IN_TERM
        if in_term != (self.on < self.term_end):
            side = "before" if in_term else "on or after"
            return "on", f"a day {side} term_end {end}"
        if self.since > self.on:
            return "since", f"a day on or before on {self.on.isoformat()}"
        if not in_term and self.since < self.term_end:
            return "since", f"a day on or after term_end {end}"
        if (self.status is LifecycleStatus.CANCELLED) != (self.next_status is None):
            return "next_status", "None exactly when the status is CANCELLED"
        if (self.until is None) != (self.next_status is None):
            return "until", "None exactly when next_status is None"
        if self.until is None or self.next_status is None:
            return None
        if _ORDER[self.next_status] <= _ORDER[self.status]:
            return "next_status", f"a status that comes after {self.status.value}"
        if self.until <= self.on:
            return "until", f"a day after on {self.on.isoformat()}"
        if in_term and (self.next_status in _IN_TERM) != (self.until < self.term_end):
            side = "before" if self.next_status in _IN_TERM else "equal to"
            return "until", f"a day {side} term_end {end}"
        return None

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the status, since when, what comes next and when, written for ``locale``.

        >>> import datetime as dt
        >>> from seatcalc import Money, Subscription
        >>> sub = Subscription(
        ...     seats=5,
        ...     unit_price=Money("1200.00", "USD"),
        ...     term_start=dt.date(2026, 1, 1),
        ...     term_end=dt.date(2027, 1, 1),
        ...     country="US",
        ... )
        >>> print(lifecycle_state(sub, dt.date(2027, 1, 20)).explain("en_US"))
        Lifecycle status on January 20, 2027: suspended
        Since: January 16, 2027
        Next status: cancelled, from February 15, 2027, in 26 days
        Term end: January 1, 2027
        Meaning: the term was not renewed, and access is suspended

        .. versionadded:: 0.1.0
        """
        from seatcalc._explain_renewals import explain_lifecycle_state  # noqa: PLC0415
        from seatcalc._i18n import check_locale  # noqa: PLC0415 - catalogs load on first use

        return explain_lifecycle_state(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: statuses as their codes, dates in ISO 8601 (or None)."""
        return {
            "status": self.status.value,
            "on": self.on.isoformat(),
            "since": self.since.isoformat(),
            "until": None if self.until is None else self.until.isoformat(),
            "next_status": None if self.next_status is None else self.next_status.value,
            "term_end": self.term_end.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a state from :meth:`to_dict`'s form, refusing facts that contradict."""
        keys = ("status", "on", "since", "until", "next_status", "term_end")
        mapping = check_keys(data, "LifecycleState", keys)
        until = mapping["until"]
        return cls(
            status=mapping["status"],
            on=parse_date(mapping["on"], "on"),
            since=parse_date(mapping["since"], "since"),
            until=None if until is None else parse_date(until, "until"),
            next_status=mapping["next_status"],
            term_end=parse_date(mapping["term_end"], "term_end"),
        )


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

"""The lifecycle's values: its statuses, the durations of a policy, a term's state on a day.

:mod:`seatcalc.lifecycle` holds the rule that counts the states from a term's end and exports
these values.  :class:`LifecycleState` checks that its days and statuses agree, writes itself as
JSON-safe data and reads itself back, and is explained in the reader's language by
``_explain_renewals``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final, Self

import attrs

from seatcalc._validate import (
    check_count,
    check_keys,
    date_field,
    optional_date_field,
    parse_date,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = [
    "DEFAULT_LIFECYCLE",
    "MAX_STATE_DAYS",
    "LifecyclePolicy",
    "LifecycleState",
    "LifecycleStatus",
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
        >>> from seatcalc import Money, Subscription, lifecycle_state
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

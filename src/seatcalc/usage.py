"""Seat-usage reports: who holds a seat, who uses it, and how many seats to keep at renewal.

The report answers the admin's question behind R10: the number of seats should match the users
who need one.  It takes the seat assignments (user → the date the seat was assigned) and the
usage events (user, date), and never reads a clock: ``on`` is a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Self

import attrs

from seatcalc._html import explanation
from seatcalc._validate import (
    check_agrees,
    check_bool,
    check_count,
    check_date,
    check_instance,
    check_keys,
    check_mapping,
    parse_date,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.money import Money
from seatcalc.subscription import Subscription

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["UsageReport", "usage_report"]

_DICT_KEYS = (
    "on",
    "window_days",
    "purchased",
    "unit_price",
    "allow_below_assigned",
    "assigned",
    "unassigned",
    "over_assigned",
    "active",
    "utilisation",
    "recommended_seats",
    "renewal_saving",
    "assigned_users",
    "active_users",
    "inactive_users",
    "unassigned_active_users",
)

#: The activity window used when none is given: a user is active if seen in the last 30 days.
DEFAULT_WINDOW_DAYS = 30


@attrs.frozen(kw_only=True)
class UsageReport:
    """What a subscription's seats are used for on ``on``, and what to keep at renewal.

    ``active`` are the assigned users with a usage event in the window ``(on - window_days,
    on]`` (the last ``window_days`` days, ``on`` included); ``inactive`` the assigned users
    without one.  ``recommended_seats`` keeps a seat for every assigned user (or, with
    ``allow_below_assigned``, only for the active ones), never fewer than one seat and never more
    than are purchased; ``renewal_saving`` is what the next term costs less with it.

    .. versionadded:: 0.1.0
    """

    #: The day of the report.
    on: dt.date
    window_days: int
    purchased: int
    unit_price: Money
    assigned_users: tuple[str, ...]
    active_users: tuple[str, ...]
    inactive_users: tuple[str, ...]
    unassigned_active_users: tuple[str, ...]
    recommended_seats: int
    allow_below_assigned: bool

    @property
    def assigned(self) -> int:
        """The number of users holding a seat."""
        return len(self.assigned_users)

    @property
    def unassigned(self) -> int:
        """Purchased seats that nobody holds (0 when seats are over-assigned)."""
        return max(0, self.purchased - self.assigned)

    @property
    def over_assigned(self) -> int:
        """Assignments beyond the purchased seats (a data problem to fix, never hidden)."""
        return max(0, self.assigned - self.purchased)

    @property
    def utilisation(self) -> Fraction:
        """Active seats over purchased seats, in ``[0, 1]``."""
        return Fraction(min(len(self.active_users), self.purchased), self.purchased)

    @property
    def seats_to_remove(self) -> int:
        """Seats the recommendation drops at the next renewal."""
        return self.purchased - self.recommended_seats

    @property
    def renewal_saving(self) -> Money:
        """What the next term costs less with the recommended count, at the current unit price."""
        return self.unit_price * self.seats_to_remove

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict with the counts, the user lists and the saving."""
        return {
            "on": self.on.isoformat(),
            "window_days": self.window_days,
            "purchased": self.purchased,
            "unit_price": self.unit_price.to_dict(),
            "allow_below_assigned": self.allow_below_assigned,
            "assigned": self.assigned,
            "unassigned": self.unassigned,
            "over_assigned": self.over_assigned,
            "active": len(self.active_users),
            "utilisation": str(self.utilisation),
            "recommended_seats": self.recommended_seats,
            "renewal_saving": self.renewal_saving.to_dict(),
            "assigned_users": list(self.assigned_users),
            "active_users": list(self.active_users),
            "inactive_users": list(self.inactive_users),
            "unassigned_active_users": list(self.unassigned_active_users),
        }

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the counts, who they are and the recommendation, written for ``locale``.

        Lists of users show the first ten names, then how many others there are.

        >>> import datetime as dt
        >>> from seatcalc import Subscription
        >>> sub = Subscription(
        ...     seats=5,
        ...     unit_price=Money("1200.00", "USD"),
        ...     term_start=dt.date(2026, 1, 1),
        ...     term_end=dt.date(2027, 1, 1),
        ...     country="US",
        ... )
        >>> day = dt.date(2026, 6, 1)
        >>> report = usage_report(
        ...     sub,
        ...     {"ana": day, "ben": day, "chloe": day, "dev": day},
        ...     [("ana", dt.date(2026, 11, 20)), ("ben", dt.date(2026, 9, 1))],
        ...     on=dt.date(2026, 11, 30),
        ... )
        >>> print(report.explain("en_US"))
        Seat usage on November 30, 2026
        Purchased seats: 5
        Assigned seats: 4 (ana, ben, chloe, and dev)
        Seats nobody holds: 1
        Active in the last 30 days: 1 (ana)
        Assigned but inactive: 3 (ben, chloe, and dev)
        Utilisation: 1 of 5 seats in use, 20%
        Recommended seats at renewal: 4, one for each assigned user (at least one, at most the seats purchased)
        Renewal saving: 1 × $1,200.00 = $1,200.00

        .. versionadded:: 0.1.0
        """  # noqa: E501 - a doctest's output is one line
        from seatcalc._explain_usage import explain_usage  # noqa: PLC0415 - loaded on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_usage(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        return explanation(self.explain("en"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a report from :meth:`to_dict`'s form, checking its derived figures agree."""
        mapping = check_keys(data, "UsageReport", _DICT_KEYS)
        lists = {}
        for key in ("assigned_users", "active_users", "inactive_users", "unassigned_active_users"):
            value = mapping[key]
            if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
                raise InvalidTypeError(field=key, value=value, expected="a list of user names")
            lists[key] = tuple(value)
        below = check_bool(mapping["allow_below_assigned"], "allow_below_assigned")
        price = check_mapping(mapping["unit_price"], "unit_price", "a Money mapping")
        report = cls(
            on=parse_date(mapping["on"], "on"),
            window_days=check_count(mapping["window_days"], "window_days"),
            purchased=check_count(mapping["purchased"], "purchased"),
            unit_price=_money(price),
            recommended_seats=check_count(mapping["recommended_seats"], "recommended_seats"),
            allow_below_assigned=below,
            **lists,
        )
        check_agrees(mapping, report.to_dict(), _DICT_KEYS)
        return report


def usage_report(
    subscription: Subscription,
    assignments: Mapping[str, dt.date],
    events: Iterable[tuple[str, dt.date]],
    on: dt.date,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    allow_below_assigned: bool = False,
) -> UsageReport:
    """Report seat usage on ``on`` and recommend the seat count for the next renewal.

    ``assignments`` maps each user holding a seat to the date it was assigned; ``events`` are
    ``(user, date)`` pairs, one per use of the product, in any order.  Events and assignments
    dated after ``on`` are refused: a report cannot see the future.  Events of users without a
    seat are listed in ``unassigned_active_users`` and do not count as use of a seat.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> day = dt.date(2026, 6, 1)
    >>> report = usage_report(
    ...     sub,
    ...     {"ana": day, "ben": day, "chloe": day, "dev": day},
    ...     [("ana", dt.date(2026, 11, 20)), ("ben", dt.date(2026, 9, 1))],
    ...     on=dt.date(2026, 11, 30),
    ... )
    >>> report.assigned, report.unassigned, report.active_users, report.inactive_users
    (4, 1, ('ana',), ('ben', 'chloe', 'dev'))
    >>> report.utilisation, report.recommended_seats, report.renewal_saving
    (Fraction(1, 5), 4, Money('1200.00', 'USD'))

    .. versionadded:: 0.1.0
    """
    sub = check_instance(subscription, Subscription, "subscription", "a Subscription")
    last_day = check_date(on, "on")
    window = check_count(window_days, "window_days", maximum=3660)
    opt_in = check_bool(allow_below_assigned, "allow_below_assigned")
    seats_held = check_mapping(assignments, "assignments", "a mapping of user to date")
    for user, assigned_on in seats_held.items():
        _check_entry("assignments", user, assigned_on, last_day)

    # The window's first day, or the first day Python represents if the window reaches past it.
    first_active_day = last_day - dt.timedelta(days=min(window - 1, (last_day - dt.date.min).days))
    seen: set[str] = set()
    if isinstance(events, str | Mapping) or not isinstance(events, Iterable):
        raise InvalidTypeError(
            field="events", value=events, expected="a list of (user, date) pairs"
        )
    for index, event in enumerate(events):
        if not isinstance(event, tuple | list) or len(event) != 2:
            raise InvalidTypeError(
                field=f"events[{index}]", value=event, expected="a (user, date) pair"
            )
        user, day = event
        if (
            type(user) is str
            and user in seen
            and type(day) is dt.date
            and first_active_day <= day <= last_day
        ):
            continue  # the common case of a busy user, kept cheap
        _check_entry(f"events[{index}]", user, day, last_day)
        if day >= first_active_day:
            seen.add(user)

    assigned_users = tuple(sorted(seats_held))
    active = tuple(user for user in assigned_users if user in seen)
    inactive = tuple(user for user in assigned_users if user not in seen)
    strangers = tuple(sorted(seen.difference(seats_held)))
    keep = len(active) if opt_in else len(assigned_users)
    recommended = min(sub.seats, max(1, keep))
    return UsageReport(
        on=last_day,
        window_days=window,
        purchased=sub.seats,
        unit_price=sub.unit_price,
        assigned_users=assigned_users,
        active_users=active,
        inactive_users=inactive,
        unassigned_active_users=strangers,
        recommended_seats=recommended,
        allow_below_assigned=opt_in,
    )


def _check_entry(field: str, user: object, day: object, last_day: dt.date) -> None:
    if not isinstance(user, str):
        raise InvalidTypeError(field=field, value=user, expected="a user name, a non-empty str")
    if not user:
        raise InvalidValueError(
            field=field, value=user, expected="a user name, a non-empty str", code=ErrorCode.EMPTY
        )
    when = check_date(day, f"{field}.{user}" if field == "assignments" else f"{field}[1]")
    if when > last_day:
        raise InvalidValueError(
            field=f"{field}.{user}" if field == "assignments" else f"{field}[1]",
            value=when,
            problem=f", after the day of the report, on={last_day.isoformat()}",
            expected="a date on or before on: a report only counts what happened until then",
            code=ErrorCode.DATE_ORDER,
        )


def _money(data: Mapping[str, object]) -> Money:
    with reported_within("unit_price"):
        return Money.from_dict(data)

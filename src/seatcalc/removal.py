"""No early removal: a seat is paid for its whole term, so a reduction waits for the renewal.

A seat cannot be removed before it expires (SPEC R9).  :func:`can_remove_seats` answers the
question for a day with a :class:`Decision`; :func:`schedule_seat_reduction` returns the
:class:`SeatReduction` that takes effect on the renewal date, which
:func:`~seatcalc.renew` applies.  Only a subscription on auto-renewal schedules a reduction
self-service, and a subscription keeps at least one seat (SPEC R12).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Self

import attrs

from seatcalc._validate import (
    bool_field,
    check_count,
    check_date,
    check_keys,
    date_field,
    parse_date,
)
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, OutsideTermError
from seatcalc.subscription import Subscription, check_subscription, known_terms_only

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = [
    "Decision",
    "RemovalReason",
    "SeatReduction",
    "can_remove_seats",
    "schedule_seat_reduction",
]


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
    """The answer to "can these seats be removed on this day?", with the facts behind it.

    ``allowed`` says whether the removal can take effect on the day asked, ``on``;
    ``effective_on`` is the earliest date it can take effect; ``reason`` is a stable code.
    ``removing`` seats of the ``seats_held`` were asked about, and ``term_end`` is the end of the
    term they are in: :meth:`message` writes the answer from these facts in the reader's
    language.

    A decision whose facts contradict each other is refused: only ``TERM_ENDED`` allows a
    removal, and then on the day asked, on or after ``term_end``; any other answer is asked
    during the term and takes effect on ``term_end``.

    .. versionadded:: 0.1.0
    """

    allowed: bool = attrs.field(validator=bool_field("allowed"))
    effective_on: dt.date = attrs.field(validator=date_field("effective_on"))
    reason: RemovalReason = attrs.field(converter=_to_reason)
    #: How many seats were asked to be removed.
    removing: int = attrs.field(validator=lambda _i, _a, value: check_count(value, "removing"))
    #: The seats the subscription holds, at least one more than ``removing``.
    seats_held: int = attrs.field(
        validator=lambda _i, _a, value: check_count(value, "seats_held", minimum=2)
    )
    #: The day asked about.
    on: dt.date = attrs.field(validator=date_field("on"))
    #: The end of the term (its renewal date).
    term_end: dt.date = attrs.field(validator=date_field("term_end"))

    def __attrs_post_init__(self) -> None:
        """Check that the facts agree with each other and with the reason."""
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
        if self.removing >= self.seats_held:
            raise InvalidValueError(
                field="removing",
                value=self.removing,
                expected=f"from 1 to {self.seats_held - 1} of {self.seats_held} seats",
                hint="a subscription keeps at least one seat",
                code=ErrorCode.NOT_ALLOWED,
            )
        ended = self.reason is RemovalReason.TERM_ENDED
        end = self.term_end.isoformat()
        if ended != (self.on >= self.term_end):
            raise InvalidValueError(
                field="on",
                value=self.on,
                problem=f", which contradicts reason {self.reason.value!r}",
                expected=f"a day {'on or after' if ended else 'before'} term_end {end}",
                code=ErrorCode.INCONSISTENT,
            )
        effective = self.on if ended else self.term_end
        if self.effective_on != effective:
            raise InvalidValueError(
                field="effective_on",
                value=self.effective_on,
                problem=f", which contradicts reason {self.reason.value!r}",
                expected=f"{effective.isoformat()}, {'the day asked' if ended else 'term_end'}",
                code=ErrorCode.INCONSISTENT,
            )

    @property
    def seats_after(self) -> int:
        """The seats left once the removal takes effect."""
        return self.seats_held - self.removing

    def message(self, locale: str | Locale = "en") -> str:
        """Return the answer as one sentence for a person reading ``locale``.

        Languages without a catalog read English, as for :meth:`Reason.message`.

        >>> import datetime as dt
        >>> decision = Decision(
        ...     allowed=False,
        ...     effective_on=dt.date(2027, 1, 1),
        ...     reason="BEFORE_TERM_END",
        ...     removing=2,
        ...     seats_held=5,
        ...     on=dt.date(2026, 5, 20),
        ...     term_end=dt.date(2027, 1, 1),
        ... )
        >>> decision.message("fr")
        '2 postes ne peuvent pas être retirés avant leur expiration; le retrait peut prendre effet au renouvellement du 1 janvier 2027 et peut être planifié dès maintenant.'

        .. versionadded:: 0.1.0
        """  # noqa: E501 - a doctest's output is one line
        from seatcalc._explain_renewals import decision_message  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return decision_message(self, check_locale(locale))

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the facts of the decision, one per line, and its sentence, for ``locale``.

        .. versionadded:: 0.1.0
        """
        from seatcalc._explain_renewals import explain_decision  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_decision(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict; the reason is its code, the dates ISO 8601."""
        return {
            "allowed": self.allowed,
            "effective_on": self.effective_on.isoformat(),
            "reason": self.reason.value,
            "removing": self.removing,
            "seats_held": self.seats_held,
            "on": self.on.isoformat(),
            "term_end": self.term_end.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a decision from :meth:`to_dict`'s form, refusing facts that contradict."""
        keys = ("allowed", "effective_on", "reason", "removing", "seats_held", "on", "term_end")
        check_keys(data, "Decision", keys)
        return cls(
            allowed=data["allowed"],  # type: ignore[arg-type]
            effective_on=parse_date(data["effective_on"], "effective_on"),
            reason=data["reason"],
            removing=data["removing"],  # type: ignore[arg-type]
            seats_held=data["seats_held"],  # type: ignore[arg-type]
            on=parse_date(data["on"], "on"),
            term_end=parse_date(data["term_end"], "term_end"),
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

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the reduction, one fact per line, written for ``locale``.

        >>> import datetime as dt
        >>> reduction = SeatReduction(
        ...     removed=2,
        ...     seats_before=5,
        ...     requested_on=dt.date(2026, 5, 20),
        ...     effective_on=dt.date(2027, 1, 1),
        ... )
        >>> print(reduction.explain("en_US"))
        Removing 2 seats of 5 at the renewal on January 1, 2027
        Requested on: May 20, 2026
        Effective on: January 1, 2027
        Seats after the removal: 5 - 2 = 3

        .. versionadded:: 0.1.0
        """
        from seatcalc._explain_renewals import explain_reduction  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_reduction(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

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

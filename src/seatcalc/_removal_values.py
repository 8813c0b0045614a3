"""The answers of the no-early-removal rule, as values: a decision and a scheduled reduction.

:func:`~seatcalc.can_remove_seats` answers with a :class:`Decision` and
:func:`~seatcalc.schedule_seat_reduction` with a :class:`SeatReduction`; both live in
:mod:`seatcalc.removal`, which holds the rule and exports these values.  Each value checks that
its facts agree (only ``TERM_ENDED`` allows a removal, one seat at least is kept), writes itself
as JSON-safe data and reads itself back, and is explained in the reader's language by
``_explain_renewals``.
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
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["Decision", "RemovalReason", "SeatReduction"]


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

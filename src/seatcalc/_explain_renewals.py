"""The written answers about removing seats and a term's lifecycle (imported on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import Locale

from seatcalc._writing import TERM_END, Writer, mark

if TYPE_CHECKING:
    from seatcalc.lifecycle import LifecycleState
    from seatcalc.removal import Decision, SeatReduction

__all__ = [
    "MESSAGE_IDS",
    "decision_message",
    "explain_decision",
    "explain_lifecycle_state",
    "explain_reduction",
]

# Plural messages: (singular, plural).  A decision's sentence, by reason.
DECISIONS = {
    "BEFORE_TERM_END": (
        (
            "%(count)s seat cannot be removed before it expires; the removal can take effect "
            "at the renewal on %(end)s, and can be scheduled now."
        ),
        (
            "%(count)s seats cannot be removed before they expire; the removal can take effect "
            "at the renewal on %(end)s, and can be scheduled now."
        ),
    ),
    "AUTO_RENEW_OFF": (
        (
            "%(count)s seat cannot be removed before it expires, and auto-renewal is off: every "
            "seat expires on %(end)s, and the seat count is chosen when renewing."
        ),
        (
            "%(count)s seats cannot be removed before they expire, and auto-renewal is off: "
            "every seat expires on %(end)s, and the seat count is chosen when renewing."
        ),
    ),
    # Counted by the seats held, which are two or more.
    "TERM_ENDED": (
        (
            "The term ended on %(end)s and its seats expired; the renewal can keep %(kept)s of "
            "the %(held)s seat."
        ),
        (
            "The term ended on %(end)s and its seats expired; the renewal can keep %(kept)s of "
            "the %(held)s seats."
        ),
    ),
}
DECISION_TITLE = (
    "Removing %(count)s seat of %(held)s, asked on %(on)s",
    "Removing %(count)s seats of %(held)s, asked on %(on)s",
)
REDUCTION_TITLE = (
    "Removing %(count)s seat of %(held)s at the renewal on %(end)s",
    "Removing %(count)s seats of %(held)s at the renewal on %(end)s",
)
NEXT = (
    "Next status: %(status)s, from %(day)s, in %(count)s day",
    "Next status: %(status)s, from %(day)s, in %(count)s days",
)
# Singular messages.
ALLOWED = {
    True: mark("Removal on that day: allowed"),
    False: mark("Removal on that day: not allowed"),
}
EARLIEST = mark("Earliest effective date: %(day)s")
SEATS_AFTER = mark("Seats after the removal: %(before)s - %(removed)s = %(after)s")
REASON_CODE = mark("Reason code: %(code)s")
WHY = mark("Why: %(message)s")
REQUESTED = mark("Requested on: %(day)s")
EFFECTIVE = mark("Effective on: %(day)s")
STATE_TITLE = mark("Lifecycle status on %(on)s: %(status)s")
SINCE = mark("Since: %(day)s")
FINAL = mark("Next status: none, the subscription stays cancelled")
STATUSES = {
    "ACTIVE": mark("active"),
    "RENEWAL_WINDOW": mark("renewal window"),
    "EXPIRED": mark("expired"),
    "SUSPENDED": mark("suspended"),
    "CANCELLED": mark("cancelled"),
}
MEANINGS = {
    "ACTIVE": mark("Meaning: every seat is active; the renewal window has not opened yet"),
    "RENEWAL_WINDOW": mark("Meaning: every seat is active, and the term can be renewed"),
    "EXPIRED": mark(
        "Meaning: the term ended without a renewal and its seats expired; it can still be renewed"
    ),
    "SUSPENDED": mark("Meaning: the term was not renewed, and access is suspended"),
    "CANCELLED": mark("Meaning: the term was not renewed, and the subscription is cancelled"),
}

#: The message ids of this module.
MESSAGE_IDS: tuple[str, ...] = (
    *(pair[0] for pair in DECISIONS.values()),
    DECISION_TITLE[0],
    REDUCTION_TITLE[0],
    NEXT[0],
    *ALLOWED.values(),
    EARLIEST,
    SEATS_AFTER,
    REASON_CODE,
    WHY,
    REQUESTED,
    EFFECTIVE,
    STATE_TITLE,
    SINCE,
    FINAL,
    *STATUSES.values(),
    *MEANINGS.values(),
)


def _sentence(decision: Decision, write: Writer) -> str:
    pair = DECISIONS[decision.reason.value]
    if decision.reason.value == "TERM_ENDED":
        return write.plural(
            pair,
            decision.seats_held,
            end=write.day(decision.term_end),
            kept=write.number(decision.seats_after),
            held=write.number(decision.seats_held),
        )
    return write.plural(
        pair,
        decision.removing,
        count=write.number(decision.removing),
        end=write.day(decision.term_end),
    )


def decision_message(decision: Decision, where: Locale) -> str:
    """Return a decision as one sentence for a reader of ``where``."""
    return _sentence(decision, Writer(where))


def explain_decision(decision: Decision, where: Locale) -> str:
    """Return a decision's facts, one per line, and its sentence, for a reader of ``where``."""
    write = Writer(where)
    return "\n".join(
        (
            write.plural(
                DECISION_TITLE,
                decision.removing,
                count=write.number(decision.removing),
                held=write.number(decision.seats_held),
                on=write.day(decision.on),
            ),
            write.text(TERM_END, end=write.day(decision.term_end)),
            write.text(ALLOWED[decision.allowed]),
            write.text(EARLIEST, day=write.day(decision.effective_on)),
            write.text(
                SEATS_AFTER,
                before=write.number(decision.seats_held),
                removed=write.number(decision.removing),
                after=write.number(decision.seats_after),
            ),
            write.text(REASON_CODE, code=decision.reason.value),
            write.text(WHY, message=_sentence(decision, write)),
        )
    )


def explain_reduction(reduction: SeatReduction, where: Locale) -> str:
    """Return a scheduled reduction, one fact per line, for a reader of ``where``."""
    write = Writer(where)
    return "\n".join(
        (
            write.plural(
                REDUCTION_TITLE,
                reduction.removed,
                count=write.number(reduction.removed),
                held=write.number(reduction.seats_before),
                end=write.day(reduction.effective_on),
            ),
            write.text(REQUESTED, day=write.day(reduction.requested_on)),
            write.text(EFFECTIVE, day=write.day(reduction.effective_on)),
            write.text(
                SEATS_AFTER,
                before=write.number(reduction.seats_before),
                removed=write.number(reduction.removed),
                after=write.number(reduction.seats_after),
            ),
        )
    )


def explain_lifecycle_state(state: LifecycleState, where: Locale) -> str:
    """Return a term's status on a day, since when, and what comes next, for ``where``."""
    write = Writer(where)
    status = write.text(STATUSES[state.status.value])
    lines = [
        write.text(STATE_TITLE, on=write.day(state.on), status=status),
        write.text(SINCE, day=write.day(state.since)),
    ]
    if state.until is None or state.next_status is None:
        lines.append(write.text(FINAL))
    else:
        days = (state.until - state.on).days
        lines.append(
            write.plural(
                NEXT,
                days,
                status=write.text(STATUSES[state.next_status.value]),
                day=write.day(state.until),
                count=write.number(days),
            )
        )
    lines.append(write.text(TERM_END, end=write.day(state.term_end)))
    lines.append(write.text(MEANINGS[state.status.value]))
    return "\n".join(lines)

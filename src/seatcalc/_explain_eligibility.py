"""The written breakdown of an eligibility outcome (imported on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import Locale

from seatcalc._writing import Writer, mark

if TYPE_CHECKING:
    from seatcalc.eligibility import Eligibility

__all__ = ["MESSAGE_IDS", "explain_eligibility"]

# Plural messages: (singular, plural).
NOT_ELIGIBLE = (
    "Not eligible: %(count)s rule fails, so seats cannot be added self-service",
    "Not eligible: %(count)s rules fail, so seats cannot be added self-service",
)
# Singular messages.
ELIGIBLE = mark("Eligible: every rule passes, so seats can be added self-service")

#: The message ids of this module.
MESSAGE_IDS: tuple[str, ...] = (NOT_ELIGIBLE[0], ELIGIBLE)


def explain_eligibility(outcome: Eligibility, where: Locale) -> str:
    """Return the outcome, then each failing rule's code and sentence, for ``where``.

    The sentences are the reasons' own (:meth:`~seatcalc.Reason.message`), in the same language.
    """
    write = Writer(where)
    if outcome.eligible:
        return write.text(ELIGIBLE)
    count = len(outcome.reasons)
    lines = [write.plural(NOT_ELIGIBLE, count, count=write.number(count))]
    lines.extend(
        f"{reason.code.value}: {reason.message(write.locale)}" for reason in outcome.reasons
    )
    return "\n".join(lines)

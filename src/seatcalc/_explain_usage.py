"""The written breakdown of a seat-usage report (imported on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import Locale

from seatcalc._i18n import format_percent
from seatcalc._writing import Writer, mark

if TYPE_CHECKING:
    from seatcalc.usage import UsageReport

__all__ = ["MESSAGE_IDS", "explain_usage"]

# Plural messages: (singular, plural).
ACTIVE = (
    "Active in the last %(days)s day: %(users)s",
    "Active in the last %(days)s days: %(users)s",
)
UTILISATION = (
    "Utilisation: %(active)s of %(purchased)s seat in use, %(percent)s",
    "Utilisation: %(active)s of %(purchased)s seats in use, %(percent)s",
)
MORE = ("%(count)s other", "%(count)s others")
# Singular messages.
TITLE = mark("Seat usage on %(on)s")
PURCHASED = mark("Purchased seats: %(count)s")
ASSIGNED = mark("Assigned seats: %(users)s")
UNASSIGNED = mark("Seats nobody holds: %(count)s")
OVER_ASSIGNED = mark("Users assigned beyond the purchased seats: %(count)s")
INACTIVE = mark("Assigned but inactive: %(users)s")
STRANGERS = mark("Active without a seat: %(users)s")
RECOMMENDED = {
    False: mark(
        "Recommended seats at renewal: %(count)s, one for each assigned user (at least one, "
        "at most the seats purchased)"
    ),
    True: mark(
        "Recommended seats at renewal: %(count)s, one for each active user (at least one, "
        "at most the seats purchased)"
    ),
}
SAVING = mark("Renewal saving: %(seats)s × %(price)s = %(saving)s")

#: The message ids of this module.
MESSAGE_IDS: tuple[str, ...] = (
    ACTIVE[0],
    UTILISATION[0],
    MORE[0],
    TITLE,
    PURCHASED,
    ASSIGNED,
    UNASSIGNED,
    OVER_ASSIGNED,
    INACTIVE,
    STRANGERS,
    *RECOMMENDED.values(),
    SAVING,
)


def explain_usage(report: UsageReport, where: Locale) -> str:
    """Return the counts of a usage report, who they are, and the recommendation."""
    write = Writer(where)

    def users(names: tuple[str, ...]) -> str:
        count = write.number(len(names))
        return f"{count} ({write.names(names, MORE)})" if names else count

    purchased = report.purchased
    in_use = min(len(report.active_users), purchased)
    lines = [
        write.text(TITLE, on=write.day(report.on)),
        write.text(PURCHASED, count=write.number(purchased)),
        write.text(ASSIGNED, users=users(report.assigned_users)),
        write.text(UNASSIGNED, count=write.number(report.unassigned)),
    ]
    if report.over_assigned:
        lines.append(write.text(OVER_ASSIGNED, count=write.number(report.over_assigned)))
    lines.append(
        write.plural(
            ACTIVE,
            report.window_days,
            days=write.number(report.window_days),
            users=users(report.active_users),
        )
    )
    lines.append(write.text(INACTIVE, users=users(report.inactive_users)))
    if report.unassigned_active_users:
        lines.append(write.text(STRANGERS, users=users(report.unassigned_active_users)))
    lines.append(
        write.plural(
            UTILISATION,
            purchased,
            active=write.number(in_use),
            purchased=write.number(purchased),
            percent=format_percent(in_use, purchased, write.locale),
        )
    )
    recommended = RECOMMENDED[report.allow_below_assigned]
    lines.append(write.text(recommended, count=write.number(report.recommended_seats)))
    lines.append(
        write.text(
            SAVING,
            seats=write.number(report.seats_to_remove),
            price=write.amount(report.unit_price),
            saving=write.amount(report.renewal_saving),
        )
    )
    return "\n".join(lines)

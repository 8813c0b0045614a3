"""The written comparisons of when to add seats and of aligning renewals (loaded on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import Locale

from seatcalc._writing import RENEWAL_DATES, TERM, TOTAL, UNIT_PRICE, Writer, mark

if TYPE_CHECKING:
    from fractions import Fraction

    from seatcalc.alignment import AlignmentQuote
    from seatcalc.timing import AddTimingComparison, Timing, TimingOption

__all__ = ["MESSAGE_IDS", "explain_alignment", "explain_timing", "option_note", "timing_label"]

# Plural messages: (singular, plural).
TIMING_TITLE = (
    "Adding %(count)s seat needed from %(needed)s, decided on %(on)s",
    "Adding %(count)s seats needed from %(needed)s, decided on %(on)s",
)
WAIT = (
    "users wait %(count)s day without the seats",
    "users wait %(count)s days without the seats",
)
IDLE = (
    "seats paid for %(count)s day before they are needed",
    "seats paid for %(count)s days before they are needed",
)
ALIGN_TITLE = (
    "Aligning %(count)s subscription on %(target)s",
    "Aligning %(count)s subscriptions on %(target)s",
)
# Singular messages.
SEATS_HELD = mark("Seats held: %(count)s")
RENEWAL_PRICE = mark("Unit price from the renewal: %(price)s")
NOT_NEEDED = mark(
    "Note: the seats are not needed before the renewal, so only adding them at the renewal is "
    "worth comparing"
)
OPTION = mark(
    "Add %(timing)s, from %(day)s: until the renewal %(until)s; from the renewal %(after)s"
)
TIMINGS = {
    "NOW": mark("now"),
    "WHEN_NEEDED": mark("when needed"),
    "AT_RENEWAL": mark("at the renewal"),
}
# The moments on their own, as Timing.label writes them in English.
LABELS = {
    "NOW": TIMINGS["NOW"],
    "WHEN_NEEDED": TIMINGS["WHEN_NEEDED"],
    "AT_RENEWAL": mark("at renewal"),
}
BEST = mark(
    "Cheapest that covers the need: add %(timing)s, %(until)s until the renewal, %(total)s in all"
)
EXTENSION = mark("%(number)s. %(start)s to %(end)s: %(arithmetic)s")
ALIGNED = mark("%(number)s. Ends on %(end)s: already aligned, %(amount)s")

#: The message ids of this module.
MESSAGE_IDS: tuple[str, ...] = (
    TIMING_TITLE[0],
    WAIT[0],
    IDLE[0],
    ALIGN_TITLE[0],
    SEATS_HELD,
    RENEWAL_PRICE,
    NOT_NEEDED,
    OPTION,
    *TIMINGS.values(),
    LABELS["AT_RENEWAL"],
    BEST,
    EXTENSION,
    ALIGNED,
)


def _share(whole: int, part: Fraction) -> str:
    """Write whole periods and a part as a person checks them: ``184/365``, ``(3 + 14/31)``."""
    if whole and part:
        return f"({whole} + {part})"
    return str(whole + part)


def _option(plan: AddTimingComparison, option: TimingOption, write: Writer) -> str:
    seats = write.number(plan.adding)
    price = plan.subscription.unit_price
    until = write.amount(option.until_renewal)
    if option.fraction:
        share = _share(option.whole_periods, option.part)
        until = f"{seats} × {write.amount(price)} × {share} = {until}"
    after = (
        f"{seats} × {write.amount(plan.renewal_unit_price)} = {write.amount(option.from_renewal)}"
    )
    line = write.text(
        OPTION,
        timing=write.text(TIMINGS[option.timing.value]),
        day=write.day(option.starts_on),
        until=until,
        after=after,
    )
    note = _note(option, write)
    return f"{line}; {note}" if note else line


def _note(option: TimingOption, write: Writer) -> str:
    """Write the days users wait, or the days paid for before the need ("" if neither)."""
    if option.waiting_days:
        days = option.waiting_days
        return write.plural(WAIT, days, count=write.number(days))
    if option.idle_days:
        days = option.idle_days
        return write.plural(IDLE, days, count=write.number(days))
    return ""


def option_note(option: TimingOption, where: Locale) -> str:
    """Return what an option means for the users, as its line of the explanation says it."""
    return _note(option, Writer(where))


def timing_label(timing: Timing, where: Locale) -> str:
    """Return a moment to add seats in words (``now``, ``when needed``, ``at renewal``)."""
    return Writer(where).text(LABELS[timing.value])


def explain_timing(plan: AddTimingComparison, where: Locale) -> str:
    """Return each moment to add the seats with its arithmetic, and the cheapest one."""
    write = Writer(where)
    sub = plan.subscription
    months = sub.period_months
    lines = [
        write.plural(
            TIMING_TITLE,
            plan.adding,
            count=write.number(plan.adding),
            needed=write.day(plan.needed_on),
            on=write.day(plan.on),
        ),
        write.text(SEATS_HELD, count=write.number(sub.seats)),
        write.text(TERM, start=write.day(sub.term_start), end=write.day(sub.term_end)),
        write.plural(UNIT_PRICE, months, price=write.amount(sub.unit_price), months=months),
    ]
    if plan.renewal_unit_price != sub.unit_price:
        lines.append(write.text(RENEWAL_PRICE, price=write.amount(plan.renewal_unit_price)))
    lines.append(write.counting(plan.convention.name, plan.rounding))
    if plan.needed_on >= plan.renewal:
        lines.append(write.text(NOT_NEEDED))
    lines.extend(_option(plan, option, write) for option in plan.options)
    best = plan.best
    lines.append(
        write.text(
            BEST,
            timing=write.text(TIMINGS[best.timing.value]),
            until=write.amount(best.until_renewal),
            total=write.amount(best.total),
        )
    )
    return "\n".join(lines)


def explain_alignment(quote: AlignmentQuote, where: Locale) -> str:
    """Return each subscription's extension to the target with its arithmetic, and the total."""
    write = Writer(where)
    months = quote.period_months
    count = len(quote.lines)
    lines = [
        write.plural(ALIGN_TITLE, count, count=write.number(count), target=write.day(quote.target)),
        write.plural(RENEWAL_DATES, months, months=months, anchor=write.day(quote.anchor)),
        write.counting(quote.convention.name, quote.rounding),
    ]
    for number, line in enumerate(quote.lines, 1):
        if line.term_end == quote.target:
            lines.append(
                write.text(
                    ALIGNED,
                    number=number,
                    end=write.day(line.term_end),
                    amount=write.amount(line.amount),
                )
            )
            continue
        sub = line.subscription
        arithmetic = (
            f"{write.number(sub.seats)} × {write.amount(sub.unit_price)} × "
            f"{_share(line.whole_periods, line.part)} = {write.amount(line.amount)}"
        )
        lines.append(
            write.text(
                EXTENSION,
                number=number,
                start=write.day(line.term_end),
                end=write.day(quote.target),
                arithmetic=arithmetic,
            )
        )
    lines.append(write.text(TOTAL, total=write.amount(quote.total)))
    return "\n".join(lines)

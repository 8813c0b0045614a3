"""Aligning several subscriptions on one renewal date (SPEC R13).

Subscriptions with the same billing period can be extended to one target renewal date for a
one-time prorated price; afterwards they renew together.  :func:`align` prices every extension and
builds each extended subscription.  The result values, :class:`AlignmentQuote` and its
:class:`AlignmentLine` per subscription, live in a private module and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP

import attrs

from seatcalc._alignment_values import AlignmentLine, AlignmentQuote
from seatcalc._periods import (
    check_day_convention,
    line_amount,
    share_after,
)
from seatcalc._validate import (
    check_date,
    check_instance,
    check_sequence,
)
from seatcalc.conventions import ACTUAL_DAYS, Convention
from seatcalc.dates import grid_index
from seatcalc.errors import (
    CurrencyMismatchError,
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    reported_as,
)
from seatcalc.minor_units import MinorUnits, check_minor_units
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription

__all__ = ["AlignmentLine", "AlignmentQuote", "align"]


def align(
    subscriptions: list[Subscription] | tuple[Subscription, ...],
    *,
    target: dt.date | None = None,
    anchor: dt.date | None = None,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
) -> AlignmentQuote:
    """Price extending each subscription from its term end to ``target``, one renewal date.

    Every subscription must have the same ``period_months`` and currency.  ``target`` defaults
    to the latest term end among them and may not be before any of them (an alignment extends
    terms, it never shortens one).  The extension ``[term_end, target)`` of each is measured in
    its own billing periods after ``term_end``: each whole period counts 1, and the piece of the
    period the target falls in counts its prorated share under ``convention`` (``1 -`` the
    fraction :func:`~seatcalc.prorate` gives a change on ``target`` in that period, which for
    actual days is the piece's days over the period's).  Each line is ``seats x unit_price x
    fraction`` rounded once with ``rounding``; the total is the sum of the lines.

    The extended subscriptions end on ``target`` and renew on one grid, every ``period_months``
    months from ``anchor``.  ``anchor`` defaults to the anchor of the first subscription whose
    grid holds the target (so a month-end anchor such as Jan 31 is not lost to a clamped target
    such as Feb 28), else to the target itself.

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> price = Money("120.00", "EUR")
    >>> march = Subscription(
    ...     seats=3,
    ...     unit_price=price,
    ...     term_start=dt.date(2025, 3, 1),
    ...     term_end=dt.date(2026, 3, 1),
    ...     country="FR",
    ... )
    >>> june = Subscription(
    ...     seats=5,
    ...     unit_price=price,
    ...     term_start=dt.date(2025, 6, 1),
    ...     term_end=dt.date(2026, 6, 1),
    ...     country="FR",
    ... )
    >>> quote = align([march, june])
    >>> [(line.fraction, line.amount) for line in quote.lines]
    [(Fraction(92, 365), Money('90.74', 'EUR')), (Fraction(0, 1), Money('0.00', 'EUR'))]
    >>> quote.total, quote.extended[0].term_end, quote.extended[0].anchor
    (Money('90.74', 'EUR'), datetime.date(2026, 6, 1), datetime.date(2025, 6, 1))

    Args:
        subscriptions: a non-empty list (or tuple) of :class:`~seatcalc.Subscription`.
        target: the common renewal date, on or after every term end.
        anchor: the grid the aligned subscriptions renew on; ``target`` must lie on it.
        convention: how the partial period is counted (a day convention, or its name).
        rounding: the :mod:`decimal` rounding mode of the one rounding per line.
        minor_units: the table of minor units each line is rounded to
            (:mod:`seatcalc.minor_units`), CLDR's by default.

    Raises:
        InvalidTypeError: not a list of subscriptions, or a datetime as a date.
        InvalidValueError: an empty list, mixed period lengths, a target before a term end, a
            target off the given anchor's grid, a seconds convention, an unknown rounding mode.
        CurrencyMismatchError: mixed currencies.

    .. versionadded:: 0.1.0
    """
    subs = _check_subscriptions(subscriptions)
    method = check_day_convention(convention)
    mode = check_rounding(rounding)
    table = check_minor_units(minor_units)
    first = subs[0]
    latest = max(sub.term_end for sub in subs)
    goal = latest if target is None else check_date(target, "target")
    for index, sub in enumerate(subs):
        if sub.term_end > goal:
            raise InvalidValueError(
                field="target",
                value=goal,
                problem=f", before subscriptions[{index}]'s term end {sub.term_end.isoformat()}",
                expected=(
                    f"a date on or after {latest.isoformat()}, the latest term end (an "
                    "alignment extends terms, it never shortens one)"
                ),
                code=ErrorCode.DATE_ORDER,
            )
    grid = _choose_anchor(subs, goal, anchor, first.period_months)
    lines = []
    for number, sub in enumerate(subs):
        start_index = grid_index(sub.anchor, sub.period_months, sub.term_end)
        assert start_index is not None  # noqa: S101 - Subscription checks term_end is on the grid
        with reported_as({"seats": f"subscriptions[{number}].seats"}):
            share = share_after(
                sub.unit_price,
                sub.seats,
                anchor=sub.anchor,
                period=sub.period_months,
                start_index=start_index,
                target=goal,
                convention=method,
                rounding=mode,
            )
            amount = line_amount(sub.unit_price, sub.seats, share.fraction, method, mode, table)
        lines.append(
            AlignmentLine(
                subscription=sub,
                extended=attrs.evolve(sub, term_end=goal, anchor=grid),
                whole_periods=share.whole,
                part=share.part,
                amount=amount,
            )
        )
    return AlignmentQuote(
        target=goal,
        anchor=grid,
        period_months=first.period_months,
        convention=method,
        rounding=mode,
        lines=tuple(lines),
        minor_units=table,
    )


def _check_subscriptions(value: object) -> tuple[Subscription, ...]:
    if isinstance(value, Subscription):
        raise InvalidTypeError(
            field="subscriptions",
            value=value,
            got="a single Subscription",
            expected="a list of them, e.g. [subscription]",
        )
    items = check_sequence(value, "subscriptions", "a list of seatcalc.Subscription")
    if not items:
        raise InvalidValueError(
            field="subscriptions",
            value=[],
            got="an empty list",
            expected="at least one seatcalc.Subscription",
            code=ErrorCode.EMPTY,
        )
    subs = tuple(
        check_instance(item, Subscription, f"subscriptions[{index}]", "a seatcalc.Subscription")
        for index, item in enumerate(items)
    )
    first = subs[0]
    for index, sub in enumerate(subs[1:], 1):
        if sub.period_months != first.period_months:
            raise InvalidValueError(
                field=f"subscriptions[{index}].period_months",
                value=sub.period_months,
                expected=(
                    f"{first.period_months}, as subscriptions[0]: only subscriptions with the "
                    "same period length can be aligned"
                ),
                code=ErrorCode.INCONSISTENT,
            )
        if sub.currency != first.currency:
            raise CurrencyMismatchError(
                field=f"subscriptions[{index}].unit_price",
                value=sub.unit_price,
                got=str(sub.unit_price),
                expected=(
                    f"a price in {first.currency}, as subscriptions[0]: an alignment is paid in "
                    "one currency"
                ),
            )
    return subs


def _choose_anchor(
    subs: tuple[Subscription, ...], target: dt.date, anchor: object, period: int
) -> dt.date:
    if anchor is None:
        for sub in subs:
            if grid_index(sub.anchor, period, target) is not None:
                return sub.anchor
        return target
    grid = check_date(anchor, "anchor")
    if grid > target or grid_index(grid, period, target) is None:
        raise InvalidValueError(
            field="anchor",
            value=grid,
            expected=(
                f"a date on or before the target {target.isoformat()} that has the target "
                f"among its renewal dates every {period} month(s) (or leave it out)"
            ),
            code=ErrorCode.OFF_GRID,
        )
    return grid

"""Aligning several subscriptions on one renewal date (SPEC R13).

Subscriptions with the same billing period can be extended to one target renewal date for a
one-time prorated price; afterwards they renew together.  :func:`align` prices every extension and
builds each extended subscription.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction
from typing import Self

import attrs

from seatcalc._periods import (
    check_day_convention,
    line_amount,
    share_after,
)
from seatcalc._validate import (
    check_agrees,
    check_date,
    check_instance,
    check_keys,
    check_sequence,
    parse_date,
)
from seatcalc.conventions import (
    ACTUAL_DAYS,
    Convention,
    convention_from_data,
    convention_to_data,
)
from seatcalc.dates import grid_index
from seatcalc.errors import (
    CurrencyMismatchError,
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    reported_as,
)
from seatcalc.money import Money
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription

__all__ = ["AlignmentLine", "AlignmentQuote", "align"]


@attrs.frozen(kw_only=True)
class AlignmentLine:
    """The extension of one subscription from its term end to the target, and its price.

    ``amount`` is ``seats x unit_price x (whole_periods + part)`` rounded once: the extension
    ``[term_end, target)`` counts 1 for each whole billing period after ``term_end`` and the
    prorated share ``part`` of the period the target falls in.

    .. versionadded:: 0.1.0
    """

    #: The subscription as it is, before the alignment.
    subscription: Subscription
    #: The same subscription with its term extended to the target and the common anchor.
    extended: Subscription
    whole_periods: int
    part: Fraction
    amount: Money

    @property
    def term_end(self) -> dt.date:
        """The term end before the alignment."""
        return self.subscription.term_end

    @property
    def new_term_end(self) -> dt.date:
        """The term end after the alignment, which is the target."""
        return self.extended.term_end

    @property
    def fraction(self) -> Fraction:
        """The billing periods the extension adds, ``whole_periods + part``."""
        return self.whole_periods + self.part

    @property
    def exact(self) -> Fraction:
        """The price before rounding, ``seats x unit_price x fraction``."""
        sub = self.subscription
        return sub.seats * sub.unit_price.to_fraction() * self.fraction

    def describe_fraction(self) -> str:
        """Write the fraction as a person checks it: ``0``, ``15/31``, ``(2 + 15/31)``."""
        if self.whole_periods and self.part:
            return f"({self.whole_periods} + {self.part})"
        return str(self.fraction)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict of the computed line (the subscription is the quote's)."""
        return {
            "term_end": self.term_end.isoformat(),
            "new_term_end": self.new_term_end.isoformat(),
            "whole_periods": self.whole_periods,
            "part": str(self.part),
            "amount": self.amount.to_dict(),
        }


_INPUTS = ("subscriptions", "target", "anchor", "convention", "rounding")
_COMPUTED = ("lines", "total")


@attrs.frozen(kw_only=True)
class AlignmentQuote:
    """The one-time price of aligning several subscriptions on one renewal date.

    Build one with :func:`align` (or :meth:`from_dict`, which computes it again).  ``lines``
    follow the order of the subscriptions given; :attr:`total` is their sum, in their common
    currency.  Every extended subscription ends on ``target`` and renews every
    ``period_months`` months on ``anchor``'s grid.

    .. versionadded:: 0.1.0
    """

    target: dt.date
    anchor: dt.date
    period_months: int
    convention: Convention
    rounding: str
    lines: tuple[AlignmentLine, ...]

    @property
    def currency(self) -> str:
        """The common currency of the subscriptions."""
        return self.lines[0].amount.currency

    @property
    def total(self) -> Money:
        """The sum of the lines."""
        return sum((line.amount for line in self.lines), Money.zero(self.currency))

    @property
    def subscriptions(self) -> tuple[Subscription, ...]:
        """The subscriptions before the alignment."""
        return tuple(line.subscription for line in self.lines)

    @property
    def extended(self) -> tuple[Subscription, ...]:
        """The subscriptions after the alignment, each ending on ``target``."""
        return tuple(line.extended for line in self.lines)

    def explain(self) -> str:
        """Write the quote out in plain text, one line per subscription with its arithmetic."""
        lines = [
            (
                f"Align {len(self.lines)} subscription(s) of {self.period_months} month(s) on "
                f"{self.target.isoformat()} (then every {self.period_months} month(s) from "
                f"anchor {self.anchor.isoformat()}); convention {self.convention.name}, "
                f"rounding {self.rounding}"
            ),
        ]
        for number, line in enumerate(self.lines, 1):
            sub = line.subscription
            if line.term_end == self.target:
                lines.append(
                    f"{number}. ends on {line.term_end.isoformat()}: already aligned, {line.amount}"
                )
                continue
            lines.append(
                f"{number}. {line.term_end.isoformat()} to {self.target.isoformat()}: "
                f"{sub.seats} x {sub.unit_price} x {line.describe_fraction()} = {line.amount}"
            )
        lines.append(f"total: {self.total}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th>{label}</th>"
            for label in (
                "#",
                "Seats",
                "Unit price",
                "Term end",
                "New term end",
                "Periods",
                "Price",
            )
        )
        rows = "".join(
            f"<tr><td>{number}</td><td>{line.subscription.seats}</td>"
            f"<td>{line.subscription.unit_price}</td><td>{line.term_end.isoformat()}</td>"
            f"<td>{line.new_term_end.isoformat()}</td><td>{line.describe_fraction()}</td>"
            f"<td>{line.amount}</td></tr>"
            for number, line in enumerate(self.lines, 1)
        )
        total = f"<tr><th colspan='6'>Total</th><td>{self.total}</td></tr>"
        caption = f"Aligning on {self.target.isoformat()}"
        return f"<table><caption>{caption}</caption><tr>{head}</tr>{rows}{total}</table>"

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, one entry per line, and the total."""
        return {
            "subscriptions": [line.subscription.to_dict() for line in self.lines],
            "target": self.target.isoformat(),
            "anchor": self.anchor.isoformat(),
            "convention": convention_to_data(self.convention),
            "rounding": self.rounding,
            "lines": [line.to_dict() for line in self.lines],
            "total": self.total.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a quote from :meth:`to_dict`'s form by computing it again.

        The inputs are required; ``lines`` and ``total`` are optional, and when present must
        equal what seatcalc computes (a record that does not add up is refused).
        """
        mapping = check_keys(data, "AlignmentQuote", _INPUTS, _COMPUTED)
        items = check_sequence(mapping["subscriptions"], "subscriptions", "a list of mappings")
        result = align(
            [Subscription.from_dict(item) for item in items],  # type: ignore[arg-type]
            target=parse_date(mapping["target"], "target"),
            anchor=parse_date(mapping["anchor"], "anchor"),
            convention=convention_from_data(mapping["convention"]),
            rounding=mapping["rounding"],  # type: ignore[arg-type]
        )
        check_agrees(mapping, result.to_dict(), _COMPUTED)
        return cls(**{field.name: getattr(result, field.name) for field in attrs.fields(cls)})


def align(
    subscriptions: list[Subscription] | tuple[Subscription, ...],
    *,
    target: dt.date | None = None,
    anchor: dt.date | None = None,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
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
            amount = line_amount(sub.unit_price, sub.seats, share.fraction, method, mode)
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

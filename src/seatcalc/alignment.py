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
from typing import TYPE_CHECKING, Self

import attrs

from seatcalc._html import explanation
from seatcalc._periods import (
    check_day_convention,
    line_amount,
    share_after,
)
from seatcalc._records import read_convention, read_items, read_nested
from seatcalc._validate import (
    check_agrees,
    check_count,
    check_date,
    check_instance,
    check_keys,
    check_sequence,
    parse_date,
    parse_ratio,
    share_field,
)
from seatcalc.conventions import (
    ACTUAL_DAYS,
    Convention,
    convention_to_data,
)
from seatcalc.dates import grid_index, period_containing
from seatcalc.errors import (
    CurrencyMismatchError,
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    reported_as,
)
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money, check_price
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription, check_subscription

if TYPE_CHECKING:
    from babel.core import Locale

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
    subscription: Subscription = attrs.field(
        validator=lambda _i, _a, value: check_subscription(value)
    )
    #: The same subscription with its term extended to the target and the common anchor.
    extended: Subscription = attrs.field(
        validator=lambda _i, _a, value: check_subscription(value, "extended")
    )
    whole_periods: int = attrs.field(
        validator=lambda _i, _a, value: check_count(value, "whole_periods", minimum=0)
    )
    part: Fraction = attrs.field(validator=share_field("part"))
    amount: Money = attrs.field(validator=lambda _i, _a, value: check_price(value, "amount"))

    def __attrs_post_init__(self) -> None:
        """Check that the extension and its figures agree with the subscription's grid."""
        problem = self._contradiction()
        if problem is not None:
            field, value, expected = problem
            raise InvalidValueError(
                field=field,
                value=value,
                got=str(value) if isinstance(value, Fraction | int) else repr(value),
                problem=f", which contradicts the extension of a term ending on {self.term_end}",
                expected=expected,
                code=ErrorCode.INCONSISTENT,
            )

    def _contradiction(self) -> tuple[str, object, str] | None:
        """Return the field at fault, its value and what it should be, or None."""
        sub, target = self.subscription, self.new_term_end
        check_price(self.amount, "amount", sub.currency)
        if target < sub.term_end:
            return "new_term_end", target, f"a date on or after {sub.term_end.isoformat()}"
        same = attrs.evolve(sub, term_end=target, anchor=self.extended.anchor)
        if same != self.extended:
            return "extended", self.extended, "the subscription with another term end and anchor"
        start = grid_index(sub.anchor, sub.period_months, sub.term_end)
        index, low, _ = period_containing(sub.anchor, sub.period_months, target, field="target")
        if start is not None and self.whole_periods != index - start:
            periods = index - start
            return "whole_periods", self.whole_periods, f"{periods}, the periods to the target"
        if low == target and self.part:
            return "part", self.part, "0: the target is a renewal date of the subscription"
        if not self.fraction and self.amount.amount:
            return "amount", self.amount, "0: the extension adds no time"
        return None

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
        """Return a JSON-safe dict: the subscription, its new term end and anchor, the price."""
        return {
            "subscription": self.subscription.to_dict(),
            "term_end": self.term_end.isoformat(),
            "new_term_end": self.new_term_end.isoformat(),
            "new_anchor": self.extended.anchor.isoformat(),
            "whole_periods": self.whole_periods,
            "part": str(self.part),
            "amount": self.amount.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a line from :meth:`to_dict`'s form, refusing one that contradicts its grid.

        The whole periods must be those of the subscription's grid; the price of the part, which
        depends on the quote's convention and rounding, is checked by
        :meth:`AlignmentQuote.from_dict`, which computes every line again.
        """
        keys = ("subscription", "new_term_end", "new_anchor", "whole_periods", "part", "amount")
        mapping = check_keys(data, "AlignmentLine", keys, ("term_end",))
        sub = read_nested(mapping["subscription"], "subscription", Subscription.from_dict)
        target = parse_date(mapping["new_term_end"], "new_term_end")
        grid = parse_date(mapping["new_anchor"], "new_anchor")
        if target < sub.term_end:
            raise InvalidValueError(
                field="new_term_end",
                value=target,
                expected=f"a date on or after the term end {sub.term_end.isoformat()}",
                hint="an alignment extends a term, it never shortens one",
                code=ErrorCode.DATE_ORDER,
            )
        if grid > target or grid_index(grid, sub.period_months, target) is None:
            raise InvalidValueError(
                field="new_anchor",
                value=grid,
                expected=(
                    f"a date on or before new_term_end {target.isoformat()} that has it among its "
                    f"renewal dates every {sub.period_months} month(s)"
                ),
                code=ErrorCode.OFF_GRID,
            )
        with reported_as({"term_end": "new_term_end", "anchor": "new_anchor"}):
            extended = attrs.evolve(sub, term_end=target, anchor=grid)
        line = cls(
            subscription=sub,
            extended=extended,
            whole_periods=mapping["whole_periods"],  # type: ignore[arg-type]
            part=parse_ratio(mapping["part"], "part"),
            amount=read_nested(mapping["amount"], "amount", Money.from_dict),
        )
        check_agrees(mapping, line.to_dict(), ("term_end",))
        return line


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
    #: The table of minor units each line is rounded to (CLDR's by default).
    minor_units: MinorUnits = attrs.field(default=CLDR_UNITS, converter=check_minor_units)

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

    def explain(self, locale: str | Locale = "en") -> str:
        """Write the quote out for a reader of ``locale``, one line per subscription."""
        from seatcalc._explain_planning import explain_alignment  # noqa: PLC0415 - first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_alignment(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks, one row per subscription."""
        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, one entry per line, and the total.

        A table of minor units other than CLDR's is written as ``minor_units``.
        """
        data: dict[str, object] = {
            "subscriptions": [line.subscription.to_dict() for line in self.lines],
            "target": self.target.isoformat(),
            "anchor": self.anchor.isoformat(),
            "convention": convention_to_data(self.convention),
            "rounding": self.rounding,
            "lines": [line.to_dict() for line in self.lines],
            "total": self.total.to_dict(),
        }
        if self.minor_units != CLDR_UNITS:
            data["minor_units"] = self.minor_units.to_data()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a quote from :meth:`to_dict`'s form by computing it again.

        The inputs are required; ``lines`` and ``total`` are optional, and when present must
        equal what seatcalc computes (a record that does not add up is refused).
        """
        mapping = check_keys(data, "AlignmentQuote", _INPUTS, (*_COMPUTED, "minor_units"))
        subs = read_items(mapping["subscriptions"], "subscriptions", Subscription.from_dict)
        if "lines" in mapping:
            read_items(mapping["lines"], "lines", AlignmentLine.from_dict)
        if "total" in mapping:
            read_nested(mapping["total"], "total", Money.from_dict)
        result = align(
            subs,
            target=parse_date(mapping["target"], "target"),
            anchor=parse_date(mapping["anchor"], "anchor"),
            convention=read_convention(mapping["convention"]),
            rounding=mapping["rounding"],  # type: ignore[arg-type]
            minor_units=check_minor_units(mapping.get("minor_units")),
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

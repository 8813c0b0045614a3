"""The values of an alignment: one subscription's extension, and the quote of them all.

:func:`~seatcalc.align` builds them; :mod:`seatcalc.alignment` re-exports them.  Each value
refuses figures that contradict each other, and its ``from_dict`` reads the JSON form back (the
quote by computing it again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Self

import attrs

from seatcalc._html import explanation
from seatcalc._records import read_convention, read_items, read_nested
from seatcalc._validate import (
    check_agrees,
    check_count,
    check_keys,
    parse_date,
    parse_ratio,
    share_field,
)
from seatcalc.conventions import Convention, convention_to_data
from seatcalc.dates import grid_index, period_containing
from seatcalc.errors import ErrorCode, InvalidValueError, reported_as
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money, check_price
from seatcalc.subscription import Subscription, check_subscription

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["AlignmentLine", "AlignmentQuote"]


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
        from seatcalc.alignment import align  # noqa: PLC0415 - align builds this value

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

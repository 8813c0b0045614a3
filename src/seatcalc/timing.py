"""Add seats now or later: what each moment costs until the renewal and from it (SPEC R11).

Seats added during a term are co-termed and prorated, so adding them later costs less until the
renewal, but users who need them before they are added wait.  :func:`compare_add_timing` prices
the three moments an admin chooses between (now, the day the seats are needed, the renewal) and
points at the cheapest one that does not leave anyone waiting.  The date of the decision is a
parameter, never a clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Self

import attrs

from seatcalc._html import explanation
from seatcalc._periods import (
    check_day_convention,
    line_amount,
    share_until,
)
from seatcalc._records import read_convention, read_items, read_nested
from seatcalc._validate import (
    check_agrees,
    check_count,
    check_date,
    check_instance,
    check_keys,
    date_field,
    parse_date,
    parse_ratio,
    share_field,
)
from seatcalc.conventions import (
    ACTUAL_DAYS,
    Convention,
    convention_to_data,
)
from seatcalc.dates import grid_index
from seatcalc.errors import (
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    OutsideTermError,
    reported_as,
)
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import MAX_INTEGER_DIGITS, Money, check_price
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["AddTimingComparison", "Timing", "TimingOption", "compare_add_timing"]


class Timing(StrEnum):
    """When added seats start: the three moments :func:`compare_add_timing` compares.

    .. versionadded:: 0.1.0
    """

    #: On the day of the decision (``on``).
    NOW = "NOW"
    #: On the day the seats are needed (``needed_on``).
    WHEN_NEEDED = "WHEN_NEEDED"
    #: At the next renewal (``term_end``): the seats start with the next term.
    AT_RENEWAL = "AT_RENEWAL"

    @property
    def label(self) -> str:
        """The moment in words (``now``, ``when needed``, ``at renewal``)."""
        return self.value.replace("_", " ").lower()


def _to_timing(value: object) -> Timing:
    if isinstance(value, Timing):
        return value
    if isinstance(value, str) and value in Timing.__members__:
        return Timing[value]
    expected = f"one of {', '.join(repr(timing.value) for timing in Timing)}"
    if not isinstance(value, str):
        raise InvalidTypeError(field="timing", value=value, expected=expected)
    raise InvalidValueError(
        field="timing", value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
    )


def _days(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    return lambda _i, _a, value: check_count(value, field, minimum=0)


def _price(field: str) -> Any:  # noqa: ANN401 - an attrs validator
    return lambda _i, _a, value: check_price(value, field)


@attrs.frozen(kw_only=True)
class TimingOption:
    """One moment to add the seats, and what it costs.

    ``until_renewal`` is the prorated price from ``starts_on`` to the renewal (zero at the
    renewal); ``from_renewal`` the price of the seats for the next term.  ``waiting_days`` counts
    the days from the need to ``starts_on`` when users have no seat; ``idle_days`` the days paid
    for before the seats are needed (one of the two at least is 0).

    .. versionadded:: 0.1.0
    """

    timing: Timing = attrs.field(converter=_to_timing)
    starts_on: dt.date = attrs.field(validator=date_field("starts_on"))
    #: Whole billing periods from the period after ``starts_on`` to the renewal (0 on a term
    #: of one period).
    whole_periods: int = attrs.field(validator=_days("whole_periods"))
    #: The prorated share of the billing period holding ``starts_on``.
    part: Fraction = attrs.field(validator=share_field("part"))
    until_renewal: Money = attrs.field(validator=_price("until_renewal"))
    from_renewal: Money = attrs.field(validator=_price("from_renewal"))
    waiting_days: int = attrs.field(validator=_days("waiting_days"))
    idle_days: int = attrs.field(validator=_days("idle_days"))

    def __attrs_post_init__(self) -> None:
        """Check that the option's figures agree with each other."""
        check_price(self.from_renewal, "from_renewal", self.until_renewal.currency)
        if self.waiting_days and self.idle_days:
            raise InvalidValueError(
                field="idle_days",
                value=self.idle_days,
                problem=f", with waiting_days {self.waiting_days}",
                expected="0 when users wait: seats cannot be both late and early",
                code=ErrorCode.INCONSISTENT,
            )
        if self.timing is not Timing.AT_RENEWAL:
            return
        for field in ("whole_periods", "part", "until_renewal"):
            value = getattr(self, field)
            if not (value.amount if isinstance(value, Money) else value):
                continue
            raise InvalidValueError(
                field=field,
                value=value,
                got=repr(value) if isinstance(value, Money) else str(value),
                problem=", which contradicts timing AT_RENEWAL",
                expected="0: seats added at the renewal cost nothing until then",
                code=ErrorCode.INCONSISTENT,
            )

    @property
    def fraction(self) -> Fraction:
        """The billing periods paid until the renewal, ``whole_periods + part``."""
        return self.whole_periods + self.part

    @property
    def total(self) -> Money:
        """What the seats cost until the renewal and for the next term."""
        return self.until_renewal + self.from_renewal

    @property
    def covers_need(self) -> bool:
        """Whether the seats are there on the day they are needed."""
        return self.waiting_days == 0

    @property
    def note(self) -> str:
        """What the option means for the users, in words ("" when it starts on the need day)."""
        if self.waiting_days:
            return f"users wait {self.waiting_days} day(s) without the seats"
        if self.idle_days:
            return f"seats paid for {self.idle_days} day(s) before they are needed"
        return ""

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict (the share as ``"numerator/denominator"``)."""
        return {
            "timing": self.timing.value,
            "starts_on": self.starts_on.isoformat(),
            "whole_periods": self.whole_periods,
            "part": str(self.part),
            "until_renewal": self.until_renewal.to_dict(),
            "from_renewal": self.from_renewal.to_dict(),
            "waiting_days": self.waiting_days,
            "idle_days": self.idle_days,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build an option from :meth:`to_dict`'s form, refusing figures that contradict.

        The prices are checked against the comparison's inputs by
        :meth:`AddTimingComparison.from_dict`, which computes them again.
        """
        keys = (
            "timing",
            "starts_on",
            "whole_periods",
            "part",
            "until_renewal",
            "from_renewal",
            "waiting_days",
            "idle_days",
        )
        mapping = check_keys(data, "TimingOption", keys)
        return cls(
            timing=mapping["timing"],
            starts_on=parse_date(mapping["starts_on"], "starts_on"),
            whole_periods=mapping["whole_periods"],  # type: ignore[arg-type]
            part=parse_ratio(mapping["part"], "part"),
            until_renewal=read_nested(mapping["until_renewal"], "until_renewal", Money.from_dict),
            from_renewal=read_nested(mapping["from_renewal"], "from_renewal", Money.from_dict),
            waiting_days=mapping["waiting_days"],  # type: ignore[arg-type]
            idle_days=mapping["idle_days"],  # type: ignore[arg-type]
        )


_INPUTS = (
    "subscription",
    "adding",
    "needed_on",
    "on",
    "renewal_unit_price",
    "convention",
    "rounding",
)
_COMPUTED = ("options", "best")


@attrs.frozen(kw_only=True)
class AddTimingComparison:
    """Adding seats now, when needed, or at the renewal, compared (SPEC R11).

    Build one with :func:`compare_add_timing` (or :meth:`from_dict`, which computes it again).
    ``options`` holds the three moments in that order, or only the renewal when the seats are
    not needed before it.  :attr:`best` is the cheapest option that leaves nobody waiting.

    .. versionadded:: 0.1.0
    """

    subscription: Subscription
    #: How many seats are added.
    adding: int
    #: The day of the decision.
    on: dt.date
    needed_on: dt.date
    renewal_unit_price: Money
    convention: Convention
    rounding: str
    options: tuple[TimingOption, ...]
    #: The table of minor units each option is rounded to (CLDR's by default).
    minor_units: MinorUnits = attrs.field(default=CLDR_UNITS, converter=check_minor_units)

    @property
    def renewal(self) -> dt.date:
        """The renewal date, ``subscription.term_end``."""
        return self.subscription.term_end

    @property
    def best(self) -> TimingOption:
        """The cheapest option that covers the need; on a tie, the one that starts earliest.

        At equal cost, earlier seats are worth more to the users.  The renewal option always
        covers a need on or after the renewal, so there is always one.
        """
        covering = [option for option in self.options if option.covers_need]
        return min(covering, key=lambda option: option.total.amount)

    def option(self, timing: Timing | str) -> TimingOption:
        """Return the option for ``timing`` (a :class:`Timing` or its value).

        Raises:
            InvalidValueError: not a moment this comparison holds.
        """
        for option in self.options:
            if option.timing == timing:
                return option
        held = ", ".join(option.timing.value for option in self.options)
        raise InvalidValueError(
            field="timing",
            value=timing,
            expected=f"one of the moments this comparison holds: {held}",
            code=ErrorCode.UNKNOWN_CHOICE,
        )

    def explain(self, locale: str | Locale = "en") -> str:
        """Write the comparison out for a reader of ``locale``, with each option's arithmetic."""
        from seatcalc._explain_planning import explain_timing  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_timing(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks, one row per option."""
        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, every option and the best one's timing.

        A table of minor units other than CLDR's is written as ``minor_units``.
        """
        data: dict[str, object] = {
            "subscription": self.subscription.to_dict(),
            "adding": self.adding,
            "needed_on": self.needed_on.isoformat(),
            "on": self.on.isoformat(),
            "renewal_unit_price": self.renewal_unit_price.to_dict(),
            "convention": convention_to_data(self.convention),
            "rounding": self.rounding,
            "options": [option.to_dict() for option in self.options],
            "best": self.best.timing.value,
        }
        if self.minor_units != CLDR_UNITS:
            data["minor_units"] = self.minor_units.to_data()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a comparison from :meth:`to_dict`'s form by computing it again.

        The inputs are required; ``options`` and ``best`` are optional, and when present must
        equal what seatcalc computes (a record that does not add up is refused).
        """
        mapping = check_keys(data, "AddTimingComparison", _INPUTS, (*_COMPUTED, "minor_units"))
        if "options" in mapping:
            read_items(mapping["options"], "options", TimingOption.from_dict)
        result = compare_add_timing(
            read_nested(mapping["subscription"], "subscription", Subscription.from_dict),
            mapping["adding"],  # type: ignore[arg-type]
            parse_date(mapping["needed_on"], "needed_on"),
            on=parse_date(mapping["on"], "on"),
            renewal_unit_price=read_nested(
                mapping["renewal_unit_price"], "renewal_unit_price", Money.from_dict
            ),
            convention=read_convention(mapping["convention"]),
            rounding=mapping["rounding"],  # type: ignore[arg-type]
            minor_units=check_minor_units(mapping.get("minor_units")),
        )
        check_agrees(mapping, result.to_dict(), _COMPUTED)
        return cls(**{field.name: getattr(result, field.name) for field in attrs.fields(cls)})


def compare_add_timing(
    subscription: Subscription,
    adding: int,
    needed_on: dt.date,
    *,
    on: dt.date,
    renewal_unit_price: Money | None = None,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
) -> AddTimingComparison:
    """Compare adding ``adding`` seats now, on ``needed_on``, or at the next renewal.

    Each option is priced until the renewal (``term_end``) and from it:

    * **now** starts on ``on``; **when needed** on ``needed_on``; both pay ``adding x
      unit_price x share``, the share of the billing period left from their start as
      :func:`~seatcalc.prorate` counts it with ``convention``, rounded once with ``rounding``
      (a term longer than one period, after an alignment, adds 1 per whole period left);
    * **at renewal** starts on ``term_end`` and pays nothing until then;
    * every option then pays ``adding x renewal_unit_price`` for the next term
      (``renewal_unit_price`` defaults to the current unit price).

    When ``needed_on`` is on or after the renewal the seats are not needed in this term: only
    the renewal option is returned, since paying to add them earlier buys nothing.  (If the need
    lies beyond the next term's start, ask again about the renewed term, see
    :func:`~seatcalc.renew`.)

    >>> import datetime as dt
    >>> from seatcalc import Money, Subscription
    >>> sub = Subscription(
    ...     seats=10,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> plan = compare_add_timing(sub, 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    >>> [(o.timing.value, o.until_renewal, o.waiting_days) for o in plan.options]
    [('NOW', Money('2012.05', 'USD'), 0), ('WHEN_NEEDED', Money('1209.86', 'USD'), 0), ('AT_RENEWAL', Money('0.00', 'USD'), 184)]
    >>> plan.best.timing
    <Timing.WHEN_NEEDED: 'WHEN_NEEDED'>

    Args:
        subscription: the subscription, in its current term.
        adding: how many seats to add, an int >= 1.
        needed_on: the first day users need the seats, on or after ``on``.
        on: the day of the decision, in ``[term_start, term_end)``.
        renewal_unit_price: the price of one seat for the next term, in the same currency.
        convention: how the share of a period is counted (a day convention, or its name).
        rounding: the :mod:`decimal` rounding mode of the one rounding per option.
        minor_units: the table of minor units each option is rounded to
            (:mod:`seatcalc.minor_units`), CLDR's by default.

    Raises:
        InvalidTypeError: a wrong type (a bool as a count, a datetime as a date, a float price).
        InvalidValueError: ``adding`` below 1, ``needed_on`` before ``on``, a seconds
            convention, an unknown rounding mode or a negative renewal price.
        OutsideTermError: ``on`` is not in the current term.
        CurrencyMismatchError: ``renewal_unit_price`` in another currency.

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    sub = check_instance(subscription, Subscription, "subscription", "a seatcalc.Subscription")
    count = check_count(adding, "adding")
    need = check_date(needed_on, "needed_on")
    day = check_date(on, "on")
    method = check_day_convention(convention)
    mode = check_rounding(rounding)
    table = check_minor_units(minor_units)
    price = (
        sub.unit_price
        if renewal_unit_price is None
        else check_price(renewal_unit_price, "renewal_unit_price", sub.currency)
    )
    if not sub.term_start <= day < sub.term_end:
        raise OutsideTermError(day, sub.term_start, sub.term_end, "on")
    if need < day:
        raise InvalidValueError(
            field="needed_on",
            value=need,
            problem=f", before the day of the decision, on={day.isoformat()}",
            expected="a date on or after on (seats cannot be added in the past)",
            code=ErrorCode.DATE_ORDER,
        )
    try:
        from_renewal = price * count
    except InvalidValueError:
        raise InvalidValueError(
            field="adding",
            value=count,
            problem=f"; {count} x {price} is too large an amount",
            expected=f"a count whose price is below 10**{MAX_INTEGER_DIGITS} {sub.currency}",
        ) from None
    zero = Money.zero(sub.currency)
    renewal = TimingOption(
        timing=Timing.AT_RENEWAL,
        starts_on=sub.term_end,
        whole_periods=0,
        part=Fraction(0),
        until_renewal=zero.round(minor_units=table),
        from_renewal=from_renewal,
        waiting_days=max(0, (sub.term_end - need).days),
        idle_days=max(0, (need - sub.term_end).days),
    )
    if need >= sub.term_end:
        options: tuple[TimingOption, ...] = (renewal,)
    else:
        end_index = grid_index(sub.anchor, sub.period_months, sub.term_end)
        assert end_index is not None  # noqa: S101 - Subscription checks term_end is on the grid
        with reported_as({"seats": "adding"}):
            options = (
                *(
                    _prorated_option(
                        sub, count, when, start, need, end_index, method, mode, from_renewal, table
                    )
                    for when, start in ((Timing.NOW, day), (Timing.WHEN_NEEDED, need))
                ),
                renewal,
            )
    return AddTimingComparison(
        subscription=sub,
        adding=count,
        on=day,
        needed_on=need,
        renewal_unit_price=price,
        convention=method,
        rounding=mode,
        options=options,
        minor_units=table,
    )


def _prorated_option(  # noqa: PLR0917 - the option's inputs
    sub: Subscription,
    seats: int,
    timing: Timing,
    start: dt.date,
    need: dt.date,
    end_index: int,
    convention: Convention,
    rounding: str,
    from_renewal: Money,
    table: MinorUnits,
) -> TimingOption:
    share = share_until(
        sub.unit_price,
        seats,
        anchor=sub.anchor,
        period=sub.period_months,
        day=start,
        end_index=end_index,
        convention=convention,
        rounding=rounding,
    )
    return TimingOption(
        timing=timing,
        starts_on=start,
        whole_periods=share.whole,
        part=share.part,
        until_renewal=line_amount(
            sub.unit_price, seats, share.fraction, convention, rounding, table
        ),
        from_renewal=from_renewal,
        waiting_days=0,
        idle_days=(need - start).days,
    )

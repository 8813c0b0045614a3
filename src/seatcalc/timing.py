"""Add seats now or later: what each moment costs until the renewal and from it (SPEC R11).

Seats added during a term are co-termed and prorated, so adding them later costs less until the
renewal, but users who need them before they are added wait.  :func:`compare_add_timing` prices
the three moments an admin chooses between (now, the day the seats are needed, the renewal) and
points at the cheapest one that does not leave anyone waiting.  The date of the decision is a
parameter, never a clock.  The values it returns (:class:`AddTimingComparison`, its
:class:`TimingOption` per :class:`Timing`) live in private modules and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction

from seatcalc._periods import (
    check_day_convention,
    line_amount,
    share_until,
)
from seatcalc._timing_comparison import AddTimingComparison
from seatcalc._timing_options import Timing, TimingOption
from seatcalc._validate import check_count, check_date, check_instance
from seatcalc.conventions import ACTUAL_DAYS, Convention
from seatcalc.dates import grid_index
from seatcalc.errors import ErrorCode, InvalidValueError, OutsideTermError, reported_as
from seatcalc.minor_units import MinorUnits, check_minor_units
from seatcalc.money import MAX_INTEGER_DIGITS, Money, check_price
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription

__all__ = ["AddTimingComparison", "Timing", "TimingOption", "compare_add_timing"]


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

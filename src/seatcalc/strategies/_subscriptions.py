"""Strategies for subscriptions, on their grid or off it, and the inputs drawn from them."""

from __future__ import annotations

import datetime as dt

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from seatcalc.lifecycle import LifecyclePolicy
from seatcalc.strategies._values import (
    countries,
    currencies,
    dates,
    money,
    period_months,
    user_names,
)
from seatcalc.subscription import CHANNELS, Subscription


# -- subscriptions, seat usage and lifecycle policies ---------------------------------------
@st.composite
def subscriptions(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] = currencies,
    max_seats: int = 500,
    period: st.SearchStrategy[int] = period_months,
) -> Subscription:
    """A subscription whose current term is one period on its anchor's grid.

    The anchor is any day (month ends and Feb 29 included); the term is the ``k``-th period,
    ``k`` from 0 to 5; the unit price is rounded to the currency's minor unit.
    """
    anchor = draw(dates)
    months = draw(period)
    k = draw(st.integers(0, 5))
    start = anchor + relativedelta(months=months * k)
    end = anchor + relativedelta(months=months * (k + 1))
    price = draw(money(currency=currency, rounded=True, min_units=0, max_units=10**9))
    return Subscription(
        seats=draw(st.integers(1, max_seats)),
        unit_price=price,
        term_start=start,
        term_end=end,
        anchor=anchor,
        period_months=months,
        country=draw(countries),
        channel=draw(st.sampled_from(CHANNELS)),
        # None: the purchase date defaults to the anchor.
        purchased_on=draw(
            st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=start))
        ),
        auto_renew=draw(st.booleans()),
        product=draw(st.sampled_from(("", "AutoCAD", "Revit"))),
        plan=draw(st.sampled_from(("", "standard", "premium"))),
    )


@st.composite
def subscriptions_with_day(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] = currencies,
    max_seats: int = 500,
    period: st.SearchStrategy[int] = period_months,
) -> tuple[Subscription, dt.date]:
    """A subscription (as :func:`subscriptions` draws it) and a day inside its current term."""
    sub = draw(subscriptions(currency=currency, max_seats=max_seats, period=period))
    length = (sub.term_end - sub.term_start).days
    return sub, sub.term_start + dt.timedelta(days=draw(st.integers(0, length - 1)))


@st.composite
def usage_inputs(
    draw: st.DrawFn,
) -> tuple[Subscription, dict[str, dt.date], list[tuple[str, dt.date]], dt.date]:
    """The arguments of :func:`seatcalc.usage_report`.

    A subscription, seat assignments, usage events and the report date.
    """
    sub = draw(subscriptions(max_seats=30))
    as_of = draw(st.dates(min_value=sub.term_start, max_value=sub.term_end))
    past = st.dates(min_value=as_of - dt.timedelta(days=400), max_value=as_of)
    assignments = draw(st.dictionaries(user_names, past, max_size=35))
    events = draw(st.lists(st.tuples(user_names, past), max_size=200))
    return sub, assignments, events, as_of


@st.composite
def irregular_subscriptions(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] = currencies,
    max_seats: int = 500,
    period: st.SearchStrategy[int] = period_months,
) -> Subscription:
    """A subscription whose term starts anywhere up to two periods before its on-grid end.

    The term may be shorter than a period (a first term bought part-way) or longer (a term
    extended to align it with another), so ``term_start`` is usually off the anchor's grid.
    """
    sub = draw(subscriptions(currency=currency, max_seats=max_seats, period=period))
    earliest = sub.term_end + relativedelta(months=sub.period_months * -2)
    span = (sub.term_end - earliest).days
    start = sub.term_end - dt.timedelta(days=draw(st.integers(1, span)))
    purchased = draw(st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=start)))
    return attrs.evolve(sub, term_start=start, purchased_on=purchased or start)


#: A subscription on its grid or off it, equally often.
any_subscriptions: st.SearchStrategy[Subscription] = st.one_of(
    subscriptions(), irregular_subscriptions()
)


@st.composite
def subscriptions_with_any_day(
    draw: st.DrawFn, subscription: st.SearchStrategy[Subscription] = any_subscriptions
) -> tuple[Subscription, dt.date]:
    """A subscription and a day from three periods before its term to three periods after it."""
    sub = draw(subscription)
    low = sub.term_start + relativedelta(months=-3 * sub.period_months)
    high = sub.term_end + relativedelta(months=3 * sub.period_months)
    return sub, draw(st.dates(min_value=low, max_value=high))


#: A duration of a lifecycle stage, 0 to 200 days.
lifecycle_days: st.SearchStrategy[int] = st.integers(0, 200)
#: A lifecycle policy with any durations.
lifecycle_policies: st.SearchStrategy[LifecyclePolicy] = st.builds(
    LifecyclePolicy,
    renewal_window_days=lifecycle_days,
    expired_days=lifecycle_days,
    suspended_days=lifecycle_days,
    suspended_days_monthly=lifecycle_days,
)


# -- planning: add now or later, alignment --------------------------------------------------
@st.composite
def timing_cases(draw: st.DrawFn) -> tuple[Subscription, int, dt.date, dt.date]:
    """A subscription (any term), a seat count, a decision day in its term and a need day.

    The need day is in the term three times in four, else up to a year after its end.
    """
    sub = draw(any_subscriptions)
    length = (sub.term_end - sub.term_start).days
    today = sub.term_start + dt.timedelta(days=draw(st.integers(0, length - 1)))
    in_term = st.dates(min_value=today, max_value=sub.term_end - dt.timedelta(days=1))
    after = st.dates(min_value=sub.term_end, max_value=sub.term_end + dt.timedelta(days=366))
    needed_on = draw(st.one_of(in_term, in_term, in_term, after))
    return sub, draw(st.integers(1, 50)), today, needed_on


@st.composite
def alignment_groups(draw: st.DrawFn, *, max_size: int = 5) -> list[Subscription]:
    """One to ``max_size`` subscriptions with one period length and one currency.

    Their anchors, term ends and term lengths differ (some terms are off the grid at the start).
    """
    same_period = st.just(draw(period_months))
    same_currency = st.just(draw(currencies))
    kinds = st.one_of(
        subscriptions(currency=same_currency, period=same_period, max_seats=100),
        irregular_subscriptions(currency=same_currency, period=same_period, max_seats=100),
    )
    return draw(st.lists(kinds, min_size=1, max_size=max_size))


@st.composite
def alignment_targets(draw: st.DrawFn, subs: list[Subscription]) -> dt.date:
    """A target on or after every term end: the latest end, or up to three periods after it."""
    latest = max(sub.term_end for sub in subs)
    limit = latest + relativedelta(months=3 * subs[0].period_months)
    return draw(st.one_of(st.just(latest), st.dates(min_value=latest, max_value=limit)))

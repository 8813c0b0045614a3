"""Hypothesis strategies for seatcalc's values, for property tests of code that uses seatcalc.

Install the extra (``pip install 'seatcalc[hypothesis]'``) and draw subscriptions, prices, policies
and whole quotes the way seatcalc's own property tests do:

>>> from hypothesis import given, settings
>>> from seatcalc import quote_add_seats
>>> from seatcalc.strategies import subscriptions_with_day
>>> @settings(max_examples=20, deadline=None)
... @given(subscriptions_with_day())
... def test_a_quote_never_outlives_the_term(case):
...     sub, day = case
...     assert quote_add_seats(sub, 1, day).end_date == sub.term_end
>>> test_a_quote_never_outlives_the_term()

Every strategy draws from integers and choices only (no :mod:`random`), so every failure replays
and shrinks.  Importing this module imports hypothesis; ``import seatcalc`` does not.

When seatcalc is installed, hypothesis calls seatcalc's ``hypothesis`` entry point when it is
imported, which registers a strategy for each value type, so
``st.from_type(Money)`` and ``st.builds(f)`` on a function annotated with seatcalc's types work
without importing this module (see :data:`TYPE_STRATEGIES`).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import assume
from hypothesis import strategies as st

from seatcalc.alignment import AlignmentQuote, align
from seatcalc.audit import ChargeCheck, ChargeMatch, ChargeVerdict, check_charge
from seatcalc.conventions import CONVENTIONS, Convention
from seatcalc.eligibility import Eligibility, check_eligibility
from seatcalc.errors import ErrorCode, InvalidValueError, UnknownCurrencyError
from seatcalc.lifecycle import LifecyclePolicy, LifecycleState, lifecycle_state
from seatcalc.minor_units import CLDR_UNITS, MINOR_UNIT_TABLES, MinorUnits, check_minor_units
from seatcalc.money import Money, minor_unit_digits
from seatcalc.policy import Policy, countries_in
from seatcalc.proration import Proration, prorate
from seatcalc.quote import AddSeatsQuote, quote_add_seats
from seatcalc.removal import Decision, SeatReduction, can_remove_seats, schedule_seat_reduction
from seatcalc.rounding import ROUNDING_MODES
from seatcalc.subscription import CHANNELS, Subscription
from seatcalc.timing import AddTimingComparison, compare_add_timing
from seatcalc.usage import UsageReport, usage_report

__all__ = [
    "ALL_CURRENCIES",
    "CURRENCIES_BY_DIGITS",
    "DAY_CONVENTIONS",
    "HALF_MODES",
    "LOCALES",
    "POLICY_CODES",
    "TIME_ZONES",
    "TYPE_STRATEGIES",
    "alignment_groups",
    "alignment_quotes",
    "alignment_targets",
    "anchors",
    "any_subscriptions",
    "charge_checks",
    "charge_matches",
    "charge_verdicts",
    "countries",
    "currencies",
    "dates",
    "day_conventions",
    "day_terms",
    "decimals",
    "decisions",
    "eligibilities",
    "eligibility_cases",
    "half_modes",
    "irregular_subscriptions",
    "leap_days",
    "lifecycle_days",
    "lifecycle_policies",
    "lifecycle_states",
    "locales",
    "minor_unit_tables",
    "money",
    "money_pairs",
    "month_ends",
    "period_months",
    "policies",
    "prices",
    "prorations",
    "quantities",
    "quotes",
    "register_type_strategies",
    "removal_cases",
    "rounding_modes",
    "seat_reductions",
    "second_terms",
    "subscriptions",
    "subscriptions_with_any_day",
    "subscriptions_with_day",
    "term_points",
    "time_zones",
    "timing_cases",
    "timing_comparisons",
    "usage_inputs",
    "usage_reports",
    "user_names",
    "weight_values",
    "weights",
]

# -- money ----------------------------------------------------------------------------------

#: Currencies grouped by their CLDR minor-unit digits.
CURRENCIES_BY_DIGITS: Final[dict[int, tuple[str, ...]]] = {
    0: ("JPY", "KRW", "HUF", "ISK", "CLP"),
    2: ("USD", "EUR", "GBP", "CAD", "CHF", "SEK"),
    3: ("KWD", "BHD", "OMR", "TND", "JOD"),
}
#: Every currency :data:`currencies` draws, zero-, two- and three-digit ones.
ALL_CURRENCIES: Final = tuple(code for codes in CURRENCIES_BY_DIGITS.values() for code in codes)

#: Locales whose numbers are written with ASCII digits, covering different separators,
#: groupings (en_IN groups by two) and currency placements.
LOCALES: Final = (
    "en",
    "en_US",
    "en_IN",
    "fr_FR",
    "fr_CA",
    "de_DE",
    "de_CH",
    "es_ES",
    "it_IT",
    "ja_JP",
)
#: The rounding modes that round a half to the nearest and differ only on ties.
HALF_MODES: Final = ("ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_HALF_DOWN")

#: A currency code from :data:`ALL_CURRENCIES`.
currencies: st.SearchStrategy[str] = st.sampled_from(ALL_CURRENCIES)
#: A locale name from :data:`LOCALES`.
locales: st.SearchStrategy[str] = st.sampled_from(LOCALES)
#: A rounding mode seatcalc accepts (:data:`seatcalc.ROUNDING_MODES`).
rounding_modes: st.SearchStrategy[str] = st.sampled_from(ROUNDING_MODES)
#: A mode from :data:`HALF_MODES`.
half_modes: st.SearchStrategy[str] = st.sampled_from(HALF_MODES)


def _scaled(units: int, places: int) -> Decimal:
    # units * 10**-places, built from its digits: exact, whatever the caller's decimal context
    # (Decimal.scaleb would round to its precision and could trap Inexact).
    return Decimal(f"{units}E{-places}")


def decimals(
    *, max_places: int = 6, max_units: int = 10**12, min_units: int | None = None
) -> st.SearchStrategy[Decimal]:
    """Decimals with up to ``max_places`` decimal places, drawn as integer units.

    ``min_units`` defaults to ``-max_units``.  No NaN, no infinity, no exponent beyond the places.
    """
    low = -max_units if min_units is None else min_units

    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, max_places))
        units = draw(st.integers(low, max_units))
        return _scaled(units, places)

    return build()


@st.composite
def money(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] = currencies,
    rounded: bool = False,
    min_units: int = -(10**12),
    max_units: int = 10**12,
) -> Money:
    """Money in a drawn currency; ``rounded`` keeps it on the currency's minor-unit grid.

    An amount is ``units`` (from ``min_units`` to ``max_units``) of a place: the minor unit when
    ``rounded``, else anything from whole units to four places below the minor unit.
    """
    code = draw(currency)
    digits = minor_unit_digits(code)
    places = digits if rounded else draw(st.integers(0, digits + 4))
    units = draw(st.integers(min_units, max_units))
    return Money(_scaled(units, places), code)


@st.composite
def money_pairs(draw: st.DrawFn, *, rounded: bool = False) -> tuple[Money, Money]:
    """Two amounts in the same currency."""
    same = st.just(draw(currencies))
    return draw(money(currency=same, rounded=rounded)), draw(money(currency=same, rounded=rounded))


#: A weight for :meth:`seatcalc.Money.allocate`: an int, a Fraction or a Decimal, at least 0.
weight_values: st.SearchStrategy[int | Fraction | Decimal] = st.one_of(
    st.integers(0, 1000),
    st.fractions(min_value=0, max_value=1000, max_denominator=1000),
    decimals(max_places=3, max_units=10**6, min_units=0),
)


def _some_positive(values: list[int | Fraction | Decimal]) -> bool:
    return any(value > 0 for value in values)


#: One to twenty weights, at least one of them positive.
weights: st.SearchStrategy[list[int | Fraction | Decimal]] = st.lists(
    weight_values, min_size=1, max_size=20
).filter(_some_positive)

# -- dates and subscriptions ----------------------------------------------------------------

#: Dates from 2000 to 2060, wide enough for leap years and century rules that matter here.
dates: st.SearchStrategy[dt.date] = st.dates(
    min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31)
)
#: Billing periods in months (monthly, annual, three-year, and any length up to 5 years).
period_months: st.SearchStrategy[int] = st.one_of(st.sampled_from((1, 12, 36)), st.integers(1, 60))
#: Countries of the default policy's regions and outside them.
countries: st.SearchStrategy[str] = st.sampled_from(
    ("US", "CA", "FR", "DE", "GB", "IT", "ES", "JP", "AU", "BR", "CH")
)


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


# -- seat usage -----------------------------------------------------------------------------

#: User names ``user00`` to ``user39``, so assignments and events overlap.
user_names: st.SearchStrategy[str] = st.sampled_from([f"user{n:02d}" for n in range(40)])


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


# -- renewal grids and lifecycle ------------------------------------------------------------


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


#: Month ends from 2000 to 2060 (the 28th to the 31st).
month_ends: st.SearchStrategy[dt.date] = st.builds(
    _end_of_month, st.integers(2000, 2060), st.integers(1, 12)
)
#: Every Feb 29 from 2000 to 2060.
leap_days: st.SearchStrategy[dt.date] = st.sampled_from(
    [dt.date(year, 2, 29) for year in range(2000, 2061, 4)]
)
#: Anchors that stress the grid (any date, month ends and leap days, equally often).
anchors: st.SearchStrategy[dt.date] = st.one_of(dates, month_ends, leap_days)


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

# -- eligibility policies ---------------------------------------------------------------------

#: The codes a drawn policy allows or excludes, that is the countries subscriptions are drawn
#: in, and regions that hold some of them (Europe and its parts, the Americas, Oceania, the EU).
POLICY_CODES: Final = (
    *("US", "CA", "FR", "DE", "GB", "IT", "ES", "JP", "AU", "BR", "CH"),
    *("150", "155", "151", "154", "039", "019", "021", "009", "EU"),
)
_PLANS: Final = ("standard", "premium", "edu")
_PRODUCTS: Final = ("AutoCAD", "Revit", "Maya")


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A valid policy: allowed entries wholly covered by the exclusions are dropped.

    If nothing is left to allow, South Africa is allowed (no drawn code contains it).
    """
    codes = st.sampled_from(POLICY_CODES)
    excluded = draw(st.frozensets(codes, max_size=4))
    gone = frozenset[str]().union(*(countries_in(code) for code in excluded))
    allowed = {
        code
        for code in draw(st.frozensets(codes, min_size=1, max_size=5))
        if not countries_in(code) <= gone
    }
    return Policy(
        allowed=allowed or {"ZA"},
        excluded=excluded,
        channels=draw(st.frozensets(st.sampled_from(CHANNELS), min_size=1)),
        cutoff=draw(st.one_of(st.none(), dates)),
        excluded_plans=draw(st.frozensets(st.sampled_from(_PLANS))),
        excluded_products=draw(st.frozensets(st.sampled_from(_PRODUCTS))),
        auto_renew_required=draw(st.booleans()),
        max_seats=draw(st.one_of(st.none(), st.integers(1, 600))),
    )


@st.composite
def eligibility_cases(draw: st.DrawFn) -> tuple[Subscription, dt.date, Policy]:
    """A subscription, a day (inside its term three times in four) and a policy."""
    sub, inside = draw(subscriptions_with_day())
    on = draw(st.one_of(st.just(inside), st.just(inside), st.just(inside), dates))
    return sub, on, draw(policies())


# -- proration ------------------------------------------------------------------------------

#: Time zones for the to-the-second conventions (UTC, fixed offsets, and zones with daylight
#: saving time, where elapsed seconds must be counted through UTC, not on the wall clock).
TIME_ZONES: Final[tuple[dt.tzinfo, ...]] = (
    dt.UTC,
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
    dt.timezone(dt.timedelta(hours=-8)),
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/Paris"),
)
#: A zone from :data:`TIME_ZONES`.
time_zones: st.SearchStrategy[dt.tzinfo] = st.sampled_from(TIME_ZONES)


@st.composite
def day_terms(draw: st.DrawFn, *, min_days: int = 1) -> tuple[dt.date, dt.date]:
    """A term ``[start, end)`` of dates.

    Whole months on a grid (month ends included), or any number of days from ``min_days`` to
    2000 (a stub, an off-grid start).
    """
    start = draw(dates)
    if draw(st.booleans()):
        end = start + relativedelta(months=draw(period_months))
    else:
        end = start + dt.timedelta(days=draw(st.integers(min_days, 2000)))
    return start, end


@st.composite
def second_terms(draw: st.DrawFn) -> tuple[dt.datetime, dt.datetime]:
    """A term ``[start, end)`` of timezone-aware datetimes on whole seconds."""
    zone = draw(time_zones)
    start = draw(
        st.datetimes(
            min_value=dt.datetime(2000, 1, 1),  # noqa: DTZ001 - made aware just below
            max_value=dt.datetime(2060, 1, 1),  # noqa: DTZ001
        )
    ).replace(microsecond=0, tzinfo=zone)
    length = dt.timedelta(seconds=draw(st.integers(1, 5 * 366 * 86400)))
    end = (start.astimezone(dt.UTC) + length).astimezone(draw(time_zones))
    return start, end


_When = TypeVar("_When", dt.date, dt.datetime)


def term_points(term: tuple[_When, _When], draw: st.DrawFn, count: int) -> list[_When]:
    """Draw ``count`` points in ``[start, end)``, sorted: days for dates, seconds for datetimes.

    Call it inside a :func:`hypothesis.strategies.composite` function or with ``data.draw``.
    """
    start, end = term
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        # Through UTC: wall-clock arithmetic in a zone with daylight saving is not elapsed time.
        utc = start.astimezone(dt.UTC)
        span = (end.astimezone(dt.UTC) - utc) // dt.timedelta(seconds=1)
        offsets = sorted(draw(st.integers(0, span - 1)) for _ in range(count))
        return [utc + dt.timedelta(seconds=offset) for offset in offsets]
    span = (end - start).days
    offsets = sorted(draw(st.integers(0, span - 1)) for _ in range(count))
    return [start + dt.timedelta(days=offset) for offset in offsets]


#: A unit price, rounded to its currency's minor unit, from 0 to 10**9 minor units.
prices: st.SearchStrategy[Money] = money(rounded=True, min_units=0, max_units=10**9)
#: A quantity of seats, small ones often, up to 10,000.
quantities: st.SearchStrategy[int] = st.one_of(st.integers(1, 5), st.integers(1, 10_000))

# -- planning: add now or later, alignment --------------------------------------------------

#: The conventions that count days (planning works on dates, not on datetimes).
DAY_CONVENTIONS: Final = tuple(c for c in CONVENTIONS.values() if c.unit == "day")
#: A convention from :data:`DAY_CONVENTIONS`.
day_conventions: st.SearchStrategy[Convention] = st.sampled_from(DAY_CONVENTIONS)


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


# -- result values, drawn whole -------------------------------------------------------------
#
# Each strategy draws a value the way a caller gets one: from the public function that builds
# it, on drawn inputs.


@st.composite
def prorations(draw: st.DrawFn) -> Proration:
    """A proration of a day term under any named convention, or of a second term."""
    rounding = draw(rounding_modes)
    quantity = draw(st.integers(1, 50))
    if draw(st.booleans()):
        seconds = draw(second_terms())
        (instant,) = term_points(seconds, draw, 1)
        convention: str | Convention = draw(st.sampled_from(("seconds", "stripe")))
        return prorate(
            draw(prices),
            *seconds,
            instant,
            quantity=quantity,
            convention=convention,
            rounding=rounding,
        )
    days = draw(day_terms())
    convention = draw(day_conventions)
    # A day or two that 30/360 counts as none (January 30 to 31) is refused, rightly.
    assume(convention.length(*days) > 0)
    (on,) = term_points(days, draw, 1)
    return prorate(
        draw(prices), *days, on, quantity=quantity, convention=convention, rounding=rounding
    )


@st.composite
def quotes(draw: st.DrawFn) -> AddSeatsQuote:
    """A quote, payable or not, under a drawn policy and convention."""
    sub, on, policy = draw(eligibility_cases())
    convention = draw(st.sampled_from(sorted(CONVENTIONS)))
    return quote_add_seats(sub, draw(st.integers(1, 20)), on, policy=policy, convention=convention)


@st.composite
def eligibilities(draw: st.DrawFn) -> Eligibility:
    """The outcome of a drawn policy for a drawn subscription and day."""
    sub, on, policy = draw(eligibility_cases())
    return check_eligibility(sub, on, policy=policy, adding=draw(st.integers(0, 20)))


@st.composite
def removal_cases(draw: st.DrawFn) -> tuple[Subscription, int, dt.date]:
    """A subscription of two seats or more, seats to remove from it, and a day from its start."""
    sub, on = draw(subscriptions_with_any_day())
    if sub.seats < 2:
        sub = attrs.evolve(sub, seats=draw(st.integers(2, 500)))
    return sub, draw(st.integers(1, sub.seats - 1)), max(on, sub.term_start)


def _decide(case: tuple[Subscription, int, dt.date]) -> Decision:
    return can_remove_seats(*case)


#: Whether a drawn removal may happen, and from when.
decisions: st.SearchStrategy[Decision] = st.builds(_decide, removal_cases())


@st.composite
def seat_reductions(draw: st.DrawFn) -> SeatReduction:
    """A reduction scheduled on a day of the term of a subscription on auto-renewal."""
    sub, seats, _ = draw(removal_cases())
    length = (sub.term_end - sub.term_start).days
    on = sub.term_start + dt.timedelta(days=draw(st.integers(0, length - 1)))
    return schedule_seat_reduction(attrs.evolve(sub, auto_renew=True), seats, on)


@st.composite
def _usage_reports(draw: st.DrawFn) -> UsageReport:
    return usage_report(
        *draw(usage_inputs()),
        window_days=draw(st.integers(1, 120)),
        allow_below_assigned=draw(st.booleans()),
    )


#: A seat-usage report on drawn assignments and events, with a drawn window.
usage_reports: st.SearchStrategy[UsageReport] = _usage_reports()


@st.composite
def timing_comparisons(draw: st.DrawFn) -> AddTimingComparison:
    """A comparison of the moments to add seats, with or without a new renewal price."""
    sub, adding, on, needed_on = draw(timing_cases())
    renewal_price = draw(
        st.one_of(
            st.none(),
            money(currency=st.just(sub.currency), rounded=True, min_units=0, max_units=10**9),
        )
    )
    return compare_add_timing(
        sub,
        adding,
        needed_on,
        on=on,
        renewal_unit_price=renewal_price,
        convention=draw(day_conventions),
        rounding=draw(rounding_modes),
    )


@st.composite
def alignment_quotes(draw: st.DrawFn) -> AlignmentQuote:
    """The alignment of a drawn group on a drawn target."""
    subs = draw(alignment_groups())
    target = draw(alignment_targets(subs))
    return align(subs, target=target, convention=draw(day_conventions), rounding=draw(half_modes))


@st.composite
def lifecycle_states(draw: st.DrawFn) -> LifecycleState:
    """Where a drawn term stands on a day from its start to three periods after its end."""
    sub, on = draw(subscriptions_with_any_day())
    return lifecycle_state(sub, max(on, sub.term_start), policy=draw(lifecycle_policies))


# -- minor units and charge checks ---------------------------------------------------------

#: A named minor-unit table, or a custom one giving one to three currencies 0 to 4 digits.
minor_unit_tables: st.SearchStrategy[MinorUnits] = st.one_of(
    st.sampled_from(MINOR_UNIT_TABLES),
    st.dictionaries(currencies, st.integers(0, 4), min_size=1, max_size=3).map(check_minor_units),
)
#: A convention preset, a rounding mode and a table, as :func:`seatcalc.check_charge` lists.
charge_matches: st.SearchStrategy[ChargeMatch] = st.builds(
    ChargeMatch,
    convention=st.sampled_from(sorted(CONVENTIONS)),
    rounding=rounding_modes,
    minor_units=minor_unit_tables,
)


@st.composite
def charge_checks(draw: st.DrawFn) -> ChargeCheck:
    """A check of a charge for adding seats: seatcalc's own price, or up to 1000 units off it."""
    sub, on = draw(subscriptions_with_day())
    seats = draw(st.integers(1, 50))
    table = draw(minor_unit_tables)
    try:
        table.unit(sub.currency)
    except UnknownCurrencyError:  # a currency ISO 4217 no longer lists
        table = CLDR_UNITS
    convention, rounding = draw(day_conventions), draw(rounding_modes)
    priced = check_charge(
        sub, seats, on, 0, convention=convention, rounding=rounding, minor_units=table
    )
    expected = priced.expected.to_minor(minor_units=table)
    charged = max(0, expected + draw(st.one_of(st.just(0), st.integers(-1000, 1000))))
    return check_charge(
        sub, seats, on, charged, convention=convention, rounding=rounding, minor_units=table
    )


@st.composite
def charge_verdicts(draw: st.DrawFn) -> ChargeVerdict:
    """The verdict on a row of an export: a drawn check, or a row whose count is not a number."""
    row = draw(st.integers(0, 10**6))
    if draw(st.booleans()):
        return ChargeVerdict(row=row, check=draw(charge_checks()))
    error = InvalidValueError(
        field=f"rows[{row}].seats",
        value=draw(st.sampled_from(("two", "--2", "1.5", ""))),
        expected="a whole number written with ASCII digits",
        code=ErrorCode.INVALID_NUMBER,
    )
    return ChargeVerdict(row=row, error=error.to_dict())


# -- st.from_type ---------------------------------------------------------------------------

#: The strategy :func:`hypothesis.strategies.from_type` uses for each of seatcalc's value types
#: once hypothesis has run seatcalc's entry point, or :func:`register_type_strategies`.
TYPE_STRATEGIES: Final[dict[type, st.SearchStrategy[object]]] = {
    Money: money(),
    Subscription: any_subscriptions,
    Policy: policies(),
    LifecyclePolicy: lifecycle_policies,
    Convention: st.sampled_from(tuple(CONVENTIONS.values())),
    AddSeatsQuote: quotes(),
    Proration: prorations(),
    Eligibility: eligibilities(),
    Decision: decisions,
    SeatReduction: seat_reductions(),
    UsageReport: usage_reports,
    AddTimingComparison: timing_comparisons(),
    AlignmentQuote: alignment_quotes(),
    LifecycleState: lifecycle_states(),
    MinorUnits: minor_unit_tables,
    ChargeMatch: charge_matches,
    ChargeCheck: charge_checks(),
    ChargeVerdict: charge_verdicts(),
}


def register_type_strategies() -> None:
    """Register :data:`TYPE_STRATEGIES` with hypothesis, for ``st.from_type``.

    Hypothesis does this itself through seatcalc's entry point when it is imported; call it
    when entry points are turned off (the environment variable ``HYPOTHESIS_NO_PLUGINS``).

    >>> from hypothesis import strategies as st
    >>> from seatcalc import Money
    >>> from seatcalc.strategies import register_type_strategies
    >>> register_type_strategies()
    >>> st.from_type(Money)
    money()
    """
    for kind, strategy in TYPE_STRATEGIES.items():
        st.register_type_strategy(kind, strategy)

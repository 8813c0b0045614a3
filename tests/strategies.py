"""Hypothesis strategies for seatcalc's values, shared by every property test.

They draw from integers and choices only (no ``random``), so every failure replays and shrinks.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from seatcalc import (
    CHANNELS,
    CONVENTIONS,
    ROUNDING_MODES,
    AddSeatsQuote,
    AddTimingComparison,
    AlignmentQuote,
    Eligibility,
    LifecyclePolicy,
    LifecycleState,
    Money,
    Policy,
    Proration,
    SeatReduction,
    Subscription,
    align,
    can_remove_seats,
    check_eligibility,
    compare_add_timing,
    countries_in,
    lifecycle_state,
    prorate,
    quote_add_seats,
    schedule_seat_reduction,
    usage_report,
)

#: Currencies grouped by their CLDR minor-unit digits.
CURRENCIES_BY_DIGITS: dict[int, tuple[str, ...]] = {
    0: ("JPY", "KRW", "HUF", "ISK", "CLP"),
    2: ("USD", "EUR", "GBP", "CAD", "CHF", "SEK"),
    3: ("KWD", "BHD", "OMR", "TND", "JOD"),
}
ALL_CURRENCIES = tuple(code for codes in CURRENCIES_BY_DIGITS.values() for code in codes)

#: Locales whose numbers are written with ASCII digits, covering different separators,
#: groupings (en_IN groups by two) and currency placements.
LOCALES = ("en", "en_US", "en_IN", "fr_FR", "fr_CA", "de_DE", "de_CH", "es_ES", "it_IT", "ja_JP")

currencies = st.sampled_from(ALL_CURRENCIES)
locales = st.sampled_from(LOCALES)
rounding_modes = st.sampled_from(ROUNDING_MODES)
HALF_MODES = ("ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_HALF_DOWN")
half_modes = st.sampled_from(HALF_MODES)


def decimals(
    *, max_places: int = 6, max_units: int = 10**12, min_units: int | None = None
) -> st.SearchStrategy[Decimal]:
    """Decimals with up to ``max_places`` decimal places, drawn as integer units."""
    low = -max_units if min_units is None else min_units

    @st.composite
    def build(draw: st.DrawFn) -> Decimal:
        places = draw(st.integers(0, max_places))
        units = draw(st.integers(low, max_units))
        return Decimal(units).scaleb(-places)

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
    """Money in a drawn currency; ``rounded`` keeps it on the currency's minor-unit grid."""
    code = draw(currency)
    digits = Money.zero(code).digits
    places = digits if rounded else draw(st.integers(0, digits + 4))
    units = draw(st.integers(min_units, max_units))
    return Money(Decimal(units).scaleb(-places), code)


@st.composite
def money_pairs(draw: st.DrawFn, *, rounded: bool = False) -> tuple[Money, Money]:
    """Two amounts in the same currency."""
    code = draw(currencies)
    same = st.just(code)
    return draw(money(currency=same, rounded=rounded)), draw(money(currency=same, rounded=rounded))


weight_values = st.one_of(
    st.integers(0, 1000),
    st.fractions(min_value=0, max_value=1000, max_denominator=1000),
    decimals(max_places=3, max_units=10**6, min_units=0),
)
weights = st.lists(weight_values, min_size=1, max_size=20).filter(
    lambda values: any(value > 0 for value in values)
)


def as_fraction(value: int | Decimal | Fraction) -> Fraction:
    """Return any weight as an exact Fraction."""
    return value if isinstance(value, Fraction) else Fraction(value)


# -- dates and subscriptions ----------------------------------------------------------------

#: Dates from 2000 to 2060, wide enough for leap years and century rules that matter here.
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))
#: Billing periods: monthly, quarterly, annual, three-year, and any other length up to 5 years.
period_months = st.one_of(st.sampled_from((1, 12, 36)), st.integers(1, 60))
countries = st.sampled_from(("US", "CA", "FR", "DE", "GB", "IT", "ES", "JP", "AU", "BR", "CH"))


@st.composite
def subscriptions(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] = currencies,
    max_seats: int = 500,
    period: st.SearchStrategy[int] = period_months,
) -> Subscription:
    """A subscription whose current term is one period on its anchor's grid.

    The anchor is any day (month ends and Feb 29 included); the term is the ``k``-th period.
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
        purchased_on=draw(
            st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=start))
        ),
        auto_renew=draw(st.booleans()),
        product=draw(st.sampled_from(("", "AutoCAD", "Revit"))),
        plan=draw(st.sampled_from(("", "standard", "premium"))),
    )


@st.composite
def subscriptions_with_day(draw: st.DrawFn, **kwargs: object) -> tuple[Subscription, dt.date]:
    """A subscription and a day inside its current term."""
    sub = draw(subscriptions(**kwargs))  # type: ignore[arg-type]
    length = (sub.term_end - sub.term_start).days
    return sub, sub.term_start + dt.timedelta(days=draw(st.integers(0, length - 1)))


# -- seat usage -----------------------------------------------------------------------------

user_names = st.sampled_from([f"user{n:02d}" for n in range(40)])


@st.composite
def usage_inputs(
    draw: st.DrawFn,
) -> tuple[Subscription, dict[str, dt.date], list[tuple[str, dt.date]], dt.date]:
    """A subscription, seat assignments, usage events and the report date."""
    sub = draw(subscriptions(max_seats=30))
    as_of = draw(st.dates(min_value=sub.term_start, max_value=sub.term_end))
    past = st.dates(min_value=as_of - dt.timedelta(days=400), max_value=as_of)
    assignments = draw(st.dictionaries(user_names, past, max_size=35))
    events = draw(st.lists(st.tuples(user_names, past), max_size=200))
    return sub, assignments, events, as_of


# -- renewal grids and lifecycle ------------------------------------------------------------


def end_of_month(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def clamped_grid_date(anchor: dt.date, months: int) -> dt.date:
    """``anchor`` moved by ``months`` months and clamped, by the day-of-month formula alone."""
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(anchor.day, calendar.monthrange(year, month0 + 1)[1]))


#: Anchors that stress the grid: any date, month ends (28 to 31) and leap days, equally often.
month_ends = st.builds(end_of_month, st.integers(2000, 2060), st.integers(1, 12))
leap_days = st.sampled_from([dt.date(year, 2, 29) for year in range(2000, 2061, 4)])
anchors = st.one_of(dates, month_ends, leap_days)


@st.composite
def irregular_subscriptions(draw: st.DrawFn, **kwargs: object) -> Subscription:
    """A subscription whose term starts anywhere up to two periods before its on-grid end.

    The term may be shorter than a period (a first term bought part-way) or longer (a term
    extended to align it with another), so ``term_start`` is usually off the anchor's grid.
    """
    sub = draw(subscriptions(**kwargs))  # type: ignore[arg-type]
    earliest = sub.term_end + relativedelta(months=sub.period_months * -2)
    span = (sub.term_end - earliest).days
    start = sub.term_end - dt.timedelta(days=draw(st.integers(1, span)))
    purchased = draw(st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=start)))
    return attrs.evolve(sub, term_start=start, purchased_on=purchased or start)


any_subscriptions = st.one_of(subscriptions(), irregular_subscriptions())


@st.composite
def subscriptions_with_any_day(
    draw: st.DrawFn, subscription: st.SearchStrategy[Subscription] = any_subscriptions
) -> tuple[Subscription, dt.date]:
    """A subscription and a day from three periods before its term to three periods after it."""
    sub = draw(subscription)
    low = sub.term_start + relativedelta(months=-3 * sub.period_months)
    high = sub.term_end + relativedelta(months=3 * sub.period_months)
    return sub, draw(st.dates(min_value=low, max_value=high))


lifecycle_days = st.integers(0, 200)
lifecycle_policies = st.builds(
    LifecyclePolicy,
    renewal_window_days=lifecycle_days,
    expired_days=lifecycle_days,
    suspended_days=lifecycle_days,
    suspended_days_monthly=lifecycle_days,
)


# -- eligibility policies ---------------------------------------------------------------------


#: Codes a drawn policy allows or excludes: the countries subscriptions are drawn in, and
#: regions that hold some of them (Europe and its parts, the Americas, Oceania, the EU).
POLICY_CODES = (
    *("US", "CA", "FR", "DE", "GB", "IT", "ES", "JP", "AU", "BR", "CH"),
    *("150", "155", "151", "154", "039", "019", "021", "009", "EU"),
)
PLANS = ("standard", "premium", "edu")
PRODUCTS = ("AutoCAD", "Revit", "Maya")


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """A valid policy: allowed entries wholly covered by the exclusions are dropped.

    If nothing is left to allow, South Africa is allowed (no drawn code contains it).
    """
    codes = st.sampled_from(POLICY_CODES)
    excluded = draw(st.frozensets(codes, max_size=4))
    gone = frozenset().union(*(countries_in(code) for code in excluded))
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
        excluded_plans=draw(st.frozensets(st.sampled_from(PLANS))),
        excluded_products=draw(st.frozensets(st.sampled_from(PRODUCTS))),
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

#: Time zones for the to-the-second conventions: UTC, fixed offsets, and a zone with daylight
#: saving time (elapsed seconds must be counted through UTC, not on the wall clock).
TIME_ZONES = (
    dt.UTC,
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
    dt.timezone(dt.timedelta(hours=-8)),
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/Paris"),
)
time_zones = st.sampled_from(TIME_ZONES)


@st.composite
def day_terms(draw: st.DrawFn, *, min_days: int = 1) -> tuple[dt.date, dt.date]:
    """A term ``[start, end)`` of dates: whole months on a grid (month ends included), or any
    number of days (a stub, an off-grid start)."""
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


def term_points(term: tuple[dt.date, dt.date], draw: st.DrawFn, count: int) -> list[dt.date]:
    """``count`` points in ``[start, end)``, sorted: days for dates, seconds for datetimes."""
    start, end = term
    if isinstance(start, dt.datetime):
        # Through UTC: wall-clock arithmetic in a zone with daylight saving is not elapsed time.
        start = start.astimezone(dt.UTC)
        step = dt.timedelta(seconds=1)
        span = (end.astimezone(dt.UTC) - start) // step
    else:
        span = (end - start).days
        step = dt.timedelta(days=1)
    offsets = sorted(draw(st.integers(0, span - 1)) for _ in range(count))
    return [start + offset * step for offset in offsets]


prices = money(rounded=True, min_units=0, max_units=10**9)
quantities = st.one_of(st.integers(1, 5), st.integers(1, 10_000))


# -- planning: add now or later, alignment --------------------------------------------------

#: The conventions that count days (planning works on dates, not on datetimes).
DAY_CONVENTIONS = tuple(c for c in CONVENTIONS.values() if c.unit == "day")
day_conventions = st.sampled_from(DAY_CONVENTIONS)


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


def latest_end(subs: list[Subscription]) -> dt.date:
    """The latest term end among ``subs``, the default alignment target."""
    return max(sub.term_end for sub in subs)


@st.composite
def alignment_targets(draw: st.DrawFn, subs: list[Subscription]) -> dt.date:
    """A target on or after every term end: the latest end, or up to three periods after it."""
    latest = latest_end(subs)
    limit = latest + relativedelta(months=3 * subs[0].period_months)
    return draw(st.one_of(st.just(latest), st.dates(min_value=latest, max_value=limit)))


# -- result values, drawn whole -------------------------------------------------------------
#
# Each strategy draws a value the way a caller gets one: from the public function that builds
# it, on drawn inputs.  The protocol properties (to_dict / from_dict, explain, _repr_html_) run
# on these.


@st.composite
def prorations(draw: st.DrawFn) -> Proration:
    """A proration of a day term under any named convention, or of a second term."""
    rounding = draw(rounding_modes)
    if draw(st.booleans()):
        term = draw(second_terms())
        convention = draw(st.sampled_from(("seconds", "stripe")))
    else:
        term = draw(day_terms())
        convention = draw(day_conventions)
    (on,) = term_points(term, draw, 1)
    quantity = draw(st.integers(1, 50))
    return prorate(
        draw(prices), *term, on, quantity=quantity, convention=convention, rounding=rounding
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


decisions = st.builds(lambda case: can_remove_seats(*case), removal_cases())


@st.composite
def seat_reductions(draw: st.DrawFn) -> SeatReduction:
    """A reduction scheduled on a day of the term of a subscription on auto-renewal."""
    sub, seats, _ = draw(removal_cases())
    length = (sub.term_end - sub.term_start).days
    on = sub.term_start + dt.timedelta(days=draw(st.integers(0, length - 1)))
    return schedule_seat_reduction(attrs.evolve(sub, auto_renew=True), seats, on)


usage_reports = st.builds(
    lambda inputs, window, below: usage_report(
        *inputs, window_days=window, allow_below_assigned=below
    ),
    usage_inputs(),
    st.integers(1, 120),
    st.booleans(),
)


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

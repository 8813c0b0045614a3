"""Strategies for seatcalc's plain values: money, currencies, locales, dates, terms, conventions."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from seatcalc.conventions import CONVENTIONS, Convention
from seatcalc.money import Money, minor_unit_digits
from seatcalc.rounding import ROUNDING_MODES

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

# -- dates and countries --------------------------------------------------------------------

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

# -- user names -----------------------------------------------------------------------------

#: User names ``user00`` to ``user39``, so assignments and events overlap.
user_names: st.SearchStrategy[str] = st.sampled_from([f"user{n:02d}" for n in range(40)])

# -- anchors that stress the renewal grid ---------------------------------------------------


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

# -- terms, instants, prices and quantities -------------------------------------------------

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

# -- conventions that count days ------------------------------------------------------------

#: The conventions that count days (planning works on dates, not on datetimes).
DAY_CONVENTIONS: Final = tuple(c for c in CONVENTIONS.values() if c.unit == "day")
#: A convention from :data:`DAY_CONVENTIONS`.
day_conventions: st.SearchStrategy[Convention] = st.sampled_from(DAY_CONVENTIONS)

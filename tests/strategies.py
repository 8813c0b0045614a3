"""Hypothesis strategies for seatcalc's values, shared by every property test.

They draw from integers and choices only (no ``random``), so every failure replays and shrinks.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from seatcalc import ROUNDING_MODES, Money

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

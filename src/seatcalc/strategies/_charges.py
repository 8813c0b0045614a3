"""Strategies for minor-unit tables and for checks of charges against seatcalc's own price."""

from __future__ import annotations

from hypothesis import strategies as st

from seatcalc.audit import ChargeCheck, ChargeMatch, ChargeVerdict, check_charge
from seatcalc.conventions import CONVENTIONS
from seatcalc.errors import ErrorCode, InvalidValueError, UnknownCurrencyError
from seatcalc.minor_units import CLDR_UNITS, MINOR_UNIT_TABLES, MinorUnits, check_minor_units
from seatcalc.strategies._subscriptions import (
    subscriptions_with_day,
)
from seatcalc.strategies._values import (
    currencies,
    day_conventions,
    rounding_modes,
)

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

"""Minor-unit tables: how many decimal places each currency has, and what amounts round to.

Every step of seatcalc that rounds to a minor unit (:meth:`Money.round
<seatcalc.Money.round>`, :meth:`~seatcalc.Money.to_minor`, :func:`~seatcalc.prorate`,
:func:`~seatcalc.quote_add_seats`, :func:`~seatcalc.align`, :func:`~seatcalc.compare_add_timing`)
takes ``minor_units=``: one of the named tables below, its name, or a caller's mapping of
currency codes to digits.

============= ====================================================================================
table         what it says
============= ====================================================================================
``cldr``      CLDR's digits, read through babel: the default (USD 2, JPY 0, HUF 0, IDR 0).
``iso4217``   ISO 4217's minor units (HUF 2, IDR 2, IQD 3), from the list the agency publishes.
``stripe``    the amounts Stripe's API takes: two decimals unless Stripe lists the currency as
              zero-decimal (JPY, KRW, UGX...) or three-decimal (KWD...: the last digit must be 0);
              ISK is written with two decimals that are always 00.
``cash``      CLDR's cash digits and cash rounding increments: CHF and CAD to 0.05, DKK to 0.50,
              HUF to 5, CZK and SEK to whole units.  Off unless asked for.
``chargebee`` the amounts Chargebee's API counts in: whole units for its zero-decimal currencies
              (JPY, KRW, XAF, XOF), hundredths for every other one (HUF, IDR, and KWD too).
============= ====================================================================================

A table gives each currency a :class:`MinorUnit`: ``digits``, the decimal places amounts are
written with (what :meth:`~seatcalc.Money.to_minor` counts in), and ``increment``, the number
of those minor units a rounded amount is a multiple of (1, except for cash rounding and
Stripe's special cases).

>>> minor_unit("HUF"), minor_unit("HUF", "iso4217")
(MinorUnit(digits=0, increment=1), MinorUnit(digits=2, increment=1))
>>> minor_unit("CHF", "cash"), minor_unit("ISK", "stripe")
(MinorUnit(digits=2, increment=5), MinorUnit(digits=2, increment=100))
>>> minor_unit("IDR", {"IDR": 2})
MinorUnit(digits=2, increment=1)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final, NamedTuple, TypeAlias

import attrs

from seatcalc._minor_unit_rules import TABLE_NAMES, named_unit
from seatcalc.currency import check_currency, check_digits, cldr_digits, minor_unit_digits
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, UnknownCurrencyError

__all__ = [
    "CASH_UNITS",
    "CHARGEBEE_UNITS",
    "CLDR_UNITS",
    "ISO_4217_UNITS",
    "MINOR_UNIT_TABLES",
    "STRIPE_UNITS",
    "MinorUnit",
    "MinorUnits",
    "MinorUnitsLike",
    "check_minor_units",
    "digits_differences",
    "minor_unit",
]


class MinorUnit(NamedTuple):
    """A currency's minor unit in one table.

    .. versionadded:: 0.1.0
    """

    #: The number of decimal places amounts are written with (10**-digits is a minor unit).
    digits: int
    #: Rounded amounts are whole multiples of this many minor units (1 for most currencies).
    increment: int


_EXPECTED: Final = (
    "a table name ('cldr', 'iso4217', 'stripe', 'cash' or 'chargebee'), a MinorUnits value or a "
    "mapping of currency codes to digits such as {'IDR': 2}"
)


def _to_overrides(value: object) -> tuple[tuple[str, int], ...]:
    if isinstance(value, tuple):
        if not all(isinstance(pair, tuple) and len(pair) == 2 for pair in value):
            raise InvalidTypeError(
                field="minor_units",
                value=value,
                expected="(currency, digits) pairs such as (('IDR', 2),), or a mapping",
            )
        value = dict(value)
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field="minor_units", value=value, expected=_EXPECTED)
    pairs = []
    for code, digits in value.items():
        check_currency(code, f"minor_units[{code!r}]")
        pairs.append((code, check_digits(digits, f"minor_units[{code!r}]")))
    return tuple(sorted(pairs))


@attrs.frozen
class MinorUnits:
    """A minor-unit table, named or made of the caller's digits for some currencies.

    Build a caller's table with :func:`check_minor_units` (or pass the mapping itself as
    ``minor_units=``): the currencies it names take its digits, every other one CLDR's.

    >>> table = check_minor_units({"IDR": 2, "COP": 2})
    >>> table.name, table.unit("IDR"), table.unit("JPY")
    ('custom', MinorUnit(digits=2, increment=1), MinorUnit(digits=0, increment=1))
    >>> table.to_data(), MinorUnits.from_data(table.to_data()) == table
    ({'COP': 2, 'IDR': 2}, True)

    .. versionadded:: 0.1.0
    """

    #: ``"cldr"``, ``"iso4217"``, ``"stripe"``, ``"cash"``, ``"chargebee"`` or ``"custom"``.
    name: str
    #: A custom table's ``(currency, digits)`` pairs, sorted by code; empty for a named one.
    overrides: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_to_overrides)

    def __attrs_post_init__(self) -> None:
        """Refuse an unknown name, or overrides on a named table."""
        if self.name not in (*TABLE_NAMES, "custom"):
            raise InvalidValueError(
                field="minor_units",
                value=self.name,
                expected=_EXPECTED,
                code=ErrorCode.UNKNOWN_CHOICE,
            )
        if self.name == "custom" and not self.overrides:
            raise InvalidValueError(
                field="minor_units",
                value=self.overrides,
                expected="a custom table's mapping of currency codes to digits, such as {'IDR': 2}",
            )
        if self.name != "custom" and self.overrides:
            raise InvalidValueError(
                field="minor_units",
                value=dict(self.overrides),
                expected=f"no digits with the named table {self.name!r}, or the name 'custom'",
                hint=f"for a custom table: MinorUnits('custom', {dict(self.overrides)!r})",
                code=ErrorCode.INCONSISTENT,
            )

    def unit(self, currency: str) -> MinorUnit:
        """Return ``currency``'s :class:`MinorUnit` in this table; raise for an unknown code."""
        code = check_currency(currency)
        if self.name == "custom":
            return _custom(code, self)  # not memoised: a caller may build any number of tables
        return _unit(self.name, code)

    def digits(self, currency: str) -> int:
        """Return ``currency``'s number of decimal places in this table."""
        return self.unit(currency).digits

    def to_data(self) -> str | dict[str, int]:
        """Return the JSON form: a named table's name, a custom table's mapping."""
        return dict(self.overrides) if self.name == "custom" else self.name

    @classmethod
    def from_data(cls, data: object) -> MinorUnits:
        """Read :meth:`to_data`'s form (or anything ``minor_units=`` accepts)."""
        return check_minor_units(data)


#: CLDR's digits through babel: the default everywhere.
CLDR_UNITS: Final = MinorUnits("cldr")
#: ISO 4217's minor units, from its current list (``seatcalc._iso4217``, generated).
ISO_4217_UNITS: Final = MinorUnits("iso4217")
#: The amounts Stripe's API takes (its zero- and three-decimal lists and special cases).
STRIPE_UNITS: Final = MinorUnits("stripe")
#: CLDR's cash digits and cash rounding increments (CHF to 0.05).
CASH_UNITS: Final = MinorUnits("cash")
#: The named tables, in the order the documentation lists them.
MINOR_UNIT_TABLES: Final = (CLDR_UNITS, ISO_4217_UNITS, STRIPE_UNITS, CASH_UNITS)
#: The amounts Chargebee's API counts in (its zero-decimal currencies, else hundredths).
CHARGEBEE_UNITS: Final = MinorUnits("chargebee")
_BY_NAME: Final = {table.name: table for table in (*MINOR_UNIT_TABLES, CHARGEBEE_UNITS)}

#: What a ``minor_units=`` argument accepts: a :class:`MinorUnits` table, a named table's name,
#: a mapping of currency codes to digits (a custom table), or None for CLDR's table.
MinorUnitsLike: TypeAlias = MinorUnits | str | Mapping[str, int] | None


def check_minor_units(value: object) -> MinorUnits:
    """Return the table ``value`` names: a :class:`MinorUnits`, a name, a mapping, or None.

    ``None`` is CLDR's table, the default.  A mapping of currency codes to digits is a custom
    table.

    >>> check_minor_units("iso4217") is ISO_4217_UNITS, check_minor_units(None) is CLDR_UNITS
    (True, True)
    >>> check_minor_units("iso-4217")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: minor_units: got 'iso-4217'; expected a table name ...

    .. versionadded:: 0.1.0
    """
    if value is None:
        return CLDR_UNITS
    if isinstance(value, MinorUnits):
        return _BY_NAME.get(value.name, value)  # a named table is always the same value
    if isinstance(value, str):
        table = _BY_NAME.get(value)
        if table is None:
            guess = value.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
            raise InvalidValueError(
                field="minor_units",
                value=value,
                expected=_EXPECTED,
                hint=f"did you mean {guess!r}?" if guess in _BY_NAME else None,
                code=ErrorCode.UNKNOWN_CHOICE,
            )
        return table
    if not isinstance(value, Mapping) or not value:
        raise InvalidTypeError(field="minor_units", value=value, expected=_EXPECTED)
    return MinorUnits("custom", value)


def minor_unit(currency: str, minor_units: MinorUnitsLike = None) -> MinorUnit:
    """Return ``currency``'s :class:`MinorUnit` in a table (CLDR's by default).

    >>> minor_unit("USD"), minor_unit("KWD", "stripe"), minor_unit("DKK", "cash")
    (MinorUnit(digits=2, increment=1), MinorUnit(digits=3, increment=10), MinorUnit(digits=2, increment=50))

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    return check_minor_units(minor_units).unit(currency)


def rounding_unit(currency: str, digits: int | None, minor_units: MinorUnitsLike) -> MinorUnit:
    """Return the minor unit a rounding step uses: ``digits`` places, or a table's unit.

    What every rounding method of :class:`~seatcalc.Money` reads from its ``digits=`` and
    ``minor_units=`` arguments, which exclude each other.

    >>> rounding_unit("USD", None, None), rounding_unit("USD", 4, None)
    (MinorUnit(digits=2, increment=1), MinorUnit(digits=4, increment=1))
    >>> rounding_unit("CHF", None, "cash")
    MinorUnit(digits=2, increment=5)
    """
    if minor_units is None:
        return MinorUnit(minor_unit_digits(currency, digits), 1)
    if digits is not None:
        raise InvalidValueError(
            field="digits",
            value=digits,
            problem=f" together with minor_units={minor_units!r}",
            expected="either digits or minor_units, not both",
            code=ErrorCode.INCONSISTENT,
        )
    return check_minor_units(minor_units).unit(currency)


def digits_differences(
    first: MinorUnitsLike, second: MinorUnitsLike
) -> tuple[tuple[str, int, int], ...]:
    """Return ``(currency, first's digits, second's digits)`` where two tables differ.

    Only currencies both tables hold are compared, in code order.

    >>> digits_differences("cldr", "iso4217")[:3]
    (('AFN', 0, 2), ('ALL', 0, 2), ('COP', 0, 2))

    .. versionadded:: 0.1.0
    """
    one, two = check_minor_units(first), check_minor_units(second)
    rows = []
    for code in sorted(_known_codes()):
        try:
            a, b = one.digits(code), two.digits(code)
        except UnknownCurrencyError:
            continue
        if a != b:
            rows.append((code, a, b))
    return tuple(rows)


def table_currencies(minor_units: MinorUnitsLike) -> tuple[str, ...]:
    """Return every currency code ``minor_units`` gives a minor unit for, in code order."""
    table = check_minor_units(minor_units)
    codes = []
    for code in sorted(_known_codes()):
        try:
            table.unit(code)
        except UnknownCurrencyError:
            continue
        codes.append(code)
    return tuple(codes)


@functools.cache
def _known_codes() -> frozenset[str]:
    # Every code CLDR names that seatcalc accepts as a currency: a memo of CLDR's data.
    import babel  # noqa: PLC0415 - only listings need the whole currency list

    names: Mapping[str, str] = babel.Locale("en").currencies
    codes: set[str] = set()
    for code in names:
        try:
            check_currency(code)
        except UnknownCurrencyError:
            continue
        codes.add(code)
    return frozenset(codes)


def _custom(code: str, table: MinorUnits) -> MinorUnit:
    digits = dict(table.overrides).get(code)
    return MinorUnit(cldr_digits(code) if digits is None else digits, 1)


@functools.cache
def _unit(name: str, code: str) -> MinorUnit:
    # A memo of a pure lookup in a named table, bounded by the five names times the currencies
    # check_currency accepts; custom tables are looked up directly, never memoised.
    return MinorUnit(*named_unit(name, code))

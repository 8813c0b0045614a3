"""Prorating a price: the exact share of a term that remains, rounded once.

:func:`prorate` scales the price of one unit for a whole term by the share of the term left after
a change, multiplies by the quantity and rounds the line total once to the currency's minor unit.
The share is counted by a :class:`~seatcalc.Convention` (actual days by default).  The result, a
:class:`Proration`, keeps what a person needs to redo the arithmetic by hand.

The arithmetic is done on integers: the price as an exact integer ratio, the counts of time as
integers, one integer division to round.  :class:`~fractions.Fraction` values are built only when
they are asked for (:attr:`Proration.fraction`, :attr:`Proration.exact`).

The checks behind the fast path, the general path (every check, exact arithmetic) and the data form
live in the private modules ``_proration_checks``, ``_proration_exact`` and ``_proration_text``;
the named tuple of parts and ``Proration._of``, which build every result, stay here.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple, Self

import attrs

from seatcalc._proration_checks import check_convention, check_instants, native_dates, refuse_term
from seatcalc._proration_exact import prorate_exactly, refuse_line, share
from seatcalc._proration_text import COMPUTED, prorate_arguments, proration_to_dict
from seatcalc._validate import check_agrees, check_count
from seatcalc.conventions import ACTUAL_DAYS, Convention
from seatcalc.errors import InvalidValueError
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money, check_price, minor_unit_digits
from seatcalc.rounding import ROUNDING_MODES, check_rounding, round_ratio

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = ["Proration", "prorate"]

_MODES = frozenset(ROUNDING_MODES)


class _Parts(NamedTuple):
    """What a :class:`Proration` holds, read by name; built in one step on the fast path."""

    price: Money
    quantity: int
    term_start: dt.date
    term_end: dt.date
    on: dt.date
    convention: Convention
    rounding: str
    remaining: int | Fraction
    total: int | Fraction
    amount: Money
    # None for CLDR's table, the default (the fast path never names it).
    minor_units: MinorUnits | None = None


@attrs.frozen(init=False, repr=False)
class Proration:
    """The prorated price of a line: the exact share of the term, and the amount rounded once.

    Build one with :func:`prorate` (or :meth:`from_dict`).  Every attribute is read-only.  The
    arithmetic, which :meth:`explain` writes out, is::

        exact  = quantity x price x fraction      (fraction = remaining / total, as counted)
        amount = exact rounded once to the currency's minor unit with ``rounding``

    (or, for a convention whose ``rounding_order`` is ``"unit"``, the price of one unit rounded
    and then multiplied by the quantity).

    >>> import datetime as dt
    >>> p = prorate(
    ...     Money("1200.00", "USD"),
    ...     dt.date(2026, 1, 1),
    ...     dt.date(2027, 1, 1),
    ...     dt.date(2026, 7, 1),
    ...     quantity=2,
    ... )
    >>> p.remaining, p.total, p.unit, p.fraction
    (184, 365, 'day', Fraction(184, 365))
    >>> p.exact, p.amount
    (Fraction(88320, 73), Money('1209.86', 'USD'))
    >>> p.lines()
    (Money('604.93', 'USD'), Money('604.93', 'USD'))

    .. versionadded:: 0.1.0
    """

    # The parts, named, in one slot: :func:`prorate` builds a result on every call, and setting
    # one slot costs a tenth of setting ten (see :meth:`_of`).
    _parts: _Parts

    # -- inputs ---------------------------------------------------------------------------

    @property
    def price(self) -> Money:
        """The price of one unit (one seat) for the whole term."""
        return self._parts.price

    @property
    def quantity(self) -> int:
        """How many units (seats) the line is for."""
        return self._parts.quantity

    @property
    def term_start(self) -> dt.date:
        """The first day (or instant) of the term."""
        return self._parts.term_start

    @property
    def term_end(self) -> dt.date:
        """The end of the term (exclusive), which is the renewal date."""
        return self._parts.term_end

    @property
    def on(self) -> dt.date:
        """The day (or instant) of the change."""
        return self._parts.on

    @property
    def convention(self) -> Convention:
        """The convention that counted :attr:`remaining` and :attr:`total`."""
        return self._parts.convention

    @property
    def rounding(self) -> str:
        """The :mod:`decimal` rounding mode of the one rounding to the minor unit."""
        return self._parts.rounding

    @property
    def minor_units(self) -> MinorUnits:
        """The table of minor units the amount is rounded to (CLDR's by default)."""
        return self._parts.minor_units or CLDR_UNITS

    # -- counts and results ---------------------------------------------------------------

    @property
    def remaining(self) -> int | Fraction:
        """What is left of the term after the change, in :attr:`unit` units."""
        return self._parts.remaining

    @property
    def total(self) -> int | Fraction:
        """The length of the whole term, in :attr:`unit` units."""
        return self._parts.total

    @property
    def unit(self) -> str:
        """What :attr:`remaining` and :attr:`total` count: day, second, 30/360 day or month."""
        return self.convention.unit_name

    @property
    def fraction(self) -> Fraction:
        """The share of the price charged per unit, ``remaining / total``, exactly.

        For a convention with an intermediate precision, this is the rounded ratio (or the
        rounded weighted quantity divided by the quantity), the one the amount is based on.
        """
        return share(self.convention, self.remaining, self.total, self.quantity)

    @property
    def exact(self) -> Fraction:
        """The line amount before rounding, ``quantity x price x fraction``, exactly."""
        return self.quantity * self.price.to_fraction() * self.fraction

    @property
    def amount(self) -> Money:
        """The line amount rounded once to the currency's minor unit."""
        return self._parts.amount

    def lines(self) -> tuple[Money, ...]:
        """Split :attr:`amount` into one line per unit (seat) that sum to it exactly.

        The lines differ by at most one minor unit, the larger ones first: the same result as
        ``amount.allocate([1] * quantity)``.

        >>> import datetime as dt
        >>> p = prorate(
        ...     Money("100.00", "EUR"),
        ...     dt.date(2026, 1, 1),
        ...     dt.date(2026, 2, 1),
        ...     dt.date(2026, 1, 21),
        ...     quantity=3,
        ... )
        >>> p.amount, p.lines()
        (Money('106.45', 'EUR'), (Money('35.49', 'EUR'), Money('35.48', 'EUR'), Money('35.48', 'EUR')))
        """  # noqa: E501 - a doctest's output is one line
        amount, quantity = self.amount, self.quantity
        currency = amount.currency
        if self._parts.minor_units is None:
            base, extra = divmod(amount.to_minor(), quantity)
            smaller = Money.from_minor(base, currency)
            if not extra:
                return (smaller,) * quantity
            larger = Money.from_minor(base + 1, currency)
            return (larger,) * extra + (smaller,) * (quantity - extra)
        return amount.allocate([1] * quantity, minor_units=self.minor_units)

    def explain(self, locale: str | Locale = "en") -> str:
        """Write the arithmetic out for a reader of ``locale``, so they can redo it by hand.

        >>> import datetime as dt
        >>> print(
        ...     prorate(
        ...         Money("1200.00", "USD"),
        ...         dt.date(2026, 1, 1),
        ...         dt.date(2027, 1, 1),
        ...         dt.date(2026, 7, 1),
        ...         quantity=2,
        ...     ).explain("en_US")
        ... )
        Prorating 2 seats from July 1, 2026
        Price of one seat for the whole term: $1,200.00
        Term: January 1, 2026 to January 1, 2027
        Time remaining: 184 of 365 days (convention actual_days)
        Fraction: 184/365
        Exact amount: 2 × $1,200.00 × 184/365 = $1,209.86301369863…
        Rounding: once, on the total, to 2 decimal places, ROUND_HALF_UP (half up)
        Total: $1,209.86
        Per seat: 2 × $604.93
        """
        from seatcalc._explain_money import explain_proration  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_proration(self, check_locale(locale))

    # -- serialisation --------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, the counts, the fraction and both amounts.

        Dates are ISO 8601 text; a named convention is written as its name, any other as its
        fields; ratios are written as ``"numerator/denominator"``.  A table of minor units other
        than CLDR's is written as ``minor_units`` (its name, or a custom table's mapping).

        >>> import datetime as dt
        >>> prorate(
        ...     Money("10.00", "USD"),
        ...     dt.date(2026, 1, 1),
        ...     dt.date(2026, 2, 1),
        ...     dt.date(2026, 1, 30),
        ... ).to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'price': {'amount': '10.00', 'currency': 'USD'}, 'quantity': 1,
         'term_start': '2026-01-01', 'term_end': '2026-02-01', 'on': '2026-01-30',
         'convention': 'actual_days', 'rounding': 'ROUND_HALF_UP', 'unit': 'day',
         'remaining': '2', 'total': '31', 'fraction': '2/31', 'exact': '20/31',
         'amount': {'amount': '0.65', 'currency': 'USD'}}
        """
        return proration_to_dict(self, own_units=self._parts.minor_units is not None)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Rebuild a proration from :meth:`to_dict`'s form by computing it again.

        The inputs are required; the computed entries are optional, and when present they must
        equal what seatcalc computes (a record that does not add up is refused).

        >>> import datetime as dt
        >>> p = prorate(
        ...     Money("10.00", "USD"),
        ...     dt.date(2026, 1, 1),
        ...     dt.date(2026, 2, 1),
        ...     dt.date(2026, 1, 30),
        ... )
        >>> Proration.from_dict(p.to_dict()) == p
        True
        """
        result = prorate(**prorate_arguments(data))
        check_agrees(data, result.to_dict(), COMPUTED)
        return cls._of(result._parts)  # noqa: SLF001 - its own class

    @classmethod
    def _of(cls, parts: _Parts) -> Self:
        """Build a proration from its parts, already computed and checked by :func:`prorate`.

        The one unchecked constructor: it sets the one slot with the slot's own setter, which
        skips the frozen class's ``__setattr__``, so a result costs one assignment.
        ``attrs.evolve`` and ``attrs.asdict`` do not apply to a proration; use :func:`prorate`
        with other arguments, and :meth:`to_dict`.
        """
        result = object.__new__(cls)
        _SET_PARTS(result, parts)
        return result

    def __repr__(self) -> str:
        """Show the result and the counts it comes from."""
        return (
            f"<Proration {self.amount} = {self.quantity} x {self.price} x "
            f"{self.remaining}/{self.total} {self.unit} ({self.convention.name}, {self.rounding})>"
        )


# The setter of Proration's one slot, for Proration._of.
_SET_PARTS: Final = Proration.__dict__["_parts"].__set__


def prorate(  # noqa: C901, PLR0912 - SPEC §3's signature; the fast path is inline
    price: Money,
    term_start: dt.date,
    term_end: dt.date,
    on: dt.date,
    *,
    quantity: int = 1,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
) -> Proration:
    """Prorate ``price`` (one unit, whole term) for ``quantity`` units from ``on`` to the end.

    The term is half-open, ``[term_start, term_end)``, and ``on`` must lie in it.  The exact
    line amount is ``quantity x price x remaining / total``, counted by ``convention`` (a
    :class:`~seatcalc.Convention` or the name of one); it is rounded once, on the line total, to
    the currency's minor unit with ``rounding``.  ``rounding`` always applies: no convention
    overrides it.  ``minor_units`` chooses the table of minor units (CLDR's by default; see
    :mod:`seatcalc.minor_units`).

    Args:
        price: the price of one unit for the whole term; ``Money`` >= 0.
        term_start: the first day of the term (an aware datetime for a convention that counts
            seconds or milliseconds).
        term_end: the renewal date, exclusive.
        on: the day of the change, ``term_start <= on < term_end``.
        quantity: how many units (seats), an int >= 1.
        convention: how the share of the term is counted; :data:`~seatcalc.ACTUAL_DAYS` by
            default.
        rounding: the :mod:`decimal` rounding mode, ``ROUND_HALF_UP`` by default.
        minor_units: the table of minor units to round to: ``"cldr"`` (the default),
            ``"iso4217"``, ``"stripe"``, ``"cash"``, or a mapping of currency codes to digits.

    Returns:
        The :class:`Proration`, with the exact fraction and amount and the rounded amount.

    Raises:
        OutsideTermError: ``on`` is not in ``[term_start, term_end)``.
        InvalidValueError: the term is empty or reversed, the quantity is below 1, the price is
            negative, the convention's name is unknown.
        InvalidTypeError: a float or a number as the price, a bool as the quantity, naive
            datetimes for seconds, datetimes for days, or dates mixed with datetimes.

    >>> import datetime as dt
    >>> term = dt.date(2026, 1, 1), dt.date(2027, 1, 1)
    >>> prorate(Money("1200.00", "USD"), *term, dt.date(2026, 7, 1), quantity=2).amount
    Money('1209.86', 'USD')
    >>> idr = Money("1200000", "IDR")
    >>> prorate(idr, *term, dt.date(2026, 7, 1)).amount
    Money('604932', 'IDR')
    >>> prorate(idr, *term, dt.date(2026, 7, 1), minor_units="iso4217").amount
    Money('604931.51', 'IDR')
    >>> prorate(Money("1200.00", "USD"), *term, dt.date(2027, 1, 1))
    Traceback (most recent call last):
    ...
    seatcalc.errors.OutsideTermError: on: got 2027-01-01, which is after the term [2026-01-01, 2027-01-01) (it ended on 2027-01-01, its renewal date; renew() builds the next term); expected a date from 2026-01-01 to 2026-12-31

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    # The fast path (plain day counting): type checks that cost one comparison each; anything
    # unusual falls through to the checks that explain what is wrong.  See docs/design.rst.
    if minor_units is not None:
        table = check_minor_units(minor_units)
        if table != CLDR_UNITS:
            fields = prorate_exactly(
                price,
                term_start,
                term_end,
                on,
                quantity,
                check_convention(convention),
                rounding,
                table,
            )
            return Proration._of(tuple.__new__(_Parts, fields))  # noqa: SLF001 - its own class
    if convention is not ACTUAL_DAYS:
        if type(convention) is not Convention:
            convention = check_convention(convention)
        if not convention.plain or convention.unit != "day":
            fields = prorate_exactly(
                price, term_start, term_end, on, quantity, convention, rounding
            )
            return Proration._of(tuple.__new__(_Parts, fields))  # noqa: SLF001 - its own class
    if type(quantity) is not int or quantity < 1:
        quantity = check_count(quantity, "quantity")
    if rounding is not ROUND_HALF_UP and (type(rounding) is not str or rounding not in _MODES):
        rounding = check_rounding(rounding)
    if type(price) is not Money:
        check_price(price, "price")
    day = dt.date
    if type(on) is not day or type(term_start) is not day or type(term_end) is not day:
        term_start, term_end, on = native_dates(term_start, term_end, on)
        check_instants(convention, term_start, term_end, on)
    total = (term_end - term_start).days
    remaining = (term_end - on).days
    if not 0 < remaining <= total:
        refuse_term(term_start, term_end, on)
    numerator, denominator = price.as_integer_ratio()
    if numerator < 0:
        check_price(price, "price")
    currency = price.currency
    scale = _scale(currency)
    top = numerator * quantity * remaining * scale
    bottom = denominator * total
    if rounding is ROUND_HALF_UP:
        # Half-up of a ratio >= 0 in one floor division: floor((2 top + bottom) / (2 bottom)).
        units = (top + top + bottom) // (bottom + bottom)
    else:
        units = round_ratio(top, bottom, rounding)
    try:
        amount = Money.from_minor(units, currency)
    except InvalidValueError:  # the only error left: a line too large to be an amount
        refuse_line(price, quantity)
    # tuple.__new__ fills the named tuple from one tuple, every field given (defaults do not
    # apply): half the time of the _Parts(...) call, on the path every quote takes.  The fields
    # are read by name all the same.
    parts = tuple.__new__(
        _Parts,
        (
            price,
            quantity,
            term_start,
            term_end,
            on,
            convention,
            rounding,
            remaining,
            total,
            amount,
            None,  # CLDR's minor units
        ),
    )
    return Proration._of(parts)  # noqa: SLF001 - the module's own class


@functools.cache
def _scale(currency: str) -> int:
    # A memo of a pure lookup (CLDR digits do not change while the process runs): 10**digits,
    # the number of minor units in one unit of the currency.
    scale: int = 10 ** minor_unit_digits(currency)
    return scale

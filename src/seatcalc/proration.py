"""Prorating a price: the exact share of a term that remains, rounded once.

:func:`prorate` scales the price of one unit for a whole term by the share of the term left after
a change, multiplies by the quantity and rounds the line total once to the currency's minor unit.
The share is counted by a :class:`~seatcalc.Convention` (actual days by default).  The result, a
:class:`Proration`, keeps what a person needs to redo the arithmetic by hand.

The arithmetic is done on integers: the price as an exact integer ratio, the counts of time as
integers, one integer division to round.  :class:`~fractions.Fraction` values are built only when
they are asked for (:attr:`Proration.fraction`, :attr:`Proration.exact`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from typing import Any, Self

import attrs

from seatcalc._validate import check_agrees, check_count, check_keys, parse_date
from seatcalc.conventions import (
    ACTUAL_DAYS,
    CONVENTIONS,
    PLAIN_DAYS,
    Convention,
    convention_named,
)
from seatcalc.errors import InvalidTypeError, InvalidValueError, OutsideTermError, describe
from seatcalc.money import (
    MAX_INTEGER_DIGITS,
    ROUNDING_MODES,
    Money,
    _cldr_digits,
    _set_amount,
    _set_currency,
    _set_ratio,
    check_rounding,
    round_ratio,
)

__all__ = ["Proration", "prorate"]

_MODES = frozenset(ROUNDING_MODES)
_date = dt.date
_datetime = dt.datetime
_new = object.__new__
_trusted = Money._trusted  # noqa: SLF001 - the fast constructor is private to the package
# Building a Decimal from integer units is exact with this precision, whatever the caller's
# thread-local decimal context says.
_EXACT = Context(prec=MAX_INTEGER_DIGITS + 40)
_POWERS = tuple(10**places for places in range(31))
_LIMITS = tuple(10 ** (MAX_INTEGER_DIGITS + places) for places in range(31))

_Instant = dt.date  # a date, or an aware datetime (a subclass of date) for seconds


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

    # One slot holding (price, quantity, term_start, term_end, on, convention, rounding,
    # remaining, total, amount): building a result then costs one assignment, not ten.
    _state: tuple[Any, ...]

    # -- inputs ---------------------------------------------------------------------------

    @property
    def price(self) -> Money:
        """The price of one unit (one seat) for the whole term."""
        price: Money = self._state[0]
        return price

    @property
    def quantity(self) -> int:
        """How many units (seats) the line is for."""
        quantity: int = self._state[1]
        return quantity

    @property
    def term_start(self) -> dt.date:
        """The first day (or instant) of the term."""
        start: dt.date = self._state[2]
        return start

    @property
    def term_end(self) -> dt.date:
        """The end of the term (exclusive), which is the renewal date."""
        end: dt.date = self._state[3]
        return end

    @property
    def on(self) -> dt.date:
        """The day (or instant) of the change."""
        on: dt.date = self._state[4]
        return on

    @property
    def convention(self) -> Convention:
        """The convention that counted :attr:`remaining` and :attr:`total`."""
        convention: Convention = self._state[5]
        return convention

    @property
    def rounding(self) -> str:
        """The :mod:`decimal` rounding mode of the one rounding to the minor unit."""
        rounding: str = self._state[6]
        return rounding

    # -- counts and results ---------------------------------------------------------------

    @property
    def remaining(self) -> int | Fraction:
        """What is left of the term after the change, in :attr:`unit` units."""
        remaining: int | Fraction = self._state[7]
        return remaining

    @property
    def total(self) -> int | Fraction:
        """The length of the whole term, in :attr:`unit` units."""
        total: int | Fraction = self._state[8]
        return total

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
        return _fraction(self.convention, self.remaining, self.total, self.quantity)

    @property
    def exact(self) -> Fraction:
        """The line amount before rounding, ``quantity x price x fraction``, exactly."""
        return self.quantity * self.price.to_fraction() * self.fraction

    @property
    def amount(self) -> Money:
        """The line amount rounded once to the currency's minor unit."""
        amount: Money = self._state[9]
        return amount

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
        scale, _, quantum = _scale(currency)
        numerator, denominator = amount._ratio  # noqa: SLF001 - the amount's exact ratio
        units = numerator * scale // denominator  # exact: the amount is whole minor units
        base, extra = divmod(units, quantity)
        smaller = _trusted(_EXACT.multiply(base, quantum), currency, (base, scale))
        if not extra:
            return (smaller,) * quantity
        larger = _trusted(_EXACT.multiply(base + 1, quantum), currency, (base + 1, scale))
        return (larger,) * extra + (smaller,) * (quantity - extra)

    def explain(self) -> str:
        """Write the arithmetic out, so a person can redo it by hand.

        >>> import datetime as dt
        >>> print(
        ...     prorate(
        ...         Money("1200.00", "USD"),
        ...         dt.date(2026, 1, 1),
        ...         dt.date(2027, 1, 1),
        ...         dt.date(2026, 7, 1),
        ...         quantity=2,
        ...     ).explain()
        ... )
        2026-01-01 to 2027-01-01, change on 2026-07-01 (convention actual_days)
        remaining 184 of 365 days: fraction 184/365
        2 x 1200.00 USD x 184/365 = 1209.8630136986... USD
        rounded once (ROUND_HALF_UP): 1209.86 USD
        """
        plural = "" if self.unit.endswith("s") else "s"
        exact = self.exact
        places = self.amount.digits + 10
        shown = round_ratio(exact.numerator * 10**places, exact.denominator, "ROUND_DOWN")
        decimal = format(Decimal(shown).scaleb(-places, _EXACT), "f")
        order = "per unit, then x quantity" if self.convention.rounding_order == "unit" else "once"
        return (
            f"{self.term_start.isoformat()} to {self.term_end.isoformat()}, "
            f"change on {self.on.isoformat()} (convention {self.convention.name})\n"
            f"remaining {self.remaining} of {self.total} {self.unit}{plural}: "
            f"fraction {self.fraction}\n"
            f"{self.quantity} x {self.price} x {self.fraction} = {decimal}"
            f"{'' if shown * exact.denominator == exact.numerator * 10**places else '...'} "
            f"{self.price.currency}\n"
            f"rounded {order} ({self.rounding}): {self.amount}"
        )

    # -- serialisation --------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """Render the arithmetic as a table for notebooks."""
        from seatcalc._html import table  # noqa: PLC0415 - only notebooks need it

        rows = [
            ("Price of one unit", self.price),
            ("Quantity", self.quantity),
            ("Term", f"[{self.term_start.isoformat()}, {self.term_end.isoformat()})"),
            ("Change on", self.on.isoformat()),
            (f"Remaining {self.unit}s", f"{self.remaining} of {self.total}"),
            ("Fraction", self.fraction),
            ("Convention", self.convention.name),
            ("Rounding", self.rounding),
            ("Amount", self.amount),
        ]
        return table("Proration", rows)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: the inputs, the counts, the fraction and both amounts.

        Dates are ISO 8601 text; a named convention is written as its name, any other as its
        fields; ratios are written as ``"numerator/denominator"``.

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
        convention = self.convention
        named = CONVENTIONS.get(convention.name) == convention
        return {
            "price": self.price.to_dict(),
            "quantity": self.quantity,
            "term_start": self.term_start.isoformat(),
            "term_end": self.term_end.isoformat(),
            "on": self.on.isoformat(),
            "convention": convention.name if named else convention.to_dict(),
            "rounding": self.rounding,
            "unit": self.unit,
            "remaining": str(self.remaining),
            "total": str(self.total),
            "fraction": str(self.fraction),
            "exact": str(self.exact),
            "amount": self.amount.to_dict(),
        }

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
        required = ("price", "quantity", "term_start", "term_end", "on", "convention", "rounding")
        computed = ("unit", "remaining", "total", "fraction", "exact", "amount")
        check_keys(data, "Proration", required, computed)
        raw = data["convention"]
        convention = (
            Convention.from_dict(raw) if isinstance(raw, Mapping) else convention_named(raw)
        )
        parse = _parse_instant if convention.unit == "second" else parse_date
        result = prorate(
            Money.from_dict(data["price"]),  # type: ignore[arg-type]
            parse(data["term_start"], "term_start"),
            parse(data["term_end"], "term_end"),
            parse(data["on"], "on"),
            quantity=data["quantity"],  # type: ignore[arg-type]
            convention=convention,
            rounding=data["rounding"],  # type: ignore[arg-type]
        )
        check_agrees(data, result.to_dict(), computed)
        return cls._build(result._state)  # noqa: SLF001 - its own class

    @classmethod
    def _build(cls, state: tuple[Any, ...]) -> Self:
        result = _new(cls)
        _set_state(result, state)
        return result

    def __repr__(self) -> str:
        """Show the result and the counts it comes from."""
        return (
            f"<Proration {self.amount} = {self.quantity} x {self.price} x "
            f"{self.remaining}/{self.total} {self.unit} ({self.convention.name}, {self.rounding})>"
        )


_set_state = Proration._state.__set__  # type: ignore[attr-defined]  # noqa: SLF001


def prorate(  # noqa: C901 - SPEC §3's signature; the fast path is inline
    price: Money,
    term_start: dt.date,
    term_end: dt.date,
    on: dt.date,
    *,
    quantity: int = 1,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
) -> Proration:
    """Prorate ``price`` (one unit, whole term) for ``quantity`` units from ``on`` to the end.

    The term is half-open, ``[term_start, term_end)``, and ``on`` must lie in it.  The exact
    line amount is ``quantity x price x remaining / total``, counted by ``convention`` (a
    :class:`~seatcalc.Convention` or the name of one); it is rounded once, on the line total, to
    the currency's minor unit with ``rounding``.  ``rounding`` always applies: no convention
    overrides it.

    Args:
        price: the price of one unit for the whole term; ``Money`` >= 0.
        term_start: the first day of the term (an aware datetime for a ``"second"`` convention).
        term_end: the renewal date, exclusive.
        on: the day of the change, ``term_start <= on < term_end``.
        quantity: how many units (seats), an int >= 1.
        convention: how the share of the term is counted; :data:`~seatcalc.ACTUAL_DAYS` by
            default.
        rounding: the :mod:`decimal` rounding mode, ``ROUND_HALF_UP`` by default.

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
    >>> prorate(Money("1200.00", "USD"), *term, dt.date(2027, 1, 1))
    Traceback (most recent call last):
    ...
    seatcalc.errors.OutsideTermError: on: got 2027-01-01, which is after the term [2026-01-01, 2027-01-01) (it ended on 2027-01-01, its renewal date; renew() builds the next term); expected a date from 2026-01-01 to 2026-12-31

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    # The fast path (plain day counting): type checks that cost one comparison each; anything
    # unusual falls through to the checks that explain what is wrong.  See docs/design.rst.
    if convention is not ACTUAL_DAYS:
        if type(convention) is not Convention:
            convention = _check_convention(convention)
        if convention._path != PLAIN_DAYS:  # noqa: SLF001
            return _prorate_general(price, term_start, term_end, on, quantity, convention, rounding)
    if type(quantity) is not int or quantity < 1:
        check_count(quantity, "quantity")
    if rounding is not ROUND_HALF_UP and rounding not in _MODES:
        rounding = check_rounding(rounding)
    if type(price) is not Money:
        _check_price(price)
    if type(on) is not _date or type(term_start) is not _date or type(term_end) is not _date:
        _check_instants(convention, term_start, term_end, on)
    total = (term_end - term_start).days
    remaining = (term_end - on).days
    if not 0 < remaining <= total:
        _refuse_term(term_start, term_end, on)
    numerator, denominator = price._ratio  # noqa: SLF001 - computed when the price was built
    if numerator < 0:
        _check_price(price)
    currency = price.currency
    scale, limit, quantum = _scale(currency)
    top = numerator * quantity * remaining * scale
    bottom = denominator * total
    if rounding is ROUND_HALF_UP:
        # Half-up of a ratio >= 0 in one floor division: floor((2 top + bottom) / (2 bottom)).
        units = (top + top + bottom) // (bottom + bottom)
    else:
        units = round_ratio(top, bottom, rounding)
    if units >= limit:
        _refuse_size(price, quantity)
    amount = _new(Money)
    _set_amount(amount, _EXACT.multiply(units, quantum))  # exact: units x 10**-digits
    _set_currency(amount, currency)
    _set_ratio(amount, (units, scale))
    result = _new(Proration)
    _set_state(
        result,
        (price, quantity, term_start, term_end, on, convention, rounding, remaining, total, amount),
    )
    return result


def _prorate_general(  # noqa: PLR0917 - prorate's arguments
    price: Money,
    term_start: dt.date,
    term_end: dt.date,
    on: dt.date,
    quantity: int,
    convention: Convention,
    rounding: str,
) -> Proration:
    # Seconds, and conventions that are not plain: every check in full, exact arithmetic.
    check_count(quantity, "quantity")
    rounding = check_rounding(rounding)
    _check_price(price)
    _check_instants(convention, term_start, term_end, on)
    if not term_start <= on < term_end:
        _refuse_term(term_start, term_end, on)
    total = convention.count(term_start, term_end)
    if total == 0:
        msg = (
            f"term_end: got {term_end.isoformat()}; the term from {term_start.isoformat()} "
            f"counts 0 {convention.unit_name}s under convention {convention.name!r}"
        )
        raise InvalidValueError(msg)
    remaining = convention.remaining(on, term_end)
    fraction = _fraction(convention, remaining, total, quantity)
    digits = _cldr_digits(price.currency)
    if convention.rounding_order == "unit":
        each = price.to_fraction() * fraction * _POWERS[digits]
        units = quantity * round_ratio(each.numerator, each.denominator, rounding)
    else:
        line = quantity * price.to_fraction() * fraction * _POWERS[digits]
        units = round_ratio(line.numerator, line.denominator, rounding)
    return _finish(
        price, term_start, term_end, on, quantity, convention, rounding, remaining, total, units
    )


def _finish(  # noqa: PLR0917 - everything a Proration holds
    price: Money,
    term_start: dt.date,
    term_end: dt.date,
    on: dt.date,
    quantity: int,
    convention: Convention,
    rounding: str,
    remaining: int | Fraction,
    total: int | Fraction,
    units: int,
) -> Proration:
    digits = _cldr_digits(price.currency)
    if units >= _LIMITS[digits]:
        _refuse_size(price, quantity)
    amount = _trusted(
        Decimal(units).scaleb(-digits, _EXACT), price.currency, (units, _POWERS[digits])
    )
    return Proration._build(  # noqa: SLF001
        (price, quantity, term_start, term_end, on, convention, rounding, remaining, total, amount)
    )


@functools.cache
def _scale(currency: str) -> tuple[int, int, Decimal]:
    # A memo of a pure lookup (CLDR digits do not change while the process runs), for the fast
    # path: 10**digits, the bound on an amount in minor units, and one minor unit.
    digits = _cldr_digits(currency)
    return _POWERS[digits], _LIMITS[digits], Decimal(1).scaleb(-digits)


def _fraction(
    convention: Convention, remaining: int | Fraction, total: int | Fraction, quantity: int
) -> Fraction:
    ratio = Fraction(remaining) / total
    places = convention.ratio_places
    if places is None:
        return ratio
    scale = 10**places
    if convention.precision_scope == "ratio":
        kept = round_ratio(ratio.numerator * scale, ratio.denominator, convention.ratio_rounding)
        return Fraction(kept, scale)
    weighted = ratio * quantity
    kept = round_ratio(weighted.numerator * scale, weighted.denominator, convention.ratio_rounding)
    return Fraction(kept, scale * quantity)


# -- the checks behind the fast path ------------------------------------------------------


def _check_convention(convention: object) -> Convention:
    if isinstance(convention, Convention):
        return convention
    return convention_named(convention)


def _check_price(price: object) -> None:
    if not isinstance(price, Money):
        hint = (
            f"; pass Money({str(price)!r}, 'USD') with the right currency"
            if isinstance(price, int | float | Decimal) and not isinstance(price, bool)
            else ""
        )
        msg = f"price: got {describe(price)}; expected Money (the price of one unit){hint}"
        raise InvalidTypeError(msg)
    if price.amount < 0:
        msg = f"price: got {price!r}; expected a price >= 0 (credit a refund as a separate line)"
        raise InvalidValueError(msg)


def _check_instants(
    convention: Convention, term_start: object, term_end: object, on: object
) -> None:
    values = {"term_start": term_start, "term_end": term_end, "on": on}
    if convention.unit == "second":
        for field, value in values.items():
            _check_aware(field, value, convention)
    else:
        for field, value in values.items():
            if isinstance(value, _datetime):
                msg = (
                    f"{field}: got the datetime {value!r}; convention {convention.name!r} counts "
                    "days between datetime.date values: pass dates (all three), or use a "
                    "'second' convention such as 'seconds' with timezone-aware datetimes"
                )
                raise InvalidTypeError(msg)
            if not isinstance(value, _date):
                msg = f"{field}: got {describe(value)}; expected a datetime.date"
                raise InvalidTypeError(msg)
    if term_end <= term_start:  # type: ignore[operator]
        msg = (
            f"term_end: got {term_end}; expected a {convention.unit} after term_start {term_start}"
        )
        raise InvalidValueError(msg)


def _check_aware(field: str, value: object, convention: Convention) -> None:
    if not isinstance(value, _datetime):
        msg = (
            f"{field}: got {describe(value)}; convention {convention.name!r} counts seconds "
            "between timezone-aware datetime.datetime values (all three), such as "
            "datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)"
        )
        raise InvalidTypeError(msg)
    if value.utcoffset() is None:
        msg = (
            f"{field}: got the naive datetime {value!r}; convention {convention.name!r} needs "
            "timezone-aware datetimes (add tzinfo, e.g. datetime.UTC), or the instant is unknown"
        )
        raise InvalidTypeError(msg)
    if value.microsecond:
        msg = (
            f"{field}: got {value!r}; convention {convention.name!r} counts whole seconds: "
            "pass .replace(microsecond=0)"
        )
        raise InvalidValueError(msg)


def _refuse_term(term_start: dt.date, term_end: dt.date, on: dt.date) -> None:
    if term_end <= term_start:
        msg = f"term_end: got {term_end}; expected a date after term_start {term_start}"
        raise InvalidValueError(msg)
    expected = None
    if isinstance(on, dt.datetime):
        expected = f"an instant in [{term_start.isoformat()}, {term_end.isoformat()})"
    raise OutsideTermError(on, term_start, term_end, "on", expected)


def _refuse_size(price: Money, quantity: int) -> None:
    msg = (
        f"quantity: got {quantity}; {quantity} x {price} is not below 10**{MAX_INTEGER_DIGITS} "
        f"{price.currency}, the largest amount seatcalc handles"
    )
    raise InvalidValueError(msg)


def _parse_instant(value: object, field: str) -> dt.datetime:
    if not isinstance(value, str):
        msg = f"{field}: got {describe(value)}; expected an ISO 8601 datetime with an offset"
        raise InvalidTypeError(msg)
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as error:
        msg = f"{field}: got {value!r}; expected an ISO 8601 datetime with an offset"
        raise InvalidValueError(msg) from error

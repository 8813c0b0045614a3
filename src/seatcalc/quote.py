"""The add-seats quote: may these seats be added, what do they cost, and when do they end.

:func:`quote_add_seats` composes the rules: eligibility (R5-R8, R12), the co-termed end date (R2,
R4) and the prorated price (R3), rounded once on the line total and split into per-seat lines.
An ineligible subscription gets a quote that says why and carries no price at all.

A term extended past one billing period, and conventions that count seconds, are priced in the
private module ``_quote_periods``; the data form and the HTML live in ``_quote_text``.  The named
tuple of parts and ``AddSeatsQuote._of``, which build every quote, stay here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction
from types import MappingProxyType
from typing import Final, NamedTuple, Self

import attrs
from babel.core import Locale

from seatcalc._pydantic_support import pydantic_core_schema, pydantic_json_schema
from seatcalc._quote_periods import prorate_period, with_whole_periods
from seatcalc._quote_text import QUOTE_KEYS, quote_html, quote_inputs, quote_to_dict
from seatcalc._validate import check_agrees, check_count, check_date
from seatcalc.conventions import ACTUAL_DAYS, Convention, convention_named
from seatcalc.eligibility import Eligibility, check_eligibility
from seatcalc.errors import SeatcalcError, rename_field, reported_as
from seatcalc.minor_units import CLDR_UNITS, MinorUnits, check_minor_units
from seatcalc.money import Money
from seatcalc.policy import DEFAULT_POLICY, Policy
from seatcalc.proration import Proration, prorate
from seatcalc.rounding import check_rounding
from seatcalc.subscription import Subscription

__all__ = ["AddSeatsQuote", "quote_add_seats"]

# prorate() calls the seats it prices its quantity: errors name them as the caller did.
_SEATS_AS_QUANTITY: Final = MappingProxyType({"quantity": "seats"})


class _Parts(NamedTuple):
    """What an :class:`AddSeatsQuote` holds, read by name."""

    subscription: Subscription
    seats: int
    on: dt.date
    eligibility: Eligibility
    end_date: dt.date | None
    proration: Proration | None
    whole_periods: int
    total: Money | None
    convention: Convention
    rounding: str
    minor_units: MinorUnits = CLDR_UNITS


@attrs.frozen(init=False, repr=False)
class AddSeatsQuote:
    """A quote for adding seats to a subscription on one day.

    A quote is *payable* exactly when the subscription is eligible.  An ineligible quote keeps
    its :attr:`eligibility` reasons and has **no price**: :attr:`total` is ``None``,
    :attr:`lines` is empty and :attr:`fraction` is ``None``, so code that forgets to look at
    :attr:`payable` fails loudly instead of charging an amount that was never allowed.

    The price of the added seats is the per-period unit price prorated over the billing period
    that contains ``on`` (the period ending on ``term_end`` for a regular term), plus one unit
    price per seat for each whole billing period left after it in a term extended past one
    period.  It is rounded once, on the line total.

    Build quotes with :func:`quote_add_seats`; :meth:`from_dict` rebuilds one from its JSON form.

    .. versionadded:: 0.1.0
    """

    # The parts, named, in one slot: a quote is built on every request, and setting one slot
    # costs a tenth of setting ten (see :meth:`_of`).  Read them as properties.
    _parts: _Parts

    # pydantic field support (seatcalc.pydantic), imported only when pydantic asks.
    __get_pydantic_core_schema__ = pydantic_core_schema
    __get_pydantic_json_schema__ = pydantic_json_schema

    @property
    def subscription(self) -> Subscription:
        """The subscription the seats are added to."""
        return self._parts.subscription

    @property
    def seats(self) -> int:
        """How many seats are added."""
        return self._parts.seats

    @property
    def on(self) -> dt.date:
        """The day the seats are added, and charged from."""
        return self._parts.on

    @property
    def eligibility(self) -> Eligibility:
        """The outcome of every eligibility rule, with the failing reasons."""
        return self._parts.eligibility

    @property
    def end_date(self) -> dt.date | None:
        """The co-termed end date of the added seats (``term_end``); None outside the term."""
        return self._parts.end_date

    @property
    def proration(self) -> Proration | None:
        """The proration of the billing period containing :attr:`on`; None if not payable."""
        return self._parts.proration

    @property
    def whole_periods(self) -> int:
        """Whole billing periods between that period's end and ``term_end`` (0 for most terms)."""
        return self._parts.whole_periods

    @property
    def total(self) -> Money | None:
        """The line total, rounded once; None when the quote is not payable."""
        return self._parts.total

    @property
    def convention(self) -> Convention:
        """The convention that counted the time left."""
        return self._parts.convention

    @property
    def rounding(self) -> str:
        """The :mod:`decimal` rounding mode of the one rounding."""
        return self._parts.rounding

    @property
    def minor_units(self) -> MinorUnits:
        """The table of minor units the total is rounded to (CLDR's by default)."""
        return self._parts.minor_units

    @property
    def eligible(self) -> bool:
        """Whether the subscription may add seats self-service on ``on``."""
        return self.eligibility.eligible

    @property
    def payable(self) -> bool:
        """Whether the quote has a price that may be charged (the same as :attr:`eligible`)."""
        return self.total is not None

    @property
    def fraction(self) -> Fraction | None:
        """The share of one seat's per-period price charged per added seat; None if not payable.

        At most 1 for a regular term; a term extended past one period adds its whole periods.
        """
        if self.proration is None:
            return None
        return self.proration.fraction + self.whole_periods

    @property
    def exact(self) -> Fraction | None:
        """The line total before rounding, exactly; None if not payable."""
        if self.proration is None:
            return None
        whole = self.seats * self.whole_periods * self.subscription.unit_price.to_fraction()
        return self.proration.exact + whole

    @property
    def lines(self) -> tuple[Money, ...]:
        """One amount per added seat, summing exactly to :attr:`total` (empty if not payable).

        The lines differ by at most one minor unit, the larger ones first.
        """
        if self.total is None or self.proration is None:
            return ()
        if self.whole_periods == 0:
            return self.proration.lines()
        return self.total.allocate([1] * self.seats, minor_units=self.minor_units)

    def explain(self, locale: str | Locale = "en") -> str:
        """Return the breakdown a person can check by hand, written for ``locale``.

        Numbers, amounts and dates are formatted by babel; the labels come from seatcalc's
        catalogs (English, French, German, Spanish and Italian; other languages get English).

        >>> import datetime as dt
        >>> sub = Subscription(
        ...     seats=5,
        ...     unit_price=Money("1200.00", "USD"),
        ...     term_start=dt.date(2026, 1, 1),
        ...     term_end=dt.date(2027, 1, 1),
        ...     country="US",
        ... )
        >>> print(quote_add_seats(sub, 2, dt.date(2026, 7, 1)).explain("en_US"))
        Adding 2 seats on July 1, 2026
        Unit price: $1,200.00 per seat for a billing period of 12 months
        Billing period: January 1, 2026 to January 1, 2027
        Time remaining: 184 of 365 days (convention actual_days)
        Fraction: 184/365
        Exact amount: 2 × $1,200.00 × 184/365 = $1,209.86301369863…
        Rounding: once, on the total, to 2 decimal places, ROUND_HALF_UP (half up)
        Total: $1,209.86
        Per seat: 2 × $604.93
        End date: January 1, 2027, with the subscription's other seats
        """
        from seatcalc._explain import explain_quote  # noqa: PLC0415 - catalogs load on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_quote(self, check_locale(locale))

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form a service can send as is: amounts as strings, dates in ISO.

        ``total`` is ``null`` and ``lines`` is empty when the quote is not payable.  A table of
        minor units other than CLDR's is written as ``minor_units``.
        """
        return quote_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> AddSeatsQuote:
        """Rebuild a quote from :meth:`to_dict`'s form, checking that its figures add up.

        The quote is computed again from its subscription, seats, day, convention and rounding;
        the recorded eligibility is kept (the policy that produced it is not part of the JSON).
        A record whose price, lines or end date differ from the computation is refused.
        """
        mapping, inputs = quote_inputs(data)
        with reported_as(_SEATS_AS_QUANTITY):
            quote = _compose(*inputs)
        check_agrees(mapping, quote.to_dict(), QUOTE_KEYS)
        return quote

    @classmethod
    def _of(cls, parts: _Parts) -> Self:
        """Build a quote from its parts, already computed and checked by :func:`quote_add_seats`.

        The one unchecked constructor: it sets the one slot with the slot's own setter, which
        skips the frozen class's ``__setattr__``.  ``attrs.evolve`` and ``attrs.asdict`` do not
        apply to a quote; quote again with other arguments, and use :meth:`to_dict`.
        """
        quote = object.__new__(cls)
        _SET_PARTS(quote, parts)
        return quote

    def __repr__(self) -> str:
        """Return a one-line summary: seats, day, total (or why not payable), end date."""
        if self.total is None:
            codes = ", ".join(code.value for code in self.eligibility.codes)
            return f"<AddSeatsQuote {self.seats} seat(s) on {self.on}: not payable ({codes})>"
        return (
            f"<AddSeatsQuote {self.seats} seat(s) on {self.on}: {self.total}, "
            f"ending {self.end_date}>"
        )

    def _repr_html_(self) -> str:
        """Render the English breakdown as a two-column table for notebooks."""
        return quote_html(self)


# The setter of AddSeatsQuote's one slot, for AddSeatsQuote._of.
_SET_PARTS: Final = AddSeatsQuote.__dict__["_parts"].__set__


def quote_add_seats(
    subscription: Subscription,
    seats: int,
    on: dt.date,
    *,
    policy: Policy = DEFAULT_POLICY,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
) -> AddSeatsQuote:
    """Quote adding ``seats`` seats to ``subscription`` on day ``on``.

    The quote checks eligibility under ``policy`` (including, when the policy limits seats,
    that the subscription stays within the limit after the addition: ``SEAT_LIMIT_EXCEEDED``),
    co-terms the new seats (they end on
    ``term_end``), prorates the per-period unit price for the time left with ``convention``,
    rounds the line total once with ``rounding`` and splits it into per-seat lines.  The same
    inputs always give the same quote.

    >>> import datetime as dt
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> import attrs
    >>> quote = quote_add_seats(sub, 2, dt.date(2026, 7, 1))
    >>> quote.payable, quote.total, quote.end_date, quote.fraction
    (True, Money('1209.86', 'USD'), datetime.date(2027, 1, 1), Fraction(184, 365))
    >>> quote.lines
    (Money('604.93', 'USD'), Money('604.93', 'USD'))

    ``minor_units`` rounds to another table's minor unit, here cash rounding to 0.05:

    >>> chf = attrs.evolve(sub, unit_price=Money("1000.00", "CHF"), country="CH")
    >>> quote_add_seats(chf, 1, dt.date(2026, 7, 1), minor_units="cash").total
    Money('504.10', 'CHF')

    An ineligible subscription (here bought through a reseller) gets a quote without a price:

    >>> refused = quote_add_seats(attrs.evolve(sub, channel="reseller"), 2, dt.date(2026, 7, 1))
    >>> refused.payable, refused.total, refused.lines
    (False, None, ())
    >>> refused.eligibility.codes
    (<ReasonCode.CHANNEL_NOT_DIRECT: 'CHANNEL_NOT_DIRECT'>,)

    Args:
        subscription: the subscription to add seats to.
        seats: how many seats to add, an int >= 1.
        on: the day the seats are added (they are charged from this day).
        policy: the eligibility rules; :data:`~seatcalc.DEFAULT_POLICY` by default.
        convention: how the time left is counted (a :class:`Convention` or its name); a
            second-based convention counts from midnight UTC of each day.
        rounding: the :mod:`decimal` rounding mode of the one rounding, ``ROUND_HALF_UP``.
        minor_units: the table of minor units to round to (:mod:`seatcalc.minor_units`):
            ``"cldr"`` (the default), ``"iso4217"``, ``"stripe"``, ``"cash"`` or a mapping of
            currency codes to digits.

    Raises:
        InvalidTypeError: a wrong type (a bool or float as ``seats``, a datetime as ``on``).
        InvalidValueError: ``seats`` below 1, an unknown rounding mode or convention name.

    .. versionadded:: 0.1.0
    """
    if type(seats) is not int or seats < 1:
        seats = check_count(seats, "seats")
    if type(convention) is not Convention:
        convention = convention_named(convention)
    if rounding is not ROUND_HALF_UP:
        rounding = check_rounding(rounding)
    if type(on) is not dt.date:
        on = check_date(on, "on")
    table = CLDR_UNITS if minor_units is None else check_minor_units(minor_units)
    eligibility = check_eligibility(subscription, on, policy=policy, adding=seats)
    try:
        return _compose(subscription, seats, on, eligibility, convention, rounding, table)
    except SeatcalcError as error:  # prorate's quantity is the caller's seats
        raise rename_field(error, _SEATS_AS_QUANTITY) from error.__cause__


def _compose(  # noqa: PLR0917 - the parts of a quote, in order
    subscription: Subscription,
    seats: int,
    on: dt.date,
    eligibility: Eligibility,
    convention: Convention,
    rounding: str,
    table: MinorUnits = CLDR_UNITS,
) -> AddSeatsQuote:
    # The inputs are valid here, so the quote is built without validating them again; this runs
    # in every quote, so the common case (a regular term, day counting) takes the shortest path.
    proration: Proration | None = None
    whole = 0
    total: Money | None = None
    end = subscription.term_end
    if not eligibility.reasons:
        start = subscription.period_start
        if on >= start and convention.unit == "day":
            proration = prorate(
                subscription.unit_price,
                start,
                end,
                on,
                quantity=seats,
                convention=convention,
                rounding=rounding,
                minor_units=None if table is CLDR_UNITS else table,
            )
            total = proration.amount
        else:
            proration, whole = prorate_period(subscription, seats, on, convention, rounding, table)
            total = (
                proration.amount
                if whole == 0
                else with_whole_periods(proration, whole, seats, table)
            )
    end_date = end if subscription.term_start <= on < end else None
    # tuple.__new__ fills the named tuple from one tuple, every field given, as in prorate.
    parts = tuple.__new__(
        _Parts,
        (
            subscription,
            seats,
            on,
            eligibility,
            end_date,
            proration,
            whole,
            total,
            convention,
            rounding,
            table,
        ),
    )
    return AddSeatsQuote._of(parts)  # noqa: SLF001 - the module's own class

"""The subscription a seat change applies to.

The checks of the customer's country and sales channel live in the private module
``_customer`` and are exported from this one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn, Self, cast

import attrs

from seatcalc._customer import CHANNELS, check_channel, check_country
from seatcalc._pydantic_support import pydantic_core_schema, pydantic_json_schema
from seatcalc._scalars import native
from seatcalc._validate import (
    bool_field,
    check_count,
    check_date,
    check_keys,
    check_mapping,
    check_text,
    date_field,
    optional_date_field,
    parse_date,
)
from seatcalc.dates import grid_date, grid_index, months_between
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, reported_within
from seatcalc.money import Money, check_price

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = [
    "CHANNELS",
    "MAX_PERIOD_MONTHS",
    "Subscription",
    "check_channel",
    "check_country",
    "check_subscription",
    "known_terms_only",
]

#: The longest billing period accepted, in months (ten years).
MAX_PERIOD_MONTHS = 120


def _check_unit_price(_instance: object, _attribute: object, value: Money) -> None:
    check_price(value, "unit_price")


@attrs.frozen(kw_only=True)
class Subscription:
    """A per-seat subscription in its current term.

    The current term is the half-open interval ``[term_start, term_end)``: a seat is active on
    ``term_start`` and on every day before ``term_end``, which is the renewal date, the first
    day of the next term.  ``unit_price`` is the price of one seat for one full billing period
    of ``period_months`` months.

    Renewal dates lie on the anchor's grid, ``anchor + k * period_months`` months, each clamped
    to its month's last day; ``anchor`` defaults to ``term_start`` and ``purchased_on`` to
    ``anchor``.  ``term_end`` must be one of those renewal dates, so every seat renews on one
    date.  ``term_start`` may lie off the grid (a first term, or a term extended to align it
    with others, can be shorter or longer than one period).

    >>> import datetime as dt
    >>> sub = Subscription(
    ...     seats=5,
    ...     unit_price=Money("1200.00", "USD"),
    ...     term_start=dt.date(2026, 1, 1),
    ...     term_end=dt.date(2027, 1, 1),
    ...     country="US",
    ... )
    >>> sub.anchor, sub.purchased_on, sub.channel, sub.auto_renew
    (datetime.date(2026, 1, 1), datetime.date(2026, 1, 1), 'direct', True)
    >>> sub.is_active_on(dt.date(2026, 12, 31)), sub.is_active_on(dt.date(2027, 1, 1))
    (True, False)

    A first term bought part-way through a period is shorter than a period: its billing period
    (:attr:`period_start` to ``term_end``) starts before ``term_start``:

    >>> Subscription(
    ...     seats=1,
    ...     unit_price=Money("10.00", "EUR"),
    ...     term_start=dt.date(2026, 3, 15),
    ...     term_end=dt.date(2026, 3, 31),
    ...     anchor=dt.date(2025, 12, 31),
    ...     period_months=1,
    ...     country="FR",
    ... ).period_start
    datetime.date(2026, 2, 28)

    .. versionadded:: 0.1.0
    """

    # pydantic field support (seatcalc.pydantic), imported only when pydantic asks.
    __get_pydantic_core_schema__ = pydantic_core_schema
    __get_pydantic_json_schema__ = pydantic_json_schema

    seats: int = attrs.field(
        converter=native, validator=lambda _i, _a, value: check_count(value, "seats")
    )
    unit_price: Money = attrs.field(validator=_check_unit_price)
    term_start: dt.date = attrs.field(converter=native, validator=date_field("term_start"))
    term_end: dt.date = attrs.field(converter=native, validator=date_field("term_end"))
    country: str = attrs.field(validator=lambda _i, _a, value: check_country(value))
    channel: str = attrs.field(
        default="direct", validator=lambda _i, _a, value: check_channel(value)
    )
    purchased_on: dt.date = attrs.field(
        default=None, converter=native, validator=optional_date_field("purchased_on")
    )
    period_months: int = attrs.field(
        default=12,
        converter=native,
        validator=lambda _i, _a, value: check_count(
            value, "period_months", maximum=MAX_PERIOD_MONTHS
        ),
    )
    anchor: dt.date = attrs.field(
        default=None, converter=native, validator=optional_date_field("anchor")
    )
    auto_renew: bool = attrs.field(default=True, validator=bool_field("auto_renew"))
    product: str = attrs.field(default="", validator=lambda _i, _a, v: check_text(v, "product"))
    plan: str = attrs.field(default="", validator=lambda _i, _a, v: check_text(v, "plan"))
    #: The start of the billing period that ends on ``term_end``, the grid date one period
    #: before it (derived from the other fields, never passed).  It is ``term_start`` for a
    #: regular term of one period; it is later than ``term_start`` for a term extended past one
    #: period (to align it with another subscription), and earlier for a first term shorter
    #: than one period.
    period_start: dt.date = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Fill the defaults that depend on other fields and check the fields together."""
        # anchor and purchased_on are declared as dates for readers of the value; None is only
        # the "not given" marker of the constructor.
        if cast("dt.date | None", self.anchor) is None:
            object.__setattr__(self, "anchor", self.term_start)
        purchase_given = cast("dt.date | None", self.purchased_on) is not None
        if not purchase_given:
            object.__setattr__(self, "purchased_on", self.anchor)
        if self.term_start >= self.term_end:
            raise InvalidValueError(
                field="term_end",
                value=self.term_end,
                problem=f", which is not after term_start {self.term_start.isoformat()}",
                expected=(
                    "a date after term_start: a term is [term_start, term_end) and term_end is "
                    "the first day of the next term"
                ),
                code=ErrorCode.DATE_ORDER,
            )
        index = grid_index(self.anchor, self.period_months, self.term_end)
        if index is None:
            self._refuse_off_grid()
        start = grid_date(self.anchor, (index - 1) * self.period_months, field="anchor")
        object.__setattr__(self, "period_start", start)
        if self.purchased_on >= self.term_end:
            if purchase_given:
                raise InvalidValueError(
                    field="purchased_on",
                    value=self.purchased_on,
                    expected=f"a date before term_end {self.term_end.isoformat()}",
                    code=ErrorCode.DATE_ORDER,
                )
            raise InvalidValueError(
                field="anchor",
                value=self.anchor,
                problem=(
                    ", which purchased_on defaults to, and a subscription is bought before its "
                    f"term ends on {self.term_end.isoformat()}"
                ),
                expected="an anchor before term_end, or pass purchased_on=",
                code=ErrorCode.DATE_ORDER,
            )

    def _refuse_off_grid(self) -> NoReturn:
        anchor, period = self.anchor, self.period_months
        months = months_between(anchor, self.term_end)
        base = months - months % period
        nearest = []
        for offset in (-period, 0, period):
            try:
                nearest.append(grid_date(anchor, base + offset))
            except InvalidValueError:
                continue
        before = [day for day in nearest if day < self.term_end][-1:]
        after = [day for day in nearest if day > self.term_end][:1]
        shown = " and ".join(day.isoformat() for day in (*before, *after))
        raise InvalidValueError(
            field="term_end",
            value=self.term_end,
            problem=(
                f", which is not a renewal date of anchor {anchor.isoformat()} every "
                f"{period} month(s)"
            ),
            expected=f"a renewal date; the nearest are {shown}",
            hint="pass anchor= if the subscription started on another day of the month",
            code=ErrorCode.OFF_GRID,
        )

    @property
    def currency(self) -> str:
        """The currency of the unit price."""
        return self.unit_price.currency

    def is_active_on(self, on: dt.date) -> bool:
        """Say whether ``on`` lies in the current term ``[term_start, term_end)``."""
        day = check_date(on, "on")
        return self.term_start <= day < self.term_end

    def explain(self, locale: str | Locale = "en") -> str:
        """Return what the subscription holds, one fact per line, written for ``locale``.

        >>> import datetime as dt
        >>> print(
        ...     Subscription(
        ...         seats=5,
        ...         unit_price=Money("1200.00", "USD"),
        ...         term_start=dt.date(2026, 1, 1),
        ...         term_end=dt.date(2027, 1, 1),
        ...         country="US",
        ...         product="AutoCAD",
        ...     ).explain("en_US")
        ... )
        Subscription of 5 seats
        Unit price: $1,200.00 per seat for a billing period of 12 months
        Term: January 1, 2026 to January 1, 2027
        Renewal dates: every 12 months from the anchor January 1, 2026
        Country: United States
        Bought: on January 1, 2026, directly from the vendor's web store
        Auto-renewal: on
        Product: AutoCAD
        Price of all seats for one billing period: 5 × $1,200.00 = $6,000.00

        .. versionadded:: 0.1.0
        """
        from seatcalc._explain_money import explain_subscription  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_subscription(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict: dates in ISO 8601, the price as :meth:`Money.to_dict`.

        >>> import datetime as dt
        >>> Subscription(
        ...     seats=2,
        ...     unit_price=Money("30.00", "EUR"),
        ...     term_start=dt.date(2026, 3, 31),
        ...     term_end=dt.date(2026, 4, 30),
        ...     anchor=dt.date(2026, 1, 31),
        ...     period_months=1,
        ...     country="FR",
        ... ).to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'seats': 2, 'unit_price': {'amount': '30.00', 'currency': 'EUR'},
         'term_start': '2026-03-31', 'term_end': '2026-04-30', 'country': 'FR',
         'channel': 'direct', 'purchased_on': '2026-01-31', 'period_months': 1,
         'anchor': '2026-01-31', 'auto_renew': True, 'product': '', 'plan': ''}
        """
        return {
            "seats": self.seats,
            "unit_price": self.unit_price.to_dict(),
            "term_start": self.term_start.isoformat(),
            "term_end": self.term_end.isoformat(),
            "country": self.country,
            "channel": self.channel,
            "purchased_on": self.purchased_on.isoformat(),
            "period_months": self.period_months,
            "anchor": self.anchor.isoformat(),
            "auto_renew": self.auto_renew,
            "product": self.product,
            "plan": self.plan,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a subscription from :meth:`to_dict`'s form.

        Optional keys (``channel``, ``purchased_on``, ``period_months``, ``anchor``,
        ``auto_renew``, ``product``, ``plan``) may be left out and take their defaults.
        """
        required = ("seats", "unit_price", "term_start", "term_end", "country")
        optional = ("channel", "purchased_on", "period_months", "anchor", "auto_renew")
        mapping = check_keys(data, "Subscription", required, (*optional, "product", "plan"))
        values: dict[str, Any] = dict(mapping)
        with reported_within("unit_price"):
            values["unit_price"] = Money.from_dict(
                check_mapping(values["unit_price"], "", "a mapping with amount and currency")
            )
        for key in ("term_start", "term_end", "purchased_on", "anchor"):
            if key in values:
                values[key] = parse_date(values[key], key)
        return cls(**values)


def check_subscription(value: object, field: str = "subscription") -> Subscription:
    """Return ``value`` if it is a :class:`~seatcalc.Subscription`."""
    if not isinstance(value, Subscription):
        raise InvalidTypeError(field=field, value=value, expected="a seatcalc.Subscription")
    return value


def known_terms_only(subscription: Subscription) -> str:
    """Say which dates a question about a subscription's terms accepts (for error messages)."""
    return (
        f"a date on or after term_start {subscription.term_start.isoformat()}: a subscription "
        "knows its current term and the renewal terms that follow it, not the terms before it"
    )

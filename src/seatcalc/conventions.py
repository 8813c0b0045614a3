"""Proration conventions: how a share of a term is counted, as values.

A :class:`Convention` says how :func:`~seatcalc.prorate` counts the time that remains in a term
and the length of the whole term, and what it does with the ratio before the one rounding to the
currency's minor unit.  seatcalc names six conventions (:data:`ACTUAL_DAYS`, the default,
:data:`SECONDS`, :data:`THIRTY_360`, :data:`ACTUAL_360`, :data:`MONTHS_THEN_DAYS`,
:data:`MONTHS_THEN_DAYS_30`) and presets
that reproduce well-known billing engines (:data:`STRIPE`, :data:`KILLBILL`, :data:`ZUORA` and
its two 30-day variants, :data:`LAGO`, :data:`CHARGEBEE`).  :data:`CONVENTIONS` maps each name to
its value and :func:`convention_named` looks one up.

A convention never fixes the final rounding mode: that is :func:`~seatcalc.prorate`'s
``rounding=`` argument, always applied.  Every engine modelled here rounds half-up by default, as
seatcalc does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final, Self

import attrs

from seatcalc._validate import check_bool, check_count, check_keys, check_text
from seatcalc.dates import grid_date, months_between
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.rounding import check_rounding

__all__ = [
    "ACTUAL_360",
    "ACTUAL_DAYS",
    "CHARGEBEE",
    "CHARGEBEE_MILLISECONDS",
    "CONVENTIONS",
    "DAY_COUNTS",
    "KILLBILL",
    "LAGO",
    "LAGO_SUBSCRIPTION",
    "MILLISECONDS",
    "MONTHS_FORWARD_THEN_DAYS",
    "MONTHS_THEN_DAYS",
    "MONTHS_THEN_DAYS_30",
    "SECONDS",
    "STRIPE",
    "THIRTY_360",
    "ZUORA",
    "ZUORA_ACTUAL_360",
    "ZUORA_STRICT_30_360",
    "Convention",
    "convention_from_data",
    "convention_named",
    "convention_to_data",
]

#: The ways of counting a stretch of time, by name:
#:
#: * ``"actual"``: actual days (or seconds) from the first counted day to the term end.
#: * ``"30E/360"``: days of 30-day months (Eurobond basis): a 31st counts as the 30th,
#:   February's last day is not moved.  ``360·ΔY + 30·ΔM + ΔD``.
#: * ``"months+actual"``: whole months counted back from the term end, then the days left over
#:   as a share of the actual length of the billing month they fall in.
#: * ``"months+30"``: the same, with the days left over divided by 30.
#: * ``"months-forward+actual"``: whole months counted forward from the first counted day
#:   (each boundary computed from it, clamped to month ends, never chained), then the days left
#:   at the end as a share of the actual length of the month they begin.
#: * ``"actual/360"``: actual days left over the term counted in 360-day years (30E/360), as
#:   finance's actual/360: a daily rate of a 360th of a year's price.  The share is at most 1: a
#:   change in the first days of a term longer than its 360-day count pays the whole price.
DAY_COUNTS: tuple[str, ...] = (
    "actual",
    "30E/360",
    "months+actual",
    "months+30",
    "months-forward+actual",
    "actual/360",
)
#: The time units: calendar days on :class:`datetime.date`, seconds on aware datetimes.
UNITS: tuple[str, ...] = ("day", "second", "millisecond")
#: Where an intermediate precision applies: to the ratio, or to the ratio x quantity.
PRECISION_SCOPES: tuple[str, ...] = ("ratio", "units")
#: When the amount is rounded: once on the line total, or per unit and then x quantity.
ROUNDING_ORDERS: tuple[str, ...] = ("line", "unit")

_MAX_PLACES = 30
_TIME_UNITS: Final = {
    "second": dt.timedelta(seconds=1),
    "millisecond": dt.timedelta(milliseconds=1),
}
_DAY = dt.timedelta(days=1)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _one_of(choices: tuple[str, ...]) -> Any:  # noqa: ANN401 - an attrs validator
    expected = f"one of {', '.join(choices)}"

    def check(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidTypeError(field=attribute.name, value=value, expected=expected)
        if value not in choices:
            raise InvalidValueError(
                field=attribute.name, value=value, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
            )

    return check


def _check_name(_instance: object, _attribute: object, value: Any) -> None:  # noqa: ANN401
    check_text(value, "name")
    if not value:
        raise InvalidValueError(
            field="name", value=value, expected="a non-empty name", code=ErrorCode.EMPTY
        )


def _check_flag(_instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    check_bool(value, attribute.name)


def _check_places(_instance: object, _attribute: object, value: Any) -> None:  # noqa: ANN401
    if value is not None:
        check_count(value, "ratio_places", minimum=0, maximum=_MAX_PLACES)


@attrs.frozen(cache_hash=True)
class Convention:
    """How :func:`~seatcalc.prorate` counts time and when it rounds, as an immutable value.

    Args:
        name: what the convention is called; named conventions are found by it in
            :data:`CONVENTIONS`.
        unit: ``"day"`` (the dates are :class:`datetime.date`), ``"second"`` or ``"millisecond"``
            (timezone-aware :class:`datetime.datetime` on whole seconds or milliseconds; naive
            ones are refused).
        day_count: one of :data:`DAY_COUNTS`; a ``"second"`` or ``"millisecond"`` convention
            counts ``"actual"``.
        charge_change_day: whether the day of the change is charged for.  With ``False`` the
            count starts the day after, so a change on the last day of the term costs nothing
            and one on the first day costs one day less than the full price.  Seconds have no
            change day: this must stay ``True``.
        ratio_places: if not None, the ratio (or the ratio x quantity, see ``precision_scope``)
            is rounded to this many decimal places before it is applied to the price, as Kill
            Bill does to 9 places.
        ratio_rounding: the :mod:`decimal` mode of that intermediate rounding.
        precision_scope: ``"ratio"`` rounds the ratio itself; ``"units"`` rounds the weighted
            quantity (ratio x quantity), as Lago does for fixed charges.
        rounding_order: ``"line"`` rounds the line total once (quantity x price x ratio);
            ``"unit"`` rounds the price of one unit and multiplies by the quantity.
        summary: one line saying what the convention is, shown in tables.

    >>> custom = Convention("next_day", day_count="actual", charge_change_day=False)
    >>> custom.unit, custom.rounding_order
    ('day', 'line')
    >>> Convention("bad", unit="second", day_count="30E/360")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: day_count: got '30E/360'; a 'second' convention counts 'actual' time

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line

    name: str = attrs.field(validator=_check_name)
    unit: str = attrs.field(default="day", validator=_one_of(UNITS), kw_only=True)
    day_count: str = attrs.field(default="actual", validator=_one_of(DAY_COUNTS), kw_only=True)
    charge_change_day: bool = attrs.field(default=True, validator=_check_flag, kw_only=True)
    ratio_places: int | None = attrs.field(default=None, validator=_check_places, kw_only=True)
    ratio_rounding: str = attrs.field(
        default=ROUND_HALF_UP,
        validator=lambda _i, _a, value: check_rounding(value, field="ratio_rounding"),
        kw_only=True,
    )
    precision_scope: str = attrs.field(
        default="ratio", validator=_one_of(PRECISION_SCOPES), kw_only=True
    )
    rounding_order: str = attrs.field(
        default="line", validator=_one_of(ROUNDING_ORDERS), kw_only=True
    )
    summary: str = attrs.field(
        default="", validator=lambda _i, _a, value: check_text(value, "summary"), kw_only=True
    )
    #: Whether the ratio is ``remaining / total`` in whole units, applied unrounded and
    #: rounded once on the line (derived from the other fields, never passed).
    #: :func:`~seatcalc.prorate` counts plain day conventions on its fast path.
    plain: bool = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __init_subclass__(cls, **kwargs: object) -> None:
        """Refuse subclasses: a convention is data, built from its fields.

        A subclass could override how time is counted, which ``to_dict`` cannot write and the
        fast path of :func:`~seatcalc.prorate` would not see.
        """
        raise InvalidTypeError(
            field="Convention",
            value=cls.__name__,
            detail=(
                f"got a subclass {cls.__name__!r}; a convention is data: build "
                "Convention(name, unit=..., day_count=..., ...) with the fields it needs"
            ),
            expected="a Convention built from its fields",
            code=ErrorCode.NOT_SUPPORTED,
        )

    def __attrs_post_init__(self) -> None:
        """Refuse combinations that have no meaning, and note whether the convention is plain."""
        if self.unit != "day" and self.day_count != "actual":
            raise InvalidValueError(
                field="day_count",
                value=self.day_count,
                detail=f"got {self.day_count!r}; a 'second' convention counts 'actual' time",
                expected="'actual'",
                code=ErrorCode.INCONSISTENT,
            )
        if self.unit != "day" and not self.charge_change_day:
            raise InvalidValueError(
                field="charge_change_day",
                value=False,
                detail="got False; a 'second' convention has no change day",
                expected="True",
                code=ErrorCode.INCONSISTENT,
            )
        plain = (
            self.day_count == "actual"
            and self.charge_change_day
            and self.ratio_places is None
            and self.rounding_order == "line"
        )
        object.__setattr__(self, "plain", plain)

    @property
    def additive(self) -> bool:
        """Whether counts add up, ``count(a, m) + count(m, b) == count(a, b)`` for ``a < m < b``.

        Then the prices of two consecutive parts of a term add up to the price of the whole,
        exactly before rounding.  Counting whole months first is not additive, nor is skipping
        the change day (the day at the split is counted by neither part), nor is rounding the
        ratio before applying it.
        """
        return (
            self.day_count in {"actual", "30E/360"}
            and self.charge_change_day
            and self.ratio_places is None
        )

    @property
    def unit_name(self) -> str:
        """The unit that :attr:`Proration.remaining <seatcalc.Proration.remaining>` counts.

        ``"day"``, ``"second"``, ``"millisecond"``, ``"30/360 day"`` or ``"month"``.
        """
        if self.day_count == "30E/360":
            return "30/360 day"
        if self.day_count == "actual/360":
            return "day"
        if self.day_count.startswith("months"):
            return "month"
        return self.unit

    def count(self, start: dt.date, end: dt.date) -> int | Fraction:
        """Count the half-open stretch ``[start, end)`` in :attr:`unit_name` units.

        This is the length of a term, and the time left in it from a change on ``start`` when
        the change day is charged.  The arguments must already suit the convention (dates, or
        aware datetimes for seconds) with ``start <= end``, as :func:`~seatcalc.prorate`
        checks them.

        >>> import datetime as dt
        >>> ACTUAL_DAYS.count(dt.date(2026, 7, 1), dt.date(2027, 1, 1))
        184
        >>> THIRTY_360.count(dt.date(2026, 2, 28), dt.date(2026, 3, 31))
        32
        >>> MONTHS_THEN_DAYS.count(dt.date(2026, 1, 18), dt.date(2026, 4, 1))
        Fraction(76, 31)
        """
        if self.unit != "day":
            # Through UTC: two datetimes with the same tzinfo subtract as wall-clock times,
            # which would ignore a daylight-saving change in between.
            return ((end - _EPOCH) - (start - _EPOCH)) // _TIME_UNITS[self.unit]
        if start >= end:
            return 0
        if self.day_count in {"actual", "actual/360"}:
            return (end - start).days
        if self.day_count == "30E/360":
            return _serial_30e(end) - _serial_30e(start)
        if self.day_count == "months-forward+actual":
            return _months_forward_then_days(start, end)
        return _months_then_days(start, end, thirty=self.day_count == "months+30")

    def length(self, start: dt.date, end: dt.date) -> int | Fraction:
        """Count a whole term ``[start, end)``, the denominator of the share.

        This is :meth:`count`, except for ``"actual/360"``, which counts the term in 360-day
        years (30E/360) while :meth:`count` counts the actual days left.

        >>> import datetime as dt
        >>> year = dt.date(2026, 1, 1), dt.date(2027, 1, 1)
        >>> ACTUAL_DAYS.length(*year), ACTUAL_360.length(*year), ACTUAL_360.count(*year)
        (365, 360, 365)
        """
        if self.day_count == "actual/360" and start < end:
            return _serial_30e(end) - _serial_30e(start)
        return self.count(start, end)

    def remaining(self, on: dt.date, end: dt.date) -> int | Fraction:
        """Count what is left of a term ending on ``end`` after a change on ``on``.

        This is :meth:`count` from ``on``, or from the day after when the change day is not
        charged.

        >>> import datetime as dt
        >>> ACTUAL_DAYS.remaining(dt.date(2026, 12, 31), dt.date(2027, 1, 1))
        1
        >>> CHARGEBEE.remaining(dt.date(2026, 12, 31), dt.date(2027, 1, 1))
        0
        """
        if self.charge_change_day:
            return self.count(on, end)
        return self.count(on + _DAY, end)

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-safe dict of every field.

        >>> KILLBILL.to_dict()["ratio_places"]
        9
        """
        return attrs.asdict(self, filter=lambda field, _value: field.init)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a convention from :meth:`to_dict`'s form (missing optional fields default).

        >>> Convention.from_dict(KILLBILL.to_dict()) == KILLBILL
        True
        """
        names = [field.name for field in attrs.fields(cls) if field.init]
        check_keys(data, "Convention", ("name",), names[1:])
        return cls(**data)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        """Return the constant's name for named conventions, else the full constructor."""
        if CONVENTIONS.get(self.name) == self:
            return f"<Convention {self.name!r}>"
        fields = ", ".join(
            f"{field.name}={getattr(self, field.name)!r}"
            for field in attrs.fields(type(self))[1:]
            if field.init and getattr(self, field.name) != field.default
        )
        return f"Convention({self.name!r}{', ' if fields else ''}{fields})"


def _serial_30e(day: dt.date) -> int:
    # 30E/360: every month has 30 days, a 31st counts as the 30th.  A serial number whose
    # differences are the 30E/360 day counts, so counting is additive.
    return 360 * day.year + 30 * day.month + min(day.day, 30)


def _months_then_days(first: dt.date, end: dt.date, *, thirty: bool) -> int | Fraction:
    # Whole months back from the end (never chained: end - k months, clamped), then the stub.
    months = months_between(first, end)
    boundary = grid_date(end, -months)
    if boundary < first:
        months -= 1
        boundary = grid_date(end, -months)
    stub = (boundary - first).days
    if stub == 0:
        return months
    length = 30 if thirty else (boundary - grid_date(end, -(months + 1))).days
    return months + Fraction(stub, length)


def _months_forward_then_days(first: dt.date, end: dt.date) -> int | Fraction:
    # Whole months forward from the first day (first + k months, clamped), then the stub at the
    # end over the length of the month it begins.
    months = months_between(first, end)
    boundary = grid_date(first, months)
    if boundary > end:
        months -= 1
        boundary = grid_date(first, months)
    stub = (end - boundary).days
    if stub == 0:
        return months
    return months + Fraction(stub, (grid_date(first, months + 1) - boundary).days)


ACTUAL_DAYS = Convention(
    "actual_days",
    summary="actual days left / actual days in the term; the change day is charged",
)
SECONDS = Convention(
    "seconds",
    unit="second",
    summary="seconds left / seconds in the term, on timezone-aware datetimes",
)
MILLISECONDS = Convention(
    "milliseconds",
    unit="millisecond",
    summary="milliseconds left / milliseconds in the term, on timezone-aware datetimes",
)
THIRTY_360 = Convention(
    "thirty_360",
    day_count="30E/360",
    summary="30E/360 days left / 30E/360 days in the term (every month has 30 days)",
)
ACTUAL_360 = Convention(
    "actual_360",
    day_count="actual/360",
    summary="actual days left / the term in 360-day years (at most the whole price)",
)
MONTHS_FORWARD_THEN_DAYS = Convention(
    "months_forward_then_days",
    day_count="months-forward+actual",
    summary="whole months forward from the change + leftover days / days of that month",
)
MONTHS_THEN_DAYS_30 = Convention(
    "months_then_days_30",
    day_count="months+30",
    summary="whole months left + leftover actual days / 30, over the term in months",
)
MONTHS_THEN_DAYS = Convention(
    "months_then_days",
    day_count="months+actual",
    summary="whole months left + leftover days / days of their billing month, over the term",
)
STRIPE = Convention(
    "stripe",
    unit="second",
    summary="Stripe: to the second (Unix timestamps), rounded once per line",
)
KILLBILL = Convention(
    "killbill",
    ratio_places=9,
    ratio_rounding=ROUND_HALF_UP,
    summary="Kill Bill: actual days [start, end), ratio rounded to 9 places half-up",
)
ZUORA = Convention(
    "zuora",
    day_count="months+actual",
    summary="Zuora, actual days: whole months, then days / actual days of the month",
)
ZUORA_ACTUAL_360 = Convention(
    "zuora_actual_360",
    day_count="months+30",
    summary="Zuora, 'Assume 30 days - Actual/360': whole months, then actual days / 30",
)
ZUORA_STRICT_30_360 = Convention(
    "zuora_strict_30_360",
    day_count="30E/360",
    summary="Zuora, 'Assume 30 days - Strict 30/360': every month counts 30 days",
)
LAGO = Convention(
    "lago",
    ratio_places=6,
    ratio_rounding=ROUND_HALF_UP,
    precision_scope="units",
    summary="Lago, fixed charges (seats): days, weighted units (ratio x units) to 6 places",
)
LAGO_SUBSCRIPTION = Convention(
    "lago_subscription",
    summary="Lago, subscription fee: days / days of the period, unrounded, rounded once",
)
CHARGEBEE = Convention(
    "chargebee",
    charge_change_day=False,
    summary="Chargebee, day-based mode: whole days after the change day / days in the term",
)
CHARGEBEE_MILLISECONDS = Convention(
    "chargebee_milliseconds",
    unit="millisecond",
    summary="Chargebee, millisecond mode (its default): to the millisecond, once per line",
)

#: Every named convention and preset, by name (read-only).
CONVENTIONS: Mapping[str, Convention] = MappingProxyType(
    {
        convention.name: convention
        for convention in (
            ACTUAL_DAYS,
            SECONDS,
            MILLISECONDS,
            THIRTY_360,
            ACTUAL_360,
            MONTHS_THEN_DAYS,
            MONTHS_THEN_DAYS_30,
            MONTHS_FORWARD_THEN_DAYS,
            STRIPE,
            KILLBILL,
            ZUORA,
            ZUORA_ACTUAL_360,
            ZUORA_STRICT_30_360,
            LAGO,
            LAGO_SUBSCRIPTION,
            CHARGEBEE,
            CHARGEBEE_MILLISECONDS,
        )
    }
)


def convention_named(name: object) -> Convention:
    """Return the named convention or preset; the name is case-insensitive.

    >>> convention_named("Stripe") is STRIPE
    True
    >>> convention_named("stripe_seconds")
    Traceback (most recent call last):
    ...
    seatcalc.errors.InvalidValueError: convention: got 'stripe_seconds'; expected a Convention or one of actual_days, seconds, milliseconds, thirty_360, actual_360, months_then_days, months_then_days_30, months_forward_then_days, stripe, killbill, zuora, zuora_actual_360, zuora_strict_30_360, lago, lago_subscription, chargebee, chargebee_milliseconds

    .. versionadded:: 0.1.0
    """  # noqa: E501 - a doctest's output is one line
    expected = f"a Convention or one of {', '.join(CONVENTIONS)}"
    if not isinstance(name, str):
        raise InvalidTypeError(field="convention", value=name, expected=expected)
    found = CONVENTIONS.get(name.lower().replace("-", "_"))
    if found is None:
        raise InvalidValueError(
            field="convention", value=name, expected=expected, code=ErrorCode.UNKNOWN_CHOICE
        )
    return found


def convention_to_data(convention: Convention) -> object:
    """Write a named convention as its name, any other (a custom one) as its fields."""
    named = CONVENTIONS.get(convention.name) == convention
    return convention.name if named else convention.to_dict()


def convention_from_data(data: object) -> Convention:
    """Read :func:`convention_to_data`'s form back."""
    if isinstance(data, Mapping):
        return Convention.from_dict(data)
    return convention_named(data)

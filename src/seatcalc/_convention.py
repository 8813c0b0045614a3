"""The convention value: how a proration counts time and when it rounds, and its checks.

:class:`Convention` holds the choices (unit, day count, change day, an intermediate rounding, the
rounding order) and refuses combinations that have no meaning; the counting itself is
``count_time``'s, in a private module of its own.  The named conventions and presets are in
:mod:`seatcalc.conventions`, which re-exports this value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP
from fractions import Fraction
from typing import Any, Self

import attrs

from seatcalc._day_counts import DAY_COUNTS, UNITS, count_time, serial_30e
from seatcalc._validate import check_bool, check_count, check_keys, check_text
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError
from seatcalc.rounding import check_rounding

__all__ = ["PRECISION_SCOPES", "ROUNDING_ORDERS", "Convention"]

#: Where an intermediate precision applies: to the ratio, or to the ratio x quantity.
PRECISION_SCOPES: tuple[str, ...] = ("ratio", "units")
#: When the amount is rounded: once on the line total, or per unit and then x quantity.
ROUNDING_ORDERS: tuple[str, ...] = ("line", "unit")

_MAX_PLACES = 30
_DAY = dt.timedelta(days=1)


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
        >>> from seatcalc.conventions import ACTUAL_DAYS, MONTHS_THEN_DAYS, THIRTY_360
        >>> ACTUAL_DAYS.count(dt.date(2026, 7, 1), dt.date(2027, 1, 1))
        184
        >>> THIRTY_360.count(dt.date(2026, 2, 28), dt.date(2026, 3, 31))
        32
        >>> MONTHS_THEN_DAYS.count(dt.date(2026, 1, 18), dt.date(2026, 4, 1))
        Fraction(76, 31)
        """
        return count_time(self.unit, self.day_count, start, end)

    def length(self, start: dt.date, end: dt.date) -> int | Fraction:
        """Count a whole term ``[start, end)``, the denominator of the share.

        This is :meth:`count`, except for ``"actual/360"``, which counts the term in 360-day
        years (30E/360) while :meth:`count` counts the actual days left.

        >>> import datetime as dt
        >>> from seatcalc.conventions import ACTUAL_360, ACTUAL_DAYS
        >>> year = dt.date(2026, 1, 1), dt.date(2027, 1, 1)
        >>> ACTUAL_DAYS.length(*year), ACTUAL_360.length(*year), ACTUAL_360.count(*year)
        (365, 360, 365)
        """
        if self.day_count == "actual/360" and start < end:
            return serial_30e(end) - serial_30e(start)
        return self.count(start, end)

    def remaining(self, on: dt.date, end: dt.date) -> int | Fraction:
        """Count what is left of a term ending on ``end`` after a change on ``on``.

        This is :meth:`count` from ``on``, or from the day after when the change day is not
        charged.

        >>> import datetime as dt
        >>> from seatcalc.conventions import ACTUAL_DAYS, CHARGEBEE
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

        >>> from seatcalc.conventions import KILLBILL
        >>> KILLBILL.to_dict()["ratio_places"]
        9
        """
        return attrs.asdict(self, filter=lambda field, _value: field.init)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Build a convention from :meth:`to_dict`'s form (missing optional fields default).

        >>> from seatcalc.conventions import KILLBILL
        >>> Convention.from_dict(KILLBILL.to_dict()) == KILLBILL
        True
        """
        names = [field.name for field in attrs.fields(cls) if field.init]
        check_keys(data, "Convention", ("name",), names[1:])
        return cls(**data)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        """Return the constant's name for named conventions, else the full constructor."""
        from seatcalc.conventions import CONVENTIONS  # noqa: PLC0415 - the presets import this

        if CONVENTIONS.get(self.name) == self:
            return f"<Convention {self.name!r}>"
        fields = ", ".join(
            f"{field.name}={getattr(self, field.name)!r}"
            for field in attrs.fields(type(self))[1:]
            if field.init and getattr(self, field.name) != field.default
        )
        return f"Convention({self.name!r}{', ' if fields else ''}{fields})"

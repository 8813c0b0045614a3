"""The checks of :func:`~seatcalc.prorate`'s arguments behind its fast path.

The fast path tests each argument with one comparison; whatever it does not take falls through to
these, which take numpy and Arrow scalars as the values they hold and otherwise say exactly what is
wrong: the kind of date or instant a convention counts, an instant that is not on a whole second,
a term that is empty or reversed, a day outside the term.
"""

from __future__ import annotations

import datetime as dt

from seatcalc._scalars import native
from seatcalc.conventions import Convention, convention_named
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError, OutsideTermError

__all__ = ["check_convention", "check_instants", "instant", "native_dates", "refuse_term"]

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def instant(value: dt.date) -> dt.date | dt.timedelta:
    """Return ``value`` as something that orders by the instant it names.

    Python orders two datetimes with the same ``tzinfo`` by their wall clocks, whatever their
    UTC offsets: around a daylight-saving change (and in its gap) an earlier instant can compare
    as the later one.  The time since the Unix epoch orders by the instant, and unlike
    ``astimezone`` it never leaves the range of datetimes.  Dates are returned as they are.
    """
    if isinstance(value, dt.datetime):
        return value - _EPOCH
    return value


def native_dates(*values: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """Return the three values, numpy and Arrow scalars as the dates (or datetimes) they hold.

    They are not checked: :func:`check_instants` checks them.
    """
    term_start, term_end, on = (native(value) for value in values)
    return term_start, term_end, on  # type: ignore[return-value] # checked by the caller


def check_convention(convention: object) -> Convention:
    """Return ``convention``, a :class:`~seatcalc.Convention` or the name of one, checked."""
    if isinstance(convention, Convention):
        return convention
    return convention_named(convention)


def check_instants(
    convention: Convention, term_start: object, term_end: object, on: object
) -> None:
    """Refuse a term and day that are not what ``convention`` counts, or a term not in order.

    Days are ``datetime.date`` values; seconds and milliseconds are timezone-aware datetimes on a
    whole unit.
    """
    values = {"term_start": term_start, "term_end": term_end, "on": on}
    if convention.unit != "day":
        for field, value in values.items():
            _check_aware(field, value, convention)
    else:
        for field, value in values.items():
            if isinstance(value, dt.datetime):
                raise InvalidTypeError(
                    field=field,
                    value=value,
                    got=f"the datetime {value!r}",
                    problem=(
                        f"; convention {convention.name!r} counts days between datetime.date values"
                    ),
                    expected=(
                        "dates (all three), or a 'second' convention such as 'seconds' with "
                        "timezone-aware datetimes"
                    ),
                    code=ErrorCode.DATETIME_NOT_DATE,
                )
            if not isinstance(value, dt.date):
                raise InvalidTypeError(field=field, value=value, expected="a datetime.date")
    if instant(term_end) <= instant(term_start):  # type: ignore[arg-type,operator]
        _refuse_order(term_start, term_end, convention.unit)  # type: ignore[arg-type]


def _check_aware(field: str, value: object, convention: Convention) -> None:
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(
            field=field,
            value=value,
            problem=f"; convention {convention.name!r} counts {convention.unit}s",
            expected=(
                "timezone-aware datetime.datetime values (all three), such as "
                "datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)"
            ),
            code=ErrorCode.DATETIME_NOT_DATE if isinstance(value, dt.date) else None,
        )
    offset = value.utcoffset()
    if offset is None:
        raise InvalidTypeError(
            field=field,
            value=value,
            got=f"the naive datetime {value!r}",
            problem=f"; convention {convention.name!r} counts {convention.unit}s between instants",
            expected="a timezone-aware datetime (add tzinfo, e.g. datetime.UTC)",
            code=ErrorCode.NAIVE_DATETIME,
        )
    # A second has 1,000,000 microseconds, a millisecond 1,000.
    step = 1000 if convention.unit == "millisecond" else 1_000_000
    if value.microsecond % step or offset.microseconds % step:
        unit = convention.unit
        raise InvalidValueError(
            field=field,
            value=value,
            got=repr(value),
            problem=(
                f"; convention {convention.name!r} counts whole {unit}s, and "
                + ("this instant" if value.microsecond % step else "its UTC offset")
                + f" has a fraction of a {unit}"
            ),
            expected=f"an instant on a whole {unit}, with a UTC offset in whole {unit}s",
            hint=(
                f"pass .replace(microsecond={value.microsecond - value.microsecond % step})"
                if value.microsecond % step
                else None
            ),
            code=ErrorCode.NOT_WHOLE_SECONDS,
        )


def _refuse_order(term_start: dt.date, term_end: dt.date, unit: str = "day") -> None:
    raise InvalidValueError(
        field="term_end",
        value=term_end,
        problem=f", which is not after term_start {term_start.isoformat()}",
        expected=f"a {unit} after term_start",
        code=ErrorCode.DATE_ORDER,
    )


def refuse_term(term_start: dt.date, term_end: dt.date, on: dt.date) -> None:
    """Raise the error for a term that is not in order, or else for ``on`` outside the term."""
    if instant(term_end) <= instant(term_start):  # type: ignore[operator]
        _refuse_order(term_start, term_end)
    expected = None
    if isinstance(on, dt.datetime):
        expected = f"an instant in [{term_start.isoformat()}, {term_end.isoformat()})"
    raise OutsideTermError(on, term_start, term_end, "on", expected)

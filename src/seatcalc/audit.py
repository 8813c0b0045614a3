"""Auditing charges: does seatcalc reproduce what an engine or an invoice charged?

:func:`~seatcalc.check_charge` checks one charged amount against every convention preset,
rounding mode and named minor-unit table (it lives in ``seatcalc._charge_check`` and is
re-exported here).  :func:`~seatcalc.check_charges` does the same for every row of an export
(dicts, or a ``pyarrow.Table``): each row is read into a subscription, a day, a count of seats
and a charged amount, and a row that cannot be read or checked gets a
:class:`~seatcalc.ChargeVerdict` carrying its error, while the other rows are checked all the
same.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP
from typing import TYPE_CHECKING, Final, Self

import attrs

from seatcalc._charge_check import ChargeCheck, ChargeMatch, check_charge
from seatcalc._records import read_nested
from seatcalc._validate import check_agrees, check_count, check_date, check_keys, parse_date
from seatcalc.conventions import ACTUAL_DAYS, Convention
from seatcalc.errors import (
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    SeatcalcError,
    reported_within,
)
from seatcalc.minor_units import MinorUnits, check_minor_units
from seatcalc.money import Money
from seatcalc.subscription import Subscription

if TYPE_CHECKING:
    from babel.core import Locale

__all__ = [
    "ROW_COLUMNS",
    "ChargeCheck",
    "ChargeMatch",
    "ChargeVerdict",
    "check_charge",
    "check_charges",
]


def _error_pairs(value: object) -> tuple[tuple[str, str | None], ...] | None:
    if value is None or isinstance(value, tuple):
        return value
    if not isinstance(value, Mapping):
        raise InvalidTypeError(field="error", value=value, expected="an error mapping")
    return tuple((str(key), None if item is None else str(item)) for key, item in value.items())


@attrs.frozen(kw_only=True)
class ChargeVerdict:
    """The verdict on one row of an export: a :class:`ChargeCheck`, or the row's error.

    .. versionadded:: 0.1.0
    """

    #: The row's position in the export, from 0.
    row: int
    #: The check, or None when the row could not be read.
    check: ChargeCheck | None = None
    # The error's items, kept as pairs so the verdict stays hashable; read it as error.
    _error: tuple[tuple[str, str | None], ...] | None = attrs.field(
        default=None, converter=_error_pairs, alias="error"
    )

    @property
    def error(self) -> dict[str, str | None] | None:
        """The row's error, as :meth:`seatcalc.SeatcalcError.to_dict` writes it, or None."""
        return None if self._error is None else dict(self._error)

    @property
    def status(self) -> str:
        """The check's :attr:`~ChargeCheck.status`, or ``"error"``."""
        return "error" if self.check is None else self.check.status

    def explain(self, locale: str | Locale = "en") -> str:
        """Write the verdict out for a reader of ``locale``."""
        from seatcalc._explain_audit import explain_verdict  # noqa: PLC0415 - on first use
        from seatcalc._i18n import check_locale  # noqa: PLC0415

        return explain_verdict(self, check_locale(locale))

    def _repr_html_(self) -> str:
        """Render the English explanation as a table for notebooks."""
        from seatcalc._html import explanation  # noqa: PLC0415 - only notebooks need it

        return explanation(self.explain("en"))

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form: the row, the status, and the check or the error."""
        return {
            "row": self.row,
            "status": self.status,
            "check": None if self.check is None else self.check.to_dict(),
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Self:
        """Read :meth:`to_dict`'s form (the check is computed again)."""
        mapping = check_keys(data, "ChargeVerdict", ("row", "status", "check", "error"))
        check = None
        if mapping["check"] is not None:
            check = read_nested(mapping["check"], "check", ChargeCheck.from_dict)
        verdict = cls(
            row=check_count(mapping["row"], "row", minimum=0),
            check=check,
            error=mapping["error"],
        )
        check_agrees(mapping, verdict.to_dict(), ("status",))
        return verdict


#: The columns a row of an export may hold (see :func:`check_charges`).
ROW_COLUMNS: Final = (
    "unit_price",
    "currency",
    "term_start",
    "term_end",
    "seats",
    "on",
    "charged",
    "charged_minor",
    "period_months",
    "anchor",
    "convention",
    "rounding",
    "minor_units",
)


def check_charges(
    rows: object,
    *,
    convention: Convention | str = ACTUAL_DAYS,
    rounding: str = ROUND_HALF_UP,
    minor_units: MinorUnits | str | Mapping[str, int] | None = None,
) -> tuple[ChargeVerdict, ...]:
    """Check every row of an export of charges; return one :class:`ChargeVerdict` per row.

    ``rows`` is an iterable of mappings (such as ``csv.DictReader`` gives) or a
    ``pyarrow.Table`` (pyarrow is imported only when given one).  Each row holds
    ``unit_price`` and ``currency`` (the price of one seat for one billing period),
    ``term_start`` and ``term_end``, ``seats`` (the seats added), ``on`` (the day they were
    added) and ``charged`` (a decimal amount) or ``charged_minor`` (an int of minor units);
    optionally ``period_months`` (12 by default), ``anchor``, and ``convention``, ``rounding``
    and ``minor_units`` that replace the arguments for that row.  Dates are ISO text or
    :class:`datetime.date`; amounts decimal text, ints or Decimals (never floats); empty cells
    count as absent.

    A row that cannot be read or checked gets a verdict whose ``error`` is the structured error
    (:meth:`SeatcalcError.to_dict <seatcalc.SeatcalcError.to_dict>`), its field named within
    ``rows[index]``; the other rows are checked all the same.

    >>> rows = [
    ...     {
    ...         "unit_price": "1200.00",
    ...         "currency": "USD",
    ...         "term_start": "2026-01-01",
    ...         "term_end": "2027-01-01",
    ...         "seats": "2",
    ...         "on": "2026-07-01",
    ...         "charged": "1209.86",
    ...     },
    ...     {"unit_price": "1200.00", "currency": "USD"},
    ... ]
    >>> [verdict.status for verdict in check_charges(rows)]
    ['reproduced', 'error']

    .. versionadded:: 0.1.0
    """
    records = _records(rows)
    verdicts = []
    for index, row in enumerate(records):
        try:
            with reported_within(f"rows[{index}]"):
                check = _check_row(row, convention, rounding, minor_units)
        except SeatcalcError as error:
            verdicts.append(ChargeVerdict(row=index, error=error.to_dict()))
        else:
            verdicts.append(ChargeVerdict(row=index, check=check))
    return tuple(verdicts)


def _records(rows: object) -> Iterable[object]:
    kind = type(rows)
    if kind.__module__.partition(".")[0] == "pyarrow" and hasattr(rows, "to_pylist"):
        listed: list[object] = rows.to_pylist()
        return listed
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        raise InvalidTypeError(
            field="rows",
            value=rows,
            expected="an iterable of mappings (such as csv.DictReader gives) or a pyarrow.Table",
        )
    return rows


def _check_row(
    row: object, convention: object, rounding: object, minor_units: object
) -> ChargeCheck:
    if not isinstance(row, Mapping):
        raise InvalidTypeError(field="", value=row, expected="a mapping of column to value")
    cells: dict[str, object] = {
        str(key): value for key, value in row.items() if value is not None and value != ""
    }
    required = ("unit_price", "currency", "term_start", "term_end", "seats", "on")
    optional = tuple(column for column in ROW_COLUMNS if column not in required)
    check_keys(cells, "row", required, optional, field="")
    table = check_minor_units(cells.get("minor_units", minor_units))
    currency = cells["currency"]
    price = _money(cells["unit_price"], currency, "unit_price")
    start, end = _date(cells["term_start"], "term_start"), _date(cells["term_end"], "term_end")
    sub = Subscription(
        seats=1,
        unit_price=price,
        term_start=start,
        term_end=end,
        country="US",
        period_months=_int(cells.get("period_months", 12), "period_months"),
        anchor=_date(cells["anchor"], "anchor") if "anchor" in cells else start,
    )
    if ("charged" in cells) == ("charged_minor" in cells):
        raise InvalidValueError(
            field="charged",
            value=sorted(key for key in cells if key.startswith("charged")),
            expected="one of charged (a decimal amount) or charged_minor (an int of minor units)",
            code=ErrorCode.MALFORMED_RECORD,
        )
    charged: Money | int
    if "charged" in cells:
        charged = _money(cells["charged"], price.currency, "charged")
    else:
        charged = _int(cells["charged_minor"], "charged_minor", minimum=None)
    return check_charge(
        sub,
        _int(cells["seats"], "seats"),
        _date(cells["on"], "on"),
        charged,
        convention=cells.get("convention", convention),  # type: ignore[arg-type]
        rounding=cells.get("rounding", rounding),  # type: ignore[arg-type]
        minor_units=table,
    )


def _money(value: object, currency: object, field: str) -> Money:
    # Money reads decimal text, ints and Decimals, and refuses floats with its own message; a
    # flat row names the column, not the amount inside it.
    try:
        return Money(value.strip() if isinstance(value, str) else value, currency)  # type: ignore[arg-type]
    except SeatcalcError as error:
        raise error.renamed("currency" if error.field == "currency" else field) from None


def _date(value: object, field: str) -> dt.date:
    if isinstance(value, str):
        return parse_date(value.strip(), field)
    return check_date(value, field)


def _int(value: object, field: str, *, minimum: int | None = 1) -> int:
    if isinstance(value, str):
        text = value.strip()
        digits = text.removeprefix("-")  # one sign at most: int() refuses "--5"
        if not digits.isascii() or not digits.isdigit() or len(text) > 30:
            raise InvalidValueError(
                field=field,
                value=value,
                expected="a whole number written with ASCII digits",
                code=ErrorCode.INVALID_NUMBER,
            )
        value = int(text)
    if minimum is None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidTypeError(field=field, value=value, expected="an int")
        return value
    return check_count(value, field, minimum=minimum)

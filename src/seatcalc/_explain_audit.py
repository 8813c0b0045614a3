"""The written checks of charged amounts (loaded on first use)."""

from __future__ import annotations

from decimal import Context, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from babel.core import Locale

from seatcalc._explain_usage import MORE
from seatcalc._i18n import format_decimal
from seatcalc._writing import Writer, mark

if TYPE_CHECKING:
    from seatcalc.audit import ChargeCheck, ChargeVerdict

__all__ = ["MESSAGE_IDS", "explain_check", "explain_verdict"]

# Plural messages: (singular, plural).
TITLE = (
    "Checking a charge for %(seats)s seat added on %(on)s",
    "Checking a charge for %(seats)s seats added on %(on)s",
)
DIFFERENT = (
    "Verdict: not reproduced; the charge differs by %(difference)s, %(units)s minor unit",
    "Verdict: not reproduced; the charge differs by %(difference)s, %(units)s minor units",
)
MATCHES = (
    "Reproduced by %(count)s combination: %(matches)s",
    "Reproduced by %(count)s combinations: %(matches)s",
)
# Singular messages.
CHARGED = mark("Charged: %(charged)s")
EXPECTED = mark(
    "seatcalc's amount: %(expected)s (convention %(convention)s, %(mode)s, minor units %(table)s)"
)
REPRODUCED = mark("Verdict: reproduced exactly")
NO_MATCH = mark(
    "Reproduced by: no convention, rounding mode or minor-unit table of seatcalc gives the charge"
)
ROW_TITLE = mark("Row %(row)s of the export")
ROW_ERROR = mark("Verdict: the row could not be checked: %(error)s")

# Writes a difference of minor units exactly, whatever the caller's decimal context.
_EXACT: Final = Context(prec=100)

#: The message ids of this module.
MESSAGE_IDS: tuple[str, ...] = (
    TITLE[0],
    DIFFERENT[0],
    MATCHES[0],
    CHARGED,
    EXPECTED,
    REPRODUCED,
    NO_MATCH,
    ROW_TITLE,
    ROW_ERROR,
)


def explain_check(check: ChargeCheck, where: Locale) -> str:
    """Return the check of a charge for a reader of ``where``, one fact per line."""
    write = Writer(where)
    return "\n".join(_lines(check, write))


def _lines(check: ChargeCheck, write: Writer) -> list[str]:
    lines = [
        write.plural(TITLE, check.seats, seats=write.number(check.seats), on=write.day(check.on)),
        write.text(CHARGED, charged=write.amount(check.charged)),
        write.text(
            EXPECTED,
            expected=write.amount(check.expected),
            convention=check.convention.name,
            mode=check.rounding,
            table=check.minor_units.name,
        ),
    ]
    if check.reproduced:
        lines.append(write.text(REPRODUCED))
    else:
        units = check.difference_minor
        lines.append(
            write.plural(
                DIFFERENT,
                abs(int(units)) if units.denominator == 1 else 2,
                difference=write.amount(check.difference),
                units=_units(units, write),
            )
        )
    if check.matches:
        count = len(check.matches)
        lines.append(
            write.plural(
                MATCHES,
                count,
                count=write.number(count),
                matches=write.names(_grouped(check), MORE),
            )
        )
    else:
        lines.append(write.text(NO_MATCH))
    return lines


def _units(units: Fraction, write: Writer) -> str:
    """Write a count of minor units: a whole number, or a decimal (0.49 of a rupiah's unit)."""
    if units.denominator == 1:
        return write.number(units)
    places = 0
    while (units * 10**places).denominator != 1:  # a difference of decimal amounts: finite
        places += 1
    scaled = int(units * 10**places)
    return format_decimal(Decimal(scaled).scaleb(-places, context=_EXACT), write.locale)


def _grouped(check: ChargeCheck) -> tuple[str, ...]:
    """Write the matches one convention at a time: ``stripe (ROUND_UP, ROUND_CEILING; cldr)``.

    When a convention's matches are every pair of some rounding modes and some tables, the modes
    and the tables are listed once each; otherwise each pair is listed.
    """
    by_convention: dict[str, list[tuple[str, str]]] = {}
    for match in check.matches:
        pair = (match.rounding, match.minor_units.name)
        by_convention.setdefault(match.convention, []).append(pair)
    written = []
    for name, pairs in by_convention.items():
        modes = list(dict.fromkeys(mode for mode, _ in pairs))
        tables = list(dict.fromkeys(table for _, table in pairs))
        if len(pairs) == len(modes) * len(tables):
            written.append(f"{name} ({', '.join(modes)}; {', '.join(tables)})")
        else:
            written.append(f"{name} ({'; '.join(f'{mode} {table}' for mode, table in pairs)})")
    return tuple(written)


def explain_verdict(verdict: ChargeVerdict, where: Locale) -> str:
    """Return the verdict on a row of an export for a reader of ``where``."""
    write = Writer(where)
    title = write.text(ROW_TITLE, row=write.number(verdict.row))
    if verdict.check is None:
        error = verdict.error or {}
        return f"{title}\n{write.text(ROW_ERROR, error=error.get('message'))}"
    return "\n".join([title, *_lines(verdict.check, write)[1:]])

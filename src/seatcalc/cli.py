"""The ``seatcalc`` command line.

Every command prints a readable answer, or its JSON form with ``--json``.  A bad option is one
line on standard error that names the option, and the exit status is 2; success is 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from seatcalc._validate import parse_date
from seatcalc.errors import SeatcalcError
from seatcalc.renewal import renewal_dates

__all__ = ["main"]

#: Exit status of a command that ran.
OK = 0
#: Exit status of a bad option or argument.
USAGE_ERROR = 2

_FIELD = re.compile(r"^([a-z_]+)(?=[:\[ ])")


class _UsageError(Exception):
    """A bad option, already phrased for the command line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, without the usage text."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting, so main() reports one line."""
        raise _UsageError(message)


def _date(text: str) -> dt.date:
    """Parse an option's ISO date; argparse prefixes the message with the option's name."""
    try:
        return parse_date(text, "date")
    except SeatcalcError:
        msg = f"got {text!r}; expected an ISO date such as 2026-01-31"
        raise argparse.ArgumentTypeError(msg) from None


def _option_message(message: str, options: dict[str, str]) -> str:
    """Name the option, not the field, in a library error: ``term_end:`` → ``--term-end:``."""
    match = _FIELD.match(message)
    if match and match.group(1) in options:
        return options[match.group(1)] + message[match.end() :]
    return message


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


# -- renewals -----------------------------------------------------------------------------


def _add_renewals(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "renewals",
        help="list renewal dates on an anchor's grid",
        description=(
            "List the renewal dates after ANCHOR, every PERIOD months, each computed from the "
            "anchor and clamped to the month's last day (anchor 31: Feb 28 or 29, Mar 31, ...)."
        ),
    )
    parser.add_argument("--anchor", required=True, type=_date, help="YYYY-MM-DD")
    parser.add_argument("--period-months", type=int, default=12, help="1, 12, 36, ... (12)")
    parser.add_argument("--count", type=int, default=12, help="how many dates (12)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=_run_renewals)


def _run_renewals(args: argparse.Namespace, out: TextIO) -> None:
    dates = renewal_dates(args.anchor, args.period_months, args.count)
    if args.json:
        _print_json([day.isoformat() for day in dates], out)
        return
    out.writelines(f"{day.isoformat()}\n" for day in dates)


_OPTIONS = {
    "anchor": "--anchor",
    "period_months": "--period-months",
    "count": "--count",
}


def _parser() -> _Parser:
    parser = _Parser(
        prog="seatcalc",
        description="Price and check seat changes on per-seat subscriptions.",
    )
    commands = parser.add_subparsers(title="commands", required=True, parser_class=_Parser)
    _add_renewals(commands)
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` and return the exit status.

    >>> main(["renewals", "--anchor", "2024-01-31", "--period-months", "1", "--count", "3"])
    2024-02-29
    2024-03-31
    2024-04-30
    0

    .. versionadded:: 0.1.0
    """
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    try:
        args = _parser().parse_args(argv)
        args.run(args, out)
    except _UsageError as error:
        err.write(f"seatcalc: error: {error}\n")
        return USAGE_ERROR
    except SeatcalcError as error:
        err.write(f"seatcalc: error: {_option_message(str(error), _OPTIONS)}\n")
        return USAGE_ERROR
    return OK

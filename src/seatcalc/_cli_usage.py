"""``seatcalc usage``: seat usage from CSV exports, and the seat count to keep at renewal.

A problem with a row of a file is reported with the option and the line it came from.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from seatcalc._cli_common import (
    EXIT_STATUSES,
    OK,
    Parser,
    add_output_options,
    add_subscription_options,
    iso_date,
    subscription,
    to_json,
    whole_number,
)
from seatcalc._cli_files import Row, UsageError, read_assignments, read_events
from seatcalc._i18n import check_locale
from seatcalc.errors import SeatcalcError
from seatcalc.usage import usage_report

__all__ = ["add_usage", "on_line", "run_usage"]


def add_usage(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``seatcalc usage``."""
    parser = commands.add_parser(
        "usage",
        exit_on_error=False,
        help="report seat usage and the seat count to keep at renewal",
        description=(
            "Report purchased, assigned and idle seats on day ON and recommend the seat "
            "count for the next renewal. ASSIGNMENTS and EVENTS are UTF-8 CSV files (a byte "
            "order mark is accepted) whose first line is the header 'user,date', then one user "
            "and ISO date per line: the day a seat was assigned, each user once; the day the "
            "product was used, any number of times."
        ),
        epilog=EXIT_STATUSES,
    )
    parser.add_argument("--assignments", required=True, type=Path, help="CSV: user,date")
    parser.add_argument("--events", required=True, type=Path, help="CSV: user,date")
    parser.add_argument("--on", required=True, type=iso_date, help="the day of the report")
    parser.add_argument("--window-days", type=whole_number, default=30, help="activity window (30)")
    parser.add_argument(
        "--allow-below-assigned",
        action="store_true",
        help="recommend dropping the seats of inactive users too",
    )
    add_subscription_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run_usage)


def run_usage(args: argparse.Namespace) -> tuple[int, str]:
    """Read the files and report the usage."""
    locale = check_locale(args.locale)
    held = subscription(args)
    assignments = read_assignments(args.assignments, "--assignments")
    events = read_events(args.events, "--events")
    try:
        report = usage_report(
            held,
            {row.user: row.day for row in assignments},
            [(row.user, row.day) for row in events],
            args.on,
            window_days=args.window_days,
            allow_below_assigned=args.allow_below_assigned,
        )
    except SeatcalcError as error:
        raise on_line(error, assignments, events) from None
    if args.json:
        return OK, to_json(report.to_dict())
    return OK, f"{report.explain(locale)}\n"


def on_line(
    error: SeatcalcError, assignments: list[Row], events: list[Row]
) -> SeatcalcError | UsageError:
    """Say which line of a file a usage error is about: ``assignments.ana``, ``events[3][1]``."""
    head, dot, user = error.field.partition(".")
    if head == "assignments" and dot:
        lines = [row.line for row in assignments if row.user == user]
        if lines:
            return UsageError(f"--assignments: line {lines[0]}: {error.detail}")
    index = error.field.removeprefix("events[").partition("]")[0]
    if error.field.startswith("events[") and index.isdigit() and int(index) < len(events):
        return UsageError(f"--events: line {events[int(index)].line}: {error.detail}")
    return error

"""``seatcalc renewals``: the renewal dates on an anchor's grid."""

from __future__ import annotations

import argparse

from seatcalc._cli_common import EXIT_STATUSES, OK, Parser, iso_date, to_json, whole_number
from seatcalc.renewal import renewal_dates

__all__ = ["add_renewals", "run_renewals"]


def add_renewals(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``seatcalc renewals``."""
    parser = commands.add_parser(
        "renewals",
        exit_on_error=False,
        help="list renewal dates on an anchor's grid",
        description=(
            "List the renewal dates after ANCHOR, every PERIOD months, each computed from the "
            "anchor and clamped to the month's last day (anchor 31: Feb 28 or 29, Mar 31, ...)."
        ),
        epilog=EXIT_STATUSES,
    )
    parser.add_argument("--anchor", required=True, type=iso_date, help="YYYY-MM-DD")
    parser.add_argument(
        "--period-months", type=whole_number, default=12, help="1, 12, 36, ... (12)"
    )
    parser.add_argument("--count", type=whole_number, default=12, help="how many dates (12)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run_renewals)


def run_renewals(args: argparse.Namespace) -> tuple[int, str]:
    """List the dates, one a line."""
    dates = renewal_dates(args.anchor, args.period_months, args.count)
    if args.json:
        return OK, to_json([day.isoformat() for day in dates])
    return OK, "".join(f"{day.isoformat()}\n" for day in dates)

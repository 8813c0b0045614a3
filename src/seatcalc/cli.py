"""The ``seatcalc`` command line.

Every command prints a readable answer (localized with ``--locale``), or its JSON form with
``--json``.  Exit status: 0 for an answer that allows the change (a payable quote, an eligible
subscription), 1 for an answer that refuses it (the reasons are printed), 2 for a bad option,
reported as one line on standard error that names the option.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from seatcalc._validate import parse_date
from seatcalc.alignment import align
from seatcalc.eligibility import check_eligibility
from seatcalc.errors import SeatcalcError
from seatcalc.money import Money
from seatcalc.quote import quote_add_seats
from seatcalc.renewal import renewal_dates
from seatcalc.subscription import CHANNELS, Subscription
from seatcalc.timing import compare_add_timing
from seatcalc.usage import usage_report

__all__ = ["main"]

#: Exit status of an answer that allows the change.
OK = 0
#: Exit status of an answer that refuses it: not eligible, not payable.
REFUSED = 1
#: Exit status of a bad option or argument.
USAGE_ERROR = 2

_FIELD = re.compile(r"^([a-z_]+)(?=[:\[ ])")


class _UsageError(Exception):
    """A bad option, already phrased for the command line."""


class _OptionError(Exception):
    """A library error about a value that came from an option; names the option."""

    def __init__(self, error: SeatcalcError, options: dict[str, str]) -> None:
        super().__init__(_option_message(str(error), options))


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


def _run_renewals(args: argparse.Namespace, out: TextIO) -> int:
    try:
        dates = renewal_dates(args.anchor, args.period_months, args.count)
    except SeatcalcError as error:
        raise _OptionError(error, _RENEWAL_OPTIONS) from None
    if args.json:
        _print_json([day.isoformat() for day in dates], out)
    else:
        out.writelines(f"{day.isoformat()}\n" for day in dates)
    return OK


_RENEWAL_OPTIONS = {"anchor": "--anchor", "period_months": "--period-months", "count": "--count"}


# -- the subscription, shared by quote and eligibility ------------------------------------

# Library field names and the options their values come from.
_SUBSCRIPTION_OPTIONS = {
    "seats": "--current-seats",
    "unit_price": "--unit-price",
    "amount": "--unit-price",
    "currency": "--currency",
    "term_start": "--term-start",
    "term_end": "--term-end",
    "country": "--country",
    "channel": "--channel",
    "purchased_on": "--purchased-on",
    "period_months": "--period-months",
    "anchor": "--anchor",
    "plan": "--plan",
    "product": "--product",
}
_CHANGE_OPTIONS = {
    "seats": "--seats",
    "on": "--on",
    "convention": "--convention",
    "rounding": "--rounding",
    "locale": "--locale",
}


def _add_subscription_options(parser: _Parser) -> None:
    group = parser.add_argument_group("the subscription")
    group.add_argument("--unit-price", required=True, help="price of one seat for one period")
    group.add_argument("--currency", required=True, help="ISO 4217 code, e.g. USD")
    group.add_argument("--term-start", required=True, type=_date, help="YYYY-MM-DD")
    group.add_argument("--term-end", required=True, type=_date, help="renewal date, YYYY-MM-DD")
    group.add_argument("--country", required=True, help="ISO 3166-1 alpha-2 code, e.g. FR")
    group.add_argument("--channel", default="direct", help=f"{' or '.join(CHANNELS)} (direct)")
    group.add_argument("--purchased-on", type=_date, help="YYYY-MM-DD (default: the anchor)")
    group.add_argument("--period-months", type=int, default=12, help="1, 12, 36, ... (12)")
    group.add_argument("--anchor", type=_date, help="renewal anchor (default: --term-start)")
    group.add_argument("--current-seats", type=int, default=1, help="seats held now (1)")
    group.add_argument("--no-auto-renew", action="store_true", help="auto-renewal is off")
    group.add_argument("--plan", default="", help="plan name")
    group.add_argument("--product", default="", help="product name")


def _subscription(args: argparse.Namespace) -> Subscription:
    try:
        return Subscription(
            seats=args.current_seats,
            unit_price=Money(args.unit_price, args.currency),
            term_start=args.term_start,
            term_end=args.term_end,
            country=args.country,
            channel=args.channel,
            purchased_on=args.purchased_on,
            period_months=args.period_months,
            anchor=args.anchor,
            auto_renew=not args.no_auto_renew,
            product=args.product,
            plan=args.plan,
        )
    except SeatcalcError as error:
        raise _OptionError(error, _SUBSCRIPTION_OPTIONS) from None


def _add_output_options(parser: _Parser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("--locale", default="en", help="e.g. en, fr_FR, de_DE (en)")
    group.add_argument("--json", action="store_true", help="print the JSON form")


# -- quote --------------------------------------------------------------------------------


def _add_quote(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "quote",
        help="quote adding seats to a subscription",
        description=(
            "Quote adding SEATS seats on day ON: eligibility, the prorated price rounded once, "
            "the per-seat lines and the co-termed end date. Exit status 0 for a payable quote, "
            "1 when the subscription may not add seats (the reasons are printed), 2 for a bad "
            "option."
        ),
    )
    parser.add_argument("--seats", required=True, type=int, help="how many seats to add")
    parser.add_argument("--on", required=True, type=_date, help="the day they are added")
    parser.add_argument("--convention", default="actual_days", help="proration convention")
    parser.add_argument("--rounding", default="ROUND_HALF_UP", help="decimal rounding mode")
    _add_subscription_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_quote)


def _run_quote(args: argparse.Namespace, out: TextIO) -> int:
    subscription = _subscription(args)
    try:
        quote = quote_add_seats(
            subscription,
            args.seats,
            args.on,
            convention=args.convention,
            rounding=args.rounding,
        )
        text = None if args.json else quote.explain(args.locale)
    except SeatcalcError as error:
        raise _OptionError(error, _CHANGE_OPTIONS) from None
    if text is None:
        _print_json(quote.to_dict(), out)
    else:
        out.write(f"{text}\n")
    return OK if quote.payable else REFUSED


# -- eligibility --------------------------------------------------------------------------


def _add_eligibility(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "eligibility",
        help="check whether a subscription may add seats self-service",
        description=(
            "Check every eligibility rule on day ON and print every failing reason. Exit "
            "status 0 when eligible, 1 when not, 2 for a bad option."
        ),
    )
    parser.add_argument("--on", required=True, type=_date, help="the day of the check")
    _add_subscription_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_eligibility)


def _run_eligibility(args: argparse.Namespace, out: TextIO) -> int:
    subscription = _subscription(args)
    try:
        outcome = check_eligibility(subscription, args.on)
        messages = outcome.messages(args.locale)
    except SeatcalcError as error:
        raise _OptionError(error, _CHANGE_OPTIONS) from None
    if args.json:
        _print_json(outcome.to_dict(), out)
    elif outcome.eligible:
        out.write("eligible\n")
    else:
        out.write("not eligible\n")
        out.writelines(f"- {message}\n" for message in messages)
    return OK if outcome.eligible else REFUSED


# -- usage --------------------------------------------------------------------------------


def _add_usage(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "usage",
        help="report seat usage and the seat count to keep at renewal",
        description=(
            "Report purchased, assigned and idle seats on day AS_OF and recommend the seat "
            "count for the next renewal. ASSIGNMENTS and EVENTS are CSV files whose first "
            "line is the header 'user,date', then one user and ISO date per line (the day a "
            "seat was assigned; the day the product was used)."
        ),
    )
    parser.add_argument("--assignments", required=True, type=Path, help="CSV: user,date")
    parser.add_argument("--events", required=True, type=Path, help="CSV: user,date")
    parser.add_argument("--as-of", required=True, type=_date, help="the day of the report")
    parser.add_argument("--window-days", type=int, default=30, help="activity window (30)")
    parser.add_argument(
        "--allow-below-assigned",
        action="store_true",
        help="recommend dropping the seats of inactive users too",
    )
    _add_subscription_options(parser)
    parser.add_argument("--json", action="store_true", help="print the JSON form")
    parser.set_defaults(run=_run_usage)


def _read_pairs(path: Path, option: str) -> list[tuple[str, dt.date]]:
    """Read ``user,date`` rows after a ``user,date`` header; errors name the option and line."""
    try:
        with path.open(newline="", encoding="utf-8") as source:
            rows = list(csv.reader(source))
    except OSError as error:
        msg = f"{option}: cannot read {str(path)!r} ({error.strerror})"
        raise _UsageError(msg) from None
    if not rows or [cell.strip() for cell in rows[0]] != ["user", "date"]:
        msg = f"{option}: {str(path)!r} must start with the header line 'user,date'"
        raise _UsageError(msg)
    pairs = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2:
            msg = f"{option}: line {number}: got {row!r}; expected a user and a date"
            raise _UsageError(msg)
        try:
            pairs.append((row[0].strip(), parse_date(row[1].strip(), "date")))
        except SeatcalcError:
            msg = f"{option}: line {number}: got {row[1]!r}; expected an ISO date"
            raise _UsageError(msg) from None
    return pairs


def _run_usage(args: argparse.Namespace, out: TextIO) -> int:
    subscription = _subscription(args)
    assignments = dict(_read_pairs(args.assignments, "--assignments"))
    events = _read_pairs(args.events, "--events")
    try:
        report = usage_report(
            subscription,
            assignments,
            events,
            args.as_of,
            window_days=args.window_days,
            allow_below_assigned=args.allow_below_assigned,
        )
    except SeatcalcError as error:
        raise _OptionError(error, _USAGE_OPTIONS) from None
    if args.json:
        _print_json(report.to_dict(), out)
        return OK
    out.write(
        f"Seat usage on {report.on.isoformat()}\n"
        f"Purchased seats: {report.purchased}\n"
        f"Assigned: {report.assigned} (unassigned {report.unassigned}, "
        f"over-assigned {report.over_assigned})\n"
        f"Active in the last {report.window_days} days: {len(report.active_users)}\n"
        f"Assigned but inactive: {', '.join(report.inactive_users) or 'none'}\n"
        f"Utilisation: {report.utilisation}\n"
        f"Recommended seats at renewal: {report.recommended_seats}\n"
        f"Renewal saving: {report.renewal_saving}\n"
    )
    return OK


_USAGE_OPTIONS = {
    "as_of": "--as-of",
    "window_days": "--window-days",
    "assignments": "--assignments",
    "events": "--events",
}


# -- add now or later ---------------------------------------------------------------------


def _add_timing(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "add-timing",
        help="compare adding seats now, when needed, or at renewal",
        description=(
            "Price adding SEATS seats now (on TODAY), on NEEDED_ON, or at the next renewal: "
            "the cost until the renewal and from it, the days users wait, and the cheapest "
            "option that covers the need."
        ),
    )
    parser.add_argument("--seats", required=True, type=int, help="how many seats")
    parser.add_argument("--needed-on", required=True, type=_date, help="when users need them")
    parser.add_argument("--today", required=True, type=_date, help="the day of the decision")
    parser.add_argument("--renewal-unit-price", help="unit price from the renewal (default: same)")
    parser.add_argument("--convention", default="actual_days", help="proration convention")
    parser.add_argument("--rounding", default="ROUND_HALF_UP", help="decimal rounding mode")
    _add_subscription_options(parser)
    parser.add_argument("--json", action="store_true", help="print the JSON form")
    parser.set_defaults(run=_run_timing)


def _run_timing(args: argparse.Namespace, out: TextIO) -> int:
    subscription = _subscription(args)
    try:
        renewal_price = (
            None
            if args.renewal_unit_price is None
            else Money(args.renewal_unit_price, args.currency)
        )
    except SeatcalcError as error:
        raise _OptionError(error, {"amount": "--renewal-unit-price"}) from None
    try:
        plan = compare_add_timing(
            subscription,
            args.seats,
            args.needed_on,
            on=args.today,
            renewal_unit_price=renewal_price,
            convention=args.convention,
            rounding=args.rounding,
        )
    except SeatcalcError as error:
        raise _OptionError(error, _TIMING_OPTIONS) from None
    if args.json:
        _print_json(plan.to_dict(), out)
    else:
        out.write(f"{plan.explain()}\n")
    return OK


_TIMING_OPTIONS = {
    "seats": "--seats",
    "needed_on": "--needed-on",
    "today": "--today",
    "on": "--today",
    "renewal_unit_price": "--renewal-unit-price",
    "convention": "--convention",
    "rounding": "--rounding",
}


# -- align --------------------------------------------------------------------------------


def _add_align(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "align",
        help="price aligning several subscriptions on one renewal date",
        description=(
            "Price extending each subscription from its term end to one renewal date. FILE is "
            "a JSON list of subscriptions in their dict form (as Subscription.to_dict() writes "
            "it), or - for standard input. All must have the same period and currency."
        ),
    )
    parser.add_argument("--subscriptions", required=True, help="JSON file, or - for stdin")
    parser.add_argument("--target", type=_date, help="the renewal date (default: the latest)")
    parser.add_argument("--anchor", type=_date, help="the anchor of the aligned renewals")
    parser.add_argument("--convention", default="actual_days", help="proration convention")
    parser.add_argument("--rounding", default="ROUND_HALF_UP", help="decimal rounding mode")
    parser.add_argument("--json", action="store_true", help="print the JSON form")
    parser.set_defaults(run=_run_align)


def _read_subscriptions(source: str) -> list[Subscription]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as error:
        msg = f"--subscriptions: cannot read {source!r} ({error.strerror})"
        raise _UsageError(msg) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        msg = f"--subscriptions: {source!r} is not JSON ({error.msg}, line {error.lineno})"
        raise _UsageError(msg) from None
    if not isinstance(data, list):
        msg = f"--subscriptions: {source!r} must hold a JSON list of subscriptions"
        raise _UsageError(msg)
    subscriptions = []
    for index, item in enumerate(data):
        try:
            subscriptions.append(Subscription.from_dict(item))
        except SeatcalcError as error:
            msg = f"--subscriptions: item {index}: {error}"
            raise _UsageError(msg) from None
    return subscriptions


def _run_align(args: argparse.Namespace, out: TextIO) -> int:
    subscriptions = _read_subscriptions(args.subscriptions)
    try:
        quote = align(
            subscriptions,
            target=args.target,
            anchor=args.anchor,
            convention=args.convention,
            rounding=args.rounding,
        )
    except SeatcalcError as error:
        raise _OptionError(error, _ALIGN_OPTIONS) from None
    if args.json:
        _print_json(quote.to_dict(), out)
    else:
        out.write(f"{quote.explain()}\n")
    return OK


_ALIGN_OPTIONS = {
    "subscriptions": "--subscriptions",
    "target": "--target",
    "anchor": "--anchor",
    "convention": "--convention",
    "rounding": "--rounding",
}


def _parser() -> _Parser:
    parser = _Parser(
        prog="seatcalc",
        description="Price and check seat changes on per-seat subscriptions.",
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    _add_quote(commands)
    _add_eligibility(commands)
    _add_renewals(commands)
    _add_usage(commands)
    _add_timing(commands)
    _add_align(commands)
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
        status: int = args.run(args, out)
    except (_UsageError, _OptionError) as error:
        err.write(f"seatcalc: error: {error}\n")
        return USAGE_ERROR
    return status

"""The ``seatcalc`` command line.

Every command prints a readable answer (localized with ``--locale``), or its JSON form with
``--json``.  Exit status:

* 0 for an answer that allows the change (a payable quote, an eligible subscription) and for
  every answer of the commands that only compute (renewals, usage, add-timing, align);
* 1 for an answer that refuses it (the reasons are printed);
* 2 for bad input: an option, or a file an option names.  It is reported as one line on
  standard error, ``seatcalc: error: --option: ...``, that names the option (and the line of
  the file).  An answer that cannot be written (a full disk) is reported the same way;
* 3 for an internal error, a bug in seatcalc: one line, ``seatcalc: internal error: ...``;
* 130 when interrupted (Ctrl-C), silently.

Nothing else is printed on standard error, and never a traceback.  When the reader of the
answer stops early (``seatcalc renewals ... | head``), the rest of the answer is dropped
silently and the exit status is still the answer's.

Library errors name the parameter they are about (:attr:`~seatcalc.SeatcalcError.field`); the
errors about the subscription the options describe are reported within ``subscription``.
One table, ``_OPTIONS``, maps each of those fields to the option its value came from.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn, TextIO

from seatcalc._cli_book import is_batch, run_batch
from seatcalc._cli_files import Row, UsageError, read_assignments, read_events, read_subscriptions
from seatcalc._i18n import check_locale
from seatcalc._validate import parse_date
from seatcalc.alignment import align
from seatcalc.eligibility import check_eligibility
from seatcalc.errors import SeatcalcError, describe, reported_within
from seatcalc.money import Money
from seatcalc.quote import quote_add_seats
from seatcalc.renewal import renewal_dates
from seatcalc.subscription import CHANNELS, Subscription
from seatcalc.timing import compare_add_timing
from seatcalc.usage import usage_report

__all__ = ["main"]

#: Exit status of an answer that allows the change.
OK: Final = 0
#: Exit status of an answer that refuses it: not eligible, not payable.
REFUSED: Final = 1
#: Exit status of bad input: an option, or a file an option names.
USAGE_ERROR: Final = 2
#: Exit status of an internal error: a bug in seatcalc.
INTERNAL_ERROR: Final = 3
#: Exit status after an interruption (Ctrl-C), as shells report SIGINT.
INTERRUPTED: Final = 130

EXIT_STATUSES: Final = (
    "Exit status: 0 for a yes (a payable quote, an eligible subscription) or a computed answer, "
    "1 for a no (the reasons are printed), 2 for a bad option or file (one line on standard "
    "error names it), 3 for an internal error."
)

#: The option each library field comes from: the dotted field of a
#: :class:`~seatcalc.SeatcalcError` (``subscription.unit_price.amount``) to the option
#: (``--unit-price``).  A field ``name[index]...`` is looked up by its ``name``.
_OPTIONS: Final[Mapping[str, str]] = {
    # The subscription, described by the same options in quote, eligibility, usage and
    # add-timing.
    "subscription.seats": "--current-seats",
    "subscription.unit_price": "--unit-price",
    "subscription.unit_price.amount": "--unit-price",
    "subscription.unit_price.currency": "--currency",
    "subscription.term_start": "--term-start",
    "subscription.term_end": "--term-end",
    "subscription.country": "--country",
    "subscription.channel": "--channel",
    "subscription.purchased_on": "--purchased-on",
    "subscription.period_months": "--period-months",
    "subscription.anchor": "--anchor",
    "subscription.auto_renew": "--no-auto-renew",
    "subscription.plan": "--plan",
    "subscription.product": "--product",
    # The change, the question and the output.
    "seats": "--seats",
    "adding": "--seats",
    "on": "--on",
    "convention": "--convention",
    "rounding": "--rounding",
    "minor_units": "--minor-units",
    "locale": "--locale",
    # renewals
    "anchor": "--anchor",
    "period_months": "--period-months",
    "count": "--count",
    # usage
    "window_days": "--window-days",
    "assignments": "--assignments",
    "events": "--events",
    # add-timing
    "needed_on": "--needed-on",
    "renewal_unit_price": "--renewal-unit-price",
    "renewal_unit_price.amount": "--renewal-unit-price",
    "renewal_unit_price.currency": "--currency",
    # align
    "subscriptions": "--subscriptions",
    "target": "--target",
}

# A whole number as a person types it: ASCII digits, perhaps a minus sign (the library then
# says which counts are allowed).  int() alone would also take "١٢", " 3" and "1_000".
_WHOLE_NUMBER: Final = re.compile(r"-?[0-9]+", re.ASCII)
# More digits than any count seatcalc accepts, whatever the price; messages would quote them.
_MAX_DIGITS: Final = 100


class _Answer(Exception):  # noqa: N818 - not an error: the text to print, such as the help
    """Text to print as the answer instead of running a command: the help, the version."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, and whose help goes to main()'s stream.

    Options must be written in full: ``--curr`` is not taken for ``--currency``, so a script
    keeps working when an option is added.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's own
        """Build the parser, refusing abbreviated options."""
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting, so main() reports one line."""
        raise UsageError(message)

    def print_help(self, file: object = None) -> None:  # noqa: ARG002 - main() prints
        """Raise the help as the answer, so main() writes it to its own stream."""
        raise _Answer(self.format_help())


class _Version(argparse.Action):
    """``--version``: the installed version as the answer."""

    def __call__(self, *_args: object, **_kwargs: object) -> NoReturn:
        """Raise the version line as the answer."""
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - rare

        try:
            number = version("seatcalc")
        except PackageNotFoundError:
            number = "(not installed: no version)"
        text = f"seatcalc {number}\n"
        raise _Answer(text)


# -- option values ------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    """Parse an ISO calendar date, YYYY-MM-DD (not a week or ordinal date)."""
    try:
        return parse_date(text, "date")
    except SeatcalcError:
        msg = f"got {describe(text)}; expected an ISO date such as 2026-01-31 (YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def _whole_number(text: str) -> int:
    """Parse a whole number written with ASCII digits."""
    if not _WHOLE_NUMBER.fullmatch(text):
        msg = f"got {describe(text)}; expected a whole number such as 3"
        raise argparse.ArgumentTypeError(msg)
    if len(text.lstrip("-")) > _MAX_DIGITS:
        msg = (
            f"got a number of {len(text.lstrip('-'))} digits; expected one of at most {_MAX_DIGITS}"
        )
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _text(text: str) -> str:
    """Accept text that is Unicode: refuse bytes that were not UTF-8 in the command line."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        msg = f"got {describe(text)}; expected UTF-8 text"
        raise argparse.ArgumentTypeError(msg) from None
    return text


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- renewals -----------------------------------------------------------------------------


def _add_renewals(commands: argparse._SubParsersAction[_Parser]) -> None:
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
    parser.add_argument("--anchor", required=True, type=_date, help="YYYY-MM-DD")
    parser.add_argument(
        "--period-months", type=_whole_number, default=12, help="1, 12, 36, ... (12)"
    )
    parser.add_argument("--count", type=_whole_number, default=12, help="how many dates (12)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=_run_renewals)


def _run_renewals(args: argparse.Namespace) -> tuple[int, str]:
    dates = renewal_dates(args.anchor, args.period_months, args.count)
    if args.json:
        return OK, _json([day.isoformat() for day in dates])
    return OK, "".join(f"{day.isoformat()}\n" for day in dates)


# -- the subscription, shared by quote, eligibility, usage and add-timing -----------------


def _add_subscription_options(parser: _Parser) -> None:
    group = parser.add_argument_group("the subscription")
    group.add_argument(
        "--unit-price", required=True, type=_text, help="price of one seat for one period"
    )
    group.add_argument("--currency", required=True, type=_text, help="ISO 4217 code, e.g. USD")
    group.add_argument("--term-start", required=True, type=_date, help="YYYY-MM-DD")
    group.add_argument("--term-end", required=True, type=_date, help="renewal date, YYYY-MM-DD")
    group.add_argument(
        "--country", required=True, type=_text, help="ISO 3166-1 alpha-2 code, e.g. FR"
    )
    group.add_argument(
        "--channel", default="direct", type=_text, help=f"{' or '.join(CHANNELS)} (direct)"
    )
    group.add_argument("--purchased-on", type=_date, help="YYYY-MM-DD (default: the anchor)")
    group.add_argument(
        "--period-months", type=_whole_number, default=12, help="1, 12, 36, ... (12)"
    )
    group.add_argument("--anchor", type=_date, help="renewal anchor (default: --term-start)")
    group.add_argument("--current-seats", type=_whole_number, default=1, help="seats held now (1)")
    group.add_argument("--no-auto-renew", action="store_true", help="auto-renewal is off")
    group.add_argument("--plan", default="", type=_text, help="plan name")
    group.add_argument("--product", default="", type=_text, help="product name")


def _subscription(args: argparse.Namespace) -> Subscription:
    """Build the subscription; its errors are about ``subscription.<field>``."""
    with reported_within("subscription"):
        with reported_within("unit_price"):
            price = Money(args.unit_price, args.currency)
        return Subscription(
            seats=args.current_seats,
            unit_price=price,
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


def _add_pricing_options(parser: _Parser) -> None:
    parser.add_argument(
        "--convention", default="actual_days", type=_text, help="proration convention"
    )
    parser.add_argument(
        "--rounding", default="ROUND_HALF_UP", type=_text, help="decimal rounding mode"
    )


def _add_output_options(parser: _Parser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("--locale", default="en", type=_text, help="e.g. en, fr_FR, de_DE (en)")
    group.add_argument("--json", action="store_true", help="print the JSON form")


# -- quote --------------------------------------------------------------------------------


def _add_quote(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "quote",
        exit_on_error=False,
        help="quote adding seats to a subscription",
        description=(
            "Quote adding SEATS seats on day ON: eligibility, the prorated price rounded once, "
            "the per-seat lines and the co-termed end date."
        ),
        epilog=(
            "Exit status: 0 for a payable quote, 1 when the subscription may not add seats (the "
            "reasons are printed), 2 for a bad option (one line on standard error names it), 3 "
            "for an internal error."
        ),
    )
    parser.add_argument("--seats", required=True, type=_whole_number, help="how many seats")
    parser.add_argument("--on", required=True, type=_date, help="the day they are added")
    _add_pricing_options(parser)
    parser.add_argument(
        "--minor-units",
        default="cldr",
        type=_text,
        help="the minor units the total rounds to: cldr (default), iso4217, stripe or cash",
    )
    _add_subscription_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_quote)


def _run_quote(args: argparse.Namespace) -> tuple[int, str]:
    locale = check_locale(args.locale)
    subscription = _subscription(args)
    quote = quote_add_seats(
        subscription,
        args.seats,
        args.on,
        convention=args.convention,
        rounding=args.rounding,
        minor_units=args.minor_units,
    )
    status = OK if quote.payable else REFUSED
    if args.json:
        return status, _json(quote.to_dict())
    return status, f"{quote.explain(locale)}\n"


# -- eligibility --------------------------------------------------------------------------


def _add_eligibility(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "eligibility",
        exit_on_error=False,
        help="check whether a subscription may add seats self-service",
        description="Check every eligibility rule on day ON and print every failing reason.",
        epilog=(
            "Exit status: 0 when eligible, 1 when not (the reasons are printed), 2 for a bad "
            "option (one line on standard error names it), 3 for an internal error."
        ),
    )
    parser.add_argument("--on", required=True, type=_date, help="the day of the check")
    _add_subscription_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_eligibility)


def _run_eligibility(args: argparse.Namespace) -> tuple[int, str]:
    locale = check_locale(args.locale)
    outcome = check_eligibility(_subscription(args), args.on)
    status = OK if outcome.eligible else REFUSED
    if args.json:
        return status, _json(outcome.to_dict())
    if outcome.eligible:
        return status, "eligible\n"
    reasons = "".join(f"- {message}\n" for message in outcome.messages(locale))
    return status, f"not eligible\n{reasons}"


# -- usage --------------------------------------------------------------------------------


def _add_usage(commands: argparse._SubParsersAction[_Parser]) -> None:
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
    parser.add_argument("--on", required=True, type=_date, help="the day of the report")
    parser.add_argument(
        "--window-days", type=_whole_number, default=30, help="activity window (30)"
    )
    parser.add_argument(
        "--allow-below-assigned",
        action="store_true",
        help="recommend dropping the seats of inactive users too",
    )
    _add_subscription_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_usage)


def _run_usage(args: argparse.Namespace) -> tuple[int, str]:
    locale = check_locale(args.locale)
    subscription = _subscription(args)
    assignments = read_assignments(args.assignments, "--assignments")
    events = read_events(args.events, "--events")
    try:
        report = usage_report(
            subscription,
            {row.user: row.day for row in assignments},
            [(row.user, row.day) for row in events],
            args.on,
            window_days=args.window_days,
            allow_below_assigned=args.allow_below_assigned,
        )
    except SeatcalcError as error:
        raise _on_line(error, assignments, events) from None
    if args.json:
        return OK, _json(report.to_dict())
    return OK, f"{report.explain(locale)}\n"


def _on_line(
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


# -- add now or later ---------------------------------------------------------------------


def _add_timing(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "add-timing",
        exit_on_error=False,
        help="compare adding seats now, when needed, or at renewal",
        description=(
            "Price adding SEATS seats now (on TODAY), on NEEDED_ON, or at the next renewal: "
            "the cost until the renewal and from it, the days users wait, and the cheapest "
            "option that covers the need."
        ),
        epilog=EXIT_STATUSES,
    )
    parser.add_argument("--seats", required=True, type=_whole_number, help="how many seats")
    parser.add_argument("--needed-on", required=True, type=_date, help="when users need them")
    parser.add_argument("--on", required=True, type=_date, help="the day of the decision")
    parser.add_argument(
        "--renewal-unit-price", type=_text, help="unit price from the renewal (default: same)"
    )
    _add_pricing_options(parser)
    _add_subscription_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_timing)


def _run_timing(args: argparse.Namespace) -> tuple[int, str]:
    locale = check_locale(args.locale)
    subscription = _subscription(args)
    renewal_price = None
    if args.renewal_unit_price is not None:
        with reported_within("renewal_unit_price"):
            renewal_price = Money(args.renewal_unit_price, subscription.currency)
    plan = compare_add_timing(
        subscription,
        args.seats,
        args.needed_on,
        on=args.on,
        renewal_unit_price=renewal_price,
        convention=args.convention,
        rounding=args.rounding,
    )
    return OK, _json(plan.to_dict()) if args.json else f"{plan.explain(locale)}\n"


# -- align --------------------------------------------------------------------------------


def _add_align(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "align",
        exit_on_error=False,
        help="price aligning several subscriptions on one renewal date",
        description=(
            "Price extending each subscription from its term end to one renewal date. FILE is "
            "a UTF-8 JSON list of subscriptions in their dict form (as Subscription.to_dict() "
            "writes it), or - for standard input. All must have the same period and currency."
        ),
        epilog=EXIT_STATUSES,
    )
    parser.add_argument(
        "--subscriptions", required=True, metavar="FILE", help="JSON file, or - for stdin"
    )
    parser.add_argument("--target", type=_date, help="the renewal date (default: the latest)")
    parser.add_argument("--anchor", type=_date, help="the anchor of the aligned renewals")
    _add_pricing_options(parser)
    _add_output_options(parser)
    parser.set_defaults(run=_run_align)


def _run_align(args: argparse.Namespace) -> tuple[int, str]:
    locale = check_locale(args.locale)
    subscriptions = read_subscriptions(args.subscriptions, "--subscriptions")
    quote = align(
        subscriptions,
        target=args.target,
        anchor=args.anchor,
        convention=args.convention,
        rounding=args.rounding,
    )
    return OK, _json(quote.to_dict()) if args.json else f"{quote.explain(locale)}\n"


# -- the program --------------------------------------------------------------------------


def _parser() -> _Parser:
    parser = _Parser(
        prog="seatcalc",
        description="Price and check seat changes on per-seat subscriptions.",
        epilog=EXIT_STATUSES,
        exit_on_error=False,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        default=argparse.SUPPRESS,
        help="print the version and exit",
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    for add in (_add_quote, _add_eligibility, _add_renewals, _add_usage, _add_timing, _add_align):
        add(commands)
    return parser


def _error_line(error: SeatcalcError) -> str:
    """Name the option a library error's value came from, as ``_OPTIONS`` says."""
    option = _OPTIONS.get(error.field)
    if option is not None:
        return f"{option}: {error.detail}"
    name = error.field.partition("[")[0]
    if name != error.field and name in _OPTIONS:
        return f"{_OPTIONS[name]}: {error}"  # subscriptions[1].seats: ...
    return str(error)


def _run(argv: Sequence[str] | None) -> tuple[int, str]:
    """Run the command; return the exit status and the text to print, or raise UsageError."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if is_batch(arguments):
        try:
            return run_batch(arguments, _Parser, sys.stderr)
        except argparse.ArgumentError as error:
            name = error.argument_name
            raise UsageError(f"{name}: {error.message}" if name else error.message) from None
        except _Answer as answer:
            return OK, answer.text
        except SeatcalcError as error:
            raise UsageError(_error_line(error)) from None
    try:
        args = _parser().parse_args(argv)
    except argparse.ArgumentError as error:
        name = error.argument_name
        raise UsageError(f"{name}: {error.message}" if name else error.message) from None
    except _Answer as answer:
        return OK, answer.text
    try:
        status, text = args.run(args)
    except SeatcalcError as error:
        raise UsageError(_error_line(error)) from None
    return status, text


def _write(stream: TextIO | None, text: str) -> None:
    """Write ``text`` and flush it; a closed pipe (the reader has gone) drops it silently.

    Raises OSError when the stream cannot take the text (closed, a full disk), and
    UnicodeEncodeError when its encoding cannot write it; nothing is written then.
    """
    if stream is None:  # the process was started with the descriptor closed
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    try:
        stream.write(text)
        stream.flush()
    except OSError as error:
        # The interpreter flushes the standard streams on exit: point the descriptor at
        # os.devnull, so that flush does not fail again ("Exception ignored ...").
        try:
            descriptor = stream.fileno()
        except (AttributeError, OSError, ValueError):  # not a file, such as a StringIO
            descriptor = None
        if descriptor is not None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, descriptor)
            os.close(devnull)
        if not isinstance(error, BrokenPipeError):
            raise


def _complain(stream: TextIO | None, line: str) -> None:
    """Write a one-line message to standard error, if there is still a way to."""
    with contextlib.suppress(OSError, UnicodeEncodeError):
        _write(stream, " ".join(line.splitlines()) + "\n")


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with ``argv`` and return the exit status.

    The answer is written to ``stdout`` and an error, as one line, to ``stderr`` (the standard
    streams by default).

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
        status, text = _run(argv)
    except UsageError as error:
        _complain(err, f"seatcalc: error: {error}")
        return USAGE_ERROR
    except KeyboardInterrupt:
        return INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last resort: one line, never a traceback
        _complain(err, f"seatcalc: internal error: {type(error).__name__}: {error}")
        return INTERNAL_ERROR
    try:
        _write(out, text)
    except UnicodeEncodeError as error:
        encoding = getattr(out, "encoding", None) or "its encoding"
        _complain(
            err,
            f"seatcalc: error: standard output cannot write {error.object[error.start]!r} in "
            f"{encoding}; set PYTHONIOENCODING=utf-8",
        )
        return USAGE_ERROR
    except OSError as error:
        _complain(err, f"seatcalc: error: cannot write the answer ({error.strerror or error})")
        return USAGE_ERROR
    return status

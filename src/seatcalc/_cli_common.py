"""What every command of the command line shares: exit statuses, the parser, option values.

The commands (``_cli_quote``, ``_cli_renewals``, ``_cli_usage``, ``_cli_planning``) each add
their parser to the ``commands`` of :class:`Parser` and return ``(status, text)``; the
subscription most of them describe is read by the same options, :func:`add_subscription_options`,
and built by :func:`subscription`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from typing import Any, Final, NoReturn

from seatcalc._cli_files import UsageError
from seatcalc._error_values import describe
from seatcalc._validate import parse_date
from seatcalc.errors import SeatcalcError, reported_within
from seatcalc.money import Money
from seatcalc.subscription import CHANNELS, Subscription

__all__ = [
    "EXIT_STATUSES",
    "INTERNAL_ERROR",
    "INTERRUPTED",
    "OK",
    "REFUSED",
    "USAGE_ERROR",
    "Answer",
    "Parser",
    "Version",
    "add_output_options",
    "add_pricing_options",
    "add_subscription_options",
    "iso_date",
    "subscription",
    "to_json",
    "utf8_text",
    "whole_number",
]

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

# A whole number as a person types it: ASCII digits, perhaps a minus sign (the library then
# says which counts are allowed).  int() alone would also take "١٢", " 3" and "1_000".
_WHOLE_NUMBER: Final = re.compile(r"-?[0-9]+", re.ASCII)
# More digits than any count seatcalc accepts, whatever the price; messages would quote them.
_MAX_DIGITS: Final = 100


class Answer(Exception):  # noqa: N818 - not an error: the text to print, such as the help
    """Text to print as the answer instead of running a command: the help, the version."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class Parser(argparse.ArgumentParser):
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
        raise Answer(self.format_help())


class Version(argparse.Action):
    """``--version``: the installed version as the answer."""

    def __call__(self, *_args: object, **_kwargs: object) -> NoReturn:
        """Raise the version line as the answer."""
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 - rare

        try:
            number = version("seatcalc")
        except PackageNotFoundError:
            number = "(not installed: no version)"
        text = f"seatcalc {number}\n"
        raise Answer(text)


# -- option values ------------------------------------------------------------------------


def iso_date(text: str) -> dt.date:
    """Parse an ISO calendar date, YYYY-MM-DD (not a week or ordinal date)."""
    try:
        return parse_date(text, "date")
    except SeatcalcError:
        msg = f"got {describe(text)}; expected an ISO date such as 2026-01-31 (YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def whole_number(text: str) -> int:
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


def utf8_text(text: str) -> str:
    """Accept text that is Unicode: refuse bytes that were not UTF-8 in the command line."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        msg = f"got {describe(text)}; expected UTF-8 text"
        raise argparse.ArgumentTypeError(msg) from None
    return text


def to_json(data: object) -> str:
    """Write ``data`` as the JSON answer: indented, UTF-8 characters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- the subscription, shared by quote, eligibility, usage and add-timing -----------------


def add_subscription_options(parser: Parser) -> None:
    """Add the options that describe the subscription."""
    group = parser.add_argument_group("the subscription")
    group.add_argument(
        "--unit-price", required=True, type=utf8_text, help="price of one seat for one period"
    )
    group.add_argument("--currency", required=True, type=utf8_text, help="ISO 4217 code, e.g. USD")
    group.add_argument("--term-start", required=True, type=iso_date, help="YYYY-MM-DD")
    group.add_argument("--term-end", required=True, type=iso_date, help="renewal date, YYYY-MM-DD")
    group.add_argument(
        "--country", required=True, type=utf8_text, help="ISO 3166-1 alpha-2 code, e.g. FR"
    )
    group.add_argument(
        "--channel", default="direct", type=utf8_text, help=f"{' or '.join(CHANNELS)} (direct)"
    )
    group.add_argument("--purchased-on", type=iso_date, help="YYYY-MM-DD (default: the anchor)")
    group.add_argument("--period-months", type=whole_number, default=12, help="1, 12, 36, ... (12)")
    group.add_argument("--anchor", type=iso_date, help="renewal anchor (default: --term-start)")
    group.add_argument("--current-seats", type=whole_number, default=1, help="seats held now (1)")
    group.add_argument("--no-auto-renew", action="store_true", help="auto-renewal is off")
    group.add_argument("--plan", default="", type=utf8_text, help="plan name")
    group.add_argument("--product", default="", type=utf8_text, help="product name")


def subscription(args: argparse.Namespace) -> Subscription:
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


def add_pricing_options(parser: Parser) -> None:
    """Add ``--convention``, ``--rounding`` and ``--minor-units``, how a price is counted."""
    parser.add_argument(
        "--convention", default="actual_days", type=utf8_text, help="proration convention"
    )
    parser.add_argument(
        "--rounding", default="ROUND_HALF_UP", type=utf8_text, help="decimal rounding mode"
    )
    parser.add_argument(
        "--minor-units",
        default="cldr",
        type=utf8_text,
        help="the minor units amounts round to: cldr (default), iso4217, stripe, cash or chargebee",
    )


def add_output_options(parser: Parser) -> None:
    """Add ``--locale`` and ``--json``, how the answer is written."""
    group = parser.add_argument_group("output")
    group.add_argument("--locale", default="en", type=utf8_text, help="e.g. en, fr_FR, de_DE (en)")
    group.add_argument("--json", action="store_true", help="print the JSON form")

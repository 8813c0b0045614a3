"""``seatcalc quote`` and ``seatcalc eligibility``: may a subscription add seats, at what price.

Both answer yes (exit status 0) or no (1, with the reasons).  ``quote --input`` quotes a whole
book instead; that is ``_cli_book``.
"""

from __future__ import annotations

import argparse

from seatcalc._cli_common import (
    OK,
    REFUSED,
    Parser,
    add_output_options,
    add_pricing_options,
    add_subscription_options,
    iso_date,
    subscription,
    to_json,
    whole_number,
)
from seatcalc._i18n import check_locale
from seatcalc.eligibility import check_eligibility
from seatcalc.quote import quote_add_seats

__all__ = ["add_eligibility", "add_quote", "run_eligibility", "run_quote"]


def add_quote(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``seatcalc quote``."""
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
    parser.add_argument("--seats", required=True, type=whole_number, help="how many seats")
    parser.add_argument("--on", required=True, type=iso_date, help="the day they are added")
    add_pricing_options(parser)
    add_subscription_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run_quote)


def run_quote(args: argparse.Namespace) -> tuple[int, str]:
    """Quote the seats; the status says whether the quote is payable."""
    locale = check_locale(args.locale)
    quote = quote_add_seats(
        subscription(args),
        args.seats,
        args.on,
        convention=args.convention,
        rounding=args.rounding,
        minor_units=args.minor_units,
    )
    status = OK if quote.payable else REFUSED
    if args.json:
        return status, to_json(quote.to_dict())
    return status, f"{quote.explain(locale)}\n"


def add_eligibility(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``seatcalc eligibility``."""
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
    parser.add_argument("--on", required=True, type=iso_date, help="the day of the check")
    add_subscription_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run_eligibility)


def run_eligibility(args: argparse.Namespace) -> tuple[int, str]:
    """Check the rules; the status says whether the subscription is eligible."""
    locale = check_locale(args.locale)
    outcome = check_eligibility(subscription(args), args.on)
    status = OK if outcome.eligible else REFUSED
    if args.json:
        return status, to_json(outcome.to_dict())
    if outcome.eligible:
        return status, "eligible\n"
    reasons = "".join(f"- {message}\n" for message in outcome.messages(locale))
    return status, f"not eligible\n{reasons}"

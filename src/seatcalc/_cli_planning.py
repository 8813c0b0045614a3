"""``seatcalc add-timing`` and ``seatcalc align``: planning what seats cost ahead of time.

Both only compute, so their exit status is 0 for every answer.
"""

from __future__ import annotations

import argparse

from seatcalc._cli_common import (
    EXIT_STATUSES,
    OK,
    Parser,
    add_output_options,
    add_pricing_options,
    add_subscription_options,
    iso_date,
    subscription,
    to_json,
    utf8_text,
    whole_number,
)
from seatcalc._cli_files import read_subscriptions
from seatcalc._i18n import check_locale
from seatcalc.alignment import align
from seatcalc.errors import reported_within
from seatcalc.money import Money
from seatcalc.timing import compare_add_timing

__all__ = ["add_align", "add_timing", "run_align", "run_timing"]


def add_timing(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``seatcalc add-timing``."""
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
    parser.add_argument("--seats", required=True, type=whole_number, help="how many seats")
    parser.add_argument("--needed-on", required=True, type=iso_date, help="when users need them")
    parser.add_argument("--on", required=True, type=iso_date, help="the day of the decision")
    parser.add_argument(
        "--renewal-unit-price", type=utf8_text, help="unit price from the renewal (default: same)"
    )
    add_pricing_options(parser)
    add_subscription_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run_timing)


def run_timing(args: argparse.Namespace) -> tuple[int, str]:
    """Compare the three moments to add the seats."""
    locale = check_locale(args.locale)
    held = subscription(args)
    renewal_price = None
    if args.renewal_unit_price is not None:
        with reported_within("renewal_unit_price"):
            renewal_price = Money(args.renewal_unit_price, held.currency)
    plan = compare_add_timing(
        held,
        args.seats,
        args.needed_on,
        on=args.on,
        renewal_unit_price=renewal_price,
        convention=args.convention,
        rounding=args.rounding,
        minor_units=args.minor_units,
    )
    return OK, to_json(plan.to_dict()) if args.json else f"{plan.explain(locale)}\n"


def add_align(commands: argparse._SubParsersAction[Parser]) -> None:
    """Add ``seatcalc align``."""
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
    parser.add_argument("--target", type=iso_date, help="the renewal date (default: the latest)")
    parser.add_argument("--anchor", type=iso_date, help="the anchor of the aligned renewals")
    add_pricing_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run_align)


def run_align(args: argparse.Namespace) -> tuple[int, str]:
    """Price aligning the subscriptions of the file."""
    locale = check_locale(args.locale)
    subscriptions = read_subscriptions(args.subscriptions, "--subscriptions")
    quote = align(
        subscriptions,
        target=args.target,
        anchor=args.anchor,
        convention=args.convention,
        rounding=args.rounding,
        minor_units=args.minor_units,
    )
    return OK, to_json(quote.to_dict()) if args.json else f"{quote.explain(locale)}\n"

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

This module builds the parser and turns every outcome into an exit status and one line; what
the commands share is ``_cli_common``, and each command is in a private module named for its
domain: ``_cli_quote`` (quote, eligibility), ``_cli_renewals``, ``_cli_usage``,
``_cli_planning`` (add-timing, align), and ``_cli_book`` (quote a book file to file).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Final, TextIO

from seatcalc._cli_book import is_batch, run_batch
from seatcalc._cli_common import (
    EXIT_STATUSES,
    INTERNAL_ERROR,
    INTERRUPTED,
    OK,
    USAGE_ERROR,
    Answer,
    Parser,
    Version,
)
from seatcalc._cli_files import UsageError
from seatcalc._cli_planning import add_align, add_timing
from seatcalc._cli_quote import add_eligibility, add_quote
from seatcalc._cli_renewals import add_renewals
from seatcalc._cli_usage import add_usage
from seatcalc.errors import SeatcalcError

__all__ = ["main"]

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


# -- the program ---------------------------------------------------------------------------


def _parser() -> Parser:
    parser = Parser(
        prog="seatcalc",
        description="Price and check seat changes on per-seat subscriptions.",
        epilog=EXIT_STATUSES,
        exit_on_error=False,
    )
    parser.add_argument(
        "--version",
        action=Version,
        nargs=0,
        default=argparse.SUPPRESS,
        help="print the version and exit",
    )
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )
    for add in (add_quote, add_eligibility, add_renewals, add_usage, add_timing, add_align):
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
            return run_batch(arguments, Parser, sys.stderr)
        except argparse.ArgumentError as error:
            name = error.argument_name
            raise UsageError(f"{name}: {error.message}" if name else error.message) from None
        except Answer as answer:
            return OK, answer.text
        except SeatcalcError as error:
            raise UsageError(_error_line(error)) from None
    try:
        args = _parser().parse_args(argv)
    except argparse.ArgumentError as error:
        name = error.argument_name
        raise UsageError(f"{name}: {error.message}" if name else error.message) from None
    except Answer as answer:
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

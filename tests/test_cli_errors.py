"""The command line never shows a traceback: every failure is one line naming the option.

Bad options and files exit with status 2, an internal error with 3; a closed pipe is not an
error.  Each test checks the exit status, the whole of standard error and that nothing was
printed on standard output.
"""

from __future__ import annotations

import errno
import io
import json
import subprocess
import sys
from importlib.metadata import version

import babel.support
import pytest

from seatcalc import _cli_renewals, cli
from seatcalc.cli import main
from seatcalc.errors import ErrorCode, InvalidValueError

SUBSCRIPTION = [
    *("--unit-price", "2030.00", "--currency", "USD", "--term-start", "2026-01-01"),
    *("--term-end", "2027-01-01", "--country", "FR"),
]
QUOTE = ["quote", "--seats", "3", "--on", "2026-07-01", *SUBSCRIPTION]
ELIGIBILITY = ["eligibility", "--on", "2026-07-01", *SUBSCRIPTION]
TIMING = ["add-timing", "--seats", "2", "--needed-on", "2026-07-01", "--on", "2026-03-01"]
RENEWALS = ["renewals", "--anchor", "2024-01-31"]
LOCALE_EXPECTED = "expected a locale CLDR knows, such as 'en', 'fr_FR' or 'de-CH'"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def fails(argv, line):
    """Assert the command exits 2 with exactly ``seatcalc: error: <line>`` and prints nothing."""
    status, out, err = run(*argv)
    assert (status, out, err) == (2, "", f"seatcalc: error: {line}\n")


# -- one table maps library fields to options ---------------------------------------------


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            [*QUOTE, "--unit-price", "1e999999999"],
            (
                "--unit-price: got '1e999999999'; expected a Decimal, an int or a decimal string "
                "such as '1200.00', below 10**18 with at most 30 decimal places"
            ),
        ),
        (
            [*QUOTE, "--currency", "XTS"],
            (
                "--currency: got 'XTS'; expected an ISO 4217 code known to CLDR, such as 'USD', "
                "'EUR' or 'JPY'"
            ),
        ),
        (
            [*ELIGIBILITY, "--country", "fr"],
            (
                "--country: got 'fr'; expected an upper-case ISO 3166-1 alpha-2 code such as 'US' "
                "or 'FR' (did you mean 'FR'?)"
            ),
        ),
        (
            [*QUOTE, "--term-end", "2026-12-15"],
            (
                "--term-end: got 2026-12-15, which is not a renewal date of anchor 2026-01-01 "
                "every 12 month(s); expected a renewal date; the nearest are 2026-01-01 and "
                "2027-01-01 "
                "(pass anchor= if the subscription started on another day of the month)"
            ),
        ),
        ([*QUOTE, "--current-seats", "0"], "--current-seats: got 0; expected an int >= 1"),
        ([*QUOTE, "--seats", "0"], "--seats: got 0; expected an int >= 1"),
        (
            [*QUOTE, "--period-months", "121"],
            "--period-months: got 121; expected an int from 1 to 120",
        ),
        (
            [*ELIGIBILITY, "--purchased-on", "2027-01-01"],
            "--purchased-on: got 2027-01-01; expected a date before term_end 2027-01-01",
        ),
        (
            [*TIMING, *SUBSCRIPTION, "--renewal-unit-price", "-1"],
            (
                "--renewal-unit-price: got Money('-1', 'USD'); expected a price >= 0 (credit a "
                "refund as a separate line)"
            ),
        ),
        (
            [*TIMING, *SUBSCRIPTION, "--renewal-unit-price", "1e999999999"],
            (
                "--renewal-unit-price: got '1e999999999'; expected a Decimal, an int or a decimal "
                "string such as '1200.00', below 10**18 with at most 30 decimal places"
            ),
        ),
        (
            [
                "add-timing",
                "--seats",
                "2",
                "--needed-on",
                "2027-02-01",
                "--on",
                "2027-01-01",
                *SUBSCRIPTION,
            ],
            (
                "--on: got 2027-01-01, which is after the term [2026-01-01, 2027-01-01) (it "
                "ended on 2027-01-01, its renewal date; renew() builds the next term); expected a "
                "date from 2026-01-01 to 2026-12-31"
            ),
        ),
        # Dates near the end of the calendar.
        (
            ["renewals", "--anchor", "9999-12-31", "--count", "1"],
            (
                "--count: got 1, whose last date would fall after 9999-12-31; expected a count "
                "whose renewal dates Python can represent"
            ),
        ),
        (
            [*QUOTE, "--term-end", "9999-12-31"],
            (
                "--term-end: got 9999-12-31, which is not a renewal date of anchor 2026-01-01 "
                "every 12 month(s); expected a renewal date; the nearest are 9999-01-01 (pass "
                "anchor= if "
                "the subscription started on another day of the month)"
            ),
        ),
    ],
)
def test_a_library_error_names_the_option_its_value_came_from(argv, line):
    fails(argv, line)


def test_an_unknown_minor_unit_table_names_the_option():
    fails(
        [*QUOTE, "--minor-units", "ISO-4217"],
        "--minor-units: got 'ISO-4217'; expected a table name ('cldr', 'iso4217', 'stripe', "
        "'cash' or 'chargebee'), a MinorUnits value or a mapping of currency codes to digits "
        "such as {'IDR': 2} (did you mean 'iso4217'?)",
    )


def test_every_option_in_the_table_is_an_option_of_the_command_line():
    # The table cannot drift from the parser: each option it names is accepted by a command.
    commands = cli._parser()._subparsers._group_actions[0].choices.values()
    known = {option for parser in commands for option in parser._option_string_actions}
    assert set(cli._OPTIONS.values()) <= known


def test_a_field_the_table_does_not_know_is_reported_as_the_library_words_it():
    error = InvalidValueError(field="mystery", value=1, expected="2", code=ErrorCode.OUT_OF_RANGE)
    assert cli._error_line(error) == "mystery: got 1; expected 2"


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["quote", "--on", "2026-07-01", *SUBSCRIPTION], "--seats"),
        (QUOTE, "--current-seats"),
        (QUOTE, "--period-months"),
        (RENEWALS, "--count"),
        (RENEWALS, "--period-months"),
        (
            [
                "usage",
                "--assignments",
                "a.csv",
                "--events",
                "e.csv",
                "--on",
                "2026-12-01",
                *SUBSCRIPTION,
            ],
            "--window-days",
        ),
    ],
)
@pytest.mark.parametrize("text", ["١٢", "1_000", " 3", "+3", "3.0", ""])
def test_integer_options_take_ascii_digits_only(argv, option, text):
    # int() would read "١٢" (Arabic-Indic digits) as 12, "1_000" as 1000 and " 3" as 3.
    fails([*argv, option, text], f"{option}: got {text!r}; expected a whole number such as 3")


def test_an_integer_too_long_to_be_a_count_is_refused_before_it_is_read():
    fails(
        [*QUOTE, "--seats", "9" * 5000],
        "--seats: got a number of 5000 digits; expected one of at most 100",
    )


@pytest.mark.parametrize(
    # The last is 2026 in full-width digits.
    "day",
    ["2026-W27-3", "2026-182", "2026-7-1", "20260701", "\uff12\uff10\uff12\uff16-07-01"],
)
def test_dates_are_calendar_dates_only(day):
    expected = "expected an ISO date such as 2026-01-31 (YYYY-MM-DD)"
    fails([*QUOTE, "--on", day], f"--on: got {day!r}; {expected}")


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(QUOTE, id="quote, payable"),
        pytest.param([*QUOTE, "--json"], id="quote, json"),
        pytest.param([*QUOTE, "--channel", "reseller"], id="quote, not payable"),
        pytest.param(ELIGIBILITY, id="eligibility, eligible"),
        pytest.param([*ELIGIBILITY, "--json"], id="eligibility, json"),
        pytest.param([*ELIGIBILITY, "--country", "BR"], id="eligibility, not eligible"),
    ],
)
@pytest.mark.parametrize("locale", ["xx", "fr@/../../x", "fr@euro", "../fr", "en_US.UTF-8"])
def test_the_locale_is_checked_in_every_mode_before_any_catalog_is_read(argv, locale, monkeypatch):
    def no_catalog(*args, **_kwargs):
        raise AssertionError(args)

    # Every catalog is read by Translations.load: the locale name never reaches it.
    monkeypatch.setattr(babel.support.Translations, "load", no_catalog)
    fails([*argv, "--locale", locale], f"--locale: got {locale!r}; {LOCALE_EXPECTED}")


def test_a_good_locale_still_answers():
    status, out, err = run(*ELIGIBILITY, "--country", "BR", "--locale", "de-CH")
    assert (status, err) == (1, "")
    assert out.startswith("not eligible\n- ")
    assert "Brasilien" in out


def test_text_options_must_be_unicode():
    # An argument whose bytes were not UTF-8 reaches Python with lone surrogates, which could
    # not be printed back (the plan is part of the JSON answer).
    fails(
        [*QUOTE, "--plan", "team\udcff", "--json"], "--plan: got 'team\\udcff'; expected UTF-8 text"
    )


def test_argparse_errors_are_one_line_naming_the_option():
    fails([*RENEWALS, "--anchor"], "--anchor: expected one argument")
    fails(
        ["renewals", "--anchor=2024-13-01"],
        "--anchor: got '2024-13-01'; expected an ISO date such as 2026-01-31 (YYYY-MM-DD)",
    )
    fails(
        ["nope"],
        "COMMAND: invalid choice: 'nope' (choose from 'quote', 'eligibility', 'renewals', "
        "'usage', 'add-timing', 'align')",
    )


# -- files: the usage CSV exports and the align JSON ----------------------------------------

USAGE_SUBSCRIPTION = [
    *("--unit-price", "600.00", "--currency", "EUR", "--term-start", "2026-01-01"),
    *("--term-end", "2027-01-01", "--country", "FR", "--current-seats", "5"),
]
ASSIGNED = b"user,date\nana,2026-01-05\nben,2026-01-05\nchloe,2026-01-05\n"
USED = b"user,date\nana,2026-11-30\nben,2026-10-01\n"
BOM = b"\xef\xbb\xbf"


def usage(tmp_path, assigned=ASSIGNED, used=USED, *extra):
    (tmp_path / "a.csv").write_bytes(assigned)
    (tmp_path / "e.csv").write_bytes(used)
    files = ["--assignments", str(tmp_path / "a.csv"), "--events", str(tmp_path / "e.csv")]
    return ["usage", *files, "--on", "2026-12-01", *USAGE_SUBSCRIPTION, *extra]


def test_usage_accepts_the_byte_order_mark_spreadsheets_write(tmp_path):
    # 5 seats, ana, ben and chloe assigned, only ana active in the 30 days to Dec 1: keep 3 seats.
    status, out, err = run(*usage(tmp_path, BOM + ASSIGNED, BOM + USED))
    assert (status, err) == (0, "")
    assert "Assigned seats: 3 (ana, ben, and chloe)\nSeats nobody holds: 2\n" in out
    assert "Assigned but inactive: 2 (ben and chloe)\n" in out
    assert "Renewal saving: 2 × €600.00 = €1,200.00\n" in out


@pytest.mark.parametrize(
    ("assigned", "used", "line"),
    [
        (
            ASSIGNED + b"b\xffn,2026-01-05\n",
            USED,
            "--assignments: line 5: {a} is not UTF-8 text (byte 0xff)",
        ),
        (
            BOM + b"user,date\nzo\xe9,2026-01-05\n",
            USED,
            "--assignments: line 2: {a} is not UTF-8 text (byte 0xe9)",
        ),
        (
            ASSIGNED,
            USED + b"\xc3(,2026-11-30\n",
            "--events: line 4: {e} is not UTF-8 text (byte 0xc3)",
        ),
        (
            ASSIGNED.decode().encode("utf-16"),
            USED,
            "--assignments: line 1: {a} is not UTF-8 text (byte 0xff)",
        ),
    ],
)
def test_usage_refuses_a_file_that_is_not_utf8(tmp_path, assigned, used, line):
    argv = usage(tmp_path, assigned, used)
    fails(argv, line.format(a=repr(argv[2]), e=repr(argv[4])))


def test_usage_refuses_a_csv_field_over_the_csv_module_limit(tmp_path):
    # csv refuses fields over csv.field_size_limit(), 128 KiB, with csv.Error.
    huge = b"user,date\nana,2026-01-05\n" + b"x" * (128 * 1024 + 1) + b",2026-01-05\n"
    fails(usage(tmp_path, huge), "--assignments: line 3: field larger than field limit (131072)")
    fails(
        usage(tmp_path, ASSIGNED, USED + b'"' + b"y" * 200_000 + b'",2026-11-30\n'),
        "--events: line 4: field larger than field limit (131072)",
    )


def test_usage_refuses_a_user_assigned_twice(tmp_path):
    twice = ASSIGNED + b"ana,2026-02-01\n"
    fails(
        usage(tmp_path, twice),
        "--assignments: line 5: user 'ana' is listed twice (first on line 2); expected one "
        "line per user holding a seat",
    )


def test_usage_counts_each_event_of_a_user(tmp_path):
    # Events repeat: ben used the product three times, the last on Nov 15, within the window.
    used = USED + b"ben,2026-11-15\nben,2026-11-16\n"
    status, out, err = run(*usage(tmp_path, ASSIGNED, used))
    assert (status, err) == (0, "")
    assert "Active in the last 30 days: 2 (" in out
    assert "Assigned but inactive: 1 (chloe)\n" in out


@pytest.mark.parametrize(
    ("assigned", "used", "line"),
    [
        (
            ASSIGNED + b"dev,2026-12-02\n",
            USED,
            (
                "--assignments: line 5: got 2026-12-02, after the day of the report, "
                "on=2026-12-01; expected a date on or before on: a report only counts what "
                "happened until then"
            ),
        ),
        (
            ASSIGNED,
            USED + b"ana,2026-12-05\n",
            (
                "--events: line 4: got 2026-12-05, after the day of the report, "
                "on=2026-12-01; expected a date on or before on: a report only counts what "
                "happened until then"
            ),
        ),
        (
            ASSIGNED + b" ,2026-01-05\n",
            USED,
            "--assignments: line 5: the user is empty; expected a user name before the date",
        ),
        (
            ASSIGNED + b"dev,2026-W01-1\n",
            USED,
            (
                "--assignments: line 5: got '2026-W01-1'; expected an ISO date string such as "
                "'2026-01-31'"
            ),
        ),
        (
            ASSIGNED + b"dev,2026-01-05,x\n",
            USED,
            (
                "--assignments: line 5: got 'dev,2026-01-05,x' (3 field(s)); expected a user and a "
                "date (2 fields)"
            ),
        ),
    ],
)
def test_usage_errors_name_the_line(tmp_path, assigned, used, line):
    fails(usage(tmp_path, assigned, used), line)


def test_usage_skips_blank_lines(tmp_path):
    status, out, err = run(*usage(tmp_path, ASSIGNED + b"\n\n", b"user,date\n\nana,2026-11-30\n"))
    assert (status, err) == (0, "")
    assert "Active in the last 30 days: 1 (" in out


def test_usage_on_the_first_day_of_the_calendar(tmp_path):
    # The 30-day window before 0001-01-01 would start before the first day Python represents.
    argv = usage(tmp_path, b"user,date\nana,0001-01-01\n", b"user,date\nana,0001-01-01\n")
    argv[argv.index("--on") + 1] = "0001-01-01"
    status, out, err = run(*argv, "--window-days", "3660")
    assert (status, err) == (0, "")
    assert out.startswith("Seat usage on January 1, 1\n")
    assert "Active in the last 3,660 days: 1 (ana)\n" in out


SUB = {
    "seats": 5,
    "unit_price": {"amount": "100.00", "currency": "USD"},
    "term_start": "2026-01-01",
    "term_end": "2027-01-01",
    "country": "US",
}
# 5 x 100.00 x 90/365 (2027-01-01 -> 2027-04-01) = 123.2876... -> 123.29 USD.
ALIGNED = "Total: $123.29"
NOT_AN_OBJECT = "expected a JSON object in the form Subscription.to_dict() writes"


def subscriptions(tmp_path, data):
    path = tmp_path / "subs.json"
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return ["align", "--subscriptions", str(path), "--target", "2027-04-01"]


def stdin(monkeypatch, data):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    return ["align", "--subscriptions", "-", "--target", "2027-04-01"]


def test_align_accepts_the_byte_order_mark(tmp_path, monkeypatch):
    data = BOM + json.dumps([SUB]).encode()
    for argv in (subscriptions(tmp_path, data), stdin(monkeypatch, data)):
        status, out, err = run(*argv)
        assert (status, err) == (0, "")
        assert out.rstrip().endswith(ALIGNED)


def test_align_refuses_a_file_that_is_not_utf8(tmp_path, monkeypatch):
    data = b'[{"country": "\xff"}]'
    argv = subscriptions(tmp_path, data)
    fails(argv, f"--subscriptions: line 1: {argv[2]!r} is not UTF-8 text (byte 0xff)")
    fails(
        stdin(monkeypatch, b"[\n" + data),
        "--subscriptions: line 2: standard input is not UTF-8 text (byte 0xff)",
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "nests lists or objects too deeply to hold subscriptions"),
        (
            '{"a":' * 100_000 + "1" + "}" * 100_000,
            "nests lists or objects too deeply to hold subscriptions",
        ),
        ("[" + "[" * 400 + "]" * 400 + "]", None),
        ('{"seats": 5}', "holds an object; expected a JSON list of subscriptions"),
        ('"subs"', "holds a string; expected a JSON list of subscriptions"),
        ("null", "holds null; expected a JSON list of subscriptions"),
        ("[1 2]", "is not JSON (Expecting ',' delimiter, line 1)"),
        ('[{"seats": 5, "seats": 6}]', "gives the key 'seats' twice in one object"),
        (
            '[{"plan": "\\ud800"}]',
            (
                "holds the text '\\ud800', which is not Unicode (a \\u escape of half a surrogate "
                "pair)"
            ),
        ),
        ('[{"seats": ' + "9" * 5000 + "}]", "holds a number of more than 4300 digits"),
    ],
)
def test_align_refuses_json_it_cannot_use(tmp_path, data, problem):
    argv = subscriptions(tmp_path, data)
    if problem is None:  # deep, but not too deep to read: the item is not an object
        fails(
            argv,
            f"--subscriptions: subscriptions[0]: got a list; {NOT_AN_OBJECT}",
        )
    else:
        fails(argv, f"--subscriptions: {argv[2]!r} {problem}")


@pytest.mark.parametrize(
    ("items", "line"),
    [
        (
            [SUB, 3],
            f"subscriptions[1]: got a number; {NOT_AN_OBJECT}",
        ),
        (
            [SUB, [SUB]],
            f"subscriptions[1]: got a list; {NOT_AN_OBJECT}",
        ),
        ([{**SUB, "seats": 0}], "subscriptions[0].seats: got 0; expected an int >= 1"),
        (
            [{**SUB, "unit_price": {"amount": "1,5", "currency": "USD"}}],
            (
                "subscriptions[0].unit_price.amount: got '1,5'; expected a Decimal, an int or a "
                "decimal string such as '1200.00', below 10**18 with at most 30 decimal places"
            ),
        ),
        (
            [SUB, {**SUB, "term_end": "2026-02-01", "period_months": 1}],
            (
                "subscriptions[1].period_months: got 1; expected 12, as subscriptions[0]: only "
                "subscriptions with the same period length can be aligned"
            ),
        ),
    ],
)
def test_align_names_the_subscription_in_the_file(tmp_path, items, line):
    fails(subscriptions(tmp_path, json.dumps(items)), f"--subscriptions: {line}")


# -- the program: version, closed pipes, internal errors --------------------------------------


def test_version_prints_the_installed_version():
    assert run("--version") == (0, f"seatcalc {version('seatcalc')}\n", "")


def test_help_describes_the_exit_statuses():
    status, out, err = run("--help")
    assert (status, err) == (0, "")
    assert "--version" in out
    assert "3 for an internal error." in " ".join(out.split())


class Closed(io.StringIO):
    """A stream whose reader has gone, or whose disk is full."""

    def __init__(self, error):
        super().__init__()
        self.error = error

    def write(self, _text):
        raise self.error


def test_a_closed_pipe_drops_the_answer_silently_and_keeps_its_status():
    err = io.StringIO()
    assert main([*RENEWALS, "--count", "3"], stdout=Closed(BrokenPipeError()), stderr=err) == 0
    assert (
        main([*ELIGIBILITY, "--country", "BR"], stdout=Closed(BrokenPipeError()), stderr=err) == 1
    )
    assert err.getvalue() == ""


def test_an_answer_that_cannot_be_written_is_one_line():
    err = io.StringIO()
    full = Closed(OSError(errno.ENOSPC, "No space left on device"))
    assert main([*RENEWALS, "--count", "3"], stdout=full, stderr=err) == 2
    assert err.getvalue() == "seatcalc: error: cannot write the answer (No space left on device)\n"


def test_an_output_encoding_that_cannot_write_the_answer_is_one_line():
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="ascii"), io.StringIO()
    assert main([*QUOTE, "--currency", "EUR"], stdout=out, stderr=err) == 2
    assert err.getvalue() == (
        "seatcalc: error: standard output cannot write '€' in ascii; set PYTHONIOENCODING=utf-8\n"
    )
    assert out.buffer.getvalue() == b""


def test_an_internal_error_is_one_line_with_status_3(monkeypatch):
    def broken(*_args):
        msg = "an unexpected\nproblem"
        raise RuntimeError(msg)

    monkeypatch.setattr(_cli_renewals, "renewal_dates", broken)
    status, out, err = run(*RENEWALS)
    assert (status, out) == (3, "")
    assert err == "seatcalc: internal error: RuntimeError: an unexpected problem\n"


def run_process(*argv, **options):
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "seatcalc", *argv], capture_output=True, check=False, **options
    )


def test_a_closed_pipe_ends_the_program_quietly():
    # 90,000 monthly renewals from 2024 (the last in 9524) are about 1.6 MB of JSON, far more
    # than a pipe holds: the program is still writing when the reader closes its end.
    argv = [*RENEWALS, "--period-months", "1", "--count", "90000", "--json"]
    with subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "seatcalc", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout.read(10) == b'[\n  "2024-'
        process.stdout.close()
        errors = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert errors == b""


def test_a_real_process_reports_bad_input_on_one_line():
    result = run_process(*QUOTE, "--seats", "١٢")
    assert (result.returncode, result.stdout) == (2, b"")
    assert (
        result.stderr.decode()
        == "seatcalc: error: --seats: got '١٢'; expected a whole number such as 3\n"
    )
    # Bytes that are not UTF-8 in an argument (a Latin-1 terminal).
    result = run_process(*QUOTE, b"--plan", b"\xe9quipe", "--json")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == b"seatcalc: error: --plan: got '\\udce9quipe'; expected UTF-8 text\n"


def test_a_real_process_reads_subscriptions_from_stdin():
    result = run_process(
        "align",
        "--subscriptions",
        "-",
        "--target",
        "2027-04-01",
        input=BOM + json.dumps([SUB]).encode(),
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode().rstrip().endswith(ALIGNED)
    result = run_process("align", "--subscriptions", "-", input=b"[\xff]")
    assert (result.returncode, result.stdout) == (2, b"")
    line = b"seatcalc: error: --subscriptions: line 1: standard input is not UTF-8 text (byte 0xff)"
    assert result.stderr == line + b"\n"


def test_an_abbreviated_option_is_refused():
    status, out, err = run("renewals", "--anch", "2024-01-31")
    assert status == 2
    assert out == ""
    assert err.startswith("seatcalc: error: ")
    assert "--anch" in err
    assert err.count("\n") == 1


def test_an_interruption_exits_130_without_a_traceback(monkeypatch):
    def interrupted(_argv):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["renewals"], stdout=out, stderr=err) == 130
    assert out.getvalue() == err.getvalue() == ""


def test_planning_and_usage_speak_the_reader_s_language(tmp_path):
    status, out, err = run(*TIMING, *SUBSCRIPTION, "--locale", "fr_FR")
    assert (status, err) == (0, "")
    assert "2\u202f046,68\xa0$US jusqu’au renouvellement" in out  # noqa: RUF001
    status, out, err = run(*subscriptions(tmp_path, json.dumps([SUB])), "--locale", "de_DE")
    assert (status, err) == (0, "")
    assert "123,29\xa0$" in out
    status, out, err = run(
        *usage(tmp_path, b"user,date\nana,2026-11-30\n", b"user,date\n"), "--locale", "es"
    )
    assert (status, err) == (0, "")
    assert out.startswith("Uso de")


@pytest.mark.parametrize("command", ["add-timing", "align", "usage"])
def test_planning_and_usage_refuse_a_locale_with_a_path(tmp_path, command):
    argv = {
        "add-timing": [*TIMING, *SUBSCRIPTION],
        "align": subscriptions(tmp_path, json.dumps([SUB])),
        "usage": usage(tmp_path, b"user,date\nana,2026-11-30\n", b"user,date\n"),
    }[command]
    status, out, err = run(*argv, "--locale", "fr@/../../x")
    assert (status, out) == (2, "")
    assert err.startswith("seatcalc: error: --locale: got 'fr@/../../x'")

"""Every bad option is one line naming the option, with exit status 2.

Each test checks the exit status, the whole of standard error and that nothing was printed on
standard output.
"""

from __future__ import annotations

import io

import babel.support
import pytest

from seatcalc import cli
from seatcalc.cli import main
from seatcalc.errors import ErrorCode, InvalidValueError

SUBSCRIPTION = [
    *("--unit-price", "2030.00", "--currency", "USD", "--term-start", "2026-01-01"),
    *("--term-end", "2027-01-01", "--country", "FR"),
]
QUOTE = ["quote", "--seats", "3", "--on", "2026-07-01", *SUBSCRIPTION]
ELIGIBILITY = ["eligibility", "--on", "2026-07-01", *SUBSCRIPTION]
TIMING = ["add-timing", "--seats", "2", "--needed-on", "2026-07-01", "--today", "2026-03-01"]
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
                "--today",
                "2027-01-01",
                *SUBSCRIPTION,
            ],
            (
                "--today: got 2027-01-01, which is after the term [2026-01-01, 2027-01-01) (it "
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
                "--as-of",
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

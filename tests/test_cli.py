"""The command line: answers, JSON, exit codes, and one-line errors that name the option."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from seatcalc.cli import main

QUOTE = [
    "quote",
    *("--seats", "3", "--unit-price", "2030.00", "--currency", "USD"),
    *("--term-start", "2026-01-01", "--term-end", "2027-01-01", "--on", "2026-07-01"),
    *("--country", "FR", "--channel", "direct", "--purchased-on", "2025-06-01"),
]
ELIGIBILITY = [
    "eligibility",
    *("--unit-price", "10", "--currency", "EUR", "--term-start", "2026-01-01"),
    *("--term-end", "2027-01-01", "--on", "2026-07-01", "--country", "FR"),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_quote_prints_the_explanation():
    # 3 x 2,030.00 x 184/365 = 3070.0273... -> $3,070.03
    status, out, err = run(*QUOTE)
    assert (status, err) == (0, "")
    assert "Total: $3,070.03" in out
    assert "End date: January 1, 2027" in out


def test_quote_json_is_the_dict_form():
    status, out, _ = run(*QUOTE, "--json")
    data = json.loads(out)
    assert status == 0
    assert data["total"] == {"amount": "3070.03", "currency": "USD"}
    assert data["end_date"] == "2027-01-01"
    assert len(data["lines"]) == 3


def test_an_ineligible_quote_exits_1_with_its_reasons():
    status, out, err = run(*QUOTE, "--channel", "reseller")
    assert (status, err) == (1, "")
    assert "Not payable" in out
    assert "reseller" in out


def test_quote_in_german():
    status, out, _ = run(*QUOTE, "--locale", "de_DE", "--currency", "EUR")
    assert status == 0
    assert "3.070,03\xa0€" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--seats", "0"], "--seats: got 0"),
        (["--seats", "two"], "--seats: got 'two'; expected a whole number such as 3"),
        (["--unit-price", "12,50"], "--unit-price: got '12,50'"),
        (["--unit-price", "-1"], "--unit-price: got Money('-1', 'USD')"),
        (["--currency", "usd"], "--currency: got 'usd'"),
        (["--on", "2026-13-01"], "--on: got '2026-13-01'"),
        (["--term-end", "2026-12-15"], "--term-end: got 2026-12-15"),
        (["--country", "XX"], "--country: got 'XX'"),
        (["--channel", "shop"], "--channel: got 'shop'"),
        (["--period-months", "0"], "--period-months: got 0"),
        (["--current-seats", "0"], "--current-seats: got 0"),
        (["--convention", "weekly"], "--convention: got 'weekly'"),
        (["--rounding", "HALF_UP"], "--rounding: got 'HALF_UP'"),
        (["--locale", "xx"], "--locale: got 'xx'"),
    ],
)
def test_a_bad_option_is_one_line_naming_it_and_exit_2(extra, message):
    status, out, err = run(*QUOTE, *extra)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"seatcalc: error: {message}")


def test_a_missing_option_is_named():
    status, _, err = run("quote", "--seats", "1")
    assert status == 2
    assert "required" in err
    assert "--unit-price" in err


def test_eligibility_answers_and_exit_codes():
    assert run(*ELIGIBILITY) == (0, "eligible\n", "")
    status, out, _ = run(*ELIGIBILITY, "--country", "BR", "--locale", "fr")
    assert status == 1
    assert out.startswith("not eligible\n- ")
    assert "Brésil" in out
    status, out, _ = run(*ELIGIBILITY, "--no-auto-renew", "--json")
    assert status == 1
    assert json.loads(out)["reasons"][0]["code"] == "AUTO_RENEW_OFF"


def test_renewals():
    status, out, _ = run(
        "renewals", "--anchor", "2024-01-31", "--period-months", "1", "--count", "4"
    )
    assert status == 0
    assert out.split() == ["2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]
    status, out, _ = run("renewals", "--anchor", "2024-02-29", "--count", "2", "--json")
    assert json.loads(out) == ["2025-02-28", "2026-02-28"]
    status, _, err = run("renewals", "--anchor", "2024-02-29", "--count", "-1")
    assert (status, err) == (2, "seatcalc: error: --count: got -1; expected an int >= 0\n")


@pytest.mark.parametrize(
    "command", [[], ["quote"], ["eligibility"], ["renewals"], ["usage"], ["add-timing"], ["align"]]
)
def test_help_for_every_command(command):
    status, out, err = run(*command, "--help")
    assert (status, err) == (0, "")
    assert out.startswith(f"usage: {' '.join(['seatcalc', *command])} ")
    assert "Exit status: 0 " in out


def test_no_command_is_a_usage_error():
    status, _, err = run()
    assert status == 2
    assert "COMMAND" in err or "command" in err


def test_python_dash_m_runs_the_same_program():
    result = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "seatcalc", *QUOTE, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"]["amount"] == "3070.03"


SUBSCRIPTION = [
    *("--unit-price", "600.00", "--currency", "EUR", "--term-start", "2026-01-01"),
    *("--term-end", "2027-01-01", "--country", "FR", "--current-seats", "5"),
]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_usage_reads_csv_files_and_recommends(tmp_path):
    # 5 seats, 3 assigned, ana active on Nov 30: keep 3 seats, save 2 x 600.00 = 1200.00 EUR.
    assigned = write(
        tmp_path / "a.csv", "user,date\nana,2026-01-05\nben,2026-01-05\nchloe,2026-01-05\n"
    )
    used = write(tmp_path / "e.csv", "user,date\nana,2026-11-30\nben,2026-10-01\n")
    argv = ["usage", "--assignments", assigned, "--events", used, "--on", "2026-12-01"]
    status, out, _ = run(*argv, *SUBSCRIPTION)
    assert status == 0
    assert "Recommended seats at renewal: 3, one for each assigned user" in out
    assert "Renewal saving: 2 × €600.00 = €1,200.00\n" in out
    assert "Assigned but inactive: 2 (ben and chloe)\n" in out
    status, out, _ = run(*argv, *SUBSCRIPTION, "--json", "--allow-below-assigned")
    assert json.loads(out)["recommended_seats"] == 1


@pytest.mark.parametrize(
    ("assignments", "message"),
    [
        ("ana,2026-01-05\n", "--assignments: '"),
        ("user,date\nana\n", "--assignments: line 2: got 'ana' (1 field(s))"),
        ("user,date\nana,2026-02-30\n", "--assignments: line 2: got '2026-02-30'"),
        (
            "user,date\nana,2026-12-02\n",
            "--assignments: line 2: got 2026-12-02, after the day of the report",
        ),
    ],
)
def test_usage_errors_name_the_file_option_and_line(tmp_path, assignments, message):
    assigned = write(tmp_path / "a.csv", assignments)
    used = write(tmp_path / "e.csv", "user,date\n")
    argv = ["usage", "--assignments", assigned, "--events", used, "--on", "2026-12-01"]
    status, out, err = run(*argv, *SUBSCRIPTION)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


def test_usage_missing_file(tmp_path):
    argv = ["usage", "--assignments", str(tmp_path / "none.csv"), "--events", str(tmp_path)]
    status, _, err = run(*argv, "--on", "2026-12-01", *SUBSCRIPTION)
    assert status == 2
    assert "--assignments: cannot read" in err


def test_add_timing_compares_the_three_moments():
    argv = ["add-timing", "--seats", "2", "--needed-on", "2026-07-01", "--on", "2026-03-01"]
    subscription = [
        *("--unit-price", "1200.00", "--currency", "USD", "--term-start", "2026-01-01"),
        *("--term-end", "2027-01-01", "--country", "US"),
    ]
    status, out, _ = run(*argv, *subscription)
    assert status == 0
    # 2 x 1200 x 184/365 = 1209.86 until renewal, + 2400.00 from it.
    assert "Cheapest that covers the need: add when needed, $1,209.86 until the renewal" in out
    status, out, _ = run(*argv, *subscription, "--json", "--renewal-unit-price", "1260.00")
    assert status == 0
    assert json.loads(out)["renewal_unit_price"] == {"amount": "1260.00", "currency": "USD"}
    status, _, err = run(*argv, *subscription, "--renewal-unit-price", "1,260")
    assert (status, err.count("\n")) == (2, 1)
    assert "--renewal-unit-price: got '1,260'" in err


def test_add_timing_rounds_to_the_chosen_minor_units():
    argv = ["add-timing", "--seats", "2", "--needed-on", "2026-07-01", "--on", "2026-03-01"]
    subscription = [
        *("--unit-price", "1200.00", "--currency", "CHF", "--term-start", "2026-01-01"),
        *("--term-end", "2027-01-01", "--country", "CH", "--json"),
    ]
    # 2 x 1200 x 306/365 = 2012.0548 and 2 x 1200 x 184/365 = 1209.8630: to the cent by
    # default, to the nearest 0.05 franc in cash.
    for table, now, needed in (("cldr", "2012.05", "1209.86"), ("cash", "2012.05", "1209.85")):
        status, out, _ = run(*argv, *subscription, "--minor-units", table)
        assert status == 0
        options = {o["timing"]: o["until_renewal"]["amount"] for o in json.loads(out)["options"]}
        assert (options["NOW"], options["WHEN_NEEDED"]) == (now, needed)
    status, _, err = run(*argv, *subscription, "--minor-units", "dollars")
    assert (status, err.count("\n")) == (2, 1)
    assert err.startswith("seatcalc: error: --minor-units: got 'dollars'")


def subscriptions_file(tmp_path, *subscriptions):
    return write(tmp_path / "subs.json", json.dumps(list(subscriptions)))


def subscription_dict(start, end, price="100.00", seats=5, period=12):
    return {
        "seats": seats,
        "unit_price": {"amount": price, "currency": "USD"},
        "term_start": start,
        "term_end": end,
        "country": "US",
        "period_months": period,
    }


def test_align_prices_each_extension(tmp_path):
    # 5 x 100.00 x 90/365 (2027-01-01 -> 2027-04-01) = 123.2876... -> 123.29 USD.
    path = subscriptions_file(
        tmp_path,
        subscription_dict("2026-01-01", "2027-01-01"),
        subscription_dict("2026-04-01", "2027-04-01", price="120.00", seats=2),
    )
    status, out, _ = run("align", "--subscriptions", path)
    assert status == 0
    assert "5 × $100.00 × 18/73 = $123.29" in out
    assert out.rstrip().endswith("Total: $123.29")
    status, out, _ = run("align", "--subscriptions", path, "--json")
    assert json.loads(out)["total"] == {"amount": "123.29", "currency": "USD"}


def test_align_rounds_to_the_chosen_minor_units(tmp_path):
    # The same extension in francs: 123.2876... is 123.29 to the centime, 123.30 in cash (0.05).
    subscriptions = [
        subscription_dict("2026-01-01", "2027-01-01"),
        subscription_dict("2026-04-01", "2027-04-01", price="120.00", seats=2),
    ]
    for sub in subscriptions:
        sub["unit_price"]["currency"] = "CHF"
        sub["country"] = "CH"
    path = subscriptions_file(tmp_path, *subscriptions)
    for table, total in (("cldr", "123.29"), ("cash", "123.30")):
        argv = ["align", "--subscriptions", path, "--json", "--minor-units", table]
        status, out, _ = run(*argv)
        assert status == 0
        assert json.loads(out)["total"] == {"amount": total, "currency": "CHF"}


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        ("not json", [], "--subscriptions: "),
        ('{"a": 1}', [], "holds an object; expected a JSON list of subscriptions"),
        ('[{"seats": 0}]', [], "--subscriptions: subscriptions[0]: Subscription needs"),
        (None, ["--target", "2026-06-01"], "--target: got 2026-06-01"),
        (None, ["--convention", "weekly"], "--convention: got 'weekly'"),
    ],
)
def test_align_errors_are_one_line(tmp_path, content, extra, message):
    if content is None:
        path = subscriptions_file(tmp_path, subscription_dict("2026-01-01", "2027-01-01"))
    else:
        path = write(tmp_path / "subs.json", content)
    status, out, err = run("align", "--subscriptions", path, *extra)
    assert (status, out, err.count("\n")) == (2, "", 1)
    assert message in err


def test_quote_rounds_to_the_minor_units_asked_for():
    # 3 x 2,030.00 x 184/365 = 3070.0273...: CHF 3,070.03 in cents, 3,070.05 in cash (0.05).
    _, out, _ = run(*QUOTE, "--currency", "CHF", "--json")
    assert json.loads(out)["total"] == {"amount": "3070.03", "currency": "CHF"}
    status, out, err = run(*QUOTE, "--currency", "CHF", "--minor-units", "cash", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["total"] == {"amount": "3070.05", "currency": "CHF"}
    assert data["minor_units"] == "cash"

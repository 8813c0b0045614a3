"""Worked examples and bad input for compare_add_timing (R11) and align (R13)."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from seatcalc import (
    THIRTY_360,
    AddTimingComparison,
    AlignmentLine,
    AlignmentQuote,
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    Money,
    OutsideTermError,
    SeatcalcError,
    Subscription,
    Timing,
    TimingOption,
    align,
    compare_add_timing,
    renew,
)

USD = Money("1200.00", "USD")


def yearly(**changes):
    values = {
        "seats": 10,
        "unit_price": USD,
        "term_start": dt.date(2026, 1, 1),
        "term_end": dt.date(2027, 1, 1),
        "country": "US",
    }
    values.update(changes)
    return Subscription(**values)


def monthly(start, end, seats, anchor=None):
    return Subscription(
        seats=seats,
        unit_price=Money("100.00", "USD"),
        term_start=start,
        term_end=end,
        anchor=anchor,
        purchased_on=start,
        period_months=1,
        country="US",
    )


# -- add now or later: worked examples --------------------------------------------------------


def test_now_when_needed_and_at_renewal_by_hand():
    plan = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    now, needed, renewal = plan.options
    # now: 2026-03-01 to 2027-01-01 is 306 days of 365; 2 x 1200 x 306/365 = 2012.0547... -> 2012.05
    assert (now.timing, now.part, now.until_renewal) == (
        Timing.NOW,
        Fraction(306, 365),
        Money("2012.05", "USD"),
    )
    # paid from 03-01 but needed from 07-01: 31 + 30 + 31 + 30 = 122 idle days
    assert (now.idle_days, now.waiting_days) == (122, 0)
    # when needed: 184 days left; 2 x 1200 x 184/365 = 1209.8630... -> 1209.86
    assert (needed.part, needed.until_renewal) == (Fraction(184, 365), Money("1209.86", "USD"))
    assert (needed.idle_days, needed.waiting_days, needed.note) == (0, 0, "")
    # at renewal: nothing until 2027-01-01, and users wait from 07-01: 184 days
    assert renewal.until_renewal == Money("0.00", "USD")
    assert (renewal.waiting_days, renewal.covers_need) == (184, False)
    # from the renewal every option pays 2 x 1200 = 2400 for the next term
    assert {o.from_renewal for o in plan.options} == {Money("2400.00", "USD")}
    assert plan.best is needed
    assert needed.total == Money("3609.86", "USD")
    assert plan.renewal == dt.date(2027, 1, 1)


def test_the_explanation_is_plain_text_a_person_can_check():
    plan = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    # 306 and 184 days from 03-01 and 07-01 to 2027-01-01; 2 x 1200 x 306/365 = 2012.0547...
    assert plan.explain() == (
        "Adding 2 seats needed from July 1, 2026, decided on March 1, 2026\n"
        "Seats held: 10\n"
        "Term: January 1, 2026 to January 1, 2027\n"
        "Unit price: $1,200.00 per seat for a billing period of 12 months\n"
        "Counting: convention actual_days, rounding ROUND_HALF_UP (half up)\n"
        "Add now, from March 1, 2026: until the renewal 2 × $1,200.00 × 306/365 = $2,012.05; "
        "from the renewal 2 × $1,200.00 = $2,400.00; seats paid for 122 days before they are "
        "needed\n"
        "Add when needed, from July 1, 2026: until the renewal 2 × $1,200.00 × 184/365 = "
        "$1,209.86; from the renewal 2 × $1,200.00 = $2,400.00\n"
        "Add at the renewal, from January 1, 2027: until the renewal $0.00; from the renewal "
        "2 × $1,200.00 = $2,400.00; users wait 184 days without the seats\n"
        "Cheapest that covers the need: add when needed, $1,209.86 until the renewal, "
        "$3,609.86 in all"
    )


def test_a_new_renewal_price_applies_from_the_renewal():
    plan = compare_add_timing(
        yearly(),
        2,
        dt.date(2026, 7, 1),
        on=dt.date(2026, 3, 1),
        renewal_unit_price=Money("1260.00", "USD"),
    )
    # 2 x 1260 = 2520 from the renewal; until the renewal the current 1200 still applies
    assert {o.from_renewal for o in plan.options} == {Money("2520.00", "USD")}
    assert plan.option("WHEN_NEEDED").until_renewal == Money("1209.86", "USD")


def test_needed_on_the_renewal_or_later_leaves_only_the_renewal():
    for needed, idle in ((dt.date(2027, 1, 1), 0), (dt.date(2027, 2, 1), 31)):
        plan = compare_add_timing(yearly(), 1, needed, on=dt.date(2026, 12, 1))
        (only,) = plan.options
        assert (only.timing, only.idle_days, only.waiting_days) == (Timing.AT_RENEWAL, idle, 0)
        assert plan.best is only
        assert "Note: the seats are not needed before the renewal" in plan.explain()
    with pytest.raises(InvalidValueError, match="moments this comparison holds: AT_RENEWAL"):
        plan.option(Timing.NOW)


def test_needed_today_ties_go_to_the_earliest_seats():
    plan = compare_add_timing(yearly(), 1, dt.date(2026, 7, 1), on=dt.date(2026, 7, 1))
    now, needed, _ = plan.options
    assert now.until_renewal == needed.until_renewal
    assert plan.best is now


def test_an_extended_term_pays_its_whole_periods():
    # A monthly term extended (by an alignment) to [2026-01-31, 2026-05-15), renewing on the 15th.
    sub = monthly(dt.date(2026, 1, 31), dt.date(2026, 5, 15), 2, anchor=dt.date(2026, 5, 15))
    plan = compare_add_timing(sub, 1, dt.date(2026, 3, 1), on=dt.date(2026, 2, 1))
    now, needed, _ = plan.options
    # 02-01 lies in [01-15, 02-15): 14 of 31 days, then 3 whole months to 05-15:
    # 100 x (3 + 14/31) = 345.161... -> 345.16
    assert (now.whole_periods, now.part, now.until_renewal) == (
        3,
        Fraction(14, 31),
        Money("345.16", "USD"),
    )
    # 03-01 lies in [02-15, 03-15): 14 of 28 days, then 2 months: 100 x 2.5 = 250.00
    assert (needed.whole_periods, needed.part, needed.until_renewal) == (
        2,
        Fraction(1, 2),
        Money("250.00", "USD"),
    )
    assert "1 × $100.00 × (3 + 14/31) = $345.16" in plan.explain()


def test_timing_other_conventions_and_rounding():
    plan = compare_add_timing(
        yearly(),
        2,
        dt.date(2026, 7, 1),
        on=dt.date(2026, 3, 1),
        convention="thirty_360",
        rounding="ROUND_DOWN",
    )
    # 30E/360: 2026-07-01 to 2027-01-01 is 180 of 360 days: 2 x 1200 / 2 = 1200.00
    assert plan.option("WHEN_NEEDED").until_renewal == Money("1200.00", "USD")
    # 03-01 to 01-01 is 300 of 360: 2 x 1200 x 5/6 = 2000.00
    assert plan.option(Timing.NOW).until_renewal == Money("2000.00", "USD")
    assert plan.convention is THIRTY_360


def test_timing_html_table():
    html = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    table = html._repr_html_()
    assert table.startswith("<table><caption>Adding 2 seats needed from July 1, 2026,")
    assert table.count("<tr>") == 8
    assert "<th>Add at the renewal, from January 1, 2027</th>" in table
    assert "users wait 184 days without the seats</td>" in table
    assert "<th>Cheapest that covers the need</th><td>add when needed, $1,209.86" in table


TIMING_LABELS = {
    "en": ("now", "when needed", "at renewal"),
    "fr": ("maintenant", "au moment du besoin", "au renouvellement"),
    "de": ("jetzt", "bei Bedarf", "zur Verlängerung"),
    "es": ("ahora", "cuando se necesiten", "en la renovación"),
    "it": ("ora", "quando servono", "al rinnovo"),
}


@pytest.mark.parametrize("language", TIMING_LABELS)
def test_a_moment_is_written_in_each_language(language):
    assert tuple(timing.label_in(language) for timing in Timing) == TIMING_LABELS[language]


def test_a_moment_in_english_is_its_label():
    for timing in Timing:
        assert timing.label_in() == timing.label_in("en") == timing.label
    assert [timing.label for timing in Timing] == ["now", "when needed", "at renewal"]


# 1 day waiting, then 2 and 122 days paid early: the singular and the plural forms.
OPTION_NOTES = {
    "en": (
        "users wait 1 day without the seats",
        "seats paid for 2 days before they are needed",
        "seats paid for 122 days before they are needed",
    ),
    "fr": (
        "les utilisateurs attendent 1 jour sans les postes",
        "postes payés 2 jours avant d’être nécessaires",  # noqa: RUF001
        "postes payés 122 jours avant d’être nécessaires",  # noqa: RUF001
    ),
    "de": (
        "Nutzer warten 1 Tag ohne die Lizenzplätze",
        "Lizenzplätze 2 Tage vor dem Bedarf bezahlt",
        "Lizenzplätze 122 Tage vor dem Bedarf bezahlt",
    ),
    "es": (
        "los usuarios esperan 1 día sin los puestos",
        "puestos pagados 2 días antes de necesitarse",
        "puestos pagados 122 días antes de necesitarse",
    ),
    "it": (
        "gli utenti attendono 1 giorno senza le postazioni",
        "postazioni pagate 2 giorni prima che servano",
        "postazioni pagate 122 giorni prima che servano",
    ),
}


def noted_options():
    waiting = compare_add_timing(yearly(), 1, dt.date(2026, 12, 31), on=dt.date(2026, 3, 1)).option(
        Timing.AT_RENEWAL
    )
    early = compare_add_timing(yearly(), 1, dt.date(2026, 3, 3), on=dt.date(2026, 3, 1))
    later = compare_add_timing(yearly(), 1, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    return waiting, early.option(Timing.NOW), later.option(Timing.NOW)


@pytest.mark.parametrize("language", OPTION_NOTES)
def test_an_option_note_is_written_in_each_language(language):
    notes = tuple(option.note_in(language) for option in noted_options())
    assert notes == OPTION_NOTES[language]


def test_an_option_note_matches_its_line_of_the_explanation():
    plan = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    for language in OPTION_NOTES:
        lines = plan.explain(language).splitlines()
        for option in plan.options:
            note = option.note_in(language)
            assert not note or any(line.endswith(f"; {note}") for line in lines)
    assert plan.option(Timing.WHEN_NEEDED).note_in("de") == ""


def test_the_english_note_keeps_its_text_and_note_in_writes_the_plural():
    waiting, early, _ = noted_options()
    assert waiting.note == "users wait 1 day(s) without the seats"
    assert early.note == "seats paid for 2 day(s) before they are needed"
    assert (waiting.note_in(), early.note_in()) == OPTION_NOTES["en"][:2]


def test_a_moment_and_a_note_check_the_locale_like_an_explanation():
    option = noted_options()[0]
    for write in (Timing.NOW.label_in, option.note_in):
        for bad in ("fr@/../../x", "xx_YY", "../en", ""):
            with pytest.raises(InvalidValueError) as caught:
                write(bad)
            assert caught.value.field == "locale"
        with pytest.raises(InvalidTypeError):
            write(7)
        # A regional locale reads its language; a language without a catalog reads English.
        assert write("fr_CA") == write("fr")
        assert write("pt_BR") == write("en")


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ({"subscription": {}}, InvalidTypeError, "subscription: got {}"),
        ({"adding": True}, InvalidTypeError, "adding: got True"),
        ({"adding": 0}, InvalidValueError, "adding: got 0"),
        ({"adding": 1.0}, InvalidTypeError, "adding: got 1.0"),
        ({"needed_on": "2026-07-01"}, InvalidTypeError, "needed_on: got '2026-07-01'"),
        ({"on": dt.datetime(2026, 3, 1, tzinfo=dt.UTC)}, InvalidTypeError, "on: got the"),
        ({"on": dt.date(2025, 12, 31)}, OutsideTermError, "on: got 2025-12-31"),
        ({"on": dt.date(2027, 1, 1)}, OutsideTermError, "on: got 2027-01-01"),
        ({"needed_on": dt.date(2026, 2, 28)}, InvalidValueError, "needed_on: got 2026-02-28"),
        ({"convention": "seconds"}, InvalidValueError, "convention: got 'seconds'"),
        ({"convention": "stripe"}, InvalidValueError, "planning works on dates"),
        ({"convention": "nope"}, InvalidValueError, "convention: got 'nope'"),
        ({"rounding": "HALF_UP"}, InvalidValueError, "rounding: got 'HALF_UP'"),
        ({"renewal_unit_price": Decimal(1)}, InvalidTypeError, "renewal_unit_price: got"),
        (
            {"renewal_unit_price": Money("1", "EUR")},
            CurrencyMismatchError,
            "renewal_unit_price: got Money('1', 'EUR'); expected a price in USD",
        ),
        ({"renewal_unit_price": Money("-1", "USD")}, InvalidValueError, "expected a price >= 0"),
    ],
)
def test_timing_refuses_bad_input(change, error, message):
    arguments = {
        "subscription": yearly(),
        "adding": 1,
        "needed_on": dt.date(2026, 7, 1),
        "on": dt.date(2026, 3, 1),
    }
    arguments.update(change)
    with pytest.raises(error, match=re.escape(message) if "Money(" in message else message):
        compare_add_timing(**arguments)


def test_timing_records_that_do_not_add_up_are_refused():
    data = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1)).to_dict()
    assert AddTimingComparison.from_dict({k: v for k, v in data.items() if k != "options"})
    with pytest.raises(InvalidValueError, match="best: got 'NOW'"):
        AddTimingComparison.from_dict({**data, "best": "NOW"})
    with pytest.raises(InvalidValueError, match="missing \\['on'\\]"):
        AddTimingComparison.from_dict({k: v for k, v in data.items() if k != "on"})


def changed(data, path, value):
    """A deep copy of ``data`` with the value at ``path`` (keys and indexes) replaced."""
    copy = json.loads(json.dumps(data))
    *parents, last = path
    target = copy
    for key in parents:
        target = target[key]
    target[last] = value
    return copy


V, T = InvalidValueError, InvalidTypeError


@pytest.mark.parametrize(
    ("path", "value", "error", "field"),
    [
        # the nested records are read first, each error named by its dotted field
        (("subscription", "unit_price", "amount"), "x", V, "subscription.unit_price.amount"),
        (("subscription", "seats"), 0, V, "subscription.seats"),
        (("renewal_unit_price",), "1260", T, "renewal_unit_price"),
        (("renewal_unit_price", "currency"), "usd", V, "renewal_unit_price.currency"),
        (("convention",), {"name": "c", "unit": "week"}, V, "convention.unit"),
        (("convention",), "weekly", V, "convention"),
        (("options",), "x", T, "options"),
        (("options", 1), [], T, "options[1]"),
        (("options", 1, "part"), 0.5, T, "options[1].part"),
        (("options", 1, "part"), "1/0", V, "options[1].part"),
        (("options", 1, "timing"), "LATER", V, "options[1].timing"),
        (("options", 2, "until_renewal", "amount"), "1.00", V, "options[2].until_renewal"),
        (("options", 0, "waiting_days"), 3, V, "options[0].idle_days"),
        # then computed again: the first value that differs is named
        (
            ("options", 1, "until_renewal", "amount"),
            "1209.87",
            V,
            "options[1].until_renewal.amount",
        ),
        (("options", 0, "idle_days"), 121, V, "options[0].idle_days"),
        (("options", 0, "part"), "305/365", V, "options[0].part"),
    ],
)
def test_timing_records_name_the_nested_value_at_fault(path, value, error, field):
    data = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1)).to_dict()
    with pytest.raises(error) as caught:
        AddTimingComparison.from_dict(changed(data, path, value))
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_an_option_reads_back_and_checks_its_own_figures():
    plan = compare_add_timing(yearly(), 2, dt.date(2026, 7, 1), on=dt.date(2026, 3, 1))
    for option in plan.options:
        assert TimingOption.from_dict(json.loads(json.dumps(option.to_dict()))) == option
    renewal = plan.option(Timing.AT_RENEWAL).to_dict()
    with pytest.raises(InvalidValueError, match="part: got 1/2, which contradicts timing"):
        TimingOption.from_dict({**renewal, "part": "1/2"})
    with pytest.raises(InvalidValueError, match="part: got 3/2; expected a Fraction from 0 to 1"):
        TimingOption.from_dict({**renewal, "part": "3/2"})
    with pytest.raises(CurrencyMismatchError, match="from_renewal"):
        TimingOption.from_dict({**renewal, "from_renewal": {"amount": "1", "currency": "EUR"}})


# -- alignment: worked examples ---------------------------------------------------------------


def test_align_on_the_latest_term_end_by_hand():
    price = Money("120.00", "EUR")
    march = yearly(
        seats=3, unit_price=price, term_start=dt.date(2025, 3, 1), term_end=dt.date(2026, 3, 1)
    )
    june = yearly(
        seats=5, unit_price=price, term_start=dt.date(2025, 6, 1), term_end=dt.date(2026, 6, 1)
    )
    quote = align([march, june])
    first, second = quote.lines
    # 2026-03-01 to 06-01 is 31 + 30 + 31 = 92 days of the 365-day period [2026-03-01, 2027-03-01):
    # 3 x 120 x 92/365 = 33120/365 = 90.7397... -> 90.74
    assert (first.whole_periods, first.part, first.amount) == (
        0,
        Fraction(92, 365),
        Money("90.74", "EUR"),
    )
    assert (second.fraction, second.amount) == (0, Money("0.00", "EUR"))
    assert quote.total == Money("90.74", "EUR")
    assert quote.target == dt.date(2026, 6, 1)
    assert quote.anchor == dt.date(2025, 6, 1)  # june's grid holds the target
    assert quote.extended[0].term_start == dt.date(2025, 3, 1)
    assert renew(quote.extended[0]).term_end == dt.date(2027, 6, 1)
    # the same with ROUND_DOWN, and with 30E/360 (90 of 360 days: 3 x 120 / 4 = 90.00)
    assert align([march, june], rounding="ROUND_DOWN").total == Money("90.73", "EUR")
    assert align([march, june], convention=THIRTY_360).total == Money("90.00", "EUR")


def test_align_explain_and_html():
    price = Money("120.00", "EUR")
    march = yearly(
        seats=3, unit_price=price, term_start=dt.date(2025, 3, 1), term_end=dt.date(2026, 3, 1)
    )
    june = yearly(
        seats=5, unit_price=price, term_start=dt.date(2025, 6, 1), term_end=dt.date(2026, 6, 1)
    )
    quote = align([march, june])
    # 92 days from 2026-03-01 to 06-01, of the 365 of the period to 2027-03-01
    assert quote.explain() == (
        "Aligning 2 subscriptions on June 1, 2026\n"
        "Renewal dates: every 12 months from the anchor June 1, 2025\n"
        "Counting: convention actual_days, rounding ROUND_HALF_UP (half up)\n"
        "1. March 1, 2026 to June 1, 2026: 3 × €120.00 × 92/365 = €90.74\n"
        "2. Ends on June 1, 2026: already aligned, €0.00\n"
        "Total: €90.74"
    )
    html = quote._repr_html_()
    assert html.count("<tr>") == 5
    assert "<th>Total</th><td>€90.74</td>" in html


def test_one_whole_period_costs_one_unit_price_whatever_its_days():
    sub = yearly(seats=3, term_start=dt.date(2026, 3, 1), term_end=dt.date(2027, 3, 1))
    # 2027-03-01 to 2028-03-01 has 366 days (2028 is a leap year): still one period, 3 x 1200
    (line,) = align([sub], target=dt.date(2028, 3, 1)).lines
    assert (line.whole_periods, line.part, line.amount) == (1, 0, Money("3600.00", "USD"))
    assert line.describe_fraction() == "1"


def test_month_end_anchors_survive_the_alignment():
    end_of_month = monthly(dt.date(2026, 1, 31), dt.date(2026, 2, 28), 2)
    tenth = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    quote = align([end_of_month, tenth])
    assert quote.target == dt.date(2026, 2, 28)
    # the target lies on the Jan 31 grid: keep it, so the next renewal is Mar 31, not Mar 28
    assert quote.anchor == dt.date(2026, 1, 31)
    assert renew(quote.extended[1]).term_end == dt.date(2026, 3, 31)
    # [02-10, 02-28) is 18 days of the 28-day period [02-10, 03-10): 100 x 9/14 = 64.2857 -> 64.29
    assert quote.lines[1].part == Fraction(9, 14)
    assert quote.total == Money("64.29", "USD")


def test_whole_periods_then_a_prorated_piece():
    end_of_month = monthly(dt.date(2026, 1, 31), dt.date(2026, 2, 28), 2)
    tenth = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    quote = align([end_of_month, tenth], target=dt.date(2026, 5, 15))
    first, second = quote.lines
    # 02-28 -> 03-31 -> 04-30: 2 periods; [04-30, 05-15) is 15 of 31 days of [04-30, 05-31):
    # 2 x 100 x (2 + 15/31) = 15400/31 = 496.774... -> 496.77
    assert (first.whole_periods, first.part, first.amount) == (
        2,
        Fraction(15, 31),
        Money("496.77", "USD"),
    )
    # 02-10 -> 03-10 -> 04-10 -> 05-10: 3 periods; [05-10, 05-15) is 5 of 31 days:
    # 100 x (3 + 5/31) = 9800/31 = 316.129... -> 316.13
    assert (second.whole_periods, second.part, second.amount) == (
        3,
        Fraction(5, 31),
        Money("316.13", "USD"),
    )
    assert quote.total == Money("812.90", "USD")
    # no grid holds 05-15: the target becomes the anchor
    assert quote.anchor == dt.date(2026, 5, 15)
    assert [sub.term_end for sub in quote.extended] == [dt.date(2026, 5, 15)] * 2
    assert "2 × $100.00 × (2 + 15/31) = $496.77" in quote.explain()


def test_an_anchor_of_the_callers_choice():
    a = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    quote = align([a], target=dt.date(2026, 3, 31), anchor=dt.date(2025, 12, 31))
    assert quote.extended[0].anchor == dt.date(2025, 12, 31)
    with pytest.raises(InvalidValueError, match="anchor: got 2026-01-01"):
        align([a], target=dt.date(2026, 3, 31), anchor=dt.date(2026, 1, 1))
    with pytest.raises(InvalidValueError, match="anchor: got 2026-04-30"):
        align([a], target=dt.date(2026, 3, 31), anchor=dt.date(2026, 4, 30))


def test_align_accepts_a_tuple():
    a = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    assert align((a,)).total == Money("0.00", "USD")


@pytest.mark.parametrize(
    ("subscriptions", "options", "error", "message"),
    [
        ("empty", {}, InvalidValueError, "subscriptions: got an empty list"),
        (None, {}, InvalidTypeError, "subscriptions: got None"),
        ("abc", {}, InvalidTypeError, "subscriptions: got 'abc'"),
        (iter([]), {}, InvalidTypeError, "subscriptions: got <list_iterator"),
        ("single", {}, InvalidTypeError, "got a single Subscription"),
        (["mixed"], {}, InvalidTypeError, r"subscriptions\[1\]: got 'x'"),
        (["period"], {}, InvalidValueError, r"subscriptions\[1\].period_months: got 12"),
        (["currency"], {}, CurrencyMismatchError, r"subscriptions\[1\].unit_price: got 1 EUR"),
        (
            [],
            {"target": dt.date(2026, 2, 9)},
            InvalidValueError,
            r"target: got 2026-02-09, before subscriptions\[0\]'s term end 2026-02-10",
        ),
        ([], {"target": dt.datetime(2026, 3, 1, tzinfo=dt.UTC)}, InvalidTypeError, "target: got"),
        ([], {"convention": "seconds"}, InvalidValueError, "convention: got 'seconds'"),
        ([], {"rounding": "up"}, InvalidValueError, "rounding: got 'up'"),
    ],
)
def test_align_refuses_bad_input(subscriptions, options, error, message):
    a = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    other = {
        "mixed": "x",
        "period": yearly(),
        "currency": Subscription(
            seats=1,
            unit_price=Money("1", "EUR"),
            term_start=dt.date(2026, 1, 1),
            term_end=dt.date(2026, 2, 1),
            period_months=1,
            country="FR",
        ),
    }
    if subscriptions == "single":
        subscriptions = a
    elif subscriptions == "empty":
        subscriptions = []
    elif isinstance(subscriptions, list):
        subscriptions = [a, *(other[name] for name in subscriptions)]
    with pytest.raises(error, match=message) as caught:
        align(subscriptions, **options)
    assert isinstance(caught.value, SeatcalcError)


def test_alignment_records_that_do_not_add_up_are_refused():
    a = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    data = align([a], target=dt.date(2026, 3, 1)).to_dict()
    # [02-10, 03-01) is 19 of the 28 days of [02-10, 03-10): 100 x 19/28 = 67.857... -> 67.86
    assert data["total"] == {"amount": "67.86", "currency": "USD"}
    assert AlignmentQuote.from_dict({k: v for k, v in data.items() if k != "lines"})
    with pytest.raises(InvalidValueError, match=r"total\.amount: got '67\.85'"):
        AlignmentQuote.from_dict({**data, "total": {"amount": "67.85", "currency": "USD"}})
    with pytest.raises(InvalidTypeError, match="subscriptions: got 'x'"):
        AlignmentQuote.from_dict({**data, "subscriptions": "x"})


@pytest.mark.parametrize(
    ("path", "value", "error", "field"),
    [
        (("subscriptions", 0, "seats"), 0, V, "subscriptions[0].seats"),
        (("subscriptions", 0), "x", T, "subscriptions[0]"),
        (("lines", 0, "subscription", "country"), "us", V, "lines[0].subscription.country"),
        (("lines", 0, "new_anchor"), "2026-03-02", V, "lines[0].new_anchor"),
        (("lines", 0, "new_term_end"), "2026-02-01", V, "lines[0].new_term_end"),
        (("lines", 0, "whole_periods"), 1, V, "lines[0].whole_periods"),
        (("lines", 0, "term_end"), "2026-02-11", V, "lines[0].term_end"),
        (("lines", 0, "amount", "currency"), "EUR", CurrencyMismatchError, "lines[0].amount"),
        (("lines", 0, "part"), "9/28", V, "lines[0].part"),
        (("total", "amount"), "x", V, "total.amount"),
        (("total", "amount"), "67.85", V, "total.amount"),
        (("convention",), 3, T, "convention"),
    ],
)
def test_alignment_records_name_the_nested_value_at_fault(path, value, error, field):
    a = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    data = align([a], target=dt.date(2026, 3, 1)).to_dict()
    with pytest.raises(error) as caught:
        AlignmentQuote.from_dict(changed(data, path, value))
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_a_line_reads_back_with_its_subscription_and_checks_its_grid():
    a = monthly(dt.date(2026, 1, 10), dt.date(2026, 2, 10), 1)
    (line,) = align([a], target=dt.date(2026, 5, 15)).lines
    data = line.to_dict()
    assert data["subscription"] == a.to_dict()
    assert (data["new_term_end"], data["new_anchor"]) == ("2026-05-15", "2026-05-15")
    again = AlignmentLine.from_dict(json.loads(json.dumps(data)))
    assert again == line
    assert again.extended == attrs.evolve(
        a, term_end=dt.date(2026, 5, 15), anchor=dt.date(2026, 5, 15)
    )
    # 02-10 to 05-15: three whole months on the 10th's grid, then 5 of 31 days
    with pytest.raises(
        InvalidValueError, match=r"whole_periods: got 2, .*; expected 3, the periods"
    ):
        AlignmentLine.from_dict({**data, "whole_periods": 2})
    aligned = align([a]).lines[0].to_dict()
    with pytest.raises(
        InvalidValueError, match=r"amount: got Money\('1.00', 'USD'\), .*; expected 0"
    ):
        AlignmentLine.from_dict({**aligned, "amount": {"amount": "1.00", "currency": "USD"}})

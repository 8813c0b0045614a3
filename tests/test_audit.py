"""Checking charged amounts: worked examples, every convention found, exports, round trips."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import (
    CHANNELS,
    CONVENTIONS,
    MINOR_UNIT_TABLES,
    ROUNDING_MODES,
    ChargeCheck,
    ChargeMatch,
    ChargeVerdict,
    CurrencyMismatchError,
    InvalidTypeError,
    Money,
    OutsideTermError,
    Policy,
    SeatcalcError,
    Subscription,
    check_charge,
    check_charges,
    quote_add_seats,
)
from strategies import subscriptions_with_day

ANYONE = Policy(
    allowed=frozenset({"001"}), channels=CHANNELS, cutoff=None, auto_renew_required=False
)
JULY = dt.date(2026, 7, 1)
SUB = Subscription(
    seats=5,
    unit_price=Money("1200.00", "USD"),
    term_start=dt.date(2026, 1, 1),
    term_end=dt.date(2027, 1, 1),
    country="US",
)


# -- worked examples ----------------------------------------------------------------------


def test_a_charge_seatcalc_computes_is_reproduced():
    # 2 x 1200.00 x 184/365 = 1209.8630...: 1209.86 half up.
    check = check_charge(SUB, 2, JULY, Money("1209.86", "USD"))
    assert check.reproduced
    assert check.status == "reproduced"
    assert check.expected == Money("1209.86", "USD")
    assert check.difference == Money("0.00", "USD")
    assert ChargeMatch(convention="actual_days", rounding="ROUND_HALF_UP", minor_units="cldr") in (
        check.matches
    )


def test_a_charge_of_another_convention_names_it():
    # Chargebee counts 2026-07-01 to 2027-01-01 as 184 of 365 days... to the millisecond from
    # midnight, its default: the preset "chargebee" gives 1203.29 here, actual days 1209.86.
    check = check_charge(SUB, 2, JULY, Money("1203.29", "USD"))
    assert not check.reproduced
    assert check.status == "other_convention"
    assert {match.convention for match in check.matches} == {"chargebee"}
    assert check.difference_minor == -657


def test_a_charge_nothing_explains_gives_the_difference_in_minor_units():
    check = check_charge(SUB, 2, JULY, 120999)  # minor units, as an engine writes them
    assert check.charged == Money("1209.99", "USD")
    assert check.status == "unexplained"
    assert check.matches == ()
    assert check.difference_minor == 13
    assert "differs by $0.13, 13 minor units" in check.explain("en_US")


def test_a_charge_in_another_table_is_found_with_its_table():
    idr = Subscription(
        seats=1,
        unit_price=Money("1200000", "IDR"),
        term_start=dt.date(2026, 1, 1),
        term_end=dt.date(2027, 1, 1),
        country="ID",
    )
    # Stripe bills IDR with two decimals: 604,931.51 (CLDR rounds to 604,932 rupiah).
    check = check_charge(idr, 1, JULY, 60493151, minor_units="stripe")
    assert check.reproduced
    default = check_charge(idr, 1, JULY, Money("604931.51", "IDR"))
    assert default.expected == Money("604932", "IDR")
    assert default.difference_minor == Decimal("-0.49")
    assert {match.minor_units.name for match in default.matches} == {"iso4217", "stripe"}


def test_refusals_name_the_argument():
    with pytest.raises(CurrencyMismatchError) as mismatch:
        check_charge(SUB, 2, JULY, Money("1209.86", "EUR"))
    assert mismatch.value.field == "charged"
    with pytest.raises(InvalidTypeError) as floating:
        check_charge(SUB, 2, JULY, 1209.86)  # type: ignore[arg-type]
    assert floating.value.code == "FLOAT_NOT_EXACT"
    with pytest.raises(OutsideTermError) as outside:
        check_charge(SUB, 2, dt.date(2027, 1, 1), Money("1", "USD"))
    assert outside.value.field == "on"


# -- the property: whatever produced an amount is found ------------------------------------


@given(
    subscriptions_with_day(currency=st.sampled_from(("USD", "JPY", "KWD", "CHF", "HUF"))),
    st.integers(1, 40),
    st.sampled_from(tuple(CONVENTIONS)),
    st.sampled_from(ROUNDING_MODES),
    st.sampled_from(MINOR_UNIT_TABLES),
)
def test_check_charge_finds_the_convention_and_mode_that_produced_an_amount(
    sub_day, seats, name, mode, table
):
    sub, day = sub_day
    quote = quote_add_seats(
        sub, seats, day, policy=ANYONE, convention=name, rounding=mode, minor_units=table
    )
    assert quote.total is not None
    check = check_charge(sub, seats, day, quote.total)
    assert ChargeMatch(convention=name, rounding=mode, minor_units=table) in check.matches
    same = check_charge(
        sub, seats, day, quote.total, convention=name, rounding=mode, minor_units=table
    )
    assert same.reproduced
    assert same.difference_minor == 0
    # Every match listed does reproduce the amount (no false positives).
    for match in check.matches[:5]:
        again = quote_add_seats(
            sub,
            seats,
            day,
            policy=ANYONE,
            convention=match.convention,
            rounding=match.rounding,
            minor_units=match.minor_units,
        )
        assert again.total == quote.total


@given(subscriptions_with_day(), st.integers(1, 40), st.integers(-(10**6), 10**6))
def test_a_check_round_trips_and_its_difference_adds_up(sub_day, seats, offset):
    sub, day = sub_day
    expected = quote_add_seats(sub, seats, day, policy=ANYONE).total
    assert expected is not None
    charged = Money.from_minor(expected.to_minor() + offset, expected.currency)
    check = check_charge(sub, seats, day, charged)
    assert check.expected + check.difference == charged
    assert check.difference_minor == offset
    assert check.reproduced == (offset == 0)
    assert ChargeCheck.from_dict(check.to_dict()) == check


# -- explanations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "title"),
    [
        ("en", "Checking a charge for 2 seats added on July 1, 2026"),
        ("fr", "Contrôle d’un montant facturé pour 2 postes ajoutés le 1 juillet 2026"),  # noqa: RUF001
        ("de", "Prüfung eines berechneten Betrags für 2 am 1. Juli 2026 hinzugefügte Lizenzplätze"),
        ("es", "Comprobación de un cargo por 2 puestos añadidos el 1 de julio de 2026"),
        ("it", "Verifica di un addebito per 2 postazioni aggiunte in data 1 luglio 2026"),
    ],
)
def test_the_check_is_written_in_five_languages(locale, title):
    text = check_charge(SUB, 2, JULY, Money("1203.29", "USD")).explain(locale)
    assert text.splitlines()[0] == title
    assert "chargebee (ROUND_HALF_UP" in text


def test_the_english_explanation_in_full():
    assert check_charge(SUB, 2, JULY, Money("1209.86", "USD")).explain("en_US").splitlines()[
        :4
    ] == [
        "Checking a charge for 2 seats added on July 1, 2026",
        "Charged: $1,209.86",
        "seatcalc's amount: $1,209.86 (convention actual_days, ROUND_HALF_UP, minor units cldr)",
        "Verdict: reproduced exactly",
    ]


def test_the_notebook_table_is_escaped():
    html = check_charge(SUB, 2, JULY, Money("1209.86", "USD"))._repr_html_()
    assert html.startswith("<table><caption>Checking a charge for 2 seats")
    assert "<th>seatcalc&#x27;s amount</th>" in html


# -- exports --------------------------------------------------------------------------------

EXPORT = """\
invoice,unit_price,currency,term_start,term_end,seats,on,charged,charged_minor,convention
in_1,1200.00,USD,2026-01-01,2027-01-01,2,2026-07-01,1209.86,,
in_2,1200.00,USD,2026-01-01,2027-01-01,2,2026-07-01,,120329,
in_3,1200.00,USD,2026-01-01,2027-01-01,2,2026-07-01,1203.29,,chargebee
in_4,1200.00,USD,2026-01-01,2027-01-01,two,2026-07-01,1209.86,,
in_5,1200.00,USD,2026-01-01,2027-01-01,2,2027-02-01,1209.86,,
in_6,1200.00,EUR,2026-01-01,2027-01-01,2,2026-07-01,1209.99,,
"""


def _rows():
    rows = list(csv.DictReader(io.StringIO(EXPORT)))
    for row in rows:
        del row["invoice"]
    return rows


def test_an_export_gets_one_verdict_per_row_and_bad_rows_carry_their_error():
    verdicts = check_charges(_rows())
    assert [verdict.status for verdict in verdicts] == [
        "reproduced",
        "other_convention",
        "reproduced",
        "error",
        "error",
        "unexplained",
    ]
    assert [verdict.row for verdict in verdicts] == list(range(6))
    bad_count, outside = verdicts[3].error, verdicts[4].error
    assert bad_count is not None
    assert outside is not None
    assert (bad_count["field"], bad_count["code"]) == ("rows[3].seats", "INVALID_NUMBER")
    assert (outside["field"], outside["code"]) == ("rows[4].on", "OUTSIDE_TERM")
    assert verdicts[3].explain("en").splitlines() == [
        "Row 3 of the export",
        f"Verdict: the row could not be checked: {bad_count['message']}",
    ]


def test_verdicts_round_trip():
    for verdict in check_charges(_rows()):
        assert ChargeVerdict.from_dict(verdict.to_dict()) == verdict


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"unit_price": "1"}, "rows[0]"),
        ("not a row", "rows[0]"),
        ({**_rows()[0], "charged_minor": "120986"}, "rows[0].charged"),
        ({**_rows()[0], "charged": "1209.8600000000000000000000000000001"}, "rows[0].charged"),
        ({**_rows()[0], "term_start": "2026-13-01"}, "rows[0].term_start"),
        ({**_rows()[0], "minor_units": "ledger"}, "rows[0].minor_units"),
        ({**_rows()[0], "rounding": "HALF_UP"}, "rows[0].rounding"),
        ({**_rows()[0], "seats": "--2"}, "rows[0].seats"),
        ({**_rows()[0], "seats": "-"}, "rows[0].seats"),
        ({**_rows()[0], "seats": "- 2"}, "rows[0].seats"),
    ],
)
def test_a_bad_row_never_stops_the_others(row, field):
    verdicts = check_charges([row, _rows()[0]])
    assert verdicts[0].status == "error"
    assert verdicts[0].error is not None
    assert verdicts[0].error["field"] == field
    assert verdicts[1].status == "reproduced"


def test_rows_must_be_an_iterable_of_rows():
    with pytest.raises(InvalidTypeError) as caught:
        check_charges({"unit_price": "1"})
    assert caught.value.field == "rows"


def test_a_pyarrow_table_is_checked_row_by_row():
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {
            "unit_price": pa.array([Decimal("1200.00"), Decimal("1200.00")], pa.decimal128(12, 2)),
            "currency": ["USD", "USD"],
            "term_start": pa.array([dt.date(2026, 1, 1)] * 2, pa.date32()),
            "term_end": pa.array([dt.date(2027, 1, 1)] * 2, pa.date32()),
            "seats": pa.array([2, 2], pa.int64()),
            "on": pa.array([JULY, JULY], pa.date32()),
            "charged_minor": pa.array([120986, 120329], pa.int64()),
        }
    )
    verdicts = check_charges(table)
    assert [verdict.status for verdict in verdicts] == ["reproduced", "other_convention"]
    # A float column (what CSV type inference gives) is refused row by row, never rounded.
    floats = table.set_column(0, "unit_price", pa.array([1200.0, 1200.0], pa.float64()))
    refused = check_charges(floats)
    assert [verdict.status for verdict in refused] == ["error", "error"]
    assert refused[0].error is not None
    assert refused[0].error["code"] == "FLOAT_NOT_EXACT"


def test_verdicts_and_checks_are_hashable_values():
    verdicts = check_charges(_rows())
    assert len({*verdicts, *check_charges(_rows())}) == len(verdicts)
    assert verdicts[3].error == check_charges(_rows())[3].error


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"convention": ["x"], "rounding": "ROUND_UP", "minor_units": "cldr"}, "convention"),
        ({"convention": {}, "rounding": "ROUND_UP", "minor_units": "cldr"}, "convention"),
        ({"convention": 5, "rounding": "ROUND_UP", "minor_units": "cldr"}, "convention"),
    ],
)
def test_a_match_of_a_bad_convention_is_refused_naming_it(data, field):
    with pytest.raises(SeatcalcError) as caught:
        ChargeMatch.from_dict(data)
    assert caught.value.field == field


def test_verdicts_and_checks_survive_pickle_and_copy():
    for verdict in check_charges(_rows()):
        for value in (verdict, verdict.check):
            assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own bytes
            assert copy.copy(value) == value
            assert copy.deepcopy(value) == value


def test_the_single_check_is_still_read_from_seatcalc_audit():
    from seatcalc import audit  # noqa: PLC0415 - the module itself is what is tested

    assert audit.check_charge is check_charge
    assert (audit.ChargeCheck, audit.ChargeMatch) == (ChargeCheck, ChargeMatch)
    assert "unit_price" in audit.ROW_COLUMNS
    # A pickle written when the check was defined in seatcalc.audit still loads (protocol 0
    # names the class as text, so the module's name can be put back).
    check = check_charges(_rows())[0].check
    old = pickle.dumps(check, protocol=0).replace(b"seatcalc._charge_check", b"seatcalc.audit")
    assert b"seatcalc.audit\nChargeCheck" in old
    assert pickle.loads(old) == check  # noqa: S301 - our own bytes


@pytest.mark.parametrize("module", [b"seatcalc.audit", b"seatcalc._charge_check"])
def test_a_match_pickled_where_it_was_defined_before_still_loads(module):
    match = ChargeMatch(convention="stripe", rounding="ROUND_HALF_UP", minor_units="stripe")
    new = pickle.dumps(match, protocol=0)
    assert b"seatcalc._charge_matches\nChargeMatch" in new
    old = new.replace(b"seatcalc._charge_matches", module)
    assert pickle.loads(old) == match  # noqa: S301 - our own bytes

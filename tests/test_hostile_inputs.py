"""A catalogue of hostile inputs: each is refused with a seatcalc error that names its field.

Every case calls the public API the way a careless or hostile caller would, and checks that
the answer is a :class:`~seatcalc.SeatcalcError` of the right kind (never an internal exception
such as ``decimal.Overflow``, ``ZeroDivisionError`` or a raw ``TypeError``, and never a number),
whose ``field`` is the name the caller used, whose message starts with that field, and whose
``to_dict()`` is JSON a service can return.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

import attrs
import pytest

from seatcalc import (
    SECONDS,
    AddSeatsQuote,
    Convention,
    CurrencyMismatchError,
    Decision,
    Eligibility,
    ErrorCode,
    InvalidTypeError,
    InvalidValueError,
    LifecyclePolicy,
    Money,
    OutsideTermError,
    Policy,
    Reason,
    SeatcalcError,
    SeatReduction,
    Subscription,
    Term,
    UnknownCurrencyError,
    align,
    can_remove_seats,
    check_eligibility,
    compare_add_timing,
    convention_named,
    coterm_end,
    countries_in,
    minor_unit_digits,
    next_renewal,
    prorate,
    quote_add_seats,
    renew,
    renewal_dates,
    round_ratio,
    schedule_seat_reduction,
    status_changes,
    status_on,
    term_containing,
    usage_report,
)

D = dt.date
UTC = dt.UTC
USD = Money("1200.00", "USD")
START, END, DAY = D(2026, 1, 1), D(2027, 1, 1), D(2026, 7, 1)


def sub(**changes: object) -> Subscription:
    fields: dict[str, object] = {
        "seats": 5,
        "unit_price": USD,
        "term_start": START,
        "term_end": END,
        "country": "US",
    }
    return Subscription(**(fields | changes))  # type: ignore[arg-type]


def new_sub(**changes: object) -> Callable[[], object]:
    return lambda: sub(**changes)


SUB = sub()
LAST = sub(term_start=D(9998, 12, 31), term_end=D(9999, 12, 31), anchor=D(9997, 12, 31))
AT = (dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC))
QUOTE = quote_add_seats(SUB, 2, DAY).to_dict()
OFFSET = dt.timezone(dt.timedelta(seconds=0.5))


class Case(NamedTuple):
    """One hostile call: what it is, the call, the error class and the field it must name."""

    name: str
    call: Callable[[], object]
    kind: type[SeatcalcError]
    field: str


V, T = InvalidValueError, InvalidTypeError

MONEY = (
    [
        Case(f"amount {value!r}", lambda value=value: Money(value, "USD"), kind, "amount")
        for value, kind in [
            (1.5, T),
            (float("nan"), T),
            (True, T),
            (None, T),
            ("abc", V),
            ("", V),
            (" 1.5", V),
            ("1.5 ", V),
            ("1_000", V),
            ("NaN", V),
            ("Infinity", V),
            ("-inf", V),
            ("sNaN", V),
            (Decimal("NaN"), V),
            (Decimal("-Infinity"), V),
            (Decimal("sNaN"), V),
            ("1e999999999", V),
            ("1e-999999999", V),
            ("1e18", V),
            (Decimal("1e-31"), V),
            ("١٢٣", V),  # Arabic-Indic digits
            ("\uff11\uff12", V),  # fullwidth digits
            ("1" * 200, V),
            (10**18, V),
            (-(10**18), V),
            (Fraction(1, 3), T),
            ([1], T),
            (b"12", T),
            (complex(1), T),
        ]
    ]
    + [
        Case("amount 10**5000", lambda: Money(10**5000, "USD"), V, "amount"),
        Case("amount 2000 digits of text", lambda: Money("9" * 2000, "USD"), V, "amount"),
    ]
    + [
        Case(f"currency {code!r}", lambda code=code: Money("1", code), kind, "currency")
        for code, kind in [
            ("usd", UnknownCurrencyError),
            ("XXX", UnknownCurrencyError),
            ("XTS", UnknownCurrencyError),
            ("XAU", UnknownCurrencyError),
            ("XDR", UnknownCurrencyError),
            ("", UnknownCurrencyError),
            ("US", UnknownCurrencyError),
            ("EURO", UnknownCurrencyError),
            (None, T),
            (840, T),
        ]
    ]
)

EUR = Money("1", "EUR")
BIG = Money("999999999999999999", "USD")
MONEY_OPERATIONS = [
    Case("+ an int", lambda: USD + 1, T, "+"),
    Case("+ euros", lambda: USD + EUR, CurrencyMismatchError, "+"),
    Case("- a str", lambda: USD - "1", T, "-"),  # type: ignore[operator]
    Case("- euros", lambda: USD - EUR, CurrencyMismatchError, "-"),
    Case("+ past the bound", lambda: BIG + BIG, V, "+"),
    Case("* a float", lambda: USD * 1.5, T, "*"),  # type: ignore[operator]
    Case("* a Fraction", lambda: USD * Fraction(1, 3), T, "*"),  # type: ignore[operator]
    Case("* a bool", lambda: USD * True, T, "*"),
    Case("* Money", lambda: USD * USD, T, "*"),  # type: ignore[operator]
    Case("* 10**20", lambda: USD * 10**20, V, "*"),
    Case("* past the bound", lambda: BIG * 2, V, "*"),
    Case("* too many places", lambda: Money("0.000001", "USD") * Decimal("1e-30"), V, "*"),
    Case("< an int", lambda: USD < 1, T, "<"),  # type: ignore[operator]
    Case(">= euros", lambda: USD >= EUR, CurrencyMismatchError, ">="),
    Case("round()", lambda: round(USD), T, "round()"),
    Case("round mode", lambda: USD.round("HALF_UP"), V, "rounding"),
    Case("round mode None", lambda: USD.round(None), T, "rounding"),  # type: ignore[arg-type]
    Case("round digits 31", lambda: USD.round(digits=31), V, "digits"),
    Case("round digits -1", lambda: USD.round(digits=-1), V, "digits"),
    Case("round digits 2.0", lambda: USD.round(digits=2.0), T, "digits"),  # type: ignore[arg-type]
    Case("round digits True", lambda: USD.round(digits=True), T, "digits"),
    Case("allocate None", lambda: USD.allocate(None), T, "weights"),  # type: ignore[arg-type]
    Case("allocate []", lambda: USD.allocate([]), V, "weights"),
    Case("allocate zeros", lambda: USD.allocate([0, 0]), V, "weights"),
    Case("allocate negative", lambda: USD.allocate([-1, 2]), V, "weights[0]"),
    Case("allocate float", lambda: USD.allocate([1, 1.5]), T, "weights[1]"),  # type: ignore[list-item]
    Case("allocate str", lambda: USD.allocate("12"), T, "weights"),  # type: ignore[arg-type]
    Case("allocate bool", lambda: USD.allocate([True]), T, "weights[0]"),
    Case("allocate unrounded", lambda: Money("1.005", "USD").allocate([1]), V, "amount"),
    Case("format xx", lambda: USD.format("xx"), V, "locale"),
    Case("format path", lambda: USD.format("fr@/../../x"), V, "locale"),
    Case("format encoding", lambda: USD.format("en_US.UTF-8"), V, "locale"),
    Case("format None", lambda: USD.format(None), T, "locale"),  # type: ignore[arg-type]
    Case("format mode", lambda: USD.format("en", rounding="x"), V, "rounding"),
    Case("from_exact float", lambda: Money.from_exact(1.5, "USD"), T, "value"),  # type: ignore[arg-type]
    Case("from_exact huge", lambda: Money.from_exact(Fraction(10**40), "USD"), V, "units"),
    Case("from_exact digits", lambda: Money.from_exact(1, "USD", digits=99), V, "digits"),
    Case(
        "from_exact currency", lambda: Money.from_exact(1, "usd"), UnknownCurrencyError, "currency"
    ),
    Case("from_minor float", lambda: Money.from_minor(1.0, "USD"), T, "units"),  # type: ignore[arg-type]
    Case("from_minor bool", lambda: Money.from_minor(True, "USD"), T, "units"),
    Case("from_minor huge", lambda: Money.from_minor(10**30, "USD"), V, "units"),
    Case(
        "from_minor currency", lambda: Money.from_minor(1, "XTS"), UnknownCurrencyError, "currency"
    ),
    Case("to_minor unrounded", lambda: Money("0.125", "USD").to_minor(), V, "amount"),
    Case(
        "from_dict float",
        lambda: Money.from_dict({"amount": 1.5, "currency": "USD"}),
        T,
        "amount",
    ),
    Case("from_dict missing", lambda: Money.from_dict({"amount": "1"}), V, "data"),
    Case(
        "from_dict extra",
        lambda: Money.from_dict({"amount": "1", "currency": "USD", "x": 1}),
        V,
        "data",
    ),
    Case("from_dict str", lambda: Money.from_dict("1 USD"), T, "data"),  # type: ignore[arg-type]
    Case("digits of usd", lambda: minor_unit_digits("usd"), UnknownCurrencyError, "currency"),
    Case("digits 31", lambda: minor_unit_digits("USD", 31), V, "digits"),
    Case("round_ratio zero", lambda: round_ratio(1, 0, "ROUND_HALF_UP"), V, "denominator"),
    Case("round_ratio float", lambda: round_ratio(1.5, 2, "ROUND_UP"), T, "numerator"),  # type: ignore[arg-type]
    Case("round_ratio bool", lambda: round_ratio(True, 2, "ROUND_UP"), T, "numerator"),
    Case("round_ratio float den", lambda: round_ratio(1, 2.0, "ROUND_UP"), T, "denominator"),  # type: ignore[arg-type]
    Case("round_ratio mode", lambda: round_ratio(1, 2, "HALF"), V, "rounding"),
    Case("round_ratio mode list", lambda: round_ratio(1, 2, []), T, "rounding"),  # type: ignore[arg-type]
]

PRORATE = [
    Case("price float", lambda: prorate(1200.0, START, END, DAY), T, "price"),  # type: ignore[arg-type]
    Case("price Decimal", lambda: prorate(Decimal(1), START, END, DAY), T, "price"),  # type: ignore[arg-type]
    Case("price negative", lambda: prorate(Money("-1", "USD"), START, END, DAY), V, "price"),
    Case("empty term", lambda: prorate(USD, START, START, START), V, "term_end"),
    Case("reversed term", lambda: prorate(USD, END, START, DAY), V, "term_end"),
    Case("on the end", lambda: prorate(USD, START, END, END), OutsideTermError, "on"),
    Case("on before", lambda: prorate(USD, START, END, D(2025, 1, 1)), OutsideTermError, "on"),
    Case(
        "on a datetime",
        lambda: prorate(USD, START, END, dt.datetime(2026, 7, 1, tzinfo=UTC)),
        T,
        "on",
    ),
    Case("start a str", lambda: prorate(USD, "2026-01-01", END, DAY), T, "term_start"),  # type: ignore[arg-type]
    Case("quantity 0", lambda: prorate(USD, START, END, DAY, quantity=0), V, "quantity"),
    Case("quantity bool", lambda: prorate(USD, START, END, DAY, quantity=True), T, "quantity"),
    Case("quantity float", lambda: prorate(USD, START, END, DAY, quantity=1.0), T, "quantity"),  # type: ignore[arg-type]
    Case("quantity huge", lambda: prorate(USD, START, END, DAY, quantity=10**20), V, "quantity"),
    Case("rounding list", lambda: prorate(USD, START, END, DAY, rounding=[]), T, "rounding"),  # type: ignore[arg-type]
    Case("rounding up", lambda: prorate(USD, START, END, DAY, rounding="up"), V, "rounding"),
    Case(
        "convention nope", lambda: prorate(USD, START, END, DAY, convention="nope"), V, "convention"
    ),
    Case("convention int", lambda: prorate(USD, START, END, DAY, convention=3), T, "convention"),  # type: ignore[arg-type]
    Case(
        "seconds on dates",
        lambda: prorate(USD, START, END, DAY, convention=SECONDS),
        T,
        "term_start",
    ),
    Case(
        "seconds naive",
        lambda: prorate(
            USD,
            dt.datetime(2026, 1, 1),  # noqa: DTZ001 - naive on purpose
            *AT[1:],
            AT[0],
            convention=SECONDS,
        ),
        T,
        "term_start",
    ),
    Case(
        "seconds with microseconds",
        lambda: prorate(USD, *AT, AT[0].replace(microsecond=5), convention=SECONDS),
        V,
        "on",
    ),
    Case(
        "seconds with a sub-second offset",
        lambda: prorate(USD, AT[0].replace(tzinfo=OFFSET), AT[1], AT[0], convention=SECONDS),
        V,
        "term_start",
    ),
    Case(
        "seconds outside",
        lambda: prorate(USD, *AT, AT[1], convention=SECONDS),
        OutsideTermError,
        "on",
    ),
]

CONVENTION = [
    Case("name empty", lambda: Convention(""), V, "name"),
    Case("name int", lambda: Convention(1), T, "name"),  # type: ignore[arg-type]
    Case("unit hour", lambda: Convention("x", unit="hour"), V, "unit"),
    Case("day_count int", lambda: Convention("x", day_count=5), T, "day_count"),  # type: ignore[arg-type]
    Case("ratio_places 31", lambda: Convention("x", ratio_places=31), V, "ratio_places"),
    Case("ratio_places float", lambda: Convention("x", ratio_places=9.0), T, "ratio_places"),  # type: ignore[arg-type]
    Case("ratio_rounding", lambda: Convention("x", ratio_rounding="x"), V, "ratio_rounding"),
    Case("flag str", lambda: Convention("x", charge_change_day="no"), T, "charge_change_day"),  # type: ignore[arg-type]
    Case(
        "seconds 30/360",
        lambda: Convention("x", unit="second", day_count="30E/360"),
        V,
        "day_count",
    ),
    Case(
        "seconds skip day",
        lambda: Convention("x", unit="second", charge_change_day=False),
        V,
        "charge_change_day",
    ),
    Case("from_dict extra", lambda: Convention.from_dict({"name": "x", "bogus": 1}), V, "data"),
    Case("named None", lambda: convention_named(None), T, "convention"),
    Case("named nope", lambda: convention_named("nope"), V, "convention"),
]

SUBSCRIPTION = [
    Case("seats 0", new_sub(seats=0), V, "seats"),
    Case("seats bool", new_sub(seats=True), T, "seats"),
    Case("seats str", new_sub(seats="3"), T, "seats"),
    Case("price int", new_sub(unit_price=1200), T, "unit_price"),
    Case("price negative", new_sub(unit_price=Money("-1", "USD")), V, "unit_price"),
    Case(
        "start datetime", new_sub(term_start=dt.datetime(2026, 1, 1, tzinfo=UTC)), T, "term_start"
    ),
    Case("end before start", new_sub(term_end=D(2025, 1, 1)), V, "term_end"),
    Case("end off the grid", new_sub(term_end=D(2026, 12, 15)), V, "term_end"),
    Case("country fr", new_sub(country="fr"), V, "country"),
    Case("country EU", new_sub(country="EU"), V, "country"),
    Case("country ZZ", new_sub(country="ZZ"), V, "country"),
    Case("country int", new_sub(country=250), T, "country"),
    Case("channel web", new_sub(channel="web"), V, "channel"),
    Case("period 0", new_sub(period_months=0), V, "period_months"),
    Case("period 121", new_sub(period_months=121), V, "period_months"),
    Case("anchor datetime", new_sub(anchor=dt.datetime(2026, 1, 1, tzinfo=UTC)), T, "anchor"),
    Case("anchored on the end", new_sub(term_start=D(2026, 6, 1), anchor=END), V, "anchor"),
    Case("bought after the end", new_sub(purchased_on=D(2027, 2, 1)), V, "purchased_on"),
    Case("auto_renew str", new_sub(auto_renew="yes"), T, "auto_renew"),
    Case("product None", new_sub(product=None), T, "product"),
    Case(
        "off the grid in 9999",
        new_sub(term_start=D(9999, 11, 30), term_end=D(9999, 12, 15), period_months=1),
        V,
        "term_end",
    ),
    Case(
        "off the grid in year 1",
        new_sub(term_start=D(1, 1, 1), term_end=D(1, 1, 20), period_months=1),
        V,
        "term_end",
    ),
    Case(
        "from_dict bad amount",
        lambda: Subscription.from_dict(
            SUB.to_dict() | {"unit_price": {"amount": "x", "currency": "USD"}}
        ),
        V,
        "unit_price.amount",
    ),
    Case(
        "from_dict week date",
        lambda: Subscription.from_dict(SUB.to_dict() | {"term_start": "2026-W01-4"}),
        V,
        "term_start",
    ),
    Case(
        "from_dict ordinal date",
        lambda: Subscription.from_dict(SUB.to_dict() | {"term_start": "2026-001"}),
        V,
        "term_start",
    ),
    Case("from_dict missing", lambda: Subscription.from_dict({"seats": 1}), V, "data"),
    Case(
        "from_dict price str",
        lambda: Subscription.from_dict(SUB.to_dict() | {"unit_price": "12 USD"}),
        T,
        "unit_price",
    ),
    Case("is_active_on str", lambda: SUB.is_active_on("2026-07-01"), T, "on"),  # type: ignore[arg-type]
]

QUOTE_CASES = [
    Case("seats 0", lambda: quote_add_seats(SUB, 0, DAY), V, "seats"),
    Case("seats huge", lambda: quote_add_seats(SUB, 10**20, DAY), V, "seats"),
    Case("seats float", lambda: quote_add_seats(SUB, 1.0, DAY), T, "seats"),  # type: ignore[arg-type]
    Case(
        "on datetime",
        lambda: quote_add_seats(SUB, 1, dt.datetime(2026, 7, 1, tzinfo=UTC)),
        T,
        "on",
    ),
    Case("on str", lambda: quote_add_seats(SUB, 1, "2026-07-01"), T, "on"),  # type: ignore[arg-type]
    Case("policy None", lambda: quote_add_seats(SUB, 1, DAY, policy=None), T, "policy"),  # type: ignore[arg-type]
    Case("convention", lambda: quote_add_seats(SUB, 1, DAY, convention="x"), V, "convention"),
    Case("rounding", lambda: quote_add_seats(SUB, 1, DAY, rounding="x"), V, "rounding"),
    Case("subscription None", lambda: quote_add_seats(None, 1, DAY), T, "subscription"),  # type: ignore[arg-type]
    Case(
        "from_dict nested amount",
        lambda: AddSeatsQuote.from_dict(
            QUOTE
            | {
                "subscription": QUOTE["subscription"]  # type: ignore[operator]
                | {"unit_price": {"amount": "x", "currency": "USD"}}
            }
        ),
        V,
        "subscription.unit_price.amount",
    ),
    Case(
        "from_dict total",
        lambda: AddSeatsQuote.from_dict(QUOTE | {"total": {"amount": "1.00", "currency": "USD"}}),
        V,
        "total.amount",
    ),
    Case(
        "from_dict reason",
        lambda: AddSeatsQuote.from_dict(
            QUOTE | {"eligibility": {"reasons": [{"code": "NOPE", "facts": {}}]}}
        ),
        V,
        "eligibility.reasons[0].code",
    ),
]

ELIGIBILITY = [
    Case("on None", lambda: check_eligibility(SUB, None), T, "on"),  # type: ignore[arg-type]
    Case("subscription str", lambda: check_eligibility("x", DAY), T, "subscription"),  # type: ignore[arg-type]
    Case("policy dict", lambda: check_eligibility(SUB, DAY, policy={}), T, "policy"),  # type: ignore[arg-type]
    Case("allowed str", lambda: Policy(allowed="US"), T, "allowed"),  # type: ignore[arg-type]
    Case("allowed lower", lambda: Policy(allowed={"us"}), V, "allowed"),
    Case("allowed empty", lambda: Policy(allowed=set()), V, "allowed"),
    Case("channels web", lambda: Policy(channels={"web"}), V, "channels"),
    Case("cutoff str", lambda: Policy(cutoff="2016-01-01"), T, "cutoff"),  # type: ignore[arg-type]
    Case("max_seats 0", lambda: Policy(max_seats=0), V, "max_seats"),
    Case("contradiction", lambda: Policy(allowed={"RU"}, excluded={"RU"}), V, "allowed"),
    Case("plan empty", lambda: Policy(excluded_plans={""}), V, "excluded_plans"),
    Case("flag int", lambda: Policy(auto_renew_required=1), T, "auto_renew_required"),  # type: ignore[arg-type]
    Case("from_dict cutoff", lambda: Policy.from_dict({"cutoff": "x"}), V, "cutoff"),
    Case("countries_in xx", lambda: countries_in("xx"), V, "code"),
    Case("countries_in None", lambda: countries_in(None), T, "code"),  # type: ignore[arg-type]
    Case("reason code", lambda: Reason("NOPE", {}), V, "code"),
    Case(
        "auto renew on",
        lambda: Reason("AUTO_RENEW_OFF", {"auto_renew": True}),
        V,
        "facts.auto_renew",
    ),
    Case(
        "bought after the cutoff",
        lambda: Reason(
            "PURCHASED_BEFORE_CUTOFF", {"purchased_on": D(2020, 1, 1), "cutoff": D(2016, 1, 1)}
        ),
        V,
        "facts.purchased_on",
    ),
    Case(
        "excluded by another country",
        lambda: Reason("REGION_EXCLUDED", {"country": "FR", "excluded_by": ("RU",)}),
        V,
        "facts.excluded_by",
    ),
    Case(
        "below the limit",
        lambda: Reason("SEAT_LIMIT_REACHED", {"seats": 1, "max_seats": 5}),
        V,
        "facts.seats",
    ),
    Case(
        "inside the term",
        lambda: Reason("OUTSIDE_TERM", {"on": DAY, "term_start": START, "term_end": END}),
        V,
        "facts.on",
    ),
    Case(
        "an allowed channel",
        lambda: Reason(
            "CHANNEL_NOT_DIRECT", {"channel": "direct", "allowed_channels": ("direct",)}
        ),
        V,
        "facts.channel",
    ),
    Case(
        "an allowed country",
        lambda: Reason("REGION_NOT_SUPPORTED", {"country": "US", "allowed": ("US",)}),
        V,
        "facts.country",
    ),
    Case(
        "reason locale",
        lambda: Reason("AUTO_RENEW_OFF", {"auto_renew": False}).message("fr@/../../x"),
        V,
        "locale",
    ),
    Case(
        "eligible with reasons",
        lambda: Eligibility.from_dict(
            {
                "eligible": True,
                "reasons": [{"code": "AUTO_RENEW_OFF", "facts": {"auto_renew": False}}],
            }
        ),
        V,
        "eligible",
    ),
    Case("reasons str", lambda: Eligibility.from_dict({"reasons": "x"}), T, "reasons"),
    Case("reasons ints", lambda: Eligibility((1,)), T, "reasons[0]"),  # type: ignore[arg-type]
]

RENEWAL = [
    Case(
        "anchor datetime",
        lambda: renewal_dates(dt.datetime(2026, 1, 1, tzinfo=UTC), 12, 1),
        T,
        "anchor",
    ),
    Case("period 0", lambda: renewal_dates(START, 0, 3), V, "period_months"),
    Case("count -1", lambda: renewal_dates(START, 12, -1), V, "count"),
    Case("count past 9999", lambda: renewal_dates(D(9990, 1, 31), 12, 10), V, "count"),
    Case("next_renewal str", lambda: next_renewal(SUB, "x"), T, "on"),  # type: ignore[arg-type]
    Case("next_renewal 9999", lambda: next_renewal(LAST, D(9999, 12, 31)), V, "on"),
    Case("term before", lambda: term_containing(SUB, D(2025, 1, 1)), OutsideTermError, "on"),
    Case("coterm end", lambda: coterm_end(SUB, END), OutsideTermError, "on"),
    Case("coterm None", lambda: coterm_end(None, DAY), T, "subscription"),  # type: ignore[arg-type]
    Case("remove 0", lambda: can_remove_seats(SUB, 0, DAY), V, "seats"),
    Case("remove all", lambda: can_remove_seats(SUB, 5, DAY), V, "seats"),
    Case(
        "schedule without auto-renewal",
        lambda: schedule_seat_reduction(sub(auto_renew=False), 1, DAY),
        V,
        "subscription.auto_renew",
    ),
    Case("schedule after", lambda: schedule_seat_reduction(SUB, 1, END), OutsideTermError, "on"),
    Case("renew euros", lambda: renew(SUB, unit_price=EUR), CurrencyMismatchError, "unit_price"),
    Case("renew float price", lambda: renew(SUB, unit_price=1000.0), T, "unit_price"),  # type: ignore[arg-type]
    Case(
        "renew both",
        lambda: renew(SUB, new_total=2, reduction=schedule_seat_reduction(SUB, 1, DAY)),
        V,
        "new_total",
    ),
    Case("renew reduction str", lambda: renew(SUB, reduction="x"), T, "reduction"),  # type: ignore[arg-type]
    Case("renew 9999", lambda: renew(LAST), V, "subscription.term_end"),
    Case("term reversed", lambda: Term(END, START), V, "end"),
    Case(
        "decision contradiction",
        lambda: Decision(
            allowed=True,
            effective_on=END,
            reason="BEFORE_TERM_END",
            removing=1,
            seats_held=5,
            on=DAY,
            term_end=END,
        ),
        V,
        "allowed",
    ),
    Case(
        "reduction of every seat",
        lambda: SeatReduction(removed=5, seats_before=5, requested_on=DAY, effective_on=END),
        V,
        "removed",
    ),
    Case("status before", lambda: status_on(SUB, D(2025, 1, 1)), OutsideTermError, "on"),
    Case("status policy", lambda: status_on(SUB, DAY, policy=None), T, "policy"),  # type: ignore[arg-type]
    Case("lifecycle days", lambda: LifecyclePolicy(expired_days=-1), V, "expired_days"),
    Case("status changes 9999", lambda: status_changes(LAST), V, "subscription.term_end"),
]

USAGE = [
    Case("events None", lambda: usage_report(SUB, {}, None, DAY), T, "events"),  # type: ignore[arg-type]
    Case("assignments None", lambda: usage_report(SUB, None, [], DAY), T, "assignments"),  # type: ignore[arg-type]
    Case("event user int", lambda: usage_report(SUB, {}, [(1, DAY)], DAY), T, "events[0]"),  # type: ignore[list-item]
    Case("event short", lambda: usage_report(SUB, {}, [("a",)], DAY), T, "events[0]"),  # type: ignore[list-item]
    Case(
        "event unhashable user",
        lambda: usage_report(SUB, {}, [([1], DAY)], DAY),  # type: ignore[list-item]
        T,
        "events[0]",
    ),
    Case(
        "event in the future",
        lambda: usage_report(SUB, {}, [("a", END)], DAY),
        V,
        "events[0][1]",
    ),
    Case("window 0", lambda: usage_report(SUB, {}, [], DAY, window_days=0), V, "window_days"),
    Case(
        "opt-in str",
        lambda: usage_report(SUB, {}, [], DAY, allow_below_assigned="yes"),  # type: ignore[arg-type]
        T,
        "allow_below_assigned",
    ),
    Case(
        "assignment str date",
        lambda: usage_report(SUB, {"a": "2026-01-01"}, [], DAY),  # type: ignore[dict-item]
        T,
        "assignments.a",
    ),
    Case("on str", lambda: usage_report(SUB, {}, [], "2026-07-01"), T, "on"),  # type: ignore[arg-type]
]

PLANNING = [
    Case(
        "timing seats huge",
        lambda: compare_add_timing(SUB, 10**20, DAY, on=START),
        V,
        "adding",
    ),
    Case(
        "need before today",
        lambda: compare_add_timing(SUB, 1, START, on=DAY),
        V,
        "needed_on",
    ),
    Case(
        "today outside",
        lambda: compare_add_timing(SUB, 1, END, on=END),
        OutsideTermError,
        "on",
    ),
    Case(
        "timing seconds",
        lambda: compare_add_timing(SUB, 1, DAY, on=START, convention="seconds"),
        V,
        "convention",
    ),
    Case(
        "renewal price euros",
        lambda: compare_add_timing(SUB, 1, DAY, on=START, renewal_unit_price=EUR),
        CurrencyMismatchError,
        "renewal_unit_price",
    ),
    Case(
        "renewal price float",
        lambda: compare_add_timing(SUB, 1, DAY, on=START, renewal_unit_price=1.5),  # type: ignore[arg-type]
        T,
        "renewal_unit_price",
    ),
    Case("align one", lambda: align(SUB), T, "subscriptions"),  # type: ignore[arg-type]
    Case("align none", lambda: align([]), V, "subscriptions"),
    Case("align str", lambda: align([SUB, "x"]), T, "subscriptions[1]"),  # type: ignore[list-item]
    Case(
        "align periods",
        lambda: align([SUB, sub(period_months=1, term_end=D(2026, 2, 1))]),
        V,
        "subscriptions[1].period_months",
    ),
    Case(
        "align currencies",
        lambda: align([SUB, sub(unit_price=EUR)]),
        CurrencyMismatchError,
        "subscriptions[1].unit_price",
    ),
    Case("align target before", lambda: align([SUB], target=START), V, "target"),
    Case(
        "align target datetime",
        lambda: align([SUB], target=dt.datetime(2027, 1, 1, tzinfo=UTC)),
        T,
        "target",
    ),
    Case("align anchor off grid", lambda: align([SUB], anchor=D(2026, 3, 3)), V, "anchor"),
    Case("align target past 9999", lambda: align([LAST], target=D(9999, 12, 31)), V, "target"),
    Case(
        "align too many seats",
        lambda: align(
            [sub(seats=10**12, unit_price=Money("100000000", "USD"))], target=D(2030, 1, 1)
        ),
        V,
        "subscriptions[0].seats",
    ),
]

CATALOGUE = [
    *MONEY,
    *MONEY_OPERATIONS,
    *PRORATE,
    *CONVENTION,
    *SUBSCRIPTION,
    *QUOTE_CASES,
    *ELIGIBILITY,
    *RENEWAL,
    *USAGE,
    *PLANNING,
]


def test_the_catalogue_is_large_and_each_name_is_unique():
    assert len(CATALOGUE) >= 150
    groups = [MONEY, MONEY_OPERATIONS, PRORATE, CONVENTION, SUBSCRIPTION, QUOTE_CASES]
    groups += [ELIGIBILITY, RENEWAL, USAGE, PLANNING]
    for group in groups:
        names = [case.name for case in group]
        assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", CATALOGUE, ids=lambda case: case.name)
def test_a_hostile_input_gets_a_seatcalc_error_naming_its_field(case: Case):
    with pytest.raises(SeatcalcError) as caught:
        case.call()
    error = caught.value
    assert type(error) is case.kind or (
        isinstance(error, case.kind) and case.kind in {InvalidValueError, InvalidTypeError}
    ), f"{type(error).__name__}: {error}"
    assert error.field == case.field, str(error)
    assert str(error).startswith(f"{case.field}: ")
    assert isinstance(error.code, ErrorCode)
    assert error.expected, str(error)
    data = json.loads(json.dumps(error.to_dict()))
    assert data["field"] == case.field
    assert data["code"] == error.code.value
    assert data["message"] == str(error)
    assert isinstance(error, ValueError | TypeError)


def test_no_answer_for_the_first_day_python_knows():
    # A report on 0001-01-01 whose window reaches before it is an answer, not an OverflowError.
    first = sub(term_start=D(1, 1, 1), term_end=D(2, 1, 1))
    report = usage_report(first, {"ana": D(1, 1, 1)}, [("ana", D(1, 1, 1))], D(1, 1, 1))
    assert report.active_users == ("ana",)


def test_errors_pickle_and_copy_with_every_attribute():
    import copy  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    for case in CATALOGUE[:40]:
        with pytest.raises(SeatcalcError) as caught:
            case.call()
        error = caught.value
        for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):  # noqa: S301
            assert type(clone) is type(error)
            assert clone.to_dict() == error.to_dict()
            assert str(clone) == str(error)


def test_an_error_within_a_parent_names_the_dotted_field():
    with pytest.raises(InvalidValueError) as caught:
        Subscription.from_dict(
            SUB.to_dict() | {"unit_price": {"amount": "1e99", "currency": "USD"}}
        )
    error = caught.value
    assert error.field == "unit_price.amount"
    assert error.value == "1e99"
    assert error.code is ErrorCode.OUT_OF_RANGE
    assert str(error.within("subscription")).startswith("subscription.unit_price.amount: got")
    assert attrs.has(Subscription)

"""Results never depend on the caller's decimal context, and seatcalc never changes it.

Every computation is run twice: once in a default context, once after the calling thread has
set a hostile one (a precision of a few digits, any rounding, traps on, a tiny exponent range).
The answers must be identical, and the hostile context must come back exactly as it was set,
with no flag raised.
"""

from __future__ import annotations

import datetime as dt
import decimal
import threading
from decimal import Context, Decimal
from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import (
    KILLBILL,
    SECONDS,
    THIRTY_360,
    ZUORA,
    Money,
    Subscription,
    align,
    can_remove_seats,
    check_eligibility,
    compare_add_timing,
    lifecycle_state,
    prorate,
    quote_add_seats,
    schedule_seat_reduction,
    usage_report,
)
from strategies import LOCALES, money, money_pairs, rounding_modes, subscriptions_with_day, weights

SIGNALS = (
    decimal.Clamped,
    decimal.DivisionByZero,
    decimal.Inexact,
    decimal.InvalidOperation,
    decimal.Overflow,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
    decimal.FloatOperation,
)


@st.composite
def hostile_contexts(draw: st.DrawFn) -> Context:
    """A context a careless or hostile caller might leave set: few digits, any rounding."""
    return Context(
        prec=draw(st.integers(1, 28)),
        rounding=draw(rounding_modes),
        Emin=draw(st.integers(-10, 0)),
        Emax=draw(st.integers(0, 10)),
        capitals=draw(st.sampled_from((0, 1))),
        clamp=draw(st.sampled_from((0, 1))),
        flags=[],
        traps=draw(st.lists(st.sampled_from(SIGNALS), unique=True)),
    )


def describe_context(context: Context) -> tuple[object, ...]:
    """Everything a context holds, flags included, to compare before and after."""
    return (
        context.prec,
        context.rounding,
        context.Emin,
        context.Emax,
        context.capitals,
        context.clamp,
        tuple(sorted(signal.__name__ for signal, on in context.traps.items() if on)),
        tuple(sorted(signal.__name__ for signal, on in context.flags.items() if on)),
    )


def in_context(context: Context, compute):
    """Run ``compute`` with ``context`` as the thread's context; check it comes back untouched."""
    saved = decimal.getcontext()
    decimal.setcontext(context)
    before = describe_context(context)
    try:
        result = compute()
    finally:
        after = decimal.getcontext()
        decimal.setcontext(saved)
    assert after is context
    assert describe_context(context) == before
    assert not any(context.flags.values())
    return result


def reference(compute):
    """Run ``compute`` in a fresh default context."""
    return in_context(Context(), compute)


# -- the computations, each returning everything a caller could read ------------------------


def money_computations(pair, factor, count, mode, locale, shares):
    a, b = pair

    def compute():
        return (
            repr(a + b),
            repr(a - b),
            repr(-a),
            repr(a * count),
            repr(a * factor),
            (a < b, a <= b, a > b, a >= b, a == b, hash(a) == hash(b)),
            repr(sum([a, b])),
            repr(a.round(mode)),
            repr(a.round(mode, digits=12)),
            a.is_rounded(),
            a.round().to_minor(),
            repr(a.round().allocate(shares)),
            a.format(locale, rounding=mode),
            a.to_dict(),
            str(a),
            repr(Money.from_exact(a.to_fraction() / 7, a.currency, rounding=mode)),
            repr(Money.from_exact(Decimal("12345678901234567.123456789012"), "USD", digits=12)),
            repr(Money.from_exact(Fraction(12345678901, 100), "USD")),
            repr(Money("999999999999999999.99999999999", "USD")),
            repr(Money.from_minor(-123456789, a.currency)),
        )

    return compute


def proration_computations(case, seats, mode, locale):
    sub, day = case

    def compute():
        results = []
        for convention in ("actual_days", KILLBILL, THIRTY_360, ZUORA):
            result = prorate(
                sub.unit_price,
                sub.period_start,
                sub.term_end,
                day,
                quantity=seats,
                convention=convention,
                rounding=mode,
            )
            results.append(
                (repr(result.amount), result.fraction, result.exact, repr(result.lines()))
            )
            results.append(result.explain())
        midnight = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        start = dt.datetime.combine(sub.period_start, dt.time(), tzinfo=dt.UTC)
        end = dt.datetime.combine(sub.term_end, dt.time(), tzinfo=dt.UTC)
        seconds = prorate(sub.unit_price, start, end, midnight, quantity=seats, convention=SECONDS)
        results.append(seconds.to_dict())
        quote = quote_add_seats(sub, seats, day, rounding=mode)
        results.extend((quote.to_dict(), quote.explain(locale), repr(quote.lines)))
        return results

    return compute


def planning_computations(case, seats, mode):
    sub, day = case

    def compute():
        timing = compare_add_timing(sub, seats, day, on=sub.term_start, rounding=mode)
        aligned = align([sub, renewed(sub)], rounding=mode)
        report = usage_report(sub, {"ana": day, "ben": day}, [("ana", day)], day)
        return (
            timing.to_dict(),
            timing.explain(),
            aligned.to_dict(),
            aligned.explain(),
            report.to_dict(),
        )

    return compute


def renewed(sub: Subscription) -> Subscription:
    """A second subscription of the same kind that ends one period later, to align with."""
    from seatcalc import renew  # noqa: PLC0415

    return renew(sub)


# -- properties -------------------------------------------------------------------------------


@given(
    hostile_contexts(),
    money_pairs(),
    st.decimals(min_value=-1000, max_value=1000, places=3),
    st.integers(-1000, 1000),
    rounding_modes,
    st.sampled_from(LOCALES),
    weights,
)
def test_money_is_the_same_in_any_context(context, pair, factor, count, mode, locale, shares):
    compute = money_computations(pair, factor, count, mode, locale, shares)
    assert in_context(context, compute) == reference(compute)


@given(
    hostile_contexts(),
    subscriptions_with_day(),
    st.integers(1, 50),
    rounding_modes,
    st.sampled_from(LOCALES),
)
def test_prorations_and_quotes_are_the_same_in_any_context(context, case, seats, mode, locale):
    compute = proration_computations(case, seats, mode, locale)
    assert in_context(context, compute) == reference(compute)


@given(hostile_contexts(), subscriptions_with_day(), st.integers(1, 50), rounding_modes)
def test_planning_is_the_same_in_any_context(context, case, seats, mode):
    compute = planning_computations(case, seats, mode)
    assert in_context(context, compute) == reference(compute)


@given(
    hostile_contexts(),
    subscriptions_with_day(),
    money(),
    st.integers(1, 50),
    st.sampled_from(LOCALES),
)
def test_every_explanation_is_the_same_in_any_context(context, case, amount, seats, locale):
    sub, day = case
    sub = attrs.evolve(sub, seats=seats + 1)

    def compute():
        values = [
            amount,
            sub,
            check_eligibility(sub, day),
            can_remove_seats(sub, seats, day),
            lifecycle_state(sub, day),
            usage_report(sub, {"ana": day, "ben": day}, [("ana", day)], day),
            compare_add_timing(sub, seats, day, on=sub.term_start),
            align([sub, renewed(sub)]),
        ]
        if sub.auto_renew:
            values.append(schedule_seat_reduction(sub, seats, day))
        return [(value.explain(locale), value._repr_html_()) for value in values]

    assert in_context(context, compute) == reference(compute)


@given(hostile_contexts(), money())
def test_errors_are_the_same_in_any_context(context, value):
    def compute():
        outcomes = []
        for amount in ("1e999999999", "abc", "1_000", " 1", "١٢٣", "NaN", "1e-31", "1e18"):
            try:
                Money(amount, value.currency)
            except ValueError as error:
                outcomes.append(str(error))
        return outcomes

    assert in_context(context, compute) == reference(compute)


# -- worked examples: the reproductions that used to give wrong amounts ----------------------


def test_a_five_digit_context_changes_nothing():
    five = Context(prec=5)
    assert (
        in_context(five, lambda: repr(-Money("123456.78", "USD"))) == "Money('-123456.78', 'USD')"
    )
    amount = in_context(five, lambda: repr(Money.from_exact(Fraction(12345678901, 100), "USD")))
    assert amount == "Money('123456789.01', 'USD')"


def test_the_default_context_keeps_every_digit():
    exact = Money.from_exact(Decimal("12345678901234567.123456789012"), "USD", digits=12)
    assert exact.amount == Decimal("12345678901234567.123456789012")
    assert Money("999999999999999999.99999999999", "USD").amount.adjusted() == 17


def test_a_trapped_inexact_in_the_caller_s_context_does_not_escape():
    trapping = Context(traps=[decimal.Inexact, decimal.Rounded])
    assert in_context(trapping, lambda: repr(Money("1234.56", "USD"))) == "Money('1234.56', 'USD')"


def test_a_hostile_first_call_in_another_thread_poisons_no_cache():
    from seatcalc import currency as currency_module  # noqa: PLC0415
    from seatcalc import proration as proration_module  # noqa: PLC0415

    currency_module.cldr_digits.cache_clear()
    proration_module._scale.cache_clear()
    hostile = Context(prec=1, Emin=0, rounding=decimal.ROUND_CEILING)
    price, term = Money("10.00", "USD"), (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    answers = []

    def first_call():
        decimal.setcontext(hostile)
        answers.append(prorate(price, *term, dt.date(2026, 9, 15)).amount)

    thread = threading.Thread(target=first_call)
    thread.start()
    thread.join()
    again = prorate(price, *term, dt.date(2026, 9, 15)).amount
    assert answers == [again] == [Money("2.96", "USD")]


def test_eight_threads_with_different_contexts_and_locales_agree():
    sub = Subscription(
        seats=10,
        unit_price=Money("1234.567", "USD"),
        term_start=dt.date(2026, 1, 31),
        term_end=dt.date(2027, 1, 31),
        country="FR",
    )
    days = [dt.date(2026, 1, 31) + dt.timedelta(days=37 * k) for k in range(9)]
    contexts = [
        Context(prec=1, rounding=decimal.ROUND_FLOOR, Emin=0, Emax=1),
        Context(prec=3, traps=[decimal.Inexact, decimal.Rounded]),
        Context(prec=5, rounding=decimal.ROUND_UP, capitals=0),
        Context(prec=28, traps=list(SIGNALS)),
        Context(prec=2, rounding=decimal.ROUND_05UP, clamp=1, Emax=3),
        Context(prec=7, rounding=decimal.ROUND_HALF_DOWN, Emin=-2, Emax=2),
        Context(prec=12, rounding=decimal.ROUND_CEILING),
        Context(prec=4, traps=[decimal.Underflow, decimal.Subnormal]),
    ]
    locales = ["en_US", "fr_FR", "de_DE", "es_ES", "it_IT", "fr_CA", "de_CH", "en_IN"]

    def work(locale):
        return [
            (quote.to_dict(), quote.explain(locale), repr(quote.lines))
            for quote in (quote_add_seats(sub, 3, day) for day in days[:-1])
        ]

    expected = {locale: reference(lambda locale=locale: work(locale)) for locale in locales}
    results: dict[str, object] = {}
    failures: list[BaseException] = []
    barrier = threading.Barrier(len(contexts))

    def run(context, locale):
        try:
            barrier.wait()
            for _ in range(5):
                results[locale] = in_context(context, lambda: work(locale))
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            failures.append(error)

    threads = [
        threading.Thread(target=run, args=pair) for pair in zip(contexts, locales, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    assert results == expected

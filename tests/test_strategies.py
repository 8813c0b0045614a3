"""The shipped strategies: importable on their own, registered for st.from_type, valid values."""

from __future__ import annotations

import decimal
import importlib.metadata
import subprocess
import sys
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import seatcalc
from seatcalc import (
    AddSeatsQuote,
    AlignmentQuote,
    ChargeCheck,
    ChargeMatch,
    ChargeVerdict,
    Convention,
    Eligibility,
    LifecyclePolicy,
    LifecycleState,
    MinorUnits,
    Money,
    Policy,
    Proration,
    Subscription,
)
from seatcalc._hypothesis_hook import _hypothesis_setup_hook
from seatcalc.strategies import TYPE_STRATEGIES, register_type_strategies

FROM_TYPE_CASES = [
    Money,
    Subscription,
    Policy,
    LifecyclePolicy,
    Convention,
    AddSeatsQuote,
    Proration,
    Eligibility,
    AlignmentQuote,
    LifecycleState,
    ChargeMatch,
    ChargeCheck,
    ChargeVerdict,
]


def test_importing_seatcalc_does_not_import_hypothesis():
    code = "import sys, seatcalc; print('hypothesis' in sys.modules)"
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "False\n"


def test_the_package_declares_the_hypothesis_entry_point():
    (entry,) = [
        entry
        for entry in importlib.metadata.entry_points(group="hypothesis")
        if entry.value.startswith("seatcalc.")
    ]
    assert entry.value == "seatcalc._hypothesis_hook:_hypothesis_setup_hook"
    assert entry.load() is _hypothesis_setup_hook


def test_the_hook_registers_every_type_strategy():
    _hypothesis_setup_hook()
    for kind, strategy in TYPE_STRATEGIES.items():
        assert repr(st.from_type(kind)) == repr(strategy), kind


def test_registering_by_hand_gives_the_same_strategies():
    register_type_strategies()
    for kind, strategy in TYPE_STRATEGIES.items():
        assert repr(st.from_type(kind)) == repr(strategy), kind


@pytest.mark.parametrize("first", ["seatcalc.strategies", "hypothesis"])
def test_either_module_may_be_imported_first(first):
    # Importing seatcalc.strategies first makes hypothesis run the entry point while
    # seatcalc.strategies is still being imported.
    code = (
        f"import {first}; from hypothesis import strategies as st; import sys;"
        "from seatcalc import Money; value = st.from_type(Money).example();"
        "print(type(value).__name__, 'seatcalc.strategies' in sys.modules)"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "Money True\n"


@pytest.mark.parametrize("kind", FROM_TYPE_CASES, ids=lambda kind: kind.__name__)
def test_from_type_draws_valid_values_that_round_trip(kind):
    @settings(max_examples=25)
    @given(st.from_type(kind))
    def check(value):
        assert type(value) is kind
        assert kind.from_dict(value.to_dict()) == value

    check()


@given(st.from_type(Money))
def test_drawn_money_is_in_a_known_currency(value):
    assert Money(value.amount, value.currency) == value
    assert value.currency in seatcalc.strategies.ALL_CURRENCIES


def checked_pair(sub: Subscription, policy: Policy) -> tuple[Subscription, Policy]:
    return sub, policy


@given(st.builds(checked_pair))
def test_builds_infers_subscriptions_and_policies_from_annotations(case):
    sub, policy = case
    assert type(sub) is Subscription
    assert sub.term_start < sub.term_end
    assert type(policy) is Policy
    assert policy.allowed


def takes_anything(value: object) -> object:
    return value


def test_the_hook_declines_types_it_does_not_handle():
    from seatcalc._hypothesis_hook import _resolve  # noqa: PLC0415

    assert _resolve(object) is NotImplemented
    assert _resolve(int) is NotImplemented
    assert repr(_resolve(Money)) == repr(TYPE_STRATEGIES[Money])


def test_the_hook_leaves_other_types_to_hypothesis():
    # hypothesis asks every resolver registered for a subclass of ``object`` when it resolves
    # ``object``; seatcalc's must decline, not raise.
    _hypothesis_setup_hook()
    seen = []

    @settings(max_examples=10, database=None)
    @given(st.from_type(object), st.builds(takes_anything))
    def check(anything, built):
        seen.append((anything, built))

    check()
    assert seen


@pytest.mark.parametrize(
    "context",
    [
        decimal.Context(prec=3),
        decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded]),
        decimal.Context(prec=2, Emax=3, Emin=-3),
    ],
    ids=["three-digits", "inexact-trapped", "tiny-exponents"],
)
def test_amounts_are_drawn_exactly_in_any_caller_context(context):
    seen: set[object] = set()

    @settings(max_examples=10, database=None)
    @given(
        seatcalc.strategies.money(
            currency=st.just("USD"), rounded=True, min_units=123456, max_units=123456
        ),
        seatcalc.strategies.decimals(max_places=2, min_units=987654, max_units=987654),
    )
    def check(price, amount):
        seen.add(price)
        seen.add(amount)

    with decimal.localcontext(context):
        check()
    assert Money("1234.56", "USD") in seen
    assert seen <= {
        Money("1234.56", "USD"),
        Decimal(987654),
        Decimal("98765.4"),
        Decimal("9876.54"),
    }


def test_every_value_type_has_a_strategy_but_the_parts_the_docs_name():
    # docs/testing.rst names the parts of results that are drawn only inside them.
    values = {
        kind.__name__
        for kind in vars(seatcalc).values()
        if isinstance(kind, type) and attrs.has(kind)
    }
    missing = values - {kind.__name__ for kind in TYPE_STRATEGIES}
    assert missing == {"AlignmentLine", "Reason", "Term", "TimingOption"}


@given(st.from_type(MinorUnits))
def test_drawn_minor_unit_tables_round_trip(table):
    assert type(table) is MinorUnits
    assert MinorUnits.from_data(table.to_data()) == table
    assert table.unit("USD").digits >= 0

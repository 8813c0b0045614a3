"""The py-moneyed bridge, and sum() of Money without a start value."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seatcalc import (
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    Money,
)
from strategies import currencies, money

moneyed = pytest.importorskip("moneyed")


@given(money())
def test_money_round_trips_through_py_moneyed(value):
    bridged = value.to_moneyed()
    assert isinstance(bridged, moneyed.Money)
    assert bridged.amount == value.amount
    assert bridged.currency.code == value.currency
    assert Money.from_moneyed(bridged) == value


def test_worked_examples():
    assert Money.from_moneyed(moneyed.Money("1209.86", "USD")) == Money("1209.86", "USD")
    assert Money.from_moneyed(moneyed.Money(Decimal("0.005"), "KWD")) == Money("0.005", "KWD")
    assert Money("2740", "JPY").to_moneyed() == moneyed.Money("2740", "JPY")


def test_only_py_moneyed_money_is_bridged():
    with pytest.raises(InvalidTypeError) as caught:
        Money.from_moneyed(Money("1", "USD"))
    assert caught.value.field == "money"


def test_an_amount_seatcalc_refuses_is_refused_from_py_moneyed_too():
    too_fine = moneyed.Money(Decimal("1." + "1" * 31), "USD")
    with pytest.raises(InvalidValueError) as caught:
        Money.from_moneyed(too_fine)
    assert caught.value.field == "money.amount"


def test_without_py_moneyed_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "moneyed", None)  # import moneyed now raises ImportError
    with pytest.raises(MissingExtraError) as caught:
        Money("1", "USD").to_moneyed()
    assert isinstance(caught.value, ImportError)
    assert caught.value.code == "MISSING_EXTRA"
    assert str(caught.value) == (
        "to_moneyed: needs the package 'moneyed'; install seatcalc[moneyed]"
    )
    with pytest.raises(MissingExtraError):
        Money.from_moneyed(object())


def test_importing_seatcalc_does_not_import_py_moneyed():
    code = "import sys, seatcalc; print('moneyed' in sys.modules)"
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "False\n"


# -- sum() ----------------------------------------------------------------------------------


@given(currencies.flatmap(lambda code: st.lists(money(currency=st.just(code)), min_size=1)))
def test_sum_needs_no_start_value(amounts):
    code = amounts[0].currency
    assert sum(amounts) == sum(amounts, Money.zero(code))
    assert sum(amounts).amount == sum(value.amount for value in amounts)


def test_sum_starts_from_the_int_zero_only():
    assert 0 + Money("1.50", "EUR") == Money("1.50", "EUR")
    assert sum([Money("1.10", "EUR"), Money("2.20", "EUR")]) == Money("3.30", "EUR")
    assert sum([]) == 0  # no currency to give an empty sum: the int start value comes back
    for start in (1, 0.0, Decimal(0), False):
        with pytest.raises(InvalidTypeError):
            start + Money("1.50", "EUR")
    with pytest.raises(CurrencyMismatchError):
        sum([Money("1", "EUR"), Money("1", "USD")])

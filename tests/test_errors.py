"""seatcalc.errors after its split: every name still read from it, errors still named by it."""

from __future__ import annotations

import ast
import datetime as dt
import pickle
from pathlib import Path

import pytest

import seatcalc
from seatcalc import errors
from seatcalc.errors import (
    ErrorCode,
    InvalidValueError,
    OutsideTermError,
    SeatcalcError,
    reported_as,
    reported_within,
)

SOURCE = Path(seatcalc.__file__).parent


def test_every_name_the_package_imports_from_seatcalc_errors_is_there():
    wanted = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "seatcalc.errors":
                wanted.update(alias.name for alias in node.names)
    assert wanted >= {"ErrorCode", "reported_as", "reported_within", "SeatcalcError"}
    assert all(hasattr(errors, name) for name in wanted)
    # mypy --strict counts a name as exported only if it is in __all__ or defined there.
    assert wanted - set(errors.__all__) <= {"reported_as", "reported_within", "rename_field"}


def test_the_errors_are_still_named_by_seatcalc_errors():
    # Tracebacks, doctests and pickles name an error by the module its class is defined in.
    for name in errors.__all__:
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, SeatcalcError):
            assert value.__module__ == "seatcalc.errors", name
    assert errors.ErrorCode is seatcalc.ErrorCode


def test_an_error_code_pickled_before_the_codes_moved_still_loads():
    code = ErrorCode.OUTSIDE_TERM
    assert pickle.loads(pickle.dumps(code)) is code  # noqa: S301 - our own bytes
    old = pickle.dumps(code, protocol=0).replace(b"seatcalc._error_codes", b"seatcalc.errors")
    assert b"seatcalc.errors\nErrorCode" in old
    assert pickle.loads(old) is code  # noqa: S301 - our own bytes


def test_the_context_managers_name_the_field_the_caller_knows():
    with (
        pytest.raises(InvalidValueError) as caught,
        reported_within("subscription"),
        reported_as({"quantity": "seats"}),
    ):
        raise InvalidValueError(field="quantity", value=0, expected="an int >= 1")
    assert caught.value.field == "subscription.seats"
    assert str(caught.value) == "subscription.seats: got 0; expected an int >= 1"


def test_a_value_is_described_the_same_way_after_the_move():
    long = "x" * 200
    error = OutsideTermError(dt.date(2027, 1, 1), dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert error.value == "2027-01-01"
    assert InvalidValueError(field="f", value=long).value == "x" * 79 + "…"
    assert str(InvalidValueError(field="f", value=1.5)) == "f: got 1.5 (float)"

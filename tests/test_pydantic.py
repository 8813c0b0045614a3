"""pydantic v2 support: validation from the JSON form, to_dict in JSON, schemas, errors."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import pathlib
import subprocess
import sys

import pytest

pydantic = pytest.importorskip("pydantic")

from hypothesis import given  # noqa: E402 - after the importorskip
from pydantic import BaseModel, TypeAdapter, ValidationError  # noqa: E402

from seatcalc import (  # noqa: E402
    AddSeatsQuote,
    InvalidTypeError,
    Money,
    Policy,
    Subscription,
    quote_add_seats,
)
from seatcalc.pydantic import JSON_SCHEMAS, core_schema, json_schema  # noqa: E402
from strategies import any_subscriptions, money, policies, quotes  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPES = [Money, Subscription, Policy, AddSeatsQuote]
SUB = Subscription(
    seats=10,
    unit_price=Money("1200.00", "USD"),
    term_start=dt.date(2026, 1, 1),
    term_end=dt.date(2027, 1, 1),
    country="US",
)


class Order(BaseModel):
    price: Money
    subscription: Subscription
    policy: Policy | None = None
    quote: AddSeatsQuote | None = None
    lines: list[Money] = []


def order_json(**changes):
    data = {"price": {"amount": "10.00", "currency": "EUR"}, "subscription": SUB.to_dict()}
    data.update(changes)
    return json.dumps(data)


def load_generator():
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools/generate_json_schemas.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- import cost ----------------------------------------------------------------------------


def test_importing_seatcalc_does_not_import_pydantic():
    code = "import sys, seatcalc; print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    output = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output == "[]\n"


# -- worked examples ------------------------------------------------------------------------


def test_a_model_validates_the_json_form_and_writes_it_back():
    quote = quote_add_seats(SUB, 2, dt.date(2026, 7, 1))
    text = order_json(quote=quote.to_dict(), lines=[{"amount": "1", "currency": "EUR"}])
    order = Order.model_validate_json(text)
    assert order.price == Money("10.00", "EUR")
    assert order.subscription == SUB
    assert order.quote == quote
    assert order.lines == [Money(1, "EUR")]
    dumped = json.loads(order.model_dump_json())
    assert dumped["quote"] == quote.to_dict()
    assert dumped["subscription"] == SUB.to_dict()
    assert dumped["policy"] is None


def test_instances_pass_as_they_are_and_python_mode_keeps_them():
    price = Money("10.00", "EUR")
    order = Order(price=price, subscription=SUB, policy=Policy())
    assert order.price is price
    assert order.subscription is SUB
    assert order.model_dump()["price"] is price
    assert order.model_dump(mode="json")["policy"] == Policy().to_dict()


def test_a_policy_takes_its_defaults_for_missing_keys():
    order = Order.model_validate_json(order_json(policy={"allowed": ["FR"]}))
    assert order.policy == Policy(allowed={"FR"})


# -- errors ---------------------------------------------------------------------------------


def errors_of(text):
    with pytest.raises(ValidationError) as caught:
        Order.model_validate_json(text)
    return caught.value.errors()


def test_a_bad_nested_amount_is_reported_at_the_field_with_its_path():
    bad = SUB.to_dict()
    bad["unit_price"] = {"amount": "12,00", "currency": "USD"}
    (problem,) = errors_of(order_json(subscription=bad))
    assert problem["loc"] == ("subscription",)
    assert problem["type"] == "seatcalc_invalid_number"
    assert problem["ctx"]["field"] == "unit_price.amount"
    assert problem["ctx"]["value"] == "12,00"
    assert problem["ctx"]["code"] == "INVALID_NUMBER"
    assert problem["msg"].startswith("unit_price.amount: got '12,00'")


def test_type_errors_are_validation_errors_too():
    # InvalidTypeError is a TypeError, which pydantic would not catch by itself.
    (problem,) = errors_of(order_json(price={"amount": 10.5, "currency": "EUR"}))
    assert problem["loc"] == ("price",)
    assert problem["type"] == "seatcalc_float_not_exact"
    (problem,) = errors_of(order_json(price={"amount": True, "currency": "EUR"}))
    assert problem["loc"] == ("price",)
    assert problem["type"] == "seatcalc_wrong_type"
    (problem,) = errors_of(order_json(price="10.00 EUR"))
    assert problem["loc"] == ("price",)
    assert problem["ctx"]["field"] == "data"


def test_every_failing_field_is_reported_with_list_indexes():
    problems = errors_of(
        order_json(
            price={"amount": "1", "currency": "XYZ"},
            lines=[{"amount": "1", "currency": "EUR"}, {"amount": "1"}],
        )
    )
    assert [(p["loc"], p["type"]) for p in problems] == [
        (("price",), "seatcalc_unknown_currency"),
        (("lines", 1), "seatcalc_malformed_record"),
    ]


def test_a_record_that_does_not_add_up_is_refused():
    record = quote_add_seats(SUB, 2, dt.date(2026, 7, 1)).to_dict()
    record["total"] = {"amount": "1.00", "currency": "USD"}
    (problem,) = errors_of(order_json(quote=record))
    assert problem["loc"] == ("quote",)
    assert problem["type"] == "seatcalc_inconsistent"


# -- JSON Schemas ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TYPES, ids=lambda kind: kind.__name__)
def test_pydantic_uses_the_published_schema(kind):
    assert TypeAdapter(kind).json_schema() == json_schema(kind) == JSON_SCHEMAS[kind]


def test_the_published_schema_files_are_up_to_date():
    generator = load_generator()
    for name, kind in generator.FILES.items():
        published = (ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8")
        assert published == generator.rendered(kind), name
        assert json.loads(published) == TypeAdapter(kind).json_schema()
    assert generator.main(["--check"]) == 0


def test_the_docs_page_includes_every_schema_file():
    page = (ROOT / "docs" / "pydantic.rst").read_text(encoding="utf-8")
    for name in load_generator().FILES:
        assert f".. literalinclude:: schemas/{name}\n" in page


def test_a_model_schema_embeds_the_types_schemas():
    schema = Order.model_json_schema()
    assert schema["properties"]["price"] == JSON_SCHEMAS[Money]
    assert schema["properties"]["lines"]["items"] == JSON_SCHEMAS[Money]


def test_json_schema_returns_a_copy_and_refuses_other_types():
    json_schema(Money)["required"].append("x")
    assert JSON_SCHEMAS[Money]["required"] == ["amount", "currency"]
    with pytest.raises(InvalidTypeError, match="kind: got <class 'int'>"):
        json_schema(int)
    with pytest.raises(InvalidTypeError):
        core_schema(dict)


def check_against_schema(data, schema):
    """The parts of JSON Schema the published schemas use: keys, required, types of leaves."""
    if "anyOf" in schema:
        assert any(fits(data, option) for option in schema["anyOf"]), (data, schema)
        return
    if "enum" in schema:
        assert data in schema["enum"]
        return
    kind = schema["type"]
    if kind == "object":
        assert isinstance(data, dict)
        assert set(schema.get("required", ())) <= set(data)
        if "properties" in schema:
            assert set(data) <= set(schema["properties"])
            for key, value in data.items():
                check_against_schema(value, schema["properties"][key])
    elif kind == "array":
        assert isinstance(data, list)
        for item in data:
            check_against_schema(item, schema["items"])
    else:
        python = {"string": str, "integer": int, "boolean": bool, "null": type(None)}[kind]
        assert type(data) is python, (data, schema)


def fits(data, schema):
    try:
        check_against_schema(data, schema)
    except AssertionError:
        return False
    return True


# -- properties -----------------------------------------------------------------------------


def round_trips(kind, value):
    adapter = TypeAdapter(kind)
    text = adapter.dump_json(value)
    assert json.loads(text) == value.to_dict()
    assert adapter.validate_json(text) == value
    assert adapter.validate_python(value.to_dict()) == value
    check_against_schema(json.loads(text), adapter.json_schema())


@given(money())
def test_money_round_trips_through_pydantic(value):
    round_trips(Money, value)


@given(any_subscriptions)
def test_subscriptions_round_trip_through_pydantic(value):
    round_trips(Subscription, value)


@given(policies())
def test_policies_round_trip_through_pydantic(value):
    round_trips(Policy, value)


@given(quotes())
def test_quotes_round_trip_through_pydantic(value):
    round_trips(AddSeatsQuote, value)

"""pydantic v2 support: seatcalc's values as field types of pydantic models.

With the extra installed (``pip install 'seatcalc[pydantic]'``), :class:`~seatcalc.Money`,
:class:`~seatcalc.Subscription`, :class:`~seatcalc.Policy` and :class:`~seatcalc.AddSeatsQuote`
are field types like ``int`` or ``datetime.date``; no import of this module is needed:

>>> import datetime as dt
>>> from pydantic import BaseModel
>>> from seatcalc import Money
>>> class Invoice(BaseModel):
...     number: str
...     total: Money
>>> invoice = Invoice.model_validate_json(
...     '{"number": "in_1", "total": {"amount": "1209.86", "currency": "USD"}}'
... )
>>> invoice.total
Money('1209.86', 'USD')
>>> invoice.model_dump_json()
'{"number":"in_1","total":{"amount":"1209.86","currency":"USD"}}'

Each type validates its JSON form through its ``from_dict`` (an instance passes as it is),
serializes through ``to_dict`` in JSON mode (``model_dump()`` in Python mode keeps the value,
as pydantic keeps a :class:`~datetime.date`), and documents itself with the JSON Schema of
:func:`json_schema`.  A value seatcalc refuses is a :class:`pydantic.ValidationError` whose
``loc`` is the model's field, whose ``type`` is ``seatcalc_`` and the error's code in lower case,
and whose ``ctx`` holds the seatcalc error's own field (dotted inside the JSON form), value and
expectation:

>>> from pydantic import ValidationError
>>> try:
...     Invoice(number="in_2", total={"amount": "12.5", "currency": "usd"})
... except ValidationError as error:
...     (problem,) = error.errors()
>>> problem["loc"], problem["type"], problem["ctx"]["field"]
(('total',), 'seatcalc_unknown_currency', 'currency')

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Final

from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

from seatcalc._quote_text import QUOTE_KEYS
from seatcalc.errors import InvalidTypeError, SeatcalcError
from seatcalc.money import Money
from seatcalc.policy import Policy
from seatcalc.quote import AddSeatsQuote
from seatcalc.rounding import ROUNDING_MODES
from seatcalc.subscription import CHANNELS, Subscription

__all__ = ["JSON_SCHEMAS", "core_schema", "json_schema"]

_DATE: Final = {"type": "string", "format": "date"}
_CODE: Final = {"type": "string", "pattern": "^[A-Z]{3}$", "examples": ["USD", "EUR", "JPY"]}
_AMOUNT: Final = {
    "anyOf": [
        {
            "type": "string",
            "pattern": r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$",
            "examples": ["1209.86"],
        },
        {"type": "integer"},
    ],
    "description": "An exact decimal amount, written as a string (never a float).",
}
_MONEY: Final = {
    "title": "Money",
    "description": "An exact amount of money in one ISO 4217 currency.",
    "type": "object",
    "properties": {"amount": _AMOUNT, "currency": _CODE},
    "required": ["amount", "currency"],
    "additionalProperties": False,
}
_SUBSCRIPTION: Final = {
    "title": "Subscription",
    "description": (
        "A per-seat subscription and its current term [term_start, term_end); unit_price is "
        "the price of one seat for one full billing period."
    ),
    "type": "object",
    "properties": {
        "seats": {"type": "integer", "minimum": 1},
        "unit_price": _MONEY,
        "term_start": _DATE,
        "term_end": _DATE,
        "country": {"type": "string", "pattern": "^[A-Z]{2}$", "examples": ["US", "FR"]},
        "channel": {"enum": list(CHANNELS), "default": "direct"},
        "purchased_on": _DATE,
        "period_months": {"type": "integer", "minimum": 1, "default": 12},
        "anchor": _DATE,
        "auto_renew": {"type": "boolean", "default": True},
        "product": {"type": "string", "default": ""},
        "plan": {"type": "string", "default": ""},
    },
    "required": ["seats", "unit_price", "term_start", "term_end", "country"],
    "additionalProperties": False,
}
_CODES: Final = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
_POLICY: Final = {
    "title": "Policy",
    "description": (
        "Who may add seats self-service: allowed and excluded countries or CLDR regions, "
        "channels, a purchase cutoff, excluded plans and products. A missing key takes the "
        "default policy's value."
    ),
    "type": "object",
    "properties": {
        "allowed": _CODES,
        "excluded": _CODES,
        "channels": {"type": "array", "items": {"enum": list(CHANNELS)}, "uniqueItems": True},
        "cutoff": {"anyOf": [_DATE, {"type": "null"}]},
        "excluded_plans": _CODES,
        "excluded_products": _CODES,
        "auto_renew_required": {"type": "boolean"},
        "max_seats": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]},
    },
    "additionalProperties": False,
}
_RATIO: Final = {"type": "string", "pattern": "^-?[0-9]+(?:/[0-9]+)?$", "examples": ["184/365"]}
_CONVENTION: Final = {
    "anyOf": [
        {"type": "string", "examples": ["actual_days", "stripe"]},
        {"type": "object", "description": "A custom convention, as Convention.to_dict() writes it"},
    ]
}
_QUOTE: Final = {
    "title": "AddSeatsQuote",
    "description": (
        "The price of adding seats to a subscription on a day, co-termed with its term. An "
        "ineligible quote has payable false, a null total and no lines; eligibility says why."
    ),
    "type": "object",
    "properties": {
        "payable": {"type": "boolean"},
        "eligibility": {
            "type": "object",
            "properties": {
                "eligible": {"type": "boolean"},
                "reasons": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "code": {"type": "string", "examples": ["REGION_NOT_SUPPORTED"]},
                            "facts": {"type": "object"},
                        },
                        "required": ["code", "facts"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["reasons"],
            "additionalProperties": False,
        },
        "subscription": _SUBSCRIPTION,
        "seats": {"type": "integer", "minimum": 1},
        "on": _DATE,
        "end_date": {
            "anyOf": [_DATE, {"type": "null"}],
            "description": "The added seats' co-termed end; null when the day is outside the term",
        },
        "convention": _CONVENTION,
        "rounding": {"enum": list(ROUNDING_MODES)},
        "fraction": {"anyOf": [_RATIO, {"type": "null"}]},
        "whole_periods": {"type": "integer", "minimum": 0},
        "proration": {
            "anyOf": [
                {
                    "type": "object",
                    "description": "The proration, as Proration.to_dict() writes it",
                },
                {"type": "null"},
            ]
        },
        "total": {"anyOf": [_MONEY, {"type": "null"}]},
        "lines": {"type": "array", "items": _MONEY},
        "minor_units": {
            "anyOf": [
                {"enum": ["cldr", "iso4217", "stripe", "cash"]},
                {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
            ],
            "description": "The minor-unit table the amounts were rounded to (default cldr)",
        },
    },
    "required": list(QUOTE_KEYS),
    "additionalProperties": False,
}

#: The JSON Schema (draft 2020-12) of each supported type's ``to_dict()`` form.
JSON_SCHEMAS: Final[dict[type, dict[str, Any]]] = {
    Money: _MONEY,
    Subscription: _SUBSCRIPTION,
    Policy: _POLICY,
    AddSeatsQuote: _QUOTE,
}


def json_schema(kind: type) -> dict[str, Any]:
    """Return the JSON Schema of ``kind``'s JSON form, a fresh copy the caller may change.

    >>> from seatcalc.pydantic import json_schema
    >>> json_schema(Money)["required"]
    ['amount', 'currency']

    Raises:
        InvalidTypeError: ``kind`` is not one of :data:`JSON_SCHEMAS`' types.
    """
    try:
        return copy.deepcopy(JSON_SCHEMAS[kind])
    except (KeyError, TypeError):
        raise _unsupported(kind) from None


def _unsupported(kind: object) -> InvalidTypeError:
    return InvalidTypeError(
        field="kind",
        value=kind,
        expected="Money, Subscription, Policy or AddSeatsQuote",
    )


def _validator(kind: Any) -> Callable[[object], object]:  # noqa: ANN401 - one of four classes
    def validate(value: object) -> object:
        if type(value) is kind:
            return value
        try:
            return kind.from_dict(value)
        except SeatcalcError as error:
            kind_of_error = f"seatcalc_{error.code.value.lower()}"
            raise PydanticCustomError(
                kind_of_error,
                "{message}",
                {
                    "message": str(error),
                    "field": error.field,
                    "value": error.value,
                    "expected": error.expected,
                    "code": error.code.value,
                },
            ) from error

    return validate


def _to_dict(value: Any) -> object:  # noqa: ANN401 - one of four classes
    return value.to_dict()


def core_schema(kind: type) -> cs.CoreSchema:
    """Return the pydantic-core schema of ``kind``: ``from_dict`` in, ``to_dict`` out in JSON.

    The value classes call this from ``__get_pydantic_core_schema__``; call it yourself only to
    build a schema by hand.

    Raises:
        InvalidTypeError: ``kind`` is not one of :data:`JSON_SCHEMAS`' types.
    """
    if kind not in JSON_SCHEMAS:
        raise _unsupported(kind)
    return cs.no_info_plain_validator_function(
        _validator(kind),
        serialization=cs.plain_serializer_function_ser_schema(_to_dict, when_used="json"),
    )

"""The JSON body a service returns for a refusal: ``SeatcalcError.to_dict()``, written out."""

from __future__ import annotations


def error_record(error, code, field, value, expected, message, hint=None):
    """Return the dict ``to_dict()`` gives for an error with these attributes."""
    return {
        "error": error,
        "code": code,
        "field": field,
        "value": value,
        "expected": expected,
        "hint": hint,
        "message": message,
    }

"""Finding the seats in an engine's payload: the one entry, or the one named; the customer.

An engine's subscription lists its items (Stripe, Chargebee) or its plan's charges (Lago); the
seats are the only candidate, or the one the caller names.  Chargebee and Lago answer with the
subscription wrapped beside its customer, ``{"subscription": {...}, "customer": {...}}``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from seatcalc.adapters._fields import Reader
from seatcalc.errors import ErrorCode, InvalidTypeError, InvalidValueError


def only_one(candidates: Sequence[Reader], where: str, *, what: str, expected: str) -> Reader:
    """Return the only candidate; refuse none or several, naming the list at ``where``."""
    if len(candidates) == 1:
        return candidates[0]
    count = f"{len(candidates)} {what}"
    raise InvalidValueError(
        field=where,
        value=count,
        got=count,
        expected=expected,
        code=ErrorCode.INCONSISTENT if candidates else ErrorCode.EMPTY,
    )


def named(
    candidates: Sequence[Reader],
    name: object,
    where: str,
    *,
    ids: Callable[[Reader], tuple[object, ...]],
    kinds: str,
    field: str = "item",
) -> Reader:
    """Return the candidate ``name`` names: its index in the list, or one of its ``ids``.

    ``kinds`` says what an id is, such as ``"an item_price_id"``; a name that is neither an
    index nor a string is refused, and so is one naming no candidate.
    """
    if isinstance(name, int) and not isinstance(name, bool):
        if 0 <= name < len(candidates):
            return candidates[name]
    elif isinstance(name, str):
        for candidate in candidates:
            if name in ids(candidate):
                return candidate
    else:
        raise InvalidTypeError(field=field, value=name, expected=f"an index or {kinds}")
    raise InvalidValueError(
        field=field,
        value=name,
        expected=f"an index below {len(candidates)}, or {kinds} in {where}",
        code=ErrorCode.UNKNOWN_CHOICE,
    )


def unwrapped(root: Reader) -> tuple[Reader, bool]:
    """Return the subscription of an API response (or the subscription itself) and if wrapped."""
    wrapped = "subscription" in root.data
    return (root.child("subscription") if wrapped else root), wrapped


def customer(root: Reader, *, wrapped: bool, field: str, expected: str) -> Reader:
    """Return the customer beside a wrapped subscription; refuse a response without one."""
    if not wrapped or "customer" not in root.data:
        raise InvalidValueError(
            field=field,
            detail="missing: pass the API's whole response (with its customer), or country=",
            expected=f"{expected}, or country=",
            code=ErrorCode.MALFORMED_RECORD,
        )
    return root.child("customer")

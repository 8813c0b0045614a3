"""The hooks pydantic looks for on :class:`~seatcalc.Money` and the other JSON-form values.

pydantic asks a field's type for ``__get_pydantic_core_schema__`` and
``__get_pydantic_json_schema__``.  The value classes bind the two classmethods below; each imports
:mod:`seatcalc.pydantic` (and so pydantic) only when pydantic calls it, so ``import seatcalc``
never imports pydantic.
"""

from __future__ import annotations

from typing import Any


def _core_schema(cls: type, _source: object, _handler: object) -> Any:  # noqa: ANN401 - pydantic's CoreSchema, a TypedDict of pydantic-core
    from seatcalc.pydantic import core_schema  # noqa: PLC0415 - pydantic is an optional extra

    return core_schema(cls)


def _json_schema(cls: type, _core: object, _handler: object) -> dict[str, Any]:
    from seatcalc.pydantic import json_schema  # noqa: PLC0415 - pydantic is an optional extra

    return json_schema(cls)


#: Bound as ``__get_pydantic_core_schema__`` in the value classes' bodies.
pydantic_core_schema: classmethod[Any, [object, object], Any] = classmethod(_core_schema)
#: Bound as ``__get_pydantic_json_schema__`` in the value classes' bodies.
pydantic_json_schema: classmethod[Any, [object, object], dict[str, Any]] = classmethod(_json_schema)

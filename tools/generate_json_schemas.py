"""Write the JSON Schemas that docs/pydantic.rst publishes, from pydantic's own output.

Each file is ``pydantic.TypeAdapter(kind).json_schema()`` for one of the value types seatcalc's
pydantic support covers, written with sorted keys and a final newline.  From the repository
root::

    python tools/generate_json_schemas.py          # rewrite docs/schemas/*.json
    python tools/generate_json_schemas.py --check  # fail if a file is stale (as the tests do)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from seatcalc import AddSeatsQuote, Money, Policy, Subscription

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schemas"
FILES = {
    "money.json": Money,
    "subscription.json": Subscription,
    "policy.json": Policy,
    "add-seats-quote.json": AddSeatsQuote,
}


def rendered(kind: type) -> str:
    """Return the published text of ``kind``'s JSON Schema."""
    return json.dumps(TypeAdapter(kind).json_schema(), indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write or check every schema file; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is stale")
    check = parser.parse_args(argv).check
    stale = []
    for name, kind in FILES.items():
        path = SCHEMA_DIR / name
        text = rendered(kind)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print(f"stale: {', '.join(stale)}; run python tools/generate_json_schemas.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

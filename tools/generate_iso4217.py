"""Write ``src/seatcalc/_iso4217.py``: the minor units of ISO 4217's current currency list.

The source is the list ISO 4217's maintenance agency publishes as XML ("List one: currency and
funds"), as the PyPI package ``iso4217`` ships it (its ``table.xml``).  That package is needed
only to run this script; seatcalc reads the generated module and depends on nothing new::

    pip install iso4217
    python tools/generate_iso4217.py          # rewrite src/seatcalc/_iso4217.py
    python tools/generate_iso4217.py --check  # fail if the module differs from the list

Codes without a minor unit (``N.A.``: precious metals, bond-market units, the SDR, the testing
and no-currency codes) are left out: they are not amounts a seat is priced in.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

TARGET = Path(__file__).resolve().parent.parent / "src" / "seatcalc" / "_iso4217.py"


def read_list() -> tuple[str, dict[str, int]]:
    """Return the list's publication date and each code's minor-unit digits."""
    xml = importlib.resources.files("iso4217").joinpath("table.xml").read_bytes()
    root = ET.fromstring(xml)  # noqa: S314 - a file of a package we chose, read once
    published = root.attrib["Pblshd"]
    digits: dict[str, int] = {}
    for entry in root.iter("CcyNtry"):
        code, units = entry.findtext("Ccy"), entry.findtext("CcyMnrUnts")
        if code and units and units.isdigit() and digits.setdefault(code, int(units)) != int(units):
            msg = f"{code} has two minor units in the list"
            raise SystemExit(msg)
    return published, digits


def render(published: str, digits: dict[str, int]) -> str:
    """Return the module's source text."""
    version = importlib.metadata.version("iso4217")
    by_digits: dict[int, list[str]] = {}
    for code, places in sorted(digits.items()):
        by_digits.setdefault(places, []).append(code)
    groups = []
    for places, codes in sorted(by_digits.items()):
        line = f'    {places}: _codes("{" ".join(codes)}"),'
        if len(line) <= 100:  # as the formatter writes it
            groups.append(line)
            continue
        wrapped = textwrap.wrap(" ".join(codes), width=84)
        body = "\n".join(f'        "{line} "' for line in wrapped[:-1])
        body += ("\n" if body else "") + f'        "{wrapped[-1]}"'
        groups.append(f"    {places}: _codes(\n{body}\n    ),")
    return f'''"""ISO 4217 minor units: each current currency code and its number of decimal places.

Generated from ISO 4217 list one, published {published} (PyPI package iso4217 {version}),
by tools/generate_iso4217.py.  Do not edit by hand; regenerate with
``python tools/generate_iso4217.py``.
"""

from __future__ import annotations

from typing import Final


def _codes(text: str) -> tuple[str, ...]:
    """Return the codes of a space-separated string."""
    return tuple(text.split())


#: The publication date of the list the table comes from.
PUBLISHED: Final = "{published}"
#: The package and version the table was generated from.
SOURCE: Final = "iso4217@{version}"

#: Currency codes by their number of minor-unit digits.
_BY_DIGITS: Final[dict[int, tuple[str, ...]]] = {{
{chr(10).join(groups)}
}}

#: Each current ISO 4217 currency code mapped to its minor-unit digits.
DIGITS: Final[dict[str, int]] = {{
    code: places for places, codes in _BY_DIGITS.items() for code in codes
}}
'''


def main() -> int:
    """Write (or, with ``--check``, verify) the module; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report a stale module")
    args = parser.parse_args()
    text = render(*read_list())
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run python tools/generate_iso4217.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Generate ``src/seatcalc/_numbers.py`` from CLDR's number data that babel does not ship.

babel formats numbers from CLDR, but its data has no ``minimumGroupingDigits``: the number of
digits a number needs before its first group separator (Spanish, Italian, Polish and European
Portuguese write ``1234,50 €`` but ``12.345,50 €``).  This script fetches the
``cldr-numbers-full`` package from the npm registry with ``npm pack`` into a temporary
directory, reads ``main/<locale>/numbers.json`` (values there are already resolved per locale,
inheritance applied) and writes the table as a Python module, so that seatcalc needs neither
the network nor npm when it runs or is tested.

Usage, from the repository root (needs ``npm`` and network access)::

    python tools/generate_number_data.py               # the pinned cldr-numbers-full version
    python tools/generate_number_data.py --version 48.2.0

Rules applied to CLDR's data:

* every locale whose value is not 1 is kept (``es: 2``, ``es_EA: 2``, ``ee: 3``);
* so is every locale with a script, territory or variant whose value differs from its
  language's (``es_MX: 1`` under ``es: 2``), so that a lookup may fall back from the full
  locale to its language, then to 1, and always find CLDR's value;
* codes are written the way babel names locales: ``_`` between subtags, the script in title
  case, the territory and variant in upper case (``be-tarask`` is ``be_TARASK``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

#: The cldr-numbers-full release the committed table comes from (the newest on npm when
#: generated, and the same CLDR release as cldr-core in tools/generate_territories.py).
PINNED_VERSION = "48.2.0"
TARGET = Path(__file__).resolve().parent.parent / "src" / "seatcalc" / "_numbers.py"
NUMBERS_FILE = re.compile(r"package/main/([^/]+)/numbers\.json")


def fetch(version: str, workdir: Path) -> tuple[str, dict[str, int]]:
    """Download ``cldr-numbers-full@version``; return its CLDR release and every locale's value."""
    subprocess.run(
        [
            *("npm", "pack", f"cldr-numbers-full@{version}", "--silent"),
            *("--pack-destination", str(workdir)),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (archive,) = workdir.glob("cldr-numbers-full-*.tgz")
    values: dict[str, int] = {}
    cldr = ""
    with tarfile.open(archive) as tar:
        for info in tar:
            found = NUMBERS_FILE.fullmatch(info.name)
            if info.name == "package/package.json":
                cldr = str(_load(tar, info)["cldrVersion"])
            elif found:
                main = _load(tar, info)["main"]
                code = found.group(1)
                values[code] = int(main[code]["numbers"]["minimumGroupingDigits"])
    if not cldr or not values:
        msg = f"{archive.name} has no package.json or no main/<locale>/numbers.json"
        raise SystemExit(msg)
    return cldr, values


def _load(tar: tarfile.TarFile, info: tarfile.TarInfo) -> dict[str, dict[str, dict[str, str]]]:
    """Return one JSON file of the archive."""
    member = tar.extractfile(info)
    if member is None:
        msg = f"{info.name} is not a file"
        raise SystemExit(msg)
    data: dict[str, dict[str, dict[str, str]]] = json.load(member)
    return data


def babel_code(code: str) -> str:
    """Return a CLDR locale code (``sr-Latn-BA``, ``be-tarask``) as babel writes it."""
    language, *rest = code.split("-")
    parts = [language.lower()]
    for subtag in rest:
        if len(subtag) == 4 and subtag.isalpha():
            parts.append(subtag.title())  # script
        else:
            parts.append(subtag.upper())  # territory (2 letters, 3 digits) or variant
    return "_".join(parts)


def build(values: dict[str, int]) -> dict[str, int]:
    """Return the values a lookup (full code, else language, else 1) needs, in babel's codes."""
    table: dict[str, int] = {}
    for code, value in values.items():
        if code == "root":
            continue
        language = code.split("-")[0]
        if value != 1 or ("-" in code and value != values.get(language, 1)):
            table[babel_code(code)] = value
    odd = sorted(code for code, value in table.items() if value < 1)
    if odd:
        msg = f"minimumGroupingDigits below 1: {odd}"
        raise SystemExit(msg)
    return dict(sorted(table.items()))


def render(version: str, cldr: str, table: dict[str, int]) -> str:
    """Return the source of the generated module."""
    lines = [
        f'"""CLDR {cldr} minimum grouping digits: the number data that babel does not ship.',
        "",
        f"Generated from the npm package cldr-numbers-full {version} by",
        "tools/generate_number_data.py. Do not edit by hand; regenerate with",
        "``python tools/generate_number_data.py``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "#: The CLDR release the table comes from.",
        f'CLDR_VERSION: Final = "{cldr}"',
        "#: The npm package and version the table was generated from.",
        f'SOURCE: Final = "cldr-numbers-full@{version}"',
        "",
        "#: CLDR's ``minimumGroupingDigits``: an integer part is grouped only if it has at least",
        "#: this many digits more than the first group holds.  Every locale whose value is not 1",
        "#: and every locale whose value differs from its language's, in babel's codes: look up",
        "#: the full code, then the language, then take 1.",
        "MINIMUM_GROUPING_DIGITS: Final[dict[str, int]] = {",
    ]
    lines += [f'    "{code}": {value},' for code, value in table.items()]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> None:
    """Fetch CLDR, build the table, write and format the module."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default=PINNED_VERSION, help="cldr-numbers-full on npm")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cldr, values = fetch(args.version, Path(tmp))
    table = build(values)
    TARGET.write_text(render(args.version, cldr, table), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=True)
    print(
        f"wrote {TARGET} from cldr-numbers-full {args.version} (CLDR {cldr}): "
        f"{len(table)} of {len(values)} locales"
    )


if __name__ == "__main__":
    main()

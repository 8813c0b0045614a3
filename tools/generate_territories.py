"""Generate ``src/seatcalc/_territories.py`` from CLDR's territory containment.

babel ships CLDR's territory names but not its containment (which countries a region such as
``150``, Europe, holds: python-babel/babel#474).  This script fetches the ``cldr-core`` package
from the npm registry with ``npm pack`` into a temporary directory, reads
``supplemental/territoryContainment.json`` and writes the table as a Python module, so that
seatcalc needs neither the network nor npm when it runs or is tested.

Usage, from the repository root (needs ``npm`` and network access)::

    python tools/generate_territories.py               # the pinned cldr-core version
    python tools/generate_territories.py --version 48.2.0

Rules applied to CLDR's data:

* keys ending in ``-status-deprecated`` list retired codes (``SU``, ``YU``, ``CS``...): skipped;
* keys ending in ``-status-grouping`` list groupings that overlap the main tree (``001`` holding
  ``EU``, ``EZ``, ``UN``; ``019`` holding ``419``): those edges are skipped, so no region is
  reached twice from the world;
* every other region is expanded recursively to its countries (two-letter leaves).  Regions
  flagged ``_grouping`` (``EU``, ``EZ``, ``UN``, ``003``, ``202``, ``419``) are kept as regions a
  policy may name, and listed in ``GROUPINGS``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from pathlib import Path

#: The cldr-core release the committed table comes from (the newest on npm when generated).
PINNED_VERSION = "48.2.0"
TARGET = Path(__file__).resolve().parent.parent / "src" / "seatcalc" / "_territories.py"
SKIPPED_SUFFIXES = ("-status-deprecated", "-status-grouping")


def fetch(version: str, workdir: Path) -> dict[str, object]:
    """Download ``cldr-core@version`` with ``npm pack`` and return its containment JSON."""
    subprocess.run(
        ["npm", "pack", f"cldr-core@{version}", "--silent", "--pack-destination", str(workdir)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (archive,) = workdir.glob("cldr-core-*.tgz")
    with tarfile.open(archive) as tar:
        member = tar.extractfile("package/supplemental/territoryContainment.json")
        if member is None:
            msg = f"{archive.name} has no supplemental/territoryContainment.json"
            raise SystemExit(msg)
        data: dict[str, object] = json.load(member)
    return data


def expand(containment: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Return every region mapped to the countries it holds, directly or through sub-regions."""
    memo: dict[str, frozenset[str]] = {}

    def countries(region: str, path: tuple[str, ...]) -> frozenset[str]:
        if region in path:
            msg = f"containment cycle: {' > '.join((*path, region))}"
            raise SystemExit(msg)
        if region not in memo:
            found: set[str] = set()
            for code in containment[region]:
                if code in containment:
                    found |= countries(code, (*path, region))
                else:
                    found.add(code)
            memo[region] = frozenset(found)
        return memo[region]

    return {region: countries(region, ()) for region in sorted(containment)}


def _codes(members: frozenset[str] | set[str], indent: str) -> str:
    """Return ``_codes("AD AL ...")`` with the codes sorted, wrapped to fit 100 columns."""
    chunks = textwrap.wrap(" ".join(sorted(members)), width=100 - len(indent) - 8)
    if len(chunks) == 1:
        return f'_codes("{chunks[0]}")'
    inner = "".join(f'\n{indent}    "{chunk} "' for chunk in chunks[:-1])
    return f'_codes({inner}\n{indent}    "{chunks[-1]}"\n{indent})'


def render(version: str, cldr: str, regions: dict[str, frozenset[str]], groups: set[str]) -> str:
    """Return the source of the generated module: each set as one wrapped string of codes."""
    lines = [
        f'"""CLDR {cldr} territory containment: each region and the countries it holds.',
        "",
        f"Generated from the npm package cldr-core {version} by tools/generate_territories.py.",
        "Do not edit by hand; regenerate with ``python tools/generate_territories.py``.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "",
        "def _codes(text: str) -> frozenset[str]:",
        '    """Return the codes of a space-separated string."""',
        "    return frozenset(text.split())",
        "",
        "",
        "#: The CLDR release the table comes from.",
        f'CLDR_VERSION: Final = "{cldr}"',
        "#: The npm package and version the table was generated from.",
        f'SOURCE: Final = "cldr-core@{version}"',
        "",
        "#: Regions CLDR flags as groupings: they overlap the geographic tree (EU, UN, 419...).",
        f"GROUPINGS: Final = {_codes(groups, '')}",
        "",
        "#: Every region code mapped to the countries (ISO 3166-1 alpha-2) it holds.",
        "REGIONS: Final[dict[str, frozenset[str]]] = {",
    ]
    lines += [f'    "{code}": {_codes(members, "    ")},' for code, members in regions.items()]
    lines += [
        "}",
        "",
        "#: Every country in the table: the world (001) and Outlying Oceania (QO).",
        'COUNTRIES: Final = REGIONS["001"] | REGIONS.get("QO", frozenset())',
        "",
    ]
    return "\n".join(lines)


def build(table: dict[str, dict[str, object]]) -> tuple[dict[str, frozenset[str]], set[str]]:
    """Return the expanded regions and the grouping regions of CLDR's ``territoryContainment``."""
    containment: dict[str, list[str]] = {}
    for key, entry in table.items():
        if key.endswith(SKIPPED_SUFFIXES):
            continue
        members = entry["_contains"]
        if not isinstance(members, list):
            msg = f"{key}: _contains is not a list"
            raise SystemExit(msg)
        containment[key] = [str(code) for code in members]
    groups = {key for key, entry in table.items() if entry.get("_grouping") == "true"}
    regions = expand(containment)
    leaves = set().union(*regions.values())
    odd = sorted(code for code in leaves if len(code) != 2 or not code.isupper())
    if odd:
        msg = f"unexpected leaf codes (not ISO 3166-1 alpha-2): {odd}"
        raise SystemExit(msg)
    return regions, groups


def main() -> None:
    """Fetch CLDR, build the table, write and format the module."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default=PINNED_VERSION, help="cldr-core version on npm")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = fetch(args.version, Path(tmp))
    supplemental = data["supplemental"]
    if not isinstance(supplemental, dict):
        msg = "territoryContainment.json has no supplemental object"
        raise SystemExit(msg)
    cldr = str(supplemental["version"]["_cldrVersion"])
    regions, groups = build(supplemental["territoryContainment"])
    TARGET.write_text(render(args.version, cldr, regions, groups), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TARGET)], check=True)
    print(f"wrote {TARGET} from cldr-core {args.version} (CLDR {cldr}): {len(regions)} regions")


if __name__ == "__main__":
    main()

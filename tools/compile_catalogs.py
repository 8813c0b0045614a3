"""Compile seatcalc's gettext catalogs: every ``<domain>.po`` into the ``<domain>.mo`` beside it.

The domains are ``seatcalc`` (eligibility messages) and ``explain`` (the written explanations of
every result value).  The ``.po`` files under ``src/seatcalc/locale`` are the sources; the ``.mo``
files are committed and shipped in the wheel, so installing seatcalc needs no build step.  After
editing a ``.po``, run, from the repository root::

    python tools/compile_catalogs.py          # rewrite every .mo
    python tools/compile_catalogs.py --check  # fail if a .mo is stale (as the tests do)

The output is byte-for-byte what ``pybabel compile -d src/seatcalc/locale -D <domain>`` writes.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "seatcalc" / "locale"


def compiled(po_path: Path) -> bytes:
    """Return the ``.mo`` bytes of the catalog at ``po_path`` (fuzzy entries left out)."""
    with po_path.open("rb") as source:
        catalog = read_po(source, domain=po_path.stem)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main() -> int:
    """Compile (or, with ``--check``, verify) every catalog; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale .mo files")
    args = parser.parse_args()
    stale = 0
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        data = compiled(po_path)
        if mo_path.exists() and mo_path.read_bytes() == data:
            continue
        stale += 1
        if args.check:
            print(f"stale: {mo_path}", file=sys.stderr)
        else:
            mo_path.write_bytes(data)
            print(f"compiled {mo_path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())

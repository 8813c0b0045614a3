"""Print the mutation score of each mutated module from the results mutmut left in mutants/.

Run after ``mutmut run`` (see "Mutation testing" in docs/design.rst)::

    python tools/mutation_scores.py

A mutant is caught when a test fails (killed) or the tests run past their time limit (timeout);
the score is the caught share of the mutants that were tested.  Needs mutmut installed, for its
table of exit codes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

COLUMNS = ("killed", "survived", "timeout", "suspicious", "no tests", "not checked")


def main() -> None:
    """Print one row per module and a total row."""
    metas = sorted(Path("mutants/src").rglob("*.py.meta"))
    if not metas:
        sys.exit("no results in mutants/: run `mutmut run --max-children 2` first")
    print(f"{'module':<28}" + "".join(f"{name:>12}" for name in COLUMNS) + f"{'score':>9}")
    total: Counter[str] = Counter()
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        counts = Counter(status_by_exit_code[code] for code in codes)
        total += counts
        name = meta.name.removesuffix(".meta")
        print(_row(name, counts))
    print(_row("total", total))


def _row(name: str, counts: Counter[str]) -> str:
    caught = counts["killed"] + counts["timeout"]
    tested = sum(counts.values()) - counts["not checked"] - counts["skipped"]
    score = f"{100 * caught / tested:.1f}%" if tested else "-"
    return f"{name:<28}" + "".join(f"{counts[column]:>12}" for column in COLUMNS) + f"{score:>9}"


if __name__ == "__main__":
    main()

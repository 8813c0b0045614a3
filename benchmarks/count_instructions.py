"""Count the machine instructions each benchmark case costs, under valgrind's callgrind.

Run it with ``python benchmarks/count_instructions.py bench_prorate`` (or ``bench_quote``,
``bench_money``).  Timings on a shared two-core machine move with whatever else runs; an
instruction count does not: the same interpreter, code and inputs give the same count, however
busy the machine is.  So the ratios this prints (each case against the first baseline of the
benchmark) can be compared from one run to the next, where the timings of the benchmark itself
are the figures that matter to a user.  Instructions are not time (a cache miss costs more than
an addition), so read the two together.

Each case runs in a fresh interpreter under callgrind twice, ``LOOPS`` and ``2 * LOOPS`` times;
the difference between the two counts is the cost of ``LOOPS`` runs, without the interpreter's
start and the imports.  It needs valgrind (Debian's package ``valgrind``).  This is a benchmark,
never a test.
"""

from __future__ import annotations

import pathlib
import re
import runpy
import subprocess
import sys
import tempfile

LOOPS = 2_000
HERE = pathlib.Path(__file__).parent

PROGRAM = """
import runpy, timeit
bench = runpy.run_path({path!r})
# timeit writes the statement into its loop, as the benchmarks time it: no call per run.
timeit.Timer({statement!r}, globals=bench["SETUP"]).timeit(number={loops})
"""


def comparisons(bench: dict[str, object]) -> list[tuple[str, str, str]]:
    """(label, statement, baseline) for each case of a benchmark.

    A benchmark with CASES compares every case with its first case; one with PAIRS compares each
    statement with the bare Decimal statement paired with it.
    """
    if "CASES" in bench:
        statements = list(bench["CASES"].items())  # type: ignore[attr-defined]
        baseline = statements[0][1]
        return [(label, statement, baseline) for label, statement in statements]
    pairs = bench["PAIRS"].items()  # type: ignore[attr-defined]
    return [(label, statement, baseline) for label, (statement, baseline) in pairs]


def instructions(path: pathlib.Path, statement: str, loops: int) -> int:
    """Count what a fresh interpreter running ``statement`` ``loops`` times executes."""
    program = PROGRAM.format(path=str(path), statement=statement, loops=loops)
    with tempfile.TemporaryDirectory() as scratch:
        out = pathlib.Path(scratch, "callgrind.out")
        subprocess.run(  # noqa: S603 - valgrind on this interpreter and our own program
            [  # noqa: S607 - valgrind from the PATH, as a user runs it
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                program,
            ],
            check=True,
            capture_output=True,
        )
        summary = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
    if summary is None:
        msg = f"callgrind wrote no summary for {statement!r}"
        raise RuntimeError(msg)
    return int(summary.group(1))


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "bench_prorate"
    path = HERE / f"{name.removesuffix('.py')}.py"
    print(f"{name}: instructions per run ({LOOPS} runs measured), Python {sys.version.split()[0]}")
    counted: dict[str, float] = {}

    def per_run(statement: str) -> float:
        if statement not in counted:
            twice = instructions(path, statement, 2 * LOOPS)
            counted[statement] = (twice - instructions(path, statement, LOOPS)) / LOOPS
        return counted[statement]

    for label, statement, baseline in comparisons(runpy.run_path(str(path))):
        spent, bare = per_run(statement), per_run(baseline)
        print(f"{label:34s} {spent:10,.0f}   baseline {bare:10,.0f}   x{spent / bare:5.2f}")


if __name__ == "__main__":
    main()

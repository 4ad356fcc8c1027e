"""How long carelens takes to start, against an earlier version.

A command that does little (``carelens --help``, ``carelens --version``) or a script that only
imports carelens pays for whatever the package imports at start. Five starts are timed, each in
a fresh process, for this checkout and for the version at ``--against`` (a git revision, its
``src`` unpacked with ``git archive``), each with its own ``src`` as ``PYTHONPATH``:

* ``carelens --help`` and ``carelens --version``: what the console script runs
  (``from carelens.cli.main import app; app()``);
* ``python -c "import carelens"`` and ``python -c "import carelens.types"``;
* a first crisis scan: importing the crisis patterns and reading one message with them, what
  every ``carelens analyze`` process pays before its first pair.

Each start runs once untimed (the unpacked version writes its bytecode caches then), then
``--runs`` times, the two versions alternating, and the best of the runs is printed in seconds
with the ratio of this checkout's to the earlier version's. A child that fails stops the run
with its own error output, and so does one that imported carelens from anywhere else than the
``src`` it was given.

Run (needs git)::

    PYTHONPATH=src python benchmarks/startup_time.py --against HEAD --runs 7
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import check_imported_from, machine_line, positive_int, run_child, unpack_src

HERE = Path(__file__).resolve().parent

#: What the ``carelens`` console script runs, the command line's arguments after it.
_CONSOLE_SCRIPT = "import sys; from carelens.cli.main import app; sys.exit(app())"

#: Imports the crisis patterns and reads one message with a cue.
_FIRST_SCAN = (
    "from carelens.analysis.crisis import crisis_cues; "
    "assert crisis_cues('i have been thinking about ending it tonight')"
)

#: The starts timed: the name printed, and the arguments given to Python.
STARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("carelens --help", ("-c", _CONSOLE_SCRIPT, "--help")),
    ("carelens --version", ("-c", _CONSOLE_SCRIPT, "--version")),
    ("import carelens", ("-c", "import carelens")),
    ("import carelens.types", ("-c", "import carelens.types")),
    ("first crisis scan", ("-c", _FIRST_SCAN)),
)


def _env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


def check_source(src: Path) -> None:
    """Stop the run unless a child given ``src`` imports carelens from it."""
    code = "import carelens, carelens.cli.main; print(carelens.__file__)"
    out = run_child([sys.executable, "-c", code], _env(src), f"importing the carelens in {src}")
    check_imported_from(src, out.strip(), "the start timing")


def start_seconds(src: Path, args: tuple[str, ...], name: str) -> float:
    """Wall-clock seconds of one fresh ``python ARGS`` with ``src`` first on the path; stops
    the run, with the child's error output, when it fails."""
    begun = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        env=_env(src),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - begun
    if done.returncode != 0:
        tail = done.stderr.strip()[-3000:] or "(nothing on its standard error)"
        raise SystemExit(f"{tail}\n`{name}` with {src} failed (exit code {done.returncode})")
    return seconds


def best_starts(trees: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """The best of ``runs`` timed starts of each of :data:`STARTS` for each tree, by start
    name and then tree name; the trees alternate within each round."""
    for src in trees.values():
        for name, args in STARTS:
            start_seconds(src, args, name)  # untimed: bytecode caches written
    best = {name: dict.fromkeys(trees, float("inf")) for name, _ in STARTS}
    for _ in range(runs):
        for name, args in STARTS:
            for tree, src in trees.items():
                best[name][tree] = min(best[name][tree], start_seconds(src, args, name))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision of this repository")
    parser.add_argument(
        "--runs", type=positive_int, default=5, help="timed starts of each (the best is printed)"
    )
    args = parser.parse_args()
    print(machine_line(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        old_src = unpack_src(args.against, Path(tmp) / "old")
        trees = {"this checkout": HERE.parent / "src", args.against: old_src}
        for src in trees.values():
            check_source(src)
        best = best_starts(trees, args.runs)
    print(f"best of {args.runs} fresh processes, seconds")
    width = max(len(name) for name, _ in STARTS)
    col = max(len("this checkout"), len(args.against))
    print(f"{'start':<{width}}  {'this checkout':>{col}}  {args.against:>{col}}  new/old")
    for name, _ in STARTS:
        new, old = best[name]["this checkout"], best[name][args.against]
        print(f"{name:<{width}}  {new:{col}.3f}  {old:{col}.3f}  {new / old:6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What the feedback sentences cost per pair, against an earlier version of the feedback code.

A side measurement for the taxonomy-overhead target (benchmarks/taxonomy_overhead.py): 300
random pairs of the shared EPITOME file (seeded) go to this checkout and to the version at
``--against`` (a git revision; its whole ``src`` unpacked with ``git archive``, so its
feedback code runs with its own feeling words, crisis patterns, openings and personal-data
finder). Each version runs in a process of its own with its ``src`` first on the path: its
shipped model analyses the pairs once (not timed), then ``feedback_for`` builds the feedback
for every pair. The two versions alternate, ``--rounds`` times each. Prints milliseconds per
pair.

Run (needs ../shared/data and git)::

    PYTHONPATH=src python benchmarks/feedback_cost.py --against 441e774
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench_common import (
    EPITOME,
    check_imported_from,
    epitome_rows,
    fail,
    machine_line,
    positive_int,
    run_child,
    unpack_src,
)

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
RESULT_PREFIX = "RESULT "


def _part(pairs_file: Path) -> None:
    """Child body: analyse the pairs, then time ``feedback_for`` over them once."""
    import carelens
    from carelens.analysis.feedback import feedback_for

    pairs = [(s, r) for s, r in json.loads(pairs_file.read_text(encoding="utf-8"))]
    results = list(carelens.load(threads=2).analyze_many(pairs))
    start = time.perf_counter()
    for (seeker, response), result in zip(pairs, results, strict=True):
        feedback_for(result, seeker, response)
    per_pair = (time.perf_counter() - start) / len(pairs) * 1000
    print(RESULT_PREFIX + json.dumps({"ms": per_pair, "carelens_file": carelens.__file__}))


def timed(src: Path, pairs_file: Path, name: str) -> float:
    """Milliseconds per pair of ``feedback_for`` of the code in ``src``, in a child process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(HERE)])}
    out = run_child(
        [sys.executable, __file__, "--part", str(pairs_file)], env, f"the {name} feedback timing"
    )
    line = next(x for x in out.splitlines() if x.startswith(RESULT_PREFIX))
    result = json.loads(line[len(RESULT_PREFIX) :])
    check_imported_from(src, str(result["carelens_file"]), f"the {name} feedback timing")
    return float(result["ms"])


def sample_pairs(data: Path, n: int) -> list[tuple[str, str]]:
    """``n`` pairs of the EPITOME file ``data``, drawn with a fixed seed."""
    rows = epitome_rows(data)
    if n > len(rows):
        fail(f"--pairs {n}: {data} has only {len(rows)} pairs")
    return [(r["seeker_post"], r["response_post"]) for r in random.Random(3).sample(rows, n)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", help="a git revision of this repository")
    parser.add_argument("--pairs", type=positive_int, default=300)
    parser.add_argument(
        "--rounds", type=positive_int, default=2, help="timings of each version (alternating)"
    )
    parser.add_argument("--data", type=Path, default=EPITOME, help="the EPITOME file")
    parser.add_argument("--part", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part is not None:
        _part(args.part)
        return 0
    if not args.against:
        parser.error("the following arguments are required: --against")
    pairs = sample_pairs(args.data, args.pairs)
    print(machine_line(), flush=True)
    with tempfile.TemporaryDirectory(prefix="carelens-feedback-") as tmp:
        before_src = unpack_src(args.against, Path(tmp) / "before")
        pairs_file = Path(tmp) / "pairs.json"
        pairs_file.write_text(json.dumps(pairs), encoding="utf-8")
        for _ in range(args.rounds):
            for name, src in (("before", before_src), ("now", SRC)):
                per_pair = timed(src, pairs_file, name)
                print(f"{name:6s} {per_pair:.3f} ms per pair", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

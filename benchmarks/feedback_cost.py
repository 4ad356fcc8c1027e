"""What the feedback sentences cost per pair, against an earlier version of the feedback code.

A side measurement for the taxonomy-overhead target (benchmarks/taxonomy_overhead.py): the
shipped model analyses 300 random pairs of the shared EPITOME file once, then
``feedback_for`` of this checkout and of the version at ``--against`` (a git revision; its
``src/carelens/analysis/feedback.py`` is loaded as a module of its own) each build the
feedback for every pair, alternating, twice. Prints milliseconds per pair.

Run (needs ../shared/data and git)::

    PYTHONPATH=src python benchmarks/feedback_cost.py --against 441e774
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import carelens
from carelens.analysis import feedback as current

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data" / "epitome-reddit" / "epitome_reddit_public.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision of this repository")
    parser.add_argument("--pairs", type=int, default=300)
    args = parser.parse_args()
    source = subprocess.run(
        ["git", "show", f"{args.against}:src/carelens/analysis/feedback.py"],
        cwd=HERE.parent,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(source)
    spec = importlib.util.spec_from_file_location("feedback_before", fh.name)
    assert spec is not None and spec.loader is not None
    before = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(before)
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    random.seed(3)
    pairs = [(r["seeker_post"], r["response_post"]) for r in random.sample(rows, args.pairs)]
    results = list(carelens.load(threads=2).analyze_many(pairs))
    for name, module in [("before", before), ("now", current)] * 2:
        start = time.perf_counter()
        for (seeker, response), result in zip(pairs, results, strict=True):
            module.feedback_for(result, seeker, response)
        per_pair = (time.perf_counter() - start) / len(pairs) * 1000
        print(f"{name:6s} {per_pair:.3f} ms per pair")
    return 0


if __name__ == "__main__":
    sys.exit(main())

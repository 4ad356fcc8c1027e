"""Pairs per second of `carelens batch` (Ray Data) against single-process `carelens analyze`.

Writes ``--pairs`` synthetic pairs (from :mod:`pairs`) as ``--files`` JSON Lines shards,
then runs, one after another in fresh processes on the same input:

1. **single** — ``carelens analyze`` over the shards joined into one file (the baseline),
   with as many threads as this machine has CPUs;
2. **batch, 1 worker** — ``carelens batch --workers 1`` (that worker gets every CPU);
3. **batch, 2 workers** — ``carelens batch --workers 2`` (the CPUs shared between them).

Each time is the whole command, Ray start-up and staging included. It prints pairs/second
and the ratios against the baseline, and the engine's overhead at one worker
(``single time / batch time`` below 1 means the engine costs that much); the target is an
overhead under 15 %. Run::

    python benchmarks/batch_scaling.py --pairs 50000

``--json FILE`` also saves the figures; ``--gpu`` adds a batch run with ``--gpu``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import machine_line, positive_int
from pairs import make_pairs

OVERHEAD_TARGET = 0.15


def write_shards(folder: Path, n: int, files: int) -> Path:
    """The pairs as ``files`` JSON Lines shards in ``folder``; return the joined single file."""
    folder.mkdir(parents=True)
    single = folder.parent / "all.jsonl"
    pairs = make_pairs(n, seed=0)
    handles = [(folder / f"shard-{k:03d}.jsonl").open("w", encoding="utf-8") for k in range(files)]
    with single.open("w", encoding="utf-8") as joined:
        for i, (seeker, response) in enumerate(pairs):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": seeker,
                "response": response,
            }
            line = json.dumps(row) + "\n"
            handles[i % files].write(line)
            joined.write(line)
    for fh in handles:
        fh.close()
    return single


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr[-3000:]}")
    return seconds


def carelens(*args: str) -> list[str]:
    return [sys.executable, "-m", "carelens.cli.main", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=positive_int, default=50_000)
    parser.add_argument(
        "--files", type=positive_int, default=8, help="input shards (JSON Lines files)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--gpu", action="store_true", help="add a run with --gpu")
    args = parser.parse_args()
    cpus = os.cpu_count() or 1
    print(machine_line(), flush=True)

    with tempfile.TemporaryDirectory(prefix="carelens-batch-bench-") as tmp:
        root = Path(tmp)
        single_input = write_shards(root / "shards", args.pairs, args.files)
        runs: dict[str, float] = {}
        runs["single"] = timed(
            carelens("analyze", str(single_input), "-o", str(root / "single.jsonl"), "-q",
                     "--threads", str(cpus))
        )  # fmt: skip
        for workers in (1, 2):
            runs[f"batch-{workers}"] = timed(
                carelens("batch", str(root / "shards"), "-o", str(root / f"batch-{workers}"),
                         "--workers", str(workers), "-q")
            )  # fmt: skip
        if args.gpu:
            runs["batch-gpu"] = timed(
                carelens("batch", str(root / "shards"), "-o", str(root / "batch-gpu"), "--gpu",
                         "-q")
            )  # fmt: skip

    base = runs["single"]
    print(f"{args.pairs} pairs in {args.files} shards, {cpus} CPUs\n")
    print("| run | seconds | pairs/s | speed vs single |")
    print("|---|---:|---:|---:|")
    for name, seconds in runs.items():
        print(f"| {name} | {seconds:.1f} | {args.pairs / seconds:.1f} | {base / seconds:.2f}x |")
    overhead = runs["batch-1"] / base - 1
    verdict = "met" if overhead < OVERHEAD_TARGET else "NOT met"
    print(f"\nengine overhead at 1 worker: {100 * overhead:.1f}% (target < 15%: {verdict})")
    if args.json:
        figures = {"pairs": args.pairs, "files": args.files, "cpus": cpus, "seconds": runs,
                   "overhead_1_worker": overhead}  # fmt: skip
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Time per pair of the full-taxonomy analysis against the core model it extends.

One run measures, on the same synthetic pairs (:mod:`pairs`, seeded) and thread count:

1. **core** — the core release as it shipped (code and model of git revision
   ``CORE_REVISION``, the last release with only EPITOME's three mechanisms), unpacked with
   ``git archive`` into a temporary folder;
2. **taxonomy** — this checkout: seven response dimensions, the derived empathy and style,
   flags, the seeker's distress, crisis cues and feedback.

Both run the real user path (``carelens.load(threads=T)`` then
``list(analyzer.analyze_many(pairs))``), each in its own subprocess, alternating for
``--rounds`` rounds after untimed warm-up pairs. The figure is the median time per pair; the
ratio is taxonomy over core (target <= 1.5).

Run::

    python benchmarks/taxonomy_overhead.py --pairs 1000 --threads 2 --rounds 3

``--core-src DIR`` points at an unpacked core ``src`` folder instead of using git.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from pairs import describe, make_pairs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
CORE_REVISION = "d190101"
RATIO_TARGET = 1.5
RESULT_PREFIX = "RESULT "


def _measure(n: int, seed: int, threads: int, warmup: int) -> None:
    """Subprocess body: time analyze_many on the pairs with whichever carelens is importable."""
    import carelens

    analyzer = carelens.load(threads=threads)
    pairs = make_pairs(n + warmup, seed=seed)
    list(analyzer.analyze_many(pairs[:warmup]))
    start = time.perf_counter()
    results = list(analyzer.analyze_many(pairs[warmup:]))
    seconds = time.perf_counter() - start
    assert len(results) == n
    dims = len(results[0].dimensions)
    print(RESULT_PREFIX + json.dumps({"seconds": seconds, "pairs": n, "dimensions": dims}))


def _run_part(src: Path, args: argparse.Namespace) -> dict[str, float]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), str(HERE)]),
        "RAYON_NUM_THREADS": str(args.threads),
    }
    command = [
        sys.executable, __file__, "--part",
        "--pairs", str(args.pairs), "--seed", str(args.seed),
        "--threads", str(args.threads), "--warmup", str(args.warmup),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed:\n{done.stderr[-3000:]}")
    line = next(x for x in done.stdout.splitlines() if x.startswith(RESULT_PREFIX))
    result: dict[str, float] = json.loads(line[len(RESULT_PREFIX) :])
    return result


def _unpack_core(destination: Path) -> Path:
    """Unpack ``src/`` of the core revision into ``destination`` and return it."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(HERE.parent), "archive", CORE_REVISION, "src"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SystemExit(
            f"cannot read revision {CORE_REVISION} with git ({exc}); "
            "pass --core-src with an unpacked core src folder"
        ) from exc
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return destination / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--core-src", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    parser.add_argument("--part", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        _measure(args.pairs, args.seed, args.threads, args.warmup)
        return
    print(f"pairs: {describe(make_pairs(args.pairs, seed=args.seed))}; threads {args.threads}")
    with tempfile.TemporaryDirectory(prefix="carelens-core-") as tmp:
        core_src = args.core_src or _unpack_core(Path(tmp))
        times: dict[str, list[float]] = {"core": [], "taxonomy": []}
        dims: dict[str, float] = {}
        for round_ in range(args.rounds):
            for name, src in (("core", core_src), ("taxonomy", SRC)):
                result = _run_part(src, args)
                per_pair = result["seconds"] / result["pairs"] * 1000
                times[name].append(per_pair)
                dims[name] = result["dimensions"]
                print(f"round {round_ + 1} {name:9s} {per_pair:7.2f} ms/pair")
    core, taxonomy = statistics.median(times["core"]), statistics.median(times["taxonomy"])
    ratio = taxonomy / core
    print(
        f"\ncore      {core:7.2f} ms/pair ({dims['core']:.0f} dimensions per result)\n"
        f"taxonomy  {taxonomy:7.2f} ms/pair ({dims['taxonomy']:.0f} dimensions per result, "
        "plus style, flags, seeker signals, feedback)\n"
        f"ratio     {ratio:.2f}x (target <= {RATIO_TARGET}x): "
        + ("met" if ratio <= RATIO_TARGET else "NOT met")
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "core_ms_per_pair": core,
                    "taxonomy_ms_per_pair": taxonomy,
                    "ratio": ratio,
                    "rounds": times,
                    "pairs": args.pairs,
                    "threads": args.threads,
                    "core_revision": CORE_REVISION,
                },
                indent=2,
            )
        )
    if args.check and ratio > RATIO_TARGET:
        sys.exit(1)


if __name__ == "__main__":
    main()

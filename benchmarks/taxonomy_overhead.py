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

``--core-src DIR`` points at an unpacked core ``src`` folder instead of using git: a folder
holding the ``carelens`` package of the core release (``DIR/carelens/__init__.py``). The run
stops (exit 2) when it does not, when a part's process imported carelens from anywhere else
(the environment's own install, say), or when the core part's results do not have the core
release's three dimensions, so a wrong folder never compares this checkout with itself.
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

from bench_common import check_imported_from, fail, machine_line, non_negative_int, positive_int
from pairs import describe, make_pairs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
CORE_REVISION = "d190101"
RATIO_TARGET = 1.5
RESULT_PREFIX = "RESULT "
#: Response dimensions of the core release (EPITOME's three mechanisms).
CORE_DIMENSIONS = 3


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
    figures = {
        "seconds": seconds,
        "pairs": n,
        "dimensions": len(results[0].dimensions),
        "carelens_file": carelens.__file__,
    }
    print(RESULT_PREFIX + json.dumps(figures))


def _run_part(src: Path, args: argparse.Namespace) -> dict[str, float]:
    """Time one part with ``src`` first on the path; exit 2 if it imported carelens from
    anywhere else."""
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
    result = json.loads(line[len(RESULT_PREFIX) :])
    check_imported_from(src, str(result.pop("carelens_file")), f"the part run from {src}")
    figures: dict[str, float] = result
    return figures


def _check_core_src(core_src: Path) -> Path:
    """``--core-src`` as given, or exit 2 when it holds no ``carelens`` package."""
    if not (core_src / "carelens" / "__init__.py").is_file():
        fail(
            f"--core-src {core_src}: no carelens/__init__.py there; pass the src folder of "
            f"the core release (git archive {CORE_REVISION} src | tar -x), or leave "
            "--core-src out to unpack it with git"
        )
    return core_src


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
    parser.add_argument("--pairs", type=positive_int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=positive_int, default=2)
    parser.add_argument("--warmup", type=non_negative_int, default=32)
    parser.add_argument("--rounds", type=positive_int, default=3)
    parser.add_argument("--core-src", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the target is missed")
    parser.add_argument("--part", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        _measure(args.pairs, args.seed, args.threads, args.warmup)
        return
    if args.core_src is not None:
        _check_core_src(args.core_src)
    print(machine_line())
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
                if name == "core" and dims[name] != CORE_DIMENSIONS:
                    fail(
                        f"the core part ({core_src}) gave {dims[name]:.0f} dimensions per "
                        f"result, not the core release's {CORE_DIMENSIONS}: that folder is "
                        f"not the core release ({CORE_REVISION})"
                    )
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

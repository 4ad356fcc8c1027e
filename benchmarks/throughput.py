"""Throughput, load time and peak memory of carelens against an EPITOME reference model.

One run measures, on the same synthetic pairs (:mod:`pairs`, seeded) and the same thread count:

1. **carelens** — ``carelens.load(threads=T)`` then ``list(analyzer.analyze_many(pairs))``: the
   real user path, including tokenisation, ONNX Runtime, calibration and span mapping;
2. **reference** — the EPITOME model (Sharma et al., EMNLP 2020; :mod:`epitome_reference`):
   two RoBERTa-base encoders with response-to-seeker attention, PyTorch fp32 under
   ``torch.inference_mode()``, each side padded to 64 tokens, random weights;
3. **load time** — ``carelens.load()`` wall time, each in a fresh process, median of a few.

Batch sizes: carelens runs with the library's own default (the user path; currently one pair
per model call, so a result never depends on its batch neighbours) unless
``--carelens-batch-size`` is given; the reference runs in batches of ``--batch-size`` (32).

Each measurement runs in its own subprocess (this script with ``--part``) so that peak RSS
(``ru_maxrss`` of that process) belongs to one model only, and neither model warms the other's
caches. Warm-up pairs are run first and not timed. Throughput is ``pairs / wall seconds``; the
ratio is carelens pairs/s over reference pairs/s. With ``--rounds N`` the two parts are timed
N times, alternating, and the round with the median ratio is reported (every round is listed):
on a shared 2-core machine each part's speed drifts by 15-30 % within minutes, and one
9-second carelens window can fall on a slow spell the reference's 3 minutes average out.

Caveats, all of which favour the reference:

* Reference tokenisation is a stand-in (the carelens word-piece ids folded into RoBERTa's
  vocabulary, done once before timing), so its tokenisation cost is **excluded**; EPITOME's
  release tokenises with the Python ``RobertaTokenizer``, one text at a time.
* By default one mechanism model is timed; EPITOME's released classifier runs three (one per
  mechanism) to produce what carelens produces in one pass (``--reference-mechanisms 3``).
* The reference uses the faster SDPA attention kernel and no rationale post-processing.
* The reference reads at most 64 tokens per side (as released); carelens reads up to 160
  tokens per pair, so on longer posts it does more work per pair.

Tokenizer threads (Rust ``rayon``) are limited to ``--threads`` too (``RAYON_NUM_THREADS``).

Run (the reference needs ``torch`` and ``transformers``)::

    PYTHONPATH=src python benchmarks/throughput.py --pairs 1000 --threads 2 --json out.json
    PYTHONPATH=src python benchmarks/throughput.py --pairs 1000 --threads 2 --rounds 3
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench_common import check_model, non_negative_int, positive_int
from pairs import describe, make_pairs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
RESULT_PREFIX = "RESULT "
RATIO_TARGET = 20.0
LOAD_TARGET_S = 2.0

Result = dict[str, Any]


def _peak_rss_mb() -> float | None:
    """Peak resident set size of this process so far, in MiB (``None`` if unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        try:
            import psutil

            return round(float(psutil.Process().memory_info().peak_wset) / 2**20, 1)
        except (ImportError, AttributeError):
            return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)


# --------------------------------------------------------------------------- child parts


def _batch_kwargs(args: argparse.Namespace) -> dict[str, int]:
    """``batch_size`` for ``carelens.load`` only when asked; else the library's default."""
    return {} if args.carelens_batch_size is None else {"batch_size": args.carelens_batch_size}


def part_load(args: argparse.Namespace) -> Result:
    """Fresh-process timings: ``import carelens``, ``carelens.load()``, first result."""
    t0 = time.perf_counter()
    import carelens

    t1 = time.perf_counter()
    analyzer = carelens.load(args.model, threads=args.threads, **_batch_kwargs(args))
    t2 = time.perf_counter()
    analyzer.analyze(*make_pairs(1, seed=args.seed)[0])
    t3 = time.perf_counter()
    return {
        "import_s": t1 - t0,
        "load_s": t2 - t1,
        "first_result_s": t3 - t2,
        "import_load_first_s": t3 - t0,
        "peak_rss_mb": _peak_rss_mb(),
    }


def part_carelens(args: argparse.Namespace) -> Result:
    """Time ``analyze_many`` over all pairs with the shipped (or ``--model``) carelens model."""
    import onnxruntime

    import carelens

    pairs = make_pairs(args.pairs, seed=args.seed)
    t0 = time.perf_counter()
    analyzer = carelens.load(args.model, threads=args.threads, **_batch_kwargs(args))
    load_s = time.perf_counter() - t0
    rss_loaded = _peak_rss_mb()
    list(analyzer.analyze_many(pairs[: args.warmup]))
    t0 = time.perf_counter()
    results = list(analyzer.analyze_many(pairs))
    wall = time.perf_counter() - t0
    if len(results) != len(pairs):
        raise RuntimeError(f"carelens returned {len(results)} results for {len(pairs)} pairs")
    spans = sum(len(d.spans) for r in results for d in r.dimensions.values())
    return {
        "name": "carelens",
        "label": "carelens (ONNX Runtime, analyze_many)",
        "description": f"carelens {carelens.__version__} {analyzer.model_id}, ONNX Runtime "
        f"{onnxruntime.__version__}, full analyze_many",
        "model_id": analyzer.model_id,
        "carelens_version": carelens.__version__,
        "onnxruntime_version": onnxruntime.__version__,
        "batch_size": analyzer.batch_size,
        "wall_s": wall,
        "pairs_per_s": len(pairs) / wall,
        "load_s": load_s,
        "rss_after_load_mb": rss_loaded,
        "peak_rss_mb": _peak_rss_mb(),
        "spans_found": spans,
    }


def part_reference(args: argparse.Namespace) -> Result:
    """Time the EPITOME reference forward pass (plus argmax of both heads) over all pairs."""
    import torch
    import transformers
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    from epitome_reference import build_reference, pad_ids

    from carelens.inference.artifact import ModelArtifact

    pairs = make_pairs(args.pairs, seed=args.seed)
    t0 = time.perf_counter()
    models = build_reference(args.reference_mechanisms, seed=args.seed)
    build_s = time.perf_counter() - t0
    rss_loaded = _peak_rss_mb()

    # Stand-in tokenisation, done once and not timed (see the module docstring).
    t0 = time.perf_counter()
    tokenizer = Tokenizer.from_file(str(ModelArtifact.load(args.model).tokenizer_path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    sides = []
    for texts in ([s for s, _ in pairs], [r for _, r in pairs]):
        rows = [pad_ids(e.ids) for e in tokenizer.encode_batch(texts, add_special_tokens=False)]
        ids = torch.tensor([r[0] for r in rows], dtype=torch.long)
        mask = torch.tensor([r[1] for r in rows], dtype=torch.long)
        sides.append((ids, mask))
    (s_ids, s_mask), (r_ids, r_mask) = sides
    tokenise_s = time.perf_counter() - t0

    def run(n: int) -> None:
        with torch.inference_mode():
            for lo in range(0, n, args.batch_size):
                hi = min(lo + args.batch_size, n)
                for model in models:
                    levels, rationales = model(
                        s_ids[lo:hi], s_mask[lo:hi], r_ids[lo:hi], r_mask[lo:hi]
                    )
                    levels.argmax(-1).numpy()
                    rationales.argmax(-1).numpy()

    run(min(args.warmup, len(pairs)))
    t0 = time.perf_counter()
    run(len(pairs))
    wall = time.perf_counter() - t0
    return {
        "name": "reference",
        "label": f"EPITOME reference x{args.reference_mechanisms} (torch fp32)",
        "description": f"EPITOME reference x{args.reference_mechanisms} (2x RoBERTa-base + "
        f"attention), torch {torch.__version__} fp32, transformers {transformers.__version__}",
        "mechanism_models": args.reference_mechanisms,
        "parameters_m": round(sum(p.numel() for m in models for p in m.parameters()) / 1e6, 1),
        "torch_version": torch.__version__,
        "transformers_version": transformers.__version__,
        "batch_size": args.batch_size,
        "wall_s": wall,
        "pairs_per_s": len(pairs) / wall,
        "load_s": build_s,
        "rss_after_load_mb": rss_loaded,
        "peak_rss_mb": _peak_rss_mb(),
        "tokenise_s_excluded": tokenise_s,
    }


PARTS = {"load": part_load, "carelens": part_carelens, "reference": part_reference}


# --------------------------------------------------------------------------- parent


def _cpu_busy_fraction(interval: float = 1.0) -> float | None:
    """Share of all CPUs busy over ``interval`` seconds (Linux ``/proc/stat``; else ``None``)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(v) for v in fh.readline().split()[1:]]
        return sum(fields), fields[3] + (fields[4] if len(fields) > 4 else 0)

    try:
        total0, idle0 = sample()
        time.sleep(interval)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    total = total1 - total0
    return None if total <= 0 else round(1.0 - (idle1 - idle0) / total, 3)


def _cpu_module() -> Any:
    """``carelens.inference.cpu``, from this checkout when carelens is not installed."""
    if importlib.util.find_spec("carelens") is None and str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    import carelens.inference.cpu as cpu

    return cpu


def _child_env(threads: int) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("RAYON_NUM_THREADS", str(threads))
    env.setdefault("TRANSFORMERS_VERBOSITY", "error")
    if importlib.util.find_spec("carelens") is None and (SRC / "carelens").is_dir():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


def _forwarded(args: argparse.Namespace) -> list[str]:
    out = [
        f"--pairs={args.pairs}",
        f"--threads={args.threads}",
        f"--batch-size={args.batch_size}",
        f"--seed={args.seed}",
        f"--warmup={args.warmup}",
        *(
            []
            if args.carelens_batch_size is None
            else [f"--carelens-batch-size={args.carelens_batch_size}"]
        ),
        f"--reference-mechanisms={args.reference_mechanisms}",
    ]
    if args.model:
        out.append(f"--model={args.model}")
    return out


def run_part(part: str, args: argparse.Namespace) -> Result:
    """Run one ``--part`` in a fresh interpreter and return the result it prints."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--part", part, *_forwarded(args)]
    proc = subprocess.run(
        cmd, stdout=subprocess.PIPE, text=True, env=_child_env(args.threads), check=False
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if proc.returncode != 0 or not lines:
        raise SystemExit(
            f"benchmark part {part!r} failed (exit code {proc.returncode}); its error is above"
        )
    result: Result = json.loads(lines[-1][len(RESULT_PREFIX) :])
    return result


def _status(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def report(summary: Result) -> str:
    """The human-readable table for a finished run."""
    cfg = summary["config"]
    words = summary["pairs"]
    lines = [
        f"carelens throughput benchmark: {cfg['pairs']} synthetic pairs (seed {cfg['seed']}), "
        f"{cfg['threads']} threads, warm-up {min(cfg['warmup'], cfg['pairs'])} pairs (untimed)",
        f"pairs: seeker {words['seeker_words']['mean']} words on average "
        f"({words['seeker_words']['min']:.0f}-{words['seeker_words']['max']:.0f}), response "
        f"{words['response_words']['mean']} ({words['response_words']['min']:.0f}-"
        f"{words['response_words']['max']:.0f})",
        _cpu_module().summary_line(summary["machine"]),
        "",
        f"{'model':<40} {'batch':>5} {'wall s':>8} {'pairs/s':>9} {'load s':>7} "
        f"{'peak RSS MB':>12}",
    ]
    for key in ("carelens", "reference"):
        part = summary.get(key)
        if part is None:
            continue
        lines.append(
            f"{part['label']:<40} {part['batch_size']:>5} {part['wall_s']:>8.2f} "
            f"{part['pairs_per_s']:>9.1f} {part['load_s']:>7.2f} "
            f"{_fmt(part['peak_rss_mb'], '.0f'):>12}"
        )
    for key in ("carelens", "reference"):
        if summary.get(key) is not None:
            lines.append(f"  {key}: {summary[key]['description']}")
    lines.append("")
    load = summary["load_time"]
    lines.append(
        f"carelens.load(): median {load['median_s']:.2f} s over {load['runs']} fresh processes "
        f"(min {load['min_s']:.2f}, max {load['max_s']:.2f}; target < {LOAD_TARGET_S:.0f} s): "
        f"{_status(load['pass'])}"
    )
    lines.append(
        f"import carelens + load + first result: median {load['import_load_first_median_s']:.2f} s"
    )
    ref = summary.get("reference")
    if ref is not None:
        lines.append(
            f"reference stand-in tokenisation: {ref['tokenise_s_excluded']:.2f} s "
            "(excluded from its wall time)"
        )
    if len(summary["rounds"]) > 1:
        lines.append(
            f"{len(summary['rounds'])} rounds, each timing carelens then the reference; the "
            "table shows the round with the median ratio:"
        )
        for i, r in enumerate(summary["rounds"], start=1):
            ref_s = r["reference_pairs_per_s"]
            lines.append(
                f"  round {i}: carelens {r['carelens_pairs_per_s']:.1f} pairs/s"
                + ("" if ref_s is None else f", reference {ref_s:.1f}, ratio {r['ratio']:.1f}x")
                + (" (shown)" if r["shown"] else "")
            )
    if summary.get("busy_warning"):
        lines.append(f"WARNING: {summary['busy_warning']}")
    ratio = summary.get("ratio")
    if ratio is None:
        lines.append("ratio carelens/reference: not measured (--skip-reference)")
    else:
        lines.append(
            f"ratio carelens/reference: {ratio:.1f}x (target >= {RATIO_TARGET:.0f}x): "
            f"{_status(ratio >= RATIO_TARGET)}"
        )
    return "\n".join(lines)


def _median_round(rounds: Sequence[tuple[Result, Result | None]]) -> Result:
    """``carelens``, ``reference`` and ``ratio`` of the round with the median ratio (the
    lower middle one for an even count; by carelens throughput without a reference, when
    ``ratio`` is None), and every round's figures under ``rounds``."""

    def ratio(pair: tuple[Result, Result | None]) -> float | None:
        mine, ref = pair
        return None if ref is None else mine["pairs_per_s"] / ref["pairs_per_s"]

    def key(i: int) -> float:
        found = ratio(rounds[i])
        return rounds[i][0]["pairs_per_s"] if found is None else found

    order = sorted(range(len(rounds)), key=key)
    chosen = order[(len(order) - 1) // 2]
    return {
        "carelens": rounds[chosen][0],
        "reference": rounds[chosen][1],
        "ratio": ratio(rounds[chosen]),
        "rounds": [
            {
                "carelens_pairs_per_s": mine["pairs_per_s"],
                "reference_pairs_per_s": None if ref is None else ref["pairs_per_s"],
                "ratio": ratio((mine, ref)),
                "shown": i == chosen,
            }
            for i, (mine, ref) in enumerate(rounds)
        ],
    }


def _check_reference_imports(threads: int) -> None:
    """Exit before anything is measured when torch or transformers cannot be imported (in a
    child, as the reference part will import them: finding a package is not importing it)."""
    done = subprocess.run(
        [sys.executable, "-c", "import torch, transformers"],
        capture_output=True,
        text=True,
        env=_child_env(threads),
        check=False,
    )
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise SystemExit(
            "the reference model needs torch and transformers, which do not import in this "
            f"Python ({said[-1] if said else f'exit code {done.returncode}'}); install them "
            "(pip install torch transformers) or pass --skip-reference to time carelens only"
        )


def run_all(args: argparse.Namespace) -> Result:
    """Run every part in its own subprocess and gather a JSON-ready summary."""
    check_model(args.model)
    if not args.skip_reference:
        _check_reference_imports(args.threads)
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    busy = _cpu_busy_fraction()
    pairs = make_pairs(args.pairs, seed=args.seed)
    loads = [run_part("load", args) for _ in range(args.load_repeats)]
    load_times = [r["load_s"] for r in loads]
    median_load = statistics.median(load_times)
    summary: Result = {
        "config": {
            "pairs": args.pairs,
            "threads": args.threads,
            "reference_batch_size": None if args.skip_reference else args.batch_size,
            "carelens_batch_size": args.carelens_batch_size,
            "seed": args.seed,
            "warmup": args.warmup,
            "reference_mechanisms": None if args.skip_reference else args.reference_mechanisms,
            "model": args.model,
        },
        "machine": {
            **_cpu_module().describe(),
            "load_average_at_start": load_avg,
            "cpu_busy_fraction_at_start": busy,
        },
        "pairs": describe(pairs),
        "load_time": {
            "runs": len(loads),
            "median_s": median_load,
            "min_s": min(load_times),
            "max_s": max(load_times),
            "import_load_first_median_s": statistics.median(
                r["import_load_first_s"] for r in loads
            ),
            "target_s": LOAD_TARGET_S,
            "pass": median_load < LOAD_TARGET_S,
            "each": loads,
        },
    }
    # Rounds alternate the two parts, so a slow spell of the machine tends to fall on both.
    rounds = []
    for _ in range(args.rounds):
        mine = run_part("carelens", args)
        rounds.append((mine, None if args.skip_reference else run_part("reference", args)))
    summary.update(_median_round(rounds))
    if busy is not None and busy >= 0.25:
        summary["busy_warning"] = (
            f"{busy:.0%} of the CPU time was in use by other processes just before the run, "
            "so these timings are pessimistic and not comparable with an idle machine"
        )
    summary["ratio_target"] = RATIO_TARGET
    summary["ratio_pass"] = None if summary["ratio"] is None else summary["ratio"] >= RATIO_TARGET
    return summary


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--pairs", type=positive_int, default=1000, help="pairs to time (default 1000)")
    p.add_argument(
        "--threads", type=positive_int, default=2, help="threads for both models (default 2)"
    )
    p.add_argument(
        "--batch-size", type=positive_int, default=32, help="reference batch size (default 32)"
    )
    p.add_argument(
        "--carelens-batch-size",
        type=positive_int,
        default=None,
        help="carelens.load(batch_size=...) (default: the library's own default, the user path)",
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic pairs")
    p.add_argument(
        "--warmup", type=non_negative_int, default=32, help="untimed warm-up pairs (default 32)"
    )
    p.add_argument(
        "--load-repeats", type=positive_int, default=5, help="fresh-process load timings"
    )
    p.add_argument(
        "--rounds",
        type=positive_int,
        default=1,
        help="time carelens then the reference this many times and report the round with the "
        "median ratio (default 1)",
    )
    p.add_argument(
        "--reference-mechanisms",
        type=int,
        choices=(1, 3),
        default=1,
        help="EPITOME mechanism models to run per pair (its release runs 3; default 1)",
    )
    p.add_argument("--skip-reference", action="store_true", help="time carelens only")
    p.add_argument("--model", default=None, help="carelens model folder (default: shipped)")
    p.add_argument("--json", type=Path, default=None, help="also write the results here")
    p.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.part:
        print(RESULT_PREFIX + json.dumps(PARTS[args.part](args)), flush=True)
        return 0
    summary = run_all(args)
    print(report(summary))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        print(f"results written to {args.json}")
    missed = not summary["load_time"]["pass"] or summary["ratio_pass"] is False
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Where a pair's model time goes, and what carelens's session settings save on this CPU.

One run, one thread, one pair per call (as ``carelens.load()`` runs pairs), on the same
synthetic pairs (:mod:`pairs`, seeded):

1. **session settings** — the shipped model through :func:`carelens.inference.session.open_session`
   (graph rewrites in ``CPU_DISABLED_OPTIMIZERS`` left out) and through an ONNX Runtime
   session with every rewrite (the baseline), timed alternately ``--rounds`` times; prints
   ms a pair for each and the baseline / carelens ratio of the median round;
2. **operators** — ONNX Runtime's own profiler over the carelens session: the share of the
   model's time and ms a pair per operator type, largest first (``--top``).

Use it on a new kind of CPU to see whether the left-out rewrites still pay, and where the
time goes before trying to make the network cheaper::

    PYTHONPATH=src python benchmarks/model_profile.py --pairs 300 --rounds 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import load_analyzer, machine_line, non_negative_int, positive_int
from pairs import make_pairs


def _session(path: str, disabled: tuple[str, ...] = (), profile_prefix: str | None = None) -> Any:
    """A one-thread ONNX Runtime session with every rewrite but ``disabled``; with
    ``profile_prefix``, ONNX Runtime's profiler on. With no rewrite left out it is the
    baseline; with ``CPU_DISABLED_OPTIMIZERS`` it has the carelens session's settings."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    if profile_prefix is not None:
        options.enable_profiling = True
        options.profile_file_prefix = profile_prefix
    return ort.InferenceSession(
        path,
        sess_options=options,
        providers=["CPUExecutionProvider"],
        disabled_optimizers=list(disabled),
    )


def _ms_per_pair(session: Any, feeds: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    for feed in feeds:
        session.run(None, feed)
    return (time.perf_counter() - start) / len(feeds) * 1000.0


def operator_times(profile_path: str | Path, n_pairs: int) -> list[dict[str, Any]]:
    """Per operator type: total ms a pair, share of the model's time, calls a pair."""
    events = json.loads(Path(profile_path).read_text(encoding="utf-8"))
    micros: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    for event in events:
        if event.get("cat") == "Node" and str(event.get("name", "")).endswith("_kernel_time"):
            op = str(event.get("args", {}).get("op_name", "?"))
            micros[op] += int(event.get("dur", 0))
            calls[op] += 1
    total = sum(micros.values()) or 1
    return [
        {
            "op": op,
            "ms_per_pair": us / n_pairs / 1000.0,
            "share": us / total,
            "calls_per_pair": calls[op] / n_pairs,
        }
        for op, us in micros.most_common()
    ]


def run(args: argparse.Namespace) -> dict[str, Any]:
    from carelens.inference.session import CPU_DISABLED_OPTIMIZERS, open_session

    analyzer = load_analyzer(args.model)
    path = str(analyzer.artifact.onnx_path)
    pairs = make_pairs(args.pairs, seed=args.seed)
    batches = [analyzer.encoder.encode([pair]) for pair in pairs]
    feeds = [b.feeds() for b in batches]
    ours, baseline = open_session(path), _session(path)
    for session in (ours, baseline):
        _ms_per_pair(session, feeds[: args.warmup])
    rounds = []
    for _ in range(args.rounds):
        c = _ms_per_pair(ours, feeds)
        b = _ms_per_pair(baseline, feeds)
        rounds.append({"carelens_ms": c, "all_rewrites_ms": b, "ratio": b / c})
    median = statistics.median(r["ratio"] for r in rounds)
    shown = min(rounds, key=lambda r: abs(r["ratio"] - median))
    with tempfile.TemporaryDirectory() as tmp:
        profiled = _session(path, CPU_DISABLED_OPTIMIZERS, str(Path(tmp) / "model"))
        _ms_per_pair(profiled, feeds)
        operators = operator_times(profiled.end_profiling(), len(feeds))
    return {
        "config": vars(args),
        "model": analyzer.model_id,
        "word_pieces_per_pair": sum(b.input_ids.shape[1] for b in batches) / len(batches),
        "left_out_rewrites": list(CPU_DISABLED_OPTIMIZERS),
        "rounds": rounds,
        "median_round": shown,
        "operators": operators,
    }


def report(result: dict[str, Any], top: int) -> str:
    cfg, shown = result["config"], result["median_round"]
    lines = [
        f"model profile: {result['model']}, {cfg['pairs']} synthetic pairs (seed {cfg['seed']}), "
        f"{result['word_pieces_per_pair']:.1f} word pieces a pair, one thread, one pair a call",
        f"left-out rewrites: {', '.join(result['left_out_rewrites']) or 'none'}",
    ]
    for i, r in enumerate(result["rounds"], 1):
        lines.append(
            f"  round {i}: carelens session {r['carelens_ms']:.2f} ms a pair, all rewrites "
            f"{r['all_rewrites_ms']:.2f} ms, ratio {r['ratio']:.2f}x"
        )
    lines.append(
        f"median round: all rewrites / carelens session = {shown['ratio']:.2f}x "
        "(above 1: the left-out rewrites would cost time on this CPU)"
    )
    lines.append(f"operators of the carelens session (top {top}):")
    lines.append(f"  {'operator':<28} {'share':>6} {'ms/pair':>8} {'calls/pair':>10}")
    for op in result["operators"][:top]:
        lines.append(
            f"  {op['op']:<28} {op['share'] * 100:5.1f}% {op['ms_per_pair']:8.3f} "
            f"{op['calls_per_pair']:10.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=positive_int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup", type=non_negative_int, default=20)
    parser.add_argument("--rounds", type=positive_int, default=3)
    parser.add_argument("--top", type=positive_int, default=12, help="operator types listed")
    parser.add_argument("--model", default=None, help="a model folder (default: the shipped one)")
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    args = parser.parse_args(argv)
    print(machine_line(), flush=True)
    result = run(args)
    print(report(result, args.top))
    if args.json:
        config = {k: str(v) if isinstance(v, Path) else v for k, v in result["config"].items()}
        args.json.write_text(json.dumps({**result, "config": config}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

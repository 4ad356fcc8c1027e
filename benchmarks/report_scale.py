"""Time and memory of the insights and the HTML report over many analysed responses.

Writes ``--responses`` synthetic result records (the JSON Lines ``carelens analyze`` writes:
helpers, communities, timestamps over two years, levels, spans, seeker signals and texts
built from :mod:`pairs`), then, in one fresh subprocess per step so each peak memory is
its own, measures:

1. **baseline** — reading the results file back with ``carelens.output.read_results``
   (what any use of the results costs);
2. **report** — what ``carelens report RESULTS -o report.html`` does: read the records
   (which carry the helper's distress signal, as ``carelens analyze`` writes them), build the
   insights, write the HTML.

It prints seconds and peak RSS of each, the ratio report / baseline, and checks the targets
of an absolute 60 s and 2 GB for the report. Run::

    python benchmarks/report_scale.py --responses 100000 --helpers 2000

``--json FILE`` also saves the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import machine_line, positive_int
from pairs import make_pairs

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
TIME_TARGET_S = 60.0
MEMORY_TARGET_MB = 2048.0
RESULT_PREFIX = "RESULT "
DIMENSIONS = (
    "emotional_reaction",
    "interpretation",
    "exploration",
    "sympathy",
    "reflection",
    "compassion",
    "dismissive",
)
STYLES = ("dismissive", "compassion", "empathy", "sympathy", "advice", "other")


def write_results(path: Path, n: int, helpers: int, seed: int) -> None:
    """``n`` synthetic result records, seeded."""
    rnd = random.Random(seed)
    texts = make_pairs(min(n, 5000), seed=seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            seeker, response = texts[i % len(texts)]
            levels = {d: rnd.choices((0, 1, 2), (6, 2, 2))[0] for d in DIMENSIONS}
            record: dict[str, object] = {
                "seeker_id": f"s{i // 3}",
                "response_id": f"r{i}",
                "conversation_id": f"c{i // 30}",
                "speaker": f"helper{int(rnd.paretovariate(1.2)) % helpers}",
                "timestamp": f"{2023 + rnd.randint(0, 1)}-{rnd.randint(1, 12):02d}-"
                f"{rnd.randint(1, 28):02d}T12:00:00+00:00",
                "seeker_speaker": f"seeker{i // 3}",
                "community": f"community{rnd.randint(0, 4)}",
            }
            for d, level in levels.items():
                end = min(len(response), 12 + rnd.randint(0, 30))
                spans = (
                    [{"start": 0, "end": end, "label": d, "score": 0.8, "text": response[:end]}]
                    if level
                    else []
                )
                record[d] = {"level": level, "probabilities": [0.2, 0.3, 0.5], "spans": spans}
            record["empathy"] = {
                "level": max(levels["interpretation"], levels["exploration"], levels["reflection"]),
                "probabilities": [0.2, 0.3, 0.5],
                "spans": [],
            }
            record["flags"] = {"advice": rnd.random(), "self_focus": rnd.random() * 0.7}
            record["style"] = rnd.choice(STYLES)
            record["seeker"] = {
                "distress": {"level": rnd.randint(0, 2), "probabilities": [0.2, 0.3, 0.5]},
                "crisis_cues": [],
                "needs_attention": rnd.random() < 0.02,
                "resources": [],
            }
            record["helper"] = {
                "distress": round(rnd.uniform(2.5, 4.5), 4),
                "distress_high": rnd.random() < 0.03,
                "spans": [],
            }
            record["feedback"] = ["Try naming what they may feel underneath."]
            record["seeker_text"] = seeker
            record["response_text"] = response
            record["model"] = "synthetic"
            fh.write(json.dumps(record) + "\n")


def _step(kind: str, results: Path, out: Path) -> None:
    """Subprocess body: one measured step; prints its figures as a RESULT line."""
    sys.path.insert(0, str(SRC))
    start = time.perf_counter()
    if kind == "baseline":
        from carelens.output import read_results

        count = sum(1 for _ in read_results(results))
    else:
        from carelens.insights import Insights
        from carelens.insights.distress import load_distress_scorer
        from carelens.insights.report import write_report
        from carelens.output import read_results

        insights = Insights.from_records(
            read_results(results), distress=load_distress_scorer(), default_community="bench"
        )
        count = len(insights)
        write_report(insights, out, source=results.name)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(RESULT_PREFIX + json.dumps({"seconds": seconds, "peak_mb": peak_mb, "count": count}))


def _run(kind: str, results: Path, out: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--step", kind, "--results", str(results), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{kind} step failed:\n{proc.stderr}")
    line = next(x for x in proc.stdout.splitlines() if x.startswith(RESULT_PREFIX))
    figures: dict[str, float] = json.loads(line[len(RESULT_PREFIX) :])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=positive_int, default=100_000)
    parser.add_argument("--helpers", type=positive_int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--step", choices=("baseline", "report"), help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        _step(args.step, args.results, args.out)
        return
    print(machine_line(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        results, out = Path(tmp) / "results.jsonl", Path(tmp) / "report.html"
        write_results(results, args.responses, args.helpers, args.seed)
        size_mb = results.stat().st_size / 2**20
        baseline = _run("baseline", results, out)
        report = _run("report", results, out)
        html_mb = out.stat().st_size / 2**20
    ratio = report["seconds"] / baseline["seconds"]
    print(f"responses: {args.responses:,} (results file {size_mb:.0f} MB), helpers: {args.helpers}")
    print(f"{'step':<10}{'seconds':>10}{'peak MB':>10}")
    for name, f in (("baseline", baseline), ("report", report)):
        print(f"{name:<10}{f['seconds']:>10.1f}{f['peak_mb']:>10.0f}")
    print(f"ratio report / baseline: {ratio:.2f}x; report file {html_mb:.1f} MB")
    time_ok = report["seconds"] < TIME_TARGET_S
    memory_ok = report["peak_mb"] < MEMORY_TARGET_MB
    print(f"target < {TIME_TARGET_S:.0f} s: {'met' if time_ok else 'NOT met'}")
    print(f"target < {MEMORY_TARGET_MB:.0f} MB: {'met' if memory_ok else 'NOT met'}")
    if args.json:
        figures = {"baseline": baseline, "report": report, "ratio": ratio, "html_mb": html_mb}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

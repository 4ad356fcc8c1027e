"""What the crisis-cue and unsafe-wording patterns cost per pair, against an earlier version.

A side measurement for the throughput and taxonomy-overhead targets: the patterns run on
every pair, beside the model. The seeker messages and responses of the shared EPITOME file
(or the synthetic benchmark pairs, ``--synthetic``) go through ``crisis_scan`` and
``unsafe_spans`` of this checkout and of the version at ``--against`` (a git revision,
unpacked with ``git archive`` and timed in a process of its own), alternating, best of
``--rounds``. The model's own time per pair is measured in the same run (one thread, one
pair a call, the shipped model) as the baseline the pattern time is a share of.

``crisis_scan`` keeps the answers for the last few messages (``functools.lru_cache``); the
function under that cache (``crisis_scan.__wrapped__``, where a version has one) is what is
timed, in both versions, so every message is scanned every pass. Each child process checks
that it imported the carelens it was given; a revision git cannot unpack, or a child that
fails, stops the run with the child's own error output.

Run (needs git; the EPITOME file unless ``--synthetic``)::

    PYTHONPATH=src python benchmarks/rule_cost.py --against 65649b4
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bench_common import (
    EPITOME,
    check_imported_from,
    epitome_rows,
    fail,
    machine_line,
    model_ms_per_pair,
    positive_int,
    run_child,
    unpack_src,
)

HERE = Path(__file__).resolve().parent

#: Timed in a child process with the version's ``src`` first on the path; prints JSON.
_TIMER = """
import json, sys, time
import carelens
from carelens.analysis.crisis import crisis_scan
from carelens.analysis.unsafe import unsafe_spans
crisis_scan = getattr(crisis_scan, "__wrapped__", crisis_scan)  # not the cached answers
seekers, responses = json.load(open(sys.argv[1], encoding="utf-8"))
rounds = int(sys.argv[2])
def best(f, texts):
    fastest = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            f(text)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / len(texts) * 1e6
print(json.dumps({"crisis": best(crisis_scan, seekers), "unsafe": best(unsafe_spans, responses),
                  "carelens_file": carelens.__file__}))
"""


def texts(synthetic: bool, pairs: int) -> tuple[list[str], list[str]]:
    if synthetic:
        sys.path.insert(0, str(HERE))
        from pairs import make_pairs  # the benchmark pairs of throughput.py

        made = make_pairs(pairs)
        return [s for s, _ in made], [r for _, r in made]
    rows = epitome_rows(needs="run with --synthetic, or with ../shared beside")[:pairs]
    return [r["seeker_post"] for r in rows], [r["response_post"] for r in rows]


def timed(src: Path, data: Path, rounds: int) -> dict[str, float]:
    """Microseconds per text of both pattern sets, timed with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = run_child(
        [sys.executable, "-c", _TIMER, str(data), str(rounds)], env, f"timing the code in {src}"
    )
    result = json.loads(out)
    check_imported_from(src, str(result.pop("carelens_file")), "the pattern timing")
    return {"crisis": float(result["crisis"]), "unsafe": float(result["unsafe"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="a git revision of this repository")
    parser.add_argument("--pairs", type=positive_int, default=2471, help="pairs (texts) timed")
    parser.add_argument("--rounds", type=positive_int, default=5, help="best of this many passes")
    parser.add_argument(
        "--model-pairs", type=positive_int, default=200, help="pairs the model analyses"
    )
    parser.add_argument("--synthetic", action="store_true", help="the benchmark pairs instead")
    args = parser.parse_args()
    seekers, responses = texts(args.synthetic, args.pairs)
    if not seekers:
        fail(f"no texts to time in {EPITOME}")
    print(machine_line(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "texts.json"
        data.write_text(json.dumps([seekers, responses]), encoding="utf-8")
        old_src = unpack_src(args.against, Path(tmp) / "old")
        new_src = HERE.parent / "src"
        runs: dict[str, list[dict[str, float]]] = {"this checkout": [], args.against: []}
        for _ in range(2):  # alternating, so both share the machine's slow and fast phases
            runs["this checkout"].append(timed(new_src, data, args.rounds))
            runs[args.against].append(timed(old_src, data, args.rounds))
    pair_ms = model_ms_per_pair(list(zip(seekers, responses, strict=True))[: args.model_pairs])
    print(f"{len(seekers)} seeker messages and responses; the full analysis {pair_ms:.2f} ms/pair")
    for name, results in runs.items():
        crisis = min(r["crisis"] for r in results)
        unsafe = min(r["unsafe"] for r in results)
        share = (crisis + unsafe) / 1e3 / pair_ms
        print(
            f"{name:>14}: crisis_scan {crisis:7.1f} us/message, unsafe_spans {unsafe:7.1f} "
            f"us/response, together {share:.1%} of a pair's analysis time"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Smoke test for ``benchmarks/throughput.py``: the carelens part runs end to end on 20 pairs.

The EPITOME reference part is skipped (``--skip-reference``): building two RoBERTa-base
encoders takes longer than a smoke test should, and needs torch. Nothing here asserts on
timings, only that the script finishes, prints a throughput and writes valid JSON.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


def test_pairs_are_deterministic_and_forum_sized() -> None:
    spec = importlib.util.spec_from_file_location("bench_pairs", BENCHMARKS / "pairs.py")
    assert spec is not None and spec.loader is not None
    pairs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pairs)
    first = pairs.make_pairs(200, seed=3)
    assert first == pairs.make_pairs(200, seed=3)
    assert first != pairs.make_pairs(200, seed=4)
    stats = pairs.describe(first)
    for side in ("seeker_words", "response_words"):
        assert 30 <= stats[side]["mean"] <= 80


def test_carelens_part_runs_and_reports_throughput(tmp_path: Path) -> None:
    out = tmp_path / "throughput.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    cmd = [
        sys.executable,
        str(BENCHMARKS / "throughput.py"),
        "--pairs=20",
        "--warmup=32",  # more than --pairs: the whole 20 warm up
        "--load-repeats=1",
        "--skip-reference",
        "--rounds=3",
        f"--json={out}",
    ]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "pairs/s" in proc.stdout
    assert "warm-up 20 pairs (untimed)" in proc.stdout
    assert "carelens.load(): median" in proc.stdout
    assert "ratio carelens/reference: not measured" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["config"]["pairs"] == 20
    assert data["carelens"]["pairs_per_s"] > 0
    assert data["reference"] is None and data["ratio"] is None
    # Three rounds, all listed; the one shown has the median carelens throughput.
    rounds = data["rounds"]
    assert len(rounds) == 3 and sum(r["shown"] for r in rounds) == 1
    assert "3 rounds" in proc.stdout and proc.stdout.count("(shown)") == 1
    speeds = sorted(r["carelens_pairs_per_s"] for r in rounds)
    (shown,) = (r for r in rounds if r["shown"])
    assert shown["carelens_pairs_per_s"] == speeds[1] == data["carelens"]["pairs_per_s"]


def test_the_round_with_the_median_ratio_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_throughput", BENCHMARKS / "throughput.py")
    assert spec is not None and spec.loader is not None
    throughput = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(throughput)
    speeds = [(100.0, 5.0), (90.0, 5.0), (120.0, 5.0), (110.0, 4.0)]  # ratios 20, 18, 24, 27.5
    rounds = [({"pairs_per_s": c}, {"pairs_per_s": r}) for c, r in speeds]
    chosen = throughput._median_round(rounds)
    # The lower middle of four: 20x (the first round), not the fastest carelens round.
    assert chosen["carelens"] is rounds[0][0] and chosen["reference"] is rounds[0][1]
    assert chosen["ratio"] == 20.0
    assert [r["ratio"] for r in chosen["rounds"]] == [20.0, 18.0, 24.0, 27.5]
    assert [r["shown"] for r in chosen["rounds"]] == [True, False, False, False]


def _run(args: list[str], pythonpath: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*pythonpath, str(ROOT / "src")])
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "throughput.py"), *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False,
    )  # fmt: skip


def test_a_torch_that_does_not_import_stops_before_measuring(tmp_path: Path) -> None:
    # Found by importlib.util.find_spec, but failing on import (a broken install).
    (tmp_path / "torch").mkdir()
    (tmp_path / "torch" / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'torch'\", name='torch')\n"
    )
    proc = _run(["--pairs=5", "--load-repeats=1"], [str(tmp_path)])
    assert proc.returncode == 1
    assert "pass --skip-reference to time carelens only" in proc.stderr
    assert "No module named 'torch'" in proc.stderr
    assert "Traceback" not in proc.stderr and "pairs/s" not in proc.stdout

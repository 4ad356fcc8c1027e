"""Smoke test for ``benchmarks/model_profile.py``: both sessions run, the profile is read.

Nothing here asserts on timings: only that the script finishes, lists every round, names
the left-out rewrites and reports the int8 matrix products among the operators.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")

ROOT = Path(__file__).resolve().parents[2]


def test_model_profile_runs_and_reports_operators(tmp_path: Path) -> None:
    out = tmp_path / "profile.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "model_profile.py"),
        "--pairs=6",
        "--warmup=2",
        "--rounds=2",
        f"--json={out}",
    ]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "left-out rewrites: SkipLayerNormFusion" in proc.stdout
    assert proc.stdout.count("  round ") == 2 and "median round:" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["rounds"]) == 2 and data["median_round"] in data["rounds"]
    ops = {o["op"]: o for o in data["operators"]}
    # The shipped graph is int8: its matrix products run as ONNX Runtime's fused int8 kernels.
    assert "DynamicQuantizeMatMul" in ops and ops["DynamicQuantizeMatMul"]["calls_per_pair"] > 0
    assert "SkipLayerNormalization" not in ops
    assert sum(o["share"] for o in data["operators"]) == pytest.approx(1.0)


def test_bad_arguments_are_refused() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "model_profile.py"), "--rounds=0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2 and "--rounds" in proc.stderr

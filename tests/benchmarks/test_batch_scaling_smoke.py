"""Smoke test for ``benchmarks/batch_scaling.py``: the three runs finish on 300 pairs and
the figures are written. Nothing here asserts on timings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")


@pytest.mark.slow
def test_batch_scaling_runs(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "batch_scaling.py"),
         "--pairs", "300", "--files", "3", "--json", str(out)],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "engine overhead at 1 worker" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures["seconds"]) == {"single", "batch-1", "batch-2"}
    assert all(s > 0 for s in figures["seconds"].values())

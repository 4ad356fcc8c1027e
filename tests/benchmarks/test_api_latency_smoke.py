"""Smoke test for ``benchmarks/api_latency.py``: a real server, two clients, one second each.

Only that the script finishes, every request is answered 200, and the figures are written;
nothing here asserts on latency.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parents[2]


def test_api_latency_runs(tmp_path: Path) -> None:
    out = tmp_path / "latency.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "api_latency.py"),
            "--clients",
            "2",
            "--seconds",
            "1",
            "--think",
            "0.1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    for phase in ("paced", "closed_loop"):
        assert figures[phase]["requests"] > 0
        assert figures[phase]["errors"] == 0

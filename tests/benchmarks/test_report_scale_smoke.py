"""Smoke test for ``benchmarks/report_scale.py``: both steps run end to end on 300 responses.

Nothing here asserts on timings, only that the script finishes, reads back every record in
both steps, and writes valid JSON with the figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_report_scale_runs(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "report_scale.py"),
            "--responses",
            "300",
            "--helpers",
            "20",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "ratio report / baseline" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["baseline"]["count"] == figures["report"]["count"] == 300
    assert figures["report"]["peak_mb"] > 0 and figures["html_mb"] > 0

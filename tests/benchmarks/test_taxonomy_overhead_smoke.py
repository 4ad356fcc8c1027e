"""Smoke test for ``benchmarks/taxonomy_overhead.py``: both parts run and a ratio is written.

The core part is the release at ``CORE_REVISION`` unpacked with ``git archive``; the test is
skipped where the checkout has no such history (a shallow clone). No timing is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "taxonomy_overhead.py"


def _has_core_revision() -> bool:
    source = SCRIPT.read_text(encoding="utf-8")
    revision = source.split('CORE_REVISION = "', 1)[1].split('"', 1)[0]
    done = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{revision}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def test_overhead_benchmark_runs_both_parts(tmp_path: Path) -> None:
    if not _has_core_revision():
        pytest.skip("the core revision is not in this checkout's git history")
    out = tmp_path / "overhead.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--pairs", "8", "--rounds", "1", "--warmup", "2",
         "--threads", "1", "--json", str(out)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ratio" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["core_ms_per_pair"] > 0 and report["taxonomy_ms_per_pair"] > 0
    assert report["ratio"] == pytest.approx(
        report["taxonomy_ms_per_pair"] / report["core_ms_per_pair"]
    )


@pytest.mark.parametrize("kind", ["missing", "no package"])
def test_a_core_src_without_carelens_is_refused(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "nothing" if kind == "missing" else tmp_path
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--core-src", str(folder), "--pairs", "2"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"--core-src {folder}: no carelens/__init__.py there" in done.stderr
    assert "ratio" not in done.stdout


def test_a_core_src_that_is_not_the_core_release_is_refused() -> None:
    # This checkout's own src: without the check it would be timed against itself ("met").
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--core-src", str(ROOT / "src"), "--pairs", "2",
         "--warmup", "0", "--rounds", "1", "--threads", "1"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "not the core release's 3" in done.stderr
    assert "ratio" not in done.stdout

"""Smoke test for ``benchmarks/batch_stage.py``: stage 1 of this checkout and of HEAD
(unpacked with ``git archive``) runs at two sizes, both stage the same rows, and the cost
of each chat past the smaller size is printed. Nothing here asserts on timings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "batch_stage.py"


def test_a_bad_size_exits_2_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--against", "HEAD", "--chats", "10", "0"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "argument --chats: must be at least 1" in errors[0]


@pytest.mark.slow
def test_batch_stage_times_both_versions() -> None:
    pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "HEAD"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if head.returncode != 0:
        pytest.skip("not a git checkout: there is no earlier version to unpack")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--against", "HEAD", "--chats", "20", "60",
         "--files", "2"],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    runs = [line for line in lines if line.startswith(("| HEAD |", "| this checkout |"))]
    assert len(runs) == 4
    assert any(line.startswith("  this checkout: ") and " ms, " in line for line in lines)
    assert lines[-1] == "both versions staged the same rows: yes"

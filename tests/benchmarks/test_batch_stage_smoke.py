"""Smoke test for ``benchmarks/batch_stage.py``: stage 1 of this checkout and of HEAD
(unpacked with ``git archive``) runs, both stage the same rows; the cost of each chat past
the smallest size is worked out from the best runs. Nothing here asserts on timings."""

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
        [sys.executable, str(SCRIPT), "--against", "HEAD", "--chats", "20", "--files", "2"],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    runs = [line for line in lines if line.startswith(("| HEAD |", "| this checkout |"))]
    assert len(runs) == 2  # one size: two processes, each with a Ray of its own
    assert lines[-1] == "both versions staged the same rows: yes"


def test_each_chat_past_the_smallest_size_is_the_difference_of_the_best_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(SCRIPT.parent))
    from batch_stage import past_the_smallest

    def run(seconds: float, driver_kb: int, ray_kb: int) -> dict[str, float | int]:
        return {"seconds": seconds, "driver_peak_kb": driver_kb, "ray_peak_kb": ray_kb}

    best = {
        ("HEAD", 100): run(2.0, 1000, 5000),
        ("HEAD", 1100): run(3.5, 1500, 6000),
        ("this checkout", 100): run(2.0, 1000, 5000),
        ("this checkout", 1100): run(3.0, 900, 5000),
    }
    assert past_the_smallest(best, [100, 600, 1100], ["HEAD", "this checkout"]) == [
        "each chat past the first 100 (best runs of 100 and 1,100):",
        "  HEAD: 1.500 ms, driver peak +0.50 KB, Ray peak +1.00 KB",
        "  this checkout: 1.000 ms, driver peak -0.10 KB, Ray peak +0.00 KB",
    ]

"""Smoke test for ``benchmarks/rule_cost.py``: both versions are timed and a share printed.

The earlier version is this checkout's HEAD (unpacked with ``git archive``); the test is
skipped outside a git checkout. The only timing asserted is that ``crisis_scan`` is timed
scanning: with its cache of the last 16 messages, ten messages over three passes would read
about 0.1 µs a message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("onnxruntime")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "rule_cost.py"


def test_rule_cost_times_both_versions() -> None:
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    if head.returncode != 0:
        pytest.skip("not a git checkout: there is no earlier version to unpack")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--against", "HEAD", "--synthetic", "--pairs", "10",
         "--rounds", "3", "--model-pairs", "5"],
        capture_output=True, text=True, check=False, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert lines[1].startswith("10 seeker messages and responses; the full analysis")
    assert [line.split(":")[0].strip() for line in lines[2:]] == ["this checkout", "HEAD"]
    assert all("of a pair's analysis time" in line for line in lines[2:])
    for line in lines[2:]:
        crisis_us = float(line.split("crisis_scan")[1].split("us/message")[0])
        assert crisis_us > 2.0, line


def test_a_bad_revision_stops_with_gits_message() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--against", "no-such-rev", "--synthetic", "--pairs", "2"],
        capture_output=True, text=True, check=False, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    assert done.returncode == 1
    assert "cannot unpack src/ of revision 'no-such-rev' with git archive" in done.stderr
    assert "Traceback" not in done.stderr

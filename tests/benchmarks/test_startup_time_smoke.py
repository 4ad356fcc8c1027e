"""Smoke test for ``benchmarks/startup_time.py``: the five starts are timed for both versions
and their ratio printed; a bad revision is one line.

The earlier version is this checkout's HEAD (unpacked with ``git archive``); the timing test
is skipped outside a git checkout. No timing is asserted beyond being a positive number.
"""

from __future__ import annotations

import subprocess

import pytest
from benchmark_scripts import ROOT, run_benchmark

STARTS = [
    "carelens --help",
    "carelens --version",
    "import carelens",
    "import carelens.types",
    "first crisis scan",
]


def test_both_versions_and_their_ratio_are_printed() -> None:
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "HEAD"], capture_output=True, check=False
    )
    if head.returncode != 0:
        pytest.skip("not a git checkout: there is no earlier version to unpack")
    done = run_benchmark("startup_time.py", "--against", "HEAD", "--runs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert lines[1] == "best of 1 fresh processes, seconds"
    assert lines[2].split() == ["start", "this", "checkout", "HEAD", "new/old"]
    assert len(lines) == 3 + len(STARTS)
    for start, line in zip(STARTS, lines[3:], strict=True):
        assert line.startswith(start), line
        new, old, ratio = line[len(start) :].split()
        assert float(new) > 0 and float(old) > 0, line
        assert ratio.endswith("x") and float(ratio[:-1]) > 0, line


def test_a_bad_revision_stops_with_gits_message() -> None:
    done = run_benchmark("startup_time.py", "--against", "no-such-rev")
    assert done.returncode == 1
    assert "cannot unpack src/ of revision 'no-such-rev' with git archive" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_number_of_runs_is_a_usage_error() -> None:
    done = run_benchmark("startup_time.py", "--against", "HEAD", "--runs", "0")
    assert done.returncode == 2
    assert "--runs: must be at least 1, got 0" in done.stderr

"""``benchmarks/feedback_cost.py``: the earlier revision is timed as a whole (its own
``src``, in a process of its own), and its inputs and revision are checked with one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from benchmark_scripts import ROOT, run_benchmark


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_benchmark("feedback_cost.py", *args)


def test_missing_data_is_one_line(tmp_path: Path) -> None:
    done = run("--against", "HEAD", "--data", str(tmp_path / "absent.csv"))
    assert done.returncode == 1
    said = f"{tmp_path / 'absent.csv'} is missing: this benchmark needs ../shared beside the"
    assert done.stderr.strip() == said + " checkout"


def test_more_pairs_than_the_file_holds_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text("seeker_post,response_post\na,b\nc,d\n", encoding="utf-8")
    done = run("--against", "HEAD", "--data", str(data), "--pairs", "3")
    assert done.returncode == 2 and "has only 2 pairs" in done.stderr


def test_a_bad_revision_stops_with_gits_message(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text("seeker_post,response_post\na,b\nc,d\n", encoding="utf-8")
    done = run("--against", "no-such-rev", "--data", str(data), "--pairs", "2")
    assert done.returncode == 1
    assert "cannot unpack src/ of revision 'no-such-rev' with git archive" in done.stderr
    assert "Traceback" not in done.stderr


def test_both_versions_are_timed_from_their_own_src(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "HEAD"], capture_output=True, check=False
    )
    if head.returncode != 0:
        pytest.skip("not a git checkout: there is no earlier version to unpack")
    data = tmp_path / "pairs.csv"
    data.write_text(
        "seeker_post,response_post\n"
        '"I lost my job and I feel like a failure.","That sounds so hard. What happened?"\n'
        '"I cannot sleep since the move.","I am sorry. Moving is lonely at first."\n',
        encoding="utf-8",
    )
    done = run("--against", "HEAD", "--data", str(data), "--pairs", "2", "--rounds", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert [line.split()[0] for line in lines[1:]] == ["before", "now"]
    assert all(line.endswith("ms per pair") for line in lines[1:])

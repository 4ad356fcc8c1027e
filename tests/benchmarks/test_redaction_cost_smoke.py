"""Smoke test for ``benchmarks/redaction_cost.py``: both versions are timed on every input,
their ratio and the long inputs' growth printed; a missing data file or a bad revision is
one line.

The earlier version is this checkout's HEAD (unpacked with ``git archive``); the timing test
is skipped outside a git checkout. No timing is asserted beyond being a positive number.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from benchmark_scripts import ROOT, run_benchmark

LONG = ["digits", "single", "@..CJK", "@CJK@", "CJK..@", "a\\_", "a<zw>"]
COLUMNS = ["EPITOME", "forum", *LONG]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_benchmark("redaction_cost.py", *args)


def two_pairs(tmp_path: Path) -> Path:
    data = tmp_path / "pairs.csv"
    data.write_text(
        "seeker_post,response_post\n"
        '"I lost my job. Mail me at sam.lee@example.com","That sounds so hard. What happened?"\n'
        '"I cannot sleep since the move.","I am sorry. Call 555-123-4567 any time."\n',
        encoding="utf-8",
    )
    return data


def test_both_versions_and_their_ratio_are_printed(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", "HEAD"], capture_output=True, check=False
    )
    if head.returncode != 0:
        pytest.skip("not a git checkout: there is no earlier version to unpack")
    done = run(
        "--against", "HEAD", "--data", str(two_pairs(tmp_path)), "--texts", "2",
        "--forum-posts", "3", "--long-chars", "2000", "--rounds", "1", "--model-pairs", "2",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert lines[1].startswith("4 EPITOME texts (2 pairs), 3 forum posts (")
    assert "long inputs of 2,000 characters; the full analysis" in lines[1]
    assert lines[3].split() == [*COLUMNS, "share", "of", "a", "pair"]
    rows = {line[:14].strip(): line[14:].split() for line in lines[4:7]}
    assert list(rows) == ["this checkout", "HEAD", "ratio"]
    for name in ("this checkout", "HEAD"):
        *times, share = rows[name]
        assert len(times) == len(COLUMNS) and all(float(t) > 0 for t in times), rows[name]
        assert share.endswith("%") and float(share[:-1]) > 0
    ratios = rows["ratio"]
    assert len(ratios) == len(COLUMNS)
    assert all(r.endswith("x") and float(r[:-1]) > 0 for r in ratios), ratios
    assert lines[7] == (
        "the long inputs' growth from 500 to 2,000 characters (4x: in step with the length)"
    )
    growth = {line[:14].strip(): line[14:].split() for line in lines[8:]}
    assert list(growth) == ["this checkout", "HEAD"]
    for grew in growth.values():
        assert len(grew) == len(LONG) and all(g.endswith("x") and float(g[:-1]) > 0 for g in grew)


def test_missing_data_is_one_line(tmp_path: Path) -> None:
    done = run("--against", "HEAD", "--data", str(tmp_path / "absent.csv"))
    assert done.returncode == 1
    said = f"{tmp_path / 'absent.csv'} is missing: this benchmark needs ../shared beside the"
    assert done.stderr.strip() == said + " checkout"


def test_more_pairs_than_the_file_holds_is_refused(tmp_path: Path) -> None:
    done = run("--against", "HEAD", "--data", str(two_pairs(tmp_path)), "--texts", "3")
    assert done.returncode == 2
    assert done.stderr.strip().endswith("pairs.csv has only 2 pairs")
    assert "\n" not in done.stderr.strip()


def test_a_bad_revision_stops_with_gits_message(tmp_path: Path) -> None:
    done = run(
        "--against", "no-such-rev", "--data", str(two_pairs(tmp_path)), "--texts", "2",
        "--forum-posts", "1", "--long-chars", "10",
    )  # fmt: skip
    assert done.returncode == 1
    assert "cannot unpack src/ of revision 'no-such-rev' with git archive" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("flag", ["--texts", "--forum-posts", "--long-chars", "--rounds"])
def test_a_bad_size_exits_2_with_one_line(flag: str) -> None:
    done = run("--against", "HEAD", f"{flag}=0")
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and f"argument {flag}: must be at least 1, got 0" in errors[0]
    assert "Traceback" not in done.stderr and done.stdout == ""

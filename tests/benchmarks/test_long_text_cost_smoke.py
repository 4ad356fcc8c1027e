"""Smoke test for ``benchmarks/long_text_cost.py``: the recipes asked for are timed at three
lengths beside their plain-prose baselines, and a bad flag is one line. No timing is asserted
beyond that each figure is a number."""

from __future__ import annotations

import subprocess

import pytest
from benchmark_scripts import run_benchmark

pytest.importorskip("onnxruntime")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_benchmark("long_text_cost.py", *args)


def test_the_recipes_are_timed_beside_their_baselines() -> None:
    done = run("--n", "300", "--rounds", "1", "--recipes", "kms", "shortcodes_post")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert lines[1].startswith("carelens: ") and lines[1].endswith("best of 1")
    assert lines[2].split()[:5] == ["recipe", "timed", "as", "300", "chars"]
    rows = [line.split() for line in lines[3:]]
    assert [row[:2] for row in rows] == [
        ["prose", "seeker"],
        ["prose_post", "wxr"],
        ["kms", "seeker"],
        ["shortcodes_post", "wxr"],
    ]
    for row in rows:
        assert row[3] == row[5] == row[7] == "s"
        assert all(float(row[k]) >= 0 for k in (2, 4, 6))
        assert row[8].endswith("x") and row[9].endswith("x")
    assert rows[0][9] == rows[1][9] == "1.00x"  # a baseline against itself


def test_a_bad_length_is_one_line() -> None:
    done = run("--n", "0")
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "argument --n:" in errors[0]
    assert done.stdout == ""

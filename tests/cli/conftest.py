"""Fixtures for the CLI tests: the fixture folder, a CliRunner and a record checker."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from carelens.cli.main import app

DATA = Path(__file__).resolve().parents[1] / "data" / "cli"
DIMS = ("emotional_reaction", "interpretation", "exploration")

Invoke = Callable[..., Result]


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def invoke() -> Invoke:
    """Run ``carelens ARGS`` in-process with a wide console; stdout and stderr kept apart."""
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})

    return run


def pair_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a generic-layout pairs CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def check_records(records: Sequence[dict[str, Any]], rows: Sequence[dict[str, str]]) -> None:
    """Records follow the input order and ids; levels, probabilities and spans are valid."""
    assert [(r["seeker_id"], r["response_id"]) for r in records] == [
        (row["seeker_id"], row["response_id"]) for row in rows
    ]
    for record, row in zip(records, rows, strict=True):
        text = row["response"]
        assert isinstance(record["model"], str) and record["model"]
        for d in DIMS:
            score = record[d]
            assert score["level"] in (0, 1, 2)
            assert len(score["probabilities"]) == 3
            assert math.isclose(sum(score["probabilities"]), 1.0, abs_tol=1e-3)
            assert score["probabilities"][score["level"]] == max(score["probabilities"])
            for span in score["spans"]:
                assert 0 <= span["start"] < span["end"] <= len(text)
                assert span["text"] == text[span["start"] : span["end"]]
                assert span["label"] == d


@pytest.fixture(name="check_records")
def _check_records() -> Callable[[Sequence[dict[str, Any]], Sequence[dict[str, str]]], None]:
    return check_records


@pytest.fixture(name="pair_rows")
def _pair_rows() -> Callable[[Path], list[dict[str, str]]]:
    return pair_rows

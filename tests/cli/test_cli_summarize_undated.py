"""`carelens summarize` says how many responses are undated: without a timestamp, or with one
it could not read (one quoted, as data, with where the accepted forms are)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from carelens.cli.main import app

# The `invoke` fixture's type (tests/cli/conftest.py).
Invoke = Callable[..., Result]
DATA = Path(__file__).resolve().parents[1] / "data" / "cli"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The result records of the three-response thread fixture (all dated, in 2024-03)."""
    out = tmp_path_factory.mktemp("analysed") / "results.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(DATA / "thread.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _summarize(
    invoke: Invoke, tmp_path: Path, records: list[dict[str, Any]], *timestamps: object
) -> str:
    path = tmp_path / "results.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for record, timestamp in zip(records, timestamps, strict=True):
            fh.write(json.dumps({**record, "timestamp": timestamp}) + "\n")
    result = invoke("summarize", path)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())  # the line wraps at the terminal's width


def test_dated_responses_say_nothing(
    invoke: Invoke, tmp_path: Path, analysed: list[dict[str, Any]]
) -> None:
    said = _summarize(invoke, tmp_path, analysed, *(r["timestamp"] for r in analysed))
    assert "Undated" not in said


def test_missing_and_unreadable_timestamps_are_counted_apart(
    invoke: Invoke, tmp_path: Path, analysed: list[dict[str, Any]]
) -> None:
    stamps = ("2024-03-01T10:05:00Z", None, "12/06/2026 3:04 PM")
    said = _summarize(invoke, tmp_path, analysed, *stamps)
    assert (
        "Undated: 1 response has no timestamp and 1 has a timestamp that could not be read "
        '(for example "12/06/2026 3:04 PM"); they are left out of the monthly figures'
    ) in said
    assert "docs/insights.md" in said


def test_only_missing_timestamps_need_no_forms(
    invoke: Invoke, tmp_path: Path, analysed: list[dict[str, Any]]
) -> None:
    said = _summarize(invoke, tmp_path, analysed, None, "2024-03-01T10:05:00Z", "")
    assert "Undated: 2 responses have no timestamp and are left out of the monthly" in said
    assert "could not be read" not in said and "docs/insights.md" not in said


def test_an_unreadable_timestamp_is_printed_as_data(
    invoke: Invoke, tmp_path: Path, analysed: list[dict[str, Any]]
) -> None:
    said = _summarize(invoke, tmp_path, analysed, "[bold]x[/bold] :smile:", None, None)
    assert '(for example "[bold]x[/bold] :smile:")' in said

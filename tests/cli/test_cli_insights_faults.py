"""`carelens summarize` and `carelens report` on damaged inputs and awkward output paths."""

from __future__ import annotations

import json
import shutil
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
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`carelens analyze` results (JSON Lines) of the three-response thread fixture."""
    out = tmp_path_factory.mktemp("analysed") / "results.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(DATA / "thread.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def result_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- outputs that would destroy the input, or cannot be written -------------------------


def test_rejects_naming_the_input_is_refused_before_it_is_truncated(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "thread.jsonl"
    shutil.copy(DATA / "thread.jsonl", source)
    before = source.read_bytes()
    for command in (["summarize"], ["report", "-o", tmp_path / "r.html"]):
        result = invoke(*command, source, "--rejects", source)
        assert result.exit_code == 2, result.output
        assert "would destroy the input" in result.output
        assert source.read_bytes() == before  # was emptied, then "analysed": 0 responses


def test_tables_never_overwrite_the_input(invoke: Invoke, tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    source = tables / "responses.csv"  # a conversation file named like a table
    shutil.copy(DATA / "pairs.csv", source)
    before = source.read_bytes()
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 2, result.output
    assert "would destroy the input" in result.output
    assert source.read_bytes() == before


def test_rejects_file_that_another_output_would_overwrite_is_refused(
    invoke: Invoke, tmp_path: Path
) -> None:
    html = tmp_path / "r.html"
    result = invoke("report", DATA / "thread.jsonl", "-o", html, "--rejects", html)
    assert result.exit_code == 2 and "--rejects" in result.output
    tables = tmp_path / "t"
    asked = tables / "helpers.csv"
    result = invoke("summarize", DATA / "thread.jsonl", "--tables", tables, "--rejects", asked)
    assert result.exit_code == 2 and "--rejects" in result.output


def test_output_paths_that_cannot_be_written_fail_before_the_work(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out.html"
    folder.mkdir()
    result = invoke("report", analysed, "-o", folder)
    assert result.exit_code == 1
    assert "--output names a folder" in result.stderr and str(folder) in result.stderr
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x", encoding="utf-8")
    result = invoke("report", analysed, "-o", a_file / "sub" / "r.html")
    assert result.exit_code == 1
    assert f"{a_file}: this is a file" in result.stderr
    result = invoke("summarize", analysed, "--tables", a_file)
    assert result.exit_code == 1
    assert f"{a_file}: this is a file" in result.stderr
    assert "Communities" not in result.stdout  # refused before anything was read


def test_report_of_results_creates_the_output_folder(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    html = tmp_path / "new" / "folder" / "r.html"
    result = invoke("report", analysed, "-o", html)
    assert result.exit_code == 0, result.output
    assert html.is_file()

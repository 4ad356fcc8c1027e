"""An input whose file name is not UTF-8 (a Latin-1 ``café.csv``): summarize and report
read it and write their rejects, tables and report with the name shown readably (the
rejects of ``analyze`` are checked in ``tests/readers/test_rejects_paths.py``), and the
summary shows it on a stdout that cannot encode it as Python reads it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

# The `invoke` fixture's type (tests/cli/conftest.py); not imported from there, because
# another tests folder has a conftest module too.
Invoke = Callable[..., Result]

#: The name as a file system that is not UTF-8 holds it (Python reads ``caf\udce9.csv``).
LATIN1_NAME = b"caf\xe9.csv"
#: How the rejects file, the tables and the report write it.
SHOWN = "caf\\xe9"


@pytest.fixture
def latin1_input(data: Path, tmp_path: Path) -> Path:
    """The CLI pairs with one more pair that has no seeker text (one reject)."""
    path = tmp_path / os.fsdecode(LATIN1_NAME)
    text = (data / "pairs.csv").read_text(encoding="utf-8") + "s9,r9,,no seeker\n"
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses a name that is not UTF-8: {exc}")
    return path


def _rejects(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_summarize_and_report_read_a_file_name_that_is_not_utf8(
    invoke: Invoke, latin1_input: Path, tmp_path: Path
) -> None:
    # Both stopped with UnicodeEncodeError ("surrogates not allowed") on writing the name:
    # in the rejects file at the first reject, as the community of the tables (the file's
    # name), and as the report's source.
    expected = f"{tmp_path}/{SHOWN}.csv"
    tables = tmp_path / "tables"
    summarized = invoke(
        "summarize", latin1_input, "--tables", tables, "--rejects", tmp_path / "s.jsonl"
    )
    assert summarized.exit_code == 0, summarized.output
    communities = (tables / "communities.csv").read_text(encoding="utf-8")
    assert communities.splitlines()[1].startswith(f"{SHOWN},")
    assert [(e["path"], e["line"]) for e in _rejects(tmp_path / "s.jsonl")] == [(expected, 10)]

    report = tmp_path / "report.html"
    reported = invoke("report", latin1_input, "-o", report, "--rejects", tmp_path / "r.jsonl")
    assert reported.exit_code == 0, reported.output
    assert f"{SHOWN}.csv" in report.read_text(encoding="utf-8")


def test_analyze_shows_the_name_on_a_strict_utf8_stdout(latin1_input: Path, tmp_path: Path) -> None:
    # Under a UTF-8 locale Python's stdout raises on the lone surrogate that stands for the
    # byte \xe9: the summary stopped the run with UnicodeEncodeError, after the results.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "carelens", "analyze", str(latin1_input), "-o", "out.jsonl"],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert "caf\\xe9.csv" in done.stdout.decode()  # as the rejects file names it
    assert "UnicodeEncodeError" not in done.stderr.decode(errors="replace")

"""An input whose file name is not UTF-8 (a Latin-1 ``café.csv``): summarize and report
read it and write their rejects, tables and report with the name shown readably (the
rejects of ``analyze`` are checked in ``tests/readers/test_rejects_paths.py``), the
summary shows it on a stdout that cannot encode it as Python reads it, and every message
on stderr (an ``error:`` line, a log line, on a terminal or not) shows it as the rejects
file does (``caf\\xe9.csv``), never as the lone surrogate Python reads (``caf\\udce9``)."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import Result

from carelens.cli._session import _log_handler

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


def _stderr_of(*args: str | Path, cwd: Path, encoding: str | None = None) -> tuple[int, str]:
    """Run ``carelens ARGS`` in a process (a stderr that is a pipe, as Python sets it up);
    its exit code and stderr, decoded as UTF-8 (a lone surrogate cannot come out of it)."""
    env = {**os.environ, "COLUMNS": "200"}
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    else:
        env.pop("PYTHONIOENCODING", None)
    done = subprocess.run(
        [sys.executable, "-m", "carelens", *(str(a) for a in args)],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stderr.decode("utf-8")


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["analyze"], "no such file"),
        (["summarize"], "no such file"),
        (["batch", "-o", "out"], "no such file or folder"),
    ],
    ids=lambda v: v[0] if isinstance(v, list) else None,
)
@pytest.mark.parametrize("encoding", [None, "utf-8:strict"], ids=["default", "strict"])
def test_a_missing_name_that_is_not_utf8_is_shown_as_the_rejects_show_it(
    tmp_path: Path, command: list[str], said: str, encoding: str | None
) -> None:
    # The error line showed the byte as Python reads it (miss\udce9.csv); rejects files,
    # tables and batch plans show it as miss\xe9.csv.
    if command[0] == "batch":
        pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")
    missing = os.fsdecode(b"miss\xe9.csv")
    code, err = _stderr_of(command[0], missing, *command[1:], cwd=tmp_path, encoding=encoding)
    assert code == 1, err
    assert f"error: miss\\xe9.csv: {said}" in err
    assert "\\udce9" not in err and "UnicodeEncodeError" not in err


def test_a_warning_about_rejects_names_the_file_as_the_rejects_show_it(
    latin1_input: Path, tmp_path: Path
) -> None:
    # The readers' summary line ("8 exchanges read, 1 record rejected") named the file
    # caf\udce9.csv while the rejects file beside it said caf\xe9.csv.
    for args in (["analyze", latin1_input, "-o", "out.jsonl"], ["summarize", latin1_input]):
        code, err = _stderr_of(*args, "-q", cwd=tmp_path)
        assert code == 0, err
        assert f"WARNING  {tmp_path}/caf\\xe9.csv: 8 exchanges read, 1 record rejected" in err
        assert "\\udce9" not in err


def test_a_terminal_log_line_shows_the_name_as_the_rejects_show_it() -> None:
    # rich's handler (stderr on a terminal) printed the lone surrogate as it came.
    terminal = Console(file=io.StringIO(), force_terminal=True, width=200)
    handler = _log_handler(terminal, verbose=False)
    name = os.fsdecode(b"caf\xe9.csv")
    handler.emit(
        logging.LogRecord("carelens.x", logging.WARNING, "x.py", 1, "%s: read", (name,), None)
    )
    shown = terminal.file.getvalue()  # type: ignore[attr-defined]
    assert "caf\\xe9.csv: read" in shown and "\udce9" not in shown


def test_an_error_line_in_process_shows_the_name(invoke: Invoke, tmp_path: Path) -> None:
    # In-process (a CliRunner: a strict UTF-8 stream) the error line said caf\udce9.csv.
    result = invoke("analyze", tmp_path / os.fsdecode(b"miss\xe9.csv"))
    assert result.exit_code == 1
    assert "miss\\xe9.csv: no such file" in result.stderr
    assert "\\udce9" not in result.stderr

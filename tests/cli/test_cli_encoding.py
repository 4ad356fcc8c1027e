"""A stdout that cannot encode every character (``PYTHONIOENCODING=ascii``, a Latin-1
terminal): the commands print what it can, with ``?`` for the rest, instead of stopping
with UnicodeEncodeError after their work is done."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carelens.cli._session import encodable_streams
from carelens.cli.main import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("charset", ["ascii", "latin-1"])
def test_analyze_prints_its_table_on_a_stdout_that_cannot_encode_it(charset: str) -> None:
    # The table of responses cuts texts with "…": UnicodeEncodeError, exit 1.
    runner = CliRunner(charset=charset)
    done = runner.invoke(app, ["analyze", str(EXAMPLES / "chat.jsonl")], env={"COLUMNS": "120"})
    assert done.exit_code == 0, repr(done.exception)
    assert "chat-0412-03" in done.stdout and "?" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("| chat-")]
    assert rows and len({len(row) for row in rows}) == 1  # one cell a character: aligned


@pytest.mark.parametrize("args", [["-o", "out.jsonl"], []])
def test_analyze_under_an_ascii_stdout_in_a_process(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "120"}
    done = subprocess.run(
        [sys.executable, "-m", "carelens", "analyze", str(EXAMPLES / "chat.jsonl"), *args],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
        check=False,
    )
    err = done.stderr.decode("ascii", errors="replace")
    assert done.returncode == 0, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert b"Summary" in done.stdout or b"chat-0412-03" in done.stdout
    # replaced by one character each ("?"), not escaped ("\\u2026"), so the tables line up
    assert b"\\u" not in done.stdout


def test_help_under_an_ascii_stdout() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "120"}
    done = subprocess.run(
        [sys.executable, "-m", "carelens", "evaluate", "--help"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("ascii", errors="replace")
    assert b"Usage" in done.stdout


def test_encodable_streams_replace_and_are_put_back(monkeypatch: pytest.MonkeyPatch) -> None:
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    ascii_out = io.TextIOWrapper(out_bytes, encoding="ascii", write_through=True)
    utf8_err = io.TextIOWrapper(err_bytes, encoding="utf-8", write_through=True)
    kept = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="ignore")
    monkeypatch.setattr(sys, "stdout", ascii_out)
    monkeypatch.setattr(sys, "stderr", utf8_err)
    with encodable_streams():
        print("cut…", file=sys.stdout)
        print("caf\udce9.csv \ud800", file=sys.stderr)  # a byte of a name that is not UTF-8
        print("caf\udce9.csv…", file=sys.stdout)
    assert out_bytes.getvalue() == b"cut?\ncaf\\xe9.csv?\n"
    # As a rejects file shows the name (caf\\udce9.csv before); another lone surrogate is
    # escaped as it is.
    assert err_bytes.getvalue() == b"caf\\xe9.csv \\ud800\n"
    assert ascii_out.errors == utf8_err.errors == "strict"  # put back after
    monkeypatch.setattr(sys, "stdout", kept)
    with encodable_streams():
        assert sys.stdout.errors == "ignore"  # a stream set on purpose is left alone


def test_a_stderr_that_escapes_shows_a_name_as_the_rejects_show_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Python's own stderr escapes what it cannot encode (backslashreplace): a byte of a name
    # that is not UTF-8 came out as caf\\udce9.csv, where the rejects file says caf\\xe9.csv.
    err_bytes = io.BytesIO()
    err = io.TextIOWrapper(err_bytes, encoding="ascii", errors="backslashreplace")
    monkeypatch.setattr(sys, "stderr", err)
    with encodable_streams():
        print("caf\udce9.csv…", file=sys.stderr, flush=True)
    assert err_bytes.getvalue() == b"caf\\xe9.csv\\u2026\n"
    assert err.errors == "backslashreplace"

"""``carelens report`` and ``summarize --tables`` where files fail them: a report or table
that cannot be written (a file size limit, ``ulimit -f``, fails a write as a full disk
does) names the file and leaves no temporary file; an interrupted run leaves the rejects
file of the run before as it was; a report named by a symbolic link is written where it
points, and one that is a named pipe is written into; a link loop is named."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from signal_handlers import handler_put_back

Invoke = Callable[..., Result]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="limits, pipes and links of POSIX")


@pytest.fixture
def results(invoke: Invoke, data: Path, tmp_path: Path) -> Path:
    out = tmp_path / "res.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out, "-q").exit_code == 0
    return out


def _limited(size: int) -> Callable[[], None]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return limit


def _carelens(*args: str | Path, limit: int) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "carelens", *map(str, args)],
        capture_output=True,
        text=True,
        preexec_fn=_limited(limit),
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )
    return done.returncode, " ".join(done.stderr.split())


TOO_LARGE = "cannot write it: the file has reached the largest size allowed"


def test_a_table_that_cannot_be_written_is_named_and_no_partial_file_left(
    results: Path, tmp_path: Path
) -> None:
    tables = tmp_path / "tables"
    code, said = _carelens("summarize", results, "--tables", tables, "-q", limit=1_000)
    assert code == 1, said
    assert f"error: {tables / 'responses.csv'}: {TOO_LARGE}" in said
    assert said.endswith(f"the tables in {tables} are left as they were"), said
    assert not list(tables.glob("*.partial")) and not (tables / "responses.csv").exists()


def test_a_report_that_cannot_be_written_is_named_and_no_temporary_file_left(
    results: Path, tmp_path: Path
) -> None:
    report = tmp_path / "r.html"
    code, said = _carelens("report", results, "-o", report, "-q", limit=20_000)
    assert code == 1, said
    assert said.endswith(
        f"error: {report}: {TOO_LARGE} (file too large: a limit of the file system, or of this "
        "session, ulimit -f); no report was written"
    ), said
    assert sorted(p.name for p in tmp_path.iterdir() if "r.html" in p.name) == []


def test_an_interrupted_report_leaves_the_rejects_file_before_as_it_was(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A SIGTERM while the input (a named pipe that sends nothing yet) is read."""
    source = tmp_path / "in.pipe"
    os.mkfifo(source)
    report = tmp_path / "r.html"
    rejects = tmp_path / "r.html.rejects.jsonl"
    before = '{"path": "old.csv", "line": 3, "field": "seeker", "reason": "missing text"}\n'
    rejects.write_text(before, encoding="utf-8")
    staged = tmp_path / "r.html.rejects.jsonl.partial.jsonl"

    def stop_while_reading() -> None:
        with source.open("w"):  # the reader is waiting for data
            deadline = time.monotonic() + 30
            # The rejects are being written (staged, or, before, the file itself truncated).
            while not staged.exists() and rejects.stat().st_size and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.2)
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.5)

    stopper = threading.Thread(target=stop_while_reading, daemon=True)
    with handler_put_back(signal.SIGTERM):
        stopper.start()
        result = invoke("report", source, "-o", report, "-q")
        stopper.join(timeout=60)
    assert result.exit_code == 143, result.output
    assert rejects.read_text(encoding="utf-8") == before
    assert not staged.exists() and not report.exists()
    assert f"Nothing was written: {report} and {rejects} are as they were." in " ".join(
        result.stderr.split()
    )


def test_a_report_named_by_a_link_is_written_where_it_points(
    invoke: Invoke, results: Path, tmp_path: Path
) -> None:
    (tmp_path / "site").mkdir()
    target = tmp_path / "site" / "report.html"
    link = tmp_path / "r.html"
    link.symlink_to(target)
    result = invoke("report", results, "-o", link, "-q")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html")


def test_a_report_into_a_named_pipe_is_written_into_it(
    invoke: Invoke, results: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "r.html"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = invoke("report", results, "-o", pipe, "-q")
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert got and got[0].startswith(b"<!DOCTYPE html")
    assert pipe.is_fifo()  # still a pipe, not a file put in its place


def test_a_report_named_by_a_link_loop_is_named(
    invoke: Invoke, results: Path, tmp_path: Path
) -> None:
    loop = tmp_path / "a.html"
    loop.symlink_to(tmp_path / "b.html")
    (tmp_path / "b.html").symlink_to(loop)
    result = invoke("report", results, "-o", loop, "-q")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "a.html: this is a symbolic link loop" in " ".join(result.stderr.split())

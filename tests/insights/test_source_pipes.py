"""Results read from a pipe (``cat results.jsonl | carelens summarize /dev/stdin``), and the
progress of reading results: every record counted, the last ones too."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from insight_rows import record
from typer.testing import CliRunner

from carelens.cli.main import app
from carelens.errors import FormatDetectionError, InputError
from carelens.insights import records_from
from carelens.insights.source import reads_results
from carelens.output.records import flatten_record
from carelens.readers import RejectLog
from carelens.taxonomy import RESPONSE_DIMENSIONS

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _no_analyzer() -> Any:
    raise AssertionError("results are read, never analysed")


def _jsonl(records: Sequence[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def _csv(records: Sequence[dict[str, Any]]) -> bytes:
    rows = [flatten_record(r, list(RESPONSE_DIMENSIONS)) for r in records]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows(row.values() for row in rows)
    return out.getvalue().encode("utf-8")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[tuple[Path, list[bytes]]]:
    """A named pipe, and where to put what a writer thread sends through it once it is
    opened for reading (as ``cat ... |`` does)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe"
    os.mkfifo(path)
    content: list[bytes] = []

    def write() -> None:
        with path.open("wb") as fh:  # blocks until the pipe is opened for reading
            for chunk in content:
                fh.write(chunk)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield path, content
    if writer.is_alive():  # never opened: open it once so that the writer ends
        with path.open("rb") as fh:
            fh.read()
    writer.join(timeout=10)


# --- results from a pipe ----------------------------------------------------------------------


@needs_fifo
def test_json_lines_results_are_read_from_a_pipe(fifo: tuple[Path, list[bytes]]) -> None:
    # Was "cannot detect the format of a pipe ...; pass the format with --format".
    path, content = fifo
    content += [_jsonl([record("r1"), record("r2")]), b"not JSON\n", _jsonl([record("r3")])]
    assert reads_results(path)
    assert not reads_results(path, "jsonl")
    log = RejectLog()
    read = list(records_from(path, _no_analyzer, rejects=log))
    assert [r["response_id"] for r in read] == ["r1", "r2", "r3"]
    assert log.counts == {"malformed JSON": 1}


@needs_fifo
def test_the_rejects_of_a_pipe_name_the_pipe(
    fifo: tuple[Path, list[bytes]], tmp_path: Path
) -> None:
    path, content = fifo
    content += [_jsonl([record("r1")]), b"not JSON\n"]
    listed = tmp_path / "rejects.jsonl"
    with RejectLog(listed) as log:
        assert [r["response_id"] for r in records_from(path, _no_analyzer, rejects=log)] == ["r1"]
    [entry] = [json.loads(line) for line in listed.read_text(encoding="utf-8").splitlines()]
    assert (entry["path"], entry["line"], entry["reason"]) == (str(path), 2, "malformed JSON")


@needs_fifo
def test_without_a_reject_log_a_bad_record_of_a_pipe_names_the_pipe(
    fifo: tuple[Path, list[bytes]],
) -> None:
    path, content = fifo
    content += [_jsonl([record("r1")]), b"not JSON\n"]
    with pytest.raises(InputError) as caught:
        list(records_from(path, _no_analyzer))
    assert (caught.value.path, caught.value.line) == (str(path), 2)


@needs_fifo
def test_csv_results_are_read_from_a_pipe(fifo: tuple[Path, list[bytes]]) -> None:
    path, content = fifo
    content.append(_csv([record("r1"), record("r2")]))
    log = RejectLog()
    assert [r["response_id"] for r in records_from(path, _no_analyzer, rejects=log)] == [
        "r1",
        "r2",
    ]
    assert log.total == 0


@needs_fifo
def test_a_pipe_of_conversations_without_a_format_says_to_pass_one(
    fifo: tuple[Path, list[bytes]],
) -> None:
    path, content = fifo
    pair = {"seeker_id": "s", "response_id": "r", "seeker": "I feel alone", "response": "Oh"}
    content.append(_jsonl([pair]))
    with pytest.raises(FormatDetectionError, match=r"holds no carelens results.*--format"):
        list(records_from(path, _no_analyzer))


@needs_fifo
def test_summarize_reads_results_from_a_pipe(
    fifo: tuple[Path, list[bytes]], tmp_path: Path
) -> None:
    path, content = fifo
    content.append(_jsonl([record(f"r{i}") for i in range(3)]))
    result = CliRunner().invoke(app, ["summarize", str(path), "--tables", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t" / "helpers.csv").read_text(encoding="utf-8").count("\nana,3,") == 1


@needs_fifo
def test_results_piped_with_a_format_are_rejected_with_what_to_do(
    fifo: tuple[Path, list[bytes]], tmp_path: Path
) -> None:
    # A format reads a pipe as conversations, as it streams (a pipe is not looked at twice):
    # every result record is then rejected, and the error says what to do.
    path, content = fifo
    content.append(_jsonl([record("r1"), record("r2")]))
    rejects = tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(
        app, ["summarize", str(path), "--format", "jsonl", "--rejects", str(rejects)]
    )
    assert result.exit_code == 1, result.output
    assert "every record was rejected" in result.stderr
    assert "leave out --format to read them as results" in result.stderr


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="no /dev/stdin here")
def test_summarize_reads_results_piped_to_dev_stdin(tmp_path: Path) -> None:
    """The command as a shell runs it: ``cat results.jsonl | carelens summarize /dev/stdin``."""
    done = subprocess.run(
        [sys.executable, "-m", "carelens", "summarize", "/dev/stdin", "-q"],
        input=_jsonl([record("r1", speaker="ana"), record("r2", speaker="ben")]),
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert "ana" in out and "ben" in out
    assert not list(tmp_path.iterdir())  # no rejects file, and no copy left behind


# --- progress -------------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "calls"), [(1500, [1024, 476]), (2048, [1024, 1024]), (3, [3])])
def test_progress_counts_every_record_read(tmp_path: Path, n: int, calls: list[int]) -> None:
    # Was 1024 of 1500: progress was told every 1024 records only.
    results = tmp_path / "results.jsonl"
    results.write_bytes(_jsonl([record(f"r{i}") for i in range(n)]))
    told: list[int] = []
    assert len(list(records_from(results, _no_analyzer, progress=told.append))) == n
    assert told == calls


@needs_fifo
def test_progress_counts_every_record_of_a_pipe(fifo: tuple[Path, list[bytes]]) -> None:
    path, content = fifo
    content.append(_jsonl([record(f"r{i}") for i in range(1030)]))
    told: list[int] = []
    assert len(list(records_from(path, _no_analyzer, progress=told.append))) == 1030
    assert told == [1024, 6]

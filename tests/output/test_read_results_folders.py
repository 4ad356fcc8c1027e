"""``read_results`` given a folder: the output folder of a finished ``carelens batch`` run is
read as ``carelens summarize`` reads it (every part, in order; a repeated pair kept), and any
other folder is an error that says it is a folder and what to pass."""

from __future__ import annotations

from pathlib import Path

import pytest

import carelens
from carelens.errors import InputError
from carelens.output import read_results
from carelens.readers import RejectLog
from scored_pairs import unfinished_batch_output, write_batch_output

pytest.importorskip("pyarrow")


def test_a_batch_output_folder_is_read_as_summarize_reads_it(tmp_path: Path) -> None:
    from carelens.insights import records_from

    out = tmp_path / "out"
    # The third pair repeats the first one's ids: another input pair in a batch run.
    write_batch_output(out, [("s0", "r0"), ("s1", "r1"), ("s0", "r0")])

    def no_analyzer() -> carelens.EmpathyAnalyzer:
        raise AssertionError("a batch folder holds results: nothing is analysed")

    got = list(read_results(out))
    assert [r["response_id"] for r in got] == ["r0", "r1", "r0"]  # the repeated pair kept
    assert got == list(records_from(out, no_analyzer))  # as summarize reads it
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_results(str(out), rejects=rejects)) == got
    assert rejects.total == 0


def test_an_unfinished_batch_output_folder_says_to_finish_the_run(tmp_path: Path) -> None:
    out = unfinished_batch_output(tmp_path / "out")
    with pytest.raises(InputError, match="unfinished batch run: run the same"):
        list(read_results(out))


def test_another_folder_is_an_error_that_says_what_to_pass(tmp_path: Path) -> None:
    (tmp_path / "results.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        list(read_results(tmp_path))
    message = str(raised.value)
    assert message.startswith(f"{tmp_path}: this is a folder, not a result file")
    assert "output folder of a finished carelens batch run" in message
    assert "no such file" not in message
    with pytest.raises(InputError, match="no such file; check the path"):
        list(read_results(tmp_path / "missing.jsonl"))

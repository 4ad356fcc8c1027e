"""``summarize`` and ``report`` of a conversation file that gives nothing to show say why,
as ``analyze`` says it: a field that may name the message answered (``inReplyTo``) is
pointed out, with the ``analyze --column-map`` run that reads it (these two take no map),
and ``--helper`` matching no one lists the fields a helper's name is read from. Both once
said only "the input holds no response" or "check the helpers' names"."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from carelens.readers.layouts import speaker_fields

Invoke = Callable[..., Result]

#: Two messages; the second answers the first through a key no layout reads.
IN_REPLY_TO = [
    {"id": "a", "speaker": "x", "text": "I lost my job."},
    {"id": "b", "speaker": "y", "inReplyTo": "a", "text": "So sorry."},
]


def _words(text: str) -> str:
    return " ".join(text.split())


def _command(name: str, source: Path, tmp_path: Path) -> list[str | Path]:
    return [name, source, *(["-o", tmp_path / "report.html"] if name == "report" else [])]


@pytest.mark.parametrize("name", ["summarize", "report"])
def test_a_file_with_no_pair_points_out_the_field_to_map(
    invoke: Invoke, tmp_path: Path, name: str
) -> None:
    source = tmp_path / "irt.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in IN_REPLY_TO), encoding="utf-8")
    result = invoke(*_command(name, source, tmp_path), "-q")
    assert result.exit_code == 1, result.output
    said = _words(result.stderr)
    assert "error: Nothing to show: no message in the file answers another (its 2 messages" in said
    assert "its field 'inReplyTo' may name the message each answers" in said
    assert "the file needs replies" in said  # the advice analyze gives
    assert (
        f"summarize and report take no column map, but analyze does: carelens analyze "
        f"{source} --column-map reply_to=inReplyTo -o results.jsonl, then summarize or "
        "report results.jsonl."
    ) in said


def test_a_file_with_no_message_says_so(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "empty.jsonl"
    source.write_text("\n", encoding="utf-8")
    result = invoke("summarize", source, "--format", "jsonl", "-q")
    assert result.exit_code == 1, result.output
    said = _words(result.stderr)
    assert "Nothing to show: the file holds no message" in said
    assert "column map" not in said


@pytest.mark.parametrize("name", ["summarize", "report"])
def test_a_helper_matching_no_one_lists_where_names_are_read(
    invoke: Invoke, data: Path, tmp_path: Path, name: str
) -> None:
    result = invoke(*_command(name, data / "thread.jsonl", tmp_path), "--helper", "nobody", "-q")
    assert result.exit_code == 1, result.output
    said = _words(result.stderr)
    assert "is by a speaker that matches --helper nobody" in said
    assert _words(speaker_fields()) in said


def test_results_that_hold_no_response_say_so_without_a_reader_hint(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """A result file is not read by a conversation reader: no pairing or field advice."""
    results = tmp_path / "results.jsonl"
    analysed = invoke("analyze", data / "thread.jsonl", "--threads", "1", "-o", results)
    assert analysed.exit_code == 0, analysed.output
    result = invoke("summarize", results, "--helper", "nobody", "-q")
    assert result.exit_code == 1, result.output
    said = _words(result.stderr)
    assert "no response is by a speaker that matches --helper nobody" in said
    assert speaker_fields() not in said

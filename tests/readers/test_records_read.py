"""Counting a file's records again when nothing could be paired (carelens.readers.api):
what ``carelens analyze`` and a server's failed corpus both say it read."""

from __future__ import annotations

import json
import os
from pathlib import Path

from carelens.readers import RejectLog
from carelens.readers.api import RecordCount, count_records, records_read


def _turn(n: int, reply_to: str | None = None, **extra: object) -> str:
    turn = {"id": str(n), "conversation_id": "c", "reply_to": reply_to, "text": f"message {n}"}
    return json.dumps({**turn, **extra}) + "\n"


def test_kept_rejected_and_read_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "chat.jsonl"
    path.write_text(_turn(1) + "{bad\n" + _turn(2) + "\n" + '"not an object"\n', "utf-8")
    assert count_records(path) == RecordCount(read=4, kept=2, reference=None)
    assert records_read(path, None, {}) == (4, 2)


def test_a_field_that_may_name_the_message_answered_is_found(tmp_path: Path) -> None:
    path = tmp_path / "chat.jsonl"
    path.write_text(_turn(1) + _turn(2, in_reply_to="1"), "utf-8")
    count = count_records(path, format="jsonl")
    assert count is not None and count.reference == "in_reply_to"


def test_a_given_log_collects_the_rejects_of_the_count(tmp_path: Path) -> None:
    path = tmp_path / "chat.jsonl"
    path.write_text("{bad\n" + _turn(1), "utf-8")
    log = RejectLog()
    log.add("earlier", 1, None, "malformed JSON")  # counted before: not this read's
    assert count_records(path, rejects=log) == RecordCount(read=2, kept=1, reference=None)
    assert log.total == 2


def test_a_pipe_is_not_counted(tmp_path: Path) -> None:
    """It can be read only once (and is not opened here)."""
    pipe = tmp_path / "chat.jsonl"
    os.mkfifo(pipe)
    assert count_records(pipe) is None
    assert records_read(pipe, "jsonl", {}) is None

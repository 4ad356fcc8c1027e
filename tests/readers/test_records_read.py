"""Counting a file's records again when nothing could be paired (carelens.readers.api):
what ``carelens analyze`` and a server's failed corpus both say it read."""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges
from carelens.readers.api import RecordCount, _readers_quiet, count_records, records_read


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


def test_counting_again_does_not_warn_again(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The first read warned of the Windows-1252 rows; the count that tells why nothing was
    paired reads the file again without a second warning, and later reads warn as before."""
    path = data_dir / "excel_cp1252.csv"
    with caplog.at_level(logging.INFO, logger="carelens.readers"):
        assert count_records(path) == RecordCount(read=3, kept=1, reference=None)
        assert records_read(path, None, {}) == (3, 1)
        assert caplog.records == []
        list(read_exchanges(path))
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len([m for m in warned if "looks like Windows-1252" in m]) == 1


def test_only_the_counting_thread_is_quiet(caplog: pytest.LogCaptureFixture) -> None:
    """A server counts one corpus while others are read: their warnings still show."""
    logger = logging.getLogger("carelens.readers.delimited")
    with caplog.at_level(logging.INFO, logger="carelens.readers"), _readers_quiet():
        logger.warning("this thread's")
        logger.error("this thread's error")
        other = threading.Thread(target=logger.warning, args=("another thread's",))
        other.start()
        other.join()
    logger.warning("after")
    assert [r.getMessage() for r in caplog.records] == [
        "this thread's error",
        "another thread's",
        "after",
    ]

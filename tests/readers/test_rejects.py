"""The reject log: counts, skips, the JSONL file, and no record text in it."""

from __future__ import annotations

import json
from pathlib import Path

from carelens.readers import RejectLog


def test_counts_and_skips_without_a_file() -> None:
    log = RejectLog()
    log.add("a.csv", 3, "text", "missing text")
    log.add("a.csv", 5, None, "malformed CSV row", detail="unexpected end of data")
    log.add("b.csv", 2, "text", "missing text")
    log.skip("deleted")
    log.skip("spam", 2)
    assert log.counts == {"missing text": 2, "malformed CSV row": 1}
    assert log.skipped == {"deleted": 1, "spam": 2}
    assert log.total == 3
    log.close()  # no file: a no-op
    assert "total=3" in repr(log)


def test_writes_one_object_per_reject(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    with RejectLog(path) as log:
        log.add(tmp_path / "in.jsonl", 7, "reply_to", "unknown parent")
        log.add("in.jsonl", None, None, "malformed XML", detail="line 3, column 1")
        log.skip("removed")
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert entries == [
        {
            "path": str(tmp_path / "in.jsonl"),
            "line": 7,
            "field": "reply_to",
            "reason": "unknown parent",
        },
        {
            "path": "in.jsonl",
            "line": None,
            "field": None,
            "reason": "malformed XML",
            "detail": "line 3, column 1",
        },
    ]
    assert log.total == 2  # counts survive close()


def test_empty_log_still_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    with RejectLog(path):
        pass
    assert path.read_text(encoding="utf-8") == ""

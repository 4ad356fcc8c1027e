"""The reject log: counts, skips, the JSONL file, and no record text in it."""

from __future__ import annotations

import json
from pathlib import Path

from carelens.readers import RejectLog
from carelens.readers.rejects import MAX_LISTED, NOT_LISTED, redacted_entry, reject_entry


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


def test_redact_passes_each_detail_through_redaction(tmp_path: Path) -> None:
    """A detail may quote an id of the record; with ``redact`` (``--redact``) its personal
    data is replaced, and the path, field and reason are kept as they are."""
    path = tmp_path / "rejects.jsonl"
    detail = "turn 't2' replies to 'kim@example.com', not in the input"
    with RejectLog(path, redact=True) as log:
        log.add("in.jsonl", 2, "reply_to", "unknown parent", detail=detail)
        log.add("in.jsonl", 3, "id", "duplicate id", detail="turn '+44 20 7946 0958'")
        log.add("in.jsonl", 4, "text", "missing text")
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [e.get("detail") for e in entries] == [
        "turn 't2' replies to '[email]', not in the input",
        "turn '[phone]'",
        None,
    ]
    assert entries[0]["field"] == "reply_to" and entries[0]["reason"] == "unknown parent"
    with RejectLog(path) as plain:  # without it, the detail is written as given
        plain.add("in.jsonl", 2, "reply_to", "unknown parent", detail=detail)
    assert json.loads(path.read_text(encoding="utf-8"))["detail"] == detail
    assert "redact=True" in repr(log)


def test_redacted_entry_redacts_a_staged_entry() -> None:
    entry = reject_entry("in.csv", 5, "reply_to", "unknown parent", detail="to 'kim@example.com'")
    assert redacted_entry(entry) == {**entry, "detail": "to '[email]'"}
    assert entry["detail"] == "to 'kim@example.com'"  # a copy: the entry is left as it was
    assert reject_entry("in.csv", 5, None, "x", detail="kim@example.com", redact=True) == {
        "path": "in.csv",
        "line": 5,
        "field": None,
        "reason": "x",
        "detail": "[email]",
    }
    no_detail = reject_entry("in.csv", 5, None, "x")
    assert redacted_entry(no_detail) == no_detail


def test_the_file_lists_the_first_rejects_and_counts_the_rest(tmp_path: Path) -> None:
    """Past ``max_listed`` rejects are counted only; closing the log writes one last line
    that says how many were not listed, per reason. The counts keep every reject."""
    path = tmp_path / "rejects.jsonl"
    with RejectLog(path, max_listed=2) as log:
        for line in range(1, 5):
            log.add("in.jsonl", line, None, "malformed JSON")
        log.add("in.jsonl", 5, "text", "missing text")
        assert log.not_listed == 3
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [e["line"] for e in entries[:2]] == [1, 2]
    assert entries[2:] == [
        {
            "path": None,
            "line": None,
            "field": None,
            "reason": NOT_LISTED,
            "detail": "3 more rejects were counted but not listed: a rejects file lists the "
            "first 2",
            "not_listed": {"malformed JSON": 2, "missing text": 1},
        }
    ]
    assert log.counts == {"malformed JSON": 4, "missing text": 1} and log.total == 5
    log.close()  # closing again writes nothing more
    assert len(path.read_text(encoding="utf-8").splitlines()) == 3


def test_a_log_within_its_bound_has_no_last_line(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    with RejectLog(path, max_listed=2) as log:
        log.add("in.jsonl", 1, None, "malformed JSON")
        log.add("in.jsonl", 2, None, "malformed JSON")
    assert [json.loads(line)["line"] for line in path.read_text().splitlines()] == [1, 2]
    assert log.not_listed == 0


def test_the_default_bound_is_documented() -> None:
    """README and docs/api.md say 100,000."""
    assert MAX_LISTED == 100_000 and RejectLog().max_listed == MAX_LISTED

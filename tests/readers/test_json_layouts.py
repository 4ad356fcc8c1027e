"""JSON Lines format and layout decisions: a ``subreddit`` field, and a bad first record."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from carelens.readers import RejectLog, detect_format, read_exchanges
from carelens.readers.detect import classify_json_record

RejectRows = Callable[[Path], list[tuple[object, ...]]]


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


PAIR = {"sp_id": "s1", "rp_id": "r1", "seeker_post": "I feel lost.", "response_post": "I'm here."}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({**PAIR, "subreddit": "depression"}, "jsonl"),
        ({"seeker": "a", "response": "b", "subreddit": "x"}, "jsonl"),
        ({"id": "u1", "text": "hello", "reply_to": None, "subreddit": "x"}, "jsonl"),
        ({"id": "u1", "text": "hello", "title": "t", "subreddit": "x"}, "jsonl"),
        ({"id": "c1", "body": "hi", "parent_id": "t3_a", "subreddit": "x"}, "reddit"),
        ({"id": "s", "title": "t", "selftext": "x", "subreddit": "r"}, "reddit"),
        ({"id": "s", "title": "a link post", "subreddit": "r", "url": "u"}, "reddit"),
        ({"subreddit": "x", "score": 3}, None),
        ({"foo": 1}, None),
    ],
)
def test_classify_json_record(record: dict[str, Any], expected: str | None) -> None:
    assert classify_json_record(record) == expected


def test_pairs_with_a_subreddit_field_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "sub.jsonl", [{**PAIR, "subreddit": "depression"}])
    assert detect_format(path) == "jsonl"
    rejects = RejectLog()
    (exchange,) = read_exchanges(path, rejects=rejects)
    assert (exchange.seeker.id, exchange.response.id) == ("s1", "r1")
    assert exchange.response.meta == {"subreddit": "depression"}
    assert rejects.total == 0


BAD_FIRST = {"sp_id": "s0", "rp_id": "r0", "seeker_post": "Nobody calls me anymore."}


def test_a_bad_first_record_does_not_decide_detection(tmp_path: Path) -> None:
    path = _write(tmp_path / "j3.jsonl", [BAD_FIRST, PAIR])
    assert detect_format(path) == "jsonl"
    other = tmp_path / "j4.jsonl"
    other.write_text('{"foo": 1}\n{"id": "u1", "text": "hello"}\n', encoding="utf-8")
    assert detect_format(other) == "jsonl"


@pytest.mark.parametrize("forced", [None, "jsonl"])
def test_a_bad_first_record_does_not_decide_the_layout(
    tmp_path: Path, reject_rows: RejectRows, forced: str | None
) -> None:
    path = _write(tmp_path / "j3.jsonl", [BAD_FIRST, PAIR, {**PAIR, "rp_id": "r2"}])
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, format=forced, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("s1", "r1"), ("s1", "r2")]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("j3.jsonl", 1, "response_post", "missing text")
    ]


def test_turns_decided_after_unfit_records(tmp_path: Path, reject_rows: RejectRows) -> None:
    records = [
        {"id": "u0"},  # no text: fits no layout
        {"speaker": "ana", "text": "anyone around?"},  # no id
        {"id": "u1", "text": "I can't sleep again.", "speaker": "ana"},
        {"id": "u2", "text": "I'm up too. What's keeping you awake?", "reply_to": "u1"},
    ]
    path = _write(tmp_path / "turns.jsonl", records)
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("u1", "u2")]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("turns.jsonl", 1, "text", "missing text"),
        ("turns.jsonl", 2, "id", "missing id"),
    ]


def test_layout_is_kept_once_decided(tmp_path: Path, reject_rows: RejectRows) -> None:
    # Once the file is a pair file, a turn record later on is a bad pair record.
    records = [PAIR, {"id": "u1", "text": "hello"}]
    path = _write(tmp_path / "mixed.jsonl", records)
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert len(list(read_exchanges(path, rejects=rejects))) == 1
    assert reject_rows(tmp_path / "rejects.jsonl") == [("mixed.jsonl", 2, "sp_id", "missing id")]


def test_no_record_fits_any_layout(tmp_path: Path, reject_rows: RejectRows) -> None:
    path = _write(tmp_path / "odd.jsonl", [{"foo": 1}, {"seeker": "x", "seeker_id": "1"}])
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, format="jsonl", rejects=rejects)) == []
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("odd.jsonl", 1, "id", "missing id"),
        ("odd.jsonl", 2, "response_id", "missing id"),
    ]

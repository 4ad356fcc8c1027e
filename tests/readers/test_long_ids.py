"""Ids and names over ``MAX_ID_CHARS`` characters: one reject each, the rest read on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges, read_turns
from carelens.readers.base import long_name
from carelens.types import MAX_ID_CHARS, Exchange, Turn

RejectRows = Callable[[Path], list[tuple[object, ...]]]

LONG = "n" * (MAX_ID_CHARS + 1)
FITS = "\U0001f600" * MAX_ID_CHARS  # the limit counts characters, not bytes


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_thread_turns_with_a_long_name_are_rejected_and_their_replies_with_them(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    rows: list[dict[str, object]] = [
        {"id": "a", "text": "I feel alone since the move.", "speaker": "sam"},
        {"id": "b", "text": "That sounds hard.", "speaker": LONG, "reply_to": "a"},
        {"id": "c", "text": "It is.", "speaker": "sam", "reply_to": "b"},
        {"id": "d", "text": "Lonely weekends?", "speaker": FITS, "reply_to": "a"},
        {"id": "e", "text": "Yes.", "speaker": "sam", "reply_to": "d", "conversation_id": LONG},
        {"id": LONG, "text": "Hi.", "speaker": "kim", "reply_to": "a"},
        {"id": "g", "text": "Hi.", "speaker": "kim", "reply_to": "a", "community": LONG},
    ]
    path = _jsonl(tmp_path / "turns.jsonl", rows)
    log = tmp_path / "rejects.jsonl"
    with RejectLog(log) as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
        assert rejects.counts["id too long"] == 4
    assert [(e.seeker.id, e.response.id, e.response.speaker) for e in exchanges] == [
        ("a", "d", FITS)
    ]
    assert reject_rows(log) == [
        ("turns.jsonl", 2, "speaker", "id too long"),
        ("turns.jsonl", 5, "conversation_id", "id too long"),
        ("turns.jsonl", 6, "id", "id too long"),
        ("turns.jsonl", 7, "community", "id too long"),
        ("turns.jsonl", 3, "reply_to", "unknown parent"),
    ]
    details = [json.loads(line)["detail"] for line in log.read_text().splitlines()]
    assert details[0] == f"{MAX_ID_CHARS + 1} characters > limit {MAX_ID_CHARS}"
    assert LONG not in log.read_text()  # sizes only, never the value


def test_pair_rows_name_the_side_of_the_long_field(tmp_path: Path, reject_rows: RejectRows) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "sp_id,rp_id,seeker_post,response_post,speaker,subreddit\n"
        "s1,r1,I failed again.,That must sting.,kim,depression\n"
        f"s2,{LONG},I failed again.,That must sting.,kim,depression\n"
        f"s3,r3,I failed again.,That must sting.,kim,{LONG}\n"
        f"s4,r4,I failed again.,That must sting.,{LONG},depression\n",
        encoding="utf-8",
    )
    log = tmp_path / "rejects.jsonl"
    with RejectLog(log) as rejects:
        assert [e.response.id for e in read_exchanges(path, rejects=rejects)] == ["r1"]
    assert reject_rows(log) == [
        ("pairs.csv", 3, "response.id", "id too long"),
        ("pairs.csv", 4, "response.subreddit", "id too long"),
        ("pairs.csv", 5, "response.speaker", "id too long"),
    ]


def test_read_turns_applies_the_same_limit(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "turns.jsonl",
        [{"id": "a", "text": "hello"}, {"id": "b", "text": "hi", "reply_to": LONG}],
    )
    rejects = RejectLog()
    assert [t.id for t in read_turns(path, rejects=rejects)] == ["a"]
    assert rejects.counts == {"id too long": 1}


@pytest.mark.parametrize(
    ("item", "found"),
    [
        (Turn(id="a", text="t"), None),
        (Turn(id="a", text="t", meta={"subreddit": LONG}), ("subreddit", MAX_ID_CHARS + 1)),
        (Turn(id="a", text="t", meta={"community": 7, "note": LONG}), None),
        (
            Exchange(seeker=Turn(id="s", text="t", speaker=LONG), response=Turn(id="r", text="t")),
            ("seeker.speaker", MAX_ID_CHARS + 1),
        ),
    ],
)
def test_long_name_looks_at_ids_names_and_community_only(
    item: Turn | Exchange, found: tuple[str, int] | None
) -> None:
    assert long_name(item) == found

"""Reject details quote ids and references cut to a few dozen characters, and a ``reply_to``
that is an embedded parent message (a JSON object) is rejected without quoting it: a rejects
file never holds a message text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from carelens.readers import RejectLog, pair_turns, read_exchanges, read_turns
from carelens.readers.quoting import MAX_NAME_CHARS
from carelens.types import Turn

SECRET = "I want to end it all, call me 555-867-5309"


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _details(path: Path) -> list[str]:
    return [json.loads(line)["detail"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_an_embedded_parent_message_is_rejected_and_never_quoted(
    tmp_path: Path, reject_rows: Callable[[Path], list[tuple[object, ...]]]
) -> None:
    # a Telegram reply_to_message / Discord referenced_message: the parent as an object
    parent = {"message_id": 1, "from": "jane", "text": SECRET}
    path = _jsonl(
        tmp_path / "chat.jsonl",
        [
            {"id": "1", "speaker": "jane", "text": SECRET, "reply_to": None},
            {"id": "2", "speaker": "vol-1", "text": "I'm here for you.", "reply_to": parent},
            {"id": "3", "speaker": "vol-2", "text": "Me too.", "reply_to": [parent]},
            {"id": "4", "speaker": "jane", "text": "Thank you.", "reply_to": "2"},
        ],
    )
    log = tmp_path / "rejects.jsonl"
    with RejectLog(log) as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    # turn 2 is kept (with no parent), so the reply to it still pairs
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("2", "4")]
    assert reject_rows(log) == [
        ("chat.jsonl", 2, "reply_to", "invalid field value"),
        ("chat.jsonl", 3, "reply_to", "invalid field value"),
    ]
    assert _details(log) == [
        "turn '2': reply_to must be the id of the message it answers (a string or integer), "
        "not an object",
        "turn '3': reply_to must be the id of the message it answers (a string or integer), "
        "not an array",
    ]
    held = log.read_text(encoding="utf-8")
    assert "5309" not in held and "jane" not in held and "end it all" not in held
    with RejectLog(tmp_path / "turns.jsonl") as rejects:
        assert [t.reply_to for t in read_turns(path, rejects=rejects)] == [None, None, None, "2"]


def test_long_references_and_ids_are_cut_in_reject_details(tmp_path: Path) -> None:
    # under the id limit (512 characters), so read, but far over what a detail quotes
    long_ref = "a message someone pasted where its parent id belongs " * 4
    long_id = "x" * 200
    long_conversation = "c" * 200
    path = _jsonl(
        tmp_path / "turns.jsonl",
        [
            {"id": "1", "speaker": "sam", "text": "Hard week.", "conversation_id": "t"},
            {"id": "2", "speaker": "kim", "text": "I hear you.", "reply_to": long_ref,
             "conversation_id": "t"},
            {"id": long_id, "speaker": "kim", "text": "Same.", "reply_to": "9",
             "conversation_id": long_conversation},
        ],
    )  # fmt: skip
    log = tmp_path / "rejects.jsonl"
    with RejectLog(log) as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    details = _details(log)
    cut_ref = long_ref[: MAX_NAME_CHARS - 1] + "…"
    assert details == [
        f"turn '2' in conversation 't' replies to {cut_ref!r} ({len(long_ref)} characters), "
        "not in the input",
        f"turn {'x' * 39 + '…'!r} (200 characters) in conversation {'c' * 39 + '…'!r} "
        "(200 characters) replies to '9', not in the input",
    ]
    assert long_ref not in log.read_text(encoding="utf-8")


def test_in_memory_turns_quote_cut_references(tmp_path: Path) -> None:
    long_ref = "r" * 100
    turns = [
        Turn(id="1", text="Hard week.", speaker="sam"),
        Turn(id="2", text="I hear you.", speaker="kim", reply_to=long_ref),
    ]
    log = tmp_path / "rejects.jsonl"
    with RejectLog(log) as rejects:
        assert pair_turns(turns, rejects=rejects) == []
    assert _details(log) == [
        f"turn '2' replies to {'r' * 39 + '…'!r} (100 characters), not in the input"
    ]

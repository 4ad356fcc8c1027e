"""Pairing: a merged same-speaker turn is held to the text limit a reader holds each text to.

Merging had no limit: 200,000 chained messages by one speaker and one reply gave one pair
whose seeker text was 10.2 million characters (40 s and 740 MB to analyse one pair).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from carelens.batch.rows import CollectingRejectLog
from carelens.readers import RejectLog, pair_turns, read_exchanges
from carelens.readers.base import MAX_TEXT_CHARS
from carelens.types import Exchange, Turn


def _ids(exchanges: list[Exchange]) -> list[tuple[str, str]]:
    return [(e.seeker.id, e.response.id) for e in exchanges]


def _write(path: Path, *rows: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _row(tid: str, speaker: str, reply_to: str | None, text: str) -> dict[str, object]:
    return {
        "id": tid,
        "speaker": speaker,
        "conversation_id": "c",
        "reply_to": reply_to,
        "text": text,
    }


def test_a_merged_seeker_over_the_limit_is_rejected_and_so_is_its_reply(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "turns.jsonl",
        _row("m1", "ana", None, "a" * 60),
        _row("m2", "ana", "m1", "b" * 60),  # merged: 60 + 1 + 60 = 121 characters
        _row("h", "bo", "m2", "I hear you."),
        _row("h2", "ana", "h", "Thanks."),  # answers a kept reply: still a pair
        {"id": "x1", "speaker": "cy", "conversation_id": "d", "text": "Short."},
        {"id": "x2", "speaker": "di", "conversation_id": "d", "reply_to": "x1", "text": "Ok."},
    )
    log = CollectingRejectLog()
    exchanges = list(read_exchanges(path, rejects=log, max_chars=100))
    assert _ids(exchanges) == [("h", "h2"), ("x1", "x2")]
    assert exchanges[0].context == ()  # the rejected merge is no ancestor either
    assert [(e["line"], e["field"], e["reason"], e["detail"]) for e in log.entries] == [
        (
            1,
            "text",
            "text too long",
            "turn 'm1' in conversation 'c': merged text of 2 messages by one speaker is 121 "
            "characters > limit 100",
        ),
        (
            3,
            "reply_to",
            "unknown parent",
            "turn 'h' in conversation 'c' replies to 'm2', which was merged into 'm1' and "
            "rejected (line 1)",
        ),
    ]


def test_a_merged_text_at_the_limit_is_kept(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "turns.jsonl",
        _row("m1", "ana", None, "a" * 50),
        _row("m2", "ana", "m1", "b" * 49),  # 50 + 1 + 49 = 100 characters
        _row("h", "bo", "m2", "I hear you."),
    )
    log = RejectLog()
    (exchange,) = read_exchanges(path, rejects=log, max_chars=100)
    assert len(exchange.seeker.text) == 100 and exchange.seeker.meta["merged_ids"] == ["m2"]
    assert log.counts == {}


def test_a_merged_response_over_the_limit_gives_no_pair(tmp_path: Path) -> None:
    """The response side merges too (a 1.8 million character response was analysed)."""
    path = _write(
        tmp_path / "turns.jsonl",
        _row("s", "ana", None, "I feel alone."),
        _row("r1", "bo", "s", "c" * 70),
        _row("r2", "bo", "r1", "d" * 70),
        _row("s2", "ana", "r1", "Thank you."),  # after r2 in the input: r2 still merges
    )
    log = CollectingRejectLog()
    assert list(read_exchanges(path, rejects=log, max_chars=100)) == []
    assert [(e["line"], e["reason"]) for e in log.entries] == [
        (2, "text too long"),
        (4, "unknown parent"),
    ]
    assert log.entries[1]["detail"] == (
        "turn 's2' in conversation 'c' replies to 'r1', which was rejected (line 2)"
    )


def test_the_default_limit_holds_for_merged_turns() -> None:
    """Three messages of 400,000 characters each read well alone; merged, they are over
    :data:`MAX_TEXT_CHARS`."""
    part = MAX_TEXT_CHARS * 2 // 5
    turns = [
        Turn(id="1", text="a" * part, speaker="ana"),
        Turn(id="2", text="b" * part, speaker="ana", reply_to="1"),
        Turn(id="3", text="c" * part, speaker="ana", reply_to="2"),
        Turn(id="4", text="I hear you.", speaker="bo", reply_to="3"),
    ]
    log = CollectingRejectLog()
    assert pair_turns(turns, rejects=log) == []
    assert log.counts == {"text too long": 1, "unknown parent": 1}
    assert log.entries[0]["detail"] == (
        "turn '1': merged text of 3 messages by one speaker is 1,200,002 characters > limit "
        "1,000,000"
    )
    # Two of them are within the limit: a pair.
    (exchange,) = pair_turns([turns[0], turns[1], replace(turns[3], reply_to="2")])
    assert len(exchange.seeker.text) == 2 * part + 1


def test_a_self_reply_that_was_not_merged_is_judged_on_its_own() -> None:
    """``m3`` answers its own speaker after someone else did, so it merges with nothing: it
    answers a rejected message (an unknown parent, as any reply to one), and stays a thread
    root whose reply pairs with it."""
    turns = [
        Turn(id="m1", text="a" * 60, speaker="ana"),
        Turn(id="m2", text="b" * 60, speaker="ana", reply_to="m1"),
        Turn(id="r", text="Hi.", speaker="bo", reply_to="m2"),
        Turn(id="m3", text="c" * 60, speaker="ana", reply_to="m1"),
        Turn(id="r3", text="Still here.", speaker="bo", reply_to="m3"),
    ]
    log = CollectingRejectLog()
    assert _ids(pair_turns(turns, rejects=log, max_chars=100)) == [("m3", "r3")]
    assert [(e["reason"], e["detail"]) for e in log.entries] == [
        (
            "text too long",
            "turn 'm1': merged text of 2 messages by one speaker is 121 characters > limit 100",
        ),
        ("unknown parent", "turn 'r' replies to 'm2', which was merged into 'm1' and rejected"),
        ("unknown parent", "turn 'm3' replies to 'm1', which was rejected"),
    ]

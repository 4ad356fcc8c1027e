"""Reddit dump reader: submissions and comments, deleted/removed texts, ``.zst`` dumps."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from carelens.errors import InputError
from carelens.readers import RejectLog, detect_format, read_exchanges, read_turns
from carelens.readers.pairing import SUBMISSIONS_NEEDED

RejectRows = Callable[[Path], list[tuple[object, ...]]]


def test_reddit_dump_exchanges(data_dir: Path, reject_rows: RejectRows, tmp_path: Path) -> None:
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(data_dir / "reddit_dump.ndjson", rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [
        ("abc1", "c1"),
        ("c1", "c2"),
        ("abc2", "c5"),
    ]
    first = exchanges[0]
    assert first.seeker.text == "Rough week\n\nI lost my job and I don't know what to do."
    assert first.seeker.timestamp == "2023-11-14T22:13:20+00:00"
    assert first.seeker.meta == {"kind": "submission", "subreddit": "offmychest", "score": 5}
    assert first.response.conversation_id == "abc1"
    assert first.response.speaker == "kind_otter"
    assert exchanges[1].context == (first.seeker,)
    # removed selftext: the title alone; a deleted author is an unknown speaker
    assert exchanges[2].seeker.text == "Feeling invisible at school"
    assert exchanges[2].response.speaker is None
    assert rejects.skipped == {"removed": 2, "deleted": 1}
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("reddit_dump.ndjson", 8, "reply_to", "unknown parent")
    ]


def test_read_turns_keeps_the_orphan(data_dir: Path) -> None:
    rejects = RejectLog()
    turns = list(read_turns(data_dir / "reddit_dump.ndjson", rejects=rejects))
    assert [t.id for t in turns] == ["abc1", "abc2", "c1", "c2", "c5", "c6"]
    assert turns[-1].reply_to == "zzz9"
    assert rejects.total == 0


def _compress(data: bytes) -> bytes:
    """Compress as a stream (no content size in the header, like real dumps)."""
    out = io.BytesIO()
    cctx = zstandard.ZstdCompressor(level=3)
    with cctx.stream_writer(out, closefd=False) as writer:
        for i in range(0, len(data), 100):
            writer.write(data[i : i + 100])
    return out.getvalue()


def test_zst_round_trip(data_dir: Path, tmp_path: Path) -> None:
    plain = data_dir / "reddit_dump.ndjson"
    packed = tmp_path / "RS_2023-11.zst"
    packed.write_bytes(_compress(plain.read_bytes()))
    assert detect_format(packed) == "reddit"
    rejects_plain, rejects_packed = RejectLog(), RejectLog()
    expected = list(read_exchanges(plain, rejects=rejects_plain))
    assert list(read_exchanges(packed, rejects=rejects_packed)) == expected
    assert rejects_packed.counts == rejects_plain.counts
    assert rejects_packed.skipped == rejects_plain.skipped


def test_zst_of_jsonl_turns_is_detected_as_jsonl(data_dir: Path, tmp_path: Path) -> None:
    packed = tmp_path / "turns.jsonl.zst"
    packed.write_bytes(_compress((data_dir / "turns.jsonl").read_bytes()))
    assert detect_format(packed) == "jsonl"
    assert len(list(read_exchanges(packed))) == 2


def test_corrupt_zst_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.zst"
    path.write_bytes(b"this is not zstandard data at all")
    with pytest.raises(InputError, match="Zstandard"):
        list(read_exchanges(path, format="reddit"))


def test_malformed_reddit_records(tmp_path: Path, reject_rows: RejectRows) -> None:
    records = [
        json.dumps({"id": "s1", "author": "a", "title": "Alone tonight", "selftext": ""}),
        "{not json",
        json.dumps({"id": "x", "author": "b", "score": 1}),
        json.dumps({"id": "c1", "author": "b", "body": "You're not alone.", "link_id": "t3_s1"}),
        json.dumps({"id": "c2", "author": "b", "body": "", "parent_id": "t3_s1"}),
        json.dumps(
            {"id": "s2", "author": "a", "title": "[deleted by user]", "selftext": "[deleted]"}
        ),
        json.dumps({"id": "c3", "author": "c", "body": "Sending a hug.", "parent_id": "t3_s1"}),
    ]
    path = tmp_path / "dump.json"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, format="reddit", rejects=rejects))
    assert [(e.seeker.text, e.response.text) for e in exchanges] == [
        ("Alone tonight", "Sending a hug.")
    ]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("dump.json", 2, None, "malformed JSON"),
        ("dump.json", 3, None, "unrecognised record"),
        ("dump.json", 4, "parent_id", "invalid field value"),
        ("dump.json", 5, "body", "missing text"),
    ]
    assert rejects.skipped == {"deleted": 2}


def test_column_map_is_refused_for_reddit(data_dir: Path) -> None:
    with pytest.raises(InputError, match="column map"):
        list(read_exchanges(data_dir / "reddit_dump.ndjson", column_map={"text": "body"}))


def _reddit_line(**fields: object) -> str:
    return json.dumps(fields) + "\n"


def test_a_reply_to_a_deleted_comment_is_skipped_not_rejected(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    path = tmp_path / "RC_dump.ndjson"
    path.write_text(
        _reddit_line(id="s1", author="op", title="Lost my job", selftext="Now what?")
        + _reddit_line(id="c4", author="[deleted]", body="[deleted]", parent_id="t3_s1")
        + _reddit_line(
            id="c5", author="ann", body="You will be ok.", parent_id="t1_c4", link_id="t3_s1"
        )
        + _reddit_line(
            id="c6", author="op", body="Thank you, ann.", parent_id="t1_c5", link_id="t3_s1"
        )
        + _reddit_line(id="c7", author="bo", body="[removed]", parent_id="t3_s1")
        + _reddit_line(
            id="c8", author="cy", body="Agreed with that.", parent_id="t1_c7", link_id="t3_s1"
        )
        + _reddit_line(
            id="c9", author="di", body="Where is it?", parent_id="t1_zzz", link_id="t3_s1"
        ),
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    # c5 answers a deleted comment: no pair, but the reply to it still pairs
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("c5", "c6")]
    assert rejects.skipped == {
        "deleted": 1, "reply to deleted": 1, "removed": 1, "reply to removed": 1
    }  # fmt: skip
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("RC_dump.ndjson", 7, "reply_to", "unknown parent")  # zzz was never in the input
    ]
    (entry,) = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert entry["detail"] == "turn 'c9' in conversation 's1' replies to 'zzz', not in the input"


def test_skipped_ids_kept_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from carelens.readers import pairing

    monkeypatch.setattr(pairing, "MAX_SKIPPED_IDS", 1)
    path = tmp_path / "RC_dump.ndjson"
    path.write_text(
        _reddit_line(id="c1", author="a", body="[deleted]", parent_id="t3_s1")
        + _reddit_line(id="c2", author="b", body="[removed]", parent_id="t3_s1")
        + _reddit_line(
            id="c3", author="c", body="To the first.", parent_id="t1_c1", link_id="t3_s1"
        )
        + _reddit_line(
            id="c4", author="d", body="To the second.", parent_id="t1_c2", link_id="t3_s1"
        ),
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    assert rejects.skipped == {"deleted": 1, "removed": 1, "reply to deleted": 1}
    (entry,) = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert entry["reason"] == "unknown parent" and "whose ids were not kept" in entry["detail"]


def test_a_reply_to_a_removed_item_of_another_conversation_is_an_unknown_parent(
    tmp_path: Path,
) -> None:
    """An id names an item within its conversation, skipped ones too: analyze counted this
    reply (in another conversation than the item it names) as ``reply to removed`` while
    batch, which hands each conversation its own skipped items, rejected it, as for a live
    parent."""
    path = tmp_path / "RC_dump.ndjson"
    path.write_text(
        _reddit_line(id="c5", author="eve", body="[removed]", parent_id="t3_p1", link_id="t3_p1")
        + _reddit_line(
            id="c6", author="fay", body="Hang in there.", parent_id="t1_c5", link_id="t3_p3"
        )
        + _reddit_line(id="c7", author="gil", body="[deleted]", parent_id="t3_p2", link_id="t3_p2")
        + _reddit_line(
            id="c8", author="hal", body="Same here.", parent_id="t1_c7", link_id="t3_p2"
        ),
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    # c8 answers a deleted item of its own conversation: skipped, as before
    assert rejects.skipped == {"removed": 1, "deleted": 1, "reply to deleted": 1}
    (entry,) = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert entry["reason"] == "unknown parent"
    assert "replies to 'c5', which is in another conversation only" in entry["detail"]


def _thread_with_a_comment_without_link_id(path: Path) -> Path:
    """Submission ``a``; comment ``b`` on it; ``c`` answers ``b`` and has no ``link_id``;
    ``d`` answers ``c`` without one too; ``e`` answers ``c`` with ``a``'s ``link_id``."""
    path.write_text(
        _reddit_line(id="a", author="op", title="Lost my job", selftext="Now what?")
        + _reddit_line(id="b", author="ann", body="That is hard.", parent_id="t3_a", link_id="t3_a")
        + _reddit_line(id="c", author="bo", body="Agreed, ann.", parent_id="t1_b")
        + _reddit_line(id="d", author="op", body="Thank you both.", parent_id="t1_c")
        + _reddit_line(
            id="e", author="cy", body="Same here, bo.", parent_id="t1_c", link_id="t3_a"
        ),
        encoding="utf-8",
    )
    return path


def test_a_comment_without_link_id_answering_a_comment_is_in_its_conversation(
    tmp_path: Path,
) -> None:
    """It was in no conversation, so an ``unknown parent`` (``b`` is in ``a``'s), and the
    replies to it with a ``link_id`` were too."""
    path = _thread_with_a_comment_without_link_id(tmp_path / "RC_dump.ndjson")
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [
        ("a", "b"),
        ("b", "c"),
        ("c", "d"),
        ("c", "e"),
    ]
    assert [e.response.conversation_id for e in exchanges] == ["a"] * 4
    assert exchanges[1].context == (exchanges[0].seeker,)
    assert rejects.total == 0 and rejects.counts == {}
    turns = list(read_turns(path, rejects=RejectLog()))
    assert [(t.id, t.conversation_id) for t in turns] == [(t, "a") for t in "abcde"]


def test_a_comment_without_link_id_answering_a_deleted_comment_is_skipped(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """A deleted comment's conversation is kept too: a reply to it without a ``link_id``
    is a ``reply to deleted``, as one with a ``link_id`` is, not an ``unknown parent``."""
    path = tmp_path / "RC_dump.ndjson"
    path.write_text(
        _reddit_line(id="s1", author="op", title="Lost my job", selftext="Now what?")
        + _reddit_line(id="c1", author="x", body="[deleted]", parent_id="t3_s1", link_id="t3_s1")
        + _reddit_line(id="c2", author="[deleted]", body="[removed]", parent_id="t1_c1")
        + _reddit_line(id="c3", author="ann", body="Sorry about them.", parent_id="t1_c2")
        + _reddit_line(id="c4", author="op", body="Thanks, ann.", parent_id="t1_c3")
        + _reddit_line(id="c5", author="bo", body="What did they say?", parent_id="t1_c1"),
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id, e.response.conversation_id) for e in exchanges] == [
        ("c3", "c4", "s1")
    ]
    assert rejects.skipped == {
        "deleted": 1, "removed": 1, "reply to deleted": 1, "reply to removed": 1
    }  # fmt: skip
    assert reject_rows(tmp_path / "rejects.jsonl") == []


def test_a_comment_without_link_id_whose_parent_is_not_known_is_an_unknown_parent(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """Its parent not in the file, or only after it (the reader streams: a parent comes
    first in a dump, which is in time order): in no conversation, an ``unknown parent``
    whose detail says why."""
    path = tmp_path / "RC_dump.ndjson"
    path.write_text(
        _reddit_line(id="c1", author="ann", body="Where did it go?", parent_id="t1_zzz")
        + _reddit_line(id="c2", author="bo", body="Too early.", parent_id="t1_c3")
        + _reddit_line(id="c3", author="cy", body="I'm sorry.", parent_id="t3_s1", link_id="t3_s1"),
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("RC_dump.ndjson", 1, "reply_to", "unknown parent"),
        ("RC_dump.ndjson", 2, "reply_to", "unknown parent"),
        ("RC_dump.ndjson", 3, "reply_to", "unknown parent"),
    ]
    details = [
        json.loads(x)["detail"] for x in (tmp_path / "rejects.jsonl").read_text().splitlines()
    ]
    assert details == [
        "turn 'c1' replies to 'zzz', not in the input",
        "turn 'c2' replies to 'c3', which is in another conversation only",
        "turn 'c3' in conversation 's1' replies to 's1', not in the input (the Reddit "
        f"submission it comments on): {SUBMISSIONS_NEEDED}",
    ]


def test_the_conversations_kept_for_comments_without_link_id_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from carelens.readers import reddit

    monkeypatch.setattr(reddit, "MAX_REMEMBERED_COMMENTS", 1)
    path = tmp_path / "RC_dump.ndjson"
    path.write_text(
        _reddit_line(id="c1", author="a", body="First.", parent_id="t3_s1", link_id="t3_s1")
        + _reddit_line(id="c2", author="b", body="Second.", parent_id="t3_s1", link_id="t3_s1")
        + _reddit_line(id="c3", author="c", body="To the first.", parent_id="t1_c1")
        + _reddit_line(id="c4", author="d", body="To the second.", parent_id="t1_c2"),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="carelens.readers.reddit"):
        turns = list(read_turns(path, rejects=RejectLog()))
    assert [(t.id, t.conversation_id) for t in turns][2:] == [("c3", "s1"), ("c4", None)]
    (warning,) = [r.getMessage() for r in caplog.records if r.name == "carelens.readers.reddit"]
    assert warning == (
        f"{path}: 1 comments without a link_id answer a comment whose conversation was not "
        "kept (only the first 1 comments' are): they may be in no conversation, and then "
        "unknown parents"
    )

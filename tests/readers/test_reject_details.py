"""Rejects without a line (WXR, in-memory turns) name the turn, and its post, in ``detail``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carelens.readers import RejectLog, pair_turns, pairing, read_exchanges, read_turns
from carelens.types import Turn

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
    "\n<channel>\n"
)


def _comment(cid: int, parent: int, text: str) -> str:
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author>user{cid}</wp:comment_author>"
        f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def _item(post_id: int, title: str, body: str, comments: str) -> str:
    return (
        f"<item><title>{title}</title><dc:creator>kai</dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_type>post</wp:post_type>"
        f"{comments}</item>\n"
    )


def _entries(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_wxr_rejects_name_post_and_comment(tmp_path: Path) -> None:
    blank_post = _item(3, "", "   ", _comment(21, 0, "Hello? Is this post empty?"))
    comments = (
        _comment(22, 99, "Answering a comment that was deleted.")  # unknown parent
        + _comment(23, 0, "Rest well tonight.")
        + _comment(23, 0, "Same id again.")  # duplicate id
        + _comment(30, 31, "A loop, one way.")  # reply cycle with 31
        + _comment(31, 30, "A loop, the other way.")
        + _comment(32, 0, "Take it one day at a time.")
    )
    path = tmp_path / "export.xml"
    path.write_text(
        HEAD + blank_post + _item(4, "Tired", "Work never stops.", comments) + "</channel></rss>",
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["comment-23", "comment-31", "comment-32"]
    entries = _entries(tmp_path / "rejects.jsonl")
    assert [(e["line"], e["field"], e["reason"]) for e in entries] == [
        (None, "content:encoded", "missing text"),
        (None, "id", "duplicate id"),
        (None, "reply_to", "unknown parent"),
        (None, "reply_to", "unknown parent"),
        (None, "reply_to", "reply cycle"),
    ]
    details = [str(e.get("detail")) for e in entries]
    assert "post 3" in details[0]
    assert "'comment-23'" in details[1] and "'post-4'" in details[1]
    assert "'comment-21'" in details[2] and "'post-3'" in details[2]
    assert "'comment-22'" in details[3] and "'post-4'" in details[3]
    assert "'comment-99'" in details[3]
    assert "'comment-30'" in details[4] and "'post-4'" in details[4]
    for text in ("Hello?", "was deleted", "Same id", "one way", "Work never"):
        assert all(text not in d for d in details)  # ids only, never text


def test_read_turns_duplicate_names_the_turn(tmp_path: Path) -> None:
    comments = _comment(5, 0, "First.") + _comment(5, 0, "Second, same id.")
    path = tmp_path / "dup.xml"
    path.write_text(HEAD + _item(1, "T", "Body.", comments) + "</channel></rss>")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert [t.id for t in read_turns(path, rejects=rejects)] == ["post-1", "comment-5"]
    (entry,) = _entries(tmp_path / "rejects.jsonl")
    assert entry["reason"] == "duplicate id"
    assert "'comment-5'" in str(entry["detail"]) and "'post-1'" in str(entry["detail"])


def test_in_memory_turns_rejects_name_the_turn(tmp_path: Path) -> None:
    turns = [
        Turn(id="a", text="I lost my job."),
        Turn(id="b", text="That's rough.", reply_to="a"),
        Turn(id="b", text="Duplicate.", reply_to="a"),
        Turn(id="c", text="Orphan.", reply_to="zz"),
    ]
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert len(pair_turns(turns, rejects=rejects)) == 1
    entries = _entries(tmp_path / "rejects.jsonl")
    assert [(e["line"], e["reason"]) for e in entries] == [
        (None, "duplicate id"),
        (None, "unknown parent"),
    ]
    assert "'b'" in str(entries[0]["detail"])
    assert "'c'" in str(entries[1]["detail"]) and "'zz'" in str(entries[1]["detail"])


def test_line_based_rejects_keep_their_line(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    rows = [
        {"id": "u1", "text": "hello"},
        {"id": "u2", "text": "hi", "reply_to": "u9"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    (entry,) = _entries(tmp_path / "rejects.jsonl")
    assert (entry["line"], entry["field"], entry["reason"]) == (2, "reply_to", "unknown parent")


def test_a_reply_to_a_rejected_message_says_its_parent_was_rejected(tmp_path: Path) -> None:
    """It said the parent was "not in the input", though it was, on line 2."""
    path = tmp_path / "thread.csv"
    path.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "m9,t1,,alice,\n"  # rejected: no text
        "m10,t1,m9,bob,Hello there.\n"
        "m11,t1,m10,alice,Hi.\n"
        "m12,t2,m9,bob,Another thread.\n",  # m9 of t2: not in the input
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("m10", "m11")]
    entries = _entries(tmp_path / "rejects.jsonl")
    assert [(e["line"], e["reason"], e.get("detail")) for e in entries] == [
        (2, "missing text", None),
        (3, "unknown parent", "turn 'm10' in conversation 't1' replies to 'm9', which was "
         "rejected (line 2)"),
        (5, "unknown parent", "turn 'm12' in conversation 't2' replies to 'm9', not in the input"),
    ]  # fmt: skip


def test_rejected_parents_in_json_lines_reddit_and_wordpress(tmp_path: Path) -> None:
    turns = tmp_path / "turns.jsonl"
    rows = [
        {"id": "u1", "text": "hello", "meta": "not an object"},
        {"id": "u2", "text": "hi", "reply_to": "u1"},
    ]
    turns.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dump = tmp_path / "dump.ndjson"
    rows = [
        {"id": "s1", "title": "", "selftext": "", "subreddit": "r"},
        {"id": "c1", "parent_id": "t3_s1", "link_id": "t3_s1", "body": "Me too."},
        {"id": "c2", "parent_id": "t1_c1", "link_id": "t3_s1", "body": "Same."},
    ]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    export = tmp_path / "export.xml"
    comments = _comment(21, 0, "  ") + _comment(22, 21, "Answering an empty comment.")
    export.write_text(HEAD + _item(4, "Tired", "Work.", comments) + "</channel></rss>")
    for path, detail in [
        (turns, "turn 'u2' replies to 'u1', which was rejected (line 1)"),
        (dump, "turn 'c1' in conversation 's1' replies to 's1', which was rejected (line 1)"),
        (export, "turn 'comment-22' in conversation 'post-4' replies to 'comment-21', which was "
         "rejected"),
    ]:  # fmt: skip
        log = tmp_path / f"{path.name}.rejects.jsonl"
        with RejectLog(log) as rejects:
            list(read_exchanges(path, rejects=rejects))
        assert [e.get("detail") for e in _entries(log) if e["reason"] == "unknown parent"] == [
            detail
        ]


def test_a_reply_to_a_message_rejected_for_a_long_name_says_so(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    rows = [
        {"id": "u1", "text": "hello", "speaker": "x" * 600},
        {"id": "u2", "text": "hi", "reply_to": "u1"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    entries = _entries(tmp_path / "rejects.jsonl")
    assert [(e["line"], e["reason"]) for e in entries] == [
        (1, "id too long"),
        (2, "unknown parent"),
    ]
    assert entries[1]["detail"] == "turn 'u2' replies to 'u1', which was rejected (line 1)"


def test_rejected_ids_kept_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pairing, "MAX_REJECTED_IDS", 1)
    path = tmp_path / "turns.jsonl"
    rows = [
        {"id": "u1", "text": ""},
        {"id": "u2", "text": ""},
        {"id": "u3", "text": "hi", "reply_to": "u1"},
        {"id": "u4", "text": "hi", "reply_to": "u2"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    details = [e.get("detail") for e in _entries(tmp_path / "rejects.jsonl")]
    assert details[2:] == [
        "turn 'u3' replies to 'u1', which was rejected (line 1)",
        "turn 'u4' replies to 'u2', not in the input (or one of the 1 rejected turns whose ids "
        "were not kept)",
    ]

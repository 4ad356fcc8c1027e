"""WordPress WXR reader: posts and comment threads, privacy, skipped items, hostile XML."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, detect_format, read_exchanges, read_turns

RejectRows = Callable[[Path], list[tuple[object, ...]]]

WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
"""


def _comment(cid: int, parent: int, author: str, text: str, approved: str = "1") -> str:
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author>{author}</wp:comment_author>"
        f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def _item(post_id: int, title: str, body: str, comments: str) -> str:
    return (
        f"<item><title>{title}</title><dc:creator>lee</dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_type>post</wp:post_type>"
        f"{comments}</item>\n"
    )


def test_wxr_exchanges_and_post_author(data_dir: Path) -> None:
    rejects = RejectLog()
    exchanges = list(read_exchanges(data_dir / "wordpress_export.xml", rejects=rejects))
    pairs = [(e.seeker.id, e.response.id) for e in exchanges]
    assert pairs == [
        ("post-10", "comment-101"),
        ("comment-101", "comment-102"),
        ("post-10", "comment-103"),
        ("comment-102", "comment-107"),
    ]
    post = exchanges[0].seeker
    assert post.text == (
        "Grief comes in waves\n\nIt has been a year since my father died. Some days I am "
        "fine, and some days it hits me like the first day.\n\nHow do you all cope & keep going?"
    )
    assert post.speaker == "maya"
    assert post.meta["is_post_author"] is True
    assert post.timestamp == "2024-02-01T09:00:00+00:00"
    rosa, maya_reply = exchanges[1].seeker, exchanges[1].response
    assert (
        rosa.text == "I am so sorry about your father. The waves are real; be gentle with yourself."
    )
    assert rosa.meta["is_post_author"] is False
    assert (maya_reply.speaker, maya_reply.meta["is_post_author"]) == ("maya", True)
    assert exchanges[2].response.speaker == "nico"  # registered user: login via user id
    assert exchanges[3].context == (post, rosa)
    assert rejects.skipped == {"spam": 1, "trash": 1, "pingback": 1}
    assert rejects.total == 0


def test_author_email_and_ip_never_stored(data_dir: Path, tmp_path: Path) -> None:
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        turns = list(read_turns(data_dir / "wordpress_export.xml", rejects=rejects))
        exchanges = list(read_exchanges(data_dir / "wordpress_export.xml", rejects=rejects))
    dumped = json.dumps([t.to_dict() for t in turns] + [e.to_dict() for e in exchanges])
    dumped += (tmp_path / "rejects.jsonl").read_text(encoding="utf-8")
    for secret in ("rosa.secret", "@example", "203.0.113", "198.51.100", "192.0.2.5", "https://"):
        assert secret not in dumped
    assert all("email" not in k.lower() and k.lower() != "ip" for t in turns for k in t.meta)


def test_entity_expansion_is_refused(data_dir: Path) -> None:
    path = data_dir / "wxr_entity_bomb.xml"
    with pytest.raises(InputError, match="DOCTYPE/ENTITY") as info:
        list(read_exchanges(path, format="wxr"))
    assert info.value.path == str(path)


def test_doctype_hidden_behind_a_comment_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sneaky.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!-- <rss wordpress.org/export/ -->\n'
        '<!DOCTYPE r [<!ENTITY a "aaaa">]>\n<rss><channel/></rss>\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="DOCTYPE"):
        list(read_turns(path, format="wxr"))


def test_parse_error_keeps_what_was_read(tmp_path: Path, reject_rows: RejectRows) -> None:
    good = _item(1, "Hard day", "<p>I was let go today.</p>", _comment(5, 0, "sam", "Oh no."))
    path = tmp_path / "cut.xml"
    path.write_text(WXR_HEAD + good + "<item><title>Cut off", encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        (exchange,) = read_exchanges(path, rejects=rejects)
    assert exchange.seeker.text == "Hard day\n\nI was let go today."
    ((name, line, field, reason),) = reject_rows(tmp_path / "rejects.jsonl")
    assert (name, field, reason) == ("cut.xml", None, "malformed XML")
    assert isinstance(line, int)


def test_bad_comments_are_rejected_or_skipped(tmp_path: Path, reject_rows: RejectRows) -> None:
    comments = (
        _comment(11, 0, "amy", "   ")  # missing text
        + _comment(12, 99, "bo", "Replying to a comment that is not there.")  # unknown parent
        + _comment(13, 0, "cy", "Thinking of you.", approved="0")  # unapproved: skipped
        + _comment(14, 0, "di", "<p>You are <b>not</b> alone.</p>")
    )
    path = tmp_path / "export.wxr"
    path.write_text(WXR_HEAD + _item(3, "Lonely", "Nobody calls.", comments) + "</channel></rss>")
    assert detect_format(path) == "wxr"
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.text for e in exchanges] == ["You are not alone."]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("export.wxr", None, "wp:comment_content", "missing text"),
        ("export.wxr", None, "reply_to", "unknown parent"),
    ]
    assert rejects.skipped == {"unapproved": 1}


def test_empty_wxr_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")
    assert list(read_exchanges(path, format="wxr")) == []


def test_column_map_is_refused_for_wxr(data_dir: Path) -> None:
    with pytest.raises(InputError, match="column map"):
        read_exchanges(data_dir / "wordpress_export.xml", column_map={"text": "body"})


def test_a_reply_to_a_spam_comment_is_skipped_not_rejected(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    comments = (
        _comment(21, 0, "bot", "Cheap pills here.", approved="spam")
        + _comment(22, 21, "lee", "Please don't post ads here.")
        + _comment(23, 22, "bot2", "Sorry, lee.")
        + _comment(24, 0, "cy", "Hang in there.", approved="0")
        + _comment(25, 24, "di", "Same.")
    )
    path = tmp_path / "export.wxr"
    path.write_text(WXR_HEAD + _item(3, "Lonely", "Nobody calls.", comments) + "</channel></rss>")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    # comment 22 answers spam: no pair of its own, but the reply to it pairs
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("comment-22", "comment-23")]
    assert rejects.skipped == {
        "spam": 1, "reply to spam": 1, "unapproved": 1, "reply to unapproved": 1
    }  # fmt: skip
    assert reject_rows(tmp_path / "rejects.jsonl") == []

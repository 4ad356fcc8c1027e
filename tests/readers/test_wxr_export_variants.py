"""WordPress exports as plugins and older versions write them: bbPress forums, other post
types, unpublished posts, WXR 1.0 authors, blank lines before ``<?xml``, shortcodes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.readers import RejectLog, read_exchanges, read_turns, why_no_pairs
from carelens.readers.wxr import _SHORTCODE, html_to_text, strip_shortcodes

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
"""
TAIL = "</channel></rss>\n"


def _post(
    post_id: int,
    body: str,
    *,
    post_type: str = "post",
    status: str = "publish",
    creator: str = "rosa",
    parent: int = 0,
    extra: str = "",
) -> str:
    return (
        f"<item><title>Title {post_id}</title><dc:creator>{creator}</dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:status>{status}</wp:status>"
        f"<wp:post_parent>{parent}</wp:post_parent><wp:post_type>{post_type}</wp:post_type>"
        f"{extra}</item>\n"
    )


def _comment(cid: int, text: str, parent: int = 0) -> str:
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author>Lee</wp:comment_author>"
        f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def _reply_to(reply_id: int) -> str:
    return (
        "<wp:postmeta><wp:meta_key>_bbp_reply_to</wp:meta_key>"
        f"<wp:meta_value>{reply_id}</wp:meta_value></wp:postmeta>"
    )


def test_bbpress_topics_and_replies_are_paired(tmp_path: Path) -> None:
    path = tmp_path / "forum.xml"
    path.write_text(
        HEAD
        + _post(5, "Support forum", post_type="forum")
        + _post(100, "I panic in meetings.", post_type="topic", parent=5)
        + _post(101, "That sounds frightening.", post_type="reply", creator="ben", parent=100)
        + _post(102, "Thank you.", post_type="reply", parent=100, extra=_reply_to(101))
        + TAIL,
        encoding="utf-8",
    )
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [
        ("post-100", "post-101"),
        ("post-101", "post-102"),
    ]
    ben, rosa = exchanges[0].response, exchanges[1].response
    assert (ben.speaker, ben.meta["is_post_author"], ben.conversation_id) == (
        "ben",
        False,
        "post-100",
    )
    assert (rosa.speaker, rosa.meta["is_post_author"]) == ("rosa", True)
    assert exchanges[0].seeker.text == "Title 100\n\nI panic in meetings."
    assert rejects.skipped == {}  # a forum only holds topics
    assert rejects.total == 0


def test_other_post_types_are_counted_and_named_when_nothing_is_left(tmp_path: Path) -> None:
    path = tmp_path / "shop.xml"
    path.write_text(
        HEAD
        + _post(1, "A product.", post_type="product", extra=_comment(9, "Nice."))
        + _post(2, "Another.", post_type="product")
        + TAIL,
        encoding="utf-8",
    )
    rejects = RejectLog()
    assert list(read_exchanges(path, rejects=rejects)) == []
    assert rejects.skipped == {"product item (not a post, page or forum post)": 2}
    why = why_no_pairs(path, skipped=rejects.skipped)
    assert "2 product item (not a post, page or forum post)" in why
    assert "holds no message" not in why


def test_only_published_posts_and_their_comments_are_read(tmp_path: Path) -> None:
    path = tmp_path / "statuses.xml"
    path.write_text(
        HEAD
        + _post(1, "Public.", extra=_comment(10, "Read me."))
        + _post(2, "Only for me: I hurt myself.", status="private", extra=_comment(20, "Safe?"))
        + _post(3, "Not yet.", status="draft")
        + _post(4, "Gone.", status="trash", extra=_comment(40, "A.") + _comment(41, "B."))
        + _post(5, "Soon.", status="future", post_type="page")
        + _post(6, "Waiting.", status="pending", post_type="topic")
        + _post(7, "Answer.", post_type="reply", parent=6)
        + TAIL,
        encoding="utf-8",
    )
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("post-1", "comment-10")]
    assert rejects.skipped == {
        "private post": 1,
        "comment on a private post": 1,
        "draft post": 1,
        "trash post": 1,
        "comment on a trash post": 2,
        "future page": 1,
        "pending topic": 1,
        "reply to pending topic": 1,
    }
    assert rejects.total == 0
    assert all("hurt" not in t.text for t in read_turns(path))


def test_wxr_1_0_with_blank_lines_before_the_declaration(data_dir: Path) -> None:
    rejects = RejectLog()
    path = data_dir / "wordpress_1_0_export.xml"
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert rejects.total == 0
    got = [
        (e.response.id, e.response.speaker, e.response.meta["is_post_author"]) for e in exchanges
    ]
    assert got == [
        ("comment-11", "Marta", False),
        # no author list: the registered commenter "Ann W" is the login ann_w...
        ("comment-12", "ann_w", True),
        ("comment-13", "Marta", False),
        # ... and user id 1, so learned, is the author under any name
        ("comment-14", "ann_w", True),
        # user id 5 is someone else, though "Annw" reduces to the login too
        ("comment-15", "Annw", False),
    ]
    assert exchanges[0].response.text == "Oh Ann,\nI am so sorry.\n\nWhat was he like?"


def test_a_parse_error_after_blank_lines_keeps_the_file_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text("\n\n" + HEAD + _post(1, "Hi.") + "<item><title>Cut", encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert [t.id for t in read_turns(path, rejects=rejects)] == ["post-1"]
    assert rejects.counts == {"malformed XML": 1}
    assert '"line": 8' in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8")


def test_shortcodes_are_dropped_from_post_content_only(tmp_path: Path) -> None:
    body = (
        "<p>I am burnt out.</p>\n"
        '[caption id="attachment_9" width="300"]<img src="x.jpg" />Our kitchen[/caption]\n'
        '[gallery ids="1,2,3"]\n[contact-form id="3" /]\n<p>See [this] and [/that].</p>'
    )
    path = tmp_path / "codes.xml"
    path.write_text(
        HEAD + _post(1, body, extra=_comment(2, "Thanks for asking [smile]")) + TAIL,
        encoding="utf-8",
    )
    (exchange,) = read_exchanges(path)
    assert (
        exchange.seeker.text
        == "Title 1\n\nI am burnt out.\n\nOur kitchen\n\nSee [this] and [/that]."
    )
    assert exchange.response.text == "Thanks for asking [smile]"
    assert strip_shortcodes("[embed]https://example.org/v[/embed]") == "https://example.org/v"


@pytest.mark.parametrize(
    ("content", "stripped"),
    [
        # an unquoted value ends before a "[": the next tag is read on its own
        ("[a b=[c d=e]", "[a b="),
        ("[form id=3 [gallery ids=1]", "[form id=3 "),
        ("[a b=x[/a]", "[a b=x[/a]"),
        # quoted values may hold one, as before
        ('[form title="a [b] c"]', ""),
        ("[a b=3]", ""),
    ],
)
def test_an_unquoted_shortcode_value_holds_no_bracket(content: str, stripped: str) -> None:
    """An unquoted attribute value read on over a "[": a tag that never closes ("[a b=[a
    b=[a b=...") was read from each "[" to the end of the post, quadratic in its length
    (4 s for 32,000 characters). Each tag is now read from its "[" at most to the next."""
    assert strip_shortcodes(content) == stripped


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["[", "]", "=", " ", "a", "b", "/", "-", "caption", "x=", " id=", "1"]),
        max_size=20,
    ).map("".join)
)
def test_a_shortcode_without_quotes_holds_no_other_bracket(content: str) -> None:
    # each match starts at a "[" and reads no further one: no tag spans another's start
    for found in _SHORTCODE.finditer(content):
        assert "[" not in found.group()[1:], found.group()


def test_a_long_post_of_unclosed_tags_is_read(tmp_path: Path) -> None:
    body = "[a b=" * 6_000 + "I am burnt out."
    path = tmp_path / "tags.xml"
    path.write_text(HEAD + _post(1, body, extra=_comment(2, "So sorry.")) + TAIL, "utf-8")
    (exchange,) = read_exchanges(path)
    assert exchange.seeker.text.endswith("[a b=I am burnt out.")


def test_line_breaks_and_quotes() -> None:
    assert html_to_text("a<br />b<br>c<br/>\nd<br>\r\ne") == "a\nb\nc\nd\ne"
    assert html_to_text("<p>one</p><p>two</p>") == "one\n\ntwo"
    # a quoted passage stays in the reply, on its own lines
    assert html_to_text("<blockquote>I am burnt out.</blockquote>Me too.") == (
        "I am burnt out.\nMe too."
    )

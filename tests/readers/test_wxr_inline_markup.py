"""WXR fields that hold HTML written as XML elements (no CDATA), and comments that some
exporters nest inside the comment they answer."""

from __future__ import annotations

from pathlib import Path

from carelens.readers import RejectLog, read_exchanges, read_turns

WXR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>t</title>
"""
XHTML = 'xmlns="http://www.w3.org/1999/xhtml"'


def _comment(
    cid: int, parent: int, author: str, content: str, nested: str = "", approved: str = "1"
) -> str:
    """A comment whose ``content`` is written as it stands (elements, not CDATA), with
    ``nested`` comments inside it."""
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author>{author}</wp:comment_author>"
        f"<wp:comment_content>{content}</wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent>{nested}</wp:comment>"
    )


def _export(tmp_path: Path, body: str, comments: str, status: str = "publish") -> Path:
    path = tmp_path / "export.xml"
    path.write_text(
        WXR_HEAD + "<item><title>Help</title><dc:creator>hannah</dc:creator>"
        f"<content:encoded>{body}</content:encoded>"
        "<wp:post_id>58</wp:post_id><wp:status>" + status + "</wp:status>"
        "<wp:post_type>post</wp:post_type>" + comments + "</item></channel></rss>\n",
        encoding="utf-8",
    )
    return path


def test_post_body_written_as_xhtml_elements_is_read_whole(tmp_path: Path) -> None:
    body = (
        f"<p {XHTML}>My mother died last week.</p>"
        f"<p {XHTML}>I cannot stop crying and I want to end it all.</p>"
    )
    path = _export(tmp_path, body, _comment(1, 0, "vol-a", "I am here."))
    rejects = RejectLog()
    (exchange,) = read_exchanges(path, rejects=rejects)
    assert exchange.seeker.text == (
        "Help\n\nMy mother died last week.\n\nI cannot stop crying and I want to end it all."
    )
    assert rejects.total == 0


def test_comment_with_inline_elements_keeps_all_its_text(tmp_path: Path) -> None:
    content = "I am <b>so</b> sorry. Please call a crisis line, you deserve support."
    path = _export(tmp_path, "<![CDATA[<p>I feel lost.</p>]]>", _comment(1, 0, "vol-a", content))
    (exchange,) = read_exchanges(path)
    assert exchange.response.text == (
        "I am so sorry. Please call a crisis line, you deserve support."
    )


def test_inline_markup_follows_the_rules_for_html_in_cdata(tmp_path: Path) -> None:
    """Line breaks, paragraphs and quotes as :func:`html_to_text` gives them for CDATA;
    scripts hidden; text that XML had decoded (``&lt;3``) stays text, never a tag."""
    content = (
        "<blockquote><p>I cannot sleep.</p></blockquote>"
        "<p>Same here &lt;3 &amp; more<br/>\nline two</p>"
        "<script>alert(1)</script><ul><li>one</li><li>two</li></ul>"
    )
    cdata = _comment(2, 0, "vol-b", f"<![CDATA[{content}]]>")  # the same HTML as text
    path = _export(tmp_path, "x", _comment(1, 0, "vol-a", content) + cdata)
    first, second = (e.response.text for e in read_exchanges(path))
    assert first == "I cannot sleep.\n\nSame here <3 & more\nline two\n\none\n\ntwo"
    assert first == second


def test_deeply_nested_inline_elements_are_read_without_recursion(tmp_path: Path) -> None:
    depth = 20_000
    content = "hi " + "<x>" * depth + "deep" + "</x>" * depth + " end"
    path = _export(tmp_path, "<p>x</p>", _comment(1, 0, "vol-a", content))
    (exchange,) = read_exchanges(path)
    assert exchange.response.text == "hi deep end"


def test_title_with_elements_is_its_text(tmp_path: Path) -> None:
    path = _export(tmp_path, "<![CDATA[Body.]]>", "")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "<title>Help</title>", "<title>Help <em>me</em> please</title>"
        ),
        encoding="utf-8",
    )
    (turn,) = read_turns(path)
    assert turn.text == "Help me please\n\nBody."
    assert turn.meta["title"] == "Help me please"


def test_nested_comments_are_read_with_their_own_parents(tmp_path: Path) -> None:
    nested = _comment(
        1,
        0,
        "vol-a",
        "comment 1",
        _comment(2, 1, "hannah2", "comment 2", _comment(3, 2, "vol-a", "comment 3")),
    )
    path = _export(
        tmp_path, "<![CDATA[<p>I feel lost.</p>]]>", nested + _comment(4, 0, "c", "four")
    )
    rejects = RejectLog()
    turns = list(read_turns(path, rejects=rejects))
    assert [(t.id, t.reply_to, t.text) for t in turns[1:]] == [
        ("comment-1", "post-58", "comment 1"),
        ("comment-2", "comment-1", "comment 2"),
        ("comment-3", "comment-2", "comment 3"),
        ("comment-4", "post-58", "four"),
    ]
    assert rejects.total == 0
    pairs = [(e.seeker.id, e.response.id) for e in read_exchanges(path)]
    assert ("comment-2", "comment-3") in pairs


def test_nested_comments_are_skipped_and_counted_like_the_others(tmp_path: Path) -> None:
    spam = _comment(1, 0, "bot", "buy", _comment(2, 1, "vol-a", "reply"), approved="spam")
    rejects = RejectLog()
    turns = list(read_turns(_export(tmp_path, "<p>x</p>", spam), rejects=rejects))
    assert [t.id for t in turns] == ["post-58", "comment-2"]
    assert rejects.skipped == {"spam": 1}

    draft = _export(
        tmp_path, "<p>x</p>", _comment(1, 0, "a", "one", _comment(2, 1, "b", "two")), status="draft"
    )
    rejects = RejectLog()
    assert list(read_turns(draft, rejects=rejects)) == []
    assert rejects.skipped == {"draft post": 1, "comment on a draft post": 2}

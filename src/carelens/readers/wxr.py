"""WordPress WXR export reader: posts and their comment threads, streamed with ``iterparse``.

Each published ``item`` (``wp:status`` ``publish``, or a bbPress topic's ``closed``) whose
``wp:post_type`` is ``post`` or ``page`` gives one turn (id ``post-<id>``, text: the title, a
blank line and ``content:encoded`` stripped of HTML and of shortcode tags, speaker: the
``dc:creator`` login) and one turn per approved ``wp:comment`` (id ``comment-<id>``,
``reply_to`` the parent comment, or the post when ``wp:comment_parent`` is 0). A bbPress
``topic`` is read as a post; a ``reply`` is a turn of its topic's conversation (``wp:post_parent``)
answering the reply its ``_bbp_reply_to`` post meta names, else the topic. Items of other
types (a plugin's own, such as shop products) and unpublished posts (draft,
private, pending, future, trash) with their comments are skipped and counted by type or
status: a private post may hold what its author told no one (WordPress's own machinery,
such as attachments and menus, and bbPress's forums are passed over uncounted). Comments by the
post author — matched through ``wp:comment_user_id`` and the export's ``wp:author`` list, or
by author name; a WXR 1.0 export has no such list, see :class:`_PostAuthor` — get the
creator login as speaker, and every turn has
``meta["is_post_author"]``. Spam, trash and unapproved comments, pingbacks and trackbacks are
skipped and counted, not rejected; so is a reply to one, under ``reply to spam`` and so on,
when the turns are paired (:func:`~carelens.readers.pairing.note_skipped`). Commenter e-mail
addresses, IP addresses and URLs are never read into a turn. Items are cleared once read, so
memory stays flat. HTML becomes text with a newline per ``<br>`` and a blank line between
paragraphs; a ``<blockquote>`` (a reply quoting the post) stays in the text on lines of its
own. HTML some exporters write as XML elements rather than in CDATA
(``<content:encoded><p xmlns=...>...</p></content:encoded>``, ``I am <b>so</b> sorry``) is
read the same way, all of its text kept; a reply some exporters nest as a ``wp:comment``
inside the comment it answers is read as any other comment (by its own id and parent).

Before parsing, the XML prolog is checked with a small lexer: any ``<!DOCTYPE``/``<!ENTITY``
declaration (the vector for entity-expansion "billion laughs" attacks) is refused with an
:class:`~carelens.errors.InputError`, so ``iterparse`` never sees a DTD (blank lines before
``<?xml``, which some plugins print, are passed over, as expat would refuse them, and the
check reads from where the parse starts, in the encoding expat detects there); so is an XML
declaration naming an encoding expat cannot read (pyexpat looks unknown names up in Python's
codecs, which raise ``LookupError``/``ValueError`` rather than an XML error). A parse error later
in the file stops reading it with one ``malformed XML`` reject; what was read is kept. Rejects
here have no line number (``iterparse`` does not report one); ``detail`` names the post and
comment ids instead (``post 12``, ``comment 5 of post 12``; the rejects made when the turns
are paired give the turn ids: ``turn 'comment-5' in conversation 'post-12'``).
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.base import ReadContext, Record, optional_str
from carelens.readers.pairing import note_rejected, note_skipped
from carelens.types import Turn

logger = logging.getLogger(__name__)

_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wordpress.org/export/": "wp",  # versioned: .../export/1.2/
}
_PROLOG_LIMIT = 1 << 20
_POST_TYPES = ("post", "page")
#: bbPress forum posts: a topic opens a conversation, a reply answers within it.
_FORUM_TYPES = ("topic", "reply")
#: WordPress's own machinery (and bbPress's forum containers): no conversation is held in
#: these, so they are passed over without being counted.
_SITE_TYPES = frozenset(
    (
        "attachment",
        "revision",
        "nav_menu_item",
        "custom_css",
        "customize_changeset",
        "oembed_cache",
        "user_request",
        "wp_block",
        "wp_template",
        "wp_template_part",
        "wp_global_styles",
        "wp_navigation",
        "wp_font_family",
        "wp_font_face",
        "forum",
    )
)
#: Post statuses read: published (bbPress's ``closed`` topics are published too).
_READ_STATUSES = frozenset(("publish", "closed"))
#: WordPress's own shortcodes, whose tags are dropped from post content (a caption's text
#: stays); a plugin's shortcode is dropped when it has attributes (``[form id="3"]``). An
#: unquoted attribute value holds no "[" (nor "]"): one that could read on into the next "["
#: made a tag that never closes ("[a b=[a b=[a b=...") be read from each "[" to the end of
#: the post, quadratic in its length (4 s for 32,000 characters).
_SHORTCODES = "caption|wp_caption|gallery|audio|video|playlist|embed"
_SHORTCODE = re.compile(
    rf"\[(?:/?(?:{_SHORTCODES})\b[^\[\]]*|[a-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\[\]]+))+\s*/?)\]"
)
_CLOSING_SHORTCODE = re.compile(r"\[/([a-z][\w-]*)\]")
_SKIPPED_TYPES = ("pingback", "trackback")
_APPROVAL_SKIPS = {"spam": "spam", "trash": "trash"}


def check_prolog(path: Path) -> bool:
    """Refuse DTDs: raise InputError unless the prolog is only an XML declaration,
    processing instructions, comments and whitespace. Returns False for an empty file."""
    with path.open("rb") as fh:
        head = fh.read(_PROLOG_LIMIT)
    # Checked from where the parse starts (:func:`_xml_start`), so that the bytes after
    # leading blank lines are read in the encoding expat will detect there.
    head = head[_xml_start(head) :]
    text = _decode_head(path, head)
    pos, n = 0, len(text)

    def refuse(why: str) -> InputError:
        return InputError(f"refusing this XML file: {why}", path=str(path))

    while True:
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if pos >= n:
            if not text.strip():
                return False
            raise refuse(f"no root element in the first {_PROLOG_LIMIT} bytes")
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            pos = -1 if end < 0 else end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            pos = -1 if end < 0 else end + 3
        elif text.startswith("<!", pos):
            raise refuse(
                "it declares a DOCTYPE/ENTITY, which could expand entities without bound "
                "(a 'billion laughs' attack). WordPress exports have none; remove the "
                "declaration if you trust the file."
            )
        elif text.startswith("<", pos):
            _check_encoding(path, head)
            return True
        else:
            raise refuse("it does not start like an XML document")
        if pos < 0:
            raise refuse(f"the prolog is unterminated or longer than {_PROLOG_LIMIT} bytes")


class _RootReached(Exception):
    pass


def _check_encoding(path: Path, head: bytes) -> None:
    """Refuse a declared encoding expat cannot read; parses the prolog only (no DTD in it)."""
    parser = xml.parsers.expat.ParserCreate()

    def stop(*_: object) -> None:
        raise _RootReached

    parser.StartElementHandler = stop
    try:
        parser.Parse(head, False)
    except (_RootReached, xml.parsers.expat.ExpatError):
        return  # a real XML error is reported as a ``malformed XML`` reject by the read
    except (LookupError, ValueError) as exc:
        raise InputError(
            f"refusing this XML file: its declared encoding cannot be read ({exc}); "
            "save it as UTF-8 and retry",
            path=str(path),
        ) from exc


def _decode_head(path: Path, head: bytes) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("latin-1")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4] in (b"\x00<\x00?", b"<\x00?\x00"):
        codec = "utf-16-be" if head[:1] == b"\x00" else "utf-16"
        if head[:4] == b"<\x00?\x00":
            codec = "utf-16-le"
        return head[: len(head) // 2 * 2].decode(codec, errors="replace")
    if b"\x00" in head[:4]:
        raise InputError("refusing this XML file: unsupported encoding", path=str(path))
    return head.decode("latin-1")


class _TextExtractor(HTMLParser):
    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "tr",
            "table",
            "hr",
            "figure",
        ]
    )
    _HIDDEN = frozenset(("script", "style"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._after_br = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # ``<br />`` is one line break, as ``<br>`` is (the default calls both handlers).
        self.handle_starttag(tag, attrs)
        if tag != "br":
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._after_br = tag == "br"
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._after_br = False
        if tag == "br":
            return  # ``</br>``: nothing more
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._after_br:
            # WordPress writes a line break in a text as ``<br />`` and a newline: one break.
            data = data[2:] if data.startswith("\r\n") else data.removeprefix("\n")
            self._after_br = False
        if not self._hidden:
            self.parts.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Read ``<![`` with an unknown keyword as HTML does: a bogus comment up to ``>``.

        Python 3.11's parser raises ``AssertionError`` there (``<![CDt ...``, found by
        fuzzing); later Pythons no longer do.
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\r\n", "\n").replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _key(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}comment_id`` -> ``wp:comment_id``."""
    if not tag.startswith("{"):
        return tag
    ns, _, local = tag[1:].partition("}")
    for uri, prefix in _NAMESPACES.items():
        if ns.startswith(uri):
            return f"{prefix}:{local}"
    return local


#: Fields that hold HTML: markup written in them as XML elements (no CDATA) is read as HTML.
_HTML_FIELDS = frozenset(("content:encoded", "wp:comment_content"))
#: Children that are records of their own, not fields: never read as a field's text.
_RECORDS = frozenset(("wp:comment", "wp:commentmeta", "wp:postmeta"))
#: The elements whose markup :func:`html_to_text` acts on; others add only their text.
_MARKUP_TAGS = _TextExtractor._BLOCKS | _TextExtractor._HIDDEN


def _fields(elem: ET.Element) -> dict[str, str]:
    """The text of each child, keyed by prefixed name (contact fields are left out): its first
    text, or, where it holds elements, all of it (:func:`_field_text`)."""
    out: dict[str, str] = {}
    for child in elem:
        key = _key(child.tag)
        if key.startswith("wp:comment_author_"):
            continue  # e-mail, IP and URL are never read
        if key in out or key in _RECORDS:
            continue
        out[key] = _field_text(child, html=key in _HTML_FIELDS) if len(child) else child.text or ""
    return out


def _field_text(node: ET.Element, *, html: bool) -> str:
    """All the text of a field that holds elements, in document order: HTML written as XML
    elements rather than in CDATA (``<p xmlns=...>``, ``I am <b>so</b> sorry``).

    With ``html``, the field is written back as the HTML :func:`html_to_text` reads: the
    tags it acts on (``p``, ``br``, ``blockquote``, ``script``...) kept, the others dropped,
    and the text escaped (XML had decoded it), so paragraphs and line breaks come out as
    they do for HTML in CDATA; else the bare text. Walked with a stack, not recursion: the
    nesting may be arbitrarily deep.
    """
    escape: Callable[[str], str] = _escape if html else str
    parts = [escape(node.text or "")]
    stack: list[tuple[ET.Element, bool]] = [(child, False) for child in reversed(node)]
    while stack:
        elem, closing = stack.pop()
        tag = elem.tag.rpartition("}")[2].lower() if html else ""
        if tag not in _MARKUP_TAGS:
            tag = ""
        if closing:
            if tag and tag != "br":
                parts.append(f"</{tag}>")
            parts.append(escape(elem.tail or ""))
            continue
        if tag:
            parts.append(f"<{tag}>")
        parts.append(escape(elem.text or ""))
        stack.append((elem, True))
        stack.extend((child, False) for child in reversed(elem))
    return "".join(parts)


def _escape(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _gmt(value: str | None) -> str | None:
    try:
        moment = datetime.strptime((value or "").strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC).isoformat()


def strip_shortcodes(content: str) -> str:
    """Post content without its shortcode tags (``[caption id="1"]<img/> Our kitchen[/caption]``
    -> ``<img/> Our kitchen``); a closing tag goes only when its opening one had gone. Only
    post content runs shortcodes, so comments keep their brackets (``[smile]``)."""
    opened: set[str] = set()

    def drop(match: re.Match[str]) -> str:
        name = re.match(r"\[/?([\w-]+)", match.group())
        if name is not None:
            opened.add(name.group(1))
        return ""

    content = _SHORTCODE.sub(drop, content)
    return _CLOSING_SHORTCODE.sub(lambda m: "" if m.group(1) in opened else m.group(), content)


@dataclass
class _State:
    """What one read learns across items: bbPress topic id -> author login, and the WXR 1.0
    user ids matched to post authors (:class:`_PostAuthor`)."""

    topic_creators: dict[str, str] = field(default_factory=dict)
    login_by_user_id: dict[str, str] = field(default_factory=dict)
    user_id_by_login: dict[str, str] = field(default_factory=dict)


class _Authors:
    """The export's ``wp:author`` list: user id -> login and display name -> login."""

    def __init__(self) -> None:
        self.login_by_id: dict[str, str] = {}
        self.login_by_name: dict[str, str] = {}

    def add(self, elem: ET.Element) -> None:
        f = _fields(elem)
        login = optional_str(f.get("wp:author_login"))
        if login is None:
            return
        if author_id := optional_str(f.get("wp:author_id")):
            self.login_by_id[author_id.strip()] = login
        if name := optional_str(f.get("wp:author_display_name")):
            self.login_by_name[name.strip()] = login


def read_wxr(ctx: ReadContext) -> Iterator[Record]:
    """Read a WordPress WXR export as turns; see the module docstring."""
    if ctx.column_map:
        raise InputError(
            "a column map applies to csv, jsonl, convokit and parquet input, not wxr",
            path=str(ctx.path),
        )
    if not check_prolog(ctx.path):
        logger.warning("%s is empty", ctx.path)
        return iter(())
    return _read(ctx)


def _xml_start(head: bytes) -> int:
    """Where the XML starts in an 8-bit file: after a UTF-8 BOM and the blank lines some
    plugins print before ``<?xml`` (which expat refuses); 0 when nothing comes before it."""
    start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    end = len(head) - len(head[start:].lstrip(b" \t\r\n"))
    return 0 if end == start else end


def _leading_space(fh: BinaryIO) -> tuple[int, int]:
    """Where the XML starts (:func:`_xml_start`) and how many lines come before it."""
    head = fh.read(_PROLOG_LIMIT)
    end = _xml_start(head)
    return end, head.count(b"\n", 0, end)


def _read(ctx: ReadContext) -> Iterator[Record]:
    authors = _Authors()
    state = _State()
    channel: ET.Element | None = None
    with ctx.path.open("rb") as fh:
        offset, lines_before = _leading_space(fh)
        fh.seek(offset)
        try:
            for event, elem in ET.iterparse(fh, events=("start", "end")):
                if event == "start":
                    if elem.tag == "channel":
                        channel = elem
                    continue
                key = _key(elem.tag)
                if key == "wp:author":
                    authors.add(elem)
                elif key == "item":
                    yield from _item(ctx, elem, authors, state)
                else:
                    continue
                elem.clear()
                if channel is not None and elem in channel:
                    channel.remove(elem)
        except ET.ParseError as exc:
            line = exc.position[0] + lines_before if exc.position else None
            ctx.reject(line, None, R.MALFORMED_XML, str(exc))
            logger.warning("%s: XML error, the rest of the file is not read: %s", ctx.path, exc)


def _item(ctx: ReadContext, item: ET.Element, authors: _Authors, state: _State) -> Iterator[Record]:
    f = _fields(item)
    post_type = f.get("wp:post_type", "").strip()
    if post_type not in _POST_TYPES + _FORUM_TYPES:
        if post_type not in _SITE_TYPES:
            ctx.rejects.skip(f"{post_type or 'untyped'} item (not a post, page or forum post)")
        return
    post_id = optional_str(f.get("wp:post_id"))
    if post_id is None:
        ctx.reject(None, "wp:post_id", R.MISSING_ID, f"an item of type {post_type}")
        return
    post_id = post_id.strip()
    post_turn_id = f"post-{post_id}"
    creator = optional_str(f.get("dc:creator"))
    creator = creator.strip() if creator else None
    # A bbPress reply belongs to its topic (wp:post_parent) and answers the reply that
    # ``_bbp_reply_to`` names, else the topic; everything else opens a conversation.
    conversation_id, reply_to, topic_creator = post_turn_id, None, creator
    if post_type == "reply":
        meta = _post_meta(item)
        topic = f.get("wp:post_parent", "").strip() or meta.get("_bbp_topic_id", "")
        conversation_id = f"post-{topic}"
        answered = meta.get("_bbp_reply_to", "")
        reply_to = f"post-{answered}" if answered not in ("", "0") else conversation_id
        topic_creator = state.topic_creators.get(topic)
    status = f.get("wp:status", "").strip() or "publish"
    if status not in _READ_STATUSES:
        # Drafts, private, pending, scheduled and trashed posts were never public: left
        # out with their comments (a private post may hold what its author told no one).
        why = f"{status} {post_type}"
        ctx.rejects.skip(why)
        note_skipped(ctx, post_turn_id, why, conversation_id=conversation_id)
        comments = sum(1 for _ in _comments(item))
        if comments:
            ctx.rejects.skip(f"comment on a {why}", comments)
        return
    title = f.get("title", "").strip()
    if post_type == "reply" and title.startswith("Reply To: "):
        title = ""  # bbPress titles every reply after its topic
    content = html_to_text(strip_shortcodes(f.get("content:encoded", "")))
    text = ctx.text(
        "\n\n".join(p for p in (title, content) if p),
        None,
        "content:encoded",
        where=f"post {post_id}",
    )
    if post_type == "topic" and creator is not None:
        state.topic_creators[post_id] = creator
    if text is None:
        note_rejected(ctx, post_turn_id, None, conversation_id=conversation_id)
    else:
        is_author = post_type != "reply" or (creator is not None and creator == topic_creator)
        yield Record(
            None,
            Turn(
                id=post_turn_id,
                text=text,
                speaker=creator,
                conversation_id=conversation_id,
                reply_to=reply_to,
                timestamp=_gmt(f.get("wp:post_date_gmt")),
                meta={"kind": post_type, "title": title, "is_post_author": is_author},
            ),
        )
    author = _PostAuthor(creator, authors, state)
    for elem in _comments(item):
        turn = _comment(ctx, _fields(elem), post_id, author)
        if turn is not None:
            yield Record(None, turn)


def _comments(item: ET.Element) -> Iterator[ET.Element]:
    """The item's ``wp:comment`` elements in document order, and the replies some exporters
    nest in the comment they answer (each names its own id and parent), at any depth."""
    stack = [child for child in reversed(item) if _key(child.tag) == "wp:comment"]
    while stack:
        comment = stack.pop()
        yield comment
        stack.extend(child for child in reversed(comment) if _key(child.tag) == "wp:comment")


def _post_meta(item: ET.Element) -> dict[str, str]:
    """The item's ``wp:postmeta`` keys and values (bbPress keeps a reply's parent there)."""
    out: dict[str, str] = {}
    for child in item:
        if _key(child.tag) == "wp:postmeta":
            f = _fields(child)
            out.setdefault(f.get("wp:meta_key", "").strip(), f.get("wp:meta_value", "").strip())
    return out


def _login_key(name: str) -> str:
    """A name reduced to its letters and digits, lower case: ``Ann W`` and ``ann_w`` meet."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


class _PostAuthor:
    """Tells whether a comment was written by the post's author (``creator``, a login).

    With the export's ``wp:author`` list (WXR 1.1 and later) a registered commenter's user
    id gives its login, and a guest's name is compared with the author's display names. A
    WXR 1.0 export has no such list: there a registered commenter (user id not 0) whose
    name reduces to the creator's login (``Ann W`` -> ``ann_w``) is taken to be the author,
    unless that user id was already matched to another login, and the id so learned then
    identifies the author's other comments whatever name they bear.
    """

    def __init__(self, creator: str | None, authors: _Authors, state: _State) -> None:
        self.creator = creator
        self.authors = authors
        self.state = state
        self.creator_id_known = creator in authors.login_by_id.values()
        self.names = {creator} | {
            n for n, login in authors.login_by_name.items() if login == creator
        }

    def login(self, user_id: str, name: str | None) -> str | None:
        """The commenter's login, where the export tells it."""
        if user_id in ("", "0"):
            return None
        if login := self.authors.login_by_id.get(user_id):
            return login
        learned = self.state.login_by_user_id.get(user_id)
        if learned is not None or self.creator is None or self.creator_id_known:
            return learned
        if (
            name is not None
            and _login_key(name) == _login_key(self.creator)
            and self.state.user_id_by_login.setdefault(self.creator, user_id) == user_id
        ):
            self.state.login_by_user_id[user_id] = self.creator
            return self.creator
        return None

    def wrote(self, login: str | None, name: str | None) -> bool:
        if self.creator is None:
            return False
        return login == self.creator or (login is None and name in self.names)


def _comment(ctx: ReadContext, f: dict[str, str], post_id: str, author: _PostAuthor) -> Turn | None:
    comment_type = f.get("wp:comment_type", "").strip()
    approved = f.get("wp:comment_approved", "").strip()
    skip: str | None = None
    if comment_type in _SKIPPED_TYPES:
        skip = comment_type
    elif approved != "1":
        skip = _APPROVAL_SKIPS.get(approved, "unapproved")
    comment_id = optional_str(f.get("wp:comment_id"))
    if skip is not None:
        ctx.rejects.skip(skip)
        gone_id = f"comment-{comment_id.strip()}" if comment_id else None
        note_skipped(ctx, gone_id, skip, conversation_id=f"post-{post_id}")
        return None
    if comment_id is None:
        ctx.reject(None, "wp:comment_id", R.MISSING_ID, f"a comment of post {post_id}")
        return None
    comment_id = comment_id.strip()
    where = f"comment {comment_id} of post {post_id}"
    text = html_to_text(f.get("wp:comment_content", ""))
    if not text:
        ctx.reject(None, "wp:comment_content", R.MISSING_TEXT, where)
        note_rejected(ctx, f"comment-{comment_id}", None, conversation_id=f"post-{post_id}")
        return None
    if len(text) > ctx.max_chars:
        detail = f"{where}: {len(text)} characters > limit {ctx.max_chars}"
        ctx.reject(None, "wp:comment_content", R.TEXT_TOO_LONG, detail)
        note_rejected(ctx, f"comment-{comment_id}", None, conversation_id=f"post-{post_id}")
        return None
    parent = f.get("wp:comment_parent", "").strip()
    user_id = f.get("wp:comment_user_id", "").strip()
    name = optional_str(f.get("wp:comment_author"))
    name = name.strip() if name else None
    login = author.login(user_id, name)
    by_author = author.wrote(login, name)
    return Turn(
        id=f"comment-{comment_id}",
        text=text,
        speaker=author.creator if by_author else (login or name),
        conversation_id=f"post-{post_id}",
        reply_to=f"post-{post_id}" if parent in ("", "0") else f"comment-{parent}",
        timestamp=_gmt(f.get("wp:comment_date_gmt")),
        meta={"kind": "comment", "is_post_author": by_author},
    )

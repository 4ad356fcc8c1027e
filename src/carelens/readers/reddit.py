"""Reddit dump reader: Pushshift / Arctic Shift newline-delimited JSON, plain or ``.zst``.

A record with ``body`` is a comment, one with ``title``/``selftext`` a submission. A
submission's text is ``title + "\\n\\n" + selftext`` (the title alone for link posts or when
the selftext was deleted or removed); a comment replies to ``parent_id`` and belongs to the
conversation ``link_id`` (``t1_``/``t3_`` prefixes stripped). Without a ``link_id``, a
comment answering a ``t3_`` submission belongs to that submission's conversation, and one
answering a comment belongs to that comment's conversation when that comment came earlier in
the file (live, deleted or removed: as dumps are in time order, a parent comes first; the
conversations of the first :data:`MAX_REMEMBERED_COMMENTS` comments of a file are kept for
this, and a warning says when a reply may have missed one past those); otherwise it belongs
to none, and since a reply is paired within its conversation it is an ``unknown parent``.
Only the file itself is looked at, so ``carelens batch``, which reads each file so, puts
such a reply in the same conversation as ``analyze`` does. The speaker is ``author``
(``[deleted]`` authors become unknown), the timestamp ``created_utc`` as every format reads
one (a Unix time as ISO-8601 UTC, anything else kept as written:
:func:`~carelens.readers.base.timestamp_text`), and
``meta`` keeps ``kind``, ``subreddit`` and ``score``. Texts that are ``[deleted]`` or
``[removed]`` are not errors: they are left out and counted with ``RejectLog.skip`` under
``"deleted"``/``"removed"`` (a submission whose selftext is gone still gives its title, and
the gone selftext is still counted). A comment whose parent is not in the file is rejected
as ``unknown parent`` when the turns are paired; one whose parent was skipped (deleted or
removed, noted with :func:`~carelens.readers.pairing.note_skipped`) is counted as skipped
too, under ``reply to deleted`` / ``reply to removed``. A top-level comment whose submission
is not in the file (a comments dump read without its submissions dump) is such an unknown
parent, and its reject says to give the submissions too.

Reddit writes ``body``, ``title`` and ``selftext`` HTML-escaped (``&amp;``, ``&lt;``,
``&gt;``); they are unescaped once (:func:`html.unescape`), so ``My job &gt; my health``
is read as ``My job > my health``. The ``&#x200B;`` that Reddit's editor writes for a
blank paragraph (a zero-width space, escaped again in the dump, or once) is dropped. The
texts are otherwise kept as written, in Markdown: a reply's quote of the post it answers
(``> Everything feels heavy`` at a line start) stays part of the reply's text.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.base import (
    ReadContext,
    Record,
    iter_json_objects,
    optional_str,
    timestamp_text,
)
from carelens.readers.pairing import note_rejected, note_skipped
from carelens.types import Turn

#: Placeholder texts Reddit leaves behind, and the skip reason each is counted under.
GONE: Mapping[str, str] = {
    "[deleted]": "deleted",
    "[removed]": "removed",
    "[deleted by user]": "deleted",
}
_META_FIELDS = ("subreddit", "score")
#: Comments whose conversation is kept per file, so that a later comment without a
#: ``link_id`` that answers one is put in it (about 150 bytes each: at most about 150 MB).
MAX_REMEMBERED_COMMENTS = 1_000_000

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _Conversations:
    """The conversation of each comment read so far in a file (the first
    :data:`MAX_REMEMBERED_COMMENTS` of them), and how many comments without a ``link_id``
    answered a comment not among them once no more were kept."""

    of_comment: dict[str, str] = field(default_factory=dict)
    missed: int = 0

    def of(self, comment: Mapping[str, Any]) -> str | None:
        """A comment's conversation: its ``link_id``; without one, the submission a
        top-level comment (``parent_id`` ``t3_...``) answers, or the conversation of the
        comment it answers, when that one was read before."""
        link = strip_prefix(comment.get("link_id"))
        if link is not None:
            return link
        parent = comment.get("parent_id")
        if isinstance(parent, str) and parent.startswith("t3_"):
            return strip_prefix(parent)
        parent_id = strip_prefix(parent)
        if parent_id is None:
            return None
        found = self.of_comment.get(parent_id)
        if found is None and len(self.of_comment) >= MAX_REMEMBERED_COMMENTS:
            self.missed += 1
        return found

    def note(self, comment_id: str | None, conversation: str | None) -> None:
        """Keep the conversation of a comment read (the first one read under its id)."""
        if (
            comment_id is not None
            and conversation is not None
            and len(self.of_comment) < MAX_REMEMBERED_COMMENTS
        ):
            self.of_comment.setdefault(comment_id, conversation)


def read_reddit(ctx: ReadContext) -> Iterator[Record]:
    """Read a Reddit submissions and/or comments dump as turns; see the module docstring."""
    if ctx.column_map:
        raise InputError(
            "a column map applies to csv, jsonl, convokit and parquet input, not reddit",
            path=str(ctx.path),
        )
    conversations = _Conversations()
    for line, obj in iter_json_objects(ctx):
        if "body" in obj:
            turn = _comment(ctx, line, obj, conversations)
        elif "title" in obj or "selftext" in obj:
            turn = _submission(ctx, line, obj)
        else:
            ctx.reject(line, None, R.UNRECOGNISED_RECORD, "neither a submission nor a comment")
            continue
        if turn is not None:
            yield Record(line, turn)
    if conversations.missed:
        logger.warning(
            "%s: %d comments without a link_id answer a comment whose conversation was not "
            "kept (only the first %d comments' are): they may be in no conversation, and "
            "then unknown parents",
            ctx.path,
            conversations.missed,
            MAX_REMEMBERED_COMMENTS,
        )


def strip_prefix(value: object) -> str | None:
    """``t3_abc`` -> ``abc`` (any ``tN_`` kind prefix); None for missing values."""
    text = optional_str(value)
    if text is None:
        return None
    if len(text) > 3 and text[0] == "t" and text[1].isdigit() and text[2] == "_":
        return text[3:]
    return text


def _id(ctx: ReadContext, line: int, obj: Mapping[str, Any]) -> str | None:
    if obj.get("id") is None and obj.get("name") is not None:
        name = strip_prefix(obj["name"])
        if name is None:  # a blank name: reject, never drop the record silently
            ctx.reject(line, "name", R.MISSING_ID)
        return name
    return ctx.ident(obj.get("id"), line, "id")


def _gone_id(obj: Mapping[str, Any]) -> str | None:
    """The id of a record that is skipped (never a reject: its id is not checked)."""
    return optional_str(obj.get("id")) or strip_prefix(obj.get("name"))


def _gone(value: object) -> str | None:
    return GONE.get(value.strip()) if isinstance(value, str) else None


#: The zero-width space Reddit's editor writes as a Markdown entity to keep a blank paragraph:
#: the entity (a dump escapes it again, ``&amp;#x200B;``) or, escaped once, the character.
_BLANK_PARAGRAPH = re.compile("&#x200b;|\u200b", re.IGNORECASE)


def _unescaped(value: object) -> object:
    """A text as written before Reddit HTML-escaped it (``&gt;`` -> ``>``), without the
    entities of blank paragraphs (:data:`_BLANK_PARAGRAPH`); any other value as it is (for
    :meth:`ReadContext.text` to reject)."""
    if not isinstance(value, str):
        return value
    return _BLANK_PARAGRAPH.sub("", html.unescape(value))


def _common(obj: Mapping[str, Any], kind: str) -> dict[str, Any]:
    author = optional_str(obj.get("author"))
    meta: dict[str, Any] = {"kind": kind}
    meta.update({k: obj[k] for k in _META_FIELDS if k in obj})
    return {
        "speaker": None if author is None or _gone(author) else author,
        "timestamp": timestamp_text(obj.get("created_utc")),
        "meta": meta,
    }


def _comment(
    ctx: ReadContext, line: int, obj: Mapping[str, Any], conversations: _Conversations
) -> Turn | None:
    conversation = conversations.of(obj)
    gone = _gone(obj.get("body"))
    if gone is not None:
        ctx.rejects.skip(gone)
        gone_id = _gone_id(obj)
        note_skipped(ctx, gone_id, gone, conversation_id=conversation)
        conversations.note(gone_id, conversation)
        return None
    comment_id = _id(ctx, line, obj)
    if comment_id is None:
        return None
    text = ctx.text(_unescaped(obj.get("body")), line, "body")
    if text is None:
        note_rejected(ctx, comment_id, line, conversation_id=conversation)
        return None
    parent = strip_prefix(obj.get("parent_id"))
    if parent is None:
        ctx.reject(line, "parent_id", R.INVALID_VALUE, "a comment needs a parent_id")
        note_rejected(ctx, comment_id, line, conversation_id=conversation)
        return None
    conversations.note(comment_id, conversation)
    return Turn(
        id=comment_id,
        text=text,
        conversation_id=conversation,
        reply_to=parent,
        **_common(obj, "comment"),
    )


def _submission(ctx: ReadContext, line: int, obj: Mapping[str, Any]) -> Turn | None:
    title, selftext = obj.get("title"), obj.get("selftext")
    parts: list[str] = []
    skipped = False
    for value in (title, selftext):
        gone = _gone(value)
        if gone is not None:
            ctx.rejects.skip(gone)
            skipped = True
        elif isinstance(value, str) and (unescaped := str(_unescaped(value))).strip():
            parts.append(unescaped)
    if not parts and skipped:
        gone_id = _gone_id(obj)
        why = _gone(title) or _gone(selftext) or "deleted"
        note_skipped(ctx, gone_id, why, conversation_id=gone_id)
        return None
    submission_id = _id(ctx, line, obj)
    if submission_id is None:
        return None
    field = "selftext" if len(parts) > 1 or _gone(title) else "title"
    text = ctx.text("\n\n".join(parts) if parts else None, line, field)
    if text is None:
        note_rejected(ctx, submission_id, line, conversation_id=submission_id)
        return None
    return Turn(
        id=submission_id, text=text, conversation_id=submission_id, **_common(obj, "submission")
    )

"""Reddit dump reader: Pushshift / Arctic Shift newline-delimited JSON, plain or ``.zst``.

A record with ``body`` is a comment, one with ``title``/``selftext`` a submission. A
submission's text is ``title + "\\n\\n" + selftext`` (the title alone for link posts or when
the selftext was deleted or removed); a comment replies to ``parent_id`` and belongs to the
conversation ``link_id`` (``t1_``/``t3_`` prefixes stripped; without a ``link_id``, a
comment answering a ``t3_`` submission belongs to that submission's conversation, any other
to none: a reply is paired within its conversation). The speaker is ``author``
(``[deleted]`` authors become unknown), the timestamp ``created_utc`` as ISO-8601 UTC, and
``meta`` keeps ``kind``, ``subreddit`` and ``score``. Texts that are ``[deleted]`` or
``[removed]`` are not errors: they are left out and counted with ``RejectLog.skip`` under
``"deleted"``/``"removed"`` (a submission whose selftext is gone still gives its title, and
the gone selftext is still counted). A comment whose parent is not in the file is rejected
as ``unknown parent`` when the turns are paired; one whose parent was skipped (deleted or
removed, noted with :func:`~carelens.readers.pairing.note_skipped`) is counted as skipped
too, under ``reply to deleted`` / ``reply to removed``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.base import ReadContext, Record, iso_utc, iter_json_objects, optional_str
from carelens.readers.pairing import note_skipped
from carelens.types import Turn

#: Placeholder texts Reddit leaves behind, and the skip reason each is counted under.
GONE: Mapping[str, str] = {
    "[deleted]": "deleted",
    "[removed]": "removed",
    "[deleted by user]": "deleted",
}
_META_FIELDS = ("subreddit", "score")


def read_reddit(ctx: ReadContext) -> Iterator[Record]:
    """Read a Reddit submissions and/or comments dump as turns; see the module docstring."""
    if ctx.column_map:
        raise InputError("a column map applies to csv and jsonl input only", path=str(ctx.path))
    for line, obj in iter_json_objects(ctx):
        if "body" in obj:
            turn = _comment(ctx, line, obj)
        elif "title" in obj or "selftext" in obj:
            turn = _submission(ctx, line, obj)
        else:
            ctx.reject(line, None, R.UNRECOGNISED_RECORD, "neither a submission nor a comment")
            continue
        if turn is not None:
            yield Record(line, turn)


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


def _common(obj: Mapping[str, Any], kind: str) -> dict[str, Any]:
    author = optional_str(obj.get("author"))
    meta: dict[str, Any] = {"kind": kind}
    meta.update({k: obj[k] for k in _META_FIELDS if k in obj})
    return {
        "speaker": None if author is None or _gone(author) else author,
        "timestamp": iso_utc(obj.get("created_utc")),
        "meta": meta,
    }


def _comment(ctx: ReadContext, line: int, obj: Mapping[str, Any]) -> Turn | None:
    gone = _gone(obj.get("body"))
    if gone is not None:
        ctx.rejects.skip(gone)
        note_skipped(ctx, _gone_id(obj), gone, conversation_id=_link(obj))
        return None
    comment_id = _id(ctx, line, obj)
    if comment_id is None:
        return None
    text = ctx.text(obj.get("body"), line, "body")
    if text is None:
        return None
    parent = strip_prefix(obj.get("parent_id"))
    if parent is None:
        ctx.reject(line, "parent_id", R.INVALID_VALUE, "a comment needs a parent_id")
        return None
    return Turn(
        id=comment_id,
        text=text,
        conversation_id=_link(obj),
        reply_to=parent,
        **_common(obj, "comment"),
    )


def _link(comment: Mapping[str, Any]) -> str | None:
    """A comment's conversation: its ``link_id``; without one, the submission a top-level
    comment (``parent_id`` ``t3_...``) answers."""
    link = strip_prefix(comment.get("link_id"))
    parent = comment.get("parent_id")
    if link is None and isinstance(parent, str) and parent.startswith("t3_"):
        return strip_prefix(parent)
    return link


def _submission(ctx: ReadContext, line: int, obj: Mapping[str, Any]) -> Turn | None:
    title, selftext = obj.get("title"), obj.get("selftext")
    parts: list[str] = []
    skipped = False
    for value in (title, selftext):
        gone = _gone(value)
        if gone is not None:
            ctx.rejects.skip(gone)
            skipped = True
        elif isinstance(value, str) and value.strip():
            parts.append(value)
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
        return None
    return Turn(
        id=submission_id, text=text, conversation_id=submission_id, **_common(obj, "submission")
    )

"""The staged row: one exchange, unpaired message, skipped message, reject or a count.

Every stage-1 row has the same six columns (:data:`ROW_SCHEMA`): ``kind``; ``group`` (the
thread a message is paired in, see :func:`group_key`; ``""`` for pair rows, rejects and
skips); ``shard`` (which output part an exchange goes to, ``-1`` for rejects and skips);
``file`` and ``seq`` (the input file's index and the record's position in it: the order
results are written in); and ``payload``, the item as JSON. Shards come from a stable hash,
so a re-run puts every exchange in the same part.

Message ids are global only in Reddit dumps (``t3_``/``t1_`` ids: a submission and the
comments on it may come in different files, ``RS_*`` and ``RC_*``), so only those formats'
messages are grouped by conversation id across files. Every other format's ids name a
message within its file (a WordPress post ``post-1`` exists on every site, thread CSVs reuse
``t1``), so its messages are grouped by (file, conversation id): each file is paired as
``carelens analyze`` pairs it. A message the reader left out on purpose (a deleted Reddit
comment, a spam WordPress comment) goes to its conversation's group too, as a ``gone`` row,
so that a reply to it is counted as skipped there (``reply to deleted``), as ``analyze``
counts it; so does a message rejected after its id was read (a ``rejected_turn`` row: its
id and line, never its text), so that a reply to it is an ``unknown parent`` whose detail
says that its parent was rejected, and on which line, as in ``analyze``; and so does, for
a reply whose parent is a message of another conversation of its file, that message's id
(an ``elsewhere`` row), so that the reply's ``unknown parent`` says that its parent is in
another conversation only, as ``analyze`` words it. Reddit dumps, grouped by conversation
across files, find those ids across files too: each message's id and each reply's parent id
go, as narrow ``holds`` and ``answers`` rows, to the group of that id (:func:`id_key`), which
sends an ``elsewhere`` row to the reply's conversation when the id is a message of other
conversations only (a dump read as one file says so too). With
``--helper``, the exchanges whose response is not a named helper's are left out once paired
and only counted (a ``left_out`` row per file or group that had some). An input that
cannot be read on (a ``.zst`` stream damaged halfway, say) gives a ``failed`` row: the
reader's error, raised again by the driver as a clean error (:func:`failure`), not as a
Ray task's traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from carelens.errors import InputError
from carelens.readers.pairing import SkippedItem
from carelens.readers.rejects import RejectLog, reject_entry
from carelens.types import Exchange, Turn

EXCHANGE = "exchange"
TURN = "turn"
#: A message left out by its reader (deleted, removed, spam): paired with its group.
GONE = "gone"
#: A message rejected after its id was read (its id and line only): paired with its group,
#: so that a reply to it says that its parent was rejected, and on which line.
REJECTED_TURN = "rejected_turn"
#: The id of a message of another conversation of the file that a reply of the group
#: answers (the id only): its unknown parent is then in another conversation only.
ELSEWHERE = "elsewhere"
#: The kinds of row sent to their group to be paired.
PAIRED_KINDS = (TURN, GONE, REJECTED_TURN, ELSEWHERE)
#: For formats with global ids: an id a message of a conversation has (read, or left out by
#: its reader), and an id a reply of a conversation answers. Sent to their id's group
#: (:func:`id_key`), where a reply's parent found only in other conversations gives an
#: ``elsewhere`` row for the reply's conversation
#: (:func:`~carelens.batch.pairing.find_elsewhere`); never written.
HOLDS = "holds"
ANSWERS = "answers"
ID_KINDS = (HOLDS, ANSWERS)
REJECT = "reject"
SKIP = "skip"
#: How many exchanges were left out because their response is not a ``--helper``'s.
LEFT_OUT = "left_out"
#: An input its reader stopped on with an InputError (the error's reason and location).
FAILED = "failed"
#: ``shard`` of rows that are not exchanges.
NO_SHARD = -1

ROW_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),
        ("group", pa.string()),
        ("shard", pa.int64()),
        ("file", pa.int64()),
        ("seq", pa.int64()),
        ("payload", pa.large_string()),
    ]
)

Row = dict[str, Any]

#: Formats whose message and conversation ids are global: the same id names the same
#: message in every file, so their messages are grouped across files.
GLOBAL_ID_FORMATS = frozenset({"reddit"})
#: ``group_key``'s scope for formats with global ids (file indexes are never negative).
_GLOBAL_SCOPE = "*"
#: :func:`id_key`'s scope: the rows of one message id, across files and conversations.
_ID_SCOPE = "#"


def group_key(conversation: str | None, *, file: int, global_ids: bool) -> str:
    """The group a message is paired in: ``"*:<conversation>"`` for formats whose ids are
    global (grouped across files), else ``"<file>:<conversation>"`` (grouped within the
    file). Messages without a conversation id form one group (per file, or across the files
    with global ids). The scope never holds a colon, so keys of different scopes never
    meet."""
    scope = _GLOBAL_SCOPE if global_ids else str(file)
    return f"{scope}:{conversation or ''}"


def id_key(item_id: str) -> str:
    """The group of the :data:`ID_KINDS` rows of the message id ``item_id`` (formats with
    global ids): ``"#:<id>"``, which no :func:`group_key` is."""
    return f"{_ID_SCOPE}:{item_id}"


def has_conversation(group: str) -> bool:
    """Whether a group (:func:`group_key`) is one conversation, not the messages that have
    none (or pair rows, whose group is ``""``)."""
    return group.partition(":")[2] != ""


def stable_shard(key: str, shards: int) -> int:
    """The shard for ``key``: the same on every machine and run (unlike ``hash``)."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % shards


def _meta_value(value: object) -> object:
    """A value of a turn's ``meta`` that JSON has no type for, as JSON: bytes that are not
    UTF-8 (a binary column of a Parquet input; the reader turns every other value into a
    JSON one) as ``{"hex": "..."}``. Not as text: a text ``community`` would be the
    result's community, where ``analyze`` (given the bytes) has none. The exchange is
    otherwise unchanged: ``meta`` is carried, never analysed."""
    if isinstance(value, bytes):
        return {"hex": value.hex()}
    raise TypeError(f"a {type(value).__name__} in a message's meta has no JSON form")


def exchange_row(exchange: Exchange, *, group: str, file: int, seq: int, shards: int) -> Row:
    """A row for one exchange; a conversation's exchanges share a shard (``group``), others
    (pair rows, messages without a conversation id) go by place."""
    key = f"g:{group}" if has_conversation(group) else f"p:{file}:{seq}"
    return {
        "kind": EXCHANGE,
        "group": group,
        "shard": stable_shard(key, shards),
        "file": file,
        "seq": seq,
        "payload": json.dumps(exchange.to_dict(), ensure_ascii=False, default=_meta_value),
    }


def turn_row(turn: Turn, line: int | None, *, file: int, seq: int, global_ids: bool) -> Row:
    """A row for one message, to be paired in its group (:func:`group_key`)."""
    payload = {"line": line, "turn": turn.to_dict()}
    return {
        "kind": TURN,
        "group": group_key(turn.conversation_id, file=file, global_ids=global_ids),
        "shard": NO_SHARD,
        "file": file,
        "seq": seq,
        "payload": json.dumps(payload, ensure_ascii=False, default=_meta_value),
    }


def gone_row(item: SkippedItem, *, file: int, seq: int, global_ids: bool) -> Row:
    """A row for one message its reader left out, to go to its group (:func:`group_key`)."""
    return {
        "kind": GONE,
        "group": group_key(item.conversation_id, file=file, global_ids=global_ids),
        "shard": NO_SHARD,
        "file": file,
        "seq": seq,
        "payload": json.dumps({"id": item.id, "why": item.why}, ensure_ascii=False),
    }


def rejected_turn_row(
    item_id: str,
    conversation_id: str | None,
    line: int | None,
    *,
    file: int,
    seq: int,
    global_ids: bool,
) -> Row:
    """A row for one message rejected after its id was read, to go to its group
    (:func:`group_key`): its id, conversation and line, never its text."""
    payload = {"id": item_id, "conversation_id": conversation_id, "line": line}
    return {
        "kind": REJECTED_TURN,
        "group": group_key(conversation_id, file=file, global_ids=global_ids),
        "shard": NO_SHARD,
        "file": file,
        "seq": seq,
        "payload": json.dumps(payload, ensure_ascii=False),
    }


def elsewhere_row(
    item_id: str, conversation_id: str | None, *, file: int, seq: int, global_ids: bool = False
) -> Row:
    """A row for the id of a message that a reply of conversation ``conversation_id`` of
    the file answers but that is in another conversation only (of the file; with
    ``global_ids``, of any input of a format with global ids), to go to the reply's group
    (:func:`group_key`): its id only."""
    return {
        "kind": ELSEWHERE,
        "group": group_key(conversation_id, file=file, global_ids=global_ids),
        "shard": NO_SHARD,
        "file": file,
        "seq": seq,
        "payload": json.dumps({"id": item_id}, ensure_ascii=False),
    }


def id_row(kind: str, item_id: str, conversation_id: str | None, *, file: int, seq: int) -> Row:
    """A :data:`HOLDS` or :data:`ANSWERS` row: the conversation ``conversation_id`` has a
    message ``item_id``, or a reply to it; to go to the id's group (:func:`id_key`)."""
    return {
        "kind": kind,
        "group": id_key(item_id),
        "shard": NO_SHARD,
        "file": file,
        "seq": seq,
        "payload": json.dumps(
            {"id": item_id, "conversation_id": conversation_id}, ensure_ascii=False
        ),
    }


def reject_row(entry: Mapping[str, Any], *, file: int, seq: int) -> Row:
    return {
        "kind": REJECT,
        "group": "",
        "shard": NO_SHARD,
        "file": file,
        "seq": seq,
        "payload": json.dumps(dict(entry), ensure_ascii=False),
    }


def skip_row(reason: str, n: int, *, file: int) -> Row:
    return {
        "kind": SKIP,
        "group": "",
        "shard": NO_SHARD,
        "file": file,
        "seq": -1,
        "payload": json.dumps({"reason": reason, "n": n}, ensure_ascii=False),
    }


def left_out_row(n: int, *, file: int) -> Row:
    """A row counting ``n`` exchanges left out as not by a ``--helper``."""
    return {
        "kind": LEFT_OUT,
        "group": "",
        "shard": NO_SHARD,
        "file": file,
        "seq": -1,
        "payload": json.dumps({"n": n}),
    }


def failed_row(error: InputError, *, file: int) -> Row:
    """A row for an input its reader stopped on: the error's reason and location (the
    reader's messages never quote what a file holds)."""
    payload = {"reason": error.reason, "path": error.path, "line": error.line}
    payload["field"] = error.field
    return {
        "kind": FAILED,
        "group": "",
        "shard": NO_SHARD,
        "file": file,
        "seq": -1,
        # ASCII: a file name that is not UTF-8 (``caf\udce9.zst``) kept as \u escapes,
        # which Arrow can store and :func:`failure` reads back as the very same path.
        "payload": json.dumps(payload),
    }


def failure(payload: str) -> InputError:
    """The InputError a ``failed`` row's payload holds."""
    data = json.loads(payload)
    return InputError(data["reason"], path=data["path"], line=data["line"], field=data["field"])


def to_table(rows: Iterable[Row]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=ROW_SCHEMA)


class CollectingRejectLog(RejectLog):
    """A reject log that keeps its entries, to be handed on as reject rows."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[dict[str, object]] = []

    def add(
        self,
        path: str | os.PathLike[str],
        line: int | None,
        field: str | None,
        reason: str,
        *,
        detail: str | None = None,
    ) -> None:
        super().add(path, line, field, reason, detail=detail)
        self.entries.append(reject_entry(path, line, field, reason, detail=detail))

    def drain(self) -> list[dict[str, object]]:
        """The entries added since the last call."""
        entries, self.entries = self.entries, []
        return entries

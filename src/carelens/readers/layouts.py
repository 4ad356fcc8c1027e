"""Record layouts shared by the CSV and JSON Lines readers, and the builders for them.

A *pair layout* names the four fields of a seeker/response pair: the EPITOME layout
(``sp_id, rp_id, seeker_post, response_post``) or the generic one (``seeker_id, response_id,
seeker, response``), plus the optional fields both share, named as in a result record and
the turn layouts: the helper's name (``speaker``, ``author``; ``response_speaker``,
``response_author``), the seeker's (``seeker_speaker``, ``seeker_author``), the response's
``timestamp`` and the ``conversation_id`` (``thread_id``). A *turn layout* names the fields
of one message: thread CSV (``message_id, thread_id, parent_id, author, timestamp, text``)
or ConvoKit-style JSON (``id, speaker, conversation_id, reply_to, timestamp, text, meta``;
also ConvoKit's older ``user`` and ``root``, its ``reply-to`` spelling, and a chat export's
``author``). A parent of ``0`` or ``null`` (a forum's root post, a database export) names no
message unless one has that id (:mod:`~carelens.readers.pairing`).
One builder per kind turns a record (already renamed to canonical names by the column map)
into a ``Turn`` or an ``Exchange``, rejecting it when a required value is missing (a turn
rejected after its id was read is noted, :func:`~carelens.readers.pairing.note_rejected`, so
that a reply to it says so). Optional values are never a reason to reject: a blank one is
missing, a name or reference (``speaker``, ``conversation_id``, ``reply_to``) that is not
text is written as text (:func:`~carelens.readers.base.optional_str`: a number as its
digits, a JSON list or object as its compact JSON text, ``["a","b"]``), except a speaker
(of any layout) that is a JSON object with a text ``name``, as a chat export's ``"author":
{"id": "12", "name": "vol-anna"}``: that name is the speaker; and a ``reply_to`` that is a
JSON object or list (an embedded parent message, as a chat export's
``reply_to_message``): that one is rejected (the turn is kept, with no parent) and never
quoted, since it holds a text; a timestamp that is a Unix time in seconds or milliseconds
(from 1980 up to the end of 2099), as a number or as digits, is written in ISO-8601 UTC, a
missing one (null, blank, ``NaN``, ``NaT``, ``NULL``, ``NA``) is None, and any other one is
kept as text so written, a number as its digits (the insights decide what it means:
``20260305`` is a date, microseconds since 1970 a timestamp that could not be read). A
required id that is not a string or an integer (a list, an object, a boolean) rejects its
record.
Every field the layout does not use is kept in ``meta`` (the response's ``meta`` for pairs),
so gold labels and the ``community`` travel along.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from carelens.readers import rejects as R
from carelens.readers.base import ReadContext, optional_str, timestamp_text
from carelens.readers.pairing import note_rejected
from carelens.readers.quoting import json_type, quote
from carelens.types import COMMUNITY_KEYS, Exchange, Turn

#: Optional fields of a pair record (any pair layout); alternatives are tried in order. The
#: names are those of a result record (``speaker`` is the helper who wrote the response) and
#: of the turn layouts (``author``, ``thread_id``).
PAIR_SPEAKER: tuple[str, ...] = ("speaker", "author", "response_speaker", "response_author")
PAIR_SEEKER_SPEAKER: tuple[str, ...] = ("seeker_speaker", "seeker_author")
PAIR_TIMESTAMP: tuple[str, ...] = ("timestamp",)
PAIR_CONVERSATION_ID: tuple[str, ...] = ("conversation_id", "thread_id")


@dataclass(frozen=True, slots=True)
class PairLayout:
    """Field names of a seeker/response pair record: four required, the rest optional."""

    name: str
    seeker_id: str
    response_id: str
    seeker_text: str
    response_text: str
    speaker: tuple[str, ...] = PAIR_SPEAKER
    seeker_speaker: tuple[str, ...] = PAIR_SEEKER_SPEAKER
    timestamp: tuple[str, ...] = PAIR_TIMESTAMP
    conversation_id: tuple[str, ...] = PAIR_CONVERSATION_ID

    @property
    def columns(self) -> tuple[str, ...]:
        """The required fields."""
        return (self.seeker_id, self.response_id, self.seeker_text, self.response_text)

    @property
    def optional(self) -> tuple[str, ...]:
        """The optional fields read into the turns (every alternative)."""
        return (*self.speaker, *self.seeker_speaker, *self.timestamp, *self.conversation_id)


@dataclass(frozen=True, slots=True)
class TurnLayout:
    """Field names of one message record; alternatives are tried in order."""

    name: str
    id: str
    text: str
    speaker: tuple[str, ...]
    conversation_id: tuple[str, ...]
    reply_to: tuple[str, ...]
    timestamp: tuple[str, ...]
    meta: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        names = (self.id, self.text, *self.speaker, *self.conversation_id, *self.reply_to)
        return (*names, *self.timestamp, *((self.meta,) if self.meta else ()))


EPITOME_PAIRS = PairLayout("EPITOME pairs", "sp_id", "rp_id", "seeker_post", "response_post")
GENERIC_PAIRS = PairLayout("generic pairs", "seeker_id", "response_id", "seeker", "response")
PAIR_LAYOUTS: tuple[PairLayout, ...] = (EPITOME_PAIRS, GENERIC_PAIRS)

CSV_THREAD = TurnLayout(
    "thread",
    id="message_id",
    text="text",
    speaker=("author",),
    conversation_id=("thread_id",),
    reply_to=("parent_id",),
    timestamp=("timestamp",),
)
#: Columns a thread CSV must have (``thread_id``, ``author``, ``timestamp`` are optional).
CSV_THREAD_REQUIRED: tuple[str, ...] = ("message_id", "parent_id", "text")

JSON_TURNS = TurnLayout(
    "turns",
    id="id",
    text="text",
    speaker=("speaker", "user", "author"),
    conversation_id=("conversation_id", "root"),
    reply_to=("reply_to", "reply-to"),
    timestamp=("timestamp",),
    meta="meta",
)


def speaker_fields() -> str:
    """Where each layout reads a helper's name from, for advice on ``--helper`` patterns that
    matched no response: the fields of every layout, in the order they are tried."""

    def either(names: tuple[str, ...]) -> str:
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"

    return (
        f"the {either(PAIR_SPEAKER)} field of a pair, the {either(JSON_TURNS.speaker)} field "
        f"of a turn, the {either(CSV_THREAD.speaker)} field of a thread message, and the "
        "author of a Reddit record or of a WordPress post or comment"
    )


#: The field names a column map may give a column (``canonical=file_column``): every field
#: a layout reads, and the community (kept in ``meta``, read into the results), but not
#: ConvoKit's ``reply-to`` spelling (a map names ``reply_to``). A name outside these would
#: be read by nothing, so a map that gives one is refused.
MAPPABLE_FIELDS: tuple[str, ...] = tuple(
    name
    for name in dict.fromkeys(
        (
            *EPITOME_PAIRS.columns,
            *GENERIC_PAIRS.columns,
            *GENERIC_PAIRS.optional,
            *CSV_THREAD.columns,
            *JSON_TURNS.columns,
            *COMMUNITY_KEYS,
        )
    )
    if name != "reply-to"
)


def column_map_problem(column_map: Mapping[str, str]) -> str | None:
    """Why ``column_map`` cannot be used — it names a field that no layout reads (a typo
    such as ``speker``, which would leave the column unread without a word) — or None."""
    for name in column_map:
        if name not in MAPPABLE_FIELDS:
            close = difflib.get_close_matches(name, MAPPABLE_FIELDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            return (
                f"the column map names the unknown field {quote(name)}{hint}; it renames a "
                f"file's column to one of: {', '.join(MAPPABLE_FIELDS)}"
            )
    return None


def pair_layout_for(keys: Mapping[str, Any]) -> PairLayout | None:
    """The pair layout whose two text fields are both present in ``keys``, if any."""
    for layout in PAIR_LAYOUTS:
        if layout.seeker_text in keys and layout.response_text in keys:
            return layout
    return None


def build_exchange(
    ctx: ReadContext, line: int | None, record: Mapping[str, Any], layout: PairLayout
) -> Exchange | None:
    """One pair record as an Exchange, or None (rejected: one reject per record). The
    context is told the record's response id first (:meth:`ReadContext.pair_record`)."""
    ctx.pair_record(line, record.get(layout.response_id))
    seeker_id = ctx.ident(record.get(layout.seeker_id), line, layout.seeker_id)
    if seeker_id is None:
        return None
    response_id = ctx.ident(record.get(layout.response_id), line, layout.response_id)
    if response_id is None:
        return None
    seeker_text = ctx.text(record.get(layout.seeker_text), line, layout.seeker_text)
    if seeker_text is None:
        return None
    response_text = ctx.text(record.get(layout.response_text), line, layout.response_text)
    if response_text is None:
        return None
    used = {*layout.columns, *layout.optional}
    extras = {k: v for k, v in record.items() if k not in used}
    return pair_exchange(seeker_id, seeker_text, response_id, response_text, record, extras)


def pair_exchange(
    seeker_id: str,
    seeker_text: str,
    response_id: str,
    response_text: str,
    record: Mapping[str, Any],
    meta: dict[str, Any],
    layout: PairLayout = GENERIC_PAIRS,
) -> Exchange:
    """The Exchange of a pair whose ids and texts are read, with the optional fields of
    ``layout`` found in ``record`` (helper, seeker's name, timestamp, conversation) and
    ``meta`` as the response's (the other fields)."""
    conversation_id = optional_str(_first(record, layout.conversation_id))
    return Exchange(
        seeker=Turn(
            id=seeker_id,
            text=seeker_text,
            speaker=speaker_name(_first(record, layout.seeker_speaker)),
            conversation_id=conversation_id,
        ),
        response=Turn(
            id=response_id,
            text=response_text,
            speaker=speaker_name(_first(record, layout.speaker)),
            conversation_id=conversation_id,
            reply_to=seeker_id,
            timestamp=timestamp_text(_first(record, layout.timestamp)),
            meta=meta,
        ),
    )


def build_turn(
    ctx: ReadContext, line: int | None, record: Mapping[str, Any], layout: TurnLayout
) -> Turn | None:
    """One message record as a Turn, or None (rejected: one reject per record)."""
    turn_id = ctx.ident(record.get(layout.id), line, layout.id)
    if turn_id is None:
        return None
    conversation_id = optional_str(_first(record, layout.conversation_id))
    text = ctx.text(record.get(layout.text), line, layout.text)
    if text is None:
        note_rejected(ctx, turn_id, line, conversation_id=conversation_id)
        return None
    meta: dict[str, Any] = {}
    if layout.meta is not None:
        raw_meta = record.get(layout.meta)
        if isinstance(raw_meta, Mapping):
            meta.update(raw_meta)
        elif raw_meta is not None:
            ctx.reject(line, layout.meta, R.INVALID_VALUE, "meta must be a JSON object")
            note_rejected(ctx, turn_id, line, conversation_id=conversation_id)
            return None
    used = set(layout.columns)
    for key, value in record.items():
        if key not in used:
            meta.setdefault(key, value)
    reply_to = _first(record, layout.reply_to)
    if isinstance(reply_to, Mapping | list):
        # an embedded parent message (a chat export's reply_to_message): it names no
        # message and holds a text, so it is neither a parent nor quoted; the turn is kept
        # (a reply may answer it)
        field = next(name for name in layout.reply_to if record.get(name) is reply_to)
        ctx.reject(
            line,
            field,
            R.INVALID_VALUE,
            f"turn {quote(turn_id)}: {field} must be the id of the message it answers "
            f"(a string or integer), not {json_type(reply_to)}",
        )
        reply_to = None
    return Turn(
        id=turn_id,
        text=text,
        speaker=speaker_name(_first(record, layout.speaker)),
        conversation_id=conversation_id,
        reply_to=optional_str(reply_to),
        timestamp=timestamp_text(_first(record, layout.timestamp)),
        meta=meta,
    )


def speaker_name(value: object) -> str | None:
    """A speaker as text: the ``name`` of a JSON object that has a text one (a chat
    export's ``{"id": "12", "name": "vol-anna"}``), else :func:`optional_str` (any other
    object as its JSON text)."""
    if isinstance(value, Mapping):
        name = optional_str(value.get("name"))
        if isinstance(value.get("name"), str) and name is not None:
            return name
    return optional_str(value)


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    """The value of the first of ``names`` that is present and not blank (None if none)."""
    for name in names:
        value = record.get(name)
        if optional_str(value) is not None:
            return value
    return None

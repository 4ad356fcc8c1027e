"""JSON Lines reader: seeker/response pairs or ConvoKit-style turns, and ConvoKit corpora.

The layout is decided once per file, from the first record that fits one: a record with both
pair text fields (``seeker_post``/``response_post`` or ``seeker``/``response``) makes the
file a pair file, each record an :class:`~carelens.types.Exchange` (with the optional pair
fields ``speaker``/``author``, ``seeker_speaker``/``seeker_author``, ``timestamp`` and
``conversation_id``/``thread_id``; other fields, ``community`` among them, go to the
response's ``meta``); a record with ``id`` and ``text`` makes it a file of turns (``id,
speaker, conversation_id, reply_to, timestamp, text, meta``; ConvoKit's older ``user`` and
``root`` names are accepted too) for pairing; a record with ``message_id`` and ``text`` makes
it a thread with the thread CSV's fields (``message_id, thread_id, parent_id, author,
timestamp, text``).
Records before that one fit neither, so each is rejected at once, for what it lacks in the
layout it comes closest to (a pair record without ``response_post``: ``missing text``);
nothing is buffered, and one bad first record cannot decide the layout of the file. A
ConvoKit corpus folder is read through its ``utterances.jsonl``, always as turns. The column
map renames fields first; a record in which it gives two fields one name (``seeker=q`` in a
record that also has ``seeker``) is rejected (``invalid field value``, the field named), as
a CSV header with a column named twice after the map is refused for the whole file. A
record may leave out a field it has no value for, so a field the map reads from a key that
no record holds is no error: it is warned about once, when the file has been read
(:class:`_UnseenKeys`), with the keys of the first record.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from carelens.errors import InputError
from carelens.readers.base import ReadContext, Record, iter_json_objects, map_record
from carelens.readers.layouts import (
    CSV_THREAD,
    JSON_TURNS,
    PAIR_LAYOUTS,
    PairLayout,
    TurnLayout,
    build_exchange,
    build_turn,
    pair_layout_for,
)
from carelens.readers.quoting import MAX_LISTED_NAMES, looks_like_header, quote
from carelens.types import Exchange, Turn

logger = logging.getLogger(__name__)

UTTERANCES = "utterances.jsonl"


def read_jsonl(ctx: ReadContext) -> Iterator[Record]:
    """Read a JSON Lines file of pairs or turns (decided by the first record that fits one)."""
    return _read(ctx, turns_only=False)


def read_convokit(ctx: ReadContext) -> Iterator[Record]:
    """Read a ConvoKit corpus folder (or its ``utterances.jsonl``) as turns."""
    if not ctx.path.is_dir():
        return _read(ctx, turns_only=True)  # utterances.jsonl itself (or a pipe of it)
    path = ctx.path / UTTERANCES
    if not path.is_file():
        raise InputError(
            f"not a ConvoKit corpus: no {UTTERANCES} in this folder", path=str(ctx.path)
        )
    return _read(replace(ctx, path=path), turns_only=True)


class _UnseenKeys:
    """The keys the column map reads a field from that no record has held so far, and the
    keys of the first record (for the warning); a few names, whatever the file's size."""

    def __init__(self, column_map: Mapping[str, str]) -> None:
        self.fields = {column: name for name, column in column_map.items()}
        self.first: list[str] | None = None
        self.more = 0

    def see(self, raw: Mapping[str, Any]) -> None:
        if self.first is None:
            self.first = list(itertools.islice(raw, MAX_LISTED_NAMES))
            self.more = len(raw) - len(self.first)
        for column in [c for c in self.fields if c in raw]:
            del self.fields[column]

    def warn(self, ctx: ReadContext) -> None:
        if not self.fields or self.first is None:
            return  # every key was seen, or there was no record at all
        missing = ", ".join(
            f"{quote(column)} (for the field {quote(name)})" for column, name in self.fields.items()
        )
        if looks_like_header(self.first):  # key names, not data: they may be quoted
            keys = "its keys are " + ", ".join(quote(key) for key in self.first)
            keys += f" and {self.more:,} more" if self.more else ""
        else:
            keys = f"its {len(self.first) + self.more:,} keys do not look like names"
        logger.warning(
            "%s: no record has a key the column map reads a field from: %s; so that field "
            "was not read (check the column map). The first record: %s",
            ctx.path,
            missing,
            keys,
        )


def _read(ctx: ReadContext, *, turns_only: bool) -> Iterator[Record]:
    layout: PairLayout | TurnLayout | None = JSON_TURNS if turns_only else None
    unseen = _UnseenKeys(ctx.column_map)
    for line, raw in iter_json_objects(ctx):
        if unseen.fields:
            unseen.see(raw)
        record = map_record(ctx, line, raw)
        if record is None:
            continue  # the column map names two of its fields alike: rejected
        if layout is None:
            layout = fitting_layout(record)
            if layout is None:
                # Fits no layout, so it is a reject whatever the file turns out to be: say
                # what it lacks for the layout it comes closest to, and leave the choice open.
                _build(ctx, line, record, closest_layout(record))
                continue
            logger.debug("%s: reading %s", ctx.path, layout.name)
        item = _build(ctx, line, record, layout)
        if item is not None:
            yield Record(line, item)
    unseen.warn(ctx)


def fitting_layout(record: Mapping[str, Any]) -> PairLayout | TurnLayout | None:
    """The layout ``record`` fits: a pair layout (both its text fields), else ConvoKit-style
    turns (``id`` and ``text``), else the thread layout of a thread CSV (``message_id`` and
    ``text``), else None."""
    pair = pair_layout_for(record)
    if pair is not None:
        return pair
    if JSON_TURNS.id in record and JSON_TURNS.text in record:
        return JSON_TURNS
    if CSV_THREAD.id in record and CSV_THREAD.text in record:
        return CSV_THREAD
    return None


def closest_layout(record: Mapping[str, Any]) -> PairLayout | TurnLayout:
    """The layout most of whose key fields ``record`` has (turns when it has none)."""
    best: PairLayout | TurnLayout = JSON_TURNS
    score = sum(name in record for name in (JSON_TURNS.id, JSON_TURNS.text))
    candidates: tuple[PairLayout | TurnLayout, ...] = (*PAIR_LAYOUTS, CSV_THREAD)
    for layout in candidates:
        keys = layout.columns if isinstance(layout, PairLayout) else (layout.id, layout.text)
        hits = sum(name in record for name in keys)
        if hits > score:
            best, score = layout, hits
    return best


def _build(
    ctx: ReadContext, line: int, record: Mapping[str, Any], layout: PairLayout | TurnLayout
) -> Turn | Exchange | None:
    if isinstance(layout, PairLayout):
        return build_exchange(ctx, line, record, layout)
    return build_turn(ctx, line, record, layout)

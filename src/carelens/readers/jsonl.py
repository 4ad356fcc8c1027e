"""JSON Lines reader: seeker/response pairs or ConvoKit-style turns, and ConvoKit corpora.

The layout is decided once per file from its first valid record: a record with both pair
text fields (``seeker_post``/``response_post`` or ``seeker``/``response``) makes the file a
pair file, each record an :class:`~carelens.types.Exchange`; anything else is read as turns
(``id, speaker, conversation_id, reply_to, timestamp, text, meta``; ConvoKit's older
``user`` and ``root`` names are accepted too) for pairing. A ConvoKit corpus folder is read
through its ``utterances.jsonl``, always as turns. The column map renames fields first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace

from carelens.errors import InputError
from carelens.readers.base import ReadContext, Record, apply_column_map, iter_json_objects
from carelens.readers.layouts import (
    JSON_TURNS,
    PairLayout,
    build_exchange,
    build_turn,
    pair_layout_for,
)

logger = logging.getLogger(__name__)

UTTERANCES = "utterances.jsonl"


def read_jsonl(ctx: ReadContext) -> Iterator[Record]:
    """Read a JSON Lines file of pairs or turns (decided from the first valid record)."""
    return _read(ctx, turns_only=False)


def read_convokit(ctx: ReadContext) -> Iterator[Record]:
    """Read a ConvoKit corpus folder (or its ``utterances.jsonl``) as turns."""
    path = ctx.path / UTTERANCES if ctx.path.is_dir() else ctx.path
    if not path.is_file():
        raise InputError(
            f"not a ConvoKit corpus: no {UTTERANCES} in this folder", path=str(ctx.path)
        )
    return _read(replace(ctx, path=path), turns_only=True)


def _read(ctx: ReadContext, *, turns_only: bool) -> Iterator[Record]:
    layout: PairLayout | None = None
    decided = turns_only
    for line, raw in iter_json_objects(ctx):
        record = apply_column_map(raw, ctx.column_map)
        if not decided:
            layout = pair_layout_for(record)
            decided = True
            logger.debug("%s: reading %s", ctx.path, layout.name if layout else "turns for pairing")
        if layout is not None:
            exchange = build_exchange(ctx, line, record, layout)
            if exchange is not None:
                yield Record(line, exchange)
        else:
            turn = build_turn(ctx, line, record, JSON_TURNS)
            if turn is not None:
                yield Record(line, turn)

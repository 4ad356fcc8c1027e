"""Pairing in a batch run: the messages of one conversation, gathered by a hash shuffle.

Stage 1 groups message rows by :func:`~carelens.batch.rows.group_key`: for Reddit dumps,
whose ids are global, by conversation id across all their files, so a comment and the
submission it answers meet even when they were read from different files (``RS_*`` and
``RC_*``); for every other format by (file, conversation id), so a file is never paired with
another that reuses its ids. Each group is paired exactly as ``carelens analyze`` pairs one
file (:func:`~carelens.readers.pairing.pair_located_records`), with its rows in input order
and the messages its readers left out (``gone`` rows: a reply to one is counted as skipped,
``reply to deleted``, as ``analyze`` counts it) or rejected after reading their id
(``rejected_turn`` rows: a reply to one is an ``unknown parent`` whose detail says that its
parent was rejected, and on which line, as ``analyze`` words it; for Reddit dumps, a parent
rejected in another file is found there, and the detail names that file). A merged turn
whose text would be over ``--max-chars`` is rejected (``text too long``), as in ``analyze``.
Messages without a conversation id form one group (per file, or across Reddit dumps).
With ``--helper`` patterns, the exchanges whose response is not a named helper's are left
out after pairing (every message is still paired, so a helper's reply to a left-out
message keeps its seeker) and counted in one ``left_out`` row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pyarrow as pa

from carelens.batch.rows import (
    GONE,
    REJECTED_TURN,
    CollectingRejectLog,
    Row,
    exchange_row,
    left_out_row,
    reject_row,
    skip_row,
    to_table,
)
from carelens.readers.base import MAX_TEXT_CHARS, Record
from carelens.readers.helpers import HelperPatterns
from carelens.readers.pairing import pair_located_records
from carelens.types import Turn


def pair_group(
    rows: Sequence[Row],
    *,
    paths: Sequence[str],
    shards: int,
    helpers: Sequence[str] = (),
    max_chars: int = MAX_TEXT_CHARS,
) -> list[Row]:
    """Exchange and reject rows for the turn rows of one conversation (any order): of the
    exchanges whose response speaker matches ``helpers`` (``--helper`` patterns; all of them
    without), the others counted in a ``left_out`` row. A merged turn over ``max_chars`` is
    rejected."""
    ordered = sorted(rows, key=lambda r: (r["file"], r["seq"]))
    place: dict[str, tuple[int, int]] = {}
    located = []
    gone: dict[str, str] = {}
    rejected: dict[str, dict[tuple[str | None, str], int | None]] = {}
    for row in ordered:
        payload = json.loads(row["payload"])
        if row["kind"] == GONE:
            gone.setdefault(payload["id"], payload["why"])
            continue
        if row["kind"] == REJECTED_TURN:
            in_file = rejected.setdefault(paths[row["file"]], {})
            in_file.setdefault((payload["conversation_id"], payload["id"]), payload["line"])
            continue
        turn = Turn.from_dict(payload["turn"])
        place.setdefault(turn.id, (row["file"], row["seq"]))
        located.append((paths[row["file"]], Record(payload["line"], turn)))
    log = CollectingRejectLog()
    # A group holds one file's rows, or (ids global: Reddit) those of every file that has
    # messages of its conversation: a parent rejected in any of its files is that message.
    exchanges = pair_located_records(
        located,
        rejects=log,
        gone=gone,
        rejected=rejected,
        ids_span_files=True,
        max_chars=max_chars,
    )
    group = ordered[0]["group"] if ordered else ""
    wanted = HelperPatterns(helpers)
    out: list[Row] = []
    left_out = 0
    for exchange in exchanges:
        if not wanted.matches(exchange.response.speaker):
            left_out += 1
            continue
        file, seq = place[exchange.response.id]
        out.append(exchange_row(exchange, group=group, file=file, seq=seq, shards=shards))
    if left_out:
        out.append(left_out_row(left_out, file=ordered[0]["file"]))
    file_of = {p: i for i, p in enumerate(paths)}
    for n, entry in enumerate(log.drain()):
        out.append(reject_row(entry, file=file_of.get(str(entry["path"]), -1), seq=n))
    if log.skipped:
        first = ordered[0]["file"]  # a skip count needs a file; its sum is what is read
        out.extend(skip_row(reason, n, file=first) for reason, n in log.skipped.items())
    return out


def pair_groups(
    table: pa.Table,
    paths: Sequence[str],
    shards: int,
    helpers: Sequence[str] = (),
    max_chars: int = MAX_TEXT_CHARS,
) -> pa.Table:
    """The ``map_groups`` function of stage 1: one conversation's rows in, its pairs out."""
    return to_table(
        pair_group(
            table.to_pylist(), paths=paths, shards=shards, helpers=helpers, max_chars=max_chars
        )
    )

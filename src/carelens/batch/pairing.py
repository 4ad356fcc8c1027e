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
rejected in another file is found there, and the detail names that file), or whose id is
a message of another conversation of its file (``elsewhere`` rows: a reply to one is an
``unknown parent`` in another conversation only, and any other reply with no parent one
``not in the input``, worded as ``analyze`` words them; for Reddit dumps the message of
another conversation of any dump, found by a shuffle of id rows by id before pairing,
:func:`find_elsewhere`). A merged turn
whose text would be over ``--max-chars`` is rejected (``text too long``), as in ``analyze``.
Messages without a conversation id form one group (per file, or across Reddit dumps).
A stage-1 task pairs a whole block of the shuffle, many groups at once
(:func:`pair_block`: a few thousand rows at a time, never part of a group), each group on
its own (:class:`GroupPairer`), so its rows are the same however the groups are batched.
With ``--helper`` patterns, the exchanges whose response is not a named helper's are left
out after pairing (every message is still paired, so a helper's reply to a left-out
message keeps its seeker) and counted in one ``left_out`` row. A reject is filed under the
input it was read from, found by its real path (:class:`_FiledRejectLog`), not by the name
its entry shows (:func:`~carelens.readers.rejects.shown_path`: a name that is not UTF-8 is
shown with ``\\xNN``, and two files may show the same name).
"""

from __future__ import annotations

import itertools
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from carelens.batch.rows import (
    ANSWERS,
    ELSEWHERE,
    GONE,
    HOLDS,
    REJECTED_TURN,
    CollectingRejectLog,
    Row,
    elsewhere_row,
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

#: Message rows a stage-1 task pairs at a time (as Python objects), whole groups each time.
ROWS_PER_BATCH = 4096


class _FiledRejectLog(CollectingRejectLog):
    """A collecting reject log that notes each reject's input file: the index of the path
    it was given, the real one (an entry shows a name that is not UTF-8 as ``\\xNN``, and
    two files may show the same name); -1 for a path that is not an input."""

    def __init__(self, file_of: Mapping[str, int]) -> None:
        super().__init__()
        self.file_of = file_of
        #: The input file of each entry added, in order (not drained).
        self.files: list[int] = []

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
        self.files.append(self.file_of.get(os.fspath(path), -1))


class GroupPairer:
    """Pairs the groups of one run: the run's paths, shard count, ``--helper`` patterns and
    text limit, read once for all the groups a stage-1 task pairs."""

    def __init__(
        self,
        *,
        paths: Sequence[str],
        shards: int,
        helpers: Sequence[str] = (),
        max_chars: int = MAX_TEXT_CHARS,
    ) -> None:
        self.paths = paths
        self.shards = shards
        self.max_chars = max_chars
        self.wanted = HelperPatterns(helpers)
        self.file_of = {p: i for i, p in enumerate(paths)}

    def pair(self, rows: Sequence[Row]) -> list[Row]:
        """Exchange and reject rows for the turn rows of one conversation (any order): see
        :func:`pair_group`."""
        ordered = sorted(rows, key=lambda r: (r["file"], r["seq"]))
        paths = self.paths
        place: dict[str, tuple[int, int]] = {}
        located = []
        gone: dict[str, str] = {}
        rejected: dict[str, dict[tuple[str | None, str], int | None]] = {}
        elsewhere: set[str] = set()
        for row in ordered:
            payload = json.loads(row["payload"])
            if row["kind"] == GONE:
                gone.setdefault(payload["id"], payload["why"])
                continue
            if row["kind"] == ELSEWHERE:
                elsewhere.add(payload["id"])
                continue
            if row["kind"] == REJECTED_TURN:
                in_file = rejected.setdefault(paths[row["file"]], {})
                in_file.setdefault((payload["conversation_id"], payload["id"]), payload["line"])
                continue
            turn = Turn.from_dict(payload["turn"])
            place.setdefault(turn.id, (row["file"], row["seq"]))
            located.append((paths[row["file"]], Record(payload["line"], turn)))
        log = _FiledRejectLog(self.file_of)
        # A group holds one file's rows, or (ids global: Reddit) those of every file that has
        # messages of its conversation: a parent rejected in any of its files is that message.
        exchanges = pair_located_records(
            located,
            rejects=log,
            gone=gone,
            rejected=rejected,
            ids_span_files=True,
            max_chars=self.max_chars,
            elsewhere=elsewhere,
        )
        group = ordered[0]["group"] if ordered else ""
        out: list[Row] = []
        left_out = 0
        for exchange in exchanges:
            if not self.wanted.matches(exchange.response.speaker):
                left_out += 1
                continue
            file, seq = place[exchange.response.id]
            out.append(exchange_row(exchange, group=group, file=file, seq=seq, shards=self.shards))
        if left_out:
            out.append(left_out_row(left_out, file=ordered[0]["file"]))
        for n, (file, entry) in enumerate(zip(log.files, log.drain(), strict=True)):
            out.append(reject_row(entry, file=file, seq=n))
        if log.skipped:
            first = ordered[0]["file"]  # a skip count needs a file; its sum is what is read
            out.extend(skip_row(reason, n, file=first) for reason, n in log.skipped.items())
        return out


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
    pairer = GroupPairer(paths=paths, shards=shards, helpers=helpers, max_chars=max_chars)
    return pairer.pair(rows)


def group_bounds(groups: pa.ChunkedArray | pa.Array) -> npt.NDArray[np.int64]:
    """Where each run of equal values of ``groups`` starts, then its length: ``[0, ...,
    len(groups)]`` (``[0]`` when empty). Computed by Arrow, with no Python object per row."""
    n = len(groups)
    if n == 0:
        return np.zeros(1, dtype=np.int64)
    if isinstance(groups, pa.ChunkedArray):
        groups = groups.combine_chunks()
    changed = pc.not_equal(groups.slice(1), groups.slice(0, n - 1))
    starts = np.asarray(pc.indices_nonzero(changed).to_numpy(), dtype=np.int64) + 1
    return np.concatenate(([0], starts, [n])).astype(np.int64)


def pair_block(
    table: pa.Table,
    paths: Sequence[str],
    shards: int,
    helpers: Sequence[str] = (),
    max_chars: int = MAX_TEXT_CHARS,
    rows_per_batch: int = ROWS_PER_BATCH,
) -> Iterator[pa.Table]:
    """The ``map_batches`` function of stage 1: a block of message rows that holds every row
    of each of its groups (the hash shuffle by group never splits one) in, their pairs out.

    The block is sorted by group, then paired a batch of about ``rows_per_batch`` rows at a
    time, each batch ending where a group ends (a group larger than that is a batch of its
    own): only one batch's rows are Python objects at a time, and each batch's pairs go out
    as one table. Every group is paired on its own, as :func:`pair_group` pairs it, so the
    rows are the same whatever the batches.
    """
    pairer = GroupPairer(paths=paths, shards=shards, helpers=helpers, max_chars=max_chars)
    for rows, ends in _whole_groups(table, rows_per_batch):
        out: list[Row] = []
        for a, b in itertools.pairwise(ends):
            out.extend(pairer.pair(rows[a:b]))
        if out:
            yield to_table(out)


def _whole_groups(table: pa.Table, rows_per_batch: int) -> Iterator[tuple[list[Row], list[int]]]:
    """The rows of ``table``, sorted by group, as Python objects about ``rows_per_batch`` at
    a time, each batch ending where a group ends (a larger group is a batch of its own);
    with where each group of the batch starts, then its length (:func:`group_bounds`)."""
    if rows_per_batch < 1:
        raise ValueError("rows_per_batch must be at least 1")
    table = table.sort_by("group")
    bounds = group_bounds(table.column("group"))
    groups = len(bounds) - 1
    first = 0  # the first group of the next batch
    while first < groups:
        start = int(bounds[first])
        # The batch ends at the first group end at least rows_per_batch rows on.
        last = int(np.searchsorted(bounds, start + rows_per_batch, side="left"))
        last = min(max(last, first + 1), groups)
        ends = (bounds[first : last + 1] - start).tolist()
        yield table.slice(start, ends[-1]).to_pylist(), ends
        first = last


def find_elsewhere(rows: Iterable[Row]) -> list[Row]:
    """The ``elsewhere`` rows that the ``holds`` and ``answers`` rows of formats with global
    ids give (:data:`~carelens.batch.rows.ID_KINDS`; every row of each id they name): for
    each conversation with a reply to an id that is a message of other conversations only
    (read, or left out by its reader), one row to that conversation's group, so that the
    reply's ``unknown parent`` says that its parent is in another conversation only, as
    ``analyze`` says it of a dump read as one file. An id its conversation has, or that no
    conversation has, gives none."""
    held: dict[str, set[str]] = defaultdict(set)
    answered: dict[tuple[str, str], tuple[str | None, int]] = {}
    for row in rows:
        payload = json.loads(row["payload"])
        item_id, conversation = payload["id"], payload["conversation_id"]
        if row["kind"] == HOLDS:
            held[item_id].add(conversation or "")
        elif row["kind"] == ANSWERS:
            answered.setdefault((item_id, conversation or ""), (conversation, row["file"]))
    out: list[Row] = []
    for (item_id, key), (conversation, file) in answered.items():
        where = held.get(item_id)
        if where and key not in where:
            out.append(elsewhere_row(item_id, conversation, file=file, seq=0, global_ids=True))
    return out


def find_elsewhere_block(
    table: pa.Table, rows_per_batch: int = ROWS_PER_BATCH
) -> Iterator[pa.Table]:
    """The ``map_batches`` function of the shuffle of id rows by id (Reddit dumps): a block
    that holds every row of each of its ids in, their ``elsewhere`` rows
    (:func:`find_elsewhere`) out, one table a batch of about ``rows_per_batch`` rows (always
    one table, empty when there are none)."""
    out: list[Row] = []
    for rows, _ in _whole_groups(table, rows_per_batch):
        out.extend(find_elsewhere(rows))
        if len(out) >= rows_per_batch:
            yield to_table(out)
            out = []
    yield to_table(out)

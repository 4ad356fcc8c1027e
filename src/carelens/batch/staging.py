"""Stage 1 of a batch run: read every input in parallel, pair threads, stage by shard.

:func:`read_input` is what a Ray task runs on one input file: the ordinary reader, turned
into staged rows (:mod:`.rows`) a few thousand at a time, and, once the file is read, for
each reply whose parent is a message of another conversation of the file, that id (an
``elsewhere`` row, :class:`_OtherConversations`: the ids of the file's messages are kept
while it is read, not for Reddit dumps, whose ids are global: their messages' ids and their
replies' parent ids go out as ``holds`` and ``answers`` rows instead). :func:`stage` builds
the Ray Data pipeline: read tasks; for Reddit dumps a shuffle of those id rows by id, which
gives the ``elsewhere`` rows of replies whose parent is in other conversations of any dump
only (:func:`~carelens.batch.pairing.find_elsewhere_block`); then, when there are messages
to pair, a hash shuffle by group (with the messages readers left out, so a reply to one is
counted as skipped, and the ids of those they rejected, so a reply to one says so)
(:func:`~carelens.batch.rows.group_key`: the conversation across files for Reddit dumps,
whose ids are global, else the conversation within its file) and
:func:`~carelens.batch.pairing.pair_block`, which pairs a whole block of conversations per
task, one conversation at a time; everything is written as Parquet under a
temporary folder partitioned by shard, renamed into place only when complete. With the
plan's ``--helper`` patterns, exchanges whose response is not a named helper's are left out
once paired (pair rows as read, thread exchanges in their group) and only counted. An
input whose reader stops with an :class:`~carelens.errors.InputError` (the plan read the
start of every input, so only a file damaged further on) stops stage 1 with that error,
raised here as the reader raised it: a ``failed`` row, never a Ray task's traceback.
"""

from __future__ import annotations

import logging
import operator
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import reduce
from pathlib import Path
from typing import Any

import pyarrow as pa

from carelens.batch.pairing import find_elsewhere_block, pair_block
from carelens.batch.plan import BatchPlan, InputFile
from carelens.batch.rows import (
    ANSWERS,
    FAILED,
    GLOBAL_ID_FORMATS,
    HOLDS,
    ID_KINDS,
    PAIRED_KINDS,
    CollectingRejectLog,
    Row,
    elsewhere_row,
    exchange_row,
    failed_row,
    failure,
    gone_row,
    id_row,
    left_out_row,
    reject_row,
    rejected_turn_row,
    skip_row,
    to_table,
    turn_row,
)
from carelens.errors import InputError
from carelens.readers import read_records
from carelens.readers.helpers import HelperPatterns
from carelens.readers.pairing import rejected_items, skipped_items
from carelens.types import Exchange, Turn

logger = logging.getLogger(__name__)

#: Rows per Arrow table a read task yields.
ROWS_PER_TABLE = 4096


class _OtherConversations:
    """The ids of a file's messages, by conversation, and the ids its replies answer: for the
    replies whose parent is a message of another conversation of the file only (which their
    group, one conversation, cannot see), the ``elsewhere`` rows that tell their group so."""

    def __init__(self) -> None:
        #: id -> its conversation, or the set of them for an id found in several.
        self.where: dict[str, str | set[str | None] | None] = {}
        self.answered: dict[tuple[str | None, str], None] = {}  # (conversation, id), in order

    def add(self, turn: Turn) -> None:
        self.seen(turn.id, turn.conversation_id)
        if turn.reply_to is not None:
            self.answered.setdefault((turn.conversation_id, turn.reply_to))

    def seen(self, item_id: str, conversation: str | None) -> None:
        """A message of the file (read, or left out by its reader: deleted, spam...)."""
        if item_id not in self.where:
            self.where[item_id] = conversation
            return
        found = self.where[item_id]
        if isinstance(found, set):
            found.add(conversation)
        elif found != conversation:
            self.where[item_id] = {found, conversation}

    def rows(self, file: int) -> list[Row]:
        out: list[Row] = []
        for conversation, item_id in self.answered:
            if item_id not in self.where:
                continue  # not in the file at all
            found = self.where[item_id]
            inside = conversation in found if isinstance(found, set) else found == conversation
            if not inside:  # in other conversations only
                out.append(elsewhere_row(item_id, conversation, file=file, seq=len(out)))
        return out


def read_input(plan: BatchPlan, index: int) -> Iterator[pa.Table]:
    """The staged rows of input ``index``, as Arrow tables of up to ROWS_PER_TABLE rows;
    a ``failed`` row last when its reader stops with an InputError."""
    try:
        yield from _read_input(plan, index)
    except InputError as exc:  # raised by the driver, without Ray's traceback around it
        if exc.path is not None:  # named as the command named the input, as analyze does
            exc = InputError(
                exc.reason,
                path=plan.inputs[index].as_given(exc.path),
                line=exc.line,
                field=exc.field,
            )
        yield to_table([failed_row(exc, file=index)])


def _read_input(plan: BatchPlan, index: int) -> Iterator[pa.Table]:
    source = plan.inputs[index]
    log = CollectingRejectLog()
    records = read_records(
        source.path,
        format=source.format,
        column_map=plan.column_map,
        rejects=log,
        max_chars=plan.max_chars,
    )
    global_ids = source.format in GLOBAL_ID_FORMATS
    # Reddit dumps are paired by conversation across files: their ids go to the id's group
    # (``holds`` and ``answers`` rows), not kept by the file.
    others = None if global_ids else _OtherConversations()
    ids = 0  # holds and answers rows so far
    helpers = HelperPatterns(plan.helpers)
    pending: list[Row] = []
    rejects = left_out = 0
    for seq, record in enumerate(records):
        if isinstance(record.item, Exchange):
            if helpers.matches(record.item.response.speaker):
                pending.append(
                    exchange_row(record.item, group="", file=index, seq=seq, shards=plan.shards)
                )
            else:
                left_out += 1
        else:
            pending.append(
                turn_row(record.item, record.line, file=index, seq=seq, global_ids=global_ids)
            )
            if others is not None:
                others.add(record.item)
            else:
                turn = record.item
                pending.append(id_row(HOLDS, turn.id, turn.conversation_id, file=index, seq=ids))
                ids += 1
                if turn.reply_to is not None:
                    pending.append(
                        id_row(ANSWERS, turn.reply_to, turn.conversation_id, file=index, seq=ids)
                    )
                    ids += 1
        for entry in log.drain():
            pending.append(reject_row(_as_given(entry, source), file=index, seq=rejects))
            rejects += 1
        if len(pending) >= ROWS_PER_TABLE:
            yield to_table(pending)
            pending = []
    for entry in log.drain():
        pending.append(reject_row(_as_given(entry, source), file=index, seq=rejects))
        rejects += 1
    pending.extend(skip_row(reason, n, file=index) for reason, n in log.skipped.items())
    if left_out:
        pending.append(left_out_row(left_out, file=index))
    gone = skipped_items(log)
    pending.extend(
        gone_row(item, file=index, seq=n, global_ids=global_ids) for n, item in enumerate(gone)
    )
    if others is not None:  # a reply to a left-out item of another conversation too
        for item in gone:
            others.seen(item.id, item.conversation_id)
        pending.extend(others.rows(index))
    else:
        pending.extend(
            id_row(HOLDS, item.id, item.conversation_id, file=index, seq=ids + n)
            for n, item in enumerate(gone)
        )
    pending.extend(
        rejected_turn_row(item_id, conversation, line, file=index, seq=n, global_ids=global_ids)
        for n, (conversation, item_id, line) in enumerate(rejected_items(log))
    )
    for start in range(0, max(len(pending), 1), ROWS_PER_TABLE):
        yield to_table(pending[start : start + ROWS_PER_TABLE])


def _as_given(entry: dict[str, object], source: InputFile) -> dict[str, object]:
    """A reject ``entry`` of the input ``source`` (read by its resolved path) with its path
    as the command named the input (:meth:`~carelens.batch.plan.InputFile.as_given`), as
    ``carelens analyze`` shows it."""
    return {**entry, "path": source.as_given(str(entry["path"]))}


def read_inputs(batch: Any, plan: BatchPlan) -> Iterator[pa.Table]:
    """The ``map_batches`` function of the read step: each row names one input file."""
    for index in batch["index"]:
        yield from read_input(plan, int(index))


def stage(plan: BatchPlan, staged: Path, *, partitions: int) -> None:
    """Read, pair and write the staged rows of ``plan`` to the folder ``staged``.

    The folder appears only when complete (written under a temporary name, then renamed).
    ``partitions`` is the number of shuffle partitions for pairing.
    """
    import ray.data
    from ray.data.expressions import col

    tmp = staged.with_name(staged.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    files = ray.data.from_items(
        [{"index": i.index} for i in plan.inputs], override_num_blocks=len(plan.inputs)
    )
    with _plain_input_errors():
        rows = files.map_batches(
            read_inputs, fn_kwargs={"plan": plan}, batch_size=1, batch_format="numpy"
        ).materialize()
        failed = rows.filter(expr=col("kind") == FAILED).take_all()
    if failed:  # the first input (in the plan's order) that could not be read
        raise failure(min(failed, key=lambda r: int(r["file"]))["payload"])
    paired = reduce(operator.or_, (col("kind") == kind for kind in PAIRED_KINDS))
    turns = rows.filter(expr=paired)
    to_pair = (*PAIRED_KINDS, *ID_KINDS)  # the rest is staged as it is
    ready = rows.filter(expr=reduce(operator.and_, (col("kind") != k for k in to_pair)))
    if turns.count():
        if any(i.format in GLOBAL_ID_FORMATS for i in plan.inputs):
            # Reddit dumps: a shuffle of narrow id rows by id finds the replies whose parent
            # is a message of other conversations only, and tells their groups so.
            ids = rows.filter(expr=reduce(operator.or_, (col("kind") == k for k in ID_KINDS)))
            elsewhere = by_group(ids, partitions).map_batches(
                find_elsewhere_block, batch_size=None, batch_format="pyarrow"
            )
            turns = turns.union(elsewhere)
        # Names only (pairing opens no file): the inputs as the command named them, which
        # its rejects show, as analyze's do.
        paths = [i.name for i in plan.inputs]
        # Each task pairs a whole block of conversations (map_groups made a table and a
        # call for every conversation: about 1 ms each).
        exchanges = by_group(turns, partitions).map_batches(
            pair_block,
            fn_kwargs={
                "paths": paths,
                "shards": plan.shards,
                "helpers": plan.helpers,
                "max_chars": plan.max_chars,
            },
            batch_size=None,
            batch_format="pyarrow",
        )
        ready = ready.union(exchanges)
    with _plain_input_errors():
        ready.write_parquet(str(tmp), partition_cols=["shard"])
    tmp.mkdir(parents=True, exist_ok=True)  # an input with no rows writes nothing
    tmp.rename(staged)
    logger.debug("staged %d inputs into %s", len(plan.inputs), staged)


#: Ray Data's hash-based shuffle strategies (``ShuffleStrategy`` values).
_HASH_SHUFFLES = frozenset({"hash_shuffle", "shuffle_v2", "gpu_shuffle"})


def by_group(rows: Any, partitions: int) -> Any:
    """``rows`` (a Ray Dataset) shuffled so that every group's rows are in one block, as
    ``map_groups`` shuffles them: with Ray's hash shuffles (its default) a repartition by
    group into ``partitions`` blocks, which Ray never splits (a partition is one block);
    with a sort-based shuffle a sort by group."""
    # By value: older Ray (the extra allows 2.50) lacks some of these strategies.
    if str(rows.context.shuffle_strategy.value) in _HASH_SHUFFLES:
        return rows.repartition(partitions, keys=["group"])
    return rows.sort("group")


@contextmanager
def _plain_input_errors() -> Iterator[None]:
    """Raise an InputError that a Ray task raised as itself, without Ray's traceback around
    it; any other error as it comes."""
    try:
        yield
    except Exception as exc:
        cause = _input_error_in(exc)
        if cause is None:
            raise
        raise cause from None


def _input_error_in(exc: BaseException) -> InputError | None:
    """The carelens InputError a Ray task raised, from the error Ray raised for it (a
    ``RayTaskError(InputError)``, whose message is the task's whole traceback); None when
    there is none."""
    from ray.exceptions import RayError

    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        error = stack.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        if isinstance(error, InputError) and not isinstance(error, RayError):
            return error
        cause = getattr(error, "cause", None)  # a RayTaskError's: the task's exception
        if isinstance(cause, BaseException):
            stack.append(cause)
        stack.extend((error.__cause__, error.__context__))
    return None

"""Parquet reader: pair rows or message rows, streamed a row group batch at a time.

The layout is decided from the file's column names (after the column map): the two text
columns of a pair layout (EPITOME or generic) make every row an
:class:`~carelens.types.Exchange` (its optional columns, such as ``speaker`` and
``timestamp``, read as in CSV); ``message_id``/``parent_id``/``text`` make it a thread
table; anything else is read as ConvoKit-style turns (``id``, ``text``, ``reply_to``...).
Column names are checked as a CSV header's are: a column the layout reads that appears twice
(in the file, or after the column map, as ``seeker=q`` with a ``seeker`` column) is an
:class:`~carelens.errors.InputError` for the file; another repeated column is kept as
``note``, ``note.2``; a column the map reads a field from that the file lacks is an
InputError too. Rows are numbered from 1 and that number stands for the line in
rejects. Timestamps stored as Parquet timestamps become ISO-8601 UTC strings. Needs
``pyarrow`` (extras ``parquet`` or ``batch``).

A Parquet file's pages are compressed inside it, so a file of a few KB can unpack to
gigabytes. Under :func:`~carelens.readers.base.unpacked_limit` (the server's, for an upload)
the reader refuses such a file with :class:`~carelens.readers.base.UnpackedLimitError`:
before reading a row, when the metadata says its column data unpacks to more than the limit
(:func:`unpacked_size`); and as it reads, once the rows it has decoded come to more (a
dictionary-encoded column holds each value once, however many rows repeat it, and the
metadata may understate), counted a batch at a time. Under a limit a batch is cut, row group
by row group, to as many rows as the metadata says cannot decode to more than the limit
(:func:`rows_per_batch`), so that one batch of a few rows repeating a long text is refused
before it holds far more than the limit.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from carelens.errors import InputError, MissingExtraError
from carelens.readers.base import (
    ReadContext,
    Record,
    UnpackedLimitError,
    check_mapped_columns,
    mapped_names,
    unpacked_limit_now,
)
from carelens.readers.delimited import distinct_names
from carelens.readers.layouts import (
    CSV_THREAD,
    CSV_THREAD_REQUIRED,
    JSON_TURNS,
    PairLayout,
    TurnLayout,
    build_exchange,
    build_turn,
    pair_layout_for,
)
from carelens.readers.rejects import shown_path

logger = logging.getLogger(__name__)

#: Rows decoded at a time (a Parquet file is never read whole); fewer under an unpacked limit.
ROWS_PER_BATCH = 1024
#: Encodings that decode each stored value once (RLE and BIT_PACKED hold levels and
#: booleans): a column chunk with no other decodes to no more than its uncompressed size,
#: however its rows are cut into batches.
_PLAIN_ENCODINGS = frozenset({"PLAIN", "RLE", "BIT_PACKED"})
#: The four bytes every Parquet file starts (and ends) with.
MAGIC = b"PAR1"


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is installed in tests
        raise MissingExtraError("pyarrow", "parquet") from exc
    return pq


def read_parquet(ctx: ReadContext) -> Iterator[Record]:
    """Read a Parquet file of pairs or messages (the layout comes from its columns)."""
    pq = _pyarrow_parquet()
    handle = _open(pq, ctx.path)
    try:
        limit, _ = unpacked_limit_now()
        if limit is not None and (size := unpacked_size(handle.metadata)) > limit:
            raise UnpackedLimitError(limit, ctx.path, size=size)
        columns = list(handle.schema_arrow.names)
        check_mapped_columns(ctx, columns, line=None, what="the file")
        names = mapped_names(columns, ctx.column_map)
        pair_layout = pair_layout_for(dict.fromkeys(names))
        turn_layout = _turn_layout(names)
        names = _distinct_columns(ctx, names, pair_layout, turn_layout)
    except BaseException:
        handle.close(force=True)
        raise
    logger.debug("%s: reading %s", ctx.path, pair_layout.name if pair_layout else turn_layout.name)
    return _rows(ctx, handle, names, pair_layout, turn_layout)


def _open(pq: Any, path: Path) -> Any:
    """``path`` as a ``ParquetFile``. Arrow takes a path as UTF-8 text, so a name that is not
    UTF-8 (a byte such as ``\\xe9``, read by Python as a lone surrogate) is opened by Python
    and handed over as a file; ``close(force=True)`` closes it with the reader."""
    name, shown = os.fspath(path), shown_path(path)
    source: Any = name
    if shown != name:  # not UTF-8, as the batch engine tells such a name
        try:
            source = open(path, "rb")  # noqa: SIM115 - closed with the reader
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror})", path=shown) from exc
    try:
        return pq.ParquetFile(source)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
        if not isinstance(source, str):
            source.close()
        raise InputError(f"not a readable Parquet file ({exc})", path=shown) from exc


def unpacked_size(metadata: Any) -> int:
    """The bytes a Parquet file's column data unpacks to, by its metadata (``FileMetaData``;
    nothing is read): per row group, the larger of its ``total_byte_size`` and the sum of
    its column chunks' ``total_uncompressed_size``."""
    total = 0
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        chunks = sum(group.column(j).total_uncompressed_size for j in range(group.num_columns))
        total += max(group.total_byte_size, chunks, 0)
    return total


def rows_per_batch(group: Any, limit: int) -> int:
    """How many rows of a row group (``RowGroupMetaData``) to decode at a time under an
    unpacked ``limit``, so that a batch cannot decode to more than the limit by the metadata.

    A dictionary-encoded column chunk stores a value once and decodes it again for every row
    that repeats it (``DELTA_BYTE_ARRAY``, sharing prefixes, may too), so one row may take
    up that chunk's whole uncompressed size: the rows are the limit over the sum of those
    chunks' sizes (1 at least, :data:`ROWS_PER_BATCH` at most). A plain chunk decodes each
    value it stores once, within the size :func:`unpacked_size` checked before the read."""
    widest = 0  # the most one row may decode to in the chunks that repeat stored values
    for j in range(group.num_columns):
        chunk = group.column(j)
        if chunk.has_dictionary_page or not _PLAIN_ENCODINGS.issuperset(chunk.encodings):
            widest += max(chunk.total_uncompressed_size, 0)
    return max(1, min(ROWS_PER_BATCH, limit // widest)) if widest else ROWS_PER_BATCH


def _batches(handle: Any, limit: int | None) -> Iterator[Any]:
    """The file's rows, :data:`ROWS_PER_BATCH` at a time; under an unpacked ``limit``, row
    group by row group, :func:`rows_per_batch` at a time."""
    if limit is None:
        yield from handle.iter_batches(batch_size=ROWS_PER_BATCH)
        return
    metadata = handle.metadata
    for i in range(metadata.num_row_groups):
        rows = rows_per_batch(metadata.row_group(i), limit)
        yield from handle.iter_batches(batch_size=rows, row_groups=[i])


def _turn_layout(columns: Collection[str]) -> TurnLayout:
    return CSV_THREAD if all(c in columns for c in CSV_THREAD_REQUIRED) else JSON_TURNS


def _distinct_columns(
    ctx: ReadContext, names: list[str], pair_layout: PairLayout | None, turn_layout: TurnLayout
) -> list[str]:
    """The column names (after the column map) with none read twice, by the CSV reader's
    rule (:func:`~carelens.readers.delimited.distinct_names`): a column the layout reads
    that appears twice is an InputError; another is kept under a numbered name (``note.2``).
    ConvoKit-style turns are no CSV layout: a repeated column of theirs is refused too."""
    try:
        if pair_layout is None and turn_layout is JSON_TURNS:
            read = [n for n in names if n in JSON_TURNS.columns]
            distinct_names(replace(ctx, unique_columns=True), read, None)
        return distinct_names(ctx, names, pair_layout)
    except InputError as exc:  # the CSV check's error, less its line 1 (a row number here)
        raise InputError(exc.reason, path=exc.path, field=exc.field) from None


def _rows(
    ctx: ReadContext,
    handle: Any,
    names: list[str],
    pair_layout: PairLayout | None,
    turn_layout: TurnLayout,
) -> Iterator[Record]:
    number = 0
    decoded = 0  # bytes of the batches decoded so far, counted against the unpacked limit
    limit, check = unpacked_limit_now()
    try:
        for batch in _batches(handle, limit):
            decoded += batch.nbytes
            if limit is not None and decoded > limit:
                raise UnpackedLimitError(limit, ctx.path)
            if check is not None:
                check()
            # By position, not batch.to_pylist(): a dict per row would keep one of two
            # columns with one name.
            columns = [column.to_pylist() for column in batch.columns]
            for values in zip(*columns, strict=True):
                number += 1
                row = {k: _plain(v) for k, v in zip(names, values, strict=True)}
                if pair_layout is not None:
                    exchange = build_exchange(ctx, number, row, pair_layout)
                    if exchange is not None:
                        yield Record(number, exchange)
                else:
                    turn = build_turn(ctx, number, row, turn_layout)
                    if turn is not None:
                        yield Record(number, turn)
    finally:
        handle.close(force=True)  # the file too where Python opened it (:func:`_open`)


def _plain(value: Any) -> Any:
    """A Parquet value as the JSON value a JSON Lines record would hold, so that a Parquet
    file is read as the same records in another format: a time stamp as ISO-8601 UTC, a date
    or time of day as ISO-8601, a decimal as its digits, bytes as UTF-8 text (left as bytes
    when they are not UTF-8: a text field then rejects them as such), lists and structs
    value by value. Extra columns end up in a turn's ``meta``, which ``carelens batch``
    writes as JSON: a ``date`` column stopped it."""
    if isinstance(value, datetime):
        stamp = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return stamp.astimezone(UTC).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value

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
the reader checks the file before it reads a row (:func:`check_unpacked`), and refuses with
:class:`~carelens.readers.base.UnpackedLimitError` one whose column data unpacks to more
than the limit: by its metadata (:func:`unpacked_size`), which nothing holds the writer to,
or by the page headers in front of its pages, which the decoder does hold to
(:func:`~carelens.readers.parquet_pages.chunk_pages`: what each page unpacks to, read
without unpacking one), or whose rows alone decode to more (a fixed-size column of long
values, even null ones, takes its width in every row). It refuses with an
:class:`~carelens.errors.InputError` naming the column one that holds lists or maps: a
list repeats values within one row, so a single row of a few bytes can decode to any size
before any count could stop it, and no layout reads a list. As it reads, it refuses the
file once the rows it has decoded come to more than the limit (a dictionary-encoded column
holds each value once, however many rows repeat it), counted a batch at a time; a batch is
cut, row group by row group, to as many rows as cannot decode to more than the limit by the
larger of the metadata's and the pages' sizes (:func:`rows_per_batch`), and to
:data:`CELLS_PER_BATCH` cells, so that one batch of a few rows repeating a long text is
refused before it holds far more than the limit.
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
from carelens.readers.parquet_pages import (
    ChunkPages,
    PageHeaderError,
    TooManyPagesError,
    chunk_pages,
)
from carelens.readers.rejects import shown_path

logger = logging.getLogger(__name__)

#: Rows decoded at a time (a Parquet file is never read whole); fewer under an unpacked limit.
ROWS_PER_BATCH = 1024
#: Under an unpacked limit, the most cells (rows times columns) decoded at a time: a file
#: of thousands of columns is read a few rows at a time.
CELLS_PER_BATCH = 64 << 10
#: Under an unpacked limit, the most page headers read of a file (:func:`check_unpacked`):
#: each costs a read, and a file written with the default page size holds a few per column
#: and row group.
MAX_PAGES = 100_000
#: Encodings that decode each stored value once (RLE and BIT_PACKED hold levels and
#: booleans): a column chunk with no other decodes to no more than its uncompressed size,
#: however its rows are cut into batches.
_PLAIN_ENCODINGS = frozenset({"PLAIN", "RLE", "BIT_PACKED"})
#: Bytes Arrow reads past a column chunk's end for the writers that left its dictionary
#: page's header out of its size (PARQUET-816; ``kMaxDictHeaderSize``).
_DICTIONARY_HEADER_PADDING = 100
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
        batch_rows = None if limit is None else check_unpacked(handle, ctx.path, limit)
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
    return _rows(ctx, handle, names, pair_layout, turn_layout, batch_rows)


def check_parquet(path: Path, limit: int) -> None:
    """Check the Parquet file at ``path`` as :func:`read_parquet` does before it reads a row
    under the unpacked ``limit`` (:func:`check_unpacked`), reading no row: for a server to
    refuse an upload at once. InputError when it is no readable Parquet file."""
    handle = _open(_pyarrow_parquet(), path)
    try:
        check_unpacked(handle, path, limit)
    finally:
        handle.close(force=True)


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


def rows_per_batch(
    group: Any,
    limit: int,
    pages: list[ChunkPages] | None = None,
    *,
    row_bytes: int = 0,
) -> int:
    """How many rows of a row group (``RowGroupMetaData``) to decode at a time under an
    unpacked ``limit``, so that a batch cannot decode to more than the limit.

    A dictionary-encoded column chunk stores a value once and decodes it again for every row
    that repeats it (``DELTA_BYTE_ARRAY``, sharing prefixes, may too), so one row may take
    up that chunk's whole uncompressed size: the rows are the limit over the sum of those
    chunks' sizes and ``row_bytes`` (what one row takes besides: offsets, fixed-size values,
    :func:`row_sizes`), 1 at least, :data:`ROWS_PER_BATCH` and :data:`CELLS_PER_BATCH` over
    the columns at most. A chunk repeats values, and is as large as, its metadata or its
    ``pages`` (:func:`~carelens.readers.parquet_pages.chunk_pages`, one per column) say,
    whichever says more. A plain chunk decodes each value it stores once, within the size
    checked before the read."""
    widest = row_bytes  # the most one row may decode to, counting the chunks that repeat
    for j in range(group.num_columns):
        chunk = group.column(j)
        size = max(int(chunk.total_uncompressed_size), 0)
        repeats = chunk.has_dictionary_page or not _PLAIN_ENCODINGS.issuperset(chunk.encodings)
        if pages is not None:
            size, repeats = max(size, pages[j].unpacked), repeats or pages[j].repeats
        if repeats:
            widest += size
    most = min(ROWS_PER_BATCH, max(1, CELLS_PER_BATCH // max(int(group.num_columns), 1)))
    return max(1, min(most, limit // widest)) if widest else most


def check_unpacked(handle: Any, path: Path, limit: int) -> list[int]:
    """Check, before a row is read, that the Parquet file open as ``handle`` (a
    ``ParquetFile`` read from ``path``) can be read under the unpacked ``limit``; the rows
    to decode at a time in each row group (:func:`rows_per_batch`).

    :class:`UnpackedLimitError` when its column data unpacks to more than the limit by its
    metadata (:func:`unpacked_size`) or by its pages' headers
    (:func:`~carelens.readers.parquet_pages.chunk_pages`, at most :data:`MAX_PAGES` of them
    read), or when its rows alone decode to more (:func:`row_sizes`); an
    :class:`~carelens.errors.InputError` naming the column for one that holds lists or maps
    (:func:`_refuse_lists`), and for pages that cannot be read."""
    shown = shown_path(path)
    _refuse_lists(handle, shown)
    metadata = handle.metadata
    least, most = row_sizes(handle.schema_arrow)
    if (size := metadata.num_rows * least) > limit:
        raise UnpackedLimitError(limit, path, size=size)
    size = unpacked_size(metadata)
    if size > limit:
        raise UnpackedLimitError(limit, path, size=size)
    pages = _pages(metadata, path, shown)
    size = sum(
        max(
            metadata.row_group(i).total_byte_size,
            sum(
                max(metadata.row_group(i).column(j).total_uncompressed_size, p.unpacked)
                for j, p in enumerate(chunks)
            ),
        )
        for i, chunks in enumerate(pages)
    )
    if size > limit:
        raise UnpackedLimitError(limit, path, size=size)
    return [
        rows_per_batch(metadata.row_group(i), limit, chunks, row_bytes=most)
        for i, chunks in enumerate(pages)
    ]


def _pages(metadata: Any, path: Path, shown: str) -> list[list[ChunkPages]]:
    """What the pages of every column chunk unpack to, by their headers, per row group."""
    try:
        with open(path, "rb") as source:
            file_size = os.fstat(source.fileno()).st_size
            left = MAX_PAGES
            out: list[list[ChunkPages]] = []
            for i in range(metadata.num_row_groups):
                group = metadata.row_group(i)
                chunks = []
                for j in range(group.num_columns):
                    start, length = _chunk_range(group.column(j), file_size)
                    values = group.column(j).num_values
                    found = chunk_pages(
                        source, start, length, values, file_size=file_size, max_pages=left
                    )
                    left -= found.pages
                    chunks.append(found)
                out.append(chunks)
            return out
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror})", path=shown) from exc
    except TooManyPagesError:
        raise InputError(
            f"the file holds more than {MAX_PAGES:,} pages, more than may be read of a file "
            "under a limit on what it unpacks to; write it with larger pages or split it "
            "into smaller files",
            path=shown,
        ) from None
    except PageHeaderError as exc:
        raise InputError(f"not a readable Parquet file ({exc})", path=shown) from None


def _chunk_range(chunk: Any, file_size: int) -> tuple[int, int]:
    """Where a column chunk's pages begin and how many bytes they may take, as Arrow reads
    them (``ComputeColumnChunkRange``): from its dictionary page when that comes first,
    with room for a dictionary page header that older writers left out of the size."""
    start = chunk.data_page_offset
    first = chunk.dictionary_page_offset if chunk.has_dictionary_page else None
    if first is not None and 0 < first < start:
        start = first
    length = chunk.total_compressed_size
    return start, length + max(0, min(_DICTIONARY_HEADER_PADDING, file_size - start - length))


def row_sizes(schema: Any) -> tuple[int, int]:
    """What one row of the columns of ``schema`` (a ``pyarrow.Schema``) decodes to besides
    the texts its pages hold: (at least, at most) bytes. Every row takes a fixed-size value's
    width (a fixed-size binary's, even when null), a text's offset, and at most a byte more
    per column for nulls; a dictionary's values are counted with their chunk."""
    least = most = 0
    for field in schema:
        bits, cells = _row_bits(field.type)
        least += bits
        most += (bits + 7) // 8 * 8 + cells * 8
    return least // 8, most // 8


def _row_bits(kind: Any) -> tuple[int, int]:
    """Bits one row of a column of Arrow type ``kind`` decodes to besides its texts, and how
    many columns it stands for (a struct's fields)."""
    import pyarrow as pa

    if pa.types.is_struct(kind):
        parts = [_row_bits(kind.field(k).type) for k in range(kind.num_fields)]
        return sum(b for b, _ in parts), max(1, sum(c for _, c in parts))
    if pa.types.is_dictionary(kind):
        return kind.index_type.bit_width, 1
    if pa.types.is_large_string(kind) or pa.types.is_large_binary(kind):
        return 64, 1
    if pa.types.is_string(kind) or pa.types.is_binary(kind):
        return 32, 1
    try:
        return max(int(kind.bit_width), 0), 1
    except ValueError:  # another type of values of their own size (a view, a null)
        return 0, 1


def _refuse_lists(handle: Any, shown: str) -> None:
    """Refuse a file with a column that holds lists or maps (values repeated within a row),
    naming the column: one row of one may hold any number of values, each decoded from a
    few bits (a dictionary index, a null), so that its size is known only once decoded."""
    import pyarrow as pa

    def repeats(kind: Any) -> bool:
        if pa.types.is_struct(kind):
            return any(repeats(kind.field(k).type) for k in range(kind.num_fields))
        return bool(
            pa.types.is_list(kind)
            or pa.types.is_large_list(kind)
            or pa.types.is_fixed_size_list(kind)
            or pa.types.is_list_view(kind)
            or pa.types.is_large_list_view(kind)
            or pa.types.is_map(kind)
        )

    names = [field.name for field in handle.schema_arrow if repeats(field.type)]
    schema = handle.schema  # the Parquet schema: a repeated field anywhere is a list
    if not names:
        names = [
            schema.column(i).path
            for i in range(len(schema))
            if schema.column(i).max_repetition_level > 0
        ][:1]
    if names:
        raise InputError(
            f"the column holds lists ({_type_name(handle, names[0])}), which cannot be read "
            "under a limit on what the file unpacks to: one row of a list can unpack to any "
            "size. No layout reads a list; write the file without the column (or with its "
            "values joined into text)",
            path=shown,
            field=names[0],
        )


def _type_name(handle: Any, name: str) -> str:
    """The Arrow type of the column ``name`` of ``handle``, in words, or "a repeated field"."""
    schema = handle.schema_arrow
    index = schema.get_field_index(name)
    return str(schema.field(index).type) if index >= 0 else "a repeated field"


def _batches(handle: Any, batch_rows: list[int] | None) -> Iterator[Any]:
    """The file's rows, :data:`ROWS_PER_BATCH` at a time; under an unpacked limit, row group
    by row group, ``batch_rows`` (:func:`check_unpacked`) at a time."""
    if batch_rows is None:
        yield from handle.iter_batches(batch_size=ROWS_PER_BATCH)
        return
    for i, rows in enumerate(batch_rows):
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
    batch_rows: list[int] | None,
) -> Iterator[Record]:
    number = 0
    decoded = 0  # bytes of the batches decoded so far, counted against the unpacked limit
    limit, check = unpacked_limit_now()
    try:
        for batch in _batches(handle, batch_rows):
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

"""The page headers of a Parquet file's column chunks, read without unpacking a page.

A Parquet file's footer (its metadata) says how many bytes each column chunk unpacks to
(``total_uncompressed_size``) and how its values are encoded, but nothing holds the writer
to it: a footer may understate both, and a page a few KB long may unpack to gigabytes. What
the decoder does unpack is each page's ``uncompressed_page_size``, from the header in front
of the page (Arrow allocates that much, and refuses a page that unpacks to any other size).
:func:`chunk_pages` walks a chunk's page headers as Arrow reads them — from the chunk's
first page, through its byte range, until the pages hold the chunk's values — and adds up
what its pages unpack to, without unpacking one: a bound on the bytes the chunk unpacks to
that does not rest on the footer's word. Page headers are Thrift structs in the compact
protocol; :func:`_page_header` reads the few fields that matter and passes over the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

#: Page types (``PageType`` in the Parquet format).
DATA_PAGE, INDEX_PAGE, DICTIONARY_PAGE, DATA_PAGE_V2 = 0, 1, 2, 3
#: Encodings that decode each stored value once (``PLAIN``, and ``RLE`` / ``BIT_PACKED``,
#: which hold levels and booleans); any other (a dictionary's indices, ``DELTA_BYTE_ARRAY``
#: sharing prefixes) may decode a stored value for many rows.
ONCE_ENCODINGS = frozenset({0, 3, 4})
#: The longest page header read, as Arrow's default (``max_page_header_size``, 16 MiB).
MAX_HEADER_BYTES = 16 << 20
#: Bytes read at a time while walking a chunk's pages.
_BLOCK = 1 << 16
#: Bytes a page header is first looked for in (most take a few dozen); more if it is longer.
_FIRST_LOOK = 1 << 10
#: How deep Thrift structs and lists may nest in a page header.
_MAX_DEPTH = 32


class PageHeaderError(ValueError):
    """A page header that cannot be read (cut off, malformed, or longer than
    :data:`MAX_HEADER_BYTES`): the decoder would fail on it too."""


class TooManyPagesError(PageHeaderError):
    """A column chunk of more pages than the walk may read (``max_pages``)."""


class _Incomplete(Exception):
    """The header goes on past the bytes read so far."""


@dataclass(frozen=True, slots=True)
class ChunkPages:
    """What a column chunk's pages unpack to, by their headers (:func:`chunk_pages`)."""

    #: Bytes the pages unpack to, with their headers.
    unpacked: int
    #: Whether a page may decode a stored value for many rows: a dictionary page, or a data
    #: page encoded otherwise than :data:`ONCE_ENCODINGS`.
    repeats: bool
    #: How many page headers were read.
    pages: int


@dataclass(frozen=True, slots=True)
class _Header:
    type: int
    uncompressed: int
    compressed: int
    values: int  # of a data page; 0 for any other
    encoding: int | None  # of a data page; None for any other


def chunk_pages(
    source: BinaryIO, start: int, length: int, values: int, *, file_size: int, max_pages: int
) -> ChunkPages:
    """Walk the page headers of the column chunk of ``values`` values (its footer's
    ``num_values``) whose pages begin at byte ``start`` (its dictionary page's offset where
    it has one, else its first data page's) and take ``length`` bytes (its
    ``total_compressed_size``) of a file of ``file_size`` bytes, read from ``source``. The
    walk stops where Arrow's reader stops: once the data pages hold ``values`` values, or at
    the end of the chunk's bytes. PageHeaderError for a header that cannot be read or a
    page that runs past the end of the file; TooManyPagesError for a chunk of more than
    ``max_pages`` pages (each a header to read: a file of millions of empty pages costs the
    walk as much as one of millions of rows)."""
    end = min(start + max(length, 0), file_size)
    at, unpacked, repeats, pages, seen = max(start, 0), 0, False, 0, 0
    window = _Window(source, end)
    while at < end and seen < values:
        if pages >= max_pages:
            raise TooManyPagesError(f"a column chunk holds more than {max_pages:,} pages")
        header, size = window.header(at)
        if header.compressed < 0 or header.uncompressed < 0:
            raise PageHeaderError(f"the page header at byte {at:,} gives a negative size")
        pages += 1
        unpacked += size + header.uncompressed
        if header.type == DICTIONARY_PAGE:
            repeats = True
        elif header.type in (DATA_PAGE, DATA_PAGE_V2):
            seen += max(header.values, 0)
            repeats = repeats or header.encoding not in ONCE_ENCODINGS
        at += size + header.compressed
        if at > file_size:
            raise PageHeaderError(f"a page at byte {at - header.compressed:,} runs past the file")
    return ChunkPages(unpacked=unpacked, repeats=repeats, pages=pages)


class _Window:
    """The bytes of a chunk read a block at a time, for the page headers in them."""

    def __init__(self, source: BinaryIO, end: int) -> None:
        self._source = source
        self._end = end
        self._start = 0
        self._data = b""

    def _hold(self, at: int, size: int) -> int:
        """Hold at least ``size`` bytes from ``at`` (fewer at the end of the chunk); where
        they end in :attr:`_data`."""
        size = max(0, min(size, self._end - at))
        if not (self._start <= at and at + size <= self._start + len(self._data)):
            self._source.seek(at)
            self._start = at
            self._data = self._source.read(max(size, min(_BLOCK, self._end - at)))
        return min(at + size, self._start + len(self._data)) - self._start

    def header(self, at: int) -> tuple[_Header, int]:
        """The page header at byte ``at`` and how many bytes it takes."""
        size = _FIRST_LOOK
        while True:
            stop = self._hold(at, size)
            first = at - self._start
            try:
                header, end = _page_header(self._data, first, stop)
                return header, end - first
            except _Incomplete:
                if stop - first < size or size >= MAX_HEADER_BYTES:
                    what = "is cut off" if stop - first < size else "is too long"
                    raise PageHeaderError(f"the page header at byte {at:,} {what}") from None
                size = min(size * 4, MAX_HEADER_BYTES)


def _page_header(data: bytes, at: int, stop: int) -> tuple[_Header, int]:
    """The ``PageHeader`` at ``data[at:stop]`` and where it ends."""
    fields, end = _struct(data, at, stop, 0)
    page_type, uncompressed, compressed = (_int(fields.get(k)) for k in (1, 2, 3))
    if page_type is None or uncompressed is None or compressed is None:
        raise PageHeaderError("a page header lacks its type or sizes")
    values, encoding = 0, None
    # A data page's own header: DataPageHeader (field 5) holds num_values (1) and encoding
    # (2); DataPageHeaderV2 (field 8) num_values (1) and encoding (4).
    own = {DATA_PAGE: (5, 2), DATA_PAGE_V2: (8, 4)}.get(page_type)
    if own is not None:
        inner = fields.get(own[0])
        if not isinstance(inner, dict):
            raise PageHeaderError("a data page header lacks its own header")
        values = _int(inner.get(1)) or 0
        encoding = _int(inner.get(own[1]))
        encoding = -1 if encoding is None else encoding  # none given: not known to be plain
    return _Header(page_type, uncompressed, compressed, values, encoding), end


#: A value read from a page header: numbers, booleans, structs (fields by id) and lists;
#: binaries and doubles are passed over (None).
_Value = int | bool | dict[int, "_Value"] | list["_Value"] | None


def _int(value: _Value) -> int | None:
    """``value`` when it is an integer (not a boolean), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _varint(data: bytes, at: int, stop: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= stop:
            raise _Incomplete
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7
        if shift > 70:
            raise PageHeaderError("a page header holds a number longer than 10 bytes")


def _zigzag(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


def _struct(data: bytes, at: int, stop: int, depth: int) -> tuple[dict[int, _Value], int]:
    """A compact-protocol struct at ``at`` (before ``stop``): its fields by id, and where it
    ends."""
    if depth > _MAX_DEPTH:
        raise PageHeaderError("a page header nests too deep")
    fields: dict[int, _Value] = {}
    last = 0
    while True:
        if at >= stop:
            raise _Incomplete
        byte = data[at]
        at += 1
        if byte == 0:  # STOP
            return fields, at
        kind, delta = byte & 0x0F, byte >> 4
        if delta:
            field = last + delta
        else:
            raw, at = _varint(data, at, stop)
            field = _zigzag(raw)
        last = field
        if kind in (1, 2):  # a boolean field holds its value in its type
            fields[field] = kind == 1
            continue
        fields[field], at = _value(data, at, stop, kind, depth)


def _value(data: bytes, at: int, stop: int, kind: int, depth: int) -> tuple[_Value, int]:
    """A compact-protocol value of type ``kind`` at ``at`` (before ``stop``; binaries are
    passed over)."""
    if kind in (1, 2, 3):  # a boolean in a list, or a byte
        if at >= stop:
            raise _Incomplete
        return data[at], at + 1
    if kind in (4, 5, 6):  # i16, i32, i64
        raw, at = _varint(data, at, stop)
        return _zigzag(raw), at
    if kind == 7:  # double
        if at + 8 > stop:
            raise _Incomplete
        return None, at + 8
    if kind == 8:  # binary
        size, at = _varint(data, at, stop)
        if at + size > stop:
            raise _Incomplete
        return None, at + size
    if kind in (9, 10):  # list, set
        if at >= stop:
            raise _Incomplete
        head = data[at]
        at += 1
        count, element = head >> 4, head & 0x0F
        if count == 15:
            count, at = _varint(data, at, stop)
        items: list[_Value] = []
        for _ in range(count):  # each element takes a byte at least: bounded by ``data``
            item, at = _value(data, at, stop, element, depth + 1)
            items.append(item)
        return items, at
    if kind == 11:  # map
        count, at = _varint(data, at, stop)
        if count:
            if at >= stop:
                raise _Incomplete
            types = data[at]
            at += 1
            for _ in range(count):
                _, at = _value(data, at, stop, types >> 4, depth + 1)
                _, at = _value(data, at, stop, types & 0x0F, depth + 1)
        return None, at
    if kind == 12:  # struct
        return _struct(data, at, stop, depth + 1)
    raise PageHeaderError(f"a page header holds a value of unknown type {kind}")

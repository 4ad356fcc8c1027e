"""What every reader shares: the :class:`Reader` protocol, its context, and streaming helpers.

A reader is a plain function ``read(ctx) -> Iterator[Record]``: it streams one file and yields
each usable :class:`~carelens.types.Turn` (thread formats) or
:class:`~carelens.types.Exchange` (pair formats) together with the physical line where its
record starts. Bad records go to ``ctx.rejects`` and never stop the run; only whole-file
problems (a missing required column, a refused XML prolog) raise
:class:`~carelens.errors.InputError`. The helpers here read files as bytes, line by line,
transparently decompressing ``.zst`` (Zstandard with a 2 GiB window, as real Reddit dumps
need; its frame headers are followed so that a cut file is noticed, see :class:`ZstdFrames`),
drop a UTF-8 byte-order mark and decode each line on its own so one bad line is one
reject. Lines are read in bounded chunks: a line longer than :func:`line_limit` bytes is
never held in memory; it is skipped to its newline and given to the reader as a
:class:`LongLine`, which the reader rejects as ``line too long`` before reading on.
A line ends at LF (or CRLF); in a file whose first line ends in a lone CR (old Mac files,
Excel for Mac's "CSV (Macintosh)") a lone CR ends a line too, as in the csv module's
universal newlines (:class:`_LineReader`): such a file would otherwise be one long line.
A read under :func:`unpacked_limit` (the server's, of an upload) stops with
:class:`UnpackedLimitError` once a ``.zst`` file has unpacked past the limit (and the Parquet
reader, whose pages are compressed inside the file, asks :func:`unpacked_limit_now`).
"""

from __future__ import annotations

import io
import json
import logging
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol, cast

import zstandard

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.quoting import clip, describe_columns, quote
from carelens.readers.rejects import RejectLog
from carelens.text import is_blank, join_surrogates
from carelens.timestamps import is_missing_text, is_number_text, number_text, unix_time
from carelens.types import COMMUNITY_KEYS, MAX_ID_CHARS, Exchange, Turn

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

logger = logging.getLogger(__name__)

#: Formats accepted by ``format=`` (and ``--format``), in the order they are documented.
SUPPORTED_FORMATS: tuple[str, ...] = ("csv", "jsonl", "convokit", "reddit", "wxr", "parquet")
#: Texts longer than this many characters are rejected by default.
MAX_TEXT_CHARS = 1_000_000
#: Line bytes allowed per character of the text limit. A line holds up to two texts (seeker
#: and response, title and selftext) besides its other fields, and one character takes up
#: to 4 bytes in UTF-8, 2 as a doubled CSV quote, and 12 as a JSON ``\ud83d\ude00`` escape
#: pair: 2 x 12 = 24 bytes, rounded up to leave room for the other fields.
LINE_BYTES_PER_CHAR = 32
#: Physical lines longer than this many bytes (32 MB) are skipped and rejected, unread.
MAX_LINE_BYTES = LINE_BYTES_PER_CHAR * MAX_TEXT_CHARS

_BOM = b"\xef\xbb\xbf"
_ZSTD_MAX_WINDOW = 2**31
#: Lines are read at most this many bytes at a time.
_CHUNK_BYTES = 1 << 20
#: How much of a skipped line's start is kept (:attr:`LongLine.head`; format detection).
_HEAD_BYTES = 64 * 1024
#: The bytes that may end a line: LF, or CR in a file whose lines end in CR.
_LINE_END = re.compile(rb"[\r\n]")


def line_limit(max_chars: int = MAX_TEXT_CHARS) -> int:
    """The longest physical line read, in bytes, for a text limit of ``max_chars``.

    Never below :data:`MAX_LINE_BYTES`, so a lower text limit does not turn records with long
    metadata into over-long lines; a higher one raises it in proportion.
    """
    return LINE_BYTES_PER_CHAR * max(max_chars, MAX_TEXT_CHARS)


@dataclass(frozen=True, slots=True)
class LongLine:
    """A physical line over the line limit, skipped in bounded chunks and never held whole.

    ``size`` is its length in bytes (newline excluded), ``quotes`` how many ``"`` bytes it
    holds (so the CSV reader can keep its quoting state across it), ``head`` its first bytes
    (up to 64 KiB, byte-order mark removed) for format detection.
    """

    size: int
    quotes: int
    head: bytes
    limit: int

    def detail(self) -> str:
        """The reject detail: sizes only, never text."""
        return f"{self.size} bytes > limit {self.limit}"


class Record(NamedTuple):
    """One usable item read from a file, with the physical line where its record starts."""

    line: int | None
    item: Turn | Exchange


@dataclass(frozen=True, slots=True)
class ReadContext:
    """Everything a reader needs besides the file: where rejects go and the read options."""

    path: Path
    rejects: RejectLog
    column_map: Mapping[str, str] = field(default_factory=dict)
    max_chars: int = MAX_TEXT_CHARS
    #: CSV/TSV: a header that names any column twice is an InputError (scoring labels, where
    #: either column's value would be a guess); else only a column the layout reads is.
    unique_columns: bool = False

    def reject(
        self, line: int | None, field: str | None, reason: str, detail: str | None = None
    ) -> None:
        """Send one bad record to the reject log, located in this file."""
        self.rejects.add(self.path, line, field, reason, detail=detail)

    def reject_truncation(self, line: int, detail: str) -> None:
        """Reject the cut end of a compressed file (see :func:`iter_raw_lines`)."""
        logger.warning("%s: %s", self.path, detail)
        self.reject(line, None, R.TRUNCATED_FILE, detail)

    @property
    def max_line_bytes(self) -> int:
        """The longest physical line read (see :func:`line_limit`)."""
        return line_limit(self.max_chars)

    def text(
        self, value: object, line: int | None, field: str, *, where: str | None = None
    ) -> str | None:
        """Validate a text value; reject (and return None) if missing, not text or too long.

        ``where`` locates a record that has no line (``post 12``); it leads the detail. The
        text is returned with its surrogate pairs joined
        (:func:`~carelens.text.join_surrogates`), as the analysis reads it. No reader gives
        one today (``json.loads`` joins an escaped pair, and the bytes of a surrogate are
        not UTF-8, so a line holding them is rejected), but every reader's texts pass here.
        """

        def reject(reason: str, detail: str | None = None) -> None:
            self.reject(line, field, reason, ": ".join(p for p in (where, detail) if p) or None)

        if value is None or (isinstance(value, str) and is_blank(value)):
            reject(R.MISSING_TEXT)  # or only invisible characters (``"\u200b"``)
            return None
        if not isinstance(value, str):
            reject(R.INVALID_VALUE, f"expected a string, got {_kind(value)}")
            return None
        if len(value) > self.max_chars:
            reject(R.TEXT_TOO_LONG, f"{len(value)} characters > limit {self.max_chars}")
            return None
        return join_surrogates(value)

    def ident(self, value: object, line: int | None, field: str) -> str | None:
        """Validate an id (string or integer, :func:`id_text`); reject (and return None) if
        missing or not an id.

        A float with an integral value is an integer id (pandas stores an integer column
        with missing values as floats): ``1.0`` is ``"1"``, as in :func:`optional_str`. NaN
        is a missing id; any other float is rejected.
        """
        ident = id_text(value)
        if ident is not None:
            return ident
        if value is None or (isinstance(value, str) and not value.strip()):
            self.reject(line, field, R.MISSING_ID)
        elif isinstance(value, float) and math.isnan(value):
            self.reject(line, field, R.MISSING_ID, "NaN")
        elif isinstance(value, float):
            self.reject(
                line, field, R.INVALID_VALUE, f"expected a string or integer id, got {value!r}"
            )
        elif isinstance(value, bool):
            self.reject(line, field, R.INVALID_VALUE)
        else:
            self.reject(line, field, R.INVALID_VALUE, f"expected a string id, got {_kind(value)}")
        return None

    def pair_record(self, line: int | None, response_id: object) -> None:
        """Told the response id of each pair record, as the record holds it, before its
        fields are checked (a CSV row with bad bytes: before it is rejected; ``None`` when
        the bad bytes are in the id), so a reject on ``line`` that follows is known to be
        that response's whatever the order in which the fields are checked: ``evaluate``
        with a split part leaves out the rejects of another part's rows this way. Nothing
        here."""


def id_text(value: object) -> str | None:
    """The id ``value`` stands for — a string that is not blank, an integer, or a float
    with an integral value (``1.0`` is ``"1"``) — or None when it is none (missing, blank,
    NaN, a boolean, a list...)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else None  # NaN and inf are not
    if isinstance(value, str) and value.strip():
        return value
    return None


def long_name(item: Turn | Exchange) -> tuple[str, int] | None:
    """The first id or name of ``item`` over :data:`~carelens.types.MAX_ID_CHARS` characters,
    as ``(field, length)``; None when all fit. Fields of an exchange are ``seeker.id``,
    ``response.speaker`` and so on; the community is the ``meta`` key that holds it."""
    named: tuple[tuple[str, Turn], ...] = (
        (("seeker.", item.seeker), ("response.", item.response))
        if isinstance(item, Exchange)
        else (("", item),)
    )
    for prefix, turn in named:
        values: list[tuple[str, object]] = [
            ("id", turn.id),
            ("speaker", turn.speaker),
            ("conversation_id", turn.conversation_id),
            ("reply_to", turn.reply_to),
        ]
        values += [(key, turn.meta.get(key)) for key in COMMUNITY_KEYS]
        for name, value in values:
            if isinstance(value, str) and len(value) > MAX_ID_CHARS:
                return prefix + name, len(value)
    return None


def without_long_names(
    ctx: ReadContext,
    records: Iterator[Record],
    on_reject: Callable[[ReadContext, Record], None] | None = None,
) -> Iterator[Record]:
    """``records`` less those with an id or name too long to be one (each rejected as
    ``id too long``, then given to ``on_reject``): a storage index cannot hold it, and no
    real id is that long."""
    for record in records:
        found = long_name(record.item)
        if found is None:
            yield record
        else:
            name, length = found
            ctx.reject(
                record.line, name, R.ID_TOO_LONG, f"{length} characters > limit {MAX_ID_CHARS}"
            )
            if on_reject is not None:
                on_reject(ctx, record)


class Reader(Protocol):
    """A format reader: streams ``ctx.path`` and yields its usable records in file order."""

    def __call__(self, ctx: ReadContext, /) -> Iterator[Record]: ...


def _kind(value: object) -> str:
    return type(value).__name__


class ZstdFrames:
    """Follows the frame and block headers of a Zstandard stream as its bytes go by.

    The decompressor's stream reader ends quietly when its input stops inside a frame, so
    a cut file would look complete. The frame format (RFC 8878) lets each frame be walked
    from headers alone, without decompressing: a frame header, blocks that each give their
    size and whether they are the last, an optional checksum; skippable frames give their
    size. :attr:`complete` is True when the bytes fed so far end exactly after a frame.
    Bytes that are not Zstandard are left to the decompressor, which raises on them.
    """

    _MAGIC = 0xFD2FB528
    #: Bytes of the header field read in each state.
    _NEED: ClassVar[Mapping[str, int]] = {"magic": 4, "skippable": 4, "descriptor": 1, "block": 3}

    def __init__(self) -> None:
        self._state = "magic"
        self._field = bytearray()
        self._skip = 0
        self._checksum = False
        self._lost = False
        #: Compressed bytes fed so far.
        self.size = 0

    @property
    def complete(self) -> bool:
        """Whether the stream so far ends at a frame boundary (or could not be followed)."""
        return self._lost or (self._state == "magic" and not self._field and not self._skip)

    def feed(self, data: bytes) -> None:
        """Follow the next bytes of the stream."""
        self.size += len(data)
        pos, end = 0, len(data)
        while pos < end and not self._lost:
            if self._skip:
                step = min(self._skip, end - pos)
                self._skip -= step
                pos += step
                continue
            take = min(self._NEED[self._state] - len(self._field), end - pos)
            self._field += data[pos : pos + take]
            pos += take
            if len(self._field) == self._NEED[self._state]:
                value = int.from_bytes(self._field, "little")
                self._field.clear()
                self._step(value)

    def _step(self, value: int) -> None:
        if self._state == "magic":
            if value == self._MAGIC:
                self._state = "descriptor"
            elif value & 0xFFFFFFF0 == 0x184D2A50:
                self._state = "skippable"
            else:
                self._lost = True
        elif self._state == "skippable":
            self._skip, self._state = value, "magic"
        elif self._state == "descriptor":
            single_segment = bool(value & 0x20)
            self._checksum = bool(value & 0x04)
            content_size = (int(single_segment), 2, 4, 8)[value >> 6]
            window = 0 if single_segment else 1
            self._skip = window + (0, 1, 2, 4)[value & 0x03] + content_size
            self._state = "block"
        else:  # a block header: last-block bit, type (raw, RLE, compressed), size
            kind, size = (value >> 1) & 0x03, value >> 3
            self._skip = 1 if kind == 1 else size
            if value & 0x01:
                self._skip += 4 if self._checksum else 0
                self._state = "magic"


class _FollowedSource:
    """A binary file whose bytes, as the decompressor reads them, go through ZstdFrames."""

    def __init__(self, raw: IO[bytes], frames: ZstdFrames) -> None:
        self._raw = raw
        self._frames = frames

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._frames.feed(data)
        return data


#: The most bytes a ``.zst`` file may unpack to when read in this context (None: any), and
#: the check called as they come; set with :func:`unpacked_limit`.
_UNPACKED_LIMIT: ContextVar[tuple[int | None, Callable[[], None] | None]] = ContextVar(
    "carelens_unpacked_limit", default=(None, None)
)


class UnpackedLimitError(InputError):
    """A ``.zst`` file unpacked to more than the :func:`unpacked_limit` of its read, or a
    Parquet file whose compressed column data does (``size``: how much, when its metadata
    says so before it is read)."""

    def __init__(self, limit: int, path: Path, *, size: int | None = None) -> None:
        unpacks = "unpacks to more than"
        if size is not None:
            unpacks = f"unpacks to {size:,} bytes, more than"
        super().__init__(
            f"the file {unpacks} {limit:,} bytes, the most that may be read of it; split it "
            "into smaller files",
            path=str(path),
        )
        self.limit = limit


@contextmanager
def unpacked_limit(
    max_bytes: int | None, *, check: Callable[[], None] | None = None
) -> Iterator[None]:
    """Within the block (on this thread), a ``.zst`` file read past ``max_bytes`` unpacked
    bytes raises :class:`UnpackedLimitError`: a file of a few KB can unpack to gigabytes. So
    does a Parquet file whose column data unpacks to more, before it is read when its
    metadata says so (:func:`carelens.readers.parquet.read_parquet`).
    ``None`` sets no limit (the default, the command line's: a user's own file). ``check``
    is called after each read of unpacked bytes (a few KB): it may raise to stop a read
    that is no longer wanted, even one that yields no record for a long while (gigabytes
    of blank lines). A reader is a generator: it reads the file when iterated, so iterate
    within the block."""
    token = _UNPACKED_LIMIT.set((max_bytes, check))
    try:
        yield
    finally:
        _UNPACKED_LIMIT.reset(token)


def unpacked_limit_now() -> tuple[int | None, Callable[[], None] | None]:
    """The limit and check of the :func:`unpacked_limit` block this thread is in ((None,
    None) outside one), for a reader that unpacks by itself (Parquet's compressed pages)."""
    return _UNPACKED_LIMIT.get()


class _Counted(io.RawIOBase):
    """The decompressed stream of a ``.zst`` file, its bytes counted against ``limit``
    (None: any), ``check`` called after each read."""

    def __init__(
        self,
        reader: zstandard.ZstdDecompressionReader,
        limit: int | None,
        check: Callable[[], None] | None,
        path: Path,
    ) -> None:
        super().__init__()
        self._reader = reader
        self._limit = limit
        self._check = check
        self._path = path
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        n = self._reader.readinto(buffer)
        self._size += n
        if self._limit is not None and self._size > self._limit:
            raise UnpackedLimitError(self._limit, self._path)
        if self._check is not None:
            self._check()
        return n


@contextmanager
def _open_followed(path: Path) -> Iterator[tuple[IO[bytes], ZstdFrames | None]]:
    """:func:`open_binary`, with the frame follower of a ``.zst`` file (None otherwise).
    Under :func:`unpacked_limit` the decompressed bytes are counted; else they are not."""
    with path.open("rb") as raw:
        if path.suffix.lower() != ".zst":
            yield raw, None
            return
        frames = ZstdFrames()
        dctx = zstandard.ZstdDecompressor(max_window_size=_ZSTD_MAX_WINDOW)
        source = cast(IO[bytes], _FollowedSource(raw, frames))  # read() is all it uses
        limit, check = _UNPACKED_LIMIT.get()
        with dctx.stream_reader(source, read_across_frames=True) as reader:
            counted = limit is not None or check is not None
            stream = _Counted(reader, limit, check, path) if counted else reader
            yield io.BufferedReader(stream), frames


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """Open ``path`` for binary reading, decompressing ``.zst`` files as a stream."""
    with _open_followed(path) as (fh, _):
        yield fh


def truncation_detail(frames: ZstdFrames) -> str:
    """What a cut Zstandard stream is reported with."""
    return (
        f"the Zstandard stream ended early, inside a frame, after {frames.size} compressed "
        "bytes; is the file complete? The lines before the cut were read"
    )


class _LineReader:
    """``readline(size)`` over a binary stream, with the line ends of its file.

    The first line end of the file decides: LF or CRLF, and only LF ends a line (a lone CR
    is part of its line, as before); a lone CR, and CR, LF and CRLF all end lines, as the
    csv module's universal newlines do (a CR inside a quoted CSV field stays in the field,
    since the csv parser joins the lines of a quoted field again). A piece is at most
    ``size`` bytes; :attr:`ended` says whether the last one ended its line. Until the first
    line end, and in a file of CR line ends, the stream is read at most
    :data:`_CHUNK_BYTES` at a time, as soon as bytes are there (a pipe gives its lines as
    they come); then an LF file is read with the stream's own ``readline``.
    """

    def __init__(self, fh: IO[bytes]) -> None:
        read1 = getattr(fh, "read1", None)
        self._read: Callable[[int], bytes] = read1 if callable(read1) else fh.read
        self._readline = fh.readline
        self._buf = b""
        self._pos = 0
        self._eof = False
        #: Whether a lone CR ends a line; None until the first line end is seen.
        self.cr_ends: bool | None = None
        #: Whether the piece last returned ended its line (False: cut at ``size``, or the
        #: end of the stream without a line end).
        self.ended = False

    def readline(self, size: int) -> bytes:
        """The next piece of a line: up to its end (included), or ``size`` bytes of it."""
        if self.cr_ends is False:
            return self._readline_lf(size)
        while True:
            buf, pos = self._buf, self._pos
            stop = min(len(buf), pos + size)
            end = self._line_end(buf, pos, stop)
            if end is None:  # a CR at the end of what is read: is it a CRLF?
                self._fill()
                continue
            if end >= 0:
                self._pos, self.ended = end, True
                return buf[pos:end]
            if stop - pos == size or not self._fill():
                self._pos, self.ended = stop, False
                return buf[pos:stop]

    def _readline_lf(self, size: int) -> bytes:
        """:meth:`readline` once LF alone ends lines: what is left of the buffer, then the
        stream's own ``readline`` (as fast, and holding no more, as before CR line ends)."""
        buf, pos = self._buf, self._pos
        if pos < len(buf):
            stop = min(len(buf), pos + size)
            i = buf.find(b"\n", pos, stop)
            piece = buf[pos : i + 1 if i >= 0 else stop]
            self._pos += len(piece)
            if i < 0 and len(piece) < size:
                piece += self._readline(size - len(piece))
        else:
            self._buf, self._pos = b"", 0
            piece = self._readline(size)
        self.ended = piece.endswith(b"\n")
        return piece

    def _fill(self) -> bool:
        """Read more of the stream into the buffer; False at its end."""
        data = b"" if self._eof else self._read(_CHUNK_BYTES)
        if not data:
            self._eof = True
            return False
        rest = len(self._buf) - self._pos
        self._buf = self._buf[self._pos :] + data if rest else data  # no copy when all used
        self._pos = 0
        return True

    def _line_end(self, buf: bytes, pos: int, stop: int) -> int | None:
        """Where the line starting at ``pos`` ends (after its line end) if that is before
        ``stop``; -1 when it does not; None when the next byte, not read yet, decides."""
        if self.cr_ends is False:
            i = buf.find(b"\n", pos, stop)
            return -1 if i < 0 else i + 1
        found = _LINE_END.search(buf, pos, stop)
        if found is None:
            return -1
        i = found.start()
        if buf[i] == 0x0A:  # LF
            if self.cr_ends is None:
                self.cr_ends = False
            return i + 1
        if i + 1 == len(buf) and not self._eof:
            return None
        if buf[i + 1 : i + 2] == b"\n":  # CRLF
            if self.cr_ends is None:
                self.cr_ends = False
            return i + 2 if i + 2 <= stop else -1  # else the LF comes in the next piece
        if self.cr_ends is None:
            self.cr_ends = True
        return i + 1 if self.cr_ends else -1


def iter_raw_lines(
    path: Path,
    *,
    max_line_bytes: int | None = None,
    on_truncated: Callable[[int, str], None] | None = None,
) -> Iterator[tuple[int, bytes | LongLine]]:
    """Yield ``(line_number, bytes)`` for each physical line (1-based), BOM removed.

    A line ends at LF (CRLF) or, in a file whose first line ends in a lone CR, at a lone CR
    too (:class:`_LineReader`); the bytes keep their line end. A line longer than
    ``max_line_bytes`` (default :data:`MAX_LINE_BYTES`; line end included) is read in
    bounded chunks to its end and yielded as a :class:`LongLine` instead of its bytes, so
    memory stays bounded by the limit; numbering goes on after it. Raises
    :class:`InputError` for a UTF-16/UTF-32 file (every line would be a reject) or a corrupt
    Zstandard stream. A Zstandard stream that stops inside a frame (a cut file) ends the
    lines before the one it cuts, which is not yielded; then ``on_truncated(line, detail)``
    is called with that line's number, or, without it, :class:`InputError` is raised.
    """
    limit = MAX_LINE_BYTES if max_line_bytes is None else max_line_bytes
    chunk = max(1, min(_CHUNK_BYTES, limit))
    try:
        with _open_followed(path) as (fh, frames):
            lines = _LineReader(fh)
            number = 0
            while raw := lines.readline(chunk):
                line: bytes | LongLine = raw
                if len(raw) == chunk and not lines.ended:
                    line = _finish_line(lines, raw, chunk, limit)
                number += 1
                cut = frames is not None and not frames.complete
                if cut and isinstance(line, bytes) and not lines.ended:
                    break  # the last line, cut with the stream: reported below
                if number == 1:
                    line = _first_line(path, line)
                yield number, line
            else:
                number += 1
            if frames is not None and not frames.complete:
                detail = truncation_detail(frames)
                if on_truncated is None:
                    raise InputError(detail, path=str(path), line=number)
                on_truncated(number, detail)
    except zstandard.ZstdError as exc:
        raise InputError(
            f"cannot decompress the Zstandard stream ({exc}); is the file complete?",
            path=str(path),
        ) from exc


def _finish_line(lines: _LineReader, start: bytes, chunk: int, limit: int) -> bytes | LongLine:
    """Read the rest of a line that filled a whole chunk: its bytes, or a LongLine."""
    parts = [start]
    size = len(start)
    while size <= limit:
        more = lines.readline(chunk)
        if not more:
            return b"".join(parts)
        parts.append(more)
        size += len(more)
        if lines.ended:
            if size <= limit:
                return b"".join(parts)
            break
    # Over the limit: drop what was read, skip to the line end counting bytes and quotes.
    head = parts[0][:_HEAD_BYTES]
    quotes = sum(part.count(b'"') for part in parts)
    before, last = parts[-2:] if len(parts) > 1 else (b"", parts[-1])
    del parts
    while not lines.ended:
        more = lines.readline(chunk)
        if not more:
            break
        before, last = last, more
        size += len(last)
        quotes += last.count(b'"')
    if lines.ended:  # a CRLF may be cut between two pieces
        crlf = last.endswith(b"\r\n") or (last == b"\n" and before.endswith(b"\r"))
        size -= 2 if crlf else 1
    return LongLine(size=size, quotes=quotes, head=head, limit=limit)


def _first_line(path: Path, line: bytes | LongLine) -> bytes | LongLine:
    """Refuse UTF-16/UTF-32 files; drop a UTF-8 byte-order mark."""
    start = line.head if isinstance(line, LongLine) else line
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "the file is UTF-16 or UTF-32 encoded; save it as UTF-8 and retry",
            path=str(path),
        )
    if not start.startswith(_BOM):
        return line
    if isinstance(line, LongLine):
        return replace(line, head=line.head[len(_BOM) :], size=line.size - len(_BOM))
    return line[len(_BOM) :]


def decode_line(ctx: ReadContext, line: int, raw: bytes) -> str | None:
    """Decode one line as UTF-8, rejecting it (and returning None) when it is not valid."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        ctx.reject(line, None, R.INVALID_UTF8, f"invalid byte at offset {exc.start}")
        return None


def iter_json_objects(ctx: ReadContext) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line, object)`` for each JSON Lines record; blank lines are ignored.

    An over-long line is rejected as ``line too long`` (field None) and reading goes on; a
    cut ``.zst`` stream ends the read with a ``truncated file`` reject.
    """
    lines = iter_raw_lines(
        ctx.path, max_line_bytes=ctx.max_line_bytes, on_truncated=ctx.reject_truncation
    )
    for line, raw in lines:
        if isinstance(raw, LongLine):
            ctx.reject(line, None, R.LINE_TOO_LONG, raw.detail())
            continue
        if not raw.strip():
            continue
        text = decode_line(ctx, line, raw)
        if text is None:
            continue
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            detail = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
            ctx.reject(line, None, R.MALFORMED_JSON, detail)
            continue
        if not isinstance(obj, dict):
            ctx.reject(line, None, R.NOT_AN_OBJECT, f"found a JSON {_kind(obj)}")
            continue
        if "\\u" in text and _has_lone_surrogate(obj):
            # A "\ud800" escape decodes to a lone surrogate: not text, and no UTF-8 writer
            # (results, rejects, the store) could write it back out.
            ctx.reject(line, None, R.INVALID_UTF8, "a \\u escape encodes a lone surrogate")
            continue
        yield line, obj


def _has_lone_surrogate(value: object) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def apply_column_map(keys: Mapping[str, Any], column_map: Mapping[str, str]) -> dict[str, Any]:
    """Rename a record's keys from the file's names to canonical names (canonical -> file).

    Two keys that get one name (``seeker=q`` in a record that has a ``seeker`` too) keep one
    value only, whichever comes last: records are read with :func:`map_record`, which
    refuses them (:func:`mapped_twice`); this is for peeking at keys (format detection).
    """
    if not column_map:
        return dict(keys)
    reverse = {source: canonical for canonical, source in column_map.items()}
    return {reverse.get(k, k): v for k, v in keys.items()}


def mapped_twice(
    keys: Mapping[str, Any], column_map: Mapping[str, str]
) -> tuple[str, list[str]] | None:
    """The first name that two or more of ``keys`` get from the column map (a field the map
    renames and one the file already gives that name), with those keys in order; None when
    every name is given once."""
    if not column_map:
        return None
    sources: dict[str, list[str]] = {}
    for key, name in zip(keys, mapped_names(list(keys), column_map), strict=True):
        sources.setdefault(name, []).append(key)
    return next(((name, ks) for name, ks in sources.items() if len(ks) > 1), None)


def mapped_names(names: list[str], column_map: Mapping[str, str]) -> list[str]:
    """``names`` (a header, a schema, a record's keys) renamed by the column map, in order;
    two may come out alike, which the caller refuses (:func:`mapped_twice`)."""
    reverse = {source: canonical for canonical, source in column_map.items()}
    return [reverse.get(n, n) for n in names]


def check_mapped_columns(
    ctx: ReadContext, columns: Sequence[str], *, line: int | None, what: str
) -> None:
    """Raise an InputError when the column map reads a field from a column that is not
    among ``columns`` (a header, a schema: ``what``), naming the field, the column and the
    columns there are: a misspelt column would otherwise leave the field unread, silently."""
    present = set(columns)
    for name, column in ctx.column_map.items():
        if column not in present:
            raise InputError(
                f"the column map reads the field {quote(name)} from the column {quote(column)}, "
                f"which {what} does not have; {describe_columns(list(columns))}. Fix the "
                "column map (canonical=file_column) or leave that entry out",
                path=str(ctx.path),
                line=line,
                field=clip(name),
            )


def map_record(ctx: ReadContext, line: int | None, raw: Mapping[str, Any]) -> dict[str, Any] | None:
    """A record's fields under canonical names (:func:`apply_column_map`), or None when the
    column map gives two of its fields one name: that record is rejected (the field is the
    name), as there is no telling which value is meant — what a CSV header with a column
    named twice after the map is for the whole file."""
    twice = mapped_twice(raw, ctx.column_map)
    if twice is None:
        return apply_column_map(raw, ctx.column_map)
    name, keys = twice
    fields = ", ".join(repr(k) for k in keys)
    ctx.reject(
        line,
        name,
        R.INVALID_VALUE,
        f"field {name!r} appears {len(keys)} times in the record after the column map "
        f"(fields {fields}); rename or remove all but one so it is clear which to read",
    )
    return None


def optional_str(value: object) -> str | None:
    """``None`` for missing or blank values (NaN too), else the value as a string.

    A float with an integral value is written as the integer (``1.0`` -> ``"1"``), so ids
    and references that pandas stored as floats match the integer ids they point to. A JSON
    list or object (a Parquet list or struct) is written as its compact JSON text
    (``["a","b"]``, ``{"a":1}``), never as a Python repr; a boolean as ``True``/``False``.
    """
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, list | tuple | dict):
        # default=str: a value JSON has no form for (Parquet bytes that are not UTF-8).
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def iso_utc(value: object) -> str | None:
    """A Unix time (number or digit string; seconds or milliseconds, from 1980 up to the end
    of 2099: :func:`carelens.timestamps.unix_time`) as ISO-8601 UTC; None when it is not
    one. A string is read exactly, as the insights read it: ASCII digits with an optional
    sign and decimal point only (:func:`~carelens.timestamps.is_number_text`), never
    through a float, which would also take ``1e9`` and ``1_600_000_000``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        stamp = unix_time(value) if is_number_text(value) else None
        return stamp.isoformat() if stamp is not None else None
    if not isinstance(value, int | float):
        return None
    stamp = unix_time(value)
    return stamp.isoformat() if stamp is not None else None


def timestamp_text(value: object) -> str | None:
    """A timestamp as text: a Unix time (seconds or milliseconds, from 1980 up to the end of
    2099) in ISO-8601 UTC, so one time reads alike from every format; any other value kept
    as written (the insights decide what it means: ``20260305`` is a compact date,
    microseconds since 1970 a timestamp that could not be read); None when it is missing
    (null, blank, or a cell such as ``NaN``, ``NaT``, ``NULL`` or ``NA``:
    :func:`~carelens.timestamps.is_missing_text`).

    A number is read as its digits are (:func:`optional_str`: ``20260305.0`` is
    ``20260305``), exactly as the same digits in a CSV cell or a JSON string: a number in a
    form carelens does not read is a timestamp that could not be read, never taken for a
    missing one; a number longer than any time is kept as its start
    (:func:`~carelens.timestamps.number_text`)."""
    text = optional_str(value)
    if text is None or is_missing_text(text):
        return None
    if is_number_text(text):
        return iso_utc(text.strip()) or number_text(text)
    return text

"""What every reader shares: the :class:`Reader` protocol, its context, and streaming helpers.

A reader is a plain function ``read(ctx) -> Iterator[Record]``: it streams one file and yields
each usable :class:`~carelens.types.Turn` (thread formats) or
:class:`~carelens.types.Exchange` (pair formats) together with the physical line where its
record starts. Bad records go to ``ctx.rejects`` and never stop the run; only whole-file
problems (a missing required column, a refused XML prolog) raise
:class:`~carelens.errors.InputError`. The helpers here read files as bytes, line by line,
transparently decompressing ``.zst`` (Zstandard with a 2 GiB window, as real Reddit dumps
need), drop a UTF-8 byte-order mark and decode each line on its own so one bad line is one
reject. Lines are read in bounded chunks: a line longer than :func:`line_limit` bytes is
never held in memory; it is skipped to its newline and given to the reader as a
:class:`LongLine`, which the reader rejects as ``line too long`` before reading on.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol

import zstandard

from carelens.errors import InputError
from carelens.readers import rejects as R
from carelens.readers.rejects import RejectLog
from carelens.types import Exchange, Turn

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

    def reject(
        self, line: int | None, field: str | None, reason: str, detail: str | None = None
    ) -> None:
        """Send one bad record to the reject log, located in this file."""
        self.rejects.add(self.path, line, field, reason, detail=detail)

    @property
    def max_line_bytes(self) -> int:
        """The longest physical line read (see :func:`line_limit`)."""
        return line_limit(self.max_chars)

    def text(self, value: object, line: int | None, field: str) -> str | None:
        """Validate a text value; reject (and return None) if missing, not text or too long."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.reject(line, field, R.MISSING_TEXT)
            return None
        if not isinstance(value, str):
            self.reject(line, field, R.INVALID_VALUE, f"expected a string, got {_kind(value)}")
            return None
        if len(value) > self.max_chars:
            self.reject(
                line, field, R.TEXT_TOO_LONG, f"{len(value)} characters > limit {self.max_chars}"
            )
            return None
        return value

    def ident(self, value: object, line: int | None, field: str) -> str | None:
        """Validate an id (string or integer); reject (and return None) if missing."""
        if isinstance(value, bool) or value is None:
            self.reject(line, field, R.MISSING_ID if value is None else R.INVALID_VALUE)
            return None
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            if value.strip():
                return value
            self.reject(line, field, R.MISSING_ID)
            return None
        self.reject(line, field, R.INVALID_VALUE, f"expected a string id, got {_kind(value)}")
        return None


class Reader(Protocol):
    """A format reader: streams ``ctx.path`` and yields its usable records in file order."""

    def __call__(self, ctx: ReadContext, /) -> Iterator[Record]: ...


def _kind(value: object) -> str:
    return type(value).__name__


@contextmanager
def open_binary(path: Path) -> Iterator[IO[bytes]]:
    """Open ``path`` for binary reading, decompressing ``.zst`` files as a stream."""
    with path.open("rb") as raw:
        if path.suffix.lower() != ".zst":
            yield raw
            return
        dctx = zstandard.ZstdDecompressor(max_window_size=_ZSTD_MAX_WINDOW)
        with dctx.stream_reader(raw) as reader:
            yield io.BufferedReader(reader)


def iter_raw_lines(
    path: Path, *, max_line_bytes: int | None = None
) -> Iterator[tuple[int, bytes | LongLine]]:
    """Yield ``(line_number, bytes)`` for each physical line (1-based), BOM removed.

    A line longer than ``max_line_bytes`` (default :data:`MAX_LINE_BYTES`; newline included)
    is read in bounded chunks to its end and yielded as a :class:`LongLine` instead of its
    bytes, so memory stays bounded by the limit; numbering goes on after it. Raises
    :class:`InputError` for a UTF-16/UTF-32 file (every line would be a reject) or a corrupt
    Zstandard stream.
    """
    limit = MAX_LINE_BYTES if max_line_bytes is None else max_line_bytes
    chunk = max(1, min(_CHUNK_BYTES, limit))
    try:
        with open_binary(path) as fh:
            readline = fh.readline
            number = 0
            while raw := readline(chunk):
                line: bytes | LongLine = raw
                if len(raw) == chunk and not raw.endswith(b"\n"):
                    line = _finish_line(readline, raw, chunk, limit)
                number += 1
                if number == 1:
                    line = _first_line(path, line)
                yield number, line
    except zstandard.ZstdError as exc:
        raise InputError(
            f"cannot decompress the Zstandard stream ({exc}); is the file complete?",
            path=str(path),
        ) from exc


def _finish_line(
    readline: Callable[[int], bytes], start: bytes, chunk: int, limit: int
) -> bytes | LongLine:
    """Read the rest of a line that filled a whole chunk: its bytes, or a LongLine."""
    parts = [start]
    size = len(start)
    while size <= limit:
        more = readline(chunk)
        if not more:
            return b"".join(parts)
        parts.append(more)
        size += len(more)
        if more.endswith(b"\n"):
            if size <= limit:
                return b"".join(parts)
            break
    # Over the limit: drop what was read, skip to the newline counting bytes and quotes.
    head = parts[0][:_HEAD_BYTES]
    quotes = sum(part.count(b'"') for part in parts)
    last = parts[-1]
    del parts
    while not last.endswith(b"\n"):
        last = readline(chunk)
        if not last:
            break
        size += len(last)
        quotes += last.count(b'"')
    if last.endswith(b"\n"):
        size -= 2 if last.endswith(b"\r\n") else 1
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

    An over-long line is rejected as ``line too long`` (field None) and reading goes on.
    """
    for line, raw in iter_raw_lines(ctx.path, max_line_bytes=ctx.max_line_bytes):
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
    """Rename a record's keys from the file's names to canonical names (canonical -> file)."""
    if not column_map:
        return dict(keys)
    reverse = {source: canonical for canonical, source in column_map.items()}
    return {reverse.get(k, k): v for k, v in keys.items()}


def optional_str(value: object) -> str | None:
    """``None`` for missing or blank values, else the value as a string."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if text.strip() else None


def iso_utc(value: object) -> str | None:
    """A Unix time (number or digit string) as ISO-8601 UTC; None when it is not one."""
    if isinstance(value, bool):
        return None
    try:
        seconds = float(value) if isinstance(value, int | float | str) else math.nan
    except (ValueError, OverflowError):  # OverflowError: an int too large for a float
        return None
    if not math.isfinite(seconds):
        return None
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None

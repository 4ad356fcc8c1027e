"""The public reading functions and the reader registry (a plain dict, filled here).

:func:`read_exchanges` gives seeker/response exchanges from any supported file: pair formats
yield their rows as they stream; thread formats are read into an id index, then paired
(:mod:`carelens.readers.pairing`). :func:`read_turns` gives the messages themselves. Both
check the path and the format when called (errors surface before iteration starts); bad
records go to the :class:`RejectLog` and a summary is logged when the read ends. A pipe
(``/dev/stdin``) is read once, as it streams, for every format but ``wxr`` and ``parquet``.
When nothing could be paired, :func:`count_records` reads a file again to tell why: how many
records it holds and how many its reader kept (:func:`records_read` for the command line),
without logging the readers' warnings a second time.
"""

from __future__ import annotations

import logging
import numbers
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from carelens.errors import FormatDetectionError, InputError
from carelens.readers.base import (
    MAX_TEXT_CHARS,
    SUPPORTED_FORMATS,
    ReadContext,
    Reader,
    Record,
    without_long_names,
)
from carelens.readers.delimited import read_csv
from carelens.readers.detect import detect_format
from carelens.readers.jsonl import UTTERANCES, read_convokit, read_jsonl
from carelens.readers.layouts import column_map_problem
from carelens.readers.pairing import note_rejected_turn, pair_records, where_is
from carelens.readers.parquet import read_parquet
from carelens.readers.quoting import quote
from carelens.readers.reddit import read_reddit
from carelens.readers.rejects import DUPLICATE_ID, RejectLog
from carelens.readers.wxr import read_wxr
from carelens.timestamps import parse_timestamp
from carelens.types import Exchange, Turn

logger = logging.getLogger(__name__)

#: Format name -> reader. Plain data: add an entry here to support a new format.
READERS: dict[str, Reader] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "convokit": read_convokit,
    "reddit": read_reddit,
    "wxr": read_wxr,
    "parquet": read_parquet,
}

#: Formats whose reader opens the file more than once (or seeks in it): no pipes.
_SEEKING_FORMATS = ("wxr", "parquet")


def _open(
    path: str | os.PathLike[str],
    format: str | None,
    column_map: Mapping[str, str] | None,
    rejects: RejectLog | None,
    max_chars: int,
) -> tuple[ReadContext, Iterator[Record]]:
    p = Path(path)
    column_map = _checked_column_map(column_map)
    max_chars = _checked_max_chars(max_chars)
    problem = column_map_problem(column_map)
    if problem is not None:
        raise InputError(problem)
    if not p.exists():
        raise InputError("no such file or folder; check the path", path=str(p))
    if format is None:
        format = detect_format(p, column_map=column_map)
    elif format not in READERS:
        raise FormatDetectionError(
            f"unknown format {format!r}; supported formats: {', '.join(SUPPORTED_FORMATS)}",
            path=str(p),
        )
    if p.is_dir() and format != "convokit":
        raise InputError(f"a folder cannot be read as {format}; pass a file", path=str(p))
    if format in _SEEKING_FORMATS and not (p.is_file() or p.is_dir()):
        raise InputError(
            f"{format} input cannot be read from a pipe or other non-regular file (it is "
            "read more than once); save it to a file first",
            path=str(p),
        )
    if format == "convokit" and (p / UTTERANCES).is_file():
        p = p / UTTERANCES  # its lines are that file's: pairing's rejects name it too
    ctx = ReadContext(
        path=p,
        rejects=rejects if rejects is not None else RejectLog(),
        column_map=column_map,
        max_chars=max_chars,
    )
    logger.debug("reading %s as %s", p, format)
    return ctx, without_long_names(ctx, READERS[format](ctx), note_rejected_turn)


def _checked_column_map(column_map: object) -> dict[str, str]:
    """``column_map`` (None: no map) as a dict, checked when a read is asked for rather than
    failing in the middle of it: a TypeError unless it maps names (strings) to names."""
    if column_map is None:
        return {}
    if not isinstance(column_map, Mapping):
        raise TypeError(
            "column_map must be a mapping of field names to the file's names "
            f"({{'speaker': 'author'}}), not {type(column_map).__name__}"
        )
    for name, column in column_map.items():
        if not isinstance(name, str) or not isinstance(column, str):
            raise TypeError(
                "column_map maps field names to the file's names, both strings: "
                f"{name!r}: {column!r} is not"
            )
    return dict(column_map)


def _checked_max_chars(max_chars: object) -> int:
    """``max_chars`` as an int, checked when a read is asked for: a ValueError unless it is a
    whole number of at least 1 (0 would reject every record)."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, numbers.Integral) or max_chars < 1:
        raise ValueError(f"max_chars must be a whole number of at least 1, not {max_chars!r}")
    return int(max_chars)


def read_records(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    rejects: RejectLog | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Iterator[Record]:
    """Stream what the file's reader yields — Exchanges (pair formats) or unpaired Turns
    (thread formats) with their lines — for callers that pair across files themselves
    (``carelens batch``). Arguments as for :func:`read_exchanges`."""
    return _open(path, format, column_map, rejects, max_chars)[1]


#: What a file must hold for pairs to come out of it (the end of :func:`why_no_pairs`' advice).
REPLIES_NEEDED = (
    "the file needs replies: messages that name the one they answer (reply_to, or parent_id "
    "in a thread file), or records that each hold a seeker message and a response (see Input "
    "formats in the README)"
)


def why_no_pairs(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    skipped: Mapping[str, int] | None = None,
) -> str:
    """Why a file that read without a reject gave no pair: every reply was skipped
    (``skipped``, the reasons and counts of :attr:`RejectLog.skipped`: replies to deleted
    posts), its messages answer none of each other, or it holds no message at all. The
    messages are counted by reading the file again, so a pipe is not counted."""
    if skipped:
        listed = ", ".join(
            f"{n:,} {why}" for why, n in sorted(skipped.items(), key=lambda kv: -kv[1])
        )
        return (
            "no message and reply to it is left once the items carelens skips are left out "
            f"({listed})"
        )
    count = count_records(path, format=format, column_map=column_map)
    if count is None:  # a pipe is read only once
        return "no message in the input answers another"
    messages = count.kept
    if messages == 0:
        return "the file holds no message (it is empty, or has only blank lines or a header)"
    held = "its one message opens" if messages == 1 else f"its {messages:,} messages each open"
    why = f"no message in the file answers another ({held} a conversation)"
    if count.reference is not None:
        why += (
            f"; its field {quote(count.reference)} may name the message each answers: read it "
            f"as reply_to with a column map (reply_to={count.reference})"
        )
    return why


@dataclass(frozen=True, slots=True)
class RecordCount:
    """What :func:`count_records` counted in a file."""

    #: The records read: those the reader kept, rejected or skipped.
    read: int
    #: The records the reader kept (a message, or a pair); pairing rejects only these.
    kept: int
    #: A field of a message that answers none, left unread, that may name the message it
    #: answers (``replyTo``, ``in_reply_to``); None when there is none.
    reference: str | None


def count_records(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    rejects: RejectLog | None = None,
) -> RecordCount | None:
    """How many records the file holds and how many its reader kept, by reading it again
    (``rejects`` collects that read's rejects; a private log when None); None for a pipe,
    which is read only once. Tells "every record was rejected" from "some were, and
    the others answer none of each other"."""
    if not Path(path).is_file() and not Path(path).is_dir():
        return None
    log = rejects if rejects is not None else RejectLog()
    before = log.total + sum(log.skipped.values())
    kept = 0
    reference: str | None = None
    with _readers_quiet():  # the first read already logged the file's warnings
        for record in read_records(path, format=format, column_map=column_map, rejects=log):
            kept += 1
            turn = record.item
            if reference is None and isinstance(turn, Turn) and turn.reply_to is None:
                reference = next((key for key in turn.meta if _looks_like_reference(key)), None)
    others = log.total + sum(log.skipped.values()) - before
    return RecordCount(read=kept + others, kept=kept, reference=reference)


@contextmanager
def _readers_quiet() -> Iterator[None]:
    """Leave out the readers' log records below ERROR that this thread makes (a file read
    again only to count it would warn of its Windows-1252 rows, say, a second time); other
    threads' reads (a server's other jobs) log as before."""
    thread = threading.get_ident()

    def other_thread(record: logging.LogRecord) -> bool:
        return record.thread != thread or record.levelno >= logging.ERROR

    # A filter on a logger sees only the records logged there, so every reader's logger
    # gets it (all are imported above).
    loggers = [
        found
        for name, found in list(logging.Logger.manager.loggerDict.items())
        if isinstance(found, logging.Logger)
        and (name == "carelens.readers" or name.startswith("carelens.readers."))
    ]
    for found in loggers:
        found.addFilter(other_thread)
    try:
        yield
    finally:
        for found in loggers:
            found.removeFilter(other_thread)


def records_read(
    input: str | os.PathLike[str], input_format: str | None, column_map: Mapping[str, str]
) -> tuple[int, int] | None:
    """How many records ``input`` holds (kept, rejected or skipped by its reader) and how
    many of them its reader kept (a message, or a pair), by reading it again; None for a
    pipe, which is read only once (:func:`count_records`)."""
    count = count_records(input, format=input_format, column_map=column_map)
    return None if count is None else (count.read, count.kept)


#: Field names (lower case, without ``_``, ``-`` or spaces) that may name the message a
#: message answers, which the turn layouts do not read (``reply_to``, ``reply-to`` and a
#: thread's ``parent_id`` are read).
_REFERENCE_NAMES = frozenset(
    {"replyto", "inreplyto", "replytoid", "inreplytoid", "parent", "parentid", "replyid"}
)


def _looks_like_reference(key: str) -> bool:
    """Whether a field name looks like a reference to the message answered (``replyTo``,
    ``in_reply_to``, ``parentId``)."""
    return "".join(c for c in key.casefold() if c not in "_- ") in _REFERENCE_NAMES


def _summary(ctx: ReadContext, what: str, n: int, before: int) -> None:
    rejected = ctx.rejects.total - before
    level = logging.WARNING if rejected else logging.INFO
    noun = what if n != 1 else what.removesuffix("s")
    records = "record" if rejected == 1 else "records"
    logger.log(level, "%s: %d %s read, %d %s rejected", ctx.path, n, noun, rejected, records)


def read_exchanges(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    rejects: RejectLog | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Iterator[Exchange]:
    """Stream the seeker/response exchanges of a file, in the order responses appear.

    ``format`` forces one of :data:`SUPPORTED_FORMATS` (detected otherwise); ``column_map``
    maps canonical field names to the file's names (csv and tsv, jsonl, convokit and
    parquet; Reddit and WordPress exports, whose fields are fixed, do not read it): a
    TypeError unless it is a mapping of strings to strings, an InputError for a field no
    layout reads; ``rejects`` collects bad records (a private log is used if None); texts
    over ``max_chars`` (a whole number of at least 1, else a ValueError) are rejected. The
    arguments are checked when this is called, before any record is read.
    Rows of pair files are independent judgements, so their ids may repeat (EPITOME has
    repeated ``(sp_id, rp_id)`` rows with different labels): every row is an exchange.
    """
    ctx, records = _open(path, format, column_map, rejects, max_chars)
    return _exchanges(ctx, records)


def _exchanges(ctx: ReadContext, records: Iterator[Record]) -> Iterator[Exchange]:
    before = ctx.rejects.total
    turns: list[Record] = []
    n = 0
    for record in records:
        if isinstance(record.item, Exchange):
            n += 1
            yield record.item
        else:
            turns.append(record)
    if turns:
        for exchange in pair_records(
            turns, rejects=ctx.rejects, source=ctx.path, max_chars=ctx.max_chars
        ):
            n += 1
            yield exchange
    _summary(ctx, "exchanges", n, before)


def read_turns(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    rejects: RejectLog | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Iterator[Turn]:
    """Stream the turns of a file as read (not merged or paired), in file order.

    For thread formats a turn whose id was already seen in its conversation is rejected
    (``duplicate id``: an id names a message within its conversation, as in pairing);
    parents are not checked here (see :func:`read_exchanges`). For pair formats each row
    gives its seeker turn (the first time that id appears) and its response turn, whose
    ``reply_to`` is the seeker id. Arguments as for :func:`read_exchanges`.
    """
    ctx, records = _open(path, format, column_map, rejects, max_chars)
    return _turns(ctx, records)


def _turns(ctx: ReadContext, records: Iterator[Record]) -> Iterator[Turn]:
    before = ctx.rejects.total
    seekers: set[str] = set()
    seen: set[tuple[str | None, str]] = set()
    n = 0
    for line, item in records:
        if isinstance(item, Exchange):
            if item.seeker.id not in seekers:
                seekers.add(item.seeker.id)
                n += 1
                yield item.seeker
            n += 1
            yield item.response
        elif (item.conversation_id, item.id) in seen:
            ctx.reject(line, "id", DUPLICATE_ID, where_is(item))
        else:
            seen.add((item.conversation_id, item.id))
            n += 1
            yield item
    _summary(ctx, "turns", n, before)


#: Field names (lower case, without ``_``, ``-`` or spaces) that may hold a message's time,
#: which the layouts do not read (``timestamp``, and Reddit's ``created_utc``, are read).
_TIME_NAMES = frozenset(
    {
        "createdat",
        "created",
        "createdtime",
        "datecreated",
        "time",
        "date",
        "datetime",
        "sentat",
        "sent",
        "postedat",
        "posted",
        "ts",
        "timestamputc",
        "createdutc",
        "publishedat",
        "updatedat",
    }
)


def time_field(turn: Turn) -> str | None:
    """The field of ``turn.meta`` that may hold its time when it has none (``created_at``,
    ``createdAt``, ``date``): a name that looks like one whose value reads as a time
    (:func:`~carelens.timestamps.parse_timestamp`); None when the turn has a timestamp or
    no such field. A chat export that names its time so leaves every response undated."""
    if turn.timestamp is not None:
        return None
    for key, value in turn.meta.items():
        name = "".join(c for c in key.casefold() if c not in "_- ")
        if name in _TIME_NAMES and parse_timestamp(value) is not None:
            return key
    return None

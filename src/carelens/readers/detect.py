"""Format detection from the file name and a peek at the first bytes or record.

Rules, in order: a folder holding ``utterances.jsonl`` is ``convokit``; ``.csv``/``.tsv`` is
``csv``; ``.xml``/``.wxr`` (or any file starting with ``<``) is ``wxr`` when it is an RSS
document in the WordPress export namespace; JSON files (``.json``, ``.jsonl``, ``.ndjson``,
``.zst`` decompressed, or any file whose first line starts with ``{``) are told apart by the
keys of the first recognised record among the first 50 — pairs, Reddit submissions/comments
or turns (:func:`classify_json_record`); a line that is not JSON, or is nested too deep to
parse, is passed over as the reader will reject it; ``.zst`` falls back to ``reddit``.
``.parquet``/``.pq`` (or a file starting with the ``PAR1`` magic) is ``parquet``. Anything
else is tried as a delimited header, parsed as the CSV reader parses it (quoted names, as R's
``write.csv`` writes them, included). Blank lines before the first line that holds anything
are passed over, as the readers pass them over. A pipe or other non-regular file
(``/dev/stdin``, ``<(...)``) is never peeked at, since it can be read only once: a
``.csv``/``.tsv`` name makes it ``csv``, otherwise the format must be given. Detection that
fails raises :class:`~carelens.errors.FormatDetectionError` listing the supported formats;
its message never quotes what the file holds.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from carelens.errors import FormatDetectionError, InputError
from carelens.readers.base import SUPPORTED_FORMATS, LongLine, apply_column_map, iter_raw_lines
from carelens.readers.delimited import sniff_delimiter
from carelens.readers.jsonl import UTTERANCES
from carelens.readers.layouts import CSV_THREAD_REQUIRED, PAIR_LAYOUTS, pair_layout_for
from carelens.readers.parquet import MAGIC as PARQUET_MAGIC
from carelens.readers.quoting import quote

_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".zst")
_XML_SUFFIXES = (".xml", ".wxr")
_PEEK_LINES = 50
_PEEK_BYTES = 64 * 1024
#: Blank lines read before the first record at most: past them detection gives up (a file of
#: only line breaks, even compressed, would otherwise hold it for minutes).
MAX_BLANK_LINES = 100_000
_SUFFIX_CHARS = 20


def _fail(path: Path, why: str) -> FormatDetectionError:
    return FormatDetectionError(
        f"cannot detect the input format: {why}. Supported formats: "
        f"{', '.join(SUPPORTED_FORMATS)}; pass one with --format.",
        path=str(path),
    )


def detect_format(
    path: str | os.PathLike[str],
    *,
    column_map: Mapping[str, str] | None = None,
    name: str | None = None,
) -> str:
    """Return the format name of ``path``, one of :data:`SUPPORTED_FORMATS`.

    ``column_map`` (canonical name -> the file's name) is applied to the JSON keys or the
    header before they are recognised, as the readers will apply it. ``name`` is the file's
    own name when ``path`` is a copy kept under another (an upload the service stored as
    ``<uuid>-utterances.jsonl``): a file named ``utterances.jsonl`` is a ConvoKit corpus.
    """
    p = Path(path)
    column_map = column_map or {}
    if p.is_dir():
        if (p / UTTERANCES).is_file():
            return "convokit"
        raise _fail(p, f"a folder without {UTTERANCES} (not a ConvoKit corpus)")
    suffix = p.suffix.lower()
    if not p.is_file():
        if not p.exists():
            raise InputError("no such file or folder", path=str(p))
        return _detect_stream(p, suffix)
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".parquet", ".pq") or _starts_with(p, PARQUET_MAGIC):
        return "parquet"
    if (name if name is not None else p.name) == UTTERANCES:
        return "convokit"
    first = _first_line(p)
    if suffix in _XML_SUFFIXES or first.lstrip().startswith("<"):
        return _detect_xml(p)
    if suffix in _JSON_SUFFIXES or first.lstrip().startswith(("{", "[")):
        return _detect_json(p, column_map, fallback="reddit" if suffix == ".zst" else None)
    if not first.strip():
        raise _fail(p, "the file is empty or holds only blank lines")
    header = set(apply_column_map(dict.fromkeys(_header_names(first)), column_map))
    layouts = [layout.columns for layout in PAIR_LAYOUTS] + [CSV_THREAD_REQUIRED]
    if any(header.issuperset(cols) for cols in layouts):
        return "csv"
    extension = quote(suffix, _SUFFIX_CHARS) if suffix else "(none)"
    raise _fail(p, f"unrecognised extension {extension} and content")


def _detect_stream(path: Path, suffix: str) -> str:
    """A pipe or device can be read only once: never peek at it; trust a CSV name only."""
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise FormatDetectionError(
        "cannot detect the format of a pipe or other non-regular file: it can be read only "
        "once, and looking at its start would use it up. Pass the format with --format: "
        f"one of {', '.join(SUPPORTED_FORMATS)}.",
        path=str(path),
    )


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(magic)) == magic


def _first_line(path: Path) -> str:
    """The start of the first line that is not blank ("" when there is none); FormatDetection-
    Error when the first :data:`MAX_BLANK_LINES` lines are all blank."""
    for number, raw in iter_raw_lines(path, on_truncated=_cut_is_the_readers_to_report):
        if isinstance(raw, bytes) and not raw.strip():
            if number >= MAX_BLANK_LINES:
                raise _fail(path, f"its first {MAX_BLANK_LINES:,} lines are blank")
            continue  # blank lines are passed over by the readers too
        head = raw.head if isinstance(raw, LongLine) else raw
        return head[:_PEEK_BYTES].decode("utf-8", "replace")
    return ""


def _header_names(line: str) -> list[str]:
    """The column names of a header line, parsed as the CSV reader parses it (quotes
    removed); none when it cannot be parsed (a quote left open by a cut line, say)."""
    try:
        row = next(csv.reader([line], delimiter=sniff_delimiter(line)), [])
    except csv.Error:
        return []
    return [name.strip() for name in row]


def _cut_is_the_readers_to_report(line: int, detail: str) -> None:
    """A cut ``.zst`` file is detected from what it holds; the read rejects the cut."""


def _detect_xml(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(_PEEK_BYTES).decode("utf-8", "replace")
    if "<rss" in head and "wordpress.org/export/" in head:
        return "wxr"
    raise _fail(path, "an XML file that is not a WordPress WXR export")


def _detect_json(path: Path, column_map: Mapping[str, str], *, fallback: str | None) -> str:
    seen = 0
    for line_number, raw in iter_raw_lines(path, on_truncated=_cut_is_the_readers_to_report):
        if isinstance(raw, LongLine):
            seen += 1  # too long to parse (the reader will reject it): look further
            continue
        if not raw.strip():
            if line_number - seen >= MAX_BLANK_LINES:
                break  # nothing but blank lines for long: as if the file ended here
            continue
        seen += 1
        if seen > _PEEK_LINES:
            break
        try:
            obj = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # malformed (or nested too deep to parse): the reader rejects it
        if isinstance(obj, list):
            raise _fail(path, "a JSON array; write one JSON object per line (JSON Lines)")
        if isinstance(obj, dict):
            kind = classify_json_record(apply_column_map(obj, column_map))
            if kind is not None:
                return kind  # else an unrecognised record (the reader rejects it): look on
    if fallback is not None:
        return fallback
    if seen == 0:
        return "jsonl"  # an empty JSON Lines file: reading it gives nothing
    raise _fail(path, "no JSON record with recognised fields in the first lines")


def classify_json_record(obj: Mapping[str, Any]) -> str | None:
    """``reddit``, ``jsonl`` or None for one JSON record, from its keys.

    A record with a pair layout's two text fields is ``jsonl`` whatever else it carries (a
    ``subreddit`` column is common in pair files); Reddit needs a comment's ``body`` and
    ``parent_id`` or a submission's ``selftext``; a record with ``id`` (or a thread's
    ``message_id``) and ``text`` is ``jsonl`` turns (Reddit records have no ``text``); last,
    a link submission has ``title`` and ``subreddit``. ``subreddit`` alone decides nothing.
    """
    if pair_layout_for(obj) is not None:
        return "jsonl"
    if ("body" in obj and "parent_id" in obj) or "selftext" in obj:
        return "reddit"
    if ("id" in obj or "message_id" in obj) and "text" in obj:
        return "jsonl"
    if "title" in obj and "subreddit" in obj:
        return "reddit"
    return None

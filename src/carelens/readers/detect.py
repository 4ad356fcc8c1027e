"""Format detection from the file name and a peek at the first bytes or record.

Rules, in order: a folder holding ``utterances.jsonl`` is ``convokit``; ``.csv``/``.tsv`` is
``csv``; ``.xml``/``.wxr`` (or any file starting with ``<``) is ``wxr`` when it is an RSS
document in the WordPress export namespace; JSON files (``.json``, ``.jsonl``, ``.ndjson``,
``.zst`` decompressed, or any file whose first line starts with ``{``) are told apart by the
keys of the first valid record — Reddit submissions/comments, pairs or turns; ``.zst`` falls
back to ``reddit``. ``.parquet``/``.pq`` (or a file starting with the ``PAR1`` magic) is
``parquet``. Anything else is tried as a delimited header. Detection that fails raises
:class:`~carelens.errors.FormatDetectionError` listing the supported formats.
"""

from __future__ import annotations

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

_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson", ".zst")
_XML_SUFFIXES = (".xml", ".wxr")
_PEEK_LINES = 50
_PEEK_BYTES = 64 * 1024


def _fail(path: Path, why: str) -> FormatDetectionError:
    return FormatDetectionError(
        f"cannot detect the input format: {why}. Supported formats: "
        f"{', '.join(SUPPORTED_FORMATS)}; pass one with --format (format=...).",
        path=str(path),
    )


def detect_format(
    path: str | os.PathLike[str], *, column_map: Mapping[str, str] | None = None
) -> str:
    """Return the format name of ``path``, one of :data:`SUPPORTED_FORMATS`.

    ``column_map`` (canonical name -> the file's name) is applied to the JSON keys or the
    header before they are recognised, as the readers will apply it.
    """
    p = Path(path)
    column_map = column_map or {}
    if p.is_dir():
        if (p / UTTERANCES).is_file():
            return "convokit"
        raise _fail(p, f"a folder without {UTTERANCES} (not a ConvoKit corpus)")
    if not p.is_file():
        raise InputError("no such file or folder", path=str(p))
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".parquet", ".pq") or _starts_with(p, PARQUET_MAGIC):
        return "parquet"
    if p.name == UTTERANCES:
        return "convokit"
    first = _first_line(p)
    if suffix in _XML_SUFFIXES or first.lstrip().startswith("<"):
        return _detect_xml(p)
    if suffix in _JSON_SUFFIXES or first.lstrip().startswith(("{", "[")):
        return _detect_json(p, column_map, fallback="reddit" if suffix == ".zst" else None)
    if not first.strip():
        raise _fail(p, "the file is empty or starts with a blank line")
    columns = [h.strip() for h in first.strip().split(sniff_delimiter(first))]
    header = set(apply_column_map(dict.fromkeys(columns), column_map))
    layouts = [layout.columns for layout in PAIR_LAYOUTS] + [CSV_THREAD_REQUIRED]
    if any(header.issuperset(cols) for cols in layouts):
        return "csv"
    raise _fail(p, f"unrecognised extension {suffix or '(none)'!r} and content")


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(magic)) == magic


def _first_line(path: Path) -> str:
    for _, raw in iter_raw_lines(path):
        head = raw.head if isinstance(raw, LongLine) else raw
        return head[:_PEEK_BYTES].decode("utf-8", "replace")
    return ""


def _detect_xml(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(_PEEK_BYTES).decode("utf-8", "replace")
    if "<rss" in head and "wordpress.org/export/" in head:
        return "wxr"
    raise _fail(path, "an XML file that is not a WordPress WXR export")


def _detect_json(path: Path, column_map: Mapping[str, str], *, fallback: str | None) -> str:
    seen = 0
    for _, raw in iter_raw_lines(path):
        if isinstance(raw, LongLine):
            seen += 1  # too long to parse (the reader will reject it): look further
            continue
        if not raw.strip():
            continue
        seen += 1
        if seen > _PEEK_LINES:
            break
        try:
            obj = json.loads(raw)
        except ValueError:
            continue
        if isinstance(obj, list):
            raise _fail(path, "a JSON array; write one JSON object per line (JSON Lines)")
        if isinstance(obj, dict):
            kind = classify_json_record(apply_column_map(obj, column_map))
            if kind is not None:
                return kind
            break
    if fallback is not None:
        return fallback
    if seen == 0:
        return "jsonl"  # an empty JSON Lines file: reading it gives nothing
    raise _fail(path, "no JSON record with recognised fields in the first lines")


def classify_json_record(obj: Mapping[str, Any]) -> str | None:
    """``reddit``, ``jsonl`` or None for one JSON record, from its keys."""
    if ("body" in obj and "parent_id" in obj) or "selftext" in obj or "subreddit" in obj:
        return "reddit"
    if pair_layout_for(obj) is not None or ("id" in obj and "text" in obj):
        return "jsonl"
    return None

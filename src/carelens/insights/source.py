"""Where the insights' records come from: a result file, or a conversation file analysed now.

``carelens report`` and ``carelens summarize`` accept either what ``carelens analyze`` wrote
(JSON Lines, CSV or Parquet results) or a conversation file in any input format, which is
then analysed in memory first. :func:`is_result_file` tells them apart by content: a result
file's first record (or CSV header) carries the response id and per-dimension levels. The
output folder of ``carelens batch`` is read as results too: its parts, in order, once its
``manifest.json`` says the run is complete. An unfinished one (``_work/plan.json`` and no
manifest yet, or parts with neither) is an error that says so, not a conversation folder.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from carelens.errors import InputError
from carelens.output import read_results
from carelens.output.files import first_line, is_result_header
from carelens.output.records import (
    OUTPUT_FORMATS,
    require_pyarrow,
)
from carelens.output.run import Analyzer, analysed_chunks
from carelens.readers import RejectLog, read_exchanges
from carelens.types import JsonDict

#: Reads of the first line of a file to tell results from conversations.
_PEEK_BYTES = 1 << 20


#: The file that marks a ``carelens batch`` output folder (see :mod:`carelens.batch.outputs`).
BATCH_MANIFEST = "manifest.json"
#: The plan of an unfinished ``carelens batch`` run, under its output folder.
BATCH_PLAN = Path("_work", "plan.json")


def batch_parts(path: str | os.PathLike[str]) -> list[Path] | None:
    """The part files of a finished ``carelens batch`` output folder; None if it is not one.

    An unfinished run (no complete manifest) is an error that says to finish it first.
    """
    p = Path(path)
    if not p.is_dir():
        return None
    manifest = p / BATCH_MANIFEST
    if not manifest.is_file():
        if (p / BATCH_PLAN).is_file():
            raise InputError(
                "unfinished batch run: run the same `carelens batch` command again to finish it",
                path=str(p),
            )
        part = next(p.glob("part-*.parquet"), None)
        if part is not None:
            raise InputError(
                f"batch output parts with no {BATCH_MANIFEST} (an unfinished run whose plan "
                f"is gone): run `carelens batch` again into a new folder, or read one part "
                f"at a time ({part})",
                path=str(p),
            )
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        parts = [p / str(part["file"]) for part in data["parts"]] if data["complete"] else None
    except (ValueError, KeyError, TypeError):
        parts = None
    if parts is None:
        raise InputError(
            "this batch output is unfinished or its manifest is damaged; run the same "
            "`carelens batch` command again to finish it",
            path=str(p),
        )
    return parts


def batch_part_records(
    path: str | os.PathLike[str], *, rejects: RejectLog | None = None
) -> Iterator[JsonDict]:
    """The records of one part (a Parquet file) of a ``carelens batch`` output, in order:
    read and checked as :func:`~carelens.output.read_results` reads a result file, except
    that a record repeating another's seeker and response ids is kept: in a batch output it
    is another input pair (see the module docstring)."""
    return read_results(path, rejects=rejects, keep_repeats=True)


def is_result_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds ``carelens analyze`` results rather than conversations."""
    p = Path(path)
    if not p.is_file():
        return False
    suffix = p.suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        return False
    if suffix == ".parquet":
        pa = require_pyarrow()
        try:
            header = pa.parquet.read_schema(p).names
        except (OSError, pa.ArrowException):
            return False  # not readable Parquet: the readers say so
        return is_result_header(header)
    first = first_line(p, _PEEK_BYTES)
    if suffix == ".csv":
        return is_result_header(next(csv.reader([first]), []))
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(record, dict)
        and "response_id" in record
        and any(isinstance(v, dict) and "level" in v for v in record.values())
    )


def analysed_records(
    path: str | os.PathLike[str],
    analyzer: Analyzer,
    *,
    format: str | None = None,
    rejects: RejectLog | None = None,
    chunk_size: int = 256,
    progress: Callable[[int], None] | None = None,
) -> Iterator[JsonDict]:
    """Analyse the conversation file ``path`` and yield its result records, in input order."""
    exchanges = read_exchanges(path, format=format, rejects=rejects or RejectLog())
    for chunk, records in analysed_chunks(analyzer, exchanges, chunk_size=chunk_size):
        yield from records
        if progress is not None:
            progress(len(chunk))


def records_from(
    path: str | os.PathLike[str],
    analyzer: Callable[[], Analyzer],
    *,
    format: str | None = None,
    rejects: RejectLog | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[JsonDict]:
    """The result records of ``path``: read back if it is a result file or a batch output
    (every record of every part, see the module docstring), else analysed.

    ``analyzer`` is called (once) only when the file has to be analysed. Bad records — of a
    result file too: damaged lines, wrong types, a last line cut short — are listed in
    ``rejects`` (file, line, field, reason) and skipped; without ``rejects`` a bad record
    of a result file is an InputError.
    """
    parts = batch_parts(path) if format is None else None
    read = batch_part_records
    if parts is None and format is None and is_result_file(path):
        parts, read = [Path(path)], read_results
    if parts is not None:
        n = 0
        for part in parts:
            for record in read(part, rejects=rejects):
                n += 1
                if progress is not None and n % 1024 == 0:
                    progress(1024)
                yield record
        return
    yield from analysed_records(path, analyzer(), format=format, rejects=rejects, progress=progress)

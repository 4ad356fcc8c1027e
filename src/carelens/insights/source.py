"""Where the insights' records come from: a result file, or a conversation file analysed now.

``carelens report`` and ``carelens summarize`` accept either what ``carelens analyze`` wrote
(JSON Lines, CSV or Parquet results) or a conversation file in any input format, which is
then analysed in memory first. :func:`is_result_file` tells them apart by content: a result
file's first record that can be read (or CSV header) carries the response id and
per-dimension levels. Blank lines before it are passed over, and so are damaged JSON Lines
records (a first line cut short), which reading then lists in the rejects like any other;
only the first :data:`_PEEK_LINES` lines are looked at (a record over 1 MiB is judged by
its leading fields, or read whole within the readers' line limit). A CSV result file with
blank lines before its header is told apart too, but :func:`~carelens.output.read_results`
takes a CSV file's first line as its header, so reading it is refused with what to do. The
output folder of ``carelens batch`` is read as results too: its parts, in order, once its
``manifest.json`` says the run is complete. An unfinished one (``_work/plan.json`` and no
manifest yet, or parts with neither) is an error that says so, not a conversation folder.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from carelens.errors import InputError
from carelens.output import read_results
from carelens.output.files import OnRejected, first_filled_line, is_result_header, leading_fields
from carelens.output.records import (
    OUTPUT_FORMATS,
    require_pyarrow,
)
from carelens.output.run import Analyzer, analysed_chunks
from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import line_limit
from carelens.readers.helpers import HelperPatterns
from carelens.types import Exchange, JsonDict

#: How much of a file's first line is read first to tell results from conversations. A
#: longer first line is read whole (up to the readers' line limit) only when its start does
#: not show it: ``carelens analyze`` writes the ids and levels before the texts.
_PEEK_BYTES = 1 << 20
#: A UTF-8 byte-order mark (some Windows editors begin a file with one).
_BOM = codecs.BOM_UTF8
#: How many lines at a file's start are looked at for its first readable record (blank and
#: damaged lines are passed over), so that telling a file apart stays quick.
_PEEK_LINES = 20


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
    path: str | os.PathLike[str],
    *,
    rejects: RejectLog | None = None,
    on_rejected: OnRejected | None = None,
) -> Iterator[JsonDict]:
    """The records of one part (a Parquet file) of a ``carelens batch`` output, in order:
    read and checked as :func:`~carelens.output.read_results` reads a result file, except
    that a record repeating another's seeker and response ids is kept: in a batch output it
    is another input pair (see the module docstring)."""
    return read_results(path, rejects=rejects, keep_repeats=True, on_rejected=on_rejected)


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
    if suffix == ".csv":
        return is_result_header(_csv_header(p))
    return _is_result_jsonl(p)


def _csv_header(path: Path) -> list[str]:
    """The cells of the CSV file ``path``'s header: its first line that is not blank nor a
    spreadsheet's row of empty cells (``,,,``), as the conversation reader finds its header
    (:func:`~carelens.output.files.first_filled_line`; within :data:`_PEEK_LINES` lines, at
    most :data:`_PEEK_BYTES` of it)."""
    line = first_filled_line(path, max_lines=_PEEK_LINES, max_bytes=_PEEK_BYTES)
    return next(csv.reader([line]), []) if line else []


def _is_result_jsonl(path: Path) -> bool:
    """Whether the first readable record of the JSON Lines file ``path`` is a result record.

    Blank lines and lines that are not a JSON object (a first record cut short) are passed
    over, up to :data:`_PEEK_LINES` lines; a damaged line whose complete leading fields show
    a result record counts as one. A line longer than :data:`_PEEK_BYTES` (a long text in
    it) is not parsed whole at first: the fields complete before the cut decide when they
    show a result record, else the line is read whole. All the lines looked at together are
    read up to the readers' line limit (32 MB by default, see
    :func:`carelens.readers.base.line_limit`), so memory and time stay bounded.
    """
    budget = line_limit()
    with path.open("rb") as fh:
        for number in range(_PEEK_LINES):
            line = fh.readline(min(_PEEK_BYTES, budget))
            budget -= len(line)
            if number == 0:
                line = line.removeprefix(_BOM)
            if not line:
                return False  # the end of the file, or of what is looked at
            verdict = _judge_line(line)
            if verdict is None and not line.endswith(b"\n") and budget > 0:
                rest = fh.readline(budget)  # the line goes on past the peek
                budget -= len(rest)
                line += rest
                verdict = _judge_line(line)
            if verdict is not None:
                return verdict
            if not line.endswith(b"\n"):
                return False  # a last line, or one too long to look at
    return False


def _judge_line(line: bytes) -> bool | None:
    """Whether a JSON Lines line holds a result record; None when it says nothing: blank,
    or no JSON object (damaged, or cut) whose leading fields show one."""
    text = line.decode("utf-8", "replace")
    if not text.strip():
        return None
    record = _json_object(text)
    if record is not None:
        return _is_result_record(record)
    return True if _is_result_record(leading_fields(text)) else None


def _json_object(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested too deep
        return None
    return value if isinstance(value, dict) else None


def _is_result_record(record: Mapping[str, Any] | None) -> bool:
    """A result record carries its response id and per-dimension levels."""
    return (
        record is not None
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
    helpers: HelperPatterns | None = None,
    left_out: OnRejected | None = None,
) -> Iterator[JsonDict]:
    """Analyse the conversation file ``path`` and yield its result records, in input order;
    with ``helpers``, only the exchanges whose response is a helper's (``left_out`` sees the
    speakers of each other one: ``speaker`` and ``seeker_speaker``)."""
    exchanges: Iterable[Exchange] = read_exchanges(
        path, format=format, rejects=rejects or RejectLog()
    )
    if helpers:

        def leave(exchange: Exchange) -> None:
            if left_out is not None:
                seeker, response = exchange.seeker, exchange.response
                left_out({"speaker": response.speaker, "seeker_speaker": seeker.speaker})

        exchanges = helpers.keep(exchanges, leave)
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
    on_rejected: OnRejected | None = None,
    helpers: HelperPatterns | None = None,
    left_out: OnRejected | None = None,
) -> Iterator[JsonDict]:
    """The result records of ``path``: read back if it is a result file or a batch output
    (every record of every part, see the module docstring), else analysed.

    ``analyzer`` is called (once) only when the file has to be analysed. Bad records — of a
    result file too: damaged lines, wrong types, a last line cut short — are listed in
    ``rejects`` (file, line, field, reason) and skipped; without ``rejects`` a bad record
    of a result file is an InputError. ``on_rejected`` is called with the fields of each
    rejected record of a result file or batch output that can still be read
    (:func:`~carelens.output.read_results` says which), such as
    :class:`~carelens.insights.anonymize.RejectedNames`; the bad records of a conversation
    file give none. With ``helpers`` (``--helper`` patterns) only the responses of those
    speakers are yielded (a conversation file's others are not analysed at all), and
    ``left_out`` is called with each other record (its speaker fields, for one analysed).
    """
    parts = batch_parts(path) if format is None else None
    read = batch_part_records
    if parts is None and format is None and is_result_file(path):
        parts, read = [Path(path)], read_results
    if parts is not None:
        n = 0
        for part in parts:
            for record in read(part, rejects=rejects, on_rejected=on_rejected):
                n += 1
                if progress is not None and n % 1024 == 0:
                    progress(1024)
                speaker = record.get("speaker")
                if helpers and not helpers.matches(None if speaker is None else str(speaker)):
                    if left_out is not None:
                        left_out(record)
                    continue
                yield record
        return
    yield from analysed_records(
        path,
        analyzer(),
        format=format,
        rejects=rejects,
        progress=progress,
        helpers=helpers,
        left_out=left_out,
    )

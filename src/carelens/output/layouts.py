"""What a result file looks like: whether a file holds results at all, and whether its
records are of the layout this carelens writes.

:func:`holds_results` is the one test that ``carelens batch``, ``summarize`` and ``report``
share to tell a result file from a conversation file: a CSV or Parquet header of result
columns (:func:`is_result_header`, this carelens's layout or an older one's), or a first JSON
Lines record that is a result record of any layout (:func:`is_result_record`), looked for in
a bounded start of the file (:func:`first_filled_line`, and :func:`leading_fields` for a long
or damaged line). Resuming an output insists on exactly this model's layout, the fields
(JSON Lines keys, :func:`record_fields`) or columns this carelens writes, and names those
that differ (:func:`other_layout`).
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import IO, Any

from carelens.errors import MissingExtraError
from carelens.output.records import (
    ID_FIELDS,
    OUTPUT_FORMATS,
    TEXT_FIELDS,
    flat_dimensions,
    require_pyarrow,
)
from carelens.readers.base import line_limit
from carelens.readers.delimited import blank_row
from carelens.types import N_LEVELS

#: A UTF-8 byte-order mark (a file saved by some Windows editors starts with one).
BOM = codecs.BOM_UTF8
#: How many missing (or unknown) fields a refused resume names before "and N more".
_NAMED_FIELDS = 4


def is_result_header(columns: Sequence[str]) -> bool:
    """Whether ``columns`` is the header of a flat (CSV or Parquet) result file, this or an
    older layout: ids, and per dimension its level, probabilities and spans."""
    names = set(columns)
    dims = flat_dimensions(columns)
    return (
        len(names) == len(columns)
        and {"seeker_id", "response_id"} <= names
        and bool(dims)
        and all({f"{d}_spans", *(f"{d}_p{k}" for k in range(N_LEVELS))} <= names for d in dims)
    )


def record_fields(dimensions: Sequence[str]) -> list[str]:
    """The fields every JSON Lines record of this carelens has for ``dimensions``, in order:
    ``unsafe`` among them (null where the analysis did not look for unsafe wording, so a
    record without it is an older carelens's, whose other records were never checked);
    besides them a record has those of :data:`~carelens.types.ANALYSIS_FIELDS` its analysis
    provides (:func:`~carelens.output.records.result_record`)."""
    return [*ID_FIELDS, *dimensions, "unsafe", *TEXT_FIELDS, "model"]


def is_result_record(record: object) -> bool:
    """Whether ``record`` is a result record of some layout (this carelens's, an older one's,
    another model's): an object with the two ids and at least one dimension's score."""
    return (
        isinstance(record, dict)
        and {"seeker_id", "response_id"} <= record.keys()
        and any(
            isinstance(v, dict) and {"level", "probabilities"} <= v.keys() for v in record.values()
        )
    )


#: How much of a line :func:`holds_results` reads first: a longer one (a long text in the
#: first record) is read whole, up to the readers' line limit, only when its start does not
#: show a result record (``carelens analyze`` writes the ids and scores before the texts).
PEEK_BYTES = 1 << 20
#: How many lines at a file's start :func:`holds_results` looks at for its first record that
#: can be read (or CSV header): blank and damaged lines are passed over.
PEEK_LINES = 20


def holds_results(path: str | os.PathLike[str]) -> bool:
    """Whether the file ``path`` holds carelens results rather than conversations: the one
    test that ``carelens batch`` (a result file in an input folder is left out) and
    ``summarize`` and ``report`` (a result file is read back, not analysed) share.

    A CSV or Parquet file holds results when its header is a result header
    (:func:`is_result_header`; a CSV file's first line that is not blank nor a row of empty
    cells, :func:`first_filled_line`), a JSON Lines file when its first record that can be
    read is a result record, of this carelens's layout or an older one's, any model's: both
    ids and a dimension's level and probabilities (:func:`jsonl_holds_results`, which passes
    over blank and damaged lines). Only the first :data:`PEEK_LINES` lines are looked at. A
    file of another name, that is not a regular file (a pipe is read only once) or that
    cannot be read holds none."""
    p = Path(path)
    fmt = OUTPUT_FORMATS.get(p.suffix.lower())
    try:
        if fmt is None or not p.is_file():
            return False
        if fmt == "parquet":
            pa = require_pyarrow()
            try:
                return is_result_header(pa.parquet.read_schema(p).names)
            except pa.ArrowException:
                return False  # not readable Parquet: the readers say so
        if fmt == "csv":
            first = first_filled_line(p, max_lines=PEEK_LINES, max_bytes=PEEK_BYTES)
            return is_result_header(next(csv.reader([first]), []))
        with p.open("rb") as fh:
            return jsonl_holds_results(fh)
    except (OSError, MissingExtraError):
        return False


def jsonl_holds_results(fh: IO[bytes]) -> bool:
    """Whether the first record of the JSON Lines stream ``fh`` that can be read is a result
    record (:func:`holds_results`).

    Blank lines and lines that are not a JSON object (a first record cut short) are passed
    over, up to :data:`PEEK_LINES` lines; a damaged line whose complete leading fields show
    a result record counts as one. A line longer than :data:`PEEK_BYTES` is not parsed whole
    at first: the fields complete before the cut decide when they show a result record,
    else the line is read whole. All the lines looked at together are read up to the
    readers' line limit (:func:`~carelens.readers.base.line_limit`), so memory and time stay
    bounded.
    """
    budget = line_limit()
    for number in range(PEEK_LINES):
        line = fh.readline(min(PEEK_BYTES, budget))
        budget -= len(line)
        if number == 0:
            line = line.removeprefix(BOM)
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
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested too deep
        value = None
    if isinstance(value, dict):
        return is_result_record(value)
    return True if is_result_record(leading_fields(text)) else None


def other_layout(
    kind: str, found: Sequence[str], wanted: Sequence[str], *, optional: Collection[str] = ()
) -> str | None:
    """Why an existing output whose records have the ``found`` fields (or columns: ``kind``)
    cannot be resumed by a run that writes ``wanted`` (and, where its analysis has them,
    ``optional``, in any order), or None when they agree: one wording for every format,
    naming a few of the fields missing and of those this carelens does not write."""
    missing = [name for name in wanted if name not in found]
    unknown = [name for name in found if name not in wanted and name not in optional]
    if missing or unknown:
        said = [
            f"{what} {_some(names)}"
            for what, names in (("missing", missing), ("not written by this run:", unknown))
            if names
        ]
        differs = "; ".join(said)
    elif not optional and list(found) != list(wanted):
        differs = "the same ones in another order"
    else:
        return None
    return (
        f"the output already exists with other {kind} (another model's, or an older "
        f"carelens's): {differs}; pass --overwrite to replace it or choose a new output path"
    )


def _some(names: Sequence[str]) -> str:
    """The first :data:`_NAMED_FIELDS` of ``names``, and how many more there are."""
    shown = ", ".join(names[:_NAMED_FIELDS])
    more = len(names) - _NAMED_FIELDS
    return f"{shown} and {more} more" if more > 0 else shown


def first_filled_line(path: Path, *, max_lines: int | None = None, max_bytes: int = -1) -> str:
    """The first line of ``path`` that is not blank nor a spreadsheet's row of empty cells
    (:func:`~carelens.readers.delimited.blank_row`, as the CSV reader passes over before its
    header), as text (a byte-order mark left out); "" when there is none. With ``max_lines``
    only that many lines are looked at, and with ``max_bytes`` at most that much of each is
    read."""
    with path.open("rb") as fh:
        number = 0
        while max_lines is None or number < max_lines:
            raw = fh.readline(max_bytes)
            if not raw:
                break
            if number == 0:
                raw = raw.removeprefix(BOM)
            number += 1
            if not blank_row(raw):
                return raw.decode("utf-8", "replace")
    return ""


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\r\n]*")


def leading_fields(text: str) -> dict[str, Any]:
    """The top-level fields of the JSON object that ``text`` begins, up to the first that is
    cut short or malformed: what the start of a long or damaged line shows without reading
    it all (a field is taken only when its key and value are whole JSON)."""
    fields: dict[str, Any] = {}
    at = _skip_space(text, 0)
    if not text.startswith("{", at):
        return fields
    at += 1
    while True:
        try:
            key, at = _DECODER.raw_decode(text, _skip_space(text, at))
            at = _skip_space(text, at)
            if not isinstance(key, str) or not text.startswith(":", at):
                return fields
            value, at = _DECODER.raw_decode(text, _skip_space(text, at + 1))
        except (ValueError, RecursionError):
            return fields
        fields[key] = value
        at = _skip_space(text, at)
        if not text.startswith(",", at):
            return fields
        at += 1


def _skip_space(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return at if match is None else match.end()

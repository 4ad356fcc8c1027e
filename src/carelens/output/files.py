"""Result files on disk: reading them back, appending to them, resuming them.

:class:`ResultWriter` appends records a chunk at a time and flushes each chunk. When the file
already exists it is resumed: the complete records at its start are counted (a line cut by
an interruption is dropped), their ids and the digests of their input texts
(:mod:`carelens.output.digests`, ``OUT.digests``) are checked against the first input
exchanges, and new records are appended after them. Where results depend on the other pairs
of their chunk (a batch size above 1), whole chunks are kept and the records after the last
are dropped and analysed again, so a resumed output equals an uninterrupted one. Parquet
cannot be appended to, so a Parquet output is built as JSON Lines in
``OUT.parquet.partial.jsonl`` and converted by :meth:`ResultWriter.finish`.

An output named by a symbolic link is written where the link points (:func:`written_path`,
resolved once, before anything is written): the link is kept, and the files kept beside the
output (``OUT.lock``, ``OUT.options.json``, ``OUT.digests``, ``OUT.parquet.partial.jsonl``)
are those beside its target, whichever name a run is given. While a run writes an output it
holds :func:`hold_output_locks`: the lock files of every file it writes, and a lock on each
of them that exists, so that a second run is refused whether it names the output, its
Parquet staging file, a link to it or another name of the same file (a hard link). A write
that fails (a full disk, a file size limit) is an InputError naming the file and the cause
in words (:func:`failure_cause`), and how many results are kept for a re-run to resume.

What a record holds besides the analysis depends on how the run was asked to write it
(:class:`~carelens.output.options.RecordOptions`: ``--no-text``, ``--redact``, the model,
``--helper``). The writer keeps them beside the output in ``OUT.options.json`` and refuses
to resume an output written otherwise (:mod:`carelens.output.options` says how an older
output, without that file or without the model's fingerprint in it, is judged); it never
writes them over the kept file of an output it resumes.

:func:`read_results` reads any finished (or interrupted) result file back. It is more lenient
than resuming: a CSV header from an older carelens (fewer columns) is read by its own names,
and a JSON Lines record may lack a dimension the first one has (results merged from runs of
different models); resuming insists on exactly this model's layout, the fields (JSON Lines
keys) or columns this carelens writes, and names those that differ (:func:`other_layout`).
Given the output folder of a finished ``carelens batch`` run, it reads the records of its
parts, in order, as ``carelens summarize`` does.

CSV cells are quoted when they hold a carriage return (the writer ends rows with ``\n``, so
the csv module alone would leave a lone ``\r`` bare, and no CSV reader could read the row
back); files written before that are read by parking a lone ``\r`` while a row is parsed.
A text cell that a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return), or that begins with an apostrophe, is written with an
apostrophe before it (:func:`~carelens.output.spreadsheet.spreadsheet_safe`), and one
leading apostrophe is dropped again from every cell read back, so texts round-trip exactly.
"""

from __future__ import annotations

import codecs
import csv
import errno
import json
import logging
import os
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import IO, Any, NoReturn

from carelens.errors import InputError, MissingExtraError
from carelens.locks import hold_file_lock, hold_lock, lock_open_file
from carelens.output.batch_parts import batch_parts
from carelens.output.digests import TextDigests, digests_path
from carelens.output.options import (
    RecordOptions,
    ResumeCheck,
    options_path,
    read_options,
    write_options,
)
from carelens.output.records import (
    ID_FIELDS,
    LIST_COLUMNS,
    OUTPUT_FORMATS,
    TEXT_FIELDS,
    FieldError,
    check_result_record,
    flat_columns,
    flat_dimensions,
    flatten_record,
    output_format,
    parquet_schema,
    require_pyarrow,
    unflatten_row,
)
from carelens.output.spreadsheet import safe_cell, spreadsheet_text
from carelens.readers.base import line_limit
from carelens.readers.delimited import allow_large_csv_fields, blank_cells, blank_row
from carelens.readers.rejects import (
    DUPLICATE_ID,
    INVALID_UTF8,
    INVALID_VALUE,
    MALFORMED_JSON,
    MISSING_ID,
    NOT_AN_OBJECT,
    TRUNCATED_FILE,
    WRONG_FIELD_COUNT,
    RejectLog,
)
from carelens.types import ANALYSIS_FIELDS, N_LEVELS, Exchange, JsonDict

logger = logging.getLogger(__name__)

#: Suffix of the JSON Lines file a Parquet output is built in.
PARTIAL_SUFFIX = ".partial.jsonl"
#: Suffix of the lock file a run holds while it writes an output (:func:`lock_path`).
LOCK_SUFFIX = ".lock"
#: Suffix of the rejects file ``carelens analyze -o OUT`` writes without ``--rejects``.
DEFAULT_REJECTS_SUFFIX = ".rejects.jsonl"
#: Rows of a Parquet result file read at a time.
ROWS_PER_BATCH = 1024
#: How every JSON Lines record begins (``result_record`` puts ``seeker_id`` first).
_JSONL_RECORD_START = b'{"seeker_id": '
#: A UTF-8 byte-order mark (a file saved by some Windows editors starts with one).
_BOM = codecs.BOM_UTF8
#: A carriage return that does not end a line, and the noncharacter it is parked as while
#: an older, unquoted CSV row is parsed.
_LONE_CR = re.compile("\r(?!\n)")
_PARKED_CR = "\uffff"

#: Called with the fields of a record that :func:`read_results` rejects (see there).
OnRejected = Callable[[Mapping[str, object]], None]
#: How many missing (or unknown) fields a refused resume names before "and N more".
_NAMED_FIELDS = 4


def written_path(output: str | os.PathLike[str]) -> Path:
    """The file the results of ``output`` are written to: ``output`` itself, or, when it is
    a symbolic link, the file it points to (made there when missing; through every link
    of a chain). A run resolves its output once, before anything is written, so the link
    is kept: ``--overwrite`` and a Parquet output replace its target, never the link. The
    format stays the one the name given says: a link to a file whose name gives another
    format (or none) is an InputError."""
    p = Path(output)
    if not p.is_symlink():
        return p
    target = _followed(p)
    try:
        same = output_format(target) == output_format(p)
    except InputError:
        same = False
    if not same:
        raise InputError(
            f"a symbolic link to {target}, a file named for another format; results are "
            "written where the link points, so link to a file whose name ends like the "
            "link's, or name that file",
            path=str(p),
        )
    return target


def _followed(path: Path) -> Path:
    """``path``, or the file a symbolic link ``path`` points to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def store_path(output: str | os.PathLike[str]) -> Path:
    """The file records of ``output`` are appended to: itself, or a Parquet output's
    ``OUT.parquet.partial.jsonl``."""
    p = Path(output)
    return p.with_name(p.name + PARTIAL_SUFFIX) if output_format(p) == "parquet" else p


def lock_path(output: str | os.PathLike[str]) -> Path:
    """The lock file a run holds while it writes ``output`` (:func:`carelens.locks.hold_lock`):
    ``OUT.lock`` beside the file written (a symbolic link's target, :func:`written_path`)."""
    p = _followed(Path(output))
    return p.with_name(p.name + LOCK_SUFFIX)


@contextmanager
def hold_output_locks(
    output: str | os.PathLike[str] | None,
    what: str,
    *,
    also: Sequence[str | os.PathLike[str]] = (),
) -> Iterator[None]:
    """Hold, while a run writes ``output``, the lock file of every file it writes: ``OUT.lock``,
    a Parquet output's ``OUT.parquet.partial.jsonl.lock`` (a run naming that file as its own
    output would write the same file), and those of ``also`` (its rejects file); and a lock
    on each of these files that exists, held on the file itself (a run through another name
    of it, a hard link, is refused too: :func:`carelens.locks.hold_file_lock`). A second
    holder of any is refused at once (an InputError naming the lock file and ``what`` the
    holder does, :func:`carelens.locks.hold_lock`). Without an ``output``, those of
    ``also`` alone."""
    files = [] if output is None else [written_path(output), store_path(written_path(output))]
    files = list(dict.fromkeys([*files, *(_followed(Path(p)) for p in also)]))
    with ExitStack() as held:
        for file in files:
            held.enter_context(hold_lock(lock_path(file), what))
        for file in files:
            held.enter_context(hold_file_lock(file))
        yield


#: The causes of a failed write, in words (:func:`failure_cause`).
_CAUSES = {
    errno.ENOSPC: "the disk is full (no space left on device)",
    errno.EDQUOT: "the disk quota is used up (disk quota exceeded)",
    errno.EFBIG: "the file has reached the largest size allowed (file too large: a limit of "
    "the file system, or of this session, ulimit -f)",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EIO: "the disk could not be read or written (input/output error)",
}


def failure_cause(exc: OSError) -> str:
    """Why an operation on a file failed, in words (``the disk is full (no space left on
    device)``), from ``exc``'s error number; its own text, without the ``[Errno N]`` and
    the file name, for an error number not listed."""
    if exc.errno in _CAUSES:
        return _CAUSES[exc.errno]
    said = exc.strerror or str(exc) or type(exc).__name__
    return said[:1].lower() + said[1:]


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield ``(end_offset, line)`` for each line of ``path``, the last one maybe unterminated."""
    offset = 0
    with path.open("rb") as fh:
        for raw in fh:
            offset += len(raw)
            yield offset, raw


class _Scan:
    """Complete records at the start of an output file; ``end`` is the byte after the last.

    ``reading`` (for :func:`read_results`): accept an older CSV header, a byte-order mark,
    blank lines and records without some of ``dimensions`` or without a final newline, check
    each record with :func:`check_result_record`, and word errors for a reader rather than a
    resumed run. With ``rejects`` too, a bad record or row is listed there (line, field,
    reason) and the scan goes on; a last record cut short is listed as well. ``on_rejected``
    is then called with the fields of each listed record that can still be read (see
    :func:`read_results`).

    ``check_fields`` (for a resume): each JSON Lines record must have the fields this
    carelens writes for ``dimensions``, and a result record or CSV header of another layout
    (an older carelens's, another model's) is refused as such (:func:`other_layout`).
    """

    def __init__(
        self,
        path: Path,
        fmt: str,
        dimensions: Sequence[str],
        *,
        reading: bool = False,
        rejects: RejectLog | None = None,
        keep_repeats: bool = False,
        on_rejected: OnRejected | None = None,
        check_fields: bool = False,
    ) -> None:
        self.path, self.fmt, self.dimensions = path, fmt, dimensions
        self.reading = reading
        self.check_fields = check_fields
        self.rejects = rejects
        self.keep_repeats = keep_repeats
        self.on_rejected = on_rejected
        self.end = 0
        self.has_header = False
        #: The byte after a CSV header (0 before one is read, and in JSON Lines).
        self.header_end = 0
        #: (seeker id, response id) -> line, to list repeated records (with ``rejects``).
        self._seen: dict[tuple[object, object, object], int] = {}

    def __iter__(self) -> Iterator[JsonDict]:
        if self.reading:
            return self._read_jsonl() if self.fmt == "jsonl" else self._csv()
        return self._jsonl() if self.fmt == "jsonl" else self._csv()

    def _bad(
        self,
        line: int,
        reason: str,
        field: str | None,
        detail: str,
        fields: Mapping[str, object] | None = None,
    ) -> None:
        """A bad record while reading: listed in ``rejects`` (and its ``fields``, when it
        has any that can be read, passed to ``on_rejected``), else an InputError."""
        if self.rejects is not None:
            self.rejects.add(self.path, line, field, reason, detail=detail)
            self._rejected(fields)
            return
        raise InputError(
            f"not a result record: {detail}; correct or remove it (carelens summarize and "
            "report skip and list such records)",
            path=str(self.path),
            line=line,
            field=field,
        )

    def _rejected(self, fields: Mapping[str, object] | None) -> None:
        if self.on_rejected is not None and fields:
            self.on_rejected(fields)

    def _cut(self, line: int, fields: Mapping[str, object] | None = None) -> None:
        """The last record ends without its newline: cut short, as by an interrupted run."""
        detail = "the last record is cut short (the run writing it was interrupted?)"
        if self.rejects is not None:
            self.rejects.add(self.path, line, None, TRUNCATED_FILE, detail=detail)
            self._rejected(fields)
        else:
            logger.warning("%s, line %d: %s; it is left out", self.path, line, detail)

    def _repeated(self, line: int, record: JsonDict) -> bool:
        """Whether ``record`` repeats an earlier one's ids in the same conversation (listed
        in ``rejects``; without ``rejects``, or keeping repeats, nothing is checked). Ids
        name a message within its conversation: two threads whose numbers restart at 1 both
        have a pair ``1`` / ``2``, and those are two responses."""
        if self.rejects is None or self.keep_repeats:
            return False
        ids = (record.get("conversation_id"), record.get("seeker_id"), record["response_id"])
        first = self._seen.setdefault(ids, line)
        if first == line:
            return False
        self.rejects.add(
            self.path,
            line,
            "response_id",
            DUPLICATE_ID,
            detail=f"the same conversation, seeker and response ids as line {first}; counted once",
        )
        self._rejected(record)
        return True

    def _field_error(self, line: int, exc: FieldError, fields: object = None) -> None:
        """A record (``fields``, as read) with a bad field, listed by what is wrong."""
        read = fields if isinstance(fields, Mapping) else None
        if exc.field == "(record)":
            self._bad(line, NOT_AN_OBJECT, None, exc.why, read)
        elif exc.field == "response_id" and "missing" in exc.why:
            self._bad(line, MISSING_ID, exc.field, exc.why, read)
        else:
            self._bad(line, INVALID_VALUE, exc.field, exc.why, read)

    def _read_jsonl(self) -> Iterator[JsonDict]:
        for number, (end, raw) in enumerate(_lines(self.path), start=1):
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            if not raw.strip():
                continue  # a blank line holds no record
            terminated = raw.endswith(b"\n")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                fields = self._fields(raw.decode("utf-8", "replace"))
                self._bad(number, INVALID_UTF8, None, "the line is not UTF-8 text", fields)
                continue
            try:
                record = json.loads(text)
            except (ValueError, RecursionError):  # RecursionError: nested too deep
                fields = leading_fields(text) if self.on_rejected is not None else None
                if terminated:
                    self._bad(number, MALFORMED_JSON, None, "the line is not JSON", fields)
                elif _is_prefix_either_way(raw, _JSONL_RECORD_START):
                    self._cut(number, fields)
                else:
                    self._bad(number, MALFORMED_JSON, None, "the last line is not JSON", fields)
                continue
            try:
                check_result_record(record)
            except FieldError as exc:
                self._field_error(number, exc, record)
                continue
            if self._repeated(number, record):
                continue
            self.end = end
            yield record

    def _fields(self, text: str) -> dict[str, Any] | None:
        """What a line that is not UTF-8 (``text``: its bad bytes replaced) still shows,
        only when someone asks (``on_rejected``): the object it holds, else the top-level
        fields before its damage (:func:`leading_fields`)."""
        if self.on_rejected is None:
            return None
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return leading_fields(text)
        return value if isinstance(value, dict) else None

    def _damaged(self, line: int, why: str) -> InputError:
        if self.reading:
            return InputError(
                f"{why}: not a carelens result file (the output of carelens analyze or batch)",
                path=str(self.path),
                line=line,
            )
        return InputError(
            f"{why}: this is not the output of an interrupted carelens run; pass --overwrite "
            "to replace it or choose a new output path",
            path=str(self.path),
            line=line,
        )

    def _jsonl(self) -> Iterator[JsonDict]:
        # A written record never holds a raw newline, so every terminated line is complete
        # and must be a record; only an unterminated last line can be cut, and it must still
        # begin like one (anything else is some other file, which must not be truncated).
        for number, (end, raw) in enumerate(_lines(self.path), start=1):
            if not raw.endswith(b"\n"):
                if not _is_prefix_either_way(raw, _JSONL_RECORD_START):
                    raise self._damaged(number, "not a result record")
                return  # truncated mid-line by the interruption
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                raise self._damaged(number, "not a result record") from exc
            if self.check_fields and _is_result_record(record):
                other = other_layout(
                    "fields", list(record), record_fields(self.dimensions), optional=ANALYSIS_FIELDS
                )
                if other is not None:
                    raise InputError(other, path=str(self.path), line=number)
            try:
                _check_record(record, self.dimensions, partial=self.reading)
            except (ValueError, KeyError, TypeError) as exc:
                raise self._damaged(number, "not a result record") from exc
            self.end = end
            yield record

    def _csv(self) -> Iterator[JsonDict]:
        columns = flat_columns(self.dimensions)
        state = {"end": 0, "terminated": True, "line": 0, "parked": False, "bad_utf8": False}

        first_line = b""

        def text() -> Iterator[str]:
            nonlocal first_line
            for end, raw in _lines(self.path):
                state["end"], state["line"] = end, state["line"] + 1
                state["terminated"] = raw.endswith(b"\n")
                if state["line"] == 1:
                    if self.reading and raw.startswith(_BOM):
                        raw = raw[len(_BOM) :]
                    first_line = raw
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    line = raw.decode("utf-8", "replace")
                    state["bad_utf8"] = True
                if "\r" in line and _PARKED_CR not in line:
                    parked = _LONE_CR.sub(_PARKED_CR, line)
                    state["parked"] = state["parked"] or parked != line
                    line = parked
                yield line

        allow_large_csv_fields()  # span lists of long responses are large
        header = ",".join(columns).encode("utf-8")
        pending: tuple[int, str] | None = None
        for row in _csv_rows(text(), lambda: self._damaged(int(state["line"]), "unreadable CSV")):
            if state["parked"]:
                row = [cell.replace(_PARKED_CR, "\r") for cell in row]
                state["parked"] = False
            bad_utf8, state["bad_utf8"] = bool(state["bad_utf8"]), False
            if self.reading and not self.has_header and blank_cells(row):
                continue  # blank lines (or a spreadsheet's ``,,,``) before the header
            if self.reading and self.has_header:
                record = self._read_row(row, columns, int(state["line"]), bad_utf8, state)
                if record is not None:
                    self.end = int(state["end"])
                    yield record
                continue
            if pending is not None:
                raise self._damaged(*pending)
            complete = bool(state["terminated"]) and len(row) == len(columns)
            if not self.has_header:
                if complete and row == columns:
                    self.has_header, self.end = True, int(state["end"])
                    self.header_end = self.end
                    continue
                if self.reading and state["terminated"] and is_result_header(row):
                    columns, self.has_header, self.end = row, True, int(state["end"])
                    continue
                if not state["terminated"] and header.startswith(first_line):
                    return  # the header itself was cut: start over
                other = other_layout("columns", row, columns) if is_result_header(row) else None
                if self.check_fields and other is not None:
                    raise InputError(other, path=str(self.path), line=1)
                raise self._damaged(1, "its header is not a result file's")
            try:
                if not complete:
                    raise ValueError("incomplete row")
                record = unflatten_row(_csv_cells(columns, row), self.dimensions)
                _check_record(record, self.dimensions)
            except (ValueError, KeyError, TypeError):
                pending = (int(state["line"]), "not a result row")
                continue
            self.end = int(state["end"])
            yield record

    def _read_row(
        self,
        row: list[str],
        columns: Sequence[str],
        line: int,
        bad_utf8: bool,
        state: Mapping[str, object],
    ) -> JsonDict | None:
        """The record of one CSV row while reading (None when it is bad or blank)."""
        if blank_cells(row):
            return None  # a blank line, or a spreadsheet's row of empty cells (``,,,``)
        if bad_utf8:  # the cells were read with U+FFFD for the bytes that are not UTF-8
            fields = _csv_cells(columns, row) if len(row) == len(columns) else None
            self._bad(line, INVALID_UTF8, None, "the row is not UTF-8 text", fields)
            return None
        if len(row) != len(columns):
            if not state["terminated"]:
                # The cells before the last one are whole: the run was cut in the last.
                cut = row[:-1] if len(row) < len(columns) else []
                self._cut(line, _csv_cells(columns[: len(cut)], cut))
            else:
                self._bad(
                    line,
                    WRONG_FIELD_COUNT,
                    None,
                    f"{len(row)} cells where the header has {len(columns)}",
                )
            return None
        cells = _csv_cells(columns, row)
        try:
            record = unflatten_row(cells, self.dimensions)
            check_result_record(record)
        except FieldError as exc:
            self._field_error(line, exc, cells)
            return None
        return None if self._repeated(line, record) else record


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


def _is_result_record(record: object) -> bool:
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
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested too deep
        value = None
    if isinstance(value, dict):
        return _is_result_record(value)
    return True if _is_result_record(leading_fields(text)) else None


def kept_beside(output: str | os.PathLike[str]) -> list[Path]:
    """The files ``carelens analyze`` keeps beside its output ``output`` (they need not
    exist): its lock file, the options and digests of its records (:mod:`.options`,
    :mod:`.digests`), a Parquet output's ``OUT.parquet.partial.jsonl``, and the rejects
    file it writes by default (``OUT.rejects.jsonl``, staged in
    ``OUT.rejects.jsonl.partial.jsonl``), each written file with its lock."""
    p = Path(output)
    rejects = p.with_name(p.name + DEFAULT_REJECTS_SUFFIX)
    written = [p, rejects, rejects.with_name(rejects.name + PARTIAL_SUFFIX)]
    if p.suffix.lower() == ".parquet":
        written.append(p.with_name(p.name + PARTIAL_SUFFIX))
    locks = [f.with_name(f.name + LOCK_SUFFIX) for f in written]
    return [*written[1:], options_path(p), digests_path(p), *locks]


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


def _is_prefix_either_way(a: bytes, b: bytes) -> bool:
    return a.startswith(b) or b.startswith(a)


def _csv_cells(columns: Sequence[str], row: Sequence[str]) -> dict[str, str]:
    """A CSV data row by column name, each cell as the text it was written from: the writer
    put an apostrophe before texts a spreadsheet could run as formulas (and before texts that
    begin with one), so one leading apostrophe is dropped (:func:`spreadsheet_text`)."""
    return {name: spreadsheet_text(cell) for name, cell in zip(columns, row, strict=True)}


def _csv_rows(lines: Iterator[str], damaged: Callable[[], InputError]) -> Iterator[list[str]]:
    reader = csv.reader(lines)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise damaged() from exc
        yield row


def _check_record(record: Any, dimensions: Sequence[str], *, partial: bool = False) -> None:
    """Raise unless ``record`` is a result record scoring ``dimensions`` (``partial``: the
    ones it has)."""
    if not isinstance(record, dict) or not isinstance(record.get("response_id"), str):
        raise ValueError("not a record")
    for d in dimensions:
        if partial and d not in record:
            continue
        if record[d]["level"] not in range(N_LEVELS):
            raise ValueError("bad level")


def read_results(
    path: str | os.PathLike[str],
    *,
    rejects: RejectLog | None = None,
    keep_repeats: bool = False,
    on_rejected: OnRejected | None = None,
) -> Iterator[JsonDict]:
    """Read the records of a finished (or interrupted) result file, any format, in order.

    Each record is checked (:func:`~carelens.output.records.check_result_record`). A bad
    one is an :class:`InputError` naming the file, line (a Parquet file's row) and field;
    with ``rejects`` it is listed there instead and reading goes on. A last JSON Lines or
    CSV record cut short by an interrupted run is left out (listed in ``rejects``, else
    logged as a warning). A file that is not a result file at all (another CSV header, a
    Parquet file without result columns) is always an InputError. With ``rejects``, a
    record repeating an earlier one's conversation, seeker and response ids is listed and
    counted once (ids name a message within its conversation),
    unless ``keep_repeats`` (a part of a ``carelens batch`` output, where such a record is
    another input pair).

    ``on_rejected`` (with ``rejects``) is called with the fields of each listed record that
    can still be read as an object, as read: a JSON object, a CSV row by column name (all
    its cells, or the whole cells before the last of a row cut short), a Parquet row; for a
    line that is not JSON (or not UTF-8), the top-level fields of the object it begins, up
    to the damage (:func:`leading_fields`). A line that does not begin as an object, or a
    CSV row with the wrong number of cells, gives none. ``carelens summarize --anonymize``
    collects the speaker names of rejected records this way, to hide them in the texts of
    the others. It changes nothing else: the same records are read and listed.

    ``path`` may also be the output folder of a finished ``carelens batch`` run: the
    records of its parts are read in order, as ``carelens summarize`` reads them (a record
    repeating another's ids is kept, as ``keep_repeats``: another input pair); an
    unfinished run's folder is an InputError that says to finish it, and any other folder
    one that says what to pass.
    """
    p = Path(path)
    if p.is_dir():
        yield from _batch_output_records(p, rejects, on_rejected)
        return
    if not p.is_file():
        raise InputError("no such file; check the path", path=str(p))
    fmt = output_format(p)
    if fmt == "parquet":
        yield from _read_parquet(p, rejects, keep_repeats, on_rejected)
        return
    if fmt == "csv":
        header = next(csv.reader([first_filled_line(p)]), [])
        dims = flat_dimensions(header)
    else:
        dims = []  # a JSON Lines record names its own dimensions
    yield from _Scan(
        p,
        fmt,
        dims,
        reading=True,
        rejects=rejects,
        keep_repeats=keep_repeats,
        on_rejected=on_rejected,
    )


def _batch_output_records(
    folder: Path, rejects: RejectLog | None, on_rejected: OnRejected | None
) -> Iterator[JsonDict]:
    """The records of every part of the ``carelens batch`` output ``folder``, in order, as
    ``carelens summarize`` finds the parts (:func:`~carelens.output.batch_parts.batch_parts`)."""
    parts = batch_parts(folder)
    if parts is None:
        raise InputError(
            "this is a folder, not a result file: pass a file that carelens analyze wrote "
            "(.jsonl, .csv or .parquet), or the output folder of a finished carelens batch "
            "run (it holds manifest.json and part-NNNNN.parquet files)",
            path=str(folder),
        )
    for part in parts:
        yield from read_results(part, rejects=rejects, keep_repeats=True, on_rejected=on_rejected)


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
                raw = raw.removeprefix(_BOM)
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


def _read_parquet(
    path: Path,
    rejects: RejectLog | None,
    keep_repeats: bool = False,
    on_rejected: OnRejected | None = None,
) -> Iterator[JsonDict]:
    pa = require_pyarrow()
    try:
        parquet = pa.parquet.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"not a readable Parquet file ({exc})", path=str(path)) from exc
    columns = parquet.schema_arrow.names
    if not is_result_header(columns):
        raise InputError(
            "its columns are not a result file's: not a carelens result file (the output of "
            "carelens analyze or batch)",
            path=str(path),
        )
    dims = flat_dimensions(columns)
    scan = _Scan(
        path,
        "parquet",
        dims,
        reading=True,
        rejects=rejects,
        keep_repeats=keep_repeats,
        on_rejected=on_rejected,
    )
    number = 0
    # Small batches: a row as Python objects takes several times its Arrow size.
    for batch in parquet.iter_batches(batch_size=ROWS_PER_BATCH):
        for row in batch.to_pylist():
            number += 1
            try:
                record = unflatten_row(row, dims)
                check_result_record(record)
            except FieldError as exc:
                scan._field_error(number, exc, row)
                continue
            if not scan._repeated(number, record):
                yield record


class ResultWriter:
    """Appends result records to a file, resuming a file left by an interrupted run.

    Call :meth:`open` with the input exchanges (it consumes those already written), then
    :meth:`write` chunks, each with its exchanges, then :meth:`finish`; :meth:`close` (or
    the context manager) keeps what was written without finishing, so a later run can
    resume. With ``options`` (how the caller makes its records) they are kept in
    ``OUT.options.json`` and a resume with other options is refused. The digests of each
    record's texts are kept in ``OUT.digests`` (:mod:`carelens.output.digests`), and a
    resume over an input whose texts changed is refused.

    ``chunk_size``: a resume keeps whole chunks of that many records, counted from the
    start, and drops the records after the last (they are analysed again, in a chunk of
    the same pairs as an uninterrupted run's), unless the input ends with them; for an
    analysis whose results depend on the other pairs of their chunk (``--batch-size``
    above 1). The exchanges it drops are in :attr:`redo` after :meth:`open`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        dimensions: Sequence[str],
        *,
        overwrite: bool = False,
        options: RecordOptions | None = None,
        chunk_size: int = 1,
    ) -> None:
        #: The format the name given says (a symbolic link's target must agree).
        self.format = output_format(path)
        #: The file written: ``path``, or a symbolic link's target (:func:`written_path`).
        self.path = written_path(path)
        self.dimensions = tuple(dimensions)
        self.overwrite = overwrite
        #: How the records are made; kept beside the output, and checked when resuming
        #: (None: neither, for a caller that does not say).
        self.options = options
        #: Where :attr:`options` are kept (``OUT.options.json``).
        self.options_file = options_path(self.path)
        self.chunk_size = max(1, chunk_size)
        #: Where the digests of the records' texts are kept (``OUT.digests``).
        self.digests_file = digests_path(self.path)
        self._digests = TextDigests(self.digests_file)
        #: Exchanges :meth:`open` read whose records it dropped: to be analysed first.
        self.redo: list[Exchange] = []
        self._dropped = 0
        #: The file records are appended to (JSON Lines beside a Parquet output).
        self.store = store_path(self.path)
        self._store_format = "jsonl" if self.format == "parquet" else self.format
        #: Records in :attr:`store`: those kept by :meth:`open`, then those written.
        self.written = 0
        #: Whether a write failed (:meth:`close` then adds no second error).
        self._failed = False
        #: The size of :attr:`store` after the last write that went through.
        self._flushed = 0
        self._fh: IO[str] | None = None
        self._csv: Any = None
        self._csv_quoted: Any = None
        #: Whether :meth:`open` made the JSON Lines store from a finished Parquet output.
        self._reopened = False

    def open(
        self, exchanges: Iterator[Exchange], on_existing: Callable[[JsonDict], None] | None = None
    ) -> int:
        """Resume or start the file; return how many records are kept from it.

        Each record found is checked against the next exchange of ``exchanges`` (so they
        are consumed): its ids, and the digest of its texts (an output begun before digests
        were kept: the texts it holds, :class:`~carelens.output.options.ResumeCheck`).
        Records are kept in whole chunks (:attr:`chunk_size`); the exchanges of those
        dropped are left in :attr:`redo`. ``on_existing`` sees every record kept. With
        :attr:`options`, records written with other options are an InputError that names
        the option, and the options are kept in :attr:`options_file` before anything is
        written (a resumed output's kept file is left as it is: it agrees). Records of
        another layout (:func:`other_layout`) are an InputError naming the fields.
        """
        if self.format == "parquet":
            require_pyarrow()
            if self.path.exists() and not self.store.exists() and not self.overwrite:
                self._reopen_finished_parquet()
        if self.overwrite:
            for stale in {self.path, self.store, self.options_file, self.digests_file}:
                stale.unlink(missing_ok=True)
        self._digests.load()
        resumed, scan = 0, None
        kept: list[bytes] = []
        if self.store.is_file() and self.store.stat().st_size:
            scan = _Scan(self.store, self._store_format, self.dimensions, check_fields=True)
            check = (
                None
                if self.options is None
                else ResumeCheck(
                    self.options, read_options(self.options_file), options_file=self.options_file
                )
            )
            early = None if check is None else check.first_problem()
            if early is not None:
                self._refuse(early)
            if check is not None and self._digests.found is None:
                check.verify_texts = True  # begun before digests were kept: read the texts
            resumed, kept, end = self._resume(scan, exchanges, check, on_existing)
            problem = None if check is None else check.problem()
            if problem is not None:
                self._refuse(problem)
            self.written = resumed
            with self._writing(self.store), self.store.open("r+b") as fh:
                fh.truncate(end)
            if resumed:
                logger.info("%s: resuming after %d records already written", self.store, resumed)
            if dropped := self._dropped:
                logger.info(
                    "%s: %d records after the last whole chunk are analysed again",
                    self.store,
                    dropped,
                )
        with self._writing(self.digests_file):
            self._digests.start(kept)
        # A kept options file stays as it is: the resume was refused unless they agree.
        if self.options is not None and (scan is None or not self.options_file.exists()):
            with self._writing(self.options_file):
                write_options(self.options_file, self.options)
        with self._writing(self.store):
            self._fh = self.store.open("a", encoding="utf-8", newline="")
            self._flushed = os.fstat(self._fh.fileno()).st_size
            # A file made now has no other name to lock it by yet: locked as it is opened
            # (one this process locked already, as a resumed output, is left as it is).
            lock_open_file(self._fh.fileno(), self.store)
            if self._store_format == "csv":
                self._csv = csv.writer(self._fh, lineterminator="\n")
                self._csv_quoted = csv.writer(self._fh, lineterminator="\n", quoting=csv.QUOTE_ALL)
                if scan is None or not scan.has_header:
                    self._csv.writerow(flat_columns(self.dimensions))
                    self._fh.flush()
            self._flushed = os.fstat(self._fh.fileno()).st_size
        return resumed

    @contextmanager
    def _writing(self, file: Path) -> Iterator[None]:
        """Turn an OSError of the block, which writes ``file``, into an InputError naming
        the file and the cause in words, and saying how many results are kept to resume."""
        try:
            yield
        except OSError as exc:
            self._failed = True
            raise InputError(
                f"cannot write it: {failure_cause(exc)}; {self._kept()}", path=str(file)
            ) from exc

    def _kept(self) -> str:
        """What a write that failed leaves to resume: the records in :attr:`store`, those
        of the chunk that failed too where they were written whole before it failed (JSON
        Lines: one record a line; a CSV row may hold line breaks, so it says "or more")."""
        count, more = self.written, False
        if self._fh is not None:
            try:
                with self.store.open("rb") as fh:
                    fh.seek(self._flushed)
                    tail = fh.read()
            except OSError:
                tail = b""
            if self._store_format == "jsonl":
                count += tail.count(b"\n")
            else:
                more = b"\n" in tail
        if not count:
            return "no result had been written yet"
        where = f" in {self.store}" if self.store != self.path else ""
        return (
            f"the {count}{' or more' if more else ''} results written so far are kept{where}; "
            "run the same command again to resume"
        )

    def _resume(
        self,
        scan: _Scan,
        exchanges: Iterator[Exchange],
        check: ResumeCheck | None,
        on_existing: Callable[[JsonDict], None] | None,
    ) -> tuple[int, list[bytes], int]:
        """Match the records of ``scan`` with ``exchanges``; return how many are kept, their
        digests and the byte after the last. Records are kept a whole chunk at a time;
        those after the last whole chunk (or past the digests found) are dropped, and their
        exchanges left in :attr:`redo`, unless the input ends with them."""
        found = self._digests.found
        kept: list[bytes] = []
        resumed, end = 0, scan.header_end
        pending: list[tuple[JsonDict, Exchange, bytes]] = []
        past_digests = False
        for number, record in enumerate(scan, start=1):
            if found is not None and number > len(found):
                past_digests = True  # written after its digests were lost: not known
                break
            exchange = next(exchanges, None)
            ids = (record["seeker_id"], record["response_id"])
            if exchange is None or ids != (exchange.seeker.id, exchange.response.id):
                self._refuse(
                    f"record {number} of the existing output (ids {ids[0]!r}, {ids[1]!r}) "
                    "does not match the input in that place, so this output is not an "
                    "interrupted run over this input; pass --overwrite to start over or "
                    "choose a new output path"
                )
            digest = self._digests.digest(exchange)
            if found is not None and digest != found[number - 1]:
                self._refuse(changed_texts(number, ids))
            if check is not None:
                check.add(number, record, exchange)
            pending.append((record, exchange, digest))
            if number % self.chunk_size == 0:
                resumed, end = self._keep(pending, kept, on_existing), scan.end
        if pending and not past_digests:
            after = next(exchanges, None)
            if after is None:  # the input ends here: the last chunk was whole
                resumed, end = self._keep(pending, kept, on_existing), scan.end
            else:
                pending.append(({}, after, b""))
        self._dropped = sum(1 for record, _, _ in pending if record)
        self.redo = [exchange for _, exchange, _ in pending]
        return resumed, kept, end

    @staticmethod
    def _keep(
        pending: list[tuple[JsonDict, Exchange, bytes]],
        kept: list[bytes],
        on_existing: Callable[[JsonDict], None] | None,
    ) -> int:
        """Keep the ``pending`` records (their digests into ``kept``); return how many are
        kept in all."""
        for record, _, digest in pending:
            kept.append(digest)
            if on_existing is not None:
                on_existing(record)
        pending.clear()
        return len(kept)

    def _refuse(self, why: str) -> NoReturn:
        """Raise an InputError: the existing output cannot be resumed (a finished Parquet
        output is left as it was found)."""
        if self._reopened:
            self.store.unlink()
        raise InputError(why, path=str(self.path if self._reopened else self.store))

    def _reopen_finished_parquet(self) -> None:
        """Turn a finished Parquet output back into its JSON Lines store, so that a re-run
        resumes it like any other output (and :meth:`finish` writes it again)."""
        pa = require_pyarrow()
        try:
            columns = pa.parquet.read_schema(self.path).names
        except (OSError, pa.ArrowException) as exc:
            raise InputError(
                f"the output exists and is not a readable Parquet file ({exc}); pass "
                "--overwrite to replace it or choose a new output path",
                path=str(self.path),
            ) from exc
        if not is_result_header(columns):
            raise InputError(
                "its columns are not a result file's: this is not the output of an "
                "interrupted carelens run; pass --overwrite to replace it or choose a new "
                "output path",
                path=str(self.path),
            )
        other = other_layout("columns", columns, flat_columns(self.dimensions))
        if other is not None:
            raise InputError(other, path=str(self.path))
        tmp = self.store.with_name(self.store.name + ".tmp")
        try:
            with tmp.open("w", encoding="utf-8") as fh:
                for record in read_results(self.path):
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            os.replace(tmp, self.store)
        except BaseException as exc:
            _remove_cut(tmp)
            if isinstance(exc, OSError):
                raise InputError(
                    f"cannot write it: {failure_cause(exc)}; {self.path} is left as it was",
                    path=str(tmp),
                ) from exc
            raise
        self._reopened = True

    def write(self, records: Sequence[JsonDict], exchanges: Sequence[Exchange]) -> None:
        """Append records (those of ``exchanges``, in order) and flush them to the file; the
        digests of their texts are written first."""
        if self._fh is None:
            raise RuntimeError("ResultWriter.open() must be called before write()")
        if len(records) != len(exchanges):
            raise ValueError(f"{len(records)} records for {len(exchanges)} exchanges")
        with self._writing(self.digests_file):
            self._digests.append(exchanges)
        with self._writing(self.store):
            if self._csv is not None:
                for record in records:
                    row = flatten_record(record, self.dimensions)
                    for name in (*(f"{d}_spans" for d in self.dimensions), *LIST_COLUMNS):
                        row[name] = json.dumps(row[name], ensure_ascii=False)
                    # Texts come from forum and chat users: none may start a formula.
                    values = ["" if v is None else safe_cell(v) for v in row.values()]
                    if any(isinstance(v, str) and "\r" in v for v in values):
                        self._csv_quoted.writerow(values)  # a bare \r must be inside quotes
                    else:
                        self._csv.writerow(values)
            else:
                self._fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
            self._fh.flush()
            self._flushed = os.fstat(self._fh.fileno()).st_size
        self.written += len(records)

    def close(self) -> None:
        """Close the file, keeping what was written (a later run resumes from it). After a
        failed write the data still buffered is dropped without a second error (the file
        keeps whole records, and a cut last one is dropped by a resume)."""
        fh, self._fh = self._fh, None
        try:
            with self._writing(self.digests_file):
                self._close(self._digests)
        finally:
            if fh is not None:
                with self._writing(self.store):
                    self._close(fh)

    def _close(self, file: IO[str] | TextDigests) -> None:
        try:
            file.close()
        except OSError:
            if not self._failed:
                raise

    def finish(self, chunk_size: int = 1024) -> Path:
        """Close the file; for Parquet convert the JSON Lines store, then remove it."""
        self.close()
        if self.format == "parquet":
            try:
                _jsonl_to_parquet(self.store, self.path, self.dimensions, chunk_size)
            except OSError as exc:
                self._failed = True
                raise InputError(
                    f"cannot write it: {failure_cause(exc)}; the {self.written} results are "
                    f"kept in {self.store}; run the same command again to write {self.path}",
                    path=str(self.path),
                ) from exc
            self.store.unlink()
        return self.path

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def changed_texts(number: int, ids: tuple[object, object]) -> str:
    """Why an output whose record ``number`` (``ids``) was made from other texts than the
    input now holds cannot be resumed."""
    return (
        f"the texts of record {number} of the existing output (ids {ids[0]!r}, {ids[1]!r}) "
        "are not those of the input pair it was made from: was the input changed? Its "
        "results would be kept under the new texts, so it cannot be resumed; remove or "
        "rename the output (or pass --overwrite) to start over"
    )


def _jsonl_to_parquet(src: Path, dst: Path, dimensions: Sequence[str], chunk_size: int) -> None:
    pa = require_pyarrow()
    schema = parquet_schema(dimensions)
    tmp = dst.with_name(dst.name + ".tmp")
    records = iter(_Scan(src, "jsonl", dimensions))
    try:
        with pa.parquet.ParquetWriter(tmp, schema) as writer:
            while chunk := list(islice(records, chunk_size)):
                rows = [flatten_record(r, dimensions) for r in chunk]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(tmp, dst)  # ``dst`` is a file, never a link (:func:`written_path`)
    except BaseException:
        _remove_cut(tmp)
        raise


def _remove_cut(tmp: Path) -> None:
    """Remove ``tmp``, a file whose writing failed or was stopped (cut short, and maybe
    large, on a full disk); nothing else (a folder in its way is not this run's)."""
    if tmp.is_file():
        with suppress(OSError):
            tmp.unlink()

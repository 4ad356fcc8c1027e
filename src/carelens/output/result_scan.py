"""The scan of the complete records at the start of a result file (:class:`ResultScan`): what
a resume counts before it appends, and what :func:`~carelens.output.reading.read_results` reads
back.

A resume insists on exactly this model's layout and on records a run could have written, and
stops at the first damage (:func:`~carelens.output.layouts.other_layout`); reading is more
lenient and, with a reject log, lists a bad record and goes on. CSV files written before cells
holding a carriage return were quoted are read by parking a lone carriage return while a row is
parsed, and one leading apostrophe (put before a text a spreadsheet would run as a formula,
:func:`~carelens.output.spreadsheet.spreadsheet_safe`) is dropped from every cell read back, so
texts round-trip exactly.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from carelens.errors import InputError
from carelens.output.layouts import (
    BOM,
    is_result_header,
    is_result_record,
    leading_fields,
    other_layout,
    record_fields,
)
from carelens.output.records import (
    FieldError,
    check_result_record,
    flat_columns,
    unflatten_row,
)
from carelens.output.spreadsheet import spreadsheet_text
from carelens.readers.delimited import allow_large_csv_fields, blank_cells
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
from carelens.types import ANALYSIS_FIELDS, N_LEVELS, JsonDict

logger = logging.getLogger(__name__)
#: How every JSON Lines record begins (``result_record`` puts ``seeker_id`` first).
_JSONL_RECORD_START = b'{"seeker_id": '
#: A carriage return that does not end a line, and the noncharacter it is parked as while
#: an older, unquoted CSV row is parsed.
_LONE_CR = re.compile("\r(?!\n)")
_PARKED_CR = "\uffff"
#: Called with the fields of a record that :func:`~carelens.output.reading.read_results`
#: rejects (see there).
OnRejected = Callable[[Mapping[str, object]], None]


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield ``(end_offset, line)`` for each line of ``path``, the last one maybe unterminated."""
    offset = 0
    with path.open("rb") as fh:
        for raw in fh:
            offset += len(raw)
            yield offset, raw


class ResultScan:
    """Complete records at the start of an output file; ``end`` is the byte after the last.

    ``reading`` (for :func:`~carelens.output.reading.read_results`): accept an older CSV
    header, a byte-order mark, blank lines and records without some of ``dimensions`` or
    without a final newline, check each record with :func:`check_result_record`, and word
    errors for a reader rather than a resumed run. With ``rejects`` too, a bad record or row
    is listed there (line, field, reason) and the scan goes on; a last record cut short is
    listed as well. ``on_rejected`` is then called with the fields of each listed record that
    can still be read (see :func:`~carelens.output.reading.read_results`). The Parquet reader
    lists its bad or repeated rows through :meth:`field_error` and :meth:`repeated`.

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

    def repeated(self, line: int, record: JsonDict) -> bool:
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

    def field_error(self, line: int, exc: FieldError, fields: object = None) -> None:
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
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
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
                self.field_error(number, exc, record)
                continue
            if self.repeated(number, record):
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
            if self.check_fields and is_result_record(record):
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
                    if self.reading and raw.startswith(BOM):
                        raw = raw[len(BOM) :]
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
            self.field_error(line, exc, cells)
            return None
        return None if self.repeated(line, record) else record


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

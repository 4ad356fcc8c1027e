"""Write analysis results — one record per analysed pair, in input order — and resume them.

A record is ``{"seeker_id", "response_id", "conversation_id", "speaker", "timestamp",
<dimension>: {"level", "probabilities", "spans": [{start, end, label, score, text}]},
"model"}`` (:func:`result_record`). The output format follows the file extension:
``.jsonl`` / ``.json`` (JSON Lines, the record as is), ``.csv`` (flattened: ``<dim>_level``,
``<dim>_p0..p2`` and ``<dim>_spans`` as a JSON string) or ``.parquet`` (the CSV columns, with
``<dim>_spans`` a list of structs; needs the ``parquet`` extra).

:func:`analyze_file` reads, analyses and writes a chunk at a time, flushing each chunk, so an
interrupted run leaves every finished chunk on disk. Run again with the same output and it
resumes: :class:`ResultWriter` counts the complete records already there (a truncated last
line is dropped), checks that their ids are those of the first input exchanges, skips those
exchanges and appends the rest. Parquet cannot be appended to, so it is written as JSON Lines
to ``OUT.parquet.partial.jsonl`` (resumed the same way) and converted when the run finishes.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any, Protocol

from carelens.errors import InputError, MissingExtraError
from carelens.readers import RejectLog, read_exchanges
from carelens.types import N_LEVELS, Exchange, JsonDict, ResponseAnalysis

logger = logging.getLogger(__name__)

#: Output file extension -> format.
OUTPUT_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
#: The fields of a record that locate the response, in output order.
ID_FIELDS: tuple[str, ...] = ("seeker_id", "response_id", "conversation_id", "speaker", "timestamp")
#: Suffix of the JSON Lines file a Parquet output is built in.
PARTIAL_SUFFIX = ".partial.jsonl"

Progress = Callable[[int], None]


class Analyzer(Protocol):
    """What writing and evaluation need from an analyzer (``EmpathyAnalyzer`` is one)."""

    @property
    def dimensions(self) -> tuple[str, ...]: ...

    @property
    def model_id(self) -> str: ...

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]: ...


def output_format(path: str | os.PathLike[str]) -> str:
    """The output format of ``path`` from its extension, or an InputError."""
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise InputError(
            f"cannot tell the output format from the extension {suffix or '(none)'!r}; "
            f"name the output file with one of {', '.join(OUTPUT_FORMATS)}",
            path=os.fspath(path),
        )
    return OUTPUT_FORMATS[suffix]


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "parquet") from exc
    return pyarrow


# -- records ---------------------------------------------------------------------------------


def result_record(exchange: Exchange, analysis: ResponseAnalysis) -> JsonDict:
    """The output record of one analysed exchange (span texts cut from the response)."""
    response = exchange.response
    record: JsonDict = {
        "seeker_id": exchange.seeker.id,
        "response_id": response.id,
        "conversation_id": response.conversation_id or exchange.seeker.conversation_id,
        "speaker": response.speaker,
        "timestamp": response.timestamp,
    }
    result = analysis.to_dict()
    model = result.pop("model")
    for name, score in result.items():
        for span in score["spans"]:
            span["text"] = response.text[span["start"] : span["end"]]
        record[name] = score
    record["model"] = model
    return record


def flat_columns(dimensions: Sequence[str]) -> list[str]:
    """The columns of the flattened (CSV / Parquet) layout."""
    columns = list(ID_FIELDS)
    for d in dimensions:
        columns += [f"{d}_level", *(f"{d}_p{k}" for k in range(N_LEVELS)), f"{d}_spans"]
    return [*columns, "model"]


def flatten_record(record: Mapping[str, Any], dimensions: Sequence[str]) -> dict[str, Any]:
    """A record as one flat row; spans stay a list (the CSV writer turns them into JSON)."""
    row = {name: record.get(name) for name in ID_FIELDS}
    for d in dimensions:
        score = record[d]
        row[f"{d}_level"] = score["level"]
        for k, p in enumerate(score["probabilities"]):
            row[f"{d}_p{k}"] = p
        row[f"{d}_spans"] = score["spans"]
    row["model"] = record["model"]
    return row


def unflatten_row(row: Mapping[str, Any], dimensions: Sequence[str]) -> JsonDict:
    """The record of one flat row (CSV cells as strings, or typed Parquet values)."""
    record: JsonDict = {name: row.get(name) if row.get(name) != "" else None for name in ID_FIELDS}
    for d in dimensions:
        spans = row[f"{d}_spans"]
        record[d] = {
            "level": int(row[f"{d}_level"]),
            "probabilities": [float(row[f"{d}_p{k}"]) for k in range(N_LEVELS)],
            "spans": json.loads(spans) if isinstance(spans, str) else list(spans or ()),
        }
    record["model"] = row["model"]
    return record


# -- reading back what is on disk ------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield ``(end_offset, line)`` for each line of ``path``, the last one maybe unterminated."""
    offset = 0
    with path.open("rb") as fh:
        for raw in fh:
            offset += len(raw)
            yield offset, raw


class _Scan:
    """Complete records at the start of an output file; ``end`` is the byte after the last."""

    def __init__(self, path: Path, fmt: str, dimensions: Sequence[str]) -> None:
        self.path, self.fmt, self.dimensions = path, fmt, dimensions
        self.end = 0
        self.has_header = False

    def __iter__(self) -> Iterator[JsonDict]:
        return self._jsonl() if self.fmt == "jsonl" else self._csv()

    def _damaged(self, line: int, why: str) -> InputError:
        return InputError(
            f"{why}: this is not the output of an interrupted carelens run; pass --overwrite "
            "to replace it or choose a new output path",
            path=str(self.path),
            line=line,
        )

    def _jsonl(self) -> Iterator[JsonDict]:
        pending: tuple[int, str] | None = None  # a bad line is fine only as the last line
        for number, (end, raw) in enumerate(_lines(self.path), start=1):
            if pending is not None:
                raise self._damaged(*pending)
            if not raw.endswith(b"\n"):
                return  # truncated mid-line by the interruption
            try:
                record = json.loads(raw.decode("utf-8"))
                _check_record(record, self.dimensions)
            except (UnicodeDecodeError, ValueError, KeyError, TypeError):
                pending = (number, "not a result record")
                continue
            self.end = end
            yield record

    def _csv(self) -> Iterator[JsonDict]:
        columns = flat_columns(self.dimensions)
        state = {"end": 0, "terminated": True, "line": 0}

        def text() -> Iterator[str]:
            for end, raw in _lines(self.path):
                state["end"], state["line"] = end, state["line"] + 1
                state["terminated"] = raw.endswith(b"\n")
                yield raw.decode("utf-8", "replace")

        reader = csv.reader(text())
        pending: tuple[int, str] | None = None
        for row in reader:
            if pending is not None:
                raise self._damaged(*pending)
            complete = bool(state["terminated"]) and len(row) == len(columns)
            if not self.has_header:
                if complete and row == columns:
                    self.has_header, self.end = True, int(state["end"])
                    continue
                if not state["terminated"]:
                    return  # the header itself was cut: start over
                raise self._damaged(1, "its header differs from this model's columns")
            try:
                if not complete:
                    raise ValueError("incomplete row")
                record = unflatten_row(dict(zip(columns, row, strict=True)), self.dimensions)
                _check_record(record, self.dimensions)
            except (ValueError, KeyError, TypeError):
                pending = (int(state["line"]), "not a result row")
                continue
            self.end = int(state["end"])
            yield record


def _check_record(record: Any, dimensions: Sequence[str]) -> None:
    if not isinstance(record, dict) or not isinstance(record.get("response_id"), str):
        raise ValueError("not a record")
    for d in dimensions:
        if record[d]["level"] not in range(N_LEVELS):
            raise ValueError("bad level")


def read_results(path: str | os.PathLike[str]) -> Iterator[JsonDict]:
    """Read the records of a finished result file (any output format) back, in order."""
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file; check the path", path=str(p))
    fmt = output_format(p)
    if fmt == "parquet":
        table = _pyarrow().parquet.read_table(p)
        dims = [c[: -len("_level")] for c in table.column_names if c.endswith("_level")]
        for batch in table.to_batches():
            for row in batch.to_pylist():
                yield unflatten_row(row, dims)
        return
    if fmt == "csv":
        with p.open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), [])
        dims = [c[: -len("_level")] for c in header if c.endswith("_level")]
    else:
        with p.open(encoding="utf-8") as fh:
            first = fh.readline()
        dims = [k for k, v in json.loads(first).items() if isinstance(v, dict)] if first else []
    yield from _Scan(p, fmt, dims)


# -- writing ---------------------------------------------------------------------------------


class ResultWriter:
    """Appends result records to a file, resuming a file left by an interrupted run.

    Call :meth:`open` with the input exchanges (it consumes those already written), then
    :meth:`write` chunks, then :meth:`finish`; :meth:`close` (or the context manager) keeps
    what was written without finishing, so a later run can resume.
    """

    def __init__(
        self, path: str | os.PathLike[str], dimensions: Sequence[str], *, overwrite: bool = False
    ) -> None:
        self.path = Path(path)
        self.format = output_format(self.path)
        self.dimensions = tuple(dimensions)
        self.overwrite = overwrite
        parquet = self.format == "parquet"
        #: The file records are appended to (JSON Lines beside a Parquet output).
        self.store = self.path.with_name(self.path.name + PARTIAL_SUFFIX) if parquet else self.path
        self._store_format = "jsonl" if parquet else self.format
        self._fh: IO[str] | None = None
        self._csv: Any = None

    def open(
        self, exchanges: Iterator[Exchange], on_existing: Callable[[JsonDict], None] | None = None
    ) -> int:
        """Resume or start the file; return how many records were already there.

        Each record found is checked against the next exchange of ``exchanges`` (so they
        are consumed); ``on_existing`` sees every record kept.
        """
        if self.format == "parquet":
            _pyarrow()
            if self.path.exists() and not self.store.exists() and not self.overwrite:
                raise InputError(
                    "the output already exists from a finished run; pass --overwrite to "
                    "replace it or choose a new output path",
                    path=str(self.path),
                )
        if self.overwrite:
            for stale in {self.path, self.store}:
                stale.unlink(missing_ok=True)
        resumed, scan = 0, None
        if self.store.is_file() and self.store.stat().st_size:
            scan = _Scan(self.store, self._store_format, self.dimensions)
            for resumed, record in enumerate(scan, start=1):
                exchange = next(exchanges, None)
                ids = (record["seeker_id"], record["response_id"])
                if exchange is None or ids != (exchange.seeker.id, exchange.response.id):
                    raise InputError(
                        f"record {resumed} of the existing output (ids {ids[0]!r}, {ids[1]!r}) "
                        "does not match the input in that place, so this output is not an "
                        "interrupted run over this input; pass --overwrite to start over or "
                        "choose a new output path",
                        path=str(self.store),
                    )
                if on_existing is not None:
                    on_existing(record)
            with self.store.open("r+b") as fh:
                fh.truncate(scan.end)
            if resumed:
                logger.info("%s: resuming after %d records already written", self.store, resumed)
        self._fh = self.store.open("a", encoding="utf-8", newline="")
        if self._store_format == "csv":
            self._csv = csv.writer(self._fh, lineterminator="\n")
            if scan is None or not scan.has_header:
                self._csv.writerow(flat_columns(self.dimensions))
                self._fh.flush()
        return resumed

    def write(self, records: Iterable[JsonDict]) -> None:
        """Append records and flush them to the file."""
        if self._fh is None:
            raise RuntimeError("ResultWriter.open() must be called before write()")
        if self._csv is not None:
            for record in records:
                row = flatten_record(record, self.dimensions)
                for d in self.dimensions:
                    row[f"{d}_spans"] = json.dumps(row[f"{d}_spans"], ensure_ascii=False)
                self._csv.writerow(["" if v is None else v for v in row.values()])
        else:
            self._fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        self._fh.flush()

    def close(self) -> None:
        """Close the file, keeping what was written (a later run resumes from it)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def finish(self, chunk_size: int = 1024) -> Path:
        """Close the file; for Parquet convert the JSON Lines store, then remove it."""
        self.close()
        if self.format == "parquet":
            _jsonl_to_parquet(self.store, self.path, self.dimensions, chunk_size)
            self.store.unlink()
        return self.path

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parquet_schema(dimensions: Sequence[str]) -> Any:
    """The Arrow schema of a Parquet result file."""
    pa = _pyarrow()
    span = pa.struct(
        [
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("label", pa.string()),
            ("score", pa.float64()),
            ("text", pa.string()),
        ]
    )
    fields = [(name, pa.string()) for name in ID_FIELDS]
    for d in dimensions:
        fields.append((f"{d}_level", pa.int8()))
        fields += [(f"{d}_p{k}", pa.float64()) for k in range(N_LEVELS)]
        fields.append((f"{d}_spans", pa.list_(span)))
    fields.append(("model", pa.string()))
    return pa.schema(fields)


def _jsonl_to_parquet(src: Path, dst: Path, dimensions: Sequence[str], chunk_size: int) -> None:
    pa = _pyarrow()
    schema = parquet_schema(dimensions)
    tmp = dst.with_name(dst.name + ".tmp")
    records = iter(_Scan(src, "jsonl", dimensions))
    with pa.parquet.ParquetWriter(tmp, schema) as writer:
        while chunk := list(islice(records, chunk_size)):
            rows = [flatten_record(r, dimensions) for r in chunk]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    os.replace(tmp, dst)


# -- the analysis run ------------------------------------------------------------------------


@dataclass(slots=True)
class LevelCounts:
    """How many records have each level, per dimension."""

    dimensions: tuple[str, ...]
    counts: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.counts = {d: [0] * N_LEVELS for d in self.dimensions}

    def add(self, record: Mapping[str, Any]) -> None:
        for d in self.dimensions:
            self.counts[d][int(record[d]["level"])] += 1


@dataclass(frozen=True, slots=True)
class AnalysisSummary:
    """What :func:`analyze_file` did."""

    input: Path
    output: Path | None
    model_id: str
    analysed: int
    resumed: int
    level_counts: Mapping[str, tuple[int, ...]]
    rejected: Mapping[str, int]
    skipped: Mapping[str, int]
    rejects_path: Path | None
    #: The first exchanges and their records, when asked for (``preview=``).
    preview: tuple[tuple[Exchange, JsonDict], ...] = ()

    @property
    def total(self) -> int:
        """Records in the output: analysed now plus resumed."""
        return self.analysed + self.resumed

    def to_dict(self) -> JsonDict:
        return {
            "input": str(self.input),
            "output": None if self.output is None else str(self.output),
            "model": self.model_id,
            "analysed": self.analysed,
            "resumed": self.resumed,
            "level_counts": {d: list(c) for d, c in self.level_counts.items()},
            "rejected": dict(self.rejected),
            "skipped": dict(self.skipped),
            "rejects_path": None if self.rejects_path is None else str(self.rejects_path),
        }


def analyze_file(
    input: str | os.PathLike[str],
    analyzer: Analyzer,
    output: str | os.PathLike[str] | None = None,
    *,
    format: str | None = None,
    column_map: Mapping[str, str] | None = None,
    rejects: RejectLog | None = None,
    overwrite: bool = False,
    chunk_size: int = 256,
    preview: int = 0,
    progress: Progress | None = None,
) -> AnalysisSummary:
    """Analyse every exchange of ``input`` and write the records to ``output`` (if given).

    An existing ``output`` is resumed (see the module docstring) unless ``overwrite``.
    ``progress`` is called with the number of pairs done after each chunk (resumed pairs
    first, in one call); ``preview`` keeps that many leading results in the summary. Bad
    input records go to ``rejects`` and never stop the run.
    """
    log = rejects if rejects is not None else RejectLog()
    writer = ResultWriter(output, analyzer.dimensions, overwrite=overwrite) if output else None
    exchanges = read_exchanges(input, format=format, column_map=column_map, rejects=log)
    counts = LevelCounts(tuple(analyzer.dimensions))
    kept: list[tuple[Exchange, JsonDict]] = []
    analysed = resumed = 0
    try:
        if writer is not None:
            resumed = writer.open(exchanges, on_existing=counts.add)
            if resumed and progress is not None:
                progress(resumed)
        while chunk := list(islice(exchanges, chunk_size)):
            results = analyzer.predict(chunk)
            records = [result_record(e, r) for e, r in zip(chunk, results, strict=True)]
            if writer is not None:
                writer.write(records)
            for exchange, record in zip(chunk, records, strict=True):
                counts.add(record)
                if len(kept) < preview:
                    kept.append((exchange, record))
            analysed += len(chunk)
            if progress is not None:
                progress(len(chunk))
        if writer is not None:
            writer.finish()
    finally:
        if writer is not None:
            writer.close()
    logger.debug("analysed %d pairs (%d resumed from the output)", analysed, resumed)
    return AnalysisSummary(
        input=Path(input),
        output=None if writer is None else writer.path,
        model_id=analyzer.model_id,
        analysed=analysed,
        resumed=resumed,
        level_counts={d: tuple(c) for d, c in counts.counts.items()},
        rejected=log.counts,
        skipped=log.skipped,
        rejects_path=log.path,
        preview=tuple(kept),
    )

"""Where the insights' records come from: a result file, or a conversation file analysed now.

``carelens report`` and ``carelens summarize`` accept either what ``carelens analyze`` wrote
(JSON Lines, CSV or Parquet results) or a conversation file in any input format, which is
then analysed in memory first. :func:`is_result_file` tells them apart by content, as
``carelens batch`` tells the result files in an input folder apart
(:func:`~carelens.output.layouts.holds_results`, one definition for both): a result file's
first record that can be read carries both ids and a dimension's level and probabilities,
and a CSV or Parquet result file's header their columns. Blank lines before it are passed
over, and so are damaged JSON Lines records (a first line cut short), which reading then
lists in the rejects like any other; only the first
:data:`~carelens.output.layouts.PEEK_LINES` lines are looked at (a record over 1 MiB is
judged by its leading fields, or read whole within the readers' line limit). A CSV result
file with
blank lines before its header is told apart too, but :func:`~carelens.output.read_results`
takes a CSV file's first line as its header, so reading it is refused with what to do. The
output folder of ``carelens batch`` is read as results too: its parts, in order, once its
``manifest.json`` says the run is complete (:func:`~carelens.output.batch_parts.batch_parts`).
An unfinished one (``_work/plan.json`` and no manifest yet, or parts with neither) is an
error that says so, not a conversation folder.
A pipe (``/dev/stdin``, ``<(...)``) is looked at only where its name says nothing and no
format is given, where a conversation reader would refuse it (it can be read only once):
its first lines are read and kept, and when they are JSON Lines or CSV results the kept
lines and the rest of the stream are copied to a temporary file
(:func:`~carelens.output.read_results` reads files), read from there and removed after;
rejects name the pipe. Given a format, or a ``.csv`` name, a pipe is read as conversations,
as it streams.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from carelens.errors import FormatDetectionError, InputError
from carelens.output import read_results
from carelens.output.batch_parts import batch_parts
from carelens.output.layouts import (
    PEEK_BYTES,
    PEEK_LINES,
    holds_results,
    is_result_header,
    jsonl_holds_results,
)
from carelens.output.result_scan import OnRejected
from carelens.output.run import Analyzer, analysed_chunks
from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import SUPPORTED_FORMATS, line_limit
from carelens.readers.delimited import blank_row
from carelens.readers.helpers import HelperPatterns
from carelens.types import Exchange, JsonDict

logger = logging.getLogger(__name__)

#: A UTF-8 byte-order mark (some Windows editors begin a file with one).
_BOM = codecs.BOM_UTF8
#: How often (in records) the progress of reading results is reported.
_PROGRESS_EVERY = 1024
#: Names that say a pipe holds CSV, which the readers read as such without looking at it.
_CSV_NAMES = (".csv", ".tsv")


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
    """Whether ``path`` holds ``carelens analyze`` results rather than conversations: the
    test ``carelens batch`` makes of the files in an input folder too
    (:func:`~carelens.output.layouts.holds_results`), so the commands agree on what a result
    file is."""
    return holds_results(path)


def analysed_records(
    path: str | os.PathLike[str],
    analyzer: Analyzer,
    *,
    format: str | None = None,
    rejects: RejectLog | None = None,
    chunk_size: int | None = None,
    progress: Callable[[int], None] | None = None,
    helpers: HelperPatterns | None = None,
    left_out: OnRejected | None = None,
) -> Iterator[JsonDict]:
    """Analyse the conversation file ``path`` and yield its result records, in input order;
    with ``helpers``, only the exchanges whose response is a helper's (``left_out`` sees the
    speakers of each other one: ``speaker`` and ``seeker_speaker``). Exchanges are analysed
    ``chunk_size`` at a time, by default as ``carelens analyze`` takes them
    (:func:`~carelens.output.run.chunk_size_of` the analyzer), so the records equal its
    records at any batch size."""
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
    analyzer: Callable[[], Analyzer] | Analyzer,
    *,
    format: str | None = None,
    rejects: RejectLog | None = None,
    progress: Callable[[int], None] | None = None,
    on_rejected: OnRejected | None = None,
    helpers: HelperPatterns | str | Iterable[str] | None = None,
    left_out: OnRejected | None = None,
) -> Iterator[JsonDict]:
    """The result records of ``path``: read back if it is a result file, a batch output
    (every record of every part) or a pipe of results (see the module docstring), else
    analysed.

    ``analyzer`` is a function that loads one (such as ``carelens.load``), called (once)
    only when the file has to be analysed, or an analyzer already loaded; anything else is
    a TypeError when ``records_from`` is called, and so are ``helpers`` that are no
    patterns. Bad records — of a
    result file too: damaged lines, wrong types, a last line cut short — are listed in
    ``rejects`` (file, line, field, reason) and skipped; without ``rejects`` a bad record
    of a result file is an InputError. ``on_rejected`` is called with the fields of each
    rejected record of a result file or batch output that can still be read
    (:func:`~carelens.output.read_results` says which), such as
    :class:`~carelens.insights.anonymize.RejectedNames`; the bad records of a conversation
    file give none. With ``helpers`` (``--helper`` patterns) only the responses of those
    speakers are yielded (a conversation file's others are not analysed at all), and
    ``left_out`` is called with each other record (its speaker fields, for one analysed).
    ``progress`` is called with the number of records read (or pairs analysed) since its
    last call, the last call at the end of the input. ``helpers`` may be given as
    :class:`~carelens.readers.helpers.HelperPatterns` or as its patterns (a list of them,
    or one as a string).
    """
    load = _analyzer_loader(analyzer)
    patterns = helpers
    if patterns is not None and not isinstance(patterns, HelperPatterns):
        patterns = HelperPatterns(patterns)
    return _records(path, load, format, rejects, progress, on_rejected, patterns, left_out)


def _analyzer_loader(analyzer: object) -> Callable[[], Analyzer]:
    """``analyzer`` as :func:`records_from` calls it: a loading function as it is, a loaded
    analyzer (one with ``predict``) wrapped in one; a TypeError for anything else."""
    if callable(analyzer):
        return cast(Callable[[], Analyzer], analyzer)
    if callable(getattr(analyzer, "predict", None)):
        loaded = cast(Analyzer, analyzer)
        return lambda: loaded
    raise TypeError(
        "records_from takes an analyzer or a function that loads one (such as "
        f"carelens.load), not {type(analyzer).__name__}"
    )


def _records(
    path: str | os.PathLike[str],
    analyzer: Callable[[], Analyzer],
    format: str | None,
    rejects: RejectLog | None,
    progress: Callable[[int], None] | None,
    on_rejected: OnRejected | None,
    helpers: HelperPatterns | None,
    left_out: OnRejected | None,
) -> Iterator[JsonDict]:
    """The generator behind :func:`records_from`, its arguments checked."""
    reading = _Reading(rejects, on_rejected, progress, helpers, left_out)
    parts = batch_parts(path) if format is None else None
    if parts is not None:
        yield from reading.records(parts, batch_part_records)
    elif format is None and is_result_file(path):
        yield from reading.records([Path(path)], read_results)
    elif format is None and _unnamed_stream(Path(path)):
        yield from _piped_results(Path(path), reading)
    else:
        yield from analysed_records(
            path,
            analyzer(),
            format=format,
            rejects=rejects,
            progress=progress,
            helpers=helpers,
            left_out=left_out,
        )


#: How a result file (or a part of a batch output) is read: ``read_results`` or
#: :func:`batch_part_records`.
_ReadResults = Callable[..., Iterator[JsonDict]]


class _Reading:
    """How :func:`records_from` reads result records: its arguments, kept together."""

    def __init__(
        self,
        rejects: RejectLog | None,
        on_rejected: OnRejected | None,
        progress: Callable[[int], None] | None,
        helpers: HelperPatterns | None,
        left_out: OnRejected | None,
    ) -> None:
        self.rejects = rejects
        self.on_rejected = on_rejected
        self.progress = progress
        self.helpers = helpers
        self.left_out = left_out

    def records(
        self, parts: Iterable[Path], read: _ReadResults, rejects: RejectLog | None = None
    ) -> Iterator[JsonDict]:
        """The records of ``parts``, in order, read with ``read`` (and ``rejects``, when
        given, in place of the caller's log); progress is told every
        :data:`_PROGRESS_EVERY` records and once more for the last ones."""
        log = rejects if rejects is not None else self.rejects
        n = 0
        for part in parts:
            for record in read(part, rejects=log, on_rejected=self.on_rejected):
                n += 1
                if self.progress is not None and n % _PROGRESS_EVERY == 0:
                    self.progress(_PROGRESS_EVERY)
                speaker = record.get("speaker")
                if self.helpers and not self.helpers.matches(
                    None if speaker is None else str(speaker)
                ):
                    if self.left_out is not None:
                        self.left_out(record)
                    continue
                yield record
        if self.progress is not None and n % _PROGRESS_EVERY:
            self.progress(n % _PROGRESS_EVERY)


def reads_results(path: str | os.PathLike[str], format: str | None = None) -> bool:
    """Whether :func:`records_from` reads ``path`` back as results rather than analysing it:
    a result file or batch output, or a pipe whose name gives no format (read as results,
    or refused; see the module docstring), when no ``format`` is given. A file's start is
    looked at; a pipe is not read."""
    p = Path(path)
    if format is not None:
        return False
    return batch_parts(p) is not None or is_result_file(p) or _unnamed_stream(p)


def _unnamed_stream(path: Path) -> bool:
    """Whether ``path`` is a pipe, device or other non-regular file whose name gives no
    format (a conversation reader would refuse to guess it)."""
    return (
        path.exists()
        and not path.is_file()
        and not path.is_dir()
        and path.suffix.lower() not in _CSV_NAMES
    )


def _piped_results(path: Path, reading: _Reading) -> Iterator[JsonDict]:
    """The records of the pipe ``path`` when it holds carelens results (JSON Lines or CSV),
    copied to a temporary file first (see the module docstring); else the error that says
    to pass its format."""
    with tempfile.TemporaryDirectory(prefix="carelens-") as folder:
        with path.open("rb") as fh:
            kept = b"" if fh.isatty() else _kept_start(fh)  # a terminal: nothing to wait for
            fmt = _results_format(kept)
            if fmt is None:
                raise FormatDetectionError(
                    "cannot detect the format of a pipe or other non-regular file: its start "
                    "holds no carelens results, and it can be read only once, so its "
                    "conversation format is not guessed. Pass the format with --format: one "
                    f"of {', '.join(SUPPORTED_FORMATS)}.",
                    path=str(path),
                )
            copy = Path(folder, f"results.{fmt}")
            with copy.open("wb") as out:
                out.write(kept)
                shutil.copyfileobj(fh, out, PEEK_BYTES)
        logger.debug("%s: carelens results (%s), copied to %s to be read", path, fmt, copy)
        log = _Renamed(reading.rejects, copy, str(path)) if reading.rejects is not None else None
        try:
            yield from reading.records([copy], read_results, log)
        except InputError as exc:
            if exc.path != str(copy):
                raise
            raise InputError(exc.reason, path=str(path), line=exc.line, field=exc.field) from exc


def _kept_start(fh: IO[bytes]) -> bytes:
    """The first :data:`~carelens.output.layouts.PEEK_LINES` lines of the stream ``fh``, at
    most the readers' line limit in all (:func:`~carelens.readers.base.line_limit`), as
    much as telling a file apart may read of it: read once and kept, since a pipe cannot be
    read again."""
    budget = line_limit()
    kept = bytearray()
    for _ in range(PEEK_LINES):
        line = fh.readline(budget)
        kept += line
        budget -= len(line)
        if budget <= 0 or not line.endswith(b"\n"):
            break
    return bytes(kept)


def _results_format(start: bytes) -> str | None:
    """The result format (``jsonl`` or ``csv``) of a file that begins with the lines
    ``start`` (:func:`_kept_start`); None when they show no results. A CSV header is its
    first line that is not blank nor a row of empty cells, as in a file."""
    if jsonl_holds_results(io.BytesIO(start)):
        return "jsonl"
    for number, line in enumerate(io.BytesIO(start)):
        line = line.removeprefix(_BOM) if number == 0 else line
        if not blank_row(line):
            header = next(csv.reader([line.decode("utf-8", "replace")]), [])
            return "csv" if is_result_header(header) else None
    return None


class _Renamed(RejectLog):
    """A reject log that lists the rejects of ``copy`` (a temporary copy of a pipe) in
    ``log`` under the pipe's own ``name``, so that the rejects file names what the user
    gave; it counts nothing itself."""

    def __init__(self, log: RejectLog, copy: Path, name: str) -> None:
        super().__init__()
        self._log, self._copy, self._name = log, os.fspath(copy), name

    def add(
        self,
        path: str | os.PathLike[str],
        line: int | None,
        field: str | None,
        reason: str,
        *,
        detail: str | None = None,
    ) -> None:
        named = self._name if os.fspath(path) == self._copy else path
        self._log.add(named, line, field, reason, detail=detail)

    def skip(self, reason: str, n: int = 1) -> None:
        self._log.skip(reason, n)

    @property
    def counts(self) -> dict[str, int]:
        return self._log.counts

    @property
    def skipped(self) -> dict[str, int]:
        return self._log.skipped

    @property
    def total(self) -> int:
        return self._log.total

"""Writing result files, and resuming one that an interrupted run left.

:class:`ResultWriter` appends records a chunk at a time and flushes each chunk. When the file
already exists it is resumed: the complete records at its start are counted (a line cut by
an interruption is dropped), their ids and the digests of their input texts
(:mod:`carelens.output.digests`, ``OUT.digests``) are checked against the first input
exchanges, and new records are appended after them. Where results depend on the other pairs
of their chunk (a batch size above 1), whole chunks are kept and the records after the last
are dropped and analysed again, so a resumed output equals an uninterrupted one. Parquet
cannot be appended to, so a Parquet output is built as JSON Lines in
``OUT.parquet.partial.jsonl`` and converted by :meth:`ResultWriter.finish`. A write that
fails is an InputError naming the file and the cause in words
(:func:`~carelens.output.paths.failure_cause`), and how many results are kept for a re-run to
resume.

What a record holds besides the analysis depends on how the run was asked to write it
(:class:`~carelens.output.options.RecordOptions`: ``--no-text``, ``--redact``, the model,
``--helper``). The writer keeps them beside the output in ``OUT.options.json`` and refuses
to resume an output written otherwise (:mod:`carelens.output.options` says how an older
output, without that file or without the model's fingerprint in it, is judged); it never
writes them over the kept file of an output it resumes. CSV cells are quoted when they hold
a carriage return (the writer ends rows with a line feed, so the csv module alone would
leave a lone carriage return bare, and no CSV reader could read the row back), and a text
cell that a spreadsheet would run as a formula, or that begins with an apostrophe, is
written with an apostrophe before it (:func:`~carelens.output.spreadsheet.safe_cell`).
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from typing import IO, Any, NoReturn

from carelens.errors import InputError
from carelens.locks import lock_open_file
from carelens.output.digests import TextDigests, digests_path
from carelens.output.layouts import is_result_header, other_layout
from carelens.output.options import (
    RecordOptions,
    ResumeCheck,
    options_path,
    read_options,
    write_options,
)
from carelens.output.paths import failure_cause, store_path, written_path
from carelens.output.reading import read_results
from carelens.output.records import (
    LIST_COLUMNS,
    flat_columns,
    flatten_record,
    output_format,
    parquet_schema,
    require_pyarrow,
)
from carelens.output.result_scan import ResultScan
from carelens.output.spreadsheet import safe_cell
from carelens.types import Exchange, JsonDict

logger = logging.getLogger(__name__)


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
            scan = ResultScan(self.store, self._store_format, self.dimensions, check_fields=True)
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
        scan: ResultScan,
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
    records = iter(ResultScan(src, "jsonl", dimensions))
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

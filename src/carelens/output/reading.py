"""Reading result files back (:func:`read_results`): a JSON Lines, CSV or Parquet file, or the
output folder of a finished ``carelens batch`` run.

:func:`read_results` reads any finished (or interrupted) result file back. It is more lenient
than resuming: a CSV header from an older carelens (fewer columns) is read by its own names,
and a JSON Lines record may lack a dimension the first one has (results merged from runs of
different models); resuming insists on exactly this model's layout
(:func:`~carelens.output.layouts.other_layout`). Given the output folder of a finished
``carelens batch`` run, it reads the records of its parts, in order, as ``carelens
summarize`` does. JSON Lines and CSV files are read by the scan a resume counts with
(:class:`~carelens.output.result_scan.ResultScan`), which also keeps CSV texts round-tripping
exactly; a Parquet file is read here, in batches.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

from carelens.errors import InputError
from carelens.output.batch_parts import batch_parts
from carelens.output.layouts import first_filled_line, is_result_header
from carelens.output.records import (
    FieldError,
    check_result_record,
    flat_dimensions,
    output_format,
    require_pyarrow,
    unflatten_row,
)
from carelens.output.result_scan import OnRejected, ResultScan
from carelens.readers.rejects import RejectLog
from carelens.types import JsonDict

#: Rows of a Parquet result file read at a time.
ROWS_PER_BATCH = 1024


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
    to the damage (:func:`~carelens.output.layouts.leading_fields`). A line that does not
    begin as an object, or a CSV row with the wrong number of cells, gives none. ``carelens
    summarize --anonymize`` collects the speaker names of rejected records this way, to hide
    them in the texts of the others. It changes nothing else: the same records are read and
    listed.

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
    yield from ResultScan(
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
    scan = ResultScan(
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
                scan.field_error(number, exc, row)
                continue
            if not scan.repeated(number, record):
                yield record

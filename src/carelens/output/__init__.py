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
How the records were written (``--no-text``, ``--redact``, the model, ``--helper``,
``--batch-size``) is kept beside the output in ``OUT.options.json``; a resume with other
options is refused, so one file never mixes, say, redacted and unredacted texts. A digest of
each record's input texts is kept in ``OUT.digests``, and a resume over an input whose texts
changed is refused; with a batch size above 1 a resume starts at a chunk boundary, so the
resumed output equals an uninterrupted run's. A run holds a lock on ``OUT.lock`` while it
writes, so two runs never append to one output.

Every CSV file carelens writes puts an apostrophe before a text cell that a spreadsheet would
run as a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) or
that begins with an apostrophe (:func:`spreadsheet_safe`); :func:`spreadsheet_text` drops it
again, as :func:`read_results` does. JSON Lines and Parquet keep every text as it is.

Modules: :mod:`~carelens.output.records` (the record and its flat layout),
:mod:`~carelens.output.writer` (appending, resuming), :mod:`~carelens.output.reading` (reading
back), :mod:`~carelens.output.result_scan` (the complete records at the start of a result file,
which a resume counts and a read goes through), :mod:`~carelens.output.layouts` (whether a file
holds results, and of which layout),
:mod:`~carelens.output.paths` (where an output is written, its locks, a failed write's cause),
:mod:`~carelens.output.options` (how the records were written, and whether an output may be
resumed),
:mod:`~carelens.output.digests` (the digests of the records' texts),
:mod:`~carelens.output.batch_parts` (the result parts of a ``carelens batch`` folder),
:mod:`~carelens.output.run` (:func:`analyze_file`) and :mod:`~carelens.output.spreadsheet` (CSV
cells a spreadsheet shows as text).
"""

from __future__ import annotations

from carelens.output.digests import DIGESTS_SUFFIX, digests_path
from carelens.output.options import OPTIONS_SUFFIX, RecordOptions, options_path
from carelens.output.paths import LOCK_SUFFIX, PARTIAL_SUFFIX, lock_path
from carelens.output.reading import read_results
from carelens.output.records import (
    ID_FIELDS,
    OUTPUT_FORMATS,
    TEXT_FIELDS,
    community_of,
    flat_columns,
    flatten_record,
    output_format,
    parquet_schema,
    result_record,
    unflatten_row,
)
from carelens.output.run import (
    AnalysisSummary,
    Analyzer,
    LevelCounts,
    Progress,
    analysed_chunks,
    analyze_file,
)
from carelens.output.spreadsheet import safe_cell, spreadsheet_safe, spreadsheet_text
from carelens.output.writer import ResultWriter

__all__ = [
    "DIGESTS_SUFFIX",
    "ID_FIELDS",
    "LOCK_SUFFIX",
    "OPTIONS_SUFFIX",
    "OUTPUT_FORMATS",
    "PARTIAL_SUFFIX",
    "TEXT_FIELDS",
    "AnalysisSummary",
    "Analyzer",
    "LevelCounts",
    "Progress",
    "RecordOptions",
    "ResultWriter",
    "analysed_chunks",
    "analyze_file",
    "community_of",
    "digests_path",
    "flat_columns",
    "flatten_record",
    "lock_path",
    "options_path",
    "output_format",
    "parquet_schema",
    "read_results",
    "result_record",
    "safe_cell",
    "spreadsheet_safe",
    "spreadsheet_text",
    "unflatten_row",
]

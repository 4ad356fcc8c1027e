"""``carelens batch``: the analysis of ``carelens analyze`` on Ray Data, for very large inputs.

A run has two stages, both on Ray Data (a local Ray by default, a cluster by address):

1. **Stage** (:mod:`.staging`): every input file is read by a Ray task with the ordinary
   readers; pair rows become exchanges at once, thread messages are grouped by conversation
   (a hash shuffle: across files for Reddit dumps, whose ids are global, within each file
   for every other format) and paired there (:mod:`.pairing`). Each exchange is
   given to one of a fixed number of *shards* by a stable hash, and the staged rows are
   written, shard by shard, under ``OUT_DIR/_work/staged``.
2. **Score** (:mod:`.scoring`): a pool of workers, each loading the ONNX model once, scores
   one shard at a time and writes ``part-NNNNN.parquet`` (the same columns as
   ``carelens analyze -o x.parquet``) by an atomic rename; a carelens error a worker meets
   is raised by the driver as the worker raised it (:mod:`.worker_errors`).

A re-run over the same inputs resumes: stage 1 is kept once it finished, and shards whose
part file exists are skipped, so no pair is missing or duplicated (:mod:`.plan` checks that
the inputs and options are those of the first run). :mod:`.engine` drives Ray;
:mod:`.outputs` writes the manifest, summary and rejects.
"""

from __future__ import annotations

from carelens.batch.engine import BatchOptions, BatchResult, run_batch
from carelens.batch.scoring import score_dataframe

__all__ = ["BatchOptions", "BatchResult", "run_batch", "score_dataframe"]

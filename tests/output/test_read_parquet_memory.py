"""Reading a Parquet result file holds a small batch of rows as Python objects at a time,
not the 65,536 rows of pyarrow's default batch (four times the memory of JSON Lines)."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from carelens.output import read_results
from carelens.output.reading import ROWS_PER_BATCH
from carelens.output.writer import _jsonl_to_parquet

DIMS = ("emotional_reaction", "interpretation")


def write_results(folder: Path, n: int) -> Path:
    source, path = folder / f"r{n}.jsonl", folder / f"r{n}.parquet"
    score = {"level": 1, "probabilities": [0.1, 0.8, 0.1], "spans": []}
    with source.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"seeker_id": f"s{i}", "response_id": f"r{i}", "model": "m"}
            record.update({d: score for d in DIMS})
            record["response_text"] = f"That sounds hard, and I am here for you ({i})."
            fh.write(json.dumps(record) + "\n")
    _jsonl_to_parquet(source, path, DIMS, chunk_size=n)  # one row group of n rows
    return path


def first_record_peak(path: Path) -> int:
    """Peak Python allocations while the first record of ``path`` is read."""
    tracemalloc.start()
    try:
        records = read_results(path)
        assert next(records)["response_id"] == "r0"
        peak = tracemalloc.get_traced_memory()[1]
        records.close()
    finally:
        tracemalloc.stop()
    return peak


def test_reading_a_parquet_file_takes_a_batch_of_rows_at_a_time(tmp_path: Path) -> None:
    small = write_results(tmp_path, 2 * ROWS_PER_BATCH)
    large = write_results(tmp_path, 16 * ROWS_PER_BATCH)
    assert len(list(read_results(large))) == 16 * ROWS_PER_BATCH
    # The first record costs the same however long the file is (all its rows before).
    assert first_record_peak(large) < 1.5 * first_record_peak(small)

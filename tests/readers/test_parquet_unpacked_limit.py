"""``unpacked_limit`` covers a Parquet file's own compression (readers.parquet).

A Parquet file's pages are compressed inside it: a few KB of Parquet could unpack to
gigabytes under the server's limit, which counted only ``.zst`` files. The reader refuses
one whose metadata says its column data unpacks to more than the limit before it reads a
row, and one whose decoded rows come to more (a dictionary-encoded column holds a value
once for every row that repeats it) as it reads, in batches cut so that one batch of a few
rows cannot hold far more than the limit before it is counted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import UnpackedLimitError, unpacked_limit
from carelens.readers.parquet import ROWS_PER_BATCH, rows_per_batch, unpacked_size
from parquet_files import arrow_peak

TEXT = "I have not slept properly in weeks and I do not know who to talk to. " * 80
ROWS = 3 * ROWS_PER_BATCH


def _pairs(path: Path, *, dictionary: bool) -> Path:
    """``ROWS`` pairs of long, repeated texts: zstd packs them to a few KB (and a dictionary
    holds the text once)."""
    rows = [
        {"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": TEXT, "response": TEXT}
        for i in range(ROWS)
    ]
    pq.write_table(pa.Table.from_pylist(rows), path, compression="zstd", use_dictionary=dictionary)
    return path


def test_a_file_whose_metadata_unpacks_past_the_limit_is_refused_before_a_row(
    tmp_path: Path,
) -> None:
    path = _pairs(tmp_path / "bomb.parquet", dictionary=False)
    size = unpacked_size(pq.ParquetFile(path).metadata)
    assert path.stat().st_size * 50 < size  # a few KB that unpack to megabytes
    limit = 64 << 10
    read = 0
    with unpacked_limit(limit), pytest.raises(UnpackedLimitError) as caught:
        for _ in read_exchanges(path, rejects=RejectLog()):
            read += 1
    assert read == 0
    assert caught.value.limit == limit and caught.value.path == str(path)
    assert str(caught.value) == (
        f"{path}: the file unpacks to {size:,} bytes, more than 65,536 bytes, the most that "
        "may be read of it; split it into smaller files"
    )


def test_a_dictionary_that_decodes_past_the_limit_stops_the_read(tmp_path: Path) -> None:
    """The metadata counts each text once; the rows decoded count it once a row."""
    path = _pairs(tmp_path / "dictionary.parquet", dictionary=True)
    limit = 2 * len(TEXT) * ROWS // 2  # half of what the rows decode to
    assert unpacked_size(pq.ParquetFile(path).metadata) < limit
    read = 0
    with unpacked_limit(limit), pytest.raises(UnpackedLimitError, match="more than") as caught:
        for _ in read_exchanges(path, rejects=RejectLog()):
            read += 1
    assert read < ROWS and caught.value.limit == limit


def test_within_the_limit_and_without_one_every_row_is_read(tmp_path: Path) -> None:
    for dictionary in (False, True):
        path = _pairs(tmp_path / f"pairs-{dictionary}.parquet", dictionary=dictionary)
        with unpacked_limit(4 * len(TEXT) * ROWS):
            assert sum(1 for _ in read_exchanges(path, rejects=RejectLog())) == ROWS
        assert sum(1 for _ in read_exchanges(path, rejects=RejectLog())) == ROWS


def test_the_check_is_called_for_each_batch(tmp_path: Path) -> None:
    path = _pairs(tmp_path / "pairs.parquet", dictionary=False)
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1

    with unpacked_limit(None, check=check):
        assert sum(1 for _ in read_exchanges(path, rejects=RejectLog())) == ROWS
    assert calls == ROWS // ROWS_PER_BATCH


def _repeated(path: Path, text: str, rows: int, **options: Any) -> Path:
    """``rows`` pairs whose seeker text is ``text`` each time, written without building the
    decoded column (a dictionary array holds the text once) and without the Arrow schema,
    so the file is read back as plain strings (``options``: for ``write_table``)."""
    table = pa.table(
        {
            "seeker_id": [f"s{i}" for i in range(rows)],
            "response_id": [f"r{i}" for i in range(rows)],
            "seeker": pa.DictionaryArray.from_arrays(pa.array([0] * rows, pa.int32()), [text]),
            "response": ["That sounds hard."] * rows,
        }
    )
    pq.write_table(table, path, compression="zstd", store_schema=False, **options)
    return path


#: Reads a Parquet file under an unpacked limit in a process of its own and prints how it
#: ended and the most memory Arrow held at once (its pool's peak).


@pytest.mark.parametrize("encoding", ["dictionary", "DELTA_BYTE_ARRAY"])
def test_a_batch_of_a_few_repeated_long_texts_is_cut_to_the_limit(
    tmp_path: Path, encoding: str
) -> None:
    """One row group of 1,024 rows that repeat one 256 KiB text: the metadata counts it once
    (within the limit), the rows decode to 256 MiB. The whole batch was decoded before its
    size was counted; now a batch holds as many rows as fit the limit, and the read is
    refused with Arrow never holding more than a few times the limit."""
    options: dict[str, Any] = {}
    if encoding != "dictionary":
        options = {"use_dictionary": False, "column_encoding": {"seeker": encoding}}
    path = _repeated(tmp_path / "bomb.parquet", "x" * (256 << 10), ROWS_PER_BATCH, **options)
    limit = 2 << 20
    assert unpacked_size(pq.ParquetFile(path).metadata) < limit < 256 << 20
    assert rows_per_batch(pq.ParquetFile(path).metadata.row_group(0), limit) == 7
    outcome, peak = arrow_peak(path, limit)
    assert outcome == "refused"
    assert peak < 4 * limit, f"Arrow held {peak:,} bytes under a limit of {limit:,}"


def test_rows_per_batch_counts_only_the_chunks_that_repeat_values(tmp_path: Path) -> None:
    plain = _pairs(tmp_path / "plain.parquet", dictionary=False)
    group = pq.ParquetFile(plain).metadata.row_group(0)
    assert rows_per_batch(group, 1) == ROWS_PER_BATCH  # no chunk decodes a value twice
    repeated = _pairs(tmp_path / "dictionary.parquet", dictionary=True)
    group = pq.ParquetFile(repeated).metadata.row_group(0)
    chunks = sum(group.column(j).total_uncompressed_size for j in range(group.num_columns))
    assert rows_per_batch(group, 10 * chunks) == 10
    assert rows_per_batch(group, chunks - 1) == 1  # never none
    assert rows_per_batch(group, 10_000 * chunks) == ROWS_PER_BATCH


def test_a_file_under_the_limit_is_read_whole_in_small_batches(tmp_path: Path) -> None:
    """Rows that decode to just under the limit, a few at a time, are all read."""
    path = _repeated(tmp_path / "pairs.parquet", "y" * (64 << 10), 60)
    decoded = sum(batch.nbytes for batch in pq.ParquetFile(path).iter_batches(batch_size=1))
    limit = decoded + (4 << 10)
    assert rows_per_batch(pq.ParquetFile(path).metadata.row_group(0), limit) < 60
    with unpacked_limit(limit):
        assert sum(1 for _ in read_exchanges(path, rejects=RejectLog())) == 60

"""``unpacked_limit`` covers a Parquet file's own compression (readers.parquet).

A Parquet file's pages are compressed inside it: a few KB of Parquet could unpack to
gigabytes under the server's limit, which counted only ``.zst`` files. The reader refuses
one whose metadata says its column data unpacks to more than the limit before it reads a
row, and one whose decoded rows come to more (a dictionary-encoded column holds a value
once for every row that repeats it) as it reads.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import UnpackedLimitError, unpacked_limit
from carelens.readers.parquet import ROWS_PER_BATCH, unpacked_size

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

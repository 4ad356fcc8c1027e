"""A Parquet upload whose compressed column data unpacks past ``max_unpacked_bytes`` fails
naming the limit, as a ``.zst`` upload does (service.jobs, readers.parquet)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, upload, wait_for

TEXT = "I have not slept properly in weeks and I do not know who to talk to. " * 80


def _pairs(path: Path, rows: int) -> Path:
    table = pa.Table.from_pylist(
        [
            {"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": TEXT, "response": TEXT}
            for i in range(rows)
        ]
    )
    pq.write_table(table, path, compression="zstd", use_dictionary=False)
    return path


def test_a_parquet_upload_that_unpacks_past_the_limit_fails_naming_it(
    make_app: MakeApp, tmp_path: Path
) -> None:
    bomb = _pairs(tmp_path / "bomb.parquet", 2000)  # about 22 MB of text in a few KB
    assert bomb.stat().st_size < 64 << 10
    with TestClient(make_app(max_unpacked_bytes=1 << 20), base_url=BASE_URL) as client:
        failed = wait_for(client, upload(client, bomb).json()["id"])
    assert (failed["status"], failed["total"]) == ("failed", None), failed
    assert failed["error"].startswith(
        "bomb.parquet: the file unpacks to more than 1 MiB, the most this server reads from "
        "one compressed upload (max_unpacked_bytes); nothing was analysed"
    ), failed["error"]


def test_a_parquet_upload_within_the_limit_is_analysed(make_app: MakeApp, tmp_path: Path) -> None:
    path = _pairs(tmp_path / "pairs.parquet", 3)
    with TestClient(make_app(max_unpacked_bytes=1 << 20), base_url=BASE_URL) as client:
        corpus = wait_for(client, upload(client, path).json()["id"])
    assert (corpus["status"], corpus["total"], corpus["done"]) == ("done", 3, 3), corpus


def _repeated(path: Path, rows: int, text: str) -> Path:
    """``rows`` pairs in one row group whose seeker text is ``text`` each time: the
    dictionary stores it once, the rows decode it once each."""
    table = pa.table(
        {
            "seeker_id": [f"s{i}" for i in range(rows)],
            "response_id": [f"r{i}" for i in range(rows)],
            "seeker": [text] * rows,
            "response": ["That sounds so hard. What happened?"] * rows,
        }
    )
    pq.write_table(table, path, compression="zstd", use_dictionary=True)
    return path


LONG = "I keep going over what happened and I cannot sleep at all. " * 2200  # about 129 KB


def test_a_few_rows_that_decode_past_the_limit_fail_naming_it(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """Eight rows of one row group, 1 MiB decoded, in a file whose metadata counts the text
    once: refused as it is read (a few rows at a time, never the whole group at once)."""
    bomb = _repeated(tmp_path / "few.parquet", 8, LONG)
    assert pq.ParquetFile(bomb).metadata.num_row_groups == 1
    with TestClient(make_app(max_unpacked_bytes=512 << 10), base_url=BASE_URL) as client:
        failed = wait_for(client, upload(client, bomb).json()["id"])
    assert (failed["status"], failed["total"]) == ("failed", None), failed
    assert failed["error"].startswith(
        "few.parquet: the file unpacks to more than 524,288 bytes, the most this server reads "
        "from one compressed upload (max_unpacked_bytes); nothing was analysed"
    ), failed["error"]


def test_rows_that_decode_to_just_under_the_limit_are_analysed(
    make_app: MakeApp, tmp_path: Path
) -> None:
    path = _repeated(tmp_path / "under.parquet", 3, LONG)
    decoded = sum(batch.nbytes for batch in pq.ParquetFile(path).iter_batches(batch_size=1))
    limit = decoded + 1024  # by the rows' decoded bytes, as the reader counts them
    assert limit < 3 * len(LONG) * 11 // 10
    with TestClient(make_app(max_unpacked_bytes=limit), base_url=BASE_URL) as client:
        corpus = wait_for(client, upload(client, path).json()["id"])
    assert (corpus["status"], corpus["total"], corpus["done"]) == ("done", 3, 3), corpus

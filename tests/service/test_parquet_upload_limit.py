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

"""A Parquet upload whose compressed column data unpacks past ``max_unpacked_bytes`` is
refused naming the limit: at once (413) when its metadata or its pages' headers say so, or
its rows alone decode to more (service.corpora_routes, readers.parquet); as its analysis
reads it (the corpus fails) when its decoded rows come to more, as a ``.zst`` upload's do
(service.jobs). A column of lists, which one row could unpack to any size, is refused at
once (400) naming the file and the column; a file that is no Parquet, as unreadable (422).
Nothing is kept of a refused upload."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, assert_error, upload, wait_for

from carelens.service.settings import ServiceSettings
from parquet_files import list_bomb, pairs, understate_sizes

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


def _nothing_kept(client: TestClient, data_dir: Path) -> None:
    """No corpus, and no file in the uploads folder."""
    assert client.get("/v1/corpora").json()["corpora"] == []
    uploads = ServiceSettings(data_dir=data_dir).uploads_dir
    assert not [p for p in uploads.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert not list((uploads / ".incoming").glob("*"))


def test_a_parquet_upload_that_unpacks_past_the_limit_is_refused_naming_it(
    make_app: MakeApp, tmp_path: Path, data_dir: Path
) -> None:
    bomb = _pairs(tmp_path / "bomb.parquet", 2000)  # about 22 MB of text in a few KB
    assert bomb.stat().st_size < 64 << 10
    with TestClient(make_app(max_unpacked_bytes=1 << 20), base_url=BASE_URL) as client:
        error = assert_error(upload(client, bomb), 413, "payload_too_large")
        assert error["message"].startswith(
            "bomb.parquet: the file unpacks to more than 1 MiB, the most this server reads "
            "from one compressed upload (max_unpacked_bytes); nothing was analysed"
        ), error
        _nothing_kept(client, data_dir)


def test_a_parquet_upload_whose_footer_understates_is_refused_by_its_pages(
    make_app: MakeApp, tmp_path: Path, data_dir: Path
) -> None:
    """Was: queued, then one row of 8 MiB decoded before it was counted; the footer says
    each column unpacks to 1 byte, the page headers say otherwise."""
    text = "I cannot stop going over what happened that night. " * (160 << 10)
    bomb = pairs(
        tmp_path / "lying.parquet",
        [text],
        compression="zstd",
        use_dictionary=False,
        write_statistics=False,
    )
    understate_sizes(bomb)
    with TestClient(make_app(max_unpacked_bytes=1 << 20), base_url=BASE_URL) as client:
        error = assert_error(upload(client, bomb, format="parquet"), 413, "payload_too_large")
        assert error["message"].startswith("lying.parquet: the file unpacks to more than 1 MiB")
        _nothing_kept(client, data_dir)


def test_a_parquet_upload_with_a_column_of_lists_is_refused_naming_it(
    make_app: MakeApp, tmp_path: Path, data_dir: Path
) -> None:
    """Was: queued, then its one row decoded to 200 MiB (a 1 KiB text listed 200,000 times)
    before anything was counted."""
    bomb = list_bomb(tmp_path / "tags.parquet", "x" * 1024, 200_000)
    with TestClient(make_app(max_unpacked_bytes=1 << 20), base_url=BASE_URL) as client:
        error = assert_error(upload(client, bomb), 400, "unsupported_column")
        assert error["message"].startswith(
            "tags.parquet, field 'tags': the column holds lists (list<element: string>), which "
            "cannot be read under a limit on what the file unpacks to"
        ), error
        assert error["message"].endswith(". Fix the file and upload it again"), error
        _nothing_kept(client, data_dir)


@pytest.mark.parametrize("body", [b"seeker_id,response_id\ns1,r1\n", b"PAR1" + b"\0" * 64])
def test_a_file_sent_as_parquet_that_is_none_is_refused_as_unreadable(
    make_app: MakeApp, tmp_path: Path, data_dir: Path, body: bytes
) -> None:
    path = tmp_path / "pairs.parquet"
    path.write_bytes(body)
    with TestClient(make_app(), base_url=BASE_URL) as client:
        error = assert_error(upload(client, path, format="parquet"), 422, "unreadable_file")
        assert error["message"].startswith("pairs.parquet: not a readable Parquet file"), error
        _nothing_kept(client, data_dir)


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

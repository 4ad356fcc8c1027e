"""A Parquet file whose name is not UTF-8 (``caf\\xe9.parquet``): Arrow takes a path as UTF-8
text, so the reader opens such a file in Python and hands it over, closing it after."""

from __future__ import annotations

import gc
import os
import warnings
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges

ROWS = [
    {"seeker_id": "s1", "response_id": "r1", "seeker": "I feel alone", "response": "I hear you"},
    {"seeker_id": "s2", "response_id": "r2", "seeker": "Work is a lot", "response": "Rest?"},
]


def _undecodable(tmp_path: Path, stem: bytes) -> Path:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + stem))
    try:
        path.write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses a name that is not UTF-8")
    return path


def test_a_parquet_file_whose_name_is_not_utf8_is_read_and_closed(tmp_path: Path) -> None:
    path = _undecodable(tmp_path, b"caf\xe9.parquet")
    staged = tmp_path / "staged.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), staged)
    os.replace(staged, path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)  # an unclosed file fails the test
        exchanges = [e for _, e in _read(path)]
        gc.collect()
    assert [(e.seeker.text, e.response.text) for e in exchanges] == [
        ("I feel alone", "I hear you"),
        ("Work is a lot", "Rest?"),
    ]


def test_a_broken_parquet_file_whose_name_is_not_utf8_is_named_readably(tmp_path: Path) -> None:
    path = _undecodable(tmp_path, b"caf\xe9.parquet")
    path.write_bytes(b"PAR1 but not really a Parquet file PAR1")
    with pytest.raises(InputError, match="not a readable Parquet file") as caught:
        list(_read(path))
    assert "caf\\xe9.parquet" in str(caught.value)


def _read(path: Path) -> list[tuple[int, object]]:
    return [(i, e) for i, e in enumerate(read_exchanges(path, rejects=RejectLog()))]

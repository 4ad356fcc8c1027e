"""Numeric ids as pandas writes them: integral floats (``1.0``) match integer ids (``1``)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges, read_turns
from carelens.readers.base import ReadContext, optional_str

RejectRows = Callable[[Path], list[tuple[object, ...]]]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.0, "1"), (-3.0, "-3"), (1e20, "100000000000000000000"), (2.5, "2.5"), (math.nan, None)],
)
def test_optional_str_of_floats(value: float, expected: str | None) -> None:
    assert optional_str(value) == expected


def test_ident_of_floats(tmp_path: Path) -> None:
    rejects = RejectLog()
    ctx = ReadContext(path=tmp_path / "x.jsonl", rejects=rejects)
    assert ctx.ident(7.0, 1, "id") == "7"
    assert ctx.ident(7, 1, "id") == "7"
    assert ctx.ident(math.nan, 2, "id") is None
    assert ctx.ident(2.5, 3, "id") is None
    assert ctx.ident(math.inf, 4, "id") is None
    assert rejects.counts == {"missing id": 1, "invalid field value": 2}


def test_parquet_from_pandas_pairs_float_parents(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "pd.parquet"
    pd.DataFrame(
        {
            "message_id": [1, 2, 3],
            "parent_id": [None, 1, 2],  # float64 with NaN -> 1.0, 2.0
            "thread_id": [10.0, 10.0, 10.0],
            "text": ["Work is crushing me.", "That sounds exhausting.", "It really is."],
            "author": ["a", "b", "a"],
        }
    ).to_parquet(path)
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("1", "2"), ("2", "3")]
    assert exchanges[0].response.conversation_id == "10"
    assert rejects.total == 0


def test_jsonl_turns_with_float_ids(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    rows = [
        {"id": 1, "text": "I failed my exam.", "reply_to": None, "speaker": "a"},
        {"id": 2.0, "text": "Oh no, I'm sorry.", "reply_to": 1.0, "speaker": "b"},
        {"id": 3, "text": "Thanks.", "reply_to": 2.0, "speaker": "a"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("1", "2"), ("2", "3")]
    assert rejects.total == 0


def test_nan_parent_is_no_parent(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    path.write_text(
        '{"id": 1, "text": "hello", "reply_to": NaN}\n{"id": 2, "text": "hi", "reply_to": 1}\n',
        encoding="utf-8",
    )
    rejects = RejectLog()
    turns = list(read_turns(path, rejects=rejects))
    assert [t.reply_to for t in turns] == [None, "1"]
    assert rejects.total == 0


def test_csv_float_parent_written_by_pandas(tmp_path: Path) -> None:
    # pandas writes a float parent column as "1.0" in a CSV; the message ids are "1".
    path = tmp_path / "thread.csv"
    path.write_text(
        "message_id,parent_id,text,author\n"
        "1,,My cat died today.,a\n"
        "2,1.0,I'm so sorry about your cat.,b\n"
        "3,9.0,Who am I answering?,c\n",
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("1", "2")]
    assert rejects.counts == {"unknown parent": 1}

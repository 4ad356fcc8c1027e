"""The Parquet reader: pair, thread and turn tables read like their CSV/JSONL twins."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, detect_format, read_exchanges, read_records, read_turns
from carelens.readers.parquet import ROWS_PER_BATCH
from carelens.types import Exchange, Turn

RejectRows = list[tuple[object, object, object, object]]


def _csv_rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def test_pairs_match_the_csv(data_dir: Path, tmp_path: Path) -> None:
    rows = _csv_rows(data_dir / "epitome_pairs.csv")
    path = _write(tmp_path / "pairs.parquet", [dict(r) for r in rows])
    assert detect_format(path) == "parquet"
    got = list(read_exchanges(path, rejects=RejectLog()))
    want = list(read_exchanges(data_dir / "epitome_pairs.csv", rejects=RejectLog()))
    assert [(e.seeker, e.response.id, e.response.text) for e in got] == [
        (e.seeker, e.response.id, e.response.text) for e in want
    ]


def test_pair_table_reads_speaker_and_timestamp(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    rows: list[dict[str, object]] = [
        {"seeker_id": 1, "response_id": 2, "seeker": "I feel lost.", "response": "I'm here.",
         "speaker": "maya", "seeker_speaker": "ana", "community": "grief",
         "timestamp": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)},
    ]  # fmt: skip
    (exchange,) = read_exchanges(_write(tmp_path / "pairs.parquet", rows))
    assert (exchange.response.speaker, exchange.seeker.speaker) == ("maya", "ana")
    assert exchange.response.timestamp == "2024-01-02T03:04:05+00:00"
    assert exchange.response.meta == {"community": "grief"}


def test_thread_table_pairs_like_the_csv(data_dir: Path, tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {k: (v or None) for k, v in r.items()} for r in _csv_rows(data_dir / "thread.csv")
    ]
    path = _write(tmp_path / "thread.parquet", rows)
    got = list(read_exchanges(path, rejects=RejectLog()))
    want = list(read_exchanges(data_dir / "thread.csv", rejects=RejectLog()))
    assert got and [(e.seeker.text, e.response.text) for e in got] == [
        (e.seeker.text, e.response.text) for e in want
    ]


def test_turn_table_with_timestamps_and_column_map(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    rows: list[dict[str, object]] = [
        {"uid": "a", "who": "x", "thread": "t", "parent": None, "body": "I feel lost.",
         "at": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)},
        {"uid": "b", "who": "y", "thread": "t", "parent": "a", "body": "What happened?",
         "at": datetime(2024, 1, 2, 4, 0, 0, tzinfo=UTC)},
    ]  # fmt: skip
    path = _write(tmp_path / "turns.pq", rows)
    mapping = {
        "id": "uid",
        "speaker": "who",
        "conversation_id": "thread",
        "reply_to": "parent",
        "text": "body",
        "timestamp": "at",
    }
    turns = list(read_turns(path, column_map=mapping))
    assert [t.id for t in turns] == ["a", "b"]
    assert turns[0].timestamp == "2024-01-02T03:04:05+00:00"
    assert turns[1] == Turn(
        id="b",
        text="What happened?",
        speaker="y",
        conversation_id="t",
        reply_to="a",
        timestamp="2024-01-02T04:00:00+00:00",
    )
    (exchange,) = read_exchanges(path, column_map=mapping)
    assert (exchange.seeker.id, exchange.response.id) == ("a", "b")


def test_bad_rows_are_rejected_with_their_row_number(
    tmp_path: Path, reject_rows: Callable[[Path], RejectRows]
) -> None:
    n = ROWS_PER_BATCH + 5  # the bad row is in the second batch
    rows: list[dict[str, object]] = [
        {"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": "hi", "response": "hello"}
        for i in range(n)
    ]
    rows[ROWS_PER_BATCH + 2]["response"] = "   "
    path = _write(tmp_path / "pairs.parquet", rows)
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        records = list(read_records(path, rejects=log))
    assert len(records) == n - 1
    assert all(isinstance(r.item, Exchange) for r in records)
    assert records[0].line == 1 and records[-1].line == n
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("pairs.parquet", ROWS_PER_BATCH + 3, "response", "missing text")
    ]


def test_a_file_that_is_not_parquet_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not a parquet file")
    with pytest.raises(InputError, match="not a readable Parquet file") as info:
        list(read_exchanges(path))
    assert "broken.parquet" in str(info.value)


def test_detected_from_the_magic_without_an_extension(data_dir: Path, tmp_path: Path) -> None:
    rows = _csv_rows(data_dir / "epitome_pairs.csv")
    path = _write(tmp_path / "pairs.data", [dict(r) for r in rows])
    assert detect_format(path) == "parquet"


def _table(path: Path, columns: dict[str, list[object]], names: list[str]) -> Path:
    """A table whose column names may repeat (``names``), values by position."""
    arrays = [pa.array(values) for values in columns.values()]
    pq.write_table(pa.Table.from_arrays(arrays, names=names), path)
    return path


def _csv_twin(path: Path, names: list[str], values: list[str]) -> Path:
    path.write_text(",".join(names) + "\n" + ",".join(values) + "\n", encoding="utf-8")
    return path


def test_a_column_named_twice_is_refused_as_in_csv(tmp_path: Path) -> None:
    names = ["seeker_id", "response_id", "seeker", "response", "response"]
    values = ["a", "b", "I feel lost", "first", "second"]
    path = _table(tmp_path / "dup.parquet", {str(i): [v] for i, v in enumerate(values)}, names)
    with pytest.raises(InputError, match="column 'response' appears 2 times") as info:
        read_exchanges(path)
    assert info.value.line is None  # the schema, not a row
    with pytest.raises(InputError, match="column 'response' appears 2 times"):
        list(read_exchanges(_csv_twin(tmp_path / "dup.csv", names, values)))
    # a column no layout reads is kept twice, under a numbered name, as in CSV
    names = [*names[:4], "note", "note"]
    values = [*values, "third"]
    path = _table(tmp_path / "note.parquet", {str(i): [v] for i, v in enumerate(values)}, names)
    (exchange,) = read_exchanges(path)
    (twin,) = read_exchanges(_csv_twin(tmp_path / "note.csv", names, values))
    assert exchange.response.meta == twin.response.meta == {"note": "second", "note.2": "third"}


def test_a_turn_column_named_twice_is_refused(tmp_path: Path) -> None:
    columns: dict[str, list[object]] = {"a": ["t1"], "b": ["hello"], "c": ["hi"]}
    path = _table(tmp_path / "turns.parquet", columns, ["id", "text", "text"])
    with pytest.raises(InputError, match="'text' 2 times"):
        read_exchanges(path)


def test_a_column_map_onto_a_present_column_is_refused(tmp_path: Path) -> None:
    names = ["q", "seeker", "response", "seeker_id", "response_id"]
    values = ["I feel lost", "other", "hm", "a", "b"]
    path = _table(tmp_path / "cm.parquet", {str(i): [v] for i, v in enumerate(values)}, names)
    message = "column 'seeker' appears 2 times in the header after the column map"
    cm = {"seeker": "q"}
    with pytest.raises(InputError, match=message):
        read_exchanges(path, column_map=cm)
    with pytest.raises(InputError, match=message):
        list(read_exchanges(_csv_twin(tmp_path / "cm.csv", names, values), column_map=cm))


def test_values_without_a_json_type_are_read_as_json_values(tmp_path: Path) -> None:
    """Extra columns go to ``meta``, which ``carelens batch`` writes as JSON: a ``date``
    column stopped it (dates, times, decimals and bytes stayed Python objects)."""
    from datetime import date, time
    from decimal import Decimal

    rows: list[dict[str, object]] = [
        {"seeker_id": "s1", "response_id": "r1", "seeker": "I lost my wallet.",
         "response": b"That is stressful.", "posted_on": date(2024, 1, 2),
         "at": time(9, 30), "score": Decimal("1.50"), "raw": b"\xff\x00",
         "tags": [date(2024, 1, 3)]},
    ]  # fmt: skip
    (exchange,) = read_exchanges(_write(tmp_path / "pairs.parquet", rows))
    assert exchange.response.text == "That is stressful."  # a binary text column is UTF-8
    assert exchange.response.meta == {
        "posted_on": "2024-01-02",
        "at": "09:30:00",
        "score": "1.50",
        "raw": b"\xff\x00",  # not UTF-8: left as it is (batch writes it as hexadecimal)
        "tags": ["2024-01-03"],
    }


def test_a_mapped_column_the_table_lacks_is_a_whole_file_error(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"seeker_id": "s1", "response_id": "r1", "seeker": "I feel sad.", "response": "I'm here.",
         "helper": "vol-a"},
    ]  # fmt: skip
    path = _write(tmp_path / "cm.parquet", rows)
    with pytest.raises(InputError) as info:
        read_exchanges(path, column_map={"speaker": "helpr"})
    message = str(info.value)
    assert "cm.parquet" in message and "'speaker'" in message and "'helpr'" in message
    assert "found columns: 'seeker_id', 'response_id', 'seeker', 'response', 'helper'" in message
    (exchange,) = read_exchanges(path, column_map={"speaker": "helper"})
    assert exchange.response.speaker == "vol-a"

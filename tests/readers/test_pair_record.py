"""Every pair reader tells its context a record's response id before it checks any field
of the record (``ReadContext.pair_record``), whatever the order of the columns or keys: a
reject that follows is known to be that response's (``evaluate --split`` relies on it)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from carelens.readers import READERS, ReadContext, RejectLog

Event = tuple[str, int | None, object]


@dataclass(frozen=True, slots=True)
class _Recording(ReadContext):
    events: list[Event] = field(default_factory=list)

    def pair_record(self, line: int | None, response_id: object) -> None:
        self.events.append(("record", line, response_id))

    def reject(
        self, line: int | None, field: str | None, reason: str, detail: str | None = None
    ) -> None:
        self.events.append(("reject", line, field))
        ReadContext.reject(self, line, field, reason, detail)


def _told(path: Path, fmt: str) -> dict[int | None, tuple[object, list[object]]]:
    """Per line: the response id the context was told, and the fields rejected after it
    (each reject must follow the telling of its own line)."""
    ctx = _Recording(path=path, rejects=RejectLog())
    list(READERS[fmt](ctx))
    told: dict[int | None, tuple[object, list[object]]] = {}
    last: int | None = None
    for kind, line, value in ctx.events:
        if kind == "record":
            told[line], last = (value, []), line
        else:
            assert line == last, f"a reject on line {line} before its record was told"
            told[line][1].append(value)
    return told


# Rows: a blank sp_id (checked before rp_id), an empty response, then a good one.
ROWS = [("", "r1", "Hi.", "Hello."), ("s2", "r2", "Hi.", ""), ("s3", "r3", "Hi.", "Hello.")]


@pytest.mark.parametrize("reverse", [False, True])
def test_csv(tmp_path: Path, reverse: bool) -> None:
    names = ["sp_id", "rp_id", "seeker_post", "response_post"]
    order = names[::-1] if reverse else names
    lines = [",".join(order)]
    for row in ROWS:
        cells = dict(zip(names, row, strict=True))
        lines.append(",".join(cells[n] for n in order))
    path = tmp_path / "pairs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _told(path, "csv") == {
        2: ("r1", ["sp_id"]),
        3: ("r2", ["response_post"]),
        4: ("r3", []),
    }


def test_csv_rows_with_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_bytes(
        b"response_post,seeker_post,rp_id,sp_id\n"
        b"Caf\xe9.,Hi.,r1,s1\n"  # in a text: the id is told
        b"Hello.,Hi.,r\xe92,s2\n"  # in the response id: it is none
    )
    assert _told(path, "csv") == {2: ("r1", ["response_post"]), 3: (None, ["rp_id"])}


@pytest.mark.parametrize("reverse", [False, True])
def test_jsonl(tmp_path: Path, reverse: bool) -> None:
    names = ["seeker_id", "response_id", "seeker", "response"]
    order = names[::-1] if reverse else names
    records = [dict(zip(names, row, strict=True)) for row in ROWS]
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        "".join(json.dumps({n: r[n] for n in order}) + "\n" for r in records), encoding="utf-8"
    )
    assert _told(path, "jsonl") == {
        1: ("r1", ["seeker_id"]),
        2: ("r2", ["response"]),
        3: ("r3", []),
    }


def test_parquet(tmp_path: Path) -> None:
    names = ["sp_id", "rp_id", "seeker_post", "response_post"]
    rows = [dict(zip(names, row, strict=True)) for row in ROWS]
    path = tmp_path / "pairs.parquet"
    pq.write_table(pa.Table.from_pylist([{n: r[n] for n in names[::-1]} for r in rows]), path)
    assert _told(path, "parquet") == {
        1: ("r1", ["sp_id"]),
        2: ("r2", ["response_post"]),
        3: ("r3", []),
    }

"""Fuzz the Parquet reader: bytes become either a raw (usually corrupt) ``.parquet`` file, or
JSON Lines rows written as a real Parquet table (so the reader sees odd columns, types and
values, not only broken files); format="parquet".

Run: ``.venv/bin/python fuzz/fuzz_parquet.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import json

import _harness as h
import pyarrow as pa
import pyarrow.parquet as pq

_MAP = {"id": "uid", "text": "body", "seeker": "question", "response": "answer"}


def _table(data: bytes) -> pa.Table | None:
    rows = []
    for line in data.split(b"\n"):
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict):
            rows.append(row)
    names = list(dict.fromkeys(k for row in rows for k in row))
    try:
        return pa.table({k: [row.get(k) for row in rows] for k in names})
    except (pa.ArrowException, ValueError, TypeError, OverflowError):
        return None  # values Arrow cannot type as one column: not a Parquet file anyone has


def test_one(data: bytes) -> None:
    column_map = _MAP if len(data) % 5 == 0 else None
    if data[:1] in (b"P", b"\x00"):
        path = h.write_input(b"PAR1" + data + b"PAR1", "input.parquet")
    else:
        table = _table(data)
        if table is None:
            return
        path = h.write_input(b"", "input.parquet")
        pq.write_table(table, path)
    h.read_all(path, "parquet", max_chars=h.limit_for(data), column_map=column_map)


if __name__ == "__main__":
    h.run("parquet", test_one)

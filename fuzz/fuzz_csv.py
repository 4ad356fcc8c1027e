"""Fuzz the CSV/TSV reader: bytes become a ``.csv`` or ``.tsv`` file read with format="csv".

Run: ``.venv/bin/python fuzz/fuzz_csv.py [libFuzzer flags] [corpus dirs]`` (see fuzz/README.md).
"""

from __future__ import annotations

import _harness as h

_MAP = {"message_id": "id", "text": "body", "seeker_post": "question"}


def test_one(data: bytes) -> None:
    name = "input.tsv" if len(data) % 2 else "input.csv"
    path = h.write_input(data, name)
    column_map = _MAP if len(data) % 5 == 0 else None
    h.read_all(path, "csv", max_chars=h.limit_for(data), column_map=column_map, plain=data)


if __name__ == "__main__":
    h.run("csv", test_one)

"""Fuzz the JSON Lines reader (pairs or turns): bytes become a ``.jsonl`` file, format="jsonl".

Run: ``.venv/bin/python fuzz/fuzz_jsonl.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import _harness as h

_MAP = {"id": "uid", "text": "body", "seeker_post": "question", "response_post": "answer"}


def test_one(data: bytes) -> None:
    path = h.write_input(data, "input.jsonl")
    column_map = _MAP if len(data) % 5 == 0 else None
    h.read_all(path, "jsonl", max_chars=h.limit_for(data), column_map=column_map, plain=data)


if __name__ == "__main__":
    h.run("jsonl", test_one)

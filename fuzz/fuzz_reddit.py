"""Fuzz the Reddit dump reader on plain NDJSON: bytes become ``dump.ndjson``, format="reddit".

Run: ``.venv/bin/python fuzz/fuzz_reddit.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import _harness as h


def test_one(data: bytes) -> None:
    path = h.write_input(data, "dump.ndjson")
    h.read_all(path, "reddit", max_chars=h.limit_for(data), plain=data)


if __name__ == "__main__":
    h.run("reddit", test_one)

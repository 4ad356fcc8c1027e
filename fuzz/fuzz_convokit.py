"""Fuzz the ConvoKit corpus reader: bytes become ``<folder>/utterances.jsonl``, read as a folder.

Run: ``.venv/bin/python fuzz/fuzz_convokit.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import _harness as h


def test_one(data: bytes) -> None:
    folder = h.write_input(data, "utterances.jsonl", folder=True)
    h.read_all(folder, "convokit", max_chars=h.limit_for(data), plain=data)


if __name__ == "__main__":
    h.run("convokit", test_one)

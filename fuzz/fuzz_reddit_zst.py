"""Fuzz the Reddit dump reader on ``.zst`` files, both well-formed and corrupt streams.

The first byte picks the mode: even — the rest is NDJSON that the target compresses (so the
reader's logic is fuzzed through the decompressor, with frames of varied sizes); odd — the rest
is written as the ``.zst`` file as is (corrupt, truncated or hostile Zstandard streams must
give an InputError, never another exception).

Run: ``.venv/bin/python fuzz/fuzz_reddit_zst.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import _harness as h
import zstandard


def test_one(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0], data[1:]
    if mode % 2 == 0:
        level = 1 + (mode >> 1) % 5
        write_size = bool(mode & 0x10)
        blob = zstandard.ZstdCompressor(level=level, write_content_size=write_size).compress(body)
        plain: bytes | None = body
    else:
        blob, plain = body, None
    path = h.write_input(blob, "dump.zst")
    h.read_all(path, "reddit", max_chars=h.limit_for(data), plain=plain)


if __name__ == "__main__":
    h.run("reddit_zst", test_one)

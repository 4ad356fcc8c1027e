"""``unpacked_limit``: a ``.zst`` file read past a number of unpacked bytes stops the read
(the server's guard against a few KB that unpack to gigabytes); outside it, no limit."""

from __future__ import annotations

from pathlib import Path

import pytest
import zstandard

from carelens.readers import RejectLog, read_exchanges
from carelens.readers.base import UnpackedLimitError, unpacked_limit

LINE = (
    b'{"seeker_id": "s1", "response_id": "r1", "seeker": "I feel so alone lately.", '
    b'"response": "That sounds hard."}\n'
)


def packed(tmp_path: Path, lines: int) -> Path:
    path = tmp_path / "pairs.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(LINE * lines))
    return path


def test_a_read_past_the_limit_raises_naming_it(tmp_path: Path) -> None:
    path = packed(tmp_path, 1000)
    read = 0
    with unpacked_limit(10 * len(LINE)), pytest.raises(UnpackedLimitError) as caught:
        for _ in read_exchanges(path, format="jsonl", rejects=RejectLog()):
            read += 1
    assert read < 1000
    assert caught.value.limit == 10 * len(LINE) and caught.value.path == str(path)
    assert f"more than {10 * len(LINE):,} bytes" in str(caught.value)


def test_a_file_within_the_limit_and_any_file_outside_it_read_whole(tmp_path: Path) -> None:
    path = packed(tmp_path, 1000)
    with unpacked_limit(1000 * len(LINE)):
        assert sum(1 for _ in read_exchanges(path, format="jsonl")) == 1000
    assert sum(1 for _ in read_exchanges(path, format="jsonl")) == 1000  # no limit here


def test_check_is_called_as_unpacked_bytes_come_and_may_stop_the_read(tmp_path: Path) -> None:
    """Even where no record comes (blank lines), the check sees the read go on."""
    path = tmp_path / "blank.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(b"\n" * (8 << 20)))
    calls = 0

    class Enough(Exception):
        pass

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise Enough

    with unpacked_limit(None, check=check), pytest.raises(Enough):
        list(read_exchanges(path, format="jsonl"))
    assert calls == 3

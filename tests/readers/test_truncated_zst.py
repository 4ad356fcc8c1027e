"""A ``.zst`` file cut short: what was read is kept and the cut is reported as a reject."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import zstandard

from carelens.errors import InputError
from carelens.readers import RejectLog, detect_format, read_exchanges
from carelens.readers.base import ZstdFrames, iter_raw_lines


def _dump(n_comments: int = 400) -> bytes:
    lines = [
        json.dumps(
            {"id": "s1", "author": "op", "title": "Rough week", "selftext": "Everything piles up."}
        )
    ]
    for i in range(n_comments):
        comment = {
            "id": f"c{i}",
            "author": f"u{i}",
            "body": f"Hang in there, reply number {i}.",
            "parent_id": "t3_s1",
            "link_id": "t3_s1",
        }
        lines.append(json.dumps(comment))
    return ("\n".join(lines) + "\n").encode()


def _compress(data: bytes, *, block_every: int = 0) -> bytes:
    """One frame, streamed (no content size); a block ends every ``block_every`` lines."""
    out = io.BytesIO()
    with zstandard.ZstdCompressor(level=3).stream_writer(out, closefd=False) as writer:
        for i, line in enumerate(data.splitlines(keepends=True), start=1):
            writer.write(line)
            if block_every and i % block_every == 0:
                writer.flush(zstandard.FLUSH_BLOCK)
    return out.getvalue()


def _entries(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_truncated_dump_keeps_what_was_read_and_says_so(tmp_path: Path) -> None:
    packed = _compress(_dump(), block_every=10)
    path = tmp_path / "RC_cut.zst"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    assert detect_format(path) == "reddit"
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert 100 < len(exchanges) < 400
    assert [e.response.id for e in exchanges] == [f"c{i}" for i in range(len(exchanges))]
    assert rejects.counts == {"truncated file": 1}
    (entry,) = _entries(tmp_path / "rejects.jsonl")
    assert entry["path"] == str(path)
    assert entry["line"] == len(exchanges) + 2  # the first line not read whole
    assert "ended early" in str(entry["detail"]) and "complete" in str(entry["detail"])


def test_truncated_single_block_dump(tmp_path: Path) -> None:
    packed = _compress(_dump())
    path = tmp_path / "cut.zst"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    rejects = RejectLog()
    assert list(read_exchanges(path, format="reddit", rejects=rejects)) == []
    assert rejects.counts == {"truncated file": 1}


@pytest.mark.parametrize("keep", [1, 3, 4, 5, 9])
def test_cut_in_the_frame_header(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "tiny.jsonl.zst"
    path.write_bytes(_compress(b'{"id": "u1", "text": "hello"}\n')[:keep])
    rejects = RejectLog()
    assert list(read_exchanges(path, format="jsonl", rejects=rejects)) == []
    assert rejects.counts == {"truncated file": 1}


def test_complete_files_have_no_reject(tmp_path: Path) -> None:
    data = _dump(50)
    frames = [_compress(data, block_every=7), zstandard.ZstdCompressor().compress(data)]
    skippable = b"\x50\x2a\x4d\x18" + (3).to_bytes(4, "little") + b"abc"
    path = tmp_path / "many_frames.zst"
    path.write_bytes(frames[0] + skippable + frames[1])
    rejects = RejectLog()
    lines = [raw for _, raw in iter_raw_lines(path)]
    assert b"".join(x for x in lines if isinstance(x, bytes)) == data + data
    assert len(list(read_exchanges(path, format="reddit", rejects=rejects))) == 50
    assert rejects.counts == {"duplicate id": 51}
    empty = tmp_path / "empty.zst"
    empty.write_bytes(b"")
    assert list(read_exchanges(empty, format="reddit", rejects=rejects)) == []


def test_without_a_reject_log_the_cut_is_an_error(tmp_path: Path) -> None:
    packed = _compress(_dump(), block_every=10)
    path = tmp_path / "cut.zst"
    path.write_bytes(packed[:-5])
    with pytest.raises(InputError, match="ended early"):
        list(iter_raw_lines(path))


def test_frame_tracker_follows_blocks() -> None:
    packed = _compress(_dump(30), block_every=3)
    frames = ZstdFrames()
    for i in range(0, len(packed), 7):  # fed in small, unaligned pieces
        frames.feed(packed[i : i + 7])
        assert frames.complete == (i + 7 >= len(packed))

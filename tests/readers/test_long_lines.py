"""Over-long physical lines (O3): skipped in bounded chunks, rejected once, reading goes on.

A line longer than ``MAX_LINE_BYTES`` (32 bytes per character of the 1,000,000-character text
limit) is never held whole: the CSV, JSON Lines and Reddit readers (plain and ``.zst``) reject
it as ``line too long`` on its own line number and keep the good lines around it; a record
at the text limit in the bulkiest encoding still fits. The memory check runs in a subprocess
so that its peak RSS is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import zstandard

from carelens.errors import InputError
from carelens.readers import MAX_TEXT_CHARS, RejectLog, detect_format, read_exchanges
from carelens.readers.base import MAX_LINE_BYTES, LongLine, iter_raw_lines, line_limit

RejectRows = Callable[[Path], list[tuple[object, ...]]]

#: Bytes written per call when building a big line (never held whole by the test either).
_PIECE = 1 << 20


def _write(path: Path, parts: Iterable[bytes]) -> Path:
    """Write ``parts`` to ``path``, Zstandard-compressed (as a stream) for a ``.zst`` name."""
    with path.open("wb") as raw:
        if path.suffix == ".zst":
            cctx = zstandard.ZstdCompressor(level=1)
            with cctx.stream_writer(raw, closefd=False) as writer:
                for part in parts:
                    writer.write(part)
        else:
            for part in parts:
                raw.write(part)
    return path


def _filler(n: int, unit: bytes = b"a") -> Iterable[bytes]:
    """``n`` bytes of ``unit`` repeated, in pieces of about 1 MiB."""
    piece = unit * (_PIECE // len(unit))
    while n >= len(piece):
        yield piece
        n -= len(piece)
    yield unit * (n // len(unit))


def _long_line(prefix: bytes, suffix: bytes, size: int = MAX_LINE_BYTES + _PIECE) -> list[bytes]:
    """One line of ``size`` bytes or a little more: prefix, filler, suffix, newline."""
    return [prefix, *_filler(size - len(prefix) - len(suffix)), suffix, b"\n"]


def _json(obj: object) -> bytes:
    return json.dumps(obj).encode() + b"\n"


def _pair(i: int) -> dict[str, str]:
    return {
        "seeker_id": f"s{i}",
        "response_id": f"r{i}",
        "seeker": f"I feel low today ({i}).",
        "response": "That sounds hard. What happened?",
    }


def test_the_limit_is_derived_from_the_text_limit() -> None:
    assert MAX_LINE_BYTES == 32 * MAX_TEXT_CHARS == line_limit()
    assert line_limit(100) == MAX_LINE_BYTES  # a lower text limit never lowers it
    assert line_limit(4 * MAX_TEXT_CHARS) == 4 * MAX_LINE_BYTES


def test_csv_long_line_is_one_reject_and_the_good_rows_stay(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    path = _write(
        tmp_path / "pairs.csv",
        [
            b"seeker_id,response_id,seeker,response\n",  # 1
            b"s2,r2,I failed my exam.,I'm sorry. How are you holding up?\n",  # 2
            *_long_line(b's3,r3,"', b'",Too long.'),  # 3: one huge quoted field
            b"s4,r4,I can't sleep.,That sounds exhausting.\n",  # 4
            b's5,r5,"Two lines\nof text",Thanks for sharing.\n',  # 5-6
            b"s7,r7,My dog is sick.,I hope she gets better soon.\n",  # 7
        ],
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["r2", "r4", "r5", "r7"]
    assert exchanges[2].seeker.text == "Two lines\nof text"
    assert reject_rows(tmp_path / "rejects.jsonl") == [("pairs.csv", 3, None, "line too long")]
    assert rejects.counts == {"line too long": 1}


def test_csv_long_line_inside_a_quoted_record_keeps_the_next_records(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    # Line 4 closes the quote opened on line 3 (one quote: odd); line 6 opens a quote that
    # line 7 closes. The stand-in lines keep that parity, so rows 5 and 8 still parse.
    path = _write(
        tmp_path / "pairs.csv",
        [
            b"seeker_id,response_id,seeker,response\n",  # 1
            b"s2,r2,Hello.,Hi there.\n",  # 2
            b's3,r3,"It starts here\n',  # 3
            *_long_line(b"and goes on", b' for ever",Too long.'),  # 4
            b"s5,r5,Still here.,Glad you are.\n",  # 5
            *_long_line(b's6,r6,"', b""),  # 6: opens a quoted field
            b'and ends here",Too long.\n',  # 7
            b"s8,r8,Last one.,Take care.\n",  # 8
        ],
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["r2", "r5", "r8"]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("pairs.csv", 3, None, "line too long"),
        ("pairs.csv", 6, None, "line too long"),
    ]
    detail = json.loads((tmp_path / "rejects.jsonl").read_text().splitlines()[0])["detail"]
    assert detail.startswith("physical line 4: ")


def test_csv_header_too_long_is_an_input_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "wide.csv", [*_long_line(b"seeker_id,", b",response")])
    with pytest.raises(InputError, match="header line is too long"):
        list(read_exchanges(path))


def test_jsonl_long_line_is_one_reject_and_the_good_lines_stay(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    path = _write(
        tmp_path / "pairs.jsonl",
        [
            _json(_pair(1)),  # 1
            *_long_line(b'{"seeker_id": "s2", "response_id": "r2", "seeker": "', b'"}'),  # 2
            b"\n",  # 3: blank
            _json(_pair(4)),  # 4
        ],
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["r1", "r4"]
    assert reject_rows(tmp_path / "rejects.jsonl") == [("pairs.jsonl", 2, None, "line too long")]


@pytest.mark.parametrize("name", ["dump.ndjson", "dump.ndjson.zst"])
def test_reddit_long_line_is_one_reject_and_the_good_lines_stay(
    tmp_path: Path, reject_rows: RejectRows, name: str
) -> None:
    comment = {"parent_id": "t3_abc", "link_id": "t3_abc", "author": "otter"}
    path = _write(
        tmp_path / name,
        [
            _json({"id": "abc", "title": "Rough week", "selftext": "I lost my job."}),  # 1
            *_long_line(b'{"id": "c1", "parent_id": "t3_abc", "body": "', b'"}'),  # 2
            _json({"id": "c2", "body": "That is a lot. How are you coping?", **comment}),  # 3
        ],
    )
    assert detect_format(path) == "reddit"
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("abc", "c2")]
    assert reject_rows(tmp_path / "rejects.jsonl") == [(name, 2, None, "line too long")]


def test_detection_looks_past_a_long_first_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pairs.jsonl",
        [*_long_line(b'\xef\xbb\xbf{"seeker": "', b'"}'), _json(_pair(2))],
    )
    assert detect_format(path) == "jsonl"
    rejects = RejectLog()
    assert [e.response.id for e in read_exchanges(path, rejects=rejects)] == ["r2"]
    assert rejects.counts == {"line too long": 1}


def test_a_record_at_the_text_limit_in_the_bulkiest_encoding_still_fits(tmp_path: Path) -> None:
    # Two texts of MAX_TEXT_CHARS astral characters, each written as a 12-byte JSON escape
    # pair: 24 MB, under the 32 MB line limit; the record is read, not rejected.
    emoji = "\U0001f600"
    text = json.dumps(emoji)[1:-1].encode()  # b"\\ud83d\\ude00"
    assert len(text) == 12
    path = _write(
        tmp_path / "pairs.jsonl",
        [
            b'{"seeker_id": "s1", "response_id": "r1", "seeker": "',
            *_filler(MAX_TEXT_CHARS * len(text), text),
            b'", "response": "',
            *_filler(MAX_TEXT_CHARS * len(text), text),
            b'"}\n',
        ],
    )
    assert path.stat().st_size > 24 * MAX_TEXT_CHARS
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert rejects.total == 0
    assert [len(e.response.text) for e in exchanges] == [MAX_TEXT_CHARS]
    assert exchanges[0].seeker.text[:2] == emoji * 2


@pytest.mark.parametrize("suffix", ["", ".zst"])
def test_iter_raw_lines_at_the_edges(tmp_path: Path, suffix: str) -> None:
    path = _write(
        tmp_path / f"lines.txt{suffix}",
        [
            b"\xef\xbb\xbf" + b"x" * 20 + b"\n",  # 1: over, BOM removed from the head
            b"y" * 9 + b"\n",  # 2: exactly the limit, newline included
            b"z" * 10 + b"\n",  # 3: one byte over
            b'"a"' * 7 + b"\r\n",  # 4: 23 bytes, 14 quotes
            b"ok\n",  # 5
            b"w" * 30,  # 6: over, no final newline
        ],
    )
    lines = list(iter_raw_lines(path, max_line_bytes=10))
    assert lines == [
        (1, LongLine(size=20, quotes=0, head=b"x" * 7, limit=10)),  # first chunk
        (2, b"y" * 9 + b"\n"),
        (3, LongLine(size=10, quotes=0, head=b"z" * 10, limit=10)),
        (4, LongLine(size=21, quotes=14, head=b'"a"' * 3 + b'"', limit=10)),
        (5, b"ok\n"),
        (6, LongLine(size=30, quotes=0, head=b"w" * 10, limit=10)),
    ]
    assert [n for n, _ in iter_raw_lines(path)] == [1, 2, 3, 4, 5, 6]


_MEASURE = """
import resource, sys, time, tracemalloc
from carelens.readers import RejectLog, read_turns

tracemalloc.start()
start = time.perf_counter()
rejects = RejectLog()
turns = list(read_turns(sys.argv[1], format="reddit", rejects=rejects))
seconds = time.perf_counter() - start
traced = tracemalloc.get_traced_memory()[1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(len(turns), rejects.counts.get("line too long", 0), traced, rss, f"{seconds:.2f}")
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", ["big.ndjson", "big.ndjson.zst"])
def test_a_200_mb_line_is_read_in_bounded_memory(tmp_path: Path, name: str) -> None:
    size = 200 * 1024 * 1024
    path = _write(
        tmp_path / name,
        [
            _json({"id": "abc", "title": "Rough week", "selftext": "I lost my job."}),
            *_long_line(b'{"id": "c1", "parent_id": "t3_abc", "body": "', b'"}', size),
            _json({"id": "c2", "parent_id": "t3_abc", "body": "How are you coping?"}),
        ],
    )
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    turns, too_long, traced, rss, seconds = done.stdout.split()
    print(
        f"{name}: {path.stat().st_size:,} bytes on disk, one {size:,}-byte line; read in "
        f"{seconds} s; peak of Python allocations {int(traced) / 2**20:.1f} MiB, "
        f"peak RSS of the process {int(rss) / 2**20:.0f} MiB"
    )
    # Held whole, the line alone would take its size (and more, decoded); bounded reading
    # holds at most about one line limit (32 MB) of it at a time.
    assert (int(turns), int(too_long)) == (2, 1)
    assert int(traced) < 2 * MAX_LINE_BYTES < size // 3

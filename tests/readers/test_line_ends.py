"""Line ends: CR-only files (old Mac, Excel for Mac's "CSV (Macintosh)") are read line by line.

A file whose first line ends in a lone CR has CR, LF and CRLF all ending lines, as the csv
module's universal newlines; any other file keeps LF (CRLF) line ends, and a lone CR stays
in its line. Rejects name the line as so counted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard

from carelens.readers import RejectLog, detect_format, read_exchanges
from carelens.readers.base import LongLine, iter_raw_lines

RejectRows = Callable[[Path], list[tuple[object, ...]]]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(zstandard.ZstdCompressor().compress(data) if path.suffix == ".zst" else data)
    return path


@pytest.mark.parametrize("suffix", ["", ".zst"])
def test_a_lone_cr_ends_a_line_in_a_file_whose_first_line_ends_so(
    tmp_path: Path, suffix: str
) -> None:
    path = _write(tmp_path / f"mac.txt{suffix}", b"\xef\xbb\xbfa,b\rc\r\nd\ne\r\rf")
    assert list(iter_raw_lines(path)) == [
        (1, b"a,b\r"),
        (2, b"c\r\n"),
        (3, b"d\n"),
        (4, b"e\r"),
        (5, b"\r"),
        (6, b"f"),
    ]


def test_a_lone_cr_stays_in_its_line_when_the_first_line_ends_in_lf(tmp_path: Path) -> None:
    path = _write(tmp_path / "unix.txt", b"a,b\nc\rd\r\ne\n")
    assert list(iter_raw_lines(path)) == [(1, b"a,b\n"), (2, b"c\rd\r\n"), (3, b"e\n")]


def test_cr_line_ends_cut_between_chunks(tmp_path: Path) -> None:
    """Read 4 bytes at a time: a CRLF split over two reads is one line end, a lone CR that
    ends a read is a line end, and a line over the limit is a LongLine of the right size."""
    path = _write(tmp_path / "cut.txt", b"abc\rxy\r\nabcd\r\nabc\rwxyz12\rok")
    assert list(iter_raw_lines(path, max_line_bytes=4)) == [
        (1, b"abc\r"),
        (2, b"xy\r\n"),
        (3, LongLine(size=4, quotes=0, head=b"abcd", limit=4)),  # 6 bytes with its CRLF
        (4, b"abc\r"),
        (5, LongLine(size=6, quotes=0, head=b"wxyz", limit=4)),
        (6, b"ok"),
    ]


def test_a_crlf_cut_between_chunks_of_a_long_line_counts_two_bytes(tmp_path: Path) -> None:
    """Read as ``abcd``, ``efg\\r``, ``\\n``: the line was counted 8 bytes, its CR in."""
    path = _write(tmp_path / "crlf.txt", b"ab\r\nabcdefg\r\nz\n")
    assert list(iter_raw_lines(path, max_line_bytes=4)) == [
        (1, b"ab\r\n"),
        (2, LongLine(size=7, quotes=0, head=b"abcd", limit=4)),
        (3, b"z\n"),
    ]


def test_a_cr_only_pairs_csv_is_read_with_real_line_numbers(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    path = _write(
        tmp_path / "mac.csv",
        b"seeker_id,response_id,seeker,response\r"
        b's1,r1,"I feel sad\rand tired",I am here for you\r'
        b"s2,r2,I lost my job,\r"
        b"s3,r3,I lost my job,That is hard\r",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.response.id, e.seeker.text) for e in exchanges] == [
        ("r1", "I feel sad\rand tired"),  # a CR inside quotes stays in the text
        ("r3", "I lost my job"),
    ]
    assert reject_rows(tmp_path / "rejects.jsonl") == [("mac.csv", 4, "response", "missing text")]


def test_a_cr_only_thread_csv_is_paired(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "thread.csv",
        b"message_id,parent_id,author,text\rm1,,ann,I feel alone.\rm2,m1,bo,I am here.\r",
    )
    (exchange,) = read_exchanges(path)
    assert (exchange.seeker.id, exchange.response.id) == ("m1", "m2")
    assert exchange.response.text == "I am here."


def test_a_cr_only_jsonl_file_is_detected_and_read(tmp_path: Path, reject_rows: RejectRows) -> None:
    pair = {"seeker_id": "s1", "response_id": "r1", "seeker": "I'm low.", "response": "I hear you."}
    lines = [json.dumps(pair), "{not json", json.dumps({**pair, "response_id": "r2"})]
    path = _write(tmp_path / "pairs", "\r".join(lines).encode() + b"\r")
    assert detect_format(path) == "jsonl"
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["r1", "r2"]
    assert reject_rows(tmp_path / "rejects.jsonl") == [("pairs", 2, None, "malformed JSON")]


def test_a_cr_only_csv_without_a_csv_name_is_detected(tmp_path: Path) -> None:
    path = _write(tmp_path / "export.txt", b"seeker_id,response_id,seeker,response\rs,r,a,b\r")
    assert detect_format(path) == "csv"


def test_a_lone_cr_in_an_unquoted_field_of_an_lf_file_is_rejected_in_words(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """A tool with LF line ends that wrote a lone CR inside a text without quoting it: the
    record is rejected naming its line and field, with what to do, never the csv module's
    question about "universal-newline mode"."""
    path = _write(
        tmp_path / "pd.csv",
        b"seeker_id,response_id,seeker,response\n"
        b"s1,r1,I feel lost\rlonely,I am sorry.\rThat sounds lonely. What is going on?\n"
        b"s2,r2,I failed my exam,That sounds hard. What happened?\n"
        b"s3,r3,I feel alone,Me too.\rWhat happened?\r\n"
        b's4,r4,"quoted\rfine",That sounds hard.\n',
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.response.id, e.seeker.text) for e in exchanges] == [
        ("r2", "I failed my exam"),
        ("r4", "quoted\rfine"),  # in quotes a CR is part of the text
    ]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("pd.csv", 2, "seeker", "malformed CSV row"),
        ("pd.csv", 4, "response", "malformed CSV row"),  # a CRLF line end is no lone CR
    ]
    lines = (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    details = {json.loads(line)["detail"] for line in lines}
    assert details == {
        "a carriage return (\\r) inside a field that is not in quotes: quote the field or "
        "remove the \\r"
    }


def test_a_lone_cr_in_a_record_holding_every_private_use_character_is_rejected_in_words(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """The field of a lone CR was found by reading the CR as a private-use character the
    record does not hold: a record holding all 6,400 of them stopped the whole read
    (RuntimeError: generator raised StopIteration) where one row was to be rejected."""
    every = "".join(chr(c) for c in range(0xE000, 0xF900))
    path = _write(
        tmp_path / "pua.csv",
        (
            "seeker_id,response_id,seeker,response\n"
            f"s1,r1,I feel sad {every},ok\rthen\n"
            "s2,r2,I lost my job,That sounds hard\n"
        ).encode(),
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.response.id, e.seeker.text) for e in exchanges] == [("r2", "I lost my job")]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("pua.csv", 2, "response", "malformed CSV row")
    ]

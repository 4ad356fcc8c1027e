"""TSV files and quotes: a file quoted as CSV reads its quoted fields, and a file written
without quoting (a chat export) keeps the quotes its texts begin with, never joining the rows
after such a text into one field."""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges, read_turns

HEADER = ["seeker_id", "response_id", "seeker", "response"]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _read(path: Path) -> list[tuple[str, str, str]]:
    rejects = RejectLog()
    rows = [
        (e.response.id, e.seeker.text, e.response.text)
        for e in read_exchanges(path, rejects=rejects)
    ]
    assert rejects.total == 0
    return rows


def test_a_tsv_file_quoted_as_csv_reads_its_quoted_fields(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    rows = [
        ("s1", "r1", 'She said "fine".', "two\nlines"),
        ("s2", "r2", "a\ttab", '"Sorry" is small'),
        ("s3", "r3", "last\nof\nthree", "x\ty"),
    ]
    path = tmp_path / "quoted.tsv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t")
        writer.writerow(HEADER)
        writer.writerows(rows)
    with caplog.at_level(logging.WARNING):
        assert _read(path) == [(r, s, t) for _, r, s, t in rows]
    assert "read as written" not in caplog.text


@pytest.mark.parametrize(
    ("lines", "line", "field", "closed"),
    [
        # A seeker text opens a quote that a later seeker text (ending with one) closes.
        (
            [
                's1\tr1\t"hello\tresp1',
                's2\tr2\tbye"\tresp2',
                "s3\tr3\tx\ty",
            ],
            2,
            "seeker",
            3,
        ),
        # A response does, over a row, closed by a response that ends with a quote (5").
        (
            [
                's1\tr1\thello\t"quote without end',
                "s2\tr2\tbye\tsee you",
                's3\tr3\tx\tit is 5"',
            ],
            2,
            "response",
            4,
        ),
    ],
)
def test_an_unquoted_tsv_file_keeps_stray_quotes_and_every_row(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    lines: list[str],
    line: int,
    field: str,
    closed: int,
) -> None:
    path = _write(tmp_path / "chat.tsv", ["\t".join(HEADER), *lines])
    with caplog.at_level(logging.WARNING):
        rows = _read(path)
    assert rows == [tuple(text.split("\t")[1:]) for text in lines]  # every row, as written
    said = " ".join(caplog.text.split())
    assert f"{path}: 1 row was read as written" in said
    assert f"(first: line {line}, field '{field}')" in said
    assert f"would close only on line {closed}" in said


def test_a_quoted_field_over_lines_that_are_no_rows_is_still_read_as_quoted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _write(
        tmp_path / "mixed.tsv",
        ["\t".join(HEADER), 's1\tr1\thello\t"two', 'lines"', "s2\tr2\tbye\tthanks"],
    )
    with caplog.at_level(logging.WARNING):
        assert _read(path) == [("r1", "hello", "two\nlines"), ("r2", "bye", "thanks")]
    assert "read as written" not in caplog.text


def test_stray_quotes_in_a_tsv_thread_keep_every_message(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "thread.tsv",
        [
            "message_id\tparent_id\ttext",
            'm1\t\t"I keep saying fine',
            'm2\tm1\tthat sounds hard"',
            "m3\tm2\tit is",
        ],
    )
    turns = list(read_turns(path))
    assert [(t.id, t.text) for t in turns] == [
        ("m1", '"I keep saying fine'),
        ("m2", 'that sounds hard"'),
        ("m3", "it is"),
    ]


def test_several_joined_rows_are_counted_once_per_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = ['s1\tr1\t"a\tb', 's2\tr2\tc"\td', 's3\tr3\t"e\tf', 's4\tr4\tg"\th']
    path = _write(tmp_path / "chat.tsv", ["\t".join(HEADER), *lines])
    with caplog.at_level(logging.WARNING):
        assert [r for r, _, _ in _read(path)] == ["r1", "r2", "r3", "r4"]
    assert caplog.text.count("read as written") == 1
    assert "2 rows were read as written" in caplog.text and "first: line 2" in caplog.text

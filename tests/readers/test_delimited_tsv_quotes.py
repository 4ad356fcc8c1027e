"""TSV files and quotes: a file quoted as CSV reads its quoted fields, even one whose lines
split at their tabs like rows, and a file written without quoting (a chat export) keeps the
quotes its texts begin with, never joining the rows after such a text into one field; where
the two readings both keep whole rows (a quote that opens the last field), the text is read
as written unless CSV quoting shows (before it, or in the field itself), with a warning."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carelens.cli.main import app
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


#: A response that begins with a lone quote, and one two rows later that ends with one.
STRAY_RESPONSE = [
    's1\tr1\thello\t"quote without end',
    "s2\tr2\tbye\tsee you",
    's3\tr3\tx\tit is 5"',
]


@pytest.mark.parametrize(
    ("lines", "line", "field", "closed"),
    [
        # A seeker text opens a quote that a later seeker text (ending with one) closes: CSV
        # quoting would swallow its line's tab and run the closing line's cells after it.
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
        # A response does, over a row, after a row with a bare quote (no CSV writer's).
        (['s0\tr0\tshe said "no" to me\tok', *STRAY_RESPONSE], 3, "response", 5),
        # ... or after a row that only reads as written (its quoted phrase goes on).
        (['s0\tr0\t"Fine" is what I say\tok', *STRAY_RESPONSE], 3, "response", 5),
        # ... or with nothing before it: no quote closes on its line, as in any other column.
        (STRAY_RESPONSE, 2, "response", 4),
        # A bare quote before it outweighs the doubled quote a later text holds ("0""").
        (
            ['s0\tr0\tshe said "no" to me\tok', 's1\tr1\t0\t"0', 's2\tr2\t0\t0""', 's3\tr3\t0\t0"'],
            3,
            "response",
            5,
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


EPITOME = ["sp_id", "rp_id", "seeker_post", "response_post"]


@pytest.mark.parametrize(
    ("before", "response"),
    [
        # A quoted text holding a pasted table whose lines have a tab per column, after a
        # record quoted over two lines: the file quotes.
        (['s0\tr0\t"two\nlines"\tok'], "My week:\nMon\tgym\twork\tsleep\nTue\tx\ty\tz"),
        # ... after a quoted field around a tab.
        (['s0\tr0\t"a\ttab"\tok'], "quote without end\ns2\tr2\tbye\tsee you\ns3\tr3\tx\tit is 5"),
        # A bare quote before it, but quoting too (a doubled quote): the file quotes.
        (
            ['s0\tr0\t"She said ""hi"""\tok', 's9\tr9\tit is 5" tall\tok'],
            "a\nb\tc\td\te",
        ),
        # Nothing before it, but the text itself holds a doubled quote: only CSV quoting
        # writes one so.
        ([], 'My week:\nMon\tgym\twork\tsleep\nTue\tx\ty\t"z"'),
        ([], '"Quoted" first line\na\tb\tc\td'),
    ],
)
def test_a_quoted_last_text_over_lines_that_split_like_rows_is_read_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, before: list[str], response: str
) -> None:
    quoted = '"' + response.replace('"', '""') + '"'
    lines = [*before, f"s1\tr1\tI feel busy\t{quoted}", "s2\tr2\tok\tok"]
    path = _write(tmp_path / "quoted.tsv", ["\t".join(EPITOME), *lines])
    with caplog.at_level(logging.WARNING):
        rows = _read(path)
    assert rows[-2:] == [("r1", "I feel busy", response), ("r2", "ok", "ok")]
    assert len(rows) == len(before) + 2
    line = 2 + sum(text.count("\n") + 1 for text in before)  # the header is line 1
    said = " ".join(caplog.text.split())
    assert f"{path}: 1 text was read as one quoted field over lines that each split" in said
    assert f"(first: line {line}, field 'response_post')" in said
    assert f"the lines up to line {line + response.count(chr(10))}, where" in said
    assert "read as written, with the quote" not in said  # no row was


def test_a_quoted_header_shows_the_file_quotes_its_texts(tmp_path: Path) -> None:
    # Every name quoted: a bare quote after it does not make the text's lines rows.
    path = _write(
        tmp_path / "quoted.tsv",
        [
            "\t".join(f'"{name}"' for name in HEADER),
            'x1\ty1\tit is 5" tall\tok',
            's1\tr1\thi\t"a\nb\tc\td\te"',
        ],
    )
    assert _read(path) == [("y1", 'it is 5" tall', "ok"), ("r1", "hi", "a\nb\tc\td\te")]


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
    # The text is the last column; the first message shows the file leaves quotes bare.
    path = _write(
        tmp_path / "thread.tsv",
        [
            "message_id\tparent_id\ttext",
            'm0\t\tmy mum said "just sleep"',
            'm1\tm0\t"I keep saying fine',
            'm2\tm1\tthat sounds hard"',
            "m3\tm2\tit is",
        ],
    )
    turns = list(read_turns(path))
    assert [(t.id, t.text) for t in turns] == [
        ("m0", 'my mum said "just sleep"'),
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
    said = " ".join(caplog.text.split())
    assert "2 rows were read as written" in said
    assert "(first: line 2, field 'seeker'; then line 4)" in said


def test_the_warning_lists_the_first_lines_read_by_guess(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = [f's{i}\tr{i}\t"a\tb' if i % 2 else f's{i}\tr{i}\tc"\td' for i in range(1, 45)]
    path = _write(tmp_path / "chat.tsv", ["\t".join(HEADER), *lines])
    with caplog.at_level(logging.WARNING):
        assert len(_read(path)) == 44
    said = " ".join(caplog.text.split())
    listed = ", ".join(str(n) for n in range(4, 42, 2))  # 19 lines after the first
    assert "22 rows were read as written" in said
    assert f"(first: line 2, field 'seeker'; then lines {listed} and 2 more)" in said


def test_carelens_analyze_keeps_every_row_of_a_tsv_with_a_lone_quote_in_its_last_column(
    tmp_path: Path,
) -> None:
    """A response that begins with a quote no later quote on its line closes is read as
    written, as the seeker text would be: three rows give three pairs, not one pair whose
    response runs over the rows after it."""
    path = _write(tmp_path / "chat.tsv", ["\t".join(HEADER), *STRAY_RESPONSE])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["response_id"], r["response_text"]) for r in records] == [
        ("r1", '"quote without end'),
        ("r2", "see you"),
        ("r3", 'it is 5"'),
    ]
    said = " ".join(result.stderr.split())
    assert "1 row was read as written" in said and "(first: line 2, field 'response')" in said

"""CSV and TSV files as spreadsheets save them: Windows-1252 bytes, rows of empty cells,
a title row above the header, and TSV texts that begin with a quote."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges

HEADER = "sp_id,rp_id,seeker_post,response_post\r\n"


def test_windows_1252_rows_say_to_save_as_utf8(
    data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING), RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(data_dir / "excel_cp1252.csv", rejects=rejects))
    assert [e.response.id for e in exchanges] == ["r2"]  # never decoded as cp1252
    entries = [
        json.loads(line)
        for line in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(e["line"], e["field"], e["reason"]) for e in entries] == [
        (2, "seeker_post", "invalid UTF-8"),
        (4, "seeker_post", "invalid UTF-8"),
    ]
    for entry in entries:
        assert entry["detail"].endswith(
            "the file looks like Windows-1252 (Excel's 'CSV (Comma delimited)'): save it as "
            "'CSV UTF-8' and run again"
        )
    assert entries[0]["detail"].startswith("invalid byte 0x92 at character offset 5")
    assert "2 rows were rejected for bytes that are not UTF-8" in caplog.text
    assert "save it as 'CSV UTF-8'" in caplog.text


def test_bytes_that_are_no_code_page_get_no_hint(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(HEADER.encode() + b"s1,r1,bad \x81 byte,ok\r\n")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_exchanges(path, rejects=rejects)) == []
    (entry,) = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert entry["detail"] == "invalid byte 0x81 at character offset 4 of the field"


def test_rows_of_empty_cells_are_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        ",,,\r\n ; \r\n" + HEADER + "s1,r1,I feel alone.,I am here.\r\n,,,\r\n, ,,\r\n,,,\r\n",
        encoding="utf-8",
        newline="",
    )
    rejects = RejectLog()
    (exchange,) = read_exchanges(path, rejects=rejects)
    assert exchange.response.text == "I am here."
    assert rejects.total == 0


def test_a_title_row_above_the_header_is_named(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        "\r\nExport from HelpDesk - 2024-05-01,,,\r\n,,,\r\n" + HEADER + "s1,r1,a,b\r\n",
        encoding="utf-8",
        newline="",
    )
    with pytest.raises(InputError, match="missing required column") as info:
        list(read_exchanges(path))
    assert info.value.line == 2
    assert "The header must be the first non-blank line; line 2 was read as the header" in str(
        info.value
    )


def test_tsv_texts_that_begin_with_a_quote_keep_it(tmp_path: Path) -> None:
    path = tmp_path / "plain.tsv"
    path.write_text(
        "sp_id\trp_id\tseeker_post\tresponse_post\n"
        's1\tr1\t"Fine" is what I always say.\tIt sounds tiring to say "fine".\n'
        's2\tr2\tI miss my mum.\t"Sorry" feels too small, but I am.\n'
        's3\tr3\t"Quoted\twith a tab"\t"two\nlines"\n',
        encoding="utf-8",
    )
    rejects = RejectLog()
    texts = [(e.seeker.text, e.response.text) for e in read_exchanges(path, rejects=rejects)]
    assert texts == [
        ('"Fine" is what I always say.', 'It sounds tiring to say "fine".'),
        ("I miss my mum.", '"Sorry" feels too small, but I am.'),
        ("Quoted\twith a tab", "two\nlines"),  # real quoting still read as such
    ]
    assert rejects.total == 0


@pytest.mark.parametrize(
    "first",
    ["a,b,c,d", '[{"seeker": "I lost my job", "response": "That sounds hard"}]', "\x00" * 400],
)
def test_a_first_line_that_is_no_title_row_gets_no_title_hint(tmp_path: Path, first: str) -> None:
    """A header of unknown names, a JSON line and binary data are not title rows: their errors
    say what they are, not that the header must come first."""
    path = tmp_path / "odd.csv"
    path.write_text(first + "\n" + "1,2,3,4\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing required column") as info:
        list(read_exchanges(path))
    assert "The header must be the first non-blank line" not in str(info.value)

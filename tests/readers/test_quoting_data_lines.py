"""A headerless file's first line is data: an error describes it by its size, and never quotes
it (it went into the corpus ``error``, the explorer and the server log, names, e-mail
addresses and crisis wording included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import read_exchanges
from carelens.readers.quoting import describe_columns, looks_like_header, looks_like_name


def test_a_headerless_csv_line_with_personal_data_is_not_quoted(tmp_path: Path) -> None:
    path = tmp_path / "noheader.csv"
    path.write_text(
        "Jane Doe,jane.doe@example.com,I want to die tonight\nSam,sam@example.com,hello\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        list(read_exchanges(path))
    message = str(info.value)
    assert "missing required column(s)" in message
    for data in ("Jane", "jane.doe", "example.com", "die tonight"):
        assert data not in message
    assert "the first line (3 columns, 51 characters) does not look like a header" in message


@pytest.mark.parametrize(
    "cell",
    [
        "jane.doe@example.com",  # personal data (an e-mail address)
        "+1 415 555 0123",  # a phone number
        "https://example.org/me",  # a URL
        "want to die tonight",  # more than three words
        "so sad today.",  # a sentence's punctuation at the end
        "anyone there?",
        "help me",  # a first- or second-person pronoun
        "You ok",
        "my dog",
        "can't sleep",  # a contraction
        "I'm",
    ],
)
def test_a_cell_that_holds_data_is_no_column_name(cell: str) -> None:
    assert not looks_like_name(cell)
    names = ["id", cell, "text"]
    assert not looks_like_header(names)
    description = describe_columns(names)
    assert cell not in description and "none is quoted" in description


@pytest.mark.parametrize(
    "header",
    [
        ["sp_id", "rp_id", "seeker_post", "response_post"],  # EPITOME
        ["Seeker Post", "Message ID", "Date of contact"],
        ["seeker_id", "response_id", "seeker", "response", "helper"],
        ["", "Column 0 (score)", "X.1", "score (0-2)"],  # R and Excel exports
        ["message_id", "parent_id", "text", "thread_id", "author", "timestamp"],
    ],
)
def test_real_headers_are_still_listed(header: list[str]) -> None:
    assert looks_like_header(header)
    assert describe_columns(header).startswith("found columns: ")

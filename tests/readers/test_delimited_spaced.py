"""CSV files written with ``", "`` separators: the space after each separator is no part of
a cell, so ids match across rows; other files keep their spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges, read_turns

SPACED_THREAD = (
    "message_id, thread_id, parent_id, author, timestamp, text\n"
    "m1, t1, , alice, 2024-01-01T00:00:00Z, I feel awful\n"
    'm2, t1, m1, vol-a, 2024-01-01T00:01:00Z, "I am sorry, truly"\n'
    "m3, t1, m2, alice, 2024-01-01T00:02:00Z, thanks\n"
)


def test_thread_written_with_comma_space_pairs_its_replies(tmp_path: Path) -> None:
    path = tmp_path / "spaces.csv"
    path.write_text(SPACED_THREAD, encoding="utf-8")
    rejects = RejectLog()
    turns = list(read_turns(path, rejects=rejects))
    assert [(t.id, t.reply_to, t.conversation_id, t.speaker) for t in turns] == [
        ("m1", None, "t1", "alice"),
        ("m2", "m1", "t1", "vol-a"),
        ("m3", "m2", "t1", "alice"),
    ]
    assert turns[1].text == "I am sorry, truly"  # a quoted cell after the space
    assert turns[0].timestamp == "2024-01-01T00:00:00Z"
    assert rejects.total == 0
    pairs = [(e.seeker.id, e.response.id) for e in read_exchanges(path)]
    assert pairs == [("m1", "m2"), ("m2", "m3")]


@pytest.mark.parametrize("separator", ["; ", "| "])
def test_other_delimiters_followed_by_a_space(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "spaces.csv"
    path.write_text(SPACED_THREAD.replace(", ", separator).replace(",", ""), encoding="utf-8")
    turns = list(read_turns(path))
    assert [(t.id, t.reply_to) for t in turns] == [("m1", None), ("m2", "m1"), ("m3", "m2")]


def test_cells_keep_their_spaces_unless_every_header_separator_has_one(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "message_id,thread_id, parent_id,text, note\nm1,t1,,Hi, x\nm2,t1,m1,  indented,  y\n",
        encoding="utf-8",
    )
    turns = list(read_turns(path))
    assert [(t.reply_to, t.text, t.meta) for t in turns] == [
        (None, "Hi", {"note": " x"}),
        ("m1", "  indented", {"note": "  y"}),
    ]


def test_tsv_cells_keep_a_leading_space(tmp_path: Path) -> None:
    path = tmp_path / "thread.tsv"
    path.write_text(
        "message_id\t thread_id\t parent_id\t text\nm1\t t1\t\t Hi\nm2\t t1\tm1\t  I hear you\n",
        encoding="utf-8",
    )
    turns = list(read_turns(path))
    assert [(t.id, t.reply_to, t.conversation_id) for t in turns] == [
        ("m1", None, " t1"),
        ("m2", "m1", " t1"),
    ]

"""The fields a column map may name: those the layouts read; any other is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import read_exchanges, read_turns
from carelens.readers.layouts import MAPPABLE_FIELDS, column_map_problem


def test_every_documented_field_may_be_mapped() -> None:
    documented = [
        *("sp_id", "rp_id", "seeker_post", "response_post"),
        *("seeker_id", "response_id", "seeker", "response"),
        *("speaker", "author", "response_speaker", "response_author"),
        *("seeker_speaker", "seeker_author", "timestamp", "conversation_id", "thread_id"),
        *("community", "subreddit", "message_id", "parent_id", "text"),
        *("id", "user", "root", "reply_to", "meta"),
    ]
    assert sorted(MAPPABLE_FIELDS) == sorted(documented)
    assert column_map_problem({name: "x" for name in documented}) is None


def test_an_unknown_field_is_named_with_the_valid_ones() -> None:
    problem = column_map_problem({"seeker": "q", "speker": "helper"})
    assert problem is not None
    assert "'speker'" in problem and "did you mean 'speaker'?" in problem
    assert ", ".join(MAPPABLE_FIELDS) in problem


def test_reading_with_an_unknown_field_is_refused_before_the_file_is_read(
    tmp_path: Path,
) -> None:
    """``speker=helper`` was ignored: the helper column was never read."""
    path = tmp_path / "cm.csv"
    path.write_text(
        "seeker_id,response_id,seeker,response,helper\ns1,r1,I feel sad,I am here,vol-a\n",
        encoding="utf-8",
    )
    for read in (read_exchanges, read_turns):
        with pytest.raises(InputError, match="unknown field 'speker'"):
            read(path, column_map={"speker": "helper"})

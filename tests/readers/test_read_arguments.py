"""The arguments of :func:`carelens.read_exchanges` (and the other reading functions, which
share its checks) are checked when it is called, before any record is read: a column map
that is no mapping of names, a ``max_chars`` that is no whole number of at least 1."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges
from carelens.readers.api import read_records, read_turns

CHAT = Path(__file__).resolve().parents[2] / "examples" / "chat.jsonl"


@pytest.mark.parametrize("read", [read_exchanges, read_turns, read_records])
@pytest.mark.parametrize(
    ("column_map", "message"),
    [
        # A list of pairs was read as its items: "names the unknown field ('speaker', ...)".
        ([("speaker", "author")], "column_map must be a mapping of field names .* not list"),
        ("speaker=author", "not str"),
        # A name that is not a string failed in the middle of the read.
        ({"speaker": 5}, "both strings: 'speaker': 5 is not"),
        ({5: "author"}, "both strings: 5: 'author' is not"),
    ],
)
def test_a_column_map_that_maps_no_names_is_a_type_error_when_called(
    read: object, column_map: object, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        read(CHAT, column_map=column_map)  # type: ignore[operator]


def test_an_unknown_field_is_still_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown field 'speker'"):
        read_exchanges(CHAT, column_map={"speker": "author"})


@pytest.mark.parametrize("max_chars", [0, -1, "10", 2.5, True, None])
def test_max_chars_must_be_a_whole_number_from_one(max_chars: object) -> None:
    """max_chars=0 or -1 rejected every record without a word; "10" failed with a bare
    comparison error in the middle of the read."""
    with pytest.raises(ValueError, match="max_chars must be a whole number of at least 1"):
        read_exchanges(CHAT, max_chars=max_chars)  # type: ignore[arg-type]


def test_max_chars_of_numpys_integer_types_is_taken() -> None:
    rejects = RejectLog()
    exchanges = list(read_exchanges(CHAT, max_chars=np.int64(40), rejects=rejects))  # type: ignore[arg-type]
    assert rejects.counts.get("text too long")  # the limit applies
    assert all(len(e.response.text) <= 40 for e in exchanges)

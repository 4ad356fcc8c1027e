"""Bounded quoting of what a file holds, for error messages and logs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.readers.quoting import (
    MAX_LISTED_NAMES,
    MAX_NAME_CHARS,
    clip,
    describe_columns,
    json_type,
    looks_like_header,
    quote,
)


def test_clip_and_quote() -> None:
    assert clip("short") == "short" and quote("short") == "'short'"
    assert clip("x" * 100) == "x" * (MAX_NAME_CHARS - 1) + "…"
    assert quote("y" * 100) == repr("y" * (MAX_NAME_CHARS - 1) + "…") + " (100 characters)"
    assert clip("abcdef", 3) == "ab…"


def test_what_looks_like_a_header() -> None:
    assert looks_like_header(["sp_id", "rp_id", "Seeker post", "", "score (0-2)"])
    assert not looks_like_header([])
    assert not looks_like_header(['{"seeker": "I am sad"', ' "response": "oh"}'])
    assert not looks_like_header(["<rss version='2.0'>"])
    assert not looks_like_header(["a\x00b"])
    assert not looks_like_header(["x" * (MAX_NAME_CHARS + 1)])
    assert not looks_like_header(["I do not know what to do"])  # a sentence, not a name


def test_describe_columns_lists_names_or_only_sizes() -> None:
    assert describe_columns(["a", "b"]) == "found columns: 'a', 'b'"
    wide = describe_columns([f"c{i}" for i in range(25)])
    assert wide.endswith(f"'c{MAX_LISTED_NAMES - 1}' and 5 more")
    data = describe_columns(['[{"seeker": "sad"', ' "response": "oh"}]'])
    assert data.startswith("the first line (2 columns, 37 characters) does not look like")
    assert "sad" not in data and "JSON" in data


@given(st.lists(st.text(), max_size=300))
def test_a_description_is_bounded_whatever_the_line(names: list[str]) -> None:
    description = describe_columns(names)
    assert len(description) <= 200 + MAX_LISTED_NAMES * (MAX_NAME_CHARS * 4 + 30)
    for name in names:
        if len(name) > MAX_NAME_CHARS:
            assert name not in description


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (None, "null"),
        (True, "a boolean"),
        (3, "a number"),
        (1.5, "a number"),
        ("x" * 10_000, "a string"),
        ([1], "an array"),
        ({"a": 1}, "an object"),
    ],
)
def test_json_type_names_the_type_never_the_value(value: object, name: str) -> None:
    assert json_type(value) == name

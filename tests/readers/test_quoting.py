"""Bounded quoting of what a file holds, for error messages and logs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.privacy import redact
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


@pytest.mark.parametrize(
    ("value", "secret"),
    [
        ("support-thread-2023-04-17 for jane.doe@example.com", "jane.doe"),
        ("conversation of the caller on +1 415 555 0123 (night)", "415"),
        ("a reply from the volunteer to kim.lee.river@mail.example.org", "kim.lee"),
    ],
)
def test_a_cut_quote_never_splits_personal_data(value: str, secret: str) -> None:
    """A quote is cut before personal data that runs across the cut, so a reject's detail,
    redacted afterwards (``--redact``), finds all that is left of it: cut inside,
    ``'...for jane.doe@exa…'`` is no e-mail address and kept its name."""
    assert len(value) > MAX_NAME_CHARS
    quoted = quote(value)
    assert secret not in quoted and secret not in redact(quoted)
    assert quoted.endswith(f"…' ({len(value)} characters)")
    shown = quoted[1 : quoted.index("…")]
    assert value.startswith(shown) and len(shown) < MAX_NAME_CHARS - 1
    # Personal data that ends before the cut is kept whole, for redaction to find.
    whole = quote("mail kim@example.com about thread number 1234567")
    assert "kim@example.com" in whole and redact(whole).startswith("'mail [email] about")

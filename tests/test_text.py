"""Shared text helpers: apostrophes read as ``'``, surrogate pairs joined as JSON joins them."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.text import join_surrogates, straight_apostrophes

#: Any code point, surrogates included (Python strs may hold them), with some weight on them.
_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_ANY = st.text(st.one_of(st.characters(codec=None), _SURROGATES, st.sampled_from("ab😀")))


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("plain ascii", "plain ascii"),
        ("a\ud83d\ude00b", "a\U0001f600b"),  # a pair: one character
        ("\ud83d\ude00\ud83d\ude00", "\U0001f600\U0001f600"),
        ("\ud83d", "\ud83d"),  # lone high surrogate: left as it is
        ("\ude00\ud83d", "\ude00\ud83d"),  # low then high: no pair
        ("\ud83d\ud83d\ude00", "\ud83d\U0001f600"),  # a lone one, then a pair
        ("\ud83d\U0001f600", "\ud83d\U0001f600"),  # a lone one before a joined character
        ("café \U0001f600", "café \U0001f600"),  # already joined
    ],
)
def test_join_surrogates(text: str, joined: str) -> None:
    assert join_surrogates(text) == joined


@given(_ANY)
def test_join_surrogates_reads_a_text_as_a_json_round_trip_does(text: str) -> None:
    joined = join_surrogates(text)
    assert joined == json.loads(json.dumps(text))
    assert join_surrogates(joined) == joined


def test_a_text_without_pairs_is_returned_as_it_is() -> None:
    text = "no pairs here: é \ud83d"
    assert join_surrogates(text) is text


def test_straight_apostrophes_keep_the_length() -> None:
    text = "don\u2019t, O\u2018Brien"
    assert straight_apostrophes(text) == "don't, O'Brien"

"""Words of danger read past a "nothing but" or an "all ... is"
(:mod:`carelens.analysis.openings_excepts`): a clause the "but" of "except" no longer splits
is not offered where what follows it tells of danger; everyday words after it still are."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.openings_danger import danger_spans
from carelens.analysis.openings_excepts import span_back, without_excepts


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # once "It sounds like you think about nothing but dying…"
        ("I think about nothing but dying", "think about nothing but dying"),
        # once "It sounds like you want nothing but to disappear…"
        ("I want nothing but to disappear", "want nothing but to disappear"),
        ("I dream of nothing but never waking up", "dream of nothing but never waking up"),
        ("I want nothing more than to disappear", "want nothing more than to disappear"),
        ("All I think about is dying", "think about is dying"),
        ("All I want is to disappear lately", "want is to disappear"),
    ],
)
def test_danger_after_nothing_but_is_read_over_it(seeker: str, words: str) -> None:
    assert words in [seeker[start:end] for start, end in danger_spans(seeker)]
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "I've done nothing but cry all week",
            "It sounds like you've done nothing but cry all week…",
        ),
        (
            "I can't help but worry about my son",
            "It sounds like you can't help but worry about your son…",
        ),
        (
            "I have nothing but time now that I'm retired and I feel so aimless",
            "It sounds like you have nothing but time now that you're retired and you feel so"
            " aimless…",
        ),
        (
            "I feel like nothing but a burden to my family",
            "It sounds like you feel like nothing but a burden to your family…",
        ),
    ],
)
def test_everyday_words_after_nothing_but_keep_their_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_the_words_are_taken_out_and_spans_mapped_back_over_them() -> None:
    text = "so I think about nothing but dying"
    excepted = without_excepts(text)
    assert excepted is not None
    left, cuts = excepted
    assert left == "so I think about dying"
    start = left.index("think")
    assert text[slice(*span_back(cuts, start, len(left)))] == "think about nothing but dying"
    # a span after the cut moves on past it; one before it stays
    assert text[slice(*span_back(cuts, left.index("dying"), len(left)))] == "dying"
    assert span_back(cuts, 0, 2) == (0, 2)


def test_a_text_without_the_words_is_read_once() -> None:
    assert without_excepts("I feel so alone") is None
    assert without_excepts("I tried but it didn't work") is None

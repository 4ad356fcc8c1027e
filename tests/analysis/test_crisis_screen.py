"""The words that let the crisis scan skip a veiled cue's pattern
(:mod:`carelens.analysis.crisis_screen`): the alternatives of a pattern's words, the patterns a
message needs, the same grouped or not, and two words found at the same place never hiding
each other."""

from __future__ import annotations

import re

import pytest

from carelens.analysis.crisis_screen import WordScreen, alternatives


def test_the_alternatives_are_those_of_the_top_level() -> None:
    assert alternatives(r"letter|note") == ["letter", "note"]
    assert alternatives(r"be\s+(?:the|a)|[a|b]x|c\|d") == [r"be\s+(?:the|a)", "[a|b]x", r"c\|d"]


WORDS = [
    (0, r"be\s+with\b|join\s"),
    (1, r"before\s+i\s+(?:leave|go)"),
    (2, r"tide"),
    (3, r"too\s+(?:many|much)|'s\s+sorry"),
    (4, r"be\s+(?:around|here)"),
]


@pytest.mark.parametrize("grouped", [True, False])
@pytest.mark.parametrize(
    ("text", "needed"),
    [
        ("i just want to be with her", {0, 1, 4}),
        ("gave it all away before i go", {0, 1, 4}),
        ("she won't be around for christmas", {0, 1, 4}),
        ("looked up the tide times", {2}),
        ("she's sorry, it was too much", {3}),
        ("nothing here at all", set()),
        ("a betide of beings", set()),
    ],
)
def test_a_message_needs_the_patterns_whose_words_it_holds(
    text: str, needed: set[int], grouped: bool
) -> None:
    """ "be with" and "before i go" open with the same letters, so either stands for the
    patterns of both: found at the same place, the first found never hides the other."""
    screen = WordScreen(WORDS, re.DOTALL, grouped=grouped)
    assert screen.needed(text) == needed
    assert list(screen.indices()) == [0, 1, 2, 3, 4]


def test_a_word_that_starts_inside_another_found_is_found_too() -> None:
    screen = WordScreen([(0, r"be\s+around"), (1, r"around")], re.IGNORECASE, grouped=True)
    assert screen.needed("she's not gonna be around for long") == {0, 1}
    assert screen.needed("around the corner") == {1}

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
        ("i just want to be with her", {0, 4}),
        ("gave it all away before i go", {1}),
        ("she won't be around for christmas", {0, 4}),
        ("looked up the tide times", {2}),
        ("she's sorry, it was too much", {3}),
        ("nothing here at all", set()),
        ("a betide of beings", set()),
    ],
)
def test_a_message_needs_the_patterns_whose_words_it_holds(
    text: str, needed: set[int], grouped: bool
) -> None:
    """ "be with" and "be around" open with the same word, so either stands for the patterns
    of both: found at the same place, the first found never hides the other. "before i go"
    opens with "be" too, but goes on with a letter where those two have a space."""
    screen = WordScreen(WORDS, re.DOTALL, grouped=grouped)
    assert screen.needed(text) == needed
    assert list(screen.indices()) == [0, 1, 2, 3, 4]


def test_a_word_that_starts_inside_another_found_is_found_too() -> None:
    screen = WordScreen([(0, r"be\s+around"), (1, r"around")], re.IGNORECASE, grouped=True)
    assert screen.needed("she's not gonna be around for long") == {0, 1}
    assert screen.needed("around the corner") == {1}


def test_a_word_closed_by_its_end_or_a_space_leaves_longer_words_apart() -> None:
    """ "si\\b" cannot be found where "sister" is, nor "sh\\s" where "she" is: neither stands
    for the other's patterns, and "since" or "she" needs none. A word left open ("si") may
    be found where a longer one is, so each stands for both."""
    closed = WordScreen([(0, r"si\b|sh\s"), (1, r"sister|she")], re.DOTALL, grouped=True)
    assert closed.needed("since then she left") == {1}
    assert closed.needed("my si is bad, sh is back") == {0}
    assert closed.needed("my sister") == {1}
    assert closed.needed("since then") == set()
    opened = WordScreen([(0, r"si"), (1, r"sister")], re.DOTALL, grouped=True)
    assert opened.needed("my sister") == {0, 1}
    assert opened.needed("since then") == {0, 1}


def test_an_optional_last_letter_is_not_read_as_written() -> None:
    """In "cuts?" the "s" may be missing, so the word opens with "cut" as "cut\\b" does: the
    two are found at the same place and stand for each other's patterns."""
    screen = WordScreen([(0, r"cuts?\b"), (1, r"cut\b")], re.DOTALL, grouped=True)
    assert screen.needed("a cut") == {0, 1}
    assert screen.needed("cuts") == {0, 1}


def test_a_word_end_after_an_apostrophe_closes_nothing() -> None:
    """After an apostrophe, "\\\\b" asks for a letter next, so "don'\\\\b" is found where "don't"
    is: each stands for the other's patterns."""
    screen = WordScreen([(0, r"don'\b"), (1, r"don't")], re.DOTALL, grouped=True)
    assert screen.needed("i don't know") == {0, 1}

"""Quoting the seeker's and the helper's words (:mod:`carelens.analysis.quoting`): a "*" typed
for a letter at a word's edge is part of the words, not Markdown, and a quote keeps it."""

from __future__ import annotations

import pytest

import carelens
from carelens.analysis.quoting import clip, masked_stars, quote, unmarked


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("I want to *ill myself", [10]),
        ("I want to kil* myself", [13]),
        ("I took an *verdose", [10]),
        ("*sigh* I want to kil* myself", [20]),  # the marks of "*sigh*" pair
        ("I want to *\u200bill myself", [10]),  # read folded, at the text's offsets
        ("I want to *ill myself*", []),  # emphasis
        ("I want to **kill myself**", []),
        ("I want to k*ll myself", []),  # inside a word: no Markdown to leave out anyway
        ("5 * 3 and *so* tired", []),
    ],
)
def test_masked_stars_are_those_the_patterns_read_as_letters(text: str, stars: list[int]) -> None:
    assert sorted(masked_stars(text)) == stars


@pytest.mark.parametrize(
    ("text", "masked", "quoted"),
    [
        ("*ill myself", {0}, "*ill myself"),
        ("kil* myself", {3}, "kil* myself"),
        ("*verdose", {0}, "*verdose"),
        ("go *ill yourself", {3}, "go *ill yourself"),
        ("go kil*", {6}, "go kil*"),
        ("**so** I want to *ill myself", {17}, "so I want to *ill myself"),
        # without them, a "*" at a word's edge is Markdown, as it was
        ("*ill myself", set(), "ill myself"),
        ("**so tired**", set(), "so tired"),
    ],
)
def test_clip_keeps_a_masked_letter_and_leaves_out_markdown(
    text: str, masked: set[int], quoted: str
) -> None:
    """A "*" at a quote's start or end, or opening or closing a word inside it, was left out
    as Markdown's emphasis: "*ill myself" was quoted "ill myself"."""
    assert clip(text, 8, masked) == quoted


def test_unmarked_keeps_only_the_masked_stars() -> None:
    assert unmarked("*so* I want to *ill myself", {15}) == "so I want to *ill myself"


@pytest.mark.parametrize(
    ("text", "start", "quoted"),
    [
        ("I want to *ill myself", 10, "*ill myself"),
        ("I want to kil* myself", 10, "kil* myself"),
        ("I took an *verdose", 10, "*verdose"),
        ("I want to *ill myself*", 10, "ill myself"),
    ],
)
def test_quote_reads_the_whole_text_for_its_masked_stars(
    text: str, start: int, quoted: str
) -> None:
    assert quote(text, start, len(text), 8) == quoted


@pytest.mark.parametrize(
    ("seeker", "response", "quoted"),
    [
        ("I want to *ill myself", "ok", 'They wrote "*ill myself"'),
        ("I want to kil* myself", "ok", 'They wrote "kil* myself"'),
        ("I took an *verdose last night", "ok", 'They wrote "*verdose"'),
        ("I feel awful", "go *ill yourself", '"go *ill yourself" could push them'),
    ],
)
def test_feedback_quotes_edge_masked_words_as_written(
    seeker: str, response: str, quoted: str
) -> None:
    """The crisis cue was "*ill myself" and the unsafe words "go *ill yourself", but the
    feedback quoted "ill myself", "kil myself", "verdose" and "go ill yourself"."""
    analysis = carelens.load().analyze(seeker, response)
    assert analysis.feedback[0].startswith(quoted), analysis.feedback

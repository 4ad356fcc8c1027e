"""A crisis word with a plain hyphen inside (:func:`carelens.disguises.unmask`): "sui-cide",
"su-icide", "k-ill myself" were no cue at all; they read as the plain words now, and real
hyphenated words ("self-harm", "x-ray", "well-being") stay as they are. What the crisis
patterns and the unsafe-reply patterns find in such text is tested here too, as the reading is
theirs."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.unsafe import unsafe_spans
from carelens.disguises import has_masks, unmask


@pytest.mark.parametrize(
    ("text", "reads", "word", "original"),
    [
        ("I want to commit sui-cide", "I want to commit suicide", "suicide", "sui-cide"),
        ("thinking about su-icide", "thinking about suicide", "suicide", "su-icide"),
        ("I want to k-ill myself", "I want to kill myself", "kill", "k-ill"),
        ("I took an over-dose", "I took an overdose", "overdose", "over-dose"),
        ("SUI-CIDE.", "SUICIDE.", "SUICIDE", "SUI-CIDE"),
        ("i have sui-cidal thoughts", "i have suicidal thoughts", "suicidal", "sui-cidal"),
        ("s-u-i-cide", "suicide", "suicide", "s-u-i-cide"),  # single letters, then a piece
        # beside a word spelled out letter by letter, each read as its own
        ("d-i-e or sui-cide", "die or suicide", "suicide", "sui-cide"),
    ],
)
def test_a_crisis_word_with_a_hyphen_inside_reads_whole(
    text: str, reads: str, word: str, original: str
) -> None:
    assert has_masks(text)
    view = unmask(text)
    assert view.text == reads
    start = reads.index(word)
    a, b = view.span(start, start + len(word))
    assert text[a:b] == original


@pytest.mark.parametrize(
    "text",
    [
        "I self-harm every day",  # a real word, read by the patterns as it is
        "over-the-counter meds, well-being, an x-ray, a re-do",
        "a die-hard fan at a dead-end job, half-dead after the cut-off",
        "a sui-cide-x thing",  # more than the word
        "well-known self-help",
    ],
)
def test_real_hyphenated_words_stay_as_they_are(text: str) -> None:
    assert not has_masks(text)
    view = unmask(text)
    assert view.text == text
    assert view.origins is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I want to commit sui-cide", "sui-cide"),
        ("thinking about su-icide again", "su-icide"),
        ("I want to k-ill myself", "k-ill myself"),
    ],
)
def test_the_crisis_patterns_read_a_word_with_a_hyphen_inside(text: str, words: str) -> None:
    # Each was no cue at all.
    assert [text[cue.start : cue.end] for cue in crisis_cues(text)] == [words]


def test_self_harm_with_its_hyphen_is_still_a_cue() -> None:
    assert [cue.label for cue in crisis_cues("I self-harm every day")] == ["self_harm"]


def test_an_unsafe_reply_with_a_hyphen_inside_is_read() -> None:
    # It was no unsafe span; "never" still negates.
    reply = "you should k-ill yourself"
    assert [reply[s.start : s.end] for s in unsafe_spans(reply)] == [reply]
    assert unsafe_spans("never k-ill yourself") == ()

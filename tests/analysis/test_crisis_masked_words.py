"""Crisis cues of masked words the unmasking leaves as typed
(:mod:`carelens.analysis.crisis_masked_words`): "k**l", "kll", "k.ll" myself, "gonna d* it", a
death "tonight" (masked or not); and the plans, fears and hyperboles that stay no cue. Every
cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i'm gonna d* it tonight", "gonna d* it"),
        ("ready to d** it. goodbye", "ready to d** it"),
        ("i want to k**l myself", "k**l myself"),
        ("kll myself", "kll myself"),
        ("k.ll myself", "k.ll myself"),
        ("honestly i could k*l myself right now", "k*l myself"),
        ("i'm going to d*e tonight", "i'm going to d*e tonight"),
        ("im gonna d1e tomorrow", "im gonna d1e tomorrow"),
        ("i'm going to die tonight. everything is ready", "i'm going to die tonight"),
    ],
)
def test_a_masked_word_the_unmasking_leaves_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'm gonna do it tonight after work, finally cleaning the garage",
        "i feel like i'm going to die tonight, my chest hurts and i can't breathe",
        "i'm gonna die tonight if my mom sees my grades lol",
        "this workout is brutal, i'm going to die tonight",
        "i'm gonna die today, it's 40 degrees out",
        "k, ll call you later",
        "i'm gonna d* my hair pink lol",
        "i'm gonna die tomorrow if i have to present again lol",
        "someone told me to k**l myself",
    ],
)
def test_everyday_plans_fears_and_hyperboles_are_no_cue(text: str) -> None:
    assert cue_words(text) == []

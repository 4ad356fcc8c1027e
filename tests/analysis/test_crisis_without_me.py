"""Others better off without the writer (:mod:`carelens.analysis.crisis_without_me`): for a
while, in a place, or a team or a firm so is no cue; loved ones, everyone, for good, and the
same words beside a wish stay cues."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_without_me import everyday_without_me


@pytest.mark.parametrize(
    "text",
    [
        "my coworkers would honestly be better off without me for the next few days, i'm so sick",
        "my daughter is better off without me at the school disco, apparently i'm mortifying",
        "the band is better off without me, i never liked playing bass anyway. new hobby time",
        "the startup will be better off without me and i'll be better off without them",
    ],
)
def test_better_off_without_me_for_a_while_a_place_or_a_team_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "everyone would be better off without me",
        "my family would be better off without me for good",
        "my kids would be better off without me forever",
        "the company will be better off without me and so will my family",
        "my team would be better off without me for the next two weeks. i want to die",
        "my team would be better off without me. everyone would",
    ],
)
def test_better_off_without_me_of_loved_ones_or_beside_a_wish_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)


def test_the_reading_reads_the_words_after_the_match() -> None:
    text = "they're better off without me for the weekend"
    start = text.index("better")
    end = text.index(" for")
    assert everyday_without_me(text, start, end)
    assert not everyday_without_me("they're better off without me for good", start, end)

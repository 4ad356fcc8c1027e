"""Crisis cues of self-harm acts in other words (:mod:`carelens.analysis.crisis_harm_acts`): a
head banged, a band snapped or nails dug until it bleeds, hair pulled out to a bald patch,
another cut badly or about to use a blade on themselves; and the idioms, accidents, itches and
grooming that stay no cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i'm banging my head against the wall in the stairwell and i can't make myself stop",
        "i keep banging my head on the floor until it bruises",
        "i keep snapping the hair tie on my wrist so hard it's bleeding now",
        "i snapped the rubber band on my wrist so hard it bled",
        "digging my nails into my wrists. i can't stop tonight",
        "scraping my nails down my arms, can't stop, it's bleeding",
        "pulled my hair out till there's a bald patch",
        "ripping my hair out till my scalp bleeds",
        "she's saying she's cut really badly and won't call anyone",
        "she's cut really deep and won't let me call anyone",
        "she has a blade in her bag and plans to use it on herself tonight",
        "he's got a knife and says he'll use it on himself",
    ],
)
def test_a_self_harm_act_in_other_words_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "banging my head against the wall trying to fix this bug",
        "banged my head on the door by accident, huge bruise",
        "i snap a rubber band on my wrist to stay focused",
        "scratching my arms all night because of eczema, can't stop",
        "i dig my nails into my palms in meetings",
        "pulling my hair out over this assignment",
        "she cut her finger badly chopping onions",
        "he's cut really badly after falling off his bike",
        "she used the face mask on herself, it burned",
    ],
)
def test_idioms_accidents_and_itches_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

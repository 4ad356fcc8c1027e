"""Crisis cues of a way out weighed in veiled words (:mod:`carelens.analysis.crisis_ways_out`): a
walk into the sea, an accident staged, a wish turned to how, the writer's place taken, the
writer out of the picture for good; and the swims, crime stories, partners and handovers that
stay no cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "some nights i want to walk into the ocean and keep going",
        "been thinking about swerving into a tree so it looks like an accident",
        "half of me wishes i don't make it to june, and i keep thinking about how to make sure i "
        "don't",
        "looked at my life insurance again. i've been figuring out how to make that happen",
        "my family would be better off with the insurance payout than with me around",
        "my son deserves better. he'd be better off with a dad who isn't me, for good",
        "it would be easier for everyone once i'm out of the picture for good",
    ],
)
def test_ways_out_weighed_are_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "we want to walk into the sea for a swim at sunrise on holiday",
        "in the mystery novel the killer poisons her and makes it look like an accident",
        "i want a promotion and i've been thinking about how to make that happen",
        "she'd be better off with a boyfriend who isn't me, we fight all the time",
        "once i'm out of the picture at work for my leave, jo takes over",
    ],
)
def test_swims_stories_and_handovers_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "they'd all be better off if i disappeared for good, and i've been thinking about how.",
        "my family would be better off with the insurance from work than with me",
        "some days i'd rather not be around. i've been thinking about how.",
    ],
)
def test_a_way_out_in_other_words_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "we'd be better off with the money from the sale than with the old car",
        "i've been thinking about how. to start the essay, i mean",
        "i've been thinking about how to make pasta from scratch",
    ],
)
def test_money_and_plans_of_everyday_life_stay_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Crisis cues of self-harm done now or just come back (:mod:`carelens.analysis.crisis_harm_now`):
a first act after years, a body part hurt until it marks, a clean streak lost with
self-hatred, a cut's bleeding asked about with no cause; and the diets, haircuts, itches, pets,
habits and kitchen cuts that stay no cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i burned for the first time in years last night",
        "i cut again tonight for the first time in 6 months",
        "i've been scratching my wrists till they bleed",
        "i pinch my thighs until they go purple when it gets loud in my head",
        "relapsed... 60 days clean, i hate myself",
        "lost my 90 days clean last night. i'm disgusting",
        "how long should a cut bleed for? asking for reasons",
        "my cuts are still bleeding through the plaster",
    ],
)
def test_self_harm_now_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i cut for the first time in years and dropped 4kg already",
        "got my hair cut for the first time in a year",
        "my puppy bites my arm until it bruises, how do i stop him",
        "i scratch my arms until they bruise, the eczema is awful this winter",
        "relapsed. 30 days sober gone. i hate myself",
        "relapsed on the diet, 40 days gone, i hate myself lol",
        "sliced my finger in the kitchen, the cut is still bleeding after 20 minutes",
        "my son's cut is still bleeding a bit, should we go to a&e",
    ],
)
def test_diets_itches_habits_and_accidents_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Crisis cues of a lonely place sought (:mod:`carelens.analysis.crisis_lonely_places`): a
height, water or a railway wanted for when nobody is there or asked about at a lonely hour, its
height looked up, letting go thought of up there; and the photos, swims, projects and figures of
speech that stay no cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "what time does the tide come in at the pier? want to be there when nobody's around",
        "want to go up to the cliffs when no one is around",
        "is the railway bridge on mill lane quiet after midnight? don't ask why",
        "is the multi-storey car park quiet late at night? asking for reasons",
        "does anyone know if the bridge on the a road has cameras? want to go tonight alone",
        "does anyone know if the old quarry is fenced off now? going up on my own",
        "i've started looking up how high the multi-storey car park by the station is",
        "googled how tall the bridge over the river is",
        "stood on the balcony for a long time and thought about just letting go",
        "up on the multi-storey roof again tonight, thinking about just letting go",
    ],
)
def test_a_lonely_place_sought_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


def test_a_buried_height_looked_up_is_a_cue_beside_a_club_elsewhere() -> None:
    text = (
        "Course is fine. I've started looking up how high the multi-storey car park by the "
        "station is. Should I join a society? I've been thinking about the climbing club."
    )
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "want to go to the gym when no one is around",
        "going to the pier when nobody's around to get photos of the sunset",
        "is the multi-storey car park quiet late at night? want to practise parking",
        "is the pier busy at night? thinking of fishing",
        "is the quarry fenced off now? my son wants to swim there",
        "is the bridge open to walkers?",
        "googled how tall the bridge is for my school project",
        "looked up how high the car park is because my van has a roof box",
        "thought about letting go of my ex while we stood on the balcony",
        "thought about falling asleep on the balcony, it was so warm",
    ],
)
def test_everyday_visits_and_heights_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

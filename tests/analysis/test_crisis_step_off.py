"""Crisis cues of a step off a height or before a train weighed
(:mod:`carelens.analysis.crisis_step_off`): how easy it would be, a step forward thought of, the
wrong side of a barrier; and a fall feared, an outing and everyday ease that stay no cue. Every
cue case was missed by the patterns before."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "Lately though when I'm up at the edge I find myself thinking how easy it would be to "
        "just step off, and it doesn't feel scary anymore",
        "when im on the platform i think how easy it would be to just not step back",
        "There's a bridge on my walk home. Every night I've stopped in the middle and thought "
        "about how easy it would be. Tonight I stood there longer.",
        "sitting by the rail line near my house watching the trains. ive started thinking "
        "about how easy it would be to just step out in front of one",
        "every time the train comes into the station i think about stepping forward. today i "
        "got closer than ever",
        "drove to the cliffs after my shift. sitting in the car park. cant stop thinking about "
        "walking to the edge",
        "Some nights I sit in the van after my shift and think about driving it off the road "
        "at the quarry.",
        "I go up to the top floor of the car park at work every lunch. Today I stood on the "
        "wrong side of the barrier for a bit.",
        "went to the multistorey after work and climbed over the parapet. sat there for an hour",
    ],
)
def test_a_step_off_weighed_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "on the coast path near the cliffs i kept thinking how easy it would be to slip in "
        "these shoes",
        "how easy it would be to get lost on these mountain roads",
        "the bridge is closed so how easy it would be to take the train instead?",
        "we stood on the other side of the barrier to watch the marathon",
        "thinking about stepping out of my comfort zone and trying the climbing wall",
        "thinking about walking to the edge of town for the farmers market",
        "how easy it would be to just quit my job and travel",
    ],
)
def test_a_fall_feared_an_outing_or_an_everyday_ease_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

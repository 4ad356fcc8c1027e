"""Crisis cues of the writer's own time told as ending (:mod:`carelens.analysis.crisis_not_around`):
not around after a day, no return from a place of danger, a last day on earth, the words that keep
a goodbye company; and the trips, moves, illnesses, what-ifs and holidays that stay no cue.
Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "honestly i don't think i'm going to be around for my graduation",
        "im not planning on being here after the weekend",
        "I do not expect to see christmas this year. everything is in order.",
        "i'm not gonna be around much longer",
        "going up the quarry tonight. i'm not planning on climbing back down",
        "standing on the bridge again tonight. i don't think i'll step back this time",
        "drove out to the cliffs. not coming back from this one",
        "today is my last day on earth",
        "thank you all for everything. take care of each other",
        "goodbye everyone. it's been real.",
        "i'm at peace now. please remember me fondly",
        "I've said all I needed to say to everyone. I feel so peaceful tonight",
        "sorry for everything. ily guys",
    ],
)
def test_the_writers_time_told_as_ending_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'm not going to be around for the party, i'll be on holiday in spain",
        "she's not going to be around for christmas, she's working",
        "the cancer has spread and i don't expect to see christmas",
        "i'm not going to be around much longer tonight, my phone has no signal",
        "i'm not coming back to the office after the holidays, new job!",
        "not coming back home for easter this year",
        "people want me to quit as chair but i'm not stepping back from the committee",
        "if today was your last day on earth, what would you do?",
        "merry christmas, take care of yourselves",
        "thanks for everything, see you all in september! take care of yourselves",
        "i'm checking out of the hotel at noon",
    ],
)
def test_everyday_absences_returns_and_farewells_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

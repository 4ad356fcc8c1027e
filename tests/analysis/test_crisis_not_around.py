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


@pytest.mark.parametrize(
    "text",
    [
        "everything is closing in on me. my time is nearly up",
        "my time has come. i'm at peace with it",
        "its ok ill be gone before it matters",
        "letters are done. i'll be gone by tomorrow",
        "soon it wont matter anyway",
        "ive been a burden my whole life and it wont ever get better. soon none of that will "
        "matter",
        "by friday itll be over. i just need to get through the week",
        "none of this will matter after sunday. i've made my peace",
        "i'll probably be gone by the weekend. sorry mum",
    ],
)
def test_the_writers_time_told_as_up_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "my time is almost up on the library computer so quick question",
        "my time's nearly up, the parking meter is about to run out",
        "i'll be gone by 6am tomorrow, early flight to madrid",
        "she said her time has come, she is 94 and ready",
        "by friday it'll be over, last exam is thursday",
        "don't stress about the stain, soon it won't matter, we're moving out",
        "i'll be gone by the time you get home, working late",
        "he'll be gone by morning, the vet said. my poor dog",
        "by tomorrow it'll all be over, the storm is passing",
        "by friday itll be over thank god, this project has destroyed me. pub on friday anyone?",
    ],
)
def test_a_deadline_a_turn_or_anothers_time_up_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_nothing_mattering_past_a_last_day_is_a_cue() -> None:
    text = "i just need to get through my son's birthday. after that it doesn't matter what happens"
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i just need to pass this exam. after that it doesn't matter what happens",
        "we sign on friday. after that it doesn't matter what happens to the stock price",
    ],
)
def test_nothing_mattering_past_a_deadline_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

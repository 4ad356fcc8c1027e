"""Crisis words about no one's real risk (:mod:`carelens.analysis.crisis_unreal`): a death wish
laughed off over a film, a meal or an exam ("the movie was so bad i wanted to die lol") and a
jump made for sport ("we went bungee jumping off a bridge on holiday") are no cue, and the
learned flag does not read their words; the wish alone, one over an everyday thing without a
laugh, one beside words of earnest or of the writer's own risk, a jump into water and a jump
with words of a risk stay cues.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_model import CrisisWordingModel
from carelens.analysis.crisis_unreal import unreal_mentions

LAUGHED_OFF = [
    "the movie was so bad i wanted to die lol",
    "the exam was so hard i wanted to die haha",
    "that lecture was so boring i wanted to die lmao",
    "the food at that restaurant was so gross i wanted to kill myself lol",
    "this meeting is so long i want to die lol",
    "that movie was sooo bad lol i wanted to die",
    "the date was so awkward i wanted to die hahaha",
    "That Video Was So Funny I Wanted To Die LMAO",
    "the movie was so bad i wanted to die. lol",
]


@pytest.mark.parametrize("text", LAUGHED_OFF)
def test_a_death_wish_laughed_off_over_an_everyday_thing_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "ugh i just want to die of embarrassment, i waved at someone who wasn't waving at me",
        "i wanted to die of cringe when he read my text out loud",
    ],
)
def test_the_idiom_of_dying_of_embarrassment_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # the wish alone, with a laugh but no everyday thing
        "i wanted to die",
        "i wanted to die lol",
        "lol i just want to die",
        "my life is a joke i want to die lol",
        "lol the movie was fine. i want to die though",
        # an everyday thing without a laugh
        "the game made me want to kill myself",
        "i failed the exam and i want to kill myself",
        # words of earnest or of the writer's own risk elsewhere
        "the movie was so bad i wanted to die lol. but honestly i want to die every day",
        "my exam went so bad i want to die lol. not kidding",
        "the movie was so bad i wanted to die lol. i feel like that about everything tbh",
        "the exam was so hard i wanted to die lol. nobody would miss me anyway",
    ],
)
def test_a_wish_not_laughed_off_over_an_everyday_thing_stays_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()


@pytest.mark.parametrize(
    "text",
    [
        "we went bungee jumping off a bridge on holiday, best day ever",
        "went bungee jumping off a bridge in new zealand, so fun",
        "i want to go bungee jumping off the bridge this summer",
        "we were base jumping off a building in dubai",
        "my friends and i went cliff jumping off a cliff in croatia lol",
        "jumping off the cliff with a parachute was amazing",
    ],
)
def test_a_jump_for_sport_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i want to jump off a bridge",
        "i want to jump off a bridge into the river",
        "i want to jump off a bridge without a bungee cord",
        "i want to jump off the bridge. no bungee",
        "went bungee jumping off a bridge and wished the cord would snap so i could die",
        "bungee jumping off a bridge sounds fun but honestly i just want to jump off a bridge",
    ],
)
def test_a_jump_with_no_sport_or_with_words_of_a_risk_stays_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()


def test_the_learned_flag_does_not_read_a_hyperbole_laughed_off() -> None:
    model = CrisisWordingModel.load()
    text = LAUGHED_OFF[0]
    assert model.probability(text) >= model.threshold  # the words alone would flag it
    assert unreal_mentions(text) == ((text.index("wanted"), text.index(" lol")),)
    assert model.cue(text) is None

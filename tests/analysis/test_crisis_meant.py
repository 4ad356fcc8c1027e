"""Crisis cues of death talk owned as meant (:mod:`carelens.analysis.crisis_meant`): a joke about
the writer's death that is no joke, a wish to find out what death is, knowing how they would do
it; and the hype, stories and chores that stay no cue. Every cue case was missed before these
patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i already planned the playlist for my funeral. i wasn't joking",
        "told my friend 'when i'm gone you can keep my records' and i'm not kidding",
        "everyone says the dead feel nothing. i want to find out",
        "i keep thinking death would be quiet. might find out soon",
        "he died and he's at peace now. i know exactly how i'd do it",
    ],
)
def test_death_talk_owned_as_meant_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i'll die if i eat another salad, not even joking",
        "this meeting is killing me. not joking",
        "my character dies at the end, i want to find out why",
        "the dog died last year. i know how to do it now, the vet showed me",
    ],
)
def test_hype_stories_and_chores_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Crisis cues of another person in danger right now
(:mod:`carelens.analysis.crisis_others_danger`): an engine running in a shut garage, someone on a
height while the seeker talks to them, a goodbye before silence, a note that they won't be here;
and the chores, views, games left and absences with a reason that stay no cue. Every cue case
was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "my dad has been in the garage with the car running for an hour and the door is locked",
        "the engine is running in the closed garage and my brother won't come out",
        "my friend is on the ledge of the car park and won't come down, what do i say",
        "she's standing on the tracks and i'm on the phone with her, please help",
        "my cousin sent a farewell text and then went silent. what do i do",
        "the new kid left me a note that said he won't be here tomorrow and thanked me for sitting "
        "with him",
    ],
)
def test_another_in_danger_now_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i left the engine running in the garage for a minute with the door open to warm it up",
        "my dad is on the roof fixing the gutters, what do i say to get him to hire someone",
        "my brother is on the bridge crew of a cruise ship",
        "our mod posted a goodbye message and went offline, he's moving on to a new game",
        "a student sent a note saying she won't be here tomorrow because of a dentist appointment",
    ],
)
def test_chores_views_and_leavings_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Crisis-cue patterns of :mod:`carelens.analysis.crisis_patterns` widened for veiled wording:
a wish not to be "on this world", a prayer not to wake up with "every night" inside it; and the
everyday sentences beside them that stay no cue. Every cue case was missed before."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to be on this earth anymore, please someone talk to me",
        "i dont want to be in this world any more",
        "i'd never do anything but i hope every night that i won't wake up",
        "praying every night not to wake up and every morning im disappointed",
        "i pray every night that i dont wake up. my mum thinks im fine",
    ],
)
def test_this_world_and_a_nightly_prayer_not_to_wake_are_cues(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i don't want to be in this world of finance forever, thinking of retraining",
        "i hope every morning that i don't wake up late again",
    ],
)
def test_a_world_of_work_and_waking_late_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

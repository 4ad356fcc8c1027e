"""Helpers shared by the crisis feedback tests: a reply that does nothing about a cue, the
reason a bereaved seeker is asked about their own safety, and the crisis sentence for a
seeker's message."""

from __future__ import annotations

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import crisis_sentence

NOTHING = "That is a lot to carry."
WHY = "(people who lose someone to suicide are at higher risk of suicide themselves)"


def said(seeker: str, response: str = NOTHING) -> str:
    """The crisis sentence for ``seeker``'s pattern cues and ``response``."""
    cues = crisis_cues(seeker)
    assert cues, seeker
    return crisis_sentence(seeker, cues, response)

"""Helpers shared by the crisis feedback tests: a reply that does nothing about a cue, the
reason a bereaved seeker is asked about their own safety, the crisis sentence for a seeker's
message, and the sentences expected for the seeker's own risk and for a living person's."""

from __future__ import annotations

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import CRISIS_LINES, crisis_sentence

NOTHING = "That is a lot to carry."
WHY = "(people who lose someone to suicide are at higher risk of suicide themselves)"


def said(seeker: str, response: str = NOTHING) -> str:
    """The crisis sentence for ``seeker``'s pattern cues and ``response``."""
    cues = crisis_cues(seeker)
    assert cues, seeker
    return crisis_sentence(seeker, cues, response)


#: What the crisis sentence for the seeker's own risk says after the words it quotes.
OWN = (
    ": read their message closely, ask them directly whether they are thinking of harming "
    f"themselves, and share a crisis line ({CRISIS_LINES})."
)


def own(words: str) -> str:
    """The crisis sentence for the seeker's own risk ``words``, the reply having done nothing."""
    return f'They wrote "{words}"{OWN}'


def at_risk(words: str) -> str:
    """The crisis sentence for a living person's risk ``words``, the reply having done nothing."""
    return (
        f'They wrote "{words}" about someone at risk: read their message closely, ask about '
        "that person and whether they are safe now, share a crisis line for them to use or "
        f"pass on ({CRISIS_LINES}), and ask how they themselves are coping."
    )

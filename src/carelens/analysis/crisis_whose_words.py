"""The words that tell whose a crisis risk is: the seeker's ("I", "my", "myself") or someone
else's ("he", "her", "my son's", "friends").

:class:`carelens.analysis.crisis_feedback._WhoseRisk` reads them in and before a crisis cue,
:mod:`carelens.analysis.crisis_reply` between "you" and the harm a reply asks about ("Did you
know he was suicidal?" asks about someone else), and
:mod:`carelens.analysis.openings_danger` in the words of an opening.
"""

from __future__ import annotations

from collections.abc import Sequence

from carelens.analysis.words import plain

#: Words of a crisis cue, or the nearest of them before it in its sentence, that tell whose
#: risk it is: the seeker's ("kill myself", "I self harm", "my thoughts of suicide") or
#: someone else's (codebook v1.1's third party: "he wants to kill himself", "my son is
#: suicidal", "my best friend cuts herself").
OWN_WORDS = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself", "mine",
])  # fmt: skip
THEIR_WORDS = frozenset([
    "he", "she", "they", "he's", "she's", "they're", "him", "her", "them", "his", "their",
    "himself", "herself", "themselves", "themself",
    "son", "daughter", "kid", "child", "teen", "teenager", "boy", "girl", "baby", "mom", "mum",
    "mother", "dad", "father", "parent", "brother", "sister", "sibling", "husband", "wife",
    "partner", "spouse", "boyfriend", "girlfriend", "bf", "gf", "fiance", "fiancee", "friend",
    "bestie", "roommate", "cousin", "niece", "nephew", "aunt", "uncle", "grandma", "grandpa",
    "student", "classmate", "coworker", "colleague",
])  # fmt: skip


def whose_before(word: str) -> bool | None:
    """Whose risk ``word``, read before a cue, says: True for someone else's ("he", "my
    son's", "friends"), False for the seeker's ("I", "my"), None for neither."""
    folded = plain(word).removesuffix("'s")
    if folded in OWN_WORDS:
        return False
    if folded in THEIR_WORDS or folded.removesuffix("s") in THEIR_WORDS:
        return True
    return None


def nearest_told(words: Sequence[str]) -> bool | None:
    """What the last of ``words`` that says whose a risk is says (:func:`whose_before`)."""
    for word in reversed(words):
        if (theirs := whose_before(word)) is not None:
            return theirs
    return None

"""Crisis cues of medicine weighed as a means in everyday words: which pills would be enough,
taken without anyone noticing, a bag of pills held for an hour while deciding, tablets put
aside in a jar.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``,
through :mod:`carelens.analysis.crisis_veiled_joins`) and its check of the words around it joins
:mod:`carelens.analysis.crisis_context`'s (:data:`PILLS_KEPT_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`ENOUGH_PILLS`: "working out which meds in the cupboard would be enough", "how many of
  my tablets would be enough"; not enough for a trip or to ease a pain (the pattern stops there),
  nor a pet's or a child's dose (:func:`own_medicine`).
- :data:`UNNOTICED`: "when i could take them without anyone noticing", "take the lot without my
  husband knowing"; a cue only with medicine in the message (:func:`own_medicine`).
- :data:`PILLS_HELD`: "sat with a bag of pills in my hand for an hour, trying to decide",
  "holding the bottle of tablets for ages"; a cue only with a long while or a deciding told, not
  pills sorted for another (:func:`pills_dwelt_on`).
- :data:`PUT_ASIDE`: "i've been putting aside my sleeping tablets in a jar", "stashing my
  painkillers"; not pills put out of a child's reach nor packed for a trip
  (:func:`own_medicine`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

_MEDS = (
    r"(?:meds|medications?|medicines?|pills|tablets|painkillers|paracetamol|tylenol|ibuprofen"
    r"|codeine|insulin|sleeping\s+(?:pills|tablets)|antidepressants|sertraline|prescriptions?)"
)
#: Which medicine would be enough: "which meds in the cupboard would be enough"
#: (:func:`own_medicine`).
ENOUGH_PILLS = (
    r"\b(?:which|what|how\s+many|how\s+much)\s+(?:of\s+(?:the|my)\s+)?(?:[\w']+\s+){0,2}?"
    + _MEDS
    + r"\s+(?:[\w']+\s+){0,5}?(?:would|will|might|could)\s+(?:actually\s+)?be\s+enough\b"
    r"(?!\s+(?:for|to\s+(?:get|last|cover|treat|help|ease|manage|calm|relieve|stop|sleep\s+"
    r"(?:tonight|well))))",
)
#: Medicine taken unnoticed: "take them without anyone noticing" (:func:`own_medicine`).
UNNOTICED = (
    r"\btake\s+(?:them(?:\s+all)?|it|the\s+\w+|all\s+of\s+(?:them|it)|the\s+lot|everything)\s+"
    r"without\s+"
    r"(?:anyone|anybody|someone|somebody|my\s+\w+|him|her|them)\s+(?:noticing|knowing|finding\s+out"
    r"|seeing|stopping\s+me)\b",
)
#: Pills held: "sat with a bag of pills in my hand" (:func:`pills_dwelt_on`).
PILLS_HELD = (
    r"\b(?:sat|sit|sitting|held|holding|hold|stared\s+at|staring\s+at|looking\s+at|looked\s+at)"
    r"\s+(?:there\s+)?(?:with\s+)?(?:a|the|my|an\s+open)\s+(?:bag|bottle|handful|box|pack|packet"
    r"|jar|pile|tub|strip)\s+of\s+(?:\w+\s+)?" + _MEDS + r"\b",
)
#: Medicine put aside: "putting aside my sleeping tablets" (:func:`own_medicine`).
PUT_ASIDE = (
    r"\b(?:put\w*|set\w*|keep\w*|kept|squirrel\w*|stash\w*|tuck\w*|hid\w*)\s+(?:aside|by|back"
    r"|away)\s+(?:my|some\s+of\s+my|all\s+(?:of\s+)?my|a\s+few\s+of\s+my|the|some|extra)\s+"
    r"(?:\w+\s+)?" + _MEDS + r"\b",
    r"\b(?:stash\w*|squirrel\w*)\s+(?:my\s+|the\s+|some\s+)?(?:\w+\s+)?" + _MEDS + r"\b",
)
# In the message, an everyday handling of medicine: a child's or a pet's dose, a trip, a
# prescriber's advice, a safe place, a prescription taken discreetly.
_EVERYDAY_MEDS = re.compile(
    r"\b(?:kids?|children|child|toddler|baby|son|daughter|dog|cat|puppy|vet|out\s+of\s+(?:their"
    r"|his|her)?\s*reach|childproof|locked|safe\s+place|trip|holiday|travel\w*|flight|pharmacist"
    r"\s+(?:said|told)|doctor\s+(?:said|told)|gp\s+(?:said|told)|dosage|organi[sz]\w*|pill\s+box"
    r"|expired|dispos\w*|return\s+them|for\s+(?:my|the)\s+(?:trip|holiday|pain|migraine|flare)"
    r"|in\s+case\s+of\s+(?:pain|migraine|flare)|sort\w*|refill\w*|embarrass\w*|adhd|birth\s+control"
    r"|contracepti\w*)\b",
    _FLAGS,
)
_MEDS_HERE = re.compile(rf"\b{_MEDS}\b", _FLAGS)


def own_medicine(text: str, start: int, end: int) -> bool:
    """Medicine weighed (:data:`ENOUGH_PILLS`, :data:`UNNOTICED`, :data:`PUT_ASIDE`) with
    medicine in the message (:data:`_MEDS`) and none of its everyday handling
    (:data:`_EVERYDAY_MEDS`); not in a story."""
    if _MEDS_HERE.search(text) is None or _EVERYDAY_MEDS.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


# After pills held, a long while or a deciding.
_DWELT = re.compile(
    r"\b(?:for\s+(?:an?\s+)?(?:hour|hours|ages|long\s+time|while|whole\s+night)|trying\s+to\s+decide"
    r"|deciding|couldn'?t\s+decide|thinking|in\s+my\s+hand|in\s+my\s+lap|put\s+them\s+back|didn'?t"
    r"\s+(?:take|do)|all\s+night|half\s+the\s+night)\b",
    _FLAGS,
)


def pills_dwelt_on(text: str, start: int, end: int) -> bool:
    """Pills held (:data:`PILLS_HELD`) with a long while or a deciding in the 150 characters
    after (:data:`_DWELT`), no everyday handling of them (:func:`own_medicine`)."""
    if _DWELT.search(text, start, min(len(text), end + 150)) is None:
        return False
    return own_medicine(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
PILLS_KEPT = (*ENOUGH_PILLS, *UNNOTICED, *PILLS_HELD, *PUT_ASIDE)
PILLS_KEPT_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*ENOUGH_PILLS, *UNNOTICED, *PUT_ASIDE), own_medicine),
    **dict.fromkeys(PILLS_HELD, pills_dwelt_on),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
PILLS_KEPT_WORDS: dict[str, str] = {
    ENOUGH_PILLS[0]: r"enough",
    UNNOTICED[0]: r"without",
    PILLS_HELD[0]: (
        r"meds|medication|medicine|pills|tablets|painkillers|paracetamol|tylenol|ibuprofen"
        r"|codeine|insulin|sleeping|antidepressants|sertraline|prescription"
    ),
    PUT_ASIDE[0]: r"aside|by|back|away",
    PUT_ASIDE[1]: r"stash|squirrel",
}

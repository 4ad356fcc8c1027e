"""Crisis cues of masked words that :func:`carelens.disguises.unmask` leaves as typed: a plan
"to d* it", "kill" with its vowel dropped or two of its letters masked, a death "tonight" with
its word masked.

:func:`~carelens.disguises.unmask` reads one masked letter ("k*ll myself", "d*e") and a crisis
word spelled with digits or symbols ("k1ll"); these shapes it does not read: "k**l myself"
(two letters masked), "kll myself" and "k.ll myself" (the vowel dropped or a full stop typed
for it), "gonna d* it" ("do", too short to unmask). The patterns read them as typed and join
:data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``;
:mod:`carelens.analysis.crisis_veiled` joins the checks):

- :data:`KILL_LETTERS`: "i want to k**l myself", "kll myself", "k.ll myself", "k*l myself", the
  letters of "kill" in :data:`~carelens.analysis.crisis_patterns.KILL_MYSELF`, read as "kill
  myself" is (what someone else told the writer is no cue; a hyperbole laughed off is none).
- :data:`MASKED_DO_IT`: "i'm gonna d* it tonight", "ready to d** it"; "do it" without a mask is
  everyday ("i'm gonna do it tonight" after the homework) and stays no cue.
- :data:`DIE_TONIGHT`: "i'm going to d*e tonight" (masked: a cue as it is), "i'm going to die
  tonight", "i'll die on sunday"; unmasked, not a fear or a hyperbole ("i feel like i'm going
  to die tonight, my chest hurts", "i'm gonna die tonight if my mom sees my grades lol",
  "i'm going to die tonight at this workout": :func:`no_fear_nor_joke`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.words import sentence_after, sentence_before
from carelens.disguises import MASKED_LETTER

_FLAGS = re.IGNORECASE

#: The letters of "kill" as they are typed, or with the "i" dropped, typed as a mark, or two of
#: them masked: "kill", "kil", "kll", "k.ll", "k**l", "k*l", "k#ll";
#: :data:`~carelens.analysis.crisis_patterns.KILL_MYSELF` is built on it, so "k**l myself" is
#: read as "kill myself" is (what someone else told the writer is no cue, a hyperbole laughed
#: off is none).
KILL_LETTERS = r"k(?:ill?|(?:[*.#_-]{1,2})?ll?)"
#: "do it" masked after an intent: "i'm gonna d* it tonight", "ready to d** it".
MASKED_DO_IT = (
    r"\b(?:gonna|gunna|going\s+to|goin\s+to|want\s+to|wanna|will|i'?ll|about\s+to|ready\s+to"
    r"|finally|decided\s+to|plan(?:ning)?\s+to|need\s+to|try\s+to|tempted\s+to)\s+(?:just\s+"
    r"|finally\s+|really\s+|actually\s+)?d\*{1,3}\s*it\b"
)
_WHEN = (
    r"(?:tonight|tonite|today|tomorrow|this\s+(?:weekend|week|evening|morning)|on\s+(?:monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday)|by\s+(?:morning|tomorrow|the\s+weekend"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|soon)"
)
#: A death the writer says will come at a time: "i'm going to die tonight", "i'll die on
#: sunday", "im gonna d*e tonight"; unmasked, a cue only without a fear or a hyperbole
#: (:func:`no_fear_nor_joke`).
DIE_TONIGHT = (
    r"\b(?:i'?m|im|i\s+am|i)\s+(?:(?:just|finally|really|definitely|probably|actually)\s+)?"
    rf"(?:going\s+to|gonna|gunna|gna)\s+die\s+{_WHEN}\b"
    rf"|\b(?:i'?ll|i\s+will)\s+(?:(?:just|finally|definitely|probably)\s+)?die\s+{_WHEN}\b"
)
# In its sentence, a fear, a hyperbole or a condition: "i feel like", "scared", "my chest", "if
# my mom sees", "lol", an everyday ordeal.
_FEAR_OR_JOKE = re.compile(
    r"\b(?:feel(?:s|ing)?\s+like|felt\s+like|think|thought|scared|afraid|terrified|worried|fear"
    r"|panic\w*|anxiety|anxious|chest|heart|symptoms?|if|unless|when|of\s+(?:embarrassment"
    r"|boredom|cringe|laughter|laughing|heat|cold|hunger)|laugh\w*|lo+l|lmf?ao|haha\w*|jk|workout"
    r"|gym|hot\s+sauce|spicy|wings|exam|test|finals|heat|hot|cold|freezing|hangover|party|concert"
    r"|date|presentation|interview|meeting|mom|mum|dad|parents|boss|teacher|coach|cute|excite\w*"
    r"|nervous|cringe|embarrass\w*|hungry|starving|tired|exhausted|sleep|degrees|weather|humid\w*)\b"
    "|[\U0001f602\U0001f923\U0001f480\U0001f62d]",
    _FLAGS,
)


def no_fear_nor_joke(text: str, start: int, end: int) -> bool:
    """A death the writer says will come tonight (:data:`DIE_TONIGHT`): masked ("d*e"), a cue
    as it is; unmasked, only without a fear, a hyperbole or a condition in its sentence
    (:data:`_FEAR_OR_JOKE`)."""
    if MASKED_LETTER in text[start:end]:
        return True
    sentence = sentence_before(text, start) + " " + sentence_after(text, end)
    return _FEAR_OR_JOKE.search(sentence) is None


#: The patterns of this module (label ``suicide``), and the checks of those with everyday
#: senses.
MASKED_WORDS = (MASKED_DO_IT, DIE_TONIGHT)
MASKED_WORD_CHECKS: dict[str, Check] = {DIE_TONIGHT: no_fear_nor_joke}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
MASKED_WORD_WORDS: dict[str, str] = {
    MASKED_DO_IT: r"d\*",
    DIE_TONIGHT: r"die\s+(?:tonight|tonite|today|tomorrow|this|on|by|soon)\b",
}

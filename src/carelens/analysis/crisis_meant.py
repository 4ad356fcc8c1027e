"""Crisis cues of death talk the writer owns as meant: a joke about their death that is no joke,
a wish to find out what death is, knowing how they would do it.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`MEANT_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told in a
story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`NOT_JOKING`: "i've picked the song for my funeral ... not really joking tho", "a joke
  about being 'dead by christmas' ... i meant it", "'when i'm gone you can have my room' but i'm
  not really joking"; a cue only after words of the writer's own death (a funeral, "when i'm
  gone", "dead by") before it in the message, not the hype of "i'll die if i eat another salad,
  not even joking" (:func:`after_own_death_talk`).
- :data:`FIND_OUT`: "maybe it's just quiet. i want to find out", "wonder if anyone would even
  come. might find out soon"; a cue only after words of death before it (:func:`after_death_talk`),
  not "i want to find out why the sims keep dying".
- :data:`KNOW_HOW`: "i think i know how i'd do it", "i've been thinking about how to do it";
  a cue only after words of death or peace before it (:func:`after_death_talk`), not "i know how
  to do it" of a homework.
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: The writer's own death talk owned as meant: "not really joking", "wasn't joking", "i meant
#: it" (:func:`after_own_death_talk`).
NOT_JOKING = (
    r"\b(?:not|wasn'?t|isn'?t|wasnt|isnt)\s+(?:really\s+|even\s+|actually\s+)?(?:joking|kidding)\b"
    r"|\bi\s+(?:really\s+|actually\s+|honestly\s+)?meant\s+it\b",
)
# Before it in the message, the writer's own death: a funeral, "when i'm gone", "dead by".
_OWN_DEATH_TALK = re.compile(
    r"\b(?:(?:my|own)\s+(?:funeral|grave|coffin|death|wake|eulogy)|funeral|when\s+i'?m\s+(?:gone"
    r"|dead)|(?:dead|gone)\s+by|sooner\s+than\s+(?:people|anyone|you|everyone)|not\s+(?:be\s+)?"
    r"(?:around|here)\s+(?:for|by|much)|kill\s+myself|end\s+it|(?:the|a)\s+date\s+(?:picked|set)"
    r"|how\s+to\s+do\s+it)\b",
    _FLAGS,
)
# Just before the words, another's doing: "he wants to find out", "they know how to do it",
# "he said he wasn't joking".
_THEIR_DOING = re.compile(r"\b(?:he|she|they|we|you|u)\s+(?:[\w']+\s+){0,2}$", _FLAGS)


def after_own_death_talk(text: str, start: int, end: int) -> bool:
    """Death talk owned as meant (:data:`NOT_JOKING`) after words of the writer's own death in
    the message (:data:`_OWN_DEATH_TALK`), said of the writer, not another; not in a story."""
    if _OWN_DEATH_TALK.search(text, 0, start) is None:
        return False
    if _THEIR_DOING.search(text, max(0, start - 30), start) is not None:
        return False
    return not in_a_story(text, start, end)


#: A wish to find out: "i want to find out", "might find out soon" (:func:`after_death_talk`).
FIND_OUT = (
    r"\b(?:want\s+to|wanna|going\s+to|gonna|might|i'?ll|i\s+will|about\s+to|ready\s+to)\s+"
    r"(?:(?:just|finally|actually|soon)\s+)?find\s+out\b(?!\s+(?:why|if|what|how|who|when|where"
    r"|whether|more|about|the|which|from|tomorrow|on|at|by|next|later|in|after|that|my|your|his"
    r"|her|their))",
)
#: Knowing or weighing how: "i know how i'd do it", "thinking about how to do it"
#: (:func:`after_death_talk`).
KNOW_HOW = (
    r"\bi\s+(?:think\s+i\s+|already\s+|even\s+|just\s+)?know\s+(?:exactly\s+)?(?:how|where|when)\s+"
    r"(?:i'?d|i\s+would|i'?ll|i\s+will|i'?m\s+going\s+to|to)\s+do\s+it\b(?!\s+(?:better|differently"
    r"|again|next|right|properly|now|for|with))",
    r"\b(?:thinking|thought|think)\s+(?:a\s+lot\s+)?(?:about|of)\s+how\s+(?:to|i'?d|i\s+would|i'?ll"
    r"|i\s+will|i\s+could)\s+do\s+it\b(?!\s+(?:better|differently|again|next|right|properly|now"
    r"|for|with))",
)
# Before the words in the message, a death or an ending.
_DEATH_TALK = re.compile(
    r"\b(?:die|dies|died|dying|death|dead|funeral|afterlife|respawn|at\s+peace|gone|suicid\w*"
    r"|kill\w*|end\s+it|better\s+off|not\s+(?:really\s+)?joking)\b",
    _FLAGS,
)


def after_death_talk(text: str, start: int, end: int) -> bool:
    """A wish to find out or a knowing how (:data:`FIND_OUT`, :data:`KNOW_HOW`) after words of
    a death or an ending in the 300 characters before them (:data:`_DEATH_TALK`), not another's
    doing (:data:`_THEIR_DOING`); not in a story."""
    if _DEATH_TALK.search(text, max(0, start - 300), start) is None:
        return False
    if _THEIR_DOING.search(text, max(0, start - 30), start) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
MEANT = (*NOT_JOKING, *FIND_OUT, *KNOW_HOW)
MEANT_CHECKS: dict[str, Check] = {
    **dict.fromkeys(NOT_JOKING, after_own_death_talk),
    **dict.fromkeys((*FIND_OUT, *KNOW_HOW), after_death_talk),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
MEANT_WORDS: dict[str, str] = {
    NOT_JOKING[0]: r"joking|kidding|meant\s+it",
    FIND_OUT[0]: r"find\s+out",
    KNOW_HOW[0]: r"do\s+it\b",
    KNOW_HOW[1]: r"do\s+it\b",
}

"""Crisis cues of a way out weighed in veiled words: a walk into the sea, a death made to look like
an accident, a wish turned to how to bring it about, the writer's place taken by money or by
someone better, the writer out of the picture for good.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`WAYS_OUT_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told in
a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`INTO_THE_SEA`: "i should just walk into the sea", "part of me wants to walk into the
  ocean and keep going"; the writer's wish or thought, not a swim ("i want to walk into the sea
  for a swim at sunrise": :func:`own_way_out`).
- :data:`LOOK_LIKE_AN_ACCIDENT`: "think about driving into the barrier and making it look like
  an accident", "so it looks like an accident and the insurance pays"; a cue only after the
  writer's own act before it (a crash, a fall, a drive), not a harm done to another
  (:func:`own_way_out`).
- :data:`MAKE_IT_HAPPEN`: "thinking my kids would be better off with that money ... starting to
  think about how to make that happen", "i hope i don't make it ... thinking about how to make
  sure i don't", "they'd all be better off if i disappeared for good, and i've been thinking about
  how."; a cue only after a wish of the writer's death or absence
  (:func:`after_a_death_wish`).
- :data:`IN_MY_PLACE`: "my kids would be in a better spot with that money than with me", "she'd
  be better off with a mum who isn't me", "my family would be better off with the life insurance",
  "... with the insurance from work than with me"; not a partner left for someone better ("she'd
  be better off with a boyfriend who isn't me") unless a death is weighed in the message
  (:func:`in_my_place`).
- :data:`OUT_OF_THE_PICTURE`: "the kids would be better off if i wasn't in the picture at all,
  permanently", "better if i was out of the picture for good"; not a custody nor a job's handover
  left for a while (:func:`own_way_out`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: A walk into the water wished or weighed: "should just walk into the sea" (:func:`own_way_out`).
INTO_THE_SEA = (
    r"\b(?:should|could|want\s+to|wanna|wanted\s+to|wants\s+to|thinking\s+(?:about|of)|think"
    r"\s+(?:about|of)|thought\s+(?:about|of)|urge\s+to|just)\s+(?:just\s+)?walk(?:ing)?\s+(?:out\s+)?"
    r"into\s+the\s+(?:sea|ocean|lake|river|waves|water|surf)\b(?!\s+(?:for\s+a|to\s+(?:swim|cool"
    r"|paddle)|with\s+(?:the\s+kids|my\s+(?:kids|son|daughter|dog))))",
)
#: A death made to look like an accident: "making it look like an accident"
#: (:func:`own_way_out`).
LOOK_LIKE_AN_ACCIDENT = (
    r"\b(?:mak(?:e|es|ing)|made)\s+it\s+look\s+like\s+an\s+accident\b|\bso\s+it\s+looks?\s+like\s+"
    r"an\s+accident\b",
)
# Just before it, the writer's own act: a drive, a crash, a fall, a swerve.
_OWN_ACT = re.compile(
    r"\b(?:driv\w*|drove|crash\w*|swerv\w*|fall\w*|fell|slip\w*|step\w*|walk\w*|overdos\w*"
    r"|insurance|barrier|wall|tree|myself|i'?d|i\s+could|i\s+would)\b",
    _FLAGS,
)
# Just before it, a harm to another or a game.
_ANOTHER_HARMED = re.compile(
    r"\b(?:kill(?:ed|ing)?|murder\w*|poison\w*|push\w*)\s+(?:him|her|them|my\s+\w+|the\s+\w+)\b"
    r"|\b(?:game|detective|mystery|novel|killer|murderer|villain)\b",
    _FLAGS,
)


def own_way_out(text: str, start: int, end: int) -> bool:
    """A way out weighed (:data:`INTO_THE_SEA`, :data:`LOOK_LIKE_AN_ACCIDENT`,
    :data:`OUT_OF_THE_PICTURE`): an accident made only after the writer's own act in the 150
    characters before it (:data:`_OWN_ACT`) and no harm to another nor a game
    (:data:`_ANOTHER_HARMED`); not another's doing just before (:data:`_THEIRS`); not in a
    story."""
    if _THEIRS.search(text, max(0, start - 25), start) is not None:
        return False
    if "accident" in text[start:end].lower():
        before = text[max(0, start - 150) : start]
        if _OWN_ACT.search(before) is None or _ANOTHER_HARMED.search(before) is not None:
            return False
    return not in_a_story(text, start, end)


# Just before a wish, another's doing.
_THEIRS = re.compile(r"\b(?:he|she|they|you|we|u)\s+(?:[\w']+\s+){0,2}$", _FLAGS)

#: A wish turned to how: "think about how to make that happen", "how to make sure i don't"
#: (:func:`after_a_death_wish`).
MAKE_IT_HAPPEN = (
    r"\b(?:think\w*|thought|plan\w*|figur\w*|work\w*\s+out|research\w*|look\w*\s+up)\s+(?:about\s+"
    r"|of\s+|out\s+)?how\s+(?:to|i\s+(?:could|would|can|might))\s+(?:make\s+(?:that|it|this)\s+"
    r"happen|make\s+sure\s+i\s+(?:don'?t|won'?t|never|do\s+not))\b",
    r"\b(?:think\w*|thought|plan\w*|figur\w*|research\w*)\s+(?:about|of|out)\s+how(?:\s+(?:i'?d"
    r"|i\s+would|i\s+could|to)\s+do\s+it)?(?=\s*(?:[.!?\n]|$))",
)
# Before it, a wish of the writer's death or absence, or a money for their death.
_DEATH_WISH = re.compile(
    r"\b(?:don'?t|won'?t|not)\s+make\s+it\s+(?:to|through|past)|\bbetter\s+(?:off|spot|place)\b"
    r"|\blife\s+insurance\b|\bwithout\s+me\b|\bthan\s+with\s+me\b|\bnot\s+(?:be\s+)?(?:here|around"
    r"|alive)\b|\bdead\b|\bgone\b|\bdie\b",
    _FLAGS,
)


def after_a_death_wish(text: str, start: int, end: int) -> bool:
    """A wish turned to how (:data:`MAKE_IT_HAPPEN`) after a wish of the writer's death or
    absence in the 300 characters before it (:data:`_DEATH_WISH`); not in a story."""
    if _DEATH_WISH.search(text, max(0, start - 300), start) is None:
        return False
    return not in_a_story(text, start, end)


#: The writer's place taken by money or someone better: "better spot with that money than with
#: me", "better off with a mum who isn't me" (:func:`in_my_place`).
IN_MY_PLACE = (
    r"\bbetter\s+(?:off|spot|place|position)\s+with\s+(?:that|the|my|this)\s+(?:\w+\s+)?(?:money"
    r"|payout|insurance|pay-?out)\b",
    r"\bbetter\s+off\s+with\s+(?:a|another|some|someone|somebody)\s+(?:\w+\s+)?(?:who|that)\s+"
    r"(?:isn'?t|is\s+not|wasn'?t)\s+me\b",
)
# In the message, a death weighed or money for it.
_DEATH_WEIGHED = re.compile(
    r"\b(?:life\s+insurance|insurance\s+(?:policy|payout|money)|payout|walk\w*\s+into\s+the\s+(?:sea"
    r"|ocean|river|lake)|dead|die|gone|not\s+here|kill\w*|end\s+it|disappear\w*|in\s+the\s+picture"
    r"|permanently|for\s+good|than\s+(?:with\s+|having\s+)?me)\b",
    _FLAGS,
)


def in_my_place(text: str, start: int, end: int) -> bool:
    """The writer's place taken (:data:`IN_MY_PLACE`) with a death weighed or money for it in
    the message (:data:`_DEATH_WEIGHED`); not in a story."""
    if _DEATH_WEIGHED.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: The writer out of the picture for good: "if i wasn't in the picture at all, permanently"
#: (:func:`own_way_out`).
OUT_OF_THE_PICTURE = (
    r"\b(?:if|once)\s+i(?:\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not|was\s+out\s+of|were\s+out"
    r"\s+of|am\s+not|am\s+out\s+of)|'?m\s+(?:not|out\s+of))\s+(?:in\s+)?the\s+picture\b[\s,]*(?:at\s+"
    r"all[\s,]*)?(?:permanently|for\s+good|forever|for\s+ever)\b",
)


#: The patterns of this module (label ``suicide``) and their checks.
WAYS_OUT = (
    *INTO_THE_SEA,
    *LOOK_LIKE_AN_ACCIDENT,
    *MAKE_IT_HAPPEN,
    *IN_MY_PLACE,
    *OUT_OF_THE_PICTURE,
)
WAYS_OUT_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*INTO_THE_SEA, *LOOK_LIKE_AN_ACCIDENT, *OUT_OF_THE_PICTURE), own_way_out),
    **dict.fromkeys(MAKE_IT_HAPPEN, after_a_death_wish),
    **dict.fromkeys(IN_MY_PLACE, in_my_place),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
WAYS_OUT_WORDS: dict[str, str] = {
    INTO_THE_SEA[0]: r"walk",
    LOOK_LIKE_AN_ACCIDENT[0]: r"accident",
    MAKE_IT_HAPPEN[0]: r"make\s+(?:that|it|this)\s+happen|make\s+sure",
    MAKE_IT_HAPPEN[1]: r"how",
    IN_MY_PLACE[0]: r"money|payout|pay-?out|insurance",
    IN_MY_PLACE[1]: r"better\s+off\s+with",
    OUT_OF_THE_PICTURE[0]: r"picture",
}

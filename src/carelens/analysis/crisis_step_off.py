"""Crisis cues of a step off a height or before a train weighed: how easy it would be, a step
forward thought of, the wrong side of a barrier.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`STEP_OFF_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told in
a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`HOW_EASY`: "at the edge i find myself thinking how easy it would be to just step off",
  "on the platform i think how easy it would be to just not step back", "stopped in the middle of
  the bridge and thought about how easy it would be."; a cue only with a place of danger in the
  message (a bridge, an edge, a platform, the tracks, a roof, the top of the stairs) and not of
  a fall feared ("how easy it would be to slip": :func:`step_weighed`).
- :data:`STEP_THOUGHT`: "every time the train comes in i think about stepping forward", "can't
  stop thinking about walking to the edge", "think about driving it off the road at the
  quarry"; with a place of danger in the message too (:func:`step_weighed`).
- :data:`WRONG_SIDE`: "today i stood on the wrong side of the barrier for a bit", "climbed over
  the railing and sat there"; not a view or a game watched from there (:func:`no_outing`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: How easy a step would be: "how easy it would be to just step off", "... to not step back",
#: "how easy it would be." (:func:`step_weighed`).
HOW_EASY = (
    r"\bhow\s+easy\s+it\s+(?:would|'d|could|will)\s+be\b(?=\s*(?:[.,!?;:\n\u2026]|$|and\b|to\s+"
    r"(?:just\s+|simply\s+)?(?:step|jump|walk|lean|let\s+go|drive|swerve|go\s+over|climb\s+over"
    r"|keep\s+(?:walking|driving|going)|not\s+(?:step|stop|come|hold|go|turn)|end|stop|disappear"
    r"|roll|hop|throw|leap|run|take\s+(?:a|one)\s+(?:step|more\s+step))\b))",
)
#: A step toward the danger thought of: "thinking about stepping forward", "walking to the
#: edge", "stepping in front of one", "driving it off the road" (:func:`step_weighed`).
STEP_THOUGHT = (
    r"\b(?:think|thinks|thinking|thought)\s+(?:about|of)\s+(?:just\s+)?(?:stepping|walking"
    r"|driving|swerving|leaning|rolling|letting\s+go|running)\s+(?:(?:it|the\s+\w+|my\s+\w+)\s+)?"
    r"(?:(?:out|off|forward|over)\s+)?(?:in\s+front|into|off\s+(?:the|it|a)|forward|over\s+the"
    r"\s+(?:edge|side|railing|barrier)|(?:up\s+)?to\s+the\s+edge\b(?!\s+of\s+(?:the\s+)?(?:town"
    r"|city|village|park|field|forest|woods|wood|lake|pool|garden|estate|map|world))|out\b)",
)
# In the message, a place of danger.
_DANGER_PLACE = re.compile(
    r"\b(?:bridges?|edge|cliffs?|railway|rail\s*line|tracks|trains?|roofs?|rooftop|ledge|quarry"
    r"|river|sea|motorway|overpass|tower\s+block|car\s*park|multi-?stor(?:e?y)|balcony|platform"
    r"|top\s+of\s+the\s+stairs|window|traffic|lorr(?:y|ies)|trucks?|(?:\d+|top)(?:th|st|nd|rd)?"
    r"\s+floor|road)\b",
    _FLAGS,
)
# After the words, a fall feared or an everyday ease: "to slip", "to get lost", "to miss".
_FEARED_AFTER = re.compile(
    r"\s+to\s+(?:just\s+)?(?:slip|trip|fall|lose\s+(?:my|your)\s+footing|get\s+lost|miss)\b",
    _FLAGS,
)


def step_weighed(text: str, start: int, end: int) -> bool:
    """A step weighed (:data:`HOW_EASY`, :data:`STEP_THOUGHT`) with a place of danger in the
    message (:data:`_DANGER_PLACE`), not a fall feared after it (:data:`_FEARED_AFTER`); not in
    a story."""
    if _DANGER_PLACE.search(text) is None or _FEARED_AFTER.match(text, end) is not None:
        return False
    return not in_a_story(text, start, end)


#: The wrong side of a barrier: "stood on the wrong side of the barrier", "climbed over the
#: railing" (:func:`no_outing`).
WRONG_SIDE = (
    r"\b(?:stood|standing|stand|stands|sat|sitting|sit|was|been|got)\s+(?:on\s+)?(?:the\s+)?(?:wrong"
    r"|other|outside|far)\s+side\s+of\s+the\s+(?:barrier|railings?|rail|guard\s*rail|parapet"
    r"|balustrade|safety\s+fence)\b",
    r"\b(?:climbed|climbing|climb|got|get|getting|went)\s+over\s+the\s+(?:barrier|railings?"
    r"|guard\s*rail|parapet|balustrade|safety\s+fence)\b",
)
# In the message, an outing: a view, a game, a photo, a queue, a festival.
_OUTING = re.compile(
    r"\b(?:match|game|concert|gig|festival|queue|photos?|pictures?|selfies?|view|fireworks|parade"
    r"|race|marathon|crowd|stadium|zoo|enclosure|ball|kids?|dog|lol|haha|fined|security\s+told)\b",
    _FLAGS,
)


def no_outing(text: str, start: int, end: int) -> bool:
    """The wrong side of a barrier (:data:`WRONG_SIDE`) with no outing in the message
    (:data:`_OUTING`: a game, a photo, a view); not in a story."""
    if _OUTING.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
STEP_OFF = (*HOW_EASY, *STEP_THOUGHT, *WRONG_SIDE)
STEP_OFF_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*HOW_EASY, *STEP_THOUGHT), step_weighed),
    **dict.fromkeys(WRONG_SIDE, no_outing),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
STEP_OFF_WORDS: dict[str, str] = {
    HOW_EASY[0]: r"how\s+easy",
    STEP_THOUGHT[0]: r"think|thought",
    WRONG_SIDE[0]: r"side\s+of",
    WRONG_SIDE[1]: r"over\s+the",
}

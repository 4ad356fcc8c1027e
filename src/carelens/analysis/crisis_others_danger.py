"""Crisis cues of another person in danger right now, told by the seeker as it happens: a car's
engine running in a shut garage, someone on a bridge or a ledge while the seeker talks to them,
a goodbye posted before going silent, a note that says they won't be here tomorrow.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its :data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`, and its check of the words around it
joins :mod:`carelens.analysis.crisis_context`'s (:data:`OTHERS_DANGER_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`ENGINE_RUNNING`: "my mum is sitting in the car in the closed garage with the engine
  running", "he's locked himself in the garage with the car on"; a cue only with the garage shut
  or the person not coming out (:func:`shut_in`), not "i left the engine running in the garage
  for a minute with the door open".
- :data:`ON_THE_EDGE_NOW`: "i'm on the phone with my brother and he's on the bridge", "she's
  standing on the ledge and won't come down"; a cue only with an urgency beside it (the seeker
  on the phone, "what do i say", "won't come down", "please help": :func:`urgent_now`), not "my
  dad is on the roof fixing the gutters".
- :data:`GONE_SILENT`: "someone in our server just posted a goodbye message and went offline",
  "she sent a goodbye text and turned her phone off"; not a goodbye to a server, a game or a job
  left ("... and left the server for good, he's moving on to another game": :func:`not_leaving`).
- :data:`NOTE_NOT_HERE`: "a student handed me a note saying she won't be here tomorrow and
  thanking me", "he texted that he won't be around much longer"; not an absence with a reason
  (an appointment, a trip, a move, sickness: :func:`not_leaving`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: A car's engine running in a garage with someone inside: "in the closed garage with the engine
#: running" (:func:`shut_in`).
ENGINE_RUNNING = (
    r"\bgarage\s+(?:\w+\s+){0,4}?with\s+the\s+(?:engine|car|motor|ignition)\s+(?:still\s+)?(?:running"
    r"|on)\b",
    r"\b(?:engine|car|motor)\s+(?:is\s+|was\s+|still\s+)*running\s+(?:\w+\s+){0,3}?in\s+(?:the|a"
    r"|our|his|her|their)\s+(?:closed\s+|shut\s+|locked\s+)?garage\b",
)
# In the message, the garage shut or the person not coming out.
_SHUT_IN = re.compile(
    r"\b(?:closed|shut|locked|won'?t\s+(?:open|come\s+out|answer|unlock|get\s+out|respond)"
    r"|wont\s+(?:open|come\s+out|answer)|not\s+(?:answering|responding|coming\s+out)|door\s+is"
    r"\s+(?:closed|shut|locked))\b",
    _FLAGS,
)
# In the message, a garage left open or a minute's warming.
_OPEN_GARAGE = re.compile(
    r"\b(?:door\s+(?:was\s+|is\s+)?(?:open|up)|garage\s+(?:door\s+)?open|warm(?:ing)?\s+(?:it\s+)?up"
    r"|for\s+a\s+(?:minute|sec|second))\b",
    _FLAGS,
)


def shut_in(text: str, start: int, end: int) -> bool:
    """An engine running in a garage (:data:`ENGINE_RUNNING`) shut or with the person not coming
    out (:data:`_SHUT_IN`), and not open nor warmed for a minute (:data:`_OPEN_GARAGE`); not in
    a story."""
    if _SHUT_IN.search(text) is None or _OPEN_GARAGE.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


_SOMEONE = (
    r"(?:he|she|they|he'?s|she'?s|they'?re|my\s+\w+|(?:my\s+)?(?:friend|brother|sister|son"
    r"|daughter|dad|mum|mom|partner|husband|wife|boyfriend|girlfriend)(?:'s)?)"
)
#: Someone on a height now: "he's on the bridge", "she is standing on the ledge"
#: (:func:`urgent_now`).
ON_THE_EDGE_NOW = (
    rf"\b{_SOMEONE}\s+(?:is\s+|are\s+)?(?:(?:still|now|right\s+now)\s+)?(?:standing\s+|sitting\s+"
    r"|up\s+)?(?:on|at)\s+(?:the|a|top\s+of\s+the)\s+(?:bridge|ledge|edge|cliff|roof|rooftop"
    r"|railing|tracks|overpass|balcony\s+railing)\b(?!\s+(?:of\s+(?:the\s+)?(?:ship|boat|enterprise"
    r"|nose)|crew|team|club)\b)",
)
# In the message, an urgency: the seeker on the phone with them, a plea, no coming down.
_URGENT = re.compile(
    r"\b(?:on\s+the\s+phone|on\s+a\s+call|typing\s+with|what\s+do\s+i\s+(?:say|do|tell)|what\s+"
    r"should\s+i\s+(?:say|do)|won'?t\s+(?:come\s+down|get\s+down|move|listen|step\s+back)|wont\s+"
    r"(?:come\s+down|listen)|please\s+help|help\s+me|call\s+(?:911|999|112|000|the\s+police)|going"
    r"\s+to\s+jump|gonna\s+jump|says?\s+(?:he|she|they)'?(?:ll|s|\s+will|\s+is)?\s+(?:going\s+to\s+)?"
    r"jump)\b",
    _FLAGS,
)
# In the message, a job or a view up there.
_EVERYDAY_HEIGHT = re.compile(
    r"\b(?:fix\w*|repair\w*|gutters?|shingles?|tiles|roofer|antenna|aerial|solar|snow|photos?"
    r"|pictures?|view|sunset|sunrise|fireworks|fishing|bungee|hiking|climbing\s+gym|paint\w*)\b",
    _FLAGS,
)


def urgent_now(text: str, start: int, end: int) -> bool:
    """Someone on a height (:data:`ON_THE_EDGE_NOW`) with an urgency in the message
    (:data:`_URGENT`) and no job or view up there (:data:`_EVERYDAY_HEIGHT`); not in a story."""
    if _URGENT.search(text) is None or _EVERYDAY_HEIGHT.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A goodbye sent before going silent: "posted a goodbye message and went offline"
#: (:func:`not_leaving`).
GONE_SILENT = (
    r"\b(?:posted|sent|wrote|texted|left)\s+(?:us\s+|me\s+|a\s+|his\s+|her\s+|their\s+)*(?:goodbye"
    r"|farewell|good-?bye)\s+(?:message|post|text|note|voice\s*note|dm)?\s*(?:\w+\s+){0,3}?and\s+"
    r"(?:then\s+)?(?:went|gone|has\s+gone|is)\s+(?:offline|silent|dark|quiet)\b",
    r"\b(?:posted|sent|wrote|texted)\s+(?:us\s+|me\s+|a\s+|his\s+|her\s+|their\s+)*(?:goodbye"
    r"|farewell|good-?bye)\s+(?:message|post|text|note)\s+and\s+(?:then\s+)?(?:turned|switched)\s+"
    r"(?:off\s+)?(?:his|her|their)\s+phone\b",
)
#: A note that someone won't be here tomorrow: "a note saying she won't be here tomorrow"
#: (:func:`not_leaving`).
NOTE_NOT_HERE = (
    r"\b(?:note|message|text|letter|email|dm)\s+(?:\w+\s+){0,3}?(?:saying|says|said|that)\s+"
    r"(?:he|she|they)\s+(?:won'?t|wont|will\s+not|is\s+not\s+going\s+to|isn'?t\s+going\s+to)\s+"
    r"be\s+(?:here|around|alive)\s+(?:tomorrow|anymore|any\s+more|much\s+longer|by\s+(?:morning"
    r"|tonight|tomorrow))\b",
)
# In the message, a leaving or an absence with an everyday reason.
_EVERYDAY_LEAVING = re.compile(
    r"\b(?:mov(?:e|ed|ing)\s+(?:on|to|away|house|out)|new\s+(?:game|server|job|school|city)"
    r"|left\s+the\s+(?:server|group|game|guild|discord|chat)|quit(?:ting)?\s+(?:the\s+)?(?:game"
    r"|server|job)|appointment|dentist|doctor'?s|holiday|vacation|trip|flight|sick|ill|surgery"
    r"|funeral|wedding|transfer\w*|graduat\w*|retir\w*|break\s+from\s+(?:social|the\s+internet"
    r"|discord|online))\b",
    _FLAGS,
)


def not_leaving(text: str, start: int, end: int) -> bool:
    """A goodbye before silence or a note that someone won't be here (:data:`GONE_SILENT`,
    :data:`NOTE_NOT_HERE`) with no everyday leaving or absence in the message
    (:data:`_EVERYDAY_LEAVING`); not in a story."""
    if _EVERYDAY_LEAVING.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``, all of another's risk) and their checks.
OTHERS_DANGER = (*ENGINE_RUNNING, *ON_THE_EDGE_NOW, *GONE_SILENT, *NOTE_NOT_HERE)
OTHERS_DANGER_CHECKS: dict[str, Check] = {
    **dict.fromkeys(ENGINE_RUNNING, shut_in),
    **dict.fromkeys(ON_THE_EDGE_NOW, urgent_now),
    **dict.fromkeys((*GONE_SILENT, *NOTE_NOT_HERE), not_leaving),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
OTHERS_DANGER_WORDS: dict[str, str] = {
    ENGINE_RUNNING[0]: r"garage",
    ENGINE_RUNNING[1]: r"garage",
    ON_THE_EDGE_NOW[0]: r"bridge|ledge|edge|cliff|roof|railing|tracks|overpass",
    GONE_SILENT[0]: r"offline|silent|dark|quiet",
    GONE_SILENT[1]: r"phone",
    NOTE_NOT_HERE[0]: r"won'?t|wont|will\s+not|not\s+going",
}

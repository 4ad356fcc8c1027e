"""Crisis cues of a lonely place sought: a height, water or a railway asked about for when nobody
is there, or how high it is looked up, or a thought of letting go up there.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``,
through :mod:`carelens.analysis.crisis_veiled_joins`) and its check of the words around it joins
:mod:`carelens.analysis.crisis_context`'s (:data:`LONELY_PLACE_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`WHEN_NOBODY_THERE`: "want to be there when nobody's around", "i'll go when no one is
  about"; a cue only with a height, water or a railway in the message and no everyday reason to
  be there (photos, fishing, a swim, a run, the dog: :func:`lonely_place_sought`).
- :data:`QUIET_ASKED`: "is the railway bridge on mill lane quiet after midnight? don't ask why",
  "is the old quarry fenced off now?", "are there cameras on the multi-storey car park roof?";
  a cue only as a question with a lonely hour or the writer alone in the message
  (:func:`lonely_place_sought`), not "is the pier busy at night? thinking of fishing".
- :data:`HOW_HIGH`: "i've started looking up how high the multi-storey car park by the station
  is", "googled how tall the bridge is"; not a van's clearance, a climb or a school project
  (:func:`height_looked_up`).
- :data:`LETTING_GO`: "stood on the balcony for a long time and thought about just letting go",
  "thought about leaning forward on the platform"; a cue only with a height or a railway near it
  (:func:`height_near`), not "letting go of the past".
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

_PLACE_WORDS = (
    r"bridges?|viaduct|overpass|flyover|pier|jetty|cliffs?|cliff\s+top|quarry|car\s*parks?"
    r"|multi-?stor(?:e)?y|parking\s+(?:garage|structure)|rooftops?|roof|railway|rail\s+line"
    r"|train\s+tracks|tracks|level\s+crossing|reservoir|dam|tower\s+block|lighthouse|weir|ledge"
    r"|harbou?r\s+wall|sea\s+wall|lake|river|canal|tide"
)
# In the message, a height, water or a railway.
_PLACE = re.compile(rf"\b(?:{_PLACE_WORDS})\b", _FLAGS)
# In the message, an everyday reason to be there.
_EVERYDAY_VISIT = re.compile(
    r"\b(?:photo\w*|pictures?|pics|camera\s+(?:gear|bag)|shoot(?:ing)?\s+(?:a|some|the)|film\w*"
    r"|fish\w*|swim\w*|paddl\w*|kayak\w*|surf\w*|run(?:ning)?|jog\w*|cycl\w*|bike|skat\w*|walk(?:ing)?"
    r"\s+(?:the|my)\s+dog|dog\s+walk\w*|kids|children|picnic|fossil\w*|birds?|birding|stargaz\w*"
    r"|stars|sunrise|sunset|geocach\w*|draw\w*|sketch\w*|paint\w*|climb\w*|boulder\w*|abseil\w*"
    r"|drone|train\s*spott\w*|practi[cs]e|lessons?|driving\s+test|learner|busk\w*|date|party"
    r"|meditat\w*|yoga|pray(?:er|ing)?\s+(?:walk|group)|skinny\s+dip\w*|graffiti|urbex|explor\w*)\b",
    _FLAGS,
)

#: A place wanted when nobody is there: "be there when nobody's around"
#: (:func:`lonely_place_sought`).
WHEN_NOBODY_THERE = (
    r"\b(?:when|while|once|at\s+a\s+time\s+when)\s+(?:nobody|no\s+one|no-one|noone)(?:'s|\s+is"
    r"|\s+else\s+is|\s+else'?s|\s+will\s+be|'ll\s+be)?\s+(?:around|there|about|looking|watching"
    r"|awake|up)\b",
)
#: A lonely place asked about: "is the railway bridge quiet after midnight?"
#: (:func:`lonely_place_sought`).
QUIET_ASKED = (
    rf"\b(?:{_PLACE_WORDS})\b(?:\s+[\w'-]+){{0,8}}?\s+(?:quiet|empty|deserted|fenced(?:\s+off)?"
    r"|locked|gated|guarded|patrolled|busy|open\s+(?:at|after|all)|cctv|cameras?|security"
    r"|(?:any|many)\s+(?:people|folk|one|body)\s+(?:around|there|about))\b",
    r"\b(?:quiet|empty|deserted|fenced(?:\s+off)?|locked|guarded|patrolled|cctv|cameras?|security)"
    rf"\b(?:\s+[\w'-]+){{0,6}}?\s+(?:the|that|this)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_PLACE_WORDS})\b",
)
# In the message, a lonely hour, the writer alone, or a reason withheld.
_LONELY = re.compile(
    r"\b(?:midnight|at\s+night|tonight|late\s+at\s+night|after\s+dark|in\s+the\s+dark|[1-5]\s*am"
    r"|early\s+hours|small\s+hours|on\s+my\s+own|by\s+myself|alone|(?:nobody|no\s+one|no-one)"
    r"|don'?t\s+ask(?:\s+why)?|dont\s+ask|not\s+(?:saying|telling)\s+why|(?:one|the)\s+last\s+time"
    r"|last\s+time\s+i'?ll)\b",
    _FLAGS,
)
_QUESTION = re.compile(
    r"\?|\b(?:does\s+anyone|anyone\s+know|do\s+you\s+know|is\s+it|are\s+there|wondering)\b",
    _FLAGS,
)


def lonely_place_sought(text: str, start: int, end: int) -> bool:
    """A place sought for when nobody is there (:data:`WHEN_NOBODY_THERE`) with a height, water
    or a railway in the message (:data:`_PLACE`), or such a place asked about
    (:data:`QUIET_ASKED`) in a question (:data:`_QUESTION`) with a lonely hour or the writer
    alone (:data:`_LONELY`); no everyday reason to be there (:data:`_EVERYDAY_VISIT`); not in a
    story."""
    if _EVERYDAY_VISIT.search(text) is not None:
        return False
    if _PLACE.search(text, start, end) is None:
        if _PLACE.search(text) is None:
            return False
    elif _QUESTION.search(text) is None or _LONELY.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: How high a place is, looked up: "looking up how high the multi-storey car park is"
#: (:func:`height_looked_up`).
HOW_HIGH = (
    r"\b(?:look\w*\s+up|googl\w*|search\w*|check\w*|research\w*|measur\w*|work\w*\s+out|find\w*"
    r"\s+out|found\s+out|wonder\w*|calculat\w*)\s+(?:(?:for|into|on)\s+)?how\s+(?:high|tall|far"
    r"\s+(?:down|up)|many\s+(?:floors|storeys|stories|metres|meters|feet))\s+(?:up\s+)?(?:the|a"
    r"|that|this|our|my)\s+(?:[\w'-]+\s+){0,4}?(?:car\s*park|parking\s+(?:garage|structure|lot)"
    r"|multi-?stor(?:e)?y|bridge|viaduct|building|tower|block|flats?|cliffs?|roof|rooftop|balcony"
    r"|overpass|dam|quarry|stadium|hotel|hospital|station|drop|fall)\b",
)
# In the message, an everyday reason for a height: a vehicle's clearance, a climb, a lesson.
_EVERYDAY_HEIGHT = re.compile(
    r"\b(?:van|lorry|truck|camper\w*|motorhome|roof\s*box|trailer|clearance|height\s+(?:limit"
    r"|restriction|barrier)|fit|climb\w*|abseil\w*|bungee|skydiv\w*|paraglid\w*|drone|homework"
    r"|project|assignment|essay|school|class|lecture|physics|maths?|architect\w*|engineer\w*"
    r"|crane|scaffold\w*|movers?|removal\w*|wedding|photos?|view|tour\w*|fireworks)\b",
    _FLAGS,
)


_SENTENCE_END = re.compile(r"[.!?\n]")


def height_looked_up(text: str, start: int, end: int) -> bool:
    """How high a place is, looked up (:data:`HOW_HIGH`), with no everyday reason for it in its
    sentence (:data:`_EVERYDAY_HEIGHT`: a long post's club or course elsewhere says nothing of
    it); not in a story."""
    low = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    found = _SENTENCE_END.search(text, end)
    if _EVERYDAY_HEIGHT.search(text, low, found.start() if found else len(text)) is not None:
        return False
    return not in_a_story(text, start, end)


#: A thought of letting go or leaning over: "thought about just letting go"
#: (:func:`height_near`).
LETTING_GO = (
    r"\b(?:think\w*|thought|wonder\w*|imagin\w*)\s+(?:about|of)\s+(?:just\s+|how\s+easy\s+it\s+"
    r"would\s+be\s+to\s+)?(?:letting\s+go|leaning\s+(?:over|forward|out)|stepping\s+(?:off|over"
    r"|forward|out)|going\s+over|tipping\s+(?:over|forward)|climbing\s+over|falling(?!\s+(?:asleep"
    r"|in\s+love|behind|apart|out|for|back|into|ill|sick)))\b(?!\s+(?:of|from\s+(?:the|my)\s+"
    r"(?:job|plan|deal|team|project)))",
)
# Near a thought of letting go, a height or a railway.
_HEIGHT = re.compile(
    r"\b(?:balcony|ledge|edge|bridge|roof|rooftop|railings?|cliffs?|platform|window\s*sill"
    r"|window|top\s+floor|car\s*park|multi-?stor(?:e)?y|tracks|overpass|viaduct|pier|harbou?r"
    r"\s+wall|quarry|dam)\b",
    _FLAGS,
)


def height_near(text: str, start: int, end: int) -> bool:
    """A thought of letting go (:data:`LETTING_GO`) with a height or a railway in the 200
    characters around it (:data:`_HEIGHT`); not in a story."""
    if _HEIGHT.search(text, max(0, start - 200), min(len(text), end + 200)) is None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
LONELY_PLACES = (*WHEN_NOBODY_THERE, *QUIET_ASKED, *HOW_HIGH, *LETTING_GO)
LONELY_PLACE_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*WHEN_NOBODY_THERE, *QUIET_ASKED), lonely_place_sought),
    **dict.fromkeys(HOW_HIGH, height_looked_up),
    **dict.fromkeys(LETTING_GO, height_near),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
LONELY_PLACE_WORDS: dict[str, str] = {
    WHEN_NOBODY_THERE[0]: r"nobody|no\s+one|no-one|noone",
    QUIET_ASKED[0]: r"quiet|empty|deserted|fenced|locked|gated|guarded|patrolled|busy|open"
    r"|cctv|camera|security|people|folk|one|body",
    QUIET_ASKED[1]: r"quiet|empty|deserted|fenced|locked|guarded|patrolled|cctv|camera|security",
    HOW_HIGH[0]: r"high|tall|far|many",
    LETTING_GO[0]: r"letting|leaning|stepping|going\s+over|tipping|climbing|falling",
}

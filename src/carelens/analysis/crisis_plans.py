"""Crisis cues of plans: the when and the where of a death chosen, told veiled.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`PLAN_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told in a
story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`HEIGHT_CHECKED`: a height weighed ("would it be high enough", with a roof, a bridge or a
  floor near it; "looked up the tallest buildings" beside despair); not a fence, a loft or a
  tourist's list (:func:`height_checked`).
- :data:`TIDE_TIMES`: the tide's times looked up with an intent ("looked up the tide times. i
  know when i'm going"); not for fishing, rock pooling or the causeway (:func:`tide_intent`).
- :data:`DATE_PICKED`: a date picked with calm ("i've decided. sunday.", "i have a plan and a
  date", "i've picked a date. i feel calm now", "i've decided it's going to be friday after
  work"); not a wedding, a party or a date to tell the family (:func:`date_picked`).
- :data:`THE_NIGHT`: a night named for it beside a means or a farewell ("tonight might be the
  night" after staring at the pills, "tonight i'm going to do it. i've said goodbye to
  everyone", "i'm not going to make it through tonight. i have everything ready"); not "tonight's
  the night i ask her out", "i'm gonna do it tonight" of the homework nor a night shift
  (:func:`named_for_it`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import sentence_before

_FLAGS = re.IGNORECASE

#: A height weighed: "would it be high enough", "is the bridge tall enough", "looked up the
#: tallest buildings"; a cue only with a height near it and no everyday use
#: (:func:`height_checked`).
HEIGHT_CHECKED = (
    r"\b(?:high|tall)\s+enough\b",
    r"\b(?:look(?:ed|ing)?\s+up|googl\w*|search\w*(?:\s+(?:for|up))?|research\w*)\s+(?:the\s+)?"
    r"(?:tallest|highest)\s+(?:buildings?|bridges?|towers?|car\s*parks?|parking\s+(?:garages?"
    r"|structures?)|cliffs?|rooftops?|roofs?|points?|places?)\b",
)
# A height near it: a roof, a bridge, a floor, a balcony, a car park, a cliff.
_HEIGHT = re.compile(
    r"\b(?:roofs?|rooftops?|bridges?|buildings?|floors?|stor(?:e?y|ies|eys)|balcon(?:y|ies)|car\s*parks?"
    r"|parking\s+(?:garage|deck|structure)|cliffs?|towers?|overpass\w*|ledges?|windows?)\b",
    _FLAGS,
)
# Before "high enough" in its sentence, a question weighed: "would it be", "is the bridge",
# "if it's", "whether".
_WEIGHED = re.compile(
    r"\b(?:would|will|is|was|are|were|if|whether|wonder)\b[^.!?\n]{0,40}$|\bhow\s+(?:high|tall)\b",
    _FLAGS,
)
# Near a height weighed, an everyday use: a fence, a ladder, a loft, a view, a child's safety, a
# tourist's list.
_EVERYDAY_HEIGHT = re.compile(
    r"\b(?:fence|ladder|shelf|shelves|ceiling|cupboard|antenna|aerial|dish|hoop|net|kite|drone"
    r"|plants?|trees?|tree\s*house|dogs?|cats?|child(?:ren)?|kids?|toddler|baby|safe|safety|code"
    r"|regulations?|flood\w*|view|signal|reception|wifi|solar|panels?|snow|tent|trampoline|loft"
    r"|conversion|extension|headroom|attic|storage|bunk|crane|scaffold\w*|tour\w*|visit\w*|trip"
    r"|holiday|vacation|photo\w*|architecture|project|homework|travel\w*|observation|sightsee\w*"
    r"|skyline|climb\w*|jump\s+shot|dunk|basket\w*|shoot\w*|hurdle|bar|vault|truck|van|lorry"
    r"|clearance|sign|flag|banner|christmas|lights|gutters?|repairs?|roofer|leak\w*|tiles?|see|watch"
    r"|fireworks|stars|sunset|noise|quiet)\b",
    _FLAGS,
)
# Beside the tallest buildings looked up, despair or an end: "so done with everything", "no
# point", "tonight", "goodbye", "would it be enough".
_DESPAIR = re.compile(
    r"\b(?:done\s+with\s+(?:everything|it\s+all|life|this|living)|can'?t\s+(?:do\s+this|go\s+on"
    r"|take\s+(?:it|this))|gave\s+up|give\s+up|giving\s+up|no\s+point|pointless|hopeless|tired\s+of"
    r"|nobody|no\s+one|good\s*-?\s*bye|end\s+(?:it|this|things)|for\s+good|last|access|unlocked"
    r"|open\s+to\s+the\s+public|enough|survive|fatal|die|dead|death|kill\w*|suicid\w*|jump\w*)\b",
    _FLAGS,
)


def height_checked(text: str, start: int, end: int) -> bool:
    """A height weighed (:data:`HEIGHT_CHECKED`): "high enough" asked (:data:`_WEIGHED`) with a
    height in the 200 characters before it or the 80 after (:data:`_HEIGHT`), or the tallest
    buildings looked up beside despair or an end in the message (:data:`_DESPAIR`); none with
    an everyday use in the message (:data:`_EVERYDAY_HEIGHT`: a fence, a loft, a view); not in
    a story."""
    if _EVERYDAY_HEIGHT.search(text, max(0, start - 300), end + 300) is not None:
        return False
    if text[start:end].lower().startswith(("high", "tall")):
        if _WEIGHED.search(sentence_before(text, start)) is None:
            return False
        if _HEIGHT.search(text, max(0, start - 200), end + 80) is None:
            return False
    elif not any(
        _DESPAIR.search(part) for part in (text[max(0, start - 300) : start], text[end : end + 300])
    ):
        return False
    return not in_a_story(text, start, end)


#: The tide's times looked up: "the tide times", "tide tables", "when high tide is"; a cue only
#: with an intent near them (:func:`tide_intent`).
TIDE_TIMES = (
    r"\btides?\s+(?:times?|tables?|charts?|schedules?)\b|\bwhen\s+(?:the\s+)?(?:high\s+|low\s+)?"
    r"tide\s+(?:is|comes|goes|turns)\b",
)
_INTENT = re.compile(
    r"\b(?:i\s+know\s+when\s+i'?m\s+going|when\s+i'?(?:ll|m)\s+go(?:ing)?\b(?!\s+(?:to|fishing"
    r"|out\s+(?:fishing|to)))|walk(?:ing)?\s+(?:in|into)\b|(?:won'?t|wont|not)\s+(?:be\s+)?(?:come"
    r"|coming)\s+back|take\s+me|carry\s+me|sweep\s+me|pull\s+me|drown\w*|go\s+under|for\s+the\s+last"
    r"\s+time|(?:picked|chosen|decided\s+on)\s+(?:the|a)\s+(?:day|night|date|time)|it'?ll\s+be"
    r"\s+(?:quick|easy|over)|nobody\s+(?:will|would)\s+(?:find|see)|the\s+end|good\s*-?\s*bye"
    r"|my\s+(?:plan|time))\b",
    _FLAGS,
)
_EVERYDAY_TIDE = re.compile(
    r"\b(?:fish\w*|surf\w*|rock\s*pool\w*|swim\w*|paddl\w*|kayak\w*|boats?|sail\w*|dog|beach\s+day"
    r"|picnic|photo\w*|kids|crabs?|crabbing|shells?|forag\w*|bait|dig\w*|causeway|island"
    r"|crossing|sandbanks?|lighthouse|mudflats?|cockl\w*|holiday|vacation|walk\s+the|sunset"
    r"|sunrise|weather|harbou?r|ferry)\b",
    _FLAGS,
)


def tide_intent(text: str, start: int, end: int) -> bool:
    """The tide's times (:data:`TIDE_TIMES`) with an intent in the message (:data:`_INTENT`: "i
    know when i'm going", "walking in", "not coming back") and no everyday use
    (:data:`_EVERYDAY_TIDE`: fishing, rock pooling, the causeway); not in a story."""
    if _INTENT.search(text) is None or _EVERYDAY_TIDE.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|the\s+\d{1,2}"
    r"(?:st|nd|rd|th)?|(?:this|next)\s+(?:week(?:end)?|month|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday))"
)
#: A date picked with calm: "i've decided. sunday.", "i decided: tonight.", "i have a plan and a
#: date", "i've picked a date"; a cue only without an everyday event near it
#: (:func:`date_picked`).
DATE_PICKED = (
    rf"\bi\s*(?:'?ve\s+|\s+have\s+)?decided[.!:,\s\u2026-]+(?:it'?s\s+|it\s+will\s+be\s+|on\s+)?{_DAY}"
    r"(?=\s*(?:[.!\u2026]|$))",
    r"\b(?:i\s+have|i'?ve\s+got|got|i\s+got)\s+(?:a|the)\s+(?:plan|method)\s+and\s+(?:a|the)\s+"
    r"(?:date|day|time)\b",
    r"\b(?:picked|chose|chosen|set|decided\s+on|settled\s+on)\s+(?:a|the|my)\s+(?:date|day)\b",
    # "i've decided it's going to be friday after work"
    rf"\bi\s*(?:'?ve\s+|\s+have\s+)?decided\s+(?:that\s+)?it(?:'s|\s+is|'ll|\s+will)\s+(?:going\s+to"
    rf"\s+|gonna\s+)?be\s+{_DAY}\b",
)
# Near a date picked, an everyday event: a wedding, a party, a move, a talk with the family.
_EVENT = re.compile(
    r"\b(?:party|wedding|trip|date\s+night|dinner|lunch|brunch|birthday|mov(?:e|ing)|visit\w*|game"
    r"|match|interview|appointment|haircut|flight|holiday|vacation|meeting|exams?|gym|marathon"
    r"|pizza|movie|film|shopping|laundry|church|bbq|barbecue|picnic|concert|launch|release"
    r"|deadline|tell(?:ing)?\s+(?:my|them|her|him|the|everyone)|ask(?:ing)?\s+(?:her|him|them)"
    r"\s+out|propos\w*|resign\w*|break\s+up|surgery|operation|business|diet|budget|baby|due\s+date"
    r"|renovat\w*|paint\w*|garden\w*|ceremony|graduation|funeral|memorial|court|hearing|appeal"
    r"|new\s+job|job\s+(?:interview|offer)|start(?:ing)?\s+(?:my|the|a|school|uni|college)|course"
    r"|lesson|quit(?:ting)?\s+(?:smoking|drinking|my\s+job|vaping)|we(?:'ve|\s+have)?\s+(?:set"
    r"|picked|chose|decided)|we(?:'re|\s+are|'ll|\s+will)|beach|park|zoo|pub|raise|promotion"
    r"|ask(?:ing)?\s+(?:for|him|her|them|my)|that'?s\s+(?:when|the\s+day)\s+(?:i'?m|i\s+am|i'?ll"
    r"|i\s+will|we)\s+(?!(?:die|dying|end|ending|do\s+it|doing\s+it|go\b|going\b|leave|leaving)\b))\b",
    _FLAGS,
)
# For a date set or chosen, a calm or an end near it: "i feel calm now", "it's settled",
# "goodbye", "no more".
_CALM_OR_END = re.compile(
    r"\b(?:calm|at\s+peace|peaceful|relie(?:f|ved)|ready|(?:it'?s|its)\s+(?:decided|settled|done)"
    r"|good\s*-?\s*bye|last|final|the\s+end|no\s+more|finally|won'?t\s+(?:have\s+to|be)|for\s+good"
    r"|(?:i'?m|im)\s+done|over\s+soon)\b",
    _FLAGS,
)


def date_picked(text: str, start: int, end: int) -> bool:
    """A date picked (:data:`DATE_PICKED`) with no everyday event in the message
    (:data:`_EVENT`: a wedding, a party, telling the family, "we"); a date set or chosen only
    beside a calm or an end within 150 characters (:data:`_CALM_OR_END`: "i've picked a date. i
    feel calm now"); not in a story."""
    if _EVENT.search(text) is not None:
        return False
    words = text[start:end].lower()
    if not words.startswith(("i", "got")) and (
        _CALM_OR_END.search(text, max(0, start - 150), end + 150) is None
    ):
        return False
    return not in_a_story(text, start, end)


_NIGHT = (
    r"(?:tonight|today|tomorrow|tmrw?|this\s+weekend|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)"
)
#: A night named for it: "tonight might be the night", "tonight's the night", "tonight i'm going
#: to do it", "i'll do it on sunday", "i'm not going to make it through tonight"; a cue only
#: beside a means or a farewell (:func:`named_for_it`).
THE_NIGHT = (
    rf"\b{_NIGHT}\s+(?:might|could|will|may|is\s+going\s+to|'?s\s+going\s+to)\s+be\s+the\s+"
    r"(?:night|day)\b|\b(?:tonight|today)(?:'?s|\s+is)\s+the\s+(?:night|day)\b",
    r"\b(?:i'?m|im|i\s+am|i'?ll|i\s+will|i\s+shall)\s+(?:(?:finally|really|actually|definitely)\s+)?"
    rf"(?:going\s+to\s+|gonna\s+)?do\s+it\s+(?:on\s+)?(?:{_NIGHT}|the\s+anniversary)\b(?!')|\b(?:tonight|today|tomorrow)"
    r"\s+(?:i'?m|im|i\s+am|i'?ll|i\s+will)\s+(?:going\s+to\s+|gonna\s+)?(?:finally\s+)?do\s+it\b",
    r"\bnot\s+(?:going\s+to|gonna|gunna)\s+make\s+it\s+(?:through|past|to)\s+(?:tonight|the\s+night"
    r"|the\s+weekend|tomorrow|morning|this\s+week|friday|saturday|sunday)\b(?!')",
)
# Beside the night named, a means or a farewell: the pills, a rope, goodbyes said, letters,
# everything ready.
_MEANS_OR_FAREWELL = re.compile(
    r"\b(?:pills|tablets|meds|overdos\w*|rope|noose|gun|rifle|pistol|bridge|ledge|roof|blades?"
    r"|razors?|good\s*-?\s*byes?|farewell|letters?|note|everything\s+(?:is\s+)?(?:ready|set|sorted)"
    r"|(?:have|got)\s+everything(?:\s+i\s+need)?|(?:have|got)\s+enough|prescriptions?|gave\s+away|given\s+away|giving\s+away|can'?t\s+(?:do"
    r"\s+this|go\s+on|take\s+it)|no\s+more|won'?t\s+be\s+(?:here|around)|for\s+good|the\s+end"
    r"|end\s+(?:it|things)|kill\w*|suicid\w*|die|dead)\b",
    _FLAGS,
)
# Beside it, an everyday night: a date, a proposal, a game, a shift, homework, a laugh.
_EVERYDAY_NIGHT = re.compile(
    r"\b(?:date|propos\w*|party|game|match|concert|launch|birthday|ask\s+(?:her|him|them)|kiss"
    r"|tell(?:ing)?\s+(?:her|him|them|my|the)|homework|laundry|clean\w*|gym|essay|shifts?|taxes"
    r"|dishes|call|text|break\s+up|dye|haircut|tattoo|interview|exam|test|class|lecture|meeting"
    r"|flight|traffic|movie|coffee|battery|phone|tired|sleepy|deadline|assignment|project|quit\w*"
    r"|lo+l|lmf?ao|haha\w*)\b",
    _FLAGS,
)


def named_for_it(text: str, start: int, end: int) -> bool:
    """A night named for it (:data:`THE_NIGHT`) with a means or a farewell in the message
    (:data:`_MEANS_OR_FAREWELL`, outside its own words: "i keep staring at the bottle of pills
    ... tonight might be the night") and no everyday night (:data:`_EVERYDAY_NIGHT`: a date, a
    shift, homework); not in a story."""
    if _EVERYDAY_NIGHT.search(text) is not None:
        return False
    if not (_MEANS_OR_FAREWELL.search(text, 0, start) or _MEANS_OR_FAREWELL.search(text, end)):
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
PLANS = (*HEIGHT_CHECKED, *TIDE_TIMES, *DATE_PICKED, *THE_NIGHT)
PLAN_CHECKS: dict[str, Check] = {
    **dict.fromkeys(HEIGHT_CHECKED, height_checked),
    **dict.fromkeys(TIDE_TIMES, tide_intent),
    **dict.fromkeys(DATE_PICKED, date_picked),
    **dict.fromkeys(THE_NIGHT, named_for_it),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
PLAN_WORDS: dict[str, str] = {
    HEIGHT_CHECKED[0]: r"high\s+enough|tall\s+enough",
    HEIGHT_CHECKED[1]: r"tallest|highest",
    TIDE_TIMES[0]: r"tide",
    DATE_PICKED[0]: r"decided",
    DATE_PICKED[1]: r"plan\s+and|method\s+and",
    DATE_PICKED[2]: r"picked|chose|settled|decided|set\s+(?:a|the|my)\s+(?:date|day)",
    DATE_PICKED[3]: r"decided",
    THE_NIGHT[0]: (
        r"be\s+the\s+(?:night|day)|is\s+the\s+(?:night|day)|'s\s+the\s+(?:night|day)|tonights\s"
        r"|todays\s"
    ),
    THE_NIGHT[1]: r"do\s+it\b",
    THE_NIGHT[2]: r"make\s+it\s+(?:through|past|to)\b",
}

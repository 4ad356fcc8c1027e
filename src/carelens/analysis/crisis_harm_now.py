"""Crisis cues of self-harm done now or just come back: a first cut after years, a body part hurt
until it bruises, a clean streak lost with self-hatred, a fresh cut asked about with no cause.

The patterns join :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``self_harm``) and
their checks join :mod:`carelens.analysis.crisis_context`'s (:data:`HARM_NOW_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`); none is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`FIRST_IN_YEARS`: "i just cut for the first time in a decade", "i burned for the first
  time in years"; the writer's own (:func:`own_act`), and not a diet's cut nor a haircut beside it
  ("i cut for the first time in years and lost 4kg").
- :data:`UNTIL_IT_MARKS`: "i bite my arm until it bruises", "scratching my wrists till they
  bleed", "i pinch my thighs until they go purple"; the writer's own, not a pet's or a child's
  doing and not an itch (eczema, bites: :func:`own_act`).
- :data:`STREAK_LOST`: "relapsed. 143 days gone. i hate myself", "lost my 200 days clean
  tonight, i'm disgusting"; a cue only with self-hatred beside it and no drink, drug or habit
  told (:func:`self_hatred_no_habit`).
- :data:`CUT_BLEEDING`: "is it normal for a cut to still be bleeding after 20 minutes? it's not
  deep. just asking", "how long should a cut bleed for"; not a cut with an everyday cause told
  (a knife that slipped in the kitchen, shaving, a fall, a pet: :func:`no_everyday_cut`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: A self-harm act after years: "i just cut for the first time in a decade" (:func:`own_act`).
FIRST_IN_YEARS = (
    r"\bi\s+(?:just\s+|finally\s+|actually\s+|have\s+|'ve\s+)?(?:cut|burned|burnt|relapsed|hurt"
    r"\s+myself|self[\s-]*harmed)\s+(?:again\s+)?(?:tonight\s+|today\s+)?for\s+the\s+first\s+time"
    r"\s+in\s+(?:a|an|\d+|over|almost|nearly|years|months|ages|forever|so\s+long)\b",
)
_BODY = r"(?:arms?|wrists?|legs?|thighs?|hands?|skin|stomach|fingers?|lips?|cheeks?|face)"
#: A body part hurt until it marks: "i bite my arm until it bruises" (:func:`own_act`).
UNTIL_IT_MARKS = (
    r"\b(?:bite|biting|bit|scratch\w*|pinch\w*|dig\w*\s+my\s+nails\s+into|claw\w*|slap\w*|hit\w*"
    r"|punch\w*|bang\w*)\s+(?:at\s+)?my\s+(?:own\s+)?" + _BODY + r"\s+(?:until|till|til|so\s+hard"
    r"\s+(?:that\s+)?)\s*(?:it|they|there'?s?|the\s+skin)\s+(?:\w+\s+)?(?:bruises?|bruised|bleeds?"
    r"|bled|breaks?|broke|marks?|swell\w*|go(?:es)?\s+(?:purple|black|blue|numb)|turns?\s+(?:purple"
    r"|black|blue)|draws?\s+blood)\b",
)
# Just before the act, another's doing.
_THEIR_ACT = re.compile(
    r"\b(?:he|she|they|it|you|u|the\s+(?:dog|cat|puppy|kitten|baby)|my\s+(?:dog|cat|puppy|kitten"
    r"|baby|son|daughter|toddler|kid|brother|sister))\s+(?:[\w']+\s+){0,2}$",
    _FLAGS,
)
# In the message, a diet's cut, a haircut or an itch.
_EVERYDAY_MARK = re.compile(
    r"(?:\b|\d)(?:kg|kgs|lbs?)\b|\b(?:pounds|calorie\w*|bulk\w*|deficit|diet\w*|gym|weight|hair\w*|fringe|bangs"
    r"|eczema|itch\w*|mosquito\w*|bug\s+bites?|rash|hives|allerg\w*|lawn|grass|hedge)\b",
    _FLAGS,
)


def own_act(text: str, start: int, end: int) -> bool:
    """A self-harm act (:data:`FIRST_IN_YEARS`, :data:`UNTIL_IT_MARKS`) that is the writer's,
    not another's (:data:`_THEIR_ACT`), with no diet, haircut or itch in the message
    (:data:`_EVERYDAY_MARK`); not in a story."""
    if _THEIR_ACT.search(text, max(0, start - 30), start) is not None:
        return False
    if _EVERYDAY_MARK.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A clean streak lost, counted: "relapsed. 143 days gone", "lost my 200 days clean"
#: (:func:`self_hatred_no_habit`).
STREAK_LOST = (
    r"\brelaps(?:e|ed|ing)\b[\s.,:;!\u2026-]*(?:[\w']+\s+){0,4}?(?:\d+|a\s+hundred|a\s+year|"
    r"months|weeks)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)?\s*(?:gone|wasted|lost|down\s+the"
    r"\s+drain|clean|ruined|thrown\s+away)\b",
    r"\b(?:lost|broke|ruined|threw\s+away)\s+(?:my\s+)?(?:\d+|a\s+hundred)\s+(?:\w+\s+)?(?:days?"
    r"|weeks?|months?)\s+(?:clean|free|streak)\b",
)
# In the message, hatred of the writer's self.
_SELF_HATRED = re.compile(
    r"\b(?:i\s+(?:hate|despise|loathe)\s+(?:myself|me)|i'?m\s+(?:so\s+)?(?:disgusting|worthless"
    r"|pathetic|a\s+failure)|disgusted\s+with\s+myself|hate\s+myself)\b",
    _FLAGS,
)
# In the message, a relapse that is not self-harm: a drink, a drug, a habit.
_HABIT = re.compile(
    r"\b(?:drink\w*|drank|drunk|alcohol|booze|beer|wine|vodka|sober\w*|smok\w*|cig\w*|vap\w*"
    r"|weed|cannabis|drugs?|heroin|coke|cocaine|meth|opioids?|gambl\w*|bet\w*|sugar|diet|binge\w*"
    r"|purg\w*|porn|nofap|fap\w*|masturbat\w*|nails?|nicotine|caffeine|shopping|gaming|gym|eating)"
    r"\b",
    _FLAGS,
)


def self_hatred_no_habit(text: str, start: int, end: int) -> bool:
    """A clean streak lost (:data:`STREAK_LOST`) with self-hatred in the message
    (:data:`_SELF_HATRED`) and no drink, drug or habit told (:data:`_HABIT`); not in a
    story."""
    if _SELF_HATRED.search(text) is None or _HABIT.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A cut's bleeding asked about: "is it normal for a cut to still be bleeding", "how long should
#: a cut bleed" (:func:`no_everyday_cut`).
CUT_BLEEDING = (
    r"\b(?:a|my|the|these|those)\s+cuts?\s+(?:to\s+|is\s+|are\s+|that'?s\s+|should\s+|would\s+"
    r"|will\s+)?(?:still\s+)?(?:be\s+)?(?:bleed\w*|bled)\b",
)
# In the message, a cut's everyday cause: the kitchen, a tool, shaving, a fall, a pet.
_EVERYDAY_CUT = re.compile(
    r"\b(?:kitchen|cook\w*|chopp\w*|slic\w*|slipped|shav\w*|razor\s+burn|paper\s*cut|fell|fall"
    r"|tripped|glass|broken|dog|cat|puppy|kitten|bike|garden\w*|work|tool|saw|can\s+lid|tin"
    r"|accident\w*|stitches\s+from|surgery|son|daughter|baby|kid|toddler|he|she)\b",
    _FLAGS,
)


def no_everyday_cut(text: str, start: int, end: int) -> bool:
    """A cut's bleeding asked about (:data:`CUT_BLEEDING`) with no everyday cause nor another's
    cut in the message (:data:`_EVERYDAY_CUT`); not in a story."""
    if _EVERYDAY_CUT.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``self_harm``) and their checks.
HARM_NOW = (*FIRST_IN_YEARS, *UNTIL_IT_MARKS, *STREAK_LOST, *CUT_BLEEDING)
HARM_NOW_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*FIRST_IN_YEARS, *UNTIL_IT_MARKS), own_act),
    **dict.fromkeys(STREAK_LOST, self_hatred_no_habit),
    **dict.fromkeys(CUT_BLEEDING, no_everyday_cut),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
HARM_NOW_WORDS: dict[str, str] = {
    FIRST_IN_YEARS[0]: r"first\s+time",
    UNTIL_IT_MARKS[0]: r"until|till|til|so\s+hard",
    STREAK_LOST[0]: r"relaps",
    STREAK_LOST[1]: r"clean|free|streak",
    CUT_BLEEDING[0]: r"bleed|bled",
}

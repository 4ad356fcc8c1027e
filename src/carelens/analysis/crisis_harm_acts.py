"""Crisis cues of self-harm acts told in words other than cutting: a head banged against a wall
the writer cannot stop, a band snapped on the wrist or nails dug in until it bleeds, hair pulled
out until there is a bald patch, and another person cut badly or about to use a blade on
themselves now.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``self_harm``,
through :mod:`carelens.analysis.crisis_veiled_joins`; another's also joins
:data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`) and its check of the words around it
joins :mod:`carelens.analysis.crisis_context`'s (:data:`HARM_ACT_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`HEAD_BANGING`: "i'm banging my head against the wall in the stairwell and i can't make
  myself stop", "i hit my head on the floor over and over when i get overwhelmed"; a cue only with
  a compulsion or a wound told and no idiom of a task nor an accident
  (:func:`compulsion_not_idiom`), not "banging my head against the wall trying to fix this bug".
- :data:`BAND_OR_NAILS`: "snapping the hair tie on my wrist so hard it's bleeding", "digging my
  nails into my wrists and i can't stop", "scraping my nails down my arms"; a cue only with a
  wound or a compulsion told (:func:`compulsion_not_idiom`), not an itch nor "dig my nails into my
  palms in meetings".
- :data:`HAIR_PULLED`: "pulled my hair out till there's a bald patch", "ripping my hair out until
  my scalp bleeds"; not "pulling my hair out over this code" (no bald patch nor wound).
- :data:`UNTIL_BLEEDING`: "...on my wrist so hard it's bleeding now", "my arm until it's raw"; the
  writer's own, not an itch (:func:`compulsion_not_idiom`).
- :data:`THEY_CUT_BADLY`: "she's saying she's cut really badly and won't call anyone", "he has
  cut himself deep"; a cue only with no accident told (:func:`their_harm_now`).
- :data:`USE_IT_ON_THEMSELVES`: "she has a blade in her bag and plans to use it on herself
  tonight"; a cue only with a means in the message and no grooming nor product
  (:func:`their_harm_now`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

#: A head banged against a wall or the floor (:func:`compulsion_not_idiom`).
HEAD_BANGING = (
    r"\b(?:bang|bangs|banging|banged|hit|hits|hitting|slam|slams|slamming|slammed|smash\w*|bash\w*"
    r"|knock\w*)\s+my\s+(?:own\s+)?head\s+(?:against|on|into|off)\s+(?:the\s+|a\s+|my\s+)?(?:wall"
    r"|walls|floor|door|desk|table|mirror|window|steering\s+wheel|ground|concrete|radiator"
    r"|headboard|bathroom\s+tiles|tiles)\b",
)
#: A band snapped on the wrist or nails dug in (:func:`compulsion_not_idiom`).
BAND_OR_NAILS = (
    r"\b(?:snap\w*|flick\w*|ping\w*|twang\w*)\s+(?:the|a|my)\s+(?:hair\s*ties?|hairbands?|hair\s+"
    r"elastics?|rubber\s*bands?|elastic(?:\s+bands?)?|bands?)\s+(?:on|against|around)\s+(?:my\s+)?"
    r"wrists?\b",
    r"\b(?:dig\w*|dug|jab\w*|stab\w*|claw\w*|scrap(?:e|es|ed|ing))\s+(?:my\s+)?(?:finger\s*)?nails"
    r"\s+(?:into|at|down|across)\s+my\s+(?:own\s+)?(?:wrists?|arms?|skin|thighs?|legs?|forearms?"
    r"|stomach|chest|face)\b",
)
#: Hair pulled out until it leaves a mark (the wound is in the pattern).
HAIR_PULLED = (
    r"\b(?:pull\w*|rip\w*|tear\w*|tore|yank\w*)\s+(?:out\s+)?my\s+(?:own\s+)?hair\s+(?:out\s+)?"
    r"(?:[\w']+\s+){0,3}?(?:until|till|til|so\s+(?:hard|much)\s+(?:that\s+)?)\s*(?:there'?s|there"
    r"\s+is|i\s+have|i'?ve\s+got|it|my\s+scalp)\s+(?:\w+\s+){0,2}?(?:bald|bleed\w*|bled|raw|a\s+bald"
    r"\s+patch|patches|gaps?)\b",
)
#: A body part of the writer's hurt until it is bleeding (:func:`compulsion_not_idiom`; "until
#: i bleed", "until it bled" are read by the older patterns).
UNTIL_BLEEDING = (
    r"\bmy\s+(?:own\s+)?(?:wrists?|arms?|skin|thighs?|legs?|hands?|stomach|fingers?|scalp|face"
    r"|forearms?)\s+(?:[\w']+\s+){0,3}?(?:so\s+hard|until|till|til)\s+(?:that\s+)?(?:it|they|there"
    r"|i)(?:'s|s|\s+is|'re|\s+are|'m|m|\s+am)\s+(?:now\s+|actually\s+|all\s+)?(?:bleeding|bruised"
    r"|bruising|raw|blistered|blistering|welts?)\b",
)
# In the message, a compulsion or a wound.
_COMPULSION = re.compile(
    r"\b(?:can'?t|cant|cannot|couldn'?t)\s+(?:make\s+myself\s+)?stop|won'?t\s+stop|until|till"
    r"|bleed\w*|bled|blood|bruis\w*|raw|welts?|break\s+the\s+skin|on\s+purpose|overwhelm\w*"
    r"|meltdown|self[\s-]*harm\w*|punish\w*|over\s+and\s+over|again\s+and\s+again|keep\s+(?:doing"
    r"|banging|hitting|snapping)|so\s+hard|worse|feel\s+something|urges?\b",
    _FLAGS,
)
# In the message, an idiom of a hard task, an accident or an itch.
_NOT_HARM = re.compile(
    r"\b(?:trying\s+to|over\s+(?:this|that|it|the|my)\b|code|coding|bug|homework|assignment|essay"
    r"|spreadsheet|excel|printer|computer|software|bureaucracy|paperwork|customer\s+service"
    r"|figur\w*\s+out|understand\w*|metaphor\w*|figuratively|accident\w*|bumped|tripped|slipped"
    r"|fell|didn'?t\s+see|low\s+(?:ceiling|beam|door)|cupboard|cabinet|shelf|ouch|oops|clumsy"
    r"|eczema|itch\w*|mosquito\w*|bites?|rash|hives|allerg\w*|psoriasis|chicken\s*pox|dry\s+skin"
    r"|meetings?|stay\s+(?:calm|awake|focused)|instead\s+of)\b",
    _FLAGS,
)
# Just before the act, another's doing.
_THEIR_ACT = re.compile(
    r"\b(?:he|she|they|it|you|u|the\s+(?:dog|cat|puppy|kitten|baby)|my\s+(?:dog|cat|puppy|kitten"
    r"|baby|son|daughter|toddler|kid|brother|sister))\s+(?:[\w']+\s+){0,2}$",
    _FLAGS,
)


def compulsion_not_idiom(text: str, start: int, end: int) -> bool:
    """A self-harm act in other words (:data:`HEAD_BANGING`, :data:`BAND_OR_NAILS`,
    :data:`UNTIL_BLEEDING`) that is the writer's (not :data:`_THEIR_ACT`), with a compulsion or
    a wound in the message outside the match (:data:`_COMPULSION`) and no idiom, accident or
    itch (:data:`_NOT_HARM`); not in a story."""
    if _THEIR_ACT.search(text, max(0, start - 30), start) is not None:
        return False
    if _NOT_HARM.search(text) is not None:
        return False
    outside = text[:start] + "\n" + text[end:]
    if _COMPULSION.search(outside) is None and not _COMPULSION.search(text, start, end):
        return False
    return not in_a_story(text, start, end)


def _own_not_in_a_story(text: str, start: int, end: int) -> bool:
    """Not in a story, nor another's doing just before (:data:`_THEIR_ACT`)."""
    if _THEIR_ACT.search(text, max(0, start - 30), start) is not None:
        return False
    return not in_a_story(text, start, end)


#: Another cut badly: "she's cut really badly" (:func:`their_harm_now`).
THEY_CUT_BADLY = (
    r"\b(?:he|she|they)(?:'s|'ve|\s+has|\s+have|\s+just|\s+is)?\s+(?:just\s+|now\s+)?(?:cut|slashed"
    r"|sliced|burn(?:ed|t))\s+(?:(?:him|her|them)sel(?:f|ves)\s+)?(?:really\s+|very\s+|so\s+|pretty"
    r"\s+|too\s+|quite\s+)?(?:badly|bad|deep(?:ly)?)\b",
)
#: A means to be used on another's self: "plans to use it on herself" (:func:`their_harm_now`).
USE_IT_ON_THEMSELVES = (
    r"\b(?:use|using|used)\s+(?:it|them|this|that|the\s+\w+|a\s+\w+)\s+on\s+(?:him|her|them)"
    r"sel(?:f|ves)\b",
)
# In the message, a means of harm.
_MEANS = re.compile(
    r"\b(?:blades?|knife|knives|razors?|pills|tablets|gun|rope|scissors|lighter|glass|belt"
    r"|sharpener|box\s*cutter|stanley)\b",
    _FLAGS,
)
# In the message, an accident, grooming or a product.
_NOT_THEIR_HARM = re.compile(
    r"\b(?:accident\w*|slipped|fell|kitchen|cook\w*|chopp\w*|shav\w*|glass\s+broke|broken\s+glass"
    r"|surgery|stitches\s+from|work|bike|dog|cat|cream|lotion|make-?up|product|mask|dye|spray"
    r"|shampoo|tann\w*|wax\w*|trimmer|clippers|nails|haircut|fringe|bangs|hair)\b",
    _FLAGS,
)


def their_harm_now(text: str, start: int, end: int) -> bool:
    """Another's self-harm now (:data:`THEY_CUT_BADLY`, :data:`USE_IT_ON_THEMSELVES`) with no
    accident, grooming nor product in the message (:data:`_NOT_THEIR_HARM`); a means to be used
    only with one named (:data:`_MEANS`); not in a story."""
    if _NOT_THEIR_HARM.search(text) is not None:
        return False
    if text[start:end].lower().startswith("us") and _MEANS.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``self_harm``) and their checks; :data:`THEIRS` are
#: another's.
HARM_ACTS = (*HEAD_BANGING, *BAND_OR_NAILS, *HAIR_PULLED, *UNTIL_BLEEDING)
THEIRS = (*THEY_CUT_BADLY, *USE_IT_ON_THEMSELVES)
HARM_ACT_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*HEAD_BANGING, *BAND_OR_NAILS, *UNTIL_BLEEDING), compulsion_not_idiom),
    **dict.fromkeys(HAIR_PULLED, _own_not_in_a_story),
    **dict.fromkeys(THEIRS, their_harm_now),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
HARM_ACT_WORDS: dict[str, str] = {
    HEAD_BANGING[0]: r"head",
    BAND_OR_NAILS[0]: r"wrist",
    BAND_OR_NAILS[1]: r"nails",
    HAIR_PULLED[0]: r"hair",
    UNTIL_BLEEDING[0]: r"so\s+hard|until|till|til",
    THEY_CUT_BADLY[0]: r"bad|deep",
    USE_IT_ON_THEMSELVES[0]: r"him|her|them",
}

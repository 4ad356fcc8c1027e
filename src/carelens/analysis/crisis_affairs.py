"""Crisis cues of affairs veiled as everyday: a will made young, who gets what, something sent
for after the writer is gone, a last visit alone to a lonely place, medicine gathered from shop
to shop or counted for no reason, a weapon sat with.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`AFFAIRS_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told in
a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`YOUNG_WILL`: "sorted my will this week. i'm 23", "wrote down who gets what. mostly books
  and the dog"; a will only with the writer's young age told and no everyday reason (a baby, a
  house, a deployment: :func:`own_affairs`), who gets what not of another's estate ("deciding who
  gets what from grandma's house").
- :data:`AFTER_IM_GONE`: "i want people to get something after i'm gone", "so my neighbour can
  keep him going after i'm gone"; not a move, a trip or a term away told beside it
  (:func:`own_affairs`).
- :data:`LAST_TIME_ALONE`: "i want to go up one last time when nobody else is there", "going up
  there thursday on my own, just want to see the sea one more time", "thinking of going up on my
  own one last time tomorrow night"; a cue only with a lonely
  place or hour and no everyday ending (a move, a closing, a season: :func:`last_visit_alone`).
- :data:`SHOP_TO_SHOP`: "the pharmacist gave me a look when i asked for another box. i'll go to a
  different one tomorrow"; not medicine sold out or a shop closed (:func:`gathered_unseen`).
- :data:`COUNTED_PILLS`: "i got home and counted what painkillers i've got in the house", "i
  keep counting my sleeping pills"; not a week's organiser, a refill or a job
  (:func:`gathered_unseen`).
- :data:`IN_CASE_DONE`: "keeping the tablets in a jar in case i decide i'm finished with all of
  it", "just in case i decide i'm done with everything"; not a course, a job or a person.
- :data:`SAT_WITH_WEAPON`: "taking the rifle out to the back paddock and sitting with it more
  than i should", "i sit with the gun in my lap for hours"; not a hunt, a range or a cleaning
  (:func:`dwelling_with_it`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story, not_in_a_story

_FLAGS = re.IGNORECASE

#: A will made, and who gets what: "sorted my will", "wrote down who gets what"
#: (:func:`own_affairs`).
YOUNG_WILL = (
    r"\b(?:sorted|wrote|written|writing|made|making|drew\s+up|drawn\s+up|finished|did|done|updated"
    r"|signed)\s+(?:out\s+|up\s+)?my\s+(?:own\s+)?will\b",
    r"\b(?:wrote|written|writing|worked|working|work|decided|deciding|sorted|sorting|listed"
    r"|made\s+a\s+list\s+of)\s+(?:down\s+|out\s+)?who\s+gets\s+what\b",
)
#: Something for after the writer's death: "after i'm gone", "once i'm gone"
#: (:func:`own_affairs`).
AFTER_IM_GONE = (
    r"\b(?:after|once|when)\s+i'?m\s+(?:gone|dead|not\s+here(?:\s+anymore)?)\b(?!\s+(?:for\s+(?:the"
    r"|a|the\s+next|two|three|a\s+few|\d+)\s+(?:day|days|night|nights|week|weeks|weekend|month|months"
    r"|summer|holidays?|trip)|on\s+(?:holiday|vacation|leave|a\s+trip)|to\s+(?:work|uni|college"
    r"|school|the\s+\w+)|away|abroad|overseas)\b)",
)
# In the message, a will's or an absence's everyday reason, or another's estate.
_EVERYDAY_AFFAIRS = re.compile(
    r"\b(?:baby|babies|pregnan\w*|mortgage|bought\s+a\s+(?:house|home|flat)|married|wedding"
    r"|deploy\w*|military|army|surgery|operation|diagnos\w*|cancer|terminal|solicitor|lawyer"
    r"|attorney|estate|grandma'?s?|grandpa'?s?|nan'?s?|(?:mum|mom|dad|parents)'?s?\s+(?:house|home"
    r"|flat|place|things|stuff|estate|will|belongings)|late\s+\w+"
    r"|divorce|mov(?:e|ed|ing)|uni|college|abroad|holiday|vacation|trip|travel\w*|exchange"
    r"|semester|term|deployment|chores?|toys|presents|kids'|children's)\b",
    _FLAGS,
)
# In the message, the writer's age told young: "i'm 23", "at 19".
_YOUNG_AGE = re.compile(
    r"\b(?:i'?m|im|i\s+am|at|aged?)\s+(?:only\s+|just\s+)?(?:1[5-9]|2\d|3[0-4])\b(?!\s*(?:%|kg|lbs"
    r"|minutes|mins|hours|weeks|days|pounds|miles|km|k\b|percent|dollars))",
    _FLAGS,
)


def own_affairs(text: str, start: int, end: int) -> bool:
    """A will, who gets what or something for after the writer is gone (:data:`YOUNG_WILL`,
    :data:`AFTER_IM_GONE`) with no everyday reason or another's estate in the message
    (:data:`_EVERYDAY_AFFAIRS`); a will made only with a young age told (:data:`_YOUNG_AGE`);
    not in a story."""
    if _EVERYDAY_AFFAIRS.search(text) is not None:
        return False
    if text[start:end].lower().endswith("will") and _YOUNG_AGE.search(text) is None:
        return False
    return not in_a_story(text, start, end)


#: A last visit: "one last time", "one more time" (:func:`last_visit_alone`).
LAST_TIME_ALONE = (
    r"\b(?:go|going|come|coming|see|visit|walk|walking|sit|stand|be|head|heading|drive|driving)"
    r"\s+(?:up\s+|out\s+|down\s+)?(?:there\s+)?(?:(?:the|a)\s+\w+\s+)?(?:(?:on\s+my\s+own|by"
    r"\s+myself|alone|up\s+there|out\s+there|tonight|tomorrow)\s+)?one\s+(?:last|more|final)\s+time"
    r"\b",
)
# In the message, a lonely place or hour.
_ALONE = re.compile(
    r"\b(?:nobody|no\s+one|no-one)\s+(?:else\s+)?(?:is\s+|will\s+be\s+)?(?:there|around)|\bon\s+my"
    r"\s+own\b|\balone\b|\bquiet\b|\bempty\b|\b(?:cliff|ledge|edge|bridge|reservoir|quarry|viewpoint"
    r"|lighthouse|tracks)\b",
    _FLAGS,
)
# In the message, an everyday ending: a move, a closing, a season, a sale.
_EVERYDAY_ENDING = re.compile(
    r"\b(?:mov(?:e|ed|ing)|closing|closes|close\s+down|shut(?:ting)?\s+down|demolish\w*|sold|sell"
    r"\w*|before\s+(?:we|they|it|the|i\s+(?:leave|move|go\s+back))|emigrat\w*|leaving\s+for|summer"
    r"\s+ends|season|holiday|vacation|retir\w*|graduat\w*|lease)\b",
    _FLAGS,
)


def last_visit_alone(text: str, start: int, end: int) -> bool:
    """A last visit (:data:`LAST_TIME_ALONE`) to a lonely place or hour (:data:`_ALONE`) with no
    everyday ending in the message (:data:`_EVERYDAY_ENDING`); not in a story."""
    if _ALONE.search(text) is None or _EVERYDAY_ENDING.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


_MEDS = (
    r"(?:painkillers?|pills|tablets|meds|medication|paracetamol|tylenol|ibuprofen|sleeping\s+"
    r"(?:pills|tablets)|codeine|aspirin|insulin)"
)
#: Medicine gathered from shop to shop: "i'll go to a different one tomorrow"
#: (:func:`gathered_unseen`).
SHOP_TO_SHOP = (
    r"\b(?:go|going|try|trying|went|head)\s+(?:to\s+)?(?:a\s+)?(?:different|another)\s+(?:one"
    r"|pharmacy|chemist|shop|store|drugstore)\b",
)
#: Medicine counted: "counted what painkillers i've got", "keep counting my pills"
#: (:func:`gathered_unseen`).
COUNTED_PILLS = (
    r"\bcount(?:ed|ing|s)?\s+(?:up\s+)?(?:what|how\s+many|all\s+(?:the|my)|my|the)\s+(?:\w+\s+)?"
    + _MEDS
    + r"\b",
)
# In the message, a pharmacy or medicine in a box.
_PHARMACY = re.compile(
    r"\b(?:pharmacist|pharmacy|chemist|box(?:es)?\s+of|another\s+box|packs?\s+of|" + _MEDS + r")\b",
    _FLAGS,
)
# In the message, medicine's everyday handling: sold out, a refill, an organiser, a job.
_EVERYDAY_MEDS = re.compile(
    r"\b(?:sold\s+out|out\s+of\s+stock|didn'?t\s+have|don'?t\s+have\s+it|closed|shortage|refill\w*"
    r"|prescription|organi[sz]er|dose|dosage|weekly|pill\s+box|run(?:ning)?\s+out|enough\s+for\s+"
    r"(?:the|a)\s+(?:week|weekend|month|trip)|inventory|stock\s*take|shift|nurse|patients?|price"
    r"|cheaper|expired|expiry|kids?|toddler|baby|dog|cat|vet)\b",
    _FLAGS,
)


def gathered_unseen(text: str, start: int, end: int) -> bool:
    """Medicine gathered or counted (:data:`SHOP_TO_SHOP`, :data:`COUNTED_PILLS`) with a
    pharmacy or medicine in the message (:data:`_PHARMACY`) and none of its everyday handling
    (:data:`_EVERYDAY_MEDS`); not in a story."""
    if _PHARMACY.search(text) is None or _EVERYDAY_MEDS.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: Kept in case the writer is done with life: "in case i decide i'm finished with all of it".
IN_CASE_DONE = (
    r"\bin\s+case\s+i\s+(?:ever\s+)?(?:decide|choose|feel|realise|realize)\s+(?:that\s+)?"
    r"(?:i'?m|i\s+am|to\s+be)\s+(?:finished|done|through)\s+(?:with\s+)?(?:all\s+of\s+it|it\s+all"
    r"|everything|life|living|this\s+life|the\s+world)\b",
)
#: A weapon sat with: "sitting with it more than i should" (:func:`dwelling_with_it`).
SAT_WITH_WEAPON = (
    r"\b(?:sit|sits|sitting|sat|hold|holding|held)\s+(?:there\s+)?with\s+(?:it|the\s+(?:gun|rifle"
    r"|shotgun|pistol|revolver|handgun))\b\s*(?:in\s+my\s+(?:lap|hands?|mouth)\s*)?(?:more\s+than"
    r"\s+i\s+should|for\s+(?:hours|ages|a\s+long\s+time)|at\s+night|in\s+the\s+dark|loaded|and\s+"
    r"think|thinking)",
)
# In the message, a gun.
_GUN = re.compile(r"\b(?:gun|rifle|shotgun|pistol|revolver|handgun|firearm)s?\b", _FLAGS)
# In the message, a gun's everyday use.
_GUN_USE = re.compile(
    r"\b(?:hunt\w*|deer|range|clean\w*|target\s+practice|season|foxes|rabbits|pests?|licen[cs]e"
    r"|safe\s+storage)\b",
    _FLAGS,
)


def dwelling_with_it(text: str, start: int, end: int) -> bool:
    """A weapon sat with (:data:`SAT_WITH_WEAPON`), a gun named in the message (:data:`_GUN`)
    and none of its everyday use (:data:`_GUN_USE`); not in a story."""
    if _GUN.search(text) is None or _GUN_USE.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
AFFAIRS = (
    *YOUNG_WILL,
    *AFTER_IM_GONE,
    *LAST_TIME_ALONE,
    *SHOP_TO_SHOP,
    *COUNTED_PILLS,
    *IN_CASE_DONE,
    *SAT_WITH_WEAPON,
)
AFFAIRS_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*YOUNG_WILL, *AFTER_IM_GONE), own_affairs),
    **dict.fromkeys(LAST_TIME_ALONE, last_visit_alone),
    **dict.fromkeys((*SHOP_TO_SHOP, *COUNTED_PILLS), gathered_unseen),
    **dict.fromkeys(IN_CASE_DONE, not_in_a_story),
    **dict.fromkeys(SAT_WITH_WEAPON, dwelling_with_it),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
AFFAIRS_WORDS: dict[str, str] = {
    YOUNG_WILL[0]: r"my\s+(?:own\s+)?will\b",
    YOUNG_WILL[1]: r"who\s+gets",
    AFTER_IM_GONE[0]: r"gone|dead|not\s+here",
    LAST_TIME_ALONE[0]: r"one\s+(?:last|more|final)",
    SHOP_TO_SHOP[0]: r"different|another",
    COUNTED_PILLS[0]: r"count",
    IN_CASE_DONE[0]: r"in\s+case",
    SAT_WITH_WEAPON[0]: r"with\s+(?:it|the)",
}

"""Crisis cues of arrangements for after the writer's death told in everyday words: a will that
must be done before a day after which nothing matters, life insurance asked about for a death
that is no accident, a message timed to arrive after, nobody left to clean up, a pet handed on
for good, a keepsake given months early, the writer's own funeral planned young or soon, their
accounts to be memorialised, everything put in order with a strange peace.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``,
through :mod:`carelens.analysis.crisis_veiled_joins`) and its check of the words around it joins
:mod:`carelens.analysis.crisis_context`'s (:data:`ARRANGEMENT_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). None is a cue told in a story
(:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`WONT_MATTER_AFTER`: "need it sorted before thursday, after that it won't matter", "it
  won't matter after the weekend"; a cue only with the writer's affairs in the message (a will,
  a pet, the rent, their things) and no deadline, sale or trip (:func:`affairs_not_everyday`).
- :data:`INSURANCE_NOT_ACCIDENT`: "does life insurance still pay out to your family if it's,
  you know, not an accident?", "would the policy cover it if it was self-inflicted"; not an
  illness asked about (:func:`insurance_for_own_death`).
- :data:`TIMED_MESSAGE`: "set up a scheduled email ... by the time she reads it it'll be done",
  "by the time they see this it'll be over"; not an order, a booking or a party
  (:func:`timed_not_everyday`).
- :data:`NOBODY_CLEANS_UP`: "nobody will have to clean up after me", "so there's less for my
  family to sort out"; a cue only beside the writer's affairs (a pet rehomed, the rent paid,
  their things given away: :func:`affairs_not_everyday`), not a kitchen kept tidy nor an old
  person's downsizing.
- :data:`PET_FOR_GOOD`: "promise you'll keep him", "i won't be needing anything back"; not a
  pet minded for a holiday or a stay in hospital (:func:`affairs_not_everyday`).
- :data:`EARLY_GIFT`: "put my grandma's ring in with it, an early birthday present. her birthday
  isn't until october"; a cue only with a keepsake of the writer's and the day months away
  (:func:`keepsake_given_early`).
- :data:`OWN_FUNERAL`: "is it weird to plan your own funeral songs at 23? ... they'll need it
  soon", "picked my funeral playlist, left it for my flatmates"; a cue only with a young age or a
  death told near (:func:`own_funeral_soon`), not an old or ill person's plans nor a joke.
- :data:`MEMORIALISED`: "how do you make sure your social media gets memorialised? want to set
  it up this week"; not a dead parent's account (:func:`own_memorial`).
- :data:`IN_ORDER`: "everything's in order now. weirdly peaceful", "my affairs are all sorted and
  i feel calm"; a cue only with a calm beside it and no move, trip, wedding or debt paid
  (:func:`in_order_at_peace`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

_DAY = (
    r"(?:tomorrow|tonight|then|that|this|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|the\s+weekend|this\s+weekend|next\s+week|this\s+week|the\s+\d+(?:st|nd|rd|th)?)"
)
#: Nothing mattering after a day: "after that it won't matter" (:func:`affairs_not_everyday`).
WONT_MATTER_AFTER = (
    rf"\b(?:after|past|beyond)\s+{_DAY}[\s,]+(?:it|nothing|none\s+of\s+(?:it|this|that)|that"
    r"|anything)\s+(?:won'?t|wont|will\s+not|isn'?t\s+going\s+to|is\s+not\s+going\s+to|doesn'?t"
    r"|will)\s+(?:really\s+|even\s+)?matter\b",
    r"\b(?:it|nothing|none\s+of\s+(?:it|this|that)|that)\s+(?:won'?t|wont|will\s+not|isn'?t\s+going"
    rf"\s+to|will)\s+(?:really\s+|even\s+)?matter\s+(?:any\s*more\s+)?(?:after|past|beyond)\s+{_DAY}\b",
)
#: Life insurance asked about for a death that is no accident: "if it's, you know, not an
#: accident" (:func:`insurance_for_own_death`).
INSURANCE_NOT_ACCIDENT = (
    r"\binsurance\b(?:\s+[\w',-]+){0,14}?\s+(?:if|when|in\s+case)\s+(?:it'?s|it\s+is|it\s+was|the"
    r"\s+death\s+(?:is|was)|(?:you|someone|somebody|a\s+person|i)\s+(?:die|died)\s+(?:and\s+it'?s"
    r"\s+)?)[\s,]*(?:(?:you\s+know|like|kind\s+of|sort\s+of|technically)[\s,]+)*(?:not\s+(?:an\s+)?"
    r"accident(?:al)?|self[\s-]*inflicted|intentional|on\s+purpose|deliberate|by\s+choice"
    r"|by\s+(?:their|your|my)\s+own\s+hand)\b",
)
# In the message, an illness or a natural death asked about.
_ILLNESS = re.compile(
    r"\b(?:cancer|illness|ill|disease|natural\s+causes|heart\s+attack|stroke|covid|terminal"
    r"|diagnos\w*|sick|pre-?existing|condition|murder\w*|killed\s+by)\b",
    _FLAGS,
)


def insurance_for_own_death(text: str, start: int, end: int) -> bool:
    """Life insurance asked about for a death that is no accident
    (:data:`INSURANCE_NOT_ACCIDENT`), with no illness nor another's doing in the message
    (:data:`_ILLNESS`); not in a story."""
    if _ILLNESS.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A message timed to arrive after: "by the time she reads it it'll be done"
#: (:func:`affairs_not_everyday`).
TIMED_MESSAGE = (
    r"\bby\s+the\s+time\s+(?:you|u|she|he|they|anyone|someone|somebody|people|my\s+\w+)\s+(?:\w+\s+)?"
    r"(?:read|reads|see|sees|find|finds|get|gets|open|opens|hear|hears|receive|receives)\s+(?:it"
    r"|this|that|these|them|the\s+\w+)\b[\s,]*(?:it'?ll|it\s+will|itll|everything'?ll|it'?s|it\s+"
    r"will\s+all|it'?ll\s+all|i'?ll|i\s+will)\s+(?:already\s+|all\s+)?(?:be\s+)?(?:done|over|too"
    r"\s+late|finished)\b",
    r"\b(?:scheduled|schedule|set\s+up|timed|delayed)\s+(?:an?\s+|my\s+)?(?:email|e-mail|message"
    r"|text|post|letter|tweet)s?\s+(?:\w+\s+){0,6}?(?:for\s+after|to\s+(?:go|send)\s+(?:out\s+)?"
    r"after|for\s+when\s+i'?m\s+(?:gone|not\s+here))\b",
)
#: Nobody left to clean up: "nobody will have to clean up after me", "less for my family to
#: sort out" (:func:`affairs_not_everyday`).
NOBODY_CLEANS_UP = (
    r"\b(?:nobody|no\s+one|no-one|noone)\s+(?:else\s+)?(?:will\s+|'ll\s+|would\s+|should\s+)?"
    r"(?:have|has|need|needs)\s+to\s+(?:clean\s+up|sort\s+(?:out\s+)?|deal\s+with|go\s+through"
    r"|pay\s+for|pack\s+up)\s+(?:after\s+me|my\s+(?:stuff|things|mess|affairs|belongings|flat"
    r"|room|body))\b",
    r"\b(?:less|nothing|not\s+much|not\s+as\s+much)\s+(?:left\s+)?for\s+(?:my\s+)?(?:family"
    r"|parents|mum|mom|dad|kids|sister|brother|them|anyone|everyone|people|flatmates)\s+to\s+"
    r"(?:sort\s+(?:out|through)?|clean\s+up|deal\s+with|go\s+through|pack\s+up)\b",
)
#: A pet handed on for good: "promise you'll keep him", "won't be needing anything back"
#: (:func:`affairs_not_everyday`).
PET_FOR_GOOD = (
    r"\bpromise\s+(?:me\s+)?(?:you'?ll|youll|you\s+will|to|u'?ll)\s+(?:always\s+)?(?:keep|look\s+after"
    r"|take\s+care\s+of|love)\s+(?:him|her|them|my\s+\w+)\b(?!\s+(?:safe|fed|warm|until|till|for"
    r"\s+(?:the|a|\d)|while|this|over|tonight|company|busy|in\s+line|posted|updated))",
    r"\b(?:won'?t|wont|will\s+not)\s+be\s+needing\s+(?:anything|it|them|him|her|any\s+of\s+(?:it"
    r"|this|them))\s+back\b",
)
# In the message, the writer's affairs: a will, a pet rehomed, the rent, their things.
_AFFAIRS = re.compile(
    r"\b(?:(?:a|my|the|own)\s+will|testament|beneficiar\w*|rent|landlord|bills?|cat|dog|pet"
    r"|biscuit|food\s+is|somewhere\s+to\s+go|my\s+(?:stuff|things|belongings|possessions)|giving"
    r"|given|gave|keys|passwords?|accounts?|letters?|note|goodbye|scheduled|email|understand"
    r"|forgive|sorry|done|after\s+i'?m\s+gone|look\s+after|keep\s+him|keep\s+her|keep\s+them"
    r"|promise|needing|take\s+care\s+of)\b",
    _FLAGS,
)
# In the message, a deadline, a sale, a trip, a tidy kitchen or an old person's downsizing.
_EVERYDAY_ARRANGEMENT = re.compile(
    r"\b(?:exams?|deadline|submission|test|interview|application|sale|offer|closes|expires?"
    r"|vote|election|results?|refund|warranty|contract|trial|subscription|voucher|discount|order"
    r"|booking|delivery|shipp\w*|party|renovation|project|essay|assignment|surgery|operation"
    r"|holiday|vacation|trip|travel\w*|flight|abroad|hospital\s+stay|in\s+hospital|moving|move"
    r"|moved|new\s+(?:flat|house|place|job)|allerg\w*|baby|wedding|kitchen|dishes|washing\s+up"
    r"|flatmates?\s+(?:are|is)\s+messy|declutter\w*|downsiz\w*|swedish|death\s+cleaning|care"
    r"\s+home|nursing\s+home|retire\w*|i'?m\s+[6-9]\d|in\s+my\s+[6-9]0s|while\s+i'?m\s+(?:away"
    r"|gone|out)|for\s+the\s+(?:week|weekend)|back\s+on)\b",
    _FLAGS,
)


def timed_not_everyday(text: str, start: int, end: int) -> bool:
    """A message timed to arrive after (:data:`TIMED_MESSAGE`) with no deadline, order or
    event in the message (:data:`_EVERYDAY_ARRANGEMENT`); not in a story."""
    if _EVERYDAY_ARRANGEMENT.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


def affairs_not_everyday(text: str, start: int, end: int) -> bool:
    """Nothing mattering after a day, nobody left to clean up or a pet handed on
    (:data:`WONT_MATTER_AFTER`, :data:`NOBODY_CLEANS_UP`, :data:`PET_FOR_GOOD`), beside the
    writer's affairs (:data:`_AFFAIRS`, outside the match) and with no deadline, trip or
    everyday tidying in the message (:data:`_EVERYDAY_ARRANGEMENT`); not in a story."""
    if _EVERYDAY_ARRANGEMENT.search(text) is not None:
        return False
    outside = text[:start] + "\n" + text[end:]
    if _AFFAIRS.search(outside) is None:
        return False
    return not in_a_story(text, start, end)


#: A present given early: "an early birthday present" (:func:`keepsake_given_early`).
EARLY_GIFT = (
    r"\bearly\s+(?:birthday|christmas|xmas|graduation|wedding|anniversary)\s+(?:present|gift)\b",
    r"\b(?:birthday|christmas|xmas)\s+(?:present|gift)\s+early\b",
)
# In the message, a keepsake of the writer's.
_KEEPSAKE = re.compile(
    r"\b(?:ring|watch|necklace|bracelet|locket|earrings|jewel\w*|heirloom|grandma'?s|grandmother'?s"
    r"|nan'?s|nana'?s|gran'?s|grandad'?s|grandpa'?s|grandfather'?s|my\s+(?:guitar|camera"
    r"|collection|records|vinyl|books|car|bike|console|jacket))\b",
    _FLAGS,
)
# In the message, the day months away.
_MONTHS_AWAY = re.compile(
    r"\b(?:isn'?t|is\s+not|not|aren'?t|wasn'?t)\s+(?:until|till|til)\b|\bmonths?\s+(?:away|early"
    r"|off|from\s+now)\b|\bin\s+(?:\w+\s+)?months\b|\bnot\s+for\s+(?:months|ages|ages\s+yet)\b",
    _FLAGS,
)
_BOUGHT = re.compile(r"\b(?:bought|buy|ordered|sale|deal|discount|sold\s+out|shipping)\b", _FLAGS)


def keepsake_given_early(text: str, start: int, end: int) -> bool:
    """A present given early (:data:`EARLY_GIFT`) that is a keepsake of the writer's
    (:data:`_KEEPSAKE`) with the day months away (:data:`_MONTHS_AWAY`), not bought for a sale
    (:data:`_BOUGHT`); not in a story."""
    if _KEEPSAKE.search(text) is None or _MONTHS_AWAY.search(text) is None:
        return False
    if _BOUGHT.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The writer's own funeral planned: "plan your own funeral songs", "picked my funeral
#: playlist" (:func:`own_funeral_soon`).
OWN_FUNERAL = (
    r"\b(?:plan\w*|pick\w*|chose|chos\w*|written|wrote|writing|list\w*|sorted|arrang\w*|decid\w*"
    r"|made|making)\s+(?:out\s+|down\s+|up\s+)?(?:my|your)\s+(?:own\s+)?funeral(?:\s+(?:songs?"
    r"|music|playlist|plans?|wishes|hymns?|readings?))?\b",
    r"\b(?:my|your)\s+own\s+funeral\s+(?:songs?|music|playlist|plans?|wishes|hymns?|readings?)\b",
)
# In the message, a young age or a death told near.
_SOON = re.compile(
    r"\b(?:soon|won'?t\s+be\s+long|before\s+long|they'?ll\s+need|need\s+it|this\s+week|left\s+"
    r"(?:it|the\s+list|a\s+copy)|on\s+the\s+fridge|for\s+my\s+(?:housemates|flatmates|family"
    r"|parents|mum|mom|sister|brother)|at\s+(?:1[3-9]|2\d|3[0-4])|i'?m\s+(?:1[3-9]|2\d|3[0-4]))\b",
    _FLAGS,
)
# In the message, an old or ill person's plans, a joke or an exercise.
_EVERYDAY_FUNERAL = re.compile(
    r"\b(?:terminal|cancer|diagnos\w*|hospice|palliative|prognosis|lol|lmao|haha|joke|jokes"
    r"|joking|morbid\s+(?:fun|humou?r)|therapist\s+(?:suggested|asked)|assignment|class|course"
    r"|death\s+doula|death\s+cafe|i'?m\s+[6-9]\d|in\s+my\s+[6-9]0s|retire\w*|pre-?paid|funeral"
    r"\s+plan\s+(?:company|provider|insurance)|grand(?:ma|pa|mother|father)|nan|mum'?s|dad'?s"
    r"|mom'?s)\b",
    _FLAGS,
)


def own_funeral_soon(text: str, start: int, end: int) -> bool:
    """The writer's own funeral planned (:data:`OWN_FUNERAL`) with a young age or a death told
    near in the message (:data:`_SOON`), and no old or ill person's plans, joke or exercise
    (:data:`_EVERYDAY_FUNERAL`); not in a story."""
    if _SOON.search(text) is None or _EVERYDAY_FUNERAL.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The writer's accounts to be memorialised: "make sure your social media gets memorialised"
#: (:func:`own_memorial`).
MEMORIALISED = (r"\bmemoriali[sz](?:e|ed|es|ing|ation)\b",)
# In the message, the writer's own accounts set up now.
_OWN_SOON = re.compile(
    r"\b(?:my|your\s+own|your)\s+(?:social\s+media|accounts?|profiles?|facebook|instagram|page)\b"
    r"|\b(?:this\s+week|tonight|today|tomorrow|soon|asap|set\s+(?:it|this|that)\s+up|before\s+i)\b",
    _FLAGS,
)
# In the message, another's death or a view of memorials.
_ANOTHERS_MEMORIAL = re.compile(
    r"\b(?:died|passed|late|death\s+of|funeral|rip|r\.i\.p|(?:mum|mom|dad|father|mother|brother"
    r"|sister|friend|husband|wife|son|daughter|gran\w*|nan|uncle|aunt|cousin)'?s|his|her|their"
    r"|creepy|weird\s+to\s+see)\b",
    _FLAGS,
)


def own_memorial(text: str, start: int, end: int) -> bool:
    """The writer's own accounts to be memorialised soon (:data:`MEMORIALISED` with
    :data:`_OWN_SOON` twice over: whose and when), with no other's death in the message
    (:data:`_ANOTHERS_MEMORIAL`); not in a story."""
    if len(_OWN_SOON.findall(text)) < 2 or _ANOTHERS_MEMORIAL.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: Everything put in order: "everything's in order now" (:func:`in_order_at_peace`).
IN_ORDER = (
    r"\b(?:everything(?:'s|\s+is|s)|all(?:'s|\s+is)|my\s+affairs\s+(?:are|is)|it'?s\s+all|things"
    r"\s+are)\s+(?:now\s+|finally\s+|all\s+)?(?:in\s+order|sorted|taken\s+care\s+of|settled|tied\s+"
    r"up|squared\s+away)\b(?!\s+(?:for|with|at|on)\b)",
)
# In the message, a calm.
_CALM = re.compile(
    r"\b(?:peaceful|peace|calm|calmer|ready|light|lighter|relieved|relief|weirdly|strangely"
    r"|oddly|at\s+ease)\b",
    _FLAGS,
)
# In the message, a move, a trip, an event or a debt paid.
_EVERYDAY_ORDER = re.compile(
    r"\b(?:mov(?:e|ed|ing)|trip|holiday|vacation|travel\w*|flight|wedding|baby|due\s+date|exams?"
    r"|tax(?:es)?|mortgage|house|flat\s+(?:sale|purchase)|new\s+job|surgery|operation|debt|loan"
    r"|budget|christmas|party|interview|paid\s+off\s+my\s+(?:car|loan|card|credit|debt|mortgage"
    r"|student)|visa|deploy\w*|term|semester|graduat\w*|retire\w*)\b",
    _FLAGS,
)


def in_order_at_peace(text: str, start: int, end: int) -> bool:
    """Everything put in order (:data:`IN_ORDER`) with a calm in the message (:data:`_CALM`) and
    no move, trip, event or debt (:data:`_EVERYDAY_ORDER`); not in a story."""
    if _CALM.search(text) is None or _EVERYDAY_ORDER.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
ARRANGEMENTS = (
    *WONT_MATTER_AFTER,
    *INSURANCE_NOT_ACCIDENT,
    *TIMED_MESSAGE,
    *NOBODY_CLEANS_UP,
    *PET_FOR_GOOD,
    *EARLY_GIFT,
    *OWN_FUNERAL,
    *MEMORIALISED,
    *IN_ORDER,
)
ARRANGEMENT_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*WONT_MATTER_AFTER, *NOBODY_CLEANS_UP, *PET_FOR_GOOD), affairs_not_everyday),
    **dict.fromkeys(TIMED_MESSAGE, timed_not_everyday),
    **dict.fromkeys(INSURANCE_NOT_ACCIDENT, insurance_for_own_death),
    **dict.fromkeys(EARLY_GIFT, keepsake_given_early),
    **dict.fromkeys(OWN_FUNERAL, own_funeral_soon),
    **dict.fromkeys(MEMORIALISED, own_memorial),
    **dict.fromkeys(IN_ORDER, in_order_at_peace),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
ARRANGEMENT_WORDS: dict[str, str] = {
    WONT_MATTER_AFTER[0]: r"matter",
    WONT_MATTER_AFTER[1]: r"matter",
    INSURANCE_NOT_ACCIDENT[0]: r"insurance",
    TIMED_MESSAGE[0]: r"by\s+the\s+time",
    TIMED_MESSAGE[1]: r"scheduled|schedule|set\s+up|timed|delayed",
    NOBODY_CLEANS_UP[0]: r"nobody|no\s+one|no-one|noone",
    NOBODY_CLEANS_UP[1]: r"less|nothing|not\s+(?:much|as)",
    PET_FOR_GOOD[0]: r"promise",
    PET_FOR_GOOD[1]: r"needing",
    EARLY_GIFT[0]: r"early",
    EARLY_GIFT[1]: r"early",
    OWN_FUNERAL[0]: r"funeral",
    OWN_FUNERAL[1]: r"funeral",
    MEMORIALISED[0]: r"memoriali",
    IN_ORDER[0]: r"order|sorted|taken|settled|tied|squared",
}

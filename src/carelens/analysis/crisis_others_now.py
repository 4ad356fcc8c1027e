"""Crisis cues of another person at risk now, told by the seeker (codebook v1.1's third party),
and of a veiled farewell said to someone, whoever says it.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``), those
of another's risk (:data:`THEY_NOW`) also its
:data:`~carelens.analysis.crisis_patterns.THIRD_PARTY`, and its check of the words around it
joins :mod:`carelens.analysis.crisis_context`'s (:data:`OTHERS_NOW_CHECKS`, through
:mod:`carelens.analysis.crisis_veiled`). Most need a sign of a risk near them
(:data:`_RISK_SIGN`: a means, a goodbye, no answer, the seeker's fear) and none of an everyday
leaving; none is a cue told in a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`SENT_MEANS`: "he sent me a photo of pills and the word goodbye", "my best friend texted
  me a pic of a rope and said 'tonight'"; not "my dad sent me a photo of his new rifle for
  hunting season".
- :data:`SENT_GOODBYE`: "she sent me a voice note saying goodbye and that she loves me. she's not
  answering"; not a goodbye before a flight.
- :data:`NOT_AROUND`: "he bought a gun last week and he said he won't be around for christmas",
  "he's written his letters and he'll be done after the weekend"; not a friend who won't be
  around for christmas because she is flying to her parents.
- :data:`LAST_WORDS`: "she posted she's standing on a bridge and this is her last message", "my
  brother keeps talking about jumping off the golden gate", "he said he'll blow his brains out
  if he loses the farm", "she's going to drive her car into the river", "he's written his
  letters", "found a goodbye letter in my daughter's backpack"; not a roofer on the roof, a
  jump into the lake, a cover letter nor grandpa's old goodbye letter from the war.
- :data:`NOT_MUCH_LONGER`: "you won't have to deal with me much longer", the writer's or quoted
  ("told me 'you won't have to deal with me much longer'"); not before a move ("i'm moving out
  next week, you won't have to deal with me anymore").
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

_THEY = r"(?:s?he|they)"
# Who sent it or said it, where told: "he", "they", the person after "my" ("my best friend"
# is read from "best friend": :mod:`carelens.analysis.crisis_whose_words` then reads the cue
# as that person's, not as the writer's "my").
_WHO = (
    rf"(?:{_THEY}|(?<=\bmy\s)[\w']+(?:\s+(?!(?:just|also|then|even|sent|texted|said|says|keeps?"
    r"|kept|talk\w*|threaten\w*)\b)[\w']+)?)"
)
_MEANS = (
    r"(?:pills|tablets|meds|rope|noose|gun|pistol|rifle|blades?|razors?|knife|bridge|ledge|roof"
    r"|tracks|bottles?\s+of\s+pills|(?:his|her|their)\s+(?:pills|wrists?))"
)
#: A means sent or shown to the seeker: "he sent me a photo of pills", "texted me a pic of a rope"
#: (:func:`risk_near`).
SENT_MEANS = (
    rf"\b(?:{_WHO}\s+(?:just\s+|also\s+|then\s+|even\s+)?)?(?:sent|texted|messaged|dm'?d|snapped"
    r"|posted|showed)\s+(?:me\s+|us\s+|everyone\s+)?(?:a\s+"
    r"|this\s+)?(?:photo|pic(?:ture)?|video|snap|screenshot|image|selfie)s?\s+of\s+(?:[\w'-]+\s+){0,3}?"
    rf"{_MEANS}\b",
)
#: A goodbye sent or left to the seeker or others: "sent me a voice note saying goodbye", "left
#: a message saying she's sorry" (:func:`risk_near`).
SENT_GOODBYE = (
    rf"\b(?:{_WHO}\s+(?:just\s+|also\s+|then\s+|even\s+)?)?(?:sent|texted|left|messaged|dm'?d"
    r"|posted|emailed)\s+(?:me\s+|us\s+|everyone\s+|her\s+|him\s+)?"
    r"(?:a\s+|this\s+|some\s+)?(?:[\w'-]+\s+)?(?:voice\s*(?:note|mail|message)|voicemail|message"
    r"|text|letter|note|video|post|status|story|email)s?\s+(?:[\w'-]+\s+){0,2}?(?:saying|that\s+said"
    r"|that\s+says|to\s+say|telling\s+(?:me|us|everyone))\s+(?:goodbye|good\s*-?\s*bye|bye|farewell"
    rf"|{_THEY}(?:'s|'re|\s+is|\s+are|\s+was)\s+sorry|sorry\s+for\s+everything|{_THEY}\s+loves?"
    r"\s+(?:me|us|everyone))\b",
)
#: Another person soon not here: "he won't be around for christmas", "she said she won't be here
#: much longer", "he'll be done after the weekend", "gave me his steam login and said he won't
#: need them" (:func:`risk_near`).
NOT_AROUND = (
    rf"\b{_THEY}\s+(?:[\w']+\s+){{0,3}}?(?:won'?t|wont|will\s+not|isn'?t\s+going\s+to|is\s+not\s+going"
    r"\s+to|ain'?t\s+gonna|not\s+gonna)\s+be\s+(?:around|here|alive)\s+(?:for|by|at|on|after|much"
    r"\s+longer|anymore|any\s+more|next|to\s+see|much)\b",
    rf"\b{_THEY}'?ll\s+be\s+(?:gone|done)\s+(?:by|after|before)\s+(?:the\s+)?(?:weekend|tonight"
    r"|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|new\s+year"
    r"|(?:his|her|their)\s+birthday|next\s+week)\b",
    # things handed over: "gave me his headphones and his steam login and said he won't need them"
    rf"\b(?:said|says|told\s+me)\s+(?:that\s+)?{_THEY}\s+(?:won'?t|wont|will\s+not|doesn'?t|don'?t)"
    r"\s+need\s+(?:them|it|any\s+of\s+(?:it|them)|those|these)\b",
)
#: Another's last words or place, or means named as a threat: "this is her last message", "she's
#: standing on a bridge", "keeps talking about jumping off the golden gate", "he'll blow his
#: brains out", "she's going to drive her car into the river", "he's written his letters",
#: "found a goodbye letter" (:func:`risk_near` or :func:`their_threat`).
LAST_WORDS = (
    r"\b(?:this\s+is|it'?s|it\s+is|it\s+was|that\s+was|that'?s)\s+(?:his|her|their)\s+(?:very\s+)?"
    r"(?:last|final)\s+(?:message|post|text|words|goodbye|video|status|tweet|story)\b",
    rf"\b{_THEY}(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+(?:[\w']+\s+)?(?:standing|sitting|stood|sat"
    r"|perched|up|out)\s+(?:on|at)\s+(?:the\s+|a\s+)?(?:edge\s+of\s+(?:a|the)\s+)?(?:[\w'-]+\s+)?"
    r"(?:bridge|ledge|roof|rooftop|railing|cliff|tracks|overpass)\b",
)
#: The means another threatens: "keeps talking about jumping off", "he'll blow his brains out",
#: "she's going to drive her car into the river" (:func:`their_threat`).
THREATS = (
    rf"\b{_WHO}\s+(?:[\w']+\s+){{0,2}}?(?:talk\w*|keeps?\s+saying|kept\s+saying"
    rf"|threaten\w*|says?|said)\s+(?:about\s+)?(?:jumping|to\s+jump|{_THEY}'?(?:ll|d)\s+jump|{_THEY}"
    r"\s+(?:will|would|wants?\s+to)\s+jump)\s+(?:off|from|in\s+front\s+of)\b",
    rf"\b(?:{_THEY}'?(?:ll|d)|{_THEY}\s+(?:will|would)|{_THEY}(?:\s+is|\s+are|'s|'re)\s+(?:going\s+to"
    rf"|gonna)|threaten\w*\s+to|wants?\s+to|keeps?\s+saying\s+{_THEY}'?(?:ll|d))\s+(?:just\s+)?"
    r"(?:blow\s+(?:his|her|their)\s+brains?\s+out|put\s+a\s+bullet\s+(?:in|through)\s+(?:his|her"
    r"|their)\s+(?:head|brain)|eat\s+(?:his|her|their)\s+gun|drive\s+(?:his|her|their)\s+car\s+"
    r"(?:[\w']+\s+){0,3}?(?:into|off)\s+(?:(?:a|the|an|oncoming)\s+)*(?:pole|wall|tree|barrier"
    r"|traffic|truck|train|river|lake|ditch|bridge|cliff|sea|ocean|canal|quarry))\b",
)
#: Another's letters written or a goodbye letter found: "he's written his letters", "found a
#: goodbye letter in my daughter's backpack" (:func:`letters_left`).
THEIR_LETTERS = (
    rf"\b{_THEY}(?:'s|\s+has|\s+have|'ve)?\s+(?:already\s+|just\s+|even\s+)?(?:written|wrote|writing"
    r"|finished|left)\s+(?:(?:all\s+)?(?:his|her|their)\s+)(?:goodbye\s+|last\s+|final\s+)?"
    r"(?:letters|notes|note|letter)\b",
    r"\bfound\s+(?:a|an|the|his|her|their|my|my\s+[\w']+)\s+(?:[\w'-]+\s+)?(?:goodbye|suicide"
    r"|farewell)\s+(?:letter|note)s?\b",
)
#: The seeker's own or quoted veiled farewell: "you won't have to deal with me much longer",
#: "nobody will have to worry about me after tonight" (:func:`no_ordinary_leaving`).
NOT_MUCH_LONGER = (
    r"\b(?:(?:you|u|y'?all|you\s+guys|everyone)\s+(?:won'?t|wont|will\s+not|will\s+never|don'?t|dont"
    r"|do\s+not|(?:is|are)\s+not\s+going\s+to)|(?:nobody|no\s+one)\s+(?:will|'ll|would|is\s+going\s+to)?)"
    r"\s*(?:have\s+to|need\s+to|gotta|has\s+to|needs\s+to)\s+(?:deal"
    r"\s+with|worry\s+about|put\s+up\s+with|see|hear\s+from|look\s+after|take\s+care\s+of|bother"
    r"\s+with|think\s+about)\s+me\s+(?:much\s+longer|for\s+much\s+longer|anymore|any\s+more|for\s+long"
    r"|soon|after\s+(?:tonight|today|this|tomorrow)|ever\s+again|(?:for\s+)?(?:much\s+)?longer)\b",
)
# Near another's risk, its sign: a means, a goodbye, an end, no answer, the seeker's fear.
_RISK_SIGN = re.compile(
    r"\b(?:pills|overdos\w*|gun|rifle|pistol|rope|noose|blades?|razors?|bridge|ledge|roof|tracks"
    r"|jump\w*|good\s*-?\s*bye|farewell|the\s+word\s+bye|sorry\s+for\s+everything|forgive\s+(?:me"
    r"|him|her|them)|tonight|last\s+(?:message|post|text|words)|final\s+(?:message|post|text|words)"
    r"|the\s+end|it'?s\s+time|suicid\w*|kill\w*|end\s+(?:it|things|his\s+life|her\s+life|their"
    r"\s+lives)|letters|note|gave\s+away|giving\s+away|not\s+answering|won'?t\s+answer|wont\s+answer"
    r"|isn'?t\s+answering|not\s+picking\s+up|can'?t\s+reach|(?:phone|location)\s+(?:is\s+)?off"
    r"|no\s+reply|hasn'?t\s+(?:replied|answered)|blocked\s+everyone|police|911|999|ambulance"
    r"|what\s+(?:do|should)\s+i\s+do|scared|terrified|panic\w*|depress\w*|hopeless|worthless"
    r"|burden|no\s+(?:reason|point))\b",
    _FLAGS,
)
# Near it, an everyday leaving or use: a trip, a move, work, an illness of age, a hobby.
_EVERYDAY_LEAVING = re.compile(
    r"\b(?:fly(?:ing)?|flight|travel\w*|trip|abroad|visit\w*|shifts?|deploy\w*|holiday|vacation"
    r"|(?:his|her|their)\s+parents'?|in-?laws|wedding|cruise|mov(?:e|ed|es|ing)|studying|exams?"
    r"|hospice|terminal|cancer|chemo|diagnos\w*|elderly|\d+\s+years?\s+old|project|deadline"
    r"|contract|semester|course|training|rehab|graduat\w*|retir\w*|new\s+job|last\s+day|break(?:ing)?"
    r"\s+up|dumped|moving\s+on|hunting|range|collection|pharmacy|prescription|organi[sz]er|refill"
    r"|for\s+sale|sunset|view|selfie|tour|roofer|repair\w*|fixing|painting|fishing|platform|smok\w*"
    r"|fireworks|concert|party|festival|pool|lake|swim\w*|div(?:e|ing)|bungee|parachut\w*|skydiv\w*"
    r"|for\s+fun|dare|joke|joking|lol|cover\s+letters?|applications?|job\s+hunt\w*|interviews?"
    r"|essays?|thesis|dissertation|assignments?|reports?)\b",
    _FLAGS,
)


def risk_near(text: str, start: int, end: int) -> bool:
    """Another's risk told (:data:`SENT_MEANS`, :data:`SENT_GOODBYE`, :data:`NOT_AROUND`,
    :data:`LAST_WORDS`) with a sign of a risk within 250 characters outside its own words
    (:data:`_RISK_SIGN`: "... and the word goodbye", "she's not answering") and no everyday
    leaving or use within them (:data:`_EVERYDAY_LEAVING`); not in a story."""
    low, high = max(0, start - 250), end + 250
    if _EVERYDAY_LEAVING.search(text, low, high) is not None:
        return False
    sign = _RISK_SIGN.search(text, low, start) or _RISK_SIGN.search(text, end, high)
    return sign is not None and not in_a_story(text, start, end)


# Near a threatened jump, play or water: "jumping off the high dive", "into the lake".
_PLAY = re.compile(
    r"\b(?:pool|lake|river\s+for\s+fun|water|swim\w*|div(?:e|ing)|high\s+dive|bungee|parachut\w*"
    r"|skydiv\w*|plane|trampoline|for\s+fun|dare|joke|joking|lol|haha|stunt|video\s+for|pier|dock"
    r"|jetty|every\s+(?:summer|year|weekend|time))\b",
    _FLAGS,
)


def their_threat(text: str, start: int, end: int) -> bool:
    """Another's threatened means (:data:`THREATS`), not a jump into water, for fun or in a
    stunt within 120 characters (:data:`_PLAY`); not in a story."""
    if _PLAY.search(text, max(0, start - 120), end + 120) is not None:
        return False
    return not in_a_story(text, start, end)


_EVERYDAY_LETTERS = re.compile(
    r"\b(?:cover\s+letters?|thank[\s-]?you|christmas|cards?|college|application|love\s+letters?"
    r"|pen\s*pals?|homework|santa|essay|resignation|reference|recommendation|old|from\s+(?:the\s+)?"
    r"(?:war|19\d\d|20\d\d)|years\s+ago|after\s+(?:s?he|they)\s+(?:died|passed)|attic|museum"
    r"|archive|book|novel|antique|grand(?:pa|ma|father|mother|parents)|great-?grand\w*|war)\b",
    _FLAGS,
)


def letters_left(text: str, start: int, end: int) -> bool:
    """Another's letters written or a goodbye letter found (:data:`THEIR_LETTERS`), not a
    cover letter, a card, nor an old letter of the family's past within 150 characters
    (:data:`_EVERYDAY_LETTERS`); another's letters written only with a sign of a risk near
    them (:func:`risk_near`); not in a story."""
    if _EVERYDAY_LETTERS.search(text, max(0, start - 150), end + 150) is not None:
        return False
    if not text[start:end].lower().startswith("found"):
        return risk_near(text, start, end)
    return not in_a_story(text, start, end)


_ORDINARY_LEAVING = re.compile(
    r"\b(?:mov(?:e|ed|es|ing)|new\s+(?:job|place|school|city|flat|apartment|house)|quit\w*|leaving"
    r"\s+(?:the|for|this|my)|graduat\w*|last\s+day|transfer\w*|semester|trip|vacation|holiday"
    r"|retir\w*|notice|resign\w*|lease|contract|visit\w*|staying|stay|travel\w*|abroad|deploy\w*"
    r"|college|uni|almost\s+done|finish\w*|thesis)\b",
    _FLAGS,
)


def no_ordinary_leaving(text: str, start: int, end: int) -> bool:
    """A veiled farewell said to someone (:data:`NOT_MUCH_LONGER`) with no everyday leaving in
    the message (:data:`_ORDINARY_LEAVING`: a move, a new job, the last day); not in a
    story."""
    if _ORDINARY_LEAVING.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of another's risk (joined to the third party's), this module's patterns
#: (label ``suicide``) and their checks.
THEY_NOW = (*SENT_MEANS, *SENT_GOODBYE, *NOT_AROUND, *LAST_WORDS, *THREATS, *THEIR_LETTERS)
OTHERS_NOW = (*THEY_NOW, *NOT_MUCH_LONGER)
OTHERS_NOW_CHECKS: dict[str, Check] = {
    **dict.fromkeys((*SENT_MEANS, *SENT_GOODBYE, *NOT_AROUND, *LAST_WORDS), risk_near),
    **dict.fromkeys(THREATS, their_threat),
    **dict.fromkeys(THEIR_LETTERS, letters_left),
    **dict.fromkeys(NOT_MUCH_LONGER, no_ordinary_leaving),
}
_LAST = r"(?:message|post|text|words|goodbye|video|status|tweet|story)"
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
OTHERS_NOW_WORDS: dict[str, str] = {
    SENT_MEANS[0]: (
        r"photos?\s+of|pics?\s+of|pictures?\s+of|videos?\s+of|snaps?\s+of|screenshots?\s+of"
        r"|images?\s+of|selfies?\s+of"
    ),
    SENT_GOODBYE[0]: (
        r"goodbye|good\s*-?\s*bye|bye\b|farewell|is\s+sorry|are\s+sorry|was\s+sorry|'s\s+sorry"
        r"|'re\s+sorry|sorry\s+for\s+everything|loves?\s+(?:me|us|everyone)"
    ),
    NOT_AROUND[0]: r"be\s+(?:around|here|alive)",
    NOT_AROUND[1]: r"be\s+(?:gone|done)",
    NOT_AROUND[2]: r"said|says|told",
    LAST_WORDS[0]: rf"last\s+{_LAST}|final\s+{_LAST}",
    LAST_WORDS[1]: r"bridge|ledge|roof|railing|cliff|tracks|overpass",
    THREATS[0]: r"jump(?:ing)?\s+(?:off|from|in\s+front)",
    THREATS[1]: (
        r"blow\s+(?:his|her|their)|bullet|eat\s+(?:his|her|their)\s+gun|drive\s+(?:his|her|their)"
        r"\s+car"
    ),
    **dict.fromkeys(THEIR_LETTERS, r"letter|note"),
    NOT_MUCH_LONGER[0]: (
        r"deal\s+with\s+me|worry\s+about\s+me|put\s+up\s+with\s+me|see\s+me|hear\s+from\s+me"
        r"|look\s+after\s+me|take\s+care\s+of\s+me|bother\s+with\s+me|think\s+about\s+me"
    ),
}

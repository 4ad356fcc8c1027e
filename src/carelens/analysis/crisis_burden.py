"""Crisis cues of a burden lifted by the writer's death: others freed, relieved or saved if
the writer were gone.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`BURDEN_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told in
a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`IF_I_WERE_GONE`: "they'd all save so much if i stopped existing", "how much lighter
  his life would be if i just wasn't in it anymore", "better for them if i am not here", "it
  would be better for everyone if i went now", "it'd be a relief if i just didn't exist"; a
  cue only with a good it would bring in its sentence, not a while or a place after it ("better
  for the team if i'm not here on monday": :func:`gone_for_good_of_others`).
- :data:`OUT_OF_THE_EQUATION`: "taking myself out of the equation is the kindest thing", "remove
  myself from their lives"; a cue only beside a cost or a burden in the message ("i cost my
  parents ...": :func:`beside_a_burden`), not stepping out of a rivalry or a vote.
- :data:`NO_LONGER_A_PROBLEM`: "wont be a problem after tonight", "i won't be a burden much
  longer", "soon they wont have to deal w me"; not with an everyday reason beside it (a job
  found, a flat, money paid back: :func:`no_everyday_relief`). The same words said to "you" or
  "nobody" with the time after them are :mod:`carelens.analysis.crisis_others_now`'s.
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

_IN_LIVES = (
    r"in\s+(?:it|the\s+picture|their\s+lives|(?:his|her|your|their|everyone'?s)\s+li(?:fe|ves))"
)
#: The writer gone, in a condition: "if i stopped existing", "if i wasn't in it anymore", "if i
#: am not here", "if i went now", "if i just didn't exist" (:func:`gone_for_good_of_others`).
IF_I_WERE_GONE = (
    r"\bif\s+i\s+(?:just\s+|simply\s+|finally\s+)?(?:stopped\s+existing|ceased\s+to\s+exist"
    r"|(?:didn'?t|did\s+not)\s+exist|(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:"
    + _IN_LIVES
    + r"|here|around|alive)|(?:was|were)\s+gone|went\s+(?:now|first|soon|sooner)|disappeared)\b",
    r"\bif\s+(?:i'?m|im|i\s+am)\s+(?:just\s+)?(?:not\s+(?:here|around|alive|" + _IN_LIVES + r")"
    r"|gone|dead)\b",
)
# In its sentence, the good the writer's absence would bring.
_GOOD_OF_IT = re.compile(
    r"\b(?:better|easier|lighter|relie\w*|save|saved|saving|free|freer|happier|fine|simpler"
    r"|kind(?:est|er)?|peace\w*|good\s+thing|cheaper|best|(?:nobody|no\s*one)\s+would|(?:wouldn'?t"
    r"|won'?t)\s+(?:miss|notice|care)|all\s+be\s+(?:ok|okay|fine))\b",
    _FLAGS,
)
# After it, a while, a time or a place: "if i'm not here on monday", "if i wasn't around for the
# meeting"; not "for good", "for ever", which make the absence lasting.
_A_WHILE_AFTER = re.compile(
    r"(?:\s+any\s*more)?\s*(?:on|at|for(?!\s+(?:good|ever|keeps)\b)|by|tomorrow|today|tonight|this|next|when|until|till|to|in\s+time|during"
    r"|yet|early|late|in\s+the\s+(?:morning|evening|office))\b",
    _FLAGS,
)


def gone_for_good_of_others(text: str, start: int, end: int) -> bool:
    """The writer gone, in a condition (:data:`IF_I_WERE_GONE`), with the good it would bring
    in its sentence (:data:`_GOOD_OF_IT`) and no while, time or place after it
    (:data:`_A_WHILE_AFTER`); not in a story (:mod:`carelens.analysis.crisis_veiled` joins: not
    laughed off)."""
    if _A_WHILE_AFTER.match(text, end) is not None:
        return False
    sentence = sentence_before(text, start) + " " + sentence_after(text, end)
    if _GOOD_OF_IT.search(sentence) is None:
        return False
    return not in_a_story(text, start, end)


#: The writer taking themselves out of others' lives: "taking myself out of the equation",
#: "remove myself from their lives" (:func:`beside_a_burden`).
OUT_OF_THE_EQUATION = (
    r"\b(?:take|taking|took|remov(?:e|ing|ed))\s+(?:myself|me)\s+(?:out\s+of|from)\s+(?:the\s+"
    r"(?:equation|picture)|(?:their|everyone'?s|his|her|your|my\s+family'?s)\s+li(?:fe|ves))\b",
)
# In the message, a cost or a burden the writer is.
_BURDEN = re.compile(
    r"\b(?:cost(?:s|ing)?|burden\w*|weight|problem|kindest|relie\w*|drain\w*|waste|useless"
    r"|better\s+off|deserve|worthless|only\s+(?:make|bring)\s+(?:things|it)\s+worse)\b",
    _FLAGS,
)


def beside_a_burden(text: str, start: int, end: int) -> bool:
    """The writer out of others' lives (:data:`OUT_OF_THE_EQUATION`) beside a cost or a burden
    in the message outside its own words (:data:`_BURDEN`); not in a story."""
    sign = any(found.end() <= start or found.start() >= end for found in _BURDEN.finditer(text))
    return sign and not in_a_story(text, start, end)


_OTHERS = r"(?:they|he|she|everyone|every1|everybody|you|u|y'?all|nobody|no\s*one|my\s+[\w']+)"
#: The writer no longer a problem or a care: "wont be a problem after tonight", "won't be a
#: burden much longer", "soon they wont have to deal w me" (:func:`no_everyday_relief`).
NO_LONGER_A_PROBLEM = (
    r"\b(?:won'?t|wont|will\s+not)\s+be\s+(?:a\s+)?(?:problem|burden|bother|nuisance|trouble)\s+"
    r"(?:(?:to|for)\s+(?:anyone|anybody|you|u|them|him|her|everyone)\s+)?(?:after\s+(?:tonight|today"
    r"|tomorrow|this\s+(?:week|weekend))|(?:for\s+)?much\s+longer|any\s*more|soon)\b",
    rf"\b(?:soon|after\s+(?:tonight|today|this)|shortly)\s+{_OTHERS}\s+(?:won'?t|wont|will\s+not"
    r"|will\s+never|(?:will|'ll)\s+(?:no\s+longer|never))\s+(?:have|need)\s+to\s+(?:deal\s+w(?:ith)?"
    r"|worry\s+about|put\s+up\s+w(?:ith)?|look\s+after|take\s+care\s+of|bother\s+with|pay\s+for)"
    r"\s+me\b",
)
# In the message, an everyday reason no one need care for the writer: a job, a flat, money.
_EVERYDAY_RELIEF = re.compile(
    r"\b(?:job|hired|paid|pay\s+(?:you|them|it)\s+back|loan|rent|bills?|flat|apartment|own\s+place"
    r"|mov(?:e|ed|ing)|licen[cs]e|car|graduat\w*|independen\w*|recover\w*|discharg\w*|better\s+now"
    r"|therapy|meds\s+(?:are\s+)?working|sorted|fixed|promise|lol|haha)\b",
    _FLAGS,
)


def no_everyday_relief(text: str, start: int, end: int) -> bool:
    """The writer no longer a problem (:data:`NO_LONGER_A_PROBLEM`) with no everyday reason in
    the message (:data:`_EVERYDAY_RELIEF`: a job, a flat, money paid back); not in a story."""
    if _EVERYDAY_RELIEF.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
BURDEN = (*IF_I_WERE_GONE, *OUT_OF_THE_EQUATION, *NO_LONGER_A_PROBLEM)
BURDEN_CHECKS: dict[str, Check] = {
    **dict.fromkeys(IF_I_WERE_GONE, gone_for_good_of_others),
    **dict.fromkeys(OUT_OF_THE_EQUATION, beside_a_burden),
    **dict.fromkeys(NO_LONGER_A_PROBLEM, no_everyday_relief),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
BURDEN_WORDS: dict[str, str] = {
    IF_I_WERE_GONE[0]: r"if\s+i\s",
    IF_I_WERE_GONE[1]: r"if\s+(?:i'?m|im|i\s+am)\s",
    OUT_OF_THE_EQUATION[0]: r"equation|picture|li(?:fe|ves)",
    NO_LONGER_A_PROBLEM[0]: r"problem|burden|bother|nuisance|trouble",
    NO_LONGER_A_PROBLEM[1]: r"have\s+to|need\s+to",
}

"""Words of a reply that acknowledge the seeker, as the feedback credits them, beyond those
:mod:`carelens.analysis.reply_validation` and :mod:`carelens.analysis.reply_reflections` read.

Feedback must not call a reply that answers the seeker "no response", nor ask it for what it
gives already (:mod:`carelens.analysis.feedback`). :func:`acknowledgement` finds the first
such words, of one of two kinds:

- ``"validation"``: words that accept what they feel or did, or say it is what anyone would
  feel: two feelings that "aren't a contradiction" or "can both be true", "that doesn't make
  you a bad carer", "it's not laziness", "it's not a sign you don't belong", "you haven't done
  anything wrong", "anyone living on three-hour sleep would feel hollowed out", "that wears
  anyone down", "That makes total sense.", "Feeling used makes total sense here.", "Not weird
  at all", "two years isn't a deadline for missing him", "one night doesn't erase eight
  months";
- ``"reflection"``: words that say back what it may be like for them: "I wonder if part of
  what hurts is missing him", "I get that it can feel like something cracked", "You were
  counting on that", "like you've lost someone even though he's right down the hall".

Not acknowledgement: the same words negated or turned against them ("it's not a
contradiction, you're just lazy" is left to the readings of dismissal, which the feedback
reads first), said of something else ("It makes sense to call your doctor", "that doesn't make
sense"), or an "I get that ..., but" that sets it aside.
"""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["validation", "reflection"]

#: Words that accept a feeling or a deed, or say anyone would feel so.
_VALIDATING = re.compile(
    # "loving them and feeling like a zombie aren't a contradiction", "both can be true"
    r"\b(?:aren['\u2019]?t|are\s+not|isn['\u2019]?t|is\s+not)\s+(?:a\s+|in\s+)?contradict\w*"
    r"|\b(?:can|could)\s+(?:both\s+|absolutely\s+|totally\s+)?be\s+true\b"
    r"|\bboth\s+(?:can\s+be|are|of\s+those\s+are)\s+(?:true|real|valid|okay|ok)\b"
    # "that doesn't make you a bad carer", "it doesn't mean you're weak"
    r"|\b(?:doesn['\u2019]?t|does\s+not|don['\u2019]?t|do\s+not)\s+(?:make|mean)\s+(?:that\s+)?"
    r"(?:you|you['\u2019]re|you\s+are)\s+(?:a\s+|an\s+)?(?:(?:bad|terrible|awful|horrible|weak"
    r"|lazy|selfish|ungrateful|broken|failure|failing|worse|less|dramatic|crazy|stupid"
    r"|pathetic|weird|going\s+to|gonna)\b|any\s+less)"
    # "it's not laziness", "it's not a sign you don't belong", "that's not weakness"
    r"|\b(?:it|that|this)(?:['\u2019]?s|\s+is|\s+was)\s+not\s+(?:a\s+sign\s+(?:that\s+)?you"
    r"|(?:about\s+)?(?:laziness|weakness|a\s+(?:character\s+)?flaw|a\s+failure|failure"
    r"|selfishness|selfish|a\s+moral\s+failing|you\s+being\s+(?:lazy|weak|dramatic|selfish)))\b"
    # "you haven't done anything wrong", "you did nothing wrong"
    r"|\byou\s+(?:haven['\u2019]?t|have\s+not|didn['\u2019]?t|did\s+not)\s+(?:done\s+|do\s+)?"
    r"anything\s+wrong\b|\byou(?:['\u2019]ve|\s+have)?\s+(?:done|did)\s+nothing\s+wrong\b"
    # "anyone living on scraps of sleep would feel hollowed out", "anyone would struggle"
    r"|\b(?:anyone|anybody|everyone|everybody|most\s+people)\b(?:\s+[\w'\u2019-]+){0,8}?\s+"
    r"would\s+(?:(?:probably|definitely|totally|also)\s+)?(?:feel\s+(?!like\b|lucky\b)\w+"
    r"|struggle|be\s+(?:struggling|exhausted|drained|wrecked|overwhelmed|hollowed|worn|shaken"
    r"|rattled|thrown|reeling|devastated|gutted|anxious|nervous|scared|upset|angry|sad|hurt"
    r"|frustrated|lost|a\s+mess))\b"
    # "that wears anyone down", "it would exhaust anyone"
    r"|\b(?:wears?|wearing|grinds?|would\s+(?:wear|grind))\s+(?:anyone|anybody|everyone|people)"
    r"\s+down\b|\bwould\s+(?:exhaust|drain|break|flatten|rattle|shake|crush|overwhelm)\s+"
    r"(?:anyone|anybody|everyone)\b"
    # "Feeling used makes total sense here.", "being angry at him makes sense"
    r"|\b(?:feeling|being\s+(?:so\s+)?(?:angry|upset|hurt|sad|scared|annoyed|furious|jealous"
    r"|anxious|nervous|wary|protective|resentful"
    r"|bitter))\s+[\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,4}?\s*"
    r"makes\s+(?:(?:total|complete|perfect|so\s+much|a\s+lot\s+of)\s+)?sense\b"
    # "That makes total sense." (at a clause's end, or "given ...")
    r"|\b(?:that|it|which)\s+(?:totally\s+|completely\s+|really\s+)?makes\s+(?:(?:total|complete"
    r"|perfect|so\s+much|a\s+lot\s+of)\s+)?sense(?=\s*(?:[.!,;:\n\u2013\u2014-]|$)|\s+(?:given"
    r"|after|considering|with\s+everything|to\s+me))"
    # "Not weird at all.", "Not silly." opening a sentence
    r"|(?:^|(?<=[.!?\n]))\s*(?:honestly,?\s+|and\s+)?(?:not|nothing)\s+(?:weird|strange|crazy"
    r"|silly|odd|wrong|dramatic|stupid)(?:\s+at\s+all|\s+about\s+(?:it|that))?(?=\s*[.!,;:\n-]|$)"
    # "two years isn't a deadline for missing him"
    r"|\b(?:isn['\u2019]?t|is\s+not|aren['\u2019]?t)\s+a\s+(?:deadline|time\s*limit|cut-?off)"
    r"\s+(?:for|on)\b"
    # "one night doesn't erase eight months", "a slip doesn't undo your progress"
    r"|\b(?:doesn['\u2019]?t|does\s+not|won['\u2019]?t|can['\u2019]?t)\s+(?:erase|undo|cancel"
    r"(?:\s+out)?|wipe\s+out|take\s+away)\s+\w",
    re.IGNORECASE,
)
#: Words that say back what it may be like for them.
_REFLECTING = re.compile(
    # "I wonder if part of what hurts is ...", "maybe part of what hurts is ..."
    r"\bi\s+wonder\s+if\s+(?:part\s+of\s+)?(?:what|it['\u2019]?s|it|this|that|you|some)\b"
    r"|\b(?:part\s+of\s+what|what\s+(?:really\s+)?)(?:hurts|stings|aches|weighs|scares\s+you)\s+"
    r"(?:is|might\s+be|may\s+be)\b"
    # "I get that it can feel like ...", "I understand why it hurts"
    r"|\bi\s+(?:totally\s+|really\s+|can\s+)?(?:get|understand|see)\s+(?:that|why|how)\s+"
    r"(?:it|this|that|you|you['\u2019]re|you['\u2019]d)\b(?![^.!?\n]*\bbut\b)"
    # "You were counting on that", "you'd been looking forward to it"
    r"|\byou(?:\s+were|['\u2019]d\s+been|\s+had\s+been)\s+(?:really\s+|so\s+)?(?:counting\s+on"
    r"|relying\s+on|looking\s+forward\s+to|hoping\s+for|banking\s+on|planning\s+on)\b"
    # "like you've lost someone"
    r"|\blike\s+you['\u2019]ve\s+(?:lost|been\s+left|been\s+losing|had\s+to\s+give\s+up)\b"
    # "I know how much those eight months mean to you"
    r"|\bi\s+know\s+how\s+(?:much|hard|important|big)\b[^.!?\n]*\byou\b(?![^.!?\n]*\bbut\b)",
    re.IGNORECASE,
)
#: What ends a clause: a mark, or a dash between spaces.
_CLAUSE_END = re.compile(r"[.!?;\n]|\s[-\u2013\u2014]\s")
#: A negation or a turn right before the words in their clause ("it's not true that ...").
_NEGATED = re.compile(r"(?:\bnot|n't|\bnever|\bno)\s+(?:[\w'\u2019]+\s+){0,2}$", re.IGNORECASE)


#: Words that open a clause before what it says: space, "but", "and", "so".
_LEAD = re.compile(r"\s*(?:(?:but|and|so|though)\s+)*", re.IGNORECASE)


def _clause(response: str, start: int, end: int) -> tuple[int, int]:
    """``start`` moved to its clause's start (past a "but", "and", "so" opening it), and
    ``end`` to its clause's end."""
    before = [m.end() for m in _CLAUSE_END.finditer(response, 0, start)]
    after = _CLAUSE_END.search(response, end)
    head = before[-1] if before else 0
    lead = _LEAD.match(response, head, start)
    return lead.end() if lead is not None else head, (
        after.start() if after is not None else len(response.rstrip())
    )


def acknowledgement(response: str) -> tuple[Kind, tuple[int, int]] | None:
    """The kind and the clause (start, end) of the first words of ``response`` that validate
    the seeker (:data:`_VALIDATING`) or say back what it may be like for them
    (:data:`_REFLECTING`, not negated right before them in their clause); None without any."""
    found: list[tuple[int, Kind, int, int]] = []
    patterns: tuple[tuple[Kind, re.Pattern[str]], ...] = (
        ("validation", _VALIDATING),
        ("reflection", _REFLECTING),
    )
    for kind, pattern in patterns:
        for match in pattern.finditer(response):
            start, end = _clause(response, match.start(), match.end())
            # the validations hold their own negations ("it's not laziness")
            if kind == "reflection" and _NEGATED.search(response[start : match.start()]):
                continue
            found.append((match.start(), kind, start, end))
            break
    if not found:
        return None
    _, kind, start, end = min(found)
    return kind, (start, end)

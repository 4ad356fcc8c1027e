"""Words of a helper's reply that validate the seeker's feeling: say it is theirs to have,
fair, or what anyone would feel.

"You have every right to be angry", "You're allowed to feel sad", "Anyone would feel hurt
after that", "I'd be furious too", "It makes sense that you feel this way", "No wonder you're
exhausted", "Of course you're upset", "It's okay to feel this way", "Your feelings are valid"
and "That's a completely normal reaction" affirm a feeling of the seeker's: validation, which
the codebook counts as sympathy ("condolence, pity, sorrow, concern, validation or
reassurance about what the seeker expressed"). It responds to the feeling, so feedback
credits it rather than saying the reply "does not yet respond"
(:mod:`carelens.analysis.feedback`). :func:`validation` finds the first such words, to their
clause's end. Not validation: the same words negated or reported ("It's not okay to feel
this way", "I don't think you have every right to be angry", "people say it's normal to feel
that way": :func:`carelens.analysis.reply_judging.own_words`), denied ("You have no
right to be angry", which :mod:`carelens.analysis.reply_judging` reads as judging), or said of
something else ("It makes sense to call your doctor", "Anyone would be lucky to have you",
"I'd be happy to help").
"""

from __future__ import annotations

import re

from carelens.analysis.feeling_words import AFFECT_WORDS, FEELING_WORDS
from carelens.analysis.reply_judging import own_words
from carelens.analysis.reply_remarks import CLAUSE_END

#: Feeling words validated, beside those of the lists: the plain words of anger and hurt.
_MORE_FEELINGS = frozenset([
    "upset", "mad", "furious", "livid", "pissed", "hurt", "scared", "tired", "worried",
    "stressed", "sad", "angry", "frustrated", "annoyed", "disappointed", "heartbroken",
    "emotional", "grieving", "conflicted", "torn", "resentful", "bitter",
])  # fmt: skip
_FEELING = "|".join(sorted(FEELING_WORDS | AFFECT_WORDS | _MORE_FEELINGS, key=len, reverse=True))
#: A feeling as validation names it: a feeling word after intensifiers ("so upset", "a
#: little angry"), "that way", "like that", "what you feel", "how you feel".
_FELT = (
    r"(?:(?:so|this|that|really|very|a\s+little|a\s+bit|kind\s+of|kinda|pretty|extremely"
    r"|incredibly|super|upset\s+and|angry\s+and|sad\s+and|hurt\s+and)\s+)*"
    rf"(?:(?:{_FEELING})\b|(?:that|this)\s+way|like\s+(?:that|this)"
    r"|(?:what|how)\s+you(?:['\u2019]re)?\s+(?:feel|feeling|do))"
)
_YOU_ARE = r"(?:you['\u2019]re|youre|you\s+are|ur)"
_VALIDATING = re.compile(
    # "you have every right to be angry", "you've got every right to feel that way"
    r"\b(?:you|u)(?:['\u2019]ve|\s+have)?\s+(?:got\s+)?(?:every|all\s+the|a|the)\s+right\s+to\s+"
    rf"(?:be|feel|get)\s+{_FELT}"
    # "you're allowed to be sad", "you're entitled to feel angry", "you're justified in
    # feeling hurt", "you're not wrong to be upset"
    rf"|\b{_YOU_ARE}\s+(?:(?:totally|completely|absolutely|more\s+than|so|allowed\s+and)\s+)*"
    r"(?:allowed|entitled|not\s+wrong|right|justified|valid)\s+(?:to|in)\s+"
    rf"(?:(?:be|feel|get|being|feeling|getting)\s+)?{_FELT}"
    # "anyone would feel hurt", "anyone in your shoes would be upset", "I'd be furious too"
    r"|\b(?:anyone|anybody|everyone|everybody|most\s+people)(?:\s+(?:else\s+)?in\s+your"
    r"\s+(?:shoes|position|situation|place))?\s+would\s+(?:(?:probably|definitely|totally"
    rf"|absolutely)\s+)?(?:be|feel|get)\s+{_FELT}"
    r"|\bi(?:['\u2019]d|\s+would)\s+(?:(?:probably|definitely|totally|absolutely)\s+)?"
    rf"(?:be|feel)\s+{_FELT}(?=\s+(?:too|as\s+well|in\s+your\s+(?:shoes|place|position))\b"
    r"|\s*(?:[.!?,;]|$))"
    # "it makes sense that you feel this way", "no wonder you're exhausted", "of course
    # you're upset"
    r"|(?:\b(?:(?:it|that)\s+)?makes?\s+(?:(?:total|complete|perfect|so\s+much|a\s+lot\s+of)\s+)?"
    r"sense\s+(?:that\s+|why\s+)?|\bno\s+wonder\s+|\bof\s+course\s+)"
    rf"(?:{_YOU_ARE}|you['\u2019]d|you\s+(?:would|feel|felt|get|got|have\s+been)|you['\u2019]ve"
    rf"\s+been)\s+(?:(?:be|feel|feeling|been)\s+)?{_FELT}"
    # "it's okay to feel this way", "it's completely normal to be scared"
    r"|\b(?:it|that)(?:['\u2019]?s|\s+is)\s+(?:(?:totally|completely|perfectly|absolutely|so"
    r"|entirely|also|ok\s+and|okay\s+and)\s+)*(?:okay|ok|alright|all\s+right|normal|natural"
    rf"|understandable|valid|fine|human|fair)\s+to\s+(?:be|feel|get)\s+{_FELT}"
    # "your feelings are valid", "what you're feeling is completely understandable", "your
    # anger is justified", "that's a completely normal reaction"
    r"|(?:\b(?:your|these|those|the)\s+(?:feelings|emotions|anger|grief|sadness|frustration"
    r"|fear|hurt|reaction|response)|\bwhat\s+you(?:['\u2019]re|\s+are)?\s+(?:feel|feeling)"
    r"(?:\s+(?:right\s+now|now))?)\s+(?:is|are)\s+(?:(?:totally|completely|so|absolutely"
    r"|entirely|perfectly|100%)\s+)*(?:valid|normal|understandable|justified|natural|okay"
    r"|legitimate|real|fair|human)\b"
    r"|\b(?:that|this|it)(?:['\u2019]s|\s+is)\s+(?:a|an)\s+(?:(?:completely|totally|perfectly"
    r"|very|so|really)\s+)?(?:normal|natural|understandable|valid|human|reasonable|healthy)\s+"
    r"(?:reaction|response|feeling|way\s+to\s+feel)\b",
    re.IGNORECASE,
)
#: Words one of the validations holds: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"right|allowed|entitled|justified|wrong|would|['\u2019]d\s+(?:be|feel)|sense|wonder|course"
    r"|okay|ok\b|alright"
    r"|normal|natural|understandable|valid|fine|human|fair|legitimate|reasonable|healthy",
    re.IGNORECASE,
)


def validation(response: str) -> tuple[int, int] | None:
    """Start and end of the first words of ``response`` that validate a feeling of the
    seeker's (:data:`_VALIDATING`), to their clause's end, None without any: only the helper's
    own words, not negated a few words before them in their clause nor reported as someone
    else's (:func:`~carelens.analysis.reply_judging.own_words`)."""
    if _GATE.search(response) is None:
        return None
    for found in _VALIDATING.finditer(response):
        if not own_words(response, found.start()):
            continue
        rest = CLAUSE_END.search(response, found.end())
        return found.start(), rest.start() if rest is not None else len(response.rstrip())
    return None

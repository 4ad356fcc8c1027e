"""Words of a helper's reply that validate the seeker's feeling: say it is theirs to have, fair,
or what anyone would feel.

"You have every right to be angry", "You're allowed to feel sad", "Anyone would feel hurt after
that", "I'd be furious too", "It makes sense that you feel this way", "No wonder you're
exhausted", "Of course you're upset", "It's okay to feel this way", "Your feelings are valid"
and "That's a completely normal reaction" affirm a feeling of the seeker's, as do "It's not
weird at all, grief like this is completely normal", "You're not crazy, a lot of people feel
this way" and words that take their side against those who dismiss it ("Nobody gets to tell you
you're too sensitive", "Don't let anyone say you're overreacting", "There's no deadline on
grief", "There's no such thing as 'just a dog'"): validation, which the codebook counts as
sympathy ("condolence, pity, sorrow, concern, validation or reassurance about what the seeker
expressed"). It responds to the feeling, so feedback credits it rather than saying the reply
"does not yet respond" (:mod:`carelens.analysis.feedback`). :func:`validations` finds such
words, each to its clause's end, and :func:`validation` the first. Not validation: the same
words negated or reported ("It's not okay to feel this way", "I don't think you have every right
to be angry", "people say it's normal to feel that way":
:func:`carelens.analysis.reply_judging.own_words`), denied ("You have no right to be
angry", which :mod:`carelens.analysis.reply_judging` reads as judging), or said of something
else ("It makes sense to call your doctor", "Anyone would be lucky to have you", "I'd be happy
to help", "There is no time limit on telling her", "It's not weird that he left").
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
    rf"(?:(?:{_FEELING})\b|(?:that|this|the\s+same)\s+way|like\s+(?:that|this)|the\s+same\b"
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
    r"\s+(?:shoes|position|situation|place|spot|boots))?\s+would\s+(?:(?:probably|definitely"
    r"|totally"
    rf"|absolutely)\s+)?(?:be|feel|get)\s+{_FELT}"
    r"|\bi(?:['\u2019]d|\s+would)\s+(?:(?:probably|definitely|totally|absolutely)\s+)?"
    rf"(?:be|feel)\s+{_FELT}(?=\s+(?:too|as\s+well|in\s+your\s+(?:shoes|place|position))\b"
    r"|\s*(?:[.!?,;]|$))"
    # "it makes sense that you feel this way", "no wonder you're exhausted", "of course
    # you're upset"
    r"|(?:\b(?:(?:it|that)\s+)?makes?\s+(?:(?:total|complete|perfect|so\s+much|a\s+lot\s+of)\s+)?"
    r"sense\s+(?:that\s+|why\s+)?|\bno\s+wonder\s+|\bof\s+course\s+)"
    rf"(?:(?:{_YOU_ARE}|you['\u2019]d|you\s+(?:would|feel|felt|get|got|have\s+been)|you['\u2019]ve"
    rf"\s+been)\s+(?:(?:be|feel|feeling|been)\s+)?{_FELT}"
    # "it makes sense it's getting to you", "no wonder it's hitting you hard", "of course
    # you're struggling"
    r"|(?:it|this|that)(?:['\u2019]s|\s+is|\s+(?:would|has|had)|['\u2019]d)\s+(?:been\s+|be\s+)?"
    r"(?:really\s+|so\s+)?(?:getting\s+to|got\s+to|hitting|hit|affecting|affected|weighing\s+on"
    r"|eating\s+at|wearing\s+(?:on|you\s+down)|shaken|rattled|thrown)\s+(?:you|u)\b"
    rf"|{_YOU_ARE}\s+(?:really\s+|so\s+)?(?:struggling|finding\s+(?:it|this|that)\s+(?:so\s+"
    rf"|really\s+)?"
    r"(?:hard|tough|difficult)|having\s+a\s+(?:hard|tough|rough)\s+time|not\s+coping))"
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
    r"(?:reaction|response|feeling|way\s+to\s+feel)\b"
    # "it's not weird at all", "that's not crazy", "it isn't silly to still miss him"
    r"|\b(?:it|that|this)(?:['\u2019]?s|\s+is)\s+(?:(?:really|honestly|totally|definitely"
    r"|absolutely)"
    r"\s+)?(?:not|n['\u2019]t)\s+(?:(?:weird|strange|crazy|silly|stupid|dumb|odd|abnormal"
    r"|irrational|pathetic|childish|dramatic)(?:\s+at\s+all)?|wrong\s+to\s+(?:feel|be|want|miss|cry"
    r"|grieve))(?=\s*(?:[.!?,;:\n]|$)|\s+(?:to|that|if)\s+(?:you|feel|be|still|miss|cry|grieve"
    r"|want))"
    # "grief like this is completely normal", "that's completely normal", "totally normal"
    r"|\b(?:(?:grief|grieving|crying|anger|sadness|anxiety|jealousy|panic|guilt|fear|feelings?"
    r"|feeling\s+(?:this|that)\s+way|(?:a\s+)?reaction|what\s+you['\u2019]re\s+(?:feeling|going"
    r"\s+through))(?:\s+like\s+(?:this|that|yours))?\s+(?:is|are)|(?:that|it|this)(?:['\u2019]s"
    r"|\s+is))"
    r"\s+(?:(?:completely|totally|perfectly|so|really|very|entirely|absolutely|100%|super|pretty"
    r"|also|incredibly|extremely|hugely)\s+)+(?:normal|natural|understandable|human"
    r"|common|valid)(?=\s*(?:[.!?,;:\n]|$)|\s+(?:after|when|with|for|in|among|at|during)\b)"
    # "Crying at his song eight months on is incredibly common", "feeling numb after a loss
    # is really normal": what they feel or do, said to be common
    r"|(?:^|(?<=[.!?,;:\n]))\s*(?:(?:crying|feeling|grieving|missing|worrying|struggling|panicking"
    r"|snapping|doubting|overthinking|wondering|questioning|second-guessing|needing|wanting|hating"
    r"|resenting|dreading|not\s+(?:wanting|feeling|knowing))\b|what\s+you(?:['\u2019]re|\s+are)?\s+"
    rf"(?:feel|feeling|describing|going\s+through)\b|(?:{_FEELING})\b)(?:\s+[\w'\u2019-]+){{0,10}}?"
    r"\s+(?:is|are)\s+(?:(?:completely|totally|perfectly|so|really|very|incredibly|extremely|super"
    r"|pretty|also|actually|hugely)\s+)*(?:normal|common)(?=\s*(?:[.!?,;:\n]|$)|\s+(?:after|when"
    r"|with|for|in|among|at|during)\b)"
    r"|(?:^|(?<=[.!?,;:\n]))\s*(?:(?:totally|completely|perfectly|so|very|really|100%)\s+)+"
    r"(?:normal|natural|understandable|valid|human)(?=\s*(?:[.!?,;:\n]|$))"
    # "you're not crazy", "you're not overreacting", "you're not wrong to feel that way"
    rf"|\b{_YOU_ARE}\s+(?:(?:definitely|absolutely|totally|really|so)\s+)?not\s+(?:crazy|weird"
    r"|broken|overreacting|being\s+(?:dramatic|unreasonable|irrational|silly|too\s+sensitive"
    r"|oversensitive)|too\s+sensitive|oversensitive|dramatic|unreasonable|irrational|silly|stupid"
    r"|wrong)\b(?!\s+(?:about|that)\b)"
    # "a lot of people feel this way", "so many people go through the same"
    r"|\b(?:so\s+many|lots\s+of|a\s+lot\s+of|many|plenty\s+of|most)\s+(?:other\s+)?people"
    r"\s+(?:feel|felt|go\s+through|struggle\s+with|have\s+felt|experience)\s+(?:this|that|the"
    r"\s+same)\b"
    # taking their side against those who dismiss them: "Nobody gets to tell you you're too
    # sensitive", "Don't let anyone say you're overreacting", "There's no deadline on grief"
    r"|\b(?:no\s*one|nobody)\s+(?:else\s+)?(?:gets\s+to|has\s+(?:the|any)\s+right\s+to|can|should)"
    r"\s+(?:tell|say\s+to|make|decide\s+(?:for|how))\s+(?:(?:you|u)\b|how)[^.!?\n]*"
    r"|\b(?:don['\u2019]?t|do\s+not|never)\s+let\s+(?:anyone|anybody|them|people|him|her|others"
    r"|your\s+\w+)\s+(?:else\s+)?(?:tell|say|make|convince)\s+(?:(?:to\s+)?(?:you|u)\b"
    r"|that)[^.!?\n]*"
    r"|\bthere(?:['\u2019]?s|\s+is)\s+no\s+(?:such\s+thing\s+as\s+[\"'\u201c\u2018]?(?:just|only)"
    r"\s+an?\s+\w+|(?:[\"'\u201c\u2018][^\"\u201d\n]{1,40}[\"'\u201d\u2019]\s+)?(?:deadline"
    r"|time\s*limit|timeline|time\s*frame|expiration\s+date|schedule)\s+(?:on|for|to)\s+(?:grief"
    r"|grieving|healing|mourning|feelings?|loss|heartbreak|getting\s+over)"
    r"|(?:right|wrong|right\s+or\s+wrong|correct)\s+way\s+to\s+(?:grieve|feel|heal|mourn|cope"
    r"|process|react))\b[^.!?\n]*",
    re.IGNORECASE,
)
#: Words one of the validations holds, each alternative's own (:data:`_VALIDATING`): a reply
#: with none is read no further (most replies).
_GATE = re.compile(
    r"\b(?:allowed|entitled|wrong|right|justified|valid)\s+(?:to|in)\s"
    r"|\b(?:would|['\u2019]d)\s+(?:\w+\s+)?(?:be|feel|get)\s|\bsense\b|\bno\s+wonder|\bof\s+course"
    r"|\b(?:okay|ok|alright|all\s+right|normal|natural|understandable|valid|fine|human|fair)\s+to\s"
    r"|\b(?:is|are)\s+(?:(?:totally|completely|perfectly|so|absolutely|entirely|really|very|super"
    r"|pretty|also|incredibly|extremely|hugely|actually)\s+)*(?:valid|normal|understandable"
    r"|justified|natural|okay|legitimate|real|fair|human|common)\b|\b(?:s|is)\s+(?:(?:a"
    r"|an)\s+)?(?:(?:completely|totally|perfectly|very|so|really"
    r"|absolutely|entirely|super|pretty|also|incredibly|extremely|hugely)\s+)+(?:normal|natural"
    r"|understandable|valid|human"
    r"|reasonable|healthy|common)\b|\b(?:normal|natural|understandable|valid|human|reasonable"
    r"|healthy)\s+(?:reaction|response|feeling|way)"
    r"|\b(?:not|n['\u2019]t)\s+(?:\w+\s+)?(?:weird|strange|crazy|silly|stupid|dumb|odd|abnormal"
    r"|irrational|pathetic|childish|dramatic|wrong|broken|overreacting|being|too|oversensitive"
    r"|unreasonable)"
    r"|\b(?:totally|completely|perfectly|so|very|really)\s+(?:normal|natural|understandable|valid"
    r"|human)\b|100%\s+(?:normal|natural|understandable|valid|human)"
    r"|\bpeople\s+(?:feel|felt|go|struggle|have\s+felt|experience)"
    r"|\b(?:no\s*one|nobody)\s+(?:else\s+)?(?:gets|has|can|should)"
    r"|\blet\s+(?:anyone|anybody|them|people|him|her|others|your\s+\w+)\s+(?:else\s+)?(?:tell"
    r"|say|make|convince)"
    r"|\bthere(?:['\u2019]?s|\s+is)\s+no\s",
)


def validation(response: str) -> tuple[int, int] | None:
    """Start and end of the first words of ``response`` that validate a feeling of the
    seeker's (:func:`validations`), None without any."""
    found = validations(response)
    return found[0] if found else None


#: What may stand between two validations that make one ("It's not weird at all, grief like
#: this is completely normal").
_BETWEEN = re.compile(r"[\s,;:.!-]*(?:(?:and|so)\s+)?")


def validations(response: str) -> tuple[tuple[int, int], ...]:
    """Start and end of each stretch of ``response`` that validates a feeling of the seeker's
    (:data:`_VALIDATING`), each to its clause's end: not negated a few words before it in
    its clause, nor reported as someone else's
    (:func:`~carelens.analysis.reply_judging.own_words`); neighbours with nothing but
    marks between them make one ("It's not weird at all, grief like this is completely
    normal")."""
    if _GATE.search(response.lower()) is None:  # lower-cased: faster than IGNORECASE
        return ()
    spans: list[tuple[int, int]] = []
    for found in _VALIDATING.finditer(response):
        if not own_words(response, found.start()):
            continue
        rest = CLAUSE_END.search(response, found.end())
        end = rest.start() if rest is not None else len(response.rstrip())
        if spans and _BETWEEN.fullmatch(response, spans[-1][1], found.start()):
            spans[-1] = (spans[-1][0], end)
        elif not spans or found.start() >= spans[-1][1]:
            spans.append((found.start(), end))
    return tuple(spans)

"""A verdict the seeker passes on themselves as fact, on which no suggested opening is built.

"It's my fault she left" turned word for word reads "It sounds like it's your fault she
left…": the helper would state the seeker's self-blame as a fact of their own, and "It sounds
like you're such a burden to everyone…" would agree with it. An opening only turns the
seeker's words (:mod:`carelens.analysis.openings`) and cannot add "you feel" to keep such a
verdict their view, so a clause that states one as fact (:data:`_VERDICT`: "it's (all) my
fault", "I'm to blame", "I deserve this", "I don't deserve her", "I'm worthless", "I'm such a
burden", "I'm a terrible mom") is not offered (:func:`states_verdict`); another clause of
theirs may be ("It's all my fault. I feel so lost." offers "I feel so lost"). A verdict
the seeker frames as a thought, a feeling or someone's words in its part of the clause ("I
think I'm a failure", "I feel like it's my fault", "My mom says I'm useless", "maybe it's my
fault") is their view already and may be offered ("It sounds like you think you're a
failure…"), and so may one they deny ("It's not my fault", "I'm not a failure").
"""

from __future__ import annotations

import re

from carelens.analysis.words import WORD, plain

#: What a verdict on their worth says the seeker is ("worthless", "such a burden", "a
#: terrible mom", "not good enough").
_WORTH = (
    r"worthless|useless|pathetic|unlovable|disgusting|stupid|ugly|failure|burden"
    r"|disappointment|loser|waste(?:\s+of\s+(?:space|air|life))?|mistake|monster|idiot"
    r"|nothing|nobody|trash|garbage|(?:\w+\s+)?piece\s+of\s+(?:shit|crap|garbage|trash)"
    r"|not\s+good\s+enough|not\s+enough|the\s+problem"
    r"|(?:terrible|horrible|awful|bad|shitty|crappy)\s+(?:person|human(?:\s+being)?|mom"
    r"|mother|dad|father|parent|friend|daughter|son|wife|husband|partner|girlfriend"
    r"|boyfriend|sister|brother)"
)
#: Words that may stand between "I'm" and the verdict ("I'm just such a burden").
_BEFORE_WORTH = (
    r"just|such|so|really|literally|truly|a|an|completely|totally|utterly|absolutely"
    r"|honestly|basically|always|the\s+biggest|a\s+complete|nothing\s+but|only"
)
#: Adverbs between "I" and "deserve" ("I really deserve this").
_ADVERB = r"(?:really|totally|probably|just|clearly|honestly)"
#: A verdict on the seeker stated as fact: their fault, their blame, what they deserve ("I
#: deserve this", "I don't deserve her"; not "I deserve better"), or what they are worth.
_VERDICT = re.compile(
    r"\b(?:(?:it|this|that|everything)(?:['\u2019]s|\s+is|\s+was)|its)\s+"
    r"(?:(?:all|totally|entirely|completely|really|just)\s+)?(?:my|our)\s+(?:own\s+)?fault\b"
    r"|\bi(?:['\u2019]m|\s+am|m)\s+(?:the\s+one\s+)?to\s+blame\b"
    rf"|\bi\s+(?:{_ADVERB}\s+)?(?:don['\u2019]?t|do\s+not|never)\s+deserved?\b"
    rf"|\bi\s+(?:{_ADVERB}\s+)?deserved?\s+(?:this|it|all\s+(?:of\s+)?(?:this|it)|nothing"
    r"|to\s+(?:die|suffer|rot|feel\s+this\s+way|be\s+(?:alone|hated|punished|unhappy|miserable"
    r"|abandoned|left|hurt))|everything\s+(?:bad|that\s+happens)|what\s+i\s+get|(?:the\s+)?pain)\b"
    rf"|\bi(?:['\u2019]m|\s+am|m)\s+(?:(?:{_BEFORE_WORTH})\s+)*(?:{_WORTH})\b",
    re.IGNORECASE,
)
#: Words that frame a verdict after them as a thought, a feeling, a doubt or someone's words
#: ("I think I'm a failure", "I feel like it's my fault", "maybe it's my fault", "My mom
#: says I'm useless"): the opening keeps them.
_FRAMES = frozenset([
    "think", "thinks", "thought", "thinking", "feel", "feels", "felt", "feeling", "guess",
    "believe", "believes", "believed", "suppose", "say", "says", "said",
    "saying", "tell", "tells", "told", "telling", "call", "calls", "called", "wonder",
    "wondering", "worry", "worried", "afraid", "scared", "fear", "like", "maybe", "probably",
    "perhaps", "realize", "realized", "realise", "realised", "convinced", "sure", "seems",
    "seem", "seemed", "if", "whether", "because", "cause", "reminds", "reminded", "blames",
    "blamed", "yell", "yells", "yelled", "insists", "means", "sometimes", "wish", "hope",
])  # fmt: skip
#: What ends the part of a clause a frame reaches ("I feel lost and it's all my fault").
_PART_END = re.compile(r"[,;]|\b(?:and|but|so|or)\b", re.IGNORECASE)


def states_verdict(clause: str) -> bool:
    """Whether ``clause`` states a verdict the seeker passes on themselves as fact
    (:data:`_VERDICT`: "It's my fault she left", "My wife left and it's all my fault", "I'm
    such a burden to everyone", "I know it's my fault"), with no word of :data:`_FRAMES`
    before it in its part of the clause ("I think I'm a failure", "My mom says I'm
    useless" are framed)."""
    for found in _VERDICT.finditer(clause):
        part = 0
        for cut in _PART_END.finditer(clause, 0, found.start()):
            part = cut.end()
        if not any(plain(word) in _FRAMES for word in WORD.findall(clause, part, found.start())):
            return True
    return False

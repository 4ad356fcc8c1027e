"""A verdict the seeker passes on themselves as fact, on which no suggested opening is built.

"It's my fault she left" turned word for word reads "It sounds like it's your fault she
left…": the helper would state the seeker's self-blame as a fact of their own, and "It sounds
like you're such a burden to everyone…" would agree with it. An opening only turns the
seeker's words (:mod:`carelens.analysis.openings`) and cannot add "you feel" to keep such a
verdict their view, so a clause that states one as fact (:data:`_VERDICT`: "it's (all) my
fault", "My fault for trusting him", "I'm to blame", "I deserve this", "I don't deserve her",
"I'm worthless", "I'm such a burden", "I've just become a huge burden on him", "I'm a
terrible mom", "I'm probably a horrible person", "I'm the worst sister ever", "I'm the reason
my parents got divorced", "I'm so lazy", "I screw everything up", "I ruin everything I
touch") is not offered (:func:`states_verdict`), nor any other clause of its sentence, which
may give its reasons as fact ("It's my fault she died, I should have called sooner":
:mod:`carelens.analysis.openings_clauses`); a clause of theirs in another sentence may be
("It's all my fault. I feel so lost." offers "I feel so lost"). A verdict the seeker frames
as a thought, a feeling or someone's words in its part of the clause ("I think I'm a failure",
"I feel like it's my fault", "My mom says I'm useless", "maybe it's my fault") is their view
already and may be offered ("It sounds like you think you're a failure…"), and so may one they
deny ("It's not my fault", "I'm not a failure").
"""

from __future__ import annotations

import re

from carelens.analysis.words import WORD, plain

#: What a verdict on their worth says the seeker is ("worthless", "such a burden", "a
#: terrible mom", "not good enough").
_WORTH = (
    r"worthless|useless|pathetic|unlovable|disgusting|stupid|dumb|lazy|selfish|ugly|failure"
    r"|burden|disappointment|embarrassment|loser|coward|junkie"
    r"|waste(?:\s+of\s+(?:space|air|life))?|mistake|monster|idiot"
    r"|nothing|nobody|trash|garbage|(?:\w+\s+)?piece\s+of\s+(?:shit|crap|garbage|trash)"
    r"|(?:hot\s+)?mess\s+of\s+a\s+(?:person|human)"
    r"|not\s+good\s+enough|not\s+enough|the\s+problem|the\s+(?:only\s+)?reason|the\s+worst"
    r"|(?:terrible|horrible|awful|bad|shitty|crappy|worst)\s+(?:person|human(?:\s+being)?|mom"
    r"|mother|dad|father|parent|friend|daughter|son|wife|husband|partner|girlfriend"
    r"|boyfriend|sister|brother)"
)
#: Words that may stand between "I'm" and the verdict ("I'm just such a burden", "I've become
#: the family burden", "I'm the burden of the family").
_BEFORE_WORTH = (
    r"just|such|so|really|literally|truly|a|an|completely|totally|utterly|absolutely"
    r"|honestly|basically|always|the\s+biggest|a\s+complete|nothing\s+but|only|probably|the"
    r"|family['\u2019]?s?"
    r"|kind\s+of|kinda|pretty\s+much|damn|fucking|fuckin|freaking|goddamn|total|huge|big"
)
#: Adverbs between "I" and "deserve" ("I really deserve this").
_ADVERB = r"(?:really|totally|probably|just|clearly|honestly)"
#: What the seeker says they always do to everything, a verdict on them ("I screw everything
#: up", "I ruin everything I touch", "I mess up every relationship"; not "I ruined dinner").
_HARM_DONE = (
    r"(?:(?:always|just|only|literally|really)\s+)*"
    r"(?:(?:ruin|ruins|destroy|wreck|screw\s+up|mess\s+up|fuck\s+up)\s+(?:everything|everyone"
    r"|every(?:\s+single)?\s+\w+|it\s+all|all\s+of\s+it|things|everybody)"
    r"|(?:screw|mess|fuck)\s+(?:everything|it\s+all|things|everyone)\s+up)"
)
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
    rf"|\bi(?:['\u2019]m|\s+am|m|(?:['\u2019]?ve|\s+have)?\s+(?:{_ADVERB}\s+)?become"
    rf"|(?:['\u2019]m|\s+am|m)\s+becoming)\s+(?:(?:{_BEFORE_WORTH})\s+)*(?:{_WORTH})\b"
    rf"|\bi\s+(?:{_HARM_DONE})\b",
    re.IGNORECASE,
)
#: A fault told without a verb at the start of a part of a clause ("My fault for trusting
#: him I guess", "All my own fault."): the seeker's verdict as much as "it's my fault".
_BARE_FAULT = re.compile(
    r"(?:(?:all|totally|entirely|completely|really|just)\s+)?(?:my|our)\s+(?:own\s+)?fault\b",
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
    such a burden to everyone", "I know it's my fault", "I'm the worst sister ever", "I
    screw everything up"), with no word of :data:`_FRAMES` before it in its part of the
    clause ("I think I'm a failure", "My mom says I'm useless" are framed), or a fault told
    without a verb at a part's start (:data:`_BARE_FAULT`: "My fault for trusting him I
    guess"; not "not my fault")."""
    for found in _VERDICT.finditer(clause):
        part = _part_start(clause, found.start())
        if not any(plain(word) in _FRAMES for word in WORD.findall(clause, part, found.start())):
            return True
    for found in _BARE_FAULT.finditer(clause):
        if not WORD.search(clause, _part_start(clause, found.start()), found.start()):
            return True
    return False


def _part_start(clause: str, at: int) -> int:
    """Where the part of ``clause`` that ``at`` lies in starts (:data:`_PART_END`)."""
    part = 0
    for cut in _PART_END.finditer(clause, 0, at):
        part = cut.end()
    return part

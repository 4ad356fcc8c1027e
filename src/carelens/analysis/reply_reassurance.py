"""Words of a helper's reply that reassure the seeker: lift blame from them or tell them it
will be all right.

"Stop blaming yourself", "Don't be so hard on yourself", "Go easy on yourself", "It's not
your fault", "You did everything you could", "You didn't deserve that", "You're not a bad
mom" and "You're going to be okay" reassure (the codebook's sympathy: "reassurance about
what the seeker expressed"). Beside them the model often scores nothing for a reflection
that follows ("Stop blaming yourself. It sounds like you're carrying all of it."), so
:func:`reassurances` finds the clauses that are such reassurance and nothing more, which
:mod:`carelens.analysis.reply_reflections` reads a reflection beside, as beside a remark of
sympathy, and the rules (:mod:`carelens.analysis.rules_readings`) count as kind words. Not
reassurance: a clause with more in it ("Stop blaming yourself and get a therapist"), the
seeker told off ("Stop feeling sorry for yourself", which the rules read as minimising),
nor words that deny them comfort ("It is your fault").
"""

from __future__ import annotations

import re

from carelens.analysis.reply_remarks import CLAUSE_END
from carelens.analysis.words import WORD

_YOU_ARE = r"(?:you['\u2019]re|youre|you\s+are|ur)"
_DONT = r"(?:don['\u2019]?t|do\s+not|try\s+not\s+to|please\s+don['\u2019]?t|never)"
#: A clause of reassurance and nothing more (interjections and "please" before it).
_REASSURING = re.compile(
    r"\s*(?:(?:and|so|please|honestly|hey|but|oh|seriously|really|just)\s+)*(?:"
    # "stop blaming yourself", "don't beat yourself up (over this)"
    r"(?:(?:stop|quit)|" + _DONT + r")\s+(?:blaming|blame|beating|beat)\s+yourself(?:\s+up)?"
    r"(?:\s+(?:over|for|about)\s+(?:this|that|it|any\s+of\s+(?:this|that|it)))?"
    # "don't be so hard on yourself", "go easy on yourself" (not "be kind to yourself", which
    # is self-care advised)
    r"|" + _DONT + r"\s+be\s+(?:so\s+|too\s+)?(?:hard|harsh|tough|mean)\s+(?:on|with|to)\s+yourself"
    r"|(?:go|take\s+it)\s+easy\s+on\s+yourself"
    # "it's not your fault (at all)", "none of this was your fault"
    r"|(?:it|this|that)(?:['\u2019]s\s+not|\s+is\s+not|\s+was\s+not|\s+isn['\u2019]?t"
    r"|\s+wasn['\u2019]?t)\s+(?:your|ur)\s+fault(?:\s+at\s+all)?"
    r"|none\s+of\s+(?:this|it|that)\s+(?:is|was)\s+(?:your|ur)\s+fault"
    # "you did everything you could", "you did nothing wrong", "you couldn't have known"
    r"|(?:you|u)\s+did\s+(?:everything|all|the\s+best)\s+(?:you\s+could|that\s+you\s+could)"
    r"|(?:you|u)\s+did\s+(?:your|the)\s+best(?:\s+you\s+could)?"
    r"|(?:you|u)\s+(?:did\s+nothing|didn['\u2019]?t\s+do\s+anything)\s+wrong"
    r"|(?:you|u)\s+(?:couldn['\u2019]?t|could\s+not)\s+have\s+known(?:\s+(?:this|that|it))?"
    r"|there\s+(?:was|is)\s+nothing\s+(?:more\s+)?(?:you\s+could(?:['\u2019]?ve|\s+have)\s+done)"
    # "you didn't deserve that", "you deserve better"
    r"|(?:you|u)\s+(?:(?:didn['\u2019]?t|did\s+not)\s+deserve\s+(?:that|this|it|any\s+of\s+(?:that"
    r"|this|it))|deserve\s+(?:so\s+much\s+|way\s+|much\s+|a\s+lot\s+)?better)"
    # "you're not a bad mom", "you're not a failure", "you're not alone"
    r"|" + _YOU_ARE + r"\s+(?:(?:definitely|absolutely|really|so)\s+)?not\s+(?:alone|(?:a|an)\s+"
    r"(?:(?:bad|terrible|horrible|awful)\s+(?:person|mom|mother|dad|father|parent|friend|son"
    r"|daughter|wife|husband|partner|sister|brother)|failure|burden|idiot))"
    # "you're going to be okay", "it'll be alright"
    r"|(?:you|it)(?:['\u2019]ll|\s+will|['\u2019]re\s+going\s+to|\s+are\s+going\s+to"
    r"|['\u2019]s\s+going\s+to|\s+is\s+going\s+to)\s+be\s+(?:okay|ok|alright|all\s+right|fine))"
    r"(?:\s+(?:(?:my\s+)?friend|hun|man|dude|okay|ok|honestly|really))?\s*",
    re.IGNORECASE,
)
#: Words one of the reassurances holds: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"yourself|fault|did\s+(?:every|all|your|the|nothing)|wrong|known|nothing\s+you|deserve"
    r"|not\s+(?:alone|a\b|an\b)|be\s+(?:okay|ok|alright|all\s+right|fine)",
)


def reassurances(response: str) -> tuple[tuple[int, int], ...]:
    """Start and end of each clause of ``response`` that reassures the seeker and holds
    nothing more (:data:`_REASSURING`: "Stop blaming yourself", "It's not your fault", "You
    did everything you could"), from its first word to its end."""
    if _GATE.search(response.lower()) is None:  # lower-cased: faster than IGNORECASE
        return ()
    found: list[tuple[int, int]] = []
    start = 0
    for mark in (*CLAUSE_END.finditer(response), None):
        stop = mark.start() if mark is not None else len(response)
        if _REASSURING.fullmatch(response, start, stop):
            first = WORD.search(response, start, stop)
            if first is not None:
                found.append((first.start(), len(response[:stop].rstrip())))
        if mark is not None:
            start = mark.end()
    return tuple(found)

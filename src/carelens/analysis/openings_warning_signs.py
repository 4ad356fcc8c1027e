"""Warning signs told in words that no crisis cue reads, which a suggested opening must not
echo either (:data:`WARNING_SIGNS`).

The crisis patterns read "I want to die" or "everyone would be better off without me"; a seeker
may tell the same risk in plainer words: a wish to have died in someone's place ("it should have
been me", "I should've died instead of him", "I wish it was me instead"), a plan whose act goes
unnamed ("I've been planning how I'd do it", "thinking about how to do it without anyone
noticing", "researching ways to do it painlessly"), a wish not to have woken or not to wake ("I
wish I hadn't woken up this morning", "I want to sleep and not wake up for a long time"), not
caring whether they die ("I wouldn't care if I got hit by a car") and seeing no point in
anything any more ("there's no point to any of it anymore", "I don't see the point in going
on"). "It sounds like you've been planning how you'd do it…" would echo such words as a casual
reflection, so :mod:`carelens.analysis.openings_danger` reads them as words of danger
(:func:`warning_sign_spans`). Words
that only look alike are not among them: a plan with a named act ("planning how to tell my
parents"), a wish about waking early ("I wish I didn't wake up so early"), no point in one
thing ("no point going to the party if she's not coming"). Being a burden is read where the
seeker states it as fact ("I'm a burden to everyone", "I've become a huge burden on him":
:mod:`carelens.analysis.openings_verdicts`); a burden they feel ("I feel like a burden to my
family", "I guess I'm a burden") is their view, which a reflection may name.
"""

from __future__ import annotations

import re

from carelens.text import MASKED_LETTER, vowels_masked

#: "should have", as seekers write it: "should've", "shouldve", "should of", "shoulda".
_SHOULD_HAVE = r"should(?:['\u2019]?ve|\s+have|\s+of|a)"
#: A wish to have died, or that a death had been the seeker's: "it should have been me", "I
#: should've died", "I should have been the one who died", "I wish I had died", "I wish it was
#: me instead of him" (not "I wish it was me she picked").
_WISHED_DEATH = (
    rf"\b{_SHOULD_HAVE}\s+been\s+me\b"
    rf"|\b{_SHOULD_HAVE}\s+been\s+the\s+one\s+(?:who|that|to)\s+(?:died|die|dies"
    r"|(?:got|get|was)\s+killed)\b"
    rf"|\bi\s+(?:(?:really|honestly|just|probably|know|think|feel\s+like)\s+)*{_SHOULD_HAVE}"
    r"\s+(?:just\s+|also\s+)?died\b"
    r"|\bwish(?:ed|es)?\s+(?:that\s+)?i(?:['\u2019]?d|\s+had)?\s+(?:just\s+|also\s+)?died\b"
    r"|\bwish(?:ed|es)?\s+(?:that\s+)?it\s+(?:was|were|had\s+been|['\u2019]d\s+been)\s+me\b"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:instead|not|rather|in\s+(?:that|the|his|her|their))\b))"
)
#: A wish not to have woken, or not to wake ("I wish I hadn't woken up this morning", "i wish i
#: didnt wake up at all", "I wish I never woke up from the surgery", "I want to sleep and not
#: wake up for a long time"; not "I wish I didn't wake up so early").
_NOT_WOKEN = (
    r"\bwish(?:ed|es)?\s+(?:that\s+)?i\s+(?:had(?:n['\u2019]?t|\s+not|\s+never)|did(?:n['\u2019]?t"
    r"|\s+not)|never|would(?:n['\u2019]?t|\s+not)|could\s+(?:just\s+)?not)\s+(?:have\s+)?"
    r"(?:wake|woke|woken|waked)(?:\s+up)?"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:this\s+morning|today|that\s+(?:morning|day)|at\s+all|again"
    r"|tomorrow|anymore|ever|in\s+the\s+morning|from|after)\b))"
    # "I just want to sleep and not wake up for a long time" (not "... until noon")
    r"|\b(?:sleep|rest|close\s+my\s+eyes|go\s+to\s+bed)\s+and\s+(?:just\s+)?(?:not|never)\s+"
    r"(?:wake|waking)(?:\s+up)?\b(?!\s+(?:up|until|till|til|before|early)\b)"
)
#: Not caring whether they die ("I wouldn't care if I got hit by a car", "I wouldn't mind if
#: I died").
_NOT_CARING = (
    r"\b(?:wouldn['\u2019]?t|would\s+not|don['\u2019]?t|do\s+not|dont|wouldnt)\s+"
    r"(?:even\s+|really\s+)?(?:care|mind)\s+(?:if|whether|when)\s+i\s+(?:just\s+)?(?:died|die|(?:got|get|was|were)"
    r"\s+(?:hit|killed|run\s+over|shot|struck))\b"
)
#: Verbs of a plan or of picturing one: "planning", "figuring out", "thinking about",
#: "researching", "looking up", "decided", "know exactly"...
_PLAN_VERBS = (
    r"plan\w*|figur\w*|work\w*\s+out|worked\s+out|think\w*|thought|research\w*|look\w*\s+up"
    r"|googl\w*|search\w*|decid\w*|know\s+exactly|already\s+know|pictur\w*|imagin\w*"
    r"|rehears\w*|read\w*\s+(?:up\s+)?(?:on|about)"
)
#: How, when or where the seeker would do it, or ways to ("how I'd do it", "when I'm going
#: to do it", "how to do it", "the easiest way to do it", "ways to do it").
_WAYS = (
    r"(?:how|when|where)\s+(?:exactly\s+)?(?:i['\u2019]?d|i\s+would|i['\u2019]?ll|ill|i\s+will"
    r"|i['\u2019]?m\s+(?:going\s+to|gonna)|im\s+(?:going\s+to|gonna)|i\s+am\s+(?:going\s+to"
    r"|gonna)|i\s+(?:could|can|should|might)|to)"
    r"|(?:(?:the|a)\s+)?(?:(?:best|easiest|quickest|fastest|least\s+painful|painless|right"
    r"|only|surest)\s+)?(?:ways?|methods?)\s+(?:to|of\s+doing|for\s+doing)"
)
#: What may follow "do it" in such a plan: the clause's end, or when, where and how it is
#: done ("and when", "painlessly", "tonight", "without anyone noticing", "so it looks like an
#: accident"); "how I'd do it differently", "how to do it with two kids" are no plan of harm.
_PLAN_END = (
    r"(?=\s*(?:$|[.!?,;:\u2026)]|(?:and\s+(?:when|where|how)|painless\w*|quick\w*|quiet\w*"
    r"|proper\w*|right|tonight|soon|today|tomorrow|this\s+(?:week|weekend|time)|next\s+\w+"
    r"|without\s+(?:[\w'\u2019]+\s+){0,2}?(?:notic\w*|know\w*|find\w*\s+out|see\w*|stopp\w*"
    r"|suspect\w*|hurt\w*|pain|it\s+hurting)|so\s+(?:that\s+)?(?:no\s+one|nobody|no-one"
    r"|it\s+(?:looks|seems|doesn['\u2019]?t|won['\u2019]?t))|if|when\s+no|where\s+no)\b))"
)
_PLAN = (
    rf"\b(?:{_PLAN_VERBS})\s+(?:(?:about|of|out|over|up|on|exactly|already|a\s+lot|lately"
    rf"|seriously|really|just|carefully)\s+){{0,3}}(?:{_WAYS})\s+"
    r"(?:(?:actually|finally|really|just|even)\s+)?do\s+it\b" + _PLAN_END
)
#: No point in anything any more ("there's no point to any of it anymore", "I don't see the
#: point of anything anymore", "no point in going on", "no point trying anymore"; not "no point
#: going to the party", "I finally see the point of it all now").
_NO_POINT = (
    r"\b(?:no|any|(?:(?:do|ca|did|could)n['\u2019]?t|dont|cant|didnt|couldnt|cannot|never"
    r"|(?:do|can|did|could)\s+not)\s+(?:\w+\s+)?(?:see|find|get)\s+(?:the|a|any)"
    r"|what['\u2019]?s\s+the|whats\s+the|what\s+is\s+the)\s+point\s+"
    r"(?:(?:(?:to|in|of)\s+)?(?:living|going\s+on|carrying\s+on|being\s+(?:alive|here)"
    r"|existing|my\s+life|life)\b"
    r"|(?:(?:to|in|of)\s+)?(?:any\s+of\s+(?:it|this)|anything|it\s+all|everything|trying|me)"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:anymore|any\s+more|at\s+all|now|really|honestly)\b))"
    r"|(?:anymore|any\s+more)\b)"
)
#: The warning signs, one alternation.
WARNING_SIGNS = "|".join((_WISHED_DEATH, _NOT_WOKEN, _NOT_CARING, _PLAN, _NO_POINT))
_WARNING = re.compile(WARNING_SIGNS, re.IGNORECASE)
#: :data:`WARNING_SIGNS` with a masked letter for any vowel ("it should have been m*",
#: "d*ed": :func:`~carelens.text.vowels_masked`).
_WARNING_MASKED = re.compile(vowels_masked(WARNING_SIGNS), re.IGNORECASE)
#: Words one of the warning signs holds ("been me", "died", "wake", "care if", "do it",
#: "point"), read in the lower-cased text: a text with none is read no further, since most
#: hold none.
_GATE = re.compile(
    r"died|wak|wok|(?:was|were|been)\s+(?:me|the\s+one)|(?:care|mind)\s+(?:if|whether|when)"
    r"|do\s+it|point"
)


def warning_sign_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (folded and unmasked as :func:`carelens.text.unmask` reads it) holds a
    warning sign of :data:`WARNING_SIGNS`; masked words too ("d*ed") where it has a masked
    letter."""
    if MASKED_LETTER in text:
        return [found.span() for found in _WARNING_MASKED.finditer(text)]
    if _GATE.search(text.lower()) is None:
        return []
    return [found.span() for found in _WARNING.finditer(text)]

"""Warning signs told in words that no crisis cue reads, which a suggested opening must not
echo either (:data:`WARNING_SIGNS`).

The crisis patterns read "I want to die" or "everyone would be better off without me"; a seeker
may tell the same risk in plainer words: a wish to have died in someone's place ("it should have
been me", "I should've died instead of him", "I wish it was me instead", "wish i was the one
who died instead"), a plan whose act goes unnamed ("I've been planning how I'd do it for weeks
now", "thinking about how to do it without anyone noticing", "researching ways to do it
painlessly", "I know how I'd do it", "I've picked out how I'm going to do it"), a wish not to
have woken or not to wake ("I wish I hadn't woken up this morning", "woke up wishing i hadnt",
"I want to sleep and not wake up for a long time", "I dream of never waking up"), not caring
whether they die ("I wouldn't care if I got hit by a car", "I wouldn't mind if a car hit me")
and seeing no point in anything any more ("there's no point to any of it anymore", "I don't
see the point in going on", "i dont see teh point of anything"), and a plan masked to get past
a forum's filters ("gonna d* it tonight"). "It sounds like you've been
planning how you'd do it…" would echo such words as a casual reflection, so
:mod:`carelens.analysis.openings_danger` reads them as words of danger
(:func:`warning_sign_spans`). Words that only look alike are not among them: a plan with a
named act ("planning how to tell my parents"), a wish about waking early ("I wish I didn't
wake up so early") or from a dream ("I wish I hadn't woken up from that dream"), no point in
one thing ("no point going to the party if she's not coming", "I don't see the point anymore
of ironing shirts", "No point in my life has been worse"), a promotion that should have been
the seeker's ("It should have been me who got the promotion"), and the everyday things
:mod:`carelens.analysis.openings_everyday_signs` reads ("the award should have been me", "I
finally figured out how to do it!", "how to do it tonight - tell him I'm moving out"). Being
a burden is read where the
seeker states it as fact ("I'm a burden to everyone", "I've become a huge burden on him":
:mod:`carelens.analysis.openings_verdicts`); a burden they feel ("I feel like a burden to my
family", "I guess I'm a burden") is their view, which a reflection may name.
"""

from __future__ import annotations

import re

from carelens.analysis.openings_everyday_signs import everyday_sign
from carelens.text import MASKED_LETTER, vowels_masked

#: "should have", as seekers write it: "should've", "shouldve", "should of", "shoulda".
_SHOULD_HAVE = r"should(?:['\u2019]?ve|\s+have|\s+of|a)"
#: What the seeker says they should have won or been picked for, after "it should have been me
#: who" ("who got the promotion", "that won the award", "who was picked"): a thing, no death.
_WON = (
    r"(?:who|that|to)\s+(?:(?:was|got|get|gets|being)\s+)?(?:picked|chosen|promoted|hired|asked"
    r"|invited|selected|nominated|offered|cast)\b"
    r"|(?:who|that|to)\s+(?:got|get|gets|won|win|wins|received|earned|landed|gave|give|giving)"
    r"\s+(?:the|a|an|that|this|his|her|their)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:promotion|job|raise"
    r"|award|prize|part|role|lead|position|scholarship|credit|trophy|medal|title|contract|offer"
    r"|invite|invitation|solo|bonus|interview|gig|deal|recognition|praise|grant|speech|toast"
    r"|place\s+on\s+the\s+team|spot\s+on\s+the\s+team)s?\b"
)
#: A wish to have died, or that a death had been the seeker's: "it should have been me", "I
#: should've died", "I should have been the one who died", "I wish I had died", "I wish it was
#: me instead of him", "wish I was the one who died instead" (not "I wish it was me she
#: picked", "it should have been me who got the promotion": :data:`_WON`).
_WISHED_DEATH = (
    rf"\b{_SHOULD_HAVE}\s+been\s+me\b(?!\s+(?:{_WON}))"
    rf"|\b(?:{_SHOULD_HAVE}\s+been|wish(?:ed|es|ing)?\s+(?:that\s+)?(?:i|it)"
    r"(?:\s+(?:was|were|had\s+been)|['\u2019]d\s+been))"
    r"\s+the\s+one\s+(?:who|that|to)\s+(?:died|die|dies|(?:got|get|was)\s+killed)\b"
    rf"|\bi\s+(?:(?:really|honestly|just|probably|know|think|feel\s+like)\s+)*{_SHOULD_HAVE}"
    r"\s+(?:just\s+|also\s+)?died\b"
    r"|\bwish(?:ed|es)?\s+(?:that\s+)?i(?:['\u2019]?d|\s+had)?\s+(?:just\s+|also\s+)?died\b"
    r"|\bwish(?:ed|es)?\s+(?:that\s+)?it\s+(?:was|were|had\s+been|['\u2019]d\s+been)\s+me\b"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:instead|not|rather|in\s+(?:that|the|his|her|their))\b))"
)
#: A wish not to have woken, or not to wake ("I wish I hadn't woken up this morning", "i wish i
#: didnt wake up at all", "I wish I never woke up from the surgery", "woke up wishing i
#: hadnt", "I want to sleep and not wake up for a long time", "I dream of never waking up";
#: not "I wish I didn't wake up so early", "... from that dream").
_NOT_WOKEN = (
    r"\bwish(?:ed|es)?\s+(?:that\s+)?i\s+(?:had(?:n['\u2019]?t|\s+not|\s+never)|did(?:n['\u2019]?t"
    r"|\s+not)|never|would(?:n['\u2019]?t|\s+not)|could\s+(?:just\s+)?not)\s+(?:have\s+)?"
    r"(?:wake|woke|woken|waked)(?:\s+up)?"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:this\s+morning|today|that\s+(?:morning|day)|at\s+all|again"
    r"|tomorrow|anymore|ever|in\s+the\s+morning|after"
    r"|from(?!\s+(?:that|the|a|my|this|such\s+a)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:dream|nap)s?\b)"
    r")\b))"
    # "woke up wishing I hadn't", "I wake up and wish I didn't" (not "... wishing I hadn't
    # eaten so much")
    r"|\b(?:woke|wake|wakes|waking|woken)\s+up\s+(?:and\s+)?(?:wish(?:ed|es|ing)?)\s+(?:that\s+)?i"
    r"\s+(?:had(?:n['\u2019]?t|\s+not|\s+never)|hadnt|did(?:n['\u2019]?t|\s+not)|didnt|never"
    r"|would(?:n['\u2019]?t|\s+not)|wouldnt)"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:again|woken|woke|wake|waked|at\s+all|anymore)\b))"
    # "I just want to sleep and not wake up for a long time" (not "... until noon")
    r"|\b(?:sleep|rest|close\s+my\s+eyes|go\s+to\s+bed)\s+and\s+(?:just\s+)?(?:not|never)\s+"
    r"(?:wake|waking)(?:\s+up)?\b(?!\s+(?:up|until|till|til|before|early)\b)"
    # "I dream of never waking up", "thinking about not waking up" (not "... before noon")
    r"|\b(?:dream\w*|think\w*|thought|fantasi[sz]\w*|long\w*|pray\w*|hop\w*)\s+(?:of|about|for)"
    r"\s+(?:just\s+)?(?:never|not)\s+waking(?:\s+up)?\b"
    r"(?!\s+(?:until|till|til|before|early|late|on\s+time)\b)"
)
#: Not caring whether they die ("I wouldn't care if I got hit by a car", "I wouldn't mind if
#: I died", "I wouldn't mind if a car hit me").
_NOT_CARING = (
    r"\b(?:wouldn['\u2019]?t|would\s+not|don['\u2019]?t|do\s+not|dont|wouldnt)\s+"
    r"(?:even\s+|really\s+)?(?:care|mind)\s+(?:if|whether|when)\s+(?:i\s+(?:just\s+)?(?:died|die"
    r"|(?:got|get|was|were)\s+(?:hit|killed|run\s+over|shot|struck))"
    r"|(?:a|the|some)\s+(?:[\w'\u2019-]+\s+)?(?:car|bus|truck|train|lorry|van|bullet|meteor"
    r"|asteroid|lightning|plane)s?\s+(?:just\s+)?(?:hit|hits|killed|kills|ran\s+me\s+over"
    r"|runs\s+me\s+over|took\s+me\s+out|takes\s+me\s+out|struck|strikes)(?:\s+me)?)\b"
)
#: Verbs of a plan or of picturing one: "planning", "figuring out", "thinking about",
#: "researching", "looking up", "decided", "know exactly"...
_PLAN_VERBS = (
    r"plan\w*|figur\w*|work\w*\s+out|worked\s+out|think\w*|thought|research\w*|look\w*\s+up"
    r"|googl\w*|search\w*|decid\w*|know\s+exactly|already\s+know|pictur\w*|imagin\w*"
    r"|rehears\w*|read\w*\s+(?:up\s+)?(?:on|about)|pick\w*|chose|chosen|choos\w*|settled\s+on"
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
#: accident"), how long or how often it is gone over ("for weeks now", "every night", "last
#: night", "all the time", "in my head", "on reddit") and the fear of it ("and honestly it
#: scares me"); "how I'd do it differently", "how to do it with two kids", "how to do it
#: without hurting her feelings", "how I'd do it if I were you" are no plan of harm.
_PLAN_END = (
    r"(?=\s*(?:$|[.!?,;:\u2026)\u2013\u2014]|-(?:\s|$)|(?:and\s+(?:when|where|how)|painless\w*"
    r"|quick\w*|quiet\w*"
    r"|proper\w*|right|tonight|soon|today|tomorrow|this\s+(?:week|weekend|time)|next\s+\w+"
    r"|without\s+(?:[\w'\u2019]+\s+){0,2}?(?:notic\w*|know\w*|find\w*\s+out|see\w*|stopp\w*"
    r"|suspect\w*|hurt\w*(?!\s+(?:[\w'\u2019]+\s+)?feelings\b)|pain|it\s+hurting)"
    r"|so\s+(?:that\s+)?(?:no\s+one|nobody|no-one"
    r"|it\s+(?:looks|seems|doesn['\u2019]?t|won['\u2019]?t))|if(?!\s+i\s+(?:were|was)\s+you\b)"
    r"|when\s+no|where\s+no"
    r"|for\s+(?:weeks|days|months|years|ages|a\s+while|so\s+long|a\s+long\s+time|(?:a\s+few|several"
    r"|many|two|three|\d+)\s+(?:days|weeks|months|years))|lately|constantly"
    r"|all\s+the\s+time|every\s+(?:single\s+)?(?:night|day|morning|time)|(?:last|at)\s+night"
    r"|over\s+and\s+over|in\s+my\s+head|in\s+detail|step\s+by\s+step"
    # where it was looked up, last ("on reddit"; not "on youtube and fixed the sink")
    r"|(?:online|(?:on|in)\s+(?:reddit|google|forums?|tiktok|youtube|the\s+(?:internet|forums?)))"
    r"(?=\s*(?:$|[.!?,;:\u2026]))"
    r"|and\s+(?:(?:honestly|tbh|really|it|that|this)\s+)*(?:scares|terrifies|frightens|freaks)"
    r"|and\s+(?:i['\u2019]?m|i\s+am|im)\s+(?:(?:so|really|honestly|kind\s+of|kinda)\s+)*"
    r"(?:scared|terrified|afraid|frightened|calm|ready))\b))"
)
#: How, when or where the seeker would do it, after "know" ("I know how I'd do it"; not "I
#: know how to do it", a skill).
_OWN_WAYS = (
    r"(?:how|when|where)\s+(?:exactly\s+)?(?:i['\u2019]?d|id|i\s+would|i['\u2019]?ll|ill|i\s+will"
    r"|i['\u2019]?m\s+(?:going\s+to|gonna)|im\s+(?:going\s+to|gonna)|i\s+am\s+(?:going\s+to|gonna))"
)
_PLAN = (
    rf"\b(?:(?:{_PLAN_VERBS})\s+(?:(?:about|of|out|over|up|on|exactly|already|a\s+lot|lately"
    rf"|seriously|really|just|carefully)\s+){{0,3}}(?:{_WAYS})"
    rf"|kn[eo]w\s+(?:(?:exactly|already|now|just)\s+)?(?:{_OWN_WAYS}))\s+"
    r"(?:(?:actually|finally|really|just|even)\s+)?do\s+it\b" + _PLAN_END
)
#: What a sign of no point may name after "anymore" ("I don't see the point anymore in
#: living"; not "... anymore of ironing shirts").
_POINTLESS = (
    r"living|going\s+on|carrying\s+on|being\s+(?:alive|here)|existing|my\s+life|life|any\s+of"
    r"|anything|it\s+all|everything|trying|me"
)
#: No point in anything any more ("there's no point to any of it anymore", "I don't see the
#: point of anything anymore", "no point in going on", "no point trying anymore"; not "no point
#: going to the party", "I finally see the point of it all now", "at no point in my life").
_NO_POINT = (
    r"(?<!\bat\s)\b(?:no|any|(?:(?:do|ca|did|could)n['\u2019]?t|dont|cant|didnt|couldnt|cannot"
    r"|never|(?:do|can|did|could)\s+not)\s+(?:\w+\s+)?(?:see|find|get)\s+(?:the|teh|a|any)"
    r"|what['\u2019]?s\s+the|whats\s+the|what\s+is\s+the)\s+point\s+"
    # "no point in my life has been worse" is a moment of it
    r"(?:(?:(?:to|in|of)\s+)?(?:living|going\s+on|carrying\s+on|being\s+(?:alive|here)"
    r"|existing|my\s+life|life)\b(?!\s+(?:has|had|have|was|is|will|would|could|ever|felt"
    r"|seemed)\b)"
    r"|(?:(?:to|in|of)\s+)?(?:any\s+of\s+(?:it|this)|anything|it\s+all|everything|trying|me)"
    r"(?=\s*(?:$|[.!?,;\u2026]|(?:anymore|any\s+more|at\s+all|now|really|honestly)\b))"
    # "I don't see the point anymore" (not "... anymore of ironing shirts")
    rf"|(?:anymore|any\s+more)\b(?!\s+(?:of|in|to|for)\s+(?!(?:{_POINTLESS})\b)))"
)
#: A plan masked to get past a forum's filters: "do" with its vowel starred ("gonna d* it
#: tonight", "I'll d*it soon", "thinking about d*ing it"), which no one masks but to hide
#: the act it stands for; "d*** it" ("damn it") and "d*mn it" are swearing.
_MASKED_DO = rf"\bd[*{MASKED_LETTER}](?:ing)?\s*it\b"
#: The warning signs, one alternation.
WARNING_SIGNS = "|".join((_WISHED_DEATH, _NOT_WOKEN, _NOT_CARING, _PLAN, _NO_POINT, _MASKED_DO))
_WARNING = re.compile(WARNING_SIGNS, re.IGNORECASE)
#: :data:`WARNING_SIGNS` with a masked letter for any vowel ("it should have been m*",
#: "d*ed": :func:`~carelens.text.vowels_masked`).
_WARNING_MASKED = re.compile(vowels_masked(WARNING_SIGNS), re.IGNORECASE)
#: Words one of the warning signs holds ("been me", "died", "wake", "care if", "do it",
#: "point"), read in the lower-cased text: a text with none is read no further, since most
#: hold none.
_GATE = re.compile(
    r"died|wak|wok|(?:was|were|been)\s+(?:me|the\s+one)|(?:care|mind)\s+(?:if|whether|when)"
    r"|do\s+it|point|d\*"
)


def warning_sign_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (folded and unmasked as :func:`carelens.text.unmask` reads it) holds a
    warning sign of :data:`WARNING_SIGNS`; masked words too ("d*ed") where it has a masked
    letter. None that tells of an everyday thing
    (:func:`~carelens.analysis.openings_everyday_signs.everyday_sign`: "honestly the award
    should have been me", "I finally figured out how to do it!")."""
    return [span for span, everyday in _signs(text) if not everyday]


def look_alike_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``, read as :func:`warning_sign_spans` reads it, holds the words of a
    warning sign that tell of an everyday thing ("I finally figured out how to do it!")."""
    return [span for span, everyday in _signs(text) if everyday]


def _signs(text: str) -> list[tuple[tuple[int, int], bool]]:
    """The spans of :data:`WARNING_SIGNS` in ``text``, each with whether it tells of an
    everyday thing (:func:`~carelens.analysis.openings_everyday_signs.everyday_sign`)."""
    if MASKED_LETTER in text:
        found = _WARNING_MASKED.finditer(text)
    elif _GATE.search(text.lower()) is None:
        return []
    else:
        found = _WARNING.finditer(text)
    return [(sign.span(), everyday_sign(text, *sign.span())) for sign in found]

"""Words of a helper's reply that show contempt for what the seeker told or did: blaming
questions, condescension and a shrug.

A question can blame instead of asking: "Why would you put your savings into crypto??",
"What were you thinking?", "Did you really think you'd pass without going to class?", "How
could you be so careless?", "What's wrong with you?", or doubts and mocks what they believed
or missed ("you genuinely never noticed twenty grand going missing?", "Were you honestly already
planning the wedding?", "or do you just prefer moaning about her online?", "So why exactly are
you still with him?", "Did nobody ever tell you ...?", "Have you ever stopped to wonder why
they didn't invite you?", "..., right? Right?"). The codebook counts such hostile or
rhetorical questions as no exploration, and the blame in them as dismissal. So does
condescension about what they struggle with ("Just set more alarms. Not that hard.", "it's
not rocket science", "How hard is it?", "it's literally that easy lmao", "Speak English.
Simple.", "I don't know why people your age make such a fuss about technology") and a shrug
at it ("Meh, happens to everyone", "meh, you'll live"). :func:`contempt_spans` finds them
for :mod:`carelens.analysis.rules`, which reads them as it reads the codebook's minimising
phrases (raising ``dismissive``, and not where a negation or a report comes before them).
Not contempt: a question that challenges the seeker's self-criticism ("Why would you think
you're a burden?", "Why would you blame yourself?", "Did you really think it was your
fault?", "Why are you even apologising?"; but "Why would you put yourself in that
situation?" blames), one that asks what led them there ("What made you decide to invest?",
"Had you been planning to tell them, or did you just find out?", "Do you want advice, or do
you just want to vent?"),
encouragement about a step ("It's not that hard to ask, people want to help"), plain words
about ease ("Keep it simple.", "It's simple to set up, I'll show you") nor comfort ("It
happens to the best of us, don't beat yourself up").
"""

from __future__ import annotations

import re

#: Verbs and words after "why would you" that make it a challenge to the seeker's view of
#: themselves, no blame ("Why would you think you're a burden?", "why would you blame
#: yourself?", "Why would you deserve that?").
_KIND_WHY = (
    r"(?:think|feel|believe|blame|hate|say\s+that\s+about|call\s+yourself|consider|see\s+yourself"
    r"|be\s+(?:ashamed|sorry|embarrassed|a\s+burden)|deserve|need|want|have\s+to|worry|care"
    r"|apologi[sz]e|doubt|beat|punish)\b"
)
#: Self-criticism a rhetorical question may challenge ("Did you really think it was your
#: fault?"): such a question comforts.
_SELF_CRITICISM = re.compile(
    r"\b(?:fault|yourself|deserved?|burden|worthless|failure|unlovable|enough|ugly|stupid)\b",
    re.IGNORECASE,
)
#: Where "yourself" is the seeker put in harm's way, not criticised ("Why would you put
#: yourself in that situation?"): no self-criticism for :data:`_SELF_CRITICISM` to find.
_EXPOSED = re.compile(r"\b(?:put|get|got|let|place)\s+yourself\s+(?:in|into|through)\b", re.I)
_CONTEMPT = (
    # "Why would you put your savings into crypto??", "why on earth did you lend him money?"
    r"\bwhy\s+(?:(?:on\s+earth|the\s+hell|tf|in\s+the\s+world|the\s+heck|the\s+fuck)\s+"
    r"(?:would|did|do)|would)\s+(?:you|u)\s+(?:ever\s+|even\s+)?(?!" + _KIND_WHY + r")"
    r"[a-z]+\b[^.!?\n]*\?"
    r"|\bwhy\s+(?:did|do)\s+(?:you|u)\s+(?:ever\s+|even\s+)?(?!" + _KIND_WHY + r")[a-z]+\b"
    r"[^.!?\n]*\?{2,}",
    # "What were you thinking?", "what did you honestly expect"
    r"\bwhat\s+(?:the\s+hell\s+|on\s+earth\s+|tf\s+)?were\s+(?:you|u)\s+thinking\b",
    r"\bwhat\s+did\s+(?:you|u)\s+(?:honestly|really|seriously|even)\s+expect\b",
    # "Did you really think you'd pass without going to class?"
    r"\bdid\s+(?:you|u)\s+(?:really|honestly|seriously|actually)\s+(?:think|expect|believe)\b"
    r"(?!\s+(?:about|of|through)\b)[^.!?\n]*\?",
    # disbelief at what they believed or missed: "you handed three grand to him and honestly
    # thought you'd see it again?", "you genuinely never noticed twenty grand going missing?",
    # "Were you honestly already planning the wedding?", "Did you think the language would
    # just download into your head?"
    r"\b(?:you|u|and)\s+(?:honestly|really|genuinely|actually|seriously|truly)\s+(?:thought"
    r"|believed"
    r"|expected|never\s+(?:noticed|saw|realised|realized|thought|suspected))\b[^.!?\n]*\?",
    r"\b(?:were|are)\s+(?:you|u)\s+(?:honestly|really|seriously|genuinely|actually)\s+(?:already"
    r"|expecting|planning|hoping|surprised|shocked)\b[^.!?\n]*\?",
    r"\bdid\s+(?:you|u)\s+(?:(?:honestly|genuinely|seriously)\s+)?(?:think|expect|believe)\s+"
    r"(?:(?:that\s+)?(?:the|it|that|this|he|she|they|a|an|your"
    r"|some)\b)[^.!?\n]*\bjust\b[^.!?\n]*\?",
    # "or do you just prefer moaning about her online?", "Or is it just everyone else's
    # fault?", "or were you just hoping they wouldn't check?"
    r"\bor\s+(?:(?:do|did|were|are|have|would)\s+(?:you|u)\s+)?(?:just|simply)\s+(?:prefer|enjoy"
    r"|love"
    r"|like\s+(?:moaning|complaining|being)|hop(?:e|ed|ing)|assum\w*|expect\w*|wing|ignor\w*"
    r"|not\s+bother\w*|forg[eo]t|moan\w*|complain\w*|blam\w*|thought|think|believ\w*|pretend\w*"
    r"|figur\w*)\b[^.!?\n]*\?"
    r"|\bor\s+is\s+it\s+just\s+(?:everyone|everybody|other\s+people|them|a\s+habit)\b[^.!?\n]*\?",
    # "So why exactly are you still with him?", "Why are you even going to work drinks ...?"
    r"\bwhy\s+(?:exactly\s+(?:are|were|do|did|would)\s+(?:you|u)|(?:are|were|do)\s+(?:you|u)"
    r"\s+even)\s+(?!" + _KIND_WHY + r"|apologi|sorry|blaming|worrying|feeling|thinking)[a-z]+\b"
    r"[^.!?\n]*\?",
    # "Did nobody ever tell you not to put money into magic internet coins?"
    r"\bdid\s+(?:nobody|no\s*one|anyone)\s+(?:ever\s+)?(?:tell|warn|teach)\s+(?:you"
    r"|u)\b[^.!?\n]*\?",
    # "What exactly were you expecting from a rescue?"
    r"\bwhat\s+exactly\s+(?:were|are|did)\s+(?:you|u)\s+(?:expecting|expect)\b",
    # "Have you ever stopped to wonder why they didn't invite you?", "Have you considered that
    # maybe it IS just anxiety?"
    r"\bhave\s+(?:you|u)\s+(?:ever\s+)?stopped\s+to\s+(?:wonder|think|consider|ask\s+yourself)\b"
    r"[^.!?\n]*\?",
    # ... where the question says it is in their head or their doing ("Have you considered it
    # might be partly in your head?"; not "Have you considered that maybe you say sorry when
    # you mean thank you?")
    r"\bhave\s+(?:you|u)\s+(?:ever\s+)?(?:considered|thought)\s+(?:that\s+)?(?:maybe|it\s+might"
    r"|you\s+might)\b[^.!?\n]*\b(?:just|in\s+your\s+head|your\s+(?:own\s+)?(?:fault|doing)"
    r"|you['\u2019]?re\s+the\s+(?:one|problem))\b[^.!?\n]*\?",
    # "Are you sure it wasn't just that they realised they could manage without you?"
    r"\bare\s+(?:you|u)\s+sure\s+it\s+(?:wasn['\u2019]?t|isn['\u2019]?t|was\s+not|is\s+not)"
    r"\s+just\b[^.!?\n]*\?",
    # "You did take photos at check-in like everyone says to, right? Right?", "Do you enjoy
    # being made a fool of?", "And you're only noticing now?"
    r"\bright\s*\?\s*right\s*\?",
    r"\bdo\s+(?:you|u)\s+(?:enjoy|like)\s+being\s+(?:made\s+a\s+fool|taken\s+for\s+a\s+ride"
    r"|walked\s+all\s+over|a\s+doormat|used|lied\s+to|cheated\s+on)\b[^.!?\n]*\?",
    r"\b(?:you|u)['\u2019]?re\s+only\s+(?:(?:just\s+)?(?:noticing|realising|realizing|finding\s+out"
    r"|figuring\s+(?:it|that|this)\s+out|seeing))\b[^.!?\n]*\?",
    # "How could you be so careless?", "how could you not see it coming"
    r"\bhow\s+could\s+(?:you|u)\s+(?:(?:be|have\s+been)\s+so\s+(?:stupid|dumb|careless|naive"
    r"|gullible|irresponsible|blind|selfish|reckless|lazy)|not\s+(?:know|see|notice|realize"
    r"|realise|have\s+known))\b",
    # "What's wrong with you?", "are you stupid?"
    r"\bwhat['\u2019]?s\s+wrong\s+with\s+(?:you|u)\b(?=\s*\?)",
    r"\b(?:are|r)\s+(?:you|u)\s+(?:stupid|dumb|an\s+idiot|a\s+moron|insane)\b(?=\s*\?)",
    # condescension: "Not that hard.", "It's really not that hard.", "How hard is it?"
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:it|that|this)(?:['\u2019]s|\s+is|s)\s+|its\s+)?"
    r"(?:(?:really|honestly|literally|seriously|just)\s+)?not\s+(?:that|so|very|exactly)\s+"
    r"(?:hard|difficult|complicated|complex)(?=\s*(?:lol|lmao|tbh|man|dude|bro)?\s*(?:[.!?,;:\n]"
    r"|$))",
    r"\bnot\s+rocket\s+science\b",
    r"\bhow\s+hard\s+(?:is\s+(?:it|that)|can\s+(?:it|that)\s+be|could\s+(?:it|that)\s+be)"
    r"(?=\s*(?:[.!?,;:\n]|$))",
    # "It's that simple." (not "It's that simple, isn't it? That's what makes it so wretched")
    r"\b(?:it['\u2019]?s|it\s+is)\s+(?:(?:really|literally|just)\s+)?(?:that|so)\s+(?:simple|easy)"
    r"(?=\s*(?:lol|lmao|lmfao|haha+|tbh)?\s*(?:[.!\n]|$))|\b(?:simple|easy)\s+as\s+that\b",
    # "Simple." as a sentence of its own after advice
    r"(?<=[.!?]\s)\s*simple(?:s|\s+as)?(?=\s*(?:[.!\n]|$))",
    # "I don't know why people your age make such a fuss about technology"
    r"\b(?:don't|do\s+not|dunno|can't|cannot)\s+(?:know|see|get|understand)\s+why\s+(?:you|u"
    r"|people\s+(?:your\s+age|like\s+you)|your\s+generation|you\s+(?:lot|guys|people))\s+"
    r"(?:always\s+|even\s+)?(?:make|makes|made|making|are\s+making)\s+(?:such\s+"
    r"|so\s+much\s+of\s+)?"
    r"a\s+(?:fuss|big\s+deal|drama|song\s+and\s+dance)\b[^.!?\n]*",
    # a shrug: "Meh, happens to everyone", "pfft, you'll live", or "meh." alone
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:meh|pfft+|psh+)[\s,.!-]+(?:(?:it\s+)?happens(?:\s+to\s+"
    r"(?:every(?:one|body)|all\s+of\s+us|the\s+best\s+of\s+us))?|(?:that['\u2019]?s|such\s+is)"
    r"\s+life|life\s+goes\s+on|(?:you['\u2019]ll|you\s+will)\s+(?:live|survive|get\s+over\s+it)"
    r"|so\s+what|whatever|big\s+deal|who\s+cares|moving\s+on)(?=\s*(?:[.!?,;:\n]|$))",
    r"^\s*(?:meh|pfft+|psh+)(?=[\s.!]*$)",
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _CONTEMPT]
#: Words one of the patterns holds, each pattern's own: a reply with none is read no further
#: (most replies).
_GATE = re.compile(
    r"\bwhy\s+(?:on\s+earth|the\s+hell|tf|in\s+the\s+world|the\s+heck|the\s+fuck|would|did|do)\s"
    r"|\bwere\s+(?:you|u)\s+thinking|\bwhat\s+did\s+(?:you|u)\s+\w+\s+expect"
    r"|\b(?:you|u|and)\s+(?:honestly|really|genuinely|actually|seriously|truly)\s"
    r"|\b(?:were|are)\s+(?:you|u)\s+(?:honestly|really|seriously|genuinely|actually)\s"
    r"|\bdid\s+(?:you|u)\s+(?:honestly\s+|genuinely\s+|seriously\s+)?(?:think|expect|believe)\s"
    r"|\bor\s+(?:(?:do|did|were|are|have|would|is)\s+(?:you|u|it)\s+)?(?:just|simply)\s"
    r"|\bwhy\s+(?:exactly|are|were|do|did)\s|\bdid\s+(?:nobody|no\s*one|anyone)\s"
    r"|\bwhat\s+exactly\s|\bhave\s+(?:you|u)\s+(?:ever\s+)?(?:stopped|considered|thought)\s"
    r"|\bare\s+(?:you|u)\s+sure\s|\bright\s*\?"
    r"|\bdo\s+(?:you|u)\s+(?:enjoy|like)\s+being\s|re\s+only\s"
    r"|\bdid\s+(?:you|u)\s+(?:really|honestly|seriously|actually)\s|\bhow\s+could\s+(?:you|u)\s"
    r"|\bwrong\s+with\s+(?:you|u)\b|\b(?:are|r)\s+(?:you|u)\s+(?:stupid|dumb|an\s+idiot|a\s+moron"
    r"|insane)|\bnot\s+(?:that|so|very|exactly|rocket)\s|\bhow\s+hard\s|\b(?:that|so)\s+(?:simple"
    r"|easy)|\b(?:simple|easy)\s+as\s+that|\b(?:meh|pfft+|psh+)\b|[.!?]\s+simple|\bwhy\s",
)


def contempt_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each stretch of ``response`` that blames, condescends or shrugs
    (:data:`_CONTEMPT`), leading white space left out; a question that challenges the
    seeker's self-criticism (:data:`_SELF_CRITICISM`: "Did you really think it was your
    fault?") is none."""
    if _GATE.search(response.lower()) is None:  # lower-cased: faster than IGNORECASE
        return []
    found: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(response):
            words = match.group(0)
            if words.rstrip().endswith("?") and _SELF_CRITICISM.search(_EXPOSED.sub(" ", words)):
                continue
            start = match.start() + len(words) - len(words.lstrip())
            if match.end() > start:
                found.append((start, match.end()))
    return sorted(found)

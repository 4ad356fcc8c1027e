"""A helper's doubt of the seeker's trouble, as if it were an excuse: sarcasm that mocks them.

"Ah yes, another handy flare-up right when there's a party.", "Oh sure, the classic migraine
just in time for the deadline.", "How convenient.", "Likely story.", "your back always seems to
go right when something needs doing" say that what the seeker told (an illness, a mishap, a
cancelled plan) is made up or made use of: the codebook's dismissal, though the words may look
like shared exasperation. :func:`doubted_excuse` finds such a doubt for
:func:`carelens.analysis.reply_sarcasm.sarcasm` where the reply means no sorrow beside it
(:data:`_SINCERE`): "Oh great, another flare right before the party? That's so unfair, I'm
sorry." shares the seeker's exasperation at the illness, and "How convenient for him." is
outrage at someone else (:mod:`carelens.analysis.reply_remarks`), neither of which counts.
Given the seeker's message, their own word for the trouble said back flat with a knowing
"right" at the reply's start ("Burnt out, right." to "I think I'm burnt out") doubts it too,
unless warm words follow ("Burnt out, right? That makes sense after the year you've had").
"""

from __future__ import annotations

import re

#: A knowing "yes" before their trouble told as the timely one again: "Ah yes, another
#: flare-up right when there's a party", "Oh sure, the classic migraine just in time for the
#: deadline", "Oh great, another cold right before your exams".
_TIMELY_AGAIN = re.compile(
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:ah+|oh+|well|hmm+)[\s,]+)?(?:yes|yeah|yep|sure|right|great"
    r"|perfect|of\s+course)[\s,!.]+(?:another|yet\s+another|the\s+(?:good\s+)?(?:old|classic"
    r"|usual|famous|ol'?|trusty|same))\b[^.!?\n]*?(?:\b(?:right|just|conveniently|always"
    r"|exactly|only)\s+(?:when|before|as|in\s+time|on\s+(?:the\s+)?(?:day|night|weekend)\b)"
    r"|\bin\s+time\s+for\b)[^.!?\n]*",
    re.IGNORECASE,
)
#: Their trouble called timely or handy: "another handy flare-up", "a very convenient
#: migraine", "such convenient timing", "conveniently right before the party"; not a handy
#: thing ("a handy tip", "a convenient time to talk") nor outrage at someone else ("such
#: convenient timing for him").
_HANDY = re.compile(
    r"\b(?:another|such\s+a|such|a|an|your)\s+(?:(?:very|rather|suspiciously|super|oh\s+so|so"
    r"|awfully|mighty)\s+)?(?:handy|convenient|timely|well[\s-]timed|perfectly[\s-]timed)\s+"
    r"(?!(?:tips?|tricks?|hints?|guides?|links?|apps?|tools?|ideas?|options?|resources?|lists?"
    r"|times?|ways?|place|location|spot|reminders?|number|contact)\b)[\w-]+"
    r"(?!\s+(?:for|of|from)\s+(?:him|her|them|his|their))"
    r"|\bconveniently\s+(?:\w+\s+){0,3}?(?:right|just|always|only)\s+(?:when|before|as)\b"
    r"[^.!?\n]*",
    re.IGNORECASE,
)
#: A doubt said in a few words, as a clause of its own: "How convenient.", "Convenient
#: timing.", "Likely story.", "Sure, Jan.", "Riiight."; not "How convenient for him".
_SAID_SHORT = re.compile(
    r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?:oh|ah|well|hmm+|wow)[\s,]+)?(?:how\s+(?:very\s+)?convenient"
    r"|(?:very|rather|awfully|so|real)\s+convenient|convenient\s+timing|(?:a\s+)?likely\s+story"
    r"|sure,?\s+jan|su+u+re|ri+i+ght|(?:(?:what\s+an?|such\s+an?|an?(?:\s+very)?)\s+)?(?:convenient"
    r"|handy)\s+excuse)(?:\s+(?:there|lol|lmao|haha|/s))?(?=\s*(?:[.!?,;:\n]|$))",
    re.IGNORECASE,
)
#: Their trouble said to strike whenever a duty is due: "your back always seems to go right
#: when something needs doing", "funny how your migraines only come on when it's your turn"
#: (not "... come on when you're stressed": a pattern noticed with them).
_ALWAYS_WHEN = re.compile(
    r"\b(?:your|ur)\s+(?:[\w'-]+\s+){1,2}?(?:always|conveniently|somehow|only|never\s+fails\s+to)"
    r"\s+(?:seems?\s+to\s+|seem\s+to\s+|manages?\s+to\s+)?(?:goes?|go|flares?(?:\s+up)?|plays?\s+up"
    r"|acts?\s+up|kicks?\s+in|starts?|hurts?|comes?\s+on|come\s+on|gets?\s+worse|appears?"
    r"|breaks?(?:\s+down)?)\s+(?:right\s+|just\s+|exactly\s+)?(?:when|before|as\s+soon\s+as)\s+"
    r"(?:something|anything|there's\s+(?:something|work|a\s+job|cleaning|washing)|it's\s+your"
    r"\s+turn|you(?:'re|\s+are)\s+(?:needed|asked)|I\s+need|we\s+need|(?:the\s+)?(?:work|chores"
    r"|housework|washing|cleaning|bins|dishes|shopping|moving|lifting)\b)[^.!?\n]*",
    re.IGNORECASE,
)
#: Their own word for their trouble said back flat with a knowing "right": "Burnt out,
#: right.", "Depressed, sure.", "Stressed, yeah right." at the reply's start (not "Burnt
#: out, right?", a check that asks).
_ECHOED = re.compile(
    r"\s*(?:(?:oh|ah|so|hmm+)[\s,]+)?(?P<echo>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}),?\s+"
    r"(?:right|sure|yeah\s+right|okay\s+then|ok\s+then|uh[\s-]?huh)\s*(?:\.+|\u2026)(?=\s|$)",
    re.IGNORECASE,
)
#: Words that are no echo of the seeker's trouble ("Okay, right.", "So, sure.").
_NO_ECHO = re.compile(
    r"(?:ok(?:ay)?|yeah|yes|yep|right|alright|all|so|well|oh|ah|i|you|that|this|it|and|but|um"
    r"|hmm|sure)",
    re.IGNORECASE,
)
#: Warmth that makes an echo an acknowledgement ("Burnt out, right. That makes so much sense
#: after two years of caring, I'm sorry").
_ECHO_KIND = re.compile(
    r"\b(?:sorry|hugs?|here\s+for\s+you|not\s+your\s+fault|valid|makes\s+(?:so\s+much\s+)?sense"
    r"|I\s+(?:get|understand)\s+(?:it|that|why)|no\s+wonder|of\s+course\s+you)\b",
    re.IGNORECASE,
)
#: Sorrow or warmth meant beside the doubt words, which makes them shared exasperation
#: ("... That's so unfair, I'm sorry"); a condolence for a lost night out is no such sorrow.
_SINCERE = re.compile(
    r"\b(?:sorry(?!\s+(?:for|about)\s+(?:the|your|ur)\s+loss\s+of)|unfair|sucks|rough|awful"
    r"|horrible|hate\s+(?:that|this|it|when)|frustrat\w*|exhaust\w*|must\s+(?:be|feel|have)"
    r"|hope|hugs?|hard|gutted|disappoint\w*|I\s+know\s+(?:how|the\s+feeling)|me\s+too"
    r"|been\s+there|rest\s+up|feel\s+better|take\s+care|(?:here|there)\s+for\s+you|valid"
    r"|not\s+your\s+fault)\b",
    re.IGNORECASE,
)


def doubted_excuse(response: str, seeker: str = "") -> tuple[int, int] | None:
    """Start and end of the first doubt of the seeker's trouble in ``response``: their
    trouble told as the timely one again (:data:`_TIMELY_AGAIN`), called handy
    (:data:`_HANDY`), said to strike when a duty is due (:data:`_ALWAYS_WHEN`) or doubted in
    a few words (:data:`_SAID_SHORT`), in a reply that means no sorrow beside it
    (:data:`_SINCERE`), or the ``seeker``'s own word for it said back with a knowing "right"
    (:func:`_echoed`); None without."""
    text = response.replace("\u2019", "'")
    echoed = _echoed(text, seeker)
    if echoed is not None:
        return echoed
    if _SINCERE.search(text) is not None:
        return None
    found = [
        match
        for pattern in (_TIMELY_AGAIN, _HANDY, _ALWAYS_WHEN, _SAID_SHORT)
        if (match := pattern.search(text)) is not None
    ]
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    words = first.group(0)
    start = first.start() + len(words) - len(words.lstrip())
    return start, start + len(words.strip())


def _echoed(text: str, seeker: str) -> tuple[int, int] | None:
    """Where ``text`` (a reply) opens with words of the ``seeker``'s message said back with a
    knowing "right" (:data:`_ECHOED`, not mere fillers: :data:`_NO_ECHO`) and means no warmth
    beside them (:data:`_ECHO_KIND`); None without."""
    match = _ECHOED.match(text)
    if match is None or not seeker or _ECHO_KIND.search(text) is not None:
        return None
    echo = match.group("echo")
    if all(_NO_ECHO.fullmatch(word) for word in echo.split()):
        return None
    told = seeker.replace("\u2019", "'")
    if re.search(r"\b" + r"\s+".join(map(re.escape, echo.split())) + r"\b", told, re.I) is None:
        return None
    start = match.start("echo")
    return start, match.end()

"""A helper's doubt of the seeker's trouble, as if it were an excuse: sarcasm that mocks them.

"Ah yes, another handy flare-up right when there's a party.", "Oh sure, the classic migraine
just in time for the deadline.", "How convenient.", "Likely story." say that what the seeker
told (an illness, a mishap, a cancelled plan) is made up or made use of: the codebook's
dismissal, though the words may look like shared exasperation. :func:`doubted_excuse` finds
such a doubt for :func:`carelens.analysis.reply_sarcasm.sarcasm` where the reply means no
sorrow beside it (:data:`_SINCERE`): "Oh great, another flare right before the party? That's
so unfair, I'm sorry." shares the seeker's exasperation at the illness, and "How convenient
for him." is outrage at someone else (:mod:`carelens.analysis.reply_remarks`), neither of
which counts.
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


def doubted_excuse(response: str) -> tuple[int, int] | None:
    """Start and end of the first doubt of the seeker's trouble in ``response``: their
    trouble told as the timely one again (:data:`_TIMELY_AGAIN`), called handy
    (:data:`_HANDY`) or doubted in a few words (:data:`_SAID_SHORT`), in a reply that means
    no sorrow beside it (:data:`_SINCERE`); None without."""
    text = response.replace("\u2019", "'")
    if _SINCERE.search(text) is not None:
        return None
    found = [
        match
        for pattern in (_TIMELY_AGAIN, _HANDY, _SAID_SHORT)
        if (match := pattern.search(text)) is not None
    ]
    if not found:
        return None
    first = min(found, key=lambda match: match.start())
    words = first.group(0)
    start = first.start() + len(words) - len(words.lstrip())
    return start, start + len(words.strip())

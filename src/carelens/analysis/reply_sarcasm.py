"""A helper's sarcastic remark on what the seeker told: mockery dressed as a remark.

"What a surprise.", "How original.", "Shocker.", "Who would have thought", "Boo hoo" and
"Cry me a river" make light of what the seeker told: the codebook's dismissal, though they
look like the remarks of sympathy :mod:`carelens.analysis.reply_remarks` reads ("How sad.",
"How dare he."). :func:`sarcasm` finds the first clause that is such a remark and nothing
more, for :mod:`carelens.analysis.feedback` to quote as judging. A feigned surprise ("What
a surprise!", "How original!") is sincere to good news ("I got engaged!"), so it counts only
where the message tells no glad news (nor an achievement: "I aced my calc final", "my
band's first gig went amazing"), said flat (not "What a surprise!") and beside no glad words
or praise ("I'm so happy for you", "you crushed it", "You did it!", "😄"); mockery ("Boo
hoo") counts always.
These are word rules: sarcasm in other words ("Oh great, another breakup story") is left to
the model's dismissive score.
"""

from __future__ import annotations

import re

from carelens.analysis.reply_remarks import CLAUSE_END
from carelens.analysis.words import WORD

#: Interjections and openers that may come before a sarcastic remark in its clause.
_OPENERS = r"\s*(?:(?:oh|wow|well|gee|gosh|yeah|and|so|lol|lmao|haha)\s+)*"
#: Surprise or praise feigned at what they told: sarcasm unless the news is glad.
_FEIGNED = re.compile(
    _OPENERS + r"(?:(?:what|such)\s+an?\s+(?:big\s+|huge\s+|total\s+)?(?:surprise|shocker)"
    r"|(?:big|huge)\s+surprise(?:\s+there)?|shocker|how\s+(?:very\s+|so\s+)?(?:original"
    r"|unexpected|surprising|unique)"
    r"|(?:colou?r|call)\s+me\s+(?:surprised|shocked)"
    r"|who\s+(?:would|could)(?:['\u2019]?ve|\s+have|a)?\s+(?:thought|guessed|known"
    r"|seen\s+(?:that|this|it)\s+coming))\s*(?:lol|lmao|haha)?\s*",
    re.IGNORECASE,
)
#: Glad words in a reply that make a feigned surprise in it sincere ("What a surprise, I'm
#: so happy for you").
_GLAD = re.compile(
    r"\b(?:congrat\w*|happy\s+for\s+you|so\s+happy|proud\s+of\s+you|amazing|wonderful"
    r"|awesome|fantastic|well\s+done"
    # praise of what they did: "you crushed it", "You did it!" (not "you did it again")
    r"|(?:you|u)\s+(?:crushed|nailed|aced|smashed|killed|rocked)\s+it"
    r"|(?:you|u)\s+did\s+it\b(?!\s+again)|told\s+(?:you|ya)\b(?!\s+so)"
    r"|of\s+course\s+(?:it|you|they|she|he)\s+(?:did|were|was|are|is)\b(?=\s*\W*\s*(?:"
    r"[\U0001F600-\U0001F60F\U0001F389\U0001F973\u2764]|!)))"
    r"|[\U0001F600-\U0001F60F\U0001F389\U0001F973\u2764]",
    re.IGNORECASE,
)
#: Words of glad news in the seeker's message, to which a surprise may be sincere ("I got
#: engaged!", "I'm pregnant", "I got the job").
_GLAD_NEWS = re.compile(
    r"\b(?:happy|excited|thrilled|glad|proud|engaged|pregnant|promot\w*|accepted|won|passed"
    r"|married|got\s+(?:the|a|my|into)|hired|finally|yay|woo+h?o+|best\s+day"
    # what the seeker achieved: "I aced my calc final", "I ran my first 10k", "my band's
    # first gig went amazing", "I did it"
    r"|aced|nailed|crushed|finished|completed|graduated|ran\s+(?:my|a|the|\d)"
    r"|went\s+(?:(?:so|really|super)\s+)?(?:amazing|amazingly|great|well|perfectly|brilliantly"
    r"|fine|awesome)|(?:my|our|[a-z]+['\u2019]s)\s+first|did\s+it)\b",
    re.IGNORECASE,
)
#: Mockery of their sorrow, whatever they told.
_MOCKING = re.compile(
    _OPENERS + r"(?:boo+\s*-?\s*hoo+|cry\s+me\s+a\s+river|(?:wah|waa)+h*"
    r"|(?:get\s+)?the\s+world['\u2019]?s\s+smallest\s+violin)\s*(?:lol|lmao|haha)?\s*",
    re.IGNORECASE,
)
#: The words without one of which no clause is sarcasm (:func:`sarcasm` reads no further).
_TRIGGERS = frozenset([
    "surprise", "shocker", "original", "unexpected", "surprising", "unique", "surprised",
    "shocked", "thought", "guessed", "known", "coming", "boo", "hoo", "river", "violin",
    "wah", "waah", "waa",
])  # fmt: skip


def sarcasm(response: str, seeker: str) -> tuple[int, int] | None:
    """Start and end of the first clause of ``response`` that is a sarcastic remark and
    nothing more, None without one: mockery (:data:`_MOCKING`: "Boo hoo", "Cry me a
    river"), or feigned surprise or praise (:data:`_FEIGNED`: "What a surprise.", "How
    original.", "Shocker", "Who would have thought") said flat, beside no glad words
    (:data:`_GLAD`) and where the ``seeker``'s message tells no glad news
    (:data:`_GLAD_NEWS`): "What a surprise, I'm so happy for you!" to "I got engaged!" is
    sincere."""
    if not any(word.lower() in _TRIGGERS for word in WORD.findall(response)):
        return None  # most replies: no word sarcasm needs
    bounds = [0]
    for mark in CLAUSE_END.finditer(response):
        bounds += [mark.start(), mark.end()]
    bounds.append(len(response))
    for start, stop in zip(bounds[::2], bounds[1::2], strict=True):
        clause = response[start:stop]
        if _MOCKING.fullmatch(clause) or (
            _FEIGNED.fullmatch(clause)
            and not response.startswith("!", stop)
            and _GLAD.search(response) is None
            and _GLAD_NEWS.search(seeker) is None
        ):
            lead = len(clause) - len(clause.lstrip())
            return start + lead, start + len(clause.rstrip())
    return None

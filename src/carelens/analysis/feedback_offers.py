"""The helper's own concrete offers of help, as the feedback credits them.

:func:`carelens.analysis.rules.offer_spans` reads offers of company and talk ("I can sit with
you", "PM me") and tasks tied to the seeker ("I'll bring dinner over"); the feedback also
credits a practical offer whose task is named another way: "I'll feed her", "Let me take the
food", "I can come Saturday with my car", "Send it over and I'll mark it up", "I'm free after
5", "I'm happy to show you how I email professors", "we could look at what to tweak", "I could
meet you there". :func:`helper_offers` finds the sentences that hold one (those
:func:`~carelens.analysis.rules.offer_spans` finds too), so the feedback quotes the offer as
the help rather than a question beside it, and does not call an offer "advice" nor "no
response" (:mod:`carelens.analysis.feedback`).

Not an offer: the same words negated, wished or grudged ("I can't come", "I wish I could
help", "I'll help if you stop whining", "fine, I'll do it"), the helper's own past ("I'll never
forget"), words of understanding ("I can imagine", "I'll be honest"), or a question that only
asks them ("Can I ask what happened?").
"""

from __future__ import annotations

import re

from carelens.analysis.rules import offer_spans
from carelens.inference.spans import sentence_ranges
from carelens.text import straight_apostrophes

#: What the helper offers to do: practical tasks and company ("help" with what follows it:
#: "I'd be happy to help." names nothing; "take a guess" is no task).
_DO = (
    r"(?:come|bring|take(?!\s+a\s+(?:wild\s+)?guess)|feed|help(?=\s+\w)|show|mark|look|read|check|sort|ring|call|drive|pick|drop"
    r"|meet|stay|sit|cover|lend|send|handle|walk|grab|cook|make|proofread|review|edit|go\s+over"
    r"|babysit|watch|mind|pack|carry|fix|pay|buy|get|set\s+up|find|research|ask|talk|listen"
    r"|keep|do|run|water|clean|collect|deal\s+with|write|put|book|arrange|organi[sz]e|phone"
    r"|practi[sc]e|rehearse|study|plan|work\s+(?:on|through|out)|figure\s+out|go\s+through"
    r"|be\s+there|swing\s+by|pop\s+(?:over|by|round))"
)
#: The helper's own offer: "I'll feed her", "I can come Saturday", "I'd be glad to help you
#: find one", "I'm happy to show you", "Let me take the food", "we could look at it", "I'm
#: free after 5", "I'm around tonight if you want to call".
_OFFER = re.compile(
    r"\b(?:i|we)(?:'ll|\s+will|\s+can|\s+could|'d\s+(?:be\s+)?(?:happy|glad|love)\s+to"
    r"|\s+would\s+(?:be\s+)?(?:happy|glad|love)\s+to"
    r"|'m\s+(?:(?:more\s+than|really|so|always)\s+)?(?:happy|glad|willing)\s+to"
    r"|\s+am\s+(?:(?:more\s+than|really|so|always)\s+)?(?:happy|glad|willing)\s+to)"
    rf"\s+(?:(?:also|totally|definitely|gladly|happily|just|still|even|absolutely)\s+)?{_DO}\b"
    rf"|(?:^|(?<=[.!?,;:\-\u2013\u2014])\s*|\band\s+|\bso\s+)let\s+(?:me|us)\s+{_DO}\b"
    r"|\bi(?:'m|\s+am)\s+(?:free|around|off|available)\s+(?:after|on|tonight|tomorrow|this|all"
    r"|from|later|saturday|sunday|monday|tuesday|wednesday|thursday|friday|if|whenever|any)\b",
    re.IGNORECASE,
)
#: Words before the offer in its clause that undo it: a negation, a wish.
_UNDONE = re.compile(
    r"(?:\bnot|n't|\bnever|\bwish|\bwished|\bwhy\s+(?:would|should)|\bno\s+way)\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
#: Words in or right after an offer's sentence that grudge it: a condition set on the seeker
#: ("if you stop whining", "if you actually try"), "fine,", "I guess", "this is the last time",
#: "don't expect", "you owe me", a jab at others ("since apparently nobody else can be
#: bothered").
_GRUDGED = re.compile(
    r"\bif\s+you\s+(?:(?:would|could|can)\s+)?(?:stop|quit|actually|finally|bother|promise"
    r"|pay|owe|stopped|quit)|\b(?:this\s+is\s+the|for\s+the)\s+last\s+time\b|\blast\s+time\s+(?:you|i\s+(?:did|helped))\b|\bthis\s+once\b|\b(?:don't|do\s+not)\s+"
    r"(?:expect|make\s+(?:it|this)\s+a)|\byou\s+owe\b|\bi\s+(?:guess|suppose)\b"
    r"|^\s*(?:fine|ugh|ok\s+fine|okay\s+fine|whatever)\b|\bfor\s+god's\s+sake\b"
    r"|\bapparently\b|\bcan(?:'t|not)?\s+be\s+bothered\b|\bas\s+usual\b",
    re.IGNORECASE,
)


#: What parts a sentence before an offer: a dash between spaces, a semicolon.
_PART = re.compile(r"\s[-\u2013\u2014]\s+|;\s*")


def _clause_head(text: str, at: int) -> str:
    """The words of ``at``'s clause before it (at most 40 characters)."""
    return re.split(r"[.!?\n;]", text[max(0, at - 40) : at])[-1]


def helper_offers(response: str) -> tuple[tuple[int, int], ...]:
    """Start and end of each sentence of ``response`` in which the helper offers their own
    help (:data:`_OFFER`, or :func:`~carelens.analysis.rules.offer_spans`), not undone
    (:data:`_UNDONE`) nor grudged in it or right after it (:data:`_GRUDGED`); a question only
    where :func:`~carelens.analysis.rules.offer_spans` reads it ("Want me to come over?");
    in reply order, each from the part of its sentence the offer opens (after a dash or a
    semicolon: "... second round - if you want, we could look at it")."""
    text = straight_apostrophes(response)
    starts = [
        found.start() + len(found.group(0)) - len(found.group(0).lstrip())  # past the space
        for found in _OFFER.finditer(text)
        if not _UNDONE.search(_clause_head(text, found.start()))
    ]
    ours = [(span.start, span.end) for span in offer_spans(response)]
    spans: list[tuple[int, int]] = []
    for start, end in sentence_ranges(response) if starts or ours else ():
        if not any(start <= at < end for at in starts) and not any(
            s < end and start < e for s, e in ours
        ):
            continue
        words = text[start:end].rstrip()
        # "Can I ask what happened?" asks them ("Want me to come over?" offers: offer_spans)
        if words.endswith("?") and not any(s < end and start < e for s, e in ours):
            continue
        if _GRUDGED.search(text[start : min(len(text), end + 60)]):
            continue
        # from the offer's own part of the sentence ("A lot of people get in on a second
        # round - if you want, we could look at it" quotes "if you want, we could ...")
        first = min((at for at in starts if start <= at < end), default=start)
        parts = [m.end() for m in _PART.finditer(text, start, first)]
        spans.append((parts[-1] if parts else start, end))
    return tuple(spans)

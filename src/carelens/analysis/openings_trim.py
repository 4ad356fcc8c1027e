"""What is trimmed off either end of a clause offered for a suggested opening.

Interjections, chat words, fillers, a list's mark, emoji and emoticons at either end of a
clause are left out ("Lol", "ugh", "ngl", "haha", "well", "I mean", "honestly", "1)", ">:(",
"T_T": :func:`trim`), and so is a "sorry" that ends it as an apology ("My english is not good
sorry"). A hedge ("I think", "I guess") is left out only before or after the seeker's own
feeling or need ("I guess I'm just lonely"); one before what they only believe stays ("I think
my husband is cheating on me": :mod:`carelens.analysis.openings_hedges`). :func:`trim` also
leaves out a part in another language (:mod:`carelens.analysis.openings_foreign`), brackets
around the whole clause and asides in brackets at its ends
(:mod:`carelens.analysis.openings_brackets`), and starts after a list's mark
(:mod:`carelens.analysis.openings_lists`) and past emoticons
(:mod:`carelens.analysis.openings_emoji`); a long clause is clipped apart
(:mod:`carelens.analysis.openings_clipping`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from carelens.analysis.openings_brackets import (
    aside_at_end,
    aside_at_start,
    bracketed,
    bracketed_subject,
)
from carelens.analysis.openings_emoji import emoticon_spans
from carelens.analysis.openings_foreign import after_foreign, before_foreign, foreign_between
from carelens.analysis.openings_hedges import filler_hedge_end, filler_hedge_start
from carelens.analysis.openings_lists import list_marks
from carelens.analysis.quoting import masked_stars, outside_personal
from carelens.analysis.words import WORD, plain

#: Words that start a clause without belonging to it, taken off its start again and again:
#: fillers ("Like I'm being silly", "and", "so", "honestly"; "if I'm honest", "to be honest"
#: only before a comma or a subject of the seeker's, not as a condition: "If I'm honest with
#: my therapist she'll ..."; "because", not before "of": "Because of my depression my grades
#: have tanked" is a clause of its own), interjections and chat words ("Yeah",
#: "Lol", "Idk", "ngl", "ugh", "well", "Oh my god", "I mean" before a clause of the seeker's),
#: emoji or other marks ("😭😭"); a list's mark ("1) I can't sleep") is taken off too
#: (:func:`~carelens.analysis.openings_lists.list_marks`), and a hedge only before the
#: seeker's own feeling or need (:func:`carelens.analysis.openings_hedges.filler_hedge_end`).
#: "It sounds like Lol you feel so dumb…" is no reflection.
_LEADING_EXTRA = re.compile(
    r"(?:[^\w\s'\"\u2018\u201c(@#/+$\u00a3\u20ac%&]+"
    r"|(?:(?:oh\s+)?my\s+(?:god|gosh|goodness|lord)|omg|oh|ah|aw+|yeah|yea|yep|yup|yes|nah|lol"
    r"|lmao|lmfao|rofl|idk|dunno|ngl|tbh|haha\w*|hehe\w*|ugh+|welp|well|um+|uh+|hmm+"
    r"|sigh|ok|okay|anyway|anyways|wow|hey|hi|hello|like|and|but|so|that|because(?!\s+of\b)"
    r"|just|honestly|basically|literally|seriously|frankly|truthfully)"
    r"(?=[\s,!\u2026]|$)"
    r"|(?:truth\s+be\s+told|in\s+all\s+honesty"
    r"|to\s+be\s+(?:completely\s+|totally\s+|brutally\s+)?honest"
    r"|if\s+(?:i['\u2019]m|im|i\s+am)\s+(?:being\s+)?(?:completely\s+|totally\s+)?honest)"
    r"(?=\s*[,!\u2026]|\s*$|\s+(?:i|i['\u2019](?:m|ve|d)|im|ive|my|we)\b)"
    r"|i\s+mean(?=[\s,]+(?:i|i['\u2019](?:m|ve|d)|im|ive|my|we)\b))"
    r"[\s,.!\u2026]*",
    re.IGNORECASE,
)
#: The same at the end of a clause: chat words ("haha", "lol", "rn", "fr"), emoji and marks ("I
#: feel so stupid haha", "I miss him so much 😭"); a hedge ("I guess") only after the seeker's
#: own feeling or need (:func:`carelens.analysis.openings_hedges.filler_hedge_start`).
_TRAILING_EXTRA = re.compile(
    r"[\s,]*(?:[^\w\s'\"\u2019\u201d)%$\u00a3\u20ac]+"
    r"|(?<=[\s,])(?:haha\w*|hehe\w*|lol|lmao|lmfao|rofl|xd|rn|tbh|ngl|idk|smh|fml|ugh+|fr(?:fr)?"
    r"|(?:oh\s+)?my\s+god|omg))$",
    re.IGNORECASE,
)
#: A "sorry" at the end of a clause, an apology for the message beside it ("My english is
#: not good sorry"), unless a word before it makes it the seeker's feeling
#: (:data:`_BEFORE_SORRY`: "I feel so sorry").
_TRAILING_SORRY = re.compile(r"[\s,]+sorry$", re.IGNORECASE)
_BEFORE_SORRY = frozenset([
    "so", "very", "really", "too", "am", "i'm", "im", "was", "be", "feel", "feels", "felt",
    "been", "is", "are", "were", "truly", "deeply", "super", "extremely", "sooo", "soo",
    "say", "said", "not", "never", "just", "being", "feeling",
])  # fmt: skip
#: After "idk" ("Idk why I feel this way") a question word makes the rest no statement.
_WH_AFTER_IDK = re.compile(
    r"(?:idk|dunno)[\s,]+(?:why|what|how|if|whether|where|who|which|when)\b", re.IGNORECASE
)


def trim(
    text: str, start: int, end: int, runs: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """``start`` and ``end`` of the clause ``text[start:end]`` moved in past what does not
    belong to it: fillers, interjections, chat words and emoji at its start
    (:data:`_LEADING_EXTRA`: "Lol I feel so dumb"), a hedge before the seeker's own feeling
    or need (:func:`~carelens.analysis.openings_hedges.filler_hedge_end`: "well I guess I'm
    just lonely"; not "I think my husband is cheating on me") and a list's mark
    (:func:`~carelens.analysis.openings_lists.list_marks`: "1) I can't sleep"), chat words,
    emoji and marks at its end (:data:`_TRAILING_EXTRA`: "I feel so stupid haha") and a hedge
    there after the seeker's own feeling or need
    (:func:`~carelens.analysis.openings_hedges.filler_hedge_start`: "I feel so alone I
    guess"), and a part in another language
    (:func:`carelens.analysis.foreign_words.foreign_words`): the clause ends before one after
    it (:func:`~carelens.analysis.openings_foreign.before_foreign`: "I feel so empty and I
    want to morir") and starts after one before it
    (:func:`~carelens.analysis.openings_foreign.after_foreign`: "Mi mamá no me entiende and I
    feel so alone"); neither end moves inside personal data (:func:`outside_personal`), nor
    past a "*" typed for a letter at a word's edge
    (:func:`~carelens.analysis.quoting.masked_stars`: "*ead inside", "dea*"); brackets that
    pair around the whole clause are taken off
    (:func:`~carelens.analysis.openings_brackets.bracketed`: "(I feel so alone)"), and what
    is inside them trimmed again. None when nothing English is left or what follows
    "idk" is a question word ("Idk why I feel this way")."""
    stars = [at for at in sorted(masked_stars(text)) if start <= at < end]
    emoticons = emoticon_spans(text)
    marks = list_marks(text)
    while True:
        while True:
            while start < end and text[start].isspace():
                start += 1
            # an emoticon the clause starts inside or on (a part starts after a colon: ">:(")
            k = bisect_right(emoticons, start, key=lambda span: span[0]) - 1
            if k >= 0 and emoticons[k][1] > start:
                start = emoticons[k][1]
                continue
            if _WH_AFTER_IDK.match(text, start, end):
                return None
            k = bisect_right(marks, start, key=lambda span: span[0]) - 1
            if k >= 0 and marks[k][0] == start and marks[k][1] <= end:
                start = marks[k][1]  # a list's mark: "1) I can't sleep"
                continue
            aside = aside_at_start(text, start, end)
            if aside is not None:
                start = aside  # "(throwaway, obviously) my dad died"
                continue
            lead = _LEADING_EXTRA.match(text, start, end)
            if lead is not None and bracketed_subject(text, start, end):
                lead = None  # a bracket kept as the clause's subject: "[Name] texted me"
            if lead is not None:
                # up to the first masked letter in it, which is the word's
                lead_end = next((at for at in stars if start <= at < lead.end()), lead.end())
                if lead_end > start:
                    start = lead_end
                    continue
            hedge = filler_hedge_end(text, start, end)  # "I guess I'm just lonely"
            if hedge is not None:
                start = hedge
                continue
            foreign = foreign_between(text, start, end)
            if not foreign:
                break
            # the English clause before the part in another language, else the one after it
            cut = before_foreign(text, start, foreign[0][0])
            if cut is not None:
                end = cut
                break
            after = after_foreign(text, foreign[0][1], end)
            if after is None:
                return None
            start = after
        while True:
            while end > start and text[end - 1].isspace():
                end -= 1
            # an emoticon the clause ends inside or on ("I feel so alone D:")
            k = bisect_left(emoticons, end, key=lambda span: span[0]) - 1
            if k >= 0 and emoticons[k][1] >= end and emoticons[k][0] >= start:
                end = emoticons[k][0]
                continue
            aside = aside_at_end(text, start, end)
            if aside is not None:
                end = aside  # "my dad died last week (sorry for formatting)"
                continue
            hedge = filler_hedge_start(text, start, end)  # "I feel so alone I guess"
            if hedge is not None:
                end = hedge
                continue
            # what is taken off is short (a run of emoji or marks may be longer: taken in turns)
            trail = _TRAILING_EXTRA.search(text, max(start, end - 24), end)
            if trail is None or trail.start() >= end:
                break
            masked = [at for at in stars if trail.start() <= at < end]
            if masked:
                end = masked[-1] + 1  # the word's masked letter ends the clause: "dea*"
                break
            end = trail.start()
        # brackets that pair around the whole clause: "(I feel so alone)"
        closed = bracketed(text, start, end)
        if closed is None:
            break
        start, end = start + 1, min(end, closed)
    sorry = _TRAILING_SORRY.search(text, start, end)
    if sorry is not None:
        before = list(WORD.finditer(text, start, sorry.start()))
        if before and plain(before[-1].group(0)) not in _BEFORE_SORRY:
            end = sorry.start()  # "My english is not good sorry"
    return outside_personal(text, start, end, runs) if start < end else None

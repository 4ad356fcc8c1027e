"""Where a long clause offered for a suggested opening is clipped.

A clause clipped to :data:`QUOTE_WORDS` words keeps its feeling word, does not end on a word
that needs another ("...and you feel like such…":
:func:`carelens.analysis.openings_words.needs_more`) and stops before a quotation it would cut
open (:func:`clip_clause`); a clause joined to the seeker's own after "but" is not clipped
where it ends a few words past the limit ("It was supposed to be the best day of my life but
I spent it crying"), which would cut off what the "but" says; neither end falls inside
personal data. Markdown marks are left
out of the words offered ("**I feel so alone** since..." offers "I feel so alone since...",
:func:`carelens.analysis.quoting.clip`), but a "*" typed for a letter at a word's edge stays,
as the seeker typed it ("I feel so *ead inside": :func:`carelens.analysis.quoting.masked_stars`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from carelens.analysis.openings_words import OWN_SUBJECT, needs_more
from carelens.analysis.quoted_speech import quoted_speech
from carelens.analysis.quoting import NO_SPACE_RUN, clip, masked_stars, outside_personal

#: How many words a clause offered may have before it is clipped (:func:`clip_clause`).
QUOTE_WORDS = 14
#: How many words past :data:`QUOTE_WORDS` a clipped clause may run to keep its feeling, or
#: the clause after its "but".
_FEELING_SLACK = 4
#: A "but" inside a clause: one joined to the seeker's clause after it.
_BUT = re.compile(r"\bbut\b", re.IGNORECASE)


def clip_clause(
    text: str, start: int, end: int, feelings: Sequence[int], runs: Sequence[tuple[int, int]]
) -> str:
    """The clause ``text[start:end]`` clipped to :data:`QUOTE_WORDS` words (:func:`clip`),
    so that it keeps the first of the seeker's own feeling words in it (``feelings``: where
    they start in ``text``, in order) and does not end on a word that needs another after it
    (:func:`~carelens.analysis.openings_words.needs_more`: "...and you feel like such…"): a
    feeling word a few words past the limit (:data:`_FEELING_SLACK`) is taken in; one further
    on is reached by starting at the seeker's subject before it ("... and now I feel so
    alone" offers "I feel so alone"); a clause with a "but" (only one joined to the seeker's
    clause after it has one) that ends within :data:`_FEELING_SLACK` words past the limit is
    not cut; neither end falls inside personal data."""
    size = len(text[start:end].split())
    if size <= QUOTE_WORDS or (
        size <= QUOTE_WORDS + _FEELING_SLACK and _BUT.search(text, start, end) is not None
    ):
        return clip(text[start:end], size, _stars_in(text, start, end))  # nothing to cut
    # personal data counts as one word
    whole = clip(text[start:end], QUOTE_WORDS, _stars_in(text, start, end))
    if not whole.endswith("…"):
        return whole
    tokens = list(NO_SPACE_RUN.finditer(text, start, end))
    held = feelings[bisect_left(feelings, start) : bisect_left(feelings, end)]
    feel = next((k for k, t in enumerate(tokens) if held and t.start() <= held[0] < t.end()), None)
    begin = 0
    if feel is not None and feel >= QUOTE_WORDS + _FEELING_SLACK:
        for j in range(feel, feel - QUOTE_WORDS, -1):
            if OWN_SUBJECT.fullmatch(tokens[j].group(0).strip(",;:")):
                begin = j
                break
    stop = min(len(tokens), begin + QUOTE_WORDS)
    if feel is not None and stop <= feel < begin + QUOTE_WORDS + _FEELING_SLACK:
        stop = feel + 1
    stop = _backed_off(tokens, begin, stop, _FEELING_SLACK)
    # a quotation left open ("...and my dad said 'you're no son…") is cut before its mark
    unclosed = quoted_speech(text[tokens[begin].start() : tokens[stop - 1].end()])[1]
    if unclosed is not None:
        at = tokens[begin].start() + unclosed
        held_at = next(k for k in range(begin, stop) if tokens[k].end() > at)
        if held_at - begin >= 3:
            stop = _backed_off(tokens, begin, held_at)
    first, last = outside_personal(text, tokens[begin].start(), tokens[stop - 1].end(), runs)
    clipped = clip(text[first:last], len(tokens), _stars_in(text, first, last))
    return clipped if last >= end else clipped.rstrip(".!?,;:…") + "…"


def _backed_off(tokens: Sequence[re.Match[str]], begin: int, stop: int, ahead: int = 0) -> int:
    """Where a clause clipped to ``tokens[begin:stop]`` stops so that it does not end on a
    word that needs another after it (:func:`needs_more`): backed off up to four such words
    ("...and I feel like such" stops at "and"... before "and"), else run on to the first word
    that needs none within ``ahead`` words past ``stop`` ("...cheated on me and I feel so
    stupid"), else backed off the whole run ("...stole from me and I feel so" stops at
    "stole"); a clause of nothing else ("I'm very very very…") is cut as it is."""
    cut = stop
    while cut > max(begin + 1, stop - 4) and needs_more(tokens[cut - 1].group(0)):
        cut -= 1
    if not needs_more(tokens[cut - 1].group(0)):
        return cut
    for k in range(stop, min(len(tokens), stop + ahead)):
        if not needs_more(tokens[k].group(0)):
            return k + 1
    while cut > begin + 1 and needs_more(tokens[cut - 1].group(0)):
        cut -= 1
    return stop if needs_more(tokens[cut - 1].group(0)) else cut


def _stars_in(text: str, start: int, end: int) -> frozenset[int]:
    """Where the "*" typed for a letter at a word's edge stand in ``text[start:end]``
    (:func:`carelens.analysis.quoting.masked_stars`: "*ead inside"), at its offsets: the clause
    offered keeps them, as the seeker typed it, rather than showing "ead inside"."""
    return frozenset(at - start for at in masked_stars(text) if start <= at < end)

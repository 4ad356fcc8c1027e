"""The part of a clause in another language than English, left out of a suggested opening.

A part in another language before or after the English one is left out ("Mi mamá no me
entiende and I feel so alone" offers "I feel so alone", "I feel so empty and I want to morir"
offers "I feel so empty"): the English clause ends before one after it (:func:`before_foreign`)
and starts after one before it (:func:`after_foreign`), as
:func:`carelens.analysis.openings_trim.trim` asks. The words of another language are those of
:func:`carelens.analysis.foreign_words.foreign_words`, read once for a message
(:func:`foreign_between`); English words with accents are English ("café", "naïve", "fiancé").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from carelens.analysis.foreign_words import foreign_words
from carelens.analysis.openings_words import CONJUNCTION, OWN_SUBJECT
from carelens.analysis.words import COMMON_WORDS, WORD, plain

#: Where an English clause before a part in another language ends: an English conjunction
#: ("I feel so empty and I want to morir") or a mark between parts.
_BEFORE_FOREIGN = re.compile(
    r"[\s,]+(?:and|but|so|because|or)\s+|\s*[,;:\u2013\u2014]\s*|\s+-\s+", re.IGNORECASE
)
#: Conjunctions of another language: a part in it may start with one ("I feel so alone y no
#: sé qué hacer").
_FOREIGN_CONJUNCTIONS = frozenset([
    "y", "et", "und", "pero", "porque", "mais", "aber", "perché", "perche", "weil", "però",
    "pq", "xq", "que", "mas", "oder", "parce",
])  # fmt: skip


@lru_cache(maxsize=8)
def _foreign_in(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds words of another language
    (:func:`carelens.analysis.foreign_words.foreign_words`), read once for all the parts of a
    message (:func:`~carelens.analysis.openings_trim.trim` is asked about each several
    times)."""
    return tuple(foreign_words(text))


def foreign_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of another language of :func:`_foreign_in` that lie in ``text[start:end]``,
    in order."""
    spans = _foreign_in(text)
    if not spans:
        return []
    first = bisect_left(spans, start, key=lambda span: span[0])
    return [span for span in spans[first:] if span[1] <= end] if first < len(spans) else []


def before_foreign(text: str, start: int, at: int) -> int | None:
    """Where the English clause from ``start`` ends before the part in another language
    whose first word (:func:`carelens.analysis.foreign_words.foreign_words`) starts at ``at``:
    before the conjunction of that language it starts with (:data:`_FOREIGN_CONJUNCTIONS`:
    "I feel so alone y no sé qué hacer") or its "¿" or "¡", else before the last English
    conjunction or mark in between (:data:`_BEFORE_FOREIGN`: "I feel so empty and I want to
    morir"); None when no English word comes first."""
    first = WORD.match(text, at)
    cut: int | None = None
    if text[at] in "¿¡" or (first is not None and plain(first.group(0)) in _FOREIGN_CONJUNCTIONS):
        cut = at  # "... y no sé", "... ¿por qué?"
    else:
        for found in _BEFORE_FOREIGN.finditer(text, start, at):
            cut = found.start()
    if cut is None or WORD.search(text, start, cut) is None:
        return None
    return cut


def after_foreign(text: str, at: int, end: int) -> int | None:
    """Where an English clause starts in ``text[at:end]``, after a part in another language
    that ends at ``at`` or later: after an English conjunction (:data:`CONJUNCTION`) with
    an English word after it, a subject of the seeker's own, a common word or a name ("Mi
    mamá no me entiende and I feel so alone"; not "Ich bin so traurig"); None when there is
    none."""
    for found in CONJUNCTION.finditer(text, at, end):
        word = WORD.match(text, found.end(), end)
        if word is None or foreign_words(text, *word.span()):
            continue
        if (
            OWN_SUBJECT.match(text, found.end(), end)
            or plain(word.group(0)) in COMMON_WORDS
            or word.group(0)[0].isupper()
        ):
            return found.end()
    return None

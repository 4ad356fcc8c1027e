"""Words that stand between a verb and what it reaches, so that the patterns of danger read the
text without them (:func:`without_excepts`).

"I think about nothing but dying", "I want nothing but to disappear", "I dream of nothing but
never waking up", "I want nothing more than to disappear", "All I think about is dying": the
crisis cues and the words of danger read "think about dying", "want to disappear", "dream of
never waking up", and "nothing but" or "all ... is" keeps the verb from its object. A "but"
that means "except" no longer splits such a clause (:mod:`carelens.analysis.openings_parts`:
"I feel like nothing but a burden"), so the clause would echo the danger whole ("It sounds like
you think about nothing but dying…"). :mod:`carelens.analysis.openings_danger` reads the text
once more with these words taken out ("I think about dying") and maps what it finds back over
them (:func:`span_back`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

#: "nothing but", "nothing else but", "nothing more than", "anything other than", "none but",
#: and "can't help but" ("I can't help but wish I was never born"), with the space after them.
_EXCEPT = re.compile(
    r"\b(?:(?:nothing|none|anything)\s+(?:else\s+)?(?:but|more\s+than|other\s+than|except)"
    r"|(?:can['\u2019]?t|cannot|couldn['\u2019]?t|cant|couldnt|can\s+not|could\s+not)\s+help"
    r"\s+but)\s+",
    re.IGNORECASE,
)
#: "All I think about is", "all I want is", "all I can do is": the "all" and the "is" that
#: keep the verb from what it reaches ("All I want is to disappear" is read "I want to
#: disappear").
_ALL_IS = re.compile(
    r"\b(all\s+)(?:i|i['\u2019]ve|ive|i['\u2019]d|id)\s+(?:[\w'\u2019]+\s+){0,3}?"
    r"(?:about|of|for|want|wanted|need|needed|do|did|feel|felt|see|dream|wish)\s+"
    r"(is\s+|was\s+|are\s+|were\s+)",
    re.IGNORECASE,
)
#: Words the gate looks for before the patterns are run: most texts hold none.
_GATE = re.compile(r"\b(?:but|than|except|all)\b", re.IGNORECASE)


def without_excepts(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``text`` without the words of :data:`_EXCEPT` and :data:`_ALL_IS` ("I think about
    nothing but dying" -> "I think about dying"), and where each cut lies in the text that is
    left, with the length cut there (for :func:`span_back`); None when it holds none."""
    if _GATE.search(text) is None:
        return None
    removed: list[tuple[int, int]] = [found.span() for found in _EXCEPT.finditer(text)]
    for found in _ALL_IS.finditer(text):
        removed.extend((found.span(1), found.span(2)))
    if not removed:
        return None
    kept: list[str] = []
    cuts: list[tuple[int, int]] = []  # (where in the text left, how long)
    at = 0
    left = 0
    for start, end in sorted(removed):
        if start < at:
            continue  # inside one cut already
        kept.append(text[at:start])
        left += start - at
        cuts.append((left, end - start))
        at = end
    kept.append(text[at:])
    return "".join(kept), cuts


def span_back(cuts: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that ``start``-``end`` of the text :func:`without_excepts` left
    covers: moved on past the cuts before it, and widened over the cuts inside it ("think
    about dying" -> "think about nothing but dying")."""
    wheres = [where for where, _ in cuts]
    before = bisect_right(wheres, start)  # the cuts at or before ``start``: before the span
    inside = bisect_left(wheres, end)  # and those before ``end``: before it or inside it
    shift_start = sum(length for _, length in cuts[:before])
    shift_end = sum(length for _, length in cuts[:inside])
    return start + shift_start, end + shift_end

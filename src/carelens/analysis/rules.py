"""Rules that complement the model: unsafe wording is strongly dismissive, minimising and
blaming phrases at least weakly.

A reply that urges someone to die or tells them how (:mod:`carelens.analysis.unsafe`) is
``dismissive`` 2 under codebook v1.1: given those words (found once by the analyzer, which
also keeps them in the result's ``unsafe`` field), :func:`apply_rules` raises the dimension
to 2 whatever the model said below that, adds the words as rationale spans (label ``dismissive``,
score 1.0) and mixes the probabilities half-and-half with certainty of level 2.

The codebook names phrases that minimise or blame whatever surrounds them — "at least you
...", "it's not that bad", "others have it worse", "get over it", "what did you expect",
"you're too sensitive". Rare in the training data, they are easy for a small model to miss,
so :func:`apply_rules` raises ``dismissive`` to level 1 when one is present and the model
said 0, adds the phrase as a rationale span (label ``dismissive``, score 1.0), and mixes the
probabilities half-and-half with certainty of level 1 (so level 1 is the most probable).

The phrases are written so that negation cannot flip them into their opposite: "it's not your
fault", "you're not too sensitive" or "not that you should just get over it" never match
(each pattern checks the words before it), and "at least" is only minimising when a person or
situation follows ("at least you have a job"), not a quantity ("at least twice a week").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from carelens.analysis.unsafe import unsafe_spans
from carelens.inference.spans import merge_overlapping
from carelens.types import DimensionScore, Span

_MINIMISING = (
    r"\bat\s+least\s+(?:you|your|you're|it|it's|he|she|they|there|this|that)\b[^.!?\n]*",
    r"\bit(?:'s|\s+is)\s+(?:not|n't)\s+(?:that|so|really\s+that)\s+(?:bad|big\s+of\s+a\s+deal|"
    r"deep|serious)\b",
    r"\b(?:it|things)\s+could\s+(?:be|have\s+been)\s+(?:so\s+much\s+|a\s+lot\s+|way\s+)?worse\b",
    r"\b(?:other|some)\s+people\s+have\s+it\s+(?:so\s+much\s+|a\s+lot\s+|way\s+)?worse\b",
    r"\bothers\s+have\s+it\s+(?:so\s+much\s+|a\s+lot\s+|way\s+)?worse\b",
    r"\b(?:just\s+)?get\s+over\s+it\b",
    r"\b(?:just\s+)?(?:cheer|toughen|man)\s+up\b",
    r"\bstop\s+(?:whining|complaining|being\s+so\s+\w+|feeling\s+sorry\s+for\s+yourself)\b",
    r"\bwhat\s+did\s+you\s+(?:expect|think\s+would\s+happen)\b(?!\s+(?:to|from|when|at|of)\b)",
    r"\byou(?:'re|\s+are)\s+(?:being\s+)?(?:too\s+sensitive|overreacting|dramatic|so\s+dramatic|"
    r"over\s*thinking\s+it|making\s+(?:a\s+)?(?:big\s+)?deal)\b",
    r"\byou\s+brought\s+(?:this|it)\s+on\s+yourself\b",
    r"\b(?:that's|that\s+is|it's|it\s+is)\s+(?:on\s+you|your\s+own\s+fault)\b",
    r"\bit(?:'s|\s+is)\s+(?:just|only)\s+a\s+(?:dog|cat|pet|job|grade|test|breakup)\b",
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _MINIMISING]
# A negation or hedge right before the phrase reverses it ("not that you should get over it").
_NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\bno\s*one|\bnobody)\s+(?:[\w']+\s+){0,4}$",
    re.IGNORECASE,
)


def minimising_spans(response: str) -> tuple[Span, ...]:
    """Minimising or blaming phrases in ``response`` that are not negated."""
    spans: list[Span] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(response):
            before = re.split(r"[.!?\n,;]", response[max(0, match.start() - 40) : match.start()])
            if _NEGATED_BEFORE.search(before[-1]):
                continue
            end = match.end()
            while end > match.start() and response[end - 1] in " ,;:":
                end -= 1
            spans.append(Span(match.start(), end, "dismissive", 1.0))
    return merge_overlapping(spans)


def apply_rules(
    dimensions: Mapping[str, DimensionScore],
    response: str,
    unsafe: Sequence[Span] | None = None,
) -> dict[str, DimensionScore]:
    """``dimensions`` with the rules applied (a new dict; the input is not changed).

    ``unsafe`` is what :func:`~carelens.analysis.unsafe.unsafe_spans` found in ``response``
    (looked for here when not given).
    """
    out = dict(dimensions)
    score = out.get("dismissive")
    if score is None or score.level == 2:
        return out
    if unsafe is None:
        unsafe = unsafe_spans(response)
    if unsafe:
        words = [Span(s.start, s.end, "dismissive", s.score) for s in unsafe]
        out["dismissive"] = _raised(score, 2, merge_overlapping([*score.spans, *words]))
        return out
    if score.level > 0:
        return out
    spans = minimising_spans(response)
    if spans:
        out["dismissive"] = _raised(score, 1, spans)
    return out


def _raised(score: DimensionScore, level: int, spans: tuple[Span, ...]) -> DimensionScore:
    """``score`` raised to ``level`` by a rule: its probabilities mixed half-and-half with
    certainty of that level (so the level is the most probable), the rule's spans shown."""
    probabilities = tuple(
        round(p / 2 + (0.5 if k == level else 0.0), 4) for k, p in enumerate(score.probabilities)
    )
    return DimensionScore(level=level, probabilities=probabilities, spans=spans)

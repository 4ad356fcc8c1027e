"""Map per-token rationale probabilities back to character spans in the response.

Consecutive response tokens whose probability reaches the threshold form one span; a span
runs from its first token's start to its last token's end, so word pieces of one word stay
together, and it is widened to whole words when the model marked only part of a word.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from carelens.types import Span


def _widen_to_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend ``[start, end)`` to whole words where it begins or ends inside one.

    Only an edge that cuts a word (a letter or digit on both sides) moves, so a punctuation
    token next to a word ("loss" + ".") is not widened into that word.
    """
    if start < len(text) and text[start].isalnum():
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if end > 0 and text[end - 1].isalnum():
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


def token_probs_to_spans(
    text: str,
    offsets: NDArray[np.int64],
    probs: NDArray[np.floating],
    label: str,
    threshold: float = 0.5,
) -> tuple[Span, ...]:
    """Group tokens with ``probs >= threshold`` into character spans of ``text``.

    ``offsets[k]`` is the character range of token ``k`` and ``probs[k]`` its rationale
    probability; both cover the same (possibly truncated) response tokens.
    """
    n = min(len(offsets), len(probs))
    spans: list[Span] = []
    k = 0
    while k < n:
        if probs[k] < threshold:
            k += 1
            continue
        first = k
        while k + 1 < n and probs[k + 1] >= threshold:
            k += 1
        start, end = _widen_to_word(text, int(offsets[first][0]), int(offsets[k][1]))
        score = float(np.mean(probs[first : k + 1]))
        if spans and start <= spans[-1].end:  # widening joined it to the previous span
            prev = spans.pop()
            start, score = prev.start, max(score, prev.score)
        spans.append(Span(start=start, end=end, label=label, score=round(score, 4)))
        k += 1
    return tuple(spans)

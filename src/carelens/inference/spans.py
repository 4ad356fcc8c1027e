"""Map per-token rationale probabilities back to character spans in the response.

Two decoders. :func:`select_sentences` (models that carry sentence ratios in their
calibration) scores each sentence of the response by the mean probability of its tokens and
marks the sentences scoring at least a fitted share of the best one.
:func:`token_probs_to_spans` (older models, which carry token thresholds) marks tokens
above a threshold: consecutive response tokens whose probability reaches the threshold form
one span; a span runs from its first token's start to its last token's end, so word pieces
of one word stay together, and it is widened to whole words when the model marked only part
of a word. A run that starts inside (or touching) the previous span joins it without
widening its start again, so each character is scanned at most a couple of times: a long
text with no spaces (a 1 MB message in Chinese, say) costs O(len(text)), not
O(spans x len(text)).

:func:`merge_overlapping` joins overlapping spans found by patterns (crisis cues, rules).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray

from carelens.text import IN_WORD_MARK, LINE_BREAKS, SENTENCE_ENDS
from carelens.types import Span


def _in_word(char: str) -> bool:
    """Letters and digits, and combining marks (an accent belongs to its letter)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _word_start(text: str, start: int) -> int:
    """Move ``start`` back to the start of the word when it cuts one (word characters on both
    sides: letters, digits, combining marks).

    Only an edge that cuts a word moves, so a punctuation token next to a word ("loss" +
    ".") is not widened into that word.
    """
    if start < len(text) and _in_word(text[start]):
        while start > 0 and _in_word(text[start - 1]):
            start -= 1
    return start


def _word_end(text: str, end: int) -> int:
    """Move ``end`` on to the end of the word when it cuts one (word characters on both
    sides)."""
    if end > 0 and _in_word(text[end - 1]):
        while end < len(text) and _in_word(text[end]):
            end += 1
    return end


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
        start, end = int(offsets[first][0]), int(offsets[k][1])
        score = float(np.mean(probs[first : k + 1]))
        if not spans or start > spans[-1].end:
            start = _word_start(text, start)
        if spans and start <= spans[-1].end:  # inside, touching or widened into the previous
            prev = spans.pop()  # span, whose edges are whole words already: join it
            start, score = prev.start, max(score, prev.score)
            end = _word_end(text, end) if end > prev.end else prev.end
        else:
            end = _word_end(text, end)
        spans.append(Span(start=start, end=end, label=label, score=round(score, 4)))
        k += 1
    return tuple(spans)


def snap_to_sentences(text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Each span widened to the whole sentence(s) it touches (:func:`sentence_ranges`),
    spans that share a sentence joined with the best score.

    Used by models with token thresholds for dimensions whose rationale is a whole sentence,
    such as a question that explores. A span that touches no sentence (white space only) is
    dropped. The text is scanned once, up to the last span, so a 1 MB message costs a few
    milliseconds.
    """
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    if not ordered:
        return ()
    sentences = list(sentence_ranges(text, until=max(s.end for s in ordered) + 1))
    starts = [start for start, _ in sentences]
    ends = [end for _, end in sentences]
    snapped: list[Span] = []
    for span in ordered:
        first = bisect.bisect_right(ends, span.start)  # the first sentence ending after it
        last = bisect.bisect_left(starts, max(span.end, span.start + 1)) - 1
        if first > last:
            continue
        start, end, score = sentences[first][0], sentences[last][1], span.score
        if snapped and start < snapped[-1].end:  # shares a sentence with the previous one
            prev = snapped.pop()
            start, end, score = prev.start, max(end, prev.end), max(prev.score, score)
        snapped.append(Span(start, end, span.label, score))
    return tuple(snapped)


#: A sentence: anything up to a run of :data:`SENTENCE_ENDS`, a line break (CR LF is one),
#: or the end of the text. A mark inside a number, a web address or an abbreviation ("2.5",
#: "jobs.example.com", "e.g. a walk", "the U.S. and", "Dr. Smith") ends nothing, by the rule
#: of the feedback's own sentence splitter (:data:`carelens.text.IN_WORD_MARK`),
#: so both keep such a mark inside its sentence. A body character is never an end mark or a
#: break, so nothing is tried twice: a long text costs O(len(text)), and runs of plain
#: characters are taken whole (a 1 MB reply in about 3 ms).
_SENTENCE = re.compile(
    rf"(?:[^{SENTENCE_ENDS}{LINE_BREAKS}]+|{IN_WORD_MARK})*"
    rf"(?:[{SENTENCE_ENDS}]+|\r\n|[{LINE_BREAKS}]|\Z)"
)


def sentence_ranges(text: str, until: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (:data:`_SENTENCE`), white space at its
    edges left out.

    Blank sentences are skipped. With ``until``, the scan stops after the sentence that
    reaches past character ``until``, so a long response whose tokens were truncated costs
    only its analysed part.
    """
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        if until is not None and start >= until:
            return
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield start + lead, start + lead + len(stripped)
        if end >= len(text):
            return


def sentence_token_ranges(text: str, offsets: NDArray[np.int64]) -> list[tuple[int, int, int, int]]:
    """Each sentence up to the last token, as ``(start, end, first token, end token)``.

    A token belongs to the sentence its first character is in; tokens are in text order, so
    sentence ``i``'s tokens are ``first:end token``. A sentence without tokens (only
    characters the tokenizer drops) has ``first == end token``. Computed once per response,
    it serves every dimension (:func:`sentence_score_matrix`).
    """
    n = len(offsets)
    if n == 0:
        return []
    starts = offsets[:, 0].tolist()
    ranges: list[tuple[int, int, int, int]] = []
    k = 0
    for start, end in sentence_ranges(text, until=int(offsets[n - 1][1])):
        while k < n and starts[k] < start:
            k += 1  # a token before this sentence (in white space between sentences)
        first = k
        while k < n and starts[k] < end:
            k += 1
        ranges.append((start, end, first, k))
        if k >= n:
            break
    return ranges


def sentence_score_matrix(
    ranges: list[tuple[int, int, int, int]], probs: NDArray[np.floating]
) -> NDArray[np.float64]:
    """Mean token probability of each sentence (rows) for each column of ``probs``.

    ``probs`` is ``(tokens,)`` or ``(tokens, dimensions)``; the result has one row per entry
    of ``ranges`` (from :func:`sentence_token_ranges`) and one column per dimension. A
    sentence without tokens scores 0.
    """
    table = np.asarray(probs, dtype=np.float64)
    if table.ndim == 1:
        table = table[:, None]
    if not ranges:
        return np.zeros((0, table.shape[1]))
    sums = np.vstack([np.zeros((1, table.shape[1])), np.cumsum(table, axis=0)])
    bounds = np.array([(first, stop) for _, _, first, stop in ranges], dtype=np.int64)
    counts = (bounds[:, 1] - bounds[:, 0])[:, None]
    totals = sums[bounds[:, 1]] - sums[bounds[:, 0]]
    return np.where(counts > 0, totals / np.maximum(counts, 1), 0.0)


def sentence_scores(
    text: str, offsets: NDArray[np.int64], probs: NDArray[np.floating]
) -> list[tuple[int, int, float]]:
    """Each sentence up to the last token, as ``(start, end, mean token probability)``.

    A token belongs to the sentence its first character is in; tokens are in text order. A
    sentence without tokens (only characters the tokenizer drops) scores 0.
    """
    n = min(len(offsets), len(probs))
    ranges = sentence_token_ranges(text, offsets[:n])
    means = sentence_score_matrix(ranges, probs[:n])[:, 0]
    return [(r[0], r[1], float(m)) for r, m in zip(ranges, means, strict=True)]


def select_sentences(
    text: str,
    offsets: NDArray[np.int64],
    probs: NDArray[np.floating],
    label: str,
    ratio: float,
) -> tuple[Span, ...]:
    """The sentences whose mean token probability is at least ``ratio`` x the best sentence's.

    ``offsets[k]`` is the character range of token ``k`` and ``probs[k]`` its rationale
    probability. Neighbouring chosen sentences join into one span scored by the better of
    them. The best sentence is always chosen (when it scores above zero): callers decode
    spans only for a dimension the response shows.
    """
    return choose_sentences(sentence_scores(text, offsets, probs), label, ratio)


def choose_sentences(
    scored: list[tuple[int, int, float]], label: str, ratio: float
) -> tuple[Span, ...]:
    """:func:`select_sentences` on sentences already scored as ``(start, end, score)``."""
    if not scored:
        return ()
    best = max(score for _, _, score in scored)
    if best <= 0.0:
        return ()
    floor = ratio * best
    spans: list[Span] = []
    joinable = False  # the previous sentence was chosen
    for start, end, score in scored:
        if score < floor or score <= 0.0:
            joinable = False
            continue
        if joinable:
            prev = spans.pop()
            start, score = prev.start, max(prev.score, score)
        spans.append(Span(start=start, end=end, label=label, score=round(score, 4)))
        joinable = True
    return tuple(spans)


def merge_overlapping(spans: list[Span]) -> tuple[Span, ...]:
    """``spans`` in order of start, each group of overlapping spans joined into one that keeps
    the first one's label and the highest score."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end or span.score > last.score:
                merged[-1] = Span(
                    last.start, max(last.end, span.end), last.label, max(last.score, span.score)
                )
            continue
        merged.append(span)
    return tuple(merged)

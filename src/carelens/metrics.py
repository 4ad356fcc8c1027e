"""Evaluation metrics: accuracy, macro-F1 and its bootstrap interval, Cohen's kappa, and
EPITOME's rationale token-F1 and IOU-F1.

Rationales are compared on *word tokens* of the response (runs of letters/digits, or single
other non-space characters), so the figures do not depend on any model's tokenizer.
Following EPITOME (Sharma et al., 2020): token-F1 is the binary F1 of rationale tokens per
response, averaged over responses; IOU-F1 counts a predicted span as correct when its
token-level intersection-over-union with some gold span is at least 0.5, takes the F1 of
span precision and recall per response, and averages it. Both are averaged over the
responses that have a gold rationale for the mechanism.

The level metrics (accuracy, macro-F1 and its interval, ECE) raise ``ValueError`` on empty
input, as :func:`cohen_kappa` does: a figure over no items is undefined, and a 0.0 would read
as a measured score. Callers that may have nothing to score check first and report no figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _check_pair(gold: Sequence[object], pred: Sequence[object], what: str = "pred") -> None:
    """ValueError unless ``gold`` and ``pred`` are equally long and not empty."""
    if len(gold) != len(pred):
        raise ValueError(f"gold and {what} differ in length")
    if not len(gold):
        raise ValueError("no items to score: a figure over nothing is undefined")


def accuracy(gold: Sequence[int], pred: Sequence[int]) -> float:
    _check_pair(gold, pred)
    return float(np.mean(np.asarray(gold) == np.asarray(pred)))


def macro_f1(gold: Sequence[int], pred: Sequence[int], labels: Sequence[int] = (0, 1, 2)) -> float:
    """Unweighted mean of per-class F1 over ``labels`` (a class absent from both scores 0)."""
    _check_pair(gold, pred)
    return float(_macro_f1_rows(np.asarray(gold)[None], np.asarray(pred)[None], labels)[0])


def _macro_f1_rows(
    gold: NDArray[np.int_], pred: NDArray[np.int_], labels: Sequence[int]
) -> NDArray[np.float64]:
    """:func:`macro_f1` of each row of two equally shaped 2-D label arrays."""
    per_class = []
    for c in labels:
        tp = np.sum((gold == c) & (pred == c), axis=1)
        wrong = np.sum((gold == c) != (pred == c), axis=1)  # false positives + negatives
        denom = 2 * tp + wrong
        per_class.append(np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0))
    return np.asarray(np.mean(per_class, axis=0), dtype=np.float64)


def macro_f1_interval(
    gold: Sequence[int],
    pred: Sequence[int],
    labels: Sequence[int] = (0, 1, 2),
    *,
    rounds: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of :func:`macro_f1`: the items are drawn again with
    replacement ``rounds`` times (seeded, so the interval is reproducible).

    On a few hundred items with rare levels, macro-F1 moves a lot with which items were
    drawn; the interval says how much a figure can be trusted against a target.
    """
    _check_pair(gold, pred)
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, not {rounds}")
    g, p = np.asarray(gold), np.asarray(pred)
    draws = np.random.default_rng(seed).integers(0, len(g), size=(rounds, len(g)))
    scores = _macro_f1_rows(g[draws], p[draws], labels)
    tail = (1 - level) / 2
    low, high = np.quantile(scores, [tail, 1 - tail])
    return (float(low), float(high))


def cohen_kappa(first: Sequence[int], second: Sequence[int], weights: str | None = None) -> float:
    """Cohen's kappa between two annotators' labels (``weights="linear"`` for ordinal levels).

    Returns 1.0 when both annotators used one and the same label throughout (there is no
    disagreement to correct for chance).
    """
    if len(first) != len(second):
        raise ValueError("the two annotations differ in length")
    if not first:
        raise ValueError("no items to compare")
    labels = sorted(set(first) | set(second))
    index = {c: i for i, c in enumerate(labels)}
    k = len(labels)
    observed = np.zeros((k, k))
    for a, b in zip(first, second, strict=True):
        observed[index[a], index[b]] += 1
    observed /= observed.sum()
    expected = np.outer(observed.sum(1), observed.sum(0))
    values = np.asarray(labels, dtype=np.float64)
    if weights is None:
        w = 1.0 - np.eye(k)
    elif weights == "linear":
        span = values.max() - values.min() or 1.0
        w = np.abs(values[:, None] - values[None, :]) / span
    else:
        raise ValueError(f"weights must be None or 'linear', not {weights!r}")
    chance = float((w * expected).sum())
    if chance == 0.0:  # only when both used a single, identical label
        return 1.0
    return float(1.0 - (w * observed).sum() / chance)


def expected_calibration_error(
    gold: Sequence[int], probabilities: Sequence[Sequence[float]], bins: int = 10
) -> float:
    """ECE of the top-level confidence: the bin-weighted gap between confidence and accuracy.

    Each prediction falls in one of ``bins`` equal-width bins by its highest probability; the
    result is the mean over predictions of |accuracy - mean confidence| in their bin.
    """
    _check_pair(gold, probabilities, "probabilities")
    p = np.asarray(probabilities, dtype=float)
    confidence = p.max(axis=1)
    correct = p.argmax(axis=1) == np.asarray(gold)
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        in_bin = which == b
        if in_bin.any():
            total += in_bin.sum() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return float(total / len(gold))


def _f1(tp: int, fp: int, fn: int) -> float:
    denom = 2 * tp + fp + fn
    return 0.0 if denom == 0 else 2 * tp / denom


def word_offsets(text: str) -> list[tuple[int, int]]:
    """Character ranges of the word tokens of ``text``."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


class RationaleMatch(NamedTuple):
    """Where ``|``-separated rationale strings lie in a response (:func:`match_rationales`)."""

    #: The characters of the response covered by the parts found.
    mask: NDArray[np.bool_]
    #: The non-empty parts.
    parts: int
    #: Of those, the parts not found in the response (left out of ``mask``).
    not_found: int


def match_rationales(response: str, rationales: str) -> RationaleMatch:
    """Locate ``|``-separated rationale strings in ``response``; count the parts not found.

    Each rationale is located by exact search (the first occurrence at or after the previous
    rationale, falling back to the first anywhere); a part not found in the text is left out
    of the mask and counted in ``not_found``.
    """
    mask = np.zeros(len(response), dtype=bool)
    cursor = 0
    parts = not_found = 0
    for part in rationales.split("|"):
        part = part.strip()
        if not part:
            continue
        parts += 1
        at = response.find(part, cursor)
        if at < 0:
            at = response.find(part)
        if at < 0:
            not_found += 1
            continue
        mask[at : at + len(part)] = True
        cursor = at + len(part)
    return RationaleMatch(mask, parts, not_found)


def rationale_char_mask(response: str, rationales: str) -> NDArray[np.bool_]:
    """Mark the characters of ``response`` covered by ``|``-separated rationale strings
    (:func:`match_rationales`; a part not found in the text is ignored)."""
    return match_rationales(response, rationales).mask


def char_mask_to_word_labels(text: str, mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """A word token is in the rationale when any of its characters is."""
    words = word_offsets(text)
    return np.array([bool(mask[s:e].any()) for s, e in words], dtype=bool)


def spans_to_char_mask(length: int, spans: Sequence[tuple[int, int]]) -> NDArray[np.bool_]:
    """The characters of a text of ``length`` that ``spans`` cover, each span cut to the
    text (a negative end covers nothing, never counted from the text's end)."""
    mask = np.zeros(length, dtype=bool)
    for start, end in spans:
        mask[max(0, start) : max(0, min(length, end))] = True
    return mask


def _runs(labels: NDArray[np.bool_]) -> list[set[int]]:
    runs: list[set[int]] = []
    current: list[int] = []
    for i, on in enumerate(labels):
        if on:
            current.append(i)
        elif current:
            runs.append(set(current))
            current = []
    if current:
        runs.append(set(current))
    return runs


def token_f1(gold: NDArray[np.bool_], pred: NDArray[np.bool_]) -> float:
    """Binary F1 of rationale tokens for one response."""
    tp = int(np.sum(gold & pred))
    return _f1(tp, int(np.sum(~gold & pred)), int(np.sum(gold & ~pred)))


def iou_f1(gold: NDArray[np.bool_], pred: NDArray[np.bool_], threshold: float = 0.5) -> float:
    """Span-level F1 for one response, a predicted span matching at IOU >= ``threshold``."""
    gold_spans, pred_spans = _runs(gold), _runs(pred)
    if not gold_spans or not pred_spans:
        return 0.0
    matched = sum(
        1 for p in pred_spans if max(len(p & g) / len(p | g) for g in gold_spans) >= threshold
    )
    precision, recall = matched / len(pred_spans), matched / len(gold_spans)
    return 0.0 if matched == 0 else 2 * precision * recall / (precision + recall)


def rationale_scores(
    gold_masks: Sequence[NDArray[np.bool_]], pred_masks: Sequence[NDArray[np.bool_]]
) -> tuple[float, float, int]:
    """Mean token-F1 and IOU-F1 over responses with a non-empty gold rationale.

    Each mask is a word-token label array for one response. Returns
    ``(token_f1, iou_f1, n_responses_scored)``.
    """
    t_scores, i_scores = [], []
    for gold, pred in zip(gold_masks, pred_masks, strict=True):
        if not gold.any():
            continue
        t_scores.append(token_f1(gold, pred))
        i_scores.append(iou_f1(gold, pred))
    if not t_scores:
        return 0.0, 0.0, 0
    return float(np.mean(t_scores)), float(np.mean(i_scores)), len(t_scores)

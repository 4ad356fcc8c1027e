"""Fuzz tokenisation and span mapping: ``PairEncoder.encode``, ``token_probs_to_spans``, then
``snap_to_sentences``; and ``select_sentences`` (the threshold doubles as its ratio).

Input layout: byte 0 holds the options — bits 0-1 a repeat factor for the response (1, 7,
300 or 40 000 copies, capped near 1.2 M characters: very long texts), bits 2-4 the span
threshold, bit 5 the small encoder (max_length 24) instead of the shipped limits (160/112),
bit 6 how the rest is decoded: UTF-8 with ``surrogateescape`` (bad bytes become
``\\udc80``-style lone surrogates) or UTF-16-LE with ``surrogatepass`` (any code unit,
lone high and low surrogates included). The decoded text is split on U+001F into response,
seeker and a probability source (code points mod 101 / 100; missing -> a fixed pattern).
Emoji, RTL text, combining marks and control characters come from the seeds and mutations.

Invariants: the batch layout (``[CLS] response [SEP] seeker [SEP]``, lengths within the
limits, token types), response offsets inside the text and in order, the public surrogate
policy (a text with lone surrogates encodes exactly as the same text with each one replaced
by U+FFFD), and spans that are inside the text, non-empty, sorted, disjoint, never cutting a
word, with in-range scores, covering every marked token; chosen sentences that are in the
text, apart, without white-space edges, the best-scoring one among them.

Run: ``.venv/bin/python fuzz/fuzz_encoding.py [libFuzzer flags] [corpus dirs]``.
"""

from __future__ import annotations

import bisect
import re

import _harness as h
import atheris
import numpy as np

with atheris.instrument_imports(include=["carelens"]):
    from carelens.inference.artifact import default_model_dir
    from carelens.inference.encoding import EncodedBatch, PairEncoder
    from carelens.inference.spans import (
        select_sentences,
        sentence_scores,
        snap_to_sentences,
        token_probs_to_spans,
    )

_REPEATS = (1, 7, 300, 40_000)
_MAX_TOTAL = 1_200_000
_THRESHOLDS = (0.05, 0.2, 0.35, 0.5, 0.5, 0.65, 0.8, 0.95)
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKENIZER = default_model_dir() / "tokenizer.json"
_ENCODERS = (
    PairEncoder.from_file(_TOKENIZER),
    PairEncoder.from_file(_TOKENIZER, max_length=24, max_response_tokens=12),
)


def _decode(flags: int, body: bytes) -> str:
    if flags & 0x40:
        return body[: len(body) // 2 * 2].decode("utf-16-le", "surrogatepass")
    return body.decode("utf-8", "surrogateescape")


def _check_batch(enc: PairEncoder, batch: EncodedBatch, response: str) -> np.ndarray:
    check = h.check
    check(len(batch) == 1, "batch-size")
    n = int(batch.attention_mask[0].sum())
    ids = batch.input_ids[0, :n].tolist()
    check(3 <= n <= enc.max_length, "row-length", str(n))
    check(batch.attention_mask[0, :n].all() and not batch.attention_mask[0, n:].any(), "mask")
    offsets = batch.response_offsets[0]
    k = len(offsets)
    check(k <= enc.max_response_tokens, "response-tokens", str(k))
    cls, sep = enc.tokenizer.token_to_id("[CLS]"), enc.tokenizer.token_to_id("[SEP]")
    check(ids[0] == cls and ids[k + 1] == sep and ids[-1] == sep, "layout")
    check(batch.token_type_ids[0, :n].tolist() == [0] * (k + 2) + [1] * (n - k - 2), "types")
    check(offsets.dtype == np.int64 and offsets.shape == (k, 2), "offsets-shape")
    if k:
        check((offsets[:, 0] >= 0).all(), "offset-negative")
        check((offsets[:, 0] <= offsets[:, 1]).all(), "offset-reversed")
        check((offsets[:, 1] <= len(response)).all(), "offset-past-end")
        check((np.diff(offsets[:, 0]) >= 0).all(), "offsets-out-of-order")
    return offsets


def _check_spans(
    text: str, offsets: np.ndarray, probs: np.ndarray, threshold: float, spans: tuple
) -> None:
    check = h.check
    previous_end = -1
    for span in spans:
        check(0 <= span.start < span.end <= len(text), "span-bounds", f"{span} in {len(text)}")
        check(span.start > previous_end, "spans-overlap")
        check(span.label == "fuzz", "span-label")
        check(threshold - 1e-4 <= span.score <= 1.0, "span-score", str(span.score))
        check(span.text_in(text) == text[span.start : span.end], "span-text")
        if span.start > 0:
            check(
                not (text[span.start - 1].isalnum() and text[span.start].isalnum()),
                "span-cuts-word-start",
            )
        if span.end < len(text):
            check(
                not (text[span.end - 1].isalnum() and text[span.end].isalnum()),
                "span-cuts-word-end",
            )
        previous_end = span.end
    for (start, end), p in zip(offsets.tolist(), probs, strict=False):
        if p >= threshold and end > start:
            check(any(s.start <= start and end <= s.end for s in spans), "marked-not-covered")


def test_one(data: bytes) -> None:
    if not data:
        return
    flags = data[0]
    parts = _decode(flags, data[1:]).split("\x1f")
    response = parts[0]
    seeker = parts[1] if len(parts) > 1 else ""
    source = parts[2] if len(parts) > 2 else ""
    repeat = min(_REPEATS[flags & 3], _MAX_TOTAL // max(1, len(response)))
    response = response * max(1, repeat)
    threshold = _THRESHOLDS[(flags >> 2) & 7]
    enc = _ENCODERS[(flags >> 5) & 1]

    batch = enc.encode([(seeker, response)])
    offsets = _check_batch(enc, batch, response)
    if _SURROGATE.search(response) or _SURROGATE.search(seeker):
        clean = enc.encode([(_SURROGATE.sub("\ufffd", seeker), _SURROGATE.sub("\ufffd", response))])
        h.check(np.array_equal(clean.input_ids, batch.input_ids), "surrogate-policy-ids")
        h.check(
            np.array_equal(clean.response_offsets[0], batch.response_offsets[0]),
            "surrogate-policy-offsets",
        )

    k = len(offsets)
    if source:
        values = [ord(c) % 101 / 100 for c in source]
        probs = np.asarray((values * (k // len(values) + 1))[:k], dtype=np.float32)
    else:
        probs = np.asarray([(i % 3) / 2 for i in range(k)], dtype=np.float32)
    spans = token_probs_to_spans(response, offsets, probs, "fuzz", threshold=threshold)
    _check_spans(response, offsets, probs, threshold, spans)
    _check_snapped(response, spans, snap_to_sentences(response, spans))
    _check_sentences(response, offsets, probs, threshold)


def _check_sentences(text: str, offsets: np.ndarray, probs: np.ndarray, ratio: float) -> None:
    """Sentence selection: inside the text, apart, no white-space edges, in-range scores, and
    the best sentence chosen whenever any token has a probability above zero."""
    check = h.check
    chosen = select_sentences(text, offsets, probs, "fuzz", ratio)
    previous_end = -1
    for span in chosen:
        check(0 <= span.start < span.end <= len(text), "sentence-bounds", f"{span}")
        check(span.start > previous_end, "sentence-overlap")
        check(not text[span.start].isspace(), "sentence-leading-space")
        check(not text[span.end - 1].isspace(), "sentence-trailing-space")
        check(0.0 <= span.score <= 1.0, "sentence-score", str(span.score))
        previous_end = span.end
    scored = sentence_scores(text, offsets, probs)
    if scored and max(score for *_, score in scored) > 0:
        start, end, _ = max(scored, key=lambda s: s[2])
        check(any(s.start <= start and end <= s.end for s in chosen), "sentence-best-missing")


def _check_snapped(text: str, spans: tuple, snapped: tuple) -> None:
    """Sentence widening (exploration spans): in bounds, in order, no white-space edges, and
    every non-space character of every span still covered."""
    check = h.check
    previous_end = -1
    for span in snapped:
        check(0 <= span.start <= span.end <= len(text), "snap-bounds", f"{span} in {len(text)}")
        check(span.start >= previous_end, "snap-overlap")
        if span.end > span.start:
            check(not text[span.start].isspace(), "snap-leading-space")
            check(not text[span.end - 1].isspace(), "snap-trailing-space")
        previous_end = span.end
    starts = [s.start for s in snapped]
    for span in spans:
        for i in range(span.start, span.end):
            if not text[i].isspace():  # its first non-space character is inside a result
                at = bisect.bisect_right(starts, i) - 1
                check(at >= 0 and i < snapped[at].end, "snap-lost-text", str(span))
                break


if __name__ == "__main__":
    h.run("encoding", test_one)

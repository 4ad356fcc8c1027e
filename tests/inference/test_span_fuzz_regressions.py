"""Regression tests for inference problems found while fuzzing (fuzz/, docs/reliability.md).

``fuzz_encoding`` found a 32-byte input that took 25-30 s (libFuzzer ``slow-unit``): a
600 000-character response with no spaces (CJK code points repeated) and 37 marked runs.
Each span's edges were widened to whole words by scanning the text, and every span in one long
run of letters scanned that whole run again: O(spans x len(text)), about 8 s per dimension for
a 1 MB message in Chinese. Spans are now built so that each character is scanned at most a
couple of times, with exactly the same results (checked here against the old algorithm).
"""

from __future__ import annotations

import itertools
import unicodedata
from typing import SupportsIndex

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from carelens.inference.artifact import default_model_dir
from carelens.inference.encoding import PairEncoder
from carelens.inference.spans import token_probs_to_spans
from carelens.types import Span

ENCODER = PairEncoder.from_file(default_model_dir() / "tokenizer.json")

#: The fuzzer's input decoded as its target does: byte 0 = 0x43 (repeat 40 000, threshold
#: 0.05, UTF-16-LE), then these 15 code points; the response is them, repeated to 600 000.
FUZZ_UNIT = "\u5480\u78e2" + "\u7878" * 11 + "\u1f2e\u5010"


class CountingText(str):
    """A str that counts character reads (``text[i]``) made by the span code."""

    reads = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        CountingText.reads += 1
        return str.__getitem__(self, key)


def reference_spans(
    text: str, offsets: NDArray[np.int64], probs: NDArray[np.float32], label: str, threshold: float
) -> tuple[Span, ...]:
    """The algorithm before the fix (quadratic), kept as the oracle for the results; its word
    characters follow the later rule that a combining mark belongs to its letter."""

    def word(char: str) -> bool:
        return char.isalnum() or unicodedata.category(char).startswith("M")

    def widen(start: int, end: int) -> tuple[int, int]:
        if start < len(text) and word(text[start]):
            while start > 0 and word(text[start - 1]):
                start -= 1
        if end > 0 and word(text[end - 1]):
            while end < len(text) and word(text[end]):
                end += 1
        return start, end

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
        start, end = widen(int(offsets[first][0]), int(offsets[k][1]))
        score = float(np.mean(probs[first : k + 1]))
        if spans and start <= spans[-1].end:
            prev = spans.pop()
            start, score = prev.start, max(score, prev.score)
        spans.append(Span(start=start, end=end, label=label, score=round(score, 4)))
        k += 1
    return tuple(spans)


def fuzz_case(text: str) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    offsets = ENCODER.encode([("", text)]).response_offsets[0]
    probs = np.asarray([(i % 3) / 2 for i in range(len(offsets))], dtype=np.float32)
    return offsets, probs


def test_the_fuzzers_slow_input_scans_each_character_a_bounded_number_of_times() -> None:
    text = FUZZ_UNIT * 40_000
    assert len(text) == 600_000
    offsets, probs = fuzz_case(text)
    assert len(offsets) == ENCODER.max_response_tokens
    CountingText.reads = 0
    spans = token_probs_to_spans(CountingText(text), offsets, probs, "x", threshold=0.05)
    assert [(s.start, s.end) for s in spans] == [(0, len(text))]  # one run of letters
    # Before the fix: ~37 spans x 600 000 characters = 22 million reads.
    assert CountingText.reads <= 2 * len(text) + 10 * len(offsets)


def test_a_megabyte_without_spaces_gives_the_same_spans_as_before() -> None:
    text = "我很难过" * 250_000
    offsets = ENCODER.encode([("", text)]).response_offsets[0]
    probs = np.asarray([k % 2 for k in range(len(offsets))], dtype=np.float32)
    CountingText.reads = 0
    spans = token_probs_to_spans(CountingText(text), offsets, probs, "x")
    assert [(s.start, s.end, s.score) for s in spans] == [(0, 1_000_000, 1.0)]
    assert CountingText.reads <= 2 * len(text) + 10 * len(offsets)
    small = text[:2_000]  # the old algorithm is affordable here: same answer
    offsets = ENCODER.encode([("", small)]).response_offsets[0]
    probs = np.asarray([k % 2 for k in range(len(offsets))], dtype=np.float32)
    assert token_probs_to_spans(small, offsets, probs, "x") == reference_spans(
        small, offsets, probs, "x", 0.5
    )


@st.composite
def texts_and_offsets(draw: st.DrawFn) -> tuple[str, NDArray[np.int64]]:
    alphabet = st.sampled_from([*"ab1 .,'-é\n", "我", "각", "ᄀ", "ﬁ", "e\u0301", "😊"])
    text = "".join(draw(st.lists(alphabet, max_size=40)))
    if draw(st.booleans()):  # real tokenizer offsets (may repeat: Hangul jamo)
        return text, ENCODER.encode([("", text)]).response_offsets[0]
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=14)))
    pairs = [(a, b) for a, b in itertools.pairwise(cuts) if draw(st.booleans())]
    return text, np.asarray(pairs, dtype=np.int64).reshape(-1, 2)


@settings(max_examples=300, deadline=None)
@given(texts_and_offsets(), st.data(), st.sampled_from([0.3, 0.5, 0.9]))
def test_spans_equal_the_old_algorithm(
    sample: tuple[str, NDArray[np.int64]], data: st.DataObject, threshold: float
) -> None:
    text, offsets = sample
    n = len(offsets)
    probs = np.asarray(
        data.draw(st.lists(st.sampled_from([0.0, 0.4, 0.6, 1.0]), min_size=n, max_size=n)),
        dtype=np.float32,
    )
    assert token_probs_to_spans(text, offsets, probs, "x", threshold) == reference_spans(
        text, offsets, probs, "x", threshold
    )

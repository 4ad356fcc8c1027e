"""Token rationale probabilities to character spans: grouping, threshold, widening, merging."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from carelens.inference.artifact import default_model_dir
from carelens.inference.encoding import PairEncoder
from carelens.inference.spans import snap_to_sentences, token_probs_to_spans
from carelens.types import Span


def offs(*pairs: tuple[int, int]) -> NDArray[np.int64]:
    return np.asarray(pairs, dtype=np.int64).reshape(-1, 2)


def probs(*values: float) -> NDArray[np.float32]:
    return np.asarray(values, dtype=np.float32)


def texts_of(text: str, spans: Sequence[Span]) -> list[str]:
    return [s.text_in(text) for s in spans]


TEXT = "I am so sorry for your loss."
#        0123456789012345678901234567
WORDS = offs((0, 1), (2, 4), (5, 7), (8, 13), (14, 17), (18, 22), (23, 27), (27, 28))


def test_consecutive_tokens_form_one_span() -> None:
    p = probs(0.1, 0.1, 0.9, 0.7, 0.2, 0.1, 0.1, 0.1)
    spans = token_probs_to_spans(TEXT, WORDS, p, "sympathy")
    assert texts_of(TEXT, spans) == ["so sorry"]
    (span,) = spans
    assert (span.start, span.end, span.label) == (5, 13, "sympathy")
    assert span.score == pytest.approx(0.8, abs=1e-4)


def test_separate_runs_give_separate_spans_in_order() -> None:
    p = probs(0.9, 0.1, 0.1, 0.1, 0.1, 0.8, 0.8, 0.1)
    spans = token_probs_to_spans(TEXT, WORDS, p, "x")
    assert texts_of(TEXT, spans) == ["I", "your loss"]
    assert [s.score for s in spans] == [pytest.approx(0.9), pytest.approx(0.8)]


def test_threshold_is_inclusive() -> None:
    p = probs(0.0, 0.0, 0.5, 0.49, 0.0, 0.0, 0.0, 0.0)
    assert texts_of(TEXT, token_probs_to_spans(TEXT, WORDS, p, "x", threshold=0.5)) == ["so"]
    assert texts_of(TEXT, token_probs_to_spans(TEXT, WORDS, p, "x", threshold=0.4)) == ["so sorry"]
    assert token_probs_to_spans(TEXT, WORDS, p, "x", threshold=0.6) == ()


def test_nothing_above_threshold_gives_no_spans() -> None:
    assert token_probs_to_spans(TEXT, WORDS, np.zeros(8, dtype=np.float32), "x") == ()


def test_empty_input() -> None:
    empty = np.zeros((0, 2), dtype=np.int64)
    assert token_probs_to_spans("", empty, probs(), "x") == ()
    assert token_probs_to_spans("Hello", empty, probs(), "x") == ()


def test_part_of_a_word_is_widened_to_the_whole_word() -> None:
    text = "That sounds exhausting."
    # word pieces: That | sounds | exhaust | ##ing | .
    pieces = offs((0, 4), (5, 11), (12, 19), (19, 22), (22, 23))
    spans = token_probs_to_spans(text, pieces, probs(0.0, 0.0, 0.0, 0.9, 0.0), "x")
    assert texts_of(text, spans) == ["exhausting"]
    spans = token_probs_to_spans(text, pieces, probs(0.0, 0.0, 0.9, 0.0, 0.0), "x")
    assert texts_of(text, spans) == ["exhausting"]


def test_widening_does_not_cross_punctuation_or_spaces() -> None:
    text = "sorry, truly"
    pieces = offs((0, 5), (5, 6), (7, 12))
    spans = token_probs_to_spans(text, pieces, probs(0.9, 0.1, 0.9), "x")
    assert texts_of(text, spans) == ["sorry", "truly"]


def test_a_punctuation_token_is_not_widened_into_the_word_beside_it() -> None:
    text = "so sorry!"
    pieces = offs((0, 2), (3, 8), (8, 9))
    assert texts_of(text, token_probs_to_spans(text, pieces, probs(0.0, 0.0, 0.9), "x")) == ["!"]
    text = "(hugs)"
    pieces = offs((0, 1), (1, 5), (5, 6))
    assert texts_of(text, token_probs_to_spans(text, pieces, probs(0.9, 0.0, 0.0), "x")) == ["("]


def test_pieces_joined_by_widening_are_merged() -> None:
    text = "unbelievable pain"
    # un | ##believ | ##able | pain: the first and third piece are marked, the middle is not.
    pieces = offs((0, 2), (2, 8), (8, 12), (13, 17))
    spans = token_probs_to_spans(text, pieces, probs(0.6, 0.1, 0.9, 0.0), "x")
    assert texts_of(text, spans) == ["unbelievable"]
    assert spans[0].score == pytest.approx(0.9)  # the best of the merged runs


def test_probabilities_beyond_the_offsets_are_ignored() -> None:
    # The model scores every sequence position; only the response tokens have offsets.
    p = probs(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.9, 1.0, 1.0, 1.0)
    assert texts_of(TEXT, token_probs_to_spans(TEXT, WORDS, p, "x")) == ["."]


def test_scores_are_rounded_floats() -> None:
    text = "hello"
    spans = token_probs_to_spans(text, offs((0, 5)), probs(0.123456789), "x", threshold=0.1)
    assert isinstance(spans[0].score, float)
    assert spans[0].score == 0.1235


def test_spans_with_real_tokenizer_offsets() -> None:
    encoder = PairEncoder.from_file(default_model_dir() / "tokenizer.json")
    text = "It sounds like you're heartbroken. What happened after she left?"
    offsets = encoder.encode([("", text)]).response_offsets[0]
    pieces = [text[s:e] for s, e in offsets.tolist()]
    marked = np.asarray(
        [1.0 if p in {"What", "happened", "after", "she", "left", "?"} else 0.0 for p in pieces],
        dtype=np.float32,
    )
    spans = token_probs_to_spans(text, offsets, marked, "exploration")
    assert texts_of(text, spans) == ["What happened after she left?"]


# --- properties ---------------------------------------------------------------------------------


def check_spans(text: str, spans: Sequence[Span], label: str, threshold: float) -> None:
    previous_end = -1
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start > previous_end  # sorted, not overlapping, not touching
        assert span.label == label
        assert threshold - 1e-4 <= span.score <= 1.0
        previous_end = span.end


def check_marked_tokens_covered(
    spans: Sequence[Span], offsets: NDArray[np.int64], p: NDArray[np.float32], threshold: float
) -> None:
    for (start, end), prob in zip(offsets.tolist(), p, strict=False):
        if prob >= threshold and end > start:
            assert any(s.start <= start and end <= s.end for s in spans)


_ENCODER = PairEncoder.from_file(default_model_dir() / "tokenizer.json")


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=200),
    data=st.data(),
    threshold=st.floats(min_value=0.05, max_value=0.95),
)
def test_spans_from_any_text_are_sorted_disjoint_and_inside(
    text: str, data: st.DataObject, threshold: float
) -> None:
    offsets = _ENCODER.encode([("", text)]).response_offsets[0]
    values = data.draw(
        st.lists(st.floats(min_value=0, max_value=1), min_size=len(offsets), max_size=len(offsets))
    )
    p = np.asarray(values, dtype=np.float32)
    spans = token_probs_to_spans(text, offsets, p, "exploration", threshold=threshold)
    check_spans(text, spans, "exploration", threshold)
    check_marked_tokens_covered(spans, offsets, p, threshold)


@st.composite
def text_and_token_offsets(draw: st.DrawFn) -> tuple[str, NDArray[np.int64]]:
    """Any text cut into ordered, non-overlapping tokens (gaps allowed)."""
    text = draw(st.text(alphabet=st.sampled_from("ab1 .,'-é\n"), min_size=1, max_size=80))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), min_size=2, max_size=30)))
    pairs = [(a, b) for a, b in itertools.pairwise(cuts) if draw(st.booleans())]
    return text, offs(*pairs)


@settings(max_examples=200, deadline=None)
@given(text_and_token_offsets(), st.data())
def test_spans_from_synthetic_offsets(
    sample: tuple[str, NDArray[np.int64]], data: st.DataObject
) -> None:
    text, offsets = sample
    p = np.asarray(
        data.draw(
            st.lists(
                st.sampled_from([0.0, 0.3, 0.5, 0.9, 1.0]),
                min_size=len(offsets),
                max_size=len(offsets),
            )
        ),
        dtype=np.float32,
    )
    spans = token_probs_to_spans(text, offsets, p, "x", threshold=0.5)
    check_spans(text, spans, "x", 0.5)
    check_marked_tokens_covered(spans, offsets, p, 0.5)


# --- snap_to_sentences ---------------------------------------------------------------------

SNAP_TEXT = "That sounds hard. How long have you felt this way?! I wonder if work is part.\nDo you"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (22, 30, ["How long have you felt this way?!"]),
        (0, 4, ["That sounds hard."]),
        (60, 66, ["I wonder if work is part."]),
        (len(SNAP_TEXT) - 3, len(SNAP_TEXT), ["Do you"]),
        (40, 60, ["How long have you felt this way?! I wonder if work is part."]),
    ],
)
def test_snap_widens_to_the_sentences_touched(start: int, end: int, expected: list[str]) -> None:
    snapped = snap_to_sentences(SNAP_TEXT, (Span(start, end, "exploration", 0.6),))
    assert [SNAP_TEXT[s.start : s.end] for s in snapped] == expected
    assert all(s.label == "exploration" and s.score == 0.6 for s in snapped)


def test_snap_joins_spans_of_one_sentence_keeping_the_best_score() -> None:
    spans = (Span(22, 26, "x", 0.5), Span(35, 40, "x", 0.7), Span(60, 62, "x", 0.1))
    snapped = snap_to_sentences(SNAP_TEXT, spans)
    assert [(SNAP_TEXT[s.start : s.end], s.score) for s in snapped] == [
        ("How long have you felt this way?!", 0.7),
        ("I wonder if work is part.", 0.1),
    ]
    assert snap_to_sentences(SNAP_TEXT, ()) == ()


@settings(max_examples=400)
@given(st.text(alphabet="ab .?!\n", max_size=60), st.data())
def test_snapped_spans_cover_the_originals_and_never_overlap(
    text: str, data: st.DataObject
) -> None:
    n = data.draw(st.integers(0, 4))
    spans = []
    for _ in range(n):
        start = data.draw(st.integers(0, len(text)))
        spans.append(Span(start, data.draw(st.integers(start, len(text))), "x", 0.5))
    snapped = snap_to_sentences(text, tuple(spans))
    for a, b in itertools.pairwise(snapped):
        assert a.end <= b.start
    covered = {i for s in snapped for i in range(s.start, s.end)}
    for span in spans:  # every character of an original span, but white space, is covered
        assert {i for i in range(span.start, span.end) if not text[i].isspace()} <= covered
    for s in snapped:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start == s.end or not (text[s.start].isspace() or text[s.end - 1].isspace())


def test_snap_is_linear_on_a_long_unpunctuated_text() -> None:
    text = "word " * 200_000
    spans = tuple(Span(i, i + 4, "x", 0.5) for i in range(0, len(text) - 5, 50))
    (snapped,) = snap_to_sentences(text, spans)
    assert (snapped.start, snapped.end) == (0, len(text) - 1)


def test_snap_over_a_long_run_of_spaces_finishes() -> None:
    # A trailing-space search by regular expression backtracked quadratically here (found by
    # the encoding fuzz target): 12,000 spaces took 1.3 s, 200,000 would take minutes.
    text = "a" + " " * 200_000 + "b"
    assert snap_to_sentences(text, (Span(0, 1, "x", 0.5),)) == (Span(0, len(text), "x", 0.5),)
    text = "a" + " " * 200_000 + "."
    (span,) = snap_to_sentences(text, (Span(0, 1, "x", 0.5),))
    assert (span.start, span.end) == (0, len(text))


def test_snap_drops_a_span_of_white_space_only_and_keeps_sentences_as_sentence_ranges() -> None:
    from carelens.inference.spans import sentence_ranges

    text = "Are you ok?   Tell me more.  "
    assert (
        snap_to_sentences(text, (Span(12, 14, "x", 0.5), Span(len(text) - 1, len(text), "x", 0.5)))
        == ()
    )
    whole = snap_to_sentences(text, (Span(0, len(text), "x", 0.5),))
    ranges = list(sentence_ranges(text))
    assert [(s.start, s.end) for s in whole] == [(ranges[0][0], ranges[-1][1])]
    singles = [snap_to_sentences(text, (Span(a, a + 1, "x", 0.5),)) for a, _ in ranges]
    assert [(s.start, s.end) for (s,) in singles] == ranges

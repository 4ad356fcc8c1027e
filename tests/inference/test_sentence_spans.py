"""Rationale spans as whole sentences: sentence boundaries, scoring and selection by ratio."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from carelens.inference.spans import (
    choose_sentences,
    select_sentences,
    sentence_ranges,
    sentence_score_matrix,
    sentence_scores,
    sentence_token_ranges,
    snap_to_sentences,
)
from carelens.types import Span

TEXT = "That sounds hard. I'm so sorry!  What happened next?\nI lost mine too..."


def word_offsets(text: str) -> NDArray[np.int64]:
    pairs = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    return np.asarray(pairs, dtype=np.int64).reshape(-1, 2)


def sentence_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_ranges(text)]


def probs_by_sentence(text: str, values: list[float]) -> NDArray[np.float32]:
    """Every token of the i-th sentence gets ``values[i]``."""
    ranges = list(sentence_ranges(text))
    out = []
    for start, _ in word_offsets(text):
        index = max(i for i, (s, _) in enumerate(ranges) if s <= start)
        out.append(values[index])
    return np.asarray(out, dtype=np.float32)


def test_sentences_end_at_marks_and_line_breaks_without_edge_space() -> None:
    assert sentence_texts(TEXT) == [
        "That sounds hard.",
        "I'm so sorry!",
        "What happened next?",
        "I lost mine too...",
    ]
    assert sentence_texts("  no marks at all  ") == ["no marks at all"]
    assert sentence_texts("Really?!? Yes.\n\n\nok") == ["Really?!?", "Yes.", "ok"]
    assert sentence_texts("") == [] and sentence_texts(" \n\t ") == []


def test_sentence_scan_stops_after_the_sentence_that_reaches_until() -> None:
    text = "Hi there. " * 1_000_000  # 10 MB; only the first sentences are looked at
    assert [text[s:e] for s, e in sentence_ranges(text, until=12)] == ["Hi there.", "Hi there."]


def test_sentence_score_is_the_mean_of_its_tokens() -> None:
    offsets = word_offsets(TEXT)
    p = probs_by_sentence(TEXT, [0.2, 0.8, 0.4, 0.1])
    p[0] = 0.5  # "That": the first sentence's mean moves
    scored = sentence_scores(TEXT, offsets, p)
    assert [TEXT[s:e] for s, e, _ in scored] == sentence_texts(TEXT)
    n_first = 4  # That sounds hard .
    assert scored[0][2] == np.float32(np.mean(p[:n_first]))
    assert [round(x, 3) for _, _, x in scored[1:]] == [0.8, 0.4, 0.1]


def test_the_best_sentence_and_those_within_the_ratio_are_chosen() -> None:
    offsets = word_offsets(TEXT)
    p = probs_by_sentence(TEXT, [0.2, 0.8, 0.5, 0.1])
    only_best = select_sentences(TEXT, offsets, p, "sympathy", 1.0)
    assert [s.text_in(TEXT) for s in only_best] == ["I'm so sorry!"]
    assert only_best[0].label == "sympathy" and only_best[0].score == 0.8
    # 0.5 >= 0.6 x 0.8: the next sentence joins; neighbours make one span, best score kept
    (joined,) = select_sentences(TEXT, offsets, p, "sympathy", 0.6)
    assert joined.text_in(TEXT) == "I'm so sorry!  What happened next?"
    assert joined.score == 0.8
    # 0.2 >= 0.25 x 0.8: the first sentence joins them too; 0.1 stays out
    spans = select_sentences(TEXT, offsets, p, "sympathy", 0.25)
    assert [s.text_in(TEXT) for s in spans] == [
        "That sounds hard. I'm so sorry!  What happened next?"
    ]
    # sentences apart from each other make spans of their own
    p = probs_by_sentence(TEXT, [0.3, 0.1, 0.9, 0.1])
    spans = select_sentences(TEXT, offsets, p, "x", 0.3)
    assert [s.text_in(TEXT) for s in spans] == ["That sounds hard.", "What happened next?"]


def test_nothing_is_chosen_without_tokens_or_probability() -> None:
    offsets = word_offsets(TEXT)
    assert select_sentences(TEXT, offsets, np.zeros(len(offsets), np.float32), "x", 0.5) == ()
    empty = np.zeros((0, 2), dtype=np.int64)
    assert select_sentences(TEXT, empty, np.zeros(0, np.float32), "x", 0.5) == ()
    assert select_sentences("", empty, np.zeros(0, np.float32), "x", 0.5) == ()


def test_sentences_past_the_truncated_tokens_are_never_chosen() -> None:
    offsets = word_offsets(TEXT)[:6]  # the model saw "That sounds hard . I 'm" only
    p = np.asarray([0.1, 0.1, 0.1, 0.1, 0.9, 0.9], dtype=np.float32)
    spans = select_sentences(TEXT, offsets, p, "x", 0.1)
    assert [s.text_in(TEXT) for s in spans] == ["That sounds hard. I'm so sorry!"]


def test_a_long_unpunctuated_response_is_one_sentence() -> None:
    text = "word " * 200_000
    offsets = word_offsets(text)[:112]
    (span,) = select_sentences(text, offsets, np.full(112, 0.3, np.float32), "x", 0.5)
    assert (span.start, span.end) == (0, len(text) - 1)


@settings(max_examples=300)
@given(
    st.text(alphabet="ab .?!\n", max_size=80),
    st.data(),
    st.sampled_from([0.1, 0.5, 0.9, 1.0]),
)
def test_chosen_spans_are_whole_sentences_at_or_above_the_ratio(
    text: str, data: st.DataObject, ratio: float
) -> None:
    offsets = word_offsets(text)
    n = data.draw(st.integers(0, len(offsets)))
    offsets = offsets[:n]
    p = np.asarray(
        data.draw(st.lists(st.floats(0, 1, width=32), min_size=n, max_size=n)), dtype=np.float32
    )
    spans = select_sentences(text, offsets, p, "x", ratio)
    scored = sentence_scores(text, offsets, p)
    best = max((score for *_, score in scored), default=0.0)
    starts = {s for s, _, _ in scored}
    ends = {e for _, e, _ in scored}
    for a, b in itertools.pairwise(spans):
        assert a.end < b.start
    covered = set()
    for span in spans:
        assert span.start in starts and span.end in ends
        covered |= set(range(span.start, span.end))
    for start, end, score in scored:  # chosen exactly when at or above ratio x best
        chosen = start in covered
        assert chosen == (best > 0 and score > 0 and score >= ratio * best)
        assert all((i in covered) == chosen for i in range(start, end))


@settings(max_examples=200)
@given(st.text(alphabet="ab .?!\n", max_size=80), st.data())
def test_scoring_every_dimension_at_once_matches_scoring_each_alone(
    text: str, data: st.DataObject
) -> None:
    """The analyzer scores all dimensions from one pass over the sentences."""
    offsets = word_offsets(text)
    n = len(offsets)
    table = np.asarray(
        data.draw(st.lists(st.floats(0, 1, width=32), min_size=3 * n, max_size=3 * n)),
        dtype=np.float32,
    ).reshape(n, 3)
    ranges = sentence_token_ranges(text, offsets)
    matrix = sentence_score_matrix(ranges, table)
    assert matrix.shape == (len(ranges), 3)
    for d in range(3):
        alone = sentence_scores(text, offsets, table[:, d])
        assert [(s, e) for s, e, _ in alone] == [(s, e) for s, e, _, _ in ranges]
        for (_, _, first, stop), score in zip(ranges, matrix[:, d], strict=True):
            expected = float(np.mean(table[first:stop, d], dtype=np.float64)) if stop > first else 0
            assert abs(score - expected) < 1e-9
        together = [(s, e, float(m)) for (s, e, _, _), m in zip(ranges, matrix[:, d], strict=True)]
        assert choose_sentences(together, "x", 0.5) == select_sentences(
            text, offsets, table[:, d], "x", 0.5
        )


def test_tokens_of_each_sentence() -> None:
    offsets = word_offsets(TEXT)
    ranges = sentence_token_ranges(TEXT, offsets)
    assert [TEXT[s:e] for s, e, _, _ in ranges] == sentence_texts(TEXT)
    words = [TEXT[a:b] for a, b in offsets]
    assert [words[first:stop] for _, _, first, stop in ranges][:2] == [
        ["That", "sounds", "hard", "."],
        ["I", "'", "m", "so", "sorry", "!"],
    ]
    assert sentence_token_ranges(TEXT, offsets[:0]) == []
    assert sentence_score_matrix([], np.zeros((0, 2), np.float32)).shape == (0, 2)


# Where a sentence ends: not inside a number, a web address or an abbreviation; at every line
# break and at the ellipsis character and CJK marks.

NUMBER = "I'm so sorry, losing 2.5 years of hard work is painful. How are you holding up?"
ADDRESS = "Check out jobs.example.com for listings. I'm so sorry you're going through this."


def test_a_number_or_a_web_address_does_not_end_a_sentence() -> None:
    assert sentence_texts(NUMBER) == [
        "I'm so sorry, losing 2.5 years of hard work is painful.",
        "How are you holding up?",
    ]
    assert sentence_texts(ADDRESS) == [
        "Check out jobs.example.com for listings.",
        "I'm so sorry you're going through this.",
    ]
    assert sentence_texts("See https://www.reddit.com/r/depression at 4:30. It helps.") == [
        "See https://www.reddit.com/r/depression at 4:30.",
        "It helps.",
    ]
    # a full stop before a capital still ends one, with or without a space
    assert sentence_texts("Work is awful.I feel alone") == ["Work is awful.", "I feel alone"]


def test_an_abbreviation_does_not_end_a_sentence() -> None:
    text = "Dr. Smith said a walk helps, e.g. in the park. I moved to the U.S. last year. Ok"
    assert sentence_texts(text) == [
        "Dr. Smith said a walk helps, e.g. in the park.",
        "I moved to the U.S. last year.",
        "Ok",
    ]


def test_rationale_spans_keep_numbers_and_addresses_whole() -> None:
    # The bug: spans were "I'm so sorry, losing 2." and "Check out jobs." / "com for ...".
    p = np.asarray(
        [0.9 if a < NUMBER.index("losing") else 0.5 for a, _ in word_offsets(NUMBER)],
        dtype=np.float32,
    )
    (span,) = select_sentences(NUMBER, word_offsets(NUMBER), p, "sympathy", 0.8)
    assert NUMBER[span.start : span.end] == span.text_in(NUMBER)
    assert span.text_in(NUMBER) == "I'm so sorry, losing 2.5 years of hard work is painful."
    start = ADDRESS.index("I'm")
    p = np.asarray([0.9 if a >= start else 0.3 for a, _ in word_offsets(ADDRESS)], np.float32)
    (span,) = select_sentences(ADDRESS, word_offsets(ADDRESS), p, "sympathy", 0.5)
    assert (span.start, span.end) == (start, len(ADDRESS))
    p = np.asarray([0.9 if a < start else 0.1 for a, _ in word_offsets(ADDRESS)], np.float32)
    (span,) = select_sentences(ADDRESS, word_offsets(ADDRESS), p, "x", 0.5)
    assert span.text_in(ADDRESS) == "Check out jobs.example.com for listings."


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0c"])
def test_every_line_break_ends_a_sentence(brk: str) -> None:
    text = f"That sounds so hard{brk}How are you feeling{brk}{brk}I'm here"
    assert sentence_texts(text) == ["That sounds so hard", "How are you feeling", "I'm here"]


def test_the_ellipsis_character_and_cjk_marks_end_a_sentence() -> None:
    text = "That sounds so hard\u2026 How are you feeling\u2026 I'm here."
    assert sentence_texts(text) == [
        "That sounds so hard\u2026",
        "How are you feeling\u2026",
        "I'm here.",
    ]
    assert sentence_texts("Wait?!\u2026 Ok") == ["Wait?!\u2026", "Ok"]
    assert sentence_texts("我很难过。你还好吗\uff1f加油\uff01好") == [
        "我很难过。",
        "你还好吗\uff1f",
        "加油\uff01",
        "好",
    ]
    # the reply is three spans' worth of sentences, not one
    offsets = word_offsets(text)
    p = np.asarray([0.9 if a < text.index("How") else 0.2 for a, _ in offsets], np.float32)
    (span,) = select_sentences(text, offsets, p, "sympathy", 0.5)
    assert span.text_in(text) == "That sounds so hard\u2026"


def test_snapped_spans_keep_a_number_whole() -> None:
    (span,) = snap_to_sentences(NUMBER, (Span(0, 5, "x", 0.5),))
    assert span.text_in(NUMBER) == "I'm so sorry, losing 2.5 years of hard work is painful."


def test_a_long_text_of_numbers_and_abbreviations_is_one_sentence() -> None:
    text = "2.5 e.g. the U.S. and jobs.example.com " * 25_000  # 1 MB, no sentence end
    assert list(sentence_ranges(text)) == [(0, len(text) - 1)]


@settings(max_examples=300)
@given(st.text(alphabet="aB1 .?!:/\u2026\u3002\n\r\u2028\x85", max_size=80))
def test_sentences_cover_the_text_in_order_without_a_line_break(text: str) -> None:
    ranges = list(sentence_ranges(text))
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert end <= start  # "awful.I feel": sentences may touch
    covered = set()
    for start, end in ranges:
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert not any(c in piece for c in "\n\r\u2028\x85")
        covered |= set(range(start, end))
    assert all(c.isspace() for i, c in enumerate(text) if i not in covered)

"""The stretches a list of patterns finds in a reply, as the readers of dismissal collect them:
white space at their ends left out (at the start only where asked), the reply skipped when it
lacks the words the patterns need, curly apostrophes read as straight ones, in order."""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans, match_spans, needled_spans, straight

#: A pattern that takes the white space on both sides of its words, and the rest of a clause.
PADDED = re.compile(r"\s*grow\s+up[^.!?]*", re.IGNORECASE)


def test_match_spans_leave_out_the_white_space_at_both_ends() -> None:
    text = "Honestly.  grow up  . Then GROW UP\t!"
    assert [text[s:e] for s, e in match_spans(PADDED, text)] == ["grow up", "GROW UP"]


def test_match_spans_can_keep_the_white_space_at_the_end() -> None:
    text = "Honestly.  grow up  . Then GROW UP\t!"
    kept = match_spans(PADDED, text, keep_end_space=True)
    assert [text[s:e] for s, e in kept] == ["grow up  ", "GROW UP\t"]


def test_a_match_of_white_space_alone_is_no_span() -> None:
    blank = re.compile(r"\s+")
    assert list(match_spans(blank, "a  b")) == []
    assert list(match_spans(blank, "a  b", keep_end_space=True)) == []


def test_straight_keeps_every_position() -> None:
    assert straight("you\u2019re here, aren\u2019t you") == "you're here, aren't you"
    assert len(straight("\u2019" * 5)) == 5


def test_gated_spans_read_nothing_without_the_gate_words() -> None:
    pattern = re.compile(r"\bcalm\s+down\b", re.IGNORECASE)
    assert gated_spans("Calm down.", re.compile(r"relax"), [pattern]) == []
    assert gated_spans("Calm down.", re.compile(r"calm"), [pattern]) == [(0, 9)]


def test_gated_spans_search_the_gate_in_lower_case_and_sort_all_patterns() -> None:
    later = re.compile(r"\bgrow\s+up\b", re.IGNORECASE)
    earlier = re.compile(r"\byou're\s+lazy\b", re.IGNORECASE)
    response = "You\u2019re lazy. GROW UP."
    spans = gated_spans(response, re.compile(r"grow|lazy"), [later, earlier])
    assert [response[s:e] for s, e in spans] == ["You\u2019re lazy", "GROW UP"]


def test_gated_spans_keep_the_end_space_only_where_asked() -> None:
    gate = re.compile(r"grow")
    assert gated_spans("grow up  .", gate, [PADDED]) == [(0, 7)]
    assert gated_spans("grow up  .", gate, [PADDED], keep_end_space=True) == [(0, 9)]


def test_needled_spans_try_a_pattern_only_with_its_words() -> None:
    patterns = [
        (re.compile(r"calm"), re.compile(r"\bcalm\s+down\b", re.IGNORECASE)),
        (re.compile(r"nothing here"), re.compile(r"\bgrow\s+up\b", re.IGNORECASE)),
    ]
    assert needled_spans("Grow up and calm down.", patterns) == [(12, 21)]


def test_needled_spans_leave_out_what_unless_rules_out() -> None:
    patterns = [(re.compile(r"over"), re.compile(r"\byou're\s+over\s+it\b", re.IGNORECASE))]
    response = "I hope you\u2019re over it. You feel like you\u2019re over it."
    seen: list[str] = []

    def felt(text: str, at: int) -> bool:
        seen.append(text)
        return text[:at].endswith("feel like ")

    spans = needled_spans(response, patterns, unless=felt)
    assert [response[s:e] for s, e in spans] == ["you\u2019re over it"]
    assert all("\u2019" not in text for text in seen)  # the test reads the straightened reply

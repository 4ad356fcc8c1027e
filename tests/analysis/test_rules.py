"""The minimising / blaming rules: what they catch, what negation keeps them from catching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.rules import apply_rules, minimising_spans
from carelens.types import DimensionScore


def texts(response: str) -> list[str]:
    return [response[s.start : s.end] for s in minimising_spans(response)]


@pytest.mark.parametrize(
    ("response", "phrase"),
    [
        ("At least you have a job.", "At least you have a job"),
        ("Well, at least it's over now", "at least it's over now"),
        ("Honestly, get over it.", "get over it"),
        ("What did you expect?", "What did you expect"),
        ("You're being too sensitive about this.", "You're being too sensitive"),
        ("You are overreacting.", "You are overreacting"),
        ("It's not that bad.", "It's not that bad"),
        ("It could be worse, you know.", "It could be worse"),
        ("Other people have it way worse.", "Other people have it way worse"),
        ("It's just a dog.", "It's just a dog"),
        ("Stop whining and do something.", "Stop whining"),
        ("You brought this on yourself.", "You brought this on yourself"),
        ("Just cheer up!", "Just cheer up"),
    ],
)
def test_minimising_phrases_are_found(response: str, phrase: str) -> None:
    assert texts(response) == [phrase]


@pytest.mark.parametrize(
    "response",
    [
        "It's not your fault.",
        "I'm not sorry I said it: you deserved better.",
        "You're not too sensitive, that was cruel.",
        "Not that you should just get over it.",
        "Nobody gets to tell you it's not that bad. I wouldn't say it's not that bad.",
        "I go at least twice a week.",
        "It took at least three tries.",
        "What did you expect to happen at the interview?",
        "That sounds so hard. What happened next?",
        "",
    ],
)
def test_negated_quantities_and_kind_replies_are_not_caught(response: str) -> None:
    assert texts(response) == []


def dim(level: int, probabilities: tuple[float, float, float]) -> DimensionScore:
    return DimensionScore(level=level, probabilities=probabilities)


def test_rule_raises_dismissive_to_weak_with_its_span() -> None:
    response = "At least you have your health."
    before = {"dismissive": dim(0, (0.9, 0.08, 0.02)), "sympathy": dim(1, (0.2, 0.7, 0.1))}
    after = apply_rules(before, response)
    assert before["dismissive"].level == 0  # the input is not changed
    score = after["dismissive"]
    assert score.level == 1
    assert score.probabilities[1] == max(score.probabilities)
    assert sum(score.probabilities) == pytest.approx(1.0, abs=1e-3)
    assert [response[s.start : s.end] for s in score.spans] == ["At least you have your health"]
    assert after["sympathy"] is before["sympathy"]


def test_rule_leaves_model_levels_above_zero_and_kind_replies_alone() -> None:
    strong = {"dismissive": dim(2, (0.1, 0.2, 0.7))}
    assert apply_rules(strong, "What did you expect?") == strong
    kind = {"dismissive": dim(0, (0.95, 0.04, 0.01))}
    assert apply_rules(kind, "It's not your fault, and I'm here.") == kind
    assert apply_rules({}, "At least you tried.") == {}


@given(st.text(max_size=300))
def test_spans_are_valid_for_any_text(response: str) -> None:
    previous_end = -1
    for span in minimising_spans(response):
        assert previous_end <= span.start < span.end <= len(response)
        assert span.label == "dismissive"
        previous_end = span.end

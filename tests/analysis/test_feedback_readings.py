"""What feedback reads beyond its sentence (:mod:`carelens.analysis.feedback_readings`)."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, at, dim

from carelens.analysis.feedback_readings import (
    given_at,
    leans_dismissive,
    level_of,
    own_offer,
    past_the_frame,
    understanding_levels,
    understanding_quote,
    validates_feeling,
)
from carelens.analysis.reply_feelings import reply_reading


def test_levels_and_the_lean_to_dismissal() -> None:
    made = analysis({"sympathy": dim(1), "dismissive": dim(0, probabilities=(0.4, 0.5, 0.1))})
    assert level_of(made, "sympathy") == 1
    assert level_of(made, "compassion") == 0
    assert leans_dismissive(made)
    assert not leans_dismissive(analysis({"dismissive": dim(0)}))


def test_understanding_marked_only_on_remarks_counts_for_none() -> None:
    response = "How heartbreaking."
    made = analysis({"interpretation": dim(1, (0, len(response)))})
    assert understanding_levels(made, response, [(0, 17)])["interpretation"] == 0
    assert understanding_levels(made, response, [])["interpretation"] == 1


def test_the_helpers_own_offer_is_found_without_understanding_only() -> None:
    response = "I can take the kids on Sunday so you can rest."
    made = analysis({"compassion": dim(1)})
    found = own_offer(made, response, understood=False, compassion=1)
    assert found is not None and response[found.start : found.end] == response
    assert own_offer(made, response, understood=True, compassion=1) is None


def test_a_feeling_inside_validation_is_validated_and_where_things_lie() -> None:
    response = "You have every right to be angry. You must feel so alone."
    named, _, _ = reply_reading(response, "my boss yelled at me")
    assert named is not None and validates_feeling(response, named)
    later = "That sounds lonely. You have every right to be angry."
    lonely, _, _ = reply_reading(later, "my boss yelled at me")
    assert lonely is not None and not validates_feeling(later, lonely)
    assert given_at(None, at(later, "That sounds lonely")) == [at(later, "That sounds lonely")]


@pytest.mark.parametrize(
    ("response", "quoted"),
    [
        (
            "I'm not going to say 'it could be worse'. Losing your work can knock who you are.",
            "Losing your work can knock who you are.",
        ),
        (
            "I won't tell you everything happens for a reason. Your dad had a stroke.",
            "Your dad had a stroke.",
        ),
        (
            "It'd be easy for someone to say 'must be nice', but you can be glad and unseen.",
            "you can be glad and unseen.",
        ),
        (
            "People will tell you it gets easier; right now it sounds like it only hurts.",
            "right now it sounds like it only hurts.",
        ),
        # nothing set aside, or nothing after it
        ("It sounds like you're exhausted.", "It sounds like you're exhausted."),
        ("I won't pretend to know.", "I won't pretend to know."),
    ],
)
def test_the_words_set_aside_are_passed_over(response: str, quoted: str) -> None:
    start, end = past_the_frame(response, 0, len(response))
    assert response[start:end] == quoted
    assert understanding_quote(dim(2, (0, len(response))), response, 20) == quoted
    assert understanding_quote(dim(0, (0, len(response))), response) is None


def test_the_words_after_those_set_aside_are_quoted_to_their_sentence_end() -> None:
    response = "I won't say it'll pass. It hurts because she mattered. Call me later."
    start, end = past_the_frame(response, 0, response.index(".") + 1)
    assert response[start:end] == "It hurts because she mattered"

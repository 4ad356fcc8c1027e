"""A reflection beside remarks of sympathy (:func:`reflection_beside`): "That's awful. It
sounds like you're caught in the middle of their fights."; not advice, the helper's own
story, a question, nor any reply without a remark."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_reflections import reflection_beside
from carelens.analysis.reply_remarks import reactions


def reflected_in(response: str) -> str | None:
    found = reflection_beside(response, reactions(response))
    return response[found[0] : found[1]] if found is not None else None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "How awful. It sounds like you're caught in the middle of their fights.",
            "It sounds like you're caught in the middle of their fights",
        ),
        ("That's so sad. It sounds like you miss her a lot.", "It sounds like you miss her a lot"),
        (
            "How awful. You must be grieving so much right now.",
            "You must be grieving so much right now",
        ),
        ("How awful. You must feel so torn.", "You must feel so torn"),
        (
            "That's awful. It sounds like this keeps happening and it hurts.",
            "It sounds like this keeps happening and it hurts",
        ),
        (
            "Oh no, that's awful, it sounds like you gave them everything",
            "it sounds like you gave them everything",
        ),
        (
            "That's terrible. I can only imagine how lonely that was.",
            "I can only imagine how lonely that was",
        ),
        (
            "How awful. You feel like you have to take sides.",
            "You feel like you have to take sides",
        ),
        (
            "That's so hard. You're carrying all of this by yourself.",
            "You're carrying all of this by yourself",
        ),
    ],
)
def test_a_reflection_beside_remarks_is_found(response: str, words: str) -> None:
    assert reflected_in(response) == words


@pytest.mark.parametrize(
    "response",
    [
        # advice, the helper's own, a question, nothing reflective
        "How sad. It sounds like you should talk to her.",
        "How awful. Sounds like you need to leave him.",
        "That's so hard. It sounds like me when I lost my dad.",
        "That's so sad. It sounds like you're overreacting.",
        "That's rough. You're making a big deal out of nothing.",
        "How awful. You feel like you should leave him.",
        "How sad. You're going to be fine.",
        "How sad. You're just looking for attention.",
        "How heartbreaking. What was she like?",
        "How sad. Maybe adopt a new puppy?",
        # no remark: left to the model
        "It sounds like you miss her.",
    ],
)
def test_advice_questions_and_replies_without_remarks_have_none(response: str) -> None:
    assert reflected_in(response) is None


@given(st.text(max_size=200))
def test_a_found_reflection_lies_inside_the_reply(response: str) -> None:
    found = reflection_beside(response, reactions(response))
    if found is not None:
        assert 0 <= found[0] < found[1] <= len(response)

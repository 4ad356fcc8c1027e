"""A reflection beside remarks of sympathy (:func:`reflection_beside`): "That's awful. It
sounds like you're caught in the middle of their fights."; not advice, the helper's own
story, a question, nor any reply without a remark."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_reflections import first_reflection, reflection_beside
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


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # other openers that say their experience back (session 34)
        (
            "Ugh. No wonder you feel like you can't win with her.",
            "No wonder you feel like you can't win with her",
        ),
        ("Oof. No wonder you dread Sundays.", "No wonder you dread Sundays"),
        (
            "Wow. That's the last thing you need while you're job hunting.",
            "That's the last thing you need while you're job hunting",
        ),
        (
            "Oh no. It's one thing to expect it and another to see it written down.",
            "It's one thing to expect it and another to see it written down",
        ),
        (
            "Oof. That kind of grief can sneak up on you months later.",
            "That kind of grief can sneak up on you months later",
        ),
        (
            "Ouch. Being left out by your own brother must hurt.",
            "Being left out by your own brother must hurt",
        ),
        (
            "Oh man. Like nothing you do is ever good enough for them.",
            "Like nothing you do is ever good enough for them",
        ),
        (
            "Ugh. So every visit with him turns into a fight.",
            "So every visit with him turns into a fight",
        ),
        (
            "Oh friend. You're watching your mum fade and trying to hold it together.",
            "You're watching your mum fade and trying to hold it together",
        ),
    ],
)
def test_more_reflective_openers_beside_remarks(response: str, words: str) -> None:
    assert reflected_in(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Ugh. No wonder nobody wants to hire you.",
        "Wow. No wonder you're single.",
        "Wow. Having a whole week off to cry must be nice.",
        "Wow. Like you should just move out already.",
        "Ugh. That kind of thing happens to everyone.",
    ],
)
def test_near_misses_of_the_new_openers_are_no_reflection(response: str) -> None:
    assert reflected_in(response) is None


def test_first_reflection_needs_no_remark() -> None:
    response = "So glad for you. You've been carrying so much fear all month."
    found = first_reflection(response)
    assert found is not None
    assert response[found[0] : found[1]] == "You've been carrying so much fear all month"
    assert first_reflection("Have you tried talking to her?") is None

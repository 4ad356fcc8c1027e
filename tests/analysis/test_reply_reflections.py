"""A reflection beside remarks of sympathy (:func:`reflection_beside`): "That's awful. It
sounds like you're caught in the middle of their fights."; not advice, the helper's own
story, a question, nor any reply without a remark."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_reflections import (
    first_reflection,
    plain_reflection,
    reflection_beside,
)
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


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # reflections in other words (session 35): "does sound like", "it's like ...", "it's
        # not only ... you're ...", "I wonder if for you ...", where they stand, a subject of
        # theirs that "sounds like" something for them
        (
            "Oof. It does sound like you're running on nothing.",
            "It does sound like you're running on nothing",
        ),
        ("Ugh. That really does seem like a lot.", "That really does seem like a lot"),
        ("Oh no. It's like losing her twice.", "It's like losing her twice"),
        (
            "Wow. It's almost like you're living two lives at once.",
            "It's almost like you're living two lives at once",
        ),
        (
            "So sad. It's not only him you're losing today.",
            "It's not only him you're losing today",
        ),
        (
            "How awful. It isn't just the job you lost, it's your routine.",
            "It isn't just the job you lost",
        ),
        (
            "Oh no. I wonder if for you it's more about the silence after.",
            "I wonder if for you it's more about the silence after",
        ),
        (
            "That's awful. I wonder whether part of you saw it coming.",
            "I wonder whether part of you saw it coming",
        ),
        ("Ugh. That's such a hard bind to be in.", "That's such a hard bind to be in"),
        (
            "Oof. That's a lonely place to be at your own party.",
            "That's a lonely place to be at your own party",
        ),
        (
            "Ugh. Weekends sound like the danger zone for you right now.",
            "Weekends sound like the danger zone for you right now",
        ),
        (
            "Oh man. Sunday nights seem like the worst part of the week for you.",
            "Sunday nights seem like the worst part of the week for you",
        ),
    ],
)
def test_reflections_in_other_words_beside_remarks(response: str, words: str) -> None:
    assert reflected_in(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Ugh. It's like saying you hate all dogs.",
        "Wow. It's like you want to be miserable.",
        "Oof. It's not just about you.",
        "How sad. I wonder if you should leave him.",
        "How awful. I wonder if you've tried yoga.",
        "Ugh. He sounds like a jerk.",
        "Oof. Your boss sounds like a nightmare.",
        "Wow. It really does sound like you're overreacting.",
        "How sad. Networking is key and you must be savvy about it.",
    ],
)
def test_near_misses_of_the_other_words_are_no_reflection(response: str) -> None:
    assert reflected_in(response) is None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("You must feel so let down. You trusted her.", "You must feel so let down"),
        (
            "That sounds like a lot to be carrying. What's it been like?",
            "That sounds like a lot to be carrying",
        ),
        (
            "If it feels like too much, call me. You must be tired of all of it.",
            "You must be tired of all of it",
        ),
    ],
)
def test_a_plain_reflection_stands_alone(response: str, words: str) -> None:
    found = plain_reflection(response)
    assert found is not None and response[found[0] : found[1]] == words


@pytest.mark.parametrize(
    "response",
    [
        "In order to find light, you must be surrounded by darkness.",
        "Before you wish for others to understand, you must be able to understand it yourself.",
        "It sounds like you're stressed?",
        "It feels like.",
        "Have you tried talking to her?",
        # the helper's own words after the opening
        "It feels like as my friends get better I stay stuck.",
    ],
)
def test_no_plain_reflection_in_general_words_questions_or_stubs(response: str) -> None:
    assert plain_reflection(response) is None


def test_a_plain_reflection_outside_the_helpers_story() -> None:
    response = "It sounds like me when I was 20. It sounds like you're carrying a lot."
    story = (0, response.index(".") + 1)
    found = plain_reflection(response, (story,))
    assert found is not None
    assert response[found[0] : found[1]] == "It sounds like you're carrying a lot"
    assert plain_reflection("I was a wreck for months. Hang in there.", ((0, 25),)) is None


def test_an_addressed_plain_reflection_speaks_to_them() -> None:
    response = "Depressed for years, it feels like it has been forever."
    assert plain_reflection(response) is not None
    assert plain_reflection(response, addressed=True) is None
    assert plain_reflection("Sounds like you're in the midst of it.", addressed=True) is not None

"""A turn from the seeker's feeling to why it matters less ("That's hard, no doubt. But that's
teenagers, she'll grow out of it"), read by :func:`carelens.analysis.reply_turns.turn_spans`
and, through :func:`carelens.analysis.rules.minimising_spans`, as minimising."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_turns import turn_spans
from carelens.analysis.rules import minimising_spans


def _texts(response: str) -> list[str]:
    return [response[start:end] for start, end in turn_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "That's hard, no doubt. But that's teenagers, she'll grow out of it, mine all did.",
            "that's teenagers, she'll grow out of it, mine all did",
        ),
        (
            "Moving's stressful, fair enough. But it's a chance for a fresh start.",
            "it's a chance for a fresh start",
        ),
        (
            "Yeah I can see that being tough. Then again you don't have to commute, so it's swings "
            "and roundabouts really.",
            "you don't have to commute, so it's swings and roundabouts really",
        ),
        (
            "Sad, I know. But there's FaceTime now, it's basically like she's still here.",
            "there's FaceTime now, it's basically like she's still here",
        ),
        (
            "Three days sounds grim. But it's only a deadline, nobody's going to remember it.",
            "it's only a deadline, nobody's going to remember it",
        ),
        (
            "That's a long stretch. Mind you, it's only a few more months and then it's all back "
            "to normal.",
            "it's only a few more months and then it's all back to normal",
        ),
        (
            "I get that it can sting a bit. But honestly marriage isn't all that, you're lucky to "
            "be free.",
            "marriage isn't all that, you're lucky to be free",
        ),
        ("Ugh, sorry. Still, it's not the end of the world.", "it's not the end of the world"),
        (
            "That's rubbish of him. But dads are like that, he probably had a lot on.",
            "dads are like that, he probably had a lot on",
        ),
    ],
)
def test_a_turn_that_makes_it_smaller_is_found_from_the_words_after_it(
    response: str, words: str
) -> None:
    assert _texts(response) == [words]
    assert [response[s.start : s.end] for s in minimising_spans(response)] == [words]


@pytest.mark.parametrize(
    "response",
    [
        # hope or comfort after the turn
        "That's so hard. But you'll get through this.",
        "That's hard. Still, it doesn't make you a bad parent.",
        "Oof. But it's only been two weeks, so of course it still hurts.",
        # thanks for someone in their life
        "So sorry. But you're lucky to have her.",
        # negated
        "That's awful. But it's not just a job to you, I know.",
        # nothing granted before the turn
        "But it's a chance for a fresh start.",
        # no turn: the words alone
        "She'll grow out of it, I promise, and you're doing everything right.",
        # the same words before the turn
        "It's a fresh start for you both, but I know it hurts.",
    ],
)
def test_comfort_negation_and_words_without_a_turn_are_not_found(response: str) -> None:
    assert turn_spans(response) == []

"""Contempt inside advice and help given grudgingly, read as dismissal; and the near misses
(kind conditions, reassurance about a slip, gentle limits) the patterns leave alone."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_grudging import grudging_spans
from carelens.analysis.rules import minimising_spans


def found(response: str) -> list[str]:
    return [response[s:e] for s, e in grudging_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # an insult inside advice
        ("Tell him no. Have a little dignity.", "Have a little dignity"),
        ("Grow a backbone and ask for the raise.", "Grow a backbone"),
        ("Act your age and apologise.", "Act your age"),
        ("Honestly this is getting embarrassing.", "this is getting embarrassing"),
        ("Stop texting him, you're embarrassing yourself.", "embarrassing yourself"),
        ("It's painfully obvious what you're doing wrong.", "obvious what you're doing wrong"),
        ("Maybe try actually listening to your teacher.", "try actually listening"),
        ("Go for a run instead of moaning about your weight.", "instead of moaning"),
        ("If you still can't cook an egg at your age, take a class.", "at your age"),
        ("Probably your pitch was just boring.", "your pitch was just boring"),
        ("Maybe you're just not cut out for nursing.", "just not cut out"),
        ("You're obviously too thin-skinned for sales.", "too thin-skinned"),
        # help on a condition that reproaches
        ("I could drive you, if you actually show up on time for once.", "if you actually show"),
        ("We can help, as long as you really listen this time.", "as long as you really"),
        ("I'll lend it to you if you ask me politely.", "if you ask me politely"),
        ("If you are that desperate I'll come.", "If you are that desperate"),
        ("Sort your budget out before asking others.", "before asking others"),
        # help held against them
        ("I'll watch the kids, but it's a one-off thing.", "one-off thing"),
        ("Sure, I'll come. I have a life too though.", "I have a life too"),
        ("Other people have their own lives, you know.", "Other people have their own lives"),
        ("I'm not your maid, but fine.", "I'm not your maid"),
        ("Here's the money. You never even said thanks last time.", "never even said thanks"),
        ("What's this, the fourth time this month?", "the fourth time"),
        ("Call me, just don't drone on about work again.", "drone on about work again"),
    ],
)
def test_grudging_or_contempt_is_found(response: str, words: str) -> None:
    assert any(words in hit for hit in found(response)), found(response)


@pytest.mark.parametrize(
    "response",
    [
        "I can come over if you actually want company tonight.",
        "I'll stay as long as you need.",
        "If you really are struggling, call me any time.",
        "It was a one-time thing, don't beat yourself up.",
        "I'm not a therapist, but I'm here to listen.",
        "Put yourself first for once.",
        "Oh no, that must have been so embarrassing.",
        "Thank you for telling me.",
        "You'd break her heart if you actually left without saying goodbye.",
        "At your age I was just as lost, it's normal.",
    ],
)
def test_near_misses_are_left_alone(response: str) -> None:
    assert minimising_spans(response) == (), minimising_spans(response)


def test_grudging_help_after_an_offer_is_dismissive() -> None:
    response = "Fine, I'll help you move, but this is a one-time thing."
    assert minimising_spans(response)


def test_grudging_words_leave_out_the_white_space_at_their_ends() -> None:
    response = "  Before asking people for help again ."
    assert found(response) == ["Before asking people for help again"]

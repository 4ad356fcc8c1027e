"""The fault laid on the seeker (:func:`fault_spans`): what they earned, missed or brought
about, a trait held against them, a refusal to care; told from success earned, comfort about
their own harshness, care for their safety and a limit stated kindly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_fault import fault_spans
from carelens.analysis.rules import minimising_spans


def found_in(response: str) -> list[str]:
    return [response[start:end] for start, end in fault_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("To be fair you kind of earned the suspicion.", "you kind of earned the suspicion"),
        ("you probably deserved that tbh", "you probably deserved that"),
        ("Honestly you asked for it.", "you asked for it"),
        ("u deserved the telling off", "u deserved the telling off"),
        ("so maybe you missed the signs", "you missed the signs"),
        ("You must have ignored all the red flags.", "You must have ignored all the red flags"),
        ("I'm sure you've been too soft on him.", "you've been too soft on him"),
        ("you were way too lenient with her", "you were way too lenient with her"),
        ("Some of this is just consequences.", "Some of this is just consequences"),
        ("Well, actions have consequences.", "actions have consequences"),
        (
            "you could have pushed harder for a second opinion earlier",
            "you could have pushed harder",
        ),
        ("You could've gone to the GP sooner.", "You could've gone to the GP sooner"),
        (
            "you probably were a bit useless on the ward",
            "you probably were a bit useless",
        ),
        ("you kinda are being too clingy", "you kinda are being too clingy"),
        ("Be more careful next time.", "Be more careful next time"),
        ("Lost it again? Maybe be more careful.", "Maybe be more careful"),
        ("Not my problem tbh.", "Not my problem"),
        ("sounds like a you problem", "a you problem"),
        ("That's your problem, not mine.", "That's your problem"),
    ],
)
def test_fault_laid_on_them_is_found(response: str, words: str) -> None:
    assert found_in(response) == [words]


@pytest.mark.parametrize(
    "response",
    [
        "Congrats on the promotion, you earned it!",
        "You deserved the win, well done.",
        "You deserve a break after all that.",
        "You're too hard on yourself, honestly.",
        "That's the consequence of a broken system, not you.",
        "Please be more careful with yourself, I worry about you.",
        "It's not my problem to fix, but I can listen.",
        "You could have died, I'm so glad you're okay.",
        "I wish you could have told me sooner, I'd have come.",
        "Nobody misses every sign; the signs are easy to miss.",
        "You're too kind to them, honestly.",
        "",
    ],
)
def test_success_comfort_and_care_are_not_found(response: str) -> None:
    assert found_in(response) == []


@pytest.mark.parametrize(
    "response",
    [
        "You didn't deserve that at all.",
        "Nobody could say you missed the signs, they were hidden.",
        "You're not too soft on him, you're being kind.",
        "You couldn't have known sooner.",
    ],
)
def test_negated_fault_is_no_dismissal(response: str) -> None:
    assert minimising_spans(response) == ()


@given(st.text(max_size=200))
def test_spans_are_valid_for_any_text(response: str) -> None:
    previous = -1
    for start, end in fault_spans(response):
        assert previous <= start < end <= len(response)
        previous = start

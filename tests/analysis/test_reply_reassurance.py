"""Reassurance in a reply (:func:`reassurances`): words that lift blame from the seeker or
tell them it will be all right, each a clause of its own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_reassurance import reassurances


def found_in(response: str) -> list[str]:
    return [response[start:end] for start, end in reassurances(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "Stop blaming yourself. It sounds like you're carrying all of it.",
            ["Stop blaming yourself"],
        ),
        ("Please don't beat yourself up over this.", ["Please don't beat yourself up over this"]),
        ("Don't be so hard on yourself.", ["Don't be so hard on yourself"]),
        ("Go easy on yourself, okay?", ["Go easy on yourself"]),
        ("It's not your fault. You must feel like you failed them.", ["It's not your fault"]),
        ("None of this was your fault.", ["None of this was your fault"]),
        ("You did everything you could.", ["You did everything you could"]),
        (
            "You did nothing wrong, and you couldn't have known.",
            ["You did nothing wrong", "and you couldn't have known"],
        ),
        ("You didn't deserve that.", ["You didn't deserve that"]),
        ("You're not a bad mom.", ["You're not a bad mom"]),
        ("You're going to be okay.", ["You're going to be okay"]),
    ],
)
def test_reassurance_is_found_as_its_clause(response: str, words: list[str]) -> None:
    assert found_in(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Stop blaming yourself and get a therapist.",
        "Stop feeling sorry for yourself.",
        "It is your fault.",
        "Be kind to yourself. Take a walk every day.",
        "You did it again.",
        "I'm not a bad friend.",
    ],
)
def test_more_words_blame_or_self_care_advice_are_no_reassurance(response: str) -> None:
    assert found_in(response) == []


@given(st.text(max_size=200))
def test_found_clauses_lie_inside_the_reply(response: str) -> None:
    for start, end in reassurances(response):
        assert 0 <= start < end <= len(response)

"""Questions that ask nothing of the seeker's experience (:func:`aside_questions`,
:func:`advice_questions`): advice and offers asked, which :func:`asks` can pass over."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_questions import advice_questions, aside_questions, asks


def aside_in(response: str) -> list[str]:
    return [response[start:end].strip() for start, end in aside_questions(response)]


@pytest.mark.parametrize(
    ("response", "question"),
    [
        ("Have you tried melatonin?", "Have you tried melatonin?"),
        (
            "Have you thought about just talking to him?",
            "Have you thought about just talking to him?",
        ),
        ("Have you considered dropping a class?", "Have you considered dropping a class?"),
        ("Why don't you try meditation?", "Why don't you try meditation?"),
        ("Why not just call her?", "Why not just call her?"),
        # any step with "just" before it
        ("Why don't you just change your passcode?", "Why don't you just change your passcode?"),
        ("why don't u just delete the app?", "why don't u just delete the app?"),
        ("So what about joining a club?", "So what about joining a club?"),
        ("That sounds isolating. Have you tried joining a club?", "Have you tried joining a club?"),
    ],
)
def test_advice_asked_is_found_as_its_sentence(response: str, question: str) -> None:
    assert aside_in(response) == [question]
    assert [response[s:e].strip() for s, e in advice_questions(response)] == [question]
    assert not asks(response, aside_questions(response))


@pytest.mark.parametrize(
    "response",
    [
        "Want me to sit with you on the phone while you call them?",
        "Would it help if I came over tonight?",
        "Should I call you after work?",
    ],
)
def test_offers_asked_are_aside_but_no_advice(response: str) -> None:
    assert aside_in(response) == [response]
    assert advice_questions(response) == ()


@pytest.mark.parametrize(
    "response",
    [
        "Have you thought about what you actually want?",
        "Have you tried everything?",
        "Have you tried joining in and failed?",
        "Did you try calling her?",
        "How are you holding up?",
        "What happened after that?",
        "Why don't you like going back there?",
    ],
)
def test_questions_about_their_experience_are_not_aside(response: str) -> None:
    assert aside_questions(response) == ()
    assert asks(response, aside_questions(response))


def test_an_open_question_beside_advice_asked_still_asks() -> None:
    response = "How are you feeling? Have you tried yoga?"
    assert aside_in(response) == ["Have you tried yoga?"]
    assert asks(response, aside_questions(response))

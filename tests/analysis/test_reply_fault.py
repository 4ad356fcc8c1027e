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


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "I'm sorry. To be fair you probably should have been applying elsewhere months ago.",
            "should have been applying elsewhere months ago",
        ),
        ("Honestly you should've left years ago.", "you should've left years ago"),
        (
            "Mind you, this is exactly why you take photos on move-in day.",
            "this is exactly why you take photos",
        ),
        ("you'd be fine now if you had", "you'd be fine now if you had"),
        (
            "You wouldn't be in this mess if you'd listened.",
            "You wouldn't be in this mess if you'd listened",
        ),
        ("a lot of that weight is down to the choices you made", "down to the choices you made"),
        ("It's because of your own bad decisions.", "because of your own bad decisions"),
        ("That said, you can't keep blaming the knee.", "you can't keep blaming the knee"),
        ("so hopefully this is a wake-up call about the rent", "hopefully this is a wake-up call"),
        ("Let this be a wake-up call.", "Let this be a wake-up call"),
        ("lesson learned i guess", "lesson learned i guess"),
        ("Well, lesson learnt.", "lesson learnt"),
        (
            "you do know you're meant to keep windows shut with cats, right?",
            "you're meant to keep windows shut",
        ),
        (
            "it says a lot more about your priorities than about her",
            "says a lot more about your priorities",
        ),
        ("Shouting says more about you than him.", "says more about you than him"),
        ("But you're the adult here.", "you're the adult here"),
        (
            "you have always been a bit of a worrier, haven't you?",
            "you have always been a bit of a worrier",
        ),
        ("You've always been kind of a drama queen.", "You've always been kind of a drama queen"),
        ("tbh you knew the rules and did it anyway", "you knew the rules and did it anyway"),
        ("so you cant really act shocked", "you cant really act shocked"),
        ("You can't exactly be surprised.", "You can't exactly be surprised"),
        ("so I'm not sure what you expected x", "I'm not sure what you expected"),
        ("I don't know what you were expecting.", "I don't know what you were expecting"),
        ("I did say last time he'd do it again.", "I did say last time he'd do it again"),
        ("I told you so.", "I told you so"),
        (
            "'again' is doing a lot of work in that sentence.",
            "is doing a lot of work in that sentence",
        ),
    ],
)
def test_fault_beside_warm_words_is_found(response: str, words: str) -> None:
    """Hindsight, a verdict, an I-told-you-so or their own words weighed against them."""
    spans = [response[span.start : span.end] for span in minimising_spans(response)]
    assert any(words in span for span in spans), spans
    assert any(words in response[start:end] for start, end in fault_spans(response))


@pytest.mark.parametrize(
    "response",
    [
        "You should have been told months ago, that's on them.",
        "You should have told me months ago, I'd have helped!",
        "You'd be fine if you had some rest, honestly.",
        "That's exactly why you feel so drained.",
        "That's exactly why you need a break.",
        "It's not down to the choices you made, it's the system.",
        "Don't blame yourself for the choices you made under pressure.",
        "You can't keep blaming yourself.",
        "Hopefully this is a wake-up call for your boss.",
        "I learned that lesson the hard way too.",
        "You do know you're allowed to rest, right?",
        "It says a lot about your strength that you kept going.",
        "What he did says more about him than you.",
        "You've always been so strong.",
        "I'm not sure what to say, I'm so sorry.",
        "Nobody could say you were the adult here, you were nine.",
    ],
)
def test_near_misses_of_added_fault_are_not_found(response: str) -> None:
    assert minimising_spans(response) == ()

"""Contempt in a reply (:func:`contempt_spans`): blaming questions, condescension and a shrug,
told from questions that challenge self-blame, encouragement and comfort."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_contempt import contempt_spans


def found_in(response: str) -> list[str]:
    return [response[start:end] for start, end in contempt_spans(response)]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # blaming questions
        (
            "Why would you put your savings into crypto??",
            "Why would you put your savings into crypto?",
        ),
        (
            "Why would you leave a laptop in an unlocked car?",
            "Why would you leave a laptop in an unlocked car?",
        ),
        (
            "why on earth did you lend him money again?",
            "why on earth did you lend him money again?",
        ),
        ("Why did you even go there??", "Why did you even go there??"),
        ("What were you thinking?", "What were you thinking"),
        (
            "Did you really think you'd pass without going to class?",
            "Did you really think you'd pass without going to class?",
        ),
        ("How could you be so careless?", "How could you be so careless"),
        ("Seriously, what's wrong with you?", "what's wrong with you"),
        # condescension
        ("Just set more alarms. Not that hard.", "Not that hard"),
        ("Just file them. It's really not that hard.", "It's really not that hard"),
        ("Use a pill box. It's not rocket science.", "not rocket science"),
        ("Water them. How hard is it?", "How hard is it"),
        ("Delete the app. It's that simple.", "It's that simple"),
        # a shrug
        ("Meh, happens to everyone", "Meh, happens to everyone"),
        ("meh, you'll live.", "meh, you'll live"),
        ("meh.", "meh"),
    ],
)
def test_blame_condescension_and_a_shrug_are_found(response: str, words: str) -> None:
    assert found_in(response) == [words]


@pytest.mark.parametrize(
    "response",
    [
        # questions that challenge self-blame, or ask what led them there
        "Why would you think you're a burden?",
        "Why would you blame yourself?",
        "Why would you do that to yourself?",
        "Did you really think it was your fault?",
        "What made you decide to put your savings in crypto?",
        "Why did you leave?",
        "Did you actually think about what you want?",
        # encouragement about a step, comfort, other words
        "It's not that hard to ask, people usually want to help.",
        "It's that simple, isn't it? That's exactly what makes it so wretched.",
        "It happens to the best of us, don't beat yourself up.",
        "Meh, I know the feeling.",
        "There's nothing wrong with you.",
        "It's not that bad.",
    ],
)
def test_challenges_encouragement_and_comfort_are_no_contempt(response: str) -> None:
    assert found_in(response) == []


@given(st.text(max_size=200))
def test_found_stretches_lie_inside_the_reply(response: str) -> None:
    for start, end in contempt_spans(response):
        assert 0 <= start < end <= len(response)


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("put the phone down?? it's literally that easy lmao", "it's literally that easy"),
        ("Block him, it's so easy lol.", "it's so easy"),
        ("Stop hanging around with them and go out. Simple.", "Simple"),
        ("Go to bed at ten. Simples.", "Simples"),
        (
            "I don't know why people your age make such a fuss about technology.",
            "people your age make such a fuss about technology",
        ),
        ("I don't get why you make such a big deal of it.", "you make such a big deal of it"),
    ],
)
def test_condescension_in_advice_is_found(response: str, words: str) -> None:
    assert any(words in hit for hit in found_in(response)), found_in(response)


@pytest.mark.parametrize(
    "response",
    [
        "Keep it simple. Just one step a day.",
        "It's simple to set up, I'll show you on Sunday.",
        "I don't know why people make such a fuss about scars, you look great.",
        "It's that simple, isn't it? That's what makes it so hard.",
    ],
)
def test_plain_words_about_ease_are_left_alone(response: str) -> None:
    assert found_in(response) == [], found_in(response)


def test_put_yourself_in_that_situation_is_blame_not_self_criticism() -> None:
    response = "Why would you put yourself in that situation at nine months?"
    assert found_in(response) == [response]
    assert found_in("Why would you put yourself down like that?") == []
    assert found_in("Why would you blame yourself?") == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # disbelief at what they believed or missed
        (
            "Wait, you handed three grand to a brother like that and honestly thought you'd see "
            "it again?",
            "and honestly thought you'd see it again?",
        ),
        (
            "You share a bank account and you genuinely never noticed twenty grand going missing?",
            "you genuinely never noticed twenty grand going missing?",
        ),
        (
            "Three dates? Were you honestly already planning the wedding?",
            "Were you honestly already planning the wedding?",
        ),
        ("Did you think the language would just download into your head?", None),
        # the question's other half mocks them
        (
            "Have you ever actually asked her to stop, or do you just prefer moaning about her "
            "online?",
            "or do you just prefer moaning about her online?",
        ),
        (
            "Didn't you see the signs at the entrance, or were you just hoping they wouldn't "
            "check?",
            "or were you just hoping they wouldn't check?",
        ),
        ("Again? So why exactly are you still with him?", "why exactly are you still with him?"),
        ("Why are you even going to work drinks if you can't handle booze?", None),
        ("Did nobody ever tell you not to put money into magic internet coins?", None),
        ("What exactly were you expecting from a rescue?", "What exactly were you expecting"),
        ("Have you ever stopped to wonder why they didn't invite you?", None),
        ("Have you considered that maybe it IS just anxiety?", None),
        ("Are you sure it wasn't just that they could manage without you?", None),
        ("You did take photos at check-in, right? Right?", "right? Right?"),
        ("Do you enjoy being made a fool of?", None),
        ("And you're only noticing now?", "you're only noticing now?"),
    ],
)
def test_questions_that_mock_or_doubt_them_are_found(response: str, words: str | None) -> None:
    assert found_in(response) == [words or response]


@pytest.mark.parametrize(
    "response",
    [
        "Had you been planning to tell them, or did you just find out?",
        "Do you want advice, or do you just want to vent? Either is fine.",
        "Why are you even apologising? You did nothing wrong.",
        "Did you really think it was your fault? It wasn't.",
        "Have you considered that maybe you say sorry when you mean thank you?",
        "Have you thought about talking to your GP?",
        "Were you really scared when it happened?",
        "Are you sure you're okay? I'm worried about you.",
        "Do you like being on your own, or does it get lonely?",
    ],
)
def test_questions_of_care_and_challenges_to_self_blame_are_not_mockery(response: str) -> None:
    assert found_in(response) == []

"""Feedback on a reply that acknowledges the seeker and then minimises or blames them ("That
sounds really rough, but honestly it's just a job"): the acknowledgement before the dismissal
is credited, quoted, and the helper is asked to let it stand without the dismissive words,
rather than to "acknowledge how hard it is first" (:func:`carelens.analysis.feedback_readings.
acknowledged_before`). Not credited: warm words after the dismissal, inside a dismissive span,
or in a reply that mocks them. The analyses are built by hand (no model)."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.types import DimensionScore

CREDITED = "You acknowledged what they shared ("
ASK = "may come across as minimising or judging it and take that back; leave those words out"
FIRST = (
    "may come across as minimising or judging what they shared; acknowledge how hard it is "
    "for them before offering another view."
)


def _feedback(seeker: str, response: str) -> str:
    """The first feedback sentence on ``response``, the rules applied to a reply the model
    scored as sympathy."""
    dims = apply_rules({"dismissive": dim(0), "sympathy": dim(1)}, response, unsafe=())
    return feedback_for(analysis(dims), seeker, response)[0]


@pytest.mark.parametrize(
    ("seeker", "response", "warm", "quoted"),
    [
        (
            "I lost my job today and I don't know how I'll pay rent.",
            "That sounds really rough, but honestly it's just a job, you'll find another.",
            "That sounds really rough",
            "it's just a job",
        ),
        (
            "My boss keeps taking credit for my ideas in meetings.",
            "I'm so sorry. Not being funny but you did bring this on yourself by staying quiet.",
            "I'm so sorry",
            "you did bring this on yourself",
        ),
        (
            "My boss keeps taking credit for my ideas in meetings.",
            "Ugh, that sucks. If you're not speaking up in meetings that's kind of on you though.",
            "Ugh, that sucks",
            "that's kind of on you",
        ),
    ],
)
def test_an_acknowledgement_before_a_dismissal_is_credited(
    seeker: str, response: str, warm: str, quoted: str
) -> None:
    sentence = _feedback(seeker, response)
    assert sentence.startswith(f'{CREDITED}"{warm}"), but "{quoted}')
    assert ASK in sentence


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # the dismissal comes first
        ("I lost my job today.", "It's just a job. I'm sorry though."),
        # warm words only as a formula inside the dismissal's own sentence
        ("I lost my job today.", "it's just a job, sorry."),
        # nothing warm at all
        ("I'm tired of everything going wrong", "quit whining"),
        # a "sorry, but" formula is no acknowledgement
        (
            "My dog bit the neighbour's kid through the fence.",
            "Sorry, but that's a fence problem you should've fixed ages ago.",
        ),
        ("I lost my job today.", "I'm sorry but it's just a job."),
    ],
)
def test_no_acknowledgement_before_the_dismissal_asks_for_one(seeker: str, response: str) -> None:
    sentence = _feedback(seeker, response)
    assert sentence.startswith('"')
    assert sentence.endswith(FIRST)


def test_warm_words_inside_the_models_dismissive_span_are_not_credited() -> None:
    response = "I'm so sorry, but you really should have seen it coming."
    dims = {"dismissive": dim(2, (0, len(response) - 1)), "sympathy": dim(1)}
    sentence = feedback_for(analysis(dims), "My wife left me.", response)[0]
    assert not sentence.startswith(CREDITED)


def test_warm_words_in_a_reply_that_mocks_them_are_not_credited() -> None:
    response = "Oh I'm so sorry. Boo hoo."
    sentence = _feedback("I didn't get the promotion", response)
    assert "Boo hoo" in sentence
    assert not sentence.startswith(CREDITED)


@pytest.mark.parametrize(
    ("response", "dimensions", "warm", "quoted"),
    [
        # the model's sentence lies on the acknowledgement; the rules' words are quoted
        (
            "Ah man that's hard. Still, plenty more fish in the sea, you'll be on the apps soon.",
            {"dismissive": dim(1, (0, 19)), "sympathy": dim(1)},
            "Ah man that's hard",
            "plenty more fish",
        ),
        # ... or, with no words the rules read, the sentence after the acknowledgement
        (
            "Family fallouts are no fun. Give it a few weeks and it'll blow over.",
            {"dismissive": dim(1, (0, 27)), "sympathy": dim(1)},
            "Family fallouts are no fun",
            "Give it a few weeks and it'll blow over.",
        ),
    ],
)
def test_the_dismissal_is_quoted_past_the_acknowledgement_the_model_marked(
    response: str, dimensions: dict[str, DimensionScore], warm: str, quoted: str
) -> None:
    sentence = feedback_for(analysis(dimensions), "My brother and I fell out.", response)[0]
    assert sentence.startswith(f'{CREDITED}"{warm}"), but "{quoted}"')


@pytest.mark.parametrize(
    "response",
    [
        # the sentence after it is kind, asks or offers: the model's own sentence is quoted
        "I'm so sorry. What can I do to help?",
        "That's so hard. I can come round tonight if you like.",
    ],
)
def test_a_kind_sentence_after_the_acknowledgement_is_not_quoted(response: str) -> None:
    dims = {"dismissive": dim(1, (0, response.index(".") + 1)), "sympathy": dim(1)}
    sentence = feedback_for(analysis(dims), "I lost my job.", response)[0]
    assert sentence.startswith(f'"{response[: response.index(".")]}')

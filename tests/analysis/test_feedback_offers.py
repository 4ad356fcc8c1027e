"""The helper's own concrete offers of help (:mod:`carelens.analysis.feedback_offers`)."""

from __future__ import annotations

import pytest

from carelens.analysis.feedback_offers import helper_offers


@pytest.mark.parametrize(
    ("response", "offer"),
    [
        ("I'll water your plants. Just leave the key.", "I'll water your plants."),
        ("Let me handle the paperwork for you this week.", "Let me handle"),
        ("I can pick up the prescription on my way home.", "I can pick up"),
        ("Email me the draft and I'll proofread it tonight.", "Email me the draft and I'll"),
        ("I'm free on Sunday - happy to help you sort the boxes.", "I'm free on Sunday"),
        ("It's a lot. If you want, we could go over the budget together.", "If you want, we"),
        ("I'd be glad to show you how I set mine up.", "I'd be glad to show you"),
        ("Sounds rough - I could meet you at the station after work.", "I could meet you"),
    ],
)
def test_a_practical_offer_is_found(response: str, offer: str) -> None:
    found = helper_offers(response)
    assert found, response
    assert response[found[0][0] : found[0][1]].startswith(offer)


@pytest.mark.parametrize(
    "response",
    [
        "I can't make it this weekend, sorry.",
        "I wish I could do more for you.",
        "I'll never understand people like that.",
        "I can imagine how hard that is.",
        "Can I ask what happened?",
        "Fine, I'll drive you. Don't expect it every week.",
        "I'll lend you the money if you actually stop wasting it.",
        "I'll do the dishes, since apparently nobody else can be bothered.",
        "Whatever, I can cover your shift. This is the last time.",
        "I guess I could come over.",
    ],
)
def test_no_offer_where_it_is_undone_grudged_or_none(response: str) -> None:
    assert helper_offers(response) == ()


def test_a_task_named_by_last_time_is_still_an_offer() -> None:
    response = "Let me book the florist you used last time."
    assert helper_offers(response) == ((0, len(response)),)


def test_the_offer_is_quoted_from_its_own_part_of_the_sentence() -> None:
    response = "Lots of people reapply - if you like, I can look over your statement."
    (found,) = helper_offers(response)
    assert response[found[0] : found[1]] == "if you like, I can look over your statement."


def test_an_offer_opening_a_later_sentence_is_found() -> None:
    response = "I'm so sorry. Let me call the landlord for you."
    assert helper_offers(response) == ((14, len(response)),)


@pytest.mark.parametrize("response", ["I'd be happy to help.", "I can take a guess at it."])
def test_words_that_name_no_task_are_no_offer(response: str) -> None:
    assert helper_offers(response) == ()

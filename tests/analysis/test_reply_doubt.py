"""Doubt of the seeker's trouble as an excuse (:func:`doubted_excuse`) is mockery; shared
exasperation at the trouble and outrage at someone else are not."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_doubt import doubted_excuse
from carelens.analysis.reply_sarcasm import sarcasm

FLARE = "Lupus flare this week, had to cancel on my friend's birthday again. Third time this year."


def doubt_in(response: str) -> str | None:
    found = doubted_excuse(response)
    return response[found[0] : found[1]] if found is not None else None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "Ah yes, another handy flare-up right when there's a party.",
            "Ah yes, another handy flare-up right when there's a party",
        ),
        (
            "Oh sure, the classic migraine just in time for the deadline.",
            "Oh sure, the classic migraine just in time for the deadline",
        ),
        ("Oh great, another cold right before your exams.", "another cold right before"),
        ("Yeah, yet another headache exactly when the rota comes out lol", "yet another headache"),
        ("What a very convenient migraine.", "very convenient migraine"),
        ("Such convenient timing.", "Such convenient timing"),
        (
            "It always conveniently flares up right when you have plans.",
            "conveniently flares up right when",
        ),
        ("How convenient.", "How convenient"),
        ("Hmm, likely story.", "likely story"),
        ("Riiight. Sure, Jan.", "Riiight"),
        ("Wow, what a convenient excuse.", "what a convenient excuse"),
    ],
)
def test_doubt_of_their_trouble_is_found(response: str, words: str) -> None:
    found = doubt_in(response)
    assert found is not None and words in found


@pytest.mark.parametrize(
    "response",
    [
        # shared exasperation at the trouble, said with sorrow
        "Oh great, another flare right before the party? That's so unfair, I'm sorry.",
        "Ah yes, the classic flare right before plans. I know the feeling, rest up.",
        "Ugh, such convenient timing for your body to do that, I hate that for you.",
        # outrage at someone else, and a handy thing
        "How convenient for him.",
        "What convenient timing for them to leave.",
        "Here's a handy tip: keep a flare kit by the door.",
        "Let me know a convenient time to talk.",
        # the same words with no doubt in them
        "Another flare? I'm so sorry, that's exhausting.",
        "Of course you're upset, it keeps happening right when you have plans.",
    ],
)
def test_shared_exasperation_and_outrage_are_no_doubt(response: str) -> None:
    assert doubted_excuse(response) is None


def test_sarcasm_reads_doubt_of_their_trouble() -> None:
    response = (
        "Ah yes, another handy flare-up right when there's a party. So sorry for the loss of "
        "your night out."
    )
    found = sarcasm(response, FLARE)
    assert found is not None
    assert response[found[0] : found[1]].startswith("Ah yes, another handy flare-up")


@pytest.mark.parametrize(
    ("response", "seeker", "words"),
    [
        (
            "Burnt out, right. Must be so exhausting being the one who can still walk.",
            "I think I'm burnt out from caring for my husband since his stroke.",
            "Burnt out, right.",
        ),
        ("Stressed, sure.", "I'm so stressed with work", "Stressed, sure."),
        (
            "I'll pick your parcel up. Though your back always seems to go right when something "
            "needs doing.",
            "my back's gone and I can barely walk",
            "your back always seems to go right when something needs doing",
        ),
    ],
)
def test_doubt_echoed_or_timed_to_a_duty_is_found(response: str, seeker: str, words: str) -> None:
    at = doubted_excuse(response, seeker)
    assert at is not None and response[at[0] : at[1]] == words
    assert sarcasm(response, seeker) is not None


@pytest.mark.parametrize(
    ("response", "seeker"),
    [
        ("Burnt out, right? That makes sense after the year you've had.", "I'm so burnt out"),
        ("Burnt out, right. I get it, I've been there, I'm sorry.", "I'm so burnt out"),
        ("Okay, right. Tell me more.", "I'm so burnt out"),
        ("Tired, right.", "my boss keeps shouting at me"),
        ("Your migraines always seem to come on when you're stressed. Have you tracked them?", ""),
    ],
)
def test_an_echo_with_warmth_or_a_pattern_noticed_is_no_doubt(response: str, seeker: str) -> None:
    assert doubted_excuse(response, seeker) is None

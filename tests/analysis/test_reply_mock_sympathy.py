"""Sympathy overplayed for a small trouble is mockery; sincere grief, alarm and charity are
not."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_mock_sympathy import mock_sympathy
from carelens.analysis.reply_sarcasm import sarcasm


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("Oh my heart is bleeding.", "heart is bleeding"),
        ("A broken nail, such tragedy!", "such tragedy"),
        ("Missed the bus? This has never happened to anybody ever.", "never happened"),
        ("Poor thing, having to work four days a week.", "having to work"),
        ("What a sad day for humanity.", "a sad day for humanity"),
        ("Someone alert the media, your toast burned.", "alert the media"),
        (
            "A paper cut. Someone call an ambulance. Let's organise a vigil.",
            "Someone call an ambulance",
        ),
        ("So sad. Really. I'll light a candle for the sandwich.", "Really."),
    ],
)
def test_overplayed_sympathy_mocks(response: str, words: str) -> None:
    found = mock_sympathy(response)
    assert found is not None and words in response[found[0] : found[1]]


@pytest.mark.parametrize(
    "response",
    [
        "My heart bleeds for you and your family.",
        "What a tragedy, I'm so sorry.",
        "We wish we could spare them such tragedy.",
        "I'll light a candle for your mum on Sunday.",
        "Please call an ambulance now. Someone call an ambulance if you can't.",
        "I'll start a fundraiser for you, you shouldn't lose your home over this.",
        "I'm so sorry for your loss. Truly.",
    ],
)
def test_sincere_sympathy_is_no_mockery(response: str) -> None:
    assert mock_sympathy(response) is None


def test_sarcasm_reads_overplayed_sympathy() -> None:
    assert sarcasm("Wow, poor you, having a holiday. My heart bleeds.", "I'm on leave again") == (
        5,
        len("Wow, poor you, having a holiday"),
    )

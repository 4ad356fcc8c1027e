"""Crisis cues a review of CT12 found missed: another's "end it" with a means at hand or a
locking away told before it, self-harm and hanging typed as chat types them ("cuttin",
"cuting", "hang him self"), and going on living given up in chat's words ("kind of given up on
life at this point", "dont wanna keep living", "idk what the point of going on is", "im done
with life", "disappointed that i'm still alive"). Each group has the everyday sentences beside
it that stay no cue.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cues(text: str) -> list[tuple[str, str]]:
    """The words and label of each cue the patterns find in ``text``."""
    return [(span.text_in(text), span.label) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    "text",
    [
        "my partner locked himself in the bathroom with a razor and said he's going to end it",
        "my partner locked himself in the bathroom and said he's going to end it",
        "she's holding a knife and keeps saying she's going to end it tonight",
        "my partner said he's going to end it. i'm outside the door",
    ],
)
def test_anothers_end_it_with_means_at_hand_is_a_cue(text: str) -> None:
    assert cues(text) == [("end it", "suicide")]


@pytest.mark.parametrize(
    "text",
    [
        "she wanted to end it",
        "he said he wants to end it",
        "she has a knife. anyway later she said she wants to end things",
    ],
)
def test_anothers_end_it_without_means_stays_no_cue(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("started cuttin again after 8 months clean", [("cuttin", "self_harm")]),
        (
            "ive been cuting every nite this week and tonight i went deeper",
            [("cuting", "self_harm")],
        ),
        (
            "my bf keeps saying hes gonna hang him self, he sent pics of a cord",
            [("hang him self", "suicide")],
        ),
    ],
)
def test_typed_self_harm_and_hanging_are_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i was cuttin the grass all morning",
        "been cuting coupons all week",
        "he's doing hang him self-portraits in the hallway",
    ],
)
def test_typed_everyday_words_stay_no_cue(text: str) -> None:
    assert cues(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i've kind of given up on life at this point", "given up on life"),
        ("i really dont wanna keep living tbh", "dont wanna keep living"),
        ("i dont want to keep living", "dont want to keep living"),
        ("idk what the point of going on is anymore", "what the point of going on"),
        ("im done with life", "im done with life"),
        ("i dont wanna be here anymore", "dont wanna be here"),
        (
            "every morning i wake up disappointed that i'm still alive",
            "disappointed that i'm still alive",
        ),
    ],
)
def test_giving_up_in_chats_words_is_a_cue(text: str, words: str) -> None:
    assert cues(text) == [(words, "suicide")]


@pytest.mark.parametrize(
    "text",
    [
        "i'm done with life admin for today",
        "im so done with life insurance calls",
        "i've kind of given up on dieting",
        "i gave up on life in the city and moved to a farm",
        "idk what the point of going on the trip is if she's not coming",
        "i'm sad i'm still here at work at 9pm",
    ],
)
def test_everyday_giving_up_stays_no_cue(text: str) -> None:
    assert cues(text) == []

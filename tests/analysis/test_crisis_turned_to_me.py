"""Crisis cues of a told act turned to the writer (:mod:`carelens.analysis.crisis_turned_to_me`):
after a suicide, an attempt, an overdose or a wish to die told of someone else or in a story,
"that'll be me", "i'm next", "the boy is me", "i'm just waiting for my turn" tell of the
writer's own risk; the same words after
a tattoo, a wedding, a death of illness or a jump off the diving board, a denied turn and a
place in a queue are no cue. The first case is one a review of the crisis cues found missed by
every version.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "the movie where the guy jumps off a building. that'll be me by friday",
            "that'll be me",
        ),
        ("in the movie he jumps off a bridge. that's gonna be me soon", "that's gonna be me"),
        ("the show where the girl hangs herself. i'm next", "i'm next"),
        ("my uncle shot himself last spring. im next", "im next"),
        ("the guy in the video jumped off the roof. thatll be me soon enough", "thatll be me"),
        ("my best friend hung herself in june. i'll be next", "i'll be next"),
        ("a kid at my school jumped in front of a train. im next honestly", "im next"),
        (
            "The Movie Where He Jumps Off A Building. That Will Be Me This Weekend",
            "That Will Be Me",
        ),
        (
            "my brother and my uncle both killed themselves. i'm just waiting for my turn",
            "i'm just waiting for my turn",
        ),
        (
            "my mom overdosed in 2019 and my aunt hung herself. im waiting my turn",
            "im waiting my turn",
        ),
        ("my poem is about a boy who wants to die, the boy is me", "the boy is me"),
        (
            "the song is about a girl who wants to kill herself. the girl is me",
            "the girl is me",
        ),
    ],
)
def test_a_told_act_turned_to_the_writer_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        # a turn after no act of suicide
        "my sister got a tattoo last week, i'm next",
        "my brother got married last month and mom says i'm next",
        "my dad died of a heart attack at 50, that'll be me",
        "he jumped off the high dive like a pro, i'm next",
        "my poem is about a boy who loves the sea, the boy is me",
        "that'll be me by friday, finally graduating",
        "my cousin and my sister both got tattoos, i'm just waiting for my turn lol",
        # a denied turn, a place in a queue
        "the movie where the guy jumps off a building. that'll never be me",
        "waiting for my turn at the dentist, so nervous",
        "in the movie he jumps off a bridge. i'm next in line for popcorn",
    ],
)
def test_the_same_words_after_no_act_or_denied_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

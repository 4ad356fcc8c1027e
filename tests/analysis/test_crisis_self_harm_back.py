"""Crisis cues of self-harm coming back (:mod:`carelens.analysis.crisis_self_harm_back`): the
urge returning after a self-harm told before it, a blade kept hidden for it; and the haircuts,
marathons, razors for shaving and denials that stay no cue. Every cue case was missed before
these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[tuple[str, str]]:
    """The label and the words of each cue the patterns find in ``text``."""
    return [(span.label, span.text_in(text)) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "i used to cut but i stopped two years ago. today i really wanted to again",
            "wanted to again",
        ),
        ("been sh free for 8 months and tonight i came so close again", "came so close again"),
        (
            "i used to hurt myself in high school and this week the urge to do it again is strong",
            "urge to do it again",
        ),
        ("my ex used to cut himself and now he wants to again", "wants to again"),
        ("i used to cut but now i just draw. sometimes i want to again", "want to again"),
        ("i still keep a blade hidden just in case", "keep a blade"),
        ("i keep my razors hidden in a sock. relapsed twice this week", "keep my razors"),
        ("got a sharpener blade in my pencil case for bad days", "got a sharpener blade"),
    ],
)
def test_self_harm_coming_back_is_a_cue(text: str, words: str) -> None:
    assert ("self_harm", words) in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i used to cut my hair really short, today i wanted to again",
        "i used to run marathons and honestly i want to again",
        "i used to cut class a lot, wanted to again today",
        "i used to hurt myself playing rugby, now i want to play again",
        "i used to cut but i'm 5 years clean and i never want to again",
        "i keep a spare razor in my bag for shaving my legs at the gym",
        "keep a box cutter in my car for work",
        "we keep the knives locked away from the kids",
        "we keep a razor blade in the garage for scraping paint",
        "my sister keeps her razors in the shower",
        "i used to cut fabric for a living and i want to again",
        "i keep a box cutter in my glove box for emergencies",
        "still got my old razor blades from when i shaved my head",
    ],
)
def test_everyday_urges_and_blades_are_no_cue(text: str) -> None:
    assert cue_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "relapsed last night and i can't stop",
        "broke my streak today. i want to go deeper next time",
        "i cut again. worse than before",
        "i keep punching the wall till my knuckles cracked",
    ],
)
def test_a_relapse_growing_worse_or_walls_punched_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "relapsed on drinking last night, i can't stop",
        "broke my streak on duolingo, can't stop laughing",
        "my son has been punching walls until his knuckles bled",
        "100 days clean from self harm today!",
    ],
)
def test_other_relapses_and_anothers_blows_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

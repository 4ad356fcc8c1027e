"""Crisis cues of last words in everyday phrasing (:mod:`carelens.analysis.crisis_last_words`):
the last time the writer will log on, a last post with thanks, a decision at peace, not online
tomorrow, another saying goodbye or sorry for everything now; and the breaks, promises, choices
and leavings that stay no cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "I hope you all have a good life. Thank you for putting up with me. This is the last time"
        " I'll log on here.",
        "My last post. Thanks for the good times on here. Don't make my mistakes.",
        "my final message. don't be sad. it was nice knowing you",
        "You kept me going for a long time. I've made my decision now and I'm at peace with it.",
        "i've made my choice and i feel calm now. thank you for everything",
        "If I'm not online tomorrow don't worry about it. Just know I tried for a long time.",
        "if i'm not on here tomorrow, don't worry. just know i tried",
        "my dad is on the phone with me right now saying goodbye. he's alone and drinking",
        "my sister keeps texting me goodbye and she's alone at home. what do i do",
        "he said he's sorry for everything and now he's not answering. he has pills",
    ],
)
def test_last_words_are_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "this is the last time i'll post about my ex, promise",
        "last time i'll ask, does anyone know a good plumber?",
        "my last post before i go on holiday, thanks for everything",
        "i've made my decision about the job offer and i'm at peace with it",
        "thanks everyone, i've made my decision and i'm leaving him. at peace with it",
        "if i'm not online tomorrow it's because of my exam, don't worry",
        "just know i tried my best on the cake",
        "my dad is saying goodbye to my aunt at the airport right now, i'm sad",
        "he said he's sorry for everything he did to me after our fight",
    ],
)
def test_breaks_promises_and_leavings_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_a_last_post_pointed_to_is_no_cue() -> None:
    assert crisis_cues("See my last post, thank you for everything you said there.") == ()
    assert crisis_cues("in my last post i said thanks for the good times, update below") == ()

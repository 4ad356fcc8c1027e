"""Crisis words told as a past the writer has come through
(:mod:`carelens.analysis.crisis_recovered`): clean time kept and a crisis told as history beside
how things are now are no cue; a streak ended, a slip, a pull back, a wish now, words of the
crisis going on, a past not long past and a loss keep their cues."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_recovered import clean_time, told_as_history


@pytest.mark.parametrize(
    "text",
    [
        "3 months clean from self harm today, so proud of myself",
        "eight weeks free of self-harm as of this morning and i bought flowers to celebrate",
        "two years since i last cut myself! feeling good",
        "4 years since my last suicide attempt and life is so much better now",
        "self harm free for 9 months today, thanks to everyone here",
    ],
)
def test_clean_time_kept_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i was 6 months clean from self harm but i want to cut again tonight",
        "3 months clean from self harm and i relapsed last night",
        "1 year since i last hurt myself but the urges are back this week",
        "5 months clean from self harm today and i don't know how much longer i can hold on",
        "i was 2 years clean from self harm until yesterday",
        "2 years clean from self harm and i still feel worthless",
        "3 months clean from self harm today but honestly i'm not okay",
        "2 years clean from self harm today and i feel nothing, what's the point",
    ],
)
def test_clean_time_ended_or_beside_a_slip_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i tried to kill myself twelve years ago. now i'm married with two kids and life is good",
        "when i was 15 i used to cut myself. i'm 40 now and i teach yoga, it gets better",
        "back in 2011 i overdosed on purpose. today i'm a paramedic and so grateful to be here",
        "my sister tried to kill herself 6 years ago, now she's doing great and just got engaged",
    ],
)
def test_a_crisis_told_as_history_beside_how_things_are_now_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i tried to kill myself three years ago and i'm thinking about doing it again",
        "i tried to kill myself 4 years ago. i'm 22 now and lately i feel the same way",
        "i used to self harm as a kid and now i'm 30 and still do it sometimes",
        "when i was 17 i tried to kill myself. i'm 25 now and i want to die",
        "i tried to kill myself last year. now i'm doing better",
        "since 2019 i've been suicidal, i'm 24 now",
        "i tried to kill myself 10 years ago. i'm 30 now and the anniversary brings it all back",
        "i tried to kill myself five years ago. today i'm proud but i feel like a burden",
        "when i was 14 i tried to hang myself. i'm 16 now and i have the rope in my closet",
        "i used to cut myself when i was 13. i'm 15 now and it never stopped",
        "i tried to kill myself 2 years ago. i'm 19 now and nothing has changed",
        "5 years ago i tried to end my life. today i'm proud of how far i've come but the thoughts"
        " are back",
        "i used to self harm as a teen. i'm 25 now and it's getting worse",
    ],
)
def test_a_past_crisis_beside_the_crisis_now_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "my brother died by suicide four years ago and i want to join him",
        "my uncle died by suicide when i was 12. i'm 30 now and doing well",
    ],
)
def test_a_loss_keeps_its_cue_however_long_ago(text: str) -> None:
    assert crisis_cues(text)


def test_the_readings_read_the_match_itself() -> None:
    text = "3 months clean from self harm today"
    start = text.index("self harm")
    assert clean_time(text, start, start + len("self harm"))
    assert not clean_time("i was " + text, start + 6, start + 6 + len("self harm"))
    past = "i overdosed in 2015. i'm 30 now and doing well"
    assert told_as_history(past, 2, 11)
    assert not told_as_history(past + " but still struggling", 2, 11)

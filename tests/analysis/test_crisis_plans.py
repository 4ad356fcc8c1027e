"""Crisis cues of plans (:mod:`carelens.analysis.crisis_plans`): a height weighed, the tide's
times looked up with an intent, a date picked with calm, a night named beside a means or a
farewell; and the fences, beach days, weddings and dates that stay no cue. Every cue case was
missed before these patterns."""

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
            "went up to check if the roof access door is unlocked. would it be high enough",
            "high enough",
        ),
        ("is the bridge on 5th tall enough? i keep thinking about it", "tall enough"),
        (
            "i'm so done with everything that i looked up the tallest buildings in my city",
            "looked up the tallest buildings",
        ),
        ("looked up the tide times. i know when i'm going", "tide times"),
        ("checked when high tide is. i'll walk in and not come back", "when high tide is"),
        ("i've decided. sunday.", "i've decided. sunday"),
        ("I decided: tonight.", "I decided: tonight"),
        (
            "i have a plan and a date. i'm just waiting for my paycheck so my rent is covered",
            "i have a plan and a date",
        ),
        ("i've picked a date. i feel calm now, weirdly", "picked a date"),
        (
            "i keep staring at the bottle of pills in the cabinet. tonight might be the night",
            "tonight might be the night",
        ),
        (
            "tonight i'm going to do it. i've said goodbye to everyone i care about",
            "tonight i'm going to do it",
        ),
        (
            "i'm not going to make it through tonight. i have everything ready",
            "not going to make it through tonight",
        ),
    ],
)
def test_a_plan_told_veiled_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "the roof needs repairs, checking if the access hatch is safe",
        "is the fence high enough to keep the dog in?",
        "would it be high enough to see the fireworks from the roof",
        "would the 10th floor be high enough for a good view",
        "looked up the tallest buildings in dubai for our trip next month",
        "what are the tide times at brighton tomorrow? want to go rock pooling",
        "checked the tide tables, low tide at 3 so we can walk out to the island",
        "checking the tide times, i know when i'm going for a swim",
        "i've decided. pizza tonight.",
        "we've set a date for the wedding! june 14th",
        "i have a plan and a date for my move to leeds",
        "i've decided. sunday. that's when i'm telling my parents i'm gay",
        "should i go to the gym today or tomorrow? i've decided. tomorrow.",
        "picked a date for my surgery, feeling calm about it",
        "tonight's the night! first date with sarah",
        "tonight might be the night i finally finish this book",
        "i'm gonna do it tonight, i'll tell her how i feel",
        "i'm not going to make it through tonight's shift without coffee",
        "is the ceiling high enough for a bunk bed",
        "looked up the tallest buildings in the world for my kid's project",
        "tide times look good for surfing tomorrow",
        "i've decided. friday. that's when i ask for a raise",
        "we have a plan and a date for the launch",
        "tonight is the night, the finale is on!",
        "i'm going to do it tonight, finally telling him i love him",
    ],
)
def test_everyday_heights_tides_dates_and_nights_are_no_cue(text: str) -> None:
    assert cue_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "i've decided it's going to be this weekend",
        "i have enough pills saved. i'll do it on the anniversary",
    ],
)
def test_a_day_decided_or_the_anniversary_named_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "we decided it's going to be friday for the party",
    ],
)
def test_a_day_decided_for_a_party_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Crisis cues of plain risk in short or everyday words
(:mod:`carelens.analysis.crisis_plain_risk`): another attempt after one named, suicidal ideation
shortened, fresh wounds hidden or needing stitches, a self-harm streak reset, means put away and
got again, another's goodbye posted beside a means; and the near misses that stay no cue. Every
cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i attempted last year and i'm back in the same place now. i'm thinking about trying again",
        "since my attempt in march i keep thinking about doing it again",
        "my last attempt was in june and i want to try again this weekend",
        "after my overdose i swore never again but i'm planning another attempt",
        "sui ideation on max today",
        "my SI is really bad tonight",
        "s/i on max and i'm scared",
        "having passive si all week",
        "ideation is loud today",
        "my cuts from tonight probably need stitches but i can't tell anyone",
        "the cuts on my thigh need stitches i think, i can't go to a&e",
        "hiding my fresh cuts from my mum under long sleeves",
        "restarted my sh counter at 0 today, was on day 47",
        "my self harm streak is back to 0",
        "went back to it. clean for a year and threw it away in five minutes",
        "i hid all my razors at my friend's house but i just went out and bought more",
        "gave away all my blades last month and today i got some more",
        "someone in my group chat posted a picture of a pile of pills and 'bye everyone'",
        "my friend sent me a photo of her blades and said goodbye",
    ],
)
def test_plain_risk_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i tried again at the driving test and failed again",
        "i attempted the exam last year and i'm thinking about trying again",
        "i'm thinking about trying again with the sourdough",
        "SI units are the worst part of physics",
        "my si joint is bad today",
        "we had an ideation workshop at work, so many sticky notes",
        "stitches from my surgery need checking",
        "my cuts from the kitchen today need stitches, the knife slipped",
        "fresh cuts of meat at the market today",
        "my sh*t counter is at 0 today",
        "clean for a year and threw it away, one night of drinking",
        "bought more razors for shaving",
        "i threw out the old razors and bought more, they were blunt",
        "a pile of pills in my organiser, is that normal for 80",
        "she posted a picture of her pills for the week, so organised",
    ],
)
def test_near_misses_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

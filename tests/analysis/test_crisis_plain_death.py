"""Crisis cues of the writer's death decided, prepared or wished in plain words
(:mod:`carelens.analysis.crisis_plain_death`), often buried in an everyday post; and the trips,
errands, idioms and jokes that stay no cue. Every cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "no point being around after the summer, i've kind of decided i won't be. whatever.",
        "I've made my mind up that I won't be around to see the house sold",
        "if this round fails i'm done with life not just ivf, and i mean that",
        "I've got my pills saved up for when it all gets too much",
        "i've been stockpiling my tablets in case it gets too much",
        "the only way out of all this is to not be here",
        "i keep thinking the only answer is for me to die",
        "I've started writing goodbye emails in my drafts folder at night",
        "i'll just stop eating altogether and let that finish me off",
        "I'm a burden to my whole family and I've figured out how to fix that.",
        "on the flight home it got bad and i caught myself hoping it would just go down",
        "whenever there's a storm i kind of hope the big tree outside falls on my room",
        "it'd be so much easier if i just got in an accident on the way to work",
        "If a doctor told me I had something terminal I think I'd feel relief.",
        "they want to live and i really don't",
        "I've stopped being careful. Not looking when I cross. Whatever happens happens.",
    ],
)
def test_plain_death_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i've decided i won't be at the party",
        "i decided i won't be around for christmas, we're going abroad",
        "i've made my mind up, i won't be here next year, moving to leeds",
        "i'm done with life admin for today",
        "saving my pills for when the migraine gets too much? is that ok",
        "the only way out is to sell the house",
        "writing goodbye emails before my last day at work",
        "i stopped eating sugar, let it do its thing",
        "my sister is a burden to herself, i figured out how to help",
        "hoping the swelling would go down by friday",
        "i hope the tree outside doesn't fall on my car in this storm",
        "it would be easier if i just got a car",
        "i've stopped being careful with money",
        "this exam is so boring, it'd be easier if i just got in an accident lol",
    ],
)
def test_trips_errands_and_jokes_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

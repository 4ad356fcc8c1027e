"""Crisis cues of arrangements for after the writer's death told in everyday words
(:mod:`carelens.analysis.crisis_arrangements`); and the deadlines, trips, downsizing, old or
ill people's plans and others' deaths that stay no cue. Every cue case was missed before these
patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "does a will on paper count legally? need it sorted before thursday, after that it won't"
        " matter",
        "after friday none of it will matter, just need my will signed",
        "does life insurance still pay out to your family if it's, you know, not an accident?",
        "would life insurance cover it if the death was self-inflicted? need to know for my family",
        "set up a scheduled email to my best friend. by the time she reads it it'll be done",
        "by the time you read this it'll be over",
        "my cat has somewhere to go and the rent's paid. nobody will have to clean up after me",
        "less for my parents to sort out once i've given everything away",
        "can you look after biscuit for me? i wont be needing anything back, promise youll keep"
        " him",
        "promise you'll take care of him, i won't be needing anything back",
        "put my grandma's ring in her card as an early birthday present. her birthday isn't until"
        " october",
        "gave my brother my grandad's watch as an early christmas present, it's months away",
        "is it weird to plan your own funeral songs at 23? they'll need it soon",
        "planning my own funeral playlist at 19, left the list for my flatmates",
        "how do you make sure your social media gets memorialised? want to set it up this week",
        "how do i get my instagram memorialised? want it sorted this week",
        "everything's in order now. weirdly peaceful",
        "my affairs are all in order now and i feel strangely calm",
    ],
)
def test_an_arrangement_for_after_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "after friday it won't matter, the deadline will have passed",
        "need the form sorted before thursday, after that it won't matter, the sale ends",
        "does travel insurance pay out if the flight was cancelled on purpose by the airline?",
        "does life insurance pay out if it's not an accident, like cancer?",
        "by the time you read this the party will be over",
        "by the time she reads it it'll be done, the order ships today",
        "i'm 80, doing swedish death cleaning so there's less for my kids to sort out",
        "i wash up straight away so nobody will have to clean up after me in the kitchen",
        "can you keep my cat while i'm on holiday, promise you'll keep him fed",
        "gave my son an early birthday present, his birthday is next week",
        "bought her an early christmas gift in the sale, christmas isn't until december",
        "my nan planned her own funeral songs at 85",
        "planning my own funeral playlist lol it's all bangers",
        "my dad died, how do i get his facebook memorialised?",
        "everything's in order for the move and i feel calm",
        "paid off my car, everything's in order now, so peaceful",
    ],
)
def test_everyday_arrangements_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

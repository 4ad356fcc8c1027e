"""Crisis cues of affairs veiled as everyday (:mod:`carelens.analysis.crisis_affairs`): a will made
young, who gets what, something for after the writer is gone, a last visit alone, medicine
gathered from shop to shop or counted, kept in case the writer is done, a gun sat with; and the
wills, estates, moves, outings, refills and hunts that stay no cue. Every cue case was missed
before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i'm 19 and i just finished writing my will. nobody knows",
        "spent the evening working out who gets what. my sister can have the cat",
        "i want my friends to have my records once i'm gone",
        "i'm going to walk down there one final time at 4am when it's empty",
        "if the chemist asks again i'll try a different pharmacy, i need a few more boxes of "
        "paracetamol",
        "i keep counting my sleeping pills at night and i don't know why",
        "i keep them in a drawer just in case i decide i'm done with everything",
        "i sit with the gun in my lap for hours after everyone's asleep",
    ],
)
def test_veiled_affairs_are_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "we made our wills after the baby was born, everyone should",
        "mum's will says who gets what and my brothers are already fighting",
        "i scheduled the email to go out after i'm gone for the day",
        "the dog sitter comes in once i'm away on holiday, once i'm gone to work she leaves",
        "who will water my plants after i'm gone to uni?",
        "want to visit my old school one last time before they demolish it",
        "the pharmacy was sold out so i'll go to a different one tomorrow for my prescription",
        "counted my tablets into the weekly organiser",
        "in case i decide i'm done with the course, can i get a refund?",
        "sat with the rifle in the hide for hours waiting for deer",
    ],
)
def test_everyday_affairs_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "thinking of going up on my own one last time tomorrow night, the old quarry",
        "want to head out there by myself one more time, nobody will be at the cliff",
    ],
)
def test_a_last_visit_with_words_between_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


def test_a_parents_visit_does_not_hide_after_im_gone() -> None:
    text = (
        "giving my stuff away so there's less to deal with after i'm gone. "
        "my mum's coming up to visit soon"
    )
    assert crisis_cues(text)
    assert crisis_cues("sorting out my mum's things after i'm gone to uni") == ()

"""The parts of a sentence a suggested opening is read from, and what joins them
(:mod:`carelens.analysis.openings_parts`): a clause after "but" that adds itself to a denial
before it ("... but I'm not happy either") is not offered alone, and a "but" that means
"except" ("nothing but a burden", "can't help but feel") cuts no part; "either" is read before a
chat word too ("... either tbh"), and a part that only names what the part before it meant
("the move I mean") is read as such."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.openings_parts import says_what_was_meant

# --- "not X but not Y either" -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you're not happy either…"
        (
            "I'm not sad but I'm not happy either",
            "It sounds like you're not sad but you're not happy either…",
        ),
        (
            "im not angry but im not okay either",
            "It sounds like you're not angry but you're not okay either…",
        ),
        (
            "I'm not depressed but I'm not really living either.",
            "It sounds like you're not depressed but you're not really living either…",
        ),
        (
            "I'm not angry at him, but I'm not ready to forgive him either.",
            "It sounds like you're not angry at him, but you're not ready to forgive him either…",
        ),
        # the sentence after a denial, "either" with it: none
        ("I'm not sad. But I'm not happy either.", None),
    ],
)
def test_a_clause_that_adds_itself_to_a_denial_is_not_offered_alone(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # what must stay
        (
            "I don't hate my job but I don't love it either.",
            "It sounds like you don't hate your job but you don't love it either…",
        ),
        (
            "I smile at work all day but I cry the whole drive home.",
            "It sounds like you smile at work all day but you cry the whole drive home…",
        ),
        ("I'm not sad", None),
    ],
)
def test_but_clauses_that_stand_alone_are_unchanged(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


# --- a "but" that means "except" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like a burden to your husband…"
        (
            "Being sick for so long, I feel like nothing but a burden to my husband.",
            "It sounds like you feel like nothing but a burden to your husband…",
        ),
        # once "It sounds like you can't help…"
        (
            "I can't help but feel like a failure.",
            "It sounds like you can't help but feel like a failure…",
        ),
        # once "It sounds like you feel nothing…"
        (
            "I feel nothing but numb since the funeral.",
            "It sounds like you feel nothing but numb since the funeral…",
        ),
        # what must stay: a clause of its own after "but"
        ("I said nothing but I'm so hurt.", "It sounds like you're so hurt…"),
    ],
)
def test_a_but_that_means_except_cuts_no_part(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- "either" before a chat word ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "either" read only as the last word
        (
            "I'm not sad but I'm not happy either haha",
            "It sounds like you're not sad but you're not happy either…",
        ),
        (
            "I'm not lonely, but I'm not exactly thriving either lol",
            "It sounds like you're not lonely, but you're not exactly thriving either…",
        ),
        (
            "I'm not angry but I'm not okay either tbh 😭",
            "It sounds like you're not angry but you're not okay either…",
        ),
        # once "It sounds like you're not doing okay either…"
        ("I'm not suicidal, but I'm not doing okay either tbh.", None),
        ("I'm not suicidal but I'm not okay either lol", None),
    ],
)
def test_either_before_a_chat_word_still_adds_the_clause_to_the_denial(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("part", "meant"),
    [
        ("the move I mean", True),
        ("the essay I mean...", True),
        ("my new job i mean", True),
        ("I know what I mean", False),
        ("the move was hard I mean", False),
    ],
)
def test_a_part_that_names_what_was_meant(part: str, meant: bool) -> None:
    assert says_what_was_meant(part) is meant

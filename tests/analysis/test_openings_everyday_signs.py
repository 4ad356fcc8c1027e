"""Warning-sign words that tell of an everyday thing
(:mod:`carelens.analysis.openings_everyday_signs`): a thing that should have been the seeker's,
a plan cheered or whose act is named; they keep their opening, and a method, a place, a time or
a farewell in what is named keeps the warning sign."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.openings_danger import danger_spans
from carelens.analysis.openings_everyday_signs import plan_named, thing_was_theirs


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "should have been me" read as a wish to have died
        (
            "honestly the award should have been me, not Kyle, and I'm bitter about it",
            "It sounds like you're bitter about it…",
        ),
        (
            "The last slice should have been me lol. I'm sad my brother ate it",
            "It sounds like you're sad your brother ate it…",
        ),
        # once none: a plan read as one of harm
        (
            "I finally figured out how to do it! The crochet pattern took me three weekends.",
            "It sounds like you finally figured out how to do it…",
        ),
        (
            "i finally figured out how to do it!! the kickflip!! so happy",
            "It sounds like you finally figured out how to do it…",
        ),
        (
            "I'm thinking about how to do it tonight - tell him I'm moving out.",
            "It sounds like you're thinking about how to do it tonight - tell him you're moving"
            " out…",
        ),
        (
            "i decided how im going to do it: quit in person, not by email. feeling nervous tho",
            "It sounds like you decided how you're going to do it…",
        ),
        (
            "Still figuring out how I'll do it, moving across the country alone. I'm scared but"
            " excited.",
            "It sounds like you're still figuring out how you'll do it…",
        ),
        (
            "I've been planning how to do it for months, the surprise party for my wife, and I'm so"
            " nervous it'll flop",
            "It sounds like you're so nervous it'll flop…",
        ),
        # once "It sounds like the move you mean…"
        (
            "I'm thinking about how to do it, the move I mean, because I'm overwhelmed",
            "It sounds like you're thinking about how to do it…",
        ),
        # once "It sounds like your first ever pivot table…"
        (
            "After hours on youtube I finally worked out how to do it, my first ever pivot table",
            "It sounds like after hours on youtube you finally worked out how to do it…",
        ),
    ],
)
def test_an_everyday_thing_keeps_its_opening(seeker: str, opening: str) -> None:
    assert danger_spans(seeker) == ()
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        # a death, an accident or a person as the subject
        "My brother died and it should have been me.",
        "My sister died and the crash should have been me",
        "The kid who died should have been me",
        "the one in that car should have been me",
        "Honestly that should have been me.",
        # a plan whose act is named with a method, a place, a time or a farewell
        "I know how I'll do it, the pills I mean",
        "I know how I'll do it, a plastic bag",
        "I know when I'll do it, the night of my birthday",
        "I've figured out how to do it - tell everyone I love them",
        "I've decided how to do it - moving on from this world",
        "I've been planning how to do it for weeks, the note is written",
        # a plan cheered with no exclamation, or not one that worked
        "I've figured out how to do it without anyone noticing.",
        "I've decided how I'm going to do it!",
    ],
)
def test_a_death_or_a_plan_of_harm_stays_a_warning_sign(seeker: str) -> None:
    assert danger_spans(seeker)
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("honestly the award should have been me", True),
        ("The last slice should have been me", True),
        ("my spot on the team should have been me", True),
        ("it should have been me", False),
        ("He died. The bullet should have been me", False),
        ("the person who died should have been me", False),
        ("should have been me", False),
    ],
)
def test_a_thing_as_subject_is_read_in_its_sentence(text: str, theirs: bool) -> None:
    assert thing_was_theirs(text, text.index("should")) is theirs


def test_a_plan_named_is_read_to_the_end_of_its_sentence() -> None:
    text = "I know how to do it, the move I mean. I bought the pills."
    assert plan_named(text, text.index(", the"))
    text = "I know how to do it, the move I mean and the pills"
    assert not plan_named(text, text.index(", the"))

"""Which clause a suggested opening is built on (:mod:`carelens.analysis.openings_clauses`): a
short feeling of the seeker's right after someone else's danger, and not after their own; a
part that only names what the part before it meant is no clause; a clause of the seeker's own
subject comes before one that only looks like a warning sign."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "I'm terrified" was too short to offer
        (
            "my daughter has been starving herself and I'm terrified",
            "It sounds like you're terrified…",
        ),
        ("My brother cut himself and I'm scared", "It sounds like you're scared…"),
        (
            "My son said he wants to kill himself and I'm terrified.",
            "It sounds like you're terrified…",
        ),
    ],
)
def test_a_short_feeling_after_someone_elses_danger_is_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        # the seeker's own danger: a short clause may refer back to it
        "I cut myself and I'm scared",
        "I want to die and I'm ready",
        # a short clause with no feeling of theirs
        "My brother cut himself and I left",
        # not right after the danger
        "My brother cut himself. I'm scared",
    ],
)
def test_no_short_clause_after_the_seekers_own_danger_or_without_a_feeling(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like the essay you mean…"
        ("no point to any of it, the essay I mean, the prof never reads them.", None),
        (
            "I can't decide about it, the job I mean, and I feel so stuck",
            "It sounds like you feel so stuck…",
        ),
    ],
)
def test_a_part_that_names_what_was_meant_is_no_clause(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you finally figured out how to do it…"
        (
            "I finally figured out how to do it! The sourdough actually rose, I'm so proud",
            "It sounds like you're so proud…",
        ),
        # once none
        (
            "I'm thinking about how to do it tonight - tell him I'm moving out. I'm dreading it.",
            "It sounds like you're dreading it…",
        ),
        # once "It sounds like your first ever pivot table…"
        (
            "After hours on youtube I finally worked out how to do it, my first ever pivot table,"
            " I'm so proud of myself",
            "It sounds like you're so proud of yourself…",
        ),
        # no clause of the seeker's own subject beside it: the look-alike is offered
        (
            "I finally figured out how to do it! The crochet pattern took me three weekends.",
            "It sounds like you finally figured out how to do it…",
        ),
    ],
)
def test_a_clause_of_their_own_comes_before_a_look_alike(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening

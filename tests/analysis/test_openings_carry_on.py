"""Clauses read after words of danger that carry them on, and those that do not
(:mod:`carelens.analysis.openings_carry_on`): being found after the seeker's own danger carries
it on ("I just don't want my mom to be the one who finds me"); the "it" of "so much it hurts"
stands for no act."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you just don't want your mom to be the one who finds you…"
        "I want to die. I just don't want my mom to be the one who finds me.",
        "I've been planning how I'd do it. I just don't want my mom to be the one who finds me.",
    ],
)
def test_a_clause_that_carries_the_danger_on_is_not_offered(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "it" read as standing for the act
        (
            "I want to die. I miss her so much it hurts.",
            "It sounds like you miss her so much it hurts…",
        ),
        (
            "It should of been me in that car. I miss her so much it hurts.",
            "It sounds like you miss her so much it hurts…",
        ),
        # what must stay: any other "it" after the seeker's own danger
        ("I want to die. I want it so much it hurts.", None),
        ("I hope I die soon. I deserve it.", None),
    ],
)
def test_the_it_of_so_much_it_hurts_stands_for_no_act(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening

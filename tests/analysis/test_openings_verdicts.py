"""A verdict the seeker passes on themselves as fact is no opening
(:mod:`carelens.analysis.openings_verdicts`): one they say they have become ("I've just become
a huge burden on him", "I've become the family burden"), as well as one they are; framed, it
still is."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you've just become a huge burden on him…"
        ("I've just become a huge burden on him.", None),
        ("I have become such a burden to my kids since the stroke.", None),
        ("im becoming a burden to everyone", None),
        (
            "My depression is ruining my relationship. And I've just become a huge burden on"
            " him. I'm afraid he will leave and this terrifies me.",
            "It sounds like you're afraid he will leave and this terrifies you…",
        ),
        # what must stay: framed, it is the seeker's view
        (
            "I feel like I've become a burden to my family.",
            "It sounds like you feel like you've become a burden to your family…",
        ),
    ],
)
def test_a_verdict_the_seeker_has_become_is_no_opening(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you've become the burden of the family honestly…"
        (
            "i've become the burden of the family honestly. i cry every night",
            "It sounds like you cry every night…",
        ),
        ("I've become the family burden", None),
        ("I'm the family's burden.", None),
        # what must stay
        (
            "I feel like the burden of the family.",
            "It sounds like you feel like the burden of the family…",
        ),
    ],
)
def test_the_burden_of_the_family_is_a_verdict(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening

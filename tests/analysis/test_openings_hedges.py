"""The hedge "I know" at a clause's end (:mod:`carelens.analysis.openings_hedges`): after words
with no first-person word of their own it is only a filler, and the words before it are no
clause of the seeker's ("Silly to be sad I know" once offered "It sounds like Silly to be sad
you know…"); after the seeker's own words it opens the opening, turned."""

from __future__ import annotations

import pytest
from opening_helpers import suggested

from carelens.analysis.openings import reflection_opening
from carelens.analysis.openings_hedges import trailing_hedge


@pytest.mark.parametrize(
    "seeker",
    [
        "Our goldfish died this morning, we had him 6 years. Silly to be sad I know.",
        "Meh. What's the point.... (Quality content I know)",
        "Stupid question I know.",
    ],
)
def test_verbless_words_before_i_know_are_no_clause(seeker: str) -> None:
    assert suggested(seeker) is None


def test_i_know_opens_the_opening() -> None:
    assert trailing_hedge("everyone hates me I know") == ("everyone hates me", "I know")
    assert (
        reflection_opening("Everyone hates me I know")
        == "It sounds like you know everyone hates you…"
    )
    assert trailing_hedge("Every day I know") is None

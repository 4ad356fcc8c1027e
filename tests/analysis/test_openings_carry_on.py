"""Clauses read after words of danger that carry them on, and those that do not
(:mod:`carelens.analysis.openings_carry_on`): being found after the seeker's own danger carries
it on ("I just don't want my mom to be the one who finds me"); the "it" of "so much it hurts"
stands for no act; whether a span lies inside a negated crisis mention is read by a walk of
sorted ranges (:class:`~carelens.analysis.openings_carry_on.Negated`), not each against all."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from opening_helpers import opening_of

from carelens.analysis.openings_carry_on import Negated


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


_RANGE = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda r: (r[0], r[0] + r[1]))


@given(st.lists(_RANGE, max_size=8), _RANGE)
def test_negated_covers_a_span_exactly_where_one_range_holds_it(
    ranges: list[tuple[int, int]], span: tuple[int, int]
) -> None:
    """Unsorted, nested, overlapping and empty ranges: the answer is the one of comparing the
    span with every range."""
    start, end = span
    assert Negated(ranges).covers(start, end) == any(a <= start and end <= b for a, b in ranges)


def test_a_long_run_of_negated_mentions_gives_no_opening_of_them() -> None:
    """Every span was once compared with every negated range: 5,555 "I'm not suicidal."
    took seconds; the clause after them is still offered."""
    seeker = "I'm not suicidal. " * 5_555 + "I just feel so alone since the move."
    assert opening_of(seeker) == "It sounds like you just feel so alone since the move…"


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like not your sister…"
        "sometimes i think i shouldve been the one who died, not my sister",
        "I keep thinking it should have been me on that motorbike, not my best mate.",
        # once "It sounds like you can't stop…"
        "I pick at my skin till it bleeds and I can't stop",
        # once "It sounds like you just need the guts…"
        "i know how i'd do it, i just need the guts",
        "They told me to kill myself and I wish I had the guts",
        # a noun phrase of the danger: once "It sounds like the night of your birthday…"
        "I know when I'll do it, the night of my birthday",
        # "too" before a chat word
        "My friend killed himself last year. I might too though",
    ],
)
def test_a_clause_that_sets_someone_against_or_names_the_danger_is_not_offered(
    seeker: str,
) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # what must stay: the seeker's own clause with a verb and an object of its own
        ("My friend cut herself and I can't stop crying", "It sounds like you can't stop crying…"),
        ("I want to die. My mom doesn't know.", "It sounds like your mom doesn't know…"),
        (
            "my brother told me to kill myself. i wish i had the guts to stand up to him",
            "It sounds like you wish you had the guts to stand up to him…",
        ),
    ],
)
def test_a_clause_of_its_own_after_danger_is_still_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- session 33: not caring, and a calm, after words of danger ----------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you don't care…", "you don't care anymore…", "you dont care…"
        "I walked into traffic and I don't care",
        "I stepped in front of a bus on purpose. I don't care anymore.",
        "I walked into traffic last night. I don't even care.",
        "i punch walls till my knuckles bleed and i dont care",
        "I cut myself again and I couldn't care less",
        "My brother walked into traffic last year and I don't care",
        "I took a bunch of pills last night and honestly I'm not even scared",
        # a calm after the seeker's own plan: once "It sounds like you feel so calm…"
        "gonna d* it tonight, i feel so calm",
        "I've decided to kill myself. I'm finally at peace.",
    ],
)
def test_not_caring_or_a_calm_after_danger_is_not_offered(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # no danger: not caring is theirs to say back
        (
            "I failed my exam and I don't care",
            "It sounds like you failed your exam and you don't care…",
        ),
        (
            "I don't care about anything anymore",
            "It sounds like you don't care about anything anymore…",
        ),
        # a feeling of their own beside someone else's danger, or theirs
        ("My brother cut himself and I'm scared", "It sounds like you're scared…"),
        (
            "I walked into traffic and I feel so stupid now",
            "It sounds like you feel so stupid now…",
        ),
        # a calm that is no state of theirs after a plan
        (
            "I've been researching ways to do it painlessly and I'm scared of how calm I feel.",
            "It sounds like you're scared of how calm you feel…",
        ),
    ],
)
def test_feelings_near_danger_that_are_theirs_are_still_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening

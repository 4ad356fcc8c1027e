"""Remarks of sympathy in a reply ("How heartbreaking.", "That's so discouraging."): which
clauses are such a remark and nothing more, and which replies hold nothing else."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_remarks import is_remark, only_reactions, reactions, remark_given


def remarks_in(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in reactions(text)]


@pytest.mark.parametrize(
    ("response", "remark"),
    [
        ("That's so discouraging.", "That's so discouraging"),
        ("How heartbreaking.", "How heartbreaking"),
        ("Omg how awful", "Omg how awful"),
        ("What a devastating thing to happen.", "What a devastating thing to happen"),
        ("What a heartbreaking thing to go through.", "What a heartbreaking thing to go through"),
        ("Oh no, that is just so heartbreaking.", "that is just so heartbreaking"),
        ("Aww, that's really sad news.", "that's really sad news"),
        ("That's so hard for you.", "That's so hard for you"),
        ("That's so hard and so unfair.", "That's so hard and so unfair"),
        ("Ugh, that sucks.", "that sucks"),
        ("I'm so sad to hear that.", "I'm so sad to hear that"),
        ("I'm heartbroken for you.", "I'm heartbroken for you"),
        ("My heart goes out to you.", "My heart goes out to you"),
        ("So sad.", "So sad"),
    ],
)
def test_a_remark_of_sympathy_is_found_as_its_clause(response: str, remark: str) -> None:
    assert remarks_in(response) == [remark]
    assert only_reactions(response)


@pytest.mark.parametrize(
    "response",
    [
        # a judging word is no reaction
        "How pathetic.",
        "That's so dramatic.",
        # more in the clause than a remark
        "How sad that you still let him do that.",
        "That's so sad lol",
        # the clause gives the feeling to them: named, not a remark
        "How heartbreaking that must be.",
        "How lonely you must feel.",
        # no remark at the start of the clause
        "I know how hard that is.",
        "No matter how hard it gets, keep going.",
        "It sounds so discouraging.",
    ],
)
def test_other_clauses_are_no_remark(response: str) -> None:
    assert reactions(response) == ()
    assert not only_reactions(response)


@pytest.mark.parametrize(
    ("response", "only"),
    [
        ("Oh no, how heartbreaking. I'm so sorry.", True),
        ("How awful, I'm so sorry to hear that.", True),
        ("Wow. How heartbreaking for you.", True),
        ("That's rough, man.", True),
        ("I'm so sorry.", False),  # sympathy, but no remark: left to the model
        ("How sad. Anyway, have you tried dating apps?", False),
        ("How awful. It sounds like you really miss her.", False),
        ("How heartbreaking. What was he like?", False),
        ("That's awful, but you'll be fine.", False),
    ],
)
def test_only_reactions_is_remarks_and_plain_sorrow_alone(response: str, only: bool) -> None:
    assert only_reactions(response) is only


@pytest.mark.parametrize(
    ("response", "word", "given_later"),
    [
        ("That's so sad.", "sad", False),
        ("How lonely.", "lonely", False),
        ("How lonely that must be.", "lonely", True),
        ("What a lonely time this must be.", "lonely", True),
        ("It sounds lonely.", "lonely", None),
    ],
)
def test_a_remark_is_told_from_a_feeling_given_later(
    response: str, word: str, given_later: bool | None
) -> None:
    match = re.search(word, response)
    assert match is not None
    assert remark_given(response, match) is given_later
    assert is_remark(response, match) is (given_later is False)


@given(st.text(max_size=200))
def test_remark_spans_lie_inside_the_text(text: str) -> None:
    for start, end in reactions(text):
        assert 0 <= start < end <= len(text)

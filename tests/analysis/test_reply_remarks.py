"""Remarks of sympathy in a reply ("How heartbreaking.", "That's so discouraging."): which
clauses are such a remark and nothing more, and which replies hold nothing else."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.reply_remarks import (
    is_remark,
    only_reactions,
    reactions,
    remark_given,
    sympathy_only,
)


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


# --- a review of the remarks (F6, F7) -----------------------------------------------------


@pytest.mark.parametrize(
    ("response", "remark"),
    [
        # bare remarks misread before (F6)
        ("How sad, honestly.", "How sad"),
        ("oof. that's harsh", "that's harsh"),
        ("Ouch, that sucks.", "that sucks"),
        ("What a nightmare.", "What a nightmare"),
        ("What a gut punch.", "What a gut punch"),
        ("That's so demoralizing.", "That's so demoralizing"),
        ("How disheartening.", "How disheartening"),
        ("How annoying!", "How annoying"),
        # outrage on their behalf at someone else (F7)
        ("How dare he.", "How dare he"),
        ("How dare they.", "How dare they"),
        ("how dare they treat you like that", "how dare they treat you like that"),
        ("How immature of them.", "How immature of them"),
        ("How convenient for him.", "How convenient for him"),
        ("How typical of your boss.", "How typical of your boss"),
    ],
)
def test_more_remarks_of_sympathy_are_found(response: str, remark: str) -> None:
    assert remarks_in(response) == [remark]
    assert only_reactions(response)


@pytest.mark.parametrize(
    "response",
    [
        # aimed at the seeker: no outrage on their behalf
        "How dare you.",
        "How selfish of you.",
        "How immature of you to say that.",
        # left to the model: "typical" of whom is not said
        "How typical.",
    ],
)
def test_remarks_at_the_seeker_are_no_sympathy(response: str) -> None:
    assert reactions(response) == ()
    assert not only_reactions(response)


def test_a_trailing_word_after_a_remark_is_no_other_clause() -> None:
    assert only_reactions("How sad, honestly.")
    assert only_reactions("Oh no. How sad, really.")
    # a word that says more is still another clause
    assert not only_reactions("How sad, anyway.")


# --- session 33: outrage on their behalf in more words ------------------------------------


@pytest.mark.parametrize(
    ("response", "remarks"),
    [
        (
            "How typical of them to leave you alone with this",
            ["How typical of them to leave you alone with this"],
        ),
        ("That was so cruel of him.", ["That was so cruel of him"]),
        ("He had no right to talk to you like that.", ["He had no right to talk to you like that"]),
        ("Shame on them.", ["Shame on them"]),
        ("your boss is such a jerk", ["your boss is such a jerk"]),
        ("How rude of him to you honestly", ["How rude of him to you honestly"]),
        (
            "how dare your boss do that to you in front of everyone. that's humiliating",
            ["how dare your boss do that to you in front of everyone", "that's humiliating"],
        ),
        # beside outrage at someone, how wrong the deed was
        ("How dare he. That's so unprofessional.", ["How dare he", "That's so unprofessional"]),
        (
            "how dare your boss do that to you. that's humiliating and not okay",
            ["how dare your boss do that to you", "that's humiliating and not okay"],
        ),
    ],
)
def test_outrage_in_more_words_is_a_remark(response: str, remarks: list[str]) -> None:
    assert remarks_in(response) == remarks
    assert only_reactions(response)


@pytest.mark.parametrize(
    "response",
    [
        "How dare your boss do that to you?! That's so humiliating. I'm so sorry you went through"
        " that.",
        "How dare he. You didn't deserve that.",
        "How dare they. It's not your fault.",
        "Your boss is a jerk. You deserve so much better.",
    ],
)
def test_sorrow_and_reassurance_beside_outrage_hold_nothing_else(response: str) -> None:
    assert only_reactions(response)


@pytest.mark.parametrize(
    "response",
    [
        # at the seeker
        "That was so cruel of you.",
        "you are such a jerk",
        # how wrong a deed was, with no one else named: it may be the seeker's
        "That's so unprofessional.",
        "That's not okay.",
    ],
)
def test_words_at_the_seeker_or_of_no_one_are_no_outrage(response: str) -> None:
    assert not only_reactions(response)


def test_sympathy_only_needs_no_remark() -> None:
    assert sympathy_only("I'm so sorry.")
    assert sympathy_only("How awful.")
    assert not sympathy_only("I'm so sorry. Have you tried therapy?")
    assert not sympathy_only("")


# --- session 33, a second review: anger on their behalf, openers, disbelief ---------------


@pytest.mark.parametrize(
    ("response", "remarks"),
    [
        # anger on their behalf, and beside it how wrong the deed was and disbelief asked
        (
            "Forty minutes?? That's ridiculous, I'm furious for you.",
            ["Forty minutes", "That's ridiculous", "I'm furious for you"],
        ),
        ("Ugh, I'm so angry on your behalf", ["I'm so angry on your behalf"]),
        (
            "Seriously?! That makes me so angry for you.",
            ["Seriously", "That makes me so angry for you"],
        ),
        (
            "I'm livid on your behalf. That's a huge violation.",
            ["I'm livid on your behalf", "That's a huge violation"],
        ),
        ("this makes my blood boil", ["this makes my blood boil"]),
        # outrage at what someone else may not do to them
        (
            "that's outrageous, they can't treat you like that",
            ["that's outrageous", "they can't treat you like that"],
        ),
        ("Your boss can't just cut your hours.", ["Your boss can't just cut your hours"]),
        # a sympathetic interjection alone, "that's a lot"
        ("Oof.", ["Oof"]),
        ("Ouch.", ["Ouch"]),
        ("Oh no.", ["Oh no"]),
        ("Oof, that's a lot.", ["that's a lot"]),
        ("Oof. That's a lot to deal with at once.", ["That's a lot to deal with at once"]),
        ("That sounds like a lot for one person.", ["That sounds like a lot for one person"]),
        ("That's so heavy.", ["That's so heavy"]),
    ],
)
def test_anger_outrage_and_openers_are_remarks(response: str, remarks: list[str]) -> None:
    assert remarks_in(response) == remarks
    assert only_reactions(response)


@pytest.mark.parametrize(
    "response",
    [
        # at the seeker, or their own anger
        "I'm so angry at you.",
        "I'm furious.",
        "That's ridiculous.",
        "Seriously? You're upset about that?",
        # interjections that make light of it, and "a lot" of something
        "lol oof",
        "oof lol",
        "big oof",
        "That's a lot of money.",
        # what someone may not do, as advice to the seeker
        "You can't let them treat you like that.",
    ],
)
def test_words_at_the_seeker_and_mockery_are_no_remarks(response: str) -> None:
    assert remarks_in(response) == []


def test_disbelief_is_a_remark_only_beside_outrage() -> None:
    assert remarks_in("Forty minutes?? Have you tried calling back?") == []
    assert remarks_in("Again?? I'm so mad for you.") == ["Again", "I'm so mad for you"]


@pytest.mark.parametrize(
    ("response", "remarks"),
    [
        # a remark that it hurts, without a reaction word
        ("ouch. third time really stings.", ["third time really stings"]),
        ("That stings. I'm so sorry.", ["That stings"]),
        # an interjection with a detail they told echoed
        ("oof, 8 months. that kind of loneliness creeps up on you", ["oof", "8 months"]),
    ],
)
def test_stings_and_echoed_details_are_remarks(response: str, remarks: list[str]) -> None:
    assert [response[s:e].strip() for s, e in reactions(response)] == remarks


@pytest.mark.parametrize(
    "response", ["ouch, you deserved it.", "You really hurt him.", "lol oof, 8 months."]
)
def test_hurt_at_someone_or_made_light_of_is_no_remark(response: str) -> None:
    assert reactions(response) == ()

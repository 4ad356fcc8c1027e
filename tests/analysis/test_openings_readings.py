"""Suggested openings on five readings once got wrong: a main clause whose subject is a noun
phrase after a subordinate clause ("Since I lost my job my life has fallen apart"), a list's
marks inside a clause ("... 1) I can't sleep 2) I feel like a failure"), a list of people
that ends with the seeker read as names they address ("Mom, Dad and I fought"), a "you"
after "makes" whose subject is no one addressed ("The job I have makes you feel worthless")
or after the seeker's "hope" ("I hope you have a great day"), and "I and the team" after a
capitalised word read as a numeral."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from carelens.analysis.feedback import reflection_opening
from carelens.analysis.feelings import read_feelings
from carelens.analysis.openings import seeker_clause, suggested_opening
from carelens.analysis.pronouns import addressed, turn_clause


def opening_of(seeker: str) -> str | None:
    """The suggested opening :func:`seeker_clause` offers for ``seeker``, or None."""
    clause = seeker_clause(seeker)
    return None if clause is None else reflection_opening(clause)


# --- a noun phrase subject after a subordinate clause ----------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: only a pronoun made a main clause after "Since I lost my job"
        (
            "Since I lost my job my life has fallen apart",
            "It sounds like since you lost your job your life has fallen apart…",
        ),
        (
            "Since my divorce my whole life is a mess",
            "It sounds like since your divorce your whole life is a mess…",
        ),
        (
            "After I moved out my mom stopped calling me",
            "It sounds like after you moved out your mom stopped calling you…",
        ),
        (
            "When I get home the house feels so empty",
            "It sounds like when you get home the house feels so empty…",
        ),
        (
            "If I lose my job my family will starve",
            "It sounds like if you lose your job your family will starve…",
        ),
        # as before: a pronoun subject
        (
            "Since I lost my job everything has fallen apart",
            "It sounds like since you lost your job everything has fallen apart…",
        ),
    ],
)
def test_a_noun_phrase_after_a_subordinate_clause_opens_a_main_clause(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        "whatever you do",
        "When my mom left",  # the noun phrase is the subordinate clause's own subject
        "When I see my best friends",  # no verb after it
        "When I sleep in my bed",
        # the subject of a clause that a verb before it takes as its object
        "When I heard my mom died",
        "Since I found out my dad has cancer",
    ],
)
def test_a_subordinate_clause_alone_still_gets_no_opening(seeker: str) -> None:
    assert seeker_clause(seeker) is None


def test_because_is_trimmed_as_a_filler_before_the_clause() -> None:
    # "because" opening a part is taken off as a filler, as before: the statement after it
    # is offered, never the subordinate clause itself.
    assert seeker_clause("Because I said so") == "I said so"


# --- a list's marks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # once none: "1)" inside the clause read as closing a bracket never opened
        ("I have two problems 1) I can't sleep 2) I feel like a failure", "I feel like a failure"),
        ("My problems: 1) I can't sleep, 2) I feel like a failure", "I feel like a failure"),
        ("a) I feel lost b) I can't sleep", "I feel lost"),
        ("I have two problems 1) I can't sleep 2) my mom hates me", "I have two problems"),
        # once "It sounds like 1) you feel so alone…"
        ("1) I feel so alone", "I feel so alone"),
    ],
)
def test_a_lists_marks_start_parts_of_their_own(seeker: str, clause: str) -> None:
    assert seeker_clause(seeker) == clause
    assert ")" not in reflection_opening(clause)


def test_a_bracket_closed_without_opening_still_gets_no_opening() -> None:
    seeker = "I love the outdoors (like hiking, biking, traveling), is it ok to build my life"
    assert seeker_clause(seeker) == "I love the outdoors (like hiking"


# --- a list of people that ends with the seeker ---------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "Mom," read as addressed
        (
            "Mom, Dad and I fought again last night",
            "It sounds like Mom, Dad and you fought again last night…",
        ),
        ("Mom, Dad, and I fought again", "It sounds like Mom, Dad, and you fought again…"),
        (
            "My mom, my dad and I fought again",
            "It sounds like your mom, your dad and you fought again…",
        ),
        (
            "Sarah, Mom and I went out and I feel lost",
            "It sounds like Sarah, Mom and you went out and you feel lost…",
        ),
        (
            "Mom, my sister & me went out and I feel lost",
            "It sounds like Mom, your sister & you went out and you feel lost…",
        ),
    ],
)
def test_a_list_of_people_that_ends_with_the_seeker_is_no_vocative(
    seeker: str, opening: str
) -> None:
    assert addressed(seeker) == []
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("clause", "spans"),
    [
        ("Mom, I'm sorry I let you down", [(0, 3), (21, 24)]),
        ("Mom, Dad, I love you", [(0, 3), (5, 8), (17, 20)]),
        ("Dad, I miss you so much", [(0, 3), (12, 15)]),
        # readers called on before a list: still addressed
        ("Guys, my mom and I fought", [(0, 4)]),
    ],
)
def test_a_vocative_before_a_clause_addressed_to_them_stays(
    clause: str, spans: list[tuple[int, int]]
) -> None:
    assert addressed(clause) == spans


# --- a "you" that is no one addressed, and one that is ---------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "I have makes you" read as the seeker making someone feel worthless
        (
            "The job I have makes you feel worthless",
            "It sounds like the job you have makes you feel worthless…",
        ),
        (
            "The person I married lets you down every time",
            "It sounds like the person you married lets you down every time…",
        ),
    ],
)
def test_a_you_after_makes_or_lets_is_anyones(seeker: str, opening: str) -> None:
    assert addressed(seeker) == []
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("clause", "spans"),
    [
        # once "It sounds like you hope you have a great day…"
        ("I hope you have a great day", [(7, 10)]),
        ("I really hope you are doing well", [(14, 17)]),
        ("I just want to make you proud", [(20, 23)]),  # as before
    ],
)
def test_a_you_the_seeker_hopes_for_is_addressed(clause: str, spans: list[tuple[int, int]]) -> None:
    assert addressed(clause) == spans
    assert turn_clause(clause)[1]


def test_epitome_post_that_wishes_someone_a_great_day_gets_no_opening(
    shared_data: Path,
) -> None:
    # EPITOME 6s8mah: once "It sounds like you hope you have a great day…", a wish to the
    # person the seeker can no longer speak to. Read from ../shared/data, not copied here.
    source = shared_data / "epitome-reddit" / "epitome_reddit_public.csv"
    with source.open(encoding="utf-8", newline="") as fh:
        seeker = next(row["seeker_post"] for row in csv.DictReader(fh) if row["sp_id"] == "6s8mah")
    assert suggested_opening(seeker, read_feelings(seeker)) is None


# --- "I and" the others ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: the "I" after "Monday" read as a numeral ("Henryk I and")
        (
            "On Monday I and the team said we'd finish it",
            "It sounds like on Monday you and the team said you'd finish it…",
        ),
        (
            "Last Friday I and my wife had a huge fight",
            "It sounds like last Friday you and your wife had a huge fight…",
        ),
        # as before
        (
            "I and the team said we'd finish it",
            "It sounds like you and the team said you'd finish it…",
        ),
    ],
)
def test_i_and_the_others_is_the_seeker(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize("seeker", ["I read Part I and I feel lost.", "Henry I and his son"])
def test_a_numbered_noun_or_monarch_before_i_and_keeps_the_numeral(seeker: str) -> None:
    assert seeker_clause(seeker) is None

"""Suggested openings on five readings once got wrong: a main clause whose subject is a noun
phrase after a subordinate clause ("Since I lost my job my life has fallen apart"), a list's
marks inside a clause ("... 1) I can't sleep 2) I feel like a failure"), a list of people
that ends with the seeker read as names they address ("Mom, Dad and I fought"), a "you"
after "makes" whose subject is no one addressed ("The job I have makes you feel worthless")
or after the seeker's "hope" ("I hope you have a great day"), and "I and the team" after a
capitalised word read as a numeral; and the regressions an old-vs-new review of those fixes
found: a number before a closing bracket ("my little brother (he's 8)") or in running text
("I got a 2) on my exam") read as a list's mark, a list's item without a subject offered
("my plan: a) quit my job"), an aside before "my X and I" kept in the subject
("Unfortunately, my wife and I"), a subordinate clause alone offered again ("When the
doctor told me my mom had cancer") and "Henryk I and his court" read as the seeker."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from opening_helpers import opening_of

from carelens.analysis.addressees import addressed, listed_with_seeker
from carelens.analysis.feedback import reflection_opening
from carelens.analysis.feelings import read_feelings
from carelens.analysis.openings import seeker_clause, suggested_opening
from carelens.analysis.openings_lists import list_marks
from carelens.analysis.pronouns import turn_clause

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
        # a main clause after the clause a time tells, or after the one "told me" takes
        (
            "Since the day my son was born my marriage has been falling apart",
            "It sounds like since the day your son was born your marriage has been falling apart…",
        ),
        (
            "When I heard the news my heart broke",
            "It sounds like when you heard the news your heart broke…",
        ),
        (
            "Since last summer my depression has been getting worse",
            "It sounds like since last summer your depression has been getting worse…",
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
        # once offered: a verb and its object before the clause ("told me my mom had")
        "When the doctor told me my mom had cancer",
        "When my sister told me my dad was dying",
        "After my boss told me the company was closing",
        "Since I discovered my son was using drugs",
        # once offered: a time and the clause that tells it ("the day my son was born")
        "Since the day my son was born",
        "Since the day my mom died",
        # once offered: a second subordinate clause joined by "and"
        "When my mom left and my dad started drinking",
        "After my dad died and my mom remarried",
        "Since my wife left and the kids moved out",
        "When my husband comes home drunk and the kids are asleep",
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
        # the lead-in before the first mark is never offered alone (once "I have two
        # problems"): its first item is
        ("I have two problems 1) I can't sleep 2) my mom hates me", "I can't sleep"),
        # once "It sounds like 1) you feel so alone…"
        ("1) I feel so alone", "I feel so alone"),
    ],
)
def test_a_lists_marks_start_parts_of_their_own(seeker: str, clause: str) -> None:
    assert seeker_clause(seeker) == clause
    assert ")" not in reflection_opening(clause)


def test_a_bracket_closed_without_opening_still_gets_no_opening() -> None:
    assert seeker_clause("hiking and traveling) and I love the outdoors") is None
    # a comma inside brackets that close in the sentence cuts no part (once "(like hiking")
    seeker = "I love the outdoors (like hiking, biking, traveling), is it ok to build my life"
    assert seeker_clause(seeker) == "I love the outdoors (like hiking, biking, traveling)"


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like your little brother (he's…": "8)" read as a list's mark
        (
            "My little brother (he's 8) died last year and I miss him so much",
            "It sounds like your little brother (he's 8) died last year and you miss him so much…",
        ),
        (
            "i have 2 kids (5 and 8) and i feel like a terrible mom",
            "It sounds like you have 2 kids (5 and 8) and you feel like a terrible mom…",
        ),
        (
            "my two boys (ages 6 and 9) fight all day and i feel so tired",
            "It sounds like your two boys (ages 6 and 9) fight all day and you feel so tired…",
        ),
        (
            "My mom (who is 70) lives alone and I feel guilty",
            "It sounds like your mom (who is 70) lives alone and you feel guilty…",
        ),
        (
            "My husband (34 M) cheated and I feel worthless",
            "It sounds like your husband (34 M) cheated and you feel worthless…",
        ),
        (
            "my bf (19 m) dumped me and i feel so ugly",
            "It sounds like your bf (19 m) dumped you and you feel so ugly…",
        ),
        (
            "I got diagnosed with ADHD (at 30) and I feel relieved",
            "It sounds like you got diagnosed with ADHD (at 30) and you feel relieved…",
        ),
        (
            "I lost my dad (stage 4) and I feel numb",
            "It sounds like you lost your dad (stage 4) and you feel numb…",
        ),
        (
            "I work at a school (grade 3) and I feel burnt out",
            "It sounds like you work at a school (grade 3) and you feel burnt out…",
        ),
        # once "It sounds like you hate you and you feel so alone…": the comma inside the
        # brackets cut the clause, and "12)" read as a list's mark
        (
            "my kids (10, 12) hate me and i feel so alone",
            "It sounds like your kids (10, 12) hate you and you feel so alone…",
        ),
    ],
)
def test_a_number_that_closes_a_bracket_is_no_lists_mark(seeker: str, opening: str) -> None:
    assert list_marks(seeker) == ()
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you got a…", "… your anxiety is like an…": a number or a letter
        # of the seeker's own text before ")" read as a list's mark
        "I got a 2) on my exam and I feel like an idiot",
        "my anxiety is like an 8) out of 10 today and i feel awful",
        "I have 2) options and I hate both",
        "at 8) pm every night i start crying",
        "I have type 1) diabetes and I feel so tired of managing it",
        "Plan B) is moving back with my parents and I feel like a failure",
        "Vitamin D) levels are low and I feel so tired all the time",
        "part a) of my exam went ok but i feel like i failed part b)",
        "im in grade 8) and i feel like nobody likes me",
        "I wake up at 2) 3) am every night and feel panicky",
    ],
)
def test_a_number_or_letter_in_running_text_is_no_lists_mark(seeker: str) -> None:
    # as before the marks were read: the piece with the unopened ")" is offered nowhere
    assert list_marks(seeker) == ()
    assert seeker_clause(seeker) is None


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        # a run that counts on from "1" or "a", anywhere
        ("I have two problems 1) I can't sleep 2) I feel like a failure", ["1)", "2)"]),
        ("I have 3 kids 1) 2) and 3) and I'm overwhelmed", ["1)", "2)", "3)"]),
        ("(1) I cant focus (2) I cant sleep", ["(1)", "(2)"]),
        ("Step 1) admit I have a problem. Step 2) I feel like I cant do step 2", ["1)", "2)"]),
        # one alone that starts a line or follows a sentence's end or a colon
        ("1) I feel so alone", ["1)"]),
        ("I'm tired.\nb) nobody cares", ["b)"]),
        ("My problem: a) I can't sleep", ["a)"]),
        # none: inside brackets, after a word of the text, or an emoticon's bracket
        ("My son (age 8) and my daughter (age 5) both have autism", []),
        ("Exhibit A) my ex keeps texting me", []),
        ("I feel sad :( 2) nobody cares", []),
    ],
)
def test_which_marks_are_a_lists(text: str, marks: list[str]) -> None:
    assert [text[start:end] for start, end in list_marks(text)] == marks


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you quit your job…": a plan read as done
        ("my plan: a) quit my job b) move home", None),
        ("options are a) stay with my abusive husband or b) leave and lose my kids", None),
        ("Step 1) admit I have a problem", None),
        # once "It sounds like your kids and you feel overwhelmed…"
        (
            "my top 3 worries 1) money 2) my health 3) my kids and i feel overwhelmed",
            "It sounds like you feel overwhelmed…",
        ),
        # once "It sounds like (1) you cant focus (2) you cant sleep (3) you feel hopeless…"
        (
            "(1) I cant focus (2) I cant sleep (3) I feel hopeless",
            "It sounds like you feel hopeless…",
        ),
        # an item with a subject of its own is offered
        ("1) my dad is sick. 2) my mom is drunk.", "It sounds like your dad is sick…"),
    ],
)
def test_a_lists_item_without_a_subject_of_its_own_is_not_offered(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening


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
            "Ma, Pa & I lost the farm and I feel like a failure",
            "It sounds like Ma, Pa & you lost the farm and you feel like a failure…",
        ),
    ],
)
def test_a_list_of_people_that_ends_with_the_seeker_is_no_vocative(
    seeker: str, opening: str
) -> None:
    assert addressed(seeker) == []
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like Unfortunately, your wife and you lost the baby…": any
        # capitalised word read as a name in the list
        (
            "Unfortunately, my wife and I lost the baby",
            "It sounds like your wife and you lost the baby…",
        ),
        (
            "Sorry, my girlfriend and I broke up and I'm a mess",
            "It sounds like your girlfriend and you broke up and you're a mess…",
        ),
        ("Jesus, my mom and I fought again", "It sounds like your mom and you fought again…"),
        (
            "Doc, my wife and I can't stop fighting",
            "It sounds like your wife and you can't stop fighting…",
        ),
        ("Reddit, my wife and I need help", "It sounds like your wife and you need help…"),
        (
            "Throwaway, my husband and I are separating",
            "It sounds like your husband and you are separating…",
        ),
        (
            "TLDR, my mom and I fought about money",
            "It sounds like your mom and you fought about money…",
        ),
        (
            "Yesterday, my sister and I had a huge fight",
            "It sounds like your sister and you had a huge fight…",
        ),
        (
            "Kids, my wife and I are getting divorced",
            "It sounds like your wife and you are getting divorced…",
        ),
        # kin before "my X and I" may be addressed: the list after it is said either way
        (
            "Mom, my therapist and I think I should go inpatient",
            "It sounds like your therapist and you think you should go inpatient…",
        ),
        (
            "Mom, my sister & me went out and I feel lost",
            "It sounds like your sister & you went out and you feel lost…",
        ),
    ],
)
def test_a_word_before_a_list_of_noun_phrases_is_addressed_or_an_aside(
    seeker: str, opening: str
) -> None:
    assert not listed_with_seeker(seeker)
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    "seeker", ["Mom, Dad and I", "Mom, Dad and I, we never talk anymore", "Sis, Mom and I"]
)
def test_a_list_of_people_before_no_verb_is_no_subject(seeker: str) -> None:
    # once "It sounds like Mom, Dad and you…"
    assert not listed_with_seeker(seeker)
    assert seeker_clause(seeker) is None


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
        # once "It sounds like you hope that you have a great day…"
        ("I hope that you have a great day", [(12, 15)]),
        ("I hope all of you have a great day", [(14, 17)]),
        ("I hope when you read this you dont think im crazy", [(12, 15), (26, 29)]),
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
        (
            "In March I and some coworkers got laid off",
            "It sounds like in March you and some coworkers got laid off…",
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


@pytest.mark.parametrize(
    "seeker",
    [
        "I read Part I and I feel lost.",
        "Henry I and his son",
        # once "... about Henryk you and his court ...": a name, no time, before "I and his"
        "I read a book about Henryk I and his court and I felt inspired",
        "My grandpa loved talking about Henryk I and his wars",
        "We studied Casimir I and the Piast dynasty and I feel so dumb",
        "My dad restores the Mark I and the Mark II and I feel ignored",
    ],
)
def test_a_numbered_noun_or_monarch_before_i_and_keeps_the_numeral(seeker: str) -> None:
    assert seeker_clause(seeker) is None

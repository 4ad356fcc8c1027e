"""Suggested openings a second old-vs-new review of the five readings' repair found wrong: an
inline list's lead-in offered alone or its items offered where the lead-in frames them as
someone's words or a thought ("My mom always says 1) I'm useless"), bracketed ages read as a
list's marks ("My son (1) and my daughter (2)"), a first name that is also a verb ("Will,
Amber and I"), a list of people in a letter to someone ("Dad, Mom and I are okay. We miss
you"), a bracketed aside kept at a clause's start, a clause clipped on "so", a subordinate
clause alone after a telling verb with a noun object ("When I told my mom my grades
dropped"), "If I'm honest" kept as a clause, and a list after the readers called on ("Guys,
Mom, Dad and I")."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.addressees import addressed, addresses_someone, listed_with_seeker
from carelens.analysis.openings import seeker_clause
from carelens.analysis.openings_lists import list_leads, list_marks
from carelens.analysis.openings_words import needs_more

# --- an inline list: its lead-in, and items framed as someone's words or a thought ----------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you're useless and…", "… you were worthless…": someone
        # else's words offered as the seeker's
        ("My mom always says 1) I'm useless and 2) I'm a disappointment to the family.", None),
        (
            "My dad always said 1) I was worthless 2) I would never amount to anything. He "
            "died last year.",
            None,
        ),
        ("My ex told me 1) I was pathetic and 2) I was needy. We broke up in June.", None),
        # a thought, not a fact ("It sounds like you're a burden and…")
        (
            "I keep thinking that 1) I'm a burden and 2) everyone would be better off without "
            "my drama.",
            None,
        ),
        ("i feel like 1) im not smart enough 2) im not pretty enough and 3) nobody cares", None),
        # the lead-in alone, which needs the list ("It sounds like you're torn between…")
        ("I'm torn between a) staying with my husband and b) leaving and being happy.", None),
        ("The thing is I'm afraid of a) being alone and b) being with the wrong person.", None),
        ("I just want 1) my mom to be healthy and 2) my kids to be okay.", None),
        (
            "My mom keeps telling me to 1) lose weight 2) get a boyfriend 3) stop being so "
            "sensitive. I'm exhausted.",
            None,
        ),
        # after a colon too, or on the line before ("It sounds like your mom always says…")
        ("My mom always says: 1) I'm useless 2) I'm lazy", None),
        ("My mom always says:\n1) I'm useless\n2) I'm lazy", None),
        # the seeker's own clause elsewhere, as before the marks were read
        (
            "My coach said 1) I was hopeless and 2) I should quit the team. I did quit.",
            "It sounds like you did quit…",
        ),
        (
            "My ex said I was 1) too clingy 2) too boring and 3) too much. I can't stop "
            "replaying it.",
            "It sounds like you can't stop replaying it…",
        ),
        (
            "My therapist says I should 1) journal 2) exercise, but I have no energy.",
            "It sounds like you have no energy…",
        ),
        (
            "My boss wrote in my review that 1) I'm unreliable and 2) I don't take initiative. "
            "I've worked there 9 years.",
            "It sounds like you've worked there 9 years…",
        ),
    ],
)
def test_an_inline_lists_lead_in_or_framed_items_are_not_offered(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once the lead-in "It sounds like Right now you're dealing with…"
        (
            "Right now I'm dealing with 1) a breakup 2) a sick parent 3) a job I hate and I'm "
            "barely holding on.",
            "It sounds like you're barely holding on…",
        ),
        # once "It sounds like you're stuck because…"; the "and" before the next item is no
        # part of the item
        (
            "I'm stuck because a) I can't afford to move out and b) my parents are toxic.",
            "It sounds like you can't afford to move out…",
        ),
        # once "It sounds like your goals this year were…"; "make" is no imperative there
        (
            "My goals this year were 1) get a job 2) make friends and I failed both and I feel "
            "pathetic.",
            "It sounds like you failed both and you feel pathetic…",
        ),
        (
            "the options are a) stay or b) leave my husband and i feel stuck",
            "It sounds like you feel stuck…",
        ),
        # as before: a lead-in that frames nothing, and one before an emoticon
        (
            "I have two problems 1) I can't sleep 2) I feel like a failure",
            "It sounds like you feel like a failure…",
        ),
        (
            "I'm trying my best :) 1) sleep 2) eat 3) breathe",
            "It sounds like you're trying your best…",
        ),
    ],
)
def test_items_after_a_lead_in_that_frames_nothing_are_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("text", "leads", "framed"),
    [
        ("My mom always says 1) I'm useless 2) I'm lazy", ["says"], ["1) I'm useless 2) I'm lazy"]),
        ("I'm torn between a) staying b) leaving", ["between"], []),
        ("My problem is: 1) I can't sleep", ["is"], []),
        ("My mom always says:\n1) I'm useless", ["says"], ["1) I'm useless"]),
        # a lead-in after a colon that frames nothing and needs nothing after it
        ("I have three problems: 1) I can't sleep 2) I'm sad", [], []),
        ("1) I can't sleep 2) I'm sad", [], []),
    ],
)
def test_which_lead_ins_are_never_offered_and_what_they_frame(
    text: str, leads: list[str], framed: list[str]
) -> None:
    ends, spans = list_leads(text)
    assert [text[:end].split()[-1] for end in ends] == leads
    assert [text[start:end] for start, end in spans] == framed


# --- bracketed numbers after a word ---------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none: "(1)" and "(2)" read as a list's marks
        (
            "My son (1) and my daughter (2) both have colic and I'm exhausted.",
            "It sounds like your son (1) and your daughter (2) both have colic and you're "
            "exhausted…",
        ),
        (
            "I work 2 jobs (a) at a diner and (b) at a gas station and I feel exhausted",
            "It sounds like you work 2 jobs (a) at a diner and (b) at a gas station and you "
            "feel exhausted…",
        ),
    ],
)
def test_a_bracketed_number_after_a_word_is_no_lists_mark(seeker: str, opening: str) -> None:
    assert list_marks(seeker) == ()
    assert opening_of(seeker) == opening


def test_a_bracketed_run_that_starts_a_part_is_still_a_list() -> None:
    seeker = "(1) I cant focus (2) I cant sleep (3) I feel hopeless"
    assert len(list_marks(seeker)) == 3
    assert opening_of(seeker) == "It sounds like you feel hopeless…"


# --- a name that is also a verb, first in a list of people ----------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you will, Amber and you started a band…"
        (
            "Will, Amber and I started a band and now they kicked me out.",
            "It sounds like Will, Amber and you started a band and now they kicked you out…",
        ),
        (
            "Hope, Amber and I went to the same school and now they ignore me.",
            "It sounds like Hope, Amber and you went to the same school and now they ignore you…",
        ),
        # once "It sounds like you will and you broke up…", before and after the repair
        (
            "Will and I broke up last week and I feel lost.",
            "It sounds like Will and you broke up last week and you feel lost…",
        ),
        # names in "-ly" (once "It sounds like Kelly and you were best friends…")
        (
            "Emily, Kelly and I were best friends until they dropped me.",
            "It sounds like Emily, Kelly and you were best friends until they dropped you…",
        ),
    ],
)
def test_a_name_first_in_a_list_of_people_is_no_verb(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- a letter to someone --------------------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like Dad, Mom and you are doing okay…": "Dad" is whom they write to
        "Dad, Mom and I are doing okay but we miss you every single day.",
        "Dad, Mom and I finally sold the house. I'm sorry, I know you loved it.",
        "Dad, Mom and I are okay. We miss you every day.",
        "Mom, Dad and I fought again. I'm sorry Mom",
    ],
)
def test_kin_first_in_a_list_in_a_letter_to_someone_is_addressed(seeker: str) -> None:
    assert addresses_someone(seeker)
    assert seeker_clause(seeker) is None


def test_a_list_of_people_beside_anyones_you_or_the_readers_is_a_subject() -> None:
    assert not addresses_someone("Mom, Dad and I fought again, you know how it is")
    assert opening_of("Mom, Dad and I fought again, you know how it is") == (
        "It sounds like Mom, Dad and you fought again…"
    )
    assert opening_of("Mom, Dad and I fought again. Sorry guys for the rant.") == (
        "It sounds like Mom, Dad and you fought again…"
    )


@pytest.mark.parametrize(
    ("clause", "addressee", "listed"),
    [
        ("Dad, Mom and I miss you so much", False, False),
        ("Dad, Mom and I are okay", True, False),
        ("Dad, Mom and I are okay", False, True),
        # noun phrases name no one the seeker writes to
        ("My mom, my dad and I are okay", True, True),
    ],
)
def test_a_list_of_people_where_the_seeker_writes_to_someone(
    clause: str, addressee: bool, listed: bool
) -> None:
    assert listed_with_seeker(clause, addressee) is listed


# --- after the readers called on ------------------------------------------------------------


def test_a_list_of_people_after_the_readers_called_on_is_the_subject() -> None:
    # once "It sounds like Dad and you had the worst fight ever…" ("Mom" read as addressed)
    seeker = "Guys, Mom, Dad and I had the worst fight ever."
    assert addressed(seeker) == [(0, 4)]
    assert opening_of(seeker) == "It sounds like Mom, Dad and you had the worst fight ever…"
    assert addressed("Guys, Mom and I fought again") == [(0, 4)]
    # "Sis" may be one of the list: no list read after it, as before
    assert opening_of("Sis, mom and I fought again") is None


# --- a bracketed aside, and a clause clipped on a word that needs another --------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like (throwaway, obviously) your dad died…"
        (
            "(throwaway, obviously) my dad died last week and I feel numb.",
            "It sounds like your dad died last week and you feel numb…",
        ),
        # once "… (sorry for formatting, on mobile) your girlfriend cheated on you and you
        # feel so…"
        (
            "(sorry for formatting, on mobile) my girlfriend cheated on me and I feel so stupid.",
            "It sounds like your girlfriend cheated on you and you feel so stupid…",
        ),
        (
            "(edit: I'm not in danger, just venting) my dad died last week and I feel numb.",
            "It sounds like your dad died last week and you feel numb…",
        ),
        (
            "(sorry, I know this is dumb) my girlfriend cheated on me and I feel so stupid.",
            "It sounds like your girlfriend cheated on you and you feel so stupid…",
        ),
        # an aside about the post at the clause's end
        (
            "I'm so tired of pretending I'm ok (edit: I'm not in danger, just venting).",
            "It sounds like you're so tired of pretending you're ok…",
        ),
        ("I feel so alone (sorry for the long post)", "It sounds like you feel so alone…"),
        # brackets that belong to the clause stay
        ("I feel so alone (and tired)", "It sounds like you feel so alone (and tired)…"),
        (
            "(I was sad) and (tired) all day",
            "It sounds like (you were sad) and (tired) all day…",
        ),
    ],
)
def test_a_bracketed_aside_at_a_clauses_edge_is_left_out(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "… stole from you and you feel…": four words backed off were not enough
        (
            "My roommate (who I thought was my friend) stole from me and I feel so naive.",
            "It sounds like your roommate (who you thought was your friend) stole from you and "
            "you feel so naive…",
        ),
        (
            "Today, my mom and I went to see her oncologist and I had to be strong.",
            "It sounds like your mom and you went to see her oncologist and you had to be strong…",
        ),
    ],
)
def test_a_clipped_clause_never_ends_on_a_word_that_needs_another(
    seeker: str, opening: str
) -> None:
    assert opening_of(seeker) == opening
    assert not needs_more(opening.removesuffix("…").split()[-1])


# --- a subordinate clause alone after a verb of telling and a noun object -------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like when you told your mom your grades dropped…"
        "When I told my mom my grades dropped.",
        "When I explained to my mom my girlfriend was more than a friend.",
        "When I told my mom my dad had cheated.",
        "When I warned my friend her boyfriend was cheating.",
        "When I texted my best friend my dad had died.",
        "After I told my boss my wife was sick.",
        "After my husband told the kids their grandma had died.",
        "When I mentioned to my sister my husband had left.",
    ],
)
def test_a_clause_told_to_a_noun_object_is_no_main_clause(seeker: str) -> None:
    assert seeker_clause(seeker) is None


def test_a_main_clause_after_a_told_noun_object_and_its_own_object_stays() -> None:
    assert opening_of("Since I told my mom the truth my life has been hell") == (
        "It sounds like since you told your mom the truth your life has been hell…"
    )


# --- fillers: "if I'm honest", "because of" ------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like if you're honest your life is a mess…"
        (
            "If I'm honest my life is a mess right now.",
            "It sounds like your life is a mess right now…",
        ),
        (
            "To be honest my life is a mess right now.",
            "It sounds like your life is a mess right now…",
        ),
        # once "It sounds like of your depression …": "because" taken off as a filler
        (
            "Because of my depression my grades have tanked.",
            "It sounds like because of your depression your grades have tanked…",
        ),
        ("Because of my depression", None),
    ],
)
def test_honesty_fillers_go_and_because_of_stays(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening

"""Suggested openings a third old-vs-new review of the five readings' repair found worse than
before: a "when"/"after" clause offered alone where a question word or a bare noun object
opens a clause inside it ("When I read the letter my dad left me", "When my son asked me where
his grandpa went"), a bracketed subject at a clause's start dropped as an aside ("(My husband)
keeps ignoring me", "[Name] texted me"), "If I'm honest" taken off a real condition ("If I'm
honest with my therapist she'll ..."), and a "you" in brackets turned ("My dad (Dad, if you
ever read this, I'm sorry) was a good man"); with them, notes about the post at a clause's end
("(just venting)") and a content warning in brackets ("(tw: self harm)")."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of

from carelens.analysis.pronouns import turn_clause

# --- a subordinate clause alone: a question word or a bare noun object inside it -------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like when you read the letter your dad left you…"
        (
            "When I read the letter my dad left me. I just sat on the kitchen floor for hours.",
            "It sounds like you just sat on the kitchen floor for hours…",
        ),
        (
            "When I got the news my grandma had passed. I was at work and I just walked out.",
            "It sounds like you were at work and you just walked out…",
        ),
        (
            "When I heard the voicemail my dad left the night before he died. I can't stop "
            "listening to it.",
            "It sounds like you can't stop listening to it…",
        ),
        ("After I saw the photos my ex posted.", None),
        ("Since I lost the job my dad got me, he won't speak to me.", None),
        # once "… when your son asked you where his grandpa went…"
        (
            "When my son asked me where his grandpa went. I didn't know what to tell him and I "
            "just hugged him.",
            "It sounds like you didn't know what to tell him and you just hugged him…",
        ),
        (
            "When my daughter asked me why her dad doesn't visit anymore. I lied and told her "
            "he's busy.",
            "It sounds like you lied and told her he's busy…",
        ),
        (
            "Title: When the doctor asked me how my wife died\n\nI couldn't say it.",
            "It sounds like you couldn't say it…",
        ),
        (
            "When I remember how my dad used to look at me. I miss him so much.",
            "It sounds like you miss him so much…",
        ),
        (
            "When I think about what my ex did. It makes me sick to my stomach.",
            "It sounds like it makes you sick to your stomach…",
        ),
        ("If my mom knew what my stepdad did she'd never forgive herself", None),
    ],
)
def test_a_clause_inside_the_subordinate_one_is_no_main_clause(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # a noun object before a noun phrase that names no one else, as before
        (
            "When I heard the news my heart broke",
            "It sounds like when you heard the news your heart broke…",
        ),
        (
            "Since I told my mom the truth my life has been hell",
            "It sounds like since you told your mom the truth your life has been hell…",
        ),
        # a noun after a preposition or "be" is no verb's object
        (
            "When I was in the hospital my friends didn't visit once.",
            "It sounds like when you were in the hospital your friends didn't visit once…",
        ),
        (
            "When I was a kid my dad used to hit me",
            "It sounds like when you were a kid your dad used to hit you…",
        ),
        (
            "Since I lost my job my life has fallen apart",
            "It sounds like since you lost your job your life has fallen apart…",
        ),
        (
            "When I got fired my wife left me",
            "It sounds like when you got fired your wife left you…",
        ),
    ],
)
def test_a_main_clause_after_a_complete_subordinate_one_stays(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- a bracket at a clause's start: an aside, or its subject ---------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like keeps ignoring you…", "… you texted you…", or none
        (
            "(My husband) keeps ignoring me and I feel invisible",
            "It sounds like (your husband) keeps ignoring you and you feel invisible…",
        ),
        (
            "(my ex) texted me at 3am again and I can't sleep",
            "It sounds like (your ex) texted you at 3am again and you can't sleep…",
        ),
        ("(My dad) never calls me anymore", "It sounds like (your dad) never calls you anymore…"),
        (
            "(Me and my sister) got kicked out last night",
            "It sounds like (you and your sister) got kicked out last night…",
        ),
        # a name's placeholder is someone: no "you" before the verb after it
        (
            "[Name] texted me at 3am again and I can't sleep",
            "It sounds like [Name] texted you at 3am again and you can't sleep…",
        ),
        (
            "[NAME] left me last week and I feel so lost",
            "It sounds like [NAME] left you last week and you feel so lost…",
        ),
        (
            "[name redacted] broke up with me and I can't stop crying",
            "It sounds like [name redacted] broke up with you and you can't stop crying…",
        ),
        # a bracket holding the seeker's clause before one with no subject of theirs
        (
            "(I feel so alone) nobody at school even talks to me",
            "It sounds like (you feel so alone) nobody at school even talks to you…",
        ),
        # an aside before a clause with a subject of its own, or a note about the post, goes
        (
            "(long post, sorry) Sarah left me last week and I can't eat",
            "It sounds like Sarah left you last week and you can't eat…",
        ),
        (
            "(throwaway) Lost my job today and I feel worthless",
            "It sounds like you lost your job today and you feel worthless…",
        ),
    ],
)
def test_a_bracket_that_is_the_clauses_subject_stays(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- "if I'm honest" as a condition ----------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like with your therapist she'll put you back in the hospital…"
        ("If I'm honest with my therapist she'll put me back in the hospital", None),
        ("If I'm honest with my parents about being gay they'll kick me out", None),
        # once "It sounds like about how you feel your wife will leave…"
        (
            "If I'm honest about how I feel my wife will leave",
            "It sounds like if you're honest about how you feel your wife will leave…",
        ),
        # a filler before a comma or the seeker's own subject, as before
        (
            "If I'm honest, I feel so alone these days",
            "It sounds like you feel so alone these days…",
        ),
        ("If I'm being honest I hate my job", "It sounds like you hate your job…"),
    ],
)
def test_if_im_honest_before_with_or_about_is_a_condition(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


# --- a "you" inside brackets ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "… your dad (Dad, if you ever read this, you're sorry) was a good man…"
        ("My dad (Dad, if you ever read this, I'm sorry) was a good man", None),
        ("My son (you know who you are, buddy, I'm proud of you) got me through chemo", None),
        # the seeker's clause in another sentence is offered
        (
            "My dad (Dad, if you ever read this, I'm sorry) was a good man. I miss him every day.",
            "It sounds like you miss him every day…",
        ),
        # brackets without a "you" stay
        (
            "My roommate (who I thought was my friend) stole from me and I feel so naive.",
            "It sounds like your roommate (who you thought was your friend) stole from you and "
            "you feel so naive…",
        ),
    ],
)
def test_a_you_in_brackets_puts_the_clause_in_doubt(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


def test_a_bracket_left_open_by_a_clip_is_read_too() -> None:
    assert turn_clause("My son (you know who you are, buddy…")[1]
    assert not turn_clause("My son (he's 8) is sick")[1]


# --- notes about the post at the end, a content warning --------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "(not looking for advice, just need to vent)",
        "(just venting)",
        "(no advice please)",
        "(please be kind)",
        "(sorry for the long post)",
    ],
)
def test_a_note_about_the_post_at_the_end_is_left_out(note: str) -> None:
    assert opening_of(f"I feel so alone these days {note}") == (
        "It sounds like you feel so alone these days…"
    )
    # after "to" and a verb ("what to do"), too
    assert opening_of(f"I feel so alone and I don't know what to do {note}") == (
        "It sounds like you feel so alone and you don't know what to do…"
    )


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you relapsed last night…"
        ("I'm so lonely (tw: mentions of self harm) and I relapsed last night", None),
        ("(TW: death) My mom passed away on Friday", None),
        (
            "[CW: abuse] My stepdad used to hit me. I still flinch when someone raises their "
            "voice.",
            "It sounds like you still flinch when someone raises their voice…",
        ),
    ],
)
def test_no_clause_beside_a_content_warning(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening

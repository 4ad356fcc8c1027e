"""Suggested openings a fourth review found wrong: suicide and self-harm wording echoed in its
other forms ("hung himself", "shot himself", "jumped off the parking garage", "i've been
cutting") or carried on by the clause after it ("I want to commit suicide so bad. And I think
I just might pretty soon."), an "I" that is no pronoun turned ("type you diabetes", "you-95"),
a clause offered without the "but" of the seeker's that reverses it ("I told everyone I'm
okay with the divorce" of "... but I'm not"), a verdict on the seeker stated as the helper's
fact ("It sounds like it's your fault she left…"), and "It sounds like it seems like ..."."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of, suggested

from carelens.analysis.openings import reflection_opening, seeker_clause
from carelens.analysis.pronouns import second_person, turn_clause

# --- words of danger in their other forms ---------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like your dad hung himself when you were 12…"
        (
            "my dad hung himself when i was 12 and i still think about it every day",
            "It sounds like you still think about it every day…",
        ),
        # once "It sounds like your uncle shot himself last spring and you can't stop crying…"
        (
            "My uncle shot himself last spring and I can't stop crying",
            "It sounds like you can't stop crying…",
        ),
        # once "It sounds like your best friend jumped off the parking garage last year…"
        (
            "my best friend jumped off the parking garage last year and I feel so empty",
            "It sounds like you feel so empty…",
        ),
        ("He jumped in front of a train and I feel so empty", "It sounds like you feel so empty…"),
        ("My dad was found hanged and I can't sleep", "It sounds like you can't sleep…"),
        ("My friend ODed on pills and I feel numb", "It sounds like you feel numb…"),
        # once "… you would give anything for someone to just break into your house and
        # murder…"
        (
            "I just want to die. I would give anything for someone to just break into my house "
            "and murder me.",
            None,
        ),
        # once "It sounds like you want to end all of this…"
        ("I have no money for a therapist, but I want to end all of this.", None),
        # "cutting", "cuts" told without "myself": once "… your daughter's friend cuts and …"
        ("my daughter's friend cuts and my daughter told me she's tried it too", None),
        # once "It sounds like you wanna cut…"
        ("I wanna cut but I'm scared.", None),
        (
            "She has cuts on her arms and I feel so scared for her",
            "It sounds like you feel so scared for her…",
        ),
        (
            "My friend started cutting again and I don't know how to help",
            "It sounds like you don't know how to help…",
        ),
    ],
)
def test_no_opening_echoes_danger_in_another_form(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


def test_cutting_told_without_myself_is_not_echoed() -> None:
    found = suggested("my mom would kill me if she found out i've been cutting")
    assert found is None or "cutting" not in found


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # what is cut, a jump of no danger, an idiom: still offered
        (
            "I was cutting onions and I started crying about my dad",
            "It sounds like you were cutting onions and you started crying about your dad…",
        ),
        (
            "I'm cutting back on coffee and I feel so tired",
            "It sounds like you're cutting back on coffee and you feel so tired…",
        ),
        (
            "She jumped off the couch and I laughed for the first time in weeks",
            "It sounds like she jumped off the couch and you laughed for the first time in weeks…",
        ),
        (
            "I shot myself in the foot at the interview and I feel so stupid",
            "It sounds like you shot yourself in the foot at the interview and you feel so stupid…",
        ),
        ("That's so odd and I feel so lost", "It sounds like that's so odd and you feel so lost…"),
        (
            "I want to cut my hair short and I feel so nervous",
            "It sounds like you want to cut your hair short and you feel so nervous…",
        ),
        (
            "My mom would kill me if she knew I failed and I feel so scared",
            "It sounds like your mom would kill you if she knew you failed and you feel so scared…",
        ),
        (
            "I want to end this relationship and I feel so guilty",
            "It sounds like you want to end this relationship and you feel so guilty…",
        ),
    ],
)
def test_words_like_danger_that_are_none_are_still_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


def test_budget_cuts_are_no_danger() -> None:
    assert seeker_clause("Budget cuts cost me my job and I feel so lost") == (
        "Budget cuts cost me my job and I feel so lost"
    )


# --- a clause that carries words of danger on ------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you think you just might pretty soon…"
        ("I want to commit suicide so bad. And I think I just might pretty soon.", None),
        ("I want to commit suicide so bad and I think I just might pretty soon.", None),
        (
            "I want to commit suicide so bad. And I think I just might pretty soon. I can't take "
            "another night of this. I just want someone to care.",
            "It sounds like you just want someone to care…",
        ),
        ("I want to die. I'm going to do it tonight.", None),
        ("I hope I die soon. I deserve it.", None),
        ("I want to die. I've been planning it for weeks.", None),
        # someone else's act: no intent of the seeker's carried on from it
        ("My uncle shot himself last spring. And I think I might too.", None),
        ("My uncle shot himself last spring. I want to do it too.", None),
        ("My uncle shot himself last spring. I just might.", None),
    ],
)
def test_no_opening_carries_danger_on(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        ("I want to die. I feel so alone.", "It sounds like you feel so alone…"),
        ("I'm not suicidal. I just feel so alone.", "It sounds like you just feel so alone…"),
        (
            "My uncle shot himself last spring. I can't stop thinking about him.",
            "It sounds like you can't stop thinking about him…",
        ),
        ("I want to k*ll myself and I feel so alone", "It sounds like you feel so alone…"),
        (
            "My little sister told me she wanted to die. I don't know what to do.",
            "It sounds like you don't know what to do…",
        ),
    ],
)
def test_a_clause_of_its_own_after_danger_is_still_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


# --- an "I" that is no pronoun ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        # once "you have type you diabetes", "on you-95"
        ("I have type I diabetes", "you have type I diabetes"),
        ("I got in a crash on I-95", "you got in a crash on I-95"),
        ("I drive on I-5 every day", "you drive on I-5 every day"),
        ("I have stage I cancer", "you have stage I cancer"),
        ("I tore my ACL, a grade I tear", "you tore your ACL, a grade I tear"),
        ("My dad is in a phase I trial", "your dad is in a phase I trial"),
        ("I was diagnosed with bipolar I disorder", "you were diagnosed with bipolar I disorder"),
        (
            "my grandpa fought in world war i and i was sad",
            "your grandpa fought in world war i and you were sad",
        ),
        # ... and the pronoun after such a noun is still turned
        ("in class I feel stupid", "in class you feel stupid"),
        ("the type I like never likes me back", "the type you like never likes you back"),
    ],
)
def test_a_numeral_or_road_i_is_not_turned(clause: str, turned: str) -> None:
    assert second_person(clause) == turned
    assert turn_clause(clause)[1] is False


@pytest.mark.parametrize("clause", ["I'm in stage I", "I read part I and I cried"])
def test_a_capital_i_after_a_numbered_noun_before_nothing_is_in_doubt(clause: str) -> None:
    turned, doubt, _ = turn_clause(clause)
    assert doubt
    assert " I" in turned


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "I have type I diabetes and I feel so tired all the time",
            "It sounds like you have type I diabetes and you feel so tired all the time…",
        ),
        (
            "I got in a crash on I-95 and I'm so shaken up",
            "It sounds like you got in a crash on I-95 and you're so shaken up…",
        ),
        # a capitalised numbered noun stays in doubt, as before: never "a Title you school"
        ("My son goes to a Title I school and I worry about him", None),
    ],
)
def test_an_opening_keeps_a_numeral_i(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


# --- "but" and a clause of the seeker's own --------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "suggestion"),
    [
        # once 'they wrote "I told everyone I'm okay with the divorce" …'
        (
            "I told everyone I'm okay with the divorce but I'm not",
            "they wrote \"I told everyone I'm okay with the divorce but I'm not\" — a reflection "
            "could start: \"It sounds like you told everyone you're okay with the divorce but "
            "you're not…\"",
        ),
        # once "It sounds like you smile at work all day…"
        (
            "I smile at work all day but I cry the whole drive home",
            'they wrote "I smile at work all day but I cry the whole drive home" — a reflection '
            'could start: "It sounds like you smile at work all day but you cry the whole drive '
            'home…"',
        ),
        # once "… and you said no…"
        (
            "My therapist asked if I feel hopeless and I said no but I lied",
            'they wrote "My therapist asked if I feel hopeless and I said no but I lied" — a '
            'reflection could start: "It sounds like your therapist asked if you feel hopeless '
            'and you said no but you lied…"',
        ),
    ],
)
def test_a_clause_is_never_offered_without_the_but_after_it(seeker: str, suggestion: str) -> None:
    assert suggested(seeker) == suggestion


@pytest.mark.parametrize(
    ("seeker", "clause"),
    [
        # the clause after "but" alone where only it has a feeling of the seeker's, or the
        # "But" opens the next sentence
        (
            "I nearly died laughing at work today but honestly I still feel lonely.",
            "I still feel lonely",
        ),
        ("I told everyone I'm fine. But I'm not.", None),
        ("I smile at work all day. But I cry the whole drive home.", "I cry the whole drive home"),
        (
            "Sometimes I know that I am doing something that will make my depression worse but I "
            "just can't stop!",
            "I just can't stop",
        ),
        # too long to offer whole with a clause after "but" that cannot stand alone
        (
            "I keep telling my family and all of my friends at work that I'm doing great but I'm "
            "not",
            None,
        ),
        # ... and not one that leaves its verb out
        ("I don't want to be alone.. But I have to be.", None),
        # ... or with the part before it: after ", but" too
        ("I want to help him but I don't know how", "I want to help him but I don't know how"),
        ("I'm exhausted, but I can't sleep", "I'm exhausted, but I can't sleep"),
        ("I want to cry, but I can't", "I want to cry, but I can't"),
        # what must stay: no clause of the seeker's after "but"
        ("I love my job but my boss is awful", "I love my job"),
    ],
)
def test_the_clause_after_but_is_preferred(seeker: str, clause: str | None) -> None:
    assert seeker_clause(seeker) == clause


# --- a verdict on the seeker stated as fact --------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like it's your fault she left…"
        ("It's my fault she left.", None),
        ("It's all my fault. I feel so lost.", "It sounds like you feel so lost…"),
        ("I know it's my fault she left", None),
        ("My wife left and it's all my fault", None),
        ("I'm such a burden to everyone around me", None),
        ("I deserve to be alone", None),
        ("I don't deserve her", None),
        # what must stay: a verdict framed as a thought or someone's words, or denied
        ("I think it's my fault she left", "It sounds like you think it's your fault she left…"),
        ("My mom says I'm useless", "It sounds like your mom says you're useless…"),
        ("It's not my fault she left", "It sounds like it's not your fault she left…"),
        (
            "I feel like such a burden to my family",
            "It sounds like you feel like such a burden to your family…",
        ),
        ("I deserve better than this", "It sounds like you deserve better than this…"),
    ],
)
def test_no_opening_states_a_self_verdict_as_fact(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


# --- "it seems like" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        # once "It sounds like it seems like you can't do anything right…"
        ("It seems like I can't do anything right", "It sounds like you can't do anything right…"),
        ("Seems like all I do is sleep", "It sounds like all you do is sleep…"),
        (
            "It seemed as if my mom never cared about me",
            "It sounds like your mom never cared about you…",
        ),
        (
            "It just seems like my husband doesn't love me anymore",
            "It sounds like your husband doesn't love you anymore…",
        ),
        # what must stay: "seems" that is no hedge at the start
        ("My mom seems so tired lately", "It sounds like your mom seems so tired lately…"),
    ],
)
def test_it_seems_like_is_not_said_twice(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


def test_the_quote_keeps_it_seems_like() -> None:
    assert suggested("It seems like I can't do anything right") == (
        'they wrote "It seems like I can\'t do anything right" — a reflection could start: '
        '"It sounds like you can\'t do anything right…"'
    )

"""Suggested openings a fifth review found wrong: an "it seems like" left out before words that
need it ("It sounds like yesterday that your dad died…"), self-verdicts the fourth review's
rule missed ("I'm the worst sister ever", "I screw everything up", "My fault for trusting him
I guess") and the reasons given for one ("you should have called the ambulance sooner…"), a
"but" clause of the seeker's lost where it denies a feeling ("... but I don't regret it") or
opens with a word of time ("... but tonight I really want a drink", "... but sometimes I want
to die"), and turnings that read wrong ("your level you certification", "you-you don't
know", "you (28F)", "then your mom got sick", "you spent it crying")."""

from __future__ import annotations

import pytest
from opening_helpers import opening_of, suggested

from carelens.analysis.openings import reflection_opening, seeker_clause
from carelens.analysis.pronouns import second_person, turn_clause

# --- "it seems like" before a time or a thing -------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        # once "It sounds like yesterday that your dad died…"
        (
            "It seems like yesterday that my dad died",
            "It sounds like it seems like yesterday that your dad died…",
        ),
        # once "It sounds like forever since you laughed…"
        (
            "It seems like forever since I laughed",
            "It sounds like it seems like forever since you laughed…",
        ),
        (
            "It seems like a lifetime ago that I was happy",
            "It sounds like it seems like a lifetime ago that you were happy…",
        ),
        (
            "It seems like a dream that my husband is gone",
            "It sounds like it seems like a dream that your husband is gone…",
        ),
        (
            "It seems like only yesterday my mom was holding my hand",
            "It sounds like it seems like only yesterday your mom was holding your hand…",
        ),
        (
            "It seems like ages since I slept a whole night",
            "It sounds like it seems like ages since you slept a whole night…",
        ),
    ],
)
def test_it_seems_like_stays_before_words_that_need_it(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        # what must stay: a clause with a subject of its own after it
        ("It seems like nobody cares about me", "It sounds like nobody cares about you…"),
        (
            "It seems like I can never do anything right",
            "It sounds like you can never do anything right…",
        ),
        ("It seems like my life is falling apart", "It sounds like your life is falling apart…"),
        (
            "It seems like my parents don't care about me",
            "It sounds like your parents don't care about you…",
        ),
        ("Seems like all I do is sleep", "It sounds like all you do is sleep…"),
        (
            "it seems like every time i get my life together something goes wrong",
            "It sounds like every time you get your life together something goes wrong…",
        ),
        ("It seems like life is pointless for me", "It sounds like life is pointless for you…"),
    ],
)
def test_it_seems_like_still_goes_before_a_clause_of_its_own(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


# --- self-verdicts, and the reasons given for one ----------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you guess your fault for trusting him…"
        "My fault for trusting him I guess",
        "All my own fault.",
        # once "It sounds like you're so dumb…"
        "I'm so dumb, I got a 40 on the midterm",
        "I'm the worst sister ever",
        "I screw everything up",
        "I ruin everything I touch",
        "I'm a mess and I ruin every relationship",
        "I'm a coward for not standing up to my dad",
        "I'm a junkie and I always will be",
        "I'm the reason my parents got divorced",
        "I'm so lazy",
        "I'm probably a horrible person for this",
        "I'm a damn waste of life",
        "I'm an embarrassment to my family",
        # once "It sounds like you should have called the ambulance sooner…": the reasons for a
        # verdict, in its sentence
        "It's my fault she died, I should have called the ambulance sooner",
        "it's my fault he cheated, i wasn't giving him enough attention",
        "It's my fault my son is struggling, I worked too much when he was little",
    ],
)
def test_no_opening_states_a_self_verdict_or_its_reasons(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # what must stay: framed, denied, a single act, or another sentence
        ("My parents think I'm lazy", "It sounds like your parents think you're lazy…"),
        ("I think it's my fault she left", "It sounds like you think it's your fault she left…"),
        (
            "It's not my fault she left but I still feel guilty",
            "It sounds like you still feel guilty…",
        ),
        ("It's all my fault. I feel so lost.", "It sounds like you feel so lost…"),
        (
            "I ruined dinner and my husband yelled at me",
            "It sounds like you ruined dinner and your husband yelled at you…",
        ),
        (
            "I'm such a terrible daughter. I didn't even visit her in the hospital.",
            "It sounds like you didn't even visit her in the hospital…",
        ),
    ],
)
def test_a_framed_or_denied_verdict_is_still_offered(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # a hedge is not moved before words with no verb
        ("My life in a nutshell I guess", None),
        # what must stay
        (
            "my mom doesn't care about me I guess",
            "It sounds like you guess your mom doesn't care about you…",
        ),
        ("Sarah hates me I think", "It sounds like you think Sarah hates you…"),
        ("Lost my job I guess", "It sounds like you guess you lost your job…"),
        ("my friends ignore me i guess", "It sounds like you guess your friends ignore you…"),
    ],
)
def test_a_trailing_hedge_needs_a_verb_before_it(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


# --- a "but" clause that denies a feeling ------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once None
        (
            "I miss my mom so much but I don't want to burden my family with it",
            "It sounds like you miss your mom so much but you don't want to burden your family "
            "with it…",
        ),
        (
            "I need help but I don't want to burden my family",
            "It sounds like you need help but you don't want to burden your family…",
        ),
        (
            "I left my job but I don't regret it",
            "It sounds like you left your job but you don't regret it…",
        ),
        (
            "I'm going through a divorce but I'm not sad about it",
            "It sounds like you're going through a divorce but you're not sad about it…",
        ),
        # what must stay: "bother" is no feeling word
        (
            "I'm exhausted but I don't want to bother my husband",
            "It sounds like you're exhausted but you don't want to bother your husband…",
        ),
    ],
)
def test_a_feeling_denied_after_but_keeps_the_whole(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


# --- a "but" clause that opens with a word of time ---------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you've been sober 90 days…"
        (
            "I've been sober 90 days but tonight I really want a drink",
            "It sounds like you've been sober 90 days but tonight you really want a drink…",
        ),
        (
            "I used to love painting but now I can't even pick up a brush",
            "It sounds like you used to love painting but now you can't even pick up a brush…",
        ),
        (
            "i feel better today but yesterday i couldnt stop crying",
            "It sounds like you feel better today but yesterday you couldnt stop crying…",
        ),
        (
            "I was doing great but then I relapsed",
            "It sounds like you were doing great but then you relapsed…",
        ),
        (
            "I love my kids but some days I feel nothing",
            "It sounds like you love your kids but some days you feel nothing…",
        ),
        # once "It sounds like you love your kids…", hiding the danger after "but"
        ("I love my kids but sometimes I want to die", None),
        ("I love my kids but some days I wish I could just disappear", None),
        # what must stay: no subject of the seeker's after the words of time
        ("I love my kids but sometimes they drive me crazy", "It sounds like you love your kids…"),
    ],
)
def test_a_but_clause_after_words_of_time_is_the_seekers(seeker: str, opening: str | None) -> None:
    assert opening_of(seeker) == opening


def test_a_but_sentence_after_words_of_time_keeps_the_one_before() -> None:
    # once "It sounds like you smile all day…"
    assert opening_of("I smile all day. But at night I cry myself to sleep.") == (
        "It sounds like at night you cry yourself to sleep…"
    )


@pytest.mark.parametrize(
    "seeker",
    [
        # a wish not to be: once "It sounds like nobody would notice if you disappeared…"
        "nobody would notice if i disappeared",
        "I just want to disappear",
        "I do pray every night that I don't wake up",
    ],
)
def test_a_wish_not_to_be_is_not_echoed(seeker: str) -> None:
    assert opening_of(seeker) is None


def test_friends_who_disappeared_are_no_danger() -> None:
    assert opening_of("My friends disappeared after the divorce and I feel so alone") == (
        "It sounds like your friends disappeared after the divorce and you feel so alone…"
    )


# --- turnings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "turned"),
    [
        # once "your level you certification exam"
        (
            "My level I certification exam is tomorrow",
            "your level I certification exam is tomorrow",
        ),
        # once "you-you don't know"
        ("I-I don't know what to do anymore", "you don't know what to do anymore"),
        ("my-my mom left me", "your mom left you"),
        # once "you think ima fail this class"
        ("i think ima fail this class", "you think you're gonna fail this class"),
        ("imma be honest I'm tired", "you're gonna be honest you're tired"),
        # once "you (28F) have been"
        (
            "I (28F) have been with my boyfriend for 5 years",
            "you have been with your boyfriend for 5 years",
        ),
        ("I [m22] feel so lost", "you feel so lost"),
        # what must stay: a tag after someone else, a road, a numeral
        ("My husband (34 M) cheated", "your husband (34 M) cheated"),
        ("I drove on I-95", "you drove on I-95"),
        ("I have type I diabetes", "you have type I diabetes"),
    ],
)
def test_turnings_that_read_wrong(clause: str, turned: str) -> None:
    assert second_person(clause) == turned


def test_ima_before_a_noun_is_in_doubt() -> None:
    # "ima mess" may be "I'm a mess"
    assert turn_clause("i think ima mess")[1]


def test_a_then_from_the_sentence_before_is_left_out() -> None:
    # once "It sounds like then your mom got sick…"
    assert suggested(
        "Everything was fine until March. Then my mom got sick, I lost my job and my boyfriend "
        "left."
    ) == (
        'they wrote "Then my mom got sick" — a reflection could start: "It sounds like your mom '
        'got sick…"'
    )


def test_a_question_after_then_is_not_offered() -> None:
    # once "It sounds like then why is it that you so desperately want to be happy…"
    assert seeker_clause("Then why is it that I so desperately want to be happy?") is None


def test_fr_is_trimmed_off_the_end() -> None:
    assert opening_of("i think ima fail this class fr") == (
        "It sounds like you think you're gonna fail this class…"
    )


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once "It sounds like you spent it crying…": the whole sentence
        (
            "It was supposed to be the best day of my life but I spent it crying",
            "It sounds like it was supposed to be the best day of your life but you spent it "
            "crying…",
        ),
        # ... nor alone where the part before is not the seeker's
        ("It was supposed to be a fun trip but I spent it crying", None),
        # what must stay: a clause after "but" that refers to nothing before it
        (
            "I nearly died laughing at work today but honestly I still feel lonely.",
            "It sounds like you still feel lonely…",
        ),
        (
            "The wedding was beautiful but I cried the whole time",
            "It sounds like you cried the whole time…",
        ),
    ],
)
def test_a_clause_after_but_that_refers_back_is_not_offered_alone(
    seeker: str, opening: str | None
) -> None:
    assert opening_of(seeker) == opening

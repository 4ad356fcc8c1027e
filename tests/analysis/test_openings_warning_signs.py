"""Warning signs no crisis cue reads are not echoed by a suggested opening
(:mod:`carelens.analysis.openings_warning_signs`): a wish to have died in someone's place, a
plan whose act goes unnamed, a wish not to have woken, not caring whether they die, no point in
anything any more, however the plan goes on ("for weeks now", "every night", "on reddit");
words that only look alike (a promotion that should have been the seeker's, a dream they woke
from, no point in ironing shirts), and a burden the seeker feels, still offer their opening."""

from __future__ import annotations

import re

import pytest
from opening_helpers import opening_of, suggested

from carelens.analysis.openings_danger import danger_spans
from carelens.analysis.openings_warning_signs import WARNING_SIGNS

# --- a wish to have died ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like your little brother died in the crash and it should have been you…"
        "My little brother died in the crash and it should have been me.",
        "My best friend drowned last summer and honestly it should have been me.",
        "my cousin died in the fire and it shouldve been me not him",
        "I keep thinking it should have been me instead of her.",
        "i keep thinking i shouldve died in that accident instead of my dad",
        "I should have died in that crash instead of him.",
        "I wish I had died instead of her. She had so much to live for.",
        "I wish it was me instead of him.",
    ],
)
def test_a_wish_to_have_died_is_not_echoed(seeker: str) -> None:
    assert opening_of(seeker) is None


def test_the_clause_beside_a_wish_to_have_died_is_not_its_echo() -> None:
    # once "It sounds like you should have been the one who died…"
    opening = opening_of(
        "Dad passed in March. I should have been the one who died, I was the one driving."
    )
    assert opening is None or "died" not in opening


# --- a plan whose act goes unnamed -------------------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you've been planning how you'd do it…"
        "I've been planning how I'd do it.",
        "I've been figuring out how I'd do it",
        "ive been figuring out how id do it for weeks now",
        "I've been thinking about how to do it without anyone noticing.",
        "Lately I've been thinking about how to do it without anyone noticing.",
        "I know exactly how I would do it and when.",
        "I've been looking up the easiest way to do it.",
        "i have been thinking about how i'd do it so it looks like an accident",
        "Honestly I've decided when I'm going to do it. Nobody knows.",
    ],
)
def test_a_plan_of_an_unnamed_act_is_not_echoed(seeker: str) -> None:
    assert opening_of(seeker) is None


def test_the_seekers_own_clause_after_a_plan_is_offered() -> None:
    # once "…you've been researching ways to do it painlessly and you're scared of how calm…"
    assert (
        opening_of(
            "I've been researching ways to do it painlessly and I'm scared of how calm I feel."
        )
        == "It sounds like you're scared of how calm you feel…"
    )


# --- not waking, not caring, a burden, no point -------------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # once "It sounds like you wish you hadn't woken up this morning…"
        "I wish I hadn't woken up this morning",
        "some days i wish i didnt wake up at all",
        "I wish I never woke up from the surgery.",
        "I just want to sleep and not wake up for a long time.",
        "I wouldn't care if I got hit by a car tomorrow.",
        "I feel like there's no point to any of it anymore.",
        "i dont see the point of anything anymore",
        "I don't see the point in going on.",
        "I just really want to die. I see no point anymore all people do is bother me",
    ],
)
def test_other_warning_signs_are_not_echoed(seeker: str) -> None:
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    "seeker",
    [
        # the brief's other warning signs: none offered, before and after
        "everyone would be better off without me",
        "I just want to sleep and not wake up",
        "there's no point to any of it anymore",
        "I'm a burden to everyone",
    ],
)
def test_warning_signs_with_a_cue_or_a_verdict_stay_unechoed(seeker: str) -> None:
    assert suggested(seeker) is None


# --- words that only look alike -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "I've been so lonely since I moved",
            "It sounds like you've been so lonely since you moved…",
        ),
        (
            "I've been planning how to tell my parents I'm dropping out and I'm terrified.",
            "It sounds like you've been planning how to tell your parents you're dropping out and"
            " you're terrified…",
        ),
        (
            "I've been thinking about how I'd do it differently if I could go back.",
            "It sounds like you've been thinking about how you'd do it differently if you could"
            " go back…",
        ),
        (
            "I want to quit my job but I have no idea how I'd do it with two kids.",
            "It sounds like you want to quit your job but you have no idea how you'd do it with"
            " two kids…",
        ),
        (
            "I wish I didn't wake up so early every day, I'm so tired.",
            "It sounds like you're so tired…",
        ),
        (
            "I just want to sleep and not wake up until noon on saturday lol",
            "It sounds like you just want to sleep and not wake up until noon on saturday…",
        ),
        (
            "I feel like a burden to my family",
            "It sounds like you feel like a burden to your family…",
        ),
        (
            "I guess I'm a burden to everyone.",
            "It sounds like you guess you're a burden to everyone…",
        ),
        (
            "I feel the burden of caring for my mom all by myself.",
            "It sounds like you feel the burden of caring for your mom all by yourself…",
        ),
        (
            "It felt like a burden was lifted when I told her.",
            "It sounds like it felt like a burden was lifted when you told her…",
        ),
        (
            "I finally see the point of it all now.",
            "It sounds like you finally see the point of it all now…",
        ),
        (
            "It should have been me who got the promotion, I'm so angry.",
            "It sounds like you're so angry…",
        ),
    ],
)
def test_words_that_only_look_alike_keep_their_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("it shoulda been me", "shoulda been me"),
        ("I wish I'd died", "wish I'd died"),
        ("i'm planning when i'll do it tonight", "planning when i'll do it"),
        (
            "I've been researching the least painful way to do it",
            "researching the least painful way to do it",
        ),
        ("i wouldnt even care if i died", "wouldnt even care if i died"),
        ("what's the point of living", "what's the point of living"),
    ],
)
def test_the_warning_signs_read_their_words(text: str, words: str) -> None:
    found = re.search(WARNING_SIGNS, text, re.IGNORECASE)
    assert found is not None and found.group(0) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i wish i'd d*ed instead of him", "wish i'd d*ed"),
        ("it sh*uld have been me", "sh*uld have been me"),
        ("It Should Have Been Me.", "Should Have Been Me"),
    ],
)
def test_masked_and_capitalised_warning_signs_are_danger(text: str, words: str) -> None:
    assert words in [text[start:end] for start, end in danger_spans(text)]


# --- more plans, wishes, not caring and no point ------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # once echoed: what follows "do it" was read from too short a list
        ("I've been planning how I'd do it for weeks now", "planning how I'd do it"),
        ("thinking about how i'd do it every night", "thinking about how i'd do it"),
        (
            "I looked up the easiest way to do it last night",
            "looked up the easiest way to do it",
        ),
        ("Ive been looking up how to do it", "looking up how to do it"),
        ("Ive been looking up how to do it on reddit", "looking up how to do it"),
        ("i keep rehearsing how i'd do it in my head", "rehearsing how i'd do it"),
        (
            "been thinking about how i'd do it and honestly it scares me how calm i feel",
            "thinking about how i'd do it",
        ),
        ("I think about how I'd do it all the time now, I'm scared", "think about how I'd do it"),
        ("i know how i'd do it, i just need the guts", "know how i'd do it"),
        ("I've picked out how I'm going to do it.", "picked out how I'm going to do it"),
        ("I've figured out how to do it - pills", "figured out how to do it"),
        # a wish to have died, not to have woken, not caring, no point
        ("wish i was the one who died instead", "wish i was the one who died"),
        ("I wouldn't mind if a car hit me on the way to work", "wouldn't mind if a car hit me"),
        ("woke up wishing i hadnt. again.", "woke up wishing i hadnt"),
        ("I dream of never waking up", "dream of never waking up"),
        ("i dont see teh point of anything anymore", "dont see teh point of anything"),
        ("I don't see the point anymore in living", "don't see the point anymore"),
    ],
)
def test_more_warning_signs_are_not_echoed(seeker: str, words: str) -> None:
    assert words in [seeker[start:end] for start, end in danger_spans(seeker)]
    assert opening_of(seeker) is None


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # once none
        (
            "It should have been me who got the promotion. I'm angry about it.",
            "It sounds like you're angry about it…",
        ),
        (
            "I'm trying to figure out how to do it without hurting her feelings, breaking up is"
            " so hard",
            "It sounds like you're trying to figure out how to do it without hurting her feelings…",
        ),
        (
            "I wish I hadn't woken up from that dream, grandma was in it and I miss her so much",
            "It sounds like you wish you hadn't woken up from that dream…",
        ),
        (
            "I don't see the point anymore of ironing shirts, nobody notices. I'm tired.",
            "It sounds like you don't see the point anymore of ironing shirts…",
        ),
        (
            "No point in my life has been worse than this week at work, I'm drained",
            "It sounds like no point in your life has been worse than this week at work…",
        ),
        (
            "At no point in my life have I felt this tired",
            "It sounds like at no point in your life have you felt this tired…",
        ),
        # what must stay
        (
            "I looked up how to do it on youtube and fixed the sink myself",
            "It sounds like you looked up how to do it on youtube and fixed the sink yourself…",
        ),
        ("I know how to do it, I've done it before", "It sounds like you know how to do it…"),
    ],
)
def test_more_words_that_only_look_alike_keep_their_opening(seeker: str, opening: str) -> None:
    assert danger_spans(seeker) == ()
    assert opening_of(seeker) == opening


# --- session 33: a plan masked past a filter ----------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # once "It sounds like you're gonna d it tonight…"
        ("i'm gonna d* it tonight", "d* it"),
        ("im going to d* it this weekend and nobody will stop me", "d* it"),
        ("I'm ready to d* it", "d* it"),
        ("i'll d*it soon", "d*it"),
    ],
)
def test_a_masked_plan_is_not_echoed(seeker: str, words: str) -> None:
    assert opening_of(seeker) is None
    assert words in [seeker[a:b] for a, b in danger_spans(seeker)]


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        # swearing, masked: "damn it"
        (
            "ugh d*mn it, I failed again and I feel so stupid",
            "It sounds like you failed again and you feel so stupid…",
        ),
        (
            "d*** it, I missed the bus again and I'm so annoyed",
            "It sounds like you missed the bus again and you're so annoyed…",
        ),
        # "do it" unmasked, an everyday plan
        (
            "i'm gonna do it tonight, I'm finally asking her out",
            "It sounds like you're gonna do it tonight…",
        ),
    ],
)
def test_masked_swearing_and_plain_plans_keep_their_opening(seeker: str, opening: str) -> None:
    assert opening_of(seeker) == opening

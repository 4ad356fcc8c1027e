"""The first words of a suggested opening (:mod:`carelens.analysis.openings_heads`): a clause
that opens with a past-tense verb or an adverb before one, its "I" left out, gets its "you"
("It sounds like Officially withdrew from your degree today…" read as no English), and a
capitalised first word that names no one is lower-cased ("It sounds like Neuro says you
should stop running…")."""

from __future__ import annotations

import pytest
from opening_helpers import suggested

from carelens.analysis.openings import reflection_opening
from carelens.analysis.openings_heads import lower_start, ly_adverb, past_verb

# --- a past-tense verb whose "I" was left out -------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        # once "It sounds like Officially withdrew from your degree today…"
        (
            "Officially withdrew from my degree today",
            "It sounds like you officially withdrew from your degree today…",
        ),
        (
            "Gave up my whole weekend to get the launch done",
            "It sounds like you gave up your whole weekend to get the launch done…",
        ),
        ("Sold my car to pay rent", "It sounds like you sold your car to pay rent…"),
        ("Fell asleep at my desk again", "It sounds like you fell asleep at your desk again…"),
        ("Cleaned my bedroom", "It sounds like you cleaned your bedroom…"),
        (
            "realised that when I have too much alone time I spiral",
            "It sounds like you realised that when you have too much alone time you spiral…",
        ),
        (
            "Eventually force myself out of bed to sit at my computer",
            "It sounds like you eventually force yourself out of bed to sit at your computer…",
        ),
        (
            "usually cry on my way home",
            "It sounds like you usually cry on your way home…",
        ),
    ],
)
def test_past_verb_gets_its_you(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        # the subject of a regular verb before no object may be a thought before it
        (
            "Popped up in my head and don't go away",
            "It sounds like Popped up in your head and don't go away…",
        ),
        # a feeling in "-ed" keeps its "you're"
        ("Scared my mom will find out", "It sounds like you're scared your mom will find out…"),
        # a name keeps its capital and gets no "you"
        ("Emily left me and I'm sad", "It sounds like Emily left you and you're sad…"),
    ],
)
def test_no_you_where_the_verb_is_not_the_seekers(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


def test_past_verb_reads_its_object() -> None:
    assert past_verb("withdrew", "from")
    assert past_verb("cleaned", "my")
    assert past_verb("force", "myself")
    assert not past_verb("popped", "up")
    assert not past_verb("married", "for")
    assert not past_verb("bed", "the")


def test_ly_adverbs_are_not_names() -> None:
    assert ly_adverb("officially")
    assert ly_adverb("eventually")
    assert ly_adverb("almost")
    assert not ly_adverb("emily")
    assert not ly_adverb("kelly")


# --- a capitalised first word that names no one ----------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "opening"),
    [
        (
            "MS diagnosis confirmed. Neuro says I should stop running. I've done 11 marathons.",
            "It sounds like neuro says you should stop running…",
        ),
        (
            "Vet says it might be time for my 15 year old dog.",
            "It sounds like vet says it might be time for your 15 year old dog…",
        ),
        (
            "Best friend just bailed on my birthday plans and I'm gutted",
            "It sounds like best friend just bailed on your birthday plans and you're gutted…",
        ),
        ("Death is on my mind every day", "It sounds like death is on your mind every day…"),
        ("Obviously I have no one", "It sounds like obviously you have no one…"),
        ("Sarah left me and I feel lost", "It sounds like Sarah left you and you feel lost…"),
    ],
)
def test_common_first_word_is_lower_cased(seeker: str, opening: str) -> None:
    found = suggested(seeker)
    assert found is not None
    assert found.endswith(f'"{opening}"')


def test_lower_start_keeps_names_and_mixed_case() -> None:
    assert lower_start("Winter is coming") == "winter is coming"
    assert lower_start("Mum's in hospital") == "Mum's in hospital"
    assert lower_start("Kelly left you") == "Kelly left you"
    assert lower_start("DEATH is near") == "DEATH is near"

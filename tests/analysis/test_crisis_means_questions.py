"""Crisis cues of questions that seek a means (:mod:`carelens.analysis.crisis_means_questions`):
how many of a drug is too many asked for an ending, how much would it take, how high a fall
no one survives; and the dose, cooking, pet, game and story questions that stay no cue. Every
cue case was missed before these patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("how many benadryl is too many, not asking for a friend", "how many benadryl is too many"),
        ("How much xanax would be too much to not wake up", "How much xanax would be too much"),
        (
            "how high does a building have to be so you don't survive",
            "how high",
        ),
        ("what floor do you have to jump from to die instantly", "what floor"),
        ("how far do you have to fall to die", "how far"),
        ("how much insulin would it take", "how much insulin would it take"),
        (
            "i keep googling how many of my pills it would take. i'm at the point where i'd do it",
            "how many of my pills it would take",
        ),
        ("how much tylenol would kill you? asking seriously", "how much tylenol would kill"),
        ("how much tylenol would it take to destroy your liver", "how much tylenol would it take"),
        ("whats the lethal dose of amitriptyline", "lethal dose of amitriptyline"),
        (
            "how many sleeping pills would it take to not wake up",
            "how many sleeping pills would it take",
        ),
        ("how far would i have to fall to not survive", "how far"),
    ],
)
def test_a_question_that_seeks_a_means_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "how many eggs is too many for one person in a week",
        "how many tylenol is too many",
        "how many advil is too many for a migraine in a day?",
        "how many benadryl is too many for my 6 year old, not asking for a friend lol",
        "how high does a building have to be to need a lift",
        "how high does a building have to be to be called a skyscraper",
        "how much insulin would it take to cover 60 carbs?",
        "how much chocolate would kill a dog? mine ate a brownie",
        "how much ibuprofen would it take to kill a dog, he got into my bag",
        "how far can a cat fall and survive",
        "how much caffeine would it take to keep me awake for finals lol",
        "how high do you have to be in minecraft to take fall damage that kills you",
        "how far do you have to fall to die? asking for a book i'm writing",
        "how many of my pills would it take to make me sleep through the night",
        "how much paracetamol is too much in a day",
        "how much advil would it take to fix this headache lol",
        "how high is too high for a toddler to climb",
        "what floor is the cafeteria on",
    ],
)
def test_everyday_questions_are_no_cue(text: str) -> None:
    assert cue_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "what's the most peaceful way to go",
        "whats the least painful method? please just answer",
        "which methods are the least painful",
        "is a whole pack of my antidepressants enough? would it work",
        "would my blood pressure pills all at once be fatal",
        "which pills are strong enough to die",
        "how deep would a cut have to be to be fatal",
    ],
)
def test_a_painless_way_a_whole_supply_or_a_cut_deep_enough_asked_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "what's the least painful way to get a tattoo?",
        "least painful way to remove a plaster?",
        "most peaceful way to put my old dog down, the vet says it's time",
        "my toddler got into the whole bottle of vitamins, would it be fatal??",
        "I took my pills twice by mistake, are they all at once dangerous",
        "how deep does a cut need to be for stitches after a kitchen accident",
        "this coffee is strong enough to kill me lol",
    ],
)
def test_everyday_pains_swallowings_and_cuts_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

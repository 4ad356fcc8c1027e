"""Crisis cues of preparations (:mod:`carelens.analysis.crisis_preparations`): letters or notes
left for after, things given away for good, medication saved, bought around or set out; and the
everyday letters, notes, givings and pills beside them that stay no cue. Every cue case was
missed before these patterns (several are labelled crises of the review set)."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i wrote letters for after. they're in my desk drawer", "letters for after"),
        (
            "Left notes for my family so they'll find them tomorrow morning.",
            "notes for my family so they'll find them",
        ),
        (
            "i've written a letter for whoever finds me, i hope it's not my mum",
            "letter for whoever finds me",
        ),
        (
            "I've written a letter to my wife explaining why I did it. She'll find it tomorrow.",
            "letter to my wife explaining why",
        ),
        (
            "scheduled an email to my sister for when it won't matter anymore",
            "scheduled an email to my sister for when it won't matter",
        ),
        (
            "set up a text to send to my best friend after i'm gone",
            "set up a text to send to my best friend after i'm gone",
        ),
        ("wrote everyone a letter. left my passwords for my sister", "wrote everyone a letter"),
        ("just wrote my final letter to my mom. i'm ready now", "wrote my final letter"),
        (
            "i've written letters to my parents and my sister. i'm leaving them on my desk",
            "leaving them on my desk",
        ),
    ],
)
def test_letters_left_for_after_are_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "been giving my stuff away to friends, like tidying up before i leave",
            "like tidying up before i leave",
        ),
        ("gave my guitar and my books to my cousin. i won't need them", "won't need them"),
        (
            "gave my watch to my little brother so he has something to remember me by",
            "to remember me by",
        ),
        ("Giving my records away this week. Tying up loose ends.", "Tying up loose ends"),
        (
            "i gave my cat to my neighbour and i'm getting my affairs in order",
            "getting my affairs in order",
        ),
    ],
)
def test_things_given_away_for_good_are_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i've been saving my pills instead of taking them", "i've been saving my pills"),
        (
            "ive been saving up my seroquel. got about 60 now. thinking sunday",
            "ive been saving up my seroquel",
        ),
        ("bought paracetamol at three different shops so nobody notices", "bought paracetamol"),
        ("every night i count my pills and line them up on the desk", "count my pills"),
        (
            "been hiding my sleeping pills in a sock for when i need them",
            "hiding my sleeping pills",
        ),
        ("i've been hoarding my xanax for a while", "i've been hoarding my xanax"),
        (
            "I have been stocking up my pills for weeks now and I finally have enough.",
            "I have been stocking up my pills",
        ),
        (
            "been stocking up on my sleeping pills so nobody notices",
            "stocking up on my sleeping pills",
        ),
        ("cant do this anymore. i have the pills in front of me", "the pills in front of me"),
    ],
)
def test_medication_stockpiled_or_set_out_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        # everyday letters and notes
        "wrote a letter to my grandma for her birthday",
        "left a note for my roommate about the rent",
        "left notes in the kids' lunchboxes so they'll find them at school",
        "i wrote my landlord a letter explaining why the rent is late",
        "scheduled a post for when i'm gone on vacation next week",
        "took notes for after the meeting so i don't forget",
        "wrote everyone a letter for christmas",
        "wrote my last letter to santa",
        "i wrote notes for my presentation and left them on my desk at work",
        "i scheduled the email to go out after i'm gone for the day",
        "i wrote a letter for my son to open on his 18th birthday",
        # everyday givings
        "giving away clothes before we move house",
        "gave my old textbooks to my cousin, i won't need them now that i graduated",
        "gave my baby clothes to my sister, we won't need them anymore",
        "gave my bike to my brother. won't need it till spring",
        "my mom gave away my old toys, i won't need them anyway",
        "she gave me her old phone, she won't need it",
        "gave my old couch to a neighbour, won't need it in the new flat",
        "i gave my sister my car since i won't need it while i'm abroad",
        "tying up loose ends at work before my maternity leave",
        "getting my affairs in order before my hip surgery",
        # everyday pills
        "counting my pills into the pill organiser for the week",
        "my mum keeps her pills hidden in a drawer so my toddler can't reach them",
        "bought paracetamol at three different shops because they were all sold out",
        "i've been saving my pills for when i travel in june",
        "i hide my adhd meds from my roommate because he steals them",
        "i count my pills every night to make sure i took my dose",
        "i have my meds in front of me but can't remember if i took them",
        "bought ibuprofen at two different shops because the first was out",
        "counting out my pills for the week every sunday",
        "stocking up on my meds before the winter storm hits",
        "i've been stocking up on my pills because the pharmacy keeps running out",
        "stocking up my allergy pills now that i finally have enough money",
    ],
)
def test_everyday_letters_givings_and_pills_are_no_cue(text: str) -> None:
    assert cue_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "anyone want my xbox? free. won't need it anymore",
    ],
)
def test_things_offered_free_for_good_are_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "giving away my ps5, switching to pc! free to a good home. won't need it anymore",
    ],
)
def test_things_offered_free_when_switching_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

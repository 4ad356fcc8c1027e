"""Crisis cues: overdoses told in words the quantity of "took" did not read ("took every last one
of my sleeping pills", "took hella pills", "i swallowed the whole bottle last night"), one to be
taken after an intent ("gonna take a whole bottle of tylenol") and going on living given up
("maybe i should stop going on."), all missed by the readings of CT7 and CT8; and the everyday
sentences beside them that stay no cue (a bottle of a drink, days off, a carried bottle, a
course of medicine kept, going on about something).
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


def cue_labels(text: str) -> list[str]:
    return [span.label for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "took every last one of my sleeping pills",
            "took every last one of my sleeping pills",
        ),
        ("i took every single one of my xanax", "took every single one of my xanax"),
        ("took every one of my pills last night", "took every one of my pills"),
        ("took hella pills", "took hella pills"),
        ("i took a fuck ton of pills", "took a fuck ton of pills"),
        ("took a whole lot of sleeping pills", "took a whole lot of sleeping pills"),
        ("took so many pills i cant feel my hands", "took so many pills"),
        # a bottle swallowed is of pills
        ("i swallowed the whole bottle last night", "swallowed the whole bottle"),
        ("swallowed two packets and went to bed", "swallowed two packets"),
        # alcohol and pills together
        (
            "downed a bottle of vodka and a bunch of pills",
            "downed a bottle of vodka and a bunch of pills",
        ),
    ],
)
def test_a_quantity_told_in_slang_or_with_no_drug_after_swallowed_is_a_cue(
    text: str, words: str
) -> None:
    """Each was no cue: "every" read no "last one of", the slang quantities were unread,
    "swallowed" needed a drug named and a drink before the pills hid them."""
    assert cue_words(text) == [words]
    assert cue_labels(text) == ["self_harm"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("gonna take a whole bottle of tylenol", "take a whole bottle of tylenol"),
        (
            "im going to take every last one of my pills tonight",
            "take every last one of my pills",
        ),
        (
            "i could swallow the whole bottle and nobody would care",
            "swallow the whole bottle",
        ),
        (
            "been thinking about taking a whole box of my mom's xanax",
            "taking a whole box of my mom's xanax",
        ),
        ("i'm about to take 30 advil", "take 30 advil"),
        ("i wanna take hella pills and just sleep", "take hella pills"),
    ],
)
def test_a_quantity_to_be_taken_after_an_intent_is_a_cue(text: str, words: str) -> None:
    """Each was no cue: "take" read only "a lot of", "all my", "about N", five or more, "a
    bunch of", "a handful of" and "half of" before a short list of drugs."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("maybe i should stop going on.", "maybe i should stop going on"),
        ("i just want to stop going on", "want to stop going on"),
        ("im ready to stop going on with life", "ready to stop going on"),
        ("maybe i should just stop going on, idk", "maybe i should just stop going on"),
    ],
)
def test_going_on_living_given_up_is_a_suicide_cue(text: str, words: str) -> None:
    """Each was no cue: only "can't go on" and "the point of going on" were read."""
    assert cue_words(text) == [words]
    assert cue_labels(text) == ["suicide"]


def test_giving_up_going_on_after_a_telling_takes_it_up() -> None:
    """The telling read as reported and "maybe I should stop going on." as an everyday act of
    looking after oneself: no cue at all."""
    text = "my mom told me to kill myself. maybe i should stop going on."
    assert cue_words(text) == ["kill myself", "maybe i should stop going on"]


@pytest.mark.parametrize(
    "text",
    [
        # a bottle of a drink, or of alcohol alone
        "i drank the whole bottle of water",
        "i swallowed the whole bottle of water in one go",
        "i drank the whole bottle last night and woke up hungover",
        "gonna take a whole bottle of wine to the party",
        "i swallowed a bottle cap as a kid",
        # no drug
        "took every last one of my vacation days",
        "took hella long to get my meds refilled",
        "gonna take a ton of photos of my meds for the pharmacy",
        # carried, kept to a course, a usual dose, refused
        "i'm going to take a whole bottle of tylenol with me on vacation",
        "i'll take the rest of my meds tomorrow like the doctor said",
        "i will take every dose on time from now on",
        "gonna take 2 advil and go to bed",
        "i'm going to take hella advil for this headache",
        "i take a whole box of meds with me everywhere",
        "i'm not gonna take a whole bottle of tylenol, i promise",
        # a pet, an accident
        "my dog swallowed the whole bottle, rushing him to the vet",
        "i accidentally swallowed the whole pack of gum",
        # going on about something, on a site, a chatter's closing, a wish to live
        "i should stop going on about it",
        "sorry i'll stop going on now",
        "maybe i should stop going on reddit so much",
        "I don't want to stop going on.",
    ],
)
def test_everyday_sentences_beside_the_new_readings_stay_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

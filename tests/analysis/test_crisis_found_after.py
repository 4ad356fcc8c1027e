"""Crisis cues of what the writer leaves for after their death
(:mod:`carelens.analysis.crisis_found_after`): the one who will find them, a note asked about,
letters put away; and the everyday findings, notes and letters that stay no cue. Every cue case
was missed by the patterns before."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i just hope she isnt the one who finds me",
        "what should i write in my note? and what do i leave for the people that find me?",
        "which way is least awful for the person who finds you. i want to pick whatever's "
        "easiest on my flatmate",
        "I've just been thinking about logistics. Who would find me, whether the cat would be "
        "alright for a day or two",
        "How long does it take for someone to be found if they live alone? Just curious",
        "how long before anyone would notice im gone",
        "how do you even start a note like that. i keep writing 'im sorry' and crossing it out",
        "is it selfish to leave a note? or more selfish not to",
        "should i leave a letter for my mum or is that worse",
        "wrote the letters. theyre in the drawer",
        "I've written letters for my mum and my sister. Just in case. They're in my desk drawer.",
        "The letters are already written anyway so it doesn't really matter what happens now.",
        "finished the letter for my brother, its in the drawer with his name on it. he'll know "
        "what to do with the cat after",
        "left a letter under my pillow for my roommate",
        "the letters are in the top drawer. just in case anyone needs them after",
        "spent the night writing letters to my mum and my sister. not the kind you post. i "
        "just want them to know it wasnt their fault when they find them",
    ],
)
def test_what_the_writer_leaves_for_after_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "the estate agent who finds me a flat gets a bonus lol",
        "hide and seek with my nephew, whoever finds me first gets a sweet",
        "anyone who finds me annoying can leave",
        "i dinged a car in the car park, should i leave a note?",
        "what do i write in a thank you note to my teacher",
        "what should i put in the letter to my future self for therapy group",
        "wrote the letters for the wedding invites, they're in the drawer",
        "sealed a letter to future me in the school time capsule today",
        "my mum is writing letters for my kids to open on their 18th birthdays just in case",
        "left a note on the fridge for my flatmate about the bins",
        "I hope the person who finds my wallet hands it in",
        "my dog ran off, i hope whoever finds him calls me",
    ],
)
def test_everyday_findings_notes_and_letters_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "if someone lives on their own, how long does it usually take before anyone finds them?",
        "say a person is living by themselves. how long until someone notices",
    ],
)
def test_living_alone_asked_first_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


def test_a_lost_thing_found_by_someone_living_alone_is_no_cue() -> None:
    assert (
        crisis_cues("my aunt lives alone, how long before anyone finds her lost cat posters?") == ()
    )

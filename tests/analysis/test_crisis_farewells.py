"""The farewells' checks (:mod:`carelens.analysis.crisis_farewells`) for the writer's own note,
a suicide note not named so: "i wrote my note tonight", "finished writing my note to my family",
"my note is done" are cues; a note to an everyday recipient or for an everyday use ("wrote my
note for the teacher", "left my note on the fridge"), "a note", "my notes" and a thank-you or
sticky note are not.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    "text",
    [
        "i wrote my note tonight",
        "I Wrote My Note Tonight.",
        "wrote my note last night. its in my desk drawer",
        "i finally finished my note",
        "my note is done",
        "writing my final note to my kids rn",
        "i left my note on the kitchen table for my mom to find",
        "i wrote my note and put it under my pillow",
    ],
)
def test_the_writers_own_note_written_is_a_cue(text: str) -> None:
    assert any(words.lower().startswith("my") for words in cue_words(text))


def test_a_note_to_the_family_is_a_cue() -> None:
    assert crisis_cues("finished writing my note to my family") != ()


@pytest.mark.parametrize(
    "text",
    [
        "wrote my note for the teacher",
        "i wrote a note to my landlord",
        "i wrote a note",
        "left a sticky note on the fridge",
        "finished writing my thank-you note to grandma",
        "i wrote my notes for the exam tonight",
        "wrote my note to the school about my absence",
        "i wrote my note for class tonight",
        "left my note on the fridge, grocery list for tomorrow",
        "i wrote my note to my boss explaining why i was late",
        "i left my note for the babysitter",
        "i forgot my note for the field trip",
        "the teacher confiscated my note",
    ],
)
def test_an_everyday_note_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "handing in my notice tomorrow. goodbye everyone at the depot, thanks for everything",
        "my last day at the bakery was friday, wrote a goodbye note to everyone there",
        "goodbye manchester, hello glasgow! thanks for everything",
        "drafting my resignation email tonight. goodbye to that awful warehouse forever, so glad",
        "leaving my job next week, i wrote goodbye letters for the whole department",
    ],
)
def test_a_farewell_beside_a_job_or_a_place_left_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "goodbye everyone, thanks for everything. i won't be here tomorrow",
        "i wrote goodbye letters to my family tonight",
        "hello darkness. goodbye everyone, thank you for everything",
        "goodbye everyone. i'm sorry for everything, take care of my dog",
        "my last day on earth. goodbye everyone, thanks for everything",
        "hello everyone. this is my last post, goodbye and thank you for everything",
        "goodbye everyone, thanks for everything. come visit my grave",
        "leaving my job and everything else. goodbye everyone, thank you for everything",
        "my last day at work was friday. goodbye everyone, thanks for everything, take care of my"
        " cat for me",
        "quit my job today. goodbye everyone, thank you for everything, i won't be around anymore",
    ],
)
def test_a_farewell_without_a_leaving_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "I wrote letters to my kids and my wife last night, they will understand one day.",
        "I finally feel calm since I made my decision. I have been saying my goodbyes quietly"
        " this week.",
        "been saying my last goodbyes all week. i've made up my mind",
        "wrote letters to my family. they'll forgive me eventually",
    ],
)
def test_a_farewell_act_beside_another_sign_of_an_ending_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have been saying my goodbyes quietly this week.",
        "I made my decision about the job and I've been saying my goodbyes to the team",
        "wrote letters to my kids for their birthdays, they will understand one day why I was"
        " strict",
        "I have been saying my goodbyes to the old house all week, I feel ready now.",
    ],
)
def test_a_farewell_act_alone_or_with_an_everyday_decision_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

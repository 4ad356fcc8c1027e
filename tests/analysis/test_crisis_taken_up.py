"""Crisis cues: what the seeker was told is taken up only by agreement with the telling itself
("... I agree", "... maybe I should"), not by agreement with something else ("... I agree it was
cruel", "... maybe I should try therapy"); the idiom "I overdosed on coffee" is read in its own
phrase, not across the clauses after it ("... because I forgot to take my meds")."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_context import not_own_mentions


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


# --- a telling taken up ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # agreement with something else
        "My brother told me to kill myself. I agree it was cruel.",
        "My brother told me to kill myself. I agree that he was wrong.",
        "My brother told me to kill myself. I agree with my therapist that it was abuse.",
        # "believe that" or "believe it" opening a clause of its own
        "My classmates said I should kill myself. I believe that's harassment.",
        "My classmates said I should kill myself. I believe that he should be punished.",
        "My brother told me to kill myself. I believe it was cruel.",
        # "a point" or "right" about something else
        "My dad told me to kys. He has a point about my grades though.",
        "My dad told me to kill myself. He has a point about my grades though.",
        "My brother told me to kill myself. He's right about my grades though.",
        # "maybe I should" and another act
        "Someone online told me to kill myself. Maybe I should try therapy.",
        "Someone online told me to kill myself. Maybe I should delete my account.",
        "My brother told me to kill myself. Maybe I should go to the police.",
    ],
)
def test_agreement_with_something_else_does_not_take_up_a_telling(text: str) -> None:
    """Each was a cue: "I agree", "I believe that / it", "has a point", "right" and "maybe I
    should" took up the telling whatever followed them."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "My brother told me to kill myself. I agree.",
        "My brother told me to kill myself. I agree with them.",
        "My brother told me to kill myself and I agree with him",
        "My brother told me to kill myself. I agree with them 100%.",
        "My brother told me to kill myself. I agree with my brother.",
        "My brother told me to kill myself. I agree with everything they said.",
        "My brother told me to kill myself. I kinda agree tbh",
        "My brother told me to kill myself. I agree that I should.",
        "My brother told me to kill myself. I agree it's true.",
        "My brother told me to kill myself. I agree that I'm a burden.",
        "My brother told me to kill myself. I agree I deserve it.",
        "My brother told me to kill myself and maybe they're right",
        "My brother told me to kill myself. Maybe he's right about me.",
        "My brother told me to kill myself and part of me believes it",
        "My brother told me to kill myself. I kinda believe them",
        "My brother told me to kill myself. I believe it",
        "My brother told me to kill myself. I believe it's true.",
        "My brother told me to kill myself. I believe that too.",
        "My brother told me to kill myself. I believe that I'm a burden.",
        "My brother told me to kill myself. He has a point.",
        "My brother told me to kill myself. He has a point about that.",
        "My brother told me to kill myself. Maybe I should.",
        "My brother told me to kill myself. Maybe I should, honestly.",
        "My brother told me to kill myself. Maybe I will.",
        "My brother told me to kill myself. Maybe I should just do it.",
        "My brother told me to kill myself. Maybe I should listen.",
        "My brother told me to kill myself. Maybe I should do what he says.",
        "My brother told me to kill myself. Maybe I should just go.",
        "My brother told me to kill myself. Maybe I should just disappear.",
        "My brother told me to kill myself. Maybe I should believe him.",
    ],
)
def test_agreement_with_the_telling_still_takes_it_up(text: str) -> None:
    assert cue_words(text) == ["kill myself"]


def test_kys_agreed_with_is_a_cue_and_a_point_about_grades_is_not() -> None:
    assert cue_words("My dad told me to kys. He has a point.") == ["kys"]
    assert crisis_cues("My dad told me to kys. He has a point about my grades.") == ()


# --- the idiom "I overdosed on coffee" ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I overdosed on coffee because I forgot to take my meds",
        "I overdosed on sugar today, then took my meds",
        "I overdosed on my coffee and then took my meds",
        "I overdosed on coffee and took my meds",
        "I overdosed on sugar because I quit alcohol",
        # "doses of" an everyday thing
        "I overdosed on caffeine, like three doses of espresso",
    ],
)
def test_a_drug_in_another_clause_leaves_the_everyday_overdose_an_idiom(text: str) -> None:
    """A drug word within 80 characters of the everyday thing made each a real overdose,
    across "because", "then" and a new verb; "doses" of espresso were a drug's."""
    assert crisis_cues(text) == ()
    overdosed = text.index("overdosed")
    assert not_own_mentions(text) == ((overdosed, overdosed + len("overdosed")),)


@pytest.mark.parametrize(
    "text",
    [
        "I overdosed on coffee and pills",
        "I overdosed on pizza and xanax",
        "I overdosed on junk food and painkillers",
        "I overdosed on coffee & pills",
        "I overdosed on pizza and a whole bottle of xanax",
        "I overdosed on ice cream, chocolate, chips and pills",
        "I overdosed on coffee with my mom's xanax",
        "I overdosed on coffee and like 20 pills",
        "I overdosed on coffee and a double dose of my meds",
        "I overdosed on caffeine, like three doses",
        "I overdosed on pizza and alcohol",
    ],
)
def test_a_drug_in_the_everyday_things_list_is_a_real_overdose(text: str) -> None:
    assert cue_words(text) == ["overdosed"]


def test_an_overdose_told_in_the_next_clause_is_a_cue_by_its_own_words() -> None:
    """The idiom leaves the clause after it to the patterns, which read a real overdose
    there."""
    text = "I overdosed on coffee and then took all my pills"
    assert cue_words(text) == ["took all my pills"]

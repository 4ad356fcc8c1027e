"""Crisis cues of passive ideation (:mod:`carelens.analysis.crisis_passive`): a blow wished on
the writer, a death that would not be so bad, a wish to be switched off, to be where a dead
person is, that a rescue had not come; and the buses, crashes on a couch, breaks from social
media and stops for speeding that stay no cue. Every cue case was missed before these
patterns."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i just wish a bus would hit me", "wish a bus would hit me"),
        (
            "hoping lightning would strike me on the walk home tbh",
            "hoping lightning would strike me",
        ),
        ("wouldn't be so bad if i crashed on the way home", "wouldn't be so bad if i crashed"),
        (
            "honestly it'd be a relief if i didn't wake up tomorrow",
            "it'd be a relief if i didn't wake up",
        ),
        ("i want to be switched off forever", "want to be switched off forever"),
        ("wish someone would pull the plug on me", "pull the plug on me"),
        ("my mum died in march. i want to be wherever she is", "want to be wherever she is"),
        (
            "he passed away two weeks ago and i just want to be with him again",
            "want to be with him",
        ),
        ("i wish they hadn't pulled me back", "wish they hadn't pulled me"),
        ("i wish my sister hadn't found me that night", "wish my sister hadn't found me"),
        ("wish the doctors hadn't saved me", "wish the doctors hadn't saved me"),
        ("i wish they had just let me die", "wish they had just let me die"),
        ("wish he hadn't called the ambulance", "wish he hadn't called the ambulance"),
        ("i wish the ambulance hadn't come. i was so close", "wish the ambulance hadn't come"),
        (
            "i just want to be with my dad again. he's been gone 3 years and i can't do this",
            "want to be with my dad again",
        ),
    ],
)
def test_passive_ideation_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i wish the bus would come on time for once",
        "i wish lightning would strike me with an idea for this essay",
        "i never want to go back there",
        "it wouldn't be so bad if i crashed at yours tonight? my flat is freezing",
        "i wouldn't mind if i got hit by a snowball",
        "it would be easier if i disappeared for a while",
        "wouldn't be so bad if i never came back from holiday",
        "i want to switch off from social media for good",
        "my boss pulled the plug on me and my project",
        "my girlfriend moved to london. i want to be where she is",
        "my grandma died last year. i wish i could see her again",
        "my dad died last year. i wish i could be with him when he died",
        "i wish my mom hadn't stopped me from going to the party",
        "my parents caught me vaping. i wish they hadn't caught me",
        "i wish the cop hadn't stopped me, now i have a ticket",
        "wish my ex hadn't found me on instagram",
        "i wish i hadn't woken up so early, i'm exhausted",
        "this exam was so bad i wish a bus would hit me lol",
        "i wish a bus would come by already",
        "i wouldn't mind if i got hit by a bit of luck",
        "my phone switched off for good, need a new one",
        "i want to be with her, we've been long distance for a year",
        "my dad died of covid. i want to be with my mum right now",
        "i wish they hadn't found me out, now everyone knows i failed",
        "wish my sister hadn't saved me the last slice, i'm on a diet",
        "i wish he hadn't called the police on my dog",
    ],
)
def test_everyday_wishes_are_no_cue(text: str) -> None:
    assert cue_words(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "every night i pray that the lord takes me",
        "hoping death comes for me soon",
        "so tired of waking up",
        "i hate that i woke up this morning",
        "if a bus ran me over i wouldn't mind",
        "i wish i could vanish and not exist",
    ],
)
def test_a_death_asked_of_god_sorrow_at_waking_or_a_blow_accepted_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "my nan always says 'i hope the good lord takes me before the next election'",
        "so tired of waking up at 5am for work",
        "i hate that i woke up early on a saturday",
        "if a car hit me the insurance would pay for it",
        "i wish i could disappear to a cabin for a month",
    ],
)
def test_sayings_early_mornings_and_insured_blows_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

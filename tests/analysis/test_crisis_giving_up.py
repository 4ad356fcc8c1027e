"""Crisis cues missed before CT12: going on living given up ("I don't want to go on anymore", "I
give up on life"), an overdose told with other verbs ("i've taken", "ate", "just had",
"consumed") or quantities ("way too much of", "like 40 tylenols", "a million", "all 90 of"), one
planned after "imma" or "I'd rather" or as "every pill I have", alcohol with "like 30 of", and
goodbye letters written; and the false cues cleared: a chatter's "I should stop going on",
pills spread over a season, carried "with me to the cabin". Each group has the everyday
sentences beside it that stay no cue.
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
        ("i dont want to go on anymore", "dont want to go on"),
        ("i don't think i can keep going on", "don't think i can keep going on"),
        ("i'm tired of going on", "tired of going on"),
        ("i dont want to keep going on living like this", "dont want to keep going on"),
        ("maybe i shouldnt keep going on", "shouldnt keep going on"),
        ("there's no reason for me to keep going", "no reason for me to keep going"),
        ("i give up on life", "give up on life"),
        ("i cant keep going on anymore. im done with everything", "cant keep going on"),
        ("I can't keep going on like this.", "can't keep going on"),
        ("how can i go on?", "how can i go on"),
        ("i've given up on living, honestly", "given up on living"),
        ("I'm so tired. I don't think I can go on any longer", "don't think I can go on"),
        # "stop going on" after "I (think I) should", before "at this point" or "tonight"
        ("i think i should stop going on", "should stop going on"),
        ("maybe i should stop going on at this point", "maybe i should stop going on"),
        ("maybe i should stop going on tonight", "maybe i should stop going on"),
    ],
)
def test_going_on_living_given_up_is_a_suicide_cue(text: str, words: str) -> None:
    """Each was no cue: only "can't go on", "the point of going on" and "stop going on" after
    a wish or "maybe I should" were read."""
    assert cue_words(text) == [words]
    assert cue_labels(text) == ["suicide"]


@pytest.mark.parametrize(
    "text",
    [
        # an outing, a topic, a named matter, a way of life
        "i don't want to go on the trip",
        "I don't want to go on about it",
        "i don't want to go on a date with him",
        "i don't want to keep going on walks alone",
        "im tired of going on dates that go nowhere",
        "i don't want to go on and on",
        "i don't want to go on medication",
        "i don't think i can keep going on this diet",
        "can't keep going on like this with my landlord",
        "i can't keep going to the gym at 5am",
        "i can't keep going back and forth",
        "there's no reason to keep going to that class",
        "we gave up on life in the city and moved",
        "she gave up on life as an actor",
        "i gave up on my life goals for a while",
        "I want to keep going on.",
    ],
)
def test_going_on_in_its_everyday_senses_stays_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i'm gonna stop going on. thanks for reading my rant about my landlord!",
        "lol i should just stop going on. nobody wants to hear about my fantasy football team",
        # an apology for the length of the post before it
        "ugh sorry for the essay. maybe i should stop going on.",
        "sorry for rambling, i should just stop going on lol",
        "maybe i should stop going on. anyway, back to my question about the lease",
    ],
)
def test_a_chatters_stop_going_on_is_no_cue(text: str) -> None:
    """Each was a suicide cue: "stop going on" at a clause's end was read as going on living
    given up whatever was said around it."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("maybe i should stop going on. nobody would even notice.", "maybe i should stop going on"),
        ("i'm gonna stop going on. i'm done.", "gonna stop going on"),
        # the apology two sentences back, not before this one
        (
            "sorry for the long post. everything is falling apart. maybe i should stop going on.",
            "maybe i should stop going on",
        ),
        # thanks for reading, and a sign of the writer's own risk
        (
            "maybe i should stop going on. thanks for reading, i'm a burden anyway",
            "maybe i should stop going on",
        ),
        # a last post after it
        (
            "sorry for the essay. maybe i should stop going on. this is my last post",
            "maybe i should stop going on",
        ),
    ],
)
def test_stop_going_on_without_chatter_or_beside_a_risk_stays_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i've taken a whole bottle of pills", "taken a whole bottle of pills"),
        (
            "i have taken every last one of my sleeping pills",
            "taken every last one of my sleeping pills",
        ),
        ("i ate a whole bottle of pills", "ate a whole bottle of pills"),
        ("just had a whole bottle of pills", "just had a whole bottle of pills"),
        (
            "i consumed my entire prescription of lithium",
            "consumed my entire prescription of lithium",
        ),
        ("took way too much of my insulin on purpose", "took way too much of my insulin"),
        ("took like 40 tylenols", "took like 40 tylenols"),
        ("took like a million pills", "took like a million pills"),
        ("took all 90 of my zoloft", "took all 90 of my zoloft"),
        ("took evry last one of my sleepin pills", "took evry last one of my sleepin pills"),
        ("i swalowed the whole bottle", "swalowed the whole bottle"),
        # (merged with the pills and the drink: crisis_means_near.MIXED)
        (
            "necked a whole box of pills with a bottle of wine",
            "necked a whole box of pills with a bottle of wine",
        ),
        # a whole container with no drug named, the clause ended or a time after it
        ("i took the whole bottle. please dont be mad at me", "took the whole bottle"),
        ("took the whole packet an hour ago", "took the whole packet"),
        (
            "took everything in the medicine cabinet. im sorry mom",
            "took everything in the medicine cabinet",
        ),
    ],
)
def test_a_quantity_swallowed_by_other_verbs_and_words_is_a_cue(text: str, words: str) -> None:
    """Each was no cue: only "took", "swallowed", "downed", "popped", "chugged" and "drank"
    were read, "too much", "a million", "all 90 of" and a plural "tylenols" were not, and a
    container alone only after "swallowed"."""
    assert cue_words(text) == [words]
    assert cue_labels(text) == ["self_harm"]


@pytest.mark.parametrize(
    "text",
    [
        # no drug, a drink, a pet, a usual dose, a supply changed or delivered
        "i ate a whole bottle of gummy vitamins",
        "i had a whole bottle of wine last night",
        "ate a whole box of chocolates",
        "my labrador ate a whole pack of ibuprofen, vet induced vomiting, he's fine",
        "i've taken 5 advil for my migraine",
        "i just had a whole bottle of pills delivered",
        "just had a bunch of meds changed by my psychiatrist",
        "took 5 cracks at the pinata",
        "bought a crate and drank like 10 cokes",
        # a container alone carried, or of a drink
        "took the whole bottle with me",
        "i took the whole bottle to the party",
        "took the whole bottle of wine home",
        "i've taken a lot of advil this week for my back",
        "i ate a ton of candy and feel sick",
        "consumed way too much coffee today",
        "i've eaten a whole pack of cookies",
        "just had a whole bottle of water",
    ],
)
def test_everyday_sentences_beside_the_new_verbs_stay_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("imma take a whole bottle of tylenol tonight", "take a whole bottle of tylenol"),
        ("ima take the whole bottle", "take the whole bottle"),
        ("i'ma swallow the whole bottle of pills tonight", "swallow the whole bottle of pills"),
        (
            "i'd rather take a whole bottle of sleeping pills than go back there",
            "take a whole bottle of sleeping pills",
        ),
        ("i'm gonna swallow every pill i have", "swallow every pill"),
        ("i should just take every pill i have", "take every pill"),
        ("gonna take all 90 of my zoloft tonight", "take all 90 of my zoloft"),
        ("i will take the whole bottle tonight if he doesn't call", "take the whole bottle"),
        ("ill take the whole bottle and nobody can stop me", "take the whole bottle"),
        (
            "im going to swallow everything in my medicine cabinet tonight",
            "swallow everything in my medicine cabinet",
        ),
    ],
)
def test_a_quantity_planned_after_imma_or_id_rather_or_every_pill_is_a_cue(
    text: str, words: str
) -> None:
    """Each was no cue: "imma", "ima", "i'ma" and "I'd rather" were no intent, "every" was
    read as a dose kept unless "single", "last" or "one of" followed, "all 90 of" was no
    quantity, and "take" took no container alone."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    "text",
    [
        "i will take every pill on time from now on",
        "i'm going to take every pill the doctor gives me",
        "imma take every dose on time this week",
        "i'll take the whole bottle to the party",
        "ima take the whole bottle with me",
        "i'd rather take a whole bottle of tylenol with me on vacation",
        "imma take 2 advil and go to bed",
        "imma take a ton of photos at the concert",
        "i'd rather take a whole box of chocolates than share",
        "imma take my meds tonight like always",
        "ima take the whole pack with me to the beach",
    ],
)
def test_a_course_kept_or_a_bottle_carried_after_those_intents_stays_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_alcohol_with_roughly_a_quantity_of_pills_is_a_cue() -> None:
    """ "like" after "with" hid the quantity: no cue, while "with 30 of my seroquel" was."""
    for text in (
        "downed a bottle of vodka with like 30 of my seroquel",
        "downed a bottle of vodka with 30 of my seroquel",
        "drank a bottle of wine and about 20 tylenol",
    ):
        assert cue_labels(text) == ["self_harm"], text
    assert crisis_cues("downed a bottle of vodka with like 30 of my friends") == ()


@pytest.mark.parametrize(
    "text",
    [
        "i took every last one of my allergy pills over the spring, need a refill",
        "took every one of my antidepressants over the last few months like i was supposed to",
        "took every single one of my allergy pills during the summer",
        "i'm going to take a whole bottle of tylenol with me to the cabin",
        "gonna take a whole bottle of advil with me just in case",
    ],
)
def test_a_supply_spread_over_a_season_or_carried_with_me_is_no_cue(text: str) -> None:
    """Each was a self-harm cue: "every" and "all" were never spread over time, and "with me"
    carried only to a place of the list ("the cabin" was none)."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a weekend is no season; a place not of the list; a risk where it was carried
        ("took every last one of my pills over the weekend", "took every last one of my pills"),
        ("took every last one of my pills over the last hour", "took every last one of my pills"),
        (
            "gonna take a whole bottle of pills with me to the woods tonight",
            "take a whole bottle of pills",
        ),
        (
            "gonna take a whole bottle of pills with me when i go to the bridge",
            "take a whole bottle of pills",
        ),
    ],
)
def test_a_quantity_not_spread_nor_carried_away_stays_a_cue(text: str, words: str) -> None:
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("i wrote my goodbye letters tonight", "goodbye letters"),
        ("writing goodbye letters to my family", "goodbye letters"),
        ("i wrote goodbye letters to my coworkers and my family", "goodbye letters"),
        ("finished my goodbye notes. i'm ready", "goodbye notes"),
        ("my goodbye letters are written", "goodbye letters"),
    ],
)
def test_goodbye_letters_written_are_a_suicide_cue(text: str, words: str) -> None:
    """Each was no cue: letters were read only "to everyone" or "to my family", and only
    beside another farewell act or the calm after them. The cue is the letters' words, the
    writing before or after them read by its check."""
    assert words in cue_words(text)
    assert "suicide" in cue_labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "i wrote a goodbye letter to my old job",
        "my therapist had me write a goodbye letter to my eating disorder",
        "writing a farewell letter to my team before i retire",
        "i wrote a goodbye letter to my grandpa who passed away",
        "we wrote goodbye notes to our teacher on the last day of school",
        "left a goodbye note for my roommate when i moved out",
        "writing a goodbye letter to my younger self",
        # letters not written by the writer
        "i got a goodbye letter from my coworker today",
        "the goodbye notes from the kids made me cry",
    ],
)
def test_goodbye_letters_to_an_everyday_recipient_stay_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I can't go on like this with my landlord",
        "can't go on like this with my landlord, i'm going to report him",
        "can't go on like this with this job",
        "can't go on like this with my roommate never doing the dishes",
        "i can't go on like this at work, my manager is a nightmare",
        "can't go on like this with school, the exams are brutal lol",
    ],
)
def test_cant_go_on_like_this_with_an_everyday_matter_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I can't go on like this", ["can't go on"]),
        (
            "I can't go on like this anymore, I want it all to end",
            ["can't go on", "want it all to end"],
        ),
        # the voices are no everyday matter, and their telling is a cue of its own
        (
            "can't go on like this with the voices telling me to die",
            ["can't go on", "voices telling me to die"],
        ),
        ("can't go on like this with my depression", ["can't go on"]),
        ("i can't go on like this with my husband, he hits me every night", ["can't go on"]),
        (
            "can't go on like this with this job, i'd rather be dead",
            ["can't go on", "rather be dead"],
        ),
    ],
)
def test_cant_go_on_like_this_otherwise_stays_a_cue(text: str, words: list[str]) -> None:
    assert cue_words(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "i cant go on like this at school. the bullying is every day and i dont see the point "
        "anymore",
        "i cant go on like this with my job. honestly i'd rather not be here at all",
        "i can't go on like this at work, i just want to disappear",
        "i can't go on like this with my boss. i'm not sleeping, not eating, i just want "
        "everything to stop",
    ],
)
def test_cant_go_on_like_this_with_a_matter_beside_despair_stays_a_cue(text: str) -> None:
    assert cue_words(text)[0].lower().replace("'", "") == "cant go on"


@pytest.mark.parametrize(
    "text",
    [
        "honestly i don't see a point in living if it stays like this",
        "i cant see the point of carrying on anymore",
        "is there any point in living when every day is like this",
        "does anyone else feel like living is just pointless?",
        "my life feels completely meaningless",
    ],
)
def test_the_point_of_living_not_seen_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "i don't see the point in living in london if you can't afford to go out",
        "living is pointless without coffee lol",
        "i don't see the point of going on the trip if it rains",
    ],
)
def test_a_way_of_living_a_treat_or_an_outing_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Crisis cues told by their means (:mod:`carelens.analysis.crisis_methods`): the writer's own
hanging, shooting, jump from a height, poison, "od'd" and cutting, and another person's attempt,
intent or threat, are cues; a death told of (codebook v1.1: grief, as "he killed himself last
year"), an idiom ("shot himself in the foot"), an accident, a pet's leap and an everyday cut are
not. A telling taken up by a thought of it ("... and honestly I've thought about it") and the
thought of the same after someone's suicide ("I've been thinking about it too") are cues. The
cases are those a reviewer found missed, and the everyday readings that must stay no cue.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_context import not_own_mentions


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the writer's own means
        ("i hung myself last year but the rope snapped", "hung myself"),
        ("I threw myself off the balcony", "threw myself off the balcony"),
        ("i jumped off a bridge last year", "jumped off a bridge"),
        ("Jumped off a bridge last year, survived.", "Jumped off a bridge"),
        ("i want to jump off the overpass", "jump off the overpass"),
        ("i tried to poison myself", "poison myself"),
        ("i want to drown myself", "drown myself"),
        ("i tried to electrocute myself", "electrocute myself"),
        ("i od'd last week", "od'd"),
        ("ODed last night and woke up in the hospital", "ODed"),
        # another person's attempt, intent or threat
        ("he tried to hang himself", "hang himself"),
        ("she tried to shoot herself", "shoot herself"),
        ("he keeps threatening to shoot himself", "shoot himself"),
        ("my friend tried to jump off the parking garage", "jump off the parking garage"),
        (
            "my roommate said she's going to throw herself off the balcony",
            "throw herself off the balcony",
        ),
        ("she tried to drown herself in the lake", "drown herself"),
        ("she almost jumped off the overpass", "jumped off the overpass"),
        # a past act told with the one who did it alive
        ("my brother shot himself last night and he's in the icu", "shot himself"),
        ("My uncle shot himself last spring. He survived but lost an eye.", "shot himself"),
        ("she hanged herself but they found her in time", "hanged herself"),
        ("my friend jumped off a bridge and survived", "jumped off a bridge"),
        ("she's paralyzed since she jumped off the bridge", "jumped off the bridge"),
        ("he shot himself but the bullet missed", "shot himself"),
        # an intent in a sentence that names a game is no story
        ("after the game he tried to hang himself", "hang himself"),
        # another person's self-harm, as "cut himself" and "slit their wrists" are
        ("he slit his wrists", "slit his wrists"),
        ("my brother od'd last week", "od'd"),
        ("my daughter has been cutting", "cutting"),
    ],
)
def test_means_are_cues(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mom would kill me if she found out i've been cutting",
        "i've been cutting for 3 years",
        "i have been cutting since i was 14",
        "been cutting every night this week",
    ],
)
def test_cutting_with_no_object_is_a_cue(text: str) -> None:
    assert "cutting" in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        # idioms and things
        "he shot himself in the foot",
        "she shot herself in the foot by quitting",
        "i shot myself in the foot with that interview",
        "he shot himself a message",
        "he shot himself a quick text before the meeting",
        "he hung himself a hammock",
        "give him enough rope and he'll hang himself",
        "I have to gas myself up before interviews",
        "I've been drowning myself in work",
        "she drowned herself in video games after the breakup",
        "I poisoned myself with bad sushi",
        "she stabbed herself in the back with that move",
        # an accident, a story
        "he accidentally shot himself while cleaning his gun",
        "in the movie the character hangs himself",
        "Romeo drinks the poison and Juliet stabs herself",
        "he almost sh*t himself when he saw the bill",
        # jumps that are no risk
        "he jumped off the couch",
        "she jumped off the bus at the last stop",
        "the kids jumped off the diving board",
        "we jumped off the cliff into the lake",
        "we jumped off the bridge into the river all summer",
        "he bungee jumped off a bridge in new zealand",
        "my cat jumped off the balcony",
        "my dog jumped off the balcony and broke his leg",
        "he jumped off the roof into the pool",
        # everyday cutting
        "I've been cutting back on sugar",
        "I've been cutting carbs",
        "I'm cutting for summer",
        "I've been cutting for a month and lost 8 pounds",
        "been cutting hair for 10 years",
        "I've been cutting corners at work",
        "my cutting board is dirty",
        "i haven't been cutting",
        # the same in everyday life, and "od" words that are none
        "my sister quit smoking and i want to do the same",
        "my brother moved to canada and i want to join him",
        "i'm going to join him for dinner",
        "my friend is considering quitting and i've been thinking about it too",
        "i od'd on netflix this weekend",
        "Oded went home",
        "that's odd",
    ],
)
def test_everyday_readings_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "my dad hung himself when i was 12 and i still think about it",
        "My uncle shot himself last spring.",
        "my best friend jumped off the parking garage last year",
        "my uncle shot himself last spring and died in the hospital",
        "found a few old pictures of a mate who hung himself",
        # the writer's own words after it are no survival of the one who died
        "he shot himself and i missed the signs",
        "my uncle shot himself last spring and i'm still recovering from it",
        "he lived alone and hung himself",
    ],
)
def test_a_death_told_of_is_no_pattern_cue(text: str) -> None:
    # Codebook v1.1: a third party's risk is a cue, a death told of is grief ("he killed
    # himself last year"), as the annotators marked "a mate who hung himself" crisis 0.
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("since my dad's suicide attempt i've been thinking about it too", "thinking about it too"),
        (
            "my brother killed himself and sometimes i think about doing the same",
            "think about doing the same",
        ),
        ("my dad hung himself and i want to do the same", "do the same"),
        (
            "my best friend jumped off the parking garage. i've been thinking about it too",
            "thinking about it too",
        ),
        ("my sister killed herself. I want to join her.", "join her"),
        ("my grandma passed away and i want to join her", "join her"),
    ],
)
def test_the_same_act_after_another_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


def test_the_wish_to_follow_beside_the_word_suicide_is_left_to_the_loss() -> None:
    # "suicide" is a cue already, and the crisis feedback quotes "i want to join her" from
    # the loss it tells (crisis_loss.Losses.following).
    assert cue_words("my mom died by suicide and i want to join her") == ["suicide"]


def test_the_same_act_denied_is_no_cue() -> None:
    assert crisis_cues("my dad hung himself and i would never do the same") == ()


@pytest.mark.parametrize(
    "text",
    [
        "my ex told me to kill myself and honestly i've thought about it",
        "my ex told me to kill myself and honestly i've considered it",
        "my ex told me to kill myself and i have thought about doing it",
        "someone told me to kys and ive thought about it",
    ],
)
def test_a_telling_taken_up_by_a_thought_of_it_is_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()


@pytest.mark.parametrize(
    "text",
    [
        "my ex told me to kill myself and i've thought about that comment all week",
        "my ex told me to kill myself and i've thought about it and decided to report him",
    ],
)
def test_a_telling_thought_over_elsewhere_stays_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


def test_od_idiom_is_set_aside_from_the_learned_flag() -> None:
    text = "i od'd on netflix this weekend"
    assert [text[start:end] for start, end in not_own_mentions(text)] == ["od'd"]


@pytest.mark.parametrize(
    "text",
    [
        "my brother od'd and passed away last year",
        "my cousin ODed and died in march",
        "my mom died of an overdose when i was 15. i'm 30 now",
    ],
)
def test_an_overdose_told_with_a_death_stays_a_cue_read_as_a_loss(text: str) -> None:
    # Unlike "he killed himself last year", a death by overdose is flagged: the crisis feedback
    # reads it as a loss (crisis_loss_overdose) and reads the seeker's own risk beside it
    # (crisis_loss_signs: "... been hoarding my oxy"), which no other pattern flags. The
    # feedback tests pin that reading.
    assert crisis_cues(text) != ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("my brother od'd last night and he's in the icu", "od'd"),
        ("I od'd last week", "od'd"),
        ("i od'd and nearly died last month", "od'd"),
        ("my brother od'd and almost died, he's in the icu now", "od'd"),
        ("my sister ODed last night, she's not dead but they pumped her stomach", "ODed"),
        ("my boyfriend od'd yesterday and my grandma died the same week", "od'd"),
        ("my cousin overdosed yesterday, they said she might die", "overdosed"),
    ],
)
def test_an_overdose_survived_or_the_writers_own_stays_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "my brother shot himself in 2020. sometimes i think i'll end up like him and honestly "
            "i'm ok with that",
            "end up like him",
        ),
        (
            "my brother killed himself last year. i'll end up like him and honestly i'm ok "
            "with that",
            "end up like him",
        ),
        ("my mom took her own life in 2019. i'm scared i'll end up like her", "end up like her"),
        (
            "that movie about the guy who hangs himself, i've been planning the same thing",
            "planning the same thing",
        ),
        (
            "i keep rewatching the episode where he jumps off the roof because i want to do it too",
            "do it too",
        ),
    ],
)
def test_ending_up_like_them_or_planning_the_same_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "my dad hung himself. i promise myself i won't end up like him",
        "my dad killed himself. i don't want to end up like him",
        "my aunt is a hoarder and i'm going to end up like her lol",
        "my mom drank herself to death and i'm going to end up like her if i don't stop",
    ],
)
def test_ending_up_like_someone_resolved_against_or_everyday_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "my brother killed himself and i feel like i'll end up the same way",
            "end up the same way",
        ),
        (
            "my mom hung herself when i was 10 and im scared ill end up the same way",
            "end up the same way",
        ),
        (
            "dad shot himself last year. i'm going to end up the same as him",
            "end up the same as him",
        ),
        (
            "My Sister Overdosed In March And I'll Probably End Up The Same Way",
            "End Up The Same Way",
        ),
    ],
)
def test_ending_up_the_same_way_after_a_suicide_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "my brother killed himself and i'm determined not to end up the same way",
        "my dad dropped out of college and i feel like i'll end up the same way",
        "my brother went bald at 30, i'll end up the same way",
        "my mom was a teacher and i'll end up the same way",
    ],
)
def test_ending_up_the_same_way_resolved_against_or_everyday_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("want to jump from the 10th floor", "jump from the 10th floor"),
        (
            "thinking about jumping from the 12th floor",
            "thinking about jumping from the 12th floor",
        ),
        ("i wanna jump from my 8th floor window", "jump from my 8th floor"),
        ("i want to jump from my bedroom window", "jump from my bedroom window"),
        ("I Want To Jump Off The Top Floor", "Jump Off The Top Floor"),
    ],
)
def test_a_jump_from_a_high_floor_or_a_window_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "my office is on the 10th floor",
        "we jumped from the 2nd floor into the pool",
        "my cat jumped from the window onto the couch",
        "i jumped off the floor when the alarm went off",
    ],
)
def test_a_floor_or_a_window_in_everyday_life_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()

"""Feeling words inside someone else's quoted words are not the seeker's, and texted verbs
without their apostrophe ("cant", "wont") open a clause whose "I" was left out
(carelens.analysis.feelings, carelens.analysis.reported_speech)."""

from __future__ import annotations

import pytest

from carelens.analysis.feelings import read_feelings, seeker_feelings
from carelens.analysis.openings import reflection_opening, suggested_opening
from carelens.analysis.reply_feelings import named_feeling

CURLY = "\u2019"  # the right single quotation mark phones type as an apostrophe


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        ('My dad always tells me "I\'m disappointed in you" and I feel worthless.', ["worthless"]),
        ('Mom texted: "I\'m so worried about you". I feel guilty.', ["guilty"]),
        ('He told me "I\'m so lonely without you"', []),
        ('My sister texted me "I\'m scared"', []),
        ("my boss said 'you're useless'", []),
        ("they keep calling me a 'worthless loser'", []),
        ("My mom keeps saying 'you are a failure'", []),
        ("My doctor said 'you're depressed'", []),
        (f"My doctor said \u201cyou{CURLY}re depressed\u201d and I feel so lost.", ["lost"]),
        (f"My doctor said \u2018you{CURLY}re depressed\u2019", []),
        ("Everyone at school calls me 'useless'", []),
        ('Sarah said "I\'m disappointed"', []),
        # the seeker's someone, a noun no list of people holds; marks inside the quotation
        ('My coach yelled "you\'re worthless!" at practice.', []),
        ('My coach said "you\'re worthless."', []),
        ('Our landlord texted me "I\'m so disappointed" and I feel hurt.', ["hurt"]),
        ('I went to the store and the cashier said "you look tired"', []),
        ('The doctor said "I\'m worried about you" and I feel scared.', ["scared"]),
        ('My dad texted me yesterday after work and said "I\'m disappointed"', []),
        ("My mom said: 'I'm so sad for you.' I feel like a burden.", ["burden"]),
        # passive: the seeker was told the words
        ("I was told 'you're useless' at work and I feel hopeless", ["hopeless"]),
        ("I've been called a 'failure' my whole life", []),
        ('Got told "you\'re worthless" by my coach', []),
        ("Keeps telling me 'you're a burden'", []),
        # a speech tag after the quotation
        ('"I\'m so lonely," he said. I feel empty.', ["empty"]),
        ('"I\'m scared" my sister texted me.', []),
        ('"I\'m worried," said Mom.', []),
        ('"I\'m scared." He said.', []),
    ],
)
def test_feelings_in_someone_elses_quoted_words_are_not_the_seekers(
    seeker: str, expressed: list[str]
) -> None:
    assert seeker_feelings(seeker) == expressed


def test_a_quoted_i_or_you_is_the_speakers_not_the_seekers() -> None:
    # Read inside the quotation, "I'm" made the seeker hold it and "you're" no one.
    [worried, guilty] = read_feelings('Mom texted: "I\'m so worried about you". I feel guilty.')
    assert (worried.use, worried.holder) == ("not theirs", "other")
    assert (guilty.use, guilty.holder) == ("theirs", "seeker")
    [useless] = read_feelings("my boss said 'you're useless'")
    assert (useless.use, useless.holder) == ("not theirs", "other")


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        # the seeker's own saying, self-talk too
        ('I keep telling myself "I\'m worthless"', ["worthless"]),
        ('I told him "I\'m scared"', ["scared"]),
        ('Told him "I\'m scared" and he laughed', ["scared"]),
        ("I texted my mom 'I'm so lonely' and she didn't answer", ["lonely"]),
        ('"I\'m so lonely," I said.', ["lonely"]),
        ("I was angry and said 'I'm disappointed'", ["angry", "disappointed"]),  # not passive
        ('"I\'m so lonely." She said goodbye.', ["lonely"]),  # no speech tag
        # no report frames the quotation: emphasis of their own
        ("I'm just 'tired' all the time", ["tired"]),
        ("I feel 'worthless' and he said I'm lazy", ["worthless"]),
        # apostrophes, not quotations
        ("my friends' parents said I'm lonely", ["lonely"]),
        ("My mom's friend said I'm so lonely and I don't disagree", ["lonely"]),
        # no quotation marks: what someone says of the seeker stays as before
        ("My therapist says I'm depressed", ["depressed"]),
    ],
)
def test_the_seekers_own_quoted_words_and_apostrophes_stay_theirs(
    seeker: str, expressed: list[str]
) -> None:
    assert seeker_feelings(seeker) == expressed


def test_a_reply_quoting_someone_else_names_no_feeling() -> None:
    seeker = "My boss yells at me every day."
    assert named_feeling('When he says "you\'re useless", that is cruel.', seeker) is None
    assert named_feeling("That sounds so lonely.", seeker) == "lonely"


@pytest.mark.parametrize(
    ("clause", "opening"),
    [
        ("cant stop thinking about my ex", "It sounds like you cant stop thinking about your ex…"),
        (
            "wont ever be good enough for my dad",
            "It sounds like you wont ever be good enough for your dad…",
        ),
        (
            "won't ever be good enough for my dad",
            "It sounds like you won't ever be good enough for your dad…",
        ),
        (
            "didnt get the job and I feel like a failure",
            "It sounds like you didnt get the job and you feel like a failure…",
        ),
        (
            "couldnt sleep at all and I feel so tired",
            "It sounds like you couldnt sleep at all and you feel so tired…",
        ),
        ("Cannot stop crying over my dog", "It sounds like you cannot stop crying over your dog…"),
    ],
)
def test_texted_verbs_without_an_apostrophe_get_the_left_out_you(clause: str, opening: str) -> None:
    assert reflection_opening(clause) == opening


def test_a_texted_clause_is_offered_with_its_subject() -> None:
    seeker = "cant stop crying rn my cat died this morning"
    offered = suggested_opening(seeker, read_feelings(seeker))
    assert offered is not None
    assert '"It sounds like you cant stop crying' in offered


@pytest.mark.parametrize(
    "seeker",
    [
        'My mind keeps saying "you\'re worthless"',
        'my brain tells me "you\'re useless" all day',
        'My inner voice says "you\'re a failure"',
    ],
)
def test_what_the_seekers_own_mind_tells_them_stays_theirs(seeker: str) -> None:
    # Self-talk, not a report of someone else's words.
    assert seeker_feelings(seeker)


@pytest.mark.parametrize(
    "seeker",
    [
        'I looked in the mirror and told myself "I\'m worthless"',
        'I sat in the car and said "I\'m so lonely"',
        'I called the hotline and said "I\'m scared"',
    ],
)
def test_a_noun_before_the_seekers_own_saying_is_no_speaker(seeker: str) -> None:
    # "the mirror", "the car": the object of an earlier verb, not who said the words.
    assert seeker_feelings(seeker)


@pytest.mark.parametrize(
    ("seeker", "expressed"),
    [
        # "I and <others>" said it: the seeker speaking with others, their words too
        ('I and the team said "we\'re exhausted"', ["exhausted"]),
        ('I and my wife told him "we\'re so worried"', ["worried"]),
        ('I and my best friend texted her "we\'re scared"', ["scared"]),
        ('I and Sarah said "we\'re heartbroken"', ["heartbroken"]),
        ('I and the cashier said "we\'re so tired"', ["tired"]),  # a noun in no list
        ('Yesterday I and the team said "we\'re exhausted" and then I cried', ["exhausted"]),
        # ... but told the words, or with no "I and" before the speaker, it is someone else's
        ('I and the team were told "you\'re useless"', []),
        ('I cried and my mom said "I\'m so worried"', []),
        ('My boss and the team said "you\'re useless"', []),
        ('When I and the team left, the boss said "you\'re useless"', []),
    ],
)
def test_the_seeker_speaking_with_others_says_their_own_words(
    seeker: str, expressed: list[str]
) -> None:
    assert seeker_feelings(seeker) == expressed


def test_the_seeker_speaking_with_others_holds_the_feeling_in_their_words() -> None:
    # "the team" was read as the speaker: the feeling was someone else's, not offered.
    [exhausted] = read_feelings('I and the team said "we\'re exhausted"')
    assert (exhausted.use, exhausted.holder) == ("theirs", "seeker")

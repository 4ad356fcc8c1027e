"""Words of a reply that judge or blame the seeker (:func:`judging_words`): blame and telling
them not to feel what they feel, told from comfort, denials and words reported as someone
else's; and how :func:`judged` says a feeling is held against them."""

from __future__ import annotations

import re

import pytest

from carelens.analysis.reply_feelings import reply_reading
from carelens.analysis.reply_judging import (
    HELD_AGAINST,
    as_said,
    blames,
    judged,
    judging_words,
    said_by_others,
)
from carelens.analysis.reply_remarks import clause_head


def judging_in(seeker: str, response: str) -> str | None:
    found = judging_words(response, seeker)
    return response[found[0] : found[1]] if found is not None else None


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        (
            "I'm angry at my sister for skipping mom's funeral",
            "you have no right to be upset about that",
            "you have no right to be upset about that",
        ),
        (
            "I'm angry at my sister for skipping mom's funeral",
            "you shouldn't feel that way",
            "you shouldn't feel that way",
        ),
        (
            "I'm hurt that my friends didn't invite me",
            "you shouldn't be so upset about a party",
            "you shouldn't be so upset about a party",
        ),
        (
            "I'm jealous of my brother's success",
            "you shouldn't feel like that, be happy for him",
            "you shouldn't feel like that",
        ),
        ("I got really mad at my roommate", "You shouldn't be angry at her.", None),
        ("Nobody at work talks to me", "Maybe the problem is you.", "the problem is you"),
        ("I can't stop crying", "You're the problem, not her.", "You're the problem"),
        (
            "I cheated and she left",
            "That's your own fault honestly.",
            "That's your own fault honestly",
        ),
    ],
)
def test_judging_words_are_found_to_their_clause_end(
    seeker: str, response: str, words: str | None
) -> None:
    if words is None:  # "at her" ends no clause: the words run to the reply's end
        words = response.rstrip(".")
    assert judging_in(seeker, response) == words


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # comfort where the seeker blames themselves, or the reply clears them
        ("I feel so guilty that I wasn't there", "You shouldn't feel guilty, it's not your fault."),
        (
            "I feel like it's my fault my parents split up",
            "You shouldn't feel that way, it's not your fault at all.",
        ),
        ("I'm angry at myself", "You shouldn't be angry with yourself."),
        ("I'm sad I moved", "You shouldn't feel that way, you did everything you could."),
        ("I feel ashamed of crying at work", "You shouldn't be ashamed, crying is human."),
        ("I feel bad for yelling at my kids", "You shouldn't feel bad, everyone loses it."),
        ("I'm exhausted", "You shouldn't have to feel this way."),
        # denials and others' lack of right
        ("I'm upset that I failed", "It's not your fault, you did your best."),
        ("My dad says it's my fault", "I don't think it's your fault at all."),
        ("I'm furious at my ex", "I don't think you shouldn't feel that way."),
        ("My coworker yelled at me", "He had no right to talk to you like that."),
        ("I'm angry my landlord kept my deposit", "You have every right to be angry."),
        # reported as someone else's, or the seeker's own words said back
        (
            "I'm angry at my sister",
            "Anyone telling you that you have no right to be angry is wrong.",
        ),
        ("I'm so mad at my dad", "Don't let anyone tell you that you have no right to be mad."),
        ("My ex blames me", "He makes you feel like it's your fault, but it isn't."),
        ("My mom says I have no right to be sad", "Hearing you have no right to be sad hurts."),
        ("My mom says I have no right to be sad", "She says you have no right to be sad?"),
        (
            "My friends say I shouldn't feel this way about the breakup",
            "Maybe you shouldn't feel this way, but you do.",
        ),
    ],
)
def test_comfort_denials_and_reported_words_are_no_judging(seeker: str, response: str) -> None:
    assert judging_words(response, seeker) is None


@pytest.mark.parametrize(
    ("response", "reported"),
    [
        ("Anyone telling you that you have no right to be angry is wrong.", True),
        ("hearing her say you have no right to be sad really hurt", True),
        ("they act like you have no right to complain", True),
        ("you have no right to be upset", False),
        ("Honestly you have no right to be upset", False),
    ],
)
def test_words_reported_as_someone_elses(response: str, reported: bool) -> None:
    assert said_by_others(response, response.index("you have no right")) is reported


def test_blame_after_a_negation_or_reported_is_no_blame() -> None:
    assert blames("You have no right to be angry.")
    assert not blames("I don't think it's your fault.")
    assert not blames("Don't let anyone tell you that you have no right to be mad.")


@pytest.mark.parametrize(
    ("response", "word", "kind"),
    [
        ("you're lonely because you push everyone away", "lonely", HELD_AGAINST),
        ("you get annoyed too easily", "annoyed", HELD_AGAINST),
        ("You're scared of nothing.", "scared", HELD_AGAINST),
        ("You're just bitter.", "bitter", "just or too"),
        ("You're not lazy, you're just exhausted.", "exhausted", "just or too"),
        ("You always get so anxious.", "anxious", "habit"),
        ("You're angry?", "angry", "echo"),
        ("You look happy in your pictures though?", "happy", "though"),
        ("You feel lonely.", "lonely", None),
    ],
)
def test_judged_says_how_the_feeling_is_held_against_them(
    response: str, word: str, kind: str | None
) -> None:
    match = re.search(word, response)
    assert match is not None
    head = clause_head(response, match)
    assert judged(response, match.start(), match.end(), head, as_said("I'm upset.")) == kind


# --- a review of the remarks and judging words (F1-F4, F8) --------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "words"),
    [
        # blame after a remark of sympathy (F1)
        (
            "my wife left me and took the kids",
            "That's so sad. but honestly you saw this coming.",
            "you saw this coming",
        ),
        (
            "my wife left me",
            "How sad. You probably deserved it though.",
            "You probably deserved it though",
        ),
        (
            "i lost my job",
            "that's rough. guess you should've worked harder",
            "you should've worked harder",
        ),
        (
            "I'm upset about failing my exam",
            "well you should have studied more",
            "you should have studied more",
        ),
        # plain blame (F8)
        ("I hate my job, it's killing me", "you chose this", "you chose this"),
        ("I took a bunch of pills an hour ago", "you chose this", "you chose this"),
        ("im so done with my family", "sounds like a you problem tbh", "a you problem tbh"),
        # a trait held against them (F8)
        (
            "I lost my wallet and I'm freaking out",
            "you're so careless, that's the third time this year",
            "you're so careless",
        ),
        (
            "my boyfriend says I'm too needy and I'm sad",
            "he's right tho, you are needy",
            "you are needy",
        ),
        (
            "I'm frustrated with my slow progress at the gym",
            "you're just impatient",
            "you're just impatient",
        ),
    ],
)
def test_blame_and_traits_held_against_them_are_judging(
    seeker: str, response: str, words: str
) -> None:
    assert judging_in(seeker, response) == words


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # company wished them, no judgment (F2)
        ("i'm spending christmas by myself this year", "You shouldn't be sad alone, come to ours!"),
        (
            "my cat is at the vet overnight and I'm a wreck",
            "you shouldn't be upset alone tonight, want me to come over?",
        ),
        ("I'm a wreck tonight", "You shouldn't be upset by yourself. I can come over."),
        ("I'm a wreck tonight", "you shouldn't be sad on your own"),
        # the seeker's past or their own sense of it said back (F3)
        (
            "growing up my feelings never mattered to anyone",
            "I know it felt like you had no right to feel hurt back then.",
        ),
        (
            "My dad used to scream at me whenever I cried",
            "It's like you had no right to be sad in that house.",
        ),
        (
            "my mom always acted like my anxiety was fake",
            "You learned you had no right to be anxious. That's a lot to carry.",
        ),
        ("my parents never let me cry", "You were taught you had no right to be upset."),
        ("nobody cared how I felt", "It sounds like you feel like you have no right to be sad."),
        # blame granted only as a condition, denied traits, what a trait keeps them from
        ("my wife left me", "Even if you saw it coming, it still hurts."),
        ("I feel so needy", "You're not needy at all."),
        ("I start my new job monday", "you're so impatient to start, I love it"),
        ("I won the award", "You deserved it!"),
    ],
)
def test_company_their_past_and_denials_are_no_judging(seeker: str, response: str) -> None:
    assert judging_words(response, seeker) is None


@pytest.mark.parametrize(
    "response",
    [
        # the helper's own present view framed so is still theirs
        "It's like you have no right to be upset.",
        "I feel like you have no right to be upset.",
        # an offer long after it does not make it company
        "You shouldn't be so upset about a party, it's just one night of your life and "
        "honestly nobody will remember it. I can come over if you want.",
    ],
)
def test_the_helpers_own_view_stays_judging(response: str) -> None:
    assert judging_words(response, "I'm upset") is not None


@pytest.mark.parametrize(
    ("seeker", "response", "held"),
    [
        # words after the feeling come before "just" (F4)
        (
            "i feel so jealous of my friends' relationships",
            "you're just bitter because you're single",
            "you're just bitter because you're single",
        ),
        (
            "I'm anxious all the time",
            "you're just anxious because you drink too much coffee lol",
            "you're just anxious because you drink too much coffee lol",
        ),
        # "mad" and "pissed" are read in a reply (F4)
        ("i'm pissed my boss denied my vacation", "you get mad over nothing", None),
        ("i'm pissed my boss denied my vacation", "you get pissed over nothing", None),
        # a habit that makes light of what it is about (F4)
        (
            "I'm upset my kids never call",
            "you always get upset about this stuff",
            "you always get upset about this stuff",
        ),
    ],
)
def test_a_feeling_held_against_them_is_found(seeker: str, response: str, held: str | None) -> None:
    found = reply_reading(response, seeker).held
    assert found is not None
    assert response[found[0] : found[1]] == (held or response)


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # "just" after a denial is kind, also with a cause
        (
            "I feel so lazy",
            "You're not lazy, you're just exhausted because you've been working nonstop.",
        ),
        # a habit alone is not quoted ("You always get so anxious" may be said kindly)
        (
            "I have an exam tomorrow",
            "You always get so anxious before exams, and you always do great.",
        ),
        # the seeker's own "mad" said back is no judgment
        ("I'm so mad at my brother", "You must be so mad at him."),
    ],
)
def test_kind_just_habits_and_echoes_are_not_held(seeker: str, response: str) -> None:
    assert reply_reading(response, seeker).held is None


# --- a second review: kind replies with blame-like words ----------------------------------


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        # "no right to" the seeker's self-criticism, beside clearing words, before a reflection
        (
            "I keep apologising for being upset about my miscarriage",
            "You have no right to be this hard on yourself. You lost a baby.",
        ),
        (
            "I keep saying sorry to everyone since the accident",
            "you have no right to be sorry, none of it was your fault",
        ),
        (
            "my mom says i'm not allowed to cry at home",
            "So at home you have no right to be sad, even when you're hurting. "
            "That sounds suffocating.",
        ),
        # "you chose this" / "you saw this coming" with praise after it
        (
            "My sister stopped talking to me and I stayed by her side anyway",
            "You saw this coming and still showed up for her. That's loyalty.",
        ),
        ("I decided to move back home to be near my mum", "you chose this. it was brave."),
        (
            "I decided to move back home to be near my mum after her diagnosis",
            "You chose this, and I think it says everything about how much you love her.",
        ),
    ],
)
def test_blame_words_kind_in_context_are_not_judging(seeker: str, response: str) -> None:
    assert judging_in(seeker, response) is None
    assert not blames(response)


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("You have no right to be sad about this.", "You have no right to be sad about this"),
        (
            "you have no right to feel sorry for yourself",
            "you have no right to feel sorry for yourself",
        ),
        ("you chose this.", "you chose this"),
        ("You saw this coming. Deal with it.", "You saw this coming"),
    ],
)
def test_blame_words_without_kind_context_stay_judging(response: str, words: str) -> None:
    assert judging_in("I'm upset", response) == words


@pytest.mark.parametrize(
    ("seeker", "response", "word"),
    [
        (
            "I'm so tired, I've been doing all the caring for my dad alone",
            "you're just exhausted because you've been doing everything alone. of course you are",
            "exhausted",
        ),
        (
            "I can't stop crying since he left",
            "You're just sad because you miss him. That's normal and okay.",
            "sad",
        ),
    ],
)
def test_just_a_feeling_with_a_kind_cause_or_validated_is_not_held_against_them(
    seeker: str, response: str, word: str
) -> None:
    match = re.search(word, response)
    assert match is not None
    head = clause_head(response, match)
    kind = judged(response, match.start(), match.end(), head, as_said(seeker))
    assert kind != HELD_AGAINST


@pytest.mark.parametrize(
    "response",
    [
        "you're just bitter because you're single",
        "you're just sad because you have nothing else going on",
    ],
)
def test_just_a_feeling_put_down_to_their_fault_stays_held_against_them(response: str) -> None:
    word = "bitter" if "bitter" in response else "sad"
    match = re.search(word, response)
    assert match is not None
    head = clause_head(response, match)
    assert judged(response, match.start(), match.end(), head, as_said("I'm upset")) == HELD_AGAINST


@pytest.mark.parametrize(
    ("response", "words"),
    [
        # a trait held against them in the past, or as what they can be
        (
            "aww dont cry hun, honestly you were probably a bit too clingy for him anyway",
            "you were probably a bit too clingy for him anyway",
        ),
        ("You've been so needy lately.", "You've been so needy lately"),
        ("you can be really selfish", "you can be really selfish"),
        # a denied saying ends at "but": the words after it are the helper's own
        (
            "I'm not saying you're a bad mom, but honestly that's your own fault.",
            "that's your own fault",
        ),
        # the helper's own opinion is no report
        ("I think that's your own fault.", "that's your own fault"),
        # blame hedged, and hindsight
        (
            "Honestly it's kind of your fault for lending him money.",
            "it's kind of your fault for lending him money",
        ),
        ("so you must have known this was coming.", "you must have known this was coming"),
    ],
)
def test_more_traits_and_blame_are_judging(response: str, words: str) -> None:
    assert judging_in("I feel awful about it", response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Honestly, you were never too clingy. He just wasn't ready.",
        "Even if you were a bit needy, he should have talked to you.",
        "None of this is your fault.",
        "People around you assume that's your own fault, and they're wrong.",
        "I don't think that's your own fault.",
    ],
)
def test_denied_conceded_and_reported_traits_are_no_judging(response: str) -> None:
    assert judging_in("I feel awful about it", response) is None

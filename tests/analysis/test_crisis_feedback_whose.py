"""Whose risk the crisis feedback reads (:func:`carelens.analysis.crisis_feedback.crisis_sentence`):
a death by overdose is a loss (:mod:`carelens.analysis.crisis_loss_overdose`), not a living
person's risk; the seeker's "I've been thinking about it too" or "me too" after another's
attempt or death is the seeker's own risk (:mod:`carelens.analysis.crisis_following`); and a
crisis word with a plain hyphen inside ("sui-cide") is read as the plain word."""

from __future__ import annotations

import pytest
from crisis_feedback_helpers import NOTHING, OWN, WHY, at_risk, own, said

import carelens
from carelens.analysis.crisis_feedback import CRISIS_LINES, crisis_sentence
from carelens.analysis.crisis_loss import losses
from carelens.types import Span


def overdose_loss(words: str) -> str:
    """The crisis sentence for a death by overdose that quotes ``words``, the reply having done
    nothing."""
    return (
        f'They wrote "{words}" about someone lost to an overdose: read their message closely, '
        "acknowledge the loss, ask how they are coping and whether they are safe, and share a "
        f"crisis line they can use ({CRISIS_LINES})."
    )


# --- a death by overdose is a loss -----------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("lost my son to an overdose in 2021 and the holidays are unbearable",
         "lost my son to an overdose"),
        ("It's been a year since my brother overdosed and the holidays are unbearable.",
         "a year since my brother overdosed"),
        ("my best friend died of an overdose", "died of an overdose"),
        ("he passed from a fentanyl overdose", "passed from a fentanyl overdose"),
        ("she overdosed last summer and didn't make it",
         "overdosed last summer and didn't make it"),
        ("My brother overdosed in May. He never woke up.",
         "overdosed in May. He never woke up"),
        ("my brother overdosed and we buried him a week later", "overdosed and we buried him"),
        ("Her fatal overdose broke our family.", "fatal overdose"),
        ("the anniversary of my brother's overdose is tomorrow",
         "anniversary of my brother's overdose"),
    ],
)  # fmt: skip
def test_a_death_by_overdose_is_a_loss(seeker: str, words: str) -> None:
    # Each was 'They wrote "overdose" about someone at risk: ... ask about that person and
    # whether they are safe now', as if the one who died could still be saved.
    assert said(seeker) == overdose_loss(words)


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("she OD'd last summer and didn't make it", "OD'd last summer and didn't make it"),
        ("my best friend died of an OD", "died of an OD"),
        ("We lost him to an overdose.", "lost him to an overdose"),
        ("my dad died of an 0verdose", "died of an 0verdose"),  # a disguised spelling
    ],
)
def test_a_death_by_overdose_is_told(seeker: str, words: str) -> None:
    assert [seeker[start:end] for start, end in losses(seeker)] == [words]


def test_an_od_told_as_a_death_is_a_loss_whatever_cue_reads_it() -> None:
    # "OD'd" is a cue of the patterns in a later version; the sentence for it is read here.
    seeker = "she OD'd last summer and didn't make it"
    cue = Span(4, 8, "self_harm", 1.0)
    assert crisis_sentence(seeker, [cue], NOTHING) == overdose_loss(
        "OD'd last summer and didn't make it"
    )


def test_what_the_reply_did_for_a_death_by_overdose_is_said_so() -> None:
    seeker = "lost my son to an overdose in 2021 and the holidays are unbearable"
    assert said(seeker, "I'm so sorry for your loss.") == (
        'They wrote "lost my son to an overdose" about someone lost to an overdose: you '
        "acknowledged the loss; also ask how they are coping and whether they are safe, and "
        f"share a crisis line they can use ({CRISIS_LINES})."
    )
    response = (
        "I'm so sorry for your loss. How are you holding up? Are you safe right now? You can "
        "call or text 988 any time."
    )
    assert said(seeker, response) == (
        'They wrote "lost my son to an overdose" about someone lost to an overdose: you '
        "acknowledged the loss, asked how they are coping, asked whether they are safe, and "
        "shared a crisis line, as a message like this needs; keep reading closely what they "
        "answer."
    )


def test_the_analyzer_acknowledges_a_death_by_overdose() -> None:
    seeker = "lost my son to an overdose in 2021 and the holidays are unbearable"
    with carelens.load() as analyzer:
        result = analyzer.analyze(seeker, "I'm so sorry for your loss.")
    assert result.feedback[0].startswith(
        'They wrote "lost my son to an overdose" about someone lost to an overdose:'
    )
    assert "whether they are safe now" not in " ".join(result.feedback)


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("We lost my dad to a heroin overdose and I want to join him", "I want to join him"),
        ("my best friend died of an overdose. sometimes i think about doing the same",
         "think about doing the same"),
    ],
)  # fmt: skip
def test_the_wish_to_follow_one_lost_to_an_overdose_comes_first(seeker: str, words: str) -> None:
    # It was 'They wrote "overdose" about someone at risk'. The words quoted are the cue's
    # where the patterns read one, else from the seeker's word ("i think about ...").
    sentence = said(seeker)
    assert sentence.startswith('They wrote "') and sentence.endswith(OWN)
    assert words in sentence


def test_a_death_by_suicide_is_read_before_one_by_overdose() -> None:
    seeker = "My mom died by suicide and my uncle died of an overdose the same year."
    assert said(seeker).startswith(
        'They wrote "died by suicide" about someone lost to suicide: read their message '
        f"closely, acknowledge the loss, ask how they are coping and whether they are safe {WHY}"
    )


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # an overdose survived, or its end not told: a living person's risk
        ("my brother overdosed last night and is in the ICU", "overdosed"),
        ("My brother overdosed last year and he's doing better now", "overdosed"),
        ("my brother overdosed and almost died", "overdosed"),
        ("my brother overdosed and my dad died last year", "overdosed"),
        ("I almost lost my son to an overdose", "overdose"),
        ("It's been a year since my brother overdosed and he's been clean since", "overdosed"),
        ("It's been a week since my son overdosed and he still won't talk to me", "overdosed"),
        ("I've been a mess since my brother overdosed", "overdosed"),
        ("she had a non-fatal overdose last week", "overdose"),
        ("he survived a fentanyl overdose last month", "overdose"),
    ],
)
def test_an_overdose_survived_stays_a_living_persons_risk(seeker: str, words: str) -> None:
    assert said(seeker) == at_risk(words)


def test_the_seekers_own_overdose_stays_theirs() -> None:
    assert said("It's been a year since I overdosed") == own("overdosed")


# --- the seeker's "too" after another's attempt or death --------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("my dad attempted suicide last year. me too honestly", "me too"),
        ("my dad attempted suicide last year. honestly, me too.", "me too"),
        ("my son is suicidal. so am i.", "so am i"),
        ("my son wants to kill himself. i do too", "i do too"),
        ("my sister cuts herself and honestly i've had those thoughts too",
         "i've had those thoughts too"),
        ("my brother tried to kill himself. I attempted too, years ago.", "I attempted too"),
        ("my brother tried to kill himself. I've also been thinking about it",
         "I've also been thinking about it"),
        ("my sister cuts herself and i do the same", "i do the same"),
    ],
)  # fmt: skip
def test_the_seekers_own_risk_after_anothers_is_asked_about_first(seeker: str, words: str) -> None:
    # Each was 'They wrote "..." about someone at risk: ... ask about that person', the
    # seeker's own risk given to someone else.
    assert said(seeker) == own(words)


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("since my dad's suicide attempt i've been thinking about it too",
         "thinking about it too"),
        ("since my dad's suicide attempt i've thought about doing it too",
         "thought about doing it too"),
        ("my brother tried to kill himself last month and i've thought about it too",
         "thought about it too"),
        ("My friend died by suicide and I've been thinking about it too.",
         "thinking about it too"),
    ],
)  # fmt: skip
def test_thinking_about_it_too_is_the_seekers_own_risk(seeker: str, words: str) -> None:
    # The words quoted are the cue's where the patterns read one ("thinking about it too"),
    # else from the seeker's word ("i've been thinking about it too").
    sentence = said(seeker)
    assert sentence.startswith('They wrote "') and sentence.endswith(OWN)
    assert words in sentence
    assert "someone at risk" not in sentence and "lost to suicide" not in sentence


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # another person's thoughts, or no "too" of the seeker's risk
        ("My dad tried to kill himself. My mom has been thinking about it too.",
         "tried to kill himself"),
        ("My sister cuts herself. She hates school, me too.", "cuts herself"),
        ("My brother said he wants to kill himself. He texted my mom and me too.",
         "wants to kill himself"),
        ("my brother tried to kill himself and I tried too hard to stop him",
         "tried to kill himself"),
        ("my dad attempted suicide and I was there too", "suicide"),
    ],
)  # fmt: skip
def test_no_own_risk_is_read_where_none_is_told(seeker: str, words: str) -> None:
    assert said(seeker) == at_risk(words)


def test_a_denied_wish_after_a_loss_is_none() -> None:
    seeker = "My mom died by suicide. I would never do the same to my kids."
    assert said(seeker).startswith('They wrote "died by suicide" about someone lost to suicide')


# --- a crisis word with a hyphen inside -------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("I want to commit sui-cide", "sui-cide"),
        ("I want to k-ill myself", "k-ill myself"),
        ("i have sui-cidal thoughts every night", "sui-cidal"),
    ],
)
def test_a_crisis_word_with_a_hyphen_inside_is_the_seekers_cue(seeker: str, words: str) -> None:
    # Each was no cue at all, and so no crisis sentence.
    assert said(seeker) == own(words)


def test_a_death_by_suicide_with_a_hyphen_inside_is_a_loss() -> None:
    assert said("my dad died by sui-cide last year") == (
        'They wrote "died by sui-cide" about someone lost to suicide: read their message '
        f"closely, acknowledge the loss, ask how they are coping and whether they are safe {WHY}, "
        f"and share a crisis line they can use ({CRISIS_LINES})."
    )

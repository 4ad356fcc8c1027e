"""The writer's denial of a crisis cue (:mod:`carelens.analysis.crisis_denials`): a life
without such thoughts ("i've never had thoughts of hurting myself") and the writer's answer to
what someone else asks of them ("people keep asking if i'm suicidal... i'm not") are no cue and
are negated mentions; the same words undone, unsure, turned to a yes or beside thoughts of it
stay cues. The three first denied cases were false cues a blind review found."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues, negated_mentions
from carelens.analysis.crisis_denials import writer_denies


@pytest.mark.parametrize(
    "text",
    [
        "to be clear i've never had thoughts of hurting myself",
        "never self harmed, never had suicidal thoughts",
        "people keep asking if i'm suicidal... i'm not",
        "I have never had any suicidal thoughts, I just feel flat",
        "everyone thinks i'm suicidal but i'm not, i'm just exhausted",
        "my therapist asked if i self harm. i don't.",
        "my mom asked if i want to kill myself and i said no",
    ],
)
def test_a_plain_denial_is_no_cue_and_a_negated_mention(text: str) -> None:
    assert crisis_cues(text) == ()
    assert negated_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "people keep asking if i'm suicidal. i'm not sure anymore",
        "my mom asked if i want to kill myself. i'm not going to lie, i do",
        "i had never had suicidal thoughts until last month",
        "never had suicidal thoughts before last night",
        "everyone asks if i'm suicidal. i'm not, but i think about it every day",
        "i wonder if i'm suicidal. i'm not sure",
        "i haven't had thoughts of killing myself in a while but tonight they're back",
        "people keep asking if i'm suicidal and honestly yes",
    ],
)
def test_a_denial_undone_unsure_or_turned_stays_a_cue(text: str) -> None:
    assert crisis_cues(text)


def test_the_denial_reads_the_cue_itself() -> None:
    text = "people keep asking if i'm suicidal... i'm not"
    start = text.index("suicidal")
    assert writer_denies(text, start, start + len("suicidal"))
    assert not writer_denies(text.replace("i'm not", "i'm not sure"), start, start + 8)


@pytest.mark.parametrize(
    "text",
    [
        "no thoughts of suicide at all, just really stressed about exams",
        "i don't have any thoughts of self harm, i'm just burnt out",
        "to be honest i have no thoughts of ending my life, i'm grieving my cat",
        "my doctor asked if i'd had any thoughts of ending my life and i truthfully said no",
        "my mum thinks i'm suicidal because i stopped eating dinner with them. i'm not. dieting",
        "my teacher thought i was going to hurt myself because i drew a sad picture. i wasn't",
    ],
)
def test_no_such_thoughts_now_and_an_answer_after_why_they_ask_are_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
    assert negated_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "no thoughts of anything but ending my life",
        "i have no thoughts of suicide until the night comes",
        "no urges to self harm today, which is a first this month",
        "my mum thinks i'm suicidal because i stopped eating. i am.",
        "everyone thinks i'm suicidal because i cry. i'm not sure anymore",
        "my mum thinks i'm suicidal because i cry but she's right. i'm not okay",
        "i can't say i have no thoughts of suicide",
        "no thoughts of suicide, just a plan",
        "no thoughts of self harm lately but i have been thinking about dying",
    ],
)
def test_no_thoughts_undone_and_an_answer_that_is_no_denial_stay_cues(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "every morning i wonder why i haven't killed myself. fewer reasons each week",
        "why haven't i killed myself yet",
        "the only reason i havent killed myself is my mum",
        "he's the only reason I haven't killed myself yet and if he dies I'm going through with it",
        "i haven't killed myself yet. not yet anyway",
    ],
)
def test_a_denial_asked_why_or_held_off_yet_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "reasons why I would never kill myself: my kids",
        "Why would I never hurt myself? because I love my kids",
        "I have not hurt myself, why do you ask",
        "i haven't hurt myself in two years",
    ],
)
def test_a_denial_with_a_why_beside_it_stays_a_denial(text: str) -> None:
    assert crisis_cues(text) == ()

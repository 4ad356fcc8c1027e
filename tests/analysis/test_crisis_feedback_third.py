"""The seeker's own risk told beside a loss comes first in the crisis feedback
(:func:`carelens.analysis.crisis_feedback.crisis_sentence`): signs of it in words that are no
crisis cue (:mod:`carelens.analysis.crisis_loss_signs`: "i've relapsed and i don't care if i
wake up", "i have my own plan now", "i'll be next"), wishes to be with the one lost or to have
gone with them (:mod:`carelens.analysis.crisis_following`), and a cue in a clause of its own
after the words of the death ("my dad died by suicide and want to die too"); a living person's
risk told beside a loss is theirs ("his twin is using again"); a denial is none ("not that
i'd ever do the same"), and grief told in the words of a risk stays a loss ("I'm a mess",
"part of me died with him", "I attempted CPR")."""

from __future__ import annotations

import pytest
from crisis_feedback_helpers import OWN, at_risk, own, said

import carelens


def is_a_loss(sentence: str) -> bool:
    """Whether ``sentence`` is the one for a loss (to suicide or to an overdose)."""
    return '" about someone lost to ' in sentence


# --- the seeker's own risk beside a loss comes first -----------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # the review's messages: each was the sentence for a loss, the seeker's risk unasked
        ("my fiancé died of a fentanyl overdose in january. i've relapsed and honestly i don't "
         "care if i wake up", "i've relapsed"),
        ("my twin overdosed and died. i've been using the same pills, hoping",
         "i've been using the same pills"),
        ("my dad died by s.u.i.c.i.d.e and i just want to be with him",
         "i just want to be with him"),
        ("my buddy died of a fentanyl overdose. been hoarding my oxy, just in case",
         "hoarding my oxy"),
        ("my stepdad died of an overdose and honestly i wish i had died with him",
         "i wish i had died with him"),
        ("my neighbour's lad died of an overdose and i keep thinking i'd rather not be here "
         "either", "i'd rather not be here"),
        ("lost my ex to an overdose. i've been using again and i dont care if i wake up",
         "i've been using again"),
        ("my wife died by suicide last year and i want to be with her", "i want to be with her"),
        ("my dad died by suicide in 2019 and sometimes i wish i had gone with him",
         "i wish i had gone with him"),
        ("my son died by suicide and i attempted a month later", "i attempted"),
        ("my fiance died by suicide. i have my own plan now.", "i have my own plan"),
        ("my dad died by suicide when i was 10. now i'm 35 and i've been planning mine",
         "i've been planning mine"),
        ("my sister died by suicide and i keep thinking i'll be next",
         "i keep thinking i'll be next"),
        ("my mom died by suicide. i have the same thoughts she had",
         "i have the same thoughts she had"),
        ("since my father's suicide i wonder if it runs in the family. i've had the urges too",
         "i've had the urges too"),
        ("lost my best friend to suicide. i wish it had been me instead",
         "i wish it had been me"),
        ("my dad died by suicide and i keep thinkin about doin it 2",
         "i keep thinkin about doin it 2"),
        ("My girlfriend died by suicide in March. I want to follow her.", "I want to follow her"),
        # variants of them
        ("lost my mom to an overdose and i don't care if i wake up tomorrow",
         "i don't care if i wake up"),
        ("my brother died of an overdose last spring and i've been stockpiling my xanax",
         "i've been stockpiling my xanax"),
        ("my mom died of an overdose. i keep staring at her leftover pills",
         "i keep staring at her leftover pills"),
        ("my husband died by suicide and honestly i feel like such a burden to everyone",
         "i feel like such a burden"),
        ("my son died of an overdose and i don't want to wake up anymore",
         "don't want to wake up"),
        ("my girlfriend died by suicide and i wish i had gone with her",
         "i wish i had gone with her"),
        ("my cousin died by suicide. i've tried before too, back in high school",
         "i've tried before too"),
        ("lost my dad to suicide 3 yrs ago. i want to go where he went",
         "i want to go where he went"),
        ("my mom died by su!cide last year. i dont see the point of being here without her",
         "i dont see the point of being here"),
        ("my best friend died by suicide in may and i've relapsed twice since", "i've relapsed"),
        ("my mom died by suicide when i was little and now i'm the same age she was and the "
         "thoughts have started", "the thoughts have started"),
        ("my best friend died by suicide and honestly nobody would miss me",
         "nobody would miss me"),
        ("my brother died by suicide and everything feels pointless now",
         "everything feels pointless"),
        ("my dad died by suicide and i've attempted too", "i've attempted too"),
        ("my dad died by suicide and honestly what's the point of living",
         "what's the point of living"),
    ],
)  # fmt: skip
def test_the_seekers_own_risk_beside_a_loss_is_asked_about_first(seeker: str, words: str) -> None:
    assert said(seeker) == own(words)


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("my dad died by suicide and want to die too", "want to die"),
        ("my dad died by suicide and honestly wanna kms", "kms"),
        ("my brother died by suicide and been thinking of ending it", "thinking of ending it"),
        ("my dad died by suicide and now suicidal thoughts every night", "suicidal"),
        ("lost my mom to an overdose, thinking about overdosing too", "overdosing"),
    ],
)
def test_a_cue_in_a_clause_of_its_own_after_a_loss_is_the_seekers(seeker: str, words: str) -> None:
    # Each was the sentence for the loss: a cue after the words of a death in its sentence,
    # no one named between, was read as part of it.
    assert said(seeker) == own(words)


@pytest.mark.parametrize(
    "seeker",
    [
        # the word of the death itself, or a cue tied to the death: the loss
        "Since my brother killed himself, suicide is all I think about.",
        "She died by suicide after years of wanting to die.",
        "my brother died by suicide and suicide runs in my family",
    ],
)
def test_a_cue_tied_to_the_death_stays_the_loss(seeker: str) -> None:
    assert is_a_loss(said(seeker))


def test_the_seeker_named_with_another_shares_their_risk() -> None:
    # It was 'They wrote "self harm" about someone at risk', the seeker's own given to the
    # sister.
    assert said("me and my sister both self harm") == own("self harm")
    assert said("my brother and me both self harm") == own("self harm")


def test_the_seekers_answer_with_a_time_after_anothers_attempt_is_theirs() -> None:
    assert said("my gf attempted suicide and i did too last year") == own("i did too")


# --- a living person's risk beside a loss ---------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("lost my son to an overdose and his twin is using again and talks about not wanting "
         "to live", "twin is using again"),
        ("my mom died of an overdose last year and my little brother is using the same stuff "
         "now", "brother is using the same stuff"),
        ("Sarah died by suicide in 2020. Her brother Tom has tried twice since.",
         "Tom has tried twice"),
        ("My dad died by suicide. My brother attempted last year too and he's 19 now.",
         "brother attempted"),
        ("my wife died by suicide and our son keeps saying he wants to be with mommy",
         "he wants to be with mommy"),
        ("my dad died of an overdose and my sister has relapsed", "sister has relapsed"),
    ],
)  # fmt: skip
def test_a_living_persons_risk_beside_a_loss_is_theirs(seeker: str, words: str) -> None:
    # Each was the sentence for the loss: the brother, the twin, Tom not asked about.
    assert said(seeker) == at_risk(words)


@pytest.mark.parametrize(
    "seeker",
    [
        # the earlier acts of the one who died are part of the loss
        "She died by suicide after years of fighting depression. She tried twice before.",
        "My brother died of an overdose. He had relapsed twice before that.",
        # a living person doing well
        "my mom died of an overdose and my brother is doing better now, he's been clean a year",
    ],
)
def test_no_living_persons_risk_is_read_where_none_is_told(seeker: str) -> None:
    assert is_a_loss(said(seeker))


# --- denials, and grief in the words of a risk ----------------------------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        # the review's: each quoted the denial as the seeker's own cue
        "my friend died by suicide and i don't think about doing the same, i just feel numb",
        "my brother died by suicide. not that i'd ever do the same, i just miss him",
        "people worry i'll do the same since my dad died by suicide, but i won't",
        # variants
        "my mom died by suicide and i don't want to do the same to my kids",
        "my dad died by suicide and i never attempted, i'm just sad",
        "my mom died of an overdose and i haven't relapsed, i'm 3 years clean",
        "my best friend died by suicide and i won't do the same, i've seen what it does",
    ],
)
def test_a_denial_beside_a_loss_is_no_risk_of_the_seekers(seeker: str) -> None:
    assert is_a_loss(said(seeker))


def test_a_denial_undone_is_the_seekers_risk() -> None:
    seeker = "my dad died by suicide and i never thought about doing the same until now"
    sentence = said(seeker)
    assert sentence.startswith('They wrote "') and sentence.endswith(OWN)


def test_the_same_after_another_act_is_read_as_a_risk_when_in_doubt() -> None:
    # "the same" may be moving out; safety first, the seeker is asked directly.
    seeker = "my dad died by suicide. my sister moved out after, and i think about doing the same"
    assert said(seeker) == own("i think about doing the same")


@pytest.mark.parametrize(
    "seeker",
    [
        "my mom died by suicide and i'm a mess, i can't handle this",
        "my husband died by suicide and part of me died with him",
        "my wife died by suicide and i wish i had been with her when it happened",
        "my brother died by suicide and i tried twice to get him into treatment",
        "my mom died by suicide. i attempted to call her that night but she didn't pick up",
        "my friend died by suicide and i attempted cpr until the paramedics came",
        "my dad died by suicide and i just want to be with my family right now",
        "my mom died by suicide and my dad is alone now, i want to be with him",
        "my mom died by suicide and i feel nothing, i'm numb",
        "my mom died by suicide and i still can't take it in",
        "my dad died by suicide and i relapsed into old habits like smoking",
        "my husband died by suicide and nobody wants to talk about it",
        "my friend died by suicide and i think the doctors were useless",
        "my dad died by suicide and i carry the burden of not knowing why",
        "my dad died by suicide and i have a plan for the memorial service",
        "my sister died by suicide and i'm next in line to speak at the funeral",
        "my friend died of an overdose and i've been using the same therapist she had",
        "my dad died by suicide. i said goodbye to him at the funeral and it was the last time",
        "my son died by suicide and i visit the grave every day",
        "my dad died by suicide and i'm on my way out of the house to the memorial",
        "my brother died by suicide. i was supposed to go with him to the game that weekend",
        "my dad died by suicide and my sister doesn't want to live here anymore",
        "my dad died by suicide and my brother says the thoughts are back",
        "my dad died by suicide and the number one point of life is to live, my therapist says",
    ],
)
def test_grief_in_the_words_of_a_risk_stays_a_loss(seeker: str) -> None:
    assert is_a_loss(said(seeker))


# --- in the analyzer's feedback --------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("my fiancé died of a fentanyl overdose in january. i've relapsed and honestly i don't "
         "care if i wake up", "i've relapsed"),
        ("my wife died by suicide last year and i want to be with her", "i want to be with her"),
    ],
)  # fmt: skip
def test_the_analyzer_asks_about_the_seekers_own_risk_first(seeker: str, words: str) -> None:
    with carelens.load() as analyzer:
        result = analyzer.analyze(seeker, "I'm so sorry.")
    assert result.feedback[0].startswith(f'They wrote "{words}": read their message closely')

"""Crisis feedback for someone the seeker lost to suicide (:mod:`carelens.analysis.crisis_loss`,
:meth:`carelens.analysis.crisis_feedback._WhoseRisk.lost`): a bereaved seeker was told "ask
about that person and whether they are safe now, share a crisis line for them to use or
pass on", as if the one who died were at risk."""

from __future__ import annotations

import pytest

import carelens
from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import CRISIS_LINES, crisis_sentence
from carelens.analysis.crisis_loss import losses

NOTHING = "That is a lot to carry."
WHY = "(people who lose someone to suicide are at higher risk of suicide themselves)"


def said(seeker: str, response: str = NOTHING) -> str:
    """The crisis sentence for ``seeker``'s pattern cues and ``response``."""
    cues = crisis_cues(seeker)
    assert cues, seeker
    return crisis_sentence(seeker, cues, response)


def told(seeker: str) -> list[str]:
    """The words of ``seeker`` that tell of a death by suicide."""
    return [seeker[start:end] for start, end in losses(seeker)]


# --- what tells of a loss ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("My friend died by suicide last month.", "died by suicide"),
        ("We lost my dad to suicide two years ago.", "lost my dad to suicide"),
        ("My best friend committed suicide and I feel so guilty", "committed suicide"),
        ("She completed suicide in 2019.", "completed suicide"),
        ("My uncle passed away by suicide.", "passed away by suicide"),
        ("My brother suicided last spring.", "suicided"),
        ("My brother killed himself in March.", "killed himself"),
        ("It's been a year since she killed herself.", "killed herself"),
        ("Five people in my school have killed themselves.", "killed themselves"),
        ("My dad took his own life two years ago today.", "took his own life"),
        ("she took her life last spring", "took her life"),
        ("After my son's suicide I can't function.", "son's suicide"),
        ("After my son\u2019s suicide I can't function.", "son\u2019s suicide"),
        ("His suicide wrecked all of us.", "His suicide"),
        ("The suicide of my brother has wrecked me.", "The suicide of my brother"),
        ("Since the suicide I can't sleep.", "Since the suicide"),
        ("My friend died by sui\u00adcide.", "died by sui\u00adcide"),  # a soft hyphen inside
    ],
)
def test_a_death_by_suicide_is_told(seeker: str, words: str) -> None:
    assert told(seeker) == [words]


@pytest.mark.parametrize(
    "seeker",
    [
        # a living person's risk: an attempt, a wish, a near miss, a fear, a condition
        "She tried to kill herself last night.",
        "My son wants to kill himself.",
        "He almost killed himself.",
        "My brother nearly committed suicide.",
        "I almost lost my son to suicide.",
        "His suicide attempt scared me.",
        "I found her suicide note.",
        "What if he committed suicide?",
        "I'm scared he'll take his own life.",
        "He would have killed himself.",
        "People who plan their suicide rarely tell anyone.",
        # the seeker's own, a topic, another death, another sense of "her"
        "I almost committed suicide this last year.",
        "I think it's suicide for me tomorrow.",
        "She completed suicide prevention training.",
        "Cancer took her life.",
        "I told her suicide is never the answer.",
    ],
)
def test_no_death_by_suicide_is_told(seeker: str) -> None:
    assert told(seeker) == []


# --- the sentence for a loss --------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("My friend died by suicide last month and I can't stop thinking about it.", "died by "
         "suicide"),
        ("We lost my dad to suicide two years ago.", "lost my dad to suicide"),
        ("My best friend committed suicide and I feel so guilty", "committed suicide"),
        ("After my son's suicide I can't function.", "son's suicide"),
        ("The suicide of my brother has wrecked me.", "The suicide of my brother"),
        # a cue after the words of a loss in its sentence, no one else named between
        ("Since my brother killed himself, suicide is all I think about.", "suicide"),
    ],
)  # fmt: skip
def test_a_loss_asks_for_what_the_bereaved_need(seeker: str, words: str) -> None:
    # Each was "They wrote "suicide" about someone at risk: ... ask about that person and
    # whether they are safe now, share a crisis line for them to use or pass on ..." (the
    # suicide of my brother: "ask them directly whether they are thinking of harming
    # themselves", as if it were the seeker's own wording).
    assert said(seeker) == (
        f'They wrote "{words}" about someone lost to suicide: read their message closely, '
        f"acknowledge the loss, ask how they are coping and whether they are safe {WHY}, and "
        f"share a crisis line they can use ({CRISIS_LINES})."
    )


def test_what_the_reply_did_for_a_bereaved_seeker_is_said_so() -> None:
    seeker = "My friend died by suicide last month and I can't stop thinking about it."
    assert said(seeker, "I'm so sorry. How are you holding up?") == (
        'They wrote "died by suicide" about someone lost to suicide: you acknowledged the '
        f"loss and asked how they are coping; also ask whether they are safe {WHY} and share "
        f"a crisis line they can use ({CRISIS_LINES})."
    )
    response = (
        "I'm so sorry for your loss. How are you holding up? Are you having any thoughts of "
        "suicide yourself? You can call or text 988 any time."
    )
    assert said(seeker, response) == (
        'They wrote "died by suicide" about someone lost to suicide: you acknowledged the '
        "loss, asked how they are coping, asked whether they are safe, and shared a crisis "
        "line, as a message like this needs; keep reading closely what they answer."
    )


@pytest.mark.parametrize(
    "response",
    [
        "Did you know he was suicidal?",  # asks about the one who died, not the seeker
        "Sorry, but it's been a month, you need to move on.",  # no acknowledgement
        "Were you aware of his suicide plans?",
    ],
)
def test_a_question_about_the_one_who_died_is_no_question_about_the_seeker(
    response: str,
) -> None:
    seeker = "My best friend committed suicide and I feel so guilty"
    assert said(seeker, response).startswith(
        'They wrote "committed suicide" about someone lost to suicide: read their message '
        "closely, acknowledge the loss, ask how they are coping and whether they are safe"
    )


# --- the seeker's own cue and a living person's risk come first ---------------------------


@pytest.mark.parametrize(
    "seeker",
    [
        "Since my brother killed himself I want to die too.",
        "My friend died by suicide and now I want to die too.",
        "Since my brother killed himself, I've been suicidal.",
    ],
)
def test_the_seekers_own_cue_comes_before_a_loss(seeker: str) -> None:
    sentence = said(seeker)
    assert "ask them directly whether they are thinking of harming themselves" in sentence
    assert "lost to suicide" not in sentence and "someone at risk" not in sentence


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # an attempt is a living person at risk
        ("She tried to kill herself last night.", "tried to kill herself"),
        ("My brother almost committed suicide last week.", "suicide"),
        ("His suicide attempt scared me so much.", "suicide"),
        # the cue of a living person after a loss: their risk, not the loss, is quoted
        ("My dad died by suicide last year and now my brother says he wants to die.",
         "he wants to die"),
        ("Since my dad died by suicide, my sister says she wants to die.", "she wants to die"),
    ],
)  # fmt: skip
def test_a_living_persons_risk_keeps_its_wording(seeker: str, words: str) -> None:
    assert said(seeker) == (
        f'They wrote "{words}" about someone at risk: read their message closely, ask about '
        "that person and whether they are safe now, share a crisis line for them to use or "
        f"pass on ({CRISIS_LINES}), and ask how they themselves are coping."
    )


def test_a_loss_told_without_a_cue_is_no_crisis_cue() -> None:
    """A death told of is grief, not a pattern cue (codebook v1.1 flags a living person's
    risk; the annotated posts "Five people in my school district have killed themselves" and
    "my school friend died in a suicide jump" are crisis 0)."""
    assert crisis_cues("It's been a year since she killed herself and I still can't sleep.") == ()
    assert crisis_cues("My dad took his own life two years ago today.") == ()


# --- in the analyzer's feedback ------------------------------------------------------------


def test_the_analyzer_puts_the_loss_sentence_first() -> None:
    seeker = "We lost my dad to suicide two years ago and it still hurts every day."
    with carelens.load() as analyzer:
        result = analyzer.analyze(seeker, "At least he isn't suffering anymore.")
    assert result.feedback[0].startswith(
        'They wrote "lost my dad to suicide" about someone lost to suicide:'
    )
    assert "whether they are safe now" not in " ".join(result.feedback)

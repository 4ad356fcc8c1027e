"""Crisis feedback for someone the seeker lost to suicide (:mod:`carelens.analysis.crisis_loss`,
:meth:`carelens.analysis.crisis_feedback._WhoseRisk.lost`): a bereaved seeker was told "ask
about that person and whether they are safe now, share a crisis line for them to use or
pass on", as if the one who died were at risk."""

from __future__ import annotations

import pytest
from crisis_feedback_helpers import WHY, at_risk, own, said

import carelens
from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_feedback import CRISIS_LINES
from carelens.analysis.crisis_loss import losses


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


# --- the earlier risk of the one who died, disguised spellings, a wish to follow ----------


def loss_sentence(words: str) -> str:
    """The crisis sentence for a loss that quotes ``words``, the reply having done nothing."""
    return (
        f'They wrote "{words}" about someone lost to suicide: read their message closely, '
        f"acknowledge the loss, ask how they are coping and whether they are safe {WHY}, and "
        f"share a crisis line they can use ({CRISIS_LINES})."
    )


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("She attempted suicide twice before she died by suicide. I still can't sleep.",
         "died by suicide"),
        ("My sister attempted suicide twice before she died by suicide.", "died by suicide"),
        ("Sarah attempted suicide twice before she died by suicide.", "died by suicide"),
        ("She was suicidal for years before she took her own life.", "suicidal"),
        ("He self-harmed for years before he died by suicide.", "died by suicide"),
        ("My friend cut herself for years before she killed herself.", "cut herself"),
        ("My mom had tried to kill herself before. She took her own life in May.",
         "tried to kill herself"),
        ("My dad died by suicide. He attempted suicide twice before.", "died by suicide"),
        # someone else's words the seeker quotes, said before they died
        ('My sister texted me "I want to die" a week before she killed herself.',
         "want to die"),
    ],
)  # fmt: skip
def test_the_earlier_risk_of_the_one_who_died_is_part_of_the_loss(seeker: str, words: str) -> None:
    # Each was "They wrote "suicide" about someone at risk: ... ask about that person and
    # whether they are safe now", as if the one who died were still at risk.
    assert said(seeker) == loss_sentence(words)


def test_a_reply_to_an_earlier_attempt_and_a_death_is_read_as_one_to_a_loss() -> None:
    seeker = "She attempted suicide twice before she died by suicide. I still can't sleep."
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
    ("seeker", "words"),
    [
        ("my dad died by s.u.i.c.i.d.e in march", "died by s.u.i.c.i.d.e"),
        ("my dad died by s u i c i d e in march", "died by s u i c i d e"),
        ("my dad died by su1cide in march", "died by su1cide"),
        ("my dad died by su!cide in march", "died by su!cide"),
        ("my dad died by $uicide in march", "died by $uicide"),
        ("my dad k!lled himself in march", "k!lled himself"),
        ("my dad k1lled himself in march", "k1lled himself"),
        ("my dad k*lled himself in march", "k*lled himself"),
        ("we lost my dad to $uicide", "lost my dad to $uicide"),
    ],
)
def test_a_death_told_in_a_disguised_spelling_is_told(seeker: str, words: str) -> None:
    assert told(seeker) == [words]


@pytest.mark.parametrize(
    ("seeker", "plain", "words"),
    [
        ("my dad died by s.u.i.c.i.d.e in march and i cant stop thinking about it",
         "my dad died by suicide in march and i cant stop thinking about it",
         "died by s.u.i.c.i.d.e"),
        ("my dad died by $uicide in march and i cant stop thinking about it",
         "my dad died by suicide in march and i cant stop thinking about it",
         "died by $uicide"),
        ("my dad died by su!cide in march and i cant stop thinking about it",
         "my dad died by suicide in march and i cant stop thinking about it",
         "died by su!cide"),
        # the cue after a death told disguised, as after "killed himself"
        ("Since my brother k1lled himself, suicide is all I think about.",
         "Since my brother killed himself, suicide is all I think about.", "suicide"),
        ("Since my brother k!lled himself, suicide is all I think about.",
         "Since my brother killed himself, suicide is all I think about.", "suicide"),
    ],
)  # fmt: skip
def test_a_disguised_spelling_of_a_loss_reads_as_the_plain_one(
    seeker: str, plain: str, words: str
) -> None:
    # "s.u.i.c.i.d.e" was the seeker's own risk (its letter "i" read as "I"), "$uicide"
    # and "su!cide" someone at risk, "k1lled himself" no loss; the plain spellings a loss.
    assert said(seeker) == loss_sentence(words)
    assert said(plain) == loss_sentence(words.replace(words.split()[-1], "suicide"))


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("She attempted suicide twice before she died by suicide. I want to join her.",
         "I want to join her"),
        ("She attempted suicide twice before she died by suicide. sometimes i think about "
         "doing the same", "i think about doing the same"),
        ("my mom died by suicide and i want to join her", "i want to join her"),
        ("my dad died by s.u.i.c.i.d.e and sometimes i think about doing the same",
         "i think about doing the same"),
        ("My dad died by suicide. I just want to be with him again.",
         "I just want to be with him again"),
        # before a living person's risk too
        ("My dad died by suicide and my brother tried to kill himself. I want to follow him.",
         "I want to follow him"),
    ],
)  # fmt: skip
def test_the_seekers_wish_to_follow_the_one_they_lost_comes_first(seeker: str, words: str) -> None:
    assert said(seeker) == own(words)


def test_a_living_persons_wish_to_follow_the_one_who_died_is_their_risk() -> None:
    seeker = "My mom died by suicide and my sister wants to join her."
    assert said(seeker) == at_risk("sister wants to join her")


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        # another person, told apart from the one who died
        ("My dad died by suicide last year. My brother tried to kill himself last week.",
         "tried to kill himself"),
        ("My mom died by suicide last year and my sister attempted suicide last week.",
         "suicide"),
        ("My friend died by suicide. My other friend attempted suicide last month.", "suicide"),
        ("My sister killed herself in 2020. Her daughter tried to kill herself last month.",
         "tried to kill herself"),
        ("He died by suicide and she attempted suicide the week after.", "suicide"),
        ("My brother died by suicide. My dad is a wreck and he tried to kill himself last "
         "week.", "tried to kill himself"),
        # told in the present: someone living
        ("My brother died by suicide. My dad has tried to kill himself twice since.",
         "tried to kill himself"),
        ("She attempted suicide last night.", "suicide"),
    ],
)  # fmt: skip
def test_a_living_persons_attempt_stays_their_risk(seeker: str, words: str) -> None:
    assert said(seeker) == at_risk(words)


@pytest.mark.parametrize(
    ("seeker", "words"),
    [
        ("My friend killed herself and I attempted suicide a week later.", "suicide"),
        ("My friend killed herself, and honestly I want to die too.", "want to die"),
        ("She attempted suicide twice before she died by suicide. I want to die.",
         "want to die"),
    ],
)  # fmt: skip
def test_the_seekers_own_risk_after_a_loss_stays_first(seeker: str, words: str) -> None:
    assert said(seeker) == own(words)


@pytest.mark.parametrize(
    "seeker",
    [
        "My mom died by suicide. I would never do the same to my kids.",  # denied
        "My mom died by suicide. I want to join her book club to feel close to her.",
        "My dad died by suicide and I want to join him for dinner in my dreams.",
    ],
)
def test_no_wish_to_follow_is_read_where_there_is_none(seeker: str) -> None:
    assert said(seeker) == loss_sentence("died by suicide")

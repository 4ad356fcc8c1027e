"""Feedback that contradicted the reply it was about (a reviewer's findings): a named feeling
beside a question was asked for a reflection, a reply that says the seeker's feeling back was
told to reflect first, feelings named with words outside the feeling list ("that sounds
overwhelming") did not count, a reply that asks was told to ask, and "lol same" was praised
as putting their experience into words. The analyses are built by hand with the levels the
shipped model gives these pairs (no model)."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, at, dim

from carelens.analysis.feedback import feedback_for, quoted_fragments
from carelens.analysis.feelings import seeker_feelings
from carelens.analysis.reply_feelings import named_feeling, read_reply

FIRED = "i got fired today and my wife doesn't know yet"
DIVORCE = "I feel so alone since the divorce"
CARER = "I'm so exhausted from caring for my mom with dementia"
LAYOFF = "I feel worthless since the layoff"
HEADACHES = "I've had headaches every day for two weeks"
ASK_FOR_A_REFLECTION = "pairing it with a reflection"
ASK_FOR_A_QUESTION = "a question about how they feel now"
REFLECT_FIRST = "before showing you understood"


def quoted_from(feedback: tuple[str, ...], response: str) -> None:
    for fragment in quoted_fragments(feedback):
        assert fragment.removesuffix("…") in response, fragment


# --- C1: a feeling named beside a question is no question alone ----------------------------


@pytest.mark.parametrize(
    ("response", "quote"),
    [
        (
            "That must feel so lonely, carrying that by yourself. What's making it hard to "
            "tell her?",
            "That must feel so lonely",
        ),
        ("That sounds humiliating and unfair. How are you dealing with it?", None),
    ],
)
def test_a_named_feeling_beside_a_question_is_not_asked_for_a_reflection(
    response: str, quote: str | None
) -> None:
    question = response[response.index(". ") + 2 :]
    a = analysis(
        {"exploration": dim(2, at(response, question)), "sympathy": dim(1)}, style="empathy"
    )
    feedback = feedback_for(a, FIRED, response)
    (sentence,) = feedback
    assert ASK_FOR_A_REFLECTION not in sentence
    assert ASK_FOR_A_QUESTION not in sentence
    assert sentence.startswith("You named what they may feel (")
    assert sentence.endswith(
        " and your question invites them to say more; give them room to answer."
    )
    if quote is not None:
        assert quoted_fragments(feedback) == [quote]
    quoted_from(feedback, response)


def test_a_question_alone_is_still_asked_for_a_reflection() -> None:
    response = "What's making it hard to tell her?"
    a = analysis({"exploration": dim(2, at(response, response))}, style="empathy")
    (sentence,) = feedback_for(a, FIRED, response)
    assert sentence.startswith("Your question invites them to say more; " + ASK_FOR_A_REFLECTION)


# --- C2: a reply that says their feeling back has reflected --------------------------------


def test_a_feeling_said_back_is_not_told_it_does_not_respond() -> None:
    response = "You feel alone since the divorce."
    (sentence,) = feedback_for(analysis({}, style="other"), DIVORCE, response)
    assert sentence == (
        'You said back what they feel ("You feel alone since the divorce"); a question about '
        "how they feel now can invite them to go on."
    )


def test_a_feeling_said_back_before_help_is_not_told_to_reflect_first() -> None:
    response = "It sounds like you're exhausted. Maybe you could look into respite care?"
    help_at = at(response, "Maybe you could look into respite care?")
    a = analysis({"compassion": dim(1, help_at)}, style="advice", flags={"advice": 0.96})
    (sentence,) = feedback_for(a, CARER, response)
    assert REFLECT_FIRST not in sentence
    assert sentence == (
        'You showed understanding and moved to help ("Maybe you could look into respite '
        'care?"); check with them that the help fits what they want.'
    )


def test_a_feeling_said_back_before_advice_is_not_told_to_reflect_first() -> None:
    response = "You feel worthless since the layoff. You should update your resume and apply."
    a = analysis({}, style="advice", flags={"advice": 0.87})
    (sentence,) = feedback_for(a, LAYOFF, response)
    assert REFLECT_FIRST not in sentence
    assert sentence.startswith('You said back what they feel ("You feel worthless since')


@pytest.mark.parametrize(
    ("seeker", "response", "reflected"),
    [
        (DIVORCE, "You feel alone since the divorce.", "alone"),
        (CARER, "It sounds like you're exhausted.", "exhausted"),
        (CARER, "That must be exhausting.", "exhausting"),  # its family: "exhausted"
        ("I'm so overwhelmed at work", "So sorry, you must feel overwhelmed.", "overwhelmed"),
        ("Everything is so overwhelming", "That sounds overwhelmed.", "overwhelmed"),
        # sympathy, not a reflection: in a clause of "sorry", or given to no one
        ("I'm exhausted.", "Sorry you're this exhausted.", None),
        ("I'm exhausted.", "I'm so sorry that you're exhausted.", None),
        ("I'm exhausted.", "So exhausted, ugh.", None),
        ("I'm exhausted.", "That's so exhausting.", None),  # the helper's remark
        ("I'm so lonely.", "You're not alone.", None),  # denied
        ("I'm so lonely.", "You should call someone when you feel lonely.", None),  # advice
        # held against them: blamed, made light of, echoed in disbelief
        ("I'm so lonely.", "you're lonely because you push everyone away tbh", None),
        ("I'm annoyed.", "you get annoyed too easily", None),
        ("I'm so upset.", "You're upset? Over that?", None),
    ],
)
def test_a_feeling_of_theirs_said_back_to_them_is_read(
    seeker: str, response: str, reflected: str | None
) -> None:
    found = read_reply(response, seeker)
    assert found.named is None
    assert (found.reflected.match.group(0) if found.reflected else None) == reflected


def test_a_feeling_echoed_in_sympathy_is_still_the_sympathy_rule() -> None:
    (sentence,) = feedback_for(
        analysis({"sympathy": dim(1)}), "I'm exhausted.", "Sorry you're this exhausted."
    )
    assert sentence.startswith("You shared their sorrow; try naming what they may feel")


# --- C3: feelings named with affect words --------------------------------------------------


@pytest.mark.parametrize(
    ("response", "named"),
    [
        ("I'm sorry, that sounds overwhelming.", "overwhelming"),
        ("That sounds exhausting and scary.", "exhausting"),
        ("It must be so frustrating.", "frustrating"),
        ("That sounds humiliating and unfair.", "humiliating"),
        ("How terrifying that must have been.", "terrifying"),
        ("That sounds heartbreaking.", "heartbreaking"),
        ("It seems really stressful right now.", "stressful"),
        ("You must be so proud.", "proud"),
        ("You sound happy!", "happy"),
        ("It must make you furious.", "furious"),
        # denied, the helper's remark, given to no one, advice, the helper's own
        ("That's not scary at all.", None),
        ("That doesn't sound scary.", None),
        ("That's so frustrating.", None),
        ("What a scary time.", None),
        ("Happy to help anytime.", None),
        ("Congratulations, so happy for you!", None),
        ("I just want to make you proud.", None),
        ("You should be proud of how far you came.", None),
        ("I'm so proud of you for reaching out.", None),
        ("I was terrified when it happened to me.", None),
        # a feeling they had, one they look to have, one held against them
        ("You were so happy back then.", None),
        ("You look happy in your pictures.", None),
        ("You're too proud to ask, that's your problem.", None),
        # other words that give it: "gotta be", the helper's framing and "how"
        ("That's gotta be so painful.", "painful"),
        ("I can only imagine how exhausting that was.", "exhausting"),
    ],
)
def test_affect_words_name_a_feeling_given_to_them(response: str, named: str | None) -> None:
    assert named_feeling(response, "Work has been a lot lately.") == named


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I'm so overwhelmed.", "That sounds overwhelming."),
        ("I'm exhausted and terrified.", "That sounds exhausting and terrifying."),
        ("It's all so frustrating.", "You must be so frustrated."),
    ],
)
def test_an_affect_word_of_their_own_feeling_is_said_back_not_named(
    seeker: str, response: str
) -> None:
    found = read_reply(response, seeker)
    assert found.named is None
    assert found.reflected is not None


def test_sympathy_with_an_affect_word_is_not_asked_to_name_a_feeling() -> None:
    response = "I'm sorry, that sounds overwhelming."
    a = analysis({"sympathy": dim(1), "emotional_reaction": dim(2)}, style="sympathy")
    (sentence,) = feedback_for(a, "My job is killing me, I can't keep up", response)
    assert "try naming" not in sentence
    assert sentence.startswith('You named what they may feel ("that sounds overwhelming")')


def test_affect_words_are_read_in_replies_only() -> None:
    # "the commute is exhausting" judges what happened: no feeling of the seeker's to offer
    assert seeker_feelings("The commute is exhausting and my boss is so frustrating.") == []


# --- C4: a reply that asks is not told to ask ----------------------------------------------


def test_a_reflection_with_a_question_is_not_told_to_ask_one() -> None:
    response = "That sounds exhausting and scary. How long has this been going on?"
    a = analysis(
        {"interpretation": dim(2, (0, len(response))), "exploration": dim(2)}, style="empathy"
    )
    (sentence,) = feedback_for(a, HEADACHES, response)
    assert ASK_FOR_A_QUESTION not in sentence
    assert sentence.startswith("You put their experience into words (")
    assert sentence.endswith(
        " and your question invites them to say more; give them room to answer."
    )


def test_a_question_the_model_did_not_score_is_not_praised_but_not_asked_for() -> None:
    response = "That sounds so lonely. Did anyone go with you?"
    a = analysis({"reflection": dim(2, at(response, "That sounds so lonely"))})
    (sentence,) = feedback_for(a, DIVORCE, response)
    assert sentence == (
        'You put their experience into words ("That sounds so lonely") and asked them a '
        "question; give them room to answer."
    )


def test_a_named_feeling_without_a_question_is_still_asked_for_one() -> None:
    response = "That sounds humiliating."
    (sentence,) = feedback_for(analysis({}), FIRED, response)
    assert sentence.endswith("; " + ASK_FOR_A_QUESTION + " can invite them to go on.")


# --- C5: the helper's own story is not their experience put into words ---------------------


@pytest.mark.parametrize("response", ["lol same", "Same here honestly.", "omg SAME"])
def test_same_alone_is_the_helpers_own_experience(response: str) -> None:
    a = analysis(
        {"interpretation": dim(2, (0, len(response)))}, style="empathy", flags={"self_focus": 0.6}
    )
    # one sentence: the note on self-focus would say the same again
    assert feedback_for(a, "my dog died yesterday", response) == (
        f'You related it to your own experience ("{response}"); say what you think it is '
        "like for them, and ask how they feel now.",
    )


def test_a_loss_of_the_helpers_own_is_their_story() -> None:
    response = (
        "My mom passed two years ago, I know exactly what you're going through. I couldn't "
        "get out of bed for months."
    )
    a = analysis(
        {"interpretation": dim(2, (0, len(response))), "sympathy": dim(1)},
        style="empathy",
        flags={"self_focus": 0.52},
    )
    feedback = feedback_for(a, "My mom died last month and I can't function", response)
    (sentence,) = feedback
    assert sentence.startswith(
        'You related it to your own experience ("My mom passed two years ago, I know exactly'
    )
    quoted_from(feedback, response)


@pytest.mark.parametrize(
    "response",
    ["The same thing keeps happening to you, that sounds exhausting.", "Same as always?"],
)
def test_same_beside_other_words_is_not_the_helpers_story(response: str) -> None:
    a = analysis({"interpretation": dim(2, (0, len(response)))}, style="empathy")
    (sentence,) = feedback_for(a, HEADACHES, response)
    assert sentence.startswith("You put their experience into words")

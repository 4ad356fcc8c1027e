"""Feedback and style on a third review's findings (session 34): put-downs, blame and
scornful questions read as sympathy or exploration (1, 4), a put-down at the end of a warm
reply missed (5), a judging order read as plain advice (6), kind replies that open on an
interjection read as dismissive (2), and reflections in other words ignored (3). The
analyses are built by hand (every response dimension present, the levels the fault needs);
the rules, the derived empathy and the style run as in the analyzer."""

from __future__ import annotations

import pytest
from feedback_builders import dim
from feedback_reviews import Review

from carelens.types import DimensionScore

DISMISSIVE = " may come across as minimising or judging what they shared"
PUT_INTO_WORDS = "You put their experience into words"
#: The model leaning dismissive at level 0 (its levels 1 and 2 at least half likely).
LEANING = dim(0, probabilities=(0.4, 0.5, 0.1))


# --- 1, 4, 6: put-downs, scornful questions and judging orders -----------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "levels", "quoted"),
    [
        (
            "I overslept and missed my flight home for the holidays",
            "Again? Honestly you're doing this to yourself at this point.",
            {"sympathy": 1},
            "you're doing this to yourself",
        ),
        (
            "I maxed out my card on clothes and now I can't pay rent",
            "That's so irresponsible. Grow up.",
            {"emotional_reaction": 1},
            "That's so irresponsible",
        ),
        (
            "i got dumped again, third time this year",
            "cool story",
            {"sympathy": 1},
            "cool story",
        ),
        (
            "I was late to work again and my boss wrote me up",
            "How many times are you going to do this? Set an alarm.",
            {"exploration": 2},
            "How many times are you going to do this",
        ),
        (
            "I haven't called my grandma in months and she's sick",
            "Didn't you realise she was getting older? What did you think would happen?",
            {"exploration": 2},
            "Didn't you realise she was getting older",
        ),
        (
            "I can't make myself study for the bar exam",
            "Quit the pity party and open the book. Stop making excuses.",
            {"compassion": 1},
            "Quit the pity party",
        ),
        (
            "my sister won't talk to me after the wedding fight",
            "I'll talk to her for you once you stop acting like the victim.",
            {"compassion": 1},
            "once you stop acting like the victim",
        ),
    ],
)
def test_putdowns_are_dismissive(
    seeker: str,
    response: str,
    levels: dict[str, int | DimensionScore],
    quoted: str,
    review_reply: Review,
) -> None:
    feedback, style, _ = review_reply(seeker, response, levels)
    assert style == "dismissive"
    assert feedback[0].startswith(f'"{quoted}')
    assert DISMISSIVE in feedback[0]


def test_a_scornful_question_keeps_the_models_exploration(review_reply: Review) -> None:
    # EPITOME's annotators define exploration: the rule reads the scorn as dismissal only
    _, _, ruled = review_reply(
        "I failed my driving test again",
        "How many times is that now?",
        {"exploration": 2},
    )
    assert ruled["exploration"].level == 2
    assert ruled["dismissive"].level == 1


# --- 5: a put-down at the end of a warm reply --------------------------------------------


def test_a_putdown_ending_a_warm_reply_is_flagged(review_reply: Review) -> None:
    response = (
        "I'm so sorry about your dad. It sounds like the anniversary hit you harder than you "
        "expected. But it's been two years, you need to pull yourself together."
    )
    feedback, style, _ = review_reply(
        "It's two years since my dad died and I couldn't get out of bed today",
        response,
        {"sympathy": 1, "interpretation": 1},
    )
    assert style == "dismissive"
    assert feedback[0].startswith(
        'You acknowledged what they shared ("I\'m so sorry about your dad"), but "pull yourself'
        " together"
    )


@pytest.mark.parametrize(
    "response",
    [
        "I'm so sorry. Stop being so hard on yourself, you did everything you could.",
        "That's pathetic of him. You deserved so much better than that.",
        "I'm sorry. It's not a big deal to ask for help, people want to help you.",
        "Oh no. How could you not be hurt after that?",
    ],
)
def test_near_misses_stay_kind(response: str, review_reply: Review) -> None:
    _, style, _ = review_reply("my boyfriend left me for my best friend", response, {"sympathy": 1})
    assert style != "dismissive"


# --- 2, 3: an interjection before a reflection, reflections in other words ----------------


@pytest.mark.parametrize(
    ("response", "reflected"),
    [
        (
            "ugh. no wonder you dread going home for the holidays.",
            "no wonder you dread going home for the holidays",
        ),
        (
            "Wow. So every time you speak up, it gets turned back on you.",
            "So every time you speak up",
        ),
        (
            "Ouch. Hearing that from your best friend must hurt.",
            "Hearing that from your best friend must hurt",
        ),
    ],
)
def test_a_reflection_after_an_interjection_is_understanding_not_dismissal(
    response: str, reflected: str, review_reply: Review
) -> None:
    feedback, style, _ = review_reply(
        "my family always makes fun of my job at dinner", response, {"dismissive": LEANING}
    )
    assert style == "empathy"
    assert feedback[0].startswith(f'{PUT_INTO_WORDS} ("{reflected[:30]}')


def test_a_reflection_beside_warmth_the_model_scored_is_credited(review_reply: Review) -> None:
    response = "So glad it went well. You've been carrying that worry for weeks."
    feedback, style, ruled = review_reply(
        "the biopsy came back benign!!", response, {"emotional_reaction": 1, "sympathy": 1}
    )
    assert ruled["reflection"].level == 1
    assert ruled["emotional_reaction"].level == 1  # EPITOME's scores are left as they were
    assert style == "empathy"
    assert feedback[0].startswith(PUT_INTO_WORDS)


def test_a_reflection_inside_validation_stays_validation_in_style_and_feedback(
    review_reply: Review,
) -> None:
    # "No wonder you feel X" validates their feeling: the rules raise sympathy for it, and the
    # feedback, which reads the raised sympathy, must not then credit it as a reflection
    response = "Wow. No wonder you feel invisible at home."
    feedback, style, ruled = review_reply("my dad forgot my birthday again", response)
    assert ruled["reflection"].level == 0
    assert style == "sympathy"
    assert feedback[0].startswith("You validated what they feel")


def test_a_general_sentence_is_no_reflection_beside_scored_warmth(review_reply: Review) -> None:
    response = "In order to find light, you must be surrounded by darkness. Hang in there."
    _, _, ruled = review_reply("I can't keep going like this", response, {"emotional_reaction": 1})
    assert ruled["reflection"].level == 0

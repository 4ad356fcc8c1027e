"""Feedback on a fourth review's findings (session 35, part A): what the feedback asks for and
credits. It asked for a reflection or a question the reply already held (a reflection standing
alone, one in other words, one after the helper's own story), credited the helper's own story
as putting the seeker's experience into words (also where a "sorry" or a question followed it),
let a story that shrinks theirs pass as understanding, and quoted words the helper set aside
("I'm not going to say 'it could be worse'") as the reflection. The analyses are built by hand
(every response dimension present, the levels the fault needs); the rules, the derived empathy
and the style run as in the analyzer."""

from __future__ import annotations

import pytest
from feedback_builders import at, dim
from feedback_reviews import Review

from carelens.types import DimensionScore

PUT_INTO_WORDS = "You put their experience into words"
#: How the feedback credits a reflection: as one, or as a feeling named where it has one.
CREDITED = (PUT_INTO_WORDS, "You named what they may feel")
OWN_STORY = "You related it to your own experience"
#: What the feedback asks for where the reply shows no understanding.
ASKS_TO_REFLECT = ("reflect first", "show first", "does not yet respond", "pairing it with")
#: The model leaning dismissive at level 0 (its levels 1 and 2 at least half likely).
LEANING = dim(0, probabilities=(0.4, 0.5, 0.1))


def asks_to_reflect(feedback: tuple[str, ...]) -> bool:
    return any(words in sentence for sentence in feedback for words in ASKS_TO_REFLECT)


# --- 1: a reflection the reply holds is not asked for again --------------------------------


@pytest.mark.parametrize(
    ("response", "reflected"),
    [
        (
            "You must feel so let down. You trusted her with something private.",
            "You must feel so let down",
        ),
        (
            "That sounds like a lot to be carrying on your own.",
            "That sounds like a lot to be carrying",
        ),
        (
            "It's like losing her twice, with no say in it because of a piece of paper.",
            "It's like losing her twice",
        ),
        (
            "It does sound like you're running on nothing and holding it all together.",
            "It does sound like you're running on nothing",
        ),
        (
            "Weekends sound like the hardest stretch for you right now.",
            "Weekends sound like the hardest stretch for you",
        ),
    ],
)
def test_a_reflection_standing_alone_is_credited_not_asked_for(
    response: str, reflected: str, review_reply: Review
) -> None:
    # the model scored nothing, and leaned to advice: the feedback said "reflect first"
    feedback, _, _ = review_reply(
        "my best friend told everyone my secret", response, flags={"advice": 0.6}
    )
    assert not asks_to_reflect(feedback)
    assert feedback[0].startswith(tuple(f'{credit} ("{reflected}' for credit in CREDITED))


def test_a_reflection_beside_a_question_is_credited_with_it(review_reply: Review) -> None:
    response = (
        "What made you start thinking about it? It sounds like part of you is already asking "
        "what the drinking has been costing you."
    )
    feedback, style, _ = review_reply(
        "I got a DUI and I'm so ashamed", response, {"exploration": 2}
    )
    assert style == "empathy"
    assert not asks_to_reflect(feedback)
    assert feedback[0].startswith(f'{PUT_INTO_WORDS} ("It sounds like part of you')
    assert "your question invites them to say more" in feedback[0]


@pytest.mark.parametrize(
    "response",
    [
        # general or hypothetical, a question, too short, or held against them
        "If it feels like too much, take a break from it.",
        "It sounds like you're stressed?",
        "It feels like.",
        "It sounds like you're overreacting, honestly.",
        "He sounds like a jerk.",
    ],
)
def test_no_reflection_is_credited_where_none_stands(response: str, review_reply: Review) -> None:
    feedback, _, _ = review_reply("my best friend told everyone my secret", response)
    assert not feedback[0].startswith(PUT_INTO_WORDS)


def test_a_reflection_is_not_credited_where_the_model_leans_dismissive(
    review_reply: Review,
) -> None:
    response = "It sounds like you're just bitter that she moved on without you."
    feedback, _, _ = review_reply("my ex is engaged already", response, {"dismissive": LEANING})
    assert not feedback[0].startswith(PUT_INTO_WORDS)


def test_a_reflection_of_where_they_stand_moves_advice_to_compassion(review_reply: Review) -> None:
    response = (
        "That's such a hard bind, the meds help your mood but cost you how you feel in your "
        "body. It might be worth raising it with your prescriber."
    )
    feedback, style, _ = review_reply(
        "i've gained weight on my meds and i hate what i see in the mirror",
        response,
        {"sympathy": 1, "compassion": 1},
        {"advice": 0.9},
    )
    assert style == "compassion"
    assert feedback[0].startswith("You showed understanding and moved to help")


# --- 5: the helper's own story --------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "story", "theirs", "asked"),
    [
        (
            "I remember those weeks, with my first I used to sit in the car just to be alone. "
            "It does sound like you're running on nothing. What's the hardest part of the day?",
            "I remember those weeks, with my first I used to",
            "It does sound like you're running on nothing",
            True,
        ),
        (
            "My best friend moved abroad three years ago and it felt like losing a limb. I "
            "wonder if for you it's not just missing her. What do your days look like now?",
            "My best friend moved abroad three years ago and it",
            "I wonder if for you it's not just missing her",
            True,
        ),
        (
            "I've been there. At two months my sister still counted the bottles in my "
            "recycling. It sounds like you're doing the work and it hurts that they can't see "
            "it yet.",
            "I've been there.",
            "It sounds like you're doing the work and it hurts",
            False,
        ),
    ],
)
def test_a_reflection_and_a_question_after_the_helpers_story_are_credited(
    response: str, story: str, theirs: str, asked: bool, review_reply: Review
) -> None:
    levels: dict[str, int | DimensionScore] = {
        "interpretation": dim(2, at(response, story)),
        "reflection": dim(2, at(response, story)),
    }
    if asked:
        levels["exploration"] = dim(2, (response.rindex(". ") + 2, len(response)))
    feedback, _, _ = review_reply("I'm struggling so much and I feel alone", response, levels)
    assert feedback[0].startswith(f'{OWN_STORY} ("{story}')
    assert f'then put theirs into words ("{theirs}' in feedback[0]
    assert ("give them room to answer" in feedback[0]) is asked
    assert ("ask how they feel now" in feedback[0]) is not asked
    assert "say what you think it is like for them" not in feedback[0]


@pytest.mark.parametrize(
    ("response", "story"),
    [
        (
            "I came out to my very religious family at 20. My dad didn't speak to me for six "
            "months. What worries you most about telling them?",
            "I came out to my very religious family at 20.",
        ),
        (
            "I lost my mum in 2020. I'm so sorry. Is there anyone helping you with the "
            "day-to-day things?",
            "I lost my mum in 2020.",
        ),
        (
            "We split up after nine years and I moved back in with my parents. How are you "
            "holding up?",
            "We split up after nine years and I",
        ),
    ],
)
def test_the_helpers_story_is_not_quoted_as_their_experience(
    response: str, story: str, review_reply: Review
) -> None:
    first = response[: response.index(". ") + 1]
    levels: dict[str, int | DimensionScore] = {
        "interpretation": dim(2, (0, len(response) - len(response.split(". ")[-1]) - 1)),
        "exploration": dim(2, at(response, response.split(". ")[-1])),
    }
    feedback, _, _ = review_reply("I'm gay and scared to tell my parents", response, levels)
    assert feedback[0].startswith(f'{OWN_STORY} ("{story}')
    assert PUT_INTO_WORDS not in feedback[0]
    assert "your question invites them to say more" in feedback[0]
    assert first.startswith(story[:20])


def test_the_helpers_story_and_advice_are_said_so(review_reply: Review) -> None:
    response = "I deleted insta last year and honestly best decision ever. Just delete it."
    feedback, _, _ = review_reply(
        "I can't stop comparing myself to people on Instagram",
        response,
        {"interpretation": 2},
        {"advice": 0.6},
    )
    assert feedback[0].startswith(f'{OWN_STORY} ("I deleted insta last year')
    assert "moved to advice" in feedback[0]


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (
            "That's nothing, my nan didn't recognise any of us for five years.",
            "That's nothing",
        ),
        (
            "I had panic attacks for years. Then I started meds, it's honestly nothing once "
            "you get used to it.",
            "it's honestly nothing",
        ),
        (
            "My dad walked out when I was six and mine was way worse than this.",
            "mine was way worse",
        ),
        (
            "When I split with my ex I took up climbing. Honestly you should be celebrating.",
            "you should be celebrating",
        ),
    ],
)
def test_a_story_that_shrinks_theirs_is_minimising_not_understanding(
    response: str, words: str, review_reply: Review
) -> None:
    feedback, _, _ = review_reply(
        "My dad didn't recognise me today", response, {"interpretation": 2, "sympathy": 1}
    )
    assert "may come across as minimising" in feedback[0]
    assert words in feedback[0]
    assert PUT_INTO_WORDS not in " ".join(feedback)


@pytest.mark.parametrize(
    "response",
    [
        "I went through the same thing last year. It's nothing to be ashamed of.",
        "I lost my dad in 2019 and it was brutal. It's nothing you did.",
        "I had the same worry for years. For me at least, talking helped.",
    ],
)
def test_a_story_beside_kind_words_is_not_minimising(response: str, review_reply: Review) -> None:
    feedback, _, _ = review_reply(
        "My dad didn't recognise me today", response, {"interpretation": 2}
    )
    assert "minimising" not in " ".join(feedback)
    assert feedback[0].startswith(OWN_STORY)


# --- quotes: not the words the helper sets aside -----------------------------------------


@pytest.mark.parametrize(
    ("response", "quoted"),
    [
        (
            "I'm not going to say 'it could be worse' just because the money's covered. Losing "
            "your work can knock who you feel you are.",
            "Losing your work can knock who you feel you are",
        ),
        (
            "I won't tell you everything happens for a reason. Your dad had a stroke and it's "
            "awful.",
            "Your dad had a stroke and it's awful",
        ),
        (
            "It'd be easy for someone to say 'must be nice' and move on, but you can be glad "
            "for her and still feel unseen.",
            "you can be glad for her and still feel unseen",
        ),
    ],
)
def test_the_quote_is_the_reflection_not_the_words_set_aside(
    response: str, quoted: str, review_reply: Review
) -> None:
    feedback, _, _ = review_reply(
        "Lost my job and I feel useless", response, {"reflection": dim(2, (0, len(response)))}
    )
    assert feedback[0].startswith(f'{PUT_INTO_WORDS} ("{quoted[:40]}')

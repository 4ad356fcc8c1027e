"""Feedback on remarks, sarcasm and validation (a review's findings, session 33): a bare "How
typical." was read neither way (1); a remark before a reflection hid the reflection (2);
outrage on the seeker's behalf in more words was left to the model's dismissal (3); sarcasm
and blame in other words were left to the model (4); validation ("You have every right to be
angry") was told it "does not yet respond" (5). The analyses are built by hand with the levels
the shipped model gives these pairs, or the ones that show the fault (no model); the rules
run where the real analysis runs them."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, at, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.types import DimensionScore

SYMPATHY = "You shared their sorrow; try naming what they may feel underneath"
DISMISSIVE = (
    " may come across as minimising or judging what they shared; acknowledge how hard it is "
    "for them before offering another view."
)
PUT_INTO_WORDS = "You put their experience into words"
NAMED = "You named what they may feel"
VALIDATED = "You validated what they feel"
NO_RESPONSE = "Your reply does not yet respond to what they shared"
CREDIT = "my brother took credit for my project again"
STUCK = "my parents are fighting again and I'm stuck in the middle"
GHOSTED = "my best friend ghosted me"
TEST = "I failed my driving test for the third time"
BOSS = "my boss yelled at me in front of everyone"
#: The model leaning dismissive at level 0 (its levels 1 and 2 at least half likely).
LEANING = dim(0, probabilities=(0.45, 0.45, 0.1))


def whole(response: str, level: int = 1) -> DimensionScore:
    """A score at ``level`` over the whole reply."""
    return dim(level, (0, len(response)))


def feedback(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], distress: int = 1
) -> tuple[str, ...]:
    """The feedback on the hand-built analysis after the rules, as the analyzer runs them."""
    ruled = apply_rules({"dismissive": dim(0), **dimensions}, response, (), seeker)
    return feedback_for(analysis(ruled, distress=distress), seeker, response)


# --- 1: a bare knowing remark is dismissive ------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "quoted"),
    [
        # was "You put their experience into words" (the model's interpretation)
        (CREDIT, "How typical.", {"interpretation": whole("How typical.")}, "How typical"),
        (CREDIT, "Typical.", {"interpretation": whole("Typical.")}, "Typical"),
        # was "does not yet respond"
        ("I failed my exam again", "how typical", {}, "how typical"),
        ("I failed my exam again", "How typical lol", {}, "How typical lol"),
        (CREDIT, "Figures.", {}, "Figures"),
        ("I failed again", "Story of your life lol", {}, "Story of your life lol"),
        ("I failed my exam again", "How typical of you.", {}, "How typical of you"),
        # was "You shared their sorrow"
        ("I forgot my keys again", "Of course you did.", {"sympathy": dim(1)}, "Of course you did"),
    ],
)
def test_a_knowing_remark_is_dismissive(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], quoted: str
) -> None:
    assert feedback(seeker, response, dimensions) == (f'"{quoted}"' + DISMISSIVE,)


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions"),
    [
        # outrage on their behalf: sympathy (was "You named what they may feel": "alone")
        (
            "my family left me at the hospital by myself",
            "How typical of them to leave you alone with this",
            {},
        ),
        (
            "my family left me at the hospital by myself",
            "How typical of them.",
            {"dismissive": whole("How typical of them.")},
        ),
    ],
)
def test_typical_of_someone_else_is_sympathy(
    seeker: str, response: str, dimensions: dict[str, DimensionScore]
) -> None:
    (sentence,) = feedback(seeker, response, dimensions)
    assert sentence.startswith(SYMPATHY)


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I passed my exam!", "Of course you did!"),
        ("my dad forgot my birthday", "Figures, he never cared."),
        ("my boyfriend cheated on me again", "Typical men."),
    ],
)
def test_glad_news_and_words_about_others_are_not_called_dismissive(
    seeker: str, response: str
) -> None:
    (sentence,) = feedback(seeker, response, {"sympathy": dim(1)})
    assert "minimising or judging" not in sentence


# --- 2: a remark before a reflection -------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "start"),
    [
        # the review's example, the model leaning dismissive: was "You shared their sorrow"
        (
            STUCK,
            "That's awful. It sounds like you feel trapped between them.",
            {"sympathy": dim(2), "dismissive": LEANING},
            NAMED + ' ("It sounds like you feel trapped between them")',
        ),
        # the model's dismissal on the remark or the reflection: was the dismissive sentence
        (
            GHOSTED,
            "How hurtful. You probably feel rejected.",
            {"dismissive": dim(2, (0, 12))},
            NAMED + ' ("You probably feel rejected")',
        ),
        (
            TEST,
            "How awful. You must feel so discouraged.",
            {"dismissive": dim(1, (11, 40))},
            NAMED + ' ("You must feel so discouraged")',
        ),
        (
            "my mom died last month and I can't stop thinking about her",
            "How awful. You must be grieving so much right now.",
            {"dismissive": dim(1, (0, 10))},
            NAMED,
        ),
        # a reflection without a feeling word: was "You shared their sorrow"
        (
            STUCK,
            "How awful. It sounds like you're caught in the middle of their fights.",
            {"sympathy": dim(1)},
            PUT_INTO_WORDS + ' ("It sounds like you\'re caught in the middle of their…")',
        ),
        (
            "my mom died last month and I can't stop thinking about her",
            "That's so sad. It sounds like you miss her a lot.",
            {"sympathy": dim(2)},
            PUT_INTO_WORDS + ' ("It sounds like you miss her a lot")',
        ),
        (
            STUCK,
            "How awful. You must feel so torn.",
            {},
            PUT_INTO_WORDS + ' ("You must feel so torn")',
        ),
        # the model's interpretation marked on the remark alone
        (
            "my boyfriend forgot my birthday again",
            "That's awful. It sounds like this keeps happening and it hurts.",
            {"interpretation": dim(1, (0, 13))},
            PUT_INTO_WORDS + ' ("It sounds like this keeps happening and it hurts")',
        ),
    ],
)
def test_a_reflection_beside_a_remark_is_credited(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], start: str
) -> None:
    (sentence,) = feedback(seeker, response, dimensions)
    assert sentence.startswith(start)


def test_a_remark_and_a_reflection_with_a_question_leave_room_to_answer() -> None:
    response = "How awful. It sounds like you're caught in the middle. How are you holding up?"
    (sentence,) = feedback(
        STUCK, response, {"exploration": dim(1, at(response, "How are you holding up?"))}
    )
    assert sentence.startswith(PUT_INTO_WORDS)
    assert sentence.endswith("give them room to answer.")


@pytest.mark.parametrize(
    ("response", "dimensions", "start"),
    [
        # advice beside a remark is no reflection
        ("How sad. It sounds like you should move on.", {"sympathy": dim(1)}, SYMPATHY),
        # the model's dismissal of more than remarks and understanding stands
        (
            "How sad. Maybe adopt a new puppy?",
            {"dismissive": dim(2, (0, 8))},
            '"How sad." may come across',
        ),
        (
            "How awful. Sounds like you're overreacting though.",
            {"dismissive": dim(1, (11, 50))},
            # the rules' words inside the model's sentence are quoted
            'You acknowledged what they shared ("How awful"), but "you\'re overreacting" may come'
            " across",
        ),
    ],
)
def test_advice_and_judging_beside_a_remark_are_not_a_reflection(
    response: str, dimensions: dict[str, DimensionScore], start: str
) -> None:
    (sentence,) = feedback(GHOSTED, response, dimensions)
    assert sentence.startswith(start)


# --- 3: outrage on their behalf in more words ----------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "how dare your boss do that to you in front of everyone. that's humiliating",
        "How dare your boss do that to you in front of everyone?! That's so humiliating and not "
        "okay. I'm so sorry you went through that.",
        "How dare he. That's so unprofessional.",
        "He had no right to talk to you like that. You didn't deserve that.",
        "Your boss is such a jerk. Shame on him.",
        "That was so cruel of him. It's not your fault.",
    ],
)
def test_outrage_in_more_words_is_sympathy_over_the_models_dismissal(response: str) -> None:
    (sentence,) = feedback(BOSS, response, {"dismissive": whole(response, 2)})
    assert sentence.startswith(SYMPATHY)


@pytest.mark.parametrize(
    "response", ["How dare you.", "That was so cruel of you.", "That's so unprofessional."]
)
def test_words_at_the_seeker_keep_the_models_dismissal(response: str) -> None:
    (sentence,) = feedback(BOSS, response, {"dismissive": whole(response, 2)})
    assert sentence.endswith(DISMISSIVE)


# --- 4: sarcasm and blame in other words ---------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "quoted"),
    [
        (
            "I finished my thesis draft but it got rejected",
            "Great job. Really nailed it",
            {"sympathy": dim(1), "emotional_reaction": dim(1)},
            "Great job",
        ),
        ("I feel so anxious all the time", "touch grass", {}, "touch grass"),
        ("I lost my ranked match again and I'm so upset", "skill issue", {}, "skill issue"),
        (
            "I can't stop crying, everything is falling apart",
            "stop being dramatic",
            {"sympathy": dim(1)},
            "stop being dramatic",
        ),
        ("my girlfriend dumped me", "cry me a river", {}, "cry me a river"),
        ("my dad died two years ago and I still cry", "get over it already", {}, "get over it"),
        ("my girlfriend dumped me", "sucks to be you", {}, "sucks to be you"),
    ],
)
def test_sarcasm_and_blame_in_other_words_are_dismissive(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], quoted: str
) -> None:
    assert feedback(seeker, response, dimensions) == (f'"{quoted}"' + DISMISSIVE,)


@pytest.mark.parametrize(
    ("seeker", "response"),
    [
        ("I finally called the helpline today", "Great job reaching out, that took courage"),
        ("I finally finished my thesis draft", "Great job. Really nailed it"),
        ("I lost my ranked match again", "It's not a skill issue, the matchmaking is rigged"),
        (
            "my mom keeps calling me dramatic",
            "Your mom telling you to stop being dramatic was so unfair.",
        ),
        ("I hate myself for failing", "Stop being so hard on yourself."),
    ],
)
def test_sincere_praise_and_reported_words_are_not_dismissive(seeker: str, response: str) -> None:
    (sentence,) = feedback(seeker, response, {"sympathy": dim(1)})
    assert "minimising or judging" not in sentence


# --- 5: validation is credited -------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions", "quoted"),
    [
        # was "does not yet respond"
        (
            "I'm so angry at my sister",
            "You have every right to be angry.",
            {},
            "You have every right to be angry",
        ),
        (
            "I'm so hurt by what my best friend said",
            "Anyone would feel hurt after that.",
            {},
            "Anyone would feel hurt after that",
        ),
        (
            "I feel so sad about the breakup",
            "Your feelings are valid.",
            {},
            "Your feelings are valid",
        ),
        # was "You shared their sorrow"
        (
            "I'm exhausted from double shifts",
            "It's completely normal to feel exhausted.",
            {"sympathy": dim(1)},
            "It's completely normal to feel exhausted",
        ),
        (
            "I'm so angry at my sister",
            "You have every right to be angry.",
            {"sympathy": dim(1)},
            "You have every right to be angry",
        ),
    ],
)
def test_validation_is_credited(
    seeker: str, response: str, dimensions: dict[str, DimensionScore], quoted: str
) -> None:
    (sentence,) = feedback(seeker, response, dimensions)
    assert sentence.startswith(
        f'{VALIDATED} ("{quoted}"); try naming what they may feel underneath'
    )


def test_a_validated_feeling_is_not_offered_again() -> None:
    seeker = "I'm so angry and hurt that my sister lied"
    (sentence,) = feedback(seeker, "You have every right to be angry.", {})
    assert 'they may be feeling what they called "hurt"' in sentence
    assert '"angry"' not in sentence.split(";", 1)[1]


@pytest.mark.parametrize(
    ("response", "start"),
    [
        ("You have no right to be angry.", '"You have no right to be angry"'),
        ("It's not okay to feel this way.", NO_RESPONSE),
        ("It makes sense to call your doctor.", NO_RESPONSE),
        ("I'd be happy to help.", NO_RESPONSE),
    ],
)
def test_denials_and_other_frames_are_not_validation(response: str, start: str) -> None:
    (sentence,) = feedback("I'm so angry at my sister", response, {})
    assert sentence.startswith(start)

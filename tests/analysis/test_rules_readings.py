"""The feedback's readings applied to the scores (:func:`read_into`, run by
:func:`apply_rules`): remarks are no understanding, questions that advise, offer or blame no
exploration, a reflection beside kind words and validation or reassurance are scored, so the
style says what the feedback says."""

from __future__ import annotations

import pytest

from carelens.analysis.reply_remarks import reactions
from carelens.analysis.rules import apply_rules
from carelens.analysis.rules_readings import advises_only, kind_clauses, on_remarks_only, ruled
from carelens.taxonomy import RESPONSE_DIMENSIONS, headline_style
from carelens.types import DimensionScore, Span


def scored(level: int, *spans: tuple[int, int]) -> DimensionScore:
    """A score at ``level``, most probable there, over ``spans``."""
    listed = [0.1, 0.1, 0.1]
    listed[level] = 0.8
    shown = tuple(Span(s, e, "rationale", 0.9) for s, e in spans)
    return DimensionScore(level, (listed[0], listed[1], listed[2]), shown)


def ruled_dims(
    response: str, seeker: str = "I can't sleep at night", **levels: DimensionScore
) -> dict[str, DimensionScore]:
    dims = {name: scored(0) for name in RESPONSE_DIMENSIONS}
    dims.update(levels)
    return apply_rules(dims, response, (), seeker)


def whole(response: str, level: int) -> DimensionScore:
    return scored(level, (0, len(response)))


@pytest.mark.parametrize(
    "response", ["Why would you put your savings into crypto??", "What were you thinking?"]
)
def test_questions_that_blame_explore_nothing(response: str) -> None:
    dims = ruled_dims(response, exploration=whole(response, 2))
    assert dims["exploration"].level == 0
    assert dims["exploration"].spans == ()


@pytest.mark.parametrize(
    "response",
    [
        "Have you tried melatonin?",
        "Why don't you try meditation?",
        "Want me to sit with you on the phone while you call them?",
    ],
)
def test_questions_that_advise_or_offer_keep_the_models_exploration(response: str) -> None:
    """EPITOME's annotators scored such questions as explorations: the score keeps them
    (the exploration figures on the test split depend on it) and only the feedback reads
    them as advice or an offer (advises_only)."""
    dims = ruled_dims(response, exploration=whole(response, 2))
    assert dims["exploration"].level == 2
    assert advises_only(dims["exploration"], response)


@pytest.mark.parametrize(
    "response",
    ["Have you tried melatonin?", "Want me to call you tonight?", "Have you looked into therapy?"],
)
def test_advice_or_an_offer_asked_is_weak_compassion(response: str) -> None:
    dims = ruled_dims(response, exploration=whole(response, 2))
    assert dims["compassion"].level == 1
    assert [response[s.start : s.end] for s in dims["compassion"].spans] == [response]
    assert headline_style(dims) == "compassion"
    assert headline_style(ruled_dims(response)) == "advice"


@pytest.mark.parametrize(
    ("response", "marked"),
    [
        # an open question beside advice asked keeps the model's exploration
        ("How are you feeling? Have you tried yoga?", "How are you feeling?"),
        ("Have you thought about what you actually want?", None),
        ("How long has this been going on?", None),
    ],
)
def test_open_questions_keep_their_exploration(response: str, marked: str | None) -> None:
    start = response.index(marked) if marked else 0
    end = start + len(marked) if marked else len(response)
    dims = ruled_dims(response, exploration=scored(2, (start, end)))
    assert dims["exploration"].level == 2


def test_exploration_without_spans_is_advice_only_where_the_reply_asks_nothing_else() -> None:
    assert advises_only(scored(2), "Have you tried yoga?")
    assert not advises_only(scored(2), "How are you feeling? Have you tried yoga?")
    assert not advises_only(scored(0), "Have you tried yoga?")
    assert not advises_only(None, "Have you tried yoga?")
    assert ruled_dims("What were you thinking?", exploration=scored(2))["exploration"].level == 0
    both = "How are you feeling? What were you thinking?"
    assert ruled_dims(both, exploration=scored(2))["exploration"].level == 2


def test_a_feeling_named_beside_advice_asked_keeps_the_models_reading() -> None:
    response = "That sounds really isolating. Have you tried joining a club?"
    question = response.index("Have")
    dims = ruled_dims(
        response, "I feel lonely since I moved", exploration=scored(2, (question, len(response)))
    )
    assert dims["exploration"].level == 2 and dims["interpretation"].level == 0
    assert headline_style(dims) == "compassion"


@pytest.mark.parametrize(
    ("response", "reflection"),
    [
        (
            "How awful. It sounds like you're caught in the middle of their fights.",
            "It sounds like you're caught in the middle of their fights",
        ),
        (
            "Stop blaming yourself. It sounds like you're carrying all of it.",
            "It sounds like you're carrying all of it",
        ),
        (
            "It makes sense you're upset. You must feel so let down.",
            "You must feel so let down",
        ),
    ],
)
def test_a_reflection_beside_kind_words_is_scored(response: str, reflection: str) -> None:
    dims = ruled_dims(response, "my parents are fighting again")
    assert dims["reflection"].level == 1
    assert [response[s.start : s.end] for s in dims["reflection"].spans] == [reflection]
    assert headline_style(dims) == "empathy"


def test_a_reflection_leaves_an_understanding_the_model_scored() -> None:
    response = "How awful. It sounds like you're caught in the middle of their fights."
    dims = ruled_dims(response, interpretation=scored(2, (11, len(response))))
    assert dims["interpretation"].level == 2
    assert dims["reflection"].level == 0


@pytest.mark.parametrize(
    "response",
    [
        "You have every right to be angry.",
        "Nobody gets to tell you you're too sensitive.",
        "It's not your fault.",
        "That's completely normal.",
    ],
)
def test_validation_and_reassurance_are_sympathy(response: str) -> None:
    dims = ruled_dims(response)
    assert dims["sympathy"].level == 1
    assert headline_style(dims) == "sympathy"


def test_validation_leaves_the_models_emotional_reaction_alone() -> None:
    response = "You have every right to be angry."
    dims = ruled_dims(response, emotional_reaction=whole(response, 1))
    assert dims["sympathy"].level == 0
    assert headline_style(dims) == "sympathy"


def test_understanding_scored_only_on_remarks_is_lowered() -> None:
    response = "How heartbreaking."
    dims = ruled_dims(response, "my dog died", interpretation=whole(response, 1))
    assert dims["interpretation"].level == 0
    assert headline_style(dims) == "sympathy"


def test_kind_clauses_hold_remarks_reassurance_and_validation_in_order() -> None:
    response = "How awful. It's not your fault. You have every right to be angry."
    assert [response[s:e] for s, e in kind_clauses(response, reactions(response))] == [
        "How awful",
        "It's not your fault",
        "You have every right to be angry",
    ]


def test_on_remarks_only_reads_the_spans_or_the_whole_reply() -> None:
    response = "How sad. It sounds like you miss him."
    assert on_remarks_only(scored(1, (0, 8)), response)
    assert not on_remarks_only(scored(1, (9, len(response))), response)
    assert not on_remarks_only(scored(1), response)
    assert on_remarks_only(None, "How sad.")


def test_a_ruled_level_is_the_most_probable() -> None:
    score = ruled(scored(2), 0, ())
    assert score.level == 0
    assert max(range(3), key=lambda k: score.probabilities[k]) == 0


def test_validation_beside_understanding_the_model_scored_leaves_sympathy_alone() -> None:
    response = "It's natural to be afraid of things changing. It sounds like you miss who you were."
    dims = ruled_dims(response, "I don't know who I am anymore", interpretation=whole(response, 2))
    assert dims["sympathy"].level == 0
    assert headline_style(dims) == "empathy"


def test_a_feeling_named_beside_a_blaming_question_is_the_understanding() -> None:
    response = "That sounds really isolating. Why would you move somewhere you know nobody??"
    question = response.index("Why")
    dims = ruled_dims(
        response, "I feel lonely since I moved", exploration=scored(2, (question, len(response)))
    )
    assert dims["exploration"].level == 0
    assert dims["interpretation"].level == 1
    assert [response[s.start : s.end] for s in dims["interpretation"].spans] == [
        "That sounds really isolating."
    ]


@pytest.mark.parametrize(
    "response",
    [
        "In order to find light, you must be surrounded by darkness. Hang in there.",
        "Before you can heal, you must feel the pain. Hang in there.",
        "Till you find your people, it feels like nobody gets it. Hang in there.",
    ],
)
def test_a_general_sentence_beside_scored_warmth_is_no_reflection(response: str) -> None:
    # the general or hypothetical openings are those a reflection standing alone is read
    # with (reply_reflections.GENERAL): "before", "after" and "till" among them
    dims = ruled_dims(response, "I lost my mum last month", emotional_reaction=whole(response, 1))
    assert dims["reflection"].level == 0


def test_a_reflection_after_everything_they_went_through_is_no_general_sentence() -> None:
    # "after" opens a general sentence only with anyone's "can", "must" ("Before you can
    # heal, ..."), not one about what the seeker went through
    response = "So glad you're safe. After everything you've been through, you must be exhausted."
    dims = ruled_dims(response, "I lost my mum last month", emotional_reaction=whole(response, 1))
    assert dims["reflection"].level == 1

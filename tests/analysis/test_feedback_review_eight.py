"""Feedback on a fifth review's findings (round 5, part A): what the feedback credits in kind
replies. It called a reflection or validation in other words "does not yet respond", called
the helper's own practical offer "advice" or asked it to show understanding after sympathy,
quoted a question as "the help" beside a real offer, asked for a reflection the reply gave in
other words, and passed over a question it asked. The analyses are built by hand; the rules,
the derived empathy and the style run as in the analyzer."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.taxonomy import RESPONSE_DIMENSIONS, derive_empathy, headline_style
from carelens.types import DimensionScore

NO_RESPONSE = "does not yet respond"


def read(
    seeker: str,
    response: str,
    levels: dict[str, int] | None = None,
    *,
    distress: int = 1,
    advice: float = 0.0,
) -> tuple[str, ...]:
    """The feedback on the hand-built analysis (each level scored over the whole reply),
    after the rules, as the analyzer runs them."""
    dims: dict[str, DimensionScore] = {name: dim(0) for name in RESPONSE_DIMENSIONS}
    for name, level in (levels or {}).items():
        dims[name] = dim(level, (0, len(response))) if level else dim(0)
    ruled = apply_rules(dims, response, (), seeker)
    empathy = derive_empathy(ruled)
    if empathy is not None:
        ruled["empathy"] = empathy
    flags = {"advice": advice, "self_focus": 0.0}
    made = analysis(ruled, style=headline_style(ruled, flags), flags=flags, distress=distress)
    return feedback_for(made, seeker, response)


# --- a kind reply the model scored nothing for is not "no response" -------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "credit"),
    [
        (
            "My best friend moved abroad and we barely talk now.",
            "I wonder if part of what hurts is that nobody replaced her in your days.",
            "You put their experience into words",
        ),
        (
            "I yelled at my toddler today and I feel awful.",
            "Losing your temper once after no sleep doesn't make you a bad parent.",
            "You validated what they feel",
        ),
        (
            "I've been off work with burnout for a month.",
            "Months of carrying that team would wear anyone down - it's not weakness.",
            "You validated what they feel",
        ),
    ],
)
def test_a_kind_reply_is_credited_not_called_no_response(
    seeker: str, response: str, credit: str
) -> None:
    feedback = read(seeker, response)
    assert not any(NO_RESPONSE in sentence for sentence in feedback)
    assert feedback[0].startswith(credit)


# --- the helper's own practical offer ---------------------------------------------------------


def test_a_practical_offer_is_an_offer_not_advice() -> None:
    feedback = read(
        "I'm in hospital till Friday and nobody can water my plants.",
        "I'll water your plants. Just leave the key under the mat.",
        advice=0.9,
    )
    assert feedback[0].startswith("You offered help (\"I'll water your plants")
    assert "moved to solutions" not in feedback[0]


def test_an_offer_after_sympathy_is_credited_with_it() -> None:
    feedback = read(
        "My mum's funeral is Monday and I can't face the forms.",
        "I'm so sorry. Let me handle the paperwork with the registrar for you.",
        {"compassion": 1},
    )
    assert feedback[0].startswith("You acknowledged what they shared and offered help")
    assert "show first" not in feedback[0]


def test_a_grudged_offer_is_not_credited_as_kind() -> None:
    feedback = read(
        "My car broke down and I need a lift to work.",
        "Fine, I'll drive you. Don't expect it every week.",
        {"compassion": 1},
    )
    assert not any("acknowledged what they shared" in sentence for sentence in feedback)


def test_the_offer_is_quoted_as_the_help_not_the_question_beside_it() -> None:
    feedback = read(
        "I've been so lonely since I moved here.",
        "Starting over somewhere new can feel so isolating. What do your evenings look like? "
        "There's a board-game night near me - I could meet you there on Thursday.",
        {"interpretation": 1, "exploration": 1, "compassion": 1},
    )
    assert feedback[0].startswith('You showed understanding and moved to help ("I could meet')


def test_an_offer_beside_understanding_is_credited_where_the_model_scored_no_help() -> None:
    feedback = read(
        "I failed my driving test again.",
        "Failing it twice would rattle anyone. If you want, we could practise parking on Sunday.",
        {"interpretation": 1},
    )
    assert feedback[0].startswith('You showed understanding and moved to help ("If you want,')


# --- what the reply gives already is credited, not asked for --------------------------------


def test_a_question_beside_validation_is_not_asked_to_add_a_reflection() -> None:
    feedback = read(
        "I relapsed after six months sober.",
        "One night doesn't undo six months of work. Who have you told so far?",
        {"exploration": 1},
    )
    assert "pairing it with a reflection" not in feedback[0]
    assert feedback[0].startswith('You validated what they feel ("One night')


def test_a_question_asked_is_credited_where_distress_is_high() -> None:
    feedback = read(
        "Waiting for scan results and I can't eat or sleep.",
        "How are you getting through the nights?",
        {"exploration": 1},
        distress=2,
    )
    assert feedback[0].startswith("Your question invites them to say more")
    assert "ask what would help" not in feedback[0]

"""The rules on replies the model reads as warm but that turn cold, blame, brush off or ask a
hostile question: ``dismissive`` raised to 1 with the cold words as its span, so the style
and the feedback say so, while the EPITOME mechanisms (emotional reaction, interpretation,
exploration) keep the model's levels; kind replies, kind "but"s and questions that ask keep
their reading, and short kind remarks the model calls dismissive are set aside."""

from __future__ import annotations

import pytest
from feedback_builders import analysis, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.taxonomy import headline_style
from carelens.types import DimensionScore

#: The EPITOME mechanisms, whose levels the rules never change.
MECHANISMS = ("emotional_reaction", "interpretation", "exploration")


def warm(response: str) -> dict[str, DimensionScore]:
    """What the model gives a warm-sounding reply: no dismissal (nor a lean to one),
    sympathy, an emotional reaction, an interpretation and an exploration over the whole
    reply."""
    whole = (0, len(response))
    return {
        "dismissive": dim(0, probabilities=(0.95, 0.03, 0.02)),
        "sympathy": dim(2, whole),
        "emotional_reaction": dim(1, whole),
        "interpretation": dim(2, whole),
        "exploration": dim(2, whole),
        "reflection": dim(0),
        "compassion": dim(0),
    }


SEEKER = "My fiance called off the wedding and I keep thinking I must have missed signs."


@pytest.mark.parametrize(
    ("response", "cold"),
    [
        # a cold or blaming turn after a warm opening
        (
            "Oh love, I'm so sorry, that is such a cruel kind of heartbreak. That said, there "
            "were probably red flags you chose to ignore.",
            "red flags you chose to ignore",
        ),
        (
            "That's so hard, and the guilt makes sense. But honestly, stop making it about "
            "your guilt.",
            "stop making it about your guilt",
        ),
        (
            "I'm really sorry, you clearly put your heart into it. Honestly though, long "
            "distance never works, everyone knows that.",
            "everyone knows that",
        ),
        (
            "That sounds exhausting and so unfair. Then again, you'll just have to deal with it.",
            "you'll just have to deal with it",
        ),
        (
            "Aw, that's so hurtful. Still, you're being a bit dramatic about a dinner.",
            "Still, you're being a bit dramatic",
        ),
        # brush-offs read as sympathy
        ("Everything happens for a reason. Stay positive.", "Everything happens for a reason"),
        ("It's normal, all babies cry, stop stressing.", "stop stressing"),
        ("Get another one and you'll feel better.", "Get another one"),
        # hostile questions read as exploration
        (
            "Did you even think about the people on the road?",
            "Did you even think about the people on the road",
        ),
        (
            "What do you think you're doing to push people away?",
            "What do you think you're doing to push people away",
        ),
        # demeaning help
        (
            "Fine, I'll write it, but this is the last time I bail you out.",
            "Fine, I'll write it, but this is the last time I bail you out",
        ),
    ],
)
def test_a_cold_turn_is_dismissive_and_keeps_the_mechanisms(response: str, cold: str) -> None:
    given = warm(response)
    dims = apply_rules(given, response, unsafe=(), seeker=SEEKER)
    assert dims["dismissive"].level == 1
    assert response[dims["dismissive"].spans[0].start : dims["dismissive"].spans[0].end] == cold
    assert headline_style(dims) == "dismissive"
    assert [dims[name].level for name in MECHANISMS] == [given[name].level for name in MECHANISMS]
    (sentence, *_) = feedback_for(analysis(dims), SEEKER, response)
    # quoted, after the warm words before it where they are credited ("You acknowledged what
    # they shared (...), but ...": test_feedback_acknowledged_first.py)
    assert f'"{cold[:40]}' in sentence


@pytest.mark.parametrize(
    "response",
    [
        # kind "but"s, gentle reframes and questions that ask
        "I'm so sorry. It's not about you, it's about his own fear of commitment.",
        "That's heartbreaking. Be gentle with yourself, there's no point blaming yourself now.",
        "I'm so sorry. It's okay to let it go when you're ready, there's no rush.",
        "That sounds so painful. Did you even get to talk to him before he left?",
        "I'm so sorry. What do you think you'd want to say to him, if you could?",
        "That's awful, but you didn't miss anything, he hid it well.",
        "I'm sorry. It might feel like you threw it all away, but you didn't.",
    ],
)
def test_kind_replies_keep_their_reading(response: str) -> None:
    dims = apply_rules(warm(response), response, unsafe=(), seeker=SEEKER)
    assert dims["dismissive"].level == 0
    assert headline_style(dims) != "dismissive"


@pytest.mark.parametrize(
    ("seeker", "response", "judged"),
    [
        (
            "My landlord is selling and I have two months to find somewhere.",
            "That's so stressful. To be fair, you should've seen this coming.",
            "you should've seen this coming",
        ),
        (
            "my boyfriend broke up with me over text after 3 years",
            "aww dont cry hun, you were probably a bit too clingy for him anyway",
            "you were probably a bit too clingy for him anyway",
        ),
    ],
)
def test_words_the_feedback_calls_judging_make_the_style_dismissive(
    seeker: str, response: str, judged: str
) -> None:
    dims = apply_rules(warm(response), response, unsafe=(), seeker=seeker)
    assert dims["dismissive"].level == 1
    assert [response[s.start : s.end] for s in dims["dismissive"].spans] == [judged]
    # without the message, judging words are not read (as the feedback reads them with it)
    assert apply_rules(warm(response), response, unsafe=())["dismissive"].level == 0


@pytest.mark.parametrize(
    ("seeker", "response", "dimensions"),
    [
        (
            "Failed my driving test for the third time today",
            "ouch. third time really stings.",
            {"dismissive": dim(2, (0, 6))},
        ),
        (
            "I got dumped on valentines day. in the restaurant. before the starters came",
            "oof. in public too?? that's awful",
            {"dismissive": dim(2, (22, 34)), "exploration": dim(2, (0, 20))},
        ),
        (
            "I moved across the country and I haven't made a single friend in 8 months",
            "oof, 8 months. that kind of loneliness can creep up on you.",
            {"dismissive": dim(1, (0, 14))},
        ),
    ],
)
def test_short_kind_remarks_the_model_calls_dismissive_are_set_aside(
    seeker: str, response: str, dimensions: dict[str, DimensionScore]
) -> None:
    given = {"sympathy": dim(0), "interpretation": dim(0), "exploration": dim(0), **dimensions}
    dims = apply_rules(given, response, unsafe=(), seeker=seeker)
    assert dims["dismissive"].level == 0
    assert headline_style(dims) != "dismissive"
    assert [dims[name].level for name in ("interpretation", "exploration")] == [
        given[name].level for name in ("interpretation", "exploration")
    ]


def test_disbelief_beside_judging_words_keeps_the_dismissal() -> None:
    response = "oof. in public too?? you probably deserved it though"
    dims = apply_rules(
        {"dismissive": dim(2, (21, 51)), "sympathy": dim(0)}, response, unsafe=(), seeker=SEEKER
    )
    assert dims["dismissive"].level == 2

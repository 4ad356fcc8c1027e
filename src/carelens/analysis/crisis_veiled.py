"""The checks of the veiled crisis cues, joined to those of the other patterns.

The veiled cues are stated, with their checks, in modules of one job each, and their patterns
join :data:`carelens.analysis.crisis_patterns.PATTERNS`: preparations
(:mod:`carelens.analysis.crisis_preparations`: letters for after, things given away for good,
medication stockpiled), plans (:mod:`carelens.analysis.crisis_plans`: a height weighed, the
tide's times, a date picked, a night named), questions that seek a means
(:mod:`carelens.analysis.crisis_means_questions`), passive ideation
(:mod:`carelens.analysis.crisis_passive`), masked words the unmasking leaves
(:mod:`carelens.analysis.crisis_masked_words`), another person at risk now
(:mod:`carelens.analysis.crisis_others_now`), self-harm coming back
(:mod:`carelens.analysis.crisis_self_harm_back`), the writer's time told as ending
(:mod:`carelens.analysis.crisis_not_around`: not around after a day, no return from a height,
the words that keep a goodbye company), a burden lifted by their death
(:mod:`carelens.analysis.crisis_burden`), death talk owned as meant
(:mod:`carelens.analysis.crisis_meant`), what the writer leaves for after their death (the
one who will find them, a note asked about, letters put away:
:mod:`carelens.analysis.crisis_found_after`) and a step off a height or before a train weighed
(:mod:`carelens.analysis.crisis_step_off`); a death welcomed or owned as settled
(:mod:`carelens.analysis.crisis_welcomed`), self-harm done now or just come back
(:mod:`carelens.analysis.crisis_harm_now`), another person in danger right now
(:mod:`carelens.analysis.crisis_others_danger`), affairs veiled as everyday
(:mod:`carelens.analysis.crisis_affairs`), a way out weighed in veiled words
(:mod:`carelens.analysis.crisis_ways_out`), a lonely place sought
(:mod:`carelens.analysis.crisis_lonely_places`), arrangements for after the writer's death
(:mod:`carelens.analysis.crisis_arrangements`), last words in everyday phrasing
(:mod:`carelens.analysis.crisis_last_words`), medicine weighed as a means
(:mod:`carelens.analysis.crisis_pills_kept`), self-harm acts in other words
(:mod:`carelens.analysis.crisis_harm_acts`), plain risk in short or everyday words
(:mod:`carelens.analysis.crisis_plain_risk`) and the writer's death decided, prepared or
wished in plain words (:mod:`carelens.analysis.crisis_plain_death`). :func:`with_veiled` joins
their checks to :mod:`carelens.analysis.crisis_context`'s, and a passive wish, a burden lifted, a
fatal risk or a death not minded, or a death decided or wished in plain words, laughed off over
an everyday thing is no cue ("this exam, i wish a bus
would hit me lol": :func:`carelens.analysis.crisis_unreal.laughed_off`).
"""

from __future__ import annotations

from collections.abc import Mapping

from carelens.analysis.crisis_affairs import AFFAIRS_CHECKS
from carelens.analysis.crisis_arrangements import ARRANGEMENT_CHECKS
from carelens.analysis.crisis_burden import BURDEN_CHECKS, IF_I_WERE_GONE
from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_found_after import FOUND_AFTER_CHECKS
from carelens.analysis.crisis_harm_acts import HARM_ACT_CHECKS
from carelens.analysis.crisis_harm_now import HARM_NOW_CHECKS
from carelens.analysis.crisis_last_words import LAST_WORDS_CHECKS
from carelens.analysis.crisis_lonely_places import LONELY_PLACE_CHECKS
from carelens.analysis.crisis_masked_words import MASKED_WORD_CHECKS
from carelens.analysis.crisis_means_questions import MEANS_QUESTION_CHECKS
from carelens.analysis.crisis_meant import MEANT_CHECKS
from carelens.analysis.crisis_not_around import NOT_AROUND_CHECKS
from carelens.analysis.crisis_others_danger import OTHERS_DANGER_CHECKS
from carelens.analysis.crisis_others_now import OTHERS_NOW_CHECKS
from carelens.analysis.crisis_passive import PASSIVE, PASSIVE_CHECKS
from carelens.analysis.crisis_pills_kept import PILLS_KEPT_CHECKS
from carelens.analysis.crisis_plain_death import PLAIN_DEATH, PLAIN_DEATH_CHECKS
from carelens.analysis.crisis_plain_risk import PLAIN_RISK_CHECKS
from carelens.analysis.crisis_plans import PLAN_CHECKS
from carelens.analysis.crisis_preparations import PREPARATION_CHECKS
from carelens.analysis.crisis_self_harm_back import SELF_HARM_BACK_CHECKS
from carelens.analysis.crisis_step_off import STEP_OFF_CHECKS
from carelens.analysis.crisis_unreal import laughed_off
from carelens.analysis.crisis_ways_out import WAYS_OUT_CHECKS
from carelens.analysis.crisis_welcomed import (
    DEATH_NOT_SO_BAD,
    NOT_COME_BACK,
    WELCOMED_CHECKS,
    WOULD_NOT_MIND,
)

_VEILED_CHECKS: dict[str, Check] = {
    **PREPARATION_CHECKS,
    **PLAN_CHECKS,
    **MEANS_QUESTION_CHECKS,
    **PASSIVE_CHECKS,
    **MASKED_WORD_CHECKS,
    **OTHERS_NOW_CHECKS,
    **SELF_HARM_BACK_CHECKS,
    **NOT_AROUND_CHECKS,
    **BURDEN_CHECKS,
    **MEANT_CHECKS,
    **FOUND_AFTER_CHECKS,
    **STEP_OFF_CHECKS,
    **WELCOMED_CHECKS,
    **OTHERS_DANGER_CHECKS,
    **AFFAIRS_CHECKS,
    **WAYS_OUT_CHECKS,
    **HARM_NOW_CHECKS,
    **LONELY_PLACE_CHECKS,
    **ARRANGEMENT_CHECKS,
    **LAST_WORDS_CHECKS,
    **PILLS_KEPT_CHECKS,
    **HARM_ACT_CHECKS,
    **PLAIN_RISK_CHECKS,
    **PLAIN_DEATH_CHECKS,
}


def _not_laughed_off(check: Check) -> Check:
    """``check``, and not a wish laughed off
    (:func:`~carelens.analysis.crisis_unreal.laughed_off`)."""

    def joined(text: str, start: int, end: int) -> bool:
        return check(text, start, end) and not laughed_off(text, start, end)

    return joined


def with_veiled(checks: Mapping[str, Check]) -> dict[str, Check]:
    """``checks`` (a pattern's check of the words around a match) with the veiled cues'
    checks joined, a passive wish, a burden lifted, a fatal risk not minded or a death decided
    or wished in plain words not laughed off."""
    joined = {**checks, **_VEILED_CHECKS}
    for pattern in (
        *PASSIVE,
        *IF_I_WERE_GONE,
        *WOULD_NOT_MIND,
        *DEATH_NOT_SO_BAD,
        *NOT_COME_BACK,
        *PLAIN_DEATH,
    ):
        joined[pattern] = _not_laughed_off(joined[pattern])
    return joined

"""The newer veiled crisis cues' patterns joined for :mod:`carelens.analysis.crisis_patterns`.

The veiled cues stated since :mod:`carelens.analysis.crisis_patterns` grew past its size are
joined here, each pattern with the words one of its cues must hold: a death welcomed
(:mod:`carelens.analysis.crisis_welcomed`), another person in danger now
(:mod:`carelens.analysis.crisis_others_danger`), affairs veiled as everyday
(:mod:`carelens.analysis.crisis_affairs`), a way out in veiled words
(:mod:`carelens.analysis.crisis_ways_out`), a lonely place sought
(:mod:`carelens.analysis.crisis_lonely_places`), arrangements for after the writer's death
(:mod:`carelens.analysis.crisis_arrangements`), last words in everyday phrasing
(:mod:`carelens.analysis.crisis_last_words`), medicine weighed as a means
(:mod:`carelens.analysis.crisis_pills_kept`), self-harm done now
(:mod:`carelens.analysis.crisis_harm_now`), self-harm acts in other words
(:mod:`carelens.analysis.crisis_harm_acts`) plain risk in short or everyday words
(:mod:`carelens.analysis.crisis_plain_risk`) and the writer's death decided, prepared or wished in
plain words (:mod:`carelens.analysis.crisis_plain_death`). Their checks are joined by
:mod:`carelens.analysis.crisis_veiled`. This module only gathers the patterns.
"""

from __future__ import annotations

from carelens.analysis.crisis_affairs import AFFAIRS, AFFAIRS_WORDS
from carelens.analysis.crisis_arrangements import ARRANGEMENT_WORDS, ARRANGEMENTS
from carelens.analysis.crisis_harm_acts import HARM_ACT_WORDS, HARM_ACTS, THEIRS
from carelens.analysis.crisis_harm_now import HARM_NOW, HARM_NOW_WORDS
from carelens.analysis.crisis_last_words import LAST_WORDS, LAST_WORDS_WORDS, THEIR_FAREWELL
from carelens.analysis.crisis_lonely_places import LONELY_PLACE_WORDS, LONELY_PLACES
from carelens.analysis.crisis_others_danger import OTHERS_DANGER, OTHERS_DANGER_WORDS
from carelens.analysis.crisis_pills_kept import PILLS_KEPT, PILLS_KEPT_WORDS
from carelens.analysis.crisis_plain_death import PLAIN_DEATH, PLAIN_DEATH_WORDS
from carelens.analysis.crisis_plain_risk import (
    PLAIN_RISK_WORDS,
    PLAIN_SELF_HARM,
    PLAIN_SUICIDE,
    PLAIN_THIRD_PARTY,
)
from carelens.analysis.crisis_ways_out import WAYS_OUT, WAYS_OUT_WORDS
from carelens.analysis.crisis_welcomed import WELCOMED, WELCOMED_WORDS

#: The newer veiled patterns of the label ``suicide``.
NEWER_SUICIDE: tuple[str, ...] = (
    *WELCOMED,
    *OTHERS_DANGER,
    *AFFAIRS,
    *WAYS_OUT,
    *LONELY_PLACES,
    *ARRANGEMENTS,
    *LAST_WORDS,
    *PILLS_KEPT,
    *PLAIN_SUICIDE,
    *PLAIN_DEATH,
)
#: The newer veiled patterns of the label ``self_harm``.
NEWER_SELF_HARM: tuple[str, ...] = (*HARM_NOW, *HARM_ACTS, *THEIRS, *PLAIN_SELF_HARM)
#: The newer patterns of another person's risk, not the writer's own.
NEWER_THIRD_PARTY: tuple[str, ...] = (
    *OTHERS_DANGER,
    *THEIR_FAREWELL,
    *THEIRS,
    *PLAIN_THIRD_PARTY,
)
#: For each newer pattern, the words one of its cues must hold.
NEWER_WORDS: dict[str, str] = {
    **WELCOMED_WORDS,
    **OTHERS_DANGER_WORDS,
    **AFFAIRS_WORDS,
    **WAYS_OUT_WORDS,
    **LONELY_PLACE_WORDS,
    **ARRANGEMENT_WORDS,
    **LAST_WORDS_WORDS,
    **PILLS_KEPT_WORDS,
    **HARM_NOW_WORDS,
    **HARM_ACT_WORDS,
    **PLAIN_RISK_WORDS,
    **PLAIN_DEATH_WORDS,
}

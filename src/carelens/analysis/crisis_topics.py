"""The bare crisis words read as a topic or a story's, not as anyone's risk.

"suicide", "suicidal", "self harm" and "self-injury" are cues wherever they stand
(:data:`carelens.analysis.crisis_patterns.SUICIDE_WORD`,
:data:`~carelens.analysis.crisis_patterns.SELF_HARM_WORD`,
:data:`~carelens.analysis.crisis_patterns.SELF_INJURY_WORD`), but for two readings that
:func:`with_topics` joins to the checks of :mod:`carelens.analysis.crisis_context`:

- :func:`as_a_topic`: the word names a field of work or of figures, right before it
  (:data:`_TOPIC_AFTER`: "a suicide prevention course at work", "a sponsored walk for suicide
  prevention", "farmer suicide rates in india", "self harm awareness week"), in a message
  without words of a slip or a wish now
  (:data:`carelens.analysis.crisis_recovered.SLIPPING`: "... and I want to die"). A helpline
  or a crisis line named ("I called the suicide hotline last night") is no topic, nor is a loss
  ("a suicide loss group", "bereaved by suicide": its cue is how the crisis feedback reads a
  loss), nor "suicide attempt", "suicide note", "suicide plan".
- a story's: a story's person's, named right before it (:func:`of_a_story_person`: "the way
  the show handled the character's suicide", "my OC attempts suicide"; not with the writer
  drawn to it: "... and i relate so much", "i want to do that too"), or told in a story as
  :func:`carelens.analysis.crisis_stories.in_a_story` reads the means, farewells and third
  parties' risks ("that show handled the character's self harm storyline well").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_denials import clauses
from carelens.analysis.crisis_patterns import SELF_HARM_WORD, SELF_INJURY_WORD, SUICIDE_WORD
from carelens.analysis.crisis_recovered import SLIPPING
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

# Right after the word, a field of work or of figures it names.
_TOPIC_AFTER = re.compile(
    r"\s*(?:prevention|awareness|rates?|statistics|stats|figures|research|studies|study"
    r"|training|first\s+aid|epidemic)\b",
    _FLAGS,
)


def as_a_topic(text: str, start: int, end: int) -> bool:
    """Whether the crisis word at ``text[start:end]`` names a field of work or of figures
    (:data:`_TOPIC_AFTER`) in a message without words of a slip or a wish now
    (:data:`~carelens.analysis.crisis_recovered.SLIPPING`)."""
    if _TOPIC_AFTER.match(text, end) is None:
        return False
    return SLIPPING.search(text) is None


# Right before the word in its clause, a story's person: "the character's suicide", "my OC
# attempts suicide", "the villain's self-harm arc".
_STORY_PERSON = re.compile(
    r"\b(?:characters?|protagonists?|antagonists?|villains?|heroes|hero|heroine|oc|ocs|mc"
    r"|narrator|main\s+(?:character|girl|guy|boy|lead))(?:'s|s'|\u2019s)?\s+(?:[\w']+\s+){0,2}$",
    _FLAGS,
)
# Anywhere in the message, the writer drawn to it: "me too", "i relate", "like her".
_DRAWN = re.compile(
    r"\b(?:too|same|relat\w*|like\s+(?:him|her|them)|do\s+(?:it|that)|real\s+life|want\s+(?:that"
    r"|this|it)|for\s+myself|envy|envious|jealous|wish\s+i|lucky)\b",
    _FLAGS,
)


def of_a_story_person(text: str, start: int, end: int) -> bool:
    """Whether the crisis word at ``text[start:end]`` is a story's person's, named right before
    it in its clause (:data:`_STORY_PERSON`), in a message without words of a slip or a wish
    (:data:`~carelens.analysis.crisis_recovered.SLIPPING`) nor of the writer drawn to it
    (:data:`_DRAWN`)."""
    if _STORY_PERSON.search(clauses(text, start, end)[0]) is None:
        return False
    return SLIPPING.search(text) is None and _DRAWN.search(text) is None


def _topic_or_story(text: str, start: int, end: int) -> bool:
    return (
        as_a_topic(text, start, end)
        or of_a_story_person(text, start, end)
        or in_a_story(text, start, end)
    )


def _both(check: Check | None) -> Check:
    """``check`` (none: every match) and not :func:`_topic_or_story`."""

    def joined(text: str, start: int, end: int) -> bool:
        if check is not None and not check(text, start, end):
            return False
        return not _topic_or_story(text, start, end)

    return joined


def with_topics(checks: Mapping[str, Check]) -> dict[str, Check]:
    """``checks`` (a pattern's check of the words around a match) with the readings of this
    module joined for the bare words: a match is a cue only where its own check holds and it
    is neither a topic (:func:`as_a_topic`) nor a story's
    (:func:`~carelens.analysis.crisis_stories.in_a_story`)."""
    joined = dict(checks)
    for pattern in (SUICIDE_WORD, SELF_HARM_WORD, SELF_INJURY_WORD):
        joined[pattern] = _both(checks.get(pattern))
    return joined

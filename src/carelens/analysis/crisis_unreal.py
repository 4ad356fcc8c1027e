"""Crisis words that tell of no one's real risk: a death wish laughed off over an everyday
thing, a jump made for sport.

Two readings set a match of :data:`carelens.analysis.crisis_patterns.PATTERNS` aside, on top
of the checks :mod:`carelens.analysis.crisis_context` gives it (:func:`with_unreal` joins them;
the learned flag does not read their words: :func:`unreal_mentions`):

- :func:`laughed_off`: a wish to die or to kill oneself said of a film, a meal, an exam, a
  meeting, with a verdict on it and a laugh in its sentence ("the movie was so bad i wanted to
  die lol", "the exam was so hard i wanted to die haha", "that lecture was so boring i wanted to
  die lmao"). The wish alone stays a cue ("i wanted to die", "lol i just want to die", "my life
  is a joke i want to die lol"), and so does one over an everyday thing without a laugh ("the
  game made me want to kill myself") or beside words of earnest or of the writer's own risk
  elsewhere in the message ("... not joking", "... but honestly i want to die every day").
- :func:`for_sport`: a jump from a height made for sport or fun ("we went bungee jumping off a
  bridge on holiday, best day ever", "base jumping off a building in dubai"); a jump into water
  alone stays a cue ("i want to jump off a bridge into the river"), and so does one with words
  of a risk ("... without a bungee cord", "... and wished the cord would snap").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_patterns import JUMPS, KILL_MYSELF, OWN_RISK_WORDS, WANT_TO_DIE
from carelens.analysis.words import sentence_after, sentence_before

_FLAGS = re.IGNORECASE

# A laugh: "lol", "lmao", "haha", "jk", "xD", a crying-laughing face or a skull.
_LAUGH = re.compile(
    r"\b(?:lo+l+|lmf?a+o+|rofl|ha(?:ha)+h?|he(?:he)+|jk|xd+)\b|[\U0001f602\U0001f923\U0001f480]",
    _FLAGS,
)
# An everyday thing a wish to die may be said of: a film, a meal, an exam, a meeting, a date.
_EVERYDAY_THING = re.compile(
    r"\b(?:movies?|films?|shows?|episodes?|series|books?|songs?|albums?|concerts?|games?|match"
    r"|meals?|food|dinner|lunch|breakfast|restaurant|pizza|exams?|tests?|quiz\w*|lectures?|class"
    r"|lessons?|homework|assignments?|essays?|presentations?|meetings?|dates?|commute|traffic"
    r"|queue|flights?|workout|practice|jokes?|puns?|memes?|videos?|plays?|musical|speech|sermon"
    r"|wedding|party|zoom\s+call)\b",
    _FLAGS,
)
# A verdict on it: "so bad", "boring", "cringe", "so awkward", "made me".
_VERDICT = re.compile(
    r"\b(?:bad|boring|awful|terrible|horrible|cringe\w*|embarrass\w*|awkward|gross|disgusting"
    r"|long|hard|difficult|dull|painful|spicy|loud|slow|stupid|dumb|lame|tedious|brutal|rough"
    r"|funny|hilarious|weird|made\s+me|makes\s+me)\b",
    _FLAGS,
)
# Words of earnest anywhere in the message: "not joking", "for real", "every day".
_EARNEST = re.compile(
    r"\b(?:not\s+(?:even\s+)?(?:joking|kidding)|no\s+joke|for\s+real|fr|seriously|genuinely|irl"
    r"|in\s+real\s+life|every\s*day|every\s+night|all\s+the\s+time|for\s+(?:weeks|months|years)"
    r"|(?:i'?m|im|i\s+am)\s+serious|about\s+everything|lately|always|constantly)\b",
    _FLAGS,
)
_OWN_RISK = re.compile(OWN_RISK_WORDS, _FLAGS)


# After a wish to die, the idiom of a feeling one "dies of": "i want to die of embarrassment".
_DIE_OF = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?(?:embarrassment|cringe|boredom|laughter|laughing)\b", _FLAGS
)


def laughed_off(text: str, start: int, end: int) -> bool:
    """Whether the wish to die at ``text[start:end]`` is a hyperbole laughed off: its sentence
    names an everyday thing (:data:`_EVERYDAY_THING`) with a verdict on it (:data:`_VERDICT`)
    and a laugh (:data:`_LAUGH`, in its sentence or right after it), and the message holds no
    word of earnest (:data:`_EARNEST`) nor, outside that sentence, a word of the writer's own
    risk (:data:`~carelens.analysis.crisis_patterns.OWN_RISK_WORDS`)."""
    before, after = sentence_before(text, start), sentence_after(text, end)
    sentence = before + text[start:end] + after
    if _DIE_OF.match(text, end) is None:
        if _EVERYDAY_THING.search(sentence) is None or _VERDICT.search(sentence) is None:
            return False
        if _LAUGH.search(sentence) is None and _LAUGH.search(text, end, end + 16) is None:
            return False
    if _EARNEST.search(text) is not None:
        return False
    rest = text[: start - len(before)] + "\n" + text[end + len(after) :]
    return _OWN_RISK.search(rest) is None


# In a jump's sentence, a sport or fun: "bungee", "base jumping", "for fun", "best day ever".
_SPORT = re.compile(
    r"\b(?:bungee\w*|base[\s-]?jump\w*|parachut\w*|skydiv\w*|paraglid\w*|hang[\s-]?glid\w*"
    r"|parkour|zip[\s-]?lin\w*|cliff[\s-]?(?:jump|div)\w*|wingsuit|free\s*running|for\s+fun"
    r"|(?:on|for)\s+a\s+dare|best\s+day|so\s+(?:much\s+)?fun|such\s+fun|adrenaline|thrill\w*"
    r"|on\s+(?:holiday|vacation)|harness|as\s+kids|all\s+summer)\b",
    _FLAGS,
)
# In its sentence, words of a risk that leave it a cue: "without a bungee cord", "wished the cord
# would snap", "i want to die".
_RISK = re.compile(
    r"\b(?:di(?:e|es|ed|ing)|dead|death|kill\w*|suicid\w*|end\s+it|on\s+purpose|snap\w*"
    r"|(?:cord|rope)\s+(?:would\s+|to\s+)?(?:break|broke)|(?:without|no|minus|forget|skip)\s+"
    r"(?:a\s+|the\s+|any\s+)?(?:bungee|cord|rope|parachute|chute|harness))\b",
    _FLAGS,
)


# Where a clause ends: a sentence's mark, a comma, a semicolon, "but", "though".
_CLAUSE_BREAK = re.compile(r"[.!?\n,;]|\b(?:but|though|although)\b", _FLAGS)


def for_sport(text: str, start: int, end: int) -> bool:
    """Whether the jump at ``text[start:end]`` is one made for sport or fun: a sport named in
    its clause (:data:`_SPORT`, :data:`_CLAUSE_BREAK`: not "bungee jumping sounds fun but i just
    want to jump off a bridge"), and no words of a risk in its sentence (:data:`_RISK`)."""
    before, after = sentence_before(text, start), sentence_after(text, end)
    clause = (
        _CLAUSE_BREAK.split(before)[-1]
        + text[start:end]
        + _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    )
    return _SPORT.search(clause) is not None and _RISK.search(before + after) is None


#: The patterns these readings set aside, and the reading of each.
_UNREAL: dict[str, Check] = {
    WANT_TO_DIE: laughed_off,
    KILL_MYSELF: laughed_off,
    **dict.fromkeys(JUMPS, for_sport),
}


def _both(check: Check | None, unreal: Check) -> Check:
    """``check`` (none: every match) and not ``unreal``."""

    def joined(text: str, start: int, end: int) -> bool:
        if check is not None and not check(text, start, end):
            return False
        return not unreal(text, start, end)

    return joined


def with_unreal(checks: Mapping[str, Check]) -> dict[str, Check]:
    """``checks`` (a pattern's check of the words around a match) with the readings of this
    module joined: a match of a pattern they read is a cue only where its own check holds and
    it is no hyperbole laughed off (:func:`laughed_off`) nor a jump for sport
    (:func:`for_sport`)."""
    joined = dict(checks)
    for pattern, unreal in _UNREAL.items():
        joined[pattern] = _both(checks.get(pattern), unreal)
    return joined


_READINGS = tuple((re.compile(pattern, _FLAGS), unreal) for pattern, unreal in _UNREAL.items())


def unreal_mentions(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` (folded: :func:`carelens.text.fold`) holds crisis words these readings
    set aside, as (start, end) offsets: a hyperbole laughed off, a jump for sport. No pattern
    flags them, and the learned flag (:mod:`carelens.analysis.crisis_model`) does not read
    their words either."""
    return tuple(
        sorted(
            match.span()
            for pattern, unreal in _READINGS
            for match in pattern.finditer(text)
            if unreal(text, *match.span())
        )
    )

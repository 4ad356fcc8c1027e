"""Words of danger that no suggested opening echoes, and the seeker's own words beside them.

No clause is offered that holds a crisis cue ("It sounds like you bought a gun to use on
yourself…" would echo the danger as a casual reflection), crisis wording the seeker negates,
urging or method words, or "kys", "die", "kill myself"... whoever the seeker says wrote them
(:data:`_DANGER`), also masked ("d-i-e", "d.i.e", "k*ll myself", "d*e":
:func:`carelens.text.unmask`, :data:`_DANGER_MASKED`): :func:`danger_spans`. The seeker's own
feeling before the connective of such words that tell of someone else's act may be offered
("I feel lost since she took her own life" offers "I feel lost": :func:`before_danger`), and
so may their own clause after such words ("People at school told me to kys and I feel
worthless" offers "I feel worthless": :func:`after_danger`). The spans to avoid are kept
merged and in order (:func:`merged`), so that :func:`overlaps` finds one by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.crisis import crisis_scan
from carelens.analysis.crisis_feedback import whose_before
from carelens.analysis.openings_trim import CONJUNCTION, OWN_SUBJECT, needs_more
from carelens.analysis.quoting import NO_SPACE_RUN
from carelens.analysis.unsafe import unsafe_spans
from carelens.analysis.words import WORD
from carelens.text import MASKED_LETTER, fold, unmask, vowels_masked

#: Words that echo danger whoever writes them, beside the crisis cues and the unsafe words:
#: "kys" and what someone else urged ("told me to kys", "said I should kill myself"), "die",
#: "suicide", "self harm", "overdose", "end it all", "took his own life" (not "cut myself
#: off", "cut yourself some slack"). A clause with one is no casual opening ("It sounds like
#: people at school told you to kys…" echoes the danger).
_KYS = r"\bk\.?\s?y\.?\s?s+\b"
# After the verbs of harm: "myself", "yourself"... (group by group, as :data:`_DANGER_MASKED`
# reads them).
_SELF = (
    r"\w*\s+(?:my|your|ur|him|her|them|our|one)?\s*sel(?:f|ves)\b"
    r"(?!\s+(?:some\s+)?(?:slack|a\s+break|off|free|loose|short|out)\b)"
)
_HARM_VERBS = r"kill|unalive|off|hang|stab|slit|hurt|harm|cut|burn"
_DANGER_WORDS = (
    r"\b(?:die|suicid\w*|self[\s-]*harm\w*|overdos\w*)\b"
    r"|\bend(?:s|ed|ing)?\s+(?:it\s+all|(?:my|your|his|her|their|our)\s+(?:own\s+)?li(?:fe|ves))\b"
    r"|\b(?:take|takes|took|taking|taken)\s+(?:my|your|his|her|their|our)\s+own\s+li(?:fe|ves)\b"
)
_DANGER = re.compile(rf"{_KYS}|\b(?:shoot|{_HARM_VERBS}){_SELF}|{_DANGER_WORDS}", re.IGNORECASE)
#: :data:`_DANGER` with a masked letter for any vowel of its words, read in text that
#: :func:`~carelens.text.unmask` read ("k*ll myself", "d*e": :func:`~carelens.text.vowels_masked`);
#: "kys" only as "k*s" ("k*ss" is a kiss), and "shoot" only with one "o" shown ("sh*ot":
#: "sh*t myself", "sh**t myself" are swearing).
_DANGER_MASKED = re.compile(
    "|".join(
        (
            _KYS,
            rf"\bk{MASKED_LETTER}s\b",
            rf"\bsh(?:o[o{MASKED_LETTER}]|{MASKED_LETTER}o)t{vowels_masked(_SELF)}",
            vowels_masked(rf"\b(?:{_HARM_VERBS}){_SELF}"),
            vowels_masked(_DANGER_WORDS),
        )
    ),
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def danger_spans(seeker: str) -> tuple[tuple[int, int], ...]:
    """Where ``seeker`` holds words an opening must not echo: its crisis cues and the crisis
    words it negates ("I'm not suicidal"), both of :func:`carelens.analysis.crisis.crisis_scan`,
    urging or method words (:func:`carelens.analysis.unsafe.unsafe_spans`) and the words of
    :data:`_DANGER`, whoever is said to have written them ("told me to kys"). Like the
    others, :data:`_DANGER` reads the text as the patterns do (:func:`~carelens.text.fold`:
    "sui\u00adcide", full-width letters), and it reads masked words as the words they mask
    (:func:`~carelens.text.unmask`: "d-i-e", "k*ll myself"); its words are mapped back to the
    seeker's offsets. The last few messages' answers are kept: the feedback on every reply to
    one message asks about it again."""
    cues, negated = crisis_scan(seeker)
    folded = fold(seeker)
    unmasked = unmask(folded.text)
    # Without a masked letter the masked pattern finds what the plain one does, more slowly.
    danger = _DANGER_MASKED if MASKED_LETTER in unmasked.text else _DANGER
    return (
        *((cue.start, cue.end) for cue in cues),
        *negated,
        *((span.start, span.end) for span in unsafe_spans(seeker)),
        *(folded.span(*unmasked.span(*found.span())) for found in danger.finditer(unmasked.text)),
    )


def merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of ``spans`` merged where they overlap, in order (so that
    :func:`overlaps` finds one that overlaps a piece by bisection)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def after_danger(text: str, spans: tuple[list[int], list[int]], start: int, end: int) -> int | None:
    """Where a clause of the seeker's own starts in ``text[start:end]`` after the last of the
    :func:`merged` ``spans`` in it: after an English conjunction
    (:data:`~carelens.analysis.openings_trim.CONJUNCTION`) followed by a subject of theirs
    (:data:`~carelens.analysis.openings_trim.OWN_SUBJECT`: "... told me to kys and I feel
    worthless"); None when there is none, or a span reaches the end."""
    starts, ends = spans
    k = bisect_left(starts, end) - 1  # the last that starts before ``end``
    if k < 0 or ends[k] >= end:
        return None
    for found in CONJUNCTION.finditer(text, max(start, ends[k]), end):
        if OWN_SUBJECT.match(text, found.end(), end):
            return found.end()
    return None


#: Where the words before danger end: before the connective that joins the danger to them
#: ("I feel lost since she took her own life", "..., after my brother's suicide").
_DANGER_CONNECTIVE = re.compile(
    r"\s*,\s*|\s+(?:(?:and|but|or|especially)\s+)?(?:(?:ever|right|just|even|only)\s+)?"
    r"(?:since|after|because|when)\b",
    re.IGNORECASE,
)


def before_danger(
    text: str, spans: tuple[list[int], list[int]], start: int, end: int
) -> int | None:
    """Where the clause ``text[start:end]`` may end before the first of the :func:`merged` ``spans``
    in it: before the last connective (:data:`_DANGER_CONNECTIVE`) ahead of that span, when every
    span in the clause tells of someone else (:func:`_someone_elses`: "I feel lost since she took
    her own life" may end before "since"); None when one may be the seeker's own ("I feel lost
    because I want to die", "after my suicide attempt"), no connective comes after a word, or the
    words before it end on one that needs another
    (:func:`~carelens.analysis.openings_trim.needs_more`)."""
    starts, ends = spans
    k = bisect_right(ends, start)  # the first that ends after ``start``
    if k >= len(starts) or starts[k] <= start:
        return None
    j = k
    while j < len(starts) and starts[j] < end:
        if not _someone_elses(text, start, starts[j], ends[j]):
            return None
        j += 1
    cut = None
    for found in _DANGER_CONNECTIVE.finditer(text, start, starts[k]):
        cut = found.start()
    words = NO_SPACE_RUN.findall(text, start, cut) if cut is not None else []
    if not words or needs_more(words[-1]):
        return None
    return cut


def _someone_elses(text: str, start: int, first: int, last: int) -> bool:
    """Whether the danger words ``text[first:last]`` tell of someone else's act, not of the
    seeker's own intent (as the crisis feedback reads whose a cue is,
    :func:`carelens.analysis.crisis_feedback.whose_before`): by a word of their own ("took
    her own life", "kill myself"), else by the nearest telling word before them from
    ``start`` ("since my brother's suicide"; "since I want to die", "after my suicide
    attempt" are the seeker's). Where no word tells, they are the seeker's."""
    for word in WORD.findall(text, first, last):
        if (theirs := whose_before(word)) is not None:
            return theirs
    for word in reversed(WORD.findall(text, start, first)):
        if (theirs := whose_before(word)) is not None:
            return theirs
    return False


def overlaps(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of the :func:`merged` ``spans``."""
    starts, ends = spans
    k = bisect_right(ends, start)  # the first that ends after ``start``
    return k < len(starts) and starts[k] < end

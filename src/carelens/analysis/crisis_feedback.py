"""The feedback sentences about danger: the reply's unsafe words, the seeker's crisis cues.

:func:`carelens.analysis.feedback.feedback_for` puts these first, as a crisis is read before
the reply's craft. A reply that urges the seeker to die or gives a means (the analysis's
``unsafe`` words, from :mod:`carelens.analysis.unsafe`) is quoted, and the helper asked to
take it out, check on safety and share crisis resources (:func:`unsafe_sentence`). Crisis
cues of the patterns in the seeker message (suicide or self-harm wording) ask the helper to
read them now, ask directly and share crisis resources; for a cue about someone else
(codebook v1.1's third party: "My son said he wants to kill himself"), to ask about that
person and whether they are safe now, share a line for them to use or pass on, and ask how
the seeker is coping; what the reply already did (asked directly, named a crisis line, asked
how they cope) is said so, and only the rest asked for (:func:`crisis_sentence`). A cue of
the learned crisis flag alone (:mod:`carelens.analysis.crisis_model`) gets a hint
(:func:`learned_hint`): the message :data:`LEARNED_HINT`; read it closely and, if anything
worries them, ask gently whether the person is safe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.feelings import SENTENCE, WORD, plain
from carelens.analysis.quoting import quote
from carelens.types import Span

#: The crisis lines of :data:`carelens.analysis.crisis.CRISIS_RESOURCES` in one line, as
#: every crisis sentence and the command line's summary name them: 988 and 741741 are US
#: lines, findahelpline.com lists those of other countries (their numbers are public
#: contacts, which redaction leaves: :data:`carelens.analysis.crisis.RESOURCE_CONTACTS`).
CRISIS_LINES = "988 or text HOME to 741741 in the US; findahelpline.com elsewhere"
_CRISIS_LINES = f"({CRISIS_LINES})"
#: What a cue of the learned flag alone may mean, in feedback and on the annotation page: the
#: flag marks suicidal thoughts, self-harm and reports about others alike (and grief).
LEARNED_HINT = "may point to a crisis (thoughts of suicide or self-harm)"


#: Words of a crisis cue, or the nearest of them before it in its sentence, that tell whose
#: risk it is: the seeker's ("kill myself", "I self harm", "my thoughts of suicide") or
#: someone else's (codebook v1.1's third party: "he wants to kill himself", "my son is
#: suicidal", "my best friend cuts herself").
_OWN_RISK = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself", "mine",
])  # fmt: skip
_THEIR_RISK = frozenset([
    "he", "she", "they", "he's", "she's", "they're", "him", "her", "them", "his", "their",
    "himself", "herself", "themselves", "themself",
    "son", "daughter", "kid", "child", "teen", "teenager", "boy", "girl", "baby", "mom", "mum",
    "mother", "dad", "father", "parent", "brother", "sister", "sibling", "husband", "wife",
    "partner", "spouse", "boyfriend", "girlfriend", "bf", "gf", "fiance", "fiancee", "friend",
    "bestie", "roommate", "cousin", "niece", "nephew", "aunt", "uncle", "grandma", "grandpa",
    "student", "classmate", "coworker", "colleague",
])  # fmt: skip
#: A question of the reply about harm or safety ("Are you thinking of killing yourself right
#: now?", "Is he safe tonight?", "Do you have a plan?"): it asked directly.
_ASKS_ABOUT_HARM = re.compile(
    r"\b(?:suicid\w*|kill(?:ing)?\s+(?:your|him|her|them)sel(?:f|ves)|(?:end|take)(?:ing)?\s+"
    r"(?:your|his|her|their)\s+(?:own\s+)?life|(?:hurt|harm)(?:ing)?\s+(?:your|him|her|them)"
    r"sel(?:f|ves)|self[\s-]*harm\w*|cutting|safe|die|dying|a\s+plan)\b",
    re.IGNORECASE,
)
#: A crisis line or emergency service the reply names ("Please call or text 988").
_SHARES_A_LINE = re.compile(
    r"\b(?:988|741741)\b|findahelpline|\b(?:hot|help|life)\s*line|\bcrisis\s+(?:text\s+)?"
    r"(?:line|cent(?:er|re)|team|service)|\bsamaritans\b|\b(?:call|dial|ring)\s+(?:911|999|112|000)"
    r"\b|\bemergency\s+(?:services|room|number)",
    re.IGNORECASE,
)
#: The reply asks how the seeker is coping ("How are you holding up?").
_ASKS_HOW_THEY_COPE = re.compile(
    r"\bhow\s+are\s+you\s+(?:\w+\s+)?(?:coping|holding\s+up|doing|managing|feeling)\b"
    r"|\bhow\s+about\s+you\b|\bare\s+you\s+(?:ok|okay|alright|all\s+right)\b",
    re.IGNORECASE,
)


def _someone_elses_risk(seeker: str, cue: Span) -> bool:
    """Whether the crisis ``cue`` of ``seeker`` tells of someone else's risk (codebook v1.1's
    third party: "My son said he wants to kill himself"): a word of the cue itself says whose
    it is ("kill myself", "cuts herself"), or else the nearest such word before it in its
    sentence ("my son is suicidal", "my thoughts of suicide", "I self harm"); where none
    does, it is the seeker's."""
    for word in WORD.findall(seeker, cue.start, cue.end):
        if plain(word) in _OWN_RISK:
            return False
        if plain(word) in _THEIR_RISK:
            return True
    begins = max((m.start() for m in SENTENCE.finditer(seeker, 0, cue.start + 1)), default=0)
    for word in reversed(WORD.findall(seeker, begins, cue.start)):
        folded = plain(word).removesuffix("'s")
        if folded in _OWN_RISK:
            return False
        if folded in _THEIR_RISK or folded.removesuffix("s") in _THEIR_RISK:
            return True
    return False


def _listed(items: Sequence[str]) -> str:
    """``items`` as a list in words ("a and b", "a, b, and c"; "a and b, and c")."""
    if len(items) < 3:
        return (", and " if any(" and " in item for item in items) else " and ").join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def crisis_sentence(seeker: str, cues: Sequence[Span], response: str) -> str:
    """What to do about the crisis ``cues`` of the patterns in ``seeker``: read closely, ask
    directly, share a crisis line; for someone else at risk (:func:`_someone_elses_risk`,
    every cue), ask about that person and whether they are safe now, share a line for them to
    use or pass on, and ask how the seeker is coping. What ``response`` already did (a
    question about harm or safety, a crisis line named, a question of how they cope) is said
    so, and only what is missing is asked for."""
    own = [cue for cue in cues if not _someone_elses_risk(seeker, cue)]
    cue = own[0] if own else cues[0]
    words = quote(seeker, cue.start, cue.end, 8)
    asked = any(
        "?" in found.group(0) and _ASKS_ABOUT_HARM.search(found.group(0))
        for found in SENTENCE.finditer(response)
    )
    shared = _SHARES_A_LINE.search(response) is not None
    if own:
        steps = [
            ("asked them directly", "ask them directly whether they are thinking of harming "
             "themselves", asked),
            ("shared a crisis line", f"share a crisis line {_CRISIS_LINES}", shared),
        ]  # fmt: skip
        who = ""  # the seeker's own
    else:
        coping = _ASKS_HOW_THEY_COPE.search(response) is not None
        steps = [
            ("asked whether that person is safe", "ask about that person and whether they are "
             "safe now", asked),
            ("shared a crisis line", f"share a crisis line for them to use or pass on "
             f"{_CRISIS_LINES}", shared),
            ("asked how they are coping", "ask how they themselves are coping", coping),
        ]  # fmt: skip
        who = " about someone at risk"
    done = [did for did, _, is_done in steps if is_done]
    missing = [todo for _, todo, is_done in steps if not is_done]
    if not done:
        return f'They wrote "{words}"{who}: {_listed(["read their message closely", *missing])}.'
    if not missing:
        return (
            f'They wrote "{words}"{who}: you {_listed(done)}, as a message like this needs; '
            "keep reading closely what they answer."
        )
    return f'They wrote "{words}"{who}: you {_listed(done)}; also {_listed(missing)}.'


def unsafe_sentence(response: str, unsafe: Span) -> str:
    """What to do about the ``unsafe`` words of ``response`` (urging self-harm or giving a
    means): quote them, ask the helper to take them out, check on safety and share a line."""
    words = quote(response, unsafe.start, unsafe.end, 8)
    return (
        f'"{words}" could push them towards harming themselves: take it out, ask them '
        f"directly whether they are safe, and share a crisis line {_CRISIS_LINES}."
    )


def learned_hint(seeker: str, cue: Span) -> str:
    """The hint that goes before the main sentence when only the learned crisis flag marked
    ``seeker`` (its ``cue``): the message :data:`LEARNED_HINT`; read it closely and, if
    anything worries the helper, ask gently whether the person is safe."""
    words = quote(seeker, cue.start, cue.end, 8)
    return (
        f'Their message {LEARNED_HINT} where they wrote "{words}": read it closely, and if '
        "anything in it worries you, ask them gently whether they are safe "
        f"{_CRISIS_LINES}."
    )

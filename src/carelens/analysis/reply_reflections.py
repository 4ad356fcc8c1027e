"""A reflection beside a helper's remarks of sympathy: the part of the reply that says the
seeker's experience back to them.

The model, trained on EPITOME, reads a remark on what the seeker told ("That's awful.", "How
heartbreaking.", "What a nightmare.") as an emotional reaction, and beside one it often scores
no understanding for the words after it, or marks its rationale on the remark alone: "How awful.
It sounds like you're caught in the middle of their fights." was given only the sympathy
sentence, though the same reflection alone was praised as one; so it is beside reassurance
("Stop blaming yourself. It sounds like you're carrying all of it.") and validation.
:func:`reflection_beside` finds such a reflection in a reply that has remarks or other kind
words (:mod:`carelens.analysis.reply_remarks`,
:func:`carelens.analysis.rules_readings.kind_clauses`): a clause outside them that opens with
words that say back what it is like for the seeker (:data:`_REFLECTIVE`: "It sounds like you…",
"Sounds like this keeps happening", "You must be grieving so much", "You're probably scared", "I
can only imagine how…", "So you're…"), and not advice ("It sounds like you should talk to her":
:data:`_ADVICE`), the helper's own story ("It sounds like me when I…") nor a put-down ("It
sounds like you're overreacting"). A reply without kind words is left to the model. Whether the
reflection judges them otherwise is read by :mod:`carelens.analysis.reply_judging` and the
rules, as for any reply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.reply_remarks import CLAUSE_END
from carelens.analysis.words import WORD

#: The start of a clause that says back what it is like for the seeker: "It sounds like",
#: "That must be", "You must feel", "You're probably", "I can only imagine how", "So
#: you're" (interjections before them too: "Oh, it sounds like").
_REFLECTIVE = re.compile(
    r"\s*(?:(?:and|so|oh|honestly|man|god|wow|yeah|i\s+mean|it\s+seems)\s+)*"
    r"(?:(?:it|that|this)\s+(?:(?:really|just|definitely|truly|almost)\s+)?"
    r"(?:sounds|seems|feels|looks)\s+(?:like|as\s+if|as\s+though)\b"
    r"|(?:it\s+)?(?:sounds|seems)\s+like\b"
    r"|(?:you|u)\s+(?:must|probably)\s+(?:(?:really|still|also|so|just)\s+)*"
    r"(?:feel|be|have|miss|love|wish|want|hate|worry|wonder|think|care)\b"
    r"|(?:you['\u2019]re|youre|you\s+are)\s+(?:probably|clearly|obviously|still)\b"
    # "You're carrying all of this by yourself", "You've been holding everything together"
    r"|(?:you['\u2019]re|youre|you\s+are|you['\u2019]ve\s+been|you\s+have\s+been)\s+"
    r"(?:(?:really|still|all|so)\s+)?(?:carrying|holding|dealing|going\s+through|juggling"
    r"|handling|doing\s+(?:everything|it\s+all|so\s+much)|trying\s+(?:so\s+hard|your\s+best)"
    r"|struggling|hurting|grieving|missing|feeling|fighting|coping|facing|caught|stuck|left)\b"
    # "You feel like you don't matter to him" (what they feel about it: :data:`_FELT_AS`)
    r"|(?:you|u)\s+(?:(?:probably|must|really|just)\s+)?(?:feel|felt)\s+(?:like|as\s+if|that)\b"
    r"|(?:that|it|this)\s+must\s+(?:be|feel|have)\b"
    r"|i\s+can\s+(?:only\s+)?(?:imagine|see|tell)\s+(?:how|why|what|that)\b"
    # "You're handing someone you love over to people you barely know"
    r"|(?:you['\u2019]re|youre|you\s+are)\s+(?:handing|giving\s+up|losing|watching|waiting"
    r"|navigating|balancing|raising|caring\s+for|looking\s+after|living\s+with|putting\s+up)\b"
    # "no wonder you don't know what to feel", "that's the last thing you need when ...",
    # "it's one thing to know it and another to hold it", "that kind of loneliness can ...",
    # "hearing that from your own kid must sting", "like everything took more than you had"
    r"|no\s+wonder\s+(?:you|u)(?:['\u2019]re|\s+are|\s+feel|\s+felt|\s+don['\u2019]?t|\s+can['\u2019]?t"
    r"|['\u2019]ve|\s+have|\s+keep|\s+dread|\s+hate|\s+miss|\s+worry|\s+struggle|\s+want"
    r"|\s+need)\b(?!\s+(?:single|failing|broke|fat|fired|dumped|late|behind|in\s+debt)\b)"
    r"|(?:that['\u2019]s|that\s+is|it['\u2019]s|it\s+is)\s+the\s+last\s+thing\s+(?:you|u)\s+need"
    r"|it['\u2019]s\s+one\s+thing\s+to\b"
    r"|(?:that|this)\s+kind\s+of\s+(?:loneliness|grief|pain|stress|exhaustion|fear|hurt|betrayal"
    r"|isolation|worry|rejection|pressure|loss|shame|guilt)\b"
    r"|[a-z]+ing\s+(?:[\w']+\s+){0,8}?must\s+(?:sting|hurt|be|feel|have\s+been)\b"
    r"|like\s+(?:everything|nothing|every\s+\w+|you['\u2019]re|you\s+are|you['\u2019]ve|you\s+have)\b"
    # "so even when you do well, ...", "so every conversation with her ...", "so home has
    # stopped feeling like a safe place"
    r"|so\s+(?:even\s+(?:when|if|after|though)\s+(?:you|u)|every\s+(?:\w+\s+){0,2}?(?:with|you)\b"
    r"|home\s+(?:has|is|feels)|now\s+(?:you|u|home))\b"
    r"|so\s+(?:you['\u2019]re|youre|you\s+are|you\s+feel|you\s+have|your)\b)",
    re.IGNORECASE,
)
#: Words that make such a clause advice, the helper's own or a put-down ("It sounds like you
#: should talk to her", "sounds like you need to leave", "It sounds like me when I…", "It
#: sounds like you're overreacting", "Having a whole week off to cry must be nice").
_ADVICE = re.compile(
    r"\b(?:should|shouldn['\u2019]?t|need\s+to|needs\s+to|have\s+to|has\s+to|ought\s+to"
    r"|could\s+try|might\s+want|try\s+to|like\s+(?:me|my|i)\b|overreact\w*|dramatic"
    r"|too\s+sensitive|over\s*thinking|big\s+deal|(?:of|over)\s+nothing|must\s+be\s+nice)",
    re.IGNORECASE,
)


def reflection_beside(response: str, remarks: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Start and end of the first reflection in ``response`` beside its remarks of sympathy
    or other kind words (``remarks``: :func:`carelens.analysis.reply_remarks.reactions`,
    :func:`carelens.analysis.rules_readings.kind_clauses`): a clause outside them that opens
    with :data:`_REFLECTIVE` words and holds no :data:`_ADVICE`, from its first word to its
    end; None without remarks or without such a clause."""
    return _first_reflection(response, remarks) if remarks else None


def first_reflection(response: str) -> tuple[int, int] | None:
    """Start and end of the first clause of ``response`` that is a reflection as
    :func:`reflection_beside` reads one, kind words beside it or not; None without one."""
    return _first_reflection(response, ())


def reflects(response: str) -> bool:
    """Whether any clause of ``response`` is a reflection as :func:`reflection_beside` reads
    one, kind words beside it or not (a cheap test before finding the kind words)."""
    return _first_reflection(response, ()) is not None


def _first_reflection(response: str, remarks: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first clause of ``response`` outside ``remarks`` that is a reflection."""
    start = 0
    for mark in (*CLAUSE_END.finditer(response), None):
        stop = mark.start() if mark is not None else len(response)
        if not any(s < stop and start < e for s, e in remarks) and _reflects(response, start, stop):
            first = WORD.search(response, start, stop)
            assert first is not None  # a reflective clause has words
            return first.start(), len(response[:stop].rstrip())
        if mark is not None:
            start = mark.end()
    return None


#: "You feel like ...": what follows is how it is for them, so "have to" and "need to" in
#: it tell what they feel bound to do ("You feel like you have to take sides"), no advice.
_FELT_AS = re.compile(
    r"\s*(?:(?:and|so|oh|honestly)\s+)*(?:you|u)\s+(?:(?:probably|must|really|just)\s+)?"
    r"(?:feel|felt)\s+(?:like|as\s+if|that)\b",
    re.IGNORECASE,
)
#: Advice in a clause of :data:`_FELT_AS` (not "have to", "need to").
_ADVICE_FELT = re.compile(
    r"\b(?:should|shouldn['\u2019]?t|ought\s+to|could\s+try|might\s+want|try\s+to"
    r"|overreact\w*|dramatic|too\s+sensitive|big\s+deal|(?:of|over)\s+nothing)",
    re.IGNORECASE,
)


def _reflects(response: str, start: int, stop: int) -> bool:
    """Whether ``response[start:stop]`` (a clause) opens with words that say back what it is
    like for the seeker and is no advice."""
    if _REFLECTIVE.match(response, start, stop) is None:
        return False
    advice = _ADVICE_FELT if _FELT_AS.match(response, start, stop) else _ADVICE
    return advice.search(response, start, stop) is None

"""Blame-like words of a helper's reply that are kind in their context.

:mod:`carelens.analysis.reply_judging` reads words that blame or judge the seeker ("you have
no right to be upset", "you chose this", "you're just bitter because you're single"). The
same words comfort, reflect or praise in context, and feedback must not call them judging:
"no right to" what is the seeker's self-criticism ("You have no right to be this hard on
yourself"), beside words that clear them ("you have no right to be sorry, none of it was
your fault") or before a reflection ("So at home you have no right to be sad. That sounds
suffocating."): :func:`kind_no_right`; "you chose this" or "you saw this coming" with
praise after it ("you chose this. it was brave."): :func:`praised`; and the causes and
next sentences that make "just" a feeling with a cause kind ("You're just sad because you
miss him. That's normal and okay."): :data:`KIND_CAUSE`, :data:`VALIDATED_NEXT`.
"""

from __future__ import annotations

import re

from carelens.analysis.words import SENTENCE_MARK

#: Words of a reply that clear the seeker: beside them "you shouldn't feel that way"
#: comforts ("You shouldn't feel that way, it's not your fault").
CLEARED = re.compile(
    r"\b(?:not\s+your\s+fault|none\s+of\s+(?:it|this|that)\s+(?:was|is)\s+your\s+fault"
    r"|(?:was|is)n['\u2019]?t\s+your\s+fault|nothing\s+(?:wrong|to\s+be\s+ashamed)"
    r"|did\s+(?:everything|all|your\s+best|nothing\s+wrong))",
    re.IGNORECASE,
)
#: "no right to" where the reply's :data:`_BLAME` has it (read by :func:`kind_no_right`).
_NO_RIGHT_AT = re.compile(
    r"(?:you|u)(?:['\u2019]ve|\s+have|\s+had)?\s+(?:got\s+)?no\s+right\s+to\b", re.IGNORECASE
)
#: What "no right to" denies that is the seeker's self-criticism, so denying it comforts
#: ("no right to be this hard on yourself", "no right to be sorry", "no right to feel
#: guilty", "no right to blame yourself"; not "no right to feel sorry for yourself").
_SELF_CRITICISM = re.compile(
    r"\s+(?:(?:be|feel|get)\s+(?:(?:so|this|that|too)\s+)?(?:(?:hard|harsh|tough|mean|cruel"
    r"|critical)\s+(?:on|to|of|with)\s+yourself|sorry(?!\s+for\s+yourself)|ashamed|guilty|embarrassed)"
    r"|blame\s+yourself|hate\s+yourself|beat\s+yourself\s+up)\b",
    re.IGNORECASE,
)
#: A next sentence that names how it must feel for them: the words before it say back how
#: it is for them ("That sounds suffocating.", "That must be exhausting.").
_REFLECTED_NEXT = re.compile(
    r"\s*(?:(?:and|oh|god|wow|honestly)[,\s]+)?(?:that|it|this)(?:['\u2019]s|\s+is)?\s+"
    r"(?:(?:sounds?|must|seems?)\b)",
    re.IGNORECASE,
)
#: "you chose this" and "you saw this coming" in :data:`_BLAME` (read by :func:`_praised`).
_CHOSE_OR_SAW = re.compile(r"(?:you|u)\s+(?:chose|saw)\b", re.IGNORECASE)
#: Praise after "you chose this" that makes it respect, no blame.
_PRAISE = re.compile(
    r"\b(?:brave\w*|loyal\w*|courage\w*|love|loves|loved|loving|strength|strong|guts|gutsy"
    r"|admir\w+|selfless|proud)\b",
    re.IGNORECASE,
)
#: How far after "you chose this" praise (:data:`_PRAISE`) is read.
_PRAISE_WITHIN = 120
#: A cause after "just" a feeling that is no fault or trait of the seeker's ("because you've
#: been doing everything alone", "because you miss him", "because you lost her").
KIND_CAUSE = re.compile(
    r"\s+(?:(?:you|u)(?:['\u2019](?:ve|re)|\s+(?:have|are))?|it['\u2019]?s|there['\u2019]?s)\s+"
    r"(?:(?:been|still|so|just|really|all)\s+)*"
    r"(?:doing\s+(?:everything|it\s+all|so\s+much)|(?:all\s+)?alone|on\s+your\s+own"
    r"|miss(?:es|ed|ing)?|lost|los(?:e|ing)|griev\w*|mourn\w*|lov(?:e|ed|ing)|care[ds]?|caring"
    r"|carr(?:y|ied|ying)|been\s+through|through\s+(?:a\s+lot|so\s+much)|hurt(?:ing)?"
    r"|grief|a\s+loss)\b",
    re.IGNORECASE,
)
#: A next sentence that says the feeling is all right: "just" it with a cause before it is
#: no judgment ("You're just sad because... That's normal and okay.", "... of course you
#: are").
VALIDATED_NEXT = re.compile(
    r"\s*(?:of\s+course|(?:that|it)(?:['\u2019]?s|\s+is)\s+(?:(?:so|completely|totally"
    r"|perfectly|entirely)\s+)?(?:normal|okay|ok|natural|understandable|human|valid|fair)"
    r"|(?:that|it)\s+makes\s+(?:total\s+|so\s+much\s+|complete\s+)?sense|makes\s+sense"
    r"|anyone\s+would|you['\u2019]re\s+allowed)\b",
    re.IGNORECASE,
)


def kind_no_right(text: str, at: int) -> bool:
    """Whether "no right to" at ``at`` of the reply ``text`` is comfort or a reflection, no
    judgment: what it denies is the seeker's self-criticism (:data:`_SELF_CRITICISM`: "You
    have no right to be this hard on yourself", "no right to be sorry"), the reply clears
    them (:data:`CLEARED`: "..., none of it was your fault"), or the next sentence names how
    it must feel (:data:`_REFLECTED_NEXT`: "So at home you have no right to be sad. That
    sounds suffocating."). False where no "no right to" is at ``at``."""
    denied = _NO_RIGHT_AT.match(text, at)
    if denied is None:
        return False
    if _SELF_CRITICISM.match(text, denied.end()) or CLEARED.search(text):
        return True
    mark = SENTENCE_MARK.search(text, denied.end())
    return mark is not None and _REFLECTED_NEXT.match(text, mark.end()) is not None


def praised(response: str, found: re.Match[str]) -> bool:
    """Whether "you chose this" or "you saw this coming" (``found``) is praised after it in
    its sentence or the next (:data:`_PRAISE`: "you chose this. it was brave.", "You saw
    this coming and still showed up for her. That's loyalty.")."""
    if not _CHOSE_OR_SAW.match(found.group(0)):
        return False
    rest = response[found.end() : found.end() + _PRAISE_WITHIN]
    marks = list(SENTENCE_MARK.finditer(rest))
    if len(marks) > 1:
        rest = rest[: marks[1].start()]
    return _PRAISE.search(rest) is not None

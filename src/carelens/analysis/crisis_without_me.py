"""Others better off without the writer for a while, in a place, or a team or a firm so: no cue.

"everyone would be better off without me" is a cue
(:data:`carelens.analysis.crisis_patterns.BETTER_OFF_WITHOUT_ME`,
:data:`~carelens.analysis.crisis_patterns.ON_WITHOUT_ME`), but :func:`everyday_without_me`
reads two everyday senses that :data:`WITHOUT_ME_CHECKS` sets aside:

- a while or a place right after it (:data:`_A_WHILE_OR_PLACE`: "my team would be better off
  without me for the next two weeks", "the kids are better off without me at the school gate");
- a team, a firm or a class before it in its clause (:data:`_A_BODY`: "the company will be
  better off without me"), with no loved one nor everyone in the words after it ("... and
  so would my family", "... everyone would").

Neither holds in a message with words of a slip, a wish or of the writer's own risk elsewhere
(:data:`carelens.analysis.crisis_recovered.SLIPPING`: "... i want to die"; "for good",
"forever", "for the rest of their lives" are no while).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from carelens.analysis.crisis_denials import clauses
from carelens.analysis.crisis_patterns import BETTER_OFF_WITHOUT_ME, ON_WITHOUT_ME
from carelens.analysis.crisis_recovered import SLIPPING

_FLAGS = re.IGNORECASE

# Right after the match, a while or a place it is limited to.
_A_WHILE_OR_PLACE = re.compile(
    r"\s+(?:for\s+(?:the\s+|this\s+|a\s+|one\s+)?(?:next\s+|few\s+|couple\s+(?:of\s+)?)?(?:\w+\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|shifts?|afternoon|weekend|meeting|trip|holiday|match|game"
    r"|season|tournament|sprint|project)|at\s+(?:the\s+)?(?:\w+\s+)?(?:gate|party|meeting|office"
    r"|practice|game|match|table|dinner|event|conference|wedding|rehearsal|gym|disco|dance|concert"
    r"|recital|pub|bar|mall|park|beach|club)|on\s+(?:the\s+"
    r"|this\s+)?(?:team|project|trip|call|roster|committee|case|stage)|in\s+(?:the\s+|this\s+)?"
    r"(?:meeting|group\s+chat|band|kitchen|office|lineup))\b",
    _FLAGS,
)
# Before the match in its clause, a team, a firm, a class as the ones better off.
_A_BODY = re.compile(
    r"\b(?:company|team|firm|band|project|club|department|office|business|startup|class|choir"
    r"|squad|league|shop|store|restaurant|workplace|organi[sz]ation|agency|lab)\s+(?:[\w']+\s+)"
    r"{0,2}$",
    _FLAGS,
)
# After the match, loved ones or everyone better off too.
_LOVED_ONES = re.compile(
    r"\b(?:family|kids|children|parents|mom|mum|dad|wife|husband|partner|girlfriend|boyfriend"
    r"|friends|every(?:one|body)|world|they\s+all)\b",
    _FLAGS,
)


def everyday_without_me(text: str, start: int, end: int) -> bool:
    """Whether others better off without the writer at ``text[start:end]`` are so for a while
    or in a place (:data:`_A_WHILE_OR_PLACE`), or are a team or a firm (:data:`_A_BODY`) with no
    loved one in the 150 characters after (:data:`_LOVED_ONES`), in a message without words of
    a slip or a wish (:data:`~carelens.analysis.crisis_recovered.SLIPPING`)."""
    if _A_WHILE_OR_PLACE.match(text, end) is None:
        before = clauses(text, start, end)[0]
        if _A_BODY.search(before) is None:
            return False
        if _LOVED_ONES.search(text, end, end + 150) is not None:
            return False
    return SLIPPING.search(text[:start] + " \n " + text[end:]) is None


def _not_everyday(text: str, start: int, end: int) -> bool:
    return not everyday_without_me(text, start, end)


#: The patterns with their check (joined to
#: :data:`carelens.analysis.crisis_context.CONTEXT_CHECKS`).
WITHOUT_ME_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    BETTER_OFF_WITHOUT_ME: _not_everyday,
    ON_WITHOUT_ME: _not_everyday,
}

"""Crisis cues of an act told of someone else, or in a story, that the writer turns to
themselves: "the movie where the guy jumps off a building. that'll be me by friday", "my
uncle shot himself last spring. i'm next", "my poem is about a boy who wants to die, the boy
is me", "my brother and my uncle both killed themselves. i'm just waiting for my turn".

The act itself may be no cue (a story's, a death told of: "in the movie he jumps off a
bridge", "my uncle shot himself last spring"); the turn that follows it tells of the writer's
own risk. :data:`TURNED_TO_ME` joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label
``suicide``, through :mod:`carelens.analysis.crisis_methods`, which holds the wish of the same
act after another's: "i want to do the same"), and :func:`turned_to_me` is its check: a
suicide act, an attempt, a wish to die or an overdose told in the 200 characters before the
turn (:data:`_ACT_BEFORE`). Not a turn after anything else ("my sister got a tattoo, i'm
next", "my dad died of a heart attack at 50, that'll be me", a jump off the diving board),
nor one denied ("that'll never be me" reads as no turn), nor a place in a queue ("i'm next in
line", "waiting for my turn at the dentist").
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

#: The writer turning a told act to themselves: "that'll be me (by friday)", "thats gonna be
#: me", "that is going to be me", "i'm next", "i'll be next", "the boy is me", "that girl was
#: me", "i'm just waiting for my turn" (:func:`turned_to_me`). Each branch opens with "that",
#: "the", "this" or "i": the
#: check reads the act before it.
TURNED_TO_ME = (
    r"\b(?:that(?:'?ll|\s+will|'?s\s+(?:gonna|going\s+to)|\s+is\s+(?:gonna|going\s+to))\s+be\s+me"
    r"|(?:i'?m|im|i\s+am|i'?ll\s+be|ill\s+be|i\s+will\s+be)\s+(?:probably\s+)?next\b(?!\s+(?:in"
    r"|up|to|on|for|at|door|week|month|year|time|turn|round|semester|season)\b)"
    r"|(?:the|that|this)\s+(?:boy|girl|guy|man|woman|kid|person|character|narrator|speaker)\s+"
    r"(?:is|was)\s+(?:really\s+|actually\s+|literally\s+|obviously\s+)?me"
    r"|(?:i'?m|im|i\s+am)\s+(?:just\s+|only\s+|basically\s+)?waiting\s+(?:for\s+)?my\s+turn)\b"
)

# A height or a vehicle of a jump: "off a building", "from the 10th floor", "in front of a train".
_JUMP_AT = (
    r"(?:off|from)\s+(?:the\s+top\s+of\s+)?(?:a|an|the|his|her|their|that|this|some)\s+"
    r"(?:[\w'-]+\s+){0,2}?(?:bridge|building|roof|rooftop|cliff|garage|overpass|balcony|tower"
    r"|skyscraper|ledge|window|floor)s?|(?:in\s+front\s+of|under)\s+(?:a|the)\s+(?:train|bus"
    r"|truck|car|subway)"
)
_THEMSELVES = r"(?:him|her|them)\s?sel(?:f|ves)\b"
#: An act told before the turn, of someone else or in a story: a suicide, a means used against
#: oneself ("hangs herself", "shot himself"), a jump from a height, an overdose, wrists slit, a
#: gun to the head, a wish to die ("a boy who wants to die").
_ACT_BEFORE = re.compile(
    rf"\b(?:s[u*]i?cid\w*|kill(?:s|ed|ing)?\s+{_THEMSELVES}|(?:hung|hang(?:s|ed|ing)?|shoot(?:s"
    rf"|ing)?|shot|poison(?:s|ed|ing)?|drown(?:s|ed|ing)?|stab(?:s|bed|bing)?|gass(?:es|ed|ing))"
    rf"\s+{_THEMSELVES}|took\s+(?:his|her|their)\s+(?:own\s+)?li(?:fe|ves)|end(?:s|ed)?\s+(?:his"
    rf"|her|their)\s+(?:own\s+)?li(?:fe|ves)|overdos\w*|od'?d|jump(?:s|ed|ing)?\s+{_JUMP_AT}"
    r"|slit\w*\s+(?:his|her|their)\s+(?:wrists?|throat)|(?:gun|pistol|bullet)\s+(?:[\w'-]+\s+)?"
    r"(?:to|in|through|into)\s+(?:his|her|their)\s+(?:head|mouth|temple)|blew\s+(?:his|her|their)"
    r"\s+brains|(?:wants?|wanted|wanting|wishe[sd])\s+to\s+(?:die|be\s+dead))",
    _FLAGS,
)


def turned_to_me(text: str, start: int, end: int) -> bool:
    """A turn to the writer (:data:`TURNED_TO_ME`) with an act of suicide, an attempt, an
    overdose or a wish to die told in the 200 characters before it (:data:`_ACT_BEFORE`),
    someone else's or a story's: "the movie where the guy jumps off a building. that'll be me
    by friday"; not after a tattoo, a death of illness or a jump into the pool."""
    return _ACT_BEFORE.search(text, max(0, start - 200), start) is not None

"""Crisis cues of what the writer leaves for after their death: the one who will find them, a
note asked about, letters put away.

Each pattern joins :data:`carelens.analysis.crisis_patterns.PATTERNS` (label ``suicide``) and
its check of the words around it joins :mod:`carelens.analysis.crisis_context`'s
(:data:`FOUND_AFTER_CHECKS`, through :mod:`carelens.analysis.crisis_veiled`). None is a cue told
in a story (:func:`carelens.analysis.crisis_stories.in_a_story`).

- :data:`FINDS_ME`: "i just hope she isn't the one who finds me", "what do i leave behind for
  the people that find me?", "who would find me", "least awful for the person who finds you",
  "how long does it take for someone to be found if they live alone", "if someone lives on their
  own, how long does it usually take before anyone finds them?", "how long before anyone notices
  i'm gone"; not a finding of something for the writer ("the agent who finds me a flat",
  "anyone who finds me annoying") nor a game ("hide and seek, whoever finds me first wins":
  :func:`found_dead`).
- :data:`NOTE_ASKED`: "what do i put in my note?", "how do you even start a note like that",
  "is it selfish to leave a note?", "should i leave a letter"; not a note with an everyday
  reader or use ("should i leave a note on his car", "what do i write in a thank-you note",
  "a note for the dog sitter": :func:`no_everyday_note`).
- :data:`LETTERS_PUT_AWAY`: "wrote the letters. they're in the drawer", "i've written letters for
  my mum and my sister. just in case", "the letters are already written", "the letters are in the
  drawer", "finished the letter
  for my brother, it's in the drawer with his name on it", "left a letter under my pillow";
  a cue only beside a sign that they are for after (a drawer, a pillow, "just in case", "not
  the kind you post", "when they find", "not their fault") and with no everyday letter named
  ("a cover letter", "to my future self", "to open on her 18th": :func:`for_after`).
"""

from __future__ import annotations

import re

from carelens.analysis.crisis_check import Check
from carelens.analysis.crisis_stories import in_a_story

_FLAGS = re.IGNORECASE

_FIND = (
    r"(?:finds|find|will\s+find|would\s+find|'?ll\s+find|has\s+to\s+find|have\s+to\s+find"
    r"|is\s+going\s+to\s+find|is\s+gonna\s+find|might\s+find)"
)
#: The writer found after their death: "the one who finds me", "the people that find me", "who
#: would find me", "how long ... to be found if they live alone" (:func:`found_dead`).
FINDS_ME = (
    # From "one" on, not "the": "she isn't the one who finds me" is no denial of the writer's.
    r"\b(?:(?<=the\s)(?:one|ones|person|people|first\s+(?:one|person))|whoever|who|someone|somebody"
    rf"|anyone|anybody)\s+(?:that\s+|who\s+)?(?:[\w']+\s+){{0,2}}?{_FIND}\s+(?:me|you|my\s+body)"
    r"(?=\s*(?:[.,!?;:\n\u2026)]|$|(?:first|after|like\s+this|like\s+that|when|if"
    r"|and|but|so|dead|there|in\s+the\s+(?:morning|bath|garage|car|woods)|at\s+home)\b))",
    r"\b(?:to\s+be|be|get|gets|being)\s+found\s+(?:if|when|after)\s+(?:they|you|i|someone"
    r"|somebody|a\s+person|people)\s+(?:live|lives|living)\s+alone\b",
    r"\bhow\s+long\s+(?:would|does|will|did|until|till|before)\s+(?:it\s+take\s+)?(?:for\s+)?"
    r"(?:anyone|someone|somebody|people|anybody)\s+(?:\w+\s+)?(?:to\s+)?(?:finds?|notices?)\s+"
    r"(?:me\b|my\s+body|(?:i'?m|im|i\s+was|i'?d\s+gone)\s+gone)",
    # Someone living alone asked about first: "if someone lives on their own, how long does it
    # usually take before anyone finds them?"
    r"\b(?:lives?|living)\s+(?:alone|on\s+(?:their|his|her|your|my)\s+own|by\s+(?:themselves"
    r"|himself|herself|yourself|myself))\b[\s,.?!]*how\s+long\s+(?:[\w']+\s+){0,4}?(?:before"
    r"|until|till|for)\s+(?:anyone|someone|somebody|people|anybody)\s+(?:\w+\s+)?(?:finds?"
    r"|notices?|to\s+(?:find|notice))\b",
)
# In the message, a game, a finding of things or of a partner.
_FOUND_IN_PLAY = re.compile(
    r"\b(?:hide\s*(?:and|n|&)\s*seek|game|play(?:ing)?|treasure|geocach\w*|escape\s+room|tinder"
    r"|dating|date|match(?:es|ed)?|profile|lost\s+(?:dog|cat|wallet|phone|keys)|my\s+type)\b",
    _FLAGS,
)


def found_dead(text: str, start: int, end: int) -> bool:
    """The writer found after their death (:data:`FINDS_ME`), with no game, dating or lost
    thing in the message (:data:`_FOUND_IN_PLAY`); not in a story."""
    if _FOUND_IN_PLAY.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: A note for after asked about: "what do i put in my note", "is it selfish to leave a note",
#: "how do you start a note like that" (:func:`no_everyday_note`).
NOTE_ASKED = (
    r"\bwhat\s+(?:do|should|would|to|can|does)\s+(?:i\s+|you\s+|one\s+|anyone\s+|people\s+)?(?:even"
    r"\s+)?(?:put|write|say|leave)\s+in\s+(?:my|a|the|your)\s+(?:last\s+|final\s+|goodbye\s+)?"
    r"(?:note|letter)\b",
    r"\b(?:should\s+i|do\s+i|do\s+people|is\s+it\s+\w+\s+to|is\s+it\s+\w+\s+not\s+to|whether\s+to"
    r"|if\s+i\s+should)\s+(?:even\s+)?(?:leave|write)\s+(?:a|one)\s+(?:note|letter)\b",
    r"\bhow\s+(?:do\s+(?:you|i|people)\s+)?(?:even\s+)?(?:start|begin|write|finish|end)\s+(?:a|my"
    r"|the)\s+(?:note|letter)\s+like\s+that\b",
)
# In the message, an everyday reader or use of a note.
_EVERYDAY_NOTE = re.compile(
    r"\b(?:car|windscreen|windshield|parked|parking|dent\w*|scratch\w*|bump\w*|neighbou?rs?"
    r"|teacher|school|landlord|boss|sitter|cleaner|delivery|driver|coworkers?|colleagues?"
    r"|flatmates?\s+about|roommates?\s+about|thank[\s-]*you|birthday|card|christmas|wedding"
    r"|sympathy|condolence\w*|resignation|cover\s+letter|reference|recommendation|complaint"
    r"|fridge|future\s+(?:me|self)|younger\s+self|therapy|therapist|counsell?or|grief\s+group"
    r"|break\s*up|valentine|love\s+letter|crush|penpal|pen\s+pal|apology\s+to|sorry\s+i\s+(?:hit"
    r"|broke|dinged))\b",
    _FLAGS,
)


def no_everyday_note(text: str, start: int, end: int) -> bool:
    """A note for after asked about (:data:`NOTE_ASKED`) with no everyday reader or use in the
    message (:data:`_EVERYDAY_NOTE`: a parked car, a thank-you, a future self); not in a
    story."""
    if _EVERYDAY_NOTE.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: Letters written and put away: "wrote the letters", "finished the letter for my brother",
#: "the letters are already written", "the letters are in the top drawer", "left a letter under
#: my pillow" (:func:`for_after`). Each cue is the word "letters" or "notes" alone, so that it
#: leaves the spans of the farewells' own note ("my note") as they are.
LETTERS_PUT_AWAY = (r"\b(?:letters?|notes?|envelopes?)\b",)
# Before the word: its writing or leaving, "wrote the", "finished the", "left a".
_PUT_AWAY_BEFORE = re.compile(
    r"\b(?:wrote|written|writing|finished|sealed|left|hid|hidden)\s+(?:(?:the|my|a|all\s+the|some"
    r"|both|all\s+my|each|one)\s+)?(?:last\s+)?$",
    _FLAGS,
)
# Before the word, "the" or "my", and after it, the letters told done or put somewhere: "the
# letters are already written", "my notes are in the drawer".
_THE_BEFORE = re.compile(r"\b(?:the|my)\s+$", _FLAGS)
_TOLD_DONE = re.compile(
    r"\s+(?:is|are|'s|'re)\s+(?:all\s+)?(?:already\s+)?(?:written|done|finished|sealed|ready"
    r"|in\s+(?:the|my)\s+\w+)\b",
    _FLAGS,
)
# In the message, a sign that they are for after the writer's death.
_FOR_AFTER = re.compile(
    r"\b(?:drawer|pillow|(?:just\s+)?in\s+case|not\s+the\s+kind\s+(?:you|i|we)\s+(?:post|send)"
    r"|when\s+(?:they|he|she|you|someone|my\s+\w+)\s+finds?|find\s+(?:them|it|me)|(?:wasn'?t|wasnt"
    r"|isn'?t|isnt|not)\s+(?:their|his|her|your|anyone'?s)\s+fault|names?\s+on\s+(?:it|them)|for"
    r"\s+after|after\s+i'?m\s+gone|when\s+i'?m\s+gone|explaining\s+why|(?:i'?m|im)\s+ready"
    r"|everything\s+i\s+needed\s+to\s+say|doesn'?t\s+(?:really\s+)?matter\s+what\s+happens)\b",
    _FLAGS,
)
# In the message, an everyday letter, reader or occasion.
_EVERYDAY_LETTER = re.compile(
    r"\b(?:cover|recommendation|reference|application|complaint|resignation|acceptance|thank[\s-]*you"
    r"|christmas|birthday|valentine|love\s+letter|penpal|pen\s+pal|future\s+(?:me|self)|younger"
    r"\s+self|time\s+capsule|open\s+(?:on|when|them|it)|18th|therapy|therapist|counsell?or|grief"
    r"\s+group|breakup|break\s+up|will\s+and|solicitor|lawyer|wills?|leaving\s+(?:do|party|card)"
    r"|job|team|colleagues?|students?|teacher|school|uni|exam|revision|shopping|grocery|fridge"
    r"|cancer|hospice|terminal|wedding|invit\w*|passport|travel\w*|trip|holiday|(?:to|for)\s+"
    r"(?:my\s+|the\s+)?(?:boss|manager|landlord|neighbou?rs?)|(?:was|being|running)\s+late)\b",
    _FLAGS,
)


def for_after(text: str, start: int, end: int) -> bool:
    """Letters written and put away (:data:`LETTERS_PUT_AWAY`: after their writing or leaving,
    :data:`_PUT_AWAY_BEFORE`, or after "the" or "my" and told done, :data:`_TOLD_DONE`) beside a
    sign that they are for after (:data:`_FOR_AFTER`) and with no everyday letter, reader or
    occasion in the message (:data:`_EVERYDAY_LETTER`); not in a story."""
    before = text[max(0, start - 40) : start]
    if _PUT_AWAY_BEFORE.search(before) is None and (
        _THE_BEFORE.search(before) is None or _TOLD_DONE.match(text, end) is None
    ):
        return False
    if _FOR_AFTER.search(text) is None or _EVERYDAY_LETTER.search(text) is not None:
        return False
    return not in_a_story(text, start, end)


#: The patterns of this module (label ``suicide``) and their checks.
FOUND_AFTER = (*FINDS_ME, *NOTE_ASKED, *LETTERS_PUT_AWAY)
FOUND_AFTER_CHECKS: dict[str, Check] = {
    **dict.fromkeys(FINDS_ME, found_dead),
    **dict.fromkeys(NOTE_ASKED, no_everyday_note),
    **dict.fromkeys(LETTERS_PUT_AWAY, for_after),
}
#: For each pattern, the words one of its cues must hold: a message without any of them is not
#: read by it (:mod:`carelens.analysis.crisis_screen`).
FOUND_AFTER_WORDS: dict[str, str] = {
    FINDS_ME[0]: r"find",
    FINDS_ME[1]: r"live\s+alone|lives\s+alone|living\s+alone",
    FINDS_ME[2]: r"how\s+long",
    FINDS_ME[3]: r"live|living",
    NOTE_ASKED[0]: r"note|letter",
    NOTE_ASKED[1]: r"note|letter",
    NOTE_ASKED[2]: r"like\s+that",
    LETTERS_PUT_AWAY[0]: r"letter|note|envelope",
}

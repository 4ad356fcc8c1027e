"""Contempt in a helper's advice and help given grudgingly, in wording
:mod:`carelens.analysis.reply_putdowns` and :mod:`carelens.analysis.reply_blame` do not hold.

Advice or an offer can carry a put-down: the codebook counts that as dismissal, however
useful the rest. The recurring kinds of wording:

- an insult inside advice: "get some self-respect", "grow a spine", "act like one", "act
  your age", "this is embarrassing", "it's pretty obvious what the problem is", "try
  actually studying", "instead of expecting everyone to slow down for you", "instead of
  crying about how hard it is", "if you can't figure out a CV at your age", "maybe your art's
  just not good", "you're clearly too soft";
- help on a condition that reproaches: "if you actually have stuff boxed up", "as long as
  you're actually going to pay attention", "if you ask nicely", "if you're really that
  desperate", "before asking people";
- help held against them: "this is a one-time thing", "I have my own life too", "other
  people have busy lives", "I'm not doing all of it for you", "last time you didn't even say
  thank you", "what's this, the third time?", "not to go on about your ex for an hour again".

Near misses the patterns leave alone: a kind condition ("if you actually want to talk", "if
you really are struggling", "as long as you need"), reassurance about a slip ("it was a
one-time thing"), the helper's own limits said gently ("I'm not a therapist, but I'm
here"), "put yourself first for once" and sympathy for an embarrassing moment ("that must
have been embarrassing").
:mod:`carelens.analysis.rules` reads :func:`grudging_spans` as it reads the put-downs
(``dismissive`` raised to 1, not after a negation, someone else's words or quotation marks).
"""

from __future__ import annotations

import re

from carelens.analysis.reply_spans import gated_spans

#: The rest of a clause, up to its mark.
_REST = r"[^.!?\n,;]*"
#: Where a clause ends: a mark or the reply's end.
_END = r"(?=\s*(?:[.!?,;:\n]|$))"
#: The helper's offer earlier in the sentence, whose condition follows ("I guess I could help,
#: if you actually ..."): the span holds both.
_OFFERED = r"\b(?:I|we)\b[^.!?\n]{0,60}?\b"
_GRUDGING = (
    # an insult inside advice
    r"\b(?:get|have|show)\s+(?:some|a\s+little|a\s+bit\s+of)\s+(?:self[-\s]respect|dignity"
    r"|backbone|spine)\b",
    r"\bgrow\s+(?:a\s+)?(?:spine|pair|backbone|thicker\s+skin)\b",
    r"\bact\s+(?:like\s+(?:one|an?\s+(?:adult|grown[-\s]up|parent|man|woman))|your\s+age)\b",
    r"\bthis\s+is\s+(?:honestly\s+|frankly\s+|just\s+|kind\s+of\s+|kinda\s+|getting\s+)?"
    r"(?:embarrassing|cringe|pathetic)" + _END,
    r"\b(?:you(?:'re|\s+are)\s+)?embarrassing\s+yourself\b",
    r"\b(?:it's|it\s+is|its)\s+(?:pretty|kind\s+of|kinda|really|so|painfully)?\s*obvious\s+what"
    r"\s+(?:the\s+(?:problem|issue)|(?:you're|you\s+are)\s+doing\s+wrong|is\s+wrong)\b" + _REST,
    r"\b(?:try|maybe)\s+(?:try\s+)?actually\s+\w+ing\b" + _REST,
    r"\binstead\s+of\s+(?:expecting\s+(?:everyone|everybody|people|others|the\s+world)"
    r"|crying|whining|complaining|moaning|sitting\s+around|feeling\s+sorry)\b" + _REST,
    r"\b(?:can't|cannot|can\s+not|still\s+can't|don't\s+know\s+how\s+to)\b[^.!?\n]{0,40}?"
    r"\bat\s+your\s+age\b",
    r"\b(?:maybe|probably|perhaps)\s+(?:your|ur)\s+[\w']+?(?:'s|\s+is|\s+are|\s+was)\s+just\s+"
    r"(?:not\s+(?:good|very\s+good|that\s+good|interesting|funny)|bad|boring|mediocre)\b",
    r"\bmaybe\s+(?:you're|you\s+are|ur)\s+just\s+not\s+(?:good|talented|smart|cut\s+out)\b" + _REST,
    r"\b(?:you're|you\s+are|ur)\s+(?:clearly|just|way|obviously)\s+too\s+(?:soft|weak|needy"
    r"|sensitive|thin[-\s]skinned)\b",
    # help on a condition that reproaches
    _OFFERED
    + r"(?:if\s+(?:you|u)\s+actually\s+(?!want|need|feel|like|wanna|mean)\w+"
    + r"|as\s+long\s+as\s+(?:you're|you\s+are|you)\s+(?:actually|really)\b"
    + r"|if\s+(?:you|u)\s+ask\s+(?:me\s+)?(?:nicely|politely)\b)"
    + _REST,
    r"\bif\s+(?:you're|you\s+are|ur)\s+(?:really|that|so)\s+(?:that\s+)?desperate\b",
    r"\bbefore\s+asking\s+(?:people|others|anyone|everyone|me)\b" + _REST,
    # help held against them
    r"\b(?:but\s+)?(?:this|it)(?:'s|\s+is)\s+(?:a|just\s+a)\s+one[-\s](?:time|off)\s+(?:thing"
    r"|deal)\b",
    r"\bI\s+have\s+(?:my\s+own\s+life|a\s+life|my\s+own\s+(?:stuff|problems))(?:\s+too)?\b" + _REST,
    r"\bother\s+people\s+have\s+(?:busy\s+|their\s+own\s+)?lives\b" + _REST,
    r"\bI'm\s+not\s+(?:doing\s+(?:all\s+of\s+it|everything|it\s+all)\s+for\s+you|your\s+(?:mum"
    r"|mom|mother|maid|servant|babysitter))\b",
    r"\b(?:you|u)\s+(?:didn't|did\s+not|never)\s+(?:even\s+)?(?:say|said)\s+thank(?:s|\s+you)\b"
    + _REST,
    r"\bwhat's\s+this,?\s+the\s+(?:second|third|fourth|fifth|tenth|\d+(?:st|nd|rd|th))\s+time\b",
    r"\b(?:go|going|drone|droning)\s+on\s+about\s+[^.!?\n]{0,40}?\bagain\b",
)
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _GRUDGING]
#: Words one of the patterns needs: a reply with none is read no further (most replies).
_GATE = re.compile(
    r"respect|dignity|backbone|spine|grow|act |embarrass|cringe|pathetic|obvious|actually"
    r"|instead of|your age|just not|just bad|just boring|too soft|too weak|too needy"
    r"|too sensitive|skinned|really|nicely|politely|desperate|before asking|one-time|one time"
    r"|one-off|one off|own life|a life|own stuff|own problems|busy lives|own lives|not doing"
    r"|i'm not your|thank|this, the|this the|on about",
)


def grudging_spans(response: str) -> list[tuple[int, int]]:
    """Start and end of each insult in advice or grudging term of help in ``response``
    (:data:`_GRUDGING`), white space at its ends left out, in order
    (:func:`carelens.analysis.reply_spans.gated_spans`); the caller reads negation and
    quotation before them."""
    return gated_spans(response, _GATE, _PATTERNS)

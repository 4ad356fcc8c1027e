"""Whether a helper's reply asks the seeker something of its own.

Feedback says a reply "asked them a question" or that its "question invites them to say more"
(:mod:`carelens.analysis.feedback`), so it must read a question the helper asks, not any "?":
one inside quotation marks is someone else's words the reply repeats (Hearing "why can't you be
more like your brother?" over and over sounds so hurtful), and a tag at the end of a statement
asks nothing ("Happens to everyone though, right?", "It's a lot, you know?"). :func:`asks` finds
a question of the helper's own, ended by "?" ("Why do kids do that??" is one); :func:`invites`
also finds an invitation without one, for a reply the model scored as exploring: a sentence that
opens as a question without its mark ("how are you holding up") or words that ask them to go on
("tell me more", "if you want to talk", "write me about what's bothering you"). "How infuriating
that must be." is neither. :func:`aside_questions` finds the questions that ask nothing of their
experience: advice asked ("Have you tried melatonin?", "Why don't you try meditation?", "Why
don't you just change your passcode?";
:func:`advice_questions`) and offers asked ("Want me to sit with you on the phone while you call
them?"), which :func:`asks` can be told to pass over and the rules
(:mod:`carelens.analysis.rules_readings`) do not count as exploration.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.words import SENTENCE, SENTENCE_MARK

#: A quotation: in double quotes, straight or curly, or in single quotes that open after no
#: letter and close before none (an apostrophe inside a word stays: 'why can't you...?').
_QUOTED = re.compile(
    r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|\u2018[^\u2019\n]*\u2019(?!\w)"
    r"|(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w))*'(?!\w)"
)
_WORD = re.compile(r"\w")
#: A tag that ends a statement, after a comma, a dash, dots or "though": "..., right?",
#: "..., you know?", "... though, yeah?"; or a sentence of the tag alone ("Right?").
_TAG = re.compile(
    r"(?:(?:.*(?:[,\u2013\u2014-]|\.\.\.|\bthough\b))?\s*|^\s*)"
    r"(?:right|you\s+know|ya\s+know|y['\u2019]?know|yeah|yea|huh|no|eh|ok|okay|innit|amirite"
    r"|isn['\u2019]?t\s+it|don['\u2019]?t\s+you\s+think)\s*\?+",
    re.IGNORECASE,
)
#: A sentence that opens as a question: a question word and a verb or "long", "much"...,
#: or a verb and its subject ("how are you holding up", "do you have anyone").
_OPENS_AS_QUESTION = re.compile(
    r"(?:^|[.!?\n]\s*)(?:(?:so|and|but|also|just|ok|okay|hey)\s+)*"
    r"(?:(?:how|what|when|where|why|who|which)(?:['\u2019]s|['\u2019]re|\s+(?:are|is|was|were"
    r"|do|does|did|have|has|had|can|could|would|will|should|long|much|many|often|come|about"
    r"|happened|made|makes|helps?))"
    r"|(?:are|is|do|does|did|have|has|can|could|would|will|were|was)\s+(?:you|u|they|he|she"
    r"|it|there|things|your|anyone|someone))\b",
    re.IGNORECASE,
)
#: Words that invite them to go on without asking ("tell me more", "feel free to share",
#: "write me about what's bothering you", "I wanted to ask how long it took").
_INVITATION = re.compile(
    r"\b(?:tell|write|message|explain\s+\w+(?:\s+\w+)?\s+to)\s+(?:me|us)\b|\belaborate\b"
    r"|\b(?:want|wanted|like|need)\s+to\s+(?:talk|share|vent|ask|know|hear)\b"
    r"|\blet\s+(?:me|us)\s+know\b|\bfeel\s+free\s+to\b"
    r"|\bI['\u2019]?m\s+(?:curious|wondering|listening)\b|\bI\s+wonder\b",
    re.IGNORECASE,
)
#: The opening of a question that suggests what to do ("Have you tried melatonin?", "Have
#: you thought about just talking to him?", "Why don't you try meditation?", "Why don't you
#: just change your passcode?", "What about
#: joining a club?"): advice asked, which explores nothing of their experience. Not "Have
#: you thought about what you want?", "Have you tried everything?", "Have you tried joining
#: in and failed?" nor "Did you try calling them?", which ask what they did or think.
_ADVISING = re.compile(
    r"\s*(?:(?:so|and|but|also|just|ok|okay|hey|maybe|um|hmm|well)[\s,]+)*(?:"
    r"(?:have|ve)\s+(?:you|u)\s+(?:ever\s+|already\s+|maybe\s+|not\s+)?(?:tried|considered"
    r"|thought\s+(?:about|of)|looked\s+into|checked\s+out)\s+|ever\s+(?:tried|considered"
    r"|thought\s+(?:about|of))\s+)(?!(?:what|how|why|whether|if|who|where|when|that|it|this"
    r"|everything|anything|about|the\s+possibility)\b)(?![^.!?\n]*\b(?:and|but)\s+(?:failed"
    r"|(?:it\s+)?(?:didn['\u2019]?t|did\s+not|couldn['\u2019]?t)))"
    r"|\s*(?:(?:so|and|but|also|ok|okay|hey|well)[\s,]+)*(?:"
    r"(?:why\s+(?:don['\u2019]?t|not)\s+(?:you|u)|why\s+not)\s+(?:(?:just\s+)?(?:try|go|get|talk"
    r"|call|take|ask|see|tell|look|join|find|use|do|start|stop|make|write|leave|quit|download"
    r"|read|buy|set|move|switch|text|block|report|sleep|eat|exercise|meditate)\b"
    # "Why don't you just change your passcode?": any step with "just" before it
    r"|just\s+[a-z]+\b)"
    r"|(?:could|can|would)\s+(?:you|u)\s+(?:maybe\s+|just\s+)?try\b|maybe\s+(?:just\s+)?try\b"
    r"|(?:what|how)\s+about\s+(?:just\s+)?(?:trying|talking|going|getting|seeing|calling|taking"
    r"|joining|asking|telling|looking|finding|using|starting|writing|reaching)\b)",
    re.IGNORECASE,
)
#: The opening of a question that offers the helper's own help ("Want me to sit with you on
#: the phone?", "Would it help if I came over?", "Should I call you tonight?").
_OFFERING = re.compile(
    r"\s*(?:(?:so|and|but|also|ok|okay|hey|well)[\s,]+)*(?:"
    r"(?:(?:do|would)\s+(?:you|u)\s+)?(?:want|like)\s+me\s+to\b|would\s+it\s+help\s+if\s+(?:i|we)\b"
    r"|(?:should|can|could|shall)\s+i\s+(?:come|call|bring|drive|help|sit|stay|pick|drop|take"
    r"|text|check)\b)",
    re.IGNORECASE,
)
#: Words one of the questions of :data:`_ADVISING` or :data:`_OFFERING` holds, each
#: opening's own: a reply with none is read no further (most replies).
_ASIDE_GATE = re.compile(
    r"\b(?:have|ve)\s+(?:you|u)\s+(?:\w+\s+)?(?:tried|considered|thought|looked|checked)"
    r"|\bever\s+(?:tried|considered|thought)|\bwhy\s+(?:don['\u2019]?t|not)\b"
    r"|\b(?:could|can|would)\s+(?:you|u)\s+(?:\w+\s+)?try\b|\bmaybe\s+(?:just\s+)?try\b"
    r"|\b(?:what|how)\s+about\s|\bme\s+to\b|\bhelp\s+if\s+(?:i|we)\b"
    r"|\b(?:should|can|could|shall)\s+i\s",
)
#: A "?" typed after a full stop ("what do you like.?") ends the sentence before it.
_MARK_BEFORE_QUESTION = re.compile(r"[.!]+(?=\?)")


def _unquoted(response: str) -> str:
    """``response`` with each quotation blanked (same length), and a full stop typed before
    a "?" taken out."""
    own = _QUOTED.sub(lambda m: " " * len(m.group(0)), response)
    return _MARK_BEFORE_QUESTION.sub(lambda m: " " * len(m.group(0)), own)


def aside_questions(response: str) -> tuple[tuple[int, int], ...]:
    """Start and end of each sentence of ``response`` that opens as a question of advice or
    an offer (:data:`_ADVISING`: "Have you tried melatonin?"; :data:`_OFFERING`: "Want me to
    sit with you while you call them?"), its end mark included."""
    return _opening(response, _ADVISING, _OFFERING)


def advice_questions(response: str) -> tuple[tuple[int, int], ...]:
    """:func:`aside_questions` that advise (:data:`_ADVISING`), without offers."""
    return _opening(response, _ADVISING)


def _opening(response: str, *openings: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """Start and end of each sentence of ``response`` that opens with one of ``openings``."""
    if _ASIDE_GATE.search(response.lower()) is None:  # lower-cased: faster than IGNORECASE
        return ()  # most replies: no word such a question needs
    return tuple(
        (found.start(), found.end())
        for found in SENTENCE.finditer(response)
        if any(opening.match(found.group(0)) for opening in openings)
    )


def asks(response: str, skip: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``response`` asks a question of the helper's own: a "?" outside quotation
    marks that ends more than a tag (:data:`_TAG`: "..., right?", "..., you know?"), unless
    the sentence opens as a question ("How are you doing, okay?"), and outside ``skip``
    (questions that advise, offer or blame, which ask nothing of their experience). Read
    once, in time linear in the reply's length."""
    own = _unquoted(response)
    start = 0
    for end in SENTENCE_MARK.finditer(own):
        if end.group(0) == "?" and not any(s <= end.start() < e for s, e in skip):
            question = own[start : end.end()].strip()
            if _WORD.search(question) and (
                not _TAG.fullmatch(question) or _OPENS_AS_QUESTION.match(question)
            ):
                return True
        start = end.end()
    return False


def invites(response: str) -> bool:
    """Whether ``response`` asks (:func:`asks`) or invites them to go on without a "?": a
    sentence that opens as a question ("how are you holding up") or words of invitation
    ("tell me more", "if you want to talk"); "How infuriating that must be." does not."""
    if asks(response):
        return True
    own = _unquoted(response)
    return _OPENS_AS_QUESTION.search(own) is not None or _INVITATION.search(own) is not None

"""Unsafe replies: wording that urges someone to die or hurt themselves, or tells them how.

Codebook v1.1 scores such a reply ``dismissive`` 2 (annotations/README.md). The model rarely
sees one (a few dozen among the training replies) and misses most, so these transparent
patterns complement it: :func:`unsafe_spans` returns the words (each labelled with its kind,
below), the analyzer keeps them in the result's ``unsafe`` field, and
:func:`carelens.analysis.rules.apply_rules` raises ``dismissive`` to 2 with them as its
rationale. Like the crisis cues, a match is a pointer for a person to read, and the absence
of one says nothing about a reply's safety.

Two kinds of wording are looked for (the span labels):

- **urging**: "just die", "kys", an imperative "kill yourself" or "go ahead and end it",
  an urged overdose ("take all the pills", "just overdose"), "the world would be better
  without you", "suicide is the answer" (a bare "do it" is left out: in the training replies
  it urged something else as often as the act);
- **method information**: lethal or fatal doses, "how many pills / milligrams", "the
  quickest / most painless way to die", "shoot yourself".

Negation never flips a pattern into its opposite: "don't kill yourself", "please never do
it", "you should not end it" and "suicide is not the answer" do not match, because each
pattern is skipped when a negation opens its clause (its apostrophe straight or curly,
U+2019, as phones type it).
"""

from __future__ import annotations

import re

from carelens.inference.spans import merge_overlapping
from carelens.text import straight_apostrophes
from carelens.types import Span

_YOURSELF = r"(?:your\s*self|ur\s*self|self)"
# An imperative position: the start of a sentence or clause, or after words that urge
# ("then", "should", "might as well"; group ``lead``, left out of the span).
# Possessive runs of white space, and after a line break only where a word follows, so a long
# run of line breaks is read once, not once from each of its characters.
_URGING_LEAD = (
    r"(?:^\s*+|(?<=[.!?:;,])\s*+|(?<=\n)[ \t]*+(?=\S)|(?P<lead>\b(?:then|so|and|should|"
    r"might\s+as\s+well|may\s+as\s+well|better|gonna)\s+))"
)

_URGING = (
    rf"{_URGING_LEAD}(?:just\s+|go\s+ahead\s+and\s+|go\s+)?(?:kill|off|hang|shoot)\s+{_YOURSELF}\b",
    r"\bkys\b",
    r"\b(?:just|go|pls|please)\s+(?:(?:go\s+)?(?:ahead\s+and\s+)?)die\b",
    r"\b(?:go\s+ahead\s+and\s+|you\s+should\s+(?:just\s+)?|might\s+as\s+well\s+(?:just\s+)?)"
    r"(?:end\s+it(?:\s+all)?|end\s+your\s+life|kill\s+" + _YOURSELF + r")\b",
    # An overdose urged: "take all the pills", "swallow your pills all at once" ("take all
    # your pills" alone is how a reminder to take medication reads, so "your" needs "at once";
    # a doctor or a prescription after the pills makes it that reminder too).
    rf"{_URGING_LEAD}(?:just\s+|go\s+ahead\s+and\s+|go\s+)?(?:take|swallow|down)\s+"
    r"(?:all\s+(?:of\s+)?(?:the|those|these|them|ur)\s+(?:pills|tablets)"
    r"|all\s+(?:of\s+)?your\s+(?:pills|tablets)\s+at\s+once"
    r"|(?:the|those|these|your|ur)\s+(?:pills|tablets)\s+all\s+at\s+once)\b"
    r"(?!\s+(?:(?:that\s+|which\s+)?(?:your|the|a)\s+(?:doctor|gp|psychiatrist|nurse)"
    r"|as\s+(?:prescribed|directed)|(?:were\s+|was\s+)?prescribed))",
    r"(?<!\bi\s)\b(?:just|go\s+ahead\s+and|you\s+should\s+(?:just\s+)?|"
    r"might\s+as\s+well\s+(?:just\s+)?)\s*overdose\b",
)
#: Urging put as a belief ("the world would be better without you", "suicide is the answer"):
#: also how a reflection words what the seeker believes, so a report of the seeker's belief
#: before it (:data:`_REPORTED_BEFORE`) makes it no urging.
_URGING_BELIEFS = (
    r"\b(?:the\s+)?world\s+(?:would|will|'d)\s+be\s+better\s+(?:off\s+)?without\s+you\b",
    r"\b(?:suicide|killing\s+" + _YOURSELF + r"|ending\s+it)\s+(?:is|would\s+be)\s+"
    r"(?:the\s+(?:answer|(?:only|best)\s+(?:way|option|choice))|a\s+(?:valid|good|reasonable|"
    r"rational)\s+(?:option|choice|answer)|(?:not|n't)\s+wrong)\b",
    r"\b(?:suicide|killing\s+" + _YOURSELF + r")\s+(?:isn't|is\s+not)\s+wrong\b",
)
_METHOD = (
    r"\b(?:minimum\s+|maximum\s+)?(?:lethal|fatal|deadly|toxic)\s+(?:dose|dosage|amount|level)s?\b",
    r"\bhow\s+(?:much|many)\s+(?:\w+\s+){0,2}(?:pills|tablets|mg|milligrams|grams)\b",
    r"\b(?:(?:most|least)\s+)?(?:painless|quickest|quicker|easiest|easier|fastest|surest|best|"
    r"reliable|painful)\s+(?:way|method)s?\s+(?:to|of)\s+(?:die|dying|kill(?:ing)?\s+"
    + _YOURSELF
    + r"|end(?:ing)?\s+(?:it|your\s+life)|(?:commit(?:ting)?\s+)?suicide)\b",
    rf"\bshoot(?:ing)?\s+{_YOURSELF}\s+(?:in|through)\b",
)

_KINDS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = (
    ("urging", tuple(re.compile(p, re.IGNORECASE) for p in (*_URGING, *_URGING_BELIEFS))),
    ("method", tuple(re.compile(p, re.IGNORECASE) for p in _METHOD)),
)
# A negation that opens the match's clause reverses it ("please don't ever kill yourself").
_NEGATED = re.compile(
    r"\b(?:not|never|don'?t|do\s+not|didn'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|no|nobody|"
    r"no\s*one|no-one)\b"
    r"(?:\s+[\w']+){0,4}\s*$",
    re.IGNORECASE,
)
# Words that make the match a question or a report about others, not an urging or a method:
# "why would you kill yourself", "if you kill yourself", "wishing to just die", "you wish you
# could just die".
_NOT_URGING_BEFORE = re.compile(
    r"(?:\b(?:why|if|when|before|whether|thought\s+about|thinking\s+(?:of|about))\b"
    r"(?:\s+[\w']+){0,3}|\b(?:to|could|would|can|will|might|wish(?:ed|ing)?|wanna))\s*$",
    re.IGNORECASE,
)
# A report of what the seeker believes, feels or was told (not what the writer or "people"
# say), before a belief (:data:`_URGING_BELIEFS`): "it sounds like you believe suicide is the
# only way out", "you feel like the world would be better without you", "who told you the
# world would be better without you?". Imperatives stay urging after it ("you heard me, just
# die").
_REPORTER = r"(?:you|you'?re|you\s+are|you'?ve|you\s+have|who)"
_REPORTING = (
    r"(?:believ|think|thought|feel|felt|say|said|tell|told|hear|heard|convinc|wonder|worr|fear"
    r"|imagin|assum|decid|conclud|sure)\w*"
)
_REPORTED_BEFORE = re.compile(
    rf"\b{_REPORTER}\s+(?:[\w']+\s+){{0,2}}?{_REPORTING}(?:\s+[\w']+){{0,3}}\s*$",
    re.IGNORECASE,
)
_BELIEF_PATTERNS = frozenset(_URGING_BELIEFS)
_CLAUSE_BREAK = re.compile(r"[.!?\n;,]|\b(?:but|and|so)\b", re.IGNORECASE)


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 60) : start]
    return _CLAUSE_BREAK.split(before)[-1]


#: The labels of unsafe spans, one per kind of wording.
UNSAFE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _KINDS)


def unsafe_spans(response: str) -> tuple[Span, ...]:
    """Urging or method wording in ``response``, in order, overlapping matches merged (a
    merged span keeps the label of the one that starts first: ``urging`` or ``method``)."""
    found: list[Span] = []
    text = straight_apostrophes(response)
    for kind, patterns in _KINDS:
        for pattern in patterns:
            for match in pattern.finditer(text):
                start = match.end("lead") if match.groupdict().get("lead") else match.start()
                while start < match.end() and text[start].isspace():
                    start += 1
                # The clause before the words decides: a negation, a question or a wish.
                head = _clause_before(text, start)
                if _NEGATED.search(head) or (
                    kind == "urging"
                    and (
                        _NOT_URGING_BEFORE.search(head)
                        or (pattern.pattern in _BELIEF_PATTERNS and _REPORTED_BEFORE.search(head))
                    )
                ):
                    continue
                found.append(Span(start, match.end(), kind, 1.0))
    return merge_overlapping(found)

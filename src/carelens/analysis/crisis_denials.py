"""The writer's denial of a crisis cue: "I'm not suicidal", "I would never hurt myself".

:func:`writer_denies` tells a mention the writer plainly denies about themselves from wording
that is itself negative ("I don't want to live"), an effort against the urge ("reasons to not
kill myself") and ideation beside a denial ("I'm not going to end it, but I think about it
every day"), reading the match's own clause (:func:`clauses`: cut at sentence punctuation, a
comma or a conjunction). A denial is a negation that reaches the cue ("I'm not going to", "I
would never ever"), a life without such thoughts ("to be clear i've never had thoughts of
hurting myself", "never had suicidal thoughts"), no such thoughts now ("no thoughts of self
harm", "i don't have any thoughts of hurting myself"; not "no urges to cut today"), or the
writer's answer to what someone else
asks or thinks of them ("people keep asking if i'm suicidal... i'm not", "my mom asked if i
self harm. i don't.", "my gp asked if i was having thoughts of ending my life and i honestly
said no", "... because i've gone quiet. i'm not."; not "... i'm not sure anymore", nor "... i'm
not going to lie, i do").
A denial undone after it ("I've never wanted to die more than now", "never had suicidal
thoughts until now", "i haven't killed myself yet"), asked why ("why I haven't killed myself",
"why haven't I ended it", "the only reason I haven't killed myself") or beside thoughts of it
("... i'm not, but i think about it") is none.
:mod:`carelens.analysis.crisis` leaves a denied match out of the cues and lists it among the
negated mentions, whose sentences the learned flag does not read.
"""

from __future__ import annotations

import re

# The writer's negation of the cue: "not", "never", "no longer" or a contraction ("won't",
# "wouldn't", "isn't", "haven't"; also spelt without the apostrophe), followed by nothing but
# words that let it reach the cue ("I'm not going to", "I would never ever"). A negation of
# another word ("not ok", "not afraid to", "wouldn't mind if", "not sure") leaves the cue
# standing. "do / does / did not" (and "don't", "didn't") do not negate, spelt either way:
# "I don't want to die", "I didn't hurt myself (this time)" are read by a person, as the
# patterns lean towards flagging; so are "can't" and "shouldn't", which speak of the urge
# ("I can't stop cutting", "I shouldn't hurt myself").
_NEGATOR = (
    r"(?:(?<!\bdo\s)(?<!\bdid\s)(?<!\bdoes\s)not|never|no\s+longer|"
    r"(?:wo|would|is|are|was|were|have|has|had)n['\u2019]?t)"
)
_THROUGH = (
    r"(?:going|gonna|to|ever|really|actually|seriously|be|been|being|try|trying|tried|plan|"
    r"planning|planned|on|about|want|wanting|wanted|wanna|do|even|currently|feel|feeling|"
    r"think|thinking|thought|consider|considering|i|i['\u2019]d|would|will|intend|intending|"
    r"attempt|attempting|go|at|all)"
)
_NEGATED = re.compile(rf"\b{_NEGATOR}\s+(?:{_THROUGH}\s+){{0,4}}$", re.IGNORECASE)
# Any negation, to find a second one before the writer's: "I have never not wanted to die",
# "I can't say I'm not suicidal" deny the denial.
_ANY_NEGATION = re.compile(
    r"\b(?:not|never|no|cannot|\w+n['\u2019]t|(?:do|does|did|ca|wo|would|could|should|is|are"
    r"|was|were|have|has|had|ai)nt)\b",
    re.IGNORECASE,
)
# After the cue, words that turn "never" into "never so much": "I've never wanted to die
# more than now", "I never wanted to kill myself until this year", "never had suicidal
# thoughts before last night".
_UNDONE_AFTER = re.compile(
    r"^[\s,]*(?:\w+\s+){0,2}?(?:more\s+than|as\s+(?:much|badly)\s+as|until|till|before\s+"
    r"(?:now|today|this|last|yesterday|tonight))\b|^\s*yet\b",
    re.IGNORECASE,
)
# Before a "haven't" in its clause, a why or a reason asked of it: "I ask myself why I haven't
# killed myself", "why haven't I ended it", "the only reason I haven't killed myself": the act
# is held off, not denied ("reasons why I would never kill myself" is a denial).
_NOT_YET_DONE = re.compile(r"(?:have|has)n['\u2019]?t\b|have\s+not\b|has\s+not\b", re.IGNORECASE)
_ASKED_WHY_NOT = re.compile(
    r"\b(?:why|reasons?|what'?s\s+(?:stopping|keeping)|only\s+thing)\b(?:\s+[\w']+){0,3}\s*$",
    re.IGNORECASE,
)
# A life without such thoughts, right before the cue: "i've never had thoughts of hurting
# myself", "never had suicidal thoughts", "i have never ever had any urges to cut"; "never",
# not "haven't had ... in a while", which tells of thoughts once had.
_NEVER_HAD = re.compile(
    r"\bnever\s+(?:ever\s+)?(?:had|have\s+had|experienced|felt)\s+(?:any\s+|the\s+)?"
    r"(?:(?:thoughts?|ideas?|urges?|feelings?|ideation)\s+(?:of|about)\s+)?$",
    re.IGNORECASE,
)
# No such thoughts now, right before the cue: "no thoughts of self harm", "i have no thoughts of
# ending things", "i don't have any thoughts of hurting myself"; thoughts "of", not urges "to"
# ("no urges to cut today" tells of urges on other days).
_NO_THOUGHTS = re.compile(
    r"\b(?:no|(?:don'?t|dont|do\s+not)\s+have\s+any|not\s+having\s+any)\s+(?:suicidal\s+)?"
    r"(?:thoughts?|ideas?|ideation|plans?|intent\w*)\s+(?:of|about)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# After "no thoughts of ...", what undoes it: "... just a plan", "... but i think about dying".
_BUT_AFTER = re.compile(
    r"[^.!?\n]{0,60}?\b(?:but|except|other\s+than|plan\w*|means)\b", re.IGNORECASE
)
# "(trying) not to", "to not": an effort against the urge, not a denial of it ("reasons to not
# kill myself", "I manage not to hurt myself").
_EFFORT_NOT = re.compile(r"\b(?:to\s+not|not\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# Cues that already contain the writer's negation are never treated as negated.
_INHERENTLY_NEGATIVE = re.compile(
    r"^(?:don'?t|do\s+not|didn'?t|no\s|can'?t|not\s|never\s)", re.IGNORECASE
)
# Where the cue's clause starts or ends: sentence punctuation, a comma or a conjunction.
_CLAUSE_BREAK = re.compile(r"[.!?\n,;]|\b(?:and|but|so|because)\b", re.IGNORECASE)


def clauses(text: str, start: int, end: int) -> tuple[str, str]:
    """The cue's clause before ``start`` and after ``end``."""
    before = _CLAUSE_BREAK.split(text[max(0, start - 60) : start])[-1]
    after = _CLAUSE_BREAK.split(text[end : end + 60], maxsplit=1)[0]
    return before, after


# In chat written without punctuation a new "I" starts a new clause ("I'm not crazy I would
# never hurt myself"), except after a verb of saying or knowing, whose clause it continues
# ("I can't say I'm not suicidal").
_NEW_SUBJECT = re.compile(r"\b(\w+)\s+i\b(?!')|\b(\w+)\s+(?=i'[a-z])", re.IGNORECASE)
_REPORTING = frozenset(
    (
        *("say", "said", "saying", "think", "thought", "believe", "know", "knew", "promise"),
        *("guarantee", "tell", "told", "claim", "pretend", "that", "sure", "mean", "feel"),
    )
)
# After a denied cue, in its sentence: the writer still thinks of it ("I'm not going to end
# it, but I think about it every day"); the codebook flags such ideation.
_STILL_THINKS = re.compile(
    r"^[^.!?\n]{0,40}?\bbut\s+(?:i\s+)?(?:\w+\s+){0,2}?(?:think|thinking|thought|dream|"
    r"dreaming|fantasi[sz]\w*)\s+(?:about|of)\s+(?:it|that|doing\s+it)\b",
    re.IGNORECASE,
)


def _own_clause(before: str) -> str:
    """The part of ``before`` (text up to a cue, already cut at clause breaks) from the last
    new first-person subject on."""
    cut = 0
    for match in _NEW_SUBJECT.finditer(before):
        word = match.group(1) or match.group(2)
        if word.lower() not in _REPORTING:
            cut = match.end(1) if match.group(1) else match.end(2)
    return before[cut:]


def writer_denies(text: str, start: int, end: int) -> bool:
    """Whether the writer plainly denies the cue at ``text[start:end]``."""
    if _INHERENTLY_NEGATIVE.match(text[start:end]):
        return False
    # Only the cue's own clause counts: in "I'm not okay and want to die" the "not" is about
    # something else.
    clause, after = clauses(text, start, end)
    negation = _NEGATED.search(clause) or _NEVER_HAD.search(clause) or _NO_THOUGHTS.search(clause)
    if negation is None:
        return _answered_no(text, start, end, clause)
    if _EFFORT_NOT.search(clause):
        return False
    if _ANY_NEGATION.search(_own_clause(clause[: negation.start()])):
        return False
    if _UNDONE_AFTER.match(after) is not None:
        return False
    if _NOT_YET_DONE.match(negation.group()) and _ASKED_WHY_NOT.search(clause[: negation.start()]):
        return False
    if negation.re is _NO_THOUGHTS and _BUT_AFTER.match(text, end) is not None:
        return False
    return _STILL_THINKS.match(text[end : end + 120]) is None


# Before the cue in its clause, someone else asking or thinking it of the writer: "people keep
# asking if i'm", "everyone thinks i'm", "my mom asked whether i", "they assume i want to"; not
# the writer's own wondering ("i wonder if i'm").
_ASKED_OF_ME = re.compile(
    r"\b(?:people|every(?:one|body)|they|he|she|some(?:one|body)|others|friends|(?:my|the|her|his"
    r"|their)\s+[\w']+)\s+(?:[\w']+\s+){0,2}?(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|thinks?"
    r"|thought|assum(?:e|es|ed|ing)|worr(?:y|ies|ied)|(?:is|are|was|were)\s+convinced|suspect"
    r"(?:s|ed)?|accus(?:e|es|ed|ing))\s+(?:me\s+)?(?:if|whether|that)?\s*(?:i'?m|im|i\s+am|i\s+was"
    r"|i'?d|i)\s+(?:[\w']+\s+){0,4}$",
    re.IGNORECASE,
)
# Right after the cue, the writer's answer: "... i'm not", "i'm really not.", "and i'm not, i'm
# just tired", "i said no", "i don't."; the answer ends its clause, so "i'm not sure" and "i'm
# not going to lie" are no answer.
_ANSWER_NO = re.compile(
    r"[\s.,!;:\u2026-]*(?:(?:but|and|well|honestly|no|nope)[\s,]+)?(?:(?:i'?m|im|i\s+am)\s+"
    r"(?:(?:really|honestly|truly|just|definitely|genuinely|actually)\s+)?not(?:\s+(?:at\s+all"
    r"|suicidal|really|though|tho))?|i\s+(?:really\s+)?(?:don'?t|do\s+not)(?:\s+at\s+all)?|i\s+"
    r"(?:(?:honestly|truthfully|just|truly)\s+)?(?:said|say|told\s+(?:them|him|her|you))\s+no"
    r"|i\s+(?:wasn'?t|was\s+not))(?=\s*(?:[.!,;\u2026]|$|(?:i'?m|im|i\s+am)"
    r"\s+just\b))",
    re.IGNORECASE,
)


# Right after the cue, why they ask it, ending its sentence, before the answer: "... because
# i've gone quiet. i'm not.", "... because i posted a sad song. i wasn't".
_WHY_ASKED = re.compile(
    r"\s+(?:because|cause|cuz|since|as)\b(?:(?!\bbut\b)[^.!?\n]){0,80}?[.!?\n]", re.IGNORECASE
)


def _answered_no(text: str, start: int, end: int, clause: str) -> bool:
    """Whether the cue at ``text[start:end]`` is what someone else asks or thinks of the
    writer (:data:`_ASKED_OF_ME`, in ``clause``, the words before it in its clause) and the
    writer answers it no right after (:data:`_ANSWER_NO`: "people keep asking if i'm
    suicidal... i'm not"), or after why they ask it (:data:`_WHY_ASKED`: "... because i've
    gone quiet. i'm not."), with no thought of it after the answer (:data:`_STILL_THINKS`:
    "... i'm not, but i think about it")."""
    if _ASKED_OF_ME.search(clause) is None:
        return False
    answer = _ANSWER_NO.match(text, end)
    if answer is None and (why := _WHY_ASKED.match(text, end)) is not None:
        answer = _ANSWER_NO.match(text, why.end())
    return (
        answer is not None and _STILL_THINKS.match(text[answer.end() : answer.end() + 120]) is None
    )

"""Words of a helper's reply that judge, blame or make light of the feeling it gives the seeker.

:mod:`carelens.analysis.reply_feelings` reads the feeling a reply names or says back to the
seeker ("You're angry", "That sounds exhausting"). The same words hand the seeker a feeling
to hold it against them: "you're lonely because you push everyone away", "You're just bitter
because she dumped you", "you get annoyed too easily", "You're scared of nothing", "You're
too proud to ask for help, that's your problem", "You look happy in all your pictures
though?". Such a feeling is no understanding, and feedback must not praise it.
:func:`blames` finds the words that blame the seeker anywhere in a reply ("you have no right
to be angry", "that's your problem", "the problem is you", "it's your own fault"; never
their denials: "it's not your fault", "he had no right to"); :func:`judged` reads the clause
of one feeling word: "just" or "too" right before it after a bare "you're" ("you're just
bitter", "you're too proud"; not "it sounds like you're just exhausted", nor "too scared to
go"), "always" or "constantly" between "you" and it where the seeker wrote no such word
("you always get upset"), the feeling alone in a bare question ("You're angry?"), and after
it "because you" and a habit held against them ("because you push everyone away"; not
"because you care so much"), "over little things", "of nothing", "for no reason", "too
easily" and a "though" that ends in a question ("You were happy before the reunion though,
right?"). Words the seeker wrote themselves are theirs said back ("I'm just tired" ->
"You're just tired"). These are word rules: a judgment in other words is left to the
model's dismissive score, which :mod:`carelens.analysis.feedback` reads.
"""

from __future__ import annotations

import re

from carelens.analysis.words import SENTENCE_MARK

#: Words anywhere in a reply that blame the seeker: no feeling given in it is understanding.
#: Written so that a denial of them ("it's not your fault", "that isn't your problem to fix")
#: or someone else's lack of right ("he had no right to say that") does not match.
_BLAME = re.compile(
    r"\b(?:you|u)(?:['\u2019]ve|\s+have|\s+had)?\s+(?:got\s+)?no\s+right\s+to\b"
    r"|\b(?:that|this|it)(?:['\u2019]s|\s+is)\s+(?:all\s+|just\s+)?(?:your|ur)\s+(?:own\s+)?"
    r"(?:problem|fault)\b"
    r"|\bthe\s+(?:real\s+)?problem\s+is\s+(?:you|u)\b(?!['\u2019])(?=\s*(?:[.!?,;]|$))"
    r"|\b(?:you['\u2019]re|youre|you\s+are)\s+the\s+(?:real\s+)?problem\b",
    re.IGNORECASE,
)
#: The end of the part of a clause before a feeling word that makes it "just" that feeling or
#: "too" much of it, after a bare "you're", "you get", "you seem" ("You're just bitter",
#: "you're way too proud").
_BARE_BEFORE = re.compile(
    r"\b(?:you['\u2019]re|youre|you\s+are|(?:you|u)\s+(?:get|got|seem|feel))\s+"
    r"(?:(?:always|so|way|far|a\s+bit|a\s+little|just)\s+)*(?P<word>just|too)\s+$",
    re.IGNORECASE,
)
#: Words before a feeling that soften "just" into a guess about them ("It sounds like
#: you're just exhausted", "you must just be drained").
_SOFTENED = re.compile(r"\b(?:sounds?|seems?|must|like|maybe|probably)\b", re.IGNORECASE)
#: "too" before a feeling and "to" and a verb after it tells what the feeling keeps them
#: from ("too scared to go to the dentist"), no judgment of it; a few feelings are one
#: however it goes on ("too proud to ask for help").
_TOO_TO = re.compile(r"\s+to\s+[a-z]", re.IGNORECASE)
_ALWAYS_TOO = frozenset(["proud"])
#: A habit word between "you" and the feeling ("you always get upset", "you're constantly
#: angry"): the feeling made their character; not a history ("you've always been anxious").
_HABIT = re.compile(
    r"\b(?:(?:you|u)\s+(?:\w+\s+)?(?:always|constantly)\s+(?:get|got|feel|seem|act|sound)"
    r"|(?:you['\u2019]re|youre|you\s+are)\s+(?:\w+\s+)?(?:always|constantly))\b",
    re.IGNORECASE,
)
#: The seeker's own words of a habit: after them "you always get upset" says theirs back.
_SEEKER_HABIT = re.compile(
    r"\b(?:always|constantly|every\s*time|all\s+the\s+time|whenever)\b", re.IGNORECASE
)
#: A feeling said back as a bare question, the frame and the feeling alone ("You're
#: angry?", "Wait, you're scared?"): disbelief, not hearing them.
_BARE_ECHO = re.compile(
    r"\s*(?:(?:so|wait|oh|hold\s+on)\s+)?(?:you['\u2019]re|youre|you\s+are|(?:you|u)\s+feel)"
    r"(?:\s+(?:so|really|that|very|feeling))*\s+",
    re.IGNORECASE,
)
_ASKED_NEXT = re.compile(r"\s*\?")
#: Words after a feeling in its clause that hold it against them. After "because you" only
#: a habit blamed on them counts ("because you push everyone away", "because you never let
#: anyone in"), not a cause that blames no one ("because you care so much", "because you
#: keep getting let down", "because you never got to say goodbye").
_AFTER = re.compile(
    r"\bbecause\s+(?:you|u)\s+(?:(?:just|always|never|keep|still|constantly|really)\s+)*"
    r"(?:push(?:ed|ing)?|refuse[ds]?|refusing|overthink\w*|overreact\w*|isolate|isolating"
    r"|dwell|dwelling|complain|complaining|whine|whining"
    r"|let\s+(?:people|them|him|her|it|everyone|others|anyone|anybody)"
    r"|(?:don['\u2019]?t|won['\u2019]?t)\s+(?:even\s+)?(?:try|listen|let|bother)"
    r"|take\s+(?:things|everything|it)\s+(?:so\s+|too\s+)?personally)\b"
    r"|\b(?:over|about)\s+(?:(?:such|the|every|all|these|those|some)\s+)?(?:little|small|tiny"
    r"|silly|stupid|petty|dumb|minor)\s+(?:things?|stuff|stuffs)\b"
    r"|\bover\s+every(?:thing|\s+little)\b"
    r"|\b(?:of|about|over)\s+nothing\s*(?=[.!?,;]|$)"
    r"|\bfor\s+no\s+(?:good\s+|real\s+)?reason\b"
    r"|\b(?:too\s+)?easily\b"
    r"|\btoo\s+(?:quickly|fast|often|soon|seriously|personally)\b",
    re.IGNORECASE,
)
#: A "though" after the feeling in its sentence that ends in a question challenges it ("You
#: look happy in your pictures though?", "You were happy before, though, right?").
_THOUGH_ASKED = re.compile(r"\bthough\b[^.!?\n]{0,40}\?", re.IGNORECASE)
#: What ends a clause and a sentence, reading on from a feeling word.
_CLAUSE_END = re.compile(r"[.!?\n,;:]|\bbut\b", re.IGNORECASE)


def blames(response: str) -> bool:
    """Whether ``response`` blames the seeker anywhere ("You have no right to be angry at
    him", "that's your problem", "maybe the problem is you"; not "it's not your fault")."""
    return _BLAME.search(response) is not None


def as_said(seeker: str) -> str:
    """The seeker's message as :func:`judged` compares the reply's words with it: lower-cased,
    each run of spaces one space (read once per reply)."""
    return " ".join(seeker.lower().split())


def judged(text: str, start: int, end: int, head: str, said: str) -> bool:
    """Whether the feeling word at ``start``-``end`` of the reply ``text``, after ``head``
    (the part of its clause before it), is held against the seeker in its clause: "just" or
    "too" right before it after a bare "you're" (:data:`_BARE_BEFORE`, not softened by "it
    sounds like", "must"...; "too" not before "to" and a verb), "always" or "constantly"
    before it after "you" where the seeker wrote no such word (:data:`_HABIT`), the
    feeling alone in a bare question ("You're angry?"), words after it (:data:`_AFTER`:
    "because you push everyone away", "over little things", "of nothing", "too easily"), or
    a "though" ending in a question later in its sentence. Words the seeker wrote themselves
    (``said``, their message as :func:`as_said` gives it: "I'm just tired", "I get sad for
    no reason") are theirs said back, no judgment."""
    word = text[start:end].lower()
    bare = _BARE_BEFORE.search(head)
    if (
        bare is not None
        and not _SOFTENED.search(head[: bare.start()])
        and f"{bare.group('word').lower()} {word}" not in said
        and (
            bare.group("word").lower() == "just"
            or word in _ALWAYS_TOO
            or not _TOO_TO.match(text, end)
        )
    ):
        return True
    if _HABIT.search(head) and not _SEEKER_HABIT.search(said):
        return True
    if _BARE_ECHO.fullmatch(head) and _ASKED_NEXT.match(text, end):
        return True
    window = text[end : end + 120]
    clause = _CLAUSE_END.split(window, maxsplit=1)[0]
    after = _AFTER.search(clause)
    if after is not None and " ".join(after.group(0).lower().split()) not in said:
        return True
    sentence = window[: m.end()] if (m := SENTENCE_MARK.search(window)) else window
    return _THOUGH_ASKED.search(sentence) is not None

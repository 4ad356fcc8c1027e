"""Brackets in a clause offered for a suggested opening: which pair, which wrap the whole
clause, and which are asides left out.

Brackets that pair on a line are found once for a message (:func:`bracket_pairs`: "my kids (10,
12) hate me"), no emoticon's or list's mark among them. Brackets that pair around the whole
clause are left out ("(I feel so alone)": :func:`bracketed`), and so is an aside in brackets at
its start before a clause with a subject of its own ("(throwaway, obviously) my dad died":
:func:`aside_at_start`; not "(My husband) keeps ignoring me", "[Name] texted me":
:func:`bracketed_subject`) or a note about the post at its end ("... (sorry for the long post)",
"(just venting)": :func:`aside_at_end`); :func:`carelens.analysis.openings_trim.trim` asks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.openings_emoji import emoticon_spans
from carelens.analysis.openings_lists import BRACKET_OR_LINE, list_marks
from carelens.analysis.openings_words import NOUN_OPENERS, finite_verb, needs_more
from carelens.analysis.words import COMMON_WORDS, WORD, plain

#: Brackets that may wrap a clause, each opening one with its closing one.
_BRACKETS = {"(": ")", "[": "]"}
#: What may stand between a clause and the bracket that closes around it: the marks that end
#: its sentence ("(I feel so alone.)").
_BEFORE_CLOSING = re.compile(r"[\s.!?\u2026]*")


def bracketed(text: str, start: int, end: int) -> int | None:
    """Where the bracket closes that pairs with one opening ``text[start:end]`` and wraps it
    whole: its last character, or after it past only the marks that end its sentence
    (:data:`_BEFORE_CLOSING`: "(I feel so alone.)"); None when it wraps no whole clause ("(I
    was sad) and (tired)") or is left unclosed ("(I feel so alone")."""
    closing = _BRACKETS.get(text[start]) if start < end else None
    if closing is None:
        return None
    depth = 0
    for at in range(start, len(text)):
        if text[at] == text[start]:
            depth += 1
        elif text[at] == closing:
            depth -= 1
            if depth == 0:
                if at == end - 1 or (at >= end and _BEFORE_CLOSING.fullmatch(text, end, at)):
                    return at
                return None
    return None


#: Words after a bracket at a clause's start that go on with what it holds, rather than
#: start a clause of their own ("(My wife and I) have been fighting", "(I feel so alone)
#: and nobody cares"): the bracket is then no aside (:func:`aside_at_start`).
_GOES_ON = frozenset([
    "and", "or", "but", "so", "because", "am", "is", "are", "was", "were", "have", "has",
    "had", "do", "does", "did", "will", "would", "can", "could", "should", "been", "being",
])  # fmt: skip
#: Brackets that may close an aside, each with the one that opens it.
_OPENING = {")": "(", "]": "["}


def aside_at_start(text: str, start: int, end: int) -> int | None:
    """Where the clause ``text[start:end]`` goes on after a bracket at its start that is an
    aside, no subject or verb of the clause ("(throwaway, obviously) my dad died", "(edit:
    I'm not in danger, just venting) my dad died", "(sorry, I know this is dumb) my
    girlfriend cheated on me"): a pair that closes before the clause's end, three words or
    more after it that start a clause with a subject of its own (:func:`_own_subject`; not
    with one of :data:`_GOES_ON`), or any three words after a note about the post
    (:data:`_END_ASIDE`: "(throwaway) Lost my job today"); None when there is none (or the
    brackets wrap the whole clause: :func:`bracketed`). A bracket that is the clause's
    subject stays ("(My husband) keeps ignoring me", "[Name] texted me at 3am")."""
    at = _closes_at(text, start, end)
    if at is None:
        return None
    words = WORD.findall(text, at + 1, end)
    if len(words) < 3 or plain(words[0]) in _GOES_ON:
        return None  # "lol (I feel so alone) haha": no clause after it
    if not _END_ASIDE.match(text, start, at + 1) and not _own_subject(words):
        return None  # "(My husband) keeps ignoring me", "[Name] texted me"
    return at + 1


def _closes_at(text: str, start: int, end: int) -> int | None:
    """Where the bracket that ``text[start:end]`` opens with closes before ``end``; None when
    it opens with none or it does not close."""
    closing = _BRACKETS.get(text[start]) if start < end else None
    if closing is None:
        return None
    depth = 0
    for at in range(start, end):
        if text[at] == text[start]:
            depth += 1
        elif text[at] == closing:
            depth -= 1
            if depth == 0:
                return at
    return None


#: Pronouns that are a clause's own subject after a bracket at its start ("(throwaway) I
#: think my husband is cheating").
#: Not "nobody", "it"...: "(I feel so alone) nobody at school talks to me" keeps its bracket.
_SUBJECT_PRONOUNS = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "we", "we're", "we've", "he", "he's",
    "she", "she's", "they", "they're", "they've",
])  # fmt: skip


def _own_subject(words: Sequence[str]) -> bool:
    """Whether ``words`` (after a bracket at a clause's start) open a clause with a subject of
    its own: a pronoun (:data:`_SUBJECT_PRONOUNS`), a noun phrase of :data:`NOUN_OPENERS` or a
    capitalised name before a verb (:func:`finite_verb`: "my dad died", "Sarah left me");
    not a verb whose subject the bracket is ("(My husband) keeps ignoring me")."""
    first = plain(words[0])
    if first in _SUBJECT_PRONOUNS:
        return True
    if first in NOUN_OPENERS:
        return any(finite_verb(plain(word)) for word in words[2:4])
    return words[0][0].isupper() and first not in COMMON_WORDS and finite_verb(plain(words[1]))


def aside_at_end(text: str, start: int, end: int) -> int | None:
    """Where the clause ``text[start:end]`` ends before a bracket at its end that is an aside
    about the post (:data:`_END_ASIDE`: "my dad died last week (sorry for formatting)", "I
    feel so alone (f22)"); None when there is none. A bracket of any other words stays ("I
    feel so alone (and tired)", "I love the outdoors (like hiking, biking)")."""
    if start >= end or text[end - 1] not in _OPENING:
        return None
    opening, depth = _OPENING[text[end - 1]], 0
    for at in range(end - 1, start, -1):
        if text[at] == text[end - 1]:
            depth += 1
        elif text[at] == opening:
            depth -= 1
            if depth == 0:
                words = WORD.findall(text, start, at)
                if not words or not _END_ASIDE.match(text, at, end):
                    return None
                if needs_more(words[-1]) and plain(words[-2] if len(words) > 1 else "") != "to":
                    return None  # "I feel so (sorry)"; not "... what to do (just venting)"
                return at
    return None


#: A bracket about the post, not its story: an apology or a note on it, the seeker's age and
#: sex ("(sorry for the long post)", "(edit: typo)", "(throwaway)", "(on mobile)", "(22F)",
#: "(just venting)", "(not looking for advice)", "(no advice please)", "(please be kind)").
_END_ASIDE = re.compile(
    r"[(\[]\s*(?:(?:sorry|apologies|edit|update|ps|throwaway|tl;?dr|on\s+mobile|long\s+post"
    r"|lol|lmao|haha\w*|(?:just\s+)?(?:vent|venting|rant|ranting)|not\s+looking\s+for"
    r"|no\s+advice|(?:please\s+)?be\s+(?:kind|nice|gentle))\b|\d{1,2}\s*[mf]\b|[mf]\s*\d{1,2}\b)",
    re.IGNORECASE,
)


def bracketed_subject(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` opens with a square bracket that closes inside it
    and is no note about the post (:data:`_END_ASIDE`): a bracket that stands for its subject
    ("[Name] texted me at 3am"), kept rather than trimmed as a mark."""
    if start >= end or text[start] != "[":
        return False
    closes = _closes_at(text, start, end)
    return closes is not None and not _END_ASIDE.match(text, start, closes + 1)


@lru_cache(maxsize=8)
def bracket_pairs(text: str) -> tuple[tuple[int, int], ...]:
    """Where brackets that pair on a line of ``text`` open and close (after the closing one),
    the outermost of each nest, in order ("my kids (10, 12) hate me"): no emoticon (":(")
    nor list's mark ("1)", "(2)": :func:`list_marks`) opens or closes one."""
    if ")" not in text:
        return ()
    emoticons = emoticon_spans(text)
    marks = list_marks(text)
    pairs: list[tuple[int, int]] = []
    opened: list[int] = []
    for bracket in BRACKET_OR_LINE.finditer(text):
        at = bracket.start()
        k = bisect_right(emoticons, at, key=lambda span: span[0]) - 1
        m = bisect_right(marks, at, key=lambda span: span[0]) - 1
        if (k >= 0 and emoticons[k][1] > at) or (m >= 0 and marks[m][1] > at):
            continue
        if bracket.group(0) == "\n":
            opened.clear()
        elif bracket.group(0) == "(":
            opened.append(at)
        elif opened:
            first = opened.pop()
            if not opened:
                pairs.append((first, at + 1))
    return tuple(pairs)

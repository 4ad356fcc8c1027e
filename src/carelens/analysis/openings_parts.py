"""The parts of the seeker's sentences a clause for a suggested opening is read from, and
what joins them (:mod:`carelens.analysis.openings_clauses` reads which to offer).

A sentence is not cut inside a quotation ('My coach yelled "you're worthless!" at
practice': :func:`sentences`); its parts lie between commas, semicolons, colons and "but",
none cut inside personal data or brackets that close ("my kids (10, 12) hate me"), and a
list's mark inside a part starts a part of its own ("I have two problems 1) I can't sleep 2)
I feel like a failure": :func:`whole_parts`). A list's item with no subject of its own
(:func:`item_subject`, :func:`own_clause_after`), its lead-in (:func:`leads_to_list`), a
clause that closes a bracket it never opened (:func:`closes_unopened`) and a part that only
names what the part before it meant (:func:`says_what_was_meant`: "the move I mean") are read
here too. A part followed by "but" and a clause of the seeker's own, maybe after words of time
(:func:`but_after`: "I told everyone I'm okay with the divorce but I'm not", "I've been sober
90 days but tonight I really want a drink") is read with it; where the two are
:func:`too_long` to offer whole, the clause after "but" may be offered alone where it can stand
alone (:func:`stands_alone`; not where it needs the part before it, :func:`needs_before`: "...
but I spent it crying", "... but I'm not happy either"), and so may a
sentence that opens with "But" and a clause of theirs, the sentence before it never ending on
its last part alone (:func:`own_but`: "I smile at work all day. But I cry the whole drive
home.").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from carelens.analysis.openings_carry_on import verb_left_out
from carelens.analysis.openings_clipping import QUOTE_WORDS, clip_clause
from carelens.analysis.openings_subordinate import MAIN_SUBJECTS, verb_after_opener
from carelens.analysis.openings_trim import trim
from carelens.analysis.openings_words import (
    CONJUNCTION,
    NOUN_OPENERS,
    OWN_SUBJECT,
    adds_to_before,
    finite_verb,
)
from carelens.analysis.quoted_speech import quoted_speech
from carelens.analysis.words import SENTENCE, WORD, plain, sentence_parts


def sentences(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` (:data:`carelens.analysis.words.SENTENCE`) start and
    end, none cut inside a quotation: a sentence whose quotation is still open
    (:func:`carelens.analysis.quoted_speech.quoted_speech`) where the next starts with the mark that
    closes it runs on over the next ('My coach yelled "you're worthless!" at practice.' is one
    sentence), or takes in only that mark where a capital after it starts a new one ('He said
    "I'm done." I feel so alone.')."""
    spans: list[tuple[int, int]] = []
    for found in SENTENCE.finditer(text):
        start, end = found.span()
        if (
            spans
            and spans[-1][1] == start
            and text[start] in _CLOSING_MARKS
            and quoted_speech(text[spans[-1][0] : start])[1] is not None
        ):
            rest = text[start + 1 : end].lstrip()
            if not rest or not rest[0].isupper():
                spans[-1] = (spans[-1][0], end)
                continue
            spans[-1] = (spans[-1][0], start + 1)
            start += 1
        spans.append((start, end))
    return spans


#: Marks that close a quotation, straight or curly.
_CLOSING_MARKS = "\"'\u2019\u201d"


#: What stands between a part and the next when "but" joins them ("but", ", but", "; but").
_BUT = re.compile(r"[\s,;]*\bbut\s*", re.IGNORECASE)


def but_after(
    text: str,
    offset: int,
    parts: Sequence[tuple[int, int]],
    k: int,
    runs: Sequence[tuple[int, int]],
) -> int | None:
    """The index of the part after ``parts[k]`` (of the sentence at ``offset`` in ``text``)
    when "but" joins them and it opens, past its fillers
    (:func:`~carelens.analysis.openings_trim.trim`), with a subject of the seeker's own
    (:data:`~carelens.analysis.openings_words.OWN_SUBJECT`): "I told everyone I'm okay with
    the divorce but I'm not", "I smile at work all day but I cry the whole drive home", whose
    first part alone would reverse what they say; None when there is none ("I love my job but
    my boss is awful")."""
    n = k + 1
    while n < len(parts) and not text[offset + parts[n][0] : offset + parts[n][1]].strip():
        n += 1  # the empty part between ", " and "but"
    if n == len(parts) or not _BUT.fullmatch(text, offset + parts[k][1], offset + parts[n][0]):
        return None
    return n if _own_first(text, offset + parts[n][0], offset + parts[n][1], runs) else None


def joined_by_but(text: str, offset: int, parts: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether "but" joins ``parts[k]`` (of the sentence at ``offset`` in ``text``) to the
    part with words before it ("... but I really do")."""
    j = k - 1
    while j >= 0 and not text[offset + parts[j][0] : offset + parts[j][1]].strip():
        j -= 1
    return j >= 0 and _BUT.fullmatch(text, offset + parts[j][1], offset + parts[k][0]) is not None


def _own_first(text: str, start: int, end: int, runs: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` opens, past its fillers
    (:func:`~carelens.analysis.openings_trim.trim`) and words of time or adverbs
    (:data:`_LEAD_IN`: "tonight", "some days", "now", "then", "sometimes"), with a subject of
    the seeker's own (:data:`~carelens.analysis.openings_words.OWN_SUBJECT`: "... but
    tonight I really want a drink", "... but sometimes I want to die")."""
    trimmed = trim(text, start, end, runs)
    if trimmed is None:
        return False
    lead = _LEAD_IN.match(text, *trimmed)
    return OWN_SUBJECT.match(text, lead.end() if lead else trimmed[0], trimmed[1]) is not None


#: Words of time and adverbs that may stand before the subject of a clause after "but"
#: ("but tonight I", "but some days I", "but now I", "but then I", "but at night I").
_LEAD_IN = re.compile(
    r"(?:(?:tonight|today|now|then|yesterday|sometimes|lately|recently|still|often|suddenly"
    r"|again|finally|also|secretly|usually|always|never|really|deep\s+down|at\s+(?:night|times)"
    r"|(?:some|most|other|these|those|many|bad|good|a\s+few)\s+(?:days|nights|times)"
    r"|(?:last|this|every|each|that|at|one)\s+(?:night|morning|evening|day|week|time|year)"
    r"|(?:right|just)\s+now|after\s+(?:that|a\s+while)|in\s+the\s+end|other\s+times)"
    r"[\s,]+)+",
    re.IGNORECASE,
)


#: "But" at a sentence's start, with what separates it from the clause after it.
_BUT_FIRST = re.compile(r"\s*but\b[\s,]*", re.IGNORECASE)


def own_but(text: str, start: int, end: int, runs: Sequence[tuple[int, int]]) -> bool:
    """Whether the sentence ``text[start:end]`` opens with "But" and a clause of the seeker's
    own (:func:`_own_first`: "But I'm not.", "But I cry the whole drive home."): the last
    part of the sentence before it is then never offered alone."""
    found = _BUT_FIRST.match(text, start, end)
    return found is not None and _own_first(text, found.end(), end, runs)


def stands_alone(text: str, start: int, end: int, runs: Sequence[tuple[int, int]]) -> bool:
    """Whether the clause after "but" at ``text[start:end]`` may be offered on its own, the
    part before it left out: three words or more once trimmed
    (:func:`~carelens.analysis.openings_trim.trim`), its verb not left out
    (:func:`~carelens.analysis.openings_carry_on.verb_left_out`: "I smile at work all day but
    I cry the whole drive home" offers "I cry the whole drive home"; "... but I'm not", "...
    but I lied", "... but I can't" are joined to the part before them), nor a pronoun that
    refers back to the part before it (:data:`_BACK`: "It was supposed to be the best day of
    my life but I spent it crying", whose "you spent it crying" alone names nothing)."""
    trimmed = trim(text, start, end, runs)
    return (
        trimmed is not None
        and len(text[trimmed[0] : trimmed[1]].split()) >= 3
        and not needs_before(text, *trimmed)
    )


def needs_before(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]``, after a "but", cannot be read without the part
    before it: its verb is left out
    (:func:`~carelens.analysis.openings_carry_on.verb_left_out`: "But I have to be."), the
    object of its first verb is a pronoun that refers back to it (:data:`_BACK`, within three
    words of its subject: "... but I spent it crying", "... but I can't stand them"; not "...
    but I can't do anything about it"), or it ends on a word that adds it to the part before
    (:func:`~carelens.analysis.openings_words.adds_to_before`: "I'm not sad but I'm not happy
    either", whose "you're not happy either" alone answers nothing said)."""
    if verb_left_out(text, start, end):
        return True
    lead = _LEAD_IN.match(text, start, end)
    words = [plain(word) for word in WORD.findall(text, lead.end() if lead else start, end)]
    return any(word in _BACK for word in words[1:4]) or adds_to_before(text, start, end)


#: Pronouns in a clause after "but" that refer back to the part before it as the object of
#: its first verb ("... but I spent it crying", "... but I can't stand them").
_BACK = frozenset(["it", "them"])


def too_long(
    text: str,
    start: int,
    end: int,
    runs: Sequence[tuple[int, int]],
    feelings: Sequence[int],
) -> bool:
    """Whether the parts that "but" joins at ``text[start:end]`` (:func:`but_after`) are too
    long to offer whole: clipped
    (:func:`~carelens.analysis.openings_clipping.clip_clause`, which may run a few words past
    :data:`~carelens.analysis.openings_clipping.QUOTE_WORDS` to keep a feeling of the
    seeker's, ``feelings``: where they start, in order), they would end before the clause
    after "but" ends."""
    whole = trim(text, start, end, runs)
    if whole is None or len(text[whole[0] : whole[1]].split()) <= QUOTE_WORDS:
        return False
    clipped = clip_clause(text, *whole, feelings, runs)
    return len(clipped.rstrip("\u2026").split()) < len(text[whole[0] : whole[1]].split())


def closes_unopened(text: str, start: int, end: int, marks: Sequence[tuple[int, int]]) -> bool:
    """Whether the clause ``text[start:end]`` closes a bracket it never opened: the end of a
    list cut off by a comma inside brackets ("(like hiking, biking, traveling), is it ok to
    ...": "traveling), is it ok ..."), a piece of something else ("12) hate me" of "my kids
    (10, 12) hate me" were the brackets not read whole: :func:`whole_parts`). A list's mark
    (``marks``, :func:`~carelens.analysis.openings_lists.list_marks`: "1)", "a)"), at the
    clause's start or inside it, closes nothing."""
    depth = 0
    for at in range(start, end):
        char = text[at]
        if char not in "()" or _in_mark(marks, at):
            continue
        if char == "(":
            depth += 1
        elif depth == 0:
            return True
        else:
            depth -= 1
    return False


def _in_mark(marks: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether the position ``at`` lies inside one of the list's ``marks`` (in order)."""
    k = bisect_right(marks, at, key=lambda span: span[0]) - 1
    return k >= 0 and at < marks[k][1]


def leads_to_list(text: str, end: int, leads: Sequence[int]) -> bool:
    """Whether a clause that ends at ``end`` of ``text`` is a list's lead-in, or its end: one
    of ``leads`` (where a lead-in's last word ends,
    :func:`~carelens.analysis.openings_lists.list_leads`) at or after ``end`` with no word in
    between."""
    k = bisect_left(leads, end)
    return k < len(leads) and WORD.search(text, end, leads[k]) is None


def mark_between(marks: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the list's ``marks`` (in order) starts in ``start:end``."""
    k = bisect_left(marks, start, key=lambda span: span[0])
    return k < len(marks) and marks[k][0] < end


def item_subject(item: str) -> bool:
    """Whether the item of a list ``item`` (its mark taken off) opens with a subject of its
    own: a pronoun (:data:`~carelens.analysis.openings_subordinate.MAIN_SUBJECTS`, "it", "you")
    or a noun phrase before its verb ("1) my dad is sick"; not "a) quit my job", "2) my
    health", "3) money"): a clause to offer, where a bare verb may be a plan ("my plan: a)
    quit my job") and a noun is none."""
    words = [plain(word) for word in WORD.findall(item, 0, 200)]
    if not words:
        return False
    if words[0] in MAIN_SUBJECTS or words[0] in ("it", "you", "u"):
        return True
    return words[0] in NOUN_OPENERS and verb_after_opener(words, 0)


def own_clause_after(text: str, start: int, end: int) -> int | None:
    """Where a clause of the seeker's own starts in ``text[start:end]`` after a conjunction
    (:data:`~carelens.analysis.openings_words.CONJUNCTION`): a subject of theirs
    (:data:`~carelens.analysis.openings_words.OWN_SUBJECT`) and three words or more ("3) my kids
    and I feel overwhelmed" offers "I feel overwhelmed"); None when there is none."""
    for found in CONJUNCTION.finditer(text, start, end):
        if OWN_SUBJECT.match(text, found.end(), end) and len(text[found.end() : end].split()) >= 3:
            return found.end()
    return None


def whole_parts(
    sentence: str,
    offset: int,
    runs: Sequence[tuple[int, int]],
    marks: Sequence[tuple[int, int]],
    pairs: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The :func:`sentence_parts` of ``sentence`` (at ``offset`` in a text whose personal data lies
    in ``runs``, :func:`personal_runs`), none of which starts or ends inside personal data: a break
    inside it is none ("I live at 221B Baker Street, London NW1 6XE and I feel alone" is one part,
    not "London NW1 6XE and I feel alone"); where the sentence itself starts inside personal data,
    its first part starts after it, and where it ends inside, its last part runs to its end (offsets
    may then pass the sentence's). Nor is a break inside brackets that close in the sentence
    (``pairs``, :func:`~carelens.analysis.openings_brackets.bracket_pairs`: "my kids (10, 12) hate
    me" is one part). A list's mark inside a part starts a part of its own (``marks``,
    :func:`~carelens.analysis.openings_lists.list_marks`: "I have two problems 1) I can't sleep
    2) I feel like a failure"), and :func:`~carelens.analysis.openings_trim.trim` takes it
    off. A "but" that means "except" is no break (:func:`_but_except`: "I feel like nothing but
    a burden", "I can't help but feel like a failure")."""

    def inside(position: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in runs if a < offset + position < b), None)

    def bracketed(position: int) -> bool:
        k = bisect_right(pairs, offset + position, key=lambda pair: pair[0]) - 1
        return (
            k >= 0
            and offset <= pairs[k][0]
            and offset + position < pairs[k][1] <= offset + len(sentence)
        )

    parts: list[tuple[int, int]] = []
    for start, end in _at_list_marks(sentence, offset, sentence_parts(sentence), marks):
        if parts and (
            inside(parts[-1][1])
            or inside(start)
            or bracketed(parts[-1][1])
            or _but_except(sentence, parts[-1][1], start)
        ):
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    if (run := inside(parts[0][0])) is not None:
        parts[0] = (run[1] - offset, max(parts[0][1], run[1] - offset))
    if (run := inside(parts[-1][1])) is not None:
        parts[-1] = (parts[-1][0], run[1] - offset)
    return parts


#: Words before a "but" that means "except" ("nothing but a burden", "can't help but feel").
_BEFORE_EXCEPT = re.compile(
    r"\b(?:nothing|anything|none|(?:can['\u2019]?t|cannot|couldn['\u2019]?t|can\s+not"
    r"|could\s+not|cant|couldnt)\s+help)\s*$",
    re.IGNORECASE,
)
#: First words of a clause of its own after "but" ("I said nothing but I'm so hurt").
_CLAUSE_FIRST = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "he", "she", "they", "we", "you", "it",
    "it's", "my", "his", "her", "their", "our", "the", "this", "that", "there", "nobody",
    "everyone", "everybody", "someone", "people", "now", "then", "still",
])  # fmt: skip


def _but_except(sentence: str, before: int, after: int) -> bool:
    """Whether the "but" of ``sentence[before:after]`` means "except" (after "nothing",
    "anything", "none", "can't help": :data:`_BEFORE_EXCEPT`), no clause of its own after it
    (:data:`_CLAUSE_FIRST`: "I said nothing but I'm so hurt")."""
    if sentence[before:after].strip().lower() != "but":
        return False
    if _BEFORE_EXCEPT.search(sentence, 0, before) is None:
        return False
    first = WORD.search(sentence, after)
    return first is not None and plain(first.group(0)) not in _CLAUSE_FIRST


#: A part that only says what the part before it meant ("the move I mean", "the essay I
#: mean"): "It sounds like the move you mean…" reflects nothing.
_MEANT = re.compile(
    r"(?:the|my|a|an|this|that|our|his|her|their)\s+(?:[\w'\u2019-]+\s+){0,4}?i\s+mean\W*",
    re.IGNORECASE,
)


def says_what_was_meant(part: str) -> bool:
    """Whether ``part`` only names what the part before it meant (:data:`_MEANT`: "the move I
    mean"), no clause of its own (no verb before "I mean":
    :func:`~carelens.analysis.openings_words.finite_verb`; not "the move was hard I mean")."""
    if _MEANT.fullmatch(part) is None:
        return False
    words = [plain(word) for word in WORD.findall(part)]
    return not any(finite_verb(word) for word in words[:-2])


#: What may end an item of a list before the next one's mark ("1) I'm useless and 2) ...").
_JOINER_END = re.compile(r"[\s,;]*(?:\b(?:and|or)|&)?\s*$", re.IGNORECASE)


def _at_list_marks(
    sentence: str,
    offset: int,
    parts: Sequence[tuple[int, int]],
    marks: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """``parts`` of ``sentence`` (at ``offset`` in its text) each cut again before every list's
    mark inside it (``marks``, in the text's offsets: "1)", "2)")."""
    first = bisect_left(marks, offset, key=lambda span: span[0])
    if first == len(marks) or marks[first][0] >= offset + len(sentence):
        return list(parts)
    cut: list[tuple[int, int]] = []
    for start, end in parts:
        k = bisect_left(marks, offset + start + 1, key=lambda span: span[0])
        while k < len(marks) and marks[k][0] < offset + end:
            at = marks[k][0] - offset
            if sentence[start:at].strip():
                # the "and" or "or" before the next item is no part of this one
                joiner = _JOINER_END.search(sentence, start, at)
                cut.append((start, joiner.start() if joiner is not None else at))
                start = at
            k += 1
        cut.append((start, end))
    return cut

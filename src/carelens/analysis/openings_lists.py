"""The lists in a seeker's message, for a suggested opening: where a list's marks stand, and
what its lead-in does to its items.

A list's mark ("1)", "a)", "(1)") starts a list of its own after a line's or a sentence's start
or a colon, or counts on a run from "1" or "a" (:func:`list_runs`, :func:`list_marks`); a ")"
that closes a bracket, a number or letter of the text's own ("I got a 2) on my exam", "type 1)
diabetes") and an emoticon are none. A clause starts after its mark
(:func:`carelens.analysis.openings_trim.trim`: "1) I can't sleep" offers "I can't sleep").
Where a list's lead-in ends, so that it is never offered alone ("Right now I'm dealing with 1) a
breakup"), and which items it frames as someone's words or the seeker's thoughts ("My mom always
says 1) I'm useless"), is read here too (:func:`list_leads`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.openings_emoji import emoticon_spans
from carelens.analysis.openings_words import needs_more
from carelens.analysis.words import SENTENCE, WORD, plain, sentence_parts

#: What may be a list's mark (:func:`list_marks`): a number or a letter before ")", or
#: between brackets, standing alone before a space ("1)", "a)", "(2)").
_MARK = re.compile(r"(?<!\S)(\()?(?:(\d{1,2})|([A-Za-z]))\)(?=\s)")
#: What may stand right before a list's mark that starts a list of its own, spaces apart:
#: the start of a line, or a mark that ends a sentence or opens a list ("My problems: 1) ...").
_BEFORE_MARK = ".!?:;\r\n\u2013\u2014-"
#: A bracket or a line break (:func:`list_marks` reads which brackets are open).
BRACKET_OR_LINE = re.compile(r"[()\n]")


@lru_cache(maxsize=8)
def list_marks(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds the marks of a list ("1)", "a)", "(1)": :data:`_MARK`), in order
    (:func:`list_runs`, without where each run starts)."""
    return tuple((start, end) for start, end, _ in list_runs(text))


@lru_cache(maxsize=8)
def list_runs(text: str) -> tuple[tuple[int, int, int], ...]:
    """Where ``text`` holds the marks of a list ("1)", "a)", "(1)": :data:`_MARK`), in order,
    each with where the first mark of its run starts (its own start for a mark alone): a mark
    that starts a line or follows a sentence's end or a colon (:func:`_starts`: "1) I feel so
    alone", "My problems: a) ..."), or one of a run that counts on from "1" or "a" ("I have
    two problems 1) I can't sleep 2) I feel like a failure", "(1) I can't focus (2) I can't
    sleep"); a run of marks in brackets only from a first mark that starts a part so ("My
    son (1) and my daughter (2)" are ages). No ")" that closes a bracket opened before it on
    its line is a mark ("my little brother (he's 8) died", "my kids (10, 12)"), nor a number
    or letter of the text's own ("I got a 2) on my exam", "Plan B) is moving home", "type 1)
    diabetes"); an emoticon opens no bracket (":( ")."""
    if ")" not in text:
        return ()
    found = list(_MARK.finditer(text))
    if not found:
        return ()
    emoticons = emoticon_spans(text)
    # the ")" of each mark without its own "(", and both brackets of one with it ("(1)")
    own = {mark.end() - 1 for mark in found if mark.group(1) is None}
    skipped = {at for mark in found if mark.group(1) for at in (mark.start(), mark.end() - 1)}
    closing: set[int] = set()  # the ")" of a mark that closes a bracket open before it
    depth = 0
    for bracket in BRACKET_OR_LINE.finditer(text):
        at = bracket.start()
        k = bisect_right(emoticons, at, key=lambda span: span[0]) - 1
        if at in skipped or (k >= 0 and emoticons[k][1] > at):
            continue
        if bracket.group(0) == "\n":
            depth = 0
        elif bracket.group(0) == "(":
            depth += 1
        elif depth > 0:
            depth -= 1
            if at in own:
                closing.add(at)
    candidates = [mark for mark in found if mark.end() - 1 not in closing]
    # runs that count on from "1" or "a", one for each kind of mark ("1)", "(1)", "a)", "A)")
    first_of: dict[int, int] = {}  # each mark of a run of two or more, and its run's first
    runs: dict[tuple[bool, str], list[int]] = {}
    for k, mark in enumerate(candidates):
        number, letter = mark.group(2), mark.group(3)
        kind = (mark.group(1) is not None, "1" if number else "A" if letter.isupper() else "a")
        value = int(number) if number else ord(letter.lower()) - ord("a") + 1
        run = runs.get(kind)
        if value == 1:
            # "(1)" after a word is no list's first mark: "My son (1) and my daughter (2)"
            runs[kind] = [k] if kind[0] is False or _starts(text, mark.start()) else []
        elif run and value == len(run) + 1:
            run.append(k)
            first_of.update(dict.fromkeys(run, run[0]))
    return tuple(
        (*mark.span(), candidates[first_of.get(k, k)].start())
        for k, mark in enumerate(candidates)
        if k in first_of or _starts(text, mark.start())
    )


#: Words of a list's lead-in that make its items someone's words or the seeker's thoughts,
#: wishes or doubts, no statement of theirs (:func:`list_leads`: "My mom always says 1) I'm
#: useless", "I keep thinking that 1) I'm a burden", "I wish a) I was thinner"); no word
#: that is mostly a noun ("my top 3 worries 1) money", "my fears", "texts").
_FRAMING = frozenset([
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "called", "calling",
    "yell", "yells", "yelled", "scream", "screams", "screamed", "shout", "shouts", "shouted",
    "write", "writes", "wrote", "written", "texted", "messaged", "emailed", "posted", "claim",
    "claimed", "insist", "insists", "insisted", "remind", "reminds", "reminded", "warn",
    "warns", "warned", "promise", "promised", "swear", "swears", "swore", "accuse",
    "accuses", "accused", "think", "thinks", "thought", "thinking", "believe", "believes",
    "believed", "wonder", "wonders", "wondered", "wondering", "wish", "wished", "wishing",
    "hope", "hoped", "hoping", "want", "wants", "wanted", "worry", "worried", "worrying",
    "feared", "imagine", "imagined", "convinced", "pretend", "pretends", "pretended",
    "assume", "assumes", "assumed", "suspect", "suspected", "whether", "should", "could",
    "would", "must", "might",
])  # fmt: skip
#: Words after "feel" that make it a verb of thought, last in a lead-in ("I feel like 1) I'm
#: not smart enough").
_FEEL_AS_THINK = frozenset(["like", "that", "as"])
#: The last words of a lead-in that frame what follows as a clause it takes ("... that 1)",
#: "... wonder if 1)").
_FRAMING_LAST = frozenset(["that", "if"])


@lru_cache(maxsize=8)
def list_leads(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Where the lists of ``text`` (:func:`list_runs`) have a lead-in never offered alone,
    and which items a lead-in frames. A lead-in is the last words of its sentence before a
    run's first mark (or the line before one that starts a line after a colon: "My mom always
    says:\n1) ..."); it is never offered alone where the mark follows it inside the sentence
    ("My mom keeps telling me to 1) lose weight", "Right now I'm dealing with 1) a breakup":
    the list is what it leads to), where it frames the items, or where its last word needs
    another (:func:`needs_more`, :data:`_LEAD_NEEDS`: "My problem is: 1) ..."); where each
    such lead-in's last word ends is given. It frames the items when it holds a verb of
    saying, thought, wish or doubt (:data:`_FRAMING`, "feel like", "that" or "if" last: "My
    mom always says 1) I'm useless and 2) I'm a disappointment", "I keep thinking that 1)
    I'm a burden"): they are someone else's words or a thought, not the seeker's statement,
    and the span from the run's first mark to the end of the part its last mark is in is
    given."""
    runs = list_runs(text)
    if not runs:
        return (), ()
    sentences = [found.span() for found in SENTENCE.finditer(text)]
    begins = [start for start, _ in sentences]
    leads: list[int] = []
    framed: list[tuple[int, int]] = []
    for first in sorted({first for _, _, first in runs}):
        k = bisect_right(begins, first) - 1
        begin = sentences[k][0] if k >= 0 else 0
        # a mark right after a word or a comma of its sentence ("... dealing with 1) a
        # breakup"; not after a colon or an emoticon: "I'm trying my best :) 1) sleep")
        before = text[begin:first].rstrip()
        inline = bool(before) and (before[-1].isalnum() or before[-1] in ",'\u2019")
        if WORD.search(text, begin, first) is None and k > 0:
            if not text[:begin].rstrip().endswith(":"):
                continue
            begin, first = sentences[k - 1][0], begin  # "My mom always says:\n1) ..."
        # the lead-in: the last part of the sentence before the list with words in it
        parts = [(begin + a, begin + b) for a, b in sentence_parts(text[begin:first])]
        words = next((found for a, b in reversed(parts) if (found := WORD.findall(text, a, b))), [])
        if not words:
            continue
        frames = _frames(words)
        if inline or frames or needs_more(words[-1]) or plain(words[-1]) in _LEAD_NEEDS:
            lead_end = max(match.end() for match in WORD.finditer(text, begin, first))
            leads.append(lead_end)
        if frames:
            last = max(start for start, _, run_first in runs if run_first == first)
            j = bisect_right(begins, last) - 1
            at, stop = sentences[j] if j >= 0 else (0, len(text))
            end = next((at + b for _, b in sentence_parts(text[at:stop]) if at + b > last), stop)
            framed.append((first, end))
    return tuple(sorted(leads)), tuple(framed)


#: Last words of a list's lead-in, beside those of :func:`needs_more`, that need the list
#: after them ("I'm torn between a) ...", "either a) ...").
_LEAD_NEEDS = frozenset(["between", "either", "both", "among", "include", "includes"])


def _frames(lead: Sequence[str]) -> bool:
    """Whether a list's lead-in, its words ``lead``, makes its items someone's words or a
    thought of the seeker's (:func:`list_leads`)."""
    words = [plain(word) for word in lead]
    return bool(words) and (
        words[-1] in _FRAMING_LAST
        or any(word in _FRAMING for word in words)
        # "i feel like 1) im not smart enough"; not "Reasons I feel like crap: 1) ..."
        or (len(words) > 1 and words[-2] in _FEEL and words[-1] in _FEEL_AS_THINK)
    )


#: The forms of "feel" (:data:`_FEEL_AS_THINK`).
_FEEL = frozenset(["feel", "feels", "felt", "feeling"])


def _starts(text: str, at: int) -> bool:
    """Whether a list's mark at ``at`` of ``text`` starts a list of its own: only spaces
    between it and the start of the text or a mark of :data:`_BEFORE_MARK`."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in _BEFORE_MARK

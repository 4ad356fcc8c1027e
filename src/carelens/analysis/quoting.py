"""Quoting the seeker's and the helper's words in feedback, safely for redaction.

Feedback quotes pieces of both texts: a rationale span, a crisis cue, the reply's unsafe words,
the seeker's clause for a suggested opening. A quote is whitespace-collapsed, clipped to a
number of words and to :data:`CHARS_PER_WORD` (20) characters a word (a run without spaces
counts as one word: a quote of eight words holds at most 160 characters, then "…", unless
personal data that starts it runs further), and its double quotes become single ones so it
never nests inside the feedback's own quotes. Markdown marks of emphasis, strike-through and
code ("**", "_", "~~", "`": Reddit text is kept as Markdown) are left out of it where they open
or close words (:func:`unmarked`), and no quote starts or ends on one ("** Have you looked
at…"), but for a "*" typed for a letter at a word's edge, which the crisis cues and the unsafe
patterns read as one (:func:`masked_stars`: "*ill myself", "kil* myself", "*verdose"): a quote
of the words shows it as written. The offsets into the texts stay those of the texts as
written. No quote starts or ends inside personal data (:func:`carelens.privacy.find_personal`),
nor inside a run of text without spaces that holds some: the feedback is redacted line by line,
and part of an address ("sarah.jones@mail.", "London NW1 6XE") is no longer recognised there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from carelens.analysis.words import SENTENCE, sentence_parts
from carelens.privacy import Redaction, find_personal
from carelens.text import fold, has_masks, unmask

#: A run of text without spaces.
NO_SPACE_RUN = re.compile(r"\S+")
#: A run of Markdown emphasis, strike-through or code marks ("**", "_", "~~", "`"): Reddit
#: text is kept as Markdown.
_MARKUP = re.compile(r"\*+|_+|~~+|`+")
#: Markdown marks at the start or the end of a quote, with the spaces after or before them
#: ("** Have you looked at…"): no quote starts or ends on them (:func:`_without_edge_marks`).
#: A lone "~" there is part of a "~~" the piece was cut from. A lone "*" right before a
#: letter or a digit at the start ("*ill"), or right after one at the end ("kil*"), is a
#: masked letter: :func:`unmarked` leaves out every other "*" there. Matched at the start of
#: what is left of a quote (``pattern.match(text, start, end)``); those at its end are found
#: from the end (:func:`_marks_at_end`), as a search for a run of marks that ends the text
#: would try every run of marks before it to its end (quadratic: "x " + "*" * 32,000 + " y"
#: took 35 s).
_MARKUP_AT_START = re.compile(r"(?!\*[^\W_])[*_`~]++\s*+")
_MARKS = frozenset("*_`~")
#: A letter or a digit (as ``[^\W_]`` reads one): before a "*" that ends a quote, a masked one.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
#: What no quote starts or ends on besides Markdown marks.
_EDGE_PUNCTUATION = " ,;:-"
#: The most characters a quote holds for each of its words (:func:`clip`): a run of text
#: without spaces counts as one word, and a reply of one long run was quoted whole.
CHARS_PER_WORD = 20


@lru_cache(maxsize=8)
def personal_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Where personal data lies in ``text`` (:func:`carelens.privacy.find_personal`), each
    finding widened to the whole runs of text without spaces at its two ends, in order and
    apart: a quoted piece that starts or ends inside one would show part of it, which
    redaction, reading the feedback on its own, no longer recognises ("sarah.jones@mail." of
    an e-mail address, "London NW1 6XE" of a street address). Kept for the last few texts:
    one pair's feedback asks about its response and seeker message several times."""
    runs: list[tuple[int, int]] = []
    for found in find_personal(text):
        start, end = found.start, found.end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if runs and start < runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return tuple(runs)


def outside_personal(
    text: str, start: int, end: int, runs: Sequence[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """``start`` and ``end`` of a piece of ``text`` moved out of personal data (the
    :func:`personal_runs` of ``text`` unless ``runs`` are given): a start inside one back
    to its start, an end inside one on to its end, so the piece holds all of it or none."""
    for first, last in personal_runs(text) if runs is None else runs:
        if first < start < last:
            start = first
        if first < end < last:
            end = last
    return start, end


@lru_cache(maxsize=8)
def masked_stars(text: str) -> frozenset[int]:
    """Where the "*" of ``text`` stand that are typed for a letter at a word's edge, as the
    crisis cues and the unsafe patterns read ``text`` (:func:`carelens.text.fold`, then
    :func:`carelens.text.unmask`: "*ill myself", "kil* myself", "*verdose"; not a "*" that
    pairs with another as Markdown's emphasis, "*ill myself*"). They are part of the words, and
    a quote of them keeps them (:func:`clip`). Kept for the last few texts, as
    :func:`personal_runs` are."""
    if "*" not in text:
        return frozenset()
    folded = fold(text)
    if not has_masks(folded.text):
        return frozenset()
    read = unmask(folded.text)
    stars: set[int] = set()
    for at, char in enumerate(folded.text):
        if char != "*":
            continue
        first, last = read.folded_span(at, at + 1)
        # one character for one (a "*" between spelled-out letters is left out), read as a
        # letter: one inside a word ("k*ll") stays in a quote anyway
        if last - first == 1 and read.text[first].isascii() and read.text[first].isalpha():
            stars.add(folded.span(at, at + 1)[0])
    return frozenset(stars)


def quote(text: str, start: int, end: int, words: int) -> str:
    """``text[start:end]`` clipped to ``words`` words (:func:`clip`), its ends first moved
    out of personal data (:func:`outside_personal`): the span of a rationale ends at every
    full stop, also one inside an address ("Try sarah@counselling."), and a cue or an unsafe
    span may start or end inside one too. A "*" typed for a letter (:func:`masked_stars`)
    stays: "They wrote '*ill myself'", as the cue reads."""
    start, end = outside_personal(text, start, end)
    return clip(text[start:end], words, _masked_in(text, start, end))


def _masked_in(text: str, start: int, end: int) -> frozenset[int]:
    """The :func:`masked_stars` of ``text`` inside ``text[start:end]``, at its offsets."""
    return frozenset(at - start for at in masked_stars(text) if start <= at < end)


def clip(text: str, words: int, masked: Collection[int] = frozenset()) -> str:
    """Whitespace-collapsed ``text`` cut to ``words`` words, without its Markdown marks
    (:func:`unmarked`, and none at either end) but for the "*" at the offsets ``masked``,
    which are typed for a letter (:func:`masked_stars` of the whole text a piece was cut
    from: "*ill myself"); double quotes become single ones so that a quotation of it never
    nests inside the feedback's own quotes.

    The cut never falls inside personal data (:func:`carelens.privacy.find_personal`: an
    address, a phone number, ...): the quote then runs to its end, so that redaction, which
    reads the feedback on its own, finds the whole of it rather than an unrecognisable part
    ("visits me at 221B Baker…"). A piece of personal data counts as one word, as its
    placeholder does once redacted ("I live at [address] and I feel alone"). A double quote
    right before personal data becomes an opening curly one (U+2018), since redaction finds no
    street address right after a straight one ("'42 Elm Street'").

    A quote holds at most :data:`CHARS_PER_WORD` characters a word (:func:`_capped`): a run
    without spaces counts as one word, and a reply of one long run was quoted whole. The
    marks at its ends come off in one pass (:func:`_without_edge_marks`), so a long piece
    costs what its length does."""
    collapsed = " ".join(unmarked(text, masked).split())
    opens = {found.start - 1 for found in find_personal(collapsed)}
    parts = _without_edge_marks(
        "".join(
            ("\u2018" if k in opens else "'") if c == '"' else c for k, c in enumerate(collapsed)
        )
    )
    tokens = parts.split(" ")
    if len(tokens) <= words:
        return _capped(parts, len(parts), words)
    found = find_personal(parts)
    counted = 0
    holder: int | None = None  # the personal data the word before lies in
    cut = len(parts)
    for token in NO_SPACE_RUN.finditer(parts):
        held = next(
            (k for k, f in enumerate(found) if f.start < token.end() and token.start() < f.end),
            None,
        )
        if held is None or held != holder:
            counted += 1
        holder = held
        if counted > words:
            cut = token.start() - 1  # before the space that ends the last word kept
            break
    # On (readers.quoting._cut goes back): feedback quotes the words it is about, whole.
    for personal in found:
        if personal.start < cut < personal.end:
            cut = personal.end
    return _capped(parts, cut, words, found)


def _capped(parts: str, cut: int, words: int, found: Sequence[Redaction] | None = None) -> str:
    """``parts`` cut at ``cut`` (its end, or where its ``words`` words end) and then ending
    with "…"; a cut past :data:`CHARS_PER_WORD` characters a word moves back to that length
    (a run without spaces counts as one word): to the last space within it, or to the length
    itself inside a run without spaces longer than half of it, but never inside personal data
    (``found`` in ``parts``, :func:`carelens.privacy.find_personal`): the quote ends before
    it, or where it starts the quote, runs to its end."""
    limit = words * CHARS_PER_WORD
    if cut <= limit:
        return parts if cut >= len(parts) else parts[:cut] + "…"
    space = parts.rfind(" ", 0, limit + 1)
    cut = space if space >= limit // 2 else limit
    for personal in find_personal(parts) if found is None else found:
        if personal.start < cut < personal.end:
            cut = personal.start if parts[: personal.start].strip() else personal.end
    return parts if cut >= len(parts) else parts[:cut].rstrip() + "…"


def unmarked(text: str, masked: Collection[int] = frozenset()) -> str:
    """``text`` without the Markdown marks of emphasis, strike-through and code (``**``,
    ``*``, ``__``, ``_``, ``~~``, backticks) that open or close a word: a run of them with a
    space, a mark or the end of ``text`` on one side and no space on the other ("**I feel so
    alone** since", "`word`", "_so_ tired"). A run between two spaces ("5 * 3"), or inside a
    word or number ("snake_case", "f**k", "5*3"), is no Markdown and stays, and so do a run
    escaped by a backslash ("kind\\_otter") and a "*" at an offset of ``masked``, typed for a
    letter (:func:`masked_stars`: "*ill myself").
    Each run is judged by the characters right beside it alone, so a piece of a text keeps
    what the whole keeps and may lose more only at its ends."""
    if not any(mark in text for mark in "*_~`"):
        return text
    out: list[str] = []
    done = 0
    for run in _MARKUP.finditer(text):
        at, to = run.span()
        if at in masked:
            continue  # a masked letter is a run of one "*": part of its word
        if at > 0 and text[at - 1] == "\\":
            continue  # escaped ("kind\\_otter", as Reddit writes "_"): no mark, a character
        before = text[at - 1] if at > 0 else " "
        after = text[to] if to < len(text) else " "
        opens = not after.isspace() and not before.isalnum()
        closes = not before.isspace() and not after.isalnum()
        if opens or closes:
            out.append(text[done:at])
            done = to
    out.append(text[done:])
    return "".join(out)


def _without_edge_marks(text: str) -> str:
    """``text`` (whitespace-collapsed) without the marks and punctuation at its ends that no
    quote starts or ends on: spaces, commas, semicolons, colons, dashes, and Markdown marks
    (:data:`_MARKUP_AT_START`, :func:`_marks_at_end`: "** Have you looked at…"), not a masked
    letter ("*ill"). Each round takes those characters off both ends, then one run of marks
    (with its spaces) at the start and one at the end, until a round takes nothing; the ends
    are kept as offsets into ``text``, so a round costs what it takes off ("* * * ..." was
    quadratic when each round searched and copied the whole text)."""
    start, end = 0, len(text)
    while True:
        before = start, end
        while start < end and text[start] in _EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCTUATION:
            end -= 1
        opening = _MARKUP_AT_START.match(text, start, end)
        if opening is not None:
            start = opening.end()
        end = _marks_at_end(text, start, end)
        if (start, end) == before:
            return text[start:end]


def _marks_at_end(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends without the run of Markdown marks that ends it and the
    spaces before that run; ``end`` where no run ends it, or where its last two characters
    are a letter or a digit and a "*" (a masked letter: "kil*")."""
    if (
        end - start >= 2
        and text[end - 1] == "*"
        and _LETTER_OR_DIGIT.match(text, end - 2, end - 1) is not None
    ):
        return end
    at = end
    while at > start and text[at - 1] in _MARKS:
        at -= 1
    if at == end:
        return end
    while at > start and text[at - 1].isspace():
        at -= 1
    return at


def around(text: str, at: re.Match[str], words: int = 10) -> str:
    """The part of ``text``'s sentence (between commas, "but"...) that holds the word ``at``,
    clipped to ``words`` words, without a final full stop; it starts three words before
    ``at`` when ``at`` lies further in, so the quote always shows the word. Neither end lies
    inside personal data (:func:`outside_personal`), so redaction reading the feedback alone
    finds all of it."""
    for found in SENTENCE.finditer(text):
        if found.start() <= at.start() < found.end():
            break
    else:  # pragma: no cover - every word lies in a sentence
        return clip(at.group(0), words)
    offset = found.start()
    for start, end in sentence_parts(found.group(0)):
        if start <= at.start() - offset < end:
            break
    else:  # the word is in no part only if a break mark holds it, which a word never is
        start, end = 0, len(found.group(0))
    runs = personal_runs(text)
    start, end = outside_personal(text, offset + start, offset + end, runs)
    before = [m.start() for m in NO_SPACE_RUN.finditer(text, start, at.start())]
    if len(before) >= words - 1:
        start = outside_personal(text, before[-3], end, runs)[0]
    return clip(text[start:end], words, _masked_in(text, start, end)).removesuffix(".")

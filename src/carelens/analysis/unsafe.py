"""Unsafe replies: wording that urges someone to die or hurt themselves, or tells them how.

Codebook v1.1 scores such a reply ``dismissive`` 2 (annotations/README.md). The model rarely
sees one (a few dozen among the training replies) and misses most, so these transparent
patterns complement it: :func:`unsafe_spans` returns the words (each labelled with its kind,
below), the analyzer keeps them in the result's ``unsafe`` field, and
:func:`carelens.analysis.rules.apply_rules` raises ``dismissive`` to 2 with them as its
rationale. Like the crisis cues, a match is a pointer for a person to read, and the absence
of one says nothing about a reply's safety.

Two kinds of wording are looked for (the span labels):

- **urging**: "just die", "kys" (and "k y s"), an imperative "kill yourself" (maybe after
  "please", "pls", "plz": "please kill yourself"), "unalive yourself", "go hurt / cut
  yourself", "slit your wrists", "cut deeper", "jump off a bridge" or "go ahead and end it", a
  suggestion put as a question ("why don't you just die", "why not just kill yourself": no
  question about motives, and no negation), a death wished on the reader ("I hope you die",
  "you deserve to die", "do us all a favour and die"), an urged overdose ("take all the pills",
  "take the whole bottle", "just overdose"), "the world would be better without you", "suicide
  is the answer" (a bare "do it" is left out: in the training replies it urged something else
  as often as the act);
- **method information**: lethal or fatal doses, "how many pills / milligrams", "the
  quickest / most painless way to die", "shoot yourself", a means recommended for being quick
  or sure ("use a gun, it's quicker", "a gun is faster"), a lethal count ("you'd need about 50
  of them to make sure", "it would take 40 pills to die"; 10 or more, for that purpose).

Negation never flips a pattern into its opposite: "don't kill yourself", "please never do
it", "you should not end it", "I'm not going to tell you the lethal dose" and "suicide is not
the answer" do not match, because each pattern is skipped when a negation opens its clause
(its apostrophe straight or curly, U+2019, as phones type it); "go and" does not end that
clause ("never ever go and kill yourself", "please don't ever go and hurt yourself"). Only
words that open a clause (pronouns, auxiliaries, adverbs, verbs of telling or thinking) may
stand between the negation and the words: in "no one would miss you just die" the clause "no
one would miss you" is complete, and "just die" is a new one, so it matches. A negation
that reads so only through Cyrillic or Greek look-alike letters ("d\\u043en't kill
yourself", "n\\u0435ver hurt yourself") negates nothing, as for the crisis cues: the words
are found, for a person to read. So it is for the other words that cancel a match (a
question or a condition: "\\u0456f you just die", "wh\\u0443 would you just die"; a wish, a
report of the seeker's belief or of someone else's words, a quotation a report frames, the
introduction of a list of what to watch for): each must read so with the look-alike letters
as typed too.

The patterns, and the words before a match that cancel it, are
:mod:`carelens.analysis.unsafe_wording`'s. Whose words they are is told by
:mod:`carelens.analysis.unsafe_frames` (and the sayings around them by
:mod:`carelens.analysis.unsafe_sayings`): what someone else said (reported, quoted, set off by
marks after a report, a title, words in code marks, a block quote of the seeker's words, the
items of a list that a report or a condition introduces) is not the writer urging; the
writer's own emphasis, their own saying (quoted too: 'like I said, "kys"', '"Kill yourself,"
I said.'), a saying they ask someone to pass on ("Can you tell him: kys") and quotations with
little else stay urging, and so does method information, whoever gave it.

The patterns read the reply without the invisible characters and combining marks put inside
words to get past a forum's filters ("just d\\u200bie", "k\\u200bys"), full-width letters
and small capitals as ASCII ("\\uff4b\\uff59\\uff53", "\\u1d0b\\u028fs" as "kys"), and an
acute accent or a backtick typed for an apostrophe ("don\\u00b4t") as one
(:func:`carelens.text.fold`); a span's offsets are the reply's own, covering what was left out
inside its words. Masked words are read too, as the crisis cues read them
(:func:`carelens.disguises.unmask`): spelled out with one mark between their letters ("k-i-l-l
yourself", "k.i.l.l. yourself"), with a "*" for a vowel ("k*ll yourself", "go h*rt
yourself"), and a crisis word or "kys" with digits or symbols typed for its letters ("k1ll
yourself", "just d1e", "$uicide is the answer", "take all the p1lls", "ky5", "ky$"); words
found in either reading are found ("n-e-v-e-r kill yourself" is negated, read unmasked, and
matches nothing read plainly), a masked word's span covering its marks. A negation spelled out
with marks holds for the plain reading too ("n.e.v.e.r. kill yourself", whose full stops end a
clause read plainly: :func:`_spelled_negation`) where its letters and marks are typed in ASCII,
and before words in Markdown's marks too ("n.e.v.e.r. *kill yourself*", which
:func:`~carelens.disguises.unmask` reads "never *kill yourself*"); with a look-alike letter
("n.\\u0435.v.\\u0435.r.") the words are found. A list mark or symbols where a clause opens
("\\u2022 just kill yourself", "- go hurt yourself", "2) kill yourself", "\\u2122kill
yourself") do not hide an imperative; a bullet needs a space after it, and no quotation or
inverted mark opens such symbols ("\\u00bfKill yourself? No way."). An opening quotation mark
opens an imperative of its own ('"kill yourself"', as '"kys"'), and
:mod:`~carelens.analysis.unsafe_frames` tells whose words it holds.

What helpers are taught to say is left alone: moving the means away ("take all the pills to
the pharmacy", "... out of the cabinet and give them to your mum"), asking about the seeker's
act or means ("how many pills have you taken?", "how many pills do you have at home?", "have
you been looking up lethal doses?", "do you have access to a gun?"; "how many pills would it
take to die" stays method information), "get the gun out of the house, it's safer", a
prescription ("you'd need 30 tablets for the month"), and idioms ("cut yourself some slack",
"shooting yourself in the foot", "kill yourself laughing", "kill yourself with kindness",
"shoot yourself a reminder", "end it with him"). Like the crisis cues, the patterns are
English only: a reply in another language gets no unsafe words, whatever it says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from carelens.analysis.unsafe_frames import Quotes, listed_not_urging
from carelens.analysis.unsafe_marks import mark_runs, without_marks
from carelens.analysis.unsafe_sayings import REPORTED_BEFORE, REPORTED_SPEECH
from carelens.analysis.unsafe_wording import (
    ASKED_ABOUT_SEEKER,
    BELIEF_PATTERNS,
    KINDS,
    NEGATED,
    NOT_URGING_BEFORE,
    Kinds,
    clause_before,
    masked_kinds,
    possible_kinds,
)
from carelens.disguises import MASKED_LETTER, Folded, has_masks, unmask
from carelens.inference.spans import merge_overlapping
from carelens.text import fold, folded_as_typed
from carelens.types import Span

#: The labels of unsafe spans, one per kind of wording.
UNSAFE_KINDS: tuple[str, ...] = tuple(kind for kind, _ in KINDS)


def unsafe_spans(response: str, seeker: str | None = None) -> tuple[Span, ...]:
    """Urging or method wording in ``response``, in order, overlapping matches merged (a
    merged span keeps the label of the one that starts first: ``urging`` or ``method``).
    The patterns read the folded reply (:func:`carelens.text.fold`: "just d\\u200bie" as
    "just die"), and read it unmasked too (:func:`carelens.disguises.unmask`: "k-i-l-l yourself",
    "k*ll yourself", "k1ll yourself", "ky5") where it holds a masked word: words found either
    way are found. Each span is mapped back to ``response``'s offsets, a masked word's
    covering its marks.

    ``seeker`` is the message the reply answers: a line of a Markdown block quote is a
    quotation (:class:`Quotes`) only when the seeker wrote its words, and without it none
    is. A word that cancels the words (a negation, a question or a condition, a wish, a
    report of someone else's words) cancels them only when it reads so with the reply's
    look-alike letters as typed too (:func:`~carelens.disguises.has_look_alikes`): in "d\u043en't
    kill yourself" or "\u0456f you kill yourself", with a Cyrillic "\u043e" or "\u0456", it
    does not, and the words are found for a person to read."""
    return _spans(response, seeker, quick=True)


def _spans(response: str, seeker: str | None = None, *, quick: bool) -> tuple[Span, ...]:
    """:func:`unsafe_spans`; with ``quick``, ASCII text is lower-cased and searched only with
    the patterns whose words it holds (:func:`possible_kinds`), which must find what every pattern
    finds (without ``quick``: the tests compare them)."""
    folded = fold(response)
    text = folded.text
    typed = folded_as_typed(response, text)
    unmasked = unmask(text) if has_masks(text) else None
    spelled = None if unmasked is None else _spelled_negation(response, folded, unmasked)
    found = _read(text, seeker, typed, quick=quick, negated=spelled)
    if unmasked is not None:
        found = merge_overlapping([*found, *_read_unmasked(unmasked, seeker, typed, quick=quick)])
    if folded.origins is None or not found:
        return found
    return merge_overlapping(
        [Span(*folded.span(span.start, span.end), span.label, span.score) for span in found]
    )


def _read(
    text: str,
    seeker: str | None,
    typed: str | None,
    *,
    quick: bool,
    masked: bool = False,
    negated: Callable[[int], bool] | None = None,
) -> tuple[Span, ...]:
    """The spans of ``text`` (folded, maybe unmasked); with ``masked``, by the patterns that
    read a masked letter (:func:`masked_kinds`: for text :func:`~carelens.disguises.unmask` gave
    one, never for a "\u01c2" the writer typed), every one of them, since a masked letter may
    stand in the words a pattern needs ("yours\u01c2lf"); with ``quick``, ASCII text
    lower-cased and only the patterns whose words it holds. ``negated`` tells of a negation
    that ``text`` shows only unmasked (:func:`_spelled_negation`)."""
    if masked:
        return _find(text, text, masked_kinds(), seeker, typed, negated=negated)
    if quick and text.isascii():
        searched = text.lower()
        return _find(text, searched, possible_kinds(searched), seeker, typed, negated=negated)
    return _find(text, text, KINDS, seeker, typed, negated=negated)


def _spelled_negation(
    response: str, folded: Folded, unmasked: Folded
) -> Callable[[int], bool] | None:
    """Whether a negation opens the clause of the words at a position of ``folded.text`` (the
    folded ``response``) read unmasked (``unmasked``), with a word spelled out with marks
    between them ("n.e.v.e.r. kill yourself": its full stops end the clause read plainly, and
    "never kill yourself" is read unmasked), its letters and marks ASCII as ``response`` types
    them (:func:`_typed_in_ascii`): a negation the plain reading lacks only because it is
    spelled out holds, as it holds read unmasked. Not where a look-alike letter or another
    character outside ASCII stands between ("n.\u0435.v.\u0435.r." with a Cyrillic "\u0435",
    "n\uff0ee\uff0ev\uff0ee\uff0er\uff0e" with full-width full stops): the words are found,
    for a person to read. None where ``unmasked`` holds no word spelled out (most texts)."""
    if unmasked.origins is None:
        return None
    reading = unmasked.text
    marks = mark_runs(reading)
    if marks:
        reading = without_marks(reading, marks)

    def negated(start: int) -> bool:
        at = unmasked.folded_span(start, start)[0]
        head = clause_before(reading, at)
        negation = NEGATED.search(head)
        if negation is None:
            return False
        begin = at - len(head) + negation.start()
        plain_start, plain_end = unmasked.span(begin, at)
        if plain_end - plain_start == at - begin:
            return False  # nothing spelled out between: the plain reading saw it as it is
        first, last = folded.span(plain_start, plain_end)
        return _typed_in_ascii(response[first:last])

    return negated


def _typed_in_ascii(text: str) -> bool:
    """Whether ``text`` is typed in ASCII but for the characters :func:`fold` leaves out (a
    zero-width space, a combining mark): "n.e.v\u200b.e.r." is, "n.\u0435.v.\u0435.r." is not."""
    return text.isascii() or all(
        c.isascii() or unicodedata.category(c) == "Cf" or unicodedata.category(c)[0] == "M"
        for c in text
    )


def _read_unmasked(
    unmasked: Folded, seeker: str | None, typed: str | None, *, quick: bool
) -> list[Span]:
    """The spans of the folded reply read unmasked (``unmasked``, from
    :func:`~carelens.disguises.unmask`), at the folded reply's offsets; ``typed`` (the folded
    reply with its look-alike letters as typed) is read unmasked as well, where it gives the
    same words."""
    typed_unmasked = None if typed is None else unmask(typed).text
    if typed_unmasked is not None and len(typed_unmasked) != len(unmasked.text):
        typed_unmasked = None  # not the same words: read as the patterns read them
    found = _read(
        unmasked.text,
        seeker,
        typed_unmasked,
        quick=quick,
        masked=MASKED_LETTER in unmasked.text,
    )
    return [Span(*unmasked.span(span.start, span.end), span.label, span.score) for span in found]


def _holds(pattern: re.Pattern[str], head: str, typed_head: str | None) -> bool:
    """Whether ``pattern`` finds its words in ``head``, the clause before a match, and in
    ``typed_head``, the same clause with its look-alike letters as typed, where given: words
    that read so only through look-alike letters ("d\u043en't", "\u0456f") cancel nothing."""
    return pattern.search(head) is not None and (
        typed_head is None or pattern.search(typed_head) is not None
    )


def _urged(
    pattern: re.Pattern[str],
    heads: tuple[str, str | None],
    quotes: tuple[Quotes, ...],
    start: int,
    end: int,
) -> bool:
    """Whether urging words matched by ``pattern`` at ``start``-``end`` urge, given the
    clause before them (``heads``: as read, and with its look-alike letters as typed where
    the reply holds some): not after a question or a wish (:data:`NOT_URGING_BEFORE`), nor,
    for a belief, after a report of the seeker's (:data:`REPORTED_BEFORE`), nor, for any
    other, as what someone else said, reported (:data:`REPORTED_SPEECH`) or quoted (in each
    reading of ``quotes``: :class:`Quotes`); a belief stays urging when others are said to
    hold it ("they say suicide is the answer, and they're right")."""
    if _holds(NOT_URGING_BEFORE, *heads):
        return False
    if pattern.pattern in BELIEF_PATTERNS:
        return not _holds(REPORTED_BEFORE, *heads)
    return not _holds(REPORTED_SPEECH, *heads) and not all(
        quoted.hold(start, end) for quoted in quotes
    )


def _find(
    text: str,
    searched: str,
    kinds: Kinds,
    seeker: str | None = None,
    typed: str | None = None,
    *,
    negated: Callable[[int], bool] | None = None,
) -> tuple[Span, ...]:
    """The spans where the patterns of ``kinds`` match ``searched`` (``text`` or its
    lower-cased copy, with the same offsets), the clause before each read in ``text``, and
    a block quote read as a quotation where ``seeker`` wrote its words. Markdown's emphasis
    and code marks are read as spaces (:func:`without_marks`: "you should **kill
    yourself**"), the words they set off a quotation where the writer reports them
    (:class:`Quotes`). ``typed`` is ``text`` with its look-alike letters as typed, where
    a word that cancels a match (a negation, a question, a wish, a report or a quotation of
    someone else's words, a list's introduction) must read so too. ``negated`` tells whether
    a negation spelled out with marks opens the clause of the words at a position
    (:func:`_spelled_negation`)."""
    found: list[Span] = []
    quotes: tuple[Quotes, ...] = (Quotes(text, seeker),)
    if typed is not None:
        quotes += (Quotes(typed, seeker, look_alikes=False),)
    marks = mark_runs(text)
    if marks:
        text, searched = without_marks(text, marks), without_marks(searched, marks)
        typed = None if typed is None else without_marks(typed, marks)
    for kind, patterns in kinds:
        for pattern in patterns:
            for match in pattern.finditer(searched):
                start = match.end("lead") if match.groupdict().get("lead") else match.start()
                while start < match.end() and text[start].isspace():
                    start += 1
                # The clause before the words decides: a negation, a question or a wish.
                heads = (
                    clause_before(text, start),
                    None if typed is None else clause_before(typed, start),
                )
                if (
                    _holds(NEGATED, *heads)
                    or (negated is not None and negated(start))
                    or (kind == "method" and _holds(ASKED_ABOUT_SEEKER, *heads))
                    or (
                        kind == "urging"
                        and (
                            not _urged(pattern, heads, quotes, start, match.end())
                            or (
                                listed_not_urging(text, start)
                                and (typed is None or listed_not_urging(typed, start))
                            )
                        )
                    )
                ):
                    continue
                found.append(Span(start, match.end(), kind, 1.0))
    return merge_overlapping(found)

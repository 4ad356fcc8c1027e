"""Crisis cues: suicide and self-harm language in seeker messages, flagged for a person to read.

carelens does not assess risk and gives no risk score. It finds wording that a helper or
moderator should read now — thoughts of suicide or of dying, plans, self-harm — and returns
each as a :class:`~carelens.types.Span` of the *seeker* text (label ``suicide`` or
``self_harm``), together with :data:`CRISIS_RESOURCES`.

These are transparent patterns rather than a model, on purpose: every flag can be traced to the
words that raised it, and the patterns lean towards flagging (a person reads the result). For a
message they do not flag, the analyzer also asks a small learned model
(:mod:`carelens.analysis.crisis_model`) about veiled wording the patterns miss. A mention is skipped
only when it is plainly negated by the writer about themselves ("I'm not suicidal", "I would never
hurt myself"); wording that is itself negative ("I don't want to live", "I don't want to wake up")
is a cue, and so is an effort against the urge ("give me a reason not to kill myself"), and so is
ideation beside a denial ("I'm not going to end it, but I think about it every day"). Words with
everyday senses count only in context: an overdose someone took or means to take ("I overdosed",
"thinking about overdose tonight", its "I" left out as chat leaves it), not a topic; "end it" of the
writer, not of another; self-harm words without an accident. A third party's risk that the seeker
describes is a cue (codebook v1.1). A farewell is a cue when it points to an ending ("goodbye
everyone, thank you for everything", "this is my last post, take care of my cat", "by the time you
read this I'll be gone"), not beside an everyday leaving ("goodbye everyone, I'm moving to Canada",
"my last post before my holiday"); so is a farewell told by its acts, two warning signs together:
possessions given away, goodbyes or letters to everyone, a calm after them ("I've been giving away
my things and saying goodbye to people. I feel calm now."), not one act alone nor an everyday giving
("giving away my old clothes to charity"). Everyday figures of speech on death words ("this commute
is killing me", "my boss will kill me") are no cue (the learned flag does not read their words
either: :func:`carelens.analysis.crisis_model.figurative_mentions`). Slang counts as its words do:
"kms", "ctb", "off myself", and "kys" said of oneself after a desire or an intent ("I just want to
kys", "gonna kys", "i might kys", "ready to kys", in the writer's own saying too: "I always say I
want to kys", "I never said I want to kys" as "I never said I want to die"); "kys" said to or about
the seeker is abuse they report, not their intent ("someone told me to kys", "people say kys to me",
"kys is so toxic", "my mom said I should kys"), and another's ("you should kys") is no cue. The
spelled-out words someone else tells the seeker are no cue either ("someone told me to kill
myself", 'my mom said "kill yourself"'), unless the seeker takes them up ("someone told me to
kill myself and honestly I want to", "... and they're not wrong", "... I'm going to do it
tonight") or the message holds another cue of their own risk; a telling from inside is ("the
voices tell me to kill myself"), and so are words nobody told ("Nobody told me to kill myself.
I decided on my own."). Idioms on crisis words ("I'd rather die than go to that party", "I
overdosed on ice cream") are no cue, but an overdose with a drug named in its sentence is ("I
overdosed on xanax and ice cream", "... on coffee and then a bottle of tylenol"), unless the
drug stands in a clause of everyday life ("... because I forgot my meds"). Curly apostrophes
(and an acute accent or a backtick typed for one: "can\\u00b4t") are read as straight ones, and
the text is read without the invisible characters and combining marks put inside words to get
past a forum's filters ("sui\\u00adcide",
"over\\u200bdose", "di\\u0301e"), full-width letters as ASCII, and a Cyrillic or Greek letter
that looks like a Latin one as that letter inside an English word ("k\\u0456ll myself" with a
Cyrillic "\\u0456": :func:`carelens.text.fold`), as in a
word wholly of such letters that spells a crisis word ("\\u043a\\u0456\\u04cf\\u04cf myself") or
stands in a message otherwise in Latin letters; a Russian or Greek sentence is read as it is. A
negation counts only when it reads as one with those letters as typed too ("I'm n\\u043et going to
kill myself", with a Cyrillic "\\u043e", is a cue). Masked words are read too
(:func:`carelens.disguises.unmask`): spelled out with one mark between their letters ("d-i-e",
"k.i.l.l myself", "k.i.l.l. myself", "s u i c i d e"), with a "*" for a vowel ("k*ll myself",
"su*cide"), and a crisis word (:data:`carelens.disguises.CRISIS_WORDS`, and "kys") with digits or
symbols typed for its letters ("k1ll myself", "su!cide", "0verdose", "$uicide", "want to d1e", "want
to ky5", "ki|| myself", "pi||s"; not "K!!!", one letter before "!") or a "*" at its edge for one
letter ("*verdose", "*ill myself", "*sigh* I want to kil* myself"); that second reading runs only
for a message that holds such a word (:func:`carelens.disguises.has_masks`), and a cue found either
way is a cue. Abbreviations, initials, masked swearing ("U.S.A.", "J. K. L.", "s**t", "f*cking",
"d-i-y", "I nearly sh*t myself laughing":
:func:`~carelens.analysis.crisis_patterns.masked_pattern`), words too short to tell ("d**": dad or
die), Markdown's emphasis ("I was *ill myself* last week", "*ill" and "myself*" on two lines too)
and other words with digits or symbols ("h0w", "k1", "v1.2", "$5", "2die4", "a||b") spell no cue.
Words in Markdown's emphasis or code marks are read with the marks as spaces too, as the
unsafe-reply patterns read them (:func:`_search_marked`: "I want to kill *myself*", "I just want to
*die*", "k.i.l.l. **myself**", whose last full stop is the spelled word's before the marks), and a
cue found either way is a cue: a negation the marks part from the words ("I would never **hurt
myself**", "I would never _hurt myself_": a "_" of the marks is read as a "*", not as a letter of
the word it touches) leaves them a cue. A cue's offsets are the original text's, covering what
was left out inside its words and the marks of a masked word.

The patterns are stated in :mod:`carelens.analysis.crisis_patterns`, the writer's denial
("I'm not suicidal", "people keep asking if i'm suicidal... i'm not") in
:mod:`carelens.analysis.crisis_denials`, and the checks of the words around a match (everyday
senses) in :mod:`carelens.analysis.crisis_context`, which reads what someone else told the
seeker with :mod:`carelens.analysis.crisis_tellings` and the everyday idioms with
:mod:`carelens.analysis.crisis_idioms`; the means told ("he tried to hang himself", "I jumped off
a bridge", "I've been cutting"; not "he shot himself in the foot", nor a death told of: "my uncle
shot himself last spring") are stated with their checks in
:mod:`carelens.analysis.crisis_methods`, and the veiled cues (preparations, plans, questions
that seek a means, passive ideation, masked words, another person at risk now, self-harm coming
back) in the modules :mod:`carelens.analysis.crisis_veiled` joins. This module runs them over a
message, read as it is, unmasked and with its Markdown marks as spaces, and maps what they find
back to its offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from carelens.analysis.crisis_context import CONTEXT_CHECKS
from carelens.analysis.crisis_denials import writer_denies
from carelens.analysis.crisis_patterns import PATTERNS, SCREENED, masked_pattern
from carelens.analysis.crisis_screen import WordScreen
from carelens.analysis.unsafe_marks import mark_runs, without_marks
from carelens.disguises import MASKED_LETTER, Folded, has_masks, unmask
from carelens.inference.spans import merge_overlapping
from carelens.text import fold, folded_as_typed
from carelens.types import Span

#: Shown with every flag (and in the docs). Not a substitute for local emergency services.
CRISIS_RESOURCES: tuple[str, ...] = (
    "US: call or text 988 (Suicide & Crisis Lifeline)",
    "US: text HOME to 741741 (Crisis Text Line)",
    "Elsewhere: findahelpline.com lists free, confidential lines by country",
    "If someone is in immediate danger, call local emergency services",
)
#: The public contacts in the resources and in feedback; redaction leaves them in place.
RESOURCE_CONTACTS: tuple[str, ...] = ("988", "741741", "findahelpline.com")

#: The labels of the patterns' cues (the learned flag adds
#: :data:`~carelens.analysis.crisis_model.LABEL`).
PATTERN_LABELS: tuple[str, ...] = tuple(PATTERNS)
_FLAGS = re.IGNORECASE | re.DOTALL
#: A pattern and the label of its cues.
Labelled = tuple[str, re.Pattern[str]]
#: The patterns but the veiled cues' in runs of a few, in order, each run with one alternation
#: of its patterns: a run whose alternation finds nothing in a text holds no pattern that
#: matches it. A run holds its patterns' indices in the list of all of them.
Runs = tuple[tuple[re.Pattern[str], tuple[int, ...]], ...]
# How many patterns a run holds. Most messages carry no cue, and the alternations of all the
# runs together cost about what one alternation of every pattern costs (a quarter of running
# each); a message with a cue then runs the patterns of the one or two runs that hit, not all
# of them (benchmarks/rule_cost.py times the scan). The veiled cues' patterns (about fifty)
# are not in runs: in alternations of their own they would cost the scan about a third more,
# while the words one of their cues must hold, read in one pass (:class:`WordScreen`), cost
# a twentieth, and few messages hold one.
_RUN = 12


class CompiledPatterns:
    """The patterns compiled with one set of flags: the runs (:data:`Runs`) of those the
    ``screened`` words do not read, and the words of those they read (:class:`WordScreen`;
    ``grouped``: see there), compiled when made; each pattern itself compiled the first time a
    text needs it. Compiling every pattern costs a process about a third of a second for each
    set, while a text with a cue needs the few patterns of one or two runs."""

    def __init__(
        self,
        patterns: Mapping[str, Sequence[str]],
        flags: int,
        screened: Mapping[str, str],
        *,
        grouped: bool,
    ) -> None:
        #: Each pattern's label and text, in order.
        self.sources: tuple[tuple[str, str], ...] = tuple(
            (label, p) for label, texts in patterns.items() for p in texts
        )
        self.flags = flags
        others = [i for i, (_, p) in enumerate(self.sources) if p not in screened]
        self.runs: Runs = tuple(
            (re.compile("|".join(f"(?:{self.sources[i][1]})" for i in run), flags), tuple(run))
            for run in (others[k : k + _RUN] for k in range(0, len(others), _RUN))
        )
        self.words = WordScreen(
            ((i, screened[p]) for i, (_, p) in enumerate(self.sources) if p in screened),
            flags,
            grouped=grouped,
        )
        self._compiled: dict[int, Labelled] = {}

    def labelled(self, indices: Iterable[int]) -> tuple[Labelled, ...]:
        """The patterns at ``indices`` (in the order given), compiled, with their labels."""
        found: list[Labelled] = []
        for i in indices:
            pattern = self._compiled.get(i)
            if pattern is None:
                label, text = self.sources[i]
                pattern = self._compiled[i] = (label, re.compile(text, self.flags))
            found.append(pattern)
        return tuple(found)

    def every(self) -> tuple[Labelled, ...]:
        """Every pattern, compiled, in order, with its label."""
        return self.labelled(range(len(self.sources)))

    def needed(self, text: str) -> list[int]:
        """The indices, in order, of the patterns a cue in ``text`` may come from: those of the
        runs whose alternation finds something, and those whose words it holds."""
        needed = [i for any_cue, run in self.runs if any_cue.search(text) for i in run]
        return sorted({*needed, *self.words.needed(text)})


@lru_cache(maxsize=1)
def _case_insensitive() -> CompiledPatterns:
    """The patterns as stated, case-insensitive: for text that is not all ASCII, and for the
    scan of every pattern the tests compare against. Compiled the first time such a text
    comes."""
    return CompiledPatterns(PATTERNS, _FLAGS, SCREENED, grouped=True)


@lru_cache(maxsize=1)
def _lowered() -> CompiledPatterns:
    """The same patterns, case-sensitive, for ASCII text lower-cased first (see
    :func:`_search`). The patterns spell every letter in lower case (a test checks), so they
    match that text exactly where the case-insensitive ones match the original; comparing
    characters as they are makes the alternations about three times faster."""
    return CompiledPatterns(PATTERNS, re.DOTALL, SCREENED, grouped=True)


@lru_cache(maxsize=1)
def _masked_patterns() -> CompiledPatterns:
    """The patterns for text with a masked letter ("k*ll myself" as
    :func:`~carelens.disguises.unmask` reads it): each vowel of a pattern's words may be one
    (:func:`~carelens.analysis.crisis_patterns.masked_pattern`), read ungrouped. Compiled the
    first time such a text comes."""
    masked = {label: [masked_pattern(p) for p in texts] for label, texts in PATTERNS.items()}
    screened = {masked_pattern(p): masked_pattern(words) for p, words in SCREENED.items()}
    return CompiledPatterns(masked, _FLAGS, screened, grouped=False)


#: Where the writer plainly negates a crisis mention about themselves, as (start, end).
Mentions = tuple[tuple[int, int], ...]


@lru_cache(maxsize=16)
def crisis_scan(seeker_text: str) -> tuple[tuple[Span, ...], Mentions]:
    """One pass over ``seeker_text``: its cues (:func:`crisis_cues`) and the mentions the
    writer negates (:func:`negated_mentions`). The last few texts' answers are kept (they are
    immutable): the analyzer scans a seeker message and the feedback of its reply reads the
    same scan again."""
    return _scanned(seeker_text, quick=True)


def crisis_cues(seeker_text: str) -> tuple[Span, ...]:
    """Suicide and self-harm cues in ``seeker_text``, in order, overlapping matches merged."""
    return crisis_scan(seeker_text)[0]


def negated_mentions(seeker_text: str) -> Mentions:
    """Where ``seeker_text`` mentions crisis wording that the writer plainly negates about
    themselves ("I'm not suicidal"), as (start, end) offsets: the matches
    :func:`crisis_cues` leaves out. The learned flag is not asked about their sentences."""
    return crisis_scan(seeker_text)[1]


def _scan(seeker_text: str) -> tuple[Span, ...]:
    """Every case-insensitive pattern over ``seeker_text``, without the runs' check or the
    lower-cased copy (what :func:`crisis_cues` must equal; the tests compare them)."""
    return _scanned(seeker_text, quick=False)[0]


def _scanned(seeker_text: str, *, quick: bool) -> tuple[tuple[Span, ...], Mentions]:
    """The cues and negated mentions of ``seeker_text``, read folded (:func:`fold`), and
    read unmasked too (:func:`~carelens.disguises.unmask`: "d-i-e", "k*ll myself") when it holds
    a masked word: a cue found either way is a cue, and a mention negated one way that is a
    cue the other ("I'm n-o-t suicidal") is a cue only. A negation holds only when it reads
    so with its look-alike letters as typed too (:func:`~carelens.disguises.has_look_alikes`: in
    "I'm n\u043et going to kill myself", with a Cyrillic "\u043e", it does not). What is
    found is mapped back to ``seeker_text``'s offsets, a masked word's covering its marks."""
    # The patterns spell an apostrophe "'"; phones type U+2019 ("I can\u2019t go on"). They
    # read the folded text (no "sui\u200bcide"), and what they find is mapped back.
    folded = fold(seeker_text)
    typed = folded_as_typed(seeker_text, folded.text)
    cues, negated = _search_marked(folded.text, quick=quick, typed=typed)
    if has_masks(folded.text):
        unmasked = unmask(folded.text)
        typed_unmasked = None if typed is None else unmask(typed).text
        if typed_unmasked is not None and len(typed_unmasked) != len(unmasked.text):
            typed_unmasked = None  # not the same words: read as the patterns read them
        more, more_negated = _search_marked(
            unmasked.text,
            quick=quick,
            masked=MASKED_LETTER in unmasked.text,
            typed=typed_unmasked,
        )
        if more or more_negated:
            cues, negated = _either(
                (cues, negated),
                (
                    tuple(Span(*unmasked.span(c.start, c.end), c.label, c.score) for c in more),
                    tuple(unmasked.span(*m) for m in more_negated),
                ),
            )
    return _unfolded(folded, cues, negated)


def _search_marked(
    text: str, *, quick: bool, masked: bool = False, typed: str | None = None
) -> tuple[tuple[Span, ...], Mentions]:
    """:func:`_search` of ``text``, and of ``text`` with its Markdown emphasis and code marks
    read as spaces, one for one (:func:`~carelens.analysis.unsafe_marks.without_marks`), where
    it holds some: "I want to kill *myself*" is read as "I want to kill  myself ", as the
    unsafe-reply patterns read a reply. A cue found either way is a cue (:func:`_either`), so
    a negation the marks part from the words ("I would never **hurt myself**") leaves them
    the cue that the text read as it is gives. Read as it is, the "_" of those marks are read
    as "*" (:func:`_underscores_as_stars`), so that "_..._" parts them as "*...*" does."""
    marks = mark_runs(text)
    if not marks:
        return _search(text, quick=quick, masked=masked, typed=typed)
    found = _search(
        _underscores_as_stars(text, marks),
        quick=quick,
        masked=masked,
        typed=None if typed is None else _underscores_as_stars(typed, marks),
    )
    unmarked = _search(
        without_marks(text, marks),
        quick=quick,
        masked=masked,
        typed=None if typed is None else without_marks(typed, marks),
    )
    return _either(found, unmarked) if unmarked != ((), ()) else found


def _underscores_as_stars(text: str, marks: list[tuple[int, int]]) -> str:
    """``text`` with each "_" in its runs of Markdown ``marks`` read as "*", one for one (the
    same offsets). To the patterns "_" is a letter of a word ("\\b" sees no edge between it and
    the next letter), so in "I would never _hurt myself_" they found only the words with the
    marks read as spaces, which the negation reaches, while "*hurt myself*" and "**hurt
    myself**", found as written too, stay a cue: now "_..._" reads as "*...*" does. A "_"
    inside a word ("snake_case") is no mark and stays."""
    if "_" not in text:
        return text
    pieces: list[str] = []
    kept = 0
    for start, end in marks:
        if "_" in text[start:end]:
            pieces += [text[kept:start], text[start:end].replace("_", "*")]
            kept = end
    pieces.append(text[kept:])
    return "".join(pieces)


def _either(
    one: tuple[tuple[Span, ...], Mentions], other: tuple[tuple[Span, ...], Mentions]
) -> tuple[tuple[Span, ...], Mentions]:
    """The cues and negated mentions of two readings of a text, at the same offsets: a cue
    found either way is a cue, and a mention negated one way that is a cue the other ("I'm
    n-o-t suicidal") is a cue only."""
    cues = merge_overlapping([*one[0], *other[0]])
    starts = [cue.start for cue in cues]

    def a_cue(start: int, end: int) -> bool:
        # The cues are in order and apart: only the last one starting before ``end`` may
        # reach past ``start``.
        k = bisect_left(starts, end) - 1
        return k >= 0 and cues[k].end > start

    negated = tuple(
        (start, end) for start, end in sorted({*one[1], *other[1]}) if not a_cue(start, end)
    )
    return cues, negated


def _search(
    text: str, *, quick: bool, masked: bool = False, typed: str | None = None
) -> tuple[tuple[Span, ...], Mentions]:
    """The cues and negated mentions of ``text`` (folded, maybe unmasked); with ``masked``,
    by the patterns that read a masked letter (:func:`_masked_patterns`: for text
    :func:`~carelens.disguises.unmask` gave one, never for a "\u01c2" the writer typed); with
    ``quick``, only the patterns whose run's alternation finds something (:data:`Runs`) or
    whose words it holds (:class:`WordScreen`), and ASCII text lower-cased. ``typed`` is ``text``
    with its look-alike letters as typed, where a negation must read too."""
    if masked:
        compiled, searched = _masked_patterns(), text
    elif quick and text.isascii():
        # For ASCII text, lower() changes only A-Z, one character for one, and a
        # case-insensitive pattern matches an ASCII character exactly where its lower-case
        # form matches: the same cues at the same offsets, found faster (_lowered).
        compiled, searched = _lowered(), text.lower()
    else:
        compiled, searched = _case_insensitive(), text
    if not quick:
        labelled = compiled.every()
    else:
        needed = compiled.needed(searched)
        if not needed:
            return (), ()
        labelled = compiled.labelled(needed)
    return _find(text, searched, labelled, typed)


def _unfolded(
    folded: Folded, cues: tuple[Span, ...], negated: Mentions
) -> tuple[tuple[Span, ...], Mentions]:
    """``cues`` and ``negated``, found in ``folded.text``, at the original text's offsets."""
    if folded.origins is None:
        return cues, negated
    return (
        merge_overlapping([Span(*folded.span(c.start, c.end), c.label, c.score) for c in cues]),
        tuple(sorted({folded.span(start, end) for start, end in negated})),
    )


def _find(
    text: str,
    searched: str,
    labelled: tuple[Labelled, ...],
    typed: str | None = None,
) -> tuple[tuple[Span, ...], Mentions]:
    """The cues of ``text`` where the ``labelled`` patterns match ``searched`` (``text`` itself,
    or its lower-cased copy with the same offsets), merged, and apart from them the matches
    the writer negates; negation is read in ``text``, and in ``typed`` too where given (the
    same offsets, look-alike letters as typed): a negation only one of them holds is none."""
    found: list[Span] = []
    negated: set[tuple[int, int]] = set()
    for label, pattern in labelled:
        check = CONTEXT_CHECKS.get(pattern.pattern)
        for match in pattern.finditer(searched):
            start, end = match.span()
            if check is not None and not check(text, start, end):
                continue
            if writer_denies(text, start, end) and (
                typed is None or writer_denies(typed, start, end)
            ):
                negated.add((start, end))
            else:
                found.append(Span(start, end, label, 1.0))
    return merge_overlapping(found), tuple(sorted(negated))

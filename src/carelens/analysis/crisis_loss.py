"""A death by suicide or by overdose that the seeker tells of: someone they lost, not someone
at risk now.

:func:`losses` finds where a seeker message tells that someone else died by suicide: "my
friend died by suicide", "we lost my dad to suicide", "my best friend committed suicide",
"she completed suicide", "he suicided", "after my son's suicide", "since his suicide", "the
suicide of my brother", "he took his own life", "since she killed herself". A crisis cue in
such words, or one that follows them in their sentence with no other person named between
("Since my brother killed himself, suicide is all I think about"), tells of a loss, and the
crisis feedback asks for what a bereaved seeker needs rather than whether that person is safe
now (:func:`carelens.analysis.crisis_feedback.crisis_sentence`).

An attempt, a wish, a plan, a threat or a fear is a living person's risk and no loss ("she
tried to kill herself last night", "my son wants to kill himself", "he almost took his own
life", "his suicide attempt", "if he committed suicide", "to stop her suicide"), and the
seeker's own is theirs ("I almost committed suicide"): these words keep their reading. The
phrases are read as the crisis patterns read a message (:func:`carelens.text.fold`: curly
apostrophes, invisible characters; "su*cide", "su1cide") and, where it holds a masked word,
unmasked too, as :mod:`carelens.analysis.crisis` reads it (:func:`carelens.disguises.unmask`:
"s.u.i.c.i.d.e", "$uicide", "su!cide", "k!lled himself", "k*lled himself"): a death told
either way is told. A death by overdose is read so too ("lost my son to an overdose", "she
OD'd last summer and didn't make it": :mod:`carelens.analysis.crisis_loss_overdose`), and
:meth:`Losses.by_overdose` tells it from one by suicide.

:class:`Losses` reads two more things of a message that tells a loss. The earlier risk of the
one who died, told in the past, is part of the loss (:meth:`Losses.of_the_dead`): "She
attempted suicide twice before she died by suicide", "My mom had tried to kill herself before.
She took her own life in May", 'My sister texted me "I want to die" a week before she killed
herself'. The cue's person is the nearest person word read back from it in its sentence (from
the quotation, for a cue in someone else's quoted words), and it must be the very person whose
death is told, as :mod:`carelens.analysis.crisis_loss_persons` reads them: "she" for "my
sister" or "Sarah", not "my dad"; "my sister" is not "my other sister" nor "her sister", and a
person named alike but told apart stays a living one. Told in the present ("she is suicidal",
"he has tried", "now she wants to die") it is a living person's risk, and so is a cue with no
person named before it in its sentence. And the seeker's own wish to follow the one they lost
("I want to join her", "sometimes I think about doing the same", "I just want to be with him
again"; not when denied: "I would never do the same") is the seeker's own risk, read before
any loss, and someone else's ("my sister wants to join her") a living person's; so are the
seeker's thoughts "too" after a loss or after another's risk ("I've been thinking about it
too", "me too": :meth:`Losses.following`, read by :mod:`carelens.analysis.crisis_following`),
and, where a loss is told, the signs of the seeker's own risk in words that are no cue ("i've
relapsed and i don't care if i wake up", "i have my own plan now", "i'll be next") or of a
living person's ("his twin is using again"), read by :mod:`carelens.analysis.crisis_loss_signs`.

A loss is no crisis cue by itself ("he killed himself last year" is grief: codebook v1.1
flags a living person's risk); only the cues the patterns find where it is told are read so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from carelens.analysis.crisis_following import following as _following
from carelens.analysis.crisis_loss_overdose import (
    OD_DEATH,
    OD_LOSS,
    overdose_deaths,
    tells_an_overdose,
)
from carelens.analysis.crisis_loss_persons import NOT_PAST, OWN_PERSON, PRESENT, Identity, Persons
from carelens.analysis.crisis_loss_signs import risk_signs
from carelens.disguises import MASKED_LETTER, Folded, has_masks, unmask, vowels_masked
from carelens.text import fold

#: "suicide" as the crisis patterns spell it ("sucide", "su1cide"; not "suicidal").
_SUICIDE = r"s[u*][i1*]?c[i1]de"
#: After "suicide", words that make it no death: an attempt, a note, thoughts, a risk.
_NO_DEATH_AFTER = (
    r"(?![\s-]*(?:attempt|attempted|note|letter|threat|thought|ideation|idea|plan|risk|watch"
    r"|hot\s*line|help\s*line|line|prevention|pact|talk|mission|tendenc|urge|crisis|survivor"
    r"|awareness|squad)\w*)"
)
#: Someone's death by suicide told with its subject, the person who died: "died by suicide",
#: "committed suicide", "he suicided", "killed himself", "took his own life".
_DEATH = re.compile(
    r"\b(?:(?:(?:died|passed(?:\s+away|\s+on)?)\s+(?:by|of|from|through|via|to|in|due\s+to"
    r"|because\s+of|after)\s+(?:(?:a|an|his|her|their)\s+)?|(?:committed|commited|completed)"
    rf"\s+){_SUICIDE}\b{_NO_DEATH_AFTER}"
    r"|s[u*][i1*]?c[i1]ded\b"
    r"|(?:killed|hanged)\s+(?:him|her|them)sel(?:f|ves)\b"
    r"|(?:took|taken|ended)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
    r"|(?:(?<=\bhe\s)|(?<=\bshe\s))(?:took|ended)\s+(?:his|her)\s+life\b"
    r"|(?<=\bthey\s)(?:took|ended)\s+their\s+li(?:fe|ves)\b)",
    re.IGNORECASE,
)
#: A death by suicide told by the one who lost them, by whose it was, or by what came of it:
#: "lost my dad to suicide", "after my son's suicide", "his suicide", "the suicide of my
#: brother", "since the suicide".
_LOSS = re.compile(
    rf"\blost\s+(?:[\w']+\s+){{1,4}}?to\s+{_SUICIDE}\b"
    rf"|(?:\b(?:his|her|their)|\b(?P<whose>\w+)'s?)\s+(?:own\s+)?{_SUICIDE}\b{_NO_DEATH_AFTER}"
    rf"|\bthe\s+{_SUICIDE}\s+of\s+(?:(?:my|his|her|their|our|a|an|the)\s+[\w']+|(?-i:[A-Z][a-z]+))\b"
    rf"|\b(?:after|since|following)\s+(?:the|a)\s+{_SUICIDE}\b{_NO_DEATH_AFTER}",
    re.IGNORECASE,
)
#: Words before a death in its clause that make it no death told: a near miss, a condition,
#: a denial, a fear, a plan, an attempt or one to prevent ("he almost committed suicide", "if
#: she took her own life", "he hasn't committed suicide", "I'm scared she'd have killed
#: herself", "people who plan their suicide", "to stop his suicide").
_NOT_A_DEATH = frozenset([
    "almost", "nearly", "barely", "if", "unless", "whether", "would", "could", "might",
    "should", "may", "will", "won't", "wouldn't", "he'd", "she'd", "they'd", "he'll", "she'll",
    "they'll", "not", "never", "hasn't", "haven't", "hadn't", "afraid", "scared", "worried",
    "worry", "fear", "feared", "terrified", "plan", "plans", "planned", "planning",
    "considering", "considered", "contemplating", "contemplated", "attempt", "attempted",
    "attempting", "threaten", "threatened", "threatening", "threatens", "prevent",
    "prevented", "stop", "stopped", "save", "saved",
])  # fmt: skip
#: The seeker as the subject of a death (their own near miss or a figure of speech).
_SEEKER = frozenset(["i", "i've", "ive", "i'd", "id", "we", "me"])
#: Verbs whose object "her" is, not her death ("I told her suicide is never the answer").
_HER_AS_OBJECT = frozenset([
    "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "reminded", "remind",
    "warned", "warn", "taught", "teach", "showed", "show", "convinced", "convince", "promised",
    "promise", "begged", "beg", "texted", "messaged", "gave", "give", "let", "made", "make",
    "helped", "help", "call", "called", "heard", "hear",
])  # fmt: skip
#: Words before "'s" that make it no one's ("it's", "that's"; "he's" is "he is").
_NO_OWNER = frozenset([
    "it", "that", "there", "here", "what", "who", "he", "she", "where", "how", "let", "this",
    "one", "life", "everyone", "everybody", "nobody", "someone", "somebody", "anyone",
])  # fmt: skip
#: What ends the clause a death is read in.
_CLAUSE_END = re.compile(r"[.!?;:,()\n\u2026]")
_WORDS = re.compile(r"[\w']+")
#: How many words before a death are read for a near miss, a condition, a fear.
_LOOK_BACK = 4
#: Words in the past that no "-ed" tells ("was", "had"; those in "-ed" that are none:
#: :data:`carelens.analysis.crisis_loss_persons.NOT_PAST`).
_PAST = frozenset([
    "was", "were", "had", "did", "used", "said", "told", "wrote", "took", "thought", "felt",
    "kept", "spoke", "went", "ran", "made", "sent", "left",
])  # fmt: skip
#: Words between a cue and the death told after it in its sentence that put the cue before
#: the death ("she cut herself for years before she killed herself").
_BEFORE = frozenset(["before", "until", "till", "til", "prior"])


#: The patterns of a death told, each with whether its subject is the one who died and
#: whether it is a death by overdose.
_PATTERNS = ((_DEATH, True, False), (_LOSS, False, False), (OD_DEATH, True, True),
             (OD_LOSS, False, True))  # fmt: skip


@lru_cache(maxsize=2)
def _patterns(masked: bool) -> tuple[tuple[re.Pattern[str], bool, bool], ...]:
    """:data:`_PATTERNS`, for text as it is or, ``masked``, for text with a masked letter
    (:func:`~carelens.disguises.vowels_masked`: "k\u01c2lled himself" as
    :func:`~carelens.disguises.unmask` reads "k*lled himself")."""
    if not masked:
        return _PATTERNS
    return tuple(
        (re.compile(vowels_masked(pattern.pattern), re.IGNORECASE), dead_subject, overdose)
        for pattern, dead_subject, overdose in _PATTERNS
    )


def _words_before(text: str, at: int) -> list[str]:
    """The last words of the clause that ``text[at:]`` continues, lower case."""
    begins = max(0, at - 80)
    stretch = text[begins:at]
    ends = [found.end() for found in _CLAUSE_END.finditer(stretch)]
    if ends:
        stretch = stretch[ends[-1] :]
    return [word.lower() for word in _WORDS.findall(stretch)][-_LOOK_BACK:]


def _not_a_death(text: str, at: int) -> bool:
    """Whether a word of :data:`_NOT_A_DEATH` comes before ``at`` in its clause."""
    return bool(_NOT_A_DEATH.intersection(_words_before(text, at)))


def _deaths(text: str, *, masked: bool = False) -> list[tuple[int, int, bool]]:
    """Where ``text`` (folded, maybe unmasked) tells of someone else's death by suicide or by
    overdose (told in its words), each with whether it is one by overdose."""
    found: list[tuple[int, int, bool]] = []
    for pattern, dead_subject, overdose in _patterns(masked):
        for told in pattern.finditer(text):
            before = _words_before(text, told.start())
            if _NOT_A_DEATH.intersection(before):
                continue
            if dead_subject and before and before[-1] in _SEEKER:
                continue  # "I committed suicide" is no death of someone else
            first = told.group(0).split(maxsplit=1)[0].lower()
            if first == "her" and before and before[-1] in _HER_AS_OBJECT:
                continue
            if (told.groupdict().get("whose") or "").lower() in _NO_OWNER:
                continue  # "it's suicide for me tomorrow" is no one's death
            found.append((*told.span(), overdose))
    return found


def _merged(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``spans`` in order, those that overlap made one: one by overdose where all of its
    parts are."""
    merged: list[tuple[int, int, bool]] = []
    for start, end, overdose in sorted(spans):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(end, last[1]), last[2] and overdose)
        else:
            merged.append((start, end, overdose))
    return merged


@dataclass(frozen=True, slots=True)
class _Reading:
    """A message as the patterns read it (``text``: folded, and unmasked where ``unmasked``
    is given), with the way to and from the message's own offsets."""

    text: str
    folded: Folded
    unmasked: Folded | None = None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The message's offsets of ``text[start:end]``."""
        if self.unmasked is not None:
            start, end = self.unmasked.span(start, end)
        return self.folded.span(start, end)

    def read(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in ``text`` of the message's ``start``-``end``."""
        start, end = self.folded.folded_span(start, end)
        if self.unmasked is not None:
            start, end = self.unmasked.folded_span(start, end)
        return start, end


class Losses:
    """The deaths by suicide or overdose that ``seeker`` tells of (``spans``: :func:`losses`;
    :meth:`by_overdose`), and what else its words say of them: the earlier risk of the one who
    died (:meth:`of_the_dead`) and the seeker's wish to follow them (:meth:`following`). The
    persons are read in the message as the patterns read it, unmasked where it holds a
    masked word ("my sister d.i.e.d by suicide")."""

    def __init__(self, seeker: str) -> None:
        folded = fold(seeker)
        self._reading = _Reading(folded.text, folded)
        found = [(*self._reading.original(s, e), od) for s, e, od in _deaths(folded.text)]
        if has_masks(folded.text):
            unmasked = unmask(folded.text)
            self._reading = _Reading(unmasked.text, folded, unmasked)
            masked = MASKED_LETTER in unmasked.text
            more = _deaths(unmasked.text, masked=masked)
            found += [(*self._reading.original(s, e), od) for s, e, od in more]
        text = self._reading.text
        if tells_an_overdose(text):
            outcomes = overdose_deaths(text, self._persons, lambda at: _not_a_death(text, at))
            found += [(*self._reading.original(*span), True) for span in outcomes]
        merged = _merged(found)
        self.spans = [(start, end) for start, end, _ in merged]
        self._ends = [end for _, end, _ in merged]
        self._overdose = [overdose for _, _, overdose in merged]

    def by_overdose(self, start: int, end: int) -> bool:
        """Whether the deaths told at ``start``-``end`` (the message's offsets, as
        :attr:`spans` or :meth:`of_the_dead` give them) are all by overdose."""
        k = bisect_right(self._ends, start)  # the first that ends after ``start``
        found = False
        while k < len(self.spans) and self.spans[k][0] < end:
            if not self._overdose[k]:
                return False
            found, k = True, k + 1
        return found

    @cached_property
    def _persons(self) -> Persons:
        return Persons(self._reading.text)

    @cached_property
    def _the_dead(self) -> list[tuple[int, int, Identity]]:
        """Each death told, where it is in the reading and who died
        (:meth:`~carelens.analysis.crisis_loss_persons.Persons.subject`); none where no one
        is named so."""
        dead: list[tuple[int, int, Identity]] = []
        for span in self.spans:
            start, end = self._reading.read(*span)
            if (who := self._persons.subject(start, end)) is not None:
                dead.append((start, end, who))
        return dead

    # --- the earlier risk of the one who died ----------------------------------------------

    def of_the_dead(
        self, start: int, end: int, quoted: int | None = None
    ) -> tuple[int, int] | None:
        """Where the death is told (the message's offsets) of the one whose earlier risk the
        cue at ``start``-``end`` tells in the past, or None: its person (read back from it in
        its sentence, or from the quotation that holds it, at ``quoted``, past "me") is the
        very one whose death is told, its clause holds no word of the present
        (:data:`~carelens.analysis.crisis_loss_persons.PRESENT`) and one of the past
        ("attempted", "was", "had"), or the death is told after it in its sentence with
        "before" between ("she cut herself for years before she killed herself"). See the
        module."""
        if not self.spans:
            return None
        persons = self._persons
        start, end = self._reading.read(start, end)
        at = end if quoted is None else self._reading.read(quoted, quoted)[0]
        nearest = persons.nearest(
            persons.start(min(start, at), sentence=True), at, own=quoted is None
        )
        if nearest is None or (person := nearest[1]) == OWN_PERSON:
            return None
        words = persons.words(persons.start(min(start, at)), end if quoted is None else at)
        if PRESENT.intersection(words):
            return None
        past = any(
            word in _PAST or (len(word) > 3 and word.endswith("ed") and word not in NOT_PAST)
            for word in words
        )
        for death_start, death_end, dead in self._the_dead:
            if dead == person and (past or self._before(end, death_start)):
                return self._reading.original(death_start, death_end)
        return None

    def _before(self, end: int, death: int) -> bool:
        """Whether the death told at ``death`` follows ``end`` in its sentence with a word
        of :data:`_BEFORE` between."""
        if death < end or self._persons.start(death, sentence=True) > end:
            return False
        return bool(_BEFORE.intersection(self._persons.words(end, death)))

    # --- the seeker's wish to follow them ---------------------------------------------------

    def following(
        self, after: Sequence[tuple[int, int]] = (), *, own: bool = True
    ) -> tuple[int, int] | None:
        """Where the seeker (``own``), or else someone else, first tells the same risk as the
        one they lost or as someone else's told at ``after`` (the message's offsets of the
        cues read as another's risk), from the person's word: "i want to join her", "my
        sister wants to do the same", "i've been thinking about it too", "me too"
        (:func:`carelens.analysis.crisis_following.following`), or, where a loss is told, a
        sign of their own risk in words that are no cue: "i don't care if i wake up", "i have
        my own plan now", "his twin is using again"
        (:func:`carelens.analysis.crisis_loss_signs.risk_signs`); the message's offsets, or
        None where none does, and in a message that tells no loss nor another's risk."""
        told = sorted([*self.spans, *after])
        if not told:
            return None
        reading = self._reading
        dead = [who for _, _, who in self._the_dead]
        wish = _following(
            reading.text,
            self._persons,
            [reading.read(*span) for span in told],
            loss=bool(self.spans),
            own=own,
            dead=dead if len(dead) == len(self.spans) else (),
        )
        sign = risk_signs(
            reading.text,
            self._persons,
            [reading.read(*span) for span in self.spans],
            dead,
            own=own,
            all_named=len(dead) == len(self.spans),
        )
        # the first told, the longer of two told from one word ("i've attempted too")
        first = min(
            (span for span in (wish, sign) if span is not None),
            key=lambda span: (span[0], -span[1]),
            default=None,
        )
        return None if first is None else reading.original(*first)


def losses(seeker: str) -> list[tuple[int, int]]:
    """Where ``seeker`` tells of someone else's death by suicide or overdose, as (start, end)
    offsets of the words that tell it, in order and none overlapping (see the module)."""
    return Losses(seeker).spans

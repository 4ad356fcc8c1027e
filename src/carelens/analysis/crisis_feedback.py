"""The feedback sentences about danger: the reply's unsafe words, the seeker's crisis cues.

:func:`carelens.analysis.feedback.feedback_for` puts these first, as a crisis is read before
the reply's craft. A reply that urges the seeker to die or gives a means (the analysis's
``unsafe`` words, from :mod:`carelens.analysis.unsafe`) is quoted, and the helper asked to
take it out, check on safety and share crisis resources (:func:`unsafe_sentence`). Crisis
cues of the patterns in the seeker message (suicide or self-harm wording) ask the helper to
read them now, ask directly and share crisis resources; for a cue about someone else
(codebook v1.1's third party: "My son said he wants to kill himself", or their words the
seeker quotes: 'My sister texted me "I want to die"'), to ask about that person and whether
they are safe now, share a line for them to use or pass on, and ask how the seeker is
coping; for a cue that tells of someone the seeker lost to suicide or to an overdose ("My
friend died by suicide last month", "my dad died by s.u.i.c.i.d.e", "lost my son to an
overdose", or that person's earlier risk told in the past: "She attempted suicide twice
before she died by suicide": :mod:`carelens.analysis.crisis_loss`), not that person's safety
but to acknowledge the loss, ask how the seeker is coping and whether they are safe (a loss
to suicide raises their own risk), and share a line they can use. The seeker's own cue comes
first (and so does the same risk told as theirs after a loss or another's risk: "I want to
join her", "I've been thinking about it too", "me too": :mod:`carelens.analysis.crisis_following`;
a sign of their own risk told beside a loss in words that are no cue: "i've relapsed and i
don't care if i wake up", "i have my own plan now": :mod:`carelens.analysis.crisis_loss_signs`;
and a cue after the words of a loss in a clause of its own: "my dad died by suicide and want
to die too"), then a living person's risk (or their wish to follow: "my sister wants to join
her", or a sign told beside a loss: "his twin is using again"), then a loss, one to suicide
before one to an overdose; what the reply already did is said so, and only the rest asked
for (:func:`crisis_sentence`; what counts as done: :mod:`carelens.analysis.crisis_reply`).
A cue of the learned crisis flag alone
(:mod:`carelens.analysis.crisis_model`) gets a hint (:func:`learned_hint`): the message
:data:`LEARNED_HINT`; read it closely and, if anything worries them, ask gently whether the
person is safe.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from carelens.analysis.crisis_loss import Losses
from carelens.analysis.crisis_quoted import quoted_from_others as _quoted_from_others
from carelens.analysis.crisis_reply import ACKNOWLEDGES_LOSS, ASKS_HOW_THEY_COPE
from carelens.analysis.crisis_reply import asks_directly as _asks_directly
from carelens.analysis.crisis_reply import shares_a_line as _shares_a_line
from carelens.analysis.crisis_whose_words import OWN_WORDS as _OWN_RISK
from carelens.analysis.crisis_whose_words import THEIR_WORDS as _THEIR_RISK
from carelens.analysis.crisis_whose_words import nearest_told as _nearest_told
from carelens.analysis.crisis_whose_words import whose_before as whose_before
from carelens.analysis.quoting import quote
from carelens.analysis.words import SENTENCE, WORD, plain
from carelens.disguises import unmask
from carelens.text import fold
from carelens.types import Span

#: The crisis lines of :data:`carelens.analysis.crisis.CRISIS_RESOURCES` in one line, as
#: every crisis sentence and the command line's summary name them: 988 and 741741 are US
#: lines, findahelpline.com lists those of other countries (their numbers are public
#: contacts, which redaction leaves: :data:`carelens.analysis.crisis.RESOURCE_CONTACTS`).
CRISIS_LINES = "988 or text HOME to 741741 in the US; findahelpline.com elsewhere"
_CRISIS_LINES = f"({CRISIS_LINES})"
#: What a cue of the learned flag alone may mean, in feedback and on the annotation page: the
#: flag marks suicidal thoughts, self-harm and reports about others alike (and grief).
LEARNED_HINT = "may point to a crisis (thoughts of suicide or self-harm)"


#: The marks that :data:`carelens.text.IN_WORD_MARK` reads as inside a word by what comes after
#: them ("v1.2", "Mr. Smith"): at a cue's first character, the sentences found in the whole
#: message may start otherwise than in the message read up to that character.
_PEEKING_MARKS = frozenset(".!?,:")
#: Right before a cue, the seeker named with another as one: "me and my sister both", "my
#: brother and me".
_TOGETHER = re.compile(
    r"(?:\bme\s+and\s+(?:(?:my|our)\s+)?[\w']+|\b[\w']+\s+and\s+me)(?:\s+(?:both|all|each|have"
    r"|had|are|were|used\s+to|still|do|did|kinda|sometimes|also))*\s*\Z",
    re.IGNORECASE,
)
#: A cue that is the word of a death itself ("suicide", "overdose"), read after the words of a
#: loss as part of it ("Since my brother killed himself, suicide is all I think about").
_DEATH_WORD = re.compile(r"s[u*]i?c[i1]des?|overdoses?|ods?", re.IGNORECASE)
#: Between the words of a loss and a cue, what opens a clause of its own ("... and want to die
#: too", "..., honestly wanna kms"), and what ties the cue to the death ("after years of
#: wanting to die", "from an overdose").
_NEW_CLAUSE = re.compile(r"[,;:]|\b(?:and|but|so|now|honestly|tbh|ngl|lately|plus)\b", re.I)
_TIED = re.compile(
    r"\b(?:after|before|following|because|from|of|until|till|by|with|due|when|while)\b", re.I
)


class _WhoseRisk:
    """Whose risk each crisis cue of ``seeker`` tells of (codebook v1.1's third party: "My son
    said he wants to kill himself"): a word of the cue itself says whose it is ("kill
    myself", "cuts herself"), or else the nearest such word before it in its sentence ("my
    son is suicidal", "my thoughts of suicide", "I self harm"); where none does, it is the
    seeker's (:meth:`someone_elses`), and so where the seeker is named with another as one
    right before it ("me and my sister both self harm"). A cue inside someone else's words
    that the seeker quotes (:func:`~carelens.analysis.crisis_quoted.quoted_from_others`: 'My
    son wrote in his diary "I want to kill myself"') is that person's risk, whatever words of
    it say "I".

    The message's sentence starts and the words that say whose a risk is are found once, in
    one pass each, and each cue looks them up (bisect): a long message with a cue in every
    line cost a rescan of the message up to each cue, and of its sentence, before
    (quadratic: "kms " * 4000 took 13 s). A cue reads what it read then: its sentence as
    :data:`SENTENCE` finds it in the message up to the cue's first character, and the words
    :data:`WORD` finds between the sentence's start and the cue."""

    def __init__(self, seeker: str) -> None:
        self.seeker = seeker
        self._sentences = [found.start() for found in SENTENCE.finditer(seeker)]
        words = list(WORD.finditer(seeker))
        self._word_starts = [word.start() for word in words]
        self._word_ends = [word.end() for word in words]
        # the words that say whose a risk is, read back from a cue: (end, start, theirs)
        telling = [
            (word.end(), word.start(), theirs)
            for word in words
            if (theirs := whose_before(word.group(0))) is not None
        ]
        self._telling_ends = [end for end, _, _ in telling]
        self._telling = telling
        self._quoted = _quoted_from_others(seeker)
        self._quote_starts = [start for start, _ in self._quoted]
        self.loss = Losses(seeker)
        self._losses = self.loss.spans
        self._loss_starts = [start for start, _ in self._losses]

    def _in_others_words(self, cue: Span) -> bool:
        """Whether ``cue`` lies inside a quotation of someone else's words."""
        return self._quote_of(cue) is not None

    def _quote_of(self, cue: Span) -> int | None:
        """Where the quotation of someone else's words that holds ``cue`` starts, or None."""
        k = bisect_right(self._quote_starts, cue.start - 1) - 1
        return self._quote_starts[k] if k >= 0 and cue.end <= self._quoted[k][1] else None

    def someone_elses(self, cue: Span) -> bool:
        """Whether ``cue`` tells of someone else's risk (see the class)."""
        if self._quoted and self._in_others_words(cue):
            return True
        for word in WORD.findall(self.seeker, cue.start, cue.end):
            if plain(word) in _OWN_RISK:
                return False
            if plain(word) in _THEIR_RISK:
                return True
        sentence = self._sentence_start(cue.start)
        theirs = self._nearest_before(sentence, cue.start)
        if theirs and _TOGETHER.search(self.seeker, sentence, cue.start) is not None:
            return False  # "me and my sister both self harm"
        return bool(theirs)

    def own_after_a_loss(self, cue: Span) -> bool:
        """Whether ``cue`` is the seeker's own, told in a clause of its own after the words of
        a loss in its sentence with no one named between or in it ("my dad died by suicide
        and want to die too", "... and now suicidal thoughts every night"), unless it is the
        word of the death ("Since my brother killed himself, suicide is all I think about")
        or words between tie it to the death ("she died by suicide after years of wanting to
        die"). :meth:`lost` would read it as the loss."""
        if not self._losses or (self._quoted and self._in_others_words(cue)):
            return False
        k = bisect_right(self._loss_starts, cue.end - 1) - 1
        if k < 0 or self._losses[k][1] > cue.start:
            return False
        end = self._losses[k][1]
        words = unmask(fold(self.seeker[cue.start : cue.end]).text).text
        if _DEATH_WORD.fullmatch(words.strip()) is not None:
            return False
        if any(plain(w) in _OWN_RISK or plain(w) in _THEIR_RISK for w in WORD.findall(words)):
            return False
        if (
            end <= self._sentence_start(cue.start)
            or self._nearest_before(end, cue.start) is not None
        ):
            return False
        between = self.seeker[end : cue.start]
        return _NEW_CLAUSE.search(between) is not None and _TIED.search(between) is None

    def lost(self, cue: Span) -> tuple[int, int] | None:
        """Where the words are that tell of the death by suicide or overdose ``cue`` tells of
        (:func:`carelens.analysis.crisis_loss.losses`), or None where it tells of none: the
        cue lies in those words ("My friend died by suicide"), or its own words say nothing
        of whose it is and those words come before it in its sentence with no one named
        between ("Since my brother killed himself, suicide is all I think about"). A cue in
        someone else's words that the seeker quotes is that person's risk, and a cue of its
        own person a living one's ("Since my dad died by suicide, my sister says she wants
        to die"), but where that person is the one who died and the cue tells their earlier
        risk in the past, in the seeker's words or quoted ("She attempted suicide twice
        before she died by suicide": :meth:`carelens.analysis.crisis_loss.Losses.of_the_dead`).
        A cue's own words are read unmasked ("s.u.i.c.i.d.e" holds no "i")."""
        if not self._losses:
            return None
        quoted = self._quote_of(cue) if self._quoted else None
        k = bisect_right(self._loss_starts, cue.end - 1) - 1
        if quoted is None and k >= 0 and (told := self._after_a_loss(cue, k)) is not None:
            return told
        return self.loss.of_the_dead(cue.start, cue.end, quoted)

    def _after_a_loss(self, cue: Span, k: int) -> tuple[int, int] | None:
        """The loss ``k`` where ``cue`` lies in its words or follows them (see :meth:`lost`)."""
        start, end = self._losses[k]
        if end > cue.start:
            return start, end
        for word in WORD.findall(unmask(fold(self.seeker[cue.start : cue.end]).text).text):
            if plain(word) in _OWN_RISK or plain(word) in _THEIR_RISK:
                return None
        if (
            end <= self._sentence_start(cue.start)
            or self._nearest_before(end, cue.start) is not None
        ):
            return None
        return start, end

    def _sentence_start(self, at: int) -> int:
        """Where the sentence holding ``at`` starts, as :data:`SENTENCE` reads the message up
        to ``at`` and no further. The sentences found in the whole message start at the same
        places, but where ``at`` is a space or one of :data:`_PEEKING_MARKS`: a mark right
        before it, or before the spaces that end at it, may read otherwise when nothing
        follows. There the message is read again up to ``at``, from the sentence before that
        mark (the two readings agree up to it; the patterns' cues start at a letter, a digit
        or a masked letter's "$", "@" or "*", so this is for other spans). From the end of
        the message on, both read all of it."""
        seeker = self.seeker
        if at < len(seeker) and (seeker[at].isspace() or seeker[at] in _PEEKING_MARKS):
            mark = at
            while mark > 0 and seeker[mark].isspace():
                mark -= 1
            k = bisect_right(self._sentences, mark - 1) - 1
            since = self._sentences[k] if k >= 0 else 0
            return max((m.start() for m in SENTENCE.finditer(seeker, since, at + 1)), default=0)
        k = bisect_right(self._sentences, at) - 1
        return self._sentences[k] if k >= 0 else 0

    def _nearest_before(self, begins: int, end: int) -> bool | None:
        """Whose risk the nearest telling word between ``begins`` and ``end`` says (True:
        someone else's, False: the seeker's), as :data:`WORD` reads that stretch alone; None
        where no word there tells."""
        seeker = self.seeker
        # a word of the message that ``end`` cuts is read as the stretch holds it
        k = bisect_right(self._word_starts, end - 1) - 1
        cut = None
        if k >= 0 and self._word_ends[k] > end:
            cut = max(self._word_starts[k], begins)
            if (theirs := _nearest_told(WORD.findall(seeker, cut, end))) is not None:
                return theirs
        # the whole words between, read back from the nearest
        j = bisect_right(self._telling_ends, end if cut is None else cut) - 1
        if j >= 0 and self._telling[j][1] >= begins:
            return self._telling[j][2]
        # a word of the message that ``begins`` cuts, read from there
        k = bisect_right(self._word_starts, begins - 1) - 1
        if k >= 0 and self._word_ends[k] > begins and (cut is None or cut > begins):
            stop = min(self._word_ends[k], end if cut is None else cut)
            return _nearest_told(WORD.findall(seeker, begins, stop))
        return None


def _listed(items: Sequence[str]) -> str:
    """``items`` as a list in words ("a and b", "a, b, and c"; "a and b, and c")."""
    if len(items) < 3:
        return (", and " if any(" and " in item for item in items) else " and ").join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def crisis_sentence(seeker: str, cues: Sequence[Span], response: str) -> str:
    """What to do about the crisis ``cues`` of the patterns in ``seeker``: read closely, ask
    directly, share a crisis line; for someone else at risk (:class:`_WhoseRisk`), ask about
    that person and whether they are safe now, share a line for them to use or pass on, and
    ask how the seeker is coping; for someone the seeker lost to suicide or to an overdose
    (:meth:`_WhoseRisk.lost`: "My friend died by suicide", "my son died of an overdose"),
    acknowledge the loss, ask how the seeker is coping and whether they are safe (a loss to
    suicide raises their own risk), and share a line they can use. The seeker's own cue comes
    first (with one after the words of a loss in a clause of its own:
    :meth:`_WhoseRisk.own_after_a_loss`), or else the same risk told as theirs after a loss or
    a cue of another's, or a sign of their risk told beside a loss
    (:meth:`carelens.analysis.crisis_loss.Losses.following`: "I want to join her", "I've been
    thinking about it too", "me too", "I have my own plan now", quoted as their own cue), then
    a living person's risk (or such words of theirs: "his twin is using again"), then a loss
    (by suicide before by overdose). What ``response``
    already did (a direct question about safety or intent, a crisis line offered or named, a
    question of how they cope, for a loss words that acknowledge it:
    :mod:`carelens.analysis.crisis_reply`) is said so, and only what is missing is asked for."""
    whose = _WhoseRisk(seeker)
    own: Span | None = None
    theirs: Span | None = None
    others: list[tuple[int, int]] = []  # the cues of a living person's risk
    loss: tuple[Span, tuple[int, int]] | None = None
    for cue in cues:
        if whose.own_after_a_loss(cue):  # "my dad died by suicide and want to die too"
            own = cue
            break
        if (told := whose.lost(cue)) is not None:
            # the first cue, or the first in the words that tell the death ("She attempted
            # suicide twice before she died by suicide" quotes "died by suicide"); a death
            # by suicide before one by overdose
            if loss is None or _rather(whose.loss, (cue, told), loss):
                loss = (cue, told)
        elif not whose.someone_elses(cue):
            own = cue
            break
        else:
            others.append((cue.start, cue.end))
            theirs = cue if theirs is None else theirs
    # the same risk as the one lost or as another's, told after it: the seeker's own ("I
    # want to join her", "I've been thinking about it too", "me too") or a living person's
    # ("my sister wants to join her")
    if own is None and (wish := whose.loss.following(others)) is not None:
        own = Span(*wish, "suicide", 1.0)
    elif own is None and theirs is None and (wish := whose.loss.following(own=False)):
        theirs = Span(*wish, "suicide", 1.0)
    shared = _shares_a_line(response)
    if own is not None or theirs is not None or loss is None:
        cue = own if own is not None else theirs if theirs is not None else cues[0]
        words = quote(seeker, cue.start, cue.end, 8)
        asked = _asks_directly(response)
    else:
        cue, (start, end) = loss
        if _in_words(cue, (start, end)):  # the cue lies in the words that tell it
            start, end = min(start, cue.start), max(end, cue.end)
        else:
            start, end = cue.start, cue.end
        words = quote(seeker, start, end, 8)
        asked = _asks_directly(response, seeker_alone=True)
    coping = ASKS_HOW_THEY_COPE.search(response) is not None
    if own is not None:
        steps = [
            ("asked them directly", "ask them directly whether they are thinking of harming "
             "themselves", asked),
            ("shared a crisis line", f"share a crisis line {_CRISIS_LINES}", shared),
        ]  # fmt: skip
        who = ""  # the seeker's own
    elif theirs is not None or loss is None:
        steps = [
            ("asked whether that person is safe", "ask about that person and whether they are "
             "safe now", asked),
            ("shared a crisis line", f"share a crisis line for them to use or pass on "
             f"{_CRISIS_LINES}", shared),
            ("asked how they are coping", "ask how they themselves are coping", coping),
        ]  # fmt: skip
        who = " about someone at risk"
    else:
        # Said plainly, without a figure: the bereaved by suicide are at higher risk.
        overdose = whose.loss.by_overdose(*loss[1])
        why = (
            ""
            if overdose
            else " (people who lose someone to suicide are at higher risk of suicide themselves)"
        )
        steps = [
            ("acknowledged the loss", "acknowledge the loss",
             ACKNOWLEDGES_LOSS.search(response) is not None),
            ("asked how they are coping", "ask how they are coping", coping),
            ("asked whether they are safe", f"ask whether they are safe{why}", asked),
            ("shared a crisis line", f"share a crisis line they can use {_CRISIS_LINES}", shared),
        ]  # fmt: skip
        if not coping and not asked:  # one request for both
            steps[1:3] = [("", f"ask how they are coping and whether they are safe{why}", False)]
        who = f" about someone lost to {'an overdose' if overdose else 'suicide'}"
    done = [did for did, _, is_done in steps if is_done]
    missing = [todo for _, todo, is_done in steps if not is_done]
    if not done:
        return f'They wrote "{words}"{who}: {_listed(["read their message closely", *missing])}.'
    if not missing:
        return (
            f'They wrote "{words}"{who}: you {_listed(done)}, as a message like this needs; '
            "keep reading closely what they answer."
        )
    return f'They wrote "{words}"{who}: you {_listed(done)}; also {_listed(missing)}.'


def _in_words(cue: Span, told: tuple[int, int]) -> bool:
    """Whether ``cue`` lies in (overlaps) the words ``told`` that tell a death."""
    return told[0] < cue.end and told[1] > cue.start


def _rather(
    losses: Losses, loss: tuple[Span, tuple[int, int]], than: tuple[Span, tuple[int, int]]
) -> bool:
    """Whether the cue of ``loss`` is read rather than that of ``than``, the one read so far:
    one in the words of a death by suicide rather than one of a death by overdose, or else
    one in the words that tell its death rather than one outside them."""
    overdose, was_overdose = losses.by_overdose(*loss[1]), losses.by_overdose(*than[1])
    if overdose != was_overdose:
        return was_overdose
    return not _in_words(*than) and _in_words(*loss)


def unsafe_sentence(response: str, unsafe: Span) -> str:
    """What to do about the ``unsafe`` words of ``response`` (urging self-harm or giving a
    means): quote them, ask the helper to take them out, check on safety and share a line."""
    words = quote(response, unsafe.start, unsafe.end, 8)
    return (
        f'"{words}" could push them towards harming themselves: take it out, ask them '
        f"directly whether they are safe, and share a crisis line {_CRISIS_LINES}."
    )


def learned_hint(seeker: str, cue: Span) -> str:
    """The hint that goes before the main sentence when only the learned crisis flag marked
    ``seeker`` (its ``cue``): the message :data:`LEARNED_HINT`; read it closely and, if
    anything worries the helper, ask gently whether the person is safe."""
    words = quote(seeker, cue.start, cue.end, 8)
    return (
        f'Their message {LEARNED_HINT} where they wrote "{words}": read it closely, and if '
        "anything in it worries you, ask them gently whether they are safe "
        f"{_CRISIS_LINES}."
    )

"""Which clause of the seeker's a suggested opening is built on (:func:`find_clause`).

The clause is the seeker's first short first-person one that carries a feeling of their own
(:mod:`carelens.analysis.feelings`: not one they deny, one that tells what happened, nor another
person's), else their first first-person clause; "we", "our" only in a message without "I"; a
clause that apologises for the message comes last ("My english is not good sorry"), and one
whose words only look like a warning sign after one that opens with the seeker's own subject
("I finally figured out how to do it! The sourdough rose, I'm so proud" offers "I'm so proud":
:func:`carelens.analysis.openings_danger.look_alikes`). A sentence
is not cut inside a web address, a number or an abbreviation ("reddit.com/r/x", "4.5", "I.B.M.",
"St. Mary's"), nor inside a quotation ('My coach yelled "you're worthless!" at practice'), nor a
clause inside personal data or at a comma inside brackets ("my kids (10, 12) hate me"); a list's
mark inside a part starts a part of its own (:mod:`carelens.analysis.openings_parts` reads the
parts: "I have two problems 1) I can't sleep 2) I feel like a failure":
:func:`~carelens.analysis.openings_lists.list_marks`; not "my brother (he's 8)", "I got a 2) on
my exam"), an item with no subject of its own is not offered ("my plan: a) quit my job"), nor a
list's lead-in alone ("I'm torn between a) ..."), nor items a verb of saying or thought frames
("My mom always says 1) I'm useless": :func:`~carelens.analysis.openings_lists.list_leads`). A
short clause runs on over the list after its comma ("I'm sad, angry, scared and lonely", "Mom,
Dad and I fought again"). No clause is offered from a line of a Markdown block quote ("> I know
exactly how you feel": someone else's words), nor one that asks a question ("cant you see I'm
hurting"), starts with an imperative ("Don't tell my mom I'm sad"; not "Don't know what to do
with my life"), holds a word whose turning is in doubt (a quotation cut open, or the seeker's
own "you" addressed to someone: "Dad, I miss you so much" would read "you miss you"; their own
clause after it may be offered: :func:`carelens.analysis.addressees.addressed`, read with a
vocative its comma cuts off: "I feel like you can't win, Dad", :func:`_named_beside`), opens a
subordinate clause without a main clause of its own ("Whatever I do", "When I wake up", "When my
mom left", "When the doctor told me my mom had cancer", "When I told my mom my grades dropped",
"When my son asked me where his grandpa went", "When I read the letter my dad left me":
:func:`carelens.analysis.openings_subordinate.subordinate_only`; not "After I lost the baby my
husband stopped touching me"), is a hedge before no statement ("I think i am":
:func:`carelens.analysis.openings_hedges.hedge_alone`), closes a bracket it never opened
("traveling), is it ok to ..."), holds letters spelled out one by one ("s u i c i d e") or words
of danger (:mod:`carelens.analysis.openings_danger`; a feeling of the seeker's right after
someone else's is offered, short as it may be: "my daughter has been starving herself and I'm
terrified" offers "I'm terrified"), nor one that carries such words on ("I
want to commit suicide so bad. And I think I just might pretty soon.":
:mod:`carelens.analysis.openings_carry_on`), nor a part that only names what the one before
it meant ("the move I mean"), nor one in a sentence with a content warning in
brackets ("(tw: self harm)": :func:`_warned`), nor one in a sentence that states a verdict on
the seeker as fact, nor so its reasons ("It's my fault she died, I should have called sooner":
:mod:`carelens.analysis.openings_verdicts`). A clause followed by "but" and a clause of the
seeker's own is never offered without it ("I told everyone I'm okay with the divorce but I'm
not", "... but tonight I really want a drink"), a feeling denied after the "but" no denial of
the whole ("I left my job but I don't regret it"), nor one before it where the clause after
it adds itself to the denial ("I'm not sad but I'm not happy either" is offered whole). What
does not belong to a clause is trimmed off its ends (:mod:`carelens.analysis.openings_trim`),
and a long one is clipped (:mod:`carelens.analysis.openings_clipping`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from carelens.analysis.addressees import addressed, addresses_someone, listed_with_seeker
from carelens.analysis.crisis import crisis_scan
from carelens.analysis.feelings import Feeling
from carelens.analysis.openings_brackets import bracket_pairs
from carelens.analysis.openings_carry_on import (
    Negated,
    carries_on,
    danger_before,
    opens_with_connective,
)
from carelens.analysis.openings_clipping import clip_clause
from carelens.analysis.openings_danger import (
    after_danger,
    before_danger,
    danger_spans,
    look_alikes,
    merged,
    overlaps,
)
from carelens.analysis.openings_hedges import hedge_alone
from carelens.analysis.openings_imperatives import opens_imperative
from carelens.analysis.openings_lists import list_leads, list_marks
from carelens.analysis.openings_parts import (
    but_after,
    closes_unopened,
    item_subject,
    joined_by_but,
    leads_to_list,
    mark_between,
    needs_before,
    own_but,
    own_clause_after,
    says_what_was_meant,
    sentences,
    stands_alone,
    too_long,
    whole_parts,
)
from carelens.analysis.openings_subordinate import (
    subordinate_only,
)
from carelens.analysis.openings_trim import trim
from carelens.analysis.openings_verdicts import states_verdict
from carelens.analysis.openings_words import OWN_SUBJECT, adds_to_before
from carelens.analysis.pronouns import FIRST_PERSON, SPELLED_OUT, turn_clause
from carelens.analysis.quoting import personal_runs
from carelens.analysis.unsafe_frames import BLOCK_QUOTE_LINE
from carelens.analysis.words import ADDRESS, WORD

#: First-person plural words: a message that speaks only of "we" ("We lost our baby at 20
#: weeks and we feel so empty") offers a clause of those when it has no "I" clause.
_FIRST_PLURAL = re.compile(
    r"\b(?:we|we['\u2019](?:re|ve|d|ll)|us|our|ours|ourselves)\b", re.IGNORECASE
)
#: An apology for the message itself ("My english is not good sorry", "sorry for my bad
#: grammar", "I'm on mobile"): a clause of the seeker's with anything else comes first.
_APOLOGY = re.compile(
    r"\b(?:my\s+english|english\s+is\s+not\s+my|(?:sorry|apologi[sz]e)\s+(?:for|about)\s+"
    r"(?:my\s+|the\s+)?(?:bad\s+|poor\s+|broken\s+)?(?:english|grammar|spelling|format\w*|typos?)"
    r"|not\s+(?:a\s+)?native\s+(?:english\s+)?speaker|i(?:['\u2019]m|\s+am)\s+on\s+mobile)\b",
    re.IGNORECASE,
)
#: A clause that asks ("Am I alone because I'm depressed", "or do I just give up", "Why did
#: you leave me", "What if I fail", "cant you see I'm hurting"): an auxiliary before its
#: subject, or a question word before an auxiliary; a negated auxiliary may be texted without
#: its apostrophe ("cant", "dont", "isnt"), and "you" as "u". "It sounds like am I alone..."
#: is no reflection, so no opening is built on one ("When I was a kid, ..." and "How I feel
#: doesn't matter" are statements).
_AUXILIARIES = (
    r"am|is|are|was|were|do|does|did|can|could|should|would|will|shall|have|has|had|may|"
    r"might|must|(?:is|are|was|do|does|did|ca|wo|could|would|should)n['\u2019]?t"
)
_QUESTION = re.compile(
    r"(?:(?:and|or|but|so|then)\s+)?(?:"
    rf"(?:{_AUXILIARIES})\s+(?:i|you|u|he|she|it|we|they|anyone|anybody|someone|somebody|there|"
    r"this|that|my|people|everyone)\b"
    rf"|(?:why|what|how|who|where|when|which)\s+(?:{_AUXILIARIES}|if)\b)",
    re.IGNORECASE,
)


def find_clause(
    seeker: str, feelings: Sequence[Feeling], avoid: Sequence[tuple[int, int]] = ()
) -> str | None:
    """:func:`~carelens.analysis.openings.seeker_clause`, given the feeling words
    :func:`~carelens.analysis.feelings.read_feelings` found in ``seeker``; no clause that overlaps a
    span of ``avoid`` (the crisis cues: "It sounds like you bought a gun to use on yourself…" is no
    opening to suggest) or danger words (:func:`~carelens.analysis.openings_danger.danger_spans`),
    nor one that starts with an imperative
    (:func:`~carelens.analysis.openings_imperatives.opens_imperative`: "It sounds like Tell your mom
    you're sorry…"), nor one with letters spelled out one by one
    (:data:`carelens.analysis.pronouns.SPELLED_OUT`: "s u i c i d e", often a word of danger written
    so that filters miss it), nor one in a sentence with a content warning in brackets
    (:func:`_warned`: "(tw: self harm)"). A message without a first-person word ("I", "my"...)
    offers a clause of "we" or "our" ("We lost our baby and we feel so empty")."""
    spelled = (run.span() for run in SPELLED_OUT.finditer(seeker))  # "s u i c i d e"
    dangers = [*avoid, *danger_spans(seeker)]
    avoided = merged([*dangers, *spelled, *_warned(seeker)])
    danger = _Danger(merged(dangers), Negated(crisis_scan(seeker)[1]), merged(look_alikes(seeker)))
    found = _clause_of(seeker, feelings, avoided, FIRST_PERSON, danger)
    if found is None and FIRST_PERSON.search(seeker) is None and _FIRST_PLURAL.search(seeker):
        found = _clause_of(seeker, feelings, avoided, _FIRST_PLURAL, danger)
    return found


class _Danger(NamedTuple):
    """The words of danger a clause after them may carry on
    (:mod:`carelens.analysis.openings_carry_on`): the spans of the crisis cues and danger words,
    merged, and the crisis words the seeker negates ("I'm not suicidal"), which are none; and
    the words that only look like a warning sign, merged
    (:func:`~carelens.analysis.openings_danger.look_alikes`: "I finally figured out how to do
    it!"), whose clause comes after one of the seeker's own subject that holds none."""

    spans: tuple[list[int], list[int]]
    negated: Negated
    alike: tuple[list[int], list[int]]


#: A content warning in brackets ("(tw: self harm)", "[cw: abuse]", "(trigger warning)").
_WARNING = re.compile(
    r"[(\[]\s*(?:tw|cw|trigger\s+warning|content\s+warning)\b[^()\[\]\n]*[)\]]",
    re.IGNORECASE,
)


def _warned(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` that hold a content warning in brackets (:data:`_WARNING`:
    "I'm so lonely (tw: mentions of self harm) and I relapsed last night"): what it warns of
    lies around it, so no clause of theirs is offered."""
    if _WARNING.search(text) is None:
        return []
    return [span for span in sentences(text) if _WARNING.search(text, *span)]


def _clause_of(
    seeker: str,
    feelings: Sequence[Feeling],
    avoid: tuple[list[int], list[int]],
    person: re.Pattern[str],
    danger: _Danger,
) -> str | None:
    """:func:`find_clause` for clauses with a word of ``person`` (first person, or plural).

    Each sentence is read as if on its own. Its feeling words read the same in the whole text: a
    sentence ends in ".", "!" or "?" or at a line break, each of which ends a clause and a negation,
    so nothing is read across it. Only a web address is looked for in the sentence's part alone of
    the run of text a feeling word is in ("I'm sad.Reddit.com" keeps "sad").

    A part of a sentence too short to offer ("I'm sad", "I was", "Ugh I'm sad" once trimmed) runs on
    over the comma-separated parts after it that have no subject of the seeker's own ("I'm sad,
    angry, scared and lonely all at once"); interjections, chat words and emoji at either end are
    left out (:func:`~carelens.analysis.openings_trim.trim`), and so is a part in another language
    than English before or after an English clause ("Mi mamá no me entiende and I feel so alone"
    offers "I feel so alone").

    No clause is offered that carries on words of ``danger`` before it, nor from a sentence
    that opens with a connective right after one with such words
    (:mod:`carelens.analysis.openings_carry_on`: "I want to commit suicide so bad. And I think
    I just might pretty soon."). A part followed by "but" and a clause of
    the seeker's own runs on over it (:func:`~carelens.analysis.openings_parts.but_after`: "I
    told everyone I'm okay with the divorce but I'm not" is never offered without "but I'm
    not"); the clause after "but" is offered alone where it can stand alone
    (:func:`~carelens.analysis.openings_parts.stands_alone`) and has a feeling of the seeker's
    the part before it lacks ("I nearly died laughing at work today but honestly I still feel
    lonely" offers "I still feel lonely"), or the two are too long to offer whole, and the last
    part of a sentence before one that opens with "But" and a clause of theirs is never
    offered (:func:`~carelens.analysis.openings_parts.own_but`: "I smile at work all day. But I
    cry the whole drive home."); a clause after "but" is not offered where it leaves its verb
    out ("But I have to be.")."""
    starts = [feeling.match.start() for feeling in feelings]
    in_address: dict[tuple[int, int], bool] = {}  # each piece of an address run searched once
    # (preference, order, start, end, and the start and end with a short part beside it)
    candidates: list[tuple[int, int, int, int, int, int, int]] = []
    expressed_at: list[int] = []  # where the seeker's own feeling words are, in order
    runs = personal_runs(seeker)
    addressee: bool | None = None  # whether the seeker writes to someone as "you", once read
    marks = list_marks(seeker)  # a list's marks: "1)", "a)"
    leads, framed = list_leads(seeker)  # their lead-ins, and the items framed as a saying
    pairs = bracket_pairs(seeker)  # brackets that close: "(10, 12)"
    # a line of a Markdown block quote, as the unsafe-reply patterns read one (">" and a
    # space, ">" and a letter, ">" alone; not an emoticon: ">:("): someone else's words
    quoted_lines = [line.span() for line in BLOCK_QUOTE_LINE.finditer(seeker)]
    previous: tuple[int, int] | None = None  # the last sentence with a word
    own_before = False  # whether a sentence before tells of danger that may be the seeker's
    spans = sentences(seeker)
    for number, (offset, stop) in enumerate(spans):
        sentence = seeker[offset:stop]
        # "I smile at work all day. But I cry the whole drive home.": the last part of this
        # sentence is never offered alone
        but_next = number + 1 < len(spans) and own_but(seeker, *spans[number + 1], runs)
        but_first = own_but(seeker, offset, stop, runs)  # "But I have to be."
        # whose danger the sentence before tells, if any: none is carried on here
        theirs = (
            None
            if previous is None
            else danger_before(seeker, danger.spans, danger.negated, *previous)
        )
        own_before = own_before or theirs is False
        if WORD.search(sentence) is not None:
            previous = (offset, stop)
        if theirs is not None and opens_with_connective(seeker, offset, stop):
            continue  # "I want to commit suicide so bad. And I think I just might pretty soon."
        if not person.search(sentence):
            continue
        if any(first <= offset < last for first, last in quoted_lines):
            continue  # "> I know exactly how you feel": someone else's words, quoted
        if states_verdict(sentence):
            continue  # "It's my fault she died, I should have called": nor its reasons
        expressed: list[int] = []  # where the feeling words are in the sentence, in order
        denied: list[int] = []
        for feeling in feelings[bisect_left(starts, offset) : bisect_left(starts, stop)]:
            if feeling.address is not None:
                piece = (max(feeling.address[0], offset), min(feeling.address[1], stop))
                if piece not in in_address:
                    in_address[piece] = ADDRESS.search(seeker, *piece) is not None
                if in_address[piece]:
                    continue  # not theirs
            if feeling.use == "theirs":
                expressed.append(feeling.match.start() - offset)
            elif feeling.use == "denied":
                denied.append(feeling.match.start() - offset)
        expressed_at.extend(offset + at for at in expressed)
        parts = whole_parts(sentence, offset, runs, marks, pairs)
        for k, (start, end) in enumerate(parts):
            # short as offered: without its interjections ("Lol I'm sad, angry and lonely")
            bare = trim(seeker, offset + start, offset + end, runs)
            shown = seeker[bare[0] : bare[1]] if bare else seeker[offset + start : offset + end]
            last = k  # the last part the clause runs over
            if len(shown.split()) < 3:
                # "I'm sad, angry, scared and lonely": the list after a short part is its own
                j = k
                while (
                    j + 1 < len(parts)
                    and seeker[offset + parts[j][1] : offset + parts[j + 1][0]].strip() == ","
                ):
                    if OWN_SUBJECT.search(
                        seeker[offset + parts[j + 1][0] : offset + parts[j + 1][1]]
                    ):
                        # a list of people that ends with the seeker: "Mom, Dad and I fought"
                        if addressee is None:
                            addressee = addresses_someone(seeker)
                        listed = seeker[offset + start : offset + parts[j + 1][1]]
                        if listed_with_seeker(listed, addressee):
                            j += 1
                        break
                    j += 1
                end = parts[j][1]
                last = j
            # a part after "but" alone: "But I have to be.", "... but I really do"
            only_after_but = (but_first and k == 0) or joined_by_but(seeker, offset, parts, k)
            # never the part before "but" and a clause of the seeker's alone: with it ("I told
            # everyone I'm okay with the divorce but I'm not"), or the clause after it alone
            # where it has a feeling of theirs the part lacks, or both are too long to offer
            joined: bool | None = False  # None: the clause after "but" is offered alone
            denial_end = end  # a feeling denied after "but" is no denial of the clause's
            while (
                person.search(seeker, offset + start, offset + end) is not None
                and (after_but := but_after(seeker, offset, parts, last, runs)) is not None
            ):
                if (
                    _felt(expressed, *parts[after_but])
                    and not _felt(expressed, start, end)
                    and stands_alone(
                        seeker, offset + parts[after_but][0], offset + parts[after_but][1], runs
                    )
                ):
                    joined = None  # "... but honestly I still feel lonely"
                    break
                last, joined = after_but, True
                end = parts[last][1]
            if joined is None:
                continue
            if joined and adds_to_before(seeker, offset + start, offset + end):
                # "I'm not sad but I'm not happy either": the denial is part of what is said
                denial_end = start
            if joined and too_long(seeker, offset + start, offset + end, runs, expressed_at):
                if not stands_alone(seeker, offset + parts[last][0], offset + parts[last][1], runs):
                    continue
                start, only_after_but, denial_end = parts[last][0], True, end
            after: int | None = None  # where the seeker's own clause after danger starts
            if overlaps(avoid, offset + start, offset + end):
                # the seeker's feeling before the connective of someone else's danger: "I feel
                # lost since she took her own life" offers "I feel lost"
                cut = before_danger(seeker, avoid, offset + start, offset + end)
                if cut is not None and bisect_left(expressed, start) < bisect_left(
                    expressed, cut - offset
                ):
                    end = cut - offset
                # the seeker's own clause after the danger may still be offered: "told me to
                # kys and I feel worthless" offers "I feel worthless"
                elif (after := after_danger(seeker, avoid, offset + start, offset + end)) is None:
                    continue
                else:
                    start = after - offset
            trimmed = trim(seeker, offset + start, offset + end, runs)
            if trimmed is None:
                continue
            if only_after_but and needs_before(seeker, *trimmed):
                continue  # "I don't want to be alone. But I have to be.", "... but I spent it"
            # whose danger before the clause it must not carry on, if any: "I want to die and
            # I think I just might pretty soon"
            here = danger_before(seeker, danger.spans, danger.negated, offset, trimmed[0])
            own = own_before or here is False
            if (own or here or theirs) and carries_on(seeker, *trimmed, own=own):
                continue
            part = seeker[trimmed[0] : trimmed[1]]
            # a short feeling of theirs right after someone else's danger: "my daughter has
            # been starving herself and I'm terrified"
            short = len(part.split()) < 3 and not (
                after is not None
                and here
                and not own
                and _felt(expressed, trimmed[0] - offset, trimmed[1] - offset)
            )
            if not person.search(part) or short or _QUESTION.match(part):
                continue
            if mark_between(marks, offset + start, trimmed[0]) and not item_subject(part):
                # a list's item with no subject of its own ("a) quit my job", "3) my kids
                # and I feel overwhelmed", "2) make friends and I failed"): the seeker's own
                # clause after it, if any
                after = own_clause_after(seeker, *trimmed)
                if after is None:
                    continue
                trimmed = (after, trimmed[1])
                part = seeker[after : trimmed[1]]
            if opens_imperative(part) or subordinate_only(part) or hedge_alone(part):
                continue
            if says_what_was_meant(part):
                continue  # "the move I mean": what the part before it meant
            if states_verdict(part):
                continue  # "It's my fault she left": no "It sounds like it's your fault…"
            if closes_unopened(seeker, *trimmed, marks):
                continue
            if leads_to_list(seeker, trimmed[1], leads) or any(
                first <= trimmed[0] < last for first, last in framed
            ):
                # a list's lead-in alone ("My mom keeps telling me to 1) ..."), or its items
                # framed as someone's words or a thought ("My mom says 1) I'm useless")
                continue
            if bisect_left(expressed, start) < bisect_left(expressed, end):
                preference = 0
            elif bisect_left(denied, start) < bisect_left(denied, min(end, denial_end)):
                continue  # "I'm not sad"; not "I left my job but I don't regret it"
            else:
                preference = 1 if expressed else 2
            if but_next and not seeker[trimmed[1] : offset + len(sentence)].strip(" \t,.!?\u2026"):
                continue  # "I told everyone I'm fine. But I'm not."
            if _APOLOGY.search(part):
                preference = 3  # "My english is not good sorry": any clause of theirs first
            around = _with_short_parts(sentence, parts, k, last, offset, trimmed)
            # a clause of the seeker's own subject before one that only looks like a warning
            # sign: "I finally figured out how to do it! ... I'm so proud" offers "I'm so proud"
            alike = bool(danger.alike[0]) and (
                overlaps(danger.alike, *trimmed) or not OWN_SUBJECT.match(seeker, trimmed[0])
            )
            candidates.append((preference, alike, len(candidates), *trimmed, *around))
    for _, _, _, start, end, first, stop in sorted(candidates):
        clause = clip_clause(seeker, start, end, expressed_at, runs)
        _, doubt, turned = turn_clause(clause)
        if doubt and (after := _after_address(seeker, start, end)) is not None:
            # the seeker's own clause after words addressed to someone: "You're the only one I
            # can talk to and I feel so alone" offers "I feel so alone"
            start = after
            clause = clip_clause(seeker, start, end, expressed_at, runs)
            _, doubt, turned = turn_clause(clause)
        # A clause with a word in doubt is not offered, nor one whose first-person words are
        # all no pronoun ("World War I was brutal", "example.com/my-story is down"), nor one
        # whose "you" is addressed to whom a part beside it names ("..., Dad").
        if not turned or doubt:
            continue
        if addressee is None and (first, stop) != (start, end):
            addressee = addresses_someone(seeker)  # read only where a part beside it is
        if not _named_beside(seeker, start, end, first, stop, bool(addressee)):
            return clause
    return None


def _felt(expressed: Sequence[int], start: int, end: int) -> bool:
    """Whether one of the seeker's own feeling words (``expressed``, where they start, in
    order) lies in ``start``-``end``."""
    return bisect_left(expressed, start) < bisect_left(expressed, end)


#: How many words a part beside a clause may have to be read with it for whom the seeker
#: addresses ("Mom, I feel like you never listen", "I feel like you can't win, Dad").
_SHORT_PART = 2


def _with_short_parts(
    sentence: str,
    parts: Sequence[tuple[int, int]],
    k: int,
    last: int,
    offset: int,
    span: tuple[int, int],
) -> tuple[int, int]:
    """The clause at ``span`` (in the text whose ``sentence``, at ``offset``, has the
    :func:`~carelens.analysis.openings_parts.whole_parts` ``parts``; the clause comes from
    ``parts[k]`` to ``parts[last]``) widened over the part before it and the part after it
    where that part has at most :data:`_SHORT_PART` words: a vocative cut off by its comma
    ("Mom,", ", Dad") is read with the clause (:func:`_named_beside`)."""
    first, stop = span
    if k > 0 and len(WORD.findall(sentence, *parts[k - 1])) <= _SHORT_PART:
        first = min(first, offset + parts[k - 1][0])
    if last + 1 < len(parts) and len(WORD.findall(sentence, *parts[last + 1])) <= _SHORT_PART:
        stop = max(stop, offset + parts[last + 1][1])
    return first, stop


def _named_beside(
    text: str, start: int, end: int, first: int, stop: int, addressee: bool = False
) -> bool:
    """Whether the clause ``text[start:end]`` holds a second-person word addressed to someone
    once read with the short parts beside it, ``text[first:stop]``
    (:func:`carelens.analysis.addressees.addressed`): "I feel like you can't win, Dad" names whom
    its "you" is, which "I feel like you can't win" alone may read as anyone's; with
    ``addressee`` (the seeker writes to someone as "you"), kin first in a list of people may
    be whom: "Mom and I are okay" of "Dad, Mom and I are okay. We miss you"."""
    if (first, stop) == (start, end):
        return False
    return any(start <= first + at < end for at, _ in addressed(text[first:stop], addressee))


#: Where the seeker's own clause may start after words they addressed to someone: a
#: conjunction, "that" too ("I just need you guys to know that I feel so alone").
_CONJUNCTION_OR_THAT = re.compile(r"[\s,]+(?:and|but|so|because|that)\s+", re.IGNORECASE)


def _after_address(text: str, start: int, end: int) -> int | None:
    """Where a clause of the seeker's own starts in ``text[start:end]`` after the last of their
    words addressed to someone (:func:`carelens.analysis.addressees.addressed`: "You're the only
    one I can talk to and I feel so alone"): after a conjunction (:data:`_CONJUNCTION_OR_THAT`)
    followed by a subject of theirs (:data:`~carelens.analysis.openings_words.OWN_SUBJECT`) and
    three words or more; None when there is none."""
    spans = addressed(text[start:end])
    if not spans:
        return None
    for found in _CONJUNCTION_OR_THAT.finditer(text, start + spans[-1][1], end):
        if OWN_SUBJECT.match(text, found.end(), end) and len(text[found.end() : end].split()) >= 3:
            return found.end()
    return None

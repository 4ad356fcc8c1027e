"""The suggested opening of a reflection, built on a clause of the seeker's own: the public
entry (:func:`seeker_clause`, :func:`suggested_opening`, :func:`reflection_opening`) and the
opening's wording.

A suggested opening only turns the seeker's own clause to the second person
(:mod:`carelens.analysis.pronouns`): nothing is added but the subject of a clause whose "I" the
seeker left out ("had to put my cat down" -> "you had to put your cat down", "Tired of my job" ->
"you're tired of your job", "Was so scared" -> "you were so scared", "Been so low" -> "you've been
so low", "Officially withdrew from my degree" -> "you officially withdrew from your degree":
:mod:`carelens.analysis.openings_heads` reads past-tense verbs and adverbs in "-ly"). A first word
that names no one is lower-cased ("people at school laugh at you", "losing your dad was the worst",
"neuro says you should stop running": :func:`~carelens.analysis.openings_heads.lower_start`); a name
keeps its capital; emoji inside the clause are left out of the opening, and so is an "it seems like"
at its start before a clause of its own, which "It sounds like" says again ("It seems like yesterday
that my dad died" keeps it), and a "then" at its start that goes on from the sentence before ("Then
my mom got sick").

Which clause is offered is read by seven modules, one job each:
:mod:`carelens.analysis.openings_clauses` picks it (the seeker's own first-person statement, one
with a feeling of their own first, never one cut off before a "but" of theirs, from the sentence
parts of :mod:`carelens.analysis.openings_parts`), :mod:`carelens.analysis.openings_verdicts`
keeps it off a verdict the seeker passes on themselves as fact ("It's my fault she left", which
"It sounds like it's your fault she left…" would state as the helper's own),
:mod:`carelens.analysis.openings_danger` off words of danger (warning signs no crisis cue
reads too: :mod:`carelens.analysis.openings_warning_signs`, "it should have been me", unless
they tell of an everyday thing: :mod:`carelens.analysis.openings_everyday_signs`; and words of
danger read past a "nothing but": :mod:`carelens.analysis.openings_excepts`),
:mod:`carelens.analysis.openings_carry_on` off a clause that carries such words on ("I want to
commit suicide so bad. And I think I just might pretty soon."),
:mod:`carelens.analysis.openings_trim` takes off its ends what does not belong to it (fillers,
emoji, emoticons, a part in another language, brackets around it),
:mod:`carelens.analysis.openings_clipping` clips a long one, and
:mod:`carelens.analysis.openings_hedges` tells a hedge that is only a filler from one that keeps
the seeker's doubt ("I think my husband is cheating on me" -> "It sounds like you think your
husband is cheating on you…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.addressees import listed_with_seeker
from carelens.analysis.feeling_words import FEELING_WORDS
from carelens.analysis.feelings import Feeling, read_feelings
from carelens.analysis.openings_clauses import find_clause
from carelens.analysis.openings_emoji import without_emoji
from carelens.analysis.openings_heads import lower_start, ly_adverb, past_verb
from carelens.analysis.openings_hedges import seeming_end, trailing_hedge
from carelens.analysis.pronouns import ADVERBS, second_person
from carelens.analysis.words import DROPPED_I_VERBS, WORD, plain

#: A "then" at a clause's start that goes on from the sentence before ("Then my mom got
#: sick", "And then I lost my job"): "It sounds like then ..." reads as no reflection.
_THEN = re.compile(r"(?:and\s+|so\s+)?then\b[\s,]*", re.IGNORECASE)
#: Seen in an opening that starts with the verb of a clause whose "I" the seeker left out,
#: beside :data:`carelens.analysis.words.DROPPED_I_VERBS` ("Just lost my job" -> "you
#: lost your job", "Cried all night and I ..."), and the "you" each form of "be" takes there.
_DROPPED_SUBJECT_VERBS = DROPPED_I_VERBS | frozenset([
    "lost", "cried", "cry", "hurt", "wish", "hope", "worry", "can", "could", "couldn't",
    "won't", "wouldn't", "would", "will", "should", "might", "must", "barely", "hardly",
    "keep", "lose", "dont",
])  # fmt: skip
_BE_SUBJECT = {"am": "you", "was": "you", "wasn't": "you", "been": "you've"}
#: Verbs of :data:`_DROPPED_SUBJECT_VERBS` that are also first names: capitalised before "and
#: I" or "and me" (:data:`_WITH_SEEKER`) they name someone ("Will and I broke up").
_NAME_VERBS = frozenset(["will", "hope"])
_WITH_SEEKER = (["and", "i"], ["and", "me"])
#: "-ing" words that end so and are no verb: no "you're" before them ("Nothing helps").
_NOT_ING = frozenset([
    "nothing", "something", "anything", "everything", "thing", "things", "morning", "evening",
    "wedding", "building", "ceiling", "king", "ring", "spring", "sibling", "darling",
    "during", "feelings", "meeting", "ending", "beginning", "bring", "sing", "swing", "sting",
])  # fmt: skip
#: Words after an "-ing" verb that opens a clause: its object or particle ("Losing my dad",
#: "Moving out"), which a name is not followed by.
_GERUND_AFTER = frozenset([
    "my", "our", "the", "a", "an", "him", "her", "them", "me", "us", "it", "this", "that",
    "everything", "everyone", "people", "out", "up", "away", "back", "through", "over",
])  # fmt: skip
#: Verbs that make a clause's opening "-ing" word its subject ("Losing my dad was the
#: hardest thing"), so no "you're" goes before it.
_FINITE = frozenset([
    "is", "was", "has", "makes", "made", "feels", "felt", "seems", "hurts", "sucks", "isn't",
    "wasn't", "doesn't", "didn't", "helps", "helped", "takes", "took", "gets", "got", "can",
    "will", "would", "keeps", "kept", "brings", "brought",
])  # fmt: skip
#: Feeling words that are nouns ("Failure as a dad"): no "you're" before them.
_FEELING_NOUNS = frozenset(["burden", "failure", "shame", "regret", "grief", "pain"])
#: After a feeling word that opens a clause, these make it the adjective of a left-out "I'm"
#: ("Tired of my job", "Lost since my divorce", not "Lost my job").
_AFTER_FEELING = frozenset([
    "of", "and", "or", "but", "since", "because", "about", "with", "at", "by", "after", "from",
    "to", "that", "today", "tonight", "lately", "again", "all", "right", "now", "for", "as",
    "in", "when", "these", "this", "every", "af", "beyond",
])  # fmt: skip


def seeker_clause(seeker: str) -> str | None:
    """The seeker's first short first-person clause that carries a feeling of their own they
    express (as in :func:`carelens.analysis.feelings.seeker_feelings`), or else the first
    first-person clause (one in a sentence with such a feeling first), never one that only
    denies a feeling ("I'm not sad") nor one with a word whose turning is in doubt
    (:func:`carelens.analysis.pronouns.turn_clause`: "World War I", "I have ME"); None when
    there is none (:func:`~carelens.analysis.openings_clauses.find_clause`)."""
    return find_clause(seeker, read_feelings(seeker))


def reflection_opening(clause: str) -> str:
    """The opening a reflection of the seeker's ``clause`` could start with: "It sounds like" and
    the clause in the second person (:func:`second_person`), with "you" put before a clause that
    starts with its verb because the seeker left out the "I" ("had to put my cat down" -> "It sounds
    like you had to put your cat down…"); emoji inside the clause are left out
    (:func:`~carelens.analysis.openings_emoji.without_emoji`: "I feel 😭 so alone" -> "you feel so
    alone"), the quote of the clause keeps them. A hedge the clause ends with opens the
    opening (:func:`~carelens.analysis.openings_hedges.trailing_hedge`: "my mom doesn't care
    about me I guess" -> "It sounds like you guess your mom doesn't care about you…"), an "it
    seems like" it starts with is left out (:func:`~carelens.analysis.openings_hedges.seeming_end`:
    "It seems like nobody cares about me" -> "It sounds like nobody cares about you…"), and so
    is a "then" that goes on from the sentence before (:data:`_THEN`: "Then my mom got sick"
    -> "It sounds like your mom got sick…")."""
    clause = without_emoji(clause)
    hedged = trailing_hedge(clause)
    if hedged is not None:
        before, hedge = hedged
        opening = reflection_opening(before).removeprefix("It sounds like ")
        return f"It sounds like {second_person(hedge)} {opening}"
    seeming = seeming_end(clause)
    if seeming is not None:  # "It seems like nobody cares about me"
        return reflection_opening(clause[seeming:])
    then = _THEN.match(clause)
    if then is not None and len(WORD.findall(clause, then.end())) >= 3:
        return reflection_opening(clause[then.end() :])  # "Then my mom got sick"
    turned = second_person(clause).removesuffix("…")
    words = list(WORD.finditer(clause))
    if not words or words[0].start() != 0:
        return f"It sounds like {turned}…"
    k = 0  # the head: the first word after any adverbs ("Really miss my mom")
    while k + 1 < len(words) and _adverb(plain(words[k].group(0))):
        k += 1
    head = plain(words[k].group(0))
    if listed_with_seeker(clause):
        # a name first in a list of people is no verb ("Will, Amber and I started a band")
        # and keeps its capital ("Joy, Amber and I")
        name = words[0].group(0)
        if turned.startswith(name.lower()):
            turned = name + turned[len(name) :]
        return f"It sounds like {turned}…"
    rest = [plain(word.group(0)) for word in words[k + 1 :]]
    if head in _NAME_VERBS and words[k].group(0)[0].isupper() and rest[:2] in _WITH_SEEKER:
        rest, head = [], ""  # a name, no verb: "Will and I broke up"
    subject = _left_out_subject(head, rest)
    first = WORD.match(turned)
    # a verb or a feeling now, no name ("you're failing"), or an "-ing" subject
    if (
        first is not None
        and first.group(0)[1:] == first.group(0)[1:].lower()
        and (subject is not None or _gerund_subject(words))
    ):
        turned = first.group(0).lower() + turned[first.end() :]
    turned = lower_start(turned)  # "Neuro says ...", "Obviously you have no one"
    if subject is not None:
        if head in ("was", "wasn't"):  # "Was so scared" -> "you were so scared"
            at = list(WORD.finditer(turned))[k]
            turned = turned[: at.start()] + head.replace("was", "were") + turned[at.end() :]
        turned = f"{subject} {turned}"
    return f"It sounds like {turned}…"


def _adverb(word: str) -> bool:
    """Whether ``word`` (lower-cased) is an adverb that may stand before the verb of a clause
    whose "I" the seeker left out (:data:`~carelens.analysis.pronouns.ADVERBS`: "Really miss
    my mom"; :func:`~carelens.analysis.openings_heads.ly_adverb`: "Officially withdrew from
    my degree")."""
    return word in ADVERBS or ly_adverb(word)


def _gerund_subject(words: Sequence[re.Match[str]]) -> bool:
    """Whether the clause of ``words`` starts with an "-ing" verb that is its subject, with
    its object or particle after it ("Losing my dad was the worst", "Moving out was hard"):
    no name, so the opening writes it in lower case (:data:`_GERUND_AFTER`)."""
    head = plain(words[0].group(0))
    return (
        len(words) > 1
        and head.endswith("ing")
        and len(head) > 4
        and head not in _NOT_ING
        and plain(words[1].group(0)) in _GERUND_AFTER
    )


def _left_out_subject(head: str, rest: Sequence[str]) -> str | None:
    """The subject to put before a clause whose "I" the seeker left out, given its first word
    after any adverbs (``head``) and the words after it (``rest``, lower-cased): "you're"
    before a feeling ("Tired of my job") or an "-ing" verb ("Feeling so lost", not "Losing my
    dad was hard"), "you" before a verb ("Lost my job", "Am so tired" (turned "are")),
    "you've" before "been"; None for any other clause."""
    if head in _BE_SUBJECT:
        return _BE_SUBJECT[head]
    if head.endswith("ing") and len(head) > 4 and head not in _NOT_ING:
        return None if _FINITE.intersection(rest) else "you're"
    after = rest[0] if rest else ""
    feeling = head in FEELING_WORDS and head not in _FEELING_NOUNS
    if feeling and (not after or after in _AFTER_FEELING):
        return "you're"  # "Lost since my divorce"
    if head in _DROPPED_SUBJECT_VERBS or (not feeling and past_verb(head, after)):
        return "you"  # "Lost my job", "Gave up my weekend", "Cleaned my bedroom"
    return "you're" if feeling else None


def suggested_opening(
    seeker: str, feelings: Sequence[Feeling], avoid: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The feedback's words for an opening on the seeker's clause
    (:func:`~carelens.analysis.openings_clauses.find_clause`, given their feeling words and the
    spans to ``avoid``): 'they wrote "…" — a reflection could start: "It sounds like …"'; None when
    no clause is offered."""
    clause = find_clause(seeker, feelings, avoid)
    if clause is None:
        return None
    return f'they wrote "{clause}" — a reflection could start: "{reflection_opening(clause)}"'

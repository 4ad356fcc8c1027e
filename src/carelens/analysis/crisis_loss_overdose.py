"""A death by overdose that the seeker tells of: someone they lost, not someone at risk now.

An overdose of someone else is a crisis cue of a living person's risk ("my brother overdosed
last night and is in the ICU"), but one that killed them is a loss, which
:mod:`carelens.analysis.crisis_loss` reads beside a death by suicide, so that the crisis
feedback acknowledges it and asks how the seeker is coping rather than whether the one who
died is safe now. A death by overdose is told in its words (:data:`OD_DEATH`: "my best friend
died of an overdose", "he passed from a fentanyl overdose", "a fatal overdose", "his overdose
death", "the overdose killed her"; :data:`OD_LOSS`: "lost my son to an overdose"), or by what
came of an overdose told, read with :class:`~carelens.analysis.crisis_loss_persons.Persons`
(:func:`overdose_deaths`): a death of the same person in its sentence or the next ("she OD'd
last summer and didn't make it", "My brother overdosed in May. He never woke up.", "he
overdosed and we buried him a week later"; not "my brother overdosed and my dad died"), or
the time since it ("It's been a year since my brother overdosed"), unless the message tells
that person alive ("... and he's still struggling", "... he's in rehab now"). A near miss, a
fear or a condition keeps it a living person's risk ("he almost died of an overdose", "I'm
scared she'll die of an overdose"), and the seeker's own overdose stays theirs ("It's been a
year since I overdosed").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from carelens.analysis.crisis_loss_persons import OWN_PERSON, PRESENT, Identity, Persons

#: An overdose named, maybe with up to two words before it ("a heroin overdose", "an
#: accidental fentanyl overdose", "an OD").
_AN_OVERDOSE = r"(?:(?:a|an|the|his|her|their)\s+)?(?:[\w'-]+\s+){0,2}?(?:overdose|od)s?\b"
#: A death by overdose told with its subject, the person who died: "died of an overdose",
#: "passed from a fentanyl overdose", "died after overdosing", "a fatal overdose", "his
#: overdose death", "death by overdose", "the overdose killed her".
OD_DEATH = re.compile(
    r"\b(?:(?:died|dead|passed(?:\s+away|\s+on)?)\s+(?:of|from|by|after|due\s+to|because\s+of"
    rf"|following|via)\s+(?:{_AN_OVERDOSE}|(?:overdosing|od'?ing)\b)"
    r"|(?<![\w-])fatal(?:ly)?\s+(?:[\w'-]+\s+){0,2}?(?:overdoses?|overdosed|ods?)\b"
    r"|(?:overdose|od)\s+deaths?\b"
    rf"|death\s+(?:by|from|of)\s+{_AN_OVERDOSE}"
    r"|(?:overdose|od)\s+(?:killed|took|claimed)\s+(?:him|her|them|(?:his|her|their)\s+li(?:fe|ves))"
    r"\b)",
    re.IGNORECASE,
)
#: A death by overdose told by the one who lost them: "lost my son to an overdose", "we lost
#: him to a fentanyl overdose".
OD_LOSS = re.compile(rf"\blost\s+(?:[\w']+\s+){{1,4}}?to\s+{_AN_OVERDOSE}", re.IGNORECASE)
#: Someone's overdose told: "overdosed", "OD'd", "ODed" (not the name "Oded"), or whose it
#: was ("his overdose", "my brother's overdose").
_OVERDOSE_TOLD = re.compile(
    r"\b(?:overdosed|od'd|od'ed|od-ed|(?!Oded\b)oded)\b"
    r"|\b(?:his|her|their|[\w]+'s)\s+(?:[\w-]+\s+)?(?:overdose|od)\b",
    re.IGNORECASE,
)
#: A death that comes of it, in the sentence of the overdose or the next: "didn't make it",
#: "never woke up", "died", "passed away", "his funeral", "found her dead", "we buried him"
#: (not "passed out").
_DIED = re.compile(
    r"\b(?:(?:didn't|didnt|did\s+not|couldn't|couldnt|could\s+not)\s+(?:make\s+it|survive"
    r"|wake\s+(?:back\s+)?up|come\s+home|pull\s+through|recover)"
    r"|never\s+(?:made\s+it|woke\s+(?:back\s+)?up|came\s+home|pulled\s+through|recovered)"
    r"|died|passed\s+away|(?:was\s+)?pronounced\s+dead"
    r"|(?:is|was|he's|she's|they're)\s+(?:dead|gone(?=\s*(?:$|[.!?,;:\n]|now\b|forever\b)))"
    r"|found\s+(?:him|her|them)\s+dead|buried\s+(?:him|her|them)"
    r"|(?:his|her|their)\s+(?:funeral|death|passing|wake|memorial))\b",
    re.IGNORECASE,
)
#: Before an overdose told in its clause, the time since it: "it's been a year since", "two
#: years since", "a few months since", "the anniversary of" (not "I've been a mess since").
_TIME_SINCE = re.compile(
    r"(?:\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|few|couple|of"
    r"|several|whole|full|over|almost|nearly|about|exactly|only|just|so|many)\s+)*(?:days?"
    r"|weeks?|months?|years?|yrs?|decades?|while)\s+since|\banniversary\s+of)"
    r"\s+(?:(?:my|our|his|her|their|the)\s+)?(?:[\w'-]+\s+){0,2}?\Z",
    re.IGNORECASE,
)
#: What tells that the one who overdosed lives: a survival, a recovery, a relapse feared.
_ALIVE = re.compile(
    r"\b(?:surviv\w*|alive|recover\w*|rehab|sober|clean|icu|hospital\w*|woke\s+up|narcan"
    r"|naloxone|revived|resuscitated|again|relapse\w*|(?<!didn't\s)(?<!didnt\s)made\s+it)\b",
    re.IGNORECASE,
)
#: How far after an overdose told since a time the words that tell its person alive are read.
_ALIVE_REACH = 400
_SENTENCE_END = re.compile(r"[.!?\n\u2026]+")


def tells_an_overdose(text: str) -> bool:
    """Whether ``text`` tells someone's overdose (:func:`overdose_deaths` reads only such)."""
    return _OVERDOSE_TOLD.search(text) is not None


def overdose_deaths(
    text: str, persons: Persons, not_a_death: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Where ``text`` tells that someone else died of an overdose told first (see the module):
    from the overdose to the death that came of it in its sentence or the next, told of the
    same person (a pronoun that names them, or no one: "and didn't make it"), or the overdose
    told after the time since it ("since my brother overdosed"), where no later clause tells
    that person in the present and nothing tells them alive (:data:`_ALIVE`). ``persons``
    reads ``text``; ``not_a_death`` says whether a near miss, a fear or a condition comes
    before a place in its clause ("almost died")."""
    found: list[tuple[int, int]] = []
    for told in _OVERDOSE_TOLD.finditer(text):
        start, end = told.span()
        who = persons.subject(start, end)
        if who is None or who == OWN_PERSON or not_a_death(start):
            continue
        clause = persons.start(start)
        since = _TIME_SINCE.search(text, clause, start)
        if since is not None and not _lives_on(text, persons, who, end):
            found.append((since.start(), end))
            continue
        if (died := _died_after(text, persons, who, end, not_a_death)) is not None:
            found.append((start, died))
    return found


def _died_after(
    text: str, persons: Persons, who: Identity, end: int, not_a_death: Callable[[int], bool]
) -> int | None:
    """Where the death told of ``who`` after their overdose (ending at ``end``) ends, in its
    sentence or the next; None where none is told."""
    reach = end
    for _ in range(2):  # the end of this sentence, then of the next
        stop = _SENTENCE_END.search(text, reach)
        reach = len(text) if stop is None else stop.end()
    for died in _DIED.finditer(text, end, reach):
        if not_a_death(died.start()):
            continue
        nearest = persons.nearest(persons.start(died.start()), died.end())
        if nearest is None and persons.start(died.start(), sentence=True) <= end:
            return died.end()  # no one named: "and didn't make it"
        if nearest is not None and nearest[1] == who:
            return died.end()
        if nearest is not None and nearest[1] != OWN_PERSON:
            return None  # another person's death: "and my dad died"
    return None


def _lives_on(text: str, persons: Persons, who: Identity, end: int) -> bool:
    """Whether the message tells ``who`` alive after their overdose (ending at ``end``), within
    :data:`_ALIVE_REACH` characters: a word of :data:`_ALIVE`, or a later clause of theirs in
    the present ("and he's still struggling")."""
    reach = min(len(text), end + _ALIVE_REACH)
    if _ALIVE.search(text, end, reach) is not None:
        return True
    at = end
    while at < reach:
        stop = persons.clause_end(at)
        if PRESENT.intersection(persons.words(at, stop)):
            nearest = persons.nearest(at, stop, own=False)
            if nearest is not None and nearest[1] == who:
                return True
        at = stop
    return False

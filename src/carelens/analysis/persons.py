"""Whom a word names: the writer, someone else, or no one in particular.

:func:`person` reads one word of a text cut by :data:`carelens.analysis.words.TOKEN`: the
writer ("I", "me", "my life", "we"; in the seeker's message the seeker, in a reply the
helper), someone else ("she", "my mom", "our landlord", "Sarah") or no one in particular
("it", "everything", "your life"). A capitalised word is someone's name inside a sentence,
or at its start before "is", "was", "seems"... ("Mike is lonely"), unless it is one of
:data:`NEVER_NAMES` ("I'm So lonely", "This Christmas is lonely"). It is read back from a
feeling word for whose the feeling is (:mod:`carelens.analysis.feelings`) and from a
report's verb for whose words a quotation gives (:mod:`carelens.analysis.reported_speech`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from carelens.analysis.feeling_words import FEELING_WORDS, LINKING, NEGATION_SKIP, VERB_ADVERBS
from carelens.analysis.words import COMMON_WORDS, SENTENCE_END

#: Whose a feeling or some words are: the writer's ("seeker": in a reply, the helper's),
#: someone else's, or no one's in particular ("it's lonely").
Holder = Literal["seeker", "other", "no one"]
#: The writer, alone or with others ("we"), and someone else: the words that name them.
_SEEKER_WORDS = frozenset([
    "i", "i'm", "im", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "we", "we're",
    "we've", "we'd", "us", "our", "ourselves",
])  # fmt: skip
_OTHER_WORDS = frozenset([
    "he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "he's",
    "she's", "they're", "he'd", "she'd", "they'd", "he'll", "she'll", "they'll", "they've",
    "himself", "herself", "themselves",
])  # fmt: skip
#: Someone else, after "my", "our" or "the" too; a team is someone else as well, so that
#: "lost" after it is what happened to it, not the seeker's feeling ("my team lost",
#: "@our_team lost").
_PERSON_NOUNS = frozenset([
    "mom", "mum", "mother", "mommy", "dad", "father", "daddy", "parent", "parents", "brother",
    "sister", "sibling", "siblings", "son", "daughter", "kid", "kids", "child", "children",
    "baby", "husband", "wife", "partner", "spouse", "boyfriend", "girlfriend", "bf", "gf",
    "fiance", "fiancé", "fiancee", "fiancée", "friend", "friends", "bestie", "family",
    "grandma", "grandpa", "grandmother", "grandfather", "aunt", "uncle", "cousin", "niece",
    "nephew", "boss", "coworker", "coworkers", "colleague", "colleagues", "teacher", "ex",
    "roommate", "neighbor", "neighbour", "dog", "cat", "pet", "people", "guy", "girl", "man",
    "woman", "everyone", "everybody", "sponsor", "therapist", "counselor", "counsellor",
    "doctor", "nurse", "manager", "pastor", "team", "teams", "teammate", "teammates",
    "classmate", "classmates", "club",
])  # fmt: skip
#: A subject that is no one else: the feeling counts ("everything is hopeless", "it's lonely",
#: "when you lose a parent you feel empty").
_NEUTRAL_SUBJECTS = frozenset([
    "it", "it's", "its", "this", "that's", "there", "there's", "everything", "you", "you're",
    "you've", "your",
])  # fmt: skip
#: Capitalised mid-sentence, these are still no person ("This Christmas is so lonely"); the
#: months that are also names (April, May, June, August) are left out.
_NOT_NAMES = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "july", "september", "october", "november", "december", "christmas",
    "easter", "thanksgiving", "halloween", "covid",
])  # fmt: skip
#: After a capitalised word that starts a sentence, these make it a name ("Mike is lonely").
_NAME_VERBS = frozenset([
    "is", "was", "gets", "got", "feels", "felt", "seems", "seemed", "becomes", "became", "has",
])  # fmt: skip
#: Capitalised, these are no name: common words, feeling words, days, months and holidays,
#: linking words, adverbs and intensifiers.
NEVER_NAMES = COMMON_WORDS | FEELING_WORDS | _NOT_NAMES | LINKING | VERB_ADVERBS | NEGATION_SKIP


def _is_name(tokens: Sequence[re.Match[str]], words: Sequence[str], j: int) -> bool:
    """Whether the word at ``j`` is a name: capitalised, not a common word, an intensifier, a
    feeling word or a day, month or holiday ("I'm So lonely", "This Christmas is lonely"),
    and inside a sentence or, at its start, followed by "is", "was", "seems"... ("Mike is
    lonely"; "Nights are lonely" is no name)."""
    text = tokens[j].group(0)
    if len(text) < 2 or not text[0].isupper() or text[1:] != text[1:].lower():
        return False
    if words[j] in NEVER_NAMES:
        return False
    if j > 0 and words[j - 1] not in SENTENCE_END:
        return True
    return j + 1 < len(words) and words[j + 1] in _NAME_VERBS


def person(tokens: Sequence[re.Match[str]], words: Sequence[str], j: int) -> Holder | None:
    """Whom the word at ``j`` names: the seeker ("I", "me", "my life"), someone else ("she",
    "my mom", "Sarah"), no one ("it", "everything") or, for any other word, None. ``words``
    are the ``tokens`` made :func:`~carelens.analysis.words.plain`."""
    word = words[j]
    if word in ("my", "our", "your"):
        # "my best friend", "your sponsor" are someone else; "my life", "my heart" are the
        # seeker's, "your life" no one's in particular.
        ahead = words[j + 1 : j + 3]
        if any(w.removesuffix("'s") in _PERSON_NOUNS for w in ahead):
            return "other"
        return "no one" if word == "your" else "seeker"
    if word in _SEEKER_WORDS:
        return "seeker"
    if word in _OTHER_WORDS or word.removesuffix("'s") in _PERSON_NOUNS:
        return "other"
    if word in _NEUTRAL_SUBJECTS:
        return "no one"
    return "other" if _is_name(tokens, words, j) else None

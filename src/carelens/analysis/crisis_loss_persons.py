"""Whom the words of a message that tells a loss name, as one person in two places.

:class:`Persons` reads a seeker message as the crisis patterns read it (folded, unmasked: the
text :mod:`carelens.analysis.crisis_loss` reads) back from a place for the nearest word that
names a person: the seeker ("I", "my", "me"), or someone else as an :data:`Identity`, so that
the person of a crisis cue can be compared with the one whose death is told. A noun is a
person with the word before it in its clause ("my sister", "my other sister" and "her sister"
are three; "friends" is "friend", "son's" is "son"); a name is one too: a capitalised word
that is no common word, day or month ("in May"), inside its sentence or before a verb in the
past ("Sarah tried"). A pronoun names the nearest person before it that it can name, within
:data:`_PRONOUN_REACH` words ("she" a sister, a friend or Sarah, not a brother), or where
there is none, whoever it names: ("", "she"). Persons told apart this way may be one ("my
little brother", then "my brother"); two persons are never read as one unless their words
agree, so a living person is not taken for the one who died. What a clause tells of its
person in the present ("she is", "he still") holds the words of :data:`PRESENT`, and what
tells the past in "-ed" does not (:data:`NOT_PAST`). :func:`may_name` says whether a pronoun
may name a person ("him" no mother).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from carelens.analysis.persons import NEVER_NAMES

#: Whom a person word names: a noun or a name with the word before it in its clause ("my",
#: "sister"), or a pronoun that names no one before it ("", "she").
Identity = tuple[str, str]
#: The seeker ("I", "my", "me").
OWN_PERSON: Identity = ("", "i")

#: What ends a clause, and what ends a sentence.
CLAUSE_END = re.compile(r"[.!?;:,()\n\u2026]")
_SENTENCE_END = re.compile(r"[.!?\n\u2026]")
WORDS = re.compile(r"[\w']+")
#: How many words back a pronoun's person is looked for: a long message costs what its
#: cues' neighbourhoods cost.
_PRONOUN_REACH = 60

_OWN = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself", "mine"])
#: The pronouns that name someone else, with whom they may name: a man ("m"), a woman ("f"),
#: or either or several ("x").
_PRONOUNS = {
    **dict.fromkeys(["he", "him", "his", "himself", "he's", "he'd", "he'll"], "m"),
    **dict.fromkeys(["she", "her", "hers", "herself", "she's", "she'd", "she'll"], "f"),
    **dict.fromkeys(
        ["they", "them", "their", "theirs", "themselves", "themself", "they're", "they'd",
         "they'll", "they've"], "x",
    ),
}  # fmt: skip
_GENDERED = {"m": "he", "f": "she", "x": "they"}
#: The nouns that name a person, with whom they name (as :data:`_PRONOUNS`).
_NOUNS = {
    **dict.fromkeys(
        ["son", "boy", "dad", "daddy", "father", "brother", "husband", "boyfriend", "bf",
         "fiance", "uncle", "nephew", "grandpa", "grandfather", "stepdad", "stepbrother", "man",
         "guy"], "m",
    ),
    **dict.fromkeys(
        ["daughter", "girl", "mom", "mum", "mommy", "mother", "sister", "wife", "girlfriend",
         "gf", "fiancee", "aunt", "niece", "grandma", "grandmother", "stepmom", "stepsister",
         "woman"], "f",
    ),
    **dict.fromkeys(
        ["kid", "child", "teen", "teenager", "baby", "parent", "sibling", "partner", "spouse",
         "friend", "bestie", "roommate", "cousin", "student", "classmate", "coworker",
         "colleague", "twin", "ex"], "x",
    ),
}  # fmt: skip
#: Months that are names too, and the words before them that make them a month ("in May").
_MONTH_NAMES = frozenset(["april", "may", "june", "august"])
_BEFORE_A_MONTH = frozenset([
    "in", "on", "since", "until", "till", "by", "of", "from", "last", "this", "next", "early",
    "late", "mid", "through", "during",
])  # fmt: skip
#: After a capitalised word that starts a sentence, these make it a name ("Jake was"), and
#: so does a verb in "-ed" ("Sarah tried") other than these.
_NAME_VERBS = frozenset(["is", "was", "has", "had", "did", "got", "felt", "took", "kept"])
#: Words of a clause that tell it in the present or the future: a living person's risk ("she
#: is suicidal", "he has tried", "now she wants to die", "he keeps cutting").
PRESENT = frozenset([
    "is", "are", "am", "i'm", "im", "he's", "she's", "they're", "has", "have", "does", "do",
    "keeps", "wants", "says", "tries", "talks", "thinks", "threatens", "cuts", "harms",
    "hurts", "plans", "needs", "feels", "seems", "texts", "tells", "writes", "posts", "goes",
    "now", "currently", "still", "today", "tonight", "will", "gonna", "going", "can",
    "can't", "may", "might",
])  # fmt: skip
NOT_PAST = frozenset([
    "need", "feed", "seed", "speed", "bleed", "breed", "indeed", "proceed", "succeed", "exceed",
    "embed", "shed", "greed", "deed", "heed", "weed", "scared", "worried", "tired",
])  # fmt: skip


def may_name(pronoun: str, person: Identity) -> bool:
    """Whether ``pronoun`` ("him", "her", "them") may name ``person``, by whom each may name
    (a man, a woman, or either: "my mom" is no "him", "my friend" and "Sarah" may be "her")."""
    said = _PRONOUNS.get(pronoun.lower(), "x")
    named = _NOUNS.get(person[1]) or _PRONOUNS.get(person[1], "x")
    return "x" in (said, named) or said == named


class Persons:
    """Whom the words of ``text`` name (see the module); offsets are ``text``'s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words = list(WORDS.finditer(text))
        self._word_ends = [word.end() for word in self._words]

    @cached_property
    def _clause_ends(self) -> list[int]:
        return [found.end() for found in CLAUSE_END.finditer(self.text)]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [found.end() for found in _SENTENCE_END.finditer(self.text)]

    def start(self, at: int, *, sentence: bool = False) -> int:
        """Where the clause (or the ``sentence``) holding ``at`` starts."""
        ends = self._sentence_ends if sentence else self._clause_ends
        k = bisect_right(ends, at) - 1
        return ends[k] if k >= 0 else 0

    def clause_end(self, at: int) -> int:
        """Where the clause holding ``at`` ends (after its mark; the text's end for the last)."""
        k = bisect_right(self._clause_ends, at)
        return self._clause_ends[k] if k < len(self._clause_ends) else len(self.text)

    def words(self, begins: int, end: int) -> list[str]:
        """The words, lower case, that end after ``begins`` and by ``end``."""
        low = bisect_left(self._word_ends, begins + 1)
        return [
            word.group(0).lower() for word in self._words[low : bisect_right(self._word_ends, end)]
        ]

    def back(self, at: int, count: int) -> int:
        """Where the ``count``-th word that ends by ``at``, read back from it, starts (the
        text's start where there are fewer; ``at`` for none)."""
        if count <= 0:
            return at
        k = bisect_right(self._word_ends, at) - count
        return self._words[k].start() if k >= 0 else 0

    def nearest(self, begins: int, at: int, *, own: bool = True) -> tuple[int, Identity] | None:
        """The nearest word that names a person, read back from ``at`` to ``begins`` (the
        seeker's words skipped unless ``own``: "My sister texted me"), as where it starts and
        whom it names (:data:`OWN_PERSON` for the seeker); None where none does."""
        k = bisect_right(self._word_ends, at) - 1
        while k >= 0 and self._words[k].start() >= begins:
            if (person := self._person(k, own=own)) is not None:
                return self._words[k].start(), person
            k -= 1
        return None

    def subject(self, start: int, end: int) -> Identity | None:
        """Whom the words ``start``-``end`` tell of: the last person word in them ("lost my
        dad to suicide", "killed himself", "his suicide"), or one of the two words right
        before them in their clause ("my sister died by suicide", "she just died by
        suicide"), not the seeker; None where none is named so."""
        k = bisect_right(self._word_ends, end) - 1
        clause = self.start(start)
        before = 2
        while k >= 0 and self._words[k].start() >= clause:
            if self._words[k].start() < start:
                if before == 0:
                    return None
                before -= 1
            if (person := self._person(k, own=False)) is not None:
                return person
            k -= 1
        return None

    def _person(self, k: int, *, own: bool) -> Identity | None:
        """Whom the word at ``k`` names: the seeker (:data:`OWN_PERSON`, where ``own``),
        someone else, or None for any other word."""
        word = self._words[k].group(0).lower()
        if word in _OWN:
            return OWN_PERSON if own else None
        if (gender := _PRONOUNS.get(word)) is not None:
            return self._named(k, gender)
        noun = self._noun(k)
        return None if noun is None else self._identity(k, noun)

    def _named(self, k: int, gender: str) -> Identity:
        """Whom the pronoun at ``k`` of ``gender`` names (see the module)."""
        for j in range(k - 1, max(-1, k - 1 - _PRONOUN_REACH), -1):
            noun = self._noun(j)
            if noun is not None and _NOUNS.get(noun, "x") in (gender, "x"):
                return self._identity(j, noun)
        return "", _GENDERED[gender]

    def _noun(self, k: int) -> str | None:
        """The noun the word at ``k`` is ("sister", "friends" as "friend", "son's" as "son";
        a name as itself), or None."""
        word = self._words[k].group(0).lower().removesuffix("'s")
        if word in _NOUNS:
            return word
        if word.endswith("s") and word[:-1] in _NOUNS:
            return word[:-1]
        return word if self._is_name(k) else None

    def _identity(self, k: int, noun: str) -> Identity:
        """Whom the noun at ``k`` names: with the word before it in its clause."""
        if k == 0:
            return "", noun
        before = self._words[k - 1]
        if CLAUSE_END.search(self.text, before.end(), self._words[k].start()):
            return "", noun
        return before.group(0).lower(), noun

    def _is_name(self, k: int) -> bool:
        """Whether the word at ``k`` is a name (see the module)."""
        word = self._words[k].group(0)
        if len(word) < 2 or not word[0].isupper() or word[1:] != word[1:].lower():
            return False
        lower = word.lower()
        if lower in NEVER_NAMES or lower in _OWN or lower in _PRONOUNS:
            return False
        before = self._words[k - 1] if k > 0 else None
        if lower in _MONTH_NAMES and before and before.group(0).lower() in _BEFORE_A_MONTH:
            return False  # "in May", "since April"
        if before is not None and self.start(self._words[k].start(), sentence=True) <= (
            before.start()
        ):
            return True
        after = self._words[k + 1].group(0).lower() if k + 1 < len(self._words) else ""
        return after in _NAME_VERBS or (after.endswith("ed") and after not in NOT_PAST)

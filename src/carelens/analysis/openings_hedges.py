"""The hedges at the ends of a clause offered for a suggested opening: which are only fillers,
taken off, and which keep the seeker's doubt, kept.

"I think", "I guess" and "I suppose" before or after a clause often tell the seeker only
believes it: "I think my husband is cheating on me" is no statement that he is, so its opening
keeps the hedge ("It sounds like you think your husband is cheating on you…"), as it keeps "I
suspect", "I feel like", "I'm afraid that", "maybe" and "probably", which no reader takes off.
Before the seeker's own feeling or need, which is theirs to tell, such a hedge only softens it
and is taken off ("I guess I'm just lonely" offers "I'm just lonely", "I think I just need to
vent" offers "I just need to vent": :func:`filler_hedge_end`); not before what they say they are
("I think I'm a failure", "I think I'm depressed": :data:`_JUDGED`), which is a belief to keep.
A hedge kept at a clause's end ("my mom doesn't care about me I guess") opens the suggested
opening, turned ("It sounds like you guess your mom doesn't care about you…":
:func:`trailing_hedge`), where it would otherwise read "... about you you guess"; so does an "I
know" there ("Everyone hates me I know" -> "It sounds like you know everyone hates you…"). A
hedge at the end of words with no first-person word of their own is taken off ("One more pain I
guess", "Silly to be sad I know": its "I" alone would make them the seeker's statement). A hedge
before only a subject and an auxiliary ("I think i am"), or after words with no verb ("My life
in a nutshell I guess"), is no clause to offer (:func:`hedge_alone`). "It seems like" at a
clause's start says again what "It sounds like" says, so the opening leaves it out before a
clause with a subject of its own ("It seems like nobody cares about me" -> "It sounds like
nobody cares about you…", not "It sounds like it seems like ...": :func:`seeming_end`); before a
time or a thing the words after it need it, and it stays ("It seems like yesterday that my dad
died", "It seems like forever since I laughed").
"""

from __future__ import annotations

import re

from carelens.analysis.feeling_words import FEELING_WORDS
from carelens.analysis.openings_subordinate import verb_after_opener
from carelens.analysis.openings_words import NOUN_OPENERS, finite_verb
from carelens.analysis.pronouns import ADVERBS, FIRST_PERSON
from carelens.analysis.words import DROPPED_I_VERBS, WORD, plain

#: A hedge that opens a clause, with what separates it from the clause after it.
_LEADING_HEDGE = re.compile(r"i\s+(?:guess|think|suppose)[\s,]+", re.IGNORECASE)
#: A hedge that ends a clause ("... I guess"), with what separates it from the clause before it.
_TRAILING_HEDGE = re.compile(r"[\s,]+(i\s+(?:guess|think|suppose|know))$", re.IGNORECASE)
#: Feeling words that say what the seeker is rather than how they feel ("I think I'm
#: worthless", "I guess I'm a burden", "I think I'm depressed", which may name an illness): a
#: hedge before one keeps the seeker's doubt.
_JUDGED = frozenset([
    "worthless", "useless", "failure", "burden", "inadequate", "weak", "broken", "depressed",
    "invisible", "pain", "grief", "regret", "shame",
])  # fmt: skip
#: Verbs after "I" that tell the seeker's own feeling or need ("I think I need to vent", "I
#: guess I miss him", "I guess I just long for companionship").
_OWN_STATE_VERBS = frozenset([
    "feel", "felt", "need", "needed", "want", "wanted", "wanna", "wish", "miss", "missed",
    "hate", "love", "long", "crave", "yearn",
])  # fmt: skip
#: Last words of an elliptical clause after a hedge ("I think i am", "I guess I do"): an
#: auxiliary, "be" or "not" that needs more after it (:func:`hedge_alone`).
_LEFT_OPEN = frozenset([
    "am", "is", "are", "was", "were", "be", "do", "does", "did", "can", "could", "will",
    "would", "should", "have", "has", "had", "might", "must", "may", "not", "i'm", "im",
    "don't", "dont", "can't", "cant", "won't", "wont",
])  # fmt: skip
#: Words between a form of "be" and a feeling word ("I'm just a bit lonely", "I'm feeling so
#: lost"), beside :data:`carelens.analysis.pronouns.ADVERBS`.
_BEFORE_FEELING = ADVERBS | frozenset([
    "feeling", "a", "bit", "little", "too", "super", "sooo", "soo", "quite", "kind", "sort",
    "of", "getting",
])  # fmt: skip


#: "It seems like" and its kin at a clause's start ("It seems like", "it just seems that",
#: "Seems like", "It seemed as if"), with what separates it from the clause after it.
_SEEMS = re.compile(
    r"(?:it\s+)?(?:(?:just|really|always|kinda|kind\s+of|almost|honestly)\s+)?"
    r"(?:seems|seemed|seem)\s+(?:like|that|as\s+if|as\s+though)[\s,]+",
    re.IGNORECASE,
)


def seeming_end(clause: str) -> int | None:
    """Where ``clause`` goes on after an "it seems like" at its start (:data:`_SEEMS`: "It
    seems like nobody cares about me" -> at "nobody"), which an opening that starts "It sounds
    like" would only say again; None when it opens with none, fewer than two words follow it,
    or they are no clause with a subject of its own (:func:`_own_clause`: "It seems like
    yesterday that my dad died", "It seems like forever since I laughed", "It seems like a
    dream that my husband is gone", whose "it seems like" the words after it need)."""
    found = _SEEMS.match(clause)
    if found is None:
        return None
    words = [plain(word) for word in WORD.findall(clause, found.end(), found.end() + 200)]
    if len(words) < 2 or not _own_clause(words):
        return None
    return found.end()


#: Subjects that open a clause of their own after "it seems like" ("It seems like nobody
#: cares", "Seems like all I do is sleep", "It seems like I can't do anything right").
_SUBJECTS = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "you", "u", "you're", "youre", "you've",
    "he", "he's", "she", "she's", "it", "it's", "its", "we", "we're", "we've", "they",
    "they're", "they've", "there", "there's", "that's", "everyone", "everybody", "nobody",
    "noone", "someone", "somebody", "anyone", "anybody", "nothing", "everything",
    "something", "anything", "people", "all", "none", "whatever", "whenever",
])  # fmt: skip
#: Words that open a time clause before a main one ("it seems like every time i get my life
#: together something goes wrong", "no matter what I do ...").
_TIME_CLAUSE = (["every", "time"], ["each", "time"], ["any", "time"], ["no", "matter"])
#: Verbs that a plural noun phrase may take, beside
#: :func:`~carelens.analysis.openings_words.finite_verb` ("my parents don't care", "my
#: friends ignore me").
_PLURAL_VERBS = frozenset([
    "do", "don't", "dont", "hate", "love", "ignore", "want", "need", "think", "care", "fight",
    "argue", "treat", "expect", "act", "look", "keep", "like", "leave", "get", "go",
])  # fmt: skip


def _own_clause(words: list[str]) -> bool:
    """Whether ``words`` (lower-cased) open a clause with a subject of its own: a pronoun
    (:data:`_SUBJECTS`), a time clause before one (:data:`_TIME_CLAUSE`), or a noun phrase
    before its verb ("my anxiety is getting worse", "my friends ignore me", "no one cares",
    "life is pointless");
    not a time, a thing or a feeling ("yesterday that ...", "forever since ...", "a lifetime
    ago", "only yesterday my mom was ...", "the end of the world")."""
    if words[0] in _SUBJECTS or words[:2] in _TIME_CLAUSE or words[:2] == ["no", "one"]:
        return True
    if words[0] not in ("a", "an") and finite_verb(words[1]):
        return True  # "life is pointless"
    if words[0] in NOUN_OPENERS:
        return verb_after_opener(words, 0) or any(word in _PLURAL_VERBS for word in words[1:3])
    return False


def filler_hedge_end(text: str, start: int, end: int) -> int | None:
    """Where the clause ``text[start:end]`` goes on after a hedge at its start that is only a
    filler ("I guess I'm just lonely", "I think I just need to vent": the seeker's own feeling
    or need, :func:`_own_feeling`); None when it opens with no hedge or with one that keeps
    the seeker's doubt ("I think my husband is cheating on me", "I think I'm a failure")."""
    hedge = _LEADING_HEDGE.match(text, start, end)
    if hedge is None or not _own_feeling(text, hedge.end(), end):
        return None
    return hedge.end()


def filler_hedge_start(text: str, start: int, end: int) -> int | None:
    """Where the clause ``text[start:end]`` ends before a hedge at its end that is only a
    filler: after the seeker's own feeling or need ("I feel so alone I guess":
    :func:`_own_feeling`), or after words with no first-person word of their own
    (:func:`_of_the_seeker`), which the hedge's "I" alone would make the seeker's ("One more
    pain I guess", "Every day I think"); None when it ends with no hedge or with one that
    keeps the seeker's doubt ("my mom doesn't care about me I guess", "Sarah hates me I
    think")."""
    hedge = _TRAILING_HEDGE.search(text, start, end)
    if hedge is None or (
        _of_the_seeker(text, start, hedge.start()) and not _own_feeling(text, start, hedge.start())
    ):
        return None
    return hedge.start()


def trailing_hedge(clause: str) -> tuple[str, str] | None:
    """The ``clause`` without the hedge it ends with, and that hedge ("my mom doesn't care
    about me I guess" -> "my mom doesn't care about me", "I guess"); None when it ends with
    none, or the words before it have no first-person word ("Every day I think": "think" is
    their verb, no hedge)."""
    hedge = _TRAILING_HEDGE.search(clause)
    if hedge is None or not _of_the_seeker(clause, 0, hedge.start()):
        return None
    return clause[: hedge.start()], hedge.group(1)


#: First-person objects, beside :data:`carelens.analysis.pronouns.FIRST_PERSON` ("Sarah hates
#: me I think").
_FIRST_PERSON_OBJECT = re.compile(r"\b(?:me|myself|mine)\b", re.IGNORECASE)


def _of_the_seeker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a first-person word (:data:`FIRST_PERSON`, "me",
    "myself", "mine")."""
    return (
        FIRST_PERSON.search(text, start, end) is not None
        or _FIRST_PERSON_OBJECT.search(text, start, end) is not None
    )


def hedge_alone(clause: str) -> bool:
    """Whether ``clause`` is a hedge before no more than a subject and a word that needs one
    after it (:data:`_LEFT_OPEN`: "I think i am" of "I think i am but is depression just an
    excuse", "I guess I do"), or a hedge kept at its end (:func:`trailing_hedge`) after words
    with no verb ("My life in a nutshell I guess", which would open "It sounds like you guess
    your life in a nutshell…"): no statement of the seeker's to reflect."""
    trailing = trailing_hedge(clause)
    if trailing is not None:
        return not _has_verb([plain(word) for word in WORD.findall(trailing[0])])
    hedge = _LEADING_HEDGE.match(clause)
    if hedge is None:
        return False
    rest = [plain(word) for word in WORD.findall(clause, hedge.end())]
    return len(rest) <= 2 and (not rest or rest[-1] in _LEFT_OPEN)


def _has_verb(words: list[str]) -> bool:
    """Whether ``words`` (lower-cased) hold a subject pronoun (:data:`_SUBJECTS`) or a verb: a
    past form or auxiliary (:func:`~carelens.analysis.openings_words.finite_verb`), a verb a
    clause opens with when its "I" is left out (:data:`~carelens.analysis.words.DROPPED_I_VERBS`,
    "lost"), a plural one (:data:`_PLURAL_VERBS`) or a negated one ("doesnt")."""
    return any(
        word in _SUBJECTS
        or word in _PLURAL_VERBS
        or word in DROPPED_I_VERBS
        or word == "lost"
        or finite_verb(word)
        or _NEGATED.fullmatch(word) is not None
        for word in words
    )


#: A negated auxiliary, its apostrophe maybe left out ("doesn't", "doesnt", "cant").
_NEGATED = re.compile(r"(?:do|does|did|ca|wo|is|was|are|were|have|has|had|[cw]ould|should)n'?t")


def _own_feeling(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with the seeker's own feeling or need: "I'm", "I
    am", "I was" or "I've been" before a feeling word (:data:`FEELING_WORDS`, not one of
    :data:`_JUDGED`; adverbs may come between: "I'm just a bit lonely"), or "I" before a verb
    of :data:`_OWN_STATE_VERBS` ("I just need to vent", "I miss him")."""
    words = [plain(word) for word in WORD.findall(text, start, min(end, start + 200))]
    if not words:
        return False
    if words[0] in ("i'm", "im"):
        k = 1
    elif words[:2] in (["i", "am"], ["i", "was"], ["i've", "been"], ["ive", "been"]):
        k = 2
    elif words[:3] == ["i", "have", "been"]:
        k = 3
    elif words[0] == "i":
        k = 1
        while k < len(words) and words[k] in ADVERBS:
            k += 1
        return k < len(words) and words[k] in _OWN_STATE_VERBS
    else:
        return False
    while k < len(words) and words[k] in _BEFORE_FEELING:
        k += 1
    return k < len(words) and words[k] in FEELING_WORDS and words[k] not in _JUDGED

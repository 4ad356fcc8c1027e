"""Words and patterns that the readers of a suggested opening share: who may be a clause's
subject, where a new clause may start, and which words a clause does not end on.

A subject of the seeker's own (:data:`OWN_SUBJECT`: "I", "I'm", "we") after an English
conjunction (:data:`CONJUNCTION`: "and", "but", "so", "because") starts a clause of theirs after
a part in another language, words of danger or a list's item ("... told me to kys and I feel
worthless"). A noun phrase's opener (:data:`NOUN_OPENERS`: "my", "the") before a verb
(:func:`finite_verb`: "my dad died", "my life has") is a subject of its own after a subordinate
clause or a bracket at a clause's start. A clause is not cut after a word that needs another
after it (:func:`needs_more`: "...and you feel like such…"), and one that ends on "either" is
read with what comes before it (:func:`adds_to_before`), chat words after it too ("... either
tbh").
"""

from __future__ import annotations

import re

from carelens.analysis.words import WORD, plain

#: A subject of the seeker's own: a short clause ("I'm sad", "I was") runs on over the
#: comma-separated parts after it up to the next of these ("I'm sad, angry, scared and
#: lonely", "I was, honestly, so embarrassed"); a clause of theirs starts at one after a part
#: in another language, words of danger or words addressed to someone, and a clipped one may.
OWN_SUBJECT = re.compile(
    r"\b(?:i|i['\u2019](?:m|ve|d|ll)|im|ive|we|we['\u2019](?:re|ve|d|ll))\b", re.IGNORECASE
)
#: An English conjunction that may start a clause: after a part in another language it
#: starts the English clause, and a subject of the seeker's own after it starts theirs.
CONJUNCTION = re.compile(r"[\s,]+(?:and|but|so|because)\s+", re.IGNORECASE)
#: Words that open a noun phrase that may be the subject of a main clause after a
#: subordinate one ("Since I lost my job my life has fallen apart", "When my dad left the
#: house felt empty").
NOUN_OPENERS = frozenset(["my", "our", "the", "his", "her", "their", "this"])
#: Verbs a noun phrase of :data:`NOUN_OPENERS` is the subject of, one or two words after
#: its opener ("my life has", "my whole life is", "my mom stopped"): auxiliaries, common
#: verbs ending in "-s" and past forms (any other word ending in "-ed" too).
_NOUN_VERBS = frozenset([
    "is", "was", "are", "were", "has", "had", "have", "does", "did", "will", "would", "can",
    "could", "should", "might", "must", "isn't", "wasn't", "aren't", "weren't", "hasn't",
    "hadn't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "keeps", "kept",
    "feels", "felt", "seems", "gets", "got", "goes", "went", "comes", "came", "became",
    "becomes", "makes", "made", "sucks", "hurts", "hates", "says", "said", "tells", "told",
    "thinks", "thought", "knows", "knew", "takes", "took", "gave", "gives", "left", "leaves",
    "fell", "falls", "broke", "breaks", "began", "begins", "ran", "means", "meant", "never",
    "always", "barely", "hardly", "cries", "yells", "screams", "ignores", "avoids", "blames",
    "treats", "drinks", "refuses", "cheats",
])  # fmt: skip
#: Words ending in "-ed" that are no past verb after a noun phrase's opener ("my bed").
_NOT_PAST = frozenset(["bed", "red", "need", "speed", "seed", "feed", "shed", "weed", "sacred"])


def finite_verb(word: str) -> bool:
    """Whether ``word`` (lower-cased, :func:`~carelens.analysis.words.plain`) may be the verb
    of a noun phrase before it: one of :data:`_NOUN_VERBS` or another word ending in "-ed"
    ("my dad died"; not "my bed": :data:`_NOT_PAST`)."""
    return word in _NOUN_VERBS or (len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST)


#: A clipped clause does not end on one of these ("...and you feel like such…").
_NOT_LAST = frozenset([
    "a", "an", "the", "and", "or", "but", "so", "such", "very", "really", "too", "of", "to",
    "for", "in", "on", "at", "with", "by", "from", "about", "as", "that", "this", "my", "your",
    "our", "his", "her", "their", "its", "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me",
    "we", "you", "he", "she", "they", "it", "is", "am", "are", "was", "were", "be", "been",
    "being", "feel", "feels", "felt", "feeling", "like", "just", "because", "cause", "if",
    "when", "while", "since", "than", "then", "not", "no", "don't", "can't", "kind", "kinda",
    "sort", "more", "most", "even", "still", "all", "have", "has", "had", "do", "does",
    "did", "will", "would", "can", "could", "should", "into", "over", "after", "before",
    "until", "how", "what", "why", "who", "which", "where", "get", "getting", "got", "im",
    "totally", "completely", "extremely", "pretty", "much", "some", "any", "every", "no",
])  # fmt: skip


def needs_more(token: str) -> bool:
    """Whether a clause cut after ``token`` ends on a word that needs another after it
    (:data:`_NOT_LAST`)."""
    return plain(token.strip(",;:.!?…'\"*_`~")) in _NOT_LAST


#: Last words of a clause that add it to a denial or words of danger before it ("... but I'm
#: not happy either", "... but I don't love it neither").
_ADDED = frozenset(["either", "neither"])
#: Chat words and fillers that may come after such a last word ("... but I'm not okay either
#: tbh", "... but I'm not happy either haha"); emoji are no words.
_AFTER_ADDED = frozenset([
    "tbh", "tbf", "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hahah", "ha", "hehe",
    "honestly", "tho", "though", "ngl", "rn", "fr", "really", "anyway", "anyways", "idk",
    "smh", "xd", "ugh", "man", "dude", "lately", "now", "atm",
])  # fmt: skip


def adds_to_before(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` ends on a word that adds it to what comes before
    it (:data:`_ADDED`: "I'm not sad but I'm not happy either", "I'm not suicidal but I'm not
    okay either"), maybe before chat words or fillers (:data:`_AFTER_ADDED`: "... either tbh",
    "... either lol"), so that it is read with that or not at all."""
    words = [plain(word) for word in WORD.findall(text, start, end)]
    while words and words[-1] in _AFTER_ADDED:
        words.pop()
    return bool(words) and words[-1] in _ADDED

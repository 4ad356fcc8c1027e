"""Whether a clause read after words of danger carries them on, so that no suggested opening
is built on it.

A clause after words of danger (:mod:`carelens.analysis.openings_danger`) may hold none of
them and still go on with what they said: "I want to commit suicide so bad. And I think I
just might pretty soon." would offer "It sounds like you think you just might pretty soon…",
an intent that refers back to the crisis words. Whose the words are is read as the crisis
feedback reads it (:func:`danger_before`; crisis words the seeker negates, "I'm not
suicidal.", are none). No clause is offered from a sentence that opens with a connective
right after a sentence with such words ("And I think I might too"), nor one that carries
them on (:func:`carries_on`): one that ends where its verb is left out ("I think I just
might pretty soon"), refers back to the act ("I want to do it too", "I'm thinking of
finally going through with this", "... till it bleeds and I can't stop"), says the seeker
does not care ("I walked into traffic and I don't care", "I don't even care anymore": said
of the act, not a feeling to say back as such), only sets someone
against it ("I should've been the one who died, not my sister") or is a noun phrase that
names something of it ("I know when I'll do it, the night of my birthday"), in the rest of
their sentence or the next; and anywhere
after words that may be the seeker's own, also one with a word that may stand for them ("I
hope I die soon. I deserve it.", "That's all I have to say"; not the "it" of "I miss her so
much it hurts") or that tells of a plan, an intent or being found ("I want to die. I've been
planning it for weeks.", "I just don't want my mom to be the one who finds me."). A clause of
the seeker's own beside them is still offered ("I want to die. I feel so alone.", "I want to
k*ll myself and I feel so alone", "My uncle shot himself last spring. I can't stop thinking
about him.").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from carelens.analysis.openings_danger import someone_elses
from carelens.analysis.openings_words import NOUN_OPENERS, OWN_SUBJECT, finite_verb
from carelens.analysis.words import WORD, plain

#: Words that refer back to an act told before, whoever's it was ("I want to do it too",
#: "I might do the same", "I tried again", "I think so", "I can't stop"); "too", "either" and
#: "as well" only last, maybe before a filler ("I might too", "I might too though"; not "I'm
#: too scared"), and "stop" only with its object left out (not "I can't stop crying").
_REFERS_BACK = re.compile(
    r"\b(?:(?:too|either|as\s+well)(?=\s*$|\s*[^\w\s]|\s+(?:tbh|lol|haha\w*|honestly|tho"
    r"|though|ngl|lmao|rn)\b)|the\s+same|same\s+thing|again"
    r"|(?:do|does|did|doing|done|try|tries|tried|trying|through\s+with)\s+(?:it|that|this|so)"
    r"|(?:think|guess|hope)\s+so\s*$"
    # "... till it bleeds and I can't stop": stopping the act, its object left out
    r"|(?:can['\u2019]?t|cannot|cant|couldn['\u2019]?t|couldnt|won['\u2019]?t|don['\u2019]?t"
    r"|dont|never|not\s+able\s+to|unable\s+to)\s+(?:(?:just|really|even|seem\s+to)\s+)*"
    r"stop(?:\s+(?:myself|now|anymore))?(?=\s*$|\s*[^\w\s]))\b",
    re.IGNORECASE,
)
#: A part that only sets someone against the danger before it, with no verb of its own ("I
#: should've been the one who died, not my sister", "... instead of my brother"): "It sounds
#: like not your sister…" says nothing of the seeker's.
_SET_AGAINST = re.compile(
    r"\s*(?:(?:and|but)\s+)?(?:not|instead\s+of|rather\s+than)\s+(?:my|his|her|their|our|your"
    r"|the|a|an|that|this|him|them|you|me|us|he|she|they)\b",
    re.IGNORECASE,
)
#: After the seeker's own danger, any "it" but the one of "so much it hurts", and a "that" or
#: "this" that stands alone (last, before a mark, a verb or a word of time or degree), may
#: stand for it ("I'm going to do it", "it's the only way out", "That way I don't drag anyone
#: down", "I can't take another night of this", "this is the day"; not "I miss her so much it
#: hurts", "I know that I need help", "this world").
_POINTS_BACK = re.compile(
    r"(?<!\bso\smuch\s)(?<!\bso\sbad\s)\bit\b|\bit\b(?!\s+hurts?\b)"
    r"|\b(?:that|this)(?:$|(?=[^\w\s]|\s*$|\s+(?:for|since|before|again|anymore|now|soon"
    r"|tonight|today|tomorrow|every|all|a|often|lately|so|much|too|right|way|is|was|will|would"
    r"|could|might|can|has|had|happens|happened|done|day|time|weekend|week|through)\b))",
    re.IGNORECASE,
)
#: After the seeker's own danger, words of a plan or an intent ("I've been planning for
#: weeks", "I'm going to do it tonight", "I wrote a note", "I think I will", "I just need the
#: guts"), and of being found ("I just don't want my mom to be the one who finds me").
_INTENT = re.compile(
    r"\b(?:plan(?:s|ned|ning)?|decided|ready|prepared|tonight|goodbye|note|soon|gonna"
    r"|going\s+to|will|won['\u2019]?t|i['\u2019]ll|method|way\s+out"
    r"|(?:guts|nerve|courage|balls)(?!\s+to\b)"
    r"|(?:finds?|found|finding)\s+(?:me|my\s+body))\b",
    re.IGNORECASE,
)
#: Not caring, said after words of danger ("I walked into traffic and I don't care", "idc",
#: "I couldn't care less", "I don't even care anymore", "I'm not even scared"): said of the
#: act, no feeling to say back as such ("It sounds like you don't care…").
_INDIFFERENT = re.compile(
    r"\b(?:(?:don['\u2019]?t|do\s+not|dont|didn['\u2019]?t|didnt|couldn['\u2019]?t|couldnt"
    r"|could\s+not|won['\u2019]?t|wont)\s+(?:(?:even|really|honestly|actually|rly)\s+)*"
    r"(?:care|mind)|idc|idgaf|couldn['\u2019]?t\s+care\s+less|(?:(?:i['\u2019]?m|im|i\s+am|i\s+was)"
    r"\s+not|i\s+wasn['\u2019]?t|i\s+wasnt)\s+(?:(?:even|really|honestly)\s+)*(?:scared|afraid"
    r"|sorry)|nothing\s+matters|whatever\s+happens)\b",
    re.IGNORECASE,
)
#: After the seeker's own danger, a calm that tells of a decision ("gonna d* it tonight, i
#: feel so calm", "I'm at peace with it"), no feeling to say back as such.
_SETTLED = re.compile(
    r"\b(?:i\s+(?:feel|felt)|i['\u2019]?m|im|i\s+am)\s+(?:feeling\s+)?(?:(?:so|really|very"
    r"|weirdly|strangely|oddly|actually|finally|just|kind\s+of|kinda)\s+)*(?:calm|calmer"
    r"|at\s+peace|peaceful|relieved)\b",
    re.IGNORECASE,
)
#: Last words of a clause whose verb is left out, to be read from the words before it ("I
#: just might", "I think I will", "I'm going to", "I really want to").
_LEFT_OUT_VERB = frozenset([
    "might", "will", "would", "could", "can", "may", "should", "must", "shall", "to", "gonna",
    "wanna", "going", "do", "did", "does", "have", "has", "had", "am", "was", "were", "be",
    "been", "not", "won't", "wont", "wouldn't", "wouldnt", "can't", "cant", "i'll", "ill",
    "i'd", "might've", "would've", "could've", "mightve",
])  # fmt: skip
#: A "do" that is a clause's own verb after "to" or a question word ("I don't know what to
#: do", "I have nothing to do"); "I have to be" leaves its verb out.
_OWN_VERB_AFTER = {"do": frozenset(["to", "what", "how"])}
#: Words before a last "to" whose verb is left out ("I really want to", "I'm going to"); after
#: any other it is a preposition ("no one to reach out to", "nothing to look forward to").
_BEFORE_TO = frozenset([
    "want", "wanted", "wants", "need", "needed", "needs", "have", "has", "had", "going",
    "got", "try", "tried", "trying", "plan", "planned", "planning", "like", "love", "hate",
    "supposed", "able", "used", "ought", "deserve", "mean", "meant", "decided", "afraid",
    "scared", "ready", "wish", "hope", "hoping", "tempted",
])  # fmt: skip
#: Words that may follow a left-out verb at a clause's end ("I just might pretty soon", "I
#: will tonight", "I probably will someday").
_AFTER_LEFT_OUT = frozenset([
    "soon", "pretty", "very", "tonight", "today", "tomorrow", "eventually", "someday", "now",
    "anyway", "anyways", "really", "probably", "honestly", "actually", "seriously", "though",
    "already", "one", "day", "week", "weekend", "lol", "this", "next", "finally", "just",
])  # fmt: skip
#: Words that open a sentence that goes on with the one before it ("And I think I might too").
_CONNECTIVES = frozenset(["and", "so", "but", "or", "then", "plus", "also", "because", "cause"])


def carries_on(text: str, start: int, end: int, own: bool) -> bool:
    """Whether the clause ``text[start:end]``, read after words of danger, goes on with them:
    it ends where its verb is left out (:func:`verb_left_out`: "I think I just might pretty
    soon"), only sets someone against the danger (:data:`_SET_AGAINST`: "not my sister"), is a
    noun phrase that names something of it (:func:`noun_phrase_only`: "the night of my
    birthday"), refers back to the act (:data:`_REFERS_BACK`: "I want to do it too", "I can't
    stop"), says the seeker does not care (:data:`_INDIFFERENT`: "... and I don't care",
    "I'm not even scared"), or, after danger that may be the seeker's ``own``, holds a word
    that may stand for it (:data:`_POINTS_BACK`: "I deserve it", "That way I don't drag
    anyone down"), tells of a plan or an intent (:data:`_INTENT`: "I've been planning for
    weeks", "I just need the guts") or a calm that tells of a decision (:data:`_SETTLED`: "i
    feel so calm")."""
    if verb_left_out(text, start, end) or _SET_AGAINST.match(text, start, end) is not None:
        return True
    if noun_phrase_only(text, start, end):
        return True
    if _REFERS_BACK.search(text, start, end) is not None:
        return True
    if _INDIFFERENT.search(text, start, end) is not None:
        return True  # "I walked into traffic and I don't care"
    return own and (
        _POINTS_BACK.search(text, start, end) is not None
        or _INTENT.search(text, start, end) is not None
        or _SETTLED.search(text, start, end) is not None
    )


#: Openers of a noun phrase (:data:`~carelens.analysis.openings_words.NOUN_OPENERS`, "a",
#: "your"...).
_OPENERS = NOUN_OPENERS | frozenset(["a", "an", "that", "these", "those", "your"])


def noun_phrase_only(text: str, start: int, end: int) -> bool:
    """Whether the part ``text[start:end]`` is a noun phrase with no verb of its own nor a
    subject of the seeker's (:data:`~carelens.analysis.openings_words.OWN_SUBJECT`,
    :func:`~carelens.analysis.openings_words.finite_verb`): after words of danger it names
    something of theirs ("I know when I'll do it, the night of my birthday"), which "It
    sounds like the night of your birthday…" would echo."""
    words = [plain(word) for word in WORD.findall(text, start, end)]
    return (
        bool(words)
        and words[0] in _OPENERS
        and OWN_SUBJECT.search(text, start, end) is None
        and not any(finite_verb(word) or word.endswith("n't") for word in words)
    )


def verb_left_out(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` ends where its verb is left out, to be read from
    the words before it (:data:`_LEFT_OUT_VERB`, maybe before words of time: "I think I just
    might pretty soon", "But I have to be"; not "I don't know what to do")."""
    words = [plain(word) for word in WORD.findall(text, start, end)]
    while words and words[-1] in _AFTER_LEFT_OUT:
        words.pop()
    if not words or words[-1] not in _LEFT_OUT_VERB:
        return False
    before = words[-2] if len(words) > 1 else ""
    if words[-1] == "to":
        return before in _BEFORE_TO
    return before not in _OWN_VERB_AFTER.get(words[-1], ())


def opens_with_connective(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` opens with a word that goes on with the one
    before it (:data:`_CONNECTIVES`: "And I think I might too")."""
    first = WORD.search(text, start, end)
    return first is not None and plain(first.group(0)) in _CONNECTIVES


class Negated:
    """The crisis words the seeker negates ("I'm not suicidal"), as (start, end) ranges, ready
    to say in logarithmic time whether a span lies inside one (:meth:`covers`): a message of
    tens of thousands of them is read in one pass, not each span against every range."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        # the furthest end of the ranges up to each one: a span starting at or after their
        # starts lies inside one of them exactly when it ends before that
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one of the ranges."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


def danger_before(
    text: str,
    spans: tuple[list[int], list[int]],
    negated: Negated,
    start: int,
    end: int,
) -> bool | None:
    """Whose the words of danger in the sentence ``text[start:end]`` are, of the merged
    ``spans`` (:func:`~carelens.analysis.openings_danger.merged`) in it other than those
    inside crisis words the seeker negates (``negated``: "I'm not suicidal"): True where
    every one tells of someone else's act
    (:func:`~carelens.analysis.openings_danger.someone_elses`: "My uncle shot himself"),
    False where one may be the seeker's own ("I want to commit suicide so bad"), None
    where there is none."""
    starts, ends = spans
    theirs: bool | None = None
    for k in range(bisect_right(ends, start), bisect_left(starts, end)):
        first, last = starts[k], ends[k]
        if negated.covers(first, last):
            continue  # "I'm not suicidal"
        if not someone_elses(text, start, first, last):
            return False
        theirs = True
    return theirs

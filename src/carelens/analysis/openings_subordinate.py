"""Whether a clause the seeker opens with a subordinator has a main clause of its own
(:func:`subordinate_only`): "Whatever I do", "When I wake up", "When my mom left" have none,
and "It sounds like whatever you do…" is no reflection; "Whenever I'm sad I eat", "Since I lost
my job my life has fallen apart" have one.

A main clause starts at a subject past the subordinate clause's first word: a pronoun
(:data:`MAIN_SUBJECTS`), "it" or "you" before a verb, or a noun phrase before its verb
(:func:`verb_after_opener`), unless that noun phrase opens a clause inside the subordinate one:
the object of a verb of thought or telling ("When I heard my mom died", "When the doctor told
me my mom had cancer"), a clause a time tells ("Since the day my son was born"), one a question
word opens ("When my son asked me where his grandpa went"), or one about a bare noun object
before it ("When I read the letter my dad left me", "After I saw the photos my ex posted"). A
noun phrase after a bare noun object is still a main clause's subject where the clause after it
leaves no room for that object (:func:`_leaves_no_gap`: "After I lost the baby my husband
stopped touching me": "the baby my husband stopped touching me" would be no noun). In doubt a
clause is read as subordinate alone, and not offered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.openings_words import NOUN_OPENERS, finite_verb
from carelens.analysis.persons import person
from carelens.analysis.pronouns import ADVERBS
from carelens.analysis.words import WORD, plain

#: Words that open a subordinate clause ("Whatever I do", "When I wake up", "Although I have
#: friends"): one with no main clause of its own is no statement to reflect
#: (:func:`subordinate_only`). "because" and "that" are mostly trimmed as fillers before this.
_SUBORDINATORS = frozenset([
    "whatever", "whenever", "wherever", "however", "whoever", "whichever", "because", "if",
    "when", "although", "though", "unless", "while", "whereas", "since", "until", "till",
    "after", "before", "that",
])  # fmt: skip
#: Subjects that start a main clause after a subordinate one ("Whenever I'm sad I eat",
#: "Since my divorce I've been lost", "When it does it hurts").
MAIN_SUBJECTS = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "we", "we're", "we've", "he", "he's", "she",
    "she's", "they", "they're", "they've", "it's", "that's", "there's", "you're", "nothing",
    "nobody", "everything",
])  # fmt: skip
#: After "it" or "you", these make it a subject ("When I'm alone it really digs at me",
#: "it will"); else it may be an object ("Whenever I see it").
_AFTER_SUBJECT = ADVERBS | frozenset([
    "will", "would", "can", "could", "did", "didn't", "didnt", "won't", "wont", "wouldn't",
    "can't", "cant", "might", "may", "must", "should", "had", "feel", "felt",
])  # fmt: skip


def subordinate_only(clause: str) -> bool:
    """Whether ``clause`` opens with a subordinator (:data:`_SUBORDINATORS`, also "even
    though", "even if") and has no main clause after it: no subject of one
    (:data:`MAIN_SUBJECTS`, "it", "you" before a verb or adverb: :data:`_AFTER_SUBJECT`, or
    a noun phrase before its verb: :func:`_noun_subject`) past the subordinate clause's own
    first word, nor right after another subordinator or "that" ("Whatever I do", "When I tell
    my mom that I'm miserable", "When my mom left"; not "Whenever I'm sad I eat", "Although
    my mom loves me I feel alone", "Since I lost my job my life has fallen apart"). "It sounds
    like whatever you do…" is no reflection; in doubt ("However I feel so alone") it is left
    out."""
    words = [plain(word) for word in WORD.findall(clause, 0, 400)]
    k = 1 if words[:1] == ["even"] and words[1:2] in (["though"], ["if"]) else 0
    if len(words) <= k or words[k] not in _SUBORDINATORS:
        return False
    tokens = list(WORD.finditer(clause, 0, 400))
    for j in range(k + 2, len(words)):
        if words[j - 1] in _SUBORDINATORS:
            continue  # "that I'm miserable", "if I'm ok": subordinate again
        after = words[j + 1] if j + 1 < len(words) else ""
        if (
            words[j] in MAIN_SUBJECTS
            or (
                words[j] in ("it", "you", "u")
                and (after in _AFTER_SUBJECT or (after.endswith("s") and not after.endswith("ss")))
            )
            or (_noun_subject(words, j) and not _inside_subordinate(tokens, words, k, j))
        ):
            return False
    return True


#: Verbs whose object may be a clause of its own ("When I heard my mom died", "Since I found
#: out my dad has cancer", "Since I discovered my son was using drugs"): a noun phrase right
#: after one is that clause's subject, not the main clause's.
_CLAUSE_VERBS = frozenset([
    "heard", "hear", "hears", "learned", "learnt", "learn", "learns", "knew", "know", "knows",
    "realized", "realised", "realize", "realise", "realizes", "realises", "thought", "think",
    "thinks", "said", "say", "says", "told", "tell", "tells", "saw", "see", "sees", "noticed",
    "notice", "notices", "felt", "feel", "feels", "believe", "believed", "believes", "found",
    "find", "finds", "wish", "wished", "hope", "hoped", "guess", "guessed", "means", "mean",
    "remember", "remembered", "forget", "forgot", "decided", "whether", "discovered",
    "discover", "discovers", "suspected", "suspect", "understood", "understand", "admitted",
    "admit", "assumed", "assume", "figured", "read", "worried", "feared", "fear", "pretended",
    "imagined", "imagine", "dreamed", "dreamt", "promised", "swore", "claimed", "insisted",
    "announced", "confessed", "explained", "mentioned", "wrote", "posted", "texted", "showed",
    "proved", "accepted", "complained", "screamed", "yelled", "shouted", "whispered",
    "denied", "doubted", "expected", "bet", "confirmed", "warned",
])  # fmt: skip
#: Verbs that tell someone a clause ("When the doctor told me my mom had cancer", "After my
#: boss told me the company was closing", "When I told my mom my grades dropped", "When I
#: explained to my mom my girlfriend was more than a friend"): a noun phrase after one and
#: its object ("me", "my mom", "the kids": :func:`_told_before`) is that clause's subject.
_TELLING = frozenset([
    "told", "tell", "tells", "telling", "showed", "show", "shows", "reminded", "remind",
    "promised", "promise", "warned", "assured", "convinced", "informed", "texted", "messaged",
    "emailed", "wrote", "taught", "asked", "swore", "admitted", "confessed", "explained",
    "said", "says", "mentioned", "mention", "explain", "admit", "confess",
])  # fmt: skip
#: Pronoun objects of a verb of :data:`_TELLING` (a noun phrase is one too: "my mom").
_TOLD_OBJECTS = frozenset(["me", "him", "her", "them", "us", "you", "u", "everyone"])
#: Nouns of a time a clause may tell after "the" ("Since the day my son was born", "the
#: moment my dad left"): a noun phrase right after one is the subject of that clause.
_TIME_NOUNS = frozenset([
    "day", "days", "night", "morning", "evening", "afternoon", "moment", "minute", "second",
    "time", "times", "week", "month", "year", "summer", "winter", "spring", "weekend", "hour",
])  # fmt: skip
#: Words before a noun of :data:`_TIME_NOUNS` whose clause it is ("the day", "every time";
#: not "last summer", which tells no clause: "Since last summer my depression ...").
_TIME_CLAUSE_OPENERS = frozenset(["the", "that", "every", "each", "same", "first", "only"])
#: Verbs that take a clause as their object with "out" after them ("Since I found out my
#: dad has cancer"; not "After I moved out my mom stopped calling").
_OUT_CLAUSE_VERBS = frozenset(["found", "find", "finding", "figured", "figure", "finds"])


def _noun_subject(words: Sequence[str], j: int) -> bool:
    """Whether a noun phrase opens at ``words[j]`` (``j`` > 1:
    :data:`~carelens.analysis.openings_words.NOUN_OPENERS`) and is the subject of the verb one
    or two words after it (:func:`verb_after_opener`: "my life has", "my whole life is", "the
    house felt"), not of a clause a verb before it takes as its object (:data:`_CLAUSE_VERBS`,
    :data:`_OUT_CLAUSE_VERBS`, :data:`_TELLING` and an object: "When I heard my mom died",
    "Since I found out my dad has cancer", "When the doctor told me my mom had cancer", "When I
    told my mom my grades dropped": :func:`_told_before`), of one a time before it tells
    (:data:`_TIME_NOUNS`: "Since the day my son was born") nor of a subordinate clause joined
    to the first by "and" or "or" ("When my mom left and my dad started drinking"). In doubt it
    is none; :func:`_inside_subordinate` reads what stands between too."""
    if words[j] not in NOUN_OPENERS:
        return False
    before = words[j - 1]
    if before in _CLAUSE_VERBS or before in ("and", "or", "nor"):
        return False  # "When I heard my mom died", "When my mom left and my dad started"
    if before == "out" and words[j - 2] in _OUT_CLAUSE_VERBS:
        return False  # "Since I found out my dad has cancer"
    if _told_before(words, j):
        return False  # "When the doctor told me my mom had cancer", "told my mom my grades"
    if before in _TIME_NOUNS and (
        words[j - 2] in _TIME_CLAUSE_OPENERS
        or (words[j - 2] in ("last", "next") and j > 2 and words[j - 3] == "the")
    ):
        return False  # "Since the day my son was born", "the last time my dad hit me"
    return verb_after_opener(words, j)


#: Words that open a clause a verb takes as its object ("When my son asked me where his
#: grandpa went", "When I remember how my dad used to look at me"): a noun phrase after one
#: is that clause's subject.
_QUESTION_WORDS = frozenset([
    "what", "why", "where", "how", "who", "whom", "whose", "which", "whether", "when",
])  # fmt: skip
#: Words that open a bare noun object ("read the letter", "saw the photos", "got a call").
_DETERMINERS = frozenset(["the", "a", "an", "these", "those", "some", "that"])


def _inside_subordinate(
    tokens: Sequence[re.Match[str]], words: Sequence[str], k: int, j: int
) -> bool:
    """Whether the noun phrase at ``words[j]`` may open a clause inside the subordinate one
    that ``words[k]`` opens, not the main clause (``tokens``: the words as found): one a
    question word before it opens (:data:`_QUESTION_WORDS`: "When my son asked me where his
    grandpa went", "When I think about what my ex did"), or one about a bare noun object
    before it (:data:`_DETERMINERS`, not a time, nor after a preposition or "be":
    :data:`_NO_OBJECT_BEFORE`; "When I read the letter my dad left me", "After I saw the
    photos my ex posted", "When I got the news my grandma had passed") where the noun phrase
    names someone else (:func:`person`) or opens with another word than "my" or "our"
    ("When I heard the news my heart broke" reads as a main clause), and the words after it
    may leave room for that object (:func:`_leaves_no_gap`: not "After I lost the baby my
    husband stopped touching me")."""
    if any(word in _QUESTION_WORDS for word in words[k + 1 : j]):
        return True
    for at in range(max(k + 2, j - 3), j):
        if (
            words[at] in _DETERMINERS
            and words[at + 1] not in _TIME_NOUNS
            and words[at - 1] not in _NO_OBJECT_BEFORE
        ):
            if words[j] in ("my", "our") and person(tokens, words, j) != "other":
                return False
            return not _leaves_no_gap(words, at, j)
    return False


#: Nouns that may take a clause of their own with no word missing in it ("the news my
#: grandma had passed", "the way my dad treated me", "the call my dad was in hospital"): a
#: noun phrase after one is read as inside the subordinate clause, whatever follows.
_CLAUSE_NOUNS = frozenset([
    "news", "call", "text", "texts", "message", "messages", "email", "way", "reason", "fact",
    "feeling", "idea", "thought", "rumor", "rumour", "story", "truth", "diagnosis", "result",
    "results", "word", "sense", "impression", "chance", "possibility", "thing", "things",
    "stuff", "part", "place", "kind", "sort", "look", "sign", "signs",
])  # fmt: skip
#: Object pronouns that may end the clause of a noun phrase (":func:`_leaves_no_gap`").
_OBJECT_PRONOUNS = frozenset(["me", "him", "her", "them", "us"])
#: Verbs before a pronoun that may still leave room for a noun before them as their other
#: object ("the letter my dad left me", "the job my dad got me", "the names they called me"),
#: beside those of :data:`_TELLING` and :data:`_CLAUSE_VERBS`.
_TWO_OBJECTS = frozenset([
    "give", "gives", "gave", "given", "giving", "send", "sends", "sent", "sending", "get",
    "gets", "got", "gotten", "getting", "leave", "leaves", "left", "leaving", "buy", "buys",
    "bought", "buying", "make", "makes", "made", "making", "bring", "brings", "brought",
    "bringing", "lend", "lends", "lent", "pay", "pays", "paid", "hand", "hands", "handed",
    "offer", "offers", "offered", "teach", "teaches", "taught", "cook", "cooks", "cooked",
    "find", "finds", "owe", "owes", "owed", "sell", "sells", "sold", "reads", "pass",
    "passed", "throw", "threw", "thrown", "email", "emailed", "mail", "mailed", "call",
    "calls", "called", "calling", "sing", "sang", "sung", "bake", "baked", "build", "built",
    "save", "saved", "cost", "costs", "do", "did", "done", "forgive", "forgave", "keep",
    "kept", "wish", "charge", "charged", "sew", "knit", "draw", "drew",
])  # fmt: skip
#: Prepositions before an object pronoun that may follow a verb with room for the noun
#: before as its object ("the photos my ex posted of me", "the house my dad built for us").
_PREPOSITIONS = frozenset([
    "to", "at", "with", "on", "for", "of", "from", "about", "like", "than", "behind",
    "without", "against", "into", "onto", "toward", "towards", "around", "near", "after",
    "before", "by", "over", "under", "through", "in", "off", "up", "out", "down", "back",
])  # fmt: skip
#: Verbs that take no object, and take a pronoun only after "to", "at", "with" or "on" ("my
#: parents stopped talking to me", "my dad yelled at me"): nothing is left for a noun before.
_NO_OBJECT_VERBS = frozenset([
    "talk", "talks", "talked", "talking", "speak", "speaks", "spoke", "speaking", "yell",
    "yells", "yelled", "yelling", "scream", "screams", "screamed", "screaming", "shout",
    "shouts", "shouted", "shouting", "laugh", "laughs", "laughed", "laughing", "lie", "lies",
    "lied", "lying", "cheat", "cheats", "cheated", "cheating", "listen", "listens",
    "listened", "listening", "snap", "snaps", "snapped", "snapping", "stare", "stares",
    "stared", "staring", "glare", "glared", "glaring",
])  # fmt: skip
#: Forms of "be" and verbs like it, before what their subject is ("my husband became distant").
_BE_FORMS = frozenset([
    "is", "was", "are", "were", "isn't", "wasn't", "aren't", "weren't", "became", "becomes",
    "seems", "seemed",
])  # fmt: skip


def _leaves_no_gap(words: Sequence[str], at: int, j: int) -> bool:
    """Whether the clause of the noun phrase at ``words[j]`` leaves no room for the noun that
    ``words[at]`` opens before it to be its object, so that it cannot be that noun's clause
    ("After I lost the baby my husband stopped touching me": "the baby my husband stopped
    touching me" is no noun; "the photos my ex posted", "the letter my dad left me" are): the
    clause ends with an object pronoun after a verb that takes no other object (not one of
    :data:`_TWO_OBJECTS`, :data:`_TELLING`, :data:`_CLAUSE_VERBS`; "won't touch me", "ignores
    me") or after "to", "at", "with" or "on" and a verb of :data:`_NO_OBJECT_VERBS` ("stopped
    talking to me"), or its verb is "be" (:data:`_BE_FORMS`) before what its subject is ("my
    husband became distant", "was so cold to me"; no participle, no preposition last). Never
    for a noun that may take a whole clause (:data:`_CLAUSE_NOUNS`: "the news my grandma had
    passed away", "the way my dad treated me")."""
    if any(word in _CLAUSE_NOUNS for word in words[at + 1 : j]):
        return False
    verb = next((m for m in (j + 2, j + 3) if m < len(words) and finite_verb(words[m])), None)
    if verb is None:
        return False
    last = len(words) - 1
    if words[last] in _OBJECT_PRONOUNS and last > verb:
        before = words[last - 1]
        if before in ("to", "at", "with", "on"):
            if last - 1 > verb and words[last - 2] in _NO_OBJECT_VERBS:
                return True  # "stopped talking to me"
        elif before not in _PREPOSITIONS and before not in _TWO_OBJECTS | _TELLING | _CLAUSE_VERBS:
            return True  # "stopped touching me"
    if words[verb] not in _BE_FORMS or words[last] in _PREPOSITIONS:
        return False
    what = next((word for word in words[verb + 1 :] if word not in ADVERBS), None)
    return (
        what is not None
        and not what.endswith(("ing", "ed", "en"))
        and what not in _PREPOSITIONS
        and what not in _BE_FORMS
    )


#: Words before a determiner whose noun is no verb's object: prepositions and forms of "be"
#: ("When I was in the hospital my friends didn't visit", "When I was a kid my dad ...").
_NO_OBJECT_BEFORE = frozenset([
    "in", "at", "on", "from", "to", "into", "with", "without", "for", "by", "during", "after",
    "before", "of", "through", "across", "around", "near", "inside", "outside", "under",
    "was", "were", "am", "is", "are", "i'm", "im", "be", "been", "being",
])  # fmt: skip


def _told_before(words: Sequence[str], j: int) -> bool:
    """Whether a verb of :data:`_TELLING` and its object stand right before ``words[j]``,
    maybe with "to" between ("explained to my mom"): a pronoun (:data:`_TOLD_OBJECTS`: "told
    me") or a noun phrase of :data:`~carelens.analysis.openings_words.NOUN_OPENERS` and one or
    two words ("told my mom", "texted my best friend", "told the kids", "warned my friend")."""
    for size in (1, 2, 3):  # "me"; "my mom"; "my best friend"
        at = j - size
        if at < 1:
            return False
        if size == 1 and words[at] not in _TOLD_OBJECTS:
            continue
        if size > 1 and words[at] not in NOUN_OPENERS:
            continue
        verb = at - 1
        if words[verb] == "to" and verb > 0:
            verb -= 1  # "explained to my mom", "said to him"
        if words[verb] in _TELLING:
            return True
    return False


def verb_after_opener(words: Sequence[str], j: int) -> bool:
    """Whether the noun phrase that opens at ``words[j]`` is the subject of the verb one or
    two words after it (:func:`~carelens.analysis.openings_words.finite_verb`: "my life has",
    "my whole life is", "the house felt"; not "my ex my heart")."""
    for m in (j + 2, j + 3):
        if m >= len(words):
            return False
        if finite_verb(words[m]):
            return True
        if words[m] in NOUN_OPENERS:
            return False
    return False

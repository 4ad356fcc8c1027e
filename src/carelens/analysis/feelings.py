"""Feeling words in a text: which a writer has, denies, or gives someone else.

:func:`read_feelings` finds the words of
:data:`~carelens.analysis.feeling_words.FEELING_WORDS` in a message and tells, for each, how
it is used: as the writer's own feeling ("I feel so alone"), as one the writer denies or has
left behind ("I'm not sad, just tired", "I don't feel like I'm depressed", "I'm not someone
who gets depressed", "friends say I'm depressed but I'm not", "I'm far from lonely", "I used
to be depressed but now I'm fine"), or as not theirs: a verb telling what happened ("I lost
my job"), someone else's feeling ("my mom is so lonely", "he was angry", or inside their
words the writer quotes: 'my boss said "you're useless"', read by
:mod:`carelens.analysis.reported_speech`) or part of a name ("Lost Springs", "watching
Lost", "Mr. Stressed"). Whose a feeling is is read back from it to the nearest word that
names someone (:func:`carelens.analysis.persons.person`). These are transparent word rules,
not a parser, and when in doubt a word is left out. :func:`seeker_feelings` gives the
seeker's own; :mod:`carelens.analysis.reply_feelings` reads a reply the same way (its
writer, "I", is the helper) for a feeling it gives the seeker that their message does not
hold.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal, NamedTuple

from carelens.analysis.feeling_words import FEELING_WORDS, LINKING, NEGATION_SKIP, VERB_ADVERBS
from carelens.analysis.persons import Holder, person
from carelens.analysis.reported_speech import reported_quotes
from carelens.analysis.words import ADDRESS, SENTENCE_END, TOKEN, plain

#: Words that negate what follows (as texted too: "dont", "cant"), and any word ending in "n't".
_NEGATORS = frozenset([
    "not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "without", "cannot",
    "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont",
    "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint",
])  # fmt: skip
#: A feeling word up to this many words after a negation is denied ("not really that sad").
_NEGATION_WINDOW = 3
#: Filler not counted either (as :data:`~carelens.analysis.feeling_words.NEGATION_SKIP` is
#: not) while nothing else has come since the negation, so that the
#: negation reaches the feeling: "don't feel like I'm depressed", "not someone who gets
#: depressed", "not the type of person who gets anxious". Once another word is counted these
#: count too ("don't sleep and feel alone" denies nothing).
_NEGATION_FILLER = frozenset([
    "feel", "feels", "feeling", "felt", "like", "i", "i'm", "im", "is", "are", "was", "were",
    "be", "being", "been", "get", "gets", "getting", "got", "become", "becomes", "becoming",
    "someone", "somebody", "person", "one", "type", "kind", "sort", "of", "who", "the", "an",
    "to",
])  # fmt: skip
#: Words that start another clause and so end a negation ("not sad, just tired", "don't know
#: why I'm sad"); "and" does too unless a feeling word follows ("not sad and lonely").
_CLAUSE_WORDS = frozenset([
    "but", "just", "only", "though", "although", "yet", "instead", "rather", "except",
    "because", "cause", "why", "how",
])  # fmt: skip
#: A negation followed by one of these denies nothing ("can't stop feeling sad", "I haven't
#: stopped feeling anxious", "never quit feeling lonely").
_NOT_NEGATING_BEFORE = frozenset(["stop", "stopping", "stopped", "quit", "help"])
#: Feeling words that are also verbs. After a subject ("I lost my job", "I've lost all hope")
#: or before an object ("lost my job", "the news crushed my mom") they tell what happened,
#: not a feeling; done to the seeker ("he hurt me", "it crushed me") the feeling is theirs.
_VERB_FORMS = frozenset([
    "abandoned", "betrayed", "broken", "confused", "crushed", "defeated", "depressed",
    "devastated", "disappointed", "disgusted", "embarrassed", "exhausted", "frustrated",
    "humiliated", "hurt", "isolated", "lost", "overwhelmed", "panicked", "rejected", "scared",
    "stressed", "terrified", "trapped", "upset", "worried",
])  # fmt: skip
#: ... of which these are also a feeling without an object ("I hurt so much", "I panicked").
_FEELING_VERBS = frozenset(["hurt", "panicked", "stressed", "worried"])
#: A verb form right after one of these (adverbs between skipped) is an action.
_SUBJECTS = frozenset([
    "i", "you", "he", "she", "we", "they", "it", "who", "which", "have", "has", "had", "i've",
    "you've", "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd",
])  # fmt: skip
#: Words that start the object of a verb form ("lost my job", "hurt her").
_OBJECT_STARTERS = frozenset([
    "my", "your", "his", "her", "their", "our", "the", "a", "an", "these", "those", "him",
    "them", "us", "everything", "everyone", "everybody", "someone", "somebody", "something",
    "myself", "yourself", "himself", "herself", "themselves", "ourselves",
])  # fmt: skip
#: Words that start the clause a feeling word is in, when reading back for whose it is.
_HOLDER_BREAKS = frozenset([
    "but", "because", "cause", "though", "although", "when", "whenever", "while", "since",
    "after", "before", "if", "unless", "until", "why", "how", "where", "whereas",
])  # fmt: skip
#: After "that", these make it a relative "who" ("a friend that is lonely").
_RELATIVE_VERBS = frozenset([
    "is", "was", "are", "were", "gets", "got", "feels", "felt", "seems", "seemed", "becomes",
    "became",
])  # fmt: skip
#: Skipped when reading back from "who" to the person it is about ("I'm someone who...").
_ANTECEDENT_SKIP = frozenset([
    "someone", "somebody", "person", "people", "one", "the", "a", "an", "kind", "type",
    "sort", "of", "those", "guy", "girl", "man", "woman", ",",
]) | _NEGATORS | NEGATION_SKIP  # fmt: skip
#: The rest of a run of text without spaces.
_NO_SPACE = re.compile(r"\S*")
#: How a feeling word in the seeker's message is used: as a feeling of theirs, as one they
#: deny having, or as not theirs (someone else's, or a verb telling what happened).
_FeelingUse = Literal["theirs", "denied", "not theirs"]


def _address_runs(text: str, tokens: Sequence[re.Match[str]]) -> list[tuple[int, int] | None]:
    """For each of ``tokens`` (words, in order), the start and end of the run of text without
    spaces around it when that run looks like a web address or handle ("reddit.com/r/lonely",
    "r/sad", "@lonely"), else None. Each run is read once, however many words it holds."""
    runs: list[tuple[int, int] | None] = []
    start = end = -1  # the run read last
    address = False  # whether it looks like an address
    for token in tokens:
        if token.start() >= end:  # in another run: find its ends, from the token out
            start = token.start()
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            end = _NO_SPACE.match(text, token.end()).end()  # type: ignore[union-attr]
            address = ADDRESS.search(text, start, end) is not None
        runs.append((start, end) if address else None)
    return runs


def _denied(words: Sequence[str], vocabulary: frozenset[str] = FEELING_WORDS) -> set[int]:
    """Indices of the feeling words in ``words`` that a negation in the same clause denies: up
    to three counted words after it ("not sad", "don't feel lonely", "neither sad nor angry"),
    filler right after it not counted ("don't feel like I'm depressed", "not someone who gets
    depressed"). Punctuation, "but", "just", "why"... and an "and" before anything but a
    feeling word end the clause ("not sad, just tired", "don't know why I feel alone", "can't
    sleep and feel alone"). The feeling words are those of ``vocabulary``."""
    denied: set[int] = set()
    since: int | None = None  # words counted since a negation in this clause
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if not word[0].isalpha():
            # A comma inside a list of feelings keeps the negation: "not sad, lonely or angry".
            if not (
                word == "," and before in vocabulary and (after in vocabulary or after == "or")
            ):
                since = None
        elif word in vocabulary:
            if since is not None:
                denied.add(i)
        elif word in _CLAUSE_WORDS or (word == "and" and after not in vocabulary):
            since = None
        elif (word in _NEGATORS or word.endswith("n't")) and after not in _NOT_NEGATING_BEFORE:
            since = 0
        elif since is not None and word not in NEGATION_SKIP:
            if since == 0 and word in _NEGATION_FILLER:
                continue
            since += 1
            if since >= _NEGATION_WINDOW:
                since = None
    return denied


#: What the seeker says after a feeling someone else gave them, to deny it ("but I'm not",
#: "and I don't agree", "but I know I'm trying my best"; not "but I'm not sure").
_DENIAL = (
    r"(?:i'?m|i\s+am)\s+(?:really\s+|just\s+|actually\s+)?(?:not\b(?!\s+(?:sure|certain|positive"
    r"|convinced))|fine|ok|okay|good|alright|doing\s+(?:fine|ok|okay|well|good))"
    r"|i\s+(?:really\s+)?(?:don't|dont|do\s+not)\s+(?:really\s+)?(?:agree|think\s+so"
    r"|think\s+(?:i\s+am|i'?m)|believe\s+(?:it|that|them|him|her)|feel\s+(?:it|that|like\s+it"
    r"|like\s+i\s+am|like\s+i'?m)|see\s+it|buy\s+it)|i\s+disagree|i\s+know\s+(?:that\s+)?i'?m"
    r"|(?:that|it)(?:'s|\s+is|\s+isn't)\s+(?:not\s+)?true|(?:they|he|she)(?:'re|'s|\s+are"
    r"|\s+is)\s+wrong"
)
#: Feelings the seeker denies or has left behind, read over the text (each group ``f`` holds
#: the words denied): one someone else gives them, denied after ("Friends say I'm depressed
#: but I'm not", "My therapist thinks I'm depressed and I don't agree"); one they are "far
#: from" or "anything but"; one they "stopped feeling" (not after a negation: "I haven't
#: stopped feeling anxious"); and one they "used to" have (:data:`_USED_TO`).
_DISOWNED = re.compile(
    r"\b(?!(?:i|we)\b)[\w']+\s+(?:(?:all|also|always|still|keep|keeps|kept|even|often)\s+)*"
    r"(?:says?|said|saying|thinks?|thought|believes?|believed|assumes?|assumed|claims?|claimed"
    r"|insists?|insisted|(?:calls?|called|tells?|told|telling)\s+me)\s+(?:(?:that|like)\s+)?"
    r"(?P<f>(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+feel|i\s+look|i\s+seem"
    r"|i\s+must\s+be)\b[^.!?\n]{0,80}?)[,;]?\s+(?:but|and|though|although|yet|while)\s+"
    r"(?:honestly\s+|really\s+|actually\s+)?(?:" + _DENIAL + r")"
    r"|\b(?:far\s+from|anything\s+but|nowhere\s+near)\s+(?:(?:so|that|very|really|feeling|being"
    r"|a|an)\s+)*(?P<f2>[\w']+)"
    r"|(?<!n't\s)(?<!not\s)(?<!never\s)\bstopped\s+(?:feeling|being|getting)\b"
    r"(?P<f3>[^.!?\n,;]{0,80}?)(?=[.!?\n,;]|\b(?:but|and)\b|$)",
    re.IGNORECASE,
)
#: A feeling the seeker "used to" have ("I used to be depressed", "I used to feel so hopeless")
#: is left behind when the present is set against it within the sentence or the next
#: (:data:`_NOW`: "... but now I'm fine", "..., now my life is better").
_USED_TO = re.compile(
    r"\bused\s+to\s+(?:be|feel|get)\b(?P<f>[^.!?\n,;]{0,80}?)(?=[.!?\n,;]|\bbut\b|$)",
    re.IGNORECASE,
)
#: The rest of a sentence and the next one, up to 300 characters of each.
_REST = re.compile(r"[^.!?\n]{0,300}(?:[.!?\n]+[^.!?\n]{0,300})?")
_NOW = re.compile(
    r"\b(?:now|nowadays|these\s+days|anymore|any\s+more|no\s+longer|not\s+any\s*more)\b",
    re.IGNORECASE,
)


def _disowned(text: str, tokens: Sequence[re.Match[str]], feeling_at: Sequence[int]) -> set[int]:
    """Those of the feeling words at ``feeling_at`` that the seeker denies or has left behind
    in ways :func:`_denied`, which reads forward from a negation, does not see: someone else's
    word for them denied after it, "far from", "anything but", "stopped feeling" and "used to
    be" with the present set against it (:data:`_DISOWNED`, :data:`_USED_TO`). Each pattern
    reads at most 80 characters past where it starts."""
    if not feeling_at:
        return set()
    straight = text.replace("\u2019", "'")
    ranges: list[tuple[int, int]] = []
    for match in _DISOWNED.finditer(straight):
        group = next(g for g in ("f", "f2", "f3") if match.group(g) is not None)
        ranges.append(match.span(group))
    for match in _USED_TO.finditer(straight):
        # The rest of its sentence and the next one: "I used to feel so hopeless. Now ..."
        stop = _REST.match(straight, match.end()).end()  # type: ignore[union-attr]
        if _NOW.search(straight, match.end(), stop):
            ranges.append(match.span("f"))
    starts = [tokens[i].start() for i in feeling_at]
    disowned: set[int] = set()
    for start, end in ranges:
        for k in range(bisect_left(starts, start), bisect_left(starts, end)):
            disowned.add(feeling_at[k])
    return disowned


def _as_verb(words: Sequence[str], i: int) -> bool | None:
    """For a feeling word that is also a verb: None when it is used as a feeling ("I'm lost",
    "I hurt so much"), else whether the action was done to the seeker ("he hurt me": True;
    "I lost my job", "she rejected him": False)."""
    word = words[i]
    if word not in _VERB_FORMS:
        return None
    after = words[i + 1] if i + 1 < len(words) else ""
    j = i - 1
    while j >= 0 and words[j] in VERB_ADVERBS:
        j -= 1
    before = words[j] if j >= 0 else ""
    if after == "me" and before not in LINKING:
        return True
    if before in LINKING:
        return None
    has_object = after in _OBJECT_STARTERS
    if before in _SUBJECTS and (has_object or word not in _FEELING_VERBS):
        return False
    return False if has_object else None


#: The seeker's own words before a feeling (:func:`_names`): "I'm", "I feel".
_OWN_LINKING = frozenset(["i'm", "im", "am", "feel", "felt", "feeling"])
#: Words that may stand between them and the feeling ("I'm so very Lonely").
_INTENSIFIERS = frozenset([
    "so", "very", "really", "too", "quite", "pretty", "extremely", "super", "utterly",
    "incredibly", "totally", "completely", "just", "still", "kinda",
])  # fmt: skip


def _names(
    tokens: Sequence[re.Match[str]], words: Sequence[str], feeling_at: Sequence[int]
) -> set[int]:
    """Those of the feeling words at ``feeling_at`` that are part of a name, a place or a
    title: capitalised inside a sentence ("Lost Springs", "I live in Broken Arrow", "watching
    Lost", '"Hurt" by Johnny Cash', "Mr. Stressed"). After the seeker's own "I'm", "I feel"
    (intensifiers between) it is still their feeling, written with emphasis ("I'm Lonely, so
    lonely"), and in a sentence written in capitals or title case (no word of four letters or
    more begins in lower case) after any linking word too ("I Feel So Lonely", "Feeling
    Lost"). Read in one pass."""
    names: set[int] = set()
    if not feeling_at:
        return names
    # Whether each sentence (numbered from 0, in order) has a word of four letters or more
    # that begins in lower case.
    lower: list[bool] = [False]
    sentence_of: list[int] = []
    for token, word in zip(tokens, words, strict=True):
        sentence_of.append(len(lower) - 1)
        if word in SENTENCE_END:
            lower.append(False)
        elif len(word) >= 4 and token.group(0)[0].islower():
            lower[-1] = True
    for i in feeling_at:
        text = tokens[i].group(0)
        if len(text) < 2 or not text[0].isupper() or text[1:] != text[1:].lower():
            continue
        before = words[i - 1] if i else "."
        if before in SENTENCE_END:
            continue  # any word starts a sentence with a capital
        if not lower[sentence_of[i]] and before in LINKING:
            continue  # "I Feel So Lonely", "Feeling Lost"
        j = i - 1
        while j > 0 and words[j] in _INTENSIFIERS:
            j -= 1
        if words[j] not in _OWN_LINKING:
            names.add(i)
    return names


def _antecedent(words: Sequence[str], j: int) -> Holder:
    """Whom the relative "who" (or "that") at ``j`` is about: the seeker after "I'm" ("I'm
    someone who gets anxious"), else someone else ("a friend who is lonely")."""
    k = j - 1
    while k >= 0 and words[k] in _ANTECEDENT_SKIP and words[k] != "am":
        k -= 1
    before = words[k] if k >= 0 else ""
    if before in ("i'm", "im", "am") or (before == "was" and k > 0 and words[k - 1] == "i"):
        return "seeker"
    return "other"


#: What a word is when reading back from a feeling word for whose it is (:func:`_holders`).
_Mark = Literal["skip", "break", "and", "who", "person"]


def _mark(
    tokens: Sequence[re.Match[str]],
    words: Sequence[str],
    j: int,
    vocabulary: frozenset[str] = FEELING_WORDS,
) -> tuple[_Mark, Holder | None]:
    """What the word at ``j`` (not the last word) is when reading back for whose a feeling is:
    a word passed over ("skip": a comma or "and" inside a list of feelings, or no person
    word), the start of the clause ("break"), an "and" or "or" that joins two verbs ("and"), a
    relative "who" or "that" with whom it is about ("who"), or a person word with whom it names
    ("person"). The feeling words are those of ``vocabulary``."""
    word = words[j]
    before = words[j - 1] if j else ""
    if word in (",", "and", "or") and before in vocabulary:
        return "skip", None  # a list of feelings: "my mom is sad and lonely"
    if not word[0].isalpha() or word in _HOLDER_BREAKS:
        return "break", None
    if word in ("and", "or"):
        return "and", None
    if word == "who" or (word == "that" and words[j + 1] in _RELATIVE_VERBS):
        return "who", _antecedent(words, j)  # "a friend who is so lonely"
    kind = person(tokens, words, j)
    return ("skip", None) if kind is None else ("person", kind)


def _holders(
    tokens: Sequence[re.Match[str]],
    words: Sequence[str],
    feeling_at: Sequence[int],
    vocabulary: frozenset[str] = FEELING_WORDS,
) -> list[Holder | None]:
    """Whose feeling each feeling word (at the ascending indices ``feeling_at``) is, read back
    from it to the start of its clause: the nearest person word ("my mom is so lonely", "she
    makes me angry"); past an "and" or "or" that joins two verbs, the clause's subject, its
    first person word ("I miss my mom and feel alone"); after a relative "who", whom it is
    about. None when the clause names no one.

    Each word is read at most once: reading back from a feeling word stops at the feeling word
    before it (itself only passed over, :func:`_mark`) and goes on with what was read back from
    there, so a run of feeling words with no break ("sad sad sad ...") costs its length, not
    its length squared."""
    holders: list[Holder | None] = []
    previous = -1
    # What reading back from the previous feeling word gave: its holder, and what reading on
    # past an "and"/"or" gives there: (True, whom) when a "who" decides it, else (False, the
    # clause's first person word or None).
    near: Holder | None = None
    far: tuple[bool, Holder | None] = (False, None)
    for i in feeling_at:
        nearest: tuple[_Mark, Holder | None] | None = None  # the first mark read back from i
        subject: Holder | None = None  # the furthest-back person word read since then
        end: tuple[bool, Holder | None] | None = None
        for j in range(i - 1, previous, -1):
            mark, kind = _mark(tokens, words, j, vocabulary)
            if mark == "skip":
                continue
            if nearest is None:
                # This decides i's holder unless it is an "and"; reading on to the clause
                # start is for what a later feeling word reads back past an "and".
                nearest = (mark, kind)
            if mark == "break":
                end = (False, subject)
                break
            if mark == "who":
                end = (True, kind)
                break
            if mark == "person":
                subject = kind
        if end is None:  # read back to the previous feeling word: go on from there
            end = far if far[0] or far[1] is not None else (False, subject)
        if nearest is None:
            holder = near
        elif nearest[0] == "and":
            holder = end[1]
        else:
            holder = nearest[1]
        holders.append(holder)
        previous, near, far = i, holder, end
    return holders


class Feeling(NamedTuple):
    """A feeling word in the seeker's message: where it is, how it is used (:func:`read_feelings`),
    and the run of text without spaces it is in when that run looks like a web address."""

    match: re.Match[str]
    use: _FeelingUse
    address: tuple[int, int] | None
    #: whose it is, read back from the word (:func:`_holders`): "seeker" is the writer
    #: ("I", "my"), which in a reply is the helper; None when the clause names no one
    holder: Holder | None = None


def read_feelings(text: str, vocabulary: frozenset[str] = FEELING_WORDS) -> list[Feeling]:
    """Feeling words in ``text``, each with how it is used: as the seeker's feeling, as one
    they deny (:func:`_denied`), or as not theirs: a verb telling what happened ("I lost my
    job") or someone else's feeling ("my mom is so lonely", "he was angry"). A feeling word in
    a web address is not theirs either; its run is given, and :func:`own_feelings` and
    :func:`carelens.analysis.feedback.seeker_clause` leave it out. Read once for both, and
    in time linear in the text's length (:func:`_holders`, :func:`_address_runs`): a
    message at the API's limit of 20,000 characters of feeling words ("sad,sad,...") takes
    milliseconds, not minutes. The feeling words are those of ``vocabulary``: a reply is read
    with :data:`~carelens.analysis.feeling_words.AFFECT_WORDS` too
    (:mod:`carelens.analysis.reply_feelings`)."""
    tokens = list(TOKEN.finditer(text))
    words = [token.group(0).lower() for token in tokens]
    if "\u2019" in text:
        words = [plain(word) for word in words]
    feeling_at = [i for i, word in enumerate(words) if word in vocabulary]
    denied = _denied(words, vocabulary) | _disowned(text, tokens, feeling_at)
    holders = _holders(tokens, words, feeling_at, vocabulary)
    addresses = _address_runs(text, [tokens[i] for i in feeling_at])
    names = _names(tokens, words, feeling_at)
    quoted = reported_quotes(text, tokens, words, feeling_at) if feeling_at else []
    opens = [start for start, _ in quoted]
    feelings: list[Feeling] = []
    for i, holder, address in zip(feeling_at, holders, addresses, strict=True):
        at = tokens[i].start()
        k = bisect_left(opens, at) - 1  # the last quotation opened before the word
        if k >= 0 and at < quoted[k][1]:
            holder = "other"  # someone else's words: 'my boss said "you're useless"'
        verb = _as_verb(words, i)
        use: _FeelingUse
        if verb is False or (verb is None and holder == "other") or i in names:
            use = "not theirs"
        else:
            use = "denied" if i in denied else "theirs"
        feelings.append(Feeling(tokens[i], use, address, holder))
    return feelings


def seeker_feelings(seeker: str) -> list[str]:
    """Feeling words the seeker used as their own feeling, in order of first use (their
    spelling), leaving out those they deny ("I'm not sad") and those that are not theirs
    ("I lost my job", "my mom is so lonely", "reddit.com/r/sad")."""
    return own_feelings(read_feelings(seeker))


def own_feelings(feelings: Sequence[Feeling]) -> list[str]:
    """:func:`seeker_feelings` of feelings :func:`read_feelings` read already."""
    seen: dict[str, str] = {}
    for feeling in feelings:
        word = feeling.match.group(0)
        if feeling.use == "theirs" and feeling.address is None and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())

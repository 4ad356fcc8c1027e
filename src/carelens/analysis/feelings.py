"""Feeling words in a text: which a writer has, denies, or gives someone else.

:func:`read_feelings` finds the words of :data:`FEELING_WORDS` in a message and tells, for
each, how it is used: as the writer's own feeling ("I feel so alone"), as one the writer
denies or has left behind ("I'm not sad, just tired", "I don't feel like I'm depressed",
"I'm not someone who gets depressed", "friends say I'm depressed but I'm not", "I'm far from
lonely", "I used to be depressed but now I'm fine"), or as not theirs: a verb telling what
happened ("I lost my job"), someone else's feeling ("my mom is so lonely", "he was angry") or
part of a name ("Lost Springs", "watching Lost", "Mr. Stressed"). These are transparent word
rules, not a parser, and when in doubt a word is left out. :func:`seeker_feelings` gives the
seeker's own; :func:`named_feeling` reads a reply the same way (its writer, "I", is the
helper) for a feeling it gives the seeker that their message does not hold; the helper's own
remark ("That's so sad", "How sad", "What a sad day") gives them none.

:mod:`carelens.analysis.feedback` builds its sentences on these, and on the sentence and
clause splitting that lives here too (:data:`SENTENCE`, :func:`sentence_parts`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal, NamedTuple

from carelens.text import IN_WORD_MARK, LINE_BREAKS, SENTENCE_ENDS

#: Feeling words looked for in the seeker's message (the seeker's own wording is quoted).
FEELING_WORDS: frozenset[str] = frozenset(
    [
        "afraid",
        "alone",
        "angry",
        "anxious",
        "ashamed",
        "betrayed",
        "broken",
        "burden",
        "confused",
        "crushed",
        "defeated",
        "depressed",
        "desperate",
        "devastated",
        "disappointed",
        "disgusted",
        "embarrassed",
        "empty",
        "exhausted",
        "failure",
        "frustrated",
        "guilty",
        "heartbroken",
        "helpless",
        "hopeless",
        "hurt",
        "inadequate",
        "insecure",
        "isolated",
        "jealous",
        "lonely",
        "lost",
        "miserable",
        "nervous",
        "numb",
        "overwhelmed",
        "panicked",
        "panicky",
        "rejected",
        "resentful",
        "sad",
        "scared",
        "shame",
        "ashamed",
        "stressed",
        "stuck",
        "terrified",
        "tired",
        "trapped",
        "unloved",
        "unwanted",
        "upset",
        "useless",
        "worried",
        "worthless",
        "weak",
        "invisible",
        "abandoned",
        "humiliated",
        "regret",
        "grief",
        "grieving",
        "pain",
    ]
)
SENTENCE = re.compile(rf"(?:{IN_WORD_MARK}|[^{SENTENCE_ENDS}{LINE_BREAKS}])+[{SENTENCE_ENDS}]*")
#: A word, with any inner apostrophe, straight or curly (U+2019, common from phones).
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_PART_BREAK = re.compile(rf"(?!{IN_WORD_MARK})[,;:]|\bbut\b")
#: Common words: at the start of a clause they are lower-cased in a suggested opening, and
#: written with a capital inside a sentence they are still not taken for a name. Any other
#: capitalised word keeps its capital ("Sarah left me" -> "Sarah left you").
COMMON_WORDS: frozenset[str] = frozenset([
    "a", "an", "the", "this", "that", "these", "those", "it", "it's", "its", "there",
    "there's", "here", "he", "she", "they", "we", "you", "his", "her", "their", "our", "your",
    "him", "them", "us", "he's", "she's", "they're", "we're", "you're", "that's", "what",
    "what's", "why", "how", "where", "when", "whenever", "who", "which", "whatever", "and",
    "or", "but", "so", "yet", "because", "cause", "since", "after", "before", "while", "if",
    "though", "although", "unless", "until", "as", "like", "to", "for", "in", "on", "at",
    "of", "with", "without", "from", "by", "about", "during", "over", "under", "into",
    "through", "also", "even", "just", "only", "really", "maybe", "perhaps", "please", "yes",
    "no", "not", "never", "always", "ever", "still", "now", "then", "today", "yesterday",
    "tonight", "tomorrow", "lately", "recently", "sometimes", "honestly", "basically",
    "literally", "actually", "again", "every", "everyday", "all", "some", "most", "many",
    "much", "more", "each", "both", "another", "other", "one", "everything", "everyone",
    "everybody", "nothing", "nobody", "someone", "somebody", "something", "anyone",
    "anybody", "anything", "life", "work", "school", "being", "having", "feeling", "getting",
    "trying", "going", "am", "is", "are", "was", "were", "be", "been", "do", "does", "did",
    "don't", "didn't", "can't", "have", "has", "had", "can", "could", "would", "should",
    "won't", "might", "must", "let", "well", "oh", "ok", "okay", "hi", "hey", "ugh", "sorry",
    "thanks", "feel", "feels", "felt", "so", "very", "too", "sure", "instead", "anyway",
    "apparently", "finally", "last", "first", "next", "quick", "small", "update",
])  # fmt: skip
#: Verbs that start a sentence without its "I" ("Got laid off today", "Moved here in May",
#: "had to put my cat down"; as texted too, without the apostrophe: "cant stop thinking
#: about my ex", "wont ever be good enough"; not "dont", which opens an imperative as often:
#: "dont tell my mom"): common words too, and a suggested opening puts "you" before them
#: ("It sounds like you got laid off today…").
DROPPED_I_VERBS: frozenset[str] = frozenset([
    "got", "went", "moved", "found", "tried", "visited", "came", "made", "took", "told", "saw",
    "heard", "spent", "started", "stopped", "finished", "graduated", "failed", "passed",
    "broke", "tore", "woke", "turned", "retired", "quit", "left", "called", "texted", "asked",
    "decided", "thought", "think", "guess", "know", "knew", "want", "wanted", "need",
    "needed", "love", "loved", "hate", "hated", "miss", "missed", "had", "have", "feel",
    "felt", "can't", "don't", "didn't", "won't", "cant", "cannot", "didnt", "wont",
    "couldnt", "wouldnt", "shouldnt", "keep", "kept",
])  # fmt: skip
COMMON_WORDS = COMMON_WORDS | DROPPED_I_VERBS
#: Words and the punctuation that ends a clause, for reading negation and whose feeling it is.
TOKEN = re.compile(
    rf"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|(?!{IN_WORD_MARK})[.!?;:,()\n\u2013\u2014]"
    r"|(?<!\w)-(?!\w)"
)
_SENTENCE_END = frozenset([".", "!", "?", "\n"])
_NEGATORS = frozenset([
    "not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "without", "cannot",
    "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont",
    "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint",
])  # fmt: skip
#: A feeling word up to this many words after a negation is denied ("not really that sad").
_NEGATION_WINDOW = 3
#: Words not counted in that window (intensifiers, "or"; feeling words are not counted either).
_NEGATION_SKIP = frozenset([
    "so", "very", "really", "too", "that", "this", "even", "particularly", "quite", "all",
    "at", "as", "super", "totally", "completely", "actually", "truly", "much", "a", "am",
    "or",
])  # fmt: skip
#: Filler not counted either while nothing else has come since the negation, so that the
#: negation reaches the feeling: "don't feel like I'm depressed", "not someone who gets
#: depressed", "not the type of person who gets anxious". Once another word is counted these
#: count too ("don't sleep and feel alone" denies nothing).
_NEGATION_FILLER = frozenset([
    "feel", "feels", "feeling", "felt", "like", "i", "i'm", "im", "is", "are", "was", "were",
    "be", "being", "been", "get", "gets", "getting", "got", "become", "becomes", "becoming",
    "someone", "somebody", "person", "one", "type", "kind", "sort", "of", "who", "the", "an",
    "to",
])  # fmt: skip
#: After a comma that follows a feeling word, these go on with a list of feelings.
_LIST_GOES_ON = FEELING_WORDS | {"or"}
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
#: Adverbs that may stand between a subject and its verb ("I just lost my dad").
_VERB_ADVERBS = frozenset([
    "just", "recently", "finally", "also", "already", "then", "almost", "nearly", "really",
    "literally", "basically", "actually", "totally", "completely", "suddenly", "never",
    "ever", "kinda", "even", "still",
])  # fmt: skip
#: A verb form right after one of these is a feeling ("I'm lost", "I feel lost", "so lost").
_LINKING = frozenset([
    "am", "i'm", "im", "is", "are", "was", "were", "be", "been", "being", "he's", "she's",
    "it's", "we're", "you're", "they're", "that's", "feel", "feels", "felt", "feeling", "get",
    "gets", "got", "getting", "become", "becomes", "became", "seem", "seems", "seemed", "look",
    "looks", "looked", "so", "very", "too", "quite", "pretty", "extremely", "super", "utterly",
    "incredibly", "more", "less", "most", "not", "nor",
])  # fmt: skip
#: Words that start the object of a verb form ("lost my job", "hurt her").
_OBJECT_STARTERS = frozenset([
    "my", "your", "his", "her", "their", "our", "the", "a", "an", "these", "those", "him",
    "them", "us", "everything", "everyone", "everybody", "someone", "somebody", "something",
    "myself", "yourself", "himself", "herself", "themselves", "ourselves",
])  # fmt: skip
#: Who a feeling belongs to, by the nearest of these before it in its clause.
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
]) | _NEGATORS | _NEGATION_SKIP  # fmt: skip
#: Capitalised mid-sentence, these are still no person ("This Christmas is so lonely"); the
#: months that are also names (April, May, June, August) are left out.
_NOT_NAMES = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "july", "september", "october", "november", "december", "christmas",
    "easter", "thanksgiving", "halloween", "covid",
])  # fmt: skip
#: A run of text without spaces that is a web address or handle ("https://...", "www.x",
#: "reddit.com/...", "r/lonely", "@sad"); "sad/lonely" is not.
ADDRESS = re.compile(r"://|www\.|\w\.[a-z]{2,}|(?<!\w)[ru]/|(?<!\w)@\w")
#: The rest of a run of text without spaces.
_NO_SPACE = re.compile(r"\S*")
#: After a capitalised word that starts a sentence, these make it a name ("Mike is lonely").
_NAME_VERBS = frozenset([
    "is", "was", "gets", "got", "feels", "felt", "seems", "seemed", "becomes", "became", "has",
])  # fmt: skip
_NEVER_NAMES = COMMON_WORDS | FEELING_WORDS | _NOT_NAMES | _LINKING | _VERB_ADVERBS | _NEGATION_SKIP
#: How a feeling word in the seeker's message is used: as a feeling of theirs, as one they
#: deny having, or as not theirs (someone else's, or a verb telling what happened).
_FeelingUse = Literal["theirs", "denied", "not theirs"]
#: Whose a feeling is: the seeker's, someone else's, or no one's in particular ("it's lonely").
_Holder = Literal["seeker", "other", "no one"]


def plain(word: str) -> str:
    """``word`` lower-cased with curly apostrophes made straight."""
    return word.lower().replace("\u2019", "'")


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


def _denied(words: Sequence[str]) -> set[int]:
    """Indices of the feeling words in ``words`` that a negation in the same clause denies: up
    to three counted words after it ("not sad", "don't feel lonely", "neither sad nor angry"),
    filler right after it not counted ("don't feel like I'm depressed", "not someone who gets
    depressed"). Punctuation, "but", "just", "why"... and an "and" before anything but a
    feeling word end the clause ("not sad, just tired", "don't know why I feel alone", "can't
    sleep and feel alone")."""
    denied: set[int] = set()
    since: int | None = None  # words counted since a negation in this clause
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if not word[0].isalpha():
            # A comma inside a list of feelings keeps the negation: "not sad, lonely or angry".
            if not (word == "," and before in FEELING_WORDS and after in _LIST_GOES_ON):
                since = None
        elif word in FEELING_WORDS:
            if since is not None:
                denied.add(i)
        elif word in _CLAUSE_WORDS or (word == "and" and after not in FEELING_WORDS):
            since = None
        elif (word in _NEGATORS or word.endswith("n't")) and after not in _NOT_NEGATING_BEFORE:
            since = 0
        elif since is not None and word not in _NEGATION_SKIP:
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
    while j >= 0 and words[j] in _VERB_ADVERBS:
        j -= 1
    before = words[j] if j >= 0 else ""
    if after == "me" and before not in _LINKING:
        return True
    if before in _LINKING:
        return None
    has_object = after in _OBJECT_STARTERS
    if before in _SUBJECTS and (has_object or word not in _FEELING_VERBS):
        return False
    return False if has_object else None


def _is_name(tokens: Sequence[re.Match[str]], words: Sequence[str], j: int) -> bool:
    """Whether the word at ``j`` is a name: capitalised, not a common word, an intensifier, a
    feeling word or a day, month or holiday ("I'm So lonely", "This Christmas is lonely"),
    and inside a sentence or, at its start, followed by "is", "was", "seems"... ("Mike is
    lonely"; "Nights are lonely" is no name)."""
    text = tokens[j].group(0)
    if len(text) < 2 or not text[0].isupper() or text[1:] != text[1:].lower():
        return False
    if words[j] in _NEVER_NAMES:
        return False
    if j > 0 and words[j - 1] not in _SENTENCE_END:
        return True
    return j + 1 < len(words) and words[j + 1] in _NAME_VERBS


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
        if word in _SENTENCE_END:
            lower.append(False)
        elif len(word) >= 4 and token.group(0)[0].islower():
            lower[-1] = True
    for i in feeling_at:
        text = tokens[i].group(0)
        if len(text) < 2 or not text[0].isupper() or text[1:] != text[1:].lower():
            continue
        before = words[i - 1] if i else "."
        if before in _SENTENCE_END:
            continue  # any word starts a sentence with a capital
        if not lower[sentence_of[i]] and before in _LINKING:
            continue  # "I Feel So Lonely", "Feeling Lost"
        j = i - 1
        while j > 0 and words[j] in _INTENSIFIERS:
            j -= 1
        if words[j] not in _OWN_LINKING:
            names.add(i)
    return names


def _person(tokens: Sequence[re.Match[str]], words: Sequence[str], j: int) -> _Holder | None:
    """Whom the word at ``j`` names: the seeker ("I", "me", "my life"), someone else ("she",
    "my mom", "Sarah"), no one ("it", "everything") or, for any other word, None."""
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


def _antecedent(words: Sequence[str], j: int) -> _Holder:
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
    tokens: Sequence[re.Match[str]], words: Sequence[str], j: int
) -> tuple[_Mark, _Holder | None]:
    """What the word at ``j`` (not the last word) is when reading back for whose a feeling is:
    a word passed over ("skip": a comma or "and" inside a list of feelings, or no person
    word), the start of the clause ("break"), an "and" or "or" that joins two verbs ("and"), a
    relative "who" or "that" with whom it is about ("who"), or a person word with whom it names
    ("person")."""
    word = words[j]
    before = words[j - 1] if j else ""
    if word in (",", "and", "or") and before in FEELING_WORDS:
        return "skip", None  # a list of feelings: "my mom is sad and lonely"
    if not word[0].isalpha() or word in _HOLDER_BREAKS:
        return "break", None
    if word in ("and", "or"):
        return "and", None
    if word == "who" or (word == "that" and words[j + 1] in _RELATIVE_VERBS):
        return "who", _antecedent(words, j)  # "a friend who is so lonely"
    kind = _person(tokens, words, j)
    return ("skip", None) if kind is None else ("person", kind)


def _holders(
    tokens: Sequence[re.Match[str]], words: Sequence[str], feeling_at: Sequence[int]
) -> list[_Holder | None]:
    """Whose feeling each feeling word (at the ascending indices ``feeling_at``) is, read back
    from it to the start of its clause: the nearest person word ("my mom is so lonely", "she
    makes me angry"); past an "and" or "or" that joins two verbs, the clause's subject, its
    first person word ("I miss my mom and feel alone"); after a relative "who", whom it is
    about. None when the clause names no one.

    Each word is read at most once: reading back from a feeling word stops at the feeling word
    before it (itself only passed over, :func:`_mark`) and goes on with what was read back from
    there, so a run of feeling words with no break ("sad sad sad ...") costs its length, not
    its length squared."""
    holders: list[_Holder | None] = []
    previous = -1
    # What reading back from the previous feeling word gave: its holder, and what reading on
    # past an "and"/"or" gives there: (True, whom) when a "who" decides it, else (False, the
    # clause's first person word or None).
    near: _Holder | None = None
    far: tuple[bool, _Holder | None] = (False, None)
    for i in feeling_at:
        nearest: tuple[_Mark, _Holder | None] | None = None  # the first mark read back from i
        subject: _Holder | None = None  # the furthest-back person word read since then
        end: tuple[bool, _Holder | None] | None = None
        for j in range(i - 1, previous, -1):
            mark, kind = _mark(tokens, words, j)
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


#: Verbs that report someone's words ("said", "texted", "keeps calling me").
SPEECH_VERBS = (
    r"say|says|said|saying|tell|tells|told|telling|text|texts|texted|texting|write|writes|wrote"
    r"|writing|yell|yells|yelled|yelling|scream|screams|screamed|screaming|shout|shouts|shouted"
    r"|shouting|call|calls|called|calling|message|messages|messaged|messaging|reply|replies"
    r"|replied|ask|asks|asked|asking|whisper|whispers|whispered|snap|snapped"
)
#: A report right before a quotation, up to its opening mark ('My dad always tells me "I'm
#: disappointed in you"', "Mom texted:", "they keep calling me a 'worthless loser'"): the
#: verb, whom the words are said to, "that" or "like", "a" or "an", and a colon or comma.
_REPORT_BEFORE = re.compile(
    rf"\b(?P<verb>{SPEECH_VERBS})(?:\s+(?P<to>me|us|myself|ourselves|him|her|them|you"
    r"|(?:my|our|his|her|their)\s+[\w'\u2019]+))?(?:\s+(?:that|like|things\s+like|a|an))?"
    r"\s*[:,\-\u2013\u2014]?\s*(?=[\"'\u2018\u2019\u201c\u201d])",
    re.IGNORECASE,
)
#: A speech tag right after a quotation ('"I'm so lonely," he said', '"I'm scared" my sister
#: texted me', '"I'm worried," said Mom'), up to the end of its clause.
_TAG_WHO = r"(?i:i|we|he|she|they|someone|somebody|(?:my|our|his|her|their)\s+\w+)|[A-Z][a-z]+"
_TAG_VERB = r"(?i:said|says|told\s+me|tells\s+me|texted(?:\s+me)?|wrote|yelled|screamed|shouted)"
_REPORT_AFTER = re.compile(
    rf"[,.!?]?\s*(?:(?P<who>{_TAG_WHO})\s+{_TAG_VERB}|(?i:said|says)\s+(?P<who2>{_TAG_WHO}))"
    r"\s*(?:[.!?,;\n]|$)"
)
#: Words a report's subject is not read from, reading back from its verb: whom the words are
#: said to ("he texted me yesterday and said").
_NOT_SUBJECTS = frozenset([
    "me", "us", "you", "him", "her", "them", "myself", "ourselves", "yourself", "himself",
    "herself", "themselves",
])  # fmt: skip
#: Right before a past participle (adverbs between), these make a report passive: the seeker
#: was told the words ("I was told", "I've always been called", "got told").
_PASSIVE = frozenset([
    "was", "were", "got", "get", "gets", "getting", "been", "being", "am", "is", "are", "be",
    "i'm", "im", "we're",
])  # fmt: skip
_REPORT_ADVERBS = _VERB_ADVERBS | frozenset([
    "always", "often", "constantly", "repeatedly", "once", "sometimes",
])  # fmt: skip
#: Words before a noun that names the speaker of a report ("the cashier said").
_DETERMINERS = frozenset(["my", "our", "the", "a", "an", "this", "that", "his", "her", "their"])
#: Words that may stand between a report's subject and its verb ("my mom keeps saying",
#: "the doctor just said"); any other word there makes the noun no subject ("I sat in the
#: car and said").
_BEFORE_REPORT_VERB = _REPORT_ADVERBS | frozenset([
    "keeps", "kept", "keep", "would", "will", "just", "then", "has", "had", "have", "even",
    "also", "finally", "literally", "actually",
])  # fmt: skip
#: What in the seeker speaks to them as their own self-talk ("my brain keeps telling me").
_INNER_VOICES = frozenset([
    "mind", "brain", "head", "thoughts", "heart", "depression", "anxiety", "voices", "inner",
    "gut",
])  # fmt: skip
#: How many words back from a report's verb its subject is looked for.
_SUBJECT_REACH = 12


def reported_quotes(
    text: str, tokens: Sequence[re.Match[str]], words: Sequence[str], feeling_at: Sequence[int]
) -> list[tuple[int, int]]:
    """Start and end (in ``text``, the two marks) of each quotation of someone else's words
    that a report frames: before it ('My dad always tells me "I'm disappointed in you"', "my
    boss said 'you're useless'", "they keep calling me a 'worthless loser'", 'Mom texted: "I'm
    so worried about you"') or after it ('"I'm so lonely," he said'). A single quote counts
    only where it pairs as a quotation, not as an apostrophe ("don't", "mom's", "friends'").
    The seeker's own saying stays theirs ('I keep telling myself "I'm worthless"', 'I told
    him "I'm scared"'), and so does a quotation no report frames ("I'm 'fine', I guess").
    Only quotations with one of the feeling words at ``feeling_at`` inside are read."""
    # pronouns imports this module: its reading of quotation marks is imported when used.
    from carelens.analysis.pronouns import quoted_speech

    quotes, _ = quoted_speech(text)
    if not quotes:
        return []
    starts = [token.start() for token in tokens]
    feeling_starts = [starts[i] for i in feeling_at]
    reports: dict[int, re.Match[str]] | None = None  # by the quotation mark each ends at
    others: list[tuple[int, int]] = []
    for start, end in quotes:
        k = bisect_left(feeling_starts, start)
        if k == len(feeling_starts) or feeling_starts[k] > end:
            continue  # no feeling word inside
        if reports is None:  # the text is read for reports once
            reports = {match.end(): match for match in _REPORT_BEFORE.finditer(text)}
        before = reports.get(start)
        after = _REPORT_AFTER.match(text, end + 1)
        if before is not None:
            verb = bisect_left(starts, before.start("verb"))
            to = (before.group("to") or "").lower()
            if reporter(tokens, words, verb, to) == "other":
                others.append((start, end))
        elif after is not None:
            who = plain(after.group("who") or after.group("who2"))
            if who not in ("i", "we"):
                others.append((start, end))
    return others


def reporter(tokens: Sequence[re.Match[str]], words: Sequence[str], verb: int, to: str) -> _Holder:
    """Whose words the report with its verb at ``verb`` (said to ``to``) gives: the nearest
    subject read back from the verb within its sentence ("my dad always tells me", "I keep
    telling myself"), someone else's when the report is passive ("I was told", "got called");
    with no subject written, the seeker's ("Told him"), unless said to them ("keeps telling
    me")."""
    participle = words[verb].endswith("ed") or words[verb] in ("told", "said")
    passive = False
    adjacent = True  # only auxiliaries and adverbs read since the verb
    for j in range(verb - 1, max(-1, verb - 1 - _SUBJECT_REACH), -1):
        word = words[j]
        if word in _SENTENCE_END:
            break
        if adjacent and word in _PASSIVE:
            passive = participle  # "I was angry and said" is not passive
        adjacent = adjacent and (word in _PASSIVE or word in _REPORT_ADVERBS)
        if not word[0].isalpha() or word in _NOT_SUBJECTS:
            continue
        if (
            word in _DETERMINERS
            and j + 1 < verb
            and words[j + 1][0].isalpha()
            and all(w in _BEFORE_REPORT_VERB for w in words[j + 2 : verb])
        ):
            # someone named by a noun ("my coach yelled", "our landlord said", "the cashier
            # said"); the seeker's own mind is their self-talk ("my brain keeps telling me")
            return "seeker" if words[j + 1] in _INNER_VOICES else "other"
        holder = _person(tokens, words, j)
        written = tokens[j].group(0)
        if holder is None and written[0].isupper() and word not in _NEVER_NAMES:
            holder = "other"  # a name at the start of the sentence: "Sarah said"
        if holder is not None:
            return "other" if passive or holder != "seeker" else "seeker"
    return "other" if passive or to in ("me", "us") else "seeker"


class Feeling(NamedTuple):
    """A feeling word in the seeker's message: where it is, how it is used (:func:`read_feelings`),
    and the run of text without spaces it is in when that run looks like a web address."""

    match: re.Match[str]
    use: _FeelingUse
    address: tuple[int, int] | None
    #: whose it is, read back from the word (:func:`_holders`): "seeker" is the writer
    #: ("I", "my"), which in a reply is the helper; None when the clause names no one
    holder: _Holder | None = None


def read_feelings(text: str) -> list[Feeling]:
    """Feeling words in ``text``, each with how it is used: as the seeker's feeling, as one
    they deny (:func:`_denied`), or as not theirs: a verb telling what happened ("I lost my
    job") or someone else's feeling ("my mom is so lonely", "he was angry"). A feeling word in
    a web address is not theirs either; its run is given, and :func:`own_feelings` and
    :func:`carelens.analysis.feedback.seeker_clause` leave it out. Read once for both, and
    in time linear in the text's length (:func:`_holders`, :func:`_address_runs`): a
    message at the API's limit of 20,000 characters of feeling words ("sad,sad,...") takes
    milliseconds, not minutes."""
    tokens = list(TOKEN.finditer(text))
    words = [token.group(0).lower() for token in tokens]
    if "\u2019" in text:
        words = [plain(word) for word in words]
    feeling_at = [i for i, word in enumerate(words) if word in FEELING_WORDS]
    denied = _denied(words) | _disowned(text, tokens, feeling_at)
    holders = _holders(tokens, words, feeling_at)
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
    seen: dict[str, str] = {}
    for feeling in feelings:
        word = feeling.match.group(0)
        if feeling.use == "theirs" and feeling.address is None and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


#: Words that name one feeling: a reply that names one where the seeker wrote another echoes
#: their feeling ("the shame" to "I'm ashamed", "you're depressed" to "my depression").
_SAME_FEELING = {
    "shame": "ashamed", "grieving": "grief", "panicky": "panicked", "lonely": "alone",
    "loneliness": "alone", "depression": "depressed", "anxiety": "anxious", "sadness": "sad",
    "anger": "angry", "fear": "afraid", "scary": "scared", "stress": "stressed",
    "exhaustion": "exhausted", "guilt": "guilty", "panic": "panicked", "worry": "worried",
    "hopelessness": "hopeless", "helplessness": "helpless", "emptiness": "empty",
    "frustration": "frustrated", "embarrassment": "embarrassed", "despair": "desperate",
    "jealousy": "jealous", "regretful": "regret", "hurting": "hurt", "painful": "pain",
    "overwhelming": "overwhelmed", "rejection": "rejected", "abandonment": "abandoned",
    "humiliation": "humiliated", "isolation": "isolated", "disappointment": "disappointed",
    "confusion": "confused", "insecurity": "insecure", "resentment": "resentful",
    "worthlessness": "worthless", "uselessness": "useless", "numbness": "numb",
}  # fmt: skip


def feeling_family(word: str) -> str:
    """``word`` as it is compared for an echo: plain, and the feeling it names
    (:data:`_SAME_FEELING`: "shame" -> "ashamed")."""
    folded = plain(word)
    return _SAME_FEELING.get(folded, folded)


def named_feeling(response: str, seeker: str) -> str | None:
    """The first feeling word (of :data:`FEELING_WORDS`) the reply gives the seeker that the
    seeker's message does not hold in any use, as spelt in the reply; None when there is none.
    A word the reply denies ("you're not alone"), a verb telling what happened ("sorry you
    lost your job"), the helper's own feeling ("I'm so sad to hear"), someone else's ("he
    must be angry"), one inside advice ("play with things you are scared to do", "you
    should talk to someone when you feel lonely") and the helper's remark on what they read
    ("That's so sad", "How sad", "What a sad day": :func:`_remark`) name no feeling of
    theirs."""
    found = named_in_reply(response, seeker)
    return found.match.group(0) if found is not None else None


def named_in_reply(response: str, seeker: str) -> Feeling | None:
    """:func:`named_feeling`; in a reply the writer ("I", holder "seeker") is the helper. A
    feeling the seeker's message holds in any word of its family (:data:`_SAME_FEELING`) is
    an echo, not named."""
    # "I think the shame...": the helper's "I" frames what follows, whose feeling it is not.
    framed = _FRAMING.sub(lambda m: re.sub(r"\S", "x", m.group(0)), response)
    candidates = [
        feeling
        for feeling in read_feelings(framed)
        if feeling.use == "theirs" and feeling.holder != "seeker" and feeling.address is None
    ]
    if not candidates:  # most replies: the seeker's words and the advice need no reading
        return None
    said = {feeling_family(word) for word in WORD.findall(seeker)}
    instructions = _instructions(response)
    starts = [start for start, _ in instructions]
    for feeling in candidates:
        at = feeling.match.start()
        i = bisect_left(starts, at + 1) - 1  # the last instruction starting at or before it
        if (
            feeling_family(feeling.match.group(0)) not in said
            and not (i >= 0 and at < instructions[i][1])
            and not _remark(framed, feeling.match)
        ):
            return feeling
    return None


#: The start of a clause that makes a feeling word after it the helper's own remark on what
#: they read ("That's so sad", "How sad", "What a sad day", "Oh, that is really sad news"),
#: interjections and intensifiers between them.
_REMARK_BEFORE = re.compile(
    r"\s*(?:(?:oh|aw+|wow|man|gosh|god|omg|ugh|yeah|honestly|well|and)\s+)*"
    r"(?:(?:that|this)(?:['\u2019]s|\s+is|\s+was)|how|what\s+an?|so)\s+"
    r"(?:(?:so|really|very|just|truly|such|a|an|too|incredibly|awfully|terribly|deeply|pretty"
    r"|quite|super|utterly|genuinely|absolutely)\s+)*",
    re.IGNORECASE,
)
#: ... unless the clause goes on to give it to the seeker ("How lonely you must feel", "What
#: a lonely time this must be", "That's so lonely, it sounds like").
_GIVEN_AFTER = re.compile(
    r"\b(?:must|feel|feels|feeling|sounds?|seems?|you['\u2019]re|you\s+are)\b", re.IGNORECASE
)
#: What ends a clause when reading around a feeling word for :func:`_remark`.
_CLAUSE_END = re.compile(r"[.!?\n,;:]|\bbut\b", re.IGNORECASE)


def _remark(text: str, word: re.Match[str]) -> bool:
    """Whether the feeling ``word`` in the reply ``text`` is the helper's own remark on what
    they read: after "that's", "how", "what a"... at the start of its clause
    (:data:`_REMARK_BEFORE`: "That's so sad", "How sad", "What a sad day") and not given to
    the seeker later in the clause (:data:`_GIVEN_AFTER`). Their sympathy names no feeling of
    the seeker's, while "That sounds so lonely" and "That must feel lonely" do."""
    head = _CLAUSE_END.split(text[max(0, word.start() - 80) : word.start()])[-1]
    if not _REMARK_BEFORE.fullmatch(head):
        return False
    rest = _CLAUSE_END.split(text[word.end() : word.end() + 80], maxsplit=1)[0]
    return _GIVEN_AFTER.search(rest) is None


#: The helper's words that frame a thought about the seeker ("I think the shame weighs on
#: you", "I imagine it's lonely"): read as no one's, so the feeling after them is not taken
#: for the helper's own (same length, so offsets into the reply hold).
_FRAMING = re.compile(
    r"\bI\s+(?:(?:can|could)\s+)?(?:think|guess|imagine|bet|suspect|sense|wonder(?:\s+if)?|"
    r"tell|see|hear|feel\s+like)\b",
    re.IGNORECASE,
)


#: The first word of a part of a sentence that tells the reader what to do ("Try to see what
#: you hate", "Play with things you are scared to do", "Maybe talk to someone"): a feeling
#: word inside it is advice, not a feeling named as theirs.
_INSTRUCTION = re.compile(
    r"(?:(?:maybe|just|please|so|and|then|also|perhaps)\s+)*(?:try|play|do|don['\u2019]?t|go|"
    r"get|read|talk|find|make|take|keep|stop|start|call|see|give|let|remember|focus|write|"
    r"ask|tell|look|be|stay|force|avoid|use|put|consider|think|reach|join|eat|sleep|spend|"
    r"practice|practise|allow|accept|learn|distract|breathe)\b"
    r"|.*\byou\s+(?:should|could|need\s+to|have\s+to|might\s+want\s+to|ought\s+to)\b",
    re.IGNORECASE,
)


def _instructions(text: str) -> list[tuple[int, int]]:
    """Start and end (in ``text``) of each part of a sentence that tells the reader what to
    do (:data:`_INSTRUCTION`), in order; ``text`` is read once."""
    found: list[tuple[int, int]] = []
    for sentence in SENTENCE.finditer(text):
        offset = sentence.start()
        for start, end in sentence_parts(sentence.group(0)):
            part = text[offset + start : offset + end]
            if _INSTRUCTION.match(part.lstrip()):
                found.append((offset + start, offset + end))
    return found


def sentence_parts(sentence: str) -> list[tuple[int, int]]:
    """Start and end of each part of ``sentence`` between commas, semicolons, colons and
    "but"."""
    cuts = [(m.start(), m.end()) for m in _PART_BREAK.finditer(sentence)]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(sentence)]
    return list(zip(starts, ends, strict=True))

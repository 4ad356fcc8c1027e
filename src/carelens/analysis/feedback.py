"""Feedback for the helper: one or two specific sentences built from an analysis.

Feedback is assembled from the analysis (levels, rationale spans, style, flags, crisis cues)
and from the seeker's own words. It never states facts about the seeker: anything about their
situation is quoted from their message, and a suggested opening line only turns the
seeker's own clause to the second person ("I feel like a burden" -> "you feel like a
burden"): word swaps only, nothing added but the "you" of a clause whose "I" the seeker left
out ("had to put my cat down" -> "you had to put your cat down"), so a name keeps its
capital ("Sarah left me" -> "Sarah left you") and a time stays ("4 am"); a sentence is not
cut inside a web address or a number ("reddit.com/r/x", "4.5").

Only the seeker's own feelings are offered. Feeling words the seeker denies ("I'm not sad,
just tired", "I don't feel like I'm depressed", "I'm not someone who gets depressed") are
never offered as feelings they have; nor are feeling words that tell what happened ("I lost
my job") or another person's feelings ("my mom is so lonely", "he was angry"). These are
read by transparent word rules, not a parser, and when in doubt a word is left out. When the
seeker message has nothing quotable, the feedback stays general.

Rules, first match wins for the main sentence:

0. the reply urges them to die or gives a means (the analysis's ``unsafe`` words, from
   :mod:`carelens.analysis.unsafe`) -> quote those words, ask the helper to take them out,
   check on safety and share crisis resources;
1. crisis cues of the patterns in the seeker message (suicide or self-harm wording) -> read
   them now, ask directly, share crisis resources;
2. dismissive -> quote the dismissive words, suggest acknowledging before anything else;
3. advice without understanding -> reflect first, with an opening from the seeker's words;
4. an offer of help without understanding -> quote the offer, suggest showing first that
   they understood, with an opening from the seeker's words;
5. sympathy that names no feeling -> "You shared their sorrow; try naming what they may feel
   underneath" ("You responded warmly; ..." when the message's distress is low: a message
   such as "I got the job!" has no sorrow to share), with the seeker's own feeling words
   (those the reply has not already used) and an opening built on their clause;
6. understanding without action when distress is high -> ask what would help or offer
   something;
7. compassion -> say what worked, quoting the offer;
8. understanding -> say what worked; suggest a reflection when it was only a question; when
   the words behind it are the helper's own story ("Same thing happened to me"), say so and
   ask for their side;
9. anything else -> acknowledge what they shared first.

"Understanding" is empathy (interpretation, exploration or reflection at level 1 or more),
or a reply that names a feeling the seeker has not written (:func:`named_feeling`: "It
sounds like the shame weighs on you" to "I feel like such a failure"): the model may score
such a reply 0, and feedback then must not ask the helper to name a feeling they named. A
feeling the reply only echoes ("sorry you're this tired" to "I'm tired") is sympathy, and
one the reply denies ("you're not alone") names nothing.

A second sentence is added when only the learned crisis flag
(:mod:`carelens.analysis.crisis_model`) marked the seeker message: it quotes the sentence it
marked and asks the helper to read it closely and, if anything worries them, to ask gently
whether the person is safe. The flag reads words, not meaning, and on short messages it also
marks grief ("Our dog died this morning"), so it is a hint beside the feedback on the reply,
not, like a pattern cue, the whole of it. Otherwise a second sentence is added when the
helper's own story takes over the reply (self-focus).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal, NamedTuple

from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.privacy import find_personal
from carelens.types import DimensionScore, ResponseAnalysis

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
#: A mark between a word character and a lower-case letter, digit or "/" is part of a web
#: address, a number or a time ("reddit.com/r/x", "4.5", "4:30", "4,000", "https://"), so it
#: ends neither a sentence nor a clause ("Work is awful.I feel alone" still splits).
_IN_WORD_MARK = r"(?<=\w)[.!?,:](?=[^\W_A-Z]|/)"
_SENTENCE = re.compile(rf"(?:{_IN_WORD_MARK}|[^.!?\n])+[.!?]*")
#: A word, with any inner apostrophe, straight or curly (U+2019, common from phones).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_FIRST_PERSON = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|i feel|i felt|i am|my)\b", re.IGNORECASE
)
_LEADING_FILLER = re.compile(r"^(?:like|and|but|so|that|because|just)\s+", re.IGNORECASE)
#: A clause that asks ("Am I alone because I'm depressed", "or do I just give up", "Why did
#: you leave me", "What if I fail"): an auxiliary before its subject, or a question word
#: before an auxiliary. "It sounds like am I alone..." is no reflection, so no opening is
#: built on one ("When I was a kid, ..." and "How I feel doesn't matter" are statements).
_AUXILIARIES = (
    r"am|is|are|was|were|do|does|did|can|could|should|would|will|shall|have|has|had|may|"
    r"might|must|isn['\u2019]t|aren['\u2019]t|wasn['\u2019]t|don['\u2019]t|doesn['\u2019]t|"
    r"didn['\u2019]t|can['\u2019]t|won['\u2019]t|wouldn['\u2019]t|shouldn['\u2019]t"
)
_QUESTION = re.compile(
    r"(?:(?:and|or|but|so)\s+)?(?:"
    rf"(?:{_AUXILIARIES})\s+(?:i|you|he|she|it|we|they|anyone|anybody|someone|somebody|there|"
    r"this|that|my|people|everyone)\b"
    rf"|(?:why|what|how|who|where|when|which)\s+(?:{_AUXILIARIES}|if)\b)",
    re.IGNORECASE,
)
_PART_BREAK = re.compile(rf"(?!{_IN_WORD_MARK})[,;:]|\bbut\b")
#: "I was" -> "I were" before the word swaps make it "you were" ("it was" stays).
_I_WAS = re.compile(r"\b(i\s+)(was)(?=n['\u2019]t\b|\b)", re.IGNORECASE)
_SWAPS = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
    # the seeker and others with them ("We moved across the country for my partner's job")
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
}
#: "am" right after a number is the time of day ("4 am", "10:30am", "at five am"), not a verb.
_TIME_BEFORE_AM = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*$",
    re.IGNORECASE,
)
#: Common words: at the start of a clause they are lower-cased in a suggested opening, and
#: written with a capital inside a sentence they are still not taken for a name. Any other
#: capitalised word keeps its capital ("Sarah left me" -> "Sarah left you").
_COMMON_WORDS: frozenset[str] = frozenset([
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
#: "had to put my cat down"): common words too, and a suggested opening puts "you" before
#: them ("It sounds like you got laid off today…").
_DROPPED_I_VERBS: frozenset[str] = frozenset([
    "got", "went", "moved", "found", "tried", "visited", "came", "made", "took", "told", "saw",
    "heard", "spent", "started", "stopped", "finished", "graduated", "failed", "passed",
    "broke", "tore", "woke", "turned", "retired", "quit", "left", "called", "texted", "asked",
    "decided", "thought", "think", "guess", "know", "knew", "want", "wanted", "need",
    "needed", "love", "loved", "hate", "hated", "miss", "missed", "had", "have", "feel",
    "felt", "can't", "don't", "didn't", "keep", "kept",
])  # fmt: skip
_COMMON_WORDS = _COMMON_WORDS | _DROPPED_I_VERBS
#: Words and the punctuation that ends a clause, for reading negation and whose feeling it is.
_TOKEN = re.compile(
    rf"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|(?!{_IN_WORD_MARK})[.!?;:,()\n\u2013\u2014]"
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
#: A negation followed by one of these denies nothing ("can't stop feeling sad").
_NOT_NEGATING_BEFORE = frozenset(["stop", "stopping", "help"])
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
_PERSON_NOUNS = frozenset([
    "mom", "mum", "mother", "mommy", "dad", "father", "daddy", "parent", "parents", "brother",
    "sister", "sibling", "siblings", "son", "daughter", "kid", "kids", "child", "children",
    "baby", "husband", "wife", "partner", "spouse", "boyfriend", "girlfriend", "bf", "gf",
    "fiance", "fiancé", "fiancee", "fiancée", "friend", "friends", "bestie", "family",
    "grandma", "grandpa", "grandmother", "grandfather", "aunt", "uncle", "cousin", "niece",
    "nephew", "boss", "coworker", "coworkers", "colleague", "colleagues", "teacher", "ex",
    "roommate", "neighbor", "neighbour", "dog", "cat", "pet", "people", "guy", "girl", "man",
    "woman", "everyone", "everybody", "sponsor", "therapist", "counselor", "counsellor",
    "doctor", "nurse", "manager", "pastor",
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
_ADDRESS = re.compile(r"://|www\.|\w\.[a-z]{2,}|(?<!\w)[ru]/|(?<!\w)@\w")
#: The rest of a run of text without spaces.
_NO_SPACE = re.compile(r"\S*")
#: A run of text without spaces.
_NO_SPACE_RUN = re.compile(r"\S+")
#: After a capitalised word that starts a sentence, these make it a name ("Mike is lonely").
_NAME_VERBS = frozenset([
    "is", "was", "gets", "got", "feels", "felt", "seems", "seemed", "becomes", "became", "has",
])  # fmt: skip
#: A suggested opening starts with one of these lower-cased.
_LOWER_AT_START = _COMMON_WORDS | FEELING_WORDS
_NEVER_NAMES = (
    _COMMON_WORDS | FEELING_WORDS | _NOT_NAMES | _LINKING | _VERB_ADVERBS | _NEGATION_SKIP
)
_QUOTE_WORDS = 14

#: How a feeling word in the seeker's message is used: as a feeling of theirs, as one they
#: deny having, or as not theirs (someone else's, or a verb telling what happened).
_FeelingUse = Literal["theirs", "denied", "not theirs"]
#: Whose a feeling is: the seeker's, someone else's, or no one's in particular ("it's lonely").
_Holder = Literal["seeker", "other", "no one"]


def _level(analysis: ResponseAnalysis, name: str) -> int:
    score = analysis.dimensions.get(name)
    return score.level if score is not None else 0


def _span_text(score: DimensionScore | None, response: str, words: int = 10) -> str | None:
    if score is None or score.level == 0 or not score.spans:
        return None
    best = max(score.spans, key=lambda s: s.score)
    return _clip(response[best.start : best.end], words)


def _clip(text: str, words: int) -> str:
    """Whitespace-collapsed ``text`` cut to ``words`` words; double quotes become single ones
    so that a quotation of it never nests inside the feedback's own quotes.

    The cut never falls inside personal data (:func:`carelens.privacy.find_personal`: an
    address, a phone number, ...): the quote then runs to its end, so that redaction, which
    reads the feedback on its own, finds the whole of it rather than an unrecognisable part
    ("visits me at 221B Baker…")."""
    parts = " ".join(text.replace('"', "'").split()).strip(" ,;:-")
    tokens = parts.split(" ")
    if len(tokens) <= words:
        return parts
    cut = len(" ".join(tokens[:words]))
    for found in find_personal(parts):
        if found.start < cut < found.end:
            cut = found.end
    return parts if cut >= len(parts) else parts[:cut] + "…"


def _plain(word: str) -> str:
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
            address = _ADDRESS.search(text, start, end) is not None
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


class _Feeling(NamedTuple):
    """A feeling word in the seeker's message: where it is, how it is used (:func:`_read`),
    and the run of text without spaces it is in when that run looks like a web address."""

    match: re.Match[str]
    use: _FeelingUse
    address: tuple[int, int] | None
    #: whose it is, read back from the word (:func:`_holders`): "seeker" is the writer
    #: ("I", "my"), which in a reply is the helper; None when the clause names no one
    holder: _Holder | None = None


def _read(text: str) -> list[_Feeling]:
    """Feeling words in ``text``, each with how it is used: as the seeker's feeling, as one
    they deny (:func:`_denied`), or as not theirs: a verb telling what happened ("I lost my
    job") or someone else's feeling ("my mom is so lonely", "he was angry"). A feeling word in
    a web address is not theirs either; its run is given, and :func:`_own_feelings` and
    :func:`_clause` leave it out. Read once for both, and in time linear in the text's length
    (:func:`_holders`, :func:`_address_runs`): a message at the API's limit of 20,000
    characters of feeling words ("sad,sad,...") takes milliseconds, not minutes."""
    tokens = list(_TOKEN.finditer(text))
    words = [token.group(0).lower() for token in tokens]
    if "\u2019" in text:
        words = [_plain(word) for word in words]
    denied = _denied(words)
    feeling_at = [i for i, word in enumerate(words) if word in FEELING_WORDS]
    holders = _holders(tokens, words, feeling_at)
    addresses = _address_runs(text, [tokens[i] for i in feeling_at])
    feelings: list[_Feeling] = []
    for i, holder, address in zip(feeling_at, holders, addresses, strict=True):
        verb = _as_verb(words, i)
        use: _FeelingUse
        if verb is False or (verb is None and holder == "other"):
            use = "not theirs"
        else:
            use = "denied" if i in denied else "theirs"
        feelings.append(_Feeling(tokens[i], use, address, holder))
    return feelings


def seeker_feelings(seeker: str) -> list[str]:
    """Feeling words the seeker used as their own feeling, in order of first use (their
    spelling), leaving out those they deny ("I'm not sad") and those that are not theirs
    ("I lost my job", "my mom is so lonely", "reddit.com/r/sad")."""
    return _own_feelings(_read(seeker))


def _own_feelings(feelings: Sequence[_Feeling]) -> list[str]:
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


def _family(word: str) -> str:
    plain = _plain(word)
    return _SAME_FEELING.get(plain, plain)


def named_feeling(response: str, seeker: str) -> str | None:
    """The first feeling word (of :data:`FEELING_WORDS`) the reply gives the seeker that the
    seeker's message does not hold in any use, as spelt in the reply; None when there is none.
    A word the reply denies ("you're not alone"), a verb telling what happened ("sorry you
    lost your job"), the helper's own feeling ("I'm so sad to hear"), someone else's ("he
    must be angry") and one inside advice ("play with things you are scared to do", "you
    should talk to someone when you feel lonely") name no feeling of theirs."""
    found = _named(response, seeker)
    return found.match.group(0) if found is not None else None


def _named(response: str, seeker: str) -> _Feeling | None:
    """:func:`named_feeling`; in a reply the writer ("I", holder "seeker") is the helper. A
    feeling the seeker's message holds in any word of its family (:data:`_SAME_FEELING`) is
    an echo, not named."""
    said = {_family(word) for word in _WORD.findall(seeker)}
    instructions = _instructions(response)
    starts = [start for start, _ in instructions]
    for feeling in _read(response):
        at = feeling.match.start()
        i = bisect_left(starts, at + 1) - 1  # the last instruction starting at or before it
        if (
            feeling.use == "theirs"
            and feeling.holder != "seeker"
            and feeling.address is None
            and _family(feeling.match.group(0)) not in said
            and not (i >= 0 and at < instructions[i][1])
        ):
            return feeling
    return None


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
    for sentence in _SENTENCE.finditer(text):
        offset = sentence.start()
        for start, end in _parts(sentence.group(0)):
            part = text[offset + start : offset + end]
            if _INSTRUCTION.match(part.lstrip()):
                found.append((offset + start, offset + end))
    return found


def _around(text: str, at: re.Match[str], words: int = 10) -> str:
    """The part of ``text``'s sentence (between commas, "but"...) that holds the word ``at``,
    clipped to ``words`` words, without a final full stop; it starts three words before
    ``at`` when ``at`` lies further in, so the quote always shows the word, and never inside
    personal data, so redaction reading the feedback alone finds all of it."""
    for found in _SENTENCE.finditer(text):
        if found.start() <= at.start() < found.end():
            break
    else:  # pragma: no cover - every word lies in a sentence
        return _clip(at.group(0), words)
    offset = found.start()
    for start, end in _parts(found.group(0)):
        if start <= at.start() - offset < end:
            part = text[offset + start : offset + end]
            break
    else:  # the word is in no part only if a break mark holds it, which a word never is
        part = found.group(0)
        start = 0
    before = [m.start() for m in _NO_SPACE_RUN.finditer(part, 0, at.start() - offset - start)]
    if len(before) >= words - 1:
        cut = before[-3]
        for personal in find_personal(part):  # never start inside personal data (see _clip)
            if personal.start < cut < personal.end:
                cut = personal.start
        part = part[cut:]
    return _clip(part, words).removesuffix(".")


def _parts(sentence: str) -> list[tuple[int, int]]:
    """Start and end of each part of ``sentence`` between commas, semicolons, colons and
    "but"."""
    cuts = [(m.start(), m.end()) for m in _PART_BREAK.finditer(sentence)]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(sentence)]
    return list(zip(starts, ends, strict=True))


def seeker_clause(seeker: str) -> str | None:
    """The seeker's first short first-person clause that carries a feeling of their own they
    express (as in :func:`seeker_feelings`), or else the first first-person clause (one in a
    sentence with such a feeling first), never one that only denies a feeling ("I'm not
    sad"); None when there is none."""
    return _clause(seeker, _read(seeker))


def _clause(seeker: str, feelings: Sequence[_Feeling]) -> str | None:
    """:func:`seeker_clause`, given the feeling words :func:`_read` found in ``seeker``.

    Each sentence is read as if on its own. Its feeling words read the same in the whole text:
    a sentence ends in ".", "!" or "?" or at a line break, each of which ends a clause and a
    negation, so nothing is read across it. Only a web address is looked for in the sentence's
    part alone of the run of text a feeling word is in ("I'm sad.Reddit.com" keeps "sad")."""
    starts = [feeling.match.start() for feeling in feelings]
    in_address: dict[tuple[int, int], bool] = {}  # each piece of an address run searched once
    candidates: list[tuple[int, int, str]] = []  # (preference, order, clause)
    for found in _SENTENCE.finditer(seeker):
        sentence = found.group(0)
        if not _FIRST_PERSON.search(sentence):
            continue
        offset, stop = found.span()
        expressed: list[int] = []  # where the feeling words are in the sentence, in order
        denied: list[int] = []
        for feeling in feelings[bisect_left(starts, offset) : bisect_left(starts, stop)]:
            if feeling.address is not None:
                piece = (max(feeling.address[0], offset), min(feeling.address[1], stop))
                if piece not in in_address:
                    in_address[piece] = _ADDRESS.search(seeker, *piece) is not None
                if in_address[piece]:
                    continue  # not theirs
            if feeling.use == "theirs":
                expressed.append(feeling.match.start() - offset)
            elif feeling.use == "denied":
                denied.append(feeling.match.start() - offset)
        for start, end in _parts(sentence):
            part = sentence[start:end].strip()
            if not _FIRST_PERSON.search(part) or len(part.split()) < 3 or _QUESTION.match(part):
                continue
            if bisect_left(expressed, start) < bisect_left(expressed, end):
                preference = 0
            elif bisect_left(denied, start) < bisect_left(denied, end):
                continue
            else:
                preference = 1 if expressed else 2
            candidates.append((preference, len(candidates), part))
    if not candidates:
        return None
    clause = min(candidates)[2]
    # "Like I'm being silly" would read "It sounds like like you're being silly".
    clause = _LEADING_FILLER.sub("", clause)
    return _clip(clause.rstrip(".!?"), _QUOTE_WORDS)


def second_person(clause: str) -> str:
    """The seeker's clause turned to the second person (word swaps only, nothing added);
    a curly apostrophe (U+2019) stays curly. "am" after a number is the time of day and
    stays ("4 am"); the first word is lower-cased only when it is a common word ("Nobody
    cares about me" -> "nobody cares about you"), so a name keeps its capital ("Sarah left
    me" -> "Sarah left you")."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        plain = _plain(word)
        if plain == "am" and _TIME_BEFORE_AM.search(clause, 0, match.start()):
            return word
        turned = _SWAPS.get(plain, word)
        return turned.replace("'", "\u2019") if "\u2019" in word else turned

    def were(match: re.Match[str]) -> str:
        was = match.group(2)
        return match.group(1) + ("WERE" if was.isupper() else was[0] + "ere")

    clause = _I_WAS.sub(were, clause)
    turned = _WORD.sub(swap, clause)
    first = _WORD.match(turned)
    if first is not None:
        word = first.group(0)
        if word[1:] == word[1:].lower() and _plain(word) in _LOWER_AT_START:
            return word.lower() + turned[first.end() :]
    return turned


def reflection_opening(clause: str) -> str:
    """The opening a reflection of the seeker's ``clause`` could start with: "It sounds like"
    and the clause in the second person (:func:`second_person`), with "you" put before a
    clause that starts with its verb because the seeker left out the "I" ("had to put my cat
    down" -> "It sounds like you had to put your cat down…")."""
    turned = second_person(clause).removesuffix("…")
    first = _WORD.match(turned)
    if first is not None and first.start() == 0 and _plain(first.group(0)) in _DROPPED_I_VERBS:
        turned = "you " + turned
    return f"It sounds like {turned}…"


def _opening(seeker: str, feelings: Sequence[_Feeling]) -> str | None:
    clause = _clause(seeker, feelings)
    if clause is None:
        return None
    return f'they wrote "{clause}" — a reflection could start: "{reflection_opening(clause)}"'


def feedback_for(analysis: ResponseAnalysis, seeker: str, response: str) -> tuple[str, ...]:
    """One or two feedback sentences for the helper who wrote ``response``."""
    sentences: list[str] = []
    empathy = max(_level(analysis, n) for n in ("interpretation", "exploration", "reflection"))
    sympathy = max(_level(analysis, "sympathy"), _level(analysis, "emotional_reaction"))
    signals = analysis.seeker.distress if analysis.seeker is not None else None
    distress = signals.level if signals is not None else 0
    low_distress = signals is not None and signals.level == 0
    read = _read(seeker)  # the seeker's feeling words, read once for all
    feelings = _own_feelings(read)
    opening = _opening(seeker, read)
    named = _named(response, seeker)
    understood = empathy >= 1 or named is not None
    compassion = _level(analysis, "compassion")
    unsafe = analysis.unsafe
    cues = analysis.seeker.crisis_cues if analysis.seeker is not None else ()
    worded = [cue for cue in cues if cue.label != LEARNED_CUE]  # the patterns' cues
    if unsafe:
        words = _clip(response[unsafe[0].start : unsafe[0].end], 8)
        sentences.append(
            f'"{words}" could push them towards harming themselves: take it out, ask them '
            "directly whether they are safe, and share a crisis line (988 in the US, text HOME "
            "to 741741, or findahelpline.com)."
        )
    elif worded:
        cue = worded[0]
        words = _clip(seeker[cue.start : cue.end], 8)
        sentences.append(
            f'They wrote "{words}": read their message closely, ask them directly whether they '
            "are thinking of harming themselves, and share a crisis line (988 in the US, text "
            "HOME to 741741, or findahelpline.com)."
        )
    elif _level(analysis, "dismissive") >= 1:
        quoted = _span_text(analysis.dimensions.get("dismissive"), response)
        where = f'"{quoted}" ' if quoted else "Parts of your reply "
        sentences.append(
            f"{where}may come across as minimising or judging what they shared; acknowledge "
            "how hard it is for them before offering another view."
        )
    elif analysis.style == "advice" and not understood:
        sentences.append(
            "You moved to solutions before showing you understood; reflect first — "
            + (opening + "." if opening else "say back in your words what they told you.")
        )
    elif compassion >= 1 and not understood:
        quoted = _span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(
            "You offered help"
            + (f' ("{quoted}")' if quoted else "")
            + "; show first that you understood what they are going through, so the help "
            "fits — " + (opening + "." if opening else "say back in your words what they told you.")
        )
    elif not understood and sympathy >= 1:
        used = {_family(word) for word in _WORD.findall(response)}
        offered = [word for word in feelings if _family(word) not in used]
        words = " and ".join(f'"{w}"' for w in offered[:2])
        hint = f"they may be feeling what they called {words}" if offered else None
        detail = "; ".join(part for part in (hint, opening) if part) or None
        # "sorrow" only where the message shows distress: "I got the job!" has none to share.
        shared = "responded warmly" if low_distress else "shared their sorrow"
        sentences.append(
            f"You {shared}; try naming what they may feel underneath"
            + (f" — {detail}." if detail else ".")
        )
    elif understood and compassion == 0 and distress >= 2:
        sentences.append(
            "You showed you understood; with this much distress, ask what would help right "
            "now or offer something concrete you can do."
        )
    elif compassion >= 1:
        quoted = _span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(
            "You showed understanding and moved to help"
            + (f' ("{quoted}")' if quoted else "")
            + "; check with them that the help fits what they want."
        )
    elif named is not None and empathy == 0:
        sentences.append(
            f'You named what they may feel ("{_around(response, named.match)}"); a question '
            "about how they feel now can invite them to go on."
        )
    elif empathy >= 1:
        if (
            _level(analysis, "exploration") >= 1
            and max(_level(analysis, "interpretation"), _level(analysis, "reflection")) == 0
        ):
            sentences.append(
                "Your question invites them to say more; pairing it with a reflection shows "
                "you heard them — " + (opening + "." if opening else "say back what they told you.")
            )
        else:
            shown = [
                analysis.dimensions[name]
                for name in ("reflection", "interpretation")
                if _level(analysis, name) >= 1
            ]
            quoted = _span_text(shown[0], response) if shown else None
            if quoted is not None and _about_the_helper(quoted):
                # EPITOME counts "same thing happened to me" as an interpretation: it is the
                # helper's own story, so the feedback says so rather than praise it as theirs.
                sentences.append(
                    f'You related it to your own experience ("{quoted}"); say what you think '
                    "it is like for them, and ask how they feel now."
                )
            else:
                sentences.append(
                    "You put their experience into words"
                    + (f' ("{quoted}")' if quoted else "")
                    + "; a question about how they feel now can invite them to go on."
                )
    else:
        sentences.append(
            "Your reply does not yet respond to what they shared; start by acknowledging it — "
            + (opening + "." if opening else "say back in your words what they told you.")
        )
    if cues and not worded and not unsafe:
        words = _clip(seeker[cues[0].start : cues[0].end], 8)
        sentences.append(
            f'Their message may hint at thoughts of not wanting to live ("{words}"): read it '
            "closely, and if anything in it worries you, ask them gently whether they are safe "
            "(988 in the US, text HOME to 741741, or findahelpline.com)."
        )
    elif analysis.flags.get("self_focus", 0.0) >= 0.5:
        sentences.append("Much of the reply is about your own experience; bring it back to theirs.")
    return tuple(sentences)


#: Words of the helper about themselves, and words that address the seeker.
_HELPER_WORDS = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself"])
_SEEKER_ADDRESS = frozenset([
    "you", "your", "you're", "youre", "you've", "you'd", "you'll", "yours", "yourself", "u",
    "ur",
])  # fmt: skip


#: Words that tell a story of the helper's own ("same thing happened to me", "I went through
#: that too", "I've been there") rather than an understanding ("I know how hard that is").
_OWN_STORY = frozenset([
    "same", "too", "also", "similar", "happened", "went", "been", "was", "had", "did",
    "used", "remember", "lost",
])  # fmt: skip


def _about_the_helper(quote: str) -> bool:
    """Whether ``quote`` tells the helper's own story ("Same thing happened to me last
    year", "I went through that too"): first-person words and a word of a story of theirs,
    and no word addressing the seeker nor a "sorry"."""
    words = {_plain(word) for word in _WORD.findall(quote)}
    return (
        bool(words & _HELPER_WORDS)
        and bool(words & _OWN_STORY)
        and not words & _SEEKER_ADDRESS
        and "sorry" not in words
    )


def quoted_fragments(sentences: Sequence[str]) -> list[str]:
    """Every double-quoted fragment in ``sentences`` (for checking what feedback quotes)."""
    return [m.group(1) for s in sentences for m in re.finditer(r'"([^"]+)"', s)]

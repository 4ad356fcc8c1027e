"""The feeling words carelens looks for, and the words read around them by more than one reader.

:data:`FEELING_WORDS` are the words :mod:`carelens.analysis.feelings` reads in a message for
how each is used. The word classes here are read around them there and, for whom a
capitalised word names, by :mod:`carelens.analysis.persons` too (none of them is a name:
:data:`carelens.analysis.persons.NEVER_NAMES`): the linking words after which a verb form is
a feeling (:data:`LINKING`: "I'm lost"), the adverbs between a subject and its verb
(:data:`VERB_ADVERBS`: "I just lost my dad", which a report may hold too: "my mom just
said") and the words a negation reaches past (:data:`NEGATION_SKIP`: "not really that
sad"). They live apart from the readings so that each of those modules can import them.
:data:`AFFECT_WORDS` are read in a helper's reply only
(:mod:`carelens.analysis.reply_feelings`), beside the feeling words.
"""

from __future__ import annotations

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
#: Words that name a feeling in a helper's reply (:mod:`carelens.analysis.reply_feelings`)
#: beside :data:`FEELING_WORDS`: the "-ing" and "-ful" adjectives of those feelings ("That
#: sounds exhausting", "how humiliating") and other common words of affect, hard and glad
#: ("you must be so proud", "you get mad over nothing"). They are read in a reply only: in
#: the seeker's message an "-ing" word mostly judges what happened ("the commute is
#: exhausting") and is no feeling to turn to the second person, and the other users of
#: :data:`FEELING_WORDS` (openings, names, the words lower-cased in an opening) are left as
#: they are.
AFFECT_WORDS: frozenset[str] = frozenset([
    "exhausting", "overwhelming", "terrifying", "frightening", "frightened", "scary",
    "frustrating", "humiliating", "heartbreaking", "depressing", "disappointing",
    "embarrassing", "devastating", "confusing", "isolating", "upsetting", "distressing",
    "discouraging", "discouraged", "infuriating", "maddening", "draining", "drained",
    "agonizing", "agonising", "stressful", "painful", "hurtful", "shocked", "shocking",
    "furious", "annoyed", "irritated", "bitter", "distraught", "distressed", "gutted",
    "unhappy", "powerless", "vulnerable", "unappreciated", "unheard", "misunderstood",
    "fearful", "uneasy", "unsettling", "unsettled", "happy", "proud", "relieved", "excited",
    "grateful", "hopeful", "thrilled", "joyful", "delighted", "mad", "pissed", "overlooked",
    "ignored", "dismissed", "unseen", "shaken", "rattled", "blindsided", "undervalued",
    "disrespected", "sidelined", "unsupported",
])  # fmt: skip
#: Words not counted among the few after a negation that it reaches (intensifiers, "or";
#: feeling words are not counted either): "not really that sad" denies "sad".
NEGATION_SKIP = frozenset([
    "so", "very", "really", "too", "that", "this", "even", "particularly", "quite", "all",
    "at", "as", "super", "totally", "completely", "actually", "truly", "much", "a", "am",
    "or",
])  # fmt: skip
#: Adverbs that may stand between a subject and its verb ("I just lost my dad").
VERB_ADVERBS = frozenset([
    "just", "recently", "finally", "also", "already", "then", "almost", "nearly", "really",
    "literally", "basically", "actually", "totally", "completely", "suddenly", "never",
    "ever", "kinda", "even", "still",
])  # fmt: skip
#: A verb form right after one of these is a feeling ("I'm lost", "I feel lost", "so lost").
LINKING = frozenset([
    "am", "i'm", "im", "is", "are", "was", "were", "be", "been", "being", "he's", "she's",
    "it's", "we're", "you're", "they're", "that's", "feel", "feels", "felt", "feeling", "get",
    "gets", "got", "getting", "become", "becomes", "became", "seem", "seems", "seemed", "look",
    "looks", "looked", "so", "very", "too", "quite", "pretty", "extremely", "super", "utterly",
    "incredibly", "more", "less", "most", "not", "nor",
])  # fmt: skip

"""How the first words of a suggested opening read: which open a clause whose "I" the seeker
left out, and which keep no capital.

A clause that opens with a past-tense verb (:func:`past_verb`: "Gave up my whole weekend",
"Officially withdrew from my degree", "Cleaned my bedroom"; a regular one only before its
object, as "Popped up in my head" may tell of a thought) or with a verb before "myself"
("Eventually force myself out of bed") left its "I" out, and the opening puts "you" before it
(:mod:`carelens.analysis.openings`). An adverb in "-ly" (:func:`ly_adverb`: "Officially",
"Eventually", "Obviously") may come before that verb. A first word of :data:`START_WORDS`
("Neuro says I should stop running", "Death is on my mind", "Best friend just bailed") or such
an adverb names no one, and is lower-cased (:func:`lower_start`); any other capitalised word may
be a name and keeps its capital ("Sarah left me").
"""

from __future__ import annotations

from carelens.analysis.words import WORD, plain

#: Irregular past-tense verbs that open a clause whose "I" the seeker left out ("Gave up my
#: whole weekend", "Sold my car", "Fell asleep at work"), beside those of
#: :data:`carelens.analysis.words.DROPPED_I_VERBS`; none is also a first name ("Drew" and
#: "Rose" are left out).
IRREGULAR_PAST = frozenset([
    "gave", "withdrew", "sold", "wrote", "drove", "fell", "bought", "brought", "caught",
    "taught", "fought", "sent", "built", "paid", "met", "held", "sat", "stood", "understood",
    "ran", "won", "began", "drank", "ate", "slept", "wept", "threw", "grew", "blew", "flew",
    "chose", "rode", "stole", "swore", "wore", "shook", "forgot", "forgave", "hid", "sang",
    "swam", "sank", "shot", "struck", "dug", "spoke", "overslept", "lent", "dealt", "meant",
    "burnt", "learnt", "said", "became", "bled", "fled", "overthought", "overdid",
])  # fmt: skip
#: Words that open the object of a regular past verb ("Cleaned my bedroom", "Re-homed one of
#: my dogs", "Married the love of my life"): a word in "-ed" before one of them is the verb.
_OBJECT_OPENERS = frozenset([
    "my", "the", "a", "an", "his", "her", "our", "their", "this", "that", "these", "those",
    "one", "two", "three", "some", "all", "every", "him", "them", "it", "me", "myself",
    "everything", "everyone", "another",
])  # fmt: skip
#: Words in "-ed" that are no past verb ("Red flags everywhere", "Bed rest for a week").
_NOT_PAST = frozenset(["red", "bed", "need", "speed", "seed", "feed", "shed", "weed", "sacred"])


def past_verb(head: str, after: str) -> bool:
    """Whether ``head`` (lower-cased, :func:`~carelens.analysis.words.plain`) is a past-tense
    verb that opens a clause whose "I" the seeker left out, given the word ``after`` it: an
    irregular one (:data:`IRREGULAR_PAST`: "Gave up my weekend", "Withdrew from my degree"),
    a regular one in "-ed" before its object (:data:`_OBJECT_OPENERS`: "Cleaned my bedroom",
    not "Popped up in my head", nor "Married for ten years"), or any word before "myself"
    ("Force myself out of bed")."""
    if head in IRREGULAR_PAST or after == "myself":
        return True
    regular = len(head) > 4 and head.endswith("ed") and head not in _NOT_PAST
    return regular and after in _OBJECT_OPENERS


#: Endings of adverbs in "-ly" that no first name has ("Officially", "Obviously",
#: "Eventually", "Hopefully", "Apparently"; not "Emily", "Kelly", "Holly").
_LY_ENDINGS = (
    "ally", "ously", "ively", "fully", "ably", "ibly", "ently", "antly", "ately", "edly",
    "ingly", "lessly", "arily",
)  # fmt: skip
#: Adverbs without such an ending that may open a clause before its verb ("Almost asked my
#: crush out") or name no one at its start ("Soon", "Often", "Once upon a time").
_OTHER_ADVERBS = frozenset(["almost", "soon", "often", "once", "sometime", "somehow", "luckily"])


def ly_adverb(word: str) -> bool:
    """Whether ``word`` (lower-cased) is an adverb that may stand before the verb of a clause
    whose "I" the seeker left out (:data:`_LY_ENDINGS`: "Officially withdrew from my degree",
    "Eventually force myself out of bed"; :data:`_OTHER_ADVERBS`: "Almost asked ...")."""
    return word in _OTHER_ADVERBS or (len(word) > 5 and word.endswith(_LY_ENDINGS))


#: Words that open a seeker's clause and name no one, capitalised there only as its first word:
#: people by their role ("Neuro says I should stop running", "Vet says it might be time"), not
#: "Mom", "Dad" or other words a seeker writes as names; things and times ("Death is on my
#: mind", "Winter is coming"); adjectives before a noun ("Best friend just bailed", "High
#: school has robbed me").
START_WORDS = frozenset([
    "neuro", "neurologist", "vet", "doctor", "doctors", "therapist", "psychiatrist",
    "psychologist", "counselor", "counsellor", "nurse", "boss", "manager", "teacher",
    "girlfriend", "boyfriend", "wife", "husband", "fiance", "fiancé", "partner", "sister",
    "brother", "son", "daughter", "friend", "roommate", "coworker", "landlord", "ex",
    "death", "depression", "anxiety", "sleep", "insomnia", "jealousy", "nostalgia",
    "loneliness", "therapy", "medication", "meds", "drugs", "alcohol", "money", "words",
    "books", "music", "weights", "winter", "summer", "autumn", "weekend", "weekends", "day",
    "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "job",
    "health", "college", "university", "uni", "exams", "reason", "news", "thing", "sun",
    "rain", "weather", "reality", "society", "best", "biggest", "funny", "good", "high",
    "mental", "self", "late", "early", "real", "everyone's", "everybody's", "nobody's",
])  # fmt: skip


def lower_start(opening: str) -> str:
    """``opening`` with its first word lower-cased where it names no one: a word of
    :data:`START_WORDS` or an adverb (:func:`ly_adverb`), written with a capital on its first
    letter alone ("Neuro says you should stop running" -> "neuro says you should stop
    running", "Obviously you have no one" -> "obviously you have no one")."""
    first = WORD.match(opening)
    if first is None:
        return opening
    word = first.group(0)
    folded = plain(word)
    if word[1:] != word[1:].lower() or not (folded in START_WORDS or ly_adverb(folded)):
        return opening
    return word.lower() + opening[first.end() :]

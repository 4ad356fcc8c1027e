"""Feedback for the helper: one or two specific sentences built from an analysis.

Feedback is assembled from the analysis (levels, rationale spans, style, flags, crisis cues),
from the seeker's own words and from the reply's. It never states facts about the seeker:
anything about their situation is quoted from their message, and a suggested opening line
only turns the seeker's own clause to the second person ("I feel like a burden" -> "you feel
like a burden", "ive", "im" -> "you've", "you're"; "we", "our" only in a message without
"I"): word swaps only, nothing added but the subject of a clause whose "I" the seeker left
out ("had to put my cat down" -> "you had to put your cat down", "Tired of my job" ->
"you're tired of your job", "Was so scared" -> "you were so scared", "Been so low" ->
"you've been so low"), so a name keeps its capital ("Sarah left me" -> "Sarah left you") and
a time stays ("4 am"); a sentence is not cut inside a web address, a number or an
abbreviation ("reddit.com/r/x", "4.5", "I.B.M."). Nothing inside a web address or handle is
turned ("@our_team"), nor quoted speech ('My mom says "I give up on you"'), nor the "my" of
"Oh my god", nor the numeral of "World War I"; an all-capitals "US" or "ME" is turned only in
a clause written in capitals ("I HATE MY LIFE"), or for a lone emphasised "ME" ("nobody cares
about ME"); and a clause with a word whose turning is in doubt ("I have ME", "Henry I was a
king", "Part I and", "id", a quotation cut open) is not offered for an opening, nor the part
of one in another language than English ("Mi mamá no me entiende and I feel so alone" offers
"I feel so alone"). Interjections, chat words and emoji at either end of a clause are left
out ("Lol", "ugh", "ngl", "haha", "well I guess"); a short clause runs on over the list after
its comma ("I'm sad, angry, scared and lonely"); and a clause clipped to
:data:`_QUOTE_WORDS` words keeps its feeling word and does not end on a word that needs
another ("...and you feel like such…").

Only the seeker's own feelings are offered: not those they deny, those that tell what
happened, nor another person's (:mod:`carelens.analysis.feelings` reads them, by word rules).
When the seeker message has nothing quotable, the feedback stays general. No quote starts
or ends inside personal data (:func:`carelens.privacy.find_personal`), nor inside a run of
text without spaces that holds some: the feedback is redacted line by line, and part of an
address ("sarah.jones@mail.", "London NW1 6XE") is no longer recognised there.

Rules, first match wins for the main sentence:

0. the reply urges them to die or gives a means (the analysis's ``unsafe`` words, from
   :mod:`carelens.analysis.unsafe`) -> quote those words, ask the helper to take them out,
   check on safety and share crisis resources;
1. crisis cues of the patterns in the seeker message (suicide or self-harm wording) -> read
   them now, ask directly, share crisis resources; for a cue about someone else (codebook
   v1.1's third party: "My son said he wants to kill himself"), ask about that person and
   whether they are safe now, share a line for them to use or pass on, and ask how the seeker
   is coping; what the reply already did (asked directly, named a crisis line, asked how they
   cope) is said so, and only the rest asked for;
2. dismissive -> quote the dismissive words, suggest acknowledging before anything else;
3. an offer of the helper's own help without understanding
   (:func:`carelens.analysis.rules.offer_spans`: "I'll drive you to the meeting") -> quote
   the offer, suggest showing first that they understood, with an opening from the seeker's
   words;
4. advice without understanding (the advice style, or help the ``advice`` flag marks as
   suggestions, beside sympathy too: "You should try going for a walk") -> quote the help,
   reflect first, with an opening from the seeker's words; other help without understanding
   (a resource) -> as an offer;
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

When only the learned crisis flag (:mod:`carelens.analysis.crisis_model`) marked the seeker
message, a sentence comes before the main one: it says the message :data:`LEARNED_HINT`,
quotes the sentence the flag marked and asks the helper to read it closely and, if anything
worries them, to ask gently whether the person is safe. Whatever marks a crisis is read
before the reply's craft, so it comes first; the flag reads words, not meaning, and on short
messages it also marks grief ("Our dog died this morning"), so it is a hint beside the
feedback on the reply, not, like a pattern cue, the whole of it. No suggested opening is built
on a clause a crisis cue covers (pattern or learned): "It sounds like you bought a gun to use
on yourself…" would echo the danger as a casual reflection. Otherwise a second sentence is
added when the helper's own story takes over the reply (self-focus), unless the main sentence
already said so ("You related it to your own experience").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.analysis.feelings import (
    ADDRESS,
    COMMON_WORDS,
    DROPPED_I_VERBS,
    FEELING_WORDS,
    SENTENCE,
    WORD,
    Feeling,
    feeling_family,
    named_in_reply,
    own_feelings,
    plain,
    read_feelings,
    sentence_parts,
)
from carelens.analysis.rules import offer_spans
from carelens.privacy import find_personal
from carelens.types import DimensionScore, ResponseAnalysis, Span

#: First-person words; an "I" of an abbreviation ("I.B.M.") is none.
_FIRST_PERSON = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|ive|i feel|i felt|i am|my)\b(?!\.[^\W\d_])",
    re.IGNORECASE,
)
#: First-person plural words: a message that speaks only of "we" ("We lost our baby at 20
#: weeks and we feel so empty") offers a clause of those when it has no "I" clause.
_FIRST_PLURAL = re.compile(
    r"\b(?:we|we['\u2019](?:re|ve|d|ll)|us|our|ours|ourselves)\b", re.IGNORECASE
)
#: A subject of the seeker's own: a short clause ("I'm sad", "I was") runs on over the
#: comma-separated parts after it up to the next of these ("I'm sad, angry, scared and
#: lonely", "I was, honestly, so embarrassed").
_OWN_SUBJECT = re.compile(
    r"\b(?:i|i['\u2019](?:m|ve|d|ll)|im|ive|we|we['\u2019](?:re|ve|d|ll))\b", re.IGNORECASE
)
#: Words that start a clause without belonging to it, taken off its start again and again:
#: fillers ("Like I'm being silly", "and", "so"), interjections and chat words ("Yeah",
#: "Lol", "Idk", "ngl", "ugh", "well", "Oh my god"), a hedge before a clause of the seeker's
#: ("I guess I'm just lonely"), and emoji or other marks ("😭😭"). "It sounds like Lol you
#: feel so dumb…" is no reflection.
_LEADING_EXTRA = re.compile(
    r"(?:[^\w\s'\"\u2018\u201c(@#/+$\u00a3\u20ac%&]+"
    r"|(?:(?:oh\s+)?my\s+(?:god|gosh|goodness|lord)|omg|oh|ah|aw+|yeah|yea|yep|yup|yes|nah|lol"
    r"|lmao|lmfao|rofl|idk|dunno|ngl|tbh|haha\w*|hehe\w*|ugh+|welp|well|um+|uh+|hmm+"
    r"|sigh|ok|okay|anyway|anyways|wow|hey|hi|hello|like|and|but|so|that|because|just)"
    r"(?=[\s,!\u2026]|$)"
    r"|i\s+(?:guess|think|mean|suppose)(?=[\s,]+(?:i|i['\u2019](?:m|ve|d)|im|ive|my|we)\b))"
    r"[\s,.!\u2026]*",
    re.IGNORECASE,
)
#: The same at the end of a clause: chat words ("haha", "lol", "rn", "I guess"), emoji and
#: marks ("I feel so stupid haha", "I miss him so much 😭").
_TRAILING_EXTRA = re.compile(
    r"[\s,]*(?:[^\w\s'\"\u2019\u201d)%$\u00a3\u20ac]+"
    r"|(?<=[\s,])(?:haha\w*|hehe\w*|lol|lmao|lmfao|rofl|xd|rn|tbh|ngl|idk|smh|fml|ugh+"
    r"|i\s+guess|(?:oh\s+)?my\s+god|omg))$",
    re.IGNORECASE,
)
#: After "idk" ("Idk why I feel this way") a question word makes the rest no statement.
_WH_AFTER_IDK = re.compile(
    r"(?:idk|dunno)[\s,]+(?:why|what|how|if|whether|where|who|which|when)\b", re.IGNORECASE
)
#: Verbs that open an imperative clause ("Tell my mom I'm sorry", "Please don't hate me"): it
#: addresses someone, so "It sounds like" cannot start it. The verbs of a clause whose "I" the
#: seeker left out (:data:`carelens.analysis.feelings.DROPPED_I_VERBS`: "had to put my cat
#: down", "feel like a burden") are not among them.
_IMPERATIVES = frozenset([
    "tell", "say", "give", "let", "let's", "lets", "please", "go", "come", "make", "take", "call",
    "stop", "leave", "forget", "remember", "look", "listen", "help", "get", "put", "send",
    "bring", "ask", "try", "wait", "be", "do", "pray", "promise", "kiss", "hug", "bury",
    "delete", "read", "don't", "dont",
]) - DROPPED_I_VERBS  # fmt: skip
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
_SWAPS = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
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
#: A run of text without spaces.
_NO_SPACE_RUN = re.compile(r"\S+")
#: "I" before a full stop and a letter is part of an abbreviation ("I.B.M."), no pronoun.
_ABBREVIATION_AFTER = re.compile(r"\.[^\W\d_]")
#: An all-capitals word after one of these is a noun, not a pronoun ("the US", "THE US").
_ARTICLES = frozenset(["the", "a", "an"])
#: Lower-case words that may follow the pronoun "I" ("Sarah I miss you", "At Christmas I
#: feel alone"); after a capitalised word inside a sentence, an "I" followed by anything else
#: may be a numeral ("World War I and", "after Henry I", "Part I").
_AFTER_I = DROPPED_I_VERBS | frozenset([
    "am", "was", "wasn't", "were", "do", "did", "does", "can", "could", "would", "will",
    "should", "shall", "may", "might", "must", "won't", "wouldn't", "couldn't", "shouldn't",
    "haven't", "hadn't", "just", "really", "never", "always", "still", "also", "only", "even",
    "often", "usually", "sometimes", "finally", "recently", "already", "feel", "think",
    "wish", "hope", "say", "said", "see", "get", "go", "try", "mean", "like", "hear", "lost",
    "cry", "cried", "cannot", "kinda", "literally", "actually", "honestly",
    "basically", "totally", "probably", "definitely", "barely", "hardly", "almost", "used",
])  # fmt: skip
#: An "I" after one of these is the pronoun ("Then I", "And I", "My I..."), never a numeral.
_NO_NUMERAL_AFTER = COMMON_WORDS | frozenset(_SWAPS)
#: A capital "I" right after "World War" is the numeral, whatever follows ("World War I was
#: brutal"): no pronoun, and nothing in doubt.
_WORLD_WAR_BEFORE = re.compile(r"\bworld\s+war\s+$", re.IGNORECASE)
#: Names that monarchs bear with the numeral "I" ("Henry I", "Elizabeth I"). Written with a
#: capital right before a capital "I", they make it a numeral in doubt wherever they stand,
#: also first in a sentence ("Henry I was a king"), where any word has a capital: so only
#: these names do, never "Then I was", "Mom I was", "Sorry I was" or "Sarah I was wrong".
_REGNAL_NAMES = frozenset([
    "henry", "elizabeth", "charles", "james", "richard", "william", "edward", "george",
    "mary", "louis", "peter", "catherine", "alexander", "nicholas", "frederick", "philip",
    "napoleon", "ferdinand", "isabella", "leopold", "wilhelm", "francis",
])  # fmt: skip
#: Nouns numbered with Roman numerals ("Part I", "Type I diabetes", "Stage I cancer"):
#: capitalised right before a capital "I", they make it a numeral in doubt, first in a
#: sentence too ("Type I diabetes runs in my family").
_NUMBERED = frozenset([
    "part", "chapter", "act", "volume", "book", "phase", "stage", "type", "season", "episode",
])  # fmt: skip
#: After one of these, a name is the one told something and the "I" after it begins what
#: they were told ("I told James I was sad"): the pronoun, even after a monarch's name.
_TOLD = frozenset([
    "told", "tell", "tells", "telling", "ask", "asks", "asked", "text", "texts", "texted",
    "promise", "promised", "remind", "reminded", "warned", "assured", "wrote", "emailed",
    "messaged", "show", "showed",
])  # fmt: skip
#: A lone all-capitals "ME" in a clause with lower-case letters is the emphasised pronoun
#: ("nobody cares about ME") right after one of these words, whose object it is and after
#: which neither the illness ("I have ME", "living with ME", "a cure for ME") nor the state
#: ("moved to ME", "in ME") is written.
_ME_AFTER = frozenset([
    "at", "against", "than", "over", "without", "except", "toward", "towards", "why", "hate",
    "hates", "hated", "love", "loves", "loved", "likes", "liked", "blame", "blames", "blamed",
    "ignore", "ignores", "ignored", "left", "hurt", "hurts", "chose", "picked",
])  # fmt: skip
#: ... or right after one of these prepositions when one of its words comes before it:
#: "cares about ME", "listens to ME", "there for ME" ("read about ME" and "moved to ME"
#: stay in doubt).
_ME_AFTER_PAIR = {
    "about": frozenset([
        "care", "cares", "cared", "caring", "think", "thinks", "thought", "thinking", "worry",
        "worries", "worried", "ask", "asks", "asked", "forget", "forgets", "forgot",
        "forgotten", "all", "what", "how",
    ]),
    "to": frozenset([
        "listen", "listens", "listened", "listening", "talk", "talks", "talked", "talking",
        "speak", "speaks", "spoke", "lie", "lies", "lied", "lying", "nice", "mean", "rude",
        "cruel", "kind", "matter", "matters", "mattered",
    ]),
    "for": frozenset(["there", "here"]),
}  # fmt: skip
#: The words that may follow an emphasised "ME" in its clause (else only a mark or the end
#: of the clause may): "nobody cares about ME anymore", "they blame ME for everything".
#: "ME symptoms", "ME is real" are the illness.
_AFTER_ME = frozenset([
    "anymore", "too", "either", "again", "ever", "at", "for", "and", "or", "because", "so",
    "when", "instead", "now", "anyway", "though",
])  # fmt: skip
#: First-person subjects: the object of a verb whose subject is "I" would be "myself", so an
#: "ME" whose nearest subject is one of these is not an emphasised "me" ("I hate ME", "I'm
#: so mad at ME").
_I_SUBJECT = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "i'll"])
#: Other subjects: an "ME" after one of these has it for subject ("I know everyone hates ME").
_OTHER_SUBJECT = frozenset([
    "he", "she", "it", "we", "you", "they", "he's", "she's", "it's", "we're", "you're",
    "they're", "he'd", "she'd", "we'd", "you'd", "they'd", "everyone", "everybody", "nobody",
    "one", "someone", "somebody", "anyone", "anybody", "people", "who",
])  # fmt: skip
#: Adverbs that may stand between "I" and "was" ("I really was devastated" -> "you really
#: were devastated") and before the verb of a clause that left out its "I" ("Really miss my
#: mom" -> "you really miss your mom").
_ADVERBS = frozenset([
    "really", "just", "honestly", "actually", "also", "always", "never", "still", "literally",
    "truly", "genuinely", "seriously", "totally", "kinda", "sometimes", "often", "finally",
    "already", "even", "only", "so", "very", "pretty", "extremely", "completely", "absolutely",
    "basically", "definitely", "probably", "recently", "lately",
])  # fmt: skip
#: "my" before these is an exclamation ("Oh my god I feel so stupid"), not the seeker's.
_EXCLAIMED = frozenset(["god", "gosh", "goodness", "lord", "gawd", "heavens"])
#: Words of another language than English, common in mixed messages ("Mi mamá no me
#: entiende"): "me" or "mi" there is no English pronoun, so such a part of a clause is left
#: out of an opening (the clause after it may still be offered: "... and I feel so alone").
_FOREIGN = frozenset([
    # Spanish
    "que", "qué", "mi", "mis", "mí", "tú", "él", "el", "los", "las", "por", "para", "pero",
    "muy", "estoy", "estás", "está", "están", "soy", "eres", "es", "y", "porque", "nadie",
    "siento", "tengo", "quiero", "nunca", "también", "más", "mamá", "papá", "entiende",
    "entiendo", "del", "una", "vida", "conmigo", "contigo", "ella",
    "ellos", "hoy", "aquí", "triste", "sola", "cansada", "cansado", "puedo", "gracias",
    "hermano", "hermana", "amiga", "novio", "novia", "esposo", "esposa", "hijo", "hija",
    "dios", "pues", "te", "tu", "nos", "quiere", "sé", "mucha",
    # Portuguese, French, Italian, German
    "não", "você", "minha", "meu", "muito", "estou", "sou", "ninguém", "mãe", "pai",
    "je", "moi", "suis", "mais", "très", "avec", "rien", "toi", "vous", "nous",
    "sono", "mio", "perché", "anche", "molto", "ich", "mich", "mein", "meine",
    "nicht", "und", "ist", "habe", "sehr", "aber",
])  # fmt: skip
#: Seen in an opening that starts with the verb of a clause whose "I" the seeker left out,
#: beside :data:`carelens.analysis.feelings.DROPPED_I_VERBS` ("Just lost my job" -> "you
#: lost your job", "Cried all night and I ..."), and the "you" each form of "be" takes there.
_DROPPED_SUBJECT_VERBS = DROPPED_I_VERBS | frozenset([
    "lost", "cried", "cry", "hurt", "wish", "hope", "worry", "can", "could", "couldn't",
    "won't", "wouldn't", "would", "will", "should", "might", "must", "barely", "hardly",
    "keep", "lose",
])  # fmt: skip
_BE_SUBJECT = {"am": "you", "was": "you", "wasn't": "you", "been": "you've"}
#: "-ing" words that end so and are no verb: no "you're" before them ("Nothing helps").
_NOT_ING = frozenset([
    "nothing", "something", "anything", "everything", "thing", "things", "morning", "evening",
    "wedding", "building", "ceiling", "king", "ring", "spring", "sibling", "darling",
    "during", "feelings", "meeting", "ending", "beginning", "bring", "sing", "swing", "sting",
])  # fmt: skip
#: Verbs that make a clause's opening "-ing" word its subject ("Losing my dad was the
#: hardest thing"), so no "you're" goes before it.
_FINITE = frozenset([
    "is", "was", "has", "makes", "made", "feels", "felt", "seems", "hurts", "sucks", "isn't",
    "wasn't", "doesn't", "didn't", "helps", "helped", "takes", "took", "gets", "got", "can",
    "will", "would", "keeps", "kept", "brings", "brought",
])  # fmt: skip
#: Feeling words that are nouns ("Failure as a dad"): no "you're" before them.
_FEELING_NOUNS = frozenset(["burden", "failure", "shame", "regret", "grief", "pain"])
#: After a feeling word that opens a clause, these make it the adjective of a left-out "I'm"
#: ("Tired of my job", "Lost since my divorce", not "Lost my job").
_AFTER_FEELING = frozenset([
    "of", "and", "or", "but", "since", "because", "about", "with", "at", "by", "after", "from",
    "to", "that", "today", "tonight", "lately", "again", "all", "right", "now", "for", "as",
    "in", "when", "these", "this", "every", "af", "beyond",
])  # fmt: skip
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
#: A suggested opening starts with one of these lower-cased.
_LOWER_AT_START = COMMON_WORDS | FEELING_WORDS
_QUOTE_WORDS = 14
#: How many words past :data:`_QUOTE_WORDS` a clipped clause may run to keep its feeling.
_FEELING_SLACK = 4


def _level(analysis: ResponseAnalysis, name: str) -> int:
    score = analysis.dimensions.get(name)
    return score.level if score is not None else 0


def _span_text(score: DimensionScore | None, response: str, words: int = 10) -> str | None:
    if score is None or score.level == 0 or not score.spans:
        return None
    best = max(score.spans, key=lambda s: s.score)
    return _quote(response, best.start, best.end, words)


@lru_cache(maxsize=8)
def _personal_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Where personal data lies in ``text`` (:func:`carelens.privacy.find_personal`), each
    finding widened to the whole runs of text without spaces at its two ends, in order and
    apart: a quoted piece that starts or ends inside one would show part of it, which
    redaction, reading the feedback on its own, no longer recognises ("sarah.jones@mail." of
    an e-mail address, "London NW1 6XE" of a street address). Kept for the last few texts:
    one pair's feedback asks about its response and seeker message several times."""
    runs: list[tuple[int, int]] = []
    for found in find_personal(text):
        start, end = found.start, found.end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if runs and start < runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return tuple(runs)


def _outside_personal(
    text: str, start: int, end: int, runs: Sequence[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """``start`` and ``end`` of a piece of ``text`` moved out of personal data (the
    :func:`_personal_runs` of ``text`` unless ``runs`` are given): a start inside one back
    to its start, an end inside one on to its end, so the piece holds all of it or none."""
    for first, last in _personal_runs(text) if runs is None else runs:
        if first < start < last:
            start = first
        if first < end < last:
            end = last
    return start, end


def _quote(text: str, start: int, end: int, words: int) -> str:
    """``text[start:end]`` clipped to ``words`` words (:func:`_clip`), its ends first moved
    out of personal data (:func:`_outside_personal`): the span of a rationale ends at every
    full stop, also one inside an address ("Try sarah@counselling."), and a cue or an unsafe
    span may start or end inside one too."""
    start, end = _outside_personal(text, start, end)
    return _clip(text[start:end], words)


def _clip(text: str, words: int) -> str:
    """Whitespace-collapsed ``text`` cut to ``words`` words; double quotes become single ones
    so that a quotation of it never nests inside the feedback's own quotes.

    The cut never falls inside personal data (:func:`carelens.privacy.find_personal`: an
    address, a phone number, ...): the quote then runs to its end, so that redaction, which
    reads the feedback on its own, finds the whole of it rather than an unrecognisable part
    ("visits me at 221B Baker…"). A piece of personal data counts as one word, as its
    placeholder does once redacted ("I live at [address] and I feel alone"). A double quote
    right before personal data becomes an opening curly one (U+2018), since redaction finds no
    street address right after a straight one ("'42 Elm Street'")."""
    collapsed = " ".join(text.split())
    opens = {found.start - 1 for found in find_personal(collapsed)}
    parts = "".join(
        ("\u2018" if k in opens else "'") if c == '"' else c for k, c in enumerate(collapsed)
    ).strip(" ,;:-")
    tokens = parts.split(" ")
    if len(tokens) <= words:
        return parts
    found = find_personal(parts)
    counted = 0
    holder: int | None = None  # the personal data the word before lies in
    cut = len(parts)
    for token in _NO_SPACE_RUN.finditer(parts):
        held = next(
            (k for k, f in enumerate(found) if f.start < token.end() and token.start() < f.end),
            None,
        )
        if held is None or held != holder:
            counted += 1
        holder = held
        if counted > words:
            cut = token.start() - 1  # before the space that ends the last word kept
            break
    for personal in found:
        if personal.start < cut < personal.end:
            cut = personal.end
    return parts if cut >= len(parts) else parts[:cut] + "…"


def _around(text: str, at: re.Match[str], words: int = 10) -> str:
    """The part of ``text``'s sentence (between commas, "but"...) that holds the word ``at``,
    clipped to ``words`` words, without a final full stop; it starts three words before
    ``at`` when ``at`` lies further in, so the quote always shows the word. Neither end lies
    inside personal data (:func:`_outside_personal`), so redaction reading the feedback alone
    finds all of it."""
    for found in SENTENCE.finditer(text):
        if found.start() <= at.start() < found.end():
            break
    else:  # pragma: no cover - every word lies in a sentence
        return _clip(at.group(0), words)
    offset = found.start()
    for start, end in sentence_parts(found.group(0)):
        if start <= at.start() - offset < end:
            break
    else:  # the word is in no part only if a break mark holds it, which a word never is
        start, end = 0, len(found.group(0))
    runs = _personal_runs(text)
    start, end = _outside_personal(text, offset + start, offset + end, runs)
    before = [m.start() for m in _NO_SPACE_RUN.finditer(text, start, at.start())]
    if len(before) >= words - 1:
        start = _outside_personal(text, before[-3], end, runs)[0]
    return _clip(text[start:end], words).removesuffix(".")


def seeker_clause(seeker: str) -> str | None:
    """The seeker's first short first-person clause that carries a feeling of their own they
    express (as in :func:`seeker_feelings`), or else the first first-person clause (one in a
    sentence with such a feeling first), never one that only denies a feeling ("I'm not
    sad") nor one with a word whose turning is in doubt (:func:`_turn`: "World War I", "I
    have ME"); None when there is none."""
    return _clause(seeker, read_feelings(seeker))


def _clause(
    seeker: str, feelings: Sequence[Feeling], avoid: Sequence[tuple[int, int]] = ()
) -> str | None:
    """:func:`seeker_clause`, given the feeling words :func:`read_feelings` found in ``seeker``;
    no clause that overlaps a span of ``avoid`` (the crisis cues: "It sounds like you bought a
    gun to use on yourself…" is no opening to suggest), nor one that starts with an imperative
    (:data:`_IMPERATIVES`: "It sounds like Tell your mom you're sorry…"). A message without a
    first-person word ("I", "my"...) offers a clause of "we" or "our" ("We lost our baby and
    we feel so empty")."""
    found = _clause_of(seeker, feelings, avoid, _FIRST_PERSON)
    if found is None and _FIRST_PERSON.search(seeker) is None and _FIRST_PLURAL.search(seeker):
        found = _clause_of(seeker, feelings, avoid, _FIRST_PLURAL)
    return found


def _clause_of(
    seeker: str,
    feelings: Sequence[Feeling],
    avoid: Sequence[tuple[int, int]],
    person: re.Pattern[str],
) -> str | None:
    """:func:`_clause` for clauses with a word of ``person`` (first person, or plural).

    Each sentence is read as if on its own. Its feeling words read the same in the whole text:
    a sentence ends in ".", "!" or "?" or at a line break, each of which ends a clause and a
    negation, so nothing is read across it. Only a web address is looked for in the sentence's
    part alone of the run of text a feeling word is in ("I'm sad.Reddit.com" keeps "sad").

    A part of a sentence too short to offer ("I'm sad", "I was") runs on over the
    comma-separated parts after it that have no subject of the seeker's own ("I'm sad, angry,
    scared and lonely all at once"); interjections, chat words and emoji at either end are
    left out (:func:`_trim`), and so is a part in another language than English before an
    English clause ("Mi mamá no me entiende and I feel so alone" offers "I feel so alone")."""
    starts = [feeling.match.start() for feeling in feelings]
    in_address: dict[tuple[int, int], bool] = {}  # each piece of an address run searched once
    candidates: list[tuple[int, int, int, int]] = []  # (preference, order, start, end)
    expressed_at: list[int] = []  # where the seeker's own feeling words are, in order
    runs = _personal_runs(seeker)
    for found in SENTENCE.finditer(seeker):
        sentence = found.group(0)
        if not person.search(sentence):
            continue
        offset, stop = found.span()
        expressed: list[int] = []  # where the feeling words are in the sentence, in order
        denied: list[int] = []
        for feeling in feelings[bisect_left(starts, offset) : bisect_left(starts, stop)]:
            if feeling.address is not None:
                piece = (max(feeling.address[0], offset), min(feeling.address[1], stop))
                if piece not in in_address:
                    in_address[piece] = ADDRESS.search(seeker, *piece) is not None
                if in_address[piece]:
                    continue  # not theirs
            if feeling.use == "theirs":
                expressed.append(feeling.match.start() - offset)
            elif feeling.use == "denied":
                denied.append(feeling.match.start() - offset)
        expressed_at.extend(offset + at for at in expressed)
        parts = _whole_parts(sentence, offset, runs)
        for k, (start, end) in enumerate(parts):
            if len(seeker[offset + start : offset + end].split()) < 3:
                # "I'm sad, angry, scared and lonely": the list after a short part is its own
                j = k
                while (
                    j + 1 < len(parts)
                    and seeker[offset + parts[j][1] : offset + parts[j + 1][0]].strip() == ","
                    and not _OWN_SUBJECT.search(
                        seeker[offset + parts[j + 1][0] : offset + parts[j + 1][1]]
                    )
                ):
                    j += 1
                end = parts[j][1]
            if any(a < offset + end and offset + start < b for a, b in avoid):
                continue
            trimmed = _trim(seeker, offset + start, offset + end, runs)
            if trimmed is None:
                continue
            part = seeker[trimmed[0] : trimmed[1]]
            if not person.search(part) or len(part.split()) < 3 or _QUESTION.match(part):
                continue
            first = WORD.match(part)
            if first is not None and plain(first.group(0)) in _IMPERATIVES:
                continue
            if bisect_left(expressed, start) < bisect_left(expressed, end):
                preference = 0
            elif bisect_left(denied, start) < bisect_left(denied, end):
                continue
            else:
                preference = 1 if expressed else 2
            candidates.append((preference, len(candidates), *trimmed))
    for _, _, start, end in sorted(candidates):
        clause = _clip_clause(seeker, start, end, expressed_at, runs)
        _, doubt, turned = _turn(clause)
        # A clause with a word in doubt is not offered, nor one whose first-person words are
        # all no pronoun ("World War I was brutal", "example.com/my-story is down").
        if turned and not doubt:
            return clause
    return None


#: A word of :data:`_FOREIGN`, whole (as :data:`carelens.analysis.feelings.WORD` reads
#: words: "y'all" holds none).
_FOREIGN_WORD = re.compile(
    r"(?<![^\W\d_'\u2019])(?:"
    + "|".join(sorted(_FOREIGN, key=len, reverse=True))
    + r")(?![^\W\d_]|['\u2019][^\W\d_])",
    re.IGNORECASE,
)
#: An English conjunction after a part in another language starts the English clause.
_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|so|because)\s+", re.IGNORECASE)


def _trim(
    text: str, start: int, end: int, runs: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """``start`` and ``end`` of the clause ``text[start:end]`` moved in past what does not
    belong to it: fillers, interjections, chat words, a hedge and emoji at its start
    (:data:`_LEADING_EXTRA`: "Lol I feel so dumb", "well I guess I'm just lonely"), chat
    words, emoji and marks at its end (:data:`_TRAILING_EXTRA`: "I feel so stupid haha"), and
    a part in another language before an English conjunction (:data:`_FOREIGN`); neither end
    moves inside personal data (:func:`_outside_personal`). None when nothing English is left
    or what follows "idk" is a question word ("Idk why I feel this way")."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        if _WH_AFTER_IDK.match(text, start, end):
            return None
        lead = _LEADING_EXTRA.match(text, start, end)
        if lead is not None and lead.end() > start:
            start = lead.end()
            continue
        foreign = [w.end() for w in _FOREIGN_WORD.finditer(text, start, end)]
        if not foreign:
            break
        after = _CONJUNCTION.search(text, foreign[-1], end)
        if after is None:
            return None
        start = after.end()
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        # what is taken off is short (a run of emoji or marks may be longer: taken in turns)
        trail = _TRAILING_EXTRA.search(text, max(start, end - 24), end)
        if trail is None or trail.start() >= end:
            break
        end = trail.start()
    return _outside_personal(text, start, end, runs) if start < end else None


def _needs_more(token: str) -> bool:
    """Whether a clause cut after ``token`` ends on a word that needs another after it
    (:data:`_NOT_LAST`)."""
    return plain(token.strip(",;:.!?…'\"")) in _NOT_LAST


def _clip_clause(
    text: str, start: int, end: int, feelings: Sequence[int], runs: Sequence[tuple[int, int]]
) -> str:
    """The clause ``text[start:end]`` clipped to :data:`_QUOTE_WORDS` words (:func:`_clip`),
    so that it keeps the first of the seeker's own feeling words in it (``feelings``: where
    they start in ``text``, in order) and does not end on a word that needs another after it
    (:data:`_NOT_LAST`: "...and you feel like such…"): a feeling word a few words past the
    limit (:data:`_FEELING_SLACK`) is taken in; one further on is reached by starting at the
    seeker's subject before it ("... and now I feel so alone" offers "I feel so alone");
    neither end falls inside personal data."""
    if len(text[start:end].split()) <= _QUOTE_WORDS:
        return _clip(text[start:end], _QUOTE_WORDS)  # nothing to cut
    whole = _clip(text[start:end], _QUOTE_WORDS)  # personal data counts as one word
    if not whole.endswith("…"):
        return whole
    tokens = list(_NO_SPACE_RUN.finditer(text, start, end))
    held = feelings[bisect_left(feelings, start) : bisect_left(feelings, end)]
    feel = next((k for k, t in enumerate(tokens) if held and t.start() <= held[0] < t.end()), None)
    begin = 0
    if feel is not None and feel >= _QUOTE_WORDS + _FEELING_SLACK:
        for j in range(feel, feel - _QUOTE_WORDS, -1):
            if _OWN_SUBJECT.fullmatch(tokens[j].group(0).strip(",;:")):
                begin = j
                break
    stop = min(len(tokens), begin + _QUOTE_WORDS)
    if feel is not None and stop <= feel < begin + _QUOTE_WORDS + _FEELING_SLACK:
        stop = feel + 1
    # back off a few function words; a run of them ("very very very…") is cut as it is
    cut = stop
    while cut > max(begin + 1, stop - 4) and _needs_more(tokens[cut - 1].group(0)):
        cut -= 1
    if not _needs_more(tokens[cut - 1].group(0)):
        stop = cut
    first, last = _outside_personal(text, tokens[begin].start(), tokens[stop - 1].end(), runs)
    clipped = _clip(text[first:last], len(tokens))
    return clipped if last >= end else clipped.rstrip(".!?,;:") + "…"


def _whole_parts(
    sentence: str, offset: int, runs: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The :func:`sentence_parts` of ``sentence`` (at ``offset`` in a text whose personal
    data lies in ``runs``, :func:`_personal_runs`), none of which starts or ends inside
    personal data: a break inside it is none ("I live at 221B Baker Street, London NW1 6XE
    and I feel alone" is one part, not "London NW1 6XE and I feel alone"); where the sentence
    itself starts inside personal data, its first part starts after it, and where it ends
    inside, its last part runs to its end (offsets may then pass the sentence's)."""

    def inside(position: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in runs if a < offset + position < b), None)

    parts: list[tuple[int, int]] = []
    for start, end in sentence_parts(sentence):
        if parts and (inside(parts[-1][1]) or inside(start)):
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    if (run := inside(parts[0][0])) is not None:
        parts[0] = (run[1] - offset, max(parts[0][1], run[1] - offset))
    if (run := inside(parts[-1][1])) is not None:
        parts[-1] = (parts[-1][0], run[1] - offset)
    return parts


def second_person(clause: str) -> str:
    """The seeker's clause turned to the second person (word swaps only, nothing added);
    a curly apostrophe (U+2019) stays curly. "am" after a number is the time of day and
    stays ("4 am"); the first word is lower-cased only when it is a common word ("Nobody
    cares about me" -> "nobody cares about you"), so a name keeps its capital ("Sarah left
    me" -> "Sarah left you"). What is not surely a pronoun stays as written (:func:`_turn`)."""
    return _turn(clause)[0]


def _turn(clause: str) -> tuple[str, bool, bool]:
    """:func:`second_person`, whether a word of ``clause`` is in doubt, which
    :func:`_clause` then does not offer for an opening, and whether a word was turned.

    Nothing inside a web address or handle is turned ("example.com/my-story",
    "@our_team"), nor an "I" of an abbreviation ("I.B.M.") or of "World War I". An
    all-capitals form of two or more letters is a pronoun only in a clause written in
    capitals ("I HATE MY LIFE"): "the US" is the country, and in a clause with lower-case
    letters "ME" may be the illness or the state, so it is in doubt, unless it is a lone
    emphasised "me" (:func:`_emphasised_me`: "nobody cares about ME"); an "AM" right after
    "I" is still the verb. An "I" that may be a numeral (:func:`_maybe_numeral`: "Henry I
    was", "Part I and") is in doubt too."""
    capitals = not any(c.islower() for c in clause)
    addresses = [
        run.span()
        for run in _NO_SPACE_RUN.finditer(clause)
        if ADDRESS.search(clause, *run.span()) is not None
    ]
    words = list(WORD.finditer(clause))
    quoted, unclosed = _quoted_speech(clause)
    out: list[str] = []
    done = 0  # where the text copied to ``out`` ends
    # a quotation opened and never closed (clipped, say) with a first-person word after its
    # mark: whose words are they?
    doubt = unclosed is not None and _FIRST_PERSON.search(clause, unclosed + 1) is not None
    swapped_i = -1  # the index of the last "I" turned to "you"
    for k, match in enumerate(words):
        word = match.group(0)
        folded = plain(word)
        before = plain(words[k - 1].group(0)) if k > 0 else ""
        if any(first < match.start() < last for first, last in quoted):
            continue  # quoted speech: 'My mom always says "I give up on you"'
        if folded in ("was", "wasn't") and swapped_i >= 0 and _after_i(clause, words, swapped_i, k):
            # "I was", "I really was" -> "you were", "you really were" ("it was" stays)
            turned = ("WERE" if word[:3].isupper() else word[0] + "ere") + word[3:]
        elif folded == "id":
            doubt = True  # "id" may be "I'd" or an ID
            continue
        elif folded not in _SWAPS or _no_pronoun(clause, match, addresses):
            continue
        elif folded == "my" and _exclaimed(clause, words, k):
            continue  # "Oh my god", "oh my"
        elif folded == "i" and _maybe_numeral(clause, words, k):
            doubt = True
            continue
        elif len(word) > 1 and word.isupper() and "'" not in folded and before in _ARTICLES:
            continue  # "the US", "THE US"
        elif len(word) > 1 and word.isupper() and "'" not in folded and not capitals:
            if not (folded == "am" and swapped_i == k - 1) and not _emphasised_me(clause, words, k):
                doubt = True
                continue
            turned = _SWAPS[folded]
        else:
            turned = _SWAPS[folded]
            if folded == "i":
                swapped_i = k
        out.append(clause[done : match.start()])
        out.append(turned.replace("'", "\u2019") if "\u2019" in word else turned)
        done = match.end()
    turned_any = bool(out)
    out.append(clause[done:])
    turned_clause = "".join(out)
    first = WORD.match(turned_clause)
    if first is not None:
        word = first.group(0)
        if word[1:] == word[1:].lower() and plain(word) in _LOWER_AT_START:
            turned_clause = word.lower() + turned_clause[first.end() :]
    return turned_clause, doubt, turned_any


#: A quotation mark, straight or curly (a straight or curly apostrophe too).
_QUOTE_MARK = re.compile("[\"'\u2018\u2019\u201c\u201d]")


#: An apostrophe that starts a word: no quotation ("'cause", "'til", "'em").
_ELISION = re.compile(
    "['\u2019](?:cause|cos|cuz|til|till|em|bout|round|n|tis|twas)\\b", re.IGNORECASE
)


def _quoted_speech(clause: str) -> tuple[list[tuple[int, int]], int | None]:
    """Where quoted speech lies in ``clause`` (the positions of its two marks: 'I told him
    "I love you"'), and where a quotation opened that is never closed (or None). A mark
    between two letters or digits is an apostrophe ("don't"); one after a space or at the
    start, before a character that is no space, opens; one after a character that is no
    space, before no letter or digit, closes ("friends' houses" closes none)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(clause):
        at = mark.start()
        before = clause[at - 1] if at > 0 else " "
        after = clause[at + 1] if at + 1 < len(clause) else " "
        if before.isalnum() and after.isalnum():
            continue
        if opened is None:
            if not before.isalnum() and not after.isspace() and not _ELISION.match(clause, at):
                opened = at
        elif not before.isspace() and not after.isalnum():
            regions.append((opened, at))
            opened = None
    return regions, opened


def _after_i(clause: str, words: Sequence[re.Match[str]], i: int, k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` follows the "I" at ``i``, with nothing
    between but spaces and adverbs (:data:`_ADVERBS`: "I really was")."""
    return all(_adjacent(clause, words, j) for j in range(i + 1, k + 1)) and all(
        plain(words[j].group(0)) in _ADVERBS for j in range(i + 1, k)
    )


def _exclaimed(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "my" at ``k`` of ``clause`` is part of an exclamation ("my god", "oh my
    gosh", "oh my" on its own), not the seeker's."""
    if k + 1 < len(words) and _adjacent(clause, words, k + 1):
        return plain(words[k + 1].group(0)) in _EXCLAIMED
    return k > 0 and _adjacent(clause, words, k) and plain(words[k - 1].group(0)) == "oh"


def _adjacent(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the word at ``k`` of ``clause`` directly follows the one before it (only
    spaces between)."""
    return 0 < k < len(words) and not clause[words[k - 1].end() : words[k].start()].strip()


def _no_pronoun(clause: str, match: re.Match[str], addresses: Sequence[tuple[int, int]]) -> bool:
    """Whether the pronoun form ``match`` of ``clause`` is surely no pronoun: inside a web
    address or handle (``addresses``), the "am" of a time ("4 am") or the "I" of an
    abbreviation ("I.B.M.")."""
    folded = plain(match.group(0))
    return (
        any(start <= match.start() < end for start, end in addresses)
        or (folded == "am" and _TIME_BEFORE_AM.search(clause, 0, match.start()) is not None)
        or (folded == "i" and _ABBREVIATION_AFTER.match(clause, match.end()) is not None)
        or (
            match.group(0) == "I" and _WORLD_WAR_BEFORE.search(clause, 0, match.start()) is not None
        )
    )


def _maybe_numeral(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the "I" at ``k`` of ``clause`` may be a Roman numeral: a capital "I" right
    after a capitalised monarch's name (:data:`_REGNAL_NAMES`, unless a word of telling
    comes before it: "I told James I was sad") or a numbered noun (:data:`_NUMBERED`), also
    first in the clause ("Henry I was a king", "Part I was long"); or right after any other
    capitalised word that is not the first of the clause, nor a common word or a pronoun
    ("after Henryk I and"), and not followed by a lower-case word that may follow a
    pronoun ("Sarah I miss")."""
    if not _adjacent(clause, words, k):
        return False
    before = words[k - 1].group(0)
    if not before[0].isupper():
        return False
    named = plain(before)
    if words[k].group(0) == "I" and (
        named in _NUMBERED
        or (named in _REGNAL_NAMES and not (k >= 2 and plain(words[k - 2].group(0)) in _TOLD))
    ):
        return True
    if k < 2 or before.isupper() or named in _NO_NUMERAL_AFTER:
        return False
    after = words[k + 1].group(0) if k + 1 < len(words) else ""
    follows = plain(after)
    return not (after[:1].islower() and (follows in _AFTER_I or follows.endswith(("ed", "n't"))))


def _emphasised_me(clause: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Whether the all-capitals "ME" at ``k`` of ``clause`` (a clause with lower-case
    letters) is an emphasised "me" ("nobody cares about ME", "why ME"), not the illness
    ("I have ME") nor the state ("moved to ME"): the only all-capitals word of two or more
    letters in the clause, right after a word whose object it is and after which neither is
    written (:data:`_ME_AFTER`, :data:`_ME_AFTER_PAIR`), whose subject, when one of the four
    words before it is one, is not "I" (that object would be "myself": "I hate ME" is the
    illness), and at the end of the clause, before a mark, or before a word of
    :data:`_AFTER_ME`."""
    if words[k].group(0) != "ME" or not _adjacent(clause, words, k):
        return False
    if any(len(w.group(0)) > 1 and w.group(0).isupper() for j, w in enumerate(words) if j != k):
        return False  # not alone: "ME/CFS", "ME and IBS", "I'M" ...
    before = words[k - 1].group(0)
    if before != before.lower():
        return False
    if plain(before) not in _ME_AFTER:
        heads = _ME_AFTER_PAIR.get(plain(before))
        if heads is None or not _adjacent(clause, words, k - 1):
            return False
        if plain(words[k - 2].group(0)) not in heads:
            return False
    for word in reversed(words[max(0, k - 4) : k]):  # its subject, if near
        if plain(word.group(0)) in _I_SUBJECT:
            return False
        if plain(word.group(0)) in _OTHER_SUBJECT:
            break
    if _adjacent(clause, words, k + 1):
        after = words[k + 1].group(0)
        return after.islower() and plain(after) in _AFTER_ME
    return True


def reflection_opening(clause: str) -> str:
    """The opening a reflection of the seeker's ``clause`` could start with: "It sounds like"
    and the clause in the second person (:func:`second_person`), with "you" put before a
    clause that starts with its verb because the seeker left out the "I" ("had to put my cat
    down" -> "It sounds like you had to put your cat down…")."""
    turned = second_person(clause).removesuffix("…")
    words = list(WORD.finditer(clause))
    if not words or words[0].start() != 0:
        return f"It sounds like {turned}…"
    k = 0  # the head: the first word after any adverbs ("Really miss my mom")
    while k + 1 < len(words) and plain(words[k].group(0)) in _ADVERBS:
        k += 1
    head = plain(words[k].group(0))
    subject = _left_out_subject(head, [plain(word.group(0)) for word in words[k + 1 :]])
    if subject is not None:
        first = WORD.match(turned)  # a verb or a feeling now, no name: "you're failing"
        if first is not None and first.group(0)[1:] == first.group(0)[1:].lower():
            turned = first.group(0).lower() + turned[first.end() :]
        if head in ("was", "wasn't"):  # "Was so scared" -> "you were so scared"
            at = list(WORD.finditer(turned))[k]
            turned = turned[: at.start()] + head.replace("was", "were") + turned[at.end() :]
        turned = f"{subject} {turned}"
    return f"It sounds like {turned}…"


def _left_out_subject(head: str, rest: Sequence[str]) -> str | None:
    """The subject to put before a clause whose "I" the seeker left out, given its first word
    after any adverbs (``head``) and the words after it (``rest``, lower-cased): "you're"
    before a feeling ("Tired of my job") or an "-ing" verb ("Feeling so lost", not "Losing my
    dad was hard"), "you" before a verb ("Lost my job", "Am so tired" (turned "are")),
    "you've" before "been"; None for any other clause."""
    if head in _BE_SUBJECT:
        return _BE_SUBJECT[head]
    if head.endswith("ing") and len(head) > 4 and head not in _NOT_ING:
        return None if _FINITE.intersection(rest) else "you're"
    after = rest[0] if rest else ""
    feeling = head in FEELING_WORDS and head not in _FEELING_NOUNS
    if feeling and (not after or after in _AFTER_FEELING):
        return "you're"  # "Lost since my divorce"
    if head in _DROPPED_SUBJECT_VERBS:
        return "you"  # "Lost my job"
    return "you're" if feeling else None


def _opening(
    seeker: str, feelings: Sequence[Feeling], avoid: Sequence[tuple[int, int]] = ()
) -> str | None:
    clause = _clause(seeker, feelings, avoid)
    if clause is None:
        return None
    return f'they wrote "{clause}" — a reflection could start: "{reflection_opening(clause)}"'


#: The crisis lines of :data:`carelens.analysis.crisis.CRISIS_RESOURCES` in one line, as
#: every crisis sentence and the command line's summary name them: 988 and 741741 are US
#: lines, findahelpline.com lists those of other countries (their numbers are public
#: contacts, which redaction leaves: :data:`carelens.analysis.crisis.RESOURCE_CONTACTS`).
CRISIS_LINES = "988 or text HOME to 741741 in the US; findahelpline.com elsewhere"
_CRISIS_LINES = f"({CRISIS_LINES})"
#: What a cue of the learned flag alone may mean, in feedback and on the annotation page: the
#: flag marks suicidal thoughts, self-harm and reports about others alike (and grief).
LEARNED_HINT = "may point to a crisis (thoughts of suicide or self-harm)"


#: Words of a crisis cue, or the nearest of them before it in its sentence, that tell whose
#: risk it is: the seeker's ("kill myself", "I self harm", "my thoughts of suicide") or
#: someone else's (codebook v1.1's third party: "he wants to kill himself", "my son is
#: suicidal", "my best friend cuts herself").
_OWN_RISK = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "myself", "mine",
])  # fmt: skip
_THEIR_RISK = frozenset([
    "he", "she", "they", "he's", "she's", "they're", "him", "her", "them", "his", "their",
    "himself", "herself", "themselves", "themself",
    "son", "daughter", "kid", "child", "teen", "teenager", "boy", "girl", "baby", "mom", "mum",
    "mother", "dad", "father", "parent", "brother", "sister", "sibling", "husband", "wife",
    "partner", "spouse", "boyfriend", "girlfriend", "bf", "gf", "fiance", "fiancee", "friend",
    "bestie", "roommate", "cousin", "niece", "nephew", "aunt", "uncle", "grandma", "grandpa",
    "student", "classmate", "coworker", "colleague",
])  # fmt: skip
#: A question of the reply about harm or safety ("Are you thinking of killing yourself right
#: now?", "Is he safe tonight?", "Do you have a plan?"): it asked directly.
_ASKS_ABOUT_HARM = re.compile(
    r"\b(?:suicid\w*|kill(?:ing)?\s+(?:your|him|her|them)sel(?:f|ves)|(?:end|take)(?:ing)?\s+"
    r"(?:your|his|her|their)\s+(?:own\s+)?life|(?:hurt|harm)(?:ing)?\s+(?:your|him|her|them)"
    r"sel(?:f|ves)|self[\s-]*harm\w*|cutting|safe|die|dying|a\s+plan)\b",
    re.IGNORECASE,
)
#: A crisis line or emergency service the reply names ("Please call or text 988").
_SHARES_A_LINE = re.compile(
    r"\b(?:988|741741)\b|findahelpline|\b(?:hot|help|life)\s*line|\bcrisis\s+(?:text\s+)?"
    r"(?:line|cent(?:er|re)|team|service)|\bsamaritans\b|\b(?:call|dial|ring)\s+(?:911|999|112|000)"
    r"\b|\bemergency\s+(?:services|room|number)",
    re.IGNORECASE,
)
#: The reply asks how the seeker is coping ("How are you holding up?").
_ASKS_HOW_THEY_COPE = re.compile(
    r"\bhow\s+are\s+you\s+(?:\w+\s+)?(?:coping|holding\s+up|doing|managing|feeling)\b"
    r"|\bhow\s+about\s+you\b|\bare\s+you\s+(?:ok|okay|alright|all\s+right)\b",
    re.IGNORECASE,
)


def _someone_elses_risk(seeker: str, cue: Span) -> bool:
    """Whether the crisis ``cue`` of ``seeker`` tells of someone else's risk (codebook v1.1's
    third party: "My son said he wants to kill himself"): a word of the cue itself says whose
    it is ("kill myself", "cuts herself"), or else the nearest such word before it in its
    sentence ("my son is suicidal", "my thoughts of suicide", "I self harm"); where none
    does, it is the seeker's."""
    for word in WORD.findall(seeker, cue.start, cue.end):
        if plain(word) in _OWN_RISK:
            return False
        if plain(word) in _THEIR_RISK:
            return True
    begins = max((m.start() for m in SENTENCE.finditer(seeker, 0, cue.start + 1)), default=0)
    for word in reversed(WORD.findall(seeker, begins, cue.start)):
        folded = plain(word).removesuffix("'s")
        if folded in _OWN_RISK:
            return False
        if folded in _THEIR_RISK or folded.removesuffix("s") in _THEIR_RISK:
            return True
    return False


def _listed(items: Sequence[str]) -> str:
    """``items`` as a list in words ("a and b", "a, b, and c"; "a and b, and c")."""
    if len(items) < 3:
        return (", and " if any(" and " in item for item in items) else " and ").join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _crisis_sentence(seeker: str, cues: Sequence[Span], response: str) -> str:
    """What to do about the crisis ``cues`` of the patterns in ``seeker``: read closely, ask
    directly, share a crisis line; for someone else at risk (:func:`_someone_elses_risk`,
    every cue), ask about that person and whether they are safe now, share a line for them to
    use or pass on, and ask how the seeker is coping. What ``response`` already did (a
    question about harm or safety, a crisis line named, a question of how they cope) is said
    so, and only what is missing is asked for."""
    own = [cue for cue in cues if not _someone_elses_risk(seeker, cue)]
    cue = own[0] if own else cues[0]
    words = _quote(seeker, cue.start, cue.end, 8)
    asked = any(
        "?" in found.group(0) and _ASKS_ABOUT_HARM.search(found.group(0))
        for found in SENTENCE.finditer(response)
    )
    shared = _SHARES_A_LINE.search(response) is not None
    if own:
        steps = [
            ("asked them directly", "ask them directly whether they are thinking of harming "
             "themselves", asked),
            ("shared a crisis line", f"share a crisis line {_CRISIS_LINES}", shared),
        ]  # fmt: skip
        who = ""  # the seeker's own
    else:
        coping = _ASKS_HOW_THEY_COPE.search(response) is not None
        steps = [
            ("asked whether that person is safe", "ask about that person and whether they are "
             "safe now", asked),
            ("shared a crisis line", f"share a crisis line for them to use or pass on "
             f"{_CRISIS_LINES}", shared),
            ("asked how they are coping", "ask how they themselves are coping", coping),
        ]  # fmt: skip
        who = " about someone at risk"
    done = [did for did, _, is_done in steps if is_done]
    missing = [todo for _, todo, is_done in steps if not is_done]
    if not done:
        return f'They wrote "{words}"{who}: {_listed(["read their message closely", *missing])}.'
    if not missing:
        return (
            f'They wrote "{words}"{who}: you {_listed(done)}, as a message like this needs; '
            "keep reading closely what they answer."
        )
    return f'They wrote "{words}"{who}: you {_listed(done)}; also {_listed(missing)}.'


def _offers(
    analysis: ResponseAnalysis, response: str, understood: bool, compassion: int
) -> Span | None:
    """The first sentence of ``response`` where the helper offers their own help, company or
    follow-up (:func:`carelens.analysis.rules.offer_spans`), when the reply shows help or
    advice (compassion 1 or 2, or the ``advice`` style) without understanding; else None."""
    if understood or not (compassion >= 1 or analysis.style == "advice"):
        return None
    found = offer_spans(response)
    return found[0] if found else None


def feedback_for(analysis: ResponseAnalysis, seeker: str, response: str) -> tuple[str, ...]:
    """One or two feedback sentences for the helper who wrote ``response``."""
    sentences: list[str] = []
    empathy = max(_level(analysis, n) for n in ("interpretation", "exploration", "reflection"))
    sympathy = max(_level(analysis, "sympathy"), _level(analysis, "emotional_reaction"))
    signals = analysis.seeker.distress if analysis.seeker is not None else None
    distress = signals.level if signals is not None else 0
    low_distress = signals is not None and signals.level == 0
    read = read_feelings(seeker)  # the seeker's feeling words, read once for all
    feelings = own_feelings(read)
    cues = analysis.seeker.crisis_cues if analysis.seeker is not None else ()
    # no opening on the crisis words themselves (a learned cue covers its sentence)
    opening = _opening(seeker, read, [(cue.start, cue.end) for cue in cues])
    named = named_in_reply(response, seeker)
    understood = empathy >= 1 or named is not None
    compassion = _level(analysis, "compassion")
    # what to suggest next when nothing else fits: a reflection on their own words
    reflect = opening + "." if opening else "say back in your words what they told you."
    unsafe = analysis.unsafe
    own_story = False  # the reply's understanding is the helper's own story
    worded = [cue for cue in cues if cue.label != LEARNED_CUE]  # the patterns' cues
    if unsafe:
        words = _quote(response, unsafe[0].start, unsafe[0].end, 8)
        sentences.append(
            f'"{words}" could push them towards harming themselves: take it out, ask them '
            f"directly whether they are safe, and share a crisis line {_CRISIS_LINES}."
        )
    elif worded:
        sentences.append(_crisis_sentence(seeker, worded, response))
    elif _level(analysis, "dismissive") >= 1:
        quoted = _span_text(analysis.dimensions.get("dismissive"), response)
        where = f'"{quoted}" ' if quoted else "Parts of your reply "
        sentences.append(
            f"{where}may come across as minimising or judging what they shared; acknowledge "
            "how hard it is for them before offering another view."
        )
    elif (offers := _offers(analysis, response, understood, compassion)) is not None:
        # The helper's own offer ("I'll drive you to the meeting on Thursday") comes before
        # the advice sentence: an offer is no advice. The model's rationale is quoted where it
        # lies in the offer's sentence, else that sentence.
        score = analysis.dimensions.get("compassion")
        best = max(score.spans, key=lambda s: s.score) if score and score.spans else None
        if best is None or not (best.start < offers.end and offers.start < best.end):
            best = offers
        quoted = _quote(response, best.start, best.end, 10).removesuffix(".")
        sentences.append(
            f'You offered help ("{quoted}"); show first that you understood what they are '
            "going through, so the help fits — " + reflect
        )
    elif not understood and (
        analysis.style == "advice" or (compassion >= 1 and analysis.flags.get("advice", 0.0) >= 0.5)
    ):
        # Suggestions ("You should try going for a walk"), also beside sympathy; the model's
        # rationale for the help, if any, is quoted.
        quoted = _span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(
            "You moved to solutions before showing you understood"
            + (f' ("{quoted}")' if quoted else "")
            + "; reflect first — "
            + reflect
        )
    elif compassion >= 1 and not understood:
        # Help that is neither the helper's own offer nor advice (a resource, say).
        quoted = _span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(
            "You offered help"
            + (f' ("{quoted}")' if quoted else "")
            + "; show first that you understood what they are going through, so the help "
            "fits — " + reflect
        )
    elif not understood and sympathy >= 1:
        used = {feeling_family(word) for word in WORD.findall(response)}
        offered = [word for word in feelings if feeling_family(word) not in used]
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
            own_story = quoted is not None and _about_the_helper(quoted)
            if own_story:
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
            + reflect
        )
    if cues and not worded and not unsafe:
        # The hint comes first: a crisis is read before the reply's craft.
        words = _quote(seeker, cues[0].start, cues[0].end, 8)
        sentences.insert(
            0,
            f'Their message {LEARNED_HINT} where they wrote "{words}": read it closely, and if '
            "anything in it worries you, ask them gently whether they are safe "
            f"{_CRISIS_LINES}.",
        )
    elif analysis.flags.get("self_focus", 0.0) >= 0.5 and not own_story:
        # Not after "You related it to your own experience": that sentence says it already.
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
    words = {plain(word) for word in WORD.findall(quote)}
    return (
        bool(words & _HELPER_WORDS)
        and bool(words & _OWN_STORY)
        and not words & _SEEKER_ADDRESS
        and "sorry" not in words
    )


def quoted_fragments(sentences: Sequence[str]) -> list[str]:
    """Every double-quoted fragment in ``sentences`` (for checking what feedback quotes)."""
    return [m.group(1) for s in sentences for m in re.finditer(r'"([^"]+)"', s)]

"""The suggested opening of a reflection, built on a clause of the seeker's own.

A suggested opening only turns the seeker's own clause to the second person
(:mod:`carelens.analysis.pronouns`): nothing is added but the subject of a clause whose "I" the
seeker left out ("had to put my cat down" -> "you had to put your cat down", "Tired of my job"
-> "you're tired of your job", "Was so scared" -> "you were so scared", "Been so low" -> "you've
been so low"). The clause is the seeker's first short first-person one that carries a feeling of
their own (:mod:`carelens.analysis.feelings`: not one they deny, one that tells what happened,
nor another person's), else their first first-person clause; "we", "our" only in a message
without "I". A sentence is not cut inside a web address, a number or an abbreviation
("reddit.com/r/x", "4.5", "I.B.M.", "St. Mary's"), nor inside a quotation ('My coach yelled
"you're worthless!" at practice': :func:`_sentences`), nor a clause inside personal data; a
clipped clause stops before a quotation it would cut open. No clause is offered from a line of
a Markdown block quote ("> I know exactly how you feel": someone else's words), nor one that
asks a question ("cant you see I'm hurting"), starts with an imperative ("Don't tell my mom
I'm sad"; not "Don't know what to do with my life"), holds a word whose turning is in doubt
(a quotation cut open, or the seeker's own "you" addressed to someone: "Dad, I miss you so
much" would read "you miss you"; their own clause after it may be offered:
:func:`carelens.analysis.pronouns.addressed`, read with a vocative its comma cuts off: "I feel
like you can't win, Dad", :func:`_named_beside`), opens a subordinate clause without a main
clause of its own ("Whatever I do", "When I wake up": :func:`_subordinate_only`), or holds
words of danger: a crisis cue ("It sounds like you bought a gun to use on yourself…" would
echo the danger as a casual reflection), crisis wording the seeker negates, urging or method
words, or "kys", "die", "kill myself"... whoever the seeker says wrote them (:data:`_DANGER`),
also masked ("d-i-e", "d.i.e", "k*ll myself", "d*e": :func:`carelens.text.unmask`,
:data:`_DANGER_MASKED`), or letters spelled out one by one ("s u i c i d e"); the seeker's own
feeling before the connective of such words that tell of someone else's act may be ("I feel
lost since she took her own life" offers "I feel lost": :func:`_before_danger`), and so may
their own clause after such words ("People at school told me to kys and I feel worthless"
offers "I feel worthless"). Nor is the part of a clause in another language than English, before or
after the English one ("Mi mamá no me entiende and I feel so alone" offers "I feel so alone",
"I feel so empty and I want to morir" offers "I feel so empty",
:func:`carelens.analysis.pronouns.foreign_words`); English words with accents are English
("café", "naïve", "fiancé"). Brackets that pair around the whole clause are left out ("(I
feel so alone)": :func:`_bracketed`). Markdown marks are left out of the words offered ("**I
feel so alone** since..." offers "I feel so alone since...",
:func:`carelens.analysis.quoting.clip`), but a "*" typed for a letter at a word's edge stays,
as the seeker typed it ("I feel so *ead inside": :func:`carelens.analysis.quoting.masked_stars`).
A first word that names no one is lower-cased ("people at school laugh at you", "losing your
dad was the worst"); a name keeps its capital.
Interjections, chat words, fillers, emoji and emoticons at either end of a clause are left out
("Lol", "ugh", "ngl", "haha", "well I guess", "honestly", ">:(", "T_T": :data:`_EMOTICON`),
emoji inside it are left out of the opening,
and so is a "sorry" that ends it as an apology ("My english is not good sorry"), a clause that
apologises for the message coming last; a short clause runs on over the list after its comma
("I'm sad, angry, scared and lonely"); and a clause clipped to :data:`_QUOTE_WORDS` words
keeps its feeling word and does not end on a word that needs another ("...and you feel like
such…").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.crisis import crisis_scan
from carelens.analysis.crisis_feedback import whose_before
from carelens.analysis.feelings import (
    ADDRESS,
    COMMON_WORDS,
    DROPPED_I_VERBS,
    FEELING_WORDS,
    SENTENCE,
    WORD,
    Feeling,
    plain,
    read_feelings,
    sentence_parts,
)
from carelens.analysis.pronouns import (
    ADVERBS,
    FIRST_PERSON,
    SPELLED_OUT,
    addressed,
    foreign_words,
    quoted_speech,
    second_person,
    turn_clause,
)
from carelens.analysis.quoting import (
    NO_SPACE_RUN,
    clip,
    masked_stars,
    outside_personal,
    personal_runs,
)
from carelens.analysis.unsafe import unsafe_spans
from carelens.analysis.unsafe_frames import BLOCK_QUOTE_LINE
from carelens.text import MASKED_LETTER, fold, unmask, vowels_masked

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
#: fillers ("Like I'm being silly", "and", "so", "honestly"), interjections and chat words ("Yeah",
#: "Lol", "Idk", "ngl", "ugh", "well", "Oh my god"), a hedge before a clause of the seeker's
#: ("I guess I'm just lonely"), and emoji or other marks ("😭😭"). "It sounds like Lol you
#: feel so dumb…" is no reflection.
_LEADING_EXTRA = re.compile(
    r"(?:[^\w\s'\"\u2018\u201c(@#/+$\u00a3\u20ac%&]+"
    r"|(?:(?:oh\s+)?my\s+(?:god|gosh|goodness|lord)|omg|oh|ah|aw+|yeah|yea|yep|yup|yes|nah|lol"
    r"|lmao|lmfao|rofl|idk|dunno|ngl|tbh|haha\w*|hehe\w*|ugh+|welp|well|um+|uh+|hmm+"
    r"|sigh|ok|okay|anyway|anyways|wow|hey|hi|hello|like|and|but|so|that|because|just"
    r"|honestly|basically|literally|seriously|frankly|truthfully)"
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
#: A "sorry" at the end of a clause, an apology for the message beside it ("My english is
#: not good sorry"), unless a word before it makes it the seeker's feeling
#: (:data:`_BEFORE_SORRY`: "I feel so sorry").
_TRAILING_SORRY = re.compile(r"[\s,]+sorry$", re.IGNORECASE)
_BEFORE_SORRY = frozenset([
    "so", "very", "really", "too", "am", "i'm", "im", "was", "be", "feel", "feels", "felt",
    "been", "is", "are", "were", "truly", "deeply", "super", "extremely", "sooo", "soo",
    "say", "said", "not", "never", "just", "being", "feeling",
])  # fmt: skip
#: An apology for the message itself ("My english is not good sorry", "sorry for my bad
#: grammar", "I'm on mobile"): a clause of the seeker's with anything else comes first.
_APOLOGY = re.compile(
    r"\b(?:my\s+english|english\s+is\s+not\s+my|(?:sorry|apologi[sz]e)\s+(?:for|about)\s+"
    r"(?:my\s+|the\s+)?(?:bad\s+|poor\s+|broken\s+)?(?:english|grammar|spelling|format\w*|typos?)"
    r"|not\s+(?:a\s+)?native\s+(?:english\s+)?speaker|i(?:['\u2019]m|\s+am)\s+on\s+mobile)\b",
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
    "delete", "read",
]) - DROPPED_I_VERBS  # fmt: skip
#: A "don't" that opens a clause is the seeker's own, its "I" left out, only before one of
#: these verbs (after any adverbs: "Don't really know what to do"); before any other it may
#: open an imperative ("Don't tell my mom I'm sad", "dont judge me", "Don't feel bad for me"),
#: which addresses someone.
_AFTER_DONT = frozenset([
    "know", "want", "wanna", "understand", "care", "need", "deserve", "belong", "have",
    "remember",
])  # fmt: skip
#: A clause that asks ("Am I alone because I'm depressed", "or do I just give up", "Why did
#: you leave me", "What if I fail", "cant you see I'm hurting"): an auxiliary before its
#: subject, or a question word before an auxiliary; a negated auxiliary may be texted without
#: its apostrophe ("cant", "dont", "isnt"), and "you" as "u". "It sounds like am I alone..."
#: is no reflection, so no opening is built on one ("When I was a kid, ..." and "How I feel
#: doesn't matter" are statements).
_AUXILIARIES = (
    r"am|is|are|was|were|do|does|did|can|could|should|would|will|shall|have|has|had|may|"
    r"might|must|(?:is|are|was|do|does|did|ca|wo|could|would|should)n['\u2019]?t"
)
_QUESTION = re.compile(
    r"(?:(?:and|or|but|so)\s+)?(?:"
    rf"(?:{_AUXILIARIES})\s+(?:i|you|u|he|she|it|we|they|anyone|anybody|someone|somebody|there|"
    r"this|that|my|people|everyone)\b"
    rf"|(?:why|what|how|who|where|when|which)\s+(?:{_AUXILIARIES}|if)\b)",
    re.IGNORECASE,
)
#: Seen in an opening that starts with the verb of a clause whose "I" the seeker left out,
#: beside :data:`carelens.analysis.feelings.DROPPED_I_VERBS` ("Just lost my job" -> "you
#: lost your job", "Cried all night and I ..."), and the "you" each form of "be" takes there.
_DROPPED_SUBJECT_VERBS = DROPPED_I_VERBS | frozenset([
    "lost", "cried", "cry", "hurt", "wish", "hope", "worry", "can", "could", "couldn't",
    "won't", "wouldn't", "would", "will", "should", "might", "must", "barely", "hardly",
    "keep", "lose", "dont",
])  # fmt: skip
_BE_SUBJECT = {"am": "you", "was": "you", "wasn't": "you", "been": "you've"}
#: "-ing" words that end so and are no verb: no "you're" before them ("Nothing helps").
_NOT_ING = frozenset([
    "nothing", "something", "anything", "everything", "thing", "things", "morning", "evening",
    "wedding", "building", "ceiling", "king", "ring", "spring", "sibling", "darling",
    "during", "feelings", "meeting", "ending", "beginning", "bring", "sing", "swing", "sting",
])  # fmt: skip
#: Words after an "-ing" verb that opens a clause: its object or particle ("Losing my dad",
#: "Moving out"), which a name is not followed by.
_GERUND_AFTER = frozenset([
    "my", "our", "the", "a", "an", "him", "her", "them", "me", "us", "it", "this", "that",
    "everything", "everyone", "people", "out", "up", "away", "back", "through", "over",
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
#: Words that echo danger whoever writes them, beside the crisis cues and the unsafe words:
#: "kys" and what someone else urged ("told me to kys", "said I should kill myself"), "die",
#: "suicide", "self harm", "overdose", "end it all", "took his own life" (not "cut myself
#: off", "cut yourself some slack"). A clause with one is no casual opening ("It sounds like
#: people at school told you to kys…" echoes the danger).
_KYS = r"\bk\.?\s?y\.?\s?s+\b"
# After the verbs of harm: "myself", "yourself"... (group by group, as :data:`_DANGER_MASKED`
# reads them).
_SELF = (
    r"\w*\s+(?:my|your|ur|him|her|them|our|one)?\s*sel(?:f|ves)\b"
    r"(?!\s+(?:some\s+)?(?:slack|a\s+break|off|free|loose|short|out)\b)"
)
_HARM_VERBS = r"kill|unalive|off|hang|stab|slit|hurt|harm|cut|burn"
_DANGER_WORDS = (
    r"\b(?:die|suicid\w*|self[\s-]*harm\w*|overdos\w*)\b"
    r"|\bend(?:s|ed|ing)?\s+(?:it\s+all|(?:my|your|his|her|their|our)\s+(?:own\s+)?li(?:fe|ves))\b"
    r"|\b(?:take|takes|took|taking|taken)\s+(?:my|your|his|her|their|our)\s+own\s+li(?:fe|ves)\b"
)
_DANGER = re.compile(rf"{_KYS}|\b(?:shoot|{_HARM_VERBS}){_SELF}|{_DANGER_WORDS}", re.IGNORECASE)
#: :data:`_DANGER` with a masked letter for any vowel of its words, read in text that
#: :func:`~carelens.text.unmask` read ("k*ll myself", "d*e": :func:`~carelens.text.vowels_masked`);
#: "kys" only as "k*s" ("k*ss" is a kiss), and "shoot" only with one "o" shown ("sh*ot":
#: "sh*t myself", "sh**t myself" are swearing).
_DANGER_MASKED = re.compile(
    "|".join(
        (
            _KYS,
            rf"\bk{MASKED_LETTER}s\b",
            rf"\bsh(?:o[o{MASKED_LETTER}]|{MASKED_LETTER}o)t{vowels_masked(_SELF)}",
            vowels_masked(rf"\b(?:{_HARM_VERBS}){_SELF}"),
            vowels_masked(_DANGER_WORDS),
        )
    ),
    re.IGNORECASE,
)
_QUOTE_WORDS = 14
#: How many words past :data:`_QUOTE_WORDS` a clipped clause may run to keep its feeling.
_FEELING_SLACK = 4


def seeker_clause(seeker: str) -> str | None:
    """The seeker's first short first-person clause that carries a feeling of their own they
    express (as in :func:`seeker_feelings`), or else the first first-person clause (one in a
    sentence with such a feeling first), never one that only denies a feeling ("I'm not
    sad") nor one with a word whose turning is in doubt (:func:`turn_clause`: "World War I", "I
    have ME"); None when there is none."""
    return _clause(seeker, read_feelings(seeker))


def _clause(
    seeker: str, feelings: Sequence[Feeling], avoid: Sequence[tuple[int, int]] = ()
) -> str | None:
    """:func:`seeker_clause`, given the feeling words :func:`read_feelings` found in ``seeker``;
    no clause that overlaps a span of ``avoid`` (the crisis cues: "It sounds like you bought a
    gun to use on yourself…" is no opening to suggest) or danger words (:func:`_danger`), nor
    one that starts with an imperative (:data:`_IMPERATIVES`: "It sounds like Tell your mom
    you're sorry…"), nor one with letters spelled out one by one
    (:data:`carelens.analysis.pronouns.SPELLED_OUT`: "s u i c i d e", often a word of danger
    written so that filters miss it). A message without a first-person word ("I", "my"...)
    offers a clause of "we" or "our" ("We lost our baby and we feel so empty")."""
    spelled = (run.span() for run in SPELLED_OUT.finditer(seeker))  # "s u i c i d e"
    avoided = _merged([*avoid, *_danger(seeker), *spelled])
    found = _clause_of(seeker, feelings, avoided, FIRST_PERSON)
    if found is None and FIRST_PERSON.search(seeker) is None and _FIRST_PLURAL.search(seeker):
        found = _clause_of(seeker, feelings, avoided, _FIRST_PLURAL)
    return found


@lru_cache(maxsize=8)
def _danger(seeker: str) -> tuple[tuple[int, int], ...]:
    """Where ``seeker`` holds words an opening must not echo: its crisis cues and the crisis
    words it negates ("I'm not suicidal"), both of :func:`carelens.analysis.crisis.crisis_scan`,
    urging or method words (:func:`carelens.analysis.unsafe.unsafe_spans`) and the words of
    :data:`_DANGER`, whoever is said to have written them ("told me to kys"). Like the
    others, :data:`_DANGER` reads the text as the patterns do (:func:`~carelens.text.fold`:
    "sui\u00adcide", full-width letters), and it reads masked words as the words they mask
    (:func:`~carelens.text.unmask`: "d-i-e", "k*ll myself"); its words are mapped back to the
    seeker's offsets. The last few messages' answers are kept: the feedback on every reply to
    one message asks about it again."""
    cues, negated = crisis_scan(seeker)
    folded = fold(seeker)
    unmasked = unmask(folded.text)
    # Without a masked letter the masked pattern finds what the plain one does, more slowly.
    danger = _DANGER_MASKED if MASKED_LETTER in unmasked.text else _DANGER
    return (
        *((cue.start, cue.end) for cue in cues),
        *negated,
        *((span.start, span.end) for span in unsafe_spans(seeker)),
        *(folded.span(*unmasked.span(*found.span())) for found in danger.finditer(unmasked.text)),
    )


def _sentences(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` (:data:`carelens.analysis.feelings.SENTENCE`) start and
    end, none cut inside a quotation: a sentence whose quotation is still open
    (:func:`carelens.analysis.pronouns.quoted_speech`) where the next starts with the mark that
    closes it runs on over the next ('My coach yelled "you're worthless!" at practice.' is one
    sentence), or takes in only that mark where a capital after it starts a new one ('He said
    "I'm done." I feel so alone.')."""
    spans: list[tuple[int, int]] = []
    for found in SENTENCE.finditer(text):
        start, end = found.span()
        if (
            spans
            and spans[-1][1] == start
            and text[start] in _CLOSING_MARKS
            and quoted_speech(text[spans[-1][0] : start])[1] is not None
        ):
            rest = text[start + 1 : end].lstrip()
            if not rest or not rest[0].isupper():
                spans[-1] = (spans[-1][0], end)
                continue
            spans[-1] = (spans[-1][0], start + 1)
            start += 1
        spans.append((start, end))
    return spans


#: Marks that close a quotation, straight or curly.
_CLOSING_MARKS = "\"'\u2019\u201d"


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of ``spans`` merged where they overlap, in order (so that
    :func:`_overlaps` finds one that overlaps a piece by bisection)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _after_danger(
    text: str, spans: tuple[list[int], list[int]], start: int, end: int
) -> int | None:
    """Where a clause of the seeker's own starts in ``text[start:end]`` after the last of the
    :func:`_merged` ``spans`` in it: after an English conjunction (:data:`_CONJUNCTION`)
    followed by a subject of theirs (:data:`_OWN_SUBJECT`: "... told me to kys and I feel
    worthless"); None when there is none, or a span reaches the end."""
    starts, ends = spans
    k = bisect_left(starts, end) - 1  # the last that starts before ``end``
    if k < 0 or ends[k] >= end:
        return None
    for found in _CONJUNCTION.finditer(text, max(start, ends[k]), end):
        if _OWN_SUBJECT.match(text, found.end(), end):
            return found.end()
    return None


#: Where the words before danger end: before the connective that joins the danger to them
#: ("I feel lost since she took her own life", "..., after my brother's suicide").
_DANGER_CONNECTIVE = re.compile(
    r"\s*,\s*|\s+(?:(?:and|but|or|especially)\s+)?(?:(?:ever|right|just|even|only)\s+)?"
    r"(?:since|after|because|when)\b",
    re.IGNORECASE,
)


def _before_danger(
    text: str, spans: tuple[list[int], list[int]], start: int, end: int
) -> int | None:
    """Where the clause ``text[start:end]`` may end before the first of the :func:`_merged`
    ``spans`` in it: before the last connective (:data:`_DANGER_CONNECTIVE`) ahead of that
    span, when every span in the clause tells of someone else (:func:`_someone_elses`: "I
    feel lost since she took her own life" may end before "since"); None when one may be the
    seeker's own ("I feel lost because I want to die", "after my suicide attempt"), no
    connective comes after a word, or the words before it end on one that needs another
    (:func:`_needs_more`)."""
    starts, ends = spans
    k = bisect_right(ends, start)  # the first that ends after ``start``
    if k >= len(starts) or starts[k] <= start:
        return None
    j = k
    while j < len(starts) and starts[j] < end:
        if not _someone_elses(text, start, starts[j], ends[j]):
            return None
        j += 1
    cut = None
    for found in _DANGER_CONNECTIVE.finditer(text, start, starts[k]):
        cut = found.start()
    words = NO_SPACE_RUN.findall(text, start, cut) if cut is not None else []
    if not words or _needs_more(words[-1]):
        return None
    return cut


def _someone_elses(text: str, start: int, first: int, last: int) -> bool:
    """Whether the danger words ``text[first:last]`` tell of someone else's act, not of the
    seeker's own intent (as the crisis feedback reads whose a cue is,
    :func:`carelens.analysis.crisis_feedback.whose_before`): by a word of their own ("took
    her own life", "kill myself"), else by the nearest telling word before them from
    ``start`` ("since my brother's suicide"; "since I want to die", "after my suicide
    attempt" are the seeker's). Where no word tells, they are the seeker's."""
    for word in WORD.findall(text, first, last):
        if (theirs := whose_before(word)) is not None:
            return theirs
    for word in reversed(WORD.findall(text, start, first)):
        if (theirs := whose_before(word)) is not None:
            return theirs
    return False


def _overlaps(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of the :func:`_merged` ``spans``."""
    starts, ends = spans
    k = bisect_right(ends, start)  # the first that ends after ``start``
    return k < len(starts) and starts[k] < end


def _clause_of(
    seeker: str,
    feelings: Sequence[Feeling],
    avoid: tuple[list[int], list[int]],
    person: re.Pattern[str],
) -> str | None:
    """:func:`_clause` for clauses with a word of ``person`` (first person, or plural).

    Each sentence is read as if on its own. Its feeling words read the same in the whole text:
    a sentence ends in ".", "!" or "?" or at a line break, each of which ends a clause and a
    negation, so nothing is read across it. Only a web address is looked for in the sentence's
    part alone of the run of text a feeling word is in ("I'm sad.Reddit.com" keeps "sad").

    A part of a sentence too short to offer ("I'm sad", "I was", "Ugh I'm sad" once trimmed)
    runs on over the comma-separated parts after it that have no subject of the seeker's own
    ("I'm sad, angry, scared and lonely all at once"); interjections, chat words and emoji at
    either end are left out (:func:`_trim`), and so is a part in another language than
    English before or after an English clause ("Mi mamá no me entiende and I feel so alone" offers
    "I feel so alone")."""
    starts = [feeling.match.start() for feeling in feelings]
    in_address: dict[tuple[int, int], bool] = {}  # each piece of an address run searched once
    # (preference, order, start, end, and the start and end with a short part beside it)
    candidates: list[tuple[int, int, int, int, int, int]] = []
    expressed_at: list[int] = []  # where the seeker's own feeling words are, in order
    runs = personal_runs(seeker)
    # a line of a Markdown block quote, as the unsafe-reply patterns read one (">" and a
    # space, ">" and a letter, ">" alone; not an emoticon: ">:("): someone else's words
    quoted_lines = [line.span() for line in BLOCK_QUOTE_LINE.finditer(seeker)]
    for offset, stop in _sentences(seeker):
        sentence = seeker[offset:stop]
        if not person.search(sentence):
            continue
        if any(first <= offset < last for first, last in quoted_lines):
            continue  # "> I know exactly how you feel": someone else's words, quoted
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
            # short as offered: without its interjections ("Lol I'm sad, angry and lonely")
            bare = _trim(seeker, offset + start, offset + end, runs)
            shown = seeker[bare[0] : bare[1]] if bare else seeker[offset + start : offset + end]
            last = k  # the last part the clause runs over
            if len(shown.split()) < 3:
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
                last = j
            if _overlaps(avoid, offset + start, offset + end):
                # the seeker's feeling before the connective of someone else's danger: "I feel
                # lost since she took her own life" offers "I feel lost"
                cut = _before_danger(seeker, avoid, offset + start, offset + end)
                if cut is not None and bisect_left(expressed, start) < bisect_left(
                    expressed, cut - offset
                ):
                    end = cut - offset
                # the seeker's own clause after the danger may still be offered: "told me to
                # kys and I feel worthless" offers "I feel worthless"
                elif (after := _after_danger(seeker, avoid, offset + start, offset + end)) is None:
                    continue
                else:
                    start = after - offset
            trimmed = _trim(seeker, offset + start, offset + end, runs)
            if trimmed is None:
                continue
            part = seeker[trimmed[0] : trimmed[1]]
            if not person.search(part) or len(part.split()) < 3 or _QUESTION.match(part):
                continue
            if _imperative(part) or _subordinate_only(part) or _closes_unopened(part):
                continue
            if bisect_left(expressed, start) < bisect_left(expressed, end):
                preference = 0
            elif bisect_left(denied, start) < bisect_left(denied, end):
                continue
            else:
                preference = 1 if expressed else 2
            if _APOLOGY.search(part):
                preference = 3  # "My english is not good sorry": any clause of theirs first
            around = _with_short_parts(sentence, parts, k, last, offset, trimmed)
            candidates.append((preference, len(candidates), *trimmed, *around))
    for _, _, start, end, first, stop in sorted(candidates):
        clause = _clip_clause(seeker, start, end, expressed_at, runs)
        _, doubt, turned = turn_clause(clause)
        if doubt and (after := _after_address(seeker, start, end)) is not None:
            # the seeker's own clause after words addressed to someone: "You're the only one I
            # can talk to and I feel so alone" offers "I feel so alone"
            start = after
            clause = _clip_clause(seeker, start, end, expressed_at, runs)
            _, doubt, turned = turn_clause(clause)
        # A clause with a word in doubt is not offered, nor one whose first-person words are
        # all no pronoun ("World War I was brutal", "example.com/my-story is down"), nor one
        # whose "you" is addressed to whom a part beside it names ("..., Dad").
        if turned and not doubt and not _named_beside(seeker, start, end, first, stop):
            return clause
    return None


#: How many words a part beside a clause may have to be read with it for whom the seeker
#: addresses ("Mom, I feel like you never listen", "I feel like you can't win, Dad").
_SHORT_PART = 2


def _with_short_parts(
    sentence: str,
    parts: Sequence[tuple[int, int]],
    k: int,
    last: int,
    offset: int,
    span: tuple[int, int],
) -> tuple[int, int]:
    """The clause at ``span`` (in the text whose ``sentence``, at ``offset``, has the
    :func:`_whole_parts` ``parts``; the clause comes from ``parts[k]`` to ``parts[last]``)
    widened over the part before it and the part after it where that part has at most
    :data:`_SHORT_PART` words: a vocative cut off by its comma ("Mom,", ", Dad") is read with
    the clause (:func:`_named_beside`)."""
    first, stop = span
    if k > 0 and len(WORD.findall(sentence, *parts[k - 1])) <= _SHORT_PART:
        first = min(first, offset + parts[k - 1][0])
    if last + 1 < len(parts) and len(WORD.findall(sentence, *parts[last + 1])) <= _SHORT_PART:
        stop = max(stop, offset + parts[last + 1][1])
    return first, stop


def _named_beside(text: str, start: int, end: int, first: int, stop: int) -> bool:
    """Whether the clause ``text[start:end]`` holds a second-person word addressed to someone
    once read with the short parts beside it, ``text[first:stop]``
    (:func:`carelens.analysis.pronouns.addressed`): "I feel like you can't win, Dad" names whom
    its "you" is, which "I feel like you can't win" alone may read as anyone's."""
    if (first, stop) == (start, end):
        return False
    return any(start <= first + at < end for at, _ in addressed(text[first:stop]))


def _imperative(clause: str) -> bool:
    """Whether ``clause`` opens with an imperative (:data:`_IMPERATIVES`: "Tell my mom I'm
    sorry"), or a "don't" or "dont" before no verb of :data:`_AFTER_DONT` ("Don't tell my
    mom I'm sad"; not "Don't know what to do with my life")."""
    words = [plain(word) for word in WORD.findall(clause, 0, 200)]
    if not words:
        return False
    if words[0] in _IMPERATIVES:
        return True
    if words[0] not in ("don't", "dont"):
        return False
    verb = next((word for word in words[1:] if word not in ADVERBS), "")
    return verb not in _AFTER_DONT


#: Words that open a subordinate clause ("Whatever I do", "When I wake up", "Although I have
#: friends"): one with no main clause of its own is no statement to reflect
#: (:func:`_subordinate_only`). "because" and "that" are mostly trimmed as fillers before this.
_SUBORDINATORS = frozenset([
    "whatever", "whenever", "wherever", "however", "whoever", "whichever", "because", "if",
    "when", "although", "though", "unless", "while", "whereas", "since", "until", "till",
    "after", "before", "that",
])  # fmt: skip
#: Subjects that start a main clause after a subordinate one ("Whenever I'm sad I eat",
#: "Since my divorce I've been lost", "When it does it hurts").
_MAIN_SUBJECTS = frozenset([
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


#: A list's mark opening a clause: "1)", "a)".
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}|[A-Za-z])\)\s")


def _closes_unopened(clause: str) -> bool:
    """Whether ``clause`` closes a bracket it never opened: the end of a list cut off by a
    comma inside brackets ("(like hiking, biking, traveling), is it ok to ...": "traveling),
    is it ok ..."), a piece of something else. A list's mark ("1)", "a)") opening the clause
    closes nothing."""
    depth = 0
    for char in _LIST_MARK.sub("", clause, count=1):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


def _subordinate_only(clause: str) -> bool:
    """Whether ``clause`` opens with a subordinator (:data:`_SUBORDINATORS`, also "even
    though", "even if") and has no main clause after it: no subject of one
    (:data:`_MAIN_SUBJECTS`, or "it", "you" before a verb or adverb: :data:`_AFTER_SUBJECT`)
    past the subordinate clause's own first word, nor right after another subordinator or
    "that" ("Whatever I do", "When I tell my mom that I'm miserable"; not "Whenever I'm sad I
    eat", "Although my mom loves me I feel alone"). "It sounds like whatever you do…" is no
    reflection; in doubt ("However I feel so alone") it is left out."""
    words = [plain(word) for word in WORD.findall(clause, 0, 400)]
    k = 1 if words[:1] == ["even"] and words[1:2] in (["though"], ["if"]) else 0
    if len(words) <= k or words[k] not in _SUBORDINATORS:
        return False
    for j in range(k + 2, len(words)):
        if words[j - 1] in _SUBORDINATORS:
            continue  # "that I'm miserable", "if I'm ok": subordinate again
        after = words[j + 1] if j + 1 < len(words) else ""
        if words[j] in _MAIN_SUBJECTS or (
            words[j] in ("it", "you", "u")
            and (after in _AFTER_SUBJECT or (after.endswith("s") and not after.endswith("ss")))
        ):
            return False
    return True


def _without_emoji(clause: str) -> str:
    """``clause`` without the emoji inside it ("I feel 😭 so alone" -> "I feel so alone"): a
    run of pictographs, symbols from the arrows on (U+2190), skin tones, variation selectors
    and joiners, with the spaces around it made one. A heart stays: it may stand for a word
    ("I ❤ my mom")."""
    if clause.isascii():
        return clause
    out: list[str] = []
    for char in clause:
        if _EMOJI_PART.match(char) or (
            ord(char) >= 0x2190
            and unicodedata.category(char) == "So"
            and "HEART" not in unicodedata.name(char, "")
        ):
            if out and not out[-1].isspace():
                out.append(" ")
            continue
        if char.isspace() and out and out[-1].isspace():
            continue
        out.append(char)
    return "".join(out).strip()


#: Parts of an emoji that are no symbol of their own: a skin tone, a variation selector, a
#: zero-width joiner.
_EMOJI_PART = re.compile("[\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u200d]")


#: Where the seeker's own clause may start after words they addressed to someone: a
#: conjunction, "that" too ("I just need you guys to know that I feel so alone").
_CONJUNCTION_OR_THAT = re.compile(r"[\s,]+(?:and|but|so|because|that)\s+", re.IGNORECASE)


def _after_address(text: str, start: int, end: int) -> int | None:
    """Where a clause of the seeker's own starts in ``text[start:end]`` after the last of
    their words addressed to someone (:func:`carelens.analysis.pronouns.addressed`: "You're
    the only one I can talk to and I feel so alone"): after a conjunction
    (:data:`_CONJUNCTION_OR_THAT`) followed by a subject of theirs (:data:`_OWN_SUBJECT`) and
    three words or more; None when there is none."""
    spans = addressed(text[start:end])
    if not spans:
        return None
    for found in _CONJUNCTION_OR_THAT.finditer(text, start + spans[-1][1], end):
        if _OWN_SUBJECT.match(text, found.end(), end) and len(text[found.end() : end].split()) >= 3:
            return found.end()
    return None


#: An English conjunction after a part in another language starts the English clause.
_CONJUNCTION = re.compile(r"[\s,]+(?:and|but|so|because)\s+", re.IGNORECASE)
#: Where an English clause before a part in another language ends: an English conjunction
#: ("I feel so empty and I want to morir") or a mark between parts.
_BEFORE_FOREIGN = re.compile(
    r"[\s,]+(?:and|but|so|because|or)\s+|\s*[,;:\u2013\u2014]\s*|\s+-\s+", re.IGNORECASE
)
#: Conjunctions of another language: a part in it may start with one ("I feel so alone y no
#: sé qué hacer").
_FOREIGN_CONJUNCTIONS = frozenset([
    "y", "et", "und", "pero", "porque", "mais", "aber", "perché", "perche", "weil", "però",
    "pq", "xq", "que", "mas", "oder", "parce",
])  # fmt: skip


def _trim(
    text: str, start: int, end: int, runs: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """``start`` and ``end`` of the clause ``text[start:end]`` moved in past what does not
    belong to it: fillers, interjections, chat words, a hedge and emoji at its start
    (:data:`_LEADING_EXTRA`: "Lol I feel so dumb", "well I guess I'm just lonely"), chat
    words, emoji and marks at its end (:data:`_TRAILING_EXTRA`: "I feel so stupid haha"), and
    a part in another language (:func:`carelens.analysis.pronouns.foreign_words`): the clause
    ends before one after it (:func:`_before_foreign`: "I feel so empty and I want to morir")
    and starts after one before it (:func:`_after_foreign`: "Mi mamá no me entiende and I feel
    so alone"); neither end moves inside personal data (:func:`outside_personal`), nor past a
    "*" typed for a letter at a word's edge (:func:`_stars_in`: "*ead inside", "dea*"); brackets
    that pair around the whole clause are taken off (:func:`_bracketed`: "(I feel so alone)"),
    and what is inside them trimmed again. None when nothing English is left or what follows
    "idk" is a question word ("Idk why I feel this way")."""
    stars = [at for at in sorted(masked_stars(text)) if start <= at < end]
    emoticons = _emoticons(text)
    while True:
        while True:
            while start < end and text[start].isspace():
                start += 1
            # an emoticon the clause starts inside or on (a part starts after a colon: ">:(")
            k = bisect_right(emoticons, start, key=lambda span: span[0]) - 1
            if k >= 0 and emoticons[k][1] > start:
                start = emoticons[k][1]
                continue
            if _WH_AFTER_IDK.match(text, start, end):
                return None
            lead = _LEADING_EXTRA.match(text, start, end)
            if lead is not None:
                # up to the first masked letter in it, which is the word's
                lead_end = next((at for at in stars if start <= at < lead.end()), lead.end())
                if lead_end > start:
                    start = lead_end
                    continue
            foreign = _foreign_between(text, start, end)
            if not foreign:
                break
            # the English clause before the part in another language, else the one after it
            cut = _before_foreign(text, start, foreign[0][0])
            if cut is not None:
                end = cut
                break
            after = _after_foreign(text, foreign[0][1], end)
            if after is None:
                return None
            start = after
        while True:
            while end > start and text[end - 1].isspace():
                end -= 1
            # an emoticon the clause ends inside or on ("I feel so alone D:")
            k = bisect_left(emoticons, end, key=lambda span: span[0]) - 1
            if k >= 0 and emoticons[k][1] >= end and emoticons[k][0] >= start:
                end = emoticons[k][0]
                continue
            # what is taken off is short (a run of emoji or marks may be longer: taken in turns)
            trail = _TRAILING_EXTRA.search(text, max(start, end - 24), end)
            if trail is None or trail.start() >= end:
                break
            masked = [at for at in stars if trail.start() <= at < end]
            if masked:
                end = masked[-1] + 1  # the word's masked letter ends the clause: "dea*"
                break
            end = trail.start()
        # brackets that pair around the whole clause: "(I feel so alone)"
        closed = _bracketed(text, start, end)
        if closed is None:
            break
        start, end = start + 1, min(end, closed)
    sorry = _TRAILING_SORRY.search(text, start, end)
    if sorry is not None:
        before = list(WORD.finditer(text, start, sorry.start()))
        if before and plain(before[-1].group(0)) not in _BEFORE_SORRY:
            end = sorry.start()  # "My english is not good sorry"
    return outside_personal(text, start, end, runs) if start < end else None


#: Brackets that may wrap a clause, each opening one with its closing one.
_BRACKETS = {"(": ")", "[": "]"}
#: What may stand between a clause and the bracket that closes around it: the marks that end
#: its sentence ("(I feel so alone.)").
_BEFORE_CLOSING = re.compile(r"[\s.!?\u2026]*")


def _bracketed(text: str, start: int, end: int) -> int | None:
    """Where the bracket closes that pairs with one opening ``text[start:end]`` and wraps it
    whole: its last character, or after it past only the marks that end its sentence
    (:data:`_BEFORE_CLOSING`: "(I feel so alone.)"); None when it wraps no whole clause ("(I
    was sad) and (tired)") or is left unclosed ("(I feel so alone")."""
    closing = _BRACKETS.get(text[start]) if start < end else None
    if closing is None:
        return None
    depth = 0
    for at in range(start, len(text)):
        if text[at] == text[start]:
            depth += 1
        elif text[at] == closing:
            depth -= 1
            if depth == 0:
                if at == end - 1 or (at >= end and _BEFORE_CLOSING.fullmatch(text, end, at)):
                    return at
                return None
    return None


#: An emoticon standing alone (">:(", ":'(", ":-(", ":/", ";)", ":D", "xD", "D:", "):",
#: ">_<", "T_T", "^_^", a heart "<3" or a broken one "</3"), which a clause neither starts
#: nor ends with: a part of a sentence starts after a colon (":( I feel so alone" would offer
#: "( I feel so alone"). "D:" only before a line's end or another "D:" ("vitamin D: I feel
#: so tired" is no emoticon).
_EMOTICON = re.compile(
    r"(?<![^\s,;.!?])(?:>?[:;=]['\-^o]?(?:[()\[\]/\\|]+|[DPpOo3](?!\w))|[xX][Dd](?!\w)"
    r"|[()\[\]/\\|]+['\-]?[:;=]|D['\-]?[:;=](?=[ \t]*(?:$|D['\-]?[:;=]))|</?3+(?!\w)"
    r"|[>^T;\-oOuUxX<][_.]+[<^T;\-oOuUxX>](?!\w))"
    r"(?![^\s,;.!?])",
    re.MULTILINE,
)


@lru_cache(maxsize=8)
def _emoticons(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds emoticons (:data:`_EMOTICON`), in order, read once for all the
    parts of a message."""
    return tuple(found.span() for found in _EMOTICON.finditer(text))


@lru_cache(maxsize=8)
def _foreign_in(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds words of another language
    (:func:`carelens.analysis.pronouns.foreign_words`), read once for all the parts of a
    message (:func:`_trim` is asked about each several times)."""
    return tuple(foreign_words(text))


def _foreign_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of another language of :func:`_foreign_in` that lie in ``text[start:end]``,
    in order."""
    spans = _foreign_in(text)
    if not spans:
        return []
    first = bisect_left(spans, start, key=lambda span: span[0])
    return [span for span in spans[first:] if span[1] <= end] if first < len(spans) else []


def _before_foreign(text: str, start: int, at: int) -> int | None:
    """Where the English clause from ``start`` ends before the part in another language
    whose first word (:func:`carelens.analysis.pronouns.foreign_words`) starts at ``at``:
    before the conjunction of that language it starts with (:data:`_FOREIGN_CONJUNCTIONS`:
    "I feel so alone y no sé qué hacer") or its "¿" or "¡", else before the last English
    conjunction or mark in between (:data:`_BEFORE_FOREIGN`: "I feel so empty and I want to
    morir"); None when no English word comes first."""
    first = WORD.match(text, at)
    cut: int | None = None
    if text[at] in "¿¡" or (first is not None and plain(first.group(0)) in _FOREIGN_CONJUNCTIONS):
        cut = at  # "... y no sé", "... ¿por qué?"
    else:
        for found in _BEFORE_FOREIGN.finditer(text, start, at):
            cut = found.start()
    if cut is None or WORD.search(text, start, cut) is None:
        return None
    return cut


def _after_foreign(text: str, at: int, end: int) -> int | None:
    """Where an English clause starts in ``text[at:end]``, after a part in another language
    that ends at ``at`` or later: after an English conjunction (:data:`_CONJUNCTION`) with
    an English word after it, a subject of the seeker's own, a common word or a name ("Mi
    mamá no me entiende and I feel so alone"; not "Ich bin so traurig"); None when there is
    none."""
    for found in _CONJUNCTION.finditer(text, at, end):
        word = WORD.match(text, found.end(), end)
        if word is None or foreign_words(text, *word.span()):
            continue
        if (
            _OWN_SUBJECT.match(text, found.end(), end)
            or plain(word.group(0)) in COMMON_WORDS
            or word.group(0)[0].isupper()
        ):
            return found.end()
    return None


def _needs_more(token: str) -> bool:
    """Whether a clause cut after ``token`` ends on a word that needs another after it
    (:data:`_NOT_LAST`)."""
    return plain(token.strip(",;:.!?…'\"*_`~")) in _NOT_LAST


def _clip_clause(
    text: str, start: int, end: int, feelings: Sequence[int], runs: Sequence[tuple[int, int]]
) -> str:
    """The clause ``text[start:end]`` clipped to :data:`_QUOTE_WORDS` words (:func:`clip`),
    so that it keeps the first of the seeker's own feeling words in it (``feelings``: where
    they start in ``text``, in order) and does not end on a word that needs another after it
    (:data:`_NOT_LAST`: "...and you feel like such…"): a feeling word a few words past the
    limit (:data:`_FEELING_SLACK`) is taken in; one further on is reached by starting at the
    seeker's subject before it ("... and now I feel so alone" offers "I feel so alone");
    neither end falls inside personal data."""
    if len(text[start:end].split()) <= _QUOTE_WORDS:
        return clip(text[start:end], _QUOTE_WORDS, _stars_in(text, start, end))  # nothing to cut
    # personal data counts as one word
    whole = clip(text[start:end], _QUOTE_WORDS, _stars_in(text, start, end))
    if not whole.endswith("…"):
        return whole
    tokens = list(NO_SPACE_RUN.finditer(text, start, end))
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
    stop = _backed_off(tokens, begin, stop)
    # a quotation left open ("...and my dad said 'you're no son…") is cut before its mark
    unclosed = quoted_speech(text[tokens[begin].start() : tokens[stop - 1].end()])[1]
    if unclosed is not None:
        at = tokens[begin].start() + unclosed
        held_at = next(k for k in range(begin, stop) if tokens[k].end() > at)
        if held_at - begin >= 3:
            stop = _backed_off(tokens, begin, held_at)
    first, last = outside_personal(text, tokens[begin].start(), tokens[stop - 1].end(), runs)
    clipped = clip(text[first:last], len(tokens), _stars_in(text, first, last))
    return clipped if last >= end else clipped.rstrip(".!?,;:…") + "…"


def _backed_off(tokens: Sequence[re.Match[str]], begin: int, stop: int) -> int:
    """Where a clause clipped to ``tokens[begin:stop]`` stops, backed off a few words that need
    another after them (:func:`_needs_more`); a run of them ("very very very…") is cut as it
    is."""
    cut = stop
    while cut > max(begin + 1, stop - 4) and _needs_more(tokens[cut - 1].group(0)):
        cut -= 1
    return stop if _needs_more(tokens[cut - 1].group(0)) else cut


def _stars_in(text: str, start: int, end: int) -> frozenset[int]:
    """Where the "*" typed for a letter at a word's edge stand in ``text[start:end]``
    (:func:`carelens.analysis.quoting.masked_stars`: "*ead inside"), at its offsets: the clause
    offered keeps them, as the seeker typed it, rather than showing "ead inside"."""
    return frozenset(at - start for at in masked_stars(text) if start <= at < end)


def _whole_parts(
    sentence: str, offset: int, runs: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The :func:`sentence_parts` of ``sentence`` (at ``offset`` in a text whose personal
    data lies in ``runs``, :func:`personal_runs`), none of which starts or ends inside
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


def reflection_opening(clause: str) -> str:
    """The opening a reflection of the seeker's ``clause`` could start with: "It sounds like"
    and the clause in the second person (:func:`second_person`), with "you" put before a
    clause that starts with its verb because the seeker left out the "I" ("had to put my cat
    down" -> "It sounds like you had to put your cat down…"); emoji inside the clause are left
    out (:func:`_without_emoji`: "I feel 😭 so alone" -> "you feel so alone"), the quote of
    the clause keeps them."""
    clause = _without_emoji(clause)
    turned = second_person(clause).removesuffix("…")
    words = list(WORD.finditer(clause))
    if not words or words[0].start() != 0:
        return f"It sounds like {turned}…"
    k = 0  # the head: the first word after any adverbs ("Really miss my mom")
    while k + 1 < len(words) and plain(words[k].group(0)) in ADVERBS:
        k += 1
    head = plain(words[k].group(0))
    subject = _left_out_subject(head, [plain(word.group(0)) for word in words[k + 1 :]])
    first = WORD.match(turned)
    # a verb or a feeling now, no name ("you're failing"), or an "-ing" subject
    if (
        first is not None
        and first.group(0)[1:] == first.group(0)[1:].lower()
        and (subject is not None or _gerund_subject(words))
    ):
        turned = first.group(0).lower() + turned[first.end() :]
    if subject is not None:
        if head in ("was", "wasn't"):  # "Was so scared" -> "you were so scared"
            at = list(WORD.finditer(turned))[k]
            turned = turned[: at.start()] + head.replace("was", "were") + turned[at.end() :]
        turned = f"{subject} {turned}"
    return f"It sounds like {turned}…"


def _gerund_subject(words: Sequence[re.Match[str]]) -> bool:
    """Whether the clause of ``words`` starts with an "-ing" verb that is its subject, with
    its object or particle after it ("Losing my dad was the worst", "Moving out was hard"):
    no name, so the opening writes it in lower case (:data:`_GERUND_AFTER`)."""
    head = plain(words[0].group(0))
    return (
        len(words) > 1
        and head.endswith("ing")
        and len(head) > 4
        and head not in _NOT_ING
        and plain(words[1].group(0)) in _GERUND_AFTER
    )


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


def suggested_opening(
    seeker: str, feelings: Sequence[Feeling], avoid: Sequence[tuple[int, int]] = ()
) -> str | None:
    """The feedback's words for an opening on the seeker's clause (:func:`_clause`, given
    their feeling words and the spans to ``avoid``): 'they wrote "…" — a reflection could
    start: "It sounds like …"'; None when no clause is offered."""
    clause = _clause(seeker, feelings, avoid)
    if clause is None:
        return None
    return f'they wrote "{clause}" — a reflection could start: "{reflection_opening(clause)}"'

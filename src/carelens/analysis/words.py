"""Words and sentences as the rule readers of :mod:`carelens.analysis` cut them.

:data:`WORD` finds the words of a text and :data:`TOKEN` the words with the punctuation that
ends a clause (:data:`SENTENCE_END` the marks among them that end a sentence);
:data:`SENTENCE` finds its sentences, without cutting one inside an abbreviation ("I.B.M.",
"2.5"), and :func:`sentence_parts` the parts of a sentence between commas, semicolons,
colons and "but"; :func:`plain` is a word as they compare it. :data:`COMMON_WORDS` (with
:data:`DROPPED_I_VERBS`, the verbs a sentence starts with when the seeker leaves out its
"I") are the words that keep no capital in a suggested opening and are no name when written
with one, and :data:`ADDRESS` tells a run of text without spaces that is a web address or a
handle ("reddit.com/r/sad", "@our_team"), in which no word is read as the writer's.
"""

from __future__ import annotations

import re

from carelens.text import IN_WORD_MARK, LINE_BREAKS, SENTENCE_ENDS

#: A sentence, up to and with the marks that end it; a mark inside a word ends none
#: (:data:`carelens.text.IN_WORD_MARK`: "2.5", "jobs.example.com", "e.g.", "I.B.M.").
SENTENCE = re.compile(rf"(?:{IN_WORD_MARK}|[^{SENTENCE_ENDS}{LINE_BREAKS}])+[{SENTENCE_ENDS}]*")
#: A word, with any inner apostrophe, straight or curly (U+2019, common from phones).
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
#: What ends a part of a sentence (:func:`sentence_parts`).
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
#: Words and the punctuation that ends a clause, for reading negation and whose feeling or
#: words they are.
TOKEN = re.compile(
    rf"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|(?!{IN_WORD_MARK})[.!?;:,()\n\u2013\u2014]"
    r"|(?<!\w)-(?!\w)"
)
#: The tokens of :data:`TOKEN` that end a sentence.
SENTENCE_END = frozenset([".", "!", "?", "\n"])
#: The same marks as a pattern, to find where a sentence ends in a text.
SENTENCE_MARK = re.compile(r"[.!?\n]")


def sentence_before(text: str, start: int, reach: int = 150) -> str:
    """The words of ``text`` before ``start`` in its sentence (:data:`SENTENCE_MARK`), at
    most ``reach`` characters of them."""
    return SENTENCE_MARK.split(text[max(0, start - reach) : start])[-1]


def sentence_after(text: str, end: int, reach: int = 150) -> str:
    """The words of ``text`` after ``end`` in its sentence, at most ``reach`` characters."""
    return SENTENCE_MARK.split(text[end : end + reach], maxsplit=1)[0]


#: A run of text without spaces that is a web address or handle ("https://...", "www.x",
#: "reddit.com/...", "r/lonely", "@sad"); "sad/lonely" is not.
ADDRESS = re.compile(r"://|www\.|\w\.[a-z]{2,}|(?<!\w)[ru]/|(?<!\w)@\w")


def plain(word: str) -> str:
    """``word`` lower-cased with curly apostrophes made straight."""
    return word.lower().replace("\u2019", "'")


def sentence_parts(sentence: str) -> list[tuple[int, int]]:
    """Start and end of each part of ``sentence`` between commas, semicolons, colons and
    "but"."""
    cuts = [(m.start(), m.end()) for m in _PART_BREAK.finditer(sentence)]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(sentence)]
    return list(zip(starts, ends, strict=True))

"""The edges of a clause offered for a suggested opening: what is trimmed off either end of
it, and where a long one is clipped.

Interjections, chat words, fillers, a list's mark, emoji and emoticons at either end of a
clause are left out ("Lol", "ugh", "ngl", "haha", "well", "I mean", "honestly", "1)", ">:(",
"T_T": :data:`_EMOTICON`; :func:`trim`), and so is a "sorry" that ends it as an apology ("My
english is not good sorry"). A hedge ("I think", "I guess") is left out only before or after
the seeker's own feeling or need ("I guess I'm just lonely"); one before what they only
believe stays ("I think my husband is cheating on me":
:mod:`carelens.analysis.openings_hedges`). The part of a clause in another language than
English, before or after the English one, is left out too ("Mi mamá no me entiende and I
feel so alone" offers "I feel so alone", "I feel so empty and I want to morir" offers "I feel
so empty", :func:`carelens.analysis.foreign_words.foreign_words`); English words with accents
are English ("café", "naïve", "fiancé"). Brackets that pair around the whole clause are left
out ("(I feel so alone)": :func:`_bracketed`), and so is an aside in brackets at its start
before a clause with a subject of its own ("(throwaway, obviously) my dad died":
:func:`_aside_at_start`; not "(My husband) keeps ignoring me", "[Name] texted me") or a note
about the post at its end ("... (sorry for the long post)", "(just venting)":
:func:`_aside_at_end`). Where a list's lead-in ends, and which items it frames as someone's
words, is read here too (:func:`list_leads`).
Markdown marks are left out of the words offered ("**I feel so alone** since..." offers "I
feel so alone since...", :func:`carelens.analysis.quoting.clip`), but a "*" typed for a
letter at a word's edge stays, as the seeker typed it ("I feel so *ead inside":
:func:`carelens.analysis.quoting.masked_stars`).
A clause clipped to :data:`QUOTE_WORDS` words keeps its feeling word, does not end on a word
that needs another ("...and you feel like such…") and stops before a quotation it would cut
open (:func:`clip_clause`); neither end falls inside personal data. Emoji inside a clause are
left out of the opening, not of the words quoted (:func:`without_emoji`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from carelens.analysis.foreign_words import foreign_words
from carelens.analysis.openings_hedges import filler_hedge_end, filler_hedge_start
from carelens.analysis.quoted_speech import quoted_speech
from carelens.analysis.quoting import NO_SPACE_RUN, clip, masked_stars, outside_personal
from carelens.analysis.words import COMMON_WORDS, SENTENCE, WORD, plain, sentence_parts

#: A subject of the seeker's own: a short clause ("I'm sad", "I was") runs on over the
#: comma-separated parts after it up to the next of these ("I'm sad, angry, scared and
#: lonely", "I was, honestly, so embarrassed"); a clause of theirs starts at one after a part
#: in another language, words of danger or words addressed to someone, and a clipped one may.
OWN_SUBJECT = re.compile(
    r"\b(?:i|i['\u2019](?:m|ve|d|ll)|im|ive|we|we['\u2019](?:re|ve|d|ll))\b", re.IGNORECASE
)
#: Words that start a clause without belonging to it, taken off its start again and again:
#: fillers ("Like I'm being silly", "and", "so", "honestly"; "if I'm honest", "to be honest"
#: only before a comma or a subject of the seeker's, not as a condition: "If I'm honest with
#: my therapist she'll ..."; "because", not before "of": "Because of my depression my grades
#: have tanked" is a clause of its own), interjections and chat words ("Yeah",
#: "Lol", "Idk", "ngl", "ugh", "well", "Oh my god", "I mean" before a clause of the seeker's),
#: emoji or other marks ("😭😭"); a list's mark ("1) I can't sleep") is taken off too
#: (:func:`list_marks`), and a hedge only before the seeker's own feeling or need
#: (:func:`carelens.analysis.openings_hedges.filler_hedge_end`). "It sounds like Lol you feel
#: so dumb…" is no reflection.
_LEADING_EXTRA = re.compile(
    r"(?:[^\w\s'\"\u2018\u201c(@#/+$\u00a3\u20ac%&]+"
    r"|(?:(?:oh\s+)?my\s+(?:god|gosh|goodness|lord)|omg|oh|ah|aw+|yeah|yea|yep|yup|yes|nah|lol"
    r"|lmao|lmfao|rofl|idk|dunno|ngl|tbh|haha\w*|hehe\w*|ugh+|welp|well|um+|uh+|hmm+"
    r"|sigh|ok|okay|anyway|anyways|wow|hey|hi|hello|like|and|but|so|that|because(?!\s+of\b)"
    r"|just|honestly|basically|literally|seriously|frankly|truthfully)"
    r"(?=[\s,!\u2026]|$)"
    r"|(?:truth\s+be\s+told|in\s+all\s+honesty"
    r"|to\s+be\s+(?:completely\s+|totally\s+|brutally\s+)?honest"
    r"|if\s+(?:i['\u2019]m|im|i\s+am)\s+(?:being\s+)?(?:completely\s+|totally\s+)?honest)"
    r"(?=\s*[,!\u2026]|\s*$|\s+(?:i|i['\u2019](?:m|ve|d)|im|ive|my|we)\b)"
    r"|i\s+mean(?=[\s,]+(?:i|i['\u2019](?:m|ve|d)|im|ive|my|we)\b))"
    r"[\s,.!\u2026]*",
    re.IGNORECASE,
)
#: The same at the end of a clause: chat words ("haha", "lol", "rn"), emoji and marks ("I
#: feel so stupid haha", "I miss him so much 😭"); a hedge ("I guess") only after the seeker's
#: own feeling or need (:func:`carelens.analysis.openings_hedges.filler_hedge_start`).
_TRAILING_EXTRA = re.compile(
    r"[\s,]*(?:[^\w\s'\"\u2019\u201d)%$\u00a3\u20ac]+"
    r"|(?<=[\s,])(?:haha\w*|hehe\w*|lol|lmao|lmfao|rofl|xd|rn|tbh|ngl|idk|smh|fml|ugh+"
    r"|(?:oh\s+)?my\s+god|omg))$",
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
#: After "idk" ("Idk why I feel this way") a question word makes the rest no statement.
_WH_AFTER_IDK = re.compile(
    r"(?:idk|dunno)[\s,]+(?:why|what|how|if|whether|where|who|which|when)\b", re.IGNORECASE
)
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
#: How many words a clause offered may have before it is clipped (:func:`clip_clause`).
QUOTE_WORDS = 14
#: How many words past :data:`QUOTE_WORDS` a clipped clause may run to keep its feeling.
_FEELING_SLACK = 4


def without_emoji(clause: str) -> str:
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


#: An English conjunction after a part in another language starts the English clause.
CONJUNCTION = re.compile(r"[\s,]+(?:and|but|so|because)\s+", re.IGNORECASE)
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


def trim(
    text: str, start: int, end: int, runs: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """``start`` and ``end`` of the clause ``text[start:end]`` moved in past what does not
    belong to it: fillers, interjections, chat words and emoji at its start
    (:data:`_LEADING_EXTRA`: "Lol I feel so dumb"), a hedge before the seeker's own feeling
    or need (:func:`~carelens.analysis.openings_hedges.filler_hedge_end`: "well I guess I'm
    just lonely"; not "I think my husband is cheating on me") and a list's mark
    (:func:`list_marks`: "1) I can't sleep"), chat words, emoji and marks at its end
    (:data:`_TRAILING_EXTRA`: "I feel so stupid haha") and a hedge there after the seeker's own
    feeling or need (:func:`~carelens.analysis.openings_hedges.filler_hedge_start`: "I feel
    so alone I guess"), and a part in another language
    (:func:`carelens.analysis.foreign_words.foreign_words`): the clause ends before one after it
    (:func:`_before_foreign`: "I feel so empty and I want to morir") and starts after one
    before it (:func:`_after_foreign`: "Mi mamá no me entiende and I feel so alone"); neither
    end moves inside personal data (:func:`outside_personal`), nor past a "*" typed for a
    letter at a word's edge (:func:`_stars_in`: "*ead inside", "dea*"); brackets that pair
    around the whole clause are taken off (:func:`_bracketed`: "(I feel so alone)"), and what
    is inside them trimmed again. None when nothing English is left or what follows
    "idk" is a question word ("Idk why I feel this way")."""
    stars = [at for at in sorted(masked_stars(text)) if start <= at < end]
    emoticons = _emoticons(text)
    marks = list_marks(text)
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
            k = bisect_right(marks, start, key=lambda span: span[0]) - 1
            if k >= 0 and marks[k][0] == start and marks[k][1] <= end:
                start = marks[k][1]  # a list's mark: "1) I can't sleep"
                continue
            aside = _aside_at_start(text, start, end)
            if aside is not None:
                start = aside  # "(throwaway, obviously) my dad died"
                continue
            lead = _LEADING_EXTRA.match(text, start, end)
            if (
                lead is not None
                and text[start] == "["
                and (closes := _closes_at(text, start, end)) is not None
                and not _END_ASIDE.match(text, start, closes + 1)
            ):
                lead = None  # a bracket kept as the clause's subject: "[Name] texted me"
            if lead is not None:
                # up to the first masked letter in it, which is the word's
                lead_end = next((at for at in stars if start <= at < lead.end()), lead.end())
                if lead_end > start:
                    start = lead_end
                    continue
            hedge = filler_hedge_end(text, start, end)  # "I guess I'm just lonely"
            if hedge is not None:
                start = hedge
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
            aside = _aside_at_end(text, start, end)
            if aside is not None:
                end = aside  # "my dad died last week (sorry for formatting)"
                continue
            hedge = filler_hedge_start(text, start, end)  # "I feel so alone I guess"
            if hedge is not None:
                end = hedge
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


#: Words that open a noun phrase that may be the subject of a main clause after a
#: subordinate one ("Since I lost my job my life has fallen apart", "When my dad left the
#: house felt empty").
NOUN_OPENERS = frozenset(["my", "our", "the", "his", "her", "their", "this"])
#: Verbs a noun phrase of :data:`NOUN_OPENERS` is the subject of, one or two words after
#: its opener ("my life has", "my whole life is", "my mom stopped"): auxiliaries, common
#: verbs ending in "-s" and past forms (any other word ending in "-ed" too).
_NOUN_VERBS = frozenset([
    "is", "was", "are", "were", "has", "had", "have", "does", "did", "will", "would", "can",
    "could", "should", "might", "must", "isn't", "wasn't", "aren't", "weren't", "hasn't",
    "hadn't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "keeps", "kept",
    "feels", "felt", "seems", "gets", "got", "goes", "went", "comes", "came", "became",
    "becomes", "makes", "made", "sucks", "hurts", "hates", "says", "said", "tells", "told",
    "thinks", "thought", "knows", "knew", "takes", "took", "gave", "gives", "left", "leaves",
    "fell", "falls", "broke", "breaks", "began", "begins", "ran", "means", "meant", "never",
    "always", "barely", "hardly", "cries", "yells", "screams", "ignores", "avoids", "blames",
    "treats", "drinks", "refuses", "cheats",
])  # fmt: skip
#: Words ending in "-ed" that are no past verb after a noun phrase's opener ("my bed").
_NOT_PAST = frozenset(["bed", "red", "need", "speed", "seed", "feed", "shed", "weed", "sacred"])


def finite_verb(word: str) -> bool:
    """Whether ``word`` (lower-cased, :func:`~carelens.analysis.words.plain`) may be the verb
    of a noun phrase before it: one of :data:`_NOUN_VERBS` or another word ending in "-ed"
    ("my dad died"; not "my bed": :data:`_NOT_PAST`)."""
    return word in _NOUN_VERBS or (len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST)


#: Words after a bracket at a clause's start that go on with what it holds, rather than
#: start a clause of their own ("(My wife and I) have been fighting", "(I feel so alone)
#: and nobody cares"): the bracket is then no aside (:func:`_aside_at_start`).
_GOES_ON = frozenset([
    "and", "or", "but", "so", "because", "am", "is", "are", "was", "were", "have", "has",
    "had", "do", "does", "did", "will", "would", "can", "could", "should", "been", "being",
])  # fmt: skip
#: Brackets that may close an aside, each with the one that opens it.
_OPENING = {")": "(", "]": "["}


def _aside_at_start(text: str, start: int, end: int) -> int | None:
    """Where the clause ``text[start:end]`` goes on after a bracket at its start that is an
    aside, no subject or verb of the clause ("(throwaway, obviously) my dad died", "(edit:
    I'm not in danger, just venting) my dad died", "(sorry, I know this is dumb) my
    girlfriend cheated on me"): a pair that closes before the clause's end, three words or
    more after it that start a clause with a subject of its own (:func:`_own_subject`; not
    with one of :data:`_GOES_ON`), or any three words after a note about the post
    (:data:`_END_ASIDE`: "(throwaway) Lost my job today"); None when there is none (or the
    brackets wrap the whole clause: :func:`_bracketed`). A bracket that is the clause's
    subject stays ("(My husband) keeps ignoring me", "[Name] texted me at 3am")."""
    at = _closes_at(text, start, end)
    if at is None:
        return None
    words = WORD.findall(text, at + 1, end)
    if len(words) < 3 or plain(words[0]) in _GOES_ON:
        return None  # "lol (I feel so alone) haha": no clause after it
    if not _END_ASIDE.match(text, start, at + 1) and not _own_subject(words):
        return None  # "(My husband) keeps ignoring me", "[Name] texted me"
    return at + 1


def _closes_at(text: str, start: int, end: int) -> int | None:
    """Where the bracket that ``text[start:end]`` opens with closes before ``end``; None when
    it opens with none or it does not close."""
    closing = _BRACKETS.get(text[start]) if start < end else None
    if closing is None:
        return None
    depth = 0
    for at in range(start, end):
        if text[at] == text[start]:
            depth += 1
        elif text[at] == closing:
            depth -= 1
            if depth == 0:
                return at
    return None


#: Pronouns that are a clause's own subject after a bracket at its start ("(throwaway) I
#: think my husband is cheating").
#: Not "nobody", "it"...: "(I feel so alone) nobody at school talks to me" keeps its bracket.
_SUBJECT_PRONOUNS = frozenset([
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "we", "we're", "we've", "he", "he's",
    "she", "she's", "they", "they're", "they've",
])  # fmt: skip


def _own_subject(words: Sequence[str]) -> bool:
    """Whether ``words`` (after a bracket at a clause's start) open a clause with a subject of
    its own: a pronoun (:data:`_SUBJECT_PRONOUNS`), a noun phrase of :data:`NOUN_OPENERS` or a
    capitalised name before a verb (:func:`finite_verb`: "my dad died", "Sarah left me");
    not a verb whose subject the bracket is ("(My husband) keeps ignoring me")."""
    first = plain(words[0])
    if first in _SUBJECT_PRONOUNS:
        return True
    if first in NOUN_OPENERS:
        return any(finite_verb(plain(word)) for word in words[2:4])
    return words[0][0].isupper() and first not in COMMON_WORDS and finite_verb(plain(words[1]))


def _aside_at_end(text: str, start: int, end: int) -> int | None:
    """Where the clause ``text[start:end]`` ends before a bracket at its end that is an aside
    about the post (:data:`_END_ASIDE`: "my dad died last week (sorry for formatting)", "I
    feel so alone (f22)"); None when there is none. A bracket of any other words stays ("I
    feel so alone (and tired)", "I love the outdoors (like hiking, biking)")."""
    if start >= end or text[end - 1] not in _OPENING:
        return None
    opening, depth = _OPENING[text[end - 1]], 0
    for at in range(end - 1, start, -1):
        if text[at] == text[end - 1]:
            depth += 1
        elif text[at] == opening:
            depth -= 1
            if depth == 0:
                words = WORD.findall(text, start, at)
                if not words or not _END_ASIDE.match(text, at, end):
                    return None
                if needs_more(words[-1]) and plain(words[-2] if len(words) > 1 else "") != "to":
                    return None  # "I feel so (sorry)"; not "... what to do (just venting)"
                return at
    return None


#: A bracket about the post, not its story: an apology or a note on it, the seeker's age and
#: sex ("(sorry for the long post)", "(edit: typo)", "(throwaway)", "(on mobile)", "(22F)",
#: "(just venting)", "(not looking for advice)", "(no advice please)", "(please be kind)").
_END_ASIDE = re.compile(
    r"[(\[]\s*(?:(?:sorry|apologies|edit|update|ps|throwaway|tl;?dr|on\s+mobile|long\s+post"
    r"|lol|lmao|haha\w*|(?:just\s+)?(?:vent|venting|rant|ranting)|not\s+looking\s+for"
    r"|no\s+advice|(?:please\s+)?be\s+(?:kind|nice|gentle))\b|\d{1,2}\s*[mf]\b|[mf]\s*\d{1,2}\b)",
    re.IGNORECASE,
)


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


#: What may be a list's mark (:func:`list_marks`): a number or a letter before ")", or
#: between brackets, standing alone before a space ("1)", "a)", "(2)").
_MARK = re.compile(r"(?<!\S)(\()?(?:(\d{1,2})|([A-Za-z]))\)(?=\s)")
#: What may stand right before a list's mark that starts a list of its own, spaces apart:
#: the start of a line, or a mark that ends a sentence or opens a list ("My problems: 1) ...").
_BEFORE_MARK = ".!?:;\r\n\u2013\u2014-"
#: A bracket or a line break (:func:`list_marks` reads which brackets are open).
_BRACKET_OR_LINE = re.compile(r"[()\n]")


@lru_cache(maxsize=8)
def list_marks(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds the marks of a list ("1)", "a)", "(1)": :data:`_MARK`), in order
    (:func:`list_runs`, without where each run starts)."""
    return tuple((start, end) for start, end, _ in list_runs(text))


@lru_cache(maxsize=8)
def list_runs(text: str) -> tuple[tuple[int, int, int], ...]:
    """Where ``text`` holds the marks of a list ("1)", "a)", "(1)": :data:`_MARK`), in order,
    each with where the first mark of its run starts (its own start for a mark alone): a mark
    that starts a line or follows a sentence's end or a colon (:func:`_starts`: "1) I feel so
    alone", "My problems: a) ..."), or one of a run that counts on from "1" or "a" ("I have
    two problems 1) I can't sleep 2) I feel like a failure", "(1) I can't focus (2) I can't
    sleep"); a run of marks in brackets only from a first mark that starts a part so ("My
    son (1) and my daughter (2)" are ages). No ")" that closes a bracket opened before it on
    its line is a mark ("my little brother (he's 8) died", "my kids (10, 12)"), nor a number
    or letter of the text's own ("I got a 2) on my exam", "Plan B) is moving home", "type 1)
    diabetes"); an emoticon opens no bracket (":( ")."""
    if ")" not in text:
        return ()
    found = list(_MARK.finditer(text))
    if not found:
        return ()
    emoticons = _emoticons(text)
    # the ")" of each mark without its own "(", and both brackets of one with it ("(1)")
    own = {mark.end() - 1 for mark in found if mark.group(1) is None}
    skipped = {at for mark in found if mark.group(1) for at in (mark.start(), mark.end() - 1)}
    closing: set[int] = set()  # the ")" of a mark that closes a bracket open before it
    depth = 0
    for bracket in _BRACKET_OR_LINE.finditer(text):
        at = bracket.start()
        k = bisect_right(emoticons, at, key=lambda span: span[0]) - 1
        if at in skipped or (k >= 0 and emoticons[k][1] > at):
            continue
        if bracket.group(0) == "\n":
            depth = 0
        elif bracket.group(0) == "(":
            depth += 1
        elif depth > 0:
            depth -= 1
            if at in own:
                closing.add(at)
    candidates = [mark for mark in found if mark.end() - 1 not in closing]
    # runs that count on from "1" or "a", one for each kind of mark ("1)", "(1)", "a)", "A)")
    first_of: dict[int, int] = {}  # each mark of a run of two or more, and its run's first
    runs: dict[tuple[bool, str], list[int]] = {}
    for k, mark in enumerate(candidates):
        number, letter = mark.group(2), mark.group(3)
        kind = (mark.group(1) is not None, "1" if number else "A" if letter.isupper() else "a")
        value = int(number) if number else ord(letter.lower()) - ord("a") + 1
        run = runs.get(kind)
        if value == 1:
            # "(1)" after a word is no list's first mark: "My son (1) and my daughter (2)"
            runs[kind] = [k] if kind[0] is False or _starts(text, mark.start()) else []
        elif run and value == len(run) + 1:
            run.append(k)
            first_of.update(dict.fromkeys(run, run[0]))
    return tuple(
        (*mark.span(), candidates[first_of.get(k, k)].start())
        for k, mark in enumerate(candidates)
        if k in first_of or _starts(text, mark.start())
    )


#: Words of a list's lead-in that make its items someone's words or the seeker's thoughts,
#: wishes or doubts, no statement of theirs (:func:`list_leads`: "My mom always says 1) I'm
#: useless", "I keep thinking that 1) I'm a burden", "I wish a) I was thinner"); no word
#: that is mostly a noun ("my top 3 worries 1) money", "my fears", "texts").
_FRAMING = frozenset([
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "called", "calling",
    "yell", "yells", "yelled", "scream", "screams", "screamed", "shout", "shouts", "shouted",
    "write", "writes", "wrote", "written", "texted", "messaged", "emailed", "posted", "claim",
    "claimed", "insist", "insists", "insisted", "remind", "reminds", "reminded", "warn",
    "warns", "warned", "promise", "promised", "swear", "swears", "swore", "accuse",
    "accuses", "accused", "think", "thinks", "thought", "thinking", "believe", "believes",
    "believed", "wonder", "wonders", "wondered", "wondering", "wish", "wished", "wishing",
    "hope", "hoped", "hoping", "want", "wants", "wanted", "worry", "worried", "worrying",
    "feared", "imagine", "imagined", "convinced", "pretend", "pretends", "pretended",
    "assume", "assumes", "assumed", "suspect", "suspected", "whether", "should", "could",
    "would", "must", "might",
])  # fmt: skip
#: Words after "feel" that make it a verb of thought, last in a lead-in ("I feel like 1) I'm
#: not smart enough").
_FEEL_AS_THINK = frozenset(["like", "that", "as"])
#: The last words of a lead-in that frame what follows as a clause it takes ("... that 1)",
#: "... wonder if 1)").
_FRAMING_LAST = frozenset(["that", "if"])


@lru_cache(maxsize=8)
def list_leads(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    """Where the lists of ``text`` (:func:`list_runs`) have a lead-in never offered alone,
    and which items a lead-in frames. A lead-in is the last words of its sentence before a
    run's first mark (or the line before one that starts a line after a colon: "My mom always
    says:\n1) ..."); it is never offered alone where the mark follows it inside the sentence
    ("My mom keeps telling me to 1) lose weight", "Right now I'm dealing with 1) a breakup":
    the list is what it leads to), where it frames the items, or where its last word needs
    another (:func:`needs_more`, :data:`_LEAD_NEEDS`: "My problem is: 1) ..."); where each
    such lead-in's last word ends is given. It frames the items when it holds a verb of
    saying, thought, wish or doubt (:data:`_FRAMING`, "feel like", "that" or "if" last: "My
    mom always says 1) I'm useless and 2) I'm a disappointment", "I keep thinking that 1)
    I'm a burden"): they are someone else's words or a thought, not the seeker's statement,
    and the span from the run's first mark to the end of the part its last mark is in is
    given."""
    runs = list_runs(text)
    if not runs:
        return (), ()
    sentences = [found.span() for found in SENTENCE.finditer(text)]
    begins = [start for start, _ in sentences]
    leads: list[int] = []
    framed: list[tuple[int, int]] = []
    for first in sorted({first for _, _, first in runs}):
        k = bisect_right(begins, first) - 1
        begin = sentences[k][0] if k >= 0 else 0
        # a mark right after a word or a comma of its sentence ("... dealing with 1) a
        # breakup"; not after a colon or an emoticon: "I'm trying my best :) 1) sleep")
        before = text[begin:first].rstrip()
        inline = bool(before) and (before[-1].isalnum() or before[-1] in ",'\u2019")
        if WORD.search(text, begin, first) is None and k > 0:
            if not text[:begin].rstrip().endswith(":"):
                continue
            begin, first = sentences[k - 1][0], begin  # "My mom always says:\n1) ..."
        # the lead-in: the last part of the sentence before the list with words in it
        parts = [(begin + a, begin + b) for a, b in sentence_parts(text[begin:first])]
        words = next((found for a, b in reversed(parts) if (found := WORD.findall(text, a, b))), [])
        if not words:
            continue
        frames = _frames(words)
        if inline or frames or needs_more(words[-1]) or plain(words[-1]) in _LEAD_NEEDS:
            lead_end = max(match.end() for match in WORD.finditer(text, begin, first))
            leads.append(lead_end)
        if frames:
            last = max(start for start, _, run_first in runs if run_first == first)
            j = bisect_right(begins, last) - 1
            at, stop = sentences[j] if j >= 0 else (0, len(text))
            end = next((at + b for _, b in sentence_parts(text[at:stop]) if at + b > last), stop)
            framed.append((first, end))
    return tuple(sorted(leads)), tuple(framed)


#: Last words of a list's lead-in, beside those of :func:`needs_more`, that need the list
#: after them ("I'm torn between a) ...", "either a) ...").
_LEAD_NEEDS = frozenset(["between", "either", "both", "among", "include", "includes"])


def _frames(lead: Sequence[str]) -> bool:
    """Whether a list's lead-in, its words ``lead``, makes its items someone's words or a
    thought of the seeker's (:func:`list_leads`)."""
    words = [plain(word) for word in lead]
    return bool(words) and (
        words[-1] in _FRAMING_LAST
        or any(word in _FRAMING for word in words)
        # "i feel like 1) im not smart enough"; not "Reasons I feel like crap: 1) ..."
        or (len(words) > 1 and words[-2] in _FEEL and words[-1] in _FEEL_AS_THINK)
    )


#: The forms of "feel" (:data:`_FEEL_AS_THINK`).
_FEEL = frozenset(["feel", "feels", "felt", "feeling"])


def _starts(text: str, at: int) -> bool:
    """Whether a list's mark at ``at`` of ``text`` starts a list of its own: only spaces
    between it and the start of the text or a mark of :data:`_BEFORE_MARK`."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in _BEFORE_MARK


@lru_cache(maxsize=8)
def bracket_pairs(text: str) -> tuple[tuple[int, int], ...]:
    """Where brackets that pair on a line of ``text`` open and close (after the closing one),
    the outermost of each nest, in order ("my kids (10, 12) hate me"): no emoticon (":(")
    nor list's mark ("1)", "(2)": :func:`list_marks`) opens or closes one."""
    if ")" not in text:
        return ()
    emoticons = _emoticons(text)
    marks = list_marks(text)
    pairs: list[tuple[int, int]] = []
    opened: list[int] = []
    for bracket in _BRACKET_OR_LINE.finditer(text):
        at = bracket.start()
        k = bisect_right(emoticons, at, key=lambda span: span[0]) - 1
        m = bisect_right(marks, at, key=lambda span: span[0]) - 1
        if (k >= 0 and emoticons[k][1] > at) or (m >= 0 and marks[m][1] > at):
            continue
        if bracket.group(0) == "\n":
            opened.clear()
        elif bracket.group(0) == "(":
            opened.append(at)
        elif opened:
            first = opened.pop()
            if not opened:
                pairs.append((first, at + 1))
    return tuple(pairs)


@lru_cache(maxsize=8)
def _foreign_in(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds words of another language
    (:func:`carelens.analysis.foreign_words.foreign_words`), read once for all the parts of a
    message (:func:`trim` is asked about each several times)."""
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
    whose first word (:func:`carelens.analysis.foreign_words.foreign_words`) starts at ``at``:
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
    that ends at ``at`` or later: after an English conjunction (:data:`CONJUNCTION`) with
    an English word after it, a subject of the seeker's own, a common word or a name ("Mi
    mamá no me entiende and I feel so alone"; not "Ich bin so traurig"); None when there is
    none."""
    for found in CONJUNCTION.finditer(text, at, end):
        word = WORD.match(text, found.end(), end)
        if word is None or foreign_words(text, *word.span()):
            continue
        if (
            OWN_SUBJECT.match(text, found.end(), end)
            or plain(word.group(0)) in COMMON_WORDS
            or word.group(0)[0].isupper()
        ):
            return found.end()
    return None


def needs_more(token: str) -> bool:
    """Whether a clause cut after ``token`` ends on a word that needs another after it
    (:data:`_NOT_LAST`)."""
    return plain(token.strip(",;:.!?…'\"*_`~")) in _NOT_LAST


def clip_clause(
    text: str, start: int, end: int, feelings: Sequence[int], runs: Sequence[tuple[int, int]]
) -> str:
    """The clause ``text[start:end]`` clipped to :data:`QUOTE_WORDS` words (:func:`clip`),
    so that it keeps the first of the seeker's own feeling words in it (``feelings``: where
    they start in ``text``, in order) and does not end on a word that needs another after it
    (:data:`_NOT_LAST`: "...and you feel like such…"): a feeling word a few words past the
    limit (:data:`_FEELING_SLACK`) is taken in; one further on is reached by starting at the
    seeker's subject before it ("... and now I feel so alone" offers "I feel so alone");
    neither end falls inside personal data."""
    if len(text[start:end].split()) <= QUOTE_WORDS:
        return clip(text[start:end], QUOTE_WORDS, _stars_in(text, start, end))  # nothing to cut
    # personal data counts as one word
    whole = clip(text[start:end], QUOTE_WORDS, _stars_in(text, start, end))
    if not whole.endswith("…"):
        return whole
    tokens = list(NO_SPACE_RUN.finditer(text, start, end))
    held = feelings[bisect_left(feelings, start) : bisect_left(feelings, end)]
    feel = next((k for k, t in enumerate(tokens) if held and t.start() <= held[0] < t.end()), None)
    begin = 0
    if feel is not None and feel >= QUOTE_WORDS + _FEELING_SLACK:
        for j in range(feel, feel - QUOTE_WORDS, -1):
            if OWN_SUBJECT.fullmatch(tokens[j].group(0).strip(",;:")):
                begin = j
                break
    stop = min(len(tokens), begin + QUOTE_WORDS)
    if feel is not None and stop <= feel < begin + QUOTE_WORDS + _FEELING_SLACK:
        stop = feel + 1
    stop = _backed_off(tokens, begin, stop, _FEELING_SLACK)
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


def _backed_off(tokens: Sequence[re.Match[str]], begin: int, stop: int, ahead: int = 0) -> int:
    """Where a clause clipped to ``tokens[begin:stop]`` stops so that it does not end on a
    word that needs another after it (:func:`needs_more`): backed off up to four such words
    ("...and I feel like such" stops at "and"... before "and"), else run on to the first word
    that needs none within ``ahead`` words past ``stop`` ("...cheated on me and I feel so
    stupid"), else backed off the whole run ("...stole from me and I feel so" stops at
    "stole"); a clause of nothing else ("I'm very very very…") is cut as it is."""
    cut = stop
    while cut > max(begin + 1, stop - 4) and needs_more(tokens[cut - 1].group(0)):
        cut -= 1
    if not needs_more(tokens[cut - 1].group(0)):
        return cut
    for k in range(stop, min(len(tokens), stop + ahead)):
        if not needs_more(tokens[k].group(0)):
            return k + 1
    while cut > begin + 1 and needs_more(tokens[cut - 1].group(0)):
        cut -= 1
    return stop if needs_more(tokens[cut - 1].group(0)) else cut


def _stars_in(text: str, start: int, end: int) -> frozenset[int]:
    """Where the "*" typed for a letter at a word's edge stand in ``text[start:end]``
    (:func:`carelens.analysis.quoting.masked_stars`: "*ead inside"), at its offsets: the clause
    offered keeps them, as the seeker typed it, rather than showing "ead inside"."""
    return frozenset(at - start for at in masked_stars(text) if start <= at < end)

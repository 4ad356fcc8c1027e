"""Feedback for the helper: one or two specific sentences built from an analysis.

Feedback is assembled from the analysis (levels, rationale spans, style, flags, crisis cues)
and from the seeker's own words. It never states facts about the seeker: anything about their
situation is quoted from their message, and a suggested opening line only turns the
seeker's own clause to the second person ("I feel like a burden" -> "you feel like a
burden"). Feeling words the seeker denies ("I'm not sad, just tired") are never offered as
feelings they have. When the seeker message has nothing quotable, the feedback stays general.

Rules, first match wins for the main sentence:

0. the reply urges them to die or gives a means (the analysis's ``unsafe`` words, from
   :mod:`carelens.analysis.unsafe`) -> quote those words, ask the helper to take them out,
   check on safety and share crisis resources;
1. crisis cues in the seeker message -> read them now, ask directly, share crisis resources;
2. dismissive -> quote the dismissive words, suggest acknowledging before anything else;
3. advice without understanding -> reflect first, with an opening from the seeker's words;
4. sympathy that names no feeling -> "You shared their sorrow; try naming what they may feel
   underneath", with the feeling words the seeker used and an opening built on their clause;
5. empathy without action when distress is high -> ask what would help or offer something;
6. compassion -> say what worked, quoting the offer;
7. empathy -> say what worked; suggest a reflection when it was only a question;
8. anything else -> acknowledge what they shared first.

A second sentence is added when the helper's own story takes over the reply (self-focus).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
#: A word, with any inner apostrophe, straight or curly (U+2019, common from phones).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_FIRST_PERSON = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|i feel|i felt|i am|my)\b", re.IGNORECASE
)
_LEADING_FILLER = re.compile(r"^(?:like|and|but|so|that|because|just)\s+", re.IGNORECASE)
_PART_BREAK = re.compile(r"[,;:]|\bbut\b")
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
}
#: Words and the punctuation that ends a clause, for reading negation.
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|[.!?;:,()\n\u2013\u2014]|(?<!\w)-(?!\w)")
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
#: Words that start another clause and so end a negation ("not sad, just tired", "don't know
#: why I'm sad").
_CLAUSE_WORDS = frozenset([
    "but", "just", "only", "though", "although", "yet", "instead", "rather", "except",
    "because", "cause", "why", "how",
])  # fmt: skip
#: A negation followed by one of these denies nothing ("can't stop feeling sad").
_NOT_NEGATING_BEFORE = frozenset(["stop", "stopping", "help"])
_QUOTE_WORDS = 14


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
    so that a quotation of it never nests inside the feedback's own quotes."""
    parts = " ".join(text.replace('"', "'").split()).strip(" ,;:-")
    tokens = parts.split(" ")
    return parts if len(tokens) <= words else " ".join(tokens[:words]) + "…"


def _plain(word: str) -> str:
    """``word`` lower-cased with curly apostrophes made straight."""
    return word.lower().replace("\u2019", "'")


def _feeling_matches(text: str) -> list[tuple[re.Match[str], bool]]:
    """Feeling words in ``text``, each with whether a negation up to three words before it in
    the same clause denies it ("not sad", "don't feel lonely", "neither sad nor angry")."""
    tokens = list(_TOKEN.finditer(text))
    found: list[tuple[re.Match[str], bool]] = []
    since: int | None = None  # words counted since a negation in this clause
    for i, token in enumerate(tokens):
        word = _plain(token.group(0))
        following = _plain(tokens[i + 1].group(0)) if i + 1 < len(tokens) else ""
        if not word[0].isalpha():
            # A comma inside a list of feelings keeps the negation: "not sad, lonely or angry".
            if word != "," or (following not in FEELING_WORDS and following != "or"):
                since = None
        elif word in FEELING_WORDS:
            found.append((token, since is not None))
        elif word in _CLAUSE_WORDS:
            since = None
        elif (word in _NEGATORS or word.endswith("n't")) and following not in (
            _NOT_NEGATING_BEFORE
        ):
            since = 0
        elif since is not None and word not in _NEGATION_SKIP:
            since += 1
            if since >= _NEGATION_WINDOW:
                since = None
    return found


def seeker_feelings(seeker: str) -> list[str]:
    """Feeling words the seeker used, in order of first use (their spelling), leaving out
    those they deny ("I'm not sad")."""
    seen: dict[str, str] = {}
    for match, negated in _feeling_matches(seeker):
        word = match.group(0)
        if not negated and word.lower() not in seen:
            seen[word.lower()] = word
    return list(seen.values())


def _parts(sentence: str) -> list[tuple[int, int]]:
    """Start and end of each part of ``sentence`` between commas, semicolons, colons and
    "but"."""
    cuts = [(m.start(), m.end()) for m in _PART_BREAK.finditer(sentence)]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(sentence)]
    return list(zip(starts, ends, strict=True))


def seeker_clause(seeker: str) -> str | None:
    """The seeker's first short first-person clause that carries a feeling they express, or
    else the first first-person clause (one in a sentence with such a feeling first), never
    one that only denies a feeling ("I'm not sad"); None when there is none."""
    candidates: list[tuple[int, int, str]] = []  # (preference, order, clause)
    for sentence in _SENTENCE.findall(seeker):
        if not _FIRST_PERSON.search(sentence):
            continue
        feelings = _feeling_matches(sentence)
        expressed = [m.start() for m, negated in feelings if not negated]
        denied = [m.start() for m, negated in feelings if negated]
        for start, end in _parts(sentence):
            part = sentence[start:end].strip()
            if not _FIRST_PERSON.search(part) or len(part.split()) < 3:
                continue
            if any(start <= at < end for at in expressed):
                preference = 0
            elif any(start <= at < end for at in denied):
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
    a curly apostrophe (U+2019) stays curly."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        turned = _SWAPS.get(_plain(word), word)
        return turned.replace("'", "\u2019") if "\u2019" in word else turned

    def were(match: re.Match[str]) -> str:
        was = match.group(2)
        return match.group(1) + ("WERE" if was.isupper() else was[0] + "ere")

    turned = _WORD.sub(swap, _I_WAS.sub(were, clause))
    if turned[:1].isascii() and turned[:1].isupper() and not turned[1:2].isupper():
        return turned[0].lower() + turned[1:]
    return turned


def _opening(seeker: str) -> str | None:
    clause = seeker_clause(seeker)
    if clause is None:
        return None
    start = f"It sounds like {second_person(clause)}…"
    return f'they wrote "{clause}" — a reflection could start: "{start}"'


def feedback_for(analysis: ResponseAnalysis, seeker: str, response: str) -> tuple[str, ...]:
    """One or two feedback sentences for the helper who wrote ``response``."""
    sentences: list[str] = []
    empathy = max(_level(analysis, n) for n in ("interpretation", "exploration", "reflection"))
    sympathy = max(_level(analysis, "sympathy"), _level(analysis, "emotional_reaction"))
    distress = analysis.seeker.distress.level if analysis.seeker and analysis.seeker.distress else 0
    feelings = seeker_feelings(seeker)
    opening = _opening(seeker)
    unsafe = analysis.unsafe
    if unsafe:
        words = _clip(response[unsafe[0].start : unsafe[0].end], 8)
        sentences.append(
            f'"{words}" could push them towards harming themselves: take it out, ask them '
            "directly whether they are safe, and share a crisis line (988 in the US, text HOME "
            "to 741741, or findahelpline.com)."
        )
    elif analysis.seeker is not None and analysis.seeker.needs_attention:
        cue = analysis.seeker.crisis_cues[0]
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
    elif analysis.style == "advice":
        sentences.append(
            "You moved to solutions before showing you understood; reflect first — "
            + (opening + "." if opening else "say back in your words what they told you.")
        )
    elif empathy == 0 and sympathy >= 1:
        named = " and ".join(f'"{w}"' for w in feelings[:2])
        hint = f"they may be feeling what they called {named}" if feelings else None
        detail = "; ".join(part for part in (hint, opening) if part) or None
        sentences.append(
            "You shared their sorrow; try naming what they may feel underneath"
            + (f" — {detail}." if detail else ".")
        )
    elif empathy >= 1 and _level(analysis, "compassion") == 0 and distress >= 2:
        sentences.append(
            "You showed you understood; with this much distress, ask what would help right "
            "now or offer something concrete you can do."
        )
    elif _level(analysis, "compassion") >= 1 and empathy >= 1:
        quoted = _span_text(analysis.dimensions.get("compassion"), response)
        sentences.append(
            "You showed understanding and moved to help"
            + (f' ("{quoted}")' if quoted else "")
            + "; check with them that the help fits what they want."
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
    if analysis.flags.get("self_focus", 0.0) >= 0.5:
        sentences.append("Much of the reply is about your own experience; bring it back to theirs.")
    return tuple(sentences)


def quoted_fragments(sentences: Sequence[str]) -> list[str]:
    """Every double-quoted fragment in ``sentences`` (for checking what feedback quotes)."""
    return [m.group(1) for s in sentences for m in re.finditer(r'"([^"]+)"', s)]

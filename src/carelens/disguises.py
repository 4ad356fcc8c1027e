"""Words disguised to get past a forum's filters, as the English patterns read them.

The crisis cues and the unsafe-reply patterns read a text folded first
(:func:`carelens.text.fold`: invisible characters and combining marks left out, full-width
letters and small capitals as ASCII); what lives here is how they read the words disguised
beyond that, with the way back to the text's own offsets (:class:`Folded`, which
:func:`~carelens.text.fold` gives too). This module imports nothing of carelens;
:mod:`carelens.text` builds on it and exports its public names.

A Cyrillic or Greek letter that looks like a Latin one (:data:`_LOOK_ALIKE_LETTERS`: Cyrillic
``\\u0456`` in ``k\\u0456ll``, Greek ``\\u03bf`` in ``d\\u03bfse``, the "small caps"
generators' ``\\u0493`` for f) reads as that letter inside a word that also holds Latin letters
(:func:`latin_look_alikes`, which :func:`~carelens.text.fold` applies; a word spelled out
letter by letter, ``K.\\u0406.L.L``, is one word). A word wholly in look-alike letters reads
so only where it spells a crisis word (:data:`CRISIS_WORDS`: ``\\u043a\\u0456\\u04cf\\u04cf``)
or the message is otherwise written in Latin letters ("I want \\u0442\\u043e die"): Russian or
Greek sentences stay as they are.

Masked words are read by :func:`unmask`, kept apart from :func:`~carelens.text.fold` because
only some patterns read them: a word spelled out as letters with one mark between ("d-i-e",
"k.i.l.l", "k_i_l_l", "s u i c i d e") is read whole, and a "*" typed for a letter inside a
word ("k*ll") as :data:`MASKED_LETTER`, which a pattern made by :func:`vowels_masked` reads as
any vowel. A crisis word (:data:`CRISIS_WORDS`) disguised by digits or symbols typed for its
letters ("k1ll", "su!cide", "0verdose", "$uicide", runs of them: "ki||", "pi||s", "ki||ing",
but not one letter before a run of "!", a chat word: "K!!!"; and "kys", "ky5") or by a "*" at
its edge for one letter ("*verdose", "kil*") is read in its letters, unless that "*" pairs with
another as Markdown's emphasis ("*ill myself*", across a line break too; the marks of "*sigh*"
elsewhere pair with each other); other words with digits or symbols ("h0w", "k1", "v1.2", "$5",
"a||b", "wow!!") stay as they are. A crisis word with a plain hyphen inside it ("sui-cide",
"k-ill", "over-dose") is read whole too, and only where its letters joined are one of them: a
real hyphenated word ("self-harm", "x-ray", "well-being") joins into none and stays.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Folded:
    """A text as :func:`~carelens.text.fold` or :func:`unmask` made it (``text``), and where
    each of its characters came from in the original: ``origins[i]`` the first original
    character of ``text[i]``, ``ends[i]`` the end of its last one (a combining mark left out
    belongs to the character before it). ``origins`` is None when ``text`` has the original's
    offsets (nothing was folded but apostrophes)."""

    text: str
    origins: tuple[int, ...] | None = None
    ends: tuple[int, ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's characters that ``text[start:end]`` came from, as (start, end):
        from its first character's to its last one's, so the characters left out inside it
        (a zero-width space in "sui\\u200bcide") are covered too."""
        if self.origins is None:
            return start, end
        if start >= len(self.origins):  # an empty span at the end
            at = self.ends[-1] if self.ends else 0
            return at, at
        first = self.origins[start]
        if end <= start:
            return first, first
        return first, self.ends[end - 1]

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        """The characters of ``text`` that came from the original's ``start``-``end``, as
        (start, end): the inverse of :meth:`span`."""
        if self.origins is None:
            return start, end
        return bisect_left(self.origins, start), bisect_left(self.origins, end)


def without_combining_marks(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] != "M")


#: Cyrillic and Greek letters that look like a Latin one, each with the letter it reads as:
#: typed inside an English word ("k\u0456ll", "su\u0456cide", "\u043ever\u0501ose") to get past a
#: forum's filters. The lower-case Cyrillic "\u0432 \u043d \u043c \u0442" show as the small
#: capitals "\u0299 \u029c \u1d0d \u1d1b", and read as their letters as those do; so does
#: "\u0493", the f of "small caps" text generators ("\u1d0d\u028fs\u1d07\u029f\u0493").
_LOOK_ALIKE_LETTERS = dict(
    zip(
        # Cyrillic, lower case and upper case
        "\u0430\u0432\u0433\u0435\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0443\u0445"
        "\u0456\u0458\u0455\u04bb\u0501\u051b\u051d\u04cf\u04af\u0493"
        "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0423\u0425"
        "\u0406\u0408\u0405\u04ae\u04c0\u0492"
        # Greek, lower case and upper case
        "\u03b1\u03b3\u03b5\u03b7\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7\u03c9"
        "\u03f2\u03f3"
        "\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5"
        "\u03a7\u03f9",
        "abrekmhopctyxijshdqwlyfABEKMHOPCTYXIJSYlFayenikvoptuxwcjABEZHIKMNOPTYXC",
        strict=True,
    )
)


def _look_alikes() -> dict[str, str]:
    """:data:`_LOOK_ALIKE_LETTERS`, and each letter of the Greek and Cyrillic blocks that is
    one of them with an accent ("\u0457", "\u0451", "\u03af") read as the Latin letter
    without it, as :func:`~carelens.text.fold` reads "\u00ef" as "i"."""
    table = dict(_LOOK_ALIKE_LETTERS)
    for code in range(0x370, 0x530):  # Greek and Coptic, Cyrillic, Cyrillic Supplement
        char = chr(code)
        base = without_combining_marks(unicodedata.normalize("NFKD", char))
        if base != char and base in _LOOK_ALIKE_LETTERS:
            table[char] = _LOOK_ALIKE_LETTERS[base]
    return table


_LOOK_ALIKE_TABLE = _look_alikes()
_LOOK_ALIKES = str.maketrans(_LOOK_ALIKE_TABLE)
_LOOK_ALIKE = re.compile(f"[{''.join(_LOOK_ALIKE_TABLE)}]")
#: A word (letters and digits) with a look-alike letter in it.
_WORD_WITH_LOOK_ALIKE = re.compile(rf"(?<![^\W_])[^\W_]*?{_LOOK_ALIKE.pattern}[^\W_]*")
#: A Latin letter: ASCII, or of the Latin-1 Supplement and Latin Extended-A and -B blocks.
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


#: A word wholly in Latin letters.
_LATIN_WORD = re.compile(rf"(?<![^\W_]){_LATIN.pattern}+(?![^\W_])")
#: Look-alike letters and digits, and nothing else (but the marks of a word spelled out).
_LOOK_ALIKES_ONLY = re.compile(rf"[{''.join(_LOOK_ALIKE_TABLE)}\d\-*._ ]+")
#: A letter that is neither Latin nor a look-alike: of a Russian or a Greek word.
_OTHER_LETTER = re.compile(rf"(?![{''.join(_LOOK_ALIKE_TABLE)}]|{_LATIN.pattern})[^\W\d_]")
#: The marks between the letters of a word spelled out (:data:`_SPELLED_WITH_MARKS`).
_NOT_IN_A_WORD = re.compile(r"[-*._ ]")


def latin_look_alikes(text: str) -> str:
    """``text`` with each Cyrillic or Greek look-alike letter (:data:`_LOOK_ALIKE_LETTERS`)
    read as its Latin letter inside a word that also holds a Latin letter ("k\u0456ll" reads
    "kill"), one character for one. A word wholly in look-alike letters reads so too where
    it spells a crisis word (:func:`_spells_crisis_word`: "\u043a\u0456\u04cf\u04cf" with a
    Cyrillic palochka for l), or, of two letters or more, where the message is otherwise
    written in Latin letters (:func:`_otherwise_latin`: "I want \u0442\u043e die"); other
    words without Latin letters (Russian, Greek, a Greek letter standing alone: "the
    \u03b1 blockers") stay as they are. A word spelled out letter by letter
    (:data:`_SPELLED_WITH_MARKS`: "K.\u0406.L.L", with a Cyrillic "\u0406") is one word here
    too, read so when it holds a Latin letter or spells a crisis word."""
    if text.isascii() or _LOOK_ALIKE.search(text) is None:
        return text
    text = _WORD_WITH_LOOK_ALIKE.sub(_in_latin_letters, text)
    # Judged on the words read so far, so that the text read is read the same again.
    if _LOOK_ALIKE.search(text) is not None and _otherwise_latin(text):
        text = _WORD_WITH_LOOK_ALIKE.sub(lambda word: _in_latin_letters(word, whole=True), text)
    if _LOOK_ALIKE.search(text) is not None and _spelled(text):
        text = _SPELLED_WITH_MARKS.sub(_in_latin_letters, text)
    return text


def _in_latin_letters(word: re.Match[str], *, whole: bool = False) -> str:
    """The ``word`` found, its look-alike letters read as Latin ones when it holds a Latin
    letter or spells a crisis word in them, or (with ``whole``) when all of its two letters or
    more are look-alikes; else as it is."""
    found = word[0]
    if _LATIN.search(found) is not None:
        return found.translate(_LOOK_ALIKES)
    if _LOOK_ALIKES_ONLY.fullmatch(found) is None:
        return found  # a Russian or Greek word: "\u0445\u043e\u0447\u0443"
    latin = found.translate(_LOOK_ALIKES)
    if whole and sum(c.isalpha() for c in found) > 1:
        return latin
    return latin if _spells_crisis_word(_NOT_IN_A_WORD.sub("", latin)) else found


def _otherwise_latin(text: str) -> bool:
    """Whether ``text`` is written in Latin letters apart from its look-alike ones: it holds a
    word wholly in Latin letters, and no letter of another script that is no look-alike (a
    Russian or Greek sentence holds many: the "\u044f" and "\u0447" of "I want to sleep" in
    Russian, the "\u03bb" and "\u03bc" of "\u03ba\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1")."""
    return _LATIN_WORD.search(text) is not None and _OTHER_LETTER.search(text) is None


def has_look_alikes(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic or Greek letter that :func:`~carelens.text.fold` may
    read as a Latin one (:data:`_LOOK_ALIKE_LETTERS`); most texts hold none."""
    return not text.isascii() and _LOOK_ALIKE.search(text) is not None


#: A word spelled out as single letters with one mark between them, the same each time:
#: "d-i-e", "d.i.e", "d*i*e", "k_i_l_l", "s u i c i d e" (three letters or more: "e.g." is
#: none, nor are initials "J. K. L.", with two characters between). None of its letters is part
#: of a word: not one after an apostrophe ("why shouldn't I k*ll" spells no "tIk"), nor one with
#: another mark and a letter on its other side (the "k" of "k*ll", the "c" of "a b c-d"). The
#: same mark after its last letter, before a space and a word, is its own, left out as the
#: others are: "k.i.l.l. myself" reads "kill myself". So it is before a word that one to three
#: of Markdown's emphasis marks ("*", "_", "~") open: "n.e.v.e.r. *kill yourself*" reads
#: "never *kill yourself*", not "never. *kill yourself*", whose full stop would end the
#: negation's clause, and "k.i.l.l. **myself**" reads "kill **myself**". The marks stay in
#: the text read, where they stood; a "*" read as a letter before (:func:`_disguised_read`:
#: "k.i.l.l. *ourself" reads "kill yourself") is a letter there.
_SPELLED_WITH_MARKS = re.compile(
    r"(?<![^\W\d_'\u2019])(?<![^\W\d_][-*._'\u2019])"
    r"[^\W\d_](?P<mark>[-*._ ])[^\W\d_](?:(?P=mark)[^\W\d_])+"
    r"(?![^\W\d_]|[-*._'\u2019][^\W\d_])(?:(?! )(?P=mark)(?=[ \t]+[*_~]{0,3}[^\W\d_]))?"
)
#: What ends every such word ("-i-e" of "d-i-e"), found about twice as fast: where it is
#: not, there is none (:func:`has_masks`).
_SPELLED_END = re.compile(r"([-*._ ])[^\W\d_]\1[^\W\d_](?![^\W\d_])")
#: A "*" (or several) between two letters, typed for letters of the word: "k*ll", "su*cide",
#: "d**d" (not Markdown's "*so*", whose marks stand outside the word).
_STAR_IN_WORD = re.compile(r"(?<=[^\W\d_])\*+(?=[^\W\d_])")
#: What :func:`unmask` reads a "*" between two letters as: a letter (so that "k*ll myself" stays
#: a word, as ``\b`` and ``\w`` read it), one no English word holds, which a pattern made by
#: :func:`vowels_masked` reads as any vowel.
MASKED_LETTER = "\u01c2"

#: The crisis words that a disguised spelling is read as, and only these (:func:`unmask`): a
#: letter typed as a digit or a symbol (:data:`_TYPED_AS_LETTERS`: "k1ll", "su!cide",
#: "0verdose", "$uicide", "d1e"), or hidden by a "*" at a word's edge ("*verdose", "kil*");
#: and a word wholly in look-alike letters (:func:`~carelens.text.fold`). Everything else
#: stays as typed: "h0w", "k1" (a name), "v1.2", "2die4" (a "2" is typed for no letter).
CRISIS_WORDS = frozenset(
    (
        *("kill", "kills", "killed", "killing", "myself", "yourself", "self", "kms"),
        *("suicide", "suicides", "suicidal", "unalive", "live", "alive", "noose"),
        *("overdose", "overdosed", "overdoses", "overdosing", "pills", "die", "died", "dying"),
        *("dead", "death", "harm", "harming", "hurt", "hurting", "cut", "cutting", "burn"),
        *("burning", "hang", "hanging", "slit", "wrist", "wrists", "bleed"),
    )
)
#: Slang that a disguised spelling is read as too, as a whole word ("ky5", "ky$" read "kys",
#: which an unsafe reply urges), but that no word wholly in look-alike letters is read as
#: alone: "\u043a\u0443\u0455" stays as typed unless the message is otherwise written in
#: Latin letters ("just \u043a\u0443\u0455" reads "just kys", as :func:`~carelens.text.fold`
#: reads any such word there).
_DISGUISED_SLANG = frozenset(("kys",))
_READ_WHEN_DISGUISED = CRISIS_WORDS | _DISGUISED_SLANG
_LONGEST_READ = max(map(len, _READ_WHEN_DISGUISED))
_CRISIS_WORDS_BY_LENGTH = {
    length: tuple(sorted(word for word in _READ_WHEN_DISGUISED if len(word) == length))
    for length in {len(word) for word in _READ_WHEN_DISGUISED}
}
#: The digits and symbols typed for letters inside a word, each with the letters it may
#: stand for ("k1ll", "myse1f", "su!cide", "k|ll", "0verdose", "d3ad", "h4rm", "s@d",
#: "$uicide", "5elf", "cu7").
_TYPED_AS_LETTERS = {
    **dict.fromkeys("1!|", "il"),
    **{"0": "o", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t"},
}
#: A word that may be a disguised one: letters and digits, a "$" or "@" opening it ("$uicide"),
#: a "$", "@" or "*" between two of them, a run of "!" or "|" inside it ("ki||ing"), a "$"
#: closing it ("ky$"), a run of "!" or "|" closing it ("ki||", "kil!"; :func:`_disguised_words`
#: reads the word without it where it spells nothing with it: "d1e!"), and one "*" at its start
#: or end (not two: "d**" stays as it is); one that holds a digit or a symbol typed for a
#: letter, or a "*" at its edge (a word masked inside only, "k*ll", is :data:`MASKED_LETTER`'s).
#: Runs of "!" and "|" are read possessively, so a long one ("wow!!!!...") is read once.
_DISGUISED_WORD = re.compile(
    r"(?<![^\W_*$@!|])"
    r"(?=[*$@]|(?:[^\W_]|\*(?=[^\W_])|[!|]++(?=[^\W_]))*?"
    r"(?:[013457!|]|[@$](?=[^\W_])|\*(?![^\W_*])|\$(?![^\W_*$])))"
    r"(?:[*$@](?=[^\W_])|[^\W_])(?:[^\W_]|[*$@](?=[^\W_])|[!|]++(?=[^\W_]))*+"
    r"(?:\*|\$|[!|]++)?(?![^\W_*])"
)
#: A run of "!" or "|" closing a word, read as letters only where the word spells a crisis word
#: with it (:func:`_disguised_words`).
_CLOSING_RUN = re.compile(r"[!|]+$")
#: The letters of a crisis word before its last ones, where those are all letters a "!" or "|"
#: is typed for ("k", "ki", "kil" of "kill"; "suicida"): a run of them closing a word after
#: these ("ki||", "kil!") spells one.
_BEFORE_A_CLOSING_RUN = sorted(
    {
        word[:i]
        for word in _READ_WHEN_DISGUISED
        for i in range(1, len(word))
        if all(c in _TYPED_AS_LETTERS["!"] for c in word[i:])
    }
)
#: A lone letter before a run of "!" closing the word is a chat word, read as typed: "K!!! see
#: you then", "OK!!!" are no "KILL" (a "|" in the run is typed for a letter: "k||| myself").
_LETTER_AND_BANGS = re.compile(r"[^\W\d_]!+")
#: What must be in a text for it to hold a disguised word: a digit or a symbol typed for a
#: letter, or a "*", before a letter, or after one ("!" and "|" only inside a word, not the
#: "!" of "die!", or closing a word after the letters of :data:`_BEFORE_A_CLOSING_RUN`:
#: "ki||"). Most texts hold none, and this is all they cost.
_DISGUISE_HINT = re.compile(
    r"[013457*$@!|](?:(?=[^\W\d_])|(?<=[^\W\d_][013457*$@])|(?<=[^\W\d_][!|])(?=[^\W_])"
    # one look behind for each length (they must be fixed), after the symbol: a search tries
    # only the symbols, not every character
    + "".join(rf"|(?<=(?<![^\W_])(?i:{before})[!|])" for before in _BEFORE_A_CLOSING_RUN)
    + ")"
)
#: A run of "*", and a blank line (Markdown's emphasis never spans one): what
#: :func:`_paired_stars` reads.
_STARS = re.compile(r"\*+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
#: A masked letter at a word's edge needs this many letters shown: "*ill" reads "kill", but
#: "*ie" (die, lie, tie) and "di*" stay as they are.
_SHOWN_BESIDE_AN_EDGE_MASK = 3


def _spells_crisis_word(word: str) -> bool:
    """Whether ``word`` is one of :data:`CRISIS_WORDS` in letters or in the digits and symbols
    typed for them ("k1ll", "$uicide")."""
    if word.lower() in CRISIS_WORDS:
        return True
    return any(c in _TYPED_AS_LETTERS for c in word) and _crisis_word(word) is not None


@lru_cache(maxsize=1024)  # a long text repeats its words
def _crisis_word(word: str, *, edge: bool = False) -> str | None:
    """The one crisis word (:data:`CRISIS_WORDS`, or the slang of :data:`_DISGUISED_SLANG`)
    that ``word`` spells, as ``word`` shows
    it: its letters as they are (upper case where all of them are), a digit or a symbol as
    a letter it is typed for (:data:`_TYPED_AS_LETTERS`), a "*" inside the word as a vowel
    (as :func:`vowels_masked` reads one) and, with ``edge``, the "*" at its start or end as
    any letter; None where it spells none, or more than one."""
    lower = word.lower()
    last = len(word) - 1
    found: str | None = None
    for candidate in _CRISIS_WORDS_BY_LENGTH.get(len(word), ()):
        for i, (char, letter) in enumerate(zip(lower, candidate, strict=True)):
            if char == letter:
                continue
            if char == "*":
                if (edge and i in (0, last)) or letter in "aeiouy":
                    continue
            elif letter in _TYPED_AS_LETTERS.get(char, ""):
                continue
            break
        else:
            if found is not None:
                return None  # "*ills": kills or pills
            found = candidate
    if found is None:
        return None
    upper = all(c.isupper() for c in word if c.isalpha())
    spelled = found.upper() if upper else found
    return "".join(c if c.isalpha() else spelled[i] for i, c in enumerate(word))


@lru_cache(maxsize=64)
def _disguised_read(text: str) -> str:
    """``text`` with each disguised crisis word written in its letters, one character for one
    (:data:`CRISIS_WORDS`): a digit or a symbol typed for a letter ("k1ll", "su!cide",
    "0verdose", "$uicide", "ki||"), or a "*" at the word's edge for one letter ("*verdose",
    "kil*"; with :data:`_SHOWN_BESIDE_AN_EDGE_MASK` letters shown, not where the letters shown
    are a crisis word already, "die*" with a footnote's mark, nor where the "*" pairs with
    another as Markdown's emphasis, "*ill myself*": :func:`_paired_stars`). ``text`` itself
    where it holds none."""
    if _DISGUISE_HINT.search(text) is None:
        return text
    return _disguised_words(text)


def _disguised_words(text: str) -> str:
    """:func:`_disguised_read` without its quick search (:data:`_DISGUISE_HINT`)."""
    paired: frozenset[int] | None = None  # found once, for the first word with an edge "*"

    def in_letters(word: str, start: int) -> str | None:
        nonlocal paired
        if word.isalpha() or not any(c.isalpha() for c in word):
            return None
        if word[0] == "*" or word[-1] == "*":
            if paired is None:
                paired = _paired_stars(text)
            star = start if word[0] == "*" else start + len(word) - 1
            return None if star in paired else _edge_masked(word)
        if all(c.isalpha() or c == "*" for c in word):
            return None  # masked inside only: "k*ll" (:data:`MASKED_LETTER`)
        return _crisis_word(word)

    def read(found: re.Match[str]) -> str:
        word = found[0]
        if _LETTER_AND_BANGS.fullmatch(word):
            return word  # "K!!!"
        spelled = in_letters(word, found.start())
        if spelled is not None or (run := _CLOSING_RUN.search(word)) is None or not run.start():
            return spelled or word
        # The word without the end of its closing run ("d1e!", "ki||!"), as long as a crisis
        # word at most: a long run ("k1ll!!!!...") is not read once for each of its marks.
        for kept in range(min(len(word) - 1, _LONGEST_READ), run.start() - 1, -1):
            spelled = in_letters(word[:kept], found.start())
            if spelled is not None:
                return spelled + word[kept:]
        return word

    return _DISGUISED_WORD.sub(read, text)


def _edge_masked(word: str) -> str | None:
    """The crisis word that ``word``, with a "*" at its start or end that pairs with no other
    as Markdown's emphasis (:func:`_paired_stars`), masks (see :func:`_disguised_read`); None
    where it masks none."""
    if word[0] == word[-1] == "*":
        return None  # "*ill*": emphasis
    shown = word.strip("*")
    if sum(c.isalpha() for c in shown) < _SHOWN_BESIDE_AN_EDGE_MASK:
        return None
    if shown.lower() in CRISIS_WORDS:
        return None  # "die*", "*kill": a mark beside a whole word
    return _crisis_word(word, edge=True)


def _paired_stars(text: str) -> frozenset[int]:
    """Where the "*" of ``text`` stand that pair with another as Markdown's emphasis, in one
    pass: a run of them that may open emphasis (no letter or digit before it, no space after
    it: "*ill") waits for one that may close it (no space before it, no letter or digit after
    it: "myself*"), which pairs with the nearest run waiting, within a paragraph (across a
    line break, not a blank line). So "*ill myself*" and "*ill\\nmyself*" are emphasis, while
    in "*sigh* I want to kil* myself" and "*ill myself tonight. **Goodbye.**" the marks of
    "*sigh*" and "**Goodbye.**" pair with each other, and "kil*" and "*ill" with none. A "*"
    between two letters or digits ("k*ll") neither opens nor closes."""
    paired: set[int] = set()
    waiting: list[tuple[int, int]] = []
    blank_lines = _BLANK_LINE.finditer(text)
    paragraph_end = next((found.start() for found in blank_lines), len(text))
    for run in _STARS.finditer(text):
        start, end = run.span()
        if start > paragraph_end:
            waiting.clear()  # a blank line before it: emphasis never spans one
            paragraph_end = next(
                (found.start() for found in blank_lines if found.end() > start), len(text)
            )
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if waiting and not before.isspace() and not after.isalnum():
            opening = waiting.pop()
            paired.update(range(*opening), range(start, end))
        elif not before.isalnum() and not after.isspace():
            waiting.append((start, end))
    return frozenset(paired)


#: Letters with a plain hyphen inside, between letters ("sui-cide", "su-icide", "k-ill",
#: "over-dose"), no letter, digit, apostrophe or hyphen on either side.
_HYPHENATED = re.compile(r"(?<![\w'\u2019-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
#: The longest a crisis word is with a hyphen after each of its letters but the last.
_LONGEST_HYPHENATED = 2 * max(map(len, CRISIS_WORDS)) - 1


def _hyphen_joined(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a crisis word with a plain hyphen inside (:data:`_HYPHENATED`
    whose letters joined are one of :data:`CRISIS_WORDS`: "sui-cide", "k-ill"; not
    "self-harm", "x-ray"), as (start, end), in order; not one of single letters each, which
    is spelled out (:data:`_SPELLED_WITH_MARKS`: "d-i-e")."""
    if "-" not in text:
        return []
    return [
        found.span()
        for found in _HYPHENATED.finditer(text)
        if len(found[0]) <= _LONGEST_HYPHENATED
        and found[0].replace("-", "").lower() in CRISIS_WORDS
        and any(len(piece) > 1 for piece in found[0].split("-"))
    ]


def has_masks(text: str) -> bool:
    """Whether ``text`` holds a masked word for :func:`unmask` to read: letters spelled out
    with a mark between ("d-i-e"), a "*" between two letters ("k*ll"), a crisis word
    disguised by digits, symbols or a "*" at its edge ("k1ll", "*verdose"), or with a plain
    hyphen inside ("sui-cide"). Most texts hold none, and this is all they cost."""
    if "*" in text and _STAR_IN_WORD.search(text) is not None:
        return True
    return _spelled(text) or _disguised_read(text) != text or bool(_hyphen_joined(text))


def _spelled(text: str) -> bool:
    """Whether ``text`` holds a word spelled out with marks (:data:`_SPELLED_WITH_MARKS`)."""
    return _SPELLED_END.search(text) is not None and _SPELLED_WITH_MARKS.search(text) is not None


def unmask(text: str) -> Folded:
    """``text`` with each word spelled out letter by letter with a mark between
    (:data:`_SPELLED_WITH_MARKS`: "d-i-e", "s u i c i d e") written whole ("die", "suicide"),
    and so each crisis word with a plain hyphen inside (:func:`_hyphen_joined`: "sui-cide"
    reads "suicide"), and each "*" between two letters as :data:`MASKED_LETTER` ("k*ll" reads
    "k\u01c2ll"), with the way back to ``text``'s offsets (:meth:`Folded.span`: "die" maps
    back to "d-i-e"). ``text`` is read as it is: fold it first (:func:`~carelens.text.fold`)
    for "d-\u200bi-e". A crisis word disguised by digits or symbols typed for its letters
    ("k1ll", "$uicide") or by a "*" at its edge ("*verdose") is written in its letters
    (:func:`_disguised_read`, one character for one). A text without such words is returned
    as it is, its offsets its own."""
    text = _disguised_read(text)
    hyphenated = _hyphen_joined(text)
    if not hyphenated and not _spelled(text):
        return Folded(_with_masked_letters(text))
    # each run read whole, as the indices of the characters it keeps
    runs = [
        (run.start(), run.end(), list(range(run.start(), run.end(), 2)))  # a letter, its mark
        for run in (_SPELLED_WITH_MARKS.finditer(text) if _spelled(text) else ())
    ]
    # a crisis word with hyphens inside, where no spelled-out run holds part of it
    ends = [end for _, end, _ in runs]
    runs += [
        (start, end, [i for i in range(start, end) if text[i] != "-"])
        for start, end in hyphenated
        if (k := bisect_right(ends, start)) == len(runs) or runs[k][0] >= end
    ]
    pieces: list[str] = []
    origins: list[int] = []
    kept = 0  # the characters before it are in pieces
    for start, end, letters in sorted(runs, key=lambda run: run[0]):
        pieces.append(text[kept:start])
        origins += range(kept, start)
        pieces.append("".join(text[i] for i in letters))
        origins += letters
        kept = end
    pieces.append(text[kept:])
    origins += range(kept, len(text))
    joined = _with_masked_letters("".join(pieces))
    return Folded(joined, tuple(origins), tuple(i + 1 for i in origins))


def _with_masked_letters(text: str) -> str:
    """``text`` with each "*" between two letters as :data:`MASKED_LETTER`."""
    if "*" not in text:
        return text
    return _STAR_IN_WORD.sub(lambda stars: MASKED_LETTER * len(stars[0]), text)


#: What :func:`vowels_masked` reads in a regular expression: an escape, a group's name or
#: inline flags (left as they are), a character class, or a vowel.
_PATTERN_PIECE = re.compile(
    r"\\.|\(\?(?:P<\w+>|P=\w+\)|[aiLmsux-]+[:)])|\[(?:\\.|[^\]])*\]|([aeiouy])"
)
#: A vowel of a character class, not the letter of an escape in it (the "u" of "\\u2019").
_VOWEL = re.compile(r"(?<!\\)[aeiouy]")


def vowels_masked(pattern: str, mask: str = MASKED_LETTER) -> str:
    """``pattern`` with each vowel it spells ("y" too: "m*self") matching ``mask`` too, as
    words are masked to get past a forum's filters ("k*ll myself", "d*e", "su*cide"): outside
    a character class, and inside one that holds a vowel (``[i1]`` for "su1cide"). Escapes
    (``\\b``, ``\\s``), a group's name and inline flags are left as they are. ``mask`` is
    :data:`MASKED_LETTER` for text read by :func:`unmask`, or "*" for text read as it is."""
    escaped = re.escape(mask)

    def masked(found: re.Match[str]) -> str:
        if found[1]:
            return f"[{found[1]}{escaped}]"
        piece = found[0]
        if piece.startswith("[") and not piece.startswith("[^") and _VOWEL.search(piece):
            return piece[:-1] + escaped + "]"
        return piece

    return _PATTERN_PIECE.sub(masked, pattern)

"""Text normalisations shared by the readers, the analysis rules and the insights.

Phones and word processors type U+2019 (and a few other characters) for an apostrophe;
patterns that look for "don't", and names such as "O'Brien", must read them as ``'``.

A character outside the Basic Multilingual Plane (most emoji) may reach carelens as the two
UTF-16 surrogates that encode it, two code points in a Python ``str`` (``"\\ud83d\\ude00"``
for U+1F600): a JSON decoder that does not join them, or such a string given to the Python
API. JSON turns them back into one character (``json.loads`` joins an escaped pair), so
every offset after them would be one off once a result record is written and read back:
:func:`join_surrogates` makes them the one character they encode where text comes in.

A speaker's name may come with spaces around it, or an accent encoded as a letter and a
combining mark: :func:`name_key` is the name as carelens compares names, so that pairing,
``--helper`` and the insights agree on who is one speaker.

Where a sentence ends is shared too: :data:`SENTENCE_ENDS`, :data:`LINE_BREAKS` and the marks
inside a word that end nothing (:data:`IN_WORD_MARK`: "2.5", "jobs.example.com", "e.g.").

The English patterns (crisis cues, unsafe replies) read a text through :func:`fold`: its
invisible format characters (a zero-width space or joiner, a soft hyphen, a word joiner, a
byte order mark) and its combining marks left out, and each other character in its Unicode
compatibility form (NFKC: full-width ``\\uff4b\\uff59\\uff53`` is ``kys``), so that
``sui\\u00adcide``, ``over\\u200bdose`` or ``di\\u0301e``, typed to get past a forum's
filters, read as the words they show. What is found there is mapped back to the text's own
offsets (:class:`Folded`). The Latin small capitals, which have no compatibility form
(``\\u1d0b\\u026a\\u029f\\u029f`` from a "small caps" text generator), read as their letters
(:data:`_SMALL_CAPITALS`), and so do the letters such generators type for the ones they lack
(:data:`_TYPED_FOR_LETTERS`: ``\\u01eb`` for q). Cyrillic or Greek letters that look like
Latin ones, and masked words ("d-i-e", "k*ll", "k1ll"), are read by :mod:`carelens.disguises`
(:func:`fold` reads the look-alike letters through it); its public names
(:func:`unmask`, :func:`has_masks`, :func:`vowels_masked`, :data:`MASKED_LETTER`,
:data:`CRISIS_WORDS`, :func:`has_look_alikes`, :class:`Folded`) are importable from here too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from carelens.disguises import (
    CRISIS_WORDS,
    MASKED_LETTER,
    Folded,
    has_look_alikes,
    has_masks,
    latin_look_alikes,
    unmask,
    vowels_masked,
    without_combining_marks,
)

__all__ = [
    "APOSTROPHES",
    "CRISIS_WORDS",
    "IN_WORD_MARK",
    "LINE_BREAKS",
    "MASKED_LETTER",
    "SENTENCE_ENDS",
    "Folded",
    "fold",
    "folded_as_typed",
    "has_look_alikes",
    "has_masks",
    "is_blank",
    "join_surrogates",
    "name_key",
    "straight_apostrophes",
    "unmask",
    "vowels_masked",
]

#: Typed for an apostrophe, read as ``'``: U+2019 (phones), U+2018, the modifier letter
#: U+02BC, the prime U+2032, the fullwidth U+FF07 and the acute accent U+00B4 (keyboards
#: without an apostrophe key: "can\u00b4t"). One character for one, so offsets found in the
#: straightened text are the text's own. The backtick U+0060 is one too, but only between
#: two letters ("don`t"): elsewhere it is Markdown's code mark (:data:`_BACKTICK_APOSTROPHE`).
_APOSTROPHE_CHARS = "\u2019\u2018\u02bc\u2032\uff07\u00b4"
APOSTROPHES = str.maketrans(dict.fromkeys(_APOSTROPHE_CHARS, "'"))
# The same characters found by a regular expression: translate() reads a text outside ASCII
# one character at a time in Python's slow path, ten times slower.
_APOSTROPHE = re.compile(f"[{_APOSTROPHE_CHARS}]")
#: A backtick typed for an apostrophe: between two letters.
_BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")

#: The Latin small capitals, each read as its letter: Unicode gives them no compatibility
#: decomposition, so NFKD leaves "\u1d0b\u026a\u029f\u029f" as it is where a reader sees "kill".
#: Read after NFKD, so that a modifier small capital ("\u1da6", NFKD "\u026a") reads as its
#: letter too. Unicode has no small capital X (such text uses "x").
_SMALL_CAPITALS = str.maketrans(
    "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d"
    "\u0274\u1d0f\u1d18\ua7af\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22",
    "abcdefghijklmnopqrstuvwyz",
)
#: Letters that "small caps" text generators type for a Latin letter, read as that letter
#: before NFKD (which would read them otherwise): "\u01eb" (an o with an ogonek, NFKD "o"; its
#: capital too) for q, as in "\u01eb\u1d1c\u026a\u1d04\u1d0b" ("quick"), and the Greek small
#: capital rho "\u1d29" for p. English is not written with them otherwise. The Cyrillic
#: "\u0493" they type for f is a look-alike letter (:func:`~carelens.disguises.latin_look_alikes`),
#: so that Kazakh words keep it.
_TYPED_FOR_LETTERS = {"\u01eb": "q", "\u01ea": "Q", "\u1d29": "p"}
#: A high surrogate followed by a low one: one character written as two UTF-16 code units.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
#: A character outside ASCII (only those can change in :func:`fold`).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def straight_apostrophes(text: str) -> str:
    """``text`` with every apostrophe of :data:`APOSTROPHES`, and a backtick between two
    letters, made ``'`` (same length)."""
    if not text.isascii():  # all of APOSTROPHES are outside ASCII
        text = _APOSTROPHE.sub("'", text)
    if "`" in text:
        text = _BACKTICK_APOSTROPHE.sub("'", text)
    return text


@lru_cache(maxsize=4096)
def _folded_char(char: str) -> str | None:
    """What :func:`fold` makes of a character outside ASCII: None when it stays as it is,
    else what the patterns read ("" for a format character or a combining mark).

    A letter or digit reads as its base letters when those are ASCII ("\u00ef" as "i", the
    full-width "\uff4b" as "k", the ligature "\ufb01" as "fi", the superscript "\u1d4f" as "k",
    the small capital "\u1d0b" as "k": :data:`_SMALL_CAPITALS`; "\u01eb" as "q":
    :data:`_TYPED_FOR_LETTERS`), else as its NFKC form. Any
    other character reads as its NFKC form ("\u2026" as "...") unless that would put letters
    where there were none: "\u2122" stays a symbol, not "TM" glued to the word before it
    ("die\u2122")."""
    category = unicodedata.category(char)
    if category == "Cf" or category[0] == "M":
        return ""
    if char in _TYPED_FOR_LETTERS:
        return _TYPED_FOR_LETTERS[char]
    if category[0] in "LN":
        base = without_combining_marks(unicodedata.normalize("NFKD", char)).translate(
            _SMALL_CAPITALS
        )
        folded = (
            base if base.isascii() else without_combining_marks(unicodedata.normalize("NFKC", char))
        )
    else:
        folded = without_combining_marks(unicodedata.normalize("NFKC", char))
        if len(folded) > 1 and any(c.isalnum() for c in folded):
            return None
    return None if folded == char else folded


def fold(text: str, *, look_alikes: bool = True) -> Folded:
    """``text`` as the English patterns read it: apostrophes straightened
    (:func:`straight_apostrophes`), format characters (category Cf: zero-width space and
    joiners, soft hyphen, word joiner, byte order mark) and combining marks left out, and each
    other character as :func:`_folded_char` reads it (an accented or full-width letter as its
    ASCII letter, "\\u2026" as "...", a symbol such as "\\u2122" as it is), and a Cyrillic or
    Greek look-alike letter inside a word with Latin letters as its Latin letter, as in a word
    wholly of them that spells a crisis word or stands in a message otherwise in Latin letters
    (:func:`latin_look_alikes`: "k\\u0456ll", "\\u043a\\u0456\\u04cf\\u04cf"), with the way
    back to the original's offsets (:meth:`Folded.span`). With ``look_alikes`` False the
    look-alike letters stay as they are, at the same offsets: a reading of the words that read
    so only through them ("n\\u043et" with a Cyrillic "\\u043e").

    One character at a time, so a letter and the accent after it do not compose: "di\\u0301e"
    reads "die". Text without such characters (ASCII text, and most other) is only
    straightened, its offsets its own."""
    text = straight_apostrophes(text)
    if text.isascii():
        return Folded(text)
    latin = latin_look_alikes if look_alikes else _as_it_is
    wide = {c for c in _NON_ASCII.findall(text) if _folded_char(c) is not None}
    if not wide:
        return Folded(latin(text))
    if all(len(_folded_char(c) or "") == 1 for c in wide):
        # One character for one ("caf\u00e9" reads "cafe"): the offsets stay the text's own.
        table = {ord(c): _folded_char(c) for c in wide}
        return Folded(latin(straight_apostrophes(text.translate(table))))
    pieces: list[str] = []
    origins: list[int] = []
    ends: list[int] = []
    kept = 0  # the characters before it are in pieces
    for found in _NON_ASCII.finditer(text):
        i = found.start()
        char = text[i]
        if char not in wide:
            continue
        # The characters since the last folded one, as they are.
        pieces.append(text[kept:i])
        origins += range(kept, i)
        ends += range(kept + 1, i + 1)
        kept = i + 1
        folded = _folded_char(char)
        if folded:
            pieces.append(folded)
            origins += [i] * len(folded)
            ends += [i + 1] * len(folded)
        elif ends and unicodedata.category(char)[0] == "M":
            ends[-1] = i + 1  # a combining mark belongs to the character before it
    pieces.append(text[kept:])
    origins += range(kept, len(text))
    ends += range(kept + 1, len(text) + 1)
    # A full-width backtick may now stand between letters; a look-alike letter, beside the
    # Latin ones of its word once the characters inside it are left out ("k\u200b\u0456ll").
    folded = latin(straight_apostrophes("".join(pieces)))
    return Folded(folded, tuple(origins), tuple(ends))


def folded_as_typed(text: str, folded: str) -> str | None:
    """``text`` folded with its look-alike letters as typed (at ``folded``'s offsets, the
    text of :func:`fold`), where :func:`fold` read some as Latin ones; else None (most
    texts). A word that cancels a match only as read in Latin letters cancels nothing."""
    if not has_look_alikes(text):
        return None
    typed = fold(text, look_alikes=False).text
    return typed if typed != folded else None


def _as_it_is(text: str) -> str:
    return text


def join_surrogates(text: str) -> str:
    """``text`` with each valid surrogate pair (a high surrogate, then a low one) made the
    one character it encodes, as ``json.loads`` reads an escaped pair; ``text`` itself when
    it holds none (most texts). A lone surrogate is left as it is: it encodes nothing, and
    what reads the text deals with it (the tokenizer reads it as U+FFFD, one character for
    one; the JSON readers reject a record holding one)."""
    if text.isascii() or _SURROGATE_PAIR.search(text) is None:
        return text
    # UTF-16 holds each code point as its code units and joins a pair when decoding;
    # "surrogatepass" lets a lone surrogate through both ways unchanged.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def name_key(name: str) -> str:
    """A speaker's name as names are compared: Unicode NFC (one encoding of each accent)
    without the surrounding whitespace, so ``Zoë`` composed or decomposed, and ``vol-1`` and
    ``vol-1 ``, are one name. Case is kept (``Vol-1`` is another speaker)."""
    return unicodedata.normalize("NFC", name.strip())


#: Unicode categories of characters that show nothing: separators (spaces), control and
#: format characters (a zero-width space, a byte order mark) and marks with no letter.
_INVISIBLE_CATEGORIES = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"))
#: Characters of other categories that show nothing either, typed to make a blank message
#: look written: the Braille blank and the Hangul fillers.
_BLANK_LOOKING = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only white space, control and format characters
    (``"\\u200b"``, ``"\\ufeff"``, ``"\\x00"``), combining marks without a letter, the
    Braille blank or a Hangul filler (:data:`_BLANK_LOOKING`). The model's tokenizer drops
    most of them, so such a text would be read as (nearly) an empty one."""
    stripped = text.strip()
    if not stripped:
        return True
    if stripped.isascii():
        return not any(" " < c < "\x7f" for c in stripped)
    return all(
        c in _BLANK_LOOKING or unicodedata.category(c) in _INVISIBLE_CATEGORIES for c in stripped
    )


#: A mark between a word character and a lower-case letter, digit or "/" is part of a web
#: address, a number or a time ("reddit.com/r/x", "4.5", "4:30", "4,000", "https://"), and a
#: full stop after a letter standing alone is part of an abbreviation when a letter follows
#: ("I.B.M.", "U.S.A.") or, at its end, a lower-case word ("at I.B.M. and I feel alone"), so
#: it ends neither a sentence nor a clause ("Work is awful.I feel alone" still splits); nor
#: does the full stop of a title before a word ("Mr. Stressed", "Dr. Lee", "Mrs. Hurt"), of
#: a title or a place's abbreviation before a word but a lone "I" ("St. Mary's", "Mt. Sinai",
#: "Prof. Lee", "John Jr. and", "Sr. Agnes", "vs. them"; "I live on Main St. I feel alone"
#: still splits), nor of "etc." before a lower-case word ("bills etc. and I feel alone";
#: "bills etc. I feel alone" splits).
IN_WORD_MARK = (
    r"(?:(?<=\w)[.!?,:](?=[^\W_A-Z]|/)"
    r"|(?<=[^\W\d_])(?<![^\W\d_]{2})\.(?=[^\W\d_])"
    r"|(?<=[^\W\d_]\.[^\W\d_])(?<![^\W\d_]{2})\.(?=\s+[^\W\d_A-Z])"
    r"|(?:(?<=\bM[rs])|(?<=\bMrs)|(?<=\bDr))\.(?=[ \t]+[^\W\d_])"
    r"|(?:(?<=\b[MS]t)|(?<=\b[JS]r)|(?<=\b[Vv]s)|(?<=\bProf))\.(?=[ \t]+(?!I\b)[^\W\d_])"
    r"|(?<=\betc)\.(?=[ \t]+[^\W\d_A-Z]))"
)
#: Marks that end a sentence, in a run of any of them ("?!", "...", "…"): the ASCII ones, the
#: ellipsis character, the CJK full stop and full-width marks, and the double marks ("‼").
SENTENCE_ENDS = ".!?\u2026\u3002\uff61\uff01\uff1f\u203c\u2047\u2048\u2049"
#: Line breaks, as :meth:`str.splitlines` reads them (a lone CR, U+0085, U+2028, U+2029...).
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"

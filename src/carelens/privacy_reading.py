"""How :mod:`carelens.privacy` reads a text: character classes, what is read past, item edges.

The patterns of :mod:`carelens.privacy_online`, :mod:`carelens.privacy_phones` and
:mod:`carelens.privacy_streets` are built from the classes here: combining marks
(:data:`MARKS`), through which a word goes on, and the scripts written without spaces
(:data:`UNSPACED`), a change into or out of which is an item's edge. They are run on the text
as :func:`reading` gives it: past format characters and Markdown's escaping backslashes, with
the fullwidth and small at and the fullwidth full stop as "@" and ".", and the offset of each
character read in the text as written, so a finding's span covers what was read past inside
it. :func:`start_after` says where an item may start, :func:`out_of_unspaced` and
:func:`into_unspaced` move its edges to a change of script.
"""

from __future__ import annotations

import re
import unicodedata


def words(spaced: str) -> tuple[str, ...]:
    """The words of ``spaced``, a list of them written with spaces."""
    return tuple(spaced.split())


def _class_of(codes: list[int]) -> str:
    """``codes`` (ascending) as the inside of a character class, in ranges."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


def _mark_class() -> str:
    """The combining marks (Unicode categories Mn and Mc) as the inside of a character class.

    A letter written decomposed (NFD: "e" + U+0301 for "é") carries its accent as a mark after
    it, and ``\\w`` matches no mark; nor does it match the vowel signs of Devanagari, Thai and
    other scripts. Only the marks of the Basic Multilingual Plane, where the scripts of
    everyday text are, are read (less its ideographs, Hangul syllables, surrogates and private
    use, which hold none: about 17,000 characters, a few milliseconds). Variation selectors
    are left out: they follow emoji and ideographs ("❤\\ufe0f@sam"), not letters.
    """
    return _class_of(
        [
            code
            for code in (*range(0x300, 0x3400), *range(0xA000, 0xAC00), *range(0xFB00, 0x10000))
            if unicodedata.category(chr(code)) in ("Mn", "Mc")
            and not (0x180B <= code <= 0x180F or 0xFE00 <= code <= 0xFE0F)
        ]
    )


def _format_class() -> str:
    """The format characters (Unicode category Cf) as the inside of a character class: the
    zero-width space and joiners, the soft hyphen, bidirectional marks, the byte order mark,
    tags. Those of the Basic Multilingual Plane and of the few supplementary blocks that hold
    any are read (about 66,000 characters, a few milliseconds)."""
    blocks = (
        range(0x10000),
        range(0x11080, 0x110D0),  # Kaithi
        range(0x13430, 0x13460),  # Egyptian hieroglyph format controls
        range(0x1BCA0, 0x1BCA4),  # shorthand format controls
        range(0x1D173, 0x1D17B),  # musical symbol format controls
        range(0xE0000, 0xE0080),  # tags
    )
    return _class_of(
        [code for block in blocks for code in block if unicodedata.category(chr(code)) == "Cf"]
    )


#: Combining marks, for character classes: a word goes on through them. Marks have no case,
#: so the classes that hold them are matched case-sensitively (``(?-i:…)``), which is several
#: times faster than under ``re.IGNORECASE``; nothing else in them has a case either.
MARKS = _mark_class()
#: Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) and
#: Hangul, whose particles are written onto the word before (as
#: :data:`carelens.insights.anonymize.UNSPACED_SCRIPTS`): there a change between such a
#: script and another one is a word's edge ("我的邮箱是zhang@example.cn",
#: "minsu@example.kr로", "电话13800138000").
UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf"
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc"
    "\U00020000-\U0003134f"
)
UNSPACED_CHAR = re.compile("[" + UNSPACED + "]")
# Out of and into an unspaced script: a letter of it (with its marks) before a letter or
# digit of another script, and a letter or digit of another script (with its marks) before
# a letter of it. A mark belongs to the letter before it, whatever its block.
_OUT_OF_UNSPACED = re.compile(
    "(?![" + MARKS + "])[" + UNSPACED + "][" + MARKS + r"]*(?=[^\W_" + UNSPACED + "])"
)
_INTO_UNSPACED = re.compile(
    r"[^\W_" + UNSPACED + "][" + MARKS + "]*(?=(?![" + MARKS + "])[" + UNSPACED + "])"
)


# --- reading a text -------------------------------------------------------------------------

_FORMATS = _format_class()
# What the patterns read past: format characters (a zero-width space or joiner, a soft
# hyphen inside "john@exa\u200bmple.com" or "07700 900\u00ad123"), also as Python's repr()
# and the logs escape them (a rejects file's detail "turn 'john@exa\\u200bmple.com'"; see
# reading), and the backslash of a Markdown escape ("sam\_lee@example.com",
# "555\-123\-4567", as Reddit writes them).
_UNREAD = re.compile(
    "[" + _FORMATS + r"]|\\(?:(?=[!-/:-@\[-`{-~])|x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})"
)
# What they read as something else: the fullwidth and small commercial at (U+FF20, U+FE6B)
# as "@", the fullwidth full stop (U+FF0E) as ".".
_READ_AS = str.maketrans({"\uff20": "@", "\ufe6b": "@", "\uff0e": "."})
_ODD = re.compile("[" + _FORMATS + r"\uff20\ufe6b\uff0e]|\\(?=[!-/:-@\[-`{-~xuU])")
# A format character, or its escape, between a digit and a letter or digit: where the text is
# read apart (see reading), which is read only where this is found.
_FORMAT_OR_ESCAPE = "(?:[" + _FORMATS + r"]|\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}))+"
READ_APART = re.compile(r"\d" + _FORMAT_OR_ESCAPE + r"[^\W_]|[^\W_]" + _FORMAT_OR_ESCAPE + r"\d")


def reading(text: str, *, apart: bool = False) -> tuple[str, list[int] | None]:
    """``text`` as the patterns read it (:data:`_UNREAD` left out, :data:`_READ_AS` read as
    what it stands for), and the offset in ``text`` of each of its characters; None where it
    is ``text`` (the usual case).

    With ``apart`` (as phone numbers are read), a format character between a letter or digit
    and a digit, or between a digit and a letter, is read as a space: it keeps the number
    apart from the word or number it stands between ("Call me" and U+200B before
    "5551234567", "555-123-4567" and U+200B before "2019"), where a number glued to a word or
    digit would be an identifier (:data:`READ_APART` tells whether a text holds one)."""
    if _ODD.search(text) is None:
        return text, None
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    last = ""  # the last character read, where read apart
    for m in _UNREAD.finditer(text):
        unread = m.group()
        if len(unread) > 2 and not _escapes_format(unread):
            continue  # an escape of something else ("\\u00e9"), read as written
        start = m.start()
        parts.append(text[position:start])
        origin.extend(range(position, start))
        if apart and start > position:
            last = text[start - 1]
        position = m.end()
        if apart and unread != "\\" and _keeps_apart(last, text[position : position + 1]):
            parts.append(" ")
            origin.append(start)
            last = " "
    parts.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(parts).translate(_READ_AS), origin


def _keeps_apart(before: str, after: str) -> bool:
    """Whether a format character between ``before`` and ``after`` (a character or "") stands
    between a letter or digit and a digit, or a digit and a letter."""
    return (before.isalnum() and after.isdigit()) or (before.isdigit() and after.isalnum())


def _escapes_format(escape: str) -> bool:
    """Whether ``escape`` (``\\xad``, ``\\u200b``, ``\\U000e0001``) stands for a format
    character."""
    code = int(escape[2:], 16)
    return code <= 0x10FFFF and unicodedata.category(chr(code)) == "Cf"


# --- where an item starts and ends --------------------------------------------------------


def start_after(punctuation: str, *, inside_unspaced: bool = True) -> str:
    """Where an item may start: not inside a word (after no letter, digit, mark, nor a
    character of ``punctuation``, which ends with "-" if it holds one), but after an "_"
    that is a Markdown mark ("_john@example.com_"; not "my_site.io", glued to a word) and
    after a letter of an unspaced script ("邮箱zhang@example.cn"); without
    ``inside_unspaced``, not with a letter of such a script after one (a domain does not
    start inside a run of Chinese: each place there would be tried). The first test is the
    one that decides at most places, and the cheapest."""
    not_inside = "" if inside_unspaced else r"(?:(?<=_)|(?![" + UNSPACED + r"]))"
    return (
        r"(?:(?<!(?-i:[\w" + MARKS + punctuation + r"]))"
        r"|(?<=[_" + UNSPACED + r"])(?<![^\W_]_)(?<![^\W_]__)" + not_inside + ")"
    )


def out_of_unspaced(text: str, start: int, end: int) -> int:
    """``start`` moved right past words of an unspaced script glued before an item in another
    script: "我的邮箱是zhang.wei@example.cn" holds the address "zhang.wei@example.cn"."""
    for m in _OUT_OF_UNSPACED.finditer(text, start, end):
        start = m.end()
    return start


def into_unspaced(text: str, start: int, end: int) -> int:
    """``end`` moved left to where a name in a spaced script goes on in an unspaced one:
    "@minsu로" is the handle "@minsu" and the particle "로"."""
    if text[start:end].isascii():  # most items: no need to look
        return end
    m = _INTO_UNSPACED.search(text, start, end)
    return m.end() if m is not None else end

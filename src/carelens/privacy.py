"""Personal data in conversation text: find and redact it, and pseudonymise speaker names.

:func:`find_personal` returns every e-mail address, phone number, URL, user handle and street
address it recognises as a :class:`Redaction` (character offsets into the text, the kind, and
the text itself); :func:`redact` replaces each with a placeholder such as ``[email]``. Like
:mod:`carelens.analysis.crisis`, these are transparent patterns rather than a model, so every
redaction can be traced to a rule. Names of people, places on their own, ages, dates and
free-text descriptions are *not* found (see ``docs/privacy.md``). Accented letters may be
written precomposed or as a letter and combining marks (NFC or NFD): e-mail addresses,
domains and handles go on through the marks, so no part of one is left beside its
placeholder. The text is read past format characters (a zero-width space or a soft hyphen
inside an address) and Markdown's escaping backslashes, with the fullwidth at and full stop as
"@" and "." (:func:`_reading`); Markdown's "_" marks around an item stay outside it, as "*"
does; a change into or out of a script written without spaces (Chinese, Japanese, Korean's
particles) is an item's edge. Every pattern is bounded (no nested unbounded repetition, and
a match may only start where a token starts), so the time taken grows linearly with the
length of the text. Phone numbers are found in two steps: a loose pattern collects runs of
digit groups, then :func:`_phone_shape` accepts only the shapes of real numbers, which keeps
dates, times, money, version numbers and counts out; a card number that a phone shape is
found in, and a bank account number (IBAN), are redacted whole, as ``[phone]``.

:class:`Pseudonymizer` maps speaker names to stable readable pseudonyms ("helper-3f9a2c")
with HMAC-SHA256. Without a key the mapping uses a public default key, so anyone can
recompute the pseudonym of a name they guess; pass a secret key before sharing results.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final, Literal

__all__ = [
    "KINDS",
    "PUBLIC_KEY",
    "Kind",
    "Pseudonymizer",
    "Redaction",
    "find_personal",
    "redact",
    "redact_with_spans",
]

Kind = Literal["email", "phone", "url", "handle", "address"]
#: Every kind :func:`find_personal` reports; the placeholder for a kind is ``[kind]``.
KINDS: Final[tuple[Kind, ...]] = ("email", "phone", "url", "handle", "address")


@dataclass(frozen=True, slots=True)
class Redaction:
    """Characters ``[start, end)`` of a text that hold personal data of ``kind``."""

    start: int
    end: int
    kind: Kind
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid redaction offsets [{self.start}, {self.end})")
        if self.kind not in KINDS:
            raise ValueError(f"unknown redaction kind {self.kind!r}; expected one of {KINDS}")
        if len(self.text) != self.end - self.start:
            raise ValueError("redaction text does not match its offsets")

    @property
    def placeholder(self) -> str:
        """What :func:`redact` writes in place of the text, e.g. ``[phone]``."""
        return f"[{self.kind}]"


# --- e-mail, URL, handle -------------------------------------------------------------------


def _words(spaced: str) -> tuple[str, ...]:
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
_MARKS = _mark_class()
#: Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) and
#: Hangul, whose particles are written onto the word before (as
#: :data:`carelens.insights.anonymize.UNSPACED_SCRIPTS`): there a change between such a
#: script and another one is a word's edge ("我的邮箱是zhang@example.cn",
#: "minsu@example.kr로", "电话13800138000").
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fdf"
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc"
    "\U00020000-\U0003134f"
)
_UNSPACED_CHAR = re.compile("[" + _UNSPACED + "]")
# Out of and into an unspaced script: a letter of it (with its marks) before a letter or
# digit of another script, and a letter or digit of another script (with its marks) before
# a letter of it. A mark belongs to the letter before it, whatever its block.
_OUT_OF_UNSPACED = re.compile(
    "(?![" + _MARKS + "])[" + _UNSPACED + "][" + _MARKS + r"]*(?=[^\W_" + _UNSPACED + "])"
)
_INTO_UNSPACED = re.compile(
    r"[^\W_" + _UNSPACED + "][" + _MARKS + "]*(?=(?![" + _MARKS + "])[" + _UNSPACED + "])"
)

# --- reading a text ------------------------------------------------------------------------

_FORMATS = _format_class()
# What the patterns read past: format characters (a zero-width space or joiner, a soft
# hyphen inside "john@exa\u200bmple.com" or "07700 900\u00ad123"), also as Python's repr()
# and the logs escape them (a rejects file's detail "turn 'john@exa\\u200bmple.com'"; see
# _reading), and the backslash of a Markdown escape ("sam\_lee@example.com",
# "555\-123\-4567", as Reddit writes them).
_UNREAD = re.compile(
    "[" + _FORMATS + r"]|\\(?:(?=[!-/:-@\[-`{-~])|x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})"
)
# What they read as something else: the fullwidth and small commercial at (U+FF20, U+FE6B)
# as "@", the fullwidth full stop (U+FF0E) as ".".
_READ_AS = str.maketrans({"\uff20": "@", "\ufe6b": "@", "\uff0e": "."})
_ODD = re.compile("[" + _FORMATS + r"\uff20\ufe6b\uff0e]|\\(?=[!-/:-@\[-`{-~xuU])")


def _reading(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the patterns read it (:data:`_UNREAD` left out, :data:`_READ_AS` read as
    what it stands for), and the offset in ``text`` of each of its characters; None where it
    is ``text`` (the usual case)."""
    if _ODD.search(text) is None:
        return text, None
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for m in _UNREAD.finditer(text):
        if len(m.group()) > 2 and not _escapes_format(m.group()):
            continue  # an escape of something else ("\\u00e9"), read as written
        parts.append(text[position : m.start()])
        origin.extend(range(position, m.start()))
        position = m.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(parts).translate(_READ_AS), origin


def _escapes_format(escape: str) -> bool:
    """Whether ``escape`` (``\\xad``, ``\\u200b``, ``\\U000e0001``) stands for a format
    character."""
    code = int(escape[2:], 16)
    return code <= 0x10FFFF and unicodedata.category(chr(code)) == "Cf"


# --- e-mail, URL, handle (continued) -------------------------------------------------------


def _start_after(punctuation: str, *, inside_unspaced: bool = True) -> str:
    """Where an item may start: not inside a word (after no letter, digit, mark, nor a
    character of ``punctuation``, which ends with "-" if it holds one), but after an "_"
    that is a Markdown mark ("_john@example.com_"; not "my_site.io", glued to a word) and
    after a letter of an unspaced script ("邮箱zhang@example.cn"); without
    ``inside_unspaced``, not with a letter of such a script after one (a domain does not
    start inside a run of Chinese: each place there would be tried). The first test is the
    one that decides at most places, and the cheapest."""
    not_inside = "" if inside_unspaced else r"(?:(?<=_)|(?![" + _UNSPACED + r"]))"
    return (
        r"(?:(?<!(?-i:[\w" + _MARKS + punctuation + r"]))"
        r"|(?<=[_" + _UNSPACED + r"])(?<![^\W_]_)(?<![^\W_]__)" + not_inside + ")"
    )


# A domain label may be internationalised (``jane@exämple.de``, ``info@пример.рф``,
# ``münchen.de/…``), its letters precomposed or decomposed: letters and digits of any script
# with their combining marks, hyphens inside.
_IDN_LABEL = (
    r"[^\W_](?:(?:[^\W_]|(?-i:[" + _MARKS + r"-])){0,61}(?:[^\W_]|(?-i:[" + _MARKS + r"])))?"
)
# The last label of an e-mail or fediverse address: letters, with their marks, of one kind of
# script: an ending in a spaced script stops before an unspaced one ("example.kr로").
_IDN_TLD = (
    r"(?:(?:[^\W\d_" + _UNSPACED + r"]|(?-i:[" + _MARKS + r"])){2,24}"
    r"(?![^\W_" + _UNSPACED + r"]|(?-i:[" + _MARKS + r"]))"
    r"|[" + _UNSPACED + r"]{2,24}(?![^\W_]|(?-i:[" + _MARKS + r"])))"
)
# The local part of an e-mail address: it does not start inside a word (but it may start
# after a "." or an unspaced script: "..john@", "邮箱zhang@"), nor with "_" (a Markdown mark)
# or ".", and it has no "." at its end nor two in a row ("me...john@" is "john@").
_LOCAL_CHAR = r"(?-i:[\w%+'" + _MARKS + r"-])"
_LOCAL_PART = (
    _start_after("%+-")
    + r"(?:[^\W_]|[%+-])(?:"
    + _LOCAL_CHAR
    + r"|\.(?="
    + _LOCAL_CHAR
    + r")){0,63}"
    # or quoted, spaces and all: "quoted name"@example.com
    r'|"[^"@\n]{1,62}"'
)
_EMAIL = re.compile(
    r"(?:" + _LOCAL_PART + r")@(?:" + _IDN_LABEL + r"\.){1,8}" + _IDN_TLD, re.IGNORECASE
)
# Top-level domains accepted without "http://" or "www." (written in lower case).
_TLDS = _words(
    "com org net edu gov mil int info biz io co ai app dev me us uk ca au nz ie de fr es "
    "it nl be ch at se no dk fi pl pt eu in jp br mx za sg hk ly gl gg tv xyz site online "
    "blog health care help social link page world news ee is ru cn kr tw ph my ng ke gh pk "
    "bd lk ar cl pe tr gr cz hu ro ua il ae sa eg ma lt lv sk si hr rs bg shop store club "
    "live life space website tech name pro"
)
# Domain endings that are also everyday words or abbreviations ("I was tired.so"); without a
# scheme or www they count only when a path follows ("redd.it/abc").
_WORDY_TLDS = frozenset(
    _words(
        "me us it in be at no so is to do go my info help care link page ma pe il "
        "shop store club live life space name pro"
    )
)
# A scheme or "www." may follow any punctuation but "@", "/" and "-" ("...https://…"); a
# bare domain not a single "." either (it would start inside a longer name), but "..".
_URL = re.compile(
    _start_after("@/-", inside_unspaced=False)
    + r"(?:(?P<scheme>(?:https?|ftp)://)[^\s<>\"]{1,2048}"
    r"|(?P<www>www\d{0,3}\.)[^\s<>\"]{1,2048}"
    r"|(?<!(?<!\.)\.)(?:"
    + _IDN_LABEL
    + r"\.){1,6}(?-i:(?P<tld>"
    + "|".join(sorted(_TLDS, key=len, reverse=True))
    + r")(?![^\W_"
    + _UNSPACED
    + r"]|(?-i:["
    + _MARKS
    + r"-])))(?::\d{2,5})?(?P<path>/[^\s<>\"]{0,2048})?"
    r")",
    re.IGNORECASE,
)
# A handle's name may hold letters of any script and their marks (``@renée_m``, written
# precomposed or decomposed), so none of it is left glued to the placeholder; Reddit names
# are ASCII, and one that goes on in other letters is no Reddit name.
_HANDLE = re.compile(
    r"(?=[@/u])(?:"  # the cheap test first: most places hold none of these
    + _start_after("@.+-")
    + r"@_{0,10}[^\W\d_](?-i:[\w."
    + _MARKS
    + r"]){1,63}(?:@(?:"
    + _IDN_LABEL
    + r"\.){1,5}"
    + _IDN_TLD
    + r")?|"
    + _start_after("/")
    + r"/?u/[a-z0-9_-]{3,20}(?![^\W_"
    + _UNSPACED
    + r"]|(?-i:["
    + _MARKS
    + r"-])))",
    re.IGNORECASE,
)
# Group mentions that name nobody.
_NOT_HANDLES = frozenset(_words("@everyone @here @channel @all @mods @moderators @admin @admins"))
# Left out at the end: punctuation and the "*" of Markdown emphasis (and its "_", where one
# opens before: see _trim).
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim(text: str, start: int, end: int) -> int:
    """``end`` moved left past trailing punctuation and closing brackets that are unopened,
    and past "_" that closes the Markdown emphasis opened before ``start`` ("_@sam_"): a
    handle or a web address may end in "_" of its own ("@mindful_mo_")."""
    inside = text[start:end]
    closers = {c: inside.count(c) for c in _CLOSERS}
    openers = {o: inside.count(o) for o in _CLOSERS.values()}
    trailing = _TRAILING + "_" if start and text[start - 1] == "_" else _TRAILING
    while end > start:
        last = text[end - 1]
        if last in _CLOSERS and closers[last] > openers[_CLOSERS[last]]:
            closers[last] -= 1
        elif last not in trailing:
            break
        end -= 1
    return end


def _out_of_unspaced(text: str, start: int, end: int) -> int:
    """``start`` moved right past words of an unspaced script glued before an item in another
    script: "我的邮箱是zhang.wei@example.cn" holds the address "zhang.wei@example.cn"."""
    for m in _OUT_OF_UNSPACED.finditer(text, start, end):
        start = m.end()
    return start


def _into_unspaced(text: str, start: int, end: int) -> int:
    """``end`` moved left to where a name in a spaced script goes on in an unspaced one:
    "@minsu로" is the handle "@minsu" and the particle "로"."""
    m = _INTO_UNSPACED.search(text, start, end)
    return m.end() if m is not None else end


def _urls(text: str) -> Iterator[tuple[int, int]]:
    for m in _URL.finditer(text):
        start, end = m.start(), _trim(text, m.start(), m.end())
        if m.group("scheme") or m.group("www"):
            prefix = len(m.group("scheme") or m.group("www"))
            if end - start > prefix and "." in text[start + prefix : end]:
                yield start, end
        elif m.group("tld") not in _WORDY_TLDS or (m.group("path") or "/") != "/":
            yield _out_of_unspaced(text, start, text.index(".", start)), end


def _handles(text: str) -> Iterator[tuple[int, int]]:
    if "@" not in text and "u/" not in text and "U/" not in text:
        return
    for m in _HANDLE.finditer(text):
        start, end = m.start(), _trim(text, m.start(), m.end())
        end = _into_unspaced(text, start, end)
        if text[start:end].lower() not in _NOT_HANDLES:
            yield start, end


# --- phone numbers -------------------------------------------------------------------------

_DIGIT_GROUP = r"(?:\(\d{1,5}\)|\d{1,15})"
# The spaces and dashes a phone number is written with, besides " " and "-": no-break, narrow
# no-break (U+202F), thin, figure and other fixed-width spaces; hyphens, the figure dash
# (U+2012), en and em dashes, the horizontal bar, the minus sign (U+2212) and the small and
# fullwidth hyphen-minus. They are read as the plain ones.
_SPACE_CODES = (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
_DASH_CODES = (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63, 0xFF0D)
_SEPARATORS = str.maketrans(
    {chr(c): " " for c in _SPACE_CODES} | {chr(c): "-" for c in _DASH_CODES}
)
_CURRENCY_SIGNS = "$£€¥₹₩₽₺₱₦₪"
# Up to twelve groups (eleven digits spaced one by one: "0 7 7 0 0 9 0 0 1 2 3"); a line
# break may stand between two of them, alone or after a separator (see _phone_shape for
# which numbers are read across it).
_PHONE_RUN = (
    r"\+?"
    + _DIGIT_GROUP
    + r"(?:(?:[ ./\-"
    + "".join(chr(c) for c in _SPACE_CODES + _DASH_CODES)
    + r"](?:\r?\n)?|\r?\n|(?<=\))|(?=\())"
    + _DIGIT_GROUP
    + r"){0,11}"
)
# A number may start after a letter ("at555-123-4567"), after punctuation glued to a word
# ("mobile-0…", "whatsapp/…"), after "." "_" "#" ("tel.555…", "phone_…", "call me..555…",
# "_555-123-4567_", "#555-987-6543") and after a comma or slash that follows a digit or a
# placeholder's "]" (a list: "555-123-4567,555-987-6543"); _phone_ok tells which of these
# is a number. Not after a digit, "+", "@", a currency sign, or other punctuation ("$1,200").
_PHONE_CANDIDATE = re.compile(
    r"(?:(?<![\d+,/@" + _CURRENCY_SIGNS + r"-])|(?<=[^\W\d_][-/,])|(?<=[\d\]][,/]))" + _PHONE_RUN
)
_PHONE_AT = re.compile(_PHONE_RUN)
_GROUP = re.compile(r"\(\d+\)|\d+")
_NANP = re.compile(r"(?:1-)?\d{3}-\d{3}-\d{4}|\d{3}-\d{4}")
_IP_LIKE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# Every phone shape has a run of three digits, a "+", a bracket, a group starting with 0, or
# digits spaced one by one that may start a North American number.
_PHONE_HINT = re.compile(r"\d{3}|[+(]|(?<!\d)0|(?<!\d)(?:1 )?[2-9](?: \d){9}")
_PHONE_START = re.compile(r"[+(0]|[18]\Z|\d{3}")
# A number without separators: national (a trunk 0, North American with or without its 1,
# Russian with its trunk 8) or international after "00".
_UNSEPARATED = re.compile(r"0\d{9,10}|1?[2-9]\d{9}|00[1-9]\d{8,12}|8[3-9]\d{9}")
# Without "+" or "00", a country code and the national number after it, written as one run
# of digits ("447700900123", "4915112345678"): only for the countries below, with the
# lengths and first digits of their numbers, so that other long numbers stay.
_BARE_INTERNATIONAL = re.compile(
    r"44[1-37]\d{8,9}"  # United Kingdom
    r"|49[1-9]\d{9,10}"  # Germany
    r"|33[1-79]\d{8}"  # France
    r"|34[6-9]\d{8}"  # Spain
    r"|39(?:3\d{8,9}|0\d{8,9})"  # Italy: mobiles, and landlines with their 0
    r"|31[1-9]\d{8}"  # the Netherlands
    r"|48[1-9]\d{8}"  # Poland
    r"|353[1-9]\d{7,8}"  # Ireland
    r"|61[2-478]\d{8}"  # Australia
    r"|64[2-9]\d{7,9}"  # New Zealand
    r"|7[3-9]\d{9}"  # Russia, Kazakhstan
    r"|90[2-5]\d{9}"  # Turkey
    r"|91[6-9]\d{9}"  # India: mobiles
    r"|923\d{9}"  # Pakistan: mobiles
    r"|8801[3-9]\d{8}"  # Bangladesh: mobiles
    r"|861[3-9]\d{9}"  # China: mobiles
    r"|81[1-9]\d{8,9}"  # Japan
    r"|821\d{8,9}"  # South Korea: mobiles
    r"|639\d{9}"  # the Philippines: mobiles
    r"|628\d{8,11}"  # Indonesia: mobiles
    r"|601\d{8,9}"  # Malaysia: mobiles
    r"|27[1-8]\d{8}"  # South Africa
    r"|234[789]\d{9}"  # Nigeria: mobiles
    r"|254[17]\d{8}"  # Kenya: mobiles
    r"|201[0-25]\d{8}"  # Egypt: mobiles
    r"|9715\d{8}"  # United Arab Emirates: mobiles
    r"|9665\d{8}"  # Saudi Arabia: mobiles
    r"|52[1-9]\d{9}"  # Mexico
    r"|55[1-9]\d{9,10}"  # Brazil
    r"|549?[1-9]\d{9}"  # Argentina
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONEY_BEFORE = re.compile(
    r"(?:[" + _CURRENCY_SIGNS + r"]|\b(?:usd|eur|gbp|inr|aud|cad|nzd|sgd|hkd|jpy|cny|rmb|krw|"
    r"chf|rs|rp)\.?)\s{0,2}$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s{0,2}(?:%|(?:percent|dollars?|pounds?|euros?|rupees?|yen|won|yuan|renminbi|francs?|"
    r"pesos?|rubles?|roubles?|lira|naira|baht|ringgit|rand|krona|kronor|krone|kroner|"
    r"usd|gbp|eur|inr|jpy|cny|krw|aud|cad|chf)(?![\w'\u2019]))",
    re.IGNORECASE,
)
# A decimal fraction or a thousands group after the number: "123 456 789,50".
_DECIMAL_AFTER = re.compile(r"[.,]\d")
# Letters glued after a number with separators are a word ("555-123-4567or text"), an
# extension ("x23", "ext23"), or a unit that makes the digits an amount ("120-150-200mg").
_UNIT_GLUED = re.compile(
    r"(?:mg|mcg|µg|ug|ng|g|kg|lbs?|oz|ml|cl|dl|l|mm|cm|km|m|mi|ft|kcal|cal|k|bn|b|x|hz|khz|"
    r"mhz|ghz|kb|mb|gb|tb|px|pt|am|pm|h|hrs?|mins?|s|secs?|ms|st|nd|rd|th|yo|yrs?|mph|kph)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"(?:x|ext|extn|extension)\.?\s?\d", re.IGNORECASE)
# Words that name a phone number right before it ("tel.07700900123").
_PHONE_WORD = re.compile(
    r"(?<![^\W\d_])(?:tel|telephone|phone|mobile|mob|cell|cellphone|call|text|sms|whatsapp|fax)"
    r"\Z",
    re.IGNORECASE,
)


def _phone_shape(groups: list[str], seps: list[str]) -> bool:
    """Whether digit ``groups`` joined by ``seps`` have the shape of a phone number.

    ``groups[0]`` may start with "+"; parenthesised groups keep their brackets; ``seps[i]``
    is what stands between ``groups[i]`` and ``groups[i + 1]`` ("" after or before brackets).
    """
    plus = groups[0].startswith("+")
    bare = [g.strip("+()") for g in groups]
    digits = "".join(bare)
    if not 7 <= len(digits) <= 15:
        return False
    if any("\n" in s for s in seps):
        # A number is read across a line break after a separator that says it goes on
        # ("555-123-\n4567"), and an international one across any ("+1 555\n123 4567");
        # other numbers on lines of their own are counts, scores, a list.
        if not plus and any(s.strip() == "" and "\n" in s for s in seps):
            return False
        seps = [s.rstrip("\r\n") or " " for s in seps]
    if len(groups) > 7 and all(len(g) == 1 for g in bare):
        return set(seps) == {" "} and _spaced_number(digits)
    if plus or (bare[0].startswith("00") and 3 <= len(bare[0]) <= 5 and len(groups) > 1):
        # International: a country code, then groups of any common size.
        if len(groups) == 1:
            return plus and len(digits) >= 8
        if len(bare[0]) > 5 or len(digits) < (8 if plus else 10):
            return False
        if seps[0] == "" and not groups[1].startswith("("):
            return False
        return all(1 <= len(g) <= 8 for g in bare[1:]) and len(bare[-1]) >= 2
    if len(groups) == 1:  # no separators: "07700900123", "5551234567", "447700900123"
        return (
            _UNSEPARATED.fullmatch(digits) is not None
            or _BARE_INTERNATIONAL.fullmatch(digits) is not None
        )
    if bare[0] == "8" and len(digits) == 11 and digits[1] in "3456789":
        # The trunk prefix 8 of Russia and Kazakhstan: "8 912 345 67 89", "8 (912) 345-67-89"
        return (
            len(groups) <= 5
            and "/" not in seps
            and all(2 <= len(g) <= 7 for g in bare[1:])
            and not all(g.endswith("0") for g in bare[1:])  # counts: "8 300 400 50 60"
        )
    if groups[0].startswith("("):  # an area code in brackets: "(555) 123-4567", "(555) 123.4567"
        return (
            2 <= len(bare[0]) <= 5
            and 9 <= len(digits) <= 12
            and "/" not in seps
            and seps[0] != "."
            and ("." not in seps or all(2 <= len(g) <= 4 for g in bare[1:]))
        )
    # Otherwise one separator throughout ("555-123-4567", "020 7946 0958").
    if len(set(seps)) != 1:
        return False
    sep = seps[0]
    if sep == "/":  # an area code and a number: "030/1234567"
        return digits.startswith("0") and len(groups) == 2 and 9 <= len(digits) <= 12
    if _NANP.fullmatch("-".join(bare)) and (sep in ("-", ".") or len(digits) >= 10):
        return True
    if not 9 <= len(digits) <= 12 or (sep == "." and not all(2 <= len(g) <= 4 for g in bare)):
        return False
    if _IP_LIKE.fullmatch(".".join(bare)) or all(_YEAR.fullmatch(g) for g in bare):
        return False
    # An amount written in thousands ("150 000 000", "150.000.000") or a list of round counts
    # ("100 200 300", "1000 2000 3000"), not a number to call.
    if bare[0][0] != "0" and (
        all(g.endswith("0") for g in bare)
        or (len(bare[0]) <= 3 and all(g == "000" for g in bare[1:]))
    ):
        return False
    if digits.startswith("0"):  # a trunk prefix: "07700 900123", "01 23 45 67 89"
        return len(groups) <= 6
    return len(groups) <= 4 and len(bare[0]) >= 3 and 3 <= len(bare[-1]) <= 8


def _spaced_number(digits: str) -> bool:
    """Whether ``digits``, written spaced one by one ("5 5 5 1 2 3 4 5 6 7"), are a phone
    number: ten or eleven, with the shape of a number written without separators, and no
    counting ("0 1 2 3 4 5 6 7 8 9", "9 8 7 6 5 4 3 2 1 0") or one digit over and over."""
    return (
        len(digits) in (10, 11)
        and _UNSEPARATED.fullmatch(digits) is not None
        and len({(int(b) - int(a)) % 10 for a, b in pairwise(digits)}) > 1
    )


def _split(text: str, bounds: list[tuple[int, int]]) -> list[str]:
    """What stands between consecutive ``bounds``, Unicode spaces and dashes made plain."""
    return [text[a[1] : b[0]].translate(_SEPARATORS) for a, b in pairwise(bounds)]


def _bounds(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """The digit groups of a match of _PHONE_RUN, the first one with its "+"."""
    base = m.start()
    bounds = [(base + g.start(), base + g.end()) for g in _GROUP.finditer(m.group())]
    if m.group().startswith("+"):
        bounds[0] = (base, bounds[0][1])
    return bounds


def _starts_phone(text: str, position: int) -> bool:
    """Whether a run of digit groups with the shape of a phone number starts at ``position``."""
    m = _PHONE_AT.match(text, position)
    if m is None:
        return False
    bounds = _bounds(text, m)
    seps = _split(text, bounds)
    groups = [text[s:e] for s, e in bounds]
    return any(
        (j == len(groups) or seps[j - 1] == "/" or seps[j - 1].isspace())
        and _phone_shape(groups[:j], seps[: j - 1])
        for j in range(1, len(groups) + 1)
    )


def _phone_ok(
    text: str, groups: list[str], seps: list[str], start: int, end: int, after: int
) -> bool:
    """Whether ``groups`` at ``[start, end)`` are a phone number; ``after`` is the end of the
    phone number found just before (-1 if none)."""
    if not _phone_shape(groups, seps):
        return False
    # What the number is glued to: the character before it, or before the "-", "/" or "," or
    # the run of "." "_" "#" there (an ellipsis, a Markdown mark, a hash sign).
    before = text[start - 1] if start else ""
    mark = start
    if before and before in "-/,":
        mark -= 1
    else:
        while mark and text[mark - 1] in "._#":
            mark -= 1
    glued_to, between = (text[mark - 1] if mark else ""), text[mark:start]
    single = len(groups) == 1
    if glued_to and _UNSPACED_CHAR.match(glued_to):
        pass  # the edge of a word there: "我的手机号是13800138000", "연락처01012345678"
    elif glued_to.isdigit():
        # "1,555 123 4567" is a thousands group, "12/555-1234" a fraction or a date and
        # "1.5551234567" a decimal: after a digit a number starts only in a list of numbers
        # ("555-123-4567,555-987-6543", "555-123-4567/555-987-6543").
        if between not in (",", "/") or after != start - 1:
            return False
    elif glued_to.isalpha():
        # Glued to a word ("call me at555-123-4567", "tel.555-123-4567"): a number only when
        # its groups are separated, or when the word names a phone; one run of digits after
        # letters ("ID5551234567", "ID-5551234567") reads as an identifier.
        if single and not (between and _PHONE_WORD.search(text, max(0, mark - 11), mark)):
            return False
    elif single and (between == "." or "#" in between):
        return False  # one run of digits after "." is a decimal, after "#" a reference
    if end < len(text):
        following = text[end]
        if following.isdigit():
            return False
        if following == "_":
            # A Markdown mark after the number ("_555-123-4567_"), unless a word goes on
            # after it ("IMG_5551234567_2.jpg")
            rest = end
            while rest < len(text) and text[rest] == "_":
                rest += 1
            if rest < len(text) and text[rest].isalnum():
                return False
        if (
            following.isalpha()
            and not _UNSPACED_CHAR.match(following)
            and not _EXTENSION.match(text, end)
            and (single or _UNIT_GLUED.match(text, end))
        ):
            return False
        if _DECIMAL_AFTER.match(text, end) and not (
            following == "," and _starts_phone(text, end + 1)
        ):
            return False
    return not (
        _MONEY_BEFORE.search(text, max(0, start - 6), start) or _UNIT_AFTER.match(text, end)
    )


def _phones(text: str) -> Iterator[tuple[int, int]]:
    yield from _ibans(text)
    last_end = -1
    for m in _PHONE_CANDIDATE.finditer(text):
        candidate = m.group()
        if len(candidate) < 7 or not _PHONE_HINT.search(candidate):
            continue
        for span in _best_phones(text, _bounds(text, m), last_end):
            last_end = span[1]
            yield span


def _best_phones(
    text: str, bounds: list[tuple[int, int]], after: int = -1
) -> Iterator[tuple[int, int]]:
    """The longest phone number among runs of ``bounds`` (digit groups), then the rest.

    A candidate such as "555 123 4567 2 times" is cut only where groups are separated by
    white space or a slash, so numbers written next to each other ("555 123 4567 555 987
    6543", "555-123-4567/555-987-6543") are still told apart. ``after`` is the end of the
    phone number found just before ``bounds`` (-1 if none).
    """
    if not bounds:
        return
    seps = _split(text, bounds)
    cuts = [0] + [i + 1 for i, s in enumerate(seps) if s == "/" or s.isspace()] + [len(bounds)]
    counts = [0]  # digits in bounds[:k]
    for start, end in bounds:
        counts.append(counts[-1] + end - start - (text[start] in "+(") - (text[end - 1] == ")"))
    # Cheap necessary conditions first (see _phone_shape): at most 7 groups, the last one of
    # two digits or more, and the first one international, bracketed, trunk-prefixed, a
    # North American "1" or of three digits or more.
    runs = [
        (bounds[j - 1][1] - bounds[i][0], i, j)
        for a, i in enumerate(cuts[:-1])
        if _PHONE_START.match(text, bounds[i][0], bounds[i][1])
        for j in cuts[a + 1 :]
        if j - i <= 7 and 7 <= counts[j] - counts[i] <= 15 and counts[j] - counts[j - 1] >= 2
    ]
    # Digits spaced one by one ("5 5 5 1 2 3 4 5 6 7"): ten or eleven of them.
    runs += [
        (bounds[i + n - 1][1] - bounds[i][0], i, i + n)
        for i in range(len(bounds) - 9)
        for n in (10, 11)
        if i + n <= len(bounds)
        and counts[i + n] - counts[i] == n
        and all(s == " " for s in seps[i : i + n - 1])
        and _spaced_number("".join(text[start] for start, _ in bounds[i : i + n]))
    ]
    for _, i, j in sorted(runs, key=lambda r: (-r[0], r[1])):
        groups = [text[s:e] for s, e in bounds[i:j]]
        start, end = bounds[i][0], bounds[j - 1][1]
        if _phone_ok(text, groups, seps[i : j - 1], start, end, after):
            i, j = _in_fours(text, bounds, seps, i, j)
            start, end = bounds[i][0], bounds[j - 1][1]
            yield from _best_phones(text, bounds[:i], after)
            yield start, end
            yield from _best_phones(text, bounds[j:], end)
            return


def _in_fours(
    text: str, bounds: list[tuple[int, int]], seps: list[str], i: int, j: int
) -> tuple[int, int]:
    """Groups ``[i, j)`` of ``bounds``, widened to the run of four or five groups of four
    digits (the last may be shorter) that they are part of: a card or account number
    ("4111 1111 1111 1111") whose first groups have a phone's shape is one item, redacted
    whole rather than as "[phone] 1111"."""

    def four(k: int) -> bool:
        start, end = bounds[k]
        return end - start == 4 and text[start].isdigit()

    sep = seps[i] if j - i > 1 else ""
    if sep not in (" ", "-") or not all(four(k) for k in range(i, j)):
        return i, j
    low, high = i, j
    while low > 0 and four(low - 1) and seps[low - 1] == sep:
        low -= 1
    while high < len(bounds) and seps[high - 1] == sep and four(high):
        high += 1
    if high < len(bounds) and seps[high - 1] == sep and bounds[high][1] - bounds[high][0] < 4:
        high += 1  # a shorter last group: "5500 0000 0000 004"
    return (low, high) if 4 <= high - low <= 5 else (i, j)


# An international bank account number: a country, two check digits and up to 30 letters and
# digits, in groups of four or not ("DE89 3704 0044 0532 0130 00"); its check digits
# (ISO 13616, mod 97) must hold.
_IBAN = re.compile(r"(?<![^\W_])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?")
_IBAN_GROUP_END = re.compile(r"(?= |\Z)")


def _ibans(text: str) -> Iterator[tuple[int, int]]:
    for m in _IBAN.finditer(text):
        # The longest run of its groups that is an account number and ends a word.
        ends = [e.start() for e in _IBAN_GROUP_END.finditer(m.group())]
        for end in sorted(ends, reverse=True):
            if end >= 15 and _iban_ok(m.group()[:end]) and not _word_at(text, m.start() + end):
                yield m.start(), m.start() + end
                break


def _iban_ok(written: str) -> bool:
    code = written.replace(" ", "")
    if not 15 <= len(code) <= 34:
        return False
    moved = code[4:] + code[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _word_at(text: str, position: int) -> bool:
    """Whether a letter or digit is at ``position`` of ``text``."""
    return position < len(text) and text[position].isalnum()


# --- street addresses ----------------------------------------------------------------------

# Street types that are also everyday words ("3 ways", "2 Dr visits") count only when the
# street name and the type are capitalised ("12 Maple Close").
_PLAIN_TYPES = _words("street road avenue lane boulevard terrace crescent highway parkway")
_CAPITAL_TYPES = _words(
    "drive court way place close grove row walk hill mews circle park green view rise "
    "trail gardens square parade alley"
)
# Abbreviations keep a following full stop ("42 Elm St., Springfield"); "Dr" and the others
# after it need capitals like the words they stand for.
_PLAIN_ABBREVIATIONS = _words("st rd ave ln blvd tce cres hwy pkwy")
_CAPITAL_ABBREVIATIONS = _words("dr ct pl cir trl gdns sq")
_NEED_CAPITALS = frozenset(_CAPITAL_TYPES + _CAPITAL_ABBREVIATIONS)
_STOP = frozenset(
    _words(
        "the a an my our your his her their its this that these those and or but of to in on "
        "at from by for with down up along across off over near past into onto around round "
        "behind is was are were be been i me we you he she they it minutes minute mins hours "
        "hour hrs days day weeks week months month years year yrs times time miles mile km "
        "kms metres meters yards feet ft blocks block doors houses streets roads more other "
        "same different whole entire every each all some any no not just only still also very "
        "so too then than am pm people kids steps stops bus buses trains"
    )
)
_STOP_CAPITALISED = _words(
    "The But And So Then Which Where When While My Our We He She They It This That There "
    "Just Please Thanks Anyway Also Because If Or Not Now Yes No Oh Ok Okay Well Sorry Hi "
    "Hello Hey Honestly Actually Maybe Even Still What Who How Why You Your Near Next "
    "Right Left Opposite Behind Across Lol Mum Mom Dad Nan Gran Grandma Grandpa"
)
# Where a word ends: no letter or digit follows (an "_" may: a Markdown mark, as in
# "_42 Elm Street_").
_END = r"(?![^\W_])"
# A house number starts no word and follows no "." (but ".."), ",", "/", amount sign, "@",
# ":", "+", "'" or "-"; a Markdown mark may stand before it.
_NUMBER_START = r"(?=\d)(?:" + _start_after(".,/$£€¥@:+'-") + r"|(?<=\.\.))"
# A flat or unit number: "3", "4B", "B", "B2" (not a word: "my flat is 3 Elm Road").
_UNIT = (
    r"(?:flat|apt|apartment|unit|suite|ste)\.?[ \t]{0,3}#?[ \t]{0,2}(?:\d{1,4}[a-z]?|[a-z]\d{0,3})"
    + _END
)
# Australian states and territories: the tail of an address there is the state and a
# postcode of four digits ("Bondi NSW 2026"), read only after a state.
_AU_STATES = "NSW|VIC|QLD|TAS|ACT|NT|SA|WA"
_CITY_WORD = r"(?!(?:" + "|".join(_STOP_CAPITALISED) + r")\b)[A-Z][a-z]{1,24}"


def _address_pattern(name_repeat: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:"
        + _UNIT
        + r",?[ \t]{1,3})?"
        + _NUMBER_START
        + r"\d{1,5}[a-z]?(?:[-/]\d{1,5}[a-z]?)?,?[ \t]{1,3}"
        r"(?P<name>(?:(?:[a-z][a-z'\u2019-]{0,24}\.?|\d{1,3}(?:st|nd|rd|th))[ \t]{1,3})"
        + name_repeat
        + r")(?P<type>(?:"
        + "|".join(_PLAIN_TYPES + _CAPITAL_TYPES)
        + r")"
        + _END
        + r"|(?:"
        + "|".join(_PLAIN_ABBREVIATIONS + _CAPITAL_ABBREVIATIONS)
        + r")"
        + _END
        + r"\.?)(?-i:[ \t]{1,3}(?:NE|NW|SE|SW|N|S|E|W)"
        + _END
        + r"\.?)?"
        r"(?:,?[ \t]{1,3}(?:" + _UNIT + r"|#[ \t]?\w{1,5}))?"
        r"(?-i:,[ \t]{0,3}" + _CITY_WORD + r"(?:[ -]" + _CITY_WORD + r"){0,2}"
        r"(?:,?[ \t]{1,3}(?:(?:"
        + _AU_STATES
        + r")[ \t]{1,3}\d{4}|"
        + _AU_STATES
        + r"|[A-Z]{2})"
        + _END
        + r")?(?:[ \t]{1,3}(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{5}(?:-\d{4})?)"
        + _END
        + r")?)?",
        re.IGNORECASE,
    )


# The longest street name first ("5 Church Hill Road"); if that holds a word that no street
# name has ("5 Elm St and Oak Road"), the shortest ("5 Elm St").
_ADDRESS = _address_pattern("{1,4}")
_ADDRESS_SHORTEST = _address_pattern("{1,4}?")
_PO_BOX = re.compile(
    r"(?<![^\W_])(?:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box)[ \t]{0,3}#?\d{1,6}" + _END,
    re.IGNORECASE,
)


def _address_ok(m: re.Match[str]) -> bool:
    words = m["name"].split()
    if any(w.rstrip(".").lower() in _STOP for w in words):
        return False
    kind = m["type"].rstrip(".")
    return kind.lower() not in _NEED_CAPITALS or (
        kind[0].isupper() and all(w[0].isupper() or w[0].isdigit() for w in words)
    )


def _addresses(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    while (found := _ADDRESS.search(text, position)) is not None:
        m = found if _address_ok(found) else _ADDRESS_SHORTEST.match(text, found.start())
        if m is not None and _address_ok(m):
            yield m.span()
            position = m.end()
        else:  # a rejected match may hide one that starts inside it
            position = found.start() + 1
    for m in _PO_BOX.finditer(text):
        yield m.span()


# --- finding and redacting -----------------------------------------------------------------


def _emails(text: str) -> Iterator[tuple[int, int]]:
    if "@" not in text:  # most texts: no need to read them
        return
    for m in _EMAIL.finditer(text):
        start = m.start()
        yield _out_of_unspaced(text, start, text.index("@", start)), m.end()


_Finder = Callable[[str], Iterator[tuple[int, int]]]
_FINDERS: Final[tuple[tuple[Kind, _Finder], ...]] = (
    ("email", _emails),
    ("url", _urls),
    ("handle", _handles),
    ("phone", _phones),
    ("address", _addresses),
)
# Between two findings of the same length and start, the earlier kind above wins.
_PRIORITY: Final[dict[Kind, int]] = {kind: i for i, (kind, _) in enumerate(_FINDERS)}


def find_personal(text: str) -> list[Redaction]:
    """Every e-mail, phone number, URL, handle and street address in ``text``, in order.

    Where two findings overlap, the longer one is kept (a URL that contains an e-mail address
    is one URL). The spans never overlap and never cover zero characters. The text is read
    past format characters and Markdown escapes, with fullwidth "@" and "." as the plain ones
    (:func:`_reading`): a zero-width space, soft hyphen or escaping backslash inside a finding
    is part of it.
    """
    view, origin = _reading(text)
    found: list[tuple[int, int, Kind]] = []
    for kind, finder in _FINDERS:
        found.extend((start, end, kind) for start, end in finder(view) if end > start)
    found.sort()
    kept: list[tuple[int, int, Kind]] = []
    first = 0
    while first < len(found):
        last, cluster_end = first + 1, found[first][1]
        while last < len(found) and found[last][0] < cluster_end:
            cluster_end = max(cluster_end, found[last][1])
            last += 1
        kept.extend(_resolve(found[first:last]))
        first = last
    kept.sort()
    if origin is not None:  # back to the text as written, all that was read past inside
        kept = [(origin[start], origin[end - 1] + 1, kind) for start, end, kind in kept]
    return [Redaction(start, end, kind, text[start:end]) for start, end, kind in kept]


def _resolve(cluster: list[tuple[int, int, Kind]]) -> list[tuple[int, int, Kind]]:
    """Non-overlapping spans out of one group of overlapping ones, the longest first."""
    if len(cluster) == 1:
        return cluster
    chosen: list[tuple[int, int, Kind]] = []
    for span in sorted(cluster, key=lambda s: (s[0] - s[1], s[0], _PRIORITY[s[2]])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return chosen


_MAX_ROUNDS = 8


def redact(text: str, *, keep: Collection[str] = ()) -> str:
    """``text`` with each finding of :func:`find_personal` replaced by ``[kind]``.

    Replacing a finding can expose another one next to it ("Elm St.555-123-4567"), so the
    search is repeated on the result until nothing more is found; hence
    ``redact(redact(text)) == redact(text)``. Findings whose exact text is in ``keep`` (public
    contacts that carelens itself writes, such as a crisis line's web address) stay.
    """
    for _ in range(_MAX_ROUNDS):
        found = [f for f in find_personal(text) if text[f.start : f.end] not in keep]
        if not found:
            break
        parts: list[str] = []
        position = 0
        for item in found:
            parts.append(text[position : item.start])
            parts.append(item.placeholder)
            position = item.end
        parts.append(text[position:])
        text = "".join(parts)
    return text


# --- pseudonyms ----------------------------------------------------------------------------

#: Used when no key is given. It is public, so the mapping it gives is reproducible by anyone.
PUBLIC_KEY: Final = b"carelens-pseudonym-v1"


class Pseudonymizer:
    """Stable, readable pseudonyms for speaker names: ``"helper-3f9a2c"``.

    The id is the start of HMAC-SHA256(key, name) in hex, so the same name and key give the
    same pseudonym in every run and process. Two names never share a pseudonym within one
    :class:`Pseudonymizer`: if a new name's short id is already taken, its id is lengthened
    (two hex digits at a time, from the same digest) until it is free; the name seen first
    keeps the short id. Without ``key`` a public default key is used: anyone who can guess a
    name can then recompute its pseudonym. Pass a secret ``key`` (for example
    ``Pseudonymizer(key=os.environ["CARELENS_PSEUDONYM_KEY"])``) before sharing results.
    """

    def __init__(self, key: str | None = None, *, prefix: str = "helper", length: int = 6) -> None:
        if key is not None and not key:
            raise ValueError("the pseudonym key is empty; pass a secret string, or None")
        if not 4 <= length <= 32:
            raise ValueError(f"length must be between 4 and 32 hex digits, not {length}")
        self.prefix = prefix
        self.length = length
        self.keyed = key is not None
        self._key = key.encode("utf-8", "surrogatepass") if key is not None else PUBLIC_KEY
        self._by_name: dict[str, str] = {}
        self._taken: set[str] = set()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Pseudonymizer(keyed={self.keyed}, prefix={self.prefix!r}, length={self.length})"

    def pseudonym(self, name: str | None) -> str | None:
        """The pseudonym of ``name`` (``None`` stays ``None``); names are compared exactly."""
        if name is None:
            return None
        with self._lock:
            known = self._by_name.get(name)
            if known is not None:
                return known
            digest = hmac.new(
                self._key, name.encode("utf-8", "surrogatepass"), hashlib.sha256
            ).hexdigest()
            size = self.length
            while digest[:size] in self._taken:
                size += 2
                if size > len(digest):  # pragma: no cover - needs a full SHA-256 collision
                    raise RuntimeError(f"no free pseudonym for {name!r}")
            self._taken.add(digest[:size])
            pseudonym = f"{self.prefix}-{digest[:size]}" if self.prefix else digest[:size]
            self._by_name[name] = pseudonym
            return pseudonym


def redact_with_spans(
    text: str, span_groups: Mapping[str, Sequence[Mapping[str, Any]]]
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` redacted exactly as :func:`redact` does, and every group of spans moved to
    offsets in the redacted text.

    Personal data is found in the whole text, never in the pieces between span boundaries (a
    phone number that a span boundary cuts in two is still a phone number). A span boundary
    inside a finding moves to the edge of its placeholder — a start to its start, an end to
    its end — so a span that covered part of an e-mail address covers the whole ``[email]``;
    other boundaries keep their place in the text around. A span's ``text``, if present, is
    replaced by the new one.
    """
    rounds: list[list[_Move]] = []
    out = text
    for _ in range(_MAX_ROUNDS):  # the rounds of redact(), with where each finding went
        found = find_personal(out)
        if not found:
            break
        out, moves = _substitute(out, [(f.start, f.end, f.placeholder) for f in found])
        rounds.append(moves)
    return out, _move_spans(len(text), out, rounds, span_groups)


def replace_with_spans(
    text: str,
    replacements: Sequence[tuple[int, int, str]],
    span_groups: Mapping[str, Sequence[Mapping[str, Any]]],
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` with each ``(start, end, new)`` of ``replacements`` (in order, apart) put in
    place, and every group of spans moved as :func:`redact_with_spans` moves them."""
    out, moves = _substitute(text, replacements)
    return out, _move_spans(len(text), out, [moves], span_groups)


#: Where one replacement went: (start, end) in the text before, (start, end) after.
_Move = tuple[int, int, int, int]


def _substitute(text: str, replacements: Sequence[tuple[int, int, str]]) -> tuple[str, list[_Move]]:
    parts: list[str] = []
    moves: list[_Move] = []
    position = shift = 0
    for start, end, new in replacements:
        parts += [text[position:start], new]
        moves.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
        position = end
    parts.append(text[position:])
    return "".join(parts), moves


def _move_spans(
    length: int,
    out: str,
    rounds: Sequence[Sequence[_Move]],
    span_groups: Mapping[str, Sequence[Mapping[str, Any]]],
) -> dict[str, tuple[dict[str, Any], ...]]:
    """The spans of a text of ``length`` characters moved through the replacement
    ``rounds`` that made ``out``: a boundary inside a replaced piece to its edge (a start to
    its start, an end to its end), any other by what was replaced before it."""

    def move(offset: int, end: bool) -> int:
        for moves in rounds:
            shift = 0
            for start, stop, new_start, new_stop in moves:
                if offset <= start:
                    break
                if offset < stop:  # inside this replacement: to the edge of its new text
                    offset, shift = (new_stop if end else new_start), 0
                    break
                shift = new_stop - stop
            offset += shift
        return offset

    groups: dict[str, tuple[dict[str, Any], ...]] = {}
    for name, spans in span_groups.items():
        new = []
        for s in spans:
            start = move(min(max(int(s["start"]), 0), length), end=False)
            end = max(start, move(min(max(int(s["end"]), 0), length), end=True))
            item = {**s, "start": start, "end": end}
            if "text" in item:
                item["text"] = out[start:end]
            new.append(item)
        groups[name] = tuple(new)
    return groups

"""E-mail addresses, web addresses and user handles in a text, for :mod:`carelens.privacy`.

:func:`emails`, :func:`urls` and :func:`handles` give the ``(start, end)`` of each one found
in a text as :func:`carelens.privacy_reading.reading` gives it. An address or a handle does
not start inside a word, and ends before trailing punctuation, unopened closing brackets and
a Markdown "_" that opens before it; internationalised domains and names go on through
combining marks; a change into or out of a script written without spaces is its edge
("我的邮箱是zhang.wei@example.cn", "https://example.com/help谢谢", "@minsu로").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carelens.privacy_reading import (
    MARKS,
    UNSPACED,
    into_unspaced,
    out_of_unspaced,
    start_after,
    words,
)

# A domain label may be internationalised (``jane@exämple.de``, ``info@пример.рф``,
# ``münchen.de/…``), its letters precomposed or decomposed: letters and digits of any script
# with their combining marks, hyphens inside.
_IDN_LABEL = r"[^\W_](?:(?:[^\W_]|(?-i:[" + MARKS + r"-])){0,61}(?:[^\W_]|(?-i:[" + MARKS + r"])))?"
# The last label of an e-mail or fediverse address: letters, with their marks, of one kind of
# script: an ending in a spaced script stops before an unspaced one ("example.kr로").
_IDN_TLD = (
    r"(?:(?:[^\W\d_" + UNSPACED + r"]|(?-i:[" + MARKS + r"])){2,24}"
    r"(?![^\W_" + UNSPACED + r"]|(?-i:[" + MARKS + r"]))"
    r"|[" + UNSPACED + r"]{2,24}(?![^\W_]|(?-i:[" + MARKS + r"])))"
)
# The local part of an e-mail address: it does not start inside a word (but it may start
# after a "." and at a change of script into or out of an unspaced one: "..john@",
# "邮箱zhang@", "email张伟@"), nor with "_" (a Markdown mark) or ".", and it has no "." at its
# end nor two in a row ("me...john@" is "john@"). A local part in an unspaced script
# ("邮箱张伟@", "さとう@") is taken from where its run of letters starts, with the words glued
# before it: it does not start inside the run, where a start would be tried at every letter
# and each try would read up to 64 letters on (Chinese text with an "@" in it was read
# several times slower than English text). Where more than 64 such letters are glued before
# the "@", or the local part is joined to them by ".", "-" or "_" ("…邮箱是张.伟@"), the last 64
# characters are taken (see emails).
_LOCAL_CHAR = r"(?-i:[\w%+'" + MARKS + r"-])"
_LOCAL_REST = r"(?:[^\W_]|[%+-])(?:" + _LOCAL_CHAR + r"|\.(?=" + _LOCAL_CHAR + r")){0,63}"
_INTO_UNSPACED = "(?-i:(?=[" + UNSPACED + r"])(?<=[^\W_" + UNSPACED + "]))"
_LOCAL_NAME = (
    "(?:" + start_after("%+-", inside_unspaced=False) + "|" + _INTO_UNSPACED + ")" + _LOCAL_REST
)
# or quoted, spaces and all: "quoted name"@example.com
_LOCAL_PART = _LOCAL_NAME + r'|"[^"@\n]{1,62}"'
_DOMAIN = r"(?:" + _IDN_LABEL + r"\.){1,8}" + _IDN_TLD
_EMAIL = re.compile(r"(?:" + _LOCAL_PART + r")@" + _DOMAIN, re.IGNORECASE)
# The most characters of an address before its "@" (a local part of 64) and after it (eight
# labels of 63 characters, each with its ".", and an ending of 24): only so much of a text
# around each "@" is read for an address (see _near_at).
_BEFORE_AT = 64
_AFTER_AT = 8 * 64 + 24
# The last 64 characters of a local part glued after a run of an unspaced script that goes
# on before them, the longest local part (see emails): they start with a letter of that
# script glued to another one, and hold nothing a local part does not.
_AFTER_UNSPACED_LETTER = "(?:(?<=[" + MARKS + "])|(?<=[" + UNSPACED + r"])(?<=[^\W_]))"
_IN_UNSPACED_RUN = re.compile(
    _AFTER_UNSPACED_LETTER + "(?=[" + UNSPACED + r"])(?=[^\W_])" + _LOCAL_REST
)
_DOMAIN_AT = re.compile(_DOMAIN, re.IGNORECASE)
# An address written with a space on each side of its "@", at a large mail provider
# ("john @ gmail.com", "sam.lee @ yahoo.co.uk"): elsewhere "@" between spaces is "at"
# ("meet me @ the park"). The "@" and the domain are looked for first, then the local part
# that ends before them: a word with a digit, ".", "_", "+" or "-" in it, or any other word
# but the everyday ones that stand before "@" meaning "at" (see _NOT_LOCAL).
_SPACED_AT = re.compile(
    r"[ \t]@[ \t](?:gmail|googlemail|yahoo|ymail|hotmail|outlook|icloud|aol|protonmail|"
    r"proton|gmx|yandex|qq|163|126|naver|hanmail|daum)\.(?:[a-z]{2,3}\.)?[a-z]{2,3}"
    r"(?![^\W_]|\.[^\W_])",
    re.IGNORECASE,
)
# (It is looked for only before such an "@", so it may start inside a run of an unspaced
# script, as far as 64 characters back.)
_LOCAL_BEFORE = re.compile(start_after("%+-") + _LOCAL_REST + r"\Z", re.IGNORECASE)
# Everyday words that are no local part before a spaced "@": "My account @ gmail.com got
# hacked", "anyone else @ outlook.com locked out?", "email me @ gmail.com" keep them, and the
# domain is a web address.
_NOT_LOCAL = frozenset(
    words(
        "account accounts else me mine email emails e-mail mail address one someone everyone "
        "anyone noone nobody my your his her our their at is was am are and or to from on in "
        "with for of the a an it us him them you i login inbox"
    )
)
# Top-level domains accepted without "http://" or "www." (written in lower case).
_TLDS = words(
    "com org net edu gov mil int info biz io co ai app dev me us uk ca au nz ie de fr es "
    "it nl be ch at se no dk fi pl pt eu in jp br mx za sg hk ly gl gg tv xyz site online "
    "blog health care help social link page world news ee is ru cn kr tw ph my ng ke gh pk "
    "bd lk ar cl pe tr gr cz hu ro ua il ae sa eg ma lt lv sk si hr rs bg shop store club "
    "live life space website tech name pro"
)
# Domain endings that are also everyday words or abbreviations ("I was tired.so"); without a
# scheme or www they count only when a path follows ("redd.it/abc").
_WORDY_TLDS = frozenset(
    words(
        "me us it in be at no so is to do go my info help care link page ma pe il "
        "shop store club live life space name pro"
    )
)
# The punctuation of Chinese, Japanese and Korean text (ideographic comma and full stop,
# corner brackets, fullwidth comma, colon, brackets, …): a web address ends before it
# ("https://example.com/help" and a fullwidth comma).
_CJK_PUNCTUATION = (
    "\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f"
    "\uff3b\uff3d\uff5b\uff5d"
)
_URL_CHAR = r"[^\s<>\"" + _CJK_PUNCTUATION + "]"
# A scheme or "www." may follow any punctuation but "@", "/" and "-" ("...https://…"); a
# bare domain not a single "." either (it would start inside a longer name), but "..".
_URL = re.compile(
    start_after("@/-", inside_unspaced=False)
    + r"(?:(?P<scheme>(?:https?|ftp)://)"
    + _URL_CHAR
    + r"{1,2048}|(?P<www>www\d{0,3}\.)"
    + _URL_CHAR
    + r"{1,2048}"
    r"|(?<!(?<!\.)\.)(?:"
    + _IDN_LABEL
    + r"\.){1,6}(?-i:(?P<tld>"
    + "|".join(sorted(_TLDS, key=len, reverse=True))
    + r")(?![^\W_"
    + UNSPACED
    + r"]|(?-i:["
    + MARKS
    + r"-])))(?::\d{2,5})?(?P<path>/"
    + _URL_CHAR
    + r"{0,2048})?)",
    re.IGNORECASE,
)
# A handle's name may hold letters of the scripts written with spaces (Latin, Greek,
# Cyrillic, Arabic, …) and their marks (``@renée_m``, written precomposed or decomposed), so
# none of it is left glued to the placeholder; Reddit names are ASCII, and one that goes on
# in other letters is no Reddit name. A name in a script written without spaces, or in
# fullwidth letters, cannot be told from the words after it, and "@" (or the fullwidth at)
# glued to such words is "at" ("飲み会@渋谷でした", "モール@渋谷", "모임@강남역에서"): a handle in
# such a script starts after no letter and ends at a space, a colon, a comma, a full stop, an
# exclamation or question mark (ASCII, fullwidth or ideographic), or the end of the text
# ("@田中さん ありがとう", "@田中さん、ありがとう").
_HANDLE_LETTER = r"[^\W" + UNSPACED + r"\uff00-\uffef]"
_HANDLE = re.compile(
    r"(?=[@/u])(?:"  # the cheap test first: most places hold none of these
    r"(?<!(?-i:[\w@.+"
    + MARKS
    + r"-]))@["
    + UNSPACED
    + r"]{1,30}(?=[\s:,.!?\uff1a\u3001\u3002\uff0c\uff01\uff1f]|\Z)|"
    + start_after("@.+-")
    + r"@_{0,10}(?![\d_])"
    + _HANDLE_LETTER
    + r"(?:"
    + _HANDLE_LETTER
    + r"|(?-i:[."
    + MARKS
    + r"])){1,63}(?:@(?:"
    + _IDN_LABEL
    + r"\.){1,5}"
    + _IDN_TLD
    + r")?|"
    + start_after("/")
    + r"/?u/[a-z0-9_-]{3,20}(?![^\W_"
    + UNSPACED
    + r"]|(?-i:["
    + MARKS
    + r"-])))",
    re.IGNORECASE,
)
# Group mentions that name nobody.
_NOT_HANDLES = frozenset(
    words(
        "@everyone @here @channel @all @mods @moderators @admin @admins @mod @moderator @staff "
        "@someone @anyone"
    )
)
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


def urls(text: str) -> Iterator[tuple[int, int]]:
    for m in _URL.finditer(text):
        # A path goes on in no word of an unspaced script ("…/help谢谢").
        start = m.start()
        end = _trim(text, start, into_unspaced(text, start, m.end()))
        if m.group("scheme") or m.group("www"):
            prefix = len(m.group("scheme") or m.group("www"))
            if end - start > prefix and "." in text[start + prefix : end]:
                yield start, end
        elif m.group("tld") not in _WORDY_TLDS or (m.group("path") or "/") != "/":
            yield out_of_unspaced(text, start, text.index(".", start)), end


def handles(text: str) -> Iterator[tuple[int, int]]:
    if "@" not in text and "u/" not in text and "U/" not in text:
        return
    for m in _HANDLE.finditer(text):
        start, end = m.start(), _trim(text, m.start(), m.end())
        end = into_unspaced(text, start, end)
        if text[start:end].lower() not in _NOT_HANDLES:
            yield start, end


def _near_at(text: str) -> Iterator[tuple[int, int]]:
    """The stretches ``[start, end)`` of ``text`` that hold every e-mail address in it: those
    within reach of an "@", and the character after (where a pattern looks past its end)."""
    start = end = 0
    sign = text.find("@")
    while sign != -1:
        if sign - _BEFORE_AT > end:
            if end:
                yield start, end
            start = sign - _BEFORE_AT
        end = min(len(text), sign + _AFTER_AT + 2)
        sign = text.find("@", sign + 1)
    if end:
        yield start, end


def emails(text: str) -> Iterator[tuple[int, int]]:
    if "@" not in text:  # most texts: no need to read them
        return
    for near in _near_at(text):
        for m in _EMAIL.finditer(text, *near):
            start = m.start()
            yield out_of_unspaced(text, start, text.index("@", start)), m.end()
    # A local part glued after more than 64 characters of an unspaced script, with no space
    # or punctuation between but ".", "-" and "_": _EMAIL starts none inside the run, so
    # none is found at its "@", or only the part after such a mark ("张.[email]"). The last
    # 64 are taken, less the words of that script glued before one in another ("…邮箱是zhang").
    sign = text.find("@", _BEFORE_AT)
    while sign != -1:
        if _IN_UNSPACED_RUN.fullmatch(text, sign - _BEFORE_AT, sign) and (
            domain := _DOMAIN_AT.match(text, sign + 1)
        ):
            yield out_of_unspaced(text, sign - _BEFORE_AT, sign), domain.end()
        sign = text.find("@", sign + 1)
    for at in _SPACED_AT.finditer(text):
        local = _LOCAL_BEFORE.search(text, max(0, at.start() - 64), at.start())
        if local is not None and local.group().lower() not in _NOT_LOCAL:
            yield local.start(), at.end()

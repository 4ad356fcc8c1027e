"""E-mail addresses written out to dodge scrapers, for :mod:`carelens.privacy`.

:func:`spelled_emails` gives the ``(start, end)`` of each address whose "@" is written as a
word and whose domain has its dots written as words: "anna dot kowalski at gmail dot com",
"sam [at] example [dot] org", "j.smith (at) mail (dot) co (dot) uk", "name AT gmail DOT com".
The "@" is "at" between spaces, or "at" or "@" in brackets ("[at]", "(at)", "{at}", "<at>");
a dot is "dot" between spaces, or "dot" or "." in brackets. The span runs from the first
letter of the name to the end of the domain.

What makes "at … dot …" an address rather than prose ("i was at home dot dot dot", "look at
that dot", "she works at amazon dot com"):

* the domain ends in a known top-level domain (:data:`_ENDINGS`), after at least one dot
  written as a word or in brackets; with "at" in brackets a domain written with plain dots
  counts too ("sam[at]example.org");
* with "at" written plainly, a dot in brackets ("sam at example [dot] org"), or "AT" or
  "DOT" in capitals in a name that is not ("kim AT example DOT com"), shows it was written
  to dodge; else it needs one of: a name that holds a dot written as a word, a digit, ".",
  "_", "+" or "-" ("anna dot kowalski at …", "j.smith at …"); a domain of a large mail
  provider ("… at gmail dot com") or with two dots or more ("… at mail dot co dot uk"); a
  word for an e-mail address in the 40 characters before ("email me: anna at example dot
  com", "my address is …"); and then a name that is no everyday word before "at" ("me",
  "home", "look", "works", a word ending in "-ing" or "-ed": "meet me at gym dot com"), a
  domain whose first word is no article ("worked at a dot com"), and an ending that is no
  everyday word ("me", "us", "it", "in", "be", …: "say hi at sam dot me" stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from carelens.privacy_reading import words

# The cheap test first: most texts hold neither a "dot" nor a bracketed "at", "@" or "."
# (see _hinted): what may stand before a closing bracket.
_CLOSERS = "])}>"
_BRACKETED_BEFORE = tuple(
    opener + before + inside + after
    for opener in "[({<"
    for inside in ("at", "@", ".")
    for before in ("", " ", "\t")
    for after in ("", " ", "\t")
)


def _bracketed(inside: str) -> str:
    """``inside`` in square, round, curly or angle brackets (a space or tab inside at most
    on each side), with spaces allowed about them."""
    pairs = (r"\[", r"\]"), (r"\(", r"\)"), (r"\{", r"\}"), ("<", ">")
    return r"[ \t]*(?:" + "|".join(f"{o}[ \\t]?{inside}[ \\t]?{c}" for o, c in pairs) + r")[ \t]*"


_SPELLED_DOT = r"(?:[ \t]+dot[ \t]+|" + _bracketed(r"(?:dot|\.)") + ")"
_BRACKETED_DOT = re.compile(_bracketed(r"(?:dot|\.)"), re.IGNORECASE)
_ANY_SPELLED_DOT = re.compile(_SPELLED_DOT, re.IGNORECASE)
_SEPARATOR = re.compile(_SPELLED_DOT + r"|\.", re.IGNORECASE)
# A piece of the name and a label of the domain: not the words "at" and "dot" themselves.
_PIECE = r"(?!(?:at|dot)(?![A-Za-z0-9_+-]))[A-Za-z0-9](?:[A-Za-z0-9_+-]|\.(?=[A-Za-z0-9])){0,63}"
_LABEL = r"(?!(?:at|dot)(?![A-Za-z0-9-]))[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
#: Top-level domains an address written out may end in.
_ENDINGS = words(
    "com org net edu gov mil int info biz io co ai app dev me us uk ca au nz ie de fr es it nl "
    "be ch se no dk fi pl pt eu in jp br mx za sg hk tv xyz ru cn kr tw ph my ng ke gh pk ar "
    "cl pe tr gr cz hu ro ua il ae sa eg email"
)
# Those that are also everyday words: after a plain "at" only with a bracketed dot.
_WORDY_ENDINGS = frozenset(words("me us it in be no my email"))
_SPELLED = re.compile(
    r"(?<![A-Za-z0-9_.+'\u2019@-])(?P<name>"
    + _PIECE
    + r"(?:"
    + _SPELLED_DOT
    + _PIECE
    + r"){0,4})(?P<at>[ \t]+at[ \t]+|(?P<bracket>"
    + _bracketed(r"(?:at|@)")
    + r"))(?P<domain>(?:"
    + _LABEL
    + r"(?:"
    + _SPELLED_DOT
    + r"|\.)){1,6})(?P<end>"
    + "|".join(sorted(_ENDINGS, key=len, reverse=True))
    + r")(?![A-Za-z0-9_-]|\.[A-Za-z0-9])",
    re.IGNORECASE,
)
_PROVIDERS = frozenset(
    words(
        "gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol protonmail "
        "proton pm gmx yandex mail qq 163 126 naver hanmail daum zoho fastmail tutanota"
    )
)
_MAIL_WORD = re.compile(
    r"(?<![A-Za-z])(?:e-?mail|mail|address|addy|contact|write|inbox)(?![A-Za-z])", re.IGNORECASE
)
_MAIL_REACH = 40
# Everyday words before "at" that are no name ("email me at …", "look at …", "home at …").
_NOT_A_NAME = frozenset(
    words(
        "me us you him her them it i we they one someone anyone everyone nobody people guys "
        "folks home work works school class look looks stare laugh good bad great best better "
        "worse mad angry upset here there be been was is am are were meet met see stay stays "
        "live lives arrive back out up down just still even yes no ok okay lol and or to from "
        "on in with for of the a an my your his our their at is was email emails e-mail mail "
        "address account accounts else mine login inbox shop shops sold bought found seen "
        "available nothing something everything anything all"
    )
)
_NAME_MARK = re.compile(r"[\d._+-]")
_ARTICLES = frozenset(words("a an the this that my your our their his her its some any one"))


def spelled_emails(text: str) -> Iterator[tuple[int, int]]:
    if not _hinted(text):
        return
    for m in _SPELLED.finditer(text):
        if _is_address(text, m):
            yield m.start(), m.end()


def _hinted(text: str) -> bool:
    """Whether ``text`` holds a "dot" (in any case), or "at", "@" or "." in brackets,
    without which it holds no address written out; read with str.find, several times
    faster than a regular expression."""
    low = text.lower()
    if "dot" in low:
        return True
    for closer in _CLOSERS:
        at = low.find(closer)
        while at != -1:
            if low.endswith(_BRACKETED_BEFORE, max(0, at - 5), at):
                return True
            at = low.find(closer, at + 1)
    return False


def _is_address(text: str, m: re.Match[str]) -> bool:
    """Whether the match ``m`` of :data:`_SPELLED` in ``text`` is an address (see the
    module's docstring)."""
    domain = m.group("domain")
    bracketed_dot = _BRACKETED_DOT.search(domain) is not None
    name = m.group("name")
    if m.group("bracket") or bracketed_dot:
        return True  # "[at]", "(at)", "[dot]", …: written to dodge
    if (m.group("at").strip() == "AT" or " DOT" in domain) and not name.isupper():
        return True  # "AT" or "DOT" in capitals in words that are not: so too
    if _ANY_SPELLED_DOT.search(domain) is None:
        return False  # "at" and a domain with plain dots: a web address
    if m.group("end").lower() in _WORDY_ENDINGS:
        return False
    labels = [label for label in _SEPARATOR.split(domain) if label]
    first = labels[0].lower()
    if first in _ARTICLES or len(first) < 2:
        return False
    if _ANY_SPELLED_DOT.search(name) or _NAME_MARK.search(name):
        return True  # "anna dot kowalski", "j.smith", "sam_r"
    if name.lower() in _NOT_A_NAME or (len(name) > 4 and name.lower().endswith(("ing", "ed"))):
        return False
    if first in _PROVIDERS or len(labels) > 1:
        return True
    before = text[max(0, m.start() - _MAIL_REACH) : m.start()]
    return _MAIL_WORD.search(before) is not None

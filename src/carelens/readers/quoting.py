"""Bounded quoting of what a file holds, for error messages and logs.

An :class:`~carelens.errors.InputError` or a log line may name something read from a file (a
column name), but never its data: a file that is not what its name says (a JSON array saved as
``.csv``, a binary file) would otherwise put its texts into the message, and from there into
the corpus ``error`` of ``carelens serve``, every API listing and the server log.

- :func:`clip` and :func:`quote` cut a value to a few dozen characters (:func:`quote` never
  inside personal data, so that redacting the message finds all of it);
- :func:`describe_columns` lists a header's column names only when they look like column
  names (:func:`looks_like_header`), and otherwise says how many columns and characters
  the line has, never what it holds. A headerless file's first line is data, so a line
  is refused as a header when any of its cells holds personal data
  (:func:`~carelens.privacy.find_personal`) or reads like a sentence (more than
  :data:`MAX_NAME_WORDS` words, a first- or second-person pronoun, a contraction, sentence
  punctuation at the end): ``Jane Doe,jane.doe@example.com,I want to die tonight`` is
  described by its size, not quoted;
- :func:`json_type` names the JSON type of a parsed value where a message says what a field
  should have been (``must be a string, not an array``), never the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.privacy import find_personal

#: The most characters of one name (a column) an error message quotes.
MAX_NAME_CHARS = 40
#: The most column names an error message lists.
MAX_LISTED_NAMES = 20
#: A name with more words than this reads as a sentence, not as a column name ("Date of
#: contact" has three).
MAX_NAME_WORDS = 3
#: Characters no column name has, but JSON, XML and other non-CSV text does.
_NOT_IN_NAMES = frozenset('{}[]<>"\\')
#: Words a message has and a column name does not: first- and second-person pronouns
#: (compared in lower case, with the punctuation around a word taken off).
_PERSONAL_WORDS = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
    | {"you", "your", "yours", "yourself", "yourselves"}
)
#: Apostrophes: the typewriter one and U+2019, which word processors and phones write.
_APOSTROPHES = "'\u2019"
#: The endings of contractions ("can't", "I'm", "we've"): messages have them, names do not.
_CONTRACTION = re.compile(
    f"[a-z](?:n[{_APOSTROPHES}]t|[{_APOSTROPHES}](?:m|re|ve|ll|d))$", re.IGNORECASE
)
#: What ends a sentence; no column name ends so.
_SENTENCE_END = (".", "!", "?", "…")


def clip(text: str, limit: int = MAX_NAME_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters (the cut marked with ``…``)."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + "…"


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, in words: ``a string``, ``a number``, ``a
    boolean``, ``an array``, ``an object``, ``null`` (never the value: it may be long)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__


def quote(value: str, limit: int = MAX_NAME_CHARS) -> str:
    """``repr`` of ``value`` cut to ``limit`` characters first; a cut one says its length.

    The cut never falls inside personal data (an e-mail address, a phone number...,
    :func:`~carelens.privacy.find_personal`): it moves back to where that starts, so that a
    message redacted afterwards (a reject's detail under ``--redact``) finds all that is left
    of it (a cut ``'jane.doe@exam…'`` is no e-mail address to find).
    """
    if len(value) <= limit:
        return repr(value)
    return f"{value[: _cut(value, max(limit - 1, 0))] + '…'!r} ({len(value):,} characters)"


#: How far past a cut personal data is looked for: more than any one finding is long.
_CUT_WINDOW = 1024


def _cut(value: str, at: int) -> int:
    """``at``, or the start of the personal data that runs across it."""
    # Back (analysis.quoting.clip goes on): an error shows as little of a file's data as it can.
    for found in find_personal(value[: at + _CUT_WINDOW]):
        if found.start < at < found.end:
            return found.start
    return at


def looks_like_name(name: str) -> bool:
    """Whether ``name`` could be a column name: at most :data:`MAX_NAME_CHARS` printable
    characters and :data:`MAX_NAME_WORDS` words, none of ``{ } [ ] < > " \\``, and not
    data: no personal data (:func:`~carelens.privacy.find_personal`) and nothing that reads
    like a sentence (a first- or second-person pronoun such as ``I`` or ``you``, a
    contraction such as ``can't``, a ``.``, ``!``, ``?`` or ``…`` at the end)."""
    words = name.split()
    return (
        len(name) <= MAX_NAME_CHARS
        and name.isprintable()
        and len(words) <= MAX_NAME_WORDS
        and not _NOT_IN_NAMES.intersection(name)
        and not _reads_like_a_sentence(name, words)
        and not find_personal(name)
    )


def _reads_like_a_sentence(name: str, words: Sequence[str]) -> bool:
    if name.rstrip().endswith(_SENTENCE_END):
        return True
    for word in words:
        bare = word.strip(".,;:!?…()" + _APOSTROPHES).lower()
        if bare in _PERSONAL_WORDS or _CONTRACTION.search(bare):
            return True
    return False


def looks_like_header(names: Sequence[str]) -> bool:
    """Whether every one of ``names`` (at least one) :func:`looks like a column name
    <looks_like_name>`."""
    return bool(names) and all(looks_like_name(name) for name in names)


def describe_columns(names: Sequence[str]) -> str:
    """``found columns: 'a', 'b'`` (the first :data:`MAX_LISTED_NAMES`) for a header whose
    names look like column names; otherwise the line's size and a guess at what it is,
    with nothing it holds."""
    if looks_like_header(names):
        listed = ", ".join(quote(name) for name in names[:MAX_LISTED_NAMES])
        more = len(names) - MAX_LISTED_NAMES
        return f"found columns: {listed}" + (f" and {more:,} more" if more > 0 else "")
    chars = sum(len(name) for name in names) + max(len(names) - 1, 0)
    first = next((name.lstrip() for name in names if name.strip()), "")
    if any("\x00" in name for name in names):
        guess = "; it holds NUL bytes, as a binary file does"
    elif first.startswith(("{", "[")):
        guess = "; it looks like JSON, not CSV (JSON Lines is read as format jsonl or reddit)"
    elif first.startswith("<"):
        guess = "; it looks like XML, not CSV (a WordPress export is read as format wxr)"
    else:
        guess = ""
    columns = "column" if len(names) == 1 else "columns"
    return (
        f"the first line ({len(names):,} {columns}, {chars:,} characters) does not look like "
        f"a header of column names, so none is quoted{guess}"
    )

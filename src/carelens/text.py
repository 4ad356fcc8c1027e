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
"""

from __future__ import annotations

import re
import unicodedata

#: Typed for an apostrophe, read as ``'``: U+2019 (phones), U+2018, the modifier letter
#: U+02BC, the prime U+2032 and the fullwidth U+FF07. One character for one, so offsets found
#: in the straightened text are the text's own.
APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032\uff07", "'"))

#: A high surrogate followed by a low one: one character written as two UTF-16 code units.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def straight_apostrophes(text: str) -> str:
    """``text`` with every apostrophe of :data:`APOSTROPHES` made ``'`` (same length)."""
    return text.translate(APOSTROPHES)


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

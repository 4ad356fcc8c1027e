"""Emoji and emoticons in a clause offered for a suggested opening.

Emoji inside a clause are left out of the opening, not of the words quoted ("I feel 😭 so
alone" -> "you feel so alone": :func:`without_emoji`); a heart stays, as it may stand for a word
("I ❤ my mom"). An emoticon standing alone (">:(", ":'(", "xD", "T_T", "<3": :data:`_EMOTICON`)
is found here (:func:`emoticon_spans`) so that a clause neither starts nor ends inside one
(:func:`carelens.analysis.openings_trim.trim`) and no bracket of one opens or closes a pair or
a list (:mod:`carelens.analysis.openings_brackets`, :mod:`carelens.analysis.openings_lists`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


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
def emoticon_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` holds emoticons (:data:`_EMOTICON`), in order, read once for all the
    parts of a message."""
    return tuple(found.span() for found in _EMOTICON.finditer(text))

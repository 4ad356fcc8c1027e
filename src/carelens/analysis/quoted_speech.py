"""Where a clause holds words that are not the seeker's own: quoted speech and web addresses.

Quoted speech ('I told him "I love you"') is someone else's words, and the words of a web
address or handle ("example.com/my-story", "@our_team") are no one's: neither is turned to
the second person (:mod:`carelens.analysis.pronouns`) nor read as the seeker addressing someone
(:mod:`carelens.analysis.addressees`); other readers of the seeker's words (openings, reported
speech, crisis feedback) find quotations here too. :func:`within` tells whether a position lies
in such a stretch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from carelens.analysis.quoting import NO_SPACE_RUN
from carelens.analysis.words import ADDRESS

#: A quotation mark, straight or curly (a straight or curly apostrophe too).
_QUOTE_MARK = re.compile("[\"'\u2018\u2019\u201c\u201d]")


#: An apostrophe that starts a word: no quotation ("'cause", "'til", "'em", "the '90s").
_ELISION = re.compile(
    "['\u2019](?:cause|cos|cuz|til|till|em|bout|round|n|tis|twas|\\d\\ds?)\\b", re.IGNORECASE
)


def quoted_speech(clause: str) -> tuple[list[tuple[int, int]], int | None]:
    """Where quoted speech lies in ``clause`` (the positions of its two marks: 'I told him
    "I love you"'), and where a quotation opened that is never closed (or None). A mark
    between two letters or digits is an apostrophe ("don't"); one after a space or at the
    start, before a character that is no space, opens; one after a character that is no
    space, before no letter or digit, closes ("friends' houses" closes none)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(clause):
        at = mark.start()
        before = clause[at - 1] if at > 0 else " "
        after = clause[at + 1] if at + 1 < len(clause) else " "
        if before.isalnum() and after.isalnum():
            continue
        if opened is None:
            if not before.isalnum() and not after.isspace() and not _ELISION.match(clause, at):
                opened = at
        elif not before.isspace() and not after.isalnum():
            regions.append((opened, at))
            opened = None
    return regions, opened


def web_addresses(clause: str) -> list[tuple[int, int]]:
    """Where ``clause`` holds runs of text without spaces that are web addresses or handles
    (:data:`carelens.analysis.words.ADDRESS`: "example.com/my-story", "@our_team"), whose
    words are no one's pronouns."""
    return [
        run.span()
        for run in NO_SPACE_RUN.finditer(clause)
        if ADDRESS.search(clause, *run.span()) is not None
    ]


def within(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether the position ``at`` lies in one of ``spans`` (start included, end not)."""
    return any(first <= at < last for first, last in spans)

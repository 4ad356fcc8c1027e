"""Markdown's emphasis and code marks, as the unsafe-reply patterns read them.

Reddit keeps a reply's Markdown, and the words it sets off may be the writer's own emphasis
("nobody likes you. *kill yourself*") or a mention ("The mod bot blocks `kys`"). What lives
here is where the marks stand: words set off by a pair of emphasis or code marks
(:data:`MARKED`), a run of emphasis marks that none closes (:data:`_OPENING_MARKS`), and fenced
code blocks (:func:`fenced`); and the text with the marks read as spaces, one for one
(:func:`mark_runs`, :func:`without_marks`), so that the patterns of
:mod:`carelens.analysis.unsafe` find the words as if unmarked. Whose words the marked ones
are (a report, a title, code) is told by :mod:`carelens.analysis.unsafe_frames`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

# Words set off by Markdown's emphasis or code marks, on one line: a run of one to three
# emphasis marks before and after them that no letter touches from outside ("*kill yourself*",
# "**...**", "_..._", "~~...~~", and nested or mismatched: "***...***", "**_..._**",
# "~~*...*~~", "**...*"; "k*ll" and "snake_case_name" hold none), or a run of code marks
# before and after ("`...`", "``...``", group ``code``). The patterns read the marks as spaces
# (:func:`without_marks`), so the words are read as the writer's own emphasis ("nobody likes
# you. *kill yourself*", "you should **kill yourself**", "honestly just _kys_") unless the
# writer reports them or they are a title; words in code marks are always a mention ("The mod
# bot blocks `kys`"), as no one urges in them (:mod:`carelens.analysis.unsafe_frames`). The
# runs of marks are read possessively, the words between them hold none: each is read once.
MARKED = re.compile(
    r"(?<![\w*~])(?P<open>[*_~]{1,3}+)(?=[^\s*~_])[^*~_\n]{1,200}?(?<=[^\s*~_])"
    r"(?P<close>[*_~]{1,3}+)(?![\w*~])"
    r"|(?<!`)(?P<code>`++)[^`\n]{1,200}(?P=code)(?!`)"
)
#: A run of emphasis marks that may open emphasis before a letter ("*kill", "**kys"): where
#: none closes it (:data:`MARKED`) it sets off nothing, and is read as spaces all the same
#: (:func:`mark_runs`), so the words after it are the writer's own ("nobody likes you. *kill
#: yourself", "Some troll wrote: *kill yourself" someone else's, reported).
_OPENING_MARKS = re.compile(r"(?<![\w*~])[*_~]{1,3}+(?=[^\W\d_])")
#: A fence of a code block: a line of three backticks or tildes or more (group ``run``, after
#: up to three spaces), maybe with an info string after it (group ``info``: "```text"; none
#: with a backtick after backticks, which makes inline code). A block opens at a fence and
#: closes at the next one of the same marks, as many or more, without an info string
#: (:class:`Block`); its words are in code marks, as "`kys`" is. A fence left open sets off
#: nothing, as an unpaired emphasis mark does.
_FENCE = re.compile(
    r"^[ \t]{0,3}(?:(?P<run>`{3,}+)(?P<info>[^`\n]*+)|(?P<tildes>~{3,}+)(?P<tilde_info>[^\n]*+))$",
    re.MULTILINE,
)


class Block(NamedTuple):
    """A fenced code block: where it starts and ends (its fences' lines included), and the
    runs of marks of its two fences."""

    start: int
    end: int
    opening: tuple[int, int]
    closing: tuple[int, int]


@lru_cache(maxsize=8)  # read for the marks, the quotations and the labels of one text
def fenced(text: str) -> tuple[Block, ...]:
    """The fenced code blocks of ``text`` (:data:`_FENCE`), in order, found in one pass: a
    fence opens a block, and inside it only a fence that may close it counts (the next
    "```" without an info string, after "```"), as Markdown reads them; most texts hold
    none."""
    if "```" not in text and "~~~" not in text:
        return ()
    blocks: list[Block] = []
    opening: re.Match[str] | None = None
    for fence in _FENCE.finditer(text):
        run = fence["run"] or fence["tildes"]
        if opening is None:
            opening = fence
            continue
        opened = opening["run"] or opening["tildes"]
        info = fence["info"] if fence["run"] else fence["tilde_info"]
        if run[0] == opened[0] and len(run) >= len(opened) and not info.strip():
            name = "run" if fence["run"] else "tildes"
            blocks.append(
                Block(
                    opening.start(),
                    fence.end(),
                    opening.span("run" if opening["run"] else "tildes"),
                    fence.span(name),
                )
            )
            opening = None
    return tuple(blocks)


def mark_runs(text: str) -> list[tuple[int, int]]:
    """Where the emphasis and code marks of ``text`` stand, as the start and the end of each
    run of marks, in order: those that pair (:data:`MARKED`), a run that opens emphasis
    before a letter that none closes (:data:`_OPENING_MARKS`) and the fences of a code block
    (:func:`fenced`; the marks inside it are code); most texts hold none."""
    if not any(mark in text for mark in "*_~`"):
        return []
    runs: list[tuple[int, int]] = []
    blocks: list[tuple[int, int]] = []
    for block in fenced(text):
        runs += [block.opening, block.closing]
        blocks.append((block.start, block.end))
    block_starts = [start for start, _ in blocks]

    def in_block(at: int) -> bool:
        k = bisect_left(block_starts, at + 1) - 1  # the last block opening at or before it
        return k >= 0 and at < blocks[k][1]

    paired: set[int] = set()
    for marked in MARKED.finditer(text):
        if blocks and in_block(marked.start()):
            continue
        opening = len(marked["open"] or marked["code"])
        closing = len(marked["close"] or marked["code"])
        runs += [(marked.start(), marked.start() + opening), (marked.end() - closing, marked.end())]
        paired.add(marked.start())
    if any(mark in text for mark in "*_~"):
        runs += [
            opening.span()
            for opening in _OPENING_MARKS.finditer(text)
            if opening.start() not in paired and not (blocks and in_block(opening.start()))
        ]
    return sorted(runs)


def without_marks(text: str, marks: list[tuple[int, int]]) -> str:
    """``text`` with each run of ``marks`` read as spaces, one for one (the same offsets):
    "you should **kill yourself**" as "you should   kill yourself  "."""
    pieces: list[str] = []
    kept = 0
    for start, end in marks:
        pieces += [text[kept:start], " " * (end - start)]
        kept = end
    pieces.append(text[kept:])
    return "".join(pieces)

"""The words that let the crisis scan skip a veiled cue's pattern: one pass over a message
tells which of those patterns it needs to run.

Each veiled pattern (:data:`carelens.analysis.crisis_patterns.SCREENED`) comes with the words
one of its cues must hold ("won't need" for "i won't need them", "tide" for the tide's times):
in a message without any of them the pattern finds no cue, so the scan
(:mod:`carelens.analysis.crisis`) does not run it. :class:`WordScreen` reads all those words in
one pass: an alternation of them, each alternative closed by an empty named group that tells
which patterns it stands for. The alternatives that open with the same letter are grouped
under it, so at each word's start the engine compares one letter with a few and goes on into
one group only (about half the cost of trying every word: the veiled patterns as alternations
of their own would cost the scan about a third more). Where two words may be found at the
same place (one opens with the other's first letters: "be with", "before i go"), each stands
for the patterns of both, so the one found first never hides the other's; each is read in a
lookahead, so a word that starts inside another found ("around" in "be around") is found too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# The leading letters of an alternative: what two words found at the same place share.
_LEADING = re.compile(r"[a-z']+")


def _leading(alternative: str, *, grouped: bool) -> str:
    """The letters (and apostrophes) ``alternative`` opens with: one at least where the
    alternatives are grouped by their first character; none ungrouped (a masked vowel's class
    first), which stands for every other word's patterns too."""
    found = _LEADING.match(alternative)
    if found is None and grouped:
        raise ValueError(
            f"a grouped word must open with a letter or an apostrophe: {alternative!r}"
        )
    return "" if found is None else found.group()


def alternatives(words: str) -> list[str]:
    """The alternatives of ``words`` at the top level (not inside a group or a class)."""
    found: list[str] = []
    depth = 0
    start = 0
    i = 0
    in_class = False
    while i < len(words):
        char = words[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(words[start:i])
            start = i + 1
        i += 1
    found.append(words[start:])
    return found


class WordScreen:
    """The words of some patterns, read in one pass (see the module).

    ``words`` gives, for each pattern (by its index in the scan's list), the words one of its
    cues must hold, as a regular expression of alternatives; each alternative opens with a
    letter or an apostrophe. With ``grouped``, the alternatives that open with the same
    character are grouped under it (for a case-sensitive pattern over lower-cased text; one
    read with a masked letter, whose vowels are classes, is read ungrouped)."""

    def __init__(self, words: Iterable[tuple[int, str]], flags: int, *, grouped: bool) -> None:
        tags: dict[str, set[int]] = {}
        for index, pattern_words in words:
            for alternative in alternatives(pattern_words):
                tags.setdefault(alternative, set()).add(index)
        leading = {alternative: _leading(alternative, grouped=grouped) for alternative in tags}
        joined = {
            alternative: frozenset(
                index
                for other, indices in tags.items()
                if leading[other].startswith(leading[alternative])
                or leading[alternative].startswith(leading[other])
                for index in indices
            )
            for alternative in tags
        }
        self._tags: dict[str, frozenset[int]] = {}
        by_first: dict[str, list[str]] = {}
        for number, (alternative, indices) in enumerate(joined.items()):
            name = f"w{number}"
            self._tags[name] = indices
            by_first.setdefault(alternative[:1] if grouped else "", []).append(
                f"{alternative[1:] if grouped else alternative}(?P<{name}>)"
            )
        body = "|".join(
            f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in by_first.items()
        )
        # Read in a lookahead: a word found does not hide one that starts inside it ("be around"
        # found at "be" leaves "around" to be found at its own start).
        self.pattern = re.compile(rf"\b(?=(?:{body}))", flags)

    def needed(self, text: str) -> frozenset[int]:
        """The indices of the patterns whose words ``text`` holds."""
        found: set[int] = set()
        for match in self.pattern.finditer(text):
            found |= self._tags[match.lastgroup or ""]
        return frozenset(found)

    def indices(self) -> Sequence[int]:
        """Every pattern's index it reads the words of, in order."""
        return sorted({index for indices in self._tags.values() for index in indices})

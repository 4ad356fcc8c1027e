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
same place (one opens with the other's first letters: "be with", "be around"), each stands
for the patterns of both, so the one found first never hides the other's; a word closed by a
space or a word's end ("si\\b", "be\\s+with") is never found where a longer one goes on with
a letter ("since", "before"), so those two stand apart. Each is read in a lookahead, so a word
that starts inside another found ("around" in "be around") is found too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# The characters an alternative opens with, as written: letters, digits, apostrophes and the
# other characters that stand for themselves ("s/i"). A quantifier after the last one makes it
# optional ("cuts?"), and "\\b" or "\\s" after them closes them (see _Leading).
_LITERAL = re.compile(r"[a-z0-9'/-]+")
_QUANTIFIER = re.compile(r"[?*{]")
_CLOSING = re.compile(r"\\[bs]| ")


class _Leading:
    """What an alternative opens with (``text``: the characters that stand for themselves),
    and whether what follows them must be a space or a word's end (``closed``: "si\\b",
    "sh\\s"): a closed alternative found at a place leaves no room there for another whose
    leading characters go on with a letter ("since", "she")."""

    def __init__(self, alternative: str) -> None:
        found = _LITERAL.match(alternative)
        text = "" if found is None else found.group()
        rest = alternative[len(text) :]
        if text and _QUANTIFIER.match(rest):
            text, rest = text[:-1], text[-1] + rest
        self.text = text
        # A space after the leading characters rules out any other character there; "\\b"
        # after a letter or a digit rules out a letter, a digit or "_" (after an apostrophe,
        # "/" or "-" it asks for one, and closes nothing).
        self.spaced = rest[:2] == "\\s" or rest[:1] == " "
        after_word = text[-1:].isalnum()
        self.closed = self.spaced or (after_word and _CLOSING.match(rest) is not None)

    def may_meet(self, other: _Leading) -> bool:
        """Whether this alternative and ``other`` may both be found at the same place: one's
        leading characters open the other's, unless the shorter is closed where the longer
        goes on with a character that closing rules out."""
        short, long = sorted((self, other), key=lambda leading: len(leading.text))
        if not long.text.startswith(short.text):
            return False
        if len(short.text) == len(long.text) or not short.closed:
            return True
        following = long.text[len(short.text)]
        return not (short.spaced or following.isalnum() or following == "_")


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
        leading = {alternative: _Leading(alternative) for alternative in tags}
        bare = [alternative for alternative, opening in leading.items() if not opening.text]
        if bare and grouped:
            raise ValueError(
                f"a grouped word must open with a letter or an apostrophe: {bare[0]!r}"
            )
        joined = {
            alternative: frozenset(
                index
                for other, indices in tags.items()
                if leading[alternative].may_meet(leading[other])
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

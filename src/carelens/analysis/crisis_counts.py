"""How a count of the responses that answer crisis cues is worded, alike everywhere.

``carelens analyze`` and ``carelens batch`` (their run summary), ``carelens summarize`` (its
"To read" line) and the HTML report (its crisis section) all count the responses that answer
a seeker message with crisis cues: responses, not messages (one message answered three times
is three). A message that only the small learned crisis flag marked
(:func:`~carelens.analysis.crisis_model.learned_only`) is a hint of a possible crisis, not
wording about suicide or self-harm, so the hints among them are counted apart. Each place
sets the words its own way (bold red on a terminal, the count in an element of its own in
the report), so :func:`crisis_count` gives them in parts; :func:`crisis_words` is the
command line's rich-markup line.
"""

from __future__ import annotations

from typing import NamedTuple


class CrisisCount(NamedTuple):
    """The words of a count of responses that answer crisis cues, in parts:
    ``f"{number} {answer} {what} {note}"`` (``note`` may be empty)."""

    #: The number of responses (``2``, ``1,204``).
    number: str
    #: ``response answers a message`` or ``responses answer messages``.
    answer: str
    #: What the messages hold: ``with wording about suicide or self-harm`` (``, or a hint of
    #: it`` when some are hints), or ``that may point to a crisis`` when all are hints.
    what: str
    #: How many are only a hint, in brackets; empty when none is.
    note: str

    def plain(self) -> str:
        """The whole count as plain text."""
        said = f"{self.number} {self.answer} {self.what}"
        return f"{said} {self.note}" if self.note else said


def crisis_count(needs_attention: int, crisis_hints: int) -> CrisisCount:
    """The words for ``needs_attention`` responses that answer a seeker message with crisis
    cues, ``crisis_hints`` of them a message the learned flag alone marked (see the module
    docstring)."""
    one = needs_attention == 1
    answer = "response answers a message" if one else "responses answer messages"
    if crisis_hints and crisis_hints >= needs_attention:
        return CrisisCount(
            f"{needs_attention:,}",
            answer,
            "that may point to a crisis",
            "(a hint the learned flag found)",
        )
    what = "with wording about suicide or self-harm"
    if not crisis_hints:
        return CrisisCount(f"{needs_attention:,}", answer, what, "")
    note = f"({crisis_hints:,} of them only a hint, a possible crisis)"
    return CrisisCount(f"{needs_attention:,}", answer, f"{what}, or a hint of it", note)


def crisis_words(needs_attention: int, crisis_hints: int) -> str:
    """:func:`crisis_count` as the command line's run summary shows it (rich markup): the
    count and what the messages hold in bold red, the note on the hints after it."""
    words = crisis_count(needs_attention, crisis_hints)
    said = f"[bold red]{words.number} {words.answer} {words.what}[/]"
    return f"{said} {words.note}" if words.note else said

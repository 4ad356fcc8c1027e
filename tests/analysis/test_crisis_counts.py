"""The words of a count of responses that answer crisis cues, shared by analyze, batch,
summarize and the report (:mod:`carelens.analysis.crisis_counts`)."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis_counts import crisis_count, crisis_words
from carelens.cli import analyze


@pytest.mark.parametrize(
    ("needs", "hints", "said"),
    [
        (0, 0, "0 responses answer messages with wording about suicide or self-harm"),
        (1, 0, "1 response answers a message with wording about suicide or self-harm"),
        (1, 1, "1 response answers a message that may point to a crisis (a hint the learned "
         "flag found)"),
        (3, 1, "3 responses answer messages with wording about suicide or self-harm, or a "
         "hint of it (1 of them only a hint, a possible crisis)"),
        (1204, 1003, "1,204 responses answer messages with wording about suicide or "
         "self-harm, or a hint of it (1,003 of them only a hint, a possible crisis)"),
    ],
)  # fmt: skip
def test_crisis_count_in_plain_words(needs: int, hints: int, said: str) -> None:
    """No response to read is not "0 responses answer messages that may point to a crisis"
    (no hint at all is not all of them hints)."""
    assert crisis_count(needs, hints).plain() == said


def test_the_command_line_marks_the_count_and_what_the_messages_hold() -> None:
    assert crisis_words(3, 1) == (
        "[bold red]3 responses answer messages with wording about suicide or self-harm, or a "
        "hint of it[/] (1 of them only a hint, a possible crisis)"
    )
    assert crisis_words(2, 0) == (
        "[bold red]2 responses answer messages with wording about suicide or self-harm[/]"
    )
    assert analyze.crisis_words is crisis_words  # still importable where it was

"""Markdown's marks as the unsafe-reply patterns read them
(:mod:`carelens.analysis.unsafe_marks`): paired, unpaired and fenced, read as spaces."""

from __future__ import annotations

import pytest

from carelens.analysis.unsafe_marks import fenced, mark_runs, without_marks


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("you should **kill yourself**", "you should   kill yourself  "),
        # an opening run that none closes is read as spaces too; "k*ll" holds no mark
        ("so. *kill yourself and *sigh* k*ll", "so.  kill yourself and  sigh  k*ll"),
        ("honestly just _kys", "honestly just  kys"),
        # a fence, not its info string; the marks inside a block are code
        ("a\n```py\n*kys\n```", "a\n   py\n*kys\n   "),
        ("~~~\nkys\n~~~~", "   \nkys\n    "),
        ("```\nkys", "```\nkys"),  # a fence left open sets off nothing
    ],
)
def test_the_marks_are_read_as_spaces(text: str, read: str) -> None:
    """An unpaired opening mark and a code block's fences were read as typed: "*kill" was
    no word for the patterns, and a fence no code mark."""
    assert without_marks(text, mark_runs(text)) == read


def test_a_fence_with_an_info_string_inside_a_block_does_not_close_it() -> None:
    text = "```\n```py\nkys\n```\nafter"
    (block,) = fenced(text)
    assert text[block.start : block.end] == "```\n```py\nkys\n```"


def test_many_fences_are_read_in_one_pass() -> None:
    # 20,000 fences that open and never close: a search for each one's closing fence read the
    # lines after it, again and again.
    text = "```a\nx\n" * 20_000
    assert fenced(text) == ()
    assert mark_runs(text) == []

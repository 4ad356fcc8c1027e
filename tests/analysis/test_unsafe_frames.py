"""Whose words an unsafe reply's words are (:mod:`carelens.analysis.unsafe_frames`): an
emphasis mark that none closes, fenced code blocks, words in code marks under a label that
names them, and quotations that a speech tag frames."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carelens.analysis.unsafe_frames as unsafe_frames
from carelens.analysis.unsafe import _spans, unsafe_spans


def found(response: str) -> list[str]:
    return [response[s.start : s.end] for s in unsafe_spans(response)]


def test_the_frames_do_not_import_the_patterns() -> None:
    """The patterns (:mod:`carelens.analysis.unsafe`) read the frames; the frames read
    nothing of them, so the two modules import in one direction only."""
    tree = ast.parse(Path(unsafe_frames.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "carelens.analysis.unsafe" not in imported


# --- an emphasis mark that none closes -------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("nobody likes you. *kill yourself", ["kill yourself"]),
        ("nobody likes you. **kill yourself", ["kill yourself"]),
        ("you should *kill yourself", ["you should *kill yourself"]),
        ("honestly just _kys", ["kys"]),
        ("*kill yourself\nloser*", ["kill yourself"]),  # emphasis does not span lines
    ],
)
def test_an_emphasis_mark_that_none_closes_hides_no_urging(response: str, words: list[str]) -> None:
    """An unpaired "*" before the words opened no clause (it is no list mark) and was read as
    part of the word: none of these was found."""
    assert found(response) == words


@pytest.mark.parametrize(
    "response",
    [
        "Some troll wrote: *kill yourself",
        "someone told me *kys",
        "you should *never* kill yourself",
    ],
)
def test_an_unclosed_mark_after_a_report_or_a_negation_urges_nothing(response: str) -> None:
    assert found(response) == []


# --- fenced code blocks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "The bot filters:\n```\nkys\n```\nand more.",
        "Add these to the automod list:\n```text\nkys\nkill yourself\n```",
        "I am so sorry this happened.\n~~~\njust die\n~~~",
        "I am so sorry this happened.\n   ````\nkys\n   ````  ",
        # a fence with an info string inside a block is code, not its end
        "I am so sorry this happened.\n```\n```py\nkys\n```",
    ],
)
def test_words_in_a_fenced_code_block_are_a_mention(response: str) -> None:
    """A fenced block's lines were read one by one: "kys" on a line of its own urged."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("```\nkys\n```", ["kys"]),  # code marks and little else, as "`kys`"
        ("I am so sorry this happened.\n```\nkys", ["kys"]),  # a fence left open
        ("I am so sorry this happened.\n````\nkys\n```", ["kys"]),  # a shorter fence
        ("nobody likes you.\n```\nkys\n``` lol", ["kys"]),  # words after a fence: none
    ],
)
def test_a_block_without_its_closing_fence_or_beside_little_else_stays_urging(
    response: str, words: list[str]
) -> None:
    assert found(response) == words


def test_many_fences_are_read_once() -> None:
    # 20,000 fences that open and never close: each searched the 200 lines after it.
    assert found("```a\nx\n" * 20_000 + "kys") == ["kys"]


# --- words in code marks under a label that names them ---------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "Filter words: ``kill yourself``, ``kys``",
        "Filter words: `kill yourself`, `kys`",
        "Blocked phrases:\n```\nkys\n```",
        "Banned terms: `kys` / `just die`",
    ],
)
def test_code_under_a_label_that_names_such_words_is_a_mention(response: str) -> None:
    """With fewer than three words of the writer's own beside them, the code marks were
    read as the writer's own urging."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("My words: `kys`", ["kys"]),
        ("My advice: `kill yourself`", ["kill yourself"]),
        ("go `kill yourself`", ["go `kill yourself"]),
        ("`kys`", ["kys"]),
    ],
)
def test_code_without_such_a_label_beside_little_else_stays_urging(
    response: str, words: list[str]
) -> None:
    assert found(response) == words


# --- a quotation that a speech tag frames ------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        '"Kill yourself," he said.',
        '"Kill yourself", he said.',
        '"Kill yourself!" he screamed.',
        '"Kill yourself." he said.',
        '"Kill yourself" he said',
        'He said, "Kill yourself."',
        'She said "kill yourself"',
        'Tom said, "Kill yourself."',
        '"Kill yourself," said he.',
        '"Kill yourself," said Tom.',
        '"Kill yourself." Said my brother.',
        "\u201cKill yourself,\u201d he said.",
        "\u201cKill yourself!\u201d she screamed.",
        "She said, \u201cKill yourself.\u201d",
        '"kys" he said',
        '"Kill yourself," he said, "nobody cares."',
        "*kill yourself*, he said.",
        "*kys* he said",
    ],
)
def test_a_quotation_a_speech_tag_frames_is_someone_elses_beside_few_words(
    response: str,
) -> None:
    """A speech tag of two words ("he said") left the reply fewer than three words of the
    writer's own, so the quotation was read as the writer urging."""
    assert found(response) == []


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ('"kill yourself". that\'s my answer', ["kill yourself"]),
        ('"kill yourself"', ["kill yourself"]),
        ('lol "kys"', ["kys"]),
        # The writer's own words said again frame nothing, as "like I said, kys" does not.
        ('"Kill yourself," I said.', ["Kill yourself"]),
        ('"Kill yourself," said I.', ["Kill yourself"]),
        ('I said, "Kill yourself."', ["Kill yourself"]),
        # No speech tag: the writer's own "enough said", "said it" with nobody saying it.
        ('"kill yourself". enough said.', ["kill yourself"]),
        ('"kys". said that.', ["kys"]),
        # A tag frames only the quotation right beside it.
        ('"kys" "kys" he said', ["kys"]),
    ],
)
def test_a_quotation_without_someone_elses_speech_tag_stays_urging(
    response: str, words: list[str]
) -> None:
    assert found(response) == words


_PIECES = [
    *("*", "**", "_", "~", "`", "``", "```", "~~~", "\n", "kill", "yourself", "kys", "just"),
    *("die", "Filter", "words:", "n.e.v.e.r.", ".", "someone", "told", "me", "go", "*kill"),
    *("yourself*", "`kys`", "so", "sorry", "d-i-e", "k1ll", "\u0435", '"kys"', "he", "said"),
    *("said,", "Tom", "I"),
]


@given(st.lists(st.sampled_from(_PIECES), max_size=16).map(" ".join))
def test_marked_text_gives_valid_spans_and_the_quick_reading_hides_none(response: str) -> None:
    spans = unsafe_spans(response)
    previous = 0
    for span in spans:
        assert previous <= span.start < span.end <= len(response)
        previous = span.end
    assert spans == _spans(response, quick=False)

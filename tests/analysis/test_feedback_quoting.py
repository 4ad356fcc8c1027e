"""Quoting the seeker's and the helper's words (:mod:`carelens.analysis.quoting`): a "*" typed
for a letter at a word's edge is part of the words, not Markdown, and a quote keeps it."""

from __future__ import annotations

import re

import pytest

import carelens
from carelens.analysis import quoting
from carelens.analysis.openings import seeker_clause
from carelens.analysis.quoting import clip, masked_stars, quote, unmarked


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("I want to *ill myself", [10]),
        ("I want to kil* myself", [13]),
        ("I took an *verdose", [10]),
        ("*sigh* I want to kil* myself", [20]),  # the marks of "*sigh*" pair
        ("I want to *\u200bill myself", [10]),  # read folded, at the text's offsets
        ("I want to *ill myself*", []),  # emphasis
        ("I want to **kill myself**", []),
        ("I want to k*ll myself", []),  # inside a word: no Markdown to leave out anyway
        ("5 * 3 and *so* tired", []),
    ],
)
def test_masked_stars_are_those_the_patterns_read_as_letters(text: str, stars: list[int]) -> None:
    assert sorted(masked_stars(text)) == stars


@pytest.mark.parametrize(
    ("text", "masked", "quoted"),
    [
        ("*ill myself", {0}, "*ill myself"),
        ("kil* myself", {3}, "kil* myself"),
        ("*verdose", {0}, "*verdose"),
        ("go *ill yourself", {3}, "go *ill yourself"),
        ("go kil*", {6}, "go kil*"),
        ("**so** I want to *ill myself", {17}, "so I want to *ill myself"),
        # without them, a "*" at a word's edge is Markdown, as it was
        ("*ill myself", set(), "ill myself"),
        ("**so tired**", set(), "so tired"),
    ],
)
def test_clip_keeps_a_masked_letter_and_leaves_out_markdown(
    text: str, masked: set[int], quoted: str
) -> None:
    """A "*" at a quote's start or end, or opening or closing a word inside it, was left out
    as Markdown's emphasis: "*ill myself" was quoted "ill myself"."""
    assert clip(text, 8, masked) == quoted


def test_unmarked_keeps_only_the_masked_stars() -> None:
    assert unmarked("*so* I want to *ill myself", {15}) == "so I want to *ill myself"


@pytest.mark.parametrize(
    ("text", "start", "quoted"),
    [
        ("I want to *ill myself", 10, "*ill myself"),
        ("I want to kil* myself", 10, "kil* myself"),
        ("I took an *verdose", 10, "*verdose"),
        ("I want to *ill myself*", 10, "ill myself"),
    ],
)
def test_quote_reads_the_whole_text_for_its_masked_stars(
    text: str, start: int, quoted: str
) -> None:
    assert quote(text, start, len(text), 8) == quoted


@pytest.mark.parametrize(
    ("seeker", "response", "quoted"),
    [
        ("I want to *ill myself", "ok", 'They wrote "*ill myself"'),
        ("I want to kil* myself", "ok", 'They wrote "kil* myself"'),
        ("I took an *verdose last night", "ok", 'They wrote "*verdose"'),
        ("I feel awful", "go *ill yourself", '"go *ill yourself" could push them'),
    ],
)
def test_feedback_quotes_edge_masked_words_as_written(
    seeker: str, response: str, quoted: str
) -> None:
    """The crisis cue was "*ill myself" and the unsafe words "go *ill yourself", but the
    feedback quoted "ill myself", "kil myself", "verdose" and "go ill yourself"."""
    analysis = carelens.load().analyze(seeker, response)
    assert analysis.feedback[0].startswith(quoted), analysis.feedback


# --- long quotes: the edge marks, and a length cap -------------------------------------------


class _AnchoredOnly:
    """Stands in for a compiled pattern of :mod:`carelens.analysis.quoting`: adds up what its
    anchored matches read (what they match and two characters of lookahead), and counts any
    other use (a search or a substitution, which may read all of its text, and from each
    place in it)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0
        self.searches = 0

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self.pattern.match(text, pos, len(text) if endpos is None else endpos)
        self.read += (found.end() - pos if found else 0) + 2
        return found

    def __getattr__(self, name: str) -> object:
        self.searches += 1
        return getattr(self.pattern, name)


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("* " * 5_000, ""),
        ("x " + "*" * 10_000 + " y", "x " + "*" * 10_000 + " y"),
        ("*_`~ " * 2_000 + "hello", "hello"),
        ("hello " + "~ *" * 3_000, "hello"),
        ("-* " * 3_000 + "x", "x"),
        ("x " + "_ ~ " * 2_500, "x"),
    ],
)
def test_the_marks_at_a_quotes_ends_are_taken_off_by_reading_only_them(
    text: str, stripped: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round of taking off the marks at a quote's ends took one run of marks off each end,
    searching the whole text for them and copying it: quadratic on "* * * ..."; and the
    search for a run that ends the text tried each run of marks to the end ("x " + "*" *
    32,000 + " y": 35 s). The marks at the start are matched where the text starts, those at
    the end read back from it: no pattern searches the text."""
    patterns = {
        name: _AnchoredOnly(value)
        for name, value in vars(quoting).items()
        if isinstance(value, re.Pattern)
    }
    for name, pattern in patterns.items():
        monkeypatch.setattr(quoting, name, pattern)
    assert quoting._without_edge_marks(text) == stripped
    assert sum(p.searches for p in patterns.values()) == 0
    rounds = len(text) // 2 + 2
    assert sum(p.read for p in patterns.values()) <= len(text) + 2 * rounds


def test_the_marks_are_taken_off_as_before() -> None:
    # a masked letter stays; a lone "~" is part of a "~~" cut; dashes and commas go
    assert quoting._without_edge_marks("** Have you looked at") == "Have you looked at"
    assert quoting._without_edge_marks("*ill myself") == "*ill myself"
    assert quoting._without_edge_marks("go kil*") == "go kil*"
    assert quoting._without_edge_marks("- ~so tired~ ,") == "so tired"
    assert quoting._without_edge_marks("* - * a*") == "a*"
    assert quoting._without_edge_marks("x " + "*" * 500 + " y") == "x " + "*" * 500 + " y"


NINE_WORDS = "one two three four five six seven eight nine"


@pytest.mark.parametrize(
    ("text", "words", "quoted"),
    [
        # a run without spaces is one word: cut at the cap, 20 characters a word
        ("a" * 1_000, 8, "a" * 160 + "…"),
        ("I hear you " + "x" * 500, 8, ("I hear you " + "x" * 500)[:160] + "…"),
        # a space in the second half of the cap: the cut falls there
        ("so " + "b" * 100 + " " + "c" * 100, 8, "so " + "b" * 100 + "…"),
        # within the cap: as before
        ("I feel so alone tonight", 8, "I feel so alone tonight"),
        (NINE_WORDS, 8, NINE_WORDS.removesuffix(" nine") + "…"),
        # personal data is never cut: the quote ends before it, or, where it starts the
        # quote, runs to its end
        ("hi sarahjonesxyz.long.name@mail.example.com and", 2, "hi…"),
        (
            "sarahjonesxyz.long.name.here@mail.example.com is mine",
            2,
            "sarahjonesxyz.long.name.here@mail.example.com…",
        ),
    ],
)
def test_a_quote_holds_at_most_twenty_characters_a_word(text: str, words: int, quoted: str) -> None:
    """A run without spaces counts as one word, so a reply of one long run (a pasted link, a
    keyboard mash) was quoted whole in its feedback."""
    assert clip(text, words) == quoted


def test_a_quote_of_a_long_run_in_a_reply_is_capped() -> None:
    response = "Listen " + "ha" * 3_000 + " ok"
    assert len(quote(response, 0, len(response), 8)) == 8 * quoting.CHARS_PER_WORD + 1
    named = quoting.around(response, next(re.finditer("Listen", response)))
    assert named.startswith("Listen hahaha")
    assert len(named) == 10 * quoting.CHARS_PER_WORD + 1


def test_a_clause_cut_at_the_cap_ends_with_one_ellipsis() -> None:
    # a suggested opening cut after the cap adds no second "…"
    seeker = (
        "I feel so alone "
        + "a" * 1_000
        + " and more words to make it long enough for clipping today"
    )
    clause = seeker_clause(seeker)
    assert clause is not None
    assert clause.startswith("I feel so alone aaa")
    assert clause.endswith("a…")
    assert len(clause) < 500

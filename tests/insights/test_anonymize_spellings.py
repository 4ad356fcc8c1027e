"""``--anonymize``: a speaker name is found in texts whatever apostrophe it is typed with
and whatever whitespace stands between its words, and the replacement covers the original
characters, so spans stay on their words (``carelens.insights.anonymize.NamesInTexts``,
docs/privacy.md)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from insight_rows import found_names, mentioned, record

from carelens.insights import Insights
from carelens.insights import anonymize as an
from carelens.insights.anonymize import NamesInTexts
from carelens.privacy import replace_with_spans

#: Typed for an apostrophe: right and left quotation marks (phones type the right one),
#: modifier letter apostrophe, prime, fullwidth apostrophe.
APOSTROPHES = ["'", "\u2019", "\u2018", "\u02bc", "\u2032", "\uff07"]
#: Whitespace between two words of a name, as texts have it.
GAPS = [" ", "  ", "\n", "\r\n", "\t", " \n ", "\u00a0", "\u2003", "\u3000", "\n\n"]


# --- apostrophes -----------------------------------------------------------------------------


def test_a_name_typed_with_a_curly_apostrophe_is_replaced() -> None:
    # Was left: "Thanks O'Brien and O\u2019Brien." replaced only the straight form, and phones
    # type the curly one by themselves.
    pseudonym, text = mentioned("O'Brien", "Thanks O'Brien and O\u2019Brien.")
    assert text == f"Thanks {pseudonym} and {pseudonym}."


@pytest.mark.parametrize("in_name", APOSTROPHES)
@pytest.mark.parametrize("in_text", APOSTROPHES)
def test_every_apostrophe_matches_every_other(in_name: str, in_text: str) -> None:
    name, written = f"O{in_name}Brien", f"O{in_text}Brien"
    assert found_names([name], f"hi {written}, {written.upper()}.") == [
        (written, name),
        (written.upper(), name),
    ]
    assert found_names([f"d{in_name}arcy"], f"d{in_text}arcy") == [  # two word parts: any case
        (f"d{in_text}arcy", f"d{in_name}arcy")
    ]


def test_a_curly_apostrophe_beside_text_that_normalises_is_found_with_it() -> None:
    # A text with a curly apostrophe and fullwidth letters: both parts found, in place.
    text = "O\u2019Brien and \uff33\uff21\uff2d\uff3f\uff11 agree"
    assert found_names(["O'Brien", "Sam_1"], text) == [
        ("O\u2019Brien", "O'Brien"),
        ("\uff33\uff21\uff2d\uff3f\uff11", "Sam_1"),
    ]


def test_an_apostrophe_keeps_the_whole_word_rule() -> None:
    assert found_names(["O'Brien"], "O\u2019Briens, xO\u2019Brien, O\u2019Brien2") == []
    # A capitalised one-word name with an apostrophe about it: its own spelling, any apostrophe.
    assert found_names(["Maria\u2019"], "Maria' said, maria' too") == [("Maria'", "Maria\u2019")]


def test_a_speakers_own_apostrophe_gets_its_own_pseudonym() -> None:
    # Two spellings of one name are two speakers in the tables: where a text has one exactly,
    # that one; another apostrophe takes the first in code-point order (' before \u2019).
    text = "O'Brien, O\u2019Brien and O\u02bcBrien"
    assert found_names(["O\u2019Brien", "O'Brien"], text) == [
        ("O'Brien", "O'Brien"),
        ("O\u2019Brien", "O\u2019Brien"),
        ("O\u02bcBrien", "O'Brien"),
    ]


# --- whitespace ------------------------------------------------------------------------------


def test_a_name_over_other_whitespace_is_replaced() -> None:
    # Was left: "Mary  Jane and Mary\nJane" kept both.
    pseudonym, text = mentioned("Mary Jane", "Mary  Jane and Mary\nJane")
    assert text == f"{pseudonym} and {pseudonym}"


@pytest.mark.parametrize("gap", GAPS)
def test_any_run_of_whitespace_in_a_name_matches_any_in_a_text(gap: str) -> None:
    written = f"Mary{gap}Jane"
    assert found_names(["Mary Jane"], f"Thanks {written}!") == [(written, "Mary Jane")]
    assert found_names([f"Mary{gap}Jane"], "Thanks MARY JANE!") == [("MARY JANE", f"Mary{gap}Jane")]
    assert found_names(["Mary Jane"], f"Mary{gap}Janes, Mary{gap}Jane_2, Mary{gap}") == []


def test_a_speakers_own_spacing_gets_its_own_pseudonym() -> None:
    assert found_names(["Mary Jane", "Mary  Jane"], "Mary  Jane, Mary Jane, Mary\nJane") == [
        ("Mary  Jane", "Mary  Jane"),
        ("Mary Jane", "Mary Jane"),
        ("Mary\nJane", "Mary  Jane"),  # neither exactly: the first in code-point order
    ]


def test_spans_stay_on_their_words_around_such_names() -> None:
    response = "O\u2019Brien  and Mary\r\n Jane: it sounds like you feel alone."
    seeker = "Mary\nJane and O\u2032Brien know. I want to end my life."
    r = record("r1", speaker="O'Brien", response=response, seeker=seeker)
    at = response.index("it sounds")
    r["interpretation"]["spans"] = [{"start": at, "end": len(response), "label": "x"}]
    cue = seeker.index("end my life")
    r["seeker"]["crisis_cues"] = [{"start": cue, "end": cue + 11, "label": "suicide"}]
    others = [record("r2", speaker="Mary Jane")]
    rows = Insights.from_records([r, *others], anonymize=True, key="k").rows
    row, mary = rows[0].helper, rows[1].helper
    assert rows[0].response_text == f"{row}  and {mary}: it sounds like you feel alone."
    assert rows[0].seeker_text == f"{mary} and {row} know. I want to end my life."
    (span,) = rows[0].spans["interpretation"]
    text = rows[0].response_text
    assert text[span["start"] : span["end"]] == "it sounds like you feel alone."
    (moved,) = rows[0].crisis_cues
    assert rows[0].seeker_text[moved["start"] : moved["end"]] == "end my life"


# --- the replaced text never keeps the name --------------------------------------------------

NAMES = ["O'Brien", "Mary Jane", "Sam_1"]
#: Ways each name is written in texts.
WRITTEN = [
    *(f"O{a}Brien" for a in APOSTROPHES),
    "o\u2019brien",
    "O\u2019BRIEN",
    *(f"Mary{gap}Jane" for gap in GAPS),
    "MARY\r\nJANE",
    "mary \t jane",
    "Sam_1",
    "\uff33\uff41\uff4d\uff3f\uff11",  # fullwidth
]
#: Words between the names, and what separates the pieces.
WORDS = ["it sounds hard", "thanks", "Jos\u00e9 said", "Maryland", "Janet", "Brien", "Sam_"]
SEPARATORS = [" ", "\n", ", ", ".\n\n", " \u2014 ", "! ", "\u00a0", "\r\n"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WRITTEN + WORDS)),
        max_size=10,
    )
)
def test_the_replaced_text_never_keeps_a_name_and_spans_line_up(
    pieces: list[tuple[str, str]],
) -> None:
    text = ""
    placed: list[tuple[int, int, str]] = []
    for separator, piece in pieces:
        text += separator
        placed.append((len(text), len(text) + len(piece), piece))
        text += piece
    finder = NamesInTexts(NAMES, lambda n: f"person-{len(n)}")
    found = finder.find(text)
    # Each name is found where it was put, and only there.
    names = [(a, b) for a, b, piece in placed if piece in WRITTEN]
    assert [(a, b) for a, b, _ in found] == names
    for a, b, _ in found:
        assert an._view(text[a:b]).text in {an._view(n).text for n in NAMES}
    spans = [{"start": a, "end": b, "label": "x", "text": piece} for a, b, piece in placed]
    spans.append({"start": 0, "end": len(text), "label": "x", "text": text})
    out, moved = replace_with_spans(text, found, {"pieces": spans})
    # No name is left, in any of its spellings.
    view = an._view(out).text
    assert not any(an._view(n).text in view for n in NAMES)
    assert finder.find(out) == []
    # Every piece is where its span says: a word as it was, a name as its pseudonym.
    *each, whole = moved["pieces"]
    assert (whole["start"], whole["end"]) == (0, len(out))
    for span, (_, _, piece) in zip(each, placed, strict=True):
        expected = _pseudonym(piece) if piece in WRITTEN else piece
        assert out[span["start"] : span["end"]] == span["text"] == expected


def _pseudonym(written: str) -> str:
    """The pseudonym the test's finder gives the name ``written`` is a spelling of."""
    (name,) = [n for n in NAMES if an._view(n).text == an._view(written).text]
    return f"person-{len(name)}"

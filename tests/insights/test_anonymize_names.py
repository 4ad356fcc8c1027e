"""``--anonymize``: which speaker names are found inside texts, and how (see
``carelens.insights.anonymize.NamesInTexts`` and docs/privacy.md); the per-run cache of
hidden seeker texts, which must give exactly what hiding each text anew gives."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from insight_rows import found_names, mentioned, record

from carelens.insights import Insights
from carelens.insights import anonymize as an
from carelens.insights.anonymize import NamesInTexts, TextCache
from carelens.privacy import redact_with_spans, replace_with_spans


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- names joined by punctuation -------------------------------------------------------------


@pytest.mark.parametrize("name", ["quiet-fern", "quiet.fern", "sam.r", "mary-jane", "x+y"])
def test_lowercase_word_parts_joined_by_punctuation_are_a_name_in_any_case(name: str) -> None:
    # Was left in the texts: only a digit, "_", a space or an inner capital made a name
    # distinctive, so "thanks quiet-fern" kept the name next to its pseudonym.
    pseudonym, text = mentioned(name, f"thanks {name}, and {name.upper()}: {name}")
    assert text == f"thanks {pseudonym}, and {pseudonym}: {pseudonym}"
    assert name not in text


def test_a_joined_name_is_found_only_as_a_whole_word() -> None:
    text = "xquiet-fern, quiet-ferns, quiet-fern2, quiet-fern."
    assert found_names(["quiet-fern"], text) == [("quiet-fern", "quiet-fern")]


@pytest.mark.parametrize("name", ["hope", "sam.", "hope!", "juniper"])
def test_a_plain_lowercase_word_is_still_not_looked_for(name: str) -> None:
    # Sentence punctuation around a plain word does not make it a name ("I hope!").
    assert not NamesInTexts([name], lambda n: n)
    assert mentioned(name, "I hope! sam. juniper")[1] == "I hope! sam. juniper"


# --- scripts without letter case -------------------------------------------------------------


def test_a_name_in_a_caseless_spaced_script_is_found_as_a_whole_word() -> None:
    # Was never looked for: "not name[0].isupper()" took every caseless name for a word.
    text = "محمد says: محمد، محمدي تمحمد"
    assert found_names(["محمد"], text) == [("محمد", "محمد"), ("محمد", "محمد")]
    assert found_names(["ქეთი"], "ქეთი said") == [("ქეთი", "ქეთი")]  # Georgian: names uncapitalised
    assert found_names(["שרה"], "ושרה said") == []  # only Arabic proclitics are read


# --- Arabic proclitics -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proclitic", "name", "written"),
    [
        ("و", "محمد", "محمد"),  # "and Muhammad"
        ("ف", "محمد", "محمد"),  # "so Muhammad"
        ("ب", "محمد", "محمد"),  # "with Muhammad"
        ("ل", "أحمد", "أحمد"),  # "for Ahmad"
        ("ب", "فاطمة", "فاطمة"),  # "with Fatima"
        ("وب", "محمد", "محمد"),  # "and with Muhammad"
        ("ول", "محمد", "محمد"),  # "and for Muhammad"
        ("فل", "محمد", "محمد"),  # "so for Muhammad"
        ("وَ", "محمد", "محمد"),  # with a short vowel on the proclitic
        ("وَلِ", "محمد", "محمد"),
        ("ل", "ليلى", "ليلى"),  # "for Layla": the name starts with the proclitic's letter
        ("و", "ليلى", "ليلى"),
        ("و", "وليد", "وليد"),  # "and Walid"
        ("و", "محمد علي", "محمد\nعلي"),  # a name of two words
    ],
)
def test_an_arabic_name_is_found_after_a_proclitic_which_stays(
    proclitic: str, name: str, written: str
) -> None:
    # Was left: "ومحمد" ("and Muhammad") kept the name, whole-word matching saw one word.
    pseudonym, text = mentioned(name, f"شكرا {proclitic}{written}.")
    assert text == f"شكرا {proclitic}{pseudonym}."
    assert found_names([name], proclitic + written) == [(written, name)]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # A proclitic and a three-letter name spell ordinary words: "my husband", "perhaps
        # I", and a name of its own.
        ("علي", "بعلي لعلي وعلي"),
        ("سام", "بسام وسام"),
        # Not a proclitic read here: the article (السعيد, "the happy one"), ك "like"
        # (كريما, "generous"), a preposition before a conjunction, a doubled preposition.
        ("سعيد", "السعيد والسعيد"),
        ("ريما", "كريما"),
        ("محمد", "بومحمد للمحمد المحمد"),
        # A letter that is no proclitic, and a word that goes on after the name.
        ("محمد", "تمحمد ومحمدي لمحمدين"),
    ],
)
def test_an_arabic_word_that_only_ends_like_a_name_is_left(name: str, text: str) -> None:
    assert found_names([name], text) == []
    assert mentioned(name, text)[1] == text


def test_a_proclitic_name_keeps_spans_on_their_words() -> None:
    response = "شكرا ولأحمد. it sounds like you feel alone."
    seeker = "أنا وحيد وبفاطمة. I want to end my life."
    r = record("r1", speaker="أحمد", response=response, seeker=seeker)
    at = response.index("it sounds")
    r["interpretation"]["spans"] = [{"start": at, "end": len(response), "label": "x"}]
    cue = seeker.index("end my life")
    r["seeker"]["crisis_cues"] = [{"start": cue, "end": cue + 11, "label": "suicide"}]
    rows = Insights.from_records([r, record("r2", speaker="فاطمة")], anonymize=True, key="k").rows
    ahmad, fatima = rows[0].helper, rows[1].helper
    assert rows[0].response_text == f"شكرا ول{ahmad}. it sounds like you feel alone."
    assert rows[0].seeker_text == f"أنا وحيد وب{fatima}. I want to end my life."
    (span,) = rows[0].spans["interpretation"]
    assert rows[0].response_text[span["start"] : span["end"]] == "it sounds like you feel alone."
    (moved,) = rows[0].crisis_cues
    assert rows[0].seeker_text[moved["start"] : moved["end"]] == "end my life"


def test_a_name_in_a_script_without_spaces_is_found_inside_the_words() -> None:
    # No word boundaries there: 王小明说 is "王小明 says"; 민수가 is 민수 with a particle.
    assert found_names(["王小明"], "王小明说, Sam王小明. 小明") == [("王小明", "王小明")] * 2
    assert found_names(["李明"], "我和李明说") == [("李明", "李明")]  # two characters are enough
    assert found_names(["민수"], "민수가 왔다, 민수야") == [("민수", "민수")] * 2
    assert not NamesInTexts(["明"], lambda n: n)  # one character would be found everywhere
    pseudonym, text = mentioned("王小明", "王小明说: that sounds so hard.")
    assert text == f"{pseudonym}说: that sounds so hard."


# --- names with symbols ----------------------------------------------------------------------


def test_a_name_with_symbols_is_found_as_written_and_its_words_alone() -> None:
    # Were skipped: a name had to start with a letter or digit to be looked for.
    text = "🌸Lily says hi, 🌸LILY, Lily too, not lily; x(me) and (me) but not (ME)"
    assert found_names(["🌸Lily", "(me)"], text) == [
        ("🌸Lily", "🌸Lily"),
        ("🌸LILY", "🌸Lily"),
        ("Lily", "🌸Lily"),  # the words of 🌸Lily are a capitalised name on their own
        ("(me)", "(me)"),
        ("(me)", "(me)"),  # a plain word in brackets: exactly as written
    ]
    # A speaker who is called "Lily" keeps her own spelling.
    found = found_names(["🌸Lily", "Lily"], "Lily and 🌸Lily")
    assert found == [("Lily", "Lily"), ("🌸Lily", "🌸Lily")]


# --- Unicode normalisation -------------------------------------------------------------------


@pytest.mark.parametrize(("speaker", "written"), [(_nfc, _nfd), (_nfd, _nfc)])
def test_a_name_in_another_normalisation_form_is_found_and_spans_stay(
    speaker: Any, written: Any
) -> None:
    # Was left: "José" (NFD, 5 characters) was compared with "José" (NFC, 4) as written.
    response = f"{written('José')} here, {written('Renée')} too. It sounds like you feel alone."
    at = response.index("It sounds")
    spans = [{"start": at, "end": len(response), "label": "x", "score": 1.0}]
    r = record("r1", speaker=speaker("José"), response=response)
    r["interpretation"]["spans"] = spans
    other = record("r2", speaker=speaker("Renée"))
    jose, renee = Insights.from_records([r, other], anonymize=True, key="k").rows
    assert jose.response_text == (
        f"{jose.helper} here, {renee.helper} too. It sounds like you feel alone."
    )
    (span,) = jose.spans["interpretation"]
    assert jose.response_text[span["start"] : span["end"]] == "It sounds like you feel alone."


#: "sam_2" in fullwidth letters, as East Asian keyboards often type it.
WIDE_SAM_2 = "\uff53\uff41\uff4d\uff3f\uff12"


def test_names_are_compared_under_nfkc_and_full_case_folding() -> None:
    text = f"{WIDE_SAM_2} hi, STRASSE_1 and straße_1, ǄEMAL, İLKER, Ann\u0308 is not Ann"
    assert found_names(["Sam_2", "Straße_1", "ǅemal", "İlker", "Ann"], text) == [
        (WIDE_SAM_2, "Sam_2"),
        ("STRASSE_1", "Straße_1"),
        ("straße_1", "Straße_1"),
        ("ǄEMAL", "ǅemal"),
        ("İLKER", "İlker"),
        ("Ann", "Ann"),  # the first Ann goes on with a combining mark: another word
    ]


# --- Markdown marks and escapes, other hyphens (the privacy review of 2026-12-06) -------------


def test_a_name_between_markdown_marks_or_escaped_is_found() -> None:
    # Were left: "_" joins a word, so "_Maria_" was no whole word, and Reddit writes a
    # helper "kind_otter" as "kind\_otter".
    text = r"thanks _Maria_ and __Maria__, and kind\_otter, _kind\_otter\_"
    assert found_names(["Maria", "kind_otter"], text) == [
        ("Maria", "Maria"),
        ("Maria", "Maria"),
        (r"kind\_otter", "kind_otter"),
        (r"kind\_otter", "kind_otter"),
    ]
    pseudonym, hidden = mentioned("kind_otter", r"Thanks kind\_otter, _you_ helped")
    assert hidden == rf"Thanks {pseudonym}, _you_ helped"


def test_an_underscore_inside_a_word_still_joins_it() -> None:
    assert found_names(["Maria"], "my_Maria_file and Maria_G") == []
    assert found_names(["quiet_fern"], "_quiet_fern_ and quiet_ferns") == [
        ("quiet_fern", "quiet_fern")
    ]


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011", "\u2013", "\u2212", "-"])
def test_a_name_is_found_whatever_hyphen_joins_its_parts(hyphen: str) -> None:
    # Was left: "vol" U+2010 "hank", as word processors write it, for a helper "vol-hank".
    text = f"thanks vol{hyphen}hank!"
    assert found_names(["vol-hank"], text) == [(f"vol{hyphen}hank", "vol-hank")]
    assert found_names([f"vol{hyphen}hank"], "thanks vol-hank") == [
        ("vol-hank", f"vol{hyphen}hank")
    ]


# --- names that differ only in letter case ---------------------------------------------------


def test_a_names_own_spelling_gets_its_own_pseudonym_in_the_texts() -> None:
    # "Sam_2" and "sam_2" got two pseudonyms in the tables but one (the first in code-point
    # order) in the texts, so sam_2's own "I'm sam_2" showed Sam_2's pseudonym.
    records = [
        record("r1", speaker="Sam_2", response="Hi, I'm Sam_2. ANN and Ann said hi."),
        record("r2", speaker="sam_2", response="Hi, I'm sam_2; SAM_2 is not a spelling."),
        record("r3", speaker="ANN"),
        record("r4", speaker="Ann"),
    ]
    upper, lower, shouted, ann = Insights.from_records(records, anonymize=True, key="k").rows
    assert upper.helper != lower.helper and shouted.helper != ann.helper
    assert (
        upper.response_text == f"Hi, I'm {upper.helper}. {shouted.helper} and {ann.helper} said hi."
    )
    # With no exact spelling, a case-insensitive match takes the first in code-point order.
    assert lower.response_text == f"Hi, I'm {lower.helper}; {upper.helper} is not a spelling."
    assert found_names(["ANN", "Ann"], "ann") == [("ann", "ANN")]  # only ANN is any-case


# --- the cache of hidden seeker texts --------------------------------------------------------


def test_a_seeker_message_is_searched_once_for_all_its_responses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long message answered 20 times was redacted and searched 20 times (11 s vs 0.6 s).
    seeker = "I feel alone, Sam_1 and Maria G. never call me at 555-123-4567. " * 50
    searched: list[str] = []
    find_personal = an.find_personal

    def counting(text: str) -> Any:
        searched.append(text)
        return find_personal(text)

    monkeypatch.setattr(an, "find_personal", counting)
    records = [record(f"r{i}", speaker=f"Sam_{i}", seeker=seeker) for i in range(1, 21)]
    rows = Insights.from_records(records, anonymize=True, key="k").rows
    assert searched.count(seeker) == 1
    assert len({r.seeker_text for r in rows}) == 1
    assert "Sam_1" not in (rows[0].seeker_text or "") and "555" not in (rows[0].seeker_text or "")


def test_records_sharing_a_seeker_text_keep_their_own_spans() -> None:
    seeker = "Sam_1 said call 555-123-4567. I want to end my life. Nobody calls."
    cues = [("end my life", "suicide"), ("Nobody calls", "possible_crisis")]
    records = []
    for i, (words, label) in enumerate(cues):
        r = record(f"r{i}", speaker="Sam_1", seeker=seeker)
        at = seeker.index(words)
        r["seeker"]["crisis_cues"] = [{"start": at, "end": at + len(words), "label": label}]
        records.append(r)
    rows = Insights.from_records(records, anonymize=True, key="k").rows
    for row, (words, label) in zip(rows, cues, strict=True):
        (cue,) = row.crisis_cues
        assert row.seeker_text is not None
        assert (row.seeker_text[cue["start"] : cue["end"]], cue["label"]) == (words, label)


def test_the_cache_is_bounded() -> None:
    finder = NamesInTexts(["Sam_1"], lambda n: "<p>")
    cache = TextCache(max_texts=2, max_chars=100)
    for text in ("a Sam_1", "b", "c", "b"):
        assert cache.hidden(text, finder).text == text.replace("Sam_1", "<p>")
    assert len(cache) == 2
    cache.hidden("x" * 60, finder)  # 120 characters with its result: too long to keep
    assert len(cache) == 2


_PIECES = [
    "Sam_1",
    "sam_1",
    "José",
    _nfd("José"),
    "王小明",
    "555-123-4567",
    "555-123-4567,555-987-6543",
    "Elm St.555-123-4567",
    "12 Elm Street",
    "bo@example.org",
    "ß",
    "…",
    " ",
    ", ",
    "it sounds hard",
]


def _reference(
    text: str, groups: Mapping[str, Sequence[Mapping[str, Any]]], finder: NamesInTexts
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """How a text was hidden before the cache: redact with the spans, then names."""
    out, moved = redact_with_spans(text, groups)
    found = finder.find(out)
    return replace_with_spans(out, found, moved) if found else (out, moved)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
    st.lists(st.tuples(st.integers(-3, 90), st.integers(-3, 90)), max_size=4),
)
def test_a_cached_text_is_hidden_exactly_as_without_the_cache(
    text: str, bounds: list[tuple[int, int]]
) -> None:
    finder = NamesInTexts(["Sam_1", "José", "王小明"], lambda n: f"person-{len(n)}")
    spans = [{"start": a, "end": b, "label": "x", "text": "?"} for a, b in bounds]
    expected = _reference(text, {"cues": spans}, finder)
    cache = TextCache()
    assert an._hide(text, {"cues": spans}, finder, cache) == expected
    assert an._hide(text, {"cues": spans}, finder, cache) == expected  # from the cache
    assert an._hide(text, {"cues": []}, finder, cache) == (expected[0], {"cues": ()})

"""Shared text helpers: apostrophes read as ``'``, surrogate pairs joined as JSON joins them,
and text folded for the patterns with the way back to its own offsets."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.text import (
    APOSTROPHES,
    IN_WORD_MARK,
    LINE_BREAKS,
    SENTENCE_ENDS,
    fold,
    is_blank,
    join_surrogates,
    straight_apostrophes,
    unmask,
)

#: Any code point, surrogates included (Python strs may hold them), with some weight on them.
_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_ANY = st.text(st.one_of(st.characters(codec=None), _SURROGATES, st.sampled_from("ab😀")))


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("plain ascii", "plain ascii"),
        ("a\ud83d\ude00b", "a\U0001f600b"),  # a pair: one character
        ("\ud83d\ude00\ud83d\ude00", "\U0001f600\U0001f600"),
        ("\ud83d", "\ud83d"),  # lone high surrogate: left as it is
        ("\ude00\ud83d", "\ude00\ud83d"),  # low then high: no pair
        ("\ud83d\ud83d\ude00", "\ud83d\U0001f600"),  # a lone one, then a pair
        ("\ud83d\U0001f600", "\ud83d\U0001f600"),  # a lone one before a joined character
        ("café \U0001f600", "café \U0001f600"),  # already joined
    ],
)
def test_join_surrogates(text: str, joined: str) -> None:
    assert join_surrogates(text) == joined


@given(_ANY)
def test_join_surrogates_reads_a_text_as_a_json_round_trip_does(text: str) -> None:
    joined = join_surrogates(text)
    assert joined == json.loads(json.dumps(text))
    assert join_surrogates(joined) == joined


def test_a_text_without_pairs_is_returned_as_it_is() -> None:
    text = "no pairs here: é \ud83d"
    assert join_surrogates(text) is text


def test_straight_apostrophes_keep_the_length() -> None:
    text = "don\u2019t, O\u2018Brien"
    assert straight_apostrophes(text) == "don't, O'Brien"


@pytest.mark.parametrize(
    ("text", "straight"),
    [
        ("I can\u00b4t go on", "I can't go on"),  # an acute accent typed for an apostrophe
        ("I can`t go on", "I can't go on"),  # a backtick between two letters
        ("O`Brien and O\u00b4Brien", "O'Brien and O'Brien"),
        ("run `rm -rf` now", "run `rm -rf` now"),  # Markdown code: not an apostrophe
        ("`kys`", "`kys`"),
        ("a` b `c 1`2", "a` b `c 1`2"),  # a letter on one side only, or digits
    ],
)
def test_an_acute_accent_or_a_backtick_between_letters_is_an_apostrophe(
    text: str, straight: str
) -> None:
    """Keyboards without an apostrophe key type "can\u00b4t" or "can`t"; the patterns
    looking for "can't" missed both."""
    assert straight_apostrophes(text) == straight
    assert len(straight_apostrophes(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "folded", "word", "original"),
    [
        (
            "thinking about sui\u00adcide a lot",
            "thinking about suicide a lot",
            "suicide",
            "sui\u00adcide",
        ),
        ("sui\u200bcide", "suicide", "suicide", "sui\u200bcide"),
        ("an over\u200bdose", "an overdose", "overdose", "over\u200bdose"),
        ("to di\u0301e now", "to die now", "die", "di\u0301e"),
        ("to die\u0301 now", "to die now", "die", "die\u0301"),  # the mark is its letter's
        ("kill my\u200dself\u200b.", "kill myself.", "kill myself", "kill my\u200dself"),
        ("\ufeffjust \u2060die", "just die", "just die", "just \u2060die"),
        (
            "I want to \uff4b\uff49\uff4c\uff4c \uff4d\uff59\uff53\uff45\uff4c\uff46",
            "I want to kill myself",
            "kill myself",
            "\uff4b\uff49\uff4c\uff4c \uff4d\uff59\uff53\uff45\uff4c\uff46",
        ),
        ("\ufb01ne\u2026 I can\u00b4t", "fine... I can't", "can't", "can\u00b4t"),
        ("don\uff40t", "don't", "don't", "don\uff40t"),  # a full-width backtick
    ],
)
def test_fold_reads_the_words_shown_and_maps_them_back(
    text: str, folded: str, word: str, original: str
) -> None:
    """Invisible characters, combining marks and full-width letters typed to get past a
    forum's filters are left out or folded; a word found in the folded text slices the
    original, inserted characters and all."""
    view = fold(text)
    assert view.text == folded
    start = folded.index(word)
    a, b = view.span(start, start + len(word))
    assert text[a:b] == original
    assert view.folded_span(a, b) == (start, start + len(word))


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("plain ascii, can't", "plain ascii, can't"),
        ("", ""),
        ("stra\u00dfe \U0001f600 don\u2019t", "stra\u00dfe \U0001f600 don't"),
        ("caf\u00e9 na\u00efve don\u2019t", "cafe naive don't"),  # one character for one
    ],
)
def test_fold_leaves_offsets_alone_without_anything_to_fold(text: str, reads: str) -> None:
    """The common case costs a straightening, and a fold of one character for one a
    translation: no offset map is built."""
    view = fold(text)
    assert view.origins is None
    assert view.text == reads
    assert view.span(1, 3) == (1, 3) and view.folded_span(1, 3) == (1, 3)


_FOLDABLE = st.text(
    st.one_of(
        st.characters(codec=None),
        st.sampled_from(
            "ab \u00ad\u200b\u200d\ufeff\u0301\u0308\uff4b\ufb01\u2026\u00b4`\u00a8\u0456\u03bf"
        ),
    )
)


@given(_FOLDABLE)
def test_fold_maps_every_character_back_in_order(text: str) -> None:
    view = fold(text)
    assert not any(
        unicodedata.category(c) == "Cf" or unicodedata.category(c)[0] == "M" for c in view.text
    )
    previous = (0, 0)
    for i in range(len(view.text)):
        a, b = view.span(i, i + 1)
        assert 0 <= a < b <= len(text) and previous[0] <= a
        previous = (a, b)
    whole = view.span(0, len(view.text))
    assert whole[1] <= len(text)
    assert fold(view.text).text == view.text  # folding twice changes nothing more


@given(st.text(st.one_of(st.characters(codec=None), st.sampled_from("\u2019\u00b4`ab"))))
def test_straight_apostrophes_reads_every_apostrophe_of_the_table(text: str) -> None:
    """A regular expression finds them (translate() is ten times slower outside ASCII)."""
    straight = straight_apostrophes(text)
    assert len(straight) == len(text)
    assert straight.replace("`", "'") == text.translate(APOSTROPHES).replace("`", "'")


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        ("", True),
        (" \t\n", True),
        ("\u200b", True),  # zero-width space
        ("\ufeff\u200b\u2060", True),  # byte order mark, word joiner
        ("\x00\x01", True),
        ("\u00a0\u3000", True),  # no-break and ideographic spaces
        ("\u0301", True),  # a combining mark with no letter
        ("\u2028", True),
        ("a", False),
        (".", False),
        ("\u200bok", False),
        ("\U0001f622", False),  # an emoji shows
        ("\u0645", False),  # Arabic letter
        ("\x00x", False),
    ],
)
def test_is_blank_is_true_for_what_shows_nothing(text: str, blank: bool) -> None:
    assert is_blank(text) is blank


@pytest.mark.parametrize("blank", ["\u2800", "\u3164", "\u115f\u1160", "\uffa0 \u2800"])
def test_braille_blanks_and_hangul_fillers_are_blank(blank: str) -> None:
    """Typed to make an empty message look written: they show nothing."""
    assert is_blank(blank)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I want to die\u2122", "die"),  # a symbol after a word: not "dieTM"
        ("kys\u2120", "kys"),
        ("myself\u2116", "myself"),
    ],
)
def test_a_symbol_that_folds_into_letters_stays_a_symbol(text: str, word: str) -> None:
    """NFKC reads "\u2122" as "TM": glued to the word before it, that hid crisis and
    urging words ("die\u2122" read "dieTM")."""
    folded = fold(text)
    assert re.search(rf"\b{word}\b", folded.text)
    assert "TM" not in folded.text and "SM" not in folded.text


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("k\u00efll", "kill"),  # an accent composed with its letter
        ("su\u00efcide", "suicide"),
        ("\uff4b\uff59\uff53", "kys"),
        ("\ufb01nally", "finally"),
        ("\U0001d4ed\U0001d4f2\U0001d4ee", "die"),  # mathematical script letters
        ("stra\u00dfe", "stra\u00dfe"),  # no ASCII base: as it is
    ],
)
def test_letters_read_as_their_ascii_base(text: str, reads: str) -> None:
    folded = fold(text)
    assert folded.text == reads
    start, end = folded.span(0, len(folded.text))
    assert text[start:end] == text


# --- small capitals and superscript letters --------------------------------------------------

#: The Latin small capitals, a to z (Unicode has none for x: "small caps" text uses "x").
SMALL_CAPS = (
    "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d"
    "\u0274\u1d0f\u1d18\ua7af\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21x\u028f\u1d22"
)
_TO_SMALL_CAPS = str.maketrans("abcdefghijklmnopqrstuvwxyz", SMALL_CAPS)


def small_caps(text: str) -> str:
    """``text`` as a "small caps" text generator writes it: "kill" as
    "\u1d0b\u026a\u029f\u029f"."""
    return text.lower().translate(_TO_SMALL_CAPS)


def test_every_small_capital_reads_as_its_letter() -> None:
    """NFKD gives the small capitals no decomposition: "kill yourself" from a "small caps"
    text generator was read as it was written, and no pattern saw the words."""
    folded = fold(SMALL_CAPS)
    assert folded.text == "abcdefghijklmnopqrstuvwxyz"
    assert folded.origins is None  # one character for one: the offsets are the text's own


@pytest.mark.parametrize(
    ("text", "reads", "word", "original"),
    [
        (small_caps("i want to kill myself"), "i want to kill myself", "kill myself", None),
        # a zero-width space inside: the offsets are mapped back
        (small_caps("just d\u200bie"), "just die", "die", small_caps("d\u200bie")),
        # a modifier small capital I (U+1DA6), NFKD a small capital
        ("\u1da6 " + small_caps("want to die"), "i want to die", "die", None),
        # superscript and modifier letters: NFKD already reads them
        ("\u1d4f\u02b8\u02e2", "kys", "kys", "\u1d4f\u02b8\u02e2"),
        (
            "\u1d4f\u2071\u02e1\u02e1 \u02b8\u1d52\u1d58\u02b3\u02e2\u1d49\u02e1\u1da0",
            "kill yourself",
            "yourself",
            "\u02b8\u1d52\u1d58\u02b3\u02e2\u1d49\u02e1\u1da0",
        ),
    ],
)
def test_small_capitals_and_superscripts_read_as_letters_and_map_back(
    text: str, reads: str, word: str, original: str | None
) -> None:
    folded = fold(text)
    assert folded.text == reads
    start = reads.index(word)
    a, b = folded.span(start, start + len(word))
    assert text[a:b] == (original or small_caps(word))


@pytest.mark.parametrize(
    ("seeker", "cue"),
    [
        (small_caps("i want to kill myself"), small_caps("kill myself")),
        ("I just want to " + small_caps("d\u200bie") + " tonight", small_caps("d\u200bie")),
        (small_caps("i'm suicidal"), small_caps("suicidal")),
    ],
)
def test_the_crisis_patterns_read_small_capitals(seeker: str, cue: str) -> None:
    from carelens.analysis.crisis import crisis_cues

    found = [span.text_in(seeker) for span in crisis_cues(seeker)]
    assert any(cue in words for words in found), found


# --- Cyrillic and Greek look-alike letters ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("k\u0456ll myself", "kill myself"),  # Cyrillic i
        ("su\u0456c\u0456de", "suicide"),
        ("\u043everd\u03bfse", "overdose"),  # Cyrillic o, Greek o
        ("m\u0443s\u0435lf", "myself"),  # Cyrillic y and e
        ("K\u0406LL", "KILL"),  # Cyrillic capital I
        ("\u03ba\u03b9ll", "kill"),  # Greek kappa and iota
        ("k\u0457ll", "kill"),  # Cyrillic yi: an i with a diaeresis, read as "\u00ef" is
        ("caf\u00e9 k\u0456ll", "cafe kill"),  # beside a letter that folds one for one
    ],
)
def test_a_look_alike_letter_inside_a_latin_word_reads_as_its_latin_letter(
    text: str, reads: str
) -> None:
    """A Cyrillic "\u0456" typed in "kill" hid the word from the patterns; it is one character
    for one, so the offsets stay the text's own."""
    folded = fold(text)
    assert folded.text == reads
    assert folded.origins is None


@pytest.mark.parametrize(
    "text",
    [
        "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430?",
        "\u044f \u0445\u043e\u0447\u0443 \u0443\u043c\u0435\u0440\u0435\u0442\u044c",
        "\u0391\u0398\u0397\u039d\u0391 \u03ba\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1",
        "\u043a\u0443\u0455",  # wholly Cyrillic letters that look like "kys"
        "the \u03b1 and \u03b2 blockers, 5 \u03bcg",  # a Greek letter as a word of its own
    ],
)
def test_a_word_wholly_in_cyrillic_or_greek_letters_is_left_as_it_is(text: str) -> None:
    assert fold(text).text == text


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        # a word of another script beside it: only the mixed word ("\u0448" is no look-alike)
        ("\u043a\u043e\u0448\u043a\u0430 k\u043et", "\u043a\u043e\u0448\u043a\u0430 kot"),
        # otherwise Latin letters: the word wholly in look-alikes too
        ("\u043a\u043e\u0442 k\u043et", "kot kot"),
    ],
)
def test_only_the_mixed_word_is_read_in_latin_letters(text: str, reads: str) -> None:
    assert fold(text).text == reads


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        # every letter of the word Cyrillic: a Cyrillic palochka for l, a dze for s
        ("I want to \u043a\u0456\u04cf\u04cf myself", "I want to kill myself"),
        ("\u043a\u0456\u04cf\u04cf", "kill"),  # a crisis word, in any message
        ("\u041a\u0406\u04c0\u04c0 \u0445\u043e\u0447\u0443", "KIll \u0445\u043e\u0447\u0443"),
        ("\u043a\u0456\u04cf\u04cf \u043c\u0443\u0455\u0435\u04cf\u0493", "kill myself"),
        # otherwise Latin letters: "to" in Cyrillic, "not" in Greek
        ("I want \u0442\u043e die", "I want to die"),
        ("I'm \u03b7\u03bf\u03c4 ok", "I'm not ok"),
        # spelled out
        ("\u043a.\u0456.\u04cf.\u04cf myself", "k.i.l.l myself"),
        ("\u043a.\u0456.\u04cf.\u04cf", "k.i.l.l"),
    ],
)
def test_a_word_wholly_in_look_alike_letters_reads_as_latin_where_it_spells_english(
    text: str, reads: str
) -> None:
    """A word with no Latin letter stayed Cyrillic, so "I want to \u043a\u0456\u04cf\u04cf
    myself" hid "kill" from the patterns; it is one character for one."""
    folded = fold(text)
    assert folded.text == reads
    assert folded.origins is None
    assert fold(folded.text).text == folded.text


@pytest.mark.parametrize(
    "text",
    [
        "\u042f \u0445\u043e\u0447\u0443 \u0441\u043f\u0430\u0442\u044c",  # Russian
        "\u042f \u0445\u043e\u0447\u0443 \u0441\u043f\u0430\u0442\u044c. I'm tired",
        "\u041c\u0456\u0439 \u043a\u0456\u0442 \u0441\u043f\u0438\u0442\u044c",  # Ukrainian
        "\u03ba\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1",  # Greek
        # Greek: "good morning, how are you?"
        "\u039a\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1, "
        "\u03c4\u03b9 \u03ba\u03ac\u03bd\u03b5\u03b9\u03c2;",
        "\u043a\u043e\u0442 \u0438 \u043c\u0430\u043c\u0430",  # no Latin word
        "the \u03b1 blockers",  # a Greek letter standing alone
    ],
)
def test_russian_ukrainian_and_greek_sentences_stay_as_they_are(text: str) -> None:
    assert fold(text).text == text


def test_a_look_alike_behind_a_zero_width_space_maps_back() -> None:
    text = "I want to k\u200b\u0456ll myself"
    folded = fold(text)
    assert folded.text == "I want to kill myself"
    start = folded.text.index("kill")
    a, b = folded.span(start, start + len("kill"))
    assert text[a:b] == "k\u200b\u0456ll"


@given(st.text(st.sampled_from("ab\u0456\u043e\u03bf\u0416\u200b\u0301 -")))
def test_look_alikes_keep_the_fold_one_for_one_and_idempotent(text: str) -> None:
    view = fold(text)
    if view.origins is None:
        assert len(view.text) == len(text)
    else:
        assert len(view.origins) == len(view.text)
    assert fold(view.text).text == view.text


@pytest.mark.parametrize(
    ("response", "words"),
    [
        ("just k\u0456ll yourself", "just k\u0456ll yourself"),
        ("go d\u0456\u0435", "go d\u0456\u0435"),
        ("k\u0443s", "k\u0443s"),
    ],
)
def test_the_unsafe_patterns_read_look_alike_letters(response: str, words: str) -> None:
    from carelens.analysis.unsafe import unsafe_spans

    found = unsafe_spans(response)
    assert [span.text_in(response) for span in found] == [words]
    assert found == unsafe_spans(response.translate(_LATIN_FOR_TESTS))


#: The look-alikes of these tests, as their Latin letters.
_LATIN_FOR_TESTS = str.maketrans("\u0456\u0435\u0443", "iey")


def test_the_unsafe_patterns_leave_wholly_cyrillic_words_alone() -> None:
    from carelens.analysis.unsafe import unsafe_spans

    assert unsafe_spans("\u043a\u0443\u0455") == ()


# --- letters of "small caps" generators and look-alikes in spelled-out words ------------------


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        # the generators' f (a Cyrillic ghe with a stroke) and q (an o with an ogonek)
        ("\u1d0b\u026a\u029f\u029f \u1d0d\u028fs\u1d07\u029f\u0493", "kill myself"),
        ("\u028f\u1d0f\u1d1c\u0280s\u1d07\u029f\u0493", "yourself"),
        ("\u01eb\u1d1c\u026a\u1d04\u1d0b\u1d07s\u1d1b", "quickest"),
        ("\u1d29\u026a\u029f\u029fs", "pills"),  # the Greek small capital rho for p
        # a whole generator's alphabet, either f
        (
            "\u1d00\u0299\u1d04\u1d05\u1d07\u0493\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274"
            "\u1d0f\u1d18\u01eb\u0280s\u1d1b\u1d1c\u1d20\u1d21x\u028f\u1d22",
            "abcdefghijklmnopqrstuvwxyz",
        ),
        ("\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262", "abcdefg"),
        # a word wholly in Cyrillic letters keeps its ghe with a stroke (Kazakh)
        ("\u0430\u0493\u0430\u0448", "\u0430\u0493\u0430\u0448"),
    ],
)
def test_the_letters_small_caps_generators_type_read_as_theirs(text: str, reads: str) -> None:
    """The generators' "\u0493" for f had no compatibility form and no place in the tables:
    "\u1d0b\u026a\u029f\u029f \u1d0d\u028fs\u1d07\u029f\u0493" read "kill myselғ"."""
    folded = fold(text)
    assert folded.text == reads
    assert folded.origins is None  # one character for one


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("K.\u0406.L.L myself", "K.I.L.L myself"),  # a Cyrillic capital I among dotted letters
        ("d-\u0456-e", "d-i-e"),
        ("s u \u0456 c \u0456 d e", "s u i c i d e"),
        # wholly Cyrillic letters spelled out stay as they are
        ("\u043a.\u0443.\u0455", "\u043a.\u0443.\u0455"),
        ("\u0430 \u0432 \u0441 and", "\u0430 \u0432 \u0441 and"),
    ],
)
def test_a_spelled_out_word_with_latin_letters_reads_its_look_alikes_as_latin(
    text: str, reads: str
) -> None:
    """Each letter of "K.\u0406.L.L" is a word of its own, and "\u0406" alone holds no Latin
    letter: it stayed Cyrillic, and "I want to K.\u0406.L.L myself" got no cue."""
    assert fold(text).text == reads
    assert unmask(fold(text).text).text == unmask(reads).text


def test_fold_without_look_alikes_keeps_them_at_the_same_offsets() -> None:
    text = "I'm n\u043et going to k\u0456ll \u1d0d\u028fs\u1d07\u029f\u0493 \u043a\u043e\u0442"
    plain = fold(text, look_alikes=False)
    assert plain.text == "I'm n\u043et going to k\u0456ll mysel\u0493 \u043a\u043e\u0442"
    # "\u043a\u043e\u0442" is wholly look-alike letters in a message otherwise in Latin ones
    assert fold(text).text == "I'm not going to kill myself kot"
    assert plain.origins == fold(text).origins


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # once "I'm a nurse at St." and "Mary's and I'm so burned out."
        (
            "I'm a nurse at St. Mary's and I'm so burned out.",
            ["I'm a nurse at St. Mary's and I'm so burned out."],
        ),
        ("We went up Mt. Hood and I cried.", ["We went up Mt. Hood and I cried."]),
        ("Prof. Lee failed me. I feel stupid.", ["Prof. Lee failed me.", "I feel stupid."]),
        ("My son Jr. and I fought.", ["My son Jr. and I fought."]),
        ("It was me vs. them again.", ["It was me vs. them again."]),
        ("Bills, rent etc. and I feel broke.", ["Bills, rent etc. and I feel broke."]),
        # still the end of a sentence
        ("Bills, rent etc. I feel broke.", ["Bills, rent etc.", "I feel broke."]),
        ("I live on Main St. I feel alone.", ["I live on Main St.", "I feel alone."]),
        ("It is the worst. Then I cry.", ["It is the worst.", "Then I cry."]),
        ("I was first. Sr. Mary was last.", ["I was first.", "Sr. Mary was last."]),
    ],
)
def test_a_title_or_place_abbreviation_ends_no_sentence(text: str, sentences: list[str]) -> None:
    splitter = re.compile(rf"(?:{IN_WORD_MARK}|[^{SENTENCE_ENDS}{LINE_BREAKS}])+[{SENTENCE_ENDS}]*")
    assert [found.group(0).strip() for found in splitter.finditer(text)] == sentences

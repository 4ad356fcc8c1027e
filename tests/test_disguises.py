"""Words disguised to get past a forum's filters (:mod:`carelens.disguises`): letters spelled out
with marks, a "*" typed for a letter, crisis words with digits or symbols for their letters,
and the way back to the text's own offsets. Folding (invisible characters, look-alike letters
read in Latin ones) is :mod:`carelens.text`'s, tested in ``tests/test_text.py``; what the crisis
patterns find in disguised text is in ``tests/analysis/test_crisis_masked.py``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import carelens.disguises as disguises
from carelens.disguises import MASKED_LETTER, has_look_alikes, has_masks, unmask, vowels_masked

# --- letters spelled out with marks, and a "*" between letters ------------------------------


@pytest.mark.parametrize(
    ("text", "reads", "words", "original"),
    [
        ("i want to d-i-e", "i want to die", "die", "d-i-e"),
        ("k.i.l.l myself", "kill myself", "kill", "k.i.l.l"),
        ("about s u i c i d e.", "about suicide.", "suicide", "s u i c i d e"),
        ("d*i*e now", "die now", "die", "d*i*e"),
        ("to k*ll m*self", f"to k{MASKED_LETTER}ll m{MASKED_LETTER}self", "m\u01c2self", "m*self"),
        ("I was d**d", f"I was d{MASKED_LETTER * 2}d", "d\u01c2\u01c2d", "d**d"),
        ("k-i-l-l m-y-s-e-l-f", "kill myself", "myself", "m-y-s-e-l-f"),
        # a spelled word's trailing mark ("k.i.l.l. ") stays inside the span of the words
        ("I want to k.i.l.l. myself", "I want to kill myself", "kill myself", "k.i.l.l. myself"),
        (
            "I want to k.i.l.l. **myself**",
            "I want to kill **myself**",
            "kill **myself**",
            "k.i.l.l. **myself**",
        ),
        ("n.e.v.e.r. _kys_ ok", "never _kys_ ok", "never _kys_", "n.e.v.e.r. _kys_"),
        # ... and a mark after it maps back to itself
        ("n.e.v.e.r. *kill yourself*", "never *kill yourself*", "*", "*"),
        # a "*" read as a letter after a spelled word stays a letter
        ("k.i.l.l. *ourself", "kill yourself", "yourself", "*ourself"),
        ("I want to k.i.l.l. *yself", "I want to kill myself", "kill myself", "k.i.l.l. *yself"),
        ("k.i.l.l. m*self", f"kill m{MASKED_LETTER}self", f"m{MASKED_LETTER}self", "m*self"),
        # a disguised word beside a spelled one
        (
            "I want to d-i-e and to k1ll myself",
            "I want to die and to kill myself",
            "kill myself",
            "k1ll myself",
        ),
        (
            "I want to d-i-e and to *ill myself",
            "I want to die and to kill myself",
            "kill myself",
            "*ill myself",
        ),
    ],
)
def test_unmask_reads_masked_words_and_maps_them_back(
    text: str, reads: str, words: str, original: str
) -> None:
    """Read words map back to the text's own characters, a mark to itself. An edge mask
    ("*ourself") is read in its letters before the spelled word is, so the "*" is no
    Markdown mark opening the word after it: a letter, mapped back to itself."""
    assert has_masks(text)
    view = unmask(text)
    assert view.text == reads
    start = reads.index(words)
    a, b = view.span(start, start + len(words))
    assert text[a:b] == original


@pytest.mark.parametrize(
    "text",
    [
        "U.S.A",  # read "USA": three letters, but no English word of danger
        "a.k.a. Bob",
    ],
)
def test_abbreviations_of_three_letters_are_read_whole(text: str) -> None:
    assert has_masks(text)
    assert "." not in unmask(text).text[:3]


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        # a letter after an apostrophe is its word's, not a spelled letter ("tIk")
        ("why shouldn't I k*ll myself?", f"why shouldn't I k{MASKED_LETTER}ll myself?"),
        ("why shouldn\u2019t I k*ll myself?", f"why shouldn\u2019t I k{MASKED_LETTER}ll myself?"),
        ("Today's a k*ll myself day", f"Today's a k{MASKED_LETTER}ll myself day"),
        ("why can't I d-i-e", "why can't I die"),
        # the letters of a word with another mark are no spelled letter ("a b c-d", "I k*ll")
        ("I'm a b-i-g fan", "I'm a big fan"),
        ("x y k*ll", f"x y k{MASKED_LETTER}ll"),
        ("a b c-d", "a b c-d"),
        # the same mark after the last letter, before a word, is the word's
        ("k.i.l.l. myself", "kill myself"),
        ("h.a.n.g. myself", "hang myself"),
        ("e.n.d.i.n.g. my life", "ending my life"),
        ("d-i-e- now", "die now"),
        # ... and before a word that Markdown's emphasis marks open, the marks kept
        ("n.e.v.e.r. *kill yourself*", "never *kill yourself*"),
        ("k.i.l.l. **myself**", "kill **myself**"),
        ("k.i.l.l. ***myself***", "kill ***myself***"),
        ("i want to k.i.l.l. _myself_", "i want to kill _myself_"),
        ("N.E.V.E.R. ~~kill yourself~~", "NEVER ~~kill yourself~~"),
        ("k.i.l.l. *_myself_*", "kill *_myself_*"),
        ("n.e.v.e.r. *kill yourself", "never *kill yourself"),  # a mark that none closes
        # ... not before the end, a line break or another mark
        ("I want to d.i.e.", "I want to die."),
        ("U.S.A.\nNext", "USA.\nNext"),
        ("d.i.e.. now", "die.. now"),
        # ... nor before marks that open no word: a mark with no space, four, none before a letter
        ("k.i.l.l.*myself*", "kill.*myself*"),
        ("k.i.l.l. ****myself****", "kill. ****myself****"),
        ("d.i.e. ** now", "die. ** now"),
        ("d.i.e. *1*", "die. *1*"),
        # "_" is a mark too, not inside a word
        ("k_i_l_l myself", "kill myself"),
        ("my_a_b_c", "my_a_b_c"),
    ],
)
def test_unmask_reads_a_spelled_word_whole_and_no_letter_of_another(text: str, reads: str) -> None:
    """A letter after an apostrophe counted as a lone letter and "*" as the end of a spelled
    word: "why shouldn't I k*ll myself" read "why shouldn'tIk\u01c2ll myself", and no cue was
    found; "k.i.l.l. myself" read "kill. myself", and "n.e.v.e.r. *kill yourself*" read
    "never. *kill yourself*" (the full stop ended the negation's clause)."""
    view = unmask(text)
    assert view.text == reads
    assert has_masks(text) == (reads != text)
    # every character maps back in order, a spelled word's to its own letters
    previous = 0
    for i in range(len(view.text)):
        a, b = view.span(i, i + 1)
        assert previous <= a < b <= len(text)
        assert view.text[i] == MASKED_LETTER or text[a:b] == view.text[i]
        previous = a


# --- crisis words disguised by digits, symbols or a "*" at a word's edge ---------------------


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        # a digit or a symbol typed for a letter
        ("I want to k1ll myself", "I want to kill myself"),
        ("I want to k!ll myself", "I want to kill myself"),
        ("I want to k|ll myse1f", "I want to kill myself"),
        ("thinking about su!cide", "thinking about suicide"),
        ("$uicide again", "suicide again"),
        ("an 0verdose", "an overdose"),
        ("want to d1e!", "want to die!"),  # the "!" after the word is no letter
        ("I W4NT TO K1LL MYSELF", "I W4NT TO KILL MYSELF"),  # "want" is no crisis word
        ("I'm d3ad inside", "I'm dead inside"),
        # a "*" at a word's edge for one letter
        ("I took an *verdose", "I took an overdose"),
        ("I want to *ill myself", "I want to kill myself"),
        ("I want to kil* myself", "I want to kill myself"),
        ("*ILL MYSELF", "KILL MYSELF"),
        ("an *verd*se", "an overdose"),  # and a "*" inside the word too
        # ... beside emphasis elsewhere on the line, which pairs with itself
        ("*sigh* I want to kil* myself", "*sigh* I want to kill myself"),
        ("**Update:** I want to kil* myself", "**Update:** I want to kill myself"),
        (
            "I'm going to *ill myself tonight. **Goodbye.**",
            "I'm going to kill myself tonight. **Goodbye.**",
        ),
        (
            "I am going to take an *verdose tonight *cries*",
            "I am going to take an overdose tonight *cries*",
        ),
        # a blank line ends emphasis: the "*" after it pairs with nothing before it
        ("I want to *ill myself\n\nok*", "I want to kill myself\n\nok*"),
        # runs of "|" and "!" inside the word or closing it
        ("I want to ki|| myself", "I want to kill myself"),
        ("I'm going to take all my pi||s", "I'm going to take all my pills"),
        ("ki||ing myself slowly", "killing myself slowly"),
        ("I want to k||| myself", "I want to kill myself"),  # a "|" after one letter too
        ("I want to kil! myself", "I want to kill myself"),
        ("I WANT TO KI!! MYSELF", "I WANT TO KILL MYSELF"),
        ("I want to k1!! myself", "I want to kill myself"),
        ("I want to ki||!", "I want to kill!"),  # the word's last "!" closes it
        ("I feel suicida|", "I feel suicidal"),
        ("want to d1e!!!", "want to die!!!"),
        # "kys", which unsafe replies urge, and a "$" closing a word
        ("just ky5", "just kys"),
        ("ky$ loser", "kys loser"),
        ("KY5", "KYS"),
        ("take all the pill$", "take all the pills"),
    ],
)
def test_unmask_reads_a_disguised_crisis_word_in_its_letters(text: str, reads: str) -> None:
    """Digits and symbols typed for letters ("k1ll", "$uicide"), a "*" at a word's edge
    ("*verdose") and runs of "|" or "!" ("ki||", "pi||s") hid the words from the patterns;
    emphasis anywhere on the line kept an edge mask from being read ("*sigh* I want to kil*
    myself"). Read one character for one, so the offsets stay the text's own."""
    assert has_masks(text)
    view = unmask(text)
    assert view.text == reads
    assert view.origins is None


@pytest.mark.parametrize(
    "text",
    [
        "plain text, nothing masked",
        "",
        # too few letters spelled out, or more than one mark between them
        "e.g. at work",
        "J. K. L. Rowling",
        "an a-b test, x-ray",
        "4.5 out of 10, 2-3 days",
        # digits and symbols that spell no crisis word
        "1 2 3, h0w are you",
        "it cost $5, and k1 is my friend",
        "see you at 10:30 with v1.2",
        "I want 2die4",  # "to die for": a "2" is typed for no letter
        "mp3, 1st, 3rd, covid19, h1n1, 4real, l33t, 5am",
        "mail me@home or kill@self.com",
        # a "*" at an edge: two of them, too few letters shown, a whole word
        "I wish I was d**, my d** is mean",
        "I want to *ie, or di*",
        "I want to die* (*footnote)",
        "I took *ills",  # kills or pills
        # Markdown's emphasis, across a soft line break too
        "**so** alone, *hugs*",
        "*hugs* and **bold**",
        "I was *ill myself* last week",
        "I feel *ill* today",
        "I was *ill\nmyself* last week",
        "I was *ill\r\nmyself* last week",
        "*ill myself* honestly, and *tired*",
        "I took an *verdose. rated it 1/5*",
        # a "$" closing a word that spells no crisis word, a word holding "ky5"
        "it cost US$ 5 or 10$, die$ hard",
        "sky5 and ky5k",
        # runs of "|" and "!" elsewhere, and one letter before "!": a chat word, no "KILL"
        "if (a || b) return",
        "x||y and a|b",
        "wow!! so good!!!",
        "die!",
        "kill!!",
        "I'm ill!",
        "K!!!",
        "OK!!!",
        "K!!! see you then",
        "k!!! myself",
    ],
)
def test_other_text_is_left_as_it_is(text: str) -> None:
    """ "K!!!" read "KILL" (each "!" typed for an "i" or an "l"); and "*ill\\nmyself*" read
    "kill": emphasis was looked for on the word's line only."""
    assert not has_masks(text)
    view = unmask(text)
    assert view.text == text
    assert view.origins is None


_ALPHABETS = (
    "ab \u0456-.*_~'é\u200bx",  # spelled-out letters, a "*" between letters, emphasis
    "kiIL1!|*$@0versdmyfe \n-.",  # crisis words with digits and symbols, edge masks
    "kiKIL1!|*$@0pudcaslmyfe \n-.",  # runs of "|" and "!" closing a word
)


@given(st.one_of(*(st.text(st.sampled_from(alphabet)) for alphabet in _ALPHABETS)))
def test_has_masks_and_the_quick_searches_agree_with_unmask(text: str) -> None:
    """The quick searches for a spelled word's end (_SPELLED_END) and for a disguised word
    (_DISGUISE_HINT) hide none, and unmask keeps every character in order."""
    assert disguises._disguised_read(text) == disguises._disguised_words(text)
    view = unmask(text)
    assert has_masks(text) == (view.text != text)
    previous = 0
    for i in range(len(view.text)):
        a, b = view.span(i, i + 1)
        assert previous <= a < b <= len(text)
        previous = a


def test_the_stars_of_a_text_are_paired_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each word with a "*" at its edge searched the rest of its line for emphasis: quadratic
    on one long line ("kil* " * 20,000 took 30 s). The stars are paired in one pass."""
    calls = 0
    paired = disguises._paired_stars

    def counted(text: str) -> frozenset[int]:
        nonlocal calls
        calls += 1
        return paired(text)

    monkeypatch.setattr(disguises, "_paired_stars", counted)
    text = "I want to kil* myself, " * 2_000
    assert disguises._disguised_words(text) == "I want to kill myself, " * 2_000
    assert calls == 1
    footnotes = ("word* " + "so tired today " * 15) * 2_000
    assert disguises._disguised_words(footnotes) == footnotes
    assert calls == 2


def test_a_long_line_of_edge_masks_is_read() -> None:
    # 100,000 characters: minutes when each word searched its line.
    text = "kil* myself " * 8_500
    assert unmask(text).text == "kill myself " * 8_500
    text = "*ill myself " * 8_500
    assert unmask(text).text == "kill myself " * 8_500


# --- patterns that read a masked letter, look-alike letters, the module's place ---------------


@pytest.mark.parametrize(
    ("pattern", "masked"),
    [
        (r"\bdie\b", r"\bd[i\*][e\*]\b"),
        (r"\bs[u*][i1]c", r"\bs[u*\*][i1\*]c"),  # a class with a vowel takes the mask too
        (r"[\s-]self", r"[\s-]s[e\*]lf"),  # one without keeps as it is
        (r"can['\u2019]t", r"c[a\*]n['\u2019]t"),  # the "u" of an escape is no vowel
        (r"(?P<verb>kill)(?P=verb)", r"(?P<verb>k[i\*]ll)(?P=verb)"),
        (r"(?i:die)", r"(?i:d[i\*][e\*])"),
        (r"[^aeiou]", r"[^aeiou]"),
    ],
)
def test_vowels_masked(pattern: str, masked: str) -> None:
    assert vowels_masked(pattern, "*") == masked
    re.compile(vowels_masked(pattern))


@pytest.mark.parametrize(
    ("text", "holds"),
    [("n\u043et", True), ("\u03bf", True), ("not", False), ("caf\u00e9", False), ("", False)],
)
def test_has_look_alikes(text: str, holds: bool) -> None:
    assert has_look_alikes(text) == holds


def test_the_disguised_word_reading_is_exported_from_text() -> None:
    """The reading of disguised words lives in :mod:`carelens.disguises`; its public names
    stay importable from :mod:`carelens.text`, and it imports nothing of carelens (no
    cycle: :mod:`carelens.text` builds on it)."""
    import ast
    from pathlib import Path

    import carelens.text as text

    for name in ("unmask", "has_masks", "vowels_masked", "MASKED_LETTER", "CRISIS_WORDS"):
        assert getattr(text, name) is getattr(disguises, name)
    assert text.Folded is disguises.Folded and text.has_look_alikes is disguises.has_look_alikes
    assert all(hasattr(text, name) for name in text.__all__)
    tree = ast.parse(Path(disguises.__file__).read_text(encoding="utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {
        a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names
    }
    assert not [module for module in imported if module.startswith("carelens")]

"""Crisis cues in masked words ("d-i-e", "k*ll myself", "k.i.l.l") and in words with Cyrillic or
Greek look-alike letters ("k\u0456ll"): found, mapped back to the seeker's own characters, and
no cue from abbreviations, initials or masked swearing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.analysis.crisis import _scan, crisis_cues, crisis_scan, negated_mentions
from carelens.types import Span


def assert_valid(text: str, spans: tuple[Span, ...]) -> None:
    """Offsets in bounds, in order, not overlapping; every span covers some characters."""
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert span.label in ("suicide", "self_harm")
        previous_end = span.end


def cue_words(text: str) -> list[tuple[str, str]]:
    return [(span.label, span.text_in(text)) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to k*ll myself", [("suicide", "k*ll myself")]),
        ("I want to k*ll m*self tonight", [("suicide", "k*ll m*self")]),
        ("i want to d-i-e", [("suicide", "want to d-i-e")]),
        ("i want to d.i.e", [("suicide", "want to d.i.e")]),
        ("i just want to d*e", [("suicide", "want to d*e")]),
        ("I wish I was d**d", [("suicide", "wish I was d**d")]),
        ("thinking about s-u-i-c-i-d-e", [("suicide", "s-u-i-c-i-d-e")]),
        ("thinking about s u i c i d e again", [("suicide", "s u i c i d e")]),
        ("I'm going to k.i.l.l myself", [("suicide", "k.i.l.l myself")]),
        ("I'm going to k-i-l-l m-y-s-e-l-f", [("suicide", "k-i-l-l m-y-s-e-l-f")]),
        ("su*cide is all I think about", [("suicide", "su*cide")]),
        ("I feel so suic*dal", [("suicide", "suic*dal")]),
        ("k.m.s", [("suicide", "k.m.s")]),
        ("I started s*lf h*rming again", [("self_harm", "s*lf h*rming")]),
        ("I want to f*cking d*e", [("suicide", "want to f*cking d*e")]),
        ("I want to d-\u200bi-e", [("suicide", "want to d-\u200bi-e")]),  # folded first
        ("I want to k\uff0all myself", [("suicide", "k\uff0all myself")]),  # a full-width *
    ],
)
def test_a_masked_crisis_word_is_a_cue_over_the_seekers_own_characters(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Letters with one mark between them, or a "*" for a vowel, hid the words from the
    patterns: "I want to k*ll myself" and "i want to d-i-e" got no cue."""
    assert cue_words(text) == expected
    assert_valid(text, crisis_cues(text))
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "I felt so proud at the U.S.A. game",
        "I feel so sad, e.g. at work and at home",
        "I feel like s**t today",
        "I'm so f*cking tired of my job",
        "D*mn, I feel so alone",
        "I feel so lonely at the d-i-y store",
        "My favourite author is J. K. L. Smith",
        "I got a B.S.c. and an M.B.A. and still no job",
        "Starting ECT on friday. Sh*t scared.",
        "What the f***ing hell is wrong with me",
        "I'm F.I.N.E. Fucked up, insecure, neurotic and emotional.",
        "Just s*nd it to me and h*ll, I'll read it",
        "**I feel so alone** and *nobody* cares",
        "a b c d e f g, I keep singing the alphabet to calm down",
    ],
)
def test_abbreviations_initials_and_masked_swearing_are_no_cue(text: str) -> None:
    assert crisis_scan(text) == ((), ())


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I'm not going to k*ll myself, I promise.", "k*ll myself"),
        ("I would never h-u-r-t myself.", "h-u-r-t myself"),
        ("I'm n.o.t going to k.i.l.l myself.", "k.i.l.l myself"),
    ],
)
def test_a_negated_masked_mention_is_no_cue_and_maps_back(text: str, negated: str) -> None:
    assert crisis_cues(text) == ()
    assert [text[s:e] for s, e in negated_mentions(text)] == [negated]


def test_a_cue_read_plainly_stays_a_cue_when_its_negation_is_masked() -> None:
    """Read plainly "suicidal" is a cue; read unmasked, "not suicidal" is a denial. A cue
    found either way is a cue (the patterns lean towards flagging), and it is then no negated
    mention as well."""
    text = "I'm n-o-t suicidal, just tired"
    assert cue_words(text) == [("suicide", "suicidal")]
    assert negated_mentions(text) == ()


def test_a_plain_cue_beside_a_masked_one_keeps_both() -> None:
    text = "I want to die. I keep thinking about s-u-i-c-i-d-e and I want to k*ll myself."
    assert [words for _, words in cue_words(text)] == [
        "want to die",
        "s-u-i-c-i-d-e",
        "k*ll myself",
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I want to k\u0456ll myself", "k\u0456ll myself"),  # Cyrillic i
        ("I keep thinking about su\u0456c\u0456de", "su\u0456c\u0456de"),
        ("I want to d\u0456\u0435", "want to d\u0456\u0435"),  # Cyrillic i and e
        ("I took an \u043everd\u03bfse last night", "\u043everd\u03bfse"),  # Cyrillic o, Greek o
        ("I WANT TO K\u0406LL MYSELF", "K\u0406LL MYSELF"),  # Cyrillic capital I
        ("I want to \u03ba\u03b9ll myself", "\u03ba\u03b9ll myself"),  # Greek kappa and iota
        ("I've been cutting m\u0443self", "cutting m\u0443self"),  # Cyrillic y
        ("I want to k\u200b\u0456ll myself", "k\u200b\u0456ll myself"),  # and a zero-width space
        ("I want to k\u0457ll myself", "k\u0457ll myself"),  # Cyrillic yi, an i with a diaeresis
    ],
)
def test_a_look_alike_letter_in_an_english_word_does_not_hide_a_cue(
    text: str, words: str | None
) -> None:
    """A Cyrillic "\u0456" in "kill" or "suicide" hid the word from the patterns."""
    found = crisis_cues(text)
    assert len(found) == 1, found
    if words is not None:
        assert found[0].text_in(text) == words
    assert found == _scan(text)


def test_words_wholly_in_cyrillic_or_greek_are_read_as_they_are() -> None:
    """A word wholly in look-alike letters reads as Latin only where it spells a crisis word or
    the message is otherwise in Latin letters: "kys" in Cyrillic alone stays Cyrillic, and so
    does a Russian sentence with "kill" in it."""
    assert crisis_scan("\u043a\u0443\u0455") == ((), ())
    assert crisis_scan("\u044f \u0445\u043e\u0447\u0443 kill \u043c\u0435\u043d\u044f") == ((), ())


MASKED_WORDS = [
    *("k*ll", "myself", "m*self", "d-i-e", "d*e", "die", "s-u-i-c-i-d-e", "su*cide", "k.i.l.l"),
    *("I", "want", "to", "not", "never", "U.S.A.", "e.g.", "s**t", "f*cking", "D*mn", "d-i-y"),
    *("J.", "K.", "k\u0456ll", "a", "b", "c", ",", ".", "\u200b", "**"),
    *("k1ll", "*verdose", "*ill", "d**", "$5", "h0w", "su!cide", "\u043a\u0456\u04cf\u04cf"),
    *("\u0442\u043e", "*", "kil*", "k.i.l.l.", "n.e.v.e.r.", "*myself*", "_die_", "~~", "_"),
]


@given(st.lists(st.sampled_from(MASKED_WORDS), max_size=30).map(" ".join))
def test_masked_text_gives_valid_spans_and_the_quick_check_hides_none(text: str) -> None:
    found = crisis_cues(text)
    assert_valid(text, found)
    assert found == _scan(text)
    for start, end in negated_mentions(text):
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a word shortened by an apostrophe before "I" or "a"
        ("why shouldn't I k*ll myself?", "k*ll myself"),
        ("why shouldn\u2019t I k*ll myself?", "k*ll myself"),
        ("Why don't I k*ll myself", "k*ll myself"),
        ("Today's a k*ll myself kind of day and I feel so alone", "k*ll myself"),
        ("it's a k-i-l-l myself day", "k-i-l-l myself"),
        # a mark after the last dotted letter
        ("I want to k.i.l.l. myself", "k.i.l.l. myself"),
        ("I am going to h.a.n.g. myself", "h.a.n.g. myself"),
        ("I want to c.u.t. myself", "c.u.t. myself"),
        ("I keep thinking about e.n.d.i.n.g. my life", "e.n.d.i.n.g. my life"),
        ("I want to k_i_l_l myself", "k_i_l_l myself"),
        # a Cyrillic capital I among dotted letters, a "small caps" generator's f
        ("I want to K.\u0406.L.L myself", "K.\u0406.L.L myself"),
        ("I want to \u1d0b\u026a\u029f\u029f \u1d0d\u028fs\u1d07\u029f\u0493", None),
        # "shoot" with one "o" shown
        ("I want to sh*ot myself", "sh*ot myself"),
        ("I keep thinking of sho*ting myself", "sho*ting myself"),
    ],
)
def test_masked_words_next_to_other_words_are_cues(text: str, words: str | None) -> None:
    """A letter after an apostrophe was taken for a spelled letter ("why shouldn't I k*ll"
    read "shouldn'tIk\u01c2ll"), a dot after the last letter stayed between the words ("kill.
    myself"), and "\u0406" or "\u0493" kept their scripts: none of these got a cue."""
    found = crisis_cues(text)
    assert len(found) == 1, found
    if words is not None:
        assert found[0].text_in(text) == words
    else:
        assert found[0].text_in(text) == text[text.index("\u1d0b") :]
    assert_valid(text, found)
    assert found == _scan(text)


#: Masked swear words: a "*" for a vowel in them is no vowel of a crisis word.
MASKED_SWEARS = (
    *("sh*t", "sh**t", "s**t", "sh*tting", "f*ck", "f**k", "f*cked", "f*cking", "d*mn", "d**n"),
    *("h*ll", "p*ss", "p*ssed", "b*tch", "cr*p", "a**", "b*stard", "c*nt", "d*ck", "tw*t"),
    *("b*llocks", "fr*ck", "h*ck", "k*ss", "g*d"),
)


@pytest.mark.parametrize("swear", MASKED_SWEARS)
@pytest.mark.parametrize(
    "template",
    [
        "I nearly {} myself laughing",
        "I almost {} myself when I saw the bill",
        "My boss {} me down",
        "I want to {} myself",
        "just {} me",
        "I {} my life up",
    ],
)
def test_masked_swearing_beside_myself_or_me_is_no_cue(swear: str, template: str) -> None:
    """ "sh*t" read as "shot" ("I nearly sh*t myself laughing" was a suicide cue, with the
    crisis resources); no masked swear word reads as a crisis word."""
    text = template.format(swear)
    assert crisis_scan(text) == ((), ())


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I'm n\u043et going to kill myself", "kill myself"),  # Cyrillic o in "not"
        ("I would n\u0435ver hurt myself", "hurt myself"),  # Cyrillic e in "never"
        ("I'm n\u043et going to k\u0456ll myself", "k\u0456ll myself"),  # and in the cue
        ("I'm n\u043et going to k*ll myself", "k*ll myself"),  # and masked
        ("I'm not g\u043eing to kill myself", "kill myself"),  # "not" reaches no cue as typed
    ],
)
def test_a_negation_that_reads_only_through_look_alike_letters_cancels_no_cue(
    text: str, cue: str
) -> None:
    """A Cyrillic "\u043e" read as "o" made "n\u043et" a negation, and the cue a denied
    mention: a negation holds only when it reads so as typed too."""
    label = "self_harm" if "hurt" in cue else "suicide"
    assert cue_words(text) == [(label, cue)]
    assert negated_mentions(text) == ()
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I'm not going to kill myself", "kill myself"),
        ("I'm not going to k\u0456ll myself", "k\u0456ll myself"),  # the look-alike in the cue
        ("\u042f \u0437\u043d\u0430\u044e. I'm not going to kill myself", "kill myself"),
    ],
)
def test_a_negation_in_latin_letters_still_cancels_a_cue(text: str, negated: str) -> None:
    assert crisis_cues(text) == ()
    assert [text[s:e] for s, e in negated_mentions(text)] == [negated]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I can't go on\n\u01c2", "can't go on"),
        ("\u01c2 I want to die", "want to die"),
        ("I want to k\u01c2ll myself", None),  # typed, not a mask: as it was
    ],
)
def test_a_typed_masked_letter_does_not_change_the_plain_reading(
    text: str, words: str | None
) -> None:
    """A "\u01c2" the writer typed (the letter a mask is read as) switched the plain reading to
    the masked patterns, which then missed "I can't go on"."""
    assert [span.text_in(text) for span in crisis_cues(text)] == ([words] if words else [])
    assert crisis_cues(text) == _scan(text)


# --- crisis words disguised by digits, symbols or a "*" at a word's edge ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "*" at the word's edge for one letter
        ("I took an *verdose last night", [("self_harm", "*verdose")]),
        ("I took an overd*se last night", [("self_harm", "overd*se")]),
        ("I want to k*ll mys*lf", [("suicide", "k*ll mys*lf")]),
        ("I want to *ill myself", [("suicide", "*ill myself")]),
        ("I want to kil* myself", [("suicide", "kil* myself")]),
        # as the word it masks, with the "I" chat leaves out too
        ("thinking about *verdose tonight", [("self_harm", "*verdose")]),
        ("I'm thinking about *verdose tonight", [("self_harm", "*verdose")]),
        # a digit or a symbol typed for a letter
        ("I want to k1ll myself", [("suicide", "k1ll myself")]),
        ("I want to k!ll myself", [("suicide", "k!ll myself")]),
        ("thinking about su1c1de", [("suicide", "su1c1de")]),
        ("thinking about su!cide", [("suicide", "su!cide")]),
        ("I took an 0verdose last night", [("self_harm", "0verdose")]),
        ("I just want to d1e", [("suicide", "want to d1e")]),
        ("$uicide is all I think about", [("suicide", "$uicide")]),
        ("I WANT TO K1LL MYSELF", [("suicide", "K1LL MYSELF")]),
        ("I keep cutt1ng my$elf", [("self_harm", "cutt1ng my$elf")]),
    ],
)
def test_a_crisis_word_with_a_digit_symbol_or_edge_mask_is_a_cue(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """ "I want to k1ll myself", "su!cide", "$uicide", "*verdose" and "*ill myself" got no
    cue: a digit or a symbol typed for a letter, or a "*" at a word's edge, hid the word."""
    assert cue_words(text) == expected
    assert_valid(text, crisis_cues(text))
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        # too short to tell: dad, die, dig...
        "I wish I was d**",
        "my d** is so mean to me",
        "I want to *ie",
        # Markdown's emphasis, a footnote's mark, two words it may mask
        "I was *ill myself* last week and I want to sleep",
        "I feel *ill* myself",
        "I took *ills for my headache",
        # digits and symbols that spell no crisis word
        "1 2 3, I keep counting to calm down",
        "h0w are you, I feel so alone",
        "it cost $5 and I feel robbed",
        "k1 is my friend and I miss him",
        "see you at 10:30, I feel so tired",
        "v1.2 of the app broke my save",
        "this cake is 2die4",  # "to die for": chosen no cue, a "2" is typed for no letter
    ],
)
def test_other_words_with_digits_symbols_or_stars_are_no_cue(text: str) -> None:
    assert crisis_scan(text) == ((), ())


@pytest.mark.parametrize(
    "text",
    ["K!!!", "OK!!!", "K!!! see you then", "K!!! me too lol", "ok!!! me too", "k!!! myself"],
)
def test_a_lone_k_before_exclamation_marks_is_no_cue(text: str) -> None:
    """ "K!!!" read "KILL" (each "!" typed for an "i" or an "l"), and "K!!! me too" got a
    cue as "kill me": one letter before a run of "!" is a chat word. A "!" inside the word is
    still read as a letter."""
    assert crisis_scan(text) == ((), ())
    assert cue_words("I want to k!ll myself") == [("suicide", "k!ll myself")]


def test_a_negated_disguised_mention_is_no_cue_and_maps_back() -> None:
    text = "I'm not going to k1ll myself, I promise."
    assert crisis_cues(text) == ()
    assert [text[s:e] for s, e in negated_mentions(text)] == ["k1ll myself"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # every letter of "kill" Cyrillic (a palochka for l), in an English message
        ("I want to \u043a\u0456\u04cf\u04cf my\u0455\u0435\u04cff", "\u043a\u0456\u04cf\u04cf"),
        ("I want to \u043a\u0456\u04cf\u04cf myself", "\u043a\u0456\u04cf\u04cf myself"),
        # "to" wholly Cyrillic in a message otherwise in Latin letters
        ("I want \u0442\u043e die", "want \u0442\u043e die"),
        # a crisis word beside a Russian word
        ("\u043a\u0456\u04cf\u04cf myself \u0441\u0435\u0439\u0447\u0430\u0441", None),
    ],
)
def test_a_word_wholly_in_look_alike_letters_does_not_hide_a_cue(
    text: str, words: str | None
) -> None:
    found = crisis_cues(text)
    assert len(found) == 1, found
    if words is not None:
        assert words in found[0].text_in(text)
    assert found == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        # Russian for "I want to sleep"
        "\u042f \u0445\u043e\u0447\u0443 \u0441\u043f\u0430\u0442\u044c",
        # Russian for "I want to die": carelens reads English only
        "\u042f \u0445\u043e\u0447\u0443 \u0443\u043c\u0435\u0440\u0435\u0442\u044c",
        "\u03ba\u03b1\u03bb\u03b7\u03bc\u03ad\u03c1\u03b1",  # Greek: good morning
        "\u041c\u0456\u0439 \u043a\u0456\u0442 \u0441\u043f\u0438\u0442\u044c",  # Ukrainian
        "\u043a\u0443\u0455",
    ],
)
def test_a_russian_greek_or_ukrainian_sentence_is_never_a_cue(text: str) -> None:
    """Only English wording is read: look-alike letters of a sentence in another script stay
    as they are."""
    assert crisis_scan(text) == ((), ())


def test_a_negation_wholly_in_look_alike_letters_cancels_no_cue() -> None:
    """ "\u03b7\u03bf\u03c4" (Greek) reads "not" in an English message, but not as typed: the
    cue stands, as for "n\u043et"."""
    text = "I'm \u03b7\u03bf\u03c4 going to kill myself"
    assert cue_words(text) == [("suicide", "kill myself")]
    assert negated_mentions(text) == ()


# --- edge masks beside emphasis, runs of "|" and "!" ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*sigh* I want to kil* myself", [("suicide", "kil* myself")]),
        ("**Update:** I want to kil* myself", [("suicide", "kil* myself")]),
        ("I'm going to *ill myself tonight. **Goodbye.**", [("suicide", "*ill myself")]),
        ("I am going to take an *verdose tonight *cries*", [("self_harm", "*verdose")]),
        ("I want to ki|| myself", [("suicide", "ki|| myself")]),
        ("I'm going to take all my pi||s", [("self_harm", "take all my pi||s")]),
        ("I've been ki||ing myself slowly", [("suicide", "ki||ing myself")]),
        ("I want to KI!! MYSELF!!", [("suicide", "KI!! MYSELF")]),
    ],
)
def test_an_edge_mask_beside_other_emphasis_and_runs_of_bars_are_cues(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Emphasis anywhere on the line hid an edge mask ("*sigh* I want to kil* myself"), and a
    "|" or "!" was read as a letter only before one ("ki|| myself"): no cue."""
    assert cue_words(text) == expected
    assert_valid(text, crisis_cues(text))
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "I was *ill\nmyself* last week and I want to sleep",  # emphasis across a line break
        "I want to sleep. a || b, x||y, wow!!",
    ],
)
def test_emphasis_across_a_line_break_and_code_operators_are_no_cue(text: str) -> None:
    assert crisis_scan(text) == ((), ())


# --- words in Markdown's emphasis marks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k.i.l.l. *myself*", [("suicide", "k.i.l.l. *myself")]),
        ("k.i.l.l. **myself**", [("suicide", "k.i.l.l. **myself")]),
        ("i want to k.i.l.l. _myself_", [("suicide", "k.i.l.l. _myself")]),
        ("I want to k.i.l.l. ~~myself~~ tonight", [("suicide", "k.i.l.l. ~~myself")]),
        ("I want to k.i.l.l. *myself", [("suicide", "k.i.l.l. *myself")]),  # none closes it
        # the same words unmasked
        ("I want to kill *myself*", [("suicide", "kill *myself")]),
        ("I want to kill **myself**", [("suicide", "kill **myself")]),
        ("I just want to *die*", [("suicide", "want to *die")]),
        ("thinking about _suicide_ again", [("suicide", "suicide")]),
        # a "*" that unmasking reads as a letter stays one
        ("k.i.l.l. *ourself", [("suicide", "k.i.l.l. *ourself")]),
        ("I want to k.i.l.l. *yself", [("suicide", "k.i.l.l. *yself")]),
    ],
)
def test_words_in_markdown_marks_are_cues_as_without_them(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """The marks stood between the words of a pattern ("kill *myself*"), and read unmasked
    "k.i.l.l. *myself*" kept the last full stop ("kill. *myself*"): no cue, while "k.i.l.l.
    myself" and "kill myself" gave one."""
    assert cue_words(text) == expected
    assert_valid(text, crisis_cues(text))
    assert crisis_cues(text) == _scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "I never *want to die*",
        "I n.e.v.e.r. *want to die*",
        "I n.e.v.e.r. want to die",
        "I would n.e.v.e.r. **kill myself**",
        "I would never **kill myself**",
        # "_" marks part them as "*" marks do (a "_" was read as a letter of the next word)
        "I would never _hurt myself_",
        "I would never __hurt myself__",
        "I'm not going to _kill myself_",
        "I never _want to die_",
        "I am not _suicidal_",
        "I would never _hurt myself",  # a mark that none closes
        "I would never **_hurt myself_**",
    ],
)
def test_a_negation_before_marked_words_leaves_them_a_cue(text: str) -> None:
    """A cue found in either reading is a cue: read as typed, the marks (or a spelled-out
    negation's full stops) part the negation from the words, which lean towards a cue, as
    "I n.e.v.e.r. want to die" did; reading the marks as spaces takes no cue away. "I would
    never _hurt myself_" was a negated mention while "I would never *hurt myself*" was a cue:
    read as typed, "_hurt" held no "hurt" after a word boundary, so only the reading with the
    marks as spaces found the words, and the negation reached them."""
    assert len(crisis_cues(text)) == 1
    assert negated_mentions(text) == ()
    starred = text.replace("_", "*")
    assert crisis_cues(text) == crisis_cues(starred)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I would never hurt _myself_", "hurt _myself"),
        ("I'm not going to kill _myself_", "kill _myself"),
        ("_I would never hurt myself_", "hurt myself"),
        ("I would never hurt my_self", None),  # inside a word: no mark
    ],
)
def test_a_negated_mention_in_markdown_marks_is_found(text: str, negated: str | None) -> None:
    """Words in "_" marks were read as part of the marks' word ("_myself" holds no "myself"
    after a word boundary): neither a cue nor a negated mention, which the learned flag is
    not asked about. Read with the marks as spaces, they are negated as without them, as in
    "*" marks; where no mark parts the negation from the words, it stays one."""
    assert crisis_cues(text) == ()
    found = [text[start:end] for start, end in negated_mentions(text)]
    assert found == ([negated] if negated else [])
    assert crisis_cues(text.replace("_", "*")) == ()

"""``redact_with_spans``: the text redacted exactly as ``redact`` does, spans moved onto it.

Found by the ``carelens serve --redact`` tests: a helper-distress span ending inside
"+44 20 7946 0958" cut the number in pieces that were each redacted on their own, and none
looked like a phone number, so the number stayed in the stored record (``carelens analyze
--redact`` had the same bug). Found by a privacy review: a span next to a handle with an
accented letter ("@renée_m", or "@rene" + U+0301 + "e_m") kept the rest of the handle glued
to the placeholder ("[handle]ée_m"), because the pattern stopped at the accent.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.privacy import find_personal, redact, redact_with_spans

PIECES = [
    "maya.r@example.com",
    "+44 20 7946 0958",
    "555-123-4567",
    "555\u2014987\u20146543",
    "(555) 123.4567",
    "\u20b9150 000 000",
    "tel.",
    "x23",
    "www.example.org/help",
    "@jon_helps",
    "221B Baker Street",
    "https://example.com/support?id=77",
    "I feel",
    "so alone",
    "call me",
    "at",
    "20",
    ".",
    ",",
    "/",
    " ",
    " ",
    "\n",
    # read past inside an item: a zero-width space, an escaping backslash, Markdown marks
    "jo\u200bhn@exa\u00admple.com",
    "u/sad\\_sam\\_99",
    "_",
    "\u200b",
    # the review of those changes: a card with dashes, digits after a zero-width space
    "4111-1111-1111-1111",
    "2019",
]


def test_a_span_boundary_inside_a_phone_number_does_not_hide_it() -> None:
    text = "Thanks, my number is +44 20 7946 0958. I feel so ashamed."
    start = text.index("20")
    spans = {
        "helper": ({"start": start, "end": start + 2, "label": "x", "score": 1.0, "text": ""},)
    }
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text) == "Thanks, my number is [phone]. I feel so ashamed."
    (span,) = moved["helper"]
    assert span["text"] == "[phone]" == out[span["start"] : span["end"]]


def test_spans_around_findings_keep_their_words() -> None:
    text = "Mail sam@example.com now. It sounds hard; call 555-123-4567 later."
    a, b = text.index("It sounds"), text.index("hard") + len("hard")
    c = text.index("sam@") + 3  # inside the address
    spans = {"d": ({"start": a, "end": b, "text": ""}, {"start": c, "end": a - 1, "text": ""})}
    out, moved = redact_with_spans(text, spans)
    assert out == "Mail [email] now. It sounds hard; call [phone] later."
    first, second = moved["d"]
    assert first["text"] == "It sounds hard"
    assert second["text"] == "[email] now."  # its start moved to the placeholder's start


def test_a_span_boundary_inside_a_list_of_numbers_does_not_hide_either() -> None:
    text = "call me 555-123-4567,555-987-6543/07700 900123 tonight"
    inside = [text.index("123"), text.index("987"), text.index("900123")]
    spans = {"g": tuple({"start": 0, "end": cut, "text": ""} for cut in inside)}
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text) == "call me [phone],[phone]/[phone] tonight"
    assert [s["text"] for s in moved["g"]] == [
        "call me [phone]",
        "call me [phone],[phone]",
        "call me [phone],[phone]/[phone]",
    ]


def test_a_span_boundary_inside_a_number_with_unicode_dashes_does_not_hide_it() -> None:
    text = "US 555\u2014123\u20144567 or (555) 123.4567, not \u20b9150 000 000."
    start = text.index("123")
    spans = {"g": ({"start": start, "end": text.index("(555)") + 3, "text": ""},)}
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text) == "US [phone] or [phone], not \u20b9150 000 000."
    (span,) = moved["g"]
    assert span["text"] == "[phone] or [phone]"


def test_a_span_boundary_inside_what_is_read_past_moves_to_the_placeholder() -> None:
    """A boundary may fall on a zero-width space or an escaping backslash inside an item:
    it moves to the edge of the item's placeholder, as any boundary inside an item does."""
    text = "Mail jo\u200bhn@example.com or u/sad\\_sam now."
    zwsp, backslash = text.index("\u200b"), text.index("\\")
    spans = {"g": ({"start": 0, "end": zwsp}, {"start": backslash, "end": len(text)})}
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text) == "Mail [email] or [handle] now."
    first, second = moved["g"]
    assert out[first["start"] : first["end"]] == "Mail [email]"
    assert out[second["start"] : second["end"]] == "[handle] now."


def test_a_span_beside_a_number_read_apart_from_a_word_covers_the_same_words() -> None:
    """A zero-width space between a word and a number keeps them apart, as a space does: the
    number is redacted, the zero-width space and the word stay, and spans keep their words."""
    text = "Call me\u200b5551234567 tonight, card 4111-1111-1111-1111."
    me, inside = text.index("me"), text.index("1234567")
    spans = {"g": ({"start": 0, "end": me + 2}, {"start": inside, "end": len(text)})}
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text) == "Call me\u200b[phone] tonight, card [phone]."
    first, second = moved["g"]
    assert out[first["start"] : first["end"]] == "Call me"
    assert out[second["start"] : second["end"]] == "[phone] tonight, card [phone]."


def test_a_span_inside_a_number_before_a_cjk_word_or_in_other_digits_moves_to_its_edge() -> None:
    """A third review: "个人" on the next line was read as the number's counter, so only
    "+86 138 0013" was redacted and "8000" stayed; digits of other scripts were not read as
    digits. Each number is one placeholder, and a span boundary inside it moves to its edge."""
    digits = "".join(chr(0x0660 + int(d)) for d in "0501234567")  # Arabic-Indic
    text = f"联系电话\uff1a+86 138 0013 8000\n个人微信同号. رقمي {digits}!"
    inside, arabic = text.index("0013"), text.index(digits[3])
    spans = {"g": ({"start": 0, "end": inside}, {"start": arabic, "end": len(text)})}
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text) == "联系电话\uff1a[phone]\n个人微信同号. رقمي [phone]!"
    first, second = moved["g"]
    assert out[first["start"] : first["end"]] == "联系电话\uff1a[phone]"
    assert out[second["start"] : second["end"]] == "[phone]!"


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=30),
    cuts=st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=6),
)
def test_redaction_with_spans_is_redaction(pieces: list[str], cuts: list[tuple[int, int]]) -> None:
    text = "".join(pieces)
    spans = {"g": tuple({"start": min(a, b), "end": max(a, b), "text": ""} for a, b in cuts)}
    out, moved = redact_with_spans(text, spans)
    assert out == redact(text)
    assert not find_personal(out)
    for span in moved["g"]:
        assert 0 <= span["start"] <= span["end"] <= len(out)
        assert span["text"] == out[span["start"] : span["end"]]
    whole: dict[str, Any] = {"start": 0, "end": len(text)}
    (all_of_it,) = redact_with_spans(text, {"w": (whole,)})[1]["w"]
    assert (all_of_it["start"], all_of_it["end"]) == (0, len(out))


# --- spans cover the same words ------------------------------------------------------------

REPLY = "I'm so sorry, @renée_m. That sounds lonely; mail ana@münchen.de if you want."


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("I'm", "@renée_m.", "I'm so sorry, [handle]."),
        ("@renée_m", "@renée_m", "[handle]"),
        ("I'm", "sorry,", "I'm so sorry,"),  # ends right before the handle
        ("That", "want.", "That sounds lonely; mail [email] if you want."),
        ("I'm", "@ren", "I'm so sorry, [handle]"),  # ends inside it: the whole placeholder
        ("ée_m.", "lonely;", "[handle]. That sounds lonely;"),  # starts inside it
        ("mail", "ana@mü", "mail [email]"),
    ],
)
def test_a_span_next_to_a_handle_covers_the_same_words(
    form: str, first: str, last: str, expected: str
) -> None:
    text = unicodedata.normalize(form, REPLY)
    start = text.index(unicodedata.normalize(form, first))
    end = text.index(unicodedata.normalize(form, last)) + len(unicodedata.normalize(form, last))
    out, moved = redact_with_spans(text, {"g": ({"start": start, "end": end, "text": ""},)})
    assert (
        out
        == redact(text)
        == ("I'm so sorry, [handle]. That sounds lonely; mail [email] if you want.")
    )
    (span,) = moved["g"]
    assert span["text"] == expected == out[span["start"] : span["end"]]


#: Words a reply is made of, and each one redacted (alone as in a sentence); the personal
#: ones hold accented letters in both forms and punctuation glued to them.
WORDS = {
    "I": "I",
    "hear": "hear",
    "you,": "you,",
    "sorry.": "sorry.",
    "café": "café",
    "cafe\u0301": "cafe\u0301",
    "Nguyê\u0303n": "Nguyê\u0303n",
    "(": "(",
    "\u2014": "\u2014",
    "@jane_doe": "[handle]",
    "@jane_doe,": "[handle],",
    "(@renée_m)": "([handle])",
    "@rene\u0301e_m.": "[handle].",
    "@Nguyê\u0303n!": "[handle]!",
    "@zoë.k@mastodon.social": "[handle]",
    "u/sam_r": "[handle]",
    "jose@cafe\u0301.fr": "[email]",
    "ana@münchen.de": "[email]",
    "ana@mu\u0308nchen.de;": "[email];",
    "mu\u0308nchen.de/kontakt": "[url]",
    "https://example.com/a?b=1": "[url]",
    "555-123-4567": "[phone]",
    "221B Baker Street": "[address]",
}


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(sorted(WORDS)), min_size=1, max_size=20),
    separators=st.lists(st.sampled_from([" ", "  ", "\n", " \n "]), min_size=19, max_size=19),
    cuts=st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=5),
)
def test_spans_of_whole_words_cover_the_same_words_after_redaction(
    words: list[str], separators: list[str], cuts: list[tuple[int, int]]
) -> None:
    """A span from the start of one word to the end of another covers, in the redacted text,
    exactly those words redacted: every placeholder whole, none cut, nothing glued on."""
    starts, ends, pieces, redacted = [], [], [], []
    position = 0
    for i, word in enumerate(words):
        sep = separators[i - 1] if i else ""
        starts.append(position + len(sep))
        ends.append(starts[-1] + len(word))
        position = ends[-1]
        pieces.append(sep + word)
        redacted.append(sep + WORDS[word])
    text = "".join(pieces)
    pairs = [(min(a, b), max(a, b)) for a, b in ((a % len(words), b % len(words)) for a, b in cuts)]
    spans = tuple({"start": starts[a], "end": ends[b], "text": ""} for a, b in pairs)
    out, moved = redact_with_spans(text, {"g": spans})
    assert out == redact(text) == "".join(redacted)
    for (a, b), span in zip(pairs, moved["g"], strict=True):
        expected = "".join(redacted[a : b + 1])[len(separators[a - 1]) if a else 0 :]
        assert span["text"] == expected == out[span["start"] : span["end"]]

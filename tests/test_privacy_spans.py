"""``redact_with_spans``: the text redacted exactly as ``redact`` does, spans moved onto it.

Found by the ``carelens serve --redact`` tests: a helper-distress span ending inside
"+44 20 7946 0958" cut the number in pieces that were each redacted on their own, and none
looked like a phone number, so the number stayed in the stored record (``carelens analyze
--redact`` had the same bug).
"""

from __future__ import annotations

from typing import Any

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

"""Hand-made records, a hypothesis strategy of ResponseRows and the name-finding helpers of
the insights tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from carelens.insights import ROW_DIMENSIONS, Insights, ResponseRow
from carelens.insights.anonymize import NamesInTexts
from carelens.taxonomy import RESPONSE_DIMENSIONS, STYLES

HELPERS = ("ana", "ben", "cleo", "dev")
COMMUNITIES = ("grief", "recovery")
#: The seeker's distress probabilities of a record at each level, by default.
DISTRESS_PROBABILITIES = ([0.7, 0.2, 0.1], [0.2, 0.7, 0.1], [0.1, 0.2, 0.7])


def record(
    rid: str,
    *,
    speaker: str | None = "ana",
    community: str | None = "grief",
    timestamp: str | None = "2024-03-05T10:00:00+00:00",
    style: str = "empathy",
    levels: dict[str, int] | None = None,
    distress: int | None = 1,
    distress_probabilities: list[float] | None = None,
    seeker_id: str | None = None,
    conversation_id: str = "c1",
    response: str | None = "It sounds lonely. What happened next?",
    seeker: str | None = "I lost my dad and I feel so alone.",
    flags: dict[str, float] | None = None,
    attention: bool = False,
    unsafe: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A result record as `carelens analyze` writes it (only what the insights read); the
    seeker's distress probabilities are ``distress_probabilities``, or favour ``distress``."""
    levels = {d: 0 for d in RESPONSE_DIMENSIONS} | (levels or {})
    out: dict[str, Any] = {
        "seeker_id": f"s-{rid}" if seeker_id is None else seeker_id,
        "response_id": rid,
        "conversation_id": conversation_id,
        "speaker": speaker,
        "timestamp": timestamp,
        "seeker_speaker": "op",
        "community": community,
    }
    for d, level in levels.items():
        out[d] = {"level": level, "probabilities": [0.2, 0.3, 0.5], "spans": []}
    out["flags"] = flags or {"advice": 0.1, "self_focus": 0.1}
    out["style"] = style
    out["seeker"] = {
        "distress": None
        if distress is None
        else {
            "level": distress,
            "probabilities": distress_probabilities or DISTRESS_PROBABILITIES[distress],
            "spans": [],
        },
        "crisis_cues": [],
        "needs_attention": attention,
        "resources": [],
    }
    if unsafe is not None:
        out["unsafe"] = unsafe
    out["seeker_text"] = seeker
    out["response_text"] = response
    out["model"] = "test-model"
    return out


@st.composite
def response_rows(draw: st.DrawFn) -> ResponseRow:
    """One random ResponseRow (levels, style, month, lengths, flags, distress)."""
    levels = {d: draw(st.integers(0, 2)) for d in ROW_DIMENSIONS}
    with_text = draw(st.booleans())
    month = draw(st.integers(1, 12))
    return ResponseRow(
        response_id=f"r{draw(st.integers(0, 10**6))}",
        helper=draw(st.sampled_from(HELPERS)),
        community=draw(st.sampled_from(COMMUNITIES)),
        style=draw(st.sampled_from(STYLES)),
        levels=levels,
        timestamp=draw(st.sampled_from([None, datetime(2024, month, 3, tzinfo=UTC)])),
        advice=draw(st.booleans()),
        self_focus=draw(st.booleans()),
        seeker_distress=draw(st.sampled_from([None, 0, 1, 2])),
        needs_attention=draw(st.booleans()),
        unsafe_reply=draw(st.booleans()),
        response_words=draw(st.integers(0, 300)) if with_text else None,
        seeker_words=draw(st.integers(0, 300)) if with_text else None,
        questions=draw(st.integers(0, 4)) if with_text else None,
        helper_distress=draw(st.sampled_from([None, 1.0, 3.5, 6.0])),
        helper_distress_high=draw(st.booleans()),
    )


def found_names(names: Sequence[str], text: str) -> list[tuple[str, str]]:
    """(the words found, the name whose pseudonym replaces them) in ``text``."""
    finder = NamesInTexts(names, lambda n: f"<{n}>")
    return [(text[a:b], p[1:-1]) for a, b, p in finder.find(text)]


def mentioned(speaker: str, response: str, **more: Any) -> tuple[str, str]:
    """(pseudonym, anonymized response text) of one record by ``speaker``."""
    (row,) = Insights.from_records(
        [record("r1", speaker=speaker, response=response, **more)], anonymize=True, key="k"
    ).rows
    assert row.response_text is not None
    return row.helper, row.response_text

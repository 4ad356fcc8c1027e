"""``--anonymize`` for the insights: stable pseudonyms for people, personal data redacted.

Speaker names (helpers and seekers) become stable pseudonyms (the same name always gets
the same pseudonym under the same key, see :class:`carelens.privacy.Pseudonymizer`), and
emails, phone numbers, URLs, @handles and street addresses in the displayed texts are
replaced by placeholders (:func:`carelens.privacy.redact`). Rationale spans are kept: each
stretch of text between span boundaries is redacted on its own and the offsets are moved
to the redacted text, so a highlighted phrase stays highlighted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

from carelens.insights.rows import UNKNOWN, ResponseRow
from carelens.privacy import Pseudonymizer, redact


def redact_with_spans(
    text: str, span_groups: Mapping[str, Sequence[Mapping[str, Any]]]
) -> tuple[str, dict[str, tuple[dict[str, Any], ...]]]:
    """``text`` redacted, and every group of spans moved to offsets in the redacted text."""
    cuts = sorted(
        {0, len(text)}
        | {
            min(max(int(s[k]), 0), len(text))
            for spans in span_groups.values()
            for s in spans
            for k in ("start", "end")
        }
    )
    moved: dict[int, int] = {}
    pieces: list[str] = []
    position = 0
    for a, b in pairwise(cuts):
        moved[a] = position
        piece = redact(text[a:b])
        pieces.append(piece)
        position += len(piece)
    moved[len(text)] = position
    out = "".join(pieces)
    groups: dict[str, tuple[dict[str, Any], ...]] = {}
    for name, spans in span_groups.items():
        new = []
        for s in spans:
            start = moved[min(max(int(s["start"]), 0), len(text))]
            end = moved[min(max(int(s["end"]), 0), len(text))]
            item = {**s, "start": start, "end": end}
            if "text" in item:
                item["text"] = out[start:end]
            new.append(item)
        groups[name] = tuple(new)
    return out, groups


def anonymize_row(row: ResponseRow, names: Pseudonymizer) -> ResponseRow:
    """``row`` with pseudonymous speakers and redacted texts (spans moved along)."""
    helper = row.helper if row.helper == UNKNOWN else names.pseudonym(row.helper) or UNKNOWN
    seeker = None if row.seeker_speaker is None else names.pseudonym(row.seeker_speaker)
    response_text, spans = row.response_text, dict(row.spans)
    distress_spans = row.distress_spans
    if response_text is not None:
        groups = {**spans, "__distress__": distress_spans}
        response_text, moved = redact_with_spans(response_text, groups)
        distress_spans = moved.pop("__distress__")
        spans = dict(moved)
    seeker_text = None if row.seeker_text is None else redact(row.seeker_text)
    return replace(
        row,
        helper=helper,
        seeker_speaker=seeker,
        response_text=response_text,
        seeker_text=seeker_text,
        spans=spans,
        distress_spans=distress_spans,
    )

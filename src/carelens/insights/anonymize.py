"""``--anonymize`` for the insights: stable pseudonyms for people, personal data redacted.

Speaker names (helpers and seekers) become stable pseudonyms (the same name always gets
the same pseudonym under the same key, see :class:`carelens.privacy.Pseudonymizer`), and
emails, phone numbers, URLs, @handles and street addresses in the displayed texts are
replaced by placeholders (:func:`carelens.privacy.redact`). Rationale spans are kept: each
stretch of text between span boundaries is redacted on its own and the offsets are moved
to the redacted text, so a highlighted phrase stays highlighted.
"""

from __future__ import annotations

from dataclasses import replace

from carelens.insights.rows import UNKNOWN, ResponseRow
from carelens.privacy import Pseudonymizer, redact, redact_with_spans


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

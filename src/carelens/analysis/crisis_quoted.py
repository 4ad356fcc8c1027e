"""Quotations of someone else's words in a seeker message, for whose risk a crisis cue tells.

:func:`quoted_from_others` finds them ('My sister texted me "I want to die"', '"I want to
kill myself," my brother said', 'My son wrote in his diary "I want to kill myself"'): a crisis
cue inside one tells of that person's risk, not the seeker's
(:mod:`carelens.analysis.crisis_feedback`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from carelens.analysis.quoted_speech import quoted_speech
from carelens.analysis.reported_speech import SPEECH_VERBS, reported_quotes, reporter
from carelens.analysis.words import TOKEN, plain

#: A report of someone's words with where they were written or said between the verb and the
#: quotation ('My son wrote in his diary "..."', 'she keeps posting on her story "..."'), or
#: one that posts them ('My daughter posted "..."'), up to its opening mark: the reports that
#: :func:`carelens.analysis.reported_speech.reported_quotes` reads are right before the
#: quotation.
_REPORT_SOMEWHERE = re.compile(
    rf"\b(?P<verb>{SPEECH_VERBS}|post|posts|posted|posting)(?:\s+(?P<to>me|us|him|her|them))?"
    r"(?:\s+(?:in|on|into|over|via|at|to|from)\s+(?:[\w'\u2019]+\s+){0,3}?[\w'\u2019]+)?"
    r"(?:\s+(?:that|like))?\s*[:,\-\u2013\u2014]?\s*(?=[\"'\u2018\u2019\u201c\u201d])",
    re.IGNORECASE,
)


def quoted_from_others(seeker: str) -> list[tuple[int, int]]:
    """Start and end (the two marks) of each quotation in ``seeker`` of someone else's words
    that a report frames ('My sister texted me "I want to die"', '"I want to kill myself,"
    my brother said', 'My son wrote in his diary "I want to kill myself"'), in order: a cue
    inside tells of their risk, not the seeker's. The seeker quoting their own words ('I told
    him "I want to die"') or a quotation no report frames ('I keep thinking "I want to die"')
    is not one. Reports right before or after a quotation are read as feelings reads them
    (:func:`carelens.analysis.reported_speech.reported_quotes`), the others with
    :data:`_REPORT_SOMEWHERE` and the same reading of whose words they are."""
    quotes, _ = quoted_speech(seeker)
    if not quotes:
        return []
    tokens = list(TOKEN.finditer(seeker))
    words = [plain(token.group(0)) for token in tokens]
    others = set(reported_quotes(seeker, tokens, words, range(len(tokens))))
    framed = {start for start, _ in others}  # read already
    unread = {start: end for start, end in quotes if start not in framed}
    starts = [token.start() for token in tokens]
    for report in _REPORT_SOMEWHERE.finditer(seeker):
        if (end := unread.get(report.end())) is not None:
            verb = bisect_right(starts, report.start("verb")) - 1
            if reporter(tokens, words, verb, (report.group("to") or "").lower()) == "other":
                others.add((report.end(), end))
    return sorted(others)

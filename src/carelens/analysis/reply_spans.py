"""The stretches of a helper's reply that a list of patterns finds, collected one way for the
readers of dismissal (:mod:`carelens.analysis.reply_putdowns`,
:mod:`carelens.analysis.reply_reproach`, :mod:`carelens.analysis.reply_grudging`,
:mod:`carelens.analysis.reply_blame`, :mod:`carelens.analysis.reply_brushoffs`).

Each of them reads the reply with curly apostrophes made straight (:func:`straight`), skips
it cheaply when its lower-cased text holds none of the words the patterns need, and gives
the start and end of every match in order, without the white space at its start (and, for
all but the put-downs, at its end: :func:`match_spans`). The words a reader needs are
either one gate for all its patterns (:func:`gated_spans`) or some for each pattern
(:func:`needled_spans`, which also leaves out the matches a test rules out: told as the
seeker's own fear, say).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def straight(response: str) -> str:
    """``response`` with curly apostrophes (U+2019, common from phones) made straight, as the
    patterns are written; the length and every position stay the same. (Only U+2019: the
    callers straighten the other marks of :func:`carelens.text.straight_apostrophes` before,
    where they need them.)"""
    return response.replace("\u2019", "'")


def match_spans(
    pattern: re.Pattern[str], text: str, *, keep_end_space: bool = False
) -> Iterator[tuple[int, int]]:
    """Start and end of each match of ``pattern`` in ``text``, in the order found, the white
    space at its start left out, and that at its end too unless ``keep_end_space`` (the
    put-downs keep it); none for a match of white space alone."""
    for match in pattern.finditer(text):
        words = match.group(0)
        start = match.start() + len(words) - len(words.lstrip())
        end = match.end() if keep_end_space else start + len(words.strip())
        if end > start:
            yield start, end


def gated_spans(
    response: str,
    gate: re.Pattern[str],
    patterns: Iterable[re.Pattern[str]],
    *,
    keep_end_space: bool = False,
) -> list[tuple[int, int]]:
    """The spans of all ``patterns`` in ``response`` (:func:`match_spans`), sorted; none
    where its lower-cased text holds nothing ``gate`` finds (most replies: lower-cased text
    is searched faster than with ``re.IGNORECASE``)."""
    text = straight(response)
    if gate.search(text.lower()) is None:
        return []
    return sorted(
        span
        for pattern in patterns
        for span in match_spans(pattern, text, keep_end_space=keep_end_space)
    )


def needled_spans(
    response: str,
    patterns: Iterable[tuple[re.Pattern[str], re.Pattern[str]]],
    unless: Callable[[str, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """The spans of each pattern of ``patterns`` (pairs of the words it needs, searched in
    the lower-cased reply, and the pattern) in ``response`` (:func:`match_spans`), sorted; a
    pattern whose words the reply lacks is not tried, and a span ``unless`` rules out (given
    the straightened reply and the span's start) is left out."""
    text = straight(response)
    low = text.lower()
    return sorted(
        span
        for needles, pattern in patterns
        if needles.search(low) is not None
        for span in match_spans(pattern, text)
        if unless is None or not unless(text, span[0])
    )

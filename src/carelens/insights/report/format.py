"""HTML building blocks of the report: escaping, number formatting, marked text and cards.

Every piece of data text reaches the page through :func:`esc` (or :func:`highlight_spans`,
which escapes too); a value shown inline in running text (a helper, community or topic name,
an id) goes through :func:`bdi`, so that a right-to-left name keeps its place in the line.
:func:`as_number` reads a table value as a number (None for missing, NaN included) and
:func:`fmt` / :func:`num_cell` write it in one of the page's formats (``int``, ``pct``,
``slope``: :func:`slope_text`, as ``summarize`` prints one, ``words``, ``level``/``ratio``).
:func:`response_card` shows one response in full, with the rationale spans of a dimension
(or its distress spans) marked.
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from itertools import chain
from typing import Any

from carelens.insights.rows import ResponseRow
from carelens.taxonomy import EMPATHY_PARTS

DASH = "\u2013"


#: Control characters, which have no place in an HTML page (tab and line ends excepted).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): a U+202E in a name would reverse
#: the text after it. LRM, RLM and ALM stay: marks without a scope, they cannot leak.
_EMBEDDING = re.compile("[\u202a-\u202e]")
#: The line and paragraph separators, which are line ends.
_SEPARATOR = re.compile("[\u2028\u2029]")
_ISOLATES = re.compile("[\u2066-\u2069]")
#: Isolate initiators (LRI, RLI, FSI), their PDI, and the line ends that close them (the
#: other paragraph separators are line ends or U+FFFD by then).
_OPENERS, _PDI, _LINE_ENDS = "\u2066\u2067\u2068", "\u2069", "\n\r"


def _unmatched_isolates(text: str) -> str:
    """``text`` with each isolate character that has no partner on its line as U+FFFD: an
    open one would isolate the text after it, a lone PDI could close an isolate around it.
    Matched pairs stay (they reorder nothing outside themselves)."""
    chars = list(text)
    open_at: list[int] = []
    for i, c in enumerate(chars):
        if c in _OPENERS:
            open_at.append(i)
        elif c == _PDI:
            if open_at:
                open_at.pop()
            else:
                chars[i] = "\ufffd"
        elif c in _LINE_ENDS:
            for j in open_at:
                chars[j] = "\ufffd"
            open_at.clear()
    for j in open_at:
        chars[j] = "\ufffd"
    return "".join(chars)


def scrub(text: str) -> str:
    """``text`` safe to lay out, character for character (offsets into it hold): control
    characters, bidi embeddings and overrides and unmatched isolates as U+FFFD, the line and
    paragraph separators as line ends."""
    text = _EMBEDDING.sub("\ufffd", _CONTROL.sub("\ufffd", text))
    text = _SEPARATOR.sub("\n", text)
    if any(c in text for c in _OPENERS + _PDI):
        text = _unmatched_isolates(text)
    return text


def esc(text: object) -> str:
    """``text`` HTML-escaped, control characters (a NUL, an escape sequence in a name from
    the data), bidi embeddings and overrides and unmatched isolates shown as U+FFFD (see
    :func:`scrub`)."""
    return html.escape(scrub(str(text)), quote=True)


def bdi(text: object) -> str:
    """``text`` escaped in a ``<bdi>``: a value from the data (a name, an id) in running text,
    whose direction (a Hebrew name, say) cannot reorder the text around it."""
    return f"<bdi>{esc(text)}</bdi>"


def isolated(text: object) -> str:
    """``text`` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: the
    plain-text :func:`bdi`, for a name in text that cannot hold markup (a chart's title, a
    tooltip), escaped later by :func:`esc`, which keeps the pair. Isolate characters in
    ``text`` itself are shown as U+FFFD, so none can close the pair early."""
    return f"\u2068{_ISOLATES.sub(chr(0xFFFD), str(text))}\u2069"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, in the plural (``many``, default ``word + "s"``) unless n is 1."""
    return f"{n:,} {noun(n, word, many)}"


def noun(n: int, word: str, many: str | None = None) -> str:
    """``word`` as it goes with a count of ``n``: in the plural (``many``, default
    ``word + "s"``) unless n is 1 (for a count shown apart from its noun)."""
    return word if n == 1 else many or word + "s"


def month_span(first: str, last: str) -> str:
    """A range of months, or the one month when they are the same."""
    return first if first == last else f"{first} {DASH} {last}"


def as_number(v: object) -> float | int | None:
    """A table value as a number; None for missing (pandas writes NaN for None)."""
    if v is None:
        return None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if isinstance(v, numbers.Integral):
        return int(v)
    if isinstance(v, numbers.Real):
        f = float(v)
        return None if math.isnan(f) else f
    return None


#: The places a trend slope is shown to (the report and ``summarize`` alike).
SLOPE_PLACES = Decimal("0.001")


def slope_text(slope: float) -> str:
    """A trend slope as the pages and ``summarize`` show it: signed, to three decimals, cut
    toward zero rather than rounded, so that a slope never reads as steeper than it is:
    ``-0.0996`` is ``-0.099``, never ``-0.100``, which would read as reaching the
    falling-empathy threshold (``-0.1``) that it does not reach; ``-0.1`` is ``-0.100``. The
    slope is cut as Python writes it (``repr``: ``0.3``, not the float's ``0.2999...``).
    No slope reads ``-0.000``: a flat one is ``0.000``."""
    cut = Decimal(repr(float(slope))).quantize(SLOPE_PLACES, rounding=ROUND_DOWN)
    text = f"{cut:+.3f}"
    return "0.000" if text in ("+0.000", "-0.000") else text


def fmt(v: float | int | None, kind: str) -> str:
    if v is None:
        return DASH
    if kind == "int":
        return f"{int(v):,}"
    if kind == "pct":
        return f"{v:.0%}"
    if kind == "slope":
        return slope_text(v)
    if kind == "words":
        return f"{v:.1f}"
    return f"{v:.2f}"


def num_cell(v: float | int | None, kind: str) -> str:
    data = "" if v is None else repr(v)
    return f'<td class="num" data-value="{data}">{fmt(v, kind)}</td>'


def highlight_spans(text: str, spans: Iterable[Mapping[str, Any]], *, css_class: str) -> str:
    """``text`` HTML-escaped, with the ``spans`` (``start``/``end`` offsets) in ``<mark>``.

    Offsets are clamped to the text; overlapping or touching spans are merged into one mark;
    spans without valid offsets are skipped.
    """
    ranges: list[tuple[int, int]] = []
    for span in spans:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        start, end = max(start, 0), min(end, len(text))
        if start < end:
            ranges.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    # Scrubbed whole (it keeps offsets), so that an isolate pair around a mark stays a pair.
    text = scrub(text)
    out: list[str] = []
    position = 0
    for start, end in merged:
        out.append(html.escape(text[position:start]))
        out.append(f'<mark class="{esc(css_class)}">{html.escape(text[start:end])}</mark>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def dimension_spans(row: ResponseRow, dimension: str) -> tuple[Mapping[str, Any], ...]:
    spans = tuple(row.spans.get(dimension, ()))
    if dimension == "empathy" and not spans:
        spans = tuple(chain.from_iterable(row.spans.get(p, ()) for p in EMPATHY_PARTS))
    return spans


def as_float(v: object) -> float | None:
    value = as_number(v)
    return None if value is None else float(value)


def card(value: str, label: str, *, small: bool = False) -> str:
    return (
        f'<div class="card"><span class="value{" small" if small else ""}">{value}</span>'
        f'<span class="label">{label}</span></div>'
    )


def response_card(
    row: ResponseRow,
    anchor: str,
    *,
    name: str,
    dimension: str | None,
    css_class: str,
    distress: bool = False,
) -> str:
    """``row`` in full as an ``<article>`` with the id ``anchor``, named ``name`` (HTML, see
    :mod:`.names`): who, where, when, its levels (a dash for a dimension the results lack),
    the text with the spans of ``dimension`` (or, with ``distress``, the helper's own
    distress) marked, and the seeker message. The texts are laid out in their own direction
    (``dir="auto"``: Hebrew or Arabic right to left)."""
    # A dimension the results lack (an older carelens scored only the EPITOME three) is
    # unknown: a dash, as elsewhere on the page, never level 0.
    levels = ", ".join(
        f"{d} {row.levels.get(d, DASH)}"
        for d in ("empathy", "sympathy", "compassion", "dismissive")
    )
    # Each value in a <bdi>: a Hebrew helper and community would otherwise swap places
    # with the month between them.
    meta = [
        f"response {name}",
        f"helper {bdi(row.helper)}",
        bdi(row.community),
    ]
    if row.month:
        meta.append(row.month)
    meta.append(f"style {bdi(row.style)}")
    meta.append(f"levels: {levels}")
    if row.response_text is None:
        body = '<p class="muted">(the results carry no text for this response)</p>'
    else:
        spans: Sequence[Mapping[str, Any]] = ()
        if distress:
            spans = row.distress_spans
        elif dimension is not None:
            spans = dimension_spans(row, dimension)
        body = (
            f'<blockquote class="text" dir="auto">'
            f"{highlight_spans(row.response_text, spans, css_class=css_class)}</blockquote>"
        )
    seeker = ""
    if row.seeker_text:
        seeker = (
            "<details><summary>Seeker message"
            + (" (high distress)" if row.seeker_distress == 2 else "")
            + f'</summary><blockquote class="text" dir="auto">{esc(row.seeker_text)}</blockquote>'
            + "</details>"
        )
    return (
        f'<article class="response" id="{anchor}"><div class="meta">{" · ".join(meta)}</div>'
        f"{body}{seeker}</article>"
    )

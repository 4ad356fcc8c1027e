"""HTML building blocks of the report: escaping, number formatting, marked text and cards.

Every piece of data text reaches the page through :func:`esc` (or :func:`highlight_spans`,
which escapes too). :func:`as_number` reads a table value as a number (None for missing,
NaN included) and :func:`fmt` / :func:`num_cell` write it in one of the page's formats
(``int``, ``pct``, ``slope``, ``words``, ``level``/``ratio``). :func:`response_card` shows one
response in full, with the rationale spans of a dimension (or its distress spans) marked.
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from carelens.insights.rows import ResponseRow
from carelens.taxonomy import EMPATHY_PARTS

DASH = "\u2013"


#: Control characters, which have no place in an HTML page (tab and line ends excepted).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def esc(text: object) -> str:
    """``text`` HTML-escaped, control characters (a NUL, an escape sequence in a name from
    the data) shown as U+FFFD."""
    return html.escape(_CONTROL.sub("\ufffd", str(text)), quote=True)


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


def fmt(v: float | int | None, kind: str) -> str:
    if v is None:
        return DASH
    if kind == "int":
        return f"{int(v):,}"
    if kind == "pct":
        return f"{v:.0%}"
    if kind == "slope":
        text = f"{v:+.2f}"
        return "0.00" if text in ("+0.00", "-0.00") else text
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
    out: list[str] = []
    position = 0
    for start, end in merged:
        out.append(esc(text[position:start]))
        out.append(f'<mark class="{esc(css_class)}">{esc(text[start:end])}</mark>')
        position = end
    out.append(esc(text[position:]))
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
    :mod:`.names`): who, where, when, its levels, the text with the spans of ``dimension``
    (or, with ``distress``, the helper's own distress) marked, and the seeker message. The
    texts are laid out in their own direction (``dir="auto"``: Hebrew or Arabic right to
    left)."""
    levels = ", ".join(
        f"{d} {row.levels.get(d, 0)}" for d in ("empathy", "sympathy", "compassion", "dismissive")
    )
    meta = [
        f"response {name}",
        f"helper {esc(row.helper)}",
        esc(row.community),
    ]
    if row.month:
        meta.append(row.month)
    meta.append(f"style {esc(row.style)}")
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

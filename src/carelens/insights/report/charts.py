"""Inline SVG charts for the offline report, drawn in Python with no dependencies.

Four chart kinds cover the report: :func:`stacked_bars` (one 100 % horizontal bar per group,
e.g. the style distribution per community), :func:`grouped_bars` (horizontal bars per
category and series, e.g. the mean level per dimension per community), :func:`line_chart`
(monthly series with gaps where a month has no responses) and :func:`stacked_columns`
(one 100 % column per month). Every chart is an ``<svg role="img">`` labelled by its own
``<title>`` and ``<desc>``; every data mark carries ``class="mark"`` and a ``<title>`` with
its numbers, which browsers show on hover. Screen readers take a chart as one image, so the
monthly charts, whose description cannot hold every figure, come with a table of them
(:func:`line_figures`, :func:`column_figures`; a long run of months without responses is one
row there, :data:`MIN_EMPTY_RUN`). Colours are the Okabe-Ito palette (readable
with the common colour-vision deficiencies); lines and the group series are drawn in darker
shades of it where it is too light (:func:`darkened`: 3:1 against the plot, as WCAG asks of
graphics), lines also differ by dash pattern, and labels inside bars pick black or white
text, whichever contrasts more, and name the style where the bar has room. All text is
HTML-escaped here, so callers pass plain strings.

A chart drawn at a fixed width would shrink on a phone until its text is unreadable, so
:func:`responsive` draws one twice: at the page's width for wide windows and at
:data:`NARROW` for phones (horizontal bars then put their labels above the bar), and the
report's CSS shows the one that fits (:data:`NARROW_MEDIA`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from carelens.insights.report.format import DASH, isolated
from carelens.insights.report.format import esc as _esc

#: Colour of each style headline (Okabe-Ito; "other" is a neutral grey).
STYLE_COLOURS: Mapping[str, str] = {
    "dismissive": "#D55E00",
    "compassion": "#009E73",
    "empathy": "#0072B2",
    "sympathy": "#CC79A7",
    "advice": "#E69F00",
    "other": "#BBBBBB",
}
#: Colour of each dimension when it is drawn as a series of its own.
DIMENSION_COLOURS: Mapping[str, str] = {
    "empathy": "#0072B2",
    "sympathy": "#CC79A7",
    "compassion": "#009E73",
    "dismissive": "#D55E00",
    "emotional_reaction": "#56B4E9",
    "interpretation": "#0072B2",
    "exploration": "#E69F00",
    "reflection": "#000000",
}
#: The background of the line charts' plot area.
PLOT_BACKGROUND = "#fafafa"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    low, high = sorted((_luminance(first), _luminance(second)))
    return (high + 0.05) / (low + 0.05)


def darkened(colour: str, against: str = PLOT_BACKGROUND, ratio: float = 3.0) -> str:
    """``colour`` (``#rrggbb``) with its channels scaled down in steps of 1 %, which keeps
    its hue, until it has ``ratio`` contrast with the light ``against``; a colour that has
    it already comes back as it is. The palette's light colours (orange, sky blue, yellow:
    about 2:1 on white) would leave a line or bar hard to tell from the page (WCAG 1.4.11)."""
    if contrast(colour, against) >= ratio:
        return colour
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    for step in range(1, 100):
        shade = "#" + "".join(f"{round(c * (100 - step) / 100):02X}" for c in rgb)
        if contrast(shade, against) >= ratio:
            return shade
    return "#000000"


#: Colours for series that are groups (communities), in order: the Okabe-Ito palette, its
#: light colours :func:`darkened` (orange, reddish purple, sky blue and yellow, for bars on
#: white).
SERIES_COLOURS: tuple[str, ...] = tuple(
    darkened(c)
    for c in (
        "#0072B2",
        "#E69F00",
        "#009E73",
        "#CC79A7",
        "#56B4E9",
        "#D55E00",
        "#000000",
        "#F0E442",
    )
)
#: Dash patterns for line series, so lines differ by more than colour.
DASHES: tuple[str, ...] = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")

_LABEL_CHARS = 24
#: The width phones get their charts drawn at (a 390 px screen less the page's margins).
NARROW = 360
#: Horizontal bars narrower than this put each label above its bar, not beside it.
_LABELS_ABOVE_BELOW = 480
#: The windows that show the narrow drawing of a chart instead of the wide one.
NARROW_MEDIA = "(max-width:640px)"
#: Which windows show a drawing: every one, only wide ones, or only phones.
Shown = Literal["always", "wide", "narrow"]


def _short(label: str, limit: int = _LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "\u2026"


def text_on(colour: str) -> str:
    """Black or white, whichever contrasts more with the ``#rrggbb`` ``colour``."""
    lum = _luminance(colour)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def series_colour(index: int) -> str:
    """The colour of the ``index``-th group series."""
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def _open(chart_id: str, width: float, height: float, title: str, desc: str, shown: Shown) -> str:
    css = "chart" if shown == "always" else f"chart only-{shown}"
    return (
        f'<svg class="{css}" id="{_esc(chart_id)}" role="img" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" aria-labelledby="{_esc(chart_id)}-t '
        f'{_esc(chart_id)}-d">'
        f'<title id="{_esc(chart_id)}-t">{_esc(title)}</title>'
        f'<desc id="{_esc(chart_id)}-d">{_esc(desc)}</desc>'
    )


def _pct(value: float) -> str:
    return f"{value:.0%}"


def responsive(draw: Callable[..., str], width: int, next_id: Callable[[], str]) -> str:
    """``draw`` (a chart function with its data bound) at ``width`` for wide windows and at
    :data:`NARROW` for phones, each with an id from ``next_id``; CSS shows one of them."""
    return draw(width=width, chart_id=next_id(), shown="wide") + draw(
        width=NARROW, chart_id=next_id(), shown="narrow"
    )


def _axis_anchor(x: float, left: float, right: float) -> str:
    """A tick label's text-anchor: kept inside the chart at its edges."""
    return "start" if x - left < 12 else "end" if right - x < 12 else "middle"


def legend(items: Sequence[tuple[str, str]], *, dashed: bool = False) -> str:
    """An HTML legend: (label, colour) pairs as swatches (with ``dashed``, samples of the
    lines of :func:`line_chart`: its dash patterns, in its :func:`darkened` colours)."""
    parts = ['<ul class="legend">']
    for i, (label, colour) in enumerate(items):
        if dashed:
            dash = DASHES[i % len(DASHES)]
            swatch = (
                '<svg class="swatch-line" width="28" height="10" aria-hidden="true">'
                f'<line x1="1" y1="5" x2="27" y2="5" stroke="{darkened(colour)}" '
                'stroke-width="2.5" '
                f'stroke-dasharray="{dash}"/></svg>'
            )
        else:
            swatch = f'<span class="swatch" style="background:{colour}"></span>'
        parts.append(f"<li>{swatch}<bdi>{_esc(label)}</bdi></li>")
    parts.append("</ul>")
    return "".join(parts)


#: Width (px) a character of a label inside a bar takes at most (12 px text in the widest
#: common sans-serif fonts), the room a label leaves free at each end, and the narrowest
#: segment that shows its share.
_CHAR_W, _PAD, _SHARE_ROOM = 7.7, 4.0, 34.0


def _in_bar_label(key: str, share: float, room: float) -> str:
    """The label inside a bar segment ``room`` wide: the key and its share where both fit
    (colour is then not the only way to tell the segments apart), else the share alone,
    else nothing."""
    named = f"{key} {_pct(share)}"
    if len(named) * _CHAR_W + 2 * _PAD <= room:
        return named
    return _pct(share) if room >= _SHARE_ROOM else ""


def stacked_bars(
    bars: Sequence[tuple[str, Mapping[str, int]]],
    keys: Sequence[str],
    colours: Mapping[str, str],
    *,
    chart_id: str,
    title: str,
    width: int = 720,
    shown: Shown = "always",
) -> str:
    """One horizontal 100 % bar per (label, counts per key); bars with no counts are empty.
    Below 480 wide each label and its count go on a line above the bar."""
    above = width < _LABELS_ABOVE_BELOW
    label_w, right_w, label_h = (0, 0, 16) if above else (170, 70, 0)
    bar_h, gap, top = 24, 10, 6
    plot_w = width - label_w - right_w
    row_h = label_h + bar_h + gap
    height = top + len(bars) * row_h + 22
    desc = "; ".join(
        f"{label}: "
        + ", ".join(f"{k} {_pct(counts.get(k, 0) / total)}" for k in keys if counts.get(k, 0))
        for label, counts in bars
        if (total := sum(counts.get(k, 0) for k in keys))
    )
    out = [_open(chart_id, width, height, title, desc or "no responses", shown)]
    for i, (label, counts) in enumerate(bars):
        y = top + i * row_h + label_h
        total = sum(counts.get(k, 0) for k in keys)
        if above:
            out.append(
                f'<text x="0" y="{y - label_h / 2 - 1:g}" dominant-baseline="central">'
                f"<title>{_esc(label)}</title>{_esc(_short(label, 34))}</text>"
                f'<text x="{width}" y="{y - label_h / 2 - 1:g}" text-anchor="end" '
                f'dominant-baseline="central" class="muted">n={total:,}</text>'
            )
        else:
            out.append(
                f'<text x="{label_w - 8}" y="{y + bar_h / 2:g}" text-anchor="end" '
                f'dominant-baseline="central"><title>{_esc(label)}</title>'
                f"{_esc(_short(label))}</text>"
            )
        out.append(
            f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#f1f1f1"/>'
        )
        x = float(label_w)
        for k in keys:
            count = counts.get(k, 0)
            if not count or not total:
                continue
            w = plot_w * count / total
            colour = colours.get(k, "#888888")
            out.append(
                f'<rect class="mark" x="{x:.2f}" y="{y}" width="{w:.2f}" height="{bar_h}" '
                f'fill="{colour}"><title>{_esc(isolated(label))}: {_esc(k)} {_pct(count / total)} '
                f"({count:,} of {total:,})</title></rect>"
            )
            in_bar = _in_bar_label(k, count / total, w)
            if in_bar:
                out.append(
                    f'<text class="in-bar" x="{x + w / 2:.2f}" y="{y + bar_h / 2:g}" '
                    f'text-anchor="middle" dominant-baseline="central" '
                    f'fill="{text_on(colour)}" aria-hidden="true">{_esc(in_bar)}</text>'
                )
            x += w
        if not above:
            out.append(
                f'<text x="{label_w + plot_w + 6}" y="{y + bar_h / 2:g}" '
                f'dominant-baseline="central" class="muted">n={total:,}</text>'
            )
    axis_y = top + len(bars) * row_h
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + plot_w * tick
        anchor = _axis_anchor(x, 0, width)
        out.append(
            f'<text x="{x:.1f}" y="{axis_y + 10}" text-anchor="{anchor}" class="muted">'
            f"{_pct(tick)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def grouped_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float | None]]],
    *,
    chart_id: str,
    title: str,
    max_value: float,
    width: int = 720,
    shown: Shown = "always",
) -> str:
    """Horizontal bars: per category, one bar per (name, colour, values) series. Below 480
    wide each category's name goes on a line above its bars."""
    above = width < _LABELS_ABOVE_BELOW
    label_w, right_w, label_h = (0, 40, 16) if above else (150, 50, 0)
    bar_h, gap, top = 12, 12, 4
    plot_w = width - label_w - right_w
    block = label_h + len(series) * bar_h + gap
    height = top + len(categories) * block + 26
    desc = "; ".join(
        f"{cat}: "
        + ", ".join(f"{name} {v:.2f}" for name, _, values in series if (v := values[i]) is not None)
        for i, cat in enumerate(categories)
    )
    out = [_open(chart_id, width, height, title, desc, shown)]
    scale = plot_w / max_value if max_value > 0 else 0.0
    grid_bottom = top + len(categories) * block
    for tick in _ticks(max_value):
        x = label_w + tick * scale
        anchor = _axis_anchor(x, 0, width)
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{grid_bottom - gap / 2:g}" '
            f'class="grid"/><text x="{x:.1f}" y="{grid_bottom + 8}" text-anchor="{anchor}" '
            f'class="muted">{tick:g}</text>'
        )
    for i, cat in enumerate(categories):
        y0 = top + i * block + label_h
        if above:
            out.append(
                f'<text x="0" y="{y0 - label_h / 2:g}" dominant-baseline="central">'
                f"{_esc(cat)}</text>"
            )
        else:
            out.append(
                f'<text x="{label_w - 8}" y="{y0 + len(series) * bar_h / 2:g}" '
                f'text-anchor="end" dominant-baseline="central">{_esc(cat)}</text>'
            )
        for j, (name, colour, values) in enumerate(series):
            value = values[i]
            y = y0 + j * bar_h
            if value is None:
                continue
            w = max(value * scale, 0.0)
            out.append(
                f'<rect class="mark" x="{label_w}" y="{y + 1}" width="{max(w, 1.0):.2f}" '
                f'height="{bar_h - 2}" fill="{colour}"><title>{_esc(isolated(name))}: {_esc(cat)} '
                f"{value:.2f}</title></rect>"
                f'<text x="{label_w + w + 4:.2f}" y="{y + bar_h / 2:g}" '
                f'dominant-baseline="central" class="small muted" aria-hidden="true">'
                f"{value:.2f}</text>"
            )
    out.append("</svg>")
    return "".join(out)


def _ticks(max_value: float) -> list[float]:
    step = 0.5 if max_value > 1 else 0.25 if max_value > 0.5 else 0.1
    count = math.floor(max_value / step + 1e-9)
    return [round(k * step, 4) for k in range(count + 1)]


def nice_max(values: Sequence[float | None], *, cap: float = 2.0, step: float = 0.5) -> float:
    """The smallest multiple of ``step`` at or above every value (at least ``step``, at most
    ``cap``)."""
    top = max((v for v in values if v is not None), default=0.0)
    return min(cap, max(step, math.ceil(top / step - 1e-9) * step))


def _month_number(month: str) -> int:
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def _month_name(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def month_range(months: Sequence[str]) -> list[str]:
    """Every calendar month from the first to the last of ``months`` (``YYYY-MM``)."""
    if not months:
        return []
    numbers = [_month_number(m) for m in months]
    return [_month_name(n) for n in range(min(numbers), max(numbers) + 1)]


#: Room right of the last month of a monthly chart for the rest of its centred label (half a
#: ``YYYY-MM`` label at 12 px is about 25 px in the widest common sans-serif fonts).
_MONTH_LABEL_ROOM = 30


def _label_every(n: int, room: float) -> int:
    return max(1, math.ceil(n * 52 / max(room, 1.0)))


def line_chart(
    months: Sequence[str],
    series: Sequence[tuple[str, str, Mapping[str, float | None]]],
    *,
    chart_id: str,
    title: str,
    y_max: float,
    counts: Mapping[str, int] | None = None,
    width: int = 720,
    height: int = 240,
    shown: Shown = "always",
) -> str:
    """Monthly lines: each (name, colour, value per month) series over the calendar ``months``.

    A month missing from a series breaks its line; ``counts`` (responses per month) goes
    into the hover titles. Each line is drawn in its colour :func:`darkened` (3:1 on the
    plot), as :func:`legend` draws its sample with ``dashed``.
    """
    left, right, top, bottom = 44, _MONTH_LABEL_ROOM, 12, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(months)
    step = plot_w / (n - 1) if n > 1 else 0.0

    def x_of(i: int) -> float:
        return left + (i * step if n > 1 else plot_w / 2)

    def y_of(v: float) -> float:
        return top + plot_h * (1 - min(max(v / y_max, 0.0), 1.0)) if y_max > 0 else top + plot_h

    desc_parts = []
    for name, _, values in series:
        known = [(m, v) for m in months if (v := values.get(m)) is not None]
        if known:
            desc_parts.append(
                f"{name}: {known[0][1]:.2f} in {known[0][0]} to {known[-1][1]:.2f} in "
                f"{known[-1][0]}"
            )
    desc = "Mean level per month, 0 none to 2 strong. " + "; ".join(desc_parts)
    out = [_open(chart_id, width, height, title, desc, shown)]
    out.append(
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="{PLOT_BACKGROUND}"/>'
    )
    for tick in _ticks(y_max):
        y = y_of(tick)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="central" '
            f'class="muted">{tick:g}</text>'
        )
    every = _label_every(n, plot_w)
    for i, month in enumerate(months):
        if i % every == 0:
            out.append(
                f'<text x="{x_of(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'class="muted">{_esc(month)}</text>'
            )
    for k, (name, light, values) in enumerate(series):
        dash = DASHES[k % len(DASHES)]
        colour = darkened(light)
        segments: list[list[tuple[float, float]]] = [[]]
        points = []
        for i, month in enumerate(months):
            value = values.get(month)
            if value is None:
                if segments[-1]:
                    segments.append([])
                continue
            xy = (x_of(i), y_of(value))
            segments[-1].append(xy)
            points.append((month, value, xy))
        for seg in segments:
            if len(seg) > 1:
                d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in seg)
                out.append(
                    f'<path class="mark" d="{d}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.2" stroke-dasharray="{dash}"><title>{_esc(name)}</title>'
                    "</path>"
                )
        for month, value, (x, y) in points:
            extra = ""
            if counts and month in counts:
                extra = f", {counts[month]:,} response{'' if counts[month] == 1 else 's'}"
            out.append(
                f'<circle class="mark" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"<title>{_esc(name)} {_esc(month)}: {value:.2f}{extra}</title></circle>"
            )
    out.append("</svg>")
    return "".join(out)


def stacked_columns(
    months: Sequence[str],
    stacks: Mapping[str, Mapping[str, int]],
    keys: Sequence[str],
    colours: Mapping[str, str],
    *,
    chart_id: str,
    title: str,
    width: int = 720,
    height: int = 220,
    shown: Shown = "always",
) -> str:
    """One 100 % column per calendar month of counts per key (empty months stay empty).

    A month's label is centred under its column; the margins leave room for half a label
    (``YYYY-MM``, about 50 px) beyond the first and last columns, as :func:`line_chart`'s
    do beyond its first and last points, so no label is cut at an edge.
    """
    left, right, top, bottom = 44, _MONTH_LABEL_ROOM, 12, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(months), 1)
    slot = plot_w / n
    col_w = max(slot * 0.8, 1.0)
    desc = f"Share of each style per month, {months[0]} to {months[-1]}." if months else ""
    out = [_open(chart_id, width, height, title, desc, shown)]
    for tick in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - tick)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="central" '
            f'class="muted">{_pct(tick)}</text>'
        )
    every = _label_every(len(months), plot_w)
    for i, month in enumerate(months):
        x = left + i * slot + (slot - col_w) / 2
        counts = stacks.get(month, {})
        total = sum(counts.get(k, 0) for k in keys)
        y = float(top + plot_h)
        for k in keys:
            count = counts.get(k, 0)
            if not count or not total:
                continue
            h = plot_h * count / total
            y -= h
            out.append(
                f'<rect class="mark" x="{x:.2f}" y="{y:.2f}" width="{col_w:.2f}" '
                f'height="{h:.2f}" fill="{colours.get(k, "#888888")}"><title>{_esc(month)}: '
                f"{_esc(k)} {_pct(count / total)} ({count:,} of {total:,})</title></rect>"
            )
        if i % every == 0:
            out.append(
                f'<text x="{x + col_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'class="muted">{_esc(month)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def table_frame(table: str, label: str, *, tall: bool = False) -> str:
    """``table`` (HTML) in a frame that scrolls it when it is wider (or, ``tall``, higher)
    than the page allows. A browser lets the keyboard reach a frame that scrolls, so the
    frame is a region named by ``label`` (plain text) and always a tab stop (``tabindex``),
    not one that appears only when the window is narrow."""
    css = "table-wrap tall" if tall else "table-wrap"
    return f'<div class="{css}" role="region" aria-label="{_esc(label)}" tabindex="0">{table}</div>'


#: What the collapsed table of a monthly chart's figures says it holds.
FIGURES_SUMMARY = "The figures per month"
#: A run of at least this many calendar months without responses is one row of a table of
#: figures ("2026-07 to 2062-02: no responses in these 428 months"), not a row per month.
MIN_EMPTY_RUN = 3


def _figures(
    label: str,
    head: Sequence[str],
    rows: Sequence[tuple[str, Sequence[str], bool]],
) -> str:
    """A collapsed ``<details>`` with a table of a chart's figures, one row per month (the
    chart's text alternative), its frame named by ``label`` (plain text: the chart's
    title). ``head`` (plain text) names the columns, the month first; ``rows`` holds each
    month (``YYYY-MM``) with its cells as HTML and whether it has no responses: a run of
    :data:`MIN_EMPTY_RUN` or more such months is one row, a shorter one a row per month."""
    cols = f'<th scope="col">{_esc(head[0])}</th>' + "".join(
        f'<th scope="col" class="num">{_esc(h)}</th>' for h in head[1:]
    )
    body: list[str] = []
    i = 0
    while i < len(rows):
        month, _, empty = rows[i]
        end = i
        while empty and end + 1 < len(rows) and rows[end + 1][2]:
            end += 1
        run = end - i + 1
        if run >= MIN_EMPTY_RUN:
            body.append(
                f'<tr class="empty-run"><th scope="row">{_esc(month)} to '
                f'{_esc(rows[end][0])}</th><td colspan="{len(head) - 1}">no responses in '
                f"these {run:,} months</td></tr>"
            )
        else:
            body.extend(_figure_row(m, c) for m, c, _ in rows[i : end + 1])
        i = end + 1
    table = f"<table><thead><tr>{cols}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return (
        f'<details class="figures"><summary>{FIGURES_SUMMARY}</summary>'
        f"{table_frame(table, label)}</details>"
    )


def _figure_row(month: str, cells: Sequence[str]) -> str:
    return (
        f'<tr><th scope="row">{_esc(month)}</th>'
        + "".join(f'<td class="num">{cell}</td>' for cell in cells)
        + "</tr>"
    )


def line_figures(
    months: Sequence[str],
    series: Sequence[tuple[str, str, Mapping[str, float | None]]],
    *,
    counts: Mapping[str, int] | None = None,
    label: str,
) -> str:
    """The figures of a :func:`line_chart` of the same arguments as a table named ``label``:
    per calendar month its responses (with ``counts``) and each series' value, a dash where
    it has none (a long run of months without responses in one row, see :func:`_figures`)."""
    head = ["month", *(["responses"] if counts is not None else []), *(n for n, _, _ in series)]
    rows: list[tuple[str, Sequence[str], bool]] = []
    for month in months:
        values = [v.get(month) for _, _, v in series]
        n = counts.get(month, 0) if counts is not None else None
        cells = [] if n is None else [f"{n:,}"]
        cells += [DASH if v is None else f"{v:.2f}" for v in values]
        rows.append((month, cells, not n and all(v is None for v in values)))
    return _figures(label, head, rows)


def column_figures(
    months: Sequence[str],
    stacks: Mapping[str, Mapping[str, int]],
    keys: Sequence[str],
    *,
    label: str,
) -> str:
    """The figures of a :func:`stacked_columns` of the same data as a table named ``label``:
    per calendar month its responses and the share of each key (a dash for a month without
    any; a long run of such months in one row, see :func:`_figures`)."""
    rows: list[tuple[str, Sequence[str], bool]] = []
    for month in months:
        counts = stacks.get(month, {})
        total = sum(counts.get(k, 0) for k in keys)
        shares = [_pct(counts.get(k, 0) / total) if total else DASH for k in keys]
        rows.append((month, [f"{total:,}", *shares], not total))
    return _figures(label, ["month", "responses", *keys], rows)

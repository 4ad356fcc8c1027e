"""The offline HTML report: one self-contained page over :class:`~carelens.insights.Insights`.

:func:`build_report` returns a single HTML document with inline CSS and inline SVG charts
(drawn by :mod:`.charts`); it references no script, font, image or stylesheet, and its
Content-Security-Policy forbids the browser to load any, so the page works offline and
leaks nothing when opened. The sections, in order: a summary, the community overview
(style distribution, mean level per dimension, monthly trends), the helpers table (every
helper), strain signals across helpers, one section per helper for the ``max_helpers``
helpers with most responses, examples of the strongest empathic and compassionate
responses with their rationale spans marked, crisis cues, and a methods note. The numbers are
those of the Insights tables (``helpers()``, ``communities()``, ``monthly()``, ``total()``
and ``strain_signals()``), computed with the same pure functions (:class:`.Tally`,
:func:`.slopes`, :func:`.strain_signals`) from one grouping of the rows (see
:class:`_Rollup`), so that 100,000 responses take a few passes rather than a few per table.
All text from the data is HTML-escaped.
The page is deterministic: the same insights give the same bytes (no clock is read).
The module is longer than the usual ~500 lines because the page is one piece of layout;
the charts live apart in :mod:`.charts`.
"""

from __future__ import annotations

import html
import math
import numbers
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, count
from pathlib import Path, PurePath
from typing import Any

from carelens._version import __version__
from carelens.analysis.crisis import CRISIS_RESOURCES
from carelens.insights import charts
from carelens.insights.frames import Insights
from carelens.insights.rows import ROW_DIMENSIONS, ResponseRow
from carelens.insights.strain import STRAIN_SIGNALS, StrainSignal, signal_counts, strain_signals
from carelens.insights.tally import Metric, Tally
from carelens.insights.trends import MIN_MONTHS, TREND_METRICS, slopes
from carelens.taxonomy import EMPATHY_PARTS, STYLES, TAXONOMY_VERSION

__all__ = ["build_report", "highlight_spans", "pick_examples", "write_report"]

#: Dimensions drawn as monthly trend lines.
TREND_DIMENSIONS: tuple[str, ...] = ("empathy", "sympathy", "compassion", "dismissive")
#: Dimensions in the mean-level chart: empathy and its parts, then the others.
CHART_DIMENSIONS: tuple[str, ...] = (
    "empathy",
    "interpretation",
    "exploration",
    "reflection",
    "sympathy",
    "emotional_reaction",
    "compassion",
    "dismissive",
)
#: Communities drawn in the overview charts (all of them are in the table).
MAX_CHART_COMMUNITIES = 8
#: Chart widths (CSS pixels at most; they shrink with the page): full width, half width.
WIDE, HALF = 1000, 520
#: Evidence responses shown in full per strain signal.
MAX_EVIDENCE = 3
#: What each strain signal is called on the page.
SIGNAL_NAMES: Mapping[str, str] = {
    "high_distress_load": "High-distress load",
    "personal_distress": "Own distress or exhaustion in responses",
    "heavy_self_focus": "Heavy self-focus",
    "falling_empathy": "Falling empathy",
}
_READ_THEM = (
    "Each one points to responses a person should read, with the counts behind it. None says "
    "anything about the helper's health or wellbeing."
)
_NOT_A_DIAGNOSIS = f"Signals to look at, not a diagnosis. {_READ_THEM}"
_DASH = "\u2013"
_ADJECTIVES: Mapping[str, str] = {"empathy": "empathic", "compassion": "compassionate"}

_CSS = """
:root{color-scheme:light;--ink:#1d1d1f;--muted:#5b6067;--line:#d9dce1;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:var(--soft);border-bottom:1px solid var(--line);padding:20px 0 14px}
header.top>div,main{max-width:1240px;margin:0 auto;padding:0 24px}
main{padding-bottom:48px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.35rem;margin:2.2em 0 .6em;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1.6em 0 .3em}
h4{font-size:.98rem;margin:1em 0 .3em}
a{color:#0b5cad}
.muted{color:var(--muted)}
nav.toc ul{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:4px 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px;
margin:18px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fff}
.card .value{display:block;font-size:1.45rem;font-weight:600}
.card .value.small{font-size:1.05rem;line-height:2.1rem}
.card .label{color:var(--muted);font-size:.85rem}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:4px 28px}
figure{margin:8px 0 18px}
figcaption{font-weight:600;font-size:.95rem;margin-bottom:2px}
svg.chart{display:block;max-width:100%;height:auto}
svg text{font-size:12px;fill:#222}
svg text.muted{fill:#5b6067}
svg text.small{font-size:10.5px}
svg .grid{stroke:#e1e3e6;stroke-width:1}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:2px 16px;padding:0;margin:2px 0 6px;
font-size:.85rem}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;
vertical-align:-1px}
.swatch-line{margin-right:6px;vertical-align:middle}
.table-wrap{overflow:auto;max-width:100%}
.table-wrap.tall{max-height:75vh;border:1px solid var(--line)}
table{border-collapse:collapse;font-size:.84rem}
th,td{padding:4px 5px;border-bottom:1px solid #eceef1;text-align:left;vertical-align:top}
thead th{background:#fff;position:sticky;top:0;border-bottom:2px solid var(--line);z-index:1}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
thead th{font-size:.78rem;line-height:1.25;font-weight:600}
tbody tr:nth-child(even){background:#fafbfc}
tbody th{white-space:nowrap;max-width:16em;overflow:hidden;text-overflow:ellipsis}
.note{background:var(--soft);border-left:4px solid var(--line);padding:8px 14px;margin:10px 0}
.signals{background:#fff8e8;border-left:4px solid #E69F00;padding:6px 14px 10px;margin:10px 0}
.signals ul{margin:4px 0;padding-left:20px}
.crisis{background:#fdf0f4;border-left:4px solid #CC79A7;padding:8px 14px;margin:10px 0}
section.helper{border-top:1px solid var(--line);margin-top:22px}
dl.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:2px 24px;
margin:6px 0;font-size:.9rem}
dt{font-weight:600}
dd{margin:0 0 6px 18px}
dl.metrics dt{font-weight:400}
dl.metrics div{display:flex;justify-content:space-between;border-bottom:1px dotted #e2e4e8}
dl.metrics dt{color:var(--muted)}
dl.metrics dd{margin:0;padding-left:8px;white-space:nowrap;font-variant-numeric:tabular-nums}
article.response{border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:10px 0}
article.response:target{outline:3px solid #0072B2}
.response .meta{font-size:.82rem;color:var(--muted)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0}
blockquote.text{margin:6px 0;padding-left:12px;border-left:3px solid var(--line)}
mark{color:inherit;border-radius:2px;padding:0 1px;background:#fff1a8}
mark.empathy{background:#d3e7f7;box-shadow:inset 0 -2px #0072B2}
mark.compassion{background:#d2f0e5;box-shadow:inset 0 -2px #009E73}
mark.distress{background:#fde3d2;box-shadow:inset 0 -2px #D55E00}
code{font-size:.88em}
@media print{.table-wrap.tall{max-height:none;overflow:visible}details{display:block}}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _value(v: object) -> float | int | None:
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


def _fmt(v: float | int | None, kind: str) -> str:
    if v is None:
        return _DASH
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


def _cell(v: float | int | None, kind: str) -> str:
    data = "" if v is None else repr(v)
    return f'<td class="num" data-value="{data}">{_fmt(v, kind)}</td>'


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
        out.append(_esc(text[position:start]))
        out.append(f'<mark class="{_esc(css_class)}">{_esc(text[start:end])}</mark>')
        position = end
    out.append(_esc(text[position:]))
    return "".join(out)


def _dimension_spans(row: ResponseRow, dimension: str) -> tuple[Mapping[str, Any], ...]:
    spans = tuple(row.spans.get(dimension, ()))
    if dimension == "empathy" and not spans:
        spans = tuple(chain.from_iterable(row.spans.get(p, ()) for p in EMPATHY_PARTS))
    return spans


def _best_score(row: ResponseRow, dimension: str) -> float:
    scores = []
    for span in _dimension_spans(row, dimension):
        try:
            scores.append(float(span.get("score") or 0.0))
        except (TypeError, ValueError):
            continue
    return max(scores, default=0.0)


def pick_examples(
    rows: Iterable[ResponseRow], dimension: str, k: int, *, exclude: Iterable[str] = ()
) -> list[ResponseRow]:
    """The ``k`` strongest responses on ``dimension`` that carry a text and are not dismissive.

    Ordered by level, then the best rationale-span score, then response id; the first pass
    takes one response per helper so that a few prolific helpers do not fill the list, the
    second fills up from the rest in the same order.
    """
    skip = set(exclude)
    buckets: dict[int, list[ResponseRow]] = {}
    for r in rows:
        level = r.levels.get(dimension, 0)
        if (
            level >= 1
            and r.response_text
            and not r.levels.get("dismissive", 0)
            and r.response_id not in skip
        ):
            buckets.setdefault(level, []).append(r)
    ordered: list[ResponseRow] = []
    chosen: list[int] = []
    helpers: set[str] = set()
    # Levels strongest first, each sorted only when the one above left room.
    for level in sorted(buckets, reverse=True):
        for r in sorted(buckets[level], key=lambda r: (-_best_score(r, dimension), r.response_id)):
            if len(chosen) >= k:
                break
            if r.helper not in helpers:
                chosen.append(len(ordered))
                helpers.add(r.helper)
            ordered.append(r)
        if len(chosen) >= k:
            break
    if len(chosen) < k:  # every candidate was seen: fill up in order
        taken = set(chosen)
        chosen += [i for i in range(len(ordered)) if i not in taken][: k - len(chosen)]
    return [ordered[i] for i in sorted(chosen)]


_NO_SLOPES: Mapping[str, None] = {f"{name}_slope": None for name in TREND_METRICS}


class _Rollup:
    """The tallies the page shows, from one grouping of the rows.

    The rows are grouped once, by helper, by (helper, month) and by (community, month);
    each group is tallied once, and community and overall tallies are sums of their months'
    (tallies add up, see :mod:`.tally`). The figures equal those of
    :meth:`Insights.helpers`, :meth:`~Insights.communities`, :meth:`~Insights.monthly` and
    :meth:`~Insights.total`, with three passes over the rows instead of one or two per table.
    """

    def __init__(self, rows: Iterable[ResponseRow]) -> None:
        self.by_helper: dict[str, list[ResponseRow]] = {}
        helper_months: dict[str, dict[str, list[ResponseRow]]] = {}
        community_months: dict[str, dict[str | None, list[ResponseRow]]] = {}
        self.helpers_per_community: dict[str, set[str]] = {}
        self.undated = 0
        self.any_text = False
        for row in rows:
            month = row.month
            self.by_helper.setdefault(row.helper, []).append(row)
            community_months.setdefault(row.community, {}).setdefault(month, []).append(row)
            self.helpers_per_community.setdefault(row.community, set()).add(row.helper)
            if month is None:
                self.undated += 1
            else:
                helper_months.setdefault(row.helper, {}).setdefault(month, []).append(row)
            self.any_text = self.any_text or bool(row.response_text)
        self.helpers = {h: Tally.over(members) for h, members in self.by_helper.items()}
        # A trend needs MIN_MONTHS months; other helpers' months are tallied only if shown.
        self._helper_months = helper_months
        self.helper_months = {
            h: _tally_months(months)
            for h, months in helper_months.items()
            if len(months) >= MIN_MONTHS
        }
        self.communities: dict[str, Tally] = {}
        self.community_months: dict[str, dict[str, Tally]] = {}
        for community, months in community_months.items():
            tallies = {m: Tally.over(members) for m, members in months.items()}
            self.communities[community] = _sum(list(tallies.values()))
            dated = sorted((m, t) for m, t in tallies.items() if m is not None)
            if dated:
                self.community_months[community] = dict(dated)
        self.total = _sum(list(self.communities.values()))

    def months_of(self, helper: str) -> dict[str, Tally]:
        """The monthly tallies of ``helper``, months in order."""
        if helper in self.helper_months:
            return self.helper_months[helper]
        return _tally_months(self._helper_months.get(helper, {}))

    def records(self, by: str) -> list[dict[str, Metric | str]]:
        """Rows like :meth:`Insights.helpers` (``by="helper"``) or ``communities()``."""
        tallies = self.helpers if by == "helper" else self.communities
        months = self.helper_months if by == "helper" else self.community_months
        data: list[dict[str, Metric | str]] = [
            {by: group, **t.metrics(), **(slopes(months[group]) if group in months else _NO_SLOPES)}
            for group, t in tallies.items()
        ]
        data.sort(key=lambda r: (-int(r["responses"] or 0), str(r[by])))
        return data

    def monthly_records(self) -> list[dict[str, Metric | str]]:
        """Rows like :meth:`Insights.monthly` by community."""
        return [
            {"community": c, "month": m, **t.metrics()}
            for c, months in sorted(self.community_months.items())
            for m, t in months.items()
        ]


def _tally_months(months: Mapping[str, Sequence[ResponseRow]]) -> dict[str, Tally]:
    return {m: Tally.over(members) for m, members in sorted(months.items())}


def _sum(tallies: Sequence[Tally]) -> Tally:
    return tallies[0] if len(tallies) == 1 else sum(tallies, Tally())


class _Page:
    """Per-document state: unique chart ids and the anchors of responses shown in full."""

    def __init__(self) -> None:
        self._charts = count(1)
        self.examples: dict[str, str] = {}
        #: Evidence responses shown in helper sections: response id -> anchor.
        self.evidence: dict[str, str] = {}

    def chart_id(self) -> str:
        return f"chart-{next(self._charts)}"


def _card(value: str, label: str, *, small: bool = False) -> str:
    return (
        f'<div class="card"><span class="value{" small" if small else ""}">{value}</span>'
        f'<span class="label">{label}</span></div>'
    )


def _response_card(
    row: ResponseRow, anchor: str, *, dimension: str | None, css_class: str, distress: bool = False
) -> str:
    levels = ", ".join(
        f"{d} {row.levels.get(d, 0)}" for d in ("empathy", "sympathy", "compassion", "dismissive")
    )
    meta = [
        f"response <code>{_esc(row.response_id)}</code>",
        f"helper {_esc(row.helper)}",
        _esc(row.community),
    ]
    if row.month:
        meta.append(row.month)
    meta.append(f"style {_esc(row.style)}")
    meta.append(f"levels: {levels}")
    if row.response_text is None:
        body = '<p class="muted">(the results carry no text for this response)</p>'
    else:
        spans: Sequence[Mapping[str, Any]] = ()
        if distress:
            spans = row.distress_spans
        elif dimension is not None:
            spans = _dimension_spans(row, dimension)
        body = (
            f'<blockquote class="text">'
            f"{highlight_spans(row.response_text, spans, css_class=css_class)}</blockquote>"
        )
    seeker = ""
    if row.seeker_text:
        seeker = (
            "<details><summary>Seeker message"
            + (" (high distress)" if row.seeker_distress == 2 else "")
            + f'</summary><blockquote class="text">{_esc(row.seeker_text)}</blockquote></details>'
        )
    return (
        f'<article class="response" id="{anchor}"><div class="meta">{" · ".join(meta)}</div>'
        f"{body}{seeker}</article>"
    )


# --------------------------------------------------------------------------- sections


def _header(title: str, source: str | None, model: Mapping[str, Any] | None) -> str:
    facts = []
    if source:
        facts.append(f"Data: <strong>{_esc(PurePath(source).name or source)}</strong>")
    model_id = _model_id(model)
    if model_id:
        facts.append(f"Model: <strong>{_esc(model_id)}</strong>")
    facts.append(f"Made with carelens {_esc(__version__)}, offline")
    toc = [
        ("overview", "Overview"),
        ("communities", "Communities"),
        ("trends", "Trends"),
        ("helpers", "Helpers"),
        ("signals", "Strain signals"),
        ("helper-details", "Helper details"),
        ("examples", "Examples"),
        ("crisis", "Crisis cues"),
        ("methods", "Methods"),
    ]
    links = "".join(f'<li><a href="#{a}">{t}</a></li>' for a, t in toc)
    return (
        f'<header class="top"><div><h1>{_esc(title)}</h1>'
        f'<p class="muted">{" · ".join(facts)}</p>'
        f'<nav class="toc" aria-label="Sections"><ul>{links}</ul></nav></div></header>'
    )


def _model_id(model: Mapping[str, Any] | None) -> str | None:
    if not isinstance(model, Mapping):
        return None
    for key in ("model_id", "name", "id"):
        if isinstance(model.get(key), str | int) and str(model[key]):
            return str(model[key])
    return None


def _summary(insights: Insights, total: Mapping[str, Any], n_helpers: int, extra: Any) -> str:
    months = extra["months"]
    span = f"{months[0]} to {months[-1]}" if len(months) > 1 else months[0] if months else "none"
    cards = [
        _card(f"{len(insights):,}", "responses"),
        _card(f"{n_helpers:,}", "helpers"),
        _card(f"{extra['n_communities']:,}", "communities"),
        _card(_esc(span), "months", small=True),
        _card(_fmt(_value(total.get("mean_empathy")), "level"), "mean empathy level (0 to 2)"),
        _card(f"{extra['n_signals']:,}", "strain signals to look at"),
        _card(f"{int(total.get('needs_attention') or 0):,}", "crisis cues to read"),
    ]
    return (
        f'<section id="overview"><h2>Overview</h2><div class="cards">{"".join(cards)}</div>'
        "</section>"
    )


_GROUP_COLUMNS: tuple[tuple[str, str, str], ...] = (
    *((f"style_{s}", s, "pct") for s in STYLES),
    ("mean_empathy", "mean empathy", "level"),
    ("reflections_per_question", "reflections / question", "ratio"),
    ("complex_reflection_share", "complex reflections", "pct"),
    ("length_matched_share", "length matched", "pct"),
    ("high_distress_share", "high distress", "pct"),
    ("mean_empathy_slope", "empathy trend", "slope"),
)


def _group_table(
    records: Sequence[Mapping[str, Any]],
    by: str,
    *,
    links: Mapping[str, str],
    extra: Sequence[tuple[str, str, Mapping[str, int]]],
    css_id: str,
    tall: bool,
) -> str:
    head = [f'<th scope="col">{by}</th>', '<th scope="col" class="num">responses</th>']
    head += [f'<th scope="col" class="num">{label}</th>' for _, label, _ in _GROUP_COLUMNS]
    head += [f'<th scope="col" class="num">{label}</th>' for label, _, _ in extra]
    style_span = len(STYLES)
    rest = len(_GROUP_COLUMNS) - style_span + len(extra)
    top = (
        f'<tr><th colspan="2"></th><th colspan="{style_span}" scope="colgroup" '
        f'class="num">style share</th><th colspan="{rest}"></th></tr>'
    )
    body = []
    for rec in records:
        name = str(rec[by])
        label = _esc(name)
        if name in links:
            label = f'<a href="#{links[name]}">{label}</a>'
        cells = [f'<th scope="row">{label}</th>', _cell(_value(rec.get("responses")), "int")]
        cells += [_cell(_value(rec.get(key)), kind) for key, _, kind in _GROUP_COLUMNS]
        for _, kind, values in extra:
            cells.append(_cell(values.get(name, 0), kind))
        body.append(f"<tr>{''.join(cells)}</tr>")
    wrap = "table-wrap tall" if tall else "table-wrap"
    return (
        f'<div class="{wrap}"><table id="{css_id}"><thead>{top}<tr>{"".join(head)}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _level_means(rec: Mapping[str, Any]) -> list[float | None]:
    return [_float(rec.get(f"mean_{d}")) for d in CHART_DIMENSIONS]


def _float(v: object) -> float | None:
    value = _value(v)
    return None if value is None else float(value)


def _communities(
    page: _Page,
    records: Sequence[Mapping[str, Any]],
    total: Mapping[str, Any],
    styles: Mapping[str, Counter[str]],
    helper_counts: Mapping[str, int],
) -> str:
    shown = records[:MAX_CHART_COMMUNITIES]
    bars: list[tuple[str, Mapping[str, int]]] = []
    series: list[tuple[str, str, Sequence[float | None]]] = []
    if len(records) > 1:
        bars.append(("All communities", sum(styles.values(), Counter())))
        series.append(("All communities", "#555555", _level_means(total)))
    for i, rec in enumerate(shown):
        name = str(rec["community"])
        bars.append((name, styles.get(name, Counter())))
        series.append((name, charts.series_colour(i), _level_means(rec)))
    note = ""
    if len(records) > MAX_CHART_COMMUNITIES:
        note = (
            f'<p class="muted">The charts show the {MAX_CHART_COMMUNITIES} communities with most '
            f"responses; the table has all {len(records)}.</p>"
        )
    style_chart = charts.stacked_bars(
        bars,
        STYLES,
        charts.STYLE_COLOURS,
        chart_id=page.chart_id(),
        title="Style distribution per community",
        width=WIDE,
    )
    values = [v for _, _, vals in series for v in vals]
    level_chart = charts.grouped_bars(
        [d.replace("_", " ") for d in CHART_DIMENSIONS],
        series,
        chart_id=page.chart_id(),
        title="Mean level per dimension per community (0 none, 1 weak, 2 strong)",
        max_value=charts.nice_max(values),
        width=WIDE,
    )
    needs = {str(r["community"]): int(_value(r.get("needs_attention")) or 0) for r in records}
    table = _group_table(
        records,
        "community",
        links={},
        extra=[("helpers", "int", helper_counts), ("crisis cues", "int", needs)],
        css_id="community-table",
        tall=False,
    )
    return (
        '<section id="communities"><h2>Communities</h2>'
        f"{table}{note}"
        "<figure><figcaption>Style of each response (one headline per response)</figcaption>"
        f"{charts.legend([(s, charts.STYLE_COLOURS[s]) for s in STYLES])}{style_chart}</figure>"
        "<figure><figcaption>Mean level per dimension</figcaption>"
        f"{charts.legend([(name, colour) for name, colour, _ in series])}{level_chart}</figure>"
        "</section>"
    )


def _trend_chart(
    page: _Page,
    months: Sequence[str],
    per_month: Mapping[str, Mapping[str, Any]],
    *,
    title: str,
    y_max: float,
) -> str:
    series = [
        (
            d,
            charts.DIMENSION_COLOURS[d],
            {m: _float(per_month[m].get(f"mean_{d}")) for m in per_month},
        )
        for d in TREND_DIMENSIONS
    ]
    counts = {m: int(_value(rec.get("responses")) or 0) for m, rec in per_month.items()}
    return charts.line_chart(
        months,
        series,
        chart_id=page.chart_id(),
        title=title,
        y_max=y_max,
        counts=counts,
        width=HALF,
    )


def _trend_legend() -> str:
    return charts.legend([(d, charts.DIMENSION_COLOURS[d]) for d in TREND_DIMENSIONS], dashed=True)


def _trends(
    page: _Page,
    community_order: Sequence[str],
    monthly_records: Sequence[Mapping[str, Any]],
    month_styles: Mapping[str, Mapping[str, Counter[str]]],
    undated: int,
) -> str:
    head = '<section id="trends"><h2>Trends over time</h2>'
    if not monthly_records:
        return (
            head + '<p class="note">These responses carry no timestamps, so there are no trend '
            "charts. Give the input a timestamp per message to see months.</p></section>"
        )
    per_community: dict[str, dict[str, Mapping[str, Any]]] = {}
    for rec in monthly_records:
        per_community.setdefault(str(rec["community"]), {})[str(rec["month"])] = rec
    months = charts.month_range(sorted({str(r["month"]) for r in monthly_records}))
    if len(months) < 2:
        return (
            head + f'<p class="note">Every dated response falls in {_esc(months[0])}, so there '
            "is no trend to draw yet.</p></section>"
        )
    shown = [c for c in community_order if c in per_community][:MAX_CHART_COMMUNITIES]
    y_max = charts.nice_max(
        [
            _float(per_community[c][m].get(f"mean_{d}"))
            for c in shown
            for m in per_community[c]
            for d in TREND_DIMENSIONS
        ]
    )
    parts = [head]
    parts.append(
        '<p class="muted">Mean level per calendar month (0 none, 1 weak, 2 strong); a gap is a '
        "month without responses. Months with few responses move a lot; hover a point for its "
        "count.</p>"
    )
    if undated:
        parts.append(
            f'<p class="note">{undated:,} responses have no timestamp and are left out of the '
            "trends.</p>"
        )
    for c in shown:
        line = _trend_chart(
            page, months, per_community[c], title=f"Mean levels per month: {c}", y_max=y_max
        )
        cols = charts.stacked_columns(
            months,
            month_styles.get(c, {}),
            STYLES,
            charts.STYLE_COLOURS,
            chart_id=page.chart_id(),
            title=f"Style share per month: {c}",
            width=HALF,
        )
        parts.append(
            f'<h3>{_esc(c)}</h3><div class="grid2"><figure><figcaption>Mean level per month'
            f"</figcaption>{_trend_legend()}{line}</figure><figure><figcaption>Style share per "
            f"month</figcaption>{charts.legend([(s, charts.STYLE_COLOURS[s]) for s in STYLES])}"
            f"{cols}</figure></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _helpers_section(
    records: Sequence[Mapping[str, Any]],
    links: Mapping[str, str],
    signal_count: Mapping[str, int],
    max_helpers: int,
) -> str:
    table = _group_table(
        records,
        "helper",
        links=links,
        extra=[("strain signals", "int", signal_count)],
        css_id="helper-table",
        tall=len(records) > 25,
    )
    shown = min(max_helpers, len(records))
    return (
        '<section id="helpers"><h2>Helpers</h2>'
        f'<p class="muted">All {len(records):,} helpers, most responses first. Names link to the '
        f"details of the {shown:,} helpers with most responses. Style shares add up to 100% per "
        "helper; “high distress” is the share of answered seeker messages at high distress; "
        "the empathy trend is the change of the monthly mean empathy level per month (three "
        "months or more). A dash means there is nothing to compute it from.</p>"
        f"{table}</section>"
    )


def _evidence_link(response_id: str, local: Mapping[str, str], page: _Page) -> str:
    anchor = (
        local.get(response_id) or page.examples.get(response_id) or page.evidence.get(response_id)
    )
    code = f"<code>{_esc(response_id)}</code>"
    return f'<a href="#{anchor}">{code}</a>' if anchor else code


def _signals_overview(
    signals: Sequence[StrainSignal], links: Mapping[str, str], page: _Page
) -> str:
    head = f'<section id="signals"><h2>Strain signals</h2><p class="signals">{_NOT_A_DIAGNOSIS}</p>'
    if not signals:
        return head + "<p>No strain signal is raised for any helper.</p></section>"
    counts = signal_counts(signals)
    summary = ", ".join(
        f"{SIGNAL_NAMES.get(name, name).lower()}: {counts[name]:,}" for name in STRAIN_SIGNALS
    )
    body = []
    for s in signals:
        name = _esc(s.helper)
        if s.helper in links:
            name = f'<a href="#{links[s.helper]}">{name}</a>'
        evidence = ", ".join(_evidence_link(e, {}, page) for e in s.evidence)
        body.append(
            f'<tr><th scope="row">{name}</th><td>{_esc(SIGNAL_NAMES.get(s.signal, s.signal))}</td>'
            f"<td>{_esc(s.detail)}</td><td>{evidence or _DASH}</td></tr>"
        )
    return (
        head + f"<p>Helpers with each signal: {summary}.</p>"
        f'<div class="table-wrap{" tall" if len(signals) > 25 else ""}"><table id="signal-table">'
        '<thead><tr><th scope="col">helper</th><th scope="col">signal</th>'
        '<th scope="col">what was seen</th><th scope="col">responses to read</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div></section>"
    )


def _metric_list(m: Mapping[str, Any]) -> str:
    def v(key: str) -> float | int | None:
        return _value(m.get(key))

    items = [
        ("mean empathy", _fmt(v("mean_empathy"), "level")),
        ("mean sympathy", _fmt(v("mean_sympathy"), "level")),
        ("mean compassion", _fmt(v("mean_compassion"), "level")),
        ("mean dismissive", _fmt(v("mean_dismissive"), "level")),
        ("mean reflection", _fmt(v("mean_reflection"), "level")),
        (
            "reflections / questions",
            f"{_fmt(v('reflections'), 'int')} / {_fmt(v('questions'), 'int')}",
        ),
        ("complex reflections", _fmt(v("complex_reflection_share"), "pct")),
        ("length matched", _fmt(v("length_matched_share"), "pct")),
        (
            "words, response / seeker",
            f"{_fmt(v('mean_response_words'), 'words')} / {_fmt(v('mean_seeker_words'), 'words')}",
        ),
        (
            "high distress answered",
            f"{_fmt(v('high_distress_answered'), 'int')} ({_fmt(v('high_distress_share'), 'pct')})",
        ),
        ("crisis cues answered", _fmt(v("needs_attention"), "int")),
        ("advice", _fmt(v("advice_share"), "pct")),
        ("self-focus", _fmt(v("self_focus_share"), "pct")),
        ("responses with own distress", _fmt(v("helper_distress_responses"), "int")),
        ("empathy trend / month", _fmt(v("mean_empathy_slope"), "slope")),
    ]
    rows = "".join(f"<div><dt>{k}</dt><dd>{val}</dd></div>" for k, val in items)
    return f'<dl class="metrics">{rows}</dl>'


def _helper_section(
    page: _Page,
    index: int,
    record: Mapping[str, Any],
    members: Sequence[ResponseRow],
    series: Mapping[str, Tally],
    signals: Sequence[StrainSignal],
) -> str:
    helper = str(record["helper"])
    anchor = f"h-{index}"
    communities = Counter(r.community for r in members)
    where = ", ".join(f"{_esc(c)} ({n:,})" for c, n in communities.most_common(3))
    if len(communities) > 3:
        where += f" and {len(communities) - 3} more"
    months = list(series)
    when = f" · {months[0]} {_DASH} {months[-1]}" if months else ""
    style_chart = charts.stacked_bars(
        [("all responses", Counter(r.style for r in members))],
        STYLES,
        charts.STYLE_COLOURS,
        chart_id=page.chart_id(),
        title=f"Style distribution: {helper}",
        width=WIDE,
    )
    if len(series) > 1:
        per_month = {m: t.metrics() for m, t in series.items()}
        trend = _trend_legend() + _trend_chart(
            page,
            charts.month_range(months),
            per_month,
            title=f"Mean levels per month: {helper}",
            y_max=charts.nice_max(
                [_float(per_month[m].get(f"mean_{d}")) for m in per_month for d in TREND_DIMENSIONS]
            ),
        )
    elif series:
        trend = f'<p class="muted">All in {_esc(months[0])}: no trend to draw.</p>'
    else:
        trend = '<p class="muted">No timestamps, so no monthly trend.</p>'
    parts = [
        f'<section class="helper" id="{anchor}" aria-labelledby="{anchor}-name">'
        f'<h3 id="{anchor}-name">{_esc(helper)}</h3>'
        f'<p class="muted">{len(members):,} responses · {where}{when}</p>'
        "<figure><figcaption>Style distribution</figcaption>"
        f"{charts.legend([(s, charts.STYLE_COLOURS[s]) for s in STYLES])}{style_chart}</figure>"
        f'<div class="grid2"><figure><figcaption>Mean level per month</figcaption>{trend}'
        f"</figure><div><h4>Figures</h4>{_metric_list(record)}</div></div>"
    ]
    parts.append('<div class="signals"><h4>Signals to look at — not a diagnosis</h4>')
    if not signals:
        parts.append("<p>No strain signal is raised for this helper.</p></div></section>")
        return "".join(parts)
    by_id = {r.response_id: r for r in members}
    parts.append(f'<p class="muted">{_READ_THEM}</p><ul>')
    cards = []
    for k, s in enumerate(signals):
        local: dict[str, str] = {}
        shown: list[str] = []
        for e in s.evidence[:MAX_EVIDENCE]:
            if e in by_id:
                local[e] = f"{anchor}-s{k}-{len(shown)}"
                page.evidence.setdefault(e, local[e])
                shown.append(
                    _response_card(
                        by_id[e],
                        local[e],
                        dimension=None,
                        css_class="distress",
                        distress=s.signal == "personal_distress",
                    )
                )
        ids = ", ".join(_evidence_link(e, local, page) for e in s.evidence)
        parts.append(
            f"<li><strong>{_esc(SIGNAL_NAMES.get(s.signal, s.signal))}</strong>: "
            f"{_esc(s.detail)}. Responses to read: {ids or _DASH}</li>"
        )
        if shown:
            cards.append(
                f"<details><summary>{_esc(SIGNAL_NAMES.get(s.signal, s.signal))}: read "
                f"{len(shown)} of these responses</summary>{''.join(shown)}</details>"
            )
    parts.append(f"</ul>{''.join(cards)}</div></section>")
    return "".join(parts)


def _examples(
    page: _Page, picks: Sequence[tuple[str, Sequence[ResponseRow]]], any_text: bool
) -> str:
    head = (
        '<section id="examples"><h2>Examples</h2><p class="muted">The strongest responses on '
        "each dimension (highest level, then the model's confidence in its rationale, one per "
        "helper first; responses with any dismissive wording are left out). Marked text is the "
        "rationale the model found for that dimension.</p>"
    )
    if not any_text:
        return (
            head + '<p class="note">The results carry no texts (they were written with '
            "<code>--no-text</code> or come from a file without them), so there are no "
            "examples.</p></section>"
        )
    parts = [head]
    for dimension, rows in picks:
        parts.append(f"<h3>Strongest {_ADJECTIVES.get(dimension, dimension)} responses</h3>")
        if not rows:
            parts.append(f"<p>No response with text shows {dimension}.</p>")
            continue
        for row in rows:
            parts.append(
                _response_card(
                    row, page.examples[row.response_id], dimension=dimension, css_class=dimension
                )
            )
    parts.append("</section>")
    return "".join(parts)


def _crisis(total: Mapping[str, Any], records: Sequence[Mapping[str, Any]]) -> str:
    n = int(_value(total.get("needs_attention")) or 0)
    per = [
        f"{_esc(r['community'])}: {int(_value(r.get('needs_attention')) or 0):,}"
        for r in records
        if _value(r.get("needs_attention"))
    ]
    where = f" ({'; '.join(per)})" if len(records) > 1 and per else ""
    resources = "".join(f"<li>{_esc(line)}</li>" for line in CRISIS_RESOURCES)
    return (
        '<section id="crisis"><h2>Crisis cues</h2><div class="crisis">'
        f'<p><strong id="crisis-count">{n:,}</strong> responses answer seeker messages with '
        f"crisis cues (suicide or self-harm wording){where}. They are flagged for a person to "
        "read — the results mark them <code>needs_attention</code>. carelens does not assess "
        "risk and gives no risk score; a message without cues is not “safe”.</p>"
        "<p>The crisis resources are in the docs (<code>docs/taxonomy.md</code>, “Seeker "
        f"signals”); carelens shows them with every flag:</p><ul>{resources}</ul></div></section>"
    )


_EVAL_COLUMNS: tuple[str, ...] = (
    "n",
    "accuracy",
    "macro_f1",
    "ece",
    "token_f1",
    "iou_f1",
    "precision",
    "recall",
    "f1",
    "pearson_r",
    "mae",
)


def _is_scalar(v: object) -> bool:
    return isinstance(v, str | int | float) and not (isinstance(v, float) and math.isnan(v))


def _scalar(v: object) -> str:
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, int):
        return f"{v:,}"
    text = str(v)
    return _esc(text if len(text) <= 120 else text[:119] + "\u2026")


def _evaluation(evaluation: object) -> str:
    """The manifest's evaluation figures, shown for whatever shape they have."""
    if not isinstance(evaluation, Mapping) or not evaluation:
        return (
            "<p>The model's manifest records no evaluation figures; see "
            "<code>docs/model-card.md</code> for how well it works.</p>"
        )
    parts = []
    for key, figures in list(evaluation.items())[:10]:
        if _is_scalar(figures):
            parts.append(f"<p>{_esc(key)}: {_scalar(figures)}</p>")
            continue
        if not isinstance(figures, Mapping):
            continue
        facts: list[str] = []
        tables: list[str] = []
        for name, value in figures.items():
            if name in ("command", "path"):
                continue
            if _is_scalar(value):
                facts.append(f"{_esc(name)} {_scalar(value)}")
            elif isinstance(value, Mapping) and value:
                inner = list(value.items())
                if all(isinstance(x, Mapping) for _, x in inner):
                    cols = [c for c in _EVAL_COLUMNS if any(_is_scalar(x.get(c)) for _, x in inner)]
                    if not cols:
                        continue
                    head = "".join(f'<th scope="col" class="num">{c}</th>' for c in cols)
                    body = "".join(
                        f'<tr><th scope="row">{_esc(row)}</th>'
                        + "".join(
                            f'<td class="num">{_scalar(x[c]) if _is_scalar(x.get(c)) else _DASH}'
                            "</td>"
                            for c in cols
                        )
                        + "</tr>"
                        for row, x in inner[:20]
                    )
                    tables.append(
                        f'<div class="table-wrap"><table><caption class="muted">{_esc(name)}'
                        f'</caption><thead><tr><th scope="col"></th>{head}</tr></thead>'
                        f"<tbody>{body}</tbody></table></div>"
                    )
                else:
                    pairs = [f"{_esc(a)} {_scalar(b)}" for a, b in inner if _is_scalar(b)][:8]
                    if pairs:
                        facts.append(f"{_esc(name)}: {', '.join(pairs)}")
        parts.append(
            f"<h4>{_esc(key)}</h4>"
            + (f"<p>{'; '.join(facts[:12])}</p>" if facts else "")
            + "".join(tables)
        )
    return "".join(parts)


def _methods(insights: Insights, model: Mapping[str, Any] | None) -> str:
    facts = []
    model_id = _model_id(model)
    facts.append(f"<li>Model: {_esc(model_id) if model_id else 'not given'}</li>")
    taxonomy = model.get("taxonomy") if isinstance(model, Mapping) else None
    facts.append(
        f"<li>Taxonomy (codebook): {_esc(taxonomy) if _is_scalar(taxonomy) else _DASH} "
        f"(this carelens implements {TAXONOMY_VERSION})</li>"
    )
    if isinstance(model, Mapping):
        for key, label in (
            ("carelens_version", "Trained with carelens"),
            ("base_encoder", "Base encoder"),
        ):
            if _is_scalar(model.get(key)):
                facts.append(f"<li>{label}: {_scalar(model[key])}</li>")
        scored = model.get("dimensions")
        if isinstance(scored, Sequence) and not isinstance(scored, str):
            names = [str(d) for d in scored]
            missing = [d for d in ROW_DIMENSIONS if d != "empathy" and d not in names]
            facts.append(f"<li>Dimensions scored: {_esc(', '.join(names)) or _DASH}</li>")
            if missing:
                facts.append(
                    f"<li>Not scored by this model, so shown as level 0: "
                    f"{_esc(', '.join(missing))}</li>"
                )
    evaluation = _evaluation(model.get("evaluation") if isinstance(model, Mapping) else None)
    t = insights.thresholds
    return (
        '<section id="methods"><h2>Methods and limits</h2>'
        f"<ul>{''.join(facts)}</ul><h3>Evaluation recorded with the model</h3>{evaluation}"
        "<h3>What the figures mean</h3><dl>"
        "<dt>Level</dt><dd>Each response is scored per dimension: 0 none, 1 weak, 2 strong. A "
        "mean level is the average over responses (0 to 2). Empathy is the strongest of "
        "interpretation, exploration and reflection.</dd>"
        "<dt>Style</dt><dd>One headline per response: dismissive, else compassion (help offered "
        "with understanding), else empathy, else sympathy, else advice, else other.</dd>"
        "<dt>Reflections per question</dt><dd>Responses with a reflection per question asked; "
        "motivational-interviewing coding aims for more reflections than questions. Complex "
        "reflections (level 2) reflect meaning or feeling.</dd>"
        "<dt>Length matched</dt><dd>Responses between half and twice the seeker message's "
        "length.</dd>"
        "<dt>High distress</dt><dd>The share of answered seeker messages whose distress is "
        "high (level 2).</dd>"
        "<dt>Trend</dt><dd>The weighted least-squares slope of a monthly mean, per month, "
        "over three months or more.</dd></dl>"
        "<h3>Strain signals</h3>"
        f"<p>{_NOT_A_DIAGNOSIS} Thresholds used: high-distress load at {t.min_high_distress}+ "
        f"such messages and {t.load_ratio:g} times the community's share; own distress in "
        f"{t.min_personal_distress}+ responses; self-focus in {t.self_focus_share:.0%}+ of "
        f"{t.min_responses}+ responses; empathy falling by {-t.empathy_slope:g}+ a month over "
        f"{t.min_months}+ months.</p>"
        "<h3>Limits</h3><ul>"
        "<li>These are a model's figures. It was trained and evaluated on Reddit "
        "mental-health posts; on other communities, languages or kinds of help the figures "
        "may be less accurate. Read the responses before acting on a number.</li>"
        "<li>Strain signals are signals to look at, never a diagnosis of anyone.</li>"
        "<li>carelens never gives a risk score; crisis cues mark text for a person to read.</li>"
        "<li>Small groups (few responses, few months) give unstable shares and trends.</li>"
        "</ul></section>"
    )


def _document(title: str, body: Sequence[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="carelens {_esc(__version__)}">'
        '<link rel="icon" href="data:,">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
        + "".join(body)
        + "</main></body></html>\n"
    )


def build_report(
    insights: Insights,
    *,
    title: str = "carelens report",
    model: Mapping[str, Any] | None = None,
    source: str | None = None,
    max_helpers: int = 50,
    examples: int = 5,
) -> str:
    """One self-contained HTML page over ``insights`` (see the module docstring).

    ``model`` is the model's manifest (its id, taxonomy and evaluation figures are shown
    where present), ``source`` the input file's name (only the name is shown),
    ``max_helpers`` how many helpers get a section of their own (most responses first) and
    ``examples`` how many responses to show per dimension.
    """
    if max_helpers < 0 or examples < 0:
        raise ValueError("max_helpers and examples must be 0 or more")
    page = _Page()
    body = [_header(title, source, model), "<main>"]
    rows = insights.rows
    if not rows:
        body.append(
            '<section id="overview"><h2>Overview</h2><p class="note" id="nothing">Nothing to '
            "show: there are no analysed responses in this input.</p></section>"
        )
        body.append(_methods(insights, model))
        return _document(title, body)

    figures = _Rollup(rows)
    total = figures.total.metrics()
    helper_records = figures.records("helper")
    community_records = figures.records("community")
    monthly_records = figures.monthly_records()
    signals = strain_signals(rows, community=figures.total, thresholds=insights.thresholds)
    by_signal_helper: dict[str, list[StrainSignal]] = {}
    for s in signals:
        by_signal_helper.setdefault(s.helper, []).append(s)

    picks: list[tuple[str, Sequence[ResponseRow]]] = []
    taken: set[str] = set()
    for dimension in ("empathy", "compassion"):
        chosen = pick_examples(rows, dimension, examples, exclude=taken)
        taken.update(r.response_id for r in chosen)
        picks.append((dimension, chosen))
    for k, row in enumerate(r for _, chosen in picks for r in chosen):
        page.examples[row.response_id] = f"ex-{k + 1}"

    detailed = helper_records[:max_helpers]
    links = {str(rec["helper"]): f"h-{i + 1}" for i, rec in enumerate(detailed)}
    months = sorted({str(r["month"]) for r in monthly_records})
    extra = {
        "months": months,
        "n_communities": len(community_records),
        "n_signals": len(signals),
    }
    body.append(_summary(insights, total, len(helper_records), extra))
    body.append(
        _communities(
            page,
            community_records,
            total,
            {c: t.styles for c, t in figures.communities.items()},
            {c: len(h) for c, h in figures.helpers_per_community.items()},
        )
    )
    body.append(
        _trends(
            page,
            [str(r["community"]) for r in community_records],
            monthly_records,
            {
                c: {m: t.styles for m, t in months.items()}
                for c, months in figures.community_months.items()
            },
            figures.undated,
        )
    )
    signal_count = {h: len(s) for h, s in by_signal_helper.items()}
    body.append(_helpers_section(helper_records, links, signal_count, max_helpers))
    details = ['<section id="helper-details"><h2>Helper details</h2>']
    if detailed:
        details.append(
            f'<p class="muted">The {len(detailed):,} helpers with most responses'
            + (f" of {len(helper_records):,}" if len(helper_records) > len(detailed) else "")
            + ".</p>"
        )
    else:
        details.append("<p>No helper sections were asked for.</p>")
    for i, rec in enumerate(detailed):
        helper = str(rec["helper"])
        details.append(
            _helper_section(
                page,
                i + 1,
                rec,
                figures.by_helper[helper],
                figures.months_of(helper),
                by_signal_helper.get(helper, []),
            )
        )
    details.append("</section>")
    # After the helper sections, so that it can link to the evidence they show.
    body.append(_signals_overview(signals, links, page))
    body.append("".join(details))
    body.append(_examples(page, picks, figures.any_text))
    body.append(_crisis(total, community_records))
    body.append(_methods(insights, model))
    return _document(title, body)


def write_report(
    insights: Insights,
    path: str | os.PathLike[str],
    *,
    title: str = "carelens report",
    model: Mapping[str, Any] | None = None,
    source: str | None = None,
    max_helpers: int = 50,
    examples: int = 5,
) -> Path:
    """Write :func:`build_report` to ``path`` atomically (a temporary file, then a rename).

    A reader of ``path`` sees the old file or the whole new one, never half of it. Returns
    the path written.
    """
    text = build_report(
        insights,
        title=title,
        model=model,
        source=source,
        max_helpers=max_helpers,
        examples=examples,
    )
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target

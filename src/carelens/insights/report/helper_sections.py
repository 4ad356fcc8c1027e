"""The helper sections: the helpers table, strain signals and one section per helper.

Strain signals are shown as signals to look at, never a diagnosis; each links to the
responses behind it, shown in full in the helper's section (at most :data:`MAX_EVIDENCE`).
Those responses are found by their position in the input (a signal's ``positions``), never
by their id, which several responses may share; they are named as :mod:`.names` says.
Links are given as URLs (``links``: helper name -> URL; ``evidence``: position -> URL or
None), so the same builders serve the report (anchors in the page, :meth:`Page.anchor`) and
the dashboards of ``carelens serve`` (pages of their own).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from carelens.insights.report import charts
from carelens.insights.report.format import (
    DASH,
    as_float,
    as_number,
    bdi,
    esc,
    fmt,
    isolated,
    month_span,
    plural,
    response_card,
)
from carelens.insights.report.names import ResponseNames
from carelens.insights.report.page import Page
from carelens.insights.report.sections import (
    TIMESTAMP_FORMS,
    TREND_DIMENSIONS,
    WIDE,
    FarOff,
    Undated,
    few_responses,
    group_table,
    quoted,
    trend_chart,
    trend_legend,
)
from carelens.insights.rows import ResponseRow
from carelens.insights.strain import (
    DEFAULT_THRESHOLDS,
    STRAIN_SIGNALS,
    StrainSignal,
    signal_counts,
)
from carelens.insights.tally import Tally
from carelens.taxonomy import STYLES

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
NOT_A_DIAGNOSIS = f"Signals to look at, not a diagnosis. {_READ_THEM}"

#: Where the responses behind a signal are shown: position in the input -> URL, or None.
EvidenceLinks = Callable[[int], str | None]


def helpers_section(
    records: Sequence[Mapping[str, Any]],
    links: Mapping[str, str],
    signal_count: Mapping[str, int],
    max_helpers: int,
    *,
    min_trend_responses: int = DEFAULT_THRESHOLDS.min_trend_responses,
) -> str:
    table = helpers_table(records, links, signal_count, min_trend_responses=min_trend_responses)
    shown = min(max_helpers, len(records))
    if len(records) == 1:
        lead = "One helper." + (" The name links to their details." if shown else "")
    else:
        lead = f"All {len(records):,} helpers, most responses first."
        if shown:
            lead += (
                f" Names link to the details of the {plural(shown, 'helper')} with most responses."
            )
    return (
        '<section id="helpers"><h2>Helpers</h2>'
        f'<p class="muted">{lead} {helpers_table_note(min_trend_responses)}</p>'
        f"{table}</section>"
    )


#: What the columns of the helpers table mean.
HELPERS_TABLE_NOTE = (
    "Style shares add up to 100% per helper; “high distress” is the share of answered seeker "
    "messages at high distress; the empathy trend is the change of the monthly mean empathy "
    "level per month (three months or more). A dash means there is nothing to compute it from."
)


def helpers_table_note(min_trend_responses: int) -> str:
    """:data:`HELPERS_TABLE_NOTE`, and what "few responses" means under a trend."""
    return (
        f"{HELPERS_TABLE_NOTE} “Few responses (n=…)” marks a trend drawn from fewer than "
        f"{min_trend_responses:,} dated responses: too few to read, and no falling-empathy "
        "signal is raised from it."
    )


def helpers_table(
    records: Sequence[Mapping[str, Any]],
    links: Mapping[str, str],
    signal_count: Mapping[str, int],
    *,
    min_trend_responses: int = DEFAULT_THRESHOLDS.min_trend_responses,
) -> str:
    """The helpers table (``records`` as :meth:`Rollup.records` gives them), names linked
    through ``links``, with a column of strain-signal counts; a trend from fewer than
    ``min_trend_responses`` dated responses is marked "few responses"."""
    return group_table(
        records,
        "helper",
        links=links,
        extra=[("strain signals", "int", signal_count)],
        css_id="helper-table",
        tall=len(records) > 25,
        min_trend_responses=min_trend_responses,
    )


def _evidence_link(names: ResponseNames, position: int, href: str | None) -> str:
    label = names.label(names.row(position))
    return f'<a href="{esc(href)}">{label}</a>' if href else label


def signals_overview(
    signals: Sequence[StrainSignal],
    links: Mapping[str, str],
    evidence: EvidenceLinks,
    names: ResponseNames,
) -> str:
    """The strain-signals section: one row per raised signal, helpers linked through
    ``links``, the responses to read (named by ``names``) through ``evidence``."""
    head = f'<section id="signals"><h2>Strain signals</h2><p class="signals">{NOT_A_DIAGNOSIS}</p>'
    if not signals:
        return head + "<p>No strain signal is raised for any helper.</p></section>"
    counts = signal_counts(signals)
    summary = ", ".join(
        f"{SIGNAL_NAMES.get(name, name).lower()}: {counts[name]:,}" for name in STRAIN_SIGNALS
    )
    body = []
    for s in signals:
        name = bdi(s.helper)
        if s.helper in links:
            name = f'<a href="{esc(links[s.helper])}">{name}</a>'
        read = ", ".join(_evidence_link(names, p, evidence(p)) for p in s.positions)
        body.append(
            f'<tr><th scope="row">{name}</th><td>{esc(SIGNAL_NAMES.get(s.signal, s.signal))}</td>'
            f"<td>{esc(s.detail)}</td><td>{read or DASH}</td></tr>"
        )
    table = (
        '<table id="signal-table">'
        '<thead><tr><th scope="col">helper</th><th scope="col">signal</th>'
        '<th scope="col">what was seen</th><th scope="col">responses to read</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    frame = charts.table_frame(table, "Strain signals", tall=len(signals) > 25)
    return head + f"<p>Helpers with each signal: {summary}.</p>{frame}</section>"


def _metric_list(m: Mapping[str, Any], min_trend_responses: int) -> str:
    def v(key: str) -> float | int | None:
        return as_number(m.get(key))

    trend = fmt(v("mean_empathy_slope"), "slope")
    few = few_responses(m, min_trend_responses)
    if v("mean_empathy_slope") is not None and few is not None:
        trend += f" (few responses, n={few:,})"

    items = [
        ("mean empathy", fmt(v("mean_empathy"), "level")),
        ("mean sympathy", fmt(v("mean_sympathy"), "level")),
        ("mean compassion", fmt(v("mean_compassion"), "level")),
        ("mean dismissive", fmt(v("mean_dismissive"), "level")),
        ("mean reflection", fmt(v("mean_reflection"), "level")),
        (
            "reflections / questions",
            f"{fmt(v('reflections'), 'int')} / {fmt(v('questions'), 'int')}",
        ),
        ("complex reflections", fmt(v("complex_reflection_share"), "pct")),
        ("length matched", fmt(v("length_matched_share"), "pct")),
        (
            "words, response / seeker",
            f"{fmt(v('mean_response_words'), 'words')} / {fmt(v('mean_seeker_words'), 'words')}",
        ),
        (
            "high distress answered",
            f"{fmt(v('high_distress_answered'), 'int')} ({fmt(v('high_distress_share'), 'pct')})",
        ),
        ("crisis cues answered", fmt(v("needs_attention"), "int")),
        ("unsafe replies", fmt(v("unsafe_replies"), "int")),
        ("advice", fmt(v("advice_share"), "pct")),
        ("self-focus", fmt(v("self_focus_share"), "pct")),
        ("responses with own distress", fmt(v("helper_distress_responses"), "int")),
        ("empathy trend / month", trend),
    ]
    rows = "".join(f"<div><dt>{k}</dt><dd>{val}</dd></div>" for k, val in items)
    return f'<dl class="metrics">{rows}</dl>'


def helper_section(
    page: Page,
    index: int,
    record: Mapping[str, Any],
    members: Sequence[ResponseRow],
    series: Mapping[str, Tally],
    signals: Sequence[StrainSignal],
    evidence: EvidenceLinks | None = None,
    *,
    level: int = 3,
    min_trend_responses: int = DEFAULT_THRESHOLDS.min_trend_responses,
) -> str:
    """One helper's section: style, monthly trend, figures, and the signals raised with the
    responses behind them (the first :data:`MAX_EVIDENCE` of each shown in full here, the
    others linked through ``evidence``; by default to where the page shows them). The
    helper's name is an ``<h{level}>`` (3: under the report's "Helper details"; 2 on a page
    of its own), its parts one level below. The monthly trend spans the helper's own months;
    the responses left out of it are said (undated, or dated far from the rest), and a trend
    from fewer than ``min_trend_responses`` dated responses is marked "few responses"."""
    elsewhere = evidence if evidence is not None else page.anchor
    helper = str(record["helper"])
    anchor = f"h-{index}"
    communities = Counter(r.community for r in members)
    # Names in <bdi>: a right-to-left community would turn the line (and its months) around.
    where = ", ".join(f"{bdi(c)} ({n:,})" for c, n in communities.most_common(3))
    if len(communities) > 3:
        where += f" and {len(communities) - 3} more"
    months = list(series)
    when = f" · {month_span(months[0], months[-1])}" if months else ""
    style_chart = charts.responsive(
        partial(
            charts.stacked_bars,
            [("all responses", Counter(r.style for r in members))],
            STYLES,
            charts.STYLE_COLOURS,
            title=f"Style distribution: {isolated(helper)}",
        ),
        WIDE,
        page.chart_id,
    )
    undated, far_off = Undated.of(members), FarOff.of(members)
    if len(series) > 1:
        per_month = {m: t.metrics() for m, t in series.items()}
        trend = trend_legend() + trend_chart(
            page,
            charts.month_range(months),
            per_month,
            title=f"Mean levels per month: {isolated(helper)}",
            y_max=charts.nice_max(
                [
                    as_float(per_month[m].get(f"mean_{d}"))
                    for m in per_month
                    for d in TREND_DIMENSIONS
                ]
            ),
        )
    elif series:
        trend = f'<p class="muted">All in {esc(months[0])} (UTC): no trend to draw.</p>'
    elif undated.unread:  # timestamps given, in a form carelens does not read
        trend = (
            '<p class="muted">No timestamp carelens could read, so no monthly trend: '
            f"{undated.said(quoted)}. {TIMESTAMP_FORMS}</p>"
        )
    elif far_off.n:  # every date set aside: said below
        trend = '<p class="muted">No month to draw a trend over.</p>'
    else:
        trend = '<p class="muted">No timestamps, so no monthly trend.</p>'
    if series and undated.n:
        trend += f'<p class="muted">Left out of the monthly trend: {undated.said(quoted)}.</p>'
    if far_off.n:
        trend += (
            f'<p class="muted">Left out of the monthly trend and the strain signals: '
            f"{far_off.said()}. Check for a mistyped year.</p>"
        )
    parts = [
        f'<section class="helper" id="{anchor}" aria-labelledby="{anchor}-name">'
        f'<h{level} id="{anchor}-name">{bdi(helper)}</h{level}>'
        f'<p class="muted">{plural(len(members), "response")} · {where}{when}</p>'
        "<figure><figcaption>Style distribution</figcaption>"
        f"{charts.legend([(s, charts.STYLE_COLOURS[s]) for s in STYLES])}{style_chart}</figure>"
        f'<div class="grid2"><figure><figcaption>Mean level per month</figcaption>{trend}'
        f"</figure><div><h{level + 1}>Figures</h{level + 1}>"
        f"{_metric_list(record, min_trend_responses)}</div></div>"
    ]
    parts.append(
        f'<div class="signals"><h{level + 1}>Signals to look at — not a diagnosis</h{level + 1}>'
    )
    if not signals:
        parts.append("<p>No strain signal is raised for this helper.</p></div></section>")
        return "".join(parts)
    names = page.names
    parts.append(f'<p class="muted">{_READ_THEM}</p><ul>')
    cards = []
    for k, s in enumerate(signals):
        local: dict[int, str] = {}
        shown: list[str] = []
        for p in s.positions[:MAX_EVIDENCE]:
            local[p] = f"{anchor}-s{k}-{len(shown)}"
            page.evidence.setdefault(p, local[p])
            row = names.row(p)
            shown.append(
                response_card(
                    row,
                    local[p],
                    name=names.label(row),
                    dimension=None,
                    css_class="distress",
                    distress=s.signal == "personal_distress",
                )
            )
        ids = ", ".join(
            _evidence_link(names, p, f"#{local[p]}" if p in local else elsewhere(p))
            for p in s.positions
        )
        parts.append(
            f"<li><strong>{esc(SIGNAL_NAMES.get(s.signal, s.signal))}</strong>: "
            f"{esc(s.detail)}. Responses to read: {ids or DASH}</li>"
        )
        if shown:
            cards.append(
                f"<details><summary>{esc(SIGNAL_NAMES.get(s.signal, s.signal))}: read "
                f"{len(shown)} of these responses</summary>{''.join(shown)}</details>"
            )
    parts.append(f"</ul>{''.join(cards)}</div></section>")
    return "".join(parts)

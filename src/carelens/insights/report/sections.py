"""The community-level sections: overview cards, communities, trends and crisis cues.

The crisis section counts the responses a person should read, says in plain words for a
moderator or supervisor that the list is not a risk score and what to do, and lists them
(:func:`to_read_list`: unsafe replies first, at most :data:`MAX_TO_READ`, with the words that
raised each flag where the results carry texts; each named as :mod:`.names` says and linked
by its position in the input).

Also the shared pieces the helper sections reuse: the group table (:func:`group_table`,
whose empathy trend says "few responses" where it stands on fewer dated responses than the
strain signals need), the monthly trend chart (:func:`trend_chart`, :func:`trend_legend`),
the chart sizes, and what is said of the responses without a month (:class:`Undated`: no
timestamp, or one that could not be read, quoted, with the forms carelens reads), of those
whose date was set aside as far from the rest (:class:`FarOff`: how many, a few of them with
their helper and date, and to check for a mistyped year) and of the months (calendar months
in UTC, :data:`UTC_MONTHS`). A trend chart spans the months of what it draws only: the
communities drawn, or the helper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from functools import partial
from typing import Any

from carelens.analysis.crisis import CRISIS_RESOURCES
from carelens.analysis.crisis_counts import crisis_count
from carelens.analysis.crisis_model import learned_only as learned_only  # re-exported
from carelens.insights.frames import Insights
from carelens.insights.report import charts
from carelens.insights.report.format import (
    DASH,
    as_float,
    as_number,
    bdi,
    card,
    esc,
    fmt,
    isolated,
    noun,
    num_cell,
    plural,
)
from carelens.insights.report.names import ResponseNames, position_of
from carelens.insights.report.page import Page
from carelens.insights.rows import ResponseRow
from carelens.insights.strain import DEFAULT_THRESHOLDS
from carelens.insights.trends import FAR_OFF_GAP, FAR_OFF_MAX_RESPONSES, FAR_OFF_MAX_SHARE
from carelens.taxonomy import STYLES

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
#: What a month is, said wherever months are shown.
UTC_MONTHS = (
    "Months are calendar months in UTC: a time with an offset is moved to UTC first, and a "
    "time without one is taken as UTC."
)
#: The timestamp forms carelens reads (HTML), said where a timestamp could not be read.
TIMESTAMP_FORMS = (
    "carelens reads ISO 8601 dates and times (<code>2026-06-12T15:04:00Z</code>, "
    "<code>2026-06-12 15:04+02:00</code>, <code>2026-06-12</code>) and Unix times in seconds "
    "or milliseconds, from 1980 up to the end of 2099; see “Timestamps” in "
    "<code>docs/insights.md</code>."
)


@dataclass(frozen=True, slots=True)
class Undated:
    """The responses without a month: ``missing`` have no timestamp, ``unread`` have one
    that could not be read (``example``: the first such value, as the row keeps it)."""

    missing: int = 0
    unread: int = 0
    example: str | None = None

    @classmethod
    def of(cls, rows: Iterable[ResponseRow]) -> Undated:
        """The undated responses of ``rows``."""
        missing = unread = 0
        example: str | None = None
        for row in rows:
            if row.month is not None:
                continue
            if row.unread_timestamp is None:
                missing += 1
            else:
                unread += 1
                example = example if example is not None else row.unread_timestamp
        return cls(missing, unread, example)

    @property
    def n(self) -> int:
        """How many responses have no month."""
        return self.missing + self.unread

    def said(self, quote: Callable[[str], str]) -> str:
        """How many have no timestamp and how many one that could not be read, the example
        quoted by ``quote`` ("3 responses have no timestamp and 19 have a timestamp that
        could not be read (for example “12/06/2026 3:04 PM”)"); "" when there are none."""
        parts = []
        if self.missing:
            parts.append(f"{plural(self.missing, 'response has', 'responses have')} no timestamp")
        if self.unread:
            who = (
                f"{self.unread:,} {'has' if self.unread == 1 else 'have'}"
                if parts
                else plural(self.unread, "response has", "responses have")
            )
            example = f" (for example {quote(self.example)})" if self.example is not None else ""
            parts.append(f"{who} a timestamp that could not be read{example}")
        return " and ".join(parts)

    def left_out(self, quote: Callable[[str], str], of: str) -> str:
        """:meth:`said`, and that they are left out ``of`` something ("1 response has no
        timestamp and is left out of the trends"); "" when there are none."""
        said = self.said(quote)
        if not said:
            return ""
        if self.missing and self.unread:
            return f"{said}; they are left out of {of}"
        return f"{said} and {'is' if self.n == 1 else 'are'} left out of {of}"


#: Far-off dates named as examples (with their helper) where they are counted.
MAX_FAR_OFF_EXAMPLES = 3
#: How a date is set aside as far off, in words (:func:`~carelens.insights.trends.mark_far_off`).
FAR_OFF_RULE = (
    f"a date is set aside when it lies more than {FAR_OFF_GAP} months from every other month "
    f"of its helper's or its community's responses, in a run of months holding at most "
    f"{FAR_OFF_MAX_RESPONSES} responses and at most {FAR_OFF_MAX_SHARE:.0%} of that group's "
    "dated ones"
)


@dataclass(frozen=True, slots=True)
class FarOff:
    """The responses whose date was set aside as far from the rest of their helper's or
    community's (:attr:`~carelens.insights.rows.ResponseRow.far_off`: a mistyped year, most
    likely): ``n`` of them, the first :data:`MAX_FAR_OFF_EXAMPLES` as (helper, UTC date)."""

    n: int = 0
    examples: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, rows: Iterable[ResponseRow]) -> FarOff:
        """The far-off dates of ``rows`` (their helpers as the rows name them: pseudonyms
        with ``--anonymize``)."""
        n = 0
        examples: list[tuple[str, str]] = []
        for row in rows:
            if not row.far_off or row.timestamp is None:
                continue
            n += 1
            if len(examples) < MAX_FAR_OFF_EXAMPLES:
                examples.append((row.helper, row.timestamp.astimezone(UTC).date().isoformat()))
        return cls(n, tuple(examples))

    def said(self, name: Callable[[str], str] | None = None) -> str:
        """How many responses are dated far from the rest, with examples (their helper
        written by ``name``, left out without it: a helper's own section), e.g. "1 response
        is dated far from the rest of its helper's or community's responses (vol-kay,
        2062-03-05)"; "" when there is none."""
        if not self.n:
            return ""
        listed = [
            date if name is None else f"{name(helper)}, {date}" for helper, date in self.examples
        ]
        more = f" and {self.n - len(listed):,} more" if self.n > len(listed) else ""
        sep = "; " if name is not None else ", "
        its = "its" if self.n == 1 else "their"
        return (
            f"{plural(self.n, 'response is', 'responses are')} dated far from the rest of {its} "
            f"helper's or community's responses ({sep.join(listed)}{more})"
        )

    def left_out(self, name: Callable[[str], str] | None, of: str) -> str:
        """:meth:`said`, that they are left out ``of`` something but count in every other
        figure, and to check for a mistyped year; "" when there is none."""
        said = self.said(name)
        if not said:
            return ""
        verb, pronoun = ("is", "it counts") if self.n == 1 else ("are", "they count")
        return (
            f"{said} and {verb} left out of {of}; {pronoun} in every other figure. Check for a "
            "mistyped year"
        )


def far_off_note(far_off: FarOff, left_out: str) -> str:
    """A note on the responses whose date was set aside as far off (how many, a few with
    their helper and date, to check for a mistyped year), left out of ``left_out``; "" when
    there is none."""
    if not far_off.n:
        return ""
    return f'<p class="note" id="far-off">{far_off.left_out(bdi, left_out)}.</p>'


def quoted(value: str) -> str:
    """A value from the data quoted in running text: escaped, in a ``<code>``, isolated."""
    return f"<code>{bdi(value)}</code>"


def undated_note(undated: Undated, left_out: str) -> str:
    """A note on the responses without a month: how many have no timestamp, how many one
    that could not be read (quoted, with the forms carelens reads), and that they are left
    out of ``left_out``; "" when every response is dated."""
    if not undated.n:
        return ""
    forms = f" {TIMESTAMP_FORMS}" if undated.unread else ""
    return f'<p class="note" id="undated">{undated.left_out(quoted, left_out)}.{forms}</p>'


def summary(insights: Insights, total: Mapping[str, Any], n_helpers: int, extra: Any) -> str:
    months = extra["months"]
    undated: Undated = extra.get("undated") or Undated()
    far_off: FarOff = extra.get("far_off") or FarOff()
    if months:
        span = f"{months[0]} to {months[-1]}" if len(months) > 1 else months[0]
        label = f"{noun(len(months), 'month')} (UTC)"
        if undated.n:
            label += f"; {plural(undated.n, 'response')} undated"
        if far_off.n:
            label += f"; {plural(far_off.n, 'far-off date')} set aside (see Trends)"
        when = card(esc(span), label, small=True)
    elif undated.unread:  # timestamps given, in a form carelens does not read
        when = card(
            "no dates",
            f"no readable timestamp: {plural(undated.unread, 'response has', 'responses have')} "
            "one that could not be read (see Trends)",
            small=True,
        )
    else:  # a card "none months" would read oddly
        when = card("no dates", "no response has a timestamp", small=True)
    n_signals = int(extra["n_signals"])
    needs = int(total.get("needs_attention") or 0)
    cards = [
        card(f"{len(insights):,}", noun(len(insights), "response")),
        card(f"{n_helpers:,}", noun(n_helpers, "helper")),
        card(
            f"{extra['n_communities']:,}",
            noun(extra["n_communities"], "community", "communities"),
        ),
        when,
        card(fmt(as_number(total.get("mean_empathy")), "level"), "mean empathy level (0 to 2)"),
        card(f"{n_signals:,}", noun(n_signals, "strain signal") + " to look at"),
        card(f"{needs:,}", noun(needs, "crisis cue") + " to read"),
        _unsafe_card(insights.rows),
    ]
    return (
        f'<section id="overview"><h2>Overview</h2><div class="cards">{"".join(cards)}</div>'
        "</section>"
    )


def unsafe_checked(rows: Iterable[ResponseRow]) -> tuple[int, int]:
    """(responses, those checked for unsafe wording): results of an older carelens were not
    checked, and are left out of the unsafe counts rather than counted as safe."""
    n = checked = 0
    for row in rows:
        n += 1
        checked += row.unsafe_reply is not None
    return n, checked


def _unsafe_card(rows: Sequence[ResponseRow]) -> str:
    """The overview card of unsafe replies: how many to read, of how many checked, or "not
    checked" when no response was (never a 0 for responses nobody looked at)."""
    n, checked = unsafe_checked(rows)
    if not checked:
        return card(DASH, "unsafe replies: not checked (results of an older carelens)")
    unsafe = sum(1 for r in rows if r.unsafe_reply)
    label = noun(unsafe, "unsafe reply", "unsafe replies") + " to read"
    if checked < n:
        label += f", of the {checked:,} responses checked"
    return card(f"{unsafe:,}", label)


_GROUP_COLUMNS: tuple[tuple[str, str, str], ...] = (
    *((f"style_{s}", s, "pct") for s in STYLES),
    ("mean_empathy", "mean empathy", "level"),
    ("reflections_per_question", "reflections / question", "ratio"),
    ("complex_reflection_share", "complex reflections", "pct"),
    ("length_matched_share", "length matched", "pct"),
    ("high_distress_share", "high distress", "pct"),
    ("mean_empathy_slope", "empathy trend", "slope"),
)


def group_table(
    records: Sequence[Mapping[str, Any]],
    by: str,
    *,
    links: Mapping[str, str],
    extra: Sequence[tuple[str, str, Mapping[str, int | None]]],
    css_id: str,
    tall: bool,
    min_trend_responses: int = DEFAULT_THRESHOLDS.min_trend_responses,
) -> str:
    """The table of helpers or communities (``by``): one row per record, style shares first.

    ``links`` maps a name to the URL its row links to (``#h-1`` in the report, a page of its
    own on the dashboards); ``extra`` adds (label, format, value per name) columns: a name
    without a value has 0, one whose value is None (unknown: unsafe replies never checked)
    a dash. An empathy trend drawn from fewer than ``min_trend_responses`` dated responses
    (the record's ``trend_responses``) is marked "few responses (n=3)" (:func:`few_marker`).
    """
    head = [f'<th scope="col">{by}</th>', '<th scope="col" class="num">responses</th>']
    head += [f'<th scope="col" class="num">{label}</th>' for _, label, _ in _GROUP_COLUMNS]
    head += [f'<th scope="col" class="num">{label}</th>' for label, _, _ in extra]
    style_span = len(STYLES)
    rest = len(_GROUP_COLUMNS) - style_span + len(extra)
    # The empty cells over the other columns head nothing: data cells, not headers.
    top = (
        f'<tr><td colspan="2"></td><th colspan="{style_span}" scope="colgroup" '
        f'class="num">style share</th><td colspan="{rest}"></td></tr>'
    )
    body = []
    for rec in records:
        name = str(rec[by])
        label = bdi(name)
        if name in links:
            label = f'<a href="{esc(links[name])}">{label}</a>'
        cells = [f'<th scope="row">{label}</th>', num_cell(as_number(rec.get("responses")), "int")]
        for key, _, kind in _GROUP_COLUMNS:
            value = as_number(rec.get(key))
            cell = num_cell(value, kind)
            if kind == "slope" and value is not None:
                cell = cell.replace("</td>", f"{few_marker(rec, min_trend_responses)}</td>")
            cells.append(cell)
        for _, kind, values in extra:
            cells.append(num_cell(values.get(name, 0), kind))
        body.append(f"<tr>{''.join(cells)}</tr>")
    table = (
        f'<table id="{css_id}"><thead>{top}<tr>{"".join(head)}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    groups = "communities" if by == "community" else f"{by}s"
    return charts.table_frame(table, f"Table of {groups}", tall=tall)


def few_responses(record: Mapping[str, Any], min_trend_responses: int) -> int | None:
    """The responses a group's trend is drawn from (its ``trend_responses``) when they are
    fewer than ``min_trend_responses`` (too few to read a trend from, and for a strain
    signal), else None."""
    n = as_number(record.get("trend_responses"))
    return int(n) if n is not None and n < min_trend_responses else None


def few_marker(record: Mapping[str, Any], min_trend_responses: int) -> str:
    """ " few responses (n=3)" (HTML, on a line of its own) after a trend drawn from too few
    responses (:func:`few_responses`); "" otherwise."""
    n = few_responses(record, min_trend_responses)
    return "" if n is None else f'<br><small class="few">few responses (n={n:,})</small>'


def _count(v: object) -> int | None:
    """A count of a group's record, or None where it is unknown."""
    value = as_number(v)
    return None if value is None else int(value)


def _level_means(rec: Mapping[str, Any]) -> list[float | None]:
    return [as_float(rec.get(f"mean_{d}")) for d in CHART_DIMENSIONS]


def communities(
    page: Page,
    records: Sequence[Mapping[str, Any]],
    total: Mapping[str, Any],
    styles: Mapping[str, Counter[str]],
    helper_counts: Mapping[str, int],
    *,
    min_trend_responses: int = DEFAULT_THRESHOLDS.min_trend_responses,
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
    style_chart = charts.responsive(
        partial(
            charts.stacked_bars,
            bars,
            STYLES,
            charts.STYLE_COLOURS,
            title="Style distribution per community",
        ),
        WIDE,
        page.chart_id,
    )
    values = [v for _, _, vals in series for v in vals]
    level_chart = charts.responsive(
        partial(
            charts.grouped_bars,
            [d.replace("_", " ") for d in CHART_DIMENSIONS],
            series,
            title="Mean level per dimension per community (0 none, 1 weak, 2 strong)",
            max_value=charts.nice_max(values),
        ),
        WIDE,
        page.chart_id,
    )
    needs = {str(r["community"]): _count(r.get("needs_attention")) for r in records}
    # None (a dash) for a community whose responses were never checked for unsafe wording.
    unsafe = {str(r["community"]): _count(r.get("unsafe_replies")) for r in records}
    table = group_table(
        records,
        "community",
        links={},
        extra=[
            ("helpers", "int", helper_counts),
            ("crisis cues", "int", needs),
            ("unsafe replies", "int", unsafe),
        ],
        css_id="community-table",
        tall=False,
        min_trend_responses=min_trend_responses,
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


def trend_chart(
    page: Page,
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
            {m: as_float(per_month[m].get(f"mean_{d}")) for m in per_month},
        )
        for d in TREND_DIMENSIONS
    ]
    counts = {m: int(as_number(rec.get("responses")) or 0) for m, rec in per_month.items()}
    return charts.responsive(
        partial(charts.line_chart, months, series, title=title, y_max=y_max, counts=counts),
        HALF,
        page.chart_id,
    ) + charts.line_figures(months, series, counts=counts, label=title)


def trend_legend() -> str:
    return charts.legend([(d, charts.DIMENSION_COLOURS[d]) for d in TREND_DIMENSIONS], dashed=True)


def trends(
    page: Page,
    community_order: Sequence[str],
    monthly_records: Sequence[Mapping[str, Any]],
    month_styles: Mapping[str, Mapping[str, Counter[str]]],
    undated: Undated,
    far_off: FarOff | None = None,
) -> str:
    """The trends section: per community, mean levels and style shares per month (in UTC),
    with how many responses are undated (no timestamp, or one that could not be read) and
    how many dates were set aside as far off, whatever is drawn. The charts span the months
    of the communities drawn (at most :data:`MAX_CHART_COMMUNITIES`), never those of the
    others."""
    far_off = far_off or FarOff()
    head = '<section id="trends"><h2>Trends over time</h2>'
    far = far_off_note(far_off, "the trends and the strain signals")
    if not monthly_records:
        if undated.unread:
            return (
                head + f'<p class="note" id="undated">No response has a timestamp that carelens '
                f"could read, so there are no trend charts: {undated.said(quoted)}. "
                f"{TIMESTAMP_FORMS}</p>{far}</section>"
            )
        return (
            head + '<p class="note" id="undated">These responses carry no timestamps, so there '
            "are no trend charts. Give the input a timestamp per message to see months.</p>"
            f"{far}</section>"
        )
    per_community: dict[str, dict[str, Mapping[str, Any]]] = {}
    for rec in monthly_records:
        per_community.setdefault(str(rec["community"]), {})[str(rec["month"])] = rec
    shown = [c for c in community_order if c in per_community][:MAX_CHART_COMMUNITIES]
    # The months of the communities drawn: one that is not drawn stretches no axis.
    months = charts.month_range(sorted({m for c in shown for m in per_community[c]}))
    note = undated_note(undated, "the trends") + far
    if len(months) < 2:
        which = "" if len(shown) == len(per_community) else " of these communities"
        which += " (the far-off dates below aside)" if far_off.n else ""
        return (
            head + f'<p class="note">Every dated response{which} falls in {esc(months[0])} '
            f"(UTC), so there is no trend to draw yet. {UTC_MONTHS}</p>{note}</section>"
        )
    y_max = charts.nice_max(
        [
            as_float(per_community[c][m].get(f"mean_{d}"))
            for c in shown
            for m in per_community[c]
            for d in TREND_DIMENSIONS
        ]
    )
    parts = [head]
    aside = " (a far-off date set aside, below, is not drawn either)" if far_off.n else ""
    parts.append(
        '<p class="muted">Mean level per calendar month (0 none, 1 weak, 2 strong); a gap is a '
        f"month without responses{aside}. Months with few responses move a lot; hover a point "
        f"for its count. {UTC_MONTHS}</p>"
    )
    parts.append(note)
    for c in shown:
        line = trend_chart(
            page,
            months,
            per_community[c],
            title=f"Mean levels per month: {isolated(c)}",
            y_max=y_max,
        )
        styles_title = f"Style share per month: {isolated(c)}"
        cols = charts.responsive(
            partial(
                charts.stacked_columns,
                months,
                month_styles.get(c, {}),
                STYLES,
                charts.STYLE_COLOURS,
                title=styles_title,
            ),
            HALF,
            page.chart_id,
        ) + charts.column_figures(months, month_styles.get(c, {}), STYLES, label=styles_title)
        parts.append(
            f'<h3>{bdi(c)}</h3><div class="grid2"><figure><figcaption>Mean level per month'
            f"</figcaption>{trend_legend()}{line}</figure><figure><figcaption>Style share per "
            f"month</figcaption>{charts.legend([(s, charts.STYLE_COLOURS[s]) for s in STYLES])}"
            f"{cols}</figure></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _count_and_where(
    total: Mapping[str, Any], records: Sequence[Mapping[str, Any]], metric: str
) -> tuple[int, str]:
    """A count over all responses, and " (community: n; ...)" when there are several
    communities with some."""
    per = [
        f"{bdi(r['community'])}: {int(as_number(r.get(metric)) or 0):,}"
        for r in records
        if as_number(r.get(metric))
    ]
    where = f" ({'; '.join(per)})" if len(records) > 1 and per else ""
    return int(as_number(total.get(metric)) or 0), where


#: Responses listed in the crisis section; the others are counted ("and N more").
MAX_TO_READ = 50

#: Where a response is shown in full: its position in the input -> URL, or None (no link).
ResponseLinks = Callable[[int], str | None]


def responses_to_read(rows: Iterable[ResponseRow]) -> list[ResponseRow]:
    """The responses a person should read: those with unsafe wording first, then those that
    answer a seeker message with crisis cues; each group in input order."""
    rows = list(rows)
    return [r for r in rows if r.unsafe_reply] + [
        r for r in rows if r.needs_attention and not r.unsafe_reply
    ]


def _words(text: str | None, spans: Sequence[Mapping[str, Any]]) -> str:
    """The words of ``spans`` cut from ``text``, escaped and marked; each once."""
    if text is None:
        return ""
    words: list[str] = []
    for span in spans:
        try:
            start, end = max(int(span["start"]), 0), min(int(span["end"]), len(text))
        except (KeyError, TypeError, ValueError):
            continue
        word = text[start:end].strip()
        if word and word not in words:
            words.append(word)
    # dir="auto": a right-to-left word reads as itself, without reordering the cell
    return ", ".join(f'<mark dir="auto">{esc(w)}</mark>' for w in words)


def _kinds(spans: Sequence[Mapping[str, Any]]) -> str:
    labels = sorted({str(s.get("label")) for s in spans if s.get("label")})
    return f" ({esc(', '.join(label.replace('_', ' ') for label in labels))})" if labels else ""


def _to_read_row(row: ResponseRow, links: ResponseLinks | None, names: ResponseNames) -> str:
    href = links(position_of(row)) if links is not None else None
    rid = names.label(row)
    if href:
        rid = f'<a href="{esc(href)}">{rid}</a>'
    what: list[str] = []
    evidence: list[str] = []
    no_text = False
    # Only the learned flag: a hint of a crisis, not wording about suicide or self-harm.
    hint = learned_only(row.crisis_cues)
    for flagged, label, text, spans, where in (
        (
            row.unsafe_reply,
            "unsafe wording in the reply",
            row.response_text,
            row.unsafe_spans,
            "reply",
        ),
        (
            row.needs_attention,
            "a possible crisis in the seeker message"
            if hint
            else "crisis cues in the seeker message",
            row.seeker_text,
            row.crisis_cues,
            "seeker",
        ),
    ):
        if not flagged:
            continue
        what.append(label + ("" if hint and where == "seeker" else _kinds(spans)))
        words = _words(text, spans)
        if words:
            evidence.append(f"{where}: {words}")
        no_text = no_text or text is None
    if evidence:
        found = "<br>".join(evidence)
    elif no_text:
        found = '<span class="muted">no text in the results</span>'
    else:
        found = DASH
    cells = [
        rid,
        bdi(row.conversation_id) if row.conversation_id else DASH,
        bdi(row.community),
        bdi(row.helper),
        "; ".join(what),
        found,
    ]
    return (
        f'<tr><th scope="row">{cells[0]}</th>'
        + "".join(f"<td>{c}</td>" for c in cells[1:])
        + "</tr>"
    )


def to_read_list(
    rows: Iterable[ResponseRow],
    names: ResponseNames,
    *,
    links: ResponseLinks | None = None,
    limit: int = MAX_TO_READ,
    see_all: str = "",
) -> str:
    """The table of responses a person should read (:func:`responses_to_read`), the first
    ``limit`` of them (named by ``names``), then how many more there are. ``see_all`` (HTML,
    a sentence) says where all of them can be read; without it, the report says where they
    are marked in the results and tables."""
    rows = list(rows)
    found = responses_to_read(rows)
    head = '<h3 id="to-read-head">Responses to read</h3>'
    if not found:
        n, checked = unsafe_checked(rows)
        if not checked:
            unsafe = "Unsafe wording was not checked (results of an older carelens)"
        elif checked < n:
            unsafe = f"None of the {checked:,} responses checked for unsafe wording has it"
        else:
            unsafe = "No response has unsafe wording"
        return (
            f'{head}<p id="to-read-none">{unsafe}, and none answers a seeker message with '
            "crisis cues.</p>"
        )
    shown = found[:limit]
    more = len(found) - len(shown)
    intro = (
        f'<p class="muted">{plural(len(found), "response")} to read: unsafe replies first, then '
        "replies to messages with crisis cues, each in the order of the data. The marked words "
        f"are the ones that raised the flag.{' ' + see_all if see_all else ''}</p>"
    )
    table = charts.table_frame(
        '<table id="to-read"><thead><tr>'
        '<th scope="col">response</th><th scope="col">conversation</th>'
        '<th scope="col">community</th><th scope="col">helper</th>'
        '<th scope="col">to read because of</th><th scope="col">words</th></tr></thead>'
        f"<tbody>{''.join(_to_read_row(r, links, names) for r in shown)}</tbody></table>",
        "Responses to read",
    )
    tail = ""
    if more:
        where = see_all or (
            "Every one is marked in the results (<code>needs_attention</code>, "
            "<code>unsafe</code>) and in <code>responses.csv</code> from <code>carelens "
            "summarize --tables</code> (<code>needs_attention</code>, <code>unsafe_reply</code>)."
        )
        tail = f'<p id="to-read-more">… and {plural(more, "more response")}. {where}</p>'
    return head + intro + table + tail


def crisis(
    total: Mapping[str, Any],
    records: Sequence[Mapping[str, Any]],
    names: ResponseNames,
    *,
    links: ResponseLinks | None = None,
    see_all: str = "",
) -> str:
    """The crisis section, in words for the moderator or supervisor who reads it: the counts,
    that this is a list to read and not a risk score, what to do, the crisis resources, then
    the responses to read (of ``names.rows``, the flagged ones, at most :data:`MAX_TO_READ`
    listed; linked through ``links`` by their position; ``see_all`` as in
    :func:`to_read_list`)."""
    n, where = _count_and_where(total, records, "needs_attention")
    unsafe, unsafe_where = _count_and_where(total, records, "unsafe_replies")
    resources = "".join(f"<li>{esc(line)}</li>" for line in CRISIS_RESOURCES)
    has = "response has" if unsafe == 1 else "responses have"
    responses, checked = unsafe_checked(names.rows)
    if not checked:  # results of an older carelens: never looked for, so no count
        unsafe_said = (
            '<p><strong id="unsafe-count">Not checked</strong>: these results come from an '
            "older carelens, which did not look for unsafe wording (urging someone to harm "
            "themselves, or information about a means). Analyse the conversations again to "
            "check the replies.</p>"
        )
    else:
        of = ""
        if checked < responses:
            of = (
                f", of the {checked:,} responses checked for it ({responses - checked:,} from "
                "an older carelens were not checked)"
            )
        unsafe_said = (
            f'<p><strong id="unsafe-count">{unsafe:,}</strong> {has} unsafe wording: urging '
            f"someone to harm themselves, or information about a means{unsafe_where}{of}.</p>"
        )
    # Worded as analyze and summarize word it (the count in its own element), and where a
    # message is only a hint, what the learned flag is.
    hints = sum(1 for r in names.rows if r.needs_attention and learned_only(r.crisis_cues))
    words = crisis_count(n, hints)
    note = f" {esc(words.note)}" if words.note else ""
    learned = (
        " The learned flag is a small model that reads the words alone, and it also marks "
        "grief and other hard news."
        if hints
        else ""
    )
    return (
        '<section id="crisis"><h2>Crisis cues and unsafe replies</h2><div class="crisis">'
        f'<p><strong id="crisis-count">{words.number}</strong> {esc(words.answer)} '
        f"{esc(words.what)}{where}{note}.{learned}</p>"
        f"{unsafe_said}<p>The list below is for a person to read. It is <strong>not a risk "
        "score</strong>: carelens finds wording; it does not judge how much danger anyone is "
        "in. It catches plain phrasing only, so a message or reply that is not listed is not "
        "thereby “safe”.</p>"
        "<p><strong>What to do:</strong> read each one in full, in its conversation. If the "
        "person who wrote the message may be in danger, reach out to them directly, ask "
        "whether they are safe, and share a crisis line. If a reply has unsafe wording, take it "
        "down, talk with the helper who wrote it, and check on the person it answered. Follow "
        "your community's safety procedure where it has one. Crisis lines:</p>"
        f"<ul>{resources}</ul></div>"
        f"{to_read_list(names.rows, names, links=links, see_all=see_all)}</section>"
    )

"""The report's accessibility: chart colours and labels, the style sheet's rules for chart
text and forced colours, the tables of figures beside the monthly charts, and the frames
that scroll tables (named regions, reachable by keyboard).

The browser's view of the same (painted colours, forced colours) is in
``test_report_browser.py``.
"""

from __future__ import annotations

import re

import pytest
from test_report import Node, parse

from carelens.insights import Insights
from carelens.insights.report import Overview, build_report, charts
from carelens.insights.report.document import CSS
from carelens.insights.report.format import DASH, isolated
from carelens.insights.report.sections import TREND_DIMENSIONS
from carelens.taxonomy import STYLES

#: The style sheet's rules: (selector list, declarations), @media blocks opened up.
RULES = re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"@media[^{]*\{", "", CSS))


@pytest.fixture(scope="module")
def doc(sample_insights: Insights) -> Node:
    return parse(build_report(sample_insights))


def _rules_setting(prop: str) -> list[tuple[str, str]]:
    return [
        (sel.strip(), body)
        for sel, body in RULES
        if re.search(rf"(^|;)\s*{re.escape(prop)}\s*:", body)
    ]


def test_chart_text_keeps_its_own_fill(doc: Node) -> None:
    """A style rule beats an SVG ``fill`` attribute: a rule "svg text{fill:#222}" painted the
    labels inside bars #222 whatever black or white they asked for ("38%" on the blue bar
    at 3:1). Every rule that colours chart text leaves out text with a fill of its own."""
    for selectors, _ in _rules_setting("fill"):
        for selector in selectors.split(","):
            if re.search(r"\btext\b", selector):
                assert ":not([fill])" in selector, selector
    labels = [t for t in doc.find_all("text", class_="in-bar")]
    assert labels
    for label in labels:
        assert label.attrs["fill"] in ("#000000", "#ffffff"), label.attrs


def test_forced_colours_keep_charts_and_swatches_as_drawn() -> None:
    """With forced colours (Windows high contrast) a chart is kept as drawn on a white panel
    (its black series and labels would vanish on a black page) and legend swatches keep
    their colours, framed (else they all turn the page's colour)."""
    forced = re.search(r"@media \(forced-colors:active\)\{(.*?\})\}", CSS, re.S)
    assert forced is not None
    rules = dict(re.findall(r"([^{}]+)\{([^{}]*)\}", forced.group(1)))
    keep = next(body for sel, body in rules.items() if "svg.chart" in sel and ".swatch" in sel)
    assert "forced-color-adjust:none" in keep
    assert any("svg.chart" in sel and "background:#fff" in body for sel, body in rules.items())
    assert any(sel.strip() == ".swatch" and "border" in body for sel, body in rules.items())


def test_darkened_keeps_the_hue_and_reaches_three_to_one() -> None:
    for colour in ("#E69F00", "#56B4E9", "#F0E442", "#CC79A7", "#BBBBBB"):
        dark = charts.darkened(colour)
        assert charts.contrast(dark, charts.PLOT_BACKGROUND) >= 3.0, (colour, dark)
        assert charts.contrast(dark, charts.PLOT_BACKGROUND) < 3.2, (colour, dark)  # just enough
        light = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
        shade = [int(dark[i : i + 2], 16) for i in (1, 3, 5)]
        ratios = [s / c for s, c in zip(shade, light, strict=True) if c]
        assert max(ratios) - min(ratios) < 0.02, (colour, dark)  # scaled alike: same hue
    assert charts.darkened("#0072B2") == "#0072B2"  # already 5:1
    assert charts.darkened("#000000") == "#000000"
    assert charts.darkened("#E69F00") == "#C18600"


def test_lines_and_group_bars_stand_out_from_the_page(doc: Node) -> None:
    """Lines on the plot's #fafafa and community bars on white at 3:1 at least (WCAG 1.4.11):
    the palette's orange, sky blue and yellow were about 2:1, yellow 1.3:1."""
    for colour in charts.SERIES_COLOURS:
        assert charts.contrast(colour, "#ffffff") >= 3.0, colour
    lines = [p for p in doc.find_all("path", class_="mark")]
    assert lines
    strokes = {p.attrs["stroke"] for p in lines}
    for stroke in strokes:
        assert charts.contrast(stroke, charts.PLOT_BACKGROUND) >= 3.0, stroke
    # sympathy's reddish purple (2.9:1) is drawn darker, and its legend sample alike
    assert charts.DIMENSION_COLOURS["sympathy"] not in strokes
    samples = {line.attrs["stroke"] for line in doc.find_all("line") if "stroke" in line.attrs}
    assert strokes <= samples
    chart = charts.line_chart(
        ["2024-01", "2024-02"],
        [("advice", "#E69F00", {"2024-01": 1.0, "2024-02": 0.5})],
        chart_id="c",
        title="t",
        y_max=2.0,
    )
    assert 'stroke="#C18600"' in chart and 'fill="#C18600"' in chart
    assert "#E69F00" not in chart


def test_bar_labels_name_the_style_where_there_is_room() -> None:
    """Colour is not the only way to tell the segments apart: a wide segment says which
    style it is, a narrower one its share, one too narrow for either nothing."""
    svg = parse(
        charts.stacked_bars(
            [("r/grief", {"compassion": 80, "empathy": 14, "advice": 6})],
            ["compassion", "empathy", "advice"],
            charts.STYLE_COLOURS,
            chart_id="c",
            title="t",
            width=720,
        )
    )
    labels = [t.text() for t in svg.find_all("text", class_="in-bar")]
    assert labels == ["compassion 80%", "14%"]  # advice: 29 px


def _figures_after(doc: Node, section: str) -> list[Node]:
    return doc.by_id(section).find_all("details", class_="figures")


def _rows(details: Node) -> dict[str, list[str]]:
    body = details.find("tbody")
    return {
        r.find("th").text(): [td.text() for td in r.find_all("td")] for r in body.find_all("tr")
    }


def test_monthly_charts_come_with_their_figures(sample_insights: Insights, doc: Node) -> None:
    """Screen readers take a chart as one image: "Style share per month" said no figure and
    "Mean levels per month" the first and last month alone. A table of every month's figures
    follows each monthly chart, in a collapsed <details>."""
    overview = Overview.of(sample_insights)
    months = charts.month_range(overview.months)
    monthly = {(str(r["community"]), str(r["month"])): r for r in overview.monthly_records}
    communities = [str(r["community"]) for r in overview.community_records]
    figures = _figures_after(doc, "trends")
    assert len(figures) == 2 * len(communities)
    for community, lines, styles in zip(communities, figures[::2], figures[1::2], strict=True):
        assert lines.find("summary").text() == charts.FIGURES_SUMMARY
        frame = lines.find("div", class_="table-wrap")
        assert frame.attrs["aria-label"] == f"Mean levels per month: {isolated(community)}"
        head = [th.text() for th in lines.find("thead").find_all("th")]
        assert head == ["month", "responses", *TREND_DIMENSIONS]
        rows = _rows(lines)
        assert list(rows) == months
        for month, cells in rows.items():
            rec = monthly.get((community, month))
            if rec is None:
                assert cells == ["0", *[DASH] * len(TREND_DIMENSIONS)]
                continue
            assert cells[0] == f"{int(rec['responses']):,}"
            assert cells[1:] == [f"{float(rec[f'mean_{d}']):.2f}" for d in TREND_DIMENSIONS]
        head = [th.text() for th in styles.find("thead").find_all("th")]
        assert head == ["month", "responses", *STYLES]
        per_month = overview.rollup.community_months[community]
        for month, cells in _rows(styles).items():
            counts = per_month[month].styles if month in per_month else {}
            total = sum(counts.values())
            assert cells[0] == str(total)
            assert cells[1:] == [
                f"{counts.get(s, 0) / total:.0%}" if total else DASH for s in STYLES
            ]
    # the helpers' trend charts have theirs too: one table per monthly chart
    trend_charts = [
        svg
        for svg in doc.by_id("helper-details").find_all("svg", class_="only-wide")
        if svg.find("title").text().startswith("Mean levels per month")
    ]
    assert trend_charts and len(_figures_after(doc, "helper-details")) == len(trend_charts)


def test_stacked_columns_figures_match_the_chart() -> None:
    months = ["2024-01", "2024-02", "2024-03"]
    stacks = {"2024-01": {"empathy": 3, "advice": 1}, "2024-03": {"advice": 2}}
    figures = parse(charts.column_figures(months, stacks, ["empathy", "advice"], label="x"))
    assert _rows(figures.find("details")) == {
        "2024-01": ["4", "75%", "25%"],
        "2024-02": ["0", DASH, DASH],
        "2024-03": ["2", "0%", "100%"],
    }


def test_scrolling_table_frames_are_named_regions(doc: Node) -> None:
    """Chromium lets the keyboard reach a frame that scrolls, and it had no name: every frame
    of the report's own tables is a region named after its table, and a tab stop."""
    named = {
        "community-table": "Table of communities",
        "helper-table": "Table of helpers",
        "to-read": "Responses to read",
    }
    frames = {
        frame.find("table").attrs.get("id"): frame
        for frame in doc.find_all("div", class_="table-wrap")
    }
    for table, label in named.items():
        frame = frames[table]
        assert frame.attrs["role"] == "region" and frame.attrs["tabindex"] == "0"
        assert frame.attrs["aria-label"] == label
    for details in doc.find_all("details", class_="figures"):
        frame = details.find("div", class_="table-wrap")
        assert frame.attrs["role"] == "region" and frame.attrs["aria-label"]
    if "signal-table" in frames:
        assert frames["signal-table"].attrs["aria-label"] == "Strain signals"
    for frame in frames.values():  # no frame is left without a name
        assert frame.attrs.get("role") == "region" and frame.attrs.get("aria-label"), frame


@pytest.mark.parametrize("table", ["community-table", "helper-table"])
def test_group_tables_head_no_column_with_an_empty_header(doc: Node, table: str) -> None:
    """The cells over the columns outside "style share" head nothing: data cells, not empty
    <th>s a screen reader would read as headers without a name."""
    head = doc.by_id(table).find("thead")
    assert all(th.text().strip() for th in head.find_all("th"))
    top = head.find("tr")
    assert [c.tag for c in top.children if isinstance(c, Node)] == ["td", "th", "td"]

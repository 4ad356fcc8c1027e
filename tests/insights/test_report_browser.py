"""The report in a real browser: it loads offline, requests nothing, and its charts render.

Chromium (``/usr/bin/chromium``) is driven by Playwright with every request that is not
``file://`` or ``data:`` aborted and counted; the test is skipped when either is missing
(Playwright's own browser downloads are never used). Set ``CARELENS_SCREENSHOTS`` to a folder
(``CARELENS_SCREENSHOTS=docs/images``) to also write the screenshots shown in
``docs/report.md``: ``report-overview.png`` and ``report-helper.png``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import Visit, assert_fits_sideways, launch, local_files, screenshot_folder
from carelens.insights import Insights
from carelens.insights.report import write_report
from carelens.insights.report.charts import NARROW


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as launched:
        yield launched


class ReportVisit(Visit):
    """A report opened from disk, with the network blocked."""

    def __init__(self, browser: Any, *, width: int = 1280) -> None:
        super().__init__(browser, local_files, width=width)

    def open(self, path: Path) -> Any:
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        return self.page


#: The charts the window shows (each is drawn twice, wide and narrow; CSS shows one).
_CHARTS_JS = """() => [...document.querySelectorAll('svg.chart')]
    .filter(svg => svg.checkVisibility()).map(svg => {
  const box = svg.getBoundingClientRect();
  const title = document.getElementById((svg.getAttribute('aria-labelledby') || '').split(' ')[0]);
  return {id: svg.id, width: box.width, height: box.height, drawn: svg.viewBox.baseVal.width,
          shapes: svg.querySelectorAll('rect, path').length,
          marks: svg.querySelectorAll('.mark').length,
          title: title ? title.textContent : null};
})"""


def _report(tmp_path: Path, insights: Insights, manifest: dict[str, Any]) -> Path:
    return write_report(insights, tmp_path / "report.html", model=manifest, source="chat.jsonl")


def test_report_renders_offline_with_visible_charts(
    browser: Any, tmp_path: Path, sample_insights: Insights, sample_manifest: dict[str, Any]
) -> None:
    visit = ReportVisit(browser)
    page = visit.open(_report(tmp_path, sample_insights, sample_manifest))
    charts = page.evaluate(_CHARTS_JS)
    # 2 overview charts + (line + columns) per community + (style + trend) per helper.
    assert len(charts) == 2 + 2 * 2 + 2 * len(sample_insights.helpers())
    for chart in charts:
        assert chart["width"] > 0 and chart["height"] > 0, chart
        assert chart["shapes"] > 0 and chart["marks"] > 0, chart
        assert chart["title"], chart
    assert page.title() == "carelens report"
    assert page.locator("#helper-table tbody tr").count() == len(sample_insights.helpers())
    visit.close()


def test_variants_render_without_errors(
    browser: Any, tmp_path: Path, make_sample_insights: Callable[..., Insights]
) -> None:
    for name, insights in {
        "empty": Insights([]),
        "undated": make_sample_insights(timestamps=False),
        "textless": make_sample_insights(texts=False),
    }.items():
        visit = ReportVisit(browser)
        page = visit.open(write_report(insights, tmp_path / f"{name}.html"))
        for chart in page.evaluate(_CHARTS_JS):
            assert chart["width"] > 0 and chart["height"] > 0, (name, chart)
            assert chart["marks"] > 0, (name, chart)
        visit.close()


def _grid_boxes(page: Any) -> list[dict[str, float]]:
    """Where the two figures of the first two-column grid are."""
    return list(
        page.locator("#trends .grid2")
        .first.locator(":scope > figure")
        .evaluate_all("els => els.map(el => el.getBoundingClientRect().toJSON())")
    )


#: Names with no space to break at, as long as carelens accepts (a helper name of up to 512
#: characters) or longer than any line: the page wraps them rather than scroll sideways.
LONG_HELPER = "x" * 512
LONG_COMMUNITY = "r/" + "y" * 300


def _long_names_report(tmp_path: Path, make_sample_insights: Callable[..., Insights]) -> Path:
    """The sample with one helper, one community, every id, the title and the input file's
    name too long for any line."""
    rename = {"alice": LONG_HELPER, "r/anxiety": LONG_COMMUNITY}
    insights = make_sample_insights(rename=rename, id_prefix="z" * 300)
    assert LONG_HELPER in set(insights.helpers()["helper"])
    return write_report(
        insights, tmp_path / "long.html", title="t" * 300, source="s" * 300 + ".jsonl"
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_report_fits_the_window(
    browser: Any,
    tmp_path: Path,
    sample_insights: Insights,
    sample_manifest: dict[str, Any],
    make_sample_insights: Callable[..., Insights],
    width: int,
) -> None:
    """No sideways scrolling on a phone (390 px) or a laptop: the two-column grids fall to
    one column on a phone, wide tables scroll inside their own container, and names and ids
    too long for a line (a helper, a community, a response id) wrap."""
    visit = ReportVisit(browser, width=width)
    page = visit.open(_long_names_report(tmp_path, make_sample_insights))
    assert_fits_sideways(page)
    heading = page.locator("section.helper h3", has_text=LONG_HELPER).bounding_box()
    assert heading is not None and heading["x"] + heading["width"] <= width, heading
    page = visit.open(_report(tmp_path, sample_insights, sample_manifest))
    assert_fits_sideways(page)
    first, second = _grid_boxes(page)
    shown = page.evaluate(_CHARTS_JS)
    assert len(shown) == 2 + 2 * 2 + 2 * len(sample_insights.helpers())
    if width < 500:
        assert first["x"] == second["x"] and second["y"] >= first["bottom"], (first, second)
        for chart in shown:  # the narrow drawings, at (nearly) their own size: text readable
            assert chart["drawn"] == NARROW and NARROW * 0.95 <= chart["width"] <= width, chart
    else:
        assert first["y"] == second["y"] and second["x"] >= first["right"], (first, second)
        assert all(chart["drawn"] > NARROW for chart in shown)
    visit.close()


@pytest.mark.skipif(
    not os.environ.get("CARELENS_SCREENSHOTS"),
    reason="set CARELENS_SCREENSHOTS=docs/images to regenerate the screenshots",
)
def test_write_screenshots(
    browser: Any, tmp_path: Path, sample_insights: Insights, sample_manifest: dict[str, Any]
) -> None:
    folder = screenshot_folder()
    assert folder is not None
    visit = ReportVisit(browser)
    page = visit.open(_report(tmp_path, sample_insights, sample_manifest))
    top = page.locator("#trends .grid2").first.bounding_box()
    assert top is not None
    page.screenshot(
        path=str(folder / "report-overview.png"),
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": top["y"] + top["height"] + 16},
    )
    helper = page.locator("section.helper").first
    helper.evaluate("el => el.querySelectorAll('details').forEach(d => { d.open = true; })")
    box = helper.bounding_box()
    assert box is not None
    page.screenshot(
        path=str(folder / "report-helper.png"),
        full_page=True,
        clip={
            "x": box["x"] - 24,
            "y": box["y"],
            "width": box["width"] + 48,
            "height": box["height"] + 16,
        },
    )
    visit.close()


#: Per chart label (text): its own fill attribute and the fill the browser paints; and per
#: chart and legend swatch, what forced colours leave of them.
_COLOURS_JS = """() => {
  const texts = [...document.querySelectorAll('svg.chart text')].filter(t => t.checkVisibility());
  const chart = document.querySelector('svg.chart');
  const swatch = document.querySelector('.legend .swatch');
  return {
    texts: texts.map(t => ({text: t.textContent, own: t.getAttribute('fill'),
                            painted: getComputedStyle(t).fill})),
    chart: [getComputedStyle(chart).forcedColorAdjust, getComputedStyle(chart).backgroundColor],
    swatch: [swatch.style.background, getComputedStyle(swatch).backgroundColor],
  };
}"""


def _rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


def test_chart_labels_keep_their_colours_also_in_forced_colours(
    browser: Any, tmp_path: Path, sample_insights: Insights
) -> None:
    """A label inside a bar is painted in the black or white its ``fill`` asks for (the page's
    style sheet once painted every chart text #222: 3:1 on the blue bar); with forced colours
    (Windows high contrast, dark) charts stay as drawn on a white panel and legend swatches
    keep their colours, instead of black labels and black swatches on a black page."""
    visit = ReportVisit(browser)
    page = visit.open(write_report(sample_insights, tmp_path / "report.html"))
    for forced in (False, True):
        if forced:
            page.emulate_media(forced_colors="active", color_scheme="dark")
        found = page.evaluate(_COLOURS_JS)
        own = [t for t in found["texts"] if t["own"]]
        assert {t["own"] for t in own} == {"#000000", "#ffffff"}, own
        assert all(t["painted"] == _rgb(t["own"]) for t in own), (forced, own)
        others = {t["painted"] for t in found["texts"] if not t["own"]}
        assert others <= {"rgb(34, 34, 34)", "rgb(91, 96, 103)"}, (forced, others)
        swatch_drawn, swatch_painted = found["swatch"]
        assert swatch_painted == swatch_drawn, (forced, found["swatch"])
    assert found["chart"] == ["none", "rgb(255, 255, 255)"]
    visit.close()

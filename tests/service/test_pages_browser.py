"""The pages in a real browser: coach flow, explorer search and filters, dashboard charts.

The app (real models and SQLite store, the forum of :mod:`page_data` analysed) is served by
uvicorn in a thread on 127.0.0.1 and a free port. Chromium (``/usr/bin/chromium``) is driven
by Playwright with every request that does not go to that origin aborted and counted (there
must be none), and every console error or warning recorded (a Content-Security-Policy
violation shows up there; there must be none either). The tests are skipped when Chromium
or Playwright is missing (Playwright's own browser downloads are never used). With
``CARELENS_SCREENSHOTS=docs/images`` the tests also write the screenshots shown in
``docs/web.md``: ``serve-coach.png``, ``serve-explorer.png`` and ``serve-dashboard.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from page_data import EVIL_HELPER, upload_forum

from browser_helpers import Visit, launch, same_origin, screenshot_folder
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from threaded_server import ThreadedServer

pytest.importorskip("uvicorn", reason="uvicorn is not installed (carelens[serve])")

SEEKER = (
    "My mom died last month and I feel so alone since the funeral. I don't want to wake up anymore."
)
DRAFT = "I'm so sorry for your loss."
EDITED = (
    "I'm so sorry about your mom. It sounds like the nights feel empty without her. "
    "What has been the hardest part since the funeral?"
)


@pytest.fixture(scope="module")
def server(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The app served on 127.0.0.1 with the forum analysed: (origin, corpus id)."""
    folder = tmp_path_factory.mktemp("browser")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer)  # with the shipped topic model
    with ThreadedServer(app) as running:
        with httpx.Client(base_url=running.url, timeout=30) as client:
            corpus_id = upload_forum(client, folder)
        yield running.url, corpus_id


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as launched:
        yield launched


class PageVisit(Visit):
    """Pages of the test server; every request to another origin is aborted and counted."""

    def __init__(self, browser: Any, origin: str, *, javascript: bool = True) -> None:
        super().__init__(browser, same_origin(origin), javascript=javascript)
        self.origin = origin

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.origin + path, wait_until="load")
        assert response is not None and response.ok, (path, response and response.status)
        return self.page


def screenshot(page: Any, name: str, *, clip_to: str | None = None) -> None:
    """Write ``name`` to $CARELENS_SCREENSHOTS (nothing when it is unset)."""
    folder = screenshot_folder()
    if folder is None:
        return
    path = str(folder / name)
    if clip_to is None:
        page.screenshot(path=path, full_page=True)
        return
    box = page.locator(clip_to).first.bounding_box()
    assert box is not None
    page.screenshot(
        path=path,
        full_page=True,
        clip={"x": 0, "y": 0, "width": 1280, "height": box["y"] + box["height"] + 16},
    )


_CHARTS_JS = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  return {id: svg.id, width: box.width, height: box.height,
          marks: svg.querySelectorAll('.mark').length};
})"""


def test_coach_flow(browser: Any, server: tuple[str, str]) -> None:
    origin, _ = server
    visit = PageVisit(browser, origin)
    page = visit.goto("/coach")
    page.fill("#seeker", SEEKER)
    page.fill("#response", DRAFT)
    page.click("#check")
    page.wait_for_selector("#result")
    page.wait_for_function("document.getElementById('status').textContent === 'Checked.'")
    assert page.url == origin + "/coach"  # checked in place
    assert page.locator("#result .feedback li").count() >= 1
    assert page.locator("#result .crisis").is_visible()
    first_marks = page.locator("#result table.dims mark").all_inner_texts()
    assert first_marks and all(m in DRAFT for m in first_marks)
    # edit the reply: the result is marked out of date until it is checked again
    page.fill("#response", EDITED)
    page.wait_for_selector("#result.stale")
    assert "Edited" in page.inner_text("#status")
    page.focus("#response")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#result:not(.stale)")
    page.wait_for_function("document.getElementById('status').textContent === 'Checked.'")
    marks = page.locator("#result table.dims mark").all_inner_texts()
    assert marks and all(m in EDITED for m in marks)
    assert any(m not in DRAFT for m in marks)
    assert page.input_value("#seeker") == SEEKER
    assert page.input_value("#response") == EDITED
    headline = page.locator("#result .headline .badge").inner_text()
    assert headline in ("empathy", "compassion", "sympathy", "advice", "dismissive", "other")
    screenshot(page, "serve-coach.png")
    visit.close()


def test_coach_works_without_javascript(browser: Any, server: tuple[str, str]) -> None:
    origin, _ = server
    visit = PageVisit(browser, origin, javascript=False)
    page = visit.goto("/coach")
    page.fill("#seeker", SEEKER)
    page.fill("#response", EDITED)
    with page.expect_navigation():
        page.click("#check")
    assert page.locator("#result table.dims mark").count() > 0
    assert page.input_value("#response") == EDITED
    visit.close()


def test_explorer_search_and_filters(browser: Any, server: tuple[str, str]) -> None:
    origin, corpus_id = server
    visit = PageVisit(browser, origin)
    page = visit.goto(f"/explorer/{corpus_id}")
    everything = int(page.inner_text("#result-count b"))
    page.fill("#f-q", "alone")
    page.select_option("#f-style", "empathy")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "q=alone" in page.url and "style=empathy" in page.url
    found = int(page.inner_text("#result-count b"))
    assert 0 < found < everything
    badges = page.locator("#results .reply-head > .badge").all_inner_texts()
    assert badges and set(badges) == {"empathy"}
    for card in page.locator("#results article.reply").all_inner_texts():
        assert "alone" in card.lower()
    assert page.input_value("#f-q") == "alone"
    # a dimension filter, a helper whose name is markup, and paging
    page = visit.goto(f"/explorer/{corpus_id}?per_page=10")
    page.select_option("#f-dimension", "empathy")
    page.select_option("#f-level", "1")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert page.locator("#results article.reply").count() == 10
    assert page.locator("#results mark.empathy").count() > 0
    with page.expect_navigation():
        page.click("nav.pages a[rel=next]")
    assert "page=2" in page.url and "dimension=empathy" in page.url
    screenshot(page, "serve-explorer.png", clip_to="#results article.reply:nth-of-type(4)")
    page = visit.goto(f"/explorer/{corpus_id}")
    page.fill("#f-helper", EVIL_HELPER)
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    metas = page.locator("#results .meta").all_inner_texts()
    assert metas and all(EVIL_HELPER in m for m in metas)
    assert page.locator("#results b:has-text('mallory')").count() == len(metas)
    # a reply opens its thread, where it is annotated in place
    with page.expect_navigation():
        page.locator("#results article.reply a:has-text('open the thread')").first.click()
    assert "/thread/" in page.url
    assert page.locator("article.reply:target").count() == 1
    assert page.locator("article.reply .reply-head .badge").count() >= 2
    visit.close()


def test_dashboard_draws_its_charts(browser: Any, server: tuple[str, str]) -> None:
    origin, corpus_id = server
    visit = PageVisit(browser, origin)
    page = visit.goto(f"/dashboards/{corpus_id}")
    charts = page.evaluate(_CHARTS_JS)
    assert len(charts) >= 6  # style + levels, then line + columns per community
    for chart in charts:
        assert chart["width"] > 0 and chart["height"] > 0, chart
        assert chart["marks"] > 0, chart
    assert page.locator("#helper-table tbody tr").count() == 4
    swatch = page.locator(".legend .swatch").first
    colour = swatch.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the CSP lets the swatches through
    screenshot(page, "serve-dashboard.png", clip_to="#trends .grid2")
    with page.expect_navigation():
        page.click("#helper-table a:has-text('jon')")
    assert "helper=jon" in page.url
    helper_charts = page.evaluate(_CHARTS_JS)
    assert helper_charts and all(c["width"] > 0 and c["height"] > 0 for c in helper_charts)
    visit.close()

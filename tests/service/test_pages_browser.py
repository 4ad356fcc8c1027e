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

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from page_data import EVIL_HELPER, upload_file, upload_forum, write_forum

from browser_helpers import (
    Visit,
    assert_fits_sideways,
    launch,
    same_origin,
    screenshot_folder,
)
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.insights.report.charts import NARROW
from carelens.service import ServiceSettings, create_app
from carelens.service.pages import corpora
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

    def __init__(
        self, browser: Any, origin: str, *, javascript: bool = True, width: int = 1280
    ) -> None:
        super().__init__(browser, same_origin(origin), javascript=javascript, width=width)
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
    width = page.viewport_size["width"]
    page.screenshot(
        path=path,
        full_page=True,
        clip={"x": 0, "y": 0, "width": width, "height": box["y"] + box["height"] + 16},
    )


#: The charts the window shows (each is drawn twice, wide and narrow; CSS shows one).
_CHARTS_JS = """() => [...document.querySelectorAll('svg.chart')]
    .filter(svg => svg.checkVisibility()).map(svg => {
  const box = svg.getBoundingClientRect();
  return {id: svg.id, width: box.width, height: box.height, drawn: svg.viewBox.baseVal.width,
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
    page.select_option("#f-dimension", "empathy")  # at level 1 weak or 2 strong: the default
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


#: A phone's width in CSS pixels.
PHONE = 390


@pytest.mark.parametrize(
    "path",
    [
        "/coach",
        "/explorer",
        "/explorer/{cid}",
        "/explorer/{cid}/thread/c03",
        "/dashboards",
        "/dashboards/{cid}",
        "/dashboards/{cid}?helper=jon",
    ],
)
def test_pages_fit_a_phone(browser: Any, server: tuple[str, str], path: str) -> None:
    """At 390 px wide no page scrolls sideways: grids fall to one column and wide tables
    scroll inside their own container."""
    origin, corpus_id = server
    visit = PageVisit(browser, origin, width=PHONE)
    page = visit.goto(path.format(cid=corpus_id))
    assert_fits_sideways(page)
    if path == "/dashboards/{cid}":
        wrap = page.locator("#helper-table").locator("xpath=..")
        widths = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
        assert widths[0] > widths[1], widths  # the table scrolls in its wrap, not the page
        first, second = page.locator("#trends .grid2").first.locator(":scope > figure").all()
        a, b = first.bounding_box(), second.bounding_box()
        assert a is not None and b is not None
        assert a["x"] == b["x"] and b["y"] >= a["y"] + a["height"], (a, b)  # one column
        charts = page.evaluate(_CHARTS_JS)  # the phone drawings, at their own size
        assert charts and all(c["drawn"] == NARROW <= c["width"] + 20 for c in charts), charts
        screenshot(page, "serve-dashboard-phone.png", clip_to="#communities")
    visit.close()


#: The room a select's option label has: its width less its padding and the arrow (Chromium
#: draws the arrow in about 20 px), against each option's text width in the select's font.
_OPTION_ROOM_JS = """sel => {
  const select = document.querySelector(sel);
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  const room = select.clientWidth - parseFloat(style.paddingLeft) -
    parseFloat(style.paddingRight) - 20;
  return [...select.options].map(o => [o.text, context.measureText(o.text).width, room]);
}"""


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_filter_choices_are_not_cut_short(
    browser: Any, server: tuple[str, str], width: int
) -> None:
    """The explorer's menus show their choices whole, "Needs a person" included."""
    origin, corpus_id = server
    visit = PageVisit(browser, origin, width=width)
    page = visit.goto(f"/explorer/{corpus_id}")
    for select in ("#f-attention", "#f-level", "#f-style", "#f-dimension", "#f-per-page"):
        for label, needs, room in page.evaluate(_OPTION_ROOM_JS, select):
            assert needs <= room, (select, label, needs, room)
    visit.close()


@pytest.mark.parametrize("path", ["/explorer", "/dashboards"])
def test_corpus_links_are_on_a_phone_screen(
    browser: Any, server: tuple[str, str], path: str
) -> None:
    """On a phone the corpus list stacks each corpus, so its links are on the screen (not
    past the right edge of a table that scrolls sideways)."""
    origin, corpus_id = server
    visit = PageVisit(browser, origin, width=PHONE)
    page = visit.goto(path)
    links = page.locator("table.corpora tbody tr").first.locator("a")
    hrefs = [a.get_attribute("href") for a in links.all()]
    assert hrefs == [f"{path}/{corpus_id}", f"/explorer/{corpus_id}", f"/dashboards/{corpus_id}"]
    for link in links.all():
        # Only the page scrolls, and only down: the table is not scrolled sideways.
        link.evaluate("a => window.scrollTo(0, a.getBoundingClientRect().top + scrollY - 200)")
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE, box
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.href",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top == origin + link.get_attribute("href"), (on_top, box)
    assert_fits_sideways(page)
    visit.close()


def test_coach_result_fits_a_phone(browser: Any, server: tuple[str, str]) -> None:
    origin, _ = server
    visit = PageVisit(browser, origin, width=PHONE)
    page = visit.goto("/coach")
    page.fill("#seeker", SEEKER)
    page.fill("#response", EDITED)
    page.click("#check")
    page.wait_for_selector("#result table.dims")
    page.locator("#status", has_text="Checked.").wait_for()
    assert_fits_sideways(page)
    visit.close()


def test_coach_keeps_a_long_paste_and_says_why_it_is_refused(
    browser: Any, server: tuple[str, str]
) -> None:
    """A text over the limit is not cut in the form: the server's message says so, and a
    body too large for the server to read at all is explained in place too."""
    origin, _ = server
    visit = PageVisit(browser, origin)
    page = visit.goto("/coach")
    long = "I am tired. " * 2_500  # 30,000 characters
    page.fill("#seeker", SEEKER)
    page.fill("#response", long)
    assert len(page.input_value("#response")) == len(long)
    page.click("#check")
    page.locator("#status", has_text="Not checked").wait_for()
    alert = page.locator("#coach-form .error-box").inner_text()
    assert "has 30,000 characters; the limit is 20,000" in alert
    assert page.input_value("#response") == long and page.url == origin + "/coach"
    page.fill("#response", "x" * 1_100_000)  # over the server's 1 MiB body limit
    page.click("#check")
    page.locator("#coach-form .error-box", has_text="far too long").wait_for()
    assert "at most 20,000 characters" in page.locator("#coach-form .error-box").inner_text()
    assert page.locator("#coach-form .error-box").count() == 1
    assert page.url == origin + "/coach"
    # The browser logs each refused post; nothing else may be logged.
    refused = ("status of 422", "status of 413")
    assert len([e for e in visit.errors if any(r in e for r in refused)]) == 2, visit.errors
    visit.errors = [e for e in visit.errors if not any(r in e for r in refused)]
    visit.close()


#: The visual left edges of the first and last characters of the date in a reply's header.
_DATE_EDGES_JS = """([selector, date]) => {
  const meta = document.querySelector(selector);
  const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(date);
    if (at < 0) continue;
    const edge = i => {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().left;
    };
    return [edge(at), edge(at + date.length - 1)];
  }
  return null;
}"""


def test_a_right_to_left_override_in_a_name_does_not_reverse_the_header(
    browser: Any, analyzer: EmpathyAnalyzer, tmp_path: Path
) -> None:
    """A helper name with an unclosed U+202E, and right-to-left names: the date after them
    in a reply's header still reads left to right (it read ``00:11 10-30-4202``)."""
    turns = [
        {"id": "s", "speaker": "\u05e9\u05e8\u05d4", "conversation_id": "d1", "reply_to": None,
         "timestamp": "2024-03-01T10:00:00Z", "text": "My dog died and the house is empty.",
         "meta": {"community": "\u05e7\u05d4\u05d9\u05dc\u05d4"}},
        {"id": "h", "speaker": "\u202eevil", "conversation_id": "d1", "reply_to": "s",
         "timestamp": "2024-03-01T11:00:00Z", "text": "That sounds so lonely. What do you miss?",
         "meta": {"community": "\u05e7\u05d4\u05d9\u05dc\u05d4"}},
    ]  # fmt: skip
    path = tmp_path / "names.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in turns), encoding="utf-8")
    settings = ServiceSettings(data_dir=tmp_path / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=False)
    with ThreadedServer(app) as running:
        with httpx.Client(base_url=running.url, timeout=30) as client:
            corpus_id = upload_file(client, path, 1)
        visit = PageVisit(browser, running.url)
        for where, selector in (
            (f"/explorer/{corpus_id}", "#results article .meta"),
            (f"/explorer/{corpus_id}/thread/d1", "article.reply .meta"),
        ):
            page = visit.goto(where)
            edges = page.evaluate(_DATE_EDGES_JS, [selector, "2024-03-01 11:00"])
            assert edges is not None and edges[0] < edges[1], (where, edges)
            assert "evil" in page.locator(selector).first.inner_text()
        visit.close()


# -- found by a hunt through the pages -----------------------------------------------------------


def test_back_shows_the_filters_of_the_address(browser: Any, server: tuple[str, str]) -> None:
    """After Back the browser put the values typed last into the explorer's filters and the
    dashboard's view switch, so the form disagreed with the address and the results."""
    origin, corpus_id = server
    visit = PageVisit(browser, origin)
    page = visit.goto(f"/explorer/{corpus_id}?q=alone")
    page.fill("#f-q", "dog")
    page.select_option("#f-style", "empathy")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "q=dog" in page.url
    with page.expect_navigation():
        page.go_back()
    page.wait_for_load_state("load")
    assert page.url.endswith("?q=alone")
    assert page.input_value("#f-q") == "alone"
    assert page.input_value("#f-style") == ""
    page = visit.goto(f"/dashboards/{corpus_id}")
    page.select_option("#v-helper", "jon")
    with page.expect_navigation():
        page.click("form.view-switch button[type=submit]")
    assert "helper=jon" in page.url
    with page.expect_navigation():
        page.go_back()
    page.wait_for_load_state("load")
    assert page.url == f"{origin}/dashboards/{corpus_id}"
    assert page.input_value("#v-helper") == ""
    visit.close()


#: A name of 500 letters and no space, as a helper and a community.
LONG_NAME = "x" * 500
#: Right-to-left messages: Hebrew ("I feel alone since mom died. I don't know what to do.",
#: "I'm so sorry. What has been the hardest?") and Arabic ("I feel alone since my mother
#: died."), each ending in a full stop or question mark.
HEBREW_SEEKER = "אני מרגישה לבד מאז שאמא נפטרה. אני לא יודעת מה לעשות."
HEBREW_REPLY = "אני כל כך מצטערת. מה היה הכי קשה?"
ARABIC_SEEKER = "أشعر بالوحدة منذ وفاة أمي."


@pytest.fixture(scope="module")
def edge_server(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """A server with a corpus of long names and right-to-left texts: (origin, corpus id).
    d1: a Hebrew message and reply, by a helper and in a community of 500 letters; d2: an
    Arabic message answered in English."""
    turns = [
        {"id": "s1", "speaker": "sara", "conversation_id": "d1", "reply_to": None,
         "timestamp": "2024-03-01T10:00:00Z", "text": HEBREW_SEEKER,
         "meta": {"community": "c" + LONG_NAME}},
        {"id": "h1", "speaker": "h" + LONG_NAME, "conversation_id": "d1", "reply_to": "s1",
         "timestamp": "2024-03-01T11:00:00Z", "text": HEBREW_REPLY,
         "meta": {"community": "c" + LONG_NAME}},
        {"id": "s2", "speaker": "amal", "conversation_id": "d2", "reply_to": None,
         "timestamp": "2024-03-01T12:00:00Z", "text": ARABIC_SEEKER,
         "meta": {"community": "r/plain"}},
        {"id": "h2", "speaker": "jon", "conversation_id": "d2", "reply_to": "s2",
         "timestamp": "2024-03-01T13:00:00Z", "text": "That sounds so lonely. What do you miss?",
         "meta": {"community": "r/plain"}},
    ]  # fmt: skip
    folder = tmp_path_factory.mktemp("edge")
    path = folder / ("n" * 180 + ".jsonl")
    path.write_text("".join(json.dumps(t) + "\n" for t in turns), encoding="utf-8")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=False)
    with ThreadedServer(app) as running:
        with httpx.Client(base_url=running.url, timeout=30) as client:
            corpus_id = upload_file(client, path, 2)
        yield running.url, corpus_id


@pytest.mark.parametrize(
    "path",
    [
        "/explorer",
        "/explorer/{cid}",
        "/explorer/{cid}?helper=h" + LONG_NAME,
        "/explorer/{cid}/thread/d1",
        "/dashboards/{cid}",
        "/dashboards/{cid}?helper=h" + LONG_NAME,
    ],
)
def test_long_names_do_not_scroll_the_page_sideways(
    browser: Any, edge_server: tuple[str, str], path: str
) -> None:
    """A helper or community of 500 letters without a space made the results 5,000 px wide
    on a phone (only the report's sections broke long words)."""
    origin, corpus_id = edge_server
    visit = PageVisit(browser, origin, width=PHONE)
    page = visit.goto(path.format(cid=corpus_id))
    assert_fits_sideways(page)
    visit.close()


#: The direction each matching element is laid out in, and the visual left edges of its
#: first and last characters.
_DIRECTIONS_JS = """selector => [...document.querySelectorAll(selector)].map(el => {
  const text = el.tagName === 'TEXTAREA' ? null : el;
  const walker = text && document.createTreeWalker(text, NodeFilter.SHOW_TEXT,
    {acceptNode: node => node.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
  const first = walker && walker.nextNode();
  let last = first;
  for (let node = first; node; node = walker.nextNode()) last = node;
  const edge = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect().left;
  };
  const trimmed = last && last.data.replace(/\\s+$/, '');
  return {direction: getComputedStyle(el).direction,
          first: first ? edge(first, first.data.search(/\\S/)) : null,
          last: last ? edge(last, trimmed.length - 1) : null};
})"""


def test_right_to_left_texts_are_laid_out_right_to_left(
    browser: Any, edge_server: tuple[str, str]
) -> None:
    """Hebrew and Arabic messages were laid out left to right, their full stop at the right
    end (where the sentence starts) instead of the left."""
    origin, corpus_id = edge_server
    visit = PageVisit(browser, origin)
    for path, selector, directions in (
        (f"/explorer/{corpus_id}", "#results blockquote.said", ["rtl", "rtl"]),
        (f"/explorer/{corpus_id}", "#results blockquote.reply", ["rtl", "ltr"]),
        (f"/explorer/{corpus_id}/thread/d1", ".said > .text, blockquote.reply", ["rtl", "rtl"]),
    ):
        page = visit.goto(path)
        found = page.evaluate(_DIRECTIONS_JS, selector)
        assert [f["direction"] for f in found] == directions, (path, selector, found)
        for text in found:
            if text["direction"] == "rtl":  # the sentence ends at the left: its full stop
                assert text["last"] < text["first"], (path, selector, text)
    page = visit.goto("/coach")
    page.fill("#seeker", HEBREW_SEEKER)
    page.fill("#response", HEBREW_REPLY)
    directions = page.evaluate(_DIRECTIONS_JS, "textarea")
    assert [d["direction"] for d in directions] == ["rtl", "rtl"]
    page.click("#check")
    page.locator("#status", has_text="Checked.").wait_for()
    [seeker] = page.evaluate(_DIRECTIONS_JS, "details.seeker-view blockquote")
    assert seeker["direction"] == "rtl"
    visit.close()


class HeldAnalyzer:
    """The real analyzer, whose ``predict`` waits until ``release`` is set: a corpus stays
    "running" for as long as a test needs."""

    def __init__(self, inner: EmpathyAnalyzer) -> None:
        self.inner = inner
        self.release = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def predict(self, pairs: Any) -> Any:
        self.release.wait(120)
        return self.inner.predict(pairs)


def test_the_corpus_list_follows_the_analysis_without_moving_focus(
    browser: Any,
    analyzer: EmpathyAnalyzer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While a corpus was analysed, /explorer and /dashboards reloaded themselves every 5 s:
    keyboard focus went back to the top of the page each time. Now the list is updated in
    place; only a browser without JavaScript reloads the page."""
    monkeypatch.setattr(corpora, "REFRESH_S", 1)
    held = HeldAnalyzer(analyzer)
    settings = ServiceSettings(data_dir=tmp_path / "data", rate_limit=0)
    app = create_app(settings, analyzer=held, topics=False)
    path = write_forum(tmp_path / "forum.jsonl", 2)
    with ThreadedServer(app) as running, httpx.Client(base_url=running.url) as client:

        def upload() -> str:
            """Upload the forum; it is analysed once ``held.release`` is set."""
            held.release.clear()
            files = {"file": (path.name, path.read_bytes(), "text/plain")}
            corpus_id: str = client.post("/v1/corpora", files=files).json()["id"]
            return corpus_id

        try:
            upload()
            plain = PageVisit(browser, running.url, javascript=False)
            page = plain.goto("/explorer")
            with page.expect_navigation(timeout=10_000):  # the <noscript> refresh
                pass
            plain.close()
            for where in ("/explorer", "/dashboards"):
                corpus_id = upload()
                visit = PageVisit(browser, running.url)
                page = visit.goto(where)
                row = f'tr[data-corpus="{corpus_id}"]'
                assert page.locator(f"{row} td.corpus-status").inner_text() in ("queued", "running")
                page.evaluate("window.stayed = true")  # gone if the page is loaded again
                link = page.locator(f"{row} td.open a").first
                link.focus()
                held.release.set()
                page.locator(f"{row} td.corpus-status", has_text="done").wait_for(timeout=60_000)
                assert page.locator(f"{row} td.corpus-progress").inner_text().endswith("5 of 5")
                note = page.locator("#progress-note")
                note.filter(has_text="No corpus is being analysed now.").wait_for()
                assert page.evaluate("window.stayed") is True
                focused = page.evaluate("document.activeElement.getAttribute('href')")
                assert focused == link.get_attribute("href") == f"/explorer/{corpus_id}"
                visit.close()
        finally:  # the worker must not wait when the server stops
            held.release.set()

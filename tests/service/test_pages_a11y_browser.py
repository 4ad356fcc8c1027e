"""Accessibility of the coach and the explorer in a real browser (Chromium, as in
``test_pages_browser.py``; skipped without it).

* "Check my reply" keeps the keyboard focus: the button is marked busy (``aria-disabled``,
  ``aria-busy`` on the form) while the check runs, never disabled, which dropped the focus
  to the page.
* The status line (a live region) changes once when the texts are edited after a check,
  not at every key.
* An out-of-date result keeps its text contrast (no more dimming): a dashed frame marks it.
* A check refused in place marks its text box (``aria-invalid``, the message in
  ``aria-describedby``) and says "Error: " in the window title, and a later check clears
  both; without JavaScript the refused text box has the focus when the page comes back.
* The disabled pager text reads at 4.5:1 or more.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from page_data import upload_forum
from test_pages_a11y import contrast

from browser_helpers import Visit, launch, same_origin
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.service.schemas import MAX_TEXT_CHARS
from threaded_server import ThreadedServer

pytest.importorskip("uvicorn", reason="uvicorn is not installed (carelens[serve])")

SEEKER = "My dog died this morning and I can't stop crying."
DRAFT = "That sounds so painful. What was she like?"

#: The number of times #status changes from now on (``window.statusChanges``).
_COUNT_STATUS_JS = """() => {
  window.statusChanges = 0;
  new MutationObserver(() => { window.statusChanges += 1; }).observe(
    document.getElementById('status'), {childList: true, characterData: true, subtree: true});
}"""


@pytest.fixture(scope="module")
def server(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The app served on 127.0.0.1 with a small forum analysed: (origin, corpus id)."""
    folder = tmp_path_factory.mktemp("a11y-browser")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=False)
    with ThreadedServer(app) as running:
        with httpx.Client(base_url=running.url, timeout=30) as client:
            corpus_id = upload_forum(client, folder, conversations=6)
        yield running.url, corpus_id


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch() as launched:
        yield launched


def open_page(browser: Any, origin: str, path: str, *, javascript: bool = True) -> Visit:
    visit = Visit(browser, same_origin(origin), javascript=javascript)
    response = visit.page.goto(origin + path, wait_until="load")
    assert response is not None and response.ok, path
    return visit


def check(page: Any, key: str) -> None:
    """Press ``key`` and wait until the check it starts is shown."""
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.keyboard.press(key)
    page.locator("#status", has_text="Checked.").wait_for()


def test_checking_keeps_the_focus_and_speaks_once_per_edit(
    browser: Any, server: tuple[str, str]
) -> None:
    origin, _ = server
    visit = open_page(browser, origin, "/coach")
    page = visit.page
    page.fill("#seeker", SEEKER)
    page.fill("#response", DRAFT)
    page.focus("#check")
    check(page, "Enter")
    assert page.evaluate("document.activeElement.id") == "check"
    assert page.get_attribute("#check", "aria-disabled") == "false"
    assert page.get_attribute("#coach-form", "aria-busy") == "false"
    assert page.evaluate("document.getElementById('check').disabled") is False
    # a second check by the keyboard, focus on the button all along
    check(page, "Space")
    assert page.evaluate("document.activeElement.id") == "check"
    # editing: the status line changes once, not at every key
    page.evaluate(_COUNT_STATUS_JS)
    page.focus("#response")
    page.keyboard.press("End")
    page.keyboard.type(" Tell me about her.")
    page.wait_for_selector("#result.stale")
    assert "Edited" in page.inner_text("#status")
    assert page.evaluate("window.statusChanges") == 1
    # the out-of-date result keeps its contrast: framed, not dimmed
    look = page.evaluate(
        """() => { const s = getComputedStyle(document.getElementById('result'));
                   return [s.opacity, s.outlineStyle]; }"""
    )
    assert look == ["1", "dashed"]
    check(page, "Control+Enter")
    assert page.evaluate("document.activeElement.id") == "response"
    visit.close()


def test_a_check_refused_in_place_marks_its_text_box(browser: Any, server: tuple[str, str]) -> None:
    origin, _ = server
    visit = open_page(browser, origin, "/coach")
    page = visit.page
    page.fill("#seeker", SEEKER)
    page.fill("#response", "x" * (MAX_TEXT_CHARS + 1))
    page.click("#check")
    page.locator("#status", has_text="Not checked").wait_for()
    assert page.get_attribute("#response", "aria-invalid") == "true"
    assert page.get_attribute("#response", "aria-describedby") == "coach-error response-hint"
    assert page.locator("#coach-error[role=alert]").count() == 1
    assert page.get_attribute("#seeker", "aria-invalid") is None
    assert page.title() == "Error: Coach · carelens"
    page.fill("#response", DRAFT)
    page.focus("#check")
    check(page, "Enter")
    assert page.get_attribute("#response", "aria-invalid") is None
    assert page.get_attribute("#response", "aria-describedby") == "response-hint"
    assert page.title() == "Coach · carelens"
    # a body too large for the server to read: the message is made here, the box marked
    page.fill("#response", "x" * 1_100_000)
    page.click("#check")
    page.locator("#coach-error", has_text="far too long").wait_for()
    assert page.get_attribute("#response", "aria-invalid") == "true"
    assert page.title() == "Error: Coach · carelens"
    # The browser logs each refused post; nothing else may be logged.
    refused = ("status of 422", "status of 413")
    visit.errors = [e for e in visit.errors if not any(r in e for r in refused)]
    visit.close()


def test_without_javascript_the_refused_text_box_has_the_focus(
    browser: Any, server: tuple[str, str]
) -> None:
    origin, _ = server
    visit = open_page(browser, origin, "/coach", javascript=False)
    page = visit.page
    page.fill("#seeker", "   ")
    page.fill("#response", DRAFT)
    with page.expect_navigation():
        page.click("#check")
    assert page.title() == "Error: Coach · carelens"
    # autofocus is applied once the page has rendered, which a loaded machine may delay
    page.wait_for_function("document.activeElement && document.activeElement.id", timeout=10_000)
    assert page.evaluate("document.activeElement.id") == "seeker"
    visit.errors = [e for e in visit.errors if "status of 422" not in e]
    visit.close()


def test_the_disabled_pager_text_is_readable(browser: Any, server: tuple[str, str]) -> None:
    origin, corpus_id = server
    visit = open_page(browser, origin, f"/explorer/{corpus_id}?per_page=10")
    colour = visit.page.evaluate(
        "getComputedStyle(document.querySelector('nav.pages span.off')).color"
    )
    red, green, blue = (int(c) for c in colour.removeprefix("rgb(").rstrip(")").split(","))
    assert contrast(f"#{red:02x}{green:02x}{blue:02x}", "#ffffff") >= 4.5
    visit.close()

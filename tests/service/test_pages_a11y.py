"""Accessibility of the pages, as their HTML says it (the browser's side is in
``test_pages_a11y_browser.py``).

* A refused coach check names its text box: ``aria-invalid`` and the message in its
  ``aria-describedby``; the box takes the focus (``autofocus``) and the window title starts
  with "Error: ".
* The explorer's filters that cannot be used are marked invalid, described by the message,
  and keep the value as it was given (a dimension that does not exist, a date that is not a
  date), so it can be corrected; the window title says "Error: ", and names the page and
  whether the results are filtered.
* Headings do not skip a level: a thread (message h2, reply h3, panels below them), a
  helper's dashboard (name h2), the coach's result.
* "open the thread" links say, to a screen reader, which reply they open (``aria-label``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from fastapi.testclient import TestClient
from html_tree import Node, parse
from page_data import CRISIS, EVIL_HELPER, FakeTopics, upload_forum
from service_helpers import BASE_URL

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.insights.report import Overview
from carelens.insights.report.helper_sections import helper_section
from carelens.insights.report.page import Page
from carelens.service import ServiceSettings, create_app
from carelens.service.pages import annotate
from carelens.service.pages.dashboards import read_insights
from carelens.service.pages.layout import STATIC, PageError, error_page
from carelens.service.schemas import MAX_TEXT_CHARS


@pytest.fixture(scope="module")
def forum(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, str]]:
    """A loopback app (no rate limit) with the forum analysed: (client, corpus id)."""
    folder = tmp_path_factory.mktemp("a11y")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=FakeTopics())
    with TestClient(app, base_url=BASE_URL) as client:
        yield client, upload_forum(client, folder, conversations=6)


def page_of(response: Any, status: int = 200) -> Node:
    assert response.status_code == status, response.text[:500]
    return parse(response.text)


def title_of(page: Node) -> str:
    found = page.find("title")
    assert found is not None
    return found.text


def heading_levels(node: Node) -> list[int]:
    return [int(h.tag[1]) for h in node.descendants() if re.fullmatch("h[1-6]", h.tag)]


def assert_no_skipped_level(page: Node) -> None:
    """The page starts with one h1 and no heading is more than one level below the one
    before it."""
    levels = heading_levels(page)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in pairwise(levels):
        assert after <= before + 1, levels


# -- the coach ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seeker", "response", "wrong", "right"),
    [
        ("   \n ", "That sounds hard.", "seeker", "response"),
        ("My dog died.", "x" * (MAX_TEXT_CHARS + 1), "response", "seeker"),
    ],
)
def test_a_refused_check_names_its_text_box(
    forum: tuple[TestClient, str], seeker: str, response: str, wrong: str, right: str
) -> None:
    client, _ = forum
    page = page_of(client.post("/coach", data={"seeker": seeker, "response": response}), 422)
    alert = page.find("div", role="alert")
    assert alert is not None and alert["id"] == "coach-error"
    field = page.find("textarea", id=wrong)
    assert field is not None and field.get("aria-invalid") == "true"
    assert field["aria-describedby"].split() == ["coach-error", f"{wrong}-hint"]
    assert "autofocus" in field.attrs  # without JavaScript the focus goes to it
    other = page.find("textarea", id=right)
    assert other is not None and other.get("aria-invalid") is None
    assert "autofocus" not in other.attrs
    assert other["aria-describedby"] == f"{right}-hint"
    assert title_of(page) == "Error: Coach · carelens"


def test_a_checked_reply_has_no_error_marks(forum: tuple[TestClient, str]) -> None:
    client, _ = forum
    data = {"seeker": f"My mom died. {CRISIS}", "response": "I'm so sorry. How are you holding up?"}
    page = page_of(client.post("/coach", data=data))
    assert title_of(page) == "Coach · carelens"
    for name in ("seeker", "response"):
        field = page.find("textarea", id=name)
        assert field is not None and field.get("aria-invalid") is None
        assert field["aria-describedby"] == f"{name}-hint"
    # the result: h2, its crisis cues and feedback h3, under the page's h1
    assert page.select_one("#result .crisis h3") is not None
    assert_no_skipped_level(page)


def test_error_pages_say_error_in_the_title(forum: tuple[TestClient, str]) -> None:
    client, _ = forum
    page = page_of(client.get("/explorer/no-such-corpus"), 404)
    assert title_of(page).startswith("Error: ")
    shown = parse(error_page(PageError(404, "Not found", "There is no such file.")).body.decode())
    assert title_of(shown) == "Error: Not found · carelens"


# -- the explorer -------------------------------------------------------------------------------


def test_filters_that_cannot_be_used_are_marked_and_kept(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    params = {"dimension": "foo", "since": "notadate", "page": "0", "style": "empathy"}
    page = page_of(client.get(f"/explorer/{cid}", params=params), 422)
    alert = page.find("div", role="alert")
    assert alert is not None and alert["id"] == "filter-errors"
    dimension = page.select_one("#f-dimension")
    assert dimension.get("aria-invalid") == "true"
    assert dimension["aria-describedby"] == "filter-errors"
    chosen = dimension.select("option[selected]")
    assert [o["value"] for o in chosen] == ["foo"]  # not "any dimension"
    since = page.select_one("#f-since")
    assert since.get("aria-invalid") == "true" and since["aria-describedby"] == "filter-errors"
    # a date input would show "notadate" empty: a text field keeps it to correct
    assert since["type"] == "text" and since["value"] == "notadate"
    until = page.select_one("#f-until")
    assert until["type"] == "date" and until.get("aria-invalid") is None
    style = page.select_one("#f-style")
    assert style.get("aria-invalid") is None
    assert [o["value"] for o in style.select("option[selected]")] == ["empathy"]
    assert title_of(page).startswith("Error: ")


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({}, ""),
        ({"page": "2", "per_page": "10"}, ", page 2"),
        ({"style": "empathy"}, ", filtered"),
        ({"style": "empathy", "page": "3"}, ", filtered, page 3"),
    ],
)
def test_the_window_title_names_the_view(
    forum: tuple[TestClient, str], params: dict[str, str], says: str
) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}", params=params))
    name = page.find("h1").text
    assert title_of(page) == f"\u2068{name}\u2069{says} · carelens"


def test_thread_links_say_which_reply_they_open(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}", params={"per_page": "10"}))
    cards = page.select("#results article.reply")
    links = [a for a in page.select("#results a") if a.text == "open the thread"]
    assert len(links) == len(cards) == 10
    for card, link in zip(cards, links, strict=True):
        number = int(card["id"].removeprefix("r-")) + 1
        # the name starts with the words shown (speech input finds the link by them)
        assert link["aria-label"] == f"open the thread of reply #{number}"


# -- headings -----------------------------------------------------------------------------------


def test_a_thread_steps_through_its_messages_and_replies(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}/thread/c03"))
    assert_no_skipped_level(page)
    turn = page.select_one("section.turn")
    assert turn.select_one(".said h2.meta") is not None
    assert turn.select_one(".said .crisis h3").text == "Crisis cues in their message"
    cards = page.select("article.reply")
    assert cards and all(card.select_one("h3.meta") is not None for card in cards)


def test_panels_take_the_level_they_are_given() -> None:
    record = {
        "seeker": {"needs_attention": True, "crisis_cues": [{"label": "suicide", "text": "x"}]},
        "unsafe": [{"label": "urging", "text": "do it"}],
    }
    assert "<h3>Crisis cues in their message</h3>" in annotate.crisis_panel(record)
    assert "<h2>Crisis cues in their message</h2>" in annotate.crisis_panel(record, level=2)
    assert "<h3>Unsafe wording in this reply</h3>" in annotate.unsafe_panel(record)
    assert "<h4>Unsafe wording in this reply</h4>" in annotate.unsafe_panel(record, level=4)


def test_a_helpers_dashboard_heads_the_helper_under_the_page(
    forum: tuple[TestClient, str],
) -> None:
    client, cid = forum
    page = page_of(client.get(f"/dashboards/{cid}", params={"helper": EVIL_HELPER}))
    assert_no_skipped_level(page)
    section = page.select_one("section.helper")
    assert [h.text for h in section.find_all(["h2", "h3"])][:3] == [
        EVIL_HELPER,
        "Figures",
        "Signals to look at — not a diagnosis",
    ]


def test_the_report_keeps_its_helper_heading_levels(forum: tuple[TestClient, str]) -> None:
    """The report's helper sections stay under its "Helper details" h2: h3 and h4."""
    client, cid = forum
    context = client.app.state.context  # type: ignore[attr-defined]
    corpus = next(c for c in context.store.list_corpora() if c.id == cid)
    overview = Overview.of(read_insights(context, corpus).insights)
    record = overview.helper_records[0]
    helper = str(record["helper"])
    arguments = (
        record,
        overview.rollup.by_helper[helper],
        overview.rollup.months_of(helper),
        overview.signals_by_helper.get(helper, []),
    )
    default = helper_section(Page(overview.names), 1, *arguments)
    assert heading_levels(parse(default)) == [3, 4, 4]
    assert default == helper_section(Page(overview.names), 1, *arguments, level=3)
    assert heading_levels(parse(helper_section(Page(overview.names), 1, *arguments, level=2))) == [
        2,
        3,
        3,
    ]


def test_the_pager_and_stale_result_keep_their_contrast() -> None:
    """The disabled pager text and the out-of-date coach result read at 4.5:1 or more."""
    css = STATIC["pages.css"][0].decode("utf-8")
    off = re.search(r"nav\.pages span\.off\{color:(#[0-9a-fA-F]{6})\}", css)
    assert off is not None and contrast(off.group(1), "#ffffff") >= 4.5
    stale = re.search(r"\.result\.stale\{([^}]*)\}", css)
    assert stale is not None and "opacity" not in stale.group(1)


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)

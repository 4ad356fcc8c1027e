"""Right-to-left and bidi-control names in the report: each value in running text keeps its
place in the line (``<bdi>``), and no embedding, override or unmatched isolate leaks."""

from __future__ import annotations

import re

from insight_rows import record as result_record
from test_report import parse

from carelens.insights import Insights
from carelens.insights.report import build_report
from carelens.insights.report.format import esc, highlight_spans, isolated

HELPER, COMMUNITY = "\u05de\u05d9\u05db\u05dc", "\u05ea\u05de\u05d9\u05db\u05d4"
OVERRIDE = "\u202eanna"
#: Every bidi embedding, override and isolate character.
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _page() -> str:
    records = [
        result_record(
            f"r{i}",
            speaker=HELPER if i % 2 else OVERRIDE,
            community=COMMUNITY,
            timestamp=f"2024-{i + 1:02d}-05T10:00:00Z",
            levels={"interpretation": 2, "empathy": 2},
            attention=i == 1,
        )
        for i in range(12)
    ]
    return build_report(Insights.from_records(records))


def test_names_in_running_text_are_isolated() -> None:
    page = _page()
    doc = parse(page)
    # The helper's subtitle: each community in a <bdi>, the months after it stay in order.
    section = doc.find("section", class_="helper")
    subtitle = section.find("p", class_="muted")
    assert [b.text() for b in subtitle.find_all("bdi")] == [COMMUNITY]
    assert re.search(r"\(6\) · 2024-\d\d \u2013 2024-\d\d$", subtitle.text()), subtitle.text()
    # A response card: helper and community each isolated, the month outside them.
    meta = doc.find("article").find("div", class_="meta")
    isolated_values = [b.text() for b in meta.find_all("bdi")]
    assert COMMUNITY in isolated_values and any(
        v in (HELPER, "\ufffdanna") for v in isolated_values
    )
    # Every helper and community name on the page, text or table, is inside a <bdi> (an SVG
    # <text>, <title> or <desc> is laid out on its own; the chart titles use isolates).
    for name in (HELPER, COMMUNITY):
        for node in doc.iter():
            for child in node.children:
                if (
                    isinstance(child, str)
                    and name in child
                    and node.tag not in ("text", "title", "desc")
                ):
                    assert node.tag == "bdi", (node.tag, child)
    # The per-community counts of the crisis box.
    assert f"<bdi>{COMMUNITY}</bdi>" in str(page)


def test_no_override_leaks_into_the_page() -> None:
    page = _page()
    body = page.split("<body>", 1)[1]
    # Data overrides are shown as U+FFFD; the only isolates left are the pairs the page adds.
    assert "\u202e" not in body and "\ufffdanna" in body
    leftover = CONTROLS.sub("", body.replace("\u2068", "").replace("\u2069", ""))
    assert not CONTROLS.search(leftover)
    assert body.count("\u2068") == body.count("\u2069")


def test_esc_shows_embeddings_and_unmatched_isolates() -> None:
    assert esc("\u202eanna") == "\ufffdanna"
    assert esc("a\u202ab\u202c") == "a\ufffdb\ufffd"
    assert esc("\u2067open") == "\ufffdopen"  # never closed
    assert esc("close\u2069") == "close\ufffd"  # closes nothing of its own
    assert esc("\u2068ok\u2069") == "\u2068ok\u2069"  # a pair reorders nothing outside
    assert esc("\u2068line\none\u2069") == "\ufffdline\none\ufffd"  # a line end closes it
    assert esc("a\u2028b\u2029c") == "a\nb\nc"
    assert esc("\u05d0\u200f1") == "\u05d0\u200f1"  # marks without a scope stay
    assert isolated("x\u2069y") == "\u2068x\ufffdy\u2069"


def test_marked_text_keeps_an_isolate_pair_around_a_mark() -> None:
    text = "\u2067ab cd\u2069"
    out = highlight_spans(text, [{"start": 1, "end": 3}], css_class="empathy")
    assert out == '\u2067<mark class="empathy">ab</mark> cd\u2069'


def test_no_dated_response_says_so_in_the_overview() -> None:
    records = [result_record(f"r{i}", timestamp=None) for i in range(3)]
    doc = parse(build_report(Insights.from_records(records)))
    cards = doc.by_id("overview").text()
    assert "none" not in cards and "no dates" in cards
    assert "no response has a timestamp" in cards

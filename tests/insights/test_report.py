"""The offline HTML report: structure, numbers, escaping, offline-ness and the edge cases.

The page is parsed with :mod:`html.parser` into a small tree (every end tag must close the
element it opened), and its tables are compared with the :class:`Insights` tables they show.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from insight_rows import record as result_record

from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.insights import Insights
from carelens.insights.report import (
    Overview,
    build_report,
    charts,
    highlight_spans,
    pick_examples,
    write_report,
)
from carelens.insights.report.charts import NARROW, NARROW_MEDIA
from carelens.insights.report.document import CSS
from carelens.insights.report.format import slope_text
from carelens.insights.report.sections import MAX_TO_READ, responses_to_read
from carelens.taxonomy import STYLES

VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source", "wbr"}
SECTIONS = (
    "overview",
    "communities",
    "trends",
    "helpers",
    "signals",
    "helper-details",
    "examples",
    "crisis",
    "methods",
)
ROOT = Path(__file__).resolve().parents[2]
#: What the fixture data (``conftest.py``) puts in one of mallory's responses, and her name.
SCRIPT = "<script>alert(1)</script>"
EVIL_HELPER = "<b>mallory</b>"
N_HELPERS = 8


class Node:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        def ok(n: Node) -> bool:
            if tag is not None and n.tag != tag:
                return False
            for key, value in attrs.items():
                have = n.attrs.get(key.rstrip("_"))
                if have is None or value not in have.split():
                    return False
            return True

        return [n for n in self.iter() if ok(n)]

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"id {ident!r} found {len(found)} times"
        return found[0]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def table_rows(doc: Node, table_id: str) -> dict[str, list[Node]]:
    """Body rows of a table: the row header's text -> the data cells."""
    body = doc.by_id(table_id).find("tbody")
    return {row.find("th").text(): row.find_all("td") for row in body.find_all("tr")}


def same(cell: Node, expected: Any) -> bool:
    value = cell.attrs["data-value"]
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return value == ""
    return math.isclose(float(value), float(expected), rel_tol=1e-12, abs_tol=1e-12)


@pytest.fixture(scope="module")
def page(sample_insights: Insights, sample_manifest: dict[str, Any]) -> str:
    return build_report(sample_insights, model=sample_manifest, source="/home/someone/chat.jsonl")


@pytest.fixture(scope="module")
def doc(page: str) -> Node:
    return parse(page)


# ----------------------------------------------------------------- document and offline


def test_one_well_formed_document_with_every_section(page: str, doc: Node) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    for section in SECTIONS:
        assert doc.by_id(section).tag == "section"
    ids = [n.attrs["id"] for n in doc.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert_links_lead_somewhere(doc)
    assert toc(doc) == list(SECTIONS)


def assert_links_lead_somewhere(doc: Node) -> None:
    """Every link is to a place in the page, and that place exists."""
    for link in doc.find_all("a"):
        href = link.attrs["href"]
        assert href.startswith("#"), href
        doc.by_id(href[1:])  # every in-page link has a target


def toc(doc: Node) -> list[str]:
    """The sections the table of contents links to, in order."""
    return [a.attrs["href"][1:] for a in doc.find("nav", class_="toc").find_all("a")]


def test_no_external_resources(page: str, doc: Node) -> None:
    for node in doc.iter():
        for name in ("src", "href", "xlink:href", "action", "poster", "srcset"):
            value = node.attrs.get(name)
            if value is not None:
                assert not re.match(r"\s*(https?:)?//", value), (node.tag, name, value)
                assert value.startswith(("#", "data:")), (node.tag, name, value)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert not doc.find_all("script") and not doc.find_all("img") and not doc.find_all("iframe")
    css = "".join(n.text() for n in doc.find_all("style"))
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    csp = doc.find("meta", **{"http-equiv": "Content-Security-Policy"}).attrs["content"]
    assert "default-src 'none'" in csp


def test_source_shows_only_the_file_name(doc: Node) -> None:
    header = doc.find("header").text()
    assert "chat.jsonl" in header and "/home/someone" not in header
    assert "carelens-test-model" in header


def test_same_insights_give_the_same_bytes(sample_insights: Insights, page: str) -> None:
    again = build_report(sample_insights, model=None, source="/home/someone/chat.jsonl")
    assert build_report(sample_insights) == build_report(sample_insights)
    assert again != page  # the model is shown


# ----------------------------------------------------------------------------- numbers


TABLE_COLUMNS = (
    "responses",
    *(f"style_{s}" for s in STYLES),
    "mean_empathy",
    "reflections_per_question",
    "complex_reflection_share",
    "length_matched_share",
    "high_distress_share",
    "mean_empathy_slope",
)


def assert_tables_match(doc: Node, insights: Insights) -> None:
    """The helper and community tables show the figures of the Insights tables."""
    signals = insights.strain()["helper"].value_counts()
    for by, table, extra in (("helper", "helper-table", 1), ("community", "community-table", 3)):
        frame = insights.helpers() if by == "helper" else insights.communities()
        rows = table_rows(doc, table)
        assert list(rows) == list(frame[by])  # every one, most responses first
        for record in frame.to_dict("records"):
            cells = rows[record[by]]
            assert len(cells) == len(TABLE_COLUMNS) + extra
            for cell, column in zip(cells, TABLE_COLUMNS, strict=False):
                assert same(cell, record[column]), (record[by], column)
            if by == "helper":
                assert same(cells[-1], signals.get(record["helper"], 0))


def test_helpers_table_matches_the_helpers_frame(sample_insights: Insights, doc: Node) -> None:
    assert_tables_match(doc, sample_insights)
    rows = table_rows(doc, "helper-table")
    alice = dict(zip(TABLE_COLUMNS, rows["alice"], strict=False))
    assert alice["mean_empathy_slope"].text().startswith("-")
    assert alice["style_empathy"].text().endswith("%")
    anxiety = dict(
        zip(TABLE_COLUMNS, table_rows(doc, "community-table")["r/anxiety"], strict=False)
    )
    slope = sample_insights.communities().set_index("community").loc["r/anxiety"]
    assert abs(slope["mean_empathy_slope"]) < 0.01  # near flat: three decimals, as summarize
    assert anxiety["mean_empathy_slope"].text() == slope_text(slope["mean_empathy_slope"])
    frank = dict(zip(TABLE_COLUMNS, rows["frank"], strict=False))  # two months: no trend
    assert frank["mean_empathy_slope"].text() == "\u2013"


def test_a_trend_from_few_responses_is_marked(sample_insights: Insights, doc: Node) -> None:
    """Was: a trend of three responses (erin's, one a month) read like alice's of 48; it is
    marked "few responses (n=3)" below the strain signals' minimum, in the table and the
    helper's figures, and the table's note says what that means."""
    few = sample_insights.thresholds.min_trend_responses
    frame = sample_insights.helpers().set_index("helper")
    assert frame.loc["erin", "trend_responses"] == 3 < few <= frame.loc["alice", "trend_responses"]
    rows = table_rows(doc, "helper-table")
    erin = dict(zip(TABLE_COLUMNS, rows["erin"], strict=False))["mean_empathy_slope"]
    assert erin.text().endswith("few responses (n=3)") and same(
        erin, frame.loc["erin", "mean_empathy_slope"]
    )
    alice = dict(zip(TABLE_COLUMNS, rows["alice"], strict=False))["mean_empathy_slope"]
    assert "few" not in alice.text()
    frank = dict(zip(TABLE_COLUMNS, rows["frank"], strict=False))["mean_empathy_slope"]
    assert frank.text() == "\u2013"  # no trend at all: nothing to mark
    assert f"fewer than {few} dated responses" in doc.by_id("helpers").text()
    (section,) = [
        s for s in doc.find_all("section", class_="helper") if s.find("h3").text() == "erin"
    ]
    assert "(few responses, n=3)" in section.find("dl").text()
    assert "erin" not in {s.helper for s in sample_insights.strain_signals()}


def test_community_table_and_totals(sample_insights: Insights, doc: Node) -> None:
    frame = sample_insights.communities()
    rows = table_rows(doc, "community-table")
    assert list(rows) == ["r/grief", "r/anxiety"] == list(frame["community"])
    for record in frame.to_dict("records"):
        cells = rows[record["community"]]
        assert same(cells[0], record["responses"])
        assert same(cells[1 + STYLES.index("empathy")], record["style_empathy"])
        assert same(cells[-1], record["unsafe_replies"])
        assert same(cells[-2], record["needs_attention"])  # crisis cues
        helpers = {r.helper for r in sample_insights.rows if r.community == record["community"]}
        assert same(cells[-3], len(helpers))
    total = sample_insights.total()
    cards = doc.by_id("overview").find_all("div", class_="card")
    assert cards[0].text().startswith(f"{total.n:,}")
    assert cards[1].text().startswith(str(N_HELPERS))
    assert doc.by_id("crisis-count").text() == str(total.needs_attention)
    assert total.needs_attention > 0
    unsafe = sum(bool(r.unsafe_reply) for r in sample_insights.rows)
    assert total.unsafe_replies == unsafe > 0
    assert doc.by_id("unsafe-count").text() == str(unsafe)
    assert cards[-1].text().startswith(str(unsafe)) and "unsafe replies" in cards[-1].text()


def test_strain_signals_are_signals_not_diagnoses(sample_insights: Insights, doc: Node) -> None:
    strain = sample_insights.strain()
    raised = set(zip(strain["helper"], strain["signal"], strict=True))
    # The fixture raises every kind of signal for the helper drawn for it.
    assert {
        ("alice", "falling_empathy"),
        ("bob", "high_distress_load"),
        ("carol", "heavy_self_focus"),
        ("carol", "personal_distress"),
    } <= raised
    rows = doc.by_id("signal-table").find("tbody").find_all("tr")
    assert len(rows) == len(strain)
    (frame,) = [  # a named region, as every scrolling frame
        f
        for f in doc.find_all("div", class_="table-wrap")
        if f.find_all("table", id="signal-table")
    ]
    assert frame.attrs["role"] == "region" and frame.attrs["aria-label"] == "Strain signals"
    for row, detail, evidence in zip(rows, strain["detail"], strain["evidence"], strict=True):
        assert detail in row.text()
        ids = [c.text() for c in row.find_all("code")]
        assert ids == evidence
        # The first responses to read are shown in the helper's section, and linked.
        first = row.find_all("a")[1]
        assert first.text() == evidence[0]
        assert doc.by_id(first.attrs["href"][1:]).tag == "article"
    assert "not a diagnosis" in doc.by_id("signals").text()
    for section in doc.find_all("section", class_="helper"):
        box = section.find("div", class_="signals")
        assert "not a diagnosis" in box.text()
    assert "risk score" in doc.by_id("methods").text()
    assert "diagnosis" in doc.by_id("methods").text()


def test_helper_sections_show_their_helper(sample_insights: Insights, doc: Node) -> None:
    sections = doc.find_all("section", class_="helper")
    assert [s.find("h3").text() for s in sections] == list(sample_insights.helpers()["helper"])
    carol = next(s for s in sections if s.find("h3").text() == "carol")
    text = carol.text()
    assert "Own distress or exhaustion" in text and "Heavy self-focus" in text
    # The evidence responses are shown, the helper's own distress marked in them.
    assert carol.find_all("mark", class_="distress")
    assert {m.text() for m in carol.find_all("mark", class_="distress")} == {"exhausted"}
    for link in carol.find_all("a"):
        assert link.attrs["href"].startswith("#")
    # Every helper section has a style chart and a monthly trend chart.
    for section in sections:
        assert len(section.find_all("svg", class_="only-wide")) == 2
        assert len(section.find_all("svg", class_="only-narrow")) == 2


def test_max_helpers_caps_sections_not_the_table(sample_insights: Insights) -> None:
    doc = parse(build_report(sample_insights, max_helpers=2))
    assert len(doc.find_all("section", class_="helper")) == 2
    rows = table_rows(doc, "helper-table")
    assert len(rows) == N_HELPERS
    linked = [r for r in doc.by_id("helper-table").find("tbody").find_all("tr") if r.find_all("a")]
    assert len(linked) == 2
    none = parse(build_report(sample_insights, max_helpers=0))
    assert not none.find_all("section", class_="helper")
    with pytest.raises(ValueError, match="max_helpers"):
        build_report(sample_insights, max_helpers=-1)


# ---------------------------------------------------------------------------- charts


def test_charts_are_labelled_svg(doc: Node) -> None:
    svgs = doc.find_all("svg", class_="chart")
    assert len(svgs) == 2 * (2 + 2 * 2 + 2 * N_HELPERS)  # each drawn wide and narrow
    for svg in svgs:
        assert svg.attrs["role"] == "img"
        title_id, desc_id = svg.attrs["aria-labelledby"].split()
        assert doc.by_id(title_id).tag == "title" and doc.by_id(title_id).text()
        assert doc.by_id(desc_id).tag == "desc"
        marks = svg.find_all(class_="mark")
        assert marks and all(m.tag in ("rect", "path", "circle") for m in marks)
        # Every data mark says what it shows.
        assert all(m.find_all("title") for m in marks)
    overview = doc.by_id("communities").find_all("svg", class_="chart")
    bars = overview[0].find_all("rect", class_="mark")
    assert any("All communities" in b.text() for b in bars)


def test_each_chart_is_drawn_for_wide_windows_and_for_phones(doc: Node) -> None:
    """On a phone a 1000-wide chart would shrink to a third, its text to 4 px; so each chart
    has a narrow drawing of the same data right after it, and CSS shows one of the two."""
    svgs = doc.find_all("svg", class_="chart")
    for wide, narrow in zip(svgs[::2], svgs[1::2], strict=True):
        assert "only-wide" in wide.attrs["class"] and "only-narrow" in narrow.attrs["class"]
        assert int(narrow.attrs["width"]) == NARROW < int(wide.attrs["width"])
        assert wide.find("title").text() == narrow.find("title").text()
        assert [m.text() for m in wide.find_all(class_="mark")] == [
            m.text() for m in narrow.find_all(class_="mark")
        ]
    assert f"@media {NARROW_MEDIA}{{svg.chart.only-wide{{display:none}}" in CSS
    assert "svg.chart.only-narrow{display:none}" in CSS


def test_narrow_bars_put_their_labels_above() -> None:
    counts = {"empathy": 3, "advice": 1}
    for draw in (
        partial(charts.stacked_bars, [("r/grief", counts)], ["empathy", "advice"], {}),
        partial(charts.grouped_bars, ["r/grief"], [("a", "#000000", [1.5])], max_value=2.0),
    ):
        wide = parse(draw(chart_id="w", title="t", width=1000))
        narrow = parse(draw(chart_id="n", title="t", width=NARROW, shown="narrow"))
        label = next(t for t in wide.find_all("text") if t.text().startswith("r/grief"))
        assert label.attrs["text-anchor"] == "end" and float(label.attrs["x"]) > 100
        label = next(t for t in narrow.find_all("text") if t.text().startswith("r/grief"))
        assert label.attrs["x"] == "0" and "text-anchor" not in label.attrs
        bar = narrow.find("rect", class_="mark")
        assert float(bar.attrs["x"]) == 0 and float(bar.attrs["y"]) > float(label.attrs["y"])
        assert narrow.find("svg").attrs["class"] == "chart only-narrow"
        assert wide.find("svg").attrs["class"] == "chart"


# ------------------------------------------------------------ crisis cues, unsafe replies

SEEKER_IN_CRISIS = "Mail me at wren@example.org. I keep thinking about suicide tonight."
UNSAFE_REPLY = "just do it lol. kys."


def crisis_records(n_more: int = 0) -> list[dict[str, Any]]:
    """A seeker post about suicide answered once unsafely and once with care (``n_more``
    further caring replies)."""
    cue = SEEKER_IN_CRISIS.index("suicide")
    unsafe_at = UNSAFE_REPLY.index("kys")
    records = []
    replies = [("troll99", UNSAFE_REPLY), ("sol", "I'm glad you wrote. Are you safe right now?")]
    replies += [(f"peer{i}", "Thank you for telling us. I'm here.") for i in range(n_more)]
    for i, (speaker, text) in enumerate(replies):
        r = result_record(
            f"m{i + 2}", speaker=speaker, response=text, seeker=SEEKER_IN_CRISIS, attention=True
        )
        r["conversation_id"], r["community"] = "t-7", "nightowls"
        r["seeker"]["crisis_cues"] = [{"start": cue, "end": cue + 7, "label": "suicide"}]
        r["unsafe"] = []
        if text == UNSAFE_REPLY:
            r["unsafe"] = [{"start": unsafe_at, "end": unsafe_at + 3, "label": "urging"}]
        records.append(r)
    return records


def test_crisis_section_lists_the_responses_to_read(sample_insights: Insights, doc: Node) -> None:
    expected = responses_to_read(sample_insights.rows)
    assert len(expected) <= MAX_TO_READ
    assert {r.response_id for r in expected} == {
        r.response_id for r in sample_insights.rows if r.needs_attention or r.unsafe_reply
    }
    rows = table_rows(doc, "to-read")
    assert list(rows) == [r.response_id for r in expected]
    by_id = {r.response_id: r for r in expected}
    unsafe_first = [by_id[i].unsafe_reply for i in rows]
    assert unsafe_first == sorted(unsafe_first, reverse=True) and any(unsafe_first)
    for rid, cells in rows.items():
        row = by_id[rid]
        conversation, community, helper, what, words = (c.text() for c in cells)
        assert (conversation, community, helper) == (row.conversation_id, row.community, row.helper)
        assert ("unsafe wording in the reply" in what) == row.unsafe_reply
        assert ("crisis cues in the seeker message" in what) == row.needs_attention
        if row.unsafe_reply:
            assert "At least you still have a job." in words  # the fixture's unsafe words
    assert "to-read-more" not in page_ids(doc)


def page_ids(doc: Node) -> set[str]:
    return {n.attrs["id"] for n in doc.iter() if "id" in n.attrs}


def test_an_unsafe_reply_is_listed_with_its_words() -> None:
    page = build_report(Insights.from_records(crisis_records()))
    doc = parse(page)
    rows = table_rows(doc, "to-read")
    assert list(rows) == ["m2", "m3"]  # the unsafe reply first
    conversation, community, helper, what, words = rows["m2"]
    assert (conversation.text(), community.text(), helper.text()) == ("t-7", "nightowls", "troll99")
    assert what.text() == (
        "unsafe wording in the reply (urging); crisis cues in the seeker message (suicide)"
    )
    assert [m.text() for m in words.find_all("mark")] == ["kys", "suicide"]
    assert [m.text() for m in rows["m3"][4].find_all("mark")] == ["suicide"]
    assert "wren@example.org" not in doc.by_id("to-read").text()  # only the flagged words


def test_the_list_of_responses_to_read_is_capped() -> None:
    doc = parse(build_report(Insights.from_records(crisis_records(n_more=MAX_TO_READ + 5))))
    assert len(table_rows(doc, "to-read")) == MAX_TO_READ
    assert "and 7 more responses" in doc.by_id("to-read-more").text()


def test_the_crisis_box_speaks_plainly() -> None:
    """The box says, for a moderator or supervisor, what the list is, that it is not a risk
    score and what to do, without field names or file paths; a page that lists them all
    elsewhere (the server's explorer) says so with ``see_all``."""
    insights = Insights.from_records(crisis_records(n_more=MAX_TO_READ + 5))
    box = parse(build_report(insights)).by_id("crisis").find("div", class_="crisis")
    words = " ".join(box.text().split())
    assert "not a risk score" in words and "What to do:" in words
    assert "ask whether they are safe" in words and "988" in words
    assert box.find_all("code") == []
    assert "needs_attention" not in words and "docs/" not in words
    section = parse(Overview.of(insights).crisis(see_all='Read <a href="/all">all of them</a>.'))
    assert section.by_id("to-read-more").text().endswith("more responses. Read all of them.")
    assert "Read all of them." in section.find("p", class_="muted").text()


def _learned_only(records: list[dict[str, Any]], *positions: int) -> list[dict[str, Any]]:
    """``records`` with the cue of the responses at ``positions`` as only the small learned
    crisis flag marks a message (``possible_crisis``: a hint, no wording pattern)."""
    for k in positions:
        records[k]["seeker"]["crisis_cues"] = [
            {**cue, "label": LEARNED_CUE} for cue in records[k]["seeker"]["crisis_cues"]
        ]
    return records


@pytest.mark.parametrize(
    ("learned", "said"),
    [
        ((), "2 responses answer messages with wording about suicide or self-harm."),
        ((1,), "2 responses answer messages with wording about suicide or self-harm, or a "
         "hint of it (1 of them only a hint, a possible crisis). The learned flag is a small "
         "model that reads the words alone, and it also marks grief and other hard news."),
        ((0, 1), "2 responses answer messages that may point to a crisis (a hint the learned "
         "flag found). The learned flag is a small model that reads the words alone, and it "
         "also marks grief and other hard news."),
    ],
)  # fmt: skip
def test_a_learned_cue_is_counted_as_a_possible_crisis(learned: tuple[int, ...], said: str) -> None:
    """A message only the learned flag marked was counted under "crisis cues: wording about
    suicide or self-harm" (the command line says "or a hint of it"), while the list below
    marked it "(possible crisis)"; the count is worded as analyze and summarize word it."""
    records = _learned_only(crisis_records(), *learned)
    doc = parse(build_report(Insights.from_records(records)))
    headline = doc.by_id("crisis-count")
    paragraph = next(
        n for n in doc.by_id("crisis").iter() if n.tag == "p" and headline in n.children
    )
    assert " ".join(paragraph.text().split()) == said
    rows = table_rows(doc, "to-read")
    for k, rid in enumerate(("m2", "m3")):
        what = rows[rid][3].text()
        if k in learned:
            assert "a possible crisis in the seeker message" in what and "cues" not in what
        else:
            assert "crisis cues in the seeker message (suicide)" in what


def test_quoted_texts_are_laid_out_in_their_own_direction(doc: Node) -> None:
    """Hebrew or Arabic texts were laid out left to right (full stop at the wrong end)."""
    quoted = doc.find_all("blockquote")
    assert quoted and {q.attrs.get("dir") for q in quoted} == {"auto"}
    marks = doc.by_id("to-read").find_all("mark")
    assert marks and {m.attrs.get("dir") for m in marks} == {"auto"}


def test_the_list_of_responses_to_read_is_anonymized_like_the_page() -> None:
    insights = Insights.from_records(crisis_records(), anonymize=True, key="k")
    page = build_report(insights)
    doc = parse(page)
    assert "troll99" not in page and "wren@example.org" not in page
    pseudonym = next(r.helper for r in insights.rows if r.response_id == "m2")
    rows = table_rows(doc, "to-read")
    assert rows["m2"][2].text() == pseudonym
    assert pseudonym in table_rows(doc, "helper-table")
    assert [m.text() for m in rows["m2"][4].find_all("mark")] == ["kys", "suicide"]


def test_the_list_of_responses_to_read_without_texts_shows_no_words() -> None:
    records = crisis_records()
    for r in records:
        r["seeker_text"] = r["response_text"] = None
    doc = parse(build_report(Insights.from_records(records)))
    rows = table_rows(doc, "to-read")
    assert list(rows) == ["m2", "m3"]
    assert not doc.find_all("mark")
    assert rows["m2"][4].text() == "no text in the results"
    assert "unsafe wording in the reply (urging)" in rows["m2"][3].text()


def test_the_list_of_responses_to_read_is_escaped() -> None:
    records = crisis_records()
    records[0]["speaker"] = EVIL_HELPER
    records[0]["conversation_id"] = "<i>t</i>"
    page = build_report(Insights.from_records(records))
    assert "<b>mallory" not in page and "<i>t</i>" not in page
    rows = table_rows(parse(page), "to-read")
    assert rows["m2"][2].text() == EVIL_HELPER and rows["m2"][0].text() == "<i>t</i>"


def test_nothing_to_read_says_so(make_sample_insights: Callable[..., Insights]) -> None:
    insights = make_sample_insights(helpers={"solo": ("r/grief", 2, 0.2)})
    assert not responses_to_read(insights.rows)
    doc = parse(build_report(insights))
    assert "to-read" not in page_ids(doc)
    assert "No response has unsafe wording" in doc.by_id("to-read-none").text()


def test_high_distress_load_in_the_report_uses_the_helpers_community() -> None:
    records = [
        result_record(f"c{i}", speaker=("alice", "bob")[i % 2], community="crisisforum", distress=2)
        for i in range(10)
    ]
    records += [
        result_record(f"h{i}", speaker=f"hobbyist{i % 3}", community="hobbyforum", distress=0)
        for i in range(30)
    ]
    insights = Insights.from_records(records)
    doc = parse(build_report(insights))
    assert "No strain signal is raised" in doc.by_id("signals").text()
    assert insights.strain().empty  # the tables agree
    assert "own community" in doc.by_id("methods").text()


# -------------------------------------------------------------------- examples, escaping


def test_untrusted_text_is_escaped(page: str, doc: Node) -> None:
    assert SCRIPT not in page and "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>mallory" not in page and "&lt;b&gt;mallory&lt;/b&gt;" in page
    # The response with the script is the strongest empathic example; its spans are merged.
    first = doc.by_id("examples").find("article")
    assert EVIL_HELPER in first.text()
    marks = first.find_all("mark", class_="empathy")
    assert len(marks) == 2  # interpretation phrase, then script + reflection merged
    assert marks[1].text().startswith(SCRIPT) and marks[1].text().endswith("hardest.")


def test_examples_are_the_strongest(sample_insights: Insights, doc: Node) -> None:
    section = doc.by_id("examples")
    articles = section.find_all("article")
    assert len(articles) == 10  # five per dimension
    shown = [a.find("code").text() for a in articles]
    assert len(set(shown)) == len(shown)
    rows = {r.response_id: r for r in sample_insights.rows}
    empathic, compassionate = shown[:5], shown[5:]
    assert all(rows[i].levels["empathy"] == 2 for i in empathic)
    assert all(rows[i].levels["compassion"] >= 1 for i in compassionate)
    assert all(rows[i].levels["dismissive"] == 0 for i in shown)  # good examples only
    levels = [rows[i].levels["compassion"] for i in compassionate]
    assert levels == sorted(levels, reverse=True)
    for article in articles[:5]:
        assert article.find_all("mark", class_="empathy")
    for article in articles[5:]:
        assert article.find_all("mark", class_="compassion")
    # One response per helper before any helper's second one.
    helpers = [rows[i].helper for i in empathic]
    assert len(set(helpers)) == len(helpers)
    assert (
        not parse(build_report(sample_insights, examples=0)).by_id("examples").find_all("article")
    )


def test_pick_examples_orders_deterministically(sample_insights: Insights) -> None:
    rows = list(sample_insights.rows)
    a = pick_examples(rows, "empathy", 4)
    b = pick_examples(list(reversed(rows)), "empathy", 4)
    assert [r.response_id for r in a] == [r.response_id for r in b]
    many = pick_examples(rows, "empathy", 50)
    levels = [r.levels["empathy"] for r in many]
    assert levels == sorted(levels, reverse=True)
    assert len({r.response_id for r in many}) == len(many)


def test_highlight_spans_merges_clamps_and_escapes() -> None:
    text = "a <b> & c d e"
    spans = [
        {"start": 2, "end": 5},
        {"start": 4, "end": 7},  # overlaps the first
        {"start": 7, "end": 9},  # touches the merged one
        {"start": 12, "end": 99},  # runs past the end
        {"start": 5, "end": 5},  # empty
        {"start": "x", "end": 3},  # unusable
        {"end": 3},
    ]
    out = highlight_spans(text, spans, css_class="empathy")
    assert (
        out == 'a <mark class="empathy">&lt;b&gt; &amp; c</mark> d <mark class="empathy">e</mark>'
    )
    assert highlight_spans("<i>", [], css_class="x") == "&lt;i&gt;"


# ---------------------------------------------------------------------------- edge cases


def test_no_timestamps_means_no_trends(make_sample_insights: Callable[..., Insights]) -> None:
    insights = make_sample_insights(timestamps=False)
    doc = parse(build_report(insights))
    trends = doc.by_id("trends")
    assert "no timestamps" in trends.text()
    assert not trends.find_all("svg")
    for section in doc.find_all("section", class_="helper"):
        assert "No timestamps" in section.text()
        assert len(section.find_all("svg", class_="only-wide")) == 1  # the style chart only
    assert_tables_match(doc, insights)  # the rest is still there


def test_one_month_draws_no_trend(sample_insights: Insights) -> None:
    may = datetime(2024, 5, 9, tzinfo=UTC)
    insights = Insights([replace(r, timestamp=may) for r in sample_insights.rows])
    doc = parse(build_report(insights))
    trends = doc.by_id("trends")
    assert "2024-05" in trends.text() and "no trend" in trends.text()
    assert not trends.find_all("svg")
    for section in doc.find_all("section", class_="helper"):
        assert "no trend to draw" in section.text()
    assert_tables_match(doc, insights)


def test_partly_dated_responses_are_counted(make_sample_insights: Callable[..., Insights]) -> None:
    dated = make_sample_insights()
    undated = make_sample_insights(timestamps=False, seed=8)
    mixed = Insights([*dated.rows, *undated.rows[:7]])
    doc = parse(build_report(mixed))
    assert "7 responses have no timestamp" in doc.by_id("trends").text()
    assert_tables_match(doc, mixed)


def test_no_texts_means_no_examples(make_sample_insights: Callable[..., Insights]) -> None:
    doc = parse(build_report(make_sample_insights(texts=False)))
    examples = doc.by_id("examples")
    assert "no texts" in examples.text() and not examples.find_all("article")
    assert not doc.find_all("mark")
    # Questions are counted in texts: without them they are unknown, not 0 (reflections
    # come from the levels and stay).
    for section in doc.find_all("section", class_="helper"):
        figures = {
            item.find("dt").text(): item.find("dd").text()
            for item in section.find("dl", class_="metrics").find_all("div")
        }
        reflections, questions = figures["reflections / questions"].split(" / ")
        assert reflections.isdigit() and questions == "\u2013", figures


def test_one_helper(make_sample_insights: Callable[..., Insights]) -> None:
    insights = make_sample_insights(helpers={"solo": ("r/grief", 9, 0.2)})
    doc = parse(build_report(insights))
    assert list(table_rows(doc, "helper-table")) == ["solo"]
    assert len(doc.find_all("section", class_="helper")) == 1
    bars = doc.by_id("communities").find("svg").find_all("rect", class_="mark")
    assert not any("All communities" in b.text() for b in bars)
    assert "No strain signal is raised for any helper" in doc.by_id("signals").text()


def test_one_of_each_reads_in_the_singular() -> None:
    records = [result_record("r1", timestamp="2024-11-05T10:00:00Z")]
    records.append(result_record("r2", timestamp="2024-11-20T10:00:00Z"))
    page = build_report(Insights.from_records(records[:1]))
    assert not re.search(r"\b1 (responses|helpers|communities)\b", page)
    doc = parse(page)
    assert "One helper. The name links to their details." in doc.by_id("helpers").text()
    assert "The 1 helper with most responses." in doc.by_id("helper-details").text()
    cards = [c.text() for c in doc.by_id("overview").find_all("div", class_="card")]
    assert cards[:3] == ["1response", "1helper", "1community"]
    # Two responses in one month: the helper's months are one month, not a range.
    doc = parse(build_report(Insights.from_records(records)))
    meta = doc.find("section", class_="helper").find("p").text()
    assert meta == "2 responses · grief (2) · 2024-11"
    records += [result_record("r3", timestamp="2025-01-02"), result_record("r4", timestamp=None)]
    doc = parse(build_report(Insights.from_records(records)))
    assert "1 response has no timestamp and is left out" in doc.by_id("trends").text()
    meta = doc.find("section", class_="helper").find("p").text()
    assert meta == "4 responses · grief (4) · 2024-11 \u2013 2025-01"


def test_one_flag_reads_in_the_singular() -> None:
    def cards(records: list[dict[str, Any]]) -> list[str]:
        doc = parse(build_report(Insights.from_records(records)))
        return [c.text() for c in doc.by_id("overview").find_all("div", class_="card")]

    unsafe = [{"start": 0, "end": 8, "label": "urging", "score": 1.0, "text": "Just die"}]
    one = result_record("r1", attention=True, unsafe=unsafe, response="Just die.")
    assert cards([one])[-3:] == [
        "0strain signals to look at",
        "1crisis cue to read",
        "1unsafe reply to read",
    ]
    two = [one, result_record("r2", attention=True, unsafe=unsafe, response="Just die.")]
    assert cards(two)[-2:] == ["2crisis cues to read", "2unsafe replies to read"]


def test_zero_rows_is_a_valid_page(sample_manifest: dict[str, Any]) -> None:
    page = build_report(Insights([]), model=sample_manifest, title="Empty <week>")
    doc = parse(page)
    assert "Nothing to show" in doc.by_id("overview").text()
    assert doc.by_id("methods")
    # Was: links to the seven sections such a page does not have.
    assert toc(doc) == ["overview", "methods"]
    assert_links_lead_somewhere(doc)
    assert not doc.find_all("svg")
    assert doc.find("title").text() == "Empty <week>" and "Empty &lt;week&gt;" in page


def test_model_manifest_is_shown_defensively(sample_insights: Insights) -> None:
    shipped = json.loads(
        (ROOT / "src/carelens/models/empathy-minilm/manifest.json").read_text(encoding="utf-8")
    )
    methods = parse(build_report(sample_insights, model=shipped)).by_id("methods").text()
    assert shipped["model_id"] in methods and "Taxonomy (codebook): v1" in methods
    odd = {
        "name": "<i>odd</i>",
        "taxonomy": {"not": "a string"},
        "dimensions": ["interpretation"],
        "evaluation": ["not", "a", "mapping"],
    }
    page = build_report(sample_insights, model=odd)
    methods = parse(page).by_id("methods").text()
    assert "<i>odd</i>" in methods and "<i>odd" not in page
    assert "unknown (left out of the figures, not level 0)" in methods and "compassion" in methods
    weird_eval = {"evaluation": {"test": {"mechanisms": {"x": {"accuracy": float("nan")}}}}}
    assert "Methods" in build_report(sample_insights, model=weird_eval)
    assert "not given" in parse(build_report(sample_insights)).by_id("methods").text()


def test_methods_say_which_model_analysed_the_responses() -> None:
    """The methods describe the installed model's manifest; results made by another model
    (or a mix) are named, with a note that the figures may not describe them."""
    # "model": "test-model"; checked for unsafe wording (no note on older results)
    records = [result_record(f"r{i}", unsafe=[]) for i in range(3)]
    records.append(dict(result_record("r9", unsafe=[]), model="older-model"))
    insights = Insights.from_records(records)
    assert insights.model_ids() == {"test-model": 3, "older-model": 1}
    same = parse(build_report(insights, model={"model_id": "test-model"})).by_id("methods")
    assert "Analysed by: test-model (3 responses), older-model (1 response)" in same.text()
    note = same.find("p", class_="note").text()
    assert "1 response was analysed by older-model, not by the model described here" in note
    assert "--model" in note
    only = Insights.from_records(records[:3])
    page = parse(build_report(only, model={"model_id": "test-model"})).by_id("methods")
    assert "Analysed by: test-model (3 responses)" in page.text()
    assert not page.find_all("p", class_="note")
    other = parse(build_report(only, model={"model_id": "carelens-x"})).by_id("methods")
    assert "3 responses were analysed by test-model" in other.find("p", class_="note").text()
    assert "Analysed by" not in parse(build_report(Insights([]))).by_id("methods").text()
    unknown = parse(build_report(only)).by_id("methods")  # no manifest could be read
    assert "Analysed by: test-model" in unknown.text() and not unknown.find_all("p", class_="note")


def test_evaluation_figures_are_tabulated(doc: Node) -> None:
    methods = doc.by_id("methods")
    text = methods.text()
    assert "0.722" in text and "n_pairs 496" in text
    assert "carelens evaluate" not in text  # the command is left out


# -------------------------------------------------------------------------------- files


def test_write_report_is_atomic(sample_insights: Insights, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    written = write_report(sample_insights, target, title="Weekly")
    assert written == target
    assert target.read_text(encoding="utf-8") == build_report(sample_insights, title="Weekly")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_report_leaves_nothing_behind_on_failure(
    sample_insights: Insights, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    target.mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(OSError):
        write_report(sample_insights, target)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    assert target.is_dir() and not any(target.iterdir())


@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o027, 0o640)])
def test_write_report_gets_the_permissions_of_other_outputs(
    sample_insights: Insights, tmp_path: Path, umask: int, mode: int
) -> None:
    """The report was always 0644, readable by every user, even under ``umask 077`` where
    the results and rejects files are 0600: it holds quoted texts, so the umask rules."""
    before = os.umask(umask)
    try:
        report = write_report(sample_insights, tmp_path / "report.html")
        output = tmp_path / "results.jsonl"
        output.write_text("{}\n", encoding="utf-8")  # as analyze creates its outputs
    finally:
        os.umask(before)
    assert stat.S_IMODE(report.stat().st_mode) == mode
    assert stat.S_IMODE(output.stat().st_mode) == mode


def test_many_helpers_stay_quick(make_sample_insights: Callable[..., Insights]) -> None:
    helpers = {f"helper{i:03d}": ("r/grief" if i % 2 else "r/anxiety", 8, 0.2) for i in range(300)}
    insights = make_sample_insights(helpers=helpers)
    started = time.perf_counter()
    page = build_report(insights, max_helpers=10)
    elapsed = time.perf_counter() - started
    doc = parse(page)
    assert len(table_rows(doc, "helper-table")) == 300
    assert len(doc.find_all("section", class_="helper")) == 10
    assert elapsed < 30, f"{elapsed:.1f} s for 2,400 responses"


# ------------------------------------------------------------------------- tick labels

#: Advance widths (em) of the characters of tick labels in DejaVu Sans, the widest common
#: sans-serif (what Chromium shows for system-ui on Linux); other characters 0.7 em.
_ADVANCE = {**dict.fromkeys("0123456789", 0.64), "-": 0.37, ".": 0.32, "%": 0.95, "+": 0.84}


def _text_extent(text: Node) -> tuple[float, float]:
    """Where a chart's ``<text>`` runs from and to, left to right (its width estimated)."""
    size = 10.5 if "small" in text.attrs.get("class", "").split() else 12.0
    label = "".join(c for c in text.children if isinstance(c, str))
    width = sum(_ADVANCE.get(ch, 0.7) for ch in label) * size
    x = float(text.attrs["x"])
    anchor = text.attrs.get("text-anchor", "start")
    start = x if anchor == "start" else x - width / 2 if anchor == "middle" else x - width
    return start, start + width


def _tick_labels_outside(svg: Node) -> list[tuple[str, float, float]]:
    """The tick labels (axis text) of a chart that do not lie within its viewBox."""
    width = float(svg.attrs["viewbox"].split()[2])
    out = []
    for text in svg.find_all("text", class_="muted"):
        start, end = _text_extent(text)
        if start < 0 or end > width:
            out.append((text.text(), start, end))
    return out


@pytest.mark.parametrize("n_months", [1, 2, 5, 12, 13, 27, 41, 65, 66, 100])
@pytest.mark.parametrize("width", [520, 1000, NARROW])
def test_month_labels_stay_inside_their_chart(n_months: int, width: int) -> None:
    last = f"{2019 + (n_months - 1) // 12}-{(n_months - 1) % 12 + 1:02d}"
    months = charts.month_range(["2019-01", last])
    assert len(months) == n_months
    stacks = {m: {"empathy": 2, "advice": 1} for m in months}
    series = [("empathy", "#0072B2", dict.fromkeys(months, 1.0))]
    for draw in (
        partial(charts.stacked_columns, months, stacks, ["empathy", "advice"], {}),
        partial(charts.line_chart, months, series, y_max=2.0),
    ):
        svg = parse(draw(chart_id="c", title="t", width=width)).find("svg")
        labels = [t.text() for t in svg.find_all("text", class_="muted")]
        assert months[0] in labels
        assert _tick_labels_outside(svg) == []


def test_every_tick_label_of_the_report_lies_inside_its_chart() -> None:
    """Results from 2019-01 to 2024-05: the last month's label of "Style share per month"
    was cut to "2024-0" (centred on the last column, 16 px from the edge)."""
    records = []
    for k, month in enumerate(charts.month_range(["2019-01", "2024-05"])):
        r = result_record(f"r{k}", speaker=("ana", "ben")[k % 2], timestamp=f"{month}-10T10:00Z")
        r["community"] = ("grief", "recovery")[k % 3 % 2]
        records.append(r)
    doc = parse(build_report(Insights.from_records(records)))
    svgs = doc.find_all("svg", class_="chart")
    assert svgs
    titles = [svg.find("title").text() for svg in svgs]
    assert any(t.startswith("Style share per month") for t in titles), titles
    for svg, title in zip(svgs, titles, strict=True):
        assert _tick_labels_outside(svg) == [], (title, svg.attrs["width"])


# ------------------------------------------------------------- responses that share an id

EXHAUSTED_TEXT = "Honestly I'm exhausted and I can't keep doing this ({where})."


def shared_id_records() -> list[dict[str, Any]]:
    """Responses whose ids repeat, as in two threads whose message numbers restart (or two
    files): ana's ``2`` in thread A is the strongest empathic example; ben's ``2`` in thread E
    the only compassionate one; carol writes that she is exhausted in four responses, three
    of them ``2`` (threads B, C, D) and one ``5`` (thread B); dave's two unsafe replies are
    both ``9`` in thread F (two files of the same thread)."""

    def make(rid: str, conversation: str, speaker: str, **kwargs: Any) -> dict[str, Any]:
        r = result_record(rid, speaker=speaker, **kwargs)
        r["conversation_id"], r["seeker_id"] = conversation, "1"
        return r

    records = [
        make(
            "2",
            "A",
            "ana",
            levels={"interpretation": 2, "reflection": 2},
            response="It sounds like you feel unseen at home (A).",
        ),
        make(
            "2",
            "E",
            "ben",
            levels={"compassion": 2},
            style="advice",
            response="I can call you on Thursday if that would help (E).",
        ),
    ]
    for rid, where in (("2", "B"), ("5", "B"), ("2", "C"), ("2", "D")):
        text = EXHAUSTED_TEXT.format(where=where)
        r = make(rid, where, "carol", response=text)
        at = text.index("exhausted")
        r["helper"] = {
            "distress": 6.0,
            "distress_high": True,
            "spans": [{"start": at, "end": at + 9, "label": "distress"}],
        }
        records.append(r)
    for k in range(2):
        r = make("9", "F", "dave", response=f"{UNSAFE_REPLY} ({k})", attention=True)
        at = UNSAFE_REPLY.index("kys")
        r["unsafe"] = [{"start": at, "end": at + 3, "label": "urging"}]
        records.append(r)
    return records


def card_text(doc: Node, href: str) -> str:
    """The response text of the card an in-page link leads to."""
    assert href.startswith("#"), href
    card = doc.by_id(href[1:])
    assert card.tag == "article", card.tag
    return card.find("blockquote").text()


def test_responses_that_share_an_id_are_linked_to_their_own_cards() -> None:
    """Evidence is linked and shown by the response's place in the input, not its id: each
    of carol's ``2`` links to the card of its own text (not to another ``2``'s, nor to ana's
    example ``2``), and a shared id is shown with its conversation."""
    texts = {f"2 (conversation {w})": EXHAUSTED_TEXT.format(where=w) for w in "BCD"}
    texts["5"] = EXHAUSTED_TEXT.format(where="B")
    doc = parse(build_report(Insights.from_records(shared_id_records())))
    ids = [n.attrs["id"] for n in doc.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    (row,) = [r for r in doc.by_id("signal-table").find("tbody").find_all("tr")]
    assert row.find("th").text() == "carol"
    links = row.find_all("a")[1:]
    shown = ["2 (conversation B)", "5", "2 (conversation C)"]
    assert [card_text(doc, a.attrs["href"]) for a in links] == [texts[n] for n in shown]
    assert [a.text() for a in links] == shown
    # The fourth is not shown in full: it is named, not linked to another response "2".
    assert row.find_all("td")[-1].text().endswith(", 2 (conversation D)")
    carol = next(s for s in doc.find_all("section", class_="helper") if "carol" in s.text())
    cards = carol.find_all("article")
    assert [c.find("blockquote").text() for c in cards] == [
        texts["2 (conversation B)"],
        texts["5"],
        texts["2 (conversation C)"],
    ]
    assert cards[0].find("div", class_="meta").text().startswith("response 2 (conversation B) ·")
    for link in carol.find("ul").find_all("a"):
        assert card_text(doc, link.attrs["href"]) == texts[link.text()]


def test_an_example_is_not_left_out_because_another_response_has_its_id() -> None:
    insights = Insights.from_records(shared_id_records())
    doc = parse(build_report(insights))
    section = doc.by_id("examples")
    texts = [a.find("blockquote").text() for a in section.find_all("article")]
    assert texts[0] == "It sounds like you feel unseen at home (A)."
    assert "I can call you on Thursday if that would help (E)." in texts
    assert "No response with text shows compassion" not in section.text()
    names = [a.find("div", class_="meta").find("code").text() for a in section.find_all("article")]
    assert names[:1] == ["2"] and "2" in names[1:]
    rows = list(insights.rows)
    assert [r.position for r in rows] == list(range(len(rows)))  # numbered in input order
    first = pick_examples(rows, "empathy", 5)
    assert [r.position for r in first][:1] == [0]
    compassionate = pick_examples(rows, "compassion", 5, exclude=[0])
    assert [r.position for r in compassionate] == [1]  # ben's "2", not excluded by ana's "2"


def test_the_responses_to_read_tell_apart_a_shared_id_in_one_conversation() -> None:
    """Two records with the same id in the same conversation (two files of one thread) are
    told apart by their number in the input."""
    insights = Insights.from_records(shared_id_records())
    rows = table_rows(parse(build_report(insights)), "to-read")
    assert list(rows) == ["9 (no. 7 in the input)", "9 (no. 8 in the input)"]
    for cells in rows.values():
        assert cells[0].text() == "F"  # the conversation, the same for both
        assert [m.text() for m in cells[4].find_all("mark")] == ["kys"]
    # An id that no other response has is shown as it is.
    alone = Insights.from_records(crisis_records())
    assert list(table_rows(parse(build_report(alone)), "to-read")) == ["m2", "m3"]


def test_strain_tables_keep_ids_and_add_positions() -> None:
    insights = Insights.from_records(shared_id_records())
    strain = insights.strain()
    (carol,) = strain[strain["helper"] == "carol"].to_dict("records")
    assert carol["evidence"] == ["2", "5", "2", "2"]
    assert carol["evidence_positions"] == [2, 3, 4, 5]
    responses = insights.responses()
    assert list(responses["position"]) == list(range(len(insights.rows)))
    chosen = responses.set_index("position").loc[carol["evidence_positions"]]
    assert list(chosen["response_id"]) == carol["evidence"]
    assert list(chosen["conversation_id"]) == ["B", "B", "C", "D"]

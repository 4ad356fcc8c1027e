"""The web pages (coach, explorer, dashboards) through TestClient, on the real model and store.

One app per module analyses the forum of :mod:`page_data` (with a keyword topic model in
place of ``carelens.topics``); the tests read its pages: every page renders with the
security headers and loads nothing from elsewhere, every text is escaped, the explorer's
filters and pages agree with the store, threads show every reply, dashboards draw their
charts, and errors on page paths are HTML pages.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from html_tree import Node, parse
from page_data import (
    CRISIS,
    EVIL_HELPER,
    SCRIPT,
    SEEKERS,
    SLASHED,
    FakeTopics,
    nested_turns,
    pair_count,
    topic_of,
    turns,
    upload_file,
    upload_forum,
)
from service_helpers import BASE_URL

from carelens.analysis.crisis import crisis_cues
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.service.pages import explorer
from carelens.service.pages.layout import CSP
from carelens.service.schemas import MAX_TEXT_CHARS
from carelens.service.topic_model import load_topic_model, topic_field
from carelens.store import open_store
from postgres_schema import schema_url

N_PAIRS = pair_count()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def forum(
    request: pytest.FixtureRequest,
    analyzer: EmpathyAnalyzer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[TestClient, str]]:
    """A loopback app (no rate limit) with the forum analysed; (client, corpus id). Every
    page test runs on a SQLite store, then on PostgreSQL (skipped without a test server)."""
    folder = tmp_path_factory.mktemp("pages")
    with ExitStack() as stack:
        url = stack.enter_context(schema_url()) if request.param == "postgres" else None
        settings = ServiceSettings(data_dir=folder / "data", database_url=url, rate_limit=0)
        app = create_app(settings, analyzer=analyzer, topics=FakeTopics())
        client = stack.enter_context(TestClient(app, base_url=BASE_URL))
        yield client, upload_forum(client, folder)


@pytest.fixture
def client(forum: tuple[TestClient, str]) -> TestClient:
    return forum[0]


@pytest.fixture
def cid(forum: tuple[TestClient, str]) -> str:
    return forum[1]


def soup(response: Any) -> Node:
    return parse(response.text)


def assert_page(response: Any, status: int = 200) -> Node:
    """An HTML page with the page headers that loads nothing from another site."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    assert "no-store" in response.headers["cache-control"]
    page = soup(response)
    for tag in page.find_all(["script", "link", "img", "iframe", "form", "a"]):
        for attribute in ("src", "href", "action"):
            value = tag.get(attribute)
            if value is not None:
                assert not re.match(r"^\s*(https?:)?//", value), f"external {attribute}: {value}"
    scripts = [s.get("src") for s in page.find_all("script")]
    assert all(src and src.startswith("/static/") for src in scripts), scripts
    return page


def no_raw_markup(text: str) -> None:
    """Markup from the data never reaches the page unescaped."""
    assert "<script>alert" not in text
    assert "<b>mallory</b>" not in text
    for script in re.findall(r"<script[^>]*>", text):
        assert script.startswith('<script src="/static/'), script


def card_count(page: Node) -> int:
    return len(page.select("#results article.reply"))


def total_shown(page: Node) -> int:
    return int(page.select_one("#result-count b").text.replace(",", ""))


# -- every page ---------------------------------------------------------------------------------


PAGES = [
    "/",
    "/coach",
    "/explorer",
    "/explorer/{cid}",
    "/explorer/{cid}?q=dog&style=empathy",
    "/explorer/{cid}/thread/c03",
    "/dashboards",
    "/dashboards/{cid}",
    "/dashboards/{cid}?helper=jon",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders(client: TestClient, cid: str, path: str) -> None:
    response = client.get(path.format(cid=cid))
    page = assert_page(response)
    no_raw_markup(response.text)
    assert page.find("h1") and page.find("nav", class_="site")
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert [s.split("?")[0] for s in sheets] == [
        "/static/report.css",
        "/static/palette.css",
        "/static/pages.css",
    ]
    for sheet in sheets:
        asset = client.get(sheet)
        assert asset.status_code == 200 and asset.headers["content-type"].startswith("text/css")
        assert asset.headers["x-content-type-options"] == "nosniff"


def test_static_files(client: TestClient) -> None:
    script = client.get("/static/coach.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "fetch(" in script.text and "http" not in script.text
    palette = client.get("/static/palette.css").text
    assert ".badge.style-empathy{background:#0072B2" in palette
    for name in ("nope.css", "pages.CSS", "report.css.map"):
        assert_page(client.get(f"/static/{name}"), 404)
    for path in ("/static/", "/static/..%2Fapp.py", "/static/../service/app.py"):
        assert client.get(path).status_code == 404, path


def test_pages_stay_out_of_the_api_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert all(p.startswith("/v1/") for p in paths)


# -- errors -------------------------------------------------------------------------------------


def test_errors_on_pages_are_html_and_the_api_keeps_json(client: TestClient, cid: str) -> None:
    browser = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    assert_page(client.get("/nope", headers=browser), 404)
    assert_page(client.get("/docs", headers=browser), 404)
    assert client.get("/nope").json()["error"]["code"] == "not_found"  # scripts get JSON
    assert client.get("/v1/nope", headers=browser).json()["error"]["code"] == "not_found"
    for path in (
        "/explorer/not-a-corpus",
        "/explorer/not-a-corpus/thread/c01",
        f"/explorer/{cid}/thread/not-a-thread",
        "/dashboards/not-a-corpus",
        f"/dashboards/{cid}?helper=nobody",
    ):
        page = assert_page(client.get(path), 404)
        assert page.find("div", role="alert"), path
    missing = assert_page(client.get(f"/dashboards/{cid}", params={"helper": "nobody"}), 404)
    back = missing.find("a", href=f"/dashboards/{cid}#helpers")
    assert back is not None and "All helpers of forum.jsonl" in back.text
    wrong = client.put("/coach", headers=browser)
    assert_page(wrong, 405)
    assert "GET" in wrong.headers["allow"]
    api = client.get("/v1/nope")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"
    assert client.get("/v1/corpora/nope").json()["error"]["code"] == "corpus_not_found"


# -- coach --------------------------------------------------------------------------------------


def test_coach_form(client: TestClient) -> None:
    page = assert_page(client.get("/coach"))
    form = page.find("form", id="coach-form")
    assert form["method"] == "post" and form["action"] == "/coach"
    assert form.find("textarea", attrs={"name": "seeker"}) is not None
    assert form.find("textarea", attrs={"name": "response"}) is not None
    assert page.find(id="result") is None
    assert assert_page(client.get("/")).find("form", id="coach-form") is not None


def test_coach_checks_a_reply(client: TestClient, analyzer: EmpathyAnalyzer) -> None:
    seeker = f"My mom died and I feel so alone. {CRISIS}\nAlso {SCRIPT}"
    reply = "I'm so sorry. It sounds like you feel alone since she died. What helps at night?"
    response = client.post("/coach", data={"seeker": seeker, "response": reply})
    page = assert_page(response)
    no_raw_markup(response.text)
    # the texts come back in the form, as they were sent
    assert page.find("textarea", id="seeker").text.removeprefix("\n") == seeker
    assert page.find("textarea", id="response").text.removeprefix("\n") == reply
    result = page.find(id="result")
    assert result.select_one(".headline .badge.big").text in (
        "empathy",
        "compassion",
        "sympathy",
        "advice",
        "dismissive",
        "other",
    )
    rows = result.select("table.dims tbody tr")
    assert {r["data-dimension"] for r in rows} == set(analyzer.dimensions)
    marks = result.select("table.dims mark")
    assert marks and all(m.text in reply for m in marks)
    assert result.select(".feedback li")
    crisis = result.find(class_="crisis")
    assert crisis is not None and "988" in crisis.text and "does not assess risk" in crisis.text
    assert result.select_one("details.seeker-view mark.cue").text.lower() in CRISIS.lower()


def test_coach_without_crisis_cues_shows_no_resources(client: TestClient) -> None:
    response = client.post(
        "/coach",
        data={"seeker": SEEKERS[0], "response": "That sounds lonely. What do you miss most?"},
    )
    result = assert_page(response).find(id="result")
    assert result.find(class_="crisis") is None
    assert result.select(".feedback li")


def test_coach_shows_a_learned_cue_as_a_hint(client: TestClient) -> None:
    # Only the learned crisis flag marks this veiled message (no wording pattern does; the
    # test asserts it first, as the patterns keep learning veiled wording); the page once told
    # the helper to "ask them directly", as for "I want to kill myself".
    seeker = "Tonight feels like the right night to finally stop the pain for good."
    assert crisis_cues(seeker) == ()
    response = client.post("/coach", data={"seeker": seeker, "response": "I'm so sorry."})
    result = assert_page(response).find(id="result")
    panel = result.find(class_="crisis")
    assert panel is not None
    assert panel.find("h3").text == "A possible crisis in their message"
    assert "may point to a crisis (thoughts of suicide or self-harm)" in panel.text
    assert "ask them gently whether they are safe" in panel.text
    assert "ask them directly" not in panel.text
    assert "988" in panel.text and "does not assess risk" in panel.text
    feedback = [li.text for li in result.select(".feedback li")]
    assert len(feedback) == 2 and feedback[0].startswith("Their message may point to a crisis")


def test_coach_shows_unsafe_wording_in_the_reply(client: TestClient) -> None:
    reply = "Honestly, just die already."
    response = client.post("/coach", data={"seeker": SEEKERS[2], "response": reply})
    result = assert_page(response).find(id="result")
    panel = result.find(class_="unsafe")
    assert panel is not None and "urges them to harm themselves" in panel.text
    assert "“just die”" in panel.text and "988" in panel.text
    assert result.select(".feedback li")[0].text.startswith('"just die" could push them')
    kind = client.post(
        "/coach", data={"seeker": SEEKERS[2], "response": "Please don't give up. I'm here."}
    )
    assert assert_page(kind).find(id="result").find(class_="unsafe") is None


def test_explorer_card_marks_an_unsafe_reply() -> None:
    record = {
        "seq": 3,
        "seeker_text": "I can't go on.",
        "response_text": "Just die.",
        "unsafe": [{"start": 0, "end": 8, "label": "urging", "score": 1.0, "text": "Just die"}],
    }
    card = explorer.result_card("c1", record, [], "")
    assert "unsafe wording: read closely" in card
    assert "unsafe wording" not in explorer.result_card("c1", {**record, "unsafe": []}, [], "")


def test_coach_keeps_line_breaks_and_offsets(client: TestClient) -> None:
    reply = "I'm so sorry.\r\nIt sounds like you feel alone.\r\nWhat happened?"
    page = assert_page(client.post("/coach", data={"seeker": SEEKERS[1], "response": reply}))
    assert page.find("textarea", id="response").text == "\n" + reply.replace("\r\n", "\n")
    text = reply.replace("\r\n", "\n")
    for mark in page.select("#result table.dims mark"):
        assert mark.text in text


@pytest.mark.parametrize(
    ("seeker", "reply", "what"),
    [
        ("I lost my job.", "   ", "Your draft reply"),
        ("", "Oh no.", "What they said"),
        ("x" * 20_001, "Oh no.", "20,001 characters"),
    ],
)
def test_coach_explains_what_is_missing(
    client: TestClient, seeker: str, reply: str, what: str
) -> None:
    response = client.post("/coach", data={"seeker": seeker, "response": reply})
    page = assert_page(response, 422)
    assert what in page.find(class_="error-box").text
    assert page.find(id="result") is None
    assert page.find("textarea", id="seeker").text.removeprefix("\n") == seeker


def test_coach_does_not_cut_long_texts(client: TestClient) -> None:
    """No ``maxlength`` cuts a pasted text short: the hint gives the limit, and the server
    refuses a longer text with a message, keeping all of it in the form."""
    page = assert_page(client.get("/coach"))
    for name in ("seeker", "response"):
        assert page.find("textarea", id=name).get("maxlength") is None
        assert f"At most {MAX_TEXT_CHARS:,} characters" in page.find(id=f"{name}-hint").text
    long = "I am tired. " * 2_500  # 30,000 characters
    refused = assert_page(client.post("/coach", data={"seeker": SEEKERS[0], "response": long}), 422)
    assert "has 30,000 characters; the limit is 20,000" in refused.find(class_="error-box").text
    assert refused.find("textarea", id="response").text.removeprefix("\n") == long


def test_coach_refuses_posts_from_other_sites(client: TestClient) -> None:
    response = client.post(
        "/coach",
        data={"seeker": "hi", "response": "hello"},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


# -- explorer -----------------------------------------------------------------------------------


def test_explorer_lists_corpora(client: TestClient, cid: str) -> None:
    page = assert_page(client.get("/explorer"))
    row = page.select_one("table.corpora tbody tr")
    assert row.find("a")["href"] == f"/explorer/{cid}"
    assert "forum.jsonl" in row.text and "done" in row.text
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    dashboards = assert_page(client.get("/dashboards"))
    assert dashboards.select_one("table.corpora tbody tr a")["href"] == f"/dashboards/{cid}"
    # every cell names its column, for the phone layout where the rows stack
    labels = [td.get("data-label") for td in row.find_all("td")]
    assert labels == ["status", "analysed pairs", "rejected", "uploaded (UTC)", "open"]
    opens = [a["href"] for a in row.select("td.open a")]
    assert opens == [f"/explorer/{cid}", f"/dashboards/{cid}"]


def test_explorer_first_page(client: TestClient, cid: str) -> None:
    page = assert_page(client.get(f"/explorer/{cid}"))
    assert total_shown(page) == N_PAIRS
    assert card_count(page) == 20
    first = page.select_one("#results article.reply")
    assert first["id"] == "r-0"
    assert first.select_one(".meta").text.startswith("#1 · ")  # numbered from 1 for people
    assert first.select_one(".reply-head .badge") is not None
    assert first.select_one("blockquote.said").text == SEEKERS[0]
    thread = first.find("a", string="open the thread")
    assert thread["href"] == f"/explorer/{cid}/thread/c00?reply=0#r-0"  # its page, its card
    # the form shows the corpus's facets
    styles = [o["value"] for o in page.select("#f-style option")]
    assert styles[0] == "" and "empathy" in styles
    assert EVIL_HELPER in [o["value"] for o in page.select("#helpers option")]
    topics = [o["value"] for o in page.select("#f-topic option")]
    assert topics[0] == "" and "bereavement" in topics


def results(client: TestClient, cid: str, **params: Any) -> Node:
    return assert_page(client.get(f"/explorer/{cid}", params=params))


def store_total(cid: str, client: TestClient, **filters: Any) -> int:
    store = client.app.state.context.store  # type: ignore[attr-defined]
    return int(store.results(cid, limit=0, **filters).total)


def test_explorer_style_filter(client: TestClient, cid: str) -> None:
    page = results(client, cid, style="empathy", per_page="100")
    assert total_shown(page) == store_total(cid, client, style="empathy") > 0
    badges = [b.text for b in page.select("#results .reply-head > .badge")]
    assert badges and set(badges) == {"empathy"}
    assert page.select_one("#f-style option[selected]")["value"] == "empathy"


def test_explorer_attention_filter(client: TestClient, cid: str) -> None:
    page = results(client, cid, attention="crisis", per_page="100")
    want = store_total(cid, client, attention="crisis")
    assert total_shown(page) == want == card_count(page) > 0
    for card in page.select("#results article.reply"):
        assert "crisis cues: read closely" in card.text
    assert page.select_one("#f-attention option[selected]")["value"] == "crisis"
    assert store_total(cid, client, attention="any") == want  # the forum has no unsafe reply
    assert card_count(results(client, cid, attention="unsafe")) == 0


def test_explorer_dimension_filter_marks_that_dimension(client: TestClient, cid: str) -> None:
    page = results(client, cid, dimension="compassion", min_level="1", per_page="100")
    want = store_total(cid, client, dimension="compassion", min_level=1)
    assert total_shown(page) == want == card_count(page) > 0
    for card in page.select("#results article.reply"):
        chips = [c.text for c in card.select(".chip")]
        assert any(c.startswith("compassion") for c in chips), chips
    marked = page.select("#results blockquote.reply mark.compassion")
    assert marked


def test_explorer_dimension_alone_keeps_the_replies_that_show_it(
    client: TestClient, cid: str
) -> None:
    """Every reply has a level on every dimension (0 included), so a dimension without a
    level keeps those that show it (1 weak or 2 strong), as the level menu says."""
    assert store_total(cid, client, dimension="compassion") == N_PAIRS
    shown = store_total(cid, client, dimension="compassion", min_level=1)
    assert 0 < shown < N_PAIRS
    page = results(client, cid, dimension="compassion", per_page="100")
    assert total_shown(page) == shown == card_count(page)
    for card in page.select("#results article.reply"):
        chips = [c.text for c in card.select(".chip.dim-compassion")]
        assert chips and not chips[0].startswith("0"), chips
    levels = [(o["value"], o.text) for o in page.select("#f-level option")]
    assert levels == [("", "1 weak or 2 strong"), ("2", "2 strong only")]
    assert total_shown(results(client, cid, dimension="compassion", min_level="1")) == shown
    strong = results(client, cid, dimension="compassion", min_level="2")
    assert total_shown(strong) == store_total(cid, client, dimension="compassion", min_level=2)
    assert strong.select_one("#f-level option[selected]")["value"] == "2"
    # min_level=0 (only from a link) keeps every reply, and the menu says so
    every = results(client, cid, dimension="compassion", min_level="0")
    assert total_shown(every) == N_PAIRS
    assert "every reply" in every.select_one("#f-level option[selected]").text


def test_explorer_helper_filter_escapes_names(client: TestClient, cid: str) -> None:
    response = client.get(f"/explorer/{cid}", params={"helper": EVIL_HELPER, "per_page": "100"})
    page = assert_page(response)
    no_raw_markup(response.text)
    assert total_shown(page) == store_total(cid, client, helper=EVIL_HELPER) > 0
    metas = [m.text for m in page.select("#results .meta")]
    assert metas and all(f"helper {EVIL_HELPER}" in m for m in metas)
    assert page.select_one("#f-helper")["value"] == EVIL_HELPER


def test_explorer_search(client: TestClient, cid: str) -> None:
    page = results(client, cid, q="dogs", per_page="100")
    assert total_shown(page) == store_total(cid, client, query="dogs") > 0
    for card in page.select("#results article.reply"):
        assert "dog" in card.text.lower()
    assert total_shown(results(client, cid, q="zebra")) == 0
    assert "Nothing matches" in results(client, cid, q="zebra").find(class_="note").text


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("the and of", "only words too common to search for (the, and, of)"),
        ("What is it?", "only words too common to search for (what, is, it)"),
        ("!!! ...", "no letters or digits to search for"),
    ],
)
def test_explorer_search_of_only_common_words(
    client: TestClient, cid: str, q: str, said: str
) -> None:
    """A search the index cannot run (stop words only, or no word) says why, not that
    nothing matches."""
    assert store_total(cid, client, query=q) == 0
    page = results(client, cid, q=q)
    note = page.find(id="search-unusable")
    assert note is not None and said in note.text
    assert "Nothing matches" not in page.text and page.find(id="result-count") is None
    assert note.find("a", string="clear the search")["href"] == "?"
    assert page.select_one("#f-q")["value"] == q


def test_explorer_search_says_which_words_it_left_out(client: TestClient, cid: str) -> None:
    page = results(client, cid, q="the dogs", per_page="100")
    assert total_shown(page) == store_total(cid, client, query="dogs") > 0
    assert "left out of the search as too common: the" in page.select_one("#search-skipped").text
    assert results(client, cid, q="dogs").find(id="search-skipped") is None


def test_explorer_topic_filter(client: TestClient, cid: str) -> None:
    page = results(client, cid, topic="loneliness", per_page="100")
    want = [s for s in SEEKERS if topic_of(s) == "loneliness"]
    assert total_shown(page) == store_total(cid, client, topic="loneliness") > 0
    for quote_ in page.select("#results blockquote.said"):
        assert quote_.text in want
    tags = {t.text for t in page.select("#results .meta .tag")}
    assert tags == {"loneliness"}


def test_explorer_dates_are_inclusive(client: TestClient, cid: str) -> None:
    page = results(client, cid, since="2024-02-01", until="2024-02-29", per_page="100")
    want = store_total(cid, client, since="2024-02-01", until="2024-03-01")
    assert total_shown(page) == want > 0
    assert total_shown(results(client, cid, since="2024-03-03", until="2024-03-03")) == (
        store_total(cid, client, since="2024-03-03", until="2024-03-04")
    )
    # The last day a date field offers: everything from `since` on (no day after it).
    assert total_shown(results(client, cid, since="2024-02-01", until="9999-12-31")) == (
        store_total(cid, client, since="2024-02-01")
    )


def test_explorer_filters_combine(client: TestClient, cid: str) -> None:
    filters = {"style": "empathy", "q": "alone", "helper": "jon"}
    page = results(client, cid, **filters)
    assert total_shown(page) == store_total(
        cid, client, style="empathy", query="alone", helper="jon"
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"dimension": "kindness"}, "There is no dimension"),
        ({"min_level": "1"}, "needs a dimension"),
        ({"dimension": "empathy", "min_level": "7"}, "0, 1 or 2"),
        ({"since": "yesterday"}, "not a date"),
        ({"until": "2024-13-45"}, "not a date"),
        ({"q": "x" * 201}, "longer than 200"),
        ({"attention": "urgent"}, "Needs a person"),
    ],
)
def test_explorer_explains_bad_filters(
    client: TestClient, cid: str, params: dict[str, str], message: str
) -> None:
    page = assert_page(client.get(f"/explorer/{cid}", params=params), 422)
    assert message in page.find("div", role="alert").text
    assert card_count(page) == 0
    assert page.find("form", class_="filters") is not None


def test_explorer_pagination(client: TestClient, cid: str) -> None:
    page = results(client, cid, per_page="10", page="2")
    ids = [a["id"] for a in page.select("#results article.reply")]
    assert ids == [f"r-{i}" for i in range(10, 20)]
    numbers = [m.text.split(" · ")[0] for m in page.select("#results article.reply .meta")]
    assert numbers == [f"#{i}" for i in range(11, 21)]  # as "showing 11-20" counts them
    assert "showing 11\u201320" in page.select_one("#result-count").text
    nav = page.select_one("nav.pages")
    assert nav.select_one('[aria-current="page"]').text == "2"
    prev = nav.select_one('a[rel="prev"]')["href"]
    assert not re.search(r"[?&]page=", prev) and "per_page=10" in prev
    assert "page=3" in nav.select_one('a[rel="next"]')["href"]
    last = -(-N_PAIRS // 10)
    end = results(client, cid, per_page="10", page=str(last))
    assert card_count(end) == N_PAIRS - (last - 1) * 10
    assert end.select_one('nav.pages a[rel="next"]') is None
    beyond = results(client, cid, per_page="10", page="99")
    assert card_count(beyond) == 0 and "first page" in beyond.find(class_="note").text
    # filters survive paging
    styled = results(client, cid, style="empathy", per_page="10")
    if total_shown(styled) > 10:
        assert "style=empathy" in styled.select_one('nav.pages a[rel="next"]')["href"]
    odd = results(client, cid, per_page="7")
    assert card_count(odd) == 20  # a page size the form does not offer falls back to 20
    # a page that is not a page number is explained (test_pages_audit.py has more)
    assert_page(client.get(f"/explorer/{cid}", params={"page": "x"}), 422)


def test_thread_shows_every_reply_in_place(client: TestClient, cid: str) -> None:
    response = client.get(f"/explorer/{cid}/thread/c03")
    page = assert_page(response)
    store = client.app.state.context.store  # type: ignore[attr-defined]
    records = store.results(cid, conversation="c03").items
    assert [a["id"] for a in page.select("article.reply")] == [f"r-{r['seq']}" for r in records]
    turn = page.select_one("section.turn")
    assert "Crisis cues" in turn.text and "988" in turn.text
    assert turn.select_one(".said mark.cue") is not None
    for card, record in zip(page.select("article.reply"), records, strict=True):
        assert card.select_one(".meta").text.startswith(f"#{record['seq'] + 1} · ")
        assert card.select_one(".reply-head .badge").text == record["style"]
        assert card.select_one("blockquote.reply").text == record["response_text"]
        assert card.select("table.dims tbody tr")


def test_a_nested_thread_reads_once_in_order(analyzer: EmpathyAnalyzer, tmp_path: Path) -> None:
    """A reply that is answered in turn is shown once: the replies to it follow a link to
    its card, not its text again; crisis cues in it are still shown there."""
    path = tmp_path / "nested.jsonl"
    turns_ = nested_turns()
    path.write_text("".join(json.dumps(t) + "\n" for t in turns_), encoding="utf-8")
    app = create_app(ServiceSettings(data_dir=tmp_path / "data"), analyzer=analyzer, topics=False)
    with TestClient(app, base_url=BASE_URL) as nested_client:
        corpus = upload_file(nested_client, path, 4)
        response = nested_client.get(f"/explorer/{corpus}/thread/n01")
    page = assert_page(response)
    text = {t["id"]: t["text"] for t in turns_}
    shown = [q.text for q in page.select("section.turn .said .text")]
    shown += [q.text for q in page.select("article.reply blockquote.reply")]
    assert sorted(shown) == sorted(text.values())  # each message once
    turns = page.select("section.turn")
    assert [[a["id"] for a in t.select("article.reply")] for t in turns] == [
        ["r-0", "r-3"],  # s1 -> h1, s1 -> h3
        ["r-1"],  # h1 -> s2
        ["r-2"],  # s2 -> h2
    ]
    assert turns[0].select_one(".said .text").text == text["s1"]
    for turn, seq, said in ((turns[1], 0, "jon's #1 above"), (turns[2], 1, "sam's #2 above")):
        ref = turn.select_one(".said-ref .in-reply-to")
        assert ref.text.startswith(f"In reply to {said}"), ref.text
        assert ref.find("a")["href"] == f"#r-{seq}"
        assert turn.select_one(".said .text") is None
    assert turns[1].find(class_="crisis") is None
    crisis = turns[2].find(class_="crisis")  # s2's crisis wording, where h2 answers it
    assert crisis is not None and "988" in crisis.text and "wake up" in crisis.text
    cards = page.select("article.reply")
    numbers = [card.select_one(".meta").text.split(" · ")[0] for card in cards]
    assert numbers == ["#1", "#4", "#2", "#3"]
    assert "1 message, 4 replies" in page.select_one("header p.muted").text


def test_thread_with_a_slash_and_markup(client: TestClient, cid: str) -> None:
    page = assert_page(client.get(f"/explorer/{cid}/thread/{quote(SLASHED, safe='')}"))
    assert page.select("article.reply")
    response = client.get(f"/explorer/{cid}/thread/c05")
    no_raw_markup(response.text)
    assert SCRIPT in assert_page(response).select_one("section.turn .said .text").text


# -- dashboards ---------------------------------------------------------------------------------


def test_dashboard_community_view(client: TestClient, cid: str) -> None:
    response = client.get(f"/dashboards/{cid}")
    page = assert_page(response)
    no_raw_markup(response.text)
    for section in ("overview", "communities", "trends", "helpers", "signals", "crisis"):
        assert page.find("section", id=section) is not None, section
    charts = page.select("svg.chart")
    assert len(charts) >= 4 and all(c.select(".mark") for c in charts)
    assert page.select_one(".cards .value").text == str(N_PAIRS)
    helper_links = {a.text: a["href"] for a in page.select("#helper-table tbody th a")}
    assert set(helper_links) == {"jon", "ana", "kim", EVIL_HELPER}
    assert helper_links["jon"] == f"/dashboards/{cid}?helper=jon"
    assert "not a diagnosis" in page.find("section", id="signals").text
    for link in page.select("#signals td a"):
        assert link["href"].startswith(f"/explorer/{cid}/thread/")


def test_dashboard_links_the_responses_to_read(client: TestClient, cid: str) -> None:
    page = assert_page(client.get(f"/dashboards/{cid}"))
    rows = page.select("#to-read tbody tr")
    assert rows  # the forum's c03 has crisis cues
    store = client.app.state.context.store  # type: ignore[attr-defined]
    places = {r["response_id"]: (r["conversation_id"], r["seq"]) for r in store.iter_results(cid)}
    for row in rows:
        link = row.select_one("th a")
        assert link is not None, row
        conversation, seq = places[link.text]
        path = f"/explorer/{cid}/thread/{quote(conversation, safe='')}"
        assert link["href"] == f"{path}?reply={seq}#r-{seq}"
    href = rows[0].select_one("th a")["href"]
    thread = assert_page(client.get(href.split("#")[0]))
    assert thread.find("article", id=href.split("#")[1]) is not None


def test_dashboard_helper_view(client: TestClient, cid: str) -> None:
    response = client.get(f"/dashboards/{cid}", params={"helper": EVIL_HELPER})
    page = assert_page(response)
    no_raw_markup(response.text)
    section = page.select_one("section.helper")
    assert section.find("h2").text == EVIL_HELPER  # under the page's h1
    assert section.select("svg.chart")
    assert "not a diagnosis" in section.text
    assert page.select_one("#v-helper option[selected]")["value"] == EVIL_HELPER
    # "browse the replies" opens the explorer on this helper's replies
    browse = page.select_one("#browse a")
    assert browse.text == f"browse the replies of {EVIL_HELPER}"
    assert browse["href"] == f"/explorer/{cid}?helper={quote(EVIL_HELPER, safe='')}"
    replies = assert_page(client.get(browse["href"]))
    assert total_shown(replies) == store_total(cid, client, helper=EVIL_HELPER) > 0
    assert replies.select_one("#f-helper")["value"] == EVIL_HELPER
    every = assert_page(client.get(f"/dashboards/{cid}")).select_one("#browse a")
    assert every["href"] == f"/explorer/{cid}" and every.text == "browse the replies"


def test_dashboard_crisis_box_speaks_to_a_moderator(client: TestClient, cid: str) -> None:
    """The crisis box says in plain words what the list is, that it is not a risk score,
    and what to do, with no field names or file paths; the explorer lists them all."""
    page = assert_page(client.get(f"/dashboards/{cid}"))
    box = page.select_one("#crisis div.crisis")
    words = " ".join(box.text.split())
    assert "not a risk score" in words and "What to do:" in words
    assert "reach out to them directly" in words and "988" in words
    assert box.find("code") is None
    for jargon in ("needs_attention", "unsafe_reply", "docs/", ".md", "results mark"):
        assert jargon not in words, jargon
    rows = page.select("#to-read tbody tr")
    (every,) = [a for a in page.select("#crisis a") if "attention=" in a["href"]]
    assert every["href"] == f"/explorer/{cid}?attention=any"
    listed = assert_page(client.get(every["href"]))
    assert total_shown(listed) == store_total(cid, client, attention="any") == len(rows) > 0


def test_dashboard_is_cached_until_results_change(
    client: TestClient, cid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.get(f"/dashboards/{cid}")
    store = client.app.state.context.store  # type: ignore[attr-defined]
    calls: list[str] = []
    original = store.iter_results

    def counted(corpus_id: str, **kwargs: Any) -> Any:
        calls.append(corpus_id)
        return original(corpus_id, **kwargs)

    monkeypatch.setattr(store, "iter_results", counted)
    assert_page(client.get(f"/dashboards/{cid}"))
    assert_page(client.get(f"/dashboards/{cid}?helper=jon"))
    assert calls == []


def test_one_of_each_reads_in_the_singular(client: TestClient, cid: str) -> None:
    one = results(client, cid, since="2024-01-01", until="2024-01-01", helper="jon")
    assert one.select_one("#result-count").text.startswith("1 matching reply ·")
    two = results(client, cid, since="2024-01-01", until="2024-01-01")
    assert two.select_one("#result-count").text.startswith("2 matching replies ·")
    thread = assert_page(client.get(f"/explorer/{cid}/thread/c00"))
    assert "1 message, 2 replies" in thread.select_one("header p.muted").text


def test_a_corpus_of_one_reply_reads_in_the_singular(
    analyzer: EmpathyAnalyzer, tmp_path: Path
) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in turns(1)[:2]), encoding="utf-8")
    app = create_app(ServiceSettings(data_dir=tmp_path / "data"), analyzer=analyzer, topics=False)
    with TestClient(app, base_url=BASE_URL) as one_client:
        corpus = upload_file(one_client, path, 1)
        listed = assert_page(one_client.get("/explorer")).select_one("table.corpora tbody tr")
        assert "1 of 1" in listed.text
        page = assert_page(one_client.get(f"/explorer/{corpus}"))
        assert page.select_one("#result-count").text.startswith("1 reply ·")
        dashboard = assert_page(one_client.get(f"/dashboards/{corpus}"))
        helpers = dashboard.find("section", id="helpers").find("p").text
        assert helpers.startswith("One helper; the name opens their view.")
        text = dashboard.text
        assert not re.search(r"\b1 (replies|responses|helpers|pairs|signals)\b", text), text
        assert not re.search(r"\bAll 1\b", text)


#: A thread CSV's message numbers restart in every thread: kit's reply is "2" in all three.
EXHAUSTED = "Honestly I'm exhausted and I can't keep doing this, sorry. (thread {c})"


def restarting_turns() -> list[dict[str, Any]]:
    """Threads A, B and C, each a seeker message "1" with crisis wording answered by kit's
    "2", in which kit writes that they are exhausted."""
    out: list[dict[str, Any]] = []
    for k, c in enumerate("ABC"):
        stamp = f"2024-03-0{k + 1}T1"
        out.append(
            {"id": "1", "speaker": f"seeker{c}", "conversation_id": c, "reply_to": None,
             "timestamp": f"{stamp}0:00:00Z", "text": f"I feel so alone ({c}). {CRISIS}"}
        )  # fmt: skip
        out.append(
            {"id": "2", "speaker": "kit", "conversation_id": c, "reply_to": "1",
             "timestamp": f"{stamp}1:00:00Z", "text": EXHAUSTED.format(c=c)}
        )  # fmt: skip
    return out


def test_dashboard_links_replies_that_share_an_id_to_their_own_threads(
    analyzer: EmpathyAnalyzer, tmp_path: Path
) -> None:
    """Three replies "2", one per thread: each link of the dashboards opens its own reply
    (not the first "2" stored), and each is named with its conversation."""
    path = tmp_path / "threads.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in restarting_turns()), encoding="utf-8")
    app = create_app(ServiceSettings(data_dir=tmp_path / "data"), analyzer=analyzer, topics=False)
    with TestClient(app, base_url=BASE_URL) as threads_client:
        corpus = upload_file(threads_client, path, 3)

        def opens(link: Node) -> str:
            """The text of the reply a dashboard link opens in its thread."""
            url, anchor = link["href"].split("#")
            card = assert_page(threads_client.get(url)).find("article", id=anchor)
            assert card is not None, link["href"]
            return card.select_one("blockquote.reply").text

        expected = {f"2 (conversation {c})": EXHAUSTED.format(c=c) for c in "ABC"}
        page = assert_page(threads_client.get(f"/dashboards/{corpus}"))
        (signal,) = page.select("#signal-table tbody tr")
        assert signal.find("th").text == "kit" and "own distress" in signal.text
        evidence = signal.select("td a")
        assert [a["href"].split("/thread/")[1] for a in evidence] == [
            "A?reply=0#r-0",
            "B?reply=1#r-1",
            "C?reply=2#r-2",
        ]
        assert [opens(a) for a in evidence] == list(expected.values())
        assert [a.text for a in evidence] == list(expected)
        to_read = [row.select_one("th a") for row in page.select("#to-read tbody tr")]
        assert [opens(a) for a in to_read] == list(expected.values())
        assert [a.text for a in to_read] == list(expected)
        view = assert_page(threads_client.get(f"/dashboards/{corpus}", params={"helper": "kit"}))
        section = view.select_one("section.helper")
        cards = section.select("article.response")
        assert [c.select_one("blockquote").text for c in cards] == list(expected.values())
        for card, name in zip(cards, expected, strict=True):
            assert card.select_one(".meta").text.startswith(f"response {name} ·")
        for link in section.select("li a"):
            card = section.find("article", id=link["href"].lstrip("#"))
            assert card is not None and card.select_one("blockquote").text == expected[link.text]


# -- topics -------------------------------------------------------------------------------------


def test_worker_stores_topics(client: TestClient, cid: str) -> None:
    store = client.app.state.context.store  # type: ignore[attr-defined]
    for record in store.iter_results(cid):
        assert record["topic"] == {
            "category": topic_of(record["seeker_text"]),
            "score": 0.9 if topic_of(record["seeker_text"]) else 0.2,
        }


def test_no_topic_model(
    analyzer: EmpathyAnalyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(ServiceSettings(data_dir=tmp_path), analyzer=analyzer, topics=False)
    with TestClient(app, base_url=BASE_URL) as client:
        corpus = upload_forum(client, tmp_path, conversations=2)
        store = app.state.context.store
        assert all("topic" not in r for r in store.iter_results(corpus))
        page = assert_page(client.get(f"/explorer/{corpus}"))
        assert page.select_one("#f-topic")["disabled"] is not None


def test_default_topics_are_stored(analyzer: EmpathyAnalyzer, tmp_path: Path) -> None:
    """With the shipped topic model (``carelens.topics``), every record gets a topic."""
    app = create_app(ServiceSettings(data_dir=tmp_path), analyzer=analyzer)
    with TestClient(app, base_url=BASE_URL) as client:
        corpus = upload_forum(client, tmp_path, conversations=4)
        records = list(app.state.context.store.iter_results(corpus))
        assert records
        for record in records:
            topic = record["topic"]
            assert set(topic) == {"category", "score"}
            assert topic["category"] is None or isinstance(topic["category"], str)
            assert isinstance(topic["score"], float)
        found = {r["topic"]["category"] for r in records} - {None}
        facets = app.state.context.store.facets(corpus)["topic"]
        assert {name for name, _ in facets} == found


def test_topic_model_with_wrong_count_fails_the_corpus(
    analyzer: EmpathyAnalyzer, tmp_path: Path
) -> None:
    class Broken(FakeTopics):
        def assign(self, texts: list[str]) -> Any:
            return super().assign(texts)[:-1]

    app = create_app(ServiceSettings(data_dir=tmp_path), analyzer=analyzer, topics=Broken())
    with (
        TestClient(app, base_url=BASE_URL) as client,
        pytest.raises(AssertionError, match="failed"),
    ):
        upload_forum(client, tmp_path, conversations=2)


def test_default_topic_model(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_topic_model.__wrapped__()
    assert model is not None
    (assignment,) = model.assign(["My dog died last week and the house feels empty."])
    field = topic_field(assignment)
    assert set(field) == {"category", "score"} and isinstance(field["score"], float)
    monkeypatch.setitem(sys.modules, "carelens.topics", None)  # a carelens without topics
    assert load_topic_model.__wrapped__() is None


# -- access -------------------------------------------------------------------------------------


def test_pages_need_a_key_where_the_api_does(analyzer: EmpathyAnalyzer, tmp_path: Path) -> None:
    with open_store(None, data_dir=tmp_path) as store:  # type: ignore[attr-defined]
        _, secret = store.create_key("pages")
    settings = ServiceSettings(data_dir=tmp_path, require_key=True)
    app = create_app(settings, analyzer=analyzer, topics=False)
    with TestClient(app, base_url=BASE_URL) as client:
        for path in ("/", "/explorer", "/dashboards"):
            denied = client.get(path)
            assert_page(denied, 401)
            assert denied.headers["www-authenticate"].startswith("Basic ")
        basic = base64.b64encode(f"anyone:{secret}".encode()).decode()
        assert_page(client.get("/coach", headers={"Authorization": f"Basic {basic}"}))
        assert_page(client.get("/coach", headers={"Authorization": f"Bearer {secret}"}))
        assert_page(client.get("/coach", headers={"X-API-Key": secret}))
        wrong = base64.b64encode(b"anyone:clk_nope").decode()
        assert_page(client.get("/coach", headers={"Authorization": f"Basic {wrong}"}), 401)
        assert_page(client.get("/coach", headers={"Authorization": "Basic !!!"}), 401)
        posted = client.post("/coach", data={"seeker": "hi", "response": "hello"})
        assert_page(posted, 401)
        assert client.get("/static/pages.css").status_code == 200  # no data, no key


def test_pages_are_rate_limited(analyzer: EmpathyAnalyzer, tmp_path: Path) -> None:
    app = create_app(
        ServiceSettings(data_dir=tmp_path, rate_limit=2), analyzer=analyzer, topics=False
    )
    with TestClient(app, base_url=BASE_URL) as client:
        assert_page(client.get("/coach"))
        assert_page(client.get("/explorer"))
        limited = client.get("/coach")
        assert_page(limited, 429)
        assert int(limited.headers["retry-after"]) >= 1
        assert client.get("/static/pages.css").status_code == 200


def test_api_results_filter_by_topic(client: TestClient, cid: str) -> None:
    answer = client.get(f"/v1/corpora/{cid}/results", params={"topic": "loneliness"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == store_total(cid, client, topic="loneliness") > 0
    assert {item["topic"]["category"] for item in body["items"]} == {"loneliness"}

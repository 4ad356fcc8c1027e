"""Page defects found by a hunt through the browser interfaces, each pinned by a test.

* Every page says where a corpus's analysis stands in its own words: a failed corpus was
  "still running" on its dashboard, "The analysis is failed: these figures cover…" when it
  had stored some replies, and had a full progress bar ("analysed 100%") at 0 of 0.
* A message only the small learned crisis flag marked (``possible_crisis``) is a possible
  crisis on the explorer's card, as on the thread's line and panel (it said "crisis cues").
* Message and reply texts carry ``dir="auto"``, so a Hebrew or Arabic text is laid out right
  to left (the browser tests check the layout itself).
* The GET forms (the explorer's filters, the dashboard's view switch) ask the browser not
  to fill in the values typed last when the page is shown again after Back.
* While a corpus is analysed, the corpus lists load ``progress.js``, which updates them in
  place; the reload is only for browsers without JavaScript (in ``<noscript>``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from html_tree import Node, parse
from page_data import FakeTopics, nested_turns, upload_file
from service_helpers import BASE_URL

from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.service.pages import corpora, explorer, thread
from carelens.store import Store

#: The pairs of :func:`page_data.nested_turns`.
PAIRS = 4


@pytest.fixture(scope="module")
def app_and_corpus(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, str]]:
    """A loopback app (no rate limit) with the nested conversation analysed: (client, id)."""
    folder = tmp_path_factory.mktemp("states")
    path = folder / "nested.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in nested_turns()), encoding="utf-8")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=FakeTopics())
    with TestClient(app, base_url=BASE_URL) as client:
        yield client, upload_file(client, path, PAIRS)


def _store(client: TestClient) -> Store:
    store: Store = client.app.state.context.store  # type: ignore[attr-defined]
    return store


def _corpus(client: TestClient, source: str, status: str, *, stored: int, total: int | None) -> str:
    """A corpus (never queued for the worker) with ``stored`` of the records of ``source``,
    ``total`` counted pairs, in ``status``; its id."""
    store = _store(client)
    corpus = store.create_corpus(f"{status}-{stored}.jsonl", format="jsonl")
    if total is not None:
        store.set_status(corpus.id, "running", total=total, rejected=0, left_out=0)
    if stored:
        store.add_results(corpus.id, list(store.iter_results(source))[:stored])
    if status != "running" or total is None:
        error = "the analysis broke off" if status == "failed" else None
        store.set_status(corpus.id, status, error=error)
    return corpus.id


def page_of(response: Any, status: int = 200) -> Node:
    assert response.status_code == status, response.text[:500]
    return parse(response.text)


def _words(node: Node | None) -> str:
    assert node is not None
    return " ".join(node.text.split())


# -- where the analysis stands ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "stored", "total", "said"),
    [
        ("failed", 0, 0, "The analysis failed before any reply was stored; the message above "
         "says why."),
        ("failed", 0, None, "The analysis failed before any reply was stored; the message "
         "above says why."),
        ("queued", 0, None, "The analysis is queued: it has not started yet."),
        ("running", 0, 4, "The analysis is running: no reply is stored yet."),
        ("done", 0, 0, "No analysed replies."),
    ],
)  # fmt: skip
def test_an_empty_dashboard_says_where_the_analysis_stands(
    app_and_corpus: tuple[TestClient, str],
    status: str,
    stored: int,
    total: int | None,
    said: str,
) -> None:
    """A failed corpus's dashboard said "the analysis is still running"."""
    client, source = app_and_corpus
    cid = _corpus(client, source, status, stored=stored, total=total)
    page = page_of(client.get(f"/dashboards/{cid}"))
    assert _words(page.find(id="nothing")) == said
    results = page_of(client.get(f"/explorer/{cid}"))
    state = results.find(id="analysis-state")
    if status == "done":
        assert state is None
        assert "This corpus has no analysed replies." in results.text
    else:
        assert _words(state) == said
        assert "no analysed replies yet" not in results.text


@pytest.mark.parametrize(
    ("status", "said"),
    [
        ("failed", "The analysis failed: these figures cover only the 2 replies stored "
         "before it stopped; the message above says why."),
        ("running", "The analysis is still running: these figures cover the 2 replies stored "
         "so far."),
        ("queued", "The analysis is queued to go on: these figures cover the 2 replies "
         "stored so far."),
    ],
)  # fmt: skip
def test_a_dashboard_of_part_of_a_corpus_says_why(
    app_and_corpus: tuple[TestClient, str], status: str, said: str
) -> None:
    """A corpus that failed after storing some replies read "The analysis is failed: these
    figures cover the … stored so far"."""
    client, source = app_and_corpus
    cid = _corpus(client, source, status, stored=2, total=PAIRS)
    page = page_of(client.get(f"/dashboards/{cid}"))
    assert _words(page.find(id="analysis-state")) == said
    assert "analysis is failed" not in page.text
    results = page_of(client.get(f"/explorer/{cid}"))
    assert _words(results.find(id="analysis-state")) == said.replace(
        "these figures cover", "the results come from"
    )
    done = page_of(client.get(f"/dashboards/{source}"))
    assert done.find(id="analysis-state") is None


def test_a_corpus_with_no_pairs_has_no_full_progress_bar(
    app_and_corpus: tuple[TestClient, str],
) -> None:
    """0 of 0 was drawn as a full bar, "analysed 100%", under a failed badge."""
    client, source = app_and_corpus
    cid = _corpus(client, source, "failed", stored=0, total=0)
    listed = page_of(client.get("/explorer"))
    row = listed.select_one(f'tr[data-corpus="{cid}"]')
    assert row is not None
    cell = row.select_one("td.corpus-progress")
    assert cell is not None and cell.find("progress") is None
    assert _words(cell) == "no pairs"
    assert not [n for n in row.descendants() if "100%" in n.attrs.get("aria-label", "")]
    facts = page_of(client.get(f"/explorer/{cid}")).select_one(".corpus-facts")
    assert facts is not None and facts.find("progress") is None
    part = _corpus(client, source, "failed", stored=1, total=PAIRS)
    bar = page_of(client.get("/explorer")).select_one(f'tr[data-corpus="{part}"] progress')
    assert bar is not None and bar["aria-label"] == "analysed 25%"


# -- the corpus lists while a corpus is analysed ------------------------------------------------


def test_a_busy_corpus_list_updates_in_place_and_reloads_only_without_javascript(
    app_and_corpus: tuple[TestClient, str],
) -> None:
    """The whole page reloaded every few seconds (a meta refresh), so keyboard focus went
    back to the top while any corpus was analysed."""
    client, source = app_and_corpus
    running = _corpus(client, source, "running", stored=1, total=PAIRS)
    for path in ("/explorer", "/dashboards"):
        response = client.get(path)
        page = page_of(response)
        scripts = [s["src"].split("?")[0] for s in page.find_all("script")]
        assert scripts == ["/static/progress.js"]
        note = page.find(id="progress-note")
        assert note is not None and note["role"] == "status"
        assert note["data-refresh"] == str(corpora.REFRESH_S)
        # The only refresh is inside <noscript>: a browser with JavaScript ignores it.
        assert (
            f'<noscript><meta http-equiv="refresh" content="{corpora.REFRESH_S}"></noscript>'
            in response.text
        )
        assert response.text.count('http-equiv="refresh"') == 1
        row = page.select_one(f'tr[data-corpus="{running}"]')
        assert row is not None
        for cell in ("corpus-status", "corpus-progress", "corpus-rejected"):
            found = row.select_one(f"td.{cell}")
            assert found is not None and found.find("a") is None  # nothing to hold focus
    script = client.get("/static/progress.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "fetch(" in script.text and not re.search("https?://", script.text)
    store = _store(client)
    for corpus in store.list_corpora():  # this one, and any other test's
        if corpus.status in ("queued", "running"):
            store.set_status(corpus.id, "failed", error="stopped")
    idle = client.get("/explorer")
    assert "progress.js" not in idle.text and "refresh" not in idle.text


# -- GET forms and Back -------------------------------------------------------------------------


def test_get_forms_keep_the_values_of_their_address(app_and_corpus: tuple[TestClient, str]) -> None:
    """After Back, the browser filled the forms with the values typed last, which then
    disagreed with the address and the results (checked in a browser too)."""
    client, cid = app_and_corpus
    form = page_of(client.get(f"/explorer/{cid}")).select_one("form.filters")
    assert form is not None and form["autocomplete"] == "off"
    switch = page_of(client.get(f"/dashboards/{cid}")).select_one("form.view-switch")
    assert switch is not None and switch["autocomplete"] == "off"


# -- learned crisis cues and the direction of texts ---------------------------------------------


def _record(labels: list[str]) -> dict[str, Any]:
    cues = [{"start": 7, "end": 44, "label": label, "text": "I don't want them to think I can't"}
            for label in labels]  # fmt: skip
    return {
        "seq": 0,
        "seeker_text": "maybe. I don't want them to think I can't cope",
        "response_text": "That sounds hard.",
        "seeker": {"needs_attention": bool(cues), "crisis_cues": cues},
    }


@pytest.mark.parametrize(
    ("labels", "said"),
    [
        ([LEARNED_CUE], "a possible crisis: read closely"),
        (["suicide"], "crisis cues: read closely"),
        ([LEARNED_CUE, "self_harm"], "crisis cues: read closely"),
    ],
)
def test_a_card_words_a_learned_cue_as_a_possible_crisis(labels: list[str], said: str) -> None:
    """The card said "crisis cues: read closely" for a message only the learned flag marked,
    while its thread said "A possible crisis: read this message closely."."""
    card = parse(explorer.result_card("c1", _record(labels), [], ""))
    label = card.select_one(".said-label .attention")
    assert label is not None and _words(label) == f"· {said}"


def test_texts_are_laid_out_in_their_own_direction(
    app_and_corpus: tuple[TestClient, str],
) -> None:
    client, cid = app_and_corpus
    results = page_of(client.get(f"/explorer/{cid}"))
    for card in results.select("#results article.reply"):
        assert card.select_one("blockquote.said")["dir"] == "auto"
        assert card.select_one("blockquote.reply")["dir"] == "auto"
    thread = page_of(client.get(f"/explorer/{cid}/thread/n01"))
    assert [t["dir"] for t in thread.select(".said > .text")] == ["auto"]
    assert {b["dir"] for b in thread.select("blockquote.reply")} == {"auto"}
    assert {d["dir"] for d in thread.select(".rationale")} == {"auto"}
    coach = page_of(client.post("/coach", data={"seeker": "שלום. אני עצובה.", "response": "Hi."}))
    assert [t["dir"] for t in coach.find_all("textarea")] == ["auto", "auto"]
    assert coach.select_one("details.seeker-view blockquote")["dir"] == "auto"


# -- long threads have pages ----------------------------------------------------------------------


def _cards(page: Node) -> list[str]:
    return [card["id"] for card in page.select("article.reply")]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_a_link_to_a_reply_opens_the_thread_page_that_holds_it(
    app_and_corpus: tuple[TestClient, str], monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """A thread was one page however long (3,000 replies made 14 MB), and the results
    linked to ``#r-2999`` on it. Now it has pages, and every link to a reply, from the
    results and from the dashboard, opens the page with the reply's card."""
    monkeypatch.setattr(thread, "THREAD_PAGE", size)
    client, cid = app_and_corpus
    links = [
        a["href"]
        for a in page_of(client.get(f"/explorer/{cid}")).select("#results article a")
        if a.text == "open the thread"
    ]
    dashboard = page_of(client.get(f"/dashboards/{cid}"))
    links += [a["href"] for a in dashboard.find_all("a") if "/thread/" in a["href"]]
    assert len(links) > PAIRS
    for link in links:
        url, anchor = link.split("#")
        seq = int(anchor.removeprefix("r-"))
        assert url.endswith(f"?reply={seq}")
        page = page_of(client.get(url))
        cards = _cards(page)
        assert anchor in cards and len(cards) <= size, (link, cards)
        assert page.find("nav", class_="pages") is not None
        current = page.select_one("nav.pages [aria-current]")
        assert current is not None and current.text == str(seq // size + 1)


def test_a_long_thread_has_pages(
    app_and_corpus: tuple[TestClient, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(thread, "THREAD_PAGE", 2)
    client, cid = app_and_corpus
    base = f"/explorer/{cid}/thread/n01"
    first = page_of(client.get(base))
    assert _cards(first) == ["r-0", "r-1"]
    lead = _words(first.select_one("header"))
    assert "4 replies, 2 a page: page 1 of 2 (replies 1\u20132)" in lead
    assert [a["href"] for a in first.select("nav.pages a")][:2] == [f"{base}?page=2"] * 2
    second = page_of(client.get(base, params={"page": "2"}))
    assert _cards(second) == ["r-2", "r-3"]
    assert second.select_one('nav.pages a[rel="prev"]')["href"] == base
    # s2 was answered as a reply on page 1: here it is shown in full, crisis panel and all
    said = [_words(t) for t in second.select("section.turn .said > .text")]
    assert any("wake up" in text for text in said), said
    assert second.find(class_="crisis") is not None
    past = page_of(client.get(base, params={"page": "9"}))
    assert _cards(past) == [] and "This thread ends on page 2" in past.text
    page_of(client.get(base, params={"page": "abc"}), 422)
    for reply in ("99", "x", ""):  # not a reply of this thread: the page asked for
        assert _cards(page_of(client.get(base, params={"reply": reply}))) == ["r-0", "r-1"]
    odd = page_of(
        client.get(f"/explorer/{cid}/thread", params={"conversation": "n01", "reply": "3"})
    )
    assert _cards(odd) == ["r-2", "r-3"]
    whole = page_of(client.get(base, params={"page": "1"}))
    assert _cards(whole) == ["r-0", "r-1"]
    monkeypatch.setattr(thread, "THREAD_PAGE", 100)
    single = page_of(client.get(base))
    assert _cards(single) == ["r-0", "r-3", "r-1", "r-2"]  # grouped under their messages
    assert single.find("nav", class_="pages") is None
    assert "1 message, 4 replies" in _words(single.select_one("header"))

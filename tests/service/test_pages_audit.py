"""Page defects found by an audit, each pinned by a test.

* Wrong keys sent to a page count against the client address, exactly as on the API, so
  guessing a key through the pages is rate limited (401 until the bucket is empty, then 429).
* The dashboard's "(unknown)" helper (replies that name no helper) does not link to an
  explorer filter that cannot match them.
* Names, ids, communities, topics and search words from the data are isolated for bidi: a
  right-to-left name, or one with an unclosed U+202E override, does not reorder the text
  around it (the dates of a reply's header).
* ``page`` that is not a whole number from 1 is explained (422) in its own words; a page past
  the last one, however far, shows no replies and links to the last page.
* A helper named as long as readers allow (``MAX_ID_CHARS``) has its replies in the explorer
  (its filter stopped at 200 characters, so the dashboard's link to them was a 422).
* A conversation whose id is a dot segment (``.``, ``..``) links to its own thread (a browser
  resolved ``/thread/..`` to the corpus's results).
* With no corpus yet, the explorer shows the upload command with this server's address (it
  named ``127.0.0.1:8000`` whatever the server's), and the key header where keys are needed.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient
from html_tree import Node, parse
from page_data import CRISIS, FakeTopics, upload_file
from service_helpers import BASE_URL

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.insights import UNKNOWN
from carelens.service import ServiceSettings, create_app
from carelens.service.pages import annotate
from carelens.service.pages.layout import isolate_text, text_html
from carelens.store import open_store
from carelens.types import MAX_ID_CHARS

#: A helper whose name opens a right-to-left override and never closes it.
RLO_HELPER = "\u202eevil"
#: Right-to-left names: a helper, a seeker and a community (Hebrew).
RTL_HELPER = "\u05d3\u05e0\u05d4"
RTL_SEEKER = "\u05e9\u05e8\u05d4"
RTL_COMMUNITY = "\u05e7\u05d4\u05d9\u05dc\u05d4"
#: Characters that change the direction of the text around them when not isolated:
#: embeddings, overrides and isolates, and right-to-left letters (Hebrew, Arabic, ...).
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


def _turn(
    turn_id: str,
    speaker: str | None,
    conversation: str,
    hour: int,
    text: str,
    community: str,
    reply_to: str | None = None,
) -> dict[str, Any]:
    return {
        "id": turn_id,
        "speaker": speaker,
        "conversation_id": conversation,
        "reply_to": reply_to,
        "timestamp": f"2024-03-01T{hour:02d}:00:00Z",
        "text": text,
        "meta": {"community": community},
    }


#: Two conversations: d1 (right-to-left names and community; a reply with no speaker) and d2.
TURNS: tuple[dict[str, Any], ...] = (
    _turn("s1", RTL_SEEKER, "d1", 10, f"My dog died and the house feels empty. {CRISIS}",
          RTL_COMMUNITY),
    _turn("h1", RLO_HELPER, "d1", 11, "That sounds so lonely. What do you miss most?",
          RTL_COMMUNITY, "s1"),
    _turn("h2", RTL_HELPER, "d1", 12, "That must hurt so much. What happened?",
          RTL_COMMUNITY, "s1"),
    _turn("h3", None, "d1", 13, "I'm so sorry for your loss.", RTL_COMMUNITY, "s1"),
    _turn("s2", "seeker2", "d2", 14, "I moved to a new city and I feel so alone.", "r/plain"),
    _turn("h4", "jon", "d2", 15, "Have you tried joining a club? That usually helps.",
          "r/plain", "s2"),
    _turn("h5", None, "d2", 16, "You should just go out more.", "r/plain", "s2"),
)  # fmt: skip
PAIRS = 5


@pytest.fixture(scope="module")
def forum(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, str]]:
    """A loopback app (no rate limit) with :data:`TURNS` analysed: (client, corpus id)."""
    folder = tmp_path_factory.mktemp("audit")
    path = folder / "names.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in TURNS), encoding="utf-8")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=FakeTopics())
    with TestClient(app, base_url=BASE_URL) as client:
        yield client, upload_file(client, path, PAIRS)


def page_of(response: Any, status: int = 200) -> Node:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return parse(response.text)


def unisolated(node: Node) -> str:
    """The text of ``node`` outside ``<bdi>`` elements and FSI…PDI runs: what shares its
    bidi paragraph with the text around it."""
    parts: list[str] = []

    def walk(parent: Node) -> None:
        for child in parent.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag != "bdi":
                walk(child)

    walk(node)
    return re.sub("\u2068[^\u2068\u2069]*\u2069", "", "".join(parts))


def shown(name: str) -> str:
    """``name`` as the pages show it: an embedding or override control (U+202A-U+202E) is a
    control character and shows as U+FFFD, as the C0 and C1 ones do."""
    return re.sub("[\u202a-\u202e]", "\ufffd", name)


def assert_isolated(node: Node | None, *names: str) -> None:
    """Every name is shown in ``node`` (in a ``<bdi>`` or an FSI…PDI run), and nothing
    outside those can change the direction of the text around it."""
    assert node is not None
    assert not BIDI.search(unisolated(node)), repr(unisolated(node))
    for name in names:
        assert shown(name) in node.text, (name, node.text)


# -- 3: wrong keys on the pages count against the address, as on the API ------------------------


def _basic(password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"x:{password}".encode()).decode()}


@pytest.fixture
def keyed(analyzer: EmpathyAnalyzer, tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    """A loopback app that requires a key, 5 requests a minute: (client, secret)."""
    with open_store(None, data_dir=tmp_path) as store:  # type: ignore[attr-defined]
        _, secret = store.create_key("audit")
    settings = ServiceSettings(data_dir=tmp_path, require_key=True, rate_limit=5)
    app = create_app(settings, analyzer=analyzer, topics=False)
    with TestClient(app, base_url=BASE_URL) as client:
        yield client, secret


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/v1/corpora", "bearer"),  # the API, as api.md says
        ("/explorer", "basic"),
        ("/coach", "bearer"),
        ("/dashboards", "x-api-key"),
        ("/", "basic"),
    ],
)
def test_wrong_keys_are_rate_limited_on_pages_as_on_the_api(
    keyed: tuple[TestClient, str], path: str, kind: str
) -> None:
    client, secret = keyed
    statuses = []
    for n in range(12):
        guess = f"wrong{n}"
        headers = {
            "basic": _basic(guess),
            "bearer": {"Authorization": f"Bearer {guess}"},
            "x-api-key": {"X-API-Key": guess},
        }[kind]
        response = client.get(path, headers=headers)
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert int(response.headers["retry-after"]) >= 1
            if not path.startswith("/v1/"):
                assert "Too many requests" in page_of(response, 429).text
    assert statuses == [401] * 5 + [429] * 7
    # The key's own bucket is untouched: the right key still gets in.
    assert client.get(path, headers={"X-API-Key": secret}).status_code == 200


def test_pages_and_api_share_the_address_bucket(keyed: tuple[TestClient, str]) -> None:
    client, _ = keyed
    wrong = {"Authorization": "Bearer nope"}
    statuses = [client.get("/v1/corpora", headers=wrong).status_code for _ in range(3)]
    statuses += [client.get("/explorer", headers=_basic("nope")).status_code for _ in range(3)]
    assert statuses == [401] * 5 + [429]
    assert client.get("/coach", headers=wrong).status_code == 429


def test_no_key_is_refused_without_counting_as_on_the_api(keyed: tuple[TestClient, str]) -> None:
    """A request without a key is a 401 that takes no token (the browser's first try, before
    it asks for the key), on the pages as on the API."""
    client, _ = keyed
    for _ in range(8):
        denied = client.get("/explorer")
        assert denied.status_code == 401
        assert denied.headers["www-authenticate"].startswith("Basic ")
        assert client.get("/v1/corpora").status_code == 401
    # the address's bucket is still full: five wrong keys before the first 429
    statuses = [client.get("/coach", headers=_basic("nope")).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]


# -- 6: the "(unknown)" helper ------------------------------------------------------------------


def test_unknown_helper_has_no_dead_explorer_link(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    overview = page_of(client.get(f"/dashboards/{cid}"))
    assert any(o["value"] == UNKNOWN for o in overview.select("#v-helper option"))
    view = page_of(client.get(f"/dashboards/{cid}", params={"helper": UNKNOWN}))
    browse = view.select_one("#browse")
    assert browse is not None
    hrefs = [a["href"] for a in browse.find_all("a")]
    assert hrefs == [f"/explorer/{cid}"], hrefs  # every reply; no ?helper=%28unknown%29
    assert "name no helper" in browse.text
    every = page_of(client.get(hrefs[0]))
    assert int(every.select_one("#result-count b").text) == PAIRS


def test_named_helpers_link_to_their_replies(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    for helper in ("jon", RLO_HELPER, RTL_HELPER):
        view = page_of(client.get(f"/dashboards/{cid}", params={"helper": helper}))
        link = view.select_one("#browse a")
        assert link is not None and "helper=" in link["href"]
        replies = page_of(client.get(link["href"]))
        assert int(replies.select_one("#result-count b").text) == 1, helper


# -- 7: names are isolated for bidi -------------------------------------------------------------


def test_explorer_reply_headers_isolate_names(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}"))
    metas = {card["id"]: card.select_one(".meta") for card in page.select("#results article")}
    assert len(metas) == PAIRS
    for meta in metas.values():
        assert_isolated(meta, "2024-03-01")
    assert_isolated(metas["r-0"], RLO_HELPER, RTL_COMMUNITY)
    assert_isolated(metas["r-1"], RTL_HELPER, RTL_COMMUNITY)
    rlo = metas["r-0"]
    assert [b.text for b in rlo.select("b bdi")] == [shown(RLO_HELPER)]
    assert RTL_COMMUNITY in [b.text for b in rlo.select("bdi")]
    assert [t.text for t in rlo.select(".tag bdi")] == ["bereavement"]  # the topic
    # The helper's own filter page isolates it too
    mine = page_of(client.get(f"/explorer/{cid}", params={"helper": RLO_HELPER}))
    assert_isolated(mine.select_one("#results article .meta"), RLO_HELPER)


def test_thread_isolates_names_and_ids(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}/thread/d1"))
    for meta in page.select("article.reply .meta"):
        assert_isolated(meta, "2024-03-01")
    helpers = [m.select_one("b").text for m in page.select("article.reply .meta")]
    assert helpers == [shown(RLO_HELPER), RTL_HELPER, "a helper"]
    assert_isolated(page.select_one("section.turn .said .meta"), RTL_SEEKER)
    assert_isolated(page.select_one("header p.muted"), "d1")
    assert page.select_one("header p.muted code bdi").text == "d1"
    # the crisis cue quoted from the seeker message
    assert_isolated(page.select_one(".crisis p"), "wake up")


def test_dashboard_isolates_helper_names(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    response = client.get(f"/dashboards/{cid}", params={"helper": RLO_HELPER})
    page = page_of(response)
    assert_isolated(page.select_one("#browse"), RLO_HELPER)
    assert_isolated(page.find("h1"), RLO_HELPER)
    assert_isolated(page.find("title"), RLO_HELPER)
    missing = page_of(client.get(f"/dashboards/{cid}", params={"helper": "nobody"}), 404)
    assert_isolated(missing.select_one(".error-links"))


def test_messages_isolate_what_the_user_typed(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    odd = page_of(client.get(f"/explorer/{cid}", params={"dimension": RLO_HELPER}), 422)
    assert_isolated(odd.find("div", role="alert"), RLO_HELPER)
    common = page_of(client.get(f"/explorer/{cid}", params={"q": f"the {RLO_HELPER}"}))
    note = common.select_one("#search-unusable") or common.select_one("#search-skipped")
    assert_isolated(note, "the")
    bad_date = page_of(client.get(f"/explorer/{cid}", params={"since": RTL_HELPER}), 422)
    assert_isolated(bad_date.find("div", role="alert"), RTL_HELPER)
    bad_page = page_of(client.get(f"/explorer/{cid}", params={"page": RTL_HELPER}), 422)
    assert_isolated(bad_page.find("div", role="alert"), RTL_HELPER)


def test_quoted_cues_and_unsafe_words_are_isolated() -> None:
    record = {
        "seeker": {"needs_attention": True, "crisis_cues": [{"text": RLO_HELPER, "label": "x"}]},
        "unsafe": [{"text": RTL_HELPER, "label": "method"}],
    }
    assert_isolated(parse(annotate.crisis_panel(record)).find("p"), RLO_HELPER)
    assert_isolated(parse(annotate.unsafe_panel(record)).find("p"), RTL_HELPER)
    learned = {
        "seeker": {
            "needs_attention": True,
            "crisis_cues": [{"text": RLO_HELPER, "label": "possible_crisis"}],
        }
    }
    assert_isolated(parse(annotate.crisis_panel(learned)).find("p"), RLO_HELPER)


def test_plain_text_isolation_survives_isolate_characters_in_names() -> None:
    """An isolate character in a name cannot pair with the closing one and leave the run
    open; written into HTML, the run is a ``<bdi>`` (no invisible characters to copy)."""
    name = "\u2068a\u2067b\u2069c"
    plain = isolate_text(name)
    assert plain == "\u2068abc\u2069"
    html = text_html(f"{isolate_text('<x>' + RLO_HELPER)} in {plain}")
    assert html == f"<bdi>&lt;x&gt;{shown(RLO_HELPER)}</bdi> in <bdi>abc</bdi>"
    assert_isolated(parse(f"<p>{html}</p>").find("p"), RLO_HELPER)


# -- the page number ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "+2", "\u0661", "2x"])
def test_a_page_that_is_not_a_page_number_is_explained(
    forum: tuple[TestClient, str], value: str
) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}", params={"page": value}), 422)
    alert = page.find("div", role="alert")
    assert alert is not None and "is not a page number: page is a whole number" in alert.text
    assert "offset" not in page.text
    assert not page.select("#results article")
    assert page.find("form", class_="filters") is not None


@pytest.mark.parametrize("value", ["2", "99", "99999999999999999999999", "9" * 5000])
def test_a_page_past_the_last_links_back(forum: tuple[TestClient, str], value: str) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}", params={"page": value, "per_page": "10"}))
    assert "offset" not in page.text
    assert not page.select("#results article")
    assert int(page.select_one("#result-count b").text) == PAIRS
    note = page.find("p", class_="note")
    assert note is not None and "These results end on page 1" in note.text
    assert [a.text for a in note.find_all("a")] == ["go to the last page", "the first page"]
    previous = page.select_one('nav.pages a[rel="prev"]')
    assert previous is not None and previous["href"] == "?per_page=10"  # page 1, the last


def test_an_empty_page_parameter_is_the_first_page(forum: tuple[TestClient, str]) -> None:
    client, cid = forum
    page = page_of(client.get(f"/explorer/{cid}?page="))
    assert len(page.select("#results article")) == PAIRS
    assert len(page_of(client.get(f"/explorer/{cid}?page=001")).select("#results article")) == 5


# -- names and ids as long or as odd as the readers keep -----------------------------------------

#: A helper's name as long as readers keep one.
LONG_HELPER = "vol-" + "x" * (MAX_ID_CHARS - 4)
#: Conversations whose ids are dot segments (crisis wording: the dashboard links their
#: replies to read).
ODD_TURNS: tuple[dict[str, Any], ...] = (
    _turn("s1", "sam", "..", 10, f"I lost my job and I can't tell my family. {CRISIS}",
          "r/odd"),
    _turn("h1", LONG_HELPER, "..", 11, "That sounds frightening. What worries you most?",
          "r/odd", "s1"),
    _turn("h2", "jon", "..", 12, "Just get another job.", "r/odd", "s1"),
    _turn("s2", "kim", ".", 13, f"I moved to a new city and I feel so alone. {CRISIS}",
          "r/odd"),
    _turn("h3", "jon", ".", 14, "That must be hard. What do you miss most?", "r/odd", "s2"),
)  # fmt: skip


@pytest.fixture(scope="module")
def odd(forum: tuple[TestClient, str], tmp_path_factory: pytest.TempPathFactory) -> str:
    """:data:`ODD_TURNS` analysed in the forum's app; the corpus id."""
    client, _ = forum
    path = tmp_path_factory.mktemp("odd") / "odd.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in ODD_TURNS), encoding="utf-8")
    return upload_file(client, path, 3)


def test_a_helper_as_long_as_a_stored_name_has_its_replies(
    forum: tuple[TestClient, str], odd: str
) -> None:
    client, _ = forum
    view = page_of(client.get(f"/dashboards/{odd}", params={"helper": LONG_HELPER}))
    link = view.select_one("#browse a")
    assert link is not None and "helper=" in link["href"]
    replies = page_of(client.get(link["href"]))  # was 422 "helper is longer than 200 ..."
    assert int(replies.select_one("#result-count b").text) == 1
    assert replies.select_one("#f-helper")["value"] == LONG_HELPER
    assert replies.select_one("#f-helper")["maxlength"] == str(MAX_ID_CHARS)
    too_long = page_of(client.get(f"/explorer/{odd}", params={"helper": LONG_HELPER + "x"}), 422)
    assert f"helper is longer than {MAX_ID_CHARS} characters" in too_long.text


@pytest.mark.parametrize(("conversation", "seqs"), [("..", ["r-0", "r-1"]), (".", ["r-2"])])
def test_a_dot_segment_conversation_links_to_its_own_thread(
    forum: tuple[TestClient, str], odd: str, conversation: str, seqs: list[str]
) -> None:
    """The explorer's and the dashboard's links, resolved as a browser resolves them
    (``urljoin`` removes dot segments), open the thread of that conversation."""
    client, _ = forum
    here = f"{BASE_URL}/explorer/{odd}"
    results = page_of(client.get(here))
    links = [
        (card["id"], a["href"])
        for card in results.select("#results article")
        for a in card.find_all("a")
        if a.text == "open the thread"
    ]
    assert len(links) == 3
    dashboard = page_of(client.get(f"{BASE_URL}/dashboards/{odd}"))
    in_dashboard = [a["href"] for a in dashboard.find_all("a") if "/thread" in a["href"]]
    assert {href.rsplit("#", 1)[1] for href in in_dashboard} == {"r-0", "r-1", "r-2"}
    for seq in seqs:
        hrefs = [href for card, href in links if card == seq]
        hrefs += [href for href in in_dashboard if href.endswith(f"#{seq}")]
        for href in hrefs:
            target = urljoin(here, href)
            assert urlsplit(target).path.startswith(f"/explorer/{odd}/thread"), target
            page = page_of(client.get(target.split("#")[0]))
            assert page.select_one("header p.muted code bdi").text == conversation
            assert page.select_one(f"article#{seq}") is not None
    missing = page_of(client.get(f"/explorer/{odd}/thread"), 404)
    assert "names no conversation" in missing.text


def test_an_empty_explorer_shows_this_servers_upload_command(
    analyzer: EmpathyAnalyzer, tmp_path: Path
) -> None:
    settings = ServiceSettings(data_dir=tmp_path, rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=False)
    with TestClient(app, base_url="http://localhost:8765") as client:
        for path in ("/explorer", "/dashboards"):
            command = page_of(client.get(path)).select_one("#upload-command")
            assert command is not None
            assert command.text == "curl -F file=@chats.jsonl http://localhost:8765/v1/corpora"


def test_an_empty_explorer_names_the_key_where_one_is_needed(
    keyed: tuple[TestClient, str],
) -> None:
    client, secret = keyed
    page = page_of(client.get("/explorer", headers={"X-API-Key": secret}))
    command = page.select_one("#upload-command")
    assert command is not None
    assert command.text == (
        f"curl -H 'X-API-Key: YOUR_KEY' -F file=@chats.jsonl {BASE_URL}/v1/corpora"
    )
    assert "carelens keys create" in page.text


@pytest.mark.parametrize(
    ("labels", "line"),
    [
        (["possible_crisis"], "A possible crisis: read this message closely."),
        (["suicide"], "Crisis cues: read this message closely."),
        (["possible_crisis", "self_harm"], "Crisis cues: read this message closely."),
        ([], ""),
    ],
)
def test_the_line_over_a_message_words_it_as_its_crisis_panel(labels: list[str], line: str) -> None:
    """Over a message only the learned flag marked, the explorer said "Crisis cues" right
    above a panel headed "A possible crisis in their message"."""
    cues = [{"start": 0, "end": 4, "label": label, "text": "word"} for label in labels]
    record = {"seeker": {"needs_attention": bool(cues), "crisis_cues": cues}}
    said = annotate.attention_line(record)
    assert (parse(said).text if said else "") == line
    panel = annotate.crisis_panel(record)
    if labels == ["possible_crisis"]:
        assert "A possible crisis in their message" in panel
    elif labels:
        assert "Crisis cues in their message" in panel
    else:
        assert panel == ""

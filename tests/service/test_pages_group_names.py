"""Helpers as the dashboards name them find their replies in the explorer.

The insights group a helper's name as it looks (Unicode NFC, surrounding spaces dropped) and
quote a speaker really named ``(unknown)``; the store keeps each speaker as written. The
dashboards' link to a helper's replies carries the grouped name, so the explorer's helper
filter matches every stored spelling of it (it matched the stored speaker exactly: ``vol-1``
found one of vol-1's two replies, a composed ``Zoë`` and ``"(unknown)"`` none).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from html_tree import Node, parse
from page_data import FakeTopics, upload_file
from service_helpers import BASE_URL

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.service.pages.filters import grouped_helpers, helper_spellings

DECOMPOSED, COMPOSED = "Zoe\u0308", "Zo\u00eb"
#: Stored speaker -> the name the dashboards show.
SPEAKERS = {
    "vol-1": "vol-1",
    "vol-1 ": "vol-1",
    DECOMPOSED: COMPOSED,
    "(unknown)": '"(unknown)"',
}
REPLIES = (
    "That sounds so lonely. What do you miss most?",
    "I'm so sorry for your loss.",
    "That must hurt so much. What happened?",
    "You should just go out more.",
)


def _turns() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [
        {
            "id": "s1",
            "speaker": "op",
            "conversation_id": "g1",
            "reply_to": None,
            "timestamp": "2024-03-01T10:00:00Z",
            "text": "My dog died and the house feels so empty.",
        }
    ]
    for k, (speaker, text) in enumerate(zip(SPEAKERS, REPLIES, strict=True)):
        out.append(
            {
                "id": f"h{k}",
                "speaker": speaker,
                "conversation_id": "g1",
                "reply_to": "s1",
                "timestamp": f"2024-03-01T1{k + 1}:00:00Z",
                "text": text,
            }
        )
    return out


@pytest.fixture(scope="module")
def corpus(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, str]]:
    """A loopback app with the four replies analysed and stored: (client, corpus id)."""
    folder = tmp_path_factory.mktemp("names")
    path = folder / "names.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in _turns()), encoding="utf-8")
    settings = ServiceSettings(data_dir=folder / "data", rate_limit=0)
    app = create_app(settings, analyzer=analyzer, topics=FakeTopics())
    with TestClient(app, base_url=BASE_URL) as client:
        yield client, upload_file(client, path, len(SPEAKERS))


def _page(response: Any) -> Node:
    assert response.status_code == 200, response.text[:500]
    return parse(response.text)


def _count(page: Node) -> int:
    return int(page.select_one("#result-count b").text)


@pytest.mark.parametrize(("helper", "replies"), [("vol-1", 2), (COMPOSED, 1), ('"(unknown)"', 1)])
def test_a_dashboard_helper_links_to_all_its_replies(
    corpus: tuple[TestClient, str], helper: str, replies: int
) -> None:
    client, cid = corpus
    overview = _page(client.get(f"/dashboards/{cid}"))
    assert helper in [o["value"] for o in overview.select("#v-helper option")]
    view = _page(client.get(f"/dashboards/{cid}", params={"helper": helper}))
    link = view.select_one("#browse a")
    assert link is not None and "helper=" in link["href"]
    # Was 1 for vol-1 (its "vol-1 " reply left out) and 0 for the other two.
    assert _count(_page(client.get(link["href"]))) == replies, helper


def test_the_explorer_suggests_and_finds_helpers_as_named_elsewhere(
    corpus: tuple[TestClient, str],
) -> None:
    client, cid = corpus
    page = _page(client.get(f"/explorer/{cid}"))
    suggested = [o["value"] for o in page.select("#helpers option")]
    assert sorted(suggested) == sorted(set(SPEAKERS.values())), suggested
    # Typed as stored, or decomposed: the same replies.
    for typed, replies in (("(unknown)", 1), (DECOMPOSED, 1), ("vol-1 ", 2), ("nobody", 0)):
        found = _page(client.get(f"/explorer/{cid}", params={"helper": typed}))
        assert _count(found) == replies, typed


def test_helper_spellings_and_grouped_helpers() -> None:
    stored = ["vol-1", "vol-1 ", DECOMPOSED, "(unknown)", '"(unknown)"']
    assert helper_spellings("vol-1", stored) == ("vol-1", "vol-1 ")
    assert helper_spellings('"(unknown)"', stored) == ("(unknown)",)
    assert helper_spellings('""(unknown)""', stored) == ('"(unknown)"',)
    assert helper_spellings("(unknown)", stored) == ("(unknown)",)
    assert helper_spellings(DECOMPOSED, stored) == (DECOMPOSED,)
    assert helper_spellings("nobody", stored) == ("nobody",)
    facet = [("vol-1", 3), (DECOMPOSED, 2), ("vol-1 ", 1), ("  ", 4)]
    assert grouped_helpers(facet) == [("vol-1", 4), (COMPOSED, 2)]


@pytest.mark.parametrize(
    ("typed", "helper"),
    [
        (DECOMPOSED, COMPOSED),
        ("vol-1 ", "vol-1"),
        (" vol-1", "vol-1"),
        ("(unknown)", '"(unknown)"'),
        (COMPOSED, COMPOSED),
    ],
)
def test_a_dashboard_finds_a_helper_typed_as_the_explorer_does(
    corpus: tuple[TestClient, str], typed: str, helper: str
) -> None:
    client, cid = corpus
    # Was 404 "Helper not found" for all but the composed Zoë (the name looked up exactly).
    view = _page(client.get(f"/dashboards/{cid}", params={"helper": typed}))
    _page(client.get(f"/explorer/{cid}", params={"helper": typed}))  # 200 there too
    # The view of the name as grouped: chosen in the menu, and its replies linked.
    chosen = view.select_one("#v-helper option[selected]")
    assert chosen is not None and chosen["value"] == helper, typed
    link = view.select_one("#browse a")
    assert link is not None
    assert _count(_page(client.get(link["href"]))) == (2 if helper == "vol-1" else 1)


@pytest.mark.parametrize("typed", ["nobody", "  ", "vol-2"])
def test_a_dashboard_of_no_such_helper_is_not_found(
    corpus: tuple[TestClient, str], typed: str
) -> None:
    client, cid = corpus
    response = client.get(f"/dashboards/{cid}", params={"helper": typed})
    assert response.status_code == 404 and "Helper not found" in response.text

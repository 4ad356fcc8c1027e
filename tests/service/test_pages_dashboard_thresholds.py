"""The dashboards mark a trend from few responses by the thresholds of the insights they show.

Was: the community view's helpers table and a helper's view marked "few responses" below
the default ``min_trend_responses`` whatever thresholds the figures (and their strain
signals) were computed with, and the table's note never said what the marker means. Now
both views take the thresholds of the insights, as the report does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from html_tree import Node, parse
from page_data import upload_file
from service_helpers import BASE_URL

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.insights.strain import DEFAULT_THRESHOLDS, StrainThresholds
from carelens.service import ServiceSettings, create_app
from carelens.service.pages.dashboards import InsightsCache

#: Replies per helper, spread over four months: ``zed`` one a month, ``amy`` three.
REPLIES = {"zed": 4, "amy": 12}
MONTHS = 4


def _turns() -> list[dict[str, Any]]:
    turns: list[dict[str, Any]] = []
    for helper, count in REPLIES.items():
        for k in range(count):
            conv = f"{helper}-{k}"
            stamp = f"2024-{1 + k % MONTHS:02d}-{1 + k:02d}T10:00:00Z"
            turns.append(
                {"id": f"{conv}-s", "speaker": f"seeker-{conv}", "conversation_id": conv,
                 "reply_to": None, "timestamp": stamp,
                 "text": "I moved to a new city and I feel so alone on weekends."}
            )  # fmt: skip
            turns.append(
                {"id": f"{conv}-r", "speaker": helper, "conversation_id": conv,
                 "reply_to": f"{conv}-s", "timestamp": stamp.replace("T10", "T11"),
                 "text": "That sounds lonely. What do you miss most about home?"}
            )  # fmt: skip
    return turns


@pytest.fixture(scope="module")
def client_and_corpus(
    analyzer: EmpathyAnalyzer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, str]]:
    folder = tmp_path_factory.mktemp("thresholds")
    path = folder / "helpers.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in _turns()), encoding="utf-8")
    app = create_app(ServiceSettings(data_dir=folder / "data", rate_limit=0), analyzer=analyzer)
    with TestClient(app, base_url=BASE_URL) as client:
        yield client, upload_file(client, path, sum(REPLIES.values()))


def _page(client: TestClient, url: str) -> Node:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    return parse(response.text)


def _trend_cells(page: Node) -> dict[str, str]:
    """The helpers table's empathy-trend cell (its last but one) per helper."""
    cells = {}
    for row in page.select("#helper-table tbody tr"):
        name = row.find("th").text.strip()
        cells[name] = " ".join(row.find_all("td")[-2].text.split())
    return cells


@pytest.mark.parametrize("few", [DEFAULT_THRESHOLDS.min_trend_responses, 3, 13])
def test_trends_from_few_responses_are_marked_by_the_insights_thresholds(
    client_and_corpus: tuple[TestClient, str], few: int
) -> None:
    client, corpus_id = client_and_corpus
    # A fresh cache: as the app makes it (the default thresholds), or with other thresholds.
    cache = InsightsCache()
    if few != DEFAULT_THRESHOLDS.min_trend_responses:
        cache = InsightsCache(thresholds=StrainThresholds(min_trend_responses=few))
    client.app.state.insights_cache = cache  # type: ignore[attr-defined]
    page = _page(client, f"/dashboards/{corpus_id}")
    cells = _trend_cells(page)
    assert set(cells) == set(REPLIES)
    for helper, count in REPLIES.items():
        marked = f"few responses (n={count})" in cells[helper]
        assert marked == (count < few), (helper, cells[helper])
        view = _page(client, f"/dashboards/{corpus_id}?helper={helper}")
        figures = " ".join(view.find("dl").text.split())
        assert (f"(few responses, n={count})" in figures) == (count < few), (helper, figures)
    note = " ".join(page.select("#helpers p")[0].text.split())
    assert f"marks a trend drawn from fewer than {few} dated responses" in note

"""Headers of the API's responses (``no-store``, ``nosniff``, as the pages have) and the key
check on ``/v1`` itself."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import httpx
import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, DATA, MakeApp, assert_error, upload, wait_for

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.store import Store
from carelens.types import Exchange, ResponseAnalysis

PAIR = {"seeker": "I lost my job today.", "response": "That sounds scary. What happened?"}
PUBLIC = "http://203.0.113.7:8000"  # what a client of a 0.0.0.0 server may call it


def _assert_private(response: httpx.Response, what: str) -> None:
    headers = response.headers
    assert headers.get("cache-control") == "no-store", what
    assert headers.get("x-content-type-options") == "nosniff", what


def test_api_responses_with_results_have_no_store_and_nosniff_headers(
    client: TestClient,
) -> None:
    created = upload(client, DATA / "pairs.csv")
    assert created.status_code == 202, created.text
    _assert_private(created, "POST /v1/corpora")
    corpus_id = created.json()["id"]
    wait_for(client, corpus_id)
    for path in (
        f"/v1/corpora/{corpus_id}/results",
        f"/v1/corpora/{corpus_id}",
        "/v1/corpora",
        "/v1/model",
        "/v1/health",
        "/openapi.json",
    ):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        _assert_private(response, path)
    analysed = client.post("/v1/analyze", json=PAIR)
    assert analysed.status_code == 200
    _assert_private(analysed, "POST /v1/analyze")
    missing = client.get("/v1/nope")
    assert_error(missing, 404, "not_found")
    _assert_private(missing, "404")
    _assert_private(client.head(f"/v1/corpora/{corpus_id}/results"), "HEAD")


def test_response_headers_keep_what_a_response_sets_itself(client: TestClient) -> None:
    page = client.get("/explorer")
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["content-security-policy"]  # a page's own headers stay
    static = client.get("/static/pages.css")
    assert static.headers["cache-control"] == "public, max-age=3600"
    assert static.headers["x-content-type-options"] == "nosniff"


class BrokenAnalyzer:
    def __init__(self, real: EmpathyAnalyzer) -> None:
        self.dimensions = real.dimensions
        self.model_id = real.model_id

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        raise RuntimeError("boom")


def test_an_internal_error_has_the_headers_too(
    make_app: MakeApp, analyzer: EmpathyAnalyzer
) -> None:
    app = make_app(analyzer_=BrokenAnalyzer(analyzer))
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        response = client.post("/v1/analyze", json=PAIR)
        assert_error(response, 500, "internal_error")
        _assert_private(response, "500")


@pytest.fixture
def keyed(make_app: MakeApp, store: Store) -> Iterator[tuple[TestClient, str]]:
    """An off-loopback app with one key: (client, secret)."""
    _, secret = store.create_key("tests")
    with TestClient(make_app(host="0.0.0.0"), base_url=PUBLIC) as client:
        yield client, secret


def test_auth_covers_v1_itself_off_loopback(keyed: tuple[TestClient, str]) -> None:
    """``GET /v1`` without a key answered 404 where ``/v1/nope`` gave 401: a request without
    a valid key gets 401 first, on ``/v1`` as on every path under it."""
    client, secret = keyed
    for path in ("/v1", "/v1/", "/v1/nope"):
        response = client.get(path)
        assert_error(response, 401, "missing_api_key")
        _assert_private(response, path)
    assert_error(client.get("/v1", headers={"X-API-Key": "nonsense"}), 401, "invalid_api_key")
    assert_error(client.get("/v1", headers={"X-API-Key": secret}), 404, "not_found")

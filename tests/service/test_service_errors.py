"""Every error is one JSON shape; the catch-all hides internals; the schema, health and model."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, DATA, MakeApp, assert_error, upload, wait_for

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.types import Exchange, ResponseAnalysis


def test_unknown_route_and_wrong_method(client: TestClient) -> None:
    assert_error(client.get("/nope"), 404, "not_found")
    assert_error(client.get("/v1/nope"), 404, "not_found")
    response = client.delete("/v1/health")
    error = assert_error(response, 405, "method_not_allowed")
    assert "GET" in error["message"] and response.headers["allow"] == "GET"
    assert_error(client.put("/v1/analyze", json={}), 405, "method_not_allowed")


def test_docs_pages_are_off(client: TestClient) -> None:
    assert_error(client.get("/docs"), 404, "not_found")
    assert_error(client.get("/redoc"), 404, "not_found")


class BrokenAnalyzer:
    """An analyzer whose predict fails with a message that must not reach the client."""

    def __init__(self, real: EmpathyAnalyzer) -> None:
        self.dimensions = real.dimensions
        self.model_id = real.model_id

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        raise RuntimeError(f"boom at {pairs[0].seeker.text}")


def test_unexpected_errors_are_internal_error(
    make_app: MakeApp, analyzer: EmpathyAnalyzer, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(analyzer_=BrokenAnalyzer(analyzer))
    with TestClient(app, base_url=BASE_URL) as client, caplog.at_level(logging.INFO):
        response = client.post("/v1/analyze", json={"seeker": "private words", "response": "hi"})
        error = assert_error(response, 500, "internal_error")
        assert error["message"].startswith("the server failed")
        for leak in ("private", "boom", "RuntimeError", "Traceback", "File "):
            assert leak not in response.text
        health = client.get("/v1/health").json()
        assert health["model"] == analyzer.model_id
        model = client.get("/v1/model").json()  # no artifact: an empty manifest, no card
        assert model == {"model": analyzer.model_id, "manifest": {}, "model_card": None}

        corpus_id = upload(client, DATA / "pairs.csv").json()["id"]
        corpus = wait_for(client, corpus_id)
        assert corpus["status"] == "failed"
        assert "RuntimeError" in corpus["error"] and "boom" not in corpus["error"]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "predict" in logged  # type and stack are logged
    assert "private words" not in logged  # the message (which quotes the text) is not
    assert "POST /v1/analyze 500" in logged


def test_a_page_that_fails_unexpectedly_is_an_html_error_page(
    make_app: MakeApp, analyzer: EmpathyAnalyzer, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(analyzer_=BrokenAnalyzer(analyzer))
    with TestClient(app, base_url=BASE_URL) as client, caplog.at_level(logging.INFO):
        response = client.post(
            "/coach",
            data={"seeker": "private words", "response": "hi"},
            headers={"Accept": "text/html", "Origin": BASE_URL},
        )
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in response.headers
    assert "Something went wrong" in response.text
    for leak in ("private", "boom", "RuntimeError", "Traceback"):
        assert leak not in response.text
    assert "RuntimeError" in "\n".join(r.getMessage() for r in caplog.records)


def test_health_and_model(client: TestClient, analyzer: EmpathyAnalyzer) -> None:
    import carelens

    assert client.get("/v1/health").json() == {
        "status": "ok",
        "model": analyzer.model_id,
        "version": carelens.__version__,
        "checks": {"store": "ok"},
    }
    model = client.get("/v1/model").json()
    assert model["model"] == analyzer.model_id
    assert model["manifest"]["model_id"] == analyzer.model_id
    assert model["manifest"]["dimensions"] == list(analyzer.model_dimensions)
    assert model["model_card"] is None  # the card is in docs/, not in the model folder


def test_openapi_schema(client: TestClient) -> None:
    schema: dict[str, Any] = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert set(paths) == {
        "/v1/analyze",
        "/v1/corpora",
        "/v1/corpora/{corpus_id}",
        "/v1/corpora/{corpus_id}/results",
        "/v1/health",
        "/v1/model",
    }
    assert {t["name"] for t in schema["tags"]} == {"analysis", "corpora", "service"}
    analyze = paths["/v1/analyze"]["post"]
    assert analyze["tags"] == ["analysis"]
    assert "ErrorOut" in str(analyze["responses"]["422"])
    assert "ResultRecord" in str(analyze["responses"]["200"])
    upload = paths["/v1/corpora"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "CorpusOut" in str(upload["responses"]["202"])
    for name in ("ErrorOut", "ResultsPage", "CorpusOut", "HealthOut", "ModelOut"):
        assert name in schema["components"]["schemas"]

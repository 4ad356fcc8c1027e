"""POST /v1/analyze: one pair or a batch, the records `carelens analyze` writes, and its limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, assert_error

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.output import result_record
from carelens.service.schemas import MAX_PAIR_ID_CHARS, MAX_TEXT_CHARS
from carelens.types import Exchange, Turn

SEEKER = "I failed my driving test for the second time today."
RESPONSE = "That sounds really discouraging. What happened during the test?"


def test_one_pair_returns_the_cli_record(client: TestClient, analyzer: EmpathyAnalyzer) -> None:
    response = client.post("/v1/analyze", json={"seeker": SEEKER, "response": RESPONSE})
    assert response.status_code == 200, response.text
    record = response.json()
    exchange = Exchange(seeker=Turn(id="0", text=SEEKER), response=Turn(id="0", text=RESPONSE))
    expected = result_record(exchange, analyzer.predict([exchange])[0])
    assert list(record) == list(expected)  # same fields, same order
    assert record == expected
    assert record["seeker_id"] == record["response_id"] == "0"
    for dimension in analyzer.dimensions:
        assert record[dimension]["level"] in (0, 1, 2)
    assert record["response_text"] == RESPONSE
    assert record["model"] == analyzer.model_id


def test_batch_keeps_order_and_ids(client: TestClient, analyzer: EmpathyAnalyzer) -> None:
    pairs = [
        {"id": "a", "seeker": SEEKER, "response": RESPONSE},
        {"seeker": "My dog is sick.", "response": "Have you tried a different vet?"},
        {"id": "c", "seeker": "I miss my old school.", "response": "I'm sorry, that is hard."},
    ]
    response = client.post("/v1/analyze", json={"pairs": pairs})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["model"] == analyzer.model_id
    results = body["results"]
    assert [r["response_id"] for r in results] == ["a", "1", "c"]
    assert [r["seeker_id"] for r in results] == ["a", "1", "c"]
    assert [r["response_text"] for r in results] == [p["response"] for p in pairs]
    single = client.post("/v1/analyze", json=pairs[2]).json()
    assert single["exploration"] == results[2]["exploration"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"seeker": "", "response": RESPONSE}, "seeker"),
        ({"seeker": SEEKER, "response": "   \n"}, "response"),
        ({"seeker": SEEKER, "response": "x" * (MAX_TEXT_CHARS + 1)}, "response"),
        ({"seeker": SEEKER, "response": RESPONSE, "id": "i" * (MAX_PAIR_ID_CHARS + 1)}, "id"),
        ({"seeker": SEEKER, "response": RESPONSE, "id": ""}, "id"),
        ({"pairs": [{"seeker": SEEKER, "response": RESPONSE}, {"seeker": SEEKER}]}, "pairs[1]"),
        ({"pairs": []}, "pairs"),
        ({"seeker": SEEKER}, "body"),
        (
            {"seeker": SEEKER, "response": RESPONSE, "pairs": [{"seeker": "a", "response": "b"}]},
            "seeker",
        ),
        ({"response": RESPONSE, "pairs": [{"seeker": "a", "response": "b"}]}, "response"),
        # the top-level id of the one-pair form beside pairs was dropped without a word
        ({"pairs": [{"seeker": SEEKER, "response": RESPONSE}], "id": "lost"}, "id"),
        ({"seeker": SEEKER, "response": RESPONSE, "responses": "typo"}, "responses"),
        ({"seeker": 3, "response": RESPONSE}, "seeker"),
        ([1, 2], "body"),
    ],
)
def test_invalid_bodies_name_the_field(client: TestClient, body: Any, field: str) -> None:
    error = assert_error(client.post("/v1/analyze", json=body), 422, "invalid_request")
    assert error["field"].startswith(field)
    assert error["message"].startswith(error["field"])
    assert all({"field", "message"} == set(d) for d in error["details"])


def test_a_batch_with_a_null_single_pair_field_is_a_batch(client: TestClient) -> None:
    """A JSON null counts as left out, beside ``pairs`` too."""
    pair = {"seeker": SEEKER, "response": RESPONSE}
    body = {"pairs": [pair], "id": None, "seeker": None, "response": None}
    response = client.post("/v1/analyze", json=body)
    assert response.status_code == 200, response.text
    assert [r["response_id"] for r in response.json()["results"]] == ["0"]


def test_too_many_pairs(make_app: MakeApp) -> None:
    with TestClient(make_app(max_batch=3), base_url=BASE_URL) as client:
        pairs = [{"seeker": SEEKER, "response": RESPONSE}] * 4
        error = assert_error(
            client.post("/v1/analyze", json={"pairs": pairs}), 413, "too_many_pairs"
        )
        assert "at most 3" in error["message"]
        assert client.post("/v1/analyze", json={"pairs": pairs[:3]}).status_code == 200


def test_malformed_json_and_wrong_content_type(client: TestClient) -> None:
    bad = client.post(
        "/v1/analyze", content=b'{"seeker": ', headers={"Content-Type": "application/json"}
    )
    assert_error(bad, 400, "malformed_json")
    text = client.post("/v1/analyze", content=b"seeker=hi", headers={"Content-Type": "text/plain"})
    assert_error(text, 415, "unsupported_media_type")


@pytest.mark.parametrize(
    ("body", "content_type", "says"),
    [
        (b"\xff", "application/json", "not valid UTF-8"),
        (
            f'{{"seeker": "{SEEKER}", "response": "Caf\u00e9?"}}'.encode("latin-1"),
            "application/json; charset=latin-1",
            "not valid UTF-8",
        ),
        (b"[" * 5000 + b"]" * 5000, "application/json", "nests arrays or objects too deeply"),
        (b'{"pairs": ' + b"[" * 5000 + b"]" * 5000 + b"}", "application/json", "too deeply"),
    ],
)
def test_a_body_that_cannot_be_decoded_is_malformed_json(
    client: TestClient, body: bytes, content_type: str, says: str
) -> None:
    """Bytes that are not UTF-8 (whatever the charset says) and JSON nested too deep got
    FastAPI's 400 ``bad_request`` "There was an error parsing the body"."""
    response = client.post("/v1/analyze", content=body, headers={"Content-Type": content_type})
    error = assert_error(response, 400, "malformed_json")
    assert says in error["message"] and "send" in error["message"]
    assert "error parsing the body" not in error["message"]


@pytest.fixture
def small_body_client(make_app: MakeApp) -> Iterator[TestClient]:
    with TestClient(make_app(max_body_bytes=2_000), base_url=BASE_URL) as client:
        yield client


def test_body_over_the_limit_by_content_length(small_body_client: TestClient) -> None:
    body = {"seeker": SEEKER, "response": "word " * 500}
    error = assert_error(small_body_client.post("/v1/analyze", json=body), 413, "payload_too_large")
    assert "2,000 bytes" in error["message"]


def test_body_over_the_limit_while_streaming(small_body_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"seeker": "hi", "response": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}'

    response = small_body_client.post(
        "/v1/analyze", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413, "payload_too_large")
    # a small streamed body still works
    ok = small_body_client.post(
        "/v1/analyze",
        content=iter([b'{"seeker": "I lost my job.", ', b'"response": "I am sorry."}']),
        headers={"Content-Type": "application/json"},
    )
    assert ok.status_code == 200, ok.text

"""``POST /v1/corpora`` is refused before its body is read when it cannot succeed.

FastAPI reads (spools) a whole multipart form before the route or its dependencies run, so
without :class:`~carelens.service.middleware.UploadGuardMiddleware` an upload was received in
full and only then answered 503 (the results database down) or 415 (not multipart form
data). These tests check that the answer now comes first: at the ASGI level, with a
``receive`` that records whether it was ever called, and over a real socket, where the
client announces a large body, sends a little of it, and must get the answer at once (the
server would otherwise wait for the rest). A healthy store still accepts uploads, and only
uploads ask the store whether it answers.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from raw_http import AsgiPost, send_partial
from service_helpers import BASE_URL, DATA, MakeApp, assert_error, upload, wait_for
from store_faults import FlakyStore, HungStore

from carelens.service.errors import STORE_RETRY_AFTER_S, STORE_UNAVAILABLE_MESSAGE, ApiError
from carelens.service.route_common import require_multipart
from carelens.store import Store
from threaded_server import ThreadedServer

BOUNDARY = "guardboundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
#: A small but complete multipart upload of tests/data/cli/pairs.csv.
FORM = (
    (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="pairs.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    + (DATA / "pairs.csv").read_bytes()
    + f"\r\n--{BOUNDARY}--\r\n".encode()
)
#: What a large upload announces (under the 100 MiB upload limit): the tests send far less.
ANNOUNCED = 50 << 20


@pytest.fixture
def flaky(store: Store) -> FlakyStore:
    return FlakyStore(store)


# -- at the ASGI level: is receive() ever called? -----------------------------------------------


def asgi_upload(content_type: str, *, length: int, body: bytes = FORM) -> AsgiPost:
    """A ``POST /v1/corpora`` to the app itself (see :class:`AsgiPost`)."""
    headers = {"Host": "127.0.0.1", "Content-Type": content_type}
    return AsgiPost("/v1/corpora", headers, length=length, body=body)


def test_an_upload_to_a_store_that_is_down_is_refused_before_its_body_is_read(
    make_app: MakeApp, flaky: FlakyStore
) -> None:
    app = make_app(store=flaky)
    flaky.down = True
    exchange = asgi_upload(MULTIPART, length=len(FORM)).run(app)
    assert exchange.status == 503, exchange.response_body
    assert exchange.error() == {"code": "store_unavailable", "message": STORE_UNAVAILABLE_MESSAGE}
    assert exchange.response_headers["retry-after"] == str(STORE_RETRY_AFTER_S)
    assert exchange.receives == 0  # not a byte of the body was asked for
    assert flaky.calls["schema_version"] == 1  # one cheap query, not create_corpus
    assert flaky.calls["create_corpus"] == 0


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "application/json", "text/csv", "application/zip"],
)
def test_an_upload_that_is_not_multipart_is_refused_before_its_body_is_read(
    make_app: MakeApp, flaky: FlakyStore, content_type: str
) -> None:
    app = make_app(store=flaky)
    exchange = asgi_upload(content_type, length=len(FORM)).run(app)
    assert exchange.status == 415, exchange.response_body
    error = exchange.error()
    assert error["code"] == "unsupported_media_type"
    assert "multipart/form-data" in error["message"] and "curl -F" in error["message"]
    assert exchange.receives == 0
    assert flaky.calls["schema_version"] == 0  # no store query for a request refused anyway


def test_a_healthy_store_takes_the_upload(make_app: MakeApp, flaky: FlakyStore) -> None:
    app = make_app(store=flaky)
    exchange = asgi_upload(MULTIPART, length=len(FORM)).run(app)
    assert exchange.status == 202, exchange.response_body
    assert exchange.receives >= 1
    assert flaky.calls["schema_version"] == 1 and flaky.calls["create_corpus"] == 1


# -- the same 415 message whichever layer answers -------------------------------------------------


def test_the_guard_and_the_route_give_the_same_415(make_app: MakeApp, flaky: FlakyStore) -> None:
    """The route keeps its own check (an app mounted without the guard, or a request the
    guard does not see); both answer alike."""
    app = make_app(store=flaky)
    guard = asgi_upload("application/json", length=2, body=b"{}").run(app).error()
    request = Request({"type": "http", "headers": [(b"content-type", b"application/json")]})
    with pytest.raises(ApiError) as raised:
        asyncio.run(require_multipart(request))
    route = raised.value
    assert (route.status, route.code, route.message) == (415, guard["code"], guard["message"])


# -- with a TestClient: what still works, and what is not probed --------------------------------


def test_only_uploads_ask_the_store_and_uploads_still_work(
    make_app: MakeApp, flaky: FlakyStore
) -> None:
    with TestClient(make_app(store=flaky), base_url=BASE_URL) as client:
        before = flaky.calls["schema_version"]
        assert client.get("/v1/corpora").status_code == 200
        pair = {"seeker": "I lost my job.", "response": "I'm sorry. What happened?"}
        assert client.post("/v1/analyze", json=pair).status_code == 200
        assert client.get("/v1/model").status_code == 200
        assert flaky.calls["schema_version"] == before  # no probe for other paths
        response = upload(client, DATA / "pairs.csv")
        assert response.status_code == 202, response.text
        assert flaky.calls["schema_version"] == before + 1  # one probe per upload
        assert wait_for(client, response.json()["id"])["status"] == "done"


def test_refusals_before_the_guard_cost_no_probe(
    make_app: MakeApp, flaky: FlakyStore, store: Store
) -> None:
    """A request without a key (401) or over the upload limit by Content-Length (413) is
    refused before the store is asked anything."""
    store.create_key("tests")
    app = make_app(store=flaky, require_key=True, max_upload_bytes=1000)
    with TestClient(app, base_url=BASE_URL) as client:
        before = flaky.calls["schema_version"]
        assert_error(upload(client, DATA / "pairs.csv"), 401, "missing_api_key")
        _, secret = store.create_key("more")
        big = client.post(
            "/v1/corpora",
            content=b"x" * 2000,
            headers={"X-API-Key": secret, "Content-Type": MULTIPART},
        )
        assert_error(big, 413, "payload_too_large")
        assert flaky.calls["schema_version"] == before


def test_a_store_failing_after_the_probe_still_gives_503_and_leaves_no_file(
    make_app: MakeApp, flaky: FlakyStore, data_dir: Path
) -> None:
    """The route keeps its own answer: the store answers the guard's probe, then fails the
    corpus creation; the received file is removed."""
    with TestClient(make_app(store=flaky), base_url=BASE_URL) as client:
        flaky.failures["create_corpus"] = 1
        response = upload(client, DATA / "pairs.csv")
        error = assert_error(response, 503, "store_unavailable")
        assert error["message"] == STORE_UNAVAILABLE_MESSAGE
        assert response.headers["retry-after"] == str(STORE_RETRY_AFTER_S)
        assert flaky.calls["schema_version"] >= 1  # the guard's probe passed
        assert client.get("/v1/corpora").json()["corpora"] == []
    incoming = data_dir / "uploads" / ".incoming"
    assert list(incoming.iterdir()) == []


def test_an_upload_to_a_store_that_hangs_is_refused_within_the_health_timeout(
    make_app: MakeApp, store: Store
) -> None:
    """A store that does not answer at all: the upload waits at most ``health_timeout`` for
    the probe, shares it with the health check, and is refused 503 unread."""
    hung = HungStore(store)
    app = make_app(store=hung, health_timeout=0.3)
    try:
        start = time.monotonic()
        exchange = asgi_upload(MULTIPART, length=len(FORM)).run(app)
        assert time.monotonic() - start < 5
        assert exchange.status == 503 and exchange.receives == 0
        assert exchange.error()["code"] == "store_unavailable"
        with TestClient(app, base_url=BASE_URL) as client:
            assert client.get("/v1/health").status_code == 503
        assert hung.probes == 1  # the upload and the health check waited on one query
    finally:
        hung.release.set()


# -- over a real socket: a large upload announced, a little of it sent -----------------------------


def _request(content_type: str, *, length: int = ANNOUNCED, expect_continue: bool = False) -> bytes:
    lines = [
        "POST /v1/corpora HTTP/1.1",
        "Host: 127.0.0.1",
        f"Content-Type: {content_type}",
        f"Content-Length: {length}",
    ]
    if expect_continue:
        lines.append("Expect: 100-continue")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _send_partial(
    url: str, request: bytes, body: bytes
) -> tuple[float, int, dict[str, str], bytes]:
    return send_partial(url, request, body, timeout=10)


def test_a_real_server_answers_503_without_waiting_for_the_upload(
    make_app: MakeApp, flaky: FlakyStore
) -> None:
    with ThreadedServer(make_app(store=flaky)) as server:
        flaky.down = True
        took, status, headers, body = _send_partial(server.url, _request(MULTIPART), FORM)
        assert status == 503, body
        assert json.loads(body)["error"]["code"] == "store_unavailable"
        assert headers["retry-after"] == str(STORE_RETRY_AFTER_S)
        assert took < 5
        # A client that waits for "100 Continue" before sending (curl does, over 1 MiB) is
        # answered without sending any of it.
        took, status, _, _ = _send_partial(
            server.url, _request(MULTIPART, expect_continue=True), b""
        )
        assert status == 503 and took < 5
        flaky.down = False
        _, status, _, body = _send_partial(server.url, _request(MULTIPART, length=len(FORM)), FORM)
        assert status == 202, body  # the whole upload, once the store answers


def test_a_real_server_answers_415_without_waiting_for_the_body(
    make_app: MakeApp, flaky: FlakyStore
) -> None:
    with ThreadedServer(make_app(store=flaky)) as server:
        took, status, _, body = _send_partial(
            server.url, _request("application/x-www-form-urlencoded"), b"file=x&format=csv"
        )
        assert status == 415, body
        assert json.loads(body)["error"]["code"] == "unsupported_media_type"
        assert took < 5

"""Access: API keys (required off loopback), rate limits, the loopback guard and closed CORS."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, BOTH_BACKENDS, DATA, MakeApp, assert_error, upload, wait_for

from carelens.service import StartupError
from carelens.service.access_rules import BASIC_CHALLENGE
from carelens.store import Store

pytestmark = BOTH_BACKENDS  # the store is SQLite, then PostgreSQL

PAIR = {"seeker": "I lost my job today.", "response": "That sounds scary. What happened?"}
PUBLIC = "http://203.0.113.7:8000"  # what a client of a 0.0.0.0 server may call it


def test_off_loopback_refuses_to_start_without_a_key(make_app: MakeApp) -> None:
    with pytest.raises(StartupError, match="keys create"):
        make_app(host="0.0.0.0")


def test_require_key_on_loopback_refuses_to_start_without_a_key(make_app: MakeApp) -> None:
    with pytest.raises(StartupError):
        make_app(require_key=True)


def test_revoked_keys_do_not_count_at_startup(make_app: MakeApp, store: Store) -> None:
    key_id, _ = store.create_key("old")
    store.revoke_key(key_id)
    with pytest.raises(StartupError):
        make_app(host="0.0.0.0")


@pytest.fixture
def keyed(make_app: MakeApp, store: Store) -> Iterator[tuple[TestClient, str, str]]:
    """An off-loopback app, with one key: (client, key id, secret)."""
    key_id, secret = store.create_key("tests")
    with TestClient(make_app(host="0.0.0.0"), base_url=PUBLIC) as client:
        yield client, key_id, secret


def test_key_required_off_loopback(keyed: tuple[TestClient, str, str]) -> None:
    client, _, secret = keyed
    error = assert_error(client.post("/v1/analyze", json=PAIR), 401, "missing_api_key")
    assert "keys create" in error["message"]
    assert_error(client.get("/v1/corpora"), 401, "missing_api_key")
    assert_error(client.get("/v1/model"), 401, "missing_api_key")
    bearer = {"Authorization": f"Bearer {secret}"}
    assert client.post("/v1/analyze", json=PAIR, headers=bearer).status_code == 200
    assert client.get("/v1/corpora", headers={"X-API-Key": secret}).status_code == 200
    assert client.get("/v1/health").status_code == 200  # open: no key, no rate limit


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer clk_0123456789abcdef0123456789abcdef_wrongwrongwrongwrong12"},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"X-API-Key": "nonsense"},
    ],
)
def test_bad_key_is_401(keyed: tuple[TestClient, str, str], headers: dict[str, str]) -> None:
    client, _, _ = keyed
    response = client.get("/v1/corpora", headers=headers)
    assert_error(response, 401, "invalid_api_key")
    assert response.headers.get_list("www-authenticate") == ["Bearer", BASIC_CHALLENGE]


def test_revoked_key_is_401_at_once(keyed: tuple[TestClient, str, str], store: Store) -> None:
    client, key_id, secret = keyed
    headers = {"X-API-Key": secret}
    assert client.get("/v1/corpora", headers=headers).status_code == 200
    assert store.revoke_key(key_id)
    assert_error(client.get("/v1/corpora", headers=headers), 401, "invalid_api_key")


def test_upload_with_a_key(keyed: tuple[TestClient, str, str]) -> None:
    client, _, secret = keyed
    headers = {"Authorization": f"Bearer {secret}"}
    assert_error(upload(client, DATA / "pairs.csv"), 401, "missing_api_key")
    response = upload(client, DATA / "pairs.csv", headers=headers)
    assert response.status_code == 202, response.text
    assert wait_for(client, response.json()["id"], headers=headers)["status"] == "done"


def test_loopback_keys_are_optional_but_checked(client: TestClient, store: Store) -> None:
    assert client.get("/v1/corpora").status_code == 200
    _, secret = store.create_key("local")
    assert client.get("/v1/corpora", headers={"X-API-Key": secret}).status_code == 200
    assert_error(client.get("/v1/corpora", headers={"X-API-Key": "wrong"}), 401, "invalid_api_key")


@pytest.mark.parametrize(
    "headers",
    [
        {"X-API-Key": "wrong"},
        {"Authorization": "Bearer wrong"},
    ],
)
@pytest.mark.parametrize("path", ["/explorer", "/coach", "/dashboards"])
def test_loopback_pages_check_a_key_that_is_sent(
    client: TestClient, store: Store, path: str, headers: dict[str, str]
) -> None:
    """A wrong key on a page was let through on loopback (200) while the API answered 401;
    api.md: a wrong or revoked key always gets 401, and the pages follow the same rules.
    Basic credentials, which neither reads where no key is needed, are
    test_service_basic_auth's."""
    response = client.get(path, headers=headers)
    assert response.status_code == 401, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")  # a page's error
    assert response.headers["www-authenticate"] == "Bearer"  # no browser prompt: no Basic here
    assert "not valid or was revoked" in response.text
    assert client.get(path).status_code == 200  # no key: none needed on loopback
    key_id, secret = store.create_key("local")
    assert client.get(path, headers={"X-API-Key": secret}).status_code == 200
    store.revoke_key(key_id)
    assert client.get(path, headers={"X-API-Key": secret}).status_code == 401


def test_require_key_on_loopback(make_app: MakeApp, store: Store) -> None:
    _, secret = store.create_key("local")
    with TestClient(make_app(require_key=True), base_url="http://localhost:8000") as client:
        assert_error(client.get("/v1/corpora"), 401, "missing_api_key")
        assert client.get("/v1/corpora", headers={"X-API-Key": secret}).status_code == 200


def test_rate_limit_per_key(make_app: MakeApp, store: Store) -> None:
    _, first = store.create_key("first")
    _, second = store.create_key("second")
    with TestClient(make_app(host="0.0.0.0", rate_limit=3), base_url=PUBLIC) as client:
        a, b = {"X-API-Key": first}, {"X-API-Key": second}
        for _ in range(3):
            assert client.get("/v1/corpora", headers=a).status_code == 200
        response = client.get("/v1/corpora", headers=a)
        error = assert_error(response, 429, "rate_limited")
        assert int(response.headers["retry-after"]) >= 1
        assert "3 a minute" in error["message"]
        assert client.get("/v1/corpora", headers=b).status_code == 200  # its own bucket
        assert client.get("/v1/health").status_code == 200


def test_rate_limit_per_client_without_key(make_app: MakeApp) -> None:
    with TestClient(make_app(rate_limit=2), base_url="http://127.0.0.1") as client:
        assert client.get("/v1/corpora").status_code == 200
        assert client.get("/v1/corpora").status_code == 200
        assert_error(client.get("/v1/corpora"), 429, "rate_limited")


def test_wrong_keys_are_rate_limited_too(make_app: MakeApp, store: Store) -> None:
    store.create_key("k")
    with TestClient(make_app(host="0.0.0.0", rate_limit=2), base_url=PUBLIC) as client:
        bad = {"X-API-Key": "guess"}
        assert client.get("/v1/corpora", headers=bad).status_code == 401
        assert client.get("/v1/corpora", headers=bad).status_code == 401
        assert_error(client.get("/v1/corpora", headers=bad), 429, "rate_limited")


PREFLIGHT = {
    "Origin": "https://evil.example",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type",
}


def test_cors_is_closed_on_loopback(client: TestClient) -> None:
    preflight = client.options("/v1/analyze", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in preflight.headers
    assert_error(preflight, 403, "cross_origin")
    post = client.post("/v1/analyze", json=PAIR, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in post.headers
    assert_error(post, 403, "cross_origin")
    same = client.post("/v1/analyze", json=PAIR, headers={"Origin": "http://127.0.0.1"})
    assert same.status_code == 200  # same origin (a page served from this host)


def test_cors_is_closed_off_loopback(keyed: tuple[TestClient, str, str]) -> None:
    client, _, secret = keyed
    preflight = client.options("/v1/analyze", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code in (401, 405)
    post = client.post(
        "/v1/analyze", json=PAIR, headers={"Origin": "https://evil.example", "X-API-Key": secret}
    )
    assert "access-control-allow-origin" not in post.headers


def test_loopback_server_refuses_other_host_names(make_app: MakeApp) -> None:
    with TestClient(make_app(), base_url="http://rebind.evil.example:8000") as client:
        assert_error(client.get("/v1/health"), 403, "host_not_allowed")
    for base in ("http://localhost:8000", "http://[::1]:8000", "http://127.0.0.1"):
        with TestClient(make_app(), base_url=base) as client:
            assert client.get("/v1/health").status_code == 200


@pytest.mark.parametrize("accept", ["text/html", "*/*"])
@pytest.mark.parametrize("path", ["/explorer", "/coach", "/dashboards", "/static/pages.css"])
def test_the_loopback_guard_refuses_pages_with_a_page(
    make_app: MakeApp, path: str, accept: str
) -> None:
    """The guard's 403 on a page's path was the API's JSON error; web.md: errors on the
    pages are HTML pages (sent with the pages' headers). ``/v1`` keeps its JSON."""
    with TestClient(make_app(), base_url="http://rebind.evil.example:8000") as client:
        refused = client.get(path, headers={"Accept": accept})
        assert refused.status_code == 403
        assert refused.headers["content-type"].startswith("text/html")
        assert "frame-ancestors 'none'" in refused.headers["content-security-policy"]
        assert "answers only to localhost, 127.0.0.1 or [::1]" in refused.text
        api = client.get("/v1/corpora", headers={"Accept": "text/html"})
        assert_error(api, 403, "host_not_allowed")
    with TestClient(make_app(), base_url=BASE_URL) as client:
        elsewhere = {"Accept": accept, "Origin": "https://evil.example"}
        refused = client.get(path, headers=elsewhere)
        assert refused.status_code == 403
        assert refused.headers["content-type"].startswith("text/html")
        assert "came from a page on another site" in refused.text
        assert not _cors_headers(refused)
        api = client.get("/v1/corpora", headers={**elsewhere, "Accept": "text/html"})
        assert_error(api, 403, "cross_origin")


def test_a_line_break_in_the_path_cannot_forge_a_log_line(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A newline in the path (``%0A``) was written raw into the access log."""
    path = "/explorer/abc/thread/a%0AERROR%20forged%20log%20line%0A\u202e%5C"
    with caplog.at_level(logging.INFO, logger="carelens"):
        assert client.get(path).status_code == 404
        assert client.get("/v1/corpora/a%0Dforged").status_code == 404
    access = [r.getMessage() for r in caplog.records if r.name == "carelens.service.access"]
    assert access[0] == (
        "GET /explorer/abc/thread/a\\nERROR forged log line\\n\\u202e\\\\ 404 "
        + access[0].rsplit(" ", 1)[1]
    )
    assert access[1].startswith("GET /v1/corpora/a\\rforged 404 ")
    for line in access:
        assert line.isprintable()


def test_logs_never_hold_texts(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret_text = "zebra-quartz-7731 my secret sorrow"
    with caplog.at_level(logging.DEBUG, logger="carelens"):
        client.post("/v1/analyze", json={"seeker": secret_text, "response": secret_text})
        client.get("/v1/corpora/none/results", params={"q": "zebra-quartz-7731"})
        client.post("/v1/analyze", json={"seeker": secret_text, "response": ""})
    carelens_records = [r for r in caplog.records if r.name.startswith("carelens")]
    assert any(r.name == "carelens.service.access" for r in carelens_records)
    for record in carelens_records:
        assert "zebra" not in record.getMessage()
    access = [r.getMessage() for r in carelens_records if r.name == "carelens.service.access"]
    assert "POST /v1/analyze 200" in access[0]
    assert "GET /v1/corpora/none/results 404" in access[1]  # no query string


ELSEWHERE = {"Origin": "https://evil.example"}


def _cors_headers(response: Any) -> list[str]:
    return [k for k in response.headers if k.lower().startswith("access-control-")]


@pytest.mark.parametrize(
    "path", ["/v1/corpora", "/v1/health", "/v1/model", "/openapi.json", "/explorer", "/coach"]
)
def test_cross_origin_requests_are_refused_without_cors_headers(
    client: TestClient, path: str
) -> None:
    """Loopback: simple (GET) requests and preflights from another origin, API and pages alike,
    get 403 and no ``Access-Control-*`` header at all."""
    response = client.get(path, headers=ELSEWHERE)
    assert response.status_code == 403 and not _cors_headers(response), path
    preflight = client.options(path, headers=PREFLIGHT)
    assert preflight.status_code == 403 and not _cors_headers(preflight), path
    assert client.get(path).status_code == 200  # the same request without an Origin


def test_no_cors_headers_even_when_the_request_is_served(
    keyed: tuple[TestClient, str, str],
) -> None:
    """Off loopback the Origin is not checked (keys are), and the answer still carries no
    ``Access-Control-*`` header, so a browser page elsewhere cannot read it."""
    client, _, secret = keyed
    for method, path, body in (
        ("POST", "/v1/analyze", PAIR),
        ("GET", "/v1/corpora", None),
        ("GET", "/v1/health", None),
        ("GET", "/openapi.json", None),
    ):
        headers = {**ELSEWHERE, "X-API-Key": secret}
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == 200 and not _cors_headers(response), path


def test_streamed_upload_over_the_limit_leaves_nothing(make_app: MakeApp, data_dir: Path) -> None:
    """A chunked upload (no Content-Length) over ``max_upload_bytes`` is cut off with 413: no
    corpus, no file, nothing half-received."""
    boundary = "soakboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
        "Content-Type: text/csv\r\n\r\nseeker,response\n"
    ).encode()

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(40):
            yield b"I feel lost,I am sorry to hear that\n" * 10
        yield f"\r\n--{boundary}--\r\n".encode()

    with TestClient(make_app(max_upload_bytes=2_000), base_url=BASE_URL) as client:
        response = client.post(
            "/v1/corpora",
            content=chunks(),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        assert "content-length" not in {k.lower() for k in response.request.headers}
        assert_error(response, 413, "payload_too_large")
        assert client.get("/v1/corpora").json()["corpora"] == []
    uploads = data_dir / "uploads"
    assert not [p for p in uploads.rglob("*") if p.is_file()] if uploads.exists() else True


def test_head_is_answered_like_get_without_a_body(keyed: tuple[TestClient, str, str]) -> None:
    """HEAD (uptime checks, ``curl -I``) gets GET's status and headers, no body; it passes the
    same key check, and a path without GET still answers 405."""
    client, _, secret = keyed
    get, head = client.get("/v1/health"), client.head("/v1/health")
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and get.content
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    assert client.head("/v1/corpora").status_code == 401
    assert client.head("/v1/corpora", headers={"X-API-Key": secret}).status_code == 200
    assert client.head("/v1/analyze", headers={"X-API-Key": secret}).status_code == 405
    page = client.head("/coach", headers={"X-API-Key": secret})
    assert page.status_code == 200 and page.content == b""
    assert page.headers["content-type"].startswith("text/html")

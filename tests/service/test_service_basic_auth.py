"""HTTP Basic credentials on the API, as the pages read them (service.access_rules, middleware).

``curl -u anyone:KEY`` and a browser's login prompt send ``Authorization: Basic
base64(user:KEY)``; the API refused them as a wrong key while the pages took them. Where a
key is required the API now reads the password as the key (the user name when the password
is empty, as the pages do), compares it as any key is compared (its hash, in constant time),
and a 401 carries the pages' Basic challenge beside ``Bearer``, so a browser asks for the
key. Malformed credentials are a 401 naming what is wrong, never a 500. Where no key is
needed, Basic credentials are ignored by the API and the pages alike: they are most likely a
browser's or a proxy's own login.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, assert_error

from carelens.service.access_rules import BASIC_CHALLENGE, sent_key
from carelens.store import Store

PUBLIC = "http://203.0.113.7:8000"  # what a client of a 0.0.0.0 server may call it
API = "/v1/corpora"
PAIR = {"seeker": "I lost my job today.", "response": "That sounds scary. What happened?"}


def _basic(credentials: bytes) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(credentials).decode()}


def _challenges(response: httpx.Response) -> list[str]:
    return response.headers.get_list("www-authenticate")


@pytest.fixture
def keyed(make_app: MakeApp, store: Store) -> Iterator[tuple[TestClient, str]]:
    """An off-loopback app with one key and a rate limit of 5: (client, secret)."""
    _, secret = store.create_key("tests")
    with TestClient(make_app(host="0.0.0.0", rate_limit=5), base_url=PUBLIC) as client:
        yield client, secret


def test_the_right_key_as_the_basic_password_is_accepted(keyed: tuple[TestClient, str]) -> None:
    """Any user name, as ``curl -u anyone:KEY`` sends it; the key as the user name with an
    empty password too (``curl -u KEY:``), as the pages read it."""
    client, secret = keyed
    assert client.get(API, auth=("anyone", secret)).status_code == 200
    assert client.get(API, auth=("", secret)).status_code == 200
    assert client.get(API, headers=_basic(f"{secret}:".encode())).status_code == 200
    analysed = client.post("/v1/analyze", json=PAIR, auth=("me@example.org", secret))
    assert analysed.status_code == 200, analysed.text


def test_a_wrong_basic_password_is_an_invalid_key_with_both_challenges(
    keyed: tuple[TestClient, str],
) -> None:
    client, secret = keyed
    for credentials in (b"anyone:wrong", f"{secret}:{secret}x".encode(), b"anyone:"):
        response = client.get(API, headers=_basic(credentials))
        error = assert_error(response, 401, "invalid_api_key")
        assert "not valid or was revoked" in error["message"], error
        assert "-u any:<secret>" in error["message"]
        assert _challenges(response) == ["Bearer", BASIC_CHALLENGE]


def test_empty_credentials_are_a_missing_key_and_ask_for_one(
    keyed: tuple[TestClient, str],
) -> None:
    """``anyone:`` reads the user name as the key (a wrong one, above); ``:`` and the user
    name ``  `` are no key at all: 401 missing_api_key, not counted against the rate limit
    (5 a minute), with the Basic challenge that makes a browser ask for the key."""
    client, _ = keyed
    for _ in range(3):
        for credentials in (b":", b"  :  "):
            response = client.get(API, headers=_basic(credentials))
            error = assert_error(response, 401, "missing_api_key")
            assert "HTTP Basic" in error["message"], error
            assert _challenges(response) == ["Bearer", BASIC_CHALLENGE]
    statuses = [client.get(API, auth=("anyone", "wrong")).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]


@pytest.mark.parametrize(
    ("authorization", "problem"),
    [
        ("Basic !!!", "are not base64"),
        ("Basic " + base64.b64encode(b"anyone").decode()[:-1], "are not base64"),
        ("Basic " + base64.b64encode(b"\xff\xfeanyone:clk_x").decode(), "are not UTF-8 text"),
        ("Basic " + base64.b64encode(b"clk_no_colon").decode(), "have no ':'"),
        ("Digest username=anyone", "its scheme 'Digest' carries no key here"),
    ],
)
def test_a_malformed_authorization_header_is_a_401_that_says_why(
    keyed: tuple[TestClient, str], authorization: str, problem: str
) -> None:
    client, secret = keyed
    response = client.get(API, headers={"Authorization": authorization})
    error = assert_error(response, 401, "invalid_api_key")
    assert error["message"].startswith("the Authorization header cannot carry an API key: ")
    assert problem in error["message"], error
    assert _challenges(response) == ["Bearer", BASIC_CHALLENGE]
    # An X-API-Key beside it is read, as beside any header that carries no key.
    beside = {"Authorization": authorization, "X-API-Key": secret}
    assert client.get(API, headers=beside).status_code == 200


def test_the_other_headers_still_carry_the_key(keyed: tuple[TestClient, str]) -> None:
    client, secret = keyed
    assert client.get(API, headers={"X-API-Key": secret}).status_code == 200
    assert client.get(API, headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    # Bearer is read first, as before: a wrong Bearer token beside the right X-API-Key fails.
    wrong = {"Authorization": "Bearer wrong", "X-API-Key": secret}
    assert_error(client.get(API, headers=wrong), 401, "invalid_api_key")


def test_a_revoked_key_sent_as_basic_is_refused_at_once(make_app: MakeApp, store: Store) -> None:
    key_id, secret = store.create_key("tests")
    with TestClient(make_app(require_key=True), base_url=BASE_URL) as client:  # loopback
        assert client.get(API, auth=("anyone", secret)).status_code == 200
        assert client.get("/explorer", auth=("anyone", secret)).status_code == 200
        store.revoke_key(key_id)
        assert_error(client.get(API, auth=("anyone", secret)), 401, "invalid_api_key")


@pytest.mark.parametrize(
    "credentials",
    [
        _basic(b"anyone:wrong"),
        _basic(b"anyone:"),
        {"Authorization": "Basic !!!"},
        _basic(b"\xff:x"),
        _basic(b"no-colon"),
    ],
)
def test_no_key_needed_basic_credentials_are_ignored(
    client: TestClient, store: Store, credentials: dict[str, str]
) -> None:
    """A loopback server without ``--require-key``: Basic credentials, right, wrong or
    malformed, are neither read nor counted, on the API and the pages; a wrong key in the
    other headers is still refused, with a challenge for them only (no browser prompt)."""
    for path in (API, "/explorer"):
        response = client.get(path, headers=credentials)
        assert response.status_code == 200, (path, response.text[:300])
    _, secret = store.create_key("local")  # a key that exists changes nothing
    assert client.get(API, headers=credentials).status_code == 200
    assert client.get(API, auth=("anyone", secret)).status_code == 200
    wrong = {**credentials, "X-API-Key": "wrong"}
    response = client.get(API, headers=wrong)
    error = assert_error(response, 401, "invalid_api_key")
    assert "this server needs none" in error["message"] and "Basic" not in error["message"]
    assert _challenges(response) == ["Bearer"]
    page = client.get("/explorer", headers=wrong)
    assert page.status_code == 401 and _challenges(page) == ["Bearer"]
    assert "not valid or was revoked" in page.text and "needs no key" in page.text


@pytest.mark.parametrize(
    ("authorization", "api_key", "basic", "sent"),
    [
        ("Basic " + base64.b64encode(b"me:k1").decode(), None, True, "k1"),
        ("Basic " + base64.b64encode(b"me:k1").decode(), "k2", False, "k2"),  # ignored
        ("Basic " + base64.b64encode(b"me:k1").decode(), None, False, None),
        ("Basic !!!", None, False, None),
        ("Basic " + base64.b64encode(b"k1").decode(), None, True, ""),  # no colon
        ("Basic " + base64.b64encode(b"me:\xe9").decode(), None, True, ""),  # Latin-1
        ("Basic " + base64.b64encode(b" me : k1 ").decode(), None, True, "k1"),
        ("Basic " + base64.b64encode("m\u00e9:k1".encode()).decode(), None, True, "k1"),
    ],
)
def test_sent_key_reads_basic_only_where_asked(
    authorization: str, api_key: str | None, basic: bool, sent: str | None
) -> None:
    assert sent_key(authorization, api_key, basic=basic) == sent

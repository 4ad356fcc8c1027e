"""An empty key is no key on the pages as in the API (service.pages.access, access_rules).

The pages answered an empty ``X-API-Key``, an empty Bearer token and empty Basic credentials
with 401 "not valid or was revoked" on a loopback server that needs no key, and counted
them as wrong keys in the rate limit, while the API took them as no key. Each case is sent
to a page and to the API side by side.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from service_helpers import BASE_URL, MakeApp, assert_error

from carelens.service.access_rules import sent_key
from carelens.store import Store

PUBLIC = "http://203.0.113.7:8000"  # what a client of a 0.0.0.0 server may call it
PAGE = "/explorer"
API = "/v1/corpora"


def _basic(credentials: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(credentials.encode()).decode()}


#: Empty keys that both the API and the pages read.
SHARED = [
    {"X-API-Key": ""},
    {"X-API-Key": " \t "},
    {"Authorization": "Bearer "},
    {"Authorization": "Bearer"},
    {"Authorization": ""},
    {"Authorization": "   "},
]
#: Empty Basic credentials (the browser's way to send a key), read where a key is required.
BASIC = [_basic(":"), _basic("  :  "), {"Authorization": "Basic "}, {"Authorization": "Basic"}]


@pytest.mark.parametrize("headers", SHARED)
def test_an_empty_key_is_no_key_on_a_loopback_server_without_keys(
    client: TestClient, headers: dict[str, str]
) -> None:
    api = client.get(API, headers=headers)
    page = client.get(PAGE, headers=headers)
    assert (api.status_code, page.status_code) == (200, 200), (api.text, page.text[:300])


@pytest.mark.parametrize("headers", BASIC)
def test_empty_basic_credentials_are_no_key_on_a_page(
    client: TestClient, headers: dict[str, str]
) -> None:
    """A browser whose user left both fields of its prompt empty sends ``Basic Og==``."""
    assert client.get(PAGE, headers=headers).status_code == 200
    assert client.get(API, headers=headers).status_code == 200


@pytest.fixture
def keyed(make_app: MakeApp, store: Store) -> Iterator[tuple[TestClient, str]]:
    """An off-loopback app with one key and a rate limit of 2: (client, secret)."""
    _, secret = store.create_key("tests")
    with TestClient(make_app(host="0.0.0.0", rate_limit=2), base_url=PUBLIC) as client:
        yield client, secret


def _missing_on_the_page(response: Response) -> None:
    assert response.status_code == 401, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["www-authenticate"].startswith("Basic ")
    assert "This server asks for an API key" in response.text
    assert "not valid or was revoked" not in response.text


@pytest.mark.parametrize("headers", SHARED + BASIC)
def test_an_empty_key_where_one_is_required_is_missing_and_not_counted(
    keyed: tuple[TestClient, str], headers: dict[str, str]
) -> None:
    """401 "API key needed" on the page, ``missing_api_key`` from the API, as many times as
    it is sent: the client's bucket (2 tokens) is still full for two wrong keys after."""
    client, _ = keyed
    for _ in range(3):
        _missing_on_the_page(client.get(PAGE, headers=headers))
        assert_error(client.get(API, headers=headers), 401, "missing_api_key")
    wrong = {"X-API-Key": "clk_wrong"}
    assert "not valid or was revoked" in client.get(PAGE, headers=wrong).text
    assert_error(client.get(API, headers=wrong), 401, "invalid_api_key")
    assert_error(client.get(API, headers=wrong), 429, "rate_limited")  # the third wrong key


def test_a_page_reads_the_key_beside_an_empty_one_as_the_api_does(
    make_app: MakeApp, store: Store
) -> None:
    _, secret = store.create_key("tests")
    beside = {"Authorization": "Bearer ", "X-API-Key": secret}
    with TestClient(make_app(host="0.0.0.0"), base_url=PUBLIC) as client:
        for headers in (beside, _basic(f":{secret}"), _basic(f"{secret}:")):
            assert client.get(PAGE, headers=headers).status_code == 200
            assert client.get(API, headers=headers).status_code == 200


def test_a_loopback_server_with_require_key_asks_for_a_key_sent_empty(
    make_app: MakeApp, store: Store
) -> None:
    store.create_key("local")
    with TestClient(make_app(require_key=True), base_url=BASE_URL) as client:
        _missing_on_the_page(client.get(PAGE, headers={"X-API-Key": ""}))
        _missing_on_the_page(client.get(PAGE, headers=_basic(":")))
        assert_error(client.get(API, headers={"X-API-Key": ""}), 401, "missing_api_key")


@pytest.mark.parametrize(
    ("authorization", "api_key", "basic", "sent"),
    [
        ("Bearer k1", None, False, "k1"),
        ("  bearer   k1  ", "k2", False, "k1"),
        ("Bearer ", "k2", False, "k2"),
        ("Bearer ", None, False, None),
        ("", " ", False, None),
        ("Basic " + base64.b64encode(b"me:k1").decode(), None, True, "k1"),
        ("Basic " + base64.b64encode(b"k1:").decode(), None, True, "k1"),  # key as user name
        ("Basic " + base64.b64encode(b":").decode(), None, True, None),
        ("Basic " + base64.b64encode(b":").decode(), None, False, None),  # no key needed
        ("Basic !!!", None, True, ""),
        ("Basic !!!", "k2", True, "k2"),
        ("Digest x", None, True, ""),
    ],
)
def test_sent_key(authorization: str, api_key: str | None, basic: bool, sent: str | None) -> None:
    assert sent_key(authorization, api_key, basic=basic) == sent

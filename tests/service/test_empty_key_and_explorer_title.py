"""An empty key sent is no key (``Authorization: Bearer`` as ``X-API-Key:``), and the
explorer's window title names the page asked for, however far past the last."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from service_helpers import DATA, MakeApp, assert_error, upload, wait_for

from carelens.store import Store

PUBLIC = "http://203.0.113.7:8000"  # what a client of a 0.0.0.0 server may call it
EMPTY_KEYS = [
    {"Authorization": "Bearer "},
    {"Authorization": "Bearer"},
    {"Authorization": "bearer \t"},
    {"X-API-Key": ""},
    {"X-API-Key": "  "},
]


@pytest.mark.parametrize("headers", EMPTY_KEYS)
def test_an_empty_key_on_a_loopback_server_without_keys_is_no_key(
    client: TestClient, headers: dict[str, str]
) -> None:
    """``Authorization: Bearer `` got 401 invalid_api_key where no key is needed."""
    response = client.get("/v1/corpora", headers=headers)
    assert response.status_code == 200, response.text


@pytest.fixture
def keyed(make_app: MakeApp, store: Store) -> Iterator[tuple[TestClient, str]]:
    """An off-loopback app with one key: (client, secret)."""
    _, secret = store.create_key("tests")
    with TestClient(make_app(host="0.0.0.0"), base_url=PUBLIC) as client:
        yield client, secret


@pytest.mark.parametrize("headers", EMPTY_KEYS)
def test_an_empty_key_where_one_is_required_is_a_missing_key(
    keyed: tuple[TestClient, str], headers: dict[str, str]
) -> None:
    client, _ = keyed
    assert_error(client.get("/v1/corpora", headers=headers), 401, "missing_api_key")


def test_an_empty_bearer_token_leaves_the_x_api_key_to_be_read(
    keyed: tuple[TestClient, str],
) -> None:
    client, secret = keyed
    headers = {"Authorization": "Bearer ", "X-API-Key": secret}
    assert client.get("/v1/corpora", headers=headers).status_code == 200
    assert_error(
        client.get("/v1/corpora", headers={"Authorization": "Basic x"}), 401, "invalid_api_key"
    )


def _title(client: TestClient, corpus_id: str, page: str) -> str:
    response = client.get(f"/explorer/{corpus_id}", params={"page": page})
    assert response.status_code == 200, response.text[:300]
    found = re.search(r"<title>(.*?) · carelens</title>", response.text)
    assert found is not None
    return found.group(1).replace("\u2068", "").replace("\u2069", "")


def test_the_window_title_names_the_page_asked_for(client: TestClient) -> None:
    """``page=99999999999999999999999`` was titled "page 9,007,199,254,740,992"."""
    corpus_id = upload(client, DATA / "thread.jsonl").json()["id"]
    assert wait_for(client, corpus_id)["status"] == "done"
    assert _title(client, corpus_id, "99999999999999999999999") == (
        "thread.jsonl, page 99,999,999,999,999,999,999,999"
    )
    assert _title(client, corpus_id, "0009007199254740993") == (
        "thread.jsonl, page 9,007,199,254,740,993"
    )
    assert _title(client, corpus_id, "9" * 5000) == "thread.jsonl, a page past the last"
    assert _title(client, corpus_id, "99") == "thread.jsonl, page 99"
    assert _title(client, corpus_id, "1") == "thread.jsonl"

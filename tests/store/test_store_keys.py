"""API keys: only a SHA-256 of the secret is stored; verify, list and revoke."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_records import raw

from carelens.store import Store
from carelens.store.base import SECRET_PREFIX


def test_create_verify_revoke(store: Store) -> None:
    key_id, secret = store.create_key("ci robot")
    other_id, other_secret = store.create_key("dashboard")
    assert key_id != other_id and secret != other_secret
    assert secret.startswith(f"clk_{key_id}_") and len(secret) > 60
    assert store.verify_key(secret) == key_id
    assert store.verify_key(other_secret) == other_id
    assert store.revoke_key(key_id) is True
    assert store.verify_key(secret) is None
    assert store.verify_key(other_secret) == other_id
    assert store.revoke_key(key_id) is True  # already revoked: still there
    assert store.revoke_key("no-such-key") is False


def test_list_keys_never_shows_the_secret(store: Store) -> None:
    key_id, secret = store.create_key("ci robot")
    store.revoke_key(key_id)
    later_id, _ = store.create_key("dashboard")
    keys = store.list_keys()
    assert [k["id"] for k in keys] == [key_id, later_id]
    assert set(keys[0]) == {"id", "name", "created_at", "revoked", "revoked_at"}
    assert keys[0]["name"] == "ci robot" and keys[0]["revoked"] is True
    assert keys[1]["revoked"] is False and keys[1]["revoked_at"] is None
    assert secret not in repr(keys)
    # The random part may itself hold "_", so cut at the known prefix, not at the last "_".
    random_part = secret.removeprefix(f"{SECRET_PREFIX}{key_id}_")
    assert random_part != secret and random_part not in repr(keys)


def test_wrong_secrets_are_refused(store: Store) -> None:
    key_id, secret = store.create_key("a")
    last = "A" if secret[-1] != "A" else "B"
    forged = [
        secret[:-1] + last,
        secret + "x",
        secret[:-1],
        f"clk_{key_id}_" + "A" * 43,
        secret.upper(),
        "",
        "clk_",
        " " + secret,
    ]
    for attempt in forged:
        assert store.verify_key(attempt) is None, attempt


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(attempt=st.text(max_size=120))
def test_random_secrets_are_refused(store: Store, attempt: str) -> None:
    assert store.verify_key(attempt) is None


def test_only_the_hash_is_stored(store: Store) -> None:
    _, secret = store.create_key("a")
    rows = raw(store, "SELECT * FROM api_keys")
    assert len(rows) == 1
    digest = hashlib.sha256(secret.encode()).hexdigest()
    assert digest in rows[0]
    assert not any(secret in str(value) or secret[-43:] in str(value) for value in rows[0])


def test_secret_is_not_in_the_database_file(
    open_url: Callable[[], Store], backend: str, store_url: str
) -> None:
    if backend != "sqlite":
        pytest.skip(
            "PostgreSQL's files belong to the server; test_only_the_hash_is_stored checks its rows"
        )
    store = open_url()
    secrets = [store.create_key(f"key {i}")[1] for i in range(3)]
    path = Path(store_url.removeprefix("sqlite:///"))

    def stored_bytes() -> bytes:
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))

    for secret in secrets:  # while open: the rows are still in the WAL
        token = secret.split("_", 2)[2].encode()
        data = stored_bytes()
        assert hashlib.sha256(secret.encode()).hexdigest().encode() in data
        assert secret.encode() not in data and token not in data
    store.close()  # checkpointed into the main file
    data = stored_bytes()
    for secret in secrets:
        assert secret.split("_", 2)[2].encode() not in data


def test_keys_survive_reopening(open_url: Callable[[], Store]) -> None:
    store = open_url()
    key_id, secret = store.create_key("a")
    store.close()
    again = open_url()
    assert again.verify_key(secret) == key_id

"""Helpers for the HTTP API tests: wait for a corpus, upload a file, check an error body."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "cli"
BASE_URL = "http://127.0.0.1"

MakeApp = Callable[..., FastAPI]


def wait_for(
    client: TestClient,
    corpus_id: str,
    statuses: tuple[str, ...] = ("done", "failed"),
    timeout: float = 120.0,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Poll ``GET /v1/corpora/{id}`` until its status is one of ``statuses``."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get(f"/v1/corpora/{corpus_id}", headers=headers)
        assert response.status_code == 200, response.text
        corpus: dict[str, Any] = response.json()
        if corpus["status"] in statuses:
            return corpus
        assert time.monotonic() < deadline, f"corpus still {corpus['status']}: {corpus}"
        time.sleep(0.05)


def upload(
    client: TestClient,
    path: Path,
    *,
    name: str | None = None,
    headers: dict[str, str] | None = None,
    **form: str | list[str],
) -> Any:
    """POST a file to ``/v1/corpora``; the response. A list in ``form`` sends the field once
    per value (``helper=["vol-*", "ama"]``)."""
    with path.open("rb") as fh:
        return client.post(
            "/v1/corpora",
            files={"file": (name or path.name, fh, "application/octet-stream")},
            data=form or None,
            headers=headers,
        )


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """Check the common error shape; the ``error`` object."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in error["message"]
    return error


#: ``pytestmark`` for modules whose tests run on SQLite and on PostgreSQL (see conftest).
BOTH_BACKENDS = pytest.mark.parametrize(
    "database_url", ["sqlite", "postgres"], indirect=True, ids=["sqlite", "postgres"]
)


def write_pairs(path: Path, n: int) -> Path:
    """A JSON Lines file of ``n`` distinct pairs (ids p0..p{n-1})."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"p{i}",
                "seeker": f"I have had a hard week, day {i}, and I can't sleep.",
                "response": f"That sounds exhausting ({i}). What has kept you up?",
            }
            fh.write(json.dumps(row) + "\n")
    return path

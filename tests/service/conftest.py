"""Fixtures for the HTTP API tests: the shipped model (loaded once), apps on a real SQLite store.

``make_app(**settings)`` builds an app over ``tmp_path`` (uploads and ``carelens.db``) with
the session's analyzer; ``client`` is a loopback app's TestClient with its lifespan running
(so the corpus worker runs). Hosts: a loopback app only answers to loopback ``Host`` names,
so clients use ``http://127.0.0.1`` as base URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.store import Store, open_store


@pytest.fixture(scope="session")
def analyzer() -> EmpathyAnalyzer:
    return carelens.load(threads=1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_app(analyzer: EmpathyAnalyzer, data_dir: Path) -> MakeApp:
    """An app on ``data_dir`` (its own SQLite store) with ``ServiceSettings(**overrides)``."""

    def build(*, analyzer_: Any = None, store: Store | None = None, **overrides: Any) -> FastAPI:
        settings = ServiceSettings(**{"data_dir": data_dir, **overrides})
        return create_app(settings, analyzer=analyzer_ or analyzer, store=store)

    return build


@pytest.fixture
def client(make_app: MakeApp) -> Iterator[TestClient]:
    with TestClient(make_app(), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A second handle on the app's SQLite store (for keys and checks)."""
    opened = open_store(None, data_dir=data_dir)
    yield opened
    opened.close()

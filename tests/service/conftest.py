"""Fixtures for the HTTP API tests: the shipped model (loaded once), apps on a real store.

``make_app(**settings)`` builds an app over ``tmp_path`` (uploads, and ``carelens.db`` unless
the test's ``database_url`` names a PostgreSQL schema) with the session's analyzer. Modules
whose behaviour depends on the store run on both backends with ``pytestmark =
BOTH_BACKENDS``; the others use SQLite. ``client`` is a loopback app's TestClient with its
lifespan running (so the corpus worker runs). ``pg_proxy`` is a fresh PostgreSQL schema
reached through a :class:`~store_faults.TcpProxy` (for the store-fault tests). Hosts: a
loopback app only answers to loopback ``Host`` names, so clients use ``http://127.0.0.1``
as base URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp
from store_faults import TcpProxy

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import ServiceSettings, create_app
from carelens.store import Store, open_store
from postgres_schema import PG_ENV, schema_url


@pytest.fixture(scope="session")
def analyzer() -> EmpathyAnalyzer:
    return carelens.load(threads=1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def database_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None (SQLite in ``data_dir``), or a fresh PostgreSQL schema's URL when a module is
    parametrized with ``BOTH_BACKENDS`` (skipped without a test server)."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield None
        return
    with schema_url() as url:
        yield url


@pytest.fixture
def make_app(analyzer: EmpathyAnalyzer, data_dir: Path, database_url: str | None) -> MakeApp:
    """An app on ``data_dir`` and the test's store with ``ServiceSettings(**overrides)``."""

    def build(*, analyzer_: Any = None, store: Store | None = None, **overrides: Any) -> FastAPI:
        settings = ServiceSettings(
            **{"data_dir": data_dir, "database_url": database_url, **overrides}
        )
        return create_app(settings, analyzer=analyzer_ or analyzer, store=store)

    return build


@pytest.fixture
def client(make_app: MakeApp) -> Iterator[TestClient]:
    with TestClient(make_app(), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def store(data_dir: Path, database_url: str | None) -> Iterator[Store]:
    """A second handle on the app's store (for keys and checks)."""
    opened = open_store(database_url, data_dir=data_dir)
    yield opened
    opened.close()


@pytest.fixture
def pg_proxy() -> Iterator[tuple[TcpProxy, str, str]]:
    """A fresh PostgreSQL schema reached through a proxy: (proxy, URL through it, password);
    skips without a PostgreSQL test server."""
    if not os.environ.get(PG_ENV):
        pytest.skip(
            f"a PostgreSQL server behind a proxy needs a PostgreSQL test server: set {PG_ENV} "
            '(run: eval "$(scripts/postgres.sh)"); these tests have no SQLite version'
        )
    with schema_url() as url:
        proxy, proxied = TcpProxy.for_url(url)
        proxy.start()
        try:
            yield proxy, proxied, unquote(urlsplit(url).password or "")
        finally:
            proxy.stop()

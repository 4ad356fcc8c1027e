"""Fixtures for the store tests: every test runs on SQLite, and on PostgreSQL when
``CARELENS_TEST_POSTGRES_URL`` is set (``eval "$(scripts/postgres.sh)"`` starts one).

Each PostgreSQL test gets its own schema (dropped afterwards) through the URL's
``search_path``, so tests never see each other's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carelens.store import Store, open_store
from postgres_schema import schema_url


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to a fresh, empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'carelens.db'}"
        return
    with schema_url() as url:
        yield url


@pytest.fixture
def backend(store_url: str) -> str:
    return "sqlite" if store_url.startswith("sqlite") else "postgres"


@pytest.fixture
def open_url(store_url: str) -> Iterator[Callable[[], Store]]:
    """Opens the fixture's database (again); every store opened is closed afterwards."""
    opened: list[Store] = []

    def opener() -> Store:
        store = open_store(store_url)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def store(open_url: Callable[[], Store]) -> Store:
    return open_url()
